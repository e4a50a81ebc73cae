//! Documents too large to hold: extraction window by window, the document JSON written
//! as it is found.
//!
//! A text longer than [`Windowing::whole_up_to`] (4 MiB) is cut into windows of about
//! [`Windowing::window`] bytes (1 MiB) after a line break (else a sentence stop, else a
//! space), and each window goes through the whole pipeline on its own, so the
//! token-level tables never hold more than one window. Each window first reads again
//! the last [`Windowing::lead_in`] bytes (32 KiB) of the one before: the antecedents of
//! its first titles and pronouns, the speaker of a dropped subject, the date a bare
//! weekday or «في اليوم نفسه» counts from. What is found in the lead-in was taken in
//! with the window before and is only looked up, by its start in the text: a timex, an
//! event, and the actor of a mention (a bare «المتحدث» at the lead-in's start is the
//! spokesperson the window before named in full).
//!
//! What the windows share is carried over: the DCT (the caller's, else the one the
//! first window found, else none: a later window infers none of its own), the actors (one actor per gazetteer entry, or per name, kind and
//! country, across the whole text, numbered by first mention), the numbering of
//! timexes, events and sentences, and the timeline, which orders every event of the
//! text. Timexes are written as each window is done; actor mentions and events are held
//! as spans and numbers until the end, their texts sliced from the original text as they
//! are written. What no window sees is further back than its lead-in: a repeat of an
//! event 1 MB earlier is not linked to it (SAME_AS), and the week start and national days
//! follow each window's own main country.
//!
//! A shorter text takes the ordinary path ([`Extractor::extract`] then
//! [`json::write`]), so its JSON is byte for byte the same as before.

use std::borrow::Cow;
use std::io::{self, Write};

use chrono::NaiveDateTime;
use rustc_hash::FxHashMap;

use crate::document::{
    Actor, Document, DocumentInfo, Event, EventRelation, EventTime, Evidence, Extractor, SCHEMA,
    numbered_id,
};
use crate::events::{EventKind, TimeHow};
use crate::input::Warning;
use crate::json::{self, JsonWriter, ToJson};
use crate::text::CharIndex;
use crate::timeline::{self, Item};
use crate::timex::Dct;

/// When a text is read in windows, and how large they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Windowing {
    /// The window size in bytes. The pipeline's tables for one window take about 13 times
    /// its size.
    pub window: usize,
    /// A text of at most this many bytes is read whole, as by [`Extractor::extract`].
    pub whole_up_to: usize,
    /// How many bytes of the window before each window reads again first, for the
    /// antecedents and reference dates its start refers back to (at most half a window).
    pub lead_in: usize,
}

impl Default for Windowing {
    /// Windows of 1 MiB (some 300 news articles) for texts over 4 MiB: any article,
    /// and any file of articles up to 4 MiB, reads whole (peak memory about 13 times its
    /// size, at most some 60 MB); a longer text peaks at about 3 times its size.
    fn default() -> Self {
        Windowing {
            window: 1 << 20,
            whole_up_to: 4 << 20,
            lead_in: 32 << 10,
        }
    }
}

/// The byte ranges of the windows of `text`, each at most `size` bytes unless one word
/// is longer, cut after the last line break of the window's second half, else after
/// its last sentence stop, else after its last space, else at a character boundary.
pub fn windows(text: &str, size: usize) -> Vec<(usize, usize)> {
    let size = size.max(1);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / size + 1);
    let mut start = 0;
    while start < text.len() {
        if text.len() - start <= size {
            out.push((start, text.len()));
            break;
        }
        let limit = start + size;
        let stop = break_in(bytes, start + size / 2, limit);
        let mut end = stop.unwrap_or(limit);
        while !text.is_char_boundary(end) {
            end += 1;
        }
        out.push((start, end));
        start = end;
    }
    out
}

