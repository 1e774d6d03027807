/*
** main.c — the hearsay command.  It parses arguments, wires warnings,
** progress and Ctrl-C to the library, and maps status codes to exit codes;
** all the work is done by libhearsay through include/hearsay.h.
**
** The only global state of the program lives here: the interrupt flag set
** by the signal handler (the library polls it through the progress and
** cancel hooks, so an interrupted `index` rolls back its open transaction
** and leaves the database as it was after the last committed batch).
*/
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "hearsay.h"

static volatile sig_atomic_t g_interrupted = 0;

static void on_signal(int sig) {
  (void)sig;
  g_interrupted = 1;
  signal(SIGINT, SIG_DFL); /* a second Ctrl-C ends the program at once */
}

typedef struct cli {
  const char *cmd;
  const char *db;
  int format;            /* -1 until chosen */
  int progress;          /* show a progress bar on stderr */
  int quiet;
  double threshold;      /* dups */
  size_t batch;          /* index: documents per committed batch (0 = auto) */
  hs_reuse_opts opts;
  const char **paths;
  int npaths;
  unsigned long warnings;
  int bar_drawn;
  struct timespec t0;
} cli;

/* ------------------------------------------------------------ messages */

static void warn_cb(void *ud, const char *where, const char *what) {
  cli *c = ud;
  c->warnings++;
  if (c->quiet) return;
  if (c->bar_drawn) {
    fputs("\r\033[K", stderr);
    c->bar_drawn = 0;
  }
  if (where && *where) fprintf(stderr, "hearsay: %s: %s\n", where, what);
  else fprintf(stderr, "hearsay: %s\n", what);
}

static int progress_cb(void *ud, const char *stage, uint64_t done,
                       uint64_t total) {
  cli *c = ud;
  if (g_interrupted) return 1;
  if (!c->progress) return 0;
  if (total) {
    int width = 30, fill = (int)((double)width * (double)done / (double)total);
    int i;
    fprintf(stderr, "\r\033[Khearsay: %-8s [", stage);
    for (i = 0; i < width; i++) putc(i < fill ? '#' : '.', stderr);
    fprintf(stderr, "] %llu/%llu", (unsigned long long)done,
            (unsigned long long)total);
  } else {
    fprintf(stderr, "\r\033[Khearsay: %-8s %llu", stage,
            (unsigned long long)done);
  }
  fflush(stderr);
  c->bar_drawn = 1;
  return 0;
}

static void progress_done(cli *c) {
  if (c->bar_drawn) {
    fputs("\r\033[K", stderr);
    fflush(stderr);
    c->bar_drawn = 0;
  }
}

