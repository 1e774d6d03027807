/*
** test_meta_outlets.c — outlets: the names a page gives its site (a
** masthead, a copyright holder, a "Source:" credit, a wire dateline, a
** byline naming a site), what a site adds to them, the site an HTML page
** names in its markup, and the folder rule kept from a JSONL record's id.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "hearsay.h"
#include "meta/meta_int.h"
#include "text/text.h"
#include "util/util.h"
#include "meta_pages.h"

/* Outlet names with what a site adds to them: a masthead «صحيفة سبق
** الإلكترونية», a copyright holder followed by a year, a "Source:" line
** «الجزيرة + وكالات». */
static void test_outlet_name_forms(void **state) {
  static const char *const pages[][2] = {
      {"صحيفة سبق الإلكترونية\nالصحة تعلن تسجيل إصابات جديدة\nأعلنت "
       "وزارة الصحة تسجيل إصابات جديدة في الرياض اليوم بعد أسبوع من الهدوء.\n",
       "Sabq"},
      {"الصحة تعلن تسجيل إصابات جديدة\nأعلنت وزارة الصحة تسجيل إصابات جديدة "
       "في الرياض اليوم بعد أسبوع من الهدوء.\nجميع الحقوق محفوظة لصحيفة عكاظ "
       "2016\n",
       "Okaz"},
      {"إيران تستهدف قاعدتين\nقال الحرس الثوري إنه استهدف قاعدة عين الأسد "
       "بعشرات الصواريخ في وقت مبكر من صباح اليوم.\nالمصدر : الجزيرة + "
       "وكالات\n",
       "Al Jazeera"},
      /* a company's copyright line: its publication the page names
      ** (data/parents.tsv), or its only one */
      {"Skip to main content\nSpace\nSearch\nStarship test flight slips to "
       "spring\nThe company said on Monday that the next test flight of its "
       "rocket would slip by several weeks.\nSpace is supported by its "
       "audience.\n\u00a9 Future US, Inc. 11 West 42nd Street, New York.\n",
       "Space.com"},
      {"Markets rally on rate hopes\nStocks rose on Tuesday as traders bet on "
       "lower interest rates later in the year, analysts said.\nWSJ Pro\n"
       "WSJ Video\nCopyright \u00a92019 Dow Jones & Company, Inc. All Rights "
       "Reserved.\n",
       "The Wall Street Journal"},
      {"Mayor quits after audit\nThe mayor resigned on Friday after an audit "
       "found that city funds had been spent on private travel.\n"
       "Copyright 2019 NYP Holdings, Inc. All Rights Reserved\n",
       "New York Post"},
      /* fa: a name written with a zero-width non-joiner (ورزش‌سه) */
      {"سرمربی جدید تیم ملی از دستیار اول خود رونمایی کرد.\n\nبه گزارش "
       "\"ورزش\xE2\x80\x8Cسه\"، سرمربی تیم ملی بامداد امروز وارد تهران شد و "
       "قرار است از امروز فعالیت خود را آغاز کند.\n",
       "Varzesh3"},
      /* ru: a "Источник:" credit */
      {"Путин провел встречу с министрами\nПрезидент провел совещание с "
       "членами правительства, обсудив вопросы бюджета на ближайшие годы.\n"
       "Источник: ТАСС\n",
       "TASS"},
      /* the site's copyright line, not a credit of a part of the page
      ** printed after it (a caption's "© Reuters", "Sports data ©
      ** STATS 2018") */
      {"Moon dust found in old samples\nScientists said on Monday that a "
       "box of samples kept for fifty years held grains of moon dust.\n"
       "\u00a9 ScienceAlert Pty Ltd. All rights reserved.\n"
       "A rover on the surface.\n\u00a9 Reuters\n"
       "Sports data \u00a9 STATS 2018\n",
       "ScienceAlert"},
      /* a company's publication named by a site template ("VG247
      ** newsletter!") wins over a sister site in the network's footer */
      {"VG247 newsletter!\nSony confirms new handheld\nSony said on "
       "Tuesday that a new handheld console would go on sale next year in "
       "Japan and Europe.\nOur network\nEurogamer\nThis site \u00a9 2018 "
       "Gamer Network. All Rights Reserved.\n",
       "VG247"},
      /* a site's address printed twice, its name nowhere; a copyright
      ** line naming the site's designer gives no outlet, nor a menu word
      ** that opens the page and recurs ("Iklan", an advertisement) */
      {"Iklan\nBeranda\nState swim results\nIklan\nThe state swimming "
       "championship ended on Saturday with two new records in the pool.\n"
       "E-Mail: stats@catchitkansas.com\nIklan\n"
       "Copyright \u00a9 2002-2019 - Designed by Gray Digital Media\n"
       "catchitkansas.com/a?a=474349633\n",
       "catchitkansas.com"},
      /* a company no table knows: the site the page names as its title
      ** ("X is part of H", H the copyright holder), the site's name that
      ** site templates give when a legal form follows the holder
      ** ("Ziff Davis, LLC"), the holder's own name without its company
      ** words where the page prints it alone, a brand opening three
      ** distinct sections (not an all-capitals heading, not one section
      ** printed three times) */
      {"Skip to main content\nHarbor Daily\nSearch\nTides reach a record\n"
       "The harbour saw its highest tide in fifty years on Sunday, the port "
       "office said.\nHarbor Daily is part of Northwind US, a digital "
       "publisher.\n\u00a9 2019 Northwind US. All rights reserved.\n",
       "Harbor Daily"},
      {"Browse Quill\nNew phone goes on sale\nBy Ann Lee, Quill Staff\nThe "
       "phone goes on sale on Friday in twelve countries, its maker said.\n"
       "Join the Quill Deals Newsletter.\n\u00a9 2019 Brightline Davis, LLC. "
       "All rights reserved.\n",
       "Quill"},
      {"Something went wrong with the connection!\nHarbor Post\nHarbor Post "
       "Shopping\nCouncil approves budget\nThe council approved the city "
       "budget on Monday after a long debate, officials said.\n\u00a9 2018 "
       "Copyright Harbor Post Media Pvt. Ltd. All Rights reserved.\n",
       "Harbor Post"},
      {"STUFF WE DID\nSTUFF TO WATCH\nSTUFF TO READ\nVB Lab\nVB Lab\nVB Lab\n"
       "KH Views\nKH Wheels\nKH Education\nRain closes schools\nHeavy rain "
       "closed schools across the district on Tuesday, officials said.\n"
       "KH Views\n\u00a9 2019 Kestrel Printing Private Ltd. All rights "
       "reserved.\n",
       "KH"},
      /* a name's first two words tie with it where they are never
      ** printed alone: the whole name */
      {"Harbor Dawgs Nation homepage\nHarbor Dawgs Nation main menu\nRain "
       "delays the opener\nRain delayed the season opener by two hours on "
       "Sunday, the league said.\nMore From Harbor Dawgs Nation\n\u00a9 2019 "
       "Northwind Media, LLC. All rights reserved.\n",
       "Harbor Dawgs Nation"},
      /* a company of data/parents.tsv whose titles the page names once,
      ** in a list of the network's sites, and no site name: no outlet
      ** (not a sister site, not the company) */
      {"Our Sites\nAbove The Law\nFashionista\nBanks cut bonuses\nBanks "
       "cut bonuses again this year as trading revenue fell, people "
       "familiar said.\n\u00a9 2019 Breaking Media Inc. All rights "
       "reserved.\n",
       ""},
      /* footers that name the holder without "©": a name, a middle dot
      ** and years; a company's name alone on its line */
      {"Blog\nHow to read with your children\nReading with children every "
       "evening builds a habit that lasts, the teacher said in an interview "
       "this week.\nHarbor Family Notes \u00b7 20132019 Keep reading with us!\n",
       "Harbor Family Notes"},
      {"Back to overview\nThe long road to digital patient records\nHospitals "
       "have talked for years about digital patient records, but most still "
       "keep their data in separate systems today.\nStatus quo\nMost "
       "records are still on paper.\nnorthwind GmbH\n"
       "Imprint\nnorthwind GmbH\n",
       "northwind"},
      /* a legal form ending the tail of a sentence wrapped at a fixed
      ** width names no holder */
      {"HARBOR RATING CUT TO 'D'\n    NEW YORK, April 13 - The rating agency "
       "said it cut the debt.\n    Reduced to D from B were the senior debt "
       "of Harbor, Getty\nOil Co, Pier Capital Co Inc, Reserve Oil and "
       "Tidewater Oil\nCo and Loop Inc.\n    Cut to D from C were the "
       "others.\n",
       ""},
      /* fa: a lead naming the agency after its desk, before its bureau's
      ** city, in quotation marks without a comma, or as the interviewing
      ** reporter's outlet; not a source cited further down the page */
      {"یک مرزبان در درگیری با اشرار مسلح به شهادت رسید.\n\nبه گزارش "
       "گروه بین‌الملل خبرگزاری فارس، یک مرزبان در درگیری با اشرار مسلح در "
       "هنگ مرزی سراوان به شهادت رسید.\n",
       "Fars"},
      {"یک مرزبان در درگیری با اشرار مسلح به شهادت رسید.\n\nبه گزارش "
       "خبرگزاری فارس از زاهدان، یک مرزبان در درگیری با اشرار مسلح در هنگ "
       "مرزی سراوان به شهادت رسید.\n",
       "Fars"},
      {"گل گهر میهمان تیم ذوب آهن است و به پیروزی نیاز دارد.\n\nبه گزارش\" "
       "ورزش سه\" مجید جلالی بعد از 5 بازی موفق با گل گهر در هفته های "
       "اخیر، باید تیمش را به مصاف ذوب آهن بفرستد.\n",
       "Varzesh3"},
      {"مدیر کل میراث فرهنگی همدان از برگزاری مراسم خبر داد.\n\nعلیرضا "
       "ایزدی در گفت‌وگو با خبرنگار خبرگزاری فارس همدان اظهار داشت: مراسم "
       "امشب برگزار می‌شود.\n",
       "Fars"},
      {"ونگر از پیروزی تیمش خوشحال است.\nآرسنال در خانه برد.\nبازی در "
       "لندن برگزار شد.\nبه گزارش خبرگزاری فرانسه از لندن، ونگر خاطر نشان "
       "کرد: ما باید این بازی را می‌بردیم.\n",
       ""},
      /* a copyright mark ending its line follows the holder */
      {"press\n\nHarbor Channel News \u00a9\n\npeople powered news \u00ae\n\n"
       "Council votes on pier\n\nThe council voted on Monday to rebuild the "
       "old ferry pier after three hours of debate, the mayor said.\n",
       "Harbor Channel News"},
      {"Council votes on pier\n\nThe council voted on Monday to rebuild the "
       "old ferry pier after three hours of debate, the mayor said.\n\nAll "
       "Rights Reserved \u00a9 2019\n",
       ""},
      /* a list's third item "(c)" is no copyright mark */
      {"EXECUTIVE ORDER\n\nSec. 2. The council voted on Monday to rebuild the "
       "old ferry pier after three hours of debate, the mayor said.\n\n(c) "
       "The Secretary of Harbors shall:\n\n(c) This order is not intended "
       "to, and does not, create any right or benefit.\n",
       ""},
      /* a writer's note at the foot names the site the page never
      ** names; a scholar's or a vague one does not */
      {"The council voted on Monday to rebuild the old ferry pier after "
       "three hours of debate, the mayor said.\n\nAnna Berg is the "
       "contributors editor for the Harbor Examiner.\n",
       "Harbor Examiner"},
      {"The council voted on Monday to rebuild the old ferry pier after "
       "three hours of debate, the mayor said.\n\nAnna Berg (@aberg) is a "
       "contributor to the Harbor Examiner's Beltway blog. She is a "
       "resident scholar at the Northwind Institute.\n\nIf you would like "
       "to write an op-ed, read our guidelines.\n",
       "Harbor Examiner"},
      {"The council voted on Monday to rebuild the old ferry pier after "
       "three hours of debate, the mayor said.\n\nAnna Berg is a resident "
       "scholar at the Northwind Institute. Bob Lee is a reporter for a "
       "local paper.\n",
       ""}};
  (void)state;
  assert_int_equal(outlet_misses(pages, sizeof pages / sizeof pages[0]), 0);
}

