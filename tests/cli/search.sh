#!/usr/bin/env bash
# search: claim search across paraphrases, spellings and scripts.  Over the
# small set tests/data/claims/news.jsonl (one claim retold by five invented
# outlets, with transliterated names, and five distractors that share the
# entities but state another claim), every retelling must rank above every
# distractor, from files and from a store; JSON fields, --timeline,
# --variants, --aliases, stories and the errors are checked too.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

DATA=$ROOT/tests/data/claims/news.jsonl
CLAIM="US helicopters evacuated ISIS commanders from Deir ez-Zor"
RETELLINGS="harbor-1 valley-1 desert-1 north-1 east-1"

check_order() { # FILE: retellings above distractors
  local worst_retelling=0 best_distractor=1000 rank doc
  while read -r rank doc; do
    case " $RETELLINGS " in
      *" $doc "*) (( rank > worst_retelling )) && worst_retelling=$rank ;;
      *) (( rank < best_distractor )) && best_distractor=$rank ;;
    esac
  done < <(jq -r '"\(.rank) \(.doc)"' "$1")
  for doc in $RETELLINGS; do
    jq -s -e --arg d "$doc" 'any(.[]; .doc == $d)' "$1" >/dev/null || fail "retelling $doc not found"
  done
  (( worst_retelling < best_distractor )) ||
    fail "a distractor (rank $best_distractor) ranks above a retelling (rank $worst_retelling)"
  note "retellings at ranks 1..$worst_retelling, first distractor at $best_distractor"
}

note "search over a file"
run 0 "$HEARSAY" search "$DATA" --query "$CLAIM" --min-score 0 --limit 0
cp "$WORK/out" "$WORK/files.jsonl"
check_order "$WORK/files.jsonl"
jq -s -e 'all(.[]; has("doc") and has("start") and has("end") and has("score")
       and has("date") and has("outlet") and has("text") and has("explain"))' "$WORK/files.jsonl" >/dev/null ||
  fail "a hit lacks a field"
python3 - "$DATA" "$WORK/files.jsonl" <<'PY' || fail "byte offsets do not cut the text"
import json, sys
docs = {d["id"]: d["text"].encode() for d in map(json.loads, open(sys.argv[1]))}
for h in map(json.loads, open(sys.argv[2])):
    assert docs[h["doc"]][h["start"]:h["end"]].decode() == h["text"], h
PY
jq -s -e 'any(.[]; .doc == "valley-1" and (.explain | map(.why) | index("synonym") != null))' \
  "$WORK/files.jsonl" >/dev/null || fail "no synonym match explained for valley-1"
jq -s -e 'any(.[]; .doc == "valley-1" and (.explain | any(.text == "Daesh" and .why == "alias")))' \
  "$WORK/files.jsonl" >/dev/null || fail "Daesh not explained as an alias of ISIS"

note "the claim as the last argument after --"
run 0 "$HEARSAY" search --min-score 0 --limit 0 -- "$DATA" "$CLAIM"
cmp -s "$WORK/out" "$WORK/files.jsonl" || fail "'-- PATH CLAIM' differs from --query"

note "search over a store"
run 0 "$HEARSAY" index --db "$WORK/news.db" "$DATA"
run 0 "$HEARSAY" search --db "$WORK/news.db" --min-score 0 --limit 0 "$CLAIM"
check_order "$WORK/out"
[[ $(sql "$WORK/news.db" "SELECT count(*) FROM sentences") -ge 10 ]] || fail "sentences not stored"
run 0 "$HEARSAY" search --db "$WORK/news.db" US helicopters evacuated ISIS commanders from Deir ez-Zor
jq -r .doc "$WORK/out" | head -5 | sort >"$WORK/top5"
printf '%s\n' $RETELLINGS | sort | cmp -s - "$WORK/top5" || fail "top 5 from the store are not the retellings"

note "--timeline"
run 0 "$HEARSAY" search "$DATA" --query "$CLAIM" --timeline --min-score 0.5
[[ $(jq -r 'select(.first) | .doc' "$WORK/out") == harbor-1 ]] || fail "first appearance is not harbor-1"
jq -r .date "$WORK/out" | sort -c || fail "timeline not in date order"

