//! Events: statements, calls, appeals, meetings, publications and a few other
//! kinds news timelines need, each with its trigger, agent, participants,
//! content span and time.
//!
//! Triggers and cue words come from `data/lexicon/events.tsv` and
//! `data/lexicon/event_cues.tsv`. The speaker of a statement is found in VSO
//! order (`قال البيت الأبيض إن`), SVO order (`البيت الأبيض أكد`), or kept from the
//! previous statement when the subject is dropped (`كما أضاف أن`).

use serde::{Deserialize, Serialize};

use crate::actors::{ActorType, Actors, Mention};
use crate::lexicon::{Kind, Lexed, Lexeme};
use crate::text::{Sentence, TokenKind};
use crate::timex::{Timex, TimexType};

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// Said, announced, stressed… (CAMEO 01x).
    Statement,
    /// A phone or video call (CAMEO 040/041).
    Call,
    /// Called on someone to do something (CAMEO 02x).
    Appeal,
    /// A meeting, visit, talks, or the proposal of one (CAMEO 036, 04x).
    Meeting,
    /// A report or statement published (CAMEO 010).
    Publication,
    /// An accusation (CAMEO 112).
    Accusation,
    /// Sanctions (CAMEO 163).
    Sanction,
    /// A threat (CAMEO 13x).
    Threat,
    /// Support, criticism, agreement and other coded acts.
    Other,
}

impl EventKind {
    /// Every kind, in the order above.
    pub const ALL: [EventKind; 9] = [
        EventKind::Statement,
        EventKind::Call,
        EventKind::Appeal,
        EventKind::Meeting,
        EventKind::Publication,
        EventKind::Accusation,
        EventKind::Sanction,
        EventKind::Threat,
        EventKind::Other,
    ];
}

/// How an event got its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeHow {
    /// A temporal expression in the event's own clause.
    Explicit,
    /// A temporal expression elsewhere in the sentence.
    Sentence,
    /// The time of the event it continues or reports.
    Inherited,
    /// Unknown; never invented.
    None,
}

/// An event found in one document. Token and byte positions refer to the normalized text.
#[derive(Debug, Clone)]
pub struct Event {
    /// The kind.
    pub kind: EventKind,
    /// CAMEO code as a string ("041").
    pub cameo: String,
    /// Trigger byte span.
    pub trigger: (usize, usize),
    /// Index of the sentence.
    pub sentence: usize,
    /// The actor who acts (speaker, caller, initiator), as an index into the actors.
    pub agent: Option<usize>,
    /// Other actors taking part (the other party of a call, the addressee of an appeal).
    pub participants: Vec<usize>,
    /// The initiator of a call, when stated (بمبادرة من واشنطن).
    pub initiator: Option<usize>,
    /// Byte span of what was said or asked.
    pub content: Option<(usize, usize)>,
    /// Index of the timex giving the time, and how it was found.
    pub time: Option<usize>,
    /// How the time was found.
    pub how: TimeHow,
    /// Index of an earlier event this one repeats (same real-world event).
    pub same_as: Option<usize>,
    /// Index of the statement that reports this one.
    pub reported_by: Option<usize>,
    /// Whether the clause is negated (لم، لن).
    pub negated: bool,
    /// The agent came from the previous statement (pro-drop continuation).
    pub continued: bool,
    /// Said "in a statement" (في بيان): a later وقال البيان is this speaker.
    pub via_statement_noun: bool,
}

fn kind_of(name: &str) -> EventKind {
    match name {
        "statement" | "denial" => EventKind::Statement,
        "call" => EventKind::Call,
        "appeal" => EventKind::Appeal,
        "meeting" | "proposal" | "visit" => EventKind::Meeting,
        "publication" => EventKind::Publication,
        "accusation" => EventKind::Accusation,
        "sanction" => EventKind::Sanction,
        "threat" => EventKind::Threat,
        _ => EventKind::Other,
    }
}

/// A trigger found at a token.
#[derive(Debug, Clone, Copy)]
struct Trigger<'l> {
    lexeme: &'l Lexeme<'l>,
    token: usize,
    kind: EventKind,
    verb: bool,
}

struct Doc<'a, 'l> {
    lexed: &'a Lexed<'l>,
    actors: &'a Actors,
    sentences: &'a [Sentence],
    timexes: &'a [Timex],
    /// Byte spans of the timexes in the normalized text.
    timex_spans: &'a [(usize, usize)],
}

