#!/usr/bin/env python3
"""Write the name tables of docs/sources.md from data/aliases.tsv,
data/places.tsv (one table per script: Latin, Arabic, Persian, Cyrillic)
and data/parents.tsv (media companies and their publications), and its
cue tables from src/attrib/cues.c, one table per language.

Usage: scripts/source_tables.py [--check]

The name tables sit between the "#### Latin-script names" heading and the
"## The propagation graph" heading, the cue tables between the "#### Cue
forms, one table per language" heading and the "**Chains**" paragraph;
everything else of the file is kept.
A name goes to the table of its script: Cyrillic letters make it Russian,
Arabic letters Arabic, and one of the Persian-only letters (پ چ ژ گ ی ک) or
a zero-width non-joiner Persian.  --check exits 1 when the file is not up
to date (tests/cli/page_facts.sh checks that every name is listed).
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
START = "#### Latin-script names"
END = "## The propagation graph"
SCRIPTS = (("latin", "Latin-script names (English; also site and folder names)"),
           ("ar", "Arabic names"), ("fa", "Persian names"),
           ("ru", "Russian names"))


def script(name):
    if any("\u0400" <= c <= "\u04ff" for c in name):
        return "ru"
    if any("\u0600" <= c <= "\u06ff" for c in name):
        if any(c in "پچژگیک\u200c" for c in name):
            return "fa"
        return "ar"
    return "latin"


def rows(path):
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line and not line.startswith("#"):
            yield line.split("\t")


def alias_tables():
    out = []
    for key, title in SCRIPTS:
        body = []
        for f in rows(os.path.join(ROOT, "data", "aliases.tsv")):
            names = [n for n in [f[0]] + f[2:] if n and
                     script(n.lstrip("=")) == key]
            if names:
                body.append(f"| {f[0].lstrip('=')} | {f[1]} | " +
                            ", ".join(f"`{n}`" for n in names) + " |")
        if body:
            out += [f"#### {title}", "", "| canonical | type | accepted forms |",
                    "|---|---|---|"] + body + [""]
    return out


def place_tables():
    out = ["### The place table", "",
           "`data/places.tsv` (built in like the alias table) lists "
           "countries, regions and cities, one per line: its English name, "
           "then its other names (TAB-separated). A source that is one of "
           "them, as a whole (a leading \"the\" dropped), is `official`, "
           "never a person; a line \"PLACE - NAME\" of at most 3 name words "
           "is a dateline with a reporter's name, never the headline. Names "
           "are compared after the alias table's normalization.", ""]
    for key, title in SCRIPTS:
        body = []
        for f in rows(os.path.join(ROOT, "data", "places.tsv")):
            names = [n for n in f if n and script(n) == key]
            if names:
                body.append(f"| {f[0]} | " +
                            ", ".join(f"`{n}`" for n in names) + " |")
        if body:
            title = title.split(" (")[0].replace(" names", "")
            out += [f"#### Places: {title}", "", "| place | accepted forms |",
                    "|---|---|"] + body + [""]
    return out


def parent_table():
    out = ["### The company table", "",
           "`data/parents.tsv` (built in like the alias table) lists media "
           "companies and the publications they own. A copyright holder or "
           "masthead that is one of the companies (as a whole or as its "
           "first words, ASCII case folded) gives the company's publication "
           "that the page's short lines name most, as whole words in any of "
           "its spellings, or its only publication "
           "(`outlet_source` `parent`, 0.65). The first spelling of a "
           "publication is the outlet given (through the alias table).", "",
           "| company | publications (other spellings in brackets) |",
           "|---|---|"]
    for f in rows(os.path.join(ROOT, "data", "parents.tsv")):
        pubs = []
        for col in f[1:]:
            sp = col.split(";")
            pubs.append(f"`{sp[0]}`" + (" (" + ", ".join(
                f"`{x}`" for x in sp[1:]) + ")" if len(sp) > 1 else ""))
        out.append("| " + ", ".join(f"`{x}`" for x in f[0].split(";")) +
                   " | " + ", ".join(pubs) + " |")
    return out + [""]


CUE_START = "#### Cue forms, one table per language"
CUE_END = "**Chains**"
FLAGS = (("F_CITING", "citing: continues the chain of the source before"),
         ("F_REVERSE", "reversed: the source after it cites the one before"),
         ("F_DENIAL", "denial"),
         ("F_LINESTART", "at a line start only"),
         ("F_ATTACHED", "may be joined to the next word"),
         ("F_INVERT", "also '\"...,\" CUE NAME': the name after it"))
FLAGS += (("F_THAT", "only when «أن» follows the source"),
          ("F_TOLD", "the one told, quoted, may stand before the source"),
          ("F_VERB", "a reporting verb follows, then the source"))
LANGS = (("en", "English"), ("ar", "Arabic"), ("fa", "Persian"),
         ("ru", "Russian"))


def cue_tables():
    """The cue rows of src/attrib/cues.c, in table order (the first, the
    longest, cue matching at a word decides)."""
    src = open(os.path.join(ROOT, "src", "attrib", "cues.c"),
               encoding="utf-8").read()
    body = src[src.index("const cue_row hs_attr_cues[]"):]
    body = body[:body.index("};")]
    rows_ = re.findall(r'\{"(en|ar|fa|ru)", "((?:[^"\\]|\\.)*)", (BEFORE|AFTER), '
                       r'([^}]*)\}', body)
    out = [CUE_START, "",
           "Written by `scripts/source_tables.py` from the table `hs_attr_cues` "
           "of `src/attrib/cues.c`: every accepted cue form, where its source "
           "is read (before or after it) and what else it means. A cue "
           "matches at a word start, ASCII and Cyrillic case folded; Persian "
           "cues also match Persian written with Arabic letters (ي ى for ی, ك "
           "for ک). A Russian verb's source is read before it, or after it "
           "where a quotation, a comma or «Об этом» stands before it.",
           ""]
    for key, title in LANGS:
        out += [f"##### {title} cues", "", "| cue | source | meaning |",
                "|---|---|---|"]
        for lang, text, side, flags in rows_:
            if lang != key:
                continue
            what = [m for f, m in FLAGS if f in flags]
            if text.endswith(" "):
                # a cue shorter than the index key, written with its space
                text = text.rstrip()
                what = [m for m in what if m != "may be joined to the next word"]
                what.insert(0, "a word follows")
            out.append(f"| `{text}` | {side.lower()} | " +
                       ("; ".join(what) if what else "statement") + " |")
        out.append("")
    return out


def main():
    path = os.path.join(ROOT, "docs", "sources.md")
    doc = open(path, encoding="utf-8").read()
    a = doc.index(START)
    b = doc.index(END, a)
    new = doc[:a] + "\n".join(alias_tables() + place_tables() + parent_table()) + "\n" + doc[b:]
    a = new.index(CUE_START)
    b = new.index(CUE_END, a)
    new = new[:a] + "\n".join(cue_tables()) + "\n" + new[b:]
    if "--check" in sys.argv[1:]:
        sys.exit(0 if new == doc else 1)
    if new != doc:
        open(path, "w", encoding="utf-8").write(new)


if __name__ == "__main__":
    main()
