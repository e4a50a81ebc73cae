//! TimeML in the TempEval-3 `.tml` form: the article with inline `TIMEX3` and `EVENT`
//! tags inside `<TEXT>`, the document creation time as `TIMEX3 tid="t0"
//! functionInDocument="CREATION_TIME"` inside `<DCT>`, then `MAKEINSTANCE` (one
//! instance `eiN` per event `eN`, as TE3 platinum files have), `TLINK` and `SLINK`.
//! Also the reader of such files, for `zaman eval`.
//!
//! - The text inside `<TEXT>` is the original text exactly: removing the tags and
//!   unescaping gives it back (carriage returns are written `&#13;` so that XML's
//!   line-end normalization does not eat them). A text with a character XML 1.0 cannot
//!   hold (a control character) is an error, not a silent change.
//! - Tags never nest or cross, as in TempEval-3: timexes are placed first and never
//!   changed (a timex overlapping an earlier one is left out); an event trigger that
//!   overlaps a timex or an earlier trigger keeps the longest part of its span outside
//!   them, trimmed of white space, and an event with nothing left is left out together
//!   with its instance and links.
//! - TIMEX3: `tid`, `type`, `value`, `mod`, `temporalFunction` (true unless the value is
//!   absolute) and `anchorTimeID` (`t0` for a DCT-relative value, the anchoring timex
//!   under the narrative policy). EVENT `class`: statement, publication and accusation
//!   → REPORTING; appeal, threat and a proposal to meet (CAMEO 036, an appeal or a statement) → I_ACTION; the
//!   others → OCCURRENCE.
//! - Links: an event dated by a timex → `TLINK relType="IS_INCLUDED"` to it (`DURING`
//!   for a duration, none for a set); BEFORE, SIMULTANEOUS, INCLUDES, IS_INCLUDED between
//!   events → a TLINK of that type; SAME_AS → `TLINK relType="IDENTITY"`; REPORTS →
//!   `SLINK relType="EVIDENTIAL"`.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::Write;

use quick_xml::events::Event as Xml;

use super::common::{io, json_name, xml_attr, xml_char, xml_text};
use crate::document::Document;
use crate::error::Error;
use crate::events::EventKind;
use crate::timex::TimexType;

const FORMAT: &str = "timeml";

/// The TimeML event class of an event kind (and its CAMEO code).
pub fn event_class(kind: EventKind, cameo: &str) -> &'static str {
    match kind {
        // a proposal to meet, whether a statement or an appeal
        _ if cameo == "036" => "I_ACTION",
        EventKind::Statement | EventKind::Publication | EventKind::Accusation => "REPORTING",
        EventKind::Appeal | EventKind::Threat => "I_ACTION",
        _ => "OCCURRENCE",
    }
}

/// Writes the TimeML of `doc`; `text` is the article it was extracted from.
pub fn write(doc: &Document, text: Option<&str>, out: &mut dyn Write) -> Result<(), Error> {
    let Some(text) = text else {
        return Err(Error::NeedsText {
            document: doc.document.id.clone(),
            format: FORMAT,
            reason: "TimeML annotates the article inline, so a document without its text \
                     (such as a merged timeline) cannot be written as TimeML",
        });
    };
    out.write_all(to_string(doc, text)?.as_bytes()).map_err(io)
}

/// One inline tag to place.
struct Tag {
    start: usize,
    end: usize,
    open: String,
    close: &'static str,
}

/// `name="value"` pairs, escaped.
fn attributes(pairs: &[(&str, &str)]) -> String {
    let mut s = String::new();
    for (name, value) in pairs {
        let _ = write!(s, " {name}=\"{}\"", xml_attr(value));
    }
    s
}

/// Whether `[s, e)` overlaps a placed span (spans in `placed` are disjoint, keyed by start).
fn free_parts(placed: &BTreeMap<usize, usize>, s: usize, e: usize) -> Vec<(usize, usize)> {
    let mut taken: Vec<(usize, usize)> = placed
        .range(..e)
        .rev()
        .take_while(|(_, end)| **end > s)
        .map(|(a, b)| (*a, *b))
        .filter(|(a, b)| a < b)
        .collect();
    taken.reverse();
    let mut parts = Vec::new();
    let mut at = s;
    for (a, b) in taken {
        if a > at {
            parts.push((at, a));
        }
        at = at.max(b);
    }
    if at < e {
        parts.push((at, e));
    }
    parts
}

