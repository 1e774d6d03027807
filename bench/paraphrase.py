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
import json, math, os, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

FIT = "--fit" in sys.argv
ARGS = [a for a in sys.argv if a != "--fit"]
HEARSAY = ARGS[1] if len(ARGS) > 1 else "build/hearsay"
SHARED = ARGS[2] if len(ARGS) > 2 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
EVAL = os.path.join(SHARED, "eval", "paraphrase")
WITH_MAP = os.environ.get("PARAPHRASE_MAP", "1") != "0"
WITH_MODEL = os.environ.get("PARAPHRASE_MODEL", "1") != "0"
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


def features(pairs):
    """The comparison's features per pair (`search --pairs --format jsonl`)."""
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as f:
        for a, b, _ in pairs:
            f.write(f"{a}\t{b}\n")
        name = f.name
    out = subprocess.run([HEARSAY, "search", "--pairs", name, "--format", "jsonl"],
                         check=True, capture_output=True, text=True).stdout.splitlines()
    os.unlink(name)
    rows = [json.loads(x) for x in out]
    names = list(rows[0]["features"])
    return names, [[r["features"][k] for k in names] for r in rows]


def solve(a, b):
    """Solve a x = b (Gaussian elimination with partial pivoting)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit_logistic(x, y, l2=10.0, iters=25, fixed=None):
    """L2-regularized logistic regression by Newton's method on
    standardized features; returns weights for the raw features,
    intercept first.  fixed: {feature index: weight} set beforehand, not
    fitted (an offset in the fit)."""
    fixed = fixed or {}
    d = len(x[0])
    free = [j for j in range(d) if j not in fixed]
    off = [sum(v * r[j] for j, v in fixed.items()) for r in x]
    mu = [sum(r[j] for r in x) / len(x) for j in free]
    sd = [max(1e-9, (sum((r[j] - m) ** 2 for r in x) / len(x)) ** 0.5) for j, m in zip(free, mu)]
    z = [[1.0] + [(r[j] - m) / s_ for j, m, s_ in zip(free, mu, sd)] for r in x]
    n = len(free)
    w = [0.0] * (n + 1)
    for _ in range(iters):
        g = [0.0] * (n + 1)
        h = [[0.0] * (n + 1) for _ in range(n + 1)]
        for r, t, o in zip(z, y, off):
            e = o + sum(a * b for a, b in zip(w, r))
            p = 1 / (1 + math.exp(-max(-30, min(30, e))))
            q = p * (1 - p)
            for i in range(n + 1):
                g[i] += (p - t) * r[i]
                ri = q * r[i]
                hi = h[i]
                for k in range(i, n + 1):
                    hi[k] += ri * r[k]
        for i in range(n + 1):
            for k in range(i):
                h[i][k] = h[k][i]
            if i:
                g[i] += l2 * w[i]
                h[i][i] += l2
        step = solve(h, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(v) for v in step) < 1e-6:
            break
    raw = [0.0] * (d + 1)
    raw[0] = w[0] - sum(w[k + 1] * m / s_ for k, (m, s_) in enumerate(zip(mu, sd)))
    for k, j in enumerate(free):
        raw[j + 1] = w[k + 1] / sd[k]
    for j, v in fixed.items():
        raw[j + 1] = v
    return raw


def predict(w, x):
    out = []
    for r in x:
        e = w[0] + sum(a * b for a, b in zip(w[1:], r))
        out.append(1 / (1 + math.exp(-max(-30, min(30, e)))))
    return out


def confusion_scores(tp, fp, fn, tn):
    """Accuracy, precision, recall and F1 of a confusion matrix."""
    acc = (tp + tn) / (tp + fp + fn + tn)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return acc, prec, rec, f1


def cross_validate_model(x, y, k=10):
    """Nested 10-fold CV: in each fold the weights AND the threshold are
    fitted on the nine other folds."""
    tp = fp = fn = tn = 0
    for fold in range(k):
        tr = [i for i in range(len(y)) if i % k != fold]
        te = [i for i in range(len(y)) if i % k == fold]
        w = fit_logistic([x[i] for i in tr], [y[i] for i in tr])
        ptr = predict(w, [x[i] for i in tr])
        t = best_threshold(ptr, [y[i] for i in tr])
        for i, p in zip(te, predict(w, [x[i] for i in te])):
            p = p >= t
            tp += p and y[i]
            fp += p and not y[i]
            fn += (not p) and y[i]
            tn += (not p) and not y[i]
    return confusion_scores(tp, fp, fn, tn)


def fit_table(pairs):
    """Weights fitted on all pairs, the intercept moved so that the best
    threshold falls at hearsay's default (the table of similarity.c)."""
    names, x = features(pairs)
    y = [l for _, _, l in pairs]
    w = fit_logistic(x, y)
    t = best_threshold(predict(w, x), y)
    t = min(max(t, 1e-6), 1 - 1e-6)
    logit = lambda p: math.log(p / (1 - p))
    w[0] += logit(DEFAULT_THRESHOLD) - logit(t)
    print(f"/* fitted on {len(y)} pairs; best threshold {t:.3f} moved to {DEFAULT_THRESHOLD} */")
    print("static const double weights[HS_CLAIM_NFEATURES + 1] = {")
    print(f"    {w[0]:.4f}, /* intercept */")
    for n, v in zip(names, w[1:]):
        print(f"    {v:.4f}, /* {n} */")
    print("};")


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
    return confusion_scores(tp, fp, fn, tn) + (ts,)


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
    if WITH_MODEL:
        _, x = features(pairs)
        ma, mp, mr, mf = cross_validate_model(x, y)
        print(f"  10-fold CV of the weights and threshold (model fitted inside each fold): "
              f"accuracy {ma:.3f}  precision {mp:.3f}  recall {mr:.3f}  F1 {mf:.3f}")
    if WITH_MAP:
        print(f"  MAP, each sentence a query against all ({nq} queries) {m:.3f}")


def main():
    if not os.path.isdir(EVAL):
        print(f"skipped: {EVAL} is absent")
        return 0
    if FIT:
        fit_table(msrpc())
        return 0
    report("MSRPC train", msrpc())
    report("paraphraser.ru headlines (loose+strict vs non)", ru())
    report("paraphraser.ru headlines (strict vs non)", ru(strict_only=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
