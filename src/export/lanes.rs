//! The timeline as the visual formats (`vis`, `timelinejs`, `html`) see it: events in
//! timeline order, each in a lane (its agent, or its kind when it has none), dated by
//! its timex's interval or listed as undated; repeated mentions (SAME_AS) point to their
//! first mention. Nothing of the document is dropped: every event is dated, undated or
//! repeated.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDateTime, Timelike};

use crate::document::{Actor, Document, Event};
use crate::error::Error;
use crate::events::EventKind;
use crate::text::{CharIndex, Normalized, sentences};
use crate::timex::{Granularity, Mod, Timex};

/// A row of the timeline: one actor, or one kind of event without an agent.
#[derive(Debug)]
pub(crate) struct Lane<'d> {
    /// `a3`, or `kind-statement` for events without an agent.
    pub key: String,
    /// The actor's Arabic name, or the Arabic name of the kind.
    pub label: String,
    /// The actor, when the lane is one.
    pub actor: Option<&'d Actor>,
}

/// Where an event sits on the time axis.
#[derive(Debug, Clone)]
pub(crate) struct When<'d> {
    /// The timex that dates the event; `None` for an event dated by the news convention
    /// (`how: "dct"`, the story's day).
    pub timex: Option<&'d Timex>,
    /// The date's TIMEX3 value (the timex's, or the story's day).
    pub value: &'d str,
    /// What dates it: the timex's text, or `تاريخ الخبر` (the story's day).
    pub text: &'d str,
    /// The precision of the date.
    pub granularity: Option<Granularity>,
    /// First instant inside.
    pub start: NaiveDateTime,
    /// First instant after.
    pub end: NaiveDateTime,
    /// Day or finer: a point; weeks, months, years and vague periods: a range.
    pub point: bool,
    /// The date in Arabic (`13 أبريل 2021`, `بداية أبريل 2021`, `3–12 أبريل 2021`).
    pub label: String,
}

/// One event as shown.
#[derive(Debug)]
pub(crate) struct Entry<'d> {
    /// The event (its first mention).
    pub event: &'d Event,
    /// Index into [`View::lanes`].
    pub lane: usize,
    /// Its place in time; `None` for an undated event.
    pub when: Option<When<'d>>,
    /// The trigger, with the other parties (`اتصال هاتفي مع فلاديمير بوتين`).
    pub headline: String,
    /// The sentence the event comes from (or, without the text, its content or trigger).
    pub evidence: String,
    /// Where `evidence` starts in the text (code points), when it is a sentence of it.
    pub evidence_start: Option<usize>,
}

impl Entry<'_> {
    /// The evidence cut around the trigger: (before, trigger, after); `None` when the
    /// trigger is not inside the evidence.
    pub fn around_trigger(&self) -> Option<(&str, &str, &str)> {
        let start = self.evidence_start?;
        let [a, b] = self.event.trigger.span;
        let a = a.checked_sub(start)?;
        let b = b.checked_sub(start)?;
        let byte = |n: usize| {
            self.evidence
                .char_indices()
                .nth(n)
                .map(|(i, _)| i)
                .or_else(|| (n == self.evidence.chars().count()).then_some(self.evidence.len()))
        };
        let (x, y) = (byte(a)?, byte(b)?);
        Some((
            &self.evidence[..x],
            &self.evidence[x..y],
            &self.evidence[y..],
        ))
    }
}

/// A later mention of an event already shown (a SAME_AS relation).
#[derive(Debug)]
pub(crate) struct Repeated<'d> {
    /// The later mention.
    pub event: &'d Event,
    /// Id of the first mention.
    pub same_as: &'d str,
}

/// The whole timeline of one document.
#[derive(Debug)]
pub(crate) struct View<'d> {
    /// The document.
    pub doc: &'d Document,
    /// The article's headline (its first line, when short and followed by more), else the
    /// document id.
    pub title: String,
    /// Lanes in order of their first event in the timeline.
    pub lanes: Vec<Lane<'d>>,
    /// Dated events in timeline order.
    pub dated: Vec<Entry<'d>>,
    /// Events that cannot be placed, in timeline order.
    pub undated: Vec<Entry<'d>>,
    /// Repeated mentions, in text order.
    pub repeated: Vec<Repeated<'d>>,
    /// Event id → (dated?, index in `dated` or `undated`).
    by_id: BTreeMap<&'d str, (bool, usize)>,
}

