//! Cross-document timelines: articles that report the same call become one event
//! listing every source; different events stay apart; nothing is lost.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use zaman::merge::merge;
use zaman::{Dct, Document, Extractor};

use crate::shared_dir;

fn merge_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples/merge")
}

/// Extracts a file with the DCT its name carries (`…-2022-03-06.txt`).
fn extract(path: &Path) -> Document {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .expect("file name");
    let dct: Dct = zaman::batch::dct_from_name(name)
        .expect("a date in the file name")
        .parse()
        .expect("valid DCT");
    Extractor::default().extract(name, &text, Some(dct))
}

fn macron_bin_salman() -> Vec<Document> {
    [
        "agency-2022-03-05.txt",
        "paris-2022-03-06.txt",
        "riyadh-2022-03-06.txt",
    ]
    .iter()
    .map(|f| extract(&merge_dir().join(f)))
    .collect()
}

fn actor<'d>(doc: &'d Document, id: &str) -> &'d zaman::document::Actor {
    doc.actors
        .iter()
        .find(|a| a.id == id)
        .expect("actor id resolves")
}

/// Gazetteer ids of an event's agent and participants.
fn parties(doc: &Document, e: &zaman::document::Event) -> BTreeSet<String> {
    e.agent
        .iter()
        .chain(&e.participants)
        .map(|a| {
            let a = actor(doc, a);
            a.gazetteer_id.clone().unwrap_or_else(|| a.name.clone())
        })
        .collect()
}

fn calls(doc: &Document) -> Vec<&zaman::document::Event> {
    doc.events
        .iter()
        .filter(|e| e.kind == zaman::events::EventKind::Call && e.order.is_some())
        .collect()
}

#[test]
fn three_reports_of_one_call_become_one_event() {
    let docs = macron_bin_salman();
    let merged = merge("gulf", &docs);
    let pair: BTreeSet<String> = ["emmanuel_macron", "mohammed_bin_salman"]
        .map(String::from)
        .into();
    let the_call: Vec<_> = merged
        .events
        .iter()
        .filter(|e| parties(&merged, e) == pair && e.kind == zaman::events::EventKind::Call)
        .filter(|e| e.time.value.is_some())
        .collect();
    assert_eq!(the_call.len(), 1, "{:#?}", merged.events);
    let call = the_call[0];
    let sources: BTreeSet<&str> = call.sources.iter().map(|s| s.document.as_str()).collect();
    assert_eq!(
        sources,
        BTreeSet::from([
            "agency-2022-03-05.txt",
            "paris-2022-03-06.txt",
            "riyadh-2022-03-06.txt"
        ])
    );
    // the most precise date of the three: Saturday evening, from the Riyadh report
    assert_eq!(call.time.value.as_deref(), Some("2022-03-05TEV"));
    let timex = merged
        .timexes
        .iter()
        .find(|t| Some(&t.id) == call.time.timex.as_ref())
        .expect("the call's timex is carried over");
    assert_eq!(timex.document.as_deref(), Some("riyadh-2022-03-06.txt"));
    // the Paris report's other call that day (with Zelensky) stays its own event
    let zelensky: Vec<_> = merged
        .events
        .iter()
        .filter(|e| parties(&merged, e).contains("volodymyr_zelensky"))
        .collect();
    assert_eq!(zelensky.len(), 1);
    assert_eq!(zelensky[0].sources.len(), 1);
    assert_eq!(zelensky[0].time.value.as_deref(), Some("2022-03-05"));
}

#[test]
fn every_first_mention_lands_in_exactly_one_merged_event() {
    let docs = macron_bin_salman();
    let merged = merge("gulf", &docs);
    let mut expected: Vec<(String, String)> = docs
        .iter()
        .flat_map(|d| {
            d.events
                .iter()
                .filter(|e| e.order.is_some())
                .map(|e| (d.document.id.clone(), e.id.clone()))
        })
        .collect();
    let mut got: Vec<(String, String)> = merged
        .events
        .iter()
        .flat_map(|e| {
            e.sources
                .iter()
                .map(|s| (s.document.clone(), s.event.clone()))
        })
        .collect();
    expected.sort();
    got.sort();
    assert_eq!(got, expected);
    // a merged event never holds two events of one document
    for e in &merged.events {
        let docs: BTreeSet<&str> = e.sources.iter().map(|s| s.document.as_str()).collect();
        assert_eq!(docs.len(), e.sources.len(), "{e:?}");
    }
    // one timeline over every merged event, 1-based and complete
    assert_eq!(merged.timeline.len(), merged.events.len());
    let mut orders: Vec<usize> = merged.events.iter().filter_map(|e| e.order).collect();
    orders.sort();
    assert_eq!(orders, (1..=merged.events.len()).collect::<Vec<_>>());
    assert_eq!(merged.sources.len(), 3);
}

