//! Cytoscape.js elements JSON (<https://js.cytoscape.org/#notation/elements-json>):
//! `{"elements": {"nodes": [{"data": {"id", "label", …}}], "edges": [{"data": {"id",
//! "source", "target", "label"}}]}}`, ready for `cytoscape({elements: …})` or
//! Cytoscape desktop's JSON import.
//!
//! Nodes and edges are those of [`EventGraph`] with the same attributes as the GraphML
//! export (numbers as JSON numbers, CAMEO codes as strings); each node also gets a
//! `classes` string (`actor`, `event`, `time`, `document`) for styling, each edge its
//! kind as `label` and in `classes`. Edge ids are `x1`, `x2`… in graph order.

use std::io::Write;

use serde_json::{Map, Value, json};

use super::Options;
use super::common::{Attr, node_attributes};
use crate::document::Document;
use crate::error::Error;
use crate::graph::EventGraph;

/// The elements JSON of `doc`'s graph.
pub fn to_value(doc: &Document) -> Value {
    let graph = EventGraph::from_document(doc);
    let nodes: Vec<Value> = node_attributes(doc, &graph)
        .into_iter()
        .map(|(id, attrs)| {
            let mut data = Map::new();
            data.insert("id".into(), id.into());
            let mut class = String::new();
            for (key, value) in attrs {
                if let ("kind", Attr::Str(k)) = (key, &value) {
                    class = k.clone();
                }
                let value = match value {
                    Attr::Str(s) => Value::String(s),
                    Attr::Int(n) => Value::from(n),
                    Attr::Bool(b) => Value::Bool(b),
                };
                data.insert(key.into(), value);
            }
            json!({"data": data, "classes": class})
        })
        .collect();
    let edges: Vec<Value> = graph
        .edges()
        .enumerate()
        .map(|(n, (from, to, kind))| {
            json!({
                "data": {
                    "id": format!("x{}", n + 1),
                    "source": from,
                    "target": to,
                    "label": kind.label(),
                },
                "classes": kind.label(),
            })
        })
        .collect();
    json!({"elements": {"nodes": nodes, "edges": edges}})
}

/// Writes the elements JSON (`options.compact` for one line).
pub fn write(doc: &Document, options: &Options, out: &mut dyn Write) -> Result<(), Error> {
    super::write_json(&to_value(doc), options.compact, out)
}
