#!/usr/bin/env python3
"""orgraph import --from popolo on the two EveryPolitician files of tests/data/popolo: the .gv
passes `orgraph check --strict`, has as many entities and relations as the Popolo data implies,
keeps names in their languages, dates, and party switches within a term as separate dated
memberships, and every field it does not import is named in a warning with the number of records
that carry it.

Usage: popolo_check.py ORGRAPH PROJECT_DIR"""
import collections
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

orgraph, project = sys.argv[1], sys.argv[2]
data = os.path.join(project, "tests", "data", "popolo")
failures = []


def check(what, got, want):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


def run(*args, stderr=False):
    done = subprocess.run([orgraph, *args], check=True, capture_output=True, text=True,
                          cwd=project)
    return done.stderr if stderr else done.stdout


# The fields the importer maps (graphs/README.md "Importing Popolo"); any other field present in
# the data must be warned about.
MAPPED = {
    "persons": {"id", "name", "other_names", "identifiers", "birth_date", "death_date",
                "sources"},
    "organizations": {"id", "name", "other_names", "identifiers", "classification",
                      "founding_date", "dissolution_date", "parent_id", "area_id", "sources"},
    "events": {"id", "name", "other_names", "identifiers", "classification", "start_date",
               "end_date", "organization_id", "parent_id", "sources"},
    "memberships": {"id", "person_id", "member", "organization_id", "post_id", "role", "label",
                    "start_date", "end_date", "legislative_period_id", "area_id",
                    "on_behalf_of_id", "sources"},
    "posts": {"id", "label", "other_label", "role", "organization_id", "area_id", "start_date",
              "end_date", "sources"},
    "areas": {"id", "name"},
}
WARNING = re.compile(r"^.*: warning: (\w+)\[\]\.(\w+) is not imported \((\d+) records?\); ")