impl<'a, 'l> Doc<'a, 'l> {
    fn word(&self, i: usize) -> Option<&'l str> {
        let t = self.lexed.tokens.get(i)?;
        (t.kind == TokenKind::Word).then(|| &self.lexed.text[t.start..t.end])
    }

    fn punct(&self, i: usize, chars: &[char]) -> bool {
        self.lexed.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Punct && self.lexed.text[t.start..t.end].starts_with(chars)
        })
    }

    fn cue(&self, i: usize, role: &str) -> Option<&'a Lexeme<'l>> {
        self.lexed
            .at(i)
            .iter()
            .filter(|l| l.entry.kind == Kind::Cue && &*l.entry.value == role && l.prep.is_none())
            .max_by_key(|l| l.next)
    }

    fn sentence_of(&self, token: usize) -> usize {
        let start = self.lexed.tokens[token].start;
        self.sentences
            .partition_point(|s| s.end <= start)
            .min(self.sentences.len().saturating_sub(1))
    }

    /// Token range of a sentence.
    fn sentence_tokens(&self, s: usize) -> (usize, usize) {
        let Some(sent) = self.sentences.get(s) else {
            return (0, self.lexed.tokens.len());
        };
        let toks = self.lexed.tokens;
        (
            toks.partition_point(|t| t.start < sent.start),
            toks.partition_point(|t| t.start < sent.end),
        )
    }

    /// The actor mention starting at token i, if any.
    fn mention_at(&self, i: usize) -> Option<&'a Mention> {
        let k = self.actors.mentions.partition_point(|m| m.first_token < i);
        self.actors.mentions.get(k).filter(|m| m.first_token == i)
    }

    /// The actor mention covering token i, if any.
    fn mention_covering(&self, i: usize) -> Option<&'a Mention> {
        // mentions are sorted and do not overlap
        let k = self.actors.mentions.partition_point(|m| m.first_token <= i);
        k.checked_sub(1)
            .map(|k| &self.actors.mentions[k])
            .filter(|m| i < m.next_token)
    }

    /// The mention that ends right before token `i` (its next token is `i`), if any.
    fn mention_ending_at(&self, i: usize) -> Option<&'a Mention> {
        let k = self.actors.mentions.partition_point(|m| m.next_token < i);
        self.actors.mentions.get(k).filter(|m| m.next_token == i)
    }

    /// The mentions that lie inside tokens `[from, to)`.
    fn mentions_between(&self, from: usize, to: usize) -> &'a [Mention] {
        let a = self
            .actors
            .mentions
            .partition_point(|m| m.first_token < from);
        let b = self.actors.mentions.partition_point(|m| m.next_token <= to);
        &self.actors.mentions[a..b.max(a)]
    }

    /// The first actor mention in tokens `[from, to)` before any punctuation.
    fn first_mention(&self, from: usize, to: usize) -> Option<&'a Mention> {
        for k in from..to {
            if let Some(m) = self.mention_at(k) {
                return Some(m);
            }
            if self
                .lexed
                .tokens
                .get(k)
                .is_none_or(|t| t.kind == TokenKind::Punct)
            {
                return None;
            }
        }
        None
    }

    /// A clause boundary: a complementizer, a quote, a colon, a period-like stop.
    fn complementizer(&self, i: usize) -> Option<usize> {
        if let Some(l) = self.cue(i, "complementizer") {
            return Some(l.next);
        }
        if self.punct(i, &[':', '"']) {
            return Some(i + 1);
        }
        None
    }

    fn is_timex_token(&self, i: usize) -> bool {
        // timex spans are sorted and do not overlap
        let start = self.lexed.tokens[i].start;
        let k = self.timex_spans.partition_point(|(s, _)| *s <= start);
        k.checked_sub(1)
            .is_some_and(|k| start < self.timex_spans[k].1)
    }
}

/// A finite verb trigger with a glued و at token x: a coordinated main clause.
/// Whether token x is a future verb trigger (سيزور، وسيتصل).
fn future_verb(doc: &Doc<'_, '_>, x: usize) -> bool {
    doc.lexed
        .at(x)
        .iter()
        .any(|l| l.entry.kind == Kind::Event && l.entry.extra.starts_with("verb-future"))
}

fn coordinated_verb(doc: &Doc<'_, '_>, x: usize) -> bool {
    verb_at(doc, x, true)
}

/// The CAMEO code of a trigger entry (`statement:010` → `010`).
fn cameo_of(lexeme: &Lexeme<'_>) -> String {
    lexeme
        .entry
        .value
        .split_once(':')
        .map_or("010", |(_, code)| code)
        .to_string()
}

/// A verb trigger at token x.
fn finite_verb(doc: &Doc<'_, '_>, x: usize) -> bool {
    verb_at(doc, x, false)
}

fn verb_at(doc: &Doc<'_, '_>, x: usize, needs_conj: bool) -> bool {
    doc.lexed.at(x).iter().any(|l| {
        l.entry.kind == Kind::Event
            && (l.conj || !needs_conj)
            && l.entry.extra.starts_with("verb")
            && !l.article
    })
}

/// How far back (in events) a pronoun, a plural or a statement noun may refer; it keeps
/// the extraction linear on long documents.
const LOOKBACK: usize = 64;

