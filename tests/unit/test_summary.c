/*
** test_summary.c — the chaining of the summary pass (hs_summary_chain) on
** sentence similarities set by hand: a short run of sentences matching,
** in order, sentences spread over a long source is a summary; the same run
** over a source span of about its own length (a rewrite), out of order,
** too short, too sparse, made of copies, or spread too far apart is not,
** nor is a rewrite's run stretched by a weak match far off.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "align/summary.h"

#define NS 8
#define NL 30

typedef struct grid {
  float cos[NS * NL];
  uint32_t ws[NS], wl[NL];
} grid;

static void grid_init(grid *g, uint32_t lwords) {
  int i;
  memset(g, 0, sizeof *g);
  for (i = 0; i < NS; i++) g->ws[i] = 20;
  for (i = 0; i < NL; i++) g->wl[i] = lwords;
}

static void set(grid *g, uint32_t s, uint32_t l, float c) { g->cos[s * NL + l] = c; }

static uint32_t chain(const grid *g, uint32_t *s0, uint32_t *s1, uint32_t *l0,
                      uint32_t *l1) {
  return hs_summary_chain(g->cos, NS, NL, g->ws, g->wl, 12, s0, s1, l0, l1);
}

/* sentences 2..6 over source sentences 0, 5, 11, 17, 24 */
static void summary_found(void **state) {
  grid g;
  uint32_t s0, s1, l0, l1;
  static const uint32_t src[5] = {0, 5, 11, 17, 24};
  int i;
  (void)state;
  grid_init(&g, 20);
  for (i = 0; i < 5; i++) set(&g, 2 + (uint32_t)i, src[i], 0.4f);
  set(&g, 3, 20, 0.25f); /* a weaker match elsewhere does not break it */
  assert_int_equal(chain(&g, &s0, &s1, &l0, &l1), 5);
  assert_int_equal(s0, 2);
  assert_int_equal(s1, 6);
  assert_int_equal(l0, 0);
  assert_int_equal(l1, 24);
}

static void one_gap_allowed(void **state) {
  grid g;
  uint32_t s0, s1, l0, l1;
  (void)state;
  grid_init(&g, 20);
  set(&g, 0, 1, 0.5f);
  set(&g, 1, 6, 0.5f);
  set(&g, 3, 12, 0.5f); /* sentence 2 of the summary matches nothing */
  set(&g, 4, 20, 0.5f);
  assert_int_equal(chain(&g, &s0, &s1, &l0, &l1), 4);
  assert_int_equal(s0, 0);
  assert_int_equal(s1, 4);
}

static void rewrite_not_summary(void **state) {
  grid g;
  uint32_t s0, s1, l0, l1;
  int i;
  (void)state;
  grid_init(&g, 20);
  for (i = 0; i < 5; i++) set(&g, (uint32_t)i, 10 + (uint32_t)i, 0.5f);
  assert_int_equal(chain(&g, &s0, &s1, &l0, &l1), 0);
}

/* 2.5 times longer on the source side: a summary if the bag of words is
** close (the pass checks that) */
static void shorter_source_span(void **state) {
  grid g;
  uint32_t s0, s1, l0, l1;
  int i;
  (void)state;
  grid_init(&g, 20);
  for (i = 0; i < 4; i++) set(&g, (uint32_t)i, 10 + 3 * (uint32_t)i, 0.5f);
  assert_int_equal(chain(&g, &s0, &s1, &l0, &l1), 4);
  assert_int_equal(l0, 10);
  assert_int_equal(l1, 19);
}

/* A rewrite of sentences 0..4 (source 10..14) with a weak match far off:
** the chain through it is not a summary, its sentences being the
** rewrite's. */
static void rewrite_sentences_taken(void **state) {
  grid g;
  uint32_t s0, s1, l0, l1;
  int i;
  (void)state;
  grid_init(&g, 20);
  for (i = 0; i < 5; i++) set(&g, (uint32_t)i, 10 + (uint32_t)i, 0.5f);
  set(&g, 4, 29, 0.2f);
  assert_int_equal(chain(&g, &s0, &s1, &l0, &l1), 0);
}

static void out_of_order(void **state) {
  grid g;
  uint32_t s0, s1, l0, l1;
  static const uint32_t src[5] = {24, 17, 11, 5, 0};
  int i;
  (void)state;
  grid_init(&g, 20);
  for (i = 0; i < 5; i++) set(&g, (uint32_t)i, src[i], 0.5f);
  assert_int_equal(chain(&g, &s0, &s1, &l0, &l1), 0);
}

static void too_few_or_sparse(void **state) {
  grid g;
  uint32_t s0, s1, l0, l1;
  (void)state;
  grid_init(&g, 20);
  set(&g, 0, 0, 0.5f);
  set(&g, 1, 12, 0.5f);
  assert_int_equal(chain(&g, &s0, &s1, &l0, &l1), 0);
  grid_init(&g, 20); /* three matches, each three sentences apart */
  set(&g, 0, 0, 0.5f);
  set(&g, 4, 10, 0.5f);
  set(&g, 7, 20, 0.5f);
  assert_int_equal(chain(&g, &s0, &s1, &l0, &l1), 0);
}

static void copies_not_summed_up(void **state) {
  grid g;
  uint32_t s0, s1, l0, l1;
  static const uint32_t src[5] = {0, 5, 11, 17, 24};
  int i;
  (void)state;
  grid_init(&g, 20);
  for (i = 0; i < 5; i++) set(&g, (uint32_t)i, src[i], 0.95f);
  assert_int_equal(chain(&g, &s0, &s1, &l0, &l1), 0);
  set(&g, 1, 5, 0.4f); /* two copied sentences among three summed up */
  set(&g, 2, 11, 0.4f);
  set(&g, 3, 17, 0.4f);
  assert_int_equal(chain(&g, &s0, &s1, &l0, &l1), 5);
}

static void source_too_spread(void **state) {
  grid g;
  uint32_t s0, s1, l0, l1;
  static const uint32_t src[4] = {0, 9, 18, 27};
  int i;
  (void)state;
  grid_init(&g, 80); /* 640 words between two matched source sentences */
  for (i = 0; i < 4; i++) set(&g, (uint32_t)i, src[i], 0.5f);
  assert_int_equal(chain(&g, &s0, &s1, &l0, &l1), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(summary_found),     cmocka_unit_test(one_gap_allowed),
      cmocka_unit_test(rewrite_not_summary), cmocka_unit_test(out_of_order),
      cmocka_unit_test(shorter_source_span),
      cmocka_unit_test(rewrite_sentences_taken),
      cmocka_unit_test(too_few_or_sparse), cmocka_unit_test(copies_not_summed_up),
      cmocka_unit_test(source_too_spread),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
