/*
** csv.c — tables with a header row: CSV (RFC 4180) and TSV, as exported
** by media monitoring tools and spreadsheets.
**
** Parsing is Debian's libcsv (quoted fields, doubled quotes, delimiters
** and line breaks inside quotes, CRLF or LF); this file feeds it one line
** at a time, so that each record knows the line it starts on, and turns
** records into documents.  The header names the columns; which column
** fills which document field follows fields.c (the passim names, the
** names given with --text-field and the like, common alternatives with a
** warning).  A header without a text column stops the file with an error
** naming the columns, since no record could be read.  Every other column
** with a value goes to the document's extra JSON object, under its header
** name.  Spaces around values are kept (libcsv's trimming is turned off)
** and invalid UTF-8 in the text is replaced by U+FFFD as in JSON Lines.
*/
#include "ingest/ingest.h"

#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct csv_state {
  hs_ingest_ctx *x;
  const char *source, *idbase;
  hs_error *err;
  int rc;                /* first error, which stops the file */
  uint64_t line;         /* line being fed */
  uint64_t rec_line;     /* line the current record started on */
  int in_record;         /* a field of the current record was seen */
  /* The current record: field i is len bytes of buf at off. */
  hs_buf buf;
  struct csv_field { size_t off, len; } *f;
  size_t nf, capf;
  /* The header. */
  char **cols;
  size_t ncols;
  int col[HS_FIELD_COUNT];   /* column of each document field, or -1 */
  int have_header;
  int warned_width, warned_utf8;
  hs_buf fix, extra;
} csv_state;

static int no_space(unsigned char c) {
  (void)c;
  return 0;
}

static void on_field(void *s, size_t n, void *ud) {
  csv_state *st = ud;
  if (st->rc) return;
  if (!st->in_record) {
    st->in_record = 1;
    st->nf = 0;
    st->buf.len = 0;
  }
  HS_GROW(st->f, st->capf, st->nf + 1);
  st->f[st->nf].off = st->buf.len;
  st->f[st->nf].len = n;
  if (n && hs_buf_append(&st->buf, s, n)) {
    st->rc = hs_error_set(st->err, HS_EINPUT, "%s:%llu: record longer than "
                          "%zu bytes", st->source,
                          (unsigned long long)st->rec_line, st->buf.max);
    return;
  }
  st->nf++;
}

static const char *field_at(const csv_state *st, size_t i, size_t *n) {
  *n = st->f[i].len;
  return st->buf.p ? st->buf.p + st->f[i].off : "";
}

/* The header: column names, and which column fills which field. */
static void take_header(csv_state *st) {
  hs_ingest_ctx *x = st->x;
  size_t i, n;
  int r, alt;
  st->cols = hs_malloc((st->nf ? st->nf : 1) * sizeof *st->cols);
  for (i = 0; i < st->nf; i++) {
    const char *p = field_at(st, i, &n);
    if (i == 0 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
      p += 3;
      n -= 3;
    }
    st->cols[i] = hs_strndup(p, n);
  }
  st->ncols = st->nf;
  st->have_header = 1;
  for (r = 0; r < HS_FIELD_COUNT; r++) {
    st->col[r] = hs_field_column(x->field, r, st->cols, st->ncols, &alt);
    if (st->col[r] >= 0 && alt)
      hs_field_notice(x, st->source, r, st->cols[st->col[r]]);
    if (st->col[r] < 0 && (x->field[r] || r == HS_FIELD_TEXT)) {
      hs_buf names;
      hs_buf_init(&names, 2000);
      for (i = 0; i < st->ncols; i++) {
        if (i) hs_buf_append(&names, ", ", 2);
        hs_buf_append(&names, st->cols[i], strlen(st->cols[i]));
      }
      hs_buf_terminate(&names);
      if (x->field[r])
        st->rc = hs_error_set(st->err, HS_EINPUT,
                              "%s: no column \"%s\" (%s); the header has: %s",
                              st->source, x->field[r], hs_field_option(r),
                              names.p ? names.p : "");
      else
        st->rc = hs_error_set(st->err, HS_EINPUT,
                              "%s: no text column in the header (it has: "
                              "%s); name the column that holds the text "
                              "with --text-field COLUMN",
                              st->source, names.p ? names.p : "");
      hs_buf_free(&names);
      return;
    }
  }
}

static char *field_dup(const csv_state *st, int col) {
  size_t n;
  const char *p;
  if (col < 0 || (size_t)col >= st->nf) return NULL;
  p = field_at(st, (size_t)col, &n);
  return n ? hs_strndup(p, n) : NULL;
}

