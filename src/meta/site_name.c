/*
** site_name.c — the site a scraped page belongs to, read from the page's
** own furniture, for pages whose copyright line names a company rather
** than the publication ("© 2019 Vox Media, LLC", "Copyright Hearst
** Communications") or that name no outlet the other rules know.
**
** A site prints its name all over its menus and footers in a few fixed
** forms: "Subscribe to X", "Advertise with X", "More from X", "Follow X
** on", "Special to the X", "X homepage", "X Newsletters", "X Store" (the
** per-language templates below, docs/sources.md).  Each such line gives a
** candidate name (its capitalised words next to the template; never a
** menu word: "Share", "Iklan"), and so does
** the page's first line when it is up to 4 capitalised words (a masthead);
** a
** candidate's support is the number of template lines that give it plus
** the number of short lines (at most 12 words) that contain it as words.
** Then:
**   - the best-supported candidate (2 or more) replaces a copyright holder
**     that is a company (a legal or group word: LLC, Inc, Ltd, Media,
**     Group, Holdings, Communications, Interactive, Publishing, Network,
**     Newspapers, Company ...) and that it does not contain, and becomes
**     the outlet of a page with none (outlet_source "site", 0.65);
**   - else a copyright holder is cleaned of a leading "Copyright", "(C)",
**     "ⓒ", a trailing year range and a trailing legal form ("ScienceAlert
**     Pty Ltd" is ScienceAlert, "The New York Times Company" is The New
**     York Times).
** Before these, a holder or masthead that is a media company of
** data/parents.tsv ("Future US", "Dow Jones & Company") gives the
** company's publication that the page's short lines name most ("Space",
** "WSJ"; a template line naming it counts 2 more: "VG247 newsletter!"
** over a sister site in the footer), or its only one (outlet source
** "parent"): a company's name is
** knowledge, kept in a table, and the page picks among its titles.
** Names go through the alias table.  Cost: one pass over the page's
** first 600 lines, and one scan of its short lines per candidate (at most
** 16).
*/
#include <stdlib.h>
#include <string.h>

#include "meta/article_start.h"
#include "meta/meta_int.h"
#include "meta/parents_data.h"
#include "meta/site_name.h"
#include "util/util.h"

#define MAX_LINES 600
#define MAX_CANDS 16

/* Templates with the name after them ("Subscribe to X"). */
static const char *const name_after[] = {
    "subscribe to ", "advertise on ", "advertise with ", "more from ",
    "more great ", "search ", "browse ", "welcome to ",
    "special to the ", "special to ", "watch ", "download the ",
    "the best of ", "copyright © ", "© ",
    /* pt, es, it, de, id */
    "assine ", "siga ", "suscríbete a ",
    "iscriviti a ", "abonnieren sie ", "tentang ", NULL};
/* Templates with the name before them, ending the line ("X homepage"). */
static const char *const name_before[] = {
    " homepage", " home", " main menu", " newsletters", " newsletter",
    " store", " app", " apps", " staff", " lists", " magazine",
    " push notifications", " online", " on facebook", " on twitter", NULL};
/* Words a template may hold that name no site ("Follow Us", "Watch
** TV"). */
static const char *const not_names[] = {
    "us", "me", "our", "the", "this", "all", "more", "news", "tv", "live",
    "home", "you", "now", "here", "page", "site", "app", "apps", "email",
    "facebook", "twitter", "instagram", "youtube", "linkedin", "nós",
    "kami", NULL};

/* Words of a company's name: a copyright holder with one is a company
** that may own several sites. */
static const char *const company_words[] = {
    "llc", "inc", "ltd", "limited", "plc", "gmbh", "corp", "corporation",
    "company", "co", "pvt", "pty", "media", "group", "holdings",
    "communications", "interactive", "publishing", "network", "networks",
    "newspapers", "enterprises", "business", "universal", "ooo", "ao",
    "s.a", "spa", "s.p.a", "organization", "private", NULL};
/* Legal forms cut from a holder's end. */
static const char *const legal_tails[] = {
    ", llc", " llc", ", inc", " inc", " ltd", " pty", " pvt", " limited",
    " plc", " gmbh", " corp", " corporation", " company", " co", " private",
    NULL};

static int is_sp(unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; }

