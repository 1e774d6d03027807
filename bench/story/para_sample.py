#!/usr/bin/env python3
"""Draw a reproducible random sample of paraphrase edges for reading by hand.

usage:
  hearsay graph --level doc --edges paraphrase --format jsonl CORPUS > edges.jsonl
  python3 bench/story/para_sample.py edges.jsonl --seed B --n 45 \
      [--exclude bench/story/paraphrase-dev-pairs.tsv] > sample.txt

Edges are taken in the order graph writes them, the pairs listed in
--exclude (repeatable; two document ids per line, TAB-separated, any order,
optionally after the sample number --tsv prints; # comments)
are left out, and --n of the rest are drawn with random.Random(seed).  Each
edge is printed with its number, both documents (id, outlet, date) and both
sentences, so that a reader can write a verdict per number.  --tsv prints
one line per edge (number, from, to) for the judgement file instead."""
import argparse, json, random, sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("edges")
    ap.add_argument("--seed", required=True)
    ap.add_argument("--n", type=int, default=45)
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("--tsv", action="store_true")
    a = ap.parse_args()
    nodes, edges = {}, []
    with open(a.edges, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("type") == "node":
                nodes[r["id"]] = r
            elif r.get("type") == "edge" and r.get("kind") == "paraphrase":
                edges.append(r)
    skip = set()
    for name in a.exclude:
        with open(name, encoding="utf-8") as f:
            for line in f:
                p = line.rstrip("\n").split("\t")
                if p and p[0].isdigit():
                    p = p[1:]  # a sample's list: number, from, to
                if len(p) >= 2 and not line.startswith("#"):
                    skip.add(frozenset(p[:2]))
    pool = [e for e in edges if frozenset((e["from"], e["to"])) not in skip]
    rng = random.Random(a.seed)
    sample = rng.sample(pool, min(a.n, len(pool)))
    print(f"# {len(edges)} paraphrase edges, {len(pool)} after exclusions, "
          f"{len(sample)} drawn with seed {a.seed!r}", file=sys.stderr)
    for i, e in enumerate(sample, 1):
        if a.tsv:
            print(f"{i}\t{e['from']}\t{e['to']}")
            continue
        na, nb = nodes.get(e["from"], {}), nodes.get(e["to"], {})
        print(f"#{i} {e['from']} ({na.get('outlet')}, {e.get('from_date')}) -> "
              f"{e['to']} ({nb.get('outlet')}, {e.get('to_date')}) "
              f"similarity {e.get('similarity')} pairs {e.get('passages')}")
        print("  A:", e.get("from_text", "").replace("\n", " "))
        print("  B:", e.get("to_text", "").replace("\n", " "))
        print("  headlines:", na.get("headline"), "|", nb.get("headline"))


if __name__ == "__main__":
    main()
