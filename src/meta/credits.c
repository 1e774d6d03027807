/*
** credits.c — credits a page gives outside page.c's line forms: a wire
** agency's dateline at the start of a paragraph ("(Reuters) — The New
** York State Attorney General ...", "WASHINGTON (AP) — ..."), a byline
** that names the author's site ("by Giovani – Liveanddare.com"), and a
** site address alone on the page's last line ("atimes.com", under a
** republished article).
**
** page.c reads "CITY (NAME) -" with a hyphen; agencies' own pages and the
** sites that carry their stories also print the name in brackets with no
** city, or with an en or em dash after it, or (opening the paragraph) with
** no dash at all: "(NaturalNews) A new study ...".  The name in brackets
** must be a known agency or outlet of the alias table (a bracket of
** anything else at a paragraph's start, "(Photo) -", is no dateline), or,
** opening the paragraph, have an outlet's shape (its last word, or a
** capitalised tail of it, "News", "Wire", "Post", "Times", ...: a table);
** the city before it at most 3 words, and all of it within the line's
** first 60 bytes.  A site
** address is a word of letters, digits, "-" and ".", ending in a
** top-level domain of 2 to 4 small letters after a name of 3 bytes or
** more, with no "/" or "@" (a link or an e-mail is no credit).
**
** An outlet speaks in its own voice at a paragraph's start: "21st
** Century Wire says…", "Valley News reports:" (the name known or of an
** outlet's shape, at most 4 words, in the line's first 60 bytes, the verb
** followed by ":", "," or an ellipsis).
**
** A wire story signs off with its agency's name alone on its last line
** ("REUTER", "AFP"): a known agency or outlet of at most 3 words (not an
** ambiguous alias).
**
** A wire story that never signs off names its agency when it speaks of
** itself: its dateline is the wire's bare form, a city in capitals, a
** comma, a month and a day and a dash, no year and no agency ("NEW YORK,
** June 1 - "), on one of the page's first 3 lines, and its text says
** "told NAME" or "in an interview with NAME", NAME a known agency (of the
** alias table's type agency, one or two words): "Bilzerian told Reuters"
** in such a story is the wire's own interview.  A page without that
** dateline (a paper or broadcaster quoting what someone "told Reuters")
** is not the agency's.
**
** A credit line whose value is a web address ("Source:
** http://www.marlerblog.com/case-news/...", the form aggregators print
** under a republished article) names the original by the address's host
** ("marlerblog.com": "www." dropped, the path too); it is read among the
** page's first lines (page.c) and on its last 3 non-blank lines, and the
** address's date ("/2018/01/22/") is the original's publication date
** when the page states none.  On those last lines an address alone,
** without a label, counts the same when its path holds a date
** ("https://www.naturalnews.com/2017-12-20-revealed-....html" over "Read
** more great articles here: ..."): an article's address, where a site's
** home page ("http://nunezreport.blogspot.com/") is none, and two
** such lines are a list of references, not a credit.
*/
#define _GNU_SOURCE /* memmem */
#include <string.h>

#include "hearsay.h"
#include "meta/page_int.h"

/* The last words of a news outlet's name, per language: a name in
** brackets that ends with one is an outlet's even when the alias table
** does not know it ("(NaturalNews)", "(Valley Wire)"). */
static const char *const outlet_words[] = {
    /* en */
    "News", "Wire", "Post", "Times", "Press", "Daily", "Herald", "Tribune",
    "Journal", "Gazette", "Agency", "TV", NULL};

