#!/usr/bin/env python3
"""Writes corpus/feed.jsonl and the scraped pages that copy another document's
text (g03, dd12, b06, k09) from the texts below, so that a verbatim copy is
verbatim.  The pages written by hand are in corpus/ as they are.  The true
chain is in TRUTH.md and truth.json."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")

REUTERS_BODY = """DUBAI, Feb 15 (Reuters) - Dubai's customs authority said on Wednesday it had intercepted more than a million fake insulin pens at the emirate's Jebel Ali port, in what officials called the biggest haul of counterfeit drugs ever made at a Dubai port.

The 1.2 million pens, which carried a European drugmaker's branding but contained mostly salt water, were packed in two refrigerated containers that had been shipped from the Iranian port of Bandar Abbas and declared as baby wipes, the authority said in a statement.

The seizure was first reported by the UAE newspaper The National on Tuesday.

"Patients who depend on insulin could die if they inject these products," the statement quoted Khalid Al Marzouqi, head of intellectual property protection at Dubai Customs, as saying.

The statement did not name the shipper or the drugmaker. Two staff members of a trading firm registered in Dubai have been referred to prosecutors, it said.

Counterfeit insulin has become a growing concern across the Middle East and Africa as shortages of the genuine drug push up prices. The World Health Organization estimates that one in ten medical products sold in low- and middle-income countries is substandard or falsified.

(Reporting by Ahmed Saleh; Editing by Mark Heinrich)"""

# Pharma Watch Asia's edited copy: the first paragraph trimmed, the shipper
# paragraph dropped, the background reworded, a line of its own added.
PWA_BODY = """DUBAI (Reuters) - Dubai's customs authority has intercepted more than a million fake insulin pens at the emirate's Jebel Ali port, in what officials called the biggest haul of counterfeit drugs ever made at a Dubai port.

The 1.2 million pens, which carried a European drugmaker's branding but contained mostly salt water, were packed in two refrigerated containers that had been shipped from the Iranian port of Bandar Abbas and declared as baby wipes, the authority said in a statement.

The seizure was first reported by the UAE newspaper The National.

"Patients who depend on insulin could die if they inject these products," the statement quoted Khalid Al Marzouqi, head of intellectual property protection at Dubai Customs, as saying.

Fake insulin is a growing problem in the Middle East and Africa, where shortages of the real product have driven prices up. According to the World Health Organization, about one in ten medical products in poorer countries is substandard or falsified.

Pharma Watch Asia has asked the European manufacturers of long-acting insulin whether their products were copied."""

WAM_BODY = """ضبطت جمارك دبي 1.2 مليون قلم إنسولين مقلد في ميناء جبل علي، كانت مخبأة في حاويتين مبردتين صُرّح بأنهما تحملان مناديل مبللة للأطفال.

وقال خالد المرزوقي مدير إدارة حماية حقوق الملكية الفكرية في جمارك دبي إن نظام تقييم المخاطر في الميناء رصد الشحنة القادمة من ميناء بندر عباس، لأن البضاعة المصرح بها لا تحتاج إلى تبريد.

وأضاف أن الفحوص التي أجراها مختبر دبي المركزي أثبتت أن الأقلام تحتوي على محلول ملحي مع نسبة ضئيلة من إنسولين قصير المفعول، ولا تحتوي على المادة الفعالة المدونة على العبوات.

وأكد أن استخدام هذه الأقلام يشكل خطرا مباشرا على حياة مرضى السكري، مشيرا إلى أن الشحنة كانت متجهة إلى موزعين في شرق أفريقيا.

وأوضح أنه تمت إحالة موظفَين اثنين في شركة تجارية مسجلة في دبي إلى النيابة العامة، وأن هذه أكبر عملية ضبط لأدوية مقلدة في موانئ دبي."""

IRNA_BODY = """سخنگوی گمرک جمهوری اسلامی ایران گزارش خبرگزاری رویترز درباره کشف یک میلیون و ۲۰۰ هزار قلم انسولین تقلبی در بندر جبل‌علی دبی را که گفته شده بود از بندرعباس ارسال شده، «بی‌اساس» خواند.

