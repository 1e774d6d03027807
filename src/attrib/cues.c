/*
** cues.c — the per-language tables of the attribution extractor: cues,
** the words that end a source, pronouns, type keywords and denial words.
** Kept apart from attrib.c so that a language is extended by editing
** tables only (docs/sources.md lists them, one table per language).
*/
#include <string.h>

#include "attrib/attrib_int.h"

/* Cue tables, per language.  text is matched at a word start, ASCII
** case-insensitively; F_ATTACHED cues may run into the next word (the
** Arabic preposition «لـ» is written joined: «وفقا لوكالة»).
**
**   en: said, says, told, reported, reports, stated, announced, added,
**       claimed, confirmed, noted, wrote, quoted, according to, citing,
**       quoting, as quoted by, quoted as saying by, as reported by, cited
**       by, Source:, denied,
**       has denied, denies, rejected, dismissed, refuted, called the
**       allegations / claims / reports
**   ar: قال، وقال، ذكرت، وذكرت، ذكر، أفادت، وأفادت، أفاد، وأفاد، أعلنت، أعلن،
**       أكد، أكدت، صرح، أضاف، أضافت، أوضح، أوضحت، أشار، أشارت، كشف، كشفت،
**       تابع، نقلت، نقلت A عن B قوله، كما نقلت عنه، نقلا عن، نقلاً عن، وفقا لـ،
**       وفقاً لـ، بحسب، حسب، طبقا لـ، استنادا إلى، نفى، نفت، رفض، رفضت، كذب،
**       المصدر: (each also with the conjunction و)
**   fa: به گزارش، به نقل از، طبق گزارش، بنا بر گزارش، گفت، گفتند، اعلام کرد،
**       اعلام کردند، گزارش داد، گزارش دادند، نوشت، تصریح کرد، خاطرنشان کرد،
**       عنوان کرد، اظهار داشت، افزود، تکذیب کرد، (را) «بی‌اساس» خواند،
**       (را) «نادرست» خواند (also without «»)، منبع:
*/
const cue_row hs_attr_cues[] = {
    {"en", "quoted as saying by", AFTER, 0},
    {"en", "as quoted by", AFTER, F_CITING | F_REVERSE},
    {"en", "as cited by", AFTER, F_CITING | F_REVERSE},
    {"en", "relying on data from", AFTER, F_CITING},
    {"en", "relying on", AFTER, F_CITING},
    {"en", "citing information received from", AFTER, F_CITING},
    {"en", "citing information from", AFTER, F_CITING},
    {"en", "citing data from", AFTER, F_CITING},
    {"en", "citing reports from", AFTER, F_CITING},
    {"en", "citing from", AFTER, F_CITING},
    {"en", "were published by", AFTER, 0},
    {"en", "was published by", AFTER, 0},
    {"en", "were released by", AFTER, 0},
    {"en", "was released by", AFTER, 0},
    {"en", "as reported by", AFTER, F_CITING | F_REVERSE},
    {"en", "according to", AFTER, 0},
    {"en", "citing", AFTER, F_CITING},
    {"en", "quoting", AFTER, F_CITING},
    {"en", "cited by", AFTER, F_CITING | F_REVERSE},
    {"en", "source:", AFTER, F_LINESTART},
    {"en", "sources:", AFTER, F_LINESTART},
    {"en", "has denied", BEFORE, F_DENIAL},
    {"en", "have denied", BEFORE, F_DENIAL},
    {"en", "denied", BEFORE, F_DENIAL},
    {"en", "denies", BEFORE, F_DENIAL},
    {"en", "rejected", BEFORE, F_DENIAL},
    {"en", "dismissed", BEFORE, F_DENIAL},
    {"en", "refuted", BEFORE, F_DENIAL},
    {"en", "called the allegations", BEFORE, F_DENIAL},
    {"en", "called the claims", BEFORE, F_DENIAL},
    {"en", "called the reports", BEFORE, F_DENIAL},
    {"en", "said", BEFORE, F_INVERT},
    {"en", "says", BEFORE, F_INVERT},
    {"en", "told", BEFORE, 0},
    {"en", "has reported", BEFORE, 0},
    {"en", "reported", BEFORE, 0},
    {"en", "stated", BEFORE, 0},
    {"en", "announced", BEFORE, 0},
    {"en", "added", BEFORE, F_INVERT},
    {"en", "claimed", BEFORE, 0},
    {"en", "confirmed", BEFORE, 0},
    {"en", "noted", BEFORE, 0},
    {"en", "wrote", BEFORE, 0},
    {"en", "quoted", BEFORE, 0},
    {"ar", "كما نقلت عنه", AFTER, F_CITING | F_REVERSE},
    {"ar", "كما نقلت عنها", AFTER, F_CITING | F_REVERSE},
    {"ar", "كما نقل عنه", AFTER, F_CITING | F_REVERSE},
    {"ar", "ونقلت", AFTER, 0},
    {"ar", "نقلت", AFTER, 0},
    {"ar", "ونقل", AFTER, 0},
    {"ar", "نقلا عن", AFTER, F_CITING},
    {"ar", "نقلاً عن", AFTER, F_CITING},
    {"ar", "وفقا لـ", AFTER, F_ATTACHED},
    {"ar", "وفقاً لـ", AFTER, F_ATTACHED},
    {"ar", "وفقا ل", AFTER, F_ATTACHED},
    {"ar", "وفقاً ل", AFTER, F_ATTACHED},
    {"ar", "طبقا لـ", AFTER, F_ATTACHED},
    {"ar", "طبقا ل", AFTER, F_ATTACHED},
    {"ar", "استنادا إلى", AFTER, 0},
    {"ar", "بحسب", AFTER, 0},
    {"ar", "حسب", AFTER, 0},
    {"ar", "وبحسب", AFTER, 0},
    {"ar", "المصدر:", AFTER, F_LINESTART},
    {"ar", "نفى", AFTER, F_DENIAL},
    {"ar", "ونفى", AFTER, F_DENIAL},
    {"ar", "نفت", AFTER, F_DENIAL},
    {"ar", "ونفت", AFTER, F_DENIAL},
    {"ar", "رفض", AFTER, F_DENIAL},
    {"ar", "رفضت", AFTER, F_DENIAL},
    {"ar", "كذبت", AFTER, F_DENIAL},
    {"ar", "وقال", AFTER, 0},
    {"ar", "قال", AFTER, 0},
    {"ar", "وقالت", AFTER, 0},
    {"ar", "قالت", AFTER, 0},
    {"ar", "وذكرت", AFTER, 0},
    {"ar", "ذكرت", AFTER, 0},
    {"ar", "وذكر", AFTER, 0},
    {"ar", "ذكر", AFTER, 0},
    {"ar", "وأفادت", AFTER, 0},
    {"ar", "أفادت", AFTER, 0},
    {"ar", "افادت", AFTER, 0},
    {"ar", "أفاد", AFTER, 0},
    {"ar", "وأعلنت", AFTER, 0},
    {"ar", "أعلنت", AFTER, 0},
    {"ar", "وأعلن", AFTER, 0},
    {"ar", "أعلن", AFTER, 0},
    {"ar", "وأكد", AFTER, 0},
    {"ar", "أكد", AFTER, 0},
    {"ar", "أكدت", AFTER, 0},
    {"ar", "وصرح", AFTER, 0},
    {"ar", "صرح", AFTER, 0},
    {"ar", "وأضاف", AFTER, 0},
    {"ar", "أضاف", AFTER, 0},
    {"ar", "وأضافت", AFTER, 0},
    {"ar", "أضافت", AFTER, 0},
    {"ar", "وأفاد", AFTER, 0},
    {"ar", "وأوضح", AFTER, 0},
    {"ar", "أوضح", AFTER, 0},
    {"ar", "وأوضحت", AFTER, 0},
    {"ar", "أوضحت", AFTER, 0},
    {"ar", "وأشار", AFTER, 0},
    {"ar", "أشار", AFTER, 0},
    {"ar", "وأشارت", AFTER, 0},
    {"ar", "أشارت", AFTER, 0},
    {"ar", "وكشف", AFTER, 0},
    {"ar", "كشف", AFTER, 0},
    {"ar", "وكشفت", AFTER, 0},
    {"ar", "كشفت", AFTER, 0},
    {"ar", "وتابع", AFTER, 0},
    {"ar", "وأكدت", AFTER, 0},
    {"fa", "به گزارش", AFTER, 0},
    {"fa", "به نقل از", AFTER, F_CITING},
    {"fa", "طبق گزارش", AFTER, 0},
    {"fa", "بنا بر گزارش", AFTER, 0},
    {"fa", "بنابر گزارش", AFTER, 0},
    {"fa", "منبع:", AFTER, F_LINESTART},
    {"fa", "گزارش داد", BEFORE, 0},
    {"fa", "گزارش دادند", BEFORE, 0},
    {"fa", "گفتند", BEFORE, 0},
    {"fa", "اعلام کردند", BEFORE, 0},
    {"fa", "نوشت", BEFORE, 0},
    {"fa", "تصریح کرد", BEFORE, 0},
    {"fa", "خاطرنشان کرد", BEFORE, 0},
    {"fa", "عنوان کرد", BEFORE, 0},
    {"fa", "اظهار داشت", BEFORE, 0},
    {"fa", "تکذیب کرد", BEFORE, F_DENIAL},
    {"fa", "را تکذیب کرد", BEFORE, F_DENIAL},
    {"fa", "تكذيب كرد", BEFORE, F_DENIAL}, /* Arabic kaf: another cue key */
    {"fa", "را «بی‌اساس» خواند", BEFORE, F_DENIAL},
    {"fa", "را بی‌اساس خواند", BEFORE, F_DENIAL},
    {"fa", "«بی‌اساس» خواند", BEFORE, F_DENIAL},
    {"fa", "بی‌اساس خواند", BEFORE, F_DENIAL},
    {"fa", "را «نادرست» خواند", BEFORE, F_DENIAL},
    {"fa", "را نادرست خواند", BEFORE, F_DENIAL},
    {"fa", "«نادرست» خواند", BEFORE, F_DENIAL},
    {"fa", "نادرست خواند", BEFORE, F_DENIAL},
    {"fa", "اعلام کرد", BEFORE, 0},
    {"fa", "گفت", BEFORE, 0},
    {"fa", "افزود", BEFORE, 0},
};
const size_t hs_attr_ncues = sizeof hs_attr_cues / sizeof hs_attr_cues[0];

