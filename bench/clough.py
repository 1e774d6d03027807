#!/usr/bin/env python3
"""Claim similarity on the Clough-Stevenson corpus of plagiarised short
answers (../shared/eval/clough-stevenson): each of the 95 answers is
compared with the Wikipedia original of its task, and a good measure ranks
them cut > light > heavy > non (copied, lightly edited, heavily rewritten,
written independently).

Two scores per answer, both from `hearsay search --pairs` (one call; the
collection whose idf weighs the words is every text of the pairs file):
  - doc:  the claim similarity of the whole answer and the whole original;
  - sent: every answer sentence against every sentence of the original,
          the best match per answer sentence, averaged over the answer.
Reported per score: the mean per category, Spearman's rho with the order
cut=3, light=2, heavy=1, non=0, and the share of answer pairs from two
different categories that the score orders as the categories are
(ties count one half).  Nothing is fitted here.
Usage: bench/clough.py PATH/TO/hearsay [SHARED_DIR]
"""
import csv, os, re, subprocess, sys, tempfile

HEARSAY = sys.argv[1] if len(sys.argv) > 1 else "build/hearsay"
SHARED = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
DIR = os.path.join(SHARED, "eval", "clough-stevenson")
LEVEL = {"cut": 3, "light": 2, "heavy": 1, "non": 0}


def read(name):
    with open(os.path.join(DIR, name), encoding="utf-8", errors="replace") as f:
        return f.read()


def flat(s):
    return re.sub(r"\s+", " ", s).strip()


def sentences(s):
    out = [flat(x) for x in re.split(r"(?<=[.!?])\s+|\n\s*\n", s)]
    return [x for x in out if len(x.split()) >= 3]


def ranks(v):
    order = sorted(range(len(v)), key=lambda i: v[i])
    r = [0.0] * len(v)
    i = 0
    while i < len(v):
        j = i
        while j < len(v) and v[order[j]] == v[order[i]]:
            j += 1
        for k in range(i, j):
            r[order[k]] = (i + j - 1) / 2
        i = j
    return r


def spearman(x, y):
    rx, ry = ranks(x), ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    num = sum((a - mx) * (b - my) for a, b in zip(rx, ry))
    den = (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    return num / den if den else 0.0


def concordance(s, y):
    good = total = 0.0
    for i in range(len(s)):
        for j in range(len(s)):
            if y[i] > y[j]:
                total += 1
                good += 1 if s[i] > s[j] else 0.5 if s[i] == s[j] else 0
    return good / total


def main():
    if not os.path.isdir(DIR):
        print(f"skipped: {DIR} is absent")
        return 0
    with open(os.path.join(DIR, "file_information.csv"), encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["Category"] in LEVEL]
    lines, index = [], []  # index: (answer, "doc" | "sent", answer sentence)
    for n, r in enumerate(rows):
        ans, orig = read(r["File"]), read(f"orig_task{r['Task']}.txt")
        lines.append(f"{flat(ans)}\t{flat(orig)}")
        index.append((n, "doc", 0))
        for k, s in enumerate(sentences(ans)):
            for o in sentences(orig):
                lines.append(f"{s}\t{o}")
                index.append((n, "sent", k))
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
        name = f.name
    out = subprocess.run([HEARSAY, "search", "--pairs", name], check=True,
                         capture_output=True, text=True).stdout.splitlines()
    os.unlink(name)
    doc = [0.0] * len(rows)
    best = {}
    for (n, kind, k), line in zip(index, out):
        v = float(line.split("\t")[0])
        if kind == "doc":
            doc[n] = v
        else:
            best[(n, k)] = max(best.get((n, k), 0.0), v)
    sent = []
    for n in range(len(rows)):
        v = [x for (m, _), x in best.items() if m == n]
        sent.append(sum(v) / len(v) if v else 0.0)
    y = [LEVEL[r["Category"]] for r in rows]
    print(f"Clough-Stevenson: {len(rows)} answers ({len(lines)} pairs scored)")
    for label, s in (("doc ", doc), ("sent", sent)):
        means = " ".join(f"{c} {sum(v for v, l in zip(s, y) if l == LEVEL[c]) / y.count(LEVEL[c]):.3f}"
                         for c in ("cut", "light", "heavy", "non"))
        print(f"  {label}: mean {means}   Spearman {spearman(s, y):.3f}   "
              f"ordered pairs {concordance(s, y):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
