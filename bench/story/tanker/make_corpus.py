#!/usr/bin/env python3
"""Writes corpus/feed.jsonl: the held-out "Marlin Grace" tanker story (16
invented records with outlet, date and title), the copies written from the
texts they copy so that a verbatim copy is verbatim.  The true chain is in
TRUTH.md and truth.json, written before hearsay was first run on it."""
import json, os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")

TASNIM = """به گزارش خبرگزاری تسنیم، نیروی دریایی سپاه پاسداران انقلاب اسلامی عصر امروز یکشنبه یک فروند نفتکش خارجی با نام «مارلین گریس» را که حامل ۲ میلیون لیتر سوخت قاچاق بود، در آب‌های جنوب جزیره قشم توقیف کرد.

سردار حسین عظیمی، فرمانده منطقه یکم نیروی دریایی سپاه، گفت: این نفتکش که پرچم پاناما را برافراشته بود، پس از چند روز رصد اطلاعاتی و با حکم قضایی متوقف شد.

وی افزود: ۱۹ خدمه این نفتکش که اتباع هند، سریلانکا و میانمار هستند بازداشت شدند و نفتکش به بندرعباس منتقل شد.

به گفته عظیمی، سوخت قاچاق با شناورهای سبک از سواحل کشور به این نفتکش منتقل شده بود و قرار بود در آب‌های بین‌المللی فروخته شود.

پرونده این نفتکش برای سیر مراحل قانونی به دستگاه قضایی استان هرمزگان تحویل داده شد."""

REUTERS = """DUBAI, March 11 (Reuters) - Iran's Revolutionary Guards have seized a Panama-flagged tanker, the Marlin Grace, carrying 2 million litres of smuggled fuel in waters south of Qeshm island, the Tasnim news agency reported late on Sunday.

The vessel's 19 crew members, from India, Sri Lanka and Myanmar, were detained and the tanker was taken to the port of Bandar Abbas, Tasnim quoted Guards naval commander Hossein Azimi as saying.

The Marlin Grace is managed by Athens-based Kestrel Shipping, according to ship-tracking data. The company could not immediately be reached for comment.

Iran has seized several foreign vessels in the Gulf in recent years, accusing them of smuggling fuel. About a fifth of the oil consumed worldwide passes through the Strait of Hormuz.

(Reporting by Omar Haddad; Editing by Tom Hollis)"""

