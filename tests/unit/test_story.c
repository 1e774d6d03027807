/*
** test_story.c — the story stage's stock text (src/story/stock.c) and
** sentence shapes (src/story/shape.c): which words of a sentence the
** paraphrase edges leave out, and which sentences state no claim.
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
  for (k = 0; k < n; k++) out[k] = (char)('0' + m[k]);
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
  assert_int_equal(furn, HS_STOCK_FURNITURE);
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

static void test_lists(void **state) {
  hs_stock *st = NULL;
  int why = -1;
  char *m;
  (void)state;
  assert_int_equal(hs_stock_new(&st, NULL), HS_OK);
  /* a team sheet: names between commas, substitutes in parentheses */
  m = mask_of(st, "Dudek, Finnan, Carragher, Hyypia, Traore (Biscan 67), Luis "
                  "Garcia, Gerrard, Hamann, Riise, Kewell (Nunez 56).", &why);
  assert_int_equal(why, HS_STOCK_LIST);
  assert_string_equal(m, "222222222222222");
  free(m);
  /* semicolons, initials and a captain's mark */
  m = mask_of(st, "G Dempsey; G Murphy, B O'Driscoll (capt), S Horgan, D Hickie; "
                  "R O'Gara, P Stringer.", &why);
  assert_int_equal(why, HS_STOCK_LIST);
  free(m);
  /* a list inside a claim: the names go, the claim stays */
  m = mask_of(st, "Coach Laporte dropped four players on Monday after the defeat in "
                  "Cardiff, naming Mignoni, Michalak, Heymans, Valbon, Traille and "
                  "Rougerie in the squad.", &why);
  assert_int_equal(why, 0);
  assert_string_equal(m, "0000000000000022220000" "0");
  free(m);
  /* three names are no list; nor are common nouns between commas */
  m = mask_of(st, "Germany, France and Italy agreed on Monday to freeze the debt "
                  "of the countries hit by the tsunami.", &why);
  assert_int_equal(why, 0);
  assert_null(strchr(m, '2'));
  free(m);
  m = mask_of(st, "The market sold apples, pears, plums, figs and grapes at "
                  "lower prices than last year.", &why);
  assert_int_equal(why, 0);
  assert_null(strchr(m, '2'));
  free(m);
  /* no capitals in Arabic and Persian: short items between «،», and a
  ** spaced dash */
  m = mask_of(st, "المجموعة الثالثة: ألمانيا، وتشيكيا، وآيرلندا الشمالية، والنرويج، "
                  "وأذربيجان، وسان مارينو.", &why);
  assert_int_equal(why, HS_STOCK_LIST);
  free(m);
  m = mask_of(st, "سیتی: ادرسون- واکر- استونز- لاپورته- مندی- فرناندینیو- آگوئرو",
              &why);
  assert_int_equal(why, HS_STOCK_LIST);
  free(m);
  /* a table row is a list of numbers; a claim with numbers is not */
  m = mask_of(st, "Jun    146.50 146.50 147.00 147.25 146.00   293", &why);
  assert_int_equal(why, HS_STOCK_LIST);
  free(m);
  m = mask_of(st, "Sales rose 0.2 pct to 591 mln dlrs from 590 mln dlrs.", &why);
  assert_int_equal(why, 0);
  free(m);
  /* an Arabic claim with a few commas is none */
  m = mask_of(st, "أقالت باك جون هاي، رئيسة كوريا الجنوبية، أمس، مون هيونج بيو، "
                  "وزير الصحة والرعاية الاجتماعية.", &why);
  assert_int_equal(why, 0);
  assert_null(strchr(m, '2'));
  free(m);
  hs_stock_free(st);
}

static void test_background(void **state) {
  hs_stock *st = NULL;
  int why = -1;
  char *m;
  (void)state;
  assert_int_equal(hs_stock_new(&st, NULL), HS_OK);
  /* a definition: "X are ... that" */
  m = mask_of(st, "Stem cells are master cells that have the ability to develop "
                  "into any of the body's tissue types.", &why);
  assert_int_equal(why, HS_STOCK_BACKGROUND);
  free(m);
  /* a reported judgement is not one ("are confident that") */
  m = mask_of(st, "Officials are confident that the deal will be signed before "
                  "the end of the month.", &why);
  assert_int_equal(why, 0);
  free(m);
  /* nor a claim whose copula comes late */
  m = mask_of(st, "The minister said on Monday that the new tax is a measure "
                  "that will hurt the poor.", &why);
  assert_int_equal(why, 0);
  free(m);
  /* an organisation's history, and the Arabic background opener */
  m = mask_of(st, "Firefox is made by the Mozilla Foundation which was set up by "
                  "former browser maker Netscape in 1998.", &why);
  assert_int_equal(why, HS_STOCK_BACKGROUND);
  free(m);
  m = mask_of(st, "يذكر أن الاتحاد تعاقد مع تسعة لاعبين محليين خلال فترة الصيف", &why);
  assert_int_equal(why, HS_STOCK_BACKGROUND);
  free(m);
  hs_stock_free(st);
}

