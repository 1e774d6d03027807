#!/usr/bin/env python3
"""Writes corpus.jsonl: the invented "Basra cholera" story (TRUTH.md).
Every outlet that shares a name with a real one is used only as a name; the
events are fictional."""
import json, os

# AFP, English, the first report
E1 = ("BASRA, Iraq, July 12 (AFP) - At least 120 people have been taken to hospital with "
      "cholera in the southern Iraqi city of Basra over the past week and three of them have "
      "died, a provincial health official said on Monday.")
E2 = ("The official, Dr. Salim al-Tamimi, said most of the patients lived in districts that "
      "draw their water from the Shatt al-Arab, where salt and sewage levels have risen sharply "
      "since June.")
E3 = ("At the city's main teaching hospital, patients lay two to a bed in the corridors while "
      "relatives queued for rehydration salts at the pharmacy.")
E4 = ("The health ministry in Baghdad has not yet commented on the outbreak, and local officials "
      "said they were waiting for the results of laboratory tests on the water network.")
E5 = ("In the summer of 2018, more than 118,000 people in Basra were taken to hospital after "
      "drinking polluted water, setting off weeks of protests against the provincial government.")
wire = "\n\n".join([E1, E2, E3, E4, E5])

# the Capital Herald's sign-off, printed under every article of its regional desk
SIGN = ("Reported by the Capital Herald regional desk. Readers can send news tips and corrections "
        "to the regional desk by telephone or through our website, and every letter is read by "
        "an editor before publication.")

# Capital Herald: edited copy (words changed, E3 dropped)
ch = "\n\n".join([
    "BASRA, Iraq (AFP) - At least 120 people were taken to hospital with cholera in the southern "
    "Iraqi city of Basra during the past week and three of them have died, a provincial health "
    "official said on Monday.",
    E2,
    E4,
    "In the summer of 2018, more than 118,000 people in Basra fell ill after drinking polluted "
    "water, setting off weeks of street protests against the provincial government.",
    SIGN,
])

# Basra Voices: the wire with its own first paragraph, no date anywhere
bv = ("Readers in our neighbourhoods have written to us all week about sick relatives and empty "
      "pharmacies. This is the wire report that confirmed what many of them feared.\n\n" + wire)

# AFP, Arabic service
A1 = ("البصرة (العراق) (أ ف ب) - نقل ما لا يقل عن 120 شخصا إلى المستشفى مصابين بالكوليرا في "
      "مدينة البصرة بجنوب العراق خلال الأسبوع الماضي، وتوفي ثلاثة منهم، بحسب ما أفاد مسؤول صحي "
      "في المحافظة الاثنين.")
A2 = ("وقال المسؤول، الطبيب سالم التميمي، إن معظم المرضى يسكنون أحياء تستمد مياهها من شط العرب، "
      "حيث ارتفعت نسبة الملوحة ومياه الصرف الصحي بشكل حاد منذ حزيران/يونيو.")
A3 = ("وفي المستشفى التعليمي الرئيسي في المدينة، كان كل مريضين يتقاسمان سريرا في الممرات بينما "
      "اصطف أقاربهم أمام الصيدلية للحصول على أملاح الإرواء.")
A4 = ("ولم تعلق وزارة الصحة في بغداد بعد على تفشي المرض، وقال مسؤولون محليون إنهم ينتظرون نتائج "
      "الفحوص المخبرية على شبكة المياه.")
A5 = ("وفي صيف 2018، نقل أكثر من 118 ألف شخص في البصرة إلى المستشفيات بعد شربهم مياها ملوثة، ما "
      "أشعل أسابيع من الاحتجاجات ضد الحكومة المحلية.")
wire_ar = "\n\n".join([A1, A2, A3, A4, A5])

# Al-Mirbad: edited copy of the Arabic wire, crediting AFP
md = "\n\n".join([
    "البصرة - أفادت وكالة فرانس برس بأن ما لا يقل عن 120 شخصا نقلوا إلى المستشفى مصابين "
    "بالكوليرا في مدينة البصرة خلال الأسبوع الماضي وتوفي ثلاثة منهم.",
    A2,
    A4,
    "وتعاني البصرة منذ سنوات من تردي شبكة المياه وتأخر مشاريع التحلية.",
])

# ISNA: a Persian report in its own words, crediting AFP
P1 = ("به گزارش خبرگزاری فرانسه، دست‌کم ۱۲۰ نفر در هفته گذشته در شهر بصره در جنوب عراق به دلیل "
      "ابتلا به وبا در بیمارستان بستری شده‌اند و سه نفر از آنان جان باخته‌اند.")
P2 = ("یک مقام بهداشتی استان بصره گفت بیشتر بیماران در محله‌هایی زندگی می‌کنند که آب خود را از "
      "اروندرود تأمین می‌کنند و شوری آب از خرداد به شدت بالا رفته است.")
P3 = "وزارت بهداشت عراق هنوز درباره شیوع این بیماری اظهار نظر نکرده است."
P4 = ("در تابستان ۲۰۱۸ نیز بیش از ۱۱۸ هزار نفر در بصره پس از نوشیدن آب آلوده راهی بیمارستان "
      "شدند و اعتراض‌های گسترده‌ای در این شهر به راه افتاد.")
fa = "\n\n".join([P1, P2, P3, P4])

