/*
** test_shingles.c — the store's shingle index (src/store/shingles.c): its
** outlet-line rule gives the ranges hs_boiler_corpus gives, whether the
** documents are counted as one batch or stored first; the lookup finds
** the stored documents that share a shingle and caps a shingle on the
** counts of the store and the batch together; hs_store_commit_at stores
** documents from a doc_id and rolls back with its hook.  Databases live
** in a fresh mkdtemp directory under /tmp.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <unistd.h>

#include "hearsay.h"
#include "tmpdir.h"
#include "store/shingles.h"
#include "store/store.h"

static int setup_dir(void **state) {
  return tmpdir_setup(state, "/tmp/hs-sidx-XXXXXX");
}

static int teardown_dir(void **state) { return tmpdir_teardown(state); }

/* Eight documents of two outlets: outlet "a" repeats a footer in 4 of its
** 5 documents (boilerplate), outlet "b" one line in its 3 (boilerplate)
** and another in 2 (not: fewer than 3); one "a" document has a share
** prompt (fixed pattern). */
static hs_corpus *outlet_corpus(void) {
  hs_corpus *c = hs_corpus_new();
  hs_error err;
  char text[512], id[16];
  int i;
  for (i = 0; i < 8; i++) {
    const char *series = i < 5 ? "a" : "b";
    snprintf(text, sizeof text,
             "Story number %d begins here with words.\n"
             "%s\n"
             "  Some body text %d that differs.\r\n"
             "%s\n",
             i,
             i < 4 ? "Follow us on the outlet pages"
                   : i == 4 ? "A line of its own" : "Outlet b repeats this",
             i * 7, i == 2 ? "Share this article" :
                    (i >= 5 && i < 7) ? "Line of outlet b" : "end");
    snprintf(id, sizeof id, "d%d", i);
    assert_int_equal(hs_corpus_add(c, id, text, strlen(text), series, NULL,
                                   NULL, NULL, NULL, NULL, 0, &err),
                     HS_OK);
  }
  return c;
}

static void same_lists(const hs_range_list *x, const hs_range_list *y,
                       size_t n) {
  size_t i, k;
  for (i = 0; i < n; i++) {
    assert_int_equal(x[i].n, y[i].n);
    for (k = 0; k < x[i].n; k++) {
      assert_int_equal(x[i].r[k].start, y[i].r[k].start);
      assert_int_equal(x[i].r[k].end, y[i].r[k].end);
    }
  }
}

static int no_hook_fail(hs_store *s, void *ud, hs_error *err) {
  (void)s;
  (void)ud;
  return hs_error_set(err, HS_EDB, "hook refused");
}

/* The masks agree with hs_boiler_corpus: counted as a batch, or stored
** (built from the stored texts) and asked for without a batch. */
static void masks_match_boiler_corpus(void **state) {
  tmpdir *t = *state;
  hs_corpus *c = outlet_corpus();
  hs_range_list *want = NULL, *got = NULL;
  hs_sidx_lines *l = hs_sidx_lines_new();
  hs_store *s = NULL;
  hs_reuse_opts o;
  hs_error err;
  size_t n = hs_corpus_count(c), covered = 0, ndocs = 0;
  hs_reuse_opts_default(&o);
  assert_int_equal(hs_boiler_corpus(c, &want, &err), HS_OK);
  assert_true(want[0].n >= 1); /* the footer */
  assert_true(want[2].n >= 2); /* footer and share prompt */
  assert_int_equal(want[5].n, 1); /* not "Line of outlet b" */
  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  assert_int_equal(hs_sidx_build(s, &o, 0, NULL, NULL, &err), HS_OK);
  hs_sidx_lines_count(l, c, 0, n);
  assert_int_equal(hs_sidx_masks(s, l, c, 0, n, &got, &err), HS_OK);
  same_lists(want, got, n);
  hs_boiler_free(got, n);
  /* stored with hs_store_commit (no index), then indexed after the fact */
  assert_int_equal(hs_store_commit(s, c, 0, n, NULL, 0, &err), HS_OK);
  assert_int_equal(hs_sidx_covered(s, &covered, &ndocs, &err), HS_OK);
  assert_int_equal(covered, 0);
  assert_int_equal(ndocs, n);
  assert_int_equal(hs_sidx_build(s, &o, 0, NULL, NULL, &err), HS_OK);
  assert_int_equal(hs_sidx_covered(s, &covered, &ndocs, &err), HS_OK);
  assert_int_equal(covered, n);
  assert_int_equal(hs_sidx_masks(s, NULL, c, 0, n, &got, &err), HS_OK);
  same_lists(want, got, n);
  hs_boiler_free(got, n);
  hs_boiler_free(want, n);
  hs_sidx_lines_free(l);
  hs_store_close(s);
  hs_corpus_free(c);
}

static void add_doc(hs_corpus *c, const char *id, const char *text) {
  hs_error err;
  assert_int_equal(hs_corpus_add(c, id, text, strlen(text), NULL, NULL, NULL,
                                 NULL, NULL, NULL, 0, &err),
                   HS_OK);
}

