//! `zaman eval` on gold we annotated by hand (`tests/gold/`, exact figures worked out
//! below), and the round trip: zaman's own TimeML and JSON of the real article and our
//! samples, scored as gold, give 1.0 everywhere.

use std::path::Path;
use std::process::Command;

use serde_json::Value;
use zaman::Extractor;
use zaman::eval::{self, EventScores, Prf, TimexScores};
use zaman::export::{Format, Options};

use crate::formats::{TempDir, documents, render, root};

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-12)
}

fn assert_prf(p: &Prf, matched: usize, precision: f64, recall: f64, f1: f64) {
    assert_eq!(p.matched, matched, "{p:?}");
    assert!(close(p.precision, precision), "precision {p:?}");
    assert!(close(p.recall, recall), "recall {p:?}");
    assert!(close(p.f1, f1), "f1 {p:?}");
}

#[test]
fn hand_annotated_gold_gives_the_expected_figures() {
    let report = eval::evaluate(&root().join("tests/gold"), &Extractor::default(), None)
        .expect("the gold reads");
    let names: Vec<&str> = report
        .files
        .iter()
        .map(|f| f.file.rsplit('/').next().unwrap_or_default())
        .collect();
    assert_eq!(
        names,
        ["amman-summit.tml", "lavrov-call.json", "white-house.json"]
    );

    // amman-summit.tml — timexes: gold 4, zaman 4. Same span: الأسبوع المقبل, أمس (2);
    // overlapping: also يوم الأحد… ⊃ الأحد…, الأولى من أبريل ⊂ الأيام العشرة الأولى من أبريل (4).
    // Values: 2 right (zaman reads 2023-04-01 for the gold's 2023-04 START, and الأسبوع
    // المقبل as 2023-W12: the DCT is a Sunday and the Sunday week of Amman's press that
    // follows the one starting that day is 19–25 March, where the gold, annotated in ISO
    // weeks, has 2023-W11); types 4 right.
    let a = &report.files[0];
    assert_eq!(a.dct.as_deref(), Some("2023-03-12"));
    let t: &TimexScores = a.timexes.as_ref().expect("timexes");
    assert_eq!((t.gold, t.system), (4, 4));
    assert_prf(&t.strict, 2, 0.5, 0.5, 0.5);
    assert_prf(&t.relaxed, 4, 1.0, 1.0, 1.0);
    assert_prf(&t.value.prf, 2, 0.5, 0.5, 0.5);
    assert_eq!((t.value.accuracy.scored, t.value.accuracy.correct), (4, 2));
    assert_prf(&t.kind.prf, 4, 1.0, 1.0, 1.0);
    // events: gold أعلن سيزور قال قمة, zaman the same four: P 1, R 1, F1 1. Classes all
    // right (REPORTING, OCCURRENCE, REPORTING, OCCURRENCE); no agents in TimeML; dates
    // from the TLINKs: 2023-03-12 and 2023-03-11 right, the visit 2023-W11 vs 2023-W12 (the
    // Sunday week, above), the summit 2023-04 vs 2023-04-01.
    let e: &EventScores = a.events.as_ref().expect("events");
    assert_eq!((e.gold, e.system), (4, 4));
    assert_prf(&e.detection, 4, 1.0, 1.0, 1.0);
    assert_eq!((e.kind.scored, e.kind.correct), (4, 4));
    assert_eq!((e.agent.scored, e.agent.accuracy), (0, None));
    assert_eq!((e.date.scored, e.date.correct), (4, 2));

    // lavrov-call.json — both timexes exact with the right values.
    let l = &report.files[1];
    assert_eq!(l.dct.as_deref(), Some("2023-02-03"));
    let t = l.timexes.as_ref().expect("timexes");
    assert_prf(&t.strict, 2, 1.0, 1.0, 1.0);
    assert_prf(&t.value.prf, 2, 1.0, 1.0, 1.0);
    // events: قالت, اتصالا هاتفيا (zaman: أجرى اتصالا, overlapping), دعا matched; الحوار
    // missed. Kinds 3/3; agents 3/3 (by gazetteer id twice, by the mention لافروف once);
    // dates 2/3 (the appeal: gold 2023-02-03, zaman 2023-02 from منتصف فبراير).
    let e = l.events.as_ref().expect("events");
    assert_prf(&e.detection, 3, 1.0, 0.75, 6.0 / 7.0);
    assert_eq!((e.kind.scored, e.kind.correct), (3, 3));
    assert_eq!((e.agent.scored, e.agent.correct), (3, 3));
    assert_eq!((e.date.scored, e.date.correct), (3, 2));

    // white-house.json — no timexes in the gold: not scored. Events: أكد, سيتصل and اجتماع
    // matched of 4 (P 1, R 3/4, F1 6/7); kinds 3/3; agents 3/3 (البيت الأبيض and جو بايدن
    // by name, null = none); dates 1/3 (the statement: gold 2023-04-10 vs zaman 2023-04-21;
    // the call on the eve of Eid: gold 2023-04-20 vs zaman 2023-04-21; null = none).
    let w = &report.files[2];
    assert!(w.timexes.is_none());
    let e = w.events.as_ref().expect("events");
    assert_prf(&e.detection, 3, 1.0, 0.75, 6.0 / 7.0);
    assert_eq!((e.kind.scored, e.kind.correct), (3, 3));
    assert_eq!((e.agent.scored, e.agent.correct), (3, 3));
    assert_eq!((e.date.scored, e.date.correct), (3, 1));
    assert!(close(e.date.accuracy, 1.0 / 3.0));

    // overall, micro: timexes 6 gold, 6 zaman, 4 strict, 6 relaxed, 4 values, 6 types;
    // events 12 gold, 10 zaman, 10 matched; dates 5 of 10, agents 6 of 6.
    let o = &report.overall;
    assert_eq!(o.files, 3);
    let t = o.timexes.as_ref().expect("timexes");
    assert_eq!((t.gold, t.system), (6, 6));
    assert_prf(&t.strict, 4, 4.0 / 6.0, 4.0 / 6.0, 4.0 / 6.0);
    assert_prf(&t.relaxed, 6, 1.0, 1.0, 1.0);
    assert_prf(&t.value.prf, 4, 4.0 / 6.0, 4.0 / 6.0, 4.0 / 6.0);
    assert!(close(t.value.accuracy.accuracy, 4.0 / 6.0));
    assert_prf(&t.kind.prf, 6, 1.0, 1.0, 1.0);
    let e = o.events.as_ref().expect("events");
    assert_eq!((e.gold, e.system), (12, 10));
    assert_prf(&e.detection, 10, 1.0, 10.0 / 12.0, 10.0 / 11.0);
    assert_eq!((e.kind.scored, e.kind.correct), (10, 10));
    assert_eq!((e.agent.scored, e.agent.correct), (6, 6));
    assert_eq!((e.date.scored, e.date.correct), (10, 5));
    assert!(close(e.date.accuracy, 0.5));
}

