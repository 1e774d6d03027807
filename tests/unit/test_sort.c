/*
** test_sort.c — the radix sorts against qsort on random input with many
** ties: 64-bit values, 32-bit values (insertion, merging, radix), with
** carried values (stably), and records sorted by keys that hold all, part
** or a truncated piece of what the comparator reads, including runs of equal
** keys long enough to need qsort and input already in order.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/sort.h"

static uint64_t rnd(uint64_t *x) {
  *x ^= *x << 13;
  *x ^= *x >> 7;
  *x ^= *x << 17;
  return *x;
}

static int u64_cmp(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return (a > b) - (a < b);
}

static int u32_cmp(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return (a > b) - (a < b);
}

/* n random values of width bytes (8: hs_sort_u64, 4: hs_sort_u32) whose
** low `bits` bits vary (moved to the top when high), sorted by qsort and
** by the sort under test: the two must agree. */
static void same_as_qsort(size_t n, size_t width, int bits, int high,
                          int threads, uint64_t *x) {
  unsigned char *a = malloc(n * width + 8), *b = malloc(n * width + 8);
  uint32_t *tmp = malloc(n * sizeof *tmp + 8);
  size_t i;
  for (i = 0; i < n; i++) {
    uint64_t v = rnd(x);
    if (bits < 64) v &= (1ull << bits) - 1;
    if (high) v <<= 8 * width - (size_t)bits;
    if (width == 8) ((uint64_t *)(void *)a)[i] = v;
    else ((uint32_t *)(void *)a)[i] = (uint32_t)v;
  }
  memcpy(b, a, n * width);
  qsort(a, n, width, width == 8 ? u64_cmp : u32_cmp);
  if (width == 8 && threads)
    hs_sort_u64_threads((uint64_t *)(void *)b, n, threads);
  else if (width == 8) hs_sort_u64((uint64_t *)(void *)b, n);
  else hs_sort_u32((uint32_t *)(void *)b, n, tmp);
  if (n) assert_memory_equal(a, b, n * width);
  free(a);
  free(b);
  free(tmp);
}

static void u64_matches_qsort(void **state) {
  static const size_t sizes[] = {0, 1, 2, 63, 64, 65, 1000, 50000};
  static const int bits[] = {1, 7, 12, 33, 64};
  size_t si, bi;
  uint64_t x = 88172645463325252ull;
  (void)state;
  for (si = 0; si < sizeof sizes / sizeof *sizes; si++)
    for (bi = 0; bi < sizeof bits / sizeof *bits; bi++)
      same_as_qsort(sizes[si], 8, bits[bi], bi % 2, 0, &x);
}

/* On threads: below the size sorted at once, at it, and above it, with
** keys of few bits (two parts), keys in the high half of the word only,
** and full ones. */
static void u64_threads_match_qsort(void **state) {
  static const size_t sizes[] = {0, 1, 1000, 65536, 200001};
  static const int bits[] = {1, 12, 40, 64};
  size_t si, bi;
  int t;
  uint64_t x = 2463534242ull;
  (void)state;
  for (t = 1; t <= 3; t++)
    for (si = 0; si < sizeof sizes / sizeof *sizes; si++)
      for (bi = 0; bi < sizeof bits / sizeof *bits; bi++)
        same_as_qsort(sizes[si], 8, bits[bi], bi % 2, t, &x);
}

/* hs_sort_u32 on each side of its network's block, merging and radix
** limits, with many ties and without, and keys at the top of the range
** (a short block is filled up with UINT32_MAX): each key one of 0, 1,
** UINT32_MAX - 1 and UINT32_MAX. */
static void u32_matches_qsort(void **state) {
  static const size_t sizes[] = {0,  1,  2,  3,  4,   5,   6,   7,   8,
                                 9,  15, 16, 17, 23,  24,  25,  31,  47,
                                 48, 49, 100, 255, 511, 512, 513, 1000,
                                 5000};
  static const int bits[] = {3, 12, 32};
  static const uint32_t edge[] = {0, 1, UINT32_MAX - 1, UINT32_MAX};
  uint32_t a[600], b[600], tmp[600];
  size_t si, bi, i;
  uint64_t x = 2463534242ull;
  (void)state;
  for (si = 0; si < sizeof sizes / sizeof *sizes; si++)
    for (bi = 0; bi < sizeof bits / sizeof *bits; bi++)
      same_as_qsort(sizes[si], 4, bits[bi], 0, 0, &x);
  for (si = 0; si < sizeof sizes / sizeof *sizes && sizes[si] <= 600; si++) {
    size_t n = sizes[si];
    for (i = 0; i < n; i++) a[i] = b[i] = edge[rnd(&x) % 4];
    qsort(a, n, sizeof *a, u32_cmp);
    hs_sort_u32(b, n, tmp);
    if (n) assert_memory_equal(a, b, n * sizeof *a);
  }
}

