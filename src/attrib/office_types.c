/*
** office_types.c — the types that the offices a text gives its sources
** make: a person named with an office word before the name or in an
** apposition after it ("Tory leader Michael Howard", «وليد الحسين، مدير
** الهيئة»), anywhere in the text ("Mr Howard said" after "Tory leader
** Michael Howard"), or after a lede that names the office alone
** («فرماندار بروجرد گفت»), is `official`; a short Arabic or Persian name
** that a speech verb follows is a person.
**
** Steps of hs_attrib_post (attrib_post.c), run in its order there: they
** read the office word sets that attrib_post.c builds once a process with
** its other word sets (post_sets_build), and each name is looked for in
** the text once (names_seen), since what is found depends on the name
** alone.
*/
#define _GNU_SOURCE /* memmem */
#include <string.h>

#include "attrib/attrib_int.h"

/* Arabic and Persian speech verbs: a short unknown name that says
** something is a person («وحيدزاده گفت», «وقال روميرو»), where a report
** cue («به گزارش», «نقلا عن») may name a medium. */
static const char *const speech_verbs[] = {
    "گفت", "افزود", "اظهار داشت", "تصریح کرد", "خاطرنشان کرد", "ادامه داد",
    "اظهارداشت", "بیان داشت", "مدعی شد", "مدعی شده بود", "گفته بود",
    "قال", "وقال", "قالت", "وقالت", "أضاف", "وأضاف", "أوضح", "وأوضح", "كتب",
    "وكتب", "اظهار کرد", "بیان کرد", "عنوان کرد", "می‌گوید", "می گوید",
    NULL};

/* The apposition of office_ar_fa (attrib_post.c, built into
** hs_attr_office_ar_fa_set), and a short unknown name that a speech verb
** follows. */
void hs_attr_type_by_context(const char *text, size_t len,
                             hs_attribution *a) {
  const char *v = a->source;
  size_t n = strlen(v), k, words = 1;
  uint32_t p = a->src_end;
  if ((unsigned char)v[0] < 0xD8 || (unsigned char)v[0] > 0xDB) return;
  for (k = 0; k < n; k++) words += v[k] == ' ';
  /* one analyst with a name: «محلل أسواق المال أنس الراجحي» (not «یک
  ** تحلیلگر بازار», "a market analyst") */
  if (a->type == HS_SRC_ANONYMOUS && words >= 4 &&
      (!strncmp(v, "محلل ", strlen("محلل ")) ||
       !strncmp(v, "تحلیلگر ", strlen("تحلیلگر ")))) {
    a->type = HS_SRC_PERSON;
    return;
  }
  if (a->type == HS_SRC_UNKNOWN || a->type == HS_SRC_PERSON) {
    uint32_t w = p, q;
    while (w < len && text[w] == ' ') w++;
    /* «، », «؛ », ", " before the office word, or a space alone */
    if (w + 3 < len && (!memcmp(text + w, "\xD8\x8C ", 3) ||
                        !memcmp(text + w, "\xD8\x9B ", 3)))
      w += 3;
    else if (w + 2 < len && !memcmp(text + w, ", ", 2))
      w += 2;
    else if (w == p)
      w = (uint32_t)len; /* a word runs on: no apposition */
    /* «عوض القويري وهو مسؤول بقطاع الصحة» */
    if (w + 7 < len && (!memcmp(text + w, "\xD9\x88\xD9\x87\xD9\x88 ", 7) ||
                        !memcmp(text + w, "\xD9\x88\xD9\x87\xD9\x8A ", 7)))
      w += 7;
    {
      q = w;
      while (q < len && text[q] != ' ' && text[q] != '\n') q++;
      if (hs_attr_wordset_find(&hs_attr_office_ar_fa_set, text + w, q - w) >=
          0) {
        a->type = HS_SRC_OFFICIAL;
        return;
      }
    }
  }
  if (a->type != HS_SRC_UNKNOWN || words > 3 || !a->cue) return;
  for (k = 0; speech_verbs[k]; k++)
    if (a->cue[0] == speech_verbs[k][0] && !strcmp(a->cue, speech_verbs[k])) {
      a->type = HS_SRC_PERSON;
      return;
    }
}

