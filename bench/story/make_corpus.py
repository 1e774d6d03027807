#!/usr/bin/env python3
"""Writes corpus.jsonl: the invented "detained fishermen" story (TRUTH.md)."""
import json

P1 = ("DUBAI, March 4 (Reuters) - Iran's coast guard detained 14 fishermen from two "
      "Emirati boats near Farsi island on Sunday, a port official in Ras al-Khaimah said, "
      "the latest in a string of seizures in the northern Gulf.")
P2 = ("The official, who asked not to be named, said the boats had left Ras al-Khaimah on "
      "Friday and lost radio contact with the harbour master late on Saturday night.")
P3 = ("Families of the crew gathered at the fish market on Monday morning asking for news, "
      "and a relative said the men had fished the same waters for more than ten years.")
P4 = ("There was no immediate comment from Tehran, and Iranian state media did not report "
      "the detentions by Monday evening.")
P5 = ("Iran seized a British-flagged tanker in the same waters in 2018 and released its crew "
      "after two months of talks between the two governments.")
wire = "\n\n".join([P1, P2, P3, P4, P5])

# Metro News: edited copy, P3 dropped, words changed
mn = "\n\n".join([
    "DUBAI (Metro) - Iranian coast guard boats detained 14 fishermen from two Emirati vessels "
    "near Farsi island on Sunday, a port official in Ras al-Khaimah told reporters, the latest "
    "in a string of seizures in the northern Gulf.",
    "The official, who asked not to be named, said the boats had sailed from Ras al-Khaimah on "
    "Friday and lost radio contact with the harbour master late on Saturday night.",
    P4,
    "Iran seized a British-flagged tanker in the same waters in 2018 and released its crew "
    "after two months of negotiations between the two governments.",
])

A1 = ("دبي (رويترز) - احتجز خفر السواحل الإيراني 14 صيادا من قاربين إماراتيين قرب جزيرة فارسي "
      "يوم الأحد، بحسب مسؤول في ميناء رأس الخيمة، في أحدث حلقة من سلسلة احتجازات في شمال الخليج.")
A2 = ("وقال المسؤول الذي طلب عدم ذكر اسمه إن القاربين غادرا رأس الخيمة يوم الجمعة وانقطع "
      "الاتصال اللاسلكي بهما مع مدير الميناء في وقت متأخر من ليل السبت.")
A3 = ("وتجمعت عائلات البحارة في سوق السمك صباح الاثنين تطلب أي أخبار، وقال أحد الأقارب إن "
      "الرجال يصطادون في المياه نفسها منذ أكثر من عشر سنوات.")
A4 = "ولم يصدر تعليق فوري من طهران، ولم تذكر وسائل الإعلام الرسمية الإيرانية الاحتجاز حتى مساء الاثنين."
wire_ar = "\n\n".join([A1, A2, A3, A4])
kh = "\n\n".join([
    "رأس الخيمة - احتجز خفر السواحل الإيراني 14 صيادا من قاربين إماراتيين قرب جزيرة فارسي "
    "يوم الأحد، وفقا لوكالة رويترز، في أحدث حلقة من سلسلة احتجازات في شمال الخليج.",
    "وقال مسؤول في الميناء طلب عدم ذكر اسمه إن القاربين غادرا رأس الخيمة يوم الجمعة وانقطع "
    "الاتصال اللاسلكي بهما مع مدير الميناء في وقت متأخر من ليل السبت.",
    A4,
])

F1 = ("به گزارش خبرگزاری رویترز، گارد ساحلی ایران روز یکشنبه ۱۴ ماهیگیر را با دو قایق اماراتی در "
      "نزدیکی جزیره فارسی توقیف کرد. یک مقام بندری در راس الخیمه این خبر را تایید کرد و گفت "
      "قایق‌ها بدون مجوز وارد آب‌های ایران شده بودند.")
F2 = ("این مقام افزود که پرونده ماهیگیران در حال بررسی است و آنها پس از تکمیل تحقیقات به "
      "مقامات قضایی استان هرمزگان تحویل داده خواهند شد.")
fa = "\n\n".join([F1, F2])

