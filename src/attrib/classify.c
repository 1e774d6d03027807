/*
** classify.c — the type of a source span (person, official, agency,
** outlet, anonymous, unknown) read from the words of the span itself: the
** type keywords of cues.c (the first row matched wins; an Arabic word is
** also tried without its article «ال»), else an English name opened by an
** article or holding an "X-based" word (a body, official), else the
** capitals of an English or Russian name of 2–4 words (a person).  Kept
** apart from the extraction (attrib.c), which calls it once per source,
** and from the name patterns and the alias table applied later
** (attrib_post.c, aliases.c).
*/
#include <string.h>

#include "hearsay.h"

#include "attrib/attrib_int.h"

/* The first row of the type keywords equal to the word w (n bytes), or
** hs_attr_ntype_words: only the rows of its first letter's bucket. */
size_t hs_attr_type_word_at(const txt *t, const char *w, size_t n) {
  size_t k;
  if (!t->tstart) {
    for (k = 0; k < hs_attr_ntype_words; k++)
      if (hs_attr_eq_ci(w, n, hs_attr_type_words[k].word)) return k;
    return hs_attr_ntype_words;
  } else {
    unsigned h = hs_attr_lead_key(w, n);
    for (k = t->tstart[h]; k < t->tstart[h + 1]; k++)
      if (hs_attr_eq_ci(w, n, hs_attr_type_words[t->tord[k]].word))
        return t->tord[k];
  }
  return hs_attr_ntype_words;
}

int hs_attr_classify(const txt *t, uint32_t s, uint32_t e, const char *lang) {
  uint32_t p = s;
  int nw = 0, ncap = 0, last2cap = 0, art = 0, based = 0;
  size_t k;
  int best = -1;
  size_t bestk = hs_attr_ntype_words;
  unsigned char lo[2];
  while (p < e) {
    uint32_t q;
    if (hs_attr_punct_len(t, p)) {
      p += hs_attr_punct_len(t, p);
      continue;
    }
    q = hs_attr_word_end(t, p);
    if (q > e) q = e;
    nw++;
    if (nw == 1 && hs_attr_eq_ci(t->s + p, q - p, "the")) art = 1;
    if (q - p > 6 && hs_attr_eq_ci(t->s + q - 6, 6, "-based")) based = 1;
    if (hs_attr_is_upper_ascii(t->s[p]) ||
        (p + 1 < e && hs_attr_cyr_lower(t->s + p, lo)))
      ncap++, last2cap = last2cap < 2 ? last2cap + 1 : 2;
    else last2cap = 0;
    k = hs_attr_type_word_at(t, t->s + p, q - p);
    if (k < bestk) bestk = k, best = hs_attr_type_words[k].type;
    /* Arabic article forms: "المصادر", "مصادر" */
    if (q - p > 4 && hs_attr_is_al(t->s + p)) {
      k = hs_attr_type_word_at(t, t->s + p + 4, q - p - 4);
      if (k < bestk) bestk = k, best = hs_attr_type_words[k].type;
    }
    p = q;
  }
  if (best >= 0) return best;
  /* a person takes no article ("The INSEE", "the Conference Board"), and
  ** "Paris-based Euronext" is a firm */
  if (hs_attr_lang_is(lang, "en") &&
      ((art && nw >= 2 && ncap >= nw - 1) || based))
    return HS_SRC_OFFICIAL;
  if ((hs_attr_lang_is(lang, "en") || hs_attr_lang_is(lang, "ru")) && ncap == nw && nw >= 2 &&
      nw <= 4)
    return HS_SRC_PERSON; /* "Ann Lee", «Сергей Шойгу» */
  if (hs_attr_lang_is(lang, "en") && nw >= 3 && last2cap == 2)
    return HS_SRC_PERSON; /* "Board chair Lucinda Farraday" */
  return HS_SRC_UNKNOWN;
}

/* Leading English article dropped from a normalized name. */
uint32_t hs_attr_skip_article(const txt *t, uint32_t s, uint32_t e) {
  uint32_t q = hs_attr_word_end(t, s);
  if (q < e && (hs_attr_eq_ci(t->s + s, q - s, "the") || hs_attr_eq_ci(t->s + s, q - s, "a") ||
                hs_attr_eq_ci(t->s + s, q - s, "an")))
    return q + 1 < e ? q + 1 : s;
  return s;
}
