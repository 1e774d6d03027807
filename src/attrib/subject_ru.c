/*
** subject_ru.c — the Russian subject of a verb cue, read before the cue
** or, where a quotation, a comma or «Об этом» stands before it, after it
** («Об этом сообщил X»); "X со ссылкой на Y сообщил" gives X; a head
** read alone before «в» and a body («источник в МВД») is extended over
** the body.  Apart from subject.c, whose other languages' subjects share
** nothing with these rules but the word reader (hs_attr_word_before).
*/
#include <string.h>

#include "hearsay.h"

#include "attrib/attrib_int.h"

/* Words after which a Russian verb's subject follows it: «Об этом
** сообщил X», «О том заявил X». */
static const char *const invert_ru[] = {"этом", "том", NULL};
/* A locative before an inverted subject: «..., сообщили в пресс-службе
** МВД»: the source is the press service. */
static const char *const in_ru[] = {"в", "во", NULL};

/* 1 if the byte before b (spaces skipped back to lo) closes a clause or a
** quotation: , : " » — – - */
static int clause_before_ru(const txt *t, uint32_t lo, uint32_t b,
                            int *comma) {
  const unsigned char *u = (const unsigned char *)t->s;
  while (b > lo && u[b - 1] == ' ') b--;
  *comma = b > lo && u[b - 1] == ',';
  if (b == lo) return 0;
  if (u[b - 1] == ',' || u[b - 1] == ':' || u[b - 1] == '"' || u[b - 1] == '-')
    return 1;
  if (b >= lo + 2 && u[b - 2] == 0xC2 && u[b - 1] == 0xBB) return 1; /* » */
  if (b >= lo + 3 && u[b - 3] == 0xE2 && u[b - 2] == 0x80 &&
      (u[b - 1] == 0x94 || u[b - 1] == 0x93 || u[b - 1] == 0x9D))
    return 1; /* — – ” */
  return 0;
}

/* «Посольство РФ в Таиланде опровергло», «Защита обвиняемого в убийстве
** Буданова заявила»: a subject read back to «в» that the sentence opens
** with at most four words before it (a capital first) goes back to the
** sentence start. */
static void opening_in_ru(const txt *t, const sent *se, uint32_t *s) {
  uint32_t b = se->s, j, w;
  int nw = 0;
  unsigned char lo[2];
  while (b < *s && hs_attr_is_space_byte((unsigned char)t->s[b])) b++;
  if (b + 4 > *s || (memcmp(t->s + *s - 4, " \xD0\xB2 ", 4) &&
                     (*s < b + 6 || memcmp(t->s + *s - 6, " \xD0\xB2\xD0\xBE ", 6))))
    return;
  if (!hs_attr_cyr_lower(t->s + b, lo)) return;
  for (j = b; j < *s; j = w) {
    if (hs_attr_punct_len(t, j)) {
      if (t->s[j] != ' ') return;
      j++;
      w = j;
      continue;
    }
    w = hs_attr_word_end(t, j);
    if (w == j) return;
    nw++;
  }
  if (nw <= 5) *s = b; /* four words, «в» and the name after it */
}