/// How far (in tokens) a content or a clause may reach from where it starts: sentences
/// without punctuation can be as long as the document, and an unbounded content would
/// make both the work and the output quadratic (`«قال «قال «قال …`).
const MAX_REACH: usize = 256;

/// Prepositions that put an actor out of subject position.
const PREPOSITIONS: &[&str] = &[
    "في", "من", "الي", "علي", "عن", "مع", "بين", "حول", "ضد", "لدي", "عند", "بشان", "تجاه", "نحو",
    "بسبب", "عبر", "ازاء", "حيال", "دون", "ضمن", "مثل",
];

/// Nouns that stand for the last statement's speaker as a subject: وقال البيان.
const STATEMENT_SUBJECTS: &[&str] = &["البيان", "البلاغ", "التقرير", "الرساله", "التصريح"];

/// Verbs whose first object is the addressee: أبلغ نظيره، أخبر.
const TELL_VERBS: &[&str] = &[
    "ابلغ",
    "يبلغ",
    "تبلغ",
    "اخبر",
    "يخبر",
    "تخبر",
    "ابلغت",
    "اخبرت",
];

/// Finds the events of a document. `timex_spans` are the byte spans of `timexes` in
/// the normalized text.
pub fn extract(
    lexed: &Lexed<'_>,
    actors: &Actors,
    sentences: &[Sentence],
    timexes: &[Timex],
    timex_spans: &[(usize, usize)],
) -> Vec<Event> {
    let doc = Doc {
        lexed,
        actors,
        sentences,
        timexes,
        timex_spans,
    };
    let triggers = find_triggers(&doc);
    let mut events: Vec<Event> = Vec::new();
    let mut last_speaker: Option<usize> = None;
    let mut absorbed = vec![false; triggers.len()];
    for (n, trig) in triggers.iter().enumerate() {
        if absorbed[n] {
            continue;
        }
        let mut kind = trig.kind;
        let mut cameo = cameo_of(trig.lexeme);
        let mut end_token = trig.lexeme.next;
        // a verb followed by an event noun: أجرى اتصالا هاتفيا، اقترح عقد اجتماع، دعا إلى عقد قمة
        // (only verbs that take an event as object: أجرى، تلقى، اقترح، دعا، عقد، استضاف)
        if trig.verb && trig.kind != EventKind::Statement {
            for (m, other) in triggers.iter().enumerate().skip(n + 1) {
                let crosses_clause =
                    (trig.lexeme.next..other.token).any(|k| doc.complementizer(k).is_some());
                if other.token > trig.lexeme.next + 4
                    || other.verb
                    || crosses_clause
                    || doc.sentence_of(other.token) != doc.sentence_of(trig.token)
                {
                    break;
                }
                if matches!(other.kind, EventKind::Call | EventKind::Meeting) {
                    absorbed[m] = true;
                    kind = other.kind;
                    let proposes = trig.kind == EventKind::Appeal
                        || trig.lexeme.entry.value.starts_with("proposal");
                    cameo = if kind == EventKind::Meeting && proposes {
                        "036".into()
                    } else if trig.kind == EventKind::Meeting {
                        cameo_of(trig.lexeme)
                    } else {
                        cameo_of(other.lexeme)
                    };
                    // the trigger covers the noun too when nothing but particles lie between
                    if doc
                        .mentions_between(trig.lexeme.next, other.token)
                        .is_empty()
                    {
                        end_token = other.lexeme.next;
                    }
                    break;
                }
            }
        }
        // statement nouns (بيان، تصريح) are the medium of a statement, not an event
        if !trig.verb && kind == EventKind::Statement {
            continue;
        }
        // a verb of speech or discussion "by phone": تحدث ماكرون هاتفيا مع بوتين، بحث … هاتفيا
        if kind == EventKind::Statement
            && (end_token..(end_token + 4).min(lexed.tokens.len()))
                .take_while(|&k| doc.complementizer(k).is_none())
                .any(|k| {
                    doc.word(k)
                        .is_some_and(|w| w.trim_start_matches('و') == "هاتفيا")
                })
        {
            kind = EventKind::Call;
            cameo = "041".into();
        }
        let sentence = doc.sentence_of(trig.token);
        let (s_start, s_end) = doc.sentence_tokens(sentence);
        let trigger_start = trig.lexeme.start;
        let trigger_end = lexed.tokens[end_token - 1].end;
        let mut event = Event {
            kind,
            cameo,
            trigger: (trigger_start, trigger_end),
            sentence,
            agent: None,
            participants: Vec::new(),
            initiator: None,
            content: None,
            time: None,
            how: TimeHow::None,
            same_as: None,
            reported_by: None,
            negated: trig.token > s_start && doc.cue(trig.token - 1, "negation").is_some(),
            continued: false,
            via_statement_noun: false,
        };
        let continuation = (trig.token > s_start
            && doc.cue(trig.token - 1, "continuation").is_some())
            || (trig.token > s_start + 1 && doc.cue(trig.token - 2, "continuation").is_some());
        // the speaker of the same sentence, else the narrator of the last statement
        let conjoined = trig.lexeme.conj;
        let dropped_subject = |events: &[Event]| {
            let in_sentence = || {
                events
                    .iter()
                    .rev()
                    .take(LOOKBACK)
                    .take_while(|e| e.sentence == sentence)
            };
            // «… إن بايدن سيزور الأردن وسيتصل بالملك»: a verb joined by و to the one before
            // it in the sentence keeps that verb's subject
            let coordinated = in_sentence()
                .next()
                .filter(|e| conjoined && e.kind != EventKind::Statement)
                .and_then(|e| e.agent);
            coordinated
                .or_else(|| {
                    in_sentence()
                        .find(|e| e.agent.is_some() && e.kind == EventKind::Statement)
                        .and_then(|e| e.agent)
                })
                .or(last_speaker)
        };
        match subject(&doc, trig, trig.lexeme.next, s_start, s_end) {
            Subject::Actor(a) => event.agent = Some(a),
            Subject::Object(a) if continuation || dropped_subject(&events).is_some() => {
                // كما دعا روسيا إلى …: the subject is dropped, the actor is the addressee
                event.agent = dropped_subject(&events);
                event.continued = true;
                event.participants.push(a);
            }
            Subject::Object(a) => event.agent = Some(a),
            Subject::Plural => {
                // اتفق الزعيمان: the two parties of the last call or meeting
                if let Some(p) = events.iter().rev().take(LOOKBACK).find(|e| {
                    matches!(e.kind, EventKind::Call | EventKind::Meeting) && e.agent.is_some()
                }) {
                    event.agent = p.agent;
                    event.participants = p.participants.clone();
                }
            }
            Subject::StatementNoun => {
                // وقال البيان: whoever spoke "in a statement" last
                event.agent = events
                    .iter()
                    .rev()
                    .take(LOOKBACK)
                    .find(|e| e.via_statement_noun && e.agent.is_some())
                    .or_else(|| {
                        events
                            .iter()
                            .rev()
                            .take(LOOKBACK)
                            .find(|e| e.kind == EventKind::Statement && e.reported_by.is_none())
                    })
                    .and_then(|e| e.agent);
                event.continued = true;
            }
            Subject::None if trig.verb => {
                event.agent = dropped_subject(&events);
                event.continued = event.agent.is_some();
            }
            Subject::None => {}
        }
        // what: the clause after إن/أن, a colon or a quote
        let mut k = end_token;
        let limit = (k + 14).min(s_end);
        while k < limit {
            // another verb first: the complementizer further on is that verb's
            if k > end_token && finite_verb(&doc, k) {
                break;
            }
            if doc.cue(k, "statement_noun").is_some() {
                event.via_statement_noun = true;
            }
            if let Some(c) = doc.complementizer(k) {
                if c < s_end {
                    // the content ends where a coordinated main verb begins: «…، ورفضت …»;
                    // a future verb (وسيتصل) goes on with what is reported
                    let reach = s_end.min(c + MAX_REACH);
                    let stop = (c + 1..reach)
                        .find(|&x| {
                            doc.punct(x - 1, &[','])
                                && coordinated_verb(&doc, x)
                                && !future_verb(&doc, x)
                        })
                        .map_or(reach, |x| x - 1);
                    event.content =
                        Some((lexed.tokens[c].start, lexed.tokens[stop.max(c + 1) - 1].end));
                }
                break;
            }
            k += 1;
        }
        participants(&doc, &mut event, trig, end_token, s_start, s_end);
        // nested report: a trigger inside the content of an earlier statement
        // (a content never leaves its sentence, so only this sentence's events can report)
        let same_sentence = events
            .iter()
            .rev()
            .take(LOOKBACK)
            .take_while(|e| e.sentence == sentence)
            .count();
        event.reported_by = events[events.len() - same_sentence..]
            .iter()
            .rposition(|e| {
                e.kind == EventKind::Statement
                    && e.content
                        .is_some_and(|(a, b)| a <= trigger_start && trigger_start < b)
            })
            .map(|k| k + events.len() - same_sentence);
        if event.kind == EventKind::Statement
            && event.reported_by.is_none()
            && event.agent.is_some()
        {
            last_speaker = event.agent;
        }
        events.push(event);
    }
    attach_times(&doc, &mut events);
    link_same_events(&doc, &mut events);
    events
}

