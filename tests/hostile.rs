//! Hostile and broken input through the built binary: mixed batch streams, closed
//! pipes and a closed stdout, other encodings, damaged UTF-8, HTML.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn zaman(args: &[&str], stdin: &[u8]) -> Output {
    crate::run_zaman(args, stdin)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zaman-hostile-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

const GOOD: &str = r#"{"id":"ok","text":"قال الوزير أمس إن الوفد وصل.","dct":"2021-04-13"}"#;

fn error_of(v: &Value) -> &str {
    assert_eq!(v.as_object().map(|o| o.len()), Some(2), "id and error: {v}");
    v["error"]
        .as_str()
        .unwrap_or_else(|| panic!("an error record: {v}"))
}

/// The mixed stream of the issue: one output line per input line, in order.
#[test]
fn a_mixed_stream_gives_one_line_per_line_in_order() {
    let huge_text = "قال الوزير أمس إن الوفد وصل. ".repeat(40_000);
    let huge =
        serde_json::json!({"id": "huge", "text": huge_text, "dct": "2021-04-13"}).to_string();
    let mut input: Vec<u8> = Vec::new();
    let mut push = |line: &[u8], ending: &[u8]| {
        input.extend_from_slice(line);
        input.extend_from_slice(ending);
    };
    push(GOOD.as_bytes(), b"\n"); // 1
    push(b"{\"id\":\"x\",\"text\":", b"\n"); // 2 malformed
    push(br#"{"id":"no-text","dct":"2021-04-13"}"#, b"\n"); // 3 missing text
    push(
        r#"{"id":42,"text":"أمس","dct":"2021-04-13"}"#.as_bytes(),
        b"\n",
    ); // 4 id as number
    push(br#"{"id":"arr","text":["a","b"]}"#, b"\n"); // 5 text as array
    push(
        r#"{"id":"num-dct","text":"أمس","dct":20210413}"#.as_bytes(),
        b"\n",
    ); // 6
    push(huge.as_bytes(), b"\n"); // 7 huge line (over a megabyte)
    push(b"", b"\n"); // 8 empty
    push(b" \t ", b"\n"); // 9 whitespace only
    push(GOOD.as_bytes(), b"\r\n"); // 10 CRLF
    push(b"[1,2,3]", b"\r\n"); // 11 not an object
    push(b"{\"id\":\"bad-utf8\",\"text\":\"\xd8\xa3\xff\"}", b"\n"); // 12
    push(br#"{"id":null,"text":"","dct":null}"#, b""); // 13 no final newline
    let out = zaman(&["batch", "--quiet"], &input);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = lines(&out);
    assert_eq!(v.len(), 13, "one output line per input line");
    assert_eq!(v[0]["id"], "ok");
    assert_eq!(v[0]["timexes"][0]["value"], "2021-04-12");
    assert!(error_of(&v[1]).starts_with("line 2: invalid JSON"));
    assert_eq!(v[2]["id"], "no-text");
    assert_eq!(error_of(&v[2]), "line 3: missing string field \"text\"");
    assert_eq!(v[3]["id"], 42, "a number id is kept as given");
    assert_eq!(v[3]["document"]["id"], "42");
    assert_eq!(v[3]["timexes"][0]["value"], "2021-04-12");
    assert_eq!(
        error_of(&v[4]),
        "line 5: field \"text\" must be a string, found an array"
    );
    assert_eq!(
        error_of(&v[5]),
        "line 6: field \"dct\" must be a string, found a number"
    );
    assert_eq!(v[6]["id"], "huge");
    assert_eq!(v[6]["timexes"].as_array().map(Vec::len), Some(40_000));
    assert_eq!(v[7]["id"], Value::Null);
    assert_eq!(error_of(&v[7]), "line 8: empty line, no JSON record");
    assert_eq!(error_of(&v[8]), "line 9: empty line, no JSON record");
    assert_eq!(v[9]["id"], "ok", "CRLF is a line ending");
    assert_eq!(
        error_of(&v[10]),
        "line 11: a record must be a JSON object, found an array"
    );
    assert!(error_of(&v[11]).starts_with("line 12: not valid UTF-8 (byte 27)"));
    assert_eq!(v[12]["id"], Value::Null);
    assert_eq!(v[12]["document"]["id"], "line-13");
    assert_eq!(v[12]["timexes"], serde_json::json!([]));

    // --lossy: the bad line is read with U+FFFD and a warning naming the byte
    let out = zaman(&["batch", "--quiet", "--lossy"], &input);
    let v = lines(&out);
    assert_eq!(v.len(), 13);
    assert_eq!(v[11]["id"], "bad-utf8");
    assert_eq!(v[11]["warnings"][0]["code"], "lossy-utf8");
    assert_eq!(v[11]["warnings"][0]["byte_offset"], 27);
}

#[test]
fn a_clean_stream_exits_0() {
    let input = format!("{GOOD}\n{GOOD}\r\n");
    let out = zaman(&["batch", "--quiet"], input.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(lines(&out).len(), 2);
}

/// `zaman batch … | head -1`: the reader goes away; zaman ends quietly, no panic.
#[test]
fn a_closed_pipe_ends_batch_quietly() {
    let input = format!("{GOOD}\n").repeat(3000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_zaman"))
        .args(["batch", "-j", "1"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut first = String::new();
    {
        let stdout = child.stdout.take().expect("stdout");
        BufReader::new(stdout)
            .read_line(&mut first)
            .expect("one line");
        // dropping stdout closes the pipe, as `head -1` does
    }
    let out = child.wait_with_output().expect("wait");
    let _ = feeder.join();
    let first: Value = serde_json::from_str(&first).expect("the first line is JSON");
    assert_eq!(first["id"], "ok");
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
}

/// The same through a real shell pipeline, and with standard output closed (`>&-`).
/// The shell runs in the project root (for the sample path).
#[test]
fn shell_pipelines_and_a_closed_stdout() {
    let dir = temp_dir("pipe");
    let input = dir.join("in.jsonl");
    std::fs::write(&input, format!("{GOOD}\n").repeat(3000)).expect("write");
    let bin = env!("CARGO_BIN_EXE_zaman");
    let sh = |script: &str| {
        Command::new("sh")
            .arg("-c")
            .arg(script)
            .current_dir(root())
            .env("Z", bin)
            .env("IN", &input)
            .output()
            .expect("sh")
    };
    let out = sh("\"$Z\" batch --quiet --input \"$IN\" | head -1");
    let head: Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
    assert_eq!(head["id"], "ok");
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    // a closed stdout: the Rust runtime reopens it on /dev/null, so the output is
    // discarded like `>/dev/null`; no panic, and the exit code still tells the failures
    let out = sh("\"$Z\" batch --quiet --input \"$IN\" >&-; echo \"exit=$?\" >&2");
    let err = stderr(&out);
    assert!(err.contains("exit=0") && !err.contains("panicked"), "{err}");
    let out = sh("printf 'x\\n' | \"$Z\" batch --quiet >&-; echo \"exit=$?\" >&2");
    let err = stderr(&out);
    assert!(err.contains("exit=1") && !err.contains("panicked"), "{err}");
    let out =
        sh("\"$Z\" extract data/samples/cairo-talks-2023-11-05.txt >&-; echo \"exit=$?\" >&2");
    assert!(stderr(&out).contains("exit=0"), "{}", stderr(&out));
    let out = sh("\"$Z\" formats | head -c 1 >/dev/null; echo ok");
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

fn extract_file(dir: &Path, name: &str, bytes: &[u8], extra: &[&str]) -> Output {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    let mut args = vec![
        "extract",
        path.to_str().expect("UTF-8 path"),
        "--dct",
        "2021-04-13",
    ];
    args.extend_from_slice(extra);
    zaman(&args, b"")
}

fn json_of(out: &Output) -> Value {
    assert_eq!(out.status.code(), Some(0), "{}", stderr(out));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn other_encodings_are_decoded_with_a_warning() {
    let dir = temp_dir("enc");
    let text = "قال الوزير أمس إن الوفد وصل يوم الثلاثاء 13 أبريل 2021.";
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let (cp1256, _, _) = encoding_rs::WINDOWS_1256.encode(text);
    for (name, bytes, encoding) in [
        ("le.txt", utf16le, "UTF-16LE"),
        ("be.txt", utf16be, "UTF-16BE"),
        ("cp.txt", cp1256.into_owned(), "windows-1256"),
    ] {
        let doc = json_of(&extract_file(&dir, name, &bytes, &[]));
        assert_eq!(doc["warnings"][0]["code"], "encoding", "{name}");
        assert_eq!(doc["warnings"][0]["encoding"], encoding, "{name}");
        let values: Vec<&str> = doc["timexes"]
            .as_array()
            .expect("timexes")
            .iter()
            .map(|t| t["value"].as_str().expect("value"))
            .collect();
        assert_eq!(values, ["2021-04-12", "2021-04-13"], "{name}");
        // spans point into the decoded text
        assert_eq!(
            doc["timexes"][0]["span"],
            serde_json::json!([11, 14]),
            "{name}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn damaged_utf8_fails_with_file_and_offset_or_goes_on_with_lossy() {
    let dir = temp_dir("lossy");
    let mut bytes = "قال الوزير أمس".as_bytes().to_vec();
    bytes.insert(6, 0xFF);
    let out = extract_file(&dir, "damaged.txt", &bytes, &[]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with("zaman: ")
            && err.contains("damaged.txt: not valid UTF-8 (first bad byte at offset 6)"),
        "{err}"
    );
    assert!(err.contains("--lossy"), "{err}");
    let doc = json_of(&extract_file(&dir, "damaged.txt", &bytes, &["--lossy"]));
    assert_eq!(doc["warnings"][0]["code"], "lossy-utf8");
    assert_eq!(doc["warnings"][0]["byte_offset"], 6);
    assert_eq!(doc["timexes"][0]["text"], "أمس");
    assert_eq!(doc["timexes"][0]["span"], serde_json::json!([12, 15]));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn html_is_read_as_its_text_and_spans_point_into_it() {
    let dir = temp_dir("html");
    let html = "<!DOCTYPE html><html><head><title>الوزير يعلن</title><script>var x='أمس';</script></head>\
                <body><h1>قمة&nbsp;جديدة</h1><p>قال وزير الخارجية أمس إن القمة تعقد الثلاثاء 13 أبريل 2021.</p>\
                <p>وأضاف &quot;نحن مستعدون&quot;.</p></body></html>";
    let path = dir.join("page.html");
    std::fs::write(&path, html).expect("write");
    let p = path.to_str().expect("UTF-8 path");
    let doc = json_of(&zaman(&["extract", p, "--dct", "2021-04-13"], b""));
    assert_eq!(doc["warnings"][0]["code"], "input-html");
    let text = String::from_utf8(zaman(&["text", p], b"").stdout).expect("text");
    assert_eq!(
        text,
        "الوزير يعلن\nقمة\u{A0}جديدة\nقال وزير الخارجية أمس إن القمة تعقد الثلاثاء 13 أبريل 2021.\nوأضاف \"نحن مستعدون\".\n"
    );
    let chars: Vec<char> = text.chars().collect();
    let timexes = doc["timexes"].as_array().expect("timexes");
    assert_eq!(timexes.len(), 2, "the script's أمس is not text");
    for t in timexes {
        let [s, e] = [0, 1].map(|k| t["span"][k].as_u64().expect("span") as usize);
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            t["text"].as_str().expect("text")
        );
    }
    assert_eq!(timexes[1]["value"], "2021-04-13");
    // title, heading and paragraphs are lines of their own: the sentences split there
    let events: Vec<(&str, &str, u64)> = doc["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().expect("kind"),
                e["trigger"]["text"].as_str().expect("trigger"),
                e["sentence"].as_u64().expect("sentence"),
            )
        })
        .collect();
    assert_eq!(
        events,
        [
            ("statement", "يعلن", 0),
            ("meeting", "قمة", 1),
            ("statement", "قال", 2),
            ("meeting", "القمة", 2),
            ("statement", "أضاف", 3)
        ]
    );
    // --no-html reads the markup as text
    let doc = json_of(&zaman(
        &["extract", p, "--dct", "2021-04-13", "--no-html"],
        b"",
    ));
    assert!(doc.get("warnings").is_none());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn batch_dir_decodes_each_file_and_names_the_bad_one() {
    let dir = temp_dir("dir");
    let text = "وصل الوفد أمس";
    std::fs::write(dir.join("a.txt"), text).expect("write");
    let (cp, _, _) = encoding_rs::WINDOWS_1256.encode(text);
    std::fs::write(dir.join("b.txt"), &cp).expect("write");
    std::fs::write(
        dir.join("c.txt"),
        b"\xef\xbb\xbf\xd9\x88\xff\xd8\xb5\xd9\x84 \xd8\xa3\xd9\x85\xd8\xb3",
    )
    .expect("write");
    std::fs::write(dir.join("d.txt"), format!("<html><p>{text}</p></html>")).expect("write");
    let d = dir.to_str().expect("UTF-8 path");
    let out = zaman(&["batch", "--quiet", "--dir", d], b"");
    assert_eq!(out.status.code(), Some(1));
    let v = lines(&out);
    assert_eq!(v.len(), 4);
    assert!(v[0].get("warnings").is_none());
    assert_eq!(v[1]["warnings"][0]["encoding"], "windows-1256");
    assert_eq!(
        error_of(&v[2]),
        "c.txt: not valid UTF-8 (first bad byte at offset 5), nor UTF-16 or Windows-1256; --lossy replaces bad bytes"
    );
    assert_eq!(v[3]["warnings"][0]["code"], "input-html");
    for k in [0, 1, 3] {
        assert_eq!(v[k]["timexes"][0]["text"], "أمس", "record {k}");
    }
    let out = zaman(&["batch", "--quiet", "--lossy", "--dir", d], b"");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = lines(&out);
    assert_eq!(v[2]["warnings"][0]["byte_offset"], 5);
    assert_eq!(v[2]["timexes"][0]["text"], "أمس");
    let _ = std::fs::remove_dir_all(&dir);
}
