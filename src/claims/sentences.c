/*
** sentences.c — sentence segmentation for any script, with byte spans.
**
** A sentence ends at
**   - a terminator: . ! ? … in Latin text, the Arabic question mark ؟
**     (U+061F) and full stop ۔ (U+06D4), the ideographic full stop 。 and
**     the fullwidth ！ ？, followed (after any closing quotes or brackets)
**     by white space or the end of the text;
**   - a blank line (a paragraph) or a single line break, except a line
**     break inside a hard-wrapped sentence: the line ends in a lower-case
**     letter, a digit or a comma and the next line starts with a
**     lower-case letter.
** A full stop does not end a sentence after an abbreviation of the table
** below ("Mr.", "Gen.", "Jan.") or initials ("U.S.", "J. R."), nor when
** the next word starts with a lower-case letter or a digit.  Closed by a
** bracket, it does not end one after those or a US state's abbreviation
** (second table, as written: "Sen. Bob Dole (R-Kan.) said"): a sentence
** ending there puts its own full stop after the bracket.  Sentences are
** trimmed of white space; a sentence longer than HS_SENT_MAX bytes is cut
** at a space.  Cost: one pass over the bytes.
*/
#include <stdlib.h>
#include <string.h>

#include "claims/claims.h"

#define HS_SENT_MAX 2000

/* Abbreviations that end in a full stop inside a sentence, lower case,
** without the dot.  Accepted forms: titles, ranks, months, company and
** street words. */
static const char *const abbrevs[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "sgt",
    "capt", "cmdr", "adm", "gov", "sen", "rep", "pres", "rev", "hon", "st",
    "jr", "sr", "no", "nos", "vs", "approx", "dept", "est", "fig", "inc",
    "co", "corp", "ltd", "bros", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "blvd",
    "op", "vol", "pp", "cf", "al", "e.g", "i.e", "u.s", "u.k", "u.n"};

/* US states' abbreviations as a party tag writes them ("(R-Kan.)",
** "(D-W.Va.)"), matched as written: "Ill" and "Mass" are also words. */
static const char *const states[] = {
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga",
    "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn",
    "Miss", "Mo", "Mont", "Neb", "Nebr", "Nev", "Okla", "Ore", "Pa", "Penn",
    "Tenn", "Tex", "Vt", "Va", "W.Va", "Wash", "Wis", "Wisc", "Wyo"};

static int is_space(const unsigned char *p, size_t n, size_t i, size_t *w) {
  *w = 1;
  if (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\f' ||
      p[i] == '\v' || p[i] == '\n')
    return 1;
  if (p[i] == 0xC2 && i + 1 < n && p[i + 1] == 0xA0) { /* no-break space */
    *w = 2;
    return 1;
  }
  return 0;
}

/* Length of a terminator at i (0 if none). */
static size_t terminator(const unsigned char *p, size_t n, size_t i) {
  if (p[i] == '.' || p[i] == '!' || p[i] == '?') return 1;
  if (i + 1 < n && p[i] == 0xD8 && p[i + 1] == 0x9F) return 2;  /* ؟ */
  if (i + 1 < n && p[i] == 0xDB && p[i + 1] == 0x94) return 2;  /* ۔ */
  if (i + 2 < n && p[i] == 0xE2 && p[i + 1] == 0x80 && p[i + 2] == 0xA6)
    return 3;                                                     /* … */
  if (i + 2 < n && p[i] == 0xE3 && p[i + 1] == 0x80 && p[i + 2] == 0x82)
    return 3;                                                     /* 。 */
  if (i + 2 < n && p[i] == 0xEF && p[i + 1] == 0xBC &&
      (p[i + 2] == 0x81 || p[i + 2] == 0x9F))
    return 3;                                                     /* ！？ */
  return 0;
}

/* Length of a closing quote or bracket at i (0 if none). */
static size_t closer(const unsigned char *p, size_t n, size_t i) {
  if (p[i] == '"' || p[i] == '\'' || p[i] == ')' || p[i] == ']') return 1;
  if (i + 1 < n && p[i] == 0xC2 && p[i + 1] == 0xBB) return 2; /* » */
  if (i + 2 < n && p[i] == 0xE2 && p[i + 1] == 0x80 &&
      (p[i + 2] == 0x9D || p[i + 2] == 0x99))
    return 3; /* ” ’ */
  return 0;
}

static int is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int is_alpha(unsigned char c) {
  return is_lower(c) || (c >= 'A' && c <= 'Z');
}

