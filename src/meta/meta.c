/*
** meta.c — metadata of a document read from its text: title, byline,
** outlet, publication date, and the page furniture ("boilerplate") that
** reuse detection should ignore.
**
** Given metadata (the JSONL `date`, `series`, `title`) always wins; values
** found in the text carry the bytes they came from and a confidence.  All
** rules work on lines: news pages put furniture on lines of its own, so a
** line is either furniture or text, and the marked ranges are whole lines
** (byte offsets of the original text, end exclusive, newline excluded).
**
** Boilerplate comes from two rules:
**  - fixed patterns, one table below (`boiler_rows`), per line: comment
**    forms, captcha and page-timing lines, related-article lists (the
**    header and the short lines under it), share and subscribe prompts,
**    copyright lines; only lines of at most 240 bytes qualify, so a
**    paragraph that mentions "copyright" is never furniture;
**  - lines one outlet repeats: a normalized line found in at least 3 of an
**    outlet's documents and in at least 30% of them (hs_boiler_corpus).
** Cost: linear in the text for the fixed patterns; the repeated-line rule
** hashes every line and sorts the hashes (n log n in lines).
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "hearsay.h"
#include "meta/meta_int.h"
#include "text/text.h"
#include "util/util.h"

/* ------------------------------------------------------------ lines */

typedef struct line {
  uint32_t start, end; /* without the newline and trailing \r */
} line;

static size_t split_lines(const char *t, size_t len, line **out) {
  size_t n = 0, cap = 0, i = 0;
  line *v = NULL;
  while (i < len) {
    const char *nl = memchr(t + i, '\n', len - i);
    size_t j = nl ? (size_t)(nl - t) : len;
    HS_GROW(v, cap, n + 1);
    v[n].start = (uint32_t)i;
    v[n].end = (uint32_t)(j > i && t[j - 1] == '\r' ? j - 1 : j);
    n++;
    i = j + 1;
  }
  *out = v;
  return n;
}

/* Trim spaces (ASCII and NBSP) at both ends of a line. */
static void trim(const char *t, uint32_t *s, uint32_t *e) {
  while (*s < *e && (t[*s] == ' ' || t[*s] == '\t' ||
                     ((unsigned char)t[*s] == 0xC2 && *s + 1 < *e &&
                      (unsigned char)t[*s + 1] == 0xA0)))
    *s += (unsigned char)t[*s] == 0xC2 ? 2 : 1;
  while (*e > *s && (t[*e - 1] == ' ' || t[*e - 1] == '\t')) (*e)--;
}

/* ------------------------------------------------------------ boilerplate */

enum { B_ANY = 0, B_PREFIX = 1, B_LIST = 2, B_PREFIX_LIST = 3 };