typedef struct kc {
  uint64_t key;
  uint32_t carry;
} kc;

static int kc_cmp(const void *x, const void *y) {
  const kc *a = x, *b = y;
  if (a->key != b->key) return a->key < b->key ? -1 : 1;
  return (a->carry > b->carry) - (a->carry < b->carry);
}

/* hs_sort_u64_high on keys term << 32 | document made document by
** document (the documents of a term in order): the full sort's order, on
** each side of the short arrays' and the 8-bit digits' limits, carried
** values following their keys and equal keys in input order; the low
** halves are not sorted (a key out of order there stays so). */
static void u64_high_sorts_by_term(void **state) {
  static const size_t sizes[] = {0, 1, 2, 63, 64, 65, 1000, 16383, 16384,
                                 70000};
  static uint64_t a[70000], b[70000];
  size_t si, i;
  uint64_t x = 88172645463325252ull;
  (void)state;
  for (si = 0; si < sizeof sizes / sizeof *sizes; si++) {
    size_t n = sizes[si];
    for (i = 0; i < n; i++) { /* documents ascending, terms at random */
      uint64_t term = rnd(&x) % (si % 2 ? 50 : 100000);
      if (si > 3) term |= (rnd(&x) & 7) << 29; /* high bits of a term too */
      a[i] = b[i] = term << 32 | (uint64_t)(i / 3);
    }
    qsort(a, n, sizeof *a, u64_cmp);
    hs_sort_u64_high(b, NULL, n);
    if (n) assert_memory_equal(a, b, n * sizeof *a);
  }
  /* carried values follow their keys, ties (a document's sentences) in
  ** input order: against a stable reference */
  for (si = 0; si < sizeof sizes / sizeof *sizes; si++) {
    size_t n = sizes[si];
    static kc ref[70000];
    static uint32_t carry[70000];
    for (i = 0; i < n; i++) {
      uint64_t term = rnd(&x) % (si % 2 ? 50 : 3000);
      b[i] = term << 32 | (uint64_t)(i / 7);
      carry[i] = (uint32_t)i;
      ref[i].key = b[i];
      ref[i].carry = (uint32_t)i;
    }
    qsort(ref, n, sizeof *ref, kc_cmp);
    hs_sort_u64_high(b, carry, n);
    for (i = 0; i < n; i++) {
      assert_true(b[i] == ref[i].key);
      assert_int_equal(carry[i], ref[i].carry);
    }
  }
  /* low halves out of order: kept in input order when 64 keys or more */
  for (i = 0; i < 100; i++) b[i] = (uint64_t)(i % 2) << 32 | (100 - i);
  hs_sort_u64_high(b, NULL, 100);
  for (i = 1; i < 50; i++) assert_true((uint32_t)b[i] < (uint32_t)b[i - 1]);
  assert_int_equal(b[50] >> 32, 1);
}

/* The carried values follow their keys, and equal keys keep their order
** (the index relies on it): each size on either side of the insertion
** sort's and the 8-bit digits' limits, with many ties. */
static void u64_carry_stable(void **state) {
  static const size_t sizes[] = {2, 10, 63, 64, 65, 1000, 16383, 16384, 40000};
  static const uint64_t spreads[] = {3, 1000, ~0ull};
  size_t si, pi, i;
  uint64_t x = 1181783497276652981ull;
  (void)state;
  for (si = 0; si < sizeof sizes / sizeof *sizes; si++)
    for (pi = 0; pi < sizeof spreads / sizeof *spreads; pi++) {
      size_t n = sizes[si];
      kc *ref = malloc(n * sizeof *ref);
      uint64_t *k = malloc(n * sizeof *k);
      uint32_t *c = malloc(n * sizeof *c);
      for (i = 0; i < n; i++) {
        uint64_t v = rnd(&x);
        k[i] = spreads[pi] == ~0ull ? v : (v % spreads[pi]) << (pi * 20);
        c[i] = (uint32_t)i;
        ref[i].key = k[i];
        ref[i].carry = c[i];
      }
      qsort(ref, n, sizeof *ref, kc_cmp); /* ties by original position */
      hs_sort_u64_carry(k, c, n);
      for (i = 0; i < n; i++) {
        assert_true(k[i] == ref[i].key);
        assert_int_equal(c[i], ref[i].carry);
      }
      free(ref);
      free(k);
      free(c);
    }
}

/* A record like the ones the engine sorts: several fields, a double, and
** a payload the comparator does not read (so stability shows). */
typedef struct rec {
  uint32_t doc, start, other;
  double sim;
  uint64_t hash;
  uint32_t payload;
} rec;