feed = [
    {"id": "f01", "series": "Tasnim", "date": "2024-03-10",
     "title": "توقیف نفتکش خارجی حامل ۲ میلیون لیتر سوخت قاچاق در خلیج فارس",
     "text": TASNIM},
    {"id": "f02", "series": "Mashregh News", "date": "2024-03-11",
     "title": "نفتکش «مارلین گریس» با سوخت قاچاق توقیف شد",
     "text": TASNIM + "\n\nمنبع: تسنیم"},
    {"id": "e03", "series": "Reuters", "date": "2024-03-11",
     "title": "Iran's Guards seize Panama-flagged tanker carrying smuggled fuel - Tasnim",
     "text": REUTERS},
    {"id": "e04", "series": "Gulf News", "date": "2024-03-11",
     "title": "Iran seizes tanker Marlin Grace near Qeshm",
     "text": REUTERS},
    {"id": "a05", "series": "Al Arabiya", "date": "2024-03-11",
     "title": "الحرس الثوري الإيراني يحتجز ناقلة نفط ترفع علم بنما قرب جزيرة قشم",
     "text": """احتجزت القوات البحرية التابعة للحرس الثوري الإيراني ناقلة النفط "مارلين غريس" التي ترفع علم بنما، قائلة إنها كانت تحمل مليوني لتر من الوقود المهرب جنوب جزيرة قشم، بحسب ما أفادت وكالة تسنيم الإيرانية مساء الأحد.

ونقلت الوكالة عن القائد في بحرية الحرس حسين عظيمي قوله إن أفراد طاقم الناقلة البالغ عددهم 19 بحارا، من الهند وسريلانكا وميانمار، احتجزوا، وإن الناقلة اقتيدت إلى ميناء بندر عباس.

ولم يصدر تعليق فوري من الشركة المشغلة للناقلة.

ويمر نحو خمس النفط المستهلك عالميا عبر مضيق هرمز."""},
    {"id": "a06", "series": "Al Jazeera", "date": "2024-03-12",
     "title": "إيران تقتاد الناقلة مارلين غريس إلى بندر عباس بتهمة تهريب الوقود",
     "text": """أعلن الحرس الثوري الإيراني أنه اقتاد الناقلة "مارلين غريس" إلى ميناء بندر عباس بعد ضبطها في مياه الخليج قرب جزيرة قشم وعلى متنها 2.3 مليون لتر من الوقود المهرب.

وقال مسؤول قضائي في محافظة هرمزغان إن طاقم الناقلة المؤلف من 19 شخصا يخضع للتحقيق، مضيفا أن الوقود نقل إلى الناقلة من قوارب صغيرة قبالة السواحل الإيرانية.

وتدير الناقلة شركة كيستريل للشحن ومقرها أثينا، ولم ترد الشركة على طلبات التعليق.

وتقول طهران إن تهريب الوقود المدعوم إلى الخارج يكلفها مليارات الدولارات سنويا."""},
    {"id": "e07", "series": "The Maritime Executive", "date": "2024-03-12",
     "title": "Kestrel Shipping denies Marlin Grace was smuggling fuel",
     "text": """The Athens-based manager of the Marlin Grace, the product tanker seized by Iran's Revolutionary Guards off Qeshm island on Sunday, has rejected Iranian claims that the vessel was carrying smuggled fuel.

Kestrel Shipping said in a statement on Tuesday that the Panama-flagged ship was loaded with 41,000 tonnes of marine gasoil bought legally in Fujairah and that it held all its cargo documents.

Iranian state media had reported that the tanker held 2 million litres of fuel transferred from small boats off the Iranian coast, and that its 19 crew were detained.

"Our crew are seafarers doing their job, and we ask for their immediate release," the company said, adding that it had informed the flag state and the vessel's insurers.

The Marlin Grace, built in 2009, is a 50,000 dwt product tanker."""},
    {"id": "e08", "series": "The Hindu", "date": "2024-03-13",
     "title": "Nine Indian sailors among crew of tanker held by Iran",
     "text": """Nine Indian nationals are among the 19 crew members of the oil tanker Marlin Grace, which Iran's Revolutionary Guards detained in the Gulf on Sunday, the Ministry of External Affairs said on Wednesday.

Iranian authorities have accused the Panama-flagged vessel of carrying 2 million litres of smuggled diesel, which they say was loaded from boats near Qeshm island.

The Indian embassy in Tehran is in touch with Iranian officials and has sought consular access to the sailors, a ministry spokesperson told reporters in New Delhi.

Relatives of two of the sailors, both from Kerala, said they had last heard from them on Saturday night.

The other crew members are from Sri Lanka and Myanmar."""},
    {"id": "e09", "series": "Times of Oman", "date": "2024-06-20",
     "title": "Iran frees crew of seized tanker Marlin Grace",
     "text": """Iran has released the 19 crew members of the Marlin Grace, more than three months after its Revolutionary Guards seized the tanker south of Qeshm island, saying it was carrying about 1.8 million litres of smuggled fuel.

The sailors flew home from Bandar Abbas via Muscat on Wednesday, the Omani foreign ministry said, thanking Iranian authorities for their cooperation.

The tanker itself remains in Iran, where a court in Hormozgan province ordered its cargo confiscated in May.

Kestrel Shipping, which manages the vessel, has said the fuel was bought legally in Fujairah."""},
    {"id": "f10", "series": "IRNA", "date": "2024-03-12",
     "title": "دادستان هرمزگان: خدمه نفتکش توقیف‌شده در اختیار دستگاه قضایی هستند",
     "text": """دادستان مرکز استان هرمزگان گفت خدمه ۱۹ نفره نفتکش خارجی «مارلین گریس» که روز یکشنبه به اتهام قاچاق سوخت در نزدیکی جزیره قشم توقیف شد، در اختیار دستگاه قضایی قرار گرفته‌اند.

به گزارش ایرنا، مجتبی قهرمانی روز سه‌شنبه افزود: در این نفتکش که با پرچم پاناما تردد می‌کرد، بیش از ۲ میلیون و ۲۰۰ هزار لیتر گازوئیل قاچاق کشف شده است.

وی گفت: بررسی‌ها نشان می‌دهد این سوخت از طریق قایق‌های کوچک از سواحل کشور به نفتکش منتقل شده بود.

دادستان هرمزگان افزود: رسیدگی به این پرونده با سرعت در حال انجام است."""},
    {"id": "x11", "series": "Reuters", "date": "2024-02-02",
     "title": "Iran seizes foreign tanker smuggling fuel in Gulf - Tasnim",
     "text": """DUBAI, Feb 2 (Reuters) - Iran's Revolutionary Guards have seized a foreign tanker carrying 1 million litres of smuggled fuel in the Gulf and detained its 12 crew members, the Tasnim news agency reported on Friday.

The tanker, whose name and flag were not given, was taken to the port of Bushehr, Tasnim said.

Iran has seized several foreign vessels in the Gulf in recent years, accusing them of smuggling fuel. About a fifth of the oil consumed worldwide passes through the Strait of Hormuz.

(Reporting by Omar Haddad; Editing by Tom Hollis)"""},
    {"id": "x12", "series": "Tasnim", "date": "2024-04-02",
     "title": "توقیف شناور خارجی حامل ۵۰۰ هزار لیتر سوخت قاچاق",
     "text": """به گزارش خبرگزاری تسنیم، نیروی دریایی سپاه پاسداران انقلاب اسلامی یک فروند شناور خارجی حامل ۵۰۰ هزار لیتر سوخت قاچاق را در آب‌های خلیج فارس توقیف کرد.

سردار حسین عظیمی، فرمانده منطقه یکم نیروی دریایی سپاه، گفت: ۷ خدمه این شناور بازداشت شدند و شناور به بندر لنگه منتقل شد.

پرونده این شناور برای سیر مراحل قانونی به دستگاه قضایی استان هرمزگان تحویل داده شد."""},
    {"id": "x13", "series": "Al Arabiya", "date": "2024-03-20",
     "title": "الأسطول الخامس الأمريكي يكثف دورياته في مضيق هرمز",
     "text": """أعلن الأسطول الخامس الأمريكي، الأربعاء، أنه سيزيد دورياته في مضيق هرمز بعد احتجاز إيران ناقلتين في الخليج خلال شهرين.

وقال متحدث باسم الأسطول إن سفنا حربية وطائرات مسيرة ستراقب حركة الملاحة التجارية على مدار الساعة، وإن البحرية الأمريكية مستعدة لمرافقة السفن التي تطلب ذلك.

ويمر نحو خمس النفط المستهلك عالميا عبر مضيق هرمز.

وتقول إيران إن قواتها البحرية تتصدى لتهريب الوقود في مياهها الإقليمية."""},
    {"id": "x14", "series": "The Maritime Executive", "date": "2024-03-25",
     "title": "Armed men board Kestrel tanker off Somalia",
     "text": """Armed men boarded the Marlin Hope, a Panama-flagged tanker managed by Athens-based Kestrel Shipping, about 300 nautical miles east of Mogadishu on Sunday, the EU naval force said.

The 19 crew members locked themselves in the ship's citadel and were unharmed, the force said, adding that a Spanish frigate was heading to the area.

It is the second incident involving a Kestrel Shipping vessel this month.

The Marlin Hope, built in 2011, is a 50,000 dwt product tanker."""},
    {"id": "x15", "series": "The Hindu", "date": "2024-04-08",
     "title": "Six Indian sailors held in Nigeria over crude theft freed",
     "text": """Six Indian sailors of the tanker Ocean Pearl, detained by the Nigerian Navy in January on suspicion of carrying stolen crude oil, have been released, the Ministry of External Affairs said on Monday.

The sailors, four of them from Kerala, were held for nearly three months at a naval base in Bonny, the ministry said.

The Indian High Commission in Abuja had sought consular access to the crew soon after their arrest.

The vessel's owner said the cargo had been loaded legally at an offshore terminal."""},
    {"id": "e16", "series": "Gulf Shipping Digest", "date": "2025-11-04",
     "title": "Iran's Guards seize Panama-flagged tanker carrying smuggled fuel",
     "text": REUTERS},
]

os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "feed.jsonl"), "w", encoding="utf-8") as f:
    for r in feed:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
