/*
** test_align.c — the reuse engine on small corpora built in memory:
** verbatim and lightly edited copies with exact byte offsets, swapped
** paragraphs, repeats inside one document, the document-frequency cap,
** a story reprinted twenty times, determinism across thread counts, the
** incremental engine against a full run, unrelated texts, and Arabic.
**
** Planted passages are surrounded by filler: pseudo-random made-up words,
** different in every document, so that a passage cannot grow past the
** planted text and the expected byte offsets are exact.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "hearsay.h"

/* ------------------------------------------------------------ texts */

/* 60 words. */
static const char STORY[] =
    "The river authority said on Tuesday that the new bridge would open to "
    "traffic in early spring after engineers finished testing the steel "
    "cables and the concrete deck which had been damaged by floods last "
    "year while the mayor promised that tolls would stay low for local "
    "drivers and that buses would cross for free during the first six "
    "months";

/* About 80 words, and the same with three small edits. */
static const char SHARED[] =
    "Earlier that month, the Syrian government had sent a message to the "
    "United Nations asking for help with the reconstruction of schools and "
    "hospitals in the north of the country, where fighting had destroyed "
    "most public buildings. Officials in Damascus said the request covered "
    "water pipes, power lines and roads, and that work could begin as soon "
    "as funds arrived. Diplomats in New York described the letter as "
    "unusually detailed and said the council would discuss it at its next "
    "meeting before the end of the summer";
static const char EDITED[] =
    "Earlier this week, the Syrian government sent a message to the "
    "United Nations asking for help with the reconstruction of schools and "
    "hospitals in the north of the country, where fighting had destroyed "
    "most public buildings. Officials in Damascus said the request included "
    "water pipes, power lines and roads, and that work could begin as soon "
    "as funds arrived. Diplomats in New York described the letter as "
    "remarkably detailed and said the council would discuss it at its next "
    "meeting before the end of the summer";

/* Two paragraphs of 40+ words. */
static const char PARA1[] =
    "Farmers in the valley have started planting wheat two weeks earlier "
    "than usual because the winter was mild and the soil dried quickly, "
    "according to the regional agriculture office, which expects a larger "
    "harvest if the rains come at the right time in April and May this year";
static const char PARA2[] =
    "The central bank kept its main interest rate unchanged on Thursday, "
    "saying inflation had slowed for a third month in a row but remained "
    "above its target, and the governor told reporters that any cut would "
    "depend on wage growth and energy prices over the coming quarter";

/* 14 words. */
static const char HEADLINE[] =
    "Storm closes harbor for three days as ferries stay docked and fishermen "
    "wait ashore";

static const char STOCK[] = "said in a statement on Monday";

/* 30 words. */
static const char BOILER[] =
    "This article is published under a license that allows free reuse by "
    "member newspapers provided that the original source is credited and the "
    "text is not changed in any way";

/* Arabic, about 40 words, and a lightly edited copy (spelling variants of
** alef and ta marbuta, tatweel, one changed word, one dropped word). */
static const char ARABIC[] =
    "أعلنت وزارة الصحة في العاصمة يوم الأحد عن افتتاح مستشفى جديد في "
    "المدينة الشمالية يضم مئتي سرير وقسما خاصا لعلاج الأطفال وقال الوزير "
    "إن المستشفى سيخدم أكثر من نصف مليون نسمة في المنطقة وإن العمل فيه "
    "سيبدأ بعد أسبوعين من الآن بعد وصول المعدات الطبية الحديثة من الخارج "
    "وتدريب الطواقم";
static const char ARABIC_EDITED[] =
    "اعلنت وزارة الصحه في العاصمة يوم الاحد عن افتتاح مستشفى جديد في "
    "المدينة الشمالية يضم مئتي سرير وقسما خاصا لعلاج الاطفال وصرح الوزير "
    "ان المستشفى سيخدم اكثر من نصف مليون نسمة في المنطقـة وان العمل "
    "سيبدأ بعد أسبوعين من الآن بعد وصول المعدات الطبية الحديثة من الخارج "
    "وتدريب الطواقم";

/* ------------------------------------------------------------ filler */

typedef struct buf {
  char *p;
  size_t len, cap;
} buf;

