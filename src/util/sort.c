/*
** sort.c — LSD radix sorting of 64-bit keys and a keyed sort of records.
**
** Both radix sorts skip a digit on which all keys agree, so keys whose
** high bits are zero cost only the passes their low bits need.  The sort
** of bare keys (with an optional 32-bit value carried along: the index's
** shingle hashes and pairs) uses 16-bit digits, four passes at most, for
** arrays of millions, 8-bit digits below 16,384 keys and a stable
** insertion sort below 64 (a run of the reuse path sorts many small
** arrays: zeroing and summing 65,536 counters a pass cost more than their
** keys); the (key, index) pairs of hs_sort_keyed use 11-bit
** digits (2,048 counters per digit stay in the first-level cache), all
** digits counted in one read of the keys.
**
** hs_sort_keyed sorts (key, index) pairs rather than the records, so a
** record is moved once, at the end, whatever its size, in place (cycle by
** cycle): the sort needs 16 bytes an element besides the records.
** Several keys are sorted least significant first, each pass stable,
** which gives the lexicographic order of the tuple.  Runs of equal first
** keys are then sorted with the caller's comparator (insertion sort when
** short, qsort when long): when the later keys hold the fields the
** comparator reads next, those runs are already in order and cost one
** comparison per element.
*/
#include "util/sort.h"

#include <stdlib.h>
#include <string.h>

#include "util/parallel.h"
#include "util/util.h"

#define DIGIT_BITS 11
#define NDIGITS 6
#define NBUCKETS (1u << DIGIT_BITS)

/* Below this many elements qsort is used as it is. */
#define SMALL_N 64
/* Runs of equal keys up to this long are insertion-sorted. */
#define INSERTION_MAX 24

typedef struct sort_kv {
  uint64_t key;
  size_t idx;
} sort_kv;

int hs_sort_bits(uint64_t x) {
  int b = 0;
  while (x) {
    b++;
    x >>= 1;
  }
  return b;
}

void hs_sort_pack_init(hs_sort_pack *pk, const uint64_t *max, int nfields) {
  int w[HS_SORT_PACK_MAX], total = 0, i;
  if (nfields > HS_SORT_PACK_MAX) nfields = HS_SORT_PACK_MAX;
  pk->nf = 0;
  for (i = 0; i < nfields; i++) {
    w[i] = hs_sort_bits(max[i]);
    if (total + w[i] > 64) break;
    total += w[i];
    pk->nf++;
  }
  /* shift[i] is the width of the fields after i. */
  for (i = 0; i < pk->nf; i++) {
    total -= w[i];
    pk->shift[i] = w[i] ? total : 0; /* a field always 0 adds nothing */
  }
}

/* Stable sort of v[0..n) by key; t is scratch of n entries.  Returns the
** buffer holding the result (v or t). */
static sort_kv *sort_radix_kv(sort_kv *v, sort_kv *t, size_t n,
                              size_t *cnt) {
  size_t i;
  int d;
  memset(cnt, 0, NDIGITS * NBUCKETS * sizeof *cnt);
  for (i = 0; i < n; i++) {
    uint64_t k = v[i].key;
    for (d = 0; d < NDIGITS; d++)
      cnt[d * NBUCKETS + ((k >> (d * DIGIT_BITS)) & (NBUCKETS - 1))]++;
  }
  for (d = 0; d < NDIGITS; d++) {
    size_t *c = cnt + d * NBUCKETS, sum = 0, b;
    int shift = d * DIGIT_BITS;
    sort_kv *sw;
    if (c[(v[0].key >> shift) & (NBUCKETS - 1)] == n) continue;
    for (b = 0; b < NBUCKETS; b++) {
      size_t x = c[b];
      c[b] = sum;
      sum += x;
    }
    for (i = 0; i < n; i++) t[c[(v[i].key >> shift) & (NBUCKETS - 1)]++] = v[i];
    sw = v;
    v = t;
    t = sw;
  }
  return v;
}

static int u64_cmp(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return (a > b) - (a < b);
}

