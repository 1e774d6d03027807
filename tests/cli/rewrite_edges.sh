# hearsay reuse: a lightly edited copy whose first sentence was reworded
# too much to be matched on its own grows by that sentence (it sits next to
# the copy on both sides and is still about the same thing), but not by
# the unrelated sentences around it; --strict keeps the n-gram passage as
# it is.  Then the same copy whose reworded first sentence shares a single
# content word (a rare name) with the source's: it grows by it too.  Last,
# a copy that made the source's long first sentence two, the second
# sharing no word with it: it grows by both.  A copy word for word grows
# too, by a reworded sentence still alike, but not by one that shares
# only a name with its source (a copied paragraph in news, below a lead
# written anew).
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

# The corpus: FILE, then the source's and the copy's reworded first
# sentences, then "verbatim" for a body copied word for word (and the
# copy's own last sentence of it).
write_corpus() {
  python3 - "$@" <<'PY'
import json, sys
intro_a = "The autumn fair drew crowds to the old market square, where bakers sold bread and honey from long wooden tables. Children rode a small carousel while a brass band played near the fountain. "
intro_b = "Heavy rain flooded several streets in the harbour district overnight, and the ferry service was suspended until noon. Residents spent the morning clearing mud from their doorways. "
s1a = sys.argv[2] + " "
s1b = sys.argv[3] + " "
body_a = ("About nine hundred miners will lose their jobs when the last shift ends next spring, according to the company that owns the site. "
          "The union has asked the government to fund retraining courses and to keep the mine's hospital open for the families who live nearby. "
          "Local traders fear that the town of Brask will empty once the wages stop, as happened in the valley villages twenty years ago. "
          "The company said it would spend four million on sealing the shafts and cleaning the tailings ponds before it leaves. ")
last = "The company said it would spend four million on sealing the shafts and cleaning the tailings ponds before it leaves. "
body_b = body_a.replace(last, sys.argv[5] + " ") if len(sys.argv) > 5 else body_a if len(sys.argv) > 4 else ("About nine hundred miners are going to lose their jobs when the last shift ends next spring, according to the firm that owns the site. "
          "The union asked the government to pay for retraining courses and to keep the mine hospital open for families who live close by. "
          "Local shopkeepers fear that the town of Brask will empty once the wages stop, as it happened in the valley villages twenty years ago. "
          "The firm said it would spend four million on sealing the shafts and on cleaning the tailings ponds before it leaves. ")
out_a = "In other news, the national football team won its third match in a row, beating the visitors two goals to one in front of a full stadium."
out_b = "Elsewhere, a new library opened in the capital with reading rooms for children and a collection of rare maps donated by a retired sailor."
docs = [
 ("source", intro_a + s1a + body_a + out_a),
 ("copy", intro_b + s1b + body_b + out_b),
 ("other1", "Heavy snow closed the mountain pass for a third day, and drivers were told to wait in the valley towns. Road crews worked through the night with ploughs and salt trucks, but the wind kept filling the cleared lanes. Forecasters expect the storm to ease by the weekend."),
 ("other2", "The museum opened a new wing devoted to early printing presses, with machines lent by collectors from five countries. Visitors can watch volunteers set type by hand and print a small poster to take home. The curator hopes schools will book visits throughout the spring term."),
 ("other3", "A fishing boat with six crew was towed back to port after its engine failed in a storm. The coast guard said all the men were safe and the boat had suffered little damage. The owner thanked the rescuers and said he would be back at sea within a week."),
]
with open(sys.argv[1], "w") as f:
    for i, t in docs:
        f.write(json.dumps({"id": i, "text": t}) + "\n")
# where the reworded first sentence and the copied body start, and where
# the body ends, in characters (the texts are ASCII)
with open(sys.argv[1] + ".at", "w") as f:
    f.write("%d %d %d %d %d %d\n" % (len(intro_a), len(intro_a + s1a), len(intro_a + s1a + body_a) - 1,
                                     len(intro_b), len(intro_b + s1b), len(intro_b + s1b + body_b) - 1))
PY
}
write_corpus "$WORK/c.jsonl" \
  "Officials in Dornavia confirmed on Tuesday that the Velmar copper mine will close within a year because its deepest shafts have become unsafe." \
  "The Velmar copper mine in Dornavia, which opened after the war and once employed four thousand people from the hills, will close, a spokesman for the owners said."
read -r a1 a2 a3 b1 b2 b3 < "$WORK/c.jsonl.at"