/* Fixed boilerplate patterns.  match: B_ANY anywhere in the line, B_PREFIX
** at its start; B_LIST marks a list header: the short lines under it (up
** to 12, until a blank or long line) are furniture too. */
static const struct boiler_row {
  const char *kind;
  const char *text;
  int match;
} boiler_rows[] = {
    /* comment forms */
    {"comments", "leave a reply", B_ANY},
    {"comments", "leave a comment", B_ANY},
    {"comments", "your email address will not be published", B_ANY},
    {"comments", "required fields are marked", B_ANY},
    {"comments", "post a comment", B_ANY},
    {"comments", "comments are closed", B_ANY},
    {"comments", "add new comment", B_ANY},
    {"comments", "أضف تعليقا", B_ANY},
    {"comments", "أضف تعليقاً", B_ANY},
    {"comments", "اترك تعليقا", B_ANY},
    {"comments", "لن يتم نشر عنوان بريدك", B_ANY},
    {"comments", "ارسال نظر", B_ANY},
    {"comments", "نظر خود را بنویسید", B_ANY},
    /* captcha and page timing */
    {"captcha", "captcha", B_ANY},
    {"captcha", "i'm not a robot", B_ANY},
    {"captcha", "enter the code shown", B_ANY},
    {"timing", "page generated in", B_ANY},
    {"timing", "page loaded in", B_ANY},
    {"timing", "queries in ", B_ANY},
    {"timing", "rendered in ", B_PREFIX},
    {"captcha", "کد امنیتی", B_ANY},
    {"captcha", "رمز التحقق", B_ANY},
    /* related lists */
    {"related", "related contents", B_PREFIX_LIST},
    {"related", "related content", B_PREFIX_LIST},
    {"related", "related articles", B_PREFIX_LIST},
    {"related", "related posts", B_PREFIX_LIST},
    {"related", "related stories", B_PREFIX_LIST},
    {"related", "related news", B_PREFIX_LIST},
    {"related", "you may also like", B_PREFIX_LIST},
    {"related", "more from ", B_PREFIX_LIST},
    {"related", "read more:", B_PREFIX},
    {"related", "read also:", B_PREFIX},
    {"related", "اقرأ أيضا", B_PREFIX},
    {"related", "اقرأ أيضاً", B_PREFIX},
    {"related", "اقرأ ايضا", B_PREFIX},
    {"related", "مواضيع ذات صلة", B_PREFIX_LIST},
    {"related", "أخبار ذات صلة", B_PREFIX_LIST},
    {"related", "اخبار ذات صلة", B_PREFIX_LIST},
    {"related", "مطالب مرتبط", B_PREFIX_LIST},
    {"related", "اخبار مرتبط", B_PREFIX_LIST},
    {"related", "بیشتر بخوانید", B_PREFIX},
    /* share and subscribe */
    {"share", "share this", B_PREFIX},
    {"share", "share on facebook", B_ANY},
    {"share", "share on twitter", B_ANY},
    {"share", "click to share", B_ANY},
    {"share", "subscribe to our", B_ANY},
    {"share", "sign up for our newsletter", B_ANY},
    {"share", "follow us on", B_ANY},
    {"share", "شارك هذا", B_ANY},
    {"share", "تابعونا على", B_ANY},
    {"share", "اشترك في", B_PREFIX},
    {"share", "اشترک گذاری", B_ANY},
    {"share", "اشتراک‌گذاری", B_ANY},
    {"share", "ما را در", B_PREFIX},
    /* copyright */
    {"copyright", "©", B_ANY},
    {"copyright", "(c) 19", B_ANY},
    {"copyright", "(c) 20", B_ANY},
    {"copyright", "copyright ", B_PREFIX},
    {"copyright", "all rights reserved", B_ANY},
    {"copyright", "جميع الحقوق محفوظة", B_ANY},
    {"copyright", "كل الحقوق محفوظة", B_ANY},
    {"copyright", "کلیه حقوق", B_ANY},
    {"copyright", "تمامی حقوق", B_ANY},
    {NULL, NULL, 0}};

#define BOILER_MAX_LINE 240
#define LIST_LINE_MAX 160
#define LIST_MAX_LINES 12

/* Search needle (n bytes) in hay (m bytes): memchr for its first byte,
** memcmp for the rest. */
static const char *find_bytes(const char *hay, size_t m, const char *needle,
                              size_t n) {
  const char *p = hay, *end = hay + m;
  if (n == 0 || n > m) return n == 0 ? hay : NULL;
  while ((size_t)(end - p) >= n &&
         (p = memchr(p, (unsigned char)needle[0], (size_t)(end - p) - n + 1))) {
    if ((n < 2 || p[1] == needle[1]) && !memcmp(p, needle, n)) return p;
    p++;
  }
  return NULL;
}

/* The set of byte values in a string, as 256 bits. */
typedef struct byteset {
  uint64_t w[4];
} byteset;

static void byteset_of(byteset *b, const char *p, size_t n) {
  size_t i;
  memset(b, 0, sizeof *b);
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    b->w[c >> 6] |= (uint64_t)1 << (c & 63);
  }
}

/* A pattern, its length and the bytes it needs. */
typedef struct boiler_pat {
  size_t len;
  byteset bytes;
} boiler_pat;

/* The line is lowercased (ASCII) once; a pattern is searched only if every
** byte it holds occurs in the line (four AND operations, which rule out
** most patterns for most lines), then by one memcmp (prefix patterns) or
** one memchr-driven search. */
static int boiler_line(const char *t, uint32_t s, uint32_t e,
                       const boiler_pat *pats) {
  char low[BOILER_MAX_LINE];
  byteset have;
  size_t m, i;
  int k;
  trim(t, &s, &e);
  if (e == s || e - s > BOILER_MAX_LINE) return -1;
  m = e - s;
  for (i = 0; i < m; i++) {
    unsigned char a = (unsigned char)t[s + i];
    low[i] = (char)(a >= 'A' && a <= 'Z' ? a + 32 : a);
  }
  byteset_of(&have, low, m);
  for (k = 0; boiler_rows[k].text; k++) {
    const char *pat = boiler_rows[k].text;
    const byteset *need = &pats[k].bytes;
    size_t n = pats[k].len;
    if ((need->w[0] & ~have.w[0]) | (need->w[1] & ~have.w[1]) |
        (need->w[2] & ~have.w[2]) | (need->w[3] & ~have.w[3]))
      continue;
    if (boiler_rows[k].match & B_PREFIX) {
      if (n <= m && !memcmp(low, pat, n)) return k;
    } else if (find_bytes(low, m, pat, n)) {
      return k;
    }
  }
  return -1;
}

