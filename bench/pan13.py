#!/usr/bin/env python3
"""Evaluate hearsay on the PAN 2013 text-alignment training corpus.

    pan13.py [--pan DIR] [--hearsay BIN] [--detections FILE] [--workdir DIR]
             [--json] [-- HEARSAY_REUSE_OPTIONS...]

The corpus (default: $HS_SHARED/eval/pan13-train, HS_SHARED defaulting to
../shared from the repository root) holds src/ and susp/ documents,
`pairs` (one "suspicious source" pair a line) and one directory per
obfuscation class with that class's `pairs` and the truth as XML
(<feature name="plagiarism" this_offset this_length source_offset
source_length source_reference>, offsets in characters).

hearsay runs once over all documents, with --no-internal: src/ and susp/
as two directory arguments (so document ids are the file names), or with
--via jsonl one JSON Lines file built from them (id = file name; this
sidesteps hearsay's skipping of text files that contain NUL bytes, which
11 PAN files do).  Only
passages between a listed (suspicious, source) pair are kept; the rest are
counted and dropped.  Byte offsets are turned into character (code point)
offsets: the files are UTF-8 with no characters outside the BMP, so code
points and the UTF-16 units of the original Java tools agree.

Measures, per class and overall, as defined by Potthast, Stein,
Barron-Cedeno and Rosso, "An Evaluation Framework for Plagiarism
Detection" (COLING 2010), with the conventions of the PAN evaluation
script for empty sets:
  a case s and a detection r are sets of characters in the suspicious and
  the source document; r detects s iff they concern the same pair of
  documents and overlap in both documents.
  recall     = 1/|S| * sum_s |s ∩ (union of r detecting s)| / |s|
  precision  = 1/|R| * sum_r |r ∩ (union of s detected by r)| / |r|
  granularity= 1/|S_R| * sum_{s in S_R} |{r : r detects s}|,
               S_R = cases detected at least once (1 if S_R is empty)
  plagdet    = F1(precision, recall) / log2(1 + granularity)
  |S| = |R| = 0 gives precision = recall = 1; exactly one of them empty
  gives 0.  Class 01-no-plagiarism has no cases: its row reports the
  number of false-positive detections (and the pairs they fall in).
"""

import argparse
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict

CLASSES = ["01-no-plagiarism", "02-no-obfuscation", "03-random-obfuscation",
           "04-translation-obfuscation", "05-summary-obfuscation"]
CONT = re.compile(rb"[\x80-\xbf]")


def repo_root():
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def default_pan():
    shared = os.environ.get("HS_SHARED") or os.path.join(repo_root(), "..", "shared")
    return os.path.normpath(os.path.join(shared, "eval", "pan13-train"))


def half(pair):
    """The fixed development/held-out split: "dev" when the MD5 of
    "suspicious source" (the pair as listed) starts with an even hex digit
    (about half the pairs of every class), else "held"."""
    d = hashlib.md5(("%s %s" % pair).encode()).hexdigest()
    return "dev" if int(d[0], 16) % 2 == 0 else "held"


def read_pairs(path):
    pairs = []
    with open(path) as f:
        for line in f:
            p = line.split()
            if len(p) == 2:
                pairs.append((p[0], p[1]))
    return pairs


def read_cases(class_dir):
    cases = []
    for name in sorted(os.listdir(class_dir)):
        if not name.endswith(".xml"):
            continue
        root = ET.parse(os.path.join(class_dir, name)).getroot()
        susp = root.get("reference")
        for f in root.iter("feature"):
            if f.get("name") != "plagiarism" or not f.get("source_reference"):
                continue
            to, tl = int(f.get("this_offset")), int(f.get("this_length"))
            so, sl = int(f.get("source_offset")), int(f.get("source_length"))
            cases.append((susp, to, to + tl, f.get("source_reference"), so, so + sl))
    return cases


class CharMap:
    """Byte offset -> character offset, per document (cached)."""

    def __init__(self, pan):
        self.pan = pan
        self.cache = {}

    def data(self, sub, name):
        key = (sub, name)
        if key not in self.cache:
            with open(os.path.join(self.pan, sub, name), "rb") as f:
                self.cache[key] = f.read()
        return self.cache[key]

    def char(self, sub, name, b):
        d = self.data(sub, name)
        return b - len(CONT.findall(d, 0, b))


