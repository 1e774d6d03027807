/*
** test_spill.c — the out-of-core index gives exactly the in-memory one's
** results: the same seeds for every pair (hash join against the candidate
** index), and the same passages from the engine under a tiny memory
** budget, with masks applied after spilling, a shingle list capped from
** outside, an incremental run and two threads.
**
** The corpus is generated: documents of made-up words that copy, edit and
** repeat runs of earlier documents, and a stock phrase in more documents
** than the df cap.
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
#include "index/index.h"
#include "index/spill.h"

enum { NDOCS = 320, NWORDS = 2500 };

static uint64_t rng_state;

static uint32_t rnd(uint32_t n) {
  rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
  return (uint32_t)(rng_state >> 33) % n;
}

static void word(char *buf, uint32_t w) {
  static const char *syl[] = {"ka", "lo", "mi", "ren", "to", "sa", "vu",
                              "del", "ori", "pan", "que", "zi"};
  int k = 0;
  size_t len = 0;
  do {
    size_t sl = strlen(syl[w % 12]);
    memcpy(buf + len, syl[w % 12], sl); /* at most 4 syllables of 3 bytes */
    len += sl;
    w /= 12;
  } while (w && ++k < 4);
  buf[len] = '\0';
}

/* Word lists of the documents, then their texts. */
static uint32_t *doc_words[NDOCS];
static size_t doc_nwords[NDOCS];

static void make_corpus(hs_corpus *c) {
  static const uint32_t stock[] = {7, 8, 9, 10, 11, 12, 13};
  size_t d, i;
  rng_state = 42;
  for (d = 0; d < NDOCS; d++) {
    size_t n = 150 + rnd(250), len = 0;
    uint32_t *w = calloc(n + 64, sizeof *w);
    char *text, id[32];
    size_t cap = (n + 64) * 14;
    i = 0;
    while (i < n) {
      uint32_t what = rnd(10);
      if (d > 0 && what < 3) { /* copy a run of an earlier document */
        size_t src = rnd((uint32_t)d), from, run, k;
        from = rnd((uint32_t)doc_nwords[src]);
        run = 15 + rnd(40);
        for (k = 0; k < run && from + k < doc_nwords[src] && i < n; k++) {
          uint32_t x = doc_words[src][from + k];
          if (rnd(30) == 0) x = rnd(NWORDS); /* light edits */
          w[i++] = x;
        }
      } else if (what == 3 && i > 40) { /* repeat inside the document */
        size_t from = rnd((uint32_t)(i - 30)), k;
        for (k = 0; k < 20 && i < n; k++) w[i++] = w[from + k];
      } else if (what == 4) { /* the stock phrase */
        size_t k;
        for (k = 0; k < 7 && i < n; k++) w[i++] = stock[k];
      } else {
        size_t k;
        for (k = 0; k < 10 && i < n; k++) w[i++] = 100 + rnd(NWORDS);
      }
    }
    doc_words[d] = w;
    doc_nwords[d] = n;
    text = malloc(cap);
    for (i = 0; i < n; i++) {
      char buf[16];
      word(buf, w[i]);
      len += (size_t)snprintf(text + len, cap - len, "%s%s", i ? " " : "",
                              buf);
    }
    snprintf(id, sizeof id, "d%03zu", d);
    assert_int_equal(hs_corpus_add(c, id, text, len, NULL, NULL, NULL, NULL,
                                   NULL, NULL, 0, NULL),
                     HS_OK);
    free(text);
  }
}

static void free_corpus(void) {
  size_t d;
  for (d = 0; d < NDOCS; d++) free(doc_words[d]);
}

static int same_passages(const hs_passage *p, size_t n, const hs_passage *q,
                         size_t m) {
  size_t i;
  if (n != m) return 0;
  for (i = 0; i < n; i++)
    if (p[i].a.doc != q[i].a.doc || p[i].a.start != q[i].a.start ||
        p[i].a.end != q[i].a.end || p[i].b.doc != q[i].b.doc ||
        p[i].b.start != q[i].b.start || p[i].b.end != q[i].b.end ||
        p[i].words != q[i].words || p[i].similarity != q[i].similarity)
      return 0;
  return 1;
}