/// Event triggers in text order, one per token, skipping words inside actor names
/// and temporal expressions.
fn find_triggers<'a, 'l>(doc: &Doc<'a, 'l>) -> Vec<Trigger<'a>>
where
    'l: 'a,
{
    let mut out = Vec::new();
    let mut i = 0;
    while i < doc.lexed.tokens.len() {
        let best = doc
            .lexed
            .at(i)
            .iter()
            .filter(|l| l.entry.kind == Kind::Event && l.prep.is_none())
            .max_by_key(|l| l.next);
        let Some(l) = best else {
            i += 1;
            continue;
        };
        if doc.mention_covering(i).is_some() || doc.is_timex_token(i) {
            i += 1;
            continue;
        }
        let kind = kind_of(l.entry.value.split(':').next().unwrap_or_default());
        let verb = l.entry.extra.starts_with("verb") && !l.article;
        // an ambiguous word (بين، وقع، نشر) is a trigger only before a complementizer
        let clause_follows = doc.complementizer(l.next).is_some()
            || doc
                .mention_at(l.next)
                .is_some_and(|m| doc.complementizer(m.next_token).is_some());
        if l.entry.extra.ends_with("ambiguous") && !clause_follows {
            i += 1;
            continue;
        }
        out.push(Trigger {
            lexeme: l,
            token: i,
            kind,
            verb,
        });
        i = l.next;
    }
    out
}

