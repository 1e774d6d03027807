/*
** cues.c — the per-language tables of the attribution extractor: cues,
** the words that end a source, pronouns, type keywords and denial words.
** Kept apart from attrib.c so that a language is extended by editing
** tables only (docs/sources.md lists them, one table per language).
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "attrib/attrib_int.h"

/* Cue tables, per language.  text is matched at a word start, ASCII
** case-insensitively; F_ATTACHED cues may run into the next word (the
** Arabic preposition «لـ» is written joined: «وفقا لوكالة»).
**
**   en: said, says, say (not after "a", "the", "greater"...: the noun),
**       has been / was reported as saying, told, reported, reports,
**       stated, announced, added,
**       claimed, confirmed, noted, explained, wrote, quoted, according to, citing,
**       quoting, as quoted by, quoted as saying by, as reported by, cited
**       by, Source:, denied,
**       has denied, denies, rejected, dismissed, refuted, called the
**       allegations / claims / reports
**   ar: قال، وقال، ذكرت، وذكرت، ذكر، أفادت، وأفادت، أفاد، وأفاد، أعلنت، أعلن،
**       أكد، أكدت، صرح، أضاف، أضافت، أوضح، أوضحت، أشار، أشارت، كشف، كشفت،
**       تابع، نقلت، نقلت A عن B قوله، كما نقلت عنه، نقلا عن، نقلاً عن، وفقا لـ،
**       وفقاً لـ، بحسب، حسب، (و)بحسب ما / حسب ما / حسبما + a reporting verb
**       (أصدرت، أظهر، أورد، نشرت، ذكرت ...: the source follows the verb),
**       طبقا لـ، استنادا إلى، نفى، نفت، رفض، رفضت، كذب،
**       المصدر: (each also with the conjunction و)
**       بيّن، أبلغ (only before «أن»: «أبلغ التهاني» conveys greetings;
**       the one told, quoted, may come first: «أبلغ "الوطن" مصدر»), and
**       «وبين» only before «أن» (it is also "and between"), أبان (only
**       before «أن»)
**   fa: به گزارش، به نقل از، طبق گزارش، بنا بر گزارش، بنا به گزارش، بنا به
**       گفته، بنا به اعلام، به گفته، به نوشته، به روایت (a bare «بنا به» is
**       as often "because of": no cue),
**       گفت، گفتند، اعلام کرد، اعلام کردند، گزارش داد، گزارش دادند، نوشت،
**       تصریح کرد، خاطرنشان کرد، عنوان کرد، اظهار داشت، اظهار کرد، اضافه
**       کرد، ادامه داد، تاکید کرد، بیان کرد، تایید کرد، می‌گوید، می‌گویند،
**       افزود، خبر داد، خبر دادند (gave the news of: «X از ... خبر داد»)، تکذیب کرد، (را) «بی‌اساس» خواند، (را) «نادرست» خواند (also without «»)، منبع:
**   ru: по словам, по данным, по информации, по сообщению, согласно, как
**       сообщает/сообщил(а, и)/заявил(а, и)/передает, со ссылкой на,
**       ссылаясь на (citing), сообщил(а, о, и), заявил(а, о, и), сказал(а,
**       и), отметил(а, и), подчеркнул(а, и), добавил(а, и), рассказал(а, и),
**       уточнил(а, и), пояснил(а, и), сообщает, сообщают, заявляет,
**       передает, передаёт, пишет, пишут, цитирует, опроверг(ла, ли, ло),
**       опровергает, опровергают.
**       Every form is a row: the verb agrees with its subject in gender
**       and number.  A capital first letter (a sentence start) matches the
**       small one.
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
    /* a cue has HS_ATTR_CUE_KEY bytes or more: "say" with its space */
    {"en", "say ", BEFORE, F_INVERT | F_ATTACHED},
    {"en", "has been reported as saying", BEFORE, 0},
    {"en", "was reported as saying", BEFORE, 0},
    {"en", "told", BEFORE, 0},
    {"en", "has reported", BEFORE, 0},
    {"en", "reported", BEFORE, 0},
    {"en", "stated", BEFORE, 0},
    {"en", "announced", BEFORE, 0},
    {"en", "added", BEFORE, F_INVERT},
    {"en", "claimed", BEFORE, 0},
    {"en", "confirmed", BEFORE, 0},
    {"en", "noted", BEFORE, 0},
    {"en", "explained", BEFORE, 0},
    {"en", "maintained that", BEFORE, 0}, /* not "maintained its rating" */
    {"en", "wrote", BEFORE, 0},
    {"en", "quoted", BEFORE, 0},
    /* "B was quoted by A as saying": B is read before, A (cited by
    ** hs_attr_second) after */
    {"en", "was quoted by", BEFORE, 0},
    {"en", "were quoted by", BEFORE, 0},
    {"ar", "كما نقلت عنه", AFTER, F_CITING | F_REVERSE},
    {"ar", "كما نقلت عنها", AFTER, F_CITING | F_REVERSE},
    {"ar", "كما نقل عنه", AFTER, F_CITING | F_REVERSE},
    /* «في تصريحات نقلتها A»: «ها» points back to the statements of the
    ** sentence's previous source, which A carried (not «يمكن نقلها»,
    ** moved, nor «ونقلتها صورة», conveyed as) */
    {"ar", "نقلتها", AFTER, F_CITING | F_REVERSE},
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
    /* «بحسب ما أصدرت لجنة X», «حسبما أظهر مسح»: a verb, then the source */
    {"ar", "بحسب ما", AFTER, F_VERB},
    {"ar", "حسب ما", AFTER, F_VERB},
    {"ar", "حسبما", AFTER, F_VERB},
    {"ar", "وبحسب ما", AFTER, F_VERB},
    {"ar", "وحسب ما", AFTER, F_VERB},
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
    {"ar", "وبيّن", AFTER, 0},
    {"ar", "بيّن", AFTER, 0},
    {"ar", "وبيّنت", AFTER, 0},
    {"ar", "بيّنت", AFTER, 0},
    {"ar", "وبين", AFTER, F_THAT},
    {"ar", "وبينت", AFTER, F_THAT},
    {"ar", "وأبان", AFTER, F_THAT},
    {"ar", "أبان", AFTER, F_THAT},
    {"ar", "وأبلغ", AFTER, F_TOLD | F_THAT},
    {"ar", "أبلغ", AFTER, F_TOLD | F_THAT},
    {"ar", "وأبلغت", AFTER, F_TOLD | F_THAT},
    {"ar", "أبلغت", AFTER, F_TOLD | F_THAT},
    {"fa", "به گزارش", AFTER, 0},
    {"fa", "به نقل از", AFTER, F_CITING},
    {"fa", "طبق گزارش", AFTER, 0},
    {"fa", "بنا بر گزارش", AFTER, 0},
    {"fa", "بنابر گزارش", AFTER, 0},
    {"fa", "بنا به گزارش", AFTER, 0},
    {"fa", "بنا به گفته", AFTER, 0},
    {"fa", "بنا به اعلام", AFTER, 0},
    {"fa", "به گفته", AFTER, 0},
    {"fa", "به نوشته", AFTER, 0},
    {"fa", "به روایت", AFTER, 0},
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
    {"fa", "اظهار کرد", BEFORE, 0},
    {"fa", "اضافه کرد", BEFORE, 0},
    {"fa", "ادامه داد", BEFORE, 0},
    {"fa", "تاکید کرد", BEFORE, 0},
    {"fa", "تأکید کرد", BEFORE, 0},
    {"fa", "بیان کرد", BEFORE, 0},
    {"fa", "بیان داشت", BEFORE, 0},
    {"fa", "بیان داشتند", BEFORE, 0},
    {"fa", "اظهارداشت", BEFORE, 0}, /* written without the space */
    {"fa", "اظهار داشتند", BEFORE, 0},
    {"fa", "مدعی شد", BEFORE, 0},
    {"fa", "مدعی شدند", BEFORE, 0},
    {"fa", "مدعی شده است", BEFORE, 0},
    {"fa", "مدعی شده بود", BEFORE, 0},
    {"fa", "تایید کرد", BEFORE, 0},
    {"fa", "تأیید کرد", BEFORE, 0},
    {"fa", "می‌گوید", BEFORE, 0},
    {"fa", "می‌گویند", BEFORE, 0},
    /* the present tense with «می» written apart (a space, or a
    ** zero-width non-joiner and a space): «حسن زاده می گوید», «این مسئله
    ** را تکذیب می‌ کند» */
    {"fa", "می گوید", BEFORE, 0},
    {"fa", "می گویند", BEFORE, 0},
    {"fa", "می‌ گوید", BEFORE, 0},
    {"fa", "می‌ گویند", BEFORE, 0},
    {"fa", "تکذیب می‌کند", BEFORE, F_DENIAL},
    {"fa", "تکذیب می‌ کند", BEFORE, F_DENIAL},
    {"fa", "تکذیب می کند", BEFORE, F_DENIAL},
    {"fa", "اعلام می‌کند", BEFORE, 0},
    {"fa", "اعلام می‌ کند", BEFORE, 0},
    {"fa", "اعلام می کند", BEFORE, 0},
    {"fa", "تاکید می‌کند", BEFORE, 0},
    {"fa", "تاکید می کند", BEFORE, 0},
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
    /* the perfect and the pluperfect ("has said", "had said") */
    {"fa", "گفته است", BEFORE, 0},
    {"fa", "گفته بود", BEFORE, 0},
    {"fa", "خبر داده است", BEFORE, 0},
    {"fa", "خبر داده بود", BEFORE, 0},
    {"fa", "نوشته است", BEFORE, 0},
    {"fa", "نوشته بود", BEFORE, 0},
    {"fa", "تاکید کرده است", BEFORE, 0},
    {"fa", "تاکید کرده بود", BEFORE, 0},
    {"fa", "عنوان کردند", BEFORE, 0},
    {"fa", "تصریح کردند", BEFORE, 0},
    {"fa", "خبر دادند", BEFORE, 0},
    {"fa", "خبر داد", BEFORE, 0},
    {"fa", "گفت", BEFORE, 0},
    {"fa", "افزود", BEFORE, 0},
    /* Russian: a verb's source is read before it ("Министр заявил"), or
    ** after it where a quotation, a comma or «Об этом» comes first
    ** ("«...», — сообщил министр", "..., передает ТАСС") */
    {"ru", "по словам", AFTER, 0},
    {"ru", "по данным", AFTER, 0},
    {"ru", "по информации", AFTER, 0},
    {"ru", "по сообщению", AFTER, 0},
    {"ru", "согласно данным", AFTER, 0},
    {"ru", "согласно", AFTER, 0},
    {"ru", "как сообщает", AFTER, 0},
    {"ru", "как сообщил", AFTER, 0},
    {"ru", "как сообщила", AFTER, 0},
    {"ru", "как сообщили", AFTER, 0},
    {"ru", "как заявил", AFTER, 0},
    {"ru", "как заявила", AFTER, 0},
    {"ru", "как заявили", AFTER, 0},
    {"ru", "как передает", AFTER, 0},
    {"ru", "как передаёт", AFTER, 0},
    {"ru", "как пишет", AFTER, 0},
    {"ru", "со ссылкой на", AFTER, F_CITING},
    {"ru", "ссылаясь на", AFTER, F_CITING},
    {"ru", "опроверг", BEFORE, F_DENIAL},
    {"ru", "опровергла", BEFORE, F_DENIAL},
    {"ru", "опровергли", BEFORE, F_DENIAL},
    {"ru", "опровергло", BEFORE, F_DENIAL},
    {"ru", "опровергает", BEFORE, F_DENIAL},
    {"ru", "опровергают", BEFORE, F_DENIAL},
    {"ru", "сообщил", BEFORE, 0},
    {"ru", "сообщила", BEFORE, 0},
    {"ru", "сообщило", BEFORE, 0},
    {"ru", "сообщили", BEFORE, 0},
    {"ru", "заявил", BEFORE, 0},
    {"ru", "заявила", BEFORE, 0},
    {"ru", "заявило", BEFORE, 0},
    {"ru", "заявили", BEFORE, 0},
    {"ru", "сказал", BEFORE, 0},
    {"ru", "сказала", BEFORE, 0},
    {"ru", "сказали", BEFORE, 0},
    {"ru", "отметил", BEFORE, 0},
    {"ru", "отметила", BEFORE, 0},
    {"ru", "отметили", BEFORE, 0},
    {"ru", "подчеркнул", BEFORE, 0},
    {"ru", "подчеркнула", BEFORE, 0},
    {"ru", "подчеркнули", BEFORE, 0},
    {"ru", "добавил", BEFORE, 0},
    {"ru", "добавила", BEFORE, 0},
    {"ru", "добавили", BEFORE, 0},
    {"ru", "рассказал", BEFORE, 0},
    {"ru", "рассказала", BEFORE, 0},
    {"ru", "рассказали", BEFORE, 0},
    {"ru", "уточнил", BEFORE, 0},
    {"ru", "уточнила", BEFORE, 0},
    {"ru", "уточнили", BEFORE, 0},
    {"ru", "пояснил", BEFORE, 0},
    {"ru", "пояснила", BEFORE, 0},
    {"ru", "пояснили", BEFORE, 0},
    {"ru", "сообщает", BEFORE, 0},
    {"ru", "сообщают", BEFORE, 0},
    {"ru", "заявляет", BEFORE, 0},
    {"ru", "передает", BEFORE, 0},
    {"ru", "передаёт", BEFORE, 0},
    {"ru", "пишет", BEFORE, 0},
    {"ru", "пишут", BEFORE, 0},
    {"ru", "цитирует", BEFORE, 0},
};
const size_t hs_attr_ncues = sizeof hs_attr_cues / sizeof hs_attr_cues[0];

