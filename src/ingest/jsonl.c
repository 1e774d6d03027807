/*
** jsonl.c — JSON Lines input: one document per line.
**
** Lines are split with memchr over the reader's chunks; a line that lies
** inside one chunk is parsed in place, one spanning chunks is gathered in
** a spill buffer, capped per line (longer lines are reported and skipped
** up to the next newline, so a corrupt file cannot exhaust memory).
** jansson rejects invalid UTF-8, so a line that fails a fast validity scan
** (16 bytes at a time while ASCII or two-byte characters) is first copied
** with each invalid byte replaced by U+FFFD; stored text is therefore
** always valid UTF-8 and offsets refer to it.  Each line is parsed by a
** fast scanner for flat objects, or with json_loadb, the known fields are
** copied out and the tree is freed at once: memory holds the text, not
** the JSON.
**
** Splitting is serial; the rest of a line's work does not depend on the
** lines before it, so lines are parsed in batches on several threads
** (hs_ingest_opts.threads), and the results committed in input order on
** the reading thread: the duplicate check, the warnings (same words, same
** order), the corpus and the caller's hook see exactly what a serial read
** gives, whatever the number of threads.
**
** Fields: "id" (string, or a number written in decimal; missing, null or
** empty gives "IDBASE:LINE"), "text" (required string), "series", "date",
** "title", "url" (strings; numbers are written as text).  Every other field
** is kept, in input order, in `extra` as a compact JSON object.
*/
#include "ingest/jsonl_int.h"

#include "util/parallel.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ batches
** The reader splits lines serially and collects them in a batch; the
** batch's lines are parsed on the ingest threads, each into a jline's
** result (a document, or none, plus what to report), and the results are
** then committed one by one in input order by the reading thread: the
** duplicate check, the warnings, hs_corpus_take and the caller's hook see
** the same sequence as when each line was parsed as it was read.  A line
** lying inside the current input chunk is parsed in place, a line spanning
** chunks is gathered in `spill`; the batch is parsed and committed before
** the chunk is refilled, so what has been read is in the corpus before the
** reader waits for more (a pipe that stays open). */

/* Batch limits: lines, and bytes of lines (a memory buffer is one chunk). */
#define BATCH_LINES 256
#define BATCH_BYTES ((size_t)16 << 20)
/* Each thread gets at least this many bytes of a batch: below it, starting
** a thread costs more than it parses. */
#define THREAD_BYTES ((size_t)64 << 10)

void hs_jsonl_work_free(hs_jsonl_work *w) {
  int i;
  if (!w) return;
  for (i = 0; i < w->nthreads; i++) {
    hs_buf_free(&w->fix[i]);
    hs_buf_free(&w->extra[i]);
    hs_buf_free(&w->msgs[i]);
  }
  free(w->fix);
  free(w->extra);
  free(w->msgs);
  hs_buf_free(&w->spill);
  free(w->lines);
  free(w);
}

static hs_jsonl_work *work_get(hs_ingest_ctx *x) {
  hs_jsonl_work *w = x->jsonl;
  int i;
  if (w) return w;
  w = hs_calloc(1, sizeof *w);
  w->nthreads = x->threads > 0 ? x->threads : 1;
  w->fix = hs_calloc((size_t)w->nthreads, sizeof *w->fix);
  w->extra = hs_calloc((size_t)w->nthreads, sizeof *w->extra);
  w->msgs = hs_calloc((size_t)w->nthreads, sizeof *w->msgs);
  for (i = 0; i < w->nthreads; i++) {
    hs_buf_init(&w->fix[i], 0);
    hs_buf_init(&w->extra[i], 0);
    hs_buf_init(&w->msgs[i], 0);
  }
  hs_buf_init(&w->spill, 0);
  x->jsonl = w;
  return w;
}

static int parse_range(void *ud, int thread, size_t begin, size_t end) {
  hs_jsonl_work *w = ud;
  size_t i;
  for (i = begin; i < end; i++) {
    if (w->lines[i].kind == L_LINE) hs_jsonl_parse_line(w, thread, &w->lines[i]);
  }
  return 0;
}

typedef struct jsonl_state {
  const char *source, *idbase;
  uint64_t lineno;
  int warned_utf8;
  unsigned noticed;     /* fields whose alternative name was reported */
  size_t batch_lines;   /* flush the batch at this many lines */
  size_t thread_bytes;  /* bytes of a batch per thread, at least */
} jsonl_state;

