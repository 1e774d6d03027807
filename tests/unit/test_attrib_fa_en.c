/*
** test_attrib_fa_en.c — Persian and English forms of reporting that the
** attribution reader follows, one sentence a rule: the present tense
** with «می» written apart, an object opening with «این» before «را»,
** «همچنین» between subject and verb, a cue right after a comma whose
** subject opens the sentence, «شاید», «اگر» opening no subject, the place
** after «استان» past the word limit, a demonstrative's noun or the object
** before «را» as no subject, quantifiers alone; English "reported by" as
** a participle, an amount before a name, documents as back-references.
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
#include "attrib_cases.h"

static const attrib_case cases[] = {
    /* «می» written apart from the verb */
    {"مسعود حسن زاده می گوید کاوه رضایی زحمت زیادی کشیده است.",
     "مسعود حسن زاده", HS_SRC_PERSON, 0},
    {"سخنگوی باشگاه این شایعه را تکذیب می‌ کند.", "سخنگوی باشگاه",
     HS_SRC_OFFICIAL, 0},
    /* «همچنین» ends the subject */
    {"سخنگوی وزارت امور خارجه کره شمالی همچنین تصریح کرد: مذاکرات ادامه "
     "دارد.",
     "سخنگوی وزارت امور خارجه کره شمالی", HS_SRC_OFFICIAL, 0},
    /* the place after «استان» past the word limit */
    {"معاون پژوهش و نیروی انسانی اداره کل آموزش و پرورش استان اصفهان گفت: "
     "نیروی انسانی مهم است.",
     "معاون پژوهش و نیروی انسانی اداره کل آموزش و پرورش استان اصفهان",
     HS_SRC_OFFICIAL, 0},
    /* «با بیان این مطلب»: "stating this", no subject */
    {"با بیان این مطلب افزود: فدراسیون باید مبالغی را پرداخت کند.", NULL, -1,
     0},
    /* a quantifier alone */
    {"یکی از همرزمان شهید گفت: او شجاع بود.", NULL, -1, 0},
    /* an office named in the lede types the person in the body */
    {"دبیر هیئت ورزشی هندبال استان گفت: مسابقات برگزار می‌شود.",
     "دبیر هیئت ورزشی هندبال استان", HS_SRC_OFFICIAL, 0},
    /* a cue right after a comma: its subject opens the sentence, before
    ** «در» and the clause that tells of the occasion ... */
    {"علی پروین در گفت‌وگویی کوتاه با فارس، اظهار داشت: من درخواستی نکردم.",
     "علی پروین", -1, 0},
    {"محمد حسین جعفری در مورد اینکه باشگاه چه زمانی تصمیم می‌گیرد، اظهار "
     "داشت: جلسه برگزار می‌شود.",
     "محمد حسین جعفری", -1, 0},
    {"حمید زینی‌زاده در گفت‌وگو با خبرنگار ایسنا، درباره احتمال حضور "
     "برهانی اظهار کرد: مذاکره‌ای نداشته‌ام.",
     "حمید زینی‌زاده", -1, 0},
    /* ... but «ترک گفت» (left) is no statement */
    {"گرت بیل، روز سه شنبه در دقیقه 27، از ناحیه ساق پای چپ دچار مصدومیت "
     "شد و زمین بازی را ترک گفت.",
     NULL, -1, 0},
    /* ... with an office's list of fields after a comma */
    {"وزیر صنعت، معدن و تجارت درباره برخی ادعاها، گفت: تولید باید افزایش "
     "یابد.",
     "وزیر صنعت، معدن و تجارت", HS_SRC_OFFICIAL, 0},
    /* ... and none where a number follows the first words (an epithet) */
    {"مربی 58 ساله «گرگ‌ها» که در این جدال از دژاگه استفاده کرد، افزود: "
     "خوب بودیم.",
     NULL, -1, 0},
    /* «شاید», «اگر» open a clause of another kind, never a subject */
    {"شاید اگر پیش از بازی به هواداران بایرن مونیخ می گفتند که این تیم "
     "می‌برد، باور نمی‌کردند.",
     NULL, -1, 0},
    /* "reported by": a participle, no cue */
    {"The total cost of fraud reported by consumers was $546m.", NULL, -1, 0},
    /* an amount before the name */
    {"Baikal paid far less than the $27bn Russia says Yukos owes.", "Russia",
     -1, 0},
    /* ... but a name may open with a number */
    {"In a radio interview on Monday, 50 Cent said the newcomer was "
     "disloyal.",
     "50 Cent", -1, 0},
    /* a document is a back-reference */
    {"The minister was isolated, according to the book.", "the book", -1, 1},
};

static void test_attrib_forms(void **state) {
  (void)state;
  check_attrib_cases(cases, sizeof cases / sizeof cases[0]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_attrib_forms),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
