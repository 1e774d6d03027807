/*
** hearsay.h — the public API of libhearsay.
**
** hearsay finds passages reused between news articles and groups them into
** families of reprints.  The pipeline, in the order data flows:
**
**   ingest  → read files, directories, JSON Lines (plain, .gz, .zst), JSON
**             arrays, CSV/TSV, HTML pages and WARC archives (web) into an
**             hs_corpus of hs_doc records;
**   text    → Unicode-aware tokens, each with its byte span in the original;
**   index   → hashed word n-grams ("shingles") with a document-frequency cap;
**   align   → chains of shared shingles turned into passages with exact
**             byte offsets, bridging small edits, in any order (threaded;
**             mpi spreads the same run over MPI ranks);
**   cluster → families of copies of the same text, near-duplicate groups;
**   meta    → dates, outlets, bylines and boilerplate found in the text;
**             attrib: attributions and the propagation graph;
**   store   → an SQLite database that grows incrementally;
**   claims  → sentences and claim search; story: stories; report: output.
**
** In the source, each stage is a folder of src/ standing on a floor; a
** folder includes only folders on lower floors (docs/architecture.md,
** checked by tests/cli/floors.sh).  Ground first:
**   util, text, web, ingest, index, cluster, align, mpi, meta, attrib,
**   store, claims, story, report, and the command, cli, on top.
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

/* The version of this header.  hs_version() gives the library's, which
** differs when a program runs against another libhearsay.so.N than the
** one it was compiled with.  The shared library's SONAME changes with
** HS_VERSION_MAJOR. */
#define HS_VERSION_MAJOR 0
#define HS_VERSION_MINOR 1
#define HS_VERSION_PATCH 0
#define HS_VERSION "0.1.0"
/* One number that grows with each release: 10000*major + 100*minor + patch. */
#define HS_VERSION_NUMBER \
  (HS_VERSION_MAJOR * 10000 + HS_VERSION_MINOR * 100 + HS_VERSION_PATCH)

/* The library's version string, "MAJOR.MINOR.PATCH"; never NULL. */
HS_API const char *hs_version(void);

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
/* Free the metadata of document i (series, date, title, url and extra
** become NULL); id, source and line stay. */
HS_API void hs_corpus_release_meta(hs_corpus *c, size_t i);
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
  int threads;              /* JSON Lines are parsed on this many threads
                               (documents still arrive in input order);
                               0 = all cores */
  /* Which field of a JSON object or which CSV/TSV column fills each
  ** document field.  NULL: the passim name ("id", "text", "series", "date",
  ** "title", "url"), or, when a record has none, the first common
  ** alternative it has ("content" or "body" for the text, "publish_date"
  ** for the date, "media_name" or "source" for the series...; the list is
  ** in docs/input.md), with one warning per file naming it. */
  const char *id_field, *text_field, *series_field, *date_field,
      *title_field, *url_field;
} hs_ingest_opts;

/* Read one path into the corpus: a file (text, .jsonl, .jsonl.gz,
** .jsonl.zst, .txt.gz ...; .csv and .tsv tables with a header row; .json
** and .ndjson files holding JSON Lines or one JSON array of objects, told
** apart by their first byte), a directory (recursively, in sorted order)
** or "-" for standard input (JSON Lines if its first byte is '{', a JSON
** array if '[', else one text document called "-").  Binary files are
** skipped with one warning.  Malformed JSON lines and CSV records are
** skipped with a warning naming FILE:LINE.  Returns HS_EINPUT if the path
** does not exist or cannot be read, or if it yields no document (an empty
** directory, every record skipped), with a message saying why and, where
** one does, which option fixes it; documents skipped only as duplicates
** of ones already read are not an error.  See docs/input.md. */
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

struct hs_range; /* a byte range to mask, defined with the meta stage */

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
  /* If non-NULL, called by hs_engine_add (on its worker threads, so it
  ** must be thread-safe) for each document added without explicit masks,
  ** with the document's engine index: it returns in *r (malloc'ed; the
  ** engine frees it) the sorted byte ranges to mask, as
  ** hs_engine_add_masked does.  E.g. hs_boiler_find's fixed patterns. */
  int (*mask)(void *ud, size_t doc, const hs_doc *d, struct hs_range **r,
              size_t *n);
  void *mask_ud;
  /* Memory budget in bytes for the engine's token tables and index
  ** (0: a quarter of physical memory).  Past it, token tables and index
  ** postings spill to temporary files and are merged from disk (external
  ** sort); the passages found are the same.  Passages themselves stay in
  ** memory (about 56 bytes each). */
  uint64_t memory;
  const char *tmpdir; /* where spill files go (NULL: $TMPDIR or /tmp) */
  /* Distributed runs (see the "mpi" section): this process's rank and the
  ** number of ranks.  With nranks > 1, hs_engine_add tokenizes only the
  ** documents d with d % nranks == rank (the mask hook still sees every
  ** document) and hs_engine_run is collective over all ranks, returning
  ** every passage on rank 0 and none elsewhere.  0 and 0: one process. */
  int rank, nranks;
  /* Used instead of mask when set: the same hook, also given the tokens
  ** the engine found in the document (as hs_tokenize gives them), so that
  ** a hook that needs the words need not tokenize the text again.  toks
  ** is NULL where the engine did not tokenize the document (another
  ** rank's, in a distributed run). */
  int (*mask_tokens)(void *ud, size_t doc, const hs_doc *d,
                     const hs_token *toks, size_t ntoks, struct hs_range **r,
                     size_t *n);
  /* 1 (default): also the sentence stage, which finds rewritten
  ** (paraphrased) and summarized copies by sentence similarity and joins
  ** the pieces of one rewritten passage; 0: only the n-gram stage
  ** (verbatim and lightly edited copies, as "--strict").  With
  ** nranks > 1 the sentence stage runs on rank 0 after the distributed
  ** n-gram stage, on the token tables of the documents it needs. */
  int rewrite;
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
  int method;         /* how it was found: enum hs_method */
} hs_passage;

/* How a passage was found.  HS_METHOD_VERBATIM covers every passage of
** the n-gram stage (words copied in order, lightly edited or not): use
** hs_passage_method to tell verbatim from edited.  The sentence stage
** gives rewritten (sentences paraphrased) and summary (a short passage
** covering a long one) passages. */
enum hs_method {
  HS_METHOD_VERBATIM = 0,
  HS_METHOD_EDITED = 1,
  HS_METHOD_REWRITTEN = 2,
  HS_METHOD_SUMMARY = 3
};

