#!/usr/bin/env python3
"""Scores the story model on a corpus whose true chain is written in a
truth.json (bench/story/insulin/), through every command that names a first
publisher: edges by kind (precision, recall), the direction of reuse and
republication edges against the true dates, the documents' dates and outlets,
the first publisher of the story, and whether `stories`, `story N`,
`graph --level doc`, `timeline`, `sources`, `search --timeline` and `trace`
agree.

usage: python3 bench/story/score.py build/hearsay bench/story/insulin [--json]

truth.json: {"corpus": DIR relative to the truth, "first": {doc, outlet, date},
 "docs": {CODE: {id, outlet, date, lang, copy_of, in_story}},
 "edges": [{kind, from, to}] (CODEs, earlier document first),
 "optional_citations": [{outlet, to}], "query": a claim for search --timeline}.
Paraphrase edges are scored on the documents' originals (a copy counts as the
text it copies); citations by the cited outlet (FROM stands for its outlet);
an edge of any kind between two languages is scored apart: right when both
documents belong to the story.  A first-run record is printed as JSON with
--json, else as a short text report."""
import json, os, subprocess, sys, tempfile

args = [a for a in sys.argv[1:] if not a.startswith("--")]
as_json = "--json" in sys.argv
hearsay = args[0] if args else "build/hearsay"
here = args[1] if len(args) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "insulin")
T = json.load(open(os.path.join(here, "truth.json"), encoding="utf-8"))
corpus = os.path.join(here, T.get("corpus", "corpus"))
docs = T["docs"]
code = {d["id"]: c for c, d in docs.items()}          # hearsay id -> code
instory = {c for c, d in docs.items() if d.get("in_story", True)}


def run(*a):
    return subprocess.run([hearsay, *a], capture_output=True, text=True, check=True).stdout


def jl(s):
    return [json.loads(l) for l in s.splitlines() if l.strip()]


def C(i):
    return code.get(i, i)


def orig(c):
    return docs.get(c, {}).get("copy_of") or c


res = {}
# --- graph --level doc: nodes and edges ----------------------------------
g = jl(run("graph", "--level", "doc", "--format", "jsonl", corpus))
nodes = {C(r["id"]): r for r in g if r["type"] == "node"}
edges = [dict(r, f=C(r["from"]), t=C(r["to"])) for r in g if r["type"] == "edge"]
truth = {}
for e in T["edges"]:
    truth.setdefault(e["kind"], set()).add((e["from"], e["to"]))
optional = {(o["outlet"], o["to"]) for o in T.get("optional_citations", [])}
lang = {c: d.get("lang") for c, d in docs.items()}


def xlang(a, b):
    return lang.get(a) and lang.get(b) and lang[a] != lang[b]


def canon(kind, a, b):
    if kind == "paraphrase":
        return frozenset((orig(a), orig(b)))
    if kind == "citation":
        return (docs.get(a, {}).get("outlet"), b)
    return frozenset((a, b))


def show(x):
    return "->".join(x) if isinstance(x, tuple) else "-".join(sorted(x))


for kind in ("reuse", "republication", "paraphrase", "citation"):
    # citations are scored by the cited outlet, whatever the languages
    keep = (lambda a, b: True) if kind == "citation" else (lambda a, b: not xlang(a, b))
    tset = {(a, b) for a, b in truth.get(kind, set()) if keep(a, b)}
    tu = {canon(kind, a, b) for a, b in tset}
    if kind == "paraphrase":
        tu = {x for x in tu if len(x) == 2}
    pred = [e for e in edges if e["kind"] == kind and keep(e["f"], e["t"])]
    pu = {canon(kind, e["f"], e["t"]) for e in pred}
    if kind == "paraphrase":
        pu = {x for x in pu if len(x) == 2}
    if kind == "citation":
        pu -= optional
    tp = len(pu & tu)
    res[kind] = dict(predicted=len(pu), true=len(tu), right=tp,
                     precision=round(tp / len(pu), 3) if pu else None,
                     recall=round(tp / len(tu), 3) if tu else None,
                     wrong=sorted(show(x) for x in pu - tu),
                     missed=sorted(show(x) for x in tu - pu))