/// Where the lead-in of the window starting at byte `start` begins: about `size` bytes
/// back, after a break as a window ends (up to twice as far back), not before `floor`
/// (the start of the window before).
fn lead_in_start(text: &str, floor: usize, start: usize, size: usize) -> usize {
    let hi = start.saturating_sub(size).max(floor);
    let lo = start.saturating_sub(2 * size).max(floor);
    let mut from = break_in(text.as_bytes(), lo, hi).unwrap_or(hi);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    from
}

/// The position after the last line break of `bytes[lo..hi]`, else after its last
/// sentence stop, else after its last space.
fn break_in(bytes: &[u8], lo: usize, hi: usize) -> Option<usize> {
    let part = &bytes[lo..hi];
    let after = |at: Option<usize>| at.map(|k| lo + k + 1);
    after(memchr::memrchr(b'\n', part))
        .or_else(|| after(last_sentence_stop(part)))
        .or_else(|| after(memchr::memrchr(b' ', part)))
}

/// The last byte of the last sentence stop in `bytes` (`.`, `!`, `?`, or the last byte
/// of `؟` and `۔`), if any.
fn last_sentence_stop(bytes: &[u8]) -> Option<usize> {
    bytes.iter().enumerate().rev().find_map(|(k, &b)| {
        let arabic_stop = k > 0 && matches!((bytes[k - 1], b), (0xD8, 0x9F) | (0xDB, 0x94));
        (matches!(b, b'.' | b'!' | b'?') || arabic_stop).then_some(k)
    })
}

/// Writes the document JSON of `text` to `out` (followed by a newline, as
/// [`json::write`]): in windows when the text is longer than `windowing.whole_up_to`
/// bytes, so that memory stays bounded whatever its size. `warnings` are the reading's
/// warnings.
#[allow(clippy::too_many_arguments)]
pub fn write_json(
    extractor: &Extractor<'_>,
    id: &str,
    text: &str,
    dct: Option<Dct>,
    warnings: Vec<Warning>,
    pretty: bool,
    windowing: Windowing,
    out: &mut dyn Write,
) -> io::Result<()> {
    if text.len() <= windowing.whole_up_to || text.is_empty() {
        let mut doc = extractor.extract(id, text, dct);
        doc.warnings = warnings;
        return json::write(&doc, pretty, out);
    }
    let mut buffer = String::with_capacity(JsonWriter::SPILL + 4096);
    let mut w = JsonWriter::to_sink(&mut buffer, pretty, out);
    let mut held = Held::default();
    let mut dct = dct;
    let mut extractor = *extractor;
    let mut chars_before = 0;
    w.begin_object();
    w.field("schema", SCHEMA);
    let cuts = windows(text, windowing.window);
    for (k, &(start, end)) in cuts.iter().enumerate() {
        // from the second window on, the end of the one before is read again first
        let from = match k {
            0 => start,
            _ => lead_in_start(
                text,
                cuts[k - 1].0,
                start,
                windowing.lead_in.min(windowing.window / 2),
            ),
        };
        let lead_in = text[from..start].chars().count();
        let (doc, [sentences, lead_in_sentences]) =
            extractor.extract_counted(id, &text[from..end], dct, lead_in);
        if k == 0 {
            // the DCT of the first window is the document's: later windows resolve against
            // it, or against none when it found none (as the header says), never one of
            // their own
            dct = dct.or_else(|| doc.document.dct.as_deref().and_then(|d| d.parse().ok()));
            extractor = extractor.continuing();
            w.field(
                "document",
                &DocumentInfo {
                    id: id.to_string(),
                    ..doc.document.clone()
                },
            );
            w.key("timexes");
            w.begin_array();
        }
        let place = Place {
            chars_before: chars_before - lead_in,
            lead_in,
            sentences,
            lead_in_sentences,
        };
        held.add(&mut w, doc, place);
        chars_before += text[start..end].chars().count();
        if w.failed() {
            // the reader has gone (a closed pipe): the rest would reach no one
            return w.finish();
        }
    }
    w.end_array();
    held.finish(&mut w, text);
    if !warnings.is_empty() {
        w.field("warnings", &warnings);
    }
    w.end_object();
    w.finish()
}

