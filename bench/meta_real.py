#!/usr/bin/env python3
"""Publication dates read from the text of real documents.

Usage: bench/meta_real.py [HEARSAY] [SHARED] [N] [SEED] [--show K]
  HEARSAY  the hearsay binary (default build/hearsay)
  SHARED   the shared data folder (default ../shared)
  N        documents sampled per corpus (default 300)
  SEED     sampling seed (default 1)
  --show K print up to K failures per corpus

For each corpus of SHARED/corpora that has a reference date, N documents
are sampled with a fixed seed, their `date` field is removed (so the date
has to come from the text) and `hearsay meta` is run on them.  The
reference date is:
  - the corpus's `date` field (reuters21578, saudinewsnet,
    fakenewscorpus: for the last it is the date the page was collected,
    which is often not the publication date);
  - for e-mail and Usenet messages without a `date` field (spamassassin,
    20newsgroups), the message's own `Date:` header, parsed with Python's
    email.utils (the date as written, before any time-zone shift).
A document "states a date" when an independent regular expression finds
a full date (day, month and 4-digit year, or ISO) in its text; it
"states the reference date" when that expression finds the reference
date itself.  Reported per corpus: sampled documents, those stating a
date, accuracy on them (extracted date == reference), and the same on
those stating the reference date.
"""
import email.utils
import gzip
import json
import os
import random
import re
import sys

from hsrun import meta_records

EN_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
             "oct", "nov", "dec"]
AR_MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4,
    "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8,
    "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11,
    "ديسمبر": 12}
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

EN_RE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?(?: of)?[ ,]+(" + "|".join(EN_MONTHS) +
    r")[a-z]*\.?,?[ ]+(\d{4})\b|\b(" + "|".join(EN_MONTHS) +
    r")[a-z]*\.?[ ]+(\d{1,2})(?:st|nd|rd|th)?,?[ ]+(\d{4})\b", re.I)
ISO_RE = re.compile(r"\b(\d{4})[-/](\d{2})[-/](\d{2})\b")
AR_RE = re.compile(r"(\d{1,2})\s+(" + "|".join(AR_MONTHS) + r")\s+(\d{4})")


def stated_dates(text):
    """Every full Gregorian date the regular expressions see, as ISO."""
    out = set()
    t = text.translate(DIGITS)
    for m in EN_RE.finditer(t):
        if m.group(1):
            d, mo, y = m.group(1), m.group(2), m.group(3)
        else:
            mo, d, y = m.group(4), m.group(5), m.group(6)
        out.add("%s-%02d-%02d" % (y, EN_MONTHS.index(mo[:3].lower()) + 1,
                                  int(d)))
    for m in ISO_RE.finditer(t):
        out.add("%s-%s-%s" % m.groups())
    for m in AR_RE.finditer(t):
        out.add("%s-%02d-%02d" % (m.group(3), AR_MONTHS[m.group(2)],
                                  int(m.group(1))))
    return {x for x in out if "1900" < x[:4] < "2100"}


def header_date(text):
    head = text.split("\n\n", 1)[0]
    m = re.search(r"^Date:[ \t]*(.+)$", head, re.M | re.I)
    if not m:
        return None
    t = email.utils.parsedate(m.group(1).strip())
    if not t or not (1900 < t[0] < 2100):
        return None
    return "%04d-%02d-%02d" % t[:3]


def sample(path, n, seed):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    rng = random.Random(seed)
    idx = sorted(rng.sample(range(len(docs)), min(n, len(docs))))
    return [docs[i] for i in idx]


def main():
    args = [a for a in sys.argv[1:]]
    show = 0
    if "--show" in args:
        k = args.index("--show")
        show = int(args[k + 1])
        del args[k:k + 2]
    exe = args[0] if len(args) > 0 else "build/hearsay"
    shared = args[1] if len(args) > 1 else "../shared"
    n = int(args[2]) if len(args) > 2 else 300
    seed = int(args[3]) if len(args) > 3 else 1
    cdir = os.path.join(shared, "corpora")
    if not os.path.isdir(cdir):
        print("meta_real: %s not found; nothing measured" % cdir)
        return 0
    corpora = ["reuters21578-en", "saudinewsnet-ar", "fakenewscorpus-sample-en",
               "spamassassin-en", "20newsgroups-en"]
    print("%-26s %6s %7s %8s %9s %8s" % ("corpus", "sample", "states",
                                        "correct", "accuracy", "ref-acc"))
    tot = [0, 0, 0, 0, 0]
    for c in corpora:
        path = os.path.join(cdir, c + ".jsonl.gz")
        if not os.path.exists(path):
            continue
        docs = sample(path, n, seed)
        ref = {}
        recs = []
        for k, d in enumerate(docs):
            r = d.get("date") or header_date(d["text"])
            if not r:
                continue
            # ids repeat across a corpus's parts: number them
            key = "%s#%d" % (d["id"], k)
            ref[key] = (r[:10], d["text"])
            rec = {f: v for f, v in d.items() if f != "date"}
            rec["id"] = key
            recs.append(rec)
        got = {}
        for r in meta_records(exe, recs):
            got[r["doc"]] = (r["date"] or {}).get("value"), \
                (r["date"] or {}).get("raw")
        states = correct = sref = cref = 0
        fails = []
        for i, (r, text) in ref.items():
            st = stated_dates(text)
            if not st:
                continue
            states += 1
            v, raw = got.get(i, (None, None))
            ok = v == r
            correct += ok
            if r in st:
                sref += 1
                cref += ok
            if not ok:
                fails.append((i, r, v, raw, sorted(st)[:4]))
        acc = correct / states if states else 0.0
        racc = cref / sref if sref else 0.0
        print("%-26s %6d %7d %8d %9.3f %8s" % (
            c, len(docs), states, correct, acc,
            "%.3f/%d" % (racc, sref)))
        for f in fails[:show]:
            print("   FAIL %s ref=%s got=%s raw=%r stated=%s" % f)
        tot[0] += len(docs)
        tot[1] += states
        tot[2] += correct
        tot[3] += sref
        tot[4] += cref
    print("%-26s %6d %7d %8d %9.3f %8s" % (
        "all", tot[0], tot[1], tot[2], tot[2] / tot[1] if tot[1] else 0,
        "%.3f/%d" % (tot[4] / tot[3] if tot[3] else 0, tot[3])))
    print("accuracy: extracted == reference among documents stating a date;"
          " ref-acc: among those stating the reference date itself")
    return 0


if __name__ == "__main__":
    sys.exit(main())
