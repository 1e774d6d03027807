/*
** test_aliases.c — the alias table (built-in outlets in their spellings
** and scripts, places, a user file that adds and overrides names, a
** malformed file), the attribution cue buckets the reader scans by, and
** the propagation graph of a small corpus.  The sentence table of the
** attribution reader is in test_attrib.c.
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
#include "attrib/attrib_int.h"

static void test_aliases(void **state) {
  hs_aliases *al = NULL;
  const char *canon;
  int type;
  char path[] = "hs_aliases_XXXXXX"; /* in the working directory */
  FILE *f;
  int fd;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  assert_int_equal(hs_aliases_lookup(al, "Syrian Arab News Agency", 23, &canon,
                                     &type), 1);
  assert_string_equal(canon, "SANA");
  assert_int_equal(type, HS_SRC_AGENCY);
  assert_int_equal(hs_aliases_lookup(al, "واس", strlen("واس"), &canon, &type),
                   1);
  assert_string_equal(canon, "SPA");
  assert_int_equal(hs_aliases_lookup(al, "SPUTNIK NEWS", 12, &canon, &type), 1);
  assert_string_equal(canon, "Sputnik");
  assert_int_equal(hs_aliases_lookup(al, "Nobody Weekly", 13, &canon, &type),
                   0);
  /* the world's outlets, in their spellings and scripts */
  {
    static const char *const names[][2] = {
        {"أ ف ب", "AFP"}, {"Sky News Arabia", "Sky News Arabia"},
        {"سكاي نيوز عربية", "Sky News Arabia"}, {"WSJ", "The Wall Street Journal"},
        {"همشهری آنلاین", "Hamshahri"}, {"Коммерсантъ", "Kommersant"},
        {"РИА Новости", "RIA Novosti"}, {"دويتشه فيله", "Deutsche Welle"},
        {"Maghreb Arab Press", "MAP"}, {"The National", "The National"}};
    size_t k;
    for (k = 0; k < sizeof names / sizeof names[0]; k++) {
      if (!hs_aliases_lookup(al, names[k][0], strlen(names[k][0]), &canon,
                             &type) ||
          strcmp(canon, names[k][1]))
        fail_msg("%s: %s", names[k][0], "not its outlet");
    }
  }
  /* an ambiguous canonical name ("=The National") is no name inside a
  ** longer phrase, nor one of a masthead; a city is a place, not an
  ** outlet */
  assert_int_equal(hs_aliases_find_in(al, "the national guard", 18, &canon,
                                      &type, NULL, NULL), -1);
  assert_int_equal(hs_aliases_lookup_name(al, "The National", 12, &canon,
                                          &type), 0);
  assert_int_equal(hs_aliases_lookup_name(al, "الرياض", strlen("الرياض"),
                                          &canon, &type), 0);
  assert_int_equal(hs_aliases_place(al, "الرياض", strlen("الرياض"), &canon),
                   1);
  assert_string_equal(canon, "Riyadh");
  assert_int_equal(hs_aliases_place(al, "the United States", 17, &canon), 1);
  assert_string_equal(canon, "United States");
  assert_int_equal(hs_aliases_place(al, "Reuters", 7, NULL), 0);
  /* a user file adds names and wins over the built-in ones */
  fd = mkstemp(path);
  assert_true(fd >= 0);
  f = fdopen(fd, "w");
  fputs("# extra\nNobody Weekly\toutlet\tNW\nSpecial\tperson\tSANA\n", f);
  fclose(f);
  assert_int_equal(hs_aliases_load(al, path, NULL), HS_OK);
  assert_int_equal(hs_aliases_lookup(al, "nw", 2, &canon, &type), 1);
  assert_string_equal(canon, "Nobody Weekly");
  assert_int_equal(hs_aliases_lookup(al, "SANA", 4, &canon, &type), 1);
  assert_string_equal(canon, "Special");
  /* a malformed file is an input error naming the line */
  f = fopen(path, "w");
  fputs("Broken line without type\n", f);
  fclose(f);
  {
    hs_error err;
    hs_error_clear(&err);
    assert_int_equal(hs_aliases_load(al, path, &err), HS_EINPUT);
    assert_non_null(strstr(err.msg, ":1:"));
  }
  remove(path);
  hs_aliases_free(al);
}