# direction of reuse and republication edges against the true dates
dr = dict(right=0, wrong=0, unstated=0, same_true_date=0, wrong_edges=[], unstated_edges=[])
for e in edges:
    if e["kind"] not in ("reuse", "republication"):
        continue
    da, db = docs.get(e["f"], {}).get("date"), docs.get(e["t"], {}).get("date")
    if not da or not db:
        continue
    if da == db:
        dr["same_true_date"] += 1
        continue
    tag = f"{e['f']}->{e['t']} ({e['kind']}, {e.get('order')})"
    if e.get("order") != "dated":
        dr["unstated"] += 1
        dr["unstated_edges"].append(tag)
    elif da < db:
        dr["right"] += 1
    else:
        dr["wrong"] += 1
        dr["wrong_edges"].append(tag)
res["direction"] = dr
cross = [e for e in edges if xlang(e["f"], e["t"])]
tcross = {frozenset((a, b)) for k, s in truth.items() for a, b in s if xlang(a, b)}
res["cross_language"] = dict(
    edges=len(cross),
    right=sum(1 for e in cross if e["f"] in instory and e["t"] in instory),
    true_pairs=len(tcross),
    true_pairs_found=len(tcross & {frozenset((e["f"], e["t"])) for e in cross}),
    kinds=sorted({e["kind"] for e in cross}))
# --- stories ----------------------------------------------------------------
st = jl(run("stories", "--format", "jsonl", corpus))
dinfo = {}
for s in st:
    for d in s.get("doc_info", []):
        dinfo[C(d["doc"])] = d
res["stories"] = [dict(story=s["story"], first=C(s["first"]["doc"]), tie=s["first"].get("tie"),
                       docs=[C(d) for d in s["docs"]]) for s in st]
main = max(st, key=lambda s: (len(instory & {C(d) for d in s["docs"]}), -s["story"])) if st else None
tf = T["first"]
if main:
    fd = C(main["first"]["doc"])
    res["first"] = dict(doc=fd, outlet=main["first"].get("outlet"), date=main["first"].get("date"),
                        date_source=main["first"].get("evidence", {}).get("date_source"),
                        tie=main["first"].get("tie"),
                        right=fd == tf["doc"] or (main["first"].get("outlet") == tf["outlet"] and
                                                  (main["first"].get("date") or "")[:10] == tf["date"]))
    res["main_story"] = dict(story=main["story"], documents=main["documents"],
                             true_docs_in=sorted(instory & {C(d) for d in main["docs"]}),
                             true_docs_out=sorted(instory - {C(d) for d in main["docs"]}))
else:
    res["first"] = dict(doc=None, right=False)
inany = {C(d) for s in st for d in s["docs"]}
den = set(T.get("denials", []))
pden = {c for c, i in dinfo.items() if i.get("denial")}
res["denials"] = dict(true=sorted(den), marked=sorted(pden), right=sorted(den & pden),
                      wrong=sorted(pden - den), missed=sorted(den - pden))
res["unrelated_in_a_story"] = sorted((set(docs) - instory) & inany)
res["story_docs_in_no_story"] = sorted(instory - inany)
# the documents' dates and outlets as the model has them (every command's)
facts = dict(date_right=0, date_wrong=[], date_missing=[], outlet_right=0, outlet_wrong=[])
meta = {C(r["doc"]): r for r in jl(run("meta", "--format", "jsonl", corpus))}
for c, d in sorted(docs.items()):
    info = dinfo.get(c)
    date = info["date"] if info else (meta.get(c, {}).get("date") or {}).get("value")
    outlet = info["outlet"] if info else (meta.get(c, {}).get("outlet") or {}).get("value")
    if date == d["date"]:
        facts["date_right"] += 1
    elif date:
        facts["date_wrong"].append(f"{c}: {date} (true {d['date']})")
    else:
        facts["date_missing"].append(c)
    if outlet == d["outlet"]:
        facts["outlet_right"] += 1
    else:
        facts["outlet_wrong"].append(f"{c}: {outlet} (true {d['outlet']})")
