/*
** sentence_pair.h — what the sentence stage's driver (sentence.c) and
** its per-pair work (sentence_pair.c) share (private to the two): the
** job, read by every thread, and each thread's scratch space.
*/
#ifndef HS_SENTENCE_PAIR_H
#define HS_SENTENCE_PAIR_H

#include <stddef.h>
#include <stdint.h>

#include "align/sentence.h"
#include "util/util.h"

/* A term of a bag of words: its tf·idf weight, count, and whether it
** weighs as little as a stopword. */
typedef struct bent {
  uint32_t term;
  float w;
  uint32_t tf;
  int stop;
} bent;

/* A seed: sentence i of A and j of B alike (cosine, content-term Dice). */
typedef struct sseed {
  uint32_t i, j;
  float cos, dice;
} sseed;

typedef hs_sent_frag frag;

/* A sentence's vector, made once for all the pairs that compare it: the
** first thread that needs it makes it in its own pool and publishes it;
** a thread that made it too late takes the published one (the same). */
typedef struct svent {
  double norm;
  uint32_t m, ncontent;
  bent v[];
} svent;

typedef struct sscratch {
  sseed *seeds;
  size_t capseeds;
  frag *frags;
  size_t nfrags, capfrags;
  bent *va, *vb;
  size_t capva, capvb;
  bent *vs;       /* sent_vec's scratch bag */
  size_t capvs;
  uint64_t *mg[2]; /* range_vec's runs (term << 32 | tf), merged */
  size_t capmg[2];
  uint32_t *rb;   /* ...and their bounds */
  size_t caprb;
  uint32_t *nv;   /* the pair's passages: a0 a1 b0 b1 near-verbatim */
  size_t nnv, capnv;
  uint32_t *tmp, *tmp2;
  size_t captmp, captmp2;
  hs_passage *out;
  size_t nout, capout;
  hs_docbuf bufa, bufb;
  const uint32_t *terma, *termb; /* the pair's terms (token hashes) */
  uint32_t da, db;                /* the pair's documents */
  hs_pool pool;   /* the sentence vectors this thread made */
  struct fcos {   /* the pair's passages compared already (the three
                  ** chainings of a pair meet the same ones) */
    uint32_t i0, i1, j0, j1, words;
    double cos;
  } *fc;
  size_t nfc, capfc;
  hs_error err;
} sscratch;

typedef struct sjob {
  const hs_reuse_opts *o;
  const hs_docset *ds;
  const hs_senttab *st;
  const hs_termcounts *tc;
  uint8_t *idf;            /* per counter of tc, in IDF_UNITs (one byte
                           ** each, so that the table stays in cache) */
  float stopidf;           /* terms weighing less are stopwords */
  uint32_t stopcnt;
  const uint64_t *cand;    /* sentence candidates, sorted: the pair's slot
                           ** in pairs << 32 | sa << 16 | sb */
  const uint64_t *pairs;   /* index -> a << 32 | b */
  size_t nopen;            /* pairs from here on have no n-gram passage */
  size_t nwide;            /* from here on they are wide pairs */
  size_t nweak;            /* from here on they are weak pairs */
  const size_t *gstart;    /* groups of candidates with one pair */
  hs_passage *p;           /* the n-gram passages */
  size_t *byp;             /* cross passages by (a.doc, b.doc) */
  size_t nbyp;
  uint8_t *gone;           /* per passage: merged into a new record */
  svent **sv;              /* per sentence of a compared document: its
                           ** vector once made (sbase[doc] + sentence) */
  size_t *sbase;
  sscratch *sc;
} sjob;

/* hs_parallel_for's work on the groups [begin, end) of candidates (one
** pair each) of job ud (an sjob), in thread's scratch space: the pair's
** seeds, chains and passages, merged into the scratch's records. */
int hs_sent_pairs_range(void *ud, int thread, size_t begin, size_t end);

/* Free what a thread's scratch space holds. */
void hs_sent_scratch_free(sscratch *sc);

#endif
