//! `zaman serve` end to end: the built binary on a loopback port picked by the system,
//! every route, every error and every limit, the answers compared with the CLI's.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use zaman::export::Format;

use crate::http_client::{self, Response};
use crate::{run_zaman, shared_dir};

/// A running `zaman serve`, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
    stderr: mpsc::Receiver<String>,
}

impl Server {
    fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_zaman"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn zaman serve");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let first = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("zaman serve printed its address");
        let addr = first
            .strip_prefix("zaman serve: listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
            .to_string();
        Server {
            child,
            addr,
            stderr: rx,
        }
    }

    fn request(
        &self,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Response {
        http_client::request(&self.addr, method, target, headers, body)
            .unwrap_or_else(|e| panic!("{method} {target}: {e}"))
    }

    fn post(&self, target: &str, body: &[u8]) -> Response {
        self.request(
            "POST",
            target,
            &[("Content-Type", "text/plain; charset=utf-8")],
            body,
        )
    }

    fn post_json(&self, target: &str, body: &Value) -> Response {
        self.request(
            "POST",
            target,
            &[("Content-Type", "application/json")],
            body.to_string().as_bytes(),
        )
    }

    fn get(&self, target: &str) -> Response {
        self.request("GET", target, &[], b"")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The samples as (path relative to the project root, as the CLI names them; text).
fn samples() -> Vec<(String, String)> {
    let mut paths = Vec::new();
    for (dir, shown) in [
        (root().join("data/samples"), "data/samples".to_string()),
        (
            shared_dir().join("samples"),
            "../shared/samples".to_string(),
        ),
    ] {
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".txt"))
            .collect();
        names.sort();
        for n in names {
            let text = std::fs::read_to_string(dir.join(&n)).expect("sample text");
            paths.push((format!("{shown}/{n}"), text));
        }
    }
    assert!(
        paths.len() >= 4,
        "the samples of data/samples and ../shared/samples"
    );
    paths
}