static int ascii_word(const char *v, size_t n) {
  size_t k;
  for (k = 0; k < n; k++)
    if ((unsigned char)v[k] >= 0x80) return 0;
  return n > 0;
}

/* 1 if the text names the person whose surname is at [i, i + m) with an
** office: an office word before the name (first names between; not after
** "former" or "ex-"), or in the apposition after it ("NAME, ... OFFICE
** ...,", up to seven words). */
static int office_at_en(const char *text, size_t len, size_t i, size_t m) {
  size_t b = i, e = i + m;
  int nw;
  for (nw = 0; nw < 3 && b > 1 && text[b - 1] == ' '; nw++) {
    size_t w = b - 1;
    while (w > 0 && text[w - 1] != ' ' && text[w - 1] != '\n') w--;
    int office =
        hs_attr_wordset_find(&hs_attr_office_en_set, text + w, b - 1 - w) >= 0;
    if (!(text[w] >= 'A' && text[w] <= 'Z') || nw == 2 || office) {
      if (office) {
        size_t x = w;
        if (w >= 2 && (text[w - 1] == '-' || text[w - 1] == ' ')) {
          x = w - 1;
          while (x > 0 && text[x - 1] != ' ' && text[x - 1] != '\n') x--;
          if (hs_attr_ieq(text + x, 7, "former ") ||
              hs_attr_ieq(text + x, 3, "ex-"))
            break;
        }
        return 1;
      }
      break;
    }
    b = w;
  }
  if (e + 2 < len && text[e] == ',' && text[e + 1] == ' ') {
    size_t p = e + 2;
    for (nw = 0; nw < 7 && p < len; nw++) {
      size_t q = p;
      while (q < len && ((text[q] >= 'a' && text[q] <= 'z') ||
                         (text[q] >= 'A' && text[q] <= 'Z') || text[q] == '-'))
        q++;
      if (q == p) break;
      if (hs_attr_wordset_find(&hs_attr_office_en_set, text + p, q - p) >= 0)
        return 1;
      if (q >= len || text[q] != ' ') break;
      p = q + 1;
    }
  }
  return 0;
}

/* An English person whose surname the text gives with an office anywhere
** (the name may come first in short: "Mr Howard") is `official`. */
/* What look(text, len, w, m) gives, asked once a name. */
static int seen_look(names_seen *s, const char *text, size_t len,
                     const char *w, size_t m,
                     int (*look)(const char *, size_t, const char *, size_t)) {
  int k, hit;
  for (k = 0; k < s->n; k++)
    if (s->m[k] == m && !memcmp(s->w[k], w, m)) return s->hit[k];
  hit = look(text, len, w, m);
  if (s->n < NSEEN) s->w[s->n] = w, s->m[s->n] = m, s->hit[s->n++] = hit;
  return hit;
}

/* 1 if the text gives the English surname w (m bytes) as a word anywhere
** with an office (office_at_en); its places found by memmem. */
static int office_of_en(const char *text, size_t len, const char *w,
                        size_t m) {
  size_t i = 1;
  const char *p;
  while (i + m <= len && (p = memmem(text + i, len - i, w, m))) {
    i = (size_t)(p - text);
    if (!((text[i - 1] >= 'A' && text[i - 1] <= 'z') ||
          (i + m < len && ((text[i + m] >= 'a' && text[i + m] <= 'z') ||
                           (text[i + m] >= 'A' && text[i + m] <= 'Z')))) &&
        office_at_en(text, len, i, m))
      return 1;
    i++;
  }
  return 0;
}

