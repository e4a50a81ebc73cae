//! The development set's annotation format (`../shared/devset/*.json`, its
//! `GUIDELINES.md` section 1) and its reference scorer `score.py`, reproduced rule for
//! rule so that `zaman eval` prints the same figures.
//!
//! A passage file is one JSON object with `id`, `text`, `dct`, `timex` (`text`, `start`,
//! `end`, `type`, `value`), `actors` (`name`, `mentions`) and `events` (`kind`,
//! `trigger`, `trigger_start`, `agent`, `participants`, `date`); offsets are code
//! points. A directory is a dev set when one of its `*.json` files has that shape; then
//! every `*.json` in it must be a passage (`.tml` files are left alone, as `score.py`
//! does).
//!
//! The system side is zaman's document JSON, one per line as `zaman batch` writes it:
//! either a file given with `--system`, or zaman run here on each passage exactly as
//! `zaman batch` runs on the output of `gold_input.py` (`{"id", "text", "dct"}` lines).
//! Both are read by the same code, as values, with `score.py`'s defaults for what is
//! missing (`d.get("events") or []` …), so the two paths cannot disagree.
//!
//! What `score.py` does, and this module with it:
//! - **alignment** ([`align`]): every (gold, system) pair whose spans overlap, sorted by
//!   overlap, largest first; on a tie the earlier gold, then the earlier system item
//!   (a stable sort of pairs made in that order); each taken when neither side is used.
//! - **timexes**: gold span `[start, end)`, system `span`; strict = the aligned pair has
//!   the same span; value right when the system value (missing or empty: `""`) equals
//!   the gold value; type right when the upper-cased system type equals the gold type.
//!   `value_acc`, `type_acc` over the aligned pairs; `value_f1` counts a right value as
//!   a hit over all timexes.
//! - **events**: gold trigger span `[trigger_start, trigger_start + len(trigger))`,
//!   system `trigger.span` (missing: `[0, 0)`). A system event that is the `from` of one
//!   of the document's `SAME_AS` relations and is not aligned to a gold event is a
//!   repeat and is dropped before counting. Kind right when the system kind (outside
//!   statement/call/appeal/meeting/other: `other`) is the gold kind; `core_f1` aligns the
//!   statements, calls and appeals of both sides separately and counts pairs of the
//!   same kind. Agent right when the gold agent's names and the system agent's names
//!   share one after [`norm`] (gold: the actor's `name` and `mentions`, or the agent
//!   string itself when no actor has that name; system: `name`, `name_en` and mention
//!   texts), scored where the gold gives an agent. Date right when `time.value` equals
//!   the gold `date`, empty and null being the same. A gold call with participants is
//!   right when each of them is the same actor as one of the system's participants or
//!   its agent.
//! - a passage without a system document, or whose line is an error record, is scored
//!   against an empty document and listed in `missing_or_error`.
//! - figures are rounded as Python's `round(x, 3)` rounds ([`round3`]), and a ratio with
//!   a zero denominator is 0.0.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

use super::{EventCounts, FileScore, Report, TimexCounts, gold_error};
use crate::batch::{self, Record};
use crate::document::Extractor;
use crate::error::Error;

/// An id as `score.py` keys it: the JSON text of the value, `None` for null or missing.
pub type Key = Option<String>;

fn key(v: Option<&Value>) -> Key {
    match v {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.to_string()),
    }
}

/// Python's truth value of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// `d.get(name) or None`.
fn get_truthy<'a>(d: &'a Value, name: &str) -> Option<&'a Value> {
    d.get(name).filter(|v| truthy(v))
}

/// A gold timex.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    /// The annotated text.
    pub text: String,
    /// First code point.
    pub start: i64,
    /// End code point (exclusive).
    pub end: i64,
    /// TIMEX3 type (`DATE`, `TIME`, `DURATION`, `SET`).
    pub kind: Option<String>,
    /// TIMEX3 value (a string, or null).
    pub value: Value,
}

/// A gold actor.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// Canonical name; events name their agent and participants by it.
    pub name: String,
    /// Surface forms.
    pub mentions: Vec<String>,
}

/// A gold event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// `statement`, `call`, `appeal`, `meeting` or `other`.
    pub kind: String,
    /// The trigger as written.
    pub trigger: String,
    /// Its first code point.
    pub trigger_start: i64,
    /// The agent's actor name; `None` for null (or empty).
    pub agent: Option<String>,
    /// The other parties' actor names.
    pub participants: Vec<String>,
    /// The date value as given (a string, or null).
    pub date: Value,
}

impl Event {
    fn span(&self) -> (i64, i64) {
        (
            self.trigger_start,
            self.trigger_start + self.trigger.chars().count() as i64,
        )
    }
}

/// One annotated passage.
#[derive(Debug, Clone)]
pub struct Passage {
    /// Its file.
    pub path: PathBuf,
    /// Its `id` as given.
    pub id: Value,
    /// The passage.
    pub text: String,
    /// The publication date as given (`YYYY-MM-DD`, or null).
    pub dct: Value,
    /// Gold timexes.
    pub timexes: Vec<Timex>,
    /// Gold actors.
    pub actors: Vec<Actor>,
    /// Gold events.
    pub events: Vec<Event>,
}

