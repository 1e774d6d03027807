/*
** test_report.c — the JSON Lines passage writer formats numbers and ids by
** hand into a buffer; these tests hold it to what printf and the plain
** escaper write: similarities on and between every thousandth (halves
** included, where rounding is decided by the exact binary value), extreme
** offsets, ids that need escaping or hold invalid UTF-8, and write errors.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "hearsay.h"
#include "util/util.h"

/* The record as the writer promises it (docs/output.md), with stdio. */
static void reference(FILE *f, const hs_corpus *c, const hs_passage *q) {
  fputs("{\"a\":{\"doc\":", f);
  hs_json_str(f, hs_corpus_doc(c, q->a.doc)->id);
  fprintf(f, ",\"start\":%u,\"end\":%u,\"words\":%u},\"b\":{\"doc\":",
          q->a.start, q->a.end, q->a.words);
  hs_json_str(f, hs_corpus_doc(c, q->b.doc)->id);
  fprintf(f,
          ",\"start\":%u,\"end\":%u,\"words\":%u},\"words\":%u,"
          "\"similarity\":%.3f,\"kind\":\"%s\",\"family\":%u,"
          "\"method\":\"%s\"}\n",
          q->b.start, q->b.end, q->b.words, q->words, q->similarity,
          q->internal ? "internal" : "cross", q->family,
          hs_passage_method(q));
}

static char *slurp(FILE *f, size_t *len) {
  long n;
  char *s;
  fflush(f);
  n = ftell(f);
  assert_true(n >= 0);
  s = malloc((size_t)n + 1);
  assert_non_null(s);
  rewind(f);
  assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
  s[n] = '\0';
  *len = (size_t)n;
  return s;
}

static hs_corpus *corpus_of(const char *const *ids, size_t n) {
  hs_corpus *c = hs_corpus_new();
  size_t i;
  for (i = 0; i < n; i++)
    assert_int_equal(hs_corpus_add(c, ids[i], "x", 1, NULL, NULL, NULL, NULL,
                                   NULL, NULL, 0, NULL),
                     HS_OK);
  return c;
}

static void same_as_reference(const hs_corpus *c, const hs_passage *p,
                              size_t n) {
  FILE *got = tmpfile(), *want = tmpfile();
  size_t i, ng, nw;
  char *g, *w;
  hs_error err;
  assert_non_null(got);
  assert_non_null(want);
  assert_int_equal(hs_write_passages(got, HS_FORMAT_JSONL, c, p, n, &err),
                   HS_OK);
  for (i = 0; i < n; i++) reference(want, c, &p[i]);
  g = slurp(got, &ng);
  w = slurp(want, &nw);
  assert_int_equal(ng, nw);
  assert_string_equal(g, w);
  free(g);
  free(w);
  fclose(got);
  fclose(want);
}

static hs_passage passage(uint32_t a, uint32_t b, double sim, uint32_t k) {
  hs_passage p;
  memset(&p, 0, sizeof p);
  p.a.doc = a;
  p.b.doc = b;
  p.a.start = k;
  p.a.end = k * 7 + 13;
  p.b.start = k * 3;
  p.b.end = UINT32_MAX - k;
  p.a.words = k % 1000;
  p.b.words = k;
  p.words = k / 2;
  p.similarity = sim;
  p.internal = a == b;
  p.family = k * 31;
  p.method = (int)(k % 4);
  return p;
}

/* Every thousandth, the halves between them, their neighbours one ulp
** away, and pseudo-random values: the hand-made "%.3f" equals printf's. */
static void similarity_digits(void **state) {
  static const char *const ids[] = {"a", "b"};
  hs_corpus *c = corpus_of(ids, 2);
  size_t cap = 20000, n = 0, k;
  hs_passage *p = calloc(cap, sizeof *p);
  uint64_t x = 88172645463325252ull;
  (void)state;
  for (k = 0; k <= 2000; k++) {
    double v = (double)k / 2000.0;
    p[n++] = passage(0, 1, v, (uint32_t)k);
    p[n++] = passage(0, 1, nextafter(v, 0.0), (uint32_t)k);
    p[n++] = passage(0, 1, nextafter(v, 1.0), (uint32_t)k);
  }
  p[n++] = passage(0, 0, 0.0005, 0);
  p[n++] = passage(0, 0, 0.9995, UINT32_MAX);
  p[n++] = passage(0, 0, 0.0015, 10);
  while (n < cap) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    p[n] = passage(n % 2, 1, (double)(x >> 11) / 9007199254740992.0,
                   (uint32_t)x);
    n++;
  }
  same_as_reference(c, p, n);
  free(p);
  hs_corpus_free(c);
}

/* Ids with quotes, backslashes, control bytes, DEL, non-ASCII and an
** invalid byte are escaped as hs_json_str escapes them. */
static void ids_escaped(void **state) {
  static const char *const ids[] = {
      "plain", "quo\"te", "back\\slash", "tab\there\nnl\r", "\x01\x1f\x7f",
      "\xd8\xb3\xd8\xa7\xd9\x86\xd8\xa7", "bad\xff" "byte", ""};
  hs_corpus *c = corpus_of(ids, 8);
  hs_passage p[64];
  size_t n = 0, i, j;
  (void)state;
  for (i = 0; i < 8; i++)
    for (j = 0; j < 8; j++) p[n++] = passage((uint32_t)i, (uint32_t)j, 0.75,
                                             (uint32_t)(i * 8 + j));
  same_as_reference(c, p, n);
  hs_corpus_free(c);
}

/* No passages: no output at all; a stream that cannot be written: an
** error, not a silent success. */
static void empty_and_write_error(void **state) {
  static const char *const ids[] = {"a", "b"};
  hs_corpus *c = corpus_of(ids, 2);
  hs_passage p = passage(0, 1, 1.0, 5);
  hs_error err;
  FILE *f = tmpfile(), *full;
  size_t len;
  char *s;
  (void)state;
  assert_int_equal(hs_write_passages(f, HS_FORMAT_JSONL, c, NULL, 0, &err),
                   HS_OK);
  s = slurp(f, &len);
  assert_int_equal(len, 0);
  free(s);
  fclose(f);
  full = fopen("/dev/full", "w");
  if (full) {
    hs_error_clear(&err);
    assert_int_equal(hs_write_passages(full, HS_FORMAT_JSONL, c, &p, 1, &err),
                     HS_EIO);
    fclose(full);
  }
  hs_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(similarity_digits),
      cmocka_unit_test(ids_escaped),
      cmocka_unit_test(empty_and_write_error),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
