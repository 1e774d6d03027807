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
** menu word: "Share", "Iklan"), and so do the page's first name line (the
** first of its first 3 lines that is up to 4 capitalised words, a
** masthead; never a line in a script without capitals, Arabic or
** Persian, where a short first line is as often a writer's name) and a
** line "X is part of ..." / "X® ..." / "X is a registered trademark"; a
** candidate's support is the number of template lines that give it plus
** the number of short lines (at most 12 words) that contain it as words,
** plus 2 when the page prints it as a site address ("morebikes.co.uk");
** on a tie the longer name.  A brand that opens 3
** distinct short lines ("WSJ Pro", "DH Views") is a candidate of the
** last resort.  Then, for a copyright holder that is a company (a legal
** or group word: LLC, Inc, Ltd, Media, Group, Holdings, Communications,
** Interactive, Publishing, Network, Newspapers, Company ..., or a legal
** form after it, "Ziff Davis, LLC"), in order:
**   - the X of "X is part of HOLDER" (a holder with no company word too);
**   - the best-supported candidate (3 or more);
**   - the holder without its company words where the page prints it
**     alone ("India Post" of "India Post Media");
**   - the brand;
**   - nothing, when the holder keeps a company word, is no known outlet
**     and is printed only in copyright lines (a publisher, not the page's
**     title: the address rules of page.c may still name the site);
**   - else the holder cleaned of a leading "Copyright", "(C)", "ⓒ", a
**     trailing year range and a trailing legal form ("ScienceAlert Pty
**     Ltd" is ScienceAlert, "The New York Times Company" is The New York
**     Times).
** A page with no outlet takes the best candidate (3 or more) or the
** brand (outlet_source "site", 0.65), else the name of 2 words or more
** of its first "Subscribe to X" line, even printed once (0.6; not "My
** Website", "Our ...", "Your ...", "This ...").
** Before these, a holder or masthead that is a media company of
** data/parents.tsv ("Future US", "Dow Jones & Company") gives the
** company's publication that the page's short lines name most ("Space",
** "WSJ"; a template line naming it counts 2 more: "VG247 newsletter!"
** over a sister site in the footer; twice at least, as one line of the
** network's list of sites names a sister title), or its only one (outlet source
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
/* Lines that name the site as a company's title or trademark, the name
** before them ("Live Science is part of Future US Inc", "IGN® is among
** the registered trademarks of ...", "\"Daily Express\" is a
** registered trademark"). */
static const char *const owned_cues[] = {
    " is part of ", "®", " is a registered trademark", " is a trademark",
    " é uma marca", NULL};
enum { N_OWNED = sizeof owned_cues / sizeof owned_cues[0] - 1 };

/* Where each owned cue first opens in t[s, e) (e where nowhere).  The
** cues that open with a space are tried together at each space of the
** line, one memchr a space for all of them, not one a cue. */
static void owned_at(const char *t, uint32_t s, uint32_t e, uint32_t *at) {
  size_t k, left = 0;
  uint32_t p;
  for (k = 0; k < N_OWNED; k++) {
    at[k] = e;
    if (owned_cues[k][0] == ' ' && ++left) continue;
    for (p = s; p < e; p++) { /* memchr: no traced compare a byte */
      const char *f = memchr(t + p, owned_cues[k][0], e - p);
      p = f ? (uint32_t)(f - t) : e;
      if (p == e || hs_meta_starts_ci(t, p, e, owned_cues[k])) break;
    }
    at[k] = p;
  }
  for (p = s; left && p < e; p++) {
    const char *f = memchr(t + p, ' ', e - p);
    if (!f) break;
    for (p = (uint32_t)(f - t), k = 0; k < N_OWNED; k++)
      if (owned_cues[k][0] == ' ' && at[k] == e &&
          hs_meta_starts_ci(t, p, e, owned_cues[k]))
        at[k] = p, left--;
  }
}

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

static int host_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-';
}

/* A name's first byte: a capital, a digit or a letter beyond ASCII (not
** U+0080..U+00BF, whose lead byte 0xC2 starts a no-break space, "©" or
** "«": a line of one no-break space is no name). */
static int word_start(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0xC3;
}

/* A letter of a script without capitals (Arabic, Persian, Hebrew: the
** lead bytes of U+05C0..U+06FF): a short first line in it may as well be
** a headline, a columnist's name or a byline ("تونس: كمال بن يونس") as a
** masthead, so it is no name by its shape; a known masthead is page.c's. */
static int caseless_script(unsigned char c) { return c >= 0xD7 && c <= 0xDB; }

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

/* A brand's word [s, e): a letter, then letters and digits ("WSJ",
** "VG247"); not a quoted reply's prefix ("MF>") nor a quoted-printable
** tag left in a message ("=3CTD"). */
static int brand_word(const char *t, uint32_t s, uint32_t e) {
  unsigned char c = (unsigned char)t[s];
  if (!(c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))) return 0;
  for (; s < e; s++) {
    c = (unsigned char)t[s];
    if (!(c >= 0x80 || (c >= '0' && c <= '9') ||
          ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
      return 0;
  }
  return 1;
}

/* A brand opening short lines: the hashes of its distinct lines. */
typedef struct brand {
  uint32_t s, e;
  int nh;
  uint64_t h[8];
} brand;

static void add_one(cand *c, size_t *nc, const char *t, uint32_t s,
                    uint32_t e);

/* The capitalised words (at most 4) that end at e, back to the line's
** start s, a sentence's end (". ") or a quotation mark: their start, or
** e when there are none. */
static uint32_t name_back(const char *t, uint32_t s, uint32_t e) {
  uint32_t q = e, start = e;
  int w = 0;
  while (q > s && (t[q - 1] == '"' || is_sp((unsigned char)t[q - 1]))) q--;
  e = q;
  while (q > s && w < 4) {
    uint32_t ws = q;
    while (ws > s && !is_sp((unsigned char)t[ws - 1]) && t[ws - 1] != '"')
      ws--;
    if (!word_start((unsigned char)t[ws]) ||
        (q > ws && t[q - 1] == '.' && q < e))
      break;
    start = ws;
    w++;
    if (ws == s || t[ws - 1] == '"') break;
    q = ws - 1;
    if (q > s && t[q - 1] == '.') break; /* "LLC. IGN®" */
  }
  return start;
}

/* ASCII capitals of t[s,e). */
static int caps(const char *t, uint32_t s, uint32_t e) {
  int n = 0;
  for (; s < e; s++) n += t[s] >= 'A' && t[s] <= 'Z';
  return n;
}

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

/* A company word in V; "Business" opening a longer name is a title's
** ("Business Insider Deutschland", "Business Standard"). */
static int has_company_word(const char *v) {
  size_t k, n = strlen(v);
  uint32_t p = 0;
  while (p < n) {
    uint32_t q = p;
    while (q < n && v[q] != ' ' && v[q] != ',') q++;
    if (p == 0 && q < n && q == 8 && hs_meta_starts_ci(v, 0, q, "business")) {
      p = q + 1;
      continue;
    }
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

/* The first ch in tab[i, e), or e.  The table is read whole at every call
** of parent_outlet: memchr, not a byte loop (each byte compare of a loop is
** traced in the fuzz build). */
static size_t tab_find(const char *tab, size_t i, size_t e, char ch) {
  const char *p = i < e ? memchr(tab + i, ch, e - i) : NULL;
  return p ? (size_t)(p - tab) : (i < e ? e : i);
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
    e = tab_find(tab, e, len, '\n');
    i = e + 1;
    if (tab[s] == '#' || e == s) continue;
    cc = tab_find(tab, s, e, '\t');
    for (q = s; q < cc && !hit;) { /* the company's spellings */
      size_t qe = tab_find(tab, q, cc, ';');
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
      if (bv > 1 || cols == 1) return hs_strndup(tab + bs, be - bs);
      return NULL;
    }
  }
  return NULL;
}

/* t[s,e) holds the string v (as written). */
static int contains(const char *t, uint32_t s, uint32_t e, const char *v) {
  size_t m = strlen(v);
  uint32_t p;
  for (p = s; m && p + m <= e; p++)
    if (t[p] == v[0] && !memcmp(t + p, v, m)) return 1;
  return 0;
}

/* A legal form right after the holder's end ("Ziff Davis, LLC"). */
static int legal_after(const char *t, uint32_t p, uint32_t len) {
  static const char *const forms[] = {"llc", "inc", "ltd", "gmbh", "plc",
                                      "corp", "pty", "pvt", "s.a", NULL};
  size_t k;
  uint32_t e = p + 12 < len ? p + 12 : len;
  if (p == 0 || p >= len) return 0;
  while (p < e && (t[p] == ',' || is_sp((unsigned char)t[p]))) p++;
  for (k = 0; forms[k]; k++) {
    size_t m = strlen(forms[k]);
    if (p + m <= e && hs_meta_starts_ci(t, p, e, forms[k]) &&
        (p + m == e || !host_byte((unsigned char)t[p + m])))
      return 1;
  }
  return 0;
}

static int not_name(const char *t, uint32_t s, uint32_t e) {
  size_t k;
  for (k = 0; not_names[k]; k++)
    if (e - s == strlen(not_names[k]) && hs_meta_starts_ci(t, s, e, not_names[k]))
      return 1;
  return hs_page_menu_line(t, s, e);
}

/* The page prints the name, its spaces dropped, as a site's address:
** "MoreBikes" and "www.morebikes.co.uk", "The Hill" and "TheHill.com"
** (ASCII case folded; a host name that ends in it before a dot, as a
** word).  The first 256 KB are searched. */
static int address_of(const char *t, uint32_t len, const char *name,
                      size_t n) {
  char sq[64];
  size_t m = 0, i;
  uint32_t p;
  for (i = 0; i < n && m < sizeof sq; i++) {
    unsigned char ch = (unsigned char)name[i];
    if (ch == ' ') continue;
    if (!host_byte(ch) && ch != '.') return 0; /* ASCII names only */
    sq[m++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
  }
  if (m < 3 || m == sizeof sq) return 0;
  if (len > (256u << 10)) len = 256u << 10;
  for (p = 0; p + m < len; p++) {
    unsigned char ch = (unsigned char)t[p];
    if ((ch | 32) != (unsigned char)sq[0]) continue;
    if (p > 0 && host_byte((unsigned char)t[p - 1])) continue;
    for (i = 1; i < m; i++) {
      unsigned char x = (unsigned char)t[p + i];
      if ((x >= 'A' && x <= 'Z' ? x + 32 : x) != (unsigned char)sq[i]) break;
    }
    if (i < m) continue;
    if (t[p + m] == '.' && p + m + 2 < len &&
        (t[p + m + 1] | 32) >= 'a' && (t[p + m + 1] | 32) <= 'z' &&
        (t[p + m + 2] | 32) >= 'a' && (t[p + m + 2] | 32) <= 'z')
      return 1;
  }
  return 0;
}

static int named_apart(const char *h, size_t m, const char *t,
                       const uint32_t *ls, const uint32_t *le, size_t n,
                       int strict, uint32_t *ss, uint32_t *se);

/* A company holder's own name without its company words at the end
** ("India Post" of "India Post Media", "Al Jazeera" of "Al Jazeera Media
** Network"), when the page's short lines name it apart from the
** company's full name.  Fills its bytes in the text. */
static int holder_stem(const char *h, const char *t, const uint32_t *ls,
                       const uint32_t *le, size_t n, uint32_t *ss,
                       uint32_t *se) {
  size_t hl = strlen(h), m = hl;
  for (;;) { /* drop company words from the end */
    size_t ws = m;
    while (ws > 0 && h[ws - 1] != ' ') ws--;
    if (ws == 0) break;
    {
      char wd[32];
      size_t wl = m - ws;
      if (wl >= sizeof wd) break;
      memcpy(wd, h + ws, wl);
      wd[wl] = 0;
      if (!has_company_word(wd)) break;
    }
    m = ws - 1;
    while (m > 0 && (h[m - 1] == ',' || h[m - 1] == ' ')) m--;
  }
  if (m == hl || m < 4) return 0;
  return named_apart(h, m, t, ls, le, n, 1, ss, se);
}

/* A short line, no copyright line, that names h[0,m) as a whole: not
** inside a word, and when strict not before a capitalised word (a
** sister title: "Breaking Defense" of "Breaking Media"), an apostrophe
** or a company word ("Hearst Newspapers").  Fills its bytes. */
static int named_apart(const char *h, size_t m, const char *t,
                       const uint32_t *ls, const uint32_t *le, size_t n,
                       int strict, uint32_t *ss, uint32_t *se) {
  size_t i;
  for (i = 0; i < n; i++) {
    uint32_t p, s = ls[i], e = le[i];
    for (p = s; p + m <= e; p++) {
      uint32_t q = p + (uint32_t)m;
      if (memcmp(t + p, h, m) || (p > s && host_byte((unsigned char)t[p - 1])))
        continue;
      if (q < e && host_byte((unsigned char)t[q])) continue;
      if (strict && q < e && (t[q] == '\'' || (unsigned char)t[q] == 0xE2 ||
                              t[q] == '&'))
        continue;
      if (strict && q + 1 < e && t[q] == ' ') {
        uint32_t we = q + 1;
        char wd[32];
        if (word_start((unsigned char)t[q + 1])) continue;
        while (we < e && !is_sp((unsigned char)t[we])) we++;
        if (we - q - 1 < sizeof wd) {
          memcpy(wd, t + q + 1, we - q - 1);
          wd[we - q - 1] = 0;
          if (has_company_word(wd)) continue;
        }
      }
      break;
    }
    if (p + m > e) continue;
    {
      uint32_t x;
      int rights = 0;
      for (x = s; x + 2 <= e && !rights; x++)
        rights = hs_meta_starts_ci(t, x, e, "©") ||
                 hs_meta_starts_ci(t, x, e, "copyright");
      if (rights) continue;
    }
    *ss = p;
    *se = p + (uint32_t)m;
    return 1;
  }
  return 0;
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
  uint32_t bs = 0, bee = 0, brs = 0, bre = 0, sub_s = 0, sub_e = 0;
  int brv = 0;
  (void)b; /* furniture is where the name is: boilerplate lines count */
  (void)nb;
  brand pre[MAX_CANDS]; /* first words of short lines ("WSJ Pro") */
  size_t npre = 0;
  int mast = 0, owned = 0;
  uint32_t os = 0, oe = 0;
  if (!t || !len) return src;
  if (src && strcmp(src, "copyright") && strcmp(src, "address") &&
      strcmp(src, "masthead"))
    return src;
  k = hs_meta_line_count(t, len, MAX_LINES);
  ls = hs_calloc(k, sizeof *ls);
  le = hs_calloc(k, sizeof *le);
  while (i < len && n < MAX_LINES) {
    uint32_t s = i, e, w = 0, q;
    const char *nl = memchr(t + i, '\n', len - i);
    e = nl ? (uint32_t)(nl - t) : len;
    i = e + 1;
    while (s < e && is_sp((unsigned char)t[s])) s++;
    while (e > s && is_sp((unsigned char)t[e - 1])) e--;
    if (s < e && e - s <= 400) {
      uint32_t at[N_OWNED];
      owned_at(t, s, e, at);
      for (k = 0; owned_cues[k]; k++) {
        uint32_t p = at[k];
        if (p < e) {
          uint32_t ne = p, ns;
          while (ne > s && (t[ne - 1] == '"' || is_sp((unsigned char)t[ne - 1])))
            ne--;
          ns = name_back(t, s, ne);
          /* "X is part of" opens its line ("... can be part of" does not) */
          if (ns < ne && (k > 0 || ns == s)) {
            add_cand(c, &nc, t, ns, ne);
            /* the copyright holder named as X's owner: X is the site */
            if (!owned && out->value && contains(t, p, e, out->value))
              owned = 1, os = ns, oe = ne;
          }
        }
      }
    }
    if (s == e || e - s > 160) continue;

    { /* the words after the first (a space, then no space), by table
      ** and bit arithmetic: no test a byte (a call each in the fuzz
      ** build); t[s] is no space (trimmed) */
      static const unsigned char sp_b[256] = {[' '] = 1, ['\t'] = 1,
                                              ['\r'] = 1};
      unsigned in = 1;
      for (q = s; q < e; q++) {
        unsigned wb = sp_b[(unsigned char)t[q]] ^ 1u;
        w += wb & (in ^ 1u);
        in = wb;
      }
    }
    if (w >= 12) continue;
    ls[n] = s;
    le[n] = e;
    n++;
    /* the page's first name, a masthead ("Sportsnet", "Valley Post"):
    ** the first of its first 3 lines that is a name, past menu lines
    ** ("Skip to content") and sentences */
    if (!mast && n <= 3 && w < 4 && word_start((unsigned char)t[s]) &&
        !caseless_script((unsigned char)t[s]) && name_fwd(t, s, e) == e) {
      mast = 1;
      add_cand(c, &nc, t, s, e);
    }
    /* a short line's first word with two capitals or more before a
    ** section's name in small letters: a site's brand on its sections
    ** ("WSJ Pro", "DH Views", "ZDNet China"; not "STUFF TO WATCH") */
    if (w >= 1 && w <= 4) {
      uint32_t fe = s, x;
      int small = 0;
      while (fe < e && !is_sp((unsigned char)t[fe])) fe++;
      for (x = fe; x < e; x++) small |= t[x] >= 'a' && t[x] <= 'z';
      if (small && fe - s >= 2 && fe - s <= 12 && caps(t, s, fe) >= 2 &&
          brand_word(t, s, fe)) {
        for (k = 0; k < npre; k++)
          if (pre[k].e - pre[k].s == fe - s && !memcmp(t + pre[k].s, t + s, fe - s))
            break;
        if (k == npre && npre < MAX_CANDS) {
          pre[npre].s = s;
          pre[npre].e = fe;
          pre[npre++].nh = 0;
        }
        /* distinct sections only (a menu printed twice counts once) */
        if (k < npre) {
          uint64_t h = 1469598103934665603ull;
          int j;
          for (x = s; x < e; x++) h = (h ^ (unsigned char)t[x]) * 1099511628211ull;
          for (j = 0; j < pre[k].nh && pre[k].h[j] != h; j++) {}
          if (j == pre[k].nh && j < 8) pre[k].h[pre[k].nh++] = h;
        }
      }
    }
    for (k = 0; name_after[k]; k++)
      if (hs_meta_starts_ci(t, s, e, name_after[k])) {
        uint32_t ns = s + (uint32_t)strlen(name_after[k]);
        if (ns < e && t[ns] >= '0' && t[ns] <= '9') break; /* "© 2019" */
        add_cand(c, &nc, t, ns, name_fwd(t, ns, e));
        if (k == 0 && !sub_e) { /* "Subscribe to X": kept if a name */
          size_t j;
          for (j = 0; j < nc; j++)
            if (c[j].s == ns && c[j].e == name_fwd(t, ns, e) &&
                !hs_meta_starts_ci(t, ns, e, "my ") &&
                !hs_meta_starts_ci(t, ns, e, "our ") &&
                !hs_meta_starts_ci(t, ns, e, "your ") &&
                !hs_meta_starts_ci(t, ns, e, "this "))
              sub_s = c[j].s, sub_e = c[j].e;
        }
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
            mentions(t, ls, le, n, t + c[k].s, c[k].e - c[k].s) +
            2 * address_of(t, len, t + c[k].s, c[k].e - c[k].s);
    /* on a tie the longer name: a name's first two words are a
    ** candidate wherever it is, so they tie with it where they are never
    ** printed alone ("Dawgs By Nature", not "Dawgs By") */
    if (v > bv || (v == bv && best < MAX_CANDS &&
                   c[k].e - c[k].s > bee - bs))
      bv = v, best = k, bs = c[k].s, bee = c[k].e;
  }
  if (bv < 3) best = MAX_CANDS;
  /* a brand opening 3 distinct sections or more */
  for (k = 0; k < npre; k++) {
    int v = pre[k].nh + 2 * address_of(t, len, t + pre[k].s, pre[k].e - pre[k].s);
    if (pre[k].nh >= 3 && v > brv && !not_name(t, pre[k].s, pre[k].e))
      brv = v, brs = pre[k].s, bre = pre[k].e;
  }
  if (out->value && src && !strcmp(src, "copyright")) {
    char *h = clean_holder(out->value);
    int company = (has_company_word(out->raw ? out->raw : out->value) ||
                   legal_after(t, out->end, len)) &&
                  !hs_pg_address_name(out->value);
    uint32_t ss, se;
    if (owned && !(oe - os == strlen(out->value) &&
                   !memcmp(t + os, out->value, oe - os))) {
      set_name(out, a, t, os, oe, 0.65); /* "Space is part of Future US Inc" */
      src = "site";
    } else if (company && best < MAX_CANDS) {
      set_name(out, a, t, bs, bee, 0.65);
      src = "site";
    } else if (company && h && holder_stem(h, t, ls, le, n, &ss, &se)) {
      set_name(out, a, t, ss, se, 0.65); /* "India Post" of "India Post Media" */
      src = "site";
    } else if (company && brv) {
      set_name(out, a, t, brs, bre, 0.65);
      src = "site";
    } else if (company && h && has_company_word(h) &&
               !(a && hs_aliases_lookup(a, h, strlen(h), NULL, NULL)) &&
               !named_apart(h, strlen(h), t, ls, le, n, 0, &ss, &se)) {
      /* a company that the page names only in its copyright line, and no
      ** site name: its publisher, not the outlet */
      free(out->value);
      free(out->raw);
      out->value = out->raw = NULL;
      src = NULL;
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
  } else if (!out->value && (best < MAX_CANDS || brv)) {
    if (best < MAX_CANDS) set_name(out, a, t, bs, bee, 0.65);
    else set_name(out, a, t, brs, bre, 0.65);
    src = "site";
  } else if (!out->value && sub_e && memchr(t + sub_s, ' ', sub_e - sub_s)) {
    /* no other name: the site's own "Subscribe to Canada Free Press for
    ** FREE", a name of 2 words or more, even printed once */
    set_name(out, a, t, sub_s, sub_e, 0.6);
    src = "site";
  }
  free(ls);
  free(le);
  return src;
}
