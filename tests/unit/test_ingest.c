/*
** test_ingest.c — the ingest stage on files built in a fresh temporary
** directory: JSON Lines fields and `extra`, id fallbacks, malformed lines
** reported as FILE:LINE and skipped, gzip and zstd input (written here with
** zlib and libzstd), directory order and relative ids, dotfiles, binary and
** empty files, invalid UTF-8 (kept in text files, replaced in JSON), long
** lines, cuts at max_doc_bytes, duplicates, cancellation, and the fast
** JSON line scanner checked against the jansson-only reference, and a
** hostile file read on one thread and on several.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "hearsay.h"
#include "ingest/ingest.h"

/* ------------------------------------------------------------ helpers */

typedef struct warnings {
  char *items[256];
  size_t n;
} warnings;

static void collect(void *ud, const char *where, const char *what) {
  warnings *w = ud;
  size_t n = strlen(where) + strlen(what) + 3;
  if (w->n >= 256) return;
  w->items[w->n] = malloc(n);
  snprintf(w->items[w->n], n, "%s: %s", where, what);
  w->n++;
}

static void warnings_free(warnings *w) {
  size_t i;
  for (i = 0; i < w->n; i++) free(w->items[i]);
  w->n = 0;
}

/* Index of the first warning containing all of a and b, or -1. */
static long warned(const warnings *w, const char *a, const char *b) {
  size_t i;
  for (i = 0; i < w->n; i++) {
    if (strstr(w->items[i], a) && (!b || strstr(w->items[i], b))) {
      return (long)i;
    }
  }
  return -1;
}

typedef struct fixture {
  char dir[64];
  warnings w;
  hs_ingest_opts opts;
  hs_corpus *c;
} fixture;

static void rm_rf(const char *path) {
  struct stat st;
  if (lstat(path, &st) != 0) return;
  if (S_ISDIR(st.st_mode)) {
    DIR *d = opendir(path);
    struct dirent *de;
    while (d && (de = readdir(d)) != NULL) {
      char sub[4096];
      if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
      snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
      rm_rf(sub);
    }
    if (d) closedir(d);
    rmdir(path);
  } else {
    unlink(path);
  }
}

static int setup(void **state) {
  fixture *f = calloc(1, sizeof *f);
  snprintf(f->dir, sizeof f->dir, "/tmp/hs-ingest-XXXXXX");
  if (!mkdtemp(f->dir)) return -1;
  f->opts.warn = collect;
  f->opts.warn_ud = &f->w;
  f->c = hs_corpus_new();
  *state = f;
  return 0;
}

static int teardown(void **state) {
  fixture *f = *state;
  rm_rf(f->dir);
  warnings_free(&f->w);
  hs_corpus_free(f->c);
  free(f);
  return 0;
}

/* dir/rel, creating parent directories. */
static char *path_in(const fixture *f, const char *rel) {
  static char p[8][4096];
  static int k;
  char *out = p[k++ & 7];
  char *s;
  snprintf(out, 4096, "%s/%s", f->dir, rel);
  for (s = out + strlen(f->dir) + 1; (s = strchr(s, '/')) != NULL; s++) {
    *s = '\0';
    mkdir(out, 0755);
    *s = '/';
  }
  return out;
}

static void write_file(const fixture *f, const char *rel, const void *data,
                       size_t n) {
  FILE *fp = fopen(path_in(f, rel), "wb");
  assert_non_null(fp);
  assert_int_equal(fwrite(data, 1, n, fp), n);
  fclose(fp);
}

static void write_str(const fixture *f, const char *rel, const char *s) {
  write_file(f, rel, s, strlen(s));
}

static void write_gz(const fixture *f, const char *rel, const char *s) {
  gzFile g = gzopen(path_in(f, rel), "wb");
  assert_non_null(g);
  assert_int_equal(gzwrite(g, s, (unsigned)strlen(s)), (int)strlen(s));
  gzclose(g);
}

static void write_zst(const fixture *f, const char *rel, const char *s) {
  size_t cap = ZSTD_compressBound(strlen(s));
  char *buf = malloc(cap);
  size_t n = ZSTD_compress(buf, cap, s, strlen(s), 3);
  assert_false(ZSTD_isError(n));
  write_file(f, rel, buf, n);
  free(buf);
}

static const hs_doc *doc_by_id(const fixture *f, const char *id) {
  long i = hs_corpus_find(f->c, id);
  if (i < 0) fail_msg("no document with id \"%s\"", id);
  return hs_corpus_doc(f->c, (size_t)i);
}

static int ingest(fixture *f, const char *rel, hs_error *e) {
  char *p = rel ? path_in(f, rel) : f->dir;
  return hs_ingest_path(f->c, p, &f->opts, e);
}

/* -------------------------------------------------------------- tests */

static void test_jsonl_fields(void **state) {
  fixture *f = *state;
  hs_error e;
  const hs_doc *d;
  write_str(f, "a.jsonl",
            "{\"id\":\"x1\",\"text\":\"Hello \\\"world\\\"\\n\",\"series\":"
            "\"Times\",\"date\":\"2020-01-02\",\"title\":\"T\",\"url\":"
            "\"http://e/1\",\"author\":\"Ann \xc3\xa9\",\"tags\":[1, 2],"
            "\"meta\":{\"k\": null}}\n"
            "{\"text\":\"plain\"}\n");
  assert_int_equal(ingest(f, "a.jsonl", &e), HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 2);
  d = doc_by_id(f, "x1");
  assert_string_equal(d->text, "Hello \"world\"\n");
  assert_int_equal(d->len, 14);
  assert_string_equal(d->series, "Times");
  assert_string_equal(d->date, "2020-01-02");
  assert_string_equal(d->title, "T");
  assert_string_equal(d->url, "http://e/1");
  assert_string_equal(d->extra,
                      "{\"author\":\"Ann \xc3\xa9\",\"tags\":[1,2],"
                      "\"meta\":{\"k\":null}}");
  assert_int_equal(d->line, 1);
  assert_string_equal(d->source, path_in(f, "a.jsonl"));
  d = hs_corpus_doc(f->c, 1);
  assert_null(d->series);
  assert_null(d->date);
  assert_null(d->title);
  assert_null(d->url);
  assert_null(d->extra);
  assert_int_equal(f->w.n, 0);
}

