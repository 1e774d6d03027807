#!/usr/bin/env python3
"""Writes edges.jsonl for tests/cli/story_edges.sh: a flood report retold
weeks later by another outlet with other numbers (a paraphrase edge with a
changed number) citing the first report by name, a wire reprint whose
dateline credit is no citation, and one outlet's sign-off and job-advert template under
unrelated articles (they must join nothing)."""
import json, os

fill = [
 ("f1", "Daily Post", "2020-05-03", "Council approves new bus lanes", "The city council approved four new bus lanes on Tuesday after a year of consultation with residents and shop owners.\n\nWork on the first lane along the ring road will start in September."),
 ("f2", "Morning Star", "2020-05-04", "Wheat harvest begins early", "Farmers in the northern plains began harvesting wheat two weeks earlier than usual because of the dry and warm spring.\n\nThe agriculture ministry expects a crop slightly above last year's."),
 ("f3", "Evening News", "2020-05-06", "Museum reopens after repairs", "The national museum reopened its main hall on Saturday after eighteen months of roof repairs paid for by a private foundation.\n\nEntry will be free during the first week."),
 ("f4", "Daily Post", "2020-05-08", "Striker signs three-year deal", "The club's top scorer signed a new three-year contract on Friday, ending weeks of talk about a move abroad.\n\nHe scored 21 goals in all competitions last season."),
]
s1 = ("KARACHI (Indus Wire) - Heavy monsoon rains flooded 40 villages in Sindh province on Friday and forced about 3,000 families from their homes, a provincial disaster official said.\n\nThe official said army boats were taking people to relief camps set up in school buildings near the highway.")
story = [
 ("s1", "Indus Wire", "2020-05-01", "Floods force 3,000 families from homes in Sindh",
  s1),
 ("s3", "Daily Post", "2020-05-02", "Thousands flee Sindh floods", s1),
 ("s2", "Valley Courier", "2020-06-10", "A month on, Sindh flood victims wait for help",
  "Around 5,000 families in Sindh province were driven from their homes when monsoon floods swept through dozens of villages last month, aid workers told the Valley Courier.\n\nA month after an Indus Wire report of the first evacuations, many of them still live in tents beside the highway and say no compensation has reached them."),
]
sign = ("Reported by the Harbour Gazette city desk. Readers can send news tips and corrections to "
        "the city desk by telephone or through our website, and every letter is read by an editor.")
job = ("Applicants must submit a certified copy of their degree, two recent photographs and a "
       "letter of recommendation through the national jobs portal before the closing date, and "
       "incomplete applications will not be considered by the selection committee.")
hg = [
 ("t1", "2020-05-02", "Ferry timetable changes", "The harbour ferry will run every twenty minutes instead of every half hour from next Monday, the port company said.\n\nThe company has bought two larger boats and hired six more crew, and says the evening service will also run later on Fridays and Saturdays during the summer months.\n\n" + sign),
 ("t2", "2020-05-05", "Fish market to close for cleaning", "The old fish market will close for three days next week while the drains under the hall are replaced.\n\nTraders will sell from stalls in the car park during the closure, and the municipality has promised that the market will reopen before the start of the holiday weekend.\n\n" + sign),
 ("t3", "2020-05-07", "Lighthouse tours resume", "Guided tours of the harbour lighthouse resume on Saturday after the spiral staircase was repaired.\n\nVisitors can climb to the lamp room in groups of ten, and the tours on Sunday mornings will include a talk on the shipwrecks that led to the lighthouse being built.\n\n" + sign),
 ("j1", "2020-05-02", "Vacancies: civil engineers", "The Ministry of Labour announces vacancies for 12 civil engineers at the water authority in Riyadh, and applications close on 15 June.\n\n" + job),
 ("j2", "2020-05-09", "Vacancies: nurses", "The Ministry of Labour announces vacancies for 30 nurses at the health directorate in Jeddah, and applications close on 20 June.\n\n" + job),
 ("j3", "2020-05-16", "Vacancies: accountants", "The Ministry of Labour announces vacancies for 8 accountants at the ports authority in Dammam, and applications close on 1 July.\n\n" + job),
 ("h1", "2020-05-03", "Yacht club elects new chairman", "Members of the yacht club elected a retired captain as their chairman at the annual meeting on Sunday."),
 ("h2", "2020-05-04", "Cruise season starts", "The first cruise ship of the season docked on Monday with about two thousand passengers on board."),
 ("h3", "2020-05-06", "Harbour wall to be raised", "Engineers will raise the old harbour wall by half a metre to protect the quay from winter storms."),
 ("h4", "2020-05-08", "Seafood festival dates announced", "The seafood festival will be held on the waterfront over the last weekend of June, the organisers said."),
 ("h5", "2020-05-10", "New pilot boats delivered", "Two new pilot boats built in a local yard were handed over to the port authority on Thursday."),
]
# a columnist's pages: each ends with the paper's list of the writer's
# other columns, the newest first (no claim: it must link nothing)
titles = ["Bridges of the old city", "Rain in April", "The price of bread", "Letters from the coast",
          "Night trains", "Schools without books", "The last tailor"]
cols = []
for n, (d, body) in enumerate([
    ("2020-05-03", "Every spring the river takes a little more of the bank below the mosque, and every spring the council promises a wall."),
    ("2020-05-10", "My grandmother kept the keys of a house she had not seen for forty years, and never once spoke of selling them."),
    ("2020-05-17", "The new stadium will seat sixty thousand people, and nobody has yet explained how they will get home afterwards."),
    ("2020-05-24", "A reader asks why the bakeries close at noon on Fridays; the answer is older than the city itself."),
]):
    lst = "Other articles " + " ".join(titles[n:n + 4]) + " " + titles[(n + 5) % 7]
    cols.append(("c%d" % (n + 1), d, "Column %d" % (n + 1), body + "\n\n" + lst))
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "edges.jsonl"), "w", encoding="utf-8") as f:
    for i, s, d, t, x in (fill + story + [(i, "Harbour Gazette", d, t, x) for i, d, t, x in hg] +
                          [(i, "Morning Star", d, t, x) for i, d, t, x in cols]):
        f.write(json.dumps({"id": i, "series": s, "date": d, "title": t, "text": t + "\n\n" + x},
                           ensure_ascii=False) + "\n")
