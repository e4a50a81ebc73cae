//! Properties over random text and mutated real text: every invariant of
//! `zaman::check` (spans in bounds and exact for timexes, mentions, triggers and
//! contents; ids unique; every reference resolves), JSON that parses and validates
//! against docs/schema/timeline-v1.json, deterministic output, idempotent
//! normalization, and one batch output line per input line.

use std::sync::OnceLock;

use proptest::prelude::*;
use zaman::text::{Normalized, fold};
use zaman::{Extractor, Policy};

/// The document schema, compiled once.
fn schema() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema/timeline-v1.json");
        let schema: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("JSON");
        jsonschema::validator_for(&schema).expect("a valid schema")
    })
}

/// Every invariant, the JSON round trip and the schema, for one document.
fn check_document(doc: &zaman::Document, text: &str) {
    let problems = zaman::check::document(doc, text);
    assert!(problems.is_empty(), "{problems:?} in {text:?}");
    let json = serde_json::to_string(doc).expect("json");
    let value: serde_json::Value = serde_json::from_str(&json).expect("the JSON parses");
    let errors: Vec<String> = schema()
        .iter_errors(&value)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:?} in {text:?}");
}

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
        "الرئيس",
        "الأمريكي",
        "قال",
        "بايدن",
        "المتحدث باسم",
        "نظيره",
        "الروسي",
        "الكرملين",
        "إن",
        "اتصالا هاتفيا",
        "مع",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn check_spans(text: &str) {
    for policy in [Policy::News, Policy::Narrative, Policy::Colloquial] {
        let lexicon = zaman::Lexicon::builtin();
        let doc = Extractor::new(lexicon, policy).extract("p", text, None);
        check_document(&doc, text);
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
    fn normalization_is_idempotent_on_any_unicode(text in "\\PC{0,80}|[\\u{0600}-\\u{06FF}\\u{FB50}-\\u{FEFF}\\u{2000}-\\u{206F}]{0,80}") {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once.clone());
        prop_assert_eq!(Normalized::new(&text).text, once);
    }

    #[test]
    fn with_a_dct_and_decoded_input_every_invariant_holds(
        bytes in prop::collection::vec(any::<u8>(), 0..200),
        soup in arabic_soup(),
        html in any::<bool>(),
    ) {
        // raw bytes, lossy, with the soup around them; as HTML or not
        let mut input = soup.clone().into_bytes();
        input.extend_from_slice(&bytes);
        input.extend_from_slice(soup.as_bytes());
        let options = zaman::input::Options {
            lossy: true,
            html: if html { zaman::input::Html::Always } else { zaman::input::Html::Detect },
        };
        let decoded = zaman::input::decode("p", &input, &options).expect("lossy never fails");
        let mut doc = Extractor::default().extract("p", &decoded.text, "2021-04-13".parse().ok());
        doc.warnings = decoded.warnings;
        check_document(&doc, &decoded.text);
    }

    #[test]
    fn batch_writes_one_line_per_input_line(lines in prop::collection::vec(
        prop_oneof![
            arabic_soup().prop_map(|t| serde_json::json!({"id": "x", "text": t, "dct": "2021-04-13"}).to_string()),
            arabic_soup().prop_map(|t| t.replace(['\n', '\r'], " ")),
            Just(String::new()),
            Just("{\"id\": 5, \"text\": [1]}".to_string()),
            "\\PC{0,30}",
        ],
        0..12,
    ), crlf in any::<bool>()) {
        let ending = if crlf { "\r\n" } else { "\n" };
        let input: String = lines.iter().map(|l| format!("{l}{ending}")).collect();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().expect("pool");
        let mut out = Vec::new();
        let summary = zaman::batch::run(&Extractor::default(), zaman::batch::lines(input.as_bytes()), &mut out, &pool, |_| {}).expect("run");
        let out = String::from_utf8(out).expect("UTF-8");
        let written: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
        prop_assert_eq!(written.len(), lines.len());
        prop_assert_eq!(summary.records, lines.len());
        let failed = written.iter().filter(|v| v.get("error").is_some()).count();
        prop_assert_eq!(failed, summary.failed);
        for (v, line) in written.iter().zip(&lines) {
            if line.starts_with("{\"id\": \"x\"") {
                prop_assert_eq!(&v["id"], "x");
                prop_assert!(v.get("error").is_none());
            }
        }
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
