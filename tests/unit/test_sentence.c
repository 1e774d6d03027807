/*
** test_sentence.c — the parts of the sentence stage below the engine:
** sentence bounds, the idf table, and the choice of the sentence pairs to
** compare, in particular of the pairs of documents that have no n-gram
** passage (shared rare words, not a pair already seen, one of them new),
** and the token at a byte offset, by which the stage maps passages to
** sentences.
*/
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "align/sentence.h"
#include "util/sort.h"
#include "hearsay.h"
#include "index/index.h"

/* A rewritten copy (same rare names and numbers, every sentence
** reworded), a same-event story sharing two names only, and filler. */
static const char *const DOCS[] = {
    "The regional water authority of Carvella announced on Monday that the "
    "Brenmoor reservoir had fallen to eleven percent of capacity. Engineer "
    "Tomas Valdric warned that the pumping station at Lake Oskarn could fail "
    "before the autumn rains arrive. Farmers in the Ostrelle valley were "
    "asked to halve irrigation until further notice.",
    "On Monday the Carvella regional authority for water announced Brenmoor "
    "reservoir capacity had fallen to eleven percent. Before the autumn "
    "rains arrive, the Lake Oskarn pumping station could fail, engineer "
    "Tomas Valdric warned. Until further notice, Ostrelle valley farmers "
    "were asked to halve their irrigation.",
    "A festival in Carvella drew large crowds on the weekend. Musicians "
    "played in the square until late and the bakeries sold out of bread by "
    "noon.",
    "Heavy snow closed the mountain pass for a third day, and drivers were "
    "told to wait in the valley towns. Road crews worked through the night "
    "with ploughs and salt trucks.",
};
#define NDOCS (sizeof DOCS / sizeof *DOCS)

typedef struct fixture {
  hs_doctab tab[NDOCS];
  hs_senttab st[NDOCS];
  hs_docset ds;
  hs_termcounts tc;
  uint8_t *idf;
  uint32_t stopcnt;
  float stopidf;
} fixture;

static void fixture_init(fixture *f) {
  size_t d;
  memset(f, 0, sizeof *f);
  hs_termcounts_init(&f->tc, 12);
  for (d = 0; d < NDOCS; d++) {
    hs_token *t = NULL;
    size_t n = 0;
    assert_int_equal(hs_tokenize(DOCS[d], strlen(DOCS[d]), &t, &n, NULL),
                     HS_OK);
    hs_doctab_set(&f->tab[d], t, n);
    hs_senttab_build(&f->st[d], DOCS[d], t, n);
    hs_termcounts_add(&f->tc, f->tab[d].hash, f->tab[d].n);
    free(t);
  }
  f->ds.docs = f->tab;
  f->ds.ndocs = NDOCS;
  f->idf = hs_sent_idf_table(&f->tc, 1, &f->stopcnt, &f->stopidf);
}

static void fixture_free(fixture *f) {
  size_t d;
  for (d = 0; d < NDOCS; d++) {
    hs_doctab_free(&f->tab[d]);
    hs_senttab_free(&f->st[d]);
  }
  hs_termcounts_free(&f->tc);
  free(f->idf);
}

static void test_sentences(void **state) {
  fixture f;
  (void)state;
  fixture_init(&f);
  assert_int_equal(f.st[0].nsent, 3);
  assert_int_equal(f.st[1].nsent, 3);
  assert_int_equal(f.st[3].nsent, 2);
  assert_int_equal(f.st[0].sent[f.st[0].nsent], f.st[0].n);
  fixture_free(&f);
}

static void test_idf(void **state) {
  fixture f;
  uint32_t the, brenmoor;
  (void)state;
  fixture_init(&f);
  assert_true(f.stopcnt >= 20);
  /* "The ... that the Brenmoor": tokens 0 and 11 of the first document */
  the = f.tab[0].hash[0];
  brenmoor = f.tab[0].hash[11];
  assert_int_equal(DOCS[0][f.tab[0].start[11]], 'B');
  /* a word in two documents weighs more than one in all four */
  assert_true(f.idf[brenmoor & f.tc.mask] > f.idf[the & f.tc.mask]);
  fixture_free(&f);
}

