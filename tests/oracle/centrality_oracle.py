#!/usr/bin/env python3
"""Oracle test: orgraph's centrality scores against networkx on the very same projection.

For every graph, date and projection, `orgraph centrality --export-projection` writes the
projection it measured as GraphML; networkx reads that file and computes each measure; every
score orgraph prints (--format json, all scores) must match: relative error below 1e-9, 1e-6 for
eigenvector centrality and PageRank (power iterations). A measure that does not converge must
fail in both (orgraph: exit 1). Approximate betweenness must lie within the error bound it prints.

Usage: centrality_oracle.py ORGRAPH GRAPH... [--generate ORGS PEOPLE SEED]...
Needs networkx and scipy (Debian: python3-networkx python3-scipy); fails when they are missing.
"""

import json
import math
import os
import subprocess
import sys
import tempfile

import networkx as nx

TIGHT = 1e-9
POWER = 1e-6

failures = []
checked = 0


def run(orgraph, *args):
    return subprocess.run([orgraph, *args], capture_output=True, text=True)


def close(a, b, tol):
    return math.isclose(a, b, rel_tol=tol, abs_tol=1e-14)


def compare(where, got, want, tol):
    """got, want: dicts key -> score. Records a failure per mismatch."""
    global checked
    if set(got) != set(want):
        failures.append(f"{where}: orgraph scored {len(got)} items, networkx {len(want)}: "
                        f"{sorted(set(got) ^ set(want))[:5]}")
        return
    for key, value in want.items():
        checked += 1
        if not close(got[key], value, tol):
            failures.append(f"{where}: {key}: orgraph {got[key]!r}, networkx {value!r}")


def scores_of(output, directed):
    data = json.loads(output)
    result = {}
    for item in data["scores"]:
        if "entity" in item:
            result[item["entity"]["id"]] = item["score"]
        else:
            a, b = item["from"]["id"], item["to"]["id"]
            result[(a, b) if directed else tuple(sorted((a, b)))] = item["score"]
    return result, data


def networkx_measures(G):
    """Each measure orgraph offers, with orgraph's extra arguments, as networkx computes it."""
    n = len(G)
    directed = G.is_directed()
    weighted_degree = {v: d / (n - 1) if n > 1 else 1.0 for v, d in G.degree(weight="weight")}
    edges = nx.edge_betweenness_centrality(G)
    if not directed:
        edges = {tuple(sorted(e)): s for e, s in edges.items()}
    top = max(sorted(G.nodes), key=lambda v: G.degree(v))
    measures = [
        ("degree", [], lambda: nx.degree_centrality(G), TIGHT),
        ("degree", ["--weighted"], lambda: weighted_degree, TIGHT),
        ("in_degree", [], lambda: (nx.in_degree_centrality(G) if directed
                                   else nx.degree_centrality(G)), TIGHT),
        ("out_degree", [], lambda: (nx.out_degree_centrality(G) if directed
                                    else nx.degree_centrality(G)), TIGHT),
        ("betweenness", [], lambda: nx.betweenness_centrality(G), TIGHT),
        ("betweenness", ["--normalization", "none"],
         lambda: nx.betweenness_centrality(G, normalized=False), TIGHT),
        ("edge_betweenness", [], lambda: edges, TIGHT),
        ("closeness", [], lambda: nx.closeness_centrality(G), TIGHT),
        ("closeness", ["--disconnected", "reachable_only"],
         lambda: nx.closeness_centrality(G, wf_improved=False), TIGHT),
        ("harmonic", [], lambda: nx.harmonic_centrality(G), TIGHT),
        ("eigenvector", [], lambda: nx.eigenvector_centrality(G, weight="weight"), POWER),
        ("pagerank", [], lambda: nx.pagerank(G, weight="weight"), POWER),
        ("pagerank", ["--damping", "0.6", "--personalize", top],
         lambda: nx.pagerank(G, alpha=0.6, personalization={top: 1}, weight="weight"), POWER),
    ]
    return measures


