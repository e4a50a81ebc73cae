//! SemEval-2015 Task 4 TimeLine (cross-document event ordering) TSV.
//!
//! The first line names the target entity; then one line per event (an event and its
//! later mentions, SAME_AS, share a line):
//! `ORDER<TAB>DATE<TAB>DOCID-SENTENCE-TOKEN[<TAB>DOCID-SENTENCE-TOKEN…]`, as in the
//! task's gold timelines (`3\t2005-04-27\t8951-3-flight\t8951-8-flight`).
//!
//! - DATE is `YYYY-MM-DD` with `XX` for what is not known (`2021-04-XX`, `2021-XX-XX`),
//!   taken from the event time's interval: one day, a day; within one month, that
//!   month; within one year, that year; else, or undated, `XXXX-XX-XX`.
//! - ORDER is 0 for undated events; dated events follow the document's timeline and
//!   count up from 1, a line with the same date as the line before sharing its number.
//! - DOCID is the document id's file stem; SENTENCE the 0-based sentence number (the
//!   task also counts from 0, the title first); TOKEN the trigger text with spaces as
//!   `_` (the task writes `take_off`).
//! - With `Options::entity` (an actor id, gazetteer id, or Arabic or English name) only
//!   events in which that actor is agent, participant or initiator are listed and the
//!   first line is its name; without it, every event, and the first line is the DOCID.

use std::collections::HashMap;
use std::io::Write;

use super::Options;
use super::common::{event_timex, io};
use crate::document::{Actor, Document, Event};
use crate::error::Error;
use crate::timex::Timex;

const FORMAT: &str = "semeval";

/// The task's date of a timex: a day, `YYYY-MM-XX`, `YYYY-XX-XX` or `XXXX-XX-XX`.
pub fn task_date(timex: Option<&Timex>) -> String {
    use chrono::{Datelike, Duration};
    let unknown = "XXXX-XX-XX".to_string();
    let Some(iv) = timex.and_then(|t| t.interval) else {
        return unknown;
    };
    let first = iv.start.date();
    // the last day inside the half-open interval
    let last = if iv.end > iv.start {
        (iv.end - Duration::nanoseconds(1)).date()
    } else {
        first
    };
    if first == last {
        format!(
            "{:04}-{:02}-{:02}",
            first.year(),
            first.month(),
            first.day()
        )
    } else if (first.year(), first.month()) == (last.year(), last.month()) {
        format!("{:04}-{:02}-XX", first.year(), first.month())
    } else if first.year() == last.year() {
        format!("{:04}-XX-XX", first.year())
    } else {
        unknown
    }
}

/// The DOCID written in mentions: the file stem of the document id, without white space.
fn docid(id: &str) -> String {
    let stem = std::path::Path::new(id)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(id);
    stem.split_whitespace().collect::<Vec<_>>().join("_")
}

fn involves(e: &Event, actor: &str) -> bool {
    e.agent.as_deref() == Some(actor)
        || e.participants.iter().any(|p| p == actor)
        || e.initiator.as_deref() == Some(actor)
}

/// Finds the actor an `--entity` names.
fn find_entity<'d>(doc: &'d Document, entity: &str) -> Option<&'d Actor> {
    let entity = entity.trim();
    doc.actors
        .iter()
        .find(|a| a.id == entity || a.gazetteer_id.as_deref() == Some(entity))
        .or_else(|| doc.actors.iter().find(|a| a.name == entity))
        .or_else(|| {
            doc.actors.iter().find(|a| {
                a.name_en
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(entity))
            })
        })
}

/// The TimeLine TSV of `doc`.
pub fn to_string(doc: &Document, options: &Options) -> Result<String, Error> {
    let entity = match options.entity.as_deref() {
        Some(name) => Some(find_entity(doc, name).ok_or_else(|| Error::Export {
            document: doc.document.id.clone(),
            format: FORMAT,
            message: format!("no actor of the document matches the entity {name:?}"),
        })?),
        None => None,
    };
    let doc_id = docid(&doc.document.id);
    let by_id: HashMap<&str, &Event> = doc.events.iter().map(|e| (e.id.as_str(), e)).collect();
    // later mentions of each first mention, in text order
    let mut mentions: HashMap<&str, Vec<&Event>> = HashMap::new();
    for r in doc.relations.iter().filter(|r| r.kind == "SAME_AS") {
        if let Some(e) = by_id.get(r.from.as_str()) {
            mentions.entry(r.to.as_str()).or_default().push(e);
        }
    }
    let mention_in = |doc: &str, sentence: usize, trigger: &str| {
        format!(
            "{doc}-{sentence}-{}",
            trigger.split_whitespace().collect::<Vec<_>>().join("_")
        )
    };
    // a merged event lists its mention in every source document
    let mention = |e: &Event| {
        if e.sources.is_empty() {
            mention_in(&doc_id, e.sentence, &e.trigger.text)
        } else {
            e.sources
                .iter()
                .map(|s| mention_in(&docid(&s.document), s.sentence, &s.trigger.text))
                .collect::<Vec<_>>()
                .join("\t")
        }
    };
    let mut undated = Vec::new();
    let mut dated: Vec<(String, String)> = Vec::new();
    for id in &doc.timeline {
        let Some(e) = by_id.get(id.as_str()) else {
            continue;
        };
        let same = mentions.get(id.as_str()).map(Vec::as_slice).unwrap_or(&[]);
        if let Some(actor) = entity
            && !involves(e, &actor.id)
            && !same.iter().any(|m| involves(m, &actor.id))
        {
            continue;
        }
        let mut line = mention(e);
        for m in same {
            line.push('\t');
            line.push_str(&mention(m));
        }
        let date = task_date(event_timex(doc, e));
        if date == "XXXX-XX-XX" {
            undated.push(line);
        } else {
            dated.push((date, line));
        }
    }
    let mut out = String::new();
    out.push_str(&entity.map_or(doc_id.clone(), |a| a.name.clone()));
    out.push('\n');
    for line in &undated {
        out.push_str(&format!("0\tXXXX-XX-XX\t{line}\n"));
    }
    let mut order = 0;
    let mut previous: Option<&str> = None;
    for (date, line) in &dated {
        if previous != Some(date.as_str()) {
            order += 1;
            previous = Some(date);
        }
        out.push_str(&format!("{order}\t{date}\t{line}\n"));
    }
    Ok(out)
}

/// Writes the TimeLine TSV of `doc`.
pub fn write(doc: &Document, options: &Options, out: &mut dyn Write) -> Result<(), Error> {
    out.write_all(to_string(doc, options)?.as_bytes())
        .map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn docid_is_the_file_stem() {
        assert_eq!(docid("/a/b/cairo-talks 2023.txt"), "cairo-talks_2023");
        assert_eq!(docid("stdin"), "stdin");
    }
}
