/*
** xlang.c — the join across scripts: a document that cites an outlet
** joins the story of that outlet's report in another script when the two
** tell the same news by their names and figures.
**
** Reuse and paraphrase compare words, so a report and its translation
** (an English wire crediting "the Tasnim news agency", a Persian report of
** Tasnim's the day before) are two stories, and the first publisher of the
** whole is lost.  A citation alone joins nothing (an agency is named by
** thousands of unrelated articles); a citation with the same names and
** the same figures does.  Document d joins document e when all of these
** hold:
**   - d names e's outlet (cite.c's readings: an agency or outlet in the
**     metadata stage's attributions, an agency's alias-table name in any
**     script, the outlet's own name as its documents give it, in d's
**     first XL_SCAN bytes; a dateline credit "(Reuters)" is no citation);
**   - d and e are written in different scripts (Latin, Arabic script,
**     Cyrillic: the letters of their first XL_PROBE bytes) and are in
**     different stories;
**   - e is dated on d's day or up to HS_XLANG_DAYS days before it;
**   - they share at least one figure (a number other than 0, 1 or a year,
**     read in any of the three digit sets or in Persian words: "2 million"
**     and «۲ میلیون», "1.2 million" and «یک میلیون و ۲۰۰ هزار»;
**     a round thousand or million also counts as the figure before its
**     scale word: "350,000" and «۳۵۰ هزار»),
**     at least one name, and HS_XLANG_EVIDENCE figures and names in all.
**     A name is a capitalized word of the Latin document whose consonant
**     skeleton (below), three letters or more, is the skeleton of a word of
**     the other one (with a conjunction, preposition or article prefix
**     taken off): "Qeshm" and «قشم» are both k-S-m, "Salalah" and «صلالة»
**     s-l-l.  The two outlets' own names do not count.
** Of the cited outlet's documents that qualify, the one with the most
** evidence is joined (ties: the earlier).  Arabic and Persian share a
** script and a great many words, so names cannot tell them apart; they
** are not joined here.  Cyrillic has no skeleton table: its documents
** join through nothing but figures, which is never enough.
** The join's citation edge is the one cite.c makes inside the joined
** story; where cite.c would not read the name (an attribution record's
** outlet, say), hs_story_xlang_edges adds it.
*/
#include <stdlib.h>
#include <string.h>

#include "story/story.h"
#include "util/sort.h"

#define XL_SCAN 1024   /* bytes of the citing document read for names */
#define XL_PROBE 512   /* bytes read for the script */
#define XL_MAXFIG 128
#define XL_MAXSK 1024

/* SC_PERSIAN: the Arabic script written as Persian (its own letters) */
enum { SC_NONE = 0, SC_LATIN, SC_ARABIC, SC_CYRILLIC, SC_PERSIAN, SC_N };
#define ARABIC_SCRIPT(sc) ((sc) == SC_ARABIC || (sc) == SC_PERSIAN)

static uint32_t utf8_next(const unsigned char *t, size_t len, size_t *i) {
  uint32_t c = t[*i];
  if (c < 0x80) { (*i)++; return c; }
  if ((c & 0xE0) == 0xC0 && *i + 1 < len) {
    c = ((c & 0x1F) << 6) | (t[*i + 1] & 0x3F);
    *i += 2;
    return c;
  }
  if ((c & 0xF0) == 0xE0 && *i + 2 < len) {
    c = ((c & 0x0F) << 12) | ((t[*i + 1] & 0x3F) << 6) | (t[*i + 2] & 0x3F);
    *i += 3;
    return c;
  }
  if ((c & 0xF8) == 0xF0 && *i + 3 < len) {
    *i += 4;
    return 0xFFFD;
  }
  (*i)++;
  return 0xFFFD;
}

