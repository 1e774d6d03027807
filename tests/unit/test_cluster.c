/*
** test_cluster.c — families and near-duplicate groups on hand-built
** passages: a story reprinted by twenty outlets is one family, two
** paragraphs shared by one pair stay two, partial overlaps chain, the
** result does not depend on input order, and the near-duplicate
** threshold decides which pairs are joined.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cluster/cluster.h"
#include "hearsay.h"

static hs_passage mk(uint32_t ad, uint32_t as, uint32_t ae, uint32_t bd,
                     uint32_t bs, uint32_t be) {
  hs_passage p;
  memset(&p, 0, sizeof p);
  p.a.doc = ad;
  p.a.start = as;
  p.a.end = ae;
  p.a.words = (ae - as) / 5;
  p.b.doc = bd;
  p.b.start = bs;
  p.b.end = be;
  p.b.words = (be - bs) / 5;
  p.words = p.a.words < p.b.words ? p.a.words : p.b.words;
  p.similarity = 1.0;
  p.internal = ad == bd;
  p.family = 12345;
  return p;
}

/* Deterministic shuffle (xorshift) so that failures reproduce. */
static void shuffle(hs_passage *p, size_t n, uint64_t seed) {
  size_t i;
  uint64_t x = seed ? seed : 1;
  for (i = n; i > 1; i--) {
    size_t j;
    hs_passage t;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    j = (size_t)(x % i);
    t = p[i - 1];
    p[i - 1] = p[j];
    p[j] = t;
  }
}

/* n pseudo-random values (xorshift, the top bits) into v. */
static void draw(uint64_t *x, uint32_t *v, size_t n) {
  size_t k;
  for (k = 0; k < n; k++) {
    *x ^= *x << 13;
    *x ^= *x >> 7;
    *x ^= *x << 17;
    v[k] = (uint32_t)(*x >> 20);
  }
}

static uint32_t nfamilies(const hs_passage *p, size_t n) {
  uint32_t max = 0;
  size_t i;
  for (i = 0; i < n; i++)
    if (p[i].family + 1 > max) max = p[i].family + 1;
  return max;
}

/* 20 outlets, every pair shares the same story with slightly different
** offsets in each document: 190 passages, one family. */
static void reprint_is_one_family(void **state) {
  hs_passage p[190];
  size_t n = 0, i;
  uint32_t d, e;
  hs_error err;
  (void)state;
  for (d = 0; d < 20; d++)
    for (e = d + 1; e < 20; e++)
      p[n++] = mk(d, 100 + d + e % 3, 2100 + d - e % 5, e, 200 + e + d % 7,
                  2200 + e - d % 4);
  assert_int_equal(n, 190);
  shuffle(p, n, 7);
  assert_int_equal(hs_families_assign(p, n, &err), HS_OK);
  for (i = 0; i < n; i++) assert_int_equal(p[i].family, 0);
  for (i = 1; i < n; i++)
    assert_true(hs_cluster_passage_cmp(&p[i - 1], &p[i]) <= 0);
}

/* One pair of documents shares two unrelated paragraphs. */
static void two_paragraphs_two_families(void **state) {
  hs_passage p[2];
  hs_error err;
  (void)state;
  p[0] = mk(0, 5000, 5600, 1, 3000, 3600);
  p[1] = mk(0, 100, 700, 1, 9000, 9600);
  assert_int_equal(hs_families_assign(p, 2, &err), HS_OK);
  /* sorted by a.start: the paragraph at 100 comes first */
  assert_int_equal(p[0].a.start, 100);
  assert_int_equal(p[0].family, 0);
  assert_int_equal(p[1].family, 1);
}