def ov(s1, e1, s2, e2):
    return max(0, min(e1, e2) - max(s1, s2))


def union_overlap(s, e, ivs):
    """Characters of [s, e) covered by the union of intervals ivs."""
    pts = sorted((max(s, a), min(e, b)) for a, b in ivs if min(e, b) > max(s, a))
    total, cs, ce = 0, None, None
    for a, b in pts:
        if ce is None or a > ce:
            if ce is not None:
                total += ce - cs
            cs, ce = a, b
        else:
            ce = max(ce, b)
    if ce is not None:
        total += ce - cs
    return total


def detects(r, s):
    return (r[0] == s[0] and r[3] == s[3] and ov(r[1], r[2], s[1], s[2]) > 0
            and ov(r[4], r[5], s[4], s[5]) > 0)


def macro_recall(cases, dets):
    """Mean over cases of the covered share of the case's characters
    (both documents).  Swapping the arguments gives precision."""
    if not cases and not dets:
        return 1.0
    if not cases or not dets:
        return 0.0
    by_pair = defaultdict(list)
    for r in dets:
        by_pair[(r[0], r[3])].append(r)
    total = 0.0
    for s in cases:
        rs = [r for r in by_pair.get((s[0], s[3]), ()) if detects(r, s)]
        size = (s[2] - s[1]) + (s[5] - s[4])
        if size <= 0 or not rs:
            continue
        hit = union_overlap(s[1], s[2], [(r[1], r[2]) for r in rs]) + \
            union_overlap(s[4], s[5], [(r[4], r[5]) for r in rs])
        total += hit / size
    return total / len(cases)


def granularity(cases, dets):
    by_pair = defaultdict(list)
    for r in dets:
        by_pair[(r[0], r[3])].append(r)
    counts = []
    for s in cases:
        n = sum(1 for r in by_pair.get((s[0], s[3]), ()) if detects(r, s))
        if n:
            counts.append(n)
    return sum(counts) / len(counts) if counts else 1.0


def plagdet(p, r, g):
    if p + r == 0:
        return 0.0
    return (2 * p * r / (p + r)) / math.log2(1 + g)


def measures(cases, dets):
    r = macro_recall(cases, dets)
    p = macro_recall(dets, cases)
    g = granularity(cases, dets)
    return {"cases": len(cases), "detections": len(dets), "precision": p, "recall": r,
            "granularity": g, "plagdet": plagdet(p, r, g)}


def write_jsonl(pan, path):
    """All documents as JSON Lines, id = file name, text = the file's text."""
    with open(path, "w", encoding="utf-8") as o:
        for sub in ("susp", "src"):
            for name in sorted(os.listdir(os.path.join(pan, sub))):
                with open(os.path.join(pan, sub, name), encoding="utf-8") as f:
                    o.write(json.dumps({"id": name, "text": f.read()}, ensure_ascii=False) + "\n")


