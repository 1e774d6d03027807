/*
** ingest.h — private interface of the ingest stage (src/ingest/).
**
** The stage is split in these files:
**   corpus.c  the hs_corpus container: a growable array of hs_doc plus an
**             open-addressing hash table of ids (XXH3), so hs_corpus_find
**             is O(1) on average;
**   formats.c the table of input formats: file name to reader; every
**             reader (here and in src/web/) has the signature of
**             util/reader.h and puts documents into the sink ingest.c owns;
**   jsonl.c   JSON Lines: a memchr line splitter, lines parsed in
**             batches on several threads and committed in input order;
**             jsonl_parse.c parses one line (UTF-8 repair, a fast scanner
**             or jansson), jsonl_int.h is what the two share;
**   jarray.c  a JSON array of objects, one document each;
**   csv.c     CSV and TSV tables with a header row (libcsv);
**   fields.c  which field of a record fills which document field, shared
**             by the three record readers;
**   ingest.c  hs_ingest_path (files, sorted directory walks, stdin),
**             plain-text documents, binary detection, hs_ingest_buffer.
**
** Nothing here is exported from the library; the fuzz targets and unit
** tests include this header to reach the buffer entry point.
*/
#ifndef HS_INGEST_H
#define HS_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "hearsay.h"
#include "util/reader.h"
#include "util/stream.h"
#include "util/util.h"

/* Default cut for one document when hs_ingest_opts.max_doc_bytes is 0. */
#define HS_INGEST_DEFAULT_MAX_DOC ((uint64_t)64 << 20)

/* ------------------------------------------------------------ corpus.c */

/* Append d, taking ownership of d->id, text, series, date, title, url and
** extra (all malloc'ed; the fields other than id and text may be NULL).
** d->source is borrowed: the corpus keeps one shared copy per distinct
** consecutive source.  On any failure the owned fields are freed.
** Fails with HS_EINPUT when the id is already present. */
int hs_corpus_take(hs_corpus *c, hs_doc *d, hs_error *err);

/* --------------------------------------------------- shared by the stage */

/* ------------------------------------------------------------ fields.c */

/* The document fields a record's fields are read into. */
enum {
  HS_FIELD_ID, HS_FIELD_TEXT, HS_FIELD_SERIES, HS_FIELD_DATE,
  HS_FIELD_TITLE, HS_FIELD_URL, HS_FIELD_COUNT
};
/* field[role] is the name the caller gave (NULL: default and
** alternatives).  The passim name ("text"), the option that names it
** ("--text-field"), a label for messages, the k-th alternative (from 1;
** NULL past the last). */
const char *hs_field_default(int role);
const char *hs_field_option(int role);
const char *hs_field_label(int role);
const char *hs_field_alternative(int role, int k);
/* The name a role is read from first: the given one or the default. */
const char *hs_field_name(const char *const *field, int role);
/* The role of key k[0..n): -1 if none; *alt is 0 for the given or default
** name, else the number of the alternative it is. */
int hs_field_role(const char *const *field, const char *k, size_t n,
                  int *alt);
/* The value of a role in a JSON object (NULL if absent); *name is the
** field it came from, *alt as above. */
json_t *hs_field_json(const char *const *field, json_t *obj, int role,
                      const char **name, int *alt);
/* The column of a role among a header's names (-1 if absent). */
int hs_field_column(const char *const *field, int role, char *const *cols,
                    size_t ncols, int *alt);
/* The warning that an alternative name is being read for a role. */
struct hs_ingest_ctx;
void hs_field_notice(struct hs_ingest_ctx *x, const char *source, int role,
                     const char *name);

/* Defined below. */
typedef struct hs_ingest_ctx hs_ingest_ctx;
/* Append d (taking its fields; d is zeroed) unless its id is already
** read (a warning); source:line names it; cut: its text was cut at
** max_doc (a warning). */
int hs_ingest_commit(hs_ingest_ctx *x, hs_doc *d, const char *source,
                     uint64_t line, int cut);

/* The settings and scratch space of one hs_ingest_* call. */
struct hs_ingest_ctx {
  hs_sink sink;          /* what the readers see (util/reader.h); first, so
                         ** that hs_ingest_of finds the context from it */
  hs_corpus *c;
  hs_warn_fn warn;
  void *warn_ud;
  size_t max_doc;        /* documents are cut at this many bytes */
  size_t max_line;       /* longer JSON lines are skipped */
  const volatile int *cancel;
  int threads;           /* JSON lines are parsed on this many (>= 1) */
  size_t batch_lines;    /* 0, or JSON lines per batch (for tests) */
  struct hs_jsonl_work *jsonl; /* jsonl.c's batch and per-thread buffers */
  int no_fast;           /* parse every JSON line with jansson */
  int (*on_doc)(void *ud, hs_corpus *c, size_t index);
  void *on_doc_ud;
  int stopped;           /* on_doc asked to stop */
  const char *field[HS_FIELD_COUNT]; /* hs_ingest_opts.*_field */
  uint64_t size_hint;    /* bytes of the plain file being read, or 0 */
  /* Why a path gave no document (hs_ingest_path's error): warnings that
  ** skipped something, those for duplicate ids, and the first skip. */
  uint64_t skipped, dups;
  char first_skip[512];
};

void hs_ingest_ctx_init(hs_ingest_ctx *x, hs_corpus *c,
                        const hs_ingest_opts *opts);
