/*
** summary_chain.h — the chaining step of the summary pass (private to
** summary.c and summary_chain.c): sentence matches of a pair of documents
** in, the best run of them that reads as a summary out.
*/
#ifndef HS_SUMMARY_CHAIN_H
#define HS_SUMMARY_CHAIN_H

#include <stddef.h>
#include <stdint.h>

#define SUM_TH_SENT 0.18  /* cosine of a summary sentence and a source one */
#define SUM_MIN_SENTS 3   /* summary sentences matched */
#define SUM_GAP_L 500     /* words between two source sentences of a chain */
#define SUM_RATIO_MIN 2   /* source span words / summary span words, least */

/* A sentence s of the summary side matching sentence l of the other. */
typedef struct hs_sum_seed {
  uint32_t s, l;
  float cos;
} hs_sum_seed;

/* A summary found in one direction of a pair. */
typedef struct hs_sum_found {
  uint32_t s0, s1, l0, l1; /* sentences, inclusive */
  int s_is_a;              /* the summary is in the pair's first document */
  float score, sim, ratio;
  uint32_t words;
  uint32_t nls;            /* source sentences matched... */
  const uint32_t *ls;      /* ...(scratch of the pair's direction) */
} hs_sum_found;

/* Scratch of the chaining, grown as needed (zeroed to start; freed with
** hs_sum_chainbuf_free).  After hs_sum_best_chain, ls holds the source
** sentences of the chain found; mark is free for the caller's use. */
typedef struct hs_sum_chainbuf {
  float *best;
  uint32_t *prev, *ls;
  uint8_t *mark;
  uint64_t *lpos;
  size_t capbest, capprev, capls, capmark, caplpos;
} hs_sum_chainbuf;

void hs_sum_chainbuf_free(hs_sum_chainbuf *cb);

/* Seeds sd[0..n) (any order) cut to the best few of each summary
** sentence, sorted by summary then source sentence; their number. */
size_t hs_sum_topk_seeds(hs_sum_seed *sd, size_t n);

/* Of seeds sd[0..n) (from hs_sum_topk_seeds), chained; the best chain
** that passes into *f (its sentences, score and ratio), its source
** sentences into cb->ls.  ws/wl: the words of each of the ns summary-side
** and nl source-side sentences.  Returns the number of summary sentences
** matched, 0 if none passes.  The sentences of a chain that fails because
** its source span is not longer (a rewrite, not a summary) are explained
** by it: no later chain may use them. */
uint32_t hs_sum_best_chain(hs_sum_chainbuf *cb, const hs_sum_seed *sd,
                           size_t n, const uint32_t *ws, const uint32_t *wl,
                           uint32_t ns, uint32_t nl, uint32_t min_words,
                           hs_sum_found *f);

#endif
