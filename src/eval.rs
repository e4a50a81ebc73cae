//! Scoring zaman against gold annotations (`zaman eval`).
//!
//! A gold file is TimeML (`.tml`: the text with inline TIMEX3 and EVENT tags, the DCT
//! in `<DCT>`) or a document JSON in the `zaman/timeline-v1` shape (`.json`, possibly
//! partial: only what is present is scored). For each gold file zaman extracts the raw
//! text — TimeML: the text inside `<TEXT>` with the tags removed; JSON: its `text`
//! field, else the sibling `.txt` file with the same stem — with the gold DCT, and the
//! result is compared with the gold.
//!
//! Timexes follow TempEval-3 (UzZaman et al. 2013): strict (same span) and relaxed
//! (overlapping spans) precision, recall and F1, with one-to-one matching; `value` and
//! `type` as TE3 reports them, attribute F1 over relaxed matches (precision = matches
//! with the right attribute / system timexes, recall = the same / gold timexes), and
//! beside it the plain accuracy over relaxed matches. Events are matched one to one by
//! trigger span overlap (precision, recall, F1); then `kind` (for TimeML gold: the
//! TimeML class of zaman's kind, see [`crate::export::timeml::event_class`]), `agent`
//! (the same gazetteer id, or the gold name equal to the actor's name, English name or
//! one of its mentions, after Arabic folding) and `date` (the event time's value; for
//! TimeML gold, the value of the time the event's instance is TLINKed to as
//! IS_INCLUDED/DURING/SIMULTANEOUS) are scored as accuracy over the matched events
//! whose gold gives that attribute. Overall figures are micro-averaged: counts are
//! summed over files, then divided.
//!
//! The development set's own format (`../shared/devset/`: `timex`, `events` with
//! `trigger_start`, `actors`, `dct`) is read and scored by [`devset`], by the rules of
//! its reference scorer `score.py` (which differ: global largest-overlap alignment, a
//! value over every relaxed match, repeats, call parties, core F1).

pub mod devset;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value;

use crate::document::{Document, Extractor};
use crate::error::Error;
use crate::export::timeml;
use crate::text::fold;
use crate::timex::Dct;

/// A gold temporal expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldTimex {
    /// `[start, end)` code points of the text.
    pub span: [usize; 2],
    /// TIMEX3 type, when given.
    pub kind: Option<String>,
    /// TIMEX3 value, when given.
    pub value: Option<String>,
}

/// What the gold says an event is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoldKind {
    /// A zaman event kind (`statement`, `call`…), from JSON gold.
    Kind(String),
    /// A TimeML event class (`REPORTING`…), from TimeML gold.
    Class(String),
}

/// A gold actor, as far as the gold names it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct GoldActor {
    /// Names it goes by (name, English name, mentions, or the bare string given).
    pub names: Vec<String>,
    /// Its gazetteer id, when given.
    pub gazetteer_id: Option<String>,
}

/// A gold event. `None` means the gold does not say; `Some(None)` that it says "none".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldEvent {
    /// `[start, end)` code points of the trigger.
    pub span: [usize; 2],
    /// The kind or class.
    pub kind: Option<GoldKind>,
    /// The agent.
    pub agent: Option<Option<GoldActor>>,
    /// The date value.
    pub date: Option<Option<String>>,
}

/// One gold file, read.
#[derive(Debug, Clone)]
pub struct Gold {
    /// The gold file.
    pub path: PathBuf,
    /// The raw text to extract from.
    pub text: String,
    /// The gold DCT, when given.
    pub dct: Option<String>,
    /// Gold timexes; `None` when the gold does not annotate them.
    pub timexes: Option<Vec<GoldTimex>>,
    /// Gold events; `None` when the gold does not annotate them.
    pub events: Option<Vec<GoldEvent>>,
}

fn gold_error(path: &Path, message: impl Into<String>) -> Error {
    Error::Gold {
        path: path.display().to_string(),
        message: message.into(),
    }
}