/// The TimeML of `doc` over its original `text`.
pub fn to_string(doc: &Document, text: &str) -> Result<String, Error> {
    let fail = |message: String| Error::Export {
        document: doc.document.id.clone(),
        format: FORMAT,
        message,
    };
    let chars: Vec<char> = text.chars().collect();
    if let Some((n, c)) = chars.iter().enumerate().find(|(_, c)| !xml_char(**c)) {
        return Err(fail(format!(
            "the text has U+{:04X} at code point {n}, which XML 1.0 cannot hold",
            *c as u32
        )));
    }
    let check = |what: String, span: [usize; 2], expected: &str| {
        let [s, e] = span;
        if s > e || e > chars.len() {
            return Err(fail(format!(
                "{what} span [{s}, {e}) is outside the text ({} code points); \
                 was the document extracted from another text?",
                chars.len()
            )));
        }
        if !chars[s..e].iter().copied().eq(expected.chars()) {
            return Err(fail(format!(
                "{what} span [{s}, {e}) does not hold its text {expected:?}; \
                 was the document extracted from another text?"
            )));
        }
        Ok(())
    };

    let dct = doc.document.dct.as_deref();
    let mut placed: BTreeMap<usize, usize> = BTreeMap::new();
    let mut tags: Vec<Tag> = Vec::new();
    let mut timex_type: HashMap<&str, TimexType> = HashMap::new();
    for t in &doc.timexes {
        check(format!("timex {}", t.id), t.span, &t.text)?;
        let [s, e] = t.span;
        if s < e {
            if free_parts(&placed, s, e) != [(s, e)] {
                continue;
            }
            placed.insert(s, e);
        } else if placed
            .range(..s)
            .next_back()
            .is_some_and(|(_, end)| *end > s)
        {
            // an empty timex inside another one has no place of its own
            continue;
        }
        timex_type.insert(t.id.as_str(), t.kind);
        let kind = json_name(&t.kind);
        let modifier = t.modifier.as_ref().map(json_name);
        let mut pairs: Vec<(&str, &str)> =
            vec![("tid", &t.id), ("type", &kind), ("value", &t.value)];
        if let Some(m) = &modifier {
            pairs.push(("mod", m));
        }
        let anchor = match t.anchor.as_str() {
            "absolute" => None,
            "dct" => Some(dct.map(|_| "t0")),
            "none" => Some(None),
            // the anchoring timex, when it was written (it comes earlier in the text)
            other => Some(timex_type.contains_key(other).then_some(other)),
        };
        pairs.push((
            "temporalFunction",
            if anchor.is_some() { "true" } else { "false" },
        ));
        pairs.push(("functionInDocument", "NONE"));
        if let Some(Some(a)) = anchor {
            pairs.push(("anchorTimeID", a));
        }
        tags.push(Tag {
            start: s,
            end: e,
            open: format!("<TIMEX3{}>", attributes(&pairs)),
            close: "</TIMEX3>",
        });
    }
    let mut written_events: Vec<&str> = Vec::new();
    for ev in &doc.events {
        check(
            format!("trigger of {}", ev.id),
            ev.trigger.span,
            &ev.trigger.text,
        )?;
        let [s, e] = ev.trigger.span;
        let Some((mut a, mut b)) = free_parts(&placed, s, e)
            .into_iter()
            .max_by_key(|(a, b)| (b - a, std::cmp::Reverse(*a)))
        else {
            continue;
        };
        while a < b && chars[a].is_whitespace() {
            a += 1;
        }
        while b > a && chars[b - 1].is_whitespace() {
            b -= 1;
        }
        if a == b {
            continue;
        }
        placed.insert(a, b);
        written_events.push(&ev.id);
        tags.push(Tag {
            start: a,
            end: b,
            open: format!(
                "<EVENT{}>",
                attributes(&[("eid", &ev.id), ("class", event_class(ev.kind, &ev.cameo))])
            ),
            close: "</EVENT>",
        });
    }
    tags.sort_by_key(|t| t.start);

    let mut out = String::with_capacity(text.len() * 2);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n",
    );
    let _ = writeln!(out, "<DOCID>{}</DOCID>", xml_text(&doc.document.id));
    match dct {
        Some(d) => {
            let kind = if d.contains('T') { "TIME" } else { "DATE" };
            let _ = writeln!(
                out,
                "<DCT><TIMEX3{}>{}</TIMEX3></DCT>",
                attributes(&[
                    ("tid", "t0"),
                    ("type", kind),
                    ("value", d),
                    ("temporalFunction", "false"),
                    ("functionInDocument", "CREATION_TIME"),
                ]),
                xml_text(d)
            );
        }
        None => out.push_str("<DCT></DCT>\n"),
    }
    out.push_str("<TEXT>");
    let piece = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    let mut at = 0;
    for tag in &tags {
        out.push_str(&xml_text(&piece(at, tag.start)));
        out.push_str(&tag.open);
        out.push_str(&xml_text(&piece(tag.start, tag.end)));
        out.push_str(tag.close);
        at = tag.end;
    }
    out.push_str(&xml_text(&piece(at, chars.len())));
    out.push_str("</TEXT>\n");

    let instance = |id: &str| format!("ei{}", id.trim_start_matches('e'));
    for id in &written_events {
        if let Some(ev) = doc.events.iter().find(|e| e.id == *id) {
            let _ = writeln!(
                out,
                "<MAKEINSTANCE{}/>",
                attributes(&[
                    ("eventID", id),
                    ("eiid", &instance(id)),
                    ("tense", "NONE"),
                    ("aspect", "NONE"),
                    ("polarity", if ev.negated { "NEG" } else { "POS" }),
                    ("pos", "OTHER"),
                ])
            );
        }
    }
    let written = |id: &str| written_events.contains(&id);
    let mut lid = 0;
    let mut next_lid = || {
        lid += 1;
        format!("l{lid}")
    };
    for ev in doc.events.iter().filter(|e| written(&e.id)) {
        let Some(tid) = ev.time.timex.as_deref() else {
            continue;
        };
        let rel = match timex_type.get(tid) {
            Some(TimexType::Date | TimexType::Time) => "IS_INCLUDED",
            Some(TimexType::Duration) => "DURING",
            Some(TimexType::Set) | None => continue,
        };
        let _ = writeln!(
            out,
            "<TLINK{}/>",
            attributes(&[
                ("lid", &next_lid()),
                ("relType", rel),
                ("eventInstanceID", &instance(&ev.id)),
                ("relatedToTime", tid),
            ])
        );
    }
    for r in &doc.relations {
        if !written(&r.from) || !written(&r.to) {
            continue;
        }
        let (element, rel, target) = match r.kind.as_ref() {
            "REPORTS" => ("SLINK", "EVIDENTIAL", "subordinatedEventInstance"),
            "SAME_AS" => ("TLINK", "IDENTITY", "relatedToEventInstance"),
            "BEFORE" | "AFTER" | "SIMULTANEOUS" | "INCLUDES" | "IS_INCLUDED" => {
                ("TLINK", r.kind.as_ref(), "relatedToEventInstance")
            }
            _ => continue,
        };
        let _ = writeln!(
            out,
            "<{element}{}/>",
            attributes(&[
                ("lid", &next_lid()),
                ("relType", rel),
                ("eventInstanceID", &instance(&r.from)),
                (target, &instance(&r.to)),
            ])
        );
    }
    out.push_str("</TimeML>\n");
    Ok(out)
}

