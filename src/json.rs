//! The document JSON, written by hand. Every document zaman writes (`extract`, `batch`,
//! the Python package, the server) goes through here: the field names are bytes known at
//! compile time, strings are copied whole unless they hold one of the few bytes JSON must
//! escape, and nothing passes through serde's per-field machinery, which took a fifth of a
//! batch run's instructions.
//!
//! The output is byte for byte what `serde_json` writes for the same [`Document`] through
//! its `Serialize` derive, compact (`serde_json::to_string`) and indented
//! (`serde_json::to_string_pretty`, two spaces): the derive stays the definition of the
//! schema for library users and for reading documents back, and the tests below and in
//! `tests/json.rs` hold the two to the same bytes.

use std::io::{self, Write};

use crate::actors::ActorType;
use crate::document::{
    Actor, Document, DocumentInfo, Event, EventRelation, EventSource, EventTime, Evidence,
    SourceDocument,
};
use crate::events::{EventKind, TimeHow};
use crate::input::Warning;
use crate::timex::{DctSource, Granularity, Interval, IsoDateTime, Mod, Policy, Timex, TimexType};

/// Writes JSON values into a string, on one line or indented by two spaces with
/// `serde_json`'s layout (one element per line, `"key": value`, `[]` for an empty list).
pub struct JsonWriter<'a> {
    out: &'a mut String,
    /// Where `out` is emptied whenever it holds [`JsonWriter::SPILL`] bytes, if anywhere:
    /// a huge document is written in pieces, never held whole.
    sink: Option<&'a mut dyn Write>,
    /// The first error of `sink`; nothing more is written to it after one.
    failed: Option<io::Error>,
    pretty: bool,
    /// Depth of the open objects and arrays.
    depth: usize,
    /// No element has been written yet in the innermost open container.
    first: bool,
    /// The innermost container holds a value (an indented container closes on a new line).
    has_value: bool,
}

impl<'a> JsonWriter<'a> {
    /// A writer that appends to `out`.
    pub fn new(out: &'a mut String, pretty: bool) -> Self {
        JsonWriter {
            out,
            sink: None,
            failed: None,
            pretty,
            depth: 0,
            first: true,
            has_value: false,
        }
    }