/* 1 if text[s,e) has the shape of an outlet's name: at most 3 words of
** letters (and "." "-"), the first capitalised (or an ordinal, "21st"),
** the last one or its capitalised tail ("NaturalNews") a word of
** outlet_words. */
static int outlet_shape(const char *t, uint32_t s, uint32_t e) {
  uint32_t i, w = e;
  size_t k;
  uint32_t d = s;
  while (d < e && t[d] >= '0' && t[d] <= '9') d++; /* "21st Century Wire" */
  if (e - s < 4 || words(t, s, e) > 3 ||
      !(d > s ? d < e && t[d] >= 'a' && t[d] <= 'z'
              : t[s] >= 'A' && t[s] <= 'Z'))
    return 0;
  for (i = d; i < e; i++)
    if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z') ||
          t[i] == '.' || t[i] == '-' || t[i] == ' '))
      return 0;
  while (w > s && t[w - 1] != ' ') w--;
  for (k = 0; outlet_words[k]; k++) {
    size_t n = strlen(outlet_words[k]);
    if (e - w >= n && !memcmp(t + e - n, outlet_words[k], n) &&
        (e - w == n || (t[e - n - 1] >= 'a' && t[e - n - 1] <= 'z')))
      return 1;
  }
  return 0;
}

/* Verbs of an outlet speaking in its own voice at a paragraph's start
** ("21st Century Wire says ..."), per language. */
static const char *const own_voice[] = {
    /* en */
    " says", " reports", " has learned", NULL};

int hs_pg_own_voice(const hs_aliases *a, const char *t, uint32_t s,
                    uint32_t e, uint32_t *ns, uint32_t *ne) {
  uint32_t lim = e - s > 60 ? s + 60 : e, p;
  size_t k;
  for (k = 0; own_voice[k]; k++) {
    size_t m = strlen(own_voice[k]);
    if (!ci_find(t, s, lim, own_voice[k], &p) || p == s ||
        words(t, s, p) > 4)
      continue;
    /* the verb opens the text as a house style does: ":", "," or an
    ** ellipsis after it ("Fox News says the ..." is a sentence about
    ** another outlet) */
    if (!(p + m < e && (t[p + m] == ':' || t[p + m] == ',' ||
                        ci_at(t, p + m, e, "...") ||
                        ci_at(t, p + m, e, "\xE2\x80\xA6"))))
      continue;
    if (!hs_pg_known(a, t, s, p, NULL, 0) && !outlet_shape(t, s, p))
      continue;
    *ns = s;
    *ne = p;
    return 1;
  }
  return 0;
}

int hs_pg_wire_dateline(const hs_aliases *a, const char *t, uint32_t s,
                        uint32_t e, uint32_t *ns, uint32_t *ne) {
  uint32_t lim = e - s > 60 ? s + 60 : e, p0, p1, q;
  int dash;
  if (t[s] == '(') p0 = s;
  else if (ci_find(t, s, lim, " (", &p0) && words(t, s, p0) <= 3) p0++;
  else return 0;
  if (!ci_find(t, p0, lim, ")", &p1) || p1 - p0 < 3 ||
      words(t, p0 + 1, p1) > 3)
    return 0;
  q = p1 + 1;
  while (q < e && is_sp(t[q])) q++;
  dash = ci_at(t, q, e, "-") || ci_at(t, q, e, "\xE2\x80\x93") ||
         ci_at(t, q, e, "\xE2\x80\x94");
  /* without a dash: the bracket opens the paragraph and its text follows
  ** ("(NaturalNews) A new study ...") */
  if (!dash && !(p0 == s && q > p1 + 1 && q < e &&
                 ((t[q] >= 'A' && t[q] <= 'Z') || t[q] == '"' ||
                  ci_at(t, q, e, "\xE2\x80\x9C"))))
    return 0;
  if (!hs_pg_known(a, t, p0 + 1, p1, NULL, 1) &&
      !(p0 == s && outlet_shape(t, p0 + 1, p1)))
    return 0;
  *ns = p0 + 1;
  *ne = p1;
  return 1;
}

/* 1 if text[s,e) is a site address alone ("atimes.com", "Liveanddare.com"). */
static int site_word(const char *t, uint32_t s, uint32_t e) {
  uint32_t i, dot = 0;
  if (e - s < 7 || e - s > 60) return 0;
  for (i = s; i < e; i++) {
    char c = t[i];
    if (c == '.') dot = i;
    else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9') || c == '-'))
      return 0;
  }
  if (!dot || dot - s < 3 || e - dot - 1 < 2 || e - dot - 1 > 4) return 0;
  for (i = dot + 1; i < e; i++)
    if (t[i] < 'a' || t[i] > 'z') return 0;
  return !ci_at(t, s, e, "www.") || dot - s > 7;
}

