# The library and its public header use none of the C calls that invite
# buffer overflows or silent conversion errors: strcpy, strcat, sprintf,
# vsprintf, strtok, atoi, atol, atoll, gets.  (snprintf, vsnprintf and
# the strto* functions are the replacements.)  Comments and string
# literals are ignored.
set -euo pipefail
ROOT=${2:?usage: bash $0 PATH/TO/hearsay PROJECT-ROOT}
ROOT=$(cd "$ROOT" && pwd)
BANNED='strcpy|strcat|sprintf|vsprintf|strtok|atoi|atol|atoll|gets'

# scan FILE...: print FILE:LINE: TEXT for every banned call, outside
# comments and string or character literals.
scan() {
  awk -v banned="$BANNED" '
    FNR == 1 { incomment = 0 }
    {
      line = $0; out = ""; i = 1; n = length(line)
      while (i <= n) {
        c = substr(line, i, 1); c2 = substr(line, i, 2)
        if (incomment) {
          if (c2 == "*/") { incomment = 0; i += 2 } else i++
          continue
        }
        if (c2 == "/*") { incomment = 1; i += 2; continue }
        if (c2 == "//") break
        if (c == "\"" || c == "\047") {
          q = c; i++
          while (i <= n) {
            d = substr(line, i, 1)
            if (d == "\\") { i += 2; continue }
            i++
            if (d == q) break
          }
          out = out " "
          continue
        }
        out = out c; i++
      }
      if (match(out, "(^|[^A-Za-z0-9_])(" banned ")[ \t]*\\("))
        printf "%s:%d: %s\n", FILENAME, FNR, $0
    }' "$@"
}

# The scanner must catch a planted call and ignore the look-alikes.
WORK=$(mktemp -d "${TMPDIR:-/tmp}/hearsay-banned.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cat >"$WORK/probe.c" <<'C'
static void f(char *d, const char *s) {
  snprintf(d, 4, "%s", s); /* strcpy(d, s) in a comment */
  const char *m = "atoi(x) in a string";
  // gets(d) in a line comment
  strcpy (d, s);
}
C
got=$(scan "$WORK/probe.c")
[[ $got == "$WORK/probe.c:5:   strcpy (d, s);" ]] ||
  { echo "FAIL: the scanner is broken; it reported: '$got'" >&2; exit 1; }

mapfile -t files < <(find "$ROOT/src" "$ROOT/include" -type f \
  \( -name '*.c' -o -name '*.h' \) | sort)
[[ ${#files[@]} -gt 0 ]] || { echo "FAIL: no C sources under $ROOT/src" >&2; exit 1; }
hits=$(scan "${files[@]}")
if [[ -n $hits ]]; then
  echo "FAIL: banned calls (use snprintf, memcpy with a length, strtol...):" >&2
  echo "$hits" | sed "s|^$ROOT/||" >&2
  exit 1
fi
echo "ok: ${#files[@]} files free of banned calls"
