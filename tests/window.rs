//! Huge texts read in windows (`zaman::window`): a text under the bound is written byte for
//! byte as before; a text read in windows gives, window by window, what each window gives
//! alone, numbered and placed in the whole text, with one actor per real actor.

use std::collections::HashSet;

use zaman::document::Document;
use zaman::window::{self, Windowing};
use zaman::{Dct, Extractor, json};

/// The project's own sample passages (`data/samples`), in file-name order.
fn samples() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/samples");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("data/samples is there")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 3, "data/samples holds passages");
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a sample reads"))
        .collect()
}

fn dct() -> Option<Dct> {
    Some("2023-11-05".parse().expect("a valid DCT"))
}

/// The document JSON `window::write_json` writes of `text` with the DCT of [`dct`].
fn written(text: &str, pretty: bool, windowing: Windowing) -> String {
    written_with(text, dct(), pretty, windowing)
}

fn written_with(text: &str, dct: Option<Dct>, pretty: bool, windowing: Windowing) -> String {
    let mut out = Vec::new();
    window::write_json(
        &Extractor::default(),
        "w",
        text,
        dct,
        Vec::new(),
        pretty,
        windowing,
        &mut out,
    )
    .expect("writing to memory cannot fail");
    String::from_utf8(out).expect("the JSON is UTF-8")
}

/// Code points `[s, e)` of `text`.
/// The values of the timexes written `text`, in text order.
fn values_of<'d>(doc: &'d Document, text: &str) -> Vec<&'d str> {
    doc.timexes
        .iter()
        .filter(|t| t.text == text)
        .map(|t| t.value.as_str())
        .collect()
}

fn slice(text: &str, span: [usize; 2]) -> String {
    text.chars().skip(span[0]).take(span[1] - span[0]).collect()
}

#[test]
fn a_text_under_the_bound_is_written_as_before() {
    let all = samples().join("\n\n");
    for text in samples().iter().chain([&all]) {
        let doc = Extractor::default().extract("w", text, dct());
        for pretty in [false, true] {
            let mut before = Vec::new();
            json::write(&doc, pretty, &mut before).expect("writes");
            assert_eq!(
                written(text, pretty, Windowing::default()),
                String::from_utf8(before).expect("UTF-8")
            );
        }
    }
}

#[test]
fn a_text_in_windows_is_each_window_placed_in_the_whole() {
    // the passages three times over, in windows of a copy down to about two passages,
    // cut at other places each time, each window reading again half of the one before
    // (the lead-in is at most half a window): as far back as an anaphor of these
    // passages reaches
    let all = samples().join("\n\n");
    let text = [all.as_str(), &all, &all].join("\n\n");
    for parts in [3, 4, 5, 6, 7] {
        let windowing = Windowing {
            window: text.len() / parts,
            whole_up_to: 0,
            lead_in: 3000,
        };
        placed_in_the_whole(&text, &all, windowing, parts);
    }
}

