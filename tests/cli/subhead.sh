#!/usr/bin/env bash
# subhead: a subhead repeated as the first sentence of the paragraph under
# it is an internal repeat although its 9 words are fewer than
# --min-words (12); the same words inside a sentence are not (no layout
# says it is a repeat); --no-internal reports nothing; a lower --min-words
# does not report the subhead twice.  tests/data/subhead/article.jsonl.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
D=$ROOT/tests/data/subhead/article.jsonl

note "the repeated subhead, exactly once"
run 0 "$HEARSAY" reuse --format jsonl "$D"
[[ $(lines "$WORK/out") == 1 ]] || fail "expected one passage: $(cat "$WORK/out")"
jq -e '.kind == "internal" and .a.doc == "d1" and .b.doc == "d1" and .words == 9
  and .a.start == 161 and .a.end == 211 and .b.start == 213 and .b.end == 263
  and .method == "verbatim" and .similarity == 1' "$WORK/out" >/dev/null ||
  fail "subhead passage: $(cat "$WORK/out")"

note "--no-internal: none"
run 0 "$HEARSAY" reuse --format jsonl --no-internal "$D"
[[ ! -s $WORK/out ]] || fail "internal passage with --no-internal: $(cat "$WORK/out")"

note "--min-words 5: the n-gram stage finds it, not twice"
run 0 "$HEARSAY" reuse --format jsonl --min-words 5 "$D"
[[ $(jq -s '[.[] | select(.a.start == 161 and .b.start == 213)] | length' "$WORK/out") == 1 ]] ||
  fail "the subhead pair should appear once: $(cat "$WORK/out")"
note "ok"
