/*
** page.c — what a scraped page says about itself: its outlet (and the
** original an aggregator credits) and the date in its URL (its headline:
** title.c).
**
** A scraped page opens with furniture: navigation rows, date/time/ID/print
** lines, mastheads with slogans, credit lines.  The rules read the page's
** lines in order and classify each with small per-language tables (below)
** rather than guessing from position alone, so the same table rows explain
** why a line was skipped as a headline and why it named an outlet.
**
** Outlet, strongest first (docs/sources.md lists every form):
**   given series (1.0);
**   a carrier line "Aggregated by X", "Republished by X" (0.85);
**   a masthead: a line that is a known outlet, or "X - slogan" / "X | ..."
**   with X a known outlet or the copyright holder (0.8); a site's name
**   (short, capitalized, no digit) right above a navigation row (0.75);
**   an ambiguous alias («الرياض», the city) is never read from a
**   masthead or from before a dateline's dash;
**   a copyright line "© 2017 X. All rights reserved", «جميع الحقوق محفوظة
**   لـX», «کلیه حقوق ... متعلق به X است» (0.75), the site's own (a year
**   or "All rights reserved") before a credit of a part of the page ("©
**   Reuters" under a photo), never a site's designer ("Designed by X");
**   without one, a footer "NAME · 2013-2019" or a line that is a company's
**   name alone ("comwrap GmbH", 0.6);
**   a dateline prefix "SHAFAQNA- ", "Moscow, FNA- ", "الرياض - واس:",
**   "ورزش سه - ", "WASHINGTON (Reuters) -", "Damascus, SANA", and
**   "(Reuters) —", "WASHINGTON (AP) –", "(NaturalNews) A ...", an
**   outlet in its own voice "21st Century Wire says ..." (credits.c) (0.7);
**   a "Source: X" line, also after a byline "By A, Source: X" (0.8 when the
**   page names no carrier, else X is the credited original);
**   a credit line "Originally published by X", «نقلا عن X», «بازنشر از X»,
**   a byline "by A – site.com", a site address alone on the page's last
**   line, a "Source: http://site.com/..." line (its host) among the first
**   lines or the last 3, a wire story's sign-off "REUTER", a bare wire
**   dateline's story that says "told Reuters" (credits.c);
**   a site address "www.irna.ir" (0.6) and the URL's domain (0.55), read
**   through the alias table; with no other outlet, the address the page
**   prints twice or more, known or not ("catchitkansas.com",
**   page_address.c) (0.5);
**   the folder holding the document when it was read from a folder of
**   files, not a JSONL record, and the folder's name is not a date (0.3).
** When a carrier (aggregator line or masthead) is found and a credited
** outlet differs from it, the credited one is the `original`.  An e-mail
** or Usenet message is read from its body (its header block names its
** writer), and its e-mail addresses are no site addresses.
*/
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "meta/meta_int.h"
#include "meta/page_int.h"
#include "meta/site_name.h"
#include "util/util.h"

/* ---------------------------------------------------------------- tables */

/* Carrier lines: the site that carries a republished page. */
const char *const hs_pg_carrier_cues[] = {
    "aggregated by ", "republished by ", "curated by ", "via ",
    "أعادت نشره ", NULL};
/* Credit lines: the original a page credits. */
const char *const hs_pg_credit_cues[] = {
    "originally published by ", "originally published in ",
    "originally appeared in ", "originally appeared on ", "first published by ",
    "نقلا عن ", "نقلاً عن ", "المصدر: ", "المصدر : ", "بازنشر از ",
    "منبع: ", "منبع : ", "source: ", "source : ", "источник: ",
    "Источник: ", NULL};
/* Copyright forms: the holder follows. */
static const char *const rights_cues[] = {
    "جميع الحقوق محفوظة ل", "جميع الحقوق محفوظة لـ", "كل الحقوق محفوظة ل",
    "حقوق النشر محفوظة ل", NULL};

/* ----------------------------------------------------------------- names */

/* A known outlet or agency for text[s,e), exactly (not inside); an
** ambiguous alias ("=NAME": «الرياض» the city) only when loose. */
static int known_exact(const hs_aliases *a, const char *t, uint32_t s,
                       uint32_t e, const char **canon, int loose) {
  int ty;
  if (!a || e <= s) return 0;
  if (loose ? !hs_aliases_lookup(a, t + s, e - s, canon, &ty)
            : !hs_aliases_lookup_name(a, t + s, e - s, canon, &ty))
    return 0;
  return ty == HS_SRC_AGENCY || ty == HS_SRC_OUTLET;
}