/// A development set: its passages by id, in file-name order (a later file with an id
/// already seen takes that id's place, as in `score.py`'s dictionary).
#[derive(Debug, Clone)]
pub struct DevSet {
    /// The directory (or file) given.
    pub path: PathBuf,
    /// The passages.
    pub passages: Vec<Passage>,
}

/// Whether a JSON value has the shape of a dev-set passage.
pub fn is_passage(json: &Value) -> bool {
    ["text", "timex", "events", "actors", "dct"]
        .iter()
        .all(|k| json.get(k).is_some())
}

fn read_json(path: &Path) -> Result<Value, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    let content = String::from_utf8(bytes).map_err(|e| Error::Utf8 {
        path: path.display().to_string(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    serde_json::from_str(&content).map_err(|e| gold_error(path, format!("not valid JSON: {e}")))
}

/// The `*.json` files of a directory as Python's `sorted(glob("DIR/*.json"))` lists
/// them: names not starting with a dot, in code point order.
fn json_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
        path: dir.display().to_string(),
        source,
    })?;
    let mut files: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".json") && !n.starts_with('.'))
        })
        .map(|p| (p.display().to_string(), p))
        .collect();
    files.sort();
    Ok(files.into_iter().map(|(_, p)| p).collect())
}

/// The dev set at `path`, when it is one: a passage file, or a directory where one of
/// the `*.json` files is a passage (then all must be). `None` for other gold.
///
/// # Errors
/// A file of the set that cannot be read, is not JSON, or is not a valid passage (a
/// missing or mistyped field, a span outside the text), named with its path.
pub fn detect(path: &Path) -> Result<Option<DevSet>, Error> {
    let meta = std::fs::metadata(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    let files = if meta.is_dir() {
        json_files(path)?
    } else if path.extension().is_some_and(|e| e == "json") {
        vec![path.to_path_buf()]
    } else {
        return Ok(None);
    };
    let read: Vec<(PathBuf, Result<Value, Error>)> = files
        .into_iter()
        .map(|p| (p.clone(), read_json(&p)))
        .collect();
    if !read.iter().any(|(_, j)| j.as_ref().is_ok_and(is_passage)) {
        return Ok(None);
    }
    let mut passages: Vec<Passage> = Vec::new();
    for (file, json) in read {
        let json = json?;
        if !is_passage(&json) {
            let missing: Vec<&str> = ["id", "text", "timex", "events", "actors", "dct"]
                .into_iter()
                .filter(|k| json.get(k).is_none())
                .collect();
            return Err(gold_error(
                &file,
                format!(
                    "not a dev-set passage like the other JSON files here: no {}",
                    missing.join(", ")
                ),
            ));
        }
        let passage = read_passage(&file, &json)?;
        match passages.iter_mut().find(|p| p.id == passage.id) {
            Some(p) => *p = passage,
            None => passages.push(passage),
        }
    }
    Ok(Some(DevSet {
        path: path.to_path_buf(),
        passages,
    }))
}

fn field<'a>(path: &Path, at: &str, obj: &'a Value, name: &str) -> Result<&'a Value, Error> {
    obj.get(name)
        .ok_or_else(|| gold_error(path, format!("{at}has no \"{name}\"")))
}

fn string(path: &Path, at: &str, obj: &Value, name: &str) -> Result<String, Error> {
    match field(path, at, obj, name)? {
        Value::String(s) => Ok(s.clone()),
        v => Err(gold_error(
            path,
            format!("{at}\"{name}\" must be a string, not {v}"),
        )),
    }
}

fn string_or_null(path: &Path, at: &str, obj: &Value, name: &str) -> Result<Value, Error> {
    match obj.get(name) {
        None => Ok(Value::Null),
        Some(v @ (Value::String(_) | Value::Null)) => Ok(v.clone()),
        Some(v) => Err(gold_error(
            path,
            format!("{at}\"{name}\" must be a string or null, not {v}"),
        )),
    }
}

fn integer(path: &Path, at: &str, obj: &Value, name: &str) -> Result<i64, Error> {
    let v = field(path, at, obj, name)?;
    v.as_i64().ok_or_else(|| {
        gold_error(
            path,
            format!("{at}\"{name}\" must be an integer offset, not {v}"),
        )
    })
}

fn list<'a>(path: &Path, at: &str, obj: &'a Value, name: &str) -> Result<&'a [Value], Error> {
    match obj.get(name) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(v) => Err(gold_error(
            path,
            format!("{at}\"{name}\" must be an array, not {v}"),
        )),
    }
}

fn strings(path: &Path, at: &str, obj: &Value, name: &str) -> Result<Vec<String>, Error> {
    list(path, at, obj, name)?
        .iter()
        .map(|v| {
            v.as_str().map(str::to_string).ok_or_else(|| {
                gold_error(path, format!("{at}\"{name}\" must hold strings, not {v}"))
            })
        })
        .collect()
}

fn objects<'a>(path: &Path, json: &'a Value, name: &str) -> Result<&'a [Value], Error> {
    let items = list(path, "", json, name)?;
    if let Some(n) = items.iter().position(|v| !v.is_object()) {
        return Err(gold_error(path, format!("{name}[{n}] is not an object")));
    }
    Ok(items)
}