/* the script of a document by the lead bytes of its first XL_PROBE bytes
** (a byte loop: it runs over every document of every corpus): ASCII
** letters, 0xD8-0xDB (U+0600-06FF), 0xD0-0xD3 (U+0400-04FF); the Arabic
** script is Persian when its letters of Persian only (pe, che, zhe, gaf,
** keheh, Farsi yeh) outnumber those of Arabic only (ta marbuta, yeh, kaf,
** alef maksura): two languages whose reports cite each other */
static int doc_script(const hs_doc *d) {
  size_t i, len = d->len < XL_PROBE ? d->len : XL_PROBE;
  size_t lat = 0, ar = 0, cy = 0, fa_only = 0, ar_only = 0;
  const unsigned char *t = (const unsigned char *)d->text;
  if (!t) return SC_NONE;
  for (i = 0; i < len; i++) {
    unsigned char ch = t[i];
    if ((unsigned char)((ch | 0x20) - 'a') < 26) lat++;
    else if (ch >= 0xD8 && ch <= 0xDB) {
      unsigned char c2 = i + 1 < len ? t[i + 1] : 0;
      ar++;
      if ((ch == 0xD9 && c2 == 0xBE) ||
          (ch == 0xDA && (c2 == 0x86 || c2 == 0x98 || c2 == 0xAF || c2 == 0xA9)) ||
          (ch == 0xDB && c2 == 0x8C))
        fa_only++;
      else if ((ch == 0xD8 && c2 == 0xA9) ||
               (ch == 0xD9 && (c2 == 0x8A || c2 == 0x83 || c2 == 0x89)))
        ar_only++;
    } else if (ch >= 0xD0 && ch <= 0xD3) cy++;
  }
  if (lat + ar + cy < 20) return SC_NONE;
  if (ar >= lat && ar >= cy) return fa_only > ar_only ? SC_PERSIAN : SC_ARABIC;
  return cy > lat ? SC_CYRILLIC : SC_LATIN;
}

/* ------------------------------------------------------------ figures */

static int digit_of(uint32_t c) {
  if (c >= '0' && c <= '9') return (int)(c - '0');
  if (c >= 0x660 && c <= 0x669) return (int)(c - 0x660);
  if (c >= 0x6F0 && c <= 0x6F9) return (int)(c - 0x6F0);
  return -1;
}

static int is_alpha_cp(uint32_t c) {
  return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= 0x620 && c <= 0x64A) ||
         (c >= 0x671 && c <= 0x6D3);
}

static int dbl_cmp(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return a < b ? -1 : a > b;
}

/* Persian numbers written in words («یک میلیون و ۲۰۰ هزار», «دوازده»):
** the words and their values; a scale word multiplies what precedes it.
** "ده" (also "village"), "نه" ("no") and "سی" count only inside a longer
** number. */
typedef struct numword { const char *w; double v; int amb; } numword;
static const numword fa_numbers[] = {
  {"یک", 1, 0}, {"دو", 2, 0}, {"سه", 3, 0}, {"چهار", 4, 0}, {"پنج", 5, 0},
  {"شش", 6, 0}, {"هفت", 7, 0}, {"هشت", 8, 0}, {"نه", 9, 1}, {"ده", 10, 1},
  {"یازده", 11, 0}, {"دوازده", 12, 0}, {"سیزده", 13, 0}, {"چهارده", 14, 0},
  {"پانزده", 15, 0}, {"شانزده", 16, 0}, {"هفده", 17, 0}, {"هجده", 18, 0},
  {"نوزده", 19, 0}, {"بیست", 20, 0}, {"سی", 30, 1}, {"چهل", 40, 0},
  {"پنجاه", 50, 0}, {"شصت", 60, 0}, {"هفتاد", 70, 0}, {"هشتاد", 80, 0},
  {"نود", 90, 0}, {"صد", 100, 0}, {"یکصد", 100, 0}, {"دویست", 200, 0},
  {"سیصد", 300, 0}, {"چهارصد", 400, 0}, {"پانصد", 500, 0}, {"ششصد", 600, 0},
  {"هفتصد", 700, 0}, {"هشتصد", 800, 0}, {"نهصد", 900, 0}, {"هزار", 1e3, 0},
  {"میلیون", 1e6, 0}, {"میلیارد", 1e9, 0},
};

static int fa_letter(uint32_t c) {
  return (c >= 0x621 && c <= 0x64A) || (c >= 0x671 && c <= 0x6D3) || c == 0x200C;
}

/* the number word at t[*i] (its letters folded: Arabic yeh and kaf to the
** Persian ones); advances *i past it; -1 when none */
static int number_word(const unsigned char *t, size_t len, size_t *i) {
  char w[64];
  size_t j = *i, n = 0, k;
  while (j < len) {
    size_t at = j;
    uint32_t c = utf8_next(t, len, &j);
    if (!fa_letter(c)) { j = at; break; }
    if (c == 0x64A || c == 0x649) c = 0x6CC;
    else if (c == 0x643) c = 0x6A9;
    if (c == 0x200C || n + 2 >= sizeof w) return -1;
    w[n++] = (char)(0xC0 | (c >> 6));
    w[n++] = (char)(0x80 | (c & 0x3F));
  }
  w[n] = 0;
  for (k = 0; n && k < sizeof fa_numbers / sizeof *fa_numbers; k++)
    if (!strcmp(w, fa_numbers[k].w)) {
      *i = j;
      return (int)k;
    }
  return -1;
}

