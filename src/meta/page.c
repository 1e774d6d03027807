/*
** page.c — what a scraped page says about itself: its outlet (and the
** original an aggregator credits), its headline and the date in its URL.
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
**   with X a known outlet or the copyright holder (0.8);
**   a copyright line "© 2017 X. All rights reserved", «جميع الحقوق محفوظة
**   لـX», «کلیه حقوق ... متعلق به X است» (0.75);
**   a dateline prefix "SHAFAQNA- ", "Moscow, FNA- ", "الرياض - واس:",
**   "ورزش سه - ", "WASHINGTON (Reuters) -", "Damascus, SANA" (0.7);
**   a "Source: X" line, also after a byline "By A, Source: X" (0.8 when the
**   page names no carrier, else X is the credited original);
**   a credit line "Originally published by X", «نقلا عن X», «بازنشر از X»;
**   a site address "www.irna.ir" (0.6) and the URL's domain (0.55), read
**   through the alias table;
**   the folder holding the document when it was read from a folder of
**   files, not a JSONL record, and the folder's name is not a date (0.3).
** When a carrier (aggregator line or masthead) is found and a credited
** outlet differs from it, the credited one is the `original`.
*/
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "meta/meta_int.h"
#include "meta/site_name.h"
#include "util/util.h"

typedef struct pline {
  uint32_t s, e;   /* trimmed */
  int boiler;
} pline;

static int ci_at(const char *t, uint32_t s, uint32_t e, const char *p) {
  size_t n = strlen(p), j;
  if (e - s < n) return 0;
  for (j = 0; j < n; j++) {
    unsigned char a = (unsigned char)t[s + j];
    if (a >= 'A' && a <= 'Z') a = (unsigned char)(a + 32);
    if (a != (unsigned char)p[j]) return 0;
  }
  return 1;
}

static int ci_find(const char *t, uint32_t s, uint32_t e, const char *p,
                   uint32_t *at) {
  uint32_t i;
  for (i = s; i < e; i++)
    if (ci_at(t, i, e, p)) {
      if (at) *at = i;
      return 1;
    }
  return 0;
}