/* Counts of documents 0-2 made from those of all four by uncounting the
** last are the counts of 0-2 (the summary pass starts from the sentence
** stage's counts this way). */
static void test_counts_sub(void **state) {
  fixture f;
  hs_termcounts three;
  size_t d;
  (void)state;
  fixture_init(&f);
  hs_termcounts_init(&three, 12);
  for (d = 0; d + 1 < NDOCS; d++)
    hs_termcounts_add(&three, f.tab[d].hash, f.tab[d].n);
  assert_true(f.tc.total > three.total);
  hs_termcounts_sub(&f.tc, f.tab[NDOCS - 1].hash, f.tab[NDOCS - 1].n);
  assert_true(f.tc.total == three.total);
  assert_memory_equal(f.tc.c, three.c,
                      ((size_t)f.tc.mask + 1) * sizeof *f.tc.c);
  hs_termcounts_free(&three);
  fixture_free(&f);
}

/* The pairs without an n-gram passage that the cold keys of every
** document open, given the known pairs and first_new; the keys of the
** documents counted one at a time give the same keys as all at once (a
** run spread over ranks keys each rank's documents). */
static size_t cold(fixture *f, const uint64_t *known, size_t nknown,
                   size_t first_new, uint64_t **out) {
  uint8_t all[NDOCS + 1], one[NDOCS + 1];
  uint64_t *keys = NULL, *part = NULL, *joined = NULL;
  size_t n = 0, nkeys = 0, npart = 0, njoined = 0, d;
  memset(all, 1, sizeof all);
  assert_int_equal(hs_sent_cold_keys(&f->ds, f->st, &f->tc, f->stopcnt, all,
                                     &keys, &nkeys, NULL),
                   HS_OK);
  assert_true(nkeys > 0);
  joined = malloc(nkeys * sizeof *joined);
  for (d = 0; d < NDOCS; d++) {
    memset(one, 0, sizeof one);
    one[d] = 1;
    assert_int_equal(hs_sent_cold_keys(&f->ds, f->st, &f->tc, f->stopcnt,
                                       one, &part, &npart, NULL),
                     HS_OK);
    assert_true(njoined + npart <= nkeys);
    memcpy(joined + njoined, part, npart * sizeof *part);
    njoined += npart;
    free(part);
  }
  assert_int_equal(njoined, nkeys);
  hs_sort_u64(keys, nkeys);
  hs_sort_u64(joined, njoined);
  assert_memory_equal(keys, joined, nkeys * sizeof *keys);
  hs_sent_cold_select(keys, nkeys, NDOCS, all, known, nknown, first_new, 1,
                      out, &n, NULL, NULL, NULL);
  free(keys);
  free(joined);
  return n;
}

static void test_cold_pairs(void **state) {
  fixture f;
  hs_sent_cands c;
  uint64_t *pairs = NULL;
  uint8_t inv[NDOCS + 1] = {1, 1, 0, 0, 0};
  size_t k;
  int seen00 = 0;
  (void)state;
  fixture_init(&f);
  /* only the copy: the story shares one name, the filler nothing */
  assert_int_equal(cold(&f, NULL, 0, 0, &pairs), 1);
  assert_true(pairs[0] == ((uint64_t)0 << 32 | 1));
  /* its candidates: sentences sharing a key, the first two among them */
  assert_int_equal(hs_sent_cands_build(&f.ds, f.st, &f.tc, f.stopcnt, inv,
                                       pairs, 1, 0, 1, &c, NULL),
                   HS_OK);
  assert_int_equal(c.nopen, 0);
  assert_int_equal(c.npairs, 1);
  assert_int_equal(c.ngroups, 1);
  assert_true(c.ncand >= 3);
  for (k = 0; k < c.ncand; k++) {
    assert_int_equal(c.cand[k] >> 32, 0);
    assert_true(((c.cand[k] >> 16) & 0xffff) < f.st[0].nsent);
    assert_true((c.cand[k] & 0xffff) < f.st[1].nsent);
    if ((c.cand[k] & 0xffffffff) == 0) seen00 = 1;
  }
  assert_true(seen00);
  hs_sent_cands_free(&c);
  free(pairs);
  fixture_free(&f);
}

