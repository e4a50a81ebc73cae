//! The constructions of the events stage, one test each, on short news sentences
//! written for these tests. The DCT is Tuesday 2021-04-13.
//!
//! Each test runs a table of cases and collects every mismatch before failing, so one
//! run lists all the sentences a construction gets wrong. Tests marked ``
//! state behaviour the extractor does not have yet; run them with `--ignored`.

use std::collections::BTreeSet;
use std::fmt::Debug;

use zaman::actors::ActorType;
use zaman::document::{Actor, Event};
use zaman::events::{EventKind, TimeHow};
use zaman::{Dct, Document, Extractor};

// ---------------------------------------------------------------------------------------
// helpers

fn extract(text: &str) -> Document {
    let dct: Dct = "2021-04-13".parse().expect("the DCT parses");
    Extractor::default().extract("t", text, Some(dct))
}

/// `[start, end)` in code points of `text`.
fn slice(text: &str, span: [usize; 2]) -> String {
    text.chars().skip(span[0]).take(span[1] - span[0]).collect()
}

/// The actor with this document id (`a1`…).
fn actor_by_id<'d>(doc: &'d Document, id: &str) -> &'d Actor {
    doc.actors
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("event refers to {id}, which is not among the actors"))
}

/// How the tests name an actor: its gazetteer id, else its Arabic name.
fn key(doc: &Document, id: &str) -> String {
    let a = actor_by_id(doc, id);
    a.gazetteer_id.clone().unwrap_or_else(|| a.name.clone())
}

/// The actor with this gazetteer id.
fn actor<'d>(doc: &'d Document, gazetteer_id: &str) -> Option<&'d Actor> {
    doc.actors
        .iter()
        .find(|a| a.gazetteer_id.as_deref() == Some(gazetteer_id))
}

/// The actor with this Arabic name.
fn actor_named<'d>(doc: &'d Document, name: &str) -> Option<&'d Actor> {
    doc.actors.iter().find(|a| a.name == name)
}

fn mention_texts(a: &Actor) -> Vec<&str> {
    a.mentions.iter().map(|m| m.text.as_str()).collect()
}

fn events_of(doc: &Document, kind: EventKind) -> Vec<&Event> {
    doc.events.iter().filter(|e| e.kind == kind).collect()
}

/// The first event whose trigger is exactly `trigger`.
fn event_with_trigger<'d>(doc: &'d Document, trigger: &str) -> Option<&'d Event> {
    doc.events.iter().find(|e| e.trigger.text == trigger)
}

fn agent(doc: &Document, e: &Event) -> Option<String> {
    e.agent.as_deref().map(|a| key(doc, a))
}

fn participants(doc: &Document, e: &Event) -> Vec<String> {
    e.participants.iter().map(|a| key(doc, a)).collect()
}

fn initiator(doc: &Document, e: &Event) -> Option<String> {
    e.initiator.as_deref().map(|a| key(doc, a))
}

/// Agent and participants together: everyone taking part.
fn parties(doc: &Document, e: &Event) -> BTreeSet<String> {
    e.agent
        .iter()
        .chain(&e.participants)
        .map(|a| key(doc, a))
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn has_relation(doc: &Document, from: &str, to: &str, kind: &str) -> bool {
    doc.relations
        .iter()
        .any(|r| r.from == from && r.to == to && r.kind == kind)
}

fn content(e: &Event) -> Option<&str> {
    e.content.as_ref().map(|c| c.text.as_str())
}

/// Every mismatch of a data-driven test, reported together at the end.
#[derive(Default)]
struct Mismatches(Vec<String>);

impl Mismatches {
    fn eq<T: PartialEq + Debug>(&mut self, text: &str, what: &str, actual: T, expected: T) {
        if actual != expected {
            self.0.push(format!(
                "{text}\n    {what}: expected {expected:?}, got {actual:?}"
            ));
        }
    }

    fn that(&mut self, text: &str, ok: bool, what: impl std::fmt::Display) {
        if !ok {
            self.0.push(format!("{text}\n    {what}"));
        }
    }

    fn fail(&mut self, text: &str, what: impl std::fmt::Display) {
        self.that(text, false, what);
    }

    fn assert_none(self) {
        assert!(
            self.0.is_empty(),
            "{} mismatch(es):\n{}",
            self.0.len(),
            self.0.join("\n")
        );
    }
}

// ---------------------------------------------------------------------------------------
// 1, 2. statements: who said what, in VSO and SVO order

/// A statement with its speaker, its content after a complementizer, and its time.
struct Said {
    text: &'static str,
    trigger: &'static str,
    agent: &'static str,
    /// The word right before the content.
    complementizer: &'static str,
    content_starts: &'static str,
    time: Option<&'static str>,
    how: TimeHow,
}

const VSO: &[Said] = &[
    Said {
        text: "قال البيت الأبيض إن الرئيس جو بايدن يتابع الوضع في أوكرانيا.",
        trigger: "قال",
        agent: "white_house",
        complementizer: "إن",
        content_starts: "الرئيس جو بايدن يتابع",
        time: Some("2021-04-13"),
        how: TimeHow::Dct,
    },
    Said {
        text: "أعلنت روسيا، الثلاثاء، أن قواتها ستعود إلى ثكناتها.",
        trigger: "أعلنت",
        agent: "rus",
        complementizer: "أن",
        content_starts: "قواتها ستعود",
        time: Some("2021-04-13"),
        how: TimeHow::Explicit,
    },
    Said {
        text: "أكدت الخارجية الروسية أن لافروف سيصل إلى الصين.",
        trigger: "أكدت",
        agent: "rus_foreign_ministry",
        complementizer: "أن",
        content_starts: "لافروف سيصل",
        time: Some("2021-04-13"),
        how: TimeHow::Dct,
    },
    Said {
        text: "قال بوتين إن روسيا لا تريد الحرب.",
        trigger: "قال",
        agent: "vladimir_putin",
        complementizer: "إن",
        content_starts: "روسيا لا تريد",
        time: Some("2021-04-13"),
        how: TimeHow::Dct,
    },
];

const SVO: &[Said] = &[
    Said {
        text: "البيت الأبيض أكد في بيان أن واشنطن تتابع الوضع عن كثب.",
        trigger: "أكد",
        agent: "white_house",
        complementizer: "أن",
        content_starts: "واشنطن تتابع",
        time: Some("2021-04-13"),
        how: TimeHow::Dct,
    },
    Said {
        text: "الكرملين أعلن أن المناورات العسكرية انتهت.",
        trigger: "أعلن",
        agent: "kremlin",
        complementizer: "أن",
        content_starts: "المناورات العسكرية",
        time: Some("2021-04-13"),
        how: TimeHow::Dct,
    },
    Said {
        text: "بوتين قال إن روسيا لا تريد الحرب.",
        trigger: "قال",
        agent: "vladimir_putin",
        complementizer: "إن",
        content_starts: "روسيا لا تريد",
        time: Some("2021-04-13"),
        how: TimeHow::Dct,
    },
    Said {
        text: "موسكو قد أعلنت أن الحدود آمنة.",
        trigger: "أعلنت",
        agent: "city_moscow",
        complementizer: "أن",
        content_starts: "الحدود آمنة",
        time: Some("2021-04-13"),
        how: TimeHow::Dct,
    },
];

fn check_said(cases: &[Said]) {
    let mut m = Mismatches::default();
    for case in cases {
        let text = case.text;
        let doc = extract(text);
        // one statement: the verb; في بيان is its medium, not a second event
        m.eq(text, "number of events", doc.events.len(), 1);
        let Some(e) = event_with_trigger(&doc, case.trigger) else {
            m.fail(text, format!("no event with trigger {:?}", case.trigger));
            continue;
        };
        m.eq(text, "kind", e.kind, EventKind::Statement);
        m.eq(text, "cameo", e.cameo.as_str(), "010");
        m.eq(text, "agent", agent(&doc, e).as_deref(), Some(case.agent));
        m.eq(text, "negated", e.negated, false);
        match &e.content {
            Some(c) => {
                m.that(
                    text,
                    c.text.starts_with(case.content_starts),
                    format!(
                        "content should start with {:?}, got {:?}",
                        case.content_starts, c.text
                    ),
                );
                let before = slice(text, [0, c.span[0]]);
                m.that(
                    text,
                    before.trim_end().ends_with(case.complementizer),
                    format!(
                        "content should begin right after {:?}, it begins after {before:?}",
                        case.complementizer
                    ),
                );
            }
            None => m.fail(text, "no content"),
        }
        m.eq(text, "time value", e.time.value.as_deref(), case.time);
        m.eq(text, "time how", e.time.how, case.how);
    }
    m.assert_none();
}

#[test]
fn statements_in_vso_order_name_the_speaker_after_the_verb() {
    check_said(VSO);
}

#[test]
fn statements_in_svo_order_name_the_speaker_before_the_verb() {
    check_said(SVO);
}

// ---------------------------------------------------------------------------------------
// 3. pro-drop: the next statement keeps the speaker

/// Two statements; the second has no subject of its own.
struct Continued {
    text: &'static str,
    first: &'static str,
    second: &'static str,
    agent: &'static str,
    content_starts: &'static str,
}

const CONTINUED: &[Continued] = &[
    Continued {
        text: "قال الكرملين إن الوضع على الحدود هادئ. كما أضاف أن المناورات انتهت.",
        first: "قال",
        second: "أضاف",
        agent: "kremlin",
        content_starts: "المناورات انتهت",
    },
    Continued {
        text: "أعلن البيت الأبيض أن الحوار مع موسكو ممكن. وأضاف أن واشنطن تريد علاقات مستقرة.",
        first: "أعلن",
        second: "أضاف",
        agent: "white_house",
        content_starts: "واشنطن تريد",
    },
    Continued {
        text: "قال وزير الخارجية الفنلندي بيكا هافيستو إن بلاده تتابع الوضع. وأضاف أن الحوار ضروري.",
        first: "قال",
        second: "أضاف",
        agent: "بيكا هافيستو",
        content_starts: "الحوار ضروري",
    },
];

#[test]
fn a_statement_without_a_subject_continues_the_last_speaker() {
    let mut m = Mismatches::default();
    for case in CONTINUED {
        let text = case.text;
        let doc = extract(text);
        let (Some(first), Some(second)) = (
            event_with_trigger(&doc, case.first),
            event_with_trigger(&doc, case.second),
        ) else {
            m.fail(text, "both statements should be found");
            continue;
        };
        m.eq(
            text,
            "first agent",
            agent(&doc, first).as_deref(),
            Some(case.agent),
        );
        m.eq(text, "second kind", second.kind, EventKind::Statement);
        m.eq(text, "second sentence", second.sentence, first.sentence + 1);
        m.eq(
            text,
            "second agent",
            agent(&doc, second).as_deref(),
            Some(case.agent),
        );
        m.that(
            text,
            content(second).is_some_and(|c| c.starts_with(case.content_starts)),
            format!(
                "second content should start with {:?}, got {:?}",
                case.content_starts,
                content(second)
            ),
        );
    }
    m.assert_none();
}

// ---------------------------------------------------------------------------------------
// 4. nested reporting

struct Nested {
    text: &'static str,
    outer: &'static str,
    outer_agent: &'static str,
    inner: &'static str,
    inner_agent: &'static str,
}

const NESTED: &[Nested] = &[
    Nested {
        text: "البيت الأبيض أكد أن بايدن أبدى قلقه من الحشود العسكرية.",
        outer: "أكد",
        outer_agent: "white_house",
        inner: "أبدى",
        inner_agent: "joe_biden",
    },
    Nested {
        text: "ذكرت الخارجية الأمريكية أن بلينكن أعرب عن قلقه.",
        outer: "ذكرت",
        outer_agent: "us_state_department",
        inner: "أعرب",
        inner_agent: "antony_blinken",
    },
    Nested {
        text: "قال الكرملين إن بوتين أكد أن روسيا تريد السلام.",
        outer: "قال",
        outer_agent: "kremlin",
        inner: "أكد",
        inner_agent: "vladimir_putin",
    },
];

#[test]
fn a_statement_inside_another_is_reported_by_it() {
    let mut m = Mismatches::default();
    for case in NESTED {
        let text = case.text;
        let doc = extract(text);
        m.eq(
            text,
            "number of statements",
            events_of(&doc, EventKind::Statement).len(),
            2,
        );
        let (Some(outer), Some(inner)) = (
            event_with_trigger(&doc, case.outer),
            event_with_trigger(&doc, case.inner),
        ) else {
            m.fail(text, "both statements should be found");
            continue;
        };
        m.eq(text, "outer kind", outer.kind, EventKind::Statement);
        m.eq(text, "inner kind", inner.kind, EventKind::Statement);
        m.eq(
            text,
            "outer agent",
            agent(&doc, outer).as_deref(),
            Some(case.outer_agent),
        );
        m.eq(
            text,
            "inner agent",
            agent(&doc, inner).as_deref(),
            Some(case.inner_agent),
        );
        m.that(
            text,
            has_relation(&doc, &outer.id, &inner.id, "REPORTS"),
            format!(
                "relation {{from: {}, to: {}, type: REPORTS}} missing: {:?}",
                outer.id, inner.id, doc.relations
            ),
        );
        m.that(
            text,
            outer.content.as_ref().is_some_and(|c| {
                c.span[0] <= inner.trigger.span[0] && inner.trigger.span[1] <= c.span[1]
            }),
            "the inner trigger should lie inside the outer content",
        );
    }
    m.assert_none();
}

// ---------------------------------------------------------------------------------------
// 5. calls

/// A call with its caller (when one is named first) and everyone taking part.
struct Call {
    text: &'static str,
    agent: Option<&'static str>,
    parties: &'static [&'static str],
}

