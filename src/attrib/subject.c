/*
** subject.c — where the source of a cue lies when word order makes it
** more than the words next to the cue: the Persian subject that opens the
** clause of a verb-final cue (before a «با» clause, before an apposition),
** the Persian reporter's desk before an agency's name, and the Arabic rule
** or document named after "according to" («وفقا لنموذج»), which is no
** source; the Arabic subject of «وكان X أكد» and the one told before the
** source of «أبلغ» (the Russian subject is in subject_ru.c).  Kept apart
** from attrib.c, which reads the words next to a cue; per-language words
** are the tables below.
*/
#include <string.h>

#include "hearsay.h"

#include "attrib/attrib_int.h"

/* «وفقا لنموذج مخصص», «حسب النظام», «طبقا للقرار»: after "according to"
** Arabic names a rule or a document as often as a source; a source whose
** first word (its article dropped) is such a noun is none. */
static const char *const rule_nouns_ar[] = {
    "نموذج", "نظام", "قرار", "لائحة", "مادة", "خطة", "برنامج", "جدول",
    "قانون", "تعليمات", "ضوابط", "شروط", "معايير", "آلية", "اتفاق", "اتفاقية",
    "توجيهات", "الية",
    /* measures, calendars and orders: «حسب مقدار الجزء» (depending on
    ** the part), «حسب تقويم أم القرى», «وفقا لأنظمة الوزارة» */
    "مقدار", "تقويم", "أنظمة", "انظمة", "نوع", "حجم", "حاجة", "ترتيب",
    "توقيت", "أولوية", "اولوية", "ظروف", "طبيعة", "تصنيف", "رغبة", "نص",
    "جهد",
    NULL};

int hs_attr_rule_noun_ar(const txt *t, uint32_t s, uint32_t e) {
  uint32_t w = hs_attr_word_end(t, s);
  if (w > e) w = e;
  if (w - s > 4 && hs_attr_is_al(t->s + s)) s += 4;
  /* «وفقا للاتفاقية»: the cue took one «ل» of «لل» (ل + ال); «لاتفاقية»
  ** is left */
  else if (w - s > 4 && !memcmp(t->s + s, "\xD9\x84\xD8\xA7", 4) &&
           hs_attr_in_list(t->s + s + 2, w - s - 2, rule_nouns_ar))
    return 1;
  return hs_attr_in_list(t->s + s, w - s, rule_nouns_ar);
}

/* Verbs after «بحسب ما», «حسبما» whose subject is the source (F_VERB). */
static const char *const report_verb_ar[] = {
    "أصدرت", "أصدر", "أورد", "أوردت", "نشر", "نشرت", "أظهر", "أظهرت",
    "ذكر", "ذكرت", "أفاد", "أفادت", "أعلن", "أعلنت", "أكد", "أكدت",
    "أوضح", "أوضحت", "قال", "قالت", "كشف", "كشفت", "بين", "بينت", "بيّن",
    "بيّنت", "صرح", "صرحت", "أشار", "أشارت", "نقل", "نقلت", "أبلغ", "أبلغت",
    "افاد", "افادت", "اظهر", "اظهرت", "اورد", "اوردت", NULL};

uint32_t hs_attr_skip_verb_ar(const txt *t, const sent *se, uint32_t ce) {
  uint32_t p = ce, q;
  while (p < se->e && t->s[p] == ' ') p++;
  q = hs_attr_word_end(t, p);
  if (q == p || q > se->e || !hs_attr_in_list(t->s + p, q - p, report_verb_ar))
    return 0;
  return q;
}

/* Prepositions before an Arabic verb cue: then it is a verbal noun («على
** كشف هويتهما», «بعد إعلان»), and no cue. */
static const char *const prep_ar[] = {"على", "في", "إلى", "الى", "عن", "من",
                                      "بعد", "قبل", "مع", NULL};

static int word_before_in(const txt *t, uint32_t lo, uint32_t p,
                          const char *const *list);

int hs_attr_after_prep_ar(const txt *t, uint32_t lo, uint32_t p) {
  return word_before_in(t, lo, p, prep_ar);
}

/* Greetings conveyed after a subject («ونقل نائب خادم الحرمين الشريفين
** تعازي ...», «أبلغ الوزير تهاني القيادة»): read up to them (they are in
** hs_attr_masdar_ar), then no statement. */
static const char *const greeting_ar[] = {
    "تعازي", "تعازيه", "التعازي", "تهاني", "تهانيه", "التهاني", "تهنئة",
    "تحيات", "مواساة", "تعزية", NULL};

