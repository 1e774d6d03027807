# `hearsay index --db FILE -` fed continuously: documents arriving on a
# pipe that stays open are committed chunk by chunk (a chunk is 8 batches),
# each aligned against everything stored before, and the final store holds
# the same passages as one run over all the documents.  Both runs are
# --strict: with the sentence stage, a rewritten pair inside one batch is
# weighted by the counts known at that batch (docs/schema.md), and batches
# of 5 documents are many (tests/cli/index_rewrite.sh checks that case).
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
need sqlite3

python3 "$ROOT/tests/cli/lib/copies.py" "$CORPUS" "$WORK/all.jsonl" 4 5
total=$(wc -l <"$WORK/all.jsonl")
(( total > 60 )) || fail "corpus too small: $total"

note "one run over everything"
"$HEARSAY" index -q --strict --db "$WORK/one.db" "$WORK/all.jsonl"
"$HEARSAY" reuse --db "$WORK/one.db" --format jsonl | sort >"$WORK/one.out"
[[ -s $WORK/one.out ]] || fail "no passages"

note "a pipe that stays open: the first chunk is stored before the input ends"
mkfifo "$WORK/feed"
"$HEARSAY" index -q --strict --batch 5 --db "$WORK/stream.db" - <"$WORK/feed" &
pid=$!
exec 3>"$WORK/feed"
head -n 45 "$WORK/all.jsonl" >&3
stored=0
for _ in $(seq 1 100); do
  stored=$(sqlite3 "$WORK/stream.db" 'SELECT count(*) FROM documents' 2>/dev/null || echo 0)
  [[ $stored -ge 40 ]] && break
  sleep 0.2
done
[[ $stored == 40 ]] || { exec 3>&-; wait $pid || true; fail "expected the first 40 documents stored while the pipe is open, found $stored"; }
tail -n +46 "$WORK/all.jsonl" >&3
exec 3>&-
wait $pid || fail "index exited with $?"
[[ $(sqlite3 "$WORK/stream.db" 'SELECT count(*) FROM documents') == "$total" ]] || fail "not every document stored"
"$HEARSAY" reuse --db "$WORK/stream.db" --format jsonl | sort >"$WORK/stream.out"
cmp -s "$WORK/one.out" "$WORK/stream.out" || fail "streamed store differs from one run: $(diff "$WORK/one.out" "$WORK/stream.out" | head -5)"
[[ $(sqlite3 "$WORK/stream.db" 'PRAGMA integrity_check') == ok ]] || fail "integrity_check"
echo "PASS"
