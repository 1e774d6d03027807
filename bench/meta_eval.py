#!/usr/bin/env python3
"""Precision and recall of `hearsay meta` on the annotated articles.

Usage: bench/meta_eval.py [HEARSAY] [DIR]
  HEARSAY  the hearsay binary (default build/hearsay)
  DIR      articles and annotations.json (default tests/data/meta)

annotations.json maps each file to its split ("tune": the articles the
rules were adjusted on; "heldout": never looked at while adjusting), its
publication date (YYYY-MM-DD), its attributions (source, type) and the
1-based numbers of its boilerplate lines.  Scores per split:
  date          a document's date is right if it equals the annotation;
  attribution   a predicted source matches an annotated one when either
                name contains the other (case folded), compared on the
                normalized name and on the text as written; "+type" also
                needs the same type;
  boilerplate   lines overlapped by a reported range vs annotated lines.
"""
import json
import os
import subprocess
import sys


def prf(tp, npred, ngold):
    p = tp / npred if npred else 1.0
    r = tp / ngold if ngold else 1.0
    return p, r


def names(a):
    return [x.lower() for x in (a.get("normalized") or "", a.get("source") or "") if x]


def match(gold, pred):
    g = gold.lower()
    return any(g == n or (len(g) >= 3 and g in n) or (len(n) >= 3 and n in g)
               for n in pred)


def main():
    exe = sys.argv[1] if len(sys.argv) > 1 else "build/hearsay"
    d = sys.argv[2] if len(sys.argv) > 2 else "tests/data/meta"
    ann = json.load(open(os.path.join(d, "annotations.json"), encoding="utf-8"))
    files = [os.path.join(d, f) for f in sorted(ann)]
    out = subprocess.run([exe, "meta", "--format", "jsonl"] + files,
                         capture_output=True, check=True).stdout
    recs = {}
    for line in out.decode("utf-8").splitlines():
        r = json.loads(line)
        recs[os.path.basename(r["doc"])] = r
    splits = {}
    for name, a in sorted(ann.items()):
        r = recs.get(name)
        if r is None:
            print(f"missing output for {name}", file=sys.stderr)
            continue
        s = splits.setdefault(a["split"], {k: 0 for k in (
            "d_tp", "d_pred", "d_gold", "a_tp", "a_tpt", "a_pred", "a_gold",
            "a_ptp", "a_ptpt", "b_tp", "b_pred", "b_gold", "docs")})
        s["docs"] += 1
        # dates
        s["d_gold"] += 1
        if r["date"]:
            s["d_pred"] += 1
            s["d_tp"] += r["date"]["value"] == a["date"]
        # attributions: recall over gold, precision over predictions
        preds = r["attributions"]
        s["a_gold"] += len(a["attributions"])
        s["a_pred"] += len(preds)
        for g in a["attributions"]:
            hits = [p for p in preds if match(g["source"], names(p))]
            s["a_tp"] += bool(hits)
            s["a_tpt"] += any(p["type"] == g["type"] for p in hits)
        for p in preds:
            hits = [g for g in a["attributions"] if match(g["source"], names(p))]
            s["a_ptp"] += bool(hits)
            s["a_ptpt"] += any(p["type"] == g["type"] for g in hits)
        # boilerplate lines
        text = open(os.path.join(d, name), "rb").read()
        starts, pos = [], 0
        for ln in text.split(b"\n"):
            starts.append((pos, pos + len(ln)))
            pos += len(ln) + 1
        pred_lines = set()
        for b0, b1 in r["boilerplate"]:
            for i, (s0, s1) in enumerate(starts):
                if s1 > s0 and s0 < b1 and s1 > b0:
                    pred_lines.add(i + 1)
        gold = set(a["boilerplate_lines"])
        s["b_gold"] += len(gold)
        s["b_pred"] += len(pred_lines)
        s["b_tp"] += len(gold & pred_lines)
    print(f"{'split':8} {'docs':>4}  {'date P':>6} {'date R':>6}  "
          f"{'attr P':>6} {'attr R':>6}  {'+type P':>7} {'+type R':>7}  "
          f"{'boil P':>6} {'boil R':>6}")
    tot = None
    for name in sorted(splits) + ["all"]:
        if name == "all":
            s = tot
        else:
            s = splits[name]
            tot = dict(s) if tot is None else {k: tot[k] + s[k] for k in s}
        dp, dr = prf(s["d_tp"], s["d_pred"], s["d_gold"])
        ap = s["a_ptp"] / s["a_pred"] if s["a_pred"] else 1.0
        ar = s["a_tp"] / s["a_gold"] if s["a_gold"] else 1.0
        tp = s["a_ptpt"] / s["a_pred"] if s["a_pred"] else 1.0
        tr = s["a_tpt"] / s["a_gold"] if s["a_gold"] else 1.0
        bp, br = prf(s["b_tp"], s["b_pred"], s["b_gold"])
        print(f"{name:8} {s['docs']:>4}  {dp:6.2f} {dr:6.2f}  {ap:6.2f} "
              f"{ar:6.2f}  {tp:7.2f} {tr:7.2f}  {bp:6.2f} {br:6.2f}")


if __name__ == "__main__":
    main()
