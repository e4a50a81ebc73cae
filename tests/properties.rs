//! Properties over random text and mutated real text: spans in bounds and exact,
//! deterministic output, idempotent normalization, and no panic.

use proptest::prelude::*;
use zaman::text::{Normalized, fold};
use zaman::{Extractor, Policy};

/// Characters that exercise the normalizer and the grammar: Arabic letters and
/// words, digits of three scripts, marks, bidi controls, punctuation, spaces.
fn arabic_soup() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "الثلاثاء",
        " ",
        "13",
        "١٣",
        "۱۳",
        "أبريل",
        "/",
        "نيسان",
        "2021",
        "٢٠٢١",
        "قبل",
        "أيام",
        "،",
        ".",
        "\n",
        "\n\n",
        "منذ",
        "ثلاثة",
        "أسابيع",
        "الـ",
        "ـ",
        "\u{064E}",
        "\u{0651}",
        "\u{200F}",
        "\u{200E}",
        "\u{202B}",
        "\u{00A0}",
        "“",
        "”",
        "«",
        "»",
        "ﻻ",
        "ﷺ",
        "رمضان",
        "1442",
        "هـ",
        "الساعة",
        "3:30",
        "صباحا",
        "بين",
        "عامي",
        "و",
        "من",
        "إلى",
        "-",
        "(",
        ")",
        "بداية",
        "الشهر",
        "الماضي",
        "كل",
        "أسبوع",
        "x",
        "😀",
        "وبالأمس",
        "لل",
        "يوم",
        "الاثنين",
        "عام",
        "هذا",
        "العام",
        "نصف",
        "ساعة",
        "إلا",
        "ربع",
        ":",
        "0",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn check_spans(text: &str) {
    for policy in [Policy::News, Policy::Narrative, Policy::Colloquial] {
        let lexicon = zaman::Lexicon::builtin();
        let doc = Extractor::new(lexicon, policy).extract("p", text, None);
        let chars: Vec<char> = text.chars().collect();
        for t in &doc.timexes {
            assert!(
                t.span[0] <= t.span[1] && t.span[1] <= chars.len(),
                "{t:?} in {text:?}"
            );
            let s: String = chars[t.span[0]..t.span[1]].iter().collect();
            assert_eq!(s, t.text, "in {text:?}");
            if let Some(iv) = t.interval {
                assert!(iv.start <= iv.end, "{t:?}");
            }
        }
        let again = Extractor::new(lexicon, policy).extract("p", text, None);
        assert_eq!(
            serde_json::to_string(&doc).expect("json"),
            serde_json::to_string(&again).expect("json"),
            "not deterministic on {text:?}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn spans_are_exact_on_arabic_soup(text in arabic_soup()) {
        check_spans(&text);
    }

    #[test]
    fn spans_are_exact_on_any_unicode(text in "\\PC{0,60}") {
        check_spans(&text);
    }

    #[test]
    fn normalization_is_idempotent(text in arabic_soup()) {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once);
    }

    #[test]
    fn offset_map_covers_every_char(text in "\\PC{0,40}") {
        let n = Normalized::new(&text);
        let (s, e) = n.to_original(0, n.text.len());
        prop_assert!(s <= e && e <= text.chars().count());
    }

    #[test]
    fn mutated_article_keeps_spans_exact(cut in 0usize..6000, insert in arabic_soup()) {
        let path = crate::shared_dir().join("samples").join("biden-putin-call-2021-04-13.txt");
        let article = std::fs::read_to_string(path).expect("article");
        let chars: Vec<char> = article.chars().collect();
        let at = cut.min(chars.len());
        let mutated: String = chars[..at].iter().collect::<String>() + &insert + &chars[at..].iter().collect::<String>();
        check_spans(&mutated);
    }
}
