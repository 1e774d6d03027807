/*
** test_harden.c — hostile input and failing resources at the library's
** edges: a disk that fills while the metadata of a batch is committed
** (an I/O error naming the file, nothing half-stored), text-format output
** of names holding terminal escape sequences, and the UTF-8 repair that
** keeps a field instead of dropping it.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <sqlite3.h>

#include "hearsay.h"
#include "store/store.h"
#include "tmpdir.h"

static int setup(void **state) {
  return tmpdir_setup(state, "/tmp/hs-harden-XXXXXX");
}

static int teardown(void **state) { return tmpdir_teardown(state); }

static long query_long(hs_store *s, const char *sql) {
  sqlite3_stmt *st = NULL;
  long v = -1;
  assert_int_equal(sqlite3_prepare_v2(hs_store_sqlite(s), sql, -1, &st, NULL),
                   SQLITE_OK);
  if (sqlite3_step(st) == SQLITE_ROW) v = (long)sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

static void exec_sql(hs_store *s, const char *sql) {
  assert_int_equal(sqlite3_exec(hs_store_sqlite(s), sql, NULL, NULL, NULL),
                   SQLITE_OK);
}

/* Disk full while committing metadata: HS_EIO (exit 3), the file named,
** nothing of the batch's metadata kept; with room again it is stored. */
static void meta_disk_full(void **state) {
  tmpdir *t = *state;
  hs_store *s = NULL;
  hs_corpus *c = hs_corpus_new();
  hs_error err;
  hs_meta m[2];
  size_t i;
  char sql[80], *big = malloc(300000);
  hs_error_clear(&err);
  assert_non_null(big);
  for (i = 0; i < 299999; i++) big[i] = (char)('a' + i % 26);
  big[299999] = '\0';
  assert_int_equal(hs_corpus_add(c, "a", "Text one.", 9, NULL, NULL, NULL,
                                 NULL, NULL, NULL, 0, &err), HS_OK);
  assert_int_equal(hs_corpus_add(c, "b", "Text two.", 9, NULL, NULL, NULL,
                                 NULL, NULL, NULL, 0, &err), HS_OK);
  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  assert_int_equal(hs_store_commit(s, c, 0, 2, NULL, 0, &err), HS_OK);
  memset(m, 0, sizeof m);
  for (i = 0; i < 2; i++) {
    m[i].title.value = big; /* a large row: the disk fills on it */
    m[i].title.confidence = 1;
  }
  /* tables first, then no room for more pages */
  assert_int_equal(hs_meta_store_save(s, 0, 0, m, &err), HS_OK);
  snprintf(sql, sizeof sql, "PRAGMA max_page_count = %ld",
           query_long(s, "PRAGMA page_count") + 1);
  exec_sql(s, sql);
  assert_int_equal(hs_meta_store_save(s, 0, 2, m, &err), HS_EIO);
  assert_non_null(strstr(err.msg, "disk full"));
  assert_non_null(strstr(err.msg, t->db));
  assert_int_equal(query_long(s, "SELECT count(*) FROM documents_meta"), 0);
  exec_sql(s, "PRAGMA max_page_count = 1000000");
  assert_int_equal(hs_meta_store_save(s, 0, 2, m, &err), HS_OK);
  assert_int_equal(query_long(s, "SELECT count(*) FROM documents_meta"), 2);
  hs_store_close(s);
  hs_corpus_free(c);
  free(big);
}

/* The text and TSV formats never write a raw control character. */
static void text_escapes(void **state) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  (void)state;
  assert_non_null(f);
  hs_write_text(f, "a\033[31m.txt\x9b\xc2\x9b\x07|\xff|\xd0\x9c", 0);
  fputc('\n', f);
  hs_write_text(f, "x\ty\nz", 1);
  fclose(f);
  assert_string_equal(buf, "a\\u001b[31m.txt\\ufffd\\u009b\\u0007|\\ufffd|"
                           "\xd0\x9c\nx y z");
  free(buf);
}

static void utf8_repair(void **state) {
  size_t len = 0, bad = 0;
  char *r = hs_utf8_repair("ok \xff\xfe end \xe2\x82", 13, &len, &bad);
  (void)state;
  assert_int_equal(bad, 4);
  assert_int_equal(len, 21);
  assert_memory_equal(r, "ok \xef\xbf\xbd\xef\xbf\xbd end "
                         "\xef\xbf\xbd\xef\xbf\xbd", 21);
  free(r);
}

