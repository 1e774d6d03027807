/*
** ingest.c — hs_ingest_path: files, directory walks and standard input
** into an hs_corpus.
**
** What a file is follows from its name (the table in formats.c),
** case-insensitively, after dropping one compression suffix (.gz, .zst,
** .zstd): .jsonl, .ndjson and .json are JSON Lines (see jsonl.c), or a
** JSON array (jarray.c) when the first byte is '['; .csv and .tsv are
** tables (csv.c); .html and .htm are HTML pages and .warc WARC archives,
** read by the web stage (src/web/) through the sink below (the reader
** interface of util/reader.h); everything else is one plain-text document
** whose bytes are kept exactly as read (invalid UTF-8 included, so offsets
** into the file stay valid).  Compression itself is detected from the
** content (util/stream.c).  A text file is binary, and skipped, when its first 8 KiB
** hold a NUL byte or more than 30% control characters other than tab, CR,
** LF and form feed.
**
** Directories are walked recursively, entries of each directory in byte
** order (strcmp), dotfiles skipped, symbolic links followed with a check
** against directory loops.  Inside a walk every problem with one file is a
** warning and the walk goes on; a path given directly that cannot be read
** fails with HS_EINPUT.  Standard input ("-") is JSON Lines when its first
** non-space byte is '{', else one text document called "-".
**
** Documents larger than max_doc_bytes are cut at a UTF-8 boundary; a text
** file is read only up to that size.
*/
#include "ingest/ingest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define BINARY_PROBE ((size_t)8192)

/* ------------------------------------------------------------ context */

static long sink_find(hs_sink *k, const char *id);
static int sink_take(hs_sink *k, hs_doc *d, hs_error *err);
static void sink_say(hs_sink *k, const char *source, uint64_t line,
                     const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 4, 5)))
#endif
    ;
static int sink_cancelled(hs_sink *k);

void hs_ingest_ctx_init(hs_ingest_ctx *x, hs_corpus *c,
                        const hs_ingest_opts *opts) {
  uint64_t max = opts && opts->max_doc_bytes ? opts->max_doc_bytes
                                             : HS_INGEST_DEFAULT_MAX_DOC;
  if (max > SIZE_MAX / 8) max = SIZE_MAX / 8;
  memset(x, 0, sizeof *x);
  x->c = c;
  if (opts) {
    x->warn = opts->warn;
    x->warn_ud = opts->warn_ud;
    x->cancel = opts->cancel;
    x->on_doc = opts->on_doc;
    x->on_doc_ud = opts->on_doc_ud;
    x->threads = opts->threads;
    x->field[HS_FIELD_ID] = opts->id_field;
    x->field[HS_FIELD_TEXT] = opts->text_field;
    x->field[HS_FIELD_SERIES] = opts->series_field;
    x->field[HS_FIELD_DATE] = opts->date_field;
    x->field[HS_FIELD_TITLE] = opts->title_field;
    x->field[HS_FIELD_URL] = opts->url_field;
  }
  if (x->threads <= 0) x->threads = hs_ncpu();
  x->max_doc = (size_t)max;
  /* A line holding a document of max_doc bytes may be longer than that:
  ** "\u0627" spells two bytes of Arabic in six.  Three times plus room for
  ** the other fields admits every line whose text fits (control characters
  ** written as \u00XX aside). */
  x->max_line = x->max_doc * 3 + ((size_t)64 << 10);
  x->sink.max_doc = x->max_doc;
  x->sink.warn = x->warn;
  x->sink.warn_ud = x->warn_ud;
  x->sink.find = sink_find;
  x->sink.take = sink_take;
  x->sink.say = sink_say;
  x->sink.cancelled = sink_cancelled;
}

void hs_ingest_ctx_free(hs_ingest_ctx *x) {
  hs_jsonl_work_free(x->jsonl);
  x->jsonl = NULL;
}

int hs_ingest_cancelled(const hs_ingest_ctx *x) {
  return x->stopped || (x->cancel && *x->cancel);
}

void hs_ingest_added(hs_ingest_ctx *x) {
  if (x->on_doc && !x->stopped &&
      x->on_doc(x->on_doc_ud, x->c, hs_corpus_count(x->c) - 1))
    x->stopped = 1;
}

