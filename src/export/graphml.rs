//! GraphML (<http://graphml.graphdrawing.org/>) of the document graph, for Gephi,
//! yEd, networkx and other graph tools.
//!
//! Nodes and edges are those of [`EventGraph`]; every attribute has a declared
//! `<key>` with its type (`string`, `int`, `boolean`), so readers keep the types: a
//! CAMEO code stays the string `"036"`. Node ids are the document's ids (`doc`, `a1`,
//! `e1`, `t1`), edge ids `x1`, `x2`… in graph order; an attribute a node does not have
//! is left out (no `<data>`), as GraphML allows.

use std::fmt::Write as _;
use std::io::Write;

use super::common::{Attr, io, node_attributes, xml_attr, xml_text};
use crate::document::Document;
use crate::error::Error;
use crate::graph::EventGraph;

/// Where a key applies.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Domain {
    Graph,
    Node,
    Edge,
}

/// Every key: (id, domain, attr.name, attr.type). Ids are the attribute names, so
/// a file reads well by eye; node and edge keys never share an id.
const KEYS: &[(&str, Domain, &str, &str)] = &[
    ("document", Domain::Graph, "document", "string"),
    ("kind", Domain::Node, "kind", "string"),
    ("label", Domain::Node, "label", "string"),
    // the document
    ("dct", Domain::Node, "dct", "string"),
    ("dct_source", Domain::Node, "dct_source", "string"),
    ("policy", Domain::Node, "policy", "string"),
    // actors
    ("name", Domain::Node, "name", "string"),
    ("name_en", Domain::Node, "name_en", "string"),
    ("actor_type", Domain::Node, "actor_type", "string"),
    ("country", Domain::Node, "country", "string"),
    ("gazetteer_id", Domain::Node, "gazetteer_id", "string"),
    ("wikidata", Domain::Node, "wikidata", "string"),
    ("stands_for", Domain::Node, "stands_for", "string"),
    ("role", Domain::Node, "role", "string"),
    ("mentions", Domain::Node, "mentions", "int"),
    // events
    ("event_kind", Domain::Node, "event_kind", "string"),
    ("cameo", Domain::Node, "cameo", "string"),
    ("trigger", Domain::Node, "trigger", "string"),
    ("sentence", Domain::Node, "sentence", "int"),
    ("order", Domain::Node, "order", "int"),
    ("time_how", Domain::Node, "time_how", "string"),
    ("negated", Domain::Node, "negated", "boolean"),
    ("content", Domain::Node, "content", "string"),
    // times (and the date of an event)
    ("text", Domain::Node, "text", "string"),
    ("timex_type", Domain::Node, "timex_type", "string"),
    ("value", Domain::Node, "value", "string"),
    ("mod", Domain::Node, "mod", "string"),
    ("start", Domain::Node, "start", "string"),
    ("end", Domain::Node, "end", "string"),
    ("granularity", Domain::Node, "granularity", "string"),
    ("anchor", Domain::Node, "anchor", "string"),
    // the evidence: trigger span of an event, span of a time, first mention of an actor
    ("span_start", Domain::Node, "span_start", "int"),
    ("span_end", Domain::Node, "span_end", "int"),
    // edges
    ("edge_kind", Domain::Edge, "kind", "string"),
    ("edge_label", Domain::Edge, "label", "string"),
];

/// Writes the GraphML of `doc`'s graph.
pub fn write(doc: &Document, out: &mut dyn Write) -> Result<(), Error> {
    out.write_all(to_string(doc).as_bytes()).map_err(io)
}

/// The GraphML of `doc`'s graph as a string.
pub fn to_string(doc: &Document) -> String {
    let graph = EventGraph::from_document(doc);

    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, domain, name, ty) in KEYS {
        let domain = match domain {
            Domain::Graph => "graph",
            Domain::Node => "node",
            Domain::Edge => "edge",
        };
        let _ = writeln!(
            s,
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        );
    }
    s.push_str("  <graph id=\"zaman\" edgedefault=\"directed\">\n");
    let _ = writeln!(
        s,
        "    <data key=\"document\">{}</data>",
        xml_text(&doc.document.id)
    );
    for (id, data) in node_attributes(doc, &graph) {
        let _ = writeln!(s, "    <node id=\"{}\">", xml_attr(id));
        for (key, value) in &data {
            let value = match value {
                Attr::Str(v) => xml_text(v).into_owned(),
                Attr::Int(n) => n.to_string(),
                Attr::Bool(b) => b.to_string(),
            };
            let _ = writeln!(s, "      <data key=\"{key}\">{value}</data>");
        }
        s.push_str("    </node>\n");
    }
    for (n, (from, to, kind)) in graph.edges().enumerate() {
        let _ = writeln!(
            s,
            "    <edge id=\"x{}\" source=\"{}\" target=\"{}\">",
            n + 1,
            xml_attr(from),
            xml_attr(to)
        );
        let _ = writeln!(s, "      <data key=\"edge_kind\">{}</data>", kind.label());
        let _ = writeln!(s, "      <data key=\"edge_label\">{}</data>", kind.label());
        s.push_str("    </edge>\n");
    }
    s.push_str("  </graph>\n</graphml>\n");
    s
}