impl<'d> View<'d> {
    /// The view of `doc`; `text` (the original article, when there is one) gives each
    /// event its sentence. Fails when `text` is not the text the document was made from.
    pub fn new(doc: &'d Document, text: Option<&str>) -> Result<View<'d>, Error> {
        let sentence_texts = match text {
            Some(text) => {
                check_text(doc, text)?;
                Some(sentence_texts(text))
            }
            None => None,
        };
        // a short first line standing alone is the headline
        let title = text
            .and_then(|t| t.lines().map(str::trim).find(|l| !l.is_empty()))
            .filter(|l| {
                l.split_whitespace().count() <= 25 && text.is_some_and(|t| t.trim().contains('\n'))
            })
            .map_or_else(|| doc.document.id.clone(), str::to_string);
        // indexes by id, so that merged timelines of many documents stay linear
        let position: BTreeMap<&str, usize> = doc
            .events
            .iter()
            .enumerate()
            .map(|(n, e)| (e.id.as_str(), n))
            .collect();
        let mut same_as_of: BTreeMap<&str, &str> = BTreeMap::new();
        for r in doc.relations.iter().filter(|r| r.kind == "SAME_AS") {
            same_as_of.entry(r.from.as_str()).or_insert(r.to.as_str());
        }
        let actor_of: BTreeMap<&str, &Actor> =
            doc.actors.iter().map(|a| (a.id.as_str(), a)).collect();
        let timex_of: BTreeMap<&str, &Timex> =
            doc.timexes.iter().map(|t| (t.id.as_str(), t)).collect();
        // first mentions in timeline order, then anything the timeline misses
        let mut canonical: Vec<&Event> = Vec::with_capacity(doc.events.len());
        let mut seen = vec![false; doc.events.len()];
        for id in &doc.timeline {
            if let Some(&pos) = position.get(id.as_str())
                && !seen[pos]
            {
                seen[pos] = true;
                canonical.push(&doc.events[pos]);
            }
        }
        let mut repeated = Vec::new();
        for (pos, e) in doc.events.iter().enumerate() {
            if seen[pos] {
                continue;
            }
            let first = same_as_of
                .get(e.id.as_str())
                .copied()
                .filter(|to| position.contains_key(to));
            match first {
                Some(to) => repeated.push(Repeated {
                    event: e,
                    same_as: to,
                }),
                None => canonical.push(e),
            }
        }
        let mut lanes: Vec<Lane<'d>> = Vec::new();
        let mut lane_of: BTreeMap<String, usize> = BTreeMap::new();
        let mut dated = Vec::new();
        let mut undated = Vec::new();
        for e in canonical {
            let actor = e.agent.as_deref().and_then(|id| actor_of.get(id).copied());
            let key = match actor {
                Some(a) => a.id.clone(),
                None => format!("kind-{}", kind_key(e.kind)),
            };
            let lane = match lane_of.get(&key) {
                Some(&n) => n,
                None => {
                    lane_of.insert(key.clone(), lanes.len());
                    lanes.push(Lane {
                        key,
                        label: actor
                            .map_or_else(|| kind_lane(e.kind).to_string(), |a| a.name.clone()),
                        actor,
                    });
                    lanes.len() - 1
                }
            };
            let sentence = sentence_texts.as_ref().and_then(|s| s.get(e.sentence));
            let evidence = sentence
                .map(|s| s.text.clone())
                .or_else(|| e.content.as_ref().map(|c| c.text.clone()))
                .unwrap_or_else(|| e.trigger.text.clone());
            let entry = Entry {
                event: e,
                lane,
                when: when_of(&timex_of, e),
                headline: headline(&actor_of, e),
                evidence,
                evidence_start: sentence.map(|s| s.start),
            };
            if entry.when.is_some() {
                dated.push(entry);
            } else {
                undated.push(entry);
            }
        }
        // the timeline sorts by interval already; keep that order, but be sure of it
        dated.sort_by_key(|en| en.when.as_ref().map(|w| (w.start, w.end)));
        let by_id = dated
            .iter()
            .enumerate()
            .map(|(n, e)| (e.event.id.as_str(), (true, n)))
            .chain(
                undated
                    .iter()
                    .enumerate()
                    .map(|(n, e)| (e.event.id.as_str(), (false, n))),
            )
            .collect();
        Ok(View {
            doc,
            title,
            lanes,
            dated,
            undated,
            repeated,
            by_id,
        })
    }

    /// The entry (dated or undated) of an event id.
    pub fn entry(&self, id: &str) -> Option<&Entry<'d>> {
        match *self.by_id.get(id)? {
            (true, n) => self.dated.get(n),
            (false, n) => self.undated.get(n),
        }
    }