/// The gold files at `path`: the file itself, or the `.tml`, `.timeml` and `.json`
/// files of a directory in name order.
pub fn gold_files(path: &Path) -> Result<Vec<PathBuf>, Error> {
    let meta = std::fs::metadata(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let entries = std::fs::read_dir(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| matches!(e, "tml" | "timeml" | "json"))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(gold_error(
            path,
            "no gold files (*.tml, *.timeml, *.json) in this directory",
        ));
    }
    Ok(files)
}

/// Reads one gold file (TimeML unless its extension is `.json`).
pub fn read_gold(path: &Path) -> Result<Gold, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    let content = String::from_utf8(bytes).map_err(|e| Error::Utf8 {
        path: path.display().to_string(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    let gold = if path.extension().is_some_and(|e| e == "json") {
        read_json_gold(path, &content)?
    } else {
        read_timeml_gold(path, &content)?
    };
    let len = gold.text.chars().count();
    let spans = gold
        .timexes
        .iter()
        .flatten()
        .map(|t| ("timex", t.span))
        .chain(gold.events.iter().flatten().map(|e| ("event", e.span)));
    for (what, [s, e]) in spans {
        if s > e || e > len {
            return Err(gold_error(
                path,
                format!("{what} span [{s}, {e}) is outside the text ({len} code points)"),
            ));
        }
    }
    Ok(gold)
}

fn read_timeml_gold(path: &Path, xml: &str) -> Result<Gold, Error> {
    let doc = timeml::read(xml).map_err(|m| gold_error(path, m))?;
    let timexes = doc
        .timexes
        .iter()
        .map(|t| GoldTimex {
            span: t.span,
            kind: t.get("type").map(str::to_string),
            value: t.get("value").map(str::to_string),
        })
        .collect();
    let events = doc
        .events
        .iter()
        .map(|e| GoldEvent {
            span: e.span,
            kind: e.get("class").map(|c| GoldKind::Class(c.to_string())),
            agent: None,
            date: doc.event_time(&e.id).map(|v| Some(v.to_string())),
        })
        .collect();
    Ok(Gold {
        path: path.to_path_buf(),
        text: doc.text.clone(),
        dct: doc.dct.clone(),
        timexes: Some(timexes),
        events: Some(events),
    })
}

/// `[start, end)` from a JSON value `[s, e]`.
fn span_of(v: Option<&Value>) -> Option<[usize; 2]> {
    let a = v?.as_array()?;
    match a.as_slice() {
        [s, e] => Some([s.as_u64()? as usize, e.as_u64()? as usize]),
        _ => None,
    }
}

fn str_of(v: Option<&Value>) -> Option<String> {
    v.and_then(Value::as_str).map(str::to_string)
}

fn read_json_gold(path: &Path, content: &str) -> Result<Gold, Error> {
    let json: Value = serde_json::from_str(content)
        .map_err(|e| gold_error(path, format!("not valid JSON: {e}")))?;
    if !json.is_object() {
        return Err(gold_error(path, "a JSON gold file must be an object"));
    }
    let text = match json.get("text").and_then(Value::as_str) {
        Some(t) => t.to_string(),
        None => {
            let sibling = path.with_extension("txt");
            std::fs::read_to_string(&sibling).map_err(|e| {
                gold_error(
                    path,
                    format!(
                        "no \"text\" field, and the text file {} cannot be read: {e}",
                        sibling.display()
                    ),
                )
            })?
        }
    };
    let dct = str_of(json.pointer("/document/dct")).or_else(|| str_of(json.get("dct")));
    let timexes = match json.get("timexes") {
        None | Some(Value::Null) => None,
        Some(Value::Array(items)) => Some(
            items
                .iter()
                .enumerate()
                .map(|(n, t)| {
                    Ok(GoldTimex {
                        span: span_of(t.get("span")).ok_or_else(|| {
                            gold_error(path, format!("timexes[{n}] has no span [start, end]"))
                        })?,
                        kind: str_of(t.get("type")),
                        value: str_of(t.get("value")),
                    })
                })
                .collect::<Result<Vec<_>, Error>>()?,
        ),
        Some(_) => return Err(gold_error(path, "\"timexes\" must be an array")),
    };
    // actors by id, with every name they go by
    let mut actors: Vec<(String, GoldActor)> = Vec::new();
    if let Some(list) = json.get("actors").and_then(Value::as_array) {
        for a in list {
            let Some(id) = str_of(a.get("id")) else {
                continue;
            };
            let mut names: Vec<String> = [str_of(a.get("name")), str_of(a.get("name_en"))]
                .into_iter()
                .flatten()
                .collect();
            if let Some(ms) = a.get("mentions").and_then(Value::as_array) {
                names.extend(ms.iter().filter_map(|m| str_of(m.get("text"))));
            }
            actors.push((
                id,
                GoldActor {
                    names,
                    gazetteer_id: str_of(a.get("gazetteer_id")),
                },
            ));
        }
    }
    let actor = |v: &Value| -> Option<GoldActor> {
        let s = v.as_str()?;
        Some(
            actors
                .iter()
                .find(|(id, _)| id == s)
                .map(|(_, a)| a.clone())
                .unwrap_or_else(|| GoldActor {
                    names: vec![s.to_string()],
                    gazetteer_id: Some(s.to_string()),
                }),
        )
    };
    let events = match json.get("events") {
        None | Some(Value::Null) => None,
        Some(Value::Array(items)) => Some(
            items
                .iter()
                .enumerate()
                .map(|(n, e)| {
                    let span = span_of(e.pointer("/trigger/span"))
                        .or_else(|| span_of(e.get("span")))
                        .ok_or_else(|| {
                            gold_error(
                                path,
                                format!("events[{n}] has no trigger span [start, end]"),
                            )
                        })?;
                    Ok(GoldEvent {
                        span,
                        kind: str_of(e.get("kind")).map(GoldKind::Kind),
                        agent: e.get("agent").map(actor),
                        date: e
                            .get("time")
                            .and_then(|t| t.get("value"))
                            .map(|v| v.as_str().map(str::to_string)),
                    })
                })
                .collect::<Result<Vec<_>, Error>>()?,
        ),
        Some(_) => return Err(gold_error(path, "\"events\" must be an array")),
    };
    Ok(Gold {
        path: path.to_path_buf(),
        text,
        dct,
        timexes,
        events,
    })
}

/// Precision, recall and F1 of `matched` out of `system` and `gold`; `None` where a
/// denominator is zero.
fn prf(matched: usize, system: usize, gold: usize) -> Prf {
    let div = |a: usize, b: usize| (b > 0).then(|| a as f64 / b as f64);
    let precision = div(matched, system);
    let recall = div(matched, gold);
    let f1 = match (precision, recall) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (Some(_), Some(_)) => Some(0.0),
        _ => None,
    };
    Prf {
        matched,
        precision,
        recall,
        f1,
    }
}

/// Precision, recall, F1.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// How many matched (or were right).
    pub matched: usize,
    /// matched / system.
    pub precision: Option<f64>,
    /// matched / gold.
    pub recall: Option<f64>,
    /// Harmonic mean of the two.
    pub f1: Option<f64>,
}

