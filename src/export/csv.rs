//! CSV: one row per event, RFC 4180 (comma, double quotes, CRLF line ends), UTF-8,
//! with a header row; `Options::bom` starts the file with a byte order mark so that
//! spreadsheets read it as UTF-8.
//!
//! Columns: `order` (1-based timeline position, empty for a repeated mention), `date`
//! (the event time's TIMEX3 value, empty when undated), `event` (id), `kind`, `cameo`
//! (a string: `036`), `agent` (the actor's name), `participants` (names joined by
//! `; `), `trigger`, `sentence_no` (0-based) and `sentence` (the sentence's text — empty
//! when the document comes without its text, as a merged timeline does). Rows follow
//! the timeline; repeated mentions (no order) come after, in text order.

use std::collections::HashMap;
use std::io::Write;

use super::Options;
use super::common::{io, json_name, sentence_spans};
use crate::document::Document;
use crate::error::Error;
use crate::text::CharIndex;

/// The header row.
pub const HEADER: [&str; 10] = [
    "order",
    "date",
    "event",
    "kind",
    "cameo",
    "agent",
    "participants",
    "trigger",
    "sentence_no",
    "sentence",
];

/// Writes the CSV of `doc`; `text` (the article) fills the `sentence` column.
pub fn write(
    doc: &Document,
    text: Option<&str>,
    options: &Options,
    out: &mut dyn Write,
) -> Result<(), Error> {
    if options.bom {
        out.write_all("\u{FEFF}".as_bytes()).map_err(io)?;
    }
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    let fail = |e: ::csv::Error| match e.into_kind() {
        ::csv::ErrorKind::Io(e) => io(e),
        other => io(std::io::Error::other(format!("{other:?}"))),
    };
    writer.write_record(HEADER).map_err(fail)?;
    let names: HashMap<&str, &str> = doc
        .actors
        .iter()
        .map(|a| (a.id.as_str(), a.name.as_str()))
        .collect();
    let name = |id: &str| names.get(id).copied().unwrap_or(id).to_string();
    let sentences = text.map(|t| (CharIndex::new(t), sentence_spans(t)));
    let mut rows: Vec<&crate::document::Event> = doc.events.iter().collect();
    rows.sort_by_key(|e| (e.order.is_none(), e.order, e.trigger.span[0]));
    for e in rows {
        let sentence = match &sentences {
            Some((chars, spans)) => spans
                .get(e.sentence)
                .map(|[a, b]| chars.slice(*a, *b).to_string())
                .unwrap_or_default(),
            None => String::new(),
        };
        let participants: Vec<String> = e.participants.iter().map(|p| name(p)).collect();
        writer
            .write_record([
                e.order.map(|o| o.to_string()).unwrap_or_default(),
                e.time.value.clone().unwrap_or_default(),
                e.id.clone(),
                json_name(&e.kind),
                e.cameo.clone(),
                e.agent.as_deref().map(name).unwrap_or_default(),
                participants.join("; "),
                e.trigger.text.clone(),
                e.sentence.to_string(),
                sentence,
            ])
            .map_err(fail)?;
    }
    writer.flush().map_err(io)
}
