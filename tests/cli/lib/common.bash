# Sourced by every tests/cli/*.sh.  ctest runs each script as
#   bash SCRIPT.sh PATH/TO/hearsay PATH/TO/PROJECT-ROOT
# Exit status: 0 pass, 77 skip, anything else fail.
#
# Provides: $HEARSAY, $ROOT, $CORPUS (the example corpus), $PLANTED (its
# known answer), $WORK (a fresh temporary directory, removed on exit),
# $CHECK (the Python helper), and the functions below.

HEARSAY=${1:?usage: bash $0 PATH/TO/hearsay PROJECT-ROOT}
ROOT=${2:?usage: bash $0 PATH/TO/hearsay PROJECT-ROOT}
ROOT=$(cd "$ROOT" && pwd)
CORPUS=$ROOT/examples/corpus
PLANTED=$ROOT/examples/PLANTED.md
CHECK=$ROOT/tests/cli/lib/check.py

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
note() { echo "-- $*"; }

need() {
  local t
  for t in "$@"; do
    command -v "$t" >/dev/null 2>&1 || skip "$t is not installed (scripts/install-deps.sh)"
  done
}

[[ -x $HEARSAY ]] || skip "$HEARSAY is not built"
HEARSAY=$(cd "$(dirname "$HEARSAY")" && pwd)/$(basename "$HEARSAY")
need python3 jq

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hearsay-cli.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export LC_ALL=C.UTF-8

# run WANT_STATUS CMD... : run CMD with stdout in $WORK/out and stderr in
# $WORK/err; fail unless it exits with WANT_STATUS.
run() {
  local want=$1 rc=0
  shift
  "$@" >"$WORK/out" 2>"$WORK/err" || rc=$?
  if [[ $rc != "$want" ]]; then
    echo "command: $*" >&2
    echo "--- stdout (head):" >&2; head -c 2000 "$WORK/out" >&2
    echo "--- stderr (head):" >&2; head -c 2000 "$WORK/err" >&2
    fail "exit status $rc, expected $want"
  fi
}

# grep_err PATTERN: stderr of the last `run` must match the extended regex.
grep_err() {
  grep -Eq -- "$1" "$WORK/err" || {
    echo "--- stderr:" >&2; cat "$WORK/err" >&2
    fail "stderr does not match /$1/"
  }
}

# lines FILE: number of lines in FILE.
lines() { wc -l <"$1" | tr -d ' '; }

# sql DB QUERY: print the result of one query (fails the test on error).
sql() { sqlite3 -batch -noheader "$1" "$2" || fail "sqlite3 $1: '$2' failed"; }
