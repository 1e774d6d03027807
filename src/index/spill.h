/*
** spill.h — token tables on disk and the out-of-core index (private).
*/
#ifndef HS_SPILL_H
#define HS_SPILL_H

#include <stddef.h>
#include <stdint.h>

#include "index/index.h"

/* Token tables appended to an unlinked temporary file. */
typedef struct hs_tokfile hs_tokfile;

int hs_tokfile_open(hs_tokfile **out, const char *tmpdir, hs_error *err);
void hs_tokfile_close(hs_tokfile *f);
uint64_t hs_tokfile_size(const hs_tokfile *f);
/* Write t at the end of the file; its offset goes to *off. */
int hs_tokfile_append(hs_tokfile *f, const hs_doctab *t, uint64_t *off,
                      hs_error *err);
/* Rewrite the hashes of the table stored at off (after masking). */
int hs_tokfile_put_hashes(hs_tokfile *f, uint64_t off, const hs_doctab *t,
                          hs_error *err);

/* The engine's documents: docs[d] is in memory, or (start NULL, n > 0)
** in tf at off[d]. */
typedef struct hs_docset {
  const hs_doctab *docs;
  const uint64_t *off;
  hs_tokfile *tf;
  size_t ndocs;
} hs_docset;

/* Scratch for a table read from disk. */
typedef struct hs_docbuf {
  void *p;
  size_t cap;
} hs_docbuf;

/* Document d's table into *out: the one in memory, or read into buf (then
** valid until buf's next use).  Thread-safe with one buf per thread. */
int hs_docset_get(const hs_docset *ds, size_t d, hs_doctab *out,
                  hs_docbuf *buf, hs_error *err);
void hs_docbuf_free(hs_docbuf *b);

/* The pairs of documents to align, as partner lists: document a's
** partners b >= a are partner[start[a] .. start[a+1]), ascending; and the
** shingles above the df cap, for hs_joiner_load. */
typedef struct hs_xpairs {
  uint64_t *start;  /* ndocs + 1 */
  uint32_t *partner;
  size_t npairs;
  hs_hashlist capped;
} hs_xpairs;

/* Build the pairs of ds with the postings spilled to partition files in
** tmpdir, using about `budget` bytes of memory.  Pairs not involving a
** document >= first_new are left out; capped_in (may be NULL; finished)
** adds shingles to treat as capped. */
int hs_xpairs_build(hs_xpairs *out, const hs_docset *ds, size_t first_new,
                    const hs_reuse_opts *opts, const hs_hashlist *capped_in,
                    int nthreads, uint64_t budget, const char *tmpdir,
                    hs_index_stats *stats, hs_error *err);
void hs_xpairs_free(hs_xpairs *x);

#endif
