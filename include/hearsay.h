/*
** hearsay.h — the public API of libhearsay.
**
** hearsay finds passages reused between news articles and groups them into
** families of reprints.  The pipeline, in the order data flows:
**
**   ingest  → read files, directories, JSON Lines (plain, .gz, .zst) into an
**             hs_corpus of hs_doc records;
**   text    → Unicode-aware tokens, each with its byte span in the original;
**   index   → hashed word n-grams ("shingles") with a document-frequency cap;
**   align   → chains of shared shingles turned into passages with exact
**             byte offsets, bridging small edits, in any order;
**   cluster → families of copies of the same text, near-duplicate groups;
**   store   → an SQLite database that grows incrementally.
**
** Conventions, for every function here:
**  - Fallible functions return an int status (HS_OK or one of HS_E*) and,
**    when given a non-NULL hs_error, fill it with a one-line message naming
**    the input (file and line) and what to do.
**  - Whoever calls a *_new or *_open function owns the result and frees it
**    with the matching *_free or *_close; free functions accept NULL.
**  - Arrays returned through `T **out, size_t *n` parameters belong to the
**    caller and are released with free() (or the named *_free function).
**  - The library never calls exit() and keeps no global mutable state.
*/
#ifndef HEARSAY_H
#define HEARSAY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(HS_BUILDING_LIB) && defined(__GNUC__)
#define HS_API __attribute__((visibility("default")))
#else
#define HS_API
#endif

#define HS_VERSION "0.1.0"

/* ---------------------------------------------------------------- errors */

enum hs_status {
  HS_OK = 0,
  HS_EUSAGE = 1,  /* bad option or argument */
  HS_EINPUT = 2,  /* unreadable or malformed input that stopped the job */
  HS_EIO = 3,     /* read/write failure, disk full */
  HS_EDB = 4,     /* database error (locked, corrupt, wrong schema) */
  HS_ENOMEM = 5,  /* allocation failed */
  HS_EINTR = 6    /* interrupted by the caller's cancel flag */
};

typedef struct hs_error {
  int code;        /* one of enum hs_status */
  char msg[1024];  /* "FILE:LINE: what is wrong; what to do" */
} hs_error;

/* Fill err (if non-NULL) with code and a printf-style message; returns code. */
HS_API int hs_error_set(hs_error *err, int code, const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 3, 4)))
#endif
    ;
HS_API void hs_error_clear(hs_error *err);
/* A short English name for a status code ("input error"). Never NULL. */
HS_API const char *hs_status_name(int code);

/* Called for problems that do not stop the job (a skipped binary file, a
** malformed JSON line).  `where` is "FILE" or "FILE:LINE". */
typedef void (*hs_warn_fn)(void *ud, const char *where, const char *what);

/* Progress: stage name, units done, units total (0 if unknown).  Return
** nonzero to request cancellation (the call then fails with HS_EINTR). */
typedef int (*hs_progress_fn)(void *ud, const char *stage, uint64_t done,
                              uint64_t total);

/* ------------------------------------------------------------ documents */

typedef struct hs_doc {
  char *id;       /* JSONL "id", else path relative to the directory given */
  char *text;     /* UTF-8 as read (invalid bytes kept); NUL-terminated */
  size_t len;     /* bytes in text, excluding the terminating NUL */
  char *series;   /* outlet; may be NULL */
  char *date;     /* as given; may be NULL */
  char *title;    /* may be NULL */
  char *url;      /* may be NULL */
  char *extra;    /* JSON object of the JSONL fields not named above; may be NULL */
  char *source;   /* file it came from ("-" for stdin) */
  uint64_t line;  /* line number in source for JSONL, else 0 */
} hs_doc;

typedef struct hs_corpus hs_corpus;

HS_API hs_corpus *hs_corpus_new(void);
HS_API void hs_corpus_free(hs_corpus *c);
HS_API size_t hs_corpus_count(const hs_corpus *c);
/* Borrowed pointer, valid until the corpus is freed or grows. */
HS_API const hs_doc *hs_corpus_doc(const hs_corpus *c, size_t i);
/* Append a copy of the given fields (text of len bytes).  Any of series,
** date, title, url, extra, source may be NULL. */
HS_API int hs_corpus_add(hs_corpus *c, const char *id, const char *text,
                         size_t len, const char *series, const char *date,
                         const char *title, const char *url, const char *extra,
                         const char *source, uint64_t line, hs_error *err);
