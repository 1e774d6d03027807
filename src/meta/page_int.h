/*
** page_int.h — what page.c (a page's outlet) and title.c (its headline)
** share: the page's first lines, byte helpers, the carrier and credit
** cue tables, and the name rules (a known outlet, a dateline).
*/
#ifndef HS_PAGE_INT_H
#define HS_PAGE_INT_H

#include <stdint.h>
#include <string.h>

#include "hearsay.h"
#include "meta/meta_int.h"

typedef struct pline {
  uint32_t s, e;   /* trimmed */
  int boiler;
} pline;

static inline int ci_at(const char *t, uint32_t s, uint32_t e, const char *p) {
  return hs_meta_starts_ci(t, s, e, p);
}

/* The first i in [s, e) where t[i, e) begins with p (as ci_at), in *at.
** A position is compared only when its byte can open p: the byte itself
** or, for a letter, its capital.  Those positions are found by memchr (the
** next of each byte, kept until passed), not by a byte loop: every byte
** compare of a loop is traced in the fuzz build, and the outlet rules run
** this over the first lines of every page. */
static inline int ci_find(const char *t, uint32_t s, uint32_t e, const char *p,
                   uint32_t *at) {
  size_t n = strlen(p);
  unsigned char p0 = (unsigned char)p[0], u0;
  uint32_t i, lim, na, nu;
  const char *f;
  if (!n) {
    if (s >= e) return 0;
    if (at) *at = s;
    return 1;
  }
  if (s >= e || e - s < n) return 0;
  u0 = p0 >= 'a' && p0 <= 'z' ? (unsigned char)(p0 - 32) : p0;
  lim = e - (uint32_t)n + 1; /* the starts i with e - i >= n */
  f = memchr(t + s, p0, lim - s);
  na = f ? (uint32_t)(f - t) : lim;
  nu = lim;
  if (u0 != p0) {
    f = memchr(t + s, u0, lim - s);
    nu = f ? (uint32_t)(f - t) : lim;
  }
  for (;;) {
    i = na < nu ? na : nu;
    if (i >= lim) return 0;
    if (ci_at(t, i, e, p)) {
      if (at) *at = i;
      return 1;
    }
    if (na == i) {
      f = i + 1 < lim ? memchr(t + i + 1, p0, lim - i - 1) : NULL;
      na = f ? (uint32_t)(f - t) : lim;
    }
    if (nu == i) {
      f = i + 1 < lim ? memchr(t + i + 1, u0, lim - i - 1) : NULL;
      nu = f ? (uint32_t)(f - t) : lim;
    }
  }
}