static void take_record(csv_state *st) {
  hs_ingest_ctx *x = st->x;
  hs_doc d;
  size_t i, n, tl;
  const char *t;
  int cut = 0, r;

  if (st->nf != st->ncols && !st->warned_width) {
    st->warned_width = 1;
    hs_ingest_warn(x, st->source, st->rec_line,
                   "%zu fields where the header has %zu (reported for the "
                   "first such record only); missing ones are empty, extra "
                   "ones go to extra as column_N", st->nf, st->ncols);
  }
  if ((size_t)st->col[HS_FIELD_TEXT] >= st->nf) {
    hs_ingest_warn(x, st->source, st->rec_line,
                   "no \"%s\" field; record skipped",
                   st->cols[st->col[HS_FIELD_TEXT]]);
    return;
  }
  memset(&d, 0, sizeof d);
  t = field_at(st, (size_t)st->col[HS_FIELD_TEXT], &tl);
  if (hs_utf8_fix(t, tl, &st->fix)) {
    if (!st->warned_utf8)
      hs_ingest_warn(x, st->source, st->rec_line,
                     "invalid UTF-8 replaced by U+FFFD (reported for the "
                     "first such record only)");
    st->warned_utf8 = 1;
    t = st->fix.p;
    tl = st->fix.len;
  }
  if (tl > x->max_doc) {
    cut = 1;
    tl = hs_utf8_cut(t, tl, x->max_doc);
  }
  d.text = hs_strndup(t, tl);
  d.len = tl;
  st->fix.len = 0;
  d.id = field_dup(st, st->col[HS_FIELD_ID]);
  if (!d.id) {
    size_t k = strlen(st->idbase) + 24;
    d.id = hs_malloc(k);
    snprintf(d.id, k, "%s:%llu", st->idbase, (unsigned long long)st->rec_line);
  }
  d.series = field_dup(st, st->col[HS_FIELD_SERIES]);
  d.date = field_dup(st, st->col[HS_FIELD_DATE]);
  d.title = field_dup(st, st->col[HS_FIELD_TITLE]);
  d.url = field_dup(st, st->col[HS_FIELD_URL]);
  /* the other columns with a value, as a JSON object */
  st->extra.len = 0;
  for (i = 0; i < st->nf; i++) {
    char name[32];
    const char *v = field_at(st, i, &n), *k;
    for (r = 0; r < HS_FIELD_COUNT; r++)
      if (st->col[r] == (int)i) break;
    if (r < HS_FIELD_COUNT || !n) continue;
    if (i < st->ncols) {
      k = st->cols[i];
    } else {
      snprintf(name, sizeof name, "column_%zu", i + 1);
      k = name;
    }
    hs_buf_putc(&st->extra, st->extra.len ? ',' : '{');
    hs_json_buf_strn(&st->extra, k, strlen(k));
    hs_buf_putc(&st->extra, ':');
    hs_json_buf_strn(&st->extra, v, n);
  }
  if (st->extra.len) {
    hs_buf_putc(&st->extra, '}');
    d.extra = hs_strndup(st->extra.p, st->extra.len);
  }
  hs_ingest_commit(x, &d, st->source, st->rec_line, cut);
}

static void on_record(int c, void *ud) {
  csv_state *st = ud;
  (void)c;
  if (st->rc || !st->in_record) return;
  st->in_record = 0;
  if (!st->have_header)
    take_header(st);
  else
    take_record(st);
  st->rec_line = st->line + 1;
}

int hs_csv_read(hs_ingest_ctx *x, hs_input *in, const char *source,
                const char *idbase, char delim, hs_error *err) {
  struct csv_parser p;
  csv_state st;
  size_t i;

  memset(&st, 0, sizeof st);
  st.x = x;
  st.source = source;
  st.idbase = idbase;
  st.err = err;
  st.line = st.rec_line = 1;
  hs_buf_init(&st.buf, x->max_line);
  hs_buf_init(&st.fix, 0);
  hs_buf_init(&st.extra, 0);
  if (csv_init(&p, CSV_APPEND_NULL) != 0)
    return hs_error_set(err, HS_ENOMEM, "out of memory");
  csv_set_delim(&p, (unsigned char)delim);
  csv_set_space_func(&p, no_space);
  for (;;) {
    while (in->pos < in->len && !st.rc) {
      const char *b = in->p + in->pos;
      const char *nl = memchr(b, '\n', in->len - in->pos);
      size_t n = nl ? (size_t)(nl - b) + 1 : in->len - in->pos;
      if (csv_parse(&p, b, n, on_field, on_record, &st) != n) {
        st.rc = hs_error_set(err, HS_EINPUT, "%s:%llu: %s", source,
                             (unsigned long long)st.line,
                             csv_strerror(csv_error(&p)));
        break;
      }
      in->pos += n;
      if (nl) st.line++;
      if (csv_get_buffer_size(&p) > x->max_line)
        st.rc = hs_error_set(err, HS_EINPUT, "%s:%llu: a quoted field runs "
                             "on for more than %zu bytes (a quote not "
                             "closed?)", source,
                             (unsigned long long)st.rec_line, x->max_line);
    }
    if (st.rc || in->eof) break;
    if (hs_ingest_cancelled(x)) {
      st.rc = hs_error_set(err, HS_EINTR, "%s: interrupted", source);
      break;
    }
    if ((st.rc = hs_input_fill(in, err))) break;
  }
  /* libcsv's state 2 is "inside a field": a quote still open at the end. */
  if (!st.rc && p.pstate == 2 && p.quoted)
    hs_ingest_warn(x, source, st.rec_line,
                   "a quote opened in this record is never closed: the "
                   "rest of the file is read as one field");
  if (!st.rc) csv_fini(&p, on_field, on_record, &st);
  if (!st.rc && !st.have_header)
    hs_ingest_warn(x, source, 0, "empty table, skipped");
  csv_free(&p);
  for (i = 0; i < st.ncols; i++) free(st.cols[i]);
  free(st.cols);
  free(st.f);
  hs_buf_free(&st.buf);
  hs_buf_free(&st.fix);
  hs_buf_free(&st.extra);
  return st.rc;
}
