//! Small helpers shared by the export formats: names of enum values as the JSON
//! writes them, XML escaping, sentence spans of the original text.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;

use crate::document::{Document, Event};
use crate::error::Error;
use crate::graph::{EventGraph, NodeKind};
use crate::text::{Normalized, sentences};
use crate::timex::{IsoDateTime, Timex};

/// The name a value has in the document JSON (`statement`, `DATE`, `START`…).
pub(crate) fn json_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// Maps an I/O error of the output to [`Error::Output`].
pub(crate) fn io(source: std::io::Error) -> Error {
    Error::Output { source }
}

/// Whether XML 1.0 can hold this character at all (even as a character reference).
pub(crate) fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes element content: `& < >` as entities and a carriage return as `&#13;`
/// (an XML parser would otherwise turn CR LF into LF). Characters XML cannot hold
/// become U+FFFD; callers that must keep the text exact check [`xml_char`] first.
pub(crate) fn xml_text(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// Escapes an attribute value: as [`xml_text`], plus quotes, and tab and line breaks
/// as character references (attribute normalization would turn them into spaces).
pub(crate) fn xml_attr(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

fn escape(s: &str, attribute: bool) -> Cow<'_, str> {
    let special = |c: char| {
        matches!(c, '&' | '<' | '>' | '\r')
            || (attribute && matches!(c, '"' | '\'' | '\n' | '\t'))
            || !xml_char(c)
    };
    if !s.chars().any(special) {
        return Cow::Borrowed(s);
    }
    // quick-xml escapes the markup characters; the rest is done here
    let escaped = quick_xml::escape::escape(s);
    let mut out = String::with_capacity(escaped.len() + 8);
    for c in escaped.chars() {
        match c {
            '\r' => out.push_str("&#13;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            c if !xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `[start, end)` code points of every sentence of the original text, in the same
/// numbering as [`Event::sentence`].
pub(crate) fn sentence_spans(text: &str) -> Vec<[usize; 2]> {
    let normalized = Normalized::new(text);
    sentences(&normalized.text)
        .iter()
        .map(|s| {
            let (a, b) = normalized.to_original(s.start, s.end);
            [a, b]
        })
        .collect()
}

/// The timex an event is dated by, if any.
pub(crate) fn event_timex<'d>(doc: &'d Document, event: &Event) -> Option<&'d Timex> {
    let id = event.time.timex.as_deref()?;
    doc.timexes.iter().find(|t| t.id == id)
}

/// A typed attribute value of a graph node.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Attr {
    Str(String),
    Int(usize),
    Bool(bool),
}

/// Every node of the graph with its attributes, in graph order. The attribute names
/// are the GraphML keys and the Cytoscape `data` fields; an attribute a node does not
/// have is left out.
pub(crate) fn node_attributes<'g>(
    doc: &Document,
    graph: &'g EventGraph,
) -> Vec<(&'g str, Vec<(&'static str, Attr)>)> {
    let actors: HashMap<&str, _> = doc.actors.iter().map(|a| (a.id.as_str(), a)).collect();
    let events: HashMap<&str, _> = doc.events.iter().map(|e| (e.id.as_str(), e)).collect();
    let timexes: HashMap<&str, _> = doc.timexes.iter().map(|t| (t.id.as_str(), t)).collect();
    let str = |v: &str| Attr::Str(v.to_string());
    let mut out = Vec::new();
    for (id, kind, label) in graph.nodes() {
        let mut data: Vec<(&'static str, Attr)> =
            vec![("kind", str(kind.name())), ("label", str(label))];
        match kind {
            NodeKind::Document => {
                if let Some(dct) = &doc.document.dct {
                    data.push(("dct", str(dct)));
                }
                data.push(("dct_source", Attr::Str(json_name(&doc.document.dct_source))));
                data.push(("policy", Attr::Str(json_name(&doc.document.policy))));
            }
            NodeKind::Actor => {
                if let Some(a) = actors.get(id) {
                    data.push(("name", str(&a.name)));
                    data.push(("actor_type", Attr::Str(json_name(&a.kind))));
                    let optional = [
                        ("name_en", &a.name_en),
                        ("country", &a.country),
                        ("gazetteer_id", &a.gazetteer_id),
                        ("wikidata", &a.wikidata),
                        ("stands_for", &a.stands_for),
                        ("role", &a.role),
                    ];
                    for (key, value) in optional {
                        if let Some(v) = value {
                            data.push((key, str(v)));
                        }
                    }
                    data.push(("mentions", Attr::Int(a.mentions.len())));
                    if let Some(m) = a.mentions.first() {
                        data.push(("span_start", Attr::Int(m.span[0])));
                        data.push(("span_end", Attr::Int(m.span[1])));
                    }
                }
            }
            NodeKind::Event => {
                if let Some(e) = events.get(id) {
                    data.push(("event_kind", Attr::Str(json_name(&e.kind))));
                    data.push(("cameo", str(&e.cameo)));
                    data.push(("trigger", str(&e.trigger.text)));
                    data.push(("span_start", Attr::Int(e.trigger.span[0])));
                    data.push(("span_end", Attr::Int(e.trigger.span[1])));
                    data.push(("sentence", Attr::Int(e.sentence)));
                    if let Some(order) = e.order {
                        data.push(("order", Attr::Int(order)));
                    }
                    data.push(("time_how", Attr::Str(json_name(&e.time.how))));
                    data.push(("negated", Attr::Bool(e.negated)));
                    if let Some(c) = &e.content {
                        data.push(("content", str(&c.text)));
                    }
                    if let Some(v) = &e.time.value {
                        data.push(("value", str(v)));
                    }
                    if let Some(iv) = event_timex(doc, e).and_then(|t| t.interval) {
                        data.push(("start", Attr::Str(IsoDateTime(iv.start).to_string())));
                        data.push(("end", Attr::Str(IsoDateTime(iv.end).to_string())));
                    }
                }
            }
            NodeKind::Time => {
                if let Some(t) = timexes.get(id) {
                    data.push(("text", str(&t.text)));
                    data.push(("timex_type", Attr::Str(json_name(&t.kind))));
                    data.push(("value", str(&t.value)));
                    if let Some(m) = &t.modifier {
                        data.push(("mod", Attr::Str(json_name(m))));
                    }
                    if let Some(iv) = &t.interval {
                        data.push(("start", Attr::Str(IsoDateTime(iv.start).to_string())));
                        data.push(("end", Attr::Str(IsoDateTime(iv.end).to_string())));
                    }
                    if let Some(g) = &t.granularity {
                        data.push(("granularity", Attr::Str(json_name(g))));
                    }
                    data.push(("anchor", str(&t.anchor)));
                    data.push(("span_start", Attr::Int(t.span[0])));
                    data.push(("span_end", Attr::Int(t.span[1])));
                }
            }
        }
        out.push((id, data));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_cr_and_attribute_whitespace() {
        assert_eq!(
            xml_text("قال <أ> & \"ب\"\r\n"),
            "قال &lt;أ&gt; &amp; &quot;ب&quot;&#13;\n"
        );
        assert_eq!(xml_attr("a\tb\nc\"d'"), "a&#9;b&#10;c&quot;d&apos;");
        assert_eq!(xml_text("a\u{1}b"), "a\u{FFFD}b");
        assert!(matches!(xml_text("بايدن"), Cow::Borrowed(_)));
    }

    #[test]
    fn sentence_spans_are_code_points_of_the_original() {
        let text = "قالَ بايدن: نعم. وأضاف أمس إنه سيتصل.\nسطر ثان";
        let spans = sentence_spans(text);
        let chars: Vec<char> = text.chars().collect();
        let slice = |[a, b]: [usize; 2]| chars[a..b].iter().collect::<String>();
        assert_eq!(
            spans.iter().map(|&s| slice(s)).collect::<Vec<_>>(),
            ["قالَ بايدن: نعم.", "وأضاف أمس إنه سيتصل.", "سطر ثان"]
        );
    }
}
