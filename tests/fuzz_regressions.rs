//! Inputs on which a fuzz target failed, replayed with the target's own assertions, plus
//! the minimal sentence of each bug with its exact result. A crashing input goes into
//! `tests/fuzz-regressions/TARGET/` (see docs/RELIABILITY.md).

use std::path::Path;

use zaman::graph::EventGraph;
use zaman::input::{self, Html, Options};
use zaman::text::{Normalized, fold, sentences, tokenize};
use zaman::{Dct, Extractor, Lexicon, Policy, tag};

/// The `normalize` target's assertions.
fn normalize(data: &[u8]) {
    let Ok(original) = std::str::from_utf8(data) else {
        return;
    };
    let n = Normalized::new(original);
    assert_eq!(fold(original), n.text);
    assert_eq!(fold(&n.text), n.text);
    for t in tokenize(&n.text) {
        let (s, e) = n.to_original(t.start, t.end);
        assert!(s <= e && e <= original.chars().count());
    }
    for s in sentences(&n.text) {
        assert!(s.start < s.end && s.end <= n.text.len());
    }
}

/// The `temporal` target's assertions: policy and DCT from the first byte.
fn temporal(data: &[u8]) {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let policy = [Policy::News, Policy::Narrative, Policy::Colloquial][usize::from(selector % 3)];
    let dct = match (selector / 3) % 3 {
        0 => None,
        1 => "2021-04-13".parse::<Dct>().ok(),
        _ => "2013-02-12T04:30:00-02:00".parse::<Dct>().ok(),
    };
    let chars: Vec<char> = text.chars().collect();
    for t in &tag(text, dct, policy, Lexicon::builtin()).timexes {
        let [s, e] = t.span;
        assert!(s <= e && e <= chars.len(), "{t:?}");
        assert_eq!(chars[s..e].iter().collect::<String>(), t.text);
        if let Some(iv) = t.interval {
            assert!(iv.start <= iv.end, "{t:?}");
        }
    }
}

/// The `extract` target's assertions: options from the first byte.
fn extract(data: &[u8]) {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let options = Options {
        lossy: selector & 1 == 1,
        html: [Html::Detect, Html::Always, Html::Never][usize::from((selector >> 1) % 3)],
    };
    let Ok(decoded) = input::decode("fuzz", bytes, &options) else {
        assert!(!options.lossy);
        return;
    };
    let dct = (selector & 8 == 0)
        .then(|| "2021-04-13".parse::<Dct>().ok())
        .flatten();
    let doc = Extractor::default().extract("fuzz", &decoded.text, dct);
    let problems = zaman::check::document(&doc, &decoded.text);
    assert!(problems.is_empty(), "{problems:?}");
    let json = serde_json::to_string(&doc).expect("serialize");
    let _: serde_json::Value = serde_json::from_str(&json).expect("parses");
    assert!(
        EventGraph::from_document(&doc)
            .to_dot(&doc)
            .starts_with("digraph")
    );
}

#[test]
fn every_saved_crash_input_passes_its_target() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut replayed = 0;
    for (target, run) in [
        ("normalize", normalize as fn(&[u8])),
        ("temporal", temporal),
        ("extract", extract),
    ] {
        let Ok(entries) = std::fs::read_dir(dir.join(target)) else {
            continue;
        };
        for entry in entries.flatten() {
            let data = std::fs::read(entry.path()).expect("a saved input");
            run(&data);
            replayed += 1;
        }
    }
    assert!(replayed >= 1, "the saved inputs are replayed");
}

/// "Within zero days" (or half a day from the morning) read forward ended at today's
/// midnight, before its start at the DCT's time: a reversed interval.
#[test]
fn within_zero_days_is_an_empty_interval_not_a_reversed_one() {
    let dct: Dct = "2013-02-12T04:30:00-02:00".parse().expect("dct");
    for text in ["خلال 0 فصل", "خلال 0 أيام", "خلال نصف يوم"] {
        let tagged = tag(text, Some(dct), Policy::Colloquial, Lexicon::builtin());
        let t = &tagged.timexes[0];
        // خلال is a signal outside the span
        assert_eq!(Some(t.text.as_str()), text.strip_prefix("خلال "));
        let iv = t.interval.expect("an interval");
        assert_eq!(iv.start.to_string(), "2013-02-12 04:30:00", "{text}");
        assert!(iv.start <= iv.end, "{text}: {iv:?}");
    }
    let t = &tag(
        "خلال 0 أيام",
        Some(dct),
        Policy::Colloquial,
        Lexicon::builtin(),
    )
    .timexes[0];
    assert_eq!(t.value, "P0D");
    assert_eq!(t.interval.map(|iv| iv.end), t.interval.map(|iv| iv.start));
    // one day ahead is unchanged: up to the start of the day after
    let t = &tag("خلال يوم", Some(dct), Policy::Colloquial, Lexicon::builtin()).timexes[0];
    assert_eq!(
        t.interval.map(|iv| iv.end.to_string()).as_deref(),
        Some("2013-02-13 00:00:00")
    );
}

/// A title as the last word of a text (`… الرئيس الأمريكي`) looked for a name one token
/// past the end: an index out of bounds in `actors::title_phrase`, a panic on `zaman
/// extract` of a text ending that way.
#[test]
fn a_title_as_the_last_word_is_an_actor_not_a_panic() {
    let doc = Extractor::default().extract("t", "الرئيس", None);
    assert_eq!(doc.actors.len(), 1);
    assert_eq!(doc.actors[0].role.as_deref(), Some("president"));
    assert_eq!(doc.actors[0].mentions[0].span, [0, 6]);
    let text = "التقى الرئيس الأمريكي";
    let doc = Extractor::default().extract("t", text, None);
    assert_eq!(doc.actors[0].name, "الرئيس الأمريكي");
    assert_eq!(doc.actors[0].country.as_deref(), Some("USA"));
    assert!(zaman::check::document(&doc, text).is_empty());
    let doc = Extractor::default().extract("t", "قال المتحدث باسم", None);
    assert_eq!(doc.actors[0].role.as_deref(), Some("spokesperson"));
}