/* Copyright lines whose holder sits among years, dashes, a second mark
** and "All rights reserved", or is spelled as its address; a line with no
** holder gives none; a company of data/parents.tsv gives its title. */
static void test_copyright_holder_forms(void **state) {
#define BODY "Rain delays the opener\nRain delayed the season opener by " \
             "two hours on Sunday, the league said in a statement.\n"
  static const char *const pages[][2] = {
      {BODY "\u00a9 Copyright 2019, The Harbor Review | Community Guidelines "
            "| Terms of Service\n",
       "The Harbor Review"},
      {BODY "Copyright \u00a9 2000\u20142019. Harbor Ledger\n",
       "Harbor Ledger"},
      {BODY "\u00a9All Rights Reserved Harbor Institute 2019, a nonprofit "
            "organization\n",
       "Harbor Institute"},
      {BODY "\u00a9 2019 All rights reserved.\n", ""},
      {BODY "\u00a9 Harborlog.org 2003 - 2019 powered by Quill Network\n",
       "Harborlog.org"},
      {BODY "\u00a9 2000 - 2019 Harbor Bawaba (www.harborbawaba.com)\n",
       "Harbor Bawaba"},
      {BODY "\u00a9 2019 The Harbor Republic unless otherwise noted. All "
            "rights reserved.\n",
       "The Harbor Republic"},
      /* an address with a legal form after it is the site, not a
      ** company (no menu word "Motorsports" for it) */
      {"MOTORSPORTS\nMotorsports Home\n" BODY "Motorsports\nMotorsports "
       "Home\n\u00a9 2000-2018 HarborCars.com, Inc. All Rights Reserved.\n",
       "HarborCars.com"},
      {BODY "Copyright \u00a9 2019 Business Harbor Deutschland / quill.net "
            "GmbH Alle Rechte vorbehalten.\n",
       "Business Harbor Deutschland"},
      {BODY "All rights reserved \u00a9 2019 Harbor Deal is a registered "
            "Trademark of Korr Publishing Inc.\n",
       "Harbor Deal"},
      {BODY "\u00a9 1995 - 2019 by Harbor Watch\n", "Harbor Watch"},
      {BODY "\u00a9 Copyright 2011-2019 Harbor100YEN.com.\n",
       "Harbor100YEN.com"},
      {BODY "The match will now start at three.\nFans were told to stay "
            "home.\nMore from Sky News\nSky News app\n\u00a9 2019 Sky UK\n",
       "Sky News"}};
#undef BODY
  (void)state;
  assert_int_equal(outlet_misses(pages, sizeof pages / sizeof pages[0]), 0);
}

