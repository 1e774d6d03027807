/*
** common.c — helpers shared by the hearsay command's subcommands: one-line
** warnings and errors, the progress bar, and the reading of inputs into
** the library (streamed into the reuse engine, so that a large corpus's
** text is never all in memory; page furniture is masked by the library's
** hs_boiler_mask stage).
*/
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

void cli_warn(void *ud, const char *where, const char *what) {
  cli *c = ud;
  c->warnings++;
  if (c->quiet) return;
  if (c->bar_drawn) {
    fputs("\r\033[K", stderr);
    c->bar_drawn = 0;
  }
  /* file names and ids are shown escaped: none can act on the terminal */
  fputs("hearsay: ", stderr);
  if (where && *where) {
    hs_write_text(stderr, where, 1);
    fputs(": ", stderr);
  }
  hs_write_text(stderr, what, 1);
  putc('\n', stderr);
}

/* The progress display.  On a terminal one line is redrawn in place:
**
**   hearsay: align    [######........................] 1200/5000 24%  410 docs/s  ETA 0:09
**   hearsay: reading  40960 docs  5120 docs/s  16.3 MB/s  0:08
**
** (stage, documents done/total, rate in documents and, where c->bytes grows
** during the stage, MB of text per second, both counted from the stage's
** first report; the ETA when the total is known, else the time spent in
** the stage).  It is redrawn at most ten times a second, and always for a
** stage's first report.  Into a file or pipe (only with --progress) the
** same text is written as plain lines: each stage's first report, at most
** one a second after it, and its last one when the next stage begins. */
static void progress_clock(char *buf, size_t size, double s) {
  unsigned long v = s > 0 && s < 1e9 ? (unsigned long)(s + 0.5) : 0;
  if (v >= 3600)
    snprintf(buf, size, "%lu:%02lu:%02lu", v / 3600, v / 60 % 60, v % 60);
  else
    snprintf(buf, size, "%lu:%02lu", v / 60, v % 60);
}

static void progress_draw(cli *c, double t) {
  uint64_t done = c->stage_done, total = c->stage_total;
  uint64_t shown = total && done > total ? total : done;
  double dt = t - c->stage_t0;
  double rate = dt > 0 ? (double)(done - c->stage_done0) / dt : 0;
  char clock[32];
  int fast = dt >= 0.05;
  /* What a stage counts: documents, except the out-of-core index's sort,
  ** which counts spill partitions. */
  const char *unit = !strcmp(c->stage, "sort") ? "partitions" : "docs";
  if (c->progress_mode == 1) fputs("\r\033[K", stderr);
  if (total) {
    int width = 30, fill = (int)((double)width * (double)shown / (double)total);
    int i;
    fprintf(stderr, "hearsay: %-8s [", c->stage);
    for (i = 0; i < width; i++) putc(i < fill ? '#' : '.', stderr);
    fprintf(stderr, "] %llu/%llu %d%%", (unsigned long long)done,
            (unsigned long long)total,
            (int)(100.0 * (double)shown / (double)total));
  } else {
    fprintf(stderr, "hearsay: %-8s %llu %s", c->stage,
            (unsigned long long)done, unit);
  }
  if (fast && done > c->stage_done0)
    fprintf(stderr, rate < 10 ? "  %.2f %s/s" : "  %.0f %s/s", rate, unit);
  if (fast && c->bytes > c->stage_bytes0)
    fprintf(stderr, "  %.1f MB/s",
            (double)(c->bytes - c->stage_bytes0) / 1e6 / dt);
  if (total && done < total && rate > 0) {
    progress_clock(clock, sizeof clock, (double)(total - done) / rate);
    fprintf(stderr, "  ETA %s", clock);
  } else if (fast) {
    progress_clock(clock, sizeof clock, dt);
    fprintf(stderr, "  %s", clock);
  }
  if (c->progress_mode == 2) putc('\n', stderr);
  fflush(stderr);
  c->bar_drawn = c->progress_mode == 1;
  c->stage_pending = 0;
  c->last_draw = t;
}

static double progress_now(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}