/* a number of words and digits joined by «و» that starts at t[at]
** («۴ هزار و ۸۰۰», «یک میلیون و ۲۰۰ هزار»): its value when it holds a
** number word and is a scale's multiple or 10 or more; *end after it */
static int words_number(const unsigned char *t, size_t len, size_t at,
                        double *val, size_t *end) {
  double total = 0, cur = 0;
  size_t i = at, toks = 0, words = 0;
  int big = 0, amb = 0, joined = 1;
  for (;;) {
    size_t j = i, s;
    int k;
    double v = 0;
    while (j < len && t[j] == ' ') j++;
    s = j;
    if (j < len && digit_of(utf8_next(t, len, &s)) >= 0) {
      if (!joined) break;
      for (s = j; s < len;) {
        size_t q = s;
        uint32_t c = utf8_next(t, len, &q);
        int dg = digit_of(c);
        if (dg >= 0) v = v * 10 + dg;
        else if (!(c == ',' || c == 0x66C)) break;
        s = q;
      }
      cur += v;
      i = s;
      toks++, joined = 0;
      continue;
    }
    s = j;
    if ((k = number_word(t, len, &s)) < 0) {
      /* «و» joins two parts */
      if (!joined && toks && j + 2 <= len && t[j] == 0xD9 && t[j + 1] == 0x88 &&
          (j + 2 == len || t[j + 2] == ' ')) {
        joined = 1;
        i = j + 2;
        continue;
      }
      break;
    }
    if (fa_numbers[k].v >= 1e3) {
      if (!toks) break; /* a scale word alone is no number */
      cur = (cur ? cur : 1) * fa_numbers[k].v;
      total += cur;
      cur = 0;
      big = 1;
    } else {
      if (!joined) break;
      cur += fa_numbers[k].v;
      amb |= fa_numbers[k].amb;
    }
    i = s;
    toks++, words++, joined = 0;
  }
  *val = total + cur;
  *end = i;
  return words && (big || (*val >= 10 && !(amb && toks == 1)));
}

/* the distinct figures of a text, sorted; returns how many */
static size_t figures(const hs_doc *d, double *out) {
  const unsigned char *t = (const unsigned char *)d->text;
  size_t i = 0, n = 0, len = d->len, k, m, wend = 0;
  uint32_t prev = ' ';
  while (t && i < len && n + 2 < XL_MAXFIG) {
    size_t at = i;
    uint32_t c = utf8_next(t, len, &i);
    int dg = digit_of(c), frac = 0, isint = 1;
    double v, scale = 0.1;
    if (at >= wend && !is_alpha_cp(prev) && digit_of(prev) < 0 &&
        (dg >= 0 || fa_letter(c))) {
      /* a number in words: its value, besides its digits' own figures */
      double wv;
      size_t e;
      if (words_number(t, len, at, &wv, &e) && !(wv >= 1900 && wv <= 2100)) {
        out[n++] = wv;
        if (wv >= 1e6) out[n++] = wv / 1e6;
        else if (wv >= 1e3 && (long long)wv % 1000 == 0) out[n++] = wv / 1e3;
        wend = e;
      }
    }
    if (dg < 0) { prev = c; continue; }
    v = dg;
    for (;;) {
      size_t j = i, j2;
      uint32_t c2;
      int d2;
      if (j >= len) break;
      c2 = utf8_next(t, len, &j);
      if ((d2 = digit_of(c2)) >= 0) {
        if (frac) { v += d2 * scale; scale /= 10; }
        else v = v * 10 + d2;
        i = j;
        continue;
      }
      j2 = j;
      if (!frac && (c2 == ',' || c2 == 0x66C) && j2 < len &&
          digit_of(utf8_next(t, len, &j2)) >= 0) { i = j; continue; }
      j2 = j;
      if (!frac && (c2 == '.' || c2 == 0x66B) && j2 < len &&
          digit_of(utf8_next(t, len, &j2)) >= 0) { frac = 1; isint = 0; i = j; continue; }
      break;
    }
    /* a digit glued to a letter is a code ("A320", "F-16" is kept) */
    if (is_alpha_cp(prev)) { prev = '0'; continue; }
    if (i < len) {
      size_t j = i;
      if (is_alpha_cp(utf8_next(t, len, &j))) { prev = '0'; continue; }
    }
    prev = '0';
    if ((isint && v < 2) || (isint && v >= 1900 && v <= 2100)) continue;
    out[n++] = v;
    /* "350,000" is «۳۵۰ هزار», "2,000,000" "2 million": the figure
    ** before its scale word counts too */
    if (isint && v >= 1e6 && n < XL_MAXFIG && (long long)v % 1000000 == 0) out[n++] = v / 1e6;
    else if (isint && v >= 1e3 && n < XL_MAXFIG && (long long)v % 1000 == 0) out[n++] = v / 1e3;
  }
  qsort(out, n, sizeof *out, dbl_cmp);
  for (k = m = 0; k < n; k++)
    if (!m || out[m - 1] != out[k]) out[m++] = out[k];
  return m;
}

