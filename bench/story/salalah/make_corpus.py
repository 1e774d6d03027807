#!/usr/bin/env python3
"""Writes corpus/feed.jsonl: the held-out "Salalah port" story (18 invented
records with outlet, date and title), the copies written from the texts they
copy so that a verbatim copy is verbatim.  The true chain is in TRUTH.md and
truth.json, written before hearsay was first run on it."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")

ATHEER = """علمت «أثير» من مصدر في ميناء صلالة أن العمليات في محطة الحاويات بالميناء متوقفة منذ صباح الأحد بعد أن تعرض نظام تشغيل المحطة لهجوم إلكتروني ببرمجية فدية.

وقال المصدر إن التوقف استمر نحو 36 ساعة حتى مساء الاثنين، وإن 23 سفينة حاويات تنتظر في منطقة الانتظار خارج الميناء لتفريغ حمولتها.

وأضاف أن المهاجمين طالبوا بفدية تدفع بعملة البيتكوين مقابل فك تشفير الأنظمة، وأن إدارة الميناء لجأت إلى تسجيل حركة الحاويات يدويا.

وأشار إلى أن المركز الوطني للسلامة المعلوماتية يحقق في الهجوم بالتعاون مع الشركة المشغلة للمحطة.

ولم يصدر حتى الآن أي بيان رسمي من شركة ميناء صلالة."""

AFP_LEAD = """A ransomware attack has halted the container terminal at Oman's port of Salalah for around 36 hours, leaving 23 ships waiting at anchor, the Omani news website Atheer reported on Monday, citing a source at the port."""

AFP_P2 = """The attackers demanded a ransom in bitcoin to unlock the terminal's operating system, and port staff had switched to recording container movements by hand, Atheer said."""

AFP_P3 = """Oman's National Cyber Security Centre was investigating the attack, according to the report. Salalah Port Services did not respond to a request for comment."""

AFP_P4 = """Salalah, on the Arabian Sea close to the Yemeni border, handled more than 4 million containers last year and is a transshipment hub on routes between Asia, Europe and East Africa."""

BACKGROUND = """Ports and shipping companies have become frequent targets of ransomware gangs, which encrypt computer systems and demand payment to release them."""

AFP = "\n\n".join(["MUSCAT, Jan 14 (AFP) - " + AFP_LEAD, AFP_P2, AFP_P3, AFP_P4, BACKGROUND])

# the edited copy: dateline dropped, the no-comment paragraph replaced by a
# local one, the background line cut
TIMES = "\n\n".join(["SALALAH: " + AFP_LEAD, AFP_P2,
                     "Shipping agents in Salalah said on Tuesday that trucks were queuing outside the port gates and that some lines had begun diverting cargo to Sohar and Jebel Ali.",
                     AFP_P4])

MEHR = """به گزارش خبرگزاری مهر به نقل از پایگاه خبری اثیر عمان، فعالیت پایانه کانتینری بندر صلاله در جنوب عمان در پی یک حمله سایبری باج‌افزاری حدود ۴۰ ساعت متوقف شد.

بر اساس این گزارش، ۲۵ کشتی کانتینری در لنگرگاه بیرون بندر منتظر تخلیه بار مانده‌اند.

مهاجمان برای بازگرداندن سامانه‌های پایانه، باج به صورت بیت‌کوین درخواست کرده‌اند و کارکنان بندر جابه‌جایی کانتینرها را به صورت دستی ثبت می‌کنند.

مرکز ملی امنیت اطلاعات عمان تحقیقات درباره این حمله را آغاز کرده است.

بندر صلاله یکی از بنادر مهم ترانزیتی در دریای عرب است."""

