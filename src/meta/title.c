/*
** title.c — the headline of a scraped page: the first of its first lines
** that is not furniture.
**
** A scraped page puts date, time, update, ID, print and share lines,
** mastheads and navigation rows above the headline.  Each line is tested
** against small per-language tables (below) and skipped when it is such a
** line; the first line left is the headline, unless running text has
** begun (docs/sources.md lists every form): a line of 25 words, a
** sentence with its full stop, or a line in sentence case (few of its
** words capitalised) that ends with an ellipsis, holds two sentences or
** runs past 20 words.  A sentence-case standfirst over a title-case line
** over the article's paragraph gives way to that line (the headline;
** not a byline, a date line or a label line: headline_shape.c), and so
** does a standfirst of 26-60 words with no sentence's end at its end.
** A page's first line over a site's ticker of another story ("Headline:
** Bitcoin Searches Exceed Trump!" on the next line, or on the one after a
** line of at most 12 words: "% of readers think this story is Fact.") is
** the headline whatever its end: a republishing site's template prints
** the article's title there (hs_page_ticker_title, tried first).
*/
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "meta/meta_int.h"
#include "meta/page_int.h"
#include "util/util.h"

/* Lines that are never a headline: ID, print, share and navigation words
** (a line equal to one, or starting with one followed by a digit or ':'). */
static const char *const label_lines[] = {
    "print", "share", "menu", "search", "home", "skip to content",
    "breaking news", "comments", "users comments", "tags", "عاجل", "طباعة",
    "طباعه", "شارك", "التعليقات", "نسخه چاپی", "چاپ", "اشتراک گذاری",
    "دیدگاه کاربران", "فوری", "أخبار", "اخبار", "آخرین اخبار", "latest news",
    "top stories", NULL};
static const char *const id_prefixes[] = {
    "news id", "id:", "id :", "article id", "story id", "رقم الخبر",
    "رقم المقال", "کد خبر", "شناسه خبر", "publish date", "published",
    "posted", "updated", "date:", "date :", "نشر في", "تاريخ النشر",
    "تاریخ انتشار", "زمان انتشار", "by ", "بقلم", "كتب:", "نویسنده", NULL};
/* A site's ticker of another story ("Headline: Bitcoin Searches Exceed
** Trump!"), and a link line's words ("Listen to the Podcast Audio: Click
** Here", a line of at most 12 words holding them). */
static const char *const ticker_prefixes[] = {
    "headline:", "headlines:", "top headline:", "trending:", "ticker:", NULL};
static const char *const link_words[] = {"click here", NULL};
/* A site's plea printed over every article ("Subscribe to Canada Free
** Press for FREE", "Sign up for our newsletter"): a line of at most 12
** words opening with one. */
static const char *const plea_prefixes[] = {
    "subscribe to ", "subscribe for ", "subscribe now", "sign up for ",
    "sign up to ", "follow us ", "like us on ", "join our ", NULL};
/* -------------------------------------------------------------- headline */

/* 1 if the line holds a date expression. */
static int has_date(const char *t, uint32_t s, uint32_t e) {
  hs_date v;
  return hs_date_scan(t + s, e - s, &v, 1) == 1;
}

/* Words of a date or update line besides its dates, times and numbers. */
static const char *const date_words[] = {
    "last", "update", "updated", "time", "date", "published", "posted",
    "modified", "am", "pm", "gmt", "utc", "ast", "est", "edt", "bst", "cet",
    "on", "at", "of", "print", "id", "news", "الساعة", "ساعة", "آخر",
    "اخر", "تحديث", "التحديث", "تاريخ", "نشر", "في", "م", "ص", "هـ", "مساء",
    "صباحا", "ساعت", "بروزرسانی", "به‌روزرسانی", "تاریخ", "انتشار", "کد",
    "خبر", "ق.ظ", "ب.ظ", NULL};

