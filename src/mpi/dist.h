/*
** dist.h — the reuse engine's run spread over MPI ranks (private);
** driver.c calls it from hs_engine_run when hs_reuse_opts.nranks > 1.
*/
#ifndef HS_DIST_H
#define HS_DIST_H

#include "hearsay.h"
#include "index/index.h"
#include "index/spill.h"

/* Collective over all ranks.  ds holds every document's table (n = 0 for
** the documents of other ranks); failed is this rank's earlier error (code
** 0 if none).  Fills *out, *n with every passage (sorted as hs_engine_run
** sorts them, families not assigned) on rank 0 and nothing elsewhere, and
** *words (malloc'ed, ds->ndocs entries) with every document's word count
** on every rank. */
int hs_dist_run(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                size_t first_new, const hs_hashlist *capped_in,
                const hs_error *failed, hs_passage **out, size_t *n,
                uint32_t **words, hs_error *err);

#endif