/* The outlets of e-mails: a feed item mailed by a feed reader (its body
** opens with "URL:") is the feed's, named by the From: line's display name
** (the same From: over a plain body is a writer); an article forwarded
** under its address, alone on a line over its headline, is the address's
** host's; a shared link over a signature's one name or over a sentence
** running on in lower case, a sponsor's link over a rule of dashes and the
** links of an advertisement name none. */
static void test_mail_credits(void **state) {
#define HDR(from) "From: " from "\nSubject: Weird museums of NYC\n" \
                  "Date: Sat, 05 Oct 2002 08:00:32 -0000\n\n"
  static const char *const pages[][2] = {
      /* a salutation is no dateline ("Good day, Fox,": not Fox News) */
      {HDR("Ann Lee <ann@example.org>")
       "Good day, Fox,\n\nOn Fri, 23 Aug 2002, Fox wrote:\n> I installed "
       "the new client and started using it this week.\nThanks, it works "
       "here too.\n",
       ""},
      {HDR("boingboing <rssfeeds@example.org>")
       "URL: http://boingboing.net/#85524596\nDate: Not supplied\n\n"
       "Great Village Voice story about oddball museums in New York, with a "
       "list\nof the strangest ones and where to find them.\n",
       "boingboing"},
      {HDR("boingboing <boing@example.org>")
       "Great Village Voice story about oddball museums in New York, with a "
       "list\nof the strangest ones and where to find them.\n",
       ""},
      {HDR("Rohit Khare <khare@example.edu>")
       "Congrats, in the end...\n\nhttp://www.infoworld.com/articles/ct/xml/"
       "02/09/02/020902ctspotlight.xml\n\nSecure and at ease\nBy Jack "
       "Mccarthy\n\nMAX LEVCHIN'S FASCINATION with encryption started when "
       "he was a teenager\nin Kiev, Ukraine, and continued as he immigrated "
       "to the United States.\n",
       "infoworld.com"},
      {HDR("Rob <rob@example.org>")
       "Apols if this has been posted before:\n\nhttp://www.pinkpaperclips."
       "net/subs/quiz2.html\n\nRob\n\n------------------------ Yahoo! Groups "
       "Sponsor ---------------------~-->\n4 DVDs Free +s&p Join Now\n"
       "http://us.click.yahoo.com/pt6YBB/NXiEAA/mG3HAA/7gSolB/TM\n"
       "---------------------------------------------------------------------"
       "~->\n\nTo unsubscribe from this group, send an email to:\n"
       "forteana-unsubscribe@egroups.com\n",
       ""},
      {HDR("Luis <luis@example.org>")
       "Be sure to read the followups on\nhttp://online.securityfocus.com/"
       "archive/1/286228/2002-08-03/2002-08-09/1\nwhere basically the "
       "consensus is that this is an application problem, not a Windows\n"
       "problem, and only for a certain class of applications.\n\n"
       "So, yeah, it's a new attack, but not a devastating one.\n\nLuis\n",
       ""},
      {HDR("Deals <deals@example.org>")
       "We offer the lowest rates available from nationally recognized "
       "carriers.\nhttp://hey11.lowrates-now.com/insurance/\n\nAct now and "
       "pay less!\nCLICK HERE\nhttp://hey11.lowrates-now.com/insurance/\n\n"
       "To be removed from our in-house list simply visit\n"
       "http://hey11.lowrates-now.com/removal/remove.htm\n",
       ""}};
#undef HDR
  (void)state;
  assert_int_equal(outlet_misses(pages, sizeof pages / sizeof pages[0]), 0);
}

