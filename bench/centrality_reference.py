#!/usr/bin/env python3
"""Exact betweenness with igraph (C core) or networkx on the benchmark's edge list.

Usage: centrality_reference.py igraph|networkx EDGES
Prints key=value lines like centrality_bench: the seconds of reading and of the measure, and the
checksum (sum of raw betweenness over unordered pairs, as orgraph --normalization none gives).
Runs under the system Python (/usr/bin/python3, python3-igraph / python3-networkx).
"""
import sys
import time

start = time.perf_counter()
tool, path = sys.argv[1], sys.argv[2]
with open(path) as f:
    n, m = map(int, f.readline().split())
    edges = [tuple(map(int, line.split())) for line in f]
if tool == "igraph":
    import igraph

    g = igraph.Graph(n=n, edges=edges, directed=False)
    read = time.perf_counter() - start
    t = time.perf_counter()
    scores = g.betweenness(directed=False)
else:
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    read = time.perf_counter() - start
    t = time.perf_counter()
    scores = list(nx.betweenness_centrality(g, normalized=False).values())
measure = time.perf_counter() - t
print(f"tool={tool} vertices={n} edges={len(edges)}")
print(f"read_seconds={read:.3f} exact_seconds={measure:.3f} "
      f"total_seconds={time.perf_counter() - start:.3f}")
print(f"checksum={sum(scores):.10g}")