int hs_attr_greeting_ar(const txt *t, uint32_t e, uint32_t lim) {
  uint32_t q;
  while (e < lim && t->s[e] == ' ') e++;
  if (e >= lim) return 0;
  q = hs_attr_word_end(t, e);
  if (q > lim) q = lim;
  return q > e && hs_attr_in_list(t->s + e, q - e, greeting_ar);
}

/* «به گزارش خبرنگار گروه حماسه و مقاومت فارس(باشگاه توانا)», «به گزارش
** حوزه پارلمانی خبرگزاری فارس»: a reporter's desk before the agency; the
** source is the agency's name that ends the phrase (before a comma or a
** parenthesis) when the alias table knows it. */
static const char *const desk_fa_words[] = {"خبرنگار", "حوزه", "گروه",
                                            "سرویس", NULL};

static int desk_name(const txt *t, const hs_aliases *al, uint32_t *s,
                     uint32_t *e, uint32_t end) {
  uint32_t b, best = 0;
  int k;
  while (end > *s && t->s[end - 1] == ' ') end--;
  b = end;
  for (k = 0; k < 3 && b > *s; k++) { /* the last one to three words */
    while (b > *s && t->s[b - 1] != ' ') b--;
    if (b <= *s) break;
    if (hs_aliases_lookup(al, t->s + b, end - b, NULL, NULL)) best = b;
    b--;
  }
  if (!best) return 0; /* the longest known name wins */
  *s = best;
  *e = end;
  return 1;
}

void hs_attr_desk_fa(const txt *t, const hs_aliases *al, const sent *se,
                    uint32_t *s, uint32_t *e) {
  uint32_t w = hs_attr_word_end(t, *s), end = *s;
  if (!al || w > *e || !hs_attr_in_list(t->s + *s, w - *s, desk_fa_words))
    return;
  if (desk_name(t, al, s, e, *e)) return;
  while (end < se->e && end - *s < 160 && t->s[end] != '(' &&
         memcmp(t->s + end, "\xD8\x8C", 2) && t->s[end] != ',' &&
         !hs_attr_sentence_end(t, end))
    end++;
  desk_name(t, al, s, e, end);
}

/* Persian is verb-final: the speaker of «گفت», «اعلام کرد» is the
** subject opening its clause («وزیر امور خارجه در دیدار با ... گفت»),
** read forwards from the clause start (after punctuation or after the
** verb of a previous attribution) up to a stop word. */
/* The start of the clause that ends at p: after the last hard
** punctuation in [lo, p) (lo if none); *punct gets that punctuation's
** position (or UINT32_MAX). */
static uint32_t clause_start_fa(const txt *t, uint32_t lo, uint32_t p,
                                uint32_t *punct) {
  uint32_t j;
  *punct = UINT32_MAX;
  for (j = p; j > lo; j--)
    if (hs_attr_hard_punct(t, j - 1) &&
        ((unsigned char)t->s[j - 1] < 0x80 ||
         ((unsigned char)t->s[j - 1] & 0xC0) != 0x80)) {
      *punct = j - 1;
      return j - 1 + hs_attr_punct_len(t, j - 1);
    }
  return lo;
}

/* Offices whose names list their fields («وزیر صنعت، معدن و تجارت»). */
const char *const hs_attr_office_fa[] = {"وزیر", "وزارت", "رئیس", "سازمان",
                                        "اداره", "مدیرکل", "مدیر", "معاون",
                                        NULL};

/* 1 if the comma at c («،» or ",") is a plain comma. */
static int comma_at(const txt *t, uint32_t c) {
  return c != UINT32_MAX && (t->s[c] == ',' ||
                             (c + 1 < t->len && !memcmp(t->s + c, "\xD8\x8C", 2)));
}

/* Verbs that end a Persian clause before «و» and another clause. */
static const char *const clause_end_fa[] = {
    "کرده", "شده", "است", "بود", "داده", "کرد", "شد", "دارد", "یافته",
    "داشت", "گرفت", "گرفته", "داد", "رسید", "نمود", NULL};
/* Adverbs that open a clause before its subject. */
static const char *const clause_adv_fa[] = {"حالا", "اکنون", "هم‌اکنون",
                                            "سپس", "اینک", NULL};