note "--strict: the n-gram passage starts inside the copied body"
run 0 "$HEARSAY" reuse --format jsonl --strict "$WORK/c.jsonl"
jq -e -s --argjson a2 "$a2" --argjson b2 "$b2" \
  'length == 1 and .[0].a.start > $a2 and .[0].b.start > $b2' \
  "$WORK/out" >/dev/null || fail "--strict run: $(cat "$WORK/out")"

note "default: one record from the reworded first sentence to the body's end, no further"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/c.jsonl"
jq -e -s --argjson a1 "$a1" --argjson a3 "$a3" --argjson b1 "$b1" --argjson b3 "$b3" \
  'length == 1 and .[0].a.doc == "source" and .[0].b.doc == "copy"
   and .[0].a.start == $a1 and .[0].b.start == $b1
   and .[0].a.end <= $a3 + 1 and .[0].b.end <= $b3 + 1
   and .[0].a.end >= $a3 - 8 and .[0].b.end >= $b3 - 8' \
  "$WORK/out" >/dev/null || fail "default run: $(cat "$WORK/out") (want $a1-$a3 / $b1-$b3)"

note "a reworded sentence sharing one rare name: the copy grows by it"
write_corpus "$WORK/s.jsonl" "Velmar was told." "Velmar is back."
read -r a1 a2 a3 b1 b2 b3 < "$WORK/s.jsonl.at"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/s.jsonl"
jq -e -s --argjson a1 "$a1" --argjson a3 "$a3" --argjson b1 "$b1" --argjson b3 "$b3" \
  'length == 1 and .[0].a.doc == "source" and .[0].b.doc == "copy"
   and .[0].a.start == $a1 and .[0].b.start == $b1
   and .[0].a.end <= $a3 + 1 and .[0].b.end <= $b3 + 1
   and .[0].a.end >= $a3 - 8 and .[0].b.end >= $b3 - 8' \
  "$WORK/out" >/dev/null || fail "one rare name: $(cat "$WORK/out") (want $a1-$a3 / $b1-$b3)"

note "a long sentence made two, the one next to the copy sharing nothing: the copy grows by both"
write_corpus "$WORK/t.jsonl" \
  "Officials in Dornavia confirmed on Tuesday that the Velmar copper mine will close within a year because its deepest shafts have become unsafe." \
  "Dornavia officials said on Tuesday the Velmar copper pit is to shut inside twelve months. Its lowest tunnels were judged dangerous."
read -r a1 a2 a3 b1 b2 b3 < "$WORK/t.jsonl.at"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/t.jsonl"
jq -e -s --argjson a1 "$a1" --argjson a3 "$a3" --argjson b1 "$b1" --argjson b3 "$b3" \
  'length == 1 and .[0].a.doc == "source" and .[0].b.doc == "copy"
   and .[0].a.start == $a1 and .[0].b.start == $b1
   and .[0].a.end <= $a3 + 1 and .[0].b.end <= $b3 + 1
   and .[0].a.end >= $a3 - 8 and .[0].b.end >= $b3 - 8' \
  "$WORK/out" >/dev/null || fail "a sentence made two: $(cat "$WORK/out") (want $a1-$a3 / $b1-$b3)"

note "a copy word for word grows by the rest of a sentence reworded at its end"
write_corpus "$WORK/v.jsonl" "Snow fell early this year." "Prices rose again." verbatim \
  "The company said it would spend four million on sealing the shafts, with the ponds of tailings cleaned up before it leaves."
read -r a1 a2 a3 b1 b2 b3 < "$WORK/v.jsonl.at"
run 0 "$HEARSAY" reuse --format jsonl --strict "$WORK/v.jsonl"
jq -e -s --argjson a3 "$a3" --argjson b3 "$b3" \
  'length == 1 and .[0].a.end < $a3 - 20 and .[0].b.end < $b3 - 20' \
  "$WORK/out" >/dev/null || fail "--strict, word for word: $(cat "$WORK/out")"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/v.jsonl"
jq -e -s --argjson a3 "$a3" --argjson b3 "$b3" \
  'length == 1 and .[0].a.end >= $a3 - 2 and .[0].b.end >= $b3 - 2
   and .[0].a.end <= $a3 + 1 and .[0].b.end <= $b3 + 1' \
  "$WORK/out" >/dev/null || fail "word for word: $(cat "$WORK/out") (want the ends $a3 / $b3)"

echo "ok"
