//! The graph of one document: actors, events, times and the document itself as
//! typed nodes, with typed edges. Every export reads it. petgraph stays inside
//! this module; the public API speaks in the document's ids (`a1`, `e3`, `t2`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use petgraph::Direction;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use petgraph::visit::EdgeRef;

use crate::document::Document;

/// What a node stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKind {
    /// The source document.
    Document,
    /// An actor (`a1`).
    Actor,
    /// An event (`e1`).
    Event,
    /// A time (`t1`).
    Time,
}

/// What an edge says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EdgeKind {
    /// Event → actor who acts.
    Agent,
    /// Event → other party.
    Participant,
    /// Event → actor who initiated it.
    Initiator,
    /// Event → time.
    OccurredAt,
    /// Statement → the event it reports.
    Reports,
    /// Event → the document it comes from.
    Source,
    /// Later mention → first mention of the same event.
    SameAs,
    /// Event → event, in time.
    Before,
    /// Event → event with the same interval.
    Simultaneous,
    /// Event → event whose interval it contains.
    Includes,
    /// Event → event whose interval contains it.
    IsIncluded,
}

impl NodeKind {
    /// The name used in exports: `document`, `actor`, `event` or `time`.
    pub fn name(&self) -> &'static str {
        match self {
            NodeKind::Document => "document",
            NodeKind::Actor => "actor",
            NodeKind::Event => "event",
            NodeKind::Time => "time",
        }
    }
}

impl EdgeKind {
    /// The label used in exports.
    pub fn label(self) -> &'static str {
        match self {
            EdgeKind::Agent => "agent",
            EdgeKind::Participant => "participant",
            EdgeKind::Initiator => "initiator",
            EdgeKind::OccurredAt => "occurred_at",
            EdgeKind::Reports => "reports",
            EdgeKind::Source => "source",
            EdgeKind::SameAs => "same_as",
            EdgeKind::Before => "before",
            EdgeKind::Simultaneous => "simultaneous",
            EdgeKind::Includes => "includes",
            EdgeKind::IsIncluded => "is_included",
        }
    }
}

#[derive(Debug, Clone)]
struct Node {
    id: String,
    kind: NodeKind,
    label: String,
}

/// The typed graph of a document.
#[derive(Debug, Clone)]
pub struct EventGraph {
    graph: StableDiGraph<Node, EdgeKind>,
    by_id: BTreeMap<String, NodeIndex>,
    timeline: Vec<String>,
}

impl EventGraph {
    /// Builds the graph of a document JSON.
    pub fn from_document(doc: &Document) -> EventGraph {
        let mut g = EventGraph {
            graph: StableDiGraph::new(),
            by_id: BTreeMap::new(),
            timeline: doc.timeline.clone(),
        };
        let root = g.node("doc", NodeKind::Document, &doc.document.id);
        for a in &doc.actors {
            g.node(&a.id, NodeKind::Actor, &a.name);
        }
        // a set, not a search per timex: linear on documents with 100,000s of events
        let used: HashSet<&str> = doc
            .events
            .iter()
            .filter_map(|e| e.time.timex.as_deref())
            .collect();
        for t in &doc.timexes {
            if used.contains(t.id.as_str()) {
                g.node(&t.id, NodeKind::Time, &t.value);
            }
        }
        for e in &doc.events {
            let n = g.node(
                &e.id,
                NodeKind::Event,
                &format!("{} ({})", e.trigger.text, e.cameo),
            );
            g.graph.add_edge(n, root, EdgeKind::Source);
            for (ids, kind) in [
                (e.agent.iter().collect::<Vec<_>>(), EdgeKind::Agent),
                (e.participants.iter().collect(), EdgeKind::Participant),
                (e.initiator.iter().collect(), EdgeKind::Initiator),
                (e.time.timex.iter().collect(), EdgeKind::OccurredAt),
            ] {
                for id in ids {
                    if let Some(&to) = g.by_id.get(id.as_str()) {
                        g.graph.add_edge(n, to, kind);
                    }
                }
            }
        }
        for r in &doc.relations {
            let kind = match r.kind.as_ref() {
                "REPORTS" => EdgeKind::Reports,
                "SAME_AS" => EdgeKind::SameAs,
                "BEFORE" => EdgeKind::Before,
                "SIMULTANEOUS" => EdgeKind::Simultaneous,
                "INCLUDES" => EdgeKind::Includes,
                "IS_INCLUDED" => EdgeKind::IsIncluded,
                _ => continue,
            };
            if let (Some(&a), Some(&b)) = (g.by_id.get(&r.from), g.by_id.get(&r.to)) {
                g.graph.add_edge(a, b, kind);
            }
        }
        g
    }