/* Words a site adds to its name: «صحيفة سبق الإلكترونية», «الجزيرة نت»,
** "Al Arabiya English", "alarabiya.net" (lower case: matched with ASCII
** case folded). */
static const char *const name_tails[] = {
    " الإلكترونية", " الالكترونية", " نت", " أونلاين", " آنلاین", " online",
    " english", " arabic", " عربي", " بالعربي", " بالعربية", " فارسی",
    " news", " website", ".com", ".net", ".org", ".ir", ".co.uk", NULL};

/* A known outlet or agency, also with a trailing year ("... لصحيفة سبق
** 2016"), a " + وكالات" / " + agencies" tail, or a site word of
** name_tails after the name. */
int hs_pg_known(const hs_aliases *a, const char *t, uint32_t s, uint32_t e,
                const char **canon, int loose) {
  uint32_t e2 = e, p;
  size_t k;
  if (e - s > 4 && ci_at(t, s, e, "www.")) s += 4; /* "www.aljazeera.com" */
  if (known_exact(a, t, s, e, canon, loose)) return 1;
  if (e - s > 6 && ci_find(t, s, e, " + ", &p) &&
      known_exact(a, t, s, p, canon, loose))
    return 1;
  while (e2 > s && t[e2 - 1] >= '0' && t[e2 - 1] <= '9') e2--;
  if (e2 < e && e - e2 == 4) {
    while (e2 > s && (t[e2 - 1] == ' ' || t[e2 - 1] == ',')) e2--;
    if (known_exact(a, t, s, e2, canon, loose)) return 1;
  }
  for (k = 0; name_tails[k]; k++) {
    size_t n = strlen(name_tails[k]);
    if (e - s > n + 2 && ci_at(t, (uint32_t)(e - n), e, name_tails[k]) &&
        known_exact(a, t, s, (uint32_t)(e - n), canon, loose))
      return 1;
  }
  return 0;
}

static int known(const hs_aliases *a, const char *t, uint32_t s, uint32_t e,
                 const char **canon) {
  return hs_pg_known(a, t, s, e, canon, 1);
}

static void put(hs_meta_field *f, const hs_aliases *a, const char *t,
                uint32_t s, uint32_t e, double conf) {
  const char *canon = NULL;
  char *v;
  trim(t, &s, &e);
  if (e <= s || e - s > 80 || words(t, s, e) > 8) return;
  free(f->value);
  free(f->raw);
  v = hs_strndup(t + s, e - s);
  f->raw = hs_strndup(t + s, e - s);
  if (known(a, t, s, e, &canon)) {
    f->value = hs_strdup(canon);
    free(v);
  } else {
    /* an all-capitals dateline name ("SHAFAQNA") in title case */
    uint32_t k;
    int caps = 1;
    for (k = 0; v[k]; k++)
      if (v[k] >= 'a' && v[k] <= 'z') caps = 0;
    if (caps && e - s > 5 && !memchr(v, ' ', e - s) &&
        (unsigned char)v[0] < 0x80)
      for (k = 1; v[k]; k++)
        if (v[k] >= 'A' && v[k] <= 'Z') v[k] = (char)(v[k] + 32);
    f->value = v;
  }
  f->start = s;
  f->end = e;
  f->confidence = conf;
  f->given = 0;
}

/* The name of a copyright line: after "©"/"copyright"/"(c)" (holder.c);
** or after an Arabic rights form; or «... متعلق به X است». */
int hs_pg_rights_holder(const char *t, uint32_t s, uint32_t e, uint32_t *ns,
                         uint32_t *ne) {
  static const char *const marks[] = {"©", "copyright", "(c)", "(с)", NULL};
  uint32_t at, q;
  int k;
  for (k = 0; rights_cues[k]; k++)
    if (ci_find(t, s, e, rights_cues[k], &at)) {
      q = at + (uint32_t)strlen(rights_cues[k]);
      if (ci_at(t, q, e, "ـ")) q += 2;
      *ns = q;
      *ne = e;
      return 1;
    }
  if (ci_find(t, s, e, "متعلق به ", &at)) {
    uint32_t x;
    *ns = at + (uint32_t)strlen("متعلق به ");
    *ne = ci_find(t, *ns, e, " است", &x) ? x : e;
    return 1;
  }
  for (k = 0; marks[k]; k++)
    if (ci_find(t, s, e, marks[k], &at)) {
      uint32_t me = at + (uint32_t)strlen(marks[k]);
      return hs_pg_holder_after(t, me, e, ns, ne) ||
             (k == 0 && hs_pg_holder_before(t, s, at, me, e, ns, ne));
    }
  return 0;
}