/* Credits outside the line forms: a wire dateline in brackets with an en
** or em dash (a bracket of no known agency is none), a byline naming the
** author's site, a site address alone on the last line, a page's own
** "Subscribe to X for FREE" when nothing else names it, a "Source:"
** line whose value is a web address (its host; on the page's last lines
** too; an article's address alone on the last line), a bracket opening the paragraph without a dash (a name of an
** outlet's shape, not "(Update)"), a wire story's sign-off, and an
** outlet's own voice opening the text ("X says…", not "X says the"). */
static void test_credit_forms(void **state) {
#define PIER "The harbor council met on Monday evening to decide whether the " \
             "old ferry pier should be rebuilt or closed for good, and after " \
             "three hours of debate the members voted to rebuild it."
  static const char *const pages[][2] = {
      {"Pier to be rebuilt\n(Reuters) \u2014 " PIER "\n", "Reuters"},
      {"Pier to be rebuilt\nHARBOR CITY (AP) \u2013 " PIER "\n", "AP"},
      {"Pier to be rebuilt\n(Photo) \u2014 " PIER "\n", ""},
      /* a wire's bare dateline and "told NAME": the wire's own story;
      ** without the dateline, a quote of an interview; an unknown name
      ** told nothing */
      {"PIER TO BE REBUILT\n    HARBOR CITY, June 1 - " PIER "\n"
       "    The mayor told Reuters the work would start in May.\n",
       "Reuters"},
      {"PIER TO BE REBUILT\n    HARBOR CITY, Oct. 19 - " PIER "\n"
       "    In an interview with Reuters, the mayor said work would start.\n",
       "Reuters"},
      {"Pier to be rebuilt\n" PIER "\nThe mayor told Reuters the work would "
       "start in May.\n",
       ""},
      {"PIER TO BE REBUILT\n    HARBOR CITY, June 1 - " PIER "\n"
       "    The mayor told Harbor Radio the work would start in May.\n",
       ""},
      {"Pier to be rebuilt\nby Anna Berg \u2013 Harborblog.com\n" PIER "\n",
       "Harborblog.com"},
      {"Pier to be rebuilt\n" PIER "\nharbortimes.com\n", "harbortimes.com"},
      {"Subscribe to Harbor Free Press for FREE\nPier to be rebuilt\n" PIER
       "\n",
       "Harbor Free Press"},
      {"Pier to be rebuilt\n" PIER "\n" PIER "\n" PIER "\n" PIER "\n" PIER
       "\n" PIER "\n" PIER "\n" PIER "\n" PIER "\n" PIER "\n" PIER "\n" PIER
       "\n" PIER "\n" PIER "\n" PIER "\n" PIER "\nShare this\n"
       "Source: http://www.harborblog.com/2018/01/22/pier-to-be-rebuilt/\n",
       "harborblog.com"},
      {"Pier to be rebuilt\nSource: https://harborblog.com/pier?id=7\n" PIER
       "\n",
       "harborblog.com"},
      /* an article's address alone on the last line, its path
      ** undated; a site's home page there is none */
      {"Pier to be rebuilt\n" PIER "\nVisit HarborLive.com for more.\n"
       "Go to HarborLive.com now.\nhttp://news.harborseek.com/Harbor/"
       "1508764620.php\n",
       "news.harborseek.com"},
      {"Pier to be rebuilt\n" PIER "\nhttp://www.harborchurch.net/\n", ""},
      {"Pier to be rebuilt\n" PIER "\nFor More Information See:\n"
       "http://www.harborlist.com/news/pier-vote/1838941\n"
       "http://news.harborseek.com/Harbor/1508764620.php\n",
       ""},
      {"Pier to be rebuilt\n" PIER "\nhttps://vimeo.com/ondemand/pier12\n",
       ""},
      {"Pier to be rebuilt\n(HarborNews) " PIER "\n", "HarborNews"},
      {"Pier to be rebuilt\n(Update) " PIER "\n", ""},
      {"PIER TO BE REBUILT\n    HARBOR CITY, March 3 - " PIER "\n REUTER\n",
       "Reuters"},
      {"Pier to be rebuilt\n21st Harbor Wire says\xE2\x80\xA6 " PIER
       "\n",
       "21st Harbor Wire"},
      {"Pier to be rebuilt\nValley Wire says the " PIER "\n", ""},
      /* a writer's plea for their own site at the foot of a republished
      ** post; the addresses under it are references */
      {"Pier to be rebuilt\nBy Anna Berg\n" PIER "\n" PIER "\n"
       "Subscribe to My Website at: www.AnnaBerg.News\n"
       "For More Information See:\nhttps://harborcouncil.org/minutes/2017\n"
       "https://harborcouncil.org/\n",
       "AnnaBerg.News"},
      {"Pier to be rebuilt\n" PIER "\nMy website is down this week.\n", ""}};
#undef PIER
  (void)state;
  assert_int_equal(outlet_misses(pages, sizeof pages / sizeof pages[0]), 0);
}

