#!/usr/bin/env python3
"""Synthetic news corpora of any size, built from the shared real corpora,
and the table of the scaling benchmark (bench/scale.sh).

    scale.py gen --docs N --seed S --out FILE.jsonl [--corpora DIR]
    scale.py stats FILE.jsonl            -> "docs bytes" (bytes of text)
    scale.py row LABEL DOCS BYTES THREADS PASSAGES TIME_FILE...  -> JSON row
    scale.py table ROWS.jsonl            -> Markdown table and growth ratios

gen reads every *.jsonl.gz of --corpora (default ../shared/corpora from the
repository root), in name order, and writes N documents, one JSON line each,
as it makes them (the output is never held in memory).  For each output
document, with a random generator seeded by S:

  1. with probability 0.05, and once at least one document was written, it
     is an exact reprint (same text, series, date, title) of an earlier
     output document, drawn uniformly from a reservoir sample of up to 5,000
     of the documents written so far; steps 2-3 are skipped;
  2. otherwise a source document is drawn uniformly from all sources (with
     replacement); with probability 0.7 the text is replaced by a composite:
     1-3 source documents (the first one and 0-2 more drawn uniformly), and
     from each a contiguous run of its paragraphs, of random length and
     start (at least one paragraph), joined by blank lines.  Paragraphs are
     split at blank lines and at a line break followed by indentation
     (Reuters' paragraph mark);
  3. a substitution rate r is drawn uniformly in [0.01, 0.05] and
     round(r * words) randomly chosen words (white-space-separated tokens;
     at least one for a non-empty text) are replaced by words drawn from the
     vocabulary of the first source document's corpus (every token of up to
     3,000 randomly chosen documents of that corpus, so drawn by frequency).

Each document gets the id "scale-NNNNNNN" (its position), the series, date
and title of its first source, and an "origin" field saying how it was made
("copy SRC", "composite SRC+SRC", "reprint scale-NNNNNNN").  The output is
the same for the same seed, corpora and N.
"""

import argparse
import glob
import gzip
import json
import os
import random
import re
import statistics
import sys

PARA_SPLIT = re.compile(r"\n[ \t]*\n|\n(?=[ \t]{2,}\S)")
REPRINT_P = 0.05
COMPOSITE_P = 0.7
RESERVOIR = 5000
VOCAB_DOCS = 3000