const CALLS: &[Call] = &[
    Call {
        text: "أجرى الرئيس الأمريكي جو بايدن اتصالا هاتفيا مع نظيره الفرنسي إيمانويل ماكرون.",
        agent: Some("joe_biden"),
        parties: &["joe_biden", "emmanuel_macron"],
    },
    Call {
        text: "جرى اتصال هاتفي بين بوتين وأردوغان.",
        agent: None,
        parties: &["vladimir_putin", "recep_tayyip_erdogan"],
    },
    Call {
        text: "ناقش بايدن وماكرون الملف الإيراني خلال اتصال هاتفي جمع بينهما.",
        agent: Some("joe_biden"),
        parties: &["joe_biden", "emmanuel_macron"],
    },
];

/// Calls between two leaders each introduced by a title.
const CALLS_BETWEEN_TITLED: &[Call] = &[
    Call {
        text: "جرى اتصال هاتفي بين الرئيس الأمريكي جو بايدن والرئيس الفرنسي إيمانويل ماكرون.",
        agent: None,
        parties: &["joe_biden", "emmanuel_macron"],
    },
    Call {
        text: "جرى اتصال هاتفي بين الرئيس الأمريكي جو بايدن وماكرون.",
        agent: None,
        parties: &["joe_biden", "emmanuel_macron"],
    },
    Call {
        text: "جرى اتصال هاتفي بين بايدن والرئيس الفرنسي إيمانويل ماكرون.",
        agent: None,
        parties: &["joe_biden", "emmanuel_macron"],
    },
];

fn check_calls(cases: &[Call]) {
    let mut m = Mismatches::default();
    for case in cases {
        let text = case.text;
        let doc = extract(text);
        let calls = events_of(&doc, EventKind::Call);
        m.eq(text, "number of calls", calls.len(), 1);
        let Some(call) = calls.first() else {
            continue;
        };
        m.eq(text, "cameo", call.cameo.as_str(), "041");
        if let Some(a) = case.agent {
            m.eq(text, "agent", agent(&doc, call).as_deref(), Some(a));
        }
        m.eq(
            text,
            "agent + participants",
            parties(&doc, call),
            set(case.parties),
        );
        m.that(
            text,
            call.agent
                .as_ref()
                .is_none_or(|a| !call.participants.contains(a)),
            "the agent is not also a participant",
        );
    }
    m.assert_none();
}

#[test]
fn a_call_names_its_caller_and_the_other_party() {
    check_calls(CALLS);
}

#[test]

fn a_call_between_titled_leaders_has_both_parties() {
    check_calls(CALLS_BETWEEN_TITLED);
}

/// `تلقى X اتصالا هاتفيا من Y`: Y called X.
struct Received {
    text: &'static str,
    receiver: &'static str,
    caller: &'static str,
}

const RECEIVED: &[Received] = &[
    Received {
        text: "تلقى بوتين اتصالا هاتفيا من بايدن.",
        receiver: "vladimir_putin",
        caller: "joe_biden",
    },
    Received {
        text: "تلقى الرئيس الفرنسي إيمانويل ماكرون اتصالا هاتفيا من بايدن.",
        receiver: "emmanuel_macron",
        caller: "joe_biden",
    },
    Received {
        text: "تلقى ولي العهد السعودي الأمير محمد بن سلمان اتصالا هاتفيا من بايدن.",
        receiver: "mohammed_bin_salman",
        caller: "joe_biden",
    },
];

/// The caller is introduced by a title after من.
const RECEIVED_FROM_TITLED: &[Received] = &[
    Received {
        text: "تلقى ولي العهد السعودي الأمير محمد بن سلمان اتصالا هاتفيا من الرئيس الأمريكي جو بايدن.",
        receiver: "mohammed_bin_salman",
        caller: "joe_biden",
    },
    Received {
        text: "تلقى الرئيس الروسي فلاديمير بوتين اتصالا هاتفيا من نظيره الأمريكي جو بايدن.",
        receiver: "vladimir_putin",
        caller: "joe_biden",
    },
];

fn check_initiator(cases: &[Received]) {
    let mut m = Mismatches::default();
    for case in cases {
        let text = case.text;
        let doc = extract(text);
        let calls = events_of(&doc, EventKind::Call);
        m.eq(text, "number of calls", calls.len(), 1);
        if let Some(call) = calls.first() {
            m.eq(
                text,
                "initiator",
                initiator(&doc, call).as_deref(),
                Some(case.caller),
            );
        }
    }
    m.assert_none();
}

#[test]
fn a_received_call_names_its_caller_as_initiator() {
    check_initiator(RECEIVED);
}

#[test]

fn a_received_call_from_a_titled_caller_names_its_initiator() {
    check_initiator(RECEIVED_FROM_TITLED);
}

#[test]

fn both_parties_of_a_received_call_take_part() {
    let mut m = Mismatches::default();
    for case in RECEIVED.iter().chain(RECEIVED_FROM_TITLED) {
        let text = case.text;
        let doc = extract(text);
        let Some(call) = events_of(&doc, EventKind::Call).into_iter().next() else {
            m.fail(text, "no call");
            continue;
        };
        m.eq(
            text,
            "agent + participants",
            parties(&doc, call),
            set(&[case.receiver, case.caller]),
        );
    }
    m.assert_none();
}

/// A later anaphoric mention of a call (المكالمة، الاتصال الهاتفي نفسه) that adds who started it.
struct Repeat {
    text: &'static str,
    parties: &'static [&'static str],
    initiator: &'static str,
}

const REPEATS: &[Repeat] = &[
    Repeat {
        text: "أجرى بايدن اتصالا هاتفيا مع بوتين يوم الثلاثاء. المكالمة تمت بمبادرة من واشنطن.",
        parties: &["joe_biden", "vladimir_putin"],
        initiator: "city_washington",
    },
    Repeat {
        text: "أجرى ماكرون اتصالا هاتفيا مع بايدن. وجرى الاتصال الهاتفي نفسه بمبادرة من باريس.",
        parties: &["emmanuel_macron", "joe_biden"],
        initiator: "city_paris",
    },
];

/// The same, reported by a statement.
const REPORTED_REPEATS: &[Repeat] = &[Repeat {
    text: "أجرى بايدن اتصالا هاتفيا مع بوتين يوم الثلاثاء. وقال الكرملين إن المكالمة تمت بمبادرة من واشنطن.",
    parties: &["joe_biden", "vladimir_putin"],
    initiator: "city_washington",
}];

fn check_repeats(cases: &[Repeat], m: &mut Mismatches) {
    for case in cases {
        let text = case.text;
        let doc = extract(text);
        let calls = events_of(&doc, EventKind::Call);
        m.eq(text, "number of call mentions", calls.len(), 2);
        let [first, again] = calls.as_slice() else {
            continue;
        };
        m.eq(
            text,
            "first call's parties",
            parties(&doc, first),
            set(case.parties),
        );
        m.that(
            text,
            has_relation(&doc, &again.id, &first.id, "SAME_AS"),
            format!(
                "relation {{from: {}, to: {}, type: SAME_AS}} missing: {:?}",
                again.id, first.id, doc.relations
            ),
        );
        m.eq(
            text,
            "first call's initiator",
            initiator(&doc, first).as_deref(),
            Some(case.initiator),
        );
        m.eq(text, "order of the repeat", again.order, None);
        m.that(
            text,
            first.order.is_some(),
            "the first call is in the timeline",
        );
        m.that(
            text,
            !doc.timeline.contains(&again.id),
            "the repeat is not in the timeline",
        );
    }
}

#[test]
fn a_repeated_call_is_the_same_event_and_adds_its_initiator() {
    let mut m = Mismatches::default();
    check_repeats(REPEATS, &mut m);
    m.assert_none();
}

#[test]
fn a_reported_repeat_of_a_call_is_the_same_event() {
    let mut m = Mismatches::default();
    check_repeats(REPORTED_REPEATS, &mut m);
    // and the statement that reports it stays a statement of the Kremlin
    for case in REPORTED_REPEATS {
        let text = case.text;
        let doc = extract(text);
        let Some(said) = event_with_trigger(&doc, "قال") else {
            let triggers: Vec<&str> = doc.events.iter().map(|e| e.trigger.text.as_str()).collect();
            m.fail(
                text,
                format!("no event with trigger \"قال\"; triggers: {triggers:?}"),
            );
            continue;
        };
        m.eq(text, "kind of قال", said.kind, EventKind::Statement);
        m.eq(
            text,
            "speaker",
            agent(&doc, said).as_deref(),
            Some("kremlin"),
        );
        m.that(
            text,
            content(said).is_some_and(|c| c.starts_with("المكالمة تمت")),
            format!(
                "content should start with المكالمة تمت, got {:?}",
                content(said)
            ),
        );
    }
    m.assert_none();
}

/// A statement verb whose content begins with an event noun.
struct Frame {
    text: &'static str,
    trigger: &'static str,
    agent: &'static str,
}

const FRAMES: &[Frame] = &[
    Frame {
        text: "أجرى بايدن اتصالا هاتفيا مع بوتين. وأوضح الكرملين في بيان أن المكالمة تمت بمبادرة من واشنطن.",
        trigger: "أوضح",
        agent: "kremlin",
    },
    Frame {
        text: "أجرى بايدن اتصالا هاتفيا مع بوتين. وذكر الكرملين أن المكالمة جرت بمبادرة من واشنطن.",
        trigger: "ذكر",
        agent: "kremlin",
    },
    Frame {
        text: "استقبل أردوغان الرئيس الروسي فلاديمير بوتين. وقال بوتين إن اللقاء كان مفيدا.",
        trigger: "قال",
        agent: "vladimir_putin",
    },
];

#[test]
fn a_statement_verb_keeps_its_kind_before_an_event_noun_in_its_content() {
    let mut m = Mismatches::default();
    for case in FRAMES {
        let text = case.text;
        let doc = extract(text);
        let Some(e) = event_with_trigger(&doc, case.trigger) else {
            let triggers: Vec<&str> = doc.events.iter().map(|e| e.trigger.text.as_str()).collect();
            m.fail(
                text,
                format!(
                    "no event with trigger {:?}; triggers: {triggers:?}",
                    case.trigger
                ),
            );
            continue;
        };
        m.eq(text, "kind", e.kind, EventKind::Statement);
        m.eq(text, "agent", agent(&doc, e).as_deref(), Some(case.agent));
    }
    m.assert_none();
}

// ---------------------------------------------------------------------------------------
// 6. appeals, and invitations to meet

/// `دعا X Y إلى …`: an appeal to act.
struct Appeal {
    text: &'static str,
    trigger: &'static str,
    /// The appealing actor, when the sentence names one.
    agent: Option<&'static str>,
}

const APPEALS: &[Appeal] = &[
    Appeal {
        text: "دعا الأمين العام للأمم المتحدة الطرفين إلى ضبط النفس.",
        trigger: "دعا",
        agent: None,
    },
    Appeal {
        text: "دعا الأمين العام للأمم المتحدة أنطونيو غوتيريش الطرفين إلى ضبط النفس.",
        trigger: "دعا",
        agent: Some("antonio_guterres"),
    },
    Appeal {
        text: "طالبت الأمم المتحدة الطرفين بوقف إطلاق النار.",
        trigger: "طالبت",
        agent: Some("un"),
    },
];

#[test]
fn an_appeal_to_act_is_an_appeal_not_a_call() {
    let mut m = Mismatches::default();
    for case in APPEALS {
        let text = case.text;
        let doc = extract(text);
        m.eq(text, "number of events", doc.events.len(), 1);
        let Some(e) = event_with_trigger(&doc, case.trigger) else {
            m.fail(text, format!("no event with trigger {:?}", case.trigger));
            continue;
        };
        m.eq(text, "kind", e.kind, EventKind::Appeal);
        m.eq(text, "cameo", e.cameo.as_str(), "020");
        if let Some(a) = case.agent {
            m.eq(text, "agent", agent(&doc, e).as_deref(), Some(a));
        }
        m.eq(text, "calls", events_of(&doc, EventKind::Call).len(), 0);
    }
    m.assert_none();
}

/// `دعا X Y إلى عقد قمة`: X proposes to meet Y, an appeal (CAMEO 036); the meeting
/// proposed is not held, so no meeting.
struct Invitation {
    text: &'static str,
    agent: &'static str,
    invitee: &'static str,
}

const INVITATIONS: &[Invitation] = &[
    Invitation {
        text: "دعا بايدن بوتين إلى عقد قمة في بلد ثالث.",
        agent: "joe_biden",
        invitee: "vladimir_putin",
    },
    Invitation {
        text: "دعا ماكرون زيلينسكي إلى زيارة باريس.",
        agent: "emmanuel_macron",
        invitee: "volodymyr_zelensky",
    },
];

#[test]