static int is_sp(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static void trim(const char *t, uint32_t *s, uint32_t *e) {
  while (*s < *e && (is_sp(t[*s]) || t[*s] == ':' || t[*s] == '-' ||
                     t[*s] == '|'))
    (*s)++;
  while (*e > *s && (is_sp(t[*e - 1]) || t[*e - 1] == '.' ||
                     t[*e - 1] == ',' || t[*e - 1] == ':' ||
                     t[*e - 1] == '-' || t[*e - 1] == '|'))
    (*e)--;
}

static size_t words(const char *t, uint32_t s, uint32_t e) {
  size_t n = 0;
  int in = 0;
  for (; s < e; s++) {
    int sp = is_sp(t[s]);
    if (!sp && !in) n++;
    in = !sp;
  }
  return n;
}

static size_t count_char(const char *t, uint32_t s, uint32_t e, char c) {
  size_t n = 0;
  for (; s < e; s++) n += t[s] == c;
  return n;
}

static int in_ranges(const hs_range *r, size_t n, uint32_t s, uint32_t e) {
  size_t i;
  for (i = 0; i < n; i++)
    if (s < r[i].end && e > r[i].start) return 1;
  return 0;
}

/* The first 12 non-blank lines. */
static size_t page_lines(const char *t, uint32_t len, const hs_range *b,
                         size_t nb, pline *out, size_t max) {
  uint32_t i = 0, e;
  size_t n = 0;
  while (i < len && n < max) {
    uint32_t s = i;
    for (e = i; e < len && t[e] != '\n'; e++) {}
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

/* ---------------------------------------------------------------- tables */

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
/* Carrier lines: the site that carries a republished page. */
static const char *const carrier_cues[] = {
    "aggregated by ", "republished by ", "curated by ", "via ",
    "أعادت نشره ", NULL};
/* Credit lines: the original a page credits. */
static const char *const credit_cues[] = {
    "originally published by ", "originally published in ",
    "originally appeared in ", "originally appeared on ", "first published by ",
    "نقلا عن ", "نقلاً عن ", "المصدر: ", "المصدر : ", "بازنشر از ",
    "منبع: ", "منبع : ", "source: ", "source : ", NULL};
/* Copyright forms: the holder follows. */
static const char *const rights_cues[] = {
    "جميع الحقوق محفوظة ل", "جميع الحقوق محفوظة لـ", "كل الحقوق محفوظة ل",
    "حقوق النشر محفوظة ل", NULL};

/* ----------------------------------------------------------------- names */

/* A known outlet or agency for text[s,e), exactly (not inside). */
static int known_exact(const hs_aliases *a, const char *t, uint32_t s,
                       uint32_t e, const char **canon) {
  int ty;
  if (!a || e <= s) return 0;
  if (!hs_aliases_lookup(a, t + s, e - s, canon, &ty)) return 0;
  return ty == HS_SRC_AGENCY || ty == HS_SRC_OUTLET;
}

/* Words a site adds to its name: «صحيفة سبق الإلكترونية», «الجزيرة نت». */
static const char *const name_tails[] = {" الإلكترونية", " الالكترونية", " نت",
                                         " أونلاين", " آنلاین", " Online",
                                         NULL};

/* A known outlet or agency, also with a trailing year ("... لصحيفة سبق
** 2016"), a " + وكالات" / " + agencies" tail, or a site word of
** name_tails after the name. */
static int known(const hs_aliases *a, const char *t, uint32_t s, uint32_t e,
                 const char **canon) {
  uint32_t e2 = e, p;
  size_t k;
  if (known_exact(a, t, s, e, canon)) return 1;
  if (e - s > 6 && ci_find(t, s, e, " + ", &p) && known_exact(a, t, s, p, canon))
    return 1;
  while (e2 > s && t[e2 - 1] >= '0' && t[e2 - 1] <= '9') e2--;
  if (e2 < e && e - e2 == 4) {
    while (e2 > s && (t[e2 - 1] == ' ' || t[e2 - 1] == ',')) e2--;
    if (known_exact(a, t, s, e2, canon)) return 1;
  }
  for (k = 0; name_tails[k]; k++) {
    size_t n = strlen(name_tails[k]);
    if (e - s > n + 2 && !memcmp(t + e - n, name_tails[k], n) &&
        known_exact(a, t, s, (uint32_t)(e - n), canon))
      return 1;
  }
  return 0;
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

/* The name of a copyright line: after "©"/"copyright"/"(c)" and the year,
** up to a full stop, comma or "All rights"; or after an Arabic rights
** form; or «... متعلق به X است». */
static int rights_holder(const char *t, uint32_t s, uint32_t e, uint32_t *ns,
                         uint32_t *ne) {
  static const char *const marks[] = {"©", "copyright", "(c)", NULL};
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
  for (k = 0; marks[k]; k++) {
    if (!ci_find(t, s, e, marks[k], &at)) continue;
    q = at + (uint32_t)strlen(marks[k]);
    for (;;) {
      while (q < e && (is_sp(t[q]) || (t[q] >= '0' && t[q] <= '9') ||
                       t[q] == '-' || t[q] == ','))
        q++;
      if (ci_at(t, q, e, "©")) q += 2;
      else break;
    }
    {
      uint32_t qe = q;
      while (qe < e && t[qe] != '.' && t[qe] != ',' && t[qe] != '|' &&
             !ci_at(t, qe, e, " all rights") && !ci_at(t, qe, e, " جميع"))
        qe++;
      *ns = q;
      *ne = qe;
      return qe > q;
    }
  }
  return 0;
}

/* A dateline: "NAME- ", "CITY, NAME - ", "CITY (NAME) -", "CITY - NAME:"
** at the start of a line, or a whole short line "CITY - NAME", "CITY,
** NAME".  Fills the name's bytes. */
static int dateline(const hs_aliases *a, const char *t, uint32_t s,
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
    /* whole short line "CITY - NAME" / "CITY, NAME" */
    if (words(t, s, e) > 5) return 0;
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
    if (known(a, t, ls, le, NULL)) return 1;
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

/* ---------------------------------------------------------------- outlet */

const char *hs_page_outlet(const hs_doc *d, const hs_aliases *a,
                           const hs_range *b, size_t nb, hs_meta_field *out,
                           hs_meta_field *orig) {
  const char *src = NULL;
  const char *t = d->text;
  pline ln[16];
  size_t n, i, k;
  uint32_t len = d->len > UINT32_MAX ? UINT32_MAX : (uint32_t)d->len;
  hs_meta_field carrier = {0}, mast = {0}, rights = {0}, dl = {0},
                credit = {0}, addr = {0};
  if (d->series && *d->series) return NULL;  /* given: the caller's */
  n = t ? page_lines(t, len, b, nb, ln, 16) : 0;
  /* copyright anywhere (last one wins: footers are at the end) */
  if (t) {
    uint32_t i0 = 0, e;
    while (i0 < len) {
      uint32_t s = i0, ns, ne;
      for (e = i0; e < len && t[e] != '\n'; e++) {}
      i0 = e + 1;
      if (e - s > 300) continue;
      if ((ci_find(t, s, e, "©", NULL) || ci_at(t, s, e, "copyright") ||
           ci_find(t, s, e, "all rights reserved", NULL) ||
           ci_find(t, s, e, "الحقوق محفوظة", NULL) ||
           ci_find(t, s, e, "حقوق این", NULL) ||
           ci_find(t, s, e, "(c) ", NULL)) &&
          rights_holder(t, s, e, &ns, &ne))
        put(&rights, a, t, ns, ne, 0.75);
      else if (!addr.value && e - s < 120) {
        const char *canon;
        if (domain_name(a, t, s, e, &canon, &ns, &ne)) {
          put(&addr, a, t, ns, ne, 0.6);
        }
      }
    }
  }
  for (i = 0; i < n; i++) {
    uint32_t s = ln[i].s, e = ln[i].e, ns, ne;
    for (k = 0; carrier_cues[k]; k++)
      if (ci_at(t, s, e, carrier_cues[k]) && !carrier.value)
        put(&carrier, a, t, s + (uint32_t)strlen(carrier_cues[k]), e, 0.85);
    for (k = 0; credit_cues[k]; k++)
      if (ci_at(t, s, e, credit_cues[k]) && !credit.value)
        put(&credit, a, t, s + (uint32_t)strlen(credit_cues[k]), e, 0.8);
    /* "By A, Source: X" */
    if (!credit.value && ci_at(t, s, e, "by ") &&
        ci_find(t, s, e, ", source:", &ns))
      put(&credit, a, t, ns + 9, e, 0.8);
    if (i < 4 && !mast.value && !ln[i].boiler) {
      uint32_t me = e, p;
      const char *canon;
      if (ci_find(t, s, e, " | ", &p)) me = p;
      else if (ci_find(t, s, e, " - ", &p) && words(t, s, p) <= 4) me = p;
      if (known(a, t, s, me, &canon) ||
          (rights.value && me - s == strlen(rights.raw) &&
           !memcmp(t + s, rights.raw, me - s) && me < e) ||
          (rights.value && me == e && e - s == strlen(rights.raw) &&
           !memcmp(t + s, rights.raw, e - s)))
        put(&mast, a, t, s, me, 0.8);
    }
    if (i < 8 && !dl.value && !ln[i].boiler &&
        dateline(a, t, s, e, &ns, &ne))
      put(&dl, a, t, ns, ne, 0.7);
  }
  src = carrier.value ? "carrier" : "masthead";
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
    hs_meta_field *v[] = {&carrier, &mast, &rights, &dl, &credit, &addr};
    for (k = 0; k < sizeof v / sizeof v[0]; k++) {
      free(v[k]->value);
      free(v[k]->raw);
    }
  }
  return out->value ? src : NULL;
}

/* -------------------------------------------------------------- headline */

/* 1 if the line holds a date expression. */
static int has_date(const char *t, uint32_t s, uint32_t e) {
  hs_date v;
  return hs_date_scan(t + s, e - s, &v, 1) == 1;
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
  for (k = 0; carrier_cues[k]; k++)
    if (ci_at(t, s, e, carrier_cues[k])) return 1;
  for (k = 0; credit_cues[k]; k++)
    if (ci_at(t, s, e, credit_cues[k])) return 1;
  return 0;
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
    if (w > 25 || e - s > 200) return;           /* the body has begun */
    if (t[e - 1] == '.' && w > 6) return;
    if (w < 2 || label_line(t, s, e) || count_char(t, s, e, '|') >= 2 ||
        (has_date(t, s, e) && w <= 12) ||
        (ci_find(t, s, e, "  ", NULL) && w <= 6) ||
        dateline(a, t, s, e, &ns, &ne) ||
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
    if (t[e - 1] == '.') return;
    {
      char *v = hs_strndup(t + s, e - s);
      free(out->value);
      free(out->raw);
      out->value = v;
      out->raw = hs_strdup(v);
      out->start = s;
      out->end = e;
      out->confidence = skipped ? 0.55 : 0.6;
      out->given = 0;
    }
    return;
  }
}

/* ---------------------------------------------------------------- URL date */

int hs_url_date(const char *url, int *y, int *m, int *dd) {
  size_t n, i;
  if (!url) return 0;
  n = strlen(url);
  for (i = 0; i + 8 <= n; i++) {
    const char *p = url + i;
    int a, b, c;
    if (i == 0 || (p[-1] != '/' && p[-1] != '-' && p[-1] != '_')) continue;
    if (!(p[0] == '1' || p[0] == '2') || p[1] < '0' || p[1] > '9') continue;
    if (sscanf(p, "%4d/%2d/%2d", &a, &b, &c) == 3 ||
        sscanf(p, "%4d-%2d-%2d", &a, &b, &c) == 3) {
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
  if (d->series && *d->series) return hs_strdup(d->series);
  if (d->text && hs_boiler_find(d->text, d->len, &b, &nb, NULL)) b = NULL;
  hs_page_outlet(d, a, b, nb, &out, &orig);
  free(b);
  free(out.raw);
  free(orig.value);
  free(orig.raw);
  return out.value;
}
