# hearsay reuse: a sentence moved elsewhere in the other document is its own
# passage, never swallowed by the gap a neighbouring passage bridges.
# Generated corpus with known answers: 20 source articles of 10 sentences
# (12-18 made-up words each), and for each an extractive summary that copies
# 5 of them verbatim in another order.  Every copied sentence must lie, on
# both sides at once, inside one reported cross passage — at the default
# --max-gap 24 and at --max-gap 8.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

python3 - "$WORK/c.jsonl" "$WORK/truth.json" <<'PY'
import json, random, sys
rng = random.Random(14)
letters = "bcdfghklmnprstvz"
vowels = "aeiou"
vocab = sorted({"".join(rng.choice(letters) + rng.choice(vowels) for _ in range(3))
                for _ in range(6000)})
docs, truth = [], []
for d in range(20):
    sents = [" ".join(rng.choice(vocab) for _ in range(rng.randint(12, 18))).capitalize() + "."
             for _ in range(10)]
    src = " ".join(sents)
    pick = rng.sample(range(10), 5)
    if pick == sorted(pick):
        pick.reverse()
    summ = " ".join(sents[i] for i in pick)
    docs.append(("src%02d" % d, src))
    docs.append(("sum%02d" % d, summ))
    for i in pick:
        s = sents[i][:-1]  # a passage ends at its last word, before the stop
        truth.append({"a": "src%02d" % d, "b": "sum%02d" % d,
                      "a0": len(src[:src.index(s)].encode()), "a1": len(src[:src.index(s)].encode()) + len(s.encode()),
                      "b0": len(summ[:summ.index(s)].encode()), "b1": len(summ[:summ.index(s)].encode()) + len(s.encode())})
with open(sys.argv[1], "w") as f:
    for i, t in docs:
        f.write(json.dumps({"id": i, "text": t}) + "\n")
json.dump(truth, open(sys.argv[2], "w"))
PY

# found TRUTH DETECTIONS: prints "found/total"; a sentence is found when one
# cross passage holds its source copy in a and its summary copy in b
found() {
  python3 - "$1" "$2" <<'PY'
import json, sys
truth = json.load(open(sys.argv[1]))
dets = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
ok = 0
for t in truth:
    for p in dets:
        if p["kind"] != "cross":
            continue
        a, b = p["a"], p["b"]
        if a["doc"] != t["a"]:
            a, b = b, a
        if a["doc"] == t["a"] and b["doc"] == t["b"] and \
           a["start"] <= t["a0"] and a["end"] >= t["a1"] and \
           b["start"] <= t["b0"] and b["end"] >= t["b1"]:
            ok += 1
            break
print("%d/%d" % (ok, len(truth)))
PY
}

for gap in ${GAPS:-24 8}; do
  note "--max-gap $gap: every moved sentence is found on both sides"
  run 0 "$HEARSAY" reuse --format jsonl --no-internal --max-gap "$gap" "$WORK/c.jsonl"
  r=$(found "$WORK/truth.json" "$WORK/out")
  [ "$r" = "100/100" ] || fail "--max-gap $gap: $r sentences found"
  note "--max-gap $gap: no passage between different articles"
  jq -e -s 'all(.a.doc[3:] == .b.doc[3:])' "$WORK/out" >/dev/null \
    || fail "a passage between unrelated articles"
done

echo "ok"