/// What stands in subject position of a trigger.
enum Subject {
    /// An actor, SVO or VSO.
    Actor(usize),
    /// A single actor right after a verb that takes an object (دعا روسيا): subject or
    /// addressee, decided by the caller.
    Object(usize),
    /// الزعيمان، الطرفان: the parties of the last call or meeting.
    Plural,
    /// البيان، التقرير: the speaker of the last statement.
    StatementNoun,
    None,
}

/// Whether an actor mention is inside a prepositional phrase (لروسيا، في أوكرانيا).
/// Whether mention `m`, found from token `k`, is introduced by بـ glued to token `k`:
/// the name itself (بأردوغان) or a title before it (بالرئيس الأوكراني …).
fn called_with_bi(doc: &Doc<'_, '_>, k: usize, m: &Mention) -> bool {
    let token = doc.lexed.tokens[k];
    if m.first_token == k {
        let glued = &doc.lexed.text[token.start..m.start];
        glued == "ب" || glued == "وب"
    } else {
        doc.word(k).is_some_and(|w| w.starts_with("بال"))
    }
}

fn prepositional(doc: &Doc<'_, '_>, m: &Mention) -> bool {
    let token = doc.lexed.tokens[m.first_token];
    let glued = &doc.lexed.text[token.start..m.start];
    if glued.contains(['ب', 'ل', 'ك']) {
        return true;
    }
    m.first_token > 0
        && doc
            .word(m.first_token - 1)
            .is_some_and(|w| PREPOSITIONS.contains(&w))
}

/// The subject of a trigger: SVO (an actor right before the verb), else VSO (the first
/// actor after it, before the content), for nouns the actor right after (اتهامات أمريكا).
fn subject(
    doc: &Doc<'_, '_>,
    trig: &Trigger<'_>,
    end: usize,
    s_start: usize,
    s_end: usize,
) -> Subject {
    if !trig.verb {
        // the owner right after the noun, or after one more noun of the chain:
        // اتهامات أمريكا، تقرير إدارة الاستخبارات، التقرير السنوي لأجهزة الاستخبارات
        for at in [end, end + 1] {
            if at > end
                && (doc.word(end).is_none()
                    || !doc.lexed.at(end).is_empty()
                    || doc.mention_at(end).is_some())
            {
                break;
            }
            if let Some(m) = doc.mention_at(at) {
                let glued = &doc.lexed.text[doc.lexed.tokens[at].start..m.start];
                if glued.contains(['ب', 'ك'])
                    || doc.word(at - 1).is_some_and(|w| PREPOSITIONS.contains(&w))
                {
                    break;
                }
                return Subject::Actor(m.actor);
            }
        }
        // the subject of a light verb before the noun: فرضت الولايات المتحدة عقوبات
        if let Some(m) = doc
            .mention_ending_at(trig.token)
            .filter(|m| m.first_token > s_start)
            && !prepositional(doc, m)
            && m.first_token > 0
            && doc
                .word(m.first_token - 1)
                .is_some_and(|w| !PREPOSITIONS.contains(&w))
            && doc.mention_covering(m.first_token - 1).is_none()
        {
            return Subject::Actor(m.actor);
        }
        return Subject::None;
    }
    // the two parties before the verb: إن الزعيمين اتفقا
    if trig.token > s_start && doc.cue(trig.token - 1, "plural_reference").is_some() {
        return Subject::Plural;
    }
    // SVO: البيت الأبيض أكد، أن بايدن اقترح، بايدن دعا
    let mut j = trig.token;
    while j > s_start && trig.token - j < 2 {
        j -= 1;
        if let Some(m) = doc
            .mention_ending_at(j + 1)
            .filter(|m| m.first_token >= s_start)
        {
            if !prepositional(doc, m) {
                return Subject::Actor(m.actor);
            }
            break;
        }
        if !matches!(doc.word(j), Some("قد" | "فقد" | "لقد" | "وقد")) {
            break;
        }
    }
    if let Some(w) = doc.word(end) {
        if doc.cue(end, "plural_reference").is_some() {
            return Subject::Plural;
        }
        if STATEMENT_SUBJECTS.contains(&w.strip_prefix('و').unwrap_or(w)) {
            return Subject::StatementNoun;
        }
    }
    // VSO: the first actor after the verb, skipping a time, a comma, "في بيان له"
    let mut found: Vec<usize> = Vec::new();
    let mut k = end;
    let mut skipped = 0;
    while k < s_end && skipped < 6 && found.len() < 2 {
        if doc.complementizer(k).is_some()
            || doc.punct(k, &['.', ';'])
            || doc.word(k).is_some_and(|w| w == "الي" || w == "الى")
        {
            break;
        }
        if let Some(m) = doc.mention_at(k) {
            if !prepositional(doc, m) {
                found.push(m.actor);
            }
            k = m.next_token;
            continue;
        }
        // a name after a title in a prepositional phrase is no subject:
        // بالعاهل الأردني الملك عبد الله، للرئيس الفرنسي ماكرون
        if doc
            .word(k)
            .is_some_and(|w| w.starts_with("بال") || w.starts_with("لل"))
            && let Some(m) = doc.first_mention(k + 1, (k + 4).min(s_end))
        {
            k = m.next_token;
            skipped += 1;
            continue;
        }
        skipped += usize::from(!doc.is_timex_token(k) && !doc.punct(k, &[',']));
        k += 1;
    }
    match (found.as_slice(), trig.kind) {
        ([a, _], EventKind::Appeal) => Subject::Actor(*a),
        ([a], EventKind::Appeal | EventKind::Meeting) => Subject::Object(*a),
        ([a, ..], _) => Subject::Actor(*a),
        _ => Subject::None,
    }
}

