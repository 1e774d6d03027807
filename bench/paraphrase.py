#!/usr/bin/env python3
"""Claim similarity on paraphrase corpora.

Scores every sentence pair of ../shared/eval/paraphrase/msrpc-train.txt and
paraphraser-ru-headlines.xml with `hearsay search --pairs` (the mean of the
two directions' normalized BM25 with hearsay's expansions) and reports:
  - ROC AUC over all pairs;
  - accuracy and F1 on the held-out part (pairs whose index is not a
    multiple of 3... see split()) at hearsay's default threshold, chosen
    on the tuning part (every third pair) as the threshold of best accuracy;
  - accuracy, precision, recall and F1 by 10-fold cross-validation of
    the threshold (fold = pair index mod 10; the threshold of best
    accuracy on nine folds decides the tenth; pooled over the folds);
  - MAP when each sentence is a query against all sentences of the corpus
    (`hearsay search --queries`), relevant = its labelled paraphrases.
Usage: bench/paraphrase.py PATH/TO/hearsay [SHARED_DIR]
"""
import json, os, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

HEARSAY = sys.argv[1] if len(sys.argv) > 1 else "build/hearsay"
SHARED = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
EVAL = os.path.join(SHARED, "eval", "paraphrase")
WITH_MAP = os.environ.get("PARAPHRASE_MAP", "1") != "0"
DEFAULT_THRESHOLD = 0.59  # HS_CLAIMS_SAME_THRESHOLD in include/hearsay.h


def clean(s):
    return s.replace("\t", " ").replace("\n", " ").strip()


def msrpc():
    pairs = []
    with open(os.path.join(EVAL, "msrpc-train.txt"), encoding="utf-8-sig") as f:
        next(f)
        for line in f:
            q, _, _, a, b = line.rstrip("\n").split("\t")
            pairs.append((clean(a), clean(b), int(q)))
    return pairs


def ru(strict_only=False):
    pairs = []
    root = ET.parse(os.path.join(EVAL, "paraphraser-ru-headlines.xml")).getroot()
    for p in root.iter("paraphrase"):
        v = {x.get("name"): (x.text or "") for x in p.iter("value")}
        cls = int(v["class"])
        if strict_only and cls == 0:
            continue
        pairs.append((clean(v["text_1"]), clean(v["text_2"]), 1 if cls >= 0 else 0))
    return pairs


def scores(pairs):
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as f:
        for a, b, _ in pairs:
            f.write(f"{a}\t{b}\n")
        name = f.name
    out = subprocess.run([HEARSAY, "search", "--pairs", name], check=True,
                         capture_output=True, text=True).stdout.splitlines()
    os.unlink(name)
    return [float(x.split("\t")[0]) for x in out]