/// An attribute scored over matches.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Accuracy {
    /// Matches whose gold gives the attribute.
    pub scored: usize,
    /// Of those, how many zaman got right.
    pub correct: usize,
    /// correct / scored.
    pub accuracy: Option<f64>,
}

impl Accuracy {
    fn new(scored: usize, correct: usize) -> Self {
        Accuracy {
            scored,
            correct,
            accuracy: (scored > 0).then(|| correct as f64 / scored as f64),
        }
    }
}

/// A timex attribute as TE3 reports it: F1 over all timexes and accuracy over matches.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Attribute {
    /// TE3 attribute precision, recall and F1 (`matched` = relaxed matches with the right
    /// attribute).
    #[serde(flatten)]
    pub prf: Prf,
    /// Accuracy over relaxed matches whose gold gives the attribute.
    #[serde(flatten)]
    pub accuracy: Accuracy,
}

/// Raw timex counts (summed for the overall figures).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimexCounts {
    /// Gold timexes.
    pub gold: usize,
    /// zaman timexes.
    pub system: usize,
    /// Pairs with the same span.
    pub strict: usize,
    /// Pairs with overlapping spans.
    pub relaxed: usize,
    /// Relaxed pairs whose gold gives a value / with the same value.
    pub value_scored: usize,
    /// Relaxed pairs with the same value.
    pub value_correct: usize,
    /// Relaxed pairs whose gold gives a type.
    pub type_scored: usize,
    /// Relaxed pairs with the same type.
    pub type_correct: usize,
}

