//! The invariants of a [`Document`] against the text it was extracted from: what the
//! property tests, the fuzz targets and any consumer can rely on.
//!
//! - every span is `[start, end)` within the text, and the code points `text[start..end]`
//!   are exactly the evidence's text (timexes, actor mentions, triggers, contents);
//! - ids are unique (`t1…`, `a1…`, `e1…` in order) and every reference resolves:
//!   event agent, participants, initiator and `time.timex` (with its value), relation
//!   ends, timeline entries, timex anchors (`absolute`, `dct`, `none` or an earlier
//!   timex);
//! - intervals are not reversed; `order` numbers the timeline exactly.

use crate::events::TimeHow;
use std::collections::HashSet;

use crate::document::{Document, Evidence};

/// Every way `doc` breaks an invariant against `text`, as messages (empty when none).
pub fn document(doc: &Document, text: &str) -> Vec<String> {
    let mut problems = Vec::new();
    // byte offset of every code point, and the length
    let mut bounds: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bounds.push(text.len());
    let spans = Spans {
        text,
        bounds: &bounds,
    };
    let mut timex_ids = HashSet::new();
    for (n, t) in doc.timexes.iter().enumerate() {
        if t.id != format!("t{}", n + 1) {
            problems.push(format!("timex {n}: id {} out of sequence", t.id));
        }
        spans.check(&mut problems, "timex", &t.id, t.span, &t.text);
        if let Some(iv) = t.interval
            && iv.start > iv.end
        {
            problems.push(format!("{}: interval ends before it starts", t.id));
        }
        match t.anchor.as_str() {
            "absolute" | "dct" | "none" => {}
            other if timex_ids.contains(other) => {}
            other => problems.push(format!("{}: anchor {other} is no earlier timex", t.id)),
        }
        timex_ids.insert(t.id.as_str());
    }
    let mut actor_ids = HashSet::new();
    for (n, a) in doc.actors.iter().enumerate() {
        if a.id != format!("a{}", n + 1) {
            problems.push(format!("actor {n}: id {} out of sequence", a.id));
        }
        actor_ids.insert(a.id.as_str());
        if a.mentions.is_empty() {
            problems.push(format!("{}: no mention", a.id));
        }
        for m in &a.mentions {
            spans.evidence(&mut problems, "mention", &a.id, m);
        }
    }
    let event_ids: HashSet<&str> = doc.events.iter().map(|e| e.id.as_str()).collect();
    let mut orders = Vec::new();
    for (n, e) in doc.events.iter().enumerate() {
        if e.id != format!("e{}", n + 1) {
            problems.push(format!("event {n}: id {} out of sequence", e.id));
        }
        spans.evidence(&mut problems, "trigger", &e.id, &e.trigger);
        if let Some(c) = &e.content {
            spans.evidence(&mut problems, "content", &e.id, c);
        }
        let parties = e
            .agent
            .iter()
            .chain(&e.participants)
            .chain(e.initiator.iter());
        for a in parties {
            if !actor_ids.contains(a.as_str()) {
                problems.push(format!("{}: actor {a} does not exist", e.id));
            }
        }
        if let Some(t) = &e.time.timex {
            match doc.timexes.iter().find(|x| &x.id == t) {
                None => problems.push(format!("{}: timex {t} does not exist", e.id)),
                Some(x) if e.time.value.as_deref() != Some(x.value.as_str()) => {
                    problems.push(format!("{}: time value differs from {t}'s", e.id));
                }
                Some(_) => {}
            }
        }
        match e.time.how {
            TimeHow::None if e.time.value.is_some() => {
                problems.push(format!("{}: undated (how none) with a value", e.id));
            }
            TimeHow::Explicit if e.time.timex.is_none() => {
                problems.push(format!("{}: explicit time without a timex", e.id));
            }
            TimeHow::Dct if e.time.timex.is_some() || e.time.news_day().is_none() => {
                problems.push(format!("{}: a dct time is the story's day, no timex", e.id));
            }
            TimeHow::Tied | TimeHow::Explicit | TimeHow::Dct if e.time.value.is_none() => {
                problems.push(format!("{}: dated without a value", e.id));
            }
            _ => {}
        }
        if let Some(f) = &e.time.from
            && (f == &e.id || !event_ids.contains(f.as_str()))
        {
            problems.push(format!("{}: time from {f}, no other event", e.id));
        }
        if let Some(o) = e.order {
            orders.push((o, e.id.as_str()));
        }
    }
    for r in &doc.relations {
        for end in [&r.from, &r.to] {
            if !event_ids.contains(end.as_str()) {
                problems.push(format!("relation {}: event {end} does not exist", r.kind));
            }
        }
    }
    let mut in_timeline = HashSet::new();
    for id in &doc.timeline {
        if !event_ids.contains(id.as_str()) {
            problems.push(format!("timeline: event {id} does not exist"));
        }
        if !in_timeline.insert(id.as_str()) {
            problems.push(format!("timeline: {id} twice"));
        }
    }
    orders.sort_unstable();
    let numbered: Vec<&str> = orders.iter().map(|(_, id)| *id).collect();
    let timeline: Vec<&str> = doc.timeline.iter().map(String::as_str).collect();
    if numbered != timeline || orders.iter().enumerate().any(|(k, (o, _))| *o != k + 1) {
        problems.push("timeline: order numbers do not match the timeline".to_string());
    }
    problems
}

/// Code-point spans of one text.
struct Spans<'a> {
    text: &'a str,
    /// Byte offset of every code point, then the text's length.
    bounds: &'a [usize],
}

impl Spans<'_> {
    fn check(
        &self,
        problems: &mut Vec<String>,
        what: &str,
        id: &str,
        span: [usize; 2],
        expected: &str,
    ) {
        let [s, e] = span;
        let n_chars = self.bounds.len() - 1;
        if s > e || e > n_chars {
            problems.push(format!("{id}: {what} span [{s}, {e}) outside 0..{n_chars}"));
            return;
        }
        let found = &self.text[self.bounds[s]..self.bounds[e]];
        if found != expected {
            problems.push(format!(
                "{id}: {what} span [{s}, {e}) is {found:?}, not {expected:?}"
            ));
        }
    }

    fn evidence(&self, problems: &mut Vec<String>, what: &str, id: &str, ev: &Evidence) {
        self.check(problems, what, id, ev.span, &ev.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    #[test]
    fn a_real_extraction_has_no_problem_and_a_broken_one_is_caught() {
        let text =
            "قال الرئيس المصري أمس إن الوفد يصل الخميس المقبل.\nوأضاف أن الاجتماع عقد الثلاثاء.";
        let mut doc = Extractor::default().extract("d", text, "2021-04-13".parse().ok());
        assert_eq!(document(&doc, text), Vec::<String>::new());
        assert!(doc.timexes.len() >= 2 && !doc.events.is_empty());
        doc.timexes[0].span[1] += 1;
        doc.events[0].agent = Some("a99".into());
        let problems = document(&doc, text);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("t1: timex span"), "{problems:?}");
        assert!(problems[1].contains("a99"), "{problems:?}");
    }
}