/* A date, time or update line: it holds a date or a time ("22:03"), and
** besides them, numbers, brackets and the words of date_words at most
** two words are left ("Saturday, 21 September 2019 11:02 AM [ Last
** Update: Saturday, 21 September 2019 11:05 AM ]", "Time : 22:03 GMT").
** Any length: such a line is never the headline. */
static int date_line(const char *t, uint32_t s, uint32_t e) {
  hs_date v[8];
  size_t nd = hs_date_scan(t + s, e - s, v, 8), k;
  uint32_t i = s;
  int clock = 0, other = 0;
  while (i < e) {
    uint32_t ws, we, a, z;
    int digits = 0, letters = 0, inside = 0;
    while (i < e && is_sp(t[i])) i++;
    ws = i;
    while (i < e && !is_sp(t[i])) i++;
    we = i;
    if (ws == we) break;
    for (k = 0; k < nd; k++)
      if (ws >= s + v[k].start && we <= s + v[k].end) inside = 1;
    if (inside) continue;
    a = ws, z = we;
    while (a < z && t[a] && strchr("[](){}|:-,;/\\.", t[a])) a++;
    while (z > a && t[z - 1] && strchr("[](){}|:-,;/\\.", t[z - 1])) z--;
    for (k = a; k < z; k++) {
      unsigned char c = (unsigned char)t[k];
      if (c >= '0' && c <= '9') digits++;
      else if (c == 0xDB && k + 1 < z && (unsigned char)t[k + 1] >= 0xB0 &&
               (unsigned char)t[k + 1] <= 0xB9) digits++, k++; /* ۰-۹ */
      else if (c == 0xD9 && k + 1 < z && (unsigned char)t[k + 1] >= 0xA0 &&
               (unsigned char)t[k + 1] <= 0xA9) digits++, k++; /* ٠-٩ */
      else if (c != ':' && c != '/' && c != '.') letters++;
    }
    if (digits && memchr(t + a, ':', z - a)) clock = 1;
    if (a == z || !letters) continue;
    for (k = 0; date_words[k]; k++)
      if (strlen(date_words[k]) == z - a && ci_at(t, a, z, date_words[k]))
        break;
    if (!date_words[k]) other++;
  }
  return (nd || clock) && other <= 2;
}

/* A dateline with a reporter's name, alone on its line: a place of the
** place table, a dash, and a name of at most 3 words («الرياض - محمد
** العتيبي», "Moscow - Ivan Petrov"; in Latin script the name's words are
** capitalized, so "Syria - the war continues" stays a headline). */
static int place_byline(const hs_aliases *a, const char *t, uint32_t s,
                        uint32_t e) {
  uint32_t p, q;
  size_t w;
  if (!ci_find(t, s, e, " - ", &p) || !hs_aliases_place(a, t + s, p - s, NULL))
    return 0;
  q = p + 3;
  w = words(t, q, e);
  if (w < 1 || w > 3) return 0;
  for (; q < e; q++)
    if ((q == p + 3 || is_sp(t[q - 1])) && t[q] >= 'a' && t[q] <= 'z')
      return 0;
  return 1;
}

int hs_pg_plea_line(const char *t, uint32_t s, uint32_t e) {
  size_t k;
  for (k = 0; plea_prefixes[k]; k++)
    if (ci_at(t, s, e, plea_prefixes[k]) && words(t, s, e) <= 12) return 1;
  return 0;
}

static int label_line(const char *t, uint32_t s, uint32_t e) {
  size_t k;
  for (k = 0; label_lines[k]; k++) {
    size_t n = strlen(label_lines[k]);
    if (ci_at(t, s, e, label_lines[k]) &&
        (s + n == e || t[s + n] == ':' || t[s + n] == ' ' ))
      if (s + n == e || words(t, s, e) <= 2) return 1;
  }
  for (k = 0; id_prefixes[k]; k++)
    if (ci_at(t, s, e, id_prefixes[k])) return 1;
  for (k = 0; ticker_prefixes[k]; k++)
    if (ci_at(t, s, e, ticker_prefixes[k])) return 1;
  if (hs_pg_plea_line(t, s, e)) return 1;
  for (k = 0; link_words[k]; k++)
    if (words(t, s, e) <= 12 && ci_find(t, s, e, link_words[k], NULL))
      return 1;
  for (k = 0; hs_pg_carrier_cues[k]; k++)
    if (ci_at(t, s, e, hs_pg_carrier_cues[k])) return 1;
  for (k = 0; hs_pg_credit_cues[k]; k++)
    if (ci_at(t, s, e, hs_pg_credit_cues[k])) return 1;
  return 0;
}

/* Line i, of w words (more than 25), is a long standfirst over the
** headline: at most 60 words and 480 bytes, not in title case (a row of
** menu entries), no sentence's end at its end (a paragraph has one:
** ". ! ? : ; ) ' \"", a closing quote or an ellipsis), with a line in
** headline form under it, of 3-20 words in title case or 3-12 words
** with no punctuation at its end (no full stop either way), and the
** article's paragraph under that ("More than the money, our government
** is usurping ... who are deprived of the real help they need to
** succeed" / "How HUD Makes Lousy Programs Look Great" / paragraph). */
static int long_standfirst(const char *t, const pline *ln, size_t n, size_t i,
                           size_t w) {
  uint32_t s = ln[i].s, e = ln[i].e, ps, pe;
  size_t hw;
  unsigned char c = (unsigned char)t[e - 1];
  if (w > 60 || e - s > 480 || i + 2 >= n || ln[i + 1].boiler ||
      ln[i + 2].boiler || strchr(".!?:;)'\"", c) || c >= 0x80 ||
      hs_hl_title_case(t, s, e))
    return 0;
  s = ln[i + 1].s, e = ln[i + 1].e;
  hw = words(t, s, e);
  c = (unsigned char)t[e - 1];
  if (hw < 3 || hw > 20 || c == '.' || !hs_hl_headline_form(t, s, e) ||
      !(hs_hl_title_case(t, s, e) ||
        (hw <= 12 && !strchr(".,;:)'\"", c) && c < 0x80)))
    return 0;
  ps = ln[i + 2].s, pe = ln[i + 2].e;
  return words(t, ps, pe) > 25 || pe - ps > 200;
}

