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

fn actor_id<'a>(doc: &'a zaman::Document, gazetteer_id: &str) -> &'a str {
    doc.actors
        .iter()
        .find(|a| a.gazetteer_id.as_deref() == Some(gazetteer_id))
        .map(|a| a.id.as_str())
        .unwrap_or_else(|| panic!("no actor {gazetteer_id}"))
}

fn gazetteer_of<'a>(doc: &'a zaman::Document, id: Option<&str>) -> Option<&'a str> {
    let id = id?;
    doc.actors
        .iter()
        .find(|a| a.id == id)
        .and_then(|a| a.gazetteer_id.as_deref())
}

#[test]
fn who_said_what_and_who_called_whom() {
    let text = article();
    let doc =
        Extractor::default().extract(ARTICLE, &text, Some("2021-04-13".parse().expect("dct")));
    let biden = actor_id(&doc, "joe_biden");
    let putin = actor_id(&doc, "vladimir_putin");
    let zelensky = actor_id(&doc, "volodymyr_zelensky");
    let washington = actor_id(&doc, "city_washington");
    let calls: Vec<&zaman::document::Event> = doc
        .events
        .iter()
        .filter(|e| e.kind == zaman::events::EventKind::Call && e.order.is_some())
        .collect();
    assert_eq!(calls.len(), 2, "two distinct calls: {calls:?}");

    // the Biden–Putin call: both parties, Washington as initiator, on 2021-04-13
    let putin_call = calls
        .iter()
        .find(|c| c.participants.iter().any(|p| p == putin))
        .expect("Putin call");
    assert_eq!(putin_call.agent.as_deref(), Some(biden));
    assert_eq!(putin_call.initiator.as_deref(), Some(washington));
    assert_eq!(putin_call.cameo, "041");
    assert_eq!(putin_call.time.value.as_deref(), Some("2021-04-13"));

    // the Biden–Zelensky call at the start of April
    let zelensky_call = calls
        .iter()
        .find(|c| c.participants.iter().any(|p| p == zelensky))
        .expect("Zelensky call");
    assert_eq!(zelensky_call.agent.as_deref(), Some(biden));
    let t = doc
        .timexes
        .iter()
        .find(|t| Some(&t.id) == zelensky_call.time.timex.as_ref())
        .expect("timex");
    assert_eq!(
        (t.value.as_str(), t.modifier),
        ("2021-04", Some(zaman::Mod::Start))
    );

    // the timeline puts the Zelensky call before the Putin call
    let pos = |id: &str| {
        doc.timeline
            .iter()
            .position(|x| x == id)
            .expect("in timeline")
    };
    assert!(pos(&zelensky_call.id) < pos(&putin_call.id));
    assert!(
        doc.relations.iter().any(|r| r.kind == "BEFORE")
            || pos(&zelensky_call.id) < pos(&putin_call.id)
    );

    // repeated mentions of the Putin call are linked to it
    let same_as: Vec<_> = doc
        .relations
        .iter()
        .filter(|r| r.kind == "SAME_AS" && r.to == putin_call.id)
        .collect();
    assert!(same_as.len() >= 2, "{same_as:?}");

    // statements: the Kremlin and the White House, with their pro-drop continuations
    let statement = |trigger: &str| {
        doc.events
            .iter()
            .filter(|e| e.kind == zaman::events::EventKind::Statement && e.trigger.text == trigger)
            .map(|e| gazetteer_of(&doc, e.agent.as_deref()))
            .collect::<Vec<_>>()
    };
    assert_eq!(statement("أعلنت"), [Some("rus")]);
    assert_eq!(
        statement("أشار"),
        [Some("kremlin")],
        "كما أشار keeps the Kremlin"
    );
    assert_eq!(
        statement("أضاف"),
        [Some("white_house")],
        "كما أضاف keeps the White House"
    );
    assert_eq!(
        statement("قال")[..2],
        [Some("white_house"), Some("white_house")]
    );
    assert_eq!(statement("ذكر"), [Some("white_house")]);
    assert_eq!(statement("أبدى"), [Some("joe_biden")]);

    // the White House reports Biden's expression of concern
    let outer = doc
        .events
        .iter()
        .find(|e| {
            e.trigger.text == "أكد" && gazetteer_of(&doc, e.agent.as_deref()) == Some("white_house")
        })
        .expect("أكد");
    let inner = doc
        .events
        .iter()
        .find(|e| e.trigger.text == "أبدى")
        .expect("أبدى");
    assert!(
        doc.relations
            .iter()
            .any(|r| r.kind == "REPORTS" && r.from == outer.id && r.to == inner.id)
    );

    // Biden's summit proposal, in the headline and in the body, linked SAME_AS
    let proposals: Vec<_> = doc
        .events
        .iter()
        .filter(|e| e.cameo == "036" && e.agent.as_deref() == Some(biden))
        .collect();
    assert!(proposals.len() >= 2, "{proposals:?}");
    assert!(
        proposals
            .iter()
            .all(|p| p.participants.iter().any(|x| x == putin))
    );
    assert!(
        doc.relations
            .iter()
            .any(|r| r.kind == "SAME_AS" && r.from == proposals[1].id && r.to == proposals[0].id)
    );

    // the US intelligence report published on the 13th
    let report = doc
        .events
        .iter()
        .find(|e| {
            e.kind == zaman::events::EventKind::Publication
                && e.time.value.as_deref() == Some("2021-04-13")
        })
        .expect("dated report");
    assert_eq!(
        gazetteer_of(&doc, report.agent.as_deref()),
        Some("usa_intelligence")
    );
}

