#!/usr/bin/env python3
"""Attributions found by `hearsay meta` in real news sentences.

Usage: bench/attrib_real.py [HEARSAY] [FILE] [--show]
  HEARSAY  the hearsay binary (default build/hearsay)
  FILE     annotated sentences (default tests/data/meta/real_attrib.jsonl)
  --show   print the misses and the false finds

FILE holds one sentence (or two) per line, taken from the BBC News and
Reuters-21578 corpora (`corpus`, `doc` name where), with the attribution
sources annotated by hand as they appear in the text and their types
(`sources`: [{source, type}]; empty for sentences without attribution).
Every sentence is run as its own document.  A found source is correct when
its text as written or its normalized name equals an annotated source of
the same sentence after normalization: case folded, a leading "the",
"a" or "an" dropped, a trailing parenthesized abbreviation ("(ONS)") and
surrounding punctuation removed, spaces collapsed.  Precision = correct
found / found; recall = annotated found / annotated; "+type" also needs
the annotated type.
"""
import json
import re
import sys

from hsrun import meta_records


def norm(s):
    s = re.sub(r"\s+", " ", s or "").strip().lower()
    s = re.sub(r"\s*\([^()]*\)$", "", s)
    s = s.strip(" .,;:\"'")
    s = re.sub(r"^(the|a|an) ", "", s)
    return s


def main():
    args = [a for a in sys.argv[1:] if a != "--show"]
    show = "--show" in sys.argv[1:]
    exe = args[0] if len(args) > 0 else "build/hearsay"
    path = args[1] if len(args) > 1 else "tests/data/meta/real_attrib.jsonl"
    items = [json.loads(line) for line in open(path, encoding="utf-8")
             if line.strip()]
    pred = {}
    for r in meta_records(exe, [{"id": it["id"], "text": it["text"]}
                                for it in items]):
        pred[r["doc"]] = r.get("attributions") or []
    npred = ngold = tp_p = tp_g = tp_pt = tp_gt = 0
    for it in items:
        gold = [(norm(g["source"]), g["type"]) for g in it["sources"]]
        got = pred.get(it["id"], [])
        ngold += len(gold)
        npred += len(got)
        used = set()
        for a in got:
            names = {norm(a.get("source")), norm(a.get("normalized"))}
            hit = [k for k, g in enumerate(gold) if g[0] in names]
            if hit:
                tp_p += 1
                tp_pt += any(gold[k][1] == a.get("type") for k in hit)
                used.update(hit)
            elif show:
                print("  FALSE %s: %r (%s) in %r" % (
                    it["id"], a.get("source"), a.get("type"), it["text"][:90]))
        for k, g in enumerate(gold):
            if k in used:
                tp_g += 1
                tp_gt += any(norm(a.get("source")) == g[0] or
                             norm(a.get("normalized")) == g[0]
                             for a in got if a.get("type") == g[1])
            elif show:
                print("  MISS  %s: %r; found %s" % (
                    it["id"], g[0], [a.get("source") for a in got]))
    p = tp_p / npred if npred else 1.0
    r = tp_g / ngold if ngold else 1.0
    pt = tp_pt / npred if npred else 1.0
    rt = tp_gt / ngold if ngold else 1.0
    print("sentences %d (with attribution %d), annotated sources %d, found %d"
          % (len(items), sum(1 for it in items if it["sources"]), ngold,
             npred))
    print("attribution P %.2f R %.2f   +type P %.2f R %.2f" % (p, r, pt, rt))
    return 0


if __name__ == "__main__":
    sys.exit(main())