def run_hearsay(args, out_path):
    if args.via == "jsonl":
        inputs = [os.path.join(os.path.dirname(out_path), "pan13.jsonl")]
        write_jsonl(args.pan, inputs[0])
    else:
        inputs = [os.path.join(args.pan, "src"), os.path.join(args.pan, "susp")]
    cmd = [args.hearsay, "reuse", "--format", "jsonl", "--no-internal"] + args.hearsay_opts + inputs
    print("pan13.py: running " + " ".join(cmd), file=sys.stderr)
    t0 = time.monotonic()
    with open(out_path, "wb") as out:
        rc = subprocess.call(cmd, stdout=out)
    secs = time.monotonic() - t0
    if rc != 0:
        sys.exit("pan13.py: hearsay exited with status %d" % rc)
    return secs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pan", default=default_pan(), help="PAN 2013 training corpus directory")
    ap.add_argument("--hearsay", default=os.environ.get("HEARSAY") or
                    os.path.join(repo_root(), "build", "hearsay"))
    ap.add_argument("--detections", help="use this hearsay JSONL output instead of running hearsay")
    ap.add_argument("--workdir", help="keep hearsay's output here (default: a temporary directory)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--via", choices=("dirs", "jsonl"), default="dirs",
                    help="give hearsay src/ and susp/ as directories (default), or one JSONL "
                         "file built from them (id = file name)")
    ap.add_argument("--split", choices=("all", "dev", "held"), default="all",
                    help="score only the development or the held-out half of the pairs "
                         "(fixed by a hash of the pair, see half())")
    ap.add_argument("hearsay_opts", nargs="*", help="extra options for hearsay reuse (after --)")
    args = ap.parse_args()

    if not os.path.isdir(args.pan):
        sys.exit("pan13.py: %s not found; set HS_SHARED or give --pan" % args.pan)
    secs = None
    tmp = None
    if args.detections:
        det_path = args.detections
    else:
        if not os.access(args.hearsay, os.X_OK):
            sys.exit("pan13.py: no hearsay binary at %s; run make or set HEARSAY" % args.hearsay)
        wd = args.workdir or tempfile.mkdtemp(prefix="hs-pan13-")
        tmp = None if args.workdir else wd
        os.makedirs(wd, exist_ok=True)
        det_path = os.path.join(wd, "hearsay.jsonl")
        secs = run_hearsay(args, det_path)

    pair_class = {}
    cases_by_class = {}
    for c in CLASSES:
        d = os.path.join(args.pan, c)
        for p in read_pairs(os.path.join(d, "pairs")):
            if args.split == "all" or half(p) == args.split:
                pair_class[p] = c
        cases_by_class[c] = [s for s in read_cases(d) if (s[0], s[3]) in pair_class]

    cm = CharMap(args.pan)
    dets_by_class = defaultdict(list)
    dropped = internal = passages = 0
    with open(det_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            p = json.loads(line)
            passages += 1
            a, b = p["a"], p["b"]
            ad, bd = os.path.basename(a["doc"]), os.path.basename(b["doc"])
            if ad == bd:
                internal += 1
                continue
            if ad.startswith("source") and bd.startswith("suspicious"):
                a, b, ad, bd = b, a, bd, ad
            c = pair_class.get((ad, bd))
            if c is None:
                dropped += 1
                continue
            r = (ad, cm.char("susp", ad, a["start"]), cm.char("susp", ad, a["end"]),
                 bd, cm.char("src", bd, b["start"]), cm.char("src", bd, b["end"]))
            dets_by_class[c].append(r)

    rows = []
    all_cases, all_dets = [], []
    for c in CLASSES:
        cases, dets = cases_by_class[c], dets_by_class[c]
        all_cases += cases
        all_dets += dets
        m = measures(cases, dets)
        m["class"] = c
        m["pairs"] = sum(1 for v in pair_class.values() if v == c)
        m["pairs_with_detections"] = len({(r[0], r[3]) for r in dets})
        rows.append(m)
    m = measures(all_cases, all_dets)
    m["class"] = "overall"
    m["pairs"] = len(pair_class)
    m["pairs_with_detections"] = len({(r[0], r[3]) for r in all_dets})
    rows.append(m)
    info = {"passages": passages, "outside_listed_pairs": dropped, "internal": internal,
            "hearsay_seconds": secs, "options": args.hearsay_opts}

    if args.json:
        print(json.dumps({"rows": rows, "info": info}))
    else:
        print("%-28s %6s %6s %6s %9s %7s %11s %8s" % ("class", "pairs", "cases", "dets",
                                                     "precision", "recall", "granularity", "plagdet"))
        for m in rows:
            if m["class"] == "01-no-plagiarism":
                print("%-28s %6d %6d %6d  false positives: %d detections in %d of %d pairs"
                      % (m["class"], m["pairs"], m["cases"], m["detections"], m["detections"],
                         m["pairs_with_detections"], m["pairs"]))
                continue
            print("%-28s %6d %6d %6d %9.4f %7.4f %11.4f %8.4f"
                  % (m["class"], m["pairs"], m["cases"], m["detections"], m["precision"],
                     m["recall"], m["granularity"], m["plagdet"]))
        print("hearsay passages: %d in all, %d between unlisted document pairs (dropped), %d internal"
              % (passages, dropped, internal)
              + ("; hearsay ran %.1f s" % secs if secs is not None else ""))
    if tmp:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