fn zaman(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zaman"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("run zaman")
}

#[test]
fn eval_command_writes_a_table_and_json() {
    let out = zaman(&["eval", "--gold", "tests/gold", "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["gold"], "tests/gold");
    assert_eq!(json["files"].as_array().map(Vec::len), Some(3));
    assert_eq!(json["files"][2]["timexes"], Value::Null);
    let o = &json["overall"];
    assert_eq!(o["timexes"]["strict"]["matched"], 4);
    assert_eq!(o["timexes"]["relaxed"]["f1"], 1.0);
    assert_eq!(o["timexes"]["value"]["matched"], 4);
    assert!(close(o["timexes"]["value"]["accuracy"].as_f64(), 4.0 / 6.0));
    assert_eq!(o["events"]["gold"], 12);
    assert!(close(o["events"]["f1"].as_f64(), 10.0 / 11.0));
    assert!(close(o["events"]["date"]["accuracy"].as_f64(), 0.5));
    assert_eq!(o["events"]["agent"]["correct"], 6);

    // one gold file, as a table
    let out = zaman(&["eval", "--gold", "tests/gold/lavrov-call.json"]);
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).expect("UTF-8");
    let overall = table
        .lines()
        .filter(|l| l.starts_with("overall (micro)"))
        .collect::<Vec<_>>();
    assert_eq!(overall.len(), 2, "{table}");
    // timexes: 2 2, all 1.000; events: 4 gold, 3 zaman, 3 matched, P 1, R 0.75, F1 0.857
    assert!(overall[0].split_whitespace().skip(2).eq([
        "2", "2", "1.000", "1.000", "1.000", "1.000", "1.000", "1.000", "1.000", "1.000"
    ]));
    assert!(
        overall[1].split_whitespace().skip(2).eq([
            "4", "3", "3", "1.000", "0.750", "0.857", "1.000", "(3)", "1.000", "(3)", "0.667",
            "(3)"
        ]),
        "{}",
        overall[1]
    );
}

#[test]
fn bad_gold_is_reported_with_its_file() {
    let tmp = TempDir::new("bad-gold");
    let cases: [(&str, &str, &str); 4] = [
        ("no-text.json", r#"{"timexes": []}"#, "no-text.txt"),
        (
            "span.json",
            r#"{"text": "أمس", "timexes": [{"span": [0, 9], "value": "x"}]}"#,
            "outside the text (3 code points)",
        ),
        (
            "nospan.json",
            r#"{"text": "أمس", "events": [{"kind": "call"}]}"#,
            "events[0] has no trigger span",
        ),
        (
            "broken.tml",
            "<TimeML><TEXT>قال <EVENT eid=\"e1\">أمس</TEXT></TimeML>",
            "expected `</EVENT>`",
        ),
    ];
    for (name, content, expected) in cases {
        let path = tmp.write(name, content.as_bytes());
        let err = eval::read_gold(&path).expect_err(name);
        let message = err.to_string();
        assert!(
            message.starts_with(&path.display().to_string()),
            "{message}"
        );
        assert!(message.contains(expected), "{message}");
    }
    let out = zaman(&[
        "eval",
        "--gold",
        tmp.0.join("span.json").to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("span.json"));
}

/// Every figure of a report that scores zaman against itself is 1.0.
fn assert_perfect(report: &eval::Report, agents: bool) {
    let prfs = |p: &Prf| [p.precision, p.recall, p.f1];
    for (name, t, e) in report
        .files
        .iter()
        .map(|f| (f.file.as_str(), f.timexes.as_ref(), f.events.as_ref()))
        .chain([(
            "overall",
            report.overall.timexes.as_ref(),
            report.overall.events.as_ref(),
        )])
    {
        let t = t.expect("timexes");
        let e = e.expect("events");
        assert!(t.gold > 0 && e.gold > 0, "{name}");
        let mut all: Vec<Option<f64>> = Vec::new();
        for p in [
            &t.strict,
            &t.relaxed,
            &t.value.prf,
            &t.kind.prf,
            &e.detection,
        ] {
            all.extend(prfs(p));
        }
        all.extend([t.value.accuracy.accuracy, t.kind.accuracy.accuracy]);
        all.extend([e.kind.accuracy, e.date.accuracy]);
        if agents {
            all.push(e.agent.accuracy);
        }
        assert!(all.iter().all(|x| *x == Some(1.0)), "{name}: {t:?} {e:?}");
    }
}

#[test]
fn zamans_own_timeml_scores_perfectly() {
    let tmp = TempDir::new("roundtrip-tml");
    let docs = documents();
    for (path, text, doc) in &docs {
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("stem");
        tmp.write(
            &format!("{stem}.tml"),
            &render(Format::Timeml, doc, Some(text), &Options::default()),
        );
    }
    let report = eval::evaluate(&tmp.0, &Extractor::default(), None).expect("evaluates");
    assert_eq!(report.files.len(), docs.len());
    assert_perfect(&report, false);
    // dates were scored: every dated event of the article
    let dated: usize = docs
        .iter()
        .map(|(_, _, d)| d.events.iter().filter(|e| e.time.timex.is_some()).count())
        .sum();
    let events = report.overall.events.expect("events");
    assert_eq!(events.date.scored, dated);
    assert_eq!(events.kind.scored, events.gold);
}

#[test]
fn zamans_own_json_with_its_text_scores_perfectly() {
    let tmp = TempDir::new("roundtrip-json");
    for (path, text, doc) in documents() {
        let stem = path.file_stem().and_then(|s| s.to_str()).expect("stem");
        tmp.write(
            &format!("{stem}.json"),
            &render(Format::Json, &doc, Some(&text), &Options::default()),
        );
        tmp.write(&format!("{stem}.txt"), text.as_bytes());
    }
    let report = eval::evaluate(Path::new(&tmp.0), &Extractor::default(), None).expect("evaluates");
    assert_perfect(&report, true);
    let events = report.overall.events.expect("events");
    // agent and date are scored on every event (the JSON always says, null or not)
    assert_eq!(events.agent.scored, events.gold);
    assert_eq!(events.date.scored, events.gold);
}
