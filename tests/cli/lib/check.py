#!/usr/bin/env python3
"""Checks of hearsay's output for the command-line tests.

    check.py validate PASSAGES.jsonl [DOCS...]
        every record has the documented fields and types; with DOCS (files,
        directories or JSONL files read as hearsay reads them) every span
        lies inside its document and starts and ends on a word.
    check.py canon PASSAGES.jsonl [--no-family | --unordered]
    check.py canon-tsv PASSAGES.tsv [--no-family | --unordered]
        one canonical line per passage, sorted, for comparing runs/formats.
        --unordered: for runs whose documents came in another order, each
        passage's sides are put in (doc id, start) order and the family
        number is replaced by the first line of its family, so that only
        the grouping into families is compared.
    check.py planted CORPUS PLANTED.md PASSAGES.jsonl [--no-internal]
        the output is exactly the known answer listed in PLANTED.md.
    check.py corpus-jsonl CORPUS
        the corpus as JSON Lines on stdout (text files get their path
        relative to CORPUS as id), for feeding hearsay through stdin.
    check.py dups GROUPS.jsonl 'id1,id2,...' ['id3,id4' ...]
        the near-duplicate groups are exactly the ones given.

Exits 1 with a message naming the passage on the first failure.
"""
import json
import os
import sys

TSV_HEADER = ["family", "kind", "a_doc", "a_start", "a_end", "b_doc",
              "b_start", "b_end", "words", "similarity"]


def die(msg):
    sys.stderr.write("check.py: " + msg + "\n")
    sys.exit(1)


# ------------------------------------------------------------- documents

def load_docs(paths):
    """id -> bytes, reading paths the way hearsay documents it."""
    docs = {}

    def add_jsonl(path):
        with open(path, "rb") as f:
            for line in f:
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue
                if isinstance(rec, dict) and isinstance(rec.get("text"), str):
                    docs[str(rec.get("id"))] = rec["text"].encode("utf-8")

    for p in paths:
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames.sort()
                for fn in sorted(filenames):
                    full = os.path.join(dirpath, fn)
                    if fn.endswith(".jsonl"):
                        add_jsonl(full)
                    else:
                        with open(full, "rb") as f:
                            docs[os.path.relpath(full, p)] = f.read()
        elif p.endswith(".jsonl"):
            add_jsonl(p)
        else:
            with open(p, "rb") as f:
                docs[p] = f.read()
    return docs


def read_jsonl(path):
    out = []
    with open(path, "rb") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                die("%s:%d: empty line in output" % (path, n))
            try:
                out.append(json.loads(line))
            except ValueError as e:
                die("%s:%d: not JSON (%s): %r" % (path, n, e, line[:200]))
    return out


def is_word_byte_start(text, i):
    ch = text[i:i + 4].decode("utf-8", "ignore")[:1]
    return ch.isalnum()


def is_word_byte_end(text, i):
    # the character ending at byte i
    j = i - 1
    while j > 0 and (text[j] & 0xC0) == 0x80:
        j -= 1
    ch = text[j:i].decode("utf-8", "ignore")[:1]
    return ch.isalnum()


def span_text(docs, span):
    return docs[span["doc"]][span["start"]:span["end"]]