/// Raw event counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EventCounts {
    /// Gold events.
    pub gold: usize,
    /// zaman events.
    pub system: usize,
    /// Pairs with overlapping triggers.
    pub matched: usize,
    /// Kind: (scored, correct).
    pub kind: (usize, usize),
    /// Agent: (scored, correct).
    pub agent: (usize, usize),
    /// Date: (scored, correct).
    pub date: (usize, usize),
}

impl std::ops::AddAssign for TimexCounts {
    fn add_assign(&mut self, o: Self) {
        self.gold += o.gold;
        self.system += o.system;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.value_scored += o.value_scored;
        self.value_correct += o.value_correct;
        self.type_scored += o.type_scored;
        self.type_correct += o.type_correct;
    }
}

impl std::ops::AddAssign for EventCounts {
    fn add_assign(&mut self, o: Self) {
        self.gold += o.gold;
        self.system += o.system;
        self.matched += o.matched;
        for (a, b) in [
            (&mut self.kind, o.kind),
            (&mut self.agent, o.agent),
            (&mut self.date, o.date),
        ] {
            a.0 += b.0;
            a.1 += b.1;
        }
    }
}

/// Timex metrics.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TimexScores {
    /// Gold timexes.
    pub gold: usize,
    /// zaman timexes.
    pub system: usize,
    /// Same span.
    pub strict: Prf,
    /// Overlapping span.
    pub relaxed: Prf,
    /// Value (TE3 attribute F1, and accuracy).
    pub value: Attribute,
    /// Type (TE3 attribute F1, and accuracy).
    #[serde(rename = "type")]
    pub kind: Attribute,
}

impl From<TimexCounts> for TimexScores {
    fn from(c: TimexCounts) -> Self {
        TimexScores {
            gold: c.gold,
            system: c.system,
            strict: prf(c.strict, c.system, c.gold),
            relaxed: prf(c.relaxed, c.system, c.gold),
            value: Attribute {
                prf: prf(c.value_correct, c.system, c.gold),
                accuracy: Accuracy::new(c.value_scored, c.value_correct),
            },
            kind: Attribute {
                prf: prf(c.type_correct, c.system, c.gold),
                accuracy: Accuracy::new(c.type_scored, c.type_correct),
            },
        }
    }
}

/// Event metrics.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct EventScores {
    /// Gold events.
    pub gold: usize,
    /// zaman events.
    pub system: usize,
    /// Matched by trigger overlap.
    #[serde(flatten)]
    pub detection: Prf,
    /// Kind (or TimeML class) accuracy over matches.
    pub kind: Accuracy,
    /// Agent accuracy over matches.
    pub agent: Accuracy,
    /// Date value accuracy over matches.
    pub date: Accuracy,
}

impl From<EventCounts> for EventScores {
    fn from(c: EventCounts) -> Self {
        EventScores {
            gold: c.gold,
            system: c.system,
            detection: prf(c.matched, c.system, c.gold),
            kind: Accuracy::new(c.kind.0, c.kind.1),
            agent: Accuracy::new(c.agent.0, c.agent.1),
            date: Accuracy::new(c.date.0, c.date.1),
        }
    }
}