    fn newline_indent(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    /// Before an array element or an object key.
    #[inline(always)]
    fn separate(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        if self.pretty {
            self.newline_indent();
        }
        self.first = false;
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.depth += 1;
        self.first = true;
        self.has_value = false;
    }

    fn close(&mut self, bracket: char) {
        self.depth -= 1;
        if self.pretty && self.has_value {
            self.newline_indent();
        }
        self.out.push(bracket);
        // the container is a value of the one around it
        self.first = false;
        self.has_value = true;
    }

    /// `{`
    pub fn begin_object(&mut self) {
        self.open('{');
    }

    /// `}`
    pub fn end_object(&mut self) {
        self.close('}');
    }

    /// `[`
    pub fn begin_array(&mut self) {
        self.open('[');
    }

    /// `]`
    pub fn end_array(&mut self) {
        self.close(']');
    }

    /// The key of the next field: a name of the schema, which never needs escaping.
    #[inline(always)]
    pub fn key(&mut self, name: &'static str) {
        debug_assert!(!name.bytes().any(needs_escape), "{name:?}");
        self.separate();
        self.out.push('"');
        self.out.push_str(name);
        self.out.push_str(if self.pretty { "\": " } else { "\":" });
    }

    /// Before each element of an array.
    pub fn element(&mut self) {
        if self.out.len() >= Self::SPILL {
            self.spill();
        }
        self.separate();
    }

    /// The buffer size past which the text written so far goes to the sink.
    pub(crate) const SPILL: usize = 1 << 16;

    /// A writer that appends to `out` and empties it into `sink` every
    /// [`JsonWriter::SPILL`] bytes.
    pub(crate) fn to_sink(out: &'a mut String, pretty: bool, sink: &'a mut dyn Write) -> Self {
        JsonWriter {
            sink: Some(sink),
            ..JsonWriter::new(out, pretty)
        }
    }

    /// Whether the sink has failed (nothing more reaches it).
    pub(crate) fn failed(&self) -> bool {
        self.failed.is_some()
    }

    /// Ends the output with a newline and writes what is left to the sink: the first
    /// error of the sink, if any.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.out.push('\n');
        self.spill();
        match self.failed {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Writes the buffer to the sink, if there is one, and empties it.
    fn spill(&mut self) {
        let Some(sink) = self.sink.as_mut() else {
            return;
        };
        if self.failed.is_none()
            && let Err(e) = sink.write_all(self.out.as_bytes())
        {
            self.failed = Some(e);
        }
        self.out.clear();
    }

    fn value_written(&mut self) {
        self.has_value = true;
    }

    /// A JSON string.
    pub fn string(&mut self, s: &str) {
        escape_into(self.out, s);
        self.value_written();
    }

    /// A string known to need no escaping (the name of an enum variant).
    fn name(&mut self, s: &'static str) {
        self.out.push('"');
        self.out.push_str(s);
        self.out.push('"');
        self.value_written();
    }

    /// A non-negative integer.
    pub fn uint(&mut self, n: usize) {
        self.out.push_str(itoa::Buffer::new().format(n));
        self.value_written();
    }

    /// `true` or `false`.
    pub fn bool(&mut self, b: bool) {
        self.out.push_str(if b { "true" } else { "false" });
        self.value_written();
    }

    /// `null`.
    pub fn null(&mut self) {
        self.out.push_str("null");
        self.value_written();
    }

    /// A field: its key, then its value.
    #[inline(always)]
    pub fn field<T: ToJson + ?Sized>(&mut self, name: &'static str, value: &T) {
        self.key(name);
        value.write_json(self);
    }
}

/// A byte JSON writes as an escape: `"`, `\` and the control characters below U+0020.
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// `"s"`, escaped as serde_json does: `\"`, `\\`, `\b \t \n \f \r`, and `\u00XX` (lower-case
/// hex) for the other control characters; everything else, U+007F and all non-ASCII text
/// included, as it is.
fn escape_into(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push('"');
    // most strings of a document (Arabic words, ids, dates) need no escape at all: a
    // test of eight bytes at a time, then one copy
    let clean = clean_of_escapes(bytes);
    if clean {
        out.push_str(s);
    } else {
        // every byte escaped is ASCII, so each piece between two of them is whole text
        let mut from = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if !needs_escape(b) {
                continue;
            }
            out.push_str(&s[from..i]);
            match b {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                0x08 => out.push_str("\\b"),
                b'\t' => out.push_str("\\t"),
                b'\n' => out.push_str("\\n"),
                0x0C => out.push_str("\\f"),
                b'\r' => out.push_str("\\r"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.push_str("\\u00");
                    out.push(char::from(HEX[usize::from(b >> 4)]));
                    out.push(char::from(HEX[usize::from(b & 0xF)]));
                }
            }
            from = i + 1;
        }
        out.push_str(&s[from..]);
    }
    out.push('"');
}

/// Whether no byte of `bytes` needs an escape, eight bytes at a time: a byte below 0x20
/// is one whose subtraction of 0x20 borrows, a quote or a backslash one that XORs to zero.
fn clean_of_escapes(bytes: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        let x = u64::from_le_bytes(w);
        let below_space = x.wrapping_sub(ONES * 0x20) & !x & HIGH;
        if below_space
            | zero_byte(x ^ (ONES * u64::from(b'"')))
            | zero_byte(x ^ (ONES * u64::from(b'\\')))
            != 0
        {
            return false;
        }
    }
    !words.remainder().iter().any(|&b| needs_escape(b))
}

/// A value that writes itself as JSON.
pub trait ToJson {
    /// Writes the value at the writer's position.
    fn write_json(&self, w: &mut JsonWriter<'_>);
}

/// The document JSON of `doc`, on one line (`pretty` false) or indented.
pub fn to_string(doc: &Document, pretty: bool) -> String {
    // about 130 bytes an element in news (compact): one allocation for most documents
    // instead of a dozen doublings, each a copy
    let elements = doc.timexes.len()
        + doc.events.len()
        + doc.relations.len()
        + doc.timeline.len()
        + doc
            .actors
            .iter()
            .map(|a| 1 + a.mentions.len())
            .sum::<usize>();
    let mut out = String::with_capacity(1024 + 160 * elements);
    doc.write_json(&mut JsonWriter::new(&mut out, pretty));
    out
}

/// Writes the document JSON of `doc` to `out`, followed by a newline, in pieces of
/// about 64 KiB (the output of a huge document is never held whole).
pub fn write(doc: &Document, pretty: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut buffer = String::with_capacity(JsonWriter::SPILL + 4096);
    let mut w = JsonWriter::to_sink(&mut buffer, pretty, out);
    doc.write_json(&mut w);
    w.finish()
}

impl ToJson for str {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.string(self);
    }
}

impl ToJson for String {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.string(self);
    }
}

impl ToJson for std::borrow::Cow<'_, str> {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.string(self);
    }
}

impl ToJson for usize {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.uint(*self);
    }
}

impl ToJson for bool {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.bool(*self);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        match self {
            Some(v) => v.write_json(w),
            None => w.null(),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_array();
        for v in self {
            w.element();
            v.write_json(w);
        }
        w.end_array();
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        self.as_slice().write_json(w);
    }
}

impl<T: ToJson, const N: usize> ToJson for [T; N] {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        self.as_slice().write_json(w);
    }
}