/* A dateline: "NAME- ", "CITY, NAME - ", "CITY (NAME) -", "CITY - NAME:"
** at the start of a line, or a whole short line "CITY - NAME", "CITY,
** NAME".  Fills the name's bytes. */
int hs_pg_dateline(const hs_aliases *a, const char *t, uint32_t s,
                   uint32_t e, uint32_t *ns, uint32_t *ne) {
  uint32_t i, lim = e - s > 60 ? s + 60 : e, dash = 0;
  uint32_t p0, p1;
  /* Persian lead "به گزارش NAME، ..." or "... NAME به نقل از" */
  if (ci_at(t, s, e, "به گزارش ")) {
    uint32_t q = s + (uint32_t)strlen("به گزارش "), c, c2;
    if (ci_find(t, q, e, "،", &c)) {
      if (ci_find(t, q, c, " به نقل از", &c2)) c = c2;
      if (words(t, q, c) <= 3 && known(a, t, q, c, NULL)) {
        *ns = q;
        *ne = c;
        return 1;
      }
    }
  }
  /* "CITY (NAME) -" */
  if (ci_find(t, s, lim, " (", &p0) && ci_find(t, p0, lim, ") -", &p1) &&
      words(t, s, p0) <= 3) {
    *ns = p0 + 2;
    *ne = p1;
    return known(a, t, *ns, *ne, NULL);
  }
  for (i = s; i + 1 < lim; i++)
    if ((t[i] == '-' && (is_sp(t[i + 1]) || i + 1 == e)) ||
        (t[i] == ':' && i > s)) {
      dash = i;
      break;
    }
  if (!dash) {
    /* whole short line "CITY - NAME" / "CITY, NAME"; one that ends with a
    ** comma is a salutation ("Good day, Fox,") */
    if (words(t, s, e) > 5 || (e > s && t[e - 1] == ',')) return 0;
    if (ci_find(t, s, e, " - ", &p0)) *ns = p0 + 3;
    else if (ci_find(t, s, e, ", ", &p0)) *ns = p0 + 2;
    else if (ci_find(t, s, e, "، ", &p0)) *ns = p0 + 3;
    else return 0;
    *ne = e;
    return known(a, t, *ns, *ne, NULL);
  }
  /* "CITY - NAME:" (Arabic wire datelines): the name after the dash */
  if (t[dash] == '-') {
    uint32_t q = dash + 1, c;
    while (q < lim && is_sp(t[q])) q++;
    if (ci_find(t, q, lim, ":", &c) && words(t, q, c) <= 3 &&
        known(a, t, q, c, NULL)) {
      *ns = q;
      *ne = c;
      return 1;
    }
  }
  {
    uint32_t ls = s, le = dash, c;
    while (le > ls && is_sp(t[le - 1])) le--;
    /* "CITY, NAME" or "CITY - NAME" before the dash */
    if (ci_find(t, ls, le, ", ", &c)) ls = c + 2;
    else if (ci_find(t, ls, le, " - ", &c)) ls = c + 3;
    else if (ci_find(t, ls, le, "، ", &c)) ls = c + 3;
    if (le <= ls || words(t, ls, le) > 3) return 0;
    *ns = ls;
    *ne = le;
    /* a city before the dash is no outlet: «الرياض - محمد العتيبي» is a
    ** dateline and a reporter's name, not the newspaper Al Riyadh */
    if (hs_pg_known(a, t, ls, le, NULL, 0)) return 1;
    /* an unknown name only as one all-capitals word: "SHAFAQNA-" */
    for (c = ls; c < le; c++)
      if (!(t[c] >= 'A' && t[c] <= 'Z')) return 0;
    return le - ls >= 3 && t[dash] == '-' && dash == le;
  }
}

/* A site address "www.NAME.TLD" or a URL: the alias of NAME (or of
** NAME.TLD). */
static int domain_name(const hs_aliases *a, const char *t, uint32_t s,
                       uint32_t e, const char **canon, uint32_t *ns,
                       uint32_t *ne) {
  uint32_t at, q, d;
  if (ci_find(t, s, e, "://", &at)) q = at + 3;
  else if (ci_find(t, s, e, "www.", &at)) q = at;
  else return 0;
  if (ci_at(t, q, e, "www.")) q += 4;
  for (d = q; d < e && t[d] != '.' && t[d] != '/' && !is_sp(t[d]); d++) {}
  if (d == q) return 0;
  *ns = q;
  *ne = d;
  if (known(a, t, q, d, canon)) return 1;
  {
    uint32_t d2 = d;
    while (d2 < e && t[d2] != '/' && !is_sp(t[d2])) d2++;
    *ne = d2;
    return known(a, t, q, d2, canon);
  }
}

