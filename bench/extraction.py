#!/usr/bin/env python3
"""Article-body extraction benchmark for `hearsay extract`.

Runs `hearsay extract` over the pages of the article-extraction benchmark
(181 news pages, html/<id>.html.gz, and ground-truth.json mapping id to
{url, articleBody}) and scores it the way the benchmark does: per page,
truth and prediction are split into \\w+ tokens, word 4-gram shingles are
counted as multisets; TP = shared shingles, FP = extra predicted ones,
FN = missing ones; the three are normalized to sum 1 per page (pages where
both are empty are skipped) and summed over pages; precision, recall and
F1 come from the sums.  The title line hearsay puts first in its text is
dropped before scoring (the benchmark's articleBody holds the body only;
the title is reported separately).

Usage: python3 bench/extraction.py [--hearsay PATH] [--data DIR]
                                   [--worst N] [--out FILE]
Defaults: build/hearsay and ../shared/eval/article-extraction relative to
the repository root.  Python 3 standard library only.
"""
import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter

PUBLISHED = [
    ("trafilatura 2.0.0", 0.958),
    ("go-trafilatura", 0.960),
    ("Readability.js", 0.947),
    ("readability-lxml", 0.922),
    ("goose3", 0.896),
    ("jusText", 0.804),
]

TOKEN = re.compile(r"\w+")


def shingles(text, n=4):
    words = TOKEN.findall(text or "")
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def page_scores(truth, pred):
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return None
    return tp / total, fp / total, fn / total


def body_of(rec):
    text = rec.get("text") or ""
    title = rec.get("title")
    if title and text.startswith(title):
        text = text[len(title):].lstrip("\n")
    return text


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--hearsay", default=os.path.join(root, "build", "hearsay"))
    ap.add_argument("--data", default=os.path.join(
        root, "..", "shared", "eval", "article-extraction"))
    ap.add_argument("--worst", type=int, default=0,
                    help="list the N pages with the lowest F1")
    ap.add_argument("--out", help="write per-page scores (JSON Lines) here")
    args = ap.parse_args()

    truth_path = os.path.join(args.data, "ground-truth.json")
    if not os.path.exists(truth_path):
        print("benchmark data not found at %s; skipped" % args.data)
        return 77
    with open(truth_path, encoding="utf-8") as f:
        truth = json.load(f)

    with tempfile.TemporaryDirectory() as tmp:
        pages = os.path.join(tmp, "pages")
        os.mkdir(pages)
        for pid in truth:
            src = os.path.join(args.data, "html", pid + ".html.gz")
            with gzip.open(src, "rb") as fi, \
                    open(os.path.join(pages, pid + ".html"), "wb") as fo:
                fo.write(fi.read())
        t0 = time.monotonic()
        res = subprocess.run([args.hearsay, "extract", "-q", pages],
                             stdout=subprocess.PIPE, check=False)
        elapsed = time.monotonic() - t0
        if res.returncode != 0:
            print("hearsay extract failed with exit code %d" % res.returncode)
            return 1
    pred = {}
    for line in res.stdout.decode("utf-8").splitlines():
        rec = json.loads(line)
        pred[rec["id"][:-len(".html")]] = body_of(rec)

    stp = sfp = sfn = 0.0
    rows = []
    for pid, t in truth.items():
        s = page_scores(t.get("articleBody", ""), pred.get(pid, ""))
        if s is None:
            continue
        tp, fp, fn = s
        stp, sfp, sfn = stp + tp, sfp + fp, sfn + fn
        p1 = tp / (tp + fp) if tp + fp else 0.0
        r1 = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p1 * r1 / (p1 + r1) if p1 + r1 else 0.0
        rows.append({"id": pid, "url": t.get("url"), "precision": p1,
                     "recall": r1, "f1": f1})
    precision = stp / (stp + sfp) if stp + sfp else 0.0
    recall = stp / (stp + sfn) if stp + sfn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall \
        else 0.0

    print("%-20s %9s %9s %9s" % ("extractor", "precision", "recall", "F1"))
    print("%-20s %9.3f %9.3f %9.3f   (this build, %d pages)" % (
        "hearsay", precision, recall, f1, len(rows)))
    for name, pf1 in PUBLISHED:
        print("%-20s %9s %9s %9.3f   (published)" % (name, "", "", pf1))
    print("speed: %d pages in %.2f s = %.0f pages/s (one process, "
          "including start-up)" % (len(truth), elapsed,
                                    len(truth) / elapsed if elapsed else 0))
    if args.worst:
        print("\nworst pages:")
        for r in sorted(rows, key=lambda r: r["f1"])[:args.worst]:
            print("  %.3f  p=%.3f r=%.3f  %s  %s" % (
                r["f1"], r["precision"], r["recall"], r["id"][:12], r["url"]))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
