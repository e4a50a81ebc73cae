//! End-to-end tests of the `zaman` binary: real processes, real files, real JSON.
//!
//! Every test runs the built binary (`CARGO_BIN_EXE_zaman`) from the project root,
//! parses what it writes with serde_json and checks actual values. The samples are
//! the project's own texts in `data/samples/` (the date in a file name is its DCT).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

// ---------------------------------------------------------------------------
// helpers

const CAIRO: &str = "data/samples/cairo-talks-2023-11-05.txt";
const GULF: &str = "data/samples/gulf-ramadan-2024-03-20.txt";
const MAGHREB: &str = "data/samples/maghreb-elections-2021-09-08.txt";
/// Each sample with the DCT its file name gives.
const SAMPLES: &[(&str, &str)] = &[
    (CAIRO, "2023-11-05"),
    (GULF, "2024-03-20"),
    (MAGHREB, "2021-09-08"),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read_sample(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// Runs `zaman args…` from the project root, feeding `stdin` (empty when None).
fn zaman(args: &[&str], stdin: Option<&[u8]>) -> Output {
    crate::run_zaman(args, stdin.unwrap_or_default())
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts exit code 0 and parses stdout as one JSON document.
fn ok_json(out: &Output) -> Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "zaman failed\n--- stderr:\n{}\n--- stdout:\n{}",
        stderr(out),
        stdout(out)
    );
    serde_json::from_str(&stdout(out))
        .unwrap_or_else(|e| panic!("stdout is not JSON: {e}\n{}", stdout(out)))
}

/// Asserts the exit code and returns stderr.
fn fails_with(out: &Output, code: i32) -> String {
    let err = stderr(out);
    assert_eq!(
        out.status.code(),
        Some(code),
        "exit status\n--- stderr:\n{err}\n--- stdout:\n{}",
        stdout(out)
    );
    err
}

/// `zaman extract FILE --dct DCT [extra…]` → the document JSON.
fn extract(file: &str, dct: Option<&str>, extra: &[&str]) -> Value {
    let mut args = vec!["extract", file];
    if let Some(d) = dct {
        args.extend(["--dct", d]);
    }
    args.extend_from_slice(extra);
    ok_json(&zaman(&args, None))
}

/// `zaman extract - [args…]` with `text` on stdin → the document JSON.
fn extract_text(text: &str, args: &[&str]) -> Value {
    let mut all = vec!["extract", "-"];
    all.extend_from_slice(args);
    ok_json(&zaman(&all, Some(text.as_bytes())))
}

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("zaman-cli-{tag}-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        TempDir(dir)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.path(name);
        std::fs::write(&p, bytes).expect("write temp file");
        p.to_str().expect("UTF-8 temp path").to_string()
    }

    fn dir(&self) -> &str {
        self.0.to_str().expect("UTF-8 temp path")
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn timexes(doc: &Value) -> &Vec<Value> {
    doc["timexes"].as_array().expect("timexes is an array")
}

/// The one timex whose text is `text` (panics listing all timexes otherwise).
fn timex<'a>(doc: &'a Value, text: &str) -> &'a Value {
    let found: Vec<&Value> = timexes(doc).iter().filter(|t| t["text"] == text).collect();
    assert_eq!(
        found.len(),
        1,
        "expected one timex {text:?}, got {}: {}",
        found.len(),
        summary(doc)
    );
    found[0]
}

/// One line per timex, for failure messages.
fn summary(doc: &Value) -> String {
    timexes(doc)
        .iter()
        .map(|t| {
            format!(
                "\n  {} {} {} {} {} anchor={}",
                t["id"], t["text"], t["span"], t["type"], t["value"], t["anchor"]
            )
        })
        .collect()
}

/// Asserts text, span, type and value of the one timex with that text; returns it.
fn check<'a>(doc: &'a Value, text: &str, span: [u64; 2], kind: &str, value: &str) -> &'a Value {
    let t = timex(doc, text);
    assert_eq!(t["span"], serde_json::json!(span), "span of {text:?}");
    assert_eq!(t["type"], kind, "type of {text:?}");
    assert_eq!(t["value"], value, "value of {text:?}");
    t
}

fn interval(t: &Value) -> (&str, &str) {
    (
        t["interval"]["start"]
            .as_str()
            .unwrap_or_else(|| panic!("no interval start: {t}")),
        t["interval"]["end"]
            .as_str()
            .unwrap_or_else(|| panic!("no interval end: {t}")),
    )
}