unsigned hs_attr_cue_key(const char *s) {
  unsigned h = 0;
  int j;
  for (j = 0; j < HS_ATTR_CUE_KEY; j++) {
    unsigned char c = (unsigned char)s[j];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    h = h * 31 + c;
  }
  return (h ^ (h >> 11)) % HS_ATTR_CUE_BUCKETS;
}

void hs_attr_cue_buckets(int persian, uint16_t start[HS_ATTR_CUE_BUCKETS + 1],
                         uint16_t *ord) {
  uint16_t count[HS_ATTR_CUE_BUCKETS] = {0};
  size_t k, b;
  for (k = 0; k < hs_attr_ncues; k++) {
    const cue_row *c = &hs_attr_cues[k];
    if ((c->lang[0] == 'a' && persian) || (c->lang[0] == 'f' && !persian))
      continue;
    count[hs_attr_cue_key(c->text)]++;
  }
  start[0] = 0;
  for (b = 0; b < HS_ATTR_CUE_BUCKETS; b++)
    start[b + 1] = (uint16_t)(start[b] + count[b]);
  memset(count, 0, sizeof count);
  for (k = 0; k < hs_attr_ncues; k++) { /* table order kept in a bucket */
    const cue_row *c = &hs_attr_cues[k];
    unsigned h;
    if ((c->lang[0] == 'a' && persian) || (c->lang[0] == 'f' && !persian))
      continue;
    h = hs_attr_cue_key(c->text);
    ord[start[h] + count[h]++] = (uint16_t)k;
  }
}

