#!/usr/bin/env python3
"""Synthetic news corpora of any size, built from the shared real corpora,
and the table of the scaling benchmark (bench/scale.sh).

    scale.py gen --docs N --seed S --out FILE.jsonl [--corpora DIR]
    scale.py stats FILE.jsonl            -> "docs bytes" (bytes of text)
    scale.py check FILE.jsonl [--limit 20000]  -> how much fresh documents
                                            share; parent draws per document
    scale.py row [--config C] [--same MATCH|DIFFER] [--group G] LABEL DOCS
                 BYTES THREADS PASSAGES TIME_FILE...   -> JSON row
    scale.py table ROWS.jsonl            -> Markdown table and growth ratios

gen makes a corpus whose reuse per document does not depend on N, as in a
real archive where each article copies from a few recent ones.  It reads
every *.jsonl.gz of --corpora (default ../shared/corpora from the
repository root) in name order and keeps, per document with a non-empty
text, its corpus, id, series, date, title and words per paragraph
(paragraphs split at blank lines and at a line break followed by
indentation).  Per corpus it builds a fresh-text model from random
documents totalling at most MODEL_TOKENS white-space tokens (tokens with
more than MAX_PARTS letter/digit runs, URLs and addresses, left out): the
tokens end to end and, per distinct token, where it occurs.  Then, with one
random generator seeded by S, for each output document:

  1. a source is drawn uniformly from all sources: it picks the corpus
     (language) and gives the series;
  2. fresh (P_FRESH = 0.55, or while the corpus's window is empty): text
     with the source's paragraph lengths, from the model by "dissociated
     press" (babble below: runs of RUN_MIN..RUN_MAX model tokens, joined
     by jumps to another occurrence of the run's last token), so it shares
     no long run with the sources or other fresh documents; the source's
     date and title;
  3. otherwise a parent is drawn uniformly from the corpus's window, its
     documents among the last WINDOW = 2000 written (the news cycle: the
     corpus's share of 2000, its last that many documents), and the
     document gets the parent's date and title.  The draw is over the
     window's full length; one past the documents written so far (while
     the window fills) makes the document fresh instead (a composite's
     extra parent is then left out), so early documents are not parents
     more often than later ones:
       reprint (P_REPRINT = 0.15): the parent's text;
       edited (P_EDITED = 0.15): the parent's first k paragraphs, k
         uniform in [ceil(n/2), n], with probability 0.5 after a fresh
         lead paragraph, then substitutions;
       composite (the remaining 0.15): a run of paragraphs from each of
         2-3 window documents, each run followed with probability 0.5 by
         a fresh paragraph, then substitutions;
     substitutions replace round(r * words) words, r uniform in
     [0.01, 0.05], by tokens drawn at their frequency from the model.

Each document is thus drawn as a parent 0.675 times on average for any N
(below 1, so chains of copies die out), and the passages grow linearly.
Ids are "scale-NNNNNNN"; an "origin" field says how each document was made
("fresh SRC", "reprint P", "edited P", "composite P+P").  The output is
written as it is made (only the windows are held), is the same for the
same seed, corpora and N, and the corpus of N documents is a prefix of
the corpus of M > N documents with the same seed.
"""

import argparse
from array import array
from collections import deque
import glob
import gzip
import json
import os
import random
import re
import statistics
import sys

PARA_SPLIT = re.compile(r"\n[ \t]*\n|\n(?=[ \t]{2,}\S)")
SENT_END = (".", "!", "?", "\u061f", "\u06d4")   # Latin, Arabic ? and full stop
P_FRESH, P_REPRINT, P_EDITED = 0.55, 0.15, 0.15   # the rest (0.15): composite
WINDOW = 2000          # news cycle: the recent documents (all corpora) copies draw on
MODEL_TOKENS = 3000000  # most tokens per corpus in the fresh-text model
RUN_MIN, RUN_MAX = 2, 5  # tokens copied from the model text between jumps
MAX_PARTS = 2          # model tokens have at most this many letter/digit runs
WORD_RUN = re.compile(r"\w+")
JUMP_TRIES = 4


def paragraphs(text):
    ps = [p for p in PARA_SPLIT.split(text) if p.strip()]
    return ps or [text]


