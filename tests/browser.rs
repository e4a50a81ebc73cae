//! The visual exports in a real browser: the `vis` JSON loaded by vis-timeline, the
//! `timelinejs` JSON by TimelineJS, and the `html` report opened offline, all in headless
//! Chromium driven by `tests/browser/check.mjs` (playwright-core). Needs Debian's
//! `/usr/bin/chromium` and `tests/browser/node_modules`: `scripts/setup-browser.sh`
//! installs both (`.ci/run` calls it).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};
use zaman::export::{self, Format};
use zaman::{Dct, Document, Extractor};

use crate::shared_dir;

const SETUP: &str = "run the tests with scripts/test, which sets up what they need (here \
     scripts/setup-browser.sh: Debian's chromium and fonts, and `npm ci` in tests/browser) and \
     then runs cargo test --release";

fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("browser")
}

fn out_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    dir
}

/// Fails (never skips) when the browser set-up is missing.
fn require_setup() {
    let chromium = Path::new("/usr/bin/chromium");
    let playwright = browser_dir().join("node_modules/playwright-core/package.json");
    let vis = browser_dir().join("node_modules/vis-timeline/package.json");
    let tljs = browser_dir().join("node_modules/@knight-lab/timelinejs/package.json");
    let missing: Vec<String> = [chromium.to_path_buf(), playwright, vis, tljs]
        .into_iter()
        .filter(|p| !p.exists())
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "the browser tests need {}: {SETUP}",
        missing.join(", ")
    );
}