/// The scores of one gold file.
#[derive(Debug, Clone, Serialize)]
pub struct FileScore {
    /// The gold file.
    pub file: String,
    /// The DCT used.
    pub dct: Option<String>,
    /// Timex metrics; `null` when the gold has no timex annotation.
    pub timexes: Option<TimexScores>,
    /// Event metrics; `null` when the gold has no event annotation.
    pub events: Option<EventScores>,
    #[serde(skip)]
    timex_counts: Option<TimexCounts>,
    #[serde(skip)]
    event_counts: Option<EventCounts>,
}

/// Micro-averaged scores over all files.
#[derive(Debug, Clone, Serialize)]
pub struct Overall {
    /// Number of gold files.
    pub files: usize,
    /// Timex metrics over the files that annotate timexes.
    pub timexes: Option<TimexScores>,
    /// Event metrics over the files that annotate events.
    pub events: Option<EventScores>,
}

/// The whole evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The gold path given.
    pub gold: String,
    /// Per file, in name order.
    pub files: Vec<FileScore>,
    /// Micro-averaged over the files.
    pub overall: Overall,
}

fn overlap(a: [usize; 2], b: [usize; 2]) -> usize {
    a[1].min(b[1]).saturating_sub(a[0].max(b[0]))
}

/// One-to-one matching of gold spans to system spans by overlap: each gold span, in
/// order, takes the unmatched system span that overlaps it most (the first on a tie).
/// Returns (gold index, system index) pairs.
fn match_spans(gold: &[[usize; 2]], system: &[[usize; 2]]) -> Vec<(usize, usize)> {
    let mut used = vec![false; system.len()];
    let mut pairs = Vec::new();
    for (g, gs) in gold.iter().enumerate() {
        let best = system
            .iter()
            .enumerate()
            .filter(|(s, ss)| !used[*s] && overlap(*gs, **ss) > 0)
            .max_by_key(|(s, ss)| (overlap(*gs, **ss), std::cmp::Reverse(*s)));
        if let Some((s, _)) = best {
            used[s] = true;
            pairs.push((g, s));
        }
    }
    pairs
}

/// Exact-span pairs, one to one.
fn strict_matches(gold: &[[usize; 2]], system: &[[usize; 2]]) -> usize {
    let mut used = vec![false; system.len()];
    let mut n = 0;
    for gs in gold {
        if let Some(s) = (0..system.len()).find(|&s| !used[s] && system[s] == *gs) {
            used[s] = true;
            n += 1;
        }
    }
    n
}

fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a.trim()), fold(b.trim()));
    !a.is_empty() && a == b
}

/// Whether zaman's agent (an actor id of `doc`) is the gold agent.
fn same_agent(gold: &Option<GoldActor>, system: Option<&str>, doc: &Document) -> bool {
    let actor = system.and_then(|id| doc.actors.iter().find(|a| a.id == id));
    match (gold, actor) {
        (None, None) => true,
        (Some(g), Some(a)) => {
            if let (Some(x), Some(y)) = (&g.gazetteer_id, &a.gazetteer_id)
                && x == y
            {
                return true;
            }
            let names = std::iter::once(a.name.as_str())
                .chain(a.name_en.as_deref())
                .chain(a.mentions.iter().map(|m| m.text.as_str()));
            let names: Vec<&str> = names.collect();
            g.names
                .iter()
                .any(|n| names.iter().any(|m| same_name(n, m)))
        }
        _ => false,
    }
}

