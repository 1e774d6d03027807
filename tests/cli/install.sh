# Installation: `cmake --install` into a temporary DESTDIR puts the hearsay
# command, libhearsay.so.N (with its SONAME, exporting only the public API),
# libhearsay.a, hearsay.h and hearsay.pc in place; a C program compiled with
# `pkg-config --cflags --libs hearsay` against them finds the planted reuse
# of the example corpus, linked to the shared library and, with --static,
# to the static one.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
need cmake pkg-config cc nm readelf
# A sanitized library cannot be loaded by an uninstrumented program.
[[ ${HS_SANITIZED:-} == 1 ]] && skip "sanitizer build (the installed library is instrumented)"
BUILD=$(dirname "$HEARSAY")
[[ -f $BUILD/cmake_install.cmake ]] || skip "$BUILD is not a CMake build tree"

DEST=$WORK/dest
run 0 env DESTDIR="$DEST" cmake --install "$BUILD" --prefix /opt/hs
PC=$(find "$DEST" -name hearsay.pc)
[[ -n $PC ]] || fail "no hearsay.pc installed"
LIBDIR=$(dirname "$(dirname "$PC")")
[[ -x $DEST/opt/hs/bin/hearsay ]] || fail "no bin/hearsay installed"
[[ -f $DEST/opt/hs/include/hearsay.h ]] || fail "no include/hearsay.h installed"
[[ -f $LIBDIR/libhearsay.a ]] || fail "no libhearsay.a in $LIBDIR"
SO=$(find "$LIBDIR" -name 'libhearsay.so.*.*' | head -1)
[[ -n $SO && -L $LIBDIR/libhearsay.so ]] || fail "no libhearsay.so (and link) in $LIBDIR"

note "the shared library has a SONAME and exports only hs_* functions"
readelf -d "$SO" | grep -Eq 'SONAME.*\[libhearsay\.so\.[0-9]+\]' || fail "no SONAME libhearsay.so.N"
SONAME=$(readelf -d "$SO" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')
[[ -L $LIBDIR/$SONAME ]] || fail "no $SONAME link installed"
nm -D --defined-only "$SO" | awk '{print $3}' >"$WORK/exported"
if grep -v '^hs_' "$WORK/exported" >"$WORK/stray"; then
  head "$WORK/stray" >&2; fail "exported symbols outside the hs_ API"
fi
# Every HS_API function of the header is exported, and nothing else.
sed -n 's/^HS_API[^(]*[ *]\(hs_[a-z0-9_]*\)(.*/\1/p' "$DEST/opt/hs/include/hearsay.h" | sort -u >"$WORK/api"
sort -u "$WORK/exported" >"$WORK/exported.sorted"
diff "$WORK/api" "$WORK/exported.sorted" >&2 || fail "exports differ from the HS_API declarations"

note "hearsay.pc names the installed prefix"
# The files are in DESTDIR, not yet at their prefix: the sysroot tells
# pkg-config (as when cross-compiling).
export PKG_CONFIG_PATH=$LIBDIR/pkgconfig PKG_CONFIG_SYSROOT_DIR=$DEST
[[ $(pkg-config --modversion hearsay) == $("$HEARSAY" version | awk '{print $2}') ]] ||
  fail "hearsay.pc version differs from 'hearsay version'"
[[ $(pkg-config --variable=prefix hearsay) == */opt/hs ]] || fail "prefix in hearsay.pc is not /opt/hs"

note "a C program built with pkg-config finds the planted wire reprint"
cat >"$WORK/prog.c" <<'C'
#include <hearsay.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  hs_corpus *c = hs_corpus_new();
  hs_reuse_opts o;
  hs_passage *p = NULL;
  hs_error err;
  size_t n = 0, i, wire = 0;
  if (argc != 2 || !c) return 2;
  if (strcmp(hs_version(), HS_VERSION) != 0 ||
      HS_VERSION_NUMBER != HS_VERSION_MAJOR * 10000 + HS_VERSION_MINOR * 100 +
                               HS_VERSION_PATCH) {
    fprintf(stderr, "version %s, header %s\n", hs_version(), HS_VERSION);
    return 3;
  }
  hs_reuse_opts_default(&o);
  if (hs_ingest_path(c, argv[1], NULL, &err) ||
      hs_reuse_find(c, &o, &p, &n, &err)) {
    fprintf(stderr, "%s\n", err.msg);
    return 1;
  }
  for (i = 0; i < n; i++) {
    const char *a = hs_corpus_doc(c, p[i].a.doc)->id;
    const char *b = hs_corpus_doc(c, p[i].b.doc)->id;
    if (!strcmp(a, "harbor-tribune/2024-03-02-bridge.txt") &&
        !strcmp(b, "lw-2024-0301-bridge"))
      wire++;
  }
  printf("%s %zu documents, %zu passages, %zu wire\n", hs_version(),
         hs_corpus_count(c), n, wire);
  free(p);
  hs_corpus_free(c);
  return wire ? 0 : 1;
}
C
# shellcheck disable=SC2046  # pkg-config output is word-split on purpose
cc -std=c11 -Wall -Werror -o "$WORK/prog" "$WORK/prog.c" $(pkg-config --cflags --libs hearsay) ||
  fail "cannot build against the installed library"
readelf -d "$WORK/prog" | grep -q "NEEDED.*\[$SONAME\]" || fail "program is not linked to $SONAME"
run 0 env LD_LIBRARY_PATH="$LIBDIR" "$WORK/prog" "$CORPUS"
grep -Eq '^[0-9.]+ 19 documents, [0-9]+ passages, 1 wire$' "$WORK/out" || fail "unexpected output: $(cat "$WORK/out")"

note "and linked statically (pkg-config --static)"
# shellcheck disable=SC2046
cc -std=c11 -o "$WORK/prog-static" "$WORK/prog.c" -I"$DEST/opt/hs/include" \
  "$LIBDIR/libhearsay.a" $(pkg-config --static --libs-only-l --libs-only-other hearsay | sed 's/-lhearsay//') ||
  fail "cannot link against libhearsay.a"
if readelf -d "$WORK/prog-static" | grep -q 'NEEDED.*libhearsay'; then fail "static program needs libhearsay.so"; fi
run 0 "$WORK/prog-static" "$CORPUS"
grep -q ' 1 wire$' "$WORK/out" || fail "static program: $(cat "$WORK/out")"

note "the installed command runs"
run 0 "$DEST/opt/hs/bin/hearsay" reuse --format jsonl "$CORPUS"
[[ $(lines "$WORK/out") -gt 0 ]] || fail "installed hearsay found nothing"
