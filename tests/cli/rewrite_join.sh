# hearsay reuse: the pieces of one reworded copy become one record.  A
# passage of eight sentences is copied with two words of every sentence
# changed and its two halves swapped: the n-gram stage (--strict) reports
# the halves apart; by default they are joined into one "rewritten"
# record.  The same with one half copied word for word and the other
# edited: one record too.  Two paragraphs copied word for word and swapped
# stay two records (a moved copy is its own passage), and a story on the
# same event that shares names and numbers but no passage is not reported.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

python3 - "$WORK/c.jsonl" <<'PY'
import json, random, sys
rng = random.Random(11)
syl = ["ka", "lo", "ven", "tir", "mu", "sa", "dre", "pol", "ni", "gor", "el", "ush", "ba", "fen", "ri", "to"]
def word():
    return "".join(rng.choice(syl) for _ in range(rng.randint(2, 3)))
def sentence(n=16):
    return [word() for _ in range(n)]
def text(sents):
    return " ".join(" ".join(s).capitalize() + "." for s in sents)
src = [sentence() for _ in range(8)]
def edit(s):
    s = list(s)
    s[5] = word()
    s[11] = word()
    return s
copy = [edit(s) for s in src[4:]] + [edit(s) for s in src[:4]]
intro = [sentence() for _ in range(3)]
outro = [sentence() for _ in range(3)]
p1, p2 = [sentence() for _ in range(4)], [sentence() for _ in range(4)]
docs = [
    ("src", text(src) + "\n\n" + text(p1) + "\n\n" + text(p2)),
    ("copy", text(intro) + "\n\n" + text(copy) + "\n\n" + text(outro)),
    ("swap", text([sentence() for _ in range(2)]) + "\n\n" + text(p2) + "\n\n" + text(p1)),
    ("mixed", text(intro) + "\n\n" + text([edit(s) for s in src[4:]] + src[:4]) + "\n\n" + text(outro)),
    ("src2", "Mayor Helen Ortiz of Lakeport said on Tuesday that the council approved 412 new homes near the harbor, after a vote of seven to two. The plan adds forty teachers, she said."),
    ("event", "Lakeport councillors backed 412 homes by the harbor in a seven to two vote on Tuesday, and Helen Ortiz, the mayor, promised forty extra teachers."),
]
with open(sys.argv[1], "w") as f:
    for i, t in docs:
        f.write(json.dumps({"id": i, "text": t}) + "\n")
PY

pair() { jq -c --arg a "$1" --arg b "$2" 'select(.kind == "cross" and ((.a.doc == $a and .b.doc == $b) or (.a.doc == $b and .b.doc == $a)))' "$3"; }

note "--strict: the swapped halves of the edited copy are two passages"
run 0 "$HEARSAY" reuse --format jsonl --strict "$WORK/c.jsonl"
cp "$WORK/out" "$WORK/strict.jsonl"
[ "$(pair src copy "$WORK/strict.jsonl" | wc -l)" -ge 2 ] ||
  fail "--strict: expected the halves apart: $(pair src copy "$WORK/strict.jsonl")"

note "default: one rewritten record over the whole copy"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/c.jsonl"
cp "$WORK/out" "$WORK/default.jsonl"
pair src copy "$WORK/default.jsonl" > "$WORK/sc.jsonl"
[ "$(wc -l < "$WORK/sc.jsonl")" -eq 1 ] || fail "default: expected one record: $(cat "$WORK/sc.jsonl")"
src_len=$(jq -r 'select(.id == "src") | .text' "$WORK/c.jsonl" | python3 -c 'import sys; t = sys.stdin.read(); print(len(t.split("\n\n")[0].encode()))')
jq -e --argjson n "$src_len" '.method == "rewritten" and
    (if .a.doc == "src" then .a else .b end) as $s | $s.start == 0 and $s.end >= $n - 2' \
  "$WORK/sc.jsonl" >/dev/null || fail "default: the record does not cover the source passage: $(cat "$WORK/sc.jsonl")"

note "one half word for word, the other edited, swapped: one record"
[ "$(pair src mixed "$WORK/strict.jsonl" | wc -l)" -ge 2 ] ||
  fail "--strict: expected the halves apart: $(pair src mixed "$WORK/strict.jsonl")"
pair src mixed "$WORK/default.jsonl" > "$WORK/sm.jsonl"
[ "$(wc -l < "$WORK/sm.jsonl")" -eq 1 ] || fail "default: expected one record: $(cat "$WORK/sm.jsonl")"
jq -e --argjson n "$src_len" '(if .a.doc == "src" then .a else .b end) as $s | $s.start == 0 and $s.end >= $n - 2' \
  "$WORK/sm.jsonl" >/dev/null || fail "default: the record does not cover the source passage: $(cat "$WORK/sm.jsonl")"

note "paragraphs copied word for word and swapped stay two records"
[ "$(pair src swap "$WORK/default.jsonl" | wc -l)" -eq 2 ] ||
  fail "swapped verbatim paragraphs: $(pair src swap "$WORK/default.jsonl")"

note "a story on the same event written anew is not reuse"
[ -z "$(pair src2 event "$WORK/default.jsonl")" ] ||
  fail "same-event story reported: $(pair src2 event "$WORK/default.jsonl")"

echo "ok"
