#!/usr/bin/env bash
# Ctrl-C (SIGINT) and SIGTERM stop every long-running command within a
# second with exit status 130 and the message "interrupted", and a store
# the command was reading or filling passes PRAGMA integrity_check.  Each
# command runs on a generated corpus large enough to be mid-run when the
# signal arrives; a command that has already finished is noted (a machine
# much faster than this test expects), but at least most of them must be
# caught mid-run for the test to pass.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
need sqlite3

# Documents of short sentences: the sentence index, metadata and
# attribution passes all have plenty to do.
NDOCS=6000
LIMIT=1.0     # seconds from the signal to the exit
DELAY=0.12    # seconds from the start to the signal: the quickest
              # commands here take about 0.4 s on a 2-core machine
if [[ ${HS_SANITIZED:-0} == 1 ]]; then
  NDOCS=1500
  LIMIT=3.0
  DELAY=0.3
fi
# On a machine busier than it has cores, a process waits its turn before
# it can even see the signal: the limit grows with the load (load average
# per core, at most tenfold), and the test says so.
LIMIT=$(python3 -c "
import os
load = os.getloadavg()[0] / (os.cpu_count() or 1)
print(f'{$LIMIT * min(10.0, max(1.0, load)):.1f}')")
note "limit ${LIMIT}s from the signal to the exit"

python3 - "$WORK/corpus.jsonl" "$NDOCS" <<'PY'
import json, random, sys
r = random.Random(11)
vocab = ["w%d" % i for i in range(30000)]
names = ["Ahmed Salem", "the ministry", "a spokesman", "local residents",
         "Reuters", "the governor", "police"]
out = open(sys.argv[1], "w")
docs = []
for i in range(int(sys.argv[2])):
    sents = []
    for _ in range(r.randint(30, 50)):
        words = [r.choice(vocab) for _ in range(r.randint(6, 12))]
        if r.random() < 0.2:
            words += ["said", r.choice(names)]
        sents.append(" ".join(words).capitalize() + ".")
    if i % 10 == 9:
        src = docs[r.randrange(len(docs))]
        k = r.randint(0, len(src) - 8)
        sents[3:3] = src[k:k + 8]
    docs.append(sents)
    out.write(json.dumps({"id": "d%05d" % i, "series": "outlet%d" % (i % 40),
                          "date": "2024-%02d-%02d" % (i % 12 + 1, i % 28 + 1),
                          "text": " ".join(sents)}) + "\n")
PY

run 0 "$HEARSAY" index --quiet --db "$WORK/base.db" "$WORK/corpus.jsonl"
[[ $(sql "$WORK/base.db" 'PRAGMA integrity_check') == ok ]] || fail "base store damaged"

caught=0 total=0
# caught_mask PID SIG: the process PID, past its exec (no longer the shell
# that forked it, whose own handlers it carries until then), has a
# handler for signal SIG.
caught_mask() {
  local m n
  [[ $(cat "/proc/$1/comm" 2>/dev/null) != bash ]] || return 1
  m=$(awk '$1 == "SigCgt:" {print $2}' "/proc/$1/status" 2>/dev/null) || return 1
  [[ -n $m ]] || return 1
  n=$(kill -l "$2")
  (( (16#$m >> (n - 1)) & 1 ))
}
# interrupt SIGNAL NAME CMD...: run CMD (a fresh copy of the store is at
# $WORK/t.db), send SIGNAL after $DELAY seconds, check the exit.  A run
# past the time limit is tried once more before the test fails: on a
# loaded machine one slow exit is the scheduler's, two in a row are ours.
interrupt() {
  interrupt_once "$@" && return 0
  note "$2: over the time limit once; trying again"
  total=$((total - 1))
  interrupt_once "$@" || fail "$2: took longer than ${LIMIT}s to stop twice in a row"
}

# interrupt_once: as above; returns 1 when only the time limit was missed.
interrupt_once() {
  local sig=$1 name=$2 pid rc=0 t0 t1 dt r k
  shift 2
  rm -rf "$WORK/t.db" "$WORK/t.db-wal" "$WORK/t.db-shm" "$WORK/t.db-journal" "$WORK/rep"
  cp "$WORK/base.db" "$WORK/t.db"
  total=$((total + 1))
  "$@" >"$WORK/out" 2>"$WORK/err" &
  pid=$!
  sleep "$DELAY"
  # On a loaded machine the process may not have reached main() yet, and a
  # signal then kills it before hearsay can see it: wait until the kernel
  # lists the signal as caught (SigCgt in /proc/PID/status, bit SIGNAL-1),
  # i.e. until hearsay has installed its handler; at most 30 s.
  for (( k = 0; k < 600; k++ )); do
    caught_mask "$pid" "$sig" && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" || true
    note "$name: finished before SIG$sig"
    return 0
  fi
  t0=$(date +%s.%N)
  # it may end between the check above and the signal
  kill -"$sig" "$pid" 2>/dev/null || true
  # a command that ignores the signal is killed after 30 s, and fails
  for (( k = 0; k < 300; k++ )); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    fail "$name: still running 30 s after SIG$sig"
  fi
  wait "$pid" || rc=$?
  t1=$(date +%s.%N)
  dt=$(python3 -c "print(f'{$t1 - $t0:.2f}')")
  if [[ $rc == 0 ]] && ! grep -q interrupted "$WORK/err"; then
    # Finished normally: fine if it was about to, not if it ignored the
    # signal and ran on.
    python3 -c "import sys; sys.exit(0 if $dt <= $LIMIT else 1)" || {
      note "$name: ran ${dt}s more after SIG$sig and exited 0"; return 1; }
    note "$name: finished before SIG$sig took effect (${dt}s)"
    return 0
  fi
  [[ $rc == 130 ]] || { cat "$WORK/err" >&2; fail "$name: exit status $rc after SIG$sig, expected 130"; }
  grep -q 'interrupted' "$WORK/err" || { cat "$WORK/err" >&2; fail "$name: no 'interrupted' message"; }
  [[ $(grep -c . "$WORK/err") == 1 ]] || { cat "$WORK/err" >&2; fail "$name: more than one message"; }
  python3 -c "import sys; sys.exit(0 if $dt <= $LIMIT else 1)" || {
    note "$name: took ${dt}s to stop after SIG$sig (limit ${LIMIT}s)"; return 1; }
  caught=$((caught + 1))
  r=$(sql "$WORK/t.db" 'PRAGMA integrity_check')
  [[ $r == ok ]] || fail "$name: integrity_check after SIG$sig: $r"
  note "$name: SIG$sig stopped it in ${dt}s, exit 130, store ok"
}

for sig in INT TERM; do
  interrupt $sig "index" "$HEARSAY" index --quiet --batch 200 --db "$WORK/new.db" "$WORK/corpus.jsonl"
  rm -f "$WORK/new.db"*
  interrupt $sig "stories" "$HEARSAY" stories --db "$WORK/t.db"
  interrupt $sig "search --db" "$HEARSAY" search --db "$WORK/t.db" -- "the ministry said w17 w18"
  interrupt $sig "search PATH" "$HEARSAY" search "$WORK/corpus.jsonl" --query "the ministry said w17 w18"
  interrupt $sig "sources" "$HEARSAY" sources --db "$WORK/t.db"
  interrupt $sig "graph" "$HEARSAY" graph --db "$WORK/t.db"
  interrupt $sig "timeline" "$HEARSAY" timeline --db "$WORK/t.db"
  interrupt $sig "meta" "$HEARSAY" meta --db "$WORK/t.db"
  interrupt $sig "trace" "$HEARSAY" trace --db "$WORK/t.db" -o "$WORK/rep"
done

note "$caught of $total runs caught mid-run"
(( caught * 4 >= total * 3 )) || fail "only $caught of $total runs were still running at the signal: the corpus is too small for this machine"
echo "ok"
