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
**    header and the short lines under it; a bare header line "Read more",
**    "Most Read", «الأكثر قراءة» too), comment headers ("Users Comments",
**    «التعليقات») and the short lines under them, share and subscribe
**    prompts, rows of share-button separators (", , , ,"), copyright
**    lines; only lines of at most 240 bytes qualify, so a
**    paragraph that mentions "copyright" is never furniture;
**  - lines one outlet repeats: a normalized line found in at least 3 of an
**    outlet's documents and in at least 30% of them (hs_boiler_corpus).
** Cost: linear in the text for the fixed patterns; the repeated-line rule
** hashes every line and radix-sorts the line records (linear in lines).
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "hearsay.h"
#include "meta/meta_int.h"
#include "text/text.h"
#include "util/sort.h"
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

enum { B_ANY = 0, B_PREFIX = 1, B_LIST = 2, B_PREFIX_LIST = 3, B_WHOLE = 5,
       B_WHOLE_LIST = 7 };

/* Fixed boilerplate patterns.  match: B_ANY anywhere in the line, B_PREFIX
** at its start, B_WHOLE the whole line (a trailing colon allowed: a bare
** header "Read more", "Comments", «التعليقات» that would be a word of a
** sentence elsewhere); B_LIST marks a list header: the short lines under
** it (up to 12, until a blank or long line) are furniture too. */
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
    /* bare list and comment headers: the whole line */
    {"related", "related", B_WHOLE_LIST},
    {"related", "read more", B_WHOLE_LIST},
    {"related", "read also", B_WHOLE_LIST},
    {"related", "see also", B_WHOLE_LIST},
    {"related", "most read", B_WHOLE_LIST},
    {"related", "most popular", B_WHOLE_LIST},
    {"related", "more stories", B_WHOLE_LIST},
    {"related", "more news", B_WHOLE_LIST},
    {"related", "اقرأ المزيد", B_WHOLE_LIST},
    {"related", "الأكثر قراءة", B_WHOLE_LIST},
    {"related", "الاكثر قراءة", B_WHOLE_LIST},
    {"related", "أخبار متعلقة", B_WHOLE_LIST},
    {"related", "پربازدیدترین", B_WHOLE_LIST},
    {"related", "پربازدیدترین اخبار", B_WHOLE_LIST},
    {"comments", "comments", B_WHOLE_LIST},
    {"comments", "users comments", B_WHOLE_LIST},
    {"comments", "user comments", B_WHOLE_LIST},
    {"comments", "readers' comments", B_WHOLE_LIST},
    {"comments", "التعليقات", B_WHOLE_LIST},
    {"comments", "تعليقات القراء", B_WHOLE_LIST},
    {"comments", "تعليقات", B_WHOLE_LIST},
    {"comments", "نظرات", B_WHOLE_LIST},
    {"comments", "نظرات کاربران", B_WHOLE_LIST},
    {"comments", "دیدگاه کاربران", B_WHOLE_LIST},
    {"comments", "دیدگاه‌ها", B_WHOLE_LIST},
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

/* The patterns indexed for one scan of a line: those beginning with byte
** c are first[0][c] - 1 (matched anywhere) or first[1][c] - 1 (at the
** line's start only), then next[] of it, in table order (0: no more); a
** filter of the patterns' first two bytes (hashed to 4096 bits, exact for
** ASCII letters) rules out most positions of a line with one test. */
enum { NROWS = sizeof boiler_rows / sizeof boiler_rows[0] - 1 };
_Static_assert(NROWS < 255, "pattern numbers must fit the uint8_t lists");
typedef struct boiler_pats {
  uint8_t first[2][256], next[NROWS];
  size_t len[NROWS];
  uint64_t pair[64];
} boiler_pats;

static unsigned pair_bit(unsigned char a, unsigned char b) {
  return ((unsigned)a * 31u + b) & 4095u;
}