/* "verbatim", "edited", "rewritten" or "summary": an n-gram passage is
** verbatim when both spans are the same words, edited otherwise. */
HS_API const char *hs_passage_method(const hs_passage *p);

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
** sorted by (a.doc, a.start, b.doc, b.start).  Page furniture is masked
** only as opts->mask says; hs_reuse_find_masked (meta) masks it as the
** command does. */
HS_API int hs_reuse_find(const hs_corpus *corpus, const hs_reuse_opts *opts,
                         hs_passage **out, size_t *n, hs_error *err);

/* ------------------------------------------------------------- families */

/* Assign p[i].family so that passages sharing text (spans in the same
** document overlapping by at least half of each, i.e. of the longer) are
** in one family.
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

enum hs_format { HS_FORMAT_JSONL = 0, HS_FORMAT_TSV = 1, HS_FORMAT_TEXT = 2,
                 HS_FORMAT_PASSIM = 3 /* hs_write_families only */ };

/* Parse "jsonl", "tsv", "text" or "passim"; returns -1 for anything else. */
HS_API int hs_format_parse(const char *name);

/* Write passages (doc fields are corpus indexes) in the given format; the
** formats are documented in docs/output.md.  The text format quotes the
** start and end of each copy when the corpus still holds the text.
** Returns HS_EIO if writing fails (disk full, closed pipe). */
HS_API int hs_write_passages(FILE *f, int format, const hs_corpus *c,
                             const hs_passage *p, size_t n, hs_error *err);

/* How hs_write_passages_ex and hs_write_families write records
** (docs/output.md).  hs_write_opts_default: JSON Lines, byte offsets. */
typedef struct hs_write_opts {
  int format;        /* enum hs_format */
  int flat;          /* JSON Lines: flat fields a_doc, a_start, ... and
                        each copy's a_series, a_date instead of objects */
  int with_text;     /* each copy's text (and series, date): the corpus
                        must still hold the texts */
  int char_offsets;  /* offsets in characters (Unicode code points, as
                        Python's str indexes) instead of bytes; needs the
                        texts */
} hs_write_opts;
HS_API void hs_write_opts_default(hs_write_opts *o);
/* hs_write_passages with the options of o. */
HS_API int hs_write_passages_ex(FILE *f, const hs_write_opts *o,
                                const hs_corpus *c, const hs_passage *p,
                                size_t n, hs_error *err);
/* Each family of p (families assigned) with its members: the copies of
** its passages, overlapping copies in one document merged.  JSON Lines:
** one record a family with its members; TSV and HS_FORMAT_PASSIM: one
** record a member (passim's cluster, size, id, series, date, begin, end,
** text). */
HS_API int hs_write_families(FILE *f, const hs_write_opts *o,
                             const hs_corpus *c, const hs_passage *p,
                             size_t n, hs_error *err);

/* Write s (NUL-terminated; NULL writes nothing) for the text or TSV
** formats: control characters and terminal escape sequences appear as
** \u001b etc. and invalid UTF-8 as \ufffd, as the JSON Lines writer escapes
** them, so that no file name or document id can act on a terminal; with
** flat set, line breaks and tabs become spaces. */
HS_API void hs_write_text(FILE *f, const char *s, int flat);

/* A copy of s (n bytes) that is valid UTF-8: each byte that is not part of
** a valid sequence becomes U+FFFD, as the JSON Lines writers show it.
** Malloc'ed and NUL-terminated; *len (if non-NULL) gets its length and
** *nbad (if non-NULL) the number of bytes replaced. */
HS_API char *hs_utf8_repair(const char *s, size_t n, size_t *len,
                            size_t *nbad);

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
** hs_store_load_docs order.  They are sorted by (a.doc, a.start, b.doc,
** b.start), as hs_engine_run returns them, whatever runs stored them. */
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
/* While *cancel (if cancel is non-NULL) is nonzero, the store's SQL
** statements stop at once and the call running them fails (HS_EINTR, or
** the error of the step it interrupted): a write transaction in progress
** is rolled back, so the database stays as after its last commit.  NULL
** removes the hook. */
HS_API void hs_store_set_cancel(hs_store *s, const volatile int *cancel);

/* Incremental indexing (what `hearsay index --db FILE PATH...` does): the
** paths are read as hs_ingest_path reads them; documents whose id is
** already stored with the same text are skipped, those stored with a
** different text are skipped with a warning (the stored version is kept),
** as is a second text given for the same id in one run.  The new documents
** are aligned against each other and against the stored documents that
** share shingles with them, and committed with their passages, shingle
** index rows, metadata, attributions and boilerplate in batches of
** `batch` documents, each batch one transaction.  Documents are read and
** handled in chunks (100,000 documents, or 8 batches when batch is set),
** so an endless input (a pipe from a crawler) is stored as it comes.
** On an error or a cancellation the batches committed so far stay
** stored and the batch in progress is rolled back; a later run over the
** same paths skips what is stored and goes on.  A store written before
** the shingle index is indexed once first (notice, then stage
** "shingles").  The store must be writable; its recorded options must
** match opts->reuse (hs_store_check_opts).  Nothing is kept from opts
** after the call. */
typedef struct hs_store_index_opts {
  hs_reuse_opts reuse;   /* hs_reuse_opts_default; its progress hook sees
                            the engine's stages; rewrite 0 stores n-gram
                            passages only (a store keeps one choice) */
  hs_ingest_opts ingest; /* field names, threads, max_doc_bytes; its warn,
                            cancel and on_doc are set from the fields below */
  size_t batch;          /* documents per committed batch; 0 = an eighth
                            of each chunk's new documents, at least 1,000 */
  int keep_boilerplate;  /* 1: do not mask page furniture when aligning */
  const char *aliases;   /* file of source aliases (meta), or NULL */
  hs_warn_fn warn;       /* reading problems, changed texts; may be NULL */
  void *warn_ud;
  /* One-off notices that are not problems (the shingle index of an older
  ** store being built); `where` is NULL.  May be NULL. */
  hs_warn_fn notice;
  void *notice_ud;
  /* Stages "reading", "tokens", "stored" (and "shingles"); the return
  ** value is not looked at: cancel through `cancel`.  May be NULL. */
  hs_progress_fn progress;
  void *progress_ud;
  /* If non-NULL and set (e.g. by a signal handler), the run stops with
  ** HS_EINTR at the next check, the batch in progress rolled back. */
  const volatile int *cancel;
} hs_store_index_opts;

typedef struct hs_store_index_stats {
  size_t added;      /* documents stored by this call */
  size_t skipped;    /* already stored (or given twice) with the same text */
  size_t changed;    /* already stored with a different text: not stored */
  size_t passages;   /* passages stored by this call */
  size_t total;      /* documents in the store afterwards */
} hs_store_index_stats;

