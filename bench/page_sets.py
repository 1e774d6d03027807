"""Which real pages the page-fact sets of bench/page_eval.py hold.

The --fn and --mix to --mix6 sets are drawn from the corpora of
SHARED/corpora by fixed rules, so that a set can be named by its rule
and checked against its annotation in bench/data/, and so that a
later draw can leave out every record an earlier set (or any file in
bench/ and tests/) may have looked at.  The rules and the way each
corpus's record is turned into a page (what a scrape of it shows, without
the collection's metadata) live here; the scoring lives in page_eval.py.

`bench/page_eval.py --mixN SHARED --list` prints a set's pages without
running anything.
"""
import gzip
import hashlib
import json
import os
import random
import re

# --fn: scraped pages of the fake-news corpus sample

def fn_pages(shared):
    """The pages of bench/data/fn-facts.json, chosen by a fixed rule from
    SHARED/corpora/fakenewscorpus-sample-en.jsonl.gz: records of at least
    400 characters, at most 6 per site, those with the smallest SHA-1 of
    their id.  Returns (id, site, text); the id is "fn-" and the record's
    number.  Only the text is given to hearsay (no series, date, title or
    URL)."""
    with gzip.open(os.path.join(shared, "corpora",
                                "fakenewscorpus-sample-en.jsonl.gz"),
                   "rt", encoding="utf-8") as f:
        docs = [json.loads(x) for x in f]
    by_site = {}
    for r in docs:
        if len(r["text"]) >= 400:
            by_site.setdefault(r["series"], []).append(r)
    out = []
    for site in sorted(by_site):
        rs = sorted(by_site[site], key=lambda r: sha1(r["id"]))[:6]
        out += [("fn-" + r["id"].split("/")[1], site, r["text"]) for r in rs]
    return out