/// The code points `[start, end)` of `text`.
fn char_slice(text: &str, start: usize, end: usize) -> String {
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// Every timex's span, sliced from the original by code points, is its text; ids are t1…tn
/// and spans come in text order.
fn check_all_spans(doc: &Value, original: &str, what: &str) {
    let n_chars = original.chars().count();
    let mut last_start = 0;
    for (i, t) in timexes(doc).iter().enumerate() {
        assert_eq!(t["id"], format!("t{}", i + 1), "{what}: ids in order");
        let start = t["span"][0].as_u64().expect("span start") as usize;
        let end = t["span"][1].as_u64().expect("span end") as usize;
        assert!(
            start < end && end <= n_chars,
            "{what}: bad span {start}..{end} for {}",
            t["text"]
        );
        assert!(
            start >= last_start,
            "{what}: timexes not in text order at {}",
            t["id"]
        );
        last_start = start;
        assert_eq!(
            char_slice(original, start, end),
            t["text"].as_str().expect("text"),
            "{what}: span [{start}, {end}) of {} does not slice to its text",
            t["id"]
        );
        let kind = t["type"].as_str().expect("type");
        assert!(
            ["DATE", "TIME", "DURATION", "SET"].contains(&kind),
            "{what}: type {kind}"
        );
        assert!(
            t["value"].as_str().is_some_and(|v| !v.is_empty()),
            "{what}: value of {}",
            t["id"]
        );
    }
}

/// The document-level shape shared by every output.
fn check_shape(doc: &Value, id: &str, dct: Option<&str>, source: &str, policy: &str) {
    assert_eq!(doc["schema"], "zaman/timeline-v1");
    assert_eq!(doc["document"]["id"], id);
    match dct {
        Some(d) => assert_eq!(doc["document"]["dct"], d),
        None => assert!(
            doc["document"]["dct"].is_null(),
            "dct should be null: {}",
            doc["document"]
        ),
    }
    assert_eq!(doc["document"]["dct_source"], source);
    assert_eq!(doc["document"]["policy"], policy);
    for key in ["timexes", "actors", "events", "relations", "timeline"] {
        assert!(doc[key].is_array(), "{key} should be an array");
    }
}

// ---------------------------------------------------------------------------
// extract: the samples with an explicit DCT

#[test]
fn extract_cairo_sample_with_dct() {
    let doc = extract(CAIRO, Some("2023-11-05"), &[]);
    check_shape(&doc, CAIRO, Some("2023-11-05"), "argument", "news");
    check_all_spans(&doc, &read_sample(CAIRO), CAIRO);

    let t = check(
        &doc,
        "الأحد 5 نوفمبر/تشرين الثاني 2023",
        [122, 154],
        "DATE",
        "2023-11-05",
    );
    assert_eq!(t["anchor"], "absolute");
    assert_eq!(t["granularity"], "day");
    assert_eq!(interval(t), ("2023-11-05T00:00:00", "2023-11-06T00:00:00"));
    assert!(
        t.get("calendar").is_none(),
        "a Gregorian date has no calendar field"
    );

    // the DCT is a Sunday: the Egyptian week that starts that day is this week, so next
    // week is Sunday 12 – Saturday 18 November (ISO week 46 holds six of its days)
    let t = check(&doc, "الأسبوع المقبل", [232, 246], "DATE", "2023-W46");
    assert_eq!(t["anchor"], "dct");
    assert_eq!(t["granularity"], "week");
    assert_eq!(interval(t), ("2023-11-12T00:00:00", "2023-11-19T00:00:00"));

    let t = check(&doc, "أمس", [340, 343], "DATE", "2023-11-04");
    assert_eq!(t["anchor"], "dct");
    assert_eq!(interval(t), ("2023-11-04T00:00:00", "2023-11-05T00:00:00"));

    // لمدة يومين: the duration, without the preposition.
    let t = check(&doc, "يومين", [383, 388], "DURATION", "P2D");
    assert!(t["mod"].is_null());

    let t = check(
        &doc,
        "الساعة العاشرة صباحا بتوقيت القاهرة",
        [415, 450],
        "TIME",
        "2023-11-05T10:00+02:00",
    );
    assert_eq!(t["granularity"], "hour");
    assert_eq!(interval(t), ("2023-11-05T10:00:00", "2023-11-05T11:00:00"));

    let t = check(&doc, "منذ ثلاثة أسابيع", [585, 601], "DATE", "2023-10-15");
    assert_eq!(t["anchor"], "dct");

    check(&doc, "يوم الخميس الماضي", [807, 824], "DATE", "2023-11-02");

    let t = check(&doc, "مارس/آذار الماضي", [914, 930], "DATE", "2023-03");
    assert_eq!(t["granularity"], "month");
    assert_eq!(interval(t), ("2023-03-01T00:00:00", "2023-04-01T00:00:00"));

    let t = check(&doc, "مطلع العام المقبل", [1155, 1172], "DATE", "2024");
    assert_eq!(t["mod"], "START");
    assert_eq!(interval(t).0, "2024-01-01T00:00:00");

    // Nothing else in this text is a temporal expression.
    assert_eq!(timexes(&doc).len(), 9, "{}", summary(&doc));
}

#[test]
fn extract_gulf_sample_with_dct() {
    let doc = extract(GULF, Some("2024-03-20"), &[]);
    check_shape(&doc, GULF, Some("2024-03-20"), "argument", "news");
    check_all_spans(&doc, &read_sample(GULF), GULF);

    let t = check(
        &doc,
        "يوم الأربعاء 10 رمضان 1445 هـ",
        [96, 125],
        "DATE",
        "2024-03-20",
    );
    assert_eq!(t["calendar"], "hijri-umalqura");
    assert_eq!(t["anchor"], "absolute");
    let t = check(&doc, "20 مارس 2024", [134, 146], "DATE", "2024-03-20");
    assert!(t.get("calendar").is_none());

    // Ramadan 1445 (Umm al-Qura) ran 11 March – 9 April 2024: valued as March, which holds most of it.
    let t = check(&doc, "منتصف رمضان", [315, 326], "DATE", "2024-03");
    assert_eq!(t["mod"], "MID");
    assert_eq!(t["calendar"], "hijri-umalqura");
    assert_eq!(interval(t), ("2024-03-21T00:00:00", "2024-03-31T00:00:00"));

    let t = check(&doc, "عيد الفطر", [382, 391], "DATE", "2024-04-10");
    assert_eq!(t["calendar"], "hijri-umalqura");
    assert_eq!(t["anchor"], "dct");

    let t = check(&doc, "بداية العام الجاري", [426, 444], "DATE", "2024");
    assert_eq!(t["mod"], "START");

    // Arabic-Indic digits: the span is in the original text, the value in ASCII.
    let t = check(&doc, "٢٠/٣/٢٠٢٤", [572, 581], "DATE", "2024-03-20");
    assert_eq!(t["anchor"], "absolute");

    check(&doc, "قريبا", [809, 814], "DATE", "FUTURE_REF");

    // Ramadan 1444 ran 23 March – 20 April 2023: valued as April, which holds most of it.
    let t = check(&doc, "رمضان الماضي", [916, 928], "DATE", "2023-04");
    assert_eq!(interval(t), ("2023-03-23T00:00:00", "2023-04-21T00:00:00"));
}

/// "المرحلة الأولى / الثانية" are the first and second phases, not 1 and 2 o'clock.
#[test]
fn gulf_sample_ordinal_phases_are_not_clock_times() {
    let doc = extract(GULF, Some("2024-03-20"), &[]);
    for word in ["الأولى", "الثانية"] {
        assert!(
            timexes(&doc).iter().all(|t| t["text"] != word),
            "{word:?} (المرحلة {word}) is not a time of day: {}",
            summary(&doc)
        );
    }
}

/// "خلال شهر رمضان" is "during the month of Ramadan": a date, not a one-month duration.
#[test]
fn gulf_sample_during_the_month_of_ramadan() {
    let doc = extract(GULF, Some("2024-03-20"), &[]);
    assert!(
        timexes(&doc).iter().all(|t| t["type"] != "DURATION"),
        "no duration in the headline: {}",
        summary(&doc)
    );
    let t = check(&doc, "شهر رمضان", [50, 59], "DATE", "2024-03");
    assert_eq!(t["calendar"], "hijri-umalqura");
}

/// "مقارنة بالعام الماضي": العام الماضي with the clitic ب is still last year.
#[test]
fn gulf_sample_last_year_with_clitic() {
    let doc = extract(GULF, Some("2024-03-20"), &[]);
    let t = check(&doc, "العام الماضي", [529, 541], "DATE", "2023");
    assert_eq!(t["anchor"], "dct");
}

#[test]
fn extract_maghreb_sample_with_dct() {
    let doc = extract(MAGHREB, Some("2021-09-08"), &[]);
    check_shape(&doc, MAGHREB, Some("2021-09-08"), "argument", "news");
    check_all_spans(&doc, &read_sample(MAGHREB), MAGHREB);

    // Double naming with the Moroccan شتنبر.
    let t = check(
        &doc,
        "الأربعاء 8 سبتمبر/شتنبر 2021",
        [108, 136],
        "DATE",
        "2021-09-08",
    );
    assert_eq!(t["anchor"], "absolute");

    // Algerian/Tunisian جويلية = July.
    let t = check(&doc, "جويلية الماضي", [485, 498], "DATE", "2021-07");
    assert_eq!(interval(t), ("2021-07-01T00:00:00", "2021-08-01T00:00:00"));

    let t = check(&doc, "أواخر الشهر الماضي", [587, 605], "DATE", "2021-08");
    assert_eq!(t["mod"], "END");
    assert_eq!(interval(t).1, "2021-09-01T00:00:00");

    let t = check(&doc, "النصف الأول من 2021", [779, 798], "DATE", "2021-H1");
    assert_eq!(t["anchor"], "absolute");
    assert_eq!(t["granularity"], "half");
    assert_eq!(interval(t), ("2021-01-01T00:00:00", "2021-07-01T00:00:00"));

    // عند الساعة الخامسة مساء = 17:00 on the DCT.
    let t = timexes(&doc)
        .iter()
        .find(|t| {
            t["text"]
                .as_str()
                .is_some_and(|s| s.contains("الساعة الخامسة"))
        })
        .unwrap_or_else(|| panic!("no clock time: {}", summary(&doc)));
    assert!(
        t["text"]
            .as_str()
            .expect("text")
            .ends_with("الساعة الخامسة مساء"),
        "{}",
        t["text"]
    );
    assert_eq!(t["span"][1], 364);
    assert_eq!(t["type"], "TIME");
    assert_eq!(t["value"], "2021-09-08T17:00");
}

/// "2000 شخص" and "27 صفحة" are counts; no timex may touch them.
#[test]
fn maghreb_sample_counts_are_not_dates() {
    let text = read_sample(MAGHREB);
    let doc = extract(MAGHREB, Some("2021-09-08"), &[]);
    for count in ["2000 شخص", "27 صفحة"] {
        let byte = text.find(count).expect("count in the sample");
        let start = text[..byte].chars().count() as u64;
        let end = start + count.chars().count() as u64;
        for t in timexes(&doc) {
            let (s, e) = (
                t["span"][0].as_u64().unwrap(),
                t["span"][1].as_u64().unwrap(),
            );
            assert!(
                e <= start || s >= end,
                "{count:?} is a count, not a date, but got {t}"
            );
        }
    }
}

/// "أول انتخابات" (the first elections) and "تقرير أولي" (a preliminary report) are not times.
#[test]
fn maghreb_sample_ordinal_adjectives_are_not_times() {
    let doc = extract(MAGHREB, Some("2021-09-08"), &[]);
    for word in ["أول", "أولي"] {
        assert!(
            timexes(&doc).iter().all(|t| t["text"] != word),
            "{word:?} is not a timex: {}",
            summary(&doc)
        );
    }
}

/// "في يوم واحد" (on a single day) is not Sunday (الأحد).
#[test]
fn maghreb_sample_one_day_is_not_sunday() {
    let doc = extract(MAGHREB, Some("2021-09-08"), &[]);
    if let Some(t) = timexes(&doc)
        .iter()
        .find(|t| t["text"].as_str().is_some_and(|s| s.contains("واحد")))
    {
        assert_ne!(t["value"], "2021-09-05", "يوم واحد read as يوم الأحد: {t}");
        assert_ne!(t["type"], "DATE", "يوم واحد is not a calendar date: {t}");
    }
}

/// "ينتظر أن تعلن النتائج الأولية صباح الخميس": results are expected, so the coming Thursday.
#[test]
fn maghreb_sample_expected_results_on_the_coming_thursday() {
    let doc = extract(MAGHREB, Some("2021-09-08"), &[]);
    let t = check(&doc, "صباح الخميس", [975, 986], "TIME", "2021-09-09TMO");
    assert_eq!(interval(t).0, "2021-09-09T04:00:00");
}

#[test]
fn every_span_of_every_sample_slices_to_its_text() {
    for (file, dct) in SAMPLES {
        let original = read_sample(file);
        for policy in ["news", "narrative", "colloquial"] {
            let doc = extract(file, Some(dct), &["--policy", policy]);
            check_shape(&doc, file, Some(dct), "argument", policy);
            assert!(!timexes(&doc).is_empty(), "{file}: no timex");
            check_all_spans(&doc, &original, &format!("{file} ({policy})"));
        }
    }
}

#[test]
fn rfc3339_dct_is_kept_with_its_offset() {
    let doc = extract_text(
        "قال الوزير أمس إن الوفد وصل.",
        &["--dct", "2013-02-12T04:30:00-02:00"],
    );
    check_shape(
        &doc,
        "stdin",
        Some("2013-02-12T04:30:00-02:00"),
        "argument",
        "news",
    );
    check(&doc, "أمس", [11, 14], "DATE", "2013-02-11");
}

// ---------------------------------------------------------------------------
// extract: the DCT inferred, or absent

#[test]
fn without_dct_the_first_full_date_of_the_opening_is_used() {
    for (file, dct) in SAMPLES {
        let original = read_sample(file);
        let doc = extract(file, None, &[]);
        check_shape(&doc, file, Some(dct), "inferred", "news");
        check_all_spans(&doc, &original, file);
    }
    // The Gulf sample opens with a Hijri date; the DCT is the Gregorian one after الموافق.
    // Relative expressions resolve against the inferred DCT as they would against a given one.
    let doc = extract(CAIRO, None, &[]);
    let t = check(&doc, "أمس", [340, 343], "DATE", "2023-11-04");
    assert_eq!(t["anchor"], "dct");
    check(&doc, "الأسبوع المقبل", [232, 246], "DATE", "2023-W46");
}

#[test]
fn without_any_full_date_relative_expressions_stay_unresolved() {
    let text = "قال الوزير أمس إن الوفد سيصل الأسبوع المقبل، وإن المفاوضات استمرت لمدة يومين.";
    let doc = extract_text(text, &[]);
    check_shape(&doc, "stdin", None, "none", "news");
    check_all_spans(&doc, text, "no-date text");
    for (word, kind) in [("أمس", "DATE"), ("الأسبوع المقبل", "DATE")] {
        let t = timex(&doc, word);
        assert_eq!(t["type"], kind, "{word} keeps its type");
        assert_eq!(t["anchor"], "none", "{word} has no anchor");
        assert!(t["interval"].is_null(), "{word} has no interval: {t}");
        assert!(
            t["value"].as_str().is_some_and(|v| v.starts_with("XXXX")),
            "{word}: {t}"
        );
    }
    // A duration needs no anchor.
    check(&doc, "يومين", [71, 76], "DURATION", "P2D");
}

#[test]
fn a_full_date_beyond_the_opening_is_not_the_dct() {
    let text = "عنوان الخبر\n\nقال الوزير أمس إن الوفد سيصل.\n\nوأضاف أن الاجتماع مهم.\n\n\
                وأشار إلى التحضيرات.\n\nوكان الوفد قد زار المدينة الاثنين 12 أبريل 2021.\n";
    let doc = extract_text(text, &[]);
    check_shape(&doc, "stdin", None, "none", "news");
    assert_eq!(timex(&doc, "أمس")["anchor"], "none");
    let t = timex(&doc, "الاثنين 12 أبريل 2021");
    assert_eq!(t["value"], "2021-04-12");
    assert_eq!(t["anchor"], "absolute");
}

// ---------------------------------------------------------------------------
// extract: policies, inputs and outputs

#[test]
fn colloquial_policy_reads_a_bare_weekday_forward() {
    // DCT Tuesday 13 April 2021: news reads الخميس as the Thursday before, colloquial as the next one.
    let text = "قال الوزير إن الوفد وصل الخميس.";
    let news = extract_text(text, &["--dct", "2021-04-13"]);
    let colloquial = extract_text(text, &["--dct", "2021-04-13", "--policy", "colloquial"]);
    check_shape(&news, "stdin", Some("2021-04-13"), "argument", "news");
    check_shape(
        &colloquial,
        "stdin",
        Some("2021-04-13"),
        "argument",
        "colloquial",
    );
    let n = check(&news, "الخميس", [24, 30], "DATE", "2021-04-08");
    let c = check(&colloquial, "الخميس", [24, 30], "DATE", "2021-04-15");
    assert_eq!(n["anchor"], "dct");
    assert_eq!(c["anchor"], "dct");
    assert_eq!(interval(c), ("2021-04-15T00:00:00", "2021-04-16T00:00:00"));
}

#[test]
fn dash_and_no_file_read_stdin() {
    let text = read_sample(CAIRO);
    let from_file = extract(CAIRO, Some("2023-11-05"), &[]);
    for args in [
        &["extract", "-", "--dct", "2023-11-05"][..],
        &["extract", "--dct", "2023-11-05"][..],
    ] {
        let doc = ok_json(&zaman(args, Some(text.as_bytes())));
        check_shape(&doc, "stdin", Some("2023-11-05"), "argument", "news");
        assert_eq!(
            doc["timexes"], from_file["timexes"],
            "{args:?}: stdin and file give the same timexes"
        );
    }
}

#[test]
fn several_files_give_one_compact_line_each() {
    let out = zaman(
        &["extract", CAIRO, GULF, MAGHREB, "--dct", "2024-03-20"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    for (line, (file, _)) in lines.iter().zip(SAMPLES) {
        assert!(line.starts_with("{\"schema\":"), "compact line: {line:.80}");
        let doc: Value = serde_json::from_str(line).expect("each line is JSON");
        check_shape(&doc, file, Some("2024-03-20"), "argument", "news");
        check_all_spans(&doc, &read_sample(file), file);
    }
    // One file is pretty-printed unless --compact.
    let pretty = stdout(&zaman(&["extract", CAIRO, "--dct", "2023-11-05"], None));
    assert!(pretty.lines().count() > 10, "one file is indented JSON");
    let compact = stdout(&zaman(
        &["extract", CAIRO, "--dct", "2023-11-05", "--compact"],
        None,
    ));
    assert_eq!(compact.lines().count(), 1);
    assert_eq!(
        serde_json::from_str::<Value>(&compact).unwrap(),
        serde_json::from_str::<Value>(&pretty).unwrap()
    );
}

#[test]
fn output_flag_writes_the_file() {
    let tmp = TempDir::new("output");
    let target = tmp.path("out.json");
    let target_s = target.to_str().unwrap();
    for flag in ["-o", "--output"] {
        let _ = std::fs::remove_file(&target);
        let out = zaman(
            &["extract", MAGHREB, "--dct", "2021-09-08", flag, target_s],
            None,
        );
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(out.stdout.is_empty(), "nothing on stdout with {flag}");
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(&target).expect("output written"))
                .unwrap();
        check_shape(&doc, MAGHREB, Some("2021-09-08"), "argument", "news");
        check(&doc, "جويلية الماضي", [485, 498], "DATE", "2021-07");
    }
}

// ---------------------------------------------------------------------------
// extract: errors

#[test]
fn missing_file_exits_2_and_names_it() {
    let tmp = TempDir::new("missing");
    let missing = tmp.path("no-such-article.txt");
    let out = zaman(
        &["extract", missing.to_str().unwrap(), "--dct", "2021-04-13"],
        None,
    );
    let err = fails_with(&out, 2);
    assert!(
        err.contains("no-such-article.txt"),
        "stderr names the file: {err}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn invalid_utf8_exits_2_with_file_and_byte_offset() {
    let tmp = TempDir::new("utf8");
    // "أمس " is 7 bytes (two 2-byte letters, one 2-byte letter, a space); 0xFF is at byte 7.
    let mut bytes = "أمس ".as_bytes().to_vec();
    assert_eq!(bytes.len(), 7);
    bytes.extend_from_slice(b"\xff\xfe rest");
    let path = tmp.write("latin1-article.txt", &bytes);
    let err = fails_with(&zaman(&["extract", &path, "--dct", "2021-04-13"], None), 2);
    assert!(
        err.contains("latin1-article.txt"),
        "stderr names the file: {err}"
    );
    assert!(err.contains("UTF-8"), "stderr says what is wrong: {err}");
    assert!(
        err.contains("offset 7"),
        "stderr gives the byte offset: {err}"
    );
    // The same on standard input.
    let err = fails_with(
        &zaman(&["extract", "-", "--dct", "2021-04-13"], Some(&bytes)),
        2,
    );
    assert!(err.contains("stdin") && err.contains("offset 7"), "{err}");
}

#[test]
fn invalid_dct_exits_2_with_a_clear_message() {
    let out = zaman(&["extract", CAIRO, "--dct", "13/4/2021"], None);
    let err = fails_with(&out, 2);
    assert!(err.contains("13/4/2021"), "stderr quotes the value: {err}");
    assert!(
        err.contains("YYYY-MM-DD"),
        "stderr says the expected form: {err}"
    );
    assert!(out.stdout.is_empty());
    for bad in ["2021-02-30", "yesterday", ""] {
        fails_with(&zaman(&["extract", CAIRO, "--dct", bad], None), 2);
    }
}

#[test]
fn unknown_policy_is_a_usage_error() {
    let err = fails_with(&zaman(&["extract", CAIRO, "--policy", "poetic"], None), 2);
    assert!(err.contains("poetic"), "{err}");
}

#[test]
fn malformed_lexicon_exits_2_naming_file_and_line() {
    let tmp = TempDir::new("badlex");
    tmp.write(
        "extra.tsv",
        "# extra month spellings\nابرل\tmonth\t4\tegyptian\nشهرون\tmonth\tfour\n".as_bytes(),
    );
    for sub in ["extract", "batch"] {
        let args: Vec<&str> = if sub == "extract" {
            vec![
                "extract",
                CAIRO,
                "--dct",
                "2023-11-05",
                "--lexicon",
                tmp.dir(),
            ]
        } else {
            vec!["batch", "--lexicon", tmp.dir()]
        };
        let out = zaman(
            &args,
            Some(b"{\"id\":\"x\",\"text\":\"\xd8\xa3\xd9\x85\xd8\xb3\"}\n"),
        );
        let err = fails_with(&out, 2);
        assert!(
            err.contains("extra.tsv:3"),
            "{sub}: stderr names file:line: {err}"
        );
        assert!(
            err.contains("four"),
            "{sub}: stderr quotes the bad value: {err}"
        );
        assert!(out.stdout.is_empty(), "{sub}: no output on a lexicon error");
    }
}

#[test]
fn missing_lexicon_dir_exits_2_naming_it_once() {
    let tmp = TempDir::new("nolex");
    let dir = tmp.path("no-such-lexicon");
    let err = fails_with(
        &zaman(
            &["extract", CAIRO, "--lexicon", dir.to_str().unwrap()],
            None,
        ),
        2,
    );
    assert!(err.contains("no-such-lexicon"), "{err}");
    // The OS reason once, not repeated by the error chain.
    assert_eq!(
        err.matches("os error").count(),
        1,
        "duplicated cause: {err}"
    );
}

#[test]
fn lexicon_dir_adds_a_month_spelling() {
    let text = "قال المتحدث إن الوفد وصل في 13 ابرل 2021 إلى القاهرة.";
    let plain = extract_text(text, &["--dct", "2021-05-01"]);
    assert!(
        timexes(&plain).iter().all(|t| t["value"] != "2021-04-13"),
        "ابرل is not a built-in spelling: {}",
        summary(&plain)
    );
    let tmp = TempDir::new("lex");
    tmp.write("extra.tsv", "ابرل\tmonth\t4\tegyptian\n".as_bytes());
    let doc = extract_text(text, &["--dct", "2021-05-01", "--lexicon", tmp.dir()]);
    let t = check(&doc, "13 ابرل 2021", [28, 40], "DATE", "2021-04-13");
    assert_eq!(t["anchor"], "absolute");
    // The built-in files are still there.
    let doc = extract(CAIRO, Some("2023-11-05"), &["--lexicon", tmp.dir()]);
    check(
        &doc,
        "الأحد 5 نوفمبر/تشرين الثاني 2023",
        [122, 154],
        "DATE",
        "2023-11-05",
    );
}

// ---------------------------------------------------------------------------
// batch

/// JSON Lines → output lines, each parsed.
fn batch_lines(out: &Output) -> Vec<Value> {
    stdout(out)
        .lines()
        .map(|l| {
            serde_json::from_str(l).unwrap_or_else(|e| panic!("output line is not JSON ({e}): {l}"))
        })
        .collect()
}

fn jsonl(records: &[&str]) -> Vec<u8> {
    let mut v = Vec::new();
    for r in records {
        v.extend_from_slice(r.as_bytes());
        v.push(b'\n');
    }
    v
}

fn assert_error_record(v: &Value, id: Value, line: usize, needle: &str) {
    assert_eq!(
        v.as_object().map(|o| o.len()),
        Some(2),
        "an error record has id and error only: {v}"
    );
    assert_eq!(v["id"], id, "{v}");
    let msg = v["error"]
        .as_str()
        .unwrap_or_else(|| panic!("error is a string: {v}"));
    assert!(
        msg.contains(&format!("line {line}")),
        "error names line {line}: {msg}"
    );
    assert!(msg.contains(needle), "error says {needle:?}: {msg}");
}

fn assert_good_record(v: &Value, id: &str, dct: &str, text: &str, value: &str) {
    assert!(v.get("error").is_none(), "good record: {v}");
    assert_eq!(v["id"], id, "top-level id");
    check_shape(v, id, Some(dct), "argument", "news");
    assert_eq!(
        timex(v, text)["value"],
        value,
        "{id}: {text} against its own dct"
    );
}

#[test]
fn batch_keeps_order_and_writes_errors_in_place() {
    let mut input = jsonl(&[
        r#"{"id":"a","text":"قال الوزير أمس إن الوفد وصل.","dct":"2021-04-13"}"#,
        r#"{"id":"b","text":"قال الوزير أمس إن الوفد وصل.","dct":"2022-01-01"}"#,
        r#"{"id":"c","text": "#,
        r#"{"id":"d","dct":"2021-04-13"}"#,
        r#"{"id":"e","text":"أمس","dct":20210413}"#,
        "",
    ]);
    input.extend_from_slice(b"{\"id\":\"f\",\"text\":\"\xff\"}\n");
    input.extend_from_slice(&jsonl(&[
        r#"{"id":"g","text":"زار الوفد المدينة الخميس.","dct":"2021-04-13"}"#,
        r#"{"id":"h","text":"أمس","dct":"13/4/2021"}"#,
    ]));
    // The last line has no newline.
    input.extend_from_slice(r#"{"id":"i","text":"وصل الوفد أمس","dct":"2020-03-01"}"#.as_bytes());

    let out = zaman(&["batch"], Some(&input));
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed record makes exit code 1: {}",
        stderr(&out)
    );
    let lines = batch_lines(&out);
    assert_eq!(
        lines.len(),
        10,
        "one output line per input line:\n{}",
        stdout(&out)
    );

    assert_good_record(&lines[0], "a", "2021-04-13", "أمس", "2021-04-12");
    assert_good_record(&lines[1], "b", "2022-01-01", "أمس", "2021-12-31");
    assert_error_record(&lines[2], Value::Null, 3, "JSON");
    assert_error_record(&lines[3], "d".into(), 4, "\"text\"");
    assert_error_record(&lines[4], "e".into(), 5, "\"dct\"");
    assert_error_record(&lines[5], Value::Null, 6, "JSON");
    assert_error_record(&lines[6], Value::Null, 7, "UTF-8");
    assert_good_record(&lines[7], "g", "2021-04-13", "الخميس", "2021-04-08");
    assert_error_record(&lines[8], "h".into(), 9, "13/4/2021");
    assert_good_record(&lines[9], "i", "2020-03-01", "أمس", "2020-02-29");
}

#[test]
fn batch_all_good_exits_0_and_honours_the_policy() {
    let input = jsonl(&[
        r#"{"id":"n1","text":"قال الوزير إن الوفد وصل الخميس.","dct":"2021-04-13"}"#,
        r#"{"id":42,"text":"قال الوزير أمس.","dct":"2021-04-13"}"#,
    ]);
    let out = zaman(&["batch", "--policy", "colloquial"], Some(&input));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = batch_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "n1");
    assert_eq!(lines[0]["document"]["policy"], "colloquial");
    assert_eq!(timex(&lines[0], "الخميس")["value"], "2021-04-15");
    // A non-string id is kept as given at the top level.
    assert_eq!(lines[1]["id"], 42);
    assert_eq!(timex(&lines[1], "أمس")["value"], "2021-04-12");
    // Empty input: no output, success.
    let out = zaman(&["batch"], Some(b""));
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn batch_record_without_dct_infers_it() {
    let input = jsonl(&[
        r#"{"id":"x","text":"عنوان\n\nالقاهرة - قال الوزير، الاثنين 12 أبريل 2021، إنه سافر أمس"}"#,
        r#"{"id":"y","text":"قال الوزير أمس","dct":null}"#,
    ]);
    let out = zaman(&["batch"], Some(&input));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let lines = batch_lines(&out);
    assert_eq!(lines.len(), 2, "{}", stdout(&out));
    check_shape(&lines[0], "x", Some("2021-04-12"), "inferred", "news");
    assert_eq!(timex(&lines[0], "أمس")["value"], "2021-04-11");
    check_shape(&lines[1], "y", None, "none", "news");
    assert_eq!(timex(&lines[1], "أمس")["anchor"], "none");
}

#[test]
fn batch_input_and_output_files() {
    let tmp = TempDir::new("batch");
    let input = tmp.write(
        "in.jsonl",
        &jsonl(&[
            r#"{"id":"one","text":"قال الوزير أمس إن الوفد وصل.","dct":"2021-04-13"}"#,
            "not json",
            r#"{"id":"three","text":"وأضاف أن الوفد يصل الأسبوع المقبل.","dct":"2021-04-13"}"#,
        ]),
    );
    let output = tmp.path("out.jsonl");
    let out = zaman(
        &[
            "batch",
            "--input",
            &input,
            "--output",
            output.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "nothing on stdout with --output");
    let written = std::fs::read_to_string(&output).expect("output written");
    let lines: Vec<Value> = written
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_good_record(&lines[0], "one", "2021-04-13", "أمس", "2021-04-12");
    assert_error_record(&lines[1], Value::Null, 2, "JSON");
    assert_good_record(
        &lines[2],
        "three",
        "2021-04-13",
        "الأسبوع المقبل",
        "2021-W16",
    );

    // A missing input file is an error naming it.
    let missing = tmp.path("absent.jsonl");
    let err = fails_with(
        &zaman(&["batch", "--input", missing.to_str().unwrap()], None),
        2,
    );
    assert!(err.contains("absent.jsonl"), "{err}");
}

// ---------------------------------------------------------------------------
// help

#[test]
fn help_mentions_the_exit_codes() {
    for args in [
        &["--help"][..],
        &["extract", "--help"][..],
        &["batch", "--help"][..],
    ] {
        let out = zaman(args, None);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let help = stdout(&out);
        assert!(help.contains("Exit codes"), "{args:?}: {help}");
        for line in ["0  success", "1  batch", "2  usage error"] {
            assert!(help.contains(line), "{args:?} lacks {line:?}: {help}");
        }
    }
}

/// Parallel batch: the same lines in the same order as one thread, errors in place,
/// a summary on stderr unless --quiet.
#[test]
fn batch_in_parallel_keeps_every_record_in_order() {
    let mut input = String::new();
    let mut expected_ids = Vec::new();
    for n in 0..700 {
        let line = match n % 7 {
            3 => "{not json".to_string(),
            5 => format!("{{\"id\": \"r{n}\"}}"),
            _ => format!(
                "{{\"id\": \"r{n}\", \"text\": \"قال الوزير أمس إن الاجتماع عقد يوم {} أبريل 2021\", \"dct\": \"2021-04-13\"}}",
                1 + n % 28
            ),
        };
        expected_ids.push(if n % 7 == 3 {
            serde_json::Value::Null
        } else {
            serde_json::Value::String(format!("r{n}"))
        });
        input.push_str(&line);
        input.push('\n');
    }
    let one = zaman(&["batch", "-j", "1", "--quiet"], Some(input.as_bytes()));
    let two = zaman(&["batch", "-j", "2"], Some(input.as_bytes()));
    assert_eq!(
        one.status.code(),
        Some(1),
        "failed records give exit code 1"
    );
    assert_eq!(two.status.code(), Some(1));
    assert_eq!(
        stdout(&one),
        stdout(&two),
        "-j 2 writes exactly what -j 1 writes"
    );
    let lines: Vec<serde_json::Value> = stdout(&two)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect();
    assert_eq!(lines.len(), 700);
    for (n, (line, id)) in lines.iter().zip(&expected_ids).enumerate() {
        assert_eq!(&line["id"], id, "line {}", n + 1);
        assert_eq!(
            line.get("error").is_some(),
            n % 7 == 3 || n % 7 == 5,
            "line {}",
            n + 1
        );
    }
    assert_eq!(lines[0]["timexes"][1]["value"], "2021-04-01");
    assert!(stderr(&one).is_empty(), "--quiet: {}", stderr(&one));
    let summary = stderr(&two);
    assert!(
        summary.contains("700 documents") && summary.contains("200 errors"),
        "{summary}"
    );
}

/// A directory of .txt files: one record per file in name order, the DCT from a sidecar
/// or the file name, an unreadable file as an error record in place.
#[test]
fn batch_over_a_directory_of_text_files() {
    let dir = TempDir::new("batchdir");
    dir.write(
        "2021-04-13-a.txt",
        "قال الوزير أمس إن الوفد وصل.".as_bytes(),
    );
    dir.write("b.txt", "قال الوزير أمس إن الوفد وصل.".as_bytes());
    dir.write("b.dct", b"2020-01-10\n");
    dir.write("c.txt", &[0x66, 0xff, 0x66]);
    dir.write("notes.md", b"ignored");
    let out = zaman(
        &[
            "batch",
            "--quiet",
            "--dir",
            dir.dir(),
            "--dct-from",
            "filename",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1), "one record failed");
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["2021-04-13-a.txt", "b.txt", "c.txt"]);
    assert_eq!(
        lines[0]["timexes"][0]["value"], "2021-04-12",
        "DCT from the file name"
    );
    assert_eq!(
        lines[1]["timexes"][0]["value"], "2020-01-09",
        "DCT from the sidecar"
    );
    let err = lines[2]["error"].as_str().expect("error record");
    assert!(err.contains("c.txt") && err.contains("offset 1"), "{err}");
}

/// gzip input is detected by its magic bytes, on stdin as from a file.
#[test]
fn batch_reads_gzip_input() {
    let plain = "{\"id\": \"g\", \"text\": \"وصل أمس\", \"dct\": \"2021-04-13\"}\n";
    let mut gz = Vec::new();
    {
        let mut enc = flate2::write::GzEncoder::new(&mut gz, flate2::Compression::default());
        enc.write_all(plain.as_bytes()).expect("gzip");
        enc.finish().expect("gzip");
    }
    let out = zaman(&["batch", "--quiet"], Some(&gz));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let line: Value = serde_json::from_str(stdout(&out).trim()).expect("JSON");
    assert_eq!(line["timexes"][0]["value"], "2021-04-12");
}

#[test]
fn every_format_is_written_from_the_command_line() {
    let sample = "data/samples/cairo-talks-2023-11-05.txt";
    for &format in zaman::export::Format::ALL {
        let out = zaman(
            &[
                "extract",
                "--dct",
                "2023-11-05",
                "--format",
                format.name(),
                sample,
            ],
            None,
        );
        assert!(
            out.status.success(),
            "{}: {}",
            format.name(),
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        // every format names the article's call somewhere (text, label or trigger)
        assert!(
            text.contains("اتصال"),
            "{}: {}",
            format.name(),
            &text[..text.len().min(300)]
        );
    }
    // one document per file for every format but JSON (Lines)
    let two = zaman(&["extract", "--format", "html", sample, sample], None);
    assert_eq!(two.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&two.stderr).contains("writes one document"));
}

/// `--week-start` on extract, and a batch record's `week_start` field, set the week that
/// الأسبوع المقبل counts (Sunday by default).
#[test]
fn week_start_option_and_batch_field() {
    let text = "يعقد الاجتماع الأسبوع المقبل";
    let doc = extract_text(text, &["--dct", "2025-08-31"]);
    assert_eq!(timex(&doc, "الأسبوع المقبل")["value"], "2025-W37");
    let doc = extract_text(text, &["--dct", "2025-08-31", "--week-start", "monday"]);
    let t = timex(&doc, "الأسبوع المقبل");
    assert_eq!(t["value"], "2025-W36");
    assert_eq!(interval(t), ("2025-09-01T00:00:00", "2025-09-08T00:00:00"));
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "a", "text": text, "dct": "2025-08-31", "week_start": "saturday"}),
        serde_json::json!({"id": "b", "text": text, "dct": "2025-08-31", "week_start": "friday"}),
    );
    let out = zaman(&["batch", "--quiet"], Some(input.as_bytes()));
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let t = timex(&lines[0], "الأسبوع المقبل");
    assert_eq!(interval(t), ("2025-09-06T00:00:00", "2025-09-13T00:00:00"));
    assert!(
        lines[1]["error"]
            .as_str()
            .is_some_and(|e| e.contains("week_start")),
        "{}",
        lines[1]
    );
    // by default the week follows the story's country: Monday in a story from Rabat,
    // Sunday in one from Riyadh and in foreign news (Moscow); a fixed --week-start
    // overrides it
    let moscow = "أعلن الكرملين أن بوتين سيزور الصين الأسبوع المقبل.";
    let riyadh = "أعلن الديوان الملكي السعودي أن الملك سيزور الكويت الأسبوع المقبل.";
    let rabat = "أعلنت الحكومة المغربية أن البرلمان المغربي يفتتح دورته الأسبوع المقبل في الرباط.";
    let doc = extract_text(moscow, &["--dct", "2025-08-31"]);
    assert_eq!(timex(&doc, "الأسبوع المقبل")["value"], "2025-W37");
    let doc = extract_text(riyadh, &["--dct", "2025-08-31"]);
    assert_eq!(timex(&doc, "الأسبوع المقبل")["value"], "2025-W37");
    let doc = extract_text(rabat, &["--dct", "2025-08-31"]);
    assert_eq!(timex(&doc, "الأسبوع المقبل")["value"], "2025-W36");
    let doc = extract_text(moscow, &["--dct", "2025-08-31", "--week-start", "monday"]);
    assert_eq!(timex(&doc, "الأسبوع المقبل")["value"], "2025-W36");
}
