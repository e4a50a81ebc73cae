//! Dating: each event's date by discourse, as a reader dates it. The rules, tried in
//! this order (each one's name is the `how` it reports):
//!
//! 1. `explicit` — a dated timex in the event's own clause (`clauses.rs`): the reported
//!    content of a statement is another clause, so in «قال الوزير أمس إن الاجتماع سيعقد
//!    الأحد المقبل» the statement is dated by أمس and the meeting by الأحد المقبل. A vague
//!    timex (مؤخرا، قبل أيام) dates only an event right beside it.
//! 2. `tied` — the date of the event it is bound to, recorded in `time_from`: a repeat
//!    mention of a dated event (and the first mention takes its repeat's explicit date);
//!    a statement made during a dated call or meeting (`وأكد خلال الاتصال`، `خلالها`); the
//!    continuation of a statement by the same speaker (`وأضاف`، `كما أشار`، `مضيفا`); a
//!    statement of a document dated in a relative clause (`جاء في التقرير الذي صدر
//!    الثلاثاء`); an event reported inside a dated statement's content.
//! 3. `dct` — news convention: an undated event of the story's current news took place
//!    on the story's day (its own stated today, else the DCT's day).
//! 4. `none` — background stays undated: a pluperfect or anteriority clause (`وكان … قد`,
//!    `سبق أن`) and its continuation, planned events with no date, negated acts.

use chrono::NaiveDate;

use crate::lexicon::Kind;
use crate::timex::{Timex, TimexType};

use super::clauses::Clauses;
use super::doc::*;
use super::{Event, EventKind, TimeHow};

/// How near (in tokens) a vague timex must stand to date an event.
const VAGUE_REACH: usize = 4;

/// How far after its trigger (in tokens) the relative clause that dates an event starts.
const RELATIVE_REACH: usize = 5;

/// How far (in events) a continuation or a "during" looks back for the event it is tied to.
const TIE_REACH: usize = 12;

/// Words in a clause that make what it says planned, not done.
const FUTURE_CUES: &[&str] = &[
    "سوف",
    "وسوف",
    "المقرر",
    "المرتقب",
    "المزمع",
    "المنتظر",
    "المتوقع",
    "يعتزم",
    "تعتزم",
    "ينوي",
    "تنوي",
    "ينتظر",
    "يرتقب",
    "يتوقع",
];

/// How many words before a complement clause a future cue governs it: «ومن المرتقب أن
/// يجتمع»، «يُنتظر أن يلتقي».
const FUTURE_CUE_REACH: usize = 3;

/// Words that put an event during another: `خلال الاتصال`، `خلالها`، `أثناء اللقاء`.
fn during(word: &str) -> bool {
    let w = word.trim_start_matches('و');
    w.starts_with("خلال") || w.starts_with("اثناء")
}

/// Whether a timex can date an event: a date or time with an interval.
fn dated(t: &Timex) -> bool {
    matches!(t.kind, TimexType::Date | TimexType::Time) && t.interval.is_some()
}

/// Whether a timex is vague (PAST_REF, PRESENT_REF, FUTURE_REF).
fn vague(t: &Timex) -> bool {
    t.value.ends_with("_REF")
}