/* Overlap threshold: at least half of each span (of the longer one). */
static void half_overlap_threshold(void **state) {
  hs_passage p[2];
  hs_error err;
  (void)state;
  /* doc 0 spans [0,100) and [50,150): overlap 50 = half -> joined */
  p[0] = mk(0, 0, 100, 1, 0, 100);
  p[1] = mk(0, 50, 150, 2, 0, 100);
  assert_int_equal(hs_families_assign(p, 2, &err), HS_OK);
  assert_int_equal(nfamilies(p, 2), 1);
  /* [0,100) and [51,151): overlap 49 < 50 -> apart */
  p[0] = mk(0, 0, 100, 1, 0, 100);
  p[1] = mk(0, 51, 151, 2, 0, 100);
  assert_int_equal(hs_families_assign(p, 2, &err), HS_OK);
  assert_int_equal(nfamilies(p, 2), 2);
  /* a short span (a stock phrase) inside a long one -> apart */
  p[0] = mk(0, 0, 10000, 1, 0, 10000);
  p[1] = mk(0, 9000, 9100, 2, 0, 100);
  assert_int_equal(hs_families_assign(p, 2, &err), HS_OK);
  assert_int_equal(nfamilies(p, 2), 2);
  /* a half reprint: [0,50) inside [0,100), half of the longer -> joined */
  p[0] = mk(0, 0, 100, 1, 0, 100);
  p[1] = mk(0, 0, 50, 2, 0, 50);
  assert_int_equal(hs_families_assign(p, 2, &err), HS_OK);
  assert_int_equal(nfamilies(p, 2), 1);
  /* a long span barely touching a short one's tail: 60 of 4960 -> apart */
  p[0] = mk(0, 0, 100, 1, 0, 100);
  p[1] = mk(0, 40, 5000, 2, 0, 4960);
  assert_int_equal(hs_families_assign(p, 2, &err), HS_OK);
  assert_int_equal(nfamilies(p, 2), 2);
  /* adjacent, no overlap -> apart */
  p[0] = mk(0, 0, 100, 1, 0, 100);
  p[1] = mk(0, 100, 200, 2, 0, 100);
  assert_int_equal(hs_families_assign(p, 2, &err), HS_OK);
  assert_int_equal(nfamilies(p, 2), 2);
}

/* Links go through several documents: passages join when their spans in
** a shared document overlap enough, and a later span overlapping two
** groups in one document merges them. */
static void chained_partial_overlap(void **state) {
  hs_passage p[4];
  hs_error err;
  (void)state;
  /* doc1 spans [0,100) and [40,140): 60 >= 50 -> joined */
  p[0] = mk(0, 0, 100, 1, 0, 100);
  p[1] = mk(1, 40, 140, 2, 500, 600);
  /* doc2 spans [500,600) and [560,660): 40 < 50 -> not via doc2 ... */
  p[2] = mk(2, 560, 660, 3, 0, 100);
  /* ... but doc3 [0,100) and [30,130) overlap 70 -> joins p[2] with p[3] */
  p[3] = mk(3, 30, 130, 4, 0, 100);
  assert_int_equal(hs_families_assign(p, 4, &err), HS_OK);
  /* sorted by a.doc: p0 (0), p1 (1), p2 (2), p3 (3) */
  assert_int_equal(p[0].family, 0);
  assert_int_equal(p[1].family, 0);
  assert_int_equal(p[2].family, 1);
  assert_int_equal(p[3].family, 1);

  /* Now bridge them: doc2 gets a span [530,630) overlapping both of its
  ** spans by 70 -> everything is one family (transitively). */
  {
    hs_passage q[5];
    memcpy(q, p, sizeof p);
    q[4] = mk(2, 530, 630, 5, 0, 100);
    assert_int_equal(hs_families_assign(q, 5, &err), HS_OK);
    assert_int_equal(nfamilies(q, 5), 1);
  }
}

/* Many spans in one document overlapping in a staircase: each overlaps
** the next by 60%, so all are one family; plus spans elsewhere. */
static void staircase_many_spans(void **state) {
  enum { N = 3000 };
  hs_passage *p = calloc(N + 10, sizeof *p);
  size_t i;
  hs_error err;
  (void)state;
  assert_non_null(p);
  for (i = 0; i < N; i++)
    p[i] = mk(0, (uint32_t)(i * 40), (uint32_t)(i * 40 + 100),
              (uint32_t)(1 + i), 0, 100);
  /* ten unrelated passages far away in doc 0 */
  for (i = 0; i < 10; i++)
    p[N + i] = mk(0, (uint32_t)(10000000 + i * 1000),
                  (uint32_t)(10000000 + i * 1000 + 100),
                  (uint32_t)(100000 + i), 0, 100);
  shuffle(p, N + 10, 99);
  assert_int_equal(hs_families_assign(p, N + 10, &err), HS_OK);
  assert_int_equal(nfamilies(p, N + 10), 11);
  for (i = 0; i < N; i++) assert_int_equal(p[i].family, 0);
  for (i = 0; i < 10; i++) assert_int_equal(p[N + i].family, 1 + i);
  free(p);
}

