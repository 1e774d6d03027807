# Unix conventions of the command line: --opt=value, bundled short options,
# --, per-command help that lists exactly what the parser takes, -V, and
# the errors for unknown or unused options, formats a command does not
# write and a store that does not exist; filters on a store's passages.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

H=$HEARSAY
# count FILTER FILE: records of the JSON Lines FILE that FILTER selects
count() { jq -s "[.[] | select($1)] | length" "$2"; }

note "--opt=value and --opt value give the same output"
run 0 "$H" reuse --format tsv --min-words 20 --threads 2 "$CORPUS"
cp "$WORK/out" "$WORK/spaced"
run 0 "$H" reuse --format=tsv --min-words=20 --threads=2 "$CORPUS"
cmp -s "$WORK/spaced" "$WORK/out" || fail "--opt=value differs from --opt value"
head -n1 "$WORK/out" | grep -q '^family' || fail "no TSV header"

note "bundled short options: -qt2 -ftsv"
run 0 "$H" reuse -qt2 -ftsv --min-words=20 "$CORPUS"
cmp -s "$WORK/spaced" "$WORK/out" || fail "-qt2 -ftsv differs from the long options"

note "-qn1: --quiet and --limit 1, bundled"
run 0 "$H" search -qn1 --format=jsonl "$CORPUS" --query "bridge closed for repairs"
[[ $(lines "$WORK/out") == 1 ]] || fail "search -qn1 gave $(lines "$WORK/out") lines"

note "options after paths, and -- before a path that looks like an option"
cp -r "$CORPUS" "$WORK/-corpus"
run 0 "$H" reuse "$CORPUS" --format=tsv --min-words=20
cmp -s "$WORK/spaced" "$WORK/out" || fail "options after the path are not read"
(cd "$WORK" && "$H" reuse --format=tsv --min-words=20 -- -corpus) >"$WORK/dd" ||
  fail "-- did not end the options"
[[ $(lines "$WORK/dd") == $(lines "$WORK/spaced") ]] || fail "-- -corpus gave other passages"

note "-V, --version"
for v in -V --version version; do
  run 0 "$H" $v
  grep -q '^hearsay [0-9]' "$WORK/out" || fail "'$v' prints '$(cat "$WORK/out")'"
done

note "per-command help: CMD --help, CMD -h and help CMD are the same page"
cmds=$("$H" help --commands)
for cmd in $cmds; do
  [[ $cmd == version || $cmd == help ]] && continue
  run 0 "$H" "$cmd" --help
  cp "$WORK/out" "$WORK/help-$cmd"
  grep -q "^usage: hearsay $cmd" "$WORK/out" || fail "'$cmd --help' has no synopsis"
  grep -q '^Examples:' "$WORK/out" || fail "'$cmd --help' has no examples"
  grep -q '^Options:' "$WORK/out" || fail "'$cmd --help' has no options"
  run 0 "$H" help "$cmd"
  cmp -s "$WORK/help-$cmd" "$WORK/out" || fail "'help $cmd' differs from '$cmd --help'"
  run 0 "$H" "$cmd" -h
  cmp -s "$WORK/help-$cmd" "$WORK/out" || fail "'$cmd -h' differs from '$cmd --help'"
done
# what the issue found missing from the help
grep -q -- '--limit' "$WORK/help-search" || fail "search --help does not list --limit"
grep -q -- '--min-score' "$WORK/help-search" || fail "search --help does not list --min-score"
grep -q -- '--pairs' "$WORK/help-search" || fail "search --help does not list --pairs"
grep -q -- '-o, --out' "$WORK/help-trace" || fail "trace --help does not list -o"
if cmp -s "$WORK/help-reuse" "$WORK/help-search"; then fail "reuse and search help are the same"; fi

# options NAME: the long options a command's help lists, with a value
# the option takes.
options() {
  sed -nE 's/^  (-[a-zA-Z], )?    ?--([a-z-]+)(=([^ ]+))?.*/\2 \4/p;s/^  -[a-zA-Z], --([a-z-]+)(=([^ ]+))?.*/\1 \3/p' \
    "$WORK/help-$1" | sort -u
}
value_for() {
  case $1 in
    N) echo 2 ;; X) echo 0.5 ;; SIZE) echo 64M ;; FILE) echo "$WORK/none" ;;
    DIR) echo "$WORK" ;; CLAIM) echo x ;; KINDS) echo reuse,citation ;; *'|'*) echo "${1%%|*}" ;;
    '') ;; *) echo "$1" ;;
  esac
}

note "every option in the help is taken by the parser"
for cmd in $cmds; do
  [[ $cmd == version || $cmd == help ]] && continue
  while read -r opt arg; do
    [[ $opt == help || -z $opt ]] && continue
    val=$(value_for "$arg")
    rc=0
    timeout 20 "$H" "$cmd" "--$opt${arg:+=$val}" "$WORK/no-such-input" \
      </dev/null >"$WORK/out" 2>"$WORK/err" || rc=$?
    if grep -Eq 'does not take|unknown option|wants|needs a value' "$WORK/err"; then
      fail "'$cmd --$opt${arg:+=$val}' is refused: $(cat "$WORK/err")"
    fi
  done < <(options "$cmd")
done