fn an_invitation_to_meet_is_a_proposal_by_the_inviter() {
    let mut m = Mismatches::default();
    for case in INVITATIONS {
        let text = case.text;
        let doc = extract(text);
        m.eq(
            text,
            "number of meetings",
            events_of(&doc, EventKind::Meeting).len(),
            0,
        );
        let appeals = events_of(&doc, EventKind::Appeal);
        m.eq(text, "number of appeals", appeals.len(), 1);
        let Some(e) = appeals.first() else {
            continue;
        };
        m.eq(text, "trigger", e.trigger.text.as_str(), "دعا");
        m.eq(text, "cameo", e.cameo.as_str(), "036");
        m.eq(text, "agent", agent(&doc, e).as_deref(), Some(case.agent));
        m.that(
            text,
            participants(&doc, e).contains(&case.invitee.to_string()),
            format!(
                "participants should contain {}, got {:?}",
                case.invitee,
                participants(&doc, e)
            ),
        );
        m.that(
            text,
            !participants(&doc, e).contains(&case.agent.to_string()),
            "the inviter is not a participant",
        );
    }
    m.assert_none();
}

const CONTINUED_APPEAL: &str =
    "قال البيت الأبيض إن الرئيس جو بايدن شدد على دعم أوكرانيا، كما دعا روسيا إلى تهدئة التوترات.";

#[test]
fn a_continued_appeal_keeps_the_reported_speaker_and_takes_its_addressee() {
    let text = CONTINUED_APPEAL;
    let doc = extract(text);
    let said = event_with_trigger(&doc, "قال").expect("قال");
    let stressed = event_with_trigger(&doc, "شدد").expect("شدد");
    let appeal = event_with_trigger(&doc, "دعا").expect("دعا");
    assert_eq!(agent(&doc, said).as_deref(), Some("white_house"), "{text}");
    assert_eq!(
        agent(&doc, stressed).as_deref(),
        Some("joe_biden"),
        "{text}"
    );
    assert_eq!(appeal.kind, EventKind::Appeal, "{text}");
    assert_eq!(appeal.cameo, "020", "{text}");
    assert_eq!(agent(&doc, appeal).as_deref(), Some("joe_biden"), "{text}");
    assert_eq!(participants(&doc, appeal), ["rus"], "{text}");
    assert!(
        has_relation(&doc, &said.id, &appeal.id, "REPORTS"),
        "{text}: {:?}",
        doc.relations
    );
}

// ---------------------------------------------------------------------------------------
// 7. coreference

/// An actor named in full, then by surname.
struct Surname {
    text: &'static str,
    actor: &'static str,
    mentions: &'static [&'static str],
    /// A statement whose speaker is the surname.
    trigger: &'static str,
}

const SURNAMES: &[Surname] = &[
    Surname {
        text: "أعرب الرئيس الأمريكي جو بايدن عن قلقه. وقال بايدن إن الحوار ضروري.",
        actor: "joe_biden",
        mentions: &["جو بايدن", "بايدن"],
        trigger: "قال",
    },
    Surname {
        text: "استقبل الرئيس الروسي فلاديمير بوتين أردوغان. وقال بوتين إن العلاقات جيدة.",
        actor: "vladimir_putin",
        mentions: &["فلاديمير بوتين", "بوتين"],
        trigger: "قال",
    },
];

#[test]
fn a_surname_is_a_mention_of_the_full_name() {
    let mut m = Mismatches::default();
    for case in SURNAMES {
        let text = case.text;
        let doc = extract(text);
        let same: Vec<&Actor> = doc
            .actors
            .iter()
            .filter(|a| a.gazetteer_id.as_deref() == Some(case.actor))
            .collect();
        m.eq(text, "actors with that id", same.len(), 1);
        if let Some(a) = same.first() {
            m.eq(text, "mentions", mention_texts(a), case.mentions.to_vec());
        }
        match event_with_trigger(&doc, case.trigger) {
            Some(e) => m.eq(text, "speaker", agent(&doc, e).as_deref(), Some(case.actor)),
            None => m.fail(text, format!("no event with trigger {:?}", case.trigger)),
        }
    }
    m.assert_none();
}

const ROLE_TOLD: &str = "أبلغ بايدن نظيره الروسي فلاديمير بوتين أن بلاده ستدافع عن مصالحها، ورد الزعيم الروسي بأن موسكو تريد السلام.";
const ROLE_SPEAKER: &str =
    "استقبل أردوغان الرئيس الروسي فلاديمير بوتين. وقال الزعيم الروسي إن العلاقات جيدة.";

#[test]
fn a_role_description_is_a_mention_of_the_person_it_describes() {
    for text in [ROLE_TOLD, ROLE_SPEAKER] {
        let doc = extract(text);
        let putin = actor(&doc, "vladimir_putin").expect("Putin is an actor");
        assert!(
            mention_texts(putin).contains(&"الزعيم الروسي"),
            "{text}: mentions {:?}",
            mention_texts(putin)
        );
        // and nobody else is the Russian leader
        for other in doc.actors.iter().filter(|a| a.id != putin.id) {
            assert!(!mention_texts(other).contains(&"الزعيم الروسي"), "{text}");
        }
    }
    // أبلغ X نظيره: the counterpart is the addressee
    let doc = extract(ROLE_TOLD);
    let told = event_with_trigger(&doc, "أبلغ").expect("أبلغ");
    assert_eq!(
        agent(&doc, told).as_deref(),
        Some("joe_biden"),
        "{ROLE_TOLD}"
    );
    assert_eq!(participants(&doc, told), ["vladimir_putin"], "{ROLE_TOLD}");
    // وقال الزعيم الروسي: the described person is the speaker
    let doc = extract(ROLE_SPEAKER);
    let said = event_with_trigger(&doc, "قال").expect("قال");
    assert_eq!(
        agent(&doc, said).as_deref(),
        Some("vladimir_putin"),
        "{ROLE_SPEAKER}"
    );
}

/// A capital or an institution speaking for its country.
struct Metonym {
    text: &'static str,
    trigger: &'static str,
    actor: &'static str,
    stands_for: &'static str,
}

const METONYMS: &[Metonym] = &[
    Metonym {
        text: "قالت واشنطن إن الحوار ممكن، وقال الكرملين إن الحوار ضروري.",
        trigger: "قالت",
        actor: "city_washington",
        stands_for: "usa",
    },
    Metonym {
        text: "قالت واشنطن إن الحوار ممكن، وقال الكرملين إن الحوار ضروري.",
        trigger: "قال",
        actor: "kremlin",
        stands_for: "rus",
    },
    Metonym {
        text: "أكد البيت الأبيض أن موسكو تحشد قواتها.",
        trigger: "أكد",
        actor: "white_house",
        stands_for: "usa",
    },
    Metonym {
        text: "موسكو قد أعلنت أن الحدود آمنة.",
        trigger: "أعلنت",
        actor: "city_moscow",
        stands_for: "rus",
    },
];

#[test]
fn capitals_and_institutions_stand_for_their_country() {
    let mut m = Mismatches::default();
    for case in METONYMS {
        let text = case.text;
        let doc = extract(text);
        match actor(&doc, case.actor) {
            Some(a) => m.eq(
                text,
                "stands_for",
                a.stands_for.as_deref(),
                Some(case.stands_for),
            ),
            None => m.fail(text, format!("no actor {}", case.actor)),
        }
        match event_with_trigger(&doc, case.trigger) {
            Some(e) => m.eq(text, "speaker", agent(&doc, e).as_deref(), Some(case.actor)),
            None => m.fail(text, format!("no event with trigger {:?}", case.trigger)),
        }
    }
    m.assert_none();
}

/// `اتفق الزعيمان` after an event with two parties.
struct Plural {
    text: &'static str,
    trigger: &'static str,
    parties: &'static [&'static str],
}

const PLURALS: &[Plural] = &[Plural {
    text: "أجرى بايدن اتصالا هاتفيا مع بوتين. واتفق الزعيمان على مواصلة الحوار.",
    trigger: "اتفق",
    parties: &["joe_biden", "vladimir_putin"],
}];

/// The call before names its parties after بين only (no agent).
const PLURALS_AFTER_BETWEEN: &[Plural] = &[Plural {
    text: "جرى اتصال هاتفي بين بوتين وأردوغان. واتفق الزعيمان على تعزيز التعاون.",
    trigger: "اتفق",
    parties: &["vladimir_putin", "recep_tayyip_erdogan"],
}];

/// The plural subject before the verb, inside a report.
const PLURALS_SVO: &[Plural] = &[Plural {
    text: "أجرى بايدن اتصالا هاتفيا مع بوتين. وقال الكرملين إن الزعيمين اتفقا على مواصلة الحوار.",
    trigger: "اتفقا",
    parties: &["joe_biden", "vladimir_putin"],
}];

fn check_plurals(cases: &[Plural]) {
    let mut m = Mismatches::default();
    for case in cases {
        let text = case.text;
        let doc = extract(text);
        let call = events_of(&doc, EventKind::Call).into_iter().next();
        let Some(e) = event_with_trigger(&doc, case.trigger) else {
            m.fail(text, format!("no event with trigger {:?}", case.trigger));
            continue;
        };
        m.eq(
            text,
            "agent + participants",
            parties(&doc, e),
            set(case.parties),
        );
        if let Some(call) = call {
            m.eq(
                text,
                "the same parties as the call",
                parties(&doc, e),
                parties(&doc, call),
            );
        }
    }
    m.assert_none();
}

#[test]
fn the_two_leaders_are_the_parties_of_the_last_call() {
    check_plurals(PLURALS);
}

#[test]

fn the_two_leaders_after_a_call_between_them() {
    check_plurals(PLURALS_AFTER_BETWEEN);
}

#[test]

fn the_two_leaders_before_the_verb() {
    check_plurals(PLURALS_SVO);
}

/// A name written with a clitic or another spelling.
struct Written {
    text: &'static str,
    /// The word as it appears in the text.
    written: &'static str,
    actor: &'static str,
    /// The mention text: the name without the clitic.
    mention: &'static str,
}

const WRITTEN: &[Written] = &[
    Written {
        text: "التقى بايدن وبوتين في جنيف.",
        written: "وبوتين",
        actor: "vladimir_putin",
        mention: "بوتين",
    },
    Written {
        text: "قالت الصين إن دعمها لروسيا مستمر.",
        written: "لروسيا",
        actor: "rus",
        mention: "روسيا",
    },
    Written {
        text: "قالت واشنطن إن الوضع بأوكرانيا خطير.",
        written: "بأوكرانيا",
        actor: "ukr",
        mention: "أوكرانيا",
    },
    Written {
        text: "رحب البيت الأبيض والكرملين بالاتفاق.",
        written: "والكرملين",
        actor: "kremlin",
        mention: "الكرملين",
    },
    Written {
        text: "قال بوتن إن زيلنسكي يرفض الحوار.",
        written: "بوتن",
        actor: "vladimir_putin",
        mention: "بوتن",
    },
    Written {
        text: "قال بوتن إن زيلنسكي يرفض الحوار.",
        written: "زيلنسكي",
        actor: "volodymyr_zelensky",
        mention: "زيلنسكي",
    },
];

#[test]
fn names_are_found_behind_clitics_and_in_other_spellings() {
    let mut m = Mismatches::default();
    for case in WRITTEN {
        let text = case.text;
        let doc = extract(text);
        let Some(a) = actor(&doc, case.actor) else {
            m.fail(
                text,
                format!("no actor {} for {:?}", case.actor, case.written),
            );
            continue;
        };
        m.eq(text, "mentions", mention_texts(a), vec![case.mention]);
        // the mention ends where the written word ends and leaves its clitic out
        let byte = text.find(case.written).expect("the word is in the text");
        let word_start = text[..byte].chars().count();
        let word_end = word_start + case.written.chars().count();
        let clitic = case.written.chars().count() - case.mention.chars().count();
        if let Some(mention) = a.mentions.first() {
            m.eq(
                text,
                "mention span",
                mention.span,
                [word_start + clitic, word_end],
            );
        }
    }
    // the speakers of the spelling variants
    let doc = extract(WRITTEN[4].text);
    let said = event_with_trigger(&doc, "قال").expect("قال");
    let rejects = event_with_trigger(&doc, "يرفض").expect("يرفض");
    m.eq(
        WRITTEN[4].text,
        "speaker",
        agent(&doc, said).as_deref(),
        Some("vladimir_putin"),
    );
    m.eq(
        WRITTEN[4].text,
        "agent",
        agent(&doc, rejects).as_deref(),
        Some("volodymyr_zelensky"),
    );
    m.assert_none();
}

// ---------------------------------------------------------------------------------------
// 8. people who are not in the gazetteer, from their title

/// `TITLE NATIONALITY FIRST LAST`, later `LAST`.
struct Titled {
    text: &'static str,
    name: &'static str,
    country: &'static str,
    role: &'static str,
    surname: &'static str,
}

const TITLED: &[Titled] = &[
    Titled {
        text: "قال وزير الخارجية الفنلندي بيكا هافيستو إن بلاده تتابع الوضع. وأضاف هافيستو أن الحوار ضروري.",
        name: "بيكا هافيستو",
        country: "FIN",
        role: "foreign_minister",
        surname: "هافيستو",
    },
    Titled {
        text: "قال السفير المصري مجدي حلمي إن القاهرة تتابع الوضع. وأضاف حلمي أن الحل سياسي.",
        name: "مجدي حلمي",
        country: "EGY",
        role: "ambassador",
        surname: "حلمي",
    },
];