/// Runs one job of check.mjs and returns its measurements.
fn run(job: &Value) -> Value {
    require_setup();
    let out = Command::new("node")
        .arg(browser_dir().join("check.mjs"))
        .arg(job.to_string())
        .current_dir(browser_dir())
        .output()
        .unwrap_or_else(|e| panic!("cannot run node ({e}): {SETUP}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "check.mjs failed ({}): {}\n{stdout}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let line = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(line).unwrap_or_else(|e| panic!("check.mjs printed {line:?}: {e}"))
}

struct Sample {
    name: String,
    text: String,
    doc: Document,
}

/// The real article (DCT 2021-04-13) and our own samples (DCT from the file name).
fn samples() -> Vec<Sample> {
    let mut paths = vec![(
        shared_dir()
            .join("samples")
            .join("biden-putin-call-2021-04-13.txt"),
        "2021-04-13".to_string(),
    )];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples");
    let mut ours: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    ours.sort();
    for p in ours {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let dct = zaman::batch::dct_from_name(name).expect("a date in the sample's name");
        paths.push((p, dct));
    }
    paths
        .into_iter()
        .map(|(p, dct)| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let dct: Dct = dct.parse().expect("DCT");
            let name = p
                .file_stem()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_string();
            let doc = Extractor::default().extract(&name, &text, Some(dct));
            Sample { name, text, doc }
        })
        .collect()
}

fn export_to(sample: &Sample, format: Format, text: bool, suffix: &str) -> PathBuf {
    let path = out_dir().join(format!("{}{suffix}", sample.name));
    let mut bytes = Vec::new();
    let text = text.then_some(sample.text.as_str());
    export::write(
        format,
        &sample.doc,
        text,
        &export::Options::default(),
        &mut bytes,
    )
    .unwrap_or_else(|e| panic!("{}: {e}", sample.name));
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    path
}

/// First mentions with an interval: what can be placed on a time axis, computed from the
/// document directly.
fn dated(doc: &Document) -> Vec<&zaman::document::Event> {
    doc.timeline
        .iter()
        .filter_map(|id| doc.events.iter().find(|e| &e.id == id))
        .filter(|e| doc.interval_of(e).is_some())
        .collect()
}

fn interval_of(doc: &Document, e: &zaman::document::Event) -> (String, String) {
    let (start, end) = doc.interval_of(e).expect("dated");
    (
        start.format("%Y-%m-%dT%H:%M:%S").to_string(),
        end.format("%Y-%m-%dT%H:%M:%S").to_string(),
    )
}

/// What HTML escaping did to a string, undone (vis and TimelineJS render our text as HTML).
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    let mut out: Vec<String> = v
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.pointer(key).and_then(Value::as_str))
                .map(unescape)
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn assert_clean(name: &str, r: &Value, allowed: &[&str]) {
    assert_eq!(r["errors"], json!([]), "{name}: console errors");
    let requests: Vec<&str> = r["requests"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    assert_eq!(requests, allowed, "{name}: requests");
}

#[test]
fn vis_timeline_renders_every_dated_event() {
    let samples = samples();
    let files: Vec<PathBuf> = samples
        .iter()
        .map(|s| export_to(s, Format::Vis, true, ".vis.json"))
        .collect();
    let results = run(&json!({"kind": "vis", "files": files}));
    for (s, (file, r)) in samples
        .iter()
        .zip(files.iter().zip(results.as_array().expect("results")))
    {
        let v: Value =
            serde_json::from_slice(&std::fs::read(file).expect("vis file")).expect("vis JSON");
        let expected = dated(&s.doc);
        assert!(!expected.is_empty(), "{}", s.name);
        assert_eq!(
            v["items"].as_array().map(Vec::len),
            Some(expected.len()),
            "{}",
            s.name
        );
        let listed = ["items", "undated", "repeated"]
            .iter()
            .map(|k| v[k].as_array().map_or(0, Vec::len))
            .sum::<usize>();
        assert_eq!(
            listed,
            s.doc.events.len(),
            "{}: every event listed once",
            s.name
        );
        // what vis drew
        assert_clean(&s.name, r, &[]);
        assert_eq!(
            r["items"],
            json!(expected.len()),
            "{}: rendered items",
            s.name
        );
        let of_type = |t: &str| {
            v["items"]
                .as_array()
                .map_or(0, |a| a.iter().filter(|i| i["type"] == t).count())
        };
        assert_eq!(r["points"], json!(of_type("point")), "{}", s.name);
        assert_eq!(r["ranges"], json!(of_type("range")), "{}", s.name);
        assert_eq!(
            r["groups"],
            json!(v["groups"].as_array().map_or(0, Vec::len)),
            "{}",
            s.name
        );
        assert_eq!(r["rtl"], json!(true));
        let mut drawn: Vec<String> = r["contents"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        drawn.sort();
        assert_eq!(drawn, strings(&v["items"], "/content"), "{}", s.name);
        // each item at its event's interval
        for e in &expected {
            let item = v["items"]
                .as_array()
                .and_then(|a| a.iter().find(|i| i["id"] == e.id.as_str()))
                .unwrap_or_else(|| panic!("{}: {} missing", s.name, e.id));
            let (start, end) = interval_of(&s.doc, e);
            assert_eq!(item["start"], json!(start), "{} {}", s.name, e.id);
            if item["type"] == "range" {
                assert_eq!(item["end"], json!(end), "{} {}", s.name, e.id);
            }
        }
    }
    // on the real article: Biden's call to Putin on Tuesday 13 April is a point in his lane,
    // the statement of "early April" a range over 1–10 April
    let article = &samples[0];
    let v: Value = serde_json::from_slice(&std::fs::read(&files[0]).expect("vis")).expect("json");
    let call = v["items"]
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|i| i["content"] == "اتصال هاتفي مع فلاديمير بوتين")
        })
        .expect("the call");
    let biden = article
        .doc
        .actors
        .iter()
        .find(|a| a.gazetteer_id.as_deref() == Some("joe_biden"))
        .expect("Biden");
    assert_eq!(call["type"], "point");
    assert_eq!(call["start"], "2021-04-13T00:00:00");
    assert_eq!(call["group"], biden.id.as_str());
    let early_april = v["items"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["value"] == "2021-04"))
        .expect("early April");
    assert_eq!(early_april["type"], "range");
    assert_eq!(early_april["start"], "2021-04-01T00:00:00");
    assert_eq!(early_april["end"], "2021-04-11T00:00:00");
}