/// Participants and initiator: بين X و Y، مع X، جمع بينهما، بمبادرة من X، دعا X Y إلى،
/// أبلغ X.
fn participants(
    doc: &Doc<'_, '_>,
    event: &mut Event,
    trig: &Trigger<'_>,
    end: usize,
    s_start: usize,
    s_end: usize,
) {
    let add = |event: &mut Event, actor: usize| {
        if event.agent != Some(actor) && !event.participants.contains(&actor) {
            event.participants.push(actor);
        }
    };
    let trigger_word = doc.word(trig.token).unwrap_or_default();
    // التقى بايدن بوتين، استقبل أردوغان الرئيس الإيراني، دعا بوتين، أبلغ نظيره
    let takes_object = matches!(event.kind, EventKind::Appeal | EventKind::Accusation)
        || (event.kind == EventKind::Meeting && trig.verb)
        || TELL_VERBS.iter().any(|v| trigger_word.ends_with(v));
    let window_end = (end + 14).min(s_end);
    let mut k = trig.token + 1;
    let mut took_object = !event.participants.is_empty();
    while k < window_end {
        if k >= end && doc.complementizer(k).is_some() {
            break;
        }
        if let Some(l) = doc.cue(k, "initiator")
            && let Some(m) = doc.first_mention(l.next, (l.next + 4).min(window_end))
        {
            event.initiator = Some(m.actor);
            k = m.next_token;
            continue;
        }
        let joint = matches!(
            event.kind,
            EventKind::Call | EventKind::Meeting | EventKind::Other
        );
        if let Some(l) = doc
            .cue(k, "between")
            .or_else(|| doc.cue(k, "with"))
            .filter(|_| joint)
        {
            let cue_text =
                &doc.lexed.text[doc.lexed.tokens[k].start..doc.lexed.tokens[l.next - 1].end];
            if cue_text.ends_with("بينهما") || cue_text.ends_with("بينهم") {
                // جمع بينهما: the two people named before the trigger in this sentence
                let mut distinct: Vec<usize> = Vec::new();
                for m in doc
                    .mentions_between(s_start, trig.token)
                    .iter()
                    .rev()
                    .take(LOOKBACK)
                {
                    let a = m.actor;
                    if doc.actors.actors[a].kind == ActorType::Person && !distinct.contains(&a) {
                        distinct.push(a);
                    }
                    if distinct.len() == 2 {
                        break;
                    }
                }
                distinct.reverse();
                if event.kind == EventKind::Call {
                    event.agent = distinct.first().copied().or(event.agent);
                }
                for a in distinct {
                    add(event, a);
                }
                k = l.next;
                continue;
            }
            // بين X و Y، مع X (و Y): each party may come with its title (والرئيس الفرنسي …)
            let mut j = l.next;
            let mut limit = (l.next + 4).min(window_end);
            while let Some(m) = doc.first_mention(j, limit) {
                if doc.lexed.text[doc.lexed.tokens[m.first_token].start..m.start]
                    .contains(['ب', 'ل', 'ك'])
                {
                    break;
                }
                add(event, m.actor);
                j = m.next_token;
                // another party only after و
                let joined = doc.word(j).is_some_and(|w| w == "و" || w.starts_with('و'));
                if !joined {
                    break;
                }
                limit = (j + 5).min(window_end);
            }
            k = j.max(k + 1);
            continue;
        }
        // the party called: اتصل بأردوغان، اتصالا هاتفيا بالرئيس الأوكراني زيلينسكي
        if event.kind == EventKind::Call
            && !took_object
            && k <= end + 4
            && let Some(m) = doc.first_mention(k, (k + 4).min(window_end))
            && called_with_bi(doc, k, m)
        {
            add(event, m.actor);
            took_object = true;
            k = m.next_token;
            continue;
        }
        // the addressee right after the verb (and its subject): دعا بوتين، أبلغ نظيره
        if takes_object
            && !took_object
            && k <= end + 4
            && let Some(m) = doc.mention_at(k)
        {
            if event.agent != Some(m.actor) && !prepositional(doc, m) {
                add(event, m.actor);
                took_object = true;
            }
            k = m.next_token;
            continue;
        }
        k += 1;
    }
    // a call with one party named after مع: the caller is the person named before it
    if event.kind == EventKind::Call
        && (event.agent.is_none()
            || event
                .participants
                .contains(&event.agent.unwrap_or(usize::MAX)))
    {
        event.agent = doc
            .mentions_between(s_start, trig.token)
            .iter()
            .rev()
            .take(LOOKBACK)
            .map(|m| m.actor)
            .find(|&a| {
                doc.actors.actors[a].kind == ActorType::Person && !event.participants.contains(&a)
            })
            .or(event.agent);
    }
    if matches!(event.kind, EventKind::Call | EventKind::Meeting) {
        // the caller of a received call (تلقى … من بايدن) takes part in it
        if let Some(init) = event.initiator
            && event.agent != Some(init)
            && !event.participants.contains(&init)
        {
            event.participants.push(init);
        }
        // a call between two parties with no subject: the first named acts
        if event.agent.is_none() && !event.participants.is_empty() {
            event.agent = Some(event.participants.remove(0));
        }
    }
    if let Some(a) = event.agent {
        event.participants.retain(|&p| p != a);
    }
}

