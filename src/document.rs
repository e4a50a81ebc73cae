//! The document JSON (`zaman/timeline-v1`) and the pipeline that fills it.
//! The JSON Schema is `docs/schema/timeline-v1.json`.

use std::borrow::Cow;

use serde::{Deserialize, Deserializer, Serialize};

use crate::actors::{self, ActorType, Gazetteer};
use crate::events::{self, EventKind, TimeHow};
use crate::lexicon::{Lexed, Lexicon};
use crate::text::{CharIndex, Normalized, sentences, tokenize};
use crate::timeline::{self, Item};
use crate::timex::{self, Dct, DctSource, Policy, Timex, WeekStart};

/// The schema name written in every document.
pub const SCHEMA: &str = "zaman/timeline-v1";

/// Facts about the input document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DocumentInfo {
    /// The caller's id (file name or batch id).
    pub id: String,
    /// The document creation time used, if any.
    pub dct: Option<String>,
    /// Where the DCT came from.
    pub dct_source: DctSource,
    /// The resolution policy.
    pub policy: Policy,
}

/// A piece of the original text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The exact original text.
    pub text: String,
    /// `[start, end)` in code points of the original text.
    pub span: [usize; 2],
    /// In a merged timeline: the id of the document the text comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
}

/// An actor of the document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Actor {
    /// `a1`, `a2`, … in order of first mention.
    pub id: String,
    /// Arabic name.
    pub name: String,
    /// English name, for gazetteer actors.
    pub name_en: Option<String>,
    /// PERSON, ORG or GPE.
    #[serde(rename = "type")]
    pub kind: ActorType,
    /// ISO 3166-1 alpha-3 country code, upper case.
    pub country: Option<String>,
    /// The gazetteer id, for known actors.
    pub gazetteer_id: Option<String>,
    /// Wikidata QID, when known.
    pub wikidata: Option<String>,
    /// What the actor speaks for as a metonym (`واشنطن` → the gazetteer id `usa`).
    pub stands_for: Option<String>,
    /// A role from a title (president, spokesperson…).
    pub role: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Evidence>,
}

/// When an event happened.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EventTime {
    /// The timex id, when there is one.
    pub timex: Option<String>,
    /// Its value: the timex's, or the story's day for `how: "dct"`.
    pub value: Option<String>,
    /// The dating rule: explicit, tied, dct or none.
    pub how: TimeHow,
    /// For `tied`: the id of the event the date came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
}

impl EventTime {
    /// The story's day as a half-open interval, for an event dated by the news convention
    /// (`how: "dct"`, or `tied` to such an event): it has a day as its value and no timex.
    pub fn news_day(&self) -> Option<(chrono::NaiveDateTime, chrono::NaiveDateTime)> {
        if self.timex.is_some() || !matches!(self.how, TimeHow::Dct | TimeHow::Tied) {
            return None;
        }
        let day = chrono::NaiveDate::parse_from_str(self.value.as_deref()?, "%Y-%m-%d").ok()?;
        let start = day.and_hms_opt(0, 0, 0)?;
        Some((start, start + chrono::Duration::days(1)))
    }
}

impl Document {
    /// The half-open interval an event is dated to: its timex's, or the story's day when
    /// the news convention dates it (`None` for an undated event).
    pub fn interval_of(&self, e: &Event) -> Option<(chrono::NaiveDateTime, chrono::NaiveDateTime)> {
        match &e.time.timex {
            Some(t) => self
                .timexes
                .iter()
                .find(|x| &x.id == t)
                .and_then(|x| x.interval)
                .map(|iv| (iv.start, iv.end)),
            None => e.time.news_day(),
        }
    }
}

/// The interval an event is dated to: its timex's, or the story's day.
fn event_interval(
    e: &events::Event,
    timexes: &[Timex],
) -> Option<(chrono::NaiveDateTime, chrono::NaiveDateTime)> {
    match e.time {
        Some(k) => timexes[k].interval.map(|iv| (iv.start, iv.end)),
        None => e.news_day.and_then(|d| {
            let start = d.and_hms_opt(0, 0, 0)?;
            Some((start, start + chrono::Duration::days(1)))
        }),
    }
}