/// The same, with a hamza in the name: the name is reported as written.
const TITLED_WITH_HAMZA: &[Titled] = &[Titled {
    text: "قال السفير المصري أحمد سامي إن القاهرة تتابع الوضع. وأضاف سامي أن الحل سياسي.",
    name: "أحمد سامي",
    country: "EGY",
    role: "ambassador",
    surname: "سامي",
}];

fn check_titled(cases: &[Titled]) {
    let mut m = Mismatches::default();
    for case in cases {
        let text = case.text;
        let doc = extract(text);
        let Some(person) = actor_named(&doc, case.name) else {
            let names: Vec<&str> = doc.actors.iter().map(|a| a.name.as_str()).collect();
            m.fail(
                text,
                format!("no actor named {:?}; actors: {names:?}", case.name),
            );
            continue;
        };
        m.eq(text, "type", person.kind, ActorType::Person);
        m.eq(text, "gazetteer id", person.gazetteer_id.as_deref(), None);
        m.eq(
            text,
            "country",
            person.country.as_deref(),
            Some(case.country),
        );
        m.eq(text, "role", person.role.as_deref(), Some(case.role));
        m.eq(
            text,
            "mentions",
            mention_texts(person),
            vec![case.name, case.surname],
        );
        for trigger in ["قال", "أضاف"] {
            match event_with_trigger(&doc, trigger) {
                Some(e) => m.eq(text, trigger, e.agent.as_deref(), Some(person.id.as_str())),
                None => m.fail(text, format!("no event with trigger {trigger:?}")),
            }
        }
    }
    m.assert_none();
}

#[test]
fn a_title_introduces_a_person_not_in_the_gazetteer() {
    check_titled(TITLED);
}

#[test]
fn an_unknown_persons_name_is_reported_as_written() {
    check_titled(TITLED_WITH_HAMZA);
}

const TITLE_BEFORE_VERB: &str = "البيت الأبيض أكد في بيان أن الرئيس سيلتقي حلفاءه.";

/// The verb after a bare title is not a name: the title stands alone for an unnamed
/// role-holder ("the president"), never "الرئيس سيلتقي حلفاءه".
#[test]
fn a_title_followed_by_a_verb_introduces_nobody() {
    let doc = extract(TITLE_BEFORE_VERB);
    let people: Vec<&str> = doc
        .actors
        .iter()
        .filter(|a| a.kind == ActorType::Person)
        .map(|a| a.name.as_str())
        .collect();
    assert_eq!(people, ["الرئيس"], "{TITLE_BEFORE_VERB}");
    assert!(
        doc.actors
            .iter()
            .all(|a| a.mentions.iter().all(|m| !m.text.contains("سيلتقي")))
    );
}

// ---------------------------------------------------------------------------------------
// 9. event time

/// The time of one event and how it was found.
struct Timed {
    text: &'static str,
    trigger: &'static str,
    value: Option<&'static str>,
    how: TimeHow,
}

const TIMED: &[Timed] = &[
    // explicit: the timex is in the event's own clause
    Timed {
        text: "أعلنت روسيا، الثلاثاء، أن قواتها ستعود إلى ثكناتها.",
        trigger: "أعلنت",
        value: Some("2021-04-13"),
        how: TimeHow::Explicit,
    },
    Timed {
        text: "أجرى بايدن اتصالا هاتفيا مع بوتين يوم الاثنين.",
        trigger: "اتصالا هاتفيا",
        value: Some("2021-04-12"),
        how: TimeHow::Explicit,
    },
    // the reported content is another clause: the statement by أمس, the meeting by its own date
    Timed {
        text: "قال الوزير أمس إن الاجتماع سيعقد الأحد المقبل.",
        trigger: "قال",
        value: Some("2021-04-12"),
        how: TimeHow::Explicit,
    },
    Timed {
        text: "قال الوزير أمس إن الاجتماع سيعقد الأحد المقبل.",
        trigger: "الاجتماع",
        value: Some("2021-04-18"),
        how: TimeHow::Explicit,
    },
    // a date inside the content never dates the statement: it is the story's news (dct)
    Timed {
        text: "قال الكرملين إن المناورات التي بدأت أمس انتهت.",
        trigger: "قال",
        value: Some("2021-04-13"),
        how: TimeHow::Dct,
    },
    Timed {
        text: "أعلنت الوزارة أن الانتخابات جرت في 2019.",
        trigger: "أعلنت",
        value: Some("2021-04-13"),
        how: TimeHow::Dct,
    },
    // tied: a continuation in a sentence without a timex takes its antecedent's time
    Timed {
        text: "قال الكرملين يوم الاثنين إن المناورات انتهت. كما أضاف أن القوات ستعود إلى قواعدها.",
        trigger: "قال",
        value: Some("2021-04-12"),
        how: TimeHow::Explicit,
    },
    Timed {
        text: "قال الكرملين يوم الاثنين إن المناورات انتهت. كما أضاف أن القوات ستعود إلى قواعدها.",
        trigger: "أضاف",
        value: Some("2021-04-12"),
        how: TimeHow::Tied,
    },
    // tied: a statement made during a dated call
    Timed {
        text: "أجرى بايدن اتصالا هاتفيا مع بوتين يوم الأحد. وأكد الجانبان خلال الاتصال أهمية الحوار.",
        trigger: "أكد",
        value: Some("2021-04-11"),
        how: TimeHow::Tied,
    },
    // dct: undated news of the story
    Timed {
        text: "قال الكرملين إن المناورات انتهت.",
        trigger: "قال",
        value: Some("2021-04-13"),
        how: TimeHow::Dct,
    },
    Timed {
        text: "جرى اتصال هاتفي بين بوتين وأردوغان.",
        trigger: "اتصال هاتفي",
        value: Some("2021-04-13"),
        how: TimeHow::Dct,
    },
    // none: background (pluperfect, anteriority) and its continuation, undated plans
    Timed {
        text: "وكان الرئيس قد أعلن عن خطة جديدة للإصلاح.",
        trigger: "أعلن",
        value: None,
        how: TimeHow::None,
    },
    Timed {
        text: "وسبق أن أعلنت الحكومة عن خطة جديدة للإصلاح.",
        trigger: "أعلنت",
        value: None,
        how: TimeHow::None,
    },
    Timed {
        text: "وكان الوزير قد أكد أن المفاوضات مستمرة. وأضاف أن الحل قريب.",
        trigger: "أضاف",
        value: None,
        how: TimeHow::None,
    },
    Timed {
        text: "سيزور الرئيس الفرنسي الجزائر.",
        trigger: "سيزور",
        value: None,
        how: TimeHow::None,
    },
];

/// Names that contain a month name (رجب طيب أردوغان) but no time.
const TIMED_NAMES: &[Timed] = &[
    Timed {
        text: "بحث الرئيس التركي رجب طيب أردوغان مع نظيره الروسي فلاديمير بوتين الوضع في سوريا خلال اتصال هاتفي جمع بينهما.",
        trigger: "اتصال هاتفي",
        value: Some("2021-04-13"),
        how: TimeHow::Dct,
    },
    Timed {
        text: "قال رجب طيب أردوغان إن تركيا تدعم الحوار.",
        trigger: "قال",
        value: Some("2021-04-13"),
        how: TimeHow::Dct,
    },
];

fn check_times(cases: &[Timed]) {
    let mut m = Mismatches::default();
    for case in cases {
        let text = case.text;
        let doc = extract(text);
        let Some(e) = event_with_trigger(&doc, case.trigger) else {
            m.fail(text, format!("no event with trigger {:?}", case.trigger));
            continue;
        };
        m.eq(
            text,
            &format!("time of {}", case.trigger),
            (e.time.value.as_deref(), e.time.how),
            (case.value, case.how),
        );
        m.eq(
            text,
            "timex id given with the value (none for the story's day)",
            e.time.timex.is_some(),
            case.value.is_some() && case.how != TimeHow::Dct,
        );
        if let (Some(t), Some(value)) = (&e.time.timex, case.value) {
            m.that(
                text,
                doc.timexes.iter().any(|x| &x.id == t && x.value == value),
                format!("{t} should be a timex with value {value:?}"),
            );
        }
    }
    m.assert_none();
}

#[test]
fn an_event_is_dated_explicit_tied_dct_or_none() {
    check_times(TIMED);
}

#[test]

fn a_name_containing_a_month_gives_no_time() {
    check_times(TIMED_NAMES);
}

// ---------------------------------------------------------------------------------------
// 10. the timeline

/// The Tuesday call is told before the early-April one; a repeat sits between them.
const TIMELINE: &str = "أجرى بايدن اتصالا هاتفيا مع بوتين الثلاثاء. المكالمة تمت بمبادرة من واشنطن. وكان بايدن قد أجرى اتصالا هاتفيا مع زيلينسكي مطلع أبريل/نيسان الجاري.";

/// More events, dated and undated, for the invariants.
const TIMELINE_MIXED: &str = "قال الكرملين الثلاثاء إن بوتين مستعد للحوار. وكان بايدن قد أجرى اتصالا هاتفيا مع زيلينسكي مطلع أبريل/نيسان الجاري. أجرى ماكرون اتصالا هاتفيا مع بايدن. وجرى الاتصال الهاتفي نفسه بمبادرة من باريس.";

/// Every timeline invariant that holds for any document.
fn check_timeline(text: &str, doc: &Document) {
    let position = |id: &str| doc.timeline.iter().position(|t| t == id);
    for id in &doc.timeline {
        assert!(
            doc.events.iter().any(|e| &e.id == id),
            "{text}: timeline id {id} is not an event"
        );
    }
    let repeats: BTreeSet<&str> = doc
        .relations
        .iter()
        .filter(|r| r.kind == "SAME_AS")
        .map(|r| r.from.as_str())
        .collect();
    for e in &doc.events {
        if repeats.contains(e.id.as_str()) {
            assert_eq!(e.order, None, "{text}: repeat {} has an order", e.id);
            assert_eq!(
                position(&e.id),
                None,
                "{text}: repeat {} is in the timeline",
                e.id
            );
        } else {
            let at = position(&e.id).unwrap_or_else(|| panic!("{text}: {} missing", e.id));
            assert_eq!(e.order, Some(at + 1), "{text}: order of {}", e.id);
            assert_eq!(
                doc.timeline.iter().filter(|t| **t == e.id).count(),
                1,
                "{text}: {} listed once",
                e.id
            );
        }
    }
    for r in doc.relations.iter().filter(|r| r.kind == "BEFORE") {
        let (from, to) = (position(&r.from), position(&r.to));
        assert!(
            from.is_some() && to.is_some() && from < to,
            "{text}: {} BEFORE {} but the timeline is {:?}",
            r.from,
            r.to,
            doc.timeline
        );
    }
}

#[test]
fn the_timeline_orders_events_by_their_dates_not_the_text() {
    let text = TIMELINE;
    let doc = extract(text);
    check_timeline(text, &doc);
    let calls = events_of(&doc, EventKind::Call);
    let tuesday = calls
        .iter()
        .find(|e| parties(&doc, e).contains("vladimir_putin"))
        .expect("the call with Putin");
    let april = calls
        .iter()
        .find(|e| parties(&doc, e).contains("volodymyr_zelensky"))
        .expect("the call with Zelensky");
    assert_eq!(tuesday.time.value.as_deref(), Some("2021-04-13"), "{text}");
    assert_eq!(april.time.value.as_deref(), Some("2021-04"), "{text}");
    assert!(
        april.trigger.span[0] > tuesday.trigger.span[0],
        "told later"
    );
    assert_eq!(
        doc.timeline,
        [april.id.clone(), tuesday.id.clone()],
        "{text}"
    );
    assert_eq!(april.order, Some(1), "{text}");
    assert_eq!(tuesday.order, Some(2), "{text}");
    assert!(
        has_relation(&doc, &april.id, &tuesday.id, "BEFORE"),
        "{text}: {:?}",
        doc.relations
    );
    // the repeat between them is not in the timeline
    let repeat = calls
        .iter()
        .find(|e| e.trigger.text == "المكالمة")
        .expect("the repeat");
    assert_eq!(repeat.order, None, "{text}");
    assert!(
        has_relation(&doc, &repeat.id, &tuesday.id, "SAME_AS"),
        "{text}"
    );
}

#[test]
fn the_timeline_lists_each_event_once_and_agrees_with_before() {
    for text in [TIMELINE, TIMELINE_MIXED] {
        let doc = extract(text);
        check_timeline(text, &doc);
    }
    // the call with no timex is the story's news: dated on its day (dct), it comes after
    // the Tuesday statement told before it; the early-April call comes first
    let doc = extract(TIMELINE_MIXED);
    let said = event_with_trigger(&doc, "قال").expect("قال");
    let april = events_of(&doc, EventKind::Call)
        .into_iter()
        .find(|e| e.time.value.as_deref() == Some("2021-04"))
        .expect("the early-April call");
    assert_eq!(
        said.time.value.as_deref(),
        Some("2021-04-13"),
        "{TIMELINE_MIXED}"
    );
    assert!(
        april.order < said.order,
        "{TIMELINE_MIXED}: {:?}",
        doc.timeline
    );
    let macron = events_of(&doc, EventKind::Call)
        .into_iter()
        .find(|e| e.time.how == TimeHow::Dct)
        .expect("the call dated by the news convention");
    assert_eq!(macron.time.value.as_deref(), Some("2021-04-13"));
    assert!(said.order < macron.order, "{:?}", doc.timeline);
    assert_eq!(macron.order, Some(doc.timeline.len()), "{TIMELINE_MIXED}");
}