/* Arabic bylines under the headline: a city, a reporter, the paper's
** short name (a common word the alias table marks ambiguous), the agency
** it carries; the city never an outlet; a paper's link to the story at
** its foot.  The paper is the outlet, the agency beside it the
** original. */
static void test_arabic_bylines(void **state) {
#define HEAD "افتتاح مركز صحي جديد في الحي الشرقي\n"
#define BODY "افتتح مدير الشؤون الصحية مركزا صحيا جديدا في الحي الشرقي " \
             "أمس، ويخدم المركز أكثر من عشرين ألف نسمة من سكان الأحياء " \
             "المجاورة بحسب بيان صادر عن المديرية.\n"
  static const char *const pages[][2] = {
      {HEAD "اليوم - الدمام\n\n" BODY, "Al Yaum"},
      {HEAD "عدن: واس\n\n" BODY, "SPA"},
      {HEAD "الرياض : واس\n\n" BODY, "SPA"},
      {HEAD "أبها -الوئام: " BODY, "Al-Weeam"},
      {HEAD "القاهرة - الجزيرة - وكالات:\n\n" BODY, "Al Jazirah"},
      {HEAD "عبدالله السالم- سبق- جدة:\n\n" BODY, "Sabq"},
      {HEAD "\xC2\xA0عكاظ (جدة)\n\n" BODY, "Okaz"},
      {HEAD "«الاقتصادية» من الرياض\n\n" BODY, "Al Eqtisadiah"},
      {HEAD "لندن: «الشرق الأوسط»\n\n" BODY, "Asharq Al-Awsat"},
      {HEAD "المدينة - جدة\n\n" BODY, "Al Madina"},
      {HEAD "المدينة - وكالات\n\n" BODY, "Al Madina"},
      {HEAD "Next Previous سعد الحربي \xE2\x80\x93 \xC2\xA0عين اليوم "
            "\xC2\xA0 \xC2\xA0 \xC2\xA0" BODY,
       "Ain Alyoum"},
      /* a city and a reporter: no outlet; «المدينة» alone is Medina */
      {HEAD "الرياض - محمد العتيبي\n\n" BODY, ""},
      {HEAD "قباس الفهد (بيشة)\n\n" BODY, ""},
      {HEAD "سعد الحربي - المدينة\n\n" BODY, ""},
      /* a sentence naming a channel before a colon, under the lead: no
      ** byline */
      {HEAD BODY "وقال الوزير لقناة (سكاي نيوز عربية) الإخبارية: إن المركز "
                 "سيعمل على مدار الساعة طوال أيام الأسبوع.\n",
       ""},
      /* the paper's link at its foot */
      {HEAD BODY "رابط الخبر بصحيفة الوئام: افتتاح مركز صحي جديد\n",
       "Al-Weeam"}};
  static const struct {
    const char *page, *outlet, *original, *source;
  } both[] = {
      {HEAD "الجزيرة - واس:\n\n" BODY, "Al Jazirah", "SPA", "byline"},
      {HEAD "الوئام - رويترز:\n\n" BODY, "Al-Weeam", "Reuters", "byline"},
      {HEAD "واس - جدة\n\n" BODY, "SPA", NULL, "masthead"}};
  hs_aliases *al = NULL;
  size_t i;
#undef HEAD
#undef BODY
  (void)state;
  assert_int_equal(outlet_misses(pages, sizeof pages / sizeof pages[0]), 0);
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  for (i = 0; i < sizeof both / sizeof both[0]; i++) {
    hs_meta m;
    hs_corpus *c = page_meta(both[i].page, al, &m);
    assert_non_null(m.outlet.value);
    assert_string_equal(m.outlet.value, both[i].outlet);
    assert_non_null(m.outlet_source);
    assert_string_equal(m.outlet_source, both[i].source);
    if (both[i].original) {
      assert_non_null(m.original.value);
      assert_string_equal(m.original.value, both[i].original);
    } else {
      assert_null(m.original.value);
    }
    hs_meta_clear(&m);
    hs_corpus_free(c);
  }
  hs_aliases_free(al);
}