static void put(buf *b, const char *s) {
  size_t n = strlen(s);
  if (b->len + n + 1 > b->cap) {
    b->cap = (b->len + n + 1) * 2;
    b->p = realloc(b->p, b->cap);
    assert_non_null(b->p);
  }
  memcpy(b->p + b->len, s, n + 1);
  b->len += n;
}

static uint64_t next_rand(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

/* `words` made-up words (ending with a space), from a seed.  Words are
** long enough (4 to 6 syllables) that two documents practically never
** share one next to a planted passage. */
static void filler(buf *b, uint64_t seed, int words) {
  static const char cons[] = "bdfgklmnprstvz", vow[] = "aeiou";
  uint64_t s = seed * 0x9E3779B97F4A7C15ull + 0x1234567ull;
  int w, k;
  for (w = 0; w < words; w++) {
    char word[16];
    int syl = 4 + (int)(next_rand(&s) % 3), n = 0;
    for (k = 0; k < syl; k++) {
      word[n++] = cons[next_rand(&s) % (sizeof cons - 1)];
      word[n++] = vow[next_rand(&s) % (sizeof vow - 1)];
    }
    word[n++] = ' ';
    word[n] = '\0';
    put(b, word);
  }
}

/* A document: filler, then for each part (NULL-terminated) the part and
** more filler.  Records where each part starts in *at (if non-NULL). */
static void make_doc(buf *b, uint64_t seed, int fill, const char *const *parts,
                     size_t *at) {
  size_t i;
  b->len = 0;
  put(b, "");
  filler(b, seed * 1000, fill);
  for (i = 0; parts[i]; i++) {
    if (at) at[i] = b->len;
    put(b, parts[i]);
    put(b, ". ");
    filler(b, seed * 1000 + i + 1, fill);
  }
}

static void add(hs_corpus *c, const char *id, const char *text) {
  hs_error err;
  hs_error_clear(&err);
  assert_int_equal(hs_corpus_add(c, id, text, strlen(text), NULL, NULL, NULL,
                                 NULL, NULL, NULL, 0, &err),
                   HS_OK);
}

static void add_doc(hs_corpus *c, uint64_t seed, int fill,
                    const char *const *parts, size_t *at) {
  buf b = {0};
  char id[32];
  make_doc(&b, seed, fill, parts, at);
  snprintf(id, sizeof id, "doc%zu", hs_corpus_count(c));
  add(c, id, b.p);
  free(b.p);
}

static hs_passage *find(const hs_corpus *c, const hs_reuse_opts *o,
                        size_t *n) {
  hs_passage *p = NULL;
  hs_error err;
  hs_error_clear(&err);
  if (hs_reuse_find(c, o, &p, n, &err) != HS_OK)
    fail_msg("hs_reuse_find: %s", err.msg);
  return p;
}

static hs_reuse_opts defaults(void) {
  hs_reuse_opts o;
  hs_reuse_opts_default(&o);
  return o;
}

static void check_span(const hs_corpus *c, const hs_span *s) {
  const hs_doc *d = hs_corpus_doc(c, s->doc);
  assert_non_null(d);
  assert_true(s->start < s->end);
  assert_true(s->end <= d->len);
}

static void check_all(const hs_corpus *c, const hs_passage *p, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) {
    check_span(c, &p[i].a);
    check_span(c, &p[i].b);
    assert_true(p[i].a.doc < p[i].b.doc ||
                (p[i].a.doc == p[i].b.doc && p[i].a.end <= p[i].b.start));
    assert_int_equal(p[i].internal, p[i].a.doc == p[i].b.doc);
    assert_true(p[i].similarity >= 0.0 && p[i].similarity <= 1.0);
  }
}

/* ------------------------------------------------------------ cases */