/// A TIMEX3 or EVENT of a TimeML file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Tagged {
    /// `tid` or `eid`.
    pub id: String,
    /// `[start, end)` in code points of the text inside `<TEXT>`.
    pub span: [usize; 2],
    /// Every attribute, unescaped.
    pub attributes: BTreeMap<String, String>,
}

impl Tagged {
    /// An attribute's value.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attributes.get(name).map(String::as_str)
    }
}

/// What a TimeML file says.
#[derive(Debug, Clone, Default)]
pub struct TimeMl {
    /// The `<DOCID>`.
    pub docid: Option<String>,
    /// The value of the creation-time TIMEX3 (in `<DCT>` or with
    /// `functionInDocument="CREATION_TIME"`).
    pub dct: Option<String>,
    /// The text inside `<TEXT>` with the tags removed.
    pub text: String,
    /// TIMEX3 elements inside `<TEXT>`, in document order.
    pub timexes: Vec<Tagged>,
    /// EVENT elements inside `<TEXT>`, in document order.
    pub events: Vec<Tagged>,
    /// Every empty element after the text (MAKEINSTANCE, TLINK, SLINK, ALINK): its name and
    /// attributes.
    pub links: Vec<(String, BTreeMap<String, String>)>,
}

impl TimeMl {
    /// The value of the time an event is linked to as included in, during or
    /// simultaneous with (through its instance), if any: the first such TLINK.
    pub fn event_time(&self, eid: &str) -> Option<&str> {
        let instances: Vec<&str> = self
            .links
            .iter()
            .filter(|(name, a)| {
                name == "MAKEINSTANCE" && a.get("eventID").map(String::as_str) == Some(eid)
            })
            .filter_map(|(_, a)| a.get("eiid").map(String::as_str))
            .collect();
        let tid = self.links.iter().find_map(|(name, a)| {
            let rel = a.get("relType").map(String::as_str);
            let own = a
                .get("eventInstanceID")
                .is_some_and(|i| instances.contains(&i.as_str()));
            (name == "TLINK"
                && own
                && matches!(rel, Some("IS_INCLUDED" | "DURING" | "SIMULTANEOUS")))
            .then(|| a.get("relatedToTime"))
            .flatten()
        })?;
        if tid == "t0" {
            return self.dct.as_deref();
        }
        self.timexes.iter().find(|t| t.id == *tid)?.get("value")
    }
}