feed = [
    {"id": "a01", "series": "Atheer", "date": "2025-01-13",
     "title": "توقف العمليات في محطة الحاويات بميناء صلالة إثر هجوم إلكتروني",
     "text": ATHEER},
    {"id": "a02", "series": "Al Roya", "date": "2025-01-14",
     "title": "هجوم إلكتروني يوقف محطة الحاويات في ميناء صلالة 36 ساعة",
     "text": ATHEER + "\n\nالمصدر: أثير"},
    {"id": "e03", "series": "AFP", "date": "2025-01-14",
     "title": "Cyberattack halts container terminal at Oman's Salalah port - report",
     "text": AFP},
    {"id": "e04", "series": "Arab News", "date": "2025-01-14",
     "title": "Ransomware attack stops Salalah container terminal",
     "text": AFP},
    {"id": "e05", "series": "Times of Oman", "date": "2025-01-15",
     "title": "Salalah terminal hit by ransomware, ships wait at anchor",
     "text": TIMES},
    {"id": "a06", "series": "Asharq Al-Awsat", "date": "2025-01-14",
     "title": "هجوم ببرمجية فدية يشل محطة الحاويات في ميناء صلالة العماني",
     "text": """أفادت وكالة فرانس برس نقلا عن موقع «أثير» العماني بأن هجوما ببرمجية فدية أوقف محطة الحاويات في ميناء صلالة بسلطنة عمان لنحو 36 ساعة، ما ترك 23 سفينة راسية في انتظار دورها.

وطالب المهاجمون بفدية بعملة البيتكوين لإعادة تشغيل نظام المحطة، فيما اضطر العاملون إلى متابعة الشحنات يدويا.

ويقع ميناء صلالة على بحر العرب قرب الحدود اليمنية، وقد تعامل العام الماضي مع أكثر من أربعة ملايين حاوية."""},
    {"id": "a07", "series": "Al Khaleej", "date": "2025-01-21",
     "title": "مصادر: هجوم صلالة الإلكتروني عطل الميناء يومين",
     "text": """كشفت مصادر ملاحية أن الهجوم الإلكتروني الذي استهدف ميناء صلالة العماني الأسبوع الماضي عطّل محطة الحاويات قرابة 48 ساعة، وأن أكثر من 30 سفينة اضطرت إلى الانتظار قبالة الميناء.

وأوضحت المصادر أن بعض الخطوط الملاحية حوّلت شحناتها إلى ميناءي صحار وجبل علي ريثما تعود الأنظمة إلى العمل.

وكانت شركة ميناء صلالة قد نفت تعرضها لهجوم إلكتروني، مرجعة التوقف إلى انقطاع في التيار الكهربائي بمركز البيانات.

ويحقق المركز الوطني للسلامة المعلوماتية في سلطنة عمان في الحادثة."""},
    {"id": "f08", "series": "Mehr", "date": "2025-01-14",
     "title": "توقف فعالیت بندر صلاله عمان در پی حمله سایبری",
     "text": MEHR},
    {"id": "f09", "series": "Tasnim", "date": "2025-01-15",
     "title": "حمله باج‌افزاری بندر صلاله را از کار انداخت",
     "text": MEHR + "\n\nمنبع: مهر"},
    {"id": "e10", "series": "Splash247", "date": "2025-01-16",
     "title": "Salalah Port Services denies cyberattack, blames power failure",
     "text": """Salalah Port Services has denied that its container terminal was hit by a cyberattack, saying a power failure at its data centre slowed operations for about nine hours on Sunday.

The Omani port operator said in a statement on Thursday that no ransom had been demanded and that its terminal operating system was never compromised.

Omani and international media had reported that a ransomware attack stopped the terminal for 36 hours and left 23 vessels waiting at anchor.

"Operations returned to normal on Monday morning, and all berthing windows are being honoured," the company said.

Salalah Port Services is majority-owned by the state logistics group Asyad."""},
    {"id": "e11", "series": "Gulf News", "date": "2025-04-28",
     "title": "Ransomware, not power cut, stopped Salalah port, Oman cyber centre finds",
     "text": """Three months after a cyberattack crippled the container terminal at Salalah, a report by Oman's National Cyber Security Centre has concluded that ransomware was to blame, contradicting the port operator's account of a power failure.

The attack, which began on January 12, stopped cargo handling for almost two days and left about two dozen container ships queuing offshore, the report said.

Several shipping lines moved cargo to Sohar and Jebel Ali during the outage, costing the port an estimated $14 million in lost business, according to the centre.

Salalah Port Services said it had strengthened its systems and was cooperating with the investigation."""},
    {"id": "e12", "series": "Port Technology Review", "date": "2028-02-09",
     "title": "Cyberattack halts container terminal at Oman's Salalah port",
     "text": AFP},
    {"id": "x13", "series": "AFP", "date": "2024-11-05",
     "title": "Cyberattack disrupts customs at Kuwait's Shuwaikh port - KUNA",
     "text": """KUWAIT CITY, Nov 5 (AFP) - A cyberattack has disrupted customs clearance at Kuwait's Shuwaikh port for two days, the state news agency KUNA reported on Tuesday, citing the General Administration of Customs.

Trucks were backed up for several kilometres outside the port and clearance was being processed manually, KUNA said.

""" + BACKGROUND},
    {"id": "x14", "series": "Atheer", "date": "2025-02-10",
     "title": "توسعة محطة الحاويات في ميناء صلالة برصيفين جديدين",
     "text": """علمت «أثير» أن شركة ميناء صلالة وقعت اتفاقية لتوسعة محطة الحاويات بإضافة رصيفين جديدين بطول 800 متر، ما يرفع الطاقة الاستيعابية للميناء إلى 6 ملايين حاوية سنويا.

وقال مصدر في الشركة إن أعمال التوسعة ستبدأ في الربع الثالث من العام الجاري وتستمر 30 شهرا.

وتعامل ميناء صلالة العام الماضي مع أكثر من أربعة ملايين حاوية."""},
    {"id": "x15", "series": "Tasnim", "date": "2025-01-20",
     "title": "ادعای حمله سایبری به بندر شهید رجایی تکذیب شد",
     "text": """به گزارش خبرگزاری تسنیم، مدیرکل بنادر و دریانوردی استان هرمزگان ادعای رسانه‌های خارجی درباره حمله سایبری به بندر شهید رجایی را رد کرد و گفت فعالیت پایانه‌های کانتینری این بندر به صورت عادی ادامه دارد.

وی افزود: سامانه‌های بندری هیچ اختلالی نداشته‌اند و تخلیه و بارگیری کشتی‌ها طبق برنامه انجام می‌شود.

بندر شهید رجایی بزرگترین بندر کانتینری ایران است."""},
    {"id": "x16", "series": "Times of Oman", "date": "2025-01-27",
     "title": "Cyber centre urges firms to keep offline backups",
     "text": """Oman's National Cyber Security Centre on Monday urged companies to keep offline backups of their systems, warning that ransomware gangs were increasingly targeting logistics firms in the region.

More than 200 IT managers from government bodies and private companies attended a two-day workshop on incident response held by the centre in Muscat.

The centre said it had handled 1,100 cyber incidents in 2024, up from 870 a year earlier."""},
]

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "feed.jsonl"), "w", encoding="utf-8") as f:
    for r in feed:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