facts["documents"] = len(docs)
res["facts"] = facts


# --- agreement between commands --------------------------------------------
def model_date(c):
    i = dinfo.get(c)
    if i:
        return i.get("date"), i.get("date_source")
    m = meta.get(c, {})
    return (m.get("date") or {}).get("value"), m.get("date_source")


def rule_first(cs):
    """The documents that the one rule may name first (the tied ones)."""
    key = lambda c: (model_date(c)[0] is None, model_date(c)[0] or "", model_date(c)[1] != "metadata")
    cs = list(cs)
    if not cs:
        return set()
    k = min(key(c) for c in cs)
    return {c for c in cs if key(c) == k}


agree, notes = {}, []
S = C(main["first"]["doc"]) if main else None
if main:
    sn = jl(run("story", str(main["story"]), corpus))
    fn = [C(r["node"]["doc"]) for r in sn if r["type"] == "node" and r.get("first")]
    agree["story N"] = C(sn[0]["first"]["doc"]) == S and fn == [S]
    gf = [c for c, n in nodes.items() if n.get("first") and n.get("story") == main["story"]]
    agree["graph --level doc"] = gf == [S]
    txt = run("stories", "--id", str(main["story"]), "--format", "text", corpus)
    agree["stories --id (text)"] = (dinfo[S]["headline"] or "")[:40] in txt.split("\n<-")[0] or S in txt
# families: timeline and sources name each family's first; it must be the
# rule's first of the family's documents, the same in both and in the report
tl = jl(run("timeline", "--format", "jsonl", corpus))
fam_docs = {}  # a family's documents: those of its passages (`reuse`)
for r in jl(run("reuse", "--format", "jsonl", corpus)):
    for side in ("a", "b"):
        fam_docs.setdefault(r["family"], set()).add(C(r[side]["doc"]))
tl_first = {r["family"]: C(r["first_doc"]) for r in tl if "first_doc" in r}
so = jl(run("sources", "--format", "jsonl", corpus))
so_first = {r["family"]: C(r["first_doc"]) for r in so if r.get("section") == "families"}
bad = [f for f, c in tl_first.items() if c not in rule_first(fam_docs.get(f, ()))]
agree["timeline (families)"] = not bad and bool(tl_first)
agree["sources (families)"] = so_first == tl_first
if bad:
    notes.append(f"timeline families whose first is not the rule's: {bad}")
q = T.get("query")
if q:
    hits = jl(run("search", corpus, "--timeline", "--query", q))
    hd = [C(h["doc"]) for h in hits]
    hf = [C(h["doc"]) for h in hits if h.get("first")]
    hdate = {C(h["doc"]): (h.get("date"), h.get("date_source")) for h in hits}
    key = lambda c: (hdate[c][0] is None, hdate[c][0] or "", hdate[c][1] != "metadata")
    exp = {c for c in hd if key(c) == min(key(x) for x in hd)} if hd else set()
    ok = len(set(hf)) == 1 and hf[0] in exp
    if S in hd and S in exp:
        ok = ok and hf[0] == S
    agree["search --timeline"] = ok
    res["search"] = dict(query=q, hits=len(hits), docs=sorted(set(hd)), first=hf[:1],
                         story_first_in_hits=S in hd)
