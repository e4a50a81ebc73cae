//! Events: statements, calls, appeals, meetings, publications and a few other
//! kinds news timelines need, each with its trigger, agent, participants,
//! content span and time.
//!
//! The rooms, in pipeline order (one file each):
//! - `doc`: the view of one document the rooms share (tokens, lexemes, mentions, timexes);
//! - `clauses`: clause structure (complementizers, quotes, relative clauses, coordination,
//!   pluperfect كان … قد) and the reported content of a statement;
//! - `triggers`: triggers and their kinds (`data/lexicon/events.tsv`, cue words in
//!   `data/lexicon/event_cues.tsv`);
//! - `roles`: agent (VSO `قال البيت الأبيض إن`, SVO `البيت الأبيض أكد`, dropped subject
//!   `كما أضاف أن`), participants, initiator;
//! - `linking`: REPORTS (a trigger inside a statement's content) and SAME_AS (repeat mentions);
//! - `dating`: each event's date by discourse (explicit, tied, dct, none).

use serde::{Deserialize, Serialize};

use crate::actors::Actors;
use crate::lexicon::Lexed;
use crate::text::Sentence;
use crate::timex::Timex;
use chrono::NaiveDate;

mod clauses;
mod dating;
mod doc;
mod linking;
mod roles;
mod triggers;

use doc::*;
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

/// How an event got its time: the dating rules, in the order they are tried
/// (`dating.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimeHow {
    /// A temporal expression in the event's own clause (the reported content of a
    /// statement is not the statement's clause). Documents of earlier versions said
    /// `sentence` for a timex elsewhere in the sentence; it reads as this.
    #[serde(alias = "sentence")]
    Explicit,
    /// The date of the event it is bound to: a statement made during a dated call or
    /// meeting, the continuation of a dated statement by the same speaker, a statement
    /// inside a dated document, a repeat mention of a dated event (`time.from`).
    #[serde(alias = "inherited")]
    Tied,
    /// News convention: an undated event of the story's current news took place on the
    /// story's day (its stated today, else the DCT's day).
    Dct,
    /// Background (pluperfect, anteriority, habitual, undated plans) or unknown; never
    /// invented.
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
    /// Index of the timex giving the time (rule `explicit`, or the timex of the event it
    /// is tied to).
    pub time: Option<usize>,
    /// How the time was found.
    pub how: TimeHow,
    /// The event this one took its date from (rule `tied`).
    pub time_from: Option<usize>,
    /// The day of the story's current news (rule `dct`, no timex).
    pub news_day: Option<NaiveDate>,
    /// For a call: the text says who called (تلقى … من Y), so the agent is the caller.
    pub caller_known: bool,
    /// Whether the trigger is a verb (not a noun or masdar).
    pub verb: bool,
    /// Index of the clause of the trigger (`clauses::Clauses`).
    pub clause: usize,
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
    /// A dated occurrence (an arrival, a death, an outbreak; `occurrence` in
    /// `data/lexicon/events.tsv`): an event only when its own clause dates it.
    pub occurrence: bool,
    /// A proposal to meet (CAMEO 036) read as a meeting until it is dated, then this
    /// kind: the appeal or the statement that proposes.
    pub act: Option<EventKind>,
}

impl Event {
    /// Adds a participant unless it is the agent or already one.
    pub(crate) fn add_party(&mut self, actor: usize) {
        if self.agent != Some(actor) && !self.participants.contains(&actor) {
            self.participants.push(actor);
        }
    }
}

/// Finds the events of a document. `timex_spans` are the byte spans of `timexes` in
/// the normalized text; `today` is the day the story's current news took place on (the
/// story's own stated today, else the DCT's day), for the `dct` dating rule.
pub fn extract(
    lexed: &Lexed<'_>,
    actors: &Actors,
    sentences: &[Sentence],
    timexes: &[Timex],
    timex_spans: &[(usize, usize)],
    today: Option<NaiveDate>,
) -> Vec<Event> {
    let doc = Doc {
        lexed,
        actors,
        sentences,
        timexes,
        timex_spans,
    };
    let clauses = clauses::Clauses::new(&doc);
    let found = triggers::find(&doc, &clauses);
    let mut events = roles::assign(&doc, &clauses, &found);
    linking::link_same_events(&doc, &mut events);
    dating::date_events(&doc, &clauses, &mut events, today);
    dating::merge_start_verbs(&doc, &mut events);
    dating::drop_undated_occurrences(&mut events);
    // a proposal to meet is the speech act that proposes (the meeting is not held)
    for e in &mut events {
        if let Some(act) = e.act {
            e.kind = act;
        }
    }
    events
}
