/*
** test_claims.c — the claims stage: sentence segmentation (abbreviations,
** Arabic and Persian punctuation, line breaks), transliteration keys
** (table-driven), alias and synonym expansion of a query, the stem cache,
** BM25 ordering and the pair similarity; comparing two claims (numbers as
** values with rounding, negation, names).
*/
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "claims/claims.h"
#include "hearsay.h"

/* Split text and compare with the expected sentences ("|"-separated). */
static void check_split(const char *text, const char *want) {
  hs_sentence *s = NULL;
  size_t n = 0, i;
  char got[4096];
  size_t k = 0;
  assert_int_equal(hs_sentences_split(text, strlen(text), &s, &n, NULL), HS_OK);
  got[0] = '\0';
  for (i = 0; i < n; i++) {
    assert_true(s[i].start < s[i].end && s[i].end <= strlen(text));
    k += (size_t)snprintf(got + k, sizeof got - k, "%s%.*s", i ? "|" : "",
                          (int)(s[i].end - s[i].start), text + s[i].start);
  }
  if (strcmp(got, want)) fprintf(stderr, "text: %s\n got: %s\nwant: %s\n", text, got, want);
  assert_string_equal(got, want);
  free(s);
}

static void test_segmentation(void **state) {
  static const char *const cases[][2] = {
      {"Mr. Smith met Gen. Allen in the U.S. on Jan. 5. Then he left!",
       "Mr. Smith met Gen. Allen in the U.S. on Jan. 5.|Then he left!"},
      {"He said: \"It is over.\" The talks ended.",
       "He said: \"It is over.\"|The talks ended."},
      {"Prices rose 3.5 percent. Dr. J. R. Doe agreed.",
       "Prices rose 3.5 percent.|Dr. J. R. Doe agreed."},
      {"The U.S. officials said so. Really?", "The U.S. officials said so.|Really?"},
      {"هل وصلت القوات؟ نعم وصلت. وانتهى الأمر",
       "هل وصلت القوات؟|نعم وصلت.|وانتهى الأمر"},
      {"این خبر تایید شد۔ آیا درست است؟ بله",
       "این خبر تایید شد۔|آیا درست است؟|بله"},
      {"Headline without stop\nFirst sentence here.\n\nSecond paragraph",
       "Headline without stop|First sentence here.|Second paragraph"},
      {"a hard-wrapped line that goes\non and on. End.",
       "a hard-wrapped line that goes\non and on.|End."},
      {"  \n\n  ", ""},
      {"", ""},
      {"Wait... what? Yes!!", "Wait...|what?|Yes!!"},
      /* a party tag's state abbreviation closed by a bracket */
      {"However, Rep. Pat Roberts (R-Kan.) Two bills differ. Next.",
       "However, Rep. Pat Roberts (R-Kan.) Two bills differ.|Next."},
      {"Sen. Rudy Boschwitz (R-Minn.) Amendments came. Sen. Byrd (D-W.Va.) "
       "And more.",
       "Sen. Rudy Boschwitz (R-Minn.) Amendments came.|Sen. Byrd (D-W.Va.) "
       "And more."},
      {"He lives in Topeka, Kan. He left. (It rained.) Then sun.",
       "He lives in Topeka, Kan.|He left.|(It rained.)|Then sun."},
  };
  size_t i;
  (void)state;
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
    check_split(cases[i][0], cases[i][1]);
}

static void test_translit_keys(void **state) {
  /* Each row: words that must share a key; the last column must not. */
  static const char *const same[][4] = {
      {"deir", "dayr", "dair", "zor"},
      {"zor", "zawr", "ezzor", "deir"},
      {"muallem", "moallem", "mualem", "assad"},
      {"raqqa", "raqqah", "rakka", "mosul"},
      {"qaeda", "kaida", "qaida", "baghdad"},
      {"assad", "asad", "assaad", "raqqa"},
      {"mohammed", "muhammad", "mohamad", "ahmed"},
  };
  size_t i, j;
  (void)state;
  for (i = 0; i < sizeof same / sizeof same[0]; i++) {
    char k0[64], k[64];
    hs_translit_key(same[i][0], k0, sizeof k0);
    assert_true(strlen(k0) >= 2);
    for (j = 1; j < 3; j++) {
      hs_translit_key(same[i][j], k, sizeof k);
      if (strcmp(k, k0)) fprintf(stderr, "%s=%s %s=%s\n", same[i][0], k0, same[i][j], k);
      assert_string_equal(k, k0);
    }
    hs_translit_key(same[i][3], k, sizeof k);
    assert_string_not_equal(k, k0);
  }
  {
    char k[8];
    hs_translit_key("داعش", k, sizeof k); /* not Latin: no key */
    assert_string_equal(k, "");
    hs_translit_key("abcdefghijklmnopqrstuvwxyz", k, sizeof k); /* capped */
    assert_true(strlen(k) < sizeof k);
  }
}

