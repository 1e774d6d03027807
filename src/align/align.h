/*
** align.h — alignment of candidate pairs into passages (private), for
** callers that build the candidates themselves (the MPI driver), and the
** parts of the engine that the driver choice (mpi/driver.c) needs.
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
** *out is malloc'ed.  Progress goes to o->progress as stage "align".
** With near, *near (malloc'ed, *nnear of them) lists the cross pairs
** that shared a few n-grams but gave no passage (a << 32 | b, a < b),
** for the summary pass; NULL: not collected. */
int hs_align_run(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                 const hs_cindex *ci, const hs_xpairs *xp, hs_passage **out,
                 size_t *n, uint64_t **near, size_t *nnear, hs_error *err);
/* HS_OK, or HS_EUSAGE with a message naming the option out of range. */
int hs_reuse_opts_check(const hs_reuse_opts *o, hs_error *err);

/* hs_engine_run's threaded run in this process; the choice between it and
** the distributed run is mpi/driver.c's, so that the engine does not know
** MPI exists. */
int hs_engine_run_local(hs_engine *e, size_t first_new, hs_passage **out,
                        size_t *n, hs_error *err);

/* What a distributed run takes from an engine (all borrowed). */
typedef struct hs_engine_parts {
  const hs_reuse_opts *opts;
  int nthreads;
  hs_docset ds;                /* every document's token table */
  const hs_hashlist *capped;   /* hs_engine_set_capped */
  const hs_error *failed;      /* an earlier spill error (code 0: none) */
} hs_engine_parts;
void hs_engine_parts_get(hs_engine *e, hs_engine_parts *p);
/* The term counts of earlier runs for the sentence stage of the next
** hs_engine_run (borrowed; NULL: none), which also fills its outputs. */
void hs_engine_set_prior(hs_engine *e, hs_sent_prior *p);
/* Every document's sentence bounds (those of this rank's documents in a
** distributed run), or NULL when the sentence stage is off. */
const hs_senttab *hs_engine_senttabs(const hs_engine *e);
/* The repeated subheads (subhead.c) of documents first.. that this
** process tokenized, into *out (malloc'ed); returns how many. */
size_t hs_engine_subheads(const hs_engine *e, size_t first,
                          hs_passage **out);
/* Give e every document's word count (malloc'ed, owned by e from now). */
void hs_engine_set_words(hs_engine *e, uint32_t *words);

#endif