static int ticker_line(const char *t, uint32_t s, uint32_t e) {
  size_t k;
  for (k = 0; ticker_prefixes[k]; k++)
    if (ci_at(t, s, e, ticker_prefixes[k])) return 1;
  return 0;
}

/* Makes the line t[s, e) the title read from the text, with its offsets. */
static void title_set(hs_meta_field *out, const char *t, uint32_t s,
                      uint32_t e, double confidence) {
  char *v = hs_strndup(t + s, e - s);
  free(out->value);
  free(out->raw);
  out->value = v;
  out->raw = hs_strdup(v);
  out->start = s;
  out->end = e;
  out->confidence = confidence;
  out->given = 0;
}

int hs_page_ticker_title(const hs_doc *d, const hs_range *b, size_t nb,
                         hs_meta_field *out) {
  const char *t = d->text;
  pline ln[3];
  size_t n, w;
  uint32_t len = d->len > UINT32_MAX ? UINT32_MAX : (uint32_t)d->len, s, e;
  if (!t) return 0;
  n = page_lines(t, len, b, nb, ln, 3);
  if (n < 2 || ln[0].boiler) return 0;
  if (!ticker_line(t, ln[1].s, ln[1].e) &&
      (n < 3 || words(t, ln[1].s, ln[1].e) > 12 ||
       !ticker_line(t, ln[2].s, ln[2].e)))
    return 0;
  s = ln[0].s, e = ln[0].e;
  w = words(t, s, e);
  if (w < 2 || w > 40 || e - s > 300 || label_line(t, s, e)) return 0;
  title_set(out, t, s, e, 0.6);
  return 1;
}

void hs_page_title(const hs_doc *d, const hs_aliases *a, const hs_range *b,
                   size_t nb, const hs_meta_field *outlet,
                   hs_meta_field *out) {
  const char *t = d->text;
  pline ln[16];
  size_t n, i, skipped = 0;
  uint32_t len = d->len > UINT32_MAX ? UINT32_MAX : (uint32_t)d->len;
  if (!t) return;
  n = page_lines(t, len, b, nb, ln, 10);
  for (i = 0; i < n; i++) {
    uint32_t s = ln[i].s, e = ln[i].e, ns, ne;
    size_t w = words(t, s, e);
    if (ln[i].boiler) { skipped++; continue; }
    if (w > 25 || e - s > 200) {
      /* the body has begun, unless the line is a long standfirst over
      ** the headline */
      if (!long_standfirst(t, ln, n, i, w)) return;
      i++;
      s = ln[i].s, e = ln[i].e;
      goto take;
    }
    if (t[e - 1] == '.' && w > 6) return;
    if (w < 2 || label_line(t, s, e) || count_char(t, s, e, '|') >= 2 ||
        (has_date(t, s, e) && w <= 12) || date_line(t, s, e) ||
        place_byline(a, t, s, e) ||
        (ci_find(t, s, e, "  ", NULL) && w <= 6) ||
        hs_pg_dateline(a, t, s, e, &ns, &ne) ||
        (outlet && outlet->value && outlet->raw && !outlet->given &&
         outlet->start == s) ||
        (outlet && outlet->raw && strlen(outlet->raw) <= e - s &&
         !memcmp(t + s, outlet->raw, strlen(outlet->raw)) &&
         (s + strlen(outlet->raw) == e ||
          ci_at(t, s + (uint32_t)strlen(outlet->raw), e, " - ") ||
          ci_at(t, s + (uint32_t)strlen(outlet->raw), e, " | ")))) {
      skipped++;
      continue;
    }
    if (t[e - 1] == '.' || hs_hl_text_sentence(t, s, e, w)) return;
    /* a standfirst in sentence case over the headline in title case, the
    ** article's paragraph under them: the headline */
    if (w >= 8 && i + 2 < n && !ln[i + 1].boiler && hs_hl_standfirst_case(t, s, e) &&
        hs_hl_title_case(t, ln[i + 1].s, ln[i + 1].e) &&
        hs_hl_headline_form(t, ln[i + 1].s, ln[i + 1].e) &&
        words(t, ln[i + 1].s, ln[i + 1].e) >= 3 &&
        words(t, ln[i + 1].s, ln[i + 1].e) <= 20 &&
        t[ln[i + 1].e - 1] != '.' &&
        (words(t, ln[i + 2].s, ln[i + 2].e) > 25 ||
         ln[i + 2].e - ln[i + 2].s > 200)) {
      i++;
      s = ln[i].s, e = ln[i].e;
    }
  take:
    title_set(out, t, s, e, skipped ? 0.55 : 0.6);
    return;
  }
}