ip = "\n\n".join([
    "At least 20 fishermen from the Emirates were arrested by Iranian coast guard units close to "
    "Farsi island last month, according to relatives who spoke to the Island Post.",
    "The men, who had sailed from Ras al-Khaimah, are still held and their families say they have "
    "had no word from them since the arrest.",
])
gr = "\n\n".join([
    "Iranian coast guard forces detained fishermen from three Emirati boats near Abu Musa island "
    "in March, a port official in Ras al-Khaimah said at the time.",
    "Two months on, the fishing community of the northern emirates still waits for their return, "
    "and some crews now refuse to sail past the median line.",
])
dn = "\n\n".join([
    "The Iranian coast guard on Saturday denied that it had detained 14 fishermen from Emirati "
    "boats near Farsi island, calling the report by Reuters false.",
    "A spokesman said no Emirati vessel had been stopped in the area this month and that the "
    "coast guard had no fishermen in custody.",
])
ws = "\n\n".join([
    "The Gulf's fishing crews are paying for a quarrel that is not theirs.",
    "As Reuters reported last week, the official, who asked not to be named, said the boats had "
    "sailed from Ras al-Khaimah on Friday and lost radio contact with the harbour master late on "
    "Saturday night.",
    "Whatever the truth of the detentions, nobody in either capital seems in a hurry to find out, "
    "and the men who fish these waters have no say in the matter.",
])
ct = "COASTAL TIMES - Ras al-Khaimah's fishing community was waiting for news on Monday.\n\n" + wire
x15 = ("Harbour Daily - Port fees at Khor Fakkan will rise by five percent from April, the port "
       "authority said on Wednesday, citing higher costs for dredging and pilotage.\n\nShipping "
       "agents said the rise was expected and would be passed on to importers.")
x16 = ("الساحل - فاز فريق الاتحاد على النصر بهدفين مقابل هدف في المباراة التي أقيمت مساء الثلاثاء "
       "على ملعب المدينة.\n\nوسجل المهاجم البرازيلي الهدف الثاني في الدقيقة الثمانين.")

docs = [
    ("r01", "Reuters", "2019-03-04", "Iran detains 14 Emirati fishermen near Farsi island", wire),
    ("hd02", "Harbour Daily", "2019-03-05", "Fourteen fishermen held by Iran, port official says", wire),
    ("ct03", "Coastal Times", "2019-03-05", "Families wait as Iran holds local fishing crews", ct),
    ("mn04", "Metro News", "2019-03-07", "Iran's coast guard seizes two fishing boats", mn),
    ("ra05", "Reuters Arabic", "2019-03-04", "إيران تحتجز 14 صيادا إماراتيا قرب جزيرة فارسي", wire_ar),
    ("sa06", "Al-Sahil", "2019-03-05", "احتجاز 14 صيادا من رأس الخيمة", wire_ar),
    ("kh07", "Al-Khabar", "2019-03-08", "صيادو رأس الخيمة في قبضة خفر السواحل الإيراني", kh),
    ("ir08", "IRNA", "2019-03-05", "توقیف ۱۴ ماهیگیر اماراتی در نزدیکی جزیره فارسی", fa),
    ("ko09", "Khabar Online", "2019-03-06", "ماهیگیران اماراتی در جزیره فارسی توقیف شدند", fa),
    ("ip10", "Island Post", "2019-04-15", "Families of arrested fishermen still waiting", ip),
    ("gr11", "Gulf Review", "2019-05-20", "Fishing crews fear the median line", gr),
    ("dn12", "Coastal Times", "2019-03-09", "Iran denies holding Emirati fishermen", dn),
    ("ar13", "News Archive", "2022-06-01", "From the archive: Iran holds Gulf fishermen", wire),
    ("ws14", "Weekly Sentinel", "2019-03-12", "Fishing crews pay for a quarrel not theirs", ws),
    ("x15", "Harbour Daily", "2019-03-06", "Khor Fakkan port fees to rise", x15),
    ("x16", "Al-Sahil", "2019-03-06", "الاتحاد يفوز على النصر", x16),
]
with open("corpus.jsonl", "w", encoding="utf-8") as f:
    for i, s, d, t, x in docs:
        f.write(json.dumps({"id": i, "series": s, "date": d, "title": t, "text": t + "\n\n" + x},
                           ensure_ascii=False) + "\n")