/* Every pair's seeds by the hash join equal the candidate index's, over
** the first ndocs documents (fewer documents: the in-memory index counts
** its postings into fewer buckets; the join's sort always uses 2^16). */
static void join_equals_index(size_t ndocs) {
  hs_corpus *c = hs_corpus_new();
  hs_doctab *tabs = calloc(NDOCS, sizeof *tabs);
  hs_reuse_opts o;
  hs_cindex ci;
  hs_posting *post = NULL;
  size_t npost = 0, cappost = 0, d, a;
  hs_pairvec pairs;
  hs_hashlist capped;
  hs_joiner jn;
  hs_seed *s1 = NULL, *s2 = NULL, *tmp = NULL;
  size_t c1 = 0, c2 = 0, ctmp = 0, npairs_seen = 0, seeds_seen = 0;
  uint64_t *sh = NULL;
  size_t capsh = 0;
  memset(&pairs, 0, sizeof pairs);
  memset(&capped, 0, sizeof capped);
  memset(&jn, 0, sizeof jn);
  make_corpus(c);
  hs_reuse_opts_default(&o);
  o.df_cap = 6;
  for (d = 0; d < ndocs; d++) {
    const hs_doc *doc = hs_corpus_doc(c, d);
    hs_token *toks = NULL;
    size_t n = 0, i, ns;
    assert_int_equal(hs_tokenize(doc->text, doc->len, &toks, &n, NULL),
                     HS_OK);
    hs_doctab_set(&tabs[d], toks, n);
    free(toks);
    if (d % 7 == 0 && tabs[d].n > 20) tabs[d].hash[10] = 0; /* masked */
    ns = hs_doctab_shingles(&tabs[d], o.ngram, &sh, &capsh);
    for (i = 0; i < ns; i++) {
      if (!sh[i]) continue;
      if (npost == cappost) {
        cappost = cappost ? 2 * cappost : 4096;
        post = realloc(post, cappost * sizeof *post);
      }
      post[npost].hash = sh[i];
      post[npost].doc = (uint32_t)d;
      post[npost].pos = (uint32_t)i;
      npost++;
    }
  }
  assert_int_equal(hs_cindex_build(&ci, tabs, ndocs, 0, &o, NULL, 2, NULL,
                                   NULL),
                   HS_OK);
  hs_postings_sort(post, npost, 64, 2);
  hs_postings_scan(post, npost, 0, &o, NULL, &pairs, &capped, NULL);
  hs_pairvec_compact(&pairs);
  hs_hashlist_finish(&capped);
  if (ndocs == NDOCS) assert_true(capped.n > 0); /* the stock phrase */
  for (a = 0; a < ndocs; a++) {
    size_t n1 = hs_cindex_seeds(&ci, (uint32_t)a, &s1, &c1, &tmp, &ctmp);
    size_t k = 0, i, p;
    hs_joiner_load(&jn, &tabs[a], (uint32_t)a, o.ngram, &capped);
    /* the pairs of a, in order of b, against the index's seeds */
    for (p = 0; p < pairs.n; p++) {
      uint32_t pa = (uint32_t)(pairs.p[p] >> 32), b = (uint32_t)pairs.p[p];
      size_t n2;
      if (pa != a) continue;
      n2 = hs_joiner_seeds(&jn, &tabs[b], b, 1, &s2, &c2, &tmp, &ctmp);
      for (i = 0; i < n2; i++, k++) {
        assert_true(k < n1);
        assert_int_equal(s1[k].b, b);
        assert_int_equal(s1[k].posa, s2[i].posa);
        assert_int_equal(s1[k].posb, s2[i].posb);
      }
      npairs_seen++;
      seeds_seen += n2;
    }
    assert_int_equal(k, n1);
  }
  assert_true(npairs_seen >= ndocs * 2 / 3);
  assert_true(seeds_seen >= ndocs * 15);
  hs_joiner_free(&jn);
  hs_pairvec_free(&pairs);
  hs_hashlist_free(&capped);
  hs_cindex_free(&ci);
  for (d = 0; d < ndocs; d++) hs_doctab_free(&tabs[d]);
  free(tabs);
  free(post);
  free(sh);
  free(s1);
  free(s2);
  free(tmp);
  hs_corpus_free(c);
  free_corpus();
}

static void test_join_equals_index(void **state) {
  (void)state;
  join_equals_index(NDOCS);
}

