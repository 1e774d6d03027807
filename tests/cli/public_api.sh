#!/usr/bin/env bash
# The command uses the public API only (include/hearsay.h): the build links
# the same objects against libhearsay.so, which exports the HS_API
# functions and nothing else, as hearsay-shared; that binary must exist,
# load the shared library, and give the static command's output.
source "$(dirname "$0")/lib/common.bash"

SHARED=$(dirname "$HEARSAY")/hearsay-shared
[[ -x $SHARED ]] || skip "no hearsay-shared (a build without the shared library)"

note "hearsay-shared runs on libhearsay.so"
ldd "$SHARED" | grep -q 'libhearsay\.so\.' || fail "hearsay-shared does not load libhearsay.so: $(ldd "$SHARED")"

note "and gives the static command's passages and families"
run 0 "$SHARED" reuse --format jsonl "$CORPUS"
cp "$WORK/out" "$WORK/shared.jsonl"
run 0 "$HEARSAY" reuse --format jsonl "$CORPUS"
cmp -s "$WORK/out" "$WORK/shared.jsonl" || fail "reuse differs between the static and the shared command"
[[ -s $WORK/out ]] || fail "no passages"
run 0 "$SHARED" families --format tsv "$CORPUS"
cp "$WORK/out" "$WORK/shared.tsv"
run 0 "$HEARSAY" families --format tsv "$CORPUS"
cmp -s "$WORK/out" "$WORK/shared.tsv" || fail "families differ between the static and the shared command"

echo "ok"
