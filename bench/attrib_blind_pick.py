#!/usr/bin/env python3
"""Choose the articles of the blind attribution set (bench/data/attrib-blind.json).

Usage: bench/attrib_blind_pick.py [SHARED] > picked.json
       bench/attrib_blind_pick.py --fresh [SHARED] > fresh.json
       bench/attrib_blind_pick.py --third [SHARED] > third.json
       bench/attrib_blind_pick.py --fourth [SHARED] > fourth.json
       bench/attrib_blind_pick.py --fifth [SHARED] > fifth.json
       bench/attrib_blind_pick.py --sixth [SHARED] > sixth.json
       bench/attrib_blind_pick.py --seventh [SHARED] > seventh.json

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

--third draws the third set (bench/data/attrib-third.json), written after
the fresh set had become development data: with a third seed, among the
articles of no earlier annotated set (attrib-blind.json, attrib-fresh.json,
fn-facts.json, tests/data/meta/real_attrib*.jsonl), 9 BBC News, 9
Reuters-21578, 16 SaudiNewsNet, 16 Fars News openings and 6 openings of
scraped pages of the fake-news sample (at least 400 characters), plus 30
Russian news headlines of the paraphrase corpus (eval/paraphrase/
paraphraser-ru-headlines.xml, each distinct headline once) that contain a
Russian cue word ("заявил", "сообщил", "по словам", "по данным", ...),
then 4 BBC News, 6 Reuters-21578, 8 SaudiNewsNet and 6 Fars News
openings more.
All of it is in the half "third".

--fourth draws the fourth set (bench/data/attrib-fourth.json), written
after the third set had been measured and become development data: with a
fourth seed, among the articles of no earlier set (the third included),
7 BBC News, 7 Reuters-21578, 12 SaudiNewsNet, 12 Fars News openings and
3 fake-news pages, plus 24 Russian headlines not in the third set, then
6 BBC News, 5 Reuters-21578, 7 SaudiNewsNet and 8 Fars News openings
more, and last 7 SaudiNewsNet and 3 BBC News openings.  All of it is in the half "fourth".

--fifth draws the fifth set (bench/data/attrib-fifth.json), written after
the fourth set had been measured and become development data: with a
fifth seed, among the articles of no earlier set (the fourth included,
and the real pages of the page-fact sets bench/data/mix-facts.json and
mix2-facts.json), 14 BBC News, 10 Reuters-21578, 22 SaudiNewsNet, 18
Fars News openings and 3 fake-news pages, plus 20 Russian headlines of
neither the third nor the fourth set, then 3 BBC News, 3 Reuters-21578,
5 SaudiNewsNet and 6 Fars News openings more.  All of it is in the half
"fifth".

--sixth draws the sixth set (bench/data/attrib-sixth.json), written after
the fifth set had been measured and become development data: with a
sixth seed, among the texts of no earlier set (the fifth included, and
the real pages of every page-fact set bench/data/*-facts.json), 16 BBC
News, 15 Reuters-21578, 30 SaudiNewsNet, 25 Fars News openings and 4
fake-news pages, plus 15 Russian headlines whose id and text are in no
earlier set.  All of it is in the half "sixth".

--seventh draws the seventh set (bench/data/attrib-seventh.json), written
after the sixth set had been measured and become development data: with a
seventh seed, among the texts of no earlier set (the sixth included, and
the real pages of every page-fact set, mix4-facts.json included), 20 BBC
News, 15 Reuters-21578, 30 SaudiNewsNet and 25 Fars News openings, plus
15 Russian headlines whose id and text are in no earlier set (the sixth
included).  No page of the fake-news sample is left that passes the cue
test and is in no earlier set, so the sixth set's 4 fake-news pages are
4 more BBC News openings here.  All of it is in the half "seventh".
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
THIRD_SEED = 20261204
THIRD_PLAN = (
    ("bbc-news-en", "en", 9),
    ("reuters21578-en", "en", 9),
    ("saudinewsnet-ar", "ar", 16),
    ("fars-varzesh3-fa", "fa", 16),
    ("fakenewscorpus-sample-en", "en", 6),
)
RU_CUES = ("заявил", "сообщил", "сообщает", "сообщают", "рассказал",
           "по словам", "по данным", "по информации", "пишет", "передает",
           "передаёт", "отметил", "подчеркнул", "опроверг", "со ссылкой на",
           "согласно")
THIRD_RU = 30
THIRD_MORE = (  # drawn after the Russian headlines, to pass 150 attributions
    ("bbc-news-en", "en", 4),
    ("reuters21578-en", "en", 6),
    ("saudinewsnet-ar", "ar", 8),
    ("fars-varzesh3-fa", "fa", 6),
)
FOURTH_SEED = 20261205
FOURTH_PLAN = (
    ("bbc-news-en", "en", 7),
    ("reuters21578-en", "en", 7),
    ("saudinewsnet-ar", "ar", 12),
    ("fars-varzesh3-fa", "fa", 12),
    ("fakenewscorpus-sample-en", "en", 3),
)
FOURTH_RU = 24
FOURTH_MORE = (  # drawn after the Russian headlines, to reach ~150
    ("bbc-news-en", "en", 6),
    ("reuters21578-en", "en", 5),
    ("saudinewsnet-ar", "ar", 7),
    ("fars-varzesh3-fa", "fa", 8),
)
FOURTH_EXTRA = (  # then more Arabic and English openings, for the count
    ("saudinewsnet-ar", "ar", 7),
    ("bbc-news-en", "en", 3),
)
FIFTH_SEED = 20261206
FIFTH_PLAN = (
    ("bbc-news-en", "en", 14),
    ("reuters21578-en", "en", 10),
    ("saudinewsnet-ar", "ar", 22),
    ("fars-varzesh3-fa", "fa", 18),
    ("fakenewscorpus-sample-en", "en", 3),
)
FIFTH_RU = 20
FIFTH_MORE = (  # drawn after the Russian headlines, to reach ~140
    ("bbc-news-en", "en", 3),
    ("reuters21578-en", "en", 3),
    ("saudinewsnet-ar", "ar", 5),
    ("fars-varzesh3-fa", "fa", 6),
)
SIXTH_SEED = 20261207
SIXTH_PLAN = (
    ("bbc-news-en", "en", 16),
    ("reuters21578-en", "en", 15),
    ("saudinewsnet-ar", "ar", 30),
    ("fars-varzesh3-fa", "fa", 25),
    ("fakenewscorpus-sample-en", "en", 4),
)
SIXTH_RU = 15
SEVENTH_SEED = 20261208
SEVENTH_PLAN = (  # the fake-news sample has no unused page left
    ("bbc-news-en", "en", 20),
    ("reuters21578-en", "en", 15),
    ("saudinewsnet-ar", "ar", 30),
    ("fars-varzesh3-fa", "fa", 25),
)
SEVENTH_RU = 15
EARLIER = ("attrib-blind.json", "attrib-fresh.json", "attrib-third.json",
           "attrib-fourth.json", "attrib-fifth.json")
PAGE_SETS = ("mix-facts.json", "mix2-facts.json", "mix3-facts.json")
HERE = os.path.dirname(os.path.abspath(__file__))
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


def used_ids(fourth=False, fifth=False, sixth=False, seventh=False):
    """Ids of the articles of every earlier annotated set."""
    skip = set()
    sixth = sixth or seventh
    names = ["attrib-blind.json", "attrib-fresh.json"]
    if fourth or fifth or sixth:
        names.append("attrib-third.json")
    if fifth or sixth:
        names.append("attrib-fourth.json")
    if sixth:
        names.append("attrib-fifth.json")
    if seventh:
        names.append("attrib-sixth.json")
    for name in names:
        with open(os.path.join(HERE, "data", name), encoding="utf-8") as f:
            skip |= {d["id"] for d in json.load(f)["docs"]}
    if fifth or sixth:  # the real pages of the page-fact sets
        for name in (PAGE_SETS + ("mix4-facts.json",) if seventh else
                     PAGE_SETS if sixth else PAGE_SETS[:2]):
            with open(os.path.join(HERE, "data", name),
                      encoding="utf-8") as f:
                skip |= {g["record"] for k, g in json.load(f).items()
                         if k != "_about"}
    with open(os.path.join(HERE, "data", "fn-facts.json"),
              encoding="utf-8") as f:
        skip |= {"fakenewscorpus/" + k[3:] for k in json.load(f)
                 if k.startswith("fn-")}
    for name in ("real_attrib.jsonl", "real_attrib_heldout.jsonl"):
        path = os.path.join(HERE, "..", "tests", "data", "meta", name)
        with open(path, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                if d.get("doc"):
                    skip.add(d["doc"])
    return skip


def earlier_texts(names=EARLIER):
    """The texts of every earlier attribution set (a Russian headline may
    stand in the paraphrase corpus under more than one id)."""
    texts = set()
    for name in names:
        with open(os.path.join(HERE, "data", name), encoding="utf-8") as f:
            texts |= {d["text"].strip() for d in json.load(f)["docs"]}
    return texts


def russian(shared, rng, n=THIRD_RU, skip=(), skip_texts=()):
    """n distinct headlines (ids in skip and texts in skip_texts left out)
    of the Russian paraphrase corpus that contain a Russian cue word."""
    import xml.etree.ElementTree as ET
    path = os.path.join(shared, "eval", "paraphrase",
                        "paraphraser-ru-headlines.xml")
    seen = {}
    for p in ET.parse(path).getroot().iter("paraphrase"):
        v = {e.get("name"): e.text or "" for e in p.iter("value")}
        for k in ("1", "2"):
            t = v["text_" + k].strip()
            if (t not in seen and any(c in t for c in RU_CUES)
                    and "paraphraser-ru/" + v["id_" + k] not in skip
                    and t not in skip_texts):
                seen[t] = "paraphraser-ru/" + v["id_" + k]
    pool = [{"id": i, "corpus": "paraphraser-ru-headlines", "lang": "ru",
             "text": t} for t, i in seen.items()]
    pool.sort(key=lambda d: d["id"])
    pick = rng.sample(pool, n)
    pick.sort(key=lambda d: hashlib.sha1(d["id"].encode()).hexdigest())
    return pick


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    fresh = "--fresh" in sys.argv[1:]
    third = "--third" in sys.argv[1:]
    fourth = "--fourth" in sys.argv[1:]
    fifth = "--fifth" in sys.argv[1:]
    sixth = "--sixth" in sys.argv[1:]
    seventh = "--seventh" in sys.argv[1:]
    shared = args[0] if args else "../shared"
    if seventh:
        skip = used_ids(seventh=True)
        rng = random.Random(SEVENTH_SEED)
        docs = draw(shared, SEVENTH_PLAN, skip, rng, "seventh")
        for d in russian(shared, rng, SEVENTH_RU, skip,
                         earlier_texts(EARLIER + ("attrib-sixth.json",))):
            d["half"] = "seventh"
            docs.append(d)
        json.dump(docs, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    if sixth:
        skip = used_ids(sixth=True)
        rng = random.Random(SIXTH_SEED)
        docs = draw(shared, SIXTH_PLAN, skip, rng, "sixth")
        for d in russian(shared, rng, SIXTH_RU, skip, earlier_texts()):
            d["half"] = "sixth"
            docs.append(d)
        json.dump(docs, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return
    rng = random.Random(FIFTH_SEED if fifth else FOURTH_SEED if fourth else
                        THIRD_SEED if third else
                        FRESH_SEED if fresh else SEED)
    skip = set()
    plan = (FIFTH_PLAN if fifth else FOURTH_PLAN if fourth else
            THIRD_PLAN if third else FRESH_PLAN if fresh else PLAN)
    if third or fourth or fifth:
        skip = used_ids(fourth, fifth)
    elif fresh:
        with open(FIRST_SET, encoding="utf-8") as f:
            skip = {d["id"] for d in json.load(f)["docs"]}
    half = ("fifth" if fifth else "fourth" if fourth else "third" if third
            else "fresh" if fresh else None)
    docs = draw(shared, plan, skip, rng, half)
    if fifth:
        for d in russian(shared, rng, FIFTH_RU, skip):
            d["half"] = "fifth"
            docs.append(d)
        skip |= {d["id"] for d in docs}
        docs += draw(shared, FIFTH_MORE, skip, rng, half)
    if third:
        for d in russian(shared, rng):
            d["half"] = "third"
            docs.append(d)
        skip |= {d["id"] for d in docs}
        docs += draw(shared, THIRD_MORE, skip, rng, half)
    if fourth:
        for d in russian(shared, rng, FOURTH_RU, skip):
            d["half"] = "fourth"
            docs.append(d)
        skip |= {d["id"] for d in docs}
        docs += draw(shared, FOURTH_MORE, skip, rng, half)
        skip |= {d["id"] for d in docs}
        docs += draw(shared, FOURTH_EXTRA, skip, rng, half)
    json.dump(docs, sys.stdout, ensure_ascii=False, indent=1)
    print()


def draw(shared, plan, skip, rng, half):
    """Openings drawn from the corpora of plan, ids in skip left out; all
    in half, or (half None) alternately "dev" and "held"."""
    docs = []
    for corpus, lang, n in plan:
        path = os.path.join(shared, "corpora", corpus + ".jsonl.gz")
        pool = []
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                t = opening(d.get("text") or "")
                if d["id"] in skip:
                    continue
                least = 400 if corpus.startswith("fakenews") else 200
                if len(t) >= least and any(c in t for c in CUES[lang]):
                    pool.append({"id": d["id"], "corpus": corpus,
                                 "lang": lang, "text": t})
        pick = rng.sample(pool, n)
        pick.sort(key=lambda d: hashlib.sha1(d["id"].encode()).hexdigest())
        for k, d in enumerate(pick):
            d["half"] = half or ("dev" if k % 2 == 0 else "held")
        docs += pick
    return docs


if __name__ == "__main__":
    main()