with tempfile.TemporaryDirectory() as tmp:
    for name in ("estonia-ep-popolo-v1.0.json", "zimbabwe-senate-ep-popolo-v1.0.json"):
        with open(os.path.join(data, name), encoding="utf-8") as f:
            popolo = json.load(f)
        gv = os.path.join(tmp, name.replace(".json", ".gv"))
        warnings = run("import", os.path.join(data, name), "--from", "popolo", "-o", gv,
                       stderr=True)
        warned = {}
        for line in warnings.splitlines():
            if m := WARNING.match(line):
                warned[(m[1], m[2])] = int(m[3])
        carried = collections.Counter(
            (kind, key) for kind, fields in MAPPED.items() for r in popolo.get(kind, [])
            for key, value in r.items() if key not in fields and value not in (None, "", [], {}))
        check(f"{name}: each field not imported is warned about with its count", warned,
              dict(carried))
        check(f"{name}: persons[].gender is among them", ("persons", "gender") in warned, True)
        report = json.loads(run("check", "--strict", gv, "--format", "json"))
        check(f"{name}: check ok", (report["ok"], report["errors"], report["warnings"]),
              (True, 0, 0))
        urls = {s["url"] for kind in ("persons", "organizations", "events", "memberships", "posts")
                for r in popolo.get(kind, []) for s in r.get("sources", []) if "url" in s}
        entities = (len(popolo["persons"]) + len(popolo["organizations"]) + len(popolo["events"])
                    + 1 + len(urls))
        memberships = popolo["memberships"]
        relations = (len(memberships) + sum(1 for m in memberships if m.get("on_behalf_of_id"))
                     + sum(1 for o in popolo["organizations"] if o.get("parent_id")))
        check(f"{name}: entities", report["entities"], entities)
        check(f"{name}: relations", report["relations"], relations)

        graph = json.loads(run("export", gv, "--to", "json"))
        by_popolo_id = {}
        for e in graph["entities"]:
            note = e.get("note", "")
            if note.startswith("Popolo id "):
                by_popolo_id[note[len("Popolo id "):].split(";")[0]] = e
        check(f"{name}: every person, org and event found by its Popolo id", len(by_popolo_id),
              len(popolo["persons"]) + len(popolo["organizations"]) + len(popolo["events"]))
        for o in popolo["organizations"]:
            e = by_popolo_id[o["id"]]
            check(f"{name}: {o['id']} name", e["name"], o["name"])
            english = [n["name"] for n in o.get("other_names", []) if n.get("lang") == "en"
                       and n["name"] != o["name"]]
            if english:
                check(f"{name}: {o['id']} name_en", e.get("name_en"), english[0])
        for r in popolo["persons"] + popolo["organizations"]:
            first = {}
            for n in r.get("other_names", []):
                lang = n.get("lang", "")
                if re.fullmatch("[a-z]{2,3}", lang) and not n.get("end_date"):
                    first.setdefault(lang, n["name"])
            e = by_popolo_id[r["id"]]
            got = {k[len("name_"):]: v for k, v in e.items() if re.fullmatch("name_[a-z]{2,3}", k)}
            check(f"{name}: {r['id']} has the first name in each language", got, first)
        for p in popolo["persons"]:
            e = by_popolo_id[p["id"]]
            check(f"{name}: {p['id']} kind", e["kind"], "person")
            if p.get("birth_date"):
                check(f"{name}: {p['id']} birth", e.get("start"), p["birth_date"])
        key = {pid: e["id"] for pid, e in by_popolo_id.items()}
        rels = collections.defaultdict(list)
        for r in graph["relations"]:
            rels[(r["from"], r["to"])].append(r)
        if name.startswith("zimbabwe"):
            mdc_t = by_popolo_id["party/mdc-t"]
            check("MDC-T in French", mdc_t.get("name_fr"), "Mouvement pour le changement démocratique")
            check("MDC-T in Chinese", mdc_t.get("name_zh"), "争取民主变革运动")
            check("MDC-T in traditional Chinese (regional codes only: an alias)",
                  "爭取民主變革運動" in mdc_t["alias"], True)
            check("MDC-T's regional codes in its note",
                  '"爭取民主變革運動" (zh-hant, zh-hk)' in mdc_t["note"], True)
            # No membership dates: all start with the 8th Parliament (2013-09-17), open-ended.
            senate = memberships[0]["organization_id"]
            spans = {(r["start"], r.get("end")) for r in graph["relations"]
                     if r["to"] == key[senate]}
            check("Zimbabwe senate memberships", spans, {("2013-09-17", None)})
            continue

        # Estonia: members who changed party within a term keep both memberships, with dates.
        terms = {e["id"]: e for e in popolo["events"]}
        by_term = collections.defaultdict(list)
        for m in memberships:
            by_term[(m["person_id"], m["legislative_period_id"])].append(m)
        switchers = [ms for ms in by_term.values()
                     if len({m["on_behalf_of_id"] for m in ms}) > 1]
        check("Estonian party switchers in the data", len(switchers), 7)
        for ms in switchers:
            for m in ms:
                term = terms[m["legislative_period_id"]]
                start = m.get("start_date") or term.get("start_date")
                end = m.get("end_date") or term.get("end_date")
                if end:  # Popolo's last day; orgraph's end is the day after
                    end = str(datetime.date.fromisoformat(end) + datetime.timedelta(1))
                party = rels[(key[m["person_id"]], key[m["on_behalf_of_id"]])]
                spans = [(r["rel"], r.get("start"), r.get("end")) for r in party]
                check(f"{m['person_id']} in {m['on_behalf_of_id']}",
                      ("member_of", start, end) in spans, True)
        # Deniss Boroditš: KESK until 2012-04-08, then independent, in the 12th Riigikogu.
        deniss = next(p for p in popolo["persons"] if p["name"] == "Deniss Boroditš")
        kesk = json.loads(run("members", gv, "KESK", "--at", "2012-04-08", "--format", "json"))
        ind = json.loads(run("members", gv, "IND", "--at", "2012-04-09", "--format", "json"))
        check("Deniss Boroditš in KESK on 2012-04-08",
              any(m["member"]["id"] == key[deniss["id"]] for m in kesk), True)
        check("Deniss Boroditš in IND on 2012-04-09",
              any(m["member"]["id"] == key[deniss["id"]] for m in ind), True)
        kesk_after = json.loads(run("members", gv, "KESK", "--at", "2012-06", "--format", "json"))
        check("Deniss Boroditš not in KESK in June 2012",
              any(m["member"]["id"] == key[deniss["id"]] for m in kesk_after), False)

        # The .gv round-trips: export --to dot reloads to the same JSON.
        again = os.path.join(tmp, "again.gv")
        run("export", gv, "--to", "dot", "-o", again)
        check(f"{name}: DOT round trip", run("export", again, "--to", "json"),
              run("export", gv, "--to", "json"))

for f in failures[:40]:
    print("FAIL", f)
print(f"{len(failures)} failures")
sys.exit(1 if failures else 0)