/* Words that end a source read forwards (AFTER) or backwards (BEFORE). */
const char *const hs_attr_stop_en[] = {
    "that", "which", "who", "whom", "and", "but", "while", "when", "on",
    "in", "at", "as", "after", "before", "because", "to", "on", "last",
    "this", "earlier", "late", "early", "said", "told", "reported",
    "citing", "quoting", "also", "has", "have", "had", "is", "was", "were",
    "would", "will", "it", "its", "about", "over", "not", "never",
    "previously", "later", "he", "she", "they", "we", "i", "you", "him",
    "her", "them", "then", "so", "if", "than", NULL};
const char *const hs_attr_stop_ar[] = {
    "أن", "ان", "إن", "إنه", "أنه", "انه", "في", "خلال", "على", "إلى", "الى",
    "اليوم", "امس", "أمس", "التي", "الذي", "عن", "نقلا", "نقلاً", "من", "مع",
    "بأن", "لـ", "إنّ", "أنّ", "فإن", "فان", "وأن", "وان", "بان", "يوم",
    "مساء", "صباح", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء",
    "الخميس", "الجمعة", "السبت", "هذه", "هذا", "ذلك", "تلك", "هذي", "كل",
    "وجود", "صحة",
    /* a verb cue ends a source read forwards: «وبحسب وكالة الصحافة
    ** الفرنسية قال متحدث ...» is two sources */
    "قال", "وقال", "قالت", "وقالت", "أكد", "أكدت", "أعلن", "أعلنت", "أضاف",
    "ذكر", "ذكرت", "أفاد", "أفادت", "أوضح", "أشار", NULL};