with tempfile.TemporaryDirectory() as tmp:
    run("trace", "-q", corpus, "-o", os.path.join(tmp, "r"))

    def load(name):
        s = open(os.path.join(tmp, "r", "data", name), encoding="utf-8").read()
        return json.loads(s[s.index("(", 10) + 1:-3])
    m = load("meta.js")
    ids = [C(d[0]) for d in m["docs"]]
    rs = load("stories.js")["stories"]
    if main:
        rmain = [s for s in rs if s["n"] == main["story"]]
        rows = rmain[0]["docs"] if rmain else []
        flagged = [ids[r[0]] for r in rows if r[5]]
        agree["trace (report story)"] = bool(rows) and flagged == [S] and ids[rmain[0]["first"]] == S
    rf = {f[0]: ids[f[2]] for f in load("families.js")["families"]}
    agree["trace (report families)"] = all(tl_first.get(k) == v for k, v in rf.items()) and bool(rf)
    claims = load("claims.js")["claims"] if os.path.exists(os.path.join(tmp, "r", "data", "claims.js")) else []
    res["report"] = dict(stories=len(rs), claims=len(claims),
                         main_story_edges=sum(len(d[-1]) if isinstance(d[-1], list) else 0
                                              for s in rs if main and s["n"] == main["story"]
                                              for d in s["docs"]))
res["agreement"] = dict(agree, all=all(agree.values()), notes=notes)

if as_json:
    print(json.dumps(res, indent=1, ensure_ascii=False))
    sys.exit(0)
print(f"{'kind':14} {'pred':>5} {'true':>5} {'right':>5} {'P':>6} {'R':>6}")
for k in ("reuse", "republication", "paraphrase", "citation"):
    r = res[k]
    p = "-" if r["precision"] is None else f"{r['precision']:.2f}"
    rc = "-" if r["recall"] is None else f"{r['recall']:.2f}"
    print(f"{k:14} {r['predicted']:5} {r['true']:5} {r['right']:5} {p:>6} {rc:>6}")
    if r["wrong"]:
        print(f"  wrong: {', '.join(r['wrong'])}")
    if r["missed"]:
        print(f"  missed: {', '.join(r['missed'])}")
d = res["direction"]
print(f"direction (reuse+republication, true dates differ): {d['right']} right, {d['wrong']} wrong, "
      f"{d['unstated']} tie/undated in the model {d['wrong_edges'] + d['unstated_edges']}")
x = res["cross_language"]
print(f"cross-language edges: {x['edges']} ({x['right']} between story documents), kinds {x['kinds']}")
f = res["first"]
print(f"first publisher: {f.get('doc')} {f.get('outlet')} {f.get('date')} ({f.get('date_source')}) "
      f"-> {'RIGHT' if f.get('right') else 'WRONG'} (true {tf['doc']} {tf['outlet']} {tf['date']})")
if main:
    print(f"main story {res['main_story']['story']}: {res['main_story']['documents']} documents; "
          f"story documents left out: {res['main_story']['true_docs_out']}")
print(f"stories: {[ (s['story'], s['first'], s['docs']) for s in res['stories'] ]}")
print(f"unrelated in a story: {res['unrelated_in_a_story']}; story documents in no story: "
      f"{res['story_docs_in_no_story']}")
dn = res["denials"]
print(f"denials marked: {dn['marked']} (right {dn['right']}, wrong {dn['wrong']}, missed {dn['missed']}; "
      f"documents in no story are not read)")
fa = res["facts"]
print(f"dates right {fa['date_right']}/{fa['documents']} (wrong {fa['date_wrong']}, missing {fa['date_missing']}); "
      f"outlets right {fa['outlet_right']}/{fa['documents']} (wrong {fa['outlet_wrong']})")
print("agreement: " + ", ".join(f"{k} {'yes' if v else 'NO'}" for k, v in agree.items())
      + f" -> {'all agree' if res['agreement']['all'] else 'DISAGREE'}")
for n in notes:
    print("  " + n)
if "report" in res:
    print(f"report: {res['report']['stories']} stories, {res['report']['claims']} claims")