/* «...، تمایل مدیران باشگاه به جذب او کاهش پیدا کرده و حالا روزنامه
** میرر می‌گوید»: where the subject read from the clause start is followed
** by another clause, joined by «و» after a verb, that runs up to the cue
** at p, the cue's subject is that clause's subject when it stands right
** before the cue. */
void hs_attr_last_clause_fa(const txt *t, uint32_t p, uint32_t *s,
                            uint32_t *e) {
  uint32_t j, last = 0, w, s2, e2, b;
  for (j = *s; j + 4 <= p; j++)
    if (!memcmp(t->s + j, " \xD9\x88 ", 4)) last = j;
  if (!last) return;
  for (b = last; b > *s && t->s[b - 1] != ' '; b--) {
  }
  if (!hs_attr_in_list(t->s + b, last - b, clause_end_fa)) return;
  last += 4;
  w = hs_attr_word_end(t, last);
  if (w < p && hs_attr_in_list(t->s + last, w - last, clause_adv_fa))
    last = w + 1;
  if (!hs_attr_read_after(t, last, p, "fa", &s2, &e2) || s2 != last ||
      e2 <= s2)
    return;
  for (j = e2; j < p && hs_attr_is_space_byte((unsigned char)t->s[j]); j++) {
  }
  if (j != p) return;
  *s = s2;
  *e = e2;
}

/* «حریفان ... که رئیس فدراسیون فوتبال از برگزاری آنها خبر داده بود،
** مشخص شدند»: a cue closed by a comma, in a relative clause opened by
** «که» after the subject read: the relative clause's own subject. */
static void rel_clause_fa(const txt *t, uint32_t p, uint32_t *s,
                          uint32_t *e) {
  uint32_t j, k = 0, s2, e2;
  int words = 0;
  for (j = p; j < t->len && j < p + 40; j++) {
    if (t->s[j] == ' ') words++;
    if (comma_at(t, j)) break;
    if (hs_attr_punct_len(t, j) && t->s[j] != ' ') return;
  }
  if (j >= t->len || j >= p + 40 || !comma_at(t, j) || words > 3) return;
  for (j = *e; j + 6 <= p; j++)
    if (!memcmp(t->s + j, " \xDA\xA9\xD9\x87 ", 6)) k = j + 6;
  if (!k || !hs_attr_read_after(t, k, p, "fa", &s2, &e2) || s2 != k ||
      e2 <= s2)
    return;
  *s = s2;
  *e = e2;
}

/* 1 if the clause [cs, p) opens with a Persian stop word: it has no
** subject of its own. */
static int opens_with_stop_fa(const txt *t, uint32_t cs, uint32_t p) {
  uint32_t w = hs_attr_word_end(t, cs);
  return w > cs && w < p && hs_attr_in_list(t->s + cs, w - cs, hs_attr_stop_fa);
}