/* (a) a verbatim copy: exact offsets in both documents. */
static void test_verbatim(void **state) {
  hs_corpus *c = hs_corpus_new();
  hs_reuse_opts o = defaults();
  const char *parts[] = {STORY, NULL};
  size_t at0, at1, n;
  hs_passage *p;
  (void)state;
  add_doc(c, 1, 40, parts, &at0);
  add_doc(c, 2, 55, parts, &at1);
  p = find(c, &o, &n);
  check_all(c, p, n);
  assert_int_equal(n, 1);
  assert_int_equal(p[0].a.doc, 0);
  assert_int_equal(p[0].b.doc, 1);
  assert_int_equal(p[0].a.start, at0);
  assert_int_equal(p[0].a.end, at0 + strlen(STORY));
  assert_int_equal(p[0].b.start, at1);
  assert_int_equal(p[0].b.end, at1 + strlen(STORY));
  assert_int_equal(p[0].a.words, 60);
  assert_int_equal(p[0].b.words, 60);
  assert_int_equal(p[0].words, 60);
  assert_true(p[0].similarity == 1.0);
  assert_int_equal(p[0].internal, 0);
  assert_int_equal(p[0].family, 0);
  assert_memory_equal(hs_corpus_doc(c, 0)->text + p[0].a.start, STORY,
                      strlen(STORY));
  assert_memory_equal(hs_corpus_doc(c, 1)->text + p[0].b.start, STORY,
                      strlen(STORY));
  free(p);
  hs_corpus_free(c);
}

/* (b) a lightly edited copy is one passage, similar but not identical. */
static void test_edited(void **state) {
  hs_corpus *c = hs_corpus_new();
  hs_reuse_opts o = defaults();
  const char *pa[] = {SHARED, NULL}, *pb[] = {EDITED, NULL};
  size_t at0, at1, n;
  hs_passage *p;
  (void)state;
  add_doc(c, 3, 50, pa, &at0);
  add_doc(c, 4, 50, pb, &at1);
  p = find(c, &o, &n);
  check_all(c, p, n);
  assert_int_equal(n, 1);
  assert_true(p[0].similarity >= 0.85);
  assert_true(p[0].similarity < 1.0);
  /* The first edit is one word in: the passage may start after it. */
  assert_true(p[0].a.start >= at0);
  assert_true(p[0].a.start <= at0 + strlen("Earlier that month, "));
  assert_int_equal(p[0].a.end, at0 + strlen(SHARED));
  assert_true(p[0].b.start >= at1);
  assert_true(p[0].b.start <= at1 + strlen("Earlier this week, "));
  assert_int_equal(p[0].b.end, at1 + strlen(EDITED));
  assert_true(p[0].a.words >= 70 && p[0].b.words >= 70);
  free(p);
  /* Still one passage when the edits are bridged with a smaller gap. */
  o.max_gap = 8;
  p = find(c, &o, &n);
  check_all(c, p, n);
  assert_int_equal(n, 1);
  free(p);
  hs_corpus_free(c);
}

/* (c) two paragraphs copied in swapped order: two passages, two families. */
static void test_swapped(void **state) {
  hs_corpus *c = hs_corpus_new();
  hs_reuse_opts o = defaults();
  const char *pa[] = {PARA1, PARA2, NULL}, *pb[] = {PARA2, PARA1, NULL};
  size_t at0[2], at1[2], n;
  hs_passage *p;
  (void)state;
  add_doc(c, 5, 30, pa, at0);
  add_doc(c, 6, 30, pb, at1);
  p = find(c, &o, &n);
  check_all(c, p, n);
  assert_int_equal(n, 2);
  assert_int_not_equal(p[0].family, p[1].family);
  /* Sorted by a.start: PARA1 first in doc 0, found in doc 1 second. */
  assert_int_equal(p[0].a.start, at0[0]);
  assert_int_equal(p[0].a.end, at0[0] + strlen(PARA1));
  assert_int_equal(p[0].b.start, at1[1]);
  assert_int_equal(p[0].b.end, at1[1] + strlen(PARA1));
  assert_int_equal(p[1].a.start, at0[1]);
  assert_int_equal(p[1].a.end, at0[1] + strlen(PARA2));
  assert_int_equal(p[1].b.start, at1[0]);
  assert_int_equal(p[1].b.end, at1[0] + strlen(PARA2));
  free(p);
  hs_corpus_free(c);
}

/* (d) a headline repeated inside one document. */
static void test_internal(void **state) {
  hs_corpus *c = hs_corpus_new();
  hs_reuse_opts o = defaults();
  const char *parts[] = {HEADLINE, HEADLINE, NULL};
  size_t at[2], n;
  hs_passage *p;
  (void)state;
  add_doc(c, 7, 60, parts, at);
  p = find(c, &o, &n);
  check_all(c, p, n);
  assert_int_equal(n, 1);
  assert_int_equal(p[0].internal, 1);
  assert_int_equal(p[0].a.doc, 0);
  assert_int_equal(p[0].b.doc, 0);
  assert_int_equal(p[0].a.start, at[0]);
  assert_int_equal(p[0].a.end, at[0] + strlen(HEADLINE));
  assert_int_equal(p[0].b.start, at[1]);
  assert_int_equal(p[0].b.end, at[1] + strlen(HEADLINE));
  free(p);
  o.internal = 0;
  p = find(c, &o, &n);
  assert_int_equal(n, 0);
  free(p);
  hs_corpus_free(c);
}

