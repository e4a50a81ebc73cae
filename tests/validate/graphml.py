"""Reads a GraphML file with networkx and prints what it read as JSON:
{"directed", "multigraph", "graph": {...}, "nodes": {id: attrs}, "edges": [[source, target, attrs]]}.
Attribute values keep the Python types networkx gave them (str, int, bool).
Usage: python graphml.py FILE.graphml"""
import json
import sys

import networkx as nx

g = nx.read_graphml(sys.argv[1])
edges = (
    g.edges(data=True, keys=False) if g.is_multigraph() else g.edges(data=True)
)
json.dump(
    {
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "graph": dict(g.graph),
        "nodes": {n: d for n, d in g.nodes(data=True)},
        "edges": [[u, v, d] for u, v, d in edges],
    },
    sys.stdout,
    ensure_ascii=False,
)