/* Defaults: hs_reuse_opts_default, a zeroed hs_ingest_opts, batch 0. */
HS_API void hs_store_index_opts_default(hs_store_index_opts *o);
/* Index paths[0..npaths) into s (see above).  opts may be NULL (the
** defaults).  stats (may be NULL) is filled on success and, on failure,
** with what was committed before it.  HS_EINPUT for a path that yields no
** document, HS_EUSAGE when opts->reuse differ from the options the store
** recorded, HS_EDB, HS_EIO, HS_ENOMEM, HS_EINTR when cancelled. */
HS_API int hs_store_index(hs_store *s, const char *const *paths,
                          size_t npaths, const hs_store_index_opts *opts,
                          hs_store_index_stats *stats, hs_error *err);

/* ------------------------------------------------------------------ web */
/* (HTML pages and WARC archives: article extraction) */

/* hs_ingest_path reads .html/.htm pages and .warc/.warc.gz archives
** through this stage: each page or WARC response/resource record becomes
** one hs_doc whose text is the extracted article (title line, then
** paragraphs separated by blank lines) and whose extra holds "authors",
** "language", "canonical_url", "modified", "date_raw" and "source_map".
** See docs/web.md. */

/* One extracted run of text and where it came from in the page:
** text[text_start, text_end) came from page bytes [page_start, page_end)
** (the page as UTF-8; approximate per paragraph, see docs/web.md). */
typedef struct hs_source_run {
  size_t text_start, text_end, page_start, page_end;
} hs_source_run;

typedef struct hs_article {
  char *text;          /* title line, blank line, paragraphs; never NULL */
  size_t len;
  char *title, *url, *canonical_url, *outlet, *language;  /* may be NULL */
  char *date;          /* publication date as YYYY-MM-DD; may be NULL */
  char *date_raw;      /* the date as found in the page; may be NULL */
  char *modified;      /* modification date as YYYY-MM-DD; may be NULL */
  char **authors;      /* nauthors names */
  size_t nauthors;
  hs_source_run *map;  /* nmap runs, in text order */
  size_t nmap;
  /* What else names the site (may be NULL; docs/sources.md): the tail cut
  ** from the title (" - BBC News"), the twitter:site handle without its
  ** "@", the alt text of the site's logo, a copyright line of the page. */
  char *site_tail, *site_twitter, *site_logo, *site_copyright;
} hs_article;

/* Extract the article from one HTML page of len bytes.  charset (may be
** NULL) is the HTTP header's charset; url (may be NULL) the page's
** address.  Warnings (unknown charset, cut page) go to warn with `where`.
** Fails with HS_EINPUT for a binary (non-text) page.  The caller frees
** *out with hs_article_free. */
HS_API int hs_web_extract(const char *page, size_t len, const char *charset,
                          const char *url, hs_warn_fn warn, void *warn_ud,
                          const char *where, hs_article **out,
                          hs_error *err);
HS_API void hs_article_free(hs_article *a);
/* The JSON object stored as hs_doc.extra (malloc'ed, compact). */
HS_API char *hs_article_extra_json(const hs_article *a);

/* ----------------------------------------------------------------- meta */
/* (dates, outlets, bylines, boilerplate found in the text) */

/* A byte range [start, end) of a document's text. */
typedef struct hs_range {
  uint32_t start, end;
} hs_range;

/* Ranges of one document, sorted by start, not overlapping. */
typedef struct hs_range_list {
  const hs_range *r;
  size_t n;
} hs_range_list;

/* Like hs_engine_add, but the words of document first+i that start inside
** one of masks[i]'s ranges produce no shingles and never match, so masked
** text (page furniture) is neither seeded nor reached by widening; byte
** offsets are unchanged.  masks may be NULL (nothing masked). */
HS_API int hs_engine_add_masked(hs_engine *e, const hs_corpus *c,
                                size_t first, size_t count,
                                const hs_range_list *masks, hs_error *err);
/* Like hs_engine_add_masked, for count documents given directly, not from
** a corpus: they become engine documents hs_engine_count(e) onwards.  The
** engine reads docs[i] only during the call, so the caller may keep
** reading input on another thread meanwhile, into memory that docs does
** not point at (e.g. an hs_corpus growing: pass copies of its hs_doc
** structs, whose texts stay put).  Nothing else may use e during the call. */
HS_API int hs_engine_add_docs(hs_engine *e, const hs_doc *docs, size_t count,
                              const hs_range_list *masks, hs_error *err);
/* Mask more ranges of engine document doc after it was added (e.g. lines
** found repeated once the whole corpus was read).  Before hs_engine_run. */
HS_API void hs_engine_mask(hs_engine *e, size_t doc, const hs_range *r,
                           size_t n);
/* The shingle hashes of engine document doc, one per word position that
** starts a full n-gram (0 where the n-gram holds a masked word), into
** *buf (grown with realloc as needed; caller frees).  Returns how many.
** What a persistent index stores to find a new document's partners
** without the old documents' tokens.  (A spilled table that cannot be
** read back gives 0 here and fails the next hs_engine_run.) */
HS_API size_t hs_engine_shingles(hs_engine *e, size_t doc, uint64_t **buf,
                                 size_t *cap);
/* Shingle hashes to treat as above the df cap in the next hs_engine_run,
** besides those the engine counts above it itself: for runs over part of
** a corpus (a store's new documents and the old ones they share text
** with) where document frequencies come from the whole.  Copied. */
HS_API void hs_engine_set_capped(hs_engine *e, const uint64_t *hashes,
                                 size_t n);
/* Whether the engine spilled its token tables to disk (memory budget). */
HS_API int hs_engine_spilled(const hs_engine *e);

enum hs_calendar {
  HS_CAL_GREGORIAN = 0,
  HS_CAL_HIJRI = 1,        /* tabular Islamic calendar */
  HS_CAL_SOLAR_HIJRI = 2   /* Persian (Jalali) calendar */
};

/* A date found in text, converted to the Gregorian calendar. */
typedef struct hs_date {
  int year, month, day;    /* Gregorian */
  uint32_t start, end;     /* bytes of the date expression in the text */
  double confidence;       /* 0..1 */
  int calendar;            /* enum hs_calendar of the form as written */
  int ambiguous;           /* 1: "9/7/2017", day/month order unknown
                              (month first assumed when both fit) */
  const char *form;        /* name of the form in the date tables */
} hs_date;

/* Find the first date expression in text (the form tables of
** src/meta/date.c: English, Arabic, Persian).  Returns 1 and fills *out if
** one was found, else 0.  Never fails. */
HS_API int hs_date_find(const char *text, size_t len, hs_date *out);