/* The context of a sink that hs_ingest_ctx_init set up (ingest's own
** readers reach their settings and buffers through it). */
static inline hs_ingest_ctx *hs_ingest_of(hs_sink *k) {
  return (hs_ingest_ctx *)(void *)k;
}
void hs_ingest_ctx_free(hs_ingest_ctx *x);
int hs_ingest_cancelled(const hs_ingest_ctx *x);
/* Call after a document was appended: runs the caller's on_doc hook. */
void hs_ingest_added(hs_ingest_ctx *x);

/* Report a warning at "source" (line 0) or "source:line". */
void hs_ingest_warn(hs_ingest_ctx *x, const char *source, uint64_t line,
                    const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* The same for a warning already written out: "%s" without formatting
** it again. */
void hs_ingest_warn_text(hs_ingest_ctx *x, const char *source, uint64_t line,
                         const char *text);

/* ------------------------------------------------------------- jsonl.c */

/* The batch and per-thread buffers of the JSON Lines reader, kept in the
** context across files; freed by hs_ingest_ctx_free (NULL is fine). */
typedef struct hs_jsonl_work hs_jsonl_work;
void hs_jsonl_work_free(hs_jsonl_work *w);

/* Read JSON Lines from in into x->c.  Documents without an id get
** "idbase:LINE"; warnings name "source:LINE".  Returns HS_OK, HS_EINTR,
** or the stream's error. */
int hs_jsonl_read(hs_ingest_ctx *x, hs_input *in, const char *source,
                  const char *idbase, hs_error *err);

/* A document from the JSON object root by the field names (fields.c;
** in jsonl_parse.c):
** fills *out (zeroed when there is none) and returns NULL, or a malloc'ed
** message: why the record (`what`: "line", "object") was skipped, or a
** warning about its id.  Missing ids become "idbase:n"; the text is cut
** at max_doc (*cut set); alt[role] is set to the number of an alternative
** name read; used fields are removed from root, the rest go to extra. */
char *hs_json_doc(const char *const *field, json_t *root, const char *idbase,
                  uint64_t n, size_t max_doc, hs_doc *out, int *cut,
                  unsigned char *alt, const char *what);

/* json_loadb(p, n, JSON_ALLOW_NUL) that also reads the valid JSON jansson
** refuses (in jsonl_parse.c): lone surrogate escapes become U+FFFD and
** numbers out of the range of a double or a 64-bit integer become strings
** of their text.  NULL and *jerr as jansson's first refusal otherwise. */
json_t *hs_json_load_relaxed(const char *p, size_t n, json_error_t *jerr);

/* --------------------------------------------------------------- csv.c */

/* Read a table with a header row (RFC 4180: quoted fields, doubled quotes,
** line breaks inside quotes) separated by delim (',' or '\t') into x->c:
** one document per record, its fields chosen by the header names (see
** fields.c); the other columns go to extra as a JSON object.  Documents
** without an id get "idbase:LINE"; LINE is the record's first line.
** A header without a text column is an HS_EINPUT error. */
int hs_csv_read(hs_ingest_ctx *x, hs_input *in, const char *source,
                const char *idbase, char delim, hs_error *err);

/* ------------------------------------------------------------ jarray.c */

/* Read one JSON array of objects (a whole file) into x->c: each object is
** a document as a JSON line would be; ids default to "idbase:N", N the
** object's position from 1. */
int hs_json_array_read(hs_ingest_ctx *x, hs_input *in, const char *source,
                       const char *idbase, hs_error *err);

/* ----------------------------------------------------------- formats.c */

/* The reader for a file, from its name: the first format of the table
** whose name ends in one of its suffixes (case-insensitively, after one
** compression suffix .gz, .zst or .zstd), else the text reader. */
hs_reader_fn hs_format_reader(const char *path);

/* ------------------------------------------------------------ ingest.c */

/* ingest.c's readers, for the table: one text document (x->size_hint
** sizes the first allocation); JSON Lines or a JSON array, told apart by
** the first byte. */
int hs_ingest_text_read(hs_ingest_ctx *x, hs_input *in, const char *source,
                        const char *id, uint64_t size_hint, hs_error *err);
int hs_ingest_json_read(hs_ingest_ctx *x, hs_input *in, const char *path,
                        const char *rel, hs_error *err);


/* Ingest data[0..len) named `name` (used as source and as the id or id
** base), as JSON Lines when jsonl is nonzero, else as one text document.
** Same rules and warnings as hs_ingest_path. */
int hs_ingest_buffer(hs_corpus *c, const char *name, const char *data,
                     size_t len, int jsonl, const hs_ingest_opts *opts,
                     hs_error *err);

/* hs_ingest_buffer with a mode: HS_INGEST_TEXT, HS_INGEST_JSONL,
** HS_INGEST_JSONL_SLOW, which parses every line with jansson alone (the
** reference the fast line scanner is tested against), or
** HS_INGEST_JSONL_SMALL, batches of three lines each spread over all the
** threads however short (the reference for the batching). */
enum {
  HS_INGEST_TEXT = 0,
  HS_INGEST_JSONL = 1,
  HS_INGEST_JSONL_SLOW = 2,
  HS_INGEST_JSONL_SMALL = 3,
  HS_INGEST_CSV = 4,          /* a CSV table (csv.c) */
  HS_INGEST_TSV = 5,          /* a TSV table */
  HS_INGEST_JSON_ARRAY = 6    /* a JSON array of objects (jarray.c) */
};
int hs_ingest_buffer_mode(hs_corpus *c, const char *name, const char *data,
                          size_t len, int mode, const hs_ingest_opts *opts,
                          hs_error *err);

#endif /* HS_INGEST_H */