/// An actor of the whole text: the first window's record of it, and the spans of its
/// mentions in code points of the whole text.
#[derive(Debug)]
struct HeldActor {
    actor: Actor,
    mentions: Vec<[u32; 2]>,
}

/// An event of the whole text, by numbers and spans (about 100 bytes: a 50 MB text
/// has some 300 000 events).
#[derive(Debug)]
struct HeldEvent {
    kind: EventKind,
    /// Index into [`Held::strings`].
    cameo: u32,
    how: TimeHow,
    negated: bool,
    /// A first mention (in the timeline), not a repeat.
    canonical: bool,
    sentence: u32,
    trigger: [u32; 2],
    content: Option<[u32; 2]>,
    agent: Option<u32>,
    participants: Box<[u32]>,
    initiator: Option<u32>,
    /// The timex and event numbers (0-based) of its time.
    timex: Option<u32>,
    from: Option<u32>,
    /// Its time's value, as an index into [`Held::strings`].
    value: Option<u32>,
    interval: Option<(NaiveDateTime, NaiveDateTime)>,
}

/// What the windows done so far leave for the end of the document.
#[derive(Debug, Default)]
struct Held {
    actors: Vec<HeldActor>,
    actor_by_key: FxHashMap<String, u32>,
    /// The events of each window, held to the size of each (a growing list of all of them
    /// would keep up to twice their room).
    events: Vec<Box<[HeldEvent]>>,
    event_count: usize,
    /// The CAMEO codes and time values of the events, each once (news repeats its dates).
    strings: Vec<Box<str>>,
    string_number: FxHashMap<Box<str>, u32>,
    /// REPORTS and SAME_AS, by event numbers.
    relations: Vec<(u32, u32, &'static str)>,
    timexes: usize,
    sentences: usize,
    /// The timexes and events of the last window, by their start in the whole text, for
    /// the next window's lead-in.
    timex_starts: FxHashMap<u32, u32>,
    event_starts: FxHashMap<u32, u32>,
    /// The actor of each mention of the last window, by its start.
    mention_starts: FxHashMap<u32, u32>,
}

/// Where a window's text lies in the whole text.
#[derive(Debug, Clone, Copy)]
struct Place {
    /// Code points before the window's text.
    chars_before: usize,
    /// Code points of its lead-in, the end of the window before.
    lead_in: usize,
    /// Sentences of the window's text, and of its lead-in.
    sentences: usize,
    lead_in_sentences: usize,
}

/// The 0-based index of an element id (`t12` → 11): ids are written by the pipeline, one
/// letter then the number from 1.
fn index(id: &str) -> u32 {
    id.get(1..)
        .and_then(|n| n.parse::<u32>().ok())
        .map_or(0, |n| n.saturating_sub(1))
}

/// A span of a window shifted to the whole text.
fn shifted(span: [usize; 2], by: usize) -> [u32; 2] {
    let at = |x: usize| u32::try_from(x + by).unwrap_or(u32::MAX);
    [at(span[0]), at(span[1])]
}

impl Held {
    /// The number of a CAMEO code or a time value in [`Held::strings`].
    fn string(&mut self, s: &str) -> u32 {
        if let Some(&n) = self.string_number.get(s) {
            return n;
        }
        let n = self.strings.len() as u32;
        self.strings.push(s.into());
        self.string_number.insert(s.into(), n);
        n
    }