static size_t shared_figures(const double *a, size_t na, const double *b, size_t nb) {
  size_t i = 0, j = 0, s = 0;
  while (i < na && j < nb) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else { s++; i++; j++; }
  }
  return s;
}

/* ---------------------------------------------------------- skeletons
** A word's consonant skeleton: each consonant to its class (one letter),
** vowels, h, w, y and the Arabic script's long vowels, hamza and ʿayn
** left out, a letter doubled in writing written once; packed 5 bits a
** class into a uint64 (at most 12).  Latin digraphs first: sh S, ch C,
** th/dh T, kh k, gh g, ph f, ck k; q and hard c are k, soft c (ce, ci)
** s, p is b (Arabic has no p), x ks. */

typedef struct ar_class { uint32_t cp; char cls; } ar_class;
static const ar_class ar_classes[] = {
  {0x628, 'b'}, {0x67E, 'b'}, {0x62A, 't'}, {0x637, 't'}, {0x62B, 'T'},
  {0x630, 'T'}, {0x62C, 'j'}, {0x686, 'C'}, {0x62E, 'k'}, {0x62F, 'd'},
  {0x636, 'd'}, {0x631, 'r'}, {0x632, 'z'}, {0x698, 'z'}, {0x638, 'z'},
  {0x633, 's'}, {0x635, 's'}, {0x634, 'S'}, {0x63A, 'g'}, {0x6AF, 'g'},
  {0x641, 'f'}, {0x642, 'k'}, {0x643, 'k'}, {0x6A9, 'k'}, {0x644, 'l'},
  {0x645, 'm'}, {0x646, 'n'},
};

static char ar_cls(uint32_t c) {
  size_t k;
  for (k = 0; k < sizeof ar_classes / sizeof *ar_classes; k++)
    if (ar_classes[k].cp == c) return ar_classes[k].cls;
  return 0;
}

static int cls_code(char c) {
  static const char order[] = "bdfgjklmnrstzCST";
  const char *p = strchr(order, c);
  return p && c ? (int)(p - order) + 1 : 0;
}

typedef struct sk { uint64_t v; int n; char last; } sk;

static void sk_add(sk *s, char c) {
  if (!c) { s->last = 0; return; }   /* a vowel: doubles are apart */
  if (c == s->last) return;
  s->last = c;
  if (s->n < 12) s->v = (s->v << 5) | (uint64_t)cls_code(c);
  s->n++;
}

/* skeleton of the Latin word w[0..n) (ASCII letters) */
static sk latin_sk(const char *w, size_t n) {
  sk s = {0, 0, 0};
  size_t i;
  for (i = 0; i < n; i++) {
    char c = (char)(w[i] | 0x20), d = i + 1 < n ? (char)(w[i + 1] | 0x20) : 0;
    if (d == 'h' && strchr("sctdkgp", c)) {
      sk_add(&s, c == 's' ? 'S' : c == 'c' ? 'C' : c == 't' || c == 'd' ? 'T' :
                 c == 'p' ? 'f' : c);
      i++;
      continue;
    }
    if (c == 'c' && d == 'k') { sk_add(&s, 'k'); i++; continue; }
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'h': case 'w':
    case 'y': case 'v': sk_add(&s, 0); break;
    case 'q': sk_add(&s, 'k'); break;
    case 'c': sk_add(&s, d == 'e' || d == 'i' ? 's' : 'k'); break;
    case 'p': sk_add(&s, 'b'); break;
    case 'x': sk_add(&s, 'k'); sk_add(&s, 's'); break;
    default: sk_add(&s, strchr("bdfgjklmnrstz", c) ? c : 0);
    }
  }
  return s;
}

/* skeleton of the Arabic-script word of code points cp[0..n) */
static sk arabic_sk(const uint32_t *cp, size_t n) {
  sk s = {0, 0, 0};
  size_t i;
  for (i = 0; i < n; i++) {
    if (cp[i] == 0x651) continue; /* shadda: the letter is doubled */
    sk_add(&s, ar_cls(cp[i]));
  }
  return s;
}

static int u64_cmp(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return a < b ? -1 : a > b;
}