int hs_pg_byline_site(const char *t, uint32_t s, uint32_t e, uint32_t *ns,
                      uint32_t *ne) {
  static const char *const seps[] = {" \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                     " - ", ", ", NULL};
  uint32_t p, q = e;
  size_t k;
  if (!ci_at(t, s, e, "by ") || words(t, s, e) > 8) return 0;
  while (q > s && !is_sp(t[q - 1])) q--;
  for (k = 0; seps[k]; k++) {
    size_t m = strlen(seps[k]);
    if (q >= s + m && ci_find(t, q - (uint32_t)m, q, seps[k], &p) &&
        p == q - m)
      break;
  }
  if (!seps[k] || !site_word(t, q, e)) return 0;
  *ns = q;
  *ne = e;
  return 1;
}

int hs_pg_last_site(const char *t, uint32_t len, uint32_t *ns, uint32_t *ne) {
  uint32_t e = len, s;
  while (e > 0 && (t[e - 1] == '\n' || is_sp(t[e - 1]))) e--;
  for (s = e; s > 0 && t[s - 1] != '\n'; s--) {}
  while (s < e && is_sp(t[s])) s++;
  if (!site_word(t, s, e)) return 0;
  *ns = s;
  *ne = e;
  return 1;
}

int hs_pg_last_agency(const hs_aliases *a, const char *t, uint32_t len,
                      uint32_t *ns, uint32_t *ne) {
  uint32_t e = len, s;
  while (e > 0 && (t[e - 1] == '\n' || is_sp(t[e - 1]))) e--;
  for (s = e; s > 0 && t[s - 1] != '\n'; s--) {}
  while (s < e && is_sp(t[s])) s++;
  if (e - s < 2 || e - s > 30 || words(t, s, e) > 3 ||
      !hs_pg_known(a, t, s, e, NULL, 0))
    return 0;
  *ns = s;
  *ne = e;
  return 1;
}

int hs_pg_address_host(const char *t, uint32_t s, uint32_t e, uint32_t *hs,
                       uint32_t *he, uint32_t *ae) {
  uint32_t p, dot = 0, q;
  while (s < e && is_sp(t[s])) s++;
  if (ci_at(t, s, e, "http://")) s += 7;
  else if (ci_at(t, s, e, "https://")) s += 8;
  else if (!ci_at(t, s, e, "www.")) return 0;
  if (ci_at(t, s, e, "www.")) s += 4;
  for (p = s; p < e; p++) {
    char c = t[p];
    if (c == '.') dot = p;
    else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c >= '0' && c <= '9') || c == '-'))
      break;
  }
  /* a host: a name, a dot and a top-level domain of 2 letters or more,
  ** then the path, a port or the line's end */
  if (!dot || dot == s || p - dot - 1 < 2 ||
      (p < e && t[p] != '/' && t[p] != ':' && !is_sp(t[p])))
    return 0;
  for (q = dot + 1; q < p; q++)
    if (!((t[q] >= 'a' && t[q] <= 'z') || (t[q] >= 'A' && t[q] <= 'Z')))
      return 0;
  for (q = p; q < e && !is_sp(t[q]); q++) {}
  *hs = s;
  *he = p;
  *ae = q;
  return 1;
}

/* The path [s, e) of an address holds a date hs_url_date reads
** ("/2017-12-20-revealed-...", "/2018/01/22/"). */
static int dated_path(const char *t, uint32_t s, uint32_t e) {
  char buf[512];
  int y, m, d;
  if (e - s >= sizeof buf) return 0;
  memcpy(buf, t + s, e - s);
  buf[e - s] = 0;
  return hs_url_date(buf, &y, &m, &d);
}