int cli_progress(void *ud, const char *stage, uint64_t done,
                 uint64_t total) {
  cli *c = ud;
  double t;
  if (g_interrupted) return 1;
  if (!c->progress) return 0;
  if (!c->progress_mode) c->progress_mode = isatty(STDERR_FILENO) ? 1 : 2;
  t = progress_now();
  if (!c->stage || strcmp(c->stage, stage)) {
    if (c->stage && c->stage_pending && c->progress_mode == 2)
      progress_draw(c, t);
    c->stage = stage;
    c->stage_t0 = t;
    c->stage_done0 = done;
    c->stage_bytes0 = c->bytes;
    c->stage_done = done;
    c->stage_total = total;
    progress_draw(c, t);
    return 0;
  }
  if (done == c->stage_done && total == c->stage_total) return 0;
  c->stage_done = done;
  c->stage_total = total;
  c->stage_pending = 1;
  if (t - c->last_draw >= (c->progress_mode == 1 ? 0.1 : 1.0))
    progress_draw(c, t);
  return 0;
}

void cli_progress_done(cli *c) {
  if (c->stage && c->stage_pending && c->progress_mode == 2)
    progress_draw(c, progress_now());
  if (c->bar_drawn) {
    fputs("\r\033[K", stderr);
    fflush(stderr);
    c->bar_drawn = 0;
  }
  c->stage = NULL;
  c->stage_pending = 0;
}

int cli_exit_code(int status) {
  switch (status) {
    case HS_OK: return 0;
    case HS_EUSAGE: return 1;
    case HS_EINPUT: return 2;
    case HS_EIO: return 3;
    case HS_EDB: return 4;
    case HS_ENOMEM: return 5;
    case HS_EINTR: return 130;
    default: return 2;
  }
}

int cli_fail(cli *c, const hs_error *err) {
  cli_progress_done(c);
  if (c->opts.rank > 0) /* MPI: the ranks agreed; rank 0 says it */
    return cli_exit_code(err->code);
  /* A signal makes whatever step was running fail, with HS_EINTR or with
  ** the error of the SQL statement it stopped: either way the cause is the
  ** interruption. */
  if (err->code == HS_EINTR || g_interrupted) {
    fprintf(stderr, "hearsay: interrupted; nothing of the unfinished step "
                    "was kept\n");
    return cli_exit_code(HS_EINTR);
  }
  fputs("hearsay: ", stderr);
  hs_write_text(stderr, err->msg[0] ? err->msg : hs_status_name(err->code), 1);
  putc('\n', stderr);
  return cli_exit_code(err->code);
}

int cli_stdout_done(void) {
  if (fflush(stdout) == 0 && !ferror(stdout)) return 0;
  fprintf(stderr, "hearsay: cannot write the output: %s\n", strerror(errno));
  return 3;
}

