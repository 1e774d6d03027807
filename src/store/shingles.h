/*
** shingles.h — the store's persistent shingle index (src/store/shingles.c):
** what `hearsay index` needs to align a batch of new documents against a
** store without reading every stored text.  Tables: docs/schema.md,
** "Shingle index".
**
** The new documents of a run go through it in this order:
**   1. hs_sidx_lines_count: their outlet lines;
**   2. hs_sidx_masks: their boilerplate (fixed patterns, and lines their
**      outlet repeats, counted over the store and the run);
**   3. hs_sidx_shingles: their shingle hashes (tokenized with those masks);
**   4. hs_sidx_lookup: which shingles are above the df cap counting the
**      whole store, and which stored documents share enough of the others
**      with a new document to make a passage;
**   5. the caller loads those documents (hs_store_load_docs_at), masks
**      them with hs_sidx_masks, and aligns the new documents batch by
**      batch, committing each with hs_store_commit_at passing
**      hs_sidx_write_hook, so that the index and the documents are one
**      transaction.
*/
#ifndef HS_STORE_SHINGLES_H
#define HS_STORE_SHINGLES_H

#include <stddef.h>
#include <stdint.h>

#include "hearsay.h"

/* One shingle of one batch document: n occurrences of hash in document
** doc (numbered from 0 in the batch).  Arrays are sorted by (hash, doc). */
typedef struct hs_sidx_post {
  uint64_t hash;
  uint32_t doc, n;
} hs_sidx_post;

/* Outlet-line counts of a set of documents (the per-outlet boilerplate
** rule of hs_boiler_corpus, kept as numbers). */
typedef struct hs_sidx_lines hs_sidx_lines;

hs_sidx_lines *hs_sidx_lines_new(void);
void hs_sidx_lines_free(hs_sidx_lines *l);
/* Count the lines of corpus documents [first, first+count). */
void hs_sidx_lines_count(hs_sidx_lines *l, const hs_corpus *c, size_t first,
                         size_t count);

/* Documents [0, n) of the store are in the index; n is 0 for a store
** written before the index existed.  *ndocs: documents stored. */
int hs_sidx_covered(hs_store *s, size_t *n, size_t *ndocs, hs_error *err);

/* Index the stored documents the index lacks (all of them for an older
** store), in one transaction; masks are applied unless keep_boilerplate.
** Progress stage "shingles". */
int hs_sidx_build(hs_store *s, const hs_reuse_opts *o, int keep_boilerplate,
                  hs_progress_fn progress, void *ud, hs_error *err);

/* Boilerplate ranges of corpus documents [first, first+count): the fixed
** patterns of hs_boiler_find and the lines their outlet repeats (in at
** least 3 of its documents and 30% of them), counted over the stored
** documents plus those counted in batch (may be NULL).  *out has count
** entries; free it with hs_boiler_free(*out, count). */
int hs_sidx_masks(hs_store *s, const hs_sidx_lines *batch,
                  const hs_corpus *c, size_t first, size_t count,
                  hs_range_list **out, hs_error *err);

/* Shingles of corpus documents [0, count) (a batch), tokenized with masks
** (may be NULL) as the reuse engine does with options o.  *out sorted by
** (hash, doc); caller frees. */
int hs_sidx_shingles(const hs_reuse_opts *o, const hs_corpus *c,
                     size_t count, const hs_range_list *masks,
                     hs_sidx_post **out, size_t *n, hs_error *err);

/* A shingle capped from batch `batch` of a run on. */
typedef struct hs_sidx_cap {
  uint64_t hash;
  size_t batch;
} hs_sidx_cap;

/* For the shingles of a run's new documents, committed in batches of
** `batch` documents (0: one batch), batch k seeing the stored documents and
** batches 0..k: *capped (sorted by hash) the hashes above o->df_cap (more
** than df_cap documents or more than 4*df_cap occurrences) with the first
** batch that sees them so; *old (sorted, distinct) the stored doc_ids that
** may share a passage with a run document: they share shingles not capped
** for its batch at enough positions for a chain of seeds to cover
** o->min_words words (o->ngram words a seed).  Caller frees both. */
int hs_sidx_lookup(hs_store *s, const hs_sidx_post *p, size_t n,
                   const hs_reuse_opts *o, size_t batch, hs_sidx_cap **capped,
                   size_t *ncapped, size_t **old, size_t *nold,
                   hs_error *err);

/* What a batch adds to the index, for hs_store_commit_at's hook. */
typedef struct hs_sidx_batch {
  const hs_sidx_post *post; /* batch document i is doc_id base + i */
  size_t npost;
  const hs_sidx_lines *lines;
  size_t base, count;
} hs_sidx_batch;

/* hs_store_hook writing an hs_sidx_batch (ud): its shingles, its outlet
** lines, and the index's coverage (which must have been base). */
int hs_sidx_write_hook(hs_store *s, void *ud, hs_error *err);

#endif