#[test]
fn timelinejs_renders_a_slide_and_marker_per_dated_event() {
    let samples = samples();
    let files: Vec<PathBuf> = samples
        .iter()
        .map(|s| export_to(s, Format::TimelineJs, true, ".timelinejs.json"))
        .collect();
    let results = run(&json!({"kind": "timelinejs", "files": files}));
    for (s, (file, r)) in samples
        .iter()
        .zip(files.iter().zip(results.as_array().expect("results")))
    {
        let v: Value = serde_json::from_slice(&std::fs::read(file).expect("file")).expect("JSON");
        let n = dated(&s.doc).len();
        assert_eq!(v["events"].as_array().map(Vec::len), Some(n), "{}", s.name);
        assert_clean(&s.name, r, &[]);
        assert_eq!(r["markers"], json!(n), "{}: markers", s.name);
        assert_eq!(
            r["slides"],
            json!(n + 1),
            "{}: slides (title + events)",
            s.name
        );
        assert_eq!(r["messages"], json!([]), "{}: TimelineJS messages", s.name);
        let mut drawn: Vec<String> = r["headlines"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        drawn.sort();
        assert_eq!(drawn, strings(&v["events"], "/text/headline"), "{}", s.name);
    }
    // the article's title slide: its headline, and the undated events it cannot place
    let title = results[0]["titleSlide"].as_str().expect("title slide");
    assert!(
        title.starts_with("أمريكا ترغب في تطبيع علاقاتها مع روسيا"),
        "{title}"
    );
    // the title slide lists the undated events, when there are any
    let undated = samples[0]
        .doc
        .timeline
        .iter()
        .filter_map(|id| samples[0].doc.events.iter().find(|e| &e.id == id))
        .any(|e| samples[0].doc.interval_of(e).is_none());
    assert_eq!(title.contains("أحداث بلا تاريخ:"), undated, "{title}");
    let v: Value = serde_json::from_slice(&std::fs::read(&files[0]).expect("file")).expect("JSON");
    let call = v["events"]
        .as_array()
        .and_then(|a| {
            a.iter()
                .find(|e| e["text"]["headline"] == "اتصال هاتفي مع فلاديمير بوتين")
        })
        .expect("the call");
    assert_eq!(
        call["start_date"],
        json!({"year": 2021, "month": 4, "day": 13})
    );
    assert!(call.get("end_date").is_none());
    let april = v["events"]
        .as_array()
        .and_then(|a| a.iter().find(|e| e["display_date"] == "بداية أبريل 2021"))
        .expect("early April");
    assert_eq!(april["start_date"], json!({"year": 2021, "month": 4}));
}

/// Checks one report page; returns the measurements.
fn check_report(s: &Sample, path: &Path, job: Value) -> Value {
    let r = run(&job);
    let url = r["url"].as_str().unwrap_or_default().to_string();
    assert!(url.starts_with("file:///"), "{url}");
    assert_clean(&s.name, &r, &[url.as_str()]);
    assert_eq!(r["lang"], json!(["rtl", "ar"]), "{}", s.name);
    // right to left: an earlier interval is further right
    let dated = dated(&s.doc);
    let items = r["items"].as_array().expect("items");
    assert_eq!(items.len(), dated.len(), "{}: {}", s.name, path.display());
    let x_of = |id: &str| {
        items
            .iter()
            .find(|i| i["id"] == id)
            .and_then(|i| i["x"].as_f64())
            .unwrap_or_else(|| panic!("{}: no timeline item for {id}", s.name))
    };
    let mut pairs = 0;
    for a in &dated {
        for b in &dated {
            if interval_of(&s.doc, a) < interval_of(&s.doc, b) {
                assert!(
                    x_of(&a.id) > x_of(&b.id),
                    "{}: {} ({:?}) is not right of {} ({:?})",
                    s.name,
                    a.id,
                    interval_of(&s.doc, a),
                    b.id,
                    interval_of(&s.doc, b)
                );
                pairs += 1;
            }
        }
    }
    assert!(pairs > 0, "{}: no two dates to compare", s.name);
    r
}

#[test]
fn html_report_of_the_article_is_offline_rtl_and_linked() {
    let samples = samples();
    let s = &samples[0];
    let path = export_to(s, Format::Html, true, ".html");
    let call = s
        .doc
        .events
        .iter()
        .find(|e| e.trigger.text == "اتصال هاتفي" && e.order.is_some())
        .expect("the call");
    let repeated = s
        .doc
        .relations
        .iter()
        .find(|r| r.kind == "SAME_AS" && r.to == call.id)
        .map(|r| r.from.clone())
        .expect("a later mention of the call");
    let timex = call.time.timex.clone().expect("the call's date");
    let shot = out_dir().join("report-biden-putin-call.png");
    let _ = std::fs::remove_file(&shot);
    let r = check_report(
        s,
        &path,
        json!({"kind": "html", "file": path, "click": call.id, "trigger": repeated,
               "timex": timex, "screenshot": shot}),
    );
    // clicking the call in the timeline highlights its trigger in the text, on screen
    let hl = &r["click"]["highlight"];
    assert_eq!(hl["text"], json!(call.trigger.text), "{r:#}");
    assert_eq!(hl["inViewport"], json!(true), "{r:#}");
    assert!(
        hl["scrollY"].as_f64().is_some_and(|y| y > 0.0),
        "the page scrolled to the text"
    );
    assert!(
        hl["details"]
            .as_str()
            .is_some_and(|d| d.contains("13 أبريل 2021")),
        "{hl}"
    );
    assert_eq!(r["click"]["graphSelected"], json!(true));
    // Space on a later mention in the text selects the call in the timeline; Escape clears
    assert_eq!(r["trigger"]["selected"], json!([format!("tl-{}", call.id)]));
    assert_eq!(r["afterEscape"], json!([]));
    // the date's tooltip: value and half-open interval
    assert_eq!(
        r["tooltip"],
        json!("\"2021-04-13 · [2021-04-13T00:00، 2021-04-14T00:00)\"")
    );
    // keyboard: a timeline item takes focus with a visible ring, Enter selects it
    assert_eq!(r["focus"]["outlineStyle"], json!("solid"), "{r:#}");
    assert_eq!(r["focus"]["outlineWidth"], json!("3px"));
    assert_eq!(r["focusEnter"], json!("true"));
    // undated events are listed, not dropped
    let chips = r["chips"].as_array().map_or(0, Vec::len);
    let repeated_mentions = s
        .doc
        .relations
        .iter()
        .filter(|r| r.kind == "SAME_AS")
        .count();
    assert_eq!(
        dated(&s.doc).len() + chips + repeated_mentions,
        s.doc.events.len()
    );
    // the screenshot
    let png = std::fs::read(&shot).unwrap_or_else(|e| panic!("{}: {e}", shot.display()));
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let height = u32::from_be_bytes([png[20], png[21], png[22], png[23]]);
    assert_eq!(width, 1280);
    assert!(height > 2000, "a full-page picture, {height} px high");
}

#[test]
fn html_reports_of_our_samples_and_without_text() {
    let samples = samples();
    for s in &samples[1..] {
        let path = export_to(s, Format::Html, true, ".html");
        let first = dated(&s.doc)[0];
        let r = check_report(
            s,
            &path,
            json!({"kind": "html", "file": path, "click": first.id}),
        );
        assert_eq!(
            r["click"]["highlight"]["text"],
            json!(first.trigger.text),
            "{}",
            s.name
        );
        assert_eq!(
            r["click"]["highlight"]["inViewport"],
            json!(true),
            "{}",
            s.name
        );
        assert_eq!(r["textMissing"], json!(false));
    }
    // a timeline without its article (as `zaman merge` gives): timeline and graph, and a note
    let s = &samples[0];
    let path = export_to(s, Format::Html, false, ".notext.html");
    let first = dated(&s.doc)[0];
    let r = check_report(
        s,
        &path,
        json!({"kind": "html", "file": path, "click": first.id}),
    );
    assert_eq!(r["textMissing"], json!(true));
    assert_eq!(r["click"]["highlight"], Value::Null);
    assert_eq!(r["click"]["selected"], json!([format!("tl-{}", first.id)]));
    assert_eq!(r["click"]["graphSelected"], json!(true));
}
