//! The real article in `../shared/samples/`, end to end.

use zaman::{Dct, DctSource, Extractor, Granularity, Mod, Timex, TimexType};

use crate::shared_dir;

const ARTICLE: &str = "biden-putin-call-2021-04-13.txt";

fn article() -> String {
    let path = shared_dir().join("samples").join(ARTICLE);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn slice(text: &str, span: [usize; 2]) -> String {
    text.chars().skip(span[0]).take(span[1] - span[0]).collect()
}

fn find<'a>(timexes: &'a [Timex], text: &str) -> Vec<&'a Timex> {
    timexes.iter().filter(|t| t.text == text).collect()
}

#[test]
fn every_date_expression_of_the_article_resolves() {
    let text = article();
    let dct: Dct = "2021-04-13".parse().expect("dct");
    let doc = Extractor::default().extract(ARTICLE, &text, Some(dct));
    let t = &doc.timexes;

    let full = find(t, "الثلاثاء 13 أبريل/نيسان 2021");
    assert_eq!(full.len(), 1);
    assert_eq!(full[0].value, "2021-04-13");
    assert_eq!(full[0].kind, TimexType::Date);
    assert_eq!(full[0].anchor, "absolute");

    // the bare weekday later in the text is the DCT's own Tuesday (news policy)
    let tuesdays = find(t, "الثلاثاء");
    assert_eq!(tuesdays.len(), 2, "{t:?}");
    for tuesday in tuesdays {
        assert_eq!(tuesday.value, "2021-04-13");
        assert_eq!(tuesday.anchor, "dct");
    }

    let start_of_april = find(t, "بداية أبريل/نيسان الجاري");
    assert_eq!(start_of_april.len(), 1);
    assert_eq!(start_of_april[0].value, "2021-04");
    assert_eq!(start_of_april[0].modifier, Some(Mod::Start));
    assert_eq!(start_of_april[0].granularity, Some(Granularity::Month));

    let days_ago = find(t, "قبل أيام");
    assert_eq!(days_ago.len(), 1);
    assert_eq!(days_ago[0].value, "PAST_REF");
    let iv = days_ago[0].interval.expect("an approximate interval");
    assert!(iv.end <= dct.datetime, "قبل أيام must lie before the DCT");

    let this_year = find(t, "هذا العام");
    assert_eq!(this_year.len(), 1);
    assert_eq!(this_year[0].value, "2021");

    let recently = find(t, "الفترة الأخيرة");
    assert_eq!(recently.len(), 1);
    assert_eq!(recently[0].value, "PAST_REF");

    // "27 صفحة" (27 pages) and "السنوي" (annual, an adjective) are not timexes
    assert!(
        t.iter()
            .all(|x| !x.text.contains("27") && !x.text.contains("السنوي")),
        "{t:?}"
    );
    assert_eq!(
        t.len(),
        7,
        "{:?}",
        t.iter().map(|x| &x.text).collect::<Vec<_>>()
    );
}

#[test]
fn the_dct_is_inferred_from_the_opening() {
    let text = article();
    let doc = Extractor::default().extract(ARTICLE, &text, None);
    assert_eq!(doc.document.dct.as_deref(), Some("2021-04-13"));
    assert_eq!(doc.document.dct_source, DctSource::Inferred);
    let with_arg =
        Extractor::default().extract(ARTICLE, &text, Some("2021-04-13".parse().expect("dct")));
    let values = |d: &zaman::Document| {
        d.timexes
            .iter()
            .map(|t| t.value.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(values(&doc), values(&with_arg));
}

#[test]
fn spans_are_exact_code_point_slices_of_the_original() {
    let mut texts = vec![article()];
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("samples");
    if let Ok(dir) = std::fs::read_dir(&samples) {
        for entry in dir.flatten() {
            if entry.path().extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(entry.path()).expect("sample is UTF-8"));
            }
        }
    }
    for text in &texts {
        let doc = Extractor::default().extract("s", text, None);
        let len = text.chars().count();
        for t in &doc.timexes {
            assert!(t.span[0] < t.span[1] && t.span[1] <= len, "{t:?}");
            assert_eq!(slice(text, t.span), t.text);
        }
        // ids are t1..tn in text order
        for (i, t) in doc.timexes.iter().enumerate() {
            assert_eq!(t.id, format!("t{}", i + 1));
        }
        assert!(doc.timexes.windows(2).all(|w| w[0].span[1] <= w[1].span[0]));
    }
}

#[test]
fn output_is_deterministic() {
    let text = article();
    let a = serde_json::to_string(&Extractor::default().extract("x", &text, None)).expect("json");
    let b = serde_json::to_string(&Extractor::default().extract("x", &text, None)).expect("json");
    assert_eq!(a, b);
}
