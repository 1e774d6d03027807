/*
** test_text.c — the tokenizer: exact byte spans for Latin, Arabic (with
** harakat and tatweel), Persian (with ZWNJ), Cyrillic, CJK and mixed text;
** the normalized forms behind the hashes (NFKC, case folding, mark
** stripping, Arabic/Persian letter and digit variants, abbreviation dots
** and apostrophes); invalid UTF-8 as separators; the token length limit.
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

#define MAX_EXPECT 16

/* ------------------------------------------------------------ helpers */

static hs_token *tokenize(const char *s, size_t len, size_t *n) {
  hs_token *t = NULL;
  hs_error err;
  hs_error_clear(&err);
  assert_int_equal(hs_tokenize(s, len, &t, n, &err), HS_OK);
  assert_non_null(t);
  return t;
}

static char *normalize(const char *s, size_t len) {
  size_t need = hs_normalize(s, len, NULL, 0);
  char *buf = malloc(need + 1);
  assert_non_null(buf);
  assert_int_equal(hs_normalize(s, len, buf, need + 1), need);
  assert_int_equal(strlen(buf), need);
  return buf;
}

static void assert_norm(const char *s, const char *want) {
  char *got = normalize(s, strlen(s));
  if (strcmp(got, want) != 0)
    fail_msg("normalize(\"%s\") = \"%s\", expected \"%s\"", s, got, want);
  free(got);
}

/* Hash of the single token of s. */
static uint64_t hash1(const char *s) {
  size_t n;
  hs_token *t = tokenize(s, strlen(s), &n);
  uint64_t h;
  if (n != 1) fail_msg("\"%s\" gave %zu tokens, expected 1", s, n);
  h = t[0].hash;
  free(t);
  return h;
}

/* All token hashes of a and b are equal, in order. */
static void assert_same_hashes(const char *a, const char *b) {
  size_t na, nb, i;
  hs_token *ta = tokenize(a, strlen(a), &na);
  hs_token *tb = tokenize(b, strlen(b), &nb);
  if (na != nb) fail_msg("\"%s\": %zu tokens, \"%s\": %zu", a, na, b, nb);
  for (i = 0; i < na; i++)
    if (ta[i].hash != tb[i].hash)
      fail_msg("token %zu differs between \"%s\" and \"%s\"", i, a, b);
  free(ta);
  free(tb);
}

/* ------------------------------------------------------- token spans */

/* Each case lists the expected tokens as substrings of the text, in order:
** their byte spans are found by searching the text left to right, so the
** table stays readable for any script.  norm is the expected normalized
** form of the whole text. */
typedef struct span_case {
  const char *name;
  const char *text;
  const char *tokens[MAX_EXPECT];
  const char *norm;
} span_case;

