# The stages of src/ stand on one-way floors (docs/architecture.md, the
# ```floors block, ground first): a file in src/F/ may include headers of
# folders on floors below F's, never above or beside it, so no two stages
# include each other.  Every folder of src/ must have a floor.  Includes
# inside the folder, of hearsay.h and of system headers are always fine.
set -euo pipefail
ROOT=${2:?usage: bash $0 PATH/TO/hearsay PROJECT-ROOT}
ROOT=$(cd "$ROOT" && pwd)

# floors DOC: the folder names of the ```floors block, one a line.
floors() {
  awk '/^```floors/ { on = 1; next } on && /^```/ { exit } on && NF { print $1 }' "$1"
}

# check SRC FLOORS...: prints "FILE:LINE: F includes G" for each include
# the floors do not allow, and "F: no floor" for each unlisted folder.
check() {
  local src=$1; shift
  awk -v floors="$*" -v src="$src" '
    BEGIN { n = split(floors, f, " "); for (i = 1; i <= n; i++) level[f[i]] = i }
    FNR == 1 {
      path = substr(FILENAME, length(src) + 2); split(path, parts, "/")
      dir = parts[1]
      if (!(dir in level) && !(dir in told)) { print dir ": no floor"; told[dir] = 1 }
    }
    /^[ \t]*#[ \t]*include[ \t]*"/ {
      inc = $0; sub(/^[^"]*"/, "", inc); sub(/".*/, "", inc)
      sub(/^(\.\.\/)+/, "", inc)
      if (index(inc, "/") == 0) next          # same folder, or hearsay.h
      split(inc, ip, "/"); g = ip[1]
      if (g == dir) next
      if (!(g in level)) {
        if (system("test -d \"" src "/" g "\"") == 0)
          printf "%s:%d: %s includes %s, which has no floor\n", path, FNR, dir, inc
        next
      }
      if ((dir in level) && level[g] >= level[dir])
        printf "%s:%d: %s includes %s (floor %d is not below %d)\n", path, FNR, dir, inc, level[g] - 1, level[dir] - 1
    }' $(find "$src" -type f \( -name '*.c' -o -name '*.h' -o -name '*.c.in' \) | sort)
}

mapfile -t F < <(floors "$ROOT/docs/architecture.md")
[[ ${#F[@]} -ge 5 ]] || { echo "FAIL: no floors block in docs/architecture.md" >&2; exit 1; }

# The checker must catch an include upwards, one sideways-up, an unlisted
# folder, and let the allowed ones through.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hearsay-floors.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/src/low" "$WORK/src/high" "$WORK/src/stray"
printf '#include "hearsay.h"\n#include "low/a.h"\n#include <stdio.h>\n#include "b.h"\n' >"$WORK/src/high/ok.c"
printf '#include "low/a.h"\n  #include "../high/h.h"\n' >"$WORK/src/low/up.c"
printf '#include "low/a.h"\n' >"$WORK/src/stray/s.c"
got=$(check "$WORK/src" low high)
want=$'low/up.c:2: low includes high/h.h (floor 1 is not below 0)\nstray: no floor'
[[ $got == "$want" ]] ||
  { echo "FAIL: the floor check is broken; it reported:" >&2; echo "$got" >&2; exit 1; }

bad=$(check "$ROOT/src" "${F[@]}")
if [[ -n $bad ]]; then
  echo "FAIL: includes that go up or sideways (docs/architecture.md lists the floors):" >&2
  echo "$bad" >&2
  exit 1
fi
echo "ok: src/ follows the ${#F[@]} floors of docs/architecture.md"
