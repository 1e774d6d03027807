/*
** test_meta.c — boilerplate and document metadata: boilerplate lines and
** page furniture, the "given metadata wins" rule, the repeated lines of one
** outlet, boilerplate masking in the engine (two pages that share only
** their footer share no passage), the line records of the per-outlet rule
** taken from a text's tokens, and the metadata of a range of documents on
** several threads.  Dates, outlets and headlines of scraped pages have
** their own files (test_meta_dates.c, test_meta_outlets.c,
** test_meta_headlines.c).
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
#include "meta/meta_int.h"
#include "text/text.h"
#include "util/util.h"

static const char PAGE[] =
    "Harbour reopens\n"
    "By Jane Doe\n"
    "The harbour reopened on Monday after repairs.\n"
    "Leave a Reply\n"
    "Your email address will not be published.\n"
    "Related articles\n"
    "Storm damages pier\n"
    "Ferry fares rise\n"
    "\n"
    "\xC2\xA9 2024 Harbour Times. All rights reserved.\n";

static void test_boilerplate(void **state) {
  hs_range *r = NULL;
  size_t n = 0;
  const char *leave = strstr(PAGE, "Leave a Reply");
  const char *copy = strstr(PAGE, "\xC2\xA9");
  (void)state;
  assert_int_equal(hs_boiler_find(PAGE, strlen(PAGE), &r, &n, NULL), HS_OK);
  assert_int_equal(n, 2);
  assert_int_equal(r[0].start, (uint32_t)(leave - PAGE));
  /* comment form, related header and its two items merged into one */
  assert_int_equal(r[0].end, (uint32_t)(strstr(PAGE, "Ferry fares rise") -
                                        PAGE + strlen("Ferry fares rise")));
  assert_int_equal(r[1].start, (uint32_t)(copy - PAGE));
  free(r);
}

static void test_meta_fields(void **state) {
  hs_corpus *c = hs_corpus_new();
  hs_meta m;
  hs_aliases *al = NULL;
  const hs_doc *d;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  assert_int_equal(hs_corpus_add(c, "a", PAGE, strlen(PAGE), NULL, NULL,
                                 NULL, NULL, NULL, NULL, 0, NULL),
                   HS_OK);
  assert_int_equal(hs_corpus_add(c, "b", PAGE, strlen(PAGE), "gazette",
                                 "2020-01-02T10:00:00", NULL, NULL, NULL, NULL,
                                 0, NULL),
                   HS_OK);
  d = hs_corpus_doc(c, 0);
  assert_int_equal(hs_meta_extract(d, al, NULL, &m, NULL), HS_OK);
  assert_string_equal(m.title.value, "Harbour reopens");
  assert_string_equal(m.byline.value, "Jane Doe");
  assert_string_equal(m.outlet.value, "Harbour Times");
  assert_null(m.date.value);
  hs_meta_clear(&m);
  /* given metadata wins */
  d = hs_corpus_doc(c, 1);
  assert_int_equal(hs_meta_extract(d, al, NULL, &m, NULL), HS_OK);
  assert_string_equal(m.date.value, "2020-01-02");
  assert_int_equal(m.date.given, 1);
  assert_string_equal(m.outlet.value, "gazette");
  assert_int_equal(m.outlet.given, 1);
  hs_meta_clear(&m);
  hs_aliases_free(al);
  hs_corpus_free(c);
}

