#!/usr/bin/env python3
"""Oracle test: orgraph's centrality scores against networkx on the very same projection.

For every graph, date and projection, `orgraph centrality --export-projection` writes the
projection it measured as GraphML; networkx reads that file and computes each measure; every
score orgraph prints (--format json, all scores) must match: relative error below 1e-9, 1e-6 for
eigenvector centrality and PageRank (power iterations). A measure that does not converge must
fail in both (orgraph: exit 1). Approximate betweenness must lie within the error bound it prints,
normalised and raw (--normalization none, against betweenness_centrality(normalized=False)).
Raw closeness (--normalization none) is 1/Σd, networkx's closeness without its (n − 1) scaling;
raw harmonic centrality is networkx's, which does not scale it; eigenvector centrality and
PageRank have no raw form and must be refused as a usage error (exit 2).

Each graph is also measured with --keep-isolated and with --certain-only. Generated graphs are
measured at 2020-06 (the first also at 2016 with both options); a --generate-large graph (a few
thousand vertices) by every measure on its sparse directed projections and by the linear ones
(degree, eigenvector, PageRank) on the others, where networkx's shortest paths would be slow.

Usage: centrality_oracle.py ORGRAPH GRAPH... [--generate ORGS PEOPLE SEED]...
                            [--generate-large ORGS PEOPLE SEED]...
Needs networkx and scipy (Debian: python3-networkx python3-scipy); fails when they are missing.
"""

import dataclasses
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
isolated_kept = 0  # vertices of degree 0 measured (only --keep-isolated keeps them)
keep_isolated_cases = 0  # projections measured with --keep-isolated


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


def scaled(pairs, n):
    """Degrees (node, d) divided by n - 1 as networkx's *_degree_centrality divide them."""
    return {v: d / (n - 1) if n > 1 else 1.0 for v, d in pairs}


def raw_closeness(G):
    """1/Σd over the vertices that reach each vertex (distances to it, as closeness_centrality
    counts them in a directed graph); 0 when none does."""
    H = G.reverse() if G.is_directed() else G
    result = {}
    for v in G:
        total = sum(nx.single_source_shortest_path_length(H, v).values())
        result[v] = 1 / total if total > 0 else 0.0
    return result


def networkx_measures(G):
    """Each measure orgraph offers, with orgraph's extra arguments, as networkx computes it:
    name -> (measure, extra arguments, networkx function, tolerance)."""
    n = len(G)
    directed = G.is_directed()

    def edges(normalized):
        scores = nx.edge_betweenness_centrality(G, normalized=normalized)
        return scores if directed else {tuple(sorted(e)): s for e, s in scores.items()}

    in_degree = G.in_degree if directed else G.degree
    out_degree = G.out_degree if directed else G.degree
    # Teleports to three vertices with different weights: the two of highest degree and the
    # last of lowest (isolated when --keep-isolated kept any), ties by id.
    by_degree = sorted(G.nodes, key=lambda v: (-G.degree(v), v))
    chosen = list(dict.fromkeys([by_degree[0], by_degree[1 % n], by_degree[-1]]))
    teleport = dict(zip(chosen, [3, 1, 0.5]))
    personalize = [a for v, w in teleport.items() for a in ("--personalize", f"{v}={w}")]
    measures = {
        "degree": ("degree", [], lambda: nx.degree_centrality(G), TIGHT),
        "degree_weighted": ("degree", ["--weighted"],
                            lambda: scaled(G.degree(weight="weight"), n), TIGHT),
        "degree_raw": ("degree", ["--normalization", "none"], lambda: dict(G.degree()), TIGHT),
        "in_degree": ("in_degree", [], lambda: (nx.in_degree_centrality(G) if directed
                                                else nx.degree_centrality(G)), TIGHT),
        "out_degree": ("out_degree", [], lambda: (nx.out_degree_centrality(G) if directed
                                                  else nx.degree_centrality(G)), TIGHT),
        "in_degree_weighted": ("in_degree", ["--weighted"],
                               lambda: scaled(in_degree(weight="weight"), n), TIGHT),
        "out_degree_weighted": ("out_degree", ["--weighted"],
                                lambda: scaled(out_degree(weight="weight"), n), TIGHT),
        "betweenness": ("betweenness", [], lambda: nx.betweenness_centrality(G), TIGHT),
        "betweenness_raw": ("betweenness", ["--normalization", "none"],
                            lambda: nx.betweenness_centrality(G, normalized=False), TIGHT),
        "edge_betweenness": ("edge_betweenness", [], lambda: edges(True), TIGHT),
        "edge_betweenness_raw": ("edge_betweenness", ["--normalization", "none"],
                                 lambda: edges(False), TIGHT),
        "closeness": ("closeness", [], lambda: nx.closeness_centrality(G), TIGHT),
        "closeness_reachable": ("closeness", ["--disconnected", "reachable_only"],
                                lambda: nx.closeness_centrality(G, wf_improved=False), TIGHT),
        "closeness_raw": ("closeness", ["--normalization", "none"], lambda: raw_closeness(G),
                          TIGHT),
        "harmonic": ("harmonic", [], lambda: nx.harmonic_centrality(G), TIGHT),
        "harmonic_raw": ("harmonic", ["--normalization", "none"],
                         lambda: nx.harmonic_centrality(G), TIGHT),
        "eigenvector": ("eigenvector", [],
                        lambda: nx.eigenvector_centrality(G, weight="weight"), POWER),
        "eigenvector_unweighted": ("eigenvector", ["--ignore-weights"],
                                   lambda: nx.eigenvector_centrality(G, weight=None), POWER),
        "pagerank": ("pagerank", [], lambda: nx.pagerank(G, weight="weight"), POWER),
        "pagerank_unweighted": ("pagerank", ["--ignore-weights"],
                                lambda: nx.pagerank(G, weight=None), POWER),
        "pagerank_damped_one": (
            "pagerank", ["--damping", "0.6", "--personalize", by_degree[0]],
            lambda: nx.pagerank(G, alpha=0.6, personalization={by_degree[0]: 1},
                                weight="weight"), POWER),
        "pagerank_personalised": ("pagerank", personalize,
                                  lambda: nx.pagerank(G, personalization=teleport,
                                                      weight="weight"), POWER),
    }
    return measures


