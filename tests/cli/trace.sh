# hearsay trace: the report folder, its data files' escaping, atomic
# replacement, refusal to overwrite a folder that is not a report, and
# --db reuse of the store.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

note "trace examples/corpus"
run 0 "$HEARSAY" trace -q "$CORPUS" -o "$WORK/r/report"
grep -qx "open $WORK/r/report/index.html" "$WORK/out" || fail "no 'open' line: $(cat "$WORK/out")"
for f in index.html .hearsay-report assets/hearsay-report.js assets/hearsay-report.css \
         data/meta.js data/families.js data/docs-0000.js; do
  [[ -s $WORK/r/report/$f ]] || fail "missing $f"
done
ls "$WORK/r" | grep -v '^report$' && fail "temporary folders left beside the report"

# every data file is one push of one JSON object
for f in "$WORK"/r/report/data/*.js; do
  python3 - "$f" <<'PY' || fail "$f does not parse"
import json, sys
s = open(sys.argv[1], encoding='utf-8').read()
head = '(window.HS_DATA = window.HS_DATA || []).push('
assert s.startswith(head) and s.endswith(');\n'), 'wrapper'
json.loads(s[len(head):-3])
PY
done
python3 - "$WORK/r/report/data/meta.js" <<'PY' || fail "meta.js content"
import json, sys
s = open(sys.argv[1], encoding='utf-8').read()
m = json.loads(s[s.index('(', 10) + 1:-3])
assert m['kind'] == 'meta' and m['stats']['docs'] == 19, m['stats']
assert m['stats']['groups'] == 2 and m['stats']['cross'] >= 10
assert any(e[2] == 1 for e in m['edges'])
PY

note "hostile text cannot leave its string"
run 0 "$HEARSAY" trace -q "$ROOT/tests/data/hostile/hostile.jsonl" -o "$WORK/h"
if grep -l -E '<|>|&' "$WORK"/h/data/*.js; then fail "raw < > & in a data file"; fi
if grep -l -P '\x{2028}|\x{2029}' "$WORK"/h/data/*.js 2>/dev/null; then fail "raw U+2028/2029 in a data file"; fi
grep -q 'u003cscript' "$WORK/h/data/docs-0000.js" || fail "escaped script text missing"

note "re-running replaces the report whole"
echo stale >"$WORK/r/report/data/stale.js"
run 0 "$HEARSAY" trace -q "$CORPUS" -o "$WORK/r/report"
[[ ! -e $WORK/r/report/data/stale.js ]] || fail "old report files survived"

note "a folder that is not a report is left alone"
mkdir -p "$WORK/mine" && echo keep >"$WORK/mine/notes.txt"
run 1 "$HEARSAY" trace -q "$CORPUS" -o "$WORK/mine"
grep_err "not a hearsay report"
[[ $(cat "$WORK/mine/notes.txt") == keep ]] || fail "folder touched"

note "usage errors"
run 1 "$HEARSAY" trace
run 2 "$HEARSAY" trace "$WORK/does-not-exist" -o "$WORK/x"
[[ ! -e $WORK/x ]] || fail "report written for a failed run"

note "--db indexes, then reports from the store; a second run reuses it"
run 0 "$HEARSAY" trace -q --db "$WORK/s.db" "$CORPUS/wire.jsonl" -o "$WORK/d"
run 0 "$HEARSAY" trace --db "$WORK/s.db" "$CORPUS" -o "$WORK/d"
grep_err "14 documents added, 5 already stored"
python3 - "$WORK/d/data/meta.js" <<'PY' || fail "--db report content"
import json, sys
s = open(sys.argv[1], encoding='utf-8').read()
m = json.loads(s[s.index('(', 10) + 1:-3])
assert m['stats']['docs'] == 19 and m['stats']['cross'] >= 10, m['stats']
PY
run 0 "$HEARSAY" trace -q --db "$WORK/s.db" -o "$WORK/d2"
cmp -s "$WORK/d/data/meta.js" "$WORK/d2/data/meta.js" || fail "report from the store alone differs"

echo "ok"
