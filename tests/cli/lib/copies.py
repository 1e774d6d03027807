#!/usr/bin/env python3
"""A larger corpus for the CLI tests: the example corpus and edited copies.

    copies.py CORPUS OUT.jsonl COPIES SEED [--series N]

Copy 0 is every document of the example corpus as it is; copies 1 to
COPIES-1 replace one word in 12 (at random, seeded) by a made-up word.
Ids are "cNN-III" (copy, document); with --series N, document i gets the
series "s(i mod N)".
"""
import argparse
import json
import os
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("out")
    ap.add_argument("copies", type=int)
    ap.add_argument("seed", type=int)
    ap.add_argument("--series", type=int, default=0)
    args = ap.parse_args()
    docs = []
    for root, _, files in sorted(os.walk(args.corpus)):
        for name in sorted(files):
            path = os.path.join(root, name)
            if name.endswith(".jsonl"):
                with open(path, encoding="utf-8") as f:
                    docs += [json.loads(l)["text"] for l in f if l.strip()]
            else:
                with open(path, encoding="utf-8", errors="replace") as f:
                    docs.append(f.read())
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8") as f:
        for copy in range(args.copies):
            for i, text in enumerate(docs):
                words = text.split()
                for _ in range(len(words) // 12 if copy else 0):
                    words[rng.randrange(len(words))] = "w%d" % rng.randrange(10**6)
                rec = {"id": "c%02d-%03d" % (copy, i), "text": " ".join(words)}
                if args.series:
                    rec["series"] = "s%d" % (i % args.series)
                f.write(json.dumps(rec) + "\n")


if __name__ == "__main__":
    main()