static void test_join_equals_small_index(void **state) {
  (void)state;
  join_equals_index(3);
  join_equals_index(12);
  join_equals_index(60);
}

/* Passages of the engine over the corpus: documents [0, first_new) are
** added and then the rest, a mask goes on after everything is added, and
** `capped` (may be NULL) is set from outside. */
static void engine_run(const hs_corpus *c, uint64_t memory, int threads,
                       size_t first_new, const uint64_t *capped,
                       size_t ncapped, hs_passage **p, size_t *n,
                       int *spilled) {
  hs_engine *e = NULL;
  hs_reuse_opts o;
  hs_error err;
  hs_range r;
  size_t d;
  hs_reuse_opts_default(&o);
  o.df_cap = 6;
  o.threads = threads;
  o.memory = memory;
  assert_int_equal(hs_engine_new(&e, &o, &err), HS_OK);
  assert_int_equal(hs_engine_add(e, c, 0, NDOCS / 2, &err), HS_OK);
  assert_int_equal(hs_engine_add(e, c, NDOCS / 2, NDOCS - NDOCS / 2, &err),
                   HS_OK);
  for (d = 0; d < NDOCS; d += 9) { /* mask bytes 40-120 of some documents */
    r.start = 40;
    r.end = 120;
    hs_engine_mask(e, d, &r, 1);
  }
  if (capped) hs_engine_set_capped(e, capped, ncapped);
  assert_int_equal(hs_engine_run(e, first_new, p, n, &err), HS_OK);
  *spilled = hs_engine_spilled(e);
  hs_engine_free(e);
}

static void test_engine_budget(void **state) {
  hs_corpus *c = hs_corpus_new();
  hs_passage *p = NULL, *q = NULL;
  size_t n = 0, m = 0;
  int spilled;
  uint64_t budget = 1u << 20; /* far below the corpus's index */
  (void)state;
  make_corpus(c);

  engine_run(c, 0, 2, 0, NULL, 0, &p, &n, &spilled);
  assert_false(spilled);
  engine_run(c, budget, 2, 0, NULL, 0, &q, &m, &spilled);
  assert_true(spilled);
  assert_true(n > 300);
  assert_true(same_passages(p, n, q, m));
  free(q);
  engine_run(c, budget, 1, 0, NULL, 0, &q, &m, &spilled);
  assert_true(same_passages(p, n, q, m));
  free(p);
  free(q);

  /* incremental: only pairs with a document of the second half */
  engine_run(c, 0, 2, NDOCS / 2, NULL, 0, &p, &n, &spilled);
  engine_run(c, budget, 2, NDOCS / 2, NULL, 0, &q, &m, &spilled);
  assert_true(n > 100);
  assert_true(same_passages(p, n, q, m));
  free(p);
  free(q);

  hs_corpus_free(c);
  free_corpus();
}

/* Shingles capped from outside (a store's document frequencies) remove
** the same seeds in both paths, and do remove some. */
static void test_engine_capped(void **state) {
  hs_corpus *c = hs_corpus_new();
  hs_passage *p = NULL, *q = NULL, *full = NULL;
  size_t n = 0, m = 0, nfull = 0, ns, cap = 0;
  uint64_t *sh = NULL;
  hs_engine *e = NULL;
  hs_error err;
  int spilled;
  (void)state;
  make_corpus(c);
  /* the shingles of document 5, as a store would list them */
  assert_int_equal(hs_engine_new(&e, NULL, &err), HS_OK);
  assert_int_equal(hs_engine_add(e, c, 0, NDOCS, &err), HS_OK);
  ns = hs_engine_shingles(e, 5, &sh, &cap);
  assert_true(ns > 100);
  hs_engine_free(e);

  engine_run(c, 0, 2, 0, NULL, 0, &full, &nfull, &spilled);
  engine_run(c, 0, 2, 0, sh, ns, &p, &n, &spilled);
  engine_run(c, 1u << 20, 2, 0, sh, ns, &q, &m, &spilled);
  assert_true(spilled);
  assert_true(n < nfull);
  assert_true(same_passages(p, n, q, m));
  free(sh);
  free(full);
  free(p);
  free(q);
  hs_corpus_free(c);
  free_corpus();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_join_equals_index),
      cmocka_unit_test(test_join_equals_small_index),
      cmocka_unit_test(test_engine_budget),
      cmocka_unit_test(test_engine_capped),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