/// An event of the document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Event {
    /// `e1`, `e2`, … in text order.
    pub id: String,
    /// statement, call, appeal, meeting, publication, accusation, sanction, threat, other.
    pub kind: EventKind,
    /// CAMEO code, as a string.
    pub cameo: String,
    /// The trigger words.
    pub trigger: Evidence,
    /// Index of the sentence (0-based).
    pub sentence: usize,
    /// Actor id of the agent (speaker, caller).
    pub agent: Option<String>,
    /// Actor ids of the other parties.
    pub participants: Vec<String>,
    /// Actor id of whoever initiated a call, when stated.
    pub initiator: Option<String>,
    /// What was said or asked.
    pub content: Option<Evidence>,
    /// When it happened.
    pub time: EventTime,
    /// Whether the clause is negated.
    pub negated: bool,
    /// 1-based position in the timeline; `null` for a repeated mention (see SAME_AS).
    pub order: Option<usize>,
    /// In a merged timeline: every document event this event stands for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<EventSource>,
}

/// One document's mention of a merged event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSource {
    /// The document id.
    pub document: String,
    /// The event id inside that document.
    pub event: String,
    /// Its trigger in that document.
    pub trigger: Evidence,
    /// The index of its sentence in that document.
    pub sentence: usize,
}

/// A document a merged timeline was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceDocument {
    /// The document id.
    pub id: String,
    /// Its document creation time.
    pub dct: Option<String>,
}

/// A relation between two events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRelation {
    /// Event id.
    pub from: String,
    /// Event id.
    pub to: String,
    /// BEFORE, AFTER, SIMULTANEOUS, INCLUDES, IS_INCLUDED, REPORTS or SAME_AS.
    #[serde(rename = "type", deserialize_with = "de_relation_kind")]
    pub kind: Cow<'static, str>,
}

/// The whole output for one document.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Document {
    /// Always [`SCHEMA`].
    #[serde(deserialize_with = "de_schema")]
    pub schema: Cow<'static, str>,
    /// Document facts.
    pub document: DocumentInfo,
    /// Temporal expressions in text order.
    pub timexes: Vec<Timex>,
    /// Actors in order of first mention.
    pub actors: Vec<Actor>,
    /// Events in text order.
    pub events: Vec<Event>,
    /// Relations between events.
    pub relations: Vec<EventRelation>,
    /// Event ids in timeline order (repeated mentions are represented by their first).
    pub timeline: Vec<String>,
    /// In a merged timeline: the documents it was built from, in input order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceDocument>,
    /// What the reader should know about the input (lossy decoding, another encoding,
    /// HTML); absent from the JSON when there is nothing to say. See [`crate::input`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<crate::input::Warning>,
}

/// Every relation type a document may hold.
pub const RELATION_KINDS: &[&str] = &[
    "BEFORE",
    "AFTER",
    "SIMULTANEOUS",
    "INCLUDES",
    "IS_INCLUDED",
    "REPORTS",
    "SAME_AS",
];

fn de_relation_kind<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'static, str>, D::Error> {
    let kind = String::deserialize(d)?;
    RELATION_KINDS
        .iter()
        .find(|k| **k == kind)
        .map(|k| Cow::Borrowed(*k))
        .ok_or_else(|| serde::de::Error::custom(format!("unknown relation type {kind:?}")))
}

fn de_schema<'de, D: Deserializer<'de>>(d: D) -> Result<Cow<'static, str>, D::Error> {
    let schema = String::deserialize(d)?;
    if schema == SCHEMA {
        Ok(Cow::Borrowed(SCHEMA))
    } else {
        Err(serde::de::Error::custom(format!(
            "schema {schema:?} is not {SCHEMA:?}"
        )))
    }
}

