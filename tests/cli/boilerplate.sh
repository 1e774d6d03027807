# Two pages from one site that share only their page furniture (comment
# form, share and subscribe prompts) share no passage, unless
# --keep-boilerplate asks for it; both with 1 and 2 threads.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

mkdir -p "$WORK/site"
for i in 1 2; do
  cat >"$WORK/site/page$i.txt" <<TEXT
Story number $i about something entirely different from the other one, with words like alpha$i beta$i gamma$i delta$i.

Leave a Reply
Your email address will not be published. Required fields are marked *
Share this article on Facebook, Twitter and WhatsApp and subscribe to our newsletter for daily updates from the newsroom team
TEXT
done

for t in 1 2; do
  "$HEARSAY" reuse --threads $t --format jsonl "$WORK/site" >"$WORK/out"
  [[ ! -s $WORK/out ]] || fail "boilerplate matched with --threads $t: $(cat "$WORK/out")"
done
"$HEARSAY" reuse --keep-boilerplate --format jsonl "$WORK/site" >"$WORK/out"
[[ $(wc -l <"$WORK/out") == 1 ]] || fail "--keep-boilerplate: expected the shared footer, got: $(cat "$WORK/out")"
note "ok"