/// Scores one extracted document against its gold.
pub fn score(gold: &Gold, doc: &Document) -> FileScore {
    let timex_counts = gold.timexes.as_ref().map(|g| {
        let gs: Vec<[usize; 2]> = g.iter().map(|t| t.span).collect();
        let ss: Vec<[usize; 2]> = doc.timexes.iter().map(|t| t.span).collect();
        let mut c = TimexCounts {
            gold: gs.len(),
            system: ss.len(),
            strict: strict_matches(&gs, &ss),
            ..TimexCounts::default()
        };
        for (gi, si) in match_spans(&gs, &ss) {
            c.relaxed += 1;
            let (gt, st) = (&g[gi], &doc.timexes[si]);
            if let Some(v) = &gt.value {
                c.value_scored += 1;
                c.value_correct += usize::from(*v == st.value);
            }
            if let Some(k) = &gt.kind {
                c.type_scored += 1;
                c.type_correct += usize::from(*k == crate::export::common::json_name(&st.kind));
            }
        }
        c
    });
    let event_counts = gold.events.as_ref().map(|g| {
        let gs: Vec<[usize; 2]> = g.iter().map(|e| e.span).collect();
        let ss: Vec<[usize; 2]> = doc.events.iter().map(|e| e.trigger.span).collect();
        let mut c = EventCounts {
            gold: gs.len(),
            system: ss.len(),
            ..EventCounts::default()
        };
        for (gi, si) in match_spans(&gs, &ss) {
            c.matched += 1;
            let (ge, se) = (&g[gi], &doc.events[si]);
            if let Some(kind) = &ge.kind {
                let right = match kind {
                    GoldKind::Kind(k) => *k == crate::export::common::json_name(&se.kind),
                    GoldKind::Class(class) => class == timeml::event_class(se.kind, &se.cameo),
                };
                c.kind.0 += 1;
                c.kind.1 += usize::from(right);
            }
            if let Some(agent) = &ge.agent {
                c.agent.0 += 1;
                c.agent.1 += usize::from(same_agent(agent, se.agent.as_deref(), doc));
            }
            if let Some(date) = &ge.date {
                c.date.0 += 1;
                c.date.1 += usize::from(*date == se.time.value);
            }
        }
        c
    });
    FileScore {
        file: gold.path.display().to_string(),
        dct: doc.document.dct.clone(),
        timexes: timex_counts.map(TimexScores::from),
        events: event_counts.map(EventScores::from),
        timex_counts,
        event_counts,
    }
}

/// Scores zaman on every gold file at `path` (a file or a directory). A gold file's own
/// DCT is used; `dct` is the fallback for gold files without one (else it is inferred).
/// A dev set ([`devset::detect`]) is scored by [`devset`]'s rules (those of its
/// `score.py`), its table counts in the report.
pub fn evaluate(path: &Path, extractor: &Extractor, dct: Option<Dct>) -> Result<Report, Error> {
    if let Some(set) = devset::detect(path)? {
        return Ok(set.score(&devset::extract(&set, extractor)?).report);
    }
    let mut files = Vec::new();
    for file in gold_files(path)? {
        let gold = read_gold(&file)?;
        let gold_dct = match &gold.dct {
            Some(d) => Some(
                d.parse::<Dct>()
                    .map_err(|e| gold_error(&file, e.to_string()))?,
            ),
            None => dct,
        };
        let doc = extractor.extract(&file.display().to_string(), &gold.text, gold_dct);
        files.push(score(&gold, &doc));
    }
    Ok(Report::new(path.display().to_string(), files))
}

impl Report {
    /// A report of per-file scores, with the micro-averaged overall figures.
    pub fn new(gold: String, files: Vec<FileScore>) -> Report {
        let mut timex: Option<TimexCounts> = None;
        let mut event: Option<EventCounts> = None;
        for f in &files {
            if let Some(c) = f.timex_counts {
                *timex.get_or_insert_with(TimexCounts::default) += c;
            }
            if let Some(c) = f.event_counts {
                *event.get_or_insert_with(EventCounts::default) += c;
            }
        }
        Report {
            gold,
            overall: Overall {
                files: files.len(),
                timexes: timex.map(TimexScores::from),
                events: event.map(EventScores::from),
            },
            files,
        }
    }

