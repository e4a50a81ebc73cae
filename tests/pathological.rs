//! Pathological inputs: each must finish (no timing assertion here; the figures are in
//! docs/RELIABILITY.md, measured with the release binary by scripts/pathological.sh)
//! and give the values asserted, with every invariant of `zaman::check` holding.

use std::sync::OnceLock;

use zaman::batch::{self, Record};
use zaman::{Dct, Document, Extractor};

fn dct() -> Option<Dct> {
    "2021-04-13".parse().ok()
}

fn extract(text: &str) -> Document {
    let doc = Extractor::default().extract("p", text, dct());
    let problems = zaman::check::document(&doc, text);
    assert!(
        problems.is_empty(),
        "{:?}",
        &problems[..problems.len().min(5)]
    );
    doc
}

/// Our own samples, joined.
fn samples() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples");
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .expect("data/samples")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("sample") + "\n\n")
            .collect()
    })
}

fn values(doc: &Document) -> Vec<&str> {
    doc.timexes.iter().map(|t| t.value.as_str()).collect()
}

#[test]
fn a_large_document_is_its_copies() {
    let one = extract(samples());
    assert!(one.timexes.len() > 20 && one.events.len() > 10);
    let copies = 5_000_000 / samples().len();
    let big = samples().repeat(copies);
    assert!(big.len() > 4_900_000);
    let doc = extract(&big);
    assert_eq!(doc.timexes.len(), copies * one.timexes.len());
    assert_eq!(doc.events.len(), copies * one.events.len());
    let last = &doc.timexes[doc.timexes.len() - one.timexes.len()..];
    assert_eq!(
        last.iter().map(|t| t.value.as_str()).collect::<Vec<_>>(),
        values(&one)
    );
    let offset = (copies - 1) * samples().chars().count();
    assert_eq!(last[0].span[0], one.timexes[0].span[0] + offset);
    // the graph and its DOT stay linear too (they searched the events once per item)
    let graph = zaman::graph::EventGraph::from_document(&doc);
    let used: std::collections::HashSet<&str> = doc
        .events
        .iter()
        .filter_map(|e| e.time.timex.as_deref())
        .collect();
    assert_eq!(
        graph.node_count(),
        1 + doc.actors.len() + used.len() + doc.events.len()
    );
    let dot = graph.to_dot(&doc);
    assert_eq!(
        dot.matches(" -> ").count(),
        graph.edge_count() - doc.events.len() + dot.matches("style=invis").count()
    );
}

#[test]
fn a_megabyte_of_digits_is_one_number_and_no_date() {
    let mut text = "7".repeat(1_000_000);
    let doc = extract(&text);
    assert!(doc.timexes.is_empty() && doc.events.is_empty());
    text.push_str(" أمس");
    let doc = extract(&text);
    assert_eq!(values(&doc), ["2021-04-12"]);
    assert_eq!(doc.timexes[0].span, [1_000_001, 1_000_004]);
}

#[test]
fn a_hundred_thousand_dates_on_one_line() {
    let text = "13 أبريل 2021، ".repeat(100_000);
    let doc = extract(&text);
    assert_eq!(doc.timexes.len(), 100_000);
    assert!(doc.timexes.iter().all(|t| t.value == "2021-04-13"));
    let last = &doc.timexes[99_999];
    assert_eq!(last.id, "t100000");
    assert_eq!(last.span, [15 * 99_999, 15 * 99_999 + 13]);
}

#[test]
fn ten_thousand_clitics() {
    for letter in ["و", "ب", "ل", "ف", "ك"] {
        let text = letter.repeat(10_000) + " أمس";
        let doc = extract(&text);
        assert_eq!(values(&doc), ["2021-04-12"], "{letter}");
        assert_eq!(doc.timexes[0].span, [10_001, 10_004]);
    }
    // glued to the word, nothing is a date; after a space, the date is found
    assert!(extract(&("وبال".repeat(10_000) + "أمس")).timexes.is_empty());
    let doc = extract(&("وبال".repeat(10_000) + " أمس"));
    assert_eq!(doc.timexes[0].span, [40_001, 40_004]);
}