int hs_attr_subject_fa(const txt *t, const sent *se, const found *f,
                      size_t first, size_t nf, uint32_t p, uint32_t *s,
                      uint32_t *e) {
  uint32_t cs, pc, lo = se->s, j;
  size_t k;
  for (k = first; k < nf; k++)
    if (f[k].a.src_end <= f[k].cue_s && f[k].cue_e <= p && f[k].cue_e > lo)
      lo = f[k].cue_e;
  if (hs_attr_lead_subject_fa(t, f, first, nf, p, s, e)) return 1;
  cs = clause_start_fa(t, se->s, p, &pc);
  for (k = first; k < nf; k++)
    if (f[k].a.src_end <= f[k].cue_s && f[k].cue_e <= p && f[k].cue_e > cs)
      cs = f[k].cue_e;
  while (cs < p && hs_attr_is_space_byte((unsigned char)t->s[cs])) cs++;
  /* «X در بازدید از ستاد ...، با اعلام این مطلب گفت»: a clause opened by
  ** «با» (stating this, with ...) has its subject in the clause before */
  if (p - cs > 5 && !memcmp(t->s + cs, "\xD8\xA8\xD8\xA7 ", 5) &&
      comma_at(t, pc) && pc > lo) {
    uint32_t pc2, c2 = clause_start_fa(t, lo, pc, &pc2);
    while (c2 < pc && hs_attr_is_space_byte((unsigned char)t->s[c2])) c2++;
    if (c2 < pc) cs = c2, pc = pc2;
  }
  /* «X گزارش رویترز را که گفته شده بود ...، «بی‌اساس» خواند»: a relative
  ** clause on the object («را که ...») closed by a comma; the subject
  ** opens the clause that holds the object */
  if (comma_at(t, pc) && pc > lo) {
    static const char ra_ke[] = " \xD8\xB1\xD8\xA7 \xDA\xA9\xD9\x87 "; /* " را که " */
    const uint32_t n = sizeof ra_ke - 1;
    uint32_t q = pc, pc2, c2;
    while (q > lo && (q + n > pc || memcmp(t->s + q, ra_ke, n))) q--;
    if (q > lo) {
      c2 = clause_start_fa(t, lo, q, &pc2);
      while (c2 < q && hs_attr_is_space_byte((unsigned char)t->s[c2])) c2++;
      if (c2 < q && hs_attr_read_after(t, c2, q, "fa", s, e) && *s == c2 &&
          *e > *s)
        return 1;
    }
  }
  /* «وزیر صنعت، معدن و تجارت ... گفت»: «A و B» right after a comma that
  ** closes an office's name of at most five words (the office in its last
  ** two) is the rest of a list inside that name */
  if (comma_at(t, pc) && pc > lo) {
    uint32_t pc2, c2 = clause_start_fa(t, lo, pc, &pc2), w1, ws, we;
    int nw = 0, office = 0;
    while (c2 < pc && hs_attr_is_space_byte((unsigned char)t->s[c2])) c2++;
    for (ws = c2; ws < pc && nw <= 5;) {
      we = hs_attr_word_end(t, ws);
      if (we > pc) we = pc;
      if (we == ws) break;
      nw++;
      office = hs_attr_in_list(t->s + ws, we - ws, hs_attr_office_fa) ? nw : office;
      for (ws = we; ws < pc && t->s[ws] == ' '; ws++) {
      }
    }
    w1 = hs_attr_word_end(t, cs);
    if (c2 < pc && nw >= 1 && nw <= 5 && office && office >= nw - 1 &&
        w1 > cs && w1 + 4 < p && !memcmp(t->s + w1, " \xD9\x88 ", 4)) {
      uint32_t w2 = hs_attr_word_end(t, w1 + 4);
      if (w2 > w1 + 4 && w2 <= p) {
        *s = c2;
        *e = w2;
        return 1;
      }
    }
  }
  /* «به نقل از تسنیم، علیرضا سهرابیان، رئیس فدراسیون ... گفت»: a name of
  ** at most four words between two commas is the subject, the clause
  ** after it its apposition */
  if (comma_at(t, pc) && pc > lo) {
    uint32_t pc2, c2 = clause_start_fa(t, lo, pc, &pc2), ns, ne;
    while (c2 < pc && hs_attr_is_space_byte((unsigned char)t->s[c2])) c2++;
    if (c2 < pc && (c2 == lo || comma_at(t, pc2)) &&
        hs_attr_read_after(t, c2, pc, "fa", &ns, &ne) && ns == c2) {
      int nw = 0;
      for (j = ns; j < ne; j++) nw += t->s[j] == ' ';
      while (ne < pc && hs_attr_is_space_byte((unsigned char)t->s[ne])) ne++;
      if (ne == pc && nw <= 3) {
        *s = ns;
        *e = ne;
        while (*e > *s && hs_attr_is_space_byte((unsigned char)t->s[*e - 1])) (*e)--;
        return 1;
      }
    }
  }
  /* «فابیو کاپلو که خود ... بود، در مورد ... گفت»: a clause with no
  ** subject (it opens with a stop word) after a relative clause on X
  ** closed by a comma: X */
  if (comma_at(t, pc) && pc > lo) {
    uint32_t w = hs_attr_word_end(t, cs), pc2, c2, q;
    if (w > cs && w <= p &&
        hs_attr_in_list(t->s + cs, w - cs, hs_attr_stop_fa)) {
      c2 = clause_start_fa(t, lo, pc, &pc2);
      while (c2 < pc && hs_attr_is_space_byte((unsigned char)t->s[c2])) c2++;
      for (q = c2; q + 6 <= pc && memcmp(t->s + q, " \xDA\xA9\xD9\x87 ", 6);)
        q++;
      if (q + 6 <= pc && hs_attr_read_after(t, c2, q, "fa", s, e) &&
          *s == c2 && *e > *s)
        return 1;
    }
  }
  /* «علی پروین در گفت‌وگویی کوتاه با فارس، اظهار داشت», «X در مورد
  ** اینکه ...، عنوان کرد»: the cue right after a comma has no clause of
  ** its own, nor one that opens with a preposition («حمید زینی‌زاده در
  ** گفت‌وگو با خبرنگار ایسنا، درباره ... اظهار کرد»); its subject opens
  ** the first clause of the sentence (or the first after an earlier
  ** attribution) that no attribution holds */
  if ((cs == p || opens_with_stop_fa(t, cs, p)) && comma_at(t, pc) &&
      pc > lo) {
    uint32_t c = lo, z;
    for (;;) {
      int held = 0;
      while (c < pc && hs_attr_is_space_byte((unsigned char)t->s[c])) c++;
      for (z = c; z < pc && !comma_at(t, z) && !hs_attr_hard_punct(t, z); z++) {
      }
      for (k = first; k < nf; k++)
        if (f[k].a.src_end > c && f[k].a.src_start < z) held = 1;
      if (!held || z >= pc) break;
      c = z + hs_attr_punct_len(t, z);
    }
    if (c >= pc || !hs_attr_read_after(t, c, pc, "fa", s, e) || *s != c ||
        *e <= *s)
      return 0;
    /* «وزیر صنعت، معدن و تجارت»: an office's list of fields */
    for (z = *e; z < pc && t->s[z] == ' '; z++) {
    }
    if (comma_at(t, z)) {
      uint32_t w1, w2, a = z + hs_attr_punct_len(t, z), b, ws = *s;
      int office = 0;
      while (ws < *e) {
        b = hs_attr_word_end(t, ws);
        if (b == ws) break;
        if (hs_attr_in_list(t->s + ws, b - ws, hs_attr_office_fa)) office = 1;
        for (ws = b; ws < *e && t->s[ws] == ' '; ws++) {
        }
      }
      while (a < pc && t->s[a] == ' ') a++;
      w1 = hs_attr_word_end(t, a);
      if (office && w1 > a && w1 + 4 < pc && !memcmp(t->s + w1, " \xD9\x88 ", 4) &&
          (w2 = hs_attr_word_end(t, w1 + 4)) > w1 + 4 && w2 <= pc)
        *e = z = w2;
    }
    /* the subject stands before a stop word («در», «با») or alone in its
    ** clause, not before a number («مربی 58 ساله ...»: an epithet) */
    while (z < pc && t->s[z] == ' ') z++;
    if (z < pc && !comma_at(t, z)) {
      uint32_t w = hs_attr_word_end(t, z);
      if (w == z || !hs_attr_in_list(t->s + z, w - z, hs_attr_stop_fa))
        return 0;
    }
    return 1;
  }
  if (p - cs > 5 && !memcmp(t->s + cs, "\xDA\xA9\xD9\x87 ", 5)) cs += 5;
  if (!hs_attr_read_after(t, cs, p, "fa", s, e) || *e <= *s || *s != cs)
    return 0;
  hs_attr_last_clause_fa(t, p, s, e);
  rel_clause_fa(t, p, s, e);
  return 1;
}