/// Runs the pipeline with one configuration; cheap to share across threads.
#[derive(Debug, Clone, Copy)]
pub struct Extractor<'l> {
    lexicon: &'l Lexicon,
    gazetteer: &'l Gazetteer,
    policy: Policy,
    /// The week's first day; None: by the story's country (see [`week_start_in`]).
    week_start: Option<WeekStart>,
    /// Whether the text starts a document (false for the later windows of a huge text:
    /// `window.rs`): only then is its first line a headline, and a DCT the caller did not
    /// give inferred from it.
    document_start: bool,
}

impl Default for Extractor<'static> {
    fn default() -> Self {
        Extractor {
            lexicon: Lexicon::builtin(),
            gazetteer: Gazetteer::builtin(),
            policy: Policy::News,
            week_start: None,
            document_start: true,
        }
    }
}

impl<'l> Extractor<'l> {
    /// An extractor over a lexicon with a policy, and the built-in gazetteer.
    pub fn new(lexicon: &'l Lexicon, policy: Policy) -> Self {
        Extractor {
            lexicon,
            gazetteer: Gazetteer::builtin(),
            policy,
            week_start: None,
            document_start: true,
        }
    }

    /// The same extractor with another gazetteer.
    pub fn with_gazetteer(self, gazetteer: &'l Gazetteer) -> Self {
        Extractor { gazetteer, ..self }
    }

    /// The same extractor with a fixed first day of the week, whatever the story's
    /// country (by default the week follows the country, see [`week_start_in`]).
    pub fn with_week_start(self, week_start: WeekStart) -> Self {
        Extractor {
            week_start: Some(week_start),
            ..self
        }
    }

    /// The same extractor for a later part of a document: its first line is no headline,
    /// and no DCT the caller did not give is inferred from it.
    pub(crate) fn continuing(self) -> Self {
        Extractor {
            document_start: false,
            ..self
        }
    }

    /// The fixed first day of the week, or None when it follows the story's country.
    pub fn week_start(&self) -> Option<WeekStart> {
        self.week_start
    }

    /// The policy in use.
    pub fn policy(&self) -> Policy {
        self.policy
    }

    /// The stages over the token-level tables: actors, timexes and events.
    fn stages(
        &self,
        normalized: &Normalized,
        chars: &CharIndex<'_>,
        dct: Option<Dct>,
        lead_in: usize,
    ) -> (
        actors::Actors,
        timex::Tagged,
        Vec<events::Event>,
        [usize; 2],
    ) {
        let tokens = tokenize(&normalized.text);
        let lexed = Lexed::new(&normalized.text, &tokens, self.lexicon);
        let sentences = sentences(&normalized.text);
        // actors first: a word inside a name is never a temporal expression
        let found = actors::recognize_part(&lexed, self.gazetteer, self.document_start);
        let mut inside_name = vec![false; tokens.len()];
        for m in &found.mentions {
            for slot in &mut inside_name[m.first_token..m.next_token.min(tokens.len())] {
                *slot = true;
            }
        }
        let tagged = timex::tag_indexed_inferring(
            normalized,
            &lexed,
            &sentences,
            chars,
            (dct, self.document_start),
            self.policy,
            &inside_name,
            {
                let country = main_country(&found);
                timex::Settings {
                    week_start: self
                        .week_start
                        .unwrap_or_else(|| week_start_in(country.as_deref())),
                    country,
                }
            },
        );
        drop(inside_name);
        let extracted = events::extract(
            &lexed,
            &found,
            &sentences,
            &tagged.timexes,
            &tagged.normalized_spans,
            // the story's own today when it states one, else the DCT's day
            tagged.today.or(tagged.dct.map(|d| d.datetime.date())),
        );
        let in_lead_in = sentences
            .iter()
            .take_while(|x| normalized.to_original(x.start, x.start).0 < lead_in)
            .count();
        (found, tagged, extracted, [sentences.len(), in_lead_in])
    }

    /// Extracts the document JSON of one text. `dct` None means: infer it.
    pub fn extract(&self, id: &str, text: &str, dct: Option<Dct>) -> Document {
        self.extract_counted(id, text, dct, 0).0
    }