/* The place of a warning, "source:line" or "source", formatted only when
** it is used: by the first skip, and by the caller's callback. */
static void warn_where(char *where, size_t n, const char *source,
                       uint64_t line) {
  if (line) {
    snprintf(where, n, "%s:%llu", source, (unsigned long long)line);
  } else {
    snprintf(where, n, "%s", source);
  }
}

/* A formatted warning (what: under 1024 bytes) counted and passed on. */
static void ingest_say(hs_ingest_ctx *x, const char *source, uint64_t line,
                       const char *what) {
  char where[4096];
  /* Remember what was skipped, for the error of a path that gave nothing. */
  if (strstr(what, "skipped")) {
    if (!strncmp(what, "duplicate id", 12)) x->dups++;
    if (!x->skipped++) {
      warn_where(where, sizeof where, source, line);
      snprintf(x->first_skip, sizeof x->first_skip, "%.200s: %.300s", where,
               what);
    }
  }
  if (x->warn) {
    warn_where(where, sizeof where, source, line);
    x->warn(x->warn_ud, where, what);
  }
}

static void ingest_vwarn(hs_ingest_ctx *x, const char *source, uint64_t line,
                         const char *fmt, va_list ap)
    __attribute__((format(printf, 4, 0)));
static void ingest_vwarn(hs_ingest_ctx *x, const char *source, uint64_t line,
                         const char *fmt, va_list ap) {
  char what[1024];
  vsnprintf(what, sizeof what, fmt, ap);
  ingest_say(x, source, line, what);
}

void hs_ingest_warn_text(hs_ingest_ctx *x, const char *source, uint64_t line,
                         const char *text) {
  if (strlen(text) < 1024)
    ingest_say(x, source, line, text);
  else
    hs_ingest_warn(x, source, line, "%s", text);
}

void hs_ingest_warn(hs_ingest_ctx *x, const char *source, uint64_t line,
                    const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ingest_vwarn(x, source, line, fmt, ap);
  va_end(ap);
}

/* ------------------------------------------------ the sink of the readers */

static long sink_find(hs_sink *k, const char *id) {
  return hs_corpus_find(hs_ingest_of(k)->c, id);
}

static int sink_take(hs_sink *k, hs_doc *d, hs_error *err) {
  hs_ingest_ctx *x = hs_ingest_of(k);
  int rc = hs_corpus_take(x->c, d, err);
  if (rc == HS_OK) hs_ingest_added(x);
  return rc;
}

static void sink_say(hs_sink *k, const char *source, uint64_t line,
                     const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  ingest_vwarn(hs_ingest_of(k), source, line, fmt, ap);
  va_end(ap);
}

static int sink_cancelled(hs_sink *k) {
  return hs_ingest_cancelled(hs_ingest_of(k));
}

/* A warning from an error whose message starts with "source: ".  kept:
** documents of the file read before the error, which are used; the
** warning says so rather than that the file was skipped. */
static void warn_from_error(hs_ingest_ctx *x, const char *source,
                            const hs_error *e, size_t kept) {
  const char *m = e->msg;
  size_t n = strlen(source);
  if (strncmp(m, source, n) == 0 && m[n] == ':' && m[n + 1] == ' ') {
    m += n + 2;
  }
  if (kept)
    hs_ingest_warn(x, source, 0, "%s; the %zu document%s read before it "
                   "%s kept, the rest of the file skipped", m, kept,
                   kept == 1 ? "" : "s", kept == 1 ? "is" : "are");
  else
    hs_ingest_warn(x, source, 0, "%s; file skipped", m);
}