    /// Takes in the document of one window, writing its timexes. The window's text
    /// starts `at.chars_before` code points into the whole text; its first `at.lead_in`
    /// code points (`at.lead_in_sentences` sentences) are the end of the window before,
    /// read again for what they tell (antecedents, reference dates): what is found there
    /// was taken in with the window before and is only looked up.
    fn add(&mut self, w: &mut JsonWriter<'_>, doc: Document, at: Place) {
        let lead_in = at.chars_before + at.lead_in;
        let global = |span: [usize; 2]| shifted(span, at.chars_before);
        let kept = |span: [usize; 2]| span[0] + at.chars_before >= lead_in;
        // timexes: the lead-in's are the window before's, by their start
        let mut timex_map: Vec<Option<u32>> = Vec::with_capacity(doc.timexes.len());
        let mut timex_starts = FxHashMap::default();
        for t in &doc.timexes {
            let start = global(t.span)[0];
            timex_map.push(if kept(t.span) {
                let n = self.timexes as u32;
                self.timexes += 1;
                timex_starts.insert(start, n);
                Some(n)
            } else {
                self.timex_starts.get(&start).copied()
            });
        }
        let timex = |id: &str| timex_map.get(index(id) as usize).copied().flatten();
        for (t, n) in doc.timexes.iter().zip(&timex_map) {
            let Some(n) = n.filter(|_| kept(t.span)) else {
                continue;
            };
            let mut t = t.clone();
            t.id = numbered_id('t', n as usize + 1);
            if t.anchor.starts_with('t') {
                t.anchor = match timex(&t.anchor) {
                    Some(k) => numbered_id('t', k as usize + 1),
                    None => "none".to_string(),
                };
            }
            t.span = global(t.span).map(|x| x as usize);
            w.element();
            t.write_json(w);
        }
        self.timex_starts = timex_starts;
        // actors: one per key across the windows, new ones numbered by first kept mention
        let mut order: Vec<(usize, usize)> = doc
            .actors
            .iter()
            .enumerate()
            .map(|(k, a)| {
                let first = a.mentions.iter().find(|m| kept(m.span));
                (first.map_or(usize::MAX, |m| m.span[0]), k)
            })
            .collect();
        order.sort_unstable();
        // an actor met only in the lead-in is the window before's, if it is anyone's
        let mut referenced = vec![false; doc.actors.len()];
        for e in doc.events.iter().filter(|e| kept(e.trigger.span)) {
            for a in e.agent.iter().chain(&e.participants).chain(&e.initiator) {
                if let Some(r) = referenced.get_mut(index(a) as usize) {
                    *r = true;
                }
            }
        }
        let mut actor_map: Vec<Option<u32>> = vec![None; doc.actors.len()];
        let mut mention_starts = FxHashMap::default();
        let mut doc_actors: Vec<Option<Actor>> = doc.actors.into_iter().map(Some).collect();
        for (first_kept, k) in order {
            let Some(mut a) = doc_actors[k].take() else {
                continue;
            };
            let key = match &a.gazetteer_id {
                Some(g) => format!("g\t{g}"),
                None => format!("n\t{}\t{:?}\t{:?}", a.name, a.kind, a.country),
            };
            let mentions = std::mem::take(&mut a.mentions);
            // the actor of a mention in the lead-in is the one the window before found
            // there (a title met bare at the lead-in's start names the window's actor
            // otherwise: «المتحدث» for «المتحدث الرسمي باسم الوزارة»)
            let before = mentions
                .iter()
                .filter(|m| !kept(m.span))
                .find_map(|m| self.mention_starts.get(&global(m.span)[0]).copied());
            let mentions = mentions
                .iter()
                .filter(|m| kept(m.span))
                .map(|m| global(m.span));
            actor_map[k] = match before.or_else(|| self.actor_by_key.get(&key).copied()) {
                Some(n) => {
                    self.actors[n as usize].mentions.extend(mentions);
                    Some(n)
                }
                None if first_kept == usize::MAX && !referenced[k] => None,
                None => {
                    let n = self.actors.len() as u32;
                    let mentions = mentions.collect();
                    self.actors.push(HeldActor { actor: a, mentions });
                    self.actor_by_key.insert(key, n);
                    Some(n)
                }
            };
            if let Some(n) = actor_map[k] {
                let held = &self.actors[n as usize].mentions;
                // this window's mentions of the actor, for the next window's lead-in
                for m in held.iter().rev().take_while(|m| m[0] as usize >= lead_in) {
                    mention_starts.insert(m[0], n);
                }
            }
        }
        self.mention_starts = mention_starts;
        let actor = |id: &String| actor_map.get(index(id) as usize).copied().flatten();
        // events: the lead-in's are the window before's, by their trigger's start
        let mut event_map: Vec<Option<u32>> = Vec::with_capacity(doc.events.len());
        let mut event_starts = FxHashMap::default();
        let mut next = self.event_count as u32;
        for e in &doc.events {
            let start = global(e.trigger.span)[0];
            event_map.push(if kept(e.trigger.span) {
                event_starts.insert(start, next);
                next += 1;
                Some(next - 1)
            } else {
                self.event_starts.get(&start).copied()
            });
        }
        let event = |id: &str| event_map.get(index(id) as usize).copied().flatten();
        let lead_in_sentences = at.lead_in_sentences;
        let mut events = Vec::with_capacity(doc.events.len());
        for e in doc.events.iter().filter(|e| kept(e.trigger.span)) {
            let sentence = (e.sentence + self.sentences).saturating_sub(lead_in_sentences);
            let held = HeldEvent {
                kind: e.kind,
                cameo: self.string(&e.cameo),
                how: e.time.how,
                negated: e.negated,
                canonical: e.order.is_some(),
                sentence: u32::try_from(sentence).unwrap_or(u32::MAX),
                trigger: global(e.trigger.span),
                content: e.content.as_ref().map(|c| global(c.span)),
                agent: e.agent.as_ref().and_then(actor),
                participants: e.participants.iter().filter_map(actor).collect(),
                initiator: e.initiator.as_ref().and_then(actor),
                timex: e.time.timex.as_deref().and_then(timex),
                from: e.time.from.as_deref().and_then(event),
                value: e.time.value.as_deref().map(|v| self.string(v)),
                // as Document::interval_of, by the timex's number
                interval: match &e.time.timex {
                    Some(t) => doc
                        .timexes
                        .get(index(t) as usize)
                        .and_then(|x| x.interval)
                        .map(|iv| (iv.start, iv.end)),
                    None => e.time.news_day(),
                },
            };
            events.push(held);
        }
        for r in &doc.relations {
            let kind = match &*r.kind {
                "REPORTS" => "REPORTS",
                "SAME_AS" => "SAME_AS",
                // the temporal relations of timeline neighbours are drawn over the whole text
                _ => continue,
            };
            // each relation was written with the event it belongs to: the reported one,
            // the repeat
            let owner = if kind == "REPORTS" { &r.to } else { &r.from };
            let owned_here = doc
                .events
                .get(index(owner) as usize)
                .is_some_and(|e| kept(e.trigger.span));
            if let (true, Some(from), Some(to)) = (owned_here, event(&r.from), event(&r.to)) {
                self.relations.push((from, to, kind));
            }
        }
        self.event_count += events.len();
        self.events.push(events.into_boxed_slice());
        self.event_starts = event_starts;
        self.sentences = (self.sentences + at.sentences).saturating_sub(lead_in_sentences);
    }