static size_t uniq(uint64_t *v, size_t n) {
  size_t k, m = 0;
  qsort(v, n, sizeof *v, u64_cmp);
  for (k = 0; k < n; k++)
    if (!m || v[m - 1] != v[k]) v[m++] = v[k];
  return m;
}

/* the skeletons of a document, sorted, distinct: of its capitalized words
** (Latin; caps = 1) or of all its words (caps = 0), three letters or more
** (the length is kept in the top bits so that "bnm" never meets
** "bnmr") */
static size_t skeletons(const char *text, size_t len, int caps, uint64_t *out,
                        size_t cap) {
  const unsigned char *t = (const unsigned char *)text;
  size_t i = 0, n = 0;
  while (t && i < len && n + 4 < cap) {
    size_t at = i;
    uint32_t c = utf8_next(t, len, &i);
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      size_t e = i;
      sk s;
      while (e < len && (((t[e] | 0x20) >= 'a' && (t[e] | 0x20) <= 'z'))) e++;
      i = e;
      if (caps && !(c >= 'A' && c <= 'Z')) continue;
      /* "al-Qaeda", "el-": the article is no part of the name */
      if (e - at == 2 && e < len && t[e] == '-' && (t[at] | 0x20) != 'x') continue;
      s = latin_sk(text + at, e - at);
      if (s.n >= 3 && s.n <= 12) out[n++] = ((uint64_t)s.n << 60) | s.v;
    } else if (c >= 0x620 && c <= 0x6FF) {
      uint32_t cp[48];
      size_t m = 0, e = at, p;
      while (e < len) {
        size_t j = e;
        uint32_t c2 = utf8_next(t, len, &j);
        if (!((c2 >= 0x620 && c2 <= 0x6FF) || c2 == 0x200C)) break;
        if (m < 48 && c2 != 0x200C && !(c2 >= 0x64B && c2 <= 0x650) && c2 != 0x640)
          cp[m++] = c2;
        e = j;
      }
      i = e;
      /* the word, then without a one-letter prefix (wa, fa, bi, li, ka),
      ** then without the article after it */
      for (p = 0; p < 3 && p < m; p++) {
        size_t off = 0;
        sk s;
        if (p >= 1) {
          if (cp[0] == 0x648 || cp[0] == 0x641 || cp[0] == 0x628 ||
              cp[0] == 0x644 || cp[0] == 0x643) off = 1;
          else if (p == 1) continue;
        }
        if (p == 2) {
          if (m > off + 2 && cp[off] == 0x627 && cp[off + 1] == 0x644) off += 2;
          else if (m > 3 && cp[0] == 0x627 && cp[1] == 0x644) off = 2;
          else if (m > 3 && cp[0] == 0x644 && cp[1] == 0x644) off = 2;
          else continue;
        }
        s = arabic_sk(cp + off, m - off);
        if (s.n >= 3 && s.n <= 12) out[n++] = ((uint64_t)s.n << 60) | s.v;
      }
    }
  }
  return uniq(out, n);
}

static int has_u64(const uint64_t *v, size_t n, uint64_t x) {
  return bsearch(&x, v, n, sizeof *v, u64_cmp) != NULL;
}

/* ------------------------------------------------------------- the join */

typedef struct xdoc {
  int script;
  int done;             /* features computed */
  double *fig;
  size_t nfig;
  uint64_t *sk;         /* capitalized words (Latin), all words (Arabic) */
  size_t nsk;
  uint64_t *qsk;        /* words in quotation marks (Arabic script) */
  size_t nqsk;
} xdoc;

/* the skeletons of the words inside quotation marks («», “”, "") of an
** Arabic-script text: the names of ships, operations and bodies, which
** Arabic and Persian write alike, unlike their common words */
#define XL_QUOTE 96 /* bytes inside one pair of marks, at most */
static size_t quoted(const char *text, size_t len, uint64_t *out, size_t cap) {
  const unsigned char *t = (const unsigned char *)text;
  size_t i = 0, n = 0, open = 0;
  uint32_t want = 0;
  while (t && i < len && n + 8 < cap) {
    size_t at = i;
    uint32_t c = utf8_next(t, len, &i);
    if (want && (c == want || (want == '"' && c == 0x201D))) {
      if (at - open <= XL_QUOTE) n += skeletons(text + open, at - open, 0, out + n, cap - n);
      want = 0;
    } else if (want && (c == '\n' || at - open > XL_QUOTE)) {
      want = 0;
    } else if (!want && (c == 0xAB || c == 0x201C || c == '"')) {
      want = c == 0xAB ? 0xBB : c == 0x201C ? 0x201D : '"';
      open = i;
    }
  }
  return uniq(out, n);
}