/* ------------------------------------------------------------ words */

int hs_attr_word_before(const txt *t, uint32_t lo, uint32_t b, uint32_t *ws,
                        uint32_t *we) {
  while (b > lo && t->s[b - 1] == ' ') b--;
  *we = b;
  while (b > lo && !hs_attr_punct_len(t, b - 1)) b--;
  *ws = b;
  return *we > *ws;
}

/* ------------------------------------------------------------ Arabic */

/* «وكان X أكد أن»: the verb after its subject, opened by «كان» (and
** «قد» before the verb: «وكان X قد أكد»). */
static const char *const kana_ar[] = {"كان", "وكان", "كانت", "وكانت",
                                      "فكان", NULL};

int hs_attr_subject_kana_ar(const txt *t, const sent *se, uint32_t p,
                            uint32_t *s, uint32_t *e) {
  uint32_t b = p, ws, we, end;
  int k;
  if (hs_attr_word_before(t, se->s, b, &ws, &we) && we - ws == 4 &&
      !memcmp(t->s + ws, "\xD9\x82\xD8\xAF", 4)) /* «قد» */
    b = ws;
  while (b > se->s && t->s[b - 1] == ' ') b--;
  end = b;
  for (k = 0; k < 10; k++) {
    if (!hs_attr_word_before(t, se->s, b, &ws, &we)) return 0;
    if (hs_attr_in_list(t->s + ws, we - ws, kana_ar)) {
      if (k == 0) return 0;
      for (b = we; b < end && t->s[b] == ' '; b++) {
      }
      *s = b;
      *e = end;
      return 1;
    }
    if (ws > se->s && hs_attr_hard_punct(t, ws - 1)) return 0;
    b = ws;
  }
  return 0;
}