/* A scraped page: the headline under ID and date lines, the outlet from a
** dateline, the date from the header zone and never from the body. */
static void test_meta_page(void **state) {
  static const char page[] =
      "News ID: 207166\nPrint\n"
      "Army repels attack near Idlib\n"
      "Publish Date: 29 December 2017\n"
      "Moscow, FNA- The army repelled an attack on its positions in the "
      "countryside on Friday, local sources said.\n"
      "The area was first captured by the army on 14 May 2016, after months "
      "of fighting.\n";
  static const char body[] =
      "Quarterly profits jumped at the firm, the company said on Monday in a "
      "long statement to investors.\n"
      "The deal was first agreed on 14 May 1953, long before the merger.\n";
  hs_corpus *c = hs_corpus_new();
  hs_meta m;
  hs_aliases *al = NULL;
  char *o;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  assert_int_equal(hs_corpus_add(c, "p", page, strlen(page), NULL, NULL, NULL,
                                 NULL, NULL, NULL, 0, NULL), HS_OK);
  assert_int_equal(hs_corpus_add(c, "site/q", body, strlen(body), NULL, NULL,
                                 NULL, NULL, NULL, NULL, 0, NULL), HS_OK);
  assert_int_equal(hs_meta_extract(hs_corpus_doc(c, 0), al, NULL, &m, NULL),
                   HS_OK);
  assert_non_null(m.title.value);
  assert_string_equal(m.title.value, "Army repels attack near Idlib");
  assert_non_null(m.date.value);
  assert_string_equal(m.date.value, "2017-12-29");
  assert_string_equal(m.date_source, "header");
  assert_int_equal(m.nbody_dates, 1);
  assert_non_null(m.outlet.value);
  assert_string_equal(m.outlet.value, "Fars");
  hs_meta_clear(&m);
  o = hs_doc_outlet(hs_corpus_doc(c, 0), al);
  assert_non_null(o);
  assert_string_equal(o, "Fars");
  free(o);
  /* a date only in running text is no publication date; the folder names
  ** the outlet */
  assert_int_equal(hs_meta_extract(hs_corpus_doc(c, 1), al, NULL, &m, NULL),
                   HS_OK);
  assert_null(m.date.value);
  assert_non_null(m.outlet.value);
  assert_string_equal(m.outlet.value, "site");
  hs_meta_clear(&m);
  hs_aliases_free(al);
  hs_corpus_free(c);
}

/* Furniture: a row of share-button separators, bare "Read more" / "Most
** Read" / comment headers with the short lines under them are
** boilerplate, and an attribution inside them is not the page's; "Related"
** inside a sentence is not a header. */
static void test_furniture(void **state) {
  static const char page[] =
      "Oil exports rise in June\n"
      "Oil exports rose in June, the energy ministry said on Monday in a "
      "statement to the press.\n"
      ", , , , ,\n"
      "Read more\n"
      "Officials say gas prices will fall next month\n"
      "Users Comments\n"
      "Most Read\n"
      "Minister says the budget will be approved\n"
      "\xd8\xa7\xd9\x84\xd8\xaa\xd8\xb9\xd9\x84\xd9\x8a\xd9\x82\xd8\xa7"
      "\xd8\xaa\n" /* التعليقات */
      "Related:\n"
      "Traders said the market was calm.\n";
  hs_corpus *c = hs_corpus_new();
  hs_meta m;
  hs_aliases *al = NULL;
  const char *furn = strstr(page, ", , ,");
  size_t k;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  assert_int_equal(hs_corpus_add(c, "p", page, strlen(page), NULL, NULL, NULL,
                                 NULL, NULL, NULL, 0, NULL), HS_OK);
  assert_int_equal(hs_meta_extract(hs_corpus_doc(c, 0), al, NULL, &m, NULL),
                   HS_OK);
  assert_int_equal(m.nboiler, 1);
  assert_int_equal(m.boiler[0].start, (uint32_t)(furn - page));
  assert_int_equal(m.boiler[0].end, (uint32_t)(strlen(page) - 1));
  assert_int_equal(m.nattr, 1);
  assert_string_equal(m.attr[0].normalized, "energy ministry");
  for (k = 0; k < m.nattr; k++) assert_null(strstr(m.attr[k].source, "Minister"));
  hs_meta_clear(&m);
  hs_aliases_free(al);
  hs_corpus_free(c);
}

/* Repeated lines of one outlet: in >= 3 documents and >= 30% of them. */
static void test_repeated_lines(void **state) {
  hs_corpus *c = hs_corpus_new();
  hs_range_list *l = NULL;
  char buf[256];
  int i;
  (void)state;
  for (i = 0; i < 4; i++) {
    int n = snprintf(buf, sizeof buf,
                     "Story number %d about something else entirely.\n"
                     "Visit the Gazette shop for prints\n",
                     i);
    char id[8];
    snprintf(id, sizeof id, "d%d", i);
    assert_int_equal(hs_corpus_add(c, id, buf, (size_t)n, "gazette", NULL,
                                   NULL, NULL, NULL, NULL, 0, NULL),
                     HS_OK);
  }
  assert_int_equal(hs_boiler_corpus(c, &l, NULL), HS_OK);
  for (i = 0; i < 4; i++) {
    const hs_doc *d = hs_corpus_doc(c, (size_t)i);
    assert_int_equal(l[i].n, 1);
    assert_string_equal(d->text + l[i].r[0].start,
                        "Visit the Gazette shop for prints\n");
  }
  hs_boiler_free(l, 4);
  hs_corpus_free(c);
}