static void boiler_pats_init(boiler_pats *bp) {
  int k;
  memset(bp->first, 0, sizeof bp->first);
  memset(bp->pair, 0, sizeof bp->pair);
  for (k = NROWS - 1; k >= 0; k--) { /* prepended: lists in table order */
    const unsigned char *t = (const unsigned char *)boiler_rows[k].text;
    unsigned bit = pair_bit(t[0], t[1]); /* every pattern has 2 bytes */
    uint8_t *head = &bp->first[boiler_rows[k].match & B_PREFIX][t[0]];
    bp->len[k] = strlen(boiler_rows[k].text);
    bp->next[k] = *head;
    *head = (uint8_t)(k + 1);
    bp->pair[bit >> 6] |= (uint64_t)1 << (bit & 63);
  }
}

/* Whether the n bytes at a are those of b, by a loop, not memcmp: the
** fuzz build hooks every memcmp call (one costly callback each), and in
** Arabic-script text a pattern's first two bytes (its first letter) pass
** the filter at most positions of a line. */
static int same_bytes(const unsigned char *a, const char *b, size_t n) {
  size_t j;
  for (j = 0; j < n; j++)
    if (a[j] != (unsigned char)b[j]) return 0;
  return 1;
}

/* The first pattern of list `head` (a first[][] entry) found at low + i
** (m - i bytes left), or -1; only patterns before `best` are tried. */
static int boiler_at(const boiler_pats *bp, int head,
                     const unsigned char *low, size_t i, size_t m,
                     int best) {
  int k;
  for (k = head - 1; k >= 0 && (best < 0 || k < best); k = bp->next[k] - 1) {
    const char *pat = boiler_rows[k].text;
    if (bp->len[k] <= m - i && (unsigned char)pat[1] == low[i + 1] &&
        same_bytes(low + i + 2, pat + 2, bp->len[k] - 2) &&
        ((boiler_rows[k].match & B_WHOLE) != B_WHOLE ||
         bp->len[k] == m - i ||
         (bp->len[k] + 1 == m - i && low[m - 1] == ':')))
      return k;
  }
  return -1;
}

/* The first pattern (in table order) the line holds, or -1.  The line is
** lowercased (ASCII) once and scanned once: at each position whose two
** bytes pass the filter, the patterns beginning there are compared (the
** prefix patterns at the line's start only). */
static int boiler_line(const char *t, uint32_t s, uint32_t e,
                       const boiler_pats *bp) {
  unsigned char low[BOILER_MAX_LINE + 1];
  size_t m, i;
  int best = -1, k;
  trim(t, &s, &e);
  if (e == s || e - s > BOILER_MAX_LINE) return -1;
  m = e - s;
  for (i = 0; i < m; i++) {
    unsigned char a = (unsigned char)t[s + i];
    low[i] = (unsigned char)(a >= 'A' && a <= 'Z' ? a + 32 : a);
  }
  low[m] = 0;
  if (m >= 2) best = boiler_at(bp, bp->first[1][low[0]], low, 0, m, best);
  for (i = 0; i + 1 < m; i++) {
    unsigned bit = pair_bit(low[i], low[i + 1]);
    if (!(bp->pair[bit >> 6] >> (bit & 63) & 1)) continue;
    k = boiler_at(bp, bp->first[0][low[i]], low, i, m, best);
    if (k >= 0) best = k;
  }
  return best;
}