static void test_cold_known_and_old(void **state) {
  fixture f;
  uint64_t *pairs = NULL;
  uint64_t known = (uint64_t)0 << 32 | 1;
  (void)state;
  fixture_init(&f);
  /* a pair with an n-gram passage is not opened again */
  assert_int_equal(cold(&f, &known, 1, 0, &pairs), 0);
  free(pairs);
  /* nor a pair of two documents of an earlier run */
  assert_int_equal(cold(&f, NULL, 0, 2, &pairs), 0);
  free(pairs);
  fixture_free(&f);
}

/* Pairs sharing five rare keys are weak pairs, four thin pairs: listed
** after the others only when asked for, never with fewer than four. */
static void test_cold_weak(void **state) {
  /* keys (term << 32 | doc): documents 0 and 1 share six terms, 2 and 3
  ** five, 0 and 4 four */
  uint64_t k[64], *out = NULL;
  size_t n = 0, nk = 0, nout = 0, nstrong = 99, nwide = 99, nthin = 99;
  uint32_t t;
  (void)state;
  for (t = 1; t <= 6; t++) {
    k[nk++] = (uint64_t)t << 32 | 0;
    k[nk++] = (uint64_t)t << 32 | 1;
  }
  for (t = 7; t <= 11; t++) {
    k[nk++] = (uint64_t)t << 32 | 2;
    k[nk++] = (uint64_t)t << 32 | 3;
  }
  for (t = 12; t <= 15; t++) {
    k[nk++] = (uint64_t)t << 32 | 0;
    k[nk++] = (uint64_t)t << 32 | 4;
  }
  hs_sort_u64(k, nk);
  hs_sent_cold_select(k, nk, 5, NULL, NULL, 0, 0, 1, &out, &n, NULL, NULL,
                      NULL);
  assert_int_equal(n, 1);
  assert_true(out[0] == ((uint64_t)0 << 32 | 1));
  free(out);
  out = NULL;
  hs_sent_cold_select(k, nk, 5, NULL, NULL, 0, 0, 1, &out, &nout, &nstrong,
                      &nwide, &nthin);
  /* 0 and 4 share four: a thin pair, after the others, before the weak
  ** ones, counted in *nstrong, *nwide and *nthin */
  assert_int_equal(nout, 3);
  assert_int_equal(nstrong, 2);
  assert_int_equal(nwide, 1);
  assert_int_equal(nthin, 1);
  assert_true(out[0] == ((uint64_t)0 << 32 | 1));
  assert_true(out[1] == ((uint64_t)0 << 32 | 4));
  assert_true(out[2] == ((uint64_t)2 << 32 | 3));
  free(out);
  /* three shared keys make no pair */
  nk = 0;
  for (t = 1; t <= 3; t++) {
    k[nk++] = (uint64_t)t << 32 | 0;
    k[nk++] = (uint64_t)t << 32 | 1;
  }
  out = NULL;
  hs_sent_cold_select(k, nk, 5, NULL, NULL, 0, 0, 1, &out, &nout, &nstrong,
                      &nwide, &nthin);
  assert_int_equal(nout, 0);
  free(out);
}

