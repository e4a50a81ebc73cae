//! The batch line reader over arbitrary bytes as JSON Lines: exactly one output line
//! per input line, in order, each a JSON object with the record's id or an error.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use zaman::Extractor;
use zaman::batch;
use zaman::input::Options;

fn pool() -> &'static rayon::ThreadPool {
    static POOL: OnceLock<rayon::ThreadPool> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a one-thread pool")
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let options = Options {
        lossy: selector & 1 == 1,
        ..Options::default()
    };
    let mut out = Vec::new();
    let summary = batch::run_with(
        &Extractor::default(),
        &options,
        batch::lines(bytes),
        &mut out,
        pool(),
        |_| {},
    )
    .expect("writing to a Vec never fails");
    let lines_in = bytes.split_inclusive(|&b| b == b'\n').count();
    let text = String::from_utf8(out).expect("the output is UTF-8");
    let lines_out: Vec<&str> = text.lines().collect();
    assert_eq!(lines_out.len(), lines_in, "one output line per input line");
    assert_eq!(summary.records, lines_in);
    let mut failed = 0;
    for line in lines_out {
        let v: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        let object = v.as_object().expect("each line is an object");
        assert!(object.contains_key("id"));
        failed += usize::from(object.contains_key("error"));
    }
    assert_eq!(failed, summary.failed);
});
