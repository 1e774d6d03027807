/*
** align.h — alignment of candidate pairs into passages (private), for
** callers that build the candidates themselves (the MPI driver).
*/
#ifndef HS_ALIGN_H
#define HS_ALIGN_H

#include "hearsay.h"
#include "index/index.h"
#include "index/spill.h"
#include "align/sentence.h"

/* Align the documents of ds: with ci, every pair it seeds; otherwise the
** pairs of xp, each pair's seeds found by joining the two documents'
** shingles (the tables of both must be in ds).  Passages (families not
** assigned) are sorted by (a.doc, a.start, b.doc, b.start, a.end, b.end);
** *out is malloc'ed.  Progress goes to o->progress as stage "align". */
int hs_align_run(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                 const hs_cindex *ci, const hs_xpairs *xp, hs_passage **out,
                 size_t *n, hs_error *err);
/* HS_OK, or HS_EUSAGE with a message naming the option out of range. */
int hs_reuse_opts_check(const hs_reuse_opts *o, hs_error *err);

/* The same, also appending to pairs (if not NULL) every cross pair of
** documents aligned, for the sentence stage. */
int hs_align_run_pairs(const hs_reuse_opts *o, int nthreads,
                       const hs_docset *ds, const hs_cindex *ci,
                       const hs_xpairs *xp, hs_passage **out, size_t *n,
                       hs_pairlist *pairs, hs_error *err);

#endif