/* Stable insertion sort of short arrays (with the carried values): the
** order the radix passes give, without their tables. */
static void sort_u64_short(uint64_t *key, uint32_t *carry, size_t n) {
  size_t i, j;
  for (i = 1; i < n; i++) {
    uint64_t k = key[i];
    uint32_t c = carry ? carry[i] : 0;
    for (j = i; j > 0 && key[j - 1] > k; j--) {
      key[j] = key[j - 1];
      if (carry) carry[j] = carry[j - 1];
    }
    key[j] = k;
    if (carry) carry[j] = c;
  }
}

/* hs_sort_u64_carry's passes from bit low on (0 or 32): the keys in the
** order of their bits from low up, stably. */
static void sort_u64_from(uint64_t *key, uint32_t *carry, size_t n,
                          unsigned low) {
  size_t *count, i, nb;
  uint64_t *tk, *sk = key, *dk, all_or = 0, all_and = ~(uint64_t)0;
  uint32_t *tc = NULL, *sc = carry, *dc;
  unsigned shift, bits;
  if (n < 2) return;
  if (n < SMALL_N) {
    if (carry) sort_u64_short(key, carry, n);
    else qsort(key, n, sizeof *key, u64_cmp);
    return;
  }
  /* 16-bit digits for big arrays; 8-bit ones below 2^14 keys, where
  ** clearing and summing 65,536 counters a pass would cost more than
  ** the keys (the passes are stable: same order either way) */
  bits = n < ((size_t)1 << 14) ? 8 : 16;
  nb = (size_t)1 << bits;
  for (i = 0; i < n; i++) {
    all_or |= key[i];
    all_and &= key[i];
  }
  count = hs_malloc(nb * sizeof *count);
  tk = hs_reallocarray(NULL, n, sizeof *tk);
  if (carry) tc = hs_reallocarray(NULL, n, sizeof *tc);
  dk = tk;
  dc = tc;
  for (shift = low; shift < 64; shift += bits) {
    size_t sum = 0;
    uint64_t *t;
    uint32_t *u;
    if ((((all_or ^ all_and) >> shift) & (nb - 1)) == 0) continue;
    memset(count, 0, nb * sizeof *count);
    for (i = 0; i < n; i++) count[(sk[i] >> shift) & (nb - 1)]++;
    for (i = 0; i < nb; i++) {
      size_t c = count[i];
      count[i] = sum;
      sum += c;
    }
    for (i = 0; i < n; i++) {
      size_t at = count[(sk[i] >> shift) & (nb - 1)]++;
      dk[at] = sk[i];
      if (carry) dc[at] = sc[i];
    }
    t = sk;
    sk = dk;
    dk = t;
    u = sc;
    sc = dc;
    dc = u;
  }
  if (sk != key) {
    memcpy(key, sk, n * sizeof *key);
    if (carry) memcpy(carry, sc, n * sizeof *carry);
  }
  free(tk);
  free(tc);
  free(count);
}

void hs_sort_u64_carry(uint64_t *key, uint32_t *carry, size_t n) {
  sort_u64_from(key, carry, n, 0);
}

void hs_sort_u64(uint64_t *v, size_t n) { sort_u64_from(v, NULL, n, 0); }

void hs_sort_u64_high(uint64_t *v, uint32_t *carry, size_t n) {
  sort_u64_from(v, carry, n, 32);
}

/* hs_sort_u64_threads: keys dealt into parts by their top used bits
** (blocks of keys counted side by side, then each block dealt from its
** own place in each part, so each part holds its keys in input order),
** each part sorted on its own on the threads and copied back; the parts
** in order are the sorted array. */
#define PAR_PART_BITS 6
#define PAR_PARTS ((size_t)1 << PAR_PART_BITS)
#define PAR_BLOCKS 16   /* blocks of elements counted and dealt side by side */
#define PAR_MIN ((size_t)1 << 16) /* fewer keys: one sort */