/* A raised cancel flag stops the store's statements. */
static void store_cancel(void **state) {
  tmpdir *t = *state;
  hs_store *s = NULL;
  hs_corpus *c = hs_corpus_new(), *back = hs_corpus_new();
  hs_error err;
  volatile int flag = 0;
  hs_error_clear(&err);
  assert_int_equal(hs_corpus_add(c, "a", "Text one.", 9, NULL, NULL, NULL,
                                 NULL, NULL, NULL, 0, &err), HS_OK);
  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  assert_int_equal(hs_store_commit(s, c, 0, 1, NULL, 0, &err), HS_OK);
  hs_store_set_cancel(s, &flag);
  assert_int_equal(hs_store_load_docs(s, back, &err), HS_OK);
  flag = 1;
  exec_sql(s, "CREATE TEMP TABLE n(x)");
  assert_int_not_equal(
      sqlite3_exec(hs_store_sqlite(s),
                   "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                   "FROM r WHERE i < 1000000) INSERT INTO n SELECT i FROM r",
                   NULL, NULL, NULL),
      SQLITE_OK);
  assert_int_equal(sqlite3_errcode(hs_store_sqlite(s)), SQLITE_INTERRUPT);
  hs_store_set_cancel(s, NULL);
  assert_int_equal(query_long(s, "SELECT count(*) FROM n"), 0);
  hs_store_close(s);
  hs_corpus_free(c);
  hs_corpus_free(back);
}

/* One hs_claims over corpus after corpus: after hs_claims_clear, a search
** finds what a fresh object finds over the new corpus, and nothing of the
** old one. */
static void claims_clear(void **state) {
  static const char *a_text = "The dam on the northern river burst after "
                              "three days of rain. Farmers fled uphill.";
  static const char *b_text = "Officials opened the new bridge on Monday. "
                              "Traffic was light.";
  hs_corpus *a = hs_corpus_new(), *b = hs_corpus_new();
  hs_claims *cl = NULL, *fresh = NULL;
  hs_claim_hit *h = NULL, *hf = NULL;
  size_t nh = 0, nf = 0, i;
  (void)state;
  assert_int_equal(hs_corpus_add(a, "a", a_text, strlen(a_text), NULL, NULL,
                                 NULL, NULL, NULL, NULL, 0, NULL), HS_OK);
  assert_int_equal(hs_corpus_add(b, "b", b_text, strlen(b_text), NULL, NULL,
                                 NULL, NULL, NULL, NULL, 0, NULL), HS_OK);
  assert_int_equal(hs_claims_new(&cl, "", NULL), HS_OK);
  assert_int_equal(hs_claims_add_corpus(cl, a, NULL), HS_OK);
  assert_int_equal(hs_claims_search(cl, "dam burst", 10, 0.0, &h, &nh, NULL),
                   HS_OK);
  assert_true(nh >= 1);
  hs_claim_hits_free(h, nh);
  hs_claims_clear(cl);
  assert_int_equal(hs_claims_add_corpus(cl, b, NULL), HS_OK);
  assert_int_equal(hs_claims_search(cl, "dam burst", 10, 0.0, &h, &nh, NULL),
                   HS_OK);
  assert_int_equal(nh, 0);
  hs_claim_hits_free(h, nh);
  assert_int_equal(hs_claims_new(&fresh, "", NULL), HS_OK);
  assert_int_equal(hs_claims_add_corpus(fresh, b, NULL), HS_OK);
  assert_int_equal(hs_claims_search(cl, "bridge opened", 10, 0.0, &h, &nh,
                                    NULL), HS_OK);
  assert_int_equal(hs_claims_search(fresh, "bridge opened", 10, 0.0, &hf, &nf,
                                    NULL), HS_OK);
  assert_true(nh >= 1);
  assert_int_equal(nh, nf);
  for (i = 0; i < nh; i++) {
    assert_int_equal(h[i].doc, hf[i].doc);
    assert_int_equal(h[i].start, hf[i].start);
    assert_int_equal(h[i].end, hf[i].end);
    assert_true(h[i].score == hf[i].score);
    assert_string_equal(h[i].explain, hf[i].explain);
  }
  hs_claim_hits_free(h, nh);
  hs_claim_hits_free(hf, nf);
  hs_claims_free(cl);
  hs_claims_free(fresh);
  hs_corpus_free(a);
  hs_corpus_free(b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(meta_disk_full, setup, teardown),
      cmocka_unit_test(text_escapes),
      cmocka_unit_test(utf8_repair),
      cmocka_unit_test(claims_clear),
      cmocka_unit_test_setup_teardown(store_cancel, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