به گزارش ایرنا، حمید رضایی‌فر روز شنبه گفت: هیچ محموله دارویی یا بهداشتی با این مشخصات در ماه گذشته از گمرکات استان هرمزگان صادر نشده است.

وی افزود: کانتینرهای یخچال‌دار که در بندرعباس بارگیری می‌شوند زیر نظارت کامل گمرک هستند و اظهارنامه هر محموله با محتوای آن تطبیق داده می‌شود.

رضایی‌فر گفت ممکن است این کانتینرها در بندر دیگری تخلیه و دوباره بارگیری شده باشند و گمرک ایران آماده همکاری با گمرک دبی برای روشن شدن مسیر این محموله است.

رویترز روز چهارشنبه به نقل از گمرک دبی گزارش داده بود که این قلم‌های انسولین که به جای داروی اصلی بیشتر آب نمک داشتند، در دو کانتینر یخچال‌دار با اظهارنامه دستمال مرطوب کودک از بندرعباس به جبل‌علی رسیده بودند."""

feed = [
    {"id": "r02", "series": "Reuters", "date": "2023-02-15",
     "title": "Dubai seizes 1.2 million counterfeit insulin pens shipped from Iran",
     "url": "https://www.reuters.com/world/middle-east/dubai-seizes-12-million-counterfeit-insulin-pens-2023-02-15/",
     "text": REUTERS_BODY},
    {"id": "p04", "series": "Pharma Watch Asia", "date": "2023-02-17",
     "title": "Dubai intercepts record haul of fake insulin pens",
     "text": PWA_BODY},
    {"id": "w05", "series": "WAM", "date": "2023-02-15",
     "title": "جمارك دبي تضبط 1.2 مليون قلم إنسولين مقلد في ميناء جبل علي",
     "text": "دبي في 15 فبراير / وام /\n\n" + WAM_BODY},
    {"id": "s07", "series": "Sada al-Khaleej", "date": "2023-03-02",
     "title": "أقلام إنسولين مزيفة تهدد حياة مرضى السكري",
     "text": """كشفت السلطات في دبي الشهر الماضي عن نحو مليون ونصف المليون قلم إنسولين مزيف ضبطت في ميناء جبل علي داخل حاويات مبردة قادمة من إيران، بحسب ما نقلته وكالة أنباء الإمارات.

وتبين بعد تحليلها في المختبر أن الأقلام لا تحتوي إلا على ماء مالح وكمية ضئيلة من إنسولين رخيص، خلافا لما كتب على عبواتها.

وحذر أطباء غدد صماء تحدثت إليهم "صدى الخليج" من أن مريض السكري الذي يحقن نفسه بهذه المنتجات قد يدخل في غيبوبة خلال أيام.

ويقول الدكتور سامر حداد استشاري الغدد الصماء في الشارقة إن ارتفاع أسعار الإنسولين الأصلي ونقصه في بعض البلدان يدفعان المرضى إلى الشراء من مصادر غير موثوقة، عبر مواقع التواصل أو من باعة متجولين.

ونصح حداد المرضى بشراء الإنسولين من الصيدليات المرخصة فقط، والتأكد من الرقم التسلسلي المطبوع على العبوة قبل استخدامها."""},
    {"id": "i08", "series": "IRNA", "date": "2023-02-18",
     "title": "گمرک ایران: محموله انسولین تقلبی از بندرعباس بارگیری نشده است",
     "text": IRNA_BODY},
    {"id": "h11", "series": "Health Policy Review", "date": "2023-05-22",
     "title": "The counterfeit insulin trade follows the shortages",
     "text": """When customs officers in Dubai opened two refrigerated containers at Jebel Ali in February, they found nearly 1.3 million insulin pens that were not what their labels claimed. According to Reuters, the pens held little more than salt water and had come in on a ship from Bandar Abbas, declared as baby wipes.

