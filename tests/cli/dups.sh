# hearsay dups: the verbatim reprints of the wire story form one group, the
# Arabic pair another; partial copies and unrelated articles are in none.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
need sqlite3

WIRE="lw-2024-0301-bridge,riverside-gazette/2024-03-02-bridge.txt,harbor-tribune/2024-03-02-bridge.txt,valley-courier/2024-03-03-bridge.txt"
ARABIC="al-nahr/2024-03-05-dam.txt,sawt-al-wadi/2024-03-06-dam.txt"

note "dups examples/corpus"
run 0 "$HEARSAY" dups "$CORPUS"
cp "$WORK/out" "$WORK/dups.jsonl"
python3 "$CHECK" dups "$WORK/dups.jsonl" "$WIRE" "$ARABIC" || fail "dups groups"
jq -e -s 'map(.group) | sort == [range(0; length)]' "$WORK/dups.jsonl" >/dev/null ||
  fail "groups are not numbered 0..K-1"

note "a stricter --threshold keeps the verbatim group"
run 0 "$HEARSAY" dups --threshold 0.9 "$CORPUS"
jq -e -s --arg w "$WIRE" 'map(.docs | sort) | index([$w | split(",") | sort])' "$WORK/out" >/dev/null ||
  fail "--threshold 0.9 lost the verbatim reprints: $(cat "$WORK/out")"

note "dups --db gives the same groups as the direct run"
run 0 "$HEARSAY" index --db "$WORK/x.db" "$CORPUS"
run 0 "$HEARSAY" dups --db "$WORK/x.db"
python3 "$CHECK" dups "$WORK/out" "$WIRE" "$ARABIC" || fail "dups --db groups"

echo "ok"