    /// A one-line summary in Arabic: DCT, counts.
    pub fn summary(&self) -> String {
        let dct = self.doc.document.dct.as_deref().unwrap_or("غير معروف");
        format!(
            "تاريخ النشر: {dct} · أحداث مؤرخة: {} · بلا تاريخ: {} · إشارات متكررة: {} · فاعلون: {} · تعابير زمنية: {}",
            self.dated.len(),
            self.undated.len(),
            self.repeated.len(),
            self.doc.actors.len(),
            self.doc.timexes.len()
        )
    }
}

/// Checks that every span of the document lies inside `text` and that the spans of
/// timexes and triggers hold the text the document says they hold.
fn check_text(doc: &Document, text: &str) -> Result<(), Error> {
    let chars = CharIndex::new(text);
    let len = text.chars().count();
    let mismatch = |what: &str, span: [usize; 2], message: &str| Error::Span {
        document: doc.document.id.clone(),
        what: what.to_string(),
        start: span[0],
        end: span[1],
        message: message.to_string(),
    };
    let mut spans: Vec<(String, [usize; 2], &str)> = Vec::new();
    for t in &doc.timexes {
        spans.push((format!("timex {}", t.id), t.span, &t.text));
    }
    for e in &doc.events {
        spans.push((
            format!("trigger of {}", e.id),
            e.trigger.span,
            &e.trigger.text,
        ));
        if let Some(c) = &e.content {
            spans.push((format!("content of {}", e.id), c.span, &c.text));
        }
    }
    for a in &doc.actors {
        for m in &a.mentions {
            spans.push((format!("mention of {}", a.id), m.span, &m.text));
        }
    }
    for (what, span, expected) in spans {
        if span[0] > span[1] || span[1] > len {
            return Err(mismatch(
                &what,
                span,
                &format!("outside the text ({len} code points)"),
            ));
        }
        if chars.slice(span[0], span[1]) != expected {
            return Err(mismatch(
                &what,
                span,
                &format!(
                    "the text there is not {expected:?}: is this the article the document was made from?"
                ),
            ));
        }
    }
    Ok(())
}

/// One sentence of the original text.
#[derive(Debug)]
struct SentenceText {
    /// First code point (after leading spaces).
    start: usize,
    /// The sentence, trimmed.
    text: String,
}

/// Every sentence (in the order of the document's `sentence` indices).
fn sentence_texts(text: &str) -> Vec<SentenceText> {
    let normalized = Normalized::new(text);
    let chars = CharIndex::new(text);
    sentences(&normalized.text)
        .iter()
        .map(|s| {
            let (a, b) = normalized.to_original(s.start, s.end);
            let slice = chars.slice(a, b);
            let lead = slice.chars().take_while(|c| c.is_whitespace()).count();
            SentenceText {
                start: a + lead,
                text: slice.trim().to_string(),
            }
        })
        .collect()
}

/// The text that stands for the story's day when an event is dated by the news convention.
pub(crate) const NEWS_DAY: &str = "تاريخ الخبر";

fn when_of<'d>(timex_of: &BTreeMap<&str, &'d Timex>, e: &'d Event) -> Option<When<'d>> {
    let Some(id) = e.time.timex.as_deref() else {
        // dated by the news convention: the story's day
        let (start, end) = e.time.news_day()?;
        return Some(When {
            timex: None,
            value: e.time.value.as_deref()?,
            text: NEWS_DAY,
            granularity: Some(Granularity::Day),
            start,
            end,
            point: true,
            label: day_label(start),
        });
    };
    let timex = *timex_of.get(id)?;
    let interval = timex.interval?;
    let point = matches!(timex.granularity, Some(g) if g <= Granularity::Day)
        && interval.end - interval.start <= Duration::days(1);
    Some(When {
        timex: Some(timex),
        value: &timex.value,
        text: &timex.text,
        granularity: timex.granularity,
        start: interval.start,
        end: interval.end,
        point,
        label: date_label(timex, interval.start, interval.end),
    })
}

