# hearsay reuse: a brief that sums up a long article in its own words (five
# sentences, each condensing one or two of the article's, in its order,
# with a few short phrases kept) is one "summary" passage over the
# article's span from its first matched sentence to its last and, on each
# side, as much as each summary sentence sums up (here the three sentences
# after the last matched one), and the brief's summary sentences only; --strict finds nothing (no phrase reaches --min-words);
# two stories on the same storm written independently (the same facts,
# names and numbers, in another order) are not reuse.  A brief whose two
# longest sentences are copied from places of the article far apart, and
# the rest summed up, is one summary too, not two copies.  A brief that
# keeps no phrase of five words (no n-gram seed) is found through the rare
# words its sentences share with the article's.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

python3 - "$WORK/c.jsonl" "$WORK/p.jsonl" "$WORK/q.jsonl" "$WORK/r.jsonl" <<'PY'
import json, sys
article = " ".join([
 "The Northern Rail Authority announced on Monday a plan to rebuild the Kestrel Valley line, closed since the floods of last winter.",
 "Officials said the decision followed a long public consultation in which more than four thousand people took part.",
 "Engineers from the authority spent four months surveying the damaged embankments near Millbrook and the old stone viaduct at Harwick.",
 "According to the survey, twelve kilometres of track must be lifted and laid again on a raised bed of crushed granite.",
 "Local farmers told reporters that the closure had doubled the cost of moving grain and sheep to the markets in the south.",
 "Several families have already moved away from the valley, saying they could no longer rely on the roads in winter.",
 "The regional council has promised to pay a third of the bill, which the authority puts at two hundred million crowns.",
 "Critics in the council chamber said the money would be better spent on buses, which could run again within weeks.",
 "Some members also questioned whether the authority could keep to its budget, pointing to overruns on earlier projects.",
 "The transport minister, Ingrid Solheim, rejected that view and said the valley needed a railway for the next century.",
 "Work on the viaduct at Harwick will begin in April, once the river has fallen below its spring level.",
 "Divers will first inspect the foundations of the piers, which stand on wooden piles driven into the riverbed long ago.",
 "Contractors expect to hire about six hundred workers, many of them from the valley towns that lost jobs after the floods.",
 "Passenger trains should return to the Kestrel Valley line in the autumn of next year, the authority said.",
 "Timetables have not yet been published, but the authority hopes to run trains every hour during the day.",
 "Freight services, which carry timber from the upland forests, would follow a few months later.",
 "The union of railway workers welcomed the plan but asked for guarantees on safety during the rebuilding.",
 "Its leaders pointed to an accident on a repaired line in the east three years ago, in which two workers were injured.",
 "A spokesman for the authority said every section of new track would be inspected before any train used it.",
 "Residents of Millbrook plan to hold a celebration at the station on the day the first train arrives.",
])
summary = " ".join([
 "The Northern Rail Authority announced on Monday that the flood-wrecked Kestrel Valley line will be restored.",
 "Surveys near Millbrook and Harwick found that twelve kilometres of track must be relaid on granite.",
 "The council will cover a third of the two hundred million crown bill, although critics wanted buses instead.",
 "Work on the viaduct at Harwick will begin in April, and some six hundred workers will be hired locally.",
 "Passenger trains should return to the Kestrel Valley line next autumn, with freight later.",
])
story1 = " ".join([
 "Storms battered the coast on Sunday night, cutting power to thousands of homes in the harbour district of Veldhaven.",
 "The city fire service said it answered more than two hundred calls, most of them about fallen trees and flooded cellars.",
 "Mayor Petra Lind visited the worst-hit streets on Monday morning and promised emergency help for shop owners.",
 "The weather office warned that a second storm could reach the coast by Wednesday, bringing gusts of over a hundred kilometres an hour.",
 "Ferries to the islands were cancelled and schools in the harbour district stayed closed.",
 "Electricity crews hoped to restore power to every home by Tuesday evening.",
])
story2 = " ".join([
 "Thousands of households in Veldhaven spent Monday without electricity after a violent storm swept in from the sea.",
 "Firefighters were called out over two hundred times as trees came down across roads and water filled basements.",
 "Schools near the harbour remained shut and island ferries did not sail.",
 "Mayor Petra Lind toured damaged streets and said shopkeepers would receive emergency grants.",
 "Forecasters said another storm may arrive on Wednesday with winds above a hundred kilometres an hour.",
 "The power company expects all homes to be reconnected by Tuesday night.",
])
pieces = " ".join([
 "The Northern Rail Authority announced on Monday a plan to rebuild the Kestrel Valley line, closed since the floods of last winter.",
 "Surveys near Millbrook and Harwick found that twelve kilometres of track must be relaid on granite.",
 "The council will cover a third of the two hundred million crown bill, although critics wanted buses instead.",
 "Contractors expect to hire about six hundred workers, many of them from the valley towns that lost jobs after the floods.",
 "Passenger trains should return to the Kestrel Valley line next autumn, with freight later.",
])
other = ("In sport, the city football club won again on Saturday, beating the league leaders in front of a large"
         " and cheerful crowd. The weather will stay mild and dry across the region until the end of the week,"
         " with light winds from the west.")