def sha1(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


# --mix: real pages of five corpora nobody tuned on, as plain text

MIX = (("fakenewscorpus-sample-en", 30), ("20newsgroups-en", 25),
       ("spamassassin-en", 25), ("bbc-news-en", 20),
       ("reuters21578-en", 20), ("fars-varzesh3-fa", 10))


def mix_used(shared):
    """The ids any earlier page or attribution set may have looked at: those
    named in bench/ and tests/, the --real sample (40, seed 1) and
    meta_real.py's samples (300, seed 1)."""
    here = os.path.dirname(os.path.abspath(__file__))
    used = set()
    for root in (here, os.path.join(here, "..", "tests")):
        for dp, _, fns in os.walk(root):
            for fn in fns:
                with open(os.path.join(dp, fn), encoding="utf-8",
                          errors="ignore") as f:
                    used.update(re.findall(
                        r"(?:20ng|spamassassin|bbc|reuters|farsnews|varzesh3|"
                        r"saudinewsnet|fakenewscorpus)"
                        r"/[\w./-]+", f.read()))
    for c, n in (("bbc-news-en", 40), ("fars-varzesh3-fa", 40),
                 ("saudinewsnet-ar", 40)):
        with gzip.open(os.path.join(shared, "corpora", c + ".jsonl.gz"),
                       "rt", encoding="utf-8") as f:
            docs = [json.loads(x) for x in f]
        used.update(r["id"] for r in random.Random(1).sample(docs, n))
    for c in ("reuters21578-en", "20newsgroups-en", "spamassassin-en",
              "saudinewsnet-ar"):
        with gzip.open(os.path.join(shared, "corpora", c + ".jsonl.gz"),
                       "rt", encoding="utf-8") as f:
            docs = [json.loads(x) for x in f]
        rng = random.Random(1)
        used.update(docs[i]["id"] for i in
                    rng.sample(range(len(docs)), min(300, len(docs))))
    return used


def mix_pages(shared, chosen=None, sets=MIX, salt=""):
    """The pages of bench/data/mix-facts.json, chosen by a fixed rule: per
    corpus of MIX, the records with the smallest SHA-1 of their id that no
    earlier set used (mix_used); for the fake-news sample, beforeitsnews.com
    records of 400 characters or more that fn_pages did not take (the
    site's template was in --fn's held half only).  Each page is what a
    scrape of it shows, without the collection's metadata: a message
    whole with its headers (20 Newsgroups, SpamAssassin), a Reuters story
    as its record reads (title line, then the dateline and body), the
    text of the others; no series, date, title or URL is given.  Returns
    (id, corpus, text, record id).  With CHOSEN (record ids), those
    records, as the annotation lists them: files added to bench/ later
    would move the rule's choice.  With SALT (--mix2), the order is the
    SHA-1 of SALT and the id, the fake-news pages are of any site, and
    neither --fn's records nor those of the earlier draws' annotations
    (EARLIER) are taken.  A SaudiNewsNet page (--mix3 to --mix6) is its
    title line, its byline line (the record's author, where it has one)
    and its text, as the article's page shows them; no series, date or
    URL."""
    used = mix_used(shared) if chosen is None else set()
    if salt and chosen is None:
        for name in EARLIER[salt]:
            prior = json.load(open(os.path.join(os.path.dirname(
                os.path.abspath(__file__)), "data", name), encoding="utf-8"))
            used.update(g["record"] for k, g in prior.items()
                        if k != "_about")
    fn_ids = {pid for pid, _, _ in fn_pages(shared)}
    out = []
    for corpus, n in sets:
        with gzip.open(os.path.join(shared, "corpora", corpus + ".jsonl.gz"),
                       "rt", encoding="utf-8") as f:
            docs = [json.loads(x) for x in f]
        # SpamAssassin's ids repeat across its folders: with the folder
        uid = (lambda r: r["series"] + "/" + r["id"]) \
            if corpus.startswith("spam") else (lambda r: r["id"])
        keep = []
        for r in sorted(docs, key=lambda r: sha1(salt + uid(r))):
            if chosen is not None:
                if uid(r) not in chosen:
                    continue
            elif r["id"] in used or len(keep) == n:
                continue
            text = r["text"]
            if corpus.startswith("fakenews"):
                if ((r["series"] != "beforeitsnews.com" and not salt) or
                        len(text) < 400 or
                        "fn-" + r["id"].split("/")[1] in fn_ids):
                    continue
            if corpus.startswith("reuters"):
                if not r.get("title") or not r.get("dateline"):
                    continue
                text = r["title"] + "\n    " + r["dateline"] + " " + text
            if corpus.startswith("saudinewsnet"):
                if not r.get("title"):
                    continue
                text = "\n".join([r["title"]] + ([r["author"]] if
                                  r.get("author") else []) + ["", text])
            keep.append(r)
            pid = corpus.split("-")[0] + "-" + sha1(uid(r))[:10]
            out.append((pid, corpus, text, uid(r)))
    return out


# --mix2: a second draw of the same corpora, none of --mix's or --fn's pages

MIX2 = (("fakenewscorpus-sample-en", 35), ("spamassassin-en", 25),
        ("20newsgroups-en", 10), ("bbc-news-en", 10),
        ("reuters21578-en", 10), ("fars-varzesh3-fa", 10))
MIX2_SALT = "mix2:"

# --mix3: a third draw, none of --mix's, --mix2's or --fn's pages, with
# SaudiNewsNet's Arabic articles

MIX3 = (("fakenewscorpus-sample-en", 25), ("spamassassin-en", 20),
        ("20newsgroups-en", 10), ("bbc-news-en", 10),
        ("reuters21578-en", 10), ("fars-varzesh3-fa", 10),
        ("saudinewsnet-ar", 15))
MIX3_SALT = "mix3:"

# --mix4: a fourth draw, none of the earlier draws' or --fn's pages, with
# more of the pages whose outlet is hard to read (Arabic bylines and
# credits, Persian leads, wire sign-offs, republications, e-mails)

MIX4 = (("fakenewscorpus-sample-en", 20), ("spamassassin-en", 15),
        ("20newsgroups-en", 5), ("bbc-news-en", 10),
        ("reuters21578-en", 15), ("fars-varzesh3-fa", 15),
        ("saudinewsnet-ar", 20))
MIX4_SALT = "mix4:"

# --mix5: a fifth draw, the composition of --mix4 (pages whose outlet is
# hard to read), none of the earlier draws' or --fn's pages, nor any text
# of the attribution sets (bench/data/attrib-*.json, read by mix_used)

MIX5 = MIX4
MIX5_SALT = "mix5:"

# --mix6: a sixth draw for publication dates, none of the earlier draws',
# --fn's or the attribution sets' pages: mostly the corpora whose pages
# state a date in their header zone (e-mails' Date: headers, the fake-news
# sample's bylines and tickers), with pages that state none beside them
# (BBC stories, Usenet messages without a Date: header, Reuters datelines
# without a year) to count dates taken from a page's body

MIX6 = (("spamassassin-en", 50), ("fakenewscorpus-sample-en", 15),
        ("20newsgroups-en", 10), ("bbc-news-en", 10),
        ("reuters21578-en", 10), ("saudinewsnet-ar", 5))
MIX6_SALT = "mix6:"

# the annotations whose records a salted draw leaves out
EARLIER = {MIX2_SALT: ("mix-facts.json",),
           MIX3_SALT: ("mix-facts.json", "mix2-facts.json"),
           MIX4_SALT: ("mix-facts.json", "mix2-facts.json",
                       "mix3-facts.json"),
           MIX5_SALT: ("mix-facts.json", "mix2-facts.json",
                       "mix3-facts.json", "mix4-facts.json"),
           MIX6_SALT: ("mix-facts.json", "mix2-facts.json",
                       "mix3-facts.json", "mix4-facts.json",
                       "mix5-facts.json")}

MIX_SETS = {"--mix": ("mix-facts.json", MIX, ""),
            "--mix2": ("mix2-facts.json", MIX2, MIX2_SALT),
            "--mix3": ("mix3-facts.json", MIX3, MIX3_SALT),
            "--mix4": ("mix4-facts.json", MIX4, MIX4_SALT),
            "--mix5": ("mix5-facts.json", MIX5, MIX5_SALT),
            "--mix6": ("mix6-facts.json", MIX6, MIX6_SALT)}


def mix_list(shared, facts_file, sets, salt):
    """Prints the pages of a --mix set (id, corpus, record, characters)
    without running anything: those the annotation lists, or where it
    does not exist yet, the rule's draw."""
    chosen = None
    if os.path.exists(facts_file):
        facts = json.load(open(facts_file, encoding="utf-8"))
        facts.pop("_about", None)
        chosen = {g["record"] for g in facts.values()}
    for pid, corpus, text, rec in mix_pages(shared, chosen, sets, salt):
        print(f"{pid}\t{corpus}\t{rec}\t{len(text)}")