static void features(xdoc *x, const hs_doc *d) {
  double f[XL_MAXFIG];
  uint64_t s[XL_MAXSK];
  if (x->done) return;
  x->done = 1;
  x->nfig = figures(d, f);
  x->fig = hs_malloc((x->nfig + 1) * sizeof *x->fig);
  memcpy(x->fig, f, x->nfig * sizeof *f);
  x->nsk = skeletons(d->text, d->len, x->script == SC_LATIN, s, XL_MAXSK);
  x->sk = hs_malloc((x->nsk + 1) * sizeof *x->sk);
  memcpy(x->sk, s, x->nsk * sizeof *s);
  x->nqsk = ARABIC_SCRIPT(x->script) ? quoted(d->text, d->len, s, XL_MAXSK) : 0;
  x->qsk = hs_malloc((x->nqsk + 1) * sizeof *x->qsk);
  memcpy(x->qsk, s, x->nqsk * sizeof *s);
}

/* names and figures shared by a and b, the outlets' names left out */
static size_t evidence(xdoc *xa, xdoc *xb, const char *o1, const char *o2,
                       size_t *figs, size_t *names) {
  const xdoc *lat = xa->script == SC_LATIN ? xa : xb;
  const xdoc *ara = ARABIC_SCRIPT(xa->script) ? xa : xb;
  uint64_t ex[64];
  size_t nex = 0, k;
  *figs = shared_figures(xa->fig, xa->nfig, xb->fig, xb->nfig);
  *names = 0;
  if (o1) nex += skeletons(o1, strlen(o1), 0, ex, 32);
  if (o2) nex += skeletons(o2, strlen(o2), 0, ex + nex, 32);
  nex = uniq(ex, nex);
  if (ARABIC_SCRIPT(xa->script) && ARABIC_SCRIPT(xb->script)) {
    /* Arabic and Persian: the words either quotes that the other writes */
    for (k = 0; k < xa->nqsk; k++)
      if (has_u64(xb->sk, xb->nsk, xa->qsk[k]) && !has_u64(ex, nex, xa->qsk[k]))
        (*names)++;
    for (k = 0; k < xb->nqsk; k++)
      if (has_u64(xa->sk, xa->nsk, xb->qsk[k]) && !has_u64(ex, nex, xb->qsk[k]) &&
          !has_u64(xa->qsk, xa->nqsk, xb->qsk[k]))
        (*names)++;
    return *figs + *names;
  }
  if (lat == ara || lat->script != SC_LATIN || !ARABIC_SCRIPT(ara->script))
    return *figs;
  for (k = 0; k < lat->nsk; k++)
    if (has_u64(ara->sk, ara->nsk, lat->sk[k]) && !has_u64(ex, nex, lat->sk[k]))
      (*names)++;
  return *figs + *names;
}

typedef struct odoc {
  const char *outlet;
  long day;
  uint32_t doc;
} odoc;

static int odoc_cmp(const void *x, const void *y) {
  const odoc *a = x, *b = y;
  int c = strcmp(a->outlet, b->outlet);
  if (c) return c;
  if (a->day != b->day) return a->day < b->day ? -1 : 1;
  return a->doc < b->doc ? -1 : a->doc > b->doc;
}

typedef struct xctx {
  const hs_provenance *pv;
  const hs_corpus *c;
  uint32_t *parent;
  xdoc *xd;
  odoc *od;
  size_t nod;
  uint32_t doc;
  long day;
  hs_xjoin **out;
  size_t *nout, cap;
} xctx;