/* A navigation row: two or more "|" between short items, and no digit
** (a "Date: ... | Time: ... | ID: ..." row is no navigation). */
static int nav_row(const char *t, uint32_t s, uint32_t e) {
  size_t bars = count_char(t, s, e, '|'), i;
  if (bars < 2 || words(t, s, e) > 4 * (bars + 1)) return 0;
  for (i = s; i < e; i++)
    if (t[i] >= '0' && t[i] <= '9') return 0;
  return 1;
}

/* A line that may be a site's name: at most 5 words and 60 bytes, no
** digit, no sentence punctuation, and in Latin script every word
** capitalized ("World News Network", "The Levant Post"; "of", "the",
** "and" may stay lower case). */
static int masthead_form(const char *t, uint32_t s, uint32_t e) {
  uint32_t i;
  int start = 1;
  if (e <= s || e - s > 60 || words(t, s, e) > 5) return 0;
  for (i = s; i < e; i++) {
    unsigned char c = (unsigned char)t[i];
    if ((c >= '0' && c <= '9') || c == '.' || c == ',' || c == ':' ||
        c == '?' || c == '!' || c == '"')
      return 0;
    if (start && c >= 'a' && c <= 'z' && !ci_at(t, i, e, "of ") &&
        !ci_at(t, i, e, "the ") && !ci_at(t, i, e, "and ") &&
        !ci_at(t, i, e, "al-") && !ci_at(t, i, e, "el-"))
      return 0;
    start = is_sp(t[i]);
  }
  return 1;
}

/* Words after a copyright mark that name the site's maker, no holder
** ("Copyright © 2002-2019 - Designed by Gray Digital Media"). */
static const char *const maker_cues[] = {
    "designed by", "design by", "powered by", "developed by", "hosted by",
    "desenvolvido por", "diseñado por", "realizzato da", "tema ",
    "theme ", "طراحی", "تصميم", NULL};

static int not_holder(const char *t, uint32_t s, uint32_t e) {
  size_t k;
  trim(t, &s, &e);
  for (k = 0; maker_cues[k]; k++)
    if (ci_at(t, s, e, maker_cues[k])) return 1;
  return 0;
}

/* A site's own copyright line, not a credit of a part of the page: it
** says "All rights reserved" (or one of its forms) or gives a year before
** the holder; "Sports data © STATS 2018" and a caption's "© Reuters" are
** credits. */
static int site_rights(const char *t, uint32_t s, uint32_t e, uint32_t ns) {
  static const char *const reserved[] = {
      "all rights reserved", "الحقوق محفوظة", "حقوق این", "کلیه حقوق",
      "права защищены", "Права защищены", "todos os direitos",
      "todos los derechos", "tutti i diritti", "alle rechte",
      "tous droits", "hak cipta", NULL};
  uint32_t q;
  size_t k;
  for (k = 0; reserved[k]; k++)
    if (ci_find(t, s, e, reserved[k], NULL)) return 1;
  for (q = s; q < ns; q++)
    if (t[q] >= '0' && t[q] <= '9') return 1;
  return 0;
}

/* Legal forms that close a company's footer line ("comwrap GmbH"). */
static const char *const legal_ends[] = {
    " gmbh", " ltd", " ltd.", " llc", " inc.", " ag", " s.a.", " s.r.l.",
    " pty ltd", " pvt. ltd.", NULL};

