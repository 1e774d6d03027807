/*
** test_store.c — the SQLite store: create and reopen, a commit/load round
** trip, all-or-nothing commits (a duplicate document rolls back the whole
** call), foreign and newer files refused, options fixed per store,
** families recomputed across commits, and injected faults (a page limit
** that fills the "disk", a file size limit that makes writes fail, a
** process killed right after and during a commit) leaving earlier content
** intact.  Every database lives in a fresh mkdtemp directory under /tmp.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <signal.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hearsay.h"
#include "tmpdir.h"
#include "store/store.h"

/* ------------------------------------------------------------- fixtures */

static int setup_dir(void **state) {
  return tmpdir_setup(state, "/tmp/hs-store-XXXXXX");
}

static int teardown_dir(void **state) { return tmpdir_teardown(state); }

static void add_doc(hs_corpus *c, const char *id, const char *text) {
  hs_error err;
  assert_int_equal(hs_corpus_add(c, id, text, strlen(text), "Outlet",
                                 "2024-01-02", "Title", "http://x/",
                                 "{\"k\":1}", "in.jsonl", 7, &err),
                   HS_OK);
}

static hs_passage mkp(uint32_t ad, uint32_t as, uint32_t ae, uint32_t bd,
                      uint32_t bs, uint32_t be) {
  hs_passage p;
  memset(&p, 0, sizeof p);
  p.a = (hs_span){ad, as, ae, (ae - as) / 5};
  p.b = (hs_span){bd, bs, be, (be - bs) / 5};
  p.words = p.a.words < p.b.words ? p.a.words : p.b.words;
  p.similarity = 0.75;
  p.internal = ad == bd;
  return p;
}

static void counts(hs_store *s, size_t *nd, size_t *np) {
  hs_error err;
  assert_int_equal(hs_store_count(s, nd, np, &err), HS_OK);
}

/* A text of n bytes of words. */
static char *words_text(size_t n, unsigned seed) {
  static const char *w[] = {"alpha ", "bravo ", "charlie ", "delta ",
                            "echo ", "foxtrot ", "golf "};
  char *z = malloc(n + 1);
  size_t i = 0;
  assert_non_null(z);
  while (i < n) {
    const char *x = w[(i / 7 + seed) % 7];
    size_t k = strlen(x);
    if (k > n - i) k = n - i;
    memcpy(z + i, x, k);
    i += k;
  }
  z[n] = '\0';
  return z;
}

static void raw_exec(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
  assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(db);
}

static void assert_integrity_ok(hs_store *s) {
  sqlite3_stmt *st = NULL;
  sqlite3 *db = hs_store_sqlite(s);
  assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st,
                                      NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(st), SQLITE_ROW);
  assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
  sqlite3_finalize(st);
  assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1,
                                      &st, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(st), SQLITE_DONE);
  sqlite3_finalize(st);
}