#[test]
fn a_megabyte_without_spaces() {
    let text: String = samples()
        .repeat(1_000_000 / samples().len() + 1)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let doc = extract(&text);
    // one token per run of letters: only dates written with digits and punctuation remain
    assert!(doc.timexes.len() < 1000, "{}", doc.timexes.len());
}

#[test]
fn nested_quotes_and_brackets() {
    let brackets = "«".repeat(20_000)
        + &"(".repeat(20_000)
        + "قال الوزير أمس"
        + &")".repeat(20_000)
        + &"»".repeat(20_000);
    let doc = extract(&brackets);
    assert_eq!(values(&doc), ["2021-04-12"]);
    assert_eq!(doc.timexes[0].span, [40_011, 40_014]);
    // twenty thousand nested statements: each content stops within a bounded reach,
    // so the output grows linearly with the input
    let nested = "«قال ".repeat(20_000);
    let doc = extract(&nested);
    assert_eq!(doc.events.len(), 20_000);
    assert!(
        doc.events[19_999].content.is_none(),
        "nothing follows the last"
    );
    for e in &doc.events[..19_999] {
        let c = e.content.as_ref().expect("a content after the quote");
        assert!(c.span[1] - c.span[0] <= 1000, "{}: {:?}", e.id, c.span);
    }
    assert!(extract(&"\"[{".repeat(20_000)).timexes.is_empty());
}

#[test]
fn every_bidi_control_is_invisible_to_matching() {
    let controls = [
        '\u{061C}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}',
        '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200B}', '\u{200C}',
        '\u{200D}', '\u{FEFF}',
    ];
    for c in controls {
        let text = format!("قال الوزير {c}أ{c}م{c}س{c} إن الوفد وصل");
        let doc = extract(&text);
        assert_eq!(values(&doc), ["2021-04-12"], "U+{:04X}", c as u32);
        // the span starts at the letter and ends with it: controls inside are kept
        assert_eq!(
            doc.timexes[0].text,
            format!("أ{c}م{c}س"),
            "U+{:04X}",
            c as u32
        );
    }
    // all of them between every letter of a real text
    let all: String = controls.iter().collect();
    let text: String = samples()
        .chars()
        .flat_map(|ch| std::iter::once(ch).chain(all.chars()))
        .collect();
    let doc = extract(&text);
    assert_eq!(doc.timexes.len(), extract(samples()).timexes.len());
}

#[test]
fn nuls_and_control_characters() {
    let text = "\0قال\u{1} الوزير\0 أمس\u{7} إن\u{1b} الوفد وصل 13 أبريل\0 2021";
    let doc = extract(text);
    assert_eq!(values(&doc), ["2021-04-12", "2021-04-13"]);
    assert_eq!(doc.timexes[1].text, "13 أبريل");
    let junk: String = (0u8..32).map(char::from).cycle().take(100_000).collect();
    let doc = extract(&junk);
    assert!(doc.timexes.is_empty() && doc.events.is_empty());
}

#[test]
fn a_ten_megabyte_line_in_batch() {
    let text = samples()
        .replace('\n', " ")
        .repeat(10_000_000 / samples().len() + 1);
    let line = serde_json::json!({"id": "huge", "text": text, "dct": "2021-04-13"}).to_string();
    assert!(line.len() > 10_000_000);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    let records = vec![
        Ok(Record::Line {
            number: 1,
            bytes: line.into_bytes(),
        }),
        Ok(Record::Line {
            number: 2,
            bytes: b"{\"id\":\"small\",\"text\":\"\xd8\xa3\xd9\x85\xd8\xb3\"}".to_vec(),
        }),
    ];
    let mut out = Vec::new();
    let summary = batch::run(
        &Extractor::default(),
        records.into_iter(),
        &mut out,
        &pool,
        |_| {},
    )
    .expect("run");
    assert_eq!((summary.records, summary.failed), (2, 0));
    let out = String::from_utf8(out).expect("UTF-8");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "huge");
    assert!(
        lines[0]["timexes"]
            .as_array()
            .is_some_and(|t| t.len() > 1000)
    );
    assert_eq!(lines[1]["id"], "small");
    assert_eq!(lines[1]["timexes"][0]["text"], "أمس");
}
