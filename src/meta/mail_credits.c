/*
** mail_credits.c — the outlets an e-mail names outside its writer's header
** lines: a feed item a feed reader mailed, and an article forwarded whole.
**
** A feed reader (rss2email's form) mails each item with the feed's name as
** the From: line's display name ("From: boingboing <rssfeeds@...>") over a
** body that opens with "URL: http://...": the feed is the item's outlet.
** A message's From: line is otherwise its writer, so the body's "URL:"
** opening is required.
**
** A forwarded article stands under its address, alone on its line, with
** its headline or byline on the next non-blank line ("http://www.
** infoworld.com/articles/ct/xml/02/09/02/020902ctspotlight.xml" over
** "Secure and at ease"): the address's host names the article's outlet.
** The address must be an article's (a path of two or more parts holding a
** digit, no query: a site's home page or a list's "listinfo" footer is
** none), the next line a headline's (2 to 15 words opening with a
** capital, a digit or a quote: not a signature's one name, a sentence
** running on in lower case, a quoted reply, a rule of dashes under a
** sponsor's link, another address), and more text must
** follow it (a list footer ends the message).
**
** A copyright line in a message that names its writer ("Copyright
** 1997-2002 pudge." from pudge@perl.org) names a person, no outlet: a
** holder equal to the local part of an address on the header's From:
** lines is none.
*/
#include <string.h>

#include "hearsay.h"
#include "meta/page_int.h"

static int blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* The next non-blank line at or after p: its trimmed bytes in *s, *e;
** returns 0 at the text's end. */
static int next_line(const char *t, uint32_t p, uint32_t len, uint32_t *s,
                     uint32_t *e) {
  while (p < len) {
    uint32_t a = p, b = hs_meta_eol(t, p, len);
    p = b + 1;
    while (a < b && blank(t[a])) a++;
    while (b > a && blank(t[b - 1])) b--;
    if (a < b) {
      *s = a, *e = b;
      return 1;
    }
  }
  return 0;
}

int hs_pg_feed_sender(const char *t, uint32_t body, uint32_t len,
                      uint32_t *ns, uint32_t *ne) {
  uint32_t s, e, i, v, n0, n1, q;
  if (!body || !next_line(t, body, len, &s, &e) || e - s < 12 ||
      memcmp(t + s, "URL: http", 9))
    return 0;
  for (i = 0; i < body; i = e + 1) {
    e = hs_meta_eol(t, i, body);
    if (e - i < 6 || memcmp(t + i, "From:", 5)) continue;
    for (v = i + 5; v < e && blank(t[v]); v++) {}
    if (v < e && t[v] == '"') {
      n0 = v + 1;
      for (n1 = n0; n1 < e && t[n1] != '"'; n1++) {}
      q = n1 + 1;
    } else {
      n0 = v;
      for (n1 = n0; n1 < e && t[n1] != '<'; n1++) {}
      q = n1;
    }
    while (n1 > n0 && blank(t[n1 - 1])) n1--;
    while (q < e && blank(t[q])) q++;
    /* the display name, then "<local@host>" */
    if (n1 <= n0 || n1 - n0 > 60 || q >= e || t[q] != '<' ||
        !memchr(t + q, '@', e - q) || !memchr(t + q, '>', e - q))
      return 0;
    *ns = n0, *ne = n1;
    return 1;
  }
  return 0;
}

/* A headline or byline opens with a capital, a digit or a quote (not a
** sentence running on in lower case, a quoted reply's ">", a rule of
** dashes or a bullet). */
static int headline_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' ||
         c == '"' || (c & 0x80);
}

/* [s, e) is an address alone on its line whose path is an article's. */
static int article_address(const char *t, uint32_t s, uint32_t e,
                           uint32_t *hs, uint32_t *he) {
  uint32_t a, b, c, p, slashes = 0, digit = 0;
  if (!hs_pg_address_host(t, s, e, &a, &b, &c) || c != e) return 0;
  for (p = b; p < e; p++) {
    if (t[p] == '?') return 0;
    slashes += t[p] == '/';
    digit |= t[p] >= '0' && t[p] <= '9';
  }
  if (slashes < 2 || !digit) return 0;
  *hs = a, *he = b;
  return 1;
}

int hs_pg_forwarded_article(const char *t, uint32_t body, uint32_t len,
                            uint32_t *hs, uint32_t *he) {
  uint32_t s, e, p = body;
  if (!body) return 0;
  while (next_line(t, p, len, &s, &e)) {
    uint32_t s1, e1, s2, e2, a, b;
    p = e + 1;
    if (!article_address(t, s, e, &a, &b)) continue;
    if (!next_line(t, p, len, &s1, &e1) || !headline_start(t[s1]) ||
        ci_at(t, s1, e1, "http") || words(t, s1, e1) < 2 ||
        words(t, s1, e1) > 15 || !next_line(t, e1 + 1, len, &s2, &e2))
      continue;
    *hs = a, *he = b;
    return 1;
  }
  return 0;
}

int hs_pg_mail_writer(const char *t, uint32_t body, const char *name) {
  size_t n = name ? strlen(name) : 0;
  uint32_t i, e, q;
  if (!body || n == 0 || n > 64) return 0;
  for (i = 0; i < body; i = e + 1) {
    e = hs_meta_eol(t, i, body);
    if (e - i < 6 || memcmp(t + i, "From", 4) ||
        (t[i + 4] != ':' && t[i + 4] != ' '))
      continue;
    /* each "local@" of the line */
    for (q = i + 5; q + n < e; q++) {
      uint32_t k;
      if (t[q + n] != '@' ||
          !(blank(t[q - 1]) || t[q - 1] == '<' || t[q - 1] == ':'))
        continue;
      for (k = 0; k < n && hs_ascii_lower[(unsigned char)t[q + k]] ==
                               hs_ascii_lower[(unsigned char)name[k]];
           k++) {}
      if (k == n) return 1;
    }
  }
  return 0;
}