static void warn_duplicate(hs_ingest_ctx *x, const jsonl_state *st,
                           uint64_t lineno, const char *id, long prev) {
  const hs_doc *o = hs_corpus_doc(x->c, (size_t)prev);
  if (o->line) {
    hs_ingest_warn(x, st->source, lineno,
                   "duplicate id \"%.200s\" (first in %s:%llu); skipped", id,
                   o->source ? o->source : "?", (unsigned long long)o->line);
  } else {
    hs_ingest_warn(x, st->source, lineno,
                   "duplicate id \"%.200s\" (first in %s); skipped", id,
                   o->source ? o->source : "?");
  }
}

/* Commit one line's result; HS_EINTR when reading was stopped before it. */
static int commit_line(hs_ingest_ctx *x, jsonl_state *st, jline *l,
                       hs_error *err) {
  hs_doc *d = &l->d;
  long prev;
  hs_error e;
  if (l->kind != L_LONG_EARLY && hs_ingest_cancelled(x)) {
    return hs_error_set(err, HS_EINTR, "%s:%llu: interrupted", st->source,
                        (unsigned long long)l->lineno);
  }
  if (l->kind == L_LONG || l->kind == L_LONG_EARLY) {
    hs_ingest_warn(x, st->source, l->lineno,
                   "line longer than %zu bytes; skipped", x->max_line);
    return HS_OK;
  }
  if (l->kind != L_LINE) return HS_OK;
  if (l->utf8 && !st->warned_utf8) {
    hs_ingest_warn(x, st->source, l->lineno,
                   "invalid UTF-8 replaced by U+FFFD (reported for the "
                   "first such line only)");
    st->warned_utf8 = 1;
  }
  if (l->msg) hs_ingest_warn_text(x, st->source, l->lineno, l->msg);
  if (!d->id) return HS_OK;
  for (int f = 0; f < F_COUNT; f++) {
    if (l->alt[f] && !(st->noticed & (1u << f))) {
      st->noticed |= 1u << f;
      hs_field_notice(x, st->source, f, hs_field_alternative(f, l->alt[f]));
    }
  }
  prev = hs_corpus_find(x->c, d->id);
  if (prev >= 0) {
    warn_duplicate(x, st, l->lineno, d->id, prev);
    doc_release(d);
    return HS_OK;
  }
  if (l->cut) {
    hs_ingest_warn(x, st->source, l->lineno,
                   "\"text\" longer than %zu bytes; cut there", x->max_doc);
  }
  d->source = (char *)(uintptr_t)st->source;
  d->line = l->lineno;
  if (hs_corpus_take(x->c, d, &e))
    hs_ingest_warn(x, st->source, l->lineno, "%s; skipped", e.msg);
  else
    hs_ingest_added(x);
  memset(d, 0, sizeof *d);
  return HS_OK;
}

/* Parse the batch on the threads, commit it in order, empty it.  The
** last `keep` bytes of spill (an unfinished line) stay, moved to its
** start. */
static int batch_flush(hs_ingest_ctx *x, jsonl_state *st, hs_jsonl_work *w,
                       size_t keep, hs_error *err) {
  size_t i, nt = (size_t)w->nthreads;
  int rc = HS_OK;
  if (!w->n) return HS_OK;
  for (i = 0; i < w->n; i++) {
    if (w->lines[i].spilled) w->lines[i].p = w->spill.p + w->lines[i].off;
  }
  if (st->thread_bytes && nt > w->bytes / st->thread_bytes + 1)
    nt = w->bytes / st->thread_bytes + 1;
  hs_parallel_for((int)nt, w->n, 1, parse_range, w);
  for (i = 0; i < w->n; i++) {
    jline *l = &w->lines[i];
    if (l->msg_at) l->msg = w->msgs[l->thread].p + (l->msg_at - 1);
    if (!rc) rc = commit_line(x, st, l, err);
    doc_release(&l->d);
    if (!l->msg_at) free(l->msg);
  }
  for (i = 0; i < (size_t)w->nthreads; i++) {
    w->msgs[i].len = 0;
    if (w->msgs[i].cap > SCRATCH_KEEP) hs_buf_free(&w->msgs[i]);
  }
  w->n = w->bytes = 0;
  if (keep && keep < w->spill.len)
    memmove(w->spill.p, w->spill.p + w->spill.len - keep, keep);
  w->spill.len = keep;
  return rc;
}