extern const char hs_entities_tsv[];
extern const size_t hs_entities_tsv_len;

static int has_alt(const hs_qconcept *c, const char *term, int why) {
  size_t i;
  for (i = 0; i < c->nalt; i++)
    if (!strcmp(c->alt[i].term, term) && c->alt[i].why == why) return 1;
  return 0;
}

static void test_expansion(void **state) {
  hs_lexicon *l = NULL;
  hs_query q;
  const char *text = "Daesh helicopters evacuated Walid Muallem from Deir ez-Zor";
  (void)state;
  assert_int_equal(hs_lex_new(&l, "/usr/share/wordnet", NULL), HS_OK);
  assert_int_equal(hs_lex_add_table(l, hs_entities_tsv, hs_entities_tsv_len,
                                    "entities.tsv", NULL), HS_OK);
  assert_int_equal(hs_lex_query(l, text, strlen(text), 1, &q, NULL), HS_OK);
  /* Daesh | helicopters | evacuated | Walid Muallem | Deir ez-Zor */
  assert_int_equal(q.n, 5);
  assert_true(has_alt(&q.c[0], "@isis", HS_WHY_ALIAS));
  assert_true(has_alt(&q.c[1], "helicopt", HS_WHY_STEM));
  assert_true(has_alt(&q.c[1], "chopper", HS_WHY_SYNONYM));
  assert_true(has_alt(&q.c[2], "evacu", HS_WHY_STEM));
  assert_true(has_alt(&q.c[2], "airlift", HS_WHY_SYNONYM));
  assert_true(has_alt(&q.c[2], "reloc", HS_WHY_SYNONYM));
  assert_true(has_alt(&q.c[3], "@moallem", HS_WHY_ALIAS));
  assert_true(has_alt(&q.c[4], "@dezzor", HS_WHY_ALIAS));
  hs_query_free(&q);
  /* "us" the pronoun is not the USA; "US" is */
  {
    hs_analysis a;
    const char *t = "they told us; the US said";
    hs_analysis_init(&a);
    assert_int_equal(hs_lex_analyze(l, t, strlen(t), &a, NULL), HS_OK);
    assert_int_equal(a.n, 6);
    assert_int_equal(a.w[2].alias, HS_NOSTR);
    assert_string_equal(HS_ASTR(&a, a.w[4].alias), "@usa");
    hs_analysis_free(&a);
  }
  /* a name not in the table: fuzzy key */
  text = "Dayr Hafir";
  assert_int_equal(hs_lex_query(l, text, strlen(text), 0, &q, NULL), HS_OK);
  assert_int_equal(q.n, 2);
  assert_true(has_alt(&q.c[0], "~dar", HS_WHY_FUZZY));
  hs_query_free(&q);
  /* a malformed user table names its line */
  {
    hs_error err;
    const char *bad = "# comment\nentity\tx\tX|Y\nthing\tx\ty\n";
    assert_int_equal(hs_lex_add_table(l, bad, strlen(bad), "u.tsv", &err),
                     HS_EINPUT);
    assert_non_null(strstr(err.msg, "u.tsv:3:"));
  }
  hs_lex_free(l);
}