/* An HTML page without a URL names its site in its markup: the tail cut
** from its title, og:site_name, twitter:site, a copyright footer, the
** logo's alt text; each read through the alias table ("BBC News" is BBC),
** the same in meta and hs_doc_outlet. */
static void test_html_site(void **state) {
  static const char *const pages[][3] = {
      {"<html><head><title>Floods close schools - BBC News</title></head>"
       "<body><h1>Floods close schools</h1><p>Schools across the state were "
       "closed on Thursday as heavy rains continued, officials said, and "
       "more than fifty thousand people were moved to camps.</p></body>"
       "</html>",
       "BBC", "Floods close schools"},
      {"<html><head><title>Visa rules eased</title><meta property="
       "\"og:site_name\" content=\"Al Arabiya English\"></head><body><h1>"
       "Visa rules eased</h1><p>The kingdom will open its doors to foreign "
       "tourists for the first time, the tourism authority announced on "
       "Friday, as it seeks to diversify its economy.</p></body></html>",
       "Al Arabiya", "Visa rules eased"},
      {"<html><head><title>Oil prices climb</title><meta name=\"twitter:site"
       "\" content=\"@Reuters\"></head><body><h1>Oil prices climb</h1><p>Oil "
       "prices rose on Thursday after producers pledged additional cuts to "
       "their output, analysts said in notes to clients.</p></body></html>",
       "Reuters", "Oil prices climb"},
      {"<html><head><title>Roads flooded in Akkar</title></head><body><h1>"
       "Roads flooded in Akkar</h1><p>Heavy rain flooded roads across the "
       "Akkar district on Sunday, civil defence officials said, and the "
       "water reached the first floors of homes.</p><footer>Copyright \xc2\xa9 "
       "2019 Cedar Daily Wire. All rights reserved.</footer></body></html>",
       "Cedar Daily Wire", "Roads flooded in Akkar"},
      {"<html><head><title>Talks resume in Geneva</title></head><body><div "
       "class=\"site-logo\"><img src=\"/a.png\" alt=\"Middle East Eye\"></div>"
       "<h1>Talks resume in Geneva</h1><p>Delegations met again on Monday "
       "after a pause of three weeks, diplomats said, with a new agenda "
       "agreed by both sides.</p></body></html>",
       "Middle East Eye", "Talks resume in Geneva"}};
  hs_aliases *al = NULL;
  size_t i;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    hs_article *a = NULL;
    hs_corpus *c = hs_corpus_new();
    hs_meta m;
    char *extra, *o;
    assert_int_equal(hs_web_extract(pages[i][0], strlen(pages[i][0]), NULL,
                                    NULL, NULL, NULL, "p", &a, NULL),
                     HS_OK);
    extra = hs_article_extra_json(a);
    assert_int_equal(hs_corpus_add(c, "p.html", a->text, a->len, a->outlet,
                                   a->date, a->title, a->url, extra, "p.html",
                                   0, NULL), HS_OK);
    assert_int_equal(hs_meta_extract(hs_corpus_doc(c, 0), al, NULL, &m, NULL),
                     HS_OK);
    if (!m.outlet.value || strcmp(m.outlet.value, pages[i][1]))
      fail_msg("page %zu: outlet %s", i, m.outlet.value ? m.outlet.value : "-");
    assert_string_equal(m.outlet_source, "html");
    if (!m.title.value || strcmp(m.title.value, pages[i][2]))
      fail_msg("page %zu: title %s", i, m.title.value ? m.title.value : "-");
    o = hs_doc_outlet(hs_corpus_doc(c, 0), al);
    assert_non_null(o);
    assert_string_equal(o, pages[i][1]);
    free(o);
    free(extra);
    hs_meta_clear(&m);
    hs_article_free(a);
    hs_corpus_free(c);
  }
  hs_aliases_free(al);
}

