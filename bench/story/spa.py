#!/usr/bin/env python3
"""How often the Saudi Press Agency is the first publisher of the SaudiNewsNet stories it has a
document in.  usage: hearsay stories --format jsonl ../shared/corpora/saudinewsnet-ar.jsonl.gz |
python3 bench/story/spa.py"""
import json, sys
n = first = tie = undated = first_or_tied = 0
for line in sys.stdin:
    s = json.loads(line)
    outs = [d["outlet"] for d in s["doc_info"]]
    if "SPA" not in outs and "was" not in outs:
        continue
    n += 1
    f = s["first"]
    spa_dates = [d["date"] for d in s["doc_info"] if d["outlet"] in ("SPA", "was") and d["date"]]
    if spa_dates and f["date"] and min(spa_dates) == f["date"]:
        first_or_tied += 1
    if f["outlet"] in ("SPA", "was"):
        first += 1
        tie += f["tie"]
    elif f["tie"] and any(d["outlet"] in ("SPA", "was") and d["date"] == f["date"] for d in s["doc_info"]):
        tie += 1  # SPA shares the first date with the named first publisher
print(json.dumps({"stories_with_spa": n, "spa_first": first,
                  "first_date_shared_with_spa_tie": tie,
                  "spa_first_or_same_first_date": first_or_tied,
                  "spa_first_share": round(first / n, 3) if n else None}))