#[test]
fn time_how_is_none_exactly_when_there_is_no_time() {
    let mut m = Mismatches::default();
    for text in all_texts() {
        let doc = extract(text);
        for e in &doc.events {
            m.eq(
                text,
                &format!("{} ({}) how is none ⇔ value is null", e.id, e.trigger.text),
                e.time.how == TimeHow::None,
                e.time.value.is_none(),
            );
            m.eq(
                text,
                &format!(
                    "{} ({}) timex given ⇔ value given, but for the story's day",
                    e.id, e.trigger.text
                ),
                e.time.timex.is_some(),
                e.time.value.is_some() && e.time.news_day().is_none(),
            );
        }
    }
    m.assert_none();
}

// ---------------------------------------------------------------------------------------
// 11. accusations, sanctions, threats

/// An event of another kind with a clear trigger.
struct Kinded {
    text: &'static str,
    trigger: &'static str,
    kind: EventKind,
    cameo: &'static str,
    agent: &'static str,
}

const KINDS: &[Kinded] = &[
    Kinded {
        text: "رفض الكرملين اتهامات أمريكا لروسيا بالتدخل في الانتخابات.",
        trigger: "اتهامات",
        kind: EventKind::Accusation,
        cameo: "112",
        agent: "usa",
    },
    Kinded {
        text: "اتهمت واشنطن موسكو بشن هجمات إلكترونية.",
        trigger: "اتهمت",
        kind: EventKind::Accusation,
        cameo: "112",
        agent: "city_washington",
    },
    Kinded {
        text: "الولايات المتحدة فرضت عقوبات جديدة على روسيا.",
        trigger: "فرضت عقوبات",
        kind: EventKind::Sanction,
        cameo: "163",
        agent: "usa",
    },
    Kinded {
        text: "هدد بوتين أوكرانيا بالرد على أي هجوم.",
        trigger: "هدد",
        kind: EventKind::Threat,
        cameo: "130",
        agent: "vladimir_putin",
    },
    Kinded {
        text: "هددت إيران بالانسحاب من الاتفاق النووي.",
        trigger: "هددت",
        kind: EventKind::Threat,
        cameo: "130",
        agent: "irn",
    },
];

/// Sanctions with the subject between the verb and the noun.
const SANCTIONS_VSO: &[Kinded] = &[
    Kinded {
        text: "فرضت الولايات المتحدة عقوبات جديدة على روسيا.",
        trigger: "عقوبات",
        kind: EventKind::Sanction,
        cameo: "163",
        agent: "usa",
    },
    Kinded {
        text: "فرضت واشنطن عقوبات على موسكو.",
        trigger: "عقوبات",
        kind: EventKind::Sanction,
        cameo: "163",
        agent: "city_washington",
    },
];

fn check_kinds(cases: &[Kinded]) {
    let mut m = Mismatches::default();
    for case in cases {
        let text = case.text;
        let doc = extract(text);
        let Some(e) = doc.events.iter().find(|e| e.kind == case.kind) else {
            m.fail(text, format!("no {:?} event", case.kind));
            continue;
        };
        m.eq(text, "trigger", e.trigger.text.as_str(), case.trigger);
        m.eq(text, "cameo", e.cameo.as_str(), case.cameo);
        m.eq(text, "agent", agent(&doc, e).as_deref(), Some(case.agent));
    }
    m.assert_none();
}

#[test]
fn accusations_sanctions_and_threats_have_their_kind_and_cameo() {
    check_kinds(KINDS);
}

#[test]

fn sanctions_in_vso_order_name_the_sanctioning_state() {
    check_kinds(SANCTIONS_VSO);
}

#[test]
fn an_accusation_verb_takes_its_target() {
    let text = KINDS[1].text;
    let doc = extract(text);
    let e = event_with_trigger(&doc, "اتهمت").expect("اتهمت");
    assert_eq!(participants(&doc, e), ["city_moscow"], "{text}");
}

// ---------------------------------------------------------------------------------------
// negation, content boundaries, duplicate mentions

const NEGATED: &str = "لم يعلن البيت الأبيض أي موقف.";
const LITOTES: &str = "لم يستبعد الكرملين أن يلتقي الرئيسان قريبا.";

#[test]
fn a_negated_act_is_no_event_but_litotes_is_a_statement() {
    let doc = extract(NEGATED);
    assert!(event_with_trigger(&doc, "يعلن").is_none(), "{NEGATED}");
    let doc = extract(LITOTES);
    let e = event_with_trigger(&doc, "يستبعد").expect("يستبعد");
    assert_eq!(e.kind, EventKind::Statement, "{LITOTES}");
    assert!(e.negated, "{LITOTES}");
    assert_eq!(agent(&doc, e).as_deref(), Some("kremlin"), "{LITOTES}");
    for case in VSO.iter().chain(SVO) {
        let doc = extract(case.text);
        assert!(doc.events.iter().all(|e| !e.negated), "{}", case.text);
    }
}

#[test]

fn kama_is_not_a_negation() {
    let mut m = Mismatches::default();
    for (text, trigger) in [
        (CONTINUED[0].text, "أضاف"),
        (TIMED[7].text, "أضاف"),
        (CONTINUED_APPEAL, "دعا"),
    ] {
        let doc = extract(text);
        match event_with_trigger(&doc, trigger) {
            Some(e) => m.eq(text, &format!("{trigger} negated"), e.negated, false),
            None => m.fail(text, format!("no event with trigger {trigger:?}")),
        }
    }
    m.assert_none();
}

const NO_COMPLEMENTIZER: &str =
    "أعرب الرئيس الأمريكي جو بايدن عن قلقه، ثم قال بايدن إن الحوار ضروري.";

#[test]

fn a_statement_does_not_take_the_content_of_the_next_one() {
    let text = NO_COMPLEMENTIZER;
    let doc = extract(text);
    let said = event_with_trigger(&doc, "قال").expect("قال");
    assert_eq!(content(said), Some("الحوار ضروري."), "{text}");
    let expressed = event_with_trigger(&doc, "أعرب").expect("أعرب");
    assert_eq!(content(expressed), None, "{text}");
}

const UN_CHIEF: &str = "دعا الأمين العام للأمم المتحدة الطرفين إلى ضبط النفس.";

#[test]
fn a_mention_is_reported_once() {
    for text in all_texts().into_iter().chain([UN_CHIEF]) {
        let doc = extract(text);
        let mut spans: Vec<[usize; 2]> = doc
            .actors
            .iter()
            .flat_map(|a| a.mentions.iter().map(|m| m.span))
            .collect();
        let all = spans.len();
        spans.sort_unstable();
        spans.dedup();
        assert_eq!(spans.len(), all, "{text}: {:?}", doc.actors);
    }
}

// ---------------------------------------------------------------------------------------
// 12. spans

/// Every sentence of this file.
fn all_texts() -> Vec<&'static str> {
    let mut texts: Vec<&'static str> = Vec::new();
    texts.extend(VSO.iter().chain(SVO).map(|c| c.text));
    texts.extend(CONTINUED.iter().map(|c| c.text));
    texts.extend(NESTED.iter().map(|c| c.text));
    texts.extend(CALLS.iter().chain(CALLS_BETWEEN_TITLED).map(|c| c.text));
    texts.extend(RECEIVED.iter().chain(RECEIVED_FROM_TITLED).map(|c| c.text));
    texts.extend(REPEATS.iter().chain(REPORTED_REPEATS).map(|c| c.text));
    texts.extend(FRAMES.iter().map(|c| c.text));
    texts.extend(APPEALS.iter().map(|c| c.text));
    texts.extend(INVITATIONS.iter().map(|c| c.text));
    texts.extend(SURNAMES.iter().map(|c| c.text));
    texts.extend(METONYMS.iter().map(|c| c.text));
    texts.extend(
        PLURALS
            .iter()
            .chain(PLURALS_AFTER_BETWEEN)
            .chain(PLURALS_SVO)
            .map(|c| c.text),
    );
    texts.extend(WRITTEN.iter().map(|c| c.text));
    texts.extend(TITLED.iter().chain(TITLED_WITH_HAMZA).map(|c| c.text));
    texts.extend(TIMED.iter().chain(TIMED_NAMES).map(|c| c.text));
    texts.extend(KINDS.iter().chain(SANCTIONS_VSO).map(|c| c.text));
    texts.extend([
        CONTINUED_APPEAL,
        ROLE_TOLD,
        ROLE_SPEAKER,
        TITLE_BEFORE_VERB,
        TIMELINE,
        TIMELINE_MIXED,
        NEGATED,
        NO_COMPLEMENTIZER,
        UN_CHIEF,
        // harakat, tanwin and tatweel change the normalized offsets, not the spans
        "قالَ البيتُ الأبيضُ إنَّ الرئيسَ جو بايدن أجرى اتصالاً هاتفياً مع بوتين.",
        "قال الكرملـين إن بوتـين لم يتلق أي دعوة.",
    ]);
    texts.sort_unstable();
    texts.dedup();
    texts
}

#[test]
fn every_trigger_content_and_mention_is_an_exact_slice_of_the_original() {
    let mut m = Mismatches::default();
    for text in all_texts() {
        let doc = extract(text);
        let len = text.chars().count();
        let mut pieces: Vec<(String, &zaman::document::Evidence)> = Vec::new();
        for e in &doc.events {
            pieces.push((format!("{} trigger", e.id), &e.trigger));
            if let Some(c) = &e.content {
                pieces.push((format!("{} content", e.id), c));
            }
        }
        for a in &doc.actors {
            for mention in &a.mentions {
                pieces.push((format!("{} mention", a.id), mention));
            }
        }
        for (what, piece) in pieces {
            let [start, end] = piece.span;
            if start >= end || end > len {
                m.fail(
                    text,
                    format!("{what}: span {:?} out of 0..{len}", piece.span),
                );
                continue;
            }
            m.eq(text, &what, slice(text, piece.span), piece.text.clone());
        }
    }
    m.assert_none();
}

