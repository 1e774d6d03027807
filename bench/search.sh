#!/usr/bin/env bash
# Claim search over a store of the shared corpora (../shared/corpora, about
# 230 MB of text).  Builds the store once (hearsay index, then the first
# search splits and indexes the sentences), then times each query of
# QUERIES, run QUERY_RUNS times, and prints the median wall time per query.
#   bench/search.sh PATH/TO/hearsay [WORKDIR]
# WORKDIR keeps the store between runs (default: a fresh temporary one).
set -euo pipefail
HEARSAY=${1:?usage: bench/search.sh PATH/TO/hearsay [WORKDIR]}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARED=$ROOT/../shared/corpora
[[ -d $SHARED ]] || { echo "skipped: $SHARED is absent"; exit 0; }
WORK=${2:-$(mktemp -d -t hearsay-search.XXXXXX)}
mkdir -p "$WORK"
DB=$WORK/corpora.db
QUERY_RUNS=${QUERY_RUNS:-5}

now() { date +%s.%N; }
if [[ ! -s $DB ]]; then
  t0=$(now)
  "$HEARSAY" index -q --db "$DB" "$SHARED"/*.jsonl.gz
  t1=$(now)
  echo "index (reuse engine):        $(echo "$t1 - $t0" | bc) s"
fi
t0=$(now)
"$HEARSAY" search --db "$DB" "warm up the sentence index" >/dev/null
t1=$(now)
echo "first search (sentences indexed if new): $(echo "$t1 - $t0" | bc) s"
echo "store: $(du -h "$DB" | cut -f1), $(sqlite3 "$DB" 'SELECT count(*) FROM documents') documents," \
     "$(sqlite3 "$DB" "SELECT value FROM sentence_stats WHERE key = 'sentences'") sentences"

QUERIES=(
  "US helicopters evacuated ISIS commanders from Deir ez-Zor"
  "oil prices fell after OPEC agreed to cut production"
  "the central bank raised interest rates to curb inflation"
  "Saudi Press Agency said the king received the ambassador"
  "وزارة الداخلية تعلن القبض على خلية إرهابية"
  "تیم ملی فوتبال ایران به جام جهانی صعود کرد"
  "the company reported a quarterly loss and cut jobs"
  "police arrested a man after the shooting"
)
for q in "${QUERIES[@]}"; do
  times=()
  for ((r = 0; r < QUERY_RUNS; r++)); do
    t0=$(now)
    "$HEARSAY" search --db "$DB" --limit 20 "$q" >"$WORK/hits.jsonl"
    t1=$(now)
    times+=("$(echo "($t1 - $t0) * 1000" | bc)")
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (QUERY_RUNS + 1) / 2 ))p")
  printf '%7.1f ms  %3d hits  %s\n' "$median" "$(wc -l <"$WORK/hits.jsonl")" "$q"
done
