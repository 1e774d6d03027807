#!/usr/bin/env python3
"""Precision and recall of the story model's edges by kind against a corpus's
written truth (DIR/truth.tsv, explained in DIR/TRUTH.md), the direction of
reuse and republication edges where both dates are known and differ, edges
across languages, and whether the first publisher is right.

usage: python3 bench/story/eval.py build/hearsay [DIR]
DIR defaults to bench/story (the "detained fishermen" corpus); bench/story/cholera
is the second corpus.

truth.tsv lines: `KIND FROM TO` (reuse, republication, paraphrase, citation),
`copy DOC OF` (DOC is a copy of OF: the same for paraphrase), `optional FROM TO`
(a citation neither right nor wrong), `lang DOC xx`, `first OUTLET DATE`,
`none DOC` (in no story), `denial DOC`.  Citations are scored by the cited
outlet: FROM stands for its outlet."""
import json, os, subprocess, sys

hearsay = sys.argv[1] if len(sys.argv) > 1 else "build/hearsay"
here = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))
corpus = os.path.join(here, "corpus.jsonl")
outlet = {}
for line in open(corpus, encoding="utf-8"):
    r = json.loads(line)
    outlet[r["id"]] = r.get("series")
truth, copy, lang, none, optional, denial, first = {}, {}, {}, set(), set(), set(), None
for line in open(os.path.join(here, "truth.tsv"), encoding="utf-8"):
    f = line.split("\t")
    f = [x.strip() for x in f]
    if not f or not f[0]:
        continue
    k = f[0]
    if k == "copy": copy[f[1]] = f[2]
    elif k == "lang": lang[f[1]] = f[2]
    elif k == "none": none.add(f[1])
    elif k == "denial": denial.add(f[1])
    elif k == "first": first = (f[1], f[2])
    elif k == "optional": optional.add((outlet[f[1]], f[2]))
    else: truth.setdefault(k, set()).add((f[1], f[2]))

def run(*args):
    return subprocess.run([hearsay, *args], capture_output=True, text=True,
                          check=True).stdout

edges, nodes = [], {}
for line in run("graph", "--level", "doc", "--format", "jsonl", corpus).splitlines():
    r = json.loads(line)
    if r["type"] == "edge": edges.append(r)
    else: nodes[r["id"]] = r

def canon(kind, a, b):
    if kind == "paraphrase":
        return frozenset((copy.get(a, a), copy.get(b, b)))
    if kind == "citation":
        return (outlet.get(a), b)
    return frozenset((a, b))

res = {}
for kind in ("reuse", "republication", "paraphrase", "citation"):
    tu = {canon(kind, a, b) for a, b in truth.get(kind, set())}
    pred = [e for e in edges if e["kind"] == kind]
    pu = {canon(kind, e["from"], e["to"]) for e in pred}
    if kind == "citation": pu -= optional
    tp = len(pu & tu)
    show = lambda x: "->".join(x) if isinstance(x, tuple) else "-".join(sorted(x))
    res[kind] = dict(predicted=len(pu), true=len(tu), tp=tp,
                     precision=round(tp / len(pu), 3) if pu else None,
                     recall=round(tp / len(tu), 3) if tu else None,
                     wrong=sorted(show(x) for x in pu - tu),
                     missed=sorted(show(x) for x in tu - pu))
# direction of reuse/republication edges where both dates are known and differ
right = wrong = 0
tdir = truth.get("reuse", set()) | truth.get("republication", set())
for e in edges:
    if e["kind"] not in ("reuse", "republication") or e.get("order") != "dated":
        continue
    if (e["from"], e["to"]) in tdir: right += 1
    elif (e["to"], e["from"]) in tdir: wrong += 1
res["direction"] = dict(right=right, wrong=wrong)
# edges across languages: right when both documents belong to the story
cross = [e for e in edges if lang.get(e["from"]) and lang.get(e["to"]) and
         lang[e["from"]] != lang[e["to"]]]
res["cross_language"] = dict(
    edges=len(cross), right=sum(1 for e in cross if e["from"] not in none and e["to"] not in none),
    kinds=sorted({e["kind"] for e in cross}))
st = [json.loads(l) for l in run("stories", "--format", "jsonl", corpus).splitlines()]
res["stories"] = [dict(docs=s["docs"], first=s["first"]["doc"], tie=s["first"].get("tie"))
                  for s in st]
big = max(st, key=lambda s: s["documents"]) if st else None
if big and first:
    fd = big["first"]["doc"]
    res["first_right"] = outlet.get(fd) == first[0] and (big["first"].get("date") or "")[:10] == first[1]
    res["first"] = dict(doc=fd, outlet=outlet.get(fd), date=big["first"].get("date"))
    langs = {lang.get(d) for d in big["docs"]}
    res["languages_in_largest_story"] = sorted(x for x in langs if x)
instory = {d for s in st for d in s["docs"]}
res["unrelated_in_a_story"] = sorted(none & instory)
res["story_docs_left_out"] = sorted(d for d in lang if d not in none and d not in instory)
print(json.dumps(res, indent=1, ensure_ascii=False))