def read_corpus(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            t = d.get("text")
            if isinstance(t, str) and t.strip():
                yield d, t


def load_sources(corpdir, rng):
    """Metadata and paragraph lengths of every source, and one fresh-text
    model per corpus (a sample of at most MODEL_TOKENS of its tokens)."""
    paths = sorted(glob.glob(os.path.join(corpdir, "*.jsonl.gz")))
    if not paths:
        sys.exit("scale.py: no *.jsonl.gz in %s" % corpdir)
    srcs = []    # (corpus, id, series, date, title, paragraph word counts)
    models = []
    for ci, p in enumerate(paths):
        first = len(srcs)
        ntok = []
        for d, t in read_corpus(p):
            plen = tuple(len(x.split()) for x in paragraphs(t))
            srcs.append((ci, str(d.get("id", "")), d.get("series"), d.get("date"),
                         d.get("title"), plen))
            ntok.append(sum(plen))
        order = list(range(len(ntok)))
        rng.shuffle(order)
        take, total = set(), 0
        for i in order:
            if total >= MODEL_TOKENS:
                break
            take.add(i)
            total += ntok[i]
        models.append(build_model(read_corpus(p), take))
        print("scale.py: %s: %d documents, model of %d tokens, %d words" % (
            os.path.basename(p), len(srcs) - first, len(models[-1][1]),
            len(models[-1][0])), file=sys.stderr)
    return paths, srcs, models


def build_model(docs, take):
    """(words, toks, occ, starts): the distinct words; the sampled documents'
    tokens as word ids, end to end; per word id the positions where it
    occurs; the positions that start a sentence."""
    ids, words = {}, []
    toks, starts = array("I"), array("I")
    for i, (_, t) in enumerate(docs):
        if i not in take:
            continue
        starts.append(len(toks))
        prev_end = False
        for w in t.split():
            if len(WORD_RUN.findall(w)) > MAX_PARTS:
                continue
            k = ids.get(w)
            if k is None:
                k = ids[w] = len(words)
                words.append(w)
            if prev_end:
                starts.append(len(toks))
            toks.append(k)
            prev_end = w.endswith(SENT_END)
    occ = [None] * len(words)
    for pos, k in enumerate(toks):
        a = occ[k]
        if a is None:
            occ[k] = a = array("I")
        a.append(pos)
    return words, toks, occ, starts


def babble(rng, model, nwords):
    """nwords words of fresh text: runs of RUN_MIN..RUN_MAX consecutive
    model tokens; after each run, a jump to another occurrence of the run's
    last word whose next word differs from the word that followed in the
    model text (so a jump never continues the same text, even where the
    model holds a passage twice), or, failing that, to a sentence start."""
    words, toks, occ, starts = model
    n = len(toks)
    rnd = rng.random
    out = []
    p = starts[int(rnd() * len(starts))]
    span = RUN_MAX - RUN_MIN + 1
    while len(out) < nwords:
        ln = RUN_MIN + int(rnd() * span)
        if p + ln >= n:
            p = starts[int(rnd() * len(starts))]
            if p + ln >= n:
                p = 0
        e = p + ln - 1
        out.extend(toks[p:e + 1])
        follow = toks[e + 1]
        c = occ[toks[e]]
        p = -1
        if len(c) > 1:
            for _ in range(JUMP_TRIES):
                q = c[int(rnd() * len(c))]
                if q + 1 < n and toks[q + 1] != follow:
                    p = q + 1
                    break
        if p < 0:
            p = starts[int(rnd() * len(starts))]
    del out[nwords:]
    return [words[k] for k in out]


def fresh_text(rng, model, plen):
    """Fresh text with the paragraph lengths plen (words per paragraph)."""
    ws = babble(rng, model, sum(plen))
    paras, at = [], 0
    for k in plen:
        if k:
            paras.append(" ".join(ws[at:at + k]))
            at += k
    return "\n\n".join(paras)


def substitute(rng, text, model):
    """Replace 1-5 % of the words (at least one) by words drawn at their
    frequency in the corpus's model text."""
    toks = re.split(r"(\s+)", text)
    idx = [i for i, t in enumerate(toks) if t and not t.isspace()]
    if not idx:
        return text
    words, mt = model[0], model[1]
    k = max(1, round(rng.uniform(0.01, 0.05) * len(idx)))
    for i in rng.sample(idx, min(k, len(idx))):
        toks[i] = words[mt[int(rng.random() * len(mt))]]
    return "".join(toks)


def para_run(rng, text):
    """A contiguous run of at least one of the text's paragraphs."""
    ps = paragraphs(text)
    ln = rng.randint(1, len(ps))
    st = rng.randint(0, len(ps) - ln)
    return [x.strip("\n") for x in ps[st:st + ln]]


def pick(rng, win):
    """A document drawn uniformly from the window's full length, or None
    for a draw past the documents it holds yet."""
    i = int(rng.random() * win.maxlen)
    return win[i] if i < len(win) else None


def cmd_gen(args):
    rng = random.Random(args.seed)
    paths, srcs, models = load_sources(args.corpora, rng)
    print("scale.py: %d source documents from %d corpora" % (len(srcs), len(paths)),
          file=sys.stderr)
    by_corpus = [[] for _ in paths]
    for i, s in enumerate(srcs):
        by_corpus[s[0]].append(i)
    # Each corpus's window holds its share of the last WINDOW documents, so
    # all windows fill after WINDOW documents whatever a corpus's share.
    windows = [deque(maxlen=max(1, round(WINDOW * len(b) / len(srcs))))
               for b in by_corpus]  # (id, series, date, title, text)
    counts = {"fresh": 0, "reprint": 0, "edited": 0, "composite": 0}
    nbytes = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for n in range(args.docs):
            oid = "scale-%07d" % n
            src = srcs[int(rng.random() * len(srcs))]
            ci = src[0]
            model, win = models[ci], windows[ci]
            u = rng.random()
            # A parent is drawn from the window's full length, and a draw
            # past the documents written so far (while the window fills)
            # makes the document fresh: so every document is a parent
            # equally often, the first ones included.
            par = pick(rng, win)
            if par is None or u < P_FRESH:
                kind = "fresh"
                series, date, title = src[2], src[3], src[4]
                text = fresh_text(rng, model, src[5])
                origin = "fresh " + src[1]
            else:
                series, date, title = src[2], par[2], par[3]
                if u < P_FRESH + P_REPRINT:
                    kind = "reprint"
                    text = par[4]
                    origin = "reprint " + par[0]
                elif u < P_FRESH + P_REPRINT + P_EDITED:
                    kind = "edited"
                    ps = paragraphs(par[4])
                    keep = rng.randint((len(ps) + 1) // 2, len(ps))
                    chunks = [x.strip("\n") for x in ps[:keep]]
                    if rng.random() < 0.5:
                        chunks.insert(0, fresh_text(rng, model, (src[5][0],)))
                    text = substitute(rng, "\n\n".join(chunks), model)
                    origin = "edited " + par[0]
                else:
                    kind = "composite"
                    parents = [par] + [q for q in (pick(rng, win) for _ in
                                                   range(rng.randint(1, 2)))
                                       if q is not None]
                    chunks = []
                    for q in parents:
                        chunks.extend(para_run(rng, q[4]))
                        if rng.random() < 0.5:
                            chunks.append(fresh_text(
                                rng, model, (src[5][int(rng.random() * len(src[5]))],)))
                    text = substitute(rng, "\n\n".join(chunks), model)
                    origin = "composite " + "+".join(q[0] for q in parents)
            counts[kind] += 1
            rec = {"id": oid, "series": series, "date": date, "title": title,
                   "text": text, "origin": origin}
            rec = {k: v for k, v in rec.items() if v is not None}
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            nbytes += len(text.encode("utf-8"))
            win.append((oid, series, date, title, text))
    print("scale.py: wrote %d documents (%d fresh, %d reprints, %d edited, "
          "%d composites), %.1f MB of text, to %s" % (
              args.docs, counts["fresh"], counts["reprint"], counts["edited"],
              counts["composite"], nbytes / 1e6, args.out), file=sys.stderr)


def cmd_stats(args):
    n = b = 0
    with open(args.file, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                b += len(json.loads(line)["text"].encode("utf-8"))
                n += 1
    print(n, b)


def cmd_check(args):
    """How much the fresh documents share with each other: 12-word
    shingles (lower-cased letter/digit runs, as a rough stand-in for
    hearsay's words) of the first --limit fresh documents, and how many
    occur in two of them or more; and how often each document is drawn
    as the parent of a reprint, edited copy or composite."""
    seen, shared, docs_shared, nfresh, nsh = {}, set(), set(), 0, 0
    children = {}
    ndocs = 0
    with open(args.file, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            ndocs += 1
            kind, _, what = d.get("origin", "").partition(" ")
            if kind != "fresh":
                for par in what.split("+"):
                    children[par] = children.get(par, 0) + 1
                continue
            if nfresh >= args.limit:
                continue
            nfresh += 1
            w = [x.lower() for x in WORD_RUN.findall(d["text"])]
            for h in {hash(tuple(w[i:i + 12])) for i in range(len(w) - 11)}:
                nsh += 1
                other = seen.setdefault(h, d["id"])
                if other != d["id"]:
                    shared.add(h)
                    docs_shared.add(d["id"])
                    docs_shared.add(other)
    counts = list(children.values())
    print("fresh documents checked: %d; 12-word shingles: %d; shared by two or more: "
          "%d (%.4f %%); fresh documents sharing one: %d (%.2f %%)" % (
              nfresh, nsh, len(shared), 100.0 * len(shared) / max(nsh, 1),
              len(docs_shared), 100.0 * len(docs_shared) / max(nfresh, 1)))
    print("documents: %d; drawn as a parent: %d times, %.2f per document; most "
          "children of one document: %d" % (
              ndocs, sum(counts), sum(counts) / max(ndocs, 1), max(counts or [0])))


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
    row = {"tool": args.label, "config": args.config, "docs": int(args.docs),
           "bytes": int(args.bytes), "threads": args.threads, "runs": len(runs),
           "wall": statistics.median(r[0] for r in runs),
           "cpu": statistics.median(r[1] for r in runs),
           "rss_mib": max(r[2] for r in runs) / 1024.0,
           "passages": passages, "same": args.same,
           "group": args.group or args.config}
    print(json.dumps(row))


def cmd_table(args):
    rows = [json.loads(l) for l in open(args.rows) if l.strip()]
    print("| tool | config | docs | MB | threads | runs | seconds | cpu s | MB/s "
          "| docs/s | peak RSS MB | passages | passages/doc | same output |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        mb = r["bytes"] / 1e6
        w = max(r["wall"], 1e-9)
        print("| %s | %s | %d | %.1f | %s | %d | %.2f | %.2f | %.1f | %.0f | %.0f | %d "
              "| %.2f | %s |" % (
                  r["tool"], r.get("config", ""), r["docs"], mb, r["threads"], r["runs"],
                  r["wall"], r["cpu"], mb / w, r["docs"] / w, r["rss_mib"] * 1.048576,
                  r["passages"], r["passages"] / max(r["docs"], 1), r.get("same") or ""))
    print()
    print("Growth from one size to the next: ratios of seconds, of peak RSS and of "
          "passages, and those of seconds and RSS divided by the ratio of MB "
          "(1.00 = linear):")
    print()
    print("| tool | config (of the larger size) | threads | docs | MB | time | time/linear | RSS | "
          "RSS/linear | passages |")
    print("|---|---|---:|---|---:|---:|---:|---:|---:|---:|")
    groups = {}
    for r in rows:
        groups.setdefault((r["tool"], r.get("group", r.get("config", "")), r["threads"]),
                          []).append(r)
    for (tool, cfg, th), rs in groups.items():
        rs.sort(key=lambda r: r["docs"])
        for a, b in zip(rs, rs[1:]):
            mr = b["bytes"] / a["bytes"]
            tr = b["wall"] / max(a["wall"], 1e-9)
            rr = b["rss_mib"] / max(a["rss_mib"], 1e-9)
            pr = b["passages"] / max(a["passages"], 1)
            print("| %s | %s | %s | %d -> %d | x%.2f | x%.2f | %.2f | x%.2f | %.2f | x%.2f |" % (
                tool, b.get("config", cfg), th, a["docs"], b["docs"], mr, tr, tr / mr, rr,
                rr / mr, pr))


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
    r.add_argument("--config", default="")
    r.add_argument("--same", default="")
    r.add_argument("--group", default="",
                   help="config whose growth row this row continues (default: its own)")
    r.add_argument("label")
    r.add_argument("docs")
    r.add_argument("bytes")
    r.add_argument("threads")
    r.add_argument("passages")
    r.add_argument("time_files", nargs="+")
    c = sub.add_parser("check")
    c.add_argument("file")
    c.add_argument("--limit", type=int, default=20000)
    t = sub.add_parser("table")
    t.add_argument("rows")
    args = ap.parse_args()
    {"gen": cmd_gen, "stats": cmd_stats, "check": cmd_check, "row": cmd_row, "table": cmd_table}[args.cmd](args)


if __name__ == "__main__":
    main()