/// The time of each event: a timex in its clause, else in its sentence, else the time
/// of the event it continues or that reports it, else none.
fn attach_times(doc: &Doc<'_, '_>, events: &mut [Event]) {
    let dated =
        |t: &Timex| matches!(t.kind, TimexType::Date | TimexType::Time) && t.interval.is_some();
    // next_dated[k]: the first dated timex at k or after; prev_dated[k]: the last before k
    let count = doc.timexes.len();
    let mut next_dated = vec![count; count + 1];
    for k in (0..count).rev() {
        next_dated[k] = if dated(&doc.timexes[k]) {
            k
        } else {
            next_dated[k + 1]
        };
    }
    let mut prev_dated = vec![None; count + 1];
    for k in 0..count {
        prev_dated[k + 1] = if dated(&doc.timexes[k]) {
            Some(k)
        } else {
            prev_dated[k]
        };
    }
    for n in 0..events.len() {
        let e = &events[n];
        let trigger_byte = e.trigger.0;
        let sentence = doc.sentences.get(e.sentence).copied();
        // timexes are in text order: the sentence's ones are a contiguous run
        let (lo, hi) = sentence.map_or((0, 0), |x| {
            (
                doc.timex_spans.partition_point(|t| t.0 < x.start),
                doc.timex_spans.partition_point(|t| t.0 < x.end),
            )
        });
        let first_in_sentence = Some(next_dated[lo]).filter(|&k| k < hi);
        // the clause: between the nearest boundaries around the trigger; the dated timex
        // of the clause nearest the trigger (the earlier one on a tie)
        let clause = clause_bounds(doc, e.trigger.0, e.trigger.1, e.content);
        let (c_lo, c_hi) = (
            doc.timex_spans
                .partition_point(|t| t.0 < clause.0.max(sentence.map_or(0, |x| x.start))),
            doc.timex_spans
                .partition_point(|t| t.0 < clause.1.min(sentence.map_or(0, |x| x.end))),
        );
        let c_hi = c_hi.max(c_lo);
        let pivot = doc
            .timex_spans
            .partition_point(|t| t.0 < trigger_byte)
            .clamp(c_lo, c_hi);
        let before = prev_dated[pivot].filter(|&k| k >= c_lo);
        let after = Some(next_dated[pivot]).filter(|&k| k < c_hi);
        let in_clause = match (before, after) {
            (Some(b), Some(a)) => {
                let db = doc.timex_spans[b].0.abs_diff(trigger_byte);
                let da = doc.timex_spans[a].0.abs_diff(trigger_byte);
                Some(if da < db { a } else { b })
            }
            (b, a) => b.or(a),
        };
        let (time, how) = if let Some(k) = in_clause {
            (Some(k), TimeHow::Explicit)
        } else if let Some(k) = first_in_sentence {
            (Some(k), TimeHow::Sentence)
        } else {
            let from = events[n]
                .reported_by
                .filter(|_| events[n].kind != EventKind::Statement)
                .or_else(|| {
                    events[n]
                        .continued
                        .then(|| {
                            let from = n.saturating_sub(LOOKBACK);
                            events[from..n]
                                .iter()
                                .rposition(|p| p.agent == events[n].agent)
                                .map(|k| k + from)
                        })
                        .flatten()
                });
            match from.and_then(|p| events[p].time) {
                Some(k) => (Some(k), TimeHow::Inherited),
                None => (None, TimeHow::None),
            }
        };
        events[n].time = time;
        events[n].how = how;
    }
}