/// Dates every event (rules above). `today` is the story's day for rule 3.
pub(crate) fn date_events(
    doc: &Doc<'_, '_>,
    clauses: &Clauses,
    events: &mut [Event],
    today: Option<NaiveDate>,
) {
    let tokens = doc.lexed.tokens;
    // the token holding a byte (a trigger after و starts inside its token: وكتب), or the
    // token after it for a byte at a token's end
    let token_of = |byte: usize| tokens.partition_point(|t| t.end <= byte);
    // rule 1, for every event first: a repeat's explicit date also dates its first mention
    for e in events.iter_mut() {
        if let Some(k) = explicit(doc, clauses, e, &token_of) {
            e.time = Some(k);
            e.how = TimeHow::Explicit;
        }
    }
    for n in 0..events.len() {
        if let Some(p) = events[n].same_as
            && events[n].how == TimeHow::Explicit
            && events[p].how != TimeHow::Explicit
        {
            events[p].time = events[n].time;
            events[p].how = TimeHow::Tied;
            events[p].time_from = Some(n);
        }
    }
    // rules 2–4 in text order, so that an event is tied to one already dated
    let mut is_planned = vec![false; events.len()];
    for n in 0..events.len() {
        // (only an undated event needs it: a dated one is dated, and a plan goes on
        // planned only from an undated one)
        if events[n].how != TimeHow::None {
            continue;
        }
        let t = token_of(events[n].trigger.0);
        is_planned[n] =
            planned(doc, clauses, &events[n], t) || goes_on_planned(doc, events, &is_planned, n, t);
        let clause = clauses.get(events[n].clause).copied();
        // its own relative clause first: a repeat told with its date (المؤتمر الذي
        // تنظمه فرنسا في الخامس من آذار) is dated by it; a post, by the stamp of the
        // embedded post after it
        if let Some(k) =
            document_date(doc, clauses, &events[n], t).or_else(|| embed_stamp(doc, &events[n], t))
        {
            events[n].time = Some(k);
            events[n].how = TimeHow::Tied;
            continue;
        }
        if let Some(p) = tie(doc, clauses, events, (n, t), is_planned[n]) {
            events[n].how = events[p].how;
            if events[p].how != TimeHow::None {
                events[n].how = TimeHow::Tied;
            }
            events[n].time = events[p].time;
            events[n].news_day = events[p].news_day;
            events[n].time_from = Some(p);
            continue;
        }
        let background = clause.is_some_and(|c| c.background);
        if background || is_planned[n] || events[n].negated {
            continue;
        }
        if let Some(day) = today {
            events[n].news_day = Some(day);
            events[n].how = TimeHow::Dct;
        }
    }
}

/// Rule 1: the dated timex of the event's clause nearest its trigger (the earlier on a
/// tie); a vague one only beside the trigger.
fn explicit(
    doc: &Doc<'_, '_>,
    clauses: &Clauses,
    e: &Event,
    token_of: &impl Fn(usize) -> usize,
) -> Option<usize> {
    let clause = clauses.get(e.clause)?;
    let tokens = doc.lexed.tokens;
    let lo = tokens.get(clause.start)?.start;
    let hi = tokens
        .get(clause.end.saturating_sub(1))
        .map_or(lo, |t| t.end);
    let hi = e.content.map_or(hi, |(c, _)| hi.min(c));
    let first = doc.timex_spans.partition_point(|s| s.0 < lo);
    let last = doc.timex_spans.partition_point(|s| s.0 < hi);
    let trigger = token_of(e.trigger.0);
    let trigger_end = token_of(e.trigger.1);
    let distance = |k: usize| {
        let (s, x) = doc.timex_spans[k];
        let (a, b) = (token_of(s), token_of(x));
        if b <= trigger {
            trigger - b
        } else {
            a.saturating_sub(trigger_end)
        }
    };
    let governing = (e.occurrence && !e.verb && trigger > 0)
        .then(|| doc.word(trigger - 1))
        .flatten()
        .map(|w| w.trim_start_matches('و'))
        .filter(|w| GOVERNING.contains(w));
    // «قتل ثلاثة مدنيين، فجر الأحد، في غارة»: after في, with no act of a verb before it in
    // the clause, the date before the noun is the noun's own
    let governed = governing
        .is_some_and(|w| w != "في" || (clause.start..trigger).any(|x| finite_verb(doc, x)));
    (first..last)
        .filter(|&k| dated(&doc.timexes[k]))
        .filter(|&k| !topic(doc, token_of(doc.timex_spans[k].0)))
        // (the date a span after منذ starts from dates the event named inside the span:
        // «منذ اندلاع الحرب عام 2011»)
        .filter(|&k| {
            let at = token_of(doc.timex_spans[k].0);
            since_opener(doc, k, at).is_none_or(|since| since < trigger && trigger < at)
        })
        // (an occurrence noun after a preposition is dated by a date after it: «منذ اعتلائه
        // العرش في 11 يناير»; one before dates the clause's verb: «أطلقت إيران الثلاثاء
        // صواريخ ردا على اغتيال …», while the object of the verb shares it: «نعى الديوان
        // اليوم وفاة …»)
        .filter(|&k| !governed || doc.timex_spans[k].0 >= e.trigger.1)
        .filter(|&k| !vague(&doc.timexes[k]) || distance(k) <= VAGUE_REACH)
        .min_by_key(|&k| (distance(k), k))
}

