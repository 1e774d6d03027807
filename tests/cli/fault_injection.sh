#!/usr/bin/env bash
# Fault injection, as SQLite's and Lua's test suites do it: in the test
# build (cmake -DHS_FAULT=ON; `make asan` and `make check` build it with
# ASan+UBSan) HEARSAY_FAULT_ALLOC=N makes the N-th allocation fail and
# HEARSAY_FAULT_WRITE=N the N-th write to a database file (as a full disk
# does).  For `index`, `reuse --db`, `trace --db` and `search --db` over a
# small corpus, each run with a fault must exit with a documented status
# (0 if the fault did not matter, 3 I/O, 4 database, 5 out of memory) and
# exactly one message, never crash or trip a sanitizer, and leave a store
# that passes PRAGMA integrity_check and holds whole batches only: running
# `index` again without faults gives exactly the documents and passages of
# a run that never failed.  Every N is tried where there are few (writes),
# an even sample of them where there are many (allocations); FAULT_RUNS
# sets the sample size per command and kind.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
need sqlite3

probe=$(HEARSAY_FAULT_COUNT=1 "$HEARSAY" version 2>&1 >/dev/null || true)
[[ $probe == *hearsay-fault:* ]] || skip "not a fault-injection build (cmake -DHS_FAULT=ON, as 'make asan' does)"

RUNS=${FAULT_RUNS:-24}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}:abort_on_error=1
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}:halt_on_error=1

# Six documents of the example corpus, two reprints among them.
C=$WORK/corpus
mkdir -p "$C"
ls "$CORPUS"/*/*.txt | head -8 | while read -r f; do
  cp "$f" "$C/$(basename "$(dirname "$f")")-$(basename "$f")"
done
BATCH=(--batch 3)
CLAIM="the bridge reopened"

run 0 "$HEARSAY" index -q "${BATCH[@]}" --db "$WORK/ref.db" "$C"
ref_docs=$(sql "$WORK/ref.db" 'SELECT count(*) FROM documents')
ref_pass=$(sql "$WORK/ref.db" 'SELECT count(*) FROM passages')
[[ $ref_pass -gt 0 ]] || fail "the test corpus has no reuse"
# A store without the sentence index, for search to build it.
cp "$WORK/ref.db" "$WORK/plain.db"

DB=$WORK/t.db
fresh() { rm -rf "$DB" "$DB-wal" "$DB-shm" "$DB-journal" "$WORK/rep"; }

# count NAME CMD...: allocations and writes of a run without faults.
count() {
  local line
  fresh
  [[ $1 == index ]] || cp "$WORK/plain.db" "$DB"
  shift
  line=$(HEARSAY_FAULT_COUNT=1 "$@" 2>&1 >/dev/null | grep '^hearsay-fault:' || true)
  [[ -n $line ]] || fail "no fault counts from: $*"
  set -- $line
  echo "$3 $5"
}

# sample TOTAL: every N up to TOTAL if few, else RUNS values spread evenly.
sample() {
  local total=$1 i
  if (( total <= RUNS )); then
    seq 1 "$total"
  else
    for (( i = 0; i < RUNS; i++ )); do echo $(( 1 + i * (total - 1) / (RUNS - 1) )); done | uniq
  fi
}

tried=0 failed_runs=0
# inject NAME KIND N CMD...
inject() {
  local name=$1 kind=$2 n=$3 rc=0 msgs r docs pass
  shift 3
  fresh
  [[ $name == index ]] || cp "$WORK/plain.db" "$DB"
  env "HEARSAY_FAULT_$kind=$n" "$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
  tried=$((tried + 1))
  if grep -Eq 'AddressSanitizer|LeakSanitizer|runtime error|UndefinedBehaviorSanitizer' "$WORK/err"; then
    head -40 "$WORK/err" >&2
    fail "$name, $kind fault at $n: sanitizer report"
  fi
  case $rc in
    0|3|4|5) ;;
    *) head -20 "$WORK/err" >&2; fail "$name, $kind fault at $n: exit status $rc (documented: 0, 3, 4, 5)" ;;
  esac
  if [[ $rc != 0 ]]; then
    failed_runs=$((failed_runs + 1))
    msgs=$(grep -c . "$WORK/err" || true)
    [[ $msgs == 1 ]] || { cat "$WORK/err" >&2; fail "$name, $kind fault at $n: $msgs messages, expected one"; }
    grep -q '^hearsay: ' "$WORK/err" || { cat "$WORK/err" >&2; fail "$name, $kind fault at $n: message not of the form 'hearsay: ...'"; }
  fi
  [[ -e $DB ]] || return 0
  r=$(sql "$DB" 'PRAGMA integrity_check')
  [[ $r == ok ]] || fail "$name, $kind fault at $n: integrity_check: $r"
  if [[ $name == index ]] && [[ $(sql "$DB" "SELECT count(*) FROM sqlite_master WHERE name = 'documents'") == 1 ]]; then
    docs=$(sql "$DB" 'SELECT count(*) FROM documents')
    (( docs % 3 == 0 || docs == ref_docs )) || fail "$name, $kind fault at $n: $docs documents stored, not whole batches of 3"
    [[ $rc != 0 || $docs == "$ref_docs" ]] || fail "$name, $kind fault at $n: exit 0 with $docs of $ref_docs documents"
  fi
  # The store is usable: a run without faults completes it exactly.
  if [[ $name == index ]]; then
    run 0 "$HEARSAY" index -q "${BATCH[@]}" --db "$DB" "$C"
    docs=$(sql "$DB" 'SELECT count(*) FROM documents')
    pass=$(sql "$DB" 'SELECT count(*) FROM passages')
    [[ $docs == "$ref_docs" && $pass == "$ref_pass" ]] ||
      fail "$name, $kind fault at $n: resuming gave $docs documents and $pass passages, expected $ref_docs and $ref_pass"
  else
    run 0 "$HEARSAY" reuse --db "$DB"
    [[ $(lines "$WORK/out") == "$ref_pass" ]] || fail "$name, $kind fault at $n: the store lost passages"
  fi
}

sweep() {
  local name=$1 counts na nw n
  shift
  counts=$(count "$name" "$@")
  na=${counts% *}
  nw=${counts#* }
  note "$name: $na allocations, $nw database writes without faults"
  for n in $(sample "$nw"); do inject "$name" WRITE "$n" "$@"; done
  for n in $(sample "$na"); do inject "$name" ALLOC "$n" "$@"; done
}

sweep index "$HEARSAY" index -q "${BATCH[@]}" --db "$DB" "$C"
sweep reuse "$HEARSAY" reuse --format jsonl --db "$DB"
sweep trace "$HEARSAY" trace -q --db "$DB" -o "$WORK/rep"
sweep search "$HEARSAY" search --format jsonl --db "$DB" -- "$CLAIM"

note "$tried runs with a fault, $failed_runs of them failed as documented, none crashed"
echo "ok"