/* Pairs sharing six keys held by at most 96 documents, fewer than six of
** them by at most 32, are wide pairs: after the others, before the weak
** ones, counted by *nwide and in *nstrong; none when the weak pairs are
** not asked for. */
static void test_cold_wide(void **state) {
  /* documents 0 and 1 share terms 1-4 alone and terms 5-6 with documents
  ** 2-39 (40 documents each); 40 and 41 share five terms alone */
  uint64_t k[128], *out = NULL;
  size_t n = 0, nk = 0, nout = 0, nstrong = 99, nwide = 99;
  uint32_t t, d;
  (void)state;
  for (t = 1; t <= 6; t++) {
    k[nk++] = (uint64_t)t << 32 | 0;
    k[nk++] = (uint64_t)t << 32 | 1;
    if (t >= 5)
      for (d = 2; d < 40; d++) k[nk++] = (uint64_t)t << 32 | d;
  }
  for (t = 7; t <= 11; t++) {
    k[nk++] = (uint64_t)t << 32 | 40;
    k[nk++] = (uint64_t)t << 32 | 41;
  }
  hs_sort_u64(k, nk);
  hs_sent_cold_select(k, nk, 42, NULL, NULL, 0, 0, 1, &out, &n, NULL, NULL,
                      NULL);
  assert_int_equal(n, 0);
  free(out);
  out = NULL;
  hs_sent_cold_select(k, nk, 42, NULL, NULL, 0, 0, 1, &out, &nout, &nstrong,
                      &nwide, NULL);
  assert_int_equal(nout, 2);
  assert_int_equal(nstrong, 1);
  assert_int_equal(nwide, 1);
  assert_true(out[0] == ((uint64_t)0 << 32 | 1));
  assert_true(out[1] == ((uint64_t)40 << 32 | 41));
  free(out);
}

/* Searched on several threads (parts of the keys, blocks of documents),
** the cold pairs are those of one thread in the same order: strong, wide,
** thin and weak ones over 600 documents, with known pairs left out and a
** first_new. */
static void test_cold_threads(void **state) {
  enum { DOCS_N = 600, TERMS_N = 4000 };
  uint64_t *k = malloc(TERMS_N * 8 * sizeof *k), known[64];
  uint64_t *out1 = NULL, *out3 = NULL;
  uint8_t *paired = calloc(DOCS_N, 1);
  size_t nk = 0, n1 = 0, n3 = 0, s1 = 0, s3 = 0, w1 = 0, w3 = 0, t1 = 0;
  size_t t3 = 0, nknown = 0, i;
  uint32_t t, x = 12345;
  (void)state;
  assert_non_null(k);
  assert_non_null(paired);
  /* each term held by 2 to 7 documents near each other (so that pairs
  ** share several), some by 40 to 100 (wide and past COLD_WIDE) */
  for (t = 1; t <= TERMS_N; t++) {
    uint32_t base, m, d;
    x = x * 1103515245u + 12345u;
    base = (x >> 8) % DOCS_N;
    m = t % 50 == 0 ? 40 + (x >> 4) % 61 : 2 + (x >> 20) % 6;
    for (d = 0; d < m && nk < TERMS_N * 8; d++)
      k[nk++] = (uint64_t)t << 32 | ((base + d * (1 + (x >> 28) % 3)) %
                                     DOCS_N);
  }
  hs_sort_u64(k, nk);
  for (i = 0; i < 64; i++) { /* pairs already joined by a passage */
    uint32_t a = (uint32_t)(i * 9 % DOCS_N), b = a + 1 + (uint32_t)i % 3;
    known[nknown++] = (uint64_t)a << 32 | b;
    paired[a] = paired[b] = 1;
  }
  hs_sent_cold_select(k, nk, DOCS_N, paired, known, nknown, 5, 1, &out1,
                      &n1, &s1, &w1, &t1);
  hs_sent_cold_select(k, nk, DOCS_N, paired, known, nknown, 5, 3, &out3,
                      &n3, &s3, &w3, &t3);
  assert_true(n1 > 100);   /* the search found pairs of each kind */
  assert_true(s1 < n1);    /* weak ones */
  assert_true(w1 > t1);    /* wide ones */
  assert_true(t1 > 0);     /* thin ones */
  assert_int_equal(n1, n3);
  assert_int_equal(s1, s3);
  assert_int_equal(w1, w3);
  assert_int_equal(t1, t3);
  assert_memory_equal(out1, out3, n1 * sizeof *out1);
  for (i = 1; i < n1; i++) /* each kind sorted: strong, wide, thin, weak */
    if (i != s1 - w1 && i != s1 - t1 && i != s1)
      assert_true(out1[i - 1] < out1[i]);
  for (i = 0; i < n1; i++) { /* none known, none of two old documents */
    size_t q;
    assert_true((uint32_t)out1[i] >= 5);
    for (q = 0; q < nknown; q++) assert_true(out1[i] != known[q]);
  }
  free(out1);
  free(out3);
  free(k);
  free(paired);
}