static const span_case span_cases[] = {
    {"english", "The quick brown fox, jumped (over) 12 lazy dogs!",
     {"The", "quick", "brown", "fox", "jumped", "over", "12", "lazy", "dogs"},
     "the quick brown fox jumped over 12 lazy dogs"},
    {"english-joiners", "U.S.-led talks, don't stop: 1,000 and 3.5 e.g. x",
     {"U.S", "led", "talks", "don't", "stop", "1,000", "and", "3.5", "e.g",
      "x"},
     "us led talks dont stop 1000 and 35 eg x"},
    {"trailing-apostrophe", "the dogs' bones 'quoted'",
     {"the", "dogs", "bones", "quoted"},
     "the dogs bones quoted"},
    {"arabic-harakat", "كَتَبَ الطَّالِبُ الدَّرْسَ.",
     {"كَتَبَ", "الطَّالِبُ", "الدَّرْسَ"},
     "كتب الطالب الدرس"},
    {"arabic-tatweel", "اللغة العـــربية جميلة",
     {"اللغة", "العـــربية", "جميلة"},
     "اللغه العربيه جميله"},
    {"persian-zwnj", "من می\u200cخواهم به خانه بروم",
     {"من", "می\u200cخواهم", "به", "خانه", "بروم"},
     "من ميخواهم به خانه بروم"},
    {"persian-trailing-zwnj", "کتاب\u200c ها",
     {"کتاب", "ها"},
     "كتاب ها"},
    {"cyrillic", "Привет, мир! Москва — столица.",
     {"Привет", "мир", "Москва", "столица"},
     "привет мир москва столица"},
    {"cjk", "日本語のテキスト",
     {"日", "本", "語", "の", "テ", "キ", "ス", "ト"},
     "日 本 語 の テ キ ス ト"},
    {"chinese-punct", "新闻，报道。",
     {"新", "闻", "报", "道"},
     "新 闻 报 道"},
    {"mixed", "Reuters报道: Москва, الخبر 2024 café",
     {"Reuters", "报", "道", "Москва", "الخبر", "2024", "café"},
     "reuters 报 道 москва الخبر 2024 cafe"},
    {"invalid-utf8", "abc\xff def",
     {"abc", "def"},
     "abc def"},
    {"invalid-inside", "ab\xc3(cd\xe2\x82 ef\xf0\x9f",
     {"ab", "cd", "ef"},
     "ab cd ef"},
    {"only-separators", " \t\n.,;:!?()[]{}-\"' \xff\xfe",
     {NULL},
     ""},
    {"combining-only", "\xcc\x81\xcc\x81 \xd9\x8e",
     {NULL},
     ""},
    /* Around the fast path for 1- and 2-byte characters: a fold longer
    ** than 4 bytes (U+00BD), a 2-byte letter ending the text, an overlong
    ** form, a 2-byte separator, marks counting as letters before a dot,
    ** Arabic digit joiners. */
    {"long-fold", "x\xc2\xbdy a",
     {"x\xc2\xbdy", "a"},
     "x1\xe2\x81\x84" "2y a"},
    {"ends-with-2-byte", "ab \xd9\x83\xd8\xaa\xd8\xa8",
     {"ab", "\xd9\x83\xd8\xaa\xd8\xa8"},
     "ab \xd9\x83\xd8\xaa\xd8\xa8"},
    {"overlong-inside", "ab\xc1\xa1" "cd",
     {"ab", "cd"},
     "ab cd"},
    {"arabic-comma", "\xd9\x83\xd8\xaa\xd8\xa8\xd8\x8c\xd8\xaf",
     {"\xd9\x83\xd8\xaa\xd8\xa8", "\xd8\xaf"},
     "\xd9\x83\xd8\xaa\xd8\xa8 \xd8\xaf"},
    {"dot-after-mark", "e\xcc\x81.g x.y",
     {"e\xcc\x81", "g", "x.y"},
     "e g xy"},
    {"arabic-digit-joiners", "\xd9\xa1\xd9\xac\xd9\xa0\xd9\xa0 "
     "\xd9\x88\xd9\xa3\xd9\xab\xd9\xa5",
     {"\xd9\xa1\xd9\xac\xd9\xa0\xd9\xa0",
      "\xd9\x88\xd9\xa3\xd9\xab\xd9\xa5"},
     "100 \xd9\x88" "35"},
};

static void test_spans(void **state) {
  size_t c;
  (void)state;
  for (c = 0; c < sizeof span_cases / sizeof span_cases[0]; c++) {
    const span_case *k = &span_cases[c];
    size_t len = strlen(k->text), n, want = 0, i, from = 0;
    hs_token *t = tokenize(k->text, len, &n);
    char *norm;
    while (want < MAX_EXPECT && k->tokens[want]) want++;
    if (n != want)
      fail_msg("%s: %zu tokens, expected %zu", k->name, n, want);
    for (i = 0; i < n; i++) {
      const char *at = strstr(k->text + from, k->tokens[i]);
      size_t s, e;
      assert_non_null(at);
      s = (size_t)(at - k->text);
      e = s + strlen(k->tokens[i]);
      if (t[i].start != s || t[i].end != e)
        fail_msg("%s: token %zu is [%u,%u), expected [%zu,%zu) \"%s\"",
                 k->name, i, t[i].start, t[i].end, s, e, k->tokens[i]);
      from = e;
    }
    assert_int_equal(hs_count_words(k->text, len), n);
    norm = normalize(k->text, len);
    if (strcmp(norm, k->norm) != 0)
      fail_msg("%s: normalized \"%s\", expected \"%s\"", k->name, norm,
               k->norm);
    free(norm);
    free(t);
  }
}