/* «"Новая газета" рассказала», «Партия "Гражданская платформа" заявила»:
** a quoted name of at most four words right before the verb, the sentence
** opening with it or with one capitalized word before it; the name alone
** without its quotation marks, or the word with the quoted name. */
static int quoted_subject_ru(const txt *t, const sent *se, uint32_t q,
                             uint32_t *s, uint32_t *e) {
  const unsigned char *u = (const unsigned char *)t->s;
  uint32_t c = q, z = 0, o, ol = 0, b = se->s;
  int nw = 1;
  unsigned char lo[2];
  while (c > se->s && u[c - 1] == ' ') c--;
  if (c >= se->s + 1 && u[c - 1] == '"') z = c - 1;
  else if (c >= se->s + 2 && u[c - 2] == 0xC2 && u[c - 1] == 0xBB) z = c - 2;
  else if (c >= se->s + 3 && u[c - 3] == 0xE2 && u[c - 2] == 0x80 &&
           u[c - 1] == 0x9D)
    z = c - 3;
  else
    return 0;
  for (o = z; o > se->s && nw <= 4; o--) {
    if (u[o - 1] == ' ') nw++;
    if (u[o - 1] == '"') { o--, ol = 1; break; }
    if (o >= se->s + 2 && u[o - 2] == 0xC2 && u[o - 1] == 0xAB) { o -= 2, ol = 2; break; }
    if (o >= se->s + 3 && u[o - 3] == 0xE2 && u[o - 2] == 0x80 &&
        u[o - 1] == 0x9C) { o -= 3, ol = 3; break; }
    if (hs_attr_punct_len(t, o - 1) && u[o - 1] != ' ' && u[o - 1] != '-')
      return 0;
  }
  if (!ol || z <= o + ol || !hs_attr_cyr_lower(t->s + o + ol, lo)) return 0;
  while (b < o && hs_attr_is_space_byte(u[b])) b++;
  if (b == o) { /* the sentence opens with the quoted name */
    *s = o + ol;
    *e = z;
    return 1;
  }
  if (!hs_attr_cyr_lower(t->s + b, lo) || hs_attr_word_end(t, b) + 1 != o)
    return 0;
  *s = b;
  *e = c;
  return 1;
}

int hs_attr_subject_ru(const txt *t, const sent *se, const found *f,
                       size_t first, size_t nf, uint32_t p, uint32_t ce,
                       uint32_t *s, uint32_t *e) {
  uint32_t q = p, ws, we, a;
  int comma = 0;
  /* "X со ссылкой на Y сообщил": the citing cue's source ends right
  ** before the verb; X stands before the citing cue */
  if (nf > first) {
    const found *pv = &f[nf - 1];
    if ((pv->flags & F_CITING) && !(pv->flags & F_REVERSE) &&
        pv->cue_s >= se->s && pv->a.src_end <= p) {
      for (a = pv->a.src_end; a < p && t->s[a] == ' '; a++) {
      }
      if (a == p) q = pv->cue_s;
    }
  }
  if (quoted_subject_ru(t, se, q, s, e)) return 1;
  if (!clause_before_ru(t, se->s, q, &comma) &&
      !(hs_attr_word_before(t, se->s, q, &ws, &we) &&
        hs_attr_in_list(t->s + ws, we - ws, invert_ru))) {
    if (!hs_attr_read_before(t, se->s, q, "ru", s, e)) return 0;
    opening_in_ru(t, se, s);
    return 1;
  }
  /* inverted: the subject follows the verb */
  a = ce;
  while (a < se->e && t->s[a] == ' ') a++;
  if (a < se->e && !hs_attr_punct_len(t, a)) {
    uint32_t w = hs_attr_word_end(t, a);
    if (hs_attr_in_list(t->s + a, w - a, in_ru)) a = w;
  }
  if (hs_attr_read_after(t, a, se->e, "ru", s, e) && *e > *s &&
      (*s == a || t->s[a] == ' '))
    return 1;
  /* "X, выступая на совещании, заявил": the name that opens the sentence
  ** before its first comma */
  if (comma) {
    uint32_t c = se->s, b;
    while (c < q && t->s[c] != ',') c++;
    if (c < q && hs_attr_read_before(t, se->s, c, "ru", s, e)) {
      for (b = se->s; b < *s && (hs_attr_is_space_byte((unsigned char)t->s[b]) ||
                                 t->s[b] == '"');
           b++) {
      }
      if (b == *s) return 1;
    }
  }
  return 0;
}

void hs_attr_extend_in_ru(const txt *t, const sent *se, uint32_t s,
                          uint32_t *e) {
  uint32_t s2, e2, a;
  if (!hs_attr_in_list(t->s + s, *e - s, hs_attr_head_in_ru)) return;
  /* « в » or « во » */
  if (*e + 4 <= se->e && !memcmp(t->s + *e, " \xD0\xB2 ", 4)) a = *e + 4;
  else if (*e + 6 <= se->e && !memcmp(t->s + *e, " \xD0\xB2\xD0\xBE ", 6)) a = *e + 6;
  else return;
  if (hs_attr_read_after(t, a, se->e, "ru", &s2, &e2) && s2 == a &&
      e2 - s2 <= 80)
    *e = e2;
}