/* A row of share-button separators: two or more of , | · • / and
** spaces only, no word (", , , , ,", "| | |"). */
static int separator_row(const char *t, uint32_t s, uint32_t e) {
  int seps = 0;
  trim(t, &s, &e);
  while (s < e) {
    unsigned char c = (unsigned char)t[s];
    if (c == ',' || c == '|' || c == '/' || c == ';') {
      seps++;
      s++;
    } else if (c == ' ' || c == '\t') {
      s++;
    } else if (c == 0xC2 && s + 1 < e && (unsigned char)t[s + 1] == 0xB7) {
      seps++; /* · */
      s += 2;
    } else if (c == 0xE2 && s + 2 < e && (unsigned char)t[s + 1] == 0x80 &&
               (unsigned char)t[s + 2] == 0xA2) {
      seps++; /* • */
      s += 3;
    } else if (c == 0xD8 && s + 1 < e && (unsigned char)t[s + 1] == 0x8C) {
      seps++; /* ، */
      s += 2;
    } else {
      return 0;
    }
  }
  return seps >= 2;
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
  boiler_pats pats;
  (void)err;
  *out = NULL;
  *n = 0;
  if (!text || !len) return HS_OK;
  boiler_pats_init(&pats);
  if (len > UINT32_MAX) len = UINT32_MAX;
  nl = split_lines(text, len, &ln);
  for (i = 0; i < nl; i++) {
    int k = boiler_line(text, ln[i].start, ln[i].end, &pats);
    if (k < 0) {
      if (separator_row(text, ln[i].start, ln[i].end))
        push_range(out, n, &cap, ln[i].start, ln[i].end);
      continue;
    }
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

/* Radix keys of line records, in hs_line_rec_cmp's order: round 0 the
** series (its place among the outlets' hashes, distinct[0..ndistinct),
** so that a few hundred outlets take a few bits) and the top bits of the
** line hash, kept to the kbits the record count needs; round 1 (doc,
** start) packed.  Records that tie on round 0 (the same line hash's top
** bits) are put in order by the comparator; round 1 has already ordered
** those of one line, so that costs a comparison each. */
typedef struct lrec_keys {
  const uint64_t *distinct;
  size_t ndistinct;
  int cbits, kbits;
  hs_sort_pack pk;
} lrec_keys;

static uint64_t lrec_key(const void *e, int round, const void *ctx) {
  const lrec *r = e;
  const lrec_keys *k = ctx;
  uint64_t code, key;
  size_t lo = 0, hi = k->ndistinct;
  if (round == 1)
    return (uint64_t)r->doc << k->pk.shift[0] |
           (k->pk.nf > 1 ? (uint64_t)r->start << k->pk.shift[1] : 0);
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (k->distinct[mid] < r->series) lo = mid + 1;
    else hi = mid;
  }
  /* 2*i for the i-th outlet hash, odd between two of them. */
  code = 2 * (uint64_t)lo +
         (lo == k->ndistinct || k->distinct[lo] != r->series);
  key = k->cbits ? code << (64 - k->cbits) | r->hash >> k->cbits : r->hash;
  return k->kbits < 64 ? key >> (64 - k->kbits) : key;
}

/* Sort b's records by (series, hash, doc, start); sorted[0..nd) holds
** the series hash of every document, sorted. */
static void sort_lines(hs_boiler_lines *b, const uint64_t *sorted,
                       size_t nd) {
  lrec_keys k;
  uint64_t *distinct = hs_calloc(nd + 1, sizeof *distinct), max[2] = {0, 0};
  size_t i, nu = 0;
  for (i = 0; i < nd; i++)
    if (!nu || sorted[i] != distinct[nu - 1]) distinct[nu++] = sorted[i];
  for (i = 0; i < b->nrec; i++) {
    if (b->rec[i].doc > max[0]) max[0] = b->rec[i].doc;
    if (b->rec[i].start > max[1]) max[1] = b->rec[i].start;
  }
  k.distinct = distinct;
  k.ndistinct = nu;
  k.cbits = hs_sort_bits(2 * (uint64_t)nu + 1);
  /* Enough bits that records rarely share a key, in whole digits. */
  k.kbits = (k.cbits + hs_sort_bits(b->nrec) + 4 + 10) / 11 * 11;
  if (k.kbits > 64) k.kbits = 64;
  hs_sort_pack_init(&k.pk, max, 2);
  hs_sort_keyed(b->rec, b->nrec, sizeof *b->rec, 2, lrec_key, &k,
                hs_line_rec_cmp);
  free(distinct);
}

/* Add to dl[doc] the lines repeated by an outlet: records sorted by
** (series, hash, doc), counted against the outlet's documents. */
static void repeated_into(hs_boiler_lines *b, size_t nd, dlist *dl) {
  size_t i, j;
  uint64_t *sorted = hs_calloc(nd + 1, sizeof *sorted);
  if (b->series)
    memcpy(sorted, b->series, (nd < b->nseries ? nd : b->nseries) *
                                  sizeof *sorted);
  hs_sort_u64(sorted, nd);
  sort_lines(b, sorted, nd);
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