note "--variants"
run 0 "$HEARSAY" search "$DATA" --query "$CLAIM" --variants --min-score 0.5
jq -s -e 'any(.[]; .kind == "number" and .key == "20" and .passages[0].doc == "desert-1")' "$WORK/out" >/dev/null ||
  fail "the number 20 of desert-1 is not a variant"
jq -s -e 'any(.[]; .kind == "number" and .key == "2" and .passages[0].doc == "valley-1")' "$WORK/out" >/dev/null ||
  fail "the number two of valley-1 is not a variant"

note "scripts: Arabic and Persian sentences, aliases across scripts"
printf '%s\n' \
  '{"id":"ar-1","text":"قالت مصادر إن مروحيات أمريكية نقلت قادة من داعش من دير الزور. وذكرت المصادر أن العملية استمرت ساعتين؟ نعم."}' \
  '{"id":"fa-1","text":"منابع محلی گفتند که هلیکوپترهای آمریکا فرماندهان داعش را از دیر الزور منتقل کردند. این خبر تایید نشد؟"}' \
  >"$WORK/scripts.jsonl"
run 0 "$HEARSAY" search "$WORK/scripts.jsonl" --query "ISIS Deir ez-Zor" --min-score 0.5
[[ $(lines "$WORK/out") == 2 ]] || fail "expected the Arabic and the Persian sentence"
jq -s -e 'any(.[]; .doc == "ar-1" and (.text | endswith("الزور.")))' "$WORK/out" >/dev/null || fail "Arabic sentence span"

note "--aliases FILE extends the table"
printf 'entity\tzorblax\tZorblax|Xyzzy Corp\n' >"$WORK/aliases.tsv"
printf '%s\n' '{"id":"z","text":"Xyzzy Corp bought the harbour. Nothing else happened."}' >"$WORK/z.jsonl"
run 0 "$HEARSAY" search "$WORK/z.jsonl" --query "Zorblax bought" --aliases "$WORK/aliases.tsv"
jq -s -e 'any(.[]; .doc == "z" and (.explain | map(.why) | index("alias") != null))' "$WORK/out" >/dev/null ||
  fail "user alias not used"

note "stories: documents sharing passages or claims"
run 0 "$HEARSAY" index -q --db "$WORK/ex.db" "$CORPUS"
run 0 "$HEARSAY" stories --db "$WORK/ex.db"
[[ $(lines "$WORK/out") -ge 2 ]] || fail "expected stories in the example corpus"
jq -s -e 'all(.[]; .documents >= 2 and (.docs | length) == .documents and has("first")
          and has("outlets") and (.claims | length) >= 1)' "$WORK/out" >/dev/null ||
  fail "a story lacks a field"
jq -s -e '.[0].documents >= .[-1].documents' "$WORK/out" >/dev/null || fail "stories not largest first"
note "stories on a store without documents ends (it used to loop forever)"
rc=0
timeout 30 "$HEARSAY" stories --db "$WORK/empty.db" >"$WORK/out" 2>"$WORK/err" || rc=$?
[[ $rc != 124 ]] || fail "stories on an empty store did not finish in 30 s"
[[ $rc == 0 || $rc == 4 ]] || fail "stories on an empty store: exit $rc"
[[ ! -s $WORK/out ]] || fail "stories on an empty store printed a story"
note "stories also reads paths"
run 0 "$HEARSAY" stories "$CORPUS"
[[ $(lines "$WORK/out") -ge 2 ]] || fail "expected stories from paths"

note "errors"
run 1 "$HEARSAY" search "$DATA"
grep_err "needs a claim"
printf 'entity only-two-fields\n' >"$WORK/bad.tsv"
run 2 "$HEARSAY" search "$DATA" --query x --aliases "$WORK/bad.tsv"
grep_err "bad.tsv:1: expected KIND"
run 1 "$HEARSAY" search "$DATA" --query x --limit nope
printf 'only one column\n' >"$WORK/pairs.tsv"
run 2 "$HEARSAY" search --pairs "$WORK/pairs.tsv"
grep_err "pairs.tsv:1:"
note "ok"
