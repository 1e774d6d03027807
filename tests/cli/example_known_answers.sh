# The example corpus gives exactly the known answer in examples/PLANTED.md:
# each planted passage found once, at the right byte offsets, with the right
# kind and family; nothing else (no stock phrase on its own).
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

note "reuse --format jsonl examples/corpus"
run 0 "$HEARSAY" reuse --format jsonl "$CORPUS"
[[ ! -s $WORK/err ]] || { cat "$WORK/err" >&2; fail "warnings on the example corpus"; }
cp "$WORK/out" "$WORK/all.jsonl"
python3 "$CHECK" planted "$CORPUS" "$PLANTED" "$WORK/all.jsonl" || fail "known answer"

# Spot checks with jq, independent of the helper.
n=$(lines "$WORK/all.jsonl")
[[ $n == 12 ]] || fail "expected 12 passages, got $n"
fams=$(jq -s 'map(.family) | unique | length' "$WORK/all.jsonl")
[[ $fams == 7 ]] || fail "expected 7 families, got $fams"
wire=$(jq -s '[.[] | select(.a.doc == "lw-2024-0301-bridge" or .b.doc == "lw-2024-0301-bridge") | .family] | unique | length' "$WORK/all.jsonl")
[[ $wire == 1 ]] || fail "the wire story's copies are in $wire families, expected 1"
wfam=$(jq -s '[.[] | select(.a.doc == "lw-2024-0301-bridge" or .b.doc == "lw-2024-0301-bridge") | .family][0]' "$WORK/all.jsonl")
infam=$(jq -s "[.[] | select(.family == $wfam)] | length" "$WORK/all.jsonl")
[[ $infam == 6 ]] || fail "the wire family has $infam passages, expected 6 (4 copies)"
edited=$(jq -s '[.[] | select(.a.doc == "lw-2024-0302-council" or .b.doc == "lw-2024-0302-council")] | length' "$WORK/all.jsonl")
[[ $edited == 1 ]] || fail "the lightly edited copy gives $edited passages, expected 1"
swapped=$(jq -s '[.[] | select([.a.doc, .b.doc] | sort == ["harbor-tribune/2024-03-03-ferry.txt", "valley-courier/2024-03-05-ferry-strike.txt"])] | length' "$WORK/all.jsonl")
[[ $swapped == 2 ]] || fail "the swapped paragraphs give $swapped passages, expected 2"
internal=$(jq -s '[.[] | select(.kind == "internal")] | map(.a.doc) | join(",")' "$WORK/all.jsonl")
[[ $internal == '"riverside-gazette/2024-03-04-flood-barriers.txt"' ]] ||
  fail "internal passages: $internal, expected only the flood article's headline"

# The planted text itself is at the reported offsets: the repeated headline.
f=$CORPUS/riverside-gazette/2024-03-04-flood-barriers.txt
read -r s e < <(jq -r 'select(.kind == "internal") | "\(.b.start) \(.b.end)"' "$WORK/all.jsonl")
got=$(head -c "$e" "$f" | tail -c "$((e - s))")
[[ $got == "Flood barriers along the Mellin River will stay in place until the end of April, engineers say" ]] ||
  fail "text at the internal repeat's offsets is '$got'"
read -r s e < <(jq -r 'select(.kind == "internal") | "\(.a.start) \(.a.end)"' "$WORK/all.jsonl")
[[ $s == 0 ]] || fail "the headline copy should start at byte 0, starts at $s"

note "--no-internal drops the internal repeat and nothing else"
run 0 "$HEARSAY" reuse --format jsonl --no-internal "$CORPUS"
python3 "$CHECK" planted "$CORPUS" "$PLANTED" "$WORK/out" --no-internal || fail "--no-internal"
[[ $(lines "$WORK/out") == 11 ]] || fail "--no-internal: expected 11 passages"

note "--min-words 40 keeps only the long passages"
run 0 "$HEARSAY" reuse --format jsonl --min-words 40 "$CORPUS"
jq -e -s 'any(.[]; .words < 40 or .kind == "internal")' "$WORK/out" >/dev/null &&
  fail "--min-words 40 reported a shorter passage"
[[ $(lines "$WORK/out") -ge 8 ]] || fail "--min-words 40 lost long passages"

note "same output with 1 thread and with 4"
run 0 "$HEARSAY" reuse --format jsonl --threads 1 "$CORPUS"
cmp -s "$WORK/out" "$WORK/all.jsonl" || fail "--threads 1 output differs from the default"
run 0 "$HEARSAY" reuse --format jsonl --threads 4 "$CORPUS"
cmp -s "$WORK/out" "$WORK/all.jsonl" || fail "--threads 4 output differs from the default"
echo "ok"