# Fewer measures where the projection options (--keep-isolated, --certain-only) change only the
# graph measured, and on the large graph, where each run loads thousands of entities and
# networkx's shortest paths (pure Python, O(V·E)) are slow.
WITH_OPTIONS = {"degree", "degree_raw", "in_degree_weighted", "betweenness", "edge_betweenness",
                "closeness", "closeness_reachable", "closeness_raw", "harmonic", "eigenvector",
                "pagerank_personalised"}
LINEAR = {"degree", "degree_weighted", "in_degree_weighted", "out_degree_weighted",
          "eigenvector", "eigenvector_unweighted", "pagerank", "pagerank_personalised"}
SHORTEST_PATHS = {"betweenness", "edge_betweenness_raw", "closeness", "harmonic"}


def check_projection(orgraph, graph, at, projection, workdir, options=(), only=None,
                     approximate=True):
    """options: projection options (--keep-isolated, --certain-only), given to centrality and
    export alike; only: the names of the measures to compare (None: all); approximate: whether
    to check approximate betweenness too."""
    where = " ".join([os.path.basename(graph.rstrip('/')), "--at", at, "--projection", projection,
                      *options])
    path = os.path.join(workdir, "projection.graphml")
    base = [graph, "--at", at, "--projection", projection, *options, "--format", "json"]
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
              *options, "-o", exported)
    if out.returncode != 0:
        failures.append(f"{where}: export exit {out.returncode}: {out.stderr.strip()}")
    else:
        with open(path, "rb") as a, open(exported, "rb") as b:
            if a.read() != b.read():
                failures.append(f"{where}: export --projection differs from --export-projection")
    G = nx.read_graphml(path)
    directed = G.is_directed()
    global isolated_kept, keep_isolated_cases
    isolated_kept += sum(1 for _, d in G.degree() if d == 0)
    keep_isolated_cases += "--keep-isolated" in options
    for name, (measure, extra, compute, tol) in networkx_measures(G).items():
        if only is not None and name not in only:
            continue
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
    if not approximate:
        return True
    # No raw form: a usage error, whatever the graph.
    for measure in ("eigenvector", "pagerank"):
        out = run(orgraph, "centrality", *base, "--measure", measure, "--normalization", "none")
        if out.returncode != 2 or "does not apply" not in out.stderr:
            failures.append(f"{where} {measure} --normalization none: exit {out.returncode}: "
                            f"{out.stderr.strip()}")
    # Approximate betweenness: within the bound it states (deterministic for its seed), on the
    # scale of exact betweenness normalised or raw.
    for extra, normalized in (([], True), (["--normalization", "none"], False)):
        label = " ".join([where, "approx_betweenness", *extra])
        out = run(orgraph, "centrality", *base, "--measure", "approx_betweenness", "--epsilon",
                  "0.05", *extra)
        if out.returncode != 0:
            failures.append(f"{label}: exit {out.returncode}: {out.stderr}")
            continue
        got, data = scores_of(out.stdout, directed)
        bound = data["approximation"]["error"]
        exact = nx.betweenness_centrality(G, normalized=normalized)
        worst = max((abs(got[v] - exact[v]) for v in exact), default=0)
        if worst > bound:
            failures.append(f"{label}: off by {worst} > bound {bound}")
    return True


