/*
** test_attrib_ar.c — the Arabic grammar of reporting that the attribution
** reader follows, one sentence a rule: the subject after a verb cue and
** where it ends («أن» with a pronoun, «وهو», a verbal noun or a greeting
** opening the object, an office in apposition after a name), cues that are
** no cue (a verbal noun after a preposition, "according to" a rule or a
** measure), «بحسب ما» with its verb, «أن» past «في تصريح لـ...», «في»
** and a place or body inside the source but not its occasion, a derived
** verb's masdar opening the object (forms_ar.c), «عبر», ranks, long
** titles before a name, and the types and back-references these give.
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
    /* «أن» with an attached pronoun opens the statement: no subject */
    {"وأضاف أننا كرجال أمن نحمل أرواحنا على أكفنا.", NULL, -1, 0},
    /* «وهو» opens an apposition clause; its office types the name */
    {"وقال محمد الحجازي وهو متحدث باسم خليفة حفتر إن الهجوم استهدف سفينة.",
     "محمد الحجازي", HS_SRC_OFFICIAL, 0},
    /* a verbal noun after the subject opens the object */
    {"وأوضح الناطق الإعلامي بصحة الطائف عيضة الهذلي وقوع حادث انقلاب.",
     "الناطق الإعلامي بصحة الطائف عيضة الهذلي", HS_SRC_OFFICIAL, 0},
    {"وأعلن تنظيم داعش مسؤوليته عن التفجير.", "تنظيم داعش", -1, 0},
    /* a verb cue after a preposition is a verbal noun */
    {"وتم تشكيل فريق عمل للعمل على كشف هويتهما لضبطهما.", NULL, -1, 0},
    /* greetings conveyed are no statement */
    {"ونقل نائب خادم الحرمين الشريفين تعازي خادم الحرمين الشريفين لأسر "
     "الشهداء.",
     NULL, -1, 0},
    /* "according to" an agreement, a measure, a calendar: no source */
    {"وتنطبق عليهم الضوابط وفقا للاتفاقية الموقعة بين البلدين.", NULL, -1, 0},
    {"فينخسف خسوفا جزئيا أو كليا حسب مقدار الجزء الذي دخل في الظل.", NULL,
     -1, 0},
    {"بنهاية تداول يوم الخميس (حسب تقويم أم القرى) الموافق 20 أغسطس.", NULL,
     -1, 0},
    /* «بحسب ما» and a reporting verb: the source after the verb */
    {"وتم إغلاق المكتب بحسب ما أعلنت وزارة العمل.", "وزارة العمل",
     HS_SRC_OFFICIAL, 0},
    /* «أن» after «في تصريح لـ...»: «وبين» is a cue */
    {"وبين دبوان في تصريح ل\"الرياض\" أن المساكن جاهزة.", "دبوان", -1, 0},
    /* «في» and a place or body inside the source; «في» and the statement's
    ** occasion after it */
    {"وأعلنت السلطات الأمنية في السعودية أمس القبض على 431 شخصا.",
     "السلطات الأمنية في السعودية", -1, 0},
    {"وأكد مصدر مسؤول في الفريق الشبابي أنه لا توجد نية للتعاقد.",
     "مصدر مسؤول في الفريق الشبابي", -1, 0},
    {"وقالت وزارة الخارجية الامريكية في بيان ان القرارات مخيبة.",
     "وزارة الخارجية الامريكية", -1, 0},
    {"وأوضح المالكي في تصريحات له اليوم أن الاجتماع تأجل.", "المالكي", -1,
     0},
    /* a derived verb's masdar after a definite word opens the object */
    {"وأعلنت الحكومة الصينية توسيع نطاق خدمات التأمين الصحي.",
     "الحكومة الصينية", -1, 0},
    {"وأعلنت شركة المياه الوطنية الانتهاء من تنفيذ التوسعة.",
     "شركة المياه الوطنية", -1, 0},
    /* ... not a word of that shape once its article is off («العام»), nor
    ** a definite participle that agrees («المشاركة») */
    {"قال المدير العام للسجون اللواء إبراهيم الحمزي إن المسجد آمن.",
     "المدير العام للسجون اللواء إبراهيم الحمزي", -1, 0},
    {"وقالت الهيئة الملكية المشاركة في التنظيم إن الحفل تأجل.",
     "الهيئة الملكية المشاركة في التنظيم", -1, 0},
    /* a rank before the name; the name after a title is three words, one
    ** more for «بن» */
    {"وأوضح نائب المتحدث الرسمي بمديرية الدفاع المدني بمنطقة الحدود "
     "الشمالية الرائد عبدالرحمن محمد الأحمري فرق الدفاع المدني باشرت.",
     "نائب المتحدث الرسمي بمديرية الدفاع المدني بمنطقة الحدود الشمالية "
     "الرائد عبدالرحمن محمد الأحمري",
     HS_SRC_OFFICIAL, 0},
    /* «عبر» (by way of) ends the subject */
    {"وأوضحت شركة زيمبيريوم عبر مدونتها الالكترونية أن الثغرة خطيرة.",
     "شركة زيمبيريوم", -1, 0},
    /* an office in apposition after a name, no comma: cut, and typing it */
    {"وقال جيم كرافت قائد الشرطة في لافايت إن شخصين قتلا.", "جيم كرافت",
     HS_SRC_OFFICIAL, 0},
    /* ... not where an honorific opens the source */
    {"وأوضح معالي رئيس ديوان المظالم رئيس مجلس القضاء الإداري أن المحاكم "
     "جاهزة.",
     "معالي رئيس ديوان المظالم رئيس مجلس القضاء الإداري", HS_SRC_OFFICIAL, 0},
    /* a long office, a title and the name after it past the word limit */
    {"وصرح الناطق الإعلامي بشرطة منطقة مكة المكرمة العقيد دكتور عاطي بن عطيه "
     "القرشي بأن الشرطة رصدت المقطع.",
     "الناطق الإعلامي بشرطة منطقة مكة المكرمة العقيد دكتور عاطي بن عطيه "
     "القرشي",
     HS_SRC_OFFICIAL, 0},
    /* ... and no further than the name */
    {"أكد الناطق الإعلامي بقيادة حرس الحدود بمنطقة المدينة المنورة العقيد "
     "شبنان بن مبارك القرني تعدد الحوادث خلال أيام العيد.",
     "الناطق الإعلامي بقيادة حرس الحدود بمنطقة المدينة المنورة العقيد "
     "شبنان بن مبارك القرني",
     HS_SRC_OFFICIAL, 0},
    /* the authorities named before */
    {"وقالت السلطات المعنية إن سبعة أشخاص أصيبوا.", "السلطات المعنية", -1,
     1},
    /* a profession before a name: a person */
    {"وأوضحت المصورة نجلاء أن المسابقة من أكبر المسابقات.", "المصورة نجلاء",
     HS_SRC_PERSON, 0},
    /* an office after a semicolon */
    {"من جهته، أكد سعد العفالق؛ نائب رئيس النادي، أن المعسكر يسير بالشكل "
     "المخطط له.",
     "سعد العفالق", HS_SRC_OFFICIAL, 0},
    /* a definite head with its complement opens the source */
    {"وقال المشرف على الفعالية: إن البرنامج نجح.", "المشرف على الفعالية",
     -1, 0},
};

/* A surname repeated after the full name keeps the type the apposition
** gave it. */
static void test_attrib_ar_surname(void **state) {
  static const char t[] =
      "وقال عارف الغازي المتحدث الرسمي لصحة حائل إن الحادث وقع. وأكد الغازي "
      "أن التحقيق مستمر.";
  hs_attribution *a = NULL;
  size_t n = 0;
  (void)state;
  assert_int_equal(hs_attrib_extract(t, strlen(t), NULL, &a, &n, NULL), HS_OK);
  assert_int_equal(n, 2);
  assert_string_equal(a[0].source, "عارف الغازي");
  assert_string_equal(a[1].source, "الغازي");
  assert_int_equal(a[0].type, HS_SRC_OFFICIAL);
  assert_int_equal(a[1].type, HS_SRC_OFFICIAL);
  hs_attributions_free(a, n);
}

static void test_attrib_ar_cases(void **state) {
  (void)state;
  check_attrib_cases(cases, sizeof cases / sizeof cases[0]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_attrib_ar_cases),
      cmocka_unit_test(test_attrib_ar_surname),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