static void test_word_classes(void **state) {
  hs_stock *st = NULL;
  hs_error err;
  const char *bad = "en\tcopula\tis not\n";
  const char *good = "en\tconjunction\tand\nen\tcopula\tis\n";
  hs_token *tok = NULL;
  size_t n = 0;
  (void)state;
  memset(&err, 0, sizeof err);
  assert_int_equal(hs_stock_parse(&st, bad, strlen(bad), "w.tsv", &err), HS_EINPUT);
  assert_null(st);
  assert_non_null(strstr(err.msg, "w.tsv:1"));
  assert_int_equal(hs_stock_parse(&st, good, strlen(good), "w.tsv", NULL), HS_OK);
  assert_int_equal(hs_tokenize("And IS or", 9, &tok, &n, NULL), HS_OK);
  assert_int_equal(n, 3);
  assert_int_equal(hs_stock_word_class(st, tok[0].hash), HS_WORD_CONJUNCTION);
  assert_int_equal(hs_stock_word_class(st, tok[1].hash), HS_WORD_COPULA);
  assert_int_equal(hs_stock_word_class(st, tok[2].hash), 0);
  assert_int_equal(hs_stock_word_class(NULL, tok[2].hash), 0);
  free(tok);
  hs_stock_free(st);
}

/* hs_shape_words' kind of text, and its flags as a string: L (common
** word), N (name), D (number), - (none), lower case where a stopword */
static int words_of(const char *text, const char *stops, char *flags) {
  hs_token *tok = NULL;
  size_t n = 0, k;
  uint8_t f[64];
  int kind;
  assert_int_equal(hs_tokenize(text, strlen(text), &tok, &n, NULL), HS_OK);
  assert_true(n < sizeof f);
  for (k = 0; k < n; k++) f[k] = stops[k] == 's' ? HS_WF_STOP : 0;
  kind = hs_shape_words(text, tok, n, f);
  for (k = 0; k < n; k++) {
    char c = f[k] & HS_WF_NUM ? 'D' : f[k] & HS_WF_NAME ? 'N'
           : f[k] & HS_WF_LOW ? 'L' : '-';
    flags[k] = (char)(f[k] & HS_WF_STOP ? c + 32 : c);
  }
  flags[n] = 0;
  free(tok);
  return kind;
}

static void test_who_what(void **state) {
  char f[64];
  (void)state;
  /* prose: capitals inside it are names, the opening one tells nothing */
  assert_int_equal(words_of("Police in Leeds arrested 2 men", "-s----", f),
                   HS_SENT_CASED);
  assert_string_equal(f, "-lNLDL");
  /* a wire headline in capitals and a title-case one tell no names */
  assert_int_equal(words_of("JAL SAYS MAJOR DEFECT FOUND", "-----", f),
                   HS_SENT_CAPS);
  assert_string_equal(f, "-----");
  assert_int_equal(words_of("Playing The Hitler Card", "-s--", f), HS_SENT_CAPS);
  /* a line opening in lower case is another sentence's tail */
  assert_int_equal(words_of("asked Henry Rosenberg, chairman of Crown", "------", f),
                   HS_SENT_FRAGMENT);
  /* no case: every word is a common word */
  assert_int_equal(words_of("ضبطت جمارك دبي 1.2 مليون قلم", "------", f),
                   HS_SENT_CASELESS);
  assert_string_equal(f, "LLLDLL");
}

static void test_not_prose(void **state) {
  static const char *const no[] = {
      "Send your poems by e-mail: khozama@alriyadh.example or fax 0114871070",
      "\xe2\x80\x94 Donald J. Trump (@realDonaldTrump) June 15, 2016",
      "Read more at https://example.com/story",
      "(See ECRA page for latest Economic Spotlights)",
      "[Photo: NASA/JPL-Caltech].",
      /* a message's header, a quoted line, a host name, a box row */
      "Organization: Yale University Computer Science Dept., New Haven",
      "Lucas Gonze wrote:\n> Senders should vary the recipient list.",
      "[66.122.60.240]) by pimout2-ext.prodigy.net (8.12.3 da nor stuldap)",
      "| University of Illinois | PHONE: (217) 333-6444",
      /* a bang path, a header's sender line, a quoting name, columns,
      ** a numeric host, a telephone number, a ZIP+4 code */
      "Georgia Institute of Technology uucp: ...!{allegra,amd}!gatech!prism!re4",
      "From: carlos (Carlos G. Niederstrasser)\nSubject: Double sonic booms.",
      "Agression that has NO MERCY\nhenrik] for INOCENT people that are shelled.",
      "100512-02       4.1.x OpenWindows 3.0 libXt Jumbo patch",
      "The server at 141.214.4.135 answers for the project and its list.",
      "Dewey Henize Sys/Net admin RISC hardware (512) 891-8637 pager",
      "The OTIS Project c/o Ed Stastny PO BX 241113 Omaha, NE 68124-1113",
      "[2] Enno Meyer, A. J. Berkian, 'Zwischen Rhein und Arax, 900",
  };
  static const char *const yes[] = {
      "(Reuters) - The company said it would cut 200 jobs (about 5 pct).",
      "Sen. Bob Dole (R-Kan.) said the bill would pass.",
      "The price rose 3 @ 4 dlrs a share.",
      "Amazon.com said sales rose 20 pct, more than the 12.5 pct expected.",
      "The organization said its lines were busy > 3 hours a day.",
      "Wow! That was the 1-2 result from the match of 2004-2005, he said.",
      "The ministry said 33.288 bottles were found at the Batha crossing.",
      "He moved from: the old office to the new one, the report said.",
  };
  size_t i;
  (void)state;
  for (i = 0; i < sizeof no / sizeof no[0]; i++)
    assert_int_equal(hs_shape_not_prose(no[i], strlen(no[i])), 1);
  for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
    assert_int_equal(hs_shape_not_prose(yes[i], strlen(yes[i])), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_builtin_table),
      cmocka_unit_test(test_parse_errors),
      cmocka_unit_test(test_lists),
      cmocka_unit_test(test_background),
      cmocka_unit_test(test_word_classes),
      cmocka_unit_test(test_who_what),
      cmocka_unit_test(test_not_prose),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
