# hearsay index gives the same passages whether a corpus is indexed in one
# batch, in three batches of one run, in three runs, or in runs where the
# first ones were made before the store had its shingle index: on a corpus
# where a phrase crosses the df cap (--df-cap 3) only when the last batch
# arrives, and whose outlets repeat furniture lines.  A phrase that crosses
# the cap in a later batch than a pair that shares it: the batches of one
# run count the whole run (as a run over all the files does), while an
# earlier run keeps the passage it found.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
need sqlite3

# 3 batches of 20 documents, 3 outlets.  Every document: random words,
# its outlet's furniture line, maybe a reprint of an earlier document.
# The stock phrase S (8 words) is in documents 1 and 5 (batch 1) and 25
# (batch 2): 3 documents, not over the cap, and too short for a passage.
# Document 45 (batch 3) reprints 6 words of document 1 followed by S:
# 14 words, a passage only if S's shingles seed, which they must not once
# S is in 4 documents.  Document 47 reprints 40 words of document 1 and
# 50 of document 30: passages to documents of earlier batches.
python3 - "$WORK" <<'PY'
import json, random, sys
r = random.Random(11)
out = sys.argv[1]
vocab = ["w%d" % i for i in range(50000)]
S = "stock phrase alpha beta gamma delta epsilon zeta".split()
T = "second stock phrase eta theta iota kappa lambda".split()
foot = {o: ("follow %s on the networks for the latest news and more" % o).split()
        for o in ("north", "south", "east")}
docs = []
for i in range(60):
    o = ("north", "south", "east")[i % 3]
    words = [r.choice(vocab) for _ in range(r.randint(120, 200))]
    if i in (1, 5, 25):
        words[30:30] = S
    if i == 45:
        words[20:20] = docs[1][24:30] + S   # 6 words before S in doc 1
    # T: in documents 2, 8 (batch 1), 27 and 33 (batch 2); 8 shares 6
    # words before it with 2: a passage only while T is under the cap,
    # which it is not once the run has seen batch 2 (a run reads 8
    # batches at a time: 40 documents with --batch 5)
    if i in (2, 27, 33):
        words[30:30] = T
    if i == 8:
        words[20:20] = docs[2][24:30] + T
    if i == 47:
        words[10:10] = docs[1][80:120]
        words[100:100] = docs[30][20:70]
    if i % 9 == 4 and i > 4 and i not in (45, 47):
        src = docs[r.randrange(i)]
        k = r.randrange(0, len(src) - 40)
        words[60:60] = src[k:k + 30]
    docs.append(words)
for b in range(3):
    with open("%s/b%d.jsonl" % (out, b), "w") as f:
        for i in range(20 * b, 20 * b + 20):
            o = ("north", "south", "east")[i % 3]
            text = " ".join(docs[i][:60]) + "\n" + " ".join(foot[o]) + "\n" + \
                   " ".join(docs[i][60:]) + "\n" + " ".join(foot[o]) + "\n"
            f.write(json.dumps({"id": "d%02d" % i, "series": o, "text": text}) + "\n")
PY
cat "$WORK/b0.jsonl" "$WORK/b1.jsonl" "$WORK/b2.jsonl" > "$WORK/all.jsonl"
OPTS=(--quiet --df-cap 3)
passages() { "$HEARSAY" reuse --db "$1" --format tsv | sort; }

note "one batch"
run 0 "$HEARSAY" index "${OPTS[@]}" --db "$WORK/one.db" "$WORK/all.jsonl"
passages "$WORK/one.db" > "$WORK/one.tsv"
n=$(lines "$WORK/one.tsv")
[[ $n -ge 5 ]] || fail "one batch: only $n passages"
grep -q 'd01.*d47\|d47.*d01' "$WORK/one.tsv" || fail "d01-d47 reprint not found"
grep -q 'd30.*d47\|d47.*d30' "$WORK/one.tsv" || fail "d30-d47 reprint not found"
if grep -q 'd01.*d45\|d45.*d01' "$WORK/one.tsv"; then
  fail "d01-d45 aligned through a phrase above the df cap"
