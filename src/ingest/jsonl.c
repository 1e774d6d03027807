/*
** jsonl.c — JSON Lines input: one document per line.
**
** Lines are split with memchr over the reader's chunks; a line that lies
** inside one chunk is parsed in place, one spanning chunks is gathered in a
** capped hs_buf (longer lines are reported and skipped up to the next
** newline, so a corrupt file cannot exhaust memory).  jansson rejects
** invalid UTF-8, so a line that fails a fast validity scan (8 bytes at a
** time while ASCII) is first copied with each invalid byte replaced by
** U+FFFD; stored text is therefore always valid UTF-8 and offsets refer to
** it.  Each line is parsed with json_loadb, the known fields are copied out
** and the tree is freed at once: memory holds the text, not the JSON.
**
** Fields: "id" (string, or a number written in decimal; missing, null or
** empty gives "IDBASE:LINE"), "text" (required string), "series", "date",
** "title", "url" (strings; numbers are written as text).  Every other field
** is kept, in input order, in `extra` as a compact JSON object.
*/
#include "ingest/ingest.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Length of the valid UTF-8 sequence at p (n bytes left), 0 if invalid. */
static size_t utf8_seq(const unsigned char *p, size_t n) {
  unsigned c = p[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return n >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c < 0xF0) {
    if (n < 3 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0) return p[1] >= 0xA0 && p[1] <= 0xBF ? 3 : 0;
    if (c == 0xED) return p[1] >= 0x80 && p[1] <= 0x9F ? 3 : 0;
    return (p[1] & 0xC0) == 0x80 ? 3 : 0;
  }
  if (c < 0xF5) {
    if (n < 4 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return 0;
    if (c == 0xF0) return p[1] >= 0x90 && p[1] <= 0xBF ? 4 : 0;
    if (c == 0xF4) return p[1] >= 0x80 && p[1] <= 0x8F ? 4 : 0;
    return (p[1] & 0xC0) == 0x80 ? 4 : 0;
  }
  return 0;
}

/* Offset of the first byte of p[0..n) that is not valid UTF-8, or n. */
static size_t utf8_first_invalid(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0;
  while (i < n) {
    size_t k;
    if (n - i >= 8) {
      uint64_t w;
      memcpy(&w, p + i, 8);
      if (!(w & UINT64_C(0x8080808080808080))) {
        i += 8;
        continue;
      }
    }
    if (p[i] < 0x80) {
      i++;
      continue;
    }
    k = utf8_seq(p + i, n - i);
    if (!k) return i;
    i += k;
  }
  return n;
}

size_t hs_jsonl_utf8_fix(const char *p, size_t n, hs_buf *out) {
  size_t bad = 0, i = 0;
  out->len = 0;
  for (;;) {
    size_t k = utf8_first_invalid(p + i, n - i);
    if (i == 0 && k == n) return 0;
    if (hs_buf_append(out, p + i, k)) goto overflow;
    i += k;
    if (i >= n) break;
    if (hs_buf_append(out, "\xEF\xBF\xBD", 3)) goto overflow;
    bad++;
    i++;
  }
  return bad;
overflow:
  /* Cannot happen with an uncapped buffer; report it as a repair so the
  ** caller parses the (shorter) output rather than the invalid input. */
  return bad ? bad : 1;
}

/* A scalar field as text: strings as they are, numbers in decimal.
** *used is set when the field was taken (so it leaves `extra`). */
static char *scalar_text(json_t *v, int *used) {
  char num[64];
  *used = 0;
  if (!v) return NULL;
  if (json_is_string(v)) {
    *used = 1;
    return hs_strndup(json_string_value(v), json_string_length(v));
  }
  if (json_is_integer(v)) {
    *used = 1;
    snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    return hs_strdup(num);
  }
  if (json_is_real(v)) {
    *used = 1;
    /* The shortest of 15 or 17 significant digits that reads back. */
    snprintf(num, sizeof num, "%.15g", json_real_value(v));
    if (strtod(num, NULL) != json_real_value(v)) {
      snprintf(num, sizeof num, "%.17g", json_real_value(v));
    }
    return hs_strdup(num);
  }
  if (json_is_null(v)) *used = 1;
  return NULL;
}

static char *fallback_id(const char *idbase, uint64_t lineno) {
  size_t n = strlen(idbase) + 24;
  char *id = hs_malloc(n);
  snprintf(id, n, "%s:%llu", idbase, (unsigned long long)lineno);
  return id;
}

typedef struct jsonl_state {
  const char *source, *idbase;
  uint64_t lineno;
  int warned_utf8;
} jsonl_state;

static void jsonl_line(hs_ingest_ctx *x, jsonl_state *st, const char *p,
                       size_t n) {
  static const char *const named[] = {"id", "text", "series", "date",
                                      "title", "url"};
  json_error_t jerr;
  json_t *root = NULL, *t;
  hs_doc d;
  int used[6] = {0, 0, 0, 0, 0, 0};
  size_t tl, bad, i;
  long prev;
  const char *tv;
  hs_error e;

  memset(&d, 0, sizeof d);
  while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t')) n--;
  while (n && (*p == ' ' || *p == '\t' || *p == '\r')) {
    p++;
    n--;
  }
  if (st->lineno == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
    p += 3;
    n -= 3;
  }
  if (!n) return;

  bad = hs_jsonl_utf8_fix(p, n, &x->fix);
  if (bad) {
    if (!st->warned_utf8) {
      hs_ingest_warn(x, st->source, st->lineno,
                     "invalid UTF-8 replaced by U+FFFD (reported for the "
                     "first such line only)");
      st->warned_utf8 = 1;
    }
    p = x->fix.p;
    n = x->fix.len;
  }

  root = json_loadb(p, n, JSON_ALLOW_NUL, &jerr);
  if (!root) {
    hs_ingest_warn(x, st->source, st->lineno,
                   "malformed JSON (%s, column %d); line skipped", jerr.text,
                   jerr.column);
    goto out;
  }
  if (!json_is_object(root)) {
    hs_ingest_warn(x, st->source, st->lineno,
                   "not a JSON object; line skipped");
    goto out;
  }
  t = json_object_get(root, "text");
  if (!t) {
    hs_ingest_warn(x, st->source, st->lineno,
                   "missing \"text\" field; line skipped");
    goto out;
  }
  if (!json_is_string(t)) {
    hs_ingest_warn(x, st->source, st->lineno,
                   "\"text\" is not a string; line skipped");
    goto out;
  }

  d.id = scalar_text(json_object_get(root, "id"), &used[0]);
  if (!d.id && !used[0] && json_object_get(root, "id")) {
    hs_ingest_warn(x, st->source, st->lineno,
                   "\"id\" is not a string or number; using %s:%llu",
                   st->idbase, (unsigned long long)st->lineno);
  }
  if (!d.id || !d.id[0]) {
    free(d.id);
    d.id = fallback_id(st->idbase, st->lineno);
  }
  prev = hs_corpus_find(x->c, d.id);
  if (prev >= 0) {
    const hs_doc *o = hs_corpus_doc(x->c, (size_t)prev);
    if (o->line) {
      hs_ingest_warn(x, st->source, st->lineno,
                     "duplicate id \"%.200s\" (first in %s:%llu); skipped",
                     d.id, o->source ? o->source : "?",
                     (unsigned long long)o->line);
    } else {
      hs_ingest_warn(x, st->source, st->lineno,
                     "duplicate id \"%.200s\" (first in %s); skipped", d.id,
                     o->source ? o->source : "?");
    }
    goto out;
  }

  tv = json_string_value(t);
  tl = json_string_length(t);
  used[1] = 1;
  if (tl > x->max_doc) {
    size_t cut = hs_ingest_utf8_cut(tv, tl, x->max_doc);
    hs_ingest_warn(x, st->source, st->lineno,
                   "\"text\" longer than %zu bytes; cut there", x->max_doc);
    tl = cut;
  }
  d.text = hs_strndup(tv, tl);
  d.len = tl;
  d.series = scalar_text(json_object_get(root, "series"), &used[2]);
  d.date = scalar_text(json_object_get(root, "date"), &used[3]);
  d.title = scalar_text(json_object_get(root, "title"), &used[4]);
  d.url = scalar_text(json_object_get(root, "url"), &used[5]);
  for (i = 0; i < 6; i++) {
    if (used[i]) json_object_del(root, named[i]);
  }
  if (json_object_size(root)) d.extra = json_dumps(root, JSON_COMPACT);
  d.source = (char *)(uintptr_t)st->source;
  d.line = st->lineno;
  if (hs_corpus_take(x->c, &d, &e)) {
    hs_ingest_warn(x, st->source, st->lineno, "%s; skipped", e.msg);
  }
  memset(&d, 0, sizeof d);
out:
  free(d.id);
  json_decref(root);
}

int hs_jsonl_read(hs_ingest_ctx *x, hs_input *in, const char *source,
                  const char *idbase, hs_error *err) {
  jsonl_state st;
  hs_buf *acc = &x->line;
  int skipping = 0, rc = HS_OK;

  st.source = source;
  st.idbase = idbase;
  st.lineno = 0;
  st.warned_utf8 = 0;
  acc->len = 0;
  for (;;) {
    const char *p = in->p + in->pos;
    size_t n = in->len - in->pos;
    const char *nl = n ? memchr(p, '\n', n) : NULL;
    if (nl) {
      size_t k = (size_t)(nl - p);
      st.lineno++;
      if (hs_ingest_cancelled(x)) {
        rc = hs_error_set(err, HS_EINTR, "%s:%llu: interrupted", source,
                          (unsigned long long)st.lineno);
        goto out;
      }
      if (skipping) {
        skipping = 0;
      } else if (acc->len) {
        if (hs_buf_append(acc, p, k)) {
          hs_ingest_warn(x, source, st.lineno,
                         "line longer than %zu bytes; skipped", acc->max);
        } else {
          jsonl_line(x, &st, acc->p, acc->len);
        }
      } else if (k > acc->max) {
        hs_ingest_warn(x, source, st.lineno,
                       "line longer than %zu bytes; skipped", acc->max);
      } else {
        jsonl_line(x, &st, p, k);
      }
      acc->len = 0;
      in->pos += k + 1;
      continue;
    }
    if (n && !skipping && hs_buf_append(acc, p, n)) {
      hs_ingest_warn(x, source, st.lineno + 1,
                     "line longer than %zu bytes; skipped", acc->max);
      skipping = 1;
      acc->len = 0;
    }
    in->pos = in->len;
    if (in->eof) break;
    if ((rc = hs_input_fill(in, err))) goto out;
  }
  if (acc->len && !skipping) {
    st.lineno++;
    if (hs_ingest_cancelled(x)) {
      rc = hs_error_set(err, HS_EINTR, "%s:%llu: interrupted", source,
                        (unsigned long long)st.lineno);
      goto out;
    }
    jsonl_line(x, &st, acc->p, acc->len);
  }
out:
  acc->len = 0;
  return rc;
}