/* Stems come from a cache after a word's first time: the terms of a text
** analyzed again (now from the cache, whose table grew several times on
** the way) are those a fresh lexicon gives. */
static void test_stem_cache(void **state) {
  hs_lexicon *l = NULL, *fresh = NULL;
  hs_analysis a;
  hs_buf text, first, again, ref;
  int k;
  (void)state;
  hs_buf_init(&text, 0);
  hs_buf_init(&first, 0);
  hs_buf_init(&again, 0);
  hs_buf_init(&ref, 0);
  for (k = 0; k < 500; k++) { /* 500 words: "baaings", "baabings"... */
    char w[16];
    snprintf(w, sizeof w, "b%c%c%cings%s", 'a' + k % 26, 'a' + k / 26 % 26,
             'a' + k % 7, k % 40 == 39 ? ". " : " ");
    hs_buf_append(&text, w, strlen(w));
  }
  hs_buf_append(&text, "Walking talked ministers", 24);
  assert_int_equal(hs_lex_new(&l, "", NULL), HS_OK);
  assert_int_equal(hs_lex_new(&fresh, "", NULL), HS_OK);
  hs_analysis_init(&a);
  assert_int_equal(hs_lex_analyze(l, text.p, text.len, &a, NULL), HS_OK);
  hs_analysis_terms(&a, &first);
  assert_int_equal(hs_lex_analyze(l, text.p, text.len, &a, NULL), HS_OK);
  hs_analysis_terms(&a, &again);
  assert_int_equal(hs_lex_analyze(fresh, text.p, text.len, &a, NULL), HS_OK);
  hs_analysis_terms(&a, &ref);
  assert_true(ref.len > 2000);
  hs_buf_terminate(&ref);
  assert_non_null(strstr(ref.p, "minist"));
  assert_int_equal(first.len, ref.len);
  assert_int_equal(again.len, ref.len);
  assert_memory_equal(first.p, ref.p, ref.len);
  assert_memory_equal(again.p, ref.p, ref.len);
  hs_analysis_free(&a);
  hs_lex_free(l);
  hs_lex_free(fresh);
  hs_buf_free(&text);
  hs_buf_free(&first);
  hs_buf_free(&again);
  hs_buf_free(&ref);
}

static void test_bm25_order(void **state) {
  hs_corpus *c = hs_corpus_new();
  hs_claims *cl = NULL;
  hs_claim_hit *h = NULL;
  size_t n = 0;
  double same = 0, para = 0, other = 0;
  (void)state;
  hs_corpus_add(c, "exact", "US helicopters evacuated ISIS commanders from Deir ez-Zor.", 58,
                NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL);
  hs_corpus_add(c, "para", "American choppers airlifted Daesh leaders out of Dayr al-Zawr.", 62,
                NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL);
  hs_corpus_add(c, "partial", "Helicopters flew over Deir ez-Zor at night.", 43,
                NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL);
  hs_corpus_add(c, "none", "The harvest was good this year in the north.", 44,
                NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL);
  assert_int_equal(hs_claims_new(&cl, NULL, NULL), HS_OK);
  assert_int_equal(hs_claims_add_corpus(cl, c, NULL), HS_OK);
  assert_int_equal(hs_claims_search(cl, "US helicopters evacuated ISIS commanders from Deir ez-Zor",
                                    10, 0.0, &h, &n, NULL), HS_OK);
  assert_int_equal(n, 3);
  assert_string_equal(h[0].name, "exact");
  assert_string_equal(h[1].name, "para");
  assert_string_equal(h[2].name, "partial");
  assert_true(h[0].score > h[1].score && h[1].score > h[2].score);
  assert_non_null(strstr(h[1].explain, "\"why\":\"synonym\""));
  assert_non_null(strstr(h[1].explain, "\"why\":\"alias\""));
  assert_int_equal(h[0].start, 0);
  assert_int_equal(h[0].end, 58);
  hs_claim_hits_free(h, n);
  assert_int_equal(hs_claims_similarity(cl, "US helicopters evacuated ISIS commanders",
                                        "US helicopters evacuated ISIS commanders", &same, NULL), HS_OK);
  assert_int_equal(hs_claims_similarity(cl, "US helicopters evacuated ISIS commanders",
                                        "American choppers airlifted Daesh leaders", &para, NULL), HS_OK);
  assert_int_equal(hs_claims_similarity(cl, "US helicopters evacuated ISIS commanders",
                                        "The harvest was good", &other, NULL), HS_OK);
  assert_true(same > 0.99 && para > other && other == 0);
  hs_claims_free(cl);
  hs_corpus_free(c);
}

static const hs_claim_diff *diff_of(const hs_claim_compare *r, int kind) {
  size_t i;
  for (i = 0; i < r->ndiffs; i++)
    if (r->diffs[i].kind == kind) return &r->diffs[i];
  return NULL;
}

