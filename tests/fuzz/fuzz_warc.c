/*
** fuzz_warc.c — libFuzzer target for the WARC reader: the input is read
** as a (decompressed) archive from memory, with the default document size
** limit and a small one.  Checks: no crash, ids unique and found again,
** text NUL-terminated and within the limit.
**
** libxml2 keeps the last parse error it met (an HTML record's page), with
** its message, until the next one replaces it: a run that ends on an
** error seems to libFuzzer to allocate more than it frees, and libFuzzer
** then runs the input again to look for a leak.  Each run clears it, as
** fuzz_html does.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlerror.h>

#include "hearsay.h"
#include "ingest/ingest.h"
#include "web/web.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int cond) {
  if (!cond) abort();
}

static void run(const char *data, size_t size, uint64_t max) {
  hs_corpus *c = hs_corpus_new();
  hs_ingest_opts o;
  hs_ingest_ctx x;
  hs_input in;
  hs_error e;
  size_t i;
  memset(&o, 0, sizeof o);
  o.max_doc_bytes = max;
  hs_ingest_ctx_init(&x, c, &o);
  hs_input_init_mem(&in, data, size);
  hs_warc_read(&x.sink, &in, "fuzz.warc", "fuzz.warc", &e);
  for (i = 0; i < hs_corpus_count(c); i++) {
    const hs_doc *d = hs_corpus_doc(c, i);
    check(d && d->id && d->text && d->text[d->len] == '\0');
    check(!max || d->len <= max);
    check(hs_corpus_find(c, d->id) == (long)i);
  }
  hs_input_free(&in);
  hs_ingest_ctx_free(&x);
  hs_corpus_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  run((const char *)data, size, 0);
  if (size) run((const char *)data + 1, size - 1, 1 + data[0] % 64);
  xmlResetLastError();
  return 0;
}