fn placed_in_the_whole(text: &str, all: &str, windowing: Windowing, parts: usize) {
    let cuts = window::windows(text, windowing.window);
    assert!(cuts.len() >= parts, "{} windows", cuts.len());
    let compact = written(text, false, windowing);
    let doc: Document = serde_json::from_str(&compact).expect("the document JSON reads back");
    // indented, the same document
    let pretty: serde_json::Value =
        serde_json::from_str(&written(text, true, windowing)).expect("indented JSON reads");
    assert_eq!(
        pretty,
        serde_json::from_str::<serde_json::Value>(&compact).expect("compact JSON reads")
    );
    assert_eq!(doc.document.dct.as_deref(), Some("2023-11-05"));
    // the invariants every consumer relies on (spans, ids, references, order)
    assert_eq!(zaman::check::document(&doc, text), Vec::<String>::new());

    // the same timexes and events as the whole text read at once: each window reads the
    // end of the one before again, for what its start refers back to
    let whole = Extractor::default().extract("w", text, dct());
    let value = |t: &zaman::Timex| serde_json::to_value(t).expect("a timex is JSON");
    assert_eq!(doc.timexes.len(), whole.timexes.len());
    for (mine, t) in doc.timexes.iter().zip(&whole.timexes) {
        assert_eq!(value(mine), value(t));
    }
    let actor_of = |d: &Document, a: &Option<String>| {
        a.as_ref()
            .and_then(|id| d.actors.iter().find(|x| &x.id == id))
            .map(|x| (x.name.clone(), x.gazetteer_id.clone(), x.kind))
    };
    assert_eq!(doc.events.len(), whole.events.len());
    for (mine, e) in doc.events.iter().zip(&whole.events) {
        let what = |d: &Document, e: &zaman::document::Event| {
            (
                (
                    e.kind,
                    e.cameo.clone(),
                    e.trigger.clone(),
                    e.sentence,
                    e.negated,
                ),
                (e.content.clone(), e.time.value.clone(), e.time.how),
                actor_of(d, &e.agent),
                e.participants
                    .iter()
                    .map(|p| actor_of(d, &Some(p.clone())))
                    .collect::<Vec<_>>(),
            )
        };
        assert_eq!(what(&doc, mine), what(&whole, e));
    }
    assert_eq!(doc.actors.len(), whole.actors.len());
    for (mine, a) in doc.actors.iter().zip(&whole.actors) {
        assert_eq!(
            (&mine.name, &mine.gazetteer_id, &mine.mentions),
            (&a.name, &a.gazetteer_id, &a.mentions)
        );
    }
    assert!(!doc.timexes.is_empty() && !doc.events.is_empty());

    // numbered in text order, every evidence the text at its span
    for (n, t) in doc.timexes.iter().enumerate() {
        assert_eq!(t.id, format!("t{}", n + 1));
        assert_eq!(slice(text, t.span), t.text);
    }
    for (n, e) in doc.events.iter().enumerate() {
        assert_eq!(e.id, format!("e{}", n + 1));
        assert_eq!(slice(text, e.trigger.span), e.trigger.text);
        if let Some(c) = &e.content {
            assert_eq!(slice(text, c.span), c.text);
        }
    }
    assert!(
        doc.events
            .windows(2)
            .all(|p| p[0].sentence <= p[1].sentence)
    );
    assert!(
        doc.events
            .windows(2)
            .all(|p| p[0].trigger.span[0] < p[1].trigger.span[0])
    );

    // one actor per gazetteer entry, numbered by first mention, mentions in text order
    let mut entries = HashSet::new();
    let mut first_mentions = Vec::new();
    for (n, a) in doc.actors.iter().enumerate() {
        assert_eq!(a.id, format!("a{}", n + 1));
        if let Some(g) = &a.gazetteer_id {
            assert!(entries.insert(g.clone()), "{g} is one actor");
        }
        for m in &a.mentions {
            assert_eq!(slice(text, m.span), m.text);
        }
        assert!(a.mentions.windows(2).all(|p| p[0].span[0] < p[1].span[0]));
        first_mentions.push(a.mentions[0].span[0]);
    }
    assert!(first_mentions.windows(2).all(|p| p[0] < p[1]));
    // an actor of the first window met again in the third copy, windows later, is the
    // same actor
    let first_end = text[..cuts[0].1].chars().count();
    let last_start = text[..2 * (all.len() + 2)].chars().count();
    assert!(doc.actors.iter().any(|a| {
        a.gazetteer_id.is_some()
            && a.mentions[0].span[0] < first_end
            && a.mentions.last().is_some_and(|m| m.span[0] >= last_start)
    }));

    // every reference resolves; the timeline orders every first mention once
    let ids = |v: Vec<&String>| v.into_iter().cloned().collect::<HashSet<String>>();
    let timex_ids = ids(doc.timexes.iter().map(|t| &t.id).collect());
    let event_ids = ids(doc.events.iter().map(|e| &e.id).collect());
    let actor_ids = ids(doc.actors.iter().map(|a| &a.id).collect());
    for t in &doc.timexes {
        assert!(!t.anchor.starts_with('t') || timex_ids.contains(&t.anchor));
    }
    for e in &doc.events {
        assert!(e.time.timex.iter().all(|t| timex_ids.contains(t)));
        assert!(e.time.from.iter().all(|f| event_ids.contains(f)));
        for a in e.agent.iter().chain(&e.participants).chain(&e.initiator) {
            assert!(actor_ids.contains(a), "{a}");
        }
    }
    for r in &doc.relations {
        assert!(event_ids.contains(&r.from) && event_ids.contains(&r.to));
    }
    let in_timeline: Vec<&String> = doc
        .events
        .iter()
        .filter(|e| e.order.is_some())
        .map(|e| &e.id)
        .collect();
    assert_eq!(doc.timeline.len(), in_timeline.len());
    for (pos, id) in doc.timeline.iter().enumerate() {
        let e = doc
            .events
            .iter()
            .find(|e| &e.id == id)
            .expect("a timeline id is an event");
        assert_eq!(e.order, Some(pos + 1));
    }
}