/* A site's footer line that names its holder without "©": "NAME ·
** 2013-2019 ..." (a name, a middle dot and a year), or a line that is a
** company's name alone ("comwrap GmbH": at most 4 words, no digit). */
static int footer_holder(const char *t, uint32_t s, uint32_t e, uint32_t *ns,
                         uint32_t *ne) {
  uint32_t p, q;
  size_t k;
  if (ci_find(t, s, e, " · ", &p)) {
    q = p + (uint32_t)strlen(" · ");
    if (q + 4 <= e && t[q] >= '0' && t[q] <= '9' && t[q + 3] >= '0' &&
        t[q + 3] <= '9' && (t[s] & 0x80 || (t[s] >= 'A' && t[s] <= 'Z')) &&
        masthead_form(t, s, p)) {
      *ns = s, *ne = p;
      return 1;
    }
  }
  if (words(t, s, e) > 4) return 0;
  for (p = s; p < e; p++)
    if (t[p] >= '0' && t[p] <= '9') return 0;
  /* not the tail of a sentence wrapped at a fixed width: the line right
  ** above, of 6 words or more, ending in a letter or a comma runs on into
  ** it ("... Tidewater Oil" over "Co and Loop Inc."; not "Imprint") */
  p = s;
  while (p > 0 && is_sp(t[p - 1])) p--;
  if (p > 0 && t[p - 1] == '\n') {
    uint32_t pe = --p, ps;
    while (pe > 0 && (is_sp(t[pe - 1]) || t[pe - 1] == '\r')) pe--;
    for (ps = pe; ps > 0 && t[ps - 1] != '\n'; ps--) {}
    if (pe > ps && words(t, ps, pe) >= 6 &&
        (t[pe - 1] == ',' ||
         ((t[pe - 1] | 0x20) >= 'a' && (t[pe - 1] | 0x20) <= 'z')))
      return 0;
  }
  for (k = 0; legal_ends[k]; k++) {
    size_t m = strlen(legal_ends[k]);
    if (e - s > m + 2 && ci_at(t, e - (uint32_t)m, e, legal_ends[k])) {
      *ns = s, *ne = e;
      return 1;
    }
  }
  return 0;
}

/* ---------------------------------------------------------------- outlet */

/* 1 if the line [s, e) opens with "Copyright" (in small letters, before
** a year or a mark) or holds a copyright mark
** ("©", "all rights reserved", «الحقوق محفوظة», ...): one pass over the
** line, each mark tried only at a byte that can open one. */
static int rights_mark(const char *t, uint32_t s, uint32_t e) {
  static const char *const marks[] = {
      "©", "all rights reserved", "الحقوق محفوظة", "حقوق این",
      "права защищены", "(c) ", NULL};
  static const unsigned char mark_lead[256] = {
      [0xC2] = 1, ['a'] = 1, ['A'] = 1, [0xD8] = 1, [0xD0] = 1, ['('] = 1};
  uint32_t i;
  size_t k;
  /* "Copyright ...", "copyright 2019 ..."; not a sentence that opens
  ** a line with the word ("copyright law.  To avoid ...") */
  if (ci_at(t, s, e, "copyright")) {
    uint32_t q = s + 9;
    if (t[s] == 'C') return 1;
    while (q < e && is_sp(t[q])) q++;
    if (q < e && ((t[q] >= '0' && t[q] <= '9') || ci_at(t, q, e, "©") ||
                  ci_at(t, q, e, "(c)")))
      return 1;
  }
  /* "(c) This order is not intended to, ...", "(c) The Secretary shall:":
  ** a list's third item, no mark (no year after it; a sentence of more
  ** than 8 words, or a line ending with ":", ";" or ",") */
  if (ci_at(t, s, e, "(c) ") && !(s + 4 < e && t[s + 4] >= '0' &&
                                  t[s + 4] <= '9') &&
      (words(t, s, e) > 8 || t[e - 1] == ':' || t[e - 1] == ';' ||
       t[e - 1] == ','))
    s += 4;
  for (i = s; i < e; i++) {
    if (!mark_lead[(unsigned char)t[i]]) continue; /* one test a byte */
    for (k = 0; marks[k]; k++)
      if (ci_at(t, i, e, marks[k])) return 1;
  }
  return 0;
}