typedef struct par_job {
  const uint64_t *in;
  uint64_t *v, *out;   /* out: the parts, sorted into v */
  size_t n;
  unsigned shift;
  uint64_t bmax[PAR_BLOCKS];
  size_t at[PAR_BLOCKS][PAR_PARTS]; /* per block: its keys in each part,
                                    ** then where the next goes */
  const size_t *start; /* part q is out[start[q] .. start[q + 1]) */
} par_job;

/* The first of n elements in block k of nblocks (block nblocks: n). */
static size_t block_start(size_t n, size_t k, size_t nblocks) {
  return n / nblocks * k + n % nblocks * k / nblocks;
}

/* Elements dealt into PAR_PARTS parts by blocks side by side: at[k][q],
** block k's count of part q, becomes where block k's first element of
** part q goes (after those of the blocks before it), and start[q] part
** q's first place (start[PAR_PARTS]: the end). */
static void block_places(size_t at[PAR_BLOCKS][PAR_PARTS], size_t *start) {
  size_t q, k;
  for (q = 0, start[0] = 0; q < PAR_PARTS; q++) {
    size_t next = start[q];
    for (k = 0; k < PAR_BLOCKS; k++) {
      size_t c = at[k][q];
      at[k][q] = next;
      next += c;
    }
    start[q + 1] = next;
  }
}

static size_t par_block_at(const par_job *j, size_t k) {
  return block_start(j->n, k, PAR_BLOCKS);
}

static int par_max(void *ud, int thread, size_t begin, size_t end) {
  par_job *j = ud;
  size_t k, i;
  (void)thread;
  for (k = begin; k < end; k++) {
    uint64_t max = 0;
    for (i = par_block_at(j, k); i < par_block_at(j, k + 1); i++)
      max |= j->in[i];
    j->bmax[k] = max;
  }
  return 0;
}

static int par_count(void *ud, int thread, size_t begin, size_t end) {
  par_job *j = ud;
  size_t k, i;
  (void)thread;
  for (k = begin; k < end; k++) {
    size_t *at = j->at[k];
    memset(at, 0, sizeof j->at[k]);
    for (i = par_block_at(j, k); i < par_block_at(j, k + 1); i++)
      at[j->in[i] >> j->shift]++;
  }
  return 0;
}

static int par_deal(void *ud, int thread, size_t begin, size_t end) {
  par_job *j = ud;
  size_t k, i;
  (void)thread;
  for (k = begin; k < end; k++) {
    size_t *at = j->at[k];
    for (i = par_block_at(j, k); i < par_block_at(j, k + 1); i++)
      j->out[at[j->in[i] >> j->shift]++] = j->in[i];
  }
  return 0;
}

static int sort_parts(void *ud, int thread, size_t begin, size_t end) {
  par_job *j = ud;
  size_t q;
  (void)thread;
  for (q = begin; q < end; q++) {
    size_t s = j->start[q], m = j->start[q + 1] - s;
    hs_sort_u64(j->out + s, m);
    memcpy(j->v + s, j->out + s, m * sizeof *j->v);
  }
  return 0;
}

void hs_sort_u64_threads(uint64_t *v, size_t n, int nthreads) {
  size_t start[PAR_PARTS + 1], k;
  uint64_t max = 0;
  int bits;
  par_job j;
  if (nthreads < 2 || n < PAR_MIN) {
    hs_sort_u64(v, n);
    return;
  }
  j.in = j.v = v;
  j.n = n;
  hs_parallel_for(nthreads, PAR_BLOCKS, 1, par_max, &j);
  for (k = 0; k < PAR_BLOCKS; k++) max |= j.bmax[k];
  /* the parts by the top bits that the keys use (pair indexes in the
  ** high half of a key leave the top of it 0) */
  bits = hs_sort_bits(max);
  j.shift = bits > PAR_PART_BITS ? (unsigned)(bits - PAR_PART_BITS) : 0;
  hs_parallel_for(nthreads, PAR_BLOCKS, 1, par_count, &j);
  block_places(j.at, start);
  j.out = hs_reallocarray(NULL, n, sizeof *j.out);
  hs_parallel_for(nthreads, PAR_BLOCKS, 1, par_deal, &j);
  j.start = start;
  hs_parallel_for(nthreads, PAR_PARTS, 1, sort_parts, &j);
  free(j.out);
}

