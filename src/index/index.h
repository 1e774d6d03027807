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
/* Index of the first token starting at or after byte b (tab->n if none). */
uint32_t hs_doctab_token_at(const hs_doctab *tab, uint32_t b);
/* The same for the end b of a span of n tokens starting at token t0
** (a passage's end and its words): tried at t0 + n first, without the
** binary search when it holds. */
uint32_t hs_doctab_token_end(const hs_doctab *tab, uint32_t t0, uint32_t n,
                             uint32_t b);

/* Hash of the shingle of `ngram` words starting at token pos. */
uint64_t hs_shingle_hash(const hs_doctab *tab, uint32_t pos, int ngram);
/* All shingle hashes of a document into *buf (grown as needed); a shingle
** holding a masked word gets 0.  Returns their number. */
size_t hs_doctab_shingles(const hs_doctab *tab, int ngram, uint64_t **buf,
                          size_t *cap);

/* A set of shingle hashes: appended to, then sorted once (finish) and
** searched.  Used for the shingles above the df cap. */
typedef struct hs_hashlist {
  uint64_t *h;
  size_t n, cap;
  int sorted;
} hs_hashlist;

void hs_hashlist_add(hs_hashlist *l, const uint64_t *h, size_t n);
void hs_hashlist_finish(hs_hashlist *l);
int hs_hashlist_has(const hs_hashlist *l, uint64_t h); /* l may be NULL */
void hs_hashlist_free(hs_hashlist *l);

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
** documents, or occurring more than 4*df_cap times, or in `capped` (may
** be NULL, else finished), are ignored. */
int hs_cindex_build(hs_cindex *ci, const hs_doctab *docs, size_t ndocs,
                    size_t first_new, const hs_reuse_opts *opts,
                    const hs_hashlist *capped, int nthreads,
                    hs_index_stats *stats, hs_error *err);
void hs_cindex_free(hs_cindex *ci);

/* Seeds of document a with partners b >= a, sorted by (b, posa, posb),
** written to *buf (grown as needed; *tmp is scratch of the same kind).
** Returns their number. */
size_t hs_cindex_seeds(const hs_cindex *ci, uint32_t a, hs_seed **buf,
                       size_t *cap, hs_seed **tmp, size_t *tmpcap);

/* ---- The index out of core: partitions of postings and document pairs.
** When the index does not fit the memory budget (or is spread over MPI
** ranks), postings are cut by hash into partitions, each sorted and
** scanned on its own into the document pairs worth aligning; a pair's
** seeds are then recomputed by joining the two documents' shingles.  The
** seeds are exactly those hs_cindex_seeds gives, so are the passages. */

typedef struct hs_posting {
  uint64_t hash;
  uint32_t doc, pos;
} hs_posting;

/* Sort by (hash, doc, pos); the postings' hashes agree above bit
** `shift` (64: any hashes). */
void hs_postings_sort(hs_posting *p, size_t n, unsigned shift,
                      int nthreads);

/* Document pairs (a << 32 | b, a <= b), deduplicated now and then, each
** with the number of seeds the pair has (an upper bound for repeats
** inside one document). */
typedef struct hs_pairvec {
  uint64_t *p;
  uint32_t *seeds;
  size_t n, cap;
  size_t unique; /* p[0..unique) is sorted and unique */
  /* Optional: once the vector would grow past flush_at pairs, it is
  ** compacted and, if still half full, handed to flush (which writes it
  ** somewhere) and emptied; flush's first nonzero status stays in
  ** failed. */
  int (*flush)(void *ud, struct hs_pairvec *v);
  void *flush_ud;
  size_t flush_at;
  int failed;
} hs_pairvec;

void hs_pairvec_compact(hs_pairvec *v);
/* Compact, then drop the pairs with fewer than min_seeds seeds. */
void hs_pairvec_prune(hs_pairvec *v, uint32_t min_seeds);
void hs_pairvec_free(hs_pairvec *v);

/* The fewest seeds a pair needs to give a passage: a chain's seeds cover
** at most ngram words each, and a passage needs min_words covered. */
uint32_t hs_min_pair_seeds(const hs_reuse_opts *o);

/* Scan postings sorted by hash with the rule of hs_cindex_build: pairs of
** documents sharing a shingle go to `pairs` (not compacted), shingles
** above the cap to capped_out (may be NULL). */
void hs_postings_scan(const hs_posting *p, size_t n, size_t first_new,
                      const hs_reuse_opts *opts, const hs_hashlist *capped_in,
                      hs_pairvec *pairs, hs_hashlist *capped_out,
                      hs_index_stats *st);

/* The seeds of one pair by a hash join: load document a once, then ask
** for its seeds with each partner b >= a (b == a: repeats inside a, when
** internal).  Same seeds, same order as hs_cindex_seeds gives for b. */
typedef struct hs_joiner {
  uint32_t a;
  int ngram;
  uint64_t *sh;        /* a's join keys; 0 where masked or capped */
  size_t ns, capsh;
  uint64_t *slot_hash; /* open addressing, 0 = empty */
  uint32_t *slot_head;
  size_t nslots;
  uint32_t *next;      /* next position with the same hash */
  size_t capnext;
  uint64_t *shb;       /* scratch: b's join keys */
  size_t capshb;
} hs_joiner;

void hs_joiner_load(hs_joiner *j, const hs_doctab *A, uint32_t a, int ngram,
                    const hs_hashlist *capped);
size_t hs_joiner_seeds(hs_joiner *j, const hs_doctab *B, uint32_t b,
                       int internal, hs_seed **buf, size_t *cap,
                       hs_seed **tmp, size_t *tmpcap);
void hs_joiner_free(hs_joiner *j);

#endif