static void push_range(hs_range **v, size_t *n, size_t *cap, uint32_t s,
                       uint32_t e) {
  if (*n && (*v)[*n - 1].end + 1 >= s && (*v)[*n - 1].start <= s) {
    if (e > (*v)[*n - 1].end) (*v)[*n - 1].end = e;
    return;
  }
  HS_GROW(*v, *cap, *n + 1);
  (*v)[*n].start = s;
  (*v)[*n].end = e;
  (*n)++;
}

int hs_boiler_find(const char *text, size_t len, hs_range **out, size_t *n,
                   hs_error *err) {
  line *ln = NULL;
  size_t nl, i, cap = 0;
  boiler_pat pats[sizeof boiler_rows / sizeof boiler_rows[0]];
  (void)err;
  *out = NULL;
  *n = 0;
  if (!text || !len) return HS_OK;
  for (i = 0; boiler_rows[i].text; i++) {
    pats[i].len = strlen(boiler_rows[i].text);
    byteset_of(&pats[i].bytes, boiler_rows[i].text, pats[i].len);
  }
  if (len > UINT32_MAX) len = UINT32_MAX;
  nl = split_lines(text, len, &ln);
  for (i = 0; i < nl; i++) {
    int k = boiler_line(text, ln[i].start, ln[i].end, pats);
    if (k < 0) continue;
    push_range(out, n, &cap, ln[i].start, ln[i].end);
    if (boiler_rows[k].match & B_LIST) {
      size_t j;
      for (j = i + 1; j < nl && j <= i + LIST_MAX_LINES; j++) {
        uint32_t s = ln[j].start, e = ln[j].end;
        trim(text, &s, &e);
        if (s == e || e - s > LIST_LINE_MAX) break;
        push_range(out, n, &cap, ln[j].start, ln[j].end);
      }
      i = j - 1;
    }
  }
  free(ln);
  return HS_OK;
}

/* ------------------------------------------------ repeated lines per outlet */

typedef hs_line_rec lrec;

int hs_line_rec_cmp(const void *x, const void *y) {
  const lrec *a = x, *b = y;
  if (a->series != b->series) return a->series < b->series ? -1 : 1;
  if (a->hash != b->hash) return a->hash < b->hash ? -1 : 1;
  if (a->doc != b->doc) return a->doc < b->doc ? -1 : 1;
  return (a->start > b->start) - (a->start < b->start);
}

static int range_cmp(const void *x, const void *y) {
  const hs_range *a = x, *b = y;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  return (a->end > b->end) - (a->end < b->end);
}

static int u64_cmp(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return (a > b) - (a < b);
}

