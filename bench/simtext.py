#!/usr/bin/env python3
"""Helpers to run sim_text (Debian package similarity-tester) as a baseline.

sim_text compares files, not records, and reports each run of shared words
as file names and *line* ranges:

    000017.txt: line 3-41     |000912.txt: line 120-158    [39]

News articles are often one long line, so line ranges would be useless as
passage boundaries.  `prep` therefore writes every document as one file
with one sim_text word per line.  sim_text's unit is the word (a maximal
run of ASCII letters, digits and bytes over 127; ASCII case is ignored),
and line breaks are white space to it, so this layout changes nothing in
what it compares; it only makes its line numbers word numbers.  `convert`
maps them back to UTF-8 byte offsets in the original text (from the start
of the first word to the end of the last), exact to the word.

    simtext.py prep CORPUS.jsonl[.gz] DIR [--limit N]
        writes DIR/NNNNNN.txt, DIR/list (file names, for sim_text -i) and
        DIR/ids (document id of each file, same order)
    simtext.py convert CORPUS.jsonl[.gz] DIR SIMTEXT_OUTPUT [--merge-gap G]
        prints passages as JSON Lines with hearsay's fields (a, b, words,
        similarity, kind).  With --merge-gap G > 0, runs between the same
        two files that follow each other within G words on both sides are
        merged into one passage (sim_text stops a run at every edit;
        hearsay bridges edits the same way with --max-gap).
"""

import argparse
import gzip
import json
import os
import re
import sys
from collections import defaultdict

# sim_text's word: letters, digits, or bytes over 127 (C locale).
SIM_WORD = re.compile(rb"[A-Za-z0-9\x80-\xff]+")
RUN_RE = re.compile(r"^(\S+): line (\d+)-(\d+)\s*\|(\S+): line (\d+)-(\d+)\s*\[(\d+)\]\s*$")


def open_text(path):
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, "r", encoding="utf-8")


def iter_docs(path, limit=0):
    n = 0
    with open_text(path) as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            if not isinstance(d.get("text"), str):
                continue
            yield d
            n += 1
            if limit and n >= limit:
                return


def cmd_prep(args):
    os.makedirs(args.dir, exist_ok=True)
    names, ids = [], []
    for i, d in enumerate(iter_docs(args.corpus, args.limit)):
        name = "%06d.txt" % i
        words = SIM_WORD.findall(d["text"].encode("utf-8"))
        with open(os.path.join(args.dir, name), "wb") as f:
            f.write(b"\n".join(words) + b"\n" if words else b"")
        names.append(name)
        ids.append(d["id"])
    with open(os.path.join(args.dir, "list"), "w") as f:
        f.write("".join(n + "\n" for n in names))
    with open(os.path.join(args.dir, "ids"), "w", encoding="utf-8") as f:
        f.write("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in ids))
    print("simtext.py: wrote %d files to %s" % (len(names), args.dir), file=sys.stderr)


def parse_runs(path):
    runs = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = RUN_RE.match(line)
            if m:
                f1, a1, a2, f2, b1, b2, n = m.groups()
                runs.append((f1, int(a1), int(a2), f2, int(b1), int(b2), int(n)))
    return runs


def merge(runs, gap):
    """Merge runs of one file pair that follow each other closely on both
    sides.  Runs are (a_first, a_last, b_first, b_last, words), 1-based
    inclusive word numbers."""
    runs = sorted(runs)
    out = []
    for r in runs:
        for p in reversed(out[-8:]):
            da = r[0] - p[1] - 1
            db = r[2] - p[3] - 1
            if 0 <= da <= gap and 0 <= db <= gap:
                p[1], p[3], p[4] = r[1], r[3], p[4] + r[4]
                break
        else:
            out.append(list(r))
    return out


def cmd_convert(args):
    with open(os.path.join(args.dir, "ids"), encoding="utf-8") as f:
        ids = [json.loads(x) for x in f]
    name_to_idx = {"%06d.txt" % i: i for i in range(len(ids))}
    runs = parse_runs(args.output)
    need = set()
    pairs = defaultdict(list)
    for f1, a1, a2, f2, b1, b2, n in runs:
        i, j = name_to_idx[os.path.basename(f1)], name_to_idx[os.path.basename(f2)]
        need.update((i, j))
        if i <= j:
            pairs[(i, j)].append((a1, a2, b1, b2, n))
        else:
            pairs[(j, i)].append((b1, b2, a1, a2, n))
    spans = {}
    for k, d in enumerate(iter_docs(args.corpus, len(ids))):
        if k in need:
            spans[k] = [m.span() for m in SIM_WORD.finditer(d["text"].encode("utf-8"))]
    n_out = 0
    out = sys.stdout
    for (i, j), rs in sorted(pairs.items()):
        if args.merge_gap > 0:
            rs = merge(rs, args.merge_gap)
        for a1, a2, b1, b2, n in rs:
            ta, tb = spans[i], spans[j]
            aw, bw = a2 - a1 + 1, b2 - b1 + 1
            rec = {
                "a": {"doc": ids[i], "start": ta[a1 - 1][0], "end": ta[a2 - 1][1], "words": aw},
                "b": {"doc": ids[j], "start": tb[b1 - 1][0], "end": tb[b2 - 1][1], "words": bw},
                "words": n,
                "similarity": round(2.0 * n / (aw + bw), 4),
                "kind": "internal" if i == j else "cross",
            }
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n_out += 1
    print("simtext.py: %d runs -> %d passages (merge gap %d)" % (len(runs), n_out, args.merge_gap),
          file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prep")
    p.add_argument("corpus")
    p.add_argument("dir")
    p.add_argument("--limit", type=int, default=0)
    p.set_defaults(fn=cmd_prep)
    c = sub.add_parser("convert")
    c.add_argument("corpus")
    c.add_argument("dir")
    c.add_argument("output")
    c.add_argument("--merge-gap", type=int, default=0)
    c.set_defaults(fn=cmd_convert)
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
