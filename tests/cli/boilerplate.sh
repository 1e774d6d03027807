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

note "a footer one outlet repeats (no fixed pattern) is masked while streaming"
python3 - "$WORK/outlet.jsonl" <<'PY'
import json, sys
footer = ("The Weekly Sentinel is an independent newspaper serving the northern "
          "valleys since 1921 and letters to the editor are welcome at our office on Mill Road")
with open(sys.argv[1], "w") as f:
    for i in range(4):
        words = " ".join("story%dword%d" % (i, k) for k in range(40))
        f.write(json.dumps({"id": "s%d" % i, "series": "sentinel",
                            "text": words + ".\n" + footer + "\n"}) + "\n")
    # another outlet quoting the same sentence is not masked
    f.write(json.dumps({"id": "other", "series": "gazette",
                        "text": "Quoted: " + footer + "\n"}) + "\n")
PY
"$HEARSAY" reuse --format jsonl "$WORK/outlet.jsonl" >"$WORK/out"
[[ ! -s $WORK/out ]] || fail "the outlet's repeated footer matched: $(cat "$WORK/out")"
"$HEARSAY" reuse --keep-boilerplate --format jsonl "$WORK/outlet.jsonl" >"$WORK/out"
[[ $(wc -l <"$WORK/out") == 10 ]] || fail "--keep-boilerplate: expected the footer in all 10 pairs, got $(wc -l <"$WORK/out")"
note "ok"