/* Calendar arithmetic.  Return 0 on success, -1 for an impossible date.
** Hijri: the tabular (arithmetic) Islamic calendar, epoch 16 July 622
** Julian, leap years 2,5,7,10,13,16,18,21,24,26,29 of each 30; it may
** differ by a day from the observed calendar (1 Muharram 1446 gives 8 July
** 2024; Umm al-Qura has 7 July).  Solar Hijri: the 33-year
** arithmetic rule (leap when (25*y + 11) mod 33 < 8), exact for
** 1178–1633 SH. */
HS_API int hs_hijri_to_gregorian(int y, int m, int d, int *gy, int *gm,
                                 int *gd);
HS_API int hs_persian_to_gregorian(int y, int m, int d, int *gy, int *gm,
                                   int *gd);

/* One extracted field: value (normalized; dates as YYYY-MM-DD), raw text,
** the bytes it came from and a confidence.  given = 1 when it comes from
** the document's given metadata (then start = end = 0). */
typedef struct hs_meta_field {
  char *value;     /* NULL when not found */
  char *raw;
  uint32_t start, end;
  double confidence;
  int given;
} hs_meta_field;

enum hs_source_type {
  HS_SRC_UNKNOWN = 0,
  HS_SRC_AGENCY = 1,      /* news agency */
  HS_SRC_OUTLET = 2,      /* newspaper, broadcaster, site */
  HS_SRC_OFFICIAL = 3,    /* official, ministry, institution */
  HS_SRC_PERSON = 4,
  HS_SRC_ANONYMOUS = 5    /* "local sources", "a diplomatic source" */
};
/* "agency", "outlet", "official", "person", "anonymous", "unknown". */
HS_API const char *hs_source_type_name(int type);

typedef struct hs_attribution {
  char *source;              /* as written */
  char *normalized;          /* canonical name (alias table) or source */
  int type;                  /* enum hs_source_type */
  const char *cue;           /* "said", "according to", "نقلا عن"... */
  uint32_t src_start, src_end;        /* bytes of the source name */
  uint32_t content_start, content_end; /* attributed quotation or
                                          sentence; 0,0 when unknown */
  int chain;                 /* chain id, unique in the document, shared by
                                "A citing B citing C" */
  int chain_pos;             /* 0 = the outermost (the citing one) */
  int denial;                /* 1: a denial or rebuttal */
  int vague;                 /* 1: "the report", "the ministry": a vague
                                reference; normalized is the nearest named
                                source before it when one was found
                                (resolved), else the phrase itself */
  int resolved;              /* 1: vague and resolved to a named source */
} hs_attribution;

typedef struct hs_meta {
  hs_meta_field date, outlet, title, byline;
  int date_ambiguous;
  hs_range *boiler;          /* boilerplate ranges, sorted */
  size_t nboiler;
  hs_attribution *attr;
  size_t nattr;
  hs_meta_field original;    /* the original outlet a republished page
                                credits, when it differs from outlet */
  const char *date_source;   /* "metadata", "header", "url", "credit" or
                             ** NULL */
  const char *outlet_source; /* "metadata", "carrier", "masthead",
                                "byline", "copyright", "site", "dateline",
                                "credit", "address", "url", "folder" or
                                NULL */
  size_t nbody_dates;        /* dates mentioned in the body (never the
                                publication date) */
} hs_meta;

typedef struct hs_aliases hs_aliases;

/* Metadata of one document (docs/sources.md): the given JSONL date,
** series and title win; the rest comes from its text.  boiler (may be
** NULL) adds ranges to those hs_boiler_find finds, e.g. this document's
** entry of hs_boiler_corpus.  aliases may be NULL (no normalization).
** Returns HS_OK (or HS_EUSAGE for a NULL document); free *out with
** hs_meta_clear even after an error. */
HS_API int hs_meta_extract(const hs_doc *d, const hs_aliases *aliases,
                           const hs_range_list *boiler, hs_meta *out,
                           hs_error *err);
HS_API void hs_meta_clear(hs_meta *m);
/* hs_meta_extract for documents [first, first + count) of c on nthreads
** threads (0: all cores) into out[0 .. count-1] (zeroed by the caller);
** boiler (may be NULL) is indexed by corpus document number.  cancel (may
** be NULL) stops it with HS_EINTR when it becomes nonzero.  The records do
** not depend on the number of threads.  Free each with hs_meta_clear,
** even after an error. */
HS_API int hs_meta_extract_range(const hs_corpus *c, const hs_aliases *aliases,
                                 const hs_range_list *boiler, size_t first,
                                 size_t count, int nthreads,
                                 const volatile int *cancel, hs_meta *out,
                                 hs_error *err);

/* The outlet of a document, by the one rule every command uses (the
** `meta`, `sources`, `timeline`, `graph` and `trace` outputs, and "first
** publisher"): its given series, else what the page says (carrier line,
** masthead, copyright line, dateline, "Source:" line, site address), else
** its URL's domain, else the folder holding it (docs/sources.md).  Names
** go through the alias table (a may be NULL).  Returns a malloc'ed name,
** or NULL when nothing names one. */
HS_API char *hs_doc_outlet(const hs_doc *d, const hs_aliases *a);

/* Boilerplate lines found by fixed patterns (comment forms, share and
** subscribe prompts, related-article lists, copyright, captcha and page
** timing lines).  *out is malloc'ed, sorted, merged. */
HS_API int hs_boiler_find(const char *text, size_t len, hs_range **out,
                          size_t *n, hs_error *err);

/* Lines that one outlet (series) repeats across its documents: in at least
** 3 documents and at least 30% of the outlet's documents (lines compared
** after normalization), plus the fixed patterns of hs_boiler_find.
** Needs the texts in the corpus (documents whose text was released get no
** ranges).  (*out)[i] is document i's ranges, sorted and merged; free the
** array with hs_boiler_free(*out, hs_corpus_count(c)). */
HS_API int hs_boiler_corpus(const hs_corpus *c, hs_range_list **out,
                            hs_error *err);
HS_API void hs_boiler_free(hs_range_list *lists, size_t n);

/* The per-outlet rule of hs_boiler_corpus, for documents that are not all
** in memory at once: add each document's lines while its text is there
** (thread-safe; series NULL or empty adds nothing), then ask for the
** repeated lines of documents [0, ndocs).  Fixed patterns are not
** included.  Free *out with hs_boiler_free(*out, ndocs). */
typedef struct hs_boiler_lines hs_boiler_lines;
HS_API hs_boiler_lines *hs_boiler_lines_new(void);
HS_API void hs_boiler_lines_free(hs_boiler_lines *b);
HS_API void hs_boiler_lines_add(hs_boiler_lines *b, size_t doc,
                                const char *series, const char *text,
                                size_t len);