int hs_u64_sorted_has(const uint64_t *v, size_t n, uint64_t x) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (v[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && v[lo] == x;
}

/* hs_sort_u32 below U32_MERGE keys (the bags of words of sentences and
** passages, thousands of them a run): blocks of eight put in order by a
** sorting network, then merged two at a time between v and tmp.  Both
** without a branch on the keys (a compare-exchange is a min and a max,
** the merge takes one of two heads and steps one index by the comparison):
** keys are hashes, in random order, whose branches no predictor guesses;
** insertion and a merge that branches cost 40% more on such bags of
** 2 to 80 words.  A short block is filled up with UINT32_MAX, sorted to
** its end and left there. */
#define U32_BLOCK 8
#define U32_MERGE 512 /* keys sorted by merging, at most (a radix sort's
                      ** 1,024 counters cost more than a few hundred) */

#define U32_CX(v, x, y)                                   \
  do {                                                    \
    uint32_t lo_ = (v)[x], hi_ = (v)[y];                  \
    (v)[x] = lo_ < hi_ ? lo_ : hi_;                       \
    (v)[y] = lo_ < hi_ ? hi_ : lo_;                       \
  } while (0)

/* Batcher's odd-even merge network of 8: 19 compare-exchanges. */
static void sort_u32_block(uint32_t *v) {
  U32_CX(v, 0, 2); U32_CX(v, 1, 3); U32_CX(v, 4, 6); U32_CX(v, 5, 7);
  U32_CX(v, 0, 4); U32_CX(v, 1, 5); U32_CX(v, 2, 6); U32_CX(v, 3, 7);
  U32_CX(v, 0, 1); U32_CX(v, 2, 3); U32_CX(v, 4, 5); U32_CX(v, 6, 7);
  U32_CX(v, 2, 4); U32_CX(v, 3, 5); U32_CX(v, 1, 4); U32_CX(v, 3, 6);
  U32_CX(v, 1, 2); U32_CX(v, 3, 4); U32_CX(v, 5, 6);
}

/* v[0..n), n < U32_BLOCK, through the network with UINT32_MAX after it. */
static void sort_u32_short(uint32_t *v, size_t n) {
  uint32_t b[U32_BLOCK];
  size_t x;
  for (x = 0; x < U32_BLOCK; x++) b[x] = x < n ? v[x] : UINT32_MAX;
  sort_u32_block(b);
  memcpy(v, b, n * sizeof *v);
}

static void sort_u32_merge(uint32_t *v, size_t n, uint32_t *tmp) {
  uint32_t *a = v, *b = tmp, *sw;
  size_t s, w;
  for (s = 0; s + U32_BLOCK <= n; s += U32_BLOCK) sort_u32_block(v + s);
  if (s < n) sort_u32_short(v + s, n - s);
  for (w = U32_BLOCK; w < n; w *= 2) {
    for (s = 0; s < n; s += 2 * w) {
      size_t i = s, m = s + w < n ? s + w : n;
      size_t k = m, e = s + 2 * w < n ? s + 2 * w : n, o = s;
      while (i < m && k < e) {
        uint32_t x = a[i], y = a[k];
        size_t right = y < x;
        b[o++] = right ? y : x;
        k += right;
        i += 1 - right;
      }
      while (i < m) b[o++] = a[i++];
      while (k < e) b[o++] = a[k++];
    }
    sw = a, a = b, b = sw;
  }
  if (a != v) memcpy(v, a, n * sizeof *v);
}

