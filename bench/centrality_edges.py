#!/usr/bin/env python3
"""Writes a random undirected simple graph as an edge list for the centrality benchmark.

Preferential attachment (Barabási–Albert): each new vertex joins k distinct earlier vertices
chosen in proportion to their degree, k cycling so that the graph has exactly M edges — a
heavy-tailed degree distribution like that of affiliation networks. The first line is "N M",
then one "u v" line per edge. Standard library only; the same arguments give the same bytes.

Usage: centrality_edges.py N M SEED OUTPUT
"""
import random
import sys


def main():
    n, m, seed, output = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    rng = random.Random(seed)
    core = max(2, -(-m // n) + 1)  # a small clique to start from
    edges = [(u, v) for u in range(core) for v in range(u)]
    ends = [x for e in edges for x in e]  # every edge end: picking one is degree-proportional
    remaining = m - len(edges)
    for v in range(core, n):
        # Spread the remaining edges evenly over the remaining vertices.
        base, extra = divmod(remaining, n - v)
        k = min(v, base + (1 if rng.randrange(n - v) < extra else 0))
        chosen = set()
        while len(chosen) < k:
            chosen.add(ends[rng.randrange(len(ends))])
        for u in chosen:
            edges.append((u, v))
            ends += (u, v)
        remaining -= k
    with open(output, "w") as f:
        f.write(f"{n} {len(edges)}\n")
        for u, v in edges:
            f.write(f"{u} {v}\n")


if __name__ == "__main__":
    main()
