#!/usr/bin/env python3
"""Build a corpus with planted, lightly edited text reuse, and its ground truth.

From one or more real JSON Lines corpora (plain or .gz), plant.py

  1. shuffles the documents (deterministically, --seed) and keeps a
     *deduplicated* pool: a document is dropped if it shares any word
     K-gram (--dedup-k, after light normalization) with a document already
     kept.  The pool therefore holds no reuse of K or more words, so every
     passage a detector reports between pool documents is either shorter
     than K words or a false positive;
  2. takes --planted documents of the pool as *hosts*.  Hosts do not appear
     in the output as themselves: each is turned into one new document
     ("planted/NNNNN") by inserting passages of a *source* document into
     it at sentence boundaries;
  3. keeps the rest of the pool (up to --docs in total) as base documents,
     unchanged.  Sources are base documents, each used by one new
     document only, and have no word K-gram twice inside them, so every
     planted passage exists in exactly two places (no reuse chains, no
     second copy in the source).

Kinds of planting (fractions set by --mix):
  verbatim  one passage of 40..300 words, copied exactly;
  edited    one passage of 40..300 words with word edits at a rate drawn
            from [--edit-min, --edit-max]: substitutions (a word of the
            pool), deletions and insertions, never at the first or last word;
  swapped   two disjoint passages of 40..150 words from one source, inserted
            in the opposite order (P2 before P1), adjacent or apart, each
            edited with probability 1/2.

Output: --out CORPUS.jsonl (fields id, series, date, title, text; base
documents keep theirs) and --truth TRUTH.jsonl, one planted passage a line:
  {"a_doc", "a_start", "a_end",   the passage in the source
   "b_doc", "b_start", "b_end",   its copy in the new document
   "kind", "words", "edits"}
Offsets are UTF-8 byte offsets into "text", end exclusive.  A summary goes
to standard error.  Same input + same options + same --seed = same output.
"""

import argparse
import gzip
import json
import random
import re
import sys
import unicodedata

WORD_RE = re.compile(r"\w+")
CHUNK_RE = re.compile(r"\S+")
# A sentence or paragraph end followed by white space: a place to insert.
BOUNDARY_RE = re.compile(r"(?:[.!?\u061f\u06d4\u3002\u2026]+[\"'\u00bb\u201d)\]]*\s+|\n\s*)")

ARABIC_FOLD = str.maketrans({
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0649": "\u064a", "\u0629": "\u0647", "\u0624": "\u0648", "\u0626": "\u064a",
    "\u06cc": "\u064a", "\u06a9": "\u0643", "\u0640": None,
})


def open_text(path):
    if path == "-":
        return sys.stdin
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return open(path, "r", encoding="utf-8")


