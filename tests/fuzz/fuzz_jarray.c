/*
** fuzz_jarray.c — libFuzzer target for the JSON array reader (jarray.c):
** the input is read as a JSON array of objects with the default size
** limit and with a small one taken from the first byte.  Checks the
** invariants callers rely on (ids found again, NUL-terminated valid UTF-8
** text within max_doc_bytes), and that an array read as a whole gives the
** documents of its elements read one per line as JSON Lines, when every
** element has its own id.
*/
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "ingest/ingest.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The array's elements, one per line, when each is an object with a
** string id (else NULL). */
static char *as_lines(const char *data, size_t size, size_t *len) {
  json_t *a = json_loadb(data, size, JSON_ALLOW_NUL, NULL);
  hs_buf b;
  size_t i;
  if (!a || !json_is_array(a)) {
    json_decref(a);
    return NULL;
  }
  hs_buf_init(&b, 0);
  for (i = 0; i < json_array_size(a); i++) {
    json_t *o = json_array_get(a, i);
    char *s;
    if (!json_is_object(o) || !json_is_string(json_object_get(o, "id")) ||
        !json_string_length(json_object_get(o, "id"))) {
      json_decref(a);
      hs_buf_free(&b);
      return NULL;
    }
    s = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
    hs_buf_append(&b, s, strlen(s));
    hs_buf_putc(&b, '\n');
    free(s);
  }
  json_decref(a);
  hs_buf_terminate(&b);
  return hs_buf_take(&b, len);
}

static void run(const char *data, size_t size, uint64_t max) {
  hs_ingest_opts o;
  hs_corpus *c = hs_corpus_new();
  char *lines;
  size_t n = 0, i;
  memset(&o, 0, sizeof o);
  o.max_doc_bytes = max;
  hs_ingest_buffer_mode(c, "fuzz", data, size, HS_INGEST_JSON_ARRAY, &o,
                        NULL);
  check_corpus(c, max ? max : HS_INGEST_DEFAULT_MAX_DOC);
  lines = as_lines(data, size, &n);
  if (lines) {
    hs_corpus *l = hs_corpus_new();
    hs_ingest_buffer_mode(l, "fuzz", lines, n, HS_INGEST_JSONL_SLOW, &o,
                          NULL);
    check(hs_corpus_count(l) == hs_corpus_count(c));
    for (i = 0; i < hs_corpus_count(c); i++) {
      const hs_doc *a = hs_corpus_doc(c, i), *b = hs_corpus_doc(l, i);
      check(strcmp(a->id, b->id) == 0);
      check(a->len == b->len && memcmp(a->text, b->text, a->len) == 0);
    }
    hs_corpus_free(l);
    free(lines);
  }
  hs_corpus_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  run((const char *)data, size, 0);
  if (size) run((const char *)data + 1, size - 1, 1 + data[0] % 64);
  return 0;
}
