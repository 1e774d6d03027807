/*
** dist.h — the reuse engine's run spread over MPI ranks (private);
** driver.c calls it from hs_engine_run when hs_reuse_opts.nranks > 1.
** With HS_MPI, also the steps shared by dist.c, dist_postings.c and
** dist_fetch.c.
*/
#ifndef HS_DIST_H
#define HS_DIST_H

#include "hearsay.h"
#include "index/index.h"
#include "index/spill.h"
#include "align/sentence.h"

/* Collective over all ranks.  ds holds every document's table (n = 0 for
** the documents of other ranks); failed is this rank's earlier error (code
** 0 if none).  Fills *out, *n with every passage (sorted as hs_engine_run
** sorts them, families not assigned) on rank 0 and nothing elsewhere, and
** *words (malloc'ed, ds->ndocs entries) with every document's word count
** on every rank.  near (NULL: not wanted) gets on rank 0 the pairs that
** were seeded but gave no passage (hs_align_run's), sorted. */
int hs_dist_run(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                size_t first_new, const hs_hashlist *capped_in,
                const hs_error *failed, hs_passage **out, size_t *n,
                uint32_t **words, uint64_t **near, size_t *nnear,
                hs_error *err);

/* Collective, after hs_dist_run (dist_sent.c): the sentence stage and
** the summary pass (with near, nnear) on rank 0 over the passages *out,
** *n there (st: this rank's sentence bounds, NULL when the stage is off),
** then the subheads sub[0..nsub)
** of every rank merged in; *out, *n as hs_engine_run_local leaves them,
** on rank 0. */
int hs_dist_finish(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                   const hs_senttab *st, const hs_passage *sub, size_t nsub,
                   const uint64_t *near, size_t nnear, size_t first_new,
                   hs_passage **out, size_t *n, hs_error *err);

#ifdef HS_MPI

/* The exchanges and steps of a run, counted for HS_MPI_STATS. */
enum { X_BITSETS, X_POSTINGS, X_PAIRS, X_CAPPED, X_REQUESTS, X_TABLES,
       X_CONVERT, X_PASSAGES, X_WORDS, NX };
enum { S_POSTINGS, S_PAIRS, S_TABLES, S_ALIGN, S_GATHER, S_TOTAL, NSTEP };

typedef struct dist {
  int rank, size;
  uint64_t sent[NX];   /* bytes this rank sent to other ranks */
  uint64_t items[NX];  /* elements this rank sent to other ranks */
  double secs[NSTEP];  /* wall time of each step on this rank */
} dist;

/* All-to-all of elements of esize bytes (dist.c): scount[r] elements for
** rank r, back to back in send by rank.  *recv (malloc'ed) gets rcount[s]
** elements from each rank s, back to back by rank; rdispl (size + 1
** entries) their offsets, in elements. */
void hs_dist_exchange(dist *d, int what, const void *send,
                      const uint64_t *scount, size_t esize, void **recv,
                      uint64_t *rcount, uint64_t *rdispl);

/* Steps 1-2 (dist_postings.c): this rank's postings, exchanged; *post
** gets the postings of the hashes this rank owns. */
int hs_dist_postings_step(dist *d, const hs_reuse_opts *o, int nthreads,
                          const hs_docset *ds, int filter, hs_posting **post,
                          uint64_t *npost, hs_error *err);

/* Step 3 (dist_postings.c): the owner's scan; pairs to the rank of their
** first document, capped shingles to every rank.  Fills xp (CSR over
** ndocs). */
int hs_dist_pairs_step(dist *d, const hs_reuse_opts *o, int nthreads,
                       size_t ndocs, size_t first_new,
                       const hs_hashlist *capped_in, hs_posting *post,
                       uint64_t npost, hs_xpairs *xp);

/* Step 4 (dist_fetch.c): the token tables of the partners this rank
** lacks.  tabs (a copy of ds->docs) gets them, pointing into *store and
** *ident (caller frees both). */
int hs_dist_tables_step(dist *d, const hs_docset *ds, const hs_xpairs *xp,
                        hs_doctab *tabs, uint32_t **store, uint32_t **ident,
                        hs_error *err);

/* Step 5b (dist_fetch.c): passages whose b side is a fetched table hold
** word numbers there; b's owner turns them into byte offsets.  *p, *n:
** this rank's passages, in and out. */
int hs_dist_convert_step(dist *d, const hs_docset *ds, hs_passage **p,
                         size_t *n, hs_error *err);

#endif /* HS_MPI */

#endif