/* Spans are the same whether or not the text is NUL-terminated, and no
** token reaches past len. */
static void test_len_respected(void **state) {
  const char *s = "alpha beta gamma";
  size_t n;
  hs_token *t;
  (void)state;
  t = tokenize(s, 8, &n); /* "alpha be" */
  assert_int_equal(n, 2);
  assert_int_equal(t[1].start, 6);
  assert_int_equal(t[1].end, 8);
  assert_int_equal(t[1].hash, hash1("be"));
  free(t);
}

/* -------------------------------------------------------- normalization */

typedef struct norm_case {
  const char *text, *norm;
} norm_case;

static const norm_case norm_cases[] = {
    {"U.S.-led", "us led"},
    {"don't", "dont"},
    {"don\u2019t", "dont"},
    {"1,000", "1000"},
    {"\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3", "abc"}, /* fullwidth ＡＢＣ */
    {"Straße", "strasse"},
    {"STRASSE", "strasse"},
    {"café", "cafe"},
    {"cafe\xcc\x81", "cafe"}, /* e + combining acute */
    {"ﬁnance", "finance"},     /* ligature */
    {"أحمد", "احمد"},
    {"إسلام", "اسلام"},
    {"آمن", "امن"},
    {"مدرسة", "مدرسه"},
    {"مستشفى", "مستشفي"},
    {"ایران", "ايران"},       /* Persian yeh */
    {"کتاب", "كتاب"},         /* keheh */
    {"٣", "3"},
    {"۳", "3"},
    {"٢٠٢٤", "2024"},
    {"۱۴۰۳", "1403"},
    {"Ёлка", "елка"},
};

static void test_normalize_table(void **state) {
  size_t i;
  (void)state;
  for (i = 0; i < sizeof norm_cases / sizeof norm_cases[0]; i++)
    assert_norm(norm_cases[i].text, norm_cases[i].norm);
}

typedef struct eq_case {
  const char *a, *b;
} eq_case;

static const eq_case eq_cases[] = {
    {"U.S.-led", "US-led"},
    {"U.S.-led", "us led"},
    {"don't", "dont"},
    {"don\u2019t", "don't"},
    {"1,000", "1000"},
    {"\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3", "abc"},
    {"Straße", "STRASSE"},
    {"café", "cafe"},
    {"café", "CAFE\xcc\x81"},
    {"أحمد", "احمد"},
    {"إسلام", "اسلام"},
    {"آمن", "امن"},
    {"مدرسة", "مدرسه"},
    {"مستشفى", "مستشفي"},
    {"ایران", "ايران"},
    {"کتاب", "كتاب"},
    {"٣", "3"},
    {"۳", "3"},
    {"۳", "٣"},
    {"كَتَبَ", "كتب"},
    {"العـــربية", "العربية"},
    {"می\u200cخواهم", "ميخواهم"},
};

static void test_hash_equal(void **state) {
  size_t i;
  (void)state;
  for (i = 0; i < sizeof eq_cases / sizeof eq_cases[0]; i++)
    assert_same_hashes(eq_cases[i].a, eq_cases[i].b);
}

static void test_hash_differs(void **state) {
  (void)state;
  assert_int_not_equal(hash1("cat"), hash1("cut"));
  assert_int_not_equal(hash1("ab"), hash1("ba"));
  assert_int_not_equal(hash1("1000"), hash1("100"));
  assert_int_not_equal(hash1("كتب"), hash1("كتاب"));
}

static void test_one_token(void **state) {
  static const char *const one[] = {"don't", "don\u2019t", "1,000", "3.14",
                                    "U.S", "e.g", "می\u200cخواهم",
                                    "العـــربية", "1,000,000"};
  size_t i;
  (void)state;
  for (i = 0; i < sizeof one / sizeof one[0]; i++)
    assert_int_equal(hs_count_words(one[i], strlen(one[i])), 1);
}

