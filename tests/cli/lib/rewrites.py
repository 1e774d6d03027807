#!/usr/bin/env python3
"""A small corpus with rewritten copies, for tests that compare runs.

    rewrites.py CORPUS OUT.jsonl

OUT.jsonl holds every text document of CORPUS (id: its path relative to
CORPUS) followed by a reworded copy of each English one ("rw-" + id): its
first paragraph kept (so that the n-gram stage joins the two), the others
with words swapped for synonyms, clauses turned around and neighbouring
sentences exchanged, as a rewriting journalist would.  Deterministic.
"""
import json
import os
import re
import sys

SYN = {
    "said": "stated", "will": "would", "found": "discovered",
    "about": "around", "expected": "forecast", "close": "shut",
    "warned": "cautioned", "could": "might", "publish": "release",
    "public": "open", "until": "till", "work": "labour", "town": "city",
    "hold": "host", "force": "compel", "loss": "drop", "new": "fresh",
    "large": "big", "begin": "start", "began": "started", "help": "aid",
    "people": "residents", "plan": "scheme", "told": "informed",
    "many": "numerous", "more": "further", "also": "additionally",
    "because": "since", "however": "but", "said.": "stated.",
    "week": "seven days", "show": "reveal", "showed": "revealed",
    "council": "assembly", "officials": "authorities",
}


def reword(sentence):
    words = sentence.split(" ")
    out = [SYN.get(w.lower(), w) if i % 2 == 0 else w
           for i, w in enumerate(words)]
    s = " ".join(out)
    m = re.match(r"^(.{20,}?), (.{20,})\.$", s)
    if m:  # "A, B." -> "B, a."
        s = m.group(2)[0].upper() + m.group(2)[1:] + ", " + \
            m.group(1)[0].lower() + m.group(1)[1:] + "."
    return s


def rewrite(text):
    paras = [p for p in text.split("\n\n") if p.strip()]
    out = paras[:2]
    for p in paras[2:]:
        sents = re.split(r"(?<=\.) (?=[A-Z\"])", p.strip())
        sents = [reword(s) for s in sents]
        for i in range(0, len(sents) - 1, 2):
            sents[i], sents[i + 1] = sents[i + 1], sents[i]
        out.append(" ".join(sents))
    return "\n\n".join(out) + "\n"


def main():
    corpus, dst = sys.argv[1], sys.argv[2]
    docs = []
    for dirpath, dirnames, filenames in os.walk(corpus):
        dirnames.sort()
        for fn in sorted(filenames):
            if fn.endswith(".txt"):
                path = os.path.join(dirpath, fn)
                with open(path, encoding="utf-8") as f:
                    docs.append((os.path.relpath(path, corpus), f.read()))
    with open(dst, "w", encoding="utf-8") as f:
        for i, t in docs:
            f.write(json.dumps({"id": i, "text": t}) + "\n")
        for i, t in docs:
            if re.search(r"[\u0400-\u06ff]", t):
                continue
            f.write(json.dumps({"id": "rw-" + i, "text": rewrite(t)}) + "\n")


main()