/* The same passages in any order give the same array and families. */
static void order_independent(void **state) {
  enum { N = 60 };
  hs_passage base[N], q[N];
  size_t i, round;
  hs_error err;
  (void)state;
  for (i = 0; i < N; i++) {
    uint32_t d = (uint32_t)(i % 7), e = (uint32_t)(7 + i % 5);
    uint32_t st = (uint32_t)((i * 37) % 400);
    base[i] = mk(d, st, st + 50 + (uint32_t)(i % 13), e, st * 2,
                 st * 2 + 60);
    if (i % 9 == 0) base[i] = mk(d, st, st + 40, d, st + 500, st + 540);
  }
  memcpy(q, base, sizeof base);
  assert_int_equal(hs_families_assign(base, N, &err), HS_OK);
  /* in order already (the engine's output): no sort, the same families */
  memcpy(q, base, sizeof base);
  for (i = 0; i < N; i++) q[i].family = 777;
  assert_int_equal(hs_families_assign(q, N, &err), HS_OK);
  assert_memory_equal(q, base, sizeof base);
  for (round = 1; round <= 20; round++) {
    memcpy(q, base, sizeof base);
    shuffle(q, N, round * 7919);
    for (i = 0; i < N; i++) q[i].family = 777;
    assert_int_equal(hs_families_assign(q, N, &err), HS_OK);
    for (i = 0; i < N; i++) {
      assert_int_equal(hs_cluster_passage_cmp(&q[i], &base[i]), 0);
      assert_int_equal(q[i].family, base[i].family);
    }
  }
  /* first appearance numbering: families grow by at most one per step */
  {
    uint32_t seen = 0;
    for (i = 0; i < N; i++) {
      assert_true(base[i].family <= seen);
      if (base[i].family == seen) seen++;
    }
  }
}

/* hs_cluster_families leaves the order alone and numbers as assign does. */
static void families_by_index(void **state) {
  hs_passage p[3], s[3];
  uint32_t fam[3];
  hs_error err;
  (void)state;
  p[0] = mk(5, 0, 100, 6, 0, 100);
  p[1] = mk(1, 0, 100, 2, 0, 100);
  p[2] = mk(2, 10, 100, 9, 0, 100);
  memcpy(s, p, sizeof p);
  assert_int_equal(hs_cluster_families(p, 3, fam, &err), HS_OK);
  assert_int_equal(p[0].a.doc, 5);  /* untouched */
  assert_int_equal(fam[1], 0);
  assert_int_equal(fam[2], 0);
  assert_int_equal(fam[0], 1);
  assert_int_equal(hs_families_assign(s, 3, &err), HS_OK);
  assert_int_equal(s[0].a.doc, 1);
  assert_int_equal(s[2].a.doc, 5);
  assert_int_equal(s[2].family, 1);
}

/* Reference: O(n^2) pairwise overlap test with a naive union-find. */
static size_t ref_find(size_t *par, size_t x) {
  while (par[x] != x) x = par[x];
  return x;
}

static int ref_overlaps(const hs_span *s, const hs_span *t) {
  uint32_t lo = s->start > t->start ? s->start : t->start;
  uint32_t hi = s->end < t->end ? s->end : t->end;
  uint32_t ls = s->end - s->start, lt = t->end - t->start;
  uint32_t longer = ls > lt ? ls : lt;
  if (s->doc != t->doc) return 0;
  if (s->start == t->start && s->end == t->end) return 1;
  if (hi <= lo) return 0;
  return 2 * (uint64_t)(hi - lo) >= longer;
}