static void test_jsonl_id_fallback(void **state) {
  fixture *f = *state;
  hs_error e;
  write_str(f, "sub/b.ndjson",
            "{\"text\":\"one\"}\n"
            "{\"id\":42,\"text\":\"two\"}\n"
            "{\"id\":\"\",\"text\":\"three\"}\n"
            "{\"id\":null,\"text\":\"four\"}\n"
            "{\"id\":-7,\"date\":20200102,\"text\":\"five\"}\n");
  assert_int_equal(ingest(f, NULL, &e), HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 5);
  assert_string_equal(doc_by_id(f, "sub/b.ndjson:1")->text, "one");
  assert_string_equal(doc_by_id(f, "42")->text, "two");
  assert_string_equal(doc_by_id(f, "sub/b.ndjson:3")->text, "three");
  assert_string_equal(doc_by_id(f, "sub/b.ndjson:4")->text, "four");
  assert_string_equal(doc_by_id(f, "-7")->date, "20200102");
  /* Given directly, the fallback uses the path as given. */
  hs_corpus_free(f->c);
  f->c = hs_corpus_new();
  assert_int_equal(ingest(f, "sub/b.ndjson", &e), HS_OK);
  {
    char id[4200];
    snprintf(id, sizeof id, "%s:1", path_in(f, "sub/b.ndjson"));
    assert_string_equal(doc_by_id(f, id)->text, "one");
  }
}

static void test_jsonl_malformed(void **state) {
  fixture *f = *state;
  hs_error e;
  char where[4200];
  write_str(f, "m.jsonl",
            "{\"id\":\"a\",\"text\":\"ok\"}\n"
            "{\"id\":\"b\",\"text\":\"broken\"\n"
            "{\"id\":\"c\"}\n"
            "{\"id\":\"d\",\"text\":5}\n"
            "[1,2]\n"
            "\n"
            "   \r\n"
            "{\"id\":\"e\",\"text\":\"fine\"}\r\n"
            "{\"id\":\"f\",\"text\":\"bad \\ud800 surrogate\"}\n"
            "{\"id\":\"g\",\"text\":\"last, no newline\"}");
  assert_int_equal(ingest(f, "m.jsonl", &e), HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 4);
  assert_string_equal(doc_by_id(f, "f")->text, "bad \xef\xbf\xbd surrogate");
  assert_string_equal(doc_by_id(f, "e")->text, "fine");
  assert_int_equal(doc_by_id(f, "e")->line, 8);
  assert_string_equal(doc_by_id(f, "g")->text, "last, no newline");
  assert_int_equal(doc_by_id(f, "g")->line, 10);
  snprintf(where, sizeof where, "%s:2: ", path_in(f, "m.jsonl"));
  assert_true(warned(&f->w, where, "malformed JSON") >= 0);
  snprintf(where, sizeof where, "%s:3: ", path_in(f, "m.jsonl"));
  assert_true(warned(&f->w, where, "missing \"text\"") >= 0);
  snprintf(where, sizeof where, "%s:4: ", path_in(f, "m.jsonl"));
  assert_true(warned(&f->w, where, "not a string") >= 0);
  snprintf(where, sizeof where, "%s:5: ", path_in(f, "m.jsonl"));
  assert_true(warned(&f->w, where, "not a JSON object") >= 0);
  assert_int_equal(f->w.n, 4);
}

static void test_compressed(void **state) {
  fixture *f = *state;
  hs_error e;
  write_gz(f, "c/docs.jsonl.gz",
           "{\"id\":\"g1\",\"text\":\"from gzip\"}\n"
           "{\"id\":\"g2\",\"text\":\"second\"}\n");
  write_zst(f, "c/docs.JSONL.ZST", "{\"id\":\"z1\",\"text\":\"from zstd\"}\n");
  write_gz(f, "c/note.txt.gz", "gzipped text\n");
  write_zst(f, "c/note2.zst", "zstd text");
  assert_int_equal(ingest(f, NULL, &e), HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 5);
  assert_string_equal(doc_by_id(f, "g2")->text, "second");
  assert_int_equal(doc_by_id(f, "g2")->line, 2);
  assert_string_equal(doc_by_id(f, "z1")->text, "from zstd");
  assert_string_equal(doc_by_id(f, "c/note.txt.gz")->text, "gzipped text\n");
  assert_string_equal(doc_by_id(f, "c/note2.zst")->text, "zstd text");
  assert_int_equal(f->w.n, 0);
}

static void test_gzip_members_and_damage(void **state) {
  fixture *f = *state;
  hs_error e;
  FILE *fp;
  gzFile g;
  char *p = path_in(f, "two.jsonl.gz");
  /* Two gzip members back to back read as one stream. */
  g = gzopen(p, "wb");
  gzputs(g, "{\"id\":\"m1\",\"text\":\"first member\"}\n");
  gzclose(g);
  g = gzopen(p, "ab");
  gzputs(g, "{\"id\":\"m2\",\"text\":\"second member\"}\n");
  gzclose(g);
  assert_int_equal(ingest(f, "two.jsonl.gz", &e), HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 2);
  assert_int_equal(doc_by_id(f, "m2")->line, 2);
  /* A truncated file: an error when given directly... */
  fp = fopen(path_in(f, "cut/t.jsonl.gz"), "wb");
  {
    static const unsigned char part[] = {0x1f, 0x8b, 0x08, 0x00, 0, 0,
                                         0,    0,    0,    0x03, 0xab};
    fwrite(part, 1, sizeof part, fp);
  }
  fclose(fp);
  assert_int_equal(ingest(f, "cut/t.jsonl.gz", &e), HS_EINPUT);
  assert_non_null(strstr(e.msg, "gzip"));
  /* ...a warning inside a walk (and, as the walk then read nothing, an
  ** error saying so). */
  assert_int_equal(hs_ingest_path(f->c, path_in(f, "cut"), &f->opts, &e),
                   HS_EINPUT);
  assert_non_null(strstr(e.msg, "no documents"));
  assert_true(warned(&f->w, "t.jsonl.gz", "gzip") >= 0);
  /* Corrupt zstd. */
  write_file(f, "z/bad.zst", "\x28\xb5\x2f\xfd\xff\xff\xff\xff", 8);
  assert_int_equal(ingest(f, "z/bad.zst", &e), HS_EINPUT);
  assert_non_null(strstr(e.msg, "zstd"));
}

static void test_directory_order(void **state) {
  fixture *f = *state;
  hs_error e;
  static const char *const want[] = {"A.txt", "a/z.txt", "a.txt",
                                     "b/c/d.txt", "b.txt"};
  size_t i;
  write_str(f, "b.txt", "b");
  write_str(f, "a.txt", "a");
  write_str(f, "A.txt", "A");
  write_str(f, "a/z.txt", "z");
  write_str(f, "b/c/d.txt", "d");
  write_str(f, ".hidden.txt", "hidden");
  write_str(f, "b/.git/config", "hidden too");
  assert_int_equal(ingest(f, NULL, &e), HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 5);
  for (i = 0; i < 5; i++) {
    const hs_doc *d = hs_corpus_doc(f->c, i);
    assert_string_equal(d->id, want[i]);
    assert_int_equal(d->line, 0);
  }
  assert_string_equal(doc_by_id(f, "b/c/d.txt")->source,
                      path_in(f, "b/c/d.txt"));
  assert_int_equal(f->w.n, 0);
  /* A directory given with a trailing slash gives the same ids. */
  hs_corpus_free(f->c);
  f->c = hs_corpus_new();
  {
    char d[128];
    snprintf(d, sizeof d, "%s/", f->dir);
    assert_int_equal(hs_ingest_path(f->c, d, &f->opts, &e), HS_OK);
  }
  assert_string_equal(hs_corpus_doc(f->c, 1)->id, "a/z.txt");
}

