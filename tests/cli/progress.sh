# Progress display: with --progress into a file, plain lines (no terminal
# escapes) naming each stage of `reuse` with documents done, and a last
# line of the alignment with its rate; without --progress, stderr stays
# empty when it is not a terminal.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

note "reuse --progress into a file: stages reading, index, align"
run 0 "$HEARSAY" reuse --format jsonl --progress "$CORPUS"
grep_err "^hearsay: reading +[0-9]+ docs"
grep_err "^hearsay: index +\[[.#]+\] [0-9]+/[0-9]+ [0-9]+%"
grep_err "^hearsay: align +\[#+\] ([0-9]+)/\1 100%"
if grep -q $'\r\|\033' "$WORK/err"; then
  fail "terminal escapes in a file: $(od -c "$WORK/err" | head -5)"
fi
n=$(lines "$WORK/out")
[[ $n -gt 0 ]] || fail "no passages with --progress"

note "same output without --progress; stderr empty in a pipe"
cp "$WORK/out" "$WORK/out.progress"
"$HEARSAY" reuse --format jsonl "$CORPUS" 2>"$WORK/err" | cat >"$WORK/out"
[[ ! -s $WORK/err ]] || fail "stderr not empty without --progress: $(head -c 500 "$WORK/err")"
cmp -s "$WORK/out" "$WORK/out.progress" || fail "--progress changed the output"

note "--no-progress wins over an earlier --progress"
run 0 "$HEARSAY" reuse --format jsonl --progress --no-progress "$CORPUS"
[[ ! -s $WORK/err ]] || fail "stderr not empty with --no-progress: $(head -c 500 "$WORK/err")"

note "dups --progress: its stages in plain lines too"
run 0 "$HEARSAY" dups --progress "$CORPUS"
grep_err "^hearsay: (reading|align) "
echo "ok"