def auc(s, y):
    pos = [a for a, l in zip(s, y) if l]
    neg = [a for a, l in zip(s, y) if not l]
    order = sorted([(v, 1) for v in pos] + [(v, 0) for v in neg])
    # rank-sum with ties averaged
    ranks, i = {}, 0
    rsum = 0.0
    while i < len(order):
        j = i
        while j < len(order) and order[j][0] == order[i][0]:
            j += 1
        r = (i + j + 1) / 2
        rsum += r * sum(1 for k in range(i, j) if order[k][1])
        i = j
    return (rsum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def acc_f1(s, y, t):
    tp = sum(1 for a, l in zip(s, y) if a >= t and l)
    fp = sum(1 for a, l in zip(s, y) if a >= t and not l)
    fn = sum(1 for a, l in zip(s, y) if a < t and l)
    tn = len(y) - tp - fp - fn
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return (tp + tn) / len(y), f1


def best_threshold(s, y):
    cands = sorted(set(round(x, 3) for x in s))
    return max(cands, key=lambda t: acc_f1(s, y, t)[0])


def cross_validate(s, y, k=10):
    """Pooled accuracy, precision, recall, F1 and the thresholds chosen."""
    tp = fp = fn = tn = 0
    ts = []
    for fold in range(k):
        tr = [i for i in range(len(y)) if i % k != fold]
        te = [i for i in range(len(y)) if i % k == fold]
        t = best_threshold([s[i] for i in tr], [y[i] for i in tr])
        ts.append(t)
        for i in te:
            p = s[i] >= t
            tp += p and y[i]
            fp += p and not y[i]
            fn += (not p) and y[i]
            tn += (not p) and not y[i]
    acc = (tp + tn) / len(y)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return acc, prec, rec, f1, ts


def mean_ap(pairs, limit_queries=1000):
    sents, idx = [], {}
    for a, b, _ in pairs:
        for x in (a, b):
            if x not in idx:
                idx[x] = len(sents)
                sents.append(x)
    rel = {}
    for a, b, l in pairs:
        if l:
            rel.setdefault(idx[a], set()).add(idx[b])
            rel.setdefault(idx[b], set()).add(idx[a])
    queries = sorted(rel)[:limit_queries]
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "s.jsonl"), "w", encoding="utf-8") as f:
            for i, x in enumerate(sents):
                f.write(json.dumps({"id": str(i), "text": x}, ensure_ascii=False) + "\n")
        with open(os.path.join(d, "q.txt"), "w", encoding="utf-8") as f:
            for q in queries:
                f.write(sents[q] + "\n")
        out = subprocess.run([HEARSAY, "search", os.path.join(d, "s.jsonl"),
                              "--queries", os.path.join(d, "q.txt"),
                              "--limit", "100", "--min-score", "0"],
                             check=True, capture_output=True, text=True).stdout
    ranked = {}
    for line in out.splitlines():
        h = json.loads(line)
        ranked.setdefault(h["query"] - 1, []).append(int(h["doc"]))
    aps = []
    for qi, q in enumerate(queries):
        hits = [d for d in ranked.get(qi, []) if d != q]
        got, ap = 0, 0.0
        for r, d in enumerate(hits, 1):
            if d in rel[q]:
                got += 1
                ap += got / r
        aps.append(ap / len(rel[q]))
    return sum(aps) / len(aps), len(queries)


def report(name, pairs, threshold=None):
    s = scores(pairs)
    y = [l for _, _, l in pairs]
    tune = [i for i in range(len(y)) if i % 3 == 0]
    test = [i for i in range(len(y)) if i % 3 != 0]
    ts, ty = [s[i] for i in tune], [y[i] for i in tune]
    hs, hy = [s[i] for i in test], [y[i] for i in test]
    t = best_threshold(ts, ty) if threshold is None else threshold
    acc, f1 = acc_f1(hs, hy, t)
    base_acc, base_f1 = acc_f1(hs, hy, -1)
    cva, cvp, cvr, cvf, cvt = cross_validate(s, y)
    m, nq = mean_ap(pairs) if WITH_MAP else (float("nan"), 0)
    print(f"{name}: {len(pairs)} pairs, {sum(y)} paraphrases")
    print(f"  ROC AUC (all pairs)            {auc(s, y):.3f}")
    print(f"  threshold (best on tuning 1/3) {t:.3f}")
    print(f"  held-out 2/3: accuracy {acc:.3f}  F1 {f1:.3f}   "
          f"(always 'paraphrase': accuracy {base_acc:.3f}  F1 {base_f1:.3f})")
    if threshold is None and DEFAULT_THRESHOLD is not None:
        a2, f2 = acc_f1(hs, hy, DEFAULT_THRESHOLD)
        print(f"  held-out at hearsay's default threshold {DEFAULT_THRESHOLD}: "
              f"accuracy {a2:.3f}  F1 {f2:.3f}")
    print(f"  10-fold CV of the threshold: accuracy {cva:.3f}  precision {cvp:.3f}  "
          f"recall {cvr:.3f}  F1 {cvf:.3f}  (thresholds {min(cvt):.3f}..{max(cvt):.3f})")
    print(f"  MAP, each sentence a query against all ({nq} queries) {m:.3f}")


def main():
    if not os.path.isdir(EVAL):
        print(f"skipped: {EVAL} is absent")
        return 0
    report("MSRPC train", msrpc())
    report("paraphraser.ru headlines (loose+strict vs non)", ru())
    report("paraphraser.ru headlines (strict vs non)", ru(strict_only=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