static char *query_text(hs_store *s, const char *sql) {
  sqlite3_stmt *st = NULL;
  char *r = NULL;
  assert_int_equal(sqlite3_prepare_v2(hs_store_sqlite(s), sql, -1, &st,
                                      NULL), SQLITE_OK);
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
    r = strdup((const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  return r;
}

/* Three documents, two passages between 0 and 1 (two paragraphs) and one
** internal repeat in 2. */
static hs_corpus *three_docs(void) {
  hs_corpus *c = hs_corpus_new();
  add_doc(c, "a", "The minister said on Tuesday that prices would rise. "
                  "Unrelated second paragraph about football results.");
  add_doc(c, "b", "Reports: the minister said on Tuesday that prices would "
                  "rise. Later: unrelated second paragraph about football.");
  /* invalid UTF-8 and non-ASCII bytes must round-trip byte for byte */
  add_doc(c, "c", "Ça va \xff\xfe bien. Ça va \xff\xfe bien. \xd0\x9c\xd0\xb8\xd1\x80");
  return c;
}

static void three_passages(hs_passage *p) {
  p[0] = mkp(0, 4, 52, 1, 13, 61);
  p[1] = mkp(0, 53, 103, 1, 69, 111);
  p[2] = mkp(2, 0, 15, 2, 16, 31);
}

static void commit_three(hs_store *s) {
  hs_corpus *c = three_docs();
  hs_passage p[3];
  hs_error err;
  three_passages(p);
  assert_int_equal(hs_store_commit(s, c, 0, 3, p, 3, &err), HS_OK);
  hs_corpus_free(c);
}

/* ---------------------------------------------------------------- tests */

static void create_and_reopen(void **state) {
  tmpdir *t = *state;
  hs_store *s = NULL;
  hs_error err;
  size_t nd = 9, np = 9;
  char *z;
  struct stat sb;

  assert_int_equal(stat(t->db, &sb), -1);
  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  assert_non_null(s);
  counts(s, &nd, &np);
  assert_int_equal(nd, 0);
  assert_int_equal(np, 0);
  z = query_text(s, "SELECT value FROM meta WHERE key = 'schema_version'");
  assert_string_equal(z, "1");
  free(z);
  z = query_text(s, "PRAGMA journal_mode");
  assert_string_equal(z, "wal");
  free(z);
  z = query_text(s, "PRAGMA synchronous");
  assert_string_equal(z, "2");  /* FULL */
  free(z);
  hs_store_close(s);

  s = NULL;
  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  counts(s, &nd, &np);
  assert_int_equal(nd, 0);
  assert_int_equal(np, 0);
  assert_integrity_ok(s);
  hs_store_close(s);
  hs_store_close(NULL);
}

static void round_trip(void **state) {
  tmpdir *t = *state;
  hs_store *s = NULL;
  hs_corpus *c = three_docs(), *back = hs_corpus_new();
  hs_passage p[3], *q = NULL;
  size_t n = 0, i;
  int has = 0;
  hs_error err;
  char *z;

  three_passages(p);
  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  assert_int_equal(hs_store_commit(s, c, 0, 3, p, 3, &err), HS_OK);
  hs_store_close(s);

  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  assert_int_equal(hs_store_load_docs(s, back, &err), HS_OK);
  assert_int_equal(hs_corpus_count(back), 3);
  for (i = 0; i < 3; i++) {
    const hs_doc *x = hs_corpus_doc(c, i), *y = hs_corpus_doc(back, i);
    assert_string_equal(x->id, y->id);
    assert_int_equal(x->len, y->len);
    assert_memory_equal(x->text, y->text, x->len);
    assert_string_equal(y->series, "Outlet");
    assert_string_equal(y->date, "2024-01-02");
    assert_string_equal(y->title, "Title");
    assert_string_equal(y->url, "http://x/");
    assert_string_equal(y->extra, "{\"k\":1}");
    assert_string_equal(y->source, "in.jsonl");
    assert_int_equal(y->line, 7);
  }
  /* loading into a non-empty corpus is refused */
  assert_int_equal(hs_store_load_docs(s, back, &err), HS_EUSAGE);

  assert_int_equal(hs_store_load_passages(s, &q, &n, &err), HS_OK);
  assert_int_equal(n, 3);
  for (i = 0; i < 3; i++) {
    assert_memory_equal(&q[i].a, &p[i].a, sizeof p[i].a);
    assert_memory_equal(&q[i].b, &p[i].b, sizeof p[i].b);
    assert_int_equal(q[i].words, p[i].words);
    assert_true(q[i].similarity == p[i].similarity);
    assert_int_equal(q[i].internal, p[i].internal);
  }
  /* two paragraphs: two families; the internal repeat a third */
  assert_int_equal(q[0].family, 0);
  assert_int_equal(q[1].family, 1);
  assert_int_equal(q[2].family, 2);
  free(q);

  /* derived columns */
  z = query_text(s, "SELECT words FROM documents WHERE doc_id = 0");
  {
    char want[32];
    const hs_doc *d = hs_corpus_doc(c, 0);
    snprintf(want, sizeof want, "%zu", hs_count_words(d->text, d->len));
    assert_string_equal(z, want);
  }
  free(z);
  z = query_text(s, "SELECT bytes || ' ' || length(content_hash) || ' ' || "
                    "(added_at IS NOT NULL) FROM documents WHERE doc_id = 2");
  {
    char want[32];
    snprintf(want, sizeof want, "%zu 16 1", hs_corpus_doc(c, 2)->len);
    assert_string_equal(z, want);
  }
  free(z);
  /* the byte-exact snippet query documented in docs/schema.md */
  z = query_text(s, "SELECT CAST(substr(CAST(d.text AS BLOB), p.a_start + 1, "
                    "p.a_end - p.a_start) AS TEXT) FROM passages p JOIN "
                    "documents d ON d.doc_id = p.a_doc WHERE p.kind = "
                    "'internal'");
  assert_string_equal(z, "Ça va \xff\xfe bien.");
  free(z);
  z = query_text(s, "SELECT group_concat(kind) FROM (SELECT kind FROM "
                    "passages ORDER BY passage_id)");
  assert_string_equal(z, "cross,cross,internal");
  free(z);

  assert_int_equal(hs_store_has_doc(s, "b", &has, &err), HS_OK);
  assert_int_equal(has, 1);
  assert_int_equal(hs_store_has_doc(s, "zz", &has, &err), HS_OK);
  assert_int_equal(has, 0);
  assert_integrity_ok(s);
  hs_store_close(s);
  hs_corpus_free(c);
  hs_corpus_free(back);
}

static void recommit_fails_cleanly(void **state) {
  tmpdir *t = *state;
  hs_store *s = NULL;
  hs_corpus *c = three_docs(), *d = hs_corpus_new();
  hs_passage p[3], x[1];
  size_t nd, np;
  hs_error err;

  three_passages(p);
  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  assert_int_equal(hs_store_commit(s, c, 0, 3, p, 3, &err), HS_OK);

  /* The same documents again, as new: refused, nothing changes. */
  assert_int_equal(hs_store_commit(s, c, 0, 3, p, 3, &err), HS_EDB);
  assert_non_null(strstr(err.msg, t->db));
  counts(s, &nd, &np);
  assert_int_equal(nd, 3);
  assert_int_equal(np, 3);

  /* A corpus whose new part holds a new document and then one already
  ** stored under the same id: the UNIQUE violation on the second rolls
  ** back the first too. */
  add_doc(d, "p0", "zero zero zero");
  add_doc(d, "p1", "one one one");
  add_doc(d, "p2", "two two two");
  add_doc(d, "fresh", "a fresh document that was never stored");
  add_doc(d, "a", "same id as a stored document");
  x[0] = mkp(3, 0, 10, 4, 0, 10);
  assert_int_equal(hs_store_commit(s, d, 3, 2, x, 1, &err), HS_EDB);
  assert_non_null(strstr(err.msg, "\"a\" is already stored"));
  counts(s, &nd, &np);
  assert_int_equal(nd, 3);
  assert_int_equal(np, 3);
  {
    int has = 1;
    assert_int_equal(hs_store_has_doc(s, "fresh", &has, &err), HS_OK);
    assert_int_equal(has, 0);
  }
  assert_integrity_ok(s);

  /* A passage out of range is refused before anything is written. */
  x[0] = mkp(0, 0, 10, 9, 0, 10);
  assert_int_equal(hs_store_commit(s, c, 3, 0, x, 1, &err), HS_EUSAGE);
  x[0] = mkp(0, 0, 100000, 1, 0, 10);
  assert_int_equal(hs_store_commit(s, c, 3, 0, x, 1, &err), HS_EUSAGE);

  /* The store is still usable: adding passages only works. */
  x[0] = mkp(0, 0, 10, 2, 0, 10);
  assert_int_equal(hs_store_commit(s, c, 3, 0, x, 1, &err), HS_OK);
  counts(s, &nd, &np);
  assert_int_equal(nd, 3);
  assert_int_equal(np, 4);
  hs_store_close(s);
  hs_corpus_free(c);
  hs_corpus_free(d);
}

static void foreign_files_refused(void **state) {
  tmpdir *t = *state;
  hs_store *s = (hs_store *)1;
  hs_error err;
  char other[160], buf[256];
  FILE *f;
  const char *junk =
      "This is a plain text file, not a database at all. It has a few "
      "lines of text so that it is longer than an SQLite header would be.\n"
      "Second line.\n";

  /* plain text */
  snprintf(other, sizeof other, "%s/other", t->dir);
  f = fopen(other, "wb");
  assert_non_null(f);
  fputs(junk, f);
  fclose(f);
  assert_int_equal(hs_store_open(&s, other, &err), HS_EDB);
  assert_null(s);
  assert_non_null(strstr(err.msg, other));
  assert_non_null(strstr(err.msg, "not a hearsay database"));
  f = fopen(other, "rb");
  assert_non_null(f);
  memset(buf, 0, sizeof buf);
  assert_int_equal(fread(buf, 1, sizeof buf, f), strlen(junk));
  fclose(f);
  assert_string_equal(buf, junk);  /* untouched */

  /* an SQLite database of something else */
  raw_exec(t->db, "CREATE TABLE foo(x); INSERT INTO foo VALUES(1);");
  assert_int_equal(hs_store_open(&s, t->db, &err), HS_EDB);
  assert_non_null(strstr(err.msg, "not a hearsay database"));
  unlink(t->db);

  /* a hearsay database of a newer schema */
  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  hs_store_close(s);
  raw_exec(t->db, "UPDATE meta SET value = '2' WHERE key = 'schema_version'");
  assert_int_equal(hs_store_open(&s, t->db, &err), HS_EDB);
  assert_non_null(strstr(err.msg, "newer"));
  assert_non_null(strstr(err.msg, t->db));

  /* a directory */
  assert_int_equal(hs_store_open(&s, t->dir, &err) != HS_OK, 1);
  assert_null(s);
}

static void options_fixed_per_store(void **state) {
  tmpdir *t = *state;
  hs_store *s = NULL;
  hs_reuse_opts o, o2;
  hs_error err;
  char *z;

  hs_reuse_opts_default(&o);
  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  /* an empty store takes the latest options */
  o2 = o;
  o2.ngram = 7;
  assert_int_equal(hs_store_check_opts(s, &o2, &err), HS_OK);
  assert_int_equal(hs_store_check_opts(s, &o, &err), HS_OK);
  commit_three(s);
  assert_int_equal(hs_store_check_opts(s, &o, &err), HS_OK);
  z = query_text(s, "SELECT value FROM meta WHERE key = 'ngram'");
  {
    char want[16];
    snprintf(want, sizeof want, "%d", o.ngram);
    assert_string_equal(z, want);
  }
  free(z);
  hs_store_close(s);

  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  assert_int_equal(hs_store_check_opts(s, &o, &err), HS_OK);
  o2 = o;
  o2.ngram = o.ngram + 1;
  assert_int_equal(hs_store_check_opts(s, &o2, &err), HS_EUSAGE);
  assert_non_null(strstr(err.msg, "ngram"));
  assert_non_null(strstr(err.msg, "one set of options"));
  o2 = o;
  o2.min_similarity = o.min_similarity + 0.01;
  assert_int_equal(hs_store_check_opts(s, &o2, &err), HS_EUSAGE);
  assert_non_null(strstr(err.msg, "min_similarity"));
  o2 = o;
  o2.df_cap = o.df_cap * 2;
  assert_int_equal(hs_store_check_opts(s, &o2, &err), HS_EUSAGE);
  assert_non_null(strstr(err.msg, "df_cap"));
  /* threads and internal are not properties of the store */
  o2 = o;
  o2.threads = 3;
  assert_int_equal(hs_store_check_opts(s, &o2, &err), HS_OK);
  hs_store_close(s);
}

static void families_across_commits(void **state) {
  tmpdir *t = *state;
  hs_store *s = NULL;
  hs_corpus *c = hs_corpus_new();
  hs_passage p[3], *q = NULL;
  size_t n = 0, i;
  hs_error err;
  char *txt = words_text(400, 0);

  add_doc(c, "d0", txt);
  add_doc(c, "d1", txt);
  add_doc(c, "d2", txt);
  add_doc(c, "d3", txt);
  /* first commit: 0-1 share [0,100), 2-3 share [200,300): two families */
  p[0] = mkp(0, 0, 100, 1, 0, 100);
  p[1] = mkp(2, 200, 300, 3, 200, 300);
  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  assert_int_equal(hs_store_commit(s, c, 0, 4, p, 2, &err), HS_OK);
  assert_int_equal(hs_store_load_passages(s, &q, &n, &err), HS_OK);
  assert_int_equal(n, 2);
  assert_int_equal(q[0].family, 0);
  assert_int_equal(q[1].family, 1);
  free(q);

  /* second commit: d4 quotes d1's text and d2's text in overlapping spans
  ** of its own, so it bridges the two families into one.  The texts of
  ** the stored documents have been released meanwhile, as the command
  ** line does once they are tokenized. */
  for (i = 0; i < 4; i++) hs_corpus_release_text(c, i);
  add_doc(c, "d4", txt);
  p[0] = mkp(1, 10, 100, 4, 0, 100);
  p[1] = mkp(2, 210, 300, 4, 20, 120);
  assert_int_equal(hs_store_commit(s, c, 4, 1, p, 2, &err), HS_OK);
  assert_int_equal(hs_store_load_passages(s, &q, &n, &err), HS_OK);
  assert_int_equal(n, 4);
  for (i = 0; i < n; i++) assert_int_equal(q[i].family, 0);
  free(q);

  /* third commit: an unrelated passage gets a family of its own; the
  ** numbering follows the sorted order, in which passages are loaded:
  ** (0, 0) family 0, then (0, 300) the new one, family 1 */
  add_doc(c, "d5", txt);
  p[0] = mkp(0, 300, 400, 5, 300, 400);
  assert_int_equal(hs_store_commit(s, c, 5, 1, p, 1, &err), HS_OK);
  assert_int_equal(hs_store_load_passages(s, &q, &n, &err), HS_OK);
  assert_int_equal(n, 5);
  assert_int_equal(q[1].a.start, 300);
  assert_int_equal(q[1].b.doc, 5);
  assert_int_equal(q[1].family, 1);
  for (i = 0; i < n; i++)
    if (i != 1) assert_int_equal(q[i].family, 0);
  free(q);
  assert_integrity_ok(s);
  hs_store_close(s);
  hs_corpus_free(c);
  free(txt);
}

/* A page limit makes the database "full": the commit fails with HS_EIO,
** nothing of it is stored, and the store works again once space is back. */
static void disk_full_page_limit(void **state) {
  tmpdir *t = *state;
  hs_store *s = NULL;
  hs_corpus *c = three_docs();
  hs_error err;
  size_t nd, np;
  char *big = words_text(1 << 20, 3), *z;
  hs_passage p[1];

  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  commit_three(s);
  add_doc(c, "big", big);
  p[0] = mkp(0, 0, 20, 3, 0, 20);
  z = query_text(s, "PRAGMA page_count");
  {
    char sql[64], *end;
    long pages = strtol(z, &end, 10);
    assert_true(*end == '\0' && pages > 0);
    snprintf(sql, sizeof sql, "PRAGMA max_page_count = %ld", pages + 2);
    free(query_text(s, sql));
  }
  free(z);
  assert_int_equal(hs_store_commit(s, c, 3, 1, p, 1, &err), HS_EIO);
  assert_non_null(strstr(err.msg, "disk full"));
  assert_non_null(strstr(err.msg, t->db));
  counts(s, &nd, &np);
  assert_int_equal(nd, 3);
  assert_int_equal(np, 3);
  assert_integrity_ok(s);

  free(query_text(s, "PRAGMA max_page_count = 1000000"));
  assert_int_equal(hs_store_commit(s, c, 3, 1, p, 1, &err), HS_OK);
  counts(s, &nd, &np);
  assert_int_equal(nd, 4);
  assert_int_equal(np, 4);
  hs_store_close(s);

  /* and the earlier content reads back intact in a new connection */
  {
    hs_corpus *back = hs_corpus_new();
    assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
    assert_int_equal(hs_store_load_docs(s, back, &err), HS_OK);
    assert_int_equal(hs_corpus_count(back), 4);
    assert_memory_equal(hs_corpus_doc(back, 3)->text, big, 1 << 20);
    hs_store_close(s);
    hs_corpus_free(back);
  }
  hs_corpus_free(c);
  free(big);
}

/* A file size limit makes the operating system refuse the writes. */
static void write_failure_file_limit(void **state) {
  tmpdir *t = *state;
  hs_store *s = NULL;
  hs_corpus *c = three_docs();
  hs_error err;
  size_t nd, np;
  char *big = words_text(4 << 20, 5);
  hs_passage p[1];
  struct rlimit old, lim;
  void (*oldsig)(int);
  int rc;

  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  commit_three(s);
  add_doc(c, "big", big);
  p[0] = mkp(0, 0, 20, 3, 0, 20);

  assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
  lim = old;
  lim.rlim_cur = 1 << 20;  /* the database and WAL are far smaller now */
  oldsig = signal(SIGXFSZ, SIG_IGN);
  assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
  rc = hs_store_commit(s, c, 3, 1, p, 1, &err);
  assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
  signal(SIGXFSZ, oldsig);
  assert_true(rc == HS_EIO || rc == HS_EDB);
  assert_non_null(strstr(err.msg, t->db));

  counts(s, &nd, &np);
  assert_int_equal(nd, 3);
  assert_int_equal(np, 3);
  assert_integrity_ok(s);
  hs_store_close(s);

  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  counts(s, &nd, &np);
  assert_int_equal(nd, 3);
  assert_integrity_ok(s);
  assert_int_equal(hs_store_commit(s, c, 3, 1, p, 1, &err), HS_OK);
  hs_store_close(s);
  hs_corpus_free(c);
  free(big);
}

/* kill -9 right after a commit returned: the commit is there.  kill -9
** in the middle of a long commit: the store holds all of it or none. */
static void survives_kill(void **state) {
  tmpdir *t = *state;
  hs_store *s = NULL;
  hs_error err;
  size_t nd = 0, np = 0;
  pid_t pid;
  int status, fds[2];

  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    hs_store *cs = NULL;
    hs_corpus *c = three_docs();
    hs_passage p[3];
    three_passages(p);
    if (hs_store_open(&cs, t->db, NULL) != HS_OK) _exit(2);
    if (hs_store_commit(cs, c, 0, 3, p, 3, NULL) != HS_OK) _exit(3);
    kill(getpid(), SIGKILL);  /* no close, no checkpoint */
    _exit(4);
  }
  assert_int_equal(waitpid(pid, &status, 0), pid);
  assert_true(WIFSIGNALED(status));
  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  counts(s, &nd, &np);
  assert_int_equal(nd, 3);
  assert_int_equal(np, 3);
  assert_integrity_ok(s);
  hs_store_close(s);

  assert_int_equal(pipe(fds), 0);
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    hs_store *cs = NULL;
    hs_corpus *c = three_docs();
    char id[32], *txt = words_text(4000, 1);
    size_t i;
    close(fds[0]);
    for (i = 0; i < 5000; i++) {
      snprintf(id, sizeof id, "k%zu", i);
      if (hs_corpus_add(c, id, txt, 4000, NULL, NULL, NULL, NULL, NULL, NULL,
                        0, NULL) != HS_OK)
        _exit(2);
    }
    if (hs_store_open(&cs, t->db, NULL) != HS_OK) _exit(3);
    if (write(fds[1], "x", 1) != 1) _exit(4);  /* commit starts now */
    hs_store_commit(cs, c, 3, 5000, NULL, 0, NULL);
    _exit(0);
  }
  close(fds[1]);
  {
    char b;
    struct timespec ts = {0, 50 * 1000 * 1000};
    assert_int_equal(read(fds[0], &b, 1), 1);
    nanosleep(&ts, NULL);
  }
  close(fds[0]);
  kill(pid, SIGKILL);
  assert_int_equal(waitpid(pid, &status, 0), pid);
  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  counts(s, &nd, &np);
  assert_true(nd == 3 || nd == 5003);
  assert_int_equal(np, 3);
  assert_integrity_ok(s);
  hs_store_close(s);
}