/// The JSON name of each enum variant: what its `#[serde(rename…)]` says.
macro_rules! json_names {
    ($($ty:ty { $($variant:path => $name:literal),+ $(,)? })+) => {
        $(impl ToJson for $ty {
            fn write_json(&self, w: &mut JsonWriter<'_>) {
                w.name(match self { $($variant => $name),+ });
            }
        })+
    };
}

json_names! {
    Policy { Policy::News => "news", Policy::Narrative => "narrative", Policy::Colloquial => "colloquial" }
    DctSource { DctSource::Argument => "argument", DctSource::Inferred => "inferred", DctSource::None => "none" }
    TimexType { TimexType::Date => "DATE", TimexType::Time => "TIME", TimexType::Duration => "DURATION", TimexType::Set => "SET" }
    Mod {
        Mod::Start => "START", Mod::Mid => "MID", Mod::End => "END", Mod::Approx => "APPROX",
        Mod::Before => "BEFORE", Mod::After => "AFTER", Mod::MoreThan => "MORE_THAN",
        Mod::LessThan => "LESS_THAN",
    }
    Granularity {
        Granularity::Second => "second", Granularity::Minute => "minute", Granularity::Hour => "hour",
        Granularity::PartOfDay => "partofday", Granularity::Day => "day", Granularity::Week => "week",
        Granularity::Month => "month", Granularity::Quarter => "quarter", Granularity::Half => "half",
        Granularity::Season => "season", Granularity::Year => "year", Granularity::Decade => "decade",
        Granularity::Century => "century",
    }
    ActorType { ActorType::Person => "PERSON", ActorType::Org => "ORG", ActorType::Gpe => "GPE" }
    EventKind {
        EventKind::Statement => "statement", EventKind::Call => "call", EventKind::Appeal => "appeal",
        EventKind::Meeting => "meeting", EventKind::Publication => "publication",
        EventKind::Accusation => "accusation", EventKind::Sanction => "sanction",
        EventKind::Threat => "threat", EventKind::Other => "other",
    }
    TimeHow { TimeHow::Explicit => "explicit", TimeHow::Tied => "tied", TimeHow::Dct => "dct", TimeHow::None => "none" }
}

impl ToJson for Document {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("schema", &self.schema);
        w.field("document", &self.document);
        w.field("timexes", &self.timexes);
        w.field("actors", &self.actors);
        w.field("events", &self.events);
        w.field("relations", &self.relations);
        w.field("timeline", &self.timeline);
        if !self.sources.is_empty() {
            w.field("sources", &self.sources);
        }
        if !self.warnings.is_empty() {
            w.field("warnings", &self.warnings);
        }
        w.end_object();
    }
}

impl ToJson for DocumentInfo {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("id", &self.id);
        w.field("dct", &self.dct);
        w.field("dct_source", &self.dct_source);
        w.field("policy", &self.policy);
        w.end_object();
    }
}

impl ToJson for Timex {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("id", &self.id);
        w.field("text", &self.text);
        w.field("span", &self.span);
        w.field("type", &self.kind);
        w.field("value", &self.value);
        w.field("mod", &self.modifier);
        w.field("interval", &self.interval);
        w.field("granularity", &self.granularity);
        w.field("anchor", &self.anchor);
        if let Some(calendar) = &self.calendar {
            w.field("calendar", calendar);
        }
        if let Some(document) = &self.document {
            w.field("document", document);
        }
        w.end_object();
    }
}

impl ToJson for Interval {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("start", &IsoDateTime(self.start));
        w.field("end", &IsoDateTime(self.end));
        w.end_object();
    }
}

impl ToJson for IsoDateTime {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        match self.digits() {
            Some(digits) => w.string(crate::timex::ascii(&digits)),
            None => w.string(&self.to_string()),
        }
    }
}

impl ToJson for Evidence {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("text", &self.text);
        w.field("span", &self.span);
        if let Some(document) = &self.document {
            w.field("document", document);
        }
        w.end_object();
    }
}

impl ToJson for Actor {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("id", &self.id);
        w.field("name", &self.name);
        w.field("name_en", &self.name_en);
        w.field("type", &self.kind);
        w.field("country", &self.country);
        w.field("gazetteer_id", &self.gazetteer_id);
        w.field("wikidata", &self.wikidata);
        w.field("stands_for", &self.stands_for);
        w.field("role", &self.role);
        w.field("mentions", &self.mentions);
        w.end_object();
    }
}

impl ToJson for Event {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("id", &self.id);
        w.field("kind", &self.kind);
        w.field("cameo", &self.cameo);
        w.field("trigger", &self.trigger);
        w.field("sentence", &self.sentence);
        w.field("agent", &self.agent);
        w.field("participants", &self.participants);
        w.field("initiator", &self.initiator);
        w.field("content", &self.content);
        w.field("time", &self.time);
        w.field("negated", &self.negated);
        w.field("order", &self.order);
        if !self.sources.is_empty() {
            w.field("sources", &self.sources);
        }
        w.end_object();
    }
}

