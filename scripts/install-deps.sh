#!/usr/bin/env bash
# Install what hearsay needs to build and test, on Debian 12 (bookworm).
#
# Idempotent: each package is checked with `dpkg -s` first, so a machine
# that already has everything does no network work at all.  `apt-get
# update` runs only when something is missing.  Runs apt-get as root, or
# through sudo when not root.  Exits non-zero, naming the package, when
# something cannot be installed; finally checks that pkg-config finds every
# library the build links against.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  clang libclang-rt-14-dev          # libFuzzer and sanitizer runtimes
  libutf8proc-dev libxxhash-dev
  libsqlite3-dev sqlite3
  zlib1g-dev libzstd-dev zstd
  libjansson-dev libcmocka-dev
  libxml2-dev                       # HTML parsing
  libstemmer-dev                    # Snowball stemmers
  libcsv-dev                        # CSV and TSV input
  wordnet-base                      # English synonyms (data files)
  similarity-tester                 # reference tool used by benchmarks
  jq python3 time                   # used by the command-line tests
  man-db                            # tests/cli/manpages.sh renders the man pages
  python3-pandas python3-networkx   # tests/cli/records.sh reads hearsay output with them
  graphviz libxml2-utils            # DOT and GEXF checks of 'hearsay graph'
  chromium                          # the report's browser test (tests/browser)
  openmpi-bin libopenmpi-dev        # the MPI build (make mpi, docs/mpi.md)
  python3-cffi python3-venv python3-pip  # the Python package (python/)
  python3-pytest python3-pandas     # its tests (tests/cli/python.sh)
)

# pkg-config module names of the libraries the build needs.
PC_MODULES=(libutf8proc libxxhash sqlite3 zlib libzstd jansson cmocka libxml-2.0)

die() { echo "install-deps: $*" >&2; exit 1; }

installed() {
  dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'
}

missing=()
for p in "${PACKAGES[@]}"; do
  installed "$p" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "install-deps: installing: ${missing[*]}"
  if [[ $(id -u) -eq 0 ]]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    die "not root and sudo is not available; install as root: ${missing[*]}"
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q || die "apt-get update failed"
  # Try all at once; on failure, retry one by one to name the culprit.
  if ! "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    for p in "${missing[@]}"; do
      installed "$p" && continue
      "${SUDO[@]}" apt-get install -y -q --no-install-recommends "$p" ||
        die "cannot install package '$p'"
    done
  fi
  for p in "${missing[@]}"; do
    installed "$p" || die "package '$p' is still not installed"
  done
else
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
fi

for m in "${PC_MODULES[@]}"; do
  pkg-config --exists "$m" || die "pkg-config cannot find '$m' (its -dev package is broken?)"
done
echo "install-deps: ok"