#[test]
fn actors_are_unified_by_gazetteer_id_with_their_mentions_attributed() {
    let docs = macron_bin_salman();
    let merged = merge("gulf", &docs);
    let macron: Vec<_> = merged
        .actors
        .iter()
        .filter(|a| a.gazetteer_id.as_deref() == Some("emmanuel_macron"))
        .collect();
    assert_eq!(macron.len(), 1);
    let documents: BTreeSet<&str> = macron[0]
        .mentions
        .iter()
        .map(|m| {
            m.document
                .as_deref()
                .expect("merged mentions name their document")
        })
        .collect();
    assert_eq!(documents.len(), 3);
    // every mention is still an exact slice of its own document
    for m in &macron[0].mentions {
        let path = merge_dir().join(m.document.as_deref().unwrap_or_default());
        let text = std::fs::read_to_string(path).expect("source text");
        let slice: String = text
            .chars()
            .skip(m.span[0])
            .take(m.span[1] - m.span[0])
            .collect();
        assert_eq!(slice, m.text);
    }
    let ids: BTreeSet<&str> = merged.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), merged.actors.len());
}

#[test]
fn the_real_article_and_an_independent_report_share_the_call() {
    let article = shared_dir()
        .join("samples")
        .join("biden-putin-call-2021-04-13.txt");
    let docs = vec![
        extract(&article),
        extract(&merge_dir().join("kremlin-2021-04-13.txt")),
    ];
    let before: Vec<usize> = docs.iter().map(|d| calls(d).len()).collect();
    let merged = merge("biden-putin", &docs);
    let pair: BTreeSet<String> = ["joe_biden", "vladimir_putin"].map(String::from).into();
    let shared: Vec<_> = merged
        .events
        .iter()
        .filter(|e| e.sources.len() == 2)
        .collect();
    assert_eq!(shared.len(), 1, "exactly one event reported by both");
    assert_eq!(shared[0].kind, zaman::events::EventKind::Call);
    assert_eq!(parties(&merged, shared[0]), pair);
    assert_eq!(shared[0].time.value.as_deref(), Some("2021-04-13"));
    // Biden placed the call (the Kremlin report says Putin received it from him)
    assert_eq!(
        actor(&merged, shared[0].agent.as_deref().expect("agent"))
            .gazetteer_id
            .as_deref(),
        Some("joe_biden")
    );
    assert_eq!(calls(&merged).len(), before.iter().sum::<usize>() - 1);
}

#[test]
fn statements_merge_only_when_they_say_the_same_thing() {
    let x = Extractor::default();
    let dct: Dct = "2023-06-02".parse().expect("dct");
    let a = x.extract(
        "a",
        "قال وزير الخارجية المصري سامح شكري أمس إن القاهرة ترفض أي تهجير للفلسطينيين من قطاع غزة.",
        Some(dct),
    );
    let b = x.extract(
        "b",
        "أكد سامح شكري يوم الخميس أن مصر ترفض تهجير الفلسطينيين من قطاع غزة رفضا قاطعا.",
        Some(dct),
    );
    let c = x.extract(
        "c",
        "قال سامح شكري أمس إن المحادثات مع الجانب الإثيوبي بشأن سد النهضة وصلت إلى طريق مسدود.",
        Some(dct),
    );
    for d in [&a, &b, &c] {
        let said = &d.events[0];
        assert_eq!(
            said.kind,
            zaman::events::EventKind::Statement,
            "{:#?}",
            d.events
        );
        assert_eq!(said.time.value.as_deref(), Some("2023-06-01"));
        assert_eq!(
            actor(d, said.agent.as_deref().expect("speaker")).gazetteer_id,
            Some("sameh_shoukry".to_string())
        );
    }
    // a and b: same speaker, same day, the same claim → one event; c says something else
    let merged = merge("m", &[a.clone(), b.clone(), c.clone()]);
    let holder = |doc: &str, event: &str| {
        merged
            .events
            .iter()
            .position(|e| {
                e.sources
                    .iter()
                    .any(|s| s.document == doc && s.event == event)
            })
            .expect("every event is in the merged timeline")
    };
    assert_eq!(holder("a", "e1"), holder("b", "e1"), "{:#?}", merged.events);
    assert_ne!(holder("a", "e1"), holder("c", "e1"));
    // input order does not change which reports are grouped
    let reversed = merge("m", &[c, b, a]);
    let groups = |d: &Document| -> BTreeSet<BTreeSet<String>> {
        d.events
            .iter()
            .map(|e| e.sources.iter().map(|s| s.document.clone()).collect())
            .collect()
    };
    assert_eq!(groups(&merged), groups(&reversed));
}