impl ToJson for EventTime {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("timex", &self.timex);
        w.field("value", &self.value);
        w.field("how", &self.how);
        if let Some(from) = &self.from {
            w.field("from", from);
        }
        w.end_object();
    }
}

impl ToJson for EventSource {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("document", &self.document);
        w.field("event", &self.event);
        w.field("trigger", &self.trigger);
        w.field("sentence", &self.sentence);
        w.end_object();
    }
}

impl ToJson for SourceDocument {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("id", &self.id);
        w.field("dct", &self.dct);
        w.end_object();
    }
}

impl ToJson for EventRelation {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("from", &self.from);
        w.field("to", &self.to);
        w.field("type", &self.kind);
        w.end_object();
    }
}

impl ToJson for Warning {
    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.field("code", &self.code);
        w.field("message", &self.message);
        if let Some(offset) = &self.byte_offset {
            w.field("byte_offset", offset);
        }
        if let Some(encoding) = &self.encoding {
            w.field("encoding", encoding);
        }
        w.end_object();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written<T: ToJson + ?Sized>(value: &T, pretty: bool) -> String {
        let mut out = String::new();
        value.write_json(&mut JsonWriter::new(&mut out, pretty));
        out
    }

    #[test]
    fn every_character_escapes_as_serde_json_escapes_it() {
        // each of the first 256 code points alone, between words, and all in one string
        let mut all = String::new();
        for c in (0u32..=0x2FF).filter_map(char::from_u32) {
            all.push(c);
            for s in [
                c.to_string(),
                format!("قال {c} أمس"),
                format!("{c}{c}abcdefgh{c}"),
            ] {
                assert_eq!(
                    written(s.as_str(), false),
                    serde_json::to_string(&s).unwrap(),
                    "U+{:04X}",
                    u32::from(c)
                );
            }
        }
        assert_eq!(
            written(all.as_str(), false),
            serde_json::to_string(&all).unwrap()
        );
    }

    #[test]
    fn the_test_for_clean_text_finds_every_byte_that_needs_an_escape() {
        for len in 0..40 {
            let plain: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
            assert!(clean_of_escapes(&plain));
            for at in 0..len {
                for b in 0u8..=255 {
                    let mut bytes = plain.clone();
                    bytes[at] = b;
                    assert_eq!(
                        clean_of_escapes(&bytes),
                        !needs_escape(b),
                        "{b:#x} at {at}/{len}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_enum_variant_has_the_name_its_serde_attributes_give() {
        fn same<T: ToJson + serde::Serialize>(values: &[T]) {
            for v in values {
                assert_eq!(written(v, false), serde_json::to_string(v).unwrap());
            }
        }
        same(&[Policy::News, Policy::Narrative, Policy::Colloquial]);
        same(&[DctSource::Argument, DctSource::Inferred, DctSource::None]);
        same(&[
            TimexType::Date,
            TimexType::Time,
            TimexType::Duration,
            TimexType::Set,
        ]);
        same(&[
            Mod::Start,
            Mod::Mid,
            Mod::End,
            Mod::Approx,
            Mod::Before,
            Mod::After,
            Mod::MoreThan,
            Mod::LessThan,
        ]);
        same(&[
            Granularity::Second,
            Granularity::Minute,
            Granularity::Hour,
            Granularity::PartOfDay,
            Granularity::Day,
            Granularity::Week,
            Granularity::Month,
            Granularity::Quarter,
            Granularity::Half,
            Granularity::Season,
            Granularity::Year,
            Granularity::Decade,
            Granularity::Century,
        ]);
        same(&[ActorType::Person, ActorType::Org, ActorType::Gpe]);
        same(&EventKind::ALL);
        same(&[
            TimeHow::Explicit,
            TimeHow::Tied,
            TimeHow::Dct,
            TimeHow::None,
        ]);
    }

    #[test]
    fn indented_output_has_serde_json_layout() {
        let value: Vec<Vec<usize>> = vec![vec![], vec![1, 2], vec![3]];
        assert_eq!(
            written(&value, true),
            "[\n  [],\n  [\n    1,\n    2\n  ],\n  [\n    3\n  ]\n]"
        );
        assert_eq!(written(&value, false), "[[],[1,2],[3]]");
        let empty: Vec<String> = Vec::new();
        assert_eq!(written(&empty, true), "[]");
        let expanded = IsoDateTime(
            chrono::NaiveDate::from_ymd_opt(12345, 1, 2)
                .and_then(|d| d.and_hms_opt(3, 4, 5))
                .unwrap(),
        );
        assert_eq!(written(&expanded, false), "\"12345-01-02T03:04:05\"");
    }
}