/// The trigger with the other parties of the event.
fn headline(actor_of: &BTreeMap<&str, &Actor>, e: &Event) -> String {
    let names: Vec<&str> = e
        .participants
        .iter()
        .filter_map(|id| actor_of.get(id.as_str()))
        .map(|a| a.name.as_str())
        .collect();
    let mut out = e.trigger.text.clone();
    if e.negated {
        out.insert_str(0, "(نفي) ");
    }
    if !names.is_empty() {
        out.push_str(" مع ");
        out.push_str(&names.join("، "));
    }
    out
}

/// The kind's name in ASCII (as in the document JSON).
pub(crate) fn kind_key(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Statement => "statement",
        EventKind::Call => "call",
        EventKind::Appeal => "appeal",
        EventKind::Meeting => "meeting",
        EventKind::Publication => "publication",
        EventKind::Accusation => "accusation",
        EventKind::Sanction => "sanction",
        EventKind::Threat => "threat",
        EventKind::Other => "other",
    }
}

/// The kind's name in Arabic.
pub(crate) fn kind_name(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Statement => "تصريح",
        EventKind::Call => "اتصال",
        EventKind::Appeal => "دعوة",
        EventKind::Meeting => "لقاء",
        EventKind::Publication => "نشر",
        EventKind::Accusation => "اتهام",
        EventKind::Sanction => "عقوبات",
        EventKind::Threat => "تهديد",
        EventKind::Other => "حدث آخر",
    }
}

/// The lane of events of a kind that have no agent.
fn kind_lane(kind: EventKind) -> String {
    format!("{} (بلا فاعل)", kind_name(kind))
}

const MONTHS: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

fn month_name(m: u32) -> &'static str {
    MONTHS[(m.clamp(1, 12) - 1) as usize]
}

fn day_label(t: NaiveDateTime) -> String {
    format!("{} {} {}", t.day(), month_name(t.month()), t.year())
}

/// The date of a timex's interval in Arabic, as precise as its granularity.
pub(crate) fn date_label(timex: &Timex, start: NaiveDateTime, end: NaiveDateTime) -> String {
    let last = end - Duration::seconds(1);
    let prefix = match timex.modifier {
        Some(Mod::Start) => "بداية ",
        Some(Mod::Mid) => "منتصف ",
        Some(Mod::End) => "نهاية ",
        Some(Mod::Approx) => "حوالي ",
        _ => "",
    };
    let body = match timex.granularity {
        Some(Granularity::Year) if prefix.is_empty() || start.year() == last.year() => {
            format!("{}", start.year())
        }
        Some(Granularity::Month) if start.month() == last.month() => {
            format!("{} {}", month_name(start.month()), start.year())
        }
        Some(Granularity::Day) if start.date() == last.date() => day_label(start),
        Some(Granularity::Hour | Granularity::Minute | Granularity::Second)
            if start.date() == last.date() =>
        {
            format!(
                "{}، {:02}:{:02}",
                day_label(start),
                start.hour(),
                start.minute()
            )
        }
        Some(Granularity::PartOfDay) if start.date() == last.date() => {
            let part = match timex.value.rsplit_once('T').map(|(_, p)| p) {
                Some("MO") => "صباح",
                Some("MI") => "ظهر",
                Some("AF") => "بعد ظهر",
                Some("EV") => "مساء",
                Some("NI") => "ليل",
                _ => "",
            };
            if part.is_empty() {
                day_label(start)
            } else {
                format!("{part} {}", day_label(start))
            }
        }
        _ => return range_label(start, last),
    };
    format!("{prefix}{body}")
}

/// `s` HTML-escaped (`& < > "`), for text the consumer renders as HTML.
pub(crate) fn escape(s: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(s.len());
    let _ = maud::Escaper::new(&mut out).write_str(s);
    out
}