#[test]
fn undated_events_are_never_merged() {
    let x = Extractor::default();
    let a = x.extract(
        "a",
        "أجرى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا مع فلاديمير بوتين.",
        None,
    );
    let b = x.extract(
        "b",
        "أجرى إيمانويل ماكرون اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين.",
        None,
    );
    assert_eq!(calls(&a).len(), 1);
    assert_eq!(calls(&b).len(), 1);
    let merged = merge("m", &[a, b]);
    assert_eq!(calls(&merged).len(), 2);
}

#[test]
fn merged_json_validates_and_reads_back() {
    let merged = merge("gulf", &macron_bin_salman());
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema/timeline-v1.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).expect("schema")).expect("json");
    let validator = jsonschema::validator_for(&schema).expect("valid schema");
    let value = serde_json::to_value(&merged).expect("serializes");
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let back: Document = serde_json::from_value(value.clone()).expect("reads back");
    assert_eq!(serde_json::to_value(&back).expect("serializes"), value);
}

#[test]
fn cli_merges_a_batch_stream_and_passes_over_error_records() {
    let mut input = String::new();
    for f in [
        "agency-2022-03-05.txt",
        "paris-2022-03-06.txt",
        "riyadh-2022-03-06.txt",
    ] {
        let text = std::fs::read_to_string(merge_dir().join(f)).expect("sample");
        let dct = zaman::batch::dct_from_name(f).expect("dct");
        input.push_str(&serde_json::json!({"id": f, "text": text, "dct": dct}).to_string());
        input.push('\n');
    }
    input.push_str("{not json\n");
    let run = crate::run_zaman;
    let batch = run(&["batch", "--quiet"], input.as_bytes());
    assert_eq!(batch.status.code(), Some(1), "one malformed line");
    let merged = run(&["merge", "--id", "gulf", "--compact"], &batch.stdout);
    assert!(
        merged.status.success(),
        "{}",
        String::from_utf8_lossy(&merged.stderr)
    );
    assert!(String::from_utf8_lossy(&merged.stderr).contains("passed over 1 batch error record"));
    let doc: Document = serde_json::from_slice(&merged.stdout).expect("a merged document");
    assert_eq!(doc.document.id, "gulf");
    assert_eq!(doc.sources.len(), 3);
    assert!(doc.events.iter().any(|e| e.sources.len() == 3));
    // the same merged timeline as the library gives
    let library = merge("gulf", &macron_bin_salman());
    assert_eq!(doc.events.len(), library.events.len());
    // exports read the merged document too
    let dot = run(&["merge", "--format", "dot"], &batch.stdout);
    assert!(dot.status.success());
    assert!(String::from_utf8_lossy(&dot.stdout).starts_with("digraph zaman {"));
    // not a document: an error naming the input and the record
    let bad = run(&["merge"], b"{\"schema\": \"something-else\"}\n");
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("standard input: record 1: not a zaman document"),
        "{err}"
    );
}

#[test]
fn every_format_renders_a_merged_timeline() {
    use zaman::export::{self, Format, Options};
    let merged = merge("gulf", &macron_bin_salman());
    for &format in Format::ALL {
        let mut out = Vec::new();
        let options = Options {
            entity: (format == Format::Semeval).then(|| "emmanuel_macron".to_string()),
            ..Options::default()
        };
        let written = export::write(format, &merged, None, &options, &mut out);
        if format == Format::Timeml {
            // TimeML annotates one article's text: a merged timeline has none
            let err = written.expect_err("TimeML needs the text");
            assert!(err.to_string().contains("needs the original text"), "{err}");
            continue;
        }
        written.unwrap_or_else(|e| panic!("{}: {e}", format.name()));
        let text = String::from_utf8(out).expect("UTF-8 output");
        assert!(!text.trim().is_empty(), "{}", format.name());
        match format {
            Format::Semeval => {
                // the call's line lists its mention in each of the three articles
                let line = text
                    .lines()
                    .find(|l| l.matches('\t').count() == 4)
                    .unwrap_or_else(|| panic!("no line with three mentions:\n{text}"));
                assert!(line.contains("\t2022-03-05\t"), "{line}");
                for doc in ["agency-2022-03-05", "paris-2022-03-06", "riyadh-2022-03-06"] {
                    assert!(line.contains(&format!("{doc}-")), "{line}");
                }
            }
            Format::Vis => {
                let v: serde_json::Value = serde_json::from_str(&text).expect("vis JSON");
                let dated = merged
                    .events
                    .iter()
                    .filter(|e| merged.interval_of(e).is_some())
                    .count();
                assert_eq!(v["items"].as_array().map(Vec::len), Some(dated));
            }
            Format::Html => assert!(text.contains("dir=\"rtl\""), "html"),
            _ => {}
        }
    }
}