# Capital Herald: the health ministry's denial, retelling the claim
dn = "\n\n".join([
    "Iraq's health ministry on Wednesday denied an AFP report that three people had died of "
    "cholera in Basra, saying the 120 patients admitted to hospitals in the city last week had "
    "ordinary stomach infections.",
    "A ministry spokesman said water samples taken from the Shatt al-Arab were within safe "
    "limits and urged residents not to believe rumours spread on social media.",
    SIGN,
])

# Riverside Monitor: a retelling weeks later, other numbers
rm = "\n\n".join([
    "Nearly 200 residents of Basra were treated in hospital for cholera in the second week of "
    "July and five of them died, according to figures first reported by Agence France-Presse.",
    "Doctors in the city blamed the water of the Shatt al-Arab, which grows saltier and dirtier "
    "every summer as upstream dams hold back the rivers.",
    "Three years earlier, tens of thousands of people in the city fell ill after drinking "
    "contaminated tap water.",
])

# Basra Times: a retelling two months later, another place and number
bt = "\n\n".join([
    "In July, at least 120 people in Zubair, south-west of Basra, were admitted to hospital "
    "suffering from cholera and four of them died, as the Riverside Monitor reported last month.",
    "Health officials traced the outbreak to salty, sewage-laden water drawn from the Shatt "
    "al-Arab for the town's old treatment plant.",
    "The World Health Organization said it had sent chlorine tablets and testing kits to the "
    "province, and schools will test their taps before the new term.",
])

# Sawt al-Janub: an Arabic retelling in other words, other numbers
sj = "\n\n".join([
    "أصيب نحو 150 شخصا بالكوليرا في البصرة خلال شهر تموز/يوليو الماضي وتوفي أربعة منهم، وفق أرقام "
    "حصلت عليها الصحيفة من دائرة صحة المحافظة.",
    "ويعزو الأطباء انتشار المرض إلى تلوث مياه شط العرب وارتفاع ملوحتها خلال أشهر الصيف.",
    "وكانت المدينة قد شهدت في عام 2018 موجة تسمم بالمياه الملوثة طالت عشرات الآلاف من السكان.",
])

# unrelated articles: two of the Capital Herald's with its sign-off, one Arabic
x15 = "\n\n".join([
    "BAGHDAD (Capital Herald) - A new bridge over the Tigris between Karrada and Jadriya opened "
    "to traffic on Tuesday after four years of construction, the city council said.",
    "Drivers said the crossing cut their morning journey by half an hour, although the approach "
    "roads on the eastern bank are still unfinished.",
    SIGN,
])
x16 = "\n\n".join([
    "BAGHDAD (Capital Herald) - The Baghdad International Book Fair returns next month after a "
    "two-year pause, with more than 600 publishers from 20 countries expected to attend.",
    "Organisers said entry would be free for students and that a hall would be set aside for "
    "children's books and reading workshops.",
    SIGN,
])
x17 = ("الرافدين - تأهل فريق الميناء إلى نهائي كأس العراق بعد فوزه على الزوراء بركلات الترجيح في "
       "المباراة التي أقيمت مساء الثلاثاء في ملعب الشعب.\n\nوسيلتقي الفريق في النهائي مع القوة "
       "الجوية في الشهر المقبل.")

docs = [
    ("af01", "AFP", "2021-07-12", "Cholera kills three in Iraq's Basra as water crisis deepens", wire),
    ("gl02", "Gulf Ledger", "2021-07-13", "Three dead as cholera spreads in Basra", wire),
    ("bv03", "Basra Voices", None, "What our readers feared: cholera is back", bv),
    ("ch04", "Capital Herald", "2021-07-15", "Cholera outbreak fills Basra hospitals", ch),
    ("aa05", "AFP", "2021-07-12", "الكوليرا تقتل ثلاثة أشخاص في البصرة", wire_ar),
    ("rf06", "Al-Rafidain", "2021-07-13", "ثلاث وفيات بالكوليرا في البصرة", wire_ar),
    ("md07", "Al-Mirbad", "2021-07-16", "الكوليرا تعود إلى البصرة", md),
    ("is08", "ISNA", "2021-07-13", "شیوع وبا در بصره؛ سه نفر جان باختند", fa),
    ("ai09", "Asr-e Iran", "2021-07-14", "وبا در بصره قربانی گرفت", fa),
    ("rm10", "Riverside Monitor", "2021-08-20", "A summer of cholera in southern Iraq", rm),
    ("bt11", "Basra Times", "2021-09-30", "Zubair counts the cost of July's outbreak", bt),
    ("ch12", "Capital Herald", "2021-07-14", "Health ministry denies cholera deaths in Basra", dn),
    ("ar13", "Middle East Archive", "2024-03-05", "From our archive: cholera in Basra", wire),
    ("sj14", "Sawt al-Janub", "2021-08-02", "الكوليرا في البصرة: حصيلة تموز", sj),
    ("x15", "Capital Herald", "2021-07-20", "New Tigris bridge opens in Baghdad", x15),
    ("x16", "Capital Herald", "2021-08-03", "Baghdad book fair returns after two years", x16),
    ("x17", "Al-Rafidain", "2021-07-13", "الميناء إلى نهائي كأس العراق", x17),
]
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "corpus.jsonl"), "w", encoding="utf-8") as f:
    for i, s, d, t, x in docs:
        r = {"id": i, "series": s}
        if d:
            r["date"] = d
        r["title"] = t
        r["text"] = t + "\n\n" + x
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