/* Does the full stop at i follow an abbreviation or initials (or, with
** states set, a state's abbreviation)? */
static int after_abbrev(const unsigned char *p, size_t i, int states_too) {
  size_t s = i, k, wl;
  char w[16];
  while (s > 0 && (is_alpha(p[s - 1]) || p[s - 1] == '.')) s--;
  wl = i - s;
  if (!wl || wl >= sizeof w) return 0;
  if (states_too)
    for (k = 0; k < sizeof states / sizeof states[0]; k++)
      if (strlen(states[k]) == wl && !memcmp(states[k], p + s, wl)) return 1;
  for (k = 0; k < wl; k++)
    w[k] = (char)(p[s + k] >= 'A' && p[s + k] <= 'Z' ? p[s + k] + 32 : p[s + k]);
  w[wl] = '\0';
  if (wl == 1 && p[s] >= 'A' && p[s] <= 'Z') return 1; /* initial "J." */
  /* initials with dots: "U.S", "e.g" */
  if (wl >= 3) {
    int initials = 1;
    for (k = 0; k < wl; k++)
      if ((k % 2 == 0) != (is_alpha((unsigned char)w[k]) != 0) ||
          (k % 2 == 1 && w[k] != '.'))
        initials = 0;
    if (initials) return 1;
  }
  for (k = 0; k < sizeof abbrevs / sizeof abbrevs[0]; k++)
    if (!strcmp(w, abbrevs[k])) return 1;
  return 0;
}

static void push(hs_sentence **out, size_t *n, size_t *cap,
                 const unsigned char *p, size_t s, size_t e) {
  size_t w;
  while (s < e && is_space(p, e, s, &w)) s += w;
  while (e > s && (p[e - 1] == ' ' || p[e - 1] == '\t' || p[e - 1] == '\r' ||
                   p[e - 1] == '\n' || p[e - 1] == '\f' || p[e - 1] == '\v' ||
                   (e - s >= 2 && p[e - 2] == 0xC2 && p[e - 1] == 0xA0)))
    e -= (p[e - 1] == 0xA0) ? 2 : 1;
  while (e - s > HS_SENT_MAX) {
    size_t cut = s + HS_SENT_MAX;
    while (cut > s + HS_SENT_MAX / 2 && p[cut] != ' ') cut--;
    if (p[cut] != ' ') { /* no space: cut at a UTF-8 boundary */
      cut = s + HS_SENT_MAX;
      while (cut > s && (p[cut] & 0xC0) == 0x80) cut--;
    }
    HS_GROW(*out, *cap, *n + 1);
    (*out)[*n].start = (uint32_t)s;
    (*out)[*n].end = (uint32_t)cut;
    (*n)++;
    s = cut;
    while (s < e && p[s] == ' ') s++;
  }
  if (e > s) {
    HS_GROW(*out, *cap, *n + 1);
    (*out)[*n].start = (uint32_t)s;
    (*out)[*n].end = (uint32_t)e;
    (*n)++;
  }
}

int hs_sentences_split(const char *text, size_t len, hs_sentence **out,
                       size_t *n, hs_error *err) {
  const unsigned char *p = (const unsigned char *)text;
  size_t i = 0, s = 0, cap = 0, w;
  *out = NULL;
  *n = 0;
  if (!text && len) return hs_error_set(err, HS_EUSAGE, "no text");
  if (len > UINT32_MAX) len = UINT32_MAX;
  while (i < len) {
    size_t t;
    if (p[i] == '\n') {
      size_t j = i + 1, k;
      int blank = 0, wrapped = 0;
      while (j < len && (p[j] == ' ' || p[j] == '\t' || p[j] == '\r' ||
                         p[j] == '\n')) {
        if (p[j] == '\n') blank = 1;
        j++;
      }
      if (!blank && j < len && is_lower(p[j])) {
        k = i;
        while (k > s && (p[k - 1] == ' ' || p[k - 1] == '\r' || p[k - 1] == '\t')) k--;
        if (k > s && (is_lower(p[k - 1]) || p[k - 1] == ',' ||
                      (p[k - 1] >= '0' && p[k - 1] <= '9')))
          wrapped = 1;
      }
      if (!wrapped) {
        push(out, n, &cap, p, s, i);
        s = j;
      }
      i = j;
      continue;
    }
    if ((t = terminator(p, len, i))) {
      size_t e = i + t, c;
      while (e < len && (terminator(p, len, e) || (c = closer(p, len, e)) > 0))
        e += terminator(p, len, e) ? terminator(p, len, e) : closer(p, len, e);
      if (e >= len) {
        i = e;
        continue;
      }
      if (is_space(p, len, e, &w)) {
        size_t j = e;
        int split = 1;
        while (j < len && is_space(p, len, j, &w) && p[j] != '\n') j += w;
        if (p[i] == '.' && t == 1 && e == i + 2 && p[i + 1] == ')' &&
            after_abbrev(p, i, 1))
          split = 0; /* "(R-Kan.) said" */
        if (p[i] == '.' && t == 1 && e == i + 1) {
          if (after_abbrev(p, i, 0)) split = 0;
          if (j < len && (is_lower(p[j]) || (p[j] >= '0' && p[j] <= '9')))
            split = 0;
        }
        if (split) {
          push(out, n, &cap, p, s, e);
          s = e;
        }
      }
      i = e;
      continue;
    }
    i++;
  }
  push(out, n, &cap, p, s, len);
  if (!*out) *out = hs_malloc(1);
  return HS_OK;
}
