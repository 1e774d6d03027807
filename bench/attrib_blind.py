#!/usr/bin/env python3
"""Attributions of `hearsay meta` on the blind set (bench/data/attrib-blind.json).

Usage: bench/attrib_blind.py [HEARSAY] [SET] [--show]
  HEARSAY  the hearsay binary (default build/hearsay)
  SET      the annotated set (default bench/data/attrib-blind.json;
           bench/data/attrib-fresh.json is the second, smaller set, all of
           it in the half "fresh"; bench/data/attrib-third.json the third,
           all of it in the half "third"; bench/data/attrib-fourth.json the
           fourth, all of it in the half "fourth";
           bench/data/attrib-fifth.json the fifth, all of it in the half
           "fifth"; bench/data/attrib-sixth.json the sixth, all of it in
           the half "sixth"; bench/data/attrib-seventh.json the seventh,
           all of it in the half "seventh")
  --show   print the misses and false finds of the dev half and of the
           fresh, third, fourth, fifth and sixth sets, which became
           development data once later sets were written (never those of
           the held or seventh halves: their cases are not read one by one)

The set holds 60 openings of real articles (BBC News, Reuters-21578,
SaudiNewsNet, Fars News; chosen by bench/attrib_blind_pick.py) with every
attribution annotated by hand before hearsay was run on them; the
annotation guide is at the top of the file.  Each article is run as its own
document.  Scores, per language and half:

  span    a found attribution is right when its source_span equals the
          annotated span, or one of its `alt` spans, exactly; a leading
          English article ("the", "a", "an") and a parenthesized
          abbreviation at the end are dropped from both sides first.
          Found records marked `vague` or `resolved` are not counted (a
          vague reference is never a source of its own); one that lands
          on an annotated `optional` or `credit` record is not counted
          either; one that lands on an annotated `vague` record is a false
          find.  P = right / counted found, R = found annotated / annotated.
  +type   the same, also with the annotated type.
  chain   links citing -> cited: from the found records, each record with
          chain_pos > 0 is linked to the record of the same chain at
          chain_pos - 1 (the one with the same content_span, else the
          nearest); both ends must be right spans.  P and R of the links
          as annotated (`by`), and `dir`: of the annotated links found in
          either direction, the share found in the right one.
"""
import json
import re
import sys
from collections import defaultdict

from hsrun import meta_records

# halves whose cases --show prints: development data once a later set was
# written; "held" and "seventh" are only run for their figures
DEV_HALVES = ("dev", "fresh", "third", "fourth", "fifth", "sixth")
ART = re.compile(rb"^(the|a|an)\s+", re.I)
ABBR = re.compile(rb"\s*\([^()]*\)$")


def nspan(tb, s, e):
    t = tb[s:e]
    m = ART.match(t)
    if m:
        s += m.end()
        t = t[m.end():]
    m = ABBR.search(t)
    if m and m.start() > 0:
        e -= len(t) - m.start()
    return (s, e)