/// Prepositions and adverbs of time or cause that govern an occurrence noun told as the
/// background of the clause's event (منذ انطلاق، ردا على اغتيال، إثر وفاة، في رحيل).
const GOVERNING: &[&str] = &[
    "منذ", "علي", "في", "اثر", "بعد", "عقب", "قبل", "لدي", "عند", "حتي", "خلال",
];

/// Nouns whose object a date is, not the time of the clause's event: a commemoration, a
/// holiday, a schedule (بمناسبة عيد الاستقلال، في ذكرى يوم الشهيد، مواعيد عطلة اليوم الوطني).
const TOPIC_HEADS: &[&str] = &[
    "ذكري",
    "الذكري",
    "عطله",
    "عطلات",
    "احتفال",
    "احتفالات",
    "احتفالا",
    "مناسبه",
    "تزامن",
    "مواعيد",
    "احياء",
];

/// Whether the timex starting at token `k` is the object of a topic noun a few words
/// before it in its phrase (ولتزامن عيد الاستقلال مع يوم الشباب، …).
fn topic(doc: &Doc<'_, '_>, k: usize) -> bool {
    let head = |w: &str| {
        let w = w.strip_prefix('و').unwrap_or(w);
        let bare = w.strip_prefix('ب').or_else(|| w.strip_prefix('ل'));
        TOPIC_HEADS.contains(&w) || bare.is_some_and(|b| TOPIC_HEADS.contains(&b))
    };
    (k.saturating_sub(TOPIC_REACH)..k)
        .rev()
        .take_while(|&x| doc.word(x).is_some())
        .any(|x| doc.word(x).is_some_and(head))
}

/// The منذ whose span timex `k`, at token `at`, starts (منذ 2011، منذ عام 2011): the event
/// of the clause is not at that date. «منذ 3 أيام» (ago) dates it.
fn since_opener(doc: &Doc<'_, '_>, k: usize, at: usize) -> Option<usize> {
    let (s, e) = doc.timex_spans[k];
    let year_digits = doc.lexed.text[s..e]
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() == 4);
    let since = |x: &usize| matches!(doc.word(*x), Some("منذ" | "ومنذ"));
    if at > 0 && year_digits && since(&(at - 1)) {
        return Some(at - 1);
    }
    // the date of the event a span starts from: «منذ اعتلائه العرش في 11 يناير 2020»،
    // «منذ تأسيس المجلس عام 1945» (words only between, no verb)
    (at.saturating_sub(SINCE_REACH)..at.saturating_sub(1))
        .rev()
        .take_while(|&x| doc.word(x).is_some() && !finite_verb(doc, x))
        .find(since)
}

/// How many words before a date a منذ may open the span it starts.
const SINCE_REACH: usize = 5;

/// How many words back a topic noun governs a date (ذكرى استقلال البلاد الـ63 …).
const TOPIC_REACH: usize = 5;

/// Drops the occurrences (arrivals, deaths, outbreaks…) that no timex of their own clause
/// dates: «منذ اندلاع الحرب عام 2011» is an event of 2011, an undated «وصل عدد الزوار إلى
/// مليون» is no event. What pointed at a dropped one (a repeat, a tie, a report) no longer
/// does.
pub(crate) fn drop_undated_occurrences(events: &mut Vec<Event>) {
    let gone: Vec<Option<Option<usize>>> = events
        .iter()
        .map(|e| (e.occurrence && e.how != TimeHow::Explicit).then_some(None))
        .collect();
    remove(events, &gone);
}

/// Removes the events whose `gone` is `Some(into)`; what pointed at one points at the
/// event `into` names (an index before the removal), else at nothing.
fn remove(events: &mut Vec<Event>, gone: &[Option<Option<usize>>]) {
    if gone.iter().all(Option::is_none) {
        return;
    }
    let mut index = Vec::with_capacity(events.len());
    let mut kept = 0;
    for g in gone {
        index.push(g.is_none().then_some(kept));
        kept += usize::from(g.is_none());
    }
    let target = |k: usize| match gone[k] {
        None => index[k],
        Some(into) => into.and_then(|i| index[i]),
    };
    let mut n = 0;
    events.retain(|_| {
        n += 1;
        gone[n - 1].is_none()
    });
    for e in events.iter_mut() {
        for slot in [&mut e.same_as, &mut e.time_from, &mut e.reported_by] {
            *slot = slot.and_then(target);
        }
    }
}