void hs_attr_type_by_office_en(const char *text, size_t len,
                               hs_attribution *a, names_seen *seen) {
  const char *v = a->source, *w;
  size_t n = strlen(v), m;
  if (a->type != HS_SRC_PERSON || !ascii_word(v, n)) return;
  w = v + n;
  while (w > v && w[-1] != ' ' && w[-1] != '\n') w--;
  m = (size_t)(v + n - w);
  if (m < 2 || !(w[0] >= 'A' && w[0] <= 'Z')) return;
  if (seen_look(seen, text, len, w, m, office_of_en)) a->type = HS_SRC_OFFICIAL;
}

/* 1 if an office word stands among the eight words before a place where
** the text gives the Arabic or Persian surname w (m bytes) as a word, with
** no comma or colon between; its places found by memmem. */
static int office_of_ar_fa(const char *text, size_t len, const char *w,
                           size_t m) {
  size_t i = 1;
  const char *p;
  while (i + m <= len && (p = memmem(text + i, len - i, w, m))) {
    size_t b = (size_t)(p - text);
    int nw = 0;
    i = b + 1;
    if (text[b - 1] != ' ' ||
        (b + m < len && (unsigned char)text[b + m] >= 0xD8 &&
         (unsigned char)text[b + m] <= 0xDB))
      continue;
    while (nw < 8 && b > 1 && text[b - 1] == ' ') {
      size_t e = b - 1, s2 = e;
      while (s2 > 0 && text[s2 - 1] != ' ' && text[s2 - 1] != '\n' &&
             text[s2 - 1] != ',' && text[s2 - 1] != ':')
        s2--;
      if (s2 == e || (s2 > 0 && text[s2 - 1] != ' ')) break;
      if (hs_attr_wordset_find(&hs_attr_office_ar_fa_set, text + s2,
                               e - s2) >= 0)
        return 1;
      b = s2;
      nw++;
    }
  }
  return 0;
}

/* An Arabic or Persian name the text gives elsewhere after an office
** phrase («مدير عام الهيئة ... المهندس محمد العمرة» ... «وقال العمرة»):
** an office word among the eight words before the surname, with no
** comma or colon between (a period may be an abbreviation's: «أ.د.»),
** makes the person an official. */
void hs_attr_type_by_office_ar_fa(const char *text, size_t len,
                                  hs_attribution *a, names_seen *seen) {
  const char *v = a->source, *w;
  size_t n = strlen(v), m, k;
  if ((a->type != HS_SRC_PERSON && a->type != HS_SRC_UNKNOWN) ||
      (unsigned char)v[0] < 0xD8 || (unsigned char)v[0] > 0xDB)
    return;
  for (k = 0, m = 0; k < n; k++) m += v[k] == ' ';
  if (m > 3) return;
  w = strrchr(v, ' ');
  w = w ? w + 1 : v;
  m = strlen(w);
  if (m < 4) return;
  if (seen_look(seen, text, len, w, m, office_of_ar_fa))
    a->type = HS_SRC_OFFICIAL;
}

/* A Persian or Arabic news item names an office in its lede («فرماندار
** بروجرد گفت») and the one holding it in the body («محمدعلی توحیدی امروز
** ... اظهار داشت»): a person named after an attribution to an office
** described without a name is that official. */
void hs_attr_type_by_lede_office(hs_attribution *v, size_t i) {
  size_t j;
  if (v[i].type != HS_SRC_PERSON || (unsigned char)v[i].source[0] < 0xD8 ||
      (unsigned char)v[i].source[0] > 0xDB)
    return;
  for (j = 0; j < i; j++) {
    const char *s = v[j].source, *sp = strchr(s, ' ');
    if (v[j].vague || v[j].type != HS_SRC_OFFICIAL || !sp) continue;
    if (hs_attr_wordset_find(&hs_attr_office_ar_fa_set, s, (size_t)(sp - s)) >=
        0) {
      v[i].type = HS_SRC_OFFICIAL;
      return;
    }
  }
}
