/*
** summary.h — the summary pass of the reuse engine (private): a short
** passage that sums up a long one, found over the document pairs that the
** n-gram stage already looked at.
*/
#ifndef HS_SUMMARY_H
#define HS_SUMMARY_H

#include <stddef.h>
#include <stdint.h>

#include "hearsay.h"
#include "align/sentence.h"
#include "index/spill.h"

/* The summary pass over documents st[0..ds->ndocs): the pairs of the
** cross passages *p (unless they cover nearly a whole document) and the
** pairs near[0..nnear) (a << 32 | b: seeded by the n-gram index or
** sharing rare sentence words, no passage), one of each pair >=
** first_new, are searched for a run of
** sentences of one document that matches, sentence by sentence and in
** order, sentences spread over a span of the other at least three times
** longer.  Each one found becomes one passage of method HS_METHOD_SUMMARY
** that takes in the pair's passages it overlaps; *p and *n are replaced,
** sorted like hs_align_run's.  counts (NULL: none): the sentence stage's
** term counts, taken over (and emptied) when they fit.  HS_EIO if a table
** cannot be read, HS_EINTR if cancelled through o->progress. */
int hs_summary_run(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                   const hs_senttab *st, size_t first_new,
                   const uint64_t *near, size_t nnear, hs_sent_counts *counts,
                   hs_passage **p, size_t *n, hs_error *err);

/* One direction of one pair, for tests: the summary found of sentences
** of S over sentences of L given the cosine of every sentence pair
** (cos[s * nl + l], 0 where they share too little), and the words of
** each sentence; *s0..*s1 and *l0..*l1 (inclusive) its sentences, and the
** number of sentences of S matched.  0 if none passes. */
uint32_t hs_summary_chain(const float *cos, uint32_t ns, uint32_t nl,
                          const uint32_t *words_s, const uint32_t *words_l,
                          uint32_t min_words, uint32_t *s0, uint32_t *s1,
                          uint32_t *l0, uint32_t *l1);

#endif