def score_doc(doc, rec, st, show):
    tb = doc["text"].encode("utf-8")
    gold = doc["attributions"]
    gspans = []
    for g in gold:
        sp = {nspan(tb, g["start"], g["end"])}
        sp |= {nspan(tb, a[1], a[2]) for a in g.get("alt", [])}
        gspans.append(sp)

    def kind(g):
        for k in ("credit", "vague", "optional"):
            if g.get(k):
                return k
        return "scored"

    scored = [k for k, g in enumerate(gold) if kind(g) == "scored"]
    st["gold"] += len(scored)
    got = rec.get("attributions") or [] if rec else []
    match = {}  # found index -> gold index
    used = set()
    for i, a in enumerate(got):
        sp = a.get("source_span") or [0, 0]
        ns = nspan(tb, sp[0], sp[1])
        hit = [k for k, s in enumerate(gspans) if ns in s and k not in used]
        if hit:
            match[i] = hit[0]
            used.add(hit[0])
        if a.get("vague") or a.get("resolved"):
            st["found_vague"] += 1
            continue
        if hit and kind(gold[hit[0]]) in ("optional", "credit"):
            st["credit_found" if kind(gold[hit[0]]) == "credit"
               else "optional_found"] += 1
            continue
        st["found"] += 1
        if hit and kind(gold[hit[0]]) == "scored":
            st["tp"] += 1
            st["tpt"] += a.get("type") == gold[hit[0]]["type"]
            if show and a.get("type") != gold[hit[0]]["type"]:
                print("  TYPE  %s: %r %s, annotated %s" % (
                    doc["id"], a.get("source"), a.get("type"),
                    gold[hit[0]]["type"]))
        else:
            if hit:
                st["vague_as_source"] += 1
            if show:
                print("  FALSE %s: %r (%s)%s" % (
                    doc["id"], a.get("source"), a.get("type"),
                    " on a vague reference" if hit else ""))
    for k in scored:
        if k not in used and show:
            print("  MISS  %s: %r (%s); found %s" % (
                doc["id"], gold[k]["source"], gold[k]["type"],
                [a.get("source") for a in got]))
    st["credits"] += sum(1 for g in gold if kind(g) == "credit")

    # chains
    glinks = {(g["by"], k) for k, g in enumerate(gold)
              if "by" in g and kind(g) == "scored"
              and kind(gold[g["by"]]) == "scored"}
    plinks = set()
    nplinks = 0
    for i, a in enumerate(got):
        pos = a.get("chain_pos") or 0
        if pos <= 0:
            continue
        cands = [j for j, b in enumerate(got) if j != i and
                 b.get("chain") == a.get("chain") and
                 b.get("chain_pos") == pos - 1]
        if not cands:
            continue
        same = [j for j in cands
                if got[j].get("content_span") == a.get("content_span")]
        j = (same or sorted(cands, key=lambda j: abs(
            (got[j].get("source_span") or [0])[0] -
            (a.get("source_span") or [0])[0])))[0]
        ci, cj = match.get(j), match.get(i)
        if (ci is not None and kind(gold[ci]) != "scored") or \
           (cj is not None and kind(gold[cj]) != "scored"):
            continue  # a link to an optional record: not counted
        nplinks += 1
        if ci is not None and cj is not None:
            plinks.add((ci, cj))
        elif show:
            print("  LINK? %s: %r -> %r" % (doc["id"], got[j].get("source"),
                                             a.get("source")))
    st["l_found"] += nplinks
    st["l_gold"] += len(glinks)
    st["l_tp"] += len(glinks & plinks)
    either = {l for l in glinks if l in plinks or (l[1], l[0]) in plinks}
    st["l_either"] += len(either)
    st["l_dir"] += len(either & plinks)
    if show:
        for l in sorted(glinks - plinks):
            print("  CHAIN %s: %r -> %r %s" % (
                doc["id"], gold[l[0]]["source"], gold[l[1]]["source"],
                "reversed" if (l[1], l[0]) in plinks else "missing"))


def ratio(a, b):
    return "%.2f" % (a / b) if b else "  - "


def line(name, st):
    return ("%-10s %4d %5d %5d   %s %s   %s %s   %5d %s %s %s   %d/%d %d %d" % (
        name, st["docs"], st["gold"], st["found"],
        ratio(st["tp"], st["found"]), ratio(st["tp"], st["gold"]),
        ratio(st["tpt"], st["found"]), ratio(st["tpt"], st["gold"]),
        st["l_gold"], ratio(st["l_tp"], st["l_found"]),
        ratio(st["l_tp"], st["l_gold"]), ratio(st["l_dir"], st["l_either"]),
        st["credit_found"], st["credits"], st["vague_as_source"],
        st["found_vague"]))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show = "--show" in sys.argv[1:]
    exe = args[0] if args else "build/hearsay"
    path = args[1] if len(args) > 1 else "bench/data/attrib-blind.json"
    docs = json.load(open(path, encoding="utf-8"))["docs"]
    recs = {r["doc"]: r for r in meta_records(
        exe, [{"id": d["id"], "text": d["text"]} for d in docs])}
    stats = defaultdict(lambda: defaultdict(int))
    for d in docs:
        st = defaultdict(int)
        score_doc(d, recs.get(d["id"]), st,
                  show and d["half"] in DEV_HALVES)
        st["docs"] = 1
        for key in ((d["half"], d["lang"]), (d["half"], "all")):
            for k, v in st.items():
                stats[key][k] += v
    print("%-10s %4s %5s %5s   %-9s   %-9s   %5s %-14s   %s" % (
        "half/lang", "docs", "annot", "found", "span P R", "+type P R",
        "links", "chain P R dir", "credits, vague as source, vague found"))
    for half in ("dev", "held", "fresh", "third", "fourth", "fifth",
                 "sixth", "seventh"):
        for lang in ("en", "ar", "fa", "ru", "all"):
            if (half, lang) in stats:
                print(line(half + "/" + lang, stats[(half, lang)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