/* The same, given the document's tokens (hs_tokenize's for the whole
** text), which spares tokenizing it again; toks NULL: as above. */
HS_API void hs_boiler_lines_add_tokens(hs_boiler_lines *b, size_t doc,
                                       const char *series, const char *text,
                                       size_t len, const hs_token *toks,
                                       size_t ntoks);
HS_API int hs_boiler_lines_repeated(hs_boiler_lines *b, size_t ndocs,
                                    hs_range_list **out, hs_error *err);

/* Page furniture masked while aligning, as `hearsay reuse` does unless
** --keep-boilerplate: the fixed patterns of hs_boiler_find, and the lines
** an outlet repeats (hs_boiler_lines).  hs_reuse_find_masked is
** hs_reuse_find with both (opts->mask and mask_tokens are its own).
** For an engine fed in steps: set opts.mask_tokens = hs_boiler_mask_tokens
** and opts.mask_ud = a hs_boiler_lines (NULL: fixed patterns only) before
** hs_engine_new, add every document, then call hs_boiler_mask_engine
** with the same hs_boiler_lines before hs_engine_run. */
HS_API int hs_reuse_find_masked(const hs_corpus *corpus,
                                const hs_reuse_opts *opts, hs_passage **out,
                                size_t *n, hs_error *err);
HS_API int hs_boiler_mask_tokens(void *ud, size_t doc, const hs_doc *d,
                                 const hs_token *toks, size_t ntoks,
                                 hs_range **r, size_t *n);
HS_API int hs_boiler_mask_engine(hs_boiler_lines *lines, hs_engine *e,
                                 size_t ndocs, hs_error *err);

/* --------------------------------------------------------------- attrib */
/* (attributions: who said it; the citation graph) */

/* The alias table: canonical name, type, aliases.  hs_aliases_new loads
** the table built into the library (data/aliases.tsv); hs_aliases_load
** adds a user file of the same format (TAB-separated: canonical, type,
** alias, alias...; '#' comments), whose entries win. */
HS_API int hs_aliases_new(hs_aliases **out, hs_error *err);
HS_API int hs_aliases_load(hs_aliases *a, const char *path, hs_error *err);
HS_API void hs_aliases_free(hs_aliases *a);
/* Canonical name and type of a name (case and letter variants folded);
** returns 1 if known, else 0. */
HS_API int hs_aliases_lookup(const hs_aliases *a, const char *name,
                             size_t len, const char **canonical, int *type);
/* As hs_aliases_lookup, but an ambiguous alias ("=NAME": a common word or
** a city, «الرياض») does not count: for a name read out of a longer line
** (a masthead, the word before a dateline's dash). */
HS_API int hs_aliases_lookup_name(const hs_aliases *a, const char *name,
                                  size_t len, const char **canonical,
                                  int *type);
/* 1 if name is a country, region or city of the built-in place table
** (data/places.tsv; a leading "the" dropped); *english (may be NULL) gets
** its English name. */
HS_API int hs_aliases_place(const hs_aliases *a, const char *name,
                            size_t len, const char **english);
/* The longest known name in text (windows of up to 6 words; ambiguous
** "=NAME" aliases only as the whole text), e.g. in a masthead.  Returns its
** entry number and fills the outputs (any may be NULL), or -1. */
HS_API long hs_aliases_find_in(const hs_aliases *a, const char *text,
                               size_t len, const char **canonical, int *type,
                               uint32_t *start, uint32_t *end);

/* Every attribution in text (English, Arabic and Persian cue tables of
** src/attrib/attrib.c).  *out is malloc'ed; free with
** hs_attributions_free. */
HS_API int hs_attrib_extract(const char *text, size_t len,
                             const hs_aliases *a, hs_attribution **out,
                             size_t *n, hs_error *err);
HS_API void hs_attributions_free(hs_attribution *v, size_t n);

/* The propagation graph: documents, outlets and cited sources joined by
** reuse (earlier document -> later), republication (a copy covering most
** of the later document), and citation (citing document -> cited source;
** in a chain "A citing B", source A -> source B).  Document edges carry
** their evidence; outlet edges sum the document edges between two outlets
** (count).  See docs/sources.md. */
enum hs_edge_kind { HS_EDGE_REUSE = 0, HS_EDGE_REPUBLISH = 1,
                    HS_EDGE_CITES = 2 };

typedef struct hs_edge {
  int kind;                 /* enum hs_edge_kind */
  uint32_t from, to;        /* node indexes */
  uint32_t doc;             /* evidence document (the later one for reuse,
                               the citing one for cites); UINT32_MAX for
                               outlet edges */
  int undated;              /* an endpoint has no date: direction by order */
  int tie;                  /* same date on both sides */
  uint32_t family;          /* reuse family; UINT32_MAX otherwise */
  uint32_t a_start, a_end;  /* reuse: passage in `from`; cites: source name */
  uint32_t b_start, b_end;  /* reuse: passage in `to`; cites: content */
  uint32_t words;           /* reuse: words matched */
  uint32_t count;           /* document edges summed (1 for a document edge) */
} hs_edge;

enum hs_node_kind { HS_NODE_DOC = 0, HS_NODE_OUTLET = 1, HS_NODE_SOURCE = 2 };

typedef struct hs_graph_node {
  char *name;               /* document id, outlet or source name */
  int kind;                 /* enum hs_node_kind */
  int type;                 /* enum hs_source_type (outlets and sources) */
  char *date;               /* documents: YYYY-MM-DD or NULL */
  uint32_t doc;             /* documents: corpus index */
  uint32_t outlet;          /* documents: node of its outlet, or UINT32_MAX */
} hs_graph_node;

typedef struct hs_graph_family {
  uint32_t first;           /* node of the first document (earliest date;
                               among equal or missing dates, the lowest
                               corpus index) */
  uint32_t ndocs;           /* documents holding a copy */
  int tie;                  /* another copy has the same first date */
  int undated;              /* a copy has no date */
} hs_graph_family;

typedef struct hs_graph {
  hs_graph_node *nodes;
  size_t nnodes;
  hs_edge *edges;
  size_t nedges;
  hs_graph_family *families; /* by family id */
  size_t nfamilies;
} hs_graph;

/* Build the graph from a corpus, its metadata (metas[i] for document i),
** passages (families assigned) and per-document word counts (doc_words may
** be NULL: then no republication edges).  Outlet names are canonicalized
** through aliases (may be NULL).  Free with hs_graph_free. */
HS_API int hs_graph_build(const hs_corpus *c, const hs_meta *metas,
                          const hs_passage *p, size_t np,
                          const uint32_t *doc_words, const hs_aliases *al,
                          hs_graph *g, hs_error *err);
HS_API void hs_graph_free(hs_graph *g);