/* Append the next read to the current chunk (for looking ahead). */
static int input_extend(hs_input *in, hs_error *err) {
  size_t got = 0;
  int rc;
  if (in->eof || !in->s) {
    in->eof = 1;
    return HS_OK;
  }
  if (!in->own || in->p != in->own) {
    char *o = hs_malloc(HS_INPUT_CHUNK + (in->len - in->pos));
    memcpy(o, in->p + in->pos, in->len - in->pos);
    free(in->own);
    in->own = o;
    in->own_cap = HS_INPUT_CHUNK + (in->len - in->pos);
    in->len -= in->pos;
    in->pos = 0;
    in->p = in->own;
  }
  if (in->own_cap - in->len < HS_INPUT_CHUNK / 2) {
    in->own_cap *= 2;
    in->own = hs_realloc(in->own, in->own_cap);
    in->p = in->own;
  }
  rc = hs_stream_read(in->s, in->own + in->len, in->own_cap - in->len, &got,
                      err);
  if (rc) return rc;
  if (!got) in->eof = 1;
  in->len += got;
  return HS_OK;
}

/* --------------------------------------------------------------- text */

/* Binary: in the first BINARY_PROBE bytes, more than 1% NUL bytes
** (UTF-16, most binary formats), more than 30% other control characters,
** or any NUL together with more than 5% control characters and bytes that
** are not valid UTF-8 (compressed or random data).  A stray NUL in
** otherwise clean text, which scraped and converted text does contain, is
** not enough: the document is read, and NULs are separators to the
** tokenizer.  Text in a legacy 8-bit encoding has no NULs and is read. */
static int looks_binary(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t ctl = 0, nul = 0, bad = 0, i = 0;
  if (n > BINARY_PROBE) n = BINARY_PROBE;
  while (i < n) {
    unsigned c = p[i];
    size_t k = 1, j;
    if (c == 0) nul++;
    else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
              c != '\f') || c == 0x7f)
      ctl++;
    else if (c >= 0x80) {
      k = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
        : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
      for (j = 1; k && j < k; j++)
        if (i + j >= n || (p[i + j] & 0xC0) != 0x80) k = 0;
      if (!k) {
        bad++;
        k = 1;
      }
    }
    i += k;
  }
  return nul * 100 > n || ctl * 10 > n * 3 || (nul && (ctl + bad) * 20 > n);
}

static int duplicate_warn(hs_ingest_ctx *x, const char *source,
                          const char *id) {
  long prev = hs_corpus_find(x->c, id);
  const hs_doc *o;
  if (prev < 0) return 0;
  o = hs_corpus_doc(x->c, (size_t)prev);
  hs_ingest_warn(x, source, 0, "duplicate id \"%.200s\" (first in %s); "
                 "skipped", id, o->source ? o->source : "?");
  return 1;
}

/* Read all of in as one document.  size_hint (0 if unknown) sizes the
** first allocation so that a plain file is not copied while growing. */
int hs_ingest_text_read(hs_ingest_ctx *x, hs_input *in, const char *source,
                        const char *id, uint64_t size_hint, hs_error *err) {
  size_t limit = x->max_doc + 1, len = 0, cap;
  char *buf = NULL;
  int checked = 0, rc = HS_OK;
  hs_doc d;

  if (duplicate_warn(x, source, id)) return HS_OK;
  cap = size_hint && size_hint < limit ? (size_t)size_hint + 1 : 0;
  if (!cap) cap = limit < ((size_t)64 << 10) ? limit + 1 : (size_t)64 << 10;
  buf = hs_malloc(cap);
  for (;;) {
    size_t want, got = 0;
    if (hs_ingest_cancelled(x)) {
      rc = hs_error_set(err, HS_EINTR, "%s: interrupted", source);
      goto out;
    }
    if (len >= limit) break;
    if (cap - len < 2) {
      cap = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
      buf = hs_realloc(buf, cap);
    }
    want = cap - 1 - len;
    if (want > limit - len) want = limit - len;
    if (in->pos < in->len) {
      got = in->len - in->pos;
      if (got > want) got = want;
      memcpy(buf + len, in->p + in->pos, got);
      in->pos += got;
    } else if (!in->eof && in->s) {
      if ((rc = hs_stream_read(in->s, buf + len, want, &got, err))) goto out;
      if (!got) in->eof = 1;
    } else {
      break;
    }
    len += got;
    if (!checked && len >= BINARY_PROBE) {
      checked = 1;
      if (looks_binary(buf, len)) goto binary;
    }
  }
  if (!checked && looks_binary(buf, len)) goto binary;
  if (!len) {
    hs_ingest_warn(x, source, 0, "empty file, skipped");
    goto out;
  }
  if (len > x->max_doc) {
    len = hs_utf8_cut(buf, len, x->max_doc);
    hs_ingest_warn(x, source, 0, "larger than %zu bytes; cut there",
                   x->max_doc);
  }
  memset(&d, 0, sizeof d);
  d.text = len + 1 < cap ? hs_realloc(buf, len + 1) : buf;
  d.text[len] = '\0';
  buf = NULL;
  d.len = len;
  d.id = hs_strdup(id);
  d.source = (char *)(uintptr_t)source;
  if (hs_corpus_take(x->c, &d, err)) {
    hs_ingest_warn(x, source, 0, "%s; skipped", err->msg);
    hs_error_clear(err);
  } else {
    hs_ingest_added(x);
  }
  goto out;
binary:
  hs_ingest_warn(x, source, 0, "binary file, skipped");
out:
  free(buf);
  return rc;
}