void hs_sort_u32(uint32_t *v, size_t n, uint32_t *tmp) {
  uint32_t *a = v, *b = tmp, *sw, cnt[256], sh;
  size_t x;
  if (n < 2) return;
  if (n < U32_BLOCK) {
    sort_u32_short(v, n);
    return;
  }
  if (n <= U32_MERGE) {
    sort_u32_merge(v, n, tmp);
    return;
  }
  for (sh = 0; sh < 32; sh += 8) { /* four passes: the result is in v */
    uint32_t sum = 0, c;
    memset(cnt, 0, sizeof cnt);
    for (x = 0; x < n; x++) cnt[(a[x] >> sh) & 255]++;
    for (c = 0; c < 256; c++) {
      uint32_t k = cnt[c];
      cnt[c] = sum;
      sum += k;
    }
    for (x = 0; x < n; x++) b[cnt[(a[x] >> sh) & 255]++] = a[x];
    sw = a, a = b, b = sw;
  }
}

/* Puts base[s..e) in cmp's order, stably; tmp holds one element. */
static void sort_run(char *base, size_t s, size_t e, size_t size,
                     hs_sort_cmp_fn cmp, char *tmp) {
  size_t i;
  for (i = s + 1; i < e; i++)
    if (cmp(base + (i - 1) * size, base + i * size) > 0) break;
  if (i >= e) return; /* already in order */
  if (e - s > INSERTION_MAX) {
    qsort(base + s * size, e - s, size, cmp);
    return;
  }
  for (; i < e; i++) {
    size_t j = i;
    if (cmp(base + (i - 1) * size, base + i * size) <= 0) continue;
    memcpy(tmp, base + i * size, size);
    while (j > s && cmp(base + (j - 1) * size, tmp) > 0) {
      memcpy(base + j * size, base + (j - 1) * size, size);
      j--;
    }
    memcpy(base + j * size, tmp, size);
  }
}

/* Moves the records in place, cycle by cycle: position i takes record
** r[i].idx; a position done is marked by idx == i.  tmp holds one. */
static void move_records(char *b, size_t size, sort_kv *r, size_t n,
                         char *tmp) {
  size_t i;
  for (i = 0; i < n; i++) {
    size_t at = i, from;
    if (r[i].idx == i) continue;
    memcpy(tmp, b + i * size, size);
    while ((from = r[at].idx) != i) {
      memcpy(b + at * size, b + from * size, size);
      r[at].idx = at;
      at = from;
    }
    memcpy(b + at * size, tmp, size);
    r[at].idx = at;
  }
}

/* Runs of equal first keys among records [s0, e0) into cmp's order. */
static void sort_runs(char *b, size_t s0, size_t e0, size_t size,
                      hs_sort_key_fn key, const void *ctx,
                      hs_sort_cmp_fn cmp, char *tmp) {
  size_t s, i;
  uint64_t prev;
  if (e0 <= s0) return;
  prev = key(b + s0 * size, 0, ctx);
  for (s = s0, i = s0 + 1; i <= e0; i++) {
    uint64_t cur = 0;
    if (i < e0 && (cur = key(b + i * size, 0, ctx)) == prev) continue;
    if (i - s > 1) sort_run(b, s, i, size, cmp, tmp);
    s = i;
    prev = cur;
  }
}

/* Whether records [0, n) are in cmp's order already; else sorted by
** qsort when short or keyless.  1: nothing left to do. */
static int keyed_trivial(char *b, size_t n, size_t size, int nrounds,
                         hs_sort_cmp_fn cmp) {
  size_t i;
  if (n < 2) return 1;
  for (i = 1; i < n; i++)
    if (cmp(b + (i - 1) * size, b + i * size) > 0) break;
  if (i == n) return 1; /* already in order */
  if (n < SMALL_N || nrounds < 1 || nrounds > HS_SORT_MAX_ROUNDS) {
    qsort(b, n, size, cmp);
    return 1;
  }
  return 0;
}

