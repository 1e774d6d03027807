#!/usr/bin/env python3
"""Choose the articles of the blind attribution set (bench/data/attrib-blind.json).

Usage: bench/attrib_blind_pick.py [SHARED] > picked.json
       bench/attrib_blind_pick.py --fresh [SHARED] > fresh.json

From four shared corpora (BBC News, Reuters-21578, SaudiNewsNet, Fars News)
it draws, with a fixed seed, articles whose opening contains a reporting
cue word (a plain substring test: "said", "according to", "told", "قال",
"وفقا", "أفاد", "به گزارش", "گفت", ...), so that the choice does not depend
on what hearsay finds.  Each article is cut to its opening: the text up to
the first sentence end after 700 characters.  The set is split by id: the articles of each
corpus, in the order of the SHA-1 of their ids, go alternately to the
"dev" half and the "held" half.  The text is written as chosen; the
annotations are added by hand afterwards.

--fresh draws the second, smaller set (bench/data/attrib-fresh.json, 24
openings: 5 BBC News, 5 Reuters-21578, 7 SaudiNewsNet, 7 Fars News) by the
same rule with another seed, among the articles not in the first set; all
of it is "fresh": never looked at while the rules are adjusted.
"""
import gzip
import hashlib
import json
import os
import random
import re
import sys

SEED = 20261202
LIMIT = 700
PLAN = (  # corpus, language, how many
    ("bbc-news-en", "en", 10),
    ("reuters21578-en", "en", 10),
    ("saudinewsnet-ar", "ar", 20),
    ("fars-varzesh3-fa", "fa", 20),
)
CUES = {
    "en": ("said", "according to", "told", "reported", "quoted", "citing"),
    "ar": ("قال", "وفقا", "وفقاً", "أفاد", "أفادت", "ذكرت", "أعلن", "نقلا",
           "نقلاً", "بحسب", "حسب", "أكد", "أوضح", "واس"),
    "fa": ("به گزارش", "گفت", "به نقل از", "اعلام كرد", "اعلام کرد",
           "افزود", "تصريح كرد", "تصریح کرد"),
}
FRESH_SEED = 20261203
FRESH_PLAN = (
    ("bbc-news-en", "en", 5),
    ("reuters21578-en", "en", 5),
    ("saudinewsnet-ar", "ar", 7),
    ("fars-varzesh3-fa", "fa", 7),
)
FIRST_SET = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                         "data", "attrib-blind.json")
END = re.compile(r"[.!?؟](?=\s|$)")


def opening(text):
    """The text up to the first sentence end at or after LIMIT characters
    (a period, ! or ? before white space, not after a lone capital); without
    one before 2 * LIMIT, the text up to the last space before that."""
    for m in END.finditer(text, LIMIT):
        if not re.search(r"(^|[\s.])[A-Z]$", text[:m.start()]):
            if m.start() < 2 * LIMIT:
                return text[:m.start() + 1].strip()
            break
    cut = text.rfind(" ", 0, 2 * LIMIT) if len(text) > 2 * LIMIT else -1
    return (text[:cut] if cut > LIMIT else text).strip()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    fresh = "--fresh" in sys.argv[1:]
    shared = args[0] if args else "../shared"
    rng = random.Random(FRESH_SEED if fresh else SEED)
    skip = set()
    if fresh:
        with open(FIRST_SET, encoding="utf-8") as f:
            skip = {d["id"] for d in json.load(f)["docs"]}
    docs = []
    for corpus, lang, n in FRESH_PLAN if fresh else PLAN:
        path = os.path.join(shared, "corpora", corpus + ".jsonl.gz")
        pool = []
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                t = opening(d.get("text") or "")
                if d["id"] in skip:
                    continue
                if len(t) >= 200 and any(c in t for c in CUES[lang]):
                    pool.append({"id": d["id"], "corpus": corpus,
                                 "lang": lang, "text": t})
        pick = rng.sample(pool, n)
        pick.sort(key=lambda d: hashlib.sha1(d["id"].encode()).hexdigest())
        for k, d in enumerate(pick):
            d["half"] = "fresh" if fresh else (
                "dev" if k % 2 == 0 else "held")
        docs += pick
    json.dump(docs, sys.stdout, ensure_ascii=False, indent=1)
    print()


if __name__ == "__main__":
    main()