def load_sources(corpdir):
    paths = sorted(glob.glob(os.path.join(corpdir, "*.jsonl.gz")))
    if not paths:
        sys.exit("scale.py: no *.jsonl.gz in %s" % corpdir)
    docs = []  # (corpus index, id, series, date, title, text)
    for ci, p in enumerate(paths):
        with gzip.open(p, "rt", encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                d = json.loads(line)
                t = d.get("text")
                if not isinstance(t, str) or not t.strip():
                    continue
                docs.append((ci, str(d.get("id", "")), d.get("series"), d.get("date"),
                             d.get("title"), t))
    return paths, docs


def build_vocab(rng, docs, ncorpora):
    by_corpus = [[] for _ in range(ncorpora)]
    for i, d in enumerate(docs):
        by_corpus[d[0]].append(i)
    vocab = []
    for idx in by_corpus:
        pick = idx if len(idx) <= VOCAB_DOCS else rng.sample(idx, VOCAB_DOCS)
        words = []
        for i in pick:
            words.extend(docs[i][5].split())
        vocab.append(words or ["x"])
    return vocab


def paragraphs(text):
    ps = [p for p in PARA_SPLIT.split(text) if p.strip()]
    return ps or [text]


def substitute(rng, text, vocab):
    toks = re.split(r"(\s+)", text)
    words = [i for i, t in enumerate(toks) if t and not t.isspace()]
    if not words:
        return text
    rate = rng.uniform(0.01, 0.05)
    k = max(1, round(rate * len(words)))
    for i in rng.sample(words, min(k, len(words))):
        toks[i] = rng.choice(vocab)
    return "".join(toks)


def cmd_gen(args):
    rng = random.Random(args.seed)
    paths, docs = load_sources(args.corpora)
    vocab = build_vocab(rng, docs, len(paths))
    print("scale.py: %d source documents from %d corpora" % (len(docs), len(paths)),
          file=sys.stderr)
    reservoir = []  # (series, date, title, text, id) of earlier output
    counts = {"copy": 0, "composite": 0, "reprint": 0}
    nbytes = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for n in range(args.docs):
            oid = "scale-%07d" % n
            if reservoir and rng.random() < REPRINT_P:
                series, date, title, text, rid = rng.choice(reservoir)
                origin = "reprint " + rid
                counts["reprint"] += 1
            else:
                src = docs[rng.randrange(len(docs))]
                series, date, title = src[2], src[3], src[4]
                if rng.random() < COMPOSITE_P:
                    parts = [src] + [docs[rng.randrange(len(docs))]
                                     for _ in range(rng.randint(0, 2))]
                    chunks = []
                    for p in parts:
                        ps = paragraphs(p[5])
                        ln = rng.randint(1, len(ps))
                        st = rng.randint(0, len(ps) - ln)
                        chunks.extend(ps[st:st + ln])
                    text = "\n\n".join(c.strip("\n") for c in chunks)
                    origin = "composite " + "+".join(p[1] for p in parts)
                    counts["composite"] += 1
                else:
                    text = src[5]
                    origin = "copy " + src[1]
                    counts["copy"] += 1
                text = substitute(rng, text, vocab[src[0]])
            rec = {"id": oid, "series": series, "date": date, "title": title,
                   "text": text, "origin": origin}
            rec = {k: v for k, v in rec.items() if v is not None}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            nbytes += len(text.encode("utf-8"))
            item = (series, date, title, text, oid)
            if len(reservoir) < RESERVOIR:
                reservoir.append(item)
            else:
                j = rng.randrange(n + 1)
                if j < RESERVOIR:
                    reservoir[j] = item
    print("scale.py: wrote %d documents (%d copies, %d composites, %d reprints), "
          "%.1f MB of text, to %s" % (args.docs, counts["copy"], counts["composite"],
                                      counts["reprint"], nbytes / 1e6, args.out),
          file=sys.stderr)


def cmd_stats(args):
    n = b = 0
    with open(args.file, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                b += len(json.loads(line)["text"].encode("utf-8"))
                n += 1
    print(n, b)


def parse_time(path):
    """wall s, cpu s, peak RSS KiB from a GNU time -v report."""
    wall = cpu = rss = 0.0
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("User time") or line.startswith("System time"):
                cpu += float(line.rsplit(":", 1)[1])
            elif line.startswith("Maximum resident set size"):
                rss = float(line.rsplit(":", 1)[1])
            elif line.startswith("Elapsed (wall clock)"):
                v = line.split("): ", 1)[1].split(":")
                s = 0.0
                for x in v:
                    s = s * 60 + float(x)
                wall = s
    return wall, cpu, rss


def cmd_row(args):
    runs = [parse_time(p) for p in args.time_files]
    passages = 0
    if os.path.exists(args.passages):
        with open(args.passages, "rb") as f:
            passages = sum(1 for _ in f)
    row = {"tool": args.label, "docs": int(args.docs), "bytes": int(args.bytes),
           "threads": args.threads, "runs": len(runs),
           "wall": statistics.median(r[0] for r in runs),
           "cpu": statistics.median(r[1] for r in runs),
           "rss_mib": max(r[2] for r in runs) / 1024.0,
           "passages": passages}
    print(json.dumps(row))


def cmd_table(args):
    rows = [json.loads(l) for l in open(args.rows) if l.strip()]
    print("| tool | docs | MB | threads | runs | seconds | cpu s | MB/s | docs/s "
          "| peak RSS MB | RSS/MB | passages |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        mb = r["bytes"] / 1e6
        w = max(r["wall"], 1e-9)
        print("| %s | %d | %.1f | %s | %d | %.2f | %.2f | %.1f | %.0f | %.0f | %.2f | %d |" % (
            r["tool"], r["docs"], mb, r["threads"], r["runs"], r["wall"], r["cpu"],
            mb / w, r["docs"] / w, r["rss_mib"], r["rss_mib"] / mb, r["passages"]))
    print()
    print("Growth from one size to the next (ratio of seconds and of peak RSS, "
          "divided by the ratio of MB; 1.00 = linear):")
    print()
    groups = {}
    for r in rows:
        groups.setdefault((r["tool"], r["threads"]), []).append(r)
    for (tool, th), rs in groups.items():
        rs.sort(key=lambda r: r["docs"])
        for a, b in zip(rs, rs[1:]):
            dr = b["docs"] / a["docs"]
            mr = b["bytes"] / a["bytes"]
            tr = b["wall"] / max(a["wall"], 1e-9)
            rr = b["rss_mib"] / max(a["rss_mib"], 1e-9)
            pr = b["passages"] / max(a["passages"], 1)
            print("- %s, %s threads, %d -> %d docs (x%.1f docs, x%.2f MB): time x%.2f "
                  "(%.2f of linear), peak RSS x%.2f (%.2f of linear), passages x%.2f" % (
                      tool, th, a["docs"], b["docs"], dr, mr, tr, tr / mr, rr, rr / mr, pr))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("gen")
    g.add_argument("--docs", type=int, required=True)
    g.add_argument("--seed", type=int, default=1)
    g.add_argument("--out", required=True)
    g.add_argument("--corpora", default=os.path.join(
        os.environ.get("HS_SHARED", os.path.join(here, "..", "..", "shared")), "corpora"))
    s = sub.add_parser("stats")
    s.add_argument("file")
    r = sub.add_parser("row")
    r.add_argument("label")
    r.add_argument("docs")
    r.add_argument("bytes")
    r.add_argument("threads")
    r.add_argument("passages")
    r.add_argument("time_files", nargs="+")
    t = sub.add_parser("table")
    t.add_argument("rows")
    args = ap.parse_args()
    {"gen": cmd_gen, "stats": cmd_stats, "row": cmd_row, "table": cmd_table}[args.cmd](args)


if __name__ == "__main__":
    main()