static inline int is_sp(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static inline void trim(const char *t, uint32_t *s, uint32_t *e) {
  while (*s < *e && (is_sp(t[*s]) || t[*s] == ':' || t[*s] == '-' ||
                     t[*s] == '|'))
    (*s)++;
  while (*e > *s && (is_sp(t[*e - 1]) || t[*e - 1] == '.' ||
                     t[*e - 1] == ',' || t[*e - 1] == ':' ||
                     t[*e - 1] == '-' || t[*e - 1] == '|'))
    (*e)--;
}

/* The words of t[s, e) (runs of bytes other than is_sp's), counted by
** table and bit arithmetic: no test a byte (in the fuzz build each test
** of a byte loop is a call, and the rules count the words of whole lines). */
static inline size_t words(const char *t, uint32_t s, uint32_t e) {
  static const unsigned char sp_byte[256] = {[' '] = 1, ['\t'] = 1,
                                             ['\r'] = 1};
  const unsigned char *p = (const unsigned char *)t + s,
                      *end = (const unsigned char *)t + e;
  size_t n = 0;
  unsigned in = 0;
  for (; p < end; p++) {
    unsigned w = sp_byte[*p] ^ 1u;
    n += w & (in ^ 1);
    in = w;
  }
  return n;
}

static inline size_t count_char(const char *t, uint32_t s, uint32_t e, char c) {
  size_t n = 0;
  for (; s < e; s++) n += t[s] == c;
  return n;
}

static inline int in_ranges(const hs_range *r, size_t n, uint32_t s, uint32_t e) {
  size_t i;
  for (i = 0; i < n; i++)
    if (s < r[i].end && e > r[i].start) return 1;
  return 0;
}

/* The first 12 non-blank lines. */
static inline size_t page_lines(const char *t, uint32_t len, const hs_range *b,
                         size_t nb, pline *out, size_t max) {
  uint32_t i = 0, e;
  size_t n = 0;
  while (i < len && n < max) {
    uint32_t s = i;
    e = hs_meta_eol(t, i, len);
    i = e + 1;
    {
      uint32_t ls = s, le = e;
      while (ls < le && is_sp(t[ls])) ls++;
      while (le > ls && is_sp(t[le - 1])) le--;
      if (ls == le) continue;
      out[n].s = ls;
      out[n].e = le;
      out[n].boiler = in_ranges(b, nb, ls, le);
      n++;
    }
  }
  return n;
}

extern const char *const hs_pg_carrier_cues[], *const hs_pg_credit_cues[];

/* A known outlet or agency for text[s,e) (also with what a site adds to
** its name); ambiguous aliases ("=NAME") only when loose is 1. */
int hs_pg_known(const hs_aliases *a, const char *t, uint32_t s, uint32_t e,
                const char **canon, int loose);
/* The holder's name of a copyright line text[s,e) ("© 2017 X. All Rights
** Reserved", «جميع الحقوق محفوظة لـX»). */
int hs_pg_rights_holder(const char *t, uint32_t s, uint32_t e, uint32_t *ns,
                        uint32_t *ne);
/* The holder's name after a copyright mark ending at text[q]: the lead
** of years, dashes and marks skipped (holder.c). */
int hs_pg_holder_after(const char *t, uint32_t q, uint32_t e, uint32_t *ns,
                       uint32_t *ne);
/* The holder before a copyright mark at text[at, me) that ends the line
** s..e, a year at most after it ("Before It's News ©"; holder.c). */
int hs_pg_holder_before(const char *t, uint32_t s, uint32_t at, uint32_t me,
                        uint32_t e, uint32_t *ns, uint32_t *ne);
/* The shape of a headline line (headline_shape.c): a title-case line
** (half of its long Latin words capitalised or more), a sentence-case one
** (fewer than a third), a sentence of running text (sentence case, and an
** ellipsis at its end, a second sentence or more than 20 words). */
int hs_hl_title_case(const char *t, uint32_t s, uint32_t e);
int hs_hl_sentence_case(const char *t, uint32_t s, uint32_t e);
/* A standfirst's case: sentence case, or fewer than half capitalised with
** a clause after a comma (", but President Trump will be"). */
int hs_hl_standfirst_case(const char *t, uint32_t s, uint32_t e);
int hs_hl_text_sentence(const char *t, uint32_t s, uint32_t e, size_t w);
/* 1 unless text[s,e) is a byline, holds a date or opens with a label
** ("Headline: ..."): a line a standfirst may stand over. */
int hs_hl_headline_form(const char *t, uint32_t s, uint32_t e);
/* A wire agency's dateline "(Reuters) —", "WASHINGTON (AP) –" at the
** start of text[s,e), the agency known (credits.c): fills its bytes. */
int hs_pg_wire_dateline(const hs_aliases *a, const char *t, uint32_t s,
                        uint32_t e, uint32_t *ns, uint32_t *ne);
/* A byline naming the author's site, "by Giovani – Liveanddare.com"
** (credits.c): fills the address's bytes. */
int hs_pg_byline_site(const char *t, uint32_t s, uint32_t e, uint32_t *ns,
                      uint32_t *ne);
/* A site address alone on the text's last non-blank line ("atimes.com"):
** the credit of a republished article (credits.c). */
int hs_pg_last_site(const char *t, uint32_t len, uint32_t *ns, uint32_t *ne);
/* An outlet speaking in its own voice at the start of text[s,e) ("21st
** Century Wire says ..."): fills the name's bytes (credits.c). */
int hs_pg_own_voice(const hs_aliases *a, const char *t, uint32_t s,
                    uint32_t e, uint32_t *ns, uint32_t *ne);
/* A known agency or outlet alone on the text's last non-blank line, a
** wire story's sign-off ("REUTER"): fills its bytes (credits.c). */
int hs_pg_last_agency(const hs_aliases *a, const char *t, uint32_t len,
                      uint32_t *ns, uint32_t *ne);
/* A wire story's own agency where it never signs off: a bare wire
** dateline ("NEW YORK, June 1 - ") on one of the first 3 lines and
** "told NAME" / "interview with NAME" in the text, NAME a known agency
** (credits.c): fills the name's bytes. */
int hs_pg_wire_told(const hs_aliases *a, const char *t, uint32_t len,
                    uint32_t *ns, uint32_t *ne);
/* mail_credits.c: a feed item's feed, the From: line's display name when
** the body opens with "URL: http" (its bytes in *ns, *ne); the host of a
** forwarded article's address (*hs, *he).  BODY is where the message's
** body starts (hs_meta_mail_block); 0 for no message. */
int hs_pg_feed_sender(const char *t, uint32_t body, uint32_t len,
                      uint32_t *ns, uint32_t *ne);
int hs_pg_forwarded_article(const char *t, uint32_t body, uint32_t len,
                            uint32_t *hs, uint32_t *he);
/* 1 if NAME is the local part of an address on a From: line of the
** header block [0, body): the message's writer (mail_credits.c). */
int hs_pg_mail_writer(const char *t, uint32_t body, const char *name);
/* 1 if text[s,e) is the name of a web platform's address ("vimeo",
** "facebook": a share link or an embed, no site's own; credits.c). */
int hs_pg_platform(const char *t, uint32_t s, uint32_t e);
/* The site address the page prints most often, twice at least, from BODY
** on (its message's body; 0 for no message), not a platform's and not an
** e-mail address of a message: fills its bytes (page_address.c). */
int hs_pg_bare_address(const char *t, uint32_t len, uint32_t body,
                       uint32_t *ns, uint32_t *ne);
/* An article's address alone on the text's last non-blank line (a path
** of two parts or more with a digit, no query, no platform's host; not
** under another address, a list of references): its host's bytes
** (credits.c). */
int hs_pg_last_article(const char *t, uint32_t len, uint32_t *ns,
                       uint32_t *ne);
/* A web address at the start of text[s,e) ("http://www.site.com/a/b",
** "www.site.com"): its host without "www." in [*hs, *he), the address's
** end in *ae (credits.c). */
int hs_pg_address_host(const char *t, uint32_t s, uint32_t e, uint32_t *hs,
                       uint32_t *he, uint32_t *ae);
/* An outlet named in a Persian lead, past the dateline's forms: «به
** گزارش گروه بین‌الملل خبرگزاری فارس،», «... در گفت‌وگو با خبرنگار
** خبرگزاری فارس همدان», the latter only with INTERVIEW 1 (lead_credits.c):
** fills the name's bytes. */
int hs_pg_lead_credit(const hs_aliases *a, const char *t, uint32_t s,
                      uint32_t e, int interview, uint32_t *ns, uint32_t *ne);
/* The outlet of a writer's note on the page's last 3 lines ("X is a
** contributor to the Washington Examiner."; bio_credits.c). */
int hs_pg_bio_outlet(const hs_aliases *a, const char *t, uint32_t len,
                     uint32_t *ns, uint32_t *ne);
/* An Arabic byline's outlets (byline_credits.c): the paper it names
** (canonical name and bytes) and the agency it credits (or a second
** paper, the first one's source), either NULL. */
typedef struct hs_pg_byline {
  const char *paper, *agency;
  uint32_t ps, pe, as, ae;
} hs_pg_byline;
/* Reads text[s,e) as an Arabic byline «اليوم - الدمام», «عدن: واس»
** (with LEAD 1 also as the lead-in of a longer line, «أبين -الوئام:
** ...»); 1 when it names a paper or an agency. */
int hs_pg_arabic_byline(const hs_aliases *a, const char *t, uint32_t s,
                        uint32_t e, int lead, hs_pg_byline *out);
/* A paper's link to the story on the page's last line, «رابط الخبر
** بصحيفة الوئام: ...»: fills the paper's name's bytes. */
int hs_pg_foot_link(const hs_aliases *a, const char *t, uint32_t len,
                    uint32_t *ns, uint32_t *ne);
/* A writer's own site in a plea "Subscribe to My Website at:
** www.site.com" on text[s,e): fills the host's bytes (bio_credits.c). */
int hs_pg_own_site(const char *t, uint32_t s, uint32_t e, uint32_t *ns,
                   uint32_t *ne);
/* A dateline at the start of text[s,e): fills the name's bytes. */
int hs_pg_dateline(const hs_aliases *a, const char *t, uint32_t s,
                   uint32_t e, uint32_t *ns, uint32_t *ne);

#endif