/* Random passages: the sweep agrees with the pairwise definition. */
static void matches_pairwise_reference(void **state) {
  enum { N = 300 };
  hs_passage p[N];
  size_t par[N], i, j, round;
  uint64_t x = 88172645463325252ULL;
  hs_error err;
  (void)state;
  for (round = 0; round < 30; round++) {
    for (i = 0; i < N; i++) {
      uint32_t v[6];
      draw(&x, v, 6);
      {
        uint32_t ad = v[0] % 6, bd = v[1] % 6, as = v[2] % 3000,
                 bs = v[3] % 3000, al = v[4] % (round % 3 ? 400 : 40),
                 bl = v[5] % 300;
        if (bd < ad) {
          uint32_t t = ad;
          ad = bd;
          bd = t;
        }
        p[i] = mk(ad, as, as + al, bd, bs, bs + bl);
      }
    }
    assert_int_equal(hs_families_assign(p, N, &err), HS_OK);
    for (i = 0; i < N; i++) par[i] = i;
    for (i = 0; i < N; i++)
      for (j = 0; j < i; j++) {
        const hs_span *si[2] = {&p[i].a, &p[i].b};
        const hs_span *sj[2] = {&p[j].a, &p[j].b};
        size_t u, w;
        for (u = 0; u < 2; u++)
          for (w = 0; w < 2; w++)
            if (ref_overlaps(si[u], sj[w]))
              par[ref_find(par, i)] = ref_find(par, j);
      }
    for (i = 0; i < N; i++)
      for (j = 0; j < i; j++)
        assert_int_equal(ref_find(par, i) == ref_find(par, j),
                         p[i].family == p[j].family);
  }
}

/* The spans sorted by one key when document and offsets fit in 64 bits,
** by the keyed sort of records when they do not: the same families. */
static void one_key_or_records(void **state) {
  enum { N = 400 };
  static hs_passage p[N], q[N];
  size_t i;
  uint64_t x = 2463534242ULL;
  hs_error err;
  (void)state;
  for (i = 0; i < N; i++) {
    uint32_t v[4];
    draw(&x, v, 4);
    p[i] = mk(v[0] % 5, v[1] % 2000, v[1] % 2000 + 30 + v[2] % 200,
              5 + v[0] % 3, v[3] % 2000, v[3] % 2000 + 30 + v[2] % 150);
    q[i] = p[i];
    /* past 2^31: 3 + 32 + 32 bits, more than one key holds */
    q[i].a.start += 0x80000000u, q[i].a.end += 0x80000000u;
    q[i].b.start += 0x80000000u, q[i].b.end += 0x80000000u;
  }
  assert_int_equal(hs_families_assign(p, N, &err), HS_OK);
  assert_int_equal(hs_families_assign(q, N, &err), HS_OK);
  assert_true(nfamilies(p, N) > 1);
  for (i = 0; i < N; i++) {
    assert_int_equal(q[i].a.start - 0x80000000u, p[i].a.start);
    assert_int_equal(q[i].family, p[i].family);
  }
}

/* A sorted run and a few more merged: what the whole sort gives, ties
** included (copies of passages of the run among the few), and the whole
** sort when the run is not in order. */
static void merge_matches_sort(void **state) {
  enum { N = 200 };
  static hs_passage p[N], q[N];
  size_t i, kept, round;
  uint64_t x = 88172645463325252ULL;
  (void)state;
  for (round = 0; round < 40; round++) {
    kept = round % 4 == 3 ? N : N - 1 - round % 29;
    for (i = 0; i < N; i++) {
      uint32_t v[3];
      draw(&x, v, 3);
      p[i] = mk(v[0] % 6, v[1] % 50 * 10, v[1] % 50 * 10 + 40 + v[2] % 3,
                6 + v[0] % 4, v[2] % 40 * 10, v[2] % 40 * 10 + 50);
      p[i].family = (uint32_t)i; /* tells equal passages apart */
      if (i >= kept && v[2] % 3 == 0) { /* a copy of one of the run */
        p[i] = p[v[1] % kept];
        p[i].family = (uint32_t)i;
      }
    }
    if (round % 5) hs_cluster_passage_sort(p, kept);
    memcpy(q, p, sizeof p);
    hs_cluster_passage_merge(p, kept, N);
    hs_cluster_passage_sort(q, N);
    for (i = 0; i < N; i++) {
      assert_int_equal(hs_cluster_passage_cmp(&p[i], &q[i]), 0);
      assert_int_equal(p[i].family, q[i].family);
    }
  }
}