/* An article's path text[s, e) (after the host): two parts or more, a
** digit in it, no query ("/GoldSeek/1508764620.php"; not "/" nor
** "/mailman/listinfo/fork" nor "/talkread.bml?itemid=63598"). */
static int article_path(const char *t, uint32_t s, uint32_t e) {
  uint32_t i;
  int slashes = 0, digits = 0;
  for (i = s; i < e; i++) {
    if (t[i] == '?') return 0;
    slashes += t[i] == '/' && i + 1 < e;
    digits |= t[i] >= '0' && t[i] <= '9';
  }
  return slashes >= 2 && digits;
}

int hs_pg_source_address(const char *t, uint32_t len, uint32_t *hs,
                         uint32_t *he, uint32_t *us, uint32_t *ue) {
  uint32_t e = len, s, bh = 0, bhe = 0, bs = 0, be = 0;
  int lines = 0, bare = 0;
  size_t k;
  while (lines < 3 && e > 0) {
    uint32_t a, b, c;
    while (e > 0 && (t[e - 1] == '\n' || is_sp(t[e - 1]))) e--;
    if (!e) break;
    for (s = e; s > 0 && t[s - 1] != '\n'; s--) {}
    while (s < e && is_sp(t[s])) s++;
    lines++;
    for (k = 0; hs_pg_credit_cues[k]; k++) {
      uint32_t q = s + (uint32_t)strlen(hs_pg_credit_cues[k]);
      if (!ci_at(t, s, e, hs_pg_credit_cues[k])) continue;
      while (q < e && is_sp(t[q])) q++;
      if (hs_pg_address_host(t, q, e, hs, he, ue)) {
        *us = q;
        return 1;
      }
    }
    /* an address alone on its line, without a label, whose path holds a
    ** date: an article's (a site's home page is no credit); one of two
    ** such lines is a list of references ("For More Information See:") */
    if (hs_pg_address_host(t, s, e, &a, &b, &c) && c == e) {
      bare++;
      if (!be && dated_path(t, b, e)) bh = a, bhe = b, bs = s, be = e;
    }
    e = s;
  }
  if (!be || bare > 1) return 0;
  *hs = bh, *he = bhe, *us = bs, *ue = be;
  return 1;
}

/* Addresses of the web's platforms, no site's own: a share link, an
** embedded post, a mail provider. */
static const char *const platform_names[] = {
    "facebook", "twitter", "instagram", "youtube", "youtu", "google",
    "googleapis", "gstatic", "linkedin", "pinterest", "reddit", "whatsapp",
    "tumblr", "flickr", "vimeo", "tiktok", "snapchat", "telegram", "bit",
    "goo", "ow", "apple", "amazon", "amzn", "wordpress", "blogger",
    "blogspot", "gravatar", "disqus", "feedburner", "gmail", "yahoo",
    "hotmail", "outlook", "wikipedia", "doubleclick", "addthis",
    "sharethis", "cloudflare", "w3", "schema", "example", "mailchimp",
    "paypal", "microsoft", "adobe", "spotify", "soundcloud", "medium",
    NULL};

int hs_pg_platform(const char *t, uint32_t s, uint32_t e) {
  size_t j;
  for (j = 0; platform_names[j]; j++)
    if (strlen(platform_names[j]) == e - s && ci_at(t, s, e, platform_names[j]))
      return 1;
  return 0;
}

int hs_pg_last_article(const char *t, uint32_t len, uint32_t *ns,
                       uint32_t *ne) {
  uint32_t e = len, s, hs, he, ae, d;
  while (e > 0 && (t[e - 1] == '\n' || is_sp(t[e - 1]))) e--;
  for (s = e; s > 0 && t[s - 1] != '\n'; s--) {}
  while (s < e && is_sp(t[s])) s++;
  if (!hs_pg_address_host(t, s, e, &hs, &he, &ae) || ae != e ||
      !article_path(t, he, e))
    return 0;
  { /* the last of a list of addresses is a reference, no credit */
    uint32_t pe = s, ps, a2, b2, c2;
    while (pe > 0 && (t[pe - 1] == '\n' || is_sp(t[pe - 1]))) pe--;
    for (ps = pe; ps > 0 && t[ps - 1] != '\n'; ps--) {}
    while (ps < pe && is_sp(t[ps])) ps++;
    if (pe > ps && hs_pg_address_host(t, ps, pe, &a2, &b2, &c2) && c2 == pe)
      return 0;
  }
  /* the host's name before its top-level domain: no platform's */
  for (d = he; d > hs && t[d - 1] != '.'; d--) {}
  if (d > hs) {
    uint32_t n = d - 1;
    while (n > hs && t[n - 1] != '.') n--;
    if (hs_pg_platform(t, n, d - 1)) return 0;
  }
  *ns = hs;
  *ne = he;
  return 1;
}

