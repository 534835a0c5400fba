#!/usr/bin/env python3
"""GraphML export read by networkx and igraph: the same nodes, edges and attributes as orgraph's
own JSON export (whole graph) and snapshot query (--at).

Usage: graphml_oracle.py ORGRAPH PROJECT_DIR
Needs the Debian packages python3-networkx and python3-igraph."""
import json
import os
import subprocess
import sys
import tempfile

try:
    import igraph
    import networkx as nx
except ImportError as e:
    sys.exit(f"FAIL: {e}: install python3-networkx and python3-igraph (apt-get install)")

orgraph, project = sys.argv[1], sys.argv[2]
failures = []


def run(*args):
    return subprocess.run([orgraph, *args], check=True, capture_output=True, text=True,
                          cwd=project).stdout


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


def expected_node(record):
    """What a node carries: the entity's attributes, lists joined as in DOT."""
    node = {k: v for k, v in record.items() if k not in ("id", "src", "alias")}
    if "alias" in record:
        node["alias"] = "|".join(record["alias"])
    if "src" in record:
        node["sources"] = " ".join(record["src"])
    return node


def expected_edge(record, relation_table):
    edge = {k: v for k, v in record.items() if k not in ("from", "to", "src")}
    if "src" in record:
        edge["sources"] = " ".join(record["src"])
    edge["category"] = relation_table[record["rel"]]
    edge["symmetric"] = record["rel"] == "allied_with"
    return edge


CATEGORIES = {
    "member_of": "membership", "part_of": "membership", "represented_in": "membership",
    "holds": "office", "split_from": "lineage", "merged_into": "lineage",
    "renamed_to": "lineage", "succeeded_by": "lineage", "formed_from": "lineage",
    "founded": "lineage", "allied_with": "alignment", "supports": "alignment",
    "opposes": "alignment", "controls": "alignment", "approved": "alignment",
    "participated_in": "events", "organized": "events", "located_in": "events",
}

with tempfile.TemporaryDirectory() as tmp:
    for graph in ("graphs/examples", "graphs/syria"):
        doc = json.loads(run("export", graph, "--to", "json"))
        path = os.path.join(tmp, "g.graphml")
        run("export", graph, "--to", "graphml", "-o", path)
        nxg = nx.read_graphml(path)
        igg = igraph.Graph.Read_GraphML(path)
        entities = {e["id"]: expected_node(e) for e in doc["entities"]}
        relations = doc["relations"]
        check(f"{graph}: networkx nodes", nxg.number_of_nodes(), len(entities))
        check(f"{graph}: networkx edges", nxg.number_of_edges(), len(relations))
        check(f"{graph}: igraph nodes", igg.vcount(), len(entities))
        check(f"{graph}: igraph edges", igg.ecount(), len(relations))
        check(f"{graph}: name", nxg.graph.get("name"), doc["name"])
        for key, want in entities.items():
            check(f"{graph}: networkx node {key}", dict(nxg.nodes[key]), want)
        for v in igg.vs:
            got = {k: x for k, x in v.attributes().items() if x not in ("", None) and k != "id"}
            check(f"{graph}: igraph node {v['id']}", got, entities.get(v["id"]))
        # Edges in file order: igraph keeps it; compare each with its relation.
        for e, record in zip(igg.es, relations):
            got = {k: x for k, x in e.attributes().items() if x not in ("", None) and k != "id"}
            check(f"{graph}: igraph edge {e['id']}", got, expected_edge(record, CATEGORIES))
            check(f"{graph}: igraph edge {e['id']} ends",
                  (igg.vs[e.source]["id"], igg.vs[e.target]["id"]), (record["from"], record["to"]))
        got_edges = sorted((u, v, d["rel"]) for u, v, d in nxg.edges(data=True))
        want_edges = sorted((r["from"], r["to"], r["rel"]) for r in relations)
        check(f"{graph}: networkx edge list", got_edges, want_edges)

        # A snapshot: the same nodes and edges, with the same certainties, as `snapshot`.
        for at in ("2012-06", "2013"):
            snap = json.loads(run("snapshot", graph, "--at", at, "--format", "json"))
            run("export", graph, "--to", "graphml", "--at", at, "-o", path)
            nxs = nx.read_graphml(path)
            check(f"{graph} at {at}: at", nxs.graph.get("at"), at)
            check(f"{graph} at {at}: nodes",
                  sorted((n, d["certainty"]) for n, d in nxs.nodes(data=True)),
                  sorted((n["id"], n["certainty"]) for n in snap["nodes"]))
            check(f"{graph} at {at}: edges",
                  sorted((u, v, d["rel"], d["certainty"]) for u, v, d in nxs.edges(data=True)),
                  sorted((e["from"], e["to"], e["rel"], e["certainty"]) for e in snap["edges"]))
            check(f"{graph} at {at}: some edges", len(snap["edges"]) > 0, True)

for f in failures[:40]:
    print("FAIL", f)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
