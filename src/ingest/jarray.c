/*
** jarray.c — a JSON array of objects (what many tools save as .json):
** each object is one document, read with the same field rules as a JSON
** line (jsonl.c's hs_json_doc, fields.c).
**
** The file is read whole and parsed by jansson: an array has no line
** structure to split on, and a malformed array cannot be read past the
** error anyway.  Invalid UTF-8 is first replaced by U+FFFD, as in JSON
** Lines, so that one bad byte does not lose the file, and the valid JSON
** jansson refuses is read as a JSON line's is (hs_json_load_relaxed: a
** lone surrogate escape is U+FFFD, a number out of range its text).  Records are named
** by their position in the array (FILE:N, N from 1); those that are not
** objects or lack the text are skipped with a warning.
*/
#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>

int hs_json_array_read(hs_ingest_ctx *x, hs_input *in, const char *source,
                       const char *idbase, hs_error *err) {
  hs_buf all, fix;
  json_error_t jerr;
  json_t *root = NULL;
  const char *p;
  size_t n, i;
  int rc = HS_OK;

  /* The whole array; its text may take three times the document cut. */
  hs_buf_init(&all, x->max_line > SIZE_MAX / 64 ? SIZE_MAX : x->max_line * 64);
  hs_buf_init(&fix, 0);
  for (;;) {
    if (in->pos < in->len &&
        hs_buf_append(&all, in->p + in->pos, in->len - in->pos)) {
      rc = hs_error_set(err, HS_EINPUT, "%s: JSON array larger than %zu "
                        "bytes; split it into JSON Lines", source, all.max);
      goto out;
    }
    in->pos = in->len;
    if (in->eof) break;
    if ((rc = hs_input_fill(in, err))) goto out;
    if (hs_ingest_cancelled(x)) {
      rc = hs_error_set(err, HS_EINTR, "%s: interrupted", source);
      goto out;
    }
  }
  p = all.p ? all.p : "";
  n = all.len;
  if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
    p += 3;
    n -= 3;
  }
  if (hs_utf8_fix(p, n, &fix)) {
    hs_ingest_warn(x, source, 0, "invalid UTF-8 replaced by U+FFFD");
    p = fix.p;
    n = fix.len;
  }
  root = hs_json_load_relaxed(p, n, &jerr);
  if (!root) {
    rc = hs_error_set(err, HS_EINPUT, "%s:%d: malformed JSON array (%s, "
                      "column %d)", source, jerr.line, jerr.text,
                      jerr.column);
    goto out;
  }
  if (!json_is_array(root)) {
    rc = hs_error_set(err, HS_EINPUT, "%s: not a JSON array of objects",
                      source);
    goto out;
  }
  hs_buf_free(&all);
  hs_buf_free(&fix);
  {
    unsigned noticed = 0;
    for (i = 0; i < json_array_size(root); i++) {
      unsigned char alt[HS_FIELD_COUNT] = {0, 0, 0, 0, 0, 0};
      hs_doc d;
      char *msg;
      int cut = 0, f;
      if (hs_ingest_cancelled(x)) {
        rc = hs_error_set(err, HS_EINTR, "%s: interrupted", source);
        goto out;
      }
      msg = hs_json_doc(x->field, json_array_get(root, i), idbase, i + 1,
                        x->max_doc, &d, &cut, alt, "object");
      if (msg) hs_ingest_warn(x, source, i + 1, "%s", msg);
      free(msg);
      if (!d.id) continue;
      for (f = 0; f < HS_FIELD_COUNT; f++) {
        if (alt[f] && !(noticed & (1u << f))) {
          noticed |= 1u << f;
          hs_field_notice(x, source, f, hs_field_alternative(f, alt[f]));
        }
      }
      hs_ingest_commit(x, &d, source, i + 1, cut);
    }
  }
out:
  hs_buf_free(&all);
  hs_buf_free(&fix);
  json_decref(root);
  return rc;
}