/* Gaps in doc_id (an edited database) are reported, not papered over. */
static void gap_in_ids_refused(void **state) {
  tmpdir *t = *state;
  hs_store *s = NULL;
  hs_corpus *back = hs_corpus_new();
  hs_error err;

  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  commit_three(s);
  hs_store_close(s);
  raw_exec(t->db, "DELETE FROM passages; DELETE FROM documents "
                  "WHERE doc_id = 1");
  assert_int_equal(hs_store_open(&s, t->db, &err), HS_OK);
  assert_int_equal(hs_store_load_docs(s, back, &err), HS_EDB);
  assert_non_null(strstr(err.msg, "gaps"));
  hs_store_close(s);
  hs_corpus_free(back);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(create_and_reopen, setup_dir,
                                      teardown_dir),
      cmocka_unit_test_setup_teardown(round_trip, setup_dir, teardown_dir),
      cmocka_unit_test_setup_teardown(recommit_fails_cleanly, setup_dir,
                                      teardown_dir),
      cmocka_unit_test_setup_teardown(foreign_files_refused, setup_dir,
                                      teardown_dir),
      cmocka_unit_test_setup_teardown(options_fixed_per_store, setup_dir,
                                      teardown_dir),
      cmocka_unit_test_setup_teardown(families_across_commits, setup_dir,
                                      teardown_dir),
      cmocka_unit_test_setup_teardown(disk_full_page_limit, setup_dir,
                                      teardown_dir),
      cmocka_unit_test_setup_teardown(write_failure_file_limit, setup_dir,
                                      teardown_dir),
      cmocka_unit_test_setup_teardown(survives_kill, setup_dir, teardown_dir),
      cmocka_unit_test_setup_teardown(gap_in_ids_refused, setup_dir,
                                      teardown_dir),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