    fn node(&mut self, id: &str, kind: NodeKind, label: &str) -> NodeIndex {
        let n = self.graph.add_node(Node {
            id: id.to_string(),
            kind,
            label: label.to_string(),
        });
        self.by_id.insert(id.to_string(), n);
        n
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The kind of the node with this id.
    pub fn kind(&self, id: &str) -> Option<&NodeKind> {
        self.by_id.get(id).map(|&n| &self.graph[n].kind)
    }

    /// Ids of the events in which an actor is agent, participant or initiator, in text order.
    pub fn events_of(&self, actor: &str) -> Vec<&str> {
        let Some(&n) = self.by_id.get(actor) else {
            return Vec::new();
        };
        let mut out: Vec<&str> = self
            .graph
            .edges_directed(n, Direction::Incoming)
            .filter(|e| {
                matches!(
                    e.weight(),
                    EdgeKind::Agent | EdgeKind::Participant | EdgeKind::Initiator
                )
            })
            .map(|e| self.graph[e.source()].id.as_str())
            .collect();
        out.sort_by_key(|id| {
            id.trim_start_matches('e')
                .parse::<usize>()
                .unwrap_or(usize::MAX)
        });
        out.dedup();
        out
    }

    /// Every neighbour of a node: (neighbour id, edge kind, whether the edge points out of `id`),
    /// sorted.
    pub fn neighbours(&self, id: &str) -> Vec<(&str, EdgeKind, bool)> {
        let Some(&n) = self.by_id.get(id) else {
            return Vec::new();
        };
        let mut out: Vec<(&str, EdgeKind, bool)> = self
            .graph
            .edges_directed(n, Direction::Outgoing)
            .map(|e| (self.graph[e.target()].id.as_str(), *e.weight(), true))
            .chain(
                self.graph
                    .edges_directed(n, Direction::Incoming)
                    .map(|e| (self.graph[e.source()].id.as_str(), *e.weight(), false)),
            )
            .collect();
        out.sort();
        out
    }

    /// Event ids in timeline order.
    pub fn timeline(&self) -> &[String] {
        &self.timeline
    }

    /// Every node as (id, kind, label), in the order they were added: the document,
    /// actors, times, events.
    pub fn nodes(&self) -> impl Iterator<Item = (&str, &NodeKind, &str)> {
        self.graph.node_indices().map(|n| {
            let node = &self.graph[n];
            (node.id.as_str(), &node.kind, node.label.as_str())
        })
    }

    /// Every edge as (source id, target id, kind), in the order they were added.
    pub fn edges(&self) -> impl Iterator<Item = (&str, &str, EdgeKind)> {
        self.graph.edge_indices().filter_map(|e| {
            let (a, b) = self.graph.edge_endpoints(e)?;
            Some((
                self.graph[a].id.as_str(),
                self.graph[b].id.as_str(),
                self.graph[e],
            ))
        })
    }

    /// A Graphviz DOT rendering that reads as a timeline: left to right, one rank per
    /// date, events as boxes, actors as ellipses, times as notes, edges labelled.
    pub fn to_dot(&self, doc: &Document) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "digraph zaman {{");
        let _ = writeln!(out, "  rankdir=LR;");
        let _ = writeln!(
            out,
            "  graph [fontname=\"Noto Sans Arabic,DejaVu Sans,sans-serif\", label={}];",
            quote(&doc.document.id)
        );
        let _ = writeln!(
            out,
            "  node [fontname=\"Noto Sans Arabic,DejaVu Sans,sans-serif\"];"
        );
        // one rank per date value, in timeline order
        // (maps instead of searches: linear on documents with 100,000s of events)
        let mut ranks: Vec<(String, Vec<&str>)> = Vec::new();
        let events: HashMap<&str, &crate::document::Event> =
            doc.events.iter().map(|e| (e.id.as_str(), e)).collect();
        let mut rank_of: HashMap<String, usize> = HashMap::new();
        for id in &self.timeline {
            let Some(e) = events.get(id.as_str()) else {
                continue;
            };
            let date = e.time.value.clone().unwrap_or_else(|| "undated".into());
            match rank_of.get(&date) {
                Some(&k) => ranks[k].1.push(&e.id),
                None => {
                    rank_of.insert(date.clone(), ranks.len());
                    ranks.push((date, vec![&e.id]));
                }
            }
        }
        for n in self.graph.node_indices() {
            let node = &self.graph[n];
            let (shape, style) = match node.kind {
                NodeKind::Document => ("folder", "filled,rounded\", fillcolor=\"#eeeeee"),
                NodeKind::Actor => ("ellipse", "filled\", fillcolor=\"#dbe9f6"),
                NodeKind::Event => ("box", "filled,rounded\", fillcolor=\"#fde9c9"),
                NodeKind::Time => ("note", "filled\", fillcolor=\"#e3f2d9"),
            };
            let _ = writeln!(
                out,
                "  {} [label={}, shape={shape}, style=\"{style}\"];",
                node.id,
                quote(&node.label)
            );
        }
        for (k, (date, ids)) in ranks.iter().enumerate() {
            let _ = writeln!(
                out,
                "  subgraph rank_{k} {{ rank=same; {} }} // {}",
                ids.join("; "),
                date.replace('\n', " ")
            );
        }
        // chain the ranks so dates read left to right
        for pair in ranks.windows(2) {
            let _ = writeln!(
                out,
                "  {} -> {} [style=invis, weight=10];",
                pair[0].1[0], pair[1].1[0]
            );
        }
        for e in self.graph.edge_indices() {
            let Some((a, b)) = self.graph.edge_endpoints(e) else {
                continue;
            };
            let kind = self.graph[e];
            if kind == EdgeKind::Source {
                continue;
            }
            let style = match kind {
                EdgeKind::Before
                | EdgeKind::Simultaneous
                | EdgeKind::Includes
                | EdgeKind::IsIncluded => ", color=\"#2b6cb0\", penwidth=2",
                EdgeKind::SameAs | EdgeKind::Reports => ", style=dashed",
                _ => "",
            };
            let _ = writeln!(
                out,
                "  {} -> {} [label={}{style}];",
                self.graph[a].id,
                self.graph[b].id,
                quote(kind.label())
            );
        }
        let _ = writeln!(out, "}}");
        out
    }
}

/// A DOT double-quoted string: quotes and backslashes escaped, line breaks as `\n`.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_escapes_dot_specials() {
        assert_eq!(quote("قال \"لا\"\\\n"), "\"قال \\\"لا\\\"\\\\\\n\"");
    }
}