def read_docs(paths):
    """Documents with a string text and an id; a repeated id keeps its first
    document (as hearsay does)."""
    docs = []
    seen = set()
    for path in paths:
        with open_text(path) as f:
            for lineno, line in enumerate(f, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    d = json.loads(line)
                except json.JSONDecodeError as e:
                    print("%s:%d: skipped, bad JSON: %s" % (path, lineno, e), file=sys.stderr)
                    continue
                if not isinstance(d.get("text"), str) or not d.get("id") or d["id"] in seen:
                    continue
                seen.add(d["id"])
                docs.append(d)
    return docs


def norm_words(text):
    """Words for deduplication: NFKC, case folded, marks and tatweel removed,
    Arabic/Persian letter variants unified."""
    t = unicodedata.normalize("NFKD", text.casefold())
    t = "".join(c for c in t if unicodedata.category(c) != "Mn")
    t = unicodedata.normalize("NFKC", t).translate(ARABIC_FOLD)
    return WORD_RE.findall(t)


def dedup(docs, k, need, vocab_ids):
    """Greedy: keep a document unless it shares a k-gram with one kept."""
    if k <= 0:
        return docs[:need] if need else docs
    seen = set()
    kept = []
    for d in docs:
        ids = []
        for w in norm_words(d["text"]):
            i = vocab_ids.get(w)
            if i is None:
                i = vocab_ids[w] = len(vocab_ids)
            ids.append(i)
        # hash() of a tuple of ints is not salted: deterministic across runs.
        sh = {hash(tuple(ids[i:i + k])) for i in range(len(ids) - k + 1)}
        if sh & seen:
            continue
        seen |= sh
        kept.append(d)
        if need and len(kept) >= need:
            break
    return kept


class Chunks:
    """Whitespace-separated chunks of a text with their character spans."""

    def __init__(self, text):
        self.text = text
        self.spans = [(m.start(), m.end()) for m in CHUNK_RE.finditer(text)]

    def __len__(self):
        return len(self.spans)


def edit_passage(text, rate, rng, vocab):
    """Word edits inside text (never the first or last chunk).  Returns the
    edited text and the number of edits."""
    parts = re.split(r"(\s+)", text)          # word, sep, word, sep, ..., word
    words = parts[0::2]
    seps = parts[1::2] + [""]
    if words and words[0] == "":
        words, seps = words[1:], seps[1:]
    out = []
    edits = 0
    n = len(words)
    for i, (w, s) in enumerate(zip(words, seps)):
        if 0 < i < n - 1 and rng.random() < rate:
            op = rng.random()
            edits += 1
            if op < 0.45:                      # substitute
                out.append((rng.choice(vocab), s))
            elif op < 0.75:                    # delete
                continue
            else:                              # insert after
                out.append((w, " "))
                out.append((rng.choice(vocab), s))
            continue
        out.append((w, s))
    return "".join(w + s for w, s in out).rstrip(), edits


def pick_passage(ch, lo, hi, rng, taken):
    """A chunk range [i, j) of lo..hi chunks not overlapping `taken`."""
    n = len(ch)
    hi = min(hi, n)
    if hi < lo:
        return None
    for _ in range(50):
        length = int(round(lo * (hi / lo) ** rng.random()))  # log-uniform
        length = max(lo, min(hi, length))
        i = rng.randrange(0, n - length + 1)
        j = i + length
        if all(j <= a or i >= b for a, b in taken):
            return i, j
    return None


def boundaries(text):
    pos = [m.end() for m in BOUNDARY_RE.finditer(text) if m.end() < len(text)]
    if not pos:
        pos = [m.end() for m in re.finditer(r"\s+", text) if m.end() < len(text)]
    return pos or [len(text)]


def blen(s):
    return len(s.encode("utf-8"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--input", action="append", required=True,
                    help="JSON Lines corpus (.jsonl or .jsonl.gz); may be repeated")
    ap.add_argument("--out", required=True, help="corpus to write (JSON Lines)")
    ap.add_argument("--truth", required=True, help="ground truth to write (JSON Lines)")
    ap.add_argument("--docs", type=int, default=0,
                    help="documents in the output, base + planted (default: all the pool)")
    ap.add_argument("--planted", type=int, default=0,
                    help="new documents with planted reuse (default: 5%% of --docs, at most 1000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--dedup-k", type=int, default=6,
                    help="drop documents sharing a K-word sequence with one kept (0: no dedup)")
    ap.add_argument("--min-words", type=int, default=40)
    ap.add_argument("--max-words", type=int, default=300)
    ap.add_argument("--edit-min", type=float, default=0.03)
    ap.add_argument("--edit-max", type=float, default=0.05)
    ap.add_argument("--mix", default="verbatim=0.3,edited=0.4,swapped=0.3",
                    help="fractions of the kinds of planting")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    docs = read_docs(args.input)
    docs = [d for d in docs if len(CHUNK_RE.findall(d["text"])) >= 20]
    # The seed decides which documents enter the pool and which are hosts.
    rng.shuffle(docs)
    need = 0
    if args.docs:
        need = args.docs  # hosts become the planted documents
    vocab_ids = {}
    pool = dedup(docs, args.dedup_k, need, vocab_ids)
    total = args.docs or len(pool)
    nplanted = args.planted or min(1000, max(1, total // 20))
    if len(pool) < total or len(pool) < 2 * nplanted:
        sys.exit("plant.py: the deduplicated pool has %d documents, too few for %d documents "
                 "with %d planted; give more --input, a smaller --docs or --planted, "
                 "or a larger --dedup-k" % (len(pool), total, nplanted))
    hosts = pool[:nplanted]
    base = pool[nplanted:total]

    vocab = []
    for d in base[:2000]:
        vocab.extend(w for w in CHUNK_RE.findall(d["text"]) if WORD_RE.fullmatch(w))
    if not vocab:
        vocab = ["word"]

    mix = []
    for part in args.mix.split(","):
        k, v = part.split("=")
        mix.append((k.strip(), float(v)))
    kinds_total = sum(v for _, v in mix)

    def repeats_inside(text, k):
        """True if some word k-gram occurs twice in text: a passage of such a
        document can have two correct sources, which the truth cannot say."""
        w = norm_words(text)
        grams = [tuple(w[i:i + k]) for i in range(len(w) - k + 1)]
        return len(set(grams)) < len(grams)

    candidates = [i for i, d in enumerate(base)
                  if len(CHUNK_RE.findall(d["text"])) >= args.min_words + 5
                  and not repeats_inside(d["text"], max(args.dedup_k, 6))]
    rng.shuffle(candidates)
    if len(candidates) < nplanted:
        sys.exit("plant.py: only %d base documents have %d+ words, need %d sources"
                 % (len(candidates), args.min_words + 5, nplanted))

    truth = []
    new_docs = []
    counts = {}
    for h, host in enumerate(hosts):
        src = base[candidates[h]]
        sch = Chunks(src["text"])
        r = rng.random() * kinds_total
        kind = mix[-1][0]
        for k, v in mix:
            if r < v:
                kind = k
                break
            r -= v
        if kind == "swapped" and len(sch) < 2 * args.min_words + 2:
            kind = "edited"
        if kind == "swapped":
            p1 = pick_passage(sch, args.min_words, min(150, args.max_words), rng, [])
            p2 = pick_passage(sch, args.min_words, min(150, args.max_words), rng, [p1]) if p1 else None
            if not p2:
                kind = "edited"
            else:
                picks = sorted([p1, p2])
        if kind != "swapped":
            picks = [pick_passage(sch, args.min_words, args.max_words, rng, [])]
        counts[kind] = counts.get(kind, 0) + 1

        pieces = []  # (source char span, inserted text, edits)
        for (i, j) in picks:
            cs, ce = sch.spans[i][0], sch.spans[j - 1][1]
            orig = src["text"][cs:ce]
            if kind == "verbatim" or (kind == "swapped" and rng.random() < 0.5):
                text, edits = orig, 0
            else:
                text, edits = edit_passage(orig, rng.uniform(args.edit_min, args.edit_max), rng, vocab)
            pieces.append(((cs, ce), text, edits, j - i))
        if kind == "swapped":
            pieces.reverse()  # P2 first, then P1

        htext = host["text"]
        bounds = boundaries(htext)
        if len(pieces) == 2 and rng.random() < 0.5 and len(bounds) >= 2:
            at = sorted(rng.sample(bounds, 2))
        else:
            at = [rng.choice(bounds)] * len(pieces)
        # Assemble the new text, tracking each inserted piece's char span.
        # Insertion points follow white space (or are the end of the text);
        # every piece is followed by a newline.
        out, spans, prev, length = [], [], 0, 0
        for pos, piece in zip(at, pieces):
            seg = htext[prev:pos]
            if pos == len(htext) and htext and not htext[-1].isspace():
                seg += "\n"
            out.append(seg)
            length += len(seg)
            spans.append((length, length + len(piece[1])))
            out.append(piece[1] + "\n")
            length += len(piece[1]) + 1
            prev = pos
        out.append(htext[prev:])
        new_text = "".join(out)
        nid = "planted/%05d" % (h + 1)
        new_docs.append({"id": nid, "series": "planted", "date": host.get("date"),
                         "title": host.get("title"), "text": new_text})
        for ((cs, ce), text, edits, nw), (bs, be) in zip(pieces, spans):
            assert new_text[bs:be] == text
            truth.append({
                "a_doc": src["id"], "a_start": blen(src["text"][:cs]), "a_end": blen(src["text"][:ce]),
                "b_doc": nid, "b_start": blen(new_text[:bs]), "b_end": blen(new_text[:be]),
                "kind": kind, "words": nw, "edits": edits,
            })

    out_docs = base + new_docs
    rng.shuffle(out_docs)
    with open(args.out, "w", encoding="utf-8") as f:
        for d in out_docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(args.truth, "w", encoding="utf-8") as f:
        for t in truth:
            f.write(json.dumps(t, ensure_ascii=False) + "\n")
    mb = sum(blen(d["text"]) for d in out_docs) / 1e6
    print("plant.py: %d input docs, deduplicated pool %d (k=%d); wrote %d docs (%.1f MB of text): "
          "%d base + %d planted; %d planted passages (%s)"
          % (len(docs), len(pool), args.dedup_k, len(out_docs), mb, len(base), len(new_docs),
             len(truth), ", ".join("%s %d" % kv for kv in sorted(counts.items()))),
          file=sys.stderr)


if __name__ == "__main__":
    main()
