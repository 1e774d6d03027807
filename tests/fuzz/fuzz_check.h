/*
** fuzz_check.h — the checks shared by the table-reader fuzz targets: what
** every corpus a reader builds must satisfy whatever the input was (each
** document has an id found again and a NUL-terminated text within the size
** limit that is valid UTF-8; extra, when present, is a JSON object).
** Included by one target per executable, so plain static functions.
*/
#ifndef HS_FUZZ_CHECK_H
#define HS_FUZZ_CHECK_H

#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>

#include "hearsay.h"
#include "util/util.h"

static void check(int cond) {
  if (!cond) abort();
}

static void check_corpus(const hs_corpus *c, uint64_t max) {
  size_t i, n = hs_corpus_count(c);
  for (i = 0; i < n; i++) {
    const hs_doc *d = hs_corpus_doc(c, i);
    hs_buf b;
    check(d && d->id && d->text);
    check(d->len <= max);
    check(d->text[d->len] == '\0');
    check(hs_corpus_find(c, d->id) == (long)i);
    hs_buf_init(&b, 0);
    check(hs_utf8_fix(d->text, d->len, &b) == 0);
    hs_buf_free(&b);
    if (d->extra) {
      json_t *o = json_loads(d->extra, JSON_ALLOW_NUL, NULL);
      check(o && json_is_object(o));
      json_decref(o);
    }
  }
}

#endif
