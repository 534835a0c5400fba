#!/usr/bin/env python3
"""`orgraph centrality --plot FILE.svg`: the chart is well-formed and shows what the series says.

For each case the series is run once with --format json and --plot; the SVG must pass
`xmllint --noout`, and then:
  - one <g class="series"> per plotted entity (the --top N of the JSON series, in its order),
    each titled "N. name — name_en" and drawn as at least one polyline;
  - one <g class="legend-entry"> per entity whose lines, joined, are its whole Arabic and English
    names (wrapped, never cut with "…"); the lines of a name whose first letter is Arabic hold
    it in <tspan direction="rtl" unicode-bidi="embed">, so that its digits and brackets show
    where an Arabic reader expects them, and no other line does;
  - time-axis labels that are years, ascending left to right, within the series;
  - entities whose scores are tied at every step (relative 1e-9, as ranks tie) drawn after the
    line they coincide with, dashed, each with its own dash offset, and noted "same scores as K"
    in the legend; no other entity has such a note.
The Syrian case from 2012 to 2016 has pairs of bodies with equal betweenness throughout and
English names of more than 60 characters; the test fails if the data stops exercising that.

Usage: plot_check.py ORGRAPH PROJECT_DIR
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
failures = []


def fail(where, message):
    failures.append(f"{where}: {message}")


def tied(a, b):
    if a is None or b is None:
        return a is b
    return a == b or abs(a - b) <= 1e-9 * max(abs(a), abs(b))


def leaders(series):
    """For each entity, the index of the earlier entity its whole series coincides with."""
    result = [None] * len(series)
    for i, s in enumerate(series):
        for j in range(i):
            if result[j] is None and all(tied(a, b) for a, b in
                                         zip(series[j]["scores"], s["scores"])):
                result[i] = j
                break
    return result


def texts(group, cls):
    return ["".join(t.itertext()) for t in group.iter(SVG + "text") if t.get("class") == cls]


def right_to_left(text):
    """Whether the first strong letter of text is Arabic (U+0600-U+06FF but its digits)."""
    for c in text:
        if c.isascii() and c.isalpha():
            return False
        if "\u0600" <= c <= "\u06ff" and not ("\u0660" <= c <= "\u0669"
                                               or "\u06f0" <= c <= "\u06f9"):
            return True
    return False


def check_direction(where, group, cls, name):
    """Each line of `name` in `group` is embedded right to left exactly when the name reads so."""
    rtl = right_to_left(name)
    for t in group.iter(SVG + "text"):
        if t.get("class") != cls:
            continue
        spans = t.findall(SVG + "tspan")
        embedded = (len(spans) == 1 and spans[0].get("direction") == "rtl"
                    and spans[0].get("unicode-bidi") == "embed" and not (t.text or "").strip())
        if rtl and not embedded:
            fail(where, f"the line {''.join(t.itertext())!r} of a right-to-left name is not in "
                        f"a <tspan direction=\"rtl\" unicode-bidi=\"embed\">")
        if not rtl and (spans or t.get("direction")):
            fail(where, f"the line {''.join(t.itertext())!r} of a left-to-right name has a "
                        "direction")
    return rtl


def check(orgraph, workdir, name, args, top, *, want_coincident=False, want_long=False):
    svg = os.path.join(workdir, f"{name}.svg")
    out = subprocess.run([orgraph, "centrality", *args, "--top", str(top), "--plot", svg,
                          "--format", "json"], capture_output=True, text=True)
    if out.returncode != 0:
        fail(name, f"exit {out.returncode}: {out.stderr.strip()}")
        return
    lint = subprocess.run(["xmllint", "--noout", svg], capture_output=True, text=True)
    if lint.returncode != 0:
        fail(name, f"xmllint: {lint.stderr.strip()}")
        return
    data = json.loads(out.stdout)
    series = data["series"]
    if len(series) != top:
        fail(name, f"the JSON has {len(series)} entities, expected --top {top}")
    root = ET.parse(svg).getroot()
    width, height = float(root.get("width")), float(root.get("height"))
    names = [(s["entity"].get("name") or s["entity"]["id"], s["entity"].get("name_en", ""))
             for s in series]

    # Lines: one group per entity, in document order best last, coincident ones after all.
    groups = [g for g in root.iter(SVG + "g") if g.get("class") == "series"]
    if len(groups) != len(series):
        fail(name, f"{len(groups)} plotted lines for {len(series)} entities")
        return
    by_number = {}
    for position, g in enumerate(groups):
        title = g.find(SVG + "title").text
        number = int(title.split(".", 1)[0])
        by_number[number - 1] = (position, g)
        primary, english = names[number - 1]
        want = f"{number}. {primary}" + (f" — {english}" if english else "")
        if title != want:
            fail(name, f"line title {title!r}, expected {want!r}")
        polylines = g.findall(SVG + "polyline")
        if not polylines or not all(p.get("points") for p in polylines):
            fail(name, f"line {number} has no points")
    if sorted(by_number) != list(range(len(series))):
        fail(name, f"line numbers {sorted(by_number)}")
        return

    # Legend: whole names, wrapped lines within the width the legend leaves them.
    entries = [g for g in root.iter(SVG + "g") if g.get("class") == "legend-entry"]
    if len(entries) != len(series):
        fail(name, f"{len(entries)} legend entries for {len(series)} entities")
        return
    longest = 0
    rtl_names = 0
    for i, (entry, (primary, english)) in enumerate(zip(entries, names)):
        rtl_names += check_direction(f"{name} legend {i + 1}", entry, "name", primary)
        check_direction(f"{name} legend {i + 1}", entry, "name-en", english)
        got, got_en = texts(entry, "name"), texts(entry, "name-en")
        if " ".join(got) != " ".join(primary.split()):
            fail(name, f"legend {i + 1}: name {got!r}, expected {primary!r}")
        if english != primary and " ".join(got_en) != " ".join(english.split()):
            fail(name, f"legend {i + 1}: English name {got_en!r}, expected {english!r}")
        for line in got_en:
            if len(line) > 46:
                fail(name, f"legend {i + 1}: English line of {len(line)} characters: {line!r}")
        longest = max(longest, len(english))
        for t in entry.iter(SVG + "text"):
            if "…" in (t.text or ""):
                fail(name, f"legend {i + 1}: cut text {t.text!r}")
            if not 0 < float(t.get("y")) < height or not 0 < float(t.get("x")) < width:
                fail(name, f"legend {i + 1}: text outside the picture at {t.get('x')},{t.get('y')}")
    if rtl_names == 0:
        fail(name, "no Arabic name in the legend: the case no longer tests text direction")
    if want_long and longest <= 46:
        fail(name, f"no English name longer than one legend line (longest {longest}): the case "
                   "no longer tests wrapping")

    # Time axis: years, ascending, within the series.
    ticks = [t for t in root.iter(SVG + "text") if t.get("class") == "time-tick"]
    years = [int(t.text) for t in ticks if (t.text or "").isdigit()]
    xs = [float(t.get("x")) for t in ticks]
    first, last = int(data["from"][:4]), int(data["to"][:4])
    if len(years) != len(ticks) or len(years) < 3:
        fail(name, f"time ticks {[t.text for t in ticks]}: expected at least 3 years")
    elif years != sorted(set(years)) or xs != sorted(xs) or years[0] < first or years[-1] > last:
        fail(name, f"time ticks {years} at {xs}, for a series from {first} to {last}")

    # Coincident series: visibly apart, and said to be alike.
    lead = leaders(series)
    if want_coincident and not any(x is not None for x in lead):
        fail(name, "no two entities have the same scores throughout: the case no longer tests "
                   "coincident lines")
    offsets = {}
    for i, leader in enumerate(lead):
        notes = texts(entries[i], "note")
        position, group = by_number[i]
        dashes = {(p.get("stroke-dasharray"), p.get("stroke-dashoffset"))
                  for p in group.findall(SVG + "polyline")}
        if leader is None:
            if notes:
                fail(name, f"legend {i + 1}: note {notes} but its scores are its own")
            continue
        if notes != [f"same scores as {leader + 1}"]:
            fail(name, f"legend {i + 1}: notes {notes}, expected 'same scores as {leader + 1}'")
        if position < by_number[leader][0]:
            fail(name, f"line {i + 1} is drawn under line {leader + 1}, which it coincides with")
        if len(dashes) != 1 or None in next(iter(dashes)):
            fail(name, f"line {i + 1} coincides with line {leader + 1} but is not dashed: {dashes}")
            continue
        dash = next(iter(dashes))
        if dash in offsets.get(leader, set()):
            fail(name, f"line {i + 1}: the same dashes as another line over line {leader + 1}")
        offsets.setdefault(leader, set()).add(dash)


def main():
    orgraph, project = sys.argv[1], sys.argv[2]
    if shutil.which("xmllint") is None:
        print("FAIL: xmllint is missing (Debian: libxml2-utils)")
        return 1
    syria = os.path.join(project, "graphs", "syria")
    with tempfile.TemporaryDirectory() as workdir:
        check(orgraph, workdir, "syria_betweenness_2012_2016",
              [syria, "--from", "2012", "--to", "2016", "--every", "1y",
               "--measure", "betweenness"], 16, want_coincident=True, want_long=True)
        check(orgraph, workdir, "syria_degree_2011_2024",
              [syria, "--from", "2011", "--to", "2024", "--every", "1y", "--measure", "degree"],
              10, want_coincident=True)
        check(orgraph, workdir, "syria_pagerank_2011_2024_half_years",
              [syria, "--from", "2011", "--to", "2024", "--every", "6m", "--measure", "pagerank"],
              5)
    for f in failures:
        print("FAIL", f)
    if failures:
        return 1
    print("3 plots checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