    /// [`Extractor::extract`], and the number of sentences of the text and of those that
    /// start in its first `lead_in` code points.
    pub(crate) fn extract_counted(
        &self,
        id: &str,
        text: &str,
        dct: Option<Dct>,
        lead_in: usize,
    ) -> (Document, [usize; 2]) {
        let normalized = Normalized::new(text);
        let chars = CharIndex::new(text);
        // the token-level tables (tokens, lexemes, sentences) live only as long as the
        // stages that read them: the document is assembled without them
        let (found, tagged, extracted, sentence_count) =
            self.stages(&normalized, &chars, dct, lead_in);
        let evidence = |start: usize, end: usize| {
            let (s, e) = normalized.to_original(start, end);
            Evidence {
                text: chars.slice(s, e).to_string(),
                span: [s, e],
                document: None,
            }
        };
        // actors in order of first mention, with their mentions
        let mut first_seen: Vec<(usize, usize)> = Vec::new();
        let mut seen = vec![false; found.actors.len()];
        for m in &found.mentions {
            if !seen[m.actor] {
                seen[m.actor] = true;
                first_seen.push((m.actor, m.start));
            }
        }
        let mut actor_id = vec![String::new(); found.actors.len()];
        let mut actors_out = Vec::with_capacity(first_seen.len());
        for (n, (a, _)) in first_seen.iter().enumerate() {
            actor_id[*a] = numbered_id('a', n + 1);
        }
        let mut mention_lists: Vec<Vec<Evidence>> = vec![Vec::new(); found.actors.len()];
        for m in &found.mentions {
            mention_lists[m.actor].push(evidence(m.start, m.end));
        }
        for (a, _) in &first_seen {
            let actor = &found.actors[*a];
            let entry = found.entry(self.gazetteer, *a);
            let mentions = std::mem::take(&mut mention_lists[*a]);
            // a person found from a title is named as first written
            let name = match entry {
                Some(_) => actor.name.clone(),
                None => mentions
                    .first()
                    .map_or_else(|| actor.name.clone(), |m| m.text.clone()),
            };
            actors_out.push(Actor {
                id: actor_id[*a].clone(),
                name,
                name_en: entry
                    .map(|e| String::from(&*e.name_en))
                    .filter(|s| !s.is_empty()),
                kind: actor.kind,
                country: actor.country.as_ref().map(|c| c.to_uppercase()),
                gazetteer_id: entry.map(|e| String::from(&*e.id)),
                wikidata: entry.and_then(|e| e.wikidata.as_deref().map(String::from)),
                stands_for: entry.and_then(|e| e.stands_for.as_deref().map(String::from)),
                role: actor.role.clone(),
                mentions,
            });
        }
        // timeline over first mentions of events
        let (ordered, order_of) = timeline::order_first_mentions(
            extracted.len(),
            |n| extracted[n].same_as.is_none(),
            |n| Item {
                interval: event_interval(&extracted[n], &tagged.timexes),
                discourse: extracted[n].trigger.0,
            },
        );
        let event_id = |n: usize| numbered_id('e', n + 1);
        let aid = |a: usize| actor_id[a].clone();
        let mut events_out = Vec::with_capacity(extracted.len());
        for (n, e) in extracted.iter().enumerate() {
            let trigger = evidence(e.trigger.0, e.trigger.1);
            let content = e.content.map(|(s, t)| evidence(s, t));
            events_out.push(Event {
                id: event_id(n),
                kind: e.kind,
                cameo: e.cameo.clone(),
                trigger,
                sentence: e.sentence,
                agent: e.agent.map(aid),
                participants: e.participants.iter().map(|&a| aid(a)).collect(),
                initiator: e.initiator.map(aid),
                content,
                time: EventTime {
                    timex: e.time.map(|k| tagged.timexes[k].id.clone()),
                    value: e
                        .time
                        .map(|k| tagged.timexes[k].value.clone())
                        .or_else(|| e.news_day.map(|d| crate::timex::IsoDate(d).to_string())),
                    how: e.how,
                    from: e.time_from.map(event_id),
                },
                negated: e.negated,
                order: order_of[n],
                sources: Vec::new(),
            });
        }
        // relations: reports, same-as, and the temporal relation of each timeline neighbour pair
        let mut relations = Vec::new();
        for (n, e) in extracted.iter().enumerate() {
            if let Some(r) = e.reported_by {
                relations.push(EventRelation {
                    from: event_id(r),
                    to: event_id(n),
                    kind: Cow::Borrowed("REPORTS"),
                });
            }
            if let Some(s) = e.same_as {
                relations.push(EventRelation {
                    from: event_id(n),
                    to: event_id(s),
                    kind: Cow::Borrowed("SAME_AS"),
                });
            }
        }
        let interval = |n: usize| event_interval(&extracted[n], &tagged.timexes);
        for (a, b, kind) in timeline::neighbour_relations(&ordered, interval) {
            relations.push(EventRelation {
                from: event_id(a),
                to: event_id(b),
                kind: Cow::Borrowed(kind),
            });
        }
        let doc = Document {
            schema: Cow::Borrowed(SCHEMA),
            document: DocumentInfo {
                id: id.to_string(),
                dct: tagged.dct.map(|d| d.to_string()),
                dct_source: tagged.dct_source,
                policy: self.policy,
            },
            timexes: tagged.timexes,
            actors: actors_out,
            events: events_out,
            relations,
            timeline: ordered.iter().map(|&n| event_id(n)).collect(),
            sources: Vec::new(),
            warnings: Vec::new(),
        };
        (doc, sentence_count)
    }
}

