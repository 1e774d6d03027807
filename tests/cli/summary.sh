# hearsay reuse: a brief that sums up a long article in its own words (five
# sentences, each condensing one or two of the article's, in its order,
# with a few short phrases kept) is one "summary" passage over the
# article's span from its first matched sentence to its last and, on each
# side, as much as each summary sentence sums up (here the three sentences
# after the last matched one), and the brief's summary sentences only; --strict finds nothing (no phrase reaches --min-words);
# two stories on the same storm written independently (the same facts,
# names and numbers, in another order) are not reuse.  A brief whose two
# longest sentences are copied from places of the article far apart, and
# the rest summed up, is one summary too, not two copies.
set -euo pipefail
source "$(dirname "$0")/lib/common.bash"

python3 - "$WORK/c.jsonl" "$WORK/p.jsonl" <<'PY'
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
with open(sys.argv[2], "w") as f:
    for i, t in [("article", article), ("pieces", "Rail news. " + pieces + " " + other)]:
        f.write(json.dumps({"id": i, "text": t}) + "\n")
PY

note "default: one summary passage between the article and the brief"
run 0 "$HEARSAY" reuse --format jsonl "$WORK/c.jsonl"
cp "$WORK/out" "$WORK/default.jsonl"
jq -e -s 'length == 1 and .[0].method == "summary" and .[0].kind == "cross"
          and .[0].a.doc == "article" and .[0].b.doc == "brief"
          and .[0].a.start == 0 and .[0].a.words >= 3 * .[0].b.words
          and .[0].a.end > 1853 and .[0].a.end < 2000
          and .[0].b.start == 21 and .[0].b.end < 540' \
  "$WORK/default.jsonl" >/dev/null || fail "default run: $(cat "$WORK/default.jsonl")"

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

echo "ok"