    /// The report as a plain-text table.
    pub fn table(&self) -> String {
        let num = |x: Option<f64>| x.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"));
        let acc = |a: &Accuracy| match a.accuracy {
            Some(v) => format!("{v:.3} ({})", a.scored),
            None => "-".to_string(),
        };
        let rows: Vec<(&str, Option<&TimexScores>, Option<&EventScores>)> = self
            .files
            .iter()
            .map(|f| (f.file.as_str(), f.timexes.as_ref(), f.events.as_ref()))
            .chain(std::iter::once((
                "overall (micro)",
                self.overall.timexes.as_ref(),
                self.overall.events.as_ref(),
            )))
            .collect();
        let width = rows
            .iter()
            .map(|r| r.0.chars().count())
            .max()
            .unwrap_or(4)
            .max(4);
        let mut s = String::new();
        let _ = writeln!(
            s,
            "zaman eval: {} gold file{} at {}\n",
            self.files.len(),
            if self.files.len() == 1 { "" } else { "s" },
            self.gold
        );
        let _ = writeln!(
            s,
            "timexes (TempEval-3: strict = same span, relaxed = overlap; value and type as \
             TE3 attribute F1 over relaxed matches)"
        );
        let _ = writeln!(
            s,
            "{:<width$}  {:>5} {:>5}  {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>7} {:>7}",
            "file",
            "gold",
            "sys",
            "str.P",
            "str.R",
            "str.F1",
            "rel.P",
            "rel.R",
            "rel.F1",
            "valueF1",
            "typeF1"
        );
        for (name, t, _) in &rows {
            match t {
                Some(t) => {
                    let _ = writeln!(
                        s,
                        "{:<width$}  {:>5} {:>5}  {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>7} {:>7}",
                        name,
                        t.gold,
                        t.system,
                        num(t.strict.precision),
                        num(t.strict.recall),
                        num(t.strict.f1),
                        num(t.relaxed.precision),
                        num(t.relaxed.recall),
                        num(t.relaxed.f1),
                        num(t.value.prf.f1),
                        num(t.kind.prf.f1),
                    );
                }
                None => {
                    let _ = writeln!(s, "{name:<width$}  (no timex annotation)");
                }
            }
        }
        let _ = writeln!(
            s,
            "\nevents (matched by trigger overlap; kind, agent, date as accuracy over matches \
             (number scored))"
        );
        let _ = writeln!(
            s,
            "{:<width$}  {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6}  {:>11} {:>11} {:>11}",
            "file", "gold", "sys", "match", "P", "R", "F1", "kind", "agent", "date"
        );
        for (name, _, e) in &rows {
            match e {
                Some(e) => {
                    let _ = writeln!(
                        s,
                        "{:<width$}  {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6}  {:>11} {:>11} {:>11}",
                        name,
                        e.gold,
                        e.system,
                        e.detection.matched,
                        num(e.detection.precision),
                        num(e.detection.recall),
                        num(e.detection.f1),
                        acc(&e.kind),
                        acc(&e.agent),
                        acc(&e.date),
                    );
                }
                None => {
                    let _ = writeln!(s, "{name:<width$}  (no event annotation)");
                }
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_handles_empty_sides() {
        let p = prf(3, 4, 6);
        assert_eq!(p.precision, Some(0.75));
        assert_eq!(p.recall, Some(0.5));
        assert_eq!(p.f1, Some(0.6));
        assert_eq!(prf(0, 0, 2).precision, None);
        assert_eq!(prf(0, 0, 2).f1, None);
        assert_eq!(prf(0, 3, 2).f1, Some(0.0));
    }

    #[test]
    fn spans_match_one_to_one_by_largest_overlap() {
        let gold = [[0, 5], [10, 20]];
        let system = [[3, 12], [12, 25], [0, 5]];
        // [0,5) takes [0,5) (overlap 5 > 2); [10,20) takes [12,25) (8 > 2)
        assert_eq!(match_spans(&gold, &system), [(0, 2), (1, 1)]);
        assert_eq!(strict_matches(&gold, &system), 1);
        assert_eq!(match_spans(&[[0, 2]], &[[2, 4]]), []);
    }
}