/// Verbs that tell when the occurrence named just before them starts or runs (folded):
/// «عطلة العيد تنطلق الأحد», «حدد المجلس عطلة العيد على أن تنطلق من الأحد».
const START_VERBS: &[&str] = &[
    "تنطلق",
    "ينطلق",
    "انطلقت",
    "انطلق",
    "تبدا",
    "يبدا",
    "بدات",
    "بدا",
    "تمتد",
    "يمتد",
];

/// How many tokens before its start verb the occurrence noun may stand.
const START_REACH: usize = 20;

/// An occurrence noun and the start verb right after it in its sentence are one event:
/// the noun, dated by the verb's clause when the verb's own date is explicit. The verb is
/// removed; what pointed at it points at the noun.
pub(crate) fn merge_start_verbs(doc: &Doc<'_, '_>, events: &mut Vec<Event>) {
    let mut gone = vec![None; events.len()];
    let token_of = |byte: usize| doc.lexed.tokens.partition_point(|t| t.start < byte);
    for n in 1..events.len() {
        let (before, rest) = events.split_at_mut(n);
        let (noun, verb) = (&mut before[n - 1], &rest[0]);
        let word = doc.lexed.text[verb.trigger.0..verb.trigger.1].trim_start_matches(['و', 'ف']);
        let starts = verb.occurrence
            && verb.verb
            && START_VERBS.contains(&word)
            && noun.occurrence
            && !noun.verb
            && noun.sentence == verb.sentence
            && token_of(verb.trigger.0) <= token_of(noun.trigger.1) + START_REACH;
        if !starts || gone[n - 1].is_some() {
            continue;
        }
        if verb.how == TimeHow::Explicit {
            noun.time = verb.time;
            noun.how = TimeHow::Explicit;
            noun.time_from = None;
        }
        gone[n] = Some(Some(n - 1));
    }
    remove(events, &gone);
}