PROJECTIONS = ("affiliation", "affiliation_directed", "membership", "alignment", "shared_members",
               "shared_coalitions")


@dataclasses.dataclass
class Case:
    """A graph at a date, measured on some projections by some measures (None: all)."""
    graph: str
    at: str
    options: tuple = ()
    projections: tuple = PROJECTIONS
    measures: set = None
    approximate: bool = True


def generate(orgraph, workdir, orgs, people, seed):
    path = os.path.join(workdir, f"generated_{orgs}_{people}_{seed}.jsonl")
    out = run(orgraph, "generate", "--orgs", orgs, "--people", people, "--seed", seed, "-o", path)
    if out.returncode != 0:
        failures.append(f"generate {orgs} {people} {seed}: {out.stderr}")
        return None
    return path


def main():
    args = sys.argv[1:]
    orgraph = args.pop(0)
    graphs, generated, large = [], [], []
    while args:
        a = args.pop(0)
        if a in ("--generate", "--generate-large"):
            (generated if a == "--generate" else large).append(tuple(args[:3]))
            del args[:3]
        else:
            graphs.append(a)
    with tempfile.TemporaryDirectory() as workdir:
        cases = []
        for g in graphs:
            name = os.path.basename(g.rstrip("/"))
            dates = {"syria": ["2012", "2021"], "examples": ["2013-06"]}.get(name, ["2012", "2016"])
            cases += [Case(g, d) for d in dates]
            # Isolated vertices kept (they count in every normalisation), possible facts left
            # out (the invented example has only possible facts in 2013).
            cases.append(Case(g, dates[0], ("--keep-isolated",), measures=WITH_OPTIONS,
                              approximate=False))
            if name != "examples":
                cases.append(Case(g, dates[0], ("--certain-only",), measures=WITH_OPTIONS,
                                  approximate=False))
        for i, spec in enumerate(generated):
            path = generate(orgraph, workdir, *spec)
            if path:
                cases.append(Case(path, "2020-06"))
                if i == 0:
                    cases.append(Case(path, "2016", ("--keep-isolated", "--certain-only"),
                                      measures=WITH_OPTIONS, approximate=False))
        # A few thousand vertices: the linear measures on the undirected projection, and the
        # shortest-path ones too on the sparse directed projections, where networkx is fast.
        for spec in large:
            path = generate(orgraph, workdir, *spec)
            if path:
                cases.append(Case(path, "2020-06", projections=("affiliation",), measures=LINEAR,
                                  approximate=False))
                cases.append(Case(path, "2020-06", projections=("membership", "alignment"),
                                  measures=LINEAR | SHORTEST_PATHS, approximate=False))
        measured = 0
        for case in cases:
            for projection in case.projections:
                measured += check_projection(orgraph, case.graph, case.at, projection, workdir,
                                             case.options, case.measures, case.approximate)
    print(f"{measured} projections, {checked} scores compared with networkx {nx.__version__}; "
          f"{isolated_kept} isolated vertices")
    for f in failures[:50]:
        print("FAIL", f)
    if failures:
        print(f"{len(failures)} failures")
        return 1
    if measured == 0 or checked == 0:
        print("FAIL: nothing was compared")
        return 1
    if keep_isolated_cases and isolated_kept == 0:
        print("FAIL: --keep-isolated kept no isolated vertex: those cases test nothing more")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