static jline *batch_add(hs_jsonl_work *w, int kind, uint64_t lineno) {
  jline *l;
  HS_GROW(w->lines, w->cap, w->n + 1);
  l = &w->lines[w->n++];
  memset(l, 0, sizeof *l);
  l->kind = (unsigned char)kind;
  l->lineno = lineno;
  return l;
}

int hs_jsonl_read(hs_ingest_ctx *x, hs_input *in, const char *source,
                  const char *idbase, hs_error *err) {
  jsonl_state st;
  hs_jsonl_work *w = work_get(x);
  size_t cur = 0;   /* bytes of the unfinished line at the end of spill */
  int skipping = 0, rc = HS_OK;
  jline *l;

  memset(&st, 0, sizeof st);
  st.source = source;
  st.idbase = idbase;
  st.lineno = 0;
  st.warned_utf8 = 0;
  st.batch_lines = x->batch_lines ? x->batch_lines : BATCH_LINES;
  st.thread_bytes = x->batch_lines ? 0 : THREAD_BYTES;
  w->idbase = idbase;
  w->max_doc = x->max_doc;
  w->no_fast = x->no_fast;
  w->field = x->field;
  w->n = w->bytes = 0;
  w->spill.len = 0;
  json_object_seed(0);  /* before any thread builds an object */
  if (!w->cap && in->p && in->len > in->pos) {
    /* The batch sized at once by the lines in hand (a buffer read from
    ** memory is all in hand), rather than grown from 16 line by line. */
    const char *p = in->p + in->pos, *e = in->p + in->len;
    size_t k = 1;
    while (k < st.batch_lines && p < e &&
           (p = memchr(p, '\n', (size_t)(e - p))) != NULL) {
      p++;
      k++;
    }
    HS_GROW(w->lines, w->cap, k);
  }
  for (;;) {
    const char *p = in->p + in->pos;
    size_t n = in->len - in->pos;
    const char *nl = n ? memchr(p, '\n', n) : NULL;
    if (nl) {
      size_t k = (size_t)(nl - p);
      st.lineno++;
      if (skipping) {
        skipping = 0;
        batch_add(w, L_END, st.lineno);
      } else if (cur) {
        if (k > x->max_line - cur) {
          batch_add(w, L_LONG, st.lineno);
          w->spill.len -= cur;
        } else {
          hs_buf_append(&w->spill, p, k);
          l = batch_add(w, L_LINE, st.lineno);
          l->spilled = 1;
          l->off = w->spill.len - cur - k;
          l->n = cur + k;
          w->bytes += l->n;
        }
        cur = 0;
      } else if (k > x->max_line) {
        batch_add(w, L_LONG, st.lineno);
      } else {
        l = batch_add(w, L_LINE, st.lineno);
        l->p = p;
        l->n = k;
        w->bytes += k;
      }
      in->pos += k + 1;
      if (w->n >= st.batch_lines || w->bytes >= BATCH_BYTES) {
        if ((rc = batch_flush(x, &st, w, 0, err))) goto out;
      }
      continue;
    }
    /* Whatever is complete is committed before the next read, which
    ** may wait on a pipe: the chunk's lines are parsed before it is
    ** refilled, and lines that spanned chunks before more is read. */
    if ((rc = batch_flush(x, &st, w, cur, err))) goto out;
    if (n && !skipping) {
      if (n > x->max_line - cur) {
        batch_add(w, L_LONG_EARLY, st.lineno + 1);
        w->spill.len -= cur;
        cur = 0;
        skipping = 1;
      } else {
        hs_buf_append(&w->spill, p, n);
        cur += n;
      }
    }
    in->pos = in->len;
    if (in->eof) break;
    if ((rc = hs_input_fill(in, err))) goto out;
  }
  if (cur && !skipping) {
    st.lineno++;
    l = batch_add(w, L_LINE, st.lineno);
    l->spilled = 1;
    l->off = w->spill.len - cur;
    l->n = cur;
    w->bytes += cur;
  }
  rc = batch_flush(x, &st, w, 0, err);
out:
  /* After an early stop: drop what was parsed but not committed. */
  if (w->n) {
    size_t i;
    for (i = 0; i < w->n; i++)
      if (!w->lines[i].msg_at) free(w->lines[i].msg);
    w->n = 0;
  }
  w->spill.len = 0;
  w->bytes = 0;
  return rc;
}