/* The folder rule is for a folder of files: a JSONL record's path-like id
** ("bbc/business/041") and a folder named by a date name no outlet; a
** SaudiNewsNet address names its outlet through the alias table, and a
** Varzesh3 address wins over the agency whose interview it republishes. */
static void test_outlet_folder_url(void **state) {
  static const char body[] =
      "Quarterly profits jumped at the firm, the company said on Monday in a "
      "long statement to investors.\n";
  hs_corpus *c = hs_corpus_new();
  hs_aliases *al = NULL;
  char *o;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  assert_int_equal(hs_corpus_add(c, "bbc/business/041", body, strlen(body),
                                 NULL, NULL, NULL, NULL, NULL, "a.jsonl", 7,
                                 NULL), HS_OK);
  assert_int_equal(hs_corpus_add(c, "pages/2015-07-22/x.txt", body,
                                 strlen(body), NULL, NULL, NULL, NULL, NULL,
                                 NULL, 0, NULL), HS_OK);
  assert_int_equal(hs_corpus_add(c, "s/2015-07-22/01523", body, strlen(body),
                                 NULL, NULL, NULL,
                                 "http://www.alweeam.com.sa/348531/x/", NULL,
                                 "b.jsonl", 3, NULL), HS_OK);
  assert_int_equal(hs_corpus_add(c, "s/2015-07-25/00077", body, strlen(body),
                                 NULL, NULL, NULL,
                                 "http://www.3alyoum.com/news/local/a/x/",
                                 NULL, "b.jsonl", 4, NULL), HS_OK);
  /* a page with its own address: an interview's outlet is the
  ** agency's it republishes, the address names the site */
  {
    static const char fa[] =
        "سرمربی تیم فوتبال نفت آبادان گفت: ایمان داریم که در لیگ برتر "
        "باقی می ماند.\n\nآلفردو کاسیمیرو در گفتگو با خبرنگار مهر اظهار "
        "کرد: برخی بازیکنان مشکل بدنی دارند.\n";
    assert_int_equal(hs_corpus_add(c, "v/1", fa, strlen(fa), NULL, NULL, NULL,
                                   "https://www.varzesh3.com/news/989480",
                                   NULL, "c.jsonl", 1, NULL), HS_OK);
  }
  o = hs_doc_outlet(hs_corpus_doc(c, 4), al);
  assert_non_null(o);
  assert_string_equal(o, "Varzesh3");
  free(o);
  assert_null(hs_doc_outlet(hs_corpus_doc(c, 0), al));
  assert_null(hs_doc_outlet(hs_corpus_doc(c, 1), al));
  o = hs_doc_outlet(hs_corpus_doc(c, 2), al);
  assert_non_null(o);
  assert_string_equal(o, "Al-Weeam");
  free(o);
  o = hs_doc_outlet(hs_corpus_doc(c, 3), al);
  assert_non_null(o);
  assert_string_equal(o, "Ain Alyoum");
  free(o);
  hs_aliases_free(al);
  hs_corpus_free(c);
}

