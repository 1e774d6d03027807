# The Python package (python/): its pytest suite against the library just
# built, then what a user does on a fresh machine: install the library
# (here into a temporary DESTDIR), `pip install ./python` into a virtual
# environment (offline: the build backend is in the tree) and run the
# five-line snippet of docs/python.md, which must find the planted wire
# reprint and return a DataFrame.
#
# Debian's interpreter (/usr/bin/python3, with python3-cffi, -pytest and
# -pandas from scripts/install-deps.sh), not whatever python3 is first on
# PATH; HEARSAY_PYTHON overrides it.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
PY=${HEARSAY_PYTHON:-/usr/bin/python3}
# A sanitized library cannot be loaded into an uninstrumented interpreter.
[[ ${HS_SANITIZED:-} == 1 ]] && skip "sanitizer build"
[[ -x $PY ]] || skip "$PY is not installed"
"$PY" -c 'import cffi, pytest, pandas' 2>/dev/null ||
  skip "$PY lacks cffi, pytest or pandas (scripts/install-deps.sh)"
BUILD=$(dirname "$HEARSAY")
LIB=$(find "$BUILD" -maxdepth 1 -name 'libhearsay.so.*.*' | head -1)
[[ -n $LIB ]] || skip "no shared library in $BUILD (HS_SHARED=OFF)"

note "pytest python/tests"
HEARSAY_LIBRARY=$LIB HEARSAY_BIN=$HEARSAY HEARSAY_ROOT=$ROOT \
  "$PY" -m pytest -q -p no:cacheprovider "$ROOT/python/tests" ||
  fail "pytest python/tests failed"

note "make install, then pip install ./python in a fresh venv, offline"
DEST=$WORK/dest
run 0 env DESTDIR="$DEST" cmake --install "$BUILD" --prefix /usr/local
PC=$(find "$DEST" -name hearsay.pc)
"$PY" -m venv --system-site-packages "$WORK/venv" || fail "cannot create a venv"
# The wheel records hearsay.pc's libdir: the snippet then needs no setting.
# No index (the network may be unreachable) and no build isolation
# downloads: the in-tree backend needs nothing.
(cd "$ROOT" && PKG_CONFIG_PATH=$(dirname "$PC") PKG_CONFIG_SYSROOT_DIR=$DEST \
   PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
   "$WORK/venv/bin/pip" install ./python) >"$WORK/pip.log" 2>&1 ||
  { cat "$WORK/pip.log" >&2; fail "pip install ./python failed"; }
[[ -z $(find "$ROOT/python" -name '*.egg-info' -o -name build -o -name dist) ]] ||
  fail "pip install left build files in python/"

cat >"$WORK/snippet.py" <<PYEOF
import hearsay
passages = hearsay.reuse("$CORPUS")
df = passages.to_pandas()
print(type(df).__name__, len(df))
print(df[(df.a_doc == "harbor-tribune/2024-03-02-bridge.txt") & (df.b_doc == "lw-2024-0301-bridge")][["a_start", "a_end", "b_start", "b_end", "words"]].to_csv(index=False, header=False))
PYEOF
(cd "$WORK" && env -u HEARSAY_LIBRARY -u PYTHONPATH "$WORK/venv/bin/python" snippet.py) >"$WORK/snippet.out" 2>&1 ||
  { cat "$WORK/snippet.out" >&2; fail "the snippet failed"; }
cat "$WORK/snippet.out"
grep -Eq '^DataFrame [1-9][0-9]*$' "$WORK/snippet.out" || fail "no DataFrame of passages"
grep -Eq '^52,1294,[0-9]+,[0-9]+,213' "$WORK/snippet.out" || fail "the planted wire reprint was not found"
