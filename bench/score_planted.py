#!/usr/bin/env python3
"""Score detected passages against the ground truth written by plant.py.

    score_planted.py --truth TRUTH.jsonl DETECTED.jsonl [--json]

DETECTED is hearsay's JSONL output (or simtext.py's conversion of sim_text
output, which uses the same fields): one passage a line with
a.doc/a.start/a.end and b.doc/b.start/b.end (UTF-8 byte offsets).
Passages with "kind": "internal" (both spans in one document) are counted
and otherwise ignored.

Definitions (a planted passage P has a source span and a copy span; a
detected passage D has two spans, matched to P's by document, in either
order):

  found      D and P join the same two documents, and D's span overlaps
             P's span by at least half of P's span length, on both sides.
  recall     planted passages found by some D / planted passages.
  precision  detected cross passages that touch a planted passage (same
             two documents, spans overlapping by at least one byte on both
             sides) / detected cross passages.  This is honest only
             because plant.py deduplicates the base documents (no shared
             word K-grams among them): the only reuse left in the corpus
             is the planted reuse, plus any near-reuse shorter than K
             words or hidden from plant.py's normalization.  Detections
             between two base documents are also reported separately
             ("base-base"): they are either such residual reuse or false
             positives, so read precision as a lower bound.
  precision (planted docs)
             the same, counting only detections with at least one side in
             a planted document (those documents contain nothing else that
             is shared).
  coverage   over found passages: mean fraction of P's two spans covered
             by the union of the detections that touch P.
  granularity
             over found passages: mean number of detections touching P
             (1 is ideal; 2 means the detector split it in two).
"""

import argparse
import json
import sys
from collections import defaultdict


def overlap(s1, e1, s2, e2):
    return max(0, min(e1, e2) - max(s1, s2))


def covered(start, end, spans):
    """Bytes of [start, end) covered by the union of spans."""
    ivs = sorted((max(start, s), min(end, e)) for s, e in spans if min(end, e) > max(start, s))
    total, cur_s, cur_e = 0, None, None
    for s, e in ivs:
        if cur_e is None or s > cur_e:
            if cur_e is not None:
                total += cur_e - cur_s
            cur_s, cur_e = s, e
        else:
            cur_e = max(cur_e, e)
    if cur_e is not None:
        total += cur_e - cur_s
    return total


def load_truth(path):
    truth = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                truth.append(json.loads(line))
    return truth


def load_detected(path):
    det, internal, bad = [], 0, 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            try:
                p = json.loads(line)
                a, b = p["a"], p["b"]
                row = (a["doc"], int(a["start"]), int(a["end"]), b["doc"], int(b["start"]), int(b["end"]))
            except (ValueError, KeyError, TypeError):
                bad += 1
                continue
            if p.get("kind") == "internal" or a["doc"] == b["doc"]:
                internal += 1
                continue
            det.append(row)
    return det, internal, bad


def score(truth, det):
    # Index detections by unordered document pair, oriented as (x, y) with x < y.
    by_pair = defaultdict(list)
    for i, (ad, as_, ae, bd, bs, be) in enumerate(det):
        if ad <= bd:
            by_pair[(ad, bd)].append((i, as_, ae, bs, be))
        else:
            by_pair[(bd, ad)].append((i, bs, be, as_, ae))

    planted_docs = {t["b_doc"] for t in truth}
    det_true = [False] * len(det)
    kinds = defaultdict(lambda: [0, 0])
    found = 0
    cov_sum, gran_sum = 0.0, 0
    for t in truth:
        ad, bd = t["a_doc"], t["b_doc"]
        if ad <= bd:
            key, p1, p2 = (ad, bd), (t["a_start"], t["a_end"]), (t["b_start"], t["b_end"])
        else:
            key, p1, p2 = (bd, ad), (t["b_start"], t["b_end"]), (t["a_start"], t["a_end"])
        touching = []
        hit = False
        for (i, s1, e1, s2, e2) in by_pair.get(key, ()):
            o1 = overlap(s1, e1, *p1)
            o2 = overlap(s2, e2, *p2)
            if o1 > 0 and o2 > 0:
                det_true[i] = True
                touching.append((s1, e1, s2, e2))
                if o1 * 2 >= p1[1] - p1[0] and o2 * 2 >= p2[1] - p2[0]:
                    hit = True
        k = kinds[t.get("kind", "all")]
        k[1] += 1
        if hit:
            k[0] += 1
            found += 1
            c1 = covered(p1[0], p1[1], [(x[0], x[1]) for x in touching]) / max(1, p1[1] - p1[0])
            c2 = covered(p2[0], p2[1], [(x[2], x[3]) for x in touching]) / max(1, p2[1] - p2[0])
            cov_sum += (c1 + c2) / 2
            gran_sum += len(touching)

    n_true = sum(det_true)
    touching_planted = [i for i, d in enumerate(det) if d[0] in planted_docs or d[3] in planted_docs]
    n_true_planted = sum(1 for i in touching_planted if det_true[i])
    base_base = len(det) - len(touching_planted)
    return {
        "planted": len(truth),
        "found": found,
        "recall": found / len(truth) if truth else None,
        "recall_by_kind": {k: (v[0] / v[1] if v[1] else None) for k, v in sorted(kinds.items())},
        "count_by_kind": {k: v[1] for k, v in sorted(kinds.items())},
        "detected_cross": len(det),
        "detected_true": n_true,
        "precision": n_true / len(det) if det else None,
        "detected_planted_docs": len(touching_planted),
        "precision_planted_docs": (n_true_planted / len(touching_planted)) if touching_planted else None,
        "base_base": base_base,
        "coverage": cov_sum / found if found else None,
        "granularity": gran_sum / found if found else None,
    }


def fmt(x, digits=3):
    return "-" if x is None else ("%.*f" % (digits, x))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--truth", required=True)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--label", default="", help="name to print with the results")
    ap.add_argument("detected")
    args = ap.parse_args()

    truth = load_truth(args.truth)
    det, internal, bad = load_detected(args.detected)
    r = score(truth, det)
    r["internal_ignored"] = internal
    r["unparsed_lines"] = bad
    r["label"] = args.label
    if args.json:
        print(json.dumps(r))
        return
    lab = (args.label + ": ") if args.label else ""
    print("%srecall %s (%d of %d planted passages found: >=50%% of both planted spans overlapped)"
          % (lab, fmt(r["recall"]), r["found"], r["planted"]))
    print("  by kind: " + ", ".join("%s %s (n=%d)" % (k, fmt(v), r["count_by_kind"][k])
                                   for k, v in r["recall_by_kind"].items()))
    print("  precision %s (%d of %d detected cross passages touch a planted passage;"
          " base documents deduplicated, so this is a lower bound)"
          % (fmt(r["precision"]), r["detected_true"], r["detected_cross"]))
    print("  precision on planted documents %s (%d detections involve a planted document)"
          % (fmt(r["precision_planted_docs"]), r["detected_planted_docs"]))
    print("  base-base detections %d (residual reuse shorter than the dedup K, or false positives)"
          % r["base_base"])
    print("  coverage of found passages %s, detections per found passage %s"
          % (fmt(r["coverage"]), fmt(r["granularity"], 2)))
    if internal or bad:
        print("  ignored: %d internal passages, %d unparsable lines" % (internal, bad))


if __name__ == "__main__":
    main()