/* Stored: x1 and x2 hold phrase P, x3 holds phrase Q (8 words, 4
** shingles each), x4 shares only 6 words (2 shingles: too few to cover
** the 12 words of a passage).  A batch document holding P, Q and those 6
** words: with df_cap 2, P (2 stored + 1 new) is capped and Q is not, so x3
** is the only partner; with df_cap 3, x1..x3. */
static void lookup_counts_store_and_batch(void **state) {
  tmpdir *t = *state;
  const char *P = "pa pb pc pd pe pf pg ph", *Q = "qa qb qc qd qe qf qg qh";
  char buf[256];
  hs_corpus *c = hs_corpus_new(), *b = hs_corpus_new();
  hs_store *s = NULL;
  hs_reuse_opts o;
  hs_error err;
  hs_sidx_post *post = NULL;
  hs_sidx_lines *l = hs_sidx_lines_new();
  hs_sidx_batch sb;
  hs_sidx_cap *capped = NULL;
  size_t *old = NULL, np = 0, nc = 0, no = 0;
  hs_reuse_opts_default(&o);
  o.threads = 1;
  snprintf(buf, sizeof buf, "one two %s three", P);
  add_doc(c, "x1", buf);
  snprintf(buf, sizeof buf, "four %s five six", P);
  add_doc(c, "x2", buf);
  snprintf(buf, sizeof buf, "seven %s eight", Q);
  add_doc(c, "x3", buf);
  add_doc(c, "x4", "nine ten eleven twelve thirteen fourteen");
  snprintf(buf, sizeof buf, "new %s and %s end ten eleven twelve thirteen "
           "fourteen", P, Q);
  add_doc(b, "n1", buf);
  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  assert_int_equal(hs_sidx_build(s, &o, 0, NULL, NULL, &err), HS_OK);
  /* store the four documents through the hook, as index does */
  assert_int_equal(hs_sidx_shingles(&o, c, 4, NULL, &post, &np, &err),
                   HS_OK);
  assert_true(np > 0);
  sb.post = post;
  sb.npost = np;
  sb.lines = l;
  sb.base = 0;
  sb.count = 4;
  /* a failing hook rolls the documents back */
  assert_int_equal(hs_store_commit_at(s, c, 0, 4, 0, NULL, 0, no_hook_fail,
                                      NULL, &err), HS_EDB);
  assert_int_equal(hs_store_commit_at(s, c, 0, 4, 0, NULL, 0,
                                      hs_sidx_write_hook, &sb, &err),
                   HS_OK);
  free(post);
  assert_int_equal(hs_sidx_shingles(&o, b, 1, NULL, &post, &np, &err),
                   HS_OK);
  o.df_cap = 2;
  assert_int_equal(hs_sidx_lookup(s, post, np, &o, 0, &capped, &nc, &old, &no,
                                  &err), HS_OK);
  assert_int_equal(no, 1);
  assert_int_equal(old[0], 2);
  assert_int_equal(nc, 4); /* P's four shingles */
  assert_int_equal(capped[0].batch, 0);
  free(capped);
  free(old);
  o.df_cap = 3;
  assert_int_equal(hs_sidx_lookup(s, post, np, &o, 0, &capped, &nc, &old, &no,
                                  &err), HS_OK);
  assert_int_equal(no, 3);
  assert_int_equal(old[0], 0);
  assert_int_equal(old[2], 2);
  assert_int_equal(nc, 0);
  free(capped);
  free(old);
  /* the batch is stored from doc_id 4; a wrong base is refused */
  sb.post = post;
  sb.npost = np;
  sb.base = 3;
  sb.count = 1;
  assert_int_equal(hs_store_commit_at(s, b, 0, 1, 3, NULL, 0,
                                      hs_sidx_write_hook, &sb, &err),
                   HS_EDB);
  sb.base = 4;
  assert_int_equal(hs_store_commit_at(s, b, 0, 1, 4, NULL, 0,
                                      hs_sidx_write_hook, &sb, &err),
                   HS_OK);
  {
    hs_corpus *back = hs_corpus_new();
    size_t ids[2] = {4, 1};
    assert_int_equal(hs_store_load_docs_at(s, back, ids, 2, &err), HS_OK);
    assert_string_equal(hs_corpus_doc(back, 0)->id, "n1");
    assert_string_equal(hs_corpus_doc(back, 1)->id, "x2");
    ids[0] = 9;
    assert_int_equal(hs_store_load_docs_at(s, back, ids, 1, &err), HS_EDB);
    hs_corpus_free(back);
  }
  free(post);
  hs_sidx_lines_free(l);
  hs_store_close(s);
  hs_corpus_free(c);
  hs_corpus_free(b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(masks_match_boiler_corpus, setup_dir,
                                      teardown_dir),
      cmocka_unit_test_setup_teardown(lookup_counts_store_and_batch,
                                      setup_dir, teardown_dir),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
