#!/usr/bin/env python3
"""Precision and recall of the story model's edges by kind on corpus.jsonl
against truth.tsv (TRUTH.md), the direction of reuse edges where both dates
are known and differ, and whether the first publisher is right.

usage: python3 bench/story/eval.py build/hearsay"""
import json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
hearsay = sys.argv[1] if len(sys.argv) > 1 else "build/hearsay"
corpus = os.path.join(here, "corpus.jsonl")
truth = {}
for line in open(os.path.join(here, "truth.tsv")):
    k, a, b = line.split()
    truth.setdefault(k, set()).add((a, b))
# copies of the first report count as it for paraphrase and citation
copy = {"hd02": "r01", "ct03": "r01", "mn04": "r01", "ar13": "r01"}
out = subprocess.run([hearsay, "graph", "--level", "doc", "--format", "jsonl", corpus],
                     capture_output=True, text=True, check=True).stdout
edges, nodes = [], {}
for line in out.splitlines():
    r = json.loads(line)
    if r["type"] == "edge":
        edges.append(r)
    else:
        nodes[r["id"]] = r
res = {}
for kind in ("reuse", "republication", "paraphrase", "citation"):
    t = truth.get(kind, set())
    def canon(a, b):
        if kind in ("paraphrase", "citation"):
            a, b = copy.get(a, a), copy.get(b, b)
        return frozenset((a, b))
    tu = {canon(a, b) for a, b in t}
    pred = [e for e in edges if e["kind"] == kind]
    pu = {canon(e["from"], e["to"]) for e in pred}
    tp = len(pu & tu)
    res[kind] = dict(predicted=len(pu), true=len(tu), tp=tp,
                     precision=tp / len(pu) if pu else None,
                     recall=tp / len(tu) if tu else None,
                     wrong=sorted("-".join(sorted(x)) for x in pu - tu),
                     missed=sorted("-".join(sorted(x)) for x in tu - pu))
# direction of reuse/republication edges where both dates are known and differ
right = wrong = 0
tdir = truth.get("reuse", set()) | truth.get("republication", set())
for e in edges:
    if e["kind"] not in ("reuse", "republication") or e["order"] != "dated":
        continue
    if (e["from"], e["to"]) in tdir: right += 1
    elif (e["to"], e["from"]) in tdir: wrong += 1
res["direction"] = dict(right=right, wrong=wrong)
stories = subprocess.run([hearsay, "stories", "--format", "jsonl", corpus],
                         capture_output=True, text=True, check=True).stdout
st = [json.loads(l) for l in stories.splitlines()]
res["stories"] = [dict(docs=s["docs"], first=s["first"]["doc"]) for s in st]
big = max(st, key=lambda s: s["documents"]) if st else None
res["first_right"] = bool(big and big["first"]["doc"] == "r01")
print(json.dumps(res, indent=1, ensure_ascii=False))