/// The first day of the week where a story is read (its most mentioned country, ISO 3166
/// alpha-3): Monday in the Maghreb (ISO 8601), Saturday in Iran and Afghanistan, and
/// Sunday everywhere else, which is the week of the Mashriq and Gulf press that writes
/// most Arabic news, foreign news included: «الأسبوع المقبل» in an Arabic story from
/// Moscow counts from Sunday, in one from Rabat from Monday.
pub fn week_start_in(country: Option<&str>) -> WeekStart {
    const MONDAY: &[&str] = &["mar", "dza", "tun", "lby", "mrt", "esh"];
    const SATURDAY: &[&str] = &["irn", "afg"];
    match country.map(str::to_ascii_lowercase) {
        Some(c) if MONDAY.contains(&c.as_str()) => WeekStart::Monday,
        Some(c) if SATURDAY.contains(&c.as_str()) => WeekStart::Saturday,
        _ => WeekStart::Sunday,
    }
}

/// The country a document is most about: the one with the most actor mentions (the
/// earliest mentioned on a tie), for national days and the week start.
fn main_country(found: &actors::Actors) -> Option<Box<str>> {
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for (k, m) in found.mentions.iter().enumerate() {
        let Some(c) = found.actors.get(m.actor).and_then(|a| a.country.as_deref()) else {
            continue;
        };
        match counts.iter_mut().find(|(x, _, _)| *x == c) {
            Some(entry) => entry.1 += 1,
            None => counts.push((c, 1, k)),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n, first)| (n, std::cmp::Reverse(first)))
        .map(|(c, _, _)| c.into())
}

/// An element id, a letter and a number (`t1`, `e12`, `a3`), written without the
/// formatting machinery: a document has one per timex, event, actor and relation end.
pub(crate) fn numbered_id(prefix: char, n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - at);
    id.push(prefix);
    id.extend(digits[at..].iter().map(|&d| char::from(d)));
    id
}

#[cfg(test)]
mod numbered_id_tests {
    use super::numbered_id;

    #[test]
    fn letter_then_decimal_digits() {
        assert_eq!(numbered_id('t', 1), "t1");
        assert_eq!(numbered_id('e', 10), "e10");
        assert_eq!(numbered_id('a', 907), "a907");
        assert_eq!(numbered_id('e', 0), "e0");
        assert_eq!(numbered_id('t', usize::MAX), format!("t{}", usize::MAX));
    }
}
