//! Normalization: folding with its offset map, tokens, clitic views, sentences.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zaman::text::{Normalized, clitic_views, fold, sentences, tokenize};

fuzz_target!(|data: &[u8]| {
    let Ok(original) = std::str::from_utf8(data) else {
        return;
    };
    let n = Normalized::new(original);
    let chars = original.chars().count();
    assert_eq!(n.original_len(), chars);
    // the same fold as the lexicon's, and idempotent
    assert_eq!(fold(original), n.text);
    assert_eq!(fold(&n.text), n.text, "fold is not idempotent");
    let tokens = tokenize(&n.text);
    let mut last_end = 0;
    for t in &tokens {
        assert!(last_end <= t.start && t.start < t.end && t.end <= n.text.len());
        assert!(n.text.is_char_boundary(t.start) && n.text.is_char_boundary(t.end));
        last_end = t.end;
        let (s, e) = n.to_original(t.start, t.end);
        assert!(s <= e && e <= chars, "token maps outside the original");
        let word = &n.text[t.start..t.end];
        for v in clitic_views(word).iter() {
            assert!(word.ends_with(v.stem) && v.outer_len <= word.len() - v.stem.len());
        }
    }
    let mut last_end = 0;
    for s in sentences(&n.text) {
        assert!(last_end <= s.start && s.start < s.end && s.end <= n.text.len());
        assert!(n.text.is_char_boundary(s.start) && n.text.is_char_boundary(s.end));
        last_end = s.end;
    }
});