note "and the parser takes no option that the help does not list"
all=$(for cmd in $cmds; do if [[ -f $WORK/help-$cmd ]]; then options "$cmd"; fi; done | awk '{print $1}' | sort -u)
for cmd in $cmds; do
  [[ $cmd == version || $cmd == help ]] && continue
  for opt in $all; do
    grep -Eq -- "--$opt([= ]|$)" "$WORK/help-$cmd" && continue
    rc=0
    "$H" "$cmd" "--$opt" "$WORK/no-such-input" </dev/null >"$WORK/out" 2>"$WORK/err" || rc=$?
    [[ $rc == 1 ]] && grep -q "does not take --$opt" "$WORK/err" ||
      fail "'$cmd --$opt' (not in its help) gave $rc: $(cat "$WORK/err")"
  done
done

note "unknown option, missing value, bad value: exit 1"
run 1 "$H" reuse --no-such-option "$CORPUS"
grep_err "unknown option '--no-such-option'"
run 1 "$H" reuse -x "$CORPUS"
grep_err "unknown option '-x'"
run 1 "$H" reuse "$CORPUS" --min-words
grep_err "min-words needs a value"
run 1 "$H" reuse --min-words=zero "$CORPUS"
grep_err "min-words wants"

note "options a command does not use are errors"
run 1 "$H" extract --db "$WORK/foo.db" "$CORPUS"
grep_err "'extract' does not take --db"
[[ ! -e $WORK/foo.db ]] || fail "extract --db created a database"
run 1 "$H" index --db "$WORK/foo.db" --threshold=0.5 "$CORPUS"
grep_err "does not take --threshold"

printf 'a b\tc d\n' >"$WORK/pairs.tsv"
run 1 "$H" search --pairs "$WORK/pairs.tsv" --limit=3
grep_err "takes no PATH, --db"
run 1 "$H" search --queries "$WORK/pairs.tsv" --timeline "$CORPUS"
grep_err "takes no --db, --query, --timeline"

note "formats a command does not write are rejected"
run 1 "$H" meta --format text "$CORPUS"
grep_err "'meta' writes only jsonl"
run 1 "$H" graph --format tsv "$CORPUS"
grep_err "format 'tsv' for 'graph'"
run 1 "$H" reuse --format xml "$CORPUS"
grep_err "unknown format 'xml'"
run 1 "$H" index --db "$WORK/foo.db" --format=tsv "$CORPUS"
grep_err "does not take --format"

note "a reading command with a store that does not exist: exit 4, nothing created"
for cmd in reuse dups meta sources graph timeline stories trace; do
  run 4 "$H" $cmd --db "$WORK/typo.db"
  grep_err "typo.db: no such store"
  [[ ! -e $WORK/typo.db ]] || fail "$cmd --db created $WORK/typo.db"
done
run 4 "$H" search --db "$WORK/typo.db" minister
[[ ! -e $WORK/typo.db ]] || fail "search --db created $WORK/typo.db"

note "options of reading files, given with a store, are errors"
run 0 "$H" index -q --db "$WORK/x.db" "$CORPUS"
for opt in --ngram=4 --df-cap=50 --max-gap=3 --threads=2 --memory=64M --keep-boilerplate; do
  run 1 "$H" reuse --db "$WORK/x.db" $opt
  grep_err "applies only to reading files"
done

note "filters work on a store's passages"
run 0 "$H" reuse --db "$WORK/x.db" --format=jsonl
cp "$WORK/out" "$WORK/stored.jsonl"
run 0 "$H" reuse --db "$WORK/x.db" --format=jsonl --min-words=40
[[ $(count '.words < 40' "$WORK/out") == 0 ]] || fail "--min-words 40 kept a shorter passage"
n40=$(jq -s 'map(select(.words >= 40)) | length' "$WORK/stored.jsonl")
[[ $(lines "$WORK/out") == "$n40" && $n40 -lt $(lines "$WORK/stored.jsonl") ]] ||
  fail "--min-words 40 on the store: $(lines "$WORK/out") passages, want $n40"
run 0 "$H" reuse --db "$WORK/x.db" --min-similarity=0.99
[[ $(count '.similarity < 0.99' "$WORK/out") == 0 ]] || fail "--min-similarity kept a less similar passage"
[[ $(lines "$WORK/out") -lt $(lines "$WORK/stored.jsonl") ]] || fail "--min-similarity 0.99 dropped nothing"
mkdir "$WORK/ic"
P="the river authority said on tuesday that the new dam would hold back the spring floods for at least another ten years"
printf '%s\n\nsomething else entirely, about the weather and the market and the town council meeting\n\n%s\n' "$P" "$P" >"$WORK/ic/a.txt"
printf 'a report: %s\n' "$P" >"$WORK/ic/b.txt"
run 0 "$H" index -q --db "$WORK/y.db" "$WORK/ic"
run 0 "$H" reuse --db "$WORK/y.db"
[[ $(count '.kind == "internal"' "$WORK/out") -gt 0 ]] || fail "no internal repeat stored"
run 0 "$H" reuse --db "$WORK/y.db" --no-internal
[[ $(count '.kind == "internal"' "$WORK/out") == 0 ]] || fail "--no-internal kept an internal repeat"
[[ $(lines "$WORK/out") -gt 0 ]] || fail "--no-internal dropped the cross passages too"
run 0 "$H" reuse --no-internal "$CORPUS"
cp "$WORK/out" "$WORK/files-ni"
run 0 "$H" reuse --no-internal --db "$WORK/x.db"
python3 "$CHECK" canon "$WORK/files-ni" >"$WORK/c1"
python3 "$CHECK" canon "$WORK/out" >"$WORK/c2"
diff "$WORK/c1" "$WORK/c2" >&2 || fail "--no-internal on the store differs from on the files"
echo "ok"
