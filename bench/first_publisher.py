#!/usr/bin/env python3
"""Who publishes a story first: agencies or newspapers?

Usage: bench/first_publisher.py HEARSAY CORPUS.jsonl[.gz] [N_SAMPLES [SINCE]]

Runs `hearsay graph --format jsonl` on the corpus and, for every family of
copies (documents joined by reuse edges of one family), finds the earliest
date among its documents and the outlets that published on that date.  A
family's first publisher is "clear" when one outlet alone holds the
earliest date, a "tie" when several do (dates are days, so same-day
copies cannot be ordered).  Outlet types come from the graph (the alias
table: SPA = «واس» = series "was" is an agency).  Prints counts, the same
restricted to families that hold a copy from an agency, and N_SAMPLES
families with an agency copy (title, outlet, date of every copy) to be
checked by hand.  With SINCE (YYYY-MM-DD) only families whose earliest
copy is on or after SINCE count: use it when an agency was collected for
part of the period only (SaudiNewsNet has SPA for its last two days).
"""
import collections
import gzip
import json
import random
import subprocess
import sys


def main():
    exe, corpus = sys.argv[1], sys.argv[2]
    nsamp = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    since = sys.argv[4] if len(sys.argv) > 4 else ""
    out = subprocess.run([exe, "graph", "--format", "jsonl", "--no-progress",
                          corpus], capture_output=True, check=True).stdout
    nodes, fam = {}, collections.defaultdict(set)
    for line in out.decode("utf-8").splitlines():
        r = json.loads(line)
        if "node" in r:
            nodes[r["node"]] = r
        elif r["kind"] in ("reuse", "republish") and "evidence" in r:
            fam[r["family"]].update((r["from"], r["to"]))
    outlet_type = {n["name"]: n.get("type") for n in nodes.values()
                   if n["kind"] != "document"}
    stats = collections.Counter()
    by_first = collections.Counter()
    agency_fams = []
    for f, docs in fam.items():
        ds = [nodes[d] for d in docs]
        dated = [d for d in ds if d.get("date")]
        if not dated:
            stats["undated"] += 1
            continue
        first_date = min(d["date"] for d in dated)
        if first_date < since:
            continue
        firsts = {d["outlet"] for d in dated if d["date"] == first_date}
        outlets = {d["outlet"] for d in ds}
        if len(outlets) < 2:
            stats["one outlet"] += 1
            continue
        stats["families"] += 1
        types = {outlet_type.get(o) for o in firsts}
        has_agency = any(outlet_type.get(o) == "agency" for o in outlets)
        if len(firsts) == 1:
            o = next(iter(firsts))
            stats["clear first"] += 1
            by_first[(outlet_type.get(o), o)] += 1
            kind = "agency" if outlet_type.get(o) == "agency" else "newspaper"
            stats["clear first: " + kind] += 1
            if has_agency:
                stats["with agency copy: clear first " + kind] += 1
        else:
            stats["tie"] += 1
            if "agency" in types:
                stats["tie including an agency"] += 1
            if has_agency:
                stats["with agency copy: tie" +
                      (" including the agency" if "agency" in types else
                       " without the agency")] += 1
        if has_agency:
            stats["with agency copy"] += 1
            agency_fams.append(f)
    for k in sorted(stats):
        print(f"{k:45} {stats[k]}")
    print("\nclear first publishers:")
    for (t, o), n in by_first.most_common(15):
        print(f"  {n:6}  {o} ({t})")
    # samples for reading by hand
    meta = {}
    want = set()
    random.seed(7)
    sample = random.sample(agency_fams, min(nsamp, len(agency_fams)))
    for f in sample:
        want.update(nodes[d]["name"] for d in fam[f])
    opener = gzip.open if corpus.endswith(".gz") else open
    with opener(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r.get("id") in want:
                meta[r["id"]] = r
    for f in sample:
        print(f"\nfamily {f}:")
        for d in sorted(fam[f], key=lambda d: (nodes[d].get("date") or "",
                                               nodes[d]["name"])):
            n = nodes[d]
            m = meta.get(n["name"], {})
            print(f"  {n.get('date')}  {n.get('outlet'):16}  "
                  f"{(m.get('title') or '')[:70]}")


if __name__ == "__main__":
    main()