Iran's customs service denied that the cargo had been loaded in an Iranian port.

The case is the largest of its kind in the Gulf, but it is far from unique. Since 2021, regulators in Kenya, Nigeria and Pakistan have all recalled falsified insulin batches, often carrying the lot numbers of genuine products sold elsewhere.

Public health researchers say the trade follows the shortages. When genuine insulin becomes scarce or expensive, patients turn to informal sellers and online pharmacies, and counterfeiters step in.

"Insulin is the perfect target: it is expensive, it needs a cold chain that buyers assume means quality, and a patient cannot tell the difference until it is too late," said Dr. Laila Noor, who studies medicine supply chains at a university in Beirut.

She called for a regional register of batch numbers that pharmacists could check before they sell a pen."""},
    {"id": "p13", "series": "Pharma Watch Asia", "date": "2023-07-03",
     "title": "Gulf pharmacists back a register of insulin batch numbers",
     "text": """Calls for a Gulf-wide register of insulin batch numbers are gaining ground among pharmacists, months after nearly 1.3 million fake insulin pens were found in two containers at Dubai's Jebel Ali port.

As the Health Policy Review reported in May, the pens contained mostly salt water and had been shipped as baby wipes.

The Emirates Pharmacists Society said on Monday it backed the proposal, first made by the researcher Laila Noor, and would raise it with health ministries in the region.

Under the plan, a pharmacist would scan a pen's batch number before selling it and see at once whether the manufacturer had released that batch in the country.

No ministry has yet committed to the register."""},
]
with open(os.path.join(OUT, "feed.jsonl"), "w", encoding="utf-8") as f:
    for r in feed:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")

pages = {
    "g03-record-fake-insulin-haul-jebel-ali.txt": """GULF TRADE JOURNAL
Home | Ports & Shipping | Logistics | Customs | Markets | Events | Subscribe

Customs

Record fake insulin haul at Jebel Ali

15 February 2023 | 14:20 GST

""" + REUTERS_BODY + """

Tags: Jebel Ali, Dubai Customs, counterfeit, pharmaceuticals

Related
Jebel Ali volumes rise 4% in January
Sharjah free zone opens cold-storage hub

Subscribe to Gulf Trade Journal newsletters
Copyright © 2023 Gulf Trade Journal. All rights reserved.
""",
    "dd12-dubai-counterfeit-insulin-pens-iran.txt": """Dubai Digest
News | Business | Property | Health | Lifestyle | Things to do

Health

Dubai seizes 1.2 million counterfeit insulin pens shipped from Iran

Monday, 8 September 2025

""" + REUTERS_BODY + """

More from Dubai Digest
Ten new restaurants to try this month
School fees: what parents need to know

© 2025 Dubai Digest
""",
    "b06-shohnat-insulin-muqallad.txt": """البيان
الرئيسية | الإمارات | عبر الإمارات | اقتصاد | رياضة | ثقافة | منوعات

عبر الإمارات

ضبط شحنة إنسولين مقلد قادمة من بندر عباس

15 فبراير 2023

دبي - وام

""" + WAM_BODY + """

اقرأ أيضاً
شرطة دبي تطلق خدمة جديدة للبلاغات
افتتاح معرض الكتاب في الشارقة

جميع الحقوق محفوظة لصحيفة البيان © 2023
""",
    "k09-takzib-ersal-insulin.txt": """خبرآنلاین
صفحه اصلی | سیاسی | اقتصادی | اجتماعی | بین الملل | ورزشی | فرهنگی

کد خبر ۱۷۲۳۴۵۶
۲۹ بهمن ۱۴۰۱ - ۱۴:۳۵

تکذیب ارسال انسولین تقلبی از بندرعباس

""" + IRNA_BODY + """

منبع: ایرنا

اخبار مرتبط
قیمت انسولین در داروخانه‌ها چقدر است؟
صادرات دارو به عراق افزایش یافت

کلیه حقوق این سایت متعلق به خبرآنلاین است.
""",
}
for name, text in pages.items():
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(text)
