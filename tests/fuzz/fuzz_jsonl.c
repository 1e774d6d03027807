/*
** fuzz_jsonl.c — libFuzzer target for the ingest stage: the input is read
** as JSON Lines (through the fast scanner and through jansson alone, which
** must agree document for document) or as one text document, with the
** default size limit or a small one.  Checks the invariants callers rely
** on: JSON text is valid UTF-8, no document exceeds max_doc_bytes, every
** id is found again, text is NUL-terminated.
**
** One reading a run, chosen by the first byte when it is 1, 2 or 3 (which
** no JSON Lines file starts with; the byte is not part of the input read):
**   any other   JSON Lines, both readers, the default limit (the input whole)
**   1           text, the default limit
**   2 L         JSON Lines, both readers, a limit of 1 + L % 64 bytes
**   3 L         text, a limit of 1 + L % 64 bytes
** (Reading every input six ways, the three readers with both limits, cost
** three times what one reading does.)  The seeds hold inputs of each kind.
**
** jansson's memory comes from a pool (fuzz_pool.h, through
** json_set_alloc_funcs before the first run): its trees, a few blocks for
** each value and key of every line, twice for a line the fast scanner
** leaves to jansson, went through the sanitizer's allocator.  After each
** run every block jansson took must be back, the leak check for its trees
** (the library hands nothing of jansson's memory to its callers: `extra`
** is written by hs_json_dumps into the library's own).
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "ingest/ingest.h"

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

static void run(const char *data, size_t size, uint64_t max, int text) {
  hs_ingest_opts o;
  uint64_t lim = max ? max : HS_INGEST_DEFAULT_MAX_DOC;
  size_t i;
  memset(&o, 0, sizeof o);
  o.max_doc_bytes = max;
  /* one thread, as an input of at most -max_len bytes gets anyway (a
  ** batch takes a second thread from 64 KiB on): no sysconf a reading */
  o.threads = 1;
  if (text) {
    hs_corpus *t = hs_corpus_new();
    hs_ingest_buffer_mode(t, "fuzz", data, size, HS_INGEST_TEXT, &o, NULL);
    check_corpus(t, lim, 0);
    hs_corpus_free(t);
  } else {
    hs_corpus *fast = hs_corpus_new(), *slow = hs_corpus_new();
    hs_ingest_buffer_mode(fast, "fuzz", data, size, HS_INGEST_JSONL, &o,
                          NULL);
    hs_ingest_buffer_mode(slow, "fuzz", data, size, HS_INGEST_JSONL_SLOW, &o,
                          NULL);
    check_corpus(fast, lim, 1);
    check(hs_corpus_count(fast) == hs_corpus_count(slow));
    for (i = 0; i < hs_corpus_count(fast); i++) {
      const hs_doc *a = hs_corpus_doc(fast, i), *b = hs_corpus_doc(slow, i);
      check(strcmp(a->id, b->id) == 0);
      check(a->len == b->len && memcmp(a->text, b->text, a->len) == 0);
      check(same(a->series, b->series) && same(a->date, b->date));
      check(same(a->title, b->title) && same(a->url, b->url));
      check(same(a->extra, b->extra) && a->line == b->line);
    }
    hs_corpus_free(fast);
    hs_corpus_free(slow);
  }
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