def short(b, n=70):
    s = b.decode("utf-8", "replace").replace("\n", " ")
    return s if len(s) <= n else s[:n // 2] + " ... " + s[-n // 2:]


def describe(p, docs=None):
    def side(s):
        t = ""
        if docs is not None and s["doc"] in docs:
            t = " «%s»" % short(span_text(docs, s))
        return "%s[%d,%d)%s" % (s["doc"], s["start"], s["end"], t)
    return "%s %s ~ %s (%d words, sim %.3f, family %s)" % (
        p.get("kind"), side(p["a"]), side(p["b"]), p.get("words", -1),
        p.get("similarity", -1), p.get("family"))


# ------------------------------------------------------------ validation

def validate(recs, docs=None):
    for i, p in enumerate(recs, 1):
        where = "passage %d" % i
        for k, t in (("a", dict), ("b", dict), ("words", int),
                     ("similarity", (int, float)), ("kind", str),
                     ("family", int)):
            if not isinstance(p.get(k), t) or isinstance(p.get(k), bool):
                die("%s: field %r missing or of the wrong type: %s" %
                    (where, k, json.dumps(p)))
        for s in ("a", "b"):
            sp = p[s]
            if not isinstance(sp.get("doc"), str):
                die("%s: %s.doc is not a string" % (where, s))
            for k in ("start", "end", "words"):
                if not isinstance(sp.get(k), int) or sp[k] < 0:
                    die("%s: %s.%s is not a non-negative integer" %
                        (where, s, k))
            if sp["start"] >= sp["end"]:
                die("%s: %s is empty or reversed: %s" %
                    (where, s, describe(p)))
            if sp["words"] < 1:
                die("%s: %s.words < 1" % (where, s))
        if not 0.0 <= p["similarity"] <= 1.0:
            die("%s: similarity outside [0,1]: %s" % (where, describe(p)))
        if p["kind"] not in ("cross", "internal"):
            die("%s: kind %r is neither cross nor internal" %
                (where, p["kind"]))
        same = p["a"]["doc"] == p["b"]["doc"]
        if same != (p["kind"] == "internal"):
            die("%s: kind %s but docs %r and %r" %
                (where, p["kind"], p["a"]["doc"], p["b"]["doc"]))
        if same and not p["a"]["start"] < p["b"]["start"]:
            die("%s: internal passage with a not before b: %s" %
                (where, describe(p)))
        if p["family"] < 0:
            die("%s: negative family" % where)
        if docs is None:
            continue
        for s in ("a", "b"):
            sp = p[s]
            if sp["doc"] not in docs:
                die("%s: unknown document %r" % (where, sp["doc"]))
            text = docs[sp["doc"]]
            if sp["end"] > len(text):
                die("%s: %s ends at %d, past the end of %s (%d bytes)" %
                    (where, s, sp["end"], sp["doc"], len(text)))
            if not is_word_byte_start(text, sp["start"]):
                die("%s: %s does not start on a word: %s" %
                    (where, s, describe(p, docs)))
            if not is_word_byte_end(text, sp["end"]):
                die("%s: %s does not end on a word: %s" %
                    (where, s, describe(p, docs)))
    fams = sorted({p["family"] for p in recs})
    if fams != list(range(len(fams))):
        die("families are not numbered 0..K-1: %s" % fams)


def canon(p, family=True):
    f = [p["kind"], p["a"]["doc"], p["a"]["start"], p["a"]["end"],
         p["b"]["doc"], p["b"]["start"], p["b"]["end"], p["words"],
         "%.3f" % p["similarity"]]
    if family:
        f.insert(0, p["family"])
    return "\t".join(str(x) for x in f)


def unordered(recs):
    lines = {}
    for p in recs:
        a, b = p["a"], p["b"]
        if (b["doc"], b["start"]) < (a["doc"], a["start"]):
            a, b = b, a
        q = dict(p, a=a, b=b)
        lines.setdefault(p["family"], []).append(canon(q, False))
    label = {f: min(v) for f, v in lines.items()}
    out = []
    for f, v in lines.items():
        for line in v:
            out.append(line + "\tfamily-of: " + label[f].replace("\t", " "))
    return sorted(out)


def tsv_records(path):
    with open(path, "rb") as f:
        rows = f.read().decode("utf-8").split("\n")
    if not rows or rows[-1] != "":
        die("%s: output does not end with a newline" % path)
    rows.pop()
    if not rows or rows[0].split("\t") != TSV_HEADER:
        die("%s: first line is not the header %r: %r" %
            (path, "\t".join(TSV_HEADER), rows[0] if rows else ""))
    recs = []
    for n, row in enumerate(rows[1:], 2):
        c = row.split("\t")
        if len(c) != len(TSV_HEADER):
            die("%s:%d: %d fields, expected %d: %r" %
                (path, n, len(c), len(TSV_HEADER), row))
        try:
            recs.append({
                "family": int(c[0]), "kind": c[1],
                "a": {"doc": c[2], "start": int(c[3]), "end": int(c[4])},
                "b": {"doc": c[5], "start": int(c[6]), "end": int(c[7])},
                "words": int(c[8]), "similarity": float(c[9])})
        except ValueError:
            die("%s:%d: bad number in %r" % (path, n, row))
    return recs


# ---------------------------------------------------------- known answer

def parse_planted(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = [x.strip() for x in line.strip().strip("|").split("|")]
            if len(c) == 5 and c[0][:1] == "P" and c[0][1:].isdigit():
                rows.append({"pid": c[0], "kind": c[1], "doc": c[2],
                             "first": c[3], "last": c[4]})
    if not rows:
        die("%s: no planted passages found in its table" % path)
    return rows


def locate(rows, docs):
    seen = {}
    for r in rows:
        if r["doc"] not in docs:
            die("planted document %r is not in the corpus" % r["doc"])
        text = docs[r["doc"]]
        key = (r["pid"], r["doc"])
        nth = seen.get(key, 0)
        seen[key] = nth + 1
        first, last = r["first"].encode(), r["last"].encode()
        pos = -1
        for _ in range(nth + 1):
            pos = text.find(first, pos + 1)
            if pos < 0:
                die("%s: %r (occurrence %d) not found in %s" %
                    (r["pid"], r["first"], nth + 1, r["doc"]))
        end = text.find(last, pos)
        if end < 0:
            die("%s: %r not found after %r in %s" %
                (r["pid"], r["last"], r["first"], r["doc"]))
        r["start"], r["end"] = pos, end + len(last)


def overlap(s, r):
    return max(0, min(s["end"], r["end"]) - max(s["start"], r["start"]))


def matches(span, copy):
    """The reported span is this planted copy: it covers >= 90% of it and
    is not more than 10% (plus a few bytes) longer."""
    if span["doc"] != copy["doc"]:
        return False
    ov = overlap(span, copy)
    plen = copy["end"] - copy["start"]
    slen = span["end"] - span["start"]
    return ov >= 0.9 * plen and slen <= 1.1 * plen + 8


def planted(corpus, planted_md, passages, no_internal):
    docs = load_docs([corpus])
    rows = parse_planted(planted_md)
    locate(rows, docs)
    recs = read_jsonl(passages)
    validate(recs, docs)
    errors = []

    # Nothing reported that was not planted (stock phrases in particular).
    found = {}
    for p in recs:
        if any(stock in span_text(docs, p[s]) for s in ("a", "b")
               for stock in (b"Valley Defence Forces",
                             b"regional emergency office")):
            errors.append("a stock phrase is inside a passage: " +
                          describe(p, docs))
        if p["words"] < 12 or p["a"]["words"] < 12 or p["b"]["words"] < 12:
            errors.append("passage shorter than --min-words 12: " +
                          describe(p, docs))
        hit = None
        for i, ca in enumerate(rows):
            for j, cb in enumerate(rows):
                if i != j and ca["pid"] == cb["pid"] and \
                        matches(p["a"], ca) and matches(p["b"], cb):
                    hit = (ca["pid"], min(i, j), max(i, j))
        if hit is None:
            errors.append("not a planted passage: " + describe(p, docs))
            continue
        if hit in found:
            errors.append("planted %s reported twice: %s" %
                          (hit[0], describe(p, docs)))
        found[hit] = p

    # Every pair of copies of every planted passage reported once, right.
    fam_of = {}
    for i, ca in enumerate(rows):
        for j in range(i + 1, len(rows)):
            cb = rows[j]
            if ca["pid"] != cb["pid"]:
                continue
            internal = ca["doc"] == cb["doc"]
            if internal and no_internal:
                continue
            p = found.get((ca["pid"], i, j))
            label = "%s (%s) %s ~ %s" % (ca["pid"], ca["kind"], ca["doc"],
                                         cb["doc"])
            if p is None:
                near = [q for q in recs
                        if {q["a"]["doc"], q["b"]["doc"]} ==
                        {ca["doc"], cb["doc"]}]
                errors.append("planted passage missing: %s; between these "
                              "documents hearsay reported: %s" %
                              (label, "; ".join(describe(q, docs)
                                                for q in near) or "nothing"))
                continue
            want_kind = "internal" if internal else "cross"
            if p["kind"] != want_kind:
                errors.append("%s: kind %s, expected %s" %
                              (label, p["kind"], want_kind))
            if "verbatim" in ca["kind"] and p["similarity"] < 0.99:
                errors.append("%s: verbatim copy with similarity %.3f" %
                              (label, p["similarity"]))
            if "edited" in ca["kind"] and not 0.5 <= p["similarity"] < 1.0:
                errors.append("%s: edited copy with similarity %.3f" %
                              (label, p["similarity"]))
            fam_of.setdefault(ca["pid"], set()).add(p["family"])

    for pid, fams in sorted(fam_of.items()):
        if len(fams) != 1:
            errors.append("%s: copies split over families %s" %
                          (pid, sorted(fams)))
    owners = {}
    for pid, fams in fam_of.items():
        for f in fams:
            owners.setdefault(f, []).append(pid)
    for f, pids in sorted(owners.items()):
        if len(pids) > 1:
            errors.append("family %d joins different planted passages %s" %
                          (f, sorted(pids)))

    if errors:
        for e in errors:
            sys.stderr.write("check.py: " + e + "\n")
        sys.exit(1)
    print("known answer ok: %d passages in %d families" %
          (len(recs), len({p["family"] for p in recs})))


# ----------------------------------------------------------------- other

def corpus_jsonl(corpus):
    out = sys.stdout.buffer
    for dirpath, dirnames, filenames in os.walk(corpus):
        dirnames.sort()
        for fn in sorted(filenames):
            full = os.path.join(dirpath, fn)
            if fn.endswith(".jsonl"):
                with open(full, "rb") as f:
                    for line in f:
                        if line.strip():
                            out.write(line.rstrip(b"\n") + b"\n")
            else:
                with open(full, "rb") as f:
                    text = f.read().decode("utf-8")
                rec = {"id": os.path.relpath(full, corpus), "text": text}
                out.write(json.dumps(rec, ensure_ascii=False).encode() + b"\n")


def dups(path, groups):
    want = sorted(sorted(g.split(",")) for g in groups)
    got = []
    for i, g in enumerate(read_jsonl(path), 1):
        if not isinstance(g.get("group"), int) or \
                not isinstance(g.get("docs"), list) or \
                not isinstance(g.get("size"), int):
            die("group line %d lacks group/docs/size: %s" % (i, json.dumps(g)))
        if g["size"] != len(g["docs"]) or g["size"] < 2:
            die("group line %d: size %d but %d docs" %
                (i, g["size"], len(g["docs"])))
        got.append(sorted(g["docs"]))
    got.sort()
    if got != want:
        die("near-duplicate groups\n  got:      %s\n  expected: %s" %
            (got, want))
    print("dups ok: %d groups" % len(got))


def main(argv):
    if len(argv) < 2:
        die(__doc__)
    cmd, args = argv[1], argv[2:]
    if cmd == "validate":
        docs = load_docs(args[1:]) if len(args) > 1 else None
        recs = read_jsonl(args[0])
        validate(recs, docs)
        print("valid: %d passages" % len(recs))
    elif cmd in ("canon", "canon-tsv"):
        fam = "--no-family" not in args
        recs = read_jsonl(args[0]) if cmd == "canon" else tsv_records(args[0])
        if "--unordered" in args:
            for line in unordered(recs):
                print(line)
        else:
            for line in sorted(canon(p, fam) for p in recs):
                print(line)
    elif cmd == "planted":
        planted(args[0], args[1], args[2], "--no-internal" in args[3:])
    elif cmd == "corpus-jsonl":
        corpus_jsonl(args[0])
    elif cmd == "dups":
        dups(args[0], args[1:])
    else:
        die("unknown command %r" % cmd)


if __name__ == "__main__":
    main(sys.argv)