void hs_sort_keyed(void *base, size_t n, size_t size, int nrounds,
                   hs_sort_key_fn key, const void *ctx, hs_sort_cmp_fn cmp) {
  char *b = base, *tmp;
  sort_kv *v, *t, *r;
  size_t *cnt, i;
  int round;

  if (keyed_trivial(b, n, size, nrounds, cmp)) return;
  v = hs_reallocarray(NULL, n, sizeof *v);
  t = hs_reallocarray(NULL, n, sizeof *t);
  cnt = hs_reallocarray(NULL, NDIGITS * NBUCKETS, sizeof *cnt);
  for (i = 0; i < n; i++) v[i].idx = i;
  r = v;
  for (round = nrounds - 1; round >= 0; round--) {
    sort_kv *o;
    for (i = 0; i < n; i++) r[i].key = key(b + r[i].idx * size, round, ctx);
    o = r == v ? t : v;
    r = sort_radix_kv(r, o, n, cnt);
  }
  free(cnt);
  free(r == v ? t : v);
  tmp = hs_malloc(size);
  move_records(b, size, r, n, tmp);
  free(r);
  sort_runs(b, 0, n, size, key, ctx, cmp, tmp);
  free(tmp);
}

/* hs_sort_keyed_threads: the first keys computed on the threads, the
** (key, index) pairs dealt into parts by the first key's top used bits
** (stably: blocks of records counted side by side, then each block
** dealt from its own place in each part), each part's pairs sorted by all
** keys on the threads as hs_sort_keyed sorts the whole (so the parts in
** order are its order), the records gathered in that order into a copy
** and copied back, by ranges on the threads (n records of memory more
** than a move cycle by cycle on one thread), then the runs of equal first
** keys, which never cross parts, sorted part by part. */
#define KEYED_MIN ((size_t)1 << 14) /* fewer records: one thread */

typedef struct keyed_job {
  char *b, *copy;
  size_t n, size;
  int nrounds;
  unsigned shift;
  hs_sort_key_fn key;
  const void *ctx;
  hs_sort_cmp_fn cmp;
  sort_kv *v, *t;      /* v: first keys by record; t: by part */
  const size_t *start; /* part q: [start[q], start[q + 1]) */
  uint64_t bmax[PAR_BLOCKS];          /* per block: its keys ORed */
  size_t at[PAR_BLOCKS][PAR_PARTS]; /* per block: its pairs in each
                                        ** part, then where the next goes */
  size_t **cnt;        /* per thread */
  char **tmp;          /* per thread: one record */
} keyed_job;

static size_t block_at(const keyed_job *j, size_t k) {
  return block_start(j->n, k, PAR_BLOCKS);
}

static int keyed_first(void *ud, int thread, size_t begin, size_t end) {
  keyed_job *j = ud;
  size_t k, i;
  (void)thread;
  for (k = begin; k < end; k++) {
    uint64_t max = 0;
    for (i = block_at(j, k); i < block_at(j, k + 1); i++) {
      j->v[i].idx = i;
      j->v[i].key = j->key(j->b + i * j->size, 0, j->ctx);
      max |= j->v[i].key;
    }
    j->bmax[k] = max;
  }
  return 0;
}

static int keyed_count(void *ud, int thread, size_t begin, size_t end) {
  keyed_job *j = ud;
  size_t k, i;
  (void)thread;
  for (k = begin; k < end; k++) {
    size_t *at = j->at[k];
    memset(at, 0, sizeof j->at[k]);
    for (i = block_at(j, k); i < block_at(j, k + 1); i++)
      at[j->v[i].key >> j->shift]++;
  }
  return 0;
}

static int keyed_deal(void *ud, int thread, size_t begin, size_t end) {
  keyed_job *j = ud;
  size_t k, i;
  (void)thread;
  for (k = begin; k < end; k++) {
    size_t *at = j->at[k];
    for (i = block_at(j, k); i < block_at(j, k + 1); i++)
      j->t[at[j->v[i].key >> j->shift]++] = j->v[i];
  }
  return 0;
}