static void test_graph(void **state) {
  static const char STORY[] =
      "The river authority said on Tuesday that the new bridge would open "
      "to traffic in early spring after engineers finished testing the "
      "steel cables and the concrete deck which had been damaged by floods "
      "last year while the mayor promised that tolls would stay low.";
  hs_corpus *c = hs_corpus_new();
  hs_meta m[2];
  hs_passage *p = NULL;
  size_t n = 0, i, reuse = 0, cites = 0;
  uint32_t words[2];
  hs_graph g;
  hs_reuse_opts o;
  (void)state;
  hs_corpus_add(c, "late", STORY, strlen(STORY), "copier", "2024-02-02",
                NULL, NULL, NULL, NULL, 0, NULL);
  hs_corpus_add(c, "early", STORY, strlen(STORY), "wire", "2024-01-01", NULL,
                NULL, NULL, NULL, 0, NULL);
  hs_reuse_opts_default(&o);
  o.threads = 1;
  assert_int_equal(hs_reuse_find(c, &o, &p, &n, NULL), HS_OK);
  assert_int_equal(n, 1);
  for (i = 0; i < 2; i++) {
    assert_int_equal(hs_meta_extract(hs_corpus_doc(c, i), NULL, NULL, &m[i],
                                     NULL), HS_OK);
    words[i] = (uint32_t)hs_count_words(STORY, strlen(STORY));
  }
  assert_int_equal(hs_graph_build(c, m, p, n, words, NULL, &g, NULL), HS_OK);
  for (i = 0; i < g.nedges; i++) {
    const hs_edge *e = &g.edges[i];
    if (e->kind == HS_EDGE_REPUBLISH && e->doc != UINT32_MAX) {
      /* from the earlier document (corpus index 1) to the later */
      assert_int_equal(e->from, 1);
      assert_int_equal(e->to, 0);
      assert_int_equal(e->tie, 0);
      reuse++;
    }
    if (e->kind == HS_EDGE_CITES) cites++;
  }
  assert_int_equal(reuse, 1);
  assert_true(cites >= 2);
  assert_int_equal(g.nfamilies, 1);
  assert_int_equal(g.families[0].first, 1);
  assert_int_equal(g.families[0].ndocs, 2);
  hs_graph_free(&g);
  for (i = 0; i < 2; i++) hs_meta_clear(&m[i]);
  free(p);
  hs_corpus_free(c);
}

/* The cue buckets: every cue of the text's languages once, in the bucket
** of its key, in table order; every cue long enough for its key and lower
** case (it is matched against lower-cased text); keys case-blind. */
static void test_cue_buckets(void **state) {
  uint16_t start[HS_ATTR_CUE_BUCKETS + 1], *ord;
  int persian;
  size_t k, h, i;
  (void)state;
  ord = calloc(hs_attr_ncues, sizeof *ord);
  for (k = 0; k < hs_attr_ncues; k++) {
    const char *c = hs_attr_cues[k].text;
    assert_true(strlen(c) >= HS_ATTR_CUE_KEY);
    for (i = 0; c[i]; i++) assert_false(c[i] >= 'A' && c[i] <= 'Z');
  }
  assert_int_equal(hs_attr_cue_key("SAID"), hs_attr_cue_key("said"));
  assert_int_equal(hs_attr_cue_key("Citing x"), hs_attr_cue_key("citing"));
  for (persian = 0; persian < 2; persian++) {
    size_t want = 0, got;
    for (k = 0; k < hs_attr_ncues; k++) {
      const char *l = hs_attr_cues[k].lang;
      want += !((l[0] == 'a' && persian) || (l[0] == 'f' && !persian));
    }
    hs_attr_cue_buckets(persian, start, ord);
    assert_int_equal(start[0], 0);
    got = start[HS_ATTR_CUE_BUCKETS];
    assert_int_equal(got, want);
    for (h = 0; h < HS_ATTR_CUE_BUCKETS; h++)
      for (i = start[h]; i < start[h + 1]; i++) {
        assert_int_equal(hs_attr_cue_key(hs_attr_cues[ord[i]].text), h);
        if (i > start[h]) assert_true(ord[i] > ord[i - 1]);
      }
  }
  free(ord);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_cue_buckets),
      cmocka_unit_test(test_aliases),
      cmocka_unit_test(test_graph),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