/* Adjectives that take a preposition inside an Arabic source. */
static const struct {
  const char *adj, *prep;
} adj_ar[] = {
    {"مطلع", " على "},   {"مطلعة", " على "},   {"مطلعون", " على "},
    {"مطلعين", " على "}, {"مقرب", " من "},     {"مقربة", " من "},
    {"مقربون", " من "},  {"مقربين", " من "},   {"قريب", " من "},
    {"قريبة", " من "},   {"قريبون", " من "},   {"مسؤول", " عن "},
    {"المسؤول", " عن "}, {"المشرف", " على "}, {"والمشرف", " على "},
    {NULL, NULL}};

void hs_attr_extend_adj_ar(const txt *t, const sent *se, uint32_t s,
                           uint32_t *e) {
  uint32_t ws, we, s2, e2;
  size_t n;
  int k;
  /* the head itself may open the source when definite («بحسب المشرف على
  ** الفعاليات ...»), not an adjective alone («مطلع») */
  if (!hs_attr_word_before(t, s, *e, &ws, &we) ||
      (ws == s && !(we - ws > 4 && hs_attr_is_al(t->s + ws))))
    return;
  for (k = 0; adj_ar[k].adj; k++)
    if (hs_attr_eq_ci(t->s + ws, we - ws, adj_ar[k].adj)) break;
  if (!adj_ar[k].adj) return;
  n = strlen(adj_ar[k].prep);
  if (*e + n > se->e || memcmp(t->s + *e, adj_ar[k].prep, n)) return;
  if (hs_attr_read_after(t, *e + (uint32_t)n, se->e, "ar", &s2, &e2) &&
      s2 == *e + n && e2 - s2 <= 60)
    *e = e2;
}

uint32_t hs_attr_skip_told_ar(const txt *t, const sent *se, uint32_t ce) {
  uint32_t a = ce, ql, z;
  while (a < se->e && t->s[a] == ' ') a++;
  ql = a < se->e ? hs_attr_quote_open_len(t, a) : 0;
  if (!ql) return ce;
  for (z = a + ql; z < se->e && z < a + 60; z++)
    if (hs_attr_quote_close_len(t, z))
      return z + hs_attr_quote_close_len(t, z);
  return ce;
}

/* An Arabic source cut at «في» whose place, of one to three words, is
** followed by a title and a name («مدير فرع وزارة المياه في الأحساء
** المهندس عبدالله الدولة»): extended over the place and the name. */
void hs_attr_extend_title_ar(const txt *t, const sent *se, uint32_t *e) {
  uint32_t p = *e, q, s2, e2;
  int k;
  if (p + 6 > se->e || memcmp(t->s + p, " \xD9\x81\xD9\x8A ", 6)) return;
  p += 6;
  for (k = 0; k < 4 && p < se->e; k++) {
    q = hs_attr_word_end(t, p);
    if (q > se->e || q == p) return;
    if (k >= 1 && hs_attr_in_list(t->s + p, q - p, hs_attr_title_ar)) {
      if (hs_attr_read_after(t, p, se->e, "ar", &s2, &e2) && s2 == p &&
          e2 > q)
        *e = e2;
      return;
    }
    if (hs_attr_in_list(t->s + p, q - p, hs_attr_stop_ar) || q >= se->e ||
        t->s[q] != ' ')
      return;
    p = q + 1;
  }
}

/* Nouns that make «گفت» a greeting, not a statement («را تسلیت گفت»:
** offered condolences; «تبریک گفت»: congratulated). */
static const char *const greeting_fa[] = {"تسلیت", "تبریک", "تهنیت",
                                          "خوشامد", "خیرمقدم",
                                          /* «ترک گفت», «بدرود گفت»: left */
                                          "ترک", "بدرود", "وداع", NULL};
/* Prepositions before a word that is then a place or the one told, not
** the subject of the verb after it («در رم گفت», «به فارس گفت»), and
** «را», after which it is the object's complement («گلم را آفساید اعلام
** کرد»: declared my goal offside). */
static const char *const prep_fa[] = {"در", "به", "از", "با", "برای",
                                      "را", NULL};

/* 1 if the word that ends right before p (spaces aside) is in list. */
static int word_before_in(const txt *t, uint32_t lo, uint32_t p,
                          const char *const *list) {
  uint32_t e = p, b;
  while (e > lo && t->s[e - 1] == ' ') e--;
  for (b = e; b > lo && t->s[b - 1] != ' '; b--) {
  }
  return e > b && hs_attr_in_list(t->s + b, e - b, list);
}