/* Free the text of document i (text becomes NULL, len 0) once it is no
** longer needed, e.g. after hs_engine_add; metadata stays. */
HS_API void hs_corpus_release_text(hs_corpus *c, size_t i);
/* Index of the document with this id, or -1. */
HS_API long hs_corpus_find(const hs_corpus *c, const char *id);

typedef struct hs_ingest_opts {
  hs_warn_fn warn;          /* may be NULL: warnings are then dropped */
  void *warn_ud;
  uint64_t max_doc_bytes;   /* larger documents are cut here, with a warning;
                               0 = default (64 MiB) */
  const volatile int *cancel; /* if non-NULL and set, stop with HS_EINTR */
  /* If non-NULL, called after each document is appended to the corpus
  ** (index = its position).  A nonzero return stops ingestion, which then
  ** fails with HS_EINTR.  Lets a caller process and release documents
  ** while a large file is still being read. */
  int (*on_doc)(void *ud, hs_corpus *c, size_t index);
  void *on_doc_ud;
} hs_ingest_opts;

/* Read one path into the corpus: a file (text, .jsonl, .jsonl.gz,
** .jsonl.zst, .txt.gz ...), a directory (recursively, in sorted order) or
** "-" for standard input (JSON Lines if its first byte is '{', else one
** text document called "-").  Binary files are skipped with one warning.
** Malformed JSON lines are skipped with a warning naming FILE:LINE.
** Returns HS_EINPUT if the path does not exist or cannot be read. */
HS_API int hs_ingest_path(hs_corpus *c, const char *path,
                          const hs_ingest_opts *opts, hs_error *err);

/* --------------------------------------------------------------- tokens */

typedef struct hs_token {
  uint32_t start, end;  /* byte span in the original text, end exclusive */
  uint64_t hash;        /* hash of the normalized form */
} hs_token;

/* Split text into word tokens for any script (Latin, Cyrillic, Arabic,
** Persian...; CJK ideographs and kana one token per character).  Each token
** is normalized (NFKC, case folded, marks stripped, Arabic/Persian letter
** and digit variants unified, abbreviation dots and apostrophes dropped)
** and hashed.  Invalid UTF-8 bytes are separators; offsets never shift.
** *out is malloc'ed (caller frees); *n may be 0. */
HS_API int hs_tokenize(const char *text, size_t len, hs_token **out,
                       size_t *n, hs_error *err);

/* Write the normalized form of text into buf (at most cap bytes including
** the NUL), tokens separated by single spaces.  Returns the length needed
** (like snprintf).  For tests and debugging. */
HS_API size_t hs_normalize(const char *text, size_t len, char *buf,
                           size_t cap);

/* ---------------------------------------------------------------- reuse */

typedef struct hs_reuse_opts {
  int ngram;          /* words per shingle (seed length); default 5 */
  int min_words;      /* shortest passage reported, in words; default 12 */
  int df_cap;         /* shingles found in more documents are ignored; 100 */
  int max_gap;        /* words of edit bridged inside one passage; 24 */
  double min_similarity; /* passages less similar are dropped; 0.5 */
  int threads;        /* 0 = all cores */
  int internal;       /* also report repeats inside one document; 1 */
  hs_progress_fn progress;
  void *progress_ud;
} hs_reuse_opts;

HS_API void hs_reuse_opts_default(hs_reuse_opts *o);

typedef struct hs_span {
  uint32_t doc;         /* index into the corpus (or engine) */
  uint32_t start, end;  /* bytes, end exclusive */
  uint32_t words;       /* words in the span */
} hs_span;

typedef struct hs_passage {
  hs_span a, b;       /* a.doc < b.doc, or a.doc == b.doc and a before b */
  uint32_t words;     /* words matched between the two spans */
  double similarity;  /* 2*matched / (a.words + b.words), in [0,1] */
  int internal;       /* 1 if a.doc == b.doc */
  uint32_t family;    /* family of copies of the same text, from 0 */
} hs_passage;

/* The incremental engine.  Documents are added in order (engine document
** i is the i-th added) and tokenized on the way in; the engine keeps only
** their tokens' offsets and hashes, not their text, so a caller may free
** a document's text once it has been added.  hs_engine_run aligns every
** pair of documents that involves at least one document numbered
** first_new or later (the earlier ones count as already aligned among
** themselves, e.g. loaded from a store).  Families are not assigned. */
typedef struct hs_engine hs_engine;

HS_API int hs_engine_new(hs_engine **out, const hs_reuse_opts *opts,
                         hs_error *err);
HS_API void hs_engine_free(hs_engine *e);
/* Tokenize documents [first, first+count) of the corpus (in parallel) and
** append them to the engine.  first must equal hs_engine_count(e). */
HS_API int hs_engine_add(hs_engine *e, const hs_corpus *c, size_t first,
                         size_t count, hs_error *err);
