#!/usr/bin/env python3
"""Publication dates read from the text of every shared corpus.

Usage: bench/meta_dates_corpora.py [HEARSAY] [SHARED] [N]
  HEARSAY  the hearsay binary (default build/hearsay)
  SHARED   the shared data folder (default ../shared)
  N        first N documents per corpus (default: all)

Each corpus of SHARED/corpora is run through `hearsay meta` with its
`date` field removed (other fields kept), and counted: documents, those
given a date read from the text (date_source "header", or "credit": the
address of a "Source: http://..." line; a binary without that field
counts every non-given date), of those from a credit line, from the URL,
and of the text dates those outside the corpus's known years (BBC News 2004-2005, also
counted outside 2003-2006; Reuters-21578 1987; SaudiNewsNet 2015).
"""
import gzip
import json
import os
import subprocess
import sys
import tempfile

YEARS = {"bbc-news-en": (2004, 2005), "reuters21578-en": (1987, 1987),
         "saudinewsnet-ar": (2015, 2015)}


def main():
    exe = sys.argv[1] if len(sys.argv) > 1 else "build/hearsay"
    shared = sys.argv[2] if len(sys.argv) > 2 else "../shared"
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
    d = os.path.join(shared, "corpora")
    print(f"{'corpus':28} {'docs':>6} {'text':>6} {'credit':>6} {'url':>5} "
          f"{'outside':>8} {'outside 2003-06':>15}")
    for name in sorted(os.listdir(d)):
        if not name.endswith(".jsonl.gz"):
            continue
        corpus = name[:-len(".jsonl.gz")]
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                         encoding="utf-8") as tf:
            with gzip.open(os.path.join(d, name), "rt", encoding="utf-8") as f:
                for i, line in enumerate(f):
                    if limit is not None and i >= limit:
                        break
                    r = json.loads(line)
                    r.pop("date", None)
                    tf.write(json.dumps(r, ensure_ascii=False) + "\n")
        try:
            out = subprocess.run([exe, "meta", tf.name], capture_output=True,
                                 check=True).stdout.decode("utf-8")
        finally:
            os.unlink(tf.name)
        n = text = credit = url = outside = outside_wide = 0
        yrs = YEARS.get(corpus)
        for line in out.splitlines():
            r = json.loads(line)
            n += 1
            src = r.get("date_source", "header" if r.get("date") else None)
            if src == "url":
                url += 1
            if src not in ("header", "credit"):
                continue
            text += 1
            credit += src == "credit"
            y = int(r["date"]["value"][:4])
            if yrs and not (yrs[0] <= y <= yrs[1]):
                outside += 1
            if corpus == "bbc-news-en" and not (2003 <= y <= 2006):
                outside_wide += 1
        print(f"{corpus:28} {n:6} {text:6} {credit:6} {url:5} "
              f"{outside if yrs else '-':>8} "
              f"{outside_wide if corpus == 'bbc-news-en' else '-':>15}",
              flush=True)


if __name__ == "__main__":
    main()
