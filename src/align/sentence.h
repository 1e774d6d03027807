/*
** sentence.h — the sentence-level stage of the reuse engine (private):
** per-document sentence bounds, made while documents are added, and the
** pass that aligns the sentences of the pairs that the n-gram stage joined
** into rewritten and summarized passages.
*/
#ifndef HS_SENTENCE_H
#define HS_SENTENCE_H

#include <stddef.h>
#include <stdint.h>

#include "hearsay.h"
#include "index/spill.h"

/* One document's sentences as token ranges (its terms are the hashes of
** its token table: 0 for a masked word). */
typedef struct hs_senttab {
  uint32_t n;      /* tokens */
  uint32_t nsent;  /* sentences */
  uint32_t *sent;  /* nsent + 1 token indexes: sentence k is [sent[k], sent[k+1]) */
} hs_senttab;

/* Term counts (idf): a table of 2^bits counters indexed by the term's
** low bits. */
typedef struct hs_termcounts {
  uint32_t *c;
  uint32_t mask;
  uint64_t total;
} hs_termcounts;

void hs_termcounts_init(hs_termcounts *tc, unsigned bits);
void hs_termcounts_free(hs_termcounts *tc);
/* Count the n terms of a document (0: none). */
void hs_termcounts_add(hs_termcounts *tc, const uint32_t *term, uint32_t n);
/* Count every document of ds (which == NULL) or those marked in which[],
** on up to nthreads threads; HS_EIO (err filled) if a spilled token table
** cannot be read. */
int hs_termcounts_add_docs(hs_termcounts *tc, const hs_docset *ds,
                           const uint8_t *which, int nthreads, hs_error *err);
/* Uncount those documents (counted before), likewise. */
int hs_termcounts_sub_docs(hs_termcounts *tc, const hs_docset *ds,
                           const uint8_t *which, int nthreads, hs_error *err);
/* Uncount them (counted before). */
void hs_termcounts_sub(hs_termcounts *tc, const uint32_t *term, uint32_t n);

/* The sentence bounds of a document from its text and tokens. */
void hs_senttab_build(hs_senttab *st, const char *text, const hs_token *toks,
                      size_t n);
void hs_senttab_free(hs_senttab *st);

/* Term counts of documents that earlier runs counted (a store filled in
** steps; prior.c): hs_sent_run adds them to its own and counts no
** document again that they hold, and hands back what it counted. */
typedef struct hs_sent_prior {
  const uint32_t *term;     /* distinct terms, ascending */
  const uint64_t *count;    /* occurrences of each */
  size_t nterm;
  uint64_t total;           /* tokens of the documents counted */
  const uint8_t *counted;   /* per engine document: 1 if counted already
                            ** (NULL: none) */
  /* out: the engine documents hs_sent_run counted, their tokens, and
  ** their terms (one per occurrence, unsorted) */
  uint32_t *docs;
  uint64_t *doc_tokens;
  size_t ndocs, capdocs, captok;
  uint32_t *terms;
  size_t nterms, capterms;
} hs_sent_prior;

static inline int hs_sent_prior_has(const hs_sent_prior *p, size_t doc) {
  return p && p->counted && p->counted[doc];
}
/* Record that document doc (n terms, 0 for a masked word) was counted. */
void hs_sent_prior_note(hs_sent_prior *p, size_t doc, const uint32_t *term,
                        uint32_t n);
/* Add the earlier runs' counts to tc. */
void hs_sent_prior_fold(const hs_sent_prior *p, hs_termcounts *tc);
/* The terms counted by the last run, distinct and ascending, with their
** counts (both malloc'ed); returns how many. */
size_t hs_sent_prior_counts(hs_sent_prior *p, uint32_t **term,
                            uint64_t **count);
/* Forget what the last run counted (before the next); free the outputs. */
void hs_sent_prior_reset(hs_sent_prior *p);
void hs_sent_prior_free(hs_sent_prior *p);

/* The sorted keys of hs_sent_cold_keys over every document, when the
** caller made them (a distributed run); hs_sent_run takes them instead of
** reading every document itself. */
typedef struct hs_sent_coldkeys {
  const uint64_t *key;
  size_t n;
} hs_sent_coldkeys;

/* The term counts of the documents that the sentence stage compared, kept
** for the summary pass, which counts those of its own pairs, mostly the
** same: it uncounts and counts only the documents that differ. */
typedef struct hs_sent_counts {
  hs_termcounts tc; /* tc.c NULL: none kept */
  uint8_t *docs;    /* per engine document: 1 if counted */
} hs_sent_counts;