/// Rule 2: the event this one is tied to, when there is one.
fn tie(
    doc: &Doc<'_, '_>,
    clauses: &Clauses,
    events: &[Event],
    (n, t): (usize, usize),
    is_planned: bool,
) -> Option<usize> {
    let e = &events[n];
    let from = n.saturating_sub(TIE_REACH);
    // a repeat mention: the first mention's date
    if let Some(p) = e.same_as {
        return Some(p);
    }
    // during a call or meeting: «وأكد الجانبان خلال الاتصال»، «التقى خلالها»
    let clause = clauses.get(e.clause)?;
    let near = t.saturating_sub(3).max(clause.start)..(t + 6).min(clause.end);
    if near.clone().any(|k| doc.word(k).is_some_and(during)) {
        let host = events[from..n]
            .iter()
            .rposition(|p| matches!(p.kind, EventKind::Call | EventKind::Meeting))
            .map(|k| k + from);
        if host.is_some() {
            return host;
        }
    }
    // the continuation of a statement by the same speaker
    if matches!(e.kind, EventKind::Statement | EventKind::Appeal)
        && (e.continued || participle(doc, t) || continuation_cue(doc, t))
        && e.agent.is_some()
    {
        // a participle goes on with its main verb, not with what that verb reports:
        // «وكتب X أنه تحدث … وأنه أكد له …، مشيرا إلى …» continues كتب
        let main = participle(doc, t)
            .then(|| {
                events[from..n].iter().rposition(|p| {
                    p.sentence == e.sentence
                        && p.agent == e.agent
                        && p.kind == EventKind::Statement
                        && p.reported_by.is_none()
                })
            })
            .flatten()
            .map(|k| k + from);
        if main.is_some() {
            return main;
        }
        // (the statement it goes on with may itself be reported: «ذكر البيت الأبيض أن بايدن
        // أكد … . كما أكد بايدن …»)
        let p = events[from..n]
            .iter()
            .rposition(|p| {
                p.agent == e.agent && matches!(p.kind, EventKind::Statement | EventKind::Appeal)
            })
            .map(|k| k + from);
        if p.is_some() {
            return p;
        }
    }
    // the same speaker again, right after their last statement: «ذكر البيت الأبيض … .
    // وقال البيت الأبيض …» goes on with what it said
    if e.kind == EventKind::Statement
        && e.agent.is_some()
        && e.reported_by.is_none()
        && let Some(p) = events[from..n]
            .iter()
            .rposition(|p| p.kind == EventKind::Statement && p.reported_by.is_none())
            .map(|k| k + from)
        && events[p].agent == e.agent
    {
        return Some(p);
    }
    let last_call = events[from..n]
        .iter()
        .rposition(|q| matches!(q.kind, EventKind::Call | EventKind::Meeting))
        .map(|k| k + from);
    // a party of the call or meeting just told, speaking right after it without a date
    // of its own: «… في اتصال هاتفي جرى أمس بينه وبين الوزير. وأكد الوزير أن …»
    // (not a post written after it: «وكتب زيلينسكي على تويتر أن المحادثة كانت إيجابية»)
    // (reported too when the call is told in the same report: «أفادت الرئاسة بأن المكالمة
    // جرت بطلب من موسكو، وأن بوتين أبلغ ترامب …»)
    if matches!(e.kind, EventKind::Statement | EventKind::Appeal)
        && let Some(a) = e.agent
        && !post_verb(doc, t)
        && let Some(p) = events[from..n]
            .iter()
            .rposition(|p| {
                matches!(p.kind, EventKind::Call | EventKind::Meeting)
                    && (p.agent == Some(a) || p.participants.contains(&a))
            })
            .map(|k| k + from)
        // the call is the news of the sentence before; a report may tell what each party
        // said at it a sentence further on («وأشار إلى أن بوتين أبدى اتفاقه معه …»)
        && e.sentence <= events[p].sentence + if e.reported_by.is_some() { 2 } else { 1 }
        && (last_call == Some(p) || e.reported_by.is_some())
        && events[p].how != TimeHow::None
        && !planned(doc, clauses, &events[p], t)
    {
        return Some(p);
    }
    // a plan told of a call or meeting just dated, one of its parties taking part: its
    // programme («القمة التي تجمع اليوم بوتين وترامب … . وأوضح بيسكوف أن الزعيمين
    // سيلتقيان أولا على انفراد»)
    if is_planned
        && matches!(e.kind, EventKind::Call | EventKind::Meeting)
        && let Some(p) = last_call
        && e.sentence <= events[p].sentence + 1
        && events[p].how != TimeHow::None
        && shares_a_party(&events[p], e)
    {
        return Some(p);
    }
    // reported inside a statement's content: the statement's date
    if let Some(r) = e.reported_by
        && !is_planned
    {
        return Some(r);
    }
    None
}

/// Whether two events have an actor in common, as agent or participant.
fn shares_a_party(a: &Event, b: &Event) -> bool {
    fn parties(e: &Event) -> impl Iterator<Item = usize> + '_ {
        e.agent.into_iter().chain(e.participants.iter().copied())
    }
    parties(a).any(|x| parties(b).any(|y| x == y))
}

/// A participle that reports speech (مؤكدا، مضيفة): it continues its main verb.
fn participle(doc: &Doc<'_, '_>, t: usize) -> bool {
    doc.lexed
        .at(t)
        .iter()
        .any(|l| l.entry.kind == Kind::Event && l.entry.extra.starts_with("participle"))
}

/// `وأضاف`, `كما أشار`, `وتابع`: a continuation cue before or at the trigger.
fn continuation_cue(doc: &Doc<'_, '_>, t: usize) -> bool {
    (t >= 1 && doc.cue(t - 1, "continuation").is_some())
        || (t >= 2 && doc.cue(t - 2, "continuation").is_some())
        || doc.lexed.at(t).iter().any(|l| {
            l.entry.kind == Kind::Event && l.conj && l.entry.value.starts_with("statement")
        }) && doc.word(t).is_some_and(|w| {
            let w = w.trim_start_matches('و');
            w.starts_with("اضاف") || w.starts_with("تابع") || w.starts_with("استطرد")
        })
}