fi
if grep -q 'd02.*d08\|d08.*d02' "$WORK/one.tsv"; then
  fail "d02-d08 aligned through a phrase above the df cap"
fi

note "three batches in one run"
run 0 "$HEARSAY" index "${OPTS[@]}" --batch 20 --db "$WORK/three.db" "$WORK/all.jsonl"
passages "$WORK/three.db" > "$WORK/three.tsv"
diff "$WORK/one.tsv" "$WORK/three.tsv" >&2 || fail "three batches differ from one"

note "twelve batches in one run (the index's small table not always merged)"
run 0 "$HEARSAY" index "${OPTS[@]}" --batch 5 --db "$WORK/twelve.db" "$WORK/all.jsonl"
passages "$WORK/twelve.db" | diff "$WORK/one.tsv" - >&2 || fail "twelve batches differ from one"
[[ $(sql "$WORK/twelve.db" 'SELECT count(*) FROM shingles_new') -gt 0 ]] ||
  fail "twelve batches: the last ones were merged, the test misses shingles_new"

note "three runs"
for b in 0 1 2; do
  run 0 "$HEARSAY" index "${OPTS[@]}" --db "$WORK/runs.db" "$WORK/b$b.jsonl"
done
passages "$WORK/runs.db" > "$WORK/runs.tsv"
# the first run found d02-d08 before T went over the cap, and keeps it
grep -q 'd02.*d08\|d08.*d02' "$WORK/runs.tsv" || fail "three runs: d02-d08 not kept"
# (the families after it are numbered one more)
grep -v 'd02.*d08\|d08.*d02' "$WORK/runs.tsv" | cut -f2- | sort |
  diff <(cut -f2- "$WORK/one.tsv" | sort) - >&2 || fail "three runs differ from one"
[[ $(sql "$WORK/runs.db" "SELECT value FROM meta WHERE key = 'shingles_docs'") == 60 ]] ||
  fail "shingles_docs is not 60"
# the index holds what a fresh build of it holds
sql "$WORK/runs.db" "SELECT hash, doc, n FROM shingles UNION ALL SELECT hash, doc, n FROM shingles_new ORDER BY 1, 2" > "$WORK/sh1"
sql "$WORK/runs.db" "SELECT series, line, docs FROM outlet_lines ORDER BY 1, 2" > "$WORK/ol1"

note "a store without the index (as written by an older hearsay) gets one"
run 0 "$HEARSAY" index "${OPTS[@]}" --db "$WORK/old.db" "$WORK/b0.jsonl" "$WORK/b1.jsonl"
sql "$WORK/old.db" "DROP TABLE shingles; DROP TABLE shingles_new; DROP TABLE outlet_lines; DROP TABLE outlet_docs; DELETE FROM meta WHERE key IN ('shingles_docs', 'shingles_main_docs')" >/dev/null
run 0 "$HEARSAY" index --df-cap 3 --no-progress --db "$WORK/old.db" "$WORK/b2.jsonl"
grep_err 'building the shingle index of 40 stored documents'
passages "$WORK/old.db" > "$WORK/old.tsv"
diff "$WORK/one.tsv" "$WORK/old.tsv" >&2 || fail "store indexed after the fact differs"
sql "$WORK/old.db" "SELECT hash, doc, n FROM shingles UNION ALL SELECT hash, doc, n FROM shingles_new ORDER BY 1, 2" > "$WORK/sh2"
sql "$WORK/old.db" "SELECT series, line, docs FROM outlet_lines ORDER BY 1, 2" > "$WORK/ol2"
cmp -s "$WORK/sh1" "$WORK/sh2" || fail "rebuilt shingles table differs"
cmp -s "$WORK/ol1" "$WORK/ol2" || fail "rebuilt outlet_lines table differs"

note "a run with nothing new changes nothing"
run 0 "$HEARSAY" index "${OPTS[@]}" --db "$WORK/runs.db" "$WORK/all.jsonl"
passages "$WORK/runs.db" | diff "$WORK/runs.tsv" - >&2 || fail "re-run changed the passages"
[[ $(sql "$WORK/runs.db" 'PRAGMA integrity_check') == ok ]] || fail "integrity_check"
echo PASS