docs = [("article", article),
        ("brief", "In other news today. " + summary + " Weather: mild and dry across the region."),
        ("story1", story1), ("story2", story2)]
with open(sys.argv[1], "w") as f:
    for i, t in docs:
        f.write(json.dumps({"id": i, "text": t}) + "\n")
brief2 = " ".join([
 "Rail chiefs in the north say the Kestrel Valley railway, shut by last winter's floods, is to be rebuilt.",
 "Their surveyors found that a dozen kilometres of line near Millbrook and Harwick need new granite beds.",
 "Regional councillors agreed to fund a third of the two hundred million crown cost, though some preferred buses.",
 "Repairs at the Harwick viaduct start in April and about six hundred valley workers will be taken on.",
 "Passenger services could resume next autumn, and timber freight a little later.",
])
with open(sys.argv[3], "w") as f:
    for i, t in [("article", article), ("brief2", "In other news today. " + brief2 + " Weather: mild and dry.")]:
        f.write(json.dumps({"id": i, "text": t}) + "\n")
with open(sys.argv[2], "w") as f:
    for i, t in [("article", article), ("pieces", "Rail news. " + pieces + " " + other)]:
        f.write(json.dumps({"id": i, "text": t}) + "\n")
museum = " ".join([
 "The city museum reopened its east wing on Friday after a restoration that took nearly six years.",
 "Visitors queued along the embankment from early morning to see the painted ceilings of the old ballroom.",
 "The curator, Tomas Berg, said the plaster had been cleaned by hand, one square metre at a time.",
 "A collection of clocks donated by a shipping family fills the gallery next to the staircase.",
 "Several of the clocks still chime, and the museum has asked a watchmaker to keep them running.",
 "School classes will be admitted free of charge on weekday mornings until the end of the year.",
 "The cafe on the ground floor now serves pastries baked to recipes from the nineteenth century.",
 "Critics praised the lighting, which shows the colours of the tapestries without fading them.",
 "A small room is given over to drawings by children who lived in the district during the war.",
 "The museum shop sells copies of the drawings, and the money goes to a fund for young artists.",
 "Opening hours will be extended on Thursdays, when concerts are planned in the ballroom.",
 "The first concert, of songs for voice and harp, sold out within an hour of tickets going on sale.",
 "Volunteers guide visitors through the wing in four languages every afternoon.",
 "The west wing will close next spring for the same kind of work, which should take two years.",
 "Until then its sculptures will travel to galleries abroad, starting with a show in the capital.",
 "Mr Berg said he hoped the restored wing would bring back visitors who had not come in years.",
 "Attendance fell by a third while the scaffolding covered the front of the building.",
 "The museum's friends society raised a quarter of the cost through a lottery and a winter fair.",
])
with open(sys.argv[4], "w") as f:
    for i, t in [("page", article + " " + museum),
                 ("brief", "In other news today. " + summary + " Weather: mild and dry across the region.")]:
        f.write(json.dumps({"id": i, "text": t}) + "\n")
PY

note "default: one summary passage between the article and the brief"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/c.jsonl"
cp "$WORK/out" "$WORK/default.jsonl"
jq -e -s 'length == 1 and .[0].method == "summary" and .[0].kind == "cross"
          and .[0].a.doc == "article" and .[0].b.doc == "brief"
          and .[0].a.start == 0 and .[0].a.words >= 3 * .[0].b.words
          and .[0].a.end == 2282
          and .[0].b.start == 21 and .[0].b.end < 540' \
  "$WORK/default.jsonl" >/dev/null || fail "default run: $(cat "$WORK/default.jsonl")"

note "the same article followed by another story on its page: only the article"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/r.jsonl"
jq -e -s 'length == 1 and .[0].method == "summary"
          and .[0].a.start == 0 and .[0].a.end > 1853 and .[0].a.end <= 2282
          and .[0].b.start == 21 and .[0].b.end < 540' \
  "$WORK/out" >/dev/null || fail "article and another story: $(cat "$WORK/out")"

note "--strict: nothing"
run 0 "$HEARSAY" reuse --format jsonl --strict "$WORK/c.jsonl"
[ ! -s "$WORK/out" ] || fail "--strict run: $(cat "$WORK/out")"

note "the two storm stories alone: nothing"
grep '"story' "$WORK/c.jsonl" > "$WORK/storm.jsonl"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/storm.jsonl"
[ ! -s "$WORK/out" ] || fail "same-event stories: $(cat "$WORK/out")"

note "a brief of two copied pieces and three sentences summed up: one summary"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/p.jsonl"
jq -e -s 'length == 1 and .[0].method == "summary"
          and .[0].a.start == 0 and .[0].a.words >= 2 * .[0].b.words
          and .[0].b.start == 11 and .[0].b.end < 570' \
  "$WORK/out" >/dev/null || fail "copied pieces: $(cat "$WORK/out")"

note "a brief without a shared phrase: one summary"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/q.jsonl"
jq -e -s 'length == 1 and .[0].method == "summary"
          and .[0].a.start == 0 and .[0].a.words >= 3 * .[0].b.words
          and .[0].b.start == 21 and .[0].b.end < 530' \
  "$WORK/out" >/dev/null || fail "no shared phrase: $(cat "$WORK/out")"

echo "ok"
