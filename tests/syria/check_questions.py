#!/usr/bin/env python3
"""Asks the Syrian graph the questions in questions.tsv through the orgraph CLI and checks the
answers against what the articles say.

Usage: check_questions.py ORGRAPH QUESTIONS.tsv GRAPH

Each row names a command (`roles --org hirak_office`), run as
`orgraph COMMAND-WORD GRAPH REST... --format json`, and `checks`: clauses separated by " ; ":
  [has] k=v k=v ...   some JSON object in the answer has all these keys with these values
  no k=v ...          no JSON object has them all
  first k=v ...       the first element of the answer's list has them
  empty               the answer's list is empty
A value matches an entity object by its "id", a list when it contains the value, null as
`null`; values with spaces are quoted ("planning officer"); `k~=v` asks that the text of k
contains v (for notes). Prints one line per failure and
"N passed, M failed".
"""
import csv
import json
import shlex
import subprocess
import sys


def matches(obj, constraints):
    if not isinstance(obj, dict):
        return False
    for key, want in constraints:
        if key.endswith("~"):
            if want not in str(obj.get(key[:-1], "")):
                return False
            continue
        if key not in obj:
            return False
        have = obj[key]
        if isinstance(have, dict):
            if have.get("id") != want:
                return False
        elif isinstance(have, list):
            if want not in have:
                return False
        elif have is None:
            if want != "null":
                return False
        elif str(have) != want:
            return False
    return True


def objects(value):
    """Every JSON object in the answer, depth first."""
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from objects(v)
    elif isinstance(value, list):
        for v in value:
            yield from objects(v)


def answer_list(answer):
    """The list an answer is about: the answer itself, or its paths / changes / nodes."""
    if isinstance(answer, list):
        return answer
    for key in ("paths", "changes", "events", "nodes"):
        if key in answer:
            return answer[key]
    return []


def check(answer, clause):
    words = shlex.split(clause)
    verb = "has"
    if words and words[0] in ("has", "no", "first", "empty"):
        verb, words = words[0], words[1:]
    constraints = []
    for w in words:
        if "=" not in w:
            return f"bad clause {clause!r}"
        k, v = w.split("=", 1)
        constraints.append((k, v))
    if verb == "empty":
        return None if not answer_list(answer) else "expected no answer"
    if verb == "first":
        items = answer_list(answer)
        return None if items and matches(items[0], constraints) else "first answer differs"
    found = any(matches(o, constraints) for o in objects(answer))
    if verb == "no":
        return None if not found else "found what should be absent"
    return None if found else "not found"


def main():
    orgraph, questions, graph = sys.argv[1:4]
    passed = failed = 0
    with open(questions, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    for row in rows:
        words = shlex.split(row["command"])
        cmd = [orgraph, words[0], graph] + words[1:] + ["--format", "json"]
        run = subprocess.run(cmd, capture_output=True, text=True)
        problems = []
        if run.returncode != 0:
            problems.append(f"exit {run.returncode}: {run.stderr.strip()}")
        else:
            answer = json.loads(run.stdout)
            for clause in row["checks"].split(" ; "):
                why = check(answer, clause.strip())
                if why:
                    problems.append(f"{clause.strip()}: {why}")
        if problems:
            failed += 1
            print(f"FAIL {row['id']} ({row['question_en']}) `{' '.join(cmd[1:])}`")
            for p in problems:
                print(f"    {p}")
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