int hs_attr_greeting_fa(const txt *t, uint32_t lo, uint32_t p) {
  return word_before_in(t, lo, p, greeting_fa);
}

int hs_attr_after_prep_fa(const txt *t, uint32_t lo, uint32_t s) {
  return word_before_in(t, lo, s, prep_fa);
}

/* «باشگاه تراکتورسازی تبریز موضع خود را ... اعلام کرد»: a subject read
** up to the object marker «را» ends with the object when its last word is
** the reflexive «خود» ("its own position"): a noun and «خود» dropped. */
void hs_attr_object_fa(const txt *t, uint32_t s, uint32_t *e) {
  static const char khod[] = " \xD8\xAE\xD9\x88\xD8\xAF"; /* " خود" */
  static const char ra[] = " \xD8\xB1\xD8\xA7"; /* " را" */
  const uint32_t nk = sizeof khod - 1, nr = sizeof ra - 1;
  static const char in[] = " \xD8\xA7\xDB\x8C\xD9\x86 "; /* " این " */
  const uint32_t ni = sizeof in - 1;
  uint32_t b;
  if (*e + nr > t->len || memcmp(t->s + *e, ra, nr) ||
      (*e + nr < t->len && !hs_attr_punct_len(t, *e + nr)))
    return;
  /* «سخنگوی باشگاه این شایعه را تکذیب کرد»: the object opens with the
  ** demonstrative */
  for (b = s + 1; b + ni <= *e; b++)
    if (t->s[b] == ' ' && !memcmp(t->s + b, in, ni)) {
      *e = b;
      return;
    }
  if (*e - s <= nk || memcmp(t->s + *e - nk, khod, nk)) return;
  b = *e - nk;
  while (b > s && t->s[b - 1] != ' ') b--; /* the noun before «خود» */
  while (b > s && t->s[b - 1] == ' ') b--;
  /* a subject of two words or more is left */
  if (b > s && memchr(t->s + s, ' ', b - s)) *e = b;
}

/* «... با بیان این مطلب افزود», «... این مسئله را تکذیب می‌کند»: a
** noun after the demonstrative «این»/«آن» read as a Persian subject is
** "this matter" (one word after the demonstrative), or the object when
** «را» follows it: no source. */
int hs_attr_demo_object_fa(const txt *t, uint32_t lo, uint32_t s, uint32_t e) {
  static const char *const demo_fa[] = {"این", "آن", NULL};
  /* the verbal nouns of «با بیان این مطلب» ("stating this") */
  static const char *const state_fa[] = {"بیان", "اعلام", "ذکر", "طرح",
                                         "تشریح", NULL};
  static const char ra[] = " \xD8\xB1\xD8\xA7"; /* " را" */
  const uint32_t nr = sizeof ra - 1;
  uint32_t w = hs_attr_word_end(t, s), d = s;
  while (d > lo && t->s[d - 1] == ' ') d--;
  if (w >= e && d > lo + 1 && word_before_in(t, lo, s, demo_fa)) {
    while (d > lo && t->s[d - 1] != ' ') d--; /* the demonstrative's start */
    if (word_before_in(t, lo, d, state_fa)) return 1;
  }
  return hs_attr_in_list(t->s + s, (w < e ? w : e) - s, demo_fa) &&
         e + nr <= t->len && !memcmp(t->s + e, ra, nr) &&
         (e + nr == t->len || hs_attr_punct_len(t, e + nr));
}

/* Persian verbal nouns that open the object of a verb-final cue when they
** follow the subject («مدیرکل آموزش و پرورش استان کرمانشاه ایجاد شرایط
** مناسب ... را نیازمند ... بیان کرد»); none of them names a body («سازمان
** توسعه», «ستاد برگزاری» would, and are left out). */
static const char *const masdar_fa[] = {"ایجاد", "انتخاب", "افزایش", "کاهش",
                                        "رفع", NULL};

void hs_attr_masdar_fa(const txt *t, uint32_t s, uint32_t *e) {
  uint32_t p = s, q;
  int nw = 0;
  while (p < *e) {
    while (p < *e && t->s[p] == ' ') p++;
    if (p >= *e) return;
    q = hs_attr_word_end(t, p);
    if (q > *e) q = *e;
    if (nw >= 2 && hs_attr_in_list(t->s + p, q - p, masdar_fa)) {
      while (p > s && t->s[p - 1] == ' ') p--;
      *e = p;
      return;
    }
    if (q == p) return;
    nw++;
    p = q;
  }
}