/* (e) the document-frequency cap. */
static void test_df_cap(void **state) {
  hs_corpus *stock = hs_corpus_new(), *boiler = hs_corpus_new();
  hs_reuse_opts o = defaults();
  const char *ps[] = {STOCK, NULL}, *pb[] = {BOILER, NULL};
  size_t i, n;
  hs_passage *p;
  (void)state;
  for (i = 0; i < 150; i++) {
    add_doc(stock, 100 + i, 20, ps, NULL);
    add_doc(boiler, 400 + i, 20, pb, NULL);
  }
  o.threads = 2;
  p = find(stock, &o, &n);
  assert_int_equal(n, 0);
  free(p);
  o.df_cap = 200;
  p = find(stock, &o, &n);
  assert_int_equal(n, 0);
  free(p);

  o.df_cap = 100;
  p = find(boiler, &o, &n);
  assert_int_equal(n, 0);
  free(p);
  o.df_cap = 200;
  p = find(boiler, &o, &n);
  check_all(boiler, p, n);
  assert_int_equal(n, 150 * 149 / 2);
  for (i = 0; i < n; i++) {
    assert_int_equal(p[i].a.words, 30);
    assert_int_equal(p[i].family, 0);
  }
  free(p);
  hs_corpus_free(stock);
  hs_corpus_free(boiler);
}

/* The cap holds when two of the documents also share the word after the
** capped paragraph: that one shingle under the cap must not be widened
** over the whole paragraph. */
static void test_df_cap_shared_neighbour(void **state) {
  static const char *para =
      "This article is published under a license that allows free reuse "
      "by member newspapers provided that the original source is credited "
      "and the text is not changed in any way";
  hs_corpus *c = hs_corpus_new();
  hs_reuse_opts o = defaults();
  hs_passage *p;
  size_t i, n;
  char doc[512], id[16];
  (void)state;
  for (i = 0; i < 150; i++) {
    char *q;
    snprintf(doc, sizeof doc, "Intro%zu words%zu here%zu. %s %s tail%zu end%zu",
             i, i, i, para, i < 2 ? "Reuters" : "Other", i, i);
    for (q = doc; *q; q++)
      if (*q >= '0' && *q <= '9') *q = (char)('a' + (*q - '0'));
    snprintf(id, sizeof id, "d%zu", i);
    assert_int_equal(hs_corpus_add(c, id, doc, strlen(doc), NULL, NULL, NULL,
                                   NULL, NULL, NULL, 0, NULL), HS_OK);
  }
  p = find(c, &o, &n);
  assert_int_equal(n, 0);
  free(p);
  hs_corpus_free(c);
}

/* (f) a story reprinted twenty times: every pair, one family. */
static void test_reprint(void **state) {
  hs_corpus *c = hs_corpus_new();
  hs_reuse_opts o = defaults();
  const char *parts[] = {STORY, NULL};
  size_t i, n;
  hs_passage *p;
  (void)state;
  for (i = 0; i < 20; i++) add_doc(c, 700 + i, 25 + (int)i, parts, NULL);
  p = find(c, &o, &n);
  check_all(c, p, n);
  assert_int_equal(n, 190);
  for (i = 0; i < n; i++) {
    assert_int_equal(p[i].family, 0);
    assert_int_equal(p[i].words, 60);
  }
  free(p);
  hs_corpus_free(c);
}