/// Byte bounds of the clause of a trigger: from the previous comma, complementizer or
/// sentence start to the next one (a statement's clause ends where its content begins).
fn clause_bounds(
    doc: &Doc<'_, '_>,
    start: usize,
    end: usize,
    content: Option<(usize, usize)>,
) -> (usize, usize) {
    let toks = doc.lexed.tokens;
    let t = toks.partition_point(|x| x.start < start);
    let s = doc.sentence_of(t.min(toks.len().saturating_sub(1)));
    let (s_start, s_end) = doc.sentence_tokens(s);
    let mut a = t;
    // a clause also ends at a comma before a verb joined by و: «سيزور الأردن الأسبوع
    // المقبل، وسيتصل بالملك غدا» holds two clauses, each with its own time
    let new_clause = |x: usize| x > 0 && doc.punct(x - 1, &[',']) && coordinated_verb(doc, x);
    while a > s_start && t - a < MAX_REACH {
        if doc.complementizer(a - 1).is_some() || new_clause(a) {
            break;
        }
        a -= 1;
    }
    let mut b = toks.partition_point(|x| x.start < end);
    let reach = s_end.min(b + MAX_REACH);
    while b < reach {
        if doc.complementizer(b).is_some() || doc.punct(b, &['.', ';']) || new_clause(b + 1) {
            break;
        }
        b += 1;
    }
    let lo = toks.get(a).map_or(0, |x| x.start);
    let mut hi = toks.get(b).map_or(doc.lexed.text.len(), |x| x.start);
    if let Some((c, _)) = content {
        hi = hi.min(c);
    }
    (lo, hi.max(lo))
}

/// Mentions of one real-world event: an anaphoric call (المكالمة، الاتصال الهاتفي نفسه)
/// is the last call; a proposal to meet by the same agent to the same party is the
/// same proposal (the headline's دعا … إلى عقد قمة and the body's اقترح عقد اجتماع).
fn link_same_events(doc: &Doc<'_, '_>, events: &mut [Event]) {
    // first mentions of calls, meetings and publications, in text order
    let mut firsts: [Vec<usize>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let slot = |kind: EventKind| match kind {
        EventKind::Call => Some(0),
        EventKind::Meeting => Some(1),
        EventKind::Publication => Some(2),
        _ => None,
    };
    for n in 0..events.len() {
        let Some(k) = slot(events[n].kind) else {
            continue;
        };
        let (before, rest) = events.split_at_mut(n);
        let e = &mut rest[0];
        let trigger_text = &doc.lexed.text[e.trigger.0..e.trigger.1];
        let anaphoric = trigger_text.starts_with("ال")
            || trigger_text.contains("نفس")
            || trigger_text.contains("ذات");
        let antecedent = firsts[k].iter().rev().take(LOOKBACK).copied().find(|&i| {
            let p = &before[i];
            match e.kind {
                EventKind::Call => {
                    anaphoric || (p.agent.is_some() && p.agent == e.agent && overlap(p, e))
                }
                EventKind::Meeting => {
                    e.cameo == "036"
                        && p.cameo == "036"
                        && (anaphoric || (p.agent.is_some() && p.agent == e.agent))
                }
                EventKind::Publication => anaphoric,
                _ => false,
            }
        });
        let Some(p) = antecedent else {
            firsts[k].push(n);
            continue;
        };
        {
            e.same_as = Some(p);
            // what the later mention adds belongs to the event
            let (agent, participants, initiator) = (e.agent, e.participants.clone(), e.initiator);
            let first = &mut before[p];
            if first.initiator.is_none() {
                first.initiator = initiator;
            }
            for a in participants.into_iter().chain(agent) {
                if first.agent != Some(a)
                    && !first.participants.contains(&a)
                    && e.kind != EventKind::Call
                {
                    first.participants.push(a);
                }
            }
            if e.time.is_none() && first.time.is_some() {
                e.time = first.time;
                e.how = TimeHow::Inherited;
            }
        }
    }
}

fn overlap(a: &Event, b: &Event) -> bool {
    a.participants
        .iter()
        .any(|p| b.participants.contains(p) || b.agent == Some(*p))
        || b.participants.iter().any(|p| a.agent == Some(*p))
}