/* «وقال يوجين فينبرج الخبير الاستراتيجي لدى كومرتس بنك»: a name of two
** words or more, then a definite role noun: the role is an apposition, no
** part of the source.  Only where the source opens with a name (no «ال»,
** no title or office first: «المتحدث باسم التحالف المستشار ...» is one
** office). */
static const char *const role_after_name_ar[] = {
    "الخبير", "المحلل", "الباحث", "المستشار", "الأستاذ", "الخبيرة",
    "المحللة", "الباحثة", "المستشارة", "المسؤول", "المسؤولة",
    /* offices: the definite form, and the head of a construct («جيم
    ** كرافت قائد الشرطة», «ناصر الحاسي المتحدث باسم القوات الجوية»);
    ** a source opening with one of them is one office, not cut */
    "المتحدث", "المتحدثة", "الناطق", "الناطقة", "المدير", "الرئيس",
    "الوزير", "السفير", "القائد", "النائب", "العضو", "الأمين", "الوكيل",
    "المحافظ", "قائد", "رئيس", "مدير", "وزير", "سفير", "نائب", "عضو",
    "أمين", "وكيل", "متحدث", "متحدثة", "محافظ", "مساعد", "مستشار",
    "سكرتير", "عميد", "مدرب", "القائم", NULL};
/* Words that open a source which then is no name: honorifics and
** professions («معالي رئيس ديوان المظالم رئيس مجلس القضاء», «أخصائي طب
** العيون رئيس العلاقات العامة»): no role cut there. */
static const char *const opens_no_name_ar[] = {
    "معالي", "سمو", "صاحب", "فضيلة", "سعادة", "أخصائي", "اخصائي",
    "استشاري", "خبير", "محلل", "باحث", "أستاذ", "طبيب", "محامي", "مصدر",
    "مصادر", NULL};

void hs_attr_cut_role_ar(const txt *t, uint32_t s, uint32_t *e) {
  uint32_t p = s, q;
  int nw = 0;
  if (*e - s > 4 && !memcmp(t->s + s, "\xD8\xA7\xD9\x84", 4)) return; /* «ال» */
  q = hs_attr_word_end(t, s);
  if (hs_attr_in_list(t->s + s, q - s, hs_attr_title_ar) ||
      hs_attr_in_list(t->s + s, q - s, role_after_name_ar) ||
      hs_attr_in_list(t->s + s, q - s, opens_no_name_ar))
    return;
  while (p < *e) {
    while (p < *e && t->s[p] == ' ') p++;
    if (p >= *e) return;
    q = hs_attr_word_end(t, p);
    if (q > *e) q = *e;
    if (nw >= 2 && hs_attr_in_list(t->s + p, q - p, role_after_name_ar)) {
      while (p > s && t->s[p - 1] == ' ') p--;
      *e = p;
      return;
    }
    /* «مصادر مقربة من رئيس الحكومة»: a preposition first, no name */
    if (hs_attr_punct_len(t, p) || hs_attr_in_list(t->s + p, q - p, hs_attr_stop_ar))
      return;
    nw++;
    p = q;
  }
}

/* «وقال بيان لقوة المهام المشتركة»: "a statement of X", X the source;
** «قال لهيئة الإذاعة الأميركية»: "said to" a medium, the one told, no
** source (0).  Otherwise 1, [*s, e) as read. */
int hs_attr_statement_of_ar(const txt *t, uint32_t *s, uint32_t e) {
  static const char *const doc_ar[] = {"بيان", "تقرير", NULL};
  uint32_t w = hs_attr_word_end(t, *s);
  if (w + 3 < e && t->s[w] == ' ' && hs_attr_in_list(t->s + *s, w - *s, doc_ar) &&
      !memcmp(t->s + w + 1, "\xD9\x84", 2)) {
    uint32_t p = w + 3;
    if (p + 2 < e && !memcmp(t->s + p, "\xD9\x80", 2)) p += 2; /* «لـ» */
    while (p < e && t->s[p] == ' ') p++;
    if (p < e && !hs_attr_punct_len(t, p)) *s = p;
    return 1;
  }
  if (w > *s + 2 && !memcmp(t->s + *s, "\xD9\x84", 2) &&
      hs_attr_in_list(t->s + *s + 2, w - *s - 2, hs_attr_medium_ar))
    return 0;
  return 1;
}