/// Reads one passage, checking its fields and that every span lies in the text.
///
/// # Errors
/// What is wrong, named with the file.
pub fn read_passage(path: &Path, json: &Value) -> Result<Passage, Error> {
    if !json.is_object() {
        return Err(gold_error(path, "a dev-set passage must be a JSON object"));
    }
    let id = field(path, "the passage ", json, "id")?.clone();
    if !matches!(id, Value::String(_) | Value::Number(_)) {
        return Err(gold_error(
            path,
            format!("\"id\" must be a string or a number, not {id}"),
        ));
    }
    let text = string(path, "the passage ", json, "text")?;
    let dct = string_or_null(path, "the passage ", json, "dct")?;
    let len = text.chars().count() as i64;
    let inside = |what: String, s: i64, e: i64| -> Result<(), Error> {
        if s < 0 || s > e || e > len {
            return Err(gold_error(
                path,
                format!("{what}: span [{s}, {e}) is outside the text ({len} code points)"),
            ));
        }
        Ok(())
    };
    let mut timexes = Vec::new();
    for (n, t) in objects(path, json, "timex")?.iter().enumerate() {
        let at = format!("timex[{n}] ");
        let timex = Timex {
            text: string(path, &at, t, "text")?,
            start: integer(path, &at, t, "start")?,
            end: integer(path, &at, t, "end")?,
            kind: string_or_null(path, &at, t, "type")?
                .as_str()
                .map(str::to_string),
            value: string_or_null(path, &at, t, "value")?,
        };
        inside(format!("timex[{n}]"), timex.start, timex.end)?;
        timexes.push(timex);
    }
    let mut actors = Vec::new();
    for (n, a) in objects(path, json, "actors")?.iter().enumerate() {
        let at = format!("actors[{n}] ");
        actors.push(Actor {
            name: string(path, &at, a, "name")?,
            mentions: strings(path, &at, a, "mentions")?,
        });
    }
    let mut events = Vec::new();
    for (n, e) in objects(path, json, "events")?.iter().enumerate() {
        let at = format!("events[{n}] ");
        let agent = string_or_null(path, &at, e, "agent")?;
        let event = Event {
            kind: string(path, &at, e, "kind")?,
            trigger: string(path, &at, e, "trigger")?,
            trigger_start: integer(path, &at, e, "trigger_start")?,
            agent: agent.as_str().filter(|s| !s.is_empty()).map(str::to_string),
            participants: strings(path, &at, e, "participants")?,
            date: string_or_null(path, &at, e, "date")?,
        };
        let (s, end) = event.span();
        inside(format!("events[{n}] (trigger {:?})", event.trigger), s, end)?;
        events.push(event);
    }
    Ok(Passage {
        path: path.to_path_buf(),
        id,
        text,
        dct,
        timexes,
        actors,
        events,
    })
}

/// A system timex, as `score.py` reads it.
#[derive(Debug, Clone, Default)]
struct SysTimex {
    span: (i64, i64),
    text: Option<Value>,
    value: Option<Value>,
    kind: String,
}

/// A system event, as `score.py` reads it.
#[derive(Debug, Clone, Default)]
struct SysEvent {
    id: Key,
    span: (i64, i64),
    kind: Option<String>,
    agent: Option<String>,
    participants: Vec<Option<String>>,
    time_value: Option<Value>,
}

/// One system document, as `score.py` reads it.
#[derive(Debug, Clone, Default)]
pub struct SysDoc {
    error: bool,
    timexes: Vec<SysTimex>,
    events: Vec<SysEvent>,
    /// Actor id → its folded names (a later actor with the same id replaces it).
    actors: HashMap<Key, HashSet<String>>,
    /// The `from` of every SAME_AS relation.
    repeats: HashSet<Key>,
}

/// System documents by id.
pub type System = HashMap<Key, SysDoc>;

fn optional_id(v: Option<&Value>, what: &str) -> Result<Option<String>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(v) => Err(format!("{what} must be a string id, not {v}")),
    }
}

fn sys_span(v: &Value, what: &str) -> Result<(i64, i64), String> {
    match v.as_array().map(Vec::as_slice) {
        Some([s, e]) => match (s.as_i64(), e.as_i64()) {
            (Some(s), Some(e)) => Ok((s, e)),
            _ => Err(format!("{what} span must be two integers, not {v}")),
        },
        _ => Err(format!("{what} span must be [start, end], not {v}")),
    }
}

fn sys_list<'a>(d: &'a Value, name: &str) -> Result<&'a [Value], String> {
    match get_truthy(d, name) {
        None => Ok(&[]),
        Some(Value::Array(a)) => {
            if let Some(n) = a.iter().position(|v| !v.is_object()) {
                return Err(format!("{name}[{n}] is not an object"));
            }
            Ok(a)
        }
        Some(v) => Err(format!("\"{name}\" must be an array, not {v}")),
    }
}