/* d names outlet `name` at [st, en): join the best of its documents */
static void cited(xctx *x, const char *name, uint32_t st, uint32_t en) {
  const hs_pdoc *D = &x->pv->docs[x->doc];
  size_t lo = 0, hi = x->nod, k, bestev = 0;
  uint32_t best = UINT32_MAX;
  if (!name || (D->outlet && !strcmp(D->outlet, name))) return;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (strcmp(x->od[mid].outlet, name) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (k = lo; k < x->nod && !strcmp(x->od[k].outlet, name); k++) {
    const odoc *o = &x->od[k];
    size_t figs, names, ev;
    if (o->day > x->day) break;
    if (o->day < x->day - HS_XLANG_DAYS) continue;
    if (x->xd[o->doc].script == x->xd[x->doc].script ||
        x->xd[o->doc].script == SC_NONE ||
        hs_uf_find(x->parent, o->doc) == hs_uf_find(x->parent, x->doc))
      continue;
    features(&x->xd[o->doc], hs_corpus_doc(x->c, o->doc));
    features(&x->xd[x->doc], hs_corpus_doc(x->c, x->doc));
    ev = evidence(&x->xd[o->doc], &x->xd[x->doc], name, D->outlet, &figs, &names);
    if (figs < 1 || names < 1 || ev < HS_XLANG_EVIDENCE) continue;
    if (ev > bestev) { bestev = ev; best = o->doc; }
  }
  if (best == UINT32_MAX) return;
  hs_uf_union(x->parent, best, x->doc);
  HS_GROW(*x->out, x->cap, *x->nout + 1);
  (*x->out)[*x->nout].cited = best;
  (*x->out)[*x->nout].citing = x->doc;
  (*x->out)[*x->nout].start = st;
  (*x->out)[*x->nout].end = en;
  (*x->out)[*x->nout].outlet = x->pv->docs[best].outlet;
  (*x->nout)++;
}

/* agencies named in t[lo, hi) through the alias table (as cite.c) */
static void scan_aliases(xctx *x, const hs_aliases *al, const char *t,
                         size_t len, uint32_t lo, uint32_t hi, int depth) {
  const char *canon = NULL;
  int type = 0;
  uint32_t st = 0, en = 0;
  if (hi <= lo + 1 || depth > 32 ||
      hs_aliases_find_in(al, t + lo, hi - lo, &canon, &type, &st, &en) < 0 ||
      en <= st)
    return;
  st += lo;
  en += lo;
  if (canon && type == HS_SRC_AGENCY && !hs_story_is_credit(t, len, st, en))
    cited(x, canon, st, en);
  scan_aliases(x, al, t, len, lo, st, depth + 1);
  scan_aliases(x, al, t, len, en, hi, depth + 1);
}

static int long_cmp(const void *x, const void *y) {
  long a = *(const long *)x, b = *(const long *)y;
  return a < b ? -1 : a > b;
}

/* whether an outlet's document of another script than sc is dated in
** [x->day - HS_XLANG_DAYS, x->day]: else nothing this document names can
** join it, and it is not read */
static int other_script_near(const xctx *x, long *const *sday,
                             const size_t *nsday, int sc) {
  int k;
  for (k = SC_LATIN; k < SC_N; k++) {
    size_t lo = 0, hi = nsday[k];
    if (k == sc) continue;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (sday[k][mid] < x->day - HS_XLANG_DAYS) lo = mid + 1;
      else hi = mid;
    }
    if (lo < nsday[k] && sday[k][lo] <= x->day) return 1;
  }
  return 0;
}

typedef struct oname {
  const char *name;
  size_t len;
  unsigned scripts;     /* 1 << script of each of its documents */
} oname;

/* outlets named in t[0, len) as their documents give the name (four bytes
** or more, whole words, not a dateline credit) that have a document in
** another script than this one's: at each word start, the names opening
** with its byte */
static void scan_names(xctx *x, const oname *on, size_t non, const char *t,
                       size_t len) {
  unsigned own = 1u << x->xd[x->doc].script;
  size_t at, k;
  for (at = 0; at < len; at++) {
    size_t lo = 0, hi = non;
    if (at > 0 && !hs_story_word_edge(t, len, at - 1)) continue;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if ((unsigned char)on[mid].name[0] < (unsigned char)t[at]) lo = mid + 1;
      else hi = mid;
    }
    for (k = lo; k < non && on[k].name[0] == t[at]; k++) {
      const oname *o = &on[k];
      if (o->len < 4 || !(o->scripts & ~own) || at + o->len > len ||
          memcmp(t + at, o->name, o->len) ||
          !hs_story_word_edge(t, len, at + o->len) ||
          hs_story_is_credit(t, len, (uint32_t)at, (uint32_t)(at + o->len)))
        continue;
      cited(x, o->name, (uint32_t)at, (uint32_t)(at + o->len));
    }
  }
}