static int word_start(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

typedef struct cand {
  uint32_t s, e; /* the name's bytes in the text */
  int votes;
} cand;

/* The capitalised words from s forward (at most 4): their end. */
static uint32_t name_fwd(const char *t, uint32_t s, uint32_t e) {
  uint32_t q = s, end = s;
  int w = 0;
  while (q < e && w < 4) {
    uint32_t we = q;
    if (!word_start((unsigned char)t[q])) break;
    while (we < e && !is_sp((unsigned char)t[we]) && t[we] != ',' &&
           t[we] != ':' && t[we] != '|' && t[we] != '(')
      we++;
    end = we;
    w++;
    if (we >= e || t[we] != ' ') break;
    q = we + 1;
  }
  while (end > s && (t[end - 1] == '.' || t[end - 1] == '!')) end--;
  return end;
}

static void add_one(cand *c, size_t *nc, const char *t, uint32_t s,
                    uint32_t e);

/* A candidate and its opening words ("CBS Sports Network" gives "CBS
** Sports" too: the site's name before a product's word). */
static void add_cand(cand *c, size_t *nc, const char *t, uint32_t s,
                     uint32_t e) {
  uint32_t p, sp = 0;
  add_one(c, nc, t, s, e);
  for (p = s; p < e; p++)
    if (t[p] == ' ') {
      if (sp) break;
      sp = p;
    }
  /* three words or more: the first two (p < e: a second space) */
  if (sp && p < e) add_one(c, nc, t, s, p);
}

static void add_one(cand *c, size_t *nc, const char *t, uint32_t s,
                    uint32_t e) {
  size_t k;
  if (e <= s || e - s < 2 || e - s > 60) return;
  for (k = 0; not_names[k]; k++)
    if (e - s == strlen(not_names[k]) && hs_meta_starts_ci(t, s, e, not_names[k])) return;
  if (hs_page_menu_line(t, s, e)) return; /* "Share", "Iklan" */
  for (k = 0; k < *nc; k++)
    if (c[k].e - c[k].s == e - s && !memcmp(t + c[k].s, t + s, e - s)) {
      c[k].votes++;
      return;
    }
  if (*nc == MAX_CANDS) return;
  c[*nc].s = s;
  c[*nc].e = e;
  c[*nc].votes = 1;
  (*nc)++;
}

/* Lines containing the name as whole words (case as written). */
static int mentions(const char *t, const uint32_t *ls, const uint32_t *le,
                    size_t n, const char *name, size_t len) {
  size_t i;
  int m = 0;
  for (i = 0; i < n; i++) {
    uint32_t p;
    if (le[i] - ls[i] < len) continue;
    for (p = ls[i]; p + len <= le[i]; p++)
      if (t[p] == name[0] && !memcmp(t + p, name, len) &&
          (p == ls[i] || !((unsigned char)t[p - 1] >= 'A' &&
                           (unsigned char)t[p - 1] <= 'z')) &&
          (p + len == le[i] || !((unsigned char)t[p + len] >= 'a' &&
                                 (unsigned char)t[p + len] <= 'z'))) {
        m++;
        break;
      }
  }
  return m;
}

static int has_company_word(const char *v) {
  size_t k, n = strlen(v);
  uint32_t p = 0;
  while (p < n) {
    uint32_t q = p;
    while (q < n && v[q] != ' ' && v[q] != ',') q++;
    for (k = 0; company_words[k]; k++) {
      size_t m = strlen(company_words[k]);
      uint32_t qe = q;
      if (qe > p && v[qe - 1] == '.') qe--;
      if (qe - p == m && hs_meta_starts_ci(v, p, qe, company_words[k])) return 1;
    }
    p = q + 1;
  }
  return 0;
}

/* The holder cleaned: "Copyright ", "(C) ", "ⓒ", years, legal forms. */
static char *clean_holder(const char *v) {
  uint32_t s = 0, e = (uint32_t)strlen(v), p;
  int again = 1;
  /* "Inexhibit 2019 - ISSN: 2283-5474": the name before a separator */
  for (p = 1; p + 2 < e; p++)
    if (v[p] == ' ' && (v[p + 1] == '-' || v[p + 1] == '|') && v[p + 2] == ' ') {
      e = p;
      break;
    }
  while (again) {
    size_t k;
    again = 0;
    while (s < e && (is_sp((unsigned char)v[s]) || v[s] == ',')) s++;
    if (hs_meta_starts_ci(v, s, e, "copyright ")) s += 10, again = 1;
    else if (hs_meta_starts_ci(v, s, e, "(c)") || hs_meta_starts_ci(v, s, e, "(с)")) {
      s += v[s + 1] == 'c' || v[s + 1] == 'C' ? 3 : 4;
      again = 1;
    } else if (hs_meta_starts_ci(v, s, e, "ⓒ") || hs_meta_starts_ci(v, s, e, "©")) {
      s += (uint32_t)(hs_meta_starts_ci(v, s, e, "ⓒ") ? strlen("ⓒ") : strlen("©"));
      again = 1;
    }
    while (e > s && (is_sp((unsigned char)v[e - 1]) || v[e - 1] == ',' ||
                     v[e - 1] == '.' || v[e - 1] == '-' || v[e - 1] == '&' ||
                     (v[e - 1] >= '0' && v[e - 1] <= '9')))
      e--, again = again || (v[e] >= '0' && v[e] <= '9');
    for (k = 0; legal_tails[k]; k++) {
      size_t m = strlen(legal_tails[k]);
      if (e - s > m + 2 && hs_meta_starts_ci(v, e - (uint32_t)m, e, legal_tails[k])) {
        e -= (uint32_t)m;
        again = 1;
        break;
      }
    }
  }
  return e > s ? hs_strndup(v + s, e - s) : NULL;
}

static void set_name(hs_meta_field *out, const hs_aliases *a, const char *t,
                     uint32_t s, uint32_t e, double conf) {
  const char *canon = NULL;
  int ty;
  free(out->value);
  free(out->raw);
  out->raw = hs_strndup(t + s, e - s);
  out->value = a && hs_aliases_lookup(a, t + s, e - s, &canon, &ty) && canon
                   ? hs_strdup(canon)
                   : hs_strndup(t + s, e - s);
  out->start = s;
  out->end = e;
  out->confidence = conf;
  out->given = 0;
}

/* name[0,n) equals p[0,m) or opens with it before a space, comma or "&"
** (ASCII case folded). */
static int company_is(const char *name, size_t n, const char *p, size_t m) {
  size_t j;
  if (m == 0 || n < m) return 0;
  for (j = 0; j < m; j++) {
    unsigned char a = (unsigned char)name[j], b = (unsigned char)p[j];
    if (a >= 'A' && a <= 'Z') a = (unsigned char)(a + 32);
    if (b >= 'A' && b <= 'Z') b = (unsigned char)(b + 32);
    if (a != b) return 0;
  }
  return n == m || name[m] == ' ' || name[m] == ',' || name[m] == '&';
}

/* The publication of data/parents.tsv that a page owned by the company
** `name` is: the company's publication the page's short lines name most
** (any of its spellings, as whole words), or its only one.  Returns a new
** string (the publication's first spelling) or NULL. */
static char *parent_outlet(const char *name, const char *t,
                           const uint32_t *ls, const uint32_t *le, size_t n,
                           const cand *c, size_t nc) {
  const char *tab = (const char *)hs_parents_tsv;
  size_t len = hs_parents_tsv_len, i = 0, nl = name ? strlen(name) : 0;
  while (nl && i < len) {
    size_t s = i, e = i, cc, q;
    int hit = 0;
    while (e < len && tab[e] != '\n') e++;
    i = e + 1;
    if (tab[s] == '#' || e == s) continue;
    for (cc = s; cc < e && tab[cc] != '\t'; cc++) {}
    for (q = s; q < cc && !hit;) { /* the company's spellings */
      size_t qe = q;
      while (qe < cc && tab[qe] != ';') qe++;
      hit = company_is(name, nl, tab + q, qe - q);
      q = qe + 1;
    }
    if (!hit) continue;
    {
      size_t bs = 0, be = 0, cols = 0;
      int bv = 0;
      for (q = cc + 1; q < e;) { /* the publications */
        size_t ce = q, p, fe, k;
        int v = 0;
        while (ce < e && tab[ce] != '\t') ce++;
        for (fe = q; fe < ce && tab[fe] != ';'; fe++) {}
        for (p = q; p < ce;) {
          size_t pe = p;
          while (pe < ce && tab[pe] != ';') pe++;
          if (pe > p) v += mentions(t, ls, le, n, tab + p, pe - p);
          /* named by a site template ("VG247 newsletter"): the page's own
          ** title, not a sister site in the network's footer */
          for (k = 0; k < nc && pe > p; k++)
            if (c[k].e - c[k].s == pe - p &&
                !memcmp(t + c[k].s, tab + p, pe - p))
              v += 2 * c[k].votes;
          p = pe + 1;
        }
        if (cols++ == 0) bs = q, be = fe;
        if (v > bv) bv = v, bs = q, be = fe;
        q = ce + 1;
      }
      if (bv > 0 || cols == 1) return hs_strndup(tab + bs, be - bs);
      return NULL;
    }
  }
  return NULL;
}

const char *hs_site_name(const hs_doc *d, const hs_aliases *a,
                         const hs_range *b, size_t nb, hs_meta_field *out,
                         const char *src) {
  const char *t = d->text;
  uint32_t len = d->len > UINT32_MAX ? UINT32_MAX : (uint32_t)d->len;
  uint32_t *ls, *le, i = 0;
  size_t n = 0, nc = 0, k, best = MAX_CANDS;
  cand c[MAX_CANDS];
  int bv = 0;
  (void)b; /* furniture is where the name is: boilerplate lines count */
  (void)nb;
  if (!t || !len) return src;
  if (src && strcmp(src, "copyright") && strcmp(src, "address") &&
      strcmp(src, "masthead"))
    return src;
  ls = hs_calloc(MAX_LINES, sizeof *ls);
  le = hs_calloc(MAX_LINES, sizeof *le);
  while (i < len && n < MAX_LINES) {
    uint32_t s = i, e, w = 0, q;
    const char *nl = memchr(t + i, '\n', len - i);
    e = nl ? (uint32_t)(nl - t) : len;
    i = e + 1;
    while (s < e && is_sp((unsigned char)t[s])) s++;
    while (e > s && is_sp((unsigned char)t[e - 1])) e--;
    if (s == e || e - s > 160) continue;

    for (q = s; q < e; q++) w += is_sp((unsigned char)t[q]) && q + 1 < e &&
                                 !is_sp((unsigned char)t[q + 1]);
    if (w >= 12) continue;
    ls[n] = s;
    le[n] = e;
    n++;
    /* the page's first line, a masthead ("Sportsnet", "Valley Post") */
    if (n == 1 && w < 4 && word_start((unsigned char)t[s]) &&
        name_fwd(t, s, e) == e) {
      add_cand(c, &nc, t, s, e);
      continue;
    }
    for (k = 0; name_after[k]; k++)
      if (hs_meta_starts_ci(t, s, e, name_after[k])) {
        uint32_t ns = s + (uint32_t)strlen(name_after[k]);
        if (ns < e && t[ns] >= '0' && t[ns] <= '9') break; /* "© 2019" */
        add_cand(c, &nc, t, ns, name_fwd(t, ns, e));
        break;
      }
    for (k = 0; name_before[k]; k++) {
      size_t m = strlen(name_before[k]);
      uint32_t ee = e > s && (t[e - 1] == ':' || t[e - 1] == '!') ? e - 1 : e;
      if (ee - s > m + 1 && hs_meta_starts_ci(t, ee - (uint32_t)m, ee, name_before[k]) &&
          name_fwd(t, s, ee - (uint32_t)m) == ee - m) {
        add_cand(c, &nc, t, s, ee - (uint32_t)m);
        break;
      }
    }
  }
  /* a company of data/parents.tsv: its publication the page names */
  if (out->value) {
    char *h = clean_holder(out->value),
         *po = parent_outlet(h, t, ls, le, n, c, nc);
    if (!po) po = parent_outlet(out->value, t, ls, le, n, c, nc);
    if (!po && out->raw) po = parent_outlet(out->raw, t, ls, le, n, c, nc);
    free(h);
    if (po) {
      const char *canon = NULL;
      int ty;
      free(out->value);
      out->value = a && hs_aliases_lookup(a, po, strlen(po), &canon, &ty) &&
                           canon
                       ? hs_strdup(canon)
                       : hs_strdup(po);
      out->confidence = 0.65;
      free(po);
      free(ls);
      free(le);
      return "parent";
    }
  }
  if (src && !strcmp(src, "masthead")) {
    free(ls);
    free(le);
    return src;
  }
  for (k = 0; k < nc; k++) {
    int v = c[k].votes +
            mentions(t, ls, le, n, t + c[k].s, c[k].e - c[k].s);
    /* on a tie the shorter name ("CBS Sports" over "CBS Sports HQ") */
    if (v > bv || (v == bv && best < MAX_CANDS &&
                   c[k].e - c[k].s < c[best].e - c[best].s))
      bv = v, best = k;
  }
  if (out->value && src && !strcmp(src, "copyright")) {
    char *h = clean_holder(out->value);
    if (best < MAX_CANDS && bv >= 3 &&
        has_company_word(out->raw ? out->raw : out->value)) {
      set_name(out, a, t, c[best].s, c[best].e, 0.65);
      src = "site";
    } else if (h && strcmp(h, out->value)) {
      const char *canon = NULL;
      int ty;
      char *v = a && hs_aliases_lookup(a, h, strlen(h), &canon, &ty) && canon
                    ? hs_strdup(canon)
                    : hs_strdup(h);
      free(out->value);
      out->value = v;
    }
    free(h);
  } else if (!out->value && best < MAX_CANDS && bv >= 3) {
    set_name(out, a, t, c[best].s, c[best].e, 0.65);
    src = "site";
  }
  free(ls);
  free(le);
  return src;
}