/* ------------------------------------------------------------- files */

/* The first byte of in that is not white space or a byte order mark
** (reading ahead as needed, keeping what was read); -1 at the end. */
static int first_byte(hs_ingest_ctx *x, hs_input *in, hs_error *err) {
  size_t i = 0;
  for (;;) {
    while (i < in->len && (in->p[i] == ' ' || in->p[i] == '\t' ||
                           in->p[i] == '\n' || in->p[i] == '\r'))
      i++;
    if (i == 0 && in->len - in->pos >= 3 &&
        memcmp(in->p + in->pos, "\xEF\xBB\xBF", 3) == 0)
      i = 3;
    if (i < in->len || in->eof || in->len > x->max_line) break;
    if (input_extend(in, err)) return -2;
  }
  return i < in->len ? (unsigned char)in->p[i] : -1;
}

/* .json, .jsonl, .ndjson: a JSON array of objects when the first byte is
** '[', else JSON Lines, whatever the name says. */
int hs_ingest_json_read(hs_ingest_ctx *x, hs_input *in, const char *path,
                        const char *rel, hs_error *err) {
  int b = first_byte(x, in, err);
  if (b == -2) return err->code;
  if (b == '[') return hs_json_array_read(x, in, path, rel, err);
  return hs_jsonl_read(x, in, path, rel, err);
}

/* Read one file.  rel is its id (text) or id base (JSON Lines).  When
** direct, failures are errors; inside a walk they are warnings. */
static int ingest_file(hs_ingest_ctx *x, const char *path, const char *rel,
                       int direct, hs_error *err) {
  hs_stream s;
  hs_input in;
  struct stat st;
  uint64_t size = 0;
  size_t before = hs_corpus_count(x->c);
  hs_reader_fn reader = hs_format_reader(path);
  int fd, rc;

  if (hs_ingest_cancelled(x)) {
    return hs_error_set(err, HS_EINTR, "%s: interrupted", path);
  }
  fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (direct) return hs_error_set(err, HS_EINPUT, "%s: %s", path,
                                    strerror(errno));
    hs_ingest_warn(x, path, 0, "%s; file skipped", strerror(errno));
    return HS_OK;
  }
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) size = (uint64_t)st.st_size;
  if ((rc = hs_stream_open(&s, fd, 1, path, err))) goto done;
  hs_input_init_stream(&in, &s);
  x->size_hint = s.codec == HS_CODEC_NONE ? size : 0;
  rc = reader(&x->sink, &in, path, rel, err);
  x->size_hint = 0;
  hs_input_free(&in);
  hs_stream_close(&s);
done:
  if (rc == HS_EIO || rc == HS_EINPUT) {
    if (direct) return err->code = HS_EINPUT;
    warn_from_error(x, path, err, hs_corpus_count(x->c) - before);
    hs_error_clear(err);
    rc = HS_OK;
  }
  return rc;
}

/* --------------------------------------------------------------- walk */

typedef struct walk_dirid {
  dev_t dev;
  ino_t ino;
} walk_dirid;

typedef struct walk_state {
  walk_dirid *stack;     /* directories being walked, for loop checks */
  size_t depth, cap;
} walk_state;