static void empty_input(void **state) {
  hs_error err;
  int32_t *g = NULL;
  size_t ng = 99;
  uint32_t w[3] = {10, 10, 10};
  (void)state;
  assert_int_equal(hs_families_assign(NULL, 0, &err), HS_OK);
  assert_int_equal(hs_dups_group(NULL, 0, 3, w, 0.5, &g, &ng, &err), HS_OK);
  assert_int_equal(ng, 0);
  assert_int_equal(g[0], -1);
  assert_int_equal(g[2], -1);
  free(g);
}

/* Near duplicates: coverage of both documents against the threshold. */
static void dups_threshold(void **state) {
  hs_passage p[6];
  uint32_t words[6] = {100, 100, 200, 100, 100, 100};
  int32_t *g = NULL;
  size_t ng = 0;
  hs_error err;
  (void)state;
  /* 0-1: 90 words of each covered (two overlapping spans in doc 0 whose
  ** union is 450 bytes = 90 words) */
  p[0] = mk(0, 0, 300, 1, 0, 300);      /* 60 words each side */
  p[1] = mk(0, 150, 450, 1, 300, 450);  /* doc0 adds 150 bytes = 30 words */
  p[1].b.words = 30;
  /* 1-2: covers 80 of doc1 but only 80 of 200 in doc2 (0.4) */
  p[2] = mk(1, 0, 400, 2, 0, 400);
  /* 3-4: 85% each */
  p[3] = mk(3, 0, 425, 4, 0, 425);
  /* internal repeat in 5 covering everything: ignored */
  p[4] = mk(5, 0, 250, 5, 250, 500);
  /* 4-5: 30% */
  p[5] = mk(4, 0, 150, 5, 0, 150);

  assert_int_equal(hs_dups_group(p, 6, 6, words, 0.8, &g, &ng, &err), HS_OK);
  assert_int_equal(ng, 2);
  assert_int_equal(g[0], 0);
  assert_int_equal(g[1], 0);
  assert_int_equal(g[2], -1);
  assert_int_equal(g[3], 1);
  assert_int_equal(g[4], 1);
  assert_int_equal(g[5], -1);
  free(g);

  /* At 0.9 only 0-1 qualifies (exactly 0.9 each). */
  assert_int_equal(hs_dups_group(p, 6, 6, words, 0.9, &g, &ng, &err), HS_OK);
  assert_int_equal(ng, 1);
  assert_int_equal(g[0], 0);
  assert_int_equal(g[1], 0);
  assert_int_equal(g[3], -1);
  free(g);

  /* At 0.3 pairs chain: {0,1,2} through 1-2, {3,4,5} through 4-5 (5's
  ** internal repeat plays no part). */
  assert_int_equal(hs_dups_group(p, 6, 6, words, 0.3, &g, &ng, &err), HS_OK);
  assert_int_equal(ng, 2);
  assert_int_equal(g[0], 0);
  assert_int_equal(g[2], 0);
  assert_int_equal(g[3], 1);
  assert_int_equal(g[5], 1);
  free(g);

  /* Bad arguments. */
  assert_int_equal(hs_dups_group(p, 6, 6, words, 1.5, &g, &ng, &err),
                   HS_EUSAGE);
  assert_int_equal(hs_dups_group(p, 6, 3, words, 0.5, &g, &ng, &err),
                   HS_EUSAGE);
  assert_null(g);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(reprint_is_one_family),
      cmocka_unit_test(two_paragraphs_two_families),
      cmocka_unit_test(half_overlap_threshold),
      cmocka_unit_test(chained_partial_overlap),
      cmocka_unit_test(staircase_many_spans),
      cmocka_unit_test(order_independent),
      cmocka_unit_test(families_by_index),
      cmocka_unit_test(matches_pairwise_reference),
      cmocka_unit_test(one_key_or_records),
      cmocka_unit_test(merge_matches_sort),
      cmocka_unit_test(empty_input),
      cmocka_unit_test(dups_threshold),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