fn read_sys_doc(d: &Value) -> Result<SysDoc, String> {
    let mut doc = SysDoc {
        error: d.get("error").is_some(),
        ..SysDoc::default()
    };
    for (n, t) in sys_list(d, "timexes")?.iter().enumerate() {
        let what = format!("timexes[{n}]");
        let span = t.get("span").ok_or_else(|| format!("{what} has no span"))?;
        let kind = match get_truthy(t, "type") {
            None => String::new(),
            Some(Value::String(s)) => s.to_uppercase(),
            Some(v) => return Err(format!("{what} type must be a string, not {v}")),
        };
        doc.timexes.push(SysTimex {
            span: sys_span(span, &what)?,
            text: t.get("text").cloned(),
            value: t.get("value").cloned(),
            kind,
        });
    }
    for (n, e) in sys_list(d, "events")?.iter().enumerate() {
        let what = format!("events[{n}]");
        let span = match get_truthy(e, "trigger").and_then(|t| get_truthy(t, "span")) {
            Some(s) => sys_span(s, &format!("{what} trigger"))?,
            None => (0, 0),
        };
        let participants = match get_truthy(e, "participants") {
            None => Vec::new(),
            Some(Value::Array(ps)) => ps
                .iter()
                .map(|p| optional_id(Some(p), &format!("{what} participant")))
                .collect::<Result<_, _>>()?,
            Some(v) => return Err(format!("{what} participants must be an array, not {v}")),
        };
        doc.events.push(SysEvent {
            id: optional_id(e.get("id"), &format!("{what} id"))?,
            span,
            kind: match e.get("kind") {
                None | Some(Value::Null) => None,
                Some(Value::String(k)) => Some(k.clone()),
                Some(v) => return Err(format!("{what} kind must be a string, not {v}")),
            },
            agent: optional_id(e.get("agent"), &format!("{what} agent"))?,
            participants,
            time_value: get_truthy(e, "time").and_then(|t| t.get("value")).cloned(),
        });
    }
    let text_of = |v: Option<&Value>| v.and_then(Value::as_str).map(norm).unwrap_or_default();
    for (n, a) in sys_list(d, "actors")?.iter().enumerate() {
        let mut names: HashSet<String> = [text_of(a.get("name")), text_of(a.get("name_en"))]
            .into_iter()
            .collect();
        for m in a
            .get("mentions")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            names.insert(text_of(m.get("text")));
        }
        names.remove("");
        let id = optional_id(a.get("id"), &format!("actors[{n}] id"))?;
        doc.actors.insert(id, names);
    }
    for r in sys_list(d, "relations")? {
        if r.get("type").and_then(Value::as_str) == Some("SAME_AS") {
            match r.get("from") {
                None | Some(Value::Null) => {
                    doc.repeats.insert(None);
                }
                Some(Value::String(s)) => {
                    doc.repeats.insert(Some(s.clone()));
                }
                // an id of another type is no event's (event ids are strings)
                Some(_) => {}
            }
        }
    }
    Ok(doc)
}

/// Reads system documents, one JSON object per non-blank line, keyed by `id` (else
/// `document.id`); a later line with the same id replaces an earlier one.
///
/// # Errors
/// A line that is not a JSON object or holds a field of the wrong type, named with
/// `name` and the line number.
pub fn parse_system(name: &str, content: &str) -> Result<System, Error> {
    let mut system = System::new();
    let err = |n: usize, m: String| Error::Gold {
        path: format!("{name} line {}", n + 1),
        message: m,
    };
    for (n, line) in content.split('\n').enumerate() {
        let line = line.trim_matches(py_space);
        if line.is_empty() {
            continue;
        }
        let d: Value =
            serde_json::from_str(line).map_err(|e| err(n, format!("not valid JSON: {e}")))?;
        if !d.is_object() {
            return Err(err(n, "not a JSON object".to_string()));
        }
        let id = get_truthy(&d, "id")
            .or_else(|| get_truthy(&d, "document").and_then(|doc| doc.get("id")))
            .cloned();
        let doc = read_sys_doc(&d).map_err(|m| err(n, m))?;
        system.insert(key(id.as_ref()), doc);
    }
    Ok(system)
}

/// Reads a system file (`zaman batch` output).
///
/// # Errors
/// The file cannot be read or a line is wrong.
pub fn read_system(path: &Path) -> Result<System, Error> {
    let content = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse_system(&path.display().to_string(), &content)
}

/// Runs zaman on every passage as `zaman batch` runs on `gold_input.py`'s lines.
///
/// # Errors
/// Never in practice: the batch output is always readable.
pub fn extract(set: &DevSet, extractor: &Extractor<'_>) -> Result<System, Error> {
    let mut jsonl = String::new();
    for (n, p) in set.passages.iter().enumerate() {
        let line = serde_json::json!({"id": p.id, "text": p.text, "dct": p.dct}).to_string();
        let record = Record::Line {
            number: n + 1,
            bytes: line.into_bytes(),
        };
        let (out, _) = batch::output_line(extractor, &record);
        jsonl.push_str(&out);
        jsonl.push('\n');
    }
    parse_system("zaman batch output", &jsonl)
}