static void test_compare(void **state) {
  static const char *const docs[] = {
      "US helicopters evacuated 20 ISIS commanders from Deir ez-Zor.",
      "The Dow advanced 11 points to 931 on Monday.",
      "The minister confirmed the report on Friday.",
      "Police arrested the suspect in Boston after a chase.",
      "The harvest was good this year in the north.",
      "Rain fell across the region for three days.",
      "The company reported higher profits for the quarter.",
      "Officials said the talks would resume next week."};
  hs_corpus *c = hs_corpus_new();
  hs_claims *cl = NULL;
  hs_claim_compare r;
  const hs_claim_diff *d;
  size_t i;
  double s;
  char id[8];
  (void)state;
  for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
    snprintf(id, sizeof id, "%zu", i);
    hs_corpus_add(c, id, docs[i], strlen(docs[i]), NULL, NULL, NULL, NULL,
                  NULL, NULL, 0, NULL);
  }
  assert_int_equal(hs_claims_new(&cl, NULL, NULL), HS_OK);
  assert_int_equal(hs_claims_add_corpus(cl, c, NULL), HS_OK);

  /* the same sentence: same, nothing changed */
  assert_int_equal(hs_claims_compare(cl, docs[0], docs[0], HS_CLAIMS_SAME_THRESHOLD, &r, NULL), HS_OK);
  assert_int_equal(r.verdict, HS_CLAIM_SAME);
  assert_int_equal(r.ndiffs, 0);
  assert_true(r.similarity > 0.99);
  hs_claim_compare_free(&r);

  /* a changed number: neither a match nor a miss */
  assert_int_equal(hs_claims_compare(cl, docs[0],
                   "US helicopters evacuated 2 ISIS commanders from Deir ez-Zor.",
                   HS_CLAIMS_SAME_THRESHOLD, &r, NULL), HS_OK);
  assert_int_equal(r.verdict, HS_CLAIM_CHANGED);
  assert_non_null(d = diff_of(&r, HS_VAR_NUMBER));
  assert_string_equal(d->from, "20");
  assert_string_equal(d->to, "2");
  assert_true(r.words >= HS_CLAIMS_SAME_THRESHOLD);
  assert_true(r.features[HS_CF_NUMBERS_CHANGED] == 1);
  assert_true(r.similarity < 1);
  hs_claim_compare_free(&r);
  assert_int_equal(hs_claims_similarity(cl, docs[0],
                   "US helicopters evacuated 2 ISIS commanders from Deir ez-Zor.", &s, NULL), HS_OK);
  assert_true(s < 1);

  /* numbers compared as numbers, with rounding */
  assert_int_equal(hs_claims_compare(cl, docs[1], "The Dow gained 10.89 to 931.12 on Monday.",
                   HS_CLAIMS_SAME_THRESHOLD, &r, NULL), HS_OK);
  assert_null(diff_of(&r, HS_VAR_NUMBER));
  assert_int_equal(r.verdict, HS_CLAIM_SAME);
  hs_claim_compare_free(&r);
  assert_int_equal(hs_claims_compare(cl, "Sales reached 1,500 units.", "Sales reached 1500 units.",
                   HS_CLAIMS_SAME_THRESHOLD, &r, NULL), HS_OK);
  assert_null(diff_of(&r, HS_VAR_NUMBER));
  hs_claim_compare_free(&r);
  assert_int_equal(hs_claims_compare(cl, "Sales reached 15 units.", "Sales reached 16 units.",
                   HS_CLAIMS_SAME_THRESHOLD, &r, NULL), HS_OK);
  assert_non_null(diff_of(&r, HS_VAR_NUMBER));
  hs_claim_compare_free(&r);

  /* a negation on one side */
  assert_int_equal(hs_claims_compare(cl, docs[2], "The minister did not confirm the report on Friday.",
                   HS_CLAIMS_SAME_THRESHOLD, &r, NULL), HS_OK);
  assert_non_null(d = diff_of(&r, HS_VAR_NEGATION));
  assert_string_equal(d->from, "affirmed");
  assert_string_equal(d->to, "negated");
  assert_int_equal(r.verdict, HS_CLAIM_CHANGED);
  hs_claim_compare_free(&r);
  assert_int_equal(hs_claims_compare(cl, docs[2], "The minister didn't confirm the report on Friday.",
                   HS_CLAIMS_SAME_THRESHOLD, &r, NULL), HS_OK);
  assert_non_null(diff_of(&r, HS_VAR_NEGATION));
  hs_claim_compare_free(&r);

  /* a changed name */
  assert_int_equal(hs_claims_compare(cl, docs[3], "Police arrested the suspect in Chicago after a chase.",
                   HS_CLAIMS_SAME_THRESHOLD, &r, NULL), HS_OK);
  assert_non_null(d = diff_of(&r, HS_VAR_PLACE_ACTOR));
  assert_string_equal(d->from, "Boston");
  assert_string_equal(d->to, "Chicago");
  assert_int_equal(r.verdict, HS_CLAIM_CHANGED);
  hs_claim_compare_free(&r);

  /* a changed weekday is a changed date */
  assert_int_equal(hs_claims_compare(cl, docs[1], "The Dow advanced 11 points to 931 on Tuesday.",
                   HS_CLAIMS_SAME_THRESHOLD, &r, NULL), HS_OK);
  assert_non_null(d = diff_of(&r, HS_VAR_DATE));
  assert_string_equal(d->from, "Monday");
  assert_string_equal(d->to, "Tuesday");
  assert_int_equal(r.verdict, HS_CLAIM_CHANGED);
  hs_claim_compare_free(&r);

  /* aliases and transliterations are the same name */
  assert_int_equal(hs_claims_compare(cl, docs[0],
                   "US helicopters evacuated 20 Daesh commanders from Dayr al-Zawr.",
                   HS_CLAIMS_SAME_THRESHOLD, &r, NULL), HS_OK);
  assert_null(diff_of(&r, HS_VAR_PLACE_ACTOR));
  assert_null(diff_of(&r, HS_VAR_NUMBER));
  hs_claim_compare_free(&r);

  /* unrelated */
  assert_int_equal(hs_claims_compare(cl, docs[0], docs[4], HS_CLAIMS_SAME_THRESHOLD, &r, NULL), HS_OK);
  assert_int_equal(r.verdict, HS_CLAIM_DIFFERENT);
  hs_claim_compare_free(&r);
  assert_string_equal(hs_claim_verdict_name(HS_CLAIM_CHANGED), "changed");
  assert_string_equal(hs_claim_feature_name(0), "bm25");
  assert_string_equal(hs_claim_feature_name(HS_CF_NEGATION), "negation");
  assert_string_equal(hs_claim_feature_name(HS_CF_EDITS), "edits");
  assert_null(hs_claim_feature_name(HS_CLAIM_NFEATURES));

  /* word edits: one substituted word; a moved phrase costs more; counted up
  ** to 15 */
  assert_int_equal(hs_claims_compare(cl, "The police arrested the suspect in Boston.",
                   "The police arrested a suspect in Boston.",
                   HS_CLAIMS_SAME_THRESHOLD, &r, NULL), HS_OK);
  assert_true(fabs(r.features[HS_CF_EDITS] - log(2.0)) < 1e-9);
  hs_claim_compare_free(&r);
  assert_int_equal(hs_claims_compare(cl, "The police arrested the suspect in Boston.",
                   "In Boston the police arrested the suspect.",
                   HS_CLAIMS_SAME_THRESHOLD, &r, NULL), HS_OK);
  assert_true(fabs(r.features[HS_CF_EDITS] - log(5.0)) < 1e-9);
  hs_claim_compare_free(&r);
  assert_int_equal(hs_claims_compare(cl, docs[0], docs[4], HS_CLAIMS_SAME_THRESHOLD, &r, NULL), HS_OK);
  assert_true(r.features[HS_CF_EDITS] <= log(16.0) + 1e-9);
  hs_claim_compare_free(&r);

  /* the edits weigh in the table of Latin-script pairs only */
  {
    double x[HS_CLAIM_NFEATURES] = {0}, y[HS_CLAIM_NFEATURES];
    x[HS_CF_BM25] = x[HS_CF_PLAIN_MIN] = x[HS_CF_PLAIN_MAX] = 0.8;
    x[HS_CF_UNIGRAMS] = x[HS_CF_LCS] = x[HS_CF_CHARS] = 0.8;
    memcpy(y, x, sizeof x);
    y[HS_CF_EDITS] = log(11.0);
    assert_true(hs_claims_model(y, 1) < hs_claims_model(x, 1));
    assert_true(hs_claims_model(y, 0) == hs_claims_model(x, 0));
  }
  assert_string_equal(hs_variant_kind_name(HS_VAR_NEGATION), "negation");
  hs_claims_free(cl);
  hs_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_segmentation),
      cmocka_unit_test(test_translit_keys),
      cmocka_unit_test(test_expansion),
      cmocka_unit_test(test_stem_cache),
      cmocka_unit_test(test_bm25_order),
      cmocka_unit_test(test_compare),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
