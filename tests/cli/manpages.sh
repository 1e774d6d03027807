# The man pages and the bash completion are made at build time from the
# table --help prints: every page renders with man(1) and lists what the
# command's --help lists; the completion offers the same options.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
need man

BUILD=$(dirname "$HEARSAY")
MAN=$BUILD/man
[[ -f $MAN/hearsay.1 ]] || fail "$MAN/hearsay.1 was not generated"
[[ -f $BUILD/completion/hearsay ]] || fail "the bash completion was not generated"

note "man -l renders hearsay.1 and every hearsay-CMD.1"
export MANWIDTH=100
man -l "$MAN/hearsay.1" >"$WORK/hearsay.txt" 2>"$WORK/err" || fail "man -l hearsay.1: $(cat "$WORK/err")"
grep -q 'COMMANDS' "$WORK/hearsay.txt" || fail "hearsay(1) has no COMMANDS"
for cmd in $("$HEARSAY" help --commands); do
  page=$MAN/hearsay-$cmd.1
  [[ -f $page ]] || fail "no $page"
  man --warnings -l "$page" >"$WORK/$cmd.txt" 2>"$WORK/err" ||
    fail "man -l $page: $(cat "$WORK/err")"
  [[ ! -s $WORK/err ]] || fail "groff warns on $page: $(cat "$WORK/err")"
  grep -q "^NAME" "$WORK/$cmd.txt" && grep -q "^SYNOPSIS" "$WORK/$cmd.txt" ||
    fail "hearsay-$cmd(1) lacks NAME or SYNOPSIS"
  grep -qF "hearsay\\-$cmd (1)" "$MAN/hearsay.1" || fail "hearsay(1) does not refer to hearsay-$cmd(1)"
  # every option of --help is on the page
  for opt in $("$HEARSAY" "$cmd" --help | sed -nE 's/^  (-[a-zA-Z], |    )--([a-z-]+).*/\2/p'); do
    grep -q -- "--$opt" "$WORK/$cmd.txt" || fail "hearsay-$cmd(1) does not list --$opt"
  done
done
grep -q '^EXAMPLES' "$WORK/reuse.txt" || fail "hearsay-reuse(1) has no EXAMPLES"
grep -q -- '--min-words=N' "$WORK/reuse.txt" || fail "hearsay-reuse(1) lacks --min-words=N"

note "the pages are what 'hearsay help --man' writes"
run 0 "$HEARSAY" help --man reuse
cmp -s "$WORK/out" "$MAN/hearsay-reuse.1" || fail "build/man/hearsay-reuse.1 is stale"

note "bash completion: commands, each command's options, format values"
bash -n "$BUILD/completion/hearsay" || fail "the completion script is not valid bash"
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _hearsay; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$BUILD/completion/hearsay" "$@"
}
complete_words hearsay re | grep -qx reuse || fail "'hearsay re<TAB>' does not offer reuse"
for cmd in reuse search graph extract; do
  got=$(complete_words hearsay "$cmd" -- | sed 's/^--//' | sort -u)
  want=$("$HEARSAY" "$cmd" --help | sed -nE 's/^  (-[a-zA-Z], |    )--([a-z-]+).*/\2/p' | sort -u)
  [[ $got == "$want" ]] || fail "completion of '$cmd --' differs from its help: $(diff <(echo "$want") <(echo "$got") | tr '\n' ' ')"
done
[[ $(complete_words hearsay graph --format '' | sort | tr '\n' ' ') == "dot gexf jsonl " ]] ||
  fail "'graph --format <TAB>' offers $(complete_words hearsay graph --format '')"
note "installed with the command: share/man/man1 and bash-completion"
if command -v cmake >/dev/null && [[ -f $BUILD/cmake_install.cmake ]]; then
  cmake --install "$BUILD" --prefix "$WORK/inst" >"$WORK/inst.log" 2>&1 || fail "cmake --install: $(tail -5 "$WORK/inst.log")"
  man -l "$WORK/inst/share/man/man1/hearsay-reuse.1" >/dev/null || fail "installed hearsay-reuse.1 does not render"
  [[ -f $WORK/inst/share/man/man1/hearsay.1 ]] || fail "hearsay.1 not installed"
  [[ -f $WORK/inst/share/bash-completion/completions/hearsay ]] || fail "bash completion not installed"
  MANPATH=$WORK/inst/share/man man hearsay-reuse >/dev/null 2>&1 || fail "'man hearsay-reuse' does not find the installed page"
fi
echo "ok"
