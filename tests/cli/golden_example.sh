# Golden test: the exact TSV output for the example corpus.  If a deliberate
# change alters it, check the new output against examples/PLANTED.md and
# regenerate with
#   build/hearsay reuse --format tsv examples/corpus > tests/cli/expected/example.tsv
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

EXPECTED=$ROOT/tests/cli/expected/example.tsv
[[ -f $EXPECTED ]] || fail "$EXPECTED is missing"
cd "$ROOT"
run 0 "$HEARSAY" reuse --format tsv examples/corpus
diff -u "$EXPECTED" "$WORK/out" >&2 || fail "output differs from tests/cli/expected/example.tsv"
[[ ! -s $WORK/err ]] || fail "unexpected messages on stderr: $(cat "$WORK/err")"
echo "ok"