/* The weights of a table large enough to be made on the threads: the
** same on one thread and on three, and each the rounded formula (runs of
** counts of 0 and 1 taken eight at a time, counts below the memo's limit
** and above it). */
static void test_idf_threads(void **state) {
  hs_termcounts tc;
  uint8_t *q1, *q3;
  uint32_t stop1, stop3;
  float sidf1, sidf3;
  size_t i;
  uint64_t x = 2463534242ull;
  (void)state;
  hs_termcounts_init(&tc, 17);
  for (i = 0; i <= tc.mask; i++) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    /* long runs of 0 and 1, then a spread of counts up to 100,000 */
    tc.c[i] = (i / 256) % 3 ? (uint32_t)(x % 2) : (uint32_t)(x % 100000);
    tc.total += tc.c[i];
  }
  q1 = hs_sent_idf_table(&tc, 1, &stop1, &sidf1);
  q3 = hs_sent_idf_table(&tc, 3, &stop3, &sidf3);
  assert_memory_equal(q1, q3, (size_t)tc.mask + 1);
  assert_int_equal(stop1, stop3);
  assert_true(sidf1 == sidf3);
  for (i = 0; i <= tc.mask; i += 97) {
    double c = tc.c[i] > 1 ? (double)tc.c[i] : 1.0;
    double v = (log((double)tc.total + 1.0) - log(c)) * HS_IDF_UNIT;
    assert_int_equal(q3[i], (uint8_t)(v > 255 ? 255 : v < 0 ? 0 : v + 0.5));
  }
  free(q1);
  free(q3);
  hs_termcounts_free(&tc);
}

/* hs_doctab_token_at is the first token starting at or after a byte
** offset (the token count past the last), on every table size up to 300
** and every offset around them, ties included; hs_doctab_token_end gives
** the same for an end, its guess right or wrong. */
static void test_token_at(void **state) {
  static uint32_t start[300];
  hs_doctab t;
  uint32_t n, b, i;
  uint64_t x = 88172645463325252ull;
  (void)state;
  memset(&t, 0, sizeof t);
  t.start = start;
  for (n = 0; n < 300; n += n < 20 ? 1 : 7) {
    uint32_t v = 0;
    for (i = 0; i < n; i++) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      v += (uint32_t)(x % 4); /* steps of 0 to 3: ties and gaps */
      start[i] = v;
    }
    t.n = n;
    for (b = 0; b <= v + 2; b++) {
      uint32_t want = 0;
      while (want < n && start[want] < b) want++;
      assert_int_equal(hs_doctab_token_at(&t, b), want);
      assert_int_equal(hs_doctab_token_end(&t, 0, want, b), want);
      assert_int_equal(hs_doctab_token_end(&t, 0, n, b), want);
    }
  }
  { /* larger tables far from even: dense, then sparse, then dense */
    static uint32_t big[20000];
    uint32_t v = 0, k;
    t.start = big;
    for (n = 1000; n <= 20000; n *= 4) {
      for (i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v += i > n / 3 && i < n / 2 ? (uint32_t)(x % 5000) : (uint32_t)(x % 2);
        big[i] = v;
      }
      t.n = n;
      for (k = 0; k < 40000; k++) { /* offsets at random, and starts */
        uint32_t lo = 0, hi = n;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        b = k % 2 ? big[x % n] : (uint32_t)(x % ((uint64_t)v + 3));
        while (lo < hi) { /* the lower bound, by halving */
          uint32_t mid = lo + (hi - lo) / 2;
          if (big[mid] < b) lo = mid + 1;
          else hi = mid;
        }
        assert_int_equal(hs_doctab_token_at(&t, b), lo);
      }
    }
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sentences),
      cmocka_unit_test(test_idf),
      cmocka_unit_test(test_counts_sub),
      cmocka_unit_test(test_cold_pairs),
      cmocka_unit_test(test_cold_known_and_old),
      cmocka_unit_test(test_cold_weak),
      cmocka_unit_test(test_cold_wide),
      cmocka_unit_test(test_cold_threads),
      cmocka_unit_test(test_token_at),
      cmocka_unit_test(test_idf_threads),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
