/*
** fuzz_jsonl.c — libFuzzer target for the ingest stage: the input is read
** as JSON Lines (the fast scanner's documents checked against jansson's
** reading of the same lines) or as one text document, with the
** default size limit or a small one.  Checks the invariants callers rely
** on: JSON text is valid UTF-8, no document exceeds max_doc_bytes, every
** id is found again, text is NUL-terminated.
**
** One reading a run, chosen by the first byte when it is 1, 2 or 3 (which
** no JSON Lines file starts with; the byte is not part of the input read):
**   any other   JSON Lines, compared, the default limit (the input whole)
**   1           text, the default limit
**   2 L         JSON Lines, compared, a limit of 1 + L % 64 bytes
**   3 L         text, a limit of 1 + L % 64 bytes
** (Reading every input six ways, the three readers with both limits, cost
** three times what one reading does.)  The seeds hold inputs of each kind.
**
** The two JSON readers are compared line by line (jsonl_int.h's parse of
** one line): the fast scanner alone, and for each line it takes, jansson
** alone, which must give the same document.  A line the scanner leaves
** goes to jansson in both readings, the same code on the same bytes, so
** it is read once, by the whole reading: most lines of a fuzzed input are
** no JSON at all, and reading the input a second time with jansson alone
** parsed each of them twice and formatted its error message twice.
**
** jansson's memory comes from a pool (fuzz_pool.h, through
** json_set_alloc_funcs before the first run): its trees, a few blocks for
** each value and key of every line, went through the sanitizer's allocator.  After each
** run every block jansson took must be back, the leak check for its trees
** (the library hands nothing of jansson's memory to its callers: `extra`
** is written by hs_json_dumps into the library's own).
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "ingest/ingest.h"
#include "ingest/jsonl_int.h"

#include <jansson.h>

#include "fuzz_pool.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int cond) {
  if (!cond) abort();
}

static int utf8_valid(const char *s, size_t n) {
  hs_buf b;
  size_t bad;
  hs_buf_init(&b, 0);
  bad = hs_utf8_fix(s, n, &b);
  hs_buf_free(&b);
  return bad == 0;
}

static int same(const char *a, const char *b) {
  if (!a || !b) return a == b;
  return strcmp(a, b) == 0;
}

static void check_corpus(const hs_corpus *c, uint64_t max, int json) {
  size_t i, n = hs_corpus_count(c);
  for (i = 0; i < n; i++) {
    const hs_doc *d = hs_corpus_doc(c, i);
    check(d && d->id && d->text);
    check(d->len <= max);
    check(d->text[d->len] == '\0');
    check(hs_corpus_find(c, d->id) == (long)i);
    if (json) check(utf8_valid(d->text, d->len));
  }
}

/* Each line (as the reader splits them, numbered from 1) read by the fast
** scanner alone and, when it takes the line, by jansson alone: the same
** document, cut alike. */
static void compare_lines(const char *data, size_t size, uint64_t lim) {
  hs_jsonl_work w;
  hs_buf fix, extra, msgs;
  const char *field[HS_FIELD_COUNT] = {NULL}; /* the default names */
  const char *p = data, *e = data + size;
  uint64_t lineno = 0;
  memset(&w, 0, sizeof w);
  hs_buf_init(&fix, 0);
  hs_buf_init(&extra, 0);
  hs_buf_init(&msgs, 0);
  w.nthreads = 1;
  w.fix = &fix;
  w.extra = &extra;
  w.msgs = &msgs;
  w.idbase = "fuzz";
  w.max_doc = (size_t)lim;
  w.field = field;
  while (p < e) {
    const char *nl = memchr(p, '\n', (size_t)(e - p));
    size_t n = nl ? (size_t)(nl - p) : (size_t)(e - p);
    jline a, b;
    memset(&a, 0, sizeof a);
    a.kind = L_LINE;
    a.lineno = ++lineno;
    a.p = p;
    a.n = n;
    p += n + 1;
    w.no_fast = 2;
    hs_jsonl_parse_line(&w, 0, &a);
    if (!a.d.id) continue;
    memset(&b, 0, sizeof b);
    b.kind = L_LINE;
    b.lineno = a.lineno;
    b.p = a.p;
    b.n = a.n;
    w.no_fast = 1;
    hs_jsonl_parse_line(&w, 0, &b);
    check(b.d.id && strcmp(a.d.id, b.d.id) == 0);
    check(a.d.len == b.d.len && memcmp(a.d.text, b.d.text, a.d.len) == 0);
    check(same(a.d.series, b.d.series) && same(a.d.date, b.d.date));
    check(same(a.d.title, b.d.title) && same(a.d.url, b.d.url));
    check(same(a.d.extra, b.d.extra) && a.cut == b.cut);
    check(!a.msg && !b.msg && !b.msg_at);
    check(memcmp(a.alt, b.alt, sizeof a.alt) == 0);
    doc_release(&a.d);
    doc_release(&b.d);
  }
  hs_buf_free(&fix);
  hs_buf_free(&extra);
  hs_buf_free(&msgs);
}

static void run(const char *data, size_t size, uint64_t max, int text) {
  hs_ingest_opts o;
  uint64_t lim = max ? max : HS_INGEST_DEFAULT_MAX_DOC;
  hs_corpus *c = hs_corpus_new();
  memset(&o, 0, sizeof o);
  o.max_doc_bytes = max;
  /* one thread, as an input of at most -max_len bytes gets anyway (a
  ** batch takes a second thread from 64 KiB on): no sysconf a reading */
  o.threads = 1;
  hs_ingest_buffer_mode(c, "fuzz", data, size,
                        text ? HS_INGEST_TEXT : HS_INGEST_JSONL, &o, NULL);
  check_corpus(c, lim, !text);
  hs_corpus_free(c);
  if (!text) compare_lines(data, size, lim);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  json_set_alloc_funcs(pool_malloc, pool_free);
  pool_warm();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *p = (const char *)data;
  uint8_t h = size ? data[0] : 0;
  long before = pool_in_use;
  if (h == 1) {
    run(p + 1, size - 1, 0, 1);
  } else if (h == 2 || h == 3) {
    uint64_t max = 1 + (size > 1 ? data[1] : 0) % 64;
    size_t skip = size > 1 ? 2 : 1;
    run(p + skip, size - skip, max, h == 3);
  } else {
    run(p, size, 0, 0);
  }
  check(pool_in_use == before);
  return 0;
}
