#!/usr/bin/env python3
"""Writes corpus/feed.jsonl: the held-out "Anzali" story (19 invented records
with outlet, date and title, in Persian, Russian, English and Arabic), the
copies written from the texts they copy so that a verbatim copy is verbatim,
the records in a fixed shuffled order (a feed is not sorted by date). The true
chain is in TRUTH.md and truth.json, written before hearsay was first run on
it."""
import json, os, random

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "corpus")

ANZALI_BG = "بندر انزلی از مهم‌ترین بنادر ایران در دریای خزر است و بخش عمده واردات غلات از روسیه از طریق آن انجام می‌شود."

IRNA = """به گزارش خبرنگار ایرنا از رشت، مدیرکل بنادر و دریانوردی استان گیلان روز سه‌شنبه گفت: آتش‌سوزی در موتورخانه کشتی باری روسی «کاپیتان سوروکین» که در اسکله شماره ۷ بندر انزلی پهلو گرفته بود، پس از حدود ۶ ساعت مهار شد.

علیرضا محمدی افزود: ۱۲ خدمه روس این کشتی تخلیه شدند و ۲ نفر از آنان به دلیل دودگرفتگی به بیمارستان منتقل شدند.

وی گفت: این کشتی ۴ هزار و ۸۰۰ تن گندم از بندر آستاراخان روسیه حمل می‌کرد و بار آن آسیبی ندیده است.

به گفته مدیرکل بنادر و دریانوردی گیلان، علت آتش‌سوزی در دست بررسی است و فعالیت سایر اسکله‌های بندر به صورت عادی ادامه دارد.

""" + ANZALI_BG

TASS = """ТЕГЕРАН, 13 мая. /ТАСС/. Пожар вспыхнул в машинном отделении российского сухогруза «Капитан Сорокин», стоявшего у причала в иранском порту Энзели на Каспийском море. Об этом сообщило агентство IRNA со ссылкой на управление портов и судоходства провинции Гилян.

По данным агентства, огонь удалось потушить примерно через шесть часов. Все 12 членов экипажа были эвакуированы, двое из них госпитализированы с отравлением дымом.

Судно доставило в Иран 4,8 тыс. тонн пшеницы из Астрахани, груз, по предварительным данным, не пострадал.

Генеральное консульство России в Реште уточняет информацию о состоянии моряков."""

R_LEAD = """A fire broke out in the engine room of a Russian cargo ship docked at Iran's Caspian Sea port of Anzali and burned for about six hours before it was put out, Iran's state news agency IRNA reported on Tuesday."""

R_P2 = """All 12 Russian crew members were evacuated and two were taken to hospital suffering from smoke inhalation, IRNA quoted a provincial ports official as saying."""

R_P3 = """The Kapitan Sorokin was carrying 4,800 tonnes of wheat from the Russian port of Astrakhan, and its cargo was not damaged, the official said. The cause of the fire was under investigation."""

R_P4 = """Russia's TASS news agency said the Russian consulate in Rasht was seeking information about the sailors."""

R_BG = """Iran imports much of its grain from Russia across the Caspian Sea, a route both countries have sought to expand since Western sanctions on Moscow were tightened."""

REUTERS = "\n\n".join(["DUBAI, May 13 (Reuters) - " + R_LEAD, R_P2, R_P3, R_P4, R_BG])

# the edited copy: dateline dropped, the TASS paragraph replaced by a local
# one, the background line cut
SPLASH = "\n\n".join([R_LEAD, R_P2, R_P3,
                      "Port agents in Anzali said on Wednesday that the other berths were working normally and that two grain carriers waiting offshore had been given new berthing slots."])

MAYADEEN_BG = "ويُعدّ ميناء أنزلي من أبرز الموانئ الإيرانية على بحر قزوين، وتمر عبره معظم واردات الحبوب من روسيا."

MAYADEEN = """أفادت وكالة الأنباء الإيرانية الرسمية «إرنا» بأن حريقاً اندلع في غرفة محركات سفينة الشحن الروسية «كابيتان سوروكين» الراسية في ميناء أنزلي الإيراني على بحر قزوين، واستمر نحو 6 ساعات قبل السيطرة عليه.

ونقلت الوكالة عن مسؤول في إدارة الموانئ بمحافظة جيلان أن أفراد الطاقم الـ12 أُجلوا جميعاً، ونُقل اثنان منهم إلى المستشفى بسبب استنشاق الدخان.

وكانت السفينة تنقل 4800 طن من القمح من ميناء أستراخان الروسي، ولم تتضرر حمولتها.

""" + MAYADEEN_BG