enum hs_graph_format { HS_GRAPH_DOT = 0, HS_GRAPH_GEXF = 1,
                       HS_GRAPH_JSONL = 2 };
/* "dot", "gexf", "jsonl" -> enum hs_graph_format, else -1. */
HS_API int hs_graph_format_parse(const char *name);
/* Write the graph as GraphViz DOT, GEXF 1.2 or JSON Lines (docs/sources.md).
** Returns HS_EIO if writing fails. */
HS_API int hs_graph_write(FILE *f, int format, const hs_graph *g,
                          hs_error *err);
/* Summary (`hearsay sources`): most-cited sources, the first publisher of
** each family, outlets that only copy.  format: HS_FORMAT_JSONL or text. */
HS_API int hs_sources_write(FILE *f, int format, const hs_graph *g,
                            hs_error *err);
/* Documents and families in date order (`hearsay timeline`). */
HS_API int hs_timeline_write(FILE *f, int format, const hs_graph *g,
                             const hs_passage *p, size_t np, hs_error *err);

/* Store the metadata of documents [first, first+count) (store doc_id =
** corpus index) in the tables documents_meta, attributions and boilerplate
** (created if missing; docs/schema.md); documents that already have a
** documents_meta row are left as they are.  One transaction. */
HS_API int hs_meta_store_save(hs_store *s, size_t first, size_t count,
                              const hs_meta *metas, hs_error *err);

/* Write one JSON Lines record of a document's metadata (docs/sources.md). */
HS_API int hs_meta_write_jsonl(FILE *f, const hs_doc *d, const hs_meta *m,
                               hs_error *err);

/* --------------------------------------------------------------- claims */
/* (sentences, claim search, variants, stories) */

/* A sentence: a byte span of a document's text, end exclusive. */
typedef struct hs_sentence {
  uint32_t start, end;
} hs_sentence;

/* Split text into sentences in any script (rules in src/claims/
** sentences.c and docs/search.md): terminators . ! ? … ؟ ۔ 。, line
** breaks and paragraphs; abbreviations ("Mr.", "Gen.", "Jan.") and
** initials ("U.S.") do not split.  Spans are trimmed of white space and
** never empty.  *out is malloc'ed (caller frees), *n may be 0. */
HS_API int hs_sentences_split(const char *text, size_t len,
                              hs_sentence **out, size_t *n, hs_error *err);

/* Claim search: sentences ranked by BM25 over stems, with a query's
** synonyms (WordNet, shipped table), entity aliases and transliterated
** names as weighted alternatives.  See docs/search.md. */
typedef struct hs_claims hs_claims;

/* wordnet_dir: the WordNet data files (NULL = the system's,
** /usr/share/wordnet; "" = no WordNet).  The shipped alias table is
** loaded; a missing WordNet only disables its synonyms. */
HS_API int hs_claims_new(hs_claims **out, const char *wordnet_dir,
                         hs_error *err);
HS_API void hs_claims_free(hs_claims *c);
/* While *cancel (if cancel is non-NULL) is nonzero, indexing and search
** stop and fail with HS_EINTR (for a store, with hs_store_set_cancel). */
HS_API void hs_claims_set_cancel(hs_claims *c, const volatile int *cancel);
/* Forget every sentence indexed so far (the lexicon, WordNet and the
** aliases added stay loaded), so that one hs_claims serves corpus after
** corpus, e.g. one small document at a time, without loading its tables
** again. */
HS_API void hs_claims_clear(hs_claims *c);
/* Add alias entries from a file in the format of data/entities.tsv;
** HS_EINPUT names FILE:LINE of a malformed line. */
HS_API int hs_claims_add_aliases(hs_claims *c, const char *path,
                                 hs_error *err);
/* Index every sentence of the corpus.  The corpus is borrowed: it must
** outlive c and keep its texts. */
HS_API int hs_claims_add_corpus(hs_claims *c, const hs_corpus *corpus,
                                hs_error *err);

typedef struct hs_claim_hit {
  uint32_t doc;          /* corpus index (or store doc_id) */
  uint32_t start, end;   /* bytes of the sentence in the document */
  double score;          /* bm25 / bm25 of a perfect match: about 0..1 */
  double bm25;
  char *text;            /* the sentence */
  char *name, *date, *outlet; /* document id, date, series (may be NULL) */
  char *explain;         /* JSON array: query word, text word, why, weight */
} hs_claim_hit;

/* The best `limit` sentences with score >= min_score, best first.  Free
** with hs_claim_hits_free. */
HS_API int hs_claims_search(hs_claims *c, const char *query, size_t limit,
                            double min_score, hs_claim_hit **out, size_t *n,
                            hs_error *err);
/* The same over a store: the store's sentences are indexed first if they
** are not yet (tables `sentences`, `sentence_terms`; docs/schema.md). */
HS_API int hs_claims_search_store(hs_claims *c, hs_store *s,
                                  const char *query, size_t limit,
                                  double min_score, hs_claim_hit **out,
                                  size_t *n, hs_error *err);
HS_API void hs_claim_hits_free(hs_claim_hit *h, size_t n);

/* Claim similarity of two sentences in [0,1]: hs_claims_compare's
** similarity (the words' similarity, the mean of the two directions'
** normalized BM25 scores with the collection statistics of the indexed
** corpus, lowered for each changed number, negation or name). */
HS_API int hs_claims_similarity(hs_claims *c, const char *a, const char *b,
                                double *out, hs_error *err);
/* Pairs at least this similar state the same claim (chosen on a third
** of MSRPC train; docs/search.md). */
#define HS_CLAIMS_SAME_THRESHOLD 0.59

/* Variants: what differs between passages stating one claim. */
enum hs_variant_kind {
  HS_VAR_NUMBER = 0, HS_VAR_PLACE_ACTOR = 1, HS_VAR_DATE = 2,
  HS_VAR_NEGATION = 3  /* hs_claims_compare only */
};