/* A corpus with a bit of everything, for the comparisons below. */
static hs_corpus *mixed_corpus(void) {
  hs_corpus *c = hs_corpus_new();
  const char *d0[] = {STORY, PARA1, NULL}, *d1[] = {SHARED, HEADLINE, NULL},
             *d2[] = {PARA2, STORY, NULL}, *d3[] = {EDITED, PARA1, NULL},
             *d4[] = {HEADLINE, HEADLINE, NULL}, *d5[] = {STORY, NULL},
             *d6[] = {PARA2, PARA1, SHARED, NULL}, *d7[] = {ARABIC, NULL},
             *d8[] = {ARABIC_EDITED, STORY, NULL}, *d9[] = {BOILER, NULL};
  const char *const *docs[] = {d0, d1, d2, d3, d4, d5, d6, d7, d8, d9};
  size_t i;
  for (i = 0; i < sizeof docs / sizeof docs[0]; i++)
    add_doc(c, 900 + i, 20, docs[i], NULL);
  return c;
}

static int same_passage(const hs_passage *x, const hs_passage *y,
                        int family) {
  return x->a.doc == y->a.doc && x->a.start == y->a.start &&
         x->a.end == y->a.end && x->a.words == y->a.words &&
         x->b.doc == y->b.doc && x->b.start == y->b.start &&
         x->b.end == y->b.end && x->b.words == y->b.words &&
         x->words == y->words && x->similarity == y->similarity &&
         x->internal == y->internal && (!family || x->family == y->family);
}

static int cmp_passage(const void *pa, const void *pb) {
  const hs_passage *x = pa, *y = pb;
#define CMP(f) if (x->f != y->f) return x->f < y->f ? -1 : 1
  CMP(a.doc); CMP(a.start); CMP(b.doc); CMP(b.start);
  CMP(a.end); CMP(b.end); CMP(words);
#undef CMP
  return 0;
}

/* (g) the result does not depend on the number of threads. */
static void test_threads(void **state) {
  hs_corpus *c = mixed_corpus();
  hs_reuse_opts o = defaults();
  size_t n1, n2, n4, i;
  hs_passage *p1, *p2, *p4;
  (void)state;
  o.threads = 1;
  p1 = find(c, &o, &n1);
  o.threads = 2;
  p2 = find(c, &o, &n2);
  o.threads = 4;
  p4 = find(c, &o, &n4);
  check_all(c, p1, n1);
  assert_true(n1 >= 10);
  assert_int_equal(n1, n2);
  assert_int_equal(n1, n4);
  for (i = 0; i < n1; i++) {
    assert_true(same_passage(&p1[i], &p2[i], 1));
    assert_true(same_passage(&p1[i], &p4[i], 1));
  }
  free(p1);
  free(p2);
  free(p4);
  hs_corpus_free(c);
}

/* (h) the incremental engine gives the passages of a full run that
** involve a new document. */
static void check_incremental(const hs_corpus *c, size_t k,
                              const hs_passage *full, size_t nfull) {
  hs_engine *e = NULL;
  hs_reuse_opts o = defaults();
  hs_error err;
  hs_passage *p = NULL, *want;
  size_t n, nwant = 0, i, total = hs_corpus_count(c);
  hs_error_clear(&err);
  o.threads = 2;
  assert_int_equal(hs_engine_new(&e, &o, &err), HS_OK);
  assert_int_equal(hs_engine_add(e, c, 0, k, &err), HS_OK);
  assert_int_equal(hs_engine_add(e, c, k, total - k, &err), HS_OK);
  assert_int_equal(hs_engine_count(e), total);
  for (i = 0; i < total; i++)
    assert_int_equal(hs_engine_doc_words(e, i),
                     hs_count_words(hs_corpus_doc(c, i)->text,
                                    hs_corpus_doc(c, i)->len));
  assert_int_equal(hs_engine_run(e, k, &p, &n, &err), HS_OK);
  want = malloc((nfull ? nfull : 1) * sizeof *want);
  assert_non_null(want);
  for (i = 0; i < nfull; i++)
    if (full[i].a.doc >= k || full[i].b.doc >= k) want[nwant++] = full[i];
  if (n) qsort(p, n, sizeof *p, cmp_passage);
  if (nwant) qsort(want, nwant, sizeof *want, cmp_passage);
  if (n != nwant) fail_msg("first_new %zu: %zu passages, expected %zu", k, n,
                           nwant);
  for (i = 0; i < n; i++)
    if (!same_passage(&p[i], &want[i], 0))
      fail_msg("first_new %zu: passage %zu differs", k, i);
  free(p);
  free(want);
  hs_engine_free(e);
}

