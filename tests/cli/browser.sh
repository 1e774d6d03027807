# The report in a real browser: tests/browser/report.test.mjs drives the
# system Chromium (Debian package `chromium`) with playwright-core from npm.
# Installs tests/browser's pinned packages with `npm ci` when missing.
# Skips (77) only when node or chromium is absent.  Screenshots go to
# $OUT_DIR/screenshots (default: test-output/browser/ in the directory ctest
# runs the test from, i.e. build/tests/ or build-asan/tests/).
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"
need node npm
[[ -x ${CHROMIUM:-/usr/bin/chromium} ]] || skip "chromium is not installed (scripts/install-deps.sh)"
OUT=${OUT_DIR:-$PWD/test-output/browser}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
cd "$ROOT/tests/browser"
if [[ ! -d node_modules/playwright-core ]]; then
  npm ci --no-audit --no-fund >"$WORK/npm.log" 2>&1 || { cat "$WORK/npm.log" >&2; fail "npm ci in tests/browser"; }
fi
node report.test.mjs "$HEARSAY" "$ROOT" "$OUT"