static int name_cmp(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *path_join(const char *dir, const char *name) {
  size_t nd = strlen(dir), nn = strlen(name);
  int slash = nd > 0 && dir[nd - 1] != '/';
  char *p = hs_malloc(nd + (size_t)slash + nn + 1);
  memcpy(p, dir, nd);
  if (slash) p[nd] = '/';
  memcpy(p + nd + (size_t)slash, name, nn + 1);
  return p;
}

static int walk_dir(hs_ingest_ctx *x, walk_state *w, const char *dir,
                    const char *rel, const struct stat *dst, hs_error *err) {
  DIR *dp;
  struct dirent *de;
  char **names = NULL;
  size_t n = 0, cap = 0, i;
  int rc = HS_OK;

  for (i = 0; i < w->depth; i++) {
    if (w->stack[i].dev == dst->st_dev && w->stack[i].ino == dst->st_ino) {
      hs_ingest_warn(x, dir, 0, "directory loop; skipped");
      return HS_OK;
    }
  }
  dp = opendir(dir);
  if (!dp) {
    if (!rel[0]) return hs_error_set(err, HS_EINPUT, "%s: %s", dir,
                                     strerror(errno));
    hs_ingest_warn(x, dir, 0, "%s; directory skipped", strerror(errno));
    return HS_OK;
  }
  for (;;) {
    errno = 0;
    de = readdir(dp);
    if (!de) {
      if (errno) hs_ingest_warn(x, dir, 0, "%s; listing incomplete",
                                strerror(errno));
      break;
    }
    if (de->d_name[0] == '.') continue;
    HS_GROW(names, cap, n + 1);
    names[n++] = hs_strdup(de->d_name);
  }
  closedir(dp);
  if (n) qsort(names, n, sizeof *names, name_cmp);

  HS_GROW(w->stack, w->cap, w->depth + 1);
  w->stack[w->depth].dev = dst->st_dev;
  w->stack[w->depth].ino = dst->st_ino;
  w->depth++;
  for (i = 0; i < n && rc == HS_OK; i++) {
    char *full = path_join(dir, names[i]);
    char *r = rel[0] ? path_join(rel, names[i]) : hs_strdup(names[i]);
    struct stat st;
    if (hs_ingest_cancelled(x)) {
      rc = hs_error_set(err, HS_EINTR, "%s: interrupted", full);
    } else if (stat(full, &st) != 0) {
      hs_ingest_warn(x, full, 0, "%s; skipped", strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
      rc = walk_dir(x, w, full, r, &st, err);
    } else if (S_ISREG(st.st_mode)) {
      rc = ingest_file(x, full, r, 0, err);
    } else {
      hs_ingest_warn(x, full, 0, "not a regular file; skipped");
    }
    free(full);
    free(r);
  }
  w->depth--;
  for (i = 0; i < n; i++) free(names[i]);
  free(names);
  return rc;
}

/* -------------------------------------------------------------- stdin */

static int ingest_stdin(hs_ingest_ctx *x, hs_error *err) {
  hs_stream s;
  hs_input in;
  size_t i = 0;
  int rc;

  if (hs_stream_open(&s, 0, 0, "-", err)) return err->code = HS_EINPUT;
  hs_input_init_stream(&in, &s);
  /* Look ahead for the first non-space byte, keeping what was read. */
  for (;;) {
    while (i < in.len && (in.p[i] == ' ' || in.p[i] == '\t' ||
                          in.p[i] == '\n' || in.p[i] == '\r')) {
      i++;
    }
    if (i < in.len || in.eof || in.len > x->max_line) break;
    if ((rc = input_extend(&in, err))) goto out;
  }
  if (i + 3 <= in.len && memcmp(in.p + i, "\xEF\xBB\xBF", 3) == 0) {
    i += 3;  /* a byte order mark before the first '{' */
  }
  if (i < in.len && in.p[i] == '{') {
    rc = hs_jsonl_read(x, &in, "-", "-", err);
  } else if (i < in.len && in.p[i] == '[') {
    rc = hs_json_array_read(x, &in, "-", "-", err);
  } else {
    rc = hs_ingest_text_read(x, &in, "-", "-", 0, err);
  }
out:
  hs_input_free(&in);
  hs_stream_close(&s);
  if (rc == HS_EIO) rc = err->code = HS_EINPUT;
  return rc;
}

/* ------------------------------------------------------------- public */

/* The error of a path that gave no document: why, and the option that
** changes it when the records lacked a field. */
static int nothing_read(const hs_ingest_ctx *x, const char *path,
                        hs_error *e) {
  const char *name = strcmp(path, "-") ? path : "standard input";
  const char *hint = "";
  if (!x->skipped)
    return hs_error_set(e, HS_EINPUT,
                        "%s: no documents: %s", name,
                        strcmp(path, "-") ? "nothing to read there (an empty "
                        "directory or file, or only dotfiles)"
                                          : "the input is empty");
  if (strstr(x->first_skip, "missing \""))
    hint = "; name the field or column that holds the text with "
           "--text-field NAME (and the id with --id-field NAME)";
  return hs_error_set(e, HS_EINPUT,
                      "%s: no documents: all %llu records or files were "
                      "skipped (the first: %s)%s",
                      name, (unsigned long long)x->skipped, x->first_skip,
                      hint);
}

int hs_ingest_path(hs_corpus *c, const char *path,
                   const hs_ingest_opts *opts, hs_error *err) {
  hs_ingest_ctx x;
  hs_error e;
  struct stat st;
  size_t before;
  int rc;

  if (!c || !path || !path[0]) {
    return hs_error_set(err, HS_EUSAGE, "hs_ingest_path: no path given");
  }
  hs_error_clear(&e);
  hs_ingest_ctx_init(&x, c, opts);
  before = hs_corpus_count(c);
  if (strcmp(path, "-") == 0) {
    rc = ingest_stdin(&x, &e);
  } else if (stat(path, &st) != 0) {
    rc = hs_error_set(&e, HS_EINPUT, "%s: %s", path, strerror(errno));
  } else if (S_ISDIR(st.st_mode)) {
    walk_state w = {NULL, 0, 0};
    rc = walk_dir(&x, &w, path, "", &st, &e);
    free(w.stack);
  } else {
    rc = ingest_file(&x, path, path, 1, &e);
  }
  if (!rc && hs_corpus_count(c) == before && (!x.skipped || x.dups < x.skipped))
    rc = nothing_read(&x, path, &e);
  hs_ingest_ctx_free(&x);
  if (rc && err) *err = e;
  return rc;
}

int hs_ingest_buffer_mode(hs_corpus *c, const char *name, const char *data,
                          size_t len, int mode, const hs_ingest_opts *opts,
                          hs_error *err) {
  hs_ingest_ctx x;
  hs_input in;
  hs_error e;
  int rc;

  if (!c || !name || (!data && len)) {
    return hs_error_set(err, HS_EUSAGE, "hs_ingest_buffer: bad arguments");
  }
  hs_error_clear(&e);
  hs_ingest_ctx_init(&x, c, opts);
  x.no_fast = mode == HS_INGEST_JSONL_SLOW;
  if (mode == HS_INGEST_JSONL_SMALL) x.batch_lines = 3;
  hs_input_init_mem(&in, data, len);
  if (mode == HS_INGEST_CSV || mode == HS_INGEST_TSV) {
    rc = hs_csv_read(&x, &in, name, name, mode == HS_INGEST_TSV ? '\t' : ',',
                     &e);
  } else if (mode == HS_INGEST_JSON_ARRAY) {
    rc = hs_json_array_read(&x, &in, name, name, &e);
  } else if (mode != HS_INGEST_TEXT) {
    rc = hs_jsonl_read(&x, &in, name, name, &e);
  } else {
    rc = hs_ingest_text_read(&x, &in, name, name, 0, &e);
  }
  hs_input_free(&in);
  hs_ingest_ctx_free(&x);
  if (rc && err) *err = e;
  return rc;
}

int hs_ingest_buffer(hs_corpus *c, const char *name, const char *data,
                     size_t len, int jsonl, const hs_ingest_opts *opts,
                     hs_error *err) {
  return hs_ingest_buffer_mode(c, name, data, len,
                               jsonl ? HS_INGEST_JSONL : HS_INGEST_TEXT, opts,
                               err);
}