/* Shapes that look like a site's name and are not: a columnist's name
** over an Arabic opinion piece and in its title (a script without
** capitals shows no masthead by its shape), lines of one no-break space;
** an English masthead printed three times still names the site. */
static void test_no_site_name(void **state) {
  static const char *const pages[][2] = {
      {"ناصر الجديع: من أنتم ؟!\n\n ناصر الجديع\nمنذ زمن طويل طالبنا اتحاد "
       "القدم بتقديم نبذة مختصرة عن كل شخصية يتم تكليفها بمنصب رياضي في أحد "
       "لجانه.\n",
       ""},
      {"Council approves budget\n\u00a0\nThe council approved the city "
       "budget on Monday after a long debate.\n\u00a0\nOfficials said the "
       "vote was close.\n\u00a0\n",
       ""},
      {"Harbor Ledger\nCouncil approves budget\nThe council approved the "
       "city budget on Monday after a long debate.\nHarbor Ledger\nRead "
       "more in Harbor Ledger\n",
       "Harbor Ledger"},
  };
  size_t i;
  hs_aliases *al = NULL;
  (void)state;
  assert_int_equal(outlet_misses(pages, sizeof pages / sizeof pages[0]), 0);
  /* the same pages through the whole page reader */
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    hs_meta m;
    hs_corpus *c = page_meta(pages[i][0], al, &m);
    if (*pages[i][1]) {
      assert_non_null(m.outlet.value);
      assert_string_equal(m.outlet.value, pages[i][1]);
    } else {
      assert_null(m.outlet.value);
    }
    hs_meta_clear(&m);
    hs_corpus_free(c);
  }
  hs_aliases_free(al);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_outlet_name_forms),
      cmocka_unit_test(test_copyright_holder_forms),
      cmocka_unit_test(test_credit_forms),
      cmocka_unit_test(test_arabic_bylines),
      cmocka_unit_test(test_mail_credits),
      cmocka_unit_test(test_html_site),
      cmocka_unit_test(test_outlet_folder_url),
      cmocka_unit_test(test_no_site_name),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