#[test]
fn the_dct_found_in_the_first_window_is_the_whole_texts() {
    // the DCT is inferred from the page stamp at the top, and later windows resolve أمس
    // against it
    let body = "قال الوزير أمس إن المحادثات ستستأنف.\n".repeat(40);
    let text = format!("القاهرة - 13 أبريل 2021\n{body}");
    let windowing = Windowing {
        window: 400,
        whole_up_to: 0,
        ..Windowing::default()
    };
    let doc: Document =
        serde_json::from_str(&written_with(&text, None, false, windowing)).expect("reads back");
    let whole = Extractor::default().extract("w", &text, None);
    assert_eq!(doc.document.dct, whole.document.dct);
    assert_eq!(doc.document.dct.as_deref(), Some("2021-04-13"));
    let yesterday = values_of(&doc, "أمس");
    assert_eq!(yesterday.len(), 40);
    assert!(
        yesterday.iter().all(|v| *v == "2021-04-12"),
        "{yesterday:?}"
    );
}

#[test]
fn a_title_met_bare_in_the_lead_in_is_the_actor_the_window_before_found() {
    // the second window reads again only the third line: its «المتحدث» has no antecedent
    // there, but it is the spokesperson the first window found
    let text = [
        "وقال المتحدث الرسمي باسم الوزارة في مؤتمر صحفي أمس إن الوفد سيصل إلى الرباط يوم الأحد.",
        "وتشهد المنطقة منذ أسابيع حركة دبلوماسية نشطة تشمل زيارات متبادلة بين وزراء الخارجية ولقاءات تجمع المسؤولين في عدد من العواصم العربية والأوروبية لبحث ملفات التعاون الاقتصادي والأمني.",
        "وأوضح المتحدث أن جدول الأعمال يشمل ملفات الطاقة والنقل.",
        "وأضاف المتحدث أن الاجتماع سيختتم ببيان مشترك.",
    ]
    .join("\n");
    let windowing = Windowing {
        window: 640,
        whole_up_to: 0,
        lead_in: 80,
    };
    let third = text.find("وأوضح").expect("the third line");
    let fourth = text.find("وأضاف").expect("the fourth line");
    assert_eq!(
        window::windows(&text, windowing.window),
        [(0, fourth), (fourth, text.len())]
    );
    let doc: Document =
        serde_json::from_str(&written(&text, false, windowing)).expect("reads back");
    let whole = Extractor::default().extract("w", &text, dct());
    let names = |d: &Document| {
        d.actors
            .iter()
            .map(|a| (a.name.clone(), a.mentions.len()))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&doc), names(&whole));
    let agents = |d: &Document| {
        d.events
            .iter()
            .map(|e| {
                let agent = e
                    .agent
                    .as_ref()
                    .and_then(|a| d.actors.iter().find(|x| &x.id == a));
                (e.trigger.text.clone(), agent.map(|a| a.name.clone()))
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(agents(&doc), agents(&whole));
    let spokesperson = Some("المتحدث الرسمي باسم الوزارة".to_string());
    assert!(agents(&doc).contains(&("أضاف".to_string(), spokesperson)));
    assert!(third < fourth);
}

#[test]
fn a_text_whose_first_window_has_no_dct_has_none() {
    // a page stamp in a later window dates nothing: the header says no DCT, and «أمس»
    // reads alike in every window
    let line = "قال الوزير أمس إن المحادثات ستستأنف.\n";
    let text = format!(
        "{}القاهرة - 13 أبريل 2021\n{}",
        line.repeat(15),
        line.repeat(20)
    );
    // windows of five lines and no lead-in: the stamp opens the fourth window, where a
    // text's DCT is looked for
    let windowing = Windowing {
        window: 5 * line.len(),
        whole_up_to: 0,
        lead_in: 0,
    };
    let stamp = text.find("القاهرة").expect("the stamp");
    let cuts = window::windows(&text, windowing.window);
    assert!(
        cuts.iter().any(|w| w.0 == stamp),
        "the stamp at {stamp} opens a window: {cuts:?}"
    );
    let doc: Document =
        serde_json::from_str(&written_with(&text, None, false, windowing)).expect("reads back");
    assert_eq!(doc.document.dct, None);
    let yesterday: HashSet<&str> = values_of(&doc, "أمس").into_iter().collect();
    assert_eq!(yesterday.len(), 1, "{yesterday:?}");
    assert!(!yesterday.contains("2021-04-12"));
}
