/*
** sentence.h — the sentence-level stage of the reuse engine (private):
** per-document tables of stemmed terms and sentence bounds, made while
** documents are added, and the pass that aligns the sentences of candidate
** pairs into rewritten and summarized passages after the n-gram stage.
*/
#ifndef HS_SENTENCE_H
#define HS_SENTENCE_H

#include <stddef.h>
#include <stdint.h>

#include "hearsay.h"
#include "index/spill.h"

/* One document: a term (hash of the Snowball stem of the normalized word;
** 0 for a masked word) per token, and its sentences as token ranges. */
typedef struct hs_senttab {
  uint32_t n;      /* tokens */
  uint32_t nsent;  /* sentences */
  uint32_t *term;  /* n terms */
  uint32_t *sent;  /* nsent + 1 token indexes: sentence k is [sent[k], sent[k+1]) */
} hs_senttab;

/* Per-thread stemming state: the stemmers and a cache of recent words. */
typedef struct hs_stemcache hs_stemcache;

hs_stemcache *hs_stemcache_new(void);
void hs_stemcache_free(hs_stemcache *c);

/* Corpus term counts (idf): a table of 2^bits counters indexed by the
** term's low bits, incremented atomically while documents are added. */
typedef struct hs_termcounts {
  uint32_t *c;
  uint32_t mask;
  uint64_t total; /* atomic */
} hs_termcounts;

void hs_termcounts_init(hs_termcounts *tc, unsigned bits);
void hs_termcounts_free(hs_termcounts *tc);

/* Build st for a document from its text and tokens; hash[i] == 0 marks a
** masked token (it gets no term).  Counts the terms into tc. */
void hs_senttab_build(hs_senttab *st, hs_stemcache *c, const char *text,
                      size_t len, const hs_token *toks, size_t n,
                      const uint32_t *hash, hs_termcounts *tc);
void hs_senttab_free(hs_senttab *st);

/* Candidate pairs (a << 32 | b, a < b) for the sentence stage. */
typedef struct hs_pairlist {
  uint64_t *p;
  size_t n, cap;
} hs_pairlist;

/* The sentence stage over documents st[0..ds->ndocs): sentences of two
** documents (one of them >= first_new) sharing rare terms are compared,
** those of the n-gram candidate pairs (sorted and deduplicated here) more
** readily; what it finds is merged with the n-gram passages *p (sorted
** as hs_align_run leaves them) and overlaps are resolved.  *p and *n are
** replaced; the result is sorted like hs_align_run's. */
int hs_sent_run(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                const hs_senttab *st, const hs_termcounts *tc,
                size_t first_new, hs_pairlist *pairs, hs_passage **p,
                size_t *n, hs_error *err);

#endif
