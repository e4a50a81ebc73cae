//! The temporal engine alone: recognition and resolution under every policy, with and
//! without a DCT; every span exact.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zaman::{Dct, Lexicon, Policy, tag};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let policy = match selector % 3 {
        0 => Policy::News,
        1 => Policy::Narrative,
        _ => Policy::Colloquial,
    };
    let dct = match (selector / 3) % 3 {
        0 => None,
        1 => "2021-04-13".parse::<Dct>().ok(),
        _ => "2013-02-12T04:30:00-02:00".parse::<Dct>().ok(),
    };
    let tagged = tag(text, dct, policy, Lexicon::builtin());
    let chars: Vec<char> = text.chars().collect();
    for t in &tagged.timexes {
        let [s, e] = t.span;
        assert!(s <= e && e <= chars.len(), "{t:?}");
        assert_eq!(chars[s..e].iter().collect::<String>(), t.text);
        assert!(!t.value.is_empty());
        if let Some(iv) = t.interval {
            assert!(iv.start <= iv.end, "{t:?}");
        }
    }
});
