/*
** fuzz_csv.c — libFuzzer target for the table readers (csv.c): the input
** is read as CSV and as TSV, with the default size limit and with a small
** one taken from the first byte, with the default field names and with
** the text named by the first header column.  Checks the invariants
** callers rely on: every document has an id found again and a
** NUL-terminated text within max_doc_bytes that is valid UTF-8, and
** extra, when present, is a JSON object.
*/
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "ingest/ingest.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void run(const char *data, size_t size, uint64_t max,
                const char *text_field) {
  static const int modes[] = {HS_INGEST_CSV, HS_INGEST_TSV};
  hs_ingest_opts o;
  size_t m;
  memset(&o, 0, sizeof o);
  o.max_doc_bytes = max;
  o.text_field = text_field;
  for (m = 0; m < 2; m++) {
    hs_corpus *c = hs_corpus_new();
    hs_ingest_buffer_mode(c, "fuzz", data, size, modes[m], &o, NULL);
    check_corpus(c, max ? max : HS_INGEST_DEFAULT_MAX_DOC);
    hs_corpus_free(c);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char first[64];
  size_t k = 0;
  run((const char *)data, size, 0, NULL);
  if (size) run((const char *)data + 1, size - 1, 1 + data[0] % 64, NULL);
  /* the first header column named as the text */
  while (k < size && k < sizeof first - 1 && data[k] != ',' &&
         data[k] != '\t' && data[k] != '\n' && data[k] != '"') {
    first[k] = (char)data[k];
    k++;
  }
  first[k] = '\0';
  if (k) run((const char *)data, size, 0, first);
  return 0;
}
