# The join across scripts (src/story/xlang.c, docs/story.md): an English
# wire report (e1) that credits "the Tasnim news agency" joins the story of
# Tasnim's Persian report of the day before (p1): they share two figures
# (12 crew; 350,000 litres, «۳۵۰ هزار») and two names by their consonant
# skeletons (Velvet Star «ولوت استار», Larak «لارک»), so p1 is the first
# publisher, and the join's edge is a citation.  Not joined: the same pair
# when the Persian report is dated more than seven days before, when the
# English one names no outlet, or when the figures differ; joined when the
# Persian report writes its figures in words.  An Arabic
# report (a1) crediting Tasnim shares the Persian one's script but not its
# language: it joins through the figures and the ship's name, which the
# Persian report quotes («ولوت استار») and the Arabic one writes (فلفت
# ستار); not when the name is not quoted, nor with other figures.
# Then the held-out stories: the tanker's first publisher is Tasnim's
# Persian report, the Salalah story's the Arabic site's, the Anzali story's
# IRNA's Persian report (its records in shuffled order, in four languages),
# and every command agrees (bench/story/score.py).
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
C=$ROOT/tests/data/story/xlang.jsonl

note "an English report crediting a Persian one of the day before: one story, first p1"
grep -v '"a1"' "$C" >"$WORK/pe.jsonl"
run 0 "$HEARSAY" stories "$WORK/pe.jsonl"
jq -s -e 'length == 1 and (.[0].docs | sort) == ["e1","p1"] and .[0].first.doc == "p1"' \
  "$WORK/out" >/dev/null || fail "stories: $(jq -c '[.docs, .first.doc]' "$WORK/out")"
run 0 "$HEARSAY" graph --level doc "$WORK/pe.jsonl"
jq -s -e '[.[] | select(.type == "edge")] | length == 1 and .[0].kind == "citation"
  and .[0].from == "p1" and .[0].to == "e1" and .[0].cited == "Tasnim"' "$WORK/out" >/dev/null ||
  fail "graph: $(jq -c 'select(.type == "edge")' "$WORK/out")"

note "the Persian figures in words («سیصد و پنجاه هزار», «دوازده»): joined all the same"
sed 's/۳۵۰ هزار لیتر/سیصد و پنجاه هزار لیتر/; s/۱۲ خدمه/دوازده خدمه/' "$WORK/pe.jsonl" >"$WORK/words.jsonl"
grep -q 'سیصد و پنجاه هزار' "$WORK/words.jsonl" || fail "the words were not written"
run 0 "$HEARSAY" stories "$WORK/words.jsonl"
jq -s -e 'length == 1 and (.[0].docs | sort) == ["e1","p1"] and .[0].first.doc == "p1"' \
  "$WORK/out" >/dev/null || fail "words: $(jq -c '[.docs, .first.doc]' "$WORK/out")"

note "not joined: dated eight days before, no citation, other figures"
sed 's/"2024-05-01"/"2024-04-24"/' "$WORK/pe.jsonl" >"$WORK/old.jsonl"
sed 's/, the Tasnim news agency reported on Wednesday//' "$WORK/pe.jsonl" >"$WORK/nocite.jsonl"
sed 's/350,000 litres/a large amount/; s/its 12 crew members/its crew/' "$WORK/pe.jsonl" >"$WORK/nofig.jsonl"
for f in old nocite nofig; do
  run 0 "$HEARSAY" stories "$WORK/$f.jsonl"
  [ ! -s "$WORK/out" ] || fail "$f: joined: $(jq -c '[.docs, .first.doc]' "$WORK/out")"
done

note "Arabic crediting Persian: joined by the quoted name and the figures, first p1"
grep -v '"e1"' "$C" >"$WORK/pa.jsonl"
run 0 "$HEARSAY" stories "$WORK/pa.jsonl"
jq -s -e 'length == 1 and (.[0].docs | sort) == ["a1","p1"] and .[0].first.doc == "p1"' \
  "$WORK/out" >/dev/null || fail "Arabic-Persian: $(jq -c '[.docs, .first.doc]' "$WORK/out")"
sed 's/«ولوت استار»/ولوت استار/' "$WORK/pa.jsonl" >"$WORK/paq.jsonl"
sed 's/350 ألف لتر من/كمية من/; s/البالغ عددهم 12//' "$WORK/pa.jsonl" >"$WORK/paf.jsonl"
for f in paq paf; do
  run 0 "$HEARSAY" stories "$WORK/$f.jsonl"
  [ ! -s "$WORK/out" ] || fail "$f: Arabic-Persian joined: $(jq -c '[.docs, .first.doc]' "$WORK/out")"
done

note "the tanker, Salalah and Anzali stories: the first report in another script is first, every command agrees"
for s in tanker salalah anzali; do
  python3 "$ROOT/bench/story/score.py" "$HEARSAY" "$ROOT/bench/story/$s" --json >"$WORK/$s.json" ||
    fail "score.py $s"
  jq -e '.first.right and .agreement.all and .cross_language.edges == .cross_language.right
    and .citation.precision == 1' "$WORK/$s.json" >/dev/null ||
    fail "$s: $(jq -c '[.first, .agreement, .cross_language]' "$WORK/$s.json")"
done