unsigned hs_attr_cue_key(const char *s) {
  unsigned h = 0;
  int j;
  for (j = 0; j < HS_ATTR_CUE_KEY; j++) {
    unsigned char c = (unsigned char)s[j], lo[2];
    c = hs_ascii_lower[c];
    if (c == 0xD0 && j + 1 < HS_ATTR_CUE_KEY && hs_attr_cyr_lower(s + j, lo)) {
      h = (h * 31 + lo[0]) * 31 + lo[1]; /* "По словам" as "по словам" */
      j++;
      continue;
    }
    h = h * 31 + c;
  }
  return (h ^ (h >> 11)) % HS_ATTR_CUE_BUCKETS;
}

void hs_attr_cue_buckets(int persian, uint16_t start[HS_ATTR_CUE_BUCKETS + 1],
                         uint16_t *ord) {
  uint16_t count[HS_ATTR_CUE_BUCKETS] = {0};
  /* each cue's key, worked out once (the second pass reads it back) */
  unsigned char key[sizeof hs_attr_cues / sizeof hs_attr_cues[0]];
  size_t k, b;
  _Static_assert(HS_ATTR_CUE_BUCKETS <= 256, "a key is one byte");
  for (k = 0; k < hs_attr_ncues; k++) {
    const cue_row *c = &hs_attr_cues[k];
    if ((c->lang[0] == 'a' && persian) || (c->lang[0] == 'f' && !persian))
      continue;
    key[k] = (unsigned char)hs_attr_cue_key(c->text);
    count[key[k]]++;
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
    h = key[k];
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
    "her", "them", "then", "so", "if", "than", "however", "meanwhile",
    "moreover", "furthermore", "separately", NULL};
const char *const hs_attr_stop_ar[] = {
    "أن", "ان", "إن", "إنه", "أنه", "انه", "في", "خلال", "على", "إلى", "الى",
    "اليوم", "امس", "أمس", "التي", "الذي", "عن", "نقلا", "نقلاً", "من", "مع",
    "بأن", "لـ", "إنّ", "أنّ", "فإن", "فان", "وأن", "وان", "بان", "يوم",
    "أنها", "انها", "إنها", "بأنها", "بأنه", "أنهم", "إنهم", "بأنهم",
    "مساء", "صباح", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء",
    "الخميس", "الجمعة", "السبت", "هذه", "هذا", "ذلك", "تلك", "هذي", "كل",
    "وجود", "صحة", "عقب", "إثر", "اثر", "بعد", "قبل", "أثناء", "اثناء",
    "لدى", "عند", "ما", "بما", "مما",
    /* «أن» with an attached pronoun («وأضاف أننا ...», «أكد إنني»), and
    ** «وهو» ("and he is") opening an apposition clause («محمد الحجازي وهو
    ** متحدث باسم ...») */
    "أننا", "إننا", "بأننا", "أنني", "إنني", "بأنني", "أنهما", "إنهما",
    "بأنهما", "أنكم", "إنكم", "لأن", "وهو", "وهي", "وهم", "وهما",
    "فإنه", "فإنها", "فانه", "أي", "أية", "اي", "هنا", "هناك",
    /* adverbials right after a verb: no subject («قال ردا على سؤال»,
    ** «أشار بشكل غير مباشر») */
    "ردا", "رداً", "بشكل", "بصورة",
    /* the means of a statement after its subject («أوضحت الشركة عبر
    ** مدونتها») */
    "عبر", "بواسطة",
    /* a verb cue ends a source read forwards: «وبحسب وكالة الصحافة
    ** الفرنسية قال متحدث ...» is two sources */
    "قال", "وقال", "قالت", "وقالت", "أكد", "أكدت", "أعلن", "أعلنت", "أضاف",
    "ذكر", "ذكرت", "أفاد", "أفادت", "أوضح", "أشار", "بيّن", "وبيّن", NULL};
const char *const hs_attr_stop_fa[] = {
    "که", "در", "از", "با", "به", "روز", "امروز", "را", "این", "و", "گزارش",
    "گفت", "گفتند", "اعلام", "افزود", "نوشت", "تصریح", "خاطرنشان", "عنوان",
    "اظهار", "نیز", "هم", "پس", "پیش", "قبل", "بعد", "هنگام", "طی", "ضمن",
    "برای", "درباره", "بر", "دیروز", "امشب", "دیشب", "صبح", "عصر", "شب",
    "ظهر", "بامداد", "شامگاه", "امسال", "البته", "اما", "ولی",
    /* "also", "then" between the subject and a verb-final cue («سخنگوی
    ** وزارت امور خارجه کره شمالی همچنین تصریح کرد») */
    "همچنین", "همچنين", "سپس",
    /* words that open a clause of another kind, never its subject
    ** («شاید اگر پیش از بازی ...», «حدود سه هفته پیش بود که ...», «باید
    ** آن را ...») */
    "شاید", "اگر", "حدود", "باید", "چون", "زیرا", "وقتی", "هرچند", "گرچه",
    "بنابراین", NULL};
/* Russian: conjunctions, prepositions, pronouns, time words and the verb
** cues themselves ("Об этом сообщил X": «этом» ends a source read back). */
const char *const hs_attr_stop_ru[] = {
    "что", "чтобы", "как", "и", "а", "но", "в", "во", "на", "о", "об", "обо",
    "по", "с", "со", "к", "ко", "у", "из", "за", "для", "при", "от", "до",
    "не", "также", "ранее", "уже", "вчера", "сегодня", "завтра", "днем",
    "днём", "утром", "вечером", "ночью", "это", "этом", "этой", "том", "он",
    "она", "оно", "они", "его", "ее", "её", "их", "мы", "я", "вы",
    "который", "которая", "которое", "которые", "когда", "где", "если",
    "после", "перед", "сообщил", "сообщила", "сообщили", "заявил",
    "заявила", "заявили", "сообщает", "передает", "передаёт", "пишет",
    NULL};
/* Arabic verbal nouns that open the object of «أعلنت», «أكدت» right
** after the subject («أعلنت وزارة الداخلية القبض على ...»): a source read
** forwards ends before them. */
const char *const hs_attr_masdar_ar[] = {
    "تسجيل", "تنفيذ", "تعيين", "تقديم", "توقيع", "تمديد", "تأجيل", "تخصيص",
    "تحويل", "تطبيق", "إطلاق", "اطلاق", "اعتقال", "إغلاق", "اغلاق", "افتتاح",
    "بدء", "إلغاء", "الغاء", "رفع", "خفض", "منع", "فتح", "إنشاء", "مقتل",
    "سقوط", "استئناف", "القبض", "ضبط", "إحباط", "احباط", "وصول", "تمكن",
    "نجاح", "ارتفاع", "انخفاض", "إصابة", "وفاة", "أهمية", "ضرورة", "طلب",
    "حالة",
    /* what happened, claimed or listed («أوضح الناطق ... وقوع حادث»,
    ** «أعلن تنظيم داعش مسؤوليته», «أعلنت الكلية أسماء المقبولين»), and
    ** greetings conveyed («نقل نائب ... تعازي ...»: no statement, see
    ** hs_attr_greeting_ar) */
    "وقوع", "حدوث", "عدم", "استمرار", "مسؤوليته", "مسؤوليتها",
    "مسؤوليتهم", "أسماء", "نتائج", "تعازي", "تعازيه", "التعازي", "تهاني",
    "تهانيه", "التهاني", "تهنئة", "تحيات", "مواساة", "تعزية",
    /* «كشفت الشركة النقاب عن»: unveiled */
    "نقاب",
    NULL};
/* Russian heads that a body follows after «в» inside the source
** («источник в МВД», «представитель в посольстве»). */
const char *const hs_attr_head_in_ru[] = {
    "источник", "источника", "источники", "источников", "представитель",
    "представителя", "представители", "сотрудник", "сотрудника",
    "сотрудники", "собеседник", "собеседника", NULL};
/* «أن» and its forms: what a F_THAT cue needs after its source. */
const char *const hs_attr_that_ar[] = {"أن", "ان", "إن", "أنه", "انه", "إنه",
                                       "بأن", "بان", "أنها", "انها", "بأنه",
                                       "بأنها", "أننا", "إننا", "بأننا",
                                       "أنهم", "إنهم", "بأنهم", NULL};
/* Arabic media words; joined to «لـ» after a source they name the one
** told, not the source («وقال مصدر أمني لصحيفة النهار»). */
const char *const hs_attr_medium_ar[] = {"صحيفة", "وكالة", "قناة", "موقع",
                                         "جريدة", "شبكة", "إذاعة", "هيئة",
                                         "مجلة", NULL};
/* Arabic heads that a place or body follows after «في» inside the source
** («مصدر في الوزارة», «مسؤولون في الحكومة»). */
const char *const hs_attr_head_in_ar[] = {"مصدر", "مصادر", "مسؤول", "مسؤولون",
                                          "مسؤولين", "مسئول", "مسئولون", NULL};
/* What «في» opens after an Arabic source when it is the occasion or the
** body of the statement, not a part of the source: «قال الوزير في تصريح»,
** «أعلنت الشركة في بيان لها», «في وقت سابق».  Any other word after «في»
** (a place or a body: «مصدر في الوزارة», «السلطات الأمنية في السعودية»,
** «لجنة النظر في المخالفات») goes on the source read forwards; the
** article is dropped before a word is looked up here. */
const char *const hs_attr_occasion_ar[] = {
    "بيان", "بيانه", "بيانها", "بيانات", "تصريح", "تصريحه", "تصريحها",
    "تصريحات", "تصريحاته", "تصريحاتها", "حديث", "حديثه", "حديثها", "مقابلة",
    "لقاء", "كلمة", "كلمته", "كلمتها", "مؤتمر", "مؤتمره", "رسالة", "رسالته",
    "تغريدة", "تغريدات", "تدوينة", "منشور", "تقرير", "تقريره", "تقريرها",
    "خطاب", "خطابه", "تعليق", "تعليقه", "تعليقات", "رد", "ردّ", "اتصال",
    "مكالمة", "حوار", "ندوة", "محاضرة", "اجتماع", "ختام", "افتتاح", "مستهل",
    "بداية", "نهاية", "سياق", "إطار", "اطار", "معرض", "تعقيب", "وقت", "حين",
    "ظل", "أعقاب", "اعقاب", "أثناء", "اثناء", "غضون", "مطلع", "منتصف",
    "أواخر", "اواخر", "أوائل", "اوائل", "صفحته", "صفحتها", "حسابه",
    "حسابها", "موقعه", "موقعها", "بلاغ", "نشرة", "مداخلة", "اجابة",
    "إجابة", "برنامج", "ورقة", "دراسة", "استطلاع", NULL};
/* Arabic titles before a name: a word after one is a name even where it
** is a stop word elsewhere («الدكتور الجمعة»: not Friday), and a title
** after «في» and a place goes on the source («مدير فرع الوزارة في
** الأحساء المهندس عبدالله الدولة»). */
const char *const hs_attr_title_ar[] = {
    "الدكتور", "المهندس", "الشيخ", "الأستاذ", "السيد", "اللواء", "العميد",
    "العقيد", "د", "م", "دكتور", "الدكتورة", "المهندسة",
    /* ranks below those («الرائد عبدالرحمن محمد الأحمري») */
    "الرائد", "النقيب", "المقدم", "الملازم", NULL};
/* Words that name no source when they stand alone ("Some say", "Many
** believe"), though they open one ("some experts said"). */
const char *const hs_attr_quantifiers[] = {"some", "many", "others", "most",
                                           "few", "all", "both", "یکی",
                                           "خیلی", "خیلی‌ها", "برخی", "بعضی",
                                           NULL};
const char *const hs_attr_pronouns[] = {
    "he", "she", "it", "they", "we", "i", "you", "this", "which", "who",
    "i've", "we've", "they've", "you've", "i'd", "we'd", "they'd", "he'd",
    "she'd", "i'm", "we're", "they're", "he's", "she's", "it's", "من",
    "there", "that", "one", "what", "the", "a", "an", "and", "but", "it",
    "هو", "هي", "او", "وی", "آنها", "ما", "سموه", "معاليه", "فضيلته", "البيان",
    "التقرير", "فيه", "فيها", "عدد", "تعالى", "له", "لها", "أيضا", "أيضاً",
    "ايضا", "بيان", "قائلا", "قائلاً", "قائلة", "لي", "لنا", "لهم", "أحكام",
    "لأحكام", "تعبيره", "تعبيرها", "قوله", "قولها", "وصفه",
    "وصفها", "كلامه", "كلامها", NULL};

/* Keywords deciding a source's type when the alias table does not know
** it; the first row matching a word of the source wins. */
const type_word hs_attr_type_words[] = {
    {"source", HS_SRC_ANONYMOUS}, {"sources", HS_SRC_ANONYMOUS},
    /* Russian, each case form a row ("источник в МВД", "по словам
    ** источника"); a capital first letter matches */
    {"источник", HS_SRC_ANONYMOUS}, {"источника", HS_SRC_ANONYMOUS},
    {"источники", HS_SRC_ANONYMOUS}, {"источников", HS_SRC_ANONYMOUS},
    {"собеседник", HS_SRC_ANONYMOUS}, {"собеседника", HS_SRC_ANONYMOUS},
    {"очевидцы", HS_SRC_ANONYMOUS}, {"очевидцев", HS_SRC_ANONYMOUS},
    {"свидетели", HS_SRC_ANONYMOUS}, {"жители", HS_SRC_ANONYMOUS},
    {"эксперты", HS_SRC_ANONYMOUS}, {"экспертов", HS_SRC_ANONYMOUS},
    {"аналитики", HS_SRC_ANONYMOUS}, {"аналитиков", HS_SRC_ANONYMOUS},
    {"агентство", HS_SRC_AGENCY}, {"агентства", HS_SRC_AGENCY},
    {"информагентство", HS_SRC_AGENCY}, {"информагентства", HS_SRC_AGENCY},
    {"газета", HS_SRC_OUTLET}, {"газеты", HS_SRC_OUTLET},
    {"издание", HS_SRC_OUTLET}, {"издания", HS_SRC_OUTLET},
    {"телеканал", HS_SRC_OUTLET}, {"телеканала", HS_SRC_OUTLET},
    {"радиостанция", HS_SRC_OUTLET}, {"радиостанции", HS_SRC_OUTLET},
    {"журнал", HS_SRC_OUTLET}, {"журнала", HS_SRC_OUTLET},
    {"сайт", HS_SRC_OUTLET}, {"сайта", HS_SRC_OUTLET},
    {"портал", HS_SRC_OUTLET}, {"портала", HS_SRC_OUTLET},
    {"сми", HS_SRC_ANONYMOUS}, /* "the media", unnamed */
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
    {"قوة", HS_SRC_OFFICIAL}, {"قوات", HS_SRC_OFFICIAL},
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
    {"بنك", HS_SRC_OFFICIAL},
    {"министр", HS_SRC_OFFICIAL}, {"министра", HS_SRC_OFFICIAL},
    {"министерство", HS_SRC_OFFICIAL}, {"министерства", HS_SRC_OFFICIAL},
    {"мид", HS_SRC_OFFICIAL}, {"минобороны", HS_SRC_OFFICIAL},
    {"мвд", HS_SRC_OFFICIAL}, {"мчс", HS_SRC_OFFICIAL},
    {"кремль", HS_SRC_OFFICIAL}, {"кремля", HS_SRC_OFFICIAL},
    {"правительство", HS_SRC_OFFICIAL}, {"правительства", HS_SRC_OFFICIAL},
    {"пресс-служба", HS_SRC_OFFICIAL}, {"пресс-службы", HS_SRC_OFFICIAL},
    {"пресс-службе", HS_SRC_OFFICIAL}, {"пресс-службу", HS_SRC_OFFICIAL},
    {"пресс-секретарь", HS_SRC_OFFICIAL}, {"пресс-секретаря", HS_SRC_OFFICIAL},
    {"представитель", HS_SRC_OFFICIAL}, {"представителя", HS_SRC_OFFICIAL},
    {"представители", HS_SRC_OFFICIAL}, {"глава", HS_SRC_OFFICIAL},
    {"главы", HS_SRC_OFFICIAL}, {"губернатор", HS_SRC_OFFICIAL},
    {"губернатора", HS_SRC_OFFICIAL}, {"мэр", HS_SRC_OFFICIAL},
    {"мэра", HS_SRC_OFFICIAL}, {"президент", HS_SRC_OFFICIAL},
    {"президента", HS_SRC_OFFICIAL}, {"премьер-министр", HS_SRC_OFFICIAL},
    {"председатель", HS_SRC_OFFICIAL}, {"председателя", HS_SRC_OFFICIAL},
    {"директор", HS_SRC_OFFICIAL}, {"директора", HS_SRC_OFFICIAL},
    {"руководитель", HS_SRC_OFFICIAL}, {"руководителя", HS_SRC_OFFICIAL},
    {"прокуратура", HS_SRC_OFFICIAL}, {"прокуратуры", HS_SRC_OFFICIAL},
    {"полиция", HS_SRC_OFFICIAL}, {"полиции", HS_SRC_OFFICIAL},
    {"ведомство", HS_SRC_OFFICIAL}, {"ведомства", HS_SRC_OFFICIAL},
    {"ведомстве", HS_SRC_OFFICIAL}, {"администрация", HS_SRC_OFFICIAL},
    {"администрации", HS_SRC_OFFICIAL}, {"компания", HS_SRC_OFFICIAL},
    {"компании", HS_SRC_OFFICIAL}, {"депутат", HS_SRC_OFFICIAL},
    {"депутата", HS_SRC_OFFICIAL}, {"спикер", HS_SRC_OFFICIAL},
    {"минздрав", HS_SRC_OFFICIAL}, {"минфин", HS_SRC_OFFICIAL},
    {"محافظ", HS_SRC_OFFICIAL}, {"مديرية", HS_SRC_OFFICIAL},
    {"سكرتير", HS_SRC_OFFICIAL}, {"الناطق", HS_SRC_OFFICIAL},
    {"leader", HS_SRC_OFFICIAL}, {"متخصصون", HS_SRC_ANONYMOUS},
    {"مختصون", HS_SRC_ANONYMOUS}, {"خبراء", HS_SRC_ANONYMOUS},
    {"منظمون", HS_SRC_ANONYMOUS}, {"مراقبون", HS_SRC_ANONYMOUS},
    {"شرطة", HS_SRC_OFFICIAL}, {"سلطات", HS_SRC_OFFICIAL}, {"المتحدثة", HS_SRC_OFFICIAL},
    {"متحدثة", HS_SRC_OFFICIAL}, {"hospital", HS_SRC_OFFICIAL},
    {"party", HS_SRC_OFFICIAL}, {"democrats", HS_SRC_OFFICIAL},
    {"republicans", HS_SRC_OFFICIAL}, {"conservatives", HS_SRC_OFFICIAL},
    {"tories", HS_SRC_OFFICIAL},
    /* offices, bodies and unnamed groups of the later sets */
    {"regulator", HS_SRC_OFFICIAL}, {"regulators", HS_SRC_OFFICIAL},
    {"exchange", HS_SRC_OFFICIAL}, {"attorney", HS_SRC_OFFICIAL},
    {"sen", HS_SRC_OFFICIAL}, {"senator", HS_SRC_OFFICIAL},
    {"representative", HS_SRC_OFFICIAL}, {"mayor", HS_SRC_OFFICIAL},
    {"emir", HS_SRC_OFFICIAL}, {"pope", HS_SRC_OFFICIAL},
    {"prosecutor", HS_SRC_OFFICIAL}, {"prosecutors", HS_SRC_OFFICIAL},
    {"consultancy", HS_SRC_OFFICIAL}, {"firm", HS_SRC_OFFICIAL},
    {"bloggers", HS_SRC_ANONYMOUS}, {"researchers", HS_SRC_ANONYMOUS},
    {"scientists", HS_SRC_ANONYMOUS},
    {"спецслужбы", HS_SRC_OFFICIAL}, {"пограничники", HS_SRC_OFFICIAL},
    {"папа", HS_SRC_OFFICIAL}, {"эмир", HS_SRC_OFFICIAL},
    {"посольство", HS_SRC_OFFICIAL}, {"посольства", HS_SRC_OFFICIAL},
    {"партия", HS_SRC_OFFICIAL}, {"партии", HS_SRC_OFFICIAL},
    {"защита", HS_SRC_OFFICIAL}, {"блогеры", HS_SRC_ANONYMOUS},
    {"ученые", HS_SRC_ANONYMOUS}, {"учёные", HS_SRC_ANONYMOUS},
    {"شركة", HS_SRC_OFFICIAL}, {"مؤسسة", HS_SRC_OFFICIAL},
    {"معهد", HS_SRC_OFFICIAL}, {"عمادة", HS_SRC_OFFICIAL},
    {"عميد", HS_SRC_OFFICIAL}, {"بلدية", HS_SRC_OFFICIAL},
    {"منظمة", HS_SRC_OFFICIAL}, {"اتحاد", HS_SRC_OFFICIAL},
    {"دفتر", HS_SRC_OFFICIAL}, {"شورای", HS_SRC_OFFICIAL},
    {"قوه", HS_SRC_OFFICIAL}, {"دادستان", HS_SRC_OFFICIAL},
    {"معاون", HS_SRC_OFFICIAL}, {"سرپرست", HS_SRC_OFFICIAL},
    {"سفیر", HS_SRC_OFFICIAL}, {"مربی", HS_SRC_PERSON},
    {"دبیر", HS_SRC_OFFICIAL}, {"هیئت", HS_SRC_OFFICIAL},
    {"هیات", HS_SRC_OFFICIAL}, {"فرمانده", HS_SRC_OFFICIAL},
    {"بازیکن", HS_SRC_PERSON}, {"هافبک", HS_SRC_PERSON},
    /* Arabic professions before a name, no office («المصورة نجلاء»,
    ** «الطالب جمال», «المدرب ...») */
    {"المصورة", HS_SRC_PERSON}, {"المصور", HS_SRC_PERSON},
    {"الفنان", HS_SRC_PERSON}, {"الفنانة", HS_SRC_PERSON},
    {"الكاتب", HS_SRC_PERSON}, {"الكاتبة", HS_SRC_PERSON},
    {"الشاعر", HS_SRC_PERSON}, {"الطالب", HS_SRC_PERSON},
    {"الطالبة", HS_SRC_PERSON}, {"اللاعب", HS_SRC_PERSON},
    {"المدرب", HS_SRC_PERSON}, {"مدرب", HS_SRC_PERSON}};
const size_t hs_attr_ntype_words =
    sizeof hs_attr_type_words / sizeof hs_attr_type_words[0];

unsigned hs_attr_lead_key(const char *w, size_t n) {
  unsigned char c0 = (unsigned char)w[0], c1, lo[2];
  if (!n) return 0;
  if (c0 < 0x80) return c0 >= 'A' && c0 <= 'Z' ? c0 + 32u : c0;
  if (n < 2) return 128;
  c1 = (unsigned char)w[1];
  if (c0 == 0xD0 && hs_attr_cyr_lower(w, lo)) c0 = lo[0], c1 = lo[1];
  if ((c0 == 0xD9 && (c1 == 0x8A || c1 == 0x89)) || (c0 == 0xDB && c1 == 0x8C))
    return 129; /* yeh: ي ى ی */
  if ((c0 == 0xD9 && c1 == 0x83) || (c0 == 0xDA && c1 == 0xA9))
    return 130; /* kaf: ك ک */
  return 131 + ((unsigned)(c0 * 67u + c1) % 125u);
}

void hs_attr_type_index(uint16_t start[HS_ATTR_LEAD_BUCKETS + 1],
                        uint16_t *ord) {
  uint16_t count[HS_ATTR_LEAD_BUCKETS] = {0};
  /* each word's key, worked out once (the second pass reads it back) */
  unsigned char key[sizeof hs_attr_type_words / sizeof hs_attr_type_words[0]];
  size_t k, b;
  _Static_assert(HS_ATTR_LEAD_BUCKETS <= 256, "a key is one byte");
  for (k = 0; k < hs_attr_ntype_words; k++) {
    const char *w = hs_attr_type_words[k].word;
    key[k] = (unsigned char)hs_attr_lead_key(w, strlen(w));
    count[key[k]]++;
  }
  start[0] = 0;
  for (b = 0; b < HS_ATTR_LEAD_BUCKETS; b++)
    start[b + 1] = (uint16_t)(start[b] + count[b]);
  memset(count, 0, sizeof count);
  for (k = 0; k < hs_attr_ntype_words; k++) {
    unsigned h = key[k];
    ord[start[h] + count[h]++] = (uint16_t)k;
  }
}

void hs_attr_index_build(hs_attr_index *x, int which) {
  int p;
  memset(x, 0, sizeof *x);
  for (p = 0; p < 2; p++)
    if (which == 2 || which == p) {
      x->cue_ord[p] = hs_malloc(hs_attr_ncues * sizeof *x->cue_ord[p]);
      hs_attr_cue_buckets(p, x->cue_start[p], x->cue_ord[p]);
    }
  x->type_ord = hs_malloc(hs_attr_ntype_words * sizeof *x->type_ord);
  hs_attr_type_index(x->type_start, x->type_ord);
  /* backwards, so that each byte's chain is in table order */
  for (p = (int)hs_attr_ndenial; p-- > 0;) {
    unsigned char c = (unsigned char)hs_attr_denial_words[p][0];
    x->denial_next[p] = x->denial_head[c];
    x->denial_head[c] = (unsigned char)(p + 1);
    x->denial_len[p] = (unsigned char)strlen(hs_attr_denial_words[p]);
  }
}

/* The index of an extraction without an alias table: built once a
** process, at the first such extraction, and read by every later one (it
** cost more than reading a short text when each built its own); never
** freed, as it lives as long as the process. */
static hs_attr_index shared_index;
static pthread_once_t shared_once = PTHREAD_ONCE_INIT;

static void build_shared_index(void) { hs_attr_index_build(&shared_index, 2); }

const hs_attr_index *hs_attr_index_shared(void) {
  pthread_once(&shared_once, build_shared_index);
  return &shared_index;
}

void hs_attr_index_free(hs_attr_index *x) {
  free(x->cue_ord[0]);
  free(x->cue_ord[1]);
  free(x->type_ord);
}

/* Denial words next to any cue. */
const char *const hs_attr_denial_words[] = {
    "false", "baseless", "fabricated", "unfounded", "untrue", "fake news",
    "لا أساس", "عار عن الصحة", "عارية عن الصحة", "غير صحيحة", "مفبركة",
    "بی‌اساس", "بی اساس", "کذب", "نادرست", "не соответствует действительности",
    "не соответствуют действительности", "фейк", "фейком", "ложь", NULL};
const size_t hs_attr_ndenial =
    sizeof hs_attr_denial_words / sizeof hs_attr_denial_words[0] - 1;
_Static_assert(sizeof hs_attr_denial_words / sizeof hs_attr_denial_words[0] - 1 <=
                   HS_ATTR_DENIAL_MAX,
               "denial words by row in an unsigned char");