static void test_symlink_loop(void **state) {
  fixture *f = *state;
  hs_error e;
  write_str(f, "l/sub/doc.txt", "doc");
  assert_int_equal(symlink("..", path_in(f, "l/sub/up")), 0);
  assert_int_equal(ingest(f, "l", &e), HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 1);
  assert_string_equal(hs_corpus_doc(f->c, 0)->id, "sub/doc.txt");
  assert_true(warned(&f->w, "l/sub/up", "directory loop") >= 0);
}

static void test_binary_empty_html(void **state) {
  fixture *f = *state;
  hs_error e;
  char ctl[100];
  write_file(f, "bin.dat", "text\0more", 9);
  memset(ctl, 0x01, sizeof ctl);
  memcpy(ctl, "some words here", 15);
  write_file(f, "ctl.txt", ctl, sizeof ctl);
  write_str(f, "empty.txt", "");
  write_str(f, "page.HTML", "<p>hi</p>");
  write_str(f, "crawl.warc.gz", "x");
  write_str(f, "ok.txt", "tab\tform\ffeed\r\n");
  {
    /* One stray NUL in clean text does not make it binary. */
    char nul[300];
    memset(nul, 'a', sizeof nul);
    nul[150] = '\0';
    write_file(f, "nul.txt", nul, sizeof nul);
  }
  assert_int_equal(ingest(f, NULL, &e), HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 3);
  assert_string_equal(hs_corpus_doc(f->c, 0)->id, "nul.txt");
  assert_int_equal(hs_corpus_doc(f->c, 0)->len, 300);
  assert_string_equal(hs_corpus_doc(f->c, 1)->id, "ok.txt");
  assert_string_equal(hs_corpus_doc(f->c, 2)->id, "page.HTML");
  assert_string_equal(hs_corpus_doc(f->c, 2)->text, "hi");
  assert_true(warned(&f->w, "bin.dat", "binary file") >= 0);
  assert_true(warned(&f->w, "ctl.txt", "binary file") >= 0);
  assert_true(warned(&f->w, "empty.txt", "empty file") >= 0);
  assert_true(warned(&f->w, "crawl.warc.gz", "no WARC record header") >= 0);
  assert_int_equal(f->w.n, 4);
}

static void test_text_invalid_utf8_kept(void **state) {
  fixture *f = *state;
  hs_error e;
  static const char bytes[] = "abc\xff\xfe d\xc3\xa9" "f \xe2\x82";
  write_file(f, "bad.txt", bytes, sizeof bytes - 1);
  assert_int_equal(ingest(f, "bad.txt", &e), HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 1);
  assert_int_equal(hs_corpus_doc(f->c, 0)->len, sizeof bytes - 1);
  assert_memory_equal(hs_corpus_doc(f->c, 0)->text, bytes, sizeof bytes - 1);
  assert_string_equal(hs_corpus_doc(f->c, 0)->id, path_in(f, "bad.txt"));
  assert_int_equal(f->w.n, 0);
}