/// Meetings name the other party as the object or a coordinated subject; a speech verb
/// with هاتفيا is a call.
#[test]
fn meetings_and_calls_by_phone_name_both_parties() {
    let cases: &[(&str, EventKind, &str, &[&str])] = &[
        (
            "التقى بايدن وبوتين في جنيف.",
            EventKind::Meeting,
            "joe_biden",
            &["vladimir_putin"],
        ),
        (
            "التقى لافروف نظيره الأمريكي أنتوني بلينكن في جنيف.",
            EventKind::Meeting,
            "sergey_lavrov",
            &["antony_blinken"],
        ),
        (
            "تحدث ماكرون هاتفيا مع بوتين.",
            EventKind::Call,
            "emmanuel_macron",
            &["vladimir_putin"],
        ),
    ];
    for (text, kind, who, with) in cases {
        let doc = extract(text);
        let found = events_of(&doc, *kind);
        assert_eq!(found.len(), 1, "{text}");
        assert_eq!(agent(&doc, found[0]).as_deref(), Some(*who), "{text}");
        assert_eq!(
            participants(&doc, found[0]),
            with.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            "{text}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// future verbs: announced visits and calls are events, each with its own clause's time

#[test]
fn announced_visits_and_calls_are_events_with_their_own_times() {
    let dct: Dct = "2023-06-01".parse().expect("the DCT parses");
    let text = "وقال البيت الأبيض إن الرئيس جو بايدن سيزور الأردن الأسبوع المقبل، \
                وسيتصل بالعاهل الأردني الملك عبد الله الثاني غدا.";
    let doc = Extractor::default().extract("t", text, Some(dct));
    let said = event_with_trigger(&doc, "قال").expect("the statement");
    let visit = event_with_trigger(&doc, "سيزور").expect("the visit");
    let call = event_with_trigger(&doc, "سيتصل").expect("the call");
    assert_eq!(agent(&doc, said).as_deref(), Some("white_house"));
    assert_eq!(visit.kind, EventKind::Meeting);
    assert_eq!(agent(&doc, visit).as_deref(), Some("joe_biden"));
    assert_eq!(participants(&doc, visit), ["jor"]);
    assert_eq!(visit.time.value.as_deref(), Some("2023-W23"));
    // joined by و, the call keeps the visit's subject; the king after بالعاهل is called
    assert_eq!(call.kind, EventKind::Call);
    assert_eq!(agent(&doc, call).as_deref(), Some("joe_biden"));
    assert_eq!(participants(&doc, call), ["abdullah_ii"]);
    assert_eq!(call.time.value.as_deref(), Some("2023-06-02"));
    assert_eq!(call.time.how, TimeHow::Explicit);
    // both are what the White House said
    for e in [visit, call] {
        assert!(
            doc.relations
                .iter()
                .any(|r| r.kind == "REPORTS" && r.from == said.id && r.to == e.id),
            "{:?}",
            doc.relations
        );
    }
}

#[test]
fn a_title_with_a_pronoun_and_a_verb_after_a_noun_event_keep_their_speakers() {
    let text = "قال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن الحوار ضروري. \
                وأكدت الأمم المتحدة أن لقاء أمينها العام ببوتين سيتم الأسبوع المقبل، \
                ولفتت إلى أن الإعداد جار.";
    let doc = extract(text);
    // «أمينها العام» is the secretary-general named before; «ببوتين» is the other party
    let meeting = event_with_trigger(&doc, "لقاء").expect("the meeting");
    let guterres = agent(&doc, meeting).expect("an agent");
    let said = event_with_trigger(&doc, "قال").expect("the statement");
    assert_eq!(Some(&guterres), agent(&doc, said).as_ref());
    // «ولفتت» goes on from the verb أكدت, not from the noun لقاء
    let stated = event_with_trigger(&doc, "أكدت").expect("the UN's statement");
    let noted = event_with_trigger(&doc, "لفتت").expect("the continuation");
    assert_eq!(agent(&doc, noted), agent(&doc, stated));
    assert_ne!(agent(&doc, noted), Some(guterres));
}

#[test]
fn the_headline_event_is_the_one_the_body_tells_with_its_date() {
    let dct: Dct = "2022-06-14".parse().expect("the DCT parses");
    let text = "الرئيس الأمريكي يزور السعودية\n\
                أعلن البيت الأبيض أن الرئيس جو بايدن سيصل إلى السعودية في زيارة رسمية يوم 15 يوليو المقبل.";
    let doc = Extractor::default().extract("t", text, Some(dct));
    let headline = event_with_trigger(&doc, "يزور").expect("the headline's visit");
    let body = event_with_trigger(&doc, "زيارة").expect("the body's visit");
    assert!(
        has_relation(&doc, &body.id, &headline.id, "SAME_AS"),
        "{:?}",
        doc.relations
    );
    assert_eq!(headline.time.value.as_deref(), Some("2022-07-15"));
    assert_eq!(body.time.value.as_deref(), Some("2022-07-15"));
}

#[test]
fn a_plan_for_a_meeting_just_dated_is_its_programme() {
    let dct: Dct = "2025-08-15".parse().expect("the DCT parses");
    let text = "تعقد اليوم قمة بين الرئيس فلاديمير بوتين والرئيس دونالد ترامب في ألاسكا. \
                وقال المتحدث باسم الكرملين إن الزعيمين سيلتقيان أولا على انفراد.";
    let doc = Extractor::default().extract("t", text, Some(dct));
    let summit = event_with_trigger(&doc, "قمة").expect("the summit");
    let meet = event_with_trigger(&doc, "سيلتقيان").expect("the planned meeting");
    assert_eq!(summit.time.value.as_deref(), Some("2025-08-15"));
    assert_eq!(meet.time.value.as_deref(), Some("2025-08-15"));
    assert_eq!(meet.time.how, TimeHow::Tied);
}

// ---------------------------------------------------------------------------------------
// 11. dated occurrences

/// An occurrence (an arrival, a death, an outbreak) is an event when its own clause dates it:
/// the trigger, and the value of the date, or `None` when no event should come out.
const OCCURRENCES: &[(&str, &str, Option<&str>)] = &[
    (
        "وصل وزير الخارجية إلى الرياض مساء الأحد في جولة إقليمية.",
        "وصل",
        Some("2021-04-11TEV"),
    ),
    (
        "غادر الوفد المفاوض القاهرة أمس بعد جولة من المحادثات.",
        "غادر",
        Some("2021-04-12"),
    ),
    (
        "توفي الشاعر المعروف في 3 مارس 2019 عن عمر ناهز ثمانين عاما.",
        "توفي",
        Some("2019-03-03"),
    ),
    // the date a span after منذ starts from dates the occurrence inside the span
    (
        "تعاني البلاد أزمة اقتصادية منذ اندلاع الحرب عام 2011.",
        "اندلاع",
        Some("2011"),
    ),
    // undated, the same words are no event
    ("وصل عدد الزوار إلى مليون زائر.", "وصل", None),
    ("تعاني البلاد أزمة اقتصادية منذ اندلاع الحرب.", "اندلاع", None),
    // a date before an occurrence noun after a preposition dates the clause's verb only
    (
        "قصفت الطائرات مواقع للمسلحين مساء الأحد ردا على اغتيال قائد ميداني.",
        "اغتيال",
        None,
    ),
    (
        "أعلن الديوان اليوم وفاة الأمير عن عمر ناهز تسعين عاما.",
        "وفاة",
        Some("2021-04-13"),
    ),
];

/// Who the agent of a dated occurrence is, and the attendance that yields to its meeting.
#[test]
fn an_occurrence_s_agent_is_its_subject_or_the_owner_of_its_pronoun() {
    let mut m = Mismatches::default();
    let cases: &[(&str, &str, Option<&str>)] = &[
        // VSO with the destination before the subject
        (
            "ويصل الخميس إلى بروكسل الرئيس الأوكراني فولوديمير زيلينسكي.",
            "يصل",
            Some("فولوديمير زيلينسكي"),
        ),
        // the pronoun of the masdar names the nearest person before it, even after ب
        (
            "اتصل الرئيس هاتفيا أمس بمحمد ولد مولود الذي يلتزم حجرا صحيا منذ رجوعه من فرنسا قبل أسبوع.",
            "رجوعه",
            Some("محمد ولد مولود"),
        ),
        // a subject noun that is no actor: no one's act, no dropped subject
        (
            "قال المتحدث باسم الحكومة إن العمل يستأنف الأحد المقبل.",
            "يستأنف",
            None,
        ),
        // the family name with آل belongs to the lineage the gazetteer knows
        (
            "وكان أمير البلاد الشيخ تميم بن حمد آل ثاني قد حضر أمس عرضا عسكريا.",
            "حضر",
            Some("تميم بن حمد آل ثاني"),
        ),
    ];
    for &(text, trigger, who) in cases {
        let doc = extract(text);
        let Some(e) = event_with_trigger(&doc, trigger) else {
            m.fail(text, format!("no event with trigger {trigger:?}"));
            continue;
        };
        let name = e
            .agent
            .as_deref()
            .map(|a| actor_by_id(&doc, a).name.as_str());
        m.eq(text, "agent", name, who);
    }
    // attending a meeting is the meeting's event, with the attendee among its parties
    let text = "سيشارك لافروف الأحد في القمة الخاصة بدعم لبنان.";
    let doc = extract(text);
    m.that(
        text,
        event_with_trigger(&doc, "سيشارك").is_none(),
        "the attendance yields to the summit",
    );
    match event_with_trigger(&doc, "القمة") {
        Some(summit) => m.that(
            text,
            parties(&doc, summit).contains("sergey_lavrov"),
            format!(
                "Lavrov takes part in the summit: {:?}",
                parties(&doc, summit)
            ),
        ),
        None => m.fail(text, "no summit"),
    }
    m.assert_none();
}

#[test]
fn an_occurrence_is_an_event_only_when_its_clause_dates_it() {
    let mut m = Mismatches::default();
    for &(text, trigger, value) in OCCURRENCES {
        let doc = extract(text);
        let e = event_with_trigger(&doc, trigger);
        m.eq(
            text,
            &format!("event {trigger} and its date"),
            e.map(|e| (e.kind, e.time.how, e.time.value.as_deref())),
            value.map(|v| (EventKind::Other, TimeHow::Explicit, Some(v))),
        );
    }
    m.assert_none();
}

#[test]
fn what_pointed_at_a_dropped_occurrence_points_at_a_kept_event() {
    // the undated arrival in the first sentence is dropped; the statement, its continuation
    // and the dated departure keep ids and ties that name events of the document
    let text = "وصل عدد اللاجئين إلى مليون. وقال المتحدث باسم الحكومة يوم الاثنين إن الوضع صعب. \
                وأضاف أن الوفد غادر العاصمة مساء الأحد.";
    let doc = extract(text);
    assert!(
        event_with_trigger(&doc, "وصل").is_none(),
        "{:?}",
        doc.events
    );
    let said = event_with_trigger(&doc, "قال").expect("the statement");
    let added = event_with_trigger(&doc, "أضاف").expect("its continuation");
    let left = event_with_trigger(&doc, "غادر").expect("the dated departure");
    assert_eq!(said.time.value.as_deref(), Some("2021-04-12"));
    assert_eq!(added.time.value.as_deref(), Some("2021-04-12"));
    assert_eq!(added.time.how, TimeHow::Tied);
    assert_eq!(added.time.from.as_ref(), Some(&said.id));
    assert_eq!(left.time.value.as_deref(), Some("2021-04-11TEV"));
    assert!(
        has_relation(&doc, &added.id, &left.id, "REPORTS"),
        "{:?}",
        doc.relations
    );
    let ids: BTreeSet<&str> = doc.events.iter().map(|e| e.id.as_str()).collect();
    for r in &doc.relations {
        for end in [&r.from, &r.to] {
            if end.starts_with('e') {
                assert!(ids.contains(end.as_str()), "{r:?} names a dropped event");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// 12. speech verbs whose sense the words after them settle

/// The kind of event and its agent's name, or `None` when the word is no event here.
type KindAndAgent = Option<(EventKind, &'static str)>;

/// (text, trigger, what it is).
const SETTLED_BY_WHAT_FOLLOWS: &[(&str, &str, KindAndAgent)] = &[
    (
        "ونقلت وكالة الأنباء الروسية عن الكرملين أن الاتصال كان بناء.",
        "نقلت",
        Some((EventKind::Statement, "وكالة الأنباء الروسية")),
    ),
    ("ونقلت الطائرة الجرحى إلى المستشفى.", "نقلت", None),
    (
        "وطالب الرئيس محمود عباس المجتمع الدولي، وعلى رأسه مجلس الأمن، بالتدخل العاجل.",
        "طالب",
        Some((EventKind::Appeal, "محمود عباس")),
    ),
    ("وقال طالب جامعي إن الامتحانات صعبة.", "طالب", None),
    (
        "بعثت رئيسة الوزراء، الثلاثاء، برسالة إلى البرلمان.",
        "بعثت",
        Some((EventKind::Statement, "رئيسة الوزراء")),
    ),
    (
        "وكان أنطونيو غوتيريش قد وجه يوم الثلاثاء رسالتين إلى الزعيمين.",
        "وجه",
        Some((EventKind::Statement, "أنطونيو غوتيريش")),
    ),
    ("ظهر التعب على وجه الرئيس.", "وجه", None),
    (
        "أعربت وزارة الخارجية المصرية عن أسفها لما نشرته الصحيفة، ثم دعتها إلى تصحيح الخبر.",
        "دعتها",
        Some((EventKind::Appeal, "وزارة الخارجية المصرية")),
    ),
    (
        "قال وزير الخارجية سامح شكري إن العلاقات تمر بمرحلة صعبة، منتقدا التصريحات الأخيرة.",
        "منتقدا",
        Some((EventKind::Statement, "سامح شكري")),
    ),
];

#[test]
fn a_speech_verb_with_another_sense_is_one_when_its_content_or_message_follows() {
    let mut m = Mismatches::default();
    for &(text, trigger, want) in SETTLED_BY_WHAT_FOLLOWS {
        let doc = extract(text);
        let got = event_with_trigger(&doc, trigger).map(|e| {
            let who = e
                .agent
                .as_deref()
                .map(|a| actor_by_id(&doc, a).name.clone());
            (e.kind, who.unwrap_or_default())
        });
        m.eq(
            text,
            trigger,
            got,
            want.map(|(kind, who)| (kind, who.to_string())),
        );
    }
    m.assert_none();
}

// ---------------------------------------------------------------------------------------
// 13. calls and meetings that did not take place, and talks that are a call told again

/// (text, the meeting or call word, whether it is an event).
const HELD_OR_NOT: &[(&str, &str, bool)] = &[
    // a cancelling verb governs its object across a VSO subject
    (
        "كما ألغى وزير الخارجية الأمريكي ونظيره الروسي اجتماعا كان مقررا بينهما.",
        "اجتماعا",
        false,
    ),
    ("الرئيس يؤجل قمة الرياض إلى أجل غير مسمى", "قمة", false),
    // … but only the first event word after it
    (
        "وعقد الرئيس اجتماعا مع وزير الدفاع بعد أن ألغى زيارته إلى باريس.",
        "اجتماعا",
        true,
    ),
    (
        "وعقد الرئيس اجتماعا مع وزير الدفاع بعد أن ألغى زيارته إلى باريس.",
        "زيارته",
        false,
    ),
    // a generic quantifier, a refusal to hold, a wish not to
    (
        "وأكد الكرملين أنه لم يتم الاتفاق على موعد لأي قمة بين الرئيسين.",
        "قمة",
        false,
    ),
    (
        "وقال الوزير إنه يرفض عقد «اجتماع بلا جدوى».",
        "اجتماع",
        false,
    ),
    ("وقال الوزير: لا أريد اجتماعا فارغا.", "اجتماعا", false),
    // a refusal of something else is no refusal to meet
    (
        "ورفض الرئيس الاتهامات خلال لقائه مع الصحفيين أمس.",
        "لقائه",
        true,
    ),
];

#[test]
fn a_cancelled_postponed_or_generic_meeting_is_no_event() {
    let mut m = Mismatches::default();
    for &(text, trigger, held) in HELD_OR_NOT {
        let doc = extract(text);
        m.eq(
            text,
            trigger,
            event_with_trigger(&doc, trigger).is_some(),
            held,
        );
    }
    m.assert_none();
}

#[test]
fn a_meeting_postponed_to_a_new_date_is_held_on_that_date() {
    let doc = extract("وأرجأ المنظمون القمة إلى الخميس المقبل.");
    let summit = event_with_trigger(&doc, "القمة").expect("the summit is an event");
    assert_eq!(summit.kind, EventKind::Meeting);
    assert_eq!(summit.time.value.as_deref(), Some("2021-04-15"));
}

#[test]
fn the_talk_after_a_call_is_the_call_told_again() {
    let text = "أجرى الرئيس الجزائري عبد المجيد تبون اتصالا هاتفيا مع نظيره المصري عبد الفتاح السيسي. \
                وأكد تبون خلال المحادثة دعم بلاده لمصر.";
    let doc = extract(text);
    let call = doc
        .events
        .iter()
        .find(|e| e.kind == EventKind::Call)
        .expect("the call");
    let talk = event_with_trigger(&doc, "المحادثة").expect("the talk is a mention");
    assert_eq!(talk.kind, EventKind::Call, "{talk:?}");
    assert!(
        has_relation(&doc, &talk.id, &call.id, "SAME_AS"),
        "{:?}",
        doc.relations
    );
    // a meeting since then: the talk is that meeting's
    let text = "اتصل الرئيس بنظيره الفرنسي أمس. والتقى الرئيس اليوم وزير الخارجية، وتناولت المحادثات العلاقات الثنائية.";
    let doc = extract(text);
    if let Some(talk) = event_with_trigger(&doc, "المحادثات") {
        assert_ne!(talk.kind, EventKind::Call, "{talk:?}");
    }
}

/// (text, a word that looks like a speech verb, what it is).
const NOT_SPEECH_HERE: &[(&str, &str, KindAndAgent)] = &[
    // a finite verb never follows a preposition
    ("وحث الرئيس مواطنيه على تذكر التضحيات.", "تذكر", None),
    (
        "وحث الرئيس مواطنيه على تذكر التضحيات.",
        "حث",
        Some((EventKind::Appeal, "")),
    ),
    // عدم negates the masdar after it
    (
        "وأوضح المصدر، الذي طلب عدم كشف هويته، أن الوفد سيصل غدا.",
        "كشف",
        None,
    ),
    // a hedged act is only possible
    (
        "وسيلتقي الضيف أعضاء في الكونغرس، وربما يلقي كلمة أمامهم.",
        "يلقي كلمة",
        None,
    ),
    (
        "وسيلتقي الضيف أعضاء في الكونغرس، ويلقي كلمة أمامهم.",
        "يلقي كلمة",
        Some((EventKind::Statement, "")),
    ),
    // a byline
    (
        "كتب: أحمد علي\nأعلن وزير الصحة اليوم أن المستشفى افتتح.",
        "كتب",
        None,
    ),
    (
        "كتب: أحمد علي\nأعلن وزير الصحة اليوم أن المستشفى افتتح.",
        "أعلن",
        Some((EventKind::Statement, "")),
    ),
];

#[test]
fn a_word_that_looks_like_a_speech_verb_is_none_after_a_preposition_negation_or_in_a_byline() {
    let mut m = Mismatches::default();
    for &(text, trigger, want) in NOT_SPEECH_HERE {
        let doc = extract(text);
        let got = event_with_trigger(&doc, trigger).map(|e| e.kind);
        m.eq(text, trigger, got, want.map(|(kind, _)| kind));
    }
    m.assert_none();
}

#[test]
fn a_participle_after_a_document_reporting_a_person_goes_on_with_the_person() {
    let text = "وأوضح بيان الرئاسة التركية أن الرئيس التركي رجب طيب أردوغان أكد لبوتين ضرورة وقف الحرب، مضيفا أن تركيا ستواصل جهودها.";
    let doc = extract(text);
    let adding = event_with_trigger(&doc, "مضيفا").expect("the participle is a statement");
    assert_eq!(
        adding
            .agent
            .as_deref()
            .map(|a| actor_by_id(&doc, a).name.as_str()),
        Some("رجب طيب أردوغان"),
        "{adding:?}"
    );
    // a person reporting another goes on himself
    let text = "وقال الرئيس الأمريكي جو بايدن إن الرئيس الروسي فلاديمير بوتين أكد استعداده للحوار، مضيفا أن الاتصال كان بناء.";
    let doc = extract(text);
    let adding = event_with_trigger(&doc, "مضيفا").expect("the participle is a statement");
    assert_eq!(
        adding
            .agent
            .as_deref()
            .map(|a| actor_by_id(&doc, a).name.as_str()),
        Some("جو بايدن"),
        "{adding:?}"
    );
}

#[test]
fn a_journalist_named_after_his_title_is_the_speaker() {
    let doc = extract("أفاد الصحفي سامر الحلبي، عبر قناة محلية، بأن الوفد سيصل غدا.");
    let said = event_with_trigger(&doc, "أفاد").expect("a statement");
    assert_eq!(
        said.agent
            .as_deref()
            .map(|a| actor_by_id(&doc, a).name.as_str()),
        Some("سامر الحلبي"),
        "{:?}",
        doc.actors
    );
}

#[test]
fn a_proposal_to_meet_is_the_statement_that_proposes_and_a_proposal_noun_no_event() {
    let doc = extract("واقترح الرئيس الفرنسي إيمانويل ماكرون عقد قمة رباعية الشهر المقبل.");
    assert!(
        events_of(&doc, EventKind::Meeting).is_empty(),
        "{:?}",
        doc.events
    );
    let proposed = event_with_trigger(&doc, "اقترح").expect("the proposal");
    assert_eq!(proposed.kind, EventKind::Statement);
    assert_eq!(proposed.cameo, "036");
    assert_eq!(agent(&doc, proposed).as_deref(), Some("emmanuel_macron"));
    let doc = extract("واستمع الرئيس إلى ملاحظات الحزب ومقترحاته بشأن الوباء أمس.");
    assert!(
        doc.events.iter().all(|e| e.cameo != "036"),
        "{:?}",
        doc.events
    );
}

#[test]
fn an_occurrence_and_the_verb_telling_when_it_starts_are_one_event_on_the_start_date() {
    let doc =
        extract("حدد مجلس الوزراء الخميس عطلة عيد الفطر على أن تنطلق من الأحد 18 أبريل الجاري.");
    assert!(
        event_with_trigger(&doc, "تنطلق").is_none(),
        "{:?}",
        doc.events
    );
    let holiday = event_with_trigger(&doc, "عطلة").expect("the holiday");
    assert_eq!(
        holiday.time.value.as_deref(),
        Some("2021-04-18"),
        "{holiday:?}"
    );
    // a start verb with no occurrence noun before it stays an event of its own
    let doc = extract("وانطلقت الأحد 18 أبريل الجاري أعمال القمة العربية.");
    let start = event_with_trigger(&doc, "انطلقت").expect("the start is an event");
    assert_eq!(start.time.value.as_deref(), Some("2021-04-18"), "{start:?}");
}

/// The name of the agent of the first event with this trigger.
fn agent_name(doc: &Document, trigger: &str) -> Option<String> {
    let e = event_with_trigger(doc, trigger)?;
    e.agent.as_deref().map(|a| actor_by_id(doc, a).name.clone())
}

/// Runs a table of (text, trigger, agent name) and lists every mismatch.
fn check_agents(cases: &[(&str, &str, Option<&str>)]) {
    let mut wrong = Vec::new();
    for &(text, trigger, want) in cases {
        let doc = extract(text);
        let got = agent_name(&doc, trigger);
        if got.as_deref() != want {
            wrong.push(format!("{text}\n  {trigger}: got {got:?}, want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_one_actor_after_an_appeal_or_a_visit_is_its_subject_when_the_object_follows() {
    // (text, trigger, agent): a speaker before, then a verb with its subject and object
    let cases = [
        (
            "وقال وزير الخارجية الروسي سيرغي لافروف إن الحوار مستمر. وفي وقت لاحق، دعت الأمم المتحدة جميع الأطراف إلى ضبط النفس.",
            "دعت",
            Some("الأمم المتحدة"),
        ),
        (
            "وقال وزير الخارجية الروسي سيرغي لافروف إن الحوار مستمر. ومن المقرر أن يزور الرئيس الفرنسي إيمانويل ماكرون العاصمة غدا.",
            "يزور",
            Some("إيمانويل ماكرون"),
        ),
        // no object after the actor: the actor is the addressee, the speaker goes on
        (
            "وقال وزير الخارجية الروسي سيرغي لافروف إن الحوار مستمر. كما دعا أوكرانيا إلى الحوار.",
            "دعا",
            Some("سيرغي لافروف"),
        ),
        // a time after the actor is no object
        (
            "وقال وزير الخارجية الروسي سيرغي لافروف إن الحوار مستمر، وزار الصين الأسبوع الماضي.",
            "زار",
            Some("سيرغي لافروف"),
        ),
    ];
    check_agents(&cases);
}

#[test]
fn a_dropped_subject_agrees_with_its_verb_in_gender() {
    // (text, trigger, agent)
    let cases = [
        // a feminine verb does not go on with a man
        (
            "وقال رئيس الحكومة نواف سلام إن لبنان ملتزم بالقرار. وأوضحت مصادر وزارية أن الجلسة ستعقد غدا.",
            "أوضحت",
            None,
        ),
        // it goes on with the last woman who spoke
        (
            "قالت وزيرة الخارجية الألمانية أنالينا بيربوك إن الحل سياسي. وقال نظيرها الفرنسي جان نويل بارو إن الحوار ضروري. وأضافت أن برلين ستواصل جهودها.",
            "أضافت",
            Some("أنالينا بيربوك"),
        ),
        // an object pronoun on the verb: حثتهم is feminine
        (
            "بعثت رئيسة مجلس النواب نانسي بيلوسي برسالة إلى النواب. وقال زعيم الأغلبية إن الجلسة مهمة. كما حثتهم على الحضور.",
            "حثتهم",
            Some("نانسي بيلوسي"),
        ),
        // a masculine verb goes on with a man as before
        (
            "وقال رئيس الحكومة نواف سلام إن لبنان ملتزم بالقرار. وأضاف أن الجيش سينتشر في الجنوب.",
            "أضاف",
            Some("نواف سلام"),
        ),
        // a feminine verb with an actor after it that does not agree with the last speaker:
        // the actor is the subject
        (
            "وقال رئيس الحكومة نواف سلام إن لبنان ملتزم بالقرار. كما دعت فرنسا إلى وقف إطلاق النار.",
            "دعت",
            Some("فرنسا"),
        ),
    ];
    check_agents(&cases);
}

#[test]
fn an_unnamed_speaker_after_the_verb_is_its_subject_and_no_one_named_goes_on() {
    // (text, trigger, agent)
    let cases = [
        (
            "وقال الرئيس الأمريكي جو بايدن إن الحوار مستمر. وأكد مسؤول أمريكي أن الوفد سيصل غدا.",
            "أكد",
            None,
        ),
        (
            "وقال الرئيس الأمريكي جو بايدن إن الحوار مستمر. وقالت، أمس، مصادر دبلوماسية إن الاجتماع تأجل.",
            "قالت",
            None,
        ),
        // «المصدر ذاته» refers back to the ministry, whatever the verb's gender
        (
            "وأفادت وزارة الخارجية الروسية في بيان بأن المحادثات مستمرة. وأضاف المصدر ذاته أن الجولة المقبلة قريبة.",
            "أضاف",
            Some("وزارة الخارجية الروسية"),
        ),
        // a title with its holder's name is a named speaker
        (
            "وقال المتحدث باسم الكرملين دميتري بيسكوف إن الاتصال بناء.",
            "قال",
            Some("دميتري بيسكوف"),
        ),
    ];
    check_agents(&cases);
}

#[test]
fn the_one_received_or_called_on_after_the_subject_and_a_time_is_a_participant() {
    // (text, trigger, participant)
    let cases = [
        (
            "استقبل الرئيس المصري عبد الفتاح السيسي، اليوم الثلاثاء، رئيس وزراء اليونان كيرياكوس ميتسوتاكيس بقصر الاتحادية.",
            "استقبل",
            "كيرياكوس ميتسوتاكيس",
        ),
        (
            "استقبل الرئيس المصري عبد الفتاح السيسي، اليوم، العاهل الأردني الملك عبد الله الثاني.",
            "استقبل",
            "عبد الله الثاني",
        ),
        (
            "استقبل الرئيس المصري عبد الفتاح السيسي العاهل الأردني الملك عبد الله الثاني.",
            "استقبل",
            "عبد الله الثاني",
        ),
        // a meeting noun of the two of them: both people named before it
        (
            "بحث وزير الخارجية أسعد الشيباني مع نظيره التركي هاكان فيدان خلال لقائهما اليوم في أنقرة سبل التعاون.",
            "لقائهما",
            "هاكان فيدان",
        ),
        // the host's offices after his name are his; the one received comes after them
        (
            "استقبل الشيخ عبدالله بن زايد آل نهيان نائب رئيس مجلس الوزراء وزير الخارجية، في أبوظبي اليوم، وزير خارجية مصر بدر عبد العاطي.",
            "استقبل",
            "بدر عبد العاطي",
        ),
        (
            "استقبل الأمير محمد بن سلمان ولي العهد رئيس مجلس الوزراء، في جدة أمس، وزير الخارجية الفرنسي جان نويل بارو.",
            "استقبل",
            "جان نويل بارو",
        ),
    ];
    let mut wrong = Vec::new();
    for (text, trigger, want) in cases {
        let doc = extract(text);
        let got: Vec<String> = event_with_trigger(&doc, trigger)
            .map(|e| {
                e.participants
                    .iter()
                    .map(|p| actor_by_id(&doc, p).name.clone())
                    .collect()
            })
            .unwrap_or_default();
        if !got.iter().any(|g| g == want) {
            wrong.push(format!("{text}\n  {trigger}: got {got:?}, want {want}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn an_invitation_past_its_addressee_and_a_time_is_one_appeal_to_meet() {
    for text in [
        "دعا الرئيس الأمريكي جو بايدن نظيره الروسي فلاديمير بوتين إلى قمة.",
        "دعا الرئيس الأمريكي جو بايدن، الثلاثاء، نظيره الروسي فلاديمير بوتين إلى قمة.",
    ] {
        let doc = extract(text);
        assert_eq!(doc.events.len(), 1, "{text}: {:?}", doc.events);
        let e = &doc.events[0];
        assert_eq!(
            (e.kind, e.cameo.as_str(), e.trigger.text.as_str()),
            (EventKind::Appeal, "036", "دعا"),
            "{text}"
        );
        assert_eq!(
            agent_name(&doc, "دعا").as_deref(),
            Some("جو بايدن"),
            "{text}"
        );
        assert_eq!(
            participants(&doc, e),
            vec!["vladimir_putin".to_string()],
            "{text}"
        );
    }
}

#[test]
fn a_session_of_a_council_is_a_meeting_on_its_date() {
    let doc = extract("يعقد مجلس الوزراء جلسته الأسبوعية بعد ظهر الخميس المقبل في القصر الحكومي.");
    let e = event_with_trigger(&doc, "جلسته").expect("the session is a meeting");
    assert_eq!(e.kind, EventKind::Meeting);
    assert_eq!(e.time.value.as_deref(), Some("2021-04-15TAF"));
    assert_eq!(agent_name(&doc, "جلسته").as_deref(), Some("مجلس الوزراء"));
}

#[test]
fn the_one_who_receives_a_call_unnamed_is_the_one_the_story_is_about() {
    // (text, call trigger, caller, receiver)
    let cases = [
        (
            "استقبل الأمير محمد بن سلمان، في جدة أمس، وزير الخارجية الفرنسي جان نويل بارو.\nكما تلقى سموه اتصالا هاتفيا من رئيس الوزراء البريطاني كير ستارمر.",
            "اتصالا هاتفيا",
            "كير ستارمر",
            "محمد بن سلمان",
        ),
        (
            "استقبل الرئيس عبد المجيد تبون، اليوم، سفير فرنسا.\nكما تلقى اتصالا هاتفيا من الرئيس الفرنسي إيمانويل ماكرون.",
            "تلقى اتصالا",
            "إيمانويل ماكرون",
            "عبد المجيد تبون",
        ),
        // after a received call, the receiver goes on, not the caller
        (
            "تلقى الرئيس عبد المجيد تبون اتصالا هاتفيا من رئيس الوزراء البريطاني كير ستارمر.\nوتلقى فخامته مكالمة هاتفية من الرئيس الفرنسي إيمانويل ماكرون.",
            "مكالمة هاتفية",
            "إيمانويل ماكرون",
            "عبد المجيد تبون",
        ),
    ];
    let mut wrong = Vec::new();
    for (text, trigger, caller, receiver) in cases {
        let doc = extract(text);
        let got = event_with_trigger(&doc, trigger).map(|e| {
            let name = |id: &str| actor_by_id(&doc, id).name.clone();
            (
                e.agent.as_deref().map(name),
                e.participants.iter().map(|p| name(p)).collect::<Vec<_>>(),
            )
        });
        let ok = got.as_ref().is_some_and(|(agent, parts)| {
            agent.as_deref() == Some(caller) && parts.iter().any(|p| p == receiver)
        });
        if !ok {
            wrong.push(format!(
                "{text}\n  {trigger}: got {got:?}, want {caller} → {receiver}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // a statement after كما keeps its own speaker rules: no one named, no one goes on
    let doc = extract("وكان الوزير أحمد علي قد زار تونس.\nكما أضاف أن الوضع صعب.");
    let added = event_with_trigger(&doc, "أضاف").expect("أضاف");
    assert_eq!(added.agent, None);
}

#[test]
fn to_look_into_is_no_speech_act_but_to_inform_is() {
    for text in [
        "وأكد المتحدث أن المجلس اطلع على التقرير.",
        "واطلع الرئيس عبد المجيد تبون على سير المشروع.",
        "واطلع مجلس الوزراء على فحوى الرسالة.",
    ] {
        let doc = extract(text);
        assert!(
            event_with_trigger(&doc, "اطلع").is_none(),
            "{text}: {:?}",
            doc.events
        );
    }
    let doc = extract("كما أطلع وزير الخارجية سامح شكري نظيره الروسي على التطورات.");
    let informed = event_with_trigger(&doc, "أطلع").expect("أطلع");
    assert_eq!(informed.kind, EventKind::Statement);
    assert_eq!(agent_name(&doc, "أطلع").as_deref(), Some("سامح شكري"));
}

#[test]
fn a_strike_after_fi_takes_the_date_before_it_when_no_act_of_a_verb_does() {
    let doc =
        extract("قتل ثلاثة مدنيين، فجر اليوم، في غارة جوية استهدفت منزلا.\nوأدانت الحكومة الهجوم.");
    let strike = event_with_trigger(&doc, "غارة").expect("غارة");
    assert_eq!(
        (strike.time.value.as_deref(), strike.time.how),
        (Some("2021-04-13TMO"), TimeHow::Explicit)
    );
    // a verb that is an act of its own takes the date; the noun after في is background
    let doc =
        extract("أعلن الجيش، فجر اليوم، في بيان مقتل قائد في غارة سابقة.\nوأدانت الحكومة الهجوم.");
    assert!(
        event_with_trigger(&doc, "غارة").is_none_or(|e| e.time.how != TimeHow::Explicit),
        "{:?}",
        doc.events
    );
}

#[test]
fn a_definite_call_noun_takes_no_owner_in_construct() {
    let doc = extract(
        "أجرى الرئيس عبد المجيد تبون مكالمة هاتفية مع الرئيس الفلسطيني محمود عباس.\nوجدد تبون خلال المكالمة موقف الجزائر الثابت.",
    );
    assert!(
        event_with_trigger(&doc, "المكالمة").is_some(),
        "{:?}",
        doc.events
    );
    assert_ne!(
        agent_name(&doc, "المكالمة").as_deref(),
        Some("الجزائر"),
        "{:?}",
        doc.events
    );
}

#[test]
fn the_speaker_named_between_commas_after_a_title_is_the_agent() {
    // (text, trigger, agent): «TITLE، NAME، VERB» and «VERB TITLE، NAME، أن»
    let cases = [
        (
            "وأكد وزير الخارجية الأمريكي، أنتوني بلينكن، أن بلاده تدعم الحل.",
            "أكد",
            Some("أنتوني بلينكن"),
        ),
        (
            "وقال المتحدث باسم المجلس، سامر خليل، إن الجلسة تأجلت إلى الأحد.",
            "قال",
            Some("سامر خليل"),
        ),
        (
            "ذكر رئيس البرلمان اللبناني، نبيه بري، خلال استقباله الوفد، أن لبنان صامد.",
            "ذكر",
            Some("نبيه بري"),
        ),
        // a time between the commas: the title is the speaker
        (
            "وقال وزير الداخلية، مساء أمس، إن الشرطة اعتقلت ثلاثة أشخاص.",
            "قال",
            Some("وزير الداخلية"),
        ),
    ];
    check_agents(&cases);
}

/// The names of an event's participants.
fn participant_names(doc: &Document, e: &Event) -> Vec<String> {
    e.participants
        .iter()
        .map(|a| actor_by_id(doc, a).name.clone())
        .collect()
}

#[test]
fn official_news_agency_style_names_host_guest_and_caller() {
    // a form of address after the comma, the meeting place and a relative clause: the host
    // receives the guest, and the guest is the one who visits
    let doc = extract(
        "استقبل رئيس الجمهورية، السيد عبد المجيد تبون، اليوم الثلاثاء بمقر رئاسة الجمهورية، \
         وزير الخارجية الإيطالي، أنطونيو تاياني، الذي يقوم بزيارة رسمية إلى الجزائر.",
    );
    let met = event_with_trigger(&doc, "استقبل").expect("استقبل");
    assert_eq!(
        agent_name(&doc, "استقبل").as_deref(),
        Some("عبد المجيد تبون")
    );
    assert_eq!(participant_names(&doc, met), ["أنطونيو تاياني"]);
    assert_eq!(
        agent_name(&doc, "يقوم بزيارة").as_deref(),
        Some("أنطونيو تاياني")
    );
    // a prayer and a palace between the host and the guest; «سموه» is the host again, not
    // the guest of the relative clause
    let doc = extract(
        "استقبل الشيخ محمد بن زايد آل نهيان \"حفظه الله\" اليوم في قصر الشاطئ الرئيس الكوري \
         الجنوبي يون سوك يول الذي يزور البلاد. ورحب سموه بالرئيس الكوري.",
    );
    let met = event_with_trigger(&doc, "استقبل").expect("استقبل");
    assert_eq!(participant_names(&doc, met), ["يون سوك يول"]);
    assert_eq!(
        agent_name(&doc, "رحب").as_deref(),
        Some("محمد بن زايد آل نهيان")
    );
    // a long honorific and an epithet between تلقى and the call: the caller is after من
    let doc = extract(
        "تلقى حضرة صاحب السمو الشيخ تميم بن حمد آل ثاني أمير البلاد المفدى، اتصالا هاتفيا \
         اليوم من الرئيس رجب طيب أردوغان.",
    );
    assert_eq!(
        agent_name(&doc, "اتصالا هاتفيا").as_deref(),
        Some("رجب طيب أردوغان")
    );
    // «الملك محمد السادس» holds the title of its alias: «جلالة الملك» is the same man
    let doc = extract(
        "أجرى الملك محمد السادس اتصالا هاتفيا مع الرئيس الفرنسي. وخلال الاتصال، أكد جلالة \
         الملك متانة العلاقات.",
    );
    assert_eq!(agent_name(&doc, "أكد").as_deref(), Some("محمد السادس"));
}

#[test]
fn calls_held_with_a_subject_between_and_places_that_are_no_party() {
    // «أجرى X اتصالا بـY»: the ambiguous «اتصالا» after a verb of holding is a call
    let doc = extract("وأجرى رئيس الحكومة نجيب ميقاتي اتصالا بوزير الخارجية الفرنسي جان نويل بارو.");
    let call = event_with_trigger(&doc, "اتصالا").expect("the call");
    assert_eq!(call.kind, EventKind::Call);
    assert_eq!(agent_name(&doc, "اتصالا").as_deref(), Some("نجيب ميقاتي"));
    assert_eq!(participant_names(&doc, call), ["جان نويل بارو"]);
    // without such a verb it is no event: «اتصالا وثيقا» is contact
    let doc = extract("تبقى الوزارة على اتصال وثيق بالسفارة.");
    assert!(event_with_trigger(&doc, "اتصال").is_none());
    // a region in a prepositional phrase is where, not who struck
    let doc = extract("قال الجيش الإسرائيلي إن طائراته قصفت مواقع في جنوب لبنان ليل الاثنين.");
    assert!(event_with_trigger(&doc, "قصفت").is_some());
    assert_ne!(agent_name(&doc, "قصفت").as_deref(), Some("لبنان"));
    // a title of one office does not fall back on that country's holder of another
    let doc = extract(
        "تلقى الرئيس المصري اتصالا من رئيس الوزراء البريطاني ريشي سوناك. وكان الرئيس قد \
         استقبل وزير الخارجية البريطاني الشهر الماضي.",
    );
    let met = event_with_trigger(&doc, "استقبل").expect("the meeting");
    assert_eq!(participant_names(&doc, met), ["وزير الخارجية البريطاني"]);
}

#[test]
fn the_one_before_with_calls_and_a_spokesman_of_his_names_himself() {
    // «بحث X مع نظيره Y، في اتصال هاتفي»: X called, Y took part
    let doc = extract(
        "وبحث وزير الخارجية العراقي فؤاد حسين مع نظيره الإيراني عباس عراقجي، في اتصال \
         هاتفي الأربعاء، التطورات الإقليمية.",
    );
    let call = event_with_trigger(&doc, "اتصال هاتفي").expect("the call");
    assert_eq!(
        agent_name(&doc, "اتصال هاتفي").as_deref(),
        Some("فؤاد حسين")
    );
    assert_eq!(participant_names(&doc, call), ["عباس عراقجي"]);
    // «المتحدث باسمه، ستيفان دوجاريك،»: the spokesman is named
    let doc = extract(
        "حذر الأمين العام للأمم المتحدة أنطونيو غوتيريش من الكارثة. وقال المتحدث باسمه، \
         ستيفان دوجاريك، للصحفيين إن الوضع خطير.",
    );
    assert_eq!(agent_name(&doc, "قال").as_deref(), Some("ستيفان دوجاريك"));
}
