//! Ordering events: by their resolved intervals (granularity-aware), then by
//! BEFORE edges in a topological order, then by discourse order. Deterministic.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use chrono::NaiveDateTime;
use petgraph::graph::{DiGraph, NodeIndex};

/// One event to order: its interval if dated, and its discourse position.
#[derive(Debug, Clone, Copy)]
pub struct Item {
    /// `[start, end)` when the event is dated.
    pub interval: Option<(NaiveDateTime, NaiveDateTime)>,
    /// Position in the text (the trigger's offset).
    pub discourse: usize,
}

/// A temporal relation between two intervals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The first ends before the second starts.
    Before,
    /// The same interval.
    Simultaneous,
    /// The first contains the second.
    Includes,
    /// The first lies inside the second.
    IsIncluded,
    /// They overlap without containment.
    Overlaps,
}

/// How interval `a` relates to interval `b`.
pub fn relate(a: (NaiveDateTime, NaiveDateTime), b: (NaiveDateTime, NaiveDateTime)) -> Relation {
    if a == b {
        Relation::Simultaneous
    } else if a.1 <= b.0 {
        Relation::Before
    } else if b.1 <= a.0 {
        // reported from the other side as AFTER by the caller
        Relation::Overlaps
    } else if a.0 <= b.0 && b.1 <= a.1 {
        Relation::Includes
    } else if b.0 <= a.0 && a.1 <= b.1 {
        Relation::IsIncluded
    } else {
        Relation::Overlaps
    }
}

/// The order of `items` (indices into it).
///
/// Every undated item takes the position of the dated item before it in discourse
/// order (or the start when there is none), so it keeps its place between dated ones.
/// Items are ordered by (interval start, interval end, text position). That key is
/// already a topological order of the BEFORE relations the intervals imply (a.end ≤
/// b.start makes a.start < b.start), so only the explicit BEFORE edges in `before`
/// (pairs of item indices) need a graph; an edge that would close a cycle is ignored.
/// Kahn's algorithm with the key as tie-break keeps the result deterministic.
pub fn order(items: &[Item], before: &[(usize, usize)]) -> Vec<usize> {
    let mut by_text: Vec<usize> = (0..items.len()).collect();
    by_text.sort_by_key(|&i| items[i].discourse);
    let mut key: Vec<(Option<NaiveDateTime>, Option<NaiveDateTime>, usize)> =
        vec![(None, None, 0); items.len()];
    let mut last_dated: Option<(NaiveDateTime, NaiveDateTime)> = None;
    for (rank, &i) in by_text.iter().enumerate() {
        if let Some(iv) = items[i].interval {
            last_dated = Some(iv);
        }
        let anchor = items[i].interval.or(last_dated);
        key[i] = (anchor.map(|k| k.0), anchor.map(|k| k.1), rank);
    }
    if before.is_empty() {
        // no edges: the order is the key's (every key is unique by its rank)
        let mut out = by_text;
        out.sort_unstable_by_key(|&i| key[i]);
        return out;
    }
    let mut graph: DiGraph<usize, ()> = DiGraph::with_capacity(items.len(), before.len());
    let nodes: Vec<NodeIndex> = (0..items.len()).map(|i| graph.add_node(i)).collect();
    for &(a, b) in before {
        if a < items.len()
            && b < items.len()
            && a != b
            && !petgraph::algo::has_path_connecting(&graph, nodes[b], nodes[a], None)
        {
            graph.add_edge(nodes[a], nodes[b], ());
        }
    }
    let mut indegree: Vec<usize> = nodes
        .iter()
        .map(|&n| {
            graph
                .neighbors_directed(n, petgraph::Direction::Incoming)
                .count()
        })
        .collect();
    let mut heap: BinaryHeap<Reverse<(_, usize)>> = (0..items.len())
        .filter(|&i| indegree[i] == 0)
        .map(|i| Reverse((key[i], i)))
        .collect();
    let mut out = Vec::with_capacity(items.len());
    while let Some(Reverse((_, i))) = heap.pop() {
        out.push(i);
        for next in graph.neighbors(nodes[i]) {
            let j = graph[next];
            indegree[j] -= 1;
            if indegree[j] == 0 {
                heap.push(Reverse((key[j], j)));
            }
        }
    }
    out
}

