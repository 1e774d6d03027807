/*
** fuzz_tables.c — libFuzzer target for the table readers of the ingest
** stage: the input is read as CSV, as TSV (both with a header row naming
** the fields) and as a JSON array of objects.  Any input may be refused
** with an error, never crash; what is read keeps the invariants callers
** rely on: every document has an id found again in the corpus and a
** NUL-terminated text within the size limit, and JSON texts are valid
** UTF-8.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "ingest/ingest.h"

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

/* kind: ',' or '\t' for CSV/TSV, 'j' for a JSON array */
static void run(const char *data, size_t size, int kind, uint64_t max) {
  hs_ingest_opts o;
  hs_ingest_ctx x;
  hs_input in;
  hs_error e;
  hs_corpus *c = hs_corpus_new();
  uint64_t lim = max ? max : HS_INGEST_DEFAULT_MAX_DOC;
  size_t i;
  memset(&o, 0, sizeof o);
  o.max_doc_bytes = max;
  hs_error_clear(&e);
  hs_ingest_ctx_init(&x, c, &o);
  hs_input_init_mem(&in, data, size);
  if (kind == 'j') hs_json_array_read(&x, &in, "fuzz", "fuzz", &e);
  else hs_csv_read(&x, &in, "fuzz", "fuzz", (char)kind, &e);
  hs_input_free(&in);
  hs_ingest_ctx_free(&x);
  for (i = 0; i < hs_corpus_count(c); i++) {
    const hs_doc *d = hs_corpus_doc(c, i);
    check(d && d->id && d->text);
    check(d->len <= lim);
    check(d->text[d->len] == '\0');
    check(hs_corpus_find(c, d->id) >= 0);
    if (kind == 'j') check(utf8_valid(d->text, d->len));
  }
  hs_corpus_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  if (size > 1 << 16) return 0;
  run(text, size, ',', 0);
  run(text, size, '\t', 0);
  run(text, size, 'j', 0);
  if (size) run(text + 1, size - 1, data[0] & 1 ? ',' : 'j', 1 + data[0] % 64);
  return 0;
}