const char *hs_page_outlet(const hs_doc *d, const hs_aliases *a,
                           const hs_range *b, size_t nb, hs_meta_field *out,
                           hs_meta_field *orig) {
  const char *src = NULL;
  const char *t = d->text;
  pline ln[16];
  size_t n, i, k;
  uint32_t len = d->len > UINT32_MAX ? UINT32_MAX : (uint32_t)d->len;
  hs_meta_field carrier = {0}, mast = {0}, rights = {0}, dl = {0},
                credit = {0}, addr = {0}, byl = {0}, own = {0};
  int byline_read = 0;
  /* a message's header block names its writer, not an outlet: the rules
  ** read its body */
  uint32_t body = t ? hs_meta_mail_block(t, len) : 0;
  if (d->series && *d->series) return NULL;  /* given: the caller's */
  n = t ? page_lines(t + body, len - body, NULL, 0, ln, 16) : 0;
  for (i = 0; i < n; i++) {
    ln[i].s += body, ln[i].e += body;
    ln[i].boiler = in_ranges(b, nb, ln[i].s, ln[i].e);
  }
  /* copyright anywhere (last one wins: footers are at the end); a
  ** credit of a part ("Sports data © STATS", a photo's "© Reuters") only
  ** when the page has no site's copyright line */
  if (t) {
    uint32_t i0 = body, e;
    int strong = 0;
    while (i0 < len) {
      uint32_t s = i0, ns, ne;
      e = hs_meta_eol(t, i0, len);
      i0 = e + 1;
      if (e - s > 300) continue;
      if (rights_mark(t, s, e) && hs_pg_rights_holder(t, s, e, &ns, &ne) &&
          !not_holder(t, ns, ne)) {
        int st = site_rights(t, s, e, ns);
        if (st || !strong) put(&rights, a, t, ns, ne, 0.75);
        strong |= st;
      }
      else if (!rights.value && e - s <= 200 &&
               footer_holder(t, s, e, &ns, &ne))
        put(&rights, a, t, ns, ne, 0.6); /* a footer without "©" */
      else if (!own.value && !body && e - s <= 160 &&
               hs_pg_own_site(t, s, e, &ns, &ne))
        put(&own, a, t, ns, ne, 0.8); /* "Subscribe to My Website at: X" */
      else if (!addr.value && e - s < 120) {
        const char *canon;
        if (domain_name(a, t, s, e, &canon, &ns, &ne)) {
          put(&addr, a, t, ns, ne, 0.6);
        }
      }
    }
  }
  /* a message's copyright line naming its writer ("Copyright 2002 pudge."
  ** from pudge@perl.org) names a person */
  if (body && rights.raw && hs_pg_mail_writer(t, body, rights.raw)) {
    free(rights.value), free(rights.raw);
    memset(&rights, 0, sizeof rights);
  }
  for (i = 0; i < n; i++) {
    uint32_t s = ln[i].s, e = ln[i].e, ns, ne;
    /* the line's first byte as ci_at compares it: a cue that opens with
    ** another is not tried (no call a cue a line) */
    unsigned char c0 = s < e ? hs_ascii_lower[(unsigned char)t[s]] : 0;
    for (k = 0; hs_pg_carrier_cues[k]; k++)
      if ((unsigned char)hs_pg_carrier_cues[k][0] == c0 &&
          ci_at(t, s, e, hs_pg_carrier_cues[k]) && !carrier.value)
        put(&carrier, a, t, s + (uint32_t)strlen(hs_pg_carrier_cues[k]), e, 0.85);
    for (k = 0; hs_pg_credit_cues[k]; k++)
      if ((unsigned char)hs_pg_credit_cues[k][0] == c0 &&
          ci_at(t, s, e, hs_pg_credit_cues[k]) && !credit.value) {
        uint32_t q = s + (uint32_t)strlen(hs_pg_credit_cues[k]), ae;
        /* "Source: http://www.site.com/...": the address's host */
        if (hs_pg_address_host(t, q, e, &ns, &ne, &ae))
          put(&credit, a, t, ns, ne, 0.8);
        else
          put(&credit, a, t, q, e, 0.8);
      }
    /* "by A – site.com" (credits.c) */
    if (!credit.value && hs_pg_byline_site(t, s, e, &ns, &ne))
      put(&credit, a, t, ns, ne, 0.8);
    /* "By A, Source: X" */
    if (!credit.value && ci_at(t, s, e, "by ") &&
        ci_find(t, s, e, ", source:", &ns))
      put(&credit, a, t, ns + 9, e, 0.8);
    if (i < 4 && !mast.value && !ln[i].boiler) {
      uint32_t me = e, p;
      const char *canon;
      if (ci_find(t, s, e, " | ", &p)) me = p;
      else if (ci_find(t, s, e, " - ", &p) && words(t, s, p) <= 4) me = p;
      if (hs_pg_known(a, t, s, me, &canon, 0) ||
          (rights.value && me - s == strlen(rights.raw) &&
           !memcmp(t + s, rights.raw, me - s) && me < e) ||
          (rights.value && me == e && e - s == strlen(rights.raw) &&
           !memcmp(t + s, rights.raw, e - s)))
        put(&mast, a, t, s, me, 0.8);
      else if (i + 1 < n && i < 3 && masthead_form(t, s, me) &&
               nav_row(t, ln[i + 1].s, ln[i + 1].e))
        put(&mast, a, t, s, me, 0.75); /* "World News Network" over
                                          "Business | Politics | Tech" */
    }
    /* an Arabic byline under the headline: «اليوم - الدمام», «عدن: واس»
    ** (byline_credits.c): its paper, else its agency */
    if ((i == 1 || i == 2) && !byline_read && !ln[i].boiler) {
      hs_pg_byline bl;
      if (hs_pg_arabic_byline(a, t, s, e, i == 1, &bl)) {
        byline_read = 1;
        if (bl.paper) {
          put(&byl, a, t, bl.ps, bl.pe, 0.8);
          if (byl.value) {
            free(byl.value);
            byl.value = hs_strdup(bl.paper);
          }
        }
        if (bl.agency) {
          free(dl.value), free(dl.raw);
          memset(&dl, 0, sizeof dl);
          put(&dl, a, t, bl.as, bl.ae, 0.7);
        }
      }
    }
    if (i < 8 && !dl.value && !ln[i].boiler &&
        (hs_pg_dateline(a, t, s, e, &ns, &ne) ||
         hs_pg_wire_dateline(a, t, s, e, &ns, &ne) ||
         hs_pg_own_voice(a, t, s, e, &ns, &ne) ||
         (i < 3 && hs_pg_lead_credit(a, t, s, e, !(d->url && *d->url),
                                     &ns, &ne))))
      put(&dl, a, t, ns, ne, 0.7);
  }
  if (body) { /* a feed item's feed; a forwarded article's site */
    uint32_t ns, ne;
    if (hs_pg_feed_sender(t, body, len, &ns, &ne))
      put(&carrier, a, t, ns, ne, 0.85);
    if (!credit.value && hs_pg_forwarded_article(t, body, len, &ns, &ne))
      put(&credit, a, t, ns, ne, 0.8);
  }
  if (!credit.value && own.value) /* the writer's own site */
    credit = own, memset(&own, 0, sizeof own);
  if (!credit.value && t) { /* "atimes.com" alone on the last line */
    uint32_t ns, ne, us, ue;
    if (hs_pg_source_address(t, len, &ns, &ne, &us, &ue))
      put(&credit, a, t, ns, ne, 0.8); /* "Source: http://site.com/..." */
    else if (hs_pg_last_site(t, len, &ns, &ne) ||
             hs_pg_last_agency(a, t, len, &ns, &ne) || /* "REUTER" */
             hs_pg_wire_told(a, t, len, &ns, &ne) || /* "told Reuters" */
             (!body && hs_pg_last_article(t, len, &ns, &ne)))
      put(&credit, a, t, ns, ne, 0.8);
    else if (hs_pg_bio_outlet(a, t, len, &ns, &ne)) /* a writer's note */
      put(&credit, a, t, ns, ne, 0.6);
  }
  /* a paper's own link to the story at its foot (byline_credits.c) */
  if (!byl.value && !carrier.value && !mast.value && t && !body) {
    uint32_t ns, ne;
    if (hs_pg_foot_link(a, t, len, &ns, &ne)) put(&byl, a, t, ns, ne, 0.8);
  }
  src = carrier.value ? "carrier" : "masthead";
  /* the byline's paper before a masthead of the first lines (the
  ** masthead rule reads «الجزيرة - واس:» as a name and a slogan) */
  if (!carrier.value && byl.value) {
    carrier = byl, memset(&byl, 0, sizeof byl);
    src = "byline";
  }
  if (!carrier.value && mast.value) carrier = mast, memset(&mast, 0, sizeof mast);
  if (carrier.value) {
    *out = carrier;
    memset(&carrier, 0, sizeof carrier);
    /* the credited original: a credit line, else a dateline agency */
    {
      hs_meta_field *c = credit.value ? &credit : dl.value ? &dl : NULL;
      if (c && strcmp(c->value, out->value) &&
          !(rights.value && !strcmp(c->value, rights.value))) {
        *orig = *c;
        memset(c, 0, sizeof *c);
      }
    }
  } else {
    hs_meta_field *best = rights.value ? &rights : dl.value ? &dl
                          : credit.value ? &credit : addr.value ? &addr
                                                                : NULL;
    /* a dateline agency or "Source:" agrees with a copyright holder or
    ** gives the page's outlet */
    if (credit.value && !rights.value && !dl.value) best = &credit;
    src = best == &rights ? "copyright" : best == &dl ? "dateline"
          : best == &credit ? "credit" : "address";
    if (best) {
      *out = *best;
      memset(best, 0, sizeof *best);
    }
  }
  /* the site's name in the page's furniture (site_name.c) */
  src = hs_site_name(d, a, b, nb, out, out->value ? src : NULL);
  /* the site's address printed in the page, known or not (0.5) */
  if (!out->value && t && !body) { /* a message prints links, not its site */
    uint32_t ns, ne;
    if (hs_pg_bare_address(t, len, body, &ns, &ne)) {
      const char *canon;
      char *v;
      if (ci_at(t, ns, ne, "www.")) ns += 4;
      v = hs_strndup(t + ns, ne - ns);
      for (k = 0; v[k]; k++)
        if (v[k] >= 'A' && v[k] <= 'Z') v[k] = (char)(v[k] + 32);
      out->raw = hs_strndup(t + ns, ne - ns);
      if (known(a, t, ns, ne, &canon)) {
        out->value = hs_strdup(canon);
        free(v);
      } else {
        out->value = v;
      }
      out->start = ns;
      out->end = ne;
      out->confidence = 0.5;
      out->given = 0;
      src = "address";
    }
  }
  if (!out->value && d->url && *d->url) {
    const char *canon;
    uint32_t ns, ne, ul = (uint32_t)strlen(d->url);
    if (domain_name(a, d->url, 0, ul, &canon, &ns, &ne)) {
      out->value = hs_strdup(canon);
      out->raw = hs_strndup(d->url + ns, ne - ns);
      out->confidence = 0.55;
      out->given = 1; /* not a span of the text */
      src = "url";
    }
  }
  /* a folder of files, not the path-like id of a JSONL record
  ** ("bbc/business/041", "saudinewsnet/2015-07-22/00188"); a folder named
  ** by a date or a number is not an outlet */
  if (!out->value && d->id && d->line == 0) {
    const char *sl = strrchr(d->id, '/'), *p;
    if (sl && sl > d->id) {
      for (p = sl - 1; p > d->id && p[-1] != '/'; p--) {}
      if (sl - p > 0 && strcmp(p, "-") &&
          strspn(p, "0123456789-_.") < (size_t)(sl - p)) {
        const char *canon;
        out->value = known(a, d->id, (uint32_t)(p - d->id),
                           (uint32_t)(sl - d->id), &canon)
                         ? hs_strdup(canon)
                         : hs_strndup(p, (size_t)(sl - p));
        out->raw = hs_strdup(out->value);
        out->confidence = 0.3;
        out->given = 1;
        src = "folder";
      }
    }
  }
  {
    hs_meta_field *v[] = {&carrier, &mast, &rights, &dl, &credit, &addr,
                          &byl, &own};
    for (k = 0; k < sizeof v / sizeof v[0]; k++) {
      free(v[k]->value);
      free(v[k]->raw);
    }
  }
  return out->value ? src : NULL;
}