static int keyed_part(void *ud, int thread, size_t begin, size_t end) {
  keyed_job *j = ud;
  size_t q, i;
  for (q = begin; q < end; q++) {
    size_t s = j->start[q], n = j->start[q + 1] - s;
    sort_kv *r = j->t + s, *o = j->v + s, *res = r;
    int round;
    if (!n) continue;
    for (round = j->nrounds - 1; round >= 0; round--) {
      if (round || j->nrounds > 1) /* the first keys are there already */
        for (i = 0; i < n; i++)
          res[i].key = j->key(j->b + res[i].idx * j->size, round, j->ctx);
      res = sort_radix_kv(res, res == r ? o : r, n, j->cnt[thread]);
    }
    if (res != r) memcpy(r, res, n * sizeof *r);
  }
  return 0;
}

static int keyed_gather(void *ud, int thread, size_t begin, size_t end) {
  keyed_job *j = ud;
  size_t i;
  (void)thread;
  for (i = begin; i < end; i++)
    memcpy(j->copy + i * j->size, j->b + j->t[i].idx * j->size, j->size);
  return 0;
}

static int keyed_copy_back(void *ud, int thread, size_t begin, size_t end) {
  keyed_job *j = ud;
  (void)thread;
  memcpy(j->b + begin * j->size, j->copy + begin * j->size,
         (end - begin) * j->size);
  return 0;
}

static int keyed_runs(void *ud, int thread, size_t begin, size_t end) {
  keyed_job *j = ud;
  size_t q;
  for (q = begin; q < end; q++)
    sort_runs(j->b, j->start[q], j->start[q + 1], j->size, j->key, j->ctx,
              j->cmp, j->tmp[thread]);
  return 0;
}

void hs_sort_keyed_threads(void *base, size_t n, size_t size, int nrounds,
                           hs_sort_key_fn key, const void *ctx,
                           hs_sort_cmp_fn cmp, int nthreads) {
  keyed_job j;
  size_t start[PAR_PARTS + 1], k;
  uint64_t max = 0;
  int bits, t;
  if (nthreads < 2 || n < KEYED_MIN) {
    hs_sort_keyed(base, n, size, nrounds, key, ctx, cmp);
    return;
  }
  if (keyed_trivial(base, n, size, nrounds, cmp)) return;
  j.b = base;
  j.n = n;
  j.size = size;
  j.nrounds = nrounds;
  j.key = key;
  j.ctx = ctx;
  j.cmp = cmp;
  j.v = hs_reallocarray(NULL, n, sizeof *j.v);
  j.t = hs_reallocarray(NULL, n, sizeof *j.t);
  hs_parallel_for(nthreads, PAR_BLOCKS, 1, keyed_first, &j);
  for (k = 0; k < PAR_BLOCKS; k++) max |= j.bmax[k];
  bits = hs_sort_bits(max);
  j.shift = bits > PAR_PART_BITS ? (unsigned)(bits - PAR_PART_BITS) : 0;
  hs_parallel_for(nthreads, PAR_BLOCKS, 1, keyed_count, &j);
  block_places(j.at, start);
  hs_parallel_for(nthreads, PAR_BLOCKS, 1, keyed_deal, &j);
  j.start = start;
  j.cnt = hs_calloc((size_t)nthreads, sizeof *j.cnt);
  j.tmp = hs_calloc((size_t)nthreads, sizeof *j.tmp);
  for (t = 0; t < nthreads; t++) {
    j.cnt[t] = hs_reallocarray(NULL, NDIGITS * NBUCKETS, sizeof *j.cnt[t]);
    j.tmp[t] = hs_malloc(size);
  }
  hs_parallel_for(nthreads, PAR_PARTS, 1, keyed_part, &j);
  free(j.v);
  j.copy = hs_reallocarray(NULL, n, size);
  hs_parallel_for(nthreads, n, 4096, keyed_gather, &j);
  hs_parallel_for(nthreads, n, 4096, keyed_copy_back, &j);
  free(j.copy);
  free(j.t);
  hs_parallel_for(nthreads, PAR_PARTS, 1, keyed_runs, &j);
  for (t = 0; t < nthreads; t++) {
    free(j.cnt[t]);
    free(j.tmp[t]);
  }
  free(j.cnt);
  free(j.tmp);
}