def check_projection(orgraph, graph, at, projection, workdir):
    where = f"{os.path.basename(graph.rstrip('/'))} --at {at} --projection {projection}"
    path = os.path.join(workdir, "projection.graphml")
    base = [graph, "--at", at, "--projection", projection, "--format", "json"]
    first = run(orgraph, "centrality", *base, "--measure", "degree", "--export-projection", path)
    if (first.returncode == 1 and "is empty" in first.stderr) or (
            first.returncode == 2 and "is before the history" in first.stderr):
        return False  # nothing to measure: checked by the golden tests
    if first.returncode != 0:
        failures.append(f"{where}: exit {first.returncode}: {first.stderr.strip()}")
        return False
    # `orgraph export --projection` must write the very graph that was measured.
    exported = os.path.join(workdir, "exported.graphml")
    out = run(orgraph, "export", graph, "--to", "graphml", "--at", at, "--projection", projection,
              "-o", exported)
    if out.returncode != 0:
        failures.append(f"{where}: export exit {out.returncode}: {out.stderr.strip()}")
    else:
        with open(path, "rb") as a, open(exported, "rb") as b:
            if a.read() != b.read():
                failures.append(f"{where}: export --projection differs from --export-projection")
    G = nx.read_graphml(path)
    directed = G.is_directed()
    for measure, extra, compute, tol in networkx_measures(G):
        label = f"{where} --measure {measure} {' '.join(extra)}".strip()
        try:
            want = compute()
        except nx.PowerIterationFailedConvergence:
            want = None
        out = run(orgraph, "centrality", *base, "--measure", measure, *extra)
        if want is None:
            if out.returncode != 1 or "did not converge" not in out.stderr:
                failures.append(f"{label}: networkx did not converge, orgraph exit "
                                f"{out.returncode}: {out.stderr.strip()}")
            continue
        if out.returncode != 0:
            failures.append(f"{label}: exit {out.returncode}: {out.stderr.strip()}")
            continue
        got, _ = scores_of(out.stdout, directed)
        compare(label, got, want, tol)
    # Approximate betweenness: within the bound it states (deterministic for its seed).
    out = run(orgraph, "centrality", *base, "--measure", "approx_betweenness", "--epsilon", "0.05")
    if out.returncode != 0:
        failures.append(f"{where} approx_betweenness: exit {out.returncode}: {out.stderr}")
    else:
        got, data = scores_of(out.stdout, directed)
        bound = data["approximation"]["error"]
        exact = nx.betweenness_centrality(G)
        worst = max((abs(got[v] - exact[v]) for v in exact), default=0)
        if worst > bound:
            failures.append(f"{where} approx_betweenness: off by {worst} > bound {bound}")
    return True


def main():
    args = sys.argv[1:]
    orgraph = args.pop(0)
    graphs, generated = [], []
    while args:
        a = args.pop(0)
        if a == "--generate":
            generated.append((args.pop(0), args.pop(0), args.pop(0)))
        else:
            graphs.append(a)
    with tempfile.TemporaryDirectory() as workdir:
        cases = []
        for g in graphs:
            name = os.path.basename(g.rstrip("/"))
            dates = {"syria": ["2012", "2021"], "examples": ["2013-06"]}
            cases += [(g, d) for d in dates.get(name, ["2012", "2016"])]
        for orgs, people, seed in generated:
            path = os.path.join(workdir, f"generated_{orgs}_{people}_{seed}.jsonl")
            out = run(orgraph, "generate", "--orgs", orgs, "--people", people, "--seed", seed,
                      "-o", path)
            if out.returncode != 0:
                failures.append(f"generate {orgs} {people} {seed}: {out.stderr}")
                continue
            cases.append((path, "2020-06"))
        projections = ["affiliation", "affiliation_directed", "membership", "alignment",
                       "shared_members", "shared_coalitions"]
        measured = 0
        for graph, at in cases:
            for projection in projections:
                measured += check_projection(orgraph, graph, at, projection, workdir)
    print(f"{measured} projections, {checked} scores compared with networkx {nx.__version__}")
    for f in failures[:50]:
        print("FAIL", f)
    if failures:
        print(f"{len(failures)} failures")
        return 1
    if measured == 0 or checked == 0:
        print("FAIL: nothing was compared")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