/* Comparing two sentences as claims (docs/search.md, "Comparing two
** claims").  Numbers are read as values and agree when the less precise
** is the other rounded ("11" ~ "10.89"); a negator on one side only and
** names (capitalized words, alias entities; matched by alias,
** transliteration key or stem) are compared explicitly. */
enum hs_claim_verdict {
  HS_CLAIM_SAME = 0,      /* similarity >= threshold, nothing changed */
  HS_CLAIM_CHANGED = 1,   /* the words agree (words >= threshold) but a
                             number, the negation or a name changed */
  HS_CLAIM_DIFFERENT = 2  /* neither */
};
#define HS_CLAIM_NFEATURES 25
typedef struct hs_claim_diff {
  int kind;     /* enum hs_variant_kind: number, place/actor, negation */
  char *from;   /* as written in a ("20"); NULL: only in b (added) */
  char *to;     /* as written in b ("2"); NULL: only in a (dropped).
                   Negation: "negated" / "affirmed" on each side. */
} hs_claim_diff;
typedef struct hs_claim_compare {
  double similarity;   /* 0..1: the fixed logistic model of the features
                          below (docs/search.md); lower for a changed
                          number, a negation on one side, a changed name */
  double words;        /* the words' score (BM25 both ways: the "bm25"
                          feature), agreeing numbers made equal first */
  int verdict;         /* enum hs_claim_verdict */
  hs_claim_diff *diffs;/* differences, numbers first */
  size_t ndiffs;
  double features[HS_CLAIM_NFEATURES]; /* what the similarity is computed
                          from (names: hs_claim_feature_name) */
} hs_claim_compare;
/* The name of feature i of hs_claim_compare.features ("bm25",
** "cover_min", ...; docs/search.md), NULL past the last. */
HS_API const char *hs_claim_feature_name(size_t i);
/* Compare sentences a and b (collection statistics of c's corpus) with
** the given threshold (HS_CLAIMS_SAME_THRESHOLD by default).  Free *out
** with hs_claim_compare_free. */
HS_API int hs_claims_compare(hs_claims *c, const char *a, const char *b,
                             double threshold, hs_claim_compare *out,
                             hs_error *err);
HS_API void hs_claim_compare_free(hs_claim_compare *r);
/* "same", "changed", "different"; NULL if unknown. */
HS_API const char *hs_claim_verdict_name(int verdict);
typedef struct hs_variant {
  int kind;          /* enum hs_variant_kind */
  char *key;         /* what is compared ("2", "deir ez-zor") */
  char *value;       /* as written, with context ("2 field commanders") */
  size_t *hits;      /* indexes into the hits array */
  size_t nhits;
} hs_variant;
/* Every number, place or actor, and date that is not stated by all the
** hits, with the hits it comes from (differences only).  Free with hs_variants_free. */
HS_API int hs_claims_variants(hs_claims *c, const hs_claim_hit *h, size_t n,
                              hs_variant **out, size_t *nout, hs_error *err);
HS_API void hs_variants_free(hs_variant *v, size_t n);
HS_API const char *hs_variant_kind_name(int kind);

/* Stories: documents linked by reused passages (the passages table) or by
** stating the same claim in the same words (sentences whose stems match,
** found in at most 50 documents, so that boilerplate links nothing). */
typedef struct hs_story_claim {
  char *text;            /* the sentence, from its earliest document */
  char *name;            /* that document's id */
  uint32_t start, end;
  size_t docs;           /* documents of the story that state it */
} hs_story_claim;
typedef struct hs_story {
  char **names;          /* document ids, earliest first */
  size_t ndocs;
  char **outlets;        /* distinct series, in order of first appearance */
  size_t noutlets;
  char *first_name, *first_date, *first_outlet; /* first appearance */
  hs_story_claim *claims; /* most repeated first */
  size_t nclaims;
} hs_story;
/* Stories of a store with at least two documents, largest first, each with
** at most max_claims claims.  Free with hs_stories_free. */
HS_API int hs_claims_stories(hs_claims *c, hs_store *s, size_t max_claims,
                             hs_story **out, size_t *n, hs_error *err);
HS_API void hs_stories_free(hs_story *s, size_t n);

/* ---------------------------------------------------------------- story */
/* (provenance: the one model of where a story came from and how it
** spread; docs/story.md.  Every command that names a "first" publisher
** takes it from here.) */

/* Where a document's date comes from. */
enum hs_date_source {
  HS_DATE_NONE = 0,   /* undated: never placed before a dated document */
  HS_DATE_GIVEN = 1,  /* the document's metadata (JSONL date, page meta) */
  HS_DATE_TEXT = 2,   /* found in the text (hs_date_find): marked as such */
  HS_DATE_NAME = 3    /* found in the document's id or file name
                         (YYYY-MM-DD): marked as such */
};
/* "none", "metadata", "text", "name". */
HS_API const char *hs_date_source_name(int source);

enum hs_link_kind {
  HS_LINK_REUSE = 0,         /* shared passages, earlier -> later */
  HS_LINK_REPUBLICATION = 1, /* near-duplicate under a later date */
  HS_LINK_PARAPHRASE = 2,    /* the same claim in other words */
  HS_LINK_CITATION = 3       /* cited outlet's document -> citing one */
};
/* "reuse", "republication", "paraphrase", "citation"; NULL if unknown. */
HS_API const char *hs_link_kind_name(int kind);
/* Parse a comma-separated list of kind names into a bit mask (1 << kind);
** returns -1 for an unknown name. */
HS_API int hs_link_kinds_parse(const char *list);

/* A document as the model sees it. */
typedef struct hs_pdoc {
  char *id;
  char *outlet;          /* canonical outlet (metadata, text, folder name);
                            NULL when none is known */
  char *date;            /* YYYY-MM-DD or NULL */
  int date_source;       /* enum hs_date_source */
  double date_confidence;/* 0..1 (1 for metadata) */
  uint32_t date_start, date_end; /* text dates: bytes of the expression */
  char *headline;        /* title, else the first line of the text */
  int denial;            /* an attribution in it is a denial */
  uint32_t story;        /* index into stories, UINT32_MAX if in none */
  int credits;           /* cites a document of its story dated the same
                            day: of a same-day tie it is not the first */
} hs_pdoc;

/* A document-level edge.  from/to are corpus indexes, earlier -> later;
** when the order is not known from the dates (tie: same day; undated: a
** side has no date) the flag says so and from is the lower index. */
typedef struct hs_plink {
  int kind;              /* enum hs_link_kind */
  uint32_t from, to;
  int tie, undated;
  uint32_t passages;     /* reuse/republication: passages between them */
  uint32_t words;        /* words matched (all passages) */
  double similarity;     /* best passage's similarity, or the sentences'
                            claim similarity for paraphrase */
  double cover;          /* share of the later document's words copied */
  uint32_t family;       /* family of the longest passage, or UINT32_MAX */
  uint32_t a_start, a_end; /* longest passage / matched sentence in from */
  uint32_t b_start, b_end; /* ... and in to; citation: the cited name */
  char *a_text, *b_text; /* paraphrase: the two sentences; else NULL */
  char *changes;         /* paraphrase: JSON array of what differs,
                            [{"kind":"number","from":[..],"to":[..]}] */
  char *cited;           /* citation: the cited name */
} hs_plink;

