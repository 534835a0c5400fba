#!/usr/bin/env python3
"""GraphML export read by networkx and igraph: the same nodes, edges and attributes, and the
graph's name, title, note and lang, as orgraph's own lossless JSON export (whole graph) and
snapshot query (--at); on the example graphs, on generated graphs, and on a graph whose texts
are hostile (quotes, backslashes, CR/LF, bidi controls, Arabic marks, `]]>`, `<`, `&`), so that
nothing the GraphML export promises to carry is lost on the way.

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

# Texts that XML, JSON, CSV or DOT writers are known to get wrong.
HOSTILE = [
    'double "quotes" and \'single\'',
    "back\\slash, \\\" and a literal \\n",
    "CR\rLF\nCRLF\r\nend",
    "tab\there",
    "\u202eRLO\u202c \u2066LRI\u2069 \u2067RLI\u2069 \u2068FSI\u2069 \u200fRLM\u200eLRM",
    "\u0645\u064f\u062d\u064e\u0645\u0651\u064e\u062f\u061c \u0640\u0640 \u0670",
    "]]> <![CDATA[x]]> <tag a=\"1\">&amp; & &#10; &lt;",
    "  spaces around  ",
    "\ufeffBOM inside, astral \U0001d518\U0001f600",
]


def hostile_document():
    """A lossless JSON graph with a hostile text in every text field GraphML carries."""
    h = HOSTILE
    return {
        "format": "orgraph", "version": 1, "name": h[0], "title": h[6], "note": h[2],
        "lang": h[4],
        "sources": [{"id": "s", "kind": "source", "title": h[1]}],
        "entities": [
            {"id": "a", "kind": "org", "type": "council", "name": h[0], "name_en": h[1],
             "name_fr": h[2], "alias": [h[3], h[4]], "note": h[5], "start": "2011", "src": ["s"]}
        ] + [
            {"id": f"e{i}", "kind": "person", "name": h[i], "name_en": h[(i + 1) % len(h)],
             "alias": [h[(i + 3) % len(h)]], "note": h[(i + 5) % len(h)], "src": ["s"]}
            for i in range(len(h))
        ],
        "relations": [
            {"from": f"e{i}", "to": "a", "rel": "holds", "role": h[i],
             "role_en": h[(i + 2) % len(h)], "start": "2012", "note": h[(i + 4) % len(h)],
             "src": ["s"]}
            for i in range(len(h))
        ],
    }


def check_graph(graph, label, snapshot_dates=()):
    doc = json.loads(run("export", graph, "--to", "json"))
    path = os.path.join(tmp, "g.graphml")
    run("export", graph, "--to", "graphml", "-o", path)
    nxg = nx.read_graphml(path)
    igg = igraph.Graph.Read_GraphML(path)
    entities = {e["id"]: expected_node(e) for e in doc["entities"]}
    relations = doc["relations"]
    check(f"{label}: some relations", len(relations) > 0, True)
    check(f"{label}: networkx nodes", nxg.number_of_nodes(), len(entities))
    check(f"{label}: networkx edges", nxg.number_of_edges(), len(relations))
    check(f"{label}: igraph nodes", igg.vcount(), len(entities))
    check(f"{label}: igraph edges", igg.ecount(), len(relations))
    # Graph attributes; an empty one is the same as none.
    for key in ("name", "title", "note", "lang"):
        check(f"{label}: networkx graph {key}", nxg.graph.get(key) or None, doc.get(key) or None)
        check(f"{label}: igraph graph {key}",
              (igg[key] if key in igg.attributes() else None) or None, doc.get(key) or None)
    for key, want in entities.items():
        check(f"{label}: networkx node {key}", dict(nxg.nodes[key]), want)
    for v in igg.vs:
        got = {k: x for k, x in v.attributes().items() if x not in ("", None) and k != "id"}
        check(f"{label}: igraph node {v['id']}", got, entities.get(v["id"]))
    # Edges in file order: igraph keeps it; compare each with its relation.
    for e, record in zip(igg.es, relations):
        got = {k: x for k, x in e.attributes().items() if x not in ("", None) and k != "id"}
        check(f"{label}: igraph edge {e['id']}", got, expected_edge(record, CATEGORIES))
        check(f"{label}: igraph edge {e['id']} ends",
              (igg.vs[e.source]["id"], igg.vs[e.target]["id"]), (record["from"], record["to"]))
    got_edges = sorted((u, v, sorted((k, x) for k, x in d.items() if k != "id"))
                       for u, v, d in nxg.edges(data=True))
    want_edges = sorted((r["from"], r["to"], sorted(expected_edge(r, CATEGORIES).items()))
                        for r in relations)
    check(f"{label}: networkx edges with their attributes", got_edges, want_edges)

    # A snapshot: the same nodes and edges, with the same certainties, as `snapshot`.
    for at in snapshot_dates:
        snap = json.loads(run("snapshot", graph, "--at", at, "--format", "json"))
        run("export", graph, "--to", "graphml", "--at", at, "-o", path)
        nxs = nx.read_graphml(path)
        check(f"{label} at {at}: at", nxs.graph.get("at"), at)
        check(f"{label} at {at}: nodes",
              sorted((n, d["certainty"]) for n, d in nxs.nodes(data=True)),
              sorted((n["id"], n["certainty"]) for n in snap["nodes"]))
        check(f"{label} at {at}: edges",
              sorted((u, v, d["rel"], d["certainty"]) for u, v, d in nxs.edges(data=True)),
              sorted((e["from"], e["to"], e["rel"], e["certainty"]) for e in snap["edges"]))
        check(f"{label} at {at}: some edges", len(snap["edges"]) > 0, True)


with tempfile.TemporaryDirectory() as tmp:
    for graph in ("graphs/examples", "graphs/syria"):
        check_graph(graph, graph, ("2012-06", "2013"))

    # Generated graphs: every relation kind, mixed date precision, aliases, Arabic names.
    for orgs, people, seed in ((40, 60, 1), (150, 100, 7)):
        path = os.path.join(tmp, f"generated-{seed}.jsonl")
        run("generate", "--orgs", str(orgs), "--people", str(people), "--seed", str(seed),
            "-o", path)
        check_graph(path, f"generated seed {seed}", ("2014",))

    hostile = os.path.join(tmp, "hostile.json")
    with open(hostile, "w", encoding="utf-8") as f:
        json.dump(hostile_document(), f, ensure_ascii=False)
    check_graph(hostile, "hostile texts")
    # The texts reached the export unchanged (the JSON export is the reference above).
    doc = json.loads(run("export", hostile, "--to", "json"))
    check("hostile texts: title kept by the JSON export", doc.get("title"), HOSTILE[6])
    check("hostile texts: a name kept by the JSON export",
          [e["name"] for e in doc["entities"] if e["id"] == "e2"], [HOSTILE[2]])

    # The one documented loss in texts: control characters XML 1.0 cannot hold (all but tab, LF
    # and CR; DOT and JSON accept vertical tab and form feed) become U+FFFD.
    controls = os.path.join(tmp, "controls.json")
    with open(controls, "w", encoding="utf-8") as f:
        json.dump({"format": "orgraph", "version": 1, "entities": [
            {"id": "a", "kind": "org", "name": "A", "note": "vertical\vtab, form\ffeed"}]}, f)
    path = os.path.join(tmp, "controls.graphml")
    run("export", controls, "--to", "graphml", "-o", path)
    check("controls: note", nx.read_graphml(path).nodes["a"].get("note"),
          "vertical\ufffdtab, form\ufffdfeed")

for f in failures[:40]:
    print("FAIL", f)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