/* Month names and their wire abbreviations (en), a dateline's month. */
static const char *const wire_months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Jan",
    "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov",
    "Dec", NULL};
/* What a wire writes before its own name in its story. */
static const char *const wire_self[] = {"told ", "interview with ", NULL};

/* 1 if text[s,e) opens with a wire's bare dateline "CITY, Month D - ". */
static int bare_wire_dateline(const char *t, uint32_t s, uint32_t e) {
  uint32_t q = s, c;
  size_t k;
  while (q < e && is_sp(t[q])) q++;
  if (!ci_find(t, q, e > q + 40 ? q + 40 : e, ", ", &c) || c == q ||
      words(t, q, c) > 3)
    return 0;
  for (; q < c; q++)
    if (!((t[q] >= 'A' && t[q] <= 'Z') || t[q] == ' ' || t[q] == '.' ||
          t[q] == '-' || t[q] == '\''))
      return 0;
  q = c + 2;
  for (k = 0; wire_months[k]; k++) {
    size_t m = strlen(wire_months[k]);
    if (q + m < e && !memcmp(t + q, wire_months[k], m) &&
        (t[q + m] == ' ' || t[q + m] == '.'))
      break;
  }
  if (!wire_months[k]) return 0;
  q += (uint32_t)strlen(wire_months[k]);
  while (q < e && (t[q] == '.' || t[q] == ' ')) q++;
  c = q;
  while (q < e && t[q] >= '0' && t[q] <= '9') q++;
  if (q == c || q - c > 2) return 0;
  return ci_at(t, q, e, " - ");
}

int hs_pg_wire_told(const hs_aliases *a, const char *t, uint32_t len,
                    uint32_t *ns, uint32_t *ne) {
  uint32_t i = 0, s, e;
  int n, ok = 0;
  size_t k;
  for (n = 0; n < 3 && i < len && !ok; n++) {
    const char *nl = memchr(t + i, '\n', len - i);
    s = i;
    e = nl ? (uint32_t)(nl - t) : len;
    i = e + 1;
    ok = bare_wire_dateline(t, s, e);
  }
  if (!ok || !a) return 0;
  for (k = 0; wire_self[k]; k++) {
    size_t m = strlen(wire_self[k]);
    const char *p = t, *end = t + len;
    while ((p = memmem(p, (size_t)(end - p), wire_self[k], m))) {
      uint32_t q = (uint32_t)(p - t + m), w = q, sp = 0;
      const char *canon;
      int ty;
      p += m;
      while (w < len && ((t[w] >= 'A' && t[w] <= 'Z') ||
                         (t[w] >= 'a' && t[w] <= 'z') ||
                         (t[w] == ' ' && !sp++ && w + 1 < len &&
                          t[w + 1] >= 'A' && t[w + 1] <= 'Z')))
        w++;
      if (w == q || t[q] < 'A' || t[q] > 'Z') continue;
      while (w > q && t[w - 1] == ' ') w--;
      if (hs_aliases_lookup_name(a, t + q, w - q, &canon, &ty) &&
          ty == HS_SRC_AGENCY) {
        *ns = q;
        *ne = w;
        return 1;
      }
      /* "told Reuters Taiwan ...": the first word alone */
      if (sp) {
        uint32_t w1 = q;
        while (w1 < w && t[w1] != ' ') w1++;
        if (hs_aliases_lookup_name(a, t + q, w1 - q, &canon, &ty) &&
            ty == HS_SRC_AGENCY) {
          *ns = q;
          *ne = w1;
          return 1;
        }
      }
    }
  }
  return 0;
}