feed = [
    {"id": "f01", "series": "IRNA", "date": "2026-05-12",
     "title": "آتش‌سوزی در کشتی باری روسی در بندر انزلی؛ ۲ خدمه مصدوم شدند",
     "text": IRNA},
    {"id": "f02", "series": "Hamshahri", "date": "2026-05-13",
     "title": "مهار آتش در کشتی روسی پس از ۶ ساعت",
     "text": IRNA + "\n\nمنبع: ایرنا"},
    {"id": "r03", "series": "TASS", "date": "2026-05-13",
     "title": "На российском сухогрузе в иранском порту Энзели произошел пожар",
     "text": TASS},
    {"id": "r04", "series": "Astrakhan24", "date": "2026-05-13",
     "title": "Сухогруз «Капитан Сорокин» загорелся в Иране",
     "text": TASS + "\n\nИсточник: ТАСС"},
    {"id": "e05", "series": "Reuters", "date": "2026-05-13",
     "title": "Fire on Russian cargo ship in Iran's Anzali port injures two - IRNA",
     "text": REUTERS},
    {"id": "e06", "series": "Hellenic Shipping News", "date": "2026-05-13",
     "title": "Russian cargo ship catches fire at Iranian Caspian port",
     "text": REUTERS},
    {"id": "e07", "series": "Splash247", "date": "2026-05-14",
     "title": "Engine room fire on Russian bulker at Anzali",
     "text": SPLASH},
    {"id": "a08", "series": "Al Mayadeen", "date": "2026-05-13",
     "title": "حريق في سفينة شحن روسية بميناء أنزلي الإيراني",
     "text": MAYADEEN},
    {"id": "a09", "series": "Al Ahed", "date": "2026-05-14",
     "title": "إخماد حريق في سفينة روسية تحمل القمح إلى إيران",
     "text": MAYADEEN + "\n\nالمصدر: الميادين"},
    {"id": "f10", "series": "Tasnim", "date": "2026-05-14",
     "title": "جزئیات آتش‌سوزی کشتی روسی در انزلی",
     "text": """به گزارش خبرگزاری تسنیم، آتش‌سوزی کشتی باری روسی «کاپیتان سوروکین» در بندر انزلی نزدیک به هفت ساعت ادامه داشت و سه نفر از خدمه این کشتی مصدوم شدند.

یک منبع آگاه در بندر انزلی گفت: کشتی حدود پنج هزار تن گندم از آستاراخان بارگیری کرده بود و آتش از موتورخانه آغاز شد.

به گفته این منبع، نیروهای آتش‌نشانی منطقه آزاد انزلی و یک یدک‌کش بندری در خاموش کردن آتش مشارکت داشتند.

شرکت مالک کشتی هنوز درباره این حادثه اظهار نظر نکرده است."""},
    {"id": "r11", "series": "Interfax", "date": "2026-05-14",
     "title": "Судовладелец опроверг сообщения о серьезном пожаре на «Капитане Сорокине»",
     "text": """Судоходная компания «Волго-Каспийский флот», владеющая сухогрузом «Капитан Сорокин», опровергла сообщения иранских СМИ о крупном пожаре на судне в порту Энзели. Об этом «Интерфаксу» сообщили в компании.

«Было незначительное возгорание на камбузе, которое экипаж потушил за 40 минут. Пострадавших нет, в больницу никто не обращался», — сказал представитель компании.

Ранее иранское агентство IRNA сообщило, что пожар в машинном отделении тушили около шести часов, а двое из 12 членов экипажа госпитализированы.

По словам представителя компании, разгрузка 4,8 тыс. тонн пшеницы продолжится в четверг."""},
    {"id": "e12", "series": "Lloyd's List", "date": "2026-05-21",
     "title": "Kapitan Sorokin fire: conflicting accounts from Anzali",
     "text": """The fire aboard the Russian bulk carrier Kapitan Sorokin at Iran's port of Anzali last week burned for nearly seven hours and injured three seafarers, according to Iranian port officials who spoke to Lloyd's List.

The ship had loaded almost 5,000 tonnes of wheat at Astrakhan for an Iranian state buyer. The blaze started in the engine room on May 12, the officials said.

Its owner, Volgo-Caspian Fleet, told Interfax the incident was a minor galley fire put out within 40 minutes and that nobody was hurt.

The vessel remains at berth 7 pending a survey by its classification society."""},
    {"id": "e13", "series": "Press TV", "date": "2026-05-13",
     "title": "Russian cargo vessel catches fire at Iran's Anzali port",
     "text": """A Russian cargo vessel caught fire at the northern Iranian port of Anzali on Tuesday, with firefighters needing some six hours to bring the blaze under control, IRNA reports.

Two of the ship's 12 crew members were hospitalized for smoke inhalation, according to the director general of Gilan province's ports and maritime department.

The vessel, Kapitan Sorokin, had arrived from Astrakhan with 4,800 tonnes of wheat, which was reported undamaged.

Iran and Russia have stepped up Caspian trade in recent years as part of the International North-South Transport Corridor."""},
    {"id": "e14", "series": "Maritime Bulletin", "date": "2029-06-04",
     "title": "Fire on Russian cargo ship in Iran's Anzali port",
     "text": REUTERS},
    {"id": "x15", "series": "IRNA", "date": "2025-11-04",
     "title": "نشت سوخت از نفتکش «ستاره خزر» در بندر انزلی مهار شد",
     "text": """به گزارش خبرنگار ایرنا از رشت، مدیرکل بنادر و دریانوردی استان گیلان روز سه‌شنبه گفت: نشت سوخت از نفتکش ایرانی «ستاره خزر» در اسکله شماره ۳ بندر انزلی پس از ۴ ساعت مهار شد.

وی افزود: حدود ۳ تن گازوئیل به آب نشت کرد و تیم‌های مقابله با آلودگی نفتی با نصب حصار شناور از گسترش آن جلوگیری کردند.

""" + ANZALI_BG},
    {"id": "r16", "series": "TASS", "date": "2026-05-19",
     "title": "Экспорт российской пшеницы в Иран через Каспий вырос в полтора раза",
     "text": """ТЕГЕРАН, 19 мая. /ТАСС/. Поставки российской пшеницы в Иран через порты Каспийского моря с начала года выросли в полтора раза и превысили 1,2 млн тонн. Об этом сообщил торговый представитель России в Иране.

По его словам, основной объем зерна отгружается из Астрахани и Махачкалы в иранские порты Энзели, Амирабад и Ноушехр.

Стороны рассчитывают увеличить перевалку зерна после завершения строительства нового зернового терминала в Энзели."""},
    {"id": "e17", "series": "Reuters", "date": "2026-04-21",
     "title": "Russian wheat shipments to Iran via Caspian jump, traders say",
     "text": """DUBAI, April 21 (Reuters) - Russian wheat shipments to Iran across the Caspian Sea rose by around half in the first quarter as Iranian state buyers stepped up purchases, traders said on Tuesday.

Most of the grain is loaded at Astrakhan and Makhachkala and shipped in small river-sea vessels to the Iranian ports of Anzali and Amirabad, the traders said.

""" + R_BG},
    {"id": "a18", "series": "Al Mayadeen", "date": "2026-05-16",
     "title": "ممر شمال-جنوب: قزوين بوابة التجارة بين روسيا وإيران",
     "text": """يتزايد الاعتماد على الموانئ الإيرانية المطلة على بحر قزوين في التجارة بين روسيا وإيران، في إطار ممر النقل الدولي شمال-جنوب الذي يربط سان بطرسبورغ بالخليج.

وقال مسؤولون في البلدين إن حجم البضائع المنقولة عبر بحر قزوين ارتفع العام الماضي بنحو 30 في المئة.

""" + MAYADEEN_BG},
    {"id": "f19", "series": "Mehr", "date": "2026-05-12",
     "title": "آتش‌سوزی در سیلوی گندم بندر امیرآباد",
     "text": """به گزارش خبرگزاری مهر، آتش‌سوزی در یکی از سیلوهای گندم بندر امیرآباد بهشهر پس از حدود ۵ ساعت تلاش آتش‌نشانان مهار شد.

فرماندار بهشهر گفت: در این حادثه ۳ آتش‌نشان دچار مصدومیت سطحی شدند و بخشی از ۶ هزار تن گندم ذخیره‌شده در سیلو آسیب دید.

وی افزود: علت حادثه در دست بررسی است."""},
]

random.Random(19).shuffle(feed)
os.makedirs(OUT, exist_ok=True)
with open(os.path.join(OUT, "feed.jsonl"), "w", encoding="utf-8") as f:
    for r in feed:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