void hs_sent_counts_free(hs_sent_counts *c);

/* The sentence stage over documents st[0..ds->ndocs): the sentences of
** each pair of documents (one of them >= first_new) that the n-gram
** passages *p join without covering either document are compared; what
** it finds is merged with the n-gram passages *p (sorted
** as hs_align_run leaves them) and overlaps are resolved.  *p and *n are
** replaced; the result is sorted like hs_align_run's (on failure *p may
** have been freed: NULL, *n 0; the caller frees *p).  prior (NULL:
** none) holds the counts of earlier runs; cold (NULL: found here from
** every document of ds) the keys that find the pairs without a passage,
** which are appended (a << 32 | b) to *near (*nnear of them; near NULL:
** not wanted) for the summary pass; its term counts are left in *keep
** (NULL: not wanted; kept only without prior counts). */
int hs_sent_run(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                const hs_senttab *st, size_t first_new, hs_sent_prior *prior,
                const hs_sent_coldkeys *cold, uint64_t **near, size_t *nnear,
                hs_sent_counts *keep, hs_passage **p, size_t *n,
                hs_error *err);

/* Term weights: idf per counter of a hs_termcounts, in 15ths, one byte
** each so that the table stays in cache. */
typedef struct hs_sent_idf {
  const uint8_t *q;
  uint32_t mask;
  float stop; /* terms weighing less are stopwords */
} hs_sent_idf;

#define HS_IDF_UNIT 15.0f

static inline float hs_sent_idf_of(const hs_sent_idf *w, uint32_t term) {
  return (float)w->q[term & w->mask] * (1.0f / HS_IDF_UNIT);
}

/* The idf of each counter of tc in HS_IDF_UNITs (one byte each, so that
** the table stays in cache; free() it), made on up to nthreads threads;
** *stopcnt: a term counted more often is a stopword, *stopidf: its idf. */
uint8_t *hs_sent_idf_table(const hs_termcounts *tc, int nthreads,
                           uint32_t *stopcnt, float *stopidf);

/* The sentence pairs to compare (candidates.c): cand[0..ncand), sorted,
** each the pair's index in pairs << 32 | sentence of a << 16 | sentence
** of b, grouped by pair: group g is [gstart[g], gstart[g + 1]);
** pairs[0..npairs) are a << 32 | b, the first nopen of them pairs with an
** n-gram passage, the rest pairs without one. */
typedef struct hs_sent_cands {
  uint64_t *cand;
  size_t ncand;
  uint64_t *pairs;
  size_t npairs, nopen;
  size_t *gstart;
  size_t ngroups;
} hs_sent_cands;

/* A set of document pairs (a << 32 | b, never 0), open addressing:
** hs_sent_pairset_new makes a table of 2^k slots (*mask = 2^k - 1;
** malloc'ed) holding keys[0..n), and (index not NULL) *index, malloc'ed:
** each slot's position in keys; hs_sent_pairset_slot is key's slot, or the
** empty one where it would go. */
uint64_t *hs_sent_pairset_new(const uint64_t *keys, size_t n, size_t *mask,
                              uint32_t **index);
size_t hs_sent_pairset_slot(const uint64_t *k, size_t mask, uint64_t key);

/* The pairs of documents without an n-gram passage worth comparing (the
** cold pairs) are found from the sentence keys of all documents, weighted
** by the counts of all documents, in three steps, so that a run spread
** over ranks (mpi/dist_sent.c) can count and key each rank's documents
** where they are and find the same pairs as one process:
**   hs_sent_cold_counts_init: the count table for ntok tokens in all
**     (hs_termcounts_add each document, hs_termcounts_free it after);
**   hs_sent_cold_keys: with those counts and hs_sent_cold_stopcnt's
**     limit, the keys (term << 32 | doc) of the sentences of the documents
**     marked in docs; *out malloc'ed, unsorted; HS_EIO if a document
**     cannot be read;
**   hs_sent_cold_select: from all those keys, sorted, the pairs that
**     share COLD_TERMS keys held by at most COLD_DOCS documents, one of
**     them >= first_new, and (known not NULL) not in known[0..nknown)
**     (both of whose documents are marked in paired); *out sorted,
**     a << 32 | b, a < b, malloc'ed.  With nstrong not NULL, the wide
**     pairs (sharing COLD_TERMS keys held by at most COLD_WIDE
**     documents, fewer of them by at most COLD_DOCS) follow them, then
**     the weak pairs (sharing COLD_WEAK keys, fewer than COLD_TERMS),
**     each sorted; *nstrong counts the pairs before the weak ones, and
**     *nwide (when not NULL) the wide ones.  The thin pairs (sharing
**     COLD_THIN keys held by at most COLD_WIDE documents, fewer than
**     COLD_WEAK of them by at most COLD_DOCS) lie between the wide and the
**     weak ones and are counted in *nstrong, *nwide and *nthin (when not
**     NULL): the stage compares them as wide pairs, the summary pass
**     does not look at them. */
void hs_sent_cold_counts_init(hs_termcounts *all, uint64_t ntok);
uint32_t hs_sent_cold_stopcnt(const hs_termcounts *all);
int hs_sent_cold_keys(const hs_docset *ds, const hs_senttab *st,
                      const hs_termcounts *tc, uint32_t stopcnt,
                      const uint8_t *docs, uint64_t **out, size_t *nout,
                      hs_error *err);