/* ---------------------------------------------------------------- URL date */

int hs_url_date(const char *url, int *y, int *m, int *dd) {
  size_t n, i;
  if (!url) return 0;
  n = strlen(url);
  for (i = 0; i + 8 <= n; i++) {
    const char *p = url + i;
    int a, b, c, nc = 0;
    if (i == 0 || (p[-1] != '/' && p[-1] != '-' && p[-1] != '_')) continue;
    if (!(p[0] == '1' || p[0] == '2') || p[1] < '0' || p[1] > '9') continue;
    /* the day ends there: "/2014/01/2014-earth-..." has no day */
    if ((sscanf(p, "%4d/%2d/%2d%n", &a, &b, &c, &nc) == 3 ||
         sscanf(p, "%4d-%2d-%2d%n", &a, &b, &c, &nc) == 3) &&
        !(p[nc] >= '0' && p[nc] <= '9')) {
      if (hs_date_valid(a, b, c) && a >= 1990) {
        *y = a, *m = b, *dd = c;
        return 1;
      }
    }
    if (i + 8 <= n) {
      int k, ok = 1;
      for (k = 0; k < 8; k++)
        if (p[k] < '0' || p[k] > '9') ok = 0;
      if (ok && (i + 8 == n || p[8] < '0' || p[8] > '9')) {
        a = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
            (p[3] - '0');
        b = (p[4] - '0') * 10 + (p[5] - '0');
        c = (p[6] - '0') * 10 + (p[7] - '0');
        if (hs_date_valid(a, b, c) && a >= 1990) {
          *y = a, *m = b, *dd = c;
          return 1;
        }
      }
    }
  }
  return 0;
}

/* ------------------------------------------------------------ public rule */

char *hs_doc_outlet(const hs_doc *d, const hs_aliases *a) {
  hs_meta_field out = {0}, orig = {0};
  hs_range *b = NULL;
  size_t nb = 0;
  if (!d) return NULL;
  if (hs_page_site(d, a, &out)) {
    free(out.raw);
    return out.value;
  }
  if (d->series && *d->series) return hs_strdup(d->series);
  if (d->text && hs_boiler_find(d->text, d->len, &b, &nb, NULL)) b = NULL;
  hs_page_outlet(d, a, b, nb, &out, &orig);
  free(b);
  free(out.raw);
  free(orig.value);
  free(orig.raw);
  return out.value;
}
