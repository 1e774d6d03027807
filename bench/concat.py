#!/usr/bin/env python3
"""Concatenate JSON Lines corpora (plain or .gz) into one, on standard output.

    bench/concat.py ../shared/corpora/*.jsonl.gz > all.jsonl

A repeated id (spamassassin-en.jsonl.gz repeats 3,546 of its ids across its
folders) gets a suffix "#2", "#3", ... so that no document is dropped: hearsay
keeps only the first document of an id, sim_text sees them all, and a
benchmark must give both the same input.
"""

import gzip
import json
import sys


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    seen = {}
    out = sys.stdout
    for path in sys.argv[1:]:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                d = json.loads(line)
                i = d.get("id")
                if i in seen:
                    seen[i] += 1
                    d["id"] = "%s#%d" % (i, seen[i])
                else:
                    seen[i] = 1
                out.write(json.dumps(d, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