/// The timeline of `count` events: the indices of those that are `first_mention`s, in
/// the [`order`] of their items, and the 1-based position of each event in it (None for a
/// repeat mention).
pub fn order_first_mentions(
    count: usize,
    first_mention: impl Fn(usize) -> bool,
    item: impl Fn(usize) -> Item,
) -> (Vec<usize>, Vec<Option<usize>>) {
    let canonical: Vec<usize> = (0..count).filter(|&n| first_mention(n)).collect();
    let items: Vec<Item> = canonical.iter().map(|&n| item(n)).collect();
    let ordered: Vec<usize> = order(&items, &[])
        .into_iter()
        .map(|k| canonical[k])
        .collect();
    let mut order_of = vec![None; count];
    for (pos, &n) in ordered.iter().enumerate() {
        order_of[n] = Some(pos + 1);
    }
    (ordered, order_of)
}

/// The temporal relation of each pair of timeline neighbours whose intervals are both
/// known (`ordered` holds item indices in timeline order): BEFORE, SIMULTANEOUS,
/// INCLUDES or IS_INCLUDED; overlapping neighbours get none.
pub fn neighbour_relations(
    ordered: &[usize],
    interval: impl Fn(usize) -> Option<(NaiveDateTime, NaiveDateTime)>,
) -> Vec<(usize, usize, &'static str)> {
    ordered
        .windows(2)
        .filter_map(|pair| {
            let (a, b) = (pair[0], pair[1]);
            let kind = match relate(interval(a)?, interval(b)?) {
                Relation::Before => "BEFORE",
                Relation::Simultaneous => "SIMULTANEOUS",
                Relation::Includes => "INCLUDES",
                Relation::IsIncluded => "IS_INCLUDED",
                Relation::Overlaps => return None,
            };
            Some((a, b, kind))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").expect("time")
    }

    #[test]
    fn orders_by_interval_then_text_keeping_undated_in_place() {
        let april_start = Some((t("2021-04-01T00:00"), t("2021-04-11T00:00")));
        let april_13 = Some((t("2021-04-13T00:00"), t("2021-04-14T00:00")));
        let items = [
            Item {
                interval: april_13,
                discourse: 0,
            },
            Item {
                interval: None,
                discourse: 1,
            },
            Item {
                interval: april_start,
                discourse: 2,
            },
            Item {
                interval: april_13,
                discourse: 3,
            },
        ];
        assert_eq!(order(&items, &[]), [2, 0, 1, 3]);
        // the graph, given an edge the key already keeps, orders as the key alone
        assert_eq!(order(&items, &[(2, 3)]), order(&items, &[]));
        assert_eq!(order(&items[1..], &[(1, 2)]), order(&items[1..], &[]));
        // an explicit BEFORE edge wins over the interval order; a cycle is ignored
        assert_eq!(order(&items, &[(3, 2), (2, 3)]), [0, 1, 3, 2]);
    }

    #[test]
    fn relations_between_intervals() {
        let day = (t("2021-04-13T00:00"), t("2021-04-14T00:00"));
        let month = (t("2021-04-01T00:00"), t("2021-05-01T00:00"));
        assert_eq!(relate(month, day), Relation::Includes);
        assert_eq!(relate(day, month), Relation::IsIncluded);
        assert_eq!(relate(day, day), Relation::Simultaneous);
        assert_eq!(
            relate((t("2021-03-01T00:00"), t("2021-03-02T00:00")), day),
            Relation::Before
        );
    }
}