/* Two pages that share only a long footer: masked, no passage. */
static void test_masking(void **state) {
  static const char FOOT[] =
      "Leave a Reply\nYour email address will not be published. Required "
      "fields are marked with a star and comments are moderated before they "
      "appear on the site so please be patient with our small team\n";
  char a[1024], b[1024];
  hs_corpus *c = hs_corpus_new();
  hs_engine *e = NULL;
  hs_passage *p = NULL;
  hs_range *r0 = NULL, *r1 = NULL;
  hs_range_list lists[2];
  size_t n = 0, n0 = 0, n1 = 0;
  hs_reuse_opts o;
  int la, lb;
  (void)state;
  la = snprintf(a, sizeof a, "Alpha bravo charlie delta echo foxtrot golf "
                             "hotel india juliet kilo lima.\n%s", FOOT);
  lb = snprintf(b, sizeof b, "Zulu yankee xray whiskey victor uniform tango "
                             "sierra romeo quebec papa oscar.\n%s", FOOT);
  hs_corpus_add(c, "a", a, (size_t)la, NULL, NULL, NULL, NULL, NULL, NULL, 0,
                NULL);
  hs_corpus_add(c, "b", b, (size_t)lb, NULL, NULL, NULL, NULL, NULL, NULL, 0,
                NULL);
  hs_reuse_opts_default(&o);
  o.threads = 1;
  /* unmasked: the footer is a passage */
  assert_int_equal(hs_engine_new(&e, &o, NULL), HS_OK);
  assert_int_equal(hs_engine_add(e, c, 0, 2, NULL), HS_OK);
  assert_int_equal(hs_engine_run(e, 0, &p, &n, NULL), HS_OK);
  assert_true(n >= 1);
  free(p);
  hs_engine_free(e);
  /* masked: nothing */
  hs_boiler_find(a, (size_t)la, &r0, &n0, NULL);
  hs_boiler_find(b, (size_t)lb, &r1, &n1, NULL);
  assert_true(n0 >= 1 && n1 >= 1);
  lists[0].r = r0, lists[0].n = n0;
  lists[1].r = r1, lists[1].n = n1;
  assert_int_equal(hs_engine_new(&e, &o, NULL), HS_OK);
  assert_int_equal(hs_engine_add_masked(e, c, 0, 2, lists, NULL), HS_OK);
  assert_int_equal(hs_engine_run(e, 0, &p, &n, NULL), HS_OK);
  assert_int_equal(n, 0);
  free(p);
  hs_engine_free(e);
  free(r0);
  free(r1);
  hs_corpus_free(c);
}

/* A line's words from the whole text's tokens equal those of the line
** tokenized alone, on random texts built from the pieces where the two
** could part: joiners at line ends ("U.S." "3.5" "don't"), NBSP, tabs and
** CRLF around lines, format characters and marks at line starts, CJK,
** invalid bytes, blank and over-long lines. */
static void test_line_records_from_tokens(void **state) {
  static const char *const pieces[] = {
      "word", "U.S.", "3.5", "1,000", "don't", " ", "  ", "\t", "\n", "\r\n",
      "\xc2\xa0", "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85", "\xd9\x80",
      "\xe2\x80\x8c", "\xcc\x81", "\xe4\xb8\xad\xe6\x96\x87", "\xff", ".",
      ",", "'", "e.g.", "\xd9\xa3\xd9\xab\xd9\xa5", "-", "\xd8"};
  const size_t npieces = sizeof pieces / sizeof *pieces;
  hs_tokenizer *tk = hs_tokenizer_new();
  hs_buf text;
  uint64_t x = 0x2545F4914F6CDD1Dull, *hv = NULL;
  size_t hvcap = 0;
  int round;
  (void)state;
  hs_buf_init(&text, 0);
  for (round = 0; round < 3000; round++) {
    hs_line_rec *va = NULL, *vb = NULL;
    size_t na = 0, nb = 0, capa = 0, capb = 0, ntoks = 0, i, parts;
    hs_token *toks = NULL;
    text.len = 0;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    parts = 1 + x % 400;
    for (i = 0; i < parts; i++) {
      const char *p;
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      p = pieces[x % npieces];
      if (round % 50 == 0 && i == parts / 2) /* an over-long line */
        while (text.len < 2600) hs_buf_append(&text, "abc ", 4);
      hs_buf_append(&text, p, strlen(p));
    }
    assert_int_equal(hs_tokenize(text.p, text.len, &toks, &ntoks, NULL),
                     HS_OK);
    hs_line_records(tk, 7, text.p, text.len, 3, &va, &na, &capa, &hv,
                    &hvcap);
    hs_line_records_tokens(toks, ntoks, 7, text.p, text.len, 3, &vb, &nb,
                           &capb, &hv, &hvcap);
    assert_int_equal(na, nb);
    for (i = 0; i < na; i++) {
      assert_int_equal(va[i].hash, vb[i].hash);
      assert_int_equal(va[i].start, vb[i].start);
      assert_int_equal(va[i].end, vb[i].end);
    }
    free(toks);
    free(va);
    free(vb);
  }
  free(hv);
  hs_buf_free(&text);
  hs_tokenizer_free(tk);
}