const char *const hs_attr_stop_fa[] = {
    "که", "در", "از", "با", "به", "روز", "امروز", "را", "این", "و", "گزارش",
    "گفت", "گفتند", "اعلام", "افزود", "نوشت", "تصریح", "خاطرنشان", "عنوان",
    "اظهار", "نیز", "هم", "پس", "پیش", "قبل", "بعد", "هنگام", "طی", "ضمن",
    "برای", "درباره", "بر", "دیروز", "امشب", "دیشب", "صبح", "عصر", "شب",
    NULL};
/* Arabic verbal nouns that open the object of «أعلنت», «أكدت» right
** after the subject («أعلنت وزارة الداخلية القبض على ...»): a source read
** forwards ends before them. */
const char *const hs_attr_masdar_ar[] = {
    "تسجيل", "تنفيذ", "تعيين", "تقديم", "توقيع", "تمديد", "تأجيل", "تخصيص",
    "تحويل", "تطبيق", "إطلاق", "اطلاق", "اعتقال", "إغلاق", "اغلاق", "افتتاح",
    "بدء", "إلغاء", "الغاء", "رفع", "خفض", "منع", "فتح", "إنشاء", "مقتل",
    "سقوط", "استئناف", "القبض", "ضبط", "إحباط", "احباط", "وصول", "تمكن",
    "نجاح", "ارتفاع", "انخفاض", "إصابة", "وفاة", NULL};
/* Arabic media words; joined to «لـ» after a source they name the one
** told, not the source («وقال مصدر أمني لصحيفة النهار»). */
const char *const hs_attr_medium_ar[] = {"صحيفة", "وكالة", "قناة", "موقع",
                                         "جريدة", "شبكة", "إذاعة", NULL};
/* Arabic heads that a place or body follows after «في» inside the source
** («مصدر في الوزارة», «مسؤولون في الحكومة»). */
const char *const hs_attr_head_in_ar[] = {"مصدر", "مصادر", "مسؤول", "مسؤولون",
                                          "مسؤولين", "مسئول", "مسئولون", NULL};