HS_API size_t hs_engine_count(const hs_engine *e);
/* Words (tokens) of engine document i. */
HS_API uint32_t hs_engine_doc_words(const hs_engine *e, size_t i);
/* Passages are returned sorted by (a.doc, a.start, b.doc, b.start). */
HS_API int hs_engine_run(hs_engine *e, size_t first_new, hs_passage **out,
                         size_t *n, hs_error *err);

/* One call for the whole corpus: all pairs, families assigned, passages
** sorted by (a.doc, a.start, b.doc, b.start). */
HS_API int hs_reuse_find(const hs_corpus *corpus, const hs_reuse_opts *opts,
                         hs_passage **out, size_t *n, hs_error *err);

/* ------------------------------------------------------------- families */

/* Assign p[i].family so that passages sharing text (spans in the same
** document overlapping by at least half of the shorter) are in one family.
** Families are numbered from 0 in order of first appearance in p, which
** is sorted first by (a.doc, a.start, b.doc, b.start). */
HS_API int hs_families_assign(hs_passage *p, size_t n, hs_error *err);

/* Near-duplicate groups: documents whose reuse covers at least `threshold`
** of each other's words (0..1).  doc_words[i] is the word count of doc i.
** Writes group ids per document into *group (caller frees; -1 = in no
** group) and returns the number of groups in *ngroups. */
HS_API int hs_dups_group(const hs_passage *p, size_t n, size_t ndocs,
                         const uint32_t *doc_words, double threshold,
                         int32_t **group, size_t *ngroups, hs_error *err);

/* Word count of a text, as hs_tokenize counts. */
HS_API size_t hs_count_words(const char *text, size_t len);

/* --------------------------------------------------------------- report */

enum hs_format { HS_FORMAT_JSONL = 0, HS_FORMAT_TSV = 1, HS_FORMAT_TEXT = 2 };

/* Parse "jsonl", "tsv" or "text"; returns -1 for anything else. */
HS_API int hs_format_parse(const char *name);

/* Write passages (doc fields are corpus indexes) in the given format; the
** formats are documented in docs/output.md.  The text format quotes the
** start and end of each copy when the corpus still holds the text.
** Returns HS_EIO if writing fails (disk full, closed pipe). */
HS_API int hs_write_passages(FILE *f, int format, const hs_corpus *c,
                             const hs_passage *p, size_t n, hs_error *err);

/* Write near-duplicate groups: group[i] is doc i's group or -1. */
HS_API int hs_write_dups(FILE *f, int format, const hs_corpus *c,
                         const int32_t *group, size_t ngroups, hs_error *err);

/* ---------------------------------------------------------------- store */

typedef struct hs_store hs_store;

/* Open or create a database.  Fails with HS_EDB if the file is not a
** hearsay database or has a newer schema. */
HS_API int hs_store_open(hs_store **out, const char *path, hs_error *err);
HS_API void hs_store_close(hs_store *s);
/* Load every stored document into c (appended in store order). */
HS_API int hs_store_load_docs(hs_store *s, hs_corpus *c, hs_error *err);
/* Load the stored passages; span doc fields are corpus indexes matching
** hs_store_load_docs order. */
HS_API int hs_store_load_passages(hs_store *s, hs_passage **out, size_t *n,
                                  hs_error *err);
/* In one transaction: insert documents [first, first+count) of c
** (document i of the corpus is stored with doc_id i) and the passages p,
** which reference corpus indexes below first+count; then recompute the
** family of every stored passage.  All or nothing: on error nothing of
** this call is stored. */
HS_API int hs_store_commit(hs_store *s, const hs_corpus *c, size_t first,
                           size_t count, const hs_passage *p, size_t n,
                           hs_error *err);
/* Check the stored options match; record them on first use. */
HS_API int hs_store_check_opts(hs_store *s, const hs_reuse_opts *o,
                               hs_error *err);

/* ------------------------------------------------------------------ web */
/* (HTML pages and WARC archives: article extraction) */

/* ----------------------------------------------------------------- meta */
/* (dates, outlets, bylines, boilerplate found in the text) */

/* --------------------------------------------------------------- attrib */
/* (attributions: who said it; the citation graph) */

/* --------------------------------------------------------------- claims */
/* (sentences, claim search, variants, stories) */

/* ---------------------------------------------------------------- trace */
/* (the HTML report) */

#ifdef __cplusplus
}
#endif
#endif /* HEARSAY_H */