/* hs_meta_extract_range: the same records as one hs_meta_extract per
** document, whatever the number of threads, at each document's place;
** a set cancel flag stops it with HS_EINTR. */
static void test_meta_range(void **state) {
  static const char *const texts[] = {
      PAGE,
      "DUBAI, March 4 (Reuters) - The port official said the boats left on "
      "Friday.\n",
      "الرياض 12 مارس 2019 (واس) - قال المتحدث إن الاجتماع عقد اليوم.\n",
      "",
      "Harbour reopens\nBy Jane Doe\nThe ministry said on Monday that it "
      "would reopen the harbour, according to Reuters.\n"};
  const size_t n = 40;
  hs_corpus *c = hs_corpus_new();
  hs_aliases *al = NULL;
  hs_meta *one = calloc(n, sizeof *one), *par = calloc(n, sizeof *par);
  size_t i, k;
  int stop = 1, t;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  for (i = 0; i < n; i++) {
    char id[16];
    const char *tx = texts[i % (sizeof texts / sizeof texts[0])];
    snprintf(id, sizeof id, "d%zu", i);
    assert_int_equal(hs_corpus_add(c, id, tx, strlen(tx), NULL, NULL, NULL,
                                   NULL, NULL, NULL, 0, NULL),
                     HS_OK);
  }
  for (i = 0; i < n - 3; i++)
    assert_int_equal(hs_meta_extract(hs_corpus_doc(c, i + 3), al, NULL,
                                     &one[i], NULL), HS_OK);
  for (t = 1; t <= 4; t += 3) {
    memset(par, 0, n * sizeof *par);
    assert_int_equal(hs_meta_extract_range(c, al, NULL, 3, n - 3, t, NULL,
                                           par, NULL), HS_OK);
    for (i = 0; i < n - 3; i++) {
      const char *a = one[i].date.value, *b = par[i].date.value;
      assert_int_equal(one[i].nattr, par[i].nattr);
      assert_true((!a && !b) || (a && b && !strcmp(a, b)));
      a = one[i].outlet.value;
      b = par[i].outlet.value;
      assert_true((!a && !b) || (a && b && !strcmp(a, b)));
      for (k = 0; k < one[i].nattr; k++)
        assert_string_equal(one[i].attr[k].source, par[i].attr[k].source);
      hs_meta_clear(&par[i]);
    }
  }
  memset(par, 0, n * sizeof *par);
  {
    hs_error err;
    assert_int_equal(hs_meta_extract_range(c, al, NULL, 0, n, 2, &stop, par,
                                           &err), HS_EINTR);
    assert_int_equal(err.code, HS_EINTR);
  }
  for (i = 0; i < n; i++) hs_meta_clear(&par[i]);
  for (i = 0; i < n - 3; i++) hs_meta_clear(&one[i]);
  free(one);
  free(par);
  hs_aliases_free(al);
  hs_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_boilerplate),
      cmocka_unit_test(test_meta_fields),
      cmocka_unit_test(test_meta_page),
      cmocka_unit_test(test_furniture),
      cmocka_unit_test(test_repeated_lines),
      cmocka_unit_test(test_masking),
      cmocka_unit_test(test_line_records_from_tokens),
      cmocka_unit_test(test_meta_range),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