static int exit_code(int status) {
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

static int fail(cli *c, const hs_error *err) {
  progress_done(c);
  if (err->code == HS_EINTR)
    fprintf(stderr, "hearsay: interrupted; nothing of the unfinished step "
                    "was kept\n");
  else
    fprintf(stderr, "hearsay: %s\n",
            err->msg[0] ? err->msg : hs_status_name(err->code));
  return exit_code(err->code);
}

static const char *usage_text =
    "usage: hearsay COMMAND [OPTIONS] PATH...\n"
    "\n"
    "Commands:\n"
    "  reuse PATH...        passages reused between documents (and repeated\n"
    "                       inside one); PATH is a file, a directory, a .jsonl\n"
    "                       (.gz, .zst) file, or - for standard input\n"
    "  reuse --db FILE      the passages stored in FILE\n"
    "  dups PATH...         groups of near-duplicate documents\n"
    "  dups --db FILE       the same, from a store\n"
    "  index --db FILE PATH...  add documents to a store; only new ones are\n"
    "                       processed\n"
    "  version              print the version\n"
    "\n"
    "Options:\n"
    "  --format jsonl|tsv|text  output format (default: text on a terminal,\n"
    "                       jsonl otherwise)\n"
    "  --db FILE            the SQLite store\n"
    "  --ngram N            words per seed n-gram (default 5)\n"
    "  --min-words N        shortest passage reported, in words (default 12)\n"
    "  --df-cap N           ignore n-grams found in more than N documents\n"
    "                       (default 100)\n"
    "  --max-gap N          words of edit bridged inside a passage (default 24)\n"
    "  --min-similarity X   drop passages less similar than X (default 0.5)\n"
    "  --no-internal        do not report repeats inside one document\n"
    "  --threshold X        dups: share of each document that must be reused\n"
    "                       (default 0.8)\n"
    "  --batch N            index: documents committed per transaction\n"
    "  --threads N          worker threads (default 0: all cores)\n"
    "  --progress, --no-progress  force the progress bar on or off\n"
    "  -q, --quiet          no warnings\n"
    "\n"
    "Exit status: 0 done (warnings possible), 1 usage, 2 input, 3 I/O,\n"
    "4 database, 5 out of memory, 130 interrupted.  See docs/cli.md.\n";

static int usage_error(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...) {
  va_list ap;
  fputs("hearsay: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputs("\nTry 'hearsay --help'.\n", stderr);
  return 1;
}

/* ------------------------------------------------------------ arguments */

static int parse_long(const char *s, long lo, long hi, long *out) {
  char *end;
  long v;
  errno = 0;
  v = strtol(s, &end, 10);
  if (errno || end == s || *end || v < lo || v > hi) return -1;
  *out = v;
  return 0;
}

static int parse_double(const char *s, double lo, double hi, double *out) {
  char *end;
  double v;
  errno = 0;
  v = strtod(s, &end);
  if (errno || end == s || *end || !(v >= lo && v <= hi)) return -1;
  *out = v;
  return 0;
}

static int parse_args(cli *c, int argc, char **argv) {
  int i, only_paths = 0;
  c->paths = calloc((size_t)argc + 1, sizeof *c->paths);
  if (!c->paths) return 5;
  for (i = 2; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    long n;
    double x;
#define NEED_VALUE()                                                  \
  do {                                                                \
    if (!v) return usage_error("option %s needs a value", a);         \
    i++;                                                              \
  } while (0)
    if (only_paths || a[0] != '-' || !strcmp(a, "-")) {
      c->paths[c->npaths++] = a;
    } else if (!strcmp(a, "--")) {
      only_paths = 1;
    } else if (!strcmp(a, "--db")) {
      NEED_VALUE();
      c->db = v;
    } else if (!strcmp(a, "--format")) {
      NEED_VALUE();
      if ((c->format = hs_format_parse(v)) < 0)
        return usage_error("unknown format '%s' (use jsonl, tsv or text)", v);
    } else if (!strcmp(a, "--ngram")) {
      NEED_VALUE();
      if (parse_long(v, 1, 32, &n)) return usage_error("--ngram wants 1..32, not '%s'", v);
      c->opts.ngram = (int)n;
    } else if (!strcmp(a, "--min-words")) {
      NEED_VALUE();
      if (parse_long(v, 1, 1000000, &n)) return usage_error("--min-words wants a positive number, not '%s'", v);
      c->opts.min_words = (int)n;
    } else if (!strcmp(a, "--df-cap")) {
      NEED_VALUE();
      if (parse_long(v, 2, INT_MAX, &n)) return usage_error("--df-cap wants a number >= 2, not '%s'", v);
      c->opts.df_cap = (int)n;
    } else if (!strcmp(a, "--max-gap")) {
      NEED_VALUE();
      if (parse_long(v, 0, 10000, &n)) return usage_error("--max-gap wants 0..10000, not '%s'", v);
      c->opts.max_gap = (int)n;
    } else if (!strcmp(a, "--min-similarity")) {
      NEED_VALUE();
      if (parse_double(v, 0, 1, &x)) return usage_error("--min-similarity wants 0..1, not '%s'", v);
      c->opts.min_similarity = x;
    } else if (!strcmp(a, "--threshold")) {
      NEED_VALUE();
      if (parse_double(v, 0, 1, &x)) return usage_error("--threshold wants 0..1, not '%s'", v);
      c->threshold = x;
    } else if (!strcmp(a, "--threads")) {
      NEED_VALUE();
      if (parse_long(v, 0, 1024, &n)) return usage_error("--threads wants 0..1024 (0: all cores), not '%s'", v);
      c->opts.threads = (int)n;
    } else if (!strcmp(a, "--batch")) {
      NEED_VALUE();
      if (parse_long(v, 1, INT_MAX, &n)) return usage_error("--batch wants a positive number, not '%s'", v);
      c->batch = (size_t)n;
    } else if (!strcmp(a, "--no-internal")) {
      c->opts.internal = 0;
    } else if (!strcmp(a, "--progress")) {
      c->progress = 1;
    } else if (!strcmp(a, "--no-progress")) {
      c->progress = 0;
    } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
      c->quiet = 1;
    } else {
      return usage_error("unknown option '%s'", a);
    }
#undef NEED_VALUE
  }
  return 0;
}

/* ------------------------------------------------------------ commands */

static int read_inputs(cli *c, hs_corpus *corpus,
                       int (*on_doc)(void *, hs_corpus *, size_t), void *ud,
                       hs_error *err) {
  hs_ingest_opts io;
  int i, rc;
  memset(&io, 0, sizeof io);
  io.warn = warn_cb;
  io.warn_ud = c;
  io.cancel = (const volatile int *)&g_interrupted;
  io.on_doc = on_doc;
  io.on_doc_ud = ud;
  for (i = 0; i < c->npaths; i++) {
    if ((rc = hs_ingest_path(corpus, c->paths[i], &io, err))) return rc;
    progress_cb(c, "reading", hs_corpus_count(corpus), 0);
  }
  return HS_OK;
}

/* Tokenizing while reading: every STREAM_DOCS documents read are handed to
** the engine (which tokenizes them on all cores) and their texts freed, so
** the whole corpus's text is never in memory at once. */
enum { STREAM_DOCS = 2048 };

typedef struct streamer {
  cli *c;
  hs_engine *e;
  int keep_text;
  hs_error err;
} streamer;

static int stream_flush(streamer *st, hs_corpus *corpus) {
  size_t first = hs_engine_count(st->e), count = hs_corpus_count(corpus);
  size_t i;
  if (count == first) return HS_OK;
  if (hs_engine_add(st->e, corpus, first, count - first, &st->err))
    return st->err.code;
  if (!st->keep_text)
    for (i = first; i < count; i++) hs_corpus_release_text(corpus, i);
  return progress_cb(st->c, "reading", count, 0) ? HS_EINTR : HS_OK;
}

static int stream_on_doc(void *ud, hs_corpus *corpus, size_t index) {
  streamer *st = ud;
  if (index + 1 - hs_engine_count(st->e) < STREAM_DOCS) return 0;
  return stream_flush(st, corpus);
}

/* Passages of the documents named on the command line, families assigned.
** Unless keep_text is set (the text format quotes the passages), texts are
** freed as soon as they are tokenized: the output needs only offsets. */
static int find_passages(cli *c, hs_corpus *corpus, int keep_text,
                         hs_passage **p, size_t *n, uint32_t **words,
                         hs_error *err) {
  streamer st;
  size_t i, ndocs;
  int rc;
  memset(&st, 0, sizeof st);
  st.c = c;
  st.keep_text = keep_text;
  if ((rc = hs_engine_new(&st.e, &c->opts, err))) return rc;
  rc = read_inputs(c, corpus, stream_on_doc, &st, err);
  if (rc == HS_EINTR && st.err.code && st.err.code != HS_EINTR) *err = st.err;
  if (rc) goto out;
  if ((rc = stream_flush(&st, corpus))) {
    *err = st.err;
    if (rc == HS_EINTR) hs_error_set(err, HS_EINTR, "interrupted");
    goto out;
  }
  ndocs = hs_corpus_count(corpus);
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
  hs_engine_free(st.e);
  return rc;
}

/* Passages and documents of a store; doc word counts if asked. */
static int load_store(cli *c, hs_corpus *corpus, hs_passage **p, size_t *n,
                      uint32_t **words, hs_error *err) {
  hs_store *s = NULL;
  int rc;
  size_t i, ndocs;
  (void)c;
  if ((rc = hs_store_open(&s, c->db, err))) return rc;
  if ((rc = hs_store_load_docs(s, corpus, err))) goto out;
  if ((rc = hs_store_load_passages(s, p, n, err))) goto out;
  ndocs = hs_corpus_count(corpus);
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

static int cmd_reuse(cli *c) {
  hs_corpus *corpus = hs_corpus_new();
  hs_passage *p = NULL;
  size_t n = 0;
  hs_error err;
  int rc;
  hs_error_clear(&err);
  if (c->db && c->npaths)
    rc = hs_error_set(&err, HS_EUSAGE,
                      "give either --db FILE or paths to 'reuse' (to add "
                      "paths to a store, use 'hearsay index --db FILE PATH')");
  else if (!c->db && !c->npaths)
    rc = hs_error_set(&err, HS_EUSAGE, "'reuse' needs at least one PATH "
                                       "(or --db FILE); try 'hearsay --help'");
  else if (c->db)
    rc = load_store(c, corpus, &p, &n, NULL, &err);
  else
    rc = find_passages(c, corpus, c->format == HS_FORMAT_TEXT, &p, &n, NULL,
                       &err);
  progress_done(c);
  if (!rc) rc = hs_write_passages(stdout, c->format, corpus, p, n, &err);
  free(p);
  hs_corpus_free(corpus);
  return rc ? fail(c, &err) : 0;
}

static int cmd_dups(cli *c) {
  hs_corpus *corpus = hs_corpus_new();
  hs_passage *p = NULL;
  uint32_t *words = NULL;
  int32_t *group = NULL;
  size_t n = 0, ngroups = 0;
  hs_error err;
  int rc;
  hs_error_clear(&err);
  if (!c->db && !c->npaths)
    rc = hs_error_set(&err, HS_EUSAGE, "'dups' needs at least one PATH "
                                       "(or --db FILE)");
  else if (c->db && c->npaths)
    rc = hs_error_set(&err, HS_EUSAGE, "give either --db FILE or paths");
  else if (c->db)
    rc = load_store(c, corpus, &p, &n, &words, &err);
  else
    rc = find_passages(c, corpus, 0, &p, &n, &words, &err);
  if (!rc)
    rc = hs_dups_group(p, n, hs_corpus_count(corpus), words, c->threshold,
                       &group, &ngroups, &err);
  progress_done(c);
  if (!rc) rc = hs_write_dups(stdout, c->format, corpus, group, ngroups, &err);
  free(group);
  free(words);
  free(p);
  hs_corpus_free(corpus);
  return rc ? fail(c, &err) : 0;
}

/* index: the store's documents are loaded and tokenized (they are the
** "old" side), the named paths are read, documents already stored are
** skipped, and the rest are aligned and committed in batches, each batch
** one transaction: an interruption loses at most the batch in progress. */
static int cmd_index(cli *c) {
  hs_store *s = NULL;
  hs_corpus *corpus = hs_corpus_new(), *incoming = hs_corpus_new();
  hs_engine *e = NULL;
  hs_passage *p = NULL;
  size_t n = 0, old, i, added = 0, skipped = 0, changed = 0, npass = 0;
  size_t first, batch, ntotal;
  hs_error err;
  int rc;
  hs_error_clear(&err);
  if (!c->db) {
    rc = hs_error_set(&err, HS_EUSAGE, "'index' needs --db FILE");
    goto out;
  }
  if ((rc = read_inputs(c, incoming, NULL, NULL, &err))) goto out;
  if ((rc = hs_store_open(&s, c->db, &err))) goto out;
  if ((rc = hs_store_check_opts(s, &c->opts, &err))) goto out;
  if ((rc = hs_store_load_docs(s, corpus, &err))) goto out;
  old = hs_corpus_count(corpus);
  for (i = 0; i < hs_corpus_count(incoming); i++) {
    const hs_doc *d = hs_corpus_doc(incoming, i);
    long at = hs_corpus_find(corpus, d->id);
    if (at >= 0) {
      const hs_doc *o = hs_corpus_doc(corpus, (size_t)at);
      if (o->len != d->len || memcmp(o->text, d->text, d->len)) {
        char what[512];
        snprintf(what, sizeof what, "document '%s' is already stored with "
                 "a different text; the stored version is kept", d->id);
        warn_cb(c, d->source, what);
        changed++;
      } else {
        skipped++;
      }
      continue;
    }
    if ((rc = hs_corpus_add(corpus, d->id, d->text, d->len, d->series,
                            d->date, d->title, d->url, d->extra, d->source,
                            d->line, &err)))
      goto out;
    hs_corpus_release_text(incoming, i);
  }
  hs_corpus_free(incoming);
  incoming = NULL;
  ntotal = hs_corpus_count(corpus);
  if ((rc = hs_engine_new(&e, &c->opts, &err))) goto out;
  progress_cb(c, "tokens", 0, ntotal);
  if ((rc = hs_engine_add(e, corpus, 0, old, &err))) goto out;
  batch = c->batch ? c->batch : (ntotal - old) / 8;
  if (!c->batch && batch < 1000) batch = 1000;
  for (first = old; first < ntotal; first += batch) {
    size_t count = ntotal - first < batch ? ntotal - first : batch;
    if (g_interrupted) {
      rc = hs_error_set(&err, HS_EINTR, "interrupted");
      goto out;
    }
    if ((rc = hs_engine_add(e, corpus, first, count, &err))) goto out;
    if ((rc = hs_engine_run(e, first, &p, &n, &err))) goto out;
    if (g_interrupted) {
      rc = hs_error_set(&err, HS_EINTR, "interrupted");
      goto out;
    }
    if ((rc = hs_store_commit(s, corpus, first, count, p, n, &err))) goto out;
    added += count;
    npass += n;
    free(p);
    p = NULL;
    progress_cb(c, "stored", first + count - old, ntotal - old);
  }
  progress_done(c);
  if (!c->quiet)
    fprintf(stderr,
            "hearsay: %s: %zu documents added, %zu already stored%s, "
            "%zu new passages; %zu documents in all\n",
            c->db, added, skipped + changed,
            changed ? " (some with a different text)" : "", npass, ntotal);
out:
  free(p);
  hs_engine_free(e);
  hs_store_close(s);
  hs_corpus_free(incoming);
  hs_corpus_free(corpus);
  return rc ? fail(c, &err) : 0;
}

int main(int argc, char **argv) {
  cli c;
  int rc;
  memset(&c, 0, sizeof c);
  hs_reuse_opts_default(&c.opts);
  c.format = -1;
  c.threshold = 0.8;
  c.progress = isatty(STDERR_FILENO);
  c.opts.progress = progress_cb;
  c.opts.progress_ud = &c;
  if (argc < 2) {
    fputs(usage_text, stderr);
    return 1;
  }
  c.cmd = argv[1];
  if (!strcmp(c.cmd, "help") || !strcmp(c.cmd, "--help") ||
      !strcmp(c.cmd, "-h")) {
    fputs(usage_text, stdout);
    return 0;
  }
  if (!strcmp(c.cmd, "version") || !strcmp(c.cmd, "--version")) {
    printf("hearsay %s\n", HS_VERSION);
    return 0;
  }
  if (strcmp(c.cmd, "reuse") && strcmp(c.cmd, "dups") &&
      strcmp(c.cmd, "index"))
    return usage_error("unknown command '%s'", c.cmd);
  if ((rc = parse_args(&c, argc, argv))) {
    free(c.paths);
    return rc;
  }
  if (c.format < 0)
    c.format = isatty(STDOUT_FILENO) ? HS_FORMAT_TEXT : HS_FORMAT_JSONL;
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);
  signal(SIGPIPE, SIG_IGN);
  if (!strcmp(c.cmd, "reuse")) rc = cmd_reuse(&c);
  else if (!strcmp(c.cmd, "dups")) rc = cmd_dups(&c);
  else rc = cmd_index(&c);
  free(c.paths);
  return rc;
}