/// Python's `str.isspace`, which `re`'s `\s` and `str.strip` use.
fn py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `score.py`'s `norm`: NFC; harakat, superscript alef, tatweel, ZWNJ…RLM and ALM
/// removed; أ إ آ ٱ → ا, ى → ي, ة → ه; one proclitic و ف ب ل ك before ال dropped, then
/// the article ال; whitespace runs made one space, trimmed.
pub fn norm(s: &str) -> String {
    let s: String = s
        .nfc()
        .filter(|c| {
            !matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' | '\u{200C}'..='\u{200F}' | '\u{061C}')
        })
        .map(|c| match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        })
        .collect();
    let mut rest = s.as_str();
    if let Some(c) = rest.chars().next()
        && matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك')
        && rest[c.len_utf8()..].starts_with("ال")
    {
        rest = &rest[c.len_utf8()..];
    }
    let rest = rest.strip_prefix("ال").unwrap_or(rest);
    rest.split(py_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn overlap(a: (i64, i64), b: (i64, i64)) -> i64 {
    (a.1.min(b.1) - a.0.max(b.0)).max(0)
}

/// `score.py`'s `align`: greedy one-to-one by largest overlap. The pairs that overlap,
/// made gold by gold and system by system, are sorted by overlap (stable: ties keep
/// the earlier gold, then the earlier system item) and taken while both are free.
/// Returns (gold index, system index) in the order taken.
pub fn align(gold: &[(i64, i64)], system: &[(i64, i64)]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (si, s) in system.iter().enumerate() {
            let ov = overlap(*g, *s);
            if ov > 0 {
                pairs.push((ov, gi, si));
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let (mut used_g, mut used_s) = (HashSet::new(), HashSet::new());
    let mut out = Vec::new();
    for (_, gi, si) in pairs {
        if used_g.contains(&gi) || used_s.contains(&si) {
            continue;
        }
        used_g.insert(gi);
        used_s.insert(si);
        out.push((gi, si));
    }
    out
}

/// Python's `round(x, 3)`: the exact binary value rounded to three decimals, a tie to
/// the even digit, read back as the nearest double.
pub fn round3(x: f64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    // Rust writes the exact decimal expansion of a double at any precision
    let exact = format!("{:.1100}", x.abs());
    let (int, frac) = exact.split_once('.').unwrap_or((&exact, ""));
    let digits: Vec<u8> = int.bytes().chain(frac.bytes().take(3)).collect();
    let rest = &frac[3.min(frac.len())..];
    let first = rest.bytes().next().unwrap_or(b'0');
    let beyond = rest.bytes().skip(1).any(|b| b != b'0');
    let last_odd = digits.last().is_some_and(|d| (d - b'0') % 2 == 1);
    let up = first > b'5' || (first == b'5' && (beyond || last_odd));
    let mut n: u128 = digits
        .iter()
        .fold(0u128, |acc, d| acc * 10 + u128::from(d - b'0'));
    if up {
        n += 1;
    }
    let v: f64 = format!("{}.{:03}", n / 1000, n % 1000).parse().unwrap_or(x);
    if x < 0.0 { -v } else { v }
}

/// Whether Python's `str.isprintable` holds for `c` (control, format, separator and
/// private-use characters are not; unassigned ones are not told apart).
fn py_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c,
            '\u{00AD}' | '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{06DD}' | '\u{070F}'
            | '\u{0890}'..='\u{0891}' | '\u{08E2}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}' | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}' | '\u{E0001}' | '\u{E0020}'..='\u{E007F}'
            | '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}'))
}

/// Python's `repr` of a string.
pub fn py_repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            _ if c == quote || c == '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if py_printable(c) => out.push(c),
            _ if (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            _ if (c as u32) < 0x10000 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            _ => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push(quote);
    out
}

/// Python's `str()` of a JSON value as `json.loads` gives it.
fn py_str(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        v => py_repr(v),
    }
}