/* hs_normalize reports the length needed and truncates like snprintf. */
static void test_normalize_truncates(void **state) {
  char buf[6];
  (void)state;
  memset(buf, 'x', sizeof buf);
  assert_int_equal(hs_normalize("Hello World", 11, buf, sizeof buf), 11);
  assert_string_equal(buf, "hello");
  assert_int_equal(hs_normalize("Hello World", 11, buf, 1), 11);
  assert_string_equal(buf, "");
}

/* ------------------------------------------------------- edge cases */

static void test_empty(void **state) {
  size_t n = 99;
  hs_token *t = tokenize("", 0, &n);
  char buf[4] = "zz";
  (void)state;
  assert_int_equal(n, 0);
  free(t);
  assert_int_equal(hs_count_words("", 0), 0);
  assert_int_equal(hs_normalize("", 0, buf, sizeof buf), 0);
  assert_string_equal(buf, "");
}

/* A run of `count` copies of the UTF-8 letter `ch`: split into tokens of
** at most 253 bytes that tile the run exactly. */
static void check_long_run(const char *ch, size_t count) {
  size_t cl = strlen(ch), len = cl * count, n, i;
  char *s = malloc(len + 1);
  hs_token *t;
  assert_non_null(s);
  for (i = 0; i < count; i++) memcpy(s + i * cl, ch, cl);
  s[len] = '\0';
  t = tokenize(s, len, &n);
  assert_true(n >= (len + 252) / 253);
  assert_int_equal(hs_count_words(s, len), n);
  assert_int_equal(t[0].start, 0);
  assert_int_equal(t[n - 1].end, len);
  for (i = 0; i < n; i++) {
    assert_true(t[i].end > t[i].start);
    assert_true(t[i].end - t[i].start <= 253);
    assert_int_equal((t[i].end - t[i].start) % cl, 0);
    if (i) assert_int_equal(t[i].start, t[i - 1].end);
  }
  free(t);
  free(s);
}

static void test_long_runs(void **state) {
  (void)state;
  check_long_run("a", 1000);
  check_long_run("\xd8\xa8", 1000);         /* Arabic beh, 2 bytes */
  check_long_run("\xe0\xa4\x95", 1000);     /* Devanagari ka, 3 bytes */
  check_long_run("\xf0\x9d\x90\x80", 1000); /* mathematical bold A, 4 bytes */
  check_long_run("7", 1000);
}

/* Invalid bytes never shift offsets: the tokens of the valid parts are at
** the same places as when those bytes are spaces. */
static void test_invalid_bytes_keep_offsets(void **state) {
  const char bad[] = "one\xfftwo\xc0\xafthree \xed\xa0\x80 four\x80";
  char good[sizeof bad];
  size_t nb, ng, i;
  hs_token *tb, *tg;
  (void)state;
  memcpy(good, bad, sizeof bad);
  for (i = 0; i + 1 < sizeof good; i++)
    if ((unsigned char)good[i] >= 0x80) good[i] = ' ';
  tb = tokenize(bad, sizeof bad - 1, &nb);
  tg = tokenize(good, sizeof good - 1, &ng);
  assert_int_equal(nb, 4);
  assert_int_equal(ng, 4);
  for (i = 0; i < nb; i++) {
    assert_int_equal(tb[i].start, tg[i].start);
    assert_int_equal(tb[i].end, tg[i].end);
    assert_int_equal(tb[i].hash, tg[i].hash);
  }
  free(tb);
  free(tg);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_spans),
      cmocka_unit_test(test_len_respected),
      cmocka_unit_test(test_normalize_table),
      cmocka_unit_test(test_hash_equal),
      cmocka_unit_test(test_hash_differs),
      cmocka_unit_test(test_one_token),
      cmocka_unit_test(test_normalize_truncates),
      cmocka_unit_test(test_empty),
      cmocka_unit_test(test_long_runs),
      cmocka_unit_test(test_invalid_bytes_keep_offsets),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
