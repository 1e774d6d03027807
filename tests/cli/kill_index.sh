# kill -9 in the middle of `hearsay index` leaves a database that passes
# PRAGMA integrity_check, whose documents all have their text, and that a
# later run completes.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
need sqlite3

# 3000 documents (1000 in a sanitizer build) of 150-400 words; every tenth
# reprints a piece of an earlier one, so that alignment and the store both
# have work to do.
NDOCS=3000
[[ ${HS_SANITIZED:-0} == 1 ]] && NDOCS=1000
python3 -c '
import random, os, sys
r = random.Random(7)
vocab = ["w%d" % i for i in range(20000)]
out = sys.argv[1]
docs = []
for i in range(int(sys.argv[2])):
    words = [r.choice(vocab) for _ in range(r.randint(150, 400))]
    if i % 10 == 9:
        src = docs[r.randrange(len(docs))]
        k = r.randint(0, len(src) - 60)
        words[20:20] = src[k:k + 60]
    docs.append(words)
    d = os.path.join(out, "d%02d" % (i % 50))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "%05d.txt" % i), "w") as f:
        f.write(" ".join(words) + "\n")
' "$WORK/big" "$NDOCS"

DB=$WORK/big.db
check_db() {
  local r n
  r=$(sql "$DB" 'PRAGMA integrity_check')
  [[ $r == ok ]] || fail "$1: integrity_check: $r"
  if [[ $(sql "$DB" "SELECT count(*) FROM sqlite_master WHERE name = 'documents'") == 0 ]]; then
    # Killed before the schema was committed: the database must be empty.
    r=$(sql "$DB" 'SELECT group_concat(name) FROM sqlite_master')
    [[ -z $r ]] || fail "$1: half-created schema: $r"
    return 0
  fi
  n=$(sql "$DB" 'SELECT count(*) FROM documents WHERE text IS NULL OR length(CAST(text AS BLOB)) < 100')
  [[ $n == 0 ]] || fail "$1: $n documents without their text"
  r=$(sql "$DB" 'PRAGMA foreign_key_check')
  [[ -z $r ]] || fail "$1: foreign_key_check: $r"
  # The shingle index, where there is one, covers exactly the documents.
  if [[ $(sql "$DB" "SELECT count(*) FROM sqlite_master WHERE name = 'shingles'") == 1 ]]; then
    r=$(sql "$DB" "SELECT CAST(coalesce((SELECT value FROM meta WHERE key = 'shingles_docs'), 0) AS INTEGER) = (SELECT count(*) FROM documents), (SELECT count(*) FROM shingles WHERE doc >= (SELECT count(*) FROM documents)) + (SELECT count(*) FROM shingles_new WHERE doc >= (SELECT count(*) FROM documents)), (SELECT count(*) FROM documents WHERE doc_id NOT IN (SELECT doc FROM shingles UNION SELECT doc FROM shingles_new))")
    [[ $r == "1|0|0" ]] || fail "$1: shingle index out of step with the documents (covered|rows past the end|documents without shingles: $r)"
  fi
}

# Commit in small batches where the command allows it, so that a kill can
# land between two commits as well as inside one.
BATCH=()
"$HEARSAY" --help 2>&1 | grep -q -- '--batch' && BATCH=(--batch 500)

note "reference: an uninterrupted run"
run 0 "$HEARSAY" index --quiet "${BATCH[@]}" --db "$WORK/ref.db" "$WORK/big"
ref_docs=$(sql "$WORK/ref.db" 'SELECT count(*) FROM documents')
ref_passages=$(sql "$WORK/ref.db" 'SELECT count(*) FROM passages')
[[ $ref_docs == "$NDOCS" ]] || fail "reference run stored $ref_docs documents, expected $NDOCS"
[[ $ref_passages -ge $((NDOCS / 12)) ]] || fail "reference run found $ref_passages passages, expected at least $((NDOCS / 12)) (one per planted reprint)"

killed=0
for delay in 0.02 0.05 0.08 0.12 0.2 0.4; do
  rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal"
  "$HEARSAY" index --quiet "${BATCH[@]}" --db "$DB" "$WORK/big" >/dev/null 2>"$WORK/err" &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then
    killed=$((killed + 1))
    wait "$pid" 2>/dev/null || true
  else
    wait "$pid" 2>/dev/null || true
    note "finished within ${delay}s"
    continue
  fi
  if [[ -e $DB ]]; then
    check_db "after kill at ${delay}s"
    if [[ $(sql "$DB" "SELECT count(*) FROM sqlite_master WHERE name = 'documents'") == 1 ]]; then
      note "killed after ${delay}s: $(sql "$DB" 'SELECT count(*) FROM documents') documents stored"
    else
      note "killed after ${delay}s: schema not created yet"
    fi
  else
    note "killed after ${delay}s: no database yet"
  fi
  # Running again finishes the job: same documents and passages as the
  # uninterrupted run.
  run 0 "$HEARSAY" index --quiet "${BATCH[@]}" --db "$DB" "$WORK/big"
  check_db "after resuming from the kill at ${delay}s"
  n=$(sql "$DB" 'SELECT count(*) FROM documents')
  p=$(sql "$DB" 'SELECT count(*) FROM passages')
  [[ $n == "$ref_docs" && $p == "$ref_passages" ]] ||
    fail "after resuming from the kill at ${delay}s: $n documents and $p passages, expected $ref_docs and $ref_passages"
done

[[ $killed -gt 0 ]] || note "index was never interrupted: the machine is too fast for this test's delays"
echo "ok"