const char *const hs_attr_pronouns[] = {
    "he", "she", "it", "they", "we", "i", "you", "this", "which", "who",
    "there", "that", "one", "what", "the", "a", "an", "and", "but", "it",
    "هو", "هي", "او", "وی", "آنها", "ما", "سموه", "معاليه", "فضيلته", "البيان",
    "التقرير", "فيه", "فيها", "عدد", "تعالى", "له", "لها", "أيضا", "أيضاً",
    "ايضا", "بيان", "قائلا", "قائلاً", "قائلة", "لي", "لنا", "لهم", "أحكام",
    "لأحكام", NULL};

/* Keywords deciding a source's type when the alias table does not know
** it; the first row matching a word of the source wins. */
const type_word hs_attr_type_words[] = {
    {"source", HS_SRC_ANONYMOUS}, {"sources", HS_SRC_ANONYMOUS},
    /* companies and those who speak for one ("APL Corp", "Southcorp
    ** chairman Brian Finn", "Charity boss Gordon Lishman") */
    {"corp", HS_SRC_OFFICIAL}, {"inc", HS_SRC_OFFICIAL},
    {"ltd", HS_SRC_OFFICIAL}, {"plc", HS_SRC_OFFICIAL},
    {"co", HS_SRC_OFFICIAL}, {"fsb", HS_SRC_OFFICIAL},
    {"trust", HS_SRC_OFFICIAL}, {"insurance", HS_SRC_OFFICIAL},
    {"association", HS_SRC_OFFICIAL}, {"charity", HS_SRC_OFFICIAL},
    {"chairman", HS_SRC_OFFICIAL}, {"chairwoman", HS_SRC_OFFICIAL},
    {"director", HS_SRC_OFFICIAL}, {"boss", HS_SRC_OFFICIAL},
    {"executive", HS_SRC_OFFICIAL}, {"club", HS_SRC_OFFICIAL},
    {"فرماندار", HS_SRC_OFFICIAL}, {"استاندار", HS_SRC_OFFICIAL},
    {"فدراسیون", HS_SRC_OFFICIAL}, {"باشگاه", HS_SRC_OFFICIAL},
    {"شهرداری", HS_SRC_OFFICIAL}, {"اداره", HS_SRC_OFFICIAL},
    {"کمیسیون", HS_SRC_OFFICIAL}, {"نماینده", HS_SRC_OFFICIAL},
    {"جمارك", HS_SRC_OFFICIAL}, {"نادي", HS_SRC_OFFICIAL},
    {"الداخلية", HS_SRC_OFFICIAL}, {"السفير", HS_SRC_OFFICIAL},
    {"witness", HS_SRC_ANONYMOUS}, {"witnesses", HS_SRC_ANONYMOUS},
    {"residents", HS_SRC_ANONYMOUS}, {"insiders", HS_SRC_ANONYMOUS},
    {"farmers", HS_SRC_ANONYMOUS}, {"locals", HS_SRC_ANONYMOUS},
    {"unnamed", HS_SRC_ANONYMOUS},
    {"فعالان", HS_SRC_ANONYMOUS},
    {"activists", HS_SRC_ANONYMOUS}, {"analysts", HS_SRC_ANONYMOUS},
    {"dealers", HS_SRC_ANONYMOUS}, {"traders", HS_SRC_ANONYMOUS},
    {"economists", HS_SRC_ANONYMOUS}, {"experts", HS_SRC_ANONYMOUS},
    {"observers", HS_SRC_ANONYMOUS}, {"diplomats", HS_SRC_ANONYMOUS},
    {"مصدر", HS_SRC_ANONYMOUS}, {"محللون", HS_SRC_ANONYMOUS},
    {"محلل", HS_SRC_ANONYMOUS}, {"تحلیلگر", HS_SRC_ANONYMOUS},
    {"متحدث", HS_SRC_OFFICIAL}, {"سخنگو", HS_SRC_OFFICIAL},
    {"کارشناسان", HS_SRC_ANONYMOUS}, {"center", HS_SRC_OFFICIAL},
    {"centre", HS_SRC_OFFICIAL}, {"أمين", HS_SRC_OFFICIAL},
    {"media", HS_SRC_OUTLET},
    {"مصادر", HS_SRC_ANONYMOUS}, {"شهود", HS_SRC_ANONYMOUS},
    {"ناشطون", HS_SRC_ANONYMOUS}, {"أهالي", HS_SRC_ANONYMOUS},
    {"سكان", HS_SRC_ANONYMOUS}, {"منابع", HS_SRC_ANONYMOUS},
    {"منبع", HS_SRC_ANONYMOUS}, {"شاهدان", HS_SRC_ANONYMOUS},
    {"agency", HS_SRC_AGENCY}, {"وكالة", HS_SRC_AGENCY},
    {"خبرگزاری", HS_SRC_AGENCY}, {"newspaper", HS_SRC_OUTLET},
    {"daily", HS_SRC_OUTLET}, {"television", HS_SRC_OUTLET},
    {"tv", HS_SRC_OUTLET}, {"channel", HS_SRC_OUTLET},
    {"radio", HS_SRC_OUTLET}, {"website", HS_SRC_OUTLET},
    {"magazine", HS_SRC_OUTLET}, {"صحيفة", HS_SRC_OUTLET},
    {"جريدة", HS_SRC_OUTLET}, {"قناة", HS_SRC_OUTLET},
    {"موقع", HS_SRC_OUTLET}, {"روزنامه", HS_SRC_OUTLET},
    {"شبکه", HS_SRC_OUTLET}, {"تلویزیون", HS_SRC_OUTLET},
    {"ministry", HS_SRC_OFFICIAL}, {"minister", HS_SRC_OFFICIAL},
    {"government", HS_SRC_OFFICIAL}, {"army", HS_SRC_OFFICIAL},
    {"military", HS_SRC_OFFICIAL}, {"police", HS_SRC_OFFICIAL},
    {"spokesman", HS_SRC_OFFICIAL}, {"spokeswoman", HS_SRC_OFFICIAL},
    {"spokesperson", HS_SRC_OFFICIAL}, {"president", HS_SRC_OFFICIAL},
    {"office", HS_SRC_OFFICIAL}, {"council", HS_SRC_OFFICIAL},
    {"committee", HS_SRC_OFFICIAL}, {"department", HS_SRC_OFFICIAL},
    {"authority", HS_SRC_OFFICIAL}, {"authorities", HS_SRC_OFFICIAL},
    {"observatory", HS_SRC_OFFICIAL}, {"officials", HS_SRC_OFFICIAL},
    {"official", HS_SRC_OFFICIAL}, {"embassy", HS_SRC_OFFICIAL},
    {"command", HS_SRC_OFFICIAL}, {"commission", HS_SRC_OFFICIAL},
    {"company", HS_SRC_OFFICIAL}, {"corporation", HS_SRC_OFFICIAL},
    {"university", HS_SRC_OFFICIAL}, {"bank", HS_SRC_OFFICIAL},
    {"organization", HS_SRC_OFFICIAL}, {"organisation", HS_SRC_OFFICIAL},
    {"union", HS_SRC_OFFICIAL}, {"board", HS_SRC_OFFICIAL},
    {"institute", HS_SRC_OFFICIAL}, {"court", HS_SRC_OFFICIAL},
    {"parliament", HS_SRC_OFFICIAL}, {"federation", HS_SRC_OFFICIAL},
    {"secretary", HS_SRC_OFFICIAL}, {"mps", HS_SRC_OFFICIAL},
    {"lawmakers", HS_SRC_OFFICIAL}, {"group", HS_SRC_OFFICIAL},
    {"regulators", HS_SRC_OFFICIAL}, {"press", HS_SRC_OUTLET},
    {"الشركة", HS_SRC_OFFICIAL}, {"جامعة", HS_SRC_OFFICIAL},
    {"وزارة", HS_SRC_OFFICIAL},
    {"وزير", HS_SRC_OFFICIAL}, {"الحكومة", HS_SRC_OFFICIAL},
    {"الجيش", HS_SRC_OFFICIAL}, {"المتحدث", HS_SRC_OFFICIAL},
    {"الشرطة", HS_SRC_OFFICIAL}, {"الرئيس", HS_SRC_OFFICIAL},
    {"هيئة", HS_SRC_OFFICIAL}, {"مجلس", HS_SRC_OFFICIAL},
    {"وزارت", HS_SRC_OFFICIAL}, {"وزیر", HS_SRC_OFFICIAL},
    {"سخنگوی", HS_SRC_OFFICIAL}, {"دولت", HS_SRC_OFFICIAL},
    {"ارتش", HS_SRC_OFFICIAL}, {"رئیس", HS_SRC_OFFICIAL},
    {"پلیس", HS_SRC_OFFICIAL}, {"الأمير", HS_SRC_OFFICIAL},
    {"مسؤول", HS_SRC_OFFICIAL}, {"مسؤولون", HS_SRC_OFFICIAL},
    {"مسئول", HS_SRC_OFFICIAL}, {"مقام", HS_SRC_OFFICIAL},
    {"mr", HS_SRC_PERSON}, {"mrs", HS_SRC_PERSON},
    {"ms", HS_SRC_PERSON}, {"dr", HS_SRC_PERSON}, {"professor", HS_SRC_PERSON},
    {"الدكتور", HS_SRC_PERSON}, {"د", HS_SRC_PERSON}, {"المهندس", HS_SRC_PERSON},
    {"الشيخ", HS_SRC_PERSON}, {"السيد", HS_SRC_PERSON},
    {"الأستاذ", HS_SRC_PERSON}, {"آقای", HS_SRC_PERSON},
    {"خانم", HS_SRC_PERSON}, {"دکتر", HS_SRC_PERSON},
    {"governor", HS_SRC_OFFICIAL}, {"universities", HS_SRC_OFFICIAL},
    {"society", HS_SRC_OFFICIAL}, {"service", HS_SRC_OFFICIAL},
    {"commander", HS_SRC_OFFICIAL}, {"officer", HS_SRC_OFFICIAL},
    {"مدير", HS_SRC_OFFICIAL}, {"سازمان", HS_SRC_OFFICIAL},
    {"مرکز", HS_SRC_OFFICIAL}, {"مدیرکل", HS_SRC_OFFICIAL},
    {"مدیر", HS_SRC_OFFICIAL}, {"نخست‌وزیر", HS_SRC_OFFICIAL},
    {"رئیس‌جمهور", HS_SRC_OFFICIAL}, {"روابط", HS_SRC_OFFICIAL},
    {"سرمربی", HS_SRC_PERSON}, {"directors", HS_SRC_ANONYMOUS},
    {"administration", HS_SRC_OFFICIAL}, {"chief", HS_SRC_OFFICIAL},
    {"مسؤولين", HS_SRC_OFFICIAL}, {"مسئولين", HS_SRC_OFFICIAL},
    {"الحرس", HS_SRC_OFFICIAL}, {"بانک", HS_SRC_OFFICIAL},
    {"بنك", HS_SRC_OFFICIAL}};
const size_t hs_attr_ntype_words =
    sizeof hs_attr_type_words / sizeof hs_attr_type_words[0];

/* Denial words next to any cue. */
const char *const hs_attr_denial_words[] = {
    "false", "baseless", "fabricated", "unfounded", "untrue", "fake news",
    "لا أساس", "عار عن الصحة", "عارية عن الصحة", "غير صحيحة", "مفبركة",
    "بی‌اساس", "بی اساس", "کذب", "نادرست", NULL};