/* Number of entries equal to v in the sorted array. */
static size_t series_docs(const uint64_t *v, size_t n, uint64_t key) {
  size_t lo = 0, hi = n, first;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (v[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  first = lo;
  hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (v[mid] <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo - first;
}

typedef struct dlist {
  hs_range *r;
  size_t n, cap;
} dlist;

void hs_boiler_free(hs_range_list *lists, size_t n) {
  size_t i;
  if (!lists) return;
  for (i = 0; i < n; i++) free((void *)(uintptr_t)lists[i].r);
  free(lists);
}

/* The line records of documents added so far, for the per-outlet rule.
** Documents may be added from several threads: records are computed
** outside the lock and appended under it. */
struct hs_boiler_lines {
  lrec *rec;
  size_t nrec, cap;
  uint64_t *series;  /* per document: hash of its series, 0 if none */
  size_t nseries;
  pthread_mutex_t lock;
};

hs_boiler_lines *hs_boiler_lines_new(void) {
  hs_boiler_lines *b = hs_calloc(1, sizeof *b);
  pthread_mutex_init(&b->lock, NULL);
  return b;
}

void hs_boiler_lines_free(hs_boiler_lines *b) {
  if (!b) return;
  pthread_mutex_destroy(&b->lock);
  free(b->rec);
  free(b->series);
  free(b);
}

uint64_t hs_line_series(const char *series) {
  if (!series || !*series) return 0;
  return XXH3_64bits(series, strlen(series)) | 1;
}

/* The records of hs_line_records, a line's words taken either from tk
** run on the line alone or, with tk NULL, from toks, the tokens of the
** whole text.  Both give the same words: lines are cut at newlines and
** trimmed of spaces, and those separate tokens, so the tokens of a line
** are exactly the text's tokens that lie inside it. */
static void line_records(hs_tokenizer *tk, const hs_token *toks,
                         size_t ntoks, uint64_t series, const char *text,
                         size_t len, uint32_t doc, hs_line_rec **v,
                         size_t *n, size_t *cap, uint64_t **hv,
                         size_t *hvcap) {
  line *ln = NULL;
  size_t nl, k, t = 0;
  if (!series || !text) return;
  nl = split_lines(text, len > UINT32_MAX ? UINT32_MAX : len, &ln);
  for (k = 0; k < nl; k++) {
    uint32_t s = ln[k].start, e = ln[k].end;
    size_t nt = 0, q;
    trim(text, &s, &e);
    if (s == e || e - s > 2000) continue;
    /* the line's identity: the hashes of its normalized words */
    if (tk) {
      const hs_token *lt = NULL;
      hs_tokenizer_run(tk, text + s, e - s, &lt, &nt, NULL);
      HS_GROW(*hv, *hvcap, nt);
      for (q = 0; q < nt; q++) (*hv)[q] = lt[q].hash;
    } else {
      while (t < ntoks && toks[t].start < s) t++;
      for (q = t; q < ntoks && toks[q].end <= e; q++) {}
      nt = q - t;
      HS_GROW(*hv, *hvcap, nt);
      for (q = 0; q < nt; q++) (*hv)[q] = toks[t + q].hash;
    }
    if (nt == 0) continue;
    HS_GROW(*v, *cap, *n + 1);
    (*v)[*n].series = series;
    (*v)[*n].hash = XXH3_64bits(*hv, nt * sizeof **hv);
    (*v)[*n].doc = doc;
    (*v)[*n].start = ln[k].start;
    (*v)[*n].end = ln[k].end;
    (*n)++;
  }
  free(ln);
}

void hs_line_records(hs_tokenizer *tk, uint64_t series, const char *text,
                     size_t len, uint32_t doc, hs_line_rec **v, size_t *n,
                     size_t *cap, uint64_t **hv, size_t *hvcap) {
  line_records(tk, NULL, 0, series, text, len, doc, v, n, cap, hv, hvcap);
}

void hs_line_records_tokens(const hs_token *toks, size_t ntoks,
                            uint64_t series, const char *text, size_t len,
                            uint32_t doc, hs_line_rec **v, size_t *n,
                            size_t *cap, uint64_t **hv, size_t *hvcap) {
  line_records(NULL, toks, ntoks, series, text, len, doc, v, n, cap, hv,
               hvcap);
}

void hs_boiler_lines_add_tokens(hs_boiler_lines *b, size_t doc,
                                const char *series, const char *text,
                                size_t len, const hs_token *toks,
                                size_t ntoks) {
  lrec *loc = NULL;
  size_t nloc = 0, cap = 0, hvcap = 0;
  uint64_t sh = hs_line_series(series), *hv = NULL;
  hs_tokenizer *tk = NULL;
  if (!text || !sh || doc >= UINT32_MAX) return;
  if (toks) {
    hs_line_records_tokens(toks, ntoks, sh, text, len, (uint32_t)doc, &loc,
                           &nloc, &cap, &hv, &hvcap);
  } else {
    tk = hs_tokenizer_new();
    hs_line_records(tk, sh, text, len, (uint32_t)doc, &loc, &nloc, &cap, &hv,
                    &hvcap);
    hs_tokenizer_free(tk);
  }
  free(hv);
  pthread_mutex_lock(&b->lock);
  if (doc >= b->nseries) {
    size_t n = b->nseries ? b->nseries : 1024;
    while (n <= doc) n *= 2;
    b->series = hs_reallocarray(b->series, n, sizeof *b->series);
    memset(b->series + b->nseries, 0, (n - b->nseries) * sizeof *b->series);
    b->nseries = n;
  }
  b->series[doc] = sh;
  HS_GROW(b->rec, b->cap, b->nrec + nloc);
  if (nloc) memcpy(b->rec + b->nrec, loc, nloc * sizeof *loc);
  b->nrec += nloc;
  pthread_mutex_unlock(&b->lock);
  free(loc);
}

void hs_boiler_lines_add(hs_boiler_lines *b, size_t doc, const char *series,
                         const char *text, size_t len) {
  hs_boiler_lines_add_tokens(b, doc, series, text, len, NULL, 0);
}

/* Sort and merge each document's ranges. */
static hs_range_list *dlists_finish(dlist *dl, size_t nd) {
  hs_range_list *res = hs_calloc(nd + 1, sizeof *res);
  size_t d;
  for (d = 0; d < nd; d++) {
    size_t k, m = 0;
    if (dl[d].n > 1) qsort(dl[d].r, dl[d].n, sizeof *dl[d].r, range_cmp);
    for (k = 0; k < dl[d].n; k++) {
      if (m && dl[d].r[k].start <= dl[d].r[m - 1].end + 1) {
        if (dl[d].r[k].end > dl[d].r[m - 1].end)
          dl[d].r[m - 1].end = dl[d].r[k].end;
      } else {
        dl[d].r[m++] = dl[d].r[k];
      }
    }
    res[d].r = dl[d].r;
    res[d].n = m;
  }
  free(dl);
  return res;
}

/* Add to dl[doc] the lines repeated by an outlet: records sorted by
** (series, hash, doc), counted against the outlet's documents. */
static void repeated_into(hs_boiler_lines *b, size_t nd, dlist *dl) {
  size_t i, j;
  uint64_t *sorted = hs_calloc(nd + 1, sizeof *sorted);
  if (b->nrec) qsort(b->rec, b->nrec, sizeof *b->rec, hs_line_rec_cmp);
  if (b->series)
    memcpy(sorted, b->series, (nd < b->nseries ? nd : b->nseries) *
                                  sizeof *sorted);
  if (nd) qsort(sorted, nd, sizeof *sorted, u64_cmp);
  for (i = 0; i < b->nrec; i = j) {
    size_t ndocs = 0, sdocs, k;
    for (j = i; j < b->nrec && b->rec[j].series == b->rec[i].series &&
                b->rec[j].hash == b->rec[i].hash;
         j++)
      if (j == i || b->rec[j].doc != b->rec[j - 1].doc) ndocs++;
    if (ndocs < 3) continue;
    sdocs = series_docs(sorted, nd, b->rec[i].series);
    if ((double)ndocs < 0.3 * (double)sdocs) continue;
    for (k = i; k < j; k++) {
      dlist *L;
      if (b->rec[k].doc >= nd) continue;
      L = &dl[b->rec[k].doc];
      HS_GROW(L->r, L->cap, L->n + 1);
      L->r[L->n].start = b->rec[k].start;
      L->r[L->n].end = b->rec[k].end;
      L->n++;
    }
  }
  free(sorted);
}

int hs_boiler_lines_repeated(hs_boiler_lines *b, size_t ndocs,
                             hs_range_list **out, hs_error *err) {
  dlist *dl = hs_calloc(ndocs + 1, sizeof *dl);
  (void)err;
  repeated_into(b, ndocs, dl);
  *out = dlists_finish(dl, ndocs);
  return HS_OK;
}

int hs_boiler_corpus(const hs_corpus *c, hs_range_list **out,
                     hs_error *err) {
  size_t nd = hs_corpus_count(c), d;
  dlist *dl = hs_calloc(nd + 1, sizeof *dl);
  hs_boiler_lines *b = hs_boiler_lines_new();
  (void)err;
  for (d = 0; d < nd; d++) {
    const hs_doc *doc = hs_corpus_doc(c, d);
    hs_range *fx = NULL;
    size_t nfx = 0, k;
    if (!doc->text) continue;
    hs_boiler_find(doc->text, doc->len, &fx, &nfx, NULL);
    for (k = 0; k < nfx; k++)
      push_range(&dl[d].r, &dl[d].n, &dl[d].cap, fx[k].start, fx[k].end);
    free(fx);
    hs_boiler_lines_add(b, d, doc->series, doc->text, doc->len);
  }
  repeated_into(b, nd, dl);
  hs_boiler_lines_free(b);
  *out = dlists_finish(dl, nd);
  return HS_OK;
}