/* "First", with its evidence: the earliest dated document (dates from
** metadata and from text compare alike; an undated document never comes
** before a dated one), ties stated, never broken by guessing: tie = 1
** when another document has the same first date (doc is then the lowest
** corpus index among them, metadata dates before text dates). */
typedef struct hs_first {
  uint32_t doc;          /* corpus index, UINT32_MAX when there is none */
  int tie;               /* documents sharing the first date */
  int undated;           /* no document of the set is dated */
  uint32_t runners[3];   /* the next documents in date order */
  size_t nrunners;
} hs_first;

typedef struct hs_pstory {
  uint32_t *docs;        /* corpus indexes, in date order (undated last) */
  size_t ndocs;
  uint32_t *links;       /* indexes into hs_provenance.links */
  size_t nlinks;
  hs_first first;
  const char *date_from, *date_to; /* span of the dated documents (borrowed
                                      from docs[]; NULL when none) */
  char **outlets;        /* distinct outlets, in order of first appearance */
  size_t noutlets;
  hs_story_claim *claims;/* shared claims, most documents first */
  size_t nclaims;
  int outlet_denied;     /* a document of the story carries a denial */
} hs_pstory;

typedef struct hs_provenance {
  hs_pdoc *docs;         /* one per corpus document */
  size_t ndocs;
  hs_plink *links;
  size_t nlinks;
  hs_pstory *stories;    /* two documents or more, largest first */
  size_t nstories;
  hs_first *families;    /* first of each reuse family, by family id */
  size_t nfamilies;
} hs_provenance;

typedef struct hs_provenance_opts {
  double paraphrase_threshold; /* claim similarity for a paraphrase edge;
                                  default HS_CLAIMS_SAME_THRESHOLD */
  int paraphrase;        /* look for paraphrases (needs claims); 1 */
  double republication_cover; /* near-duplicate: this share of the later
                                 document copied; 0.8 */
  int republication_days; /* ... and dated at least this many days later;
                                 30 */
  size_t max_claims;     /* claims kept per story; 5 */
  uint32_t max_family_docs; /* passages of a family found in more
                               documents are stock text: they join no
                               story and make no edge; 50 (0: no limit) */
  double join_cover;     /* a reuse edge joins two documents into one story
                            when its passages cover at least this share of
                            the later document (with word counts); 0.2 */
} hs_provenance_opts;

HS_API void hs_provenance_opts_default(hs_provenance_opts *o);

/* Build the model from a corpus (texts loaded), its metadata (metas[i] for
** document i; may be NULL), its passages (families assigned), word counts
** (may be NULL: no republication edges), aliases (may be NULL) and a
** claims index of the same corpus (may be NULL: no paraphrase edges).
** Free with hs_provenance_free. */
HS_API int hs_provenance_build(const hs_corpus *c, const hs_meta *metas,
                               const hs_passage *p, size_t np,
                               const uint32_t *doc_words,
                               const hs_aliases *al, hs_claims *claims,
                               const hs_provenance_opts *o,
                               hs_provenance *out, hs_error *err);
HS_API void hs_provenance_free(hs_provenance *pv);

/* The one rule for "first" over any set of documents (corpus indexes). */
HS_API void hs_provenance_first(const hs_provenance *pv, const uint32_t *docs,
                                size_t n, hs_first *out);
/* Compare two documents by that rule: <0 when a comes first. */
HS_API int hs_provenance_cmp(const hs_provenance *pv, uint32_t a, uint32_t b);
/* Make a graph's family firsts those of the model (same families). */
HS_API void hs_provenance_apply_graph(const hs_provenance *pv, hs_graph *g);

/* `hearsay stories`: one record per story (at most limit; 0 = all).
** `hearsay story N`: story N (1-based) as its dated chain; text, or JSON
** Lines records of type "story", "node" and "edge".  docs/story.md. */
HS_API int hs_stories_write(FILE *f, int format, const hs_provenance *pv,
                            size_t limit, hs_error *err);
HS_API int hs_story_write(FILE *f, int format, const hs_provenance *pv,
                          size_t story, hs_error *err);
/* The document-level (level 0) or outlet-level (level 1) graph of the
** model, with only the link kinds in mask (1 << kind), as JSON Lines
** (records of type "node" and "edge") or GraphViz DOT. */
HS_API int hs_provenance_graph_write(FILE *f, int format, int level,
                                     unsigned mask, const hs_provenance *pv,
                                     hs_error *err);

/* ---------------------------------------------------------------- trace */
/* (the HTML report) */

typedef struct hs_trace_opts {
  size_t shard_docs;          /* documents per text shard file; 0 = 500 */
  const int32_t *group;       /* near-duplicate group per document (-1 =
                                 none), e.g. from hs_dups_group; may be NULL */
  const char *title;          /* report title; NULL = "hearsay report" */
  const volatile int *cancel; /* if non-NULL and set, stop with HS_EINTR */
  const hs_meta *metas;       /* metas[i]: metadata of document i (extracted
                                 date, outlet, byline, boilerplate,
                                 attributions), e.g. from hs_meta_extract;
                                 may be NULL (no attribution data) */
  const struct hs_provenance *story; /* the story model of the same corpus
                                 and passages (hs_provenance_build): the
                                 first of each family and the stories
                                 come from it; may be NULL */
} hs_trace_opts;

HS_API void hs_trace_opts_default(hs_trace_opts *o);

/* Write the offline HTML report of corpus c (texts still loaded) and its
** passages p (families assigned) into the folder dir, which must not
** exist, be empty, or hold an earlier report (anything else fails with
** HS_EUSAGE and is left alone).  The report is built in a temporary
** sibling folder and renamed into place: on any failure dir is as it was.
** The folder layout and data format are in docs/report.md. */
HS_API int hs_trace_write(const char *dir, const hs_corpus *c,
                          const hs_passage *p, size_t n,
                          const hs_trace_opts *opts, hs_error *err);

/* ------------------------------------------------------------------ mpi */
/* (distributed reuse runs; docs/mpi.md.  In a library built without
** HS_MPI these run one process: rank 0 of 1.) */

/* Whether the library was built with MPI. */
HS_API int hs_mpi_available(void);
/* Start MPI (once per process, before any other call here) and give this
** process's rank and the number of ranks. */
HS_API int hs_mpi_init(int *argc, char ***argv, int *rank, int *nranks,
                       hs_error *err);
/* End MPI (after the last collective call); safe when not started. */
HS_API void hs_mpi_finalize(void);
/* Collective: every rank passes its status (and err, filled when rc is
** nonzero); all ranks get back the status and message of the lowest
** failing rank, or HS_OK.  Used so that a failure on one rank ends all of
** them with one message, e.g. when reading the input fails before
** hs_engine_run on some ranks only. */
HS_API int hs_mpi_agree(int rc, hs_error *err);

#ifdef __cplusplus
}
#endif
#endif /* HEARSAY_H */