static int rec_cmp(const void *x, const void *y) {
  const rec *a = x, *b = y;
  if (a->hash != b->hash) return a->hash < b->hash ? -1 : 1;
  if (a->doc != b->doc) return a->doc < b->doc ? -1 : 1;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  if (a->other != b->other) return a->other < b->other ? -1 : 1;
  if (a->sim != b->sim) return a->sim < b->sim ? -1 : 1;
  return 0;
}

/* Keys of increasing completeness: mode 0 the hash only; 1 the top 20
** bits of the hash; 2 hash then (doc, start); 3 hash, (doc, start),
** other; 4 the top 20 bits of the hash, then (doc, start), which are out
** of order between different hashes of one run. */
static uint64_t rec_key(const void *e, int round, const void *ctx) {
  const rec *r = e;
  int mode = *(const int *)ctx;
  if (round == 0) return mode == 1 || mode == 4 ? r->hash >> 44 : r->hash;
  if (round == 1) return (uint64_t)r->doc << 32 | r->start;
  return r->other;
}

static void keyed_matches_qsort(void **state) {
  static const size_t sizes[] = {2, 40, 64, 500, 20000, 70001};
  size_t si, i;
  int mode, spread;
  uint64_t x = 2463534242ull;
  (void)state;
  for (si = 0; si < sizeof sizes / sizeof *sizes; si++)
    for (mode = 0; mode < 5; mode++)
      for (spread = 0; spread < 3; spread++) {
        size_t n = sizes[si];
        int nrounds = mode < 2 ? 1 : mode == 4 ? 2 : mode;
        rec *a = calloc(n, sizeof *a), *b = calloc(n, sizeof *b);
        rec *c = calloc(n, sizeof *c);
        /* spread 0: few distinct values (long runs of ties); 1: some;
        ** 2: many. */
        uint64_t m = spread == 0 ? 3 : spread == 1 ? 50 : 100000;
        for (i = 0; i < n; i++) {
          a[i].hash = (rnd(&x) % m) * 0x9E3779B97F4A7C15ull;
          if (spread == 2 && i % 3 == 0) /* same top bits, other hash */
            a[i].hash = (a[i].hash & ~0xFFFFFull) | (rnd(&x) & 0xFFFFF);
          a[i].doc = (uint32_t)(rnd(&x) % m);
          a[i].start = (uint32_t)(rnd(&x) % (m * 10));
          a[i].other = (uint32_t)(rnd(&x) % 4);
          a[i].sim = (double)(rnd(&x) % 5) / 4.0;
          a[i].payload = (uint32_t)i;
        }
        memcpy(b, a, n * sizeof *a);
        memcpy(c, a, n * sizeof *a);
        qsort(a, n, sizeof *a, rec_cmp);
        hs_sort_keyed(b, n, sizeof *b, nrounds, rec_key, &mode, rec_cmp);
        /* on threads: the same order, ties too */
        hs_sort_keyed_threads(c, n, sizeof *c, nrounds, rec_key, &mode,
                              rec_cmp, 3);
        for (i = 0; i < n; i++) {
          assert_int_equal(rec_cmp(&a[i], &b[i]), 0);
          assert_int_equal(a[i].payload, b[i].payload); /* stable */
          assert_int_equal(b[i].payload, c[i].payload);
        }
        /* Sorted input stays as it is. */
        hs_sort_keyed(b, n, sizeof *b, nrounds, rec_key, &mode, rec_cmp);
        for (i = 0; i < n; i++) assert_int_equal(a[i].payload, b[i].payload);
        free(a);
        free(b);
        free(c);
      }
}

static void bits_of(void **state) {
  (void)state;
  assert_int_equal(hs_sort_bits(0), 0);
  assert_int_equal(hs_sort_bits(1), 1);
  assert_int_equal(hs_sort_bits(2047), 11);
  assert_int_equal(hs_sort_bits(2048), 12);
  assert_int_equal(hs_sort_bits(~0ull), 64);
}

static void sorted_has(void **state) {
  const uint64_t v[] = {2, 5, 5, 9, ~0ull};
  (void)state;
  assert_false(hs_u64_sorted_has(v, 0, 2));
  assert_true(hs_u64_sorted_has(v, 5, 2));
  assert_true(hs_u64_sorted_has(v, 5, 5));
  assert_true(hs_u64_sorted_has(v, 5, ~0ull));
  assert_false(hs_u64_sorted_has(v, 5, 0));
  assert_false(hs_u64_sorted_has(v, 5, 6));
  assert_false(hs_u64_sorted_has(v, 4, ~0ull));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(u64_matches_qsort),
      cmocka_unit_test(u64_threads_match_qsort),
      cmocka_unit_test(u32_matches_qsort),
      cmocka_unit_test(u64_high_sorts_by_term),
      cmocka_unit_test(u64_carry_stable),
      cmocka_unit_test(keyed_matches_qsort),
      cmocka_unit_test(bits_of),
      cmocka_unit_test(sorted_has),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