#[test]
fn every_evidence_span_is_exact() {
    let text = article();
    let doc = Extractor::default().extract(ARTICLE, &text, None);
    let mut pieces: Vec<&zaman::document::Evidence> = Vec::new();
    for a in &doc.actors {
        pieces.extend(a.mentions.iter());
    }
    for e in &doc.events {
        pieces.push(&e.trigger);
        pieces.extend(e.content.iter());
    }
    assert!(pieces.len() > 100);
    for p in pieces {
        assert_eq!(slice(&text, p.span), p.text);
    }
    // every reference resolves
    let ids: Vec<&str> = doc
        .actors
        .iter()
        .map(|a| a.id.as_str())
        .chain(doc.events.iter().map(|e| e.id.as_str()))
        .collect();
    for e in &doc.events {
        for r in e
            .agent
            .iter()
            .chain(e.participants.iter())
            .chain(e.initiator.iter())
        {
            assert!(ids.contains(&r.as_str()), "{r}");
        }
    }
    for r in &doc.relations {
        assert!(
            ids.contains(&r.from.as_str()) && ids.contains(&r.to.as_str()),
            "{r:?}"
        );
    }
}

/// Every event a reader dates is dated: the statements of the 13th (the call, the
/// Kremlin's and the White House's accounts of it) on 2021-04-13, those about Biden's call
/// with Zelensky at the start of April in 2021-04, each by the rule that dated it.
#[test]
fn every_event_a_reader_dates_is_dated() {
    use zaman::events::{EventKind, TimeHow};
    let text = article();
    let doc =
        Extractor::default().extract(ARTICLE, &text, Some("2021-04-13".parse().expect("dct")));
    let undated: Vec<&str> = doc
        .events
        .iter()
        .filter(|e| e.time.value.is_none())
        .map(|e| e.trigger.text.as_str())
        .collect();
    assert!(undated.is_empty(), "undated: {undated:?}");
    let statements = |value: &str| {
        doc.events
            .iter()
            .filter(|e| e.kind == EventKind::Statement && e.time.value.as_deref() == Some(value))
            .collect::<Vec<_>>()
    };
    let of_13th = statements("2021-04-13");
    assert!(of_13th.len() >= 10, "{}", of_13th.len());
    for who in ["kremlin", "white_house", "joe_biden", "vladimir_putin"] {
        assert!(
            of_13th
                .iter()
                .any(|e| gazetteer_of(&doc, e.agent.as_deref()) == Some(who)),
            "a statement of {who} on the 13th"
        );
    }
    // the Zelensky paragraph: one explicit date, the rest tied to it or to its call
    let of_april = statements("2021-04");
    assert!(of_april.len() >= 5, "{}", of_april.len());
    assert!(
        of_april
            .iter()
            .filter(|e| e.time.how == TimeHow::Tied)
            .all(|e| e.time.from.is_some())
    );
    let concern = doc
        .events
        .iter()
        .find(|e| e.trigger.text == "عبّر عن")
        .expect("Biden's concern");
    assert_eq!(concern.time.value.as_deref(), Some("2021-04"));
    assert_eq!(
        gazetteer_of(&doc, concern.agent.as_deref()),
        Some("joe_biden")
    );
    // the headline's proposal and the body's call are on the news day or the call's date
    let call = doc
        .events
        .iter()
        .find(|e| e.kind == EventKind::Call && e.time.how == TimeHow::Explicit)
        .expect("the dated call");
    assert_eq!(call.time.value.as_deref(), Some("2021-04-13"));
}