/// `3–12 أبريل 2021`, `28 مارس – 3 أبريل 2021`, `30 ديسمبر 2020 – 2 يناير 2021`.
fn range_label(start: NaiveDateTime, last: NaiveDateTime) -> String {
    if start.date() == last.date() {
        return day_label(start);
    }
    if start.year() != last.year() {
        return format!("{} – {}", day_label(start), day_label(last));
    }
    if start.month() != last.month() {
        return format!(
            "{} {} – {}",
            start.day(),
            month_name(start.month()),
            day_label(last)
        );
    }
    format!("{}–{}", start.day(), day_label(last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;
    use crate::timex::Dct;

    fn doc(text: &str) -> Document {
        let dct = "2021-04-13".parse::<Dct>().ok();
        Extractor::default().extract("test", text, dct)
    }

    #[test]
    fn labels_follow_granularity() {
        let d = doc(
            "قال بايدن أمس إن الاتصال مهم. وأكد بوتين بداية أبريل الجاري أن الحوار ممكن. \
             وأعلنت موسكو قبل أيام أن العقوبات مرفوضة. وقال الكرملين هذا العام إن الأمر انتهى.",
        );
        let labels: Vec<(String, String)> = d
            .timexes
            .iter()
            .filter_map(|t| {
                let iv = t.interval?;
                Some((t.text.clone(), date_label(t, iv.start, iv.end)))
            })
            .collect();
        let get = |s: &str| {
            labels
                .iter()
                .find(|(t, _)| t == s)
                .map(|(_, l)| l.as_str())
                .unwrap_or_default()
        };
        assert_eq!(get("أمس"), "12 أبريل 2021");
        assert_eq!(get("بداية أبريل الجاري"), "بداية أبريل 2021");
        assert_eq!(get("قبل أيام"), "3–12 أبريل 2021");
        assert_eq!(get("هذا العام"), "2021");
    }

    #[test]
    fn every_event_is_dated_undated_or_repeated() {
        let d = doc(
            "أجرى الرئيس الأمريكي جو بايدن أمس اتصالا هاتفيا مع الرئيس الروسي فلاديمير بوتين. \
             وقال الكرملين إن المكالمة تناولت أوكرانيا. وأكد بوتين أن الحوار ضروري.",
        );
        let v = View::new(&d, None).expect("view");
        assert_eq!(
            v.dated.len() + v.undated.len() + v.repeated.len(),
            d.events.len()
        );
        let call = v
            .dated
            .iter()
            .find(|e| e.event.kind == EventKind::Call)
            .expect("the call is dated");
        let when = call.when.as_ref().expect("dated");
        assert!(when.point);
        assert_eq!(when.label, "12 أبريل 2021");
        assert_eq!(call.headline, "اتصالا هاتفيا مع فلاديمير بوتين");
        assert_eq!(v.lanes[call.lane].label, "جو بايدن");
        // the later mention points to the call
        assert!(
            v.repeated
                .iter()
                .any(|r| r.event.trigger.text == "المكالمة" && r.same_as == call.event.id),
            "{:?}",
            v.repeated
        );
    }

    #[test]
    fn evidence_is_the_sentence_with_the_text_and_content_without() {
        let text = "قال الكرملين أمس إن الحوار ممكن. وأكد بايدن أن العقوبات باقية.";
        let d = doc(text);
        let with = View::new(&d, Some(text)).expect("view");
        let e = with.entry("e1").expect("e1");
        assert_eq!(e.evidence, "قال الكرملين أمس إن الحوار ممكن.");
        let without = View::new(&d, None).expect("view");
        assert_eq!(
            without.entry("e1").expect("e1").evidence,
            d.events[0].content.as_ref().expect("content").text
        );
    }

    #[test]
    fn a_text_that_is_not_the_document_is_an_error() {
        let text = "قال الكرملين أمس إن الحوار ممكن.";
        let d = doc(text);
        let err = View::new(&d, Some("نص آخر تماما")).expect_err("wrong text");
        let message = err.to_string();
        assert!(message.starts_with("test: "), "{message}");
        assert!(message.contains("outside the text") || message.contains("is not"));
    }
}
