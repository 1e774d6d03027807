#!/usr/bin/env bash
# Run hearsay on the bundled example corpus (`make example`): the reused
# passages as text, the near-duplicate groups, an SQLite store of both,
# then the offline HTML report in out/report/.
# examples/PLANTED.md lists what should be found.
set -euo pipefail
cd "$(dirname "$0")/.."

HEARSAY=${HEARSAY:-build/hearsay}
CORPUS=examples/corpus
DB=out/example.db

if [[ ! -x $HEARSAY ]]; then
  echo "run-example: $HEARSAY not found; run 'make' first" >&2
  exit 1
fi

echo "### hearsay reuse --format text $CORPUS"
"$HEARSAY" reuse --format text "$CORPUS"
echo
echo "### hearsay dups $CORPUS"
"$HEARSAY" dups "$CORPUS"
echo
echo "### hearsay index --db $DB $CORPUS"
mkdir -p out
rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal"   # start afresh each time
"$HEARSAY" index --db "$DB" "$CORPUS"
echo
echo "### hearsay trace $CORPUS -o out/report"
"$HEARSAY" trace "$CORPUS" -o out/report
echo
echo "The database is $(pwd)/$DB"
echo "Try: sqlite3 $DB .tables    or    $HEARSAY reuse --db $DB"