/// A statement of a document dated in the relative clause right after it («وجاء في
/// التقرير الذي صدر الثلاثاء أن…»), or an event noun dated so («المؤتمر الخاص بلبنان
/// الذي تنظمه فرنسا في الخامس من آذار»).
fn document_date(doc: &Doc<'_, '_>, clauses: &Clauses, e: &Event, t: usize) -> Option<usize> {
    if e.kind != EventKind::Statement && e.verb {
        return None;
    }
    let next = clauses.get(e.clause + 1)?;
    if next.kind != super::clauses::ClauseKind::Relative || next.start > t + RELATIVE_REACH {
        return None;
    }
    let tokens = doc.lexed.tokens;
    let lo = tokens.get(next.start)?.start;
    let hi = tokens.get(next.end.saturating_sub(1))?.end;
    let first = doc.timex_spans.partition_point(|s| s.0 < lo);
    let last = doc.timex_spans.partition_point(|s| s.0 < hi);
    (first..last).find(|&k| dated(&doc.timexes[k]) && !vague(&doc.timexes[k]))
}

/// A post (كتب، نشر، غرد) followed by the embedded post itself, whose signature line
/// names the account and the day: «— الديوان الأميري (@AmiriDiwan) December 17, 2022».
/// The stamp's date is the post's.
fn embed_stamp(doc: &Doc<'_, '_>, e: &Event, t: usize) -> Option<usize> {
    if e.kind != EventKind::Statement || !post_verb(doc, t) {
        return None;
    }
    let sentence = doc.sentences.get(e.sentence + 1)?;
    let line = doc.lexed.text.get(sentence.start..sentence.end)?;
    if !line.contains("(@") {
        return None;
    }
    let first = doc.timex_spans.partition_point(|s| s.0 < sentence.start);
    let last = doc.timex_spans.partition_point(|s| s.0 < sentence.end);
    (first..last)
        .rev()
        .find(|&k| dated(&doc.timexes[k]) && !vague(&doc.timexes[k]))
}

/// A verb of posting: كتب، نشر، غرد، دون.
fn post_verb(doc: &Doc<'_, '_>, t: usize) -> bool {
    doc.word(t).is_some_and(|w| {
        let w = w.trim_start_matches('و');
        ["كتب", "نشر", "غرد", "دون"]
            .iter()
            .any(|v| w.starts_with(v))
    })
}

/// A planned event: a future verb trigger (سيزور), a future cue in its clause, or one
/// right before the complement clause that holds it (من المرتقب أن يجتمع).
fn planned(doc: &Doc<'_, '_>, clauses: &Clauses, e: &Event, t: usize) -> bool {
    if future_verb(doc, t) {
        return true;
    }
    let Some(clause) = clauses.get(e.clause) else {
        return false;
    };
    let cue = |k: usize| doc.word(k).is_some_and(|w| FUTURE_CUES.contains(&w));
    (clause.start..clause.end.min(clause.start + MAX_REACH)).any(cue)
        || clause.kind == super::clauses::ClauseKind::Complement
            && (clause.start.saturating_sub(FUTURE_CUE_REACH)..clause.start).any(cue)
}

/// An imperfective verb (يلتقي، تعقد) going on with an undated planned event of its sentence:
/// «من المرتقب أن يجتمع الوفد بالمسؤولين، كما يلتقي …» is planned too.
fn goes_on_planned(
    doc: &Doc<'_, '_>,
    events: &[Event],
    planned: &[bool],
    n: usize,
    t: usize,
) -> bool {
    let imperfective = doc.word(t).is_some_and(|w| {
        let w = w.trim_start_matches('و');
        w.starts_with('ي') || w.starts_with('ت')
    });
    events[n].verb
        && imperfective
        && (continuation_cue(doc, t)
            || events[n].continued
            || doc.lexed.at(t).iter().any(|l| l.conj))
        && n > 0
        && events[n - 1].sentence == events[n].sentence
        && planned[n - 1]
        // a dated plan goes on dated: «سيستقبله الأربعاء، على أن يجتمع الضيف …»
        && events[n - 1].how == TimeHow::None
}