static void test_incremental(void **state) {
  hs_corpus *c = mixed_corpus();
  hs_reuse_opts o = defaults();
  size_t n, k;
  hs_passage *full;
  (void)state;
  full = find(c, &o, &n);
  assert_true(n >= 10);
  for (k = 0; k <= hs_corpus_count(c); k++) check_incremental(c, k, full, n);
  free(full);
  hs_corpus_free(c);
}

/* The engine refuses documents out of order. */
static void test_engine_order(void **state) {
  hs_corpus *c = mixed_corpus();
  hs_engine *e = NULL;
  hs_error err;
  (void)state;
  hs_error_clear(&err);
  assert_int_equal(hs_engine_new(&e, NULL, &err), HS_OK);
  assert_int_equal(hs_engine_add(e, c, 1, 2, &err), HS_EUSAGE);
  assert_int_equal(hs_engine_add(e, c, 0, 99, &err), HS_EUSAGE);
  assert_int_equal(hs_engine_count(e), 0);
  hs_engine_free(e);
  hs_corpus_free(c);
}

/* (i) unrelated texts share nothing. */
static void test_unrelated(void **state) {
  hs_corpus *c = hs_corpus_new();
  hs_reuse_opts o = defaults();
  const char *pa[] = {PARA1, NULL}, *pb[] = {PARA2, NULL},
             *pc[] = {STORY, NULL};
  size_t n;
  hs_passage *p;
  (void)state;
  add_doc(c, 11, 40, pa, NULL);
  add_doc(c, 12, 40, pb, NULL);
  add_doc(c, 13, 40, pc, NULL);
  add(c, "empty", "");
  add(c, "punct", " ... --- !!! ");
  p = find(c, &o, &n);
  assert_int_equal(n, 0);
  free(p);
  o.ngram = 3;
  o.min_words = 4;
  p = find(c, &o, &n);
  assert_int_equal(n, 0);
  free(p);
  hs_corpus_free(c);
}

/* (j) a lightly edited Arabic copy. */
static void test_arabic(void **state) {
  hs_corpus *c = hs_corpus_new();
  hs_reuse_opts o = defaults();
  const char *pa[] = {ARABIC, NULL}, *pb[] = {ARABIC_EDITED, NULL};
  size_t at0, at1, n;
  hs_passage *p;
  (void)state;
  add_doc(c, 21, 30, pa, &at0);
  add_doc(c, 22, 30, pb, &at1);
  p = find(c, &o, &n);
  check_all(c, p, n);
  assert_int_equal(n, 1);
  assert_true(p[0].similarity >= 0.85 && p[0].similarity < 1.0);
  assert_int_equal(p[0].a.start, at0);
  assert_int_equal(p[0].a.end, at0 + strlen(ARABIC));
  assert_int_equal(p[0].b.start, at1);
  assert_int_equal(p[0].b.end, at1 + strlen(ARABIC_EDITED));
  free(p);
  hs_corpus_free(c);
}

/* Invalid options are refused with HS_EUSAGE. */
static void test_bad_opts(void **state) {
  hs_corpus *c = hs_corpus_new();
  hs_reuse_opts o;
  hs_passage *p = NULL;
  hs_error err;
  size_t n = 0;
  (void)state;
  add(c, "a", "one two three");
  o = defaults();
  o.ngram = 0;
  assert_int_equal(hs_reuse_find(c, &o, &p, &n, &err), HS_EUSAGE);
  o = defaults();
  o.df_cap = 1;
  assert_int_equal(hs_reuse_find(c, &o, &p, &n, &err), HS_EUSAGE);
  o = defaults();
  o.min_similarity = 1.5;
  assert_int_equal(hs_reuse_find(c, &o, &p, &n, &err), HS_EUSAGE);
  hs_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_verbatim),    cmocka_unit_test(test_edited),
      cmocka_unit_test(test_swapped),     cmocka_unit_test(test_internal),
      cmocka_unit_test(test_df_cap),
      cmocka_unit_test(test_df_cap_shared_neighbour),      cmocka_unit_test(test_reprint),
      cmocka_unit_test(test_threads),     cmocka_unit_test(test_incremental),
      cmocka_unit_test(test_engine_order), cmocka_unit_test(test_unrelated),
      cmocka_unit_test(test_arabic),      cmocka_unit_test(test_bad_opts),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