static void test_json_invalid_utf8_replaced(void **state) {
  fixture *f = *state;
  hs_error e;
  write_str(f, "u.jsonl",
            "{\"id\":\"ok\",\"text\":\"fine\"}\n"
            "{\"id\":\"u\",\"text\":\"a\xff" "b\xc3\",\"author\":\"\xe9\"}\n"
            "{\"id\":\"v\",\"text\":\"\xed\xa0\x80\"}\n");
  assert_int_equal(ingest(f, "u.jsonl", &e), HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 3);
  assert_string_equal(doc_by_id(f, "u")->text,
                      "a\xef\xbf\xbd" "b\xef\xbf\xbd");
  assert_string_equal(doc_by_id(f, "u")->extra,
                      "{\"author\":\"\xef\xbf\xbd\"}");
  /* An encoded surrogate is three invalid bytes. */
  assert_string_equal(doc_by_id(f, "v")->text,
                      "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
  /* One warning per file, at the first line concerned. */
  assert_true(warned(&f->w, "u.jsonl:2: ", "U+FFFD") >= 0);
  assert_int_equal(f->w.n, 1);
}

static void test_duplicates(void **state) {
  fixture *f = *state;
  hs_error e;
  write_str(f, "d.jsonl",
            "{\"id\":\"same\",\"text\":\"first\"}\n"
            "{\"id\":\"other\",\"text\":\"x\"}\n"
            "{\"id\":\"same\",\"text\":\"second\"}\n");
  assert_int_equal(ingest(f, "d.jsonl", &e), HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 2);
  assert_string_equal(doc_by_id(f, "same")->text, "first");
  assert_true(warned(&f->w, "d.jsonl:3: ", "duplicate id \"same\"") >= 0);
  assert_true(warned(&f->w, "duplicate", "d.jsonl:1)") >= 0);
  /* The same text file twice: the second is a duplicate. */
  write_str(f, "t.txt", "text");
  assert_int_equal(ingest(f, "t.txt", &e), HS_OK);
  assert_int_equal(ingest(f, "t.txt", &e), HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 3);
  assert_int_equal(f->w.n, 2);
}

static void test_missing_and_cancel(void **state) {
  fixture *f = *state;
  hs_error e;
  volatile int stop = 1;
  char p[128];
  snprintf(p, sizeof p, "%s/nope.jsonl", f->dir);
  assert_int_equal(hs_ingest_path(f->c, p, &f->opts, &e), HS_EINPUT);
  assert_int_equal(e.code, HS_EINPUT);
  assert_non_null(strstr(e.msg, "nope.jsonl: No such file or directory"));
  assert_int_equal(hs_ingest_path(f->c, p, &f->opts, NULL), HS_EINPUT);
  assert_int_equal(hs_ingest_path(f->c, "", &f->opts, &e), HS_EUSAGE);

  write_str(f, "x.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n");
  write_str(f, "y.txt", "y");
  f->opts.cancel = &stop;
  assert_int_equal(ingest(f, NULL, &e), HS_EINTR);
  assert_int_equal(ingest(f, "x.jsonl", &e), HS_EINTR);
  assert_int_equal(ingest(f, "y.txt", &e), HS_EINTR);
  assert_int_equal(hs_corpus_count(f->c), 0);
  stop = 0;
  assert_int_equal(ingest(f, NULL, &e), HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 3);
}

static void test_unreadable_in_walk(void **state) {
  fixture *f = *state;
  hs_error e;
  write_str(f, "r/good.txt", "good");
  write_str(f, "r/locked.txt", "locked");
  chmod(path_in(f, "r/locked.txt"), 0);
  if (access(path_in(f, "r/locked.txt"), R_OK) == 0) {
    skip();  /* running as root: permissions are not enforced */
  }
  assert_int_equal(ingest(f, "r", &e), HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 1);
  assert_true(warned(&f->w, "locked.txt", "Permission denied") >= 0);
  assert_int_equal(ingest(f, "r/locked.txt", &e), HS_EINPUT);
  assert_non_null(strstr(e.msg, "Permission denied"));
}

static void test_max_doc_cut(void **state) {
  fixture *f = *state;
  hs_error e;
  /* "h\xc3\xa9llo": the cut at 2 bytes would split the e-acute. */
  write_str(f, "cut.txt", "h\xc3\xa9llo w\xc3\xb6rld");
  write_str(f, "cut.jsonl", "{\"id\":\"j\",\"text\":\"h\\u00e9llo\"}\n");
  f->opts.max_doc_bytes = 2;
  assert_int_equal(ingest(f, NULL, &e), HS_OK);
  assert_string_equal(doc_by_id(f, "cut.txt")->text, "h");
  assert_string_equal(doc_by_id(f, "j")->text, "h");
  assert_true(warned(&f->w, "cut.txt", "cut there") >= 0);
  assert_true(warned(&f->w, "cut.jsonl:1: ", "cut there") >= 0);
  assert_int_equal(hs_utf8_cut("ab\xe2\x82\xac", 5, 3), 2);
  assert_int_equal(hs_utf8_cut("ab\xe2\x82\xac", 5, 4), 2);
  assert_int_equal(hs_utf8_cut("ab\xe2\x82\xac" "c", 6, 5), 5);
  assert_int_equal(hs_utf8_cut("abc", 3, 5), 3);
}

static void test_long_line(void **state) {
  fixture *f = *state;
  hs_error e;
  size_t big = 200000, i;
  char *s = malloc(big + 200);
  size_t n = 0;
  n += (size_t)snprintf(s, 100, "{\"id\":\"long\",\"text\":\"");
  for (i = 0; i < big; i++) s[n++] = 'x';
  memcpy(s + n, "\"}\n{\"id\":\"after\",\"text\":\"ok\"}\n", 30);
  n += 30;
  /* max_line is 3 * max_doc + 64 KiB: about 64 KiB here. */
  f->opts.max_doc_bytes = 100;
  write_file(f, "long.jsonl", s, n);
  assert_int_equal(ingest(f, "long.jsonl", &e), HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 1);
  assert_int_equal(doc_by_id(f, "after")->line, 2);
  assert_true(warned(&f->w, "long.jsonl:1: ", "line longer") >= 0);
  /* Same from memory. */
  hs_corpus_free(f->c);
  f->c = hs_corpus_new();
  assert_int_equal(hs_ingest_buffer(f->c, "mem", s, n, 1, &f->opts, &e),
                   HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 1);
  assert_int_equal(doc_by_id(f, "after")->line, 2);
  /* With the default limit the long line is a document. */
  hs_corpus_free(f->c);
  f->c = hs_corpus_new();
  f->opts.max_doc_bytes = 0;
  assert_int_equal(ingest(f, "long.jsonl", &e), HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 2);
  assert_int_equal(doc_by_id(f, "long")->len, big);
  free(s);
}

static void test_big_text_file(void **state) {
  fixture *f = *state;
  hs_error e;
  size_t n = 3 << 20, i;
  char *s = malloc(n);
  for (i = 0; i < n; i++) s[i] = (char)('a' + i % 26);
  write_file(f, "big.txt", s, n);
  write_gz(f, "small.txt.gz", "z");
  assert_int_equal(ingest(f, "big.txt", &e), HS_OK);
  assert_int_equal(hs_corpus_doc(f->c, 0)->len, n);
  assert_memory_equal(hs_corpus_doc(f->c, 0)->text, s, n);
  assert_int_equal(hs_corpus_doc(f->c, 0)->text[n], '\0');
  free(s);
}

static void test_corpus_api(void **state) {
  fixture *f = *state;
  hs_error e;
  char id[32];
  size_t i;
  hs_corpus_free(NULL);
  assert_int_equal(hs_corpus_count(NULL), 0);
  assert_null(hs_corpus_doc(f->c, 0));
  assert_int_equal(hs_corpus_find(f->c, "none"), -1);
  for (i = 0; i < 5000; i++) {
    snprintf(id, sizeof id, "doc-%zu", i);
    assert_int_equal(hs_corpus_add(f->c, id, "t", 1, NULL, NULL, NULL, NULL,
                                   NULL, "src", 0, &e),
                     HS_OK);
  }
  for (i = 0; i < 5000; i++) {
    snprintf(id, sizeof id, "doc-%zu", i);
    assert_int_equal(hs_corpus_find(f->c, id), (long)i);
  }
  assert_int_equal(hs_corpus_add(f->c, "doc-7", "t", 1, NULL, NULL, NULL,
                                 NULL, NULL, NULL, 0, &e),
                   HS_EINPUT);
  assert_non_null(strstr(e.msg, "doc-7"));
  assert_int_equal(hs_corpus_add(f->c, NULL, "t", 1, NULL, NULL, NULL, NULL,
                                 NULL, NULL, 0, &e),
                   HS_EUSAGE);
  assert_int_equal(hs_corpus_add(f->c, "with-nul", "a\0b", 3, "s", "d", "t",
                                 "u", "{}", NULL, 9, &e),
                   HS_OK);
  {
    const hs_doc *d = doc_by_id(f, "with-nul");
    assert_int_equal(d->len, 3);
    assert_memory_equal(d->text, "a\0b", 4);
    assert_string_equal(d->url, "u");
    assert_null(d->source);
    assert_int_equal(d->line, 9);
  }
  assert_int_equal(hs_corpus_add(f->c, "empty", NULL, 0, NULL, NULL, NULL,
                                 NULL, NULL, NULL, 0, &e),
                   HS_OK);
  assert_string_equal(doc_by_id(f, "empty")->text, "");
  assert_int_equal(hs_corpus_count(f->c), 5002);
  hs_corpus_release_text(f->c, 0);
  assert_null(hs_corpus_doc(f->c, 0)->text);
  assert_int_equal(hs_corpus_doc(f->c, 0)->len, 0);
  assert_string_equal(hs_corpus_doc(f->c, 0)->id, "doc-0");
  hs_corpus_release_text(f->c, 99999);
}

/* Lines that exercise the fast scanner's edges; each must give exactly
** what jansson alone gives. */
static const char *const tricky_lines =
    "{\"id\":\"e1\",\"text\":\"tab\\tnl\\ncr\\rq\\\"bs\\\\sl\\/b\\bf\\f\"}\n"
    "{\"id\":\"e2\",\"text\":\"\\u00e9\\u0627\\u4e2d\\ud83d\\ude00\"}\n"
    "{\"id\":\"e3\",\"text\":\"nul\\u0000inside\"}\n"
    "{\"id\":\"e4\",\"text\":\"lone \\udc00\"}\n"
    "{\"id\":\"e5\",\"text\":\"hi \\ud83d\"}\n"
    "  { \"text\" : \"spaces\" , \"id\" : \"e6\" , \"x\" : [ 1 , {\"a\":2} ] }"
    "  \n"
    "{\"id\":\"e7\",\"text\":\"dup\",\"text\":\"later\"}\n"
    "{\"id\":\"e8\",\"text\":\"x\",\"a\":1,\"a\":2}\n"
    "{\"id\":\"e9\",\"text\":\"x\",\"n\":01}\n"
    "{\"id\":\"e10\",\"text\":\"x\",\"n\":1.50e3,\"t\":true,\"f\":false}\n"
    "{\"id\":007,\"text\":\"x\"}\n"
    "{\"id\":-0,\"text\":\"neg zero\"}\n"
    "{\"id\":1.5,\"text\":\"real\"}\n"
    "{\"id\":123456789012345678901,\"text\":\"huge\"}\n"
    "{\"id\":{\"a\":1},\"text\":\"object id\"}\n"
    "{\"id\":\"e11\",\"text\":\"x\",\"series\":[1]}\n"
    "{\"id\":\"e12\",\"text\":\"x\",\"title\":null,\"url\":3}\n"
    "{\"i\\u0064\":\"e13\",\"text\":\"escaped key\"}\n"
    "{\"id\":\"e14\",\"text\":\"x\",\"k\":\"\\u0000\"}\n"
    "{\"id\":\"e15\",\"text\":\"x\",\"k\":[1,2}\n"
    "{\"id\":\"e16\",\"text\":\"x\"} trailing\n"
    "{\"id\":\"e17\",\"text\":\"x\",}\n"
    "{\"id\":\"e18\",\"text\":\"bad \\x escape\"}\n"
    "{\"id\":\"e19\",\"text\":\"raw\tcontrol\"}\n"
    "{}\n"
    "{\"id\":\"e20\",\"text\":\"\",\"date\":\"\"}\n"
    "{\"id\":\"e21\",\"text\":\"x\",\"nested\":{\"deep\":[[[[\"]\"]]]]}}\n";

static void same_docs(const hs_corpus *a, const hs_corpus *b) {
  size_t i;
  assert_int_equal(hs_corpus_count(a), hs_corpus_count(b));
  for (i = 0; i < hs_corpus_count(a); i++) {
    const hs_doc *x = hs_corpus_doc(a, i), *y = hs_corpus_doc(b, i);
    assert_string_equal(x->id, y->id);
    assert_int_equal(x->len, y->len);
    assert_memory_equal(x->text, y->text, x->len + 1);
#define SAME(f)                                 \
  if (x->f || y->f) {                           \
    assert_non_null(x->f);                      \
    assert_non_null(y->f);                      \
    assert_string_equal(x->f, y->f);            \
  }
    SAME(series)
    SAME(date)
    SAME(title)
    SAME(url)
    SAME(extra)
#undef SAME
    assert_int_equal(x->line, y->line);
  }
}

static void test_fast_matches_jansson(void **state) {
  fixture *f = *state;
  hs_corpus *slow = hs_corpus_new();
  warnings w2;
  hs_ingest_opts o2 = f->opts;
  hs_error e;
  size_t i;
  memset(&w2, 0, sizeof w2);
  o2.warn_ud = &w2;
  assert_int_equal(hs_ingest_buffer_mode(f->c, "t", tricky_lines,
                                         strlen(tricky_lines),
                                         HS_INGEST_JSONL, &f->opts, &e),
                   HS_OK);
  assert_int_equal(hs_ingest_buffer_mode(slow, "t", tricky_lines,
                                         strlen(tricky_lines),
                                         HS_INGEST_JSONL_SLOW, &o2, &e),
                   HS_OK);
  same_docs(f->c, slow);
  assert_int_equal(f->w.n, w2.n);
  for (i = 0; i < w2.n; i++) assert_string_equal(f->w.items[i], w2.items[i]);
  /* Spot checks of the expected values themselves. */
  assert_string_equal(doc_by_id(f, "e1")->text,
                      "tab\tnl\ncr\rq\"bs\\sl/b\bf\f");
  assert_string_equal(doc_by_id(f, "e2")->text,
                      "\xc3\xa9\xd8\xa7\xe4\xb8\xad\xf0\x9f\x98\x80");
  assert_int_equal(doc_by_id(f, "e3")->len, 10);
  assert_string_equal(doc_by_id(f, "e7")->text, "later");
  assert_string_equal(doc_by_id(f, "e8")->extra, "{\"a\":2}");
  assert_string_equal(doc_by_id(f, "e10")->extra,
                      "{\"n\":1500.0,\"t\":true,\"f\":false}");
  assert_string_equal(doc_by_id(f, "1.5")->text, "real");
  assert_string_equal(doc_by_id(f, "e11")->extra, "{\"series\":[1]}");
  assert_null(doc_by_id(f, "e11")->series);
  assert_null(doc_by_id(f, "e12")->title);
  assert_string_equal(doc_by_id(f, "e12")->url, "3");
  assert_string_equal(doc_by_id(f, "e13")->text, "escaped key");
  /* valid JSON that jansson refuses: lone surrogates are U+FFFD, a
  ** number past 64 bits is its text */
  assert_string_equal(doc_by_id(f, "e4")->text, "lone \xef\xbf\xbd");
  assert_string_equal(doc_by_id(f, "e5")->text, "hi \xef\xbf\xbd");
  assert_string_equal(doc_by_id(f, "123456789012345678901")->text, "huge");
  assert_true(warned(&f->w, "t:25: ", "missing \"text\"") >= 0);
  assert_true(warned(&f->w, "t:15: ", "not a string or number") >= 0);
  hs_corpus_free(slow);
  warnings_free(&w2);
}

/* Every JSON stop (escaped quote, escaped backslash, \\u escape, a raw
** control character, the closing quote) at every offset from the opening
** quote up to three words of 8 bytes, with ASCII or two-byte characters
** before it: the word-at-a-time string scan ends where jansson does. */
static void test_fast_string_scan_offsets(void **state) {
  fixture *f = *state;
  static const char *const stops[] = {"\\\"", "\\\\", "\\u00e9", "\t", ""};
  static const char tail[] = "tail\",\"title\":\"x\\\"y\"}\n";
  hs_corpus *slow = hs_corpus_new();
  hs_ingest_opts o2 = f->opts;
  warnings w2;
  hs_buf in;
  hs_error e;
  size_t k, s, arabic, i;
  memset(&w2, 0, sizeof w2);
  o2.warn_ud = &w2;
  hs_buf_init(&in, 0);
  for (arabic = 0; arabic < 2; arabic++)
    for (s = 0; s < sizeof stops / sizeof *stops; s++)
      for (k = 0; k < 26; k++) {
        char id[64];
        snprintf(id, sizeof id, "{\"id\":\"s%zu-%zu-%zu\",\"text\":\"", arabic,
                 s, k);
        hs_buf_append(&in, id, strlen(id));
        for (i = 0; i < k; i++) {
          if (arabic && i + 1 < k) {
            hs_buf_append(&in, "\xd8\xb3", 2);
            i++;
          } else {
            hs_buf_putc(&in, 'a' + (int)(i % 26));
          }
        }
        hs_buf_append(&in, stops[s], strlen(stops[s]));
        hs_buf_append(&in, tail, strlen(tail));
      }
  assert_int_equal(hs_ingest_buffer_mode(f->c, "o", in.p, in.len,
                                         HS_INGEST_JSONL, &f->opts, &e),
                   HS_OK);
  assert_int_equal(hs_ingest_buffer_mode(slow, "o", in.p, in.len,
                                         HS_INGEST_JSONL_SLOW, &o2, &e),
                   HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 2 * 5 * 26 - 2 * 26);
  same_docs(f->c, slow);
  assert_string_equal(doc_by_id(f, "s0-0-9")->text, "abcdefghi\"tail");
  assert_string_equal(doc_by_id(f, "s0-4-17")->title, "x\"y");
  hs_buf_free(&in);
  hs_corpus_free(slow);
  warnings_free(&w2);
}

static void test_buffer_text(void **state) {
  fixture *f = *state;
  hs_error e;
  assert_int_equal(hs_ingest_buffer(f->c, "name", "some text", 9, 0,
                                    &f->opts, &e),
                   HS_OK);
  assert_string_equal(doc_by_id(f, "name")->text, "some text");
  assert_int_equal(hs_ingest_buffer(f->c, "bin", "a\0b", 3, 0, NULL, &e),
                   HS_OK);
  assert_int_equal(hs_ingest_buffer(f->c, "nil", NULL, 0, 1, NULL, &e),
                   HS_OK);
  assert_int_equal(hs_corpus_count(f->c), 1);
}

/* The UTF-8 repair against a plain decoder (one code point at a time, by
** the Unicode definition of well-formed sequences) on random strings
** weighted towards the fast paths: ASCII runs, runs of two-byte
** characters, and every kind of break inside them. */
static size_t ref_seq(const unsigned char *p, size_t n) {
  uint32_t cp;
  size_t k, i;
  if (p[0] < 0x80) return 1;
  if (p[0] >= 0xC2 && p[0] <= 0xDF) k = 2, cp = p[0] & 0x1Fu;
  else if (p[0] >= 0xE0 && p[0] <= 0xEF) k = 3, cp = p[0] & 0x0Fu;
  else if (p[0] >= 0xF0 && p[0] <= 0xF4) k = 4, cp = p[0] & 0x07u;
  else return 0;
  if (n < k) return 0;
  for (i = 1; i < k; i++) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[i] & 0x3Fu);
  }
  if ((k == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (k == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
    return 0;
  return k;
}

static void test_utf8_fix_random(void **state) {
  static const unsigned char pieces[][4] = {
      {'a'}, {' '}, {'\n'}, {0xD8, 0xB3}, {0xD9, 0x84}, {0xC3, 0xA9},
      {0xE2, 0x80, 0x99}, {0xF0, 0x9F, 0x98, 0x80}, {0xD8}, {0x80}, {0xC0},
      {0xC1, 0x81}, {0xE0, 0x80, 0x80}, {0xED, 0xA0, 0x80}, {0xF4, 0x90},
      {0xFF}, {0xDF, 0xC0}};
  static const size_t lens[] = {1, 1, 1, 2, 2, 2, 3, 4, 1, 1, 1, 2, 3, 3,
                                2, 1, 2};
  unsigned char in[300];
  hs_buf out, want;
  uint64_t x = 0x9E3779B97F4A7C15ull;
  int round;
  (void)state;
  hs_buf_init(&out, 0);
  hs_buf_init(&want, 0);
  for (round = 0; round < 20000; round++) {
    size_t n = 0, i = 0, bad = 0, got;
    int ascii_heavy = round % 3 == 0, arabic_heavy = round % 3 == 1;
    while (n < 280) {
      size_t k;
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      k = (size_t)(x % 64);
      if (k >= 17) k = ascii_heavy ? 0 : arabic_heavy ? 3 + (k & 1) : k % 17;
      memcpy(in + n, pieces[k], lens[k]);
      n += lens[k];
      if (x % 97 == 0) break;
    }
    want.len = 0;
    while (i < n) {
      size_t k = ref_seq(in + i, n - i);
      if (k) {
        hs_buf_append(&want, in + i, k);
        i += k;
      } else {
        hs_buf_append(&want, "\xEF\xBF\xBD", 3);
        bad++;
        i++;
      }
    }
    got = hs_utf8_fix((const char *)in, n, &out);
    assert_int_equal(got, bad);
    if (bad) {
      assert_int_equal(out.len, want.len);
      assert_memory_equal(out.p, want.p, want.len);
    }
  }
  hs_buf_free(&out);
  hs_buf_free(&want);
}

/* ------------------------------------------------ parallel JSON Lines */

static void gen_put(char **b, size_t *n, size_t *cap, const void *s,
                    size_t k) {
  if (*n + k + 1 > *cap) {
    while (*n + k + 1 > *cap) *cap = *cap ? *cap * 2 : 4096;
    *b = realloc(*b, *cap);
    assert_non_null(*b);
  }
  memcpy(*b + *n, s, k);
  *n += k;
}

/* count copies of the k bytes s. */
static void gen_rep(char **b, size_t *n, size_t *cap, const char *s, size_t k,
                    size_t count) {
  size_t i;
  gen_put(b, n, cap, s, 0);
  if (*n + k * count + 1 > *cap) {
    while (*n + k * count + 1 > *cap) *cap *= 2;
    *b = realloc(*b, *cap);
    assert_non_null(*b);
  }
  for (i = 0; i < count; i++, *n += k) memcpy(*b + *n, s, k);
}

#define GEN_S(s) gen_put(&b, &n, &cap, (s), strlen(s))

/* A line {"id":"ID","text":"xxx..."} of exactly len bytes (newline not
** counted). */
static void gen_sized(char **b, size_t *n, size_t *cap, const char *id,
                      size_t len) {
  char head[64];
  size_t h = (size_t)snprintf(head, sizeof head, "{\"id\":\"%s\",\"text\":\"",
                              id), room = len - h - 2;
  gen_put(b, n, cap, head, h);
  gen_rep(b, n, cap, "xxxxxx ", 7, room / 7);
  gen_rep(b, n, cap, "x", 1, room % 7);
  gen_put(b, n, cap, "\"}\n", 3);
}

/* JSON Lines meant to hit every warning of the reader, for a reader whose
** max_doc_bytes is max_doc (its line cap is then 3 * max_doc + 64 KiB):
** a byte order mark, CRLF, empty and blank lines, malformed lines of each
** kind, duplicate ids (also within a few lines, and against a fallback
** id), numbers as ids, escaped keys, invalid UTF-8 in several lines, texts
** longer than max_doc, lines of exactly the cap, one byte over it and far
** over it, several lines longer than a read chunk in a row, many ordinary
** lines between them, and a last line without a newline. */
static char *hostile_jsonl(size_t max_doc, const char *idbase, size_t *len) {
  size_t cap_line = max_doc * 3 + ((size_t)64 << 10);
  char *b = NULL, line[512];
  size_t n = 0, cap = 0, i, k;
  GEN_S("\xEF\xBB\xBF{\"id\":\"first\",\"text\":\"bom and crlf\"}\r\n");
  GEN_S("\n\r\n   \t \n");
  GEN_S("{\"id\":\"m1\",\"text\":\"unterminated\"\n");
  GEN_S("[1,2,3]\n");
  GEN_S("{\"id\":\"m2\"}\n");
  GEN_S("{\"id\":\"m3\",\"text\":5}\n");
  GEN_S("nonsense\n");
  GEN_S("{\"id\":\"m4\",\"text\":\"x\"} trailing\n");
  GEN_S("\xEF\xBB\xBF{\"id\":\"m5\",\"text\":\"bom on line 12\"}\n");
  GEN_S("{\"id\":\"d\",\"text\":\"one\"}\n{\"id\":\"d\",\"text\":\"two\"}\n");
  GEN_S("{\"id\":7,\"text\":\"number id\"}\n");
  GEN_S("{\"id\":\"7\",\"text\":\"same as the number\"}\n");
  GEN_S("{\"id\":-3,\"text\":\"negative\"}\n{\"id\":1.5,\"text\":\"real\"}\n");
  GEN_S("{\"id\":1e3,\"text\":\"exponent\"}\n");
  GEN_S("{\"id\":123456789012345678901234,\"text\":\"huge\"}\n");
  GEN_S("{\"id\":{\"o\":1},\"text\":\"object id\"}\n");
  GEN_S("{\"i\\u0064\":\"esc\",\"te\\u0078t\":\"escaped keys\"}\n");
  GEN_S("{\"id\":\"u1\",\"text\":\"bad \xff byte\"}\n");
  GEN_S("{\"id\":\"u2\",\"text\":\"cut \xc3\",\"k\":\"\xe2\x82\"}\n");
  GEN_S("{\"id\":\"\",\"text\":\"empty id\"}\n");
  k = (size_t)snprintf(line, sizeof line,
                       "{\"id\":\"%s:24\",\"text\":\"the id line 24 had\"}\n"
                       "{\"id\":\"%s:27\",\"text\":\"taken before\"}\n"
                       "{\"text\":\"no id on line 27\"}\n",
                       idbase, idbase);
  gen_put(&b, &n, &cap, line, k);
  GEN_S("{\"id\":\"nul\",\"text\":\"a\\u0000b\",\"n\":null}\n");
  GEN_S("{\"id\":\"u3\",\"text\":\"\xc0\xaf overlong\",\"title\":3}\n");
  for (i = 0; i < 3000; i++) {
    k = (size_t)snprintf(line, sizeof line,
                         "{\"id\":\"n%zu\",\"text\":\"ordinary line %zu %s\","
                         "\"series\":\"s%zu\",\"x\":[%zu]}\n",
                         i % 2990, i,
                         i % 97 == 0   ? "\xfe bad"
                         : i % 89 == 0 ? "\\u00e9\\ud83d\\ude00"
                                       : "words words words words words",
                         i % 5, i);
    if (i % 211 == 0)
      k = (size_t)snprintf(line, sizeof line, "{broken %zu\n", i);
    if (i % 401 == 0) k = (size_t)snprintf(line, sizeof line, "\n");
    gen_put(&b, &n, &cap, line, k);
  }
  /* Texts longer than max_doc: plain, and two-byte characters so the cut
  ** falls inside one; an escaped one whose line passes the cap. */
  GEN_S("{\"id\":\"long1\",\"text\":\"");
  gen_rep(&b, &n, &cap, "y", 1, max_doc + 1000);
  GEN_S("\"}\n{\"id\":\"long2\",\"text\":\"a");
  gen_rep(&b, &n, &cap, "\xc3\xa9", 2, max_doc / 2 + 1000);
  GEN_S("\"}\n{\"id\":\"long3\",\"text\":\"");
  gen_rep(&b, &n, &cap, "\\u00e9", 6, max_doc / 2 + 20000);
  GEN_S("\"}\n");
  gen_sized(&b, &n, &cap, "capped", cap_line);
  gen_sized(&b, &n, &cap, "over", cap_line + 1);
  gen_sized(&b, &n, &cap, "over2", cap_line + 1000);
  GEN_S("{\"id\":\"between\",\"text\":\"short\"}\n");
  gen_sized(&b, &n, &cap, "far", cap_line + (2 << 20));
  for (i = 0; i < 4; i++) {
    snprintf(line, sizeof line, "span%zu", i);
    gen_sized(&b, &n, &cap, line, (1 << 20) + 1000 + i * 50000);
  }
  GEN_S("{\"id\":\"span0\",\"text\":\"duplicate of a long line\"}\n");
  GEN_S("{\"id\":\"last\",\"text\":\"no newline\"}");
  b[n] = '\0';
  *len = n;
  return b;
}

#undef GEN_S

typedef struct stop_after {
  size_t left;
} stop_after;

static int stop_hook(void *ud, hs_corpus *c, size_t index) {
  stop_after *s = ud;
  (void)c;
  (void)index;
  return --s->left == 0;
}

static void same_warnings(const warnings *a, const warnings *b) {
  size_t i;
  assert_int_equal(a->n, b->n);
  for (i = 0; i < a->n; i++) assert_string_equal(a->items[i], b->items[i]);
}

static const hs_doc *corpus_doc_by_id(const hs_corpus *c, const char *id) {
  long i = hs_corpus_find(c, id);
  if (i < 0) fail_msg("no document with id \"%s\"", id);
  return hs_corpus_doc(c, (size_t)i);
}

/* The hostile file read on one thread and on several, from a file, a
** gzip file and memory (also in batches of three lines): the same corpus
** and the same warnings in the same order; and a stop from the on_doc
** hook commits nothing after it, whatever the threads. */
static void test_parallel_jsonl(void **state) {
  fixture *f = *state;
  size_t max_doc = 400000, len, r, i;
  const char *pl = path_in(f, "h.jsonl"), *gz = path_in(f, "h.jsonl.gz");
  char *data = hostile_jsonl(max_doc, pl, &len), *zdata;
  hs_corpus *ref = hs_corpus_new();
  warnings wref;
  hs_error e;
  hs_ingest_opts o = f->opts;
  stop_after stop;
  gzFile g;

  memset(&wref, 0, sizeof wref);
  write_file(f, "h.jsonl", data, len);
  zdata = hostile_jsonl(max_doc, gz, &i);
  g = gzopen(gz, "wb");
  assert_non_null(g);
  assert_int_equal(gzwrite(g, zdata, (unsigned)i), (int)i);
  gzclose(g);
  free(zdata);
  o.max_doc_bytes = max_doc;
  o.threads = 1;
  o.warn_ud = &wref;
  assert_int_equal(hs_ingest_path(ref, pl, &o, &e), HS_OK);
  if (getenv("HS_TEST_VERBOSE"))
    for (i = 0; i < wref.n; i++) printf("%s\n", wref.items[i]);
  assert_true(wref.n > 20 && wref.n < 256);
  assert_string_equal(hs_corpus_doc(ref, 0)->id, "first");
  assert_string_equal(corpus_doc_by_id(ref, "esc")->text, "escaped keys");
  assert_int_equal(corpus_doc_by_id(ref, "capped")->len, max_doc);
  assert_int_equal(hs_corpus_find(ref, "over"), -1);
  assert_int_equal(hs_corpus_find(ref, "over2"), -1);
  assert_int_equal(hs_corpus_find(ref, "far"), -1);
  assert_int_equal(hs_corpus_find(ref, "long3"), -1);
  assert_int_equal(corpus_doc_by_id(ref, "long2")->len, max_doc - 1);
  assert_int_equal(corpus_doc_by_id(ref, "span3")->len, max_doc);
  assert_string_equal(corpus_doc_by_id(ref, "last")->text, "no newline");
  assert_true(warned(&wref, "h.jsonl:11: ", "malformed JSON") >= 0);
  assert_true(warned(&wref, "h.jsonl:13: ", "duplicate id \"d\"") >= 0);
  assert_true(warned(&wref, "h.jsonl:15: ", "duplicate id \"7\"") >= 0);
  assert_true(warned(&wref, "h.jsonl:22: ", "invalid UTF-8") >= 0);
  assert_true(warned(&wref, "invalid UTF-8", NULL) ==
              warned(&wref, "h.jsonl:22: ", NULL));
  assert_true(warned(&wref, "h.jsonl:25: ", ":24\" (first in") >= 0);
  assert_true(warned(&wref, "h.jsonl:27: ", ":27\" (first in") >= 0);
  assert_true(warned(&wref, "\"text\" longer", NULL) >= 0);
  assert_true(warned(&wref, "line longer", NULL) >= 0);
  assert_true(warned(&wref, "duplicate id \"span0\"", NULL) >= 0);
  /* Each way of reading, on one thread and on several. */
  hs_corpus_free(ref);
  ref = hs_corpus_new();
  warnings_free(&wref);
  for (r = 0; r < 8; r++) {
    int way = (int)(r / 2);
    hs_corpus *c = r % 2 ? f->c : ref;
    o.warn_ud = r % 2 ? &f->w : &wref;
    o.threads = r % 2 ? 3 + way % 2 : 1;
    if (way == 0) {
      assert_int_equal(hs_ingest_path(c, pl, &o, &e), HS_OK);
    } else if (way == 1) {
      assert_int_equal(hs_ingest_path(c, gz, &o, &e), HS_OK);
    } else {
      assert_int_equal(hs_ingest_buffer_mode(c, pl, data, len,
                                             way == 2 || r % 2 == 0
                                                 ? HS_INGEST_JSONL
                                                 : HS_INGEST_JSONL_SMALL,
                                             &o, &e),
                       HS_OK);
    }
    if (r % 2 == 0) continue;
    same_docs(f->c, ref);
    same_warnings(&f->w, &wref);
    warnings_free(&f->w);
    warnings_free(&wref);
    hs_corpus_free(f->c);
    hs_corpus_free(ref);
    f->c = hs_corpus_new();
    ref = hs_corpus_new();
  }
  /* Stopped by the hook after 40 documents: nothing after them. */
  o.on_doc = stop_hook;
  o.on_doc_ud = &stop;
  for (r = 0; r < 2; r++) {
    stop.left = 40;
    o.warn_ud = r ? &f->w : &wref;
    o.threads = r ? 4 : 1;
    assert_int_equal(hs_ingest_buffer_mode(r ? f->c : ref, "h", data, len,
                                           r ? HS_INGEST_JSONL_SMALL
                                             : HS_INGEST_JSONL,
                                           &o, &e),
                     HS_EINTR);
    assert_int_equal(hs_corpus_count(r ? f->c : ref), 40);
  }
  same_docs(f->c, ref);
  same_warnings(&f->w, &wref);
  hs_corpus_free(ref);
  warnings_free(&wref);
  free(data);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(test_jsonl_fields, setup, teardown),
      cmocka_unit_test(test_utf8_fix_random),
      cmocka_unit_test_setup_teardown(test_fast_string_scan_offsets, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_jsonl_id_fallback, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_jsonl_malformed, setup, teardown),
      cmocka_unit_test_setup_teardown(test_compressed, setup, teardown),
      cmocka_unit_test_setup_teardown(test_gzip_members_and_damage, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_directory_order, setup, teardown),
      cmocka_unit_test_setup_teardown(test_symlink_loop, setup, teardown),
      cmocka_unit_test_setup_teardown(test_binary_empty_html, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_text_invalid_utf8_kept, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_json_invalid_utf8_replaced, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_duplicates, setup, teardown),
      cmocka_unit_test_setup_teardown(test_missing_and_cancel, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_unreadable_in_walk, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_max_doc_cut, setup, teardown),
      cmocka_unit_test_setup_teardown(test_long_line, setup, teardown),
      cmocka_unit_test_setup_teardown(test_big_text_file, setup, teardown),
      cmocka_unit_test_setup_teardown(test_corpus_api, setup, teardown),
      cmocka_unit_test_setup_teardown(test_fast_matches_jansson, setup,
                                      teardown),
      cmocka_unit_test_setup_teardown(test_buffer_text, setup, teardown),
      cmocka_unit_test_setup_teardown(test_parallel_jsonl, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