int cli_usage_error(const char *fmt, ...) {
  va_list ap;
  fputs("hearsay: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputs("\nTry 'hearsay --help' or 'hearsay help COMMAND'.\n", stderr);
  return 1;
}

int cli_parse_long(const char *s, long lo, long hi, long *out) {
  char *end;
  long v;
  errno = 0;
  v = strtol(s, &end, 10);
  if (errno || end == s || *end || v < lo || v > hi) return -1;
  *out = v;
  return 0;
}

/* A size in bytes with an optional K, M, G or T suffix (powers of 1024);
** at least 1M. */
int cli_parse_size(const char *s, uint64_t *out) {
  char *end;
  double v;
  uint64_t mult = 1;
  errno = 0;
  v = strtod(s, &end);
  if (errno || end == s || !(v > 0)) return -1;
  switch (*end) {
    case 'k': case 'K': mult = (uint64_t)1 << 10; end++; break;
    case 'm': case 'M': mult = (uint64_t)1 << 20; end++; break;
    case 'g': case 'G': mult = (uint64_t)1 << 30; end++; break;
    case 't': case 'T': mult = (uint64_t)1 << 40; end++; break;
    default: break;
  }
  if (*end == 'B' || *end == 'b') end++;
  if (*end || v * (double)mult < (double)(1 << 20) || v * (double)mult > 1e18)
    return -1;
  *out = (uint64_t)(v * (double)mult);
  return 0;
}

int cli_parse_double(const char *s, double lo, double hi, double *out) {
  char *end;
  double v;
  errno = 0;
  v = strtod(s, &end);
  if (errno || end == s || *end || !(v >= lo && v <= hi)) return -1;
  *out = v;
  return 0;
}

int cli_read_inputs(cli *c, hs_corpus *corpus,
                       int (*on_doc)(void *, hs_corpus *, size_t), void *ud,
                       hs_error *err) {
  hs_ingest_opts io;
  int i, rc;
  memset(&io, 0, sizeof io);
  io.warn = cli_warn;
  io.warn_ud = c;
  io.cancel = (const volatile int *)&g_interrupted;
  io.on_doc = on_doc;
  io.on_doc_ud = ud;
  io.threads = c->opts.threads; /* --threads: 0 = all cores */
  io.id_field = c->field[0];
  io.text_field = c->field[1];
  io.series_field = c->field[2];
  io.date_field = c->field[3];
  io.title_field = c->field[4];
  io.url_field = c->field[5];
  /* Under MPI every rank reads the inputs itself, and standard input
  ** reaches rank 0 only: the other ranks would see nothing. */
  for (i = 0; i < c->npaths && c->opts.nranks > 1; i++)
    if (!strcmp(c->paths[i], "-"))
      return hs_error_set(err, HS_EINPUT,
                          "standard input: under MPI it reaches rank 0 only "
                          "and the ranks read different inputs; give the "
                          "input as a file that every rank can read");
  for (i = 0; i < c->npaths; i++) {
    if ((rc = hs_ingest_path(corpus, c->paths[i], &io, err))) return rc;
    cli_progress(c, "reading", hs_corpus_count(corpus), 0);
  }
  return HS_OK;
}

/* Tokenizing while reading: the documents read are handed to the engine
** (which tokenizes them on all cores) in batches and their texts freed, so
** the whole corpus's text is never in memory at once.  The engine works on
** one batch on a thread of its own while the next batch is read: reading
** is partly serial (lines are split, and documents committed, in input
** order), and overlapping it with tokenizing keeps the cores busy.  A
** batch goes to the engine as soon as the engine is free and STREAM_MIN
** documents wait, rather than when STREAM_MAX do, so that the engine does
** not wait for the reader while it has work; the reader waits for the
** engine only when STREAM_MAX documents wait (the bound on texts held).
** With --threads 1 the engine runs on the reader's thread, every
** STREAM_MAX documents.
** The engine gets copies of the batch's hs_doc structs, since the
** corpus's array of them moves as it grows; the texts they point at stay
** put until the batch is done and they are released. */
enum { STREAM_MIN = 256, STREAM_MAX = 1024 };

typedef struct streamer {
  cli *c;
  hs_engine *e;
  int keep_text;
  hs_error err;          /* of the batch in flight */
  size_t flushed;        /* documents handed to the engine */
  size_t first, count;   /* the batch in flight (count 0: none) */
  hs_doc *batch;         /* copies of its documents */
  size_t capbatch;
  pthread_t thread;
  int running;           /* thread started, not yet joined */
  int done;              /* atomic: its batch is done */
  int rc;                /* its result */
} streamer;

static void *stream_add(void *ud) {
  streamer *st = ud;
  st->rc = hs_engine_add_docs(st->e, st->batch, st->count, NULL, &st->err);
  __atomic_store_n(&st->done, 1, __ATOMIC_RELEASE);
  return NULL;
}

/* Wait for the batch in flight, then release what it no longer needs. */
static int stream_wait(streamer *st, hs_corpus *corpus) {
  size_t i, end = st->first + st->count;
  if (st->running) pthread_join(st->thread, NULL);
  st->running = 0;
  if (!st->count) return HS_OK;
  st->count = 0;
  if (st->rc) return st->rc;
  for (i = st->first; i < end; i++)
    st->c->bytes += hs_corpus_doc(corpus, i)->len;
  if (!st->keep_text)
    for (i = st->first; i < end; i++) hs_corpus_release_text(corpus, i);
  if (st->c->ids_only)
    for (i = st->first; i < end; i++) hs_corpus_release_meta(corpus, i);
  return cli_progress(st->c, "reading", end, 0) ? HS_EINTR : HS_OK;
}

/* Hand the documents read since the last batch to the engine: on a thread
** of its own, unless this is the last batch (then wait for it here) or
** --threads 1 asked for one thread. */
static int stream_flush(streamer *st, hs_corpus *corpus, int last) {
  size_t count = hs_corpus_count(corpus);
  int rc;
  if ((rc = stream_wait(st, corpus))) return rc;
  if (count == st->flushed) return HS_OK;
  if (count - st->flushed > st->capbatch) {
    hs_doc *b = realloc(st->batch, (count - st->flushed) * sizeof *b);
    if (!b) return hs_error_set(&st->err, HS_ENOMEM, "out of memory");
    st->batch = b;
    st->capbatch = count - st->flushed;
  }
  st->first = st->flushed;
  st->count = count - st->flushed;
  memcpy(st->batch, hs_corpus_doc(corpus, st->first),
         st->count * sizeof *st->batch);
  st->flushed = count;
  st->done = 0;
  if (!last && st->c->opts.threads != 1 &&
      pthread_create(&st->thread, NULL, stream_add, st) == 0)
    st->running = 1;
  else
    stream_add(st);
  return last ? stream_wait(st, corpus) : HS_OK;
}

static int stream_on_doc(void *ud, hs_corpus *corpus, size_t index) {
  streamer *st = ud;
  size_t waiting = index + 1 - st->flushed;
  if (waiting < STREAM_MIN) return 0;
  if (waiting < STREAM_MAX &&
      (st->c->opts.threads == 1 || /* no thread: batches of STREAM_MAX */
       (st->running && !__atomic_load_n(&st->done, __ATOMIC_ACQUIRE))))
    return 0; /* the engine is busy: read on */
  return stream_flush(st, corpus, 0);
}

/* The engine and the page-furniture lines of a run, freed on a thread of
** their own: tens of thousands of token tables, whose freeing would
** otherwise wait between the run and the output. */
typedef struct reaper {
  pthread_t thread;
  hs_engine *e;
  hs_boiler_lines *lines;
} reaper;

static void *reap(void *ud) {
  reaper *r = ud;
  hs_engine_free(r->e);
  hs_boiler_lines_free(r->lines);
  return NULL;
}

static void free_later(cli *c, hs_engine *e, hs_boiler_lines *lines) {
  reaper *r;
  cli_reap(c);
  r = c->opts.threads != 1 ? malloc(sizeof *r) : NULL;
  if (r) {
    r->e = e;
    r->lines = lines;
    if (pthread_create(&r->thread, NULL, reap, r) == 0) {
      c->reaper = r;
      return;
    }
    free(r);
  }
  hs_engine_free(e);
  hs_boiler_lines_free(lines);
}

void cli_reap(cli *c) {
  reaper *r = c->reaper;
  if (!r) return;
  pthread_join(r->thread, NULL);
  free(r);
  c->reaper = NULL;
}

/* Passages of the documents named on the command line, families assigned.
** Unless keep_text is set (the text format quotes the passages), texts are
** freed as soon as they are tokenized: the output needs only offsets. */
int cli_find_passages(cli *c, hs_corpus *corpus, int keep_text,
                         hs_passage **p, size_t *n, uint32_t **words,
                         hs_error *err) {
  streamer st;
  hs_reuse_opts o = c->opts;
  hs_boiler_lines *lines = NULL;
  size_t i, ndocs;
  int rc, ran = 0;
  memset(&st, 0, sizeof st);
  st.c = c;
  st.keep_text = keep_text;
  /* Page furniture (the library's hs_boiler_mask_* stage, as in
  ** hs_reuse_find_masked): fixed patterns as the documents are tokenized;
  ** lines an outlet repeats are recorded while the texts stream by and
  ** masked once all are read. */
  if (o.mask_tokens) o.mask_ud = lines = hs_boiler_lines_new();
  if ((rc = hs_engine_new(&st.e, &o, err))) {
    hs_boiler_lines_free(lines);
    return rc;
  }
  rc = cli_read_inputs(c, corpus, stream_on_doc, &st, err);
  if (rc == HS_EINTR && st.err.code && st.err.code != HS_EINTR) *err = st.err;
  if (rc) goto out;
  if ((rc = stream_flush(&st, corpus, 1))) {
    *err = st.err;
    if (rc == HS_EINTR) hs_error_set(err, HS_EINTR, "interrupted");
    goto out;
  }
  ndocs = hs_corpus_count(corpus);
  if ((rc = hs_boiler_mask_engine(lines, st.e, ndocs, err))) goto out;
  ran = 1; /* collective under MPI: a failure there is agreed on */
  if ((rc = hs_engine_run(st.e, 0, p, n, err))) goto out;
  if ((rc = hs_families_assign(*p, *n, err))) goto out;
  if (words) {
    *words = calloc(ndocs + 1, sizeof **words);
    if (!*words) {
      rc = hs_error_set(err, HS_ENOMEM, "out of memory");
      goto out;
    }
    for (i = 0; i < ndocs; i++) (*words)[i] = hs_engine_doc_words(st.e, i);
  }
out:
  /* MPI: a rank that failed before the run tells the others, waiting in
  ** it, so that all end with this error. */
  if (rc && !ran && c->opts.nranks > 1) rc = hs_mpi_agree(rc, err);
  if (st.running) pthread_join(st.thread, NULL); /* reading failed */
  free(st.batch);
  free_later(c, st.e, lines);
  return rc;
}

/* The filters given on the command line (--min-words, --min-similarity,
** --no-internal) applied to passages read back from a store; when some are
** dropped, families are numbered again over those that are left, as a
** run with these options over the files would number them. */
static int filter_stored(cli *c, hs_passage *p, size_t *n, hs_error *err) {
  size_t i, m = 0;
  int words = cli_given(c, "min-words"), sim = cli_given(c, "min-similarity");
  for (i = 0; i < *n; i++) {
    if (words && p[i].words < (uint32_t)c->opts.min_words) continue;
    if (sim && p[i].similarity < c->opts.min_similarity) continue;
    if (!c->opts.internal && p[i].internal) continue;
    p[m++] = p[i];
  }
  if (m == *n) return HS_OK;
  *n = m;
  return hs_families_assign(p, m, err);
}

/* Passages and documents of a store; doc word counts if asked. */
int cli_load_store(cli *c, hs_corpus *corpus, hs_passage **p, size_t *n,
                      uint32_t **words, hs_error *err) {
  hs_store *s = NULL;
  int rc;
  size_t i, ndocs;
  (void)c;
  if ((rc = hs_store_open(&s, c->db, err))) return rc;
  hs_store_set_cancel(s, (const volatile int *)&g_interrupted);
  if ((rc = hs_store_load_docs(s, corpus, err))) goto out;
  if ((rc = hs_store_load_passages(s, p, n, err))) goto out;
  ndocs = hs_corpus_count(corpus);
  /* SQLite does not notice every damaged page: a table that reads back
  ** short shows as passages naming documents that are not there */
  for (i = 0; i < *n; i++)
    if ((*p)[i].a.doc >= ndocs || (*p)[i].b.doc >= ndocs) {
      rc = hs_error_set(err, HS_EDB, "%s: database is damaged (a passage "
                        "names document %u of %zu read); restore it from a "
                        "backup", c->db,
                        (*p)[i].a.doc >= ndocs ? (*p)[i].a.doc
                                               : (*p)[i].b.doc,
                        ndocs);
      goto out;
    }
  if ((rc = filter_stored(c, *p, n, err))) goto out;
  if (words) {
    *words = calloc(ndocs + 1, sizeof **words);
    if (!*words) {
      rc = hs_error_set(err, HS_ENOMEM, "out of memory");
      goto out;
    }
    for (i = 0; i < ndocs; i++) {
      const hs_doc *d = hs_corpus_doc(corpus, i);
      (*words)[i] = (uint32_t)hs_count_words(d->text, d->len);
    }
  }
out:
  hs_store_close(s);
  return rc;
}


int cli_db_or_paths(const cli *c, hs_error *err) {
  if (c->db && c->npaths)
    return hs_error_set(err, HS_EUSAGE, "give either --db FILE or paths to "
                        "'%s', not both (to add paths to a store, use "
                        "'hearsay index --db FILE PATH')", c->cmd);
  if (!c->db && !c->npaths)
    return hs_error_set(err, HS_EUSAGE, "'%s' needs at least one PATH (or "
                        "--db FILE); try 'hearsay %s --help'", c->cmd, c->cmd);
  return HS_OK;
}