/* The three steps' keys of every document of ds in one process: counted
** over every document, keyed (on nthreads threads) and sorted (*out
** malloc'ed; the counts are not kept: the stage's weights are those of the
** documents it compares). */
int hs_sent_cold_keys_all(const hs_docset *ds, const hs_senttab *st,
                          int nthreads, uint64_t **out, size_t *nout,
                          hs_error *err);
void hs_sent_cold_select(const uint64_t *pk, size_t np, size_t ndocs,
                         const uint8_t *paired, const uint64_t *known,
                         size_t nknown, size_t first_new, int nthreads,
                         uint64_t **out, size_t *nout, size_t *nstrong,
                         size_t *nwide, size_t *nthin);

/* The candidates of pairs[0..npairs) (a << 32 | b, a < b; the first nopen
** with an n-gram passage), from the sentences of the documents marked in
** inv (keyed on nthreads threads); tc counts the terms of those
** documents, stopcnt as hs_sent_idf_table's.  HS_EIO if a document
** cannot be read. */
int hs_sent_cands_build(const hs_docset *ds, const hs_senttab *st,
                        const hs_termcounts *tc, uint32_t stopcnt,
                        const uint8_t *inv, const uint64_t *pairs,
                        size_t npairs, size_t nopen, int nthreads,
                        hs_sent_cands *c, hs_error *err);
void hs_sent_cands_free(hs_sent_cands *c);

/* n-gram passages this similar are near-verbatim copies, left alone */
#define HS_NEAR_VERBATIM 0.9

/* A passage the sentence stage found in one pair of documents: its
** sentences and tokens on each side and how it was found. */
typedef struct hs_sent_frag {
  uint32_t i0, i1, j0, j1;     /* sentences, inclusive */
  uint32_t ta0, ta1, tb0, tb1; /* tokens, end exclusive */
  uint32_t nseeds, words;
  uint32_t ndi, ndj; /* distinct sentences with a seed, each side */
  float mcos;        /* the seeds' mean cosine */
  int loose;         /* chained with a step back (pairs without an n-gram
                     ** passage: held by the looser rules) */
  float sim;
  int method;
} hs_sent_frag;

/* Where pair (a, b)'s passages start in pp[byp[0..nbyp)] (cross
** passages sorted by pair; the caller checks the pair) (merge.c). */
size_t hs_sent_pair_first(const hs_passage *pp, const size_t *byp,
                          size_t nbyp, uint32_t a, uint32_t b);

/* The passages fr[0..nfr) found in pair (a, b) (reordered) resolved and
** merged with the pair's n-gram passages (pp[byp[0..nbyp)], the cross
** passages sorted by pair; those merged are marked in gone; tv: the token
** bounds of the pair's, a0 a1 b0 b1 and one more, 5 a passage) into
** records appended to *out (*nout of *capout) (merge.c). */
void hs_sent_merge_pair(const hs_passage *pp, const size_t *byp, size_t nbyp,
                        uint8_t *gone, const uint32_t *tv, hs_sent_frag *fr,
                        size_t nfr, uint32_t a, uint32_t b,
                        const hs_doctab *A, const hs_doctab *B,
                        const hs_senttab *SA, const hs_senttab *SB,
                        hs_passage **out, size_t *nout, size_t *capout);

/* Join passages *p of one pair that are pieces of one rewritten passage,
** then grow those that are not near-verbatim by the sentences (st, NULL:
** none) next to them (join.c), the pairs shared among nthreads threads;
** the document tables come from ds.  HS_EIO if one cannot be read. */
int hs_sent_join(const hs_docset *ds, const hs_senttab *st,
                 const hs_sent_idf *w, int nthreads, hs_passage *p,
                 size_t *n, hs_error *err);

#endif
