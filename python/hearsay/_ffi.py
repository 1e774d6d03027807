"""The C declarations hearsay's Python package uses, and the library.

cffi in ABI mode: nothing is compiled when the package is installed; the
shared library libhearsay.so.N is opened at import.  The declarations below
are copied from include/hearsay.h (the structures must match it field for
field; tests/test_abi.py compares them with the header), and only what the
package calls is declared.

The library is looked for, in order: the file named by $HEARSAY_LIBRARY;
the library directory recorded when the package was built (pkg-config's
libdir of hearsay.pc, or $HEARSAY_LIBRARY, at `pip install` time); the
system's search (ctypes.util.find_library); the usual install prefixes.
"""

import ctypes.util
import glob
import os

from cffi import FFI

CDEF = r"""
typedef struct hs_error {
  int code;
  char msg[1024];
} hs_error;
const char *hs_status_name(int code);
const char *hs_version(void);

typedef void (*hs_warn_fn)(void *ud, const char *where, const char *what);
typedef int (*hs_progress_fn)(void *ud, const char *stage, uint64_t done,
                              uint64_t total);

typedef struct hs_doc {
  char *id;
  char *text;
  size_t len;
  char *series;
  char *date;
  char *title;
  char *url;
  char *extra;
  char *source;
  uint64_t line;
} hs_doc;

typedef struct hs_corpus hs_corpus;
hs_corpus *hs_corpus_new(void);
void hs_corpus_free(hs_corpus *c);
size_t hs_corpus_count(const hs_corpus *c);
const hs_doc *hs_corpus_doc(const hs_corpus *c, size_t i);
int hs_corpus_add(hs_corpus *c, const char *id, const char *text,
                  size_t len, const char *series, const char *date,
                  const char *title, const char *url, const char *extra,
                  const char *source, uint64_t line, hs_error *err);

typedef struct hs_ingest_opts {
  hs_warn_fn warn;
  void *warn_ud;
  uint64_t max_doc_bytes;
  const volatile int *cancel;
  int (*on_doc)(void *ud, hs_corpus *c, size_t index);
  void *on_doc_ud;
  int threads;
  const char *id_field, *text_field, *series_field, *date_field,
      *title_field, *url_field;
} hs_ingest_opts;
int hs_ingest_path(hs_corpus *c, const char *path,
                   const hs_ingest_opts *opts, hs_error *err);

struct hs_range;
typedef struct hs_token {
  uint32_t start, end;
  uint64_t hash;
} hs_token;

typedef struct hs_reuse_opts {
  int ngram;
  int min_words;
  int df_cap;
  int max_gap;
  double min_similarity;
  int threads;
  int internal;
  hs_progress_fn progress;
  void *progress_ud;
  int (*mask)(void *ud, size_t doc, const hs_doc *d, struct hs_range **r,
              size_t *n);
  void *mask_ud;
  uint64_t memory;
  const char *tmpdir;
  int rank, nranks;
  int (*mask_tokens)(void *ud, size_t doc, const hs_doc *d,
                     const hs_token *toks, size_t ntoks, struct hs_range **r,
                     size_t *n);
  int rewrite;
} hs_reuse_opts;
void hs_reuse_opts_default(hs_reuse_opts *o);

typedef struct hs_span {
  uint32_t doc;
  uint32_t start, end;
  uint32_t words;
} hs_span;

typedef struct hs_passage {
  hs_span a, b;
  uint32_t words;
  double similarity;
  int internal;
  uint32_t family;
  int method;
} hs_passage;

const char *hs_passage_method(const hs_passage *p);
int hs_reuse_find(const hs_corpus *corpus, const hs_reuse_opts *opts,
                  hs_passage **out, size_t *n, hs_error *err);
int hs_reuse_find_masked(const hs_corpus *corpus, const hs_reuse_opts *opts,
                         hs_passage **out, size_t *n, hs_error *err);

typedef struct hs_store hs_store;
int hs_store_open(hs_store **out, const char *path, hs_error *err);
void hs_store_close(hs_store *s);
int hs_store_load_docs(hs_store *s, hs_corpus *c, hs_error *err);
int hs_store_load_passages(hs_store *s, hs_passage **out, size_t *n,
                           hs_error *err);

typedef struct hs_store_index_opts {
  hs_reuse_opts reuse;
  hs_ingest_opts ingest;
  size_t batch;
  int keep_boilerplate;
  const char *aliases;
  hs_warn_fn warn;
  void *warn_ud;
  hs_warn_fn notice;
  void *notice_ud;
  hs_progress_fn progress;
  void *progress_ud;
  const volatile int *cancel;
} hs_store_index_opts;

typedef struct hs_store_index_stats {
  size_t added;
  size_t skipped;
  size_t changed;
  size_t passages;
  size_t total;
} hs_store_index_stats;

void hs_store_index_opts_default(hs_store_index_opts *o);
int hs_store_index(hs_store *s, const char *const *paths,
                   size_t npaths, const hs_store_index_opts *opts,
                   hs_store_index_stats *stats, hs_error *err);

typedef struct hs_claims hs_claims;
int hs_claims_new(hs_claims **out, const char *wordnet_dir, hs_error *err);
void hs_claims_free(hs_claims *c);
int hs_claims_add_corpus(hs_claims *c, const hs_corpus *corpus,
                         hs_error *err);
typedef struct hs_claim_hit {
  uint32_t doc;
  uint32_t start, end;
  double score;
  double bm25;
  char *text;
  char *name, *date, *outlet;
  char *explain;
} hs_claim_hit;
int hs_claims_search(hs_claims *c, const char *query, size_t limit,
                     double min_score, hs_claim_hit **out, size_t *n,
                     hs_error *err);
int hs_claims_search_store(hs_claims *c, hs_store *s, const char *query,
                           size_t limit, double min_score,
                           hs_claim_hit **out, size_t *n, hs_error *err);
void hs_claim_hits_free(hs_claim_hit *h, size_t n);

typedef struct hs_story_claim {
  char *text;
  char *name;
  uint32_t start, end;
  size_t docs;
} hs_story_claim;
typedef struct hs_story {
  char **names;
  size_t ndocs;
  char **outlets;
  size_t noutlets;
  char *first_name, *first_date, *first_outlet;
  hs_story_claim *claims;
  size_t nclaims;
} hs_story;
int hs_claims_stories(hs_claims *c, hs_store *s, size_t max_claims,
                      hs_story **out, size_t *n, hs_error *err);
void hs_stories_free(hs_story *s, size_t n);

typedef struct hs_range {
  uint32_t start, end;
} hs_range;
typedef struct hs_range_list {
  const hs_range *r;
  size_t n;
} hs_range_list;
typedef struct hs_meta_field {
  char *value;
  char *raw;
  uint32_t start, end;
  double confidence;
  int given;
} hs_meta_field;
typedef struct hs_attribution {
  char *source;
  char *normalized;
  int type;
  const char *cue;
  uint32_t src_start, src_end;
  uint32_t content_start, content_end;
  int chain;
  int chain_pos;
  int denial;
  int vague;
  int resolved;
} hs_attribution;
typedef struct hs_meta {
  hs_meta_field date, outlet, title, byline;
  int date_ambiguous;
  hs_range *boiler;
  size_t nboiler;
  hs_attribution *attr;
  size_t nattr;
  hs_meta_field original;
  const char *date_source;
  const char *outlet_source;
  size_t nbody_dates;
} hs_meta;
typedef struct hs_aliases hs_aliases;
int hs_aliases_new(hs_aliases **out, hs_error *err);
int hs_aliases_load(hs_aliases *a, const char *path, hs_error *err);
void hs_aliases_free(hs_aliases *a);
int hs_boiler_corpus(const hs_corpus *c, hs_range_list **out,
                     hs_error *err);
void hs_boiler_free(hs_range_list *lists, size_t n);
int hs_meta_extract(const hs_doc *d, const hs_aliases *aliases,
                    const hs_range_list *boiler, hs_meta *out,
                    hs_error *err);
void hs_meta_clear(hs_meta *m);
int hs_meta_write_jsonl(FILE *f, const hs_doc *d, const hs_meta *m,
                        hs_error *err);

void free(void *p);  /* from the C library, through libc below */
FILE *open_memstream(char **ptr, size_t *size);  /* C library too */
int fclose(FILE *f);
"""

ffi = FFI()
ffi.cdef(CDEF)


def _recorded_libdir():
    try:
        from . import _config
    except ImportError:
        return None
    return getattr(_config, "LIBDIR", None)


def _candidates():
    env = os.environ.get("HEARSAY_LIBRARY")
    if env:
        yield env
        return
    libdir = _recorded_libdir()
    if libdir:
        yield from sorted(glob.glob(os.path.join(libdir, "libhearsay.so.*")))
    found = ctypes.util.find_library("hearsay")
    if found:
        yield found
    for prefix in ("/usr/local", "/usr"):
        for pattern in ("lib/libhearsay.so.*", "lib/*-linux-gnu/libhearsay.so.*",
                        "lib64/libhearsay.so.*"):
            yield from sorted(glob.glob(os.path.join(prefix, pattern)))


def _open():
    tried = []
    for path in _candidates():
        try:
            return ffi.dlopen(path), path
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
    raise ImportError(
        "hearsay: cannot load the shared library libhearsay.so; install it "
        "(make install) or set HEARSAY_LIBRARY to its path" +
        ("; tried: " + "; ".join(tried) if tried else ""))


lib, library_path = _open()
# free() for the arrays the library returns: the C library the process uses.
libc = ffi.dlopen(None)