fn cli(args: &[&str], stdin: &[u8]) -> (bool, Vec<u8>, String) {
    let out = run_zaman(args, stdin);
    (
        out.status.success(),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The error message of a 4xx JSON error answer.
fn error_of(r: &Response, status: u16) -> String {
    assert_eq!(r.status, status, "{}", r.text());
    assert_eq!(r.header("content-type"), Some("application/json"));
    let v = r.json();
    v["error"]
        .as_str()
        .unwrap_or_else(|| panic!("no error field in {v}"))
        .to_string()
}

fn article() -> String {
    std::fs::read_to_string(shared_dir().join("samples/biden-putin-call-2021-04-13.txt"))
        .expect("../shared/samples/biden-putin-call-2021-04-13.txt")
}

#[test]
fn serve_extract_equals_the_cli_on_every_sample() {
    let server = Server::start(&["--threads", "2"]);
    for (path, text) in samples() {
        let (ok, expected, err) = cli(&["extract", &path], b"");
        assert!(ok, "{path}: {err}");
        // the raw text as the body: the same bytes as `zaman extract FILE`
        let r = server.post(&format!("/extract?id={path}"), text.as_bytes());
        assert_eq!(r.status, 200, "{path}: {}", r.text());
        assert_eq!(r.header("content-type"), Some("application/json"));
        assert_eq!(
            r.text(),
            String::from_utf8_lossy(&expected),
            "{path}: raw body"
        );
        // the JSON body: the same document
        let r = server.post_json("/extract", &json!({"text": text, "id": path}));
        assert_eq!(r.status, 200, "{path}: {}", r.text());
        let expected: Value = serde_json::from_slice(&expected).expect("CLI JSON");
        assert_eq!(r.json(), expected, "{path}: JSON body");
        assert!(
            expected["events"].as_array().is_some_and(|e| !e.is_empty()),
            "{path}: a document with events"
        );
    }
}

#[test]
fn serve_extract_every_format_dct_and_policy_as_the_cli() {
    let server = Server::start(&[]);
    let path = "data/samples/cairo-talks-2023-11-05.txt";
    let text = std::fs::read_to_string(root().join(path)).expect("sample");
    for format in Format::ALL {
        let name = format.name();
        for policy in ["news", "narrative"] {
            let (ok, expected, err) = cli(
                &[
                    "extract",
                    path,
                    "--dct",
                    "2023-11-06",
                    "--policy",
                    policy,
                    "--format",
                    name,
                ],
                b"",
            );
            assert!(ok, "{name}: {err}");
            let r = server.post(
                &format!("/extract?id={path}&dct=2023-11-06&policy={policy}&format={name}"),
                text.as_bytes(),
            );
            assert_eq!(r.status, 200, "{name}: {}", r.text());
            assert_eq!(r.body, expected, "{name} {policy}: raw body");
            let r = server.post_json(
                "/extract",
                &json!({"text": text, "id": path, "dct": "2023-11-06", "policy": policy, "format": name}),
            );
            assert_eq!(r.status, 200, "{name}: {}", r.text());
            assert_eq!(r.body, expected, "{name} {policy}: JSON body");
        }
    }
    // compact JSON is one line, the same document
    let r = server.post(&format!("/extract?id={path}&compact=true"), text.as_bytes());
    assert_eq!(r.status, 200);
    assert_eq!(r.text().lines().count(), 1);
    let (_, expected, _) = cli(&["extract", path, "--compact"], b"");
    assert_eq!(r.body, expected);
    // the DCT given changes the values: أمس is the day before
    let r = server.post_json(
        "/extract",
        &json!({"text": "وصل الوزير أمس", "dct": "2021-04-13"}),
    );
    let doc = r.json();
    assert_eq!(doc["document"]["id"], "request");
    assert_eq!(doc["document"]["dct"], "2021-04-13");
    assert_eq!(doc["timexes"][0]["value"], "2021-04-12");
}

#[test]
fn serve_bad_requests_get_json_errors_naming_the_problem() {
    let server = Server::start(&[]);
    // the same message as the CLI for a bad DCT
    let (ok, _, err) = cli(&["extract", "--dct", "2021-02-30", "-"], "أمس".as_bytes());
    assert!(!ok);
    let cli_message = err.trim().trim_start_matches("zaman: ").to_string();
    let r = server.post("/extract?dct=2021-02-30", "أمس".as_bytes());
    assert_eq!(error_of(&r, 400), cli_message);
    let r = server.post_json("/extract", &json!({"text": "أمس", "dct": "2021-02-30"}));
    assert_eq!(error_of(&r, 400), cli_message);

    let r = server.post("/extract?format=pdf", b"x");
    let e = error_of(&r, 400);
    assert!(
        e.contains("unknown format \"pdf\"") && e.contains("html"),
        "{e}"
    );
    let r = server.post_json("/extract", &json!({"text": "x", "policy": "fast"}));
    assert!(error_of(&r, 400).contains("unknown policy \"fast\""));
    let r = server.post("/extract?colour=red", b"x");
    assert!(error_of(&r, 400).contains("colour"));
    let r = server.post("/extract?text=abc", b"");
    assert!(error_of(&r, 400).contains("not as a query parameter"));
    let r = server.post("/extract?compact=maybe", b"x");
    assert!(error_of(&r, 400).contains("invalid query string"));

    let json_header = [("Content-Type", "application/json")];
    let r = server.request("POST", "/extract", &json_header, b"{\"text\": ");
    assert!(error_of(&r, 400).starts_with("invalid JSON body: EOF"));
    let r = server.request("POST", "/extract", &json_header, b"[1, 2]");
    assert_eq!(
        error_of(&r, 400),
        "JSON body: must be an object {\"text\": …}, found an array"
    );
    let r = server.post_json("/extract", &json!({"dct": "2021-04-13"}));
    assert_eq!(
        error_of(&r, 400),
        "JSON body: missing string field \"text\""
    );
    let r = server.post_json("/extract", &json!({"text": 5}));
    assert!(error_of(&r, 400).contains("invalid type: integer `5`, expected a string"));
    let r = server.post_json("/extract", &json!({"text": "x", "txet": "y"}));
    assert!(error_of(&r, 400).contains("unknown field `txet`"));

    // bytes that are neither UTF-8, UTF-16 nor Windows-1256 Arabic: the CLI's message
    let bytes = b"abc \xff\xfe\xfd def";
    let (ok, _, err) = cli(&["extract", "-"], bytes);
    assert!(!ok);
    let r = server.post("/extract?id=stdin", bytes);
    assert_eq!(error_of(&r, 400), err.trim().trim_start_matches("zaman: "));

    let r = server.request(
        "POST",
        "/extract",
        &[("Content-Type", "multipart/form-data; boundary=x")],
        b"--x--",
    );
    assert!(error_of(&r, 415).contains("multipart"));
    let r = server.get("/extract");
    assert_eq!(error_of(&r, 405), "/extract takes POST only");
    let r = server.post("/health", b"");
    assert_eq!(error_of(&r, 405), "/health takes GET only");
    let r = server.get("/nowhere");
    assert!(error_of(&r, 404).contains("no route /nowhere"));
    let r = server.post("/batch?policy=fast", b"");
    assert!(error_of(&r, 400).contains("unknown policy"));

    // junk on the wire: the server answers or closes, and lives on
    for junk in [
        &b"GARBAGE\r\n\r\n"[..],
        b"POST /extract HTTP/1.1\r\nContent-Length: nope\r\n\r\n",
        b"POST /extract HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        b"\x00\x01\x02\xff",
    ] {
        let answer = http_client::raw(&server.addr, junk).unwrap_or_default();
        if let Ok(r) = http_client::parse(&answer) {
            assert!((400..500).contains(&r.status), "{junk:?}: {}", r.status);
        }
    }
    let r = server.get("/health");
    assert_eq!(r.status, 200);
}

#[test]
fn serve_health_formats_and_usage() {
    let server = Server::start(&["--threads", "1", "--max-concurrent", "3"]);
    let h = server.get("/health").json();
    assert_eq!(h["status"], "ok");
    assert_eq!(h["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(h["schema"], "zaman/timeline-v1");
    assert_eq!(h["threads"], 1);
    assert_eq!(h["max_concurrent"], 3);
    assert_eq!(h["extractions"], 0);
    let f = server.get("/formats").json();
    let names: Vec<&str> = f
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|x| x["name"].as_str())
        .collect();
    let expected: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(names, expected);
    assert_eq!(f[0]["content_type"], "application/json");
    let u = server.get("/");
    assert_eq!(u.status, 200);
    assert!(u.text().contains("POST /extract") && u.text().contains("POST /batch"));
}

#[test]
fn serve_batch_equals_zaman_batch_with_its_error_records() {
    let server = Server::start(&["--threads", "2"]);
    let mut input = String::new();
    for (i, (path, text)) in samples().iter().enumerate() {
        input.push_str(&json!({"id": path, "text": text}).to_string());
        input.push('\n');
        if i == 0 {
            input.push_str("not json\n\n{\"id\": 7, \"text\": 3}\n");
            input.push_str(
                &json!({"id": "bad-dct", "text": "أمس", "dct": "2021-13-01"}).to_string(),
            );
            input.push('\n');
        }
    }
    input.push_str(&json!({"id": "last", "text": "غدا", "dct": "2021-04-13"}).to_string());
    let (_, expected, _) = cli(&["batch", "--quiet", "-j", "2"], input.as_bytes());
    let r = server.request(
        "POST",
        "/batch",
        &[("Content-Type", "application/x-ndjson")],
        input.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.header("content-type"), Some("application/x-ndjson"));
    assert_eq!(r.header("transfer-encoding"), Some("chunked"), "streamed");
    assert_eq!(r.text(), String::from_utf8_lossy(&expected));
    let lines: Vec<Value> = r
        .text()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), samples().len() + 5);
    assert_eq!(lines[1]["id"], Value::Null);
    assert!(
        lines[1]["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("line 2: invalid JSON"))
    );
    assert_eq!(lines[2]["error"], "line 3: empty line, no JSON record");
    assert_eq!(lines[3]["id"], 7);
    assert_eq!(
        lines[3]["error"],
        "line 4: field \"text\" must be a string, found a number"
    );
    assert_eq!(lines[4]["id"], "bad-dct");
    let last = lines.last().expect("last line");
    assert_eq!(last["id"], "last");
    assert_eq!(last["timexes"][0]["value"], "2021-04-14");
    // an empty body: no lines
    let r = server.post("/batch", b"");
    assert_eq!(r.status, 200);
    assert!(r.body.is_empty());
}

#[test]
fn serve_limits_body_size() {
    let server = Server::start(&["--max-body", "1000"]);
    let big = "أمس ".repeat(200); // 1400 bytes
    for route in ["/extract", "/batch"] {
        let r = server.post(route, big.as_bytes());
        assert_eq!(
            error_of(&r, 413),
            "request body larger than the limit of 1000 bytes (--max-body)"
        );
    }
    // chunked, so no Content-Length to refuse early: counted as it comes
    let mut req = b"POST /extract HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for _ in 0..4 {
        req.extend_from_slice(format!("{:x}\r\n", 400).as_bytes());
        req.extend_from_slice(&[b'a'; 400]);
        req.extend_from_slice(b"\r\n");
    }
    req.extend_from_slice(b"0\r\n\r\n");
    let r =
        http_client::parse(&http_client::raw(&server.addr, &req).expect("send")).expect("answer");
    assert_eq!(r.status, 413);
    // just under the limit is fine
    let r = server.post("/extract", "أمس ".repeat(100).as_bytes());
    assert_eq!(r.status, 200);
}

#[test]
fn serve_limits_time() {
    let server = Server::start(&[
        "--timeout",
        "2",
        "--threads",
        "1",
        "--max-body",
        "100000000",
    ]);
    // a client that announces a body and never sends it
    let started = Instant::now();
    let answer = http_client::raw(
        &server.addr,
        b"POST /extract HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc",
    )
    .expect("answer");
    let r = http_client::parse(&answer).expect("HTTP answer");
    assert_eq!(error_of(&r, 408), "request timed out after 2 s (--timeout)");
    assert!(started.elapsed() < Duration::from_secs(10));
    // a batch cut by the timeout ends with an error line saying so
    let line = json!({"id": "a", "text": article()}).to_string() + "\n";
    // (73 MB: read in a fraction of a second, extracted in about three seconds or more on
    // the pool; the deadline counts the reading too, so it is 2 s: with 1 s, a machine busy
    // with builds sometimes took longer to read the body, and the client got a broken pipe)
    let r = server.post("/batch", line.repeat(12_000).as_bytes());
    assert_eq!(r.status, 200, "{}", r.text());
    let text = r.text();
    let last: Value = serde_json::from_str(text.lines().last().expect("a line")).expect("JSON");
    assert_eq!(last["id"], Value::Null);
    assert!(
        last["error"]
            .as_str()
            .is_some_and(|e| e.starts_with("request timed out after 2 s")),
        "{last}"
    );
    assert!(text.lines().count() < 12_001);
    for l in text.lines().rev().skip(1) {
        let doc: Value = serde_json::from_str(l).expect("JSON");
        assert_eq!(doc["id"], "a");
        assert!(doc["error"].is_null());
    }
    // an extraction longer than the timeout: about 72 MB of news text
    let long = article().repeat(12_000);
    let r = server.post("/extract", long.as_bytes());
    assert_eq!(error_of(&r, 408), "request timed out after 2 s (--timeout)");
    // the service is still there
    assert_eq!(server.get("/health").status, 200);
}

#[test]
fn serve_limits_concurrent_extractions() {
    let server = Server::start(&["--threads", "1", "--max-concurrent", "1"]);
    let addr = server.addr.clone();
    let long = article().repeat(600); // about 3.6 MB: a fraction of a second of extraction
    let first = std::thread::spawn(move || {
        http_client::request(&addr, "POST", "/extract?compact=true", &[], long.as_bytes())
    });
    // wait until it is admitted
    let deadline = Instant::now() + Duration::from_secs(20);
    while server.get("/health").json()["extractions"] != 1 {
        assert!(
            Instant::now() < deadline,
            "the first extraction was never admitted"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let r = server.post("/extract", "أمس".as_bytes());
    assert_eq!(r.header("retry-after"), Some("1"));
    assert!(error_of(&r, 503).starts_with("busy: 1 extractions"));
    let r = server.post("/batch", b"{\"id\":1,\"text\":\"x\"}\n");
    assert_eq!(error_of(&r, 503).split(':').next(), Some("busy"));
    let first = first.join().expect("thread").expect("first answer");
    assert_eq!(first.status, 200);
    assert!(
        first.json()["events"]
            .as_array()
            .is_some_and(|e| e.len() > 100)
    );
    // and once it is done, the next one is admitted
    assert_eq!(server.post("/extract", "أمس".as_bytes()).status, 200);
}

#[test]
fn serve_shuts_down_gracefully_on_sigterm() {
    let mut server = Server::start(&["--threads", "1"]);
    let addr = server.addr.clone();
    // a batch that takes a while on one thread
    let line =
        json!({"id": "a", "text": article().repeat(60), "dct": "2021-04-13"}).to_string() + "\n";
    let body = line.repeat(8);
    let running = std::thread::spawn(move || {
        http_client::request(&addr, "POST", "/batch", &[], body.as_bytes())
    });
    let deadline = Instant::now() + Duration::from_secs(20);
    while server.get("/health").json()["extractions"] != 1 {
        assert!(Instant::now() < deadline, "the batch was never admitted");
        std::thread::sleep(Duration::from_millis(5));
    }
    let pid = server.child.id().to_string();
    let status = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    assert!(status.success());
    // the running request is finished, whole
    let r = running.join().expect("thread").expect("the batch answer");
    assert_eq!(r.status, 200);
    let lines: Vec<Value> = r
        .text()
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 8);
    assert!(lines.iter().all(|l| l["id"] == "a" && l["error"].is_null()));
    // then the process exits cleanly, saying so
    let deadline = Instant::now() + Duration::from_secs(20);
    let exit = loop {
        if let Some(s) = server.child.try_wait().expect("wait") {
            break s;
        }
        assert!(Instant::now() < deadline, "zaman serve did not stop");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(exit.success(), "{exit}");
    let said: Vec<String> = server.stderr.try_iter().collect();
    assert!(said.iter().any(|l| l.contains("shutting down")), "{said:?}");
    assert!(said.iter().any(|l| l == "zaman serve: stopped"), "{said:?}");
    assert!(http_client::request(&server.addr, "GET", "/health", &[], b"").is_err());
}
