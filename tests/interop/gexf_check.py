#!/usr/bin/env python3
"""GEXF export: well-formed XML (xmllint, from Debian's libxml2-utils) and what GEXF 1.3 asks of
a dynamic graph: mode="dynamic" with timerepresentation="interval", every attribute used is
declared for its class, spells with start/end as dates (start <= end), ids unique, every edge's
endpoints declared as nodes. Spells are checked against orgraph's own reading of the dates
(`orgraph history`): a node is in the graph on its first and last day and not the day before or
after.

Usage: gexf_check.py ORGRAPH PROJECT_DIR"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

orgraph, project = sys.argv[1], sys.argv[2]
NS = {"g": "http://gexf.net/1.3"}
DATE = re.compile(r"^-?\d{4,}-\d{2}-\d{2}$")
failures = []


def check(what, ok):
    if not ok:
        failures.append(what)


if not shutil.which("xmllint"):
    sys.exit("FAIL: xmllint not found: install libxml2-utils (apt-get install)")


def run(*args):
    return subprocess.run([orgraph, *args], check=True, capture_output=True, text=True,
                          cwd=project).stdout


with tempfile.TemporaryDirectory() as tmp:
    generated = os.path.join(tmp, "generated.jsonl")
    run("generate", "--orgs", "150", "--people", "250", "--seed", "5", "-o", generated)
    for graph, at in (("graphs/examples", None), ("graphs/syria", None), (generated, None),
                      ("graphs/syria", "2013")):
        path = os.path.join(tmp, "g.gexf")
        run("export", graph, "--to", "gexf", "-o", path, *(["--at", at] if at else []))
        label = f"{os.path.basename(graph)}{' at ' + at if at else ''}"
        lint = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
        check(f"{label}: xmllint: {lint.stderr.strip()}", lint.returncode == 0)
        root = ET.parse(path).getroot()
        check(f"{label}: root is gexf 1.3", root.tag == "{http://gexf.net/1.3}gexf"
              and root.get("version") == "1.3")
        g = root.find("g:graph", NS)
        check(f"{label}: mode dynamic", g.get("mode") == "dynamic")
        check(f"{label}: interval", g.get("timerepresentation") == "interval")
        check(f"{label}: timeformat date", g.get("timeformat") == "date")
        declared = {"node": set(), "edge": set()}
        for attrs in g.findall("g:attributes", NS):
            for a in attrs.findall("g:attribute", NS):
                check(f"{label}: attribute declared twice {a.get('id')}",
                      a.get("id") not in declared[attrs.get("class")])
                declared[attrs.get("class")].add(a.get("id"))
        check(f"{label}: node attributes declared", {"kind", "name", "certainty"} <= declared["node"])
        check(f"{label}: edge attributes declared", {"rel", "certainty"} <= declared["edge"])
        nodes = g.findall("g:nodes/g:node", NS)
        edges = g.findall("g:edges/g:edge", NS)
        node_ids = [n.get("id") for n in nodes]
        edge_ids = [e.get("id") for e in edges]
        check(f"{label}: node ids unique", len(node_ids) == len(set(node_ids)))
        check(f"{label}: edge ids unique", len(edge_ids) == len(set(edge_ids)))
        check(f"{label}: has nodes and edges", len(nodes) > 0 and len(edges) > 0)
        ids = set(node_ids)
        for e in edges:
            check(f"{label}: edge {e.get('id')} endpoints declared",
                  e.get("source") in ids and e.get("target") in ids)
        spells = 0
        for cls, elements in (("node", nodes), ("edge", edges)):
            for x in elements:
                for v in x.findall("g:attvalues/g:attvalue", NS):
                    check(f"{label}: {cls} {x.get('id')} uses undeclared '{v.get('for')}'",
                          v.get("for") in declared[cls])
                for s in x.findall("g:spells/g:spell", NS):
                    spells += 1
                    start, end = s.get("start"), s.get("end")
                    check(f"{label}: spell of {x.get('id')} has start or end", start or end)
                    for d in (start, end):
                        check(f"{label}: spell date {d!r}", d is None or DATE.match(d))
                    if start and end and not start.startswith("-") and not end.startswith("-"):
                        check(f"{label}: spell of {x.get('id')} ends before it starts",
                              start <= end)
        check(f"{label}: spells present", spells > 0)

    # Spells against orgraph's reading: central_coord (2011-06 to 2013-05) is in the graph on
    # the spell's first and last day and not outside it.
    path = os.path.join(tmp, "e.gexf")
    run("export", "graphs/examples", "--to", "gexf", "-o", path)
    g = ET.parse(path).getroot().find("g:graph", NS)
    node = next(n for n in g.findall("g:nodes/g:node", NS) if n.get("id") == "central_coord")
    spell = node.find("g:spells/g:spell", NS)
    first, last = spell.get("start"), spell.get("end")

    def alive(day):
        snap = json.loads(run("snapshot", "graphs/examples", "--at", day, "--format", "json"))
        return any(n["id"] == "central_coord" for n in snap["nodes"])

    import datetime
    day = datetime.date.fromisoformat
    check(f"alive on first spell day {first}", alive(first))
    check(f"alive on last spell day {last}", alive(last))
    check("not alive the day before the spell", not alive(str(day(first) - datetime.timedelta(1))))
    check("not alive the day after the spell", not alive(str(day(last) + datetime.timedelta(1))))

for f in failures[:40]:
    print("FAIL", f)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