/// Python's `repr()` of a JSON value as `json.loads` gives it.
fn py_repr(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "None".to_string(),
        Some(Value::Bool(true)) => "True".to_string(),
        Some(Value::Bool(false)) => "False".to_string(),
        Some(Value::Number(n)) => match n.as_i64() {
            Some(i) => i.to_string(),
            None => n.as_f64().map(py_float).unwrap_or_else(|| n.to_string()),
        },
        Some(Value::String(s)) => py_repr_str(s),
        Some(Value::Array(a)) => format!(
            "[{}]",
            a.iter()
                .map(|x| py_repr(Some(x)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Some(Value::Object(o)) => format!(
            "{{{}}}",
            o.iter()
                .map(|(k, x)| format!("{}: {}", py_repr_str(k), py_repr(Some(x))))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// Python's `repr` of a float in the range the figures take.
fn py_float(x: f64) -> String {
    if x.is_finite() && x == x.trunc() && x.abs() < 1e16 {
        format!("{x:.1}")
    } else {
        format!("{x}")
    }
}

/// `score.py`'s counters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Timexes: gold, system, strict, relaxed, right value, right type.
    pub timex: [usize; 6],
    /// Events: gold, system, matched, right kind, right agent, gold agents, right date,
    /// gold calls with participants, of those with every party found.
    pub events: [usize; 9],
    /// Core events (statement, call, appeal): gold, system, matched with the same kind.
    pub core: [usize; 3],
}

/// The scores of a dev set.
#[derive(Debug, Clone)]
pub struct Scores {
    /// Passages scored.
    pub docs: usize,
    /// Ids of the passages without a system document (or with an error record).
    pub missing_or_error: Vec<Value>,
    /// The counters, summed over passages.
    pub counts: Counts,
    /// The misses as `score.py --verbose` writes them, in its order.
    pub misses: Vec<String>,
    /// The same counts per passage in the shape of the other gold formats (for the table).
    pub report: Report,
}

fn prf(tp: usize, nsys: usize, ngold: usize) -> (f64, f64, f64) {
    let p = if nsys > 0 {
        tp as f64 / nsys as f64
    } else {
        0.0
    };
    let r = if ngold > 0 {
        tp as f64 / ngold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn ratio(a: usize, b: usize) -> f64 {
    if b > 0 {
        round3(a as f64 / b as f64)
    } else {
        0.0
    }
}

const CORE: [&str; 3] = ["statement", "call", "appeal"];
const GOLD_KINDS: [&str; 5] = ["statement", "call", "appeal", "meeting", "other"];

/// Scores one passage into `counts`, pushing its misses; returns its table row counts.
fn score_passage(
    g: &Passage,
    d: &SysDoc,
    counts: &mut Counts,
    misses: &mut Vec<String>,
) -> (TimexCounts, EventCounts) {
    let gid = py_str(Some(&g.id));
    let (gt, st) = (&g.timexes, &d.timexes);
    let mut t = [0usize; 6];
    t[0] = gt.len();
    t[1] = st.len();
    let gspans: Vec<(i64, i64)> = gt.iter().map(|x| (x.start, x.end)).collect();
    let sspans: Vec<(i64, i64)> = st.iter().map(|x| x.span).collect();
    let pairs = align(&gspans, &sspans);
    for &(gi, si) in &pairs {
        let (a, b) = (&gt[gi], &st[si]);
        t[3] += 1;
        if (a.start, a.end) == b.span {
            t[2] += 1;
        }
        let sval = b
            .value
            .clone()
            .filter(truthy)
            .unwrap_or_else(|| Value::String(String::new()));
        if sval == a.value {
            t[4] += 1;
        } else {
            misses.push(format!(
                "{gid} VALUE {}: gold {} sys {} ({})",
                py_repr_str(&a.text),
                py_str(Some(&a.value)),
                py_str(b.value.as_ref()),
                py_repr(b.text.as_ref())
            ));
        }
        if a.kind.as_deref() == Some(b.kind.as_str()) {
            t[5] += 1;
        }
    }
    let gm: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
    let sm: HashSet<usize> = pairs.iter().map(|p| p.1).collect();
    for (gi, a) in gt.iter().enumerate() {
        if !gm.contains(&gi) {
            misses.push(format!(
                "{gid} MISSED {} ({})",
                py_repr_str(&a.text),
                py_str(Some(&a.value))
            ));
        }
    }
    for (si, b) in st.iter().enumerate() {
        if !sm.contains(&si) {
            misses.push(format!(
                "{gid} SPURIOUS {} ({})",
                py_repr(b.text.as_ref()),
                py_str(b.value.as_ref())
            ));
        }
    }

    // actors: gold by name, with the folded name and mentions
    let mut gact: HashMap<&str, HashSet<String>> = HashMap::new();
    for a in &g.actors {
        let mut names: HashSet<String> = a.mentions.iter().map(|m| norm(m)).collect();
        names.insert(norm(&a.name));
        gact.insert(a.name.as_str(), names);
    }
    let empty = HashSet::new();
    let same_actor = |gname: Option<&str>, sid: &Key| -> bool {
        let (Some(gname), Some(_)) = (gname, sid) else {
            return gname.is_none() && sid.is_none();
        };
        let own;
        let gs = match gact.get(gname) {
            Some(gs) => gs,
            None => {
                own = HashSet::from([norm(gname)]);
                &own
            }
        };
        let ss = d.actors.get(sid).unwrap_or(&empty);
        !gs.is_disjoint(ss)
    };

    let ge = &g.events;
    let gspans: Vec<(i64, i64)> = ge.iter().map(Event::span).collect();
    let all: Vec<(i64, i64)> = d.events.iter().map(|e| e.span).collect();
    let matched: HashSet<usize> = align(&gspans, &all).into_iter().map(|p| p.1).collect();
    let se: Vec<&SysEvent> = d
        .events
        .iter()
        .enumerate()
        .filter(|(i, e)| matched.contains(i) || !d.repeats.contains(&e.id))
        .map(|(_, e)| e)
        .collect();
    let mut e = [0usize; 9];
    e[0] = ge.len();
    e[1] = se.len();
    let gc: Vec<&Event> = ge
        .iter()
        .filter(|x| CORE.contains(&x.kind.as_str()))
        .collect();
    let sc: Vec<&SysEvent> = se
        .iter()
        .copied()
        .filter(|x| x.kind.as_deref().is_some_and(|k| CORE.contains(&k)))
        .collect();
    let gcs: Vec<(i64, i64)> = gc.iter().map(|x| x.span()).collect();
    let scs: Vec<(i64, i64)> = sc.iter().map(|x| x.span).collect();
    let core_match = align(&gcs, &scs)
        .into_iter()
        .filter(|&(gi, si)| Some(gc[gi].kind.as_str()) == sc[si].kind.as_deref())
        .count();
    counts.core[0] += gc.len();
    counts.core[1] += sc.len();
    counts.core[2] += core_match;

    let sspans: Vec<(i64, i64)> = se.iter().map(|x| x.span).collect();
    for (gi, si) in align(&gspans, &sspans) {
        let (a, b) = (&ge[gi], se[si]);
        e[2] += 1;
        let kind = b
            .kind
            .as_deref()
            .filter(|k| GOLD_KINDS.contains(k))
            .unwrap_or("other");
        if kind == a.kind {
            e[3] += 1;
        }
        if let Some(agent) = &a.agent {
            e[5] += 1;
            if same_actor(Some(agent), &b.agent) {
                e[4] += 1;
            } else {
                let mut names: Vec<&String> = d
                    .actors
                    .get(&b.agent)
                    .map(|s| s.iter().collect())
                    .unwrap_or_default();
                names.sort();
                names.truncate(3);
                misses.push(format!(
                    "{gid} AGENT {}: gold {agent} sys {} [{}]",
                    py_repr_str(&a.trigger),
                    b.agent.as_deref().unwrap_or("None"),
                    names
                        .iter()
                        .map(|n| py_repr_str(n))
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        let sval = b.time_value.as_ref().filter(|v| truthy(v));
        let gval = Some(&a.date).filter(|v| truthy(v));
        if sval == gval {
            e[6] += 1;
        } else {
            misses.push(format!(
                "{gid} DATE {}: gold {} sys {}",
                py_repr_str(&a.trigger),
                py_str(Some(&a.date)),
                py_str(b.time_value.as_ref())
            ));
        }
        if a.kind == "call" && !a.participants.is_empty() {
            e[7] += 1;
            let mut sp: Vec<Key> = b.participants.clone();
            if let Some(agent) = b.agent.as_ref().filter(|s| !s.is_empty()) {
                sp.push(Some(agent.clone()));
            }
            if a.participants
                .iter()
                .all(|p| sp.iter().any(|x| same_actor(Some(p), x)))
            {
                e[8] += 1;
            }
        }
    }
    for (sum, x) in counts.timex.iter_mut().zip(t) {
        *sum += x;
    }
    for (sum, x) in counts.events.iter_mut().zip(e) {
        *sum += x;
    }
    (
        TimexCounts {
            gold: t[0],
            system: t[1],
            strict: t[2],
            relaxed: t[3],
            value_scored: t[3],
            value_correct: t[4],
            type_scored: t[3],
            type_correct: t[5],
        },
        EventCounts {
            gold: e[0],
            system: e[1],
            matched: e[2],
            kind: (e[2], e[3]),
            agent: (e[5], e[4]),
            date: (e[2], e[6]),
        },
    )
}

impl DevSet {
    /// Scores `system` against the set as `score.py` does.
    pub fn score(&self, system: &System) -> Scores {
        let mut counts = Counts::default();
        let mut misses = Vec::new();
        let mut missing = Vec::new();
        let mut files = Vec::new();
        let empty = SysDoc::default();
        for g in &self.passages {
            let d = match system.get(&key(Some(&g.id))) {
                Some(d) if !d.error => d,
                _ => {
                    missing.push(g.id.clone());
                    &empty
                }
            };
            let (t, e) = score_passage(g, d, &mut counts, &mut misses);
            files.push(FileScore {
                file: g.path.display().to_string(),
                dct: g.dct.as_str().map(str::to_string),
                timexes: Some(t.into()),
                events: Some(e.into()),
                timex_counts: Some(t),
                event_counts: Some(e),
            });
        }
        Scores {
            docs: self.passages.len(),
            missing_or_error: missing,
            counts,
            misses,
            report: Report::new(self.path.display().to_string(), files),
        }
    }
}

impl Scores {
    /// The figures as `score.py` prints them: one object with the same keys in the same
    /// order, rounded the same way.
    pub fn json(&self) -> Value {
        let [tg, ts, strict, relaxed, value, kind] = self.counts.timex;
        let [
            eg,
            es,
            em,
            ekind,
            agent,
            agent_gold,
            date,
            call_gold,
            call_part,
        ] = self.counts.events;
        let [cg, cs, cm] = self.counts.core;
        let (tp, tr, tf) = prf(relaxed, ts, tg);
        let (_, _, sf) = prf(strict, ts, tg);
        let (ep, er, ef) = prf(em, es, eg);
        serde_json::json!({
            "docs": self.docs,
            "missing_or_error": self.missing_or_error,
            "timex": {
                "gold": tg, "sys": ts,
                "strict_f1": round3(sf), "relaxed_p": round3(tp), "relaxed_r": round3(tr),
                "relaxed_f1": round3(tf),
                "value_acc": ratio(value, relaxed),
                "value_f1": round3(prf(value, ts, tg).2),
                "type_acc": ratio(kind, relaxed),
            },
            "events": {
                "gold": eg, "sys": es,
                "p": round3(ep), "r": round3(er), "f1": round3(ef),
                "kind_acc": ratio(ekind, em),
                "agent_acc": ratio(agent, agent_gold),
                "date_acc": ratio(date, em),
                "call_participants_acc": ratio(call_part, call_gold),
                "core_f1": round3(prf(cm, cs, cg).2),
            },
        })
    }

    /// [`Scores::json`] written as Python's `json.dumps(…, ensure_ascii=False)` writes it
    /// (`", "` and `": "` between items).
    pub fn json_text(&self) -> String {
        python_json(&self.json())
    }

    /// The figures as lines `devset: NAME value` (`devset: timex.strict_f1 0.691`), one
    /// per number of [`Scores::json`], in its order.
    pub fn lines(&self) -> String {
        let mut s = String::new();
        let json = self.json();
        for (name, v) in json.as_object().into_iter().flatten() {
            match v {
                Value::Object(inner) => {
                    for (k, x) in inner {
                        let _ = writeln!(s, "devset: {name}.{k} {}", python_json(x));
                    }
                }
                x => {
                    let _ = writeln!(s, "devset: {name} {}", python_json(x));
                }
            }
        }
        s
    }

    /// The table of the other gold formats, then [`Scores::lines`].
    pub fn table(&self) -> String {
        format!("{}\n{}", self.report.table(), self.lines())
    }
}

/// JSON text with Python's default separators.
fn python_json(v: &Value) -> String {
    match v {
        Value::Array(a) => format!(
            "[{}]",
            a.iter().map(python_json).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(o) => format!(
            "{{{}}}",
            o.iter()
                .map(|(k, x)| format!("{}: {}", Value::String(k.clone()), python_json(x)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Number(n) if n.is_f64() => py_float(n.as_f64().unwrap_or_default()),
        v => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_folds_as_score_py() {
        // hamza forms, alef maqsura, ta marbuta, harakat, tatweel
        assert_eq!(norm("وزارةُ الخارجيّة"), "وزاره الخارجيه");
        assert_eq!(norm("إيمانويل  ماكرون "), "ايمانويل ماكرون");
        assert_eq!(norm("مصطفى"), "مصطفي");
        assert_eq!(norm("الـرئيس"), "رئيس");
        // one proclitic, only before the article, then the article
        assert_eq!(norm("والحكومة"), "حكومه");
        // لل is not a proclitic before ال: nothing goes (as score.py)
        assert_eq!(norm("للحكومة"), "للحكومه");
        assert_eq!(norm("وزير"), "وزير");
        assert_eq!(norm("بالبرلمان"), "برلمان");
        // only at the very start: a leading space keeps the article
        assert_eq!(norm(" الوزير"), "الوزير");
        // decomposed hamza composes first (NFC), then folds
        assert_eq!(norm("\u{0627}\u{0654}حمد"), "احمد");
        // ZWNJ, RLM, ALM go; other whitespace runs become one space
        assert_eq!(norm("عبد\u{200f}\u{061c}الله\u{a0}\t\nحسن"), "عبدالله حسن");
        assert_eq!(norm(""), "");
    }

    #[test]
    fn align_takes_the_largest_overlap_first() {
        // gold 0 overlaps system 0 by 2 and system 1 by 4; gold 1 overlaps system 1 by 5
        let gold = [(0, 6), (4, 12)];
        let system = [(0, 2), (2, 9)];
        // (5, g1, s1) first, then (2, g0, s0)
        assert_eq!(align(&gold, &system), [(1, 1), (0, 0)]);
        // a tie goes to the earlier gold, then the earlier system span
        assert_eq!(align(&[(0, 4), (2, 6)], &[(2, 4)]), [(0, 0)]);
        assert_eq!(align(&[(2, 4)], &[(0, 3), (3, 6)]), [(0, 0)]);
        // touching is not overlapping
        assert_eq!(align(&[(0, 2)], &[(2, 4)]), []);
    }

    #[test]
    fn round3_rounds_as_python() {
        assert_eq!(round3(0.6914), 0.691);
        assert_eq!(round3(2.0 / 3.0), 0.667);
        // 1/16 is exactly 0.0625: a tie, to the even digit (Python: 0.062)
        assert_eq!(round3(1.0 / 16.0), 0.062);
        assert_eq!(round3(3.0 / 16.0), 0.188);
        // 0.0005 is a little more than its decimal (Python: 0.001)
        assert_eq!(round3(0.0005), 0.001);
        // 1.0005 is a little less (Python: 1.0)
        assert_eq!(round3(1.0005), 1.0);
        assert_eq!(round3(1.0), 1.0);
        assert_eq!(round3(0.0), 0.0);
        assert_eq!(py_float(round3(1.0)), "1.0");
        assert_eq!(py_float(0.76), "0.76");
    }

    #[test]
    fn repr_quotes_as_python() {
        assert_eq!(py_repr_str("أمس"), "'أمس'");
        assert_eq!(py_repr_str("it's"), "\"it's\"");
        assert_eq!(py_repr_str("'\""), "'\\'\"'");
        assert_eq!(py_repr_str("a\nb\u{200f}\u{a0}"), "'a\\nb\\u200f\\xa0'");
        assert_eq!(py_repr(None), "None");
        assert_eq!(py_str(Some(&Value::String("2021-04".into()))), "2021-04");
    }

    #[test]
    fn python_json_uses_its_separators() {
        let v = serde_json::json!({"a": [1, "ب"], "b": {"c": 0.5, "d": 1.0}});
        assert_eq!(
            python_json(&v),
            "{\"a\": [1, \"ب\"], \"b\": {\"c\": 0.5, \"d\": 1.0}}"
        );
    }
}