    /// Writes the actors, events, relations and timeline of the whole text.
    fn finish(self, w: &mut JsonWriter<'_>, text: &str) {
        let chars = CharIndex::new(text);
        let evidence = |span: [u32; 2]| Evidence {
            text: chars.slice(span[0] as usize, span[1] as usize).to_string(),
            span: span.map(|x| x as usize),
            document: None,
        };
        let actor_id = |n: u32| numbered_id('a', n as usize + 1);
        let event_id = |n: usize| numbered_id('e', n + 1);
        w.key("actors");
        w.begin_array();
        for (n, a) in self.actors.into_iter().enumerate() {
            let actor = Actor {
                id: actor_id(n as u32),
                mentions: a.mentions.into_iter().map(evidence).collect(),
                ..a.actor
            };
            w.element();
            actor.write_json(w);
        }
        w.end_array();
        // the timeline over first mentions of events, across the windows
        let events: Vec<&HeldEvent> = self.events.iter().flat_map(|w| w.iter()).collect();
        let (ordered, order_of) = timeline::order_first_mentions(
            events.len(),
            |n| events[n].canonical,
            |n| Item {
                interval: events[n].interval,
                discourse: events[n].trigger[0] as usize,
            },
        );
        w.key("events");
        w.begin_array();
        for (n, e) in events.iter().enumerate() {
            let string = |k: u32| String::from(&*self.strings[k as usize]);
            let event = Event {
                id: event_id(n),
                kind: e.kind,
                cameo: string(e.cameo),
                trigger: evidence(e.trigger),
                sentence: e.sentence as usize,
                agent: e.agent.map(actor_id),
                participants: e.participants.iter().map(|&a| actor_id(a)).collect(),
                initiator: e.initiator.map(actor_id),
                content: e.content.map(evidence),
                time: EventTime {
                    timex: e.timex.map(|t| numbered_id('t', t as usize + 1)),
                    value: e.value.map(string),
                    how: e.how,
                    from: e.from.map(|f| event_id(f as usize)),
                },
                negated: e.negated,
                order: order_of[n],
                sources: Vec::new(),
            };
            w.element();
            event.write_json(w);
        }
        w.end_array();
        // relations and the timeline, one element at a time: a huge text has hundreds of
        // thousands
        let relation = |w: &mut JsonWriter<'_>, from: usize, to: usize, kind: &'static str| {
            w.element();
            EventRelation {
                from: event_id(from),
                to: event_id(to),
                kind: Cow::Borrowed(kind),
            }
            .write_json(w);
        };
        w.key("relations");
        w.begin_array();
        for &(from, to, kind) in &self.relations {
            relation(w, from as usize, to as usize, kind);
        }
        let interval = |n: usize| events[n].interval;
        for (a, b, kind) in timeline::neighbour_relations(&ordered, interval) {
            relation(w, a, b, kind);
        }
        w.end_array();
        w.key("timeline");
        w.begin_array();
        for &n in &ordered {
            w.element();
            w.string(&event_id(n));
        }
        w.end_array();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cut_after_a_line_break_else_a_stop_else_a_space() {
        let text = "أ ب.\nج د. هـ و ز";
        let cuts = windows(text, 12);
        // every window but the last ends after a break, and together they cover the text
        assert_eq!(cuts.first().map(|c| c.0), Some(0));
        assert_eq!(cuts.last().map(|c| c.1), Some(text.len()));
        for pair in cuts.windows(2) {
            assert_eq!(pair[0].1, pair[1].0);
        }
        assert_eq!(&text[cuts[0].0..cuts[0].1], "أ ب.\n");
        let stops = windows("كلمة. كلمة. كلمة كلمة", 16);
        assert_eq!(&"كلمة. كلمة. كلمة كلمة"[stops[0].0..stops[0].1], "كلمة.");
        let arabic = "سؤال؟ جواب جواب جواب";
        assert_eq!(
            &arabic[windows(arabic, 14)[0].0..windows(arabic, 14)[0].1],
            "سؤال؟"
        );
    }

    #[test]
    fn a_text_with_no_break_is_cut_at_character_boundaries() {
        let text = "ب".repeat(10);
        let cuts = windows(&text, 5);
        assert!(
            cuts.iter()
                .all(|&(s, e)| text.is_char_boundary(s) && text.is_char_boundary(e))
        );
        assert_eq!(cuts.iter().map(|&(s, e)| e - s).sum::<usize>(), text.len());
        assert_eq!(cuts.len(), 4);
        assert_eq!(windows("", 5), Vec::<(usize, usize)>::new());
    }
}
