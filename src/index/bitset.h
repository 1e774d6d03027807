/*
** bitset.h — the index's approximate sets of shingle hashes (private):
** one bit per hash modulo a power of two, set by many threads at once with
** atomic ORs.  Shared by the in-memory index and the out-of-core one.
*/
#ifndef HS_BITSET_H
#define HS_BITSET_H

#include <stdint.h>
#include <stdlib.h>

#include "util/util.h"

typedef struct bitset {
  uint64_t *w;
  uint64_t mask; /* bits - 1 */
} bitset;

/* About bits_per_item bits for each of nitems (a power of two, at least
** 2^16): with 8, a bitset of n shingles is 1/16 full or less.  max_bytes
** (0: no limit) caps the size; a fuller bitset only errs more often
** towards "seen", which costs postings, never results. */
static inline void bitset_init(bitset *b, uint64_t nitems,
                               unsigned bits_per_item, uint64_t max_bytes) {
  uint64_t bits = 1u << 16;
  while (bits < nitems * bits_per_item && bits < ((uint64_t)1 << 36) &&
         (!max_bytes || bits * 2 / 8 <= max_bytes))
    bits <<= 1;
  b->w = hs_calloc((size_t)(bits / 64), sizeof *b->w);
  b->mask = bits - 1;
}

static inline void bitset_free(bitset *b) {
  free(b->w);
  b->w = NULL;
}

/* Atomically set bit; returns whether it was set before. */
static inline int bitset_test_set(bitset *b, uint64_t h) {
  uint64_t i = h & b->mask, bit = (uint64_t)1 << (i & 63);
  uint64_t *w = &b->w[i >> 6];
  if (__atomic_load_n(w, __ATOMIC_RELAXED) & bit) return 1;
  return (__atomic_fetch_or(w, bit, __ATOMIC_RELAXED) & bit) != 0;
}

static inline int bitset_test(const bitset *b, uint64_t h) {
  uint64_t i = h & b->mask;
  return (b->w[i >> 6] >> (i & 63)) & 1;
}

/* Bitset lookups miss the cache; fetching the word needed a few shingles
** ahead hides most of that latency. */
static inline void prefetch_bit(const bitset *bs, uint64_t h) {
  __builtin_prefetch(&bs->w[(h & bs->mask) >> 6]);
}

#endif
