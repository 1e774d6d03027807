/*
** test_story.c — the story stage's stock text (src/story/stock.c): which
** words of a sentence the paraphrase edges leave out.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "hearsay.h"
#include "story/story.h"

/* the masked words of text as a string of 0/1, one per token */
static char *mask_of(const hs_stock *st, const char *text, int *furniture) {
  hs_token *tok = NULL;
  size_t n = 0, k;
  uint8_t *m;
  char *out;
  assert_int_equal(hs_tokenize(text, strlen(text), &tok, &n, NULL), HS_OK);
  m = calloc(n + 1, 1);
  out = calloc(n + 1, 1);
  *furniture = hs_stock_mask(st, text, 0, (uint32_t)strlen(text), tok, n, m);
  for (k = 0; k < n; k++) out[k] = m[k] ? '1' : '0';
  free(m);
  free(tok);
  return out;
}

static void test_builtin_table(void **state) {
  hs_stock *st = NULL;
  int furn = 0;
  char *m;
  (void)state;
  assert_int_equal(hs_stock_new(&st, NULL), HS_OK);
  /* a quote marker masks itself and the rest of the sentence */
  m = mask_of(st, "وأكد البيان أن الجريمة نكراء قال تعالى ومن يقتل مؤمنا", &furn);
  assert_string_equal(m, "0000011111");
  assert_int_equal(furn, 0);
  free(m);
  /* a formula masks its own words, matched after normalization */
  m = mask_of(st, "توفي الشيخ سعد العتيبي إنا لله وإنا إليه راجعون أمس", &furn);
  assert_string_equal(m, "0000111110");
  free(m);
  /* page furniture: the whole sentence is none */
  m = mask_of(st, "للتواصل مع الكاتب ارسل رسالة SMS", &furn);
  assert_int_equal(furn, 1);
  free(m);
  /* verses in braces and double parentheses */
  m = mask_of(st, "واستشهد الخطيب {ولكم في القصاص حياة} وختم ((ربنا اغفر لنا)) اليوم", &furn);
  assert_string_equal(m, "00111101110");
  free(m);
  /* a vocalized run is a quotation; one vocalized word alone is not */
  m = mask_of(st, "وقيل قديما مُضِرٌّ كَوَضعِ السَّيفِ في مَوضِعِ النَّدى والحكمة باقية", &furn);
  assert_string_equal(m, "0011111100");
  free(m);
  m = mask_of(st, "وبيَّن الكاتب أن الحلم في غير موضعه ضعف", &furn);
  assert_string_equal(m, "00000000");
  free(m);
  /* English */
  m = mask_of(st, "The mayor died on Monday, may he rest in peace", &furn);
  assert_string_equal(m, "0000011111");
  free(m);
  hs_stock_free(st);
}

static void test_parse_errors(void **state) {
  hs_stock *st = NULL;
  hs_error err;
  const char *bad = "# comment\nar\tslogan\tكلمة\n";
  const char *good = "\n# c\nen\tformula\tbreaking news\r\n";
  int furn = 0;
  char *m;
  (void)state;
  memset(&err, 0, sizeof err);
  assert_int_equal(hs_stock_parse(&st, bad, strlen(bad), "t.tsv", &err), HS_EINPUT);
  assert_null(st);
  assert_non_null(strstr(err.msg, "t.tsv:2"));
  assert_int_equal(hs_stock_parse(&st, good, strlen(good), "t.tsv", NULL), HS_OK);
  m = mask_of(st, "Breaking News: the bridge reopened", &furn);
  assert_string_equal(m, "11000");
  free(m);
  hs_stock_free(st);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_builtin_table),
      cmocka_unit_test(test_parse_errors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
