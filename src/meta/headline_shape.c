/*
** headline_shape.c — the shape of a headline line against a sentence of
** running text, for both headline rules (the article start and the first
** lines).
**
** Scraped text without its page's markup often opens with the article's
** first sentence, a standfirst or a teaser, and a headline rule that
** looks for a short line over a paragraph takes it for the headline.
** Headlines are written in title case or as a short phrase; running text
** is in sentence case.  So the test is by case: among a line's Latin
** words of 4 letters or more (after its first), a title-case line has
** half of them or more capitalised, a sentence-case line fewer than a
** third.  A sentence-case line is running text when it ends with an
** ellipsis, holds a second sentence or runs past 20 words; and a
** sentence-case standfirst right over a title-case line over the
** article's paragraph gives way to that line, unless the line is a
** byline, holds a date or opens with a label ("Headline: ...", a news
** ticker of another story).  Lines in other scripts have
** no such words and are left as the rules found them.
*/
#include <string.h>

#include "hearsay.h"
#include "meta/article_start.h"
#include "meta/meta_int.h"
#include "meta/page_int.h"

/* Capitalised words among the Latin words of 4 letters or more after the
** first (*n of them): a title-case line has half of them or more, a
** sentence-case line fewer than a third ("Majority of the Inspectors
** General find themselves unable ..."); a line without such words (other
** scripts) is neither. */
static size_t caps_words(const char *t, uint32_t s, uint32_t e, size_t *n) {
  uint32_t i = s;
  size_t caps = 0, k = 0, first = 1;
  *n = 0;
  while (i < e) {
    uint32_t ws, we, l = 0;
    while (i < e && is_sp(t[i])) i++;
    ws = i;
    while (i < e && !is_sp(t[i])) i++;
    we = i;
    if (ws == we) break;
    if (first) { first = 0; continue; }
    for (k = ws; k < we && ((t[k] | 0x20) >= 'a' && (t[k] | 0x20) <= 'z'); k++)
      l++;
    if (l < 4) continue;
    (*n)++;
    if (t[ws] >= 'A' && t[ws] <= 'Z') caps++;
  }
  return caps;
}

int hs_hl_title_case(const char *t, uint32_t s, uint32_t e) {
  size_t n, c = caps_words(t, s, e, &n);
  return n >= 2 && 2 * c >= n;
}

int hs_hl_sentence_case(const char *t, uint32_t s, uint32_t e) {
  size_t n, c = caps_words(t, s, e, &n);
  return n >= 3 && 3 * c < n;
}

/* A standfirst's case: sentence case, or short of title case (fewer than
** half capitalised: names in it) with a clause after a comma, a comma
** before a small letter ("Neither Rev. Rodriguez nor Pope Francis will be
** there, but President Trump will be, addressing ..."). */
static int standfirst_case(const char *t, uint32_t s, uint32_t e) {
  size_t n, c;
  uint32_t i;
  if (hs_hl_sentence_case(t, s, e)) return 1;
  c = caps_words(t, s, e, &n);
  if (n < 3 || 2 * c >= n) return 0;
  for (i = s; i + 2 < e; i++)
    if (t[i] == ',' && t[i + 1] == ' ' && t[i + 2] >= 'a' && t[i + 2] <= 'z')
      return 1;
  return 0;
}

int hs_hl_standfirst_case(const char *t, uint32_t s, uint32_t e) {
  return standfirst_case(t, s, e);
}

/* A sentence of running text, not a headline, in a line of sentence case:
** it ends with an ellipsis ("... full of optimism and hope…"), holds a
** second sentence ("Are you truly happy? Is happiness ..."), or runs past
** 20 words (a standfirst). */
int hs_hl_text_sentence(const char *t, uint32_t s, uint32_t e, size_t w) {
  uint32_t i;
  if (!hs_hl_sentence_case(t, s, e)) return 0;
  if (w > 20) return 1;
  if (ci_at(t, e >= s + 3 ? e - 3 : s, e, "\xE2\x80\xA6") ||
      ci_at(t, e >= s + 3 ? e - 3 : s, e, "..."))
    return 1;
  for (i = s + 1; i + 2 < e; i++)
    if ((t[i] == '?' || t[i] == '!' || t[i] == '.') && t[i + 1] == ' ' &&
        t[i + 2] >= 'A' && t[i + 2] <= 'Z' && t[i - 1] >= 'a' &&
        t[i - 1] <= 'z')
      return 1;
  return 0;
}

int hs_hl_headline_form(const char *t, uint32_t s, uint32_t e) {
  uint32_t i;
  hs_date v;
  if (ci_at(t, s, e, "by ")) return 0;                 /* a byline */
  if (hs_date_scan(t + s, e - s, &v, 1)) return 0;     /* a date line */
  for (i = s; i < e && !is_sp(t[i]); i++) {}
  if (i > s && t[i - 1] == ':') return 0; /* "Headline: ...", a ticker */
  return 1;
}

void hs_hl_adjust(const char *t, uint32_t len, hs_page_start *art) {
  uint32_t s, e, ns, ne, ps, pe;
  if (!art->found) return;
  s = art->head_s, e = art->head_e;
  if (hs_hl_text_sentence(t, s, e, words(t, s, e))) {
    art->found = 0;
    return;
  }
  if (words(t, s, e) < 8 || !standfirst_case(t, s, e)) return;
  /* the next two non-blank lines */
  ns = hs_meta_eol(t, e, len);
  while (ns < len && (t[ns] == '\n' || is_sp(t[ns]))) ns++;
  ne = hs_meta_eol(t, ns, len);
  ps = ne;
  while (ps < len && (t[ps] == '\n' || is_sp(t[ps]))) ps++;
  pe = hs_meta_eol(t, ps, len);
  while (ne > ns && is_sp(t[ne - 1])) ne--;
  if (ne <= ns || pe <= ps) return;
  if (!hs_hl_headline_form(t, ns, ne)) return;
  if (hs_hl_title_case(t, ns, ne) && words(t, ns, ne) >= 3 &&
      words(t, ns, ne) <= 20 && t[ne - 1] != '.' &&
      (words(t, ps, pe) > 25 || pe - ps > 200)) {
    art->head_s = ns;
    art->head_e = ne;
  }
}