/// Reads a TimeML document. The message of an error says what is wrong and where
/// (byte offset).
pub fn read(xml: &str) -> Result<TimeMl, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut doc = TimeMl::default();
    // open elements: name, and for TIMEX3/EVENT inside TEXT the index into timexes/events
    let mut stack: Vec<(String, Option<(bool, usize)>)> = Vec::new();
    let mut in_text = false;
    let mut in_dct = false;
    let mut in_docid = false;
    let mut docid = String::new();
    let mut len = 0usize; // code points of text so far
    let mut saw_text = false;
    let mut dct_text = String::new();
    let at = |reader: &quick_xml::Reader<&[u8]>| reader.buffer_position();
    loop {
        let event = reader
            .read_event()
            .map_err(|e| format!("not well-formed XML at byte {}: {e}", at(&reader)))?;
        match event {
            Xml::Start(ref e) | Xml::Empty(ref e) => {
                let empty = matches!(event, Xml::Empty(_));
                let name = e.name().as_ref().to_string();
                let mut attrs = BTreeMap::new();
                for a in e.attributes() {
                    let a =
                        a.map_err(|err| format!("bad attribute at byte {}: {err}", at(&reader)))?;
                    let key = a.key.as_ref().to_string();
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .map_err(|err| {
                            format!("bad attribute value at byte {}: {err}", at(&reader))
                        })?
                        .into_owned();
                    attrs.insert(key, value);
                }
                if name == "TIMEX3"
                    && attrs.get("functionInDocument").map(String::as_str) == Some("CREATION_TIME")
                    && doc.dct.is_none()
                {
                    doc.dct = attrs.get("value").cloned();
                }
                let mut slot = None;
                if in_text && (name == "TIMEX3" || name == "EVENT") {
                    let id_key = if name == "TIMEX3" { "tid" } else { "eid" };
                    let tagged = Tagged {
                        id: attrs.get(id_key).cloned().unwrap_or_default(),
                        span: [len, len],
                        attributes: attrs,
                    };
                    if name == "TIMEX3" {
                        doc.timexes.push(tagged);
                        slot = Some((true, doc.timexes.len() - 1));
                    } else {
                        doc.events.push(tagged);
                        slot = Some((false, doc.events.len() - 1));
                    }
                } else if !in_text && empty {
                    doc.links.push((name.clone(), attrs));
                } else if name == "TIMEX3" && in_dct && doc.dct.is_none() {
                    doc.dct = attrs.get("value").cloned();
                }
                if !empty {
                    match name.as_str() {
                        "TEXT" if !in_text => {
                            in_text = true;
                            saw_text = true;
                        }
                        "DCT" => in_dct = true,
                        "DOCID" => in_docid = true,
                        _ => {}
                    }
                    stack.push((name, slot));
                }
            }
            Xml::End(e) => {
                let name = e.name().as_ref().to_string();
                let Some((open, slot)) = stack.pop() else {
                    return Err(format!(
                        "</{name}> without an open element at byte {}",
                        at(&reader)
                    ));
                };
                if open != name {
                    return Err(format!("</{name}> closes <{open}> at byte {}", at(&reader)));
                }
                if let Some((timex, k)) = slot {
                    let list = if timex {
                        &mut doc.timexes
                    } else {
                        &mut doc.events
                    };
                    list[k].span[1] = len;
                }
                match name.as_str() {
                    "TEXT" if !stack.iter().any(|(n, _)| n == "TEXT") => in_text = false,
                    "DCT" => in_dct = false,
                    "DOCID" => in_docid = false,
                    _ => {}
                }
            }
            Xml::Text(t) => {
                let content = t.xml10_content();
                if in_text {
                    len += content.chars().count();
                    doc.text.push_str(&content);
                } else if in_docid {
                    docid.push_str(&content);
                } else if in_dct {
                    dct_text.push_str(&content);
                }
            }
            Xml::CData(t) => {
                let content = t.xml10_content();
                if in_text {
                    len += content.chars().count();
                    doc.text.push_str(&content);
                }
            }
            Xml::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => {
                        let name = r.as_ref().to_string();
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| {
                                format!("unknown entity &{name}; at byte {}", at(&reader))
                            })?
                            .to_string()
                    }
                    Err(e) => {
                        return Err(format!(
                            "bad character reference at byte {}: {e}",
                            at(&reader)
                        ));
                    }
                };
                if in_text {
                    len += c.chars().count();
                    doc.text.push_str(&c);
                } else if in_docid {
                    docid.push_str(&c);
                }
            }
            Xml::Eof => break,
            _ => {}
        }
    }
    if let Some((open, _)) = stack.last() {
        return Err(format!("<{open}> is never closed"));
    }
    if !saw_text {
        return Err("no <TEXT> element".into());
    }
    if !docid.trim().is_empty() {
        doc.docid = Some(docid.trim().to_string());
    }
    if doc.dct.is_none() && !dct_text.trim().is_empty() {
        doc.dct = Some(dct_text.trim().to_string());
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_parts_cut_around_placed_spans() {
        let mut placed = BTreeMap::new();
        placed.insert(5, 8);
        placed.insert(10, 12);
        assert_eq!(free_parts(&placed, 0, 4), [(0, 4)]);
        assert_eq!(free_parts(&placed, 3, 11), [(3, 5), (8, 10)]);
        assert_eq!(free_parts(&placed, 6, 7), []);
        assert_eq!(free_parts(&placed, 11, 15), [(12, 15)]);
    }

    #[test]
    fn overlapping_and_empty_timexes_keep_the_xml_flat() {
        let text = "قال بايدن الثلاثاء 13 أبريل 2021 إنه اتصل ببوتين أمس.";
        let dct = "2021-04-13".parse().ok();
        let mut doc = crate::Extractor::default().extract("d", text, dct);
        assert_eq!(doc.timexes.len(), 2, "{:?}", doc.timexes);
        let first = doc.timexes[0].clone();
        // a second timex crossing the first, and an empty one inside it
        let chars: Vec<char> = text.chars().collect();
        let [s, e] = first.span;
        let mut crossing = first.clone();
        crossing.id = "t8".into();
        crossing.span = [e - 4, e + 3];
        crossing.text = chars[e - 4..e + 3].iter().collect();
        let mut empty = first.clone();
        empty.id = "t9".into();
        empty.span = [s + 2, s + 2];
        empty.text = String::new();
        doc.timexes.insert(1, crossing);
        doc.timexes.insert(2, empty);
        let xml = to_string(&doc, text).expect("writes");
        let back = read(&xml).expect("well-formed");
        assert_eq!(back.text, text);
        let ids: Vec<&str> = back.timexes.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, [first.id.as_str(), doc.timexes[3].id.as_str()]);
        assert_eq!(back.timexes[0].span, first.span);
    }

    #[test]
    fn reads_tags_references_and_line_ends() {
        let xml = "<?xml version=\"1.0\"?>\n<TimeML><DOCID>d&amp;1</DOCID>\
                   <DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2021-04-13\" \
                   functionInDocument=\"CREATION_TIME\">2021-04-13</TIMEX3></DCT>\
                   <TEXT>قال &lt;ب&gt;\r\n<EVENT eid=\"e1\" class=\"REPORTING\">أكد</EVENT>&#13;\
                   <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2021-04-12\">أمس</TIMEX3></TEXT>\
                   <MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\"/>\
                   <TLINK lid=\"l1\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1\"/>\
                   </TimeML>";
        let doc = read(xml).expect("reads");
        assert_eq!(doc.docid.as_deref(), Some("d&1"));
        assert_eq!(doc.dct.as_deref(), Some("2021-04-13"));
        // CR LF in the source is one LF; &#13; is a kept CR
        assert_eq!(doc.text, "قال <ب>\nأكد\rأمس");
        assert_eq!(doc.events[0].span, [8, 11]);
        assert_eq!(doc.timexes[0].span, [12, 15]);
        assert_eq!(doc.timexes[0].get("value"), Some("2021-04-12"));
        assert_eq!(doc.event_time("e1"), Some("2021-04-12"));
        assert!(read("<TimeML><TEXT>a<EVENT>b</TEXT></TimeML>").is_err());
        assert!(read("<TimeML><DOCID>x</DOCID></TimeML>").is_err());
    }
}
