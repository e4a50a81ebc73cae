//! Full extraction from raw bytes: decoding (UTF-16, Windows-1256, lossy UTF-8, HTML),
//! actors, timexes, events, timeline, then the JSON, the graph and its DOT; every
//! invariant of `zaman::check`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zaman::graph::EventGraph;
use zaman::input::{self, Html, Options};
use zaman::{Dct, Extractor};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let options = Options {
        lossy: selector & 1 == 1,
        html: match (selector >> 1) % 3 {
            0 => Html::Detect,
            1 => Html::Always,
            _ => Html::Never,
        },
    };
    let Ok(decoded) = input::decode("fuzz", bytes, &options) else {
        assert!(!options.lossy, "lossy decoding never fails on UTF-8-or-not bytes");
        return;
    };
    let dct = (selector & 8 == 0).then(|| "2021-04-13".parse::<Dct>().ok()).flatten();
    let mut doc = Extractor::default().extract("fuzz", &decoded.text, dct);
    doc.warnings = decoded.warnings;
    let problems = zaman::check::document(&doc, &decoded.text);
    assert!(problems.is_empty(), "{problems:?}");
    let json = serde_json::to_string(&doc).expect("serialize");
    let _: serde_json::Value = serde_json::from_str(&json).expect("the JSON parses");
    let graph = EventGraph::from_document(&doc);
    let dot = graph.to_dot(&doc);
    assert!(dot.starts_with("digraph"));
});