size_t hs_story_xlang(const hs_provenance *pv, const hs_corpus *c,
                      const hs_meta *metas, const hs_aliases *al,
                      uint32_t *parent, hs_xjoin **out) {
  size_t nd = pv->ndocs, i, k, n = 0, nscript[SC_N] = {0, 0, 0, 0, 0};
  oname *on = NULL;
  size_t non = 0, nsday[SC_N] = {0, 0, 0, 0, 0}, capday[SC_N] = {0, 0, 0, 0, 0};
  long *sday[SC_N] = {NULL, NULL, NULL, NULL, NULL};
  xctx x;
  memset(&x, 0, sizeof x);
  *out = NULL;
  x.xd = hs_calloc(nd + 1, sizeof *x.xd);
  for (i = 0; i < nd; i++) {
    x.xd[i].script = doc_script(hs_corpus_doc(c, i));
    nscript[x.xd[i].script]++;
  }
  /* one script: nothing to join */
  if ((nscript[SC_LATIN] > 0) + (nscript[SC_ARABIC] > 0) + (nscript[SC_CYRILLIC] > 0) +
          (nscript[SC_PERSIAN] > 0) < 2)
    goto done;
  x.pv = pv;
  x.c = c;
  x.parent = parent;
  x.out = out;
  x.nout = &n;
  x.od = hs_malloc((nd + 1) * sizeof *x.od);
  for (i = 0; i < nd; i++) {
    int ok = 0;
    long day = pv->docs[i].date ? hs_story_days(pv->docs[i].date, &ok) : 0;
    if (!ok || !pv->docs[i].outlet || x.xd[i].script == SC_NONE) continue;
    x.od[x.nod].outlet = pv->docs[i].outlet;
    x.od[x.nod].day = day;
    x.od[x.nod].doc = (uint32_t)i;
    x.nod++;
  }
  qsort(x.od, x.nod, sizeof *x.od, odoc_cmp);
  /* the dated documents' days, per script, sorted */
  for (i = 0; i < x.nod; i++) {
    int sc = x.xd[x.od[i].doc].script;
    HS_GROW(sday[sc], capday[sc], nsday[sc] + 1);
    sday[sc][nsday[sc]++] = x.od[i].day;
  }
  for (i = 0; i < SC_N; i++)
    if (nsday[i]) qsort(sday[i], nsday[i], sizeof *sday[i], long_cmp);
  /* the outlets' names (sorted, so grouped by first byte) and their
  ** documents' scripts */
  for (i = 0; i < x.nod; i++) {
    if (!i || strcmp(x.od[i].outlet, x.od[i - 1].outlet)) {
      on = hs_reallocarray(on, non + 1, sizeof *on);
      on[non].name = x.od[i].outlet;
      on[non].len = strlen(x.od[i].outlet);
      on[non++].scripts = 0;
    }
    on[non - 1].scripts |= 1u << x.xd[x.od[i].doc].script;
  }
  for (i = 0; i < nd; i++) {
    const hs_doc *d = hs_corpus_doc(c, i);
    int ok = 0;
    size_t len;
    if (x.xd[i].script == SC_NONE || !pv->docs[i].date || !d->text) continue;
    x.day = hs_story_days(pv->docs[i].date, &ok);
    if (!ok || !other_script_near(&x, sday, nsday, x.xd[i].script)) continue;
    x.doc = (uint32_t)i;
    for (k = 0; metas && k < metas[i].nattr; k++) {
      const hs_attribution *a = &metas[i].attr[k];
      const char *name = a->normalized ? a->normalized : a->source;
      const char *canon = NULL;
      int type = 0;
      if (a->vague && !a->resolved) continue;
      if (!name || (a->type != HS_SRC_AGENCY && a->type != HS_SRC_OUTLET)) continue;
      if (al && hs_aliases_lookup(al, name, strlen(name), &canon, &type) && canon)
        name = canon;
      cited(&x, name, a->src_start, a->src_end);
    }
    len = d->len < XL_SCAN ? d->len : XL_SCAN;
    if (al) {
      hs_sentence *ss = NULL;
      size_t ns = 0;
      if (!hs_sentences_split(d->text, len, &ss, &ns, NULL))
        for (k = 0; k < ns; k++)
          scan_aliases(&x, al, d->text, len, ss[k].start, ss[k].end, 0);
      free(ss);
    }
    scan_names(&x, on, non, d->text, len);
  }
done:
  for (i = 0; i < nd; i++) {
    free(x.xd[i].fig);
    free(x.xd[i].sk);
    free(x.xd[i].qsk);
  }
  free(x.xd);
  free(x.od);
  free(on);
  for (i = 0; i < SC_N; i++) free(sday[i]);
  return n;
}

void hs_story_xlang_edges(hs_provenance *pv, size_t *cap, const hs_xjoin *j,
                          size_t n) {
  size_t i, k;
  for (i = 0; i < n; i++) {
    hs_plink *l;
    for (k = 0; k < pv->nlinks; k++) {
      const hs_plink *m = &pv->links[k];
      if (m->kind == HS_LINK_CITATION && m->to == j[i].citing && m->cited &&
          !strcmp(m->cited, j[i].outlet))
        break;
    }
    if (k < pv->nlinks) continue;
    l = hs_story_link_add(pv, cap, HS_LINK_CITATION, j[i].cited, j[i].citing);
    l->from = j[i].cited;
    l->to = j[i].citing;
    l->b_start = j[i].start;
    l->b_end = j[i].end;
    l->cited = hs_strdup(j[i].outlet);
  }
}
