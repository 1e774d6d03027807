/*
** index.h — document token tables and seed generation (private).
**
** A document is kept as three parallel arrays over its tokens: byte start,
** byte length and a 32-bit hash of the normalized form — 9 bytes a word,
** less than the text itself for every script.  Seeds are pairs of equal
** word n-grams ("shingles") in two documents (or twice in one).
*/
#ifndef HS_INDEX_H
#define HS_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "hearsay.h"

typedef struct hs_doctab {
  uint32_t n;        /* tokens */
  uint32_t *start;   /* byte offset of each token */
  uint32_t *hash;    /* hash of each token's normalized form */
  uint8_t *len;      /* byte length of each token (<= HS_TOKEN_MAX_BYTES) */
} hs_doctab;

/* A seed: shingle at token posa of doc a equals the one at posb of doc b,
** with a < b, or a == b and posa < posb. */
typedef struct hs_seed {
  uint32_t a, b;
  uint32_t posa, posb;
} hs_seed;

/* Fill tab from a token array (copies what it needs). */
void hs_doctab_set(hs_doctab *tab, const hs_token *toks, size_t n);
void hs_doctab_free(hs_doctab *tab);

/* Hash of the shingle of `ngram` words starting at token pos. */
uint64_t hs_shingle_hash(const hs_doctab *tab, uint32_t pos, int ngram);

typedef struct hs_index_stats {
  uint64_t shingles;      /* shingles in all documents */
  uint64_t postings;      /* shingles seen more than once (kept) */
  uint64_t capped;        /* distinct shingles dropped by the df cap */
  uint64_t groups;        /* shingles shared, after the cap */
} hs_index_stats;

/* The candidate index: for every shingle shared by two or more places
** (and within the df cap) its members, and for every document the shared
** shingles it contains.  Seeds are generated from it one document at a
** time, so they never all exist at once. */
typedef struct hs_member {
  uint32_t doc, pos;
} hs_member;

typedef struct hs_cindex {
  size_t ndocs, first_new;
  int ngram, internal;
  hs_member *members;   /* grouped by shingle, by (doc, pos) within */
  uint64_t *gstart;     /* ngroups + 1 */
  size_t ngroups;
  uint32_t *fwd_group;  /* per document, the groups of its shingles... */
  uint64_t *fstart;     /* ...document d's entries are [fstart[d], fstart[d+1]) */
} hs_cindex;

/* Build the candidate index over docs; pairs that do not involve a
** document >= first_new are left out.  Shingles in more than df_cap
** documents, or occurring more than 4*df_cap times, are ignored. */
int hs_cindex_build(hs_cindex *ci, const hs_doctab *docs, size_t ndocs,
                    size_t first_new, const hs_reuse_opts *opts,
                    int nthreads, hs_index_stats *stats, hs_error *err);
void hs_cindex_free(hs_cindex *ci);

/* Seeds of document a with partners b >= a, sorted by (b, posa, posb),
** written to *buf (grown as needed; *tmp is scratch of the same kind).
** Returns their number. */
size_t hs_cindex_seeds(const hs_cindex *ci, uint32_t a, hs_seed **buf,
                       size_t *cap, hs_seed **tmp, size_t *tmpcap);

#endif
