/*
** forms_ar.c — Arabic word forms that tell where a source read forwards
** ends.  After a verb cue Arabic puts the subject, then the object
** («أعلنت الحكومة الصينية توسيع نطاق ...», «أعلنت شركة المياه الوطنية
** الانتهاء من ...»); the object of a reporting verb is most often a verbal
** noun (masdar), and the masdars of the derived verbs have fixed shapes:
** تفعيل (توسيع), تفاعل (تعاون), إفعال (إطلاق), افتعال (اعتقال), انفعال
** (انتهاء), استفعال (استمرار), مفاعلة (مشاركة).  hs_attr_masdar_ar in
** cues.c lists the nouns of the bare verbs, which have no shape of their
** own.  A shaped word ends the source only where it cannot be a part of
** the subject's noun phrase: after a definite word or an adjective ending
** «ية» (an adjective would agree, a construct's head comes before its
** complement: «هيئة الاستثمار» keeps its word), and not after a title,
** where a name follows («الرائد توفيق»).  Letters are compared as code
** points of the two-byte Arabic block; no table of words, no state.
*/
#include <string.h>

#include "hearsay.h"

#include "attrib/attrib_int.h"

#define ALEF 0x627
#define ALEF_HAMZA_BELOW 0x625
#define ALEF_HAMZA_ABOVE 0x623
#define TEH 0x62A
#define SEEN 0x633
#define MEEM 0x645
#define NOON 0x646
#define YEH 0x64A
#define TEH_MARBUTA 0x629
#define LAM 0x644

/* The letters of [p, q) as code points (at most max); -1 if a byte is
** not of the Arabic block (U+0600-U+06FF, lead bytes D8-DB). */
static int letters(const txt *t, uint32_t p, uint32_t q, unsigned *l,
                   int max) {
  int n = 0;
  while (p < q) {
    unsigned char a = (unsigned char)t->s[p], b;
    if (a < 0xD8 || a > 0xDB || p + 1 >= q || n == max) return -1;
    b = (unsigned char)t->s[p + 1];
    if ((b & 0xC0) != 0x80) return -1;
    l[n++] = ((unsigned)(a & 0x1F) << 6) | (b & 0x3F);
    p += 2;
  }
  return n;
}

static int is_alef(unsigned c) {
  return c == ALEF || c == ALEF_HAMZA_BELOW || c == ALEF_HAMZA_ABOVE;
}

/* 1 if [p, q), its article dropped, has the shape of a derived verb's
** masdar; prev_al: the word before it is definite. */
static int masdar_shape(const txt *t, uint32_t p, uint32_t q, int prev_al) {
  unsigned l[10];
  int n = letters(t, p, q, l, 10), o = 0, al = 0;
  /* the article off («العام» is no إفعال) */
  if (n >= 3 && l[0] == ALEF && l[1] == LAM) o = 2, n -= 2, al = 1;
  if (n < 5) return 0;
  if (n == 5 && l[o] == TEH && l[o + 3] == YEH) return 1;          /* تفعيل */
  if (n == 5 && l[o] == TEH && l[o + 2] == ALEF) return 1;         /* تفاعل */
  if (n == 5 && is_alef(l[o]) && l[o + 3] == ALEF) return 1;       /* إفعال */
  if (n == 6 && is_alef(l[o]) && l[o + 2] == TEH && l[o + 4] == ALEF)
    return 1;                                                      /* افتعال */
  if (n == 6 && is_alef(l[o]) && l[o + 1] == NOON && l[o + 4] == ALEF)
    return 1;                                                      /* انفعال */
  if (n == 7 && is_alef(l[o]) && l[o + 1] == SEEN && l[o + 2] == TEH &&
      l[o + 5] == ALEF)
    return 1;                                                      /* استفعال */
  /* مفاعلة is also the shape of the active participle («المصاحبة»), an
  ** adjective where it agrees: an object only indefinite after a definite
  ** word (prev_al) */
  if (n == 6 && l[o] == MEEM && l[o + 2] == ALEF && l[o + 5] == TEH_MARBUTA)
    return !al && prev_al;                                         /* مفاعلة */
  return 0;
}

/* 1 if the word [ps, pe) before it closes a noun phrase that a masdar
** cannot continue: definite, or an adjective ending «ية»; not a title. */
static int closes_phrase(const txt *t, uint32_t ps, uint32_t pe) {
  unsigned l[16];
  int n;
  if (hs_attr_in_list(t->s + ps, pe - ps, hs_attr_title_ar)) return 0;
  if (pe - ps > 4 && hs_attr_is_al(t->s + ps)) return 1;
  n = letters(t, ps, pe, l, 16);
  return n >= 4 && l[n - 2] == YEH && l[n - 1] == TEH_MARBUTA;
}

int hs_attr_object_masdar_ar(const txt *t, uint32_t ps, uint32_t pe,
                             uint32_t p, uint32_t q) {
  return pe > ps && q - p >= 10 && closes_phrase(t, ps, pe) &&
         masdar_shape(t, p, q, pe - ps > 4 && hs_attr_is_al(t->s + ps));
}
