/*
** index.c — from token tables to seeds: the pairs of equal word n-grams
** that alignment chains into passages.
**
** The index is built in memory in four passes, each linear in the corpus:
**  1. every shingle hash sets a bit in `seen_once`, or, if that bit was
**     already set, in `seen_twice` (two bitsets of about 8 bits per shingle,
**     filled by all threads with atomic ORs);
**  2. a shingle is "kept" if its bit in seen_twice is set: most shingles of
**     news text occur once in a corpus, so this drops most of them before
**     anything is stored (the bitsets only err towards keeping);
**  3. kept shingles become postings (hash, doc, position), sorted in place
**     by hash with a 16-bit radix pass;
**  4. each run of equal hashes is one shingle's posting list.  Lists that
**     span more than df_cap documents are stock phrases ("the so-called
**     ..."), headers or boilerplate and are skipped, so candidate
**     generation stays linear in the input instead of quadratic in the
**     number of documents that share a phrase.  The rest emit one seed per
**     pair of postings.
** In incremental runs, a third bitset marks the shingles of new documents
** and postings of old documents are kept only if they share one.
*/
#include "index/index.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "util/parallel.h"
#include "util/util.h"

void hs_doctab_set(hs_doctab *tab, const hs_token *toks, size_t n) {
  size_t i;
  char *block;
  if (n > UINT32_MAX) n = UINT32_MAX;
  block = hs_malloc(n * (2 * sizeof(uint32_t) + 1) + 1);
  tab->n = (uint32_t)n;
  tab->start = (uint32_t *)block;
  tab->hash = tab->start + n;
  tab->len = (uint8_t *)(tab->hash + n);
  for (i = 0; i < n; i++) {
    uint32_t len = toks[i].end - toks[i].start;
    tab->start[i] = toks[i].start;
    tab->hash[i] = (uint32_t)(toks[i].hash ^ (toks[i].hash >> 32));
    if (tab->hash[i] == 0) tab->hash[i] = 1; /* 0 marks a masked word */
    tab->len[i] = (uint8_t)(len > 255 ? 255 : len);
  }
}

void hs_doctab_free(hs_doctab *tab) {
  if (!tab) return;
  free(tab->start);
  memset(tab, 0, sizeof *tab);
}

/* The token hashes are already uniform 32-bit values, so a shingle's hash
** is their polynomial combination, finished by a 64-bit avalanche
** (MurmurHash3's fmix64): an inline handful of multiplications instead of
** a general-purpose hash call, on the hottest loop of the index. */
static inline uint64_t shingle_hash(const uint32_t *h, int ngram) {
  uint64_t x = 0x9E3779B97F4A7C15ull;
  int k;
  for (k = 0; k < ngram; k++) x = (x ^ h[k]) * 0x100000001B3ull + (uint64_t)k;
  x ^= x >> 33;
  x *= 0xFF51AFD7ED558CCDull;
  x ^= x >> 33;
  x *= 0xC4CEB9FE1A85EC53ull;
  x ^= x >> 33;
  return x;
}

uint64_t hs_shingle_hash(const hs_doctab *tab, uint32_t pos, int ngram) {
  return shingle_hash(tab->hash + pos, ngram);
}

/* ------------------------------------------------------------ bitsets */

typedef struct bitset {
  uint64_t *w;
  uint64_t mask; /* bits - 1 */
} bitset;

/* About bits_per_item bits for each of nitems (a power of two, at least
** 2^16): with 8, a bitset of n shingles is 1/16 full or less. */
static void bitset_init(bitset *b, uint64_t nitems, unsigned bits_per_item) {
  uint64_t bits = 1u << 16;
  while (bits < nitems * bits_per_item && bits < ((uint64_t)1 << 36))
    bits <<= 1;
  b->w = hs_calloc((size_t)(bits / 64), sizeof *b->w);
  b->mask = bits - 1;
}

static void bitset_free(bitset *b) {
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

/* ------------------------------------------------------------ postings */

#define NBUCKET_BITS 16
#define NBUCKETS ((size_t)1 << NBUCKET_BITS)

typedef struct posting {
  uint64_t hash;
  uint32_t doc, pos;
} posting;

typedef struct build {
  const hs_doctab *docs;
  size_t ndocs, first_new;
  int ngram;
  bitset once, twice, fresh;
  int incremental;
  /* Postings go straight to their bucket (top NBUCKET_BITS of the hash):
  ** documents are cut into nslots static slices, and slot s writes the
  ** postings of bucket k from next[s * NBUCKETS + k] on. */
  size_t nslots, slot_docs;
  uint64_t *next;
  posting *post;
  uint64_t **hbuf;  /* per thread: shingle hashes of the current document */
  size_t *hcap;
} build;

static inline uint32_t nshingles(const hs_doctab *d, int ngram) {
  return d->n >= (uint32_t)ngram ? d->n - (uint32_t)ngram + 1 : 0;
}

/* The shingle hashes of one document, computed once per pass into a
** per-thread array; shingles holding a masked word (token hash 0) get the
** hash 0, which no real shingle is given, and are never indexed. */
static size_t doc_hashes(build *b, int thread, size_t d) {
  const hs_doctab *t = &b->docs[d];
  uint32_t i, ns = nshingles(t, b->ngram);
  int64_t last_zero = -1;
  uint64_t *h;
  HS_GROW(b->hbuf[thread], b->hcap[thread], (size_t)ns + 1);
  h = b->hbuf[thread];
  for (i = 0; i + 1 < (uint32_t)b->ngram && i < t->n; i++)
    if (t->hash[i] == 0) last_zero = i;
  for (i = 0; i < ns; i++) {
    uint32_t last = i + (uint32_t)b->ngram - 1;
    if (t->hash[last] == 0) last_zero = last;
    if (last_zero >= (int64_t)i) {
      h[i] = 0;
    } else {
      h[i] = shingle_hash(t->hash + i, b->ngram);
      if (h[i] == 0) h[i] = 1;
    }
  }
  return ns;
}

/* Bitset lookups miss the cache; fetching the word needed PREFETCH
** shingles ahead hides most of that latency. */
#define PREFETCH 8

static inline void prefetch_bit(const bitset *bs, uint64_t h) {
  __builtin_prefetch(&bs->w[(h & bs->mask) >> 6]);
}

static int pass_mark(void *ud, int thread, size_t begin, size_t end) {
  build *b = ud;
  size_t d;
  for (d = begin; d < end; d++) {
    size_t i, ns = doc_hashes(b, thread, d);
    const uint64_t *h = b->hbuf[thread];
    int fresh = b->incremental && d >= b->first_new;
    for (i = 0; i < ns; i++) {
      if (i + PREFETCH < ns) prefetch_bit(&b->once, h[i + PREFETCH]);
      if (!h[i]) continue;
      if (bitset_test_set(&b->once, h[i])) bitset_test_set(&b->twice, h[i]);
      if (fresh) bitset_test_set(&b->fresh, h[i]);
    }
  }
  return 0;
}

static inline int keep(const build *b, size_t d, uint64_t h) {
  if (!h || !bitset_test(&b->twice, h)) return 0;
  if (b->incremental && d < b->first_new && !bitset_test(&b->fresh, h))
    return 0;
  return 1;
}

/* The kept shingles of a slot of documents, bucket by bucket: counted
** (b->post NULL: next[] holds counts) or written (next[] holds each
** bucket's next free posting).  The same loop serves both passes, so the
** two agree on what is kept. */
static int pass_bucket(void *ud, int thread, size_t begin, size_t end) {
  build *b = ud;
  uint64_t *next = b->next + (begin / b->slot_docs) * NBUCKETS;
  size_t d;
  for (d = begin; d < end; d++) {
    size_t i, ns = doc_hashes(b, thread, d);
    const uint64_t *h = b->hbuf[thread];
    for (i = 0; i < ns; i++) {
      uint64_t *slot;
      if (i + PREFETCH < ns) prefetch_bit(&b->twice, h[i + PREFETCH]);
      if (!keep(b, d, h[i])) continue;
      slot = &next[h[i] >> (64 - NBUCKET_BITS)];
      if (b->post) {
        posting *p = &b->post[(*slot)++];
        p->hash = h[i];
        p->doc = (uint32_t)d;
        p->pos = (uint32_t)i;
      } else {
        (*slot)++;
      }
    }
  }
  return 0;
}

static int posting_cmp(const void *x, const void *y) {
  const posting *a = x, *b = y;
  if (a->hash != b->hash) return a->hash < b->hash ? -1 : 1;
  if (a->doc != b->doc) return a->doc < b->doc ? -1 : 1;
  return (a->pos > b->pos) - (a->pos < b->pos);
}

static inline int posting_less(const posting *a, const posting *b) {
  if (a->hash != b->hash) return a->hash < b->hash;
  if (a->doc != b->doc) return a->doc < b->doc;
  return a->pos < b->pos;
}

typedef struct bucket_job {
  posting *p;
  const uint64_t *start; /* NBUCKETS + 1 */
} bucket_job;

/* Sort buckets [begin, end): they hold a few dozen postings each, so
** insertion sort beats qsort's indirect calls; a rare large bucket
** (a run of equal top bits) falls back to qsort. */
static int sort_buckets(void *ud, int thread, size_t begin, size_t end) {
  bucket_job *j = ud;
  size_t b;
  (void)thread;
  for (b = begin; b < end; b++) {
    posting *p = j->p + j->start[b];
    size_t n = j->start[b + 1] - j->start[b], i, k;
    if (n > 64) {
      qsort(p, n, sizeof *p, posting_cmp);
      continue;
    }
    for (i = 1; i < n; i++) {
      posting v = p[i];
      for (k = i; k > 0 && posting_less(&v, &p[k - 1]); k--) p[k] = p[k - 1];
      p[k] = v;
    }
  }
  return 0;
}

/* ------------------------------------------------------------ index */

/* Sort one document's seeds by (b, posa), keeping the generation order
** (posb ascending) among equals: an LSD radix sort on the key
** (b - a) * (max posa + 1) + posa, 11 bits a pass, as few passes as the
** largest key needs. */
static void sort_seeds(hs_seed *s, size_t n, hs_seed **tmp, size_t *tmpcap) {
  enum { BITS = 11, NB = 1 << BITS };
  size_t count[NB];
  uint64_t maxposa = 0, maxkey = 0, mult;
  uint32_t a = s[0].a;
  size_t i;
  unsigned shift;
  hs_seed *src = s, *dst;
  for (i = 0; i < n; i++)
    if (s[i].posa > maxposa) maxposa = s[i].posa;
  mult = maxposa + 1;
  for (i = 0; i < n; i++) {
    uint64_t k = (uint64_t)(s[i].b - a) * mult + s[i].posa;
    if (k > maxkey) maxkey = k;
  }
  HS_GROW(*tmp, *tmpcap, n);
  dst = *tmp;
  for (shift = 0; shift < 64 && (maxkey >> shift) != 0; shift += BITS) {
    hs_seed *t;
    size_t sum = 0;
    memset(count, 0, sizeof count);
    for (i = 0; i < n; i++)
      count[(((uint64_t)(src[i].b - a) * mult + src[i].posa) >> shift) &
            (NB - 1)]++;
    for (i = 0; i < NB; i++) {
      size_t c = count[i];
      count[i] = sum;
      sum += c;
    }
    for (i = 0; i < n; i++)
      dst[count[(((uint64_t)(src[i].b - a) * mult + src[i].posa) >> shift) &
                (NB - 1)]++] = src[i];
    t = src;
    src = dst;
    dst = t;
  }
  if (src != s) memcpy(s, src, n * sizeof *s);
}

void hs_cindex_free(hs_cindex *ci) {
  if (!ci) return;
  free(ci->members);
  free(ci->gstart);
  free(ci->fwd_group);
  free(ci->fstart);
  memset(ci, 0, sizeof *ci);
}

int hs_cindex_build(hs_cindex *ci, const hs_doctab *docs, size_t ndocs,
                    size_t first_new, const hs_reuse_opts *opts,
                    int nthreads, hs_index_stats *stats, hs_error *err) {
  build b;
  uint64_t total = 0, npost, nmem = 0, *bstart;
  size_t d, g0, g1, ng = 0, capg = 0;
  size_t df_cap = opts->df_cap > 0 ? (size_t)opts->df_cap : SIZE_MAX / 8;
  hs_index_stats st;
  (void)err;
  memset(&st, 0, sizeof st);
  memset(&b, 0, sizeof b);
  memset(ci, 0, sizeof *ci);
  ci->ndocs = ndocs;
  ci->first_new = first_new;
  ci->ngram = opts->ngram;
  ci->internal = opts->internal;
  ci->fstart = hs_calloc(ndocs + 1, sizeof *ci->fstart);
  ci->gstart = hs_calloc(1, sizeof *ci->gstart);
  b.docs = docs;
  b.ndocs = ndocs;
  b.first_new = first_new;
  b.ngram = opts->ngram;
  b.incremental = first_new > 0;
  if (first_new >= ndocs) goto done;
  for (d = 0; d < ndocs; d++) total += nshingles(&docs[d], b.ngram);
  st.shingles = total;

  /* `twice` only ever holds the repeated shingles, a fraction of all, so
  ** it is made 4 times sparser per item: it stays allocated while the
  ** postings are, at the peak of memory use. */
  bitset_init(&b.once, total, 8);
  bitset_init(&b.twice, total, 2);
  if (b.incremental) bitset_init(&b.fresh, total, 8);
  if (nthreads < 1) nthreads = 1;
  b.hbuf = hs_calloc((size_t)nthreads, sizeof *b.hbuf);
  b.hcap = hs_calloc((size_t)nthreads, sizeof *b.hcap);
  hs_parallel_for(nthreads, ndocs, 64, pass_mark, &b);
  bitset_free(&b.once);

  b.nslots = (size_t)nthreads * 2;
  b.slot_docs = (ndocs + b.nslots - 1) / b.nslots;
  b.next = hs_calloc(b.nslots * NBUCKETS, sizeof *b.next);
  hs_parallel_for(nthreads, ndocs, b.slot_docs, pass_bucket, &b);
  /* Bucket-major prefix sums: bucket k's postings, slot by slot, then
  ** bucket k+1's.  bstart keeps where each bucket begins. */
  {
    uint64_t sum = 0;
    size_t k, sl;
    bstart = hs_calloc(NBUCKETS + 1, sizeof *bstart);
    for (k = 0; k < NBUCKETS; k++) {
      bstart[k] = sum;
      for (sl = 0; sl < b.nslots; sl++) {
        uint64_t c = b.next[sl * NBUCKETS + k];
        b.next[sl * NBUCKETS + k] = sum;
        sum += c;
      }
    }
    bstart[NBUCKETS] = sum;
    npost = sum;
  }
  st.postings = npost;
  b.post = hs_reallocarray(NULL, (size_t)npost + 1, sizeof *b.post);
  hs_parallel_for(nthreads, ndocs, b.slot_docs, pass_bucket, &b);
  bitset_free(&b.twice);
  bitset_free(&b.fresh);
  free(b.next);
  for (d = 0; d < (size_t)nthreads; d++) free(b.hbuf[d]);
  free(b.hbuf);
  free(b.hcap);
  {
    bucket_job bj;
    bj.p = b.post;
    bj.start = bstart;
    hs_parallel_for(nthreads, NBUCKETS, 1024, sort_buckets, &bj);
  }
  free(bstart);

  /* Keep the groups worth seeding, compacted in place to (doc, pos):
  ** a member takes 8 bytes where a posting took 16, and the write index
  ** never passes the read index. */
  ci->members = (hs_member *)b.post;
  for (g0 = 0; g0 < npost; g0 = g1) {
    size_t i, ndistinct = 1;
    int has_new = 0;
    g1 = g0 + 1;
    while (g1 < npost && b.post[g1].hash == b.post[g0].hash) g1++;
    if (g1 - g0 < 2) continue;
    for (i = g0; i < g1; i++) {
      if (i > g0 && b.post[i].doc != b.post[i - 1].doc) ndistinct++;
      if (b.post[i].doc >= first_new) has_new = 1;
    }
    if (ndistinct > df_cap || g1 - g0 > 4 * df_cap) {
      st.capped++;
      continue;
    }
    if (!has_new || (ndistinct == 1 && !opts->internal)) continue;
    HS_GROW(ci->gstart, capg, ng + 2);
    ci->gstart[ng] = nmem;
    for (i = g0; i < g1; i++) {
      hs_member m;
      m.doc = b.post[i].doc;
      m.pos = b.post[i].pos;
      ci->members[nmem++] = m;
      ci->fstart[m.doc + 1]++;
    }
    ng++;
  }
  b.post = NULL;
  ci->gstart = hs_reallocarray(ci->gstart, ng + 1, sizeof *ci->gstart);
  ci->gstart[ng] = nmem;
  ci->ngroups = ng;
  ci->members = hs_reallocarray(ci->members, (size_t)nmem + 1,
                                sizeof *ci->members);
  st.groups = ng;

  /* The forward lists: for each document, the groups of its shingles. */
  for (d = 0; d < ndocs; d++) ci->fstart[d + 1] += ci->fstart[d];
  ci->fwd_group = hs_reallocarray(NULL, (size_t)nmem + 1,
                                  sizeof *ci->fwd_group);
  {
    uint64_t *fill = hs_calloc(ndocs + 1, sizeof *fill);
    size_t g;
    uint64_t i;
    memcpy(fill, ci->fstart, (ndocs + 1) * sizeof *fill);
    for (g = 0; g < ng; g++)
      for (i = ci->gstart[g]; i < ci->gstart[g + 1]; i++)
        ci->fwd_group[fill[ci->members[i].doc]++] = (uint32_t)g;
    free(fill);
  }
done:
  if (stats) *stats = st;
  return HS_OK;
}

size_t hs_cindex_seeds(const hs_cindex *ci, uint32_t a, hs_seed **buf,
                       size_t *cap, hs_seed **tmp, size_t *tmpcap) {
  size_t n = 0;
  uint64_t f, i;
  uint32_t prev_group = UINT32_MAX;
  if (a >= ci->ndocs) return 0;
  for (f = ci->fstart[a]; f < ci->fstart[a + 1]; f++) {
    uint32_t g = ci->fwd_group[f];
    uint64_t gs = ci->gstart[g], ge = ci->gstart[g + 1];
    /* A shingle occurring k times in a gives k entries for one group:
    ** each group is expanded once, for all of a's occurrences. */
    if (g == prev_group) continue;
    prev_group = g;
    for (i = gs; i < ge; i++) {
      const hs_member *p = &ci->members[i];
      uint64_t j;
      if (p->doc != a) continue;
      for (j = gs; j < ge; j++) {
        const hs_member *q = &ci->members[j];
        hs_seed *s;
        if (q->doc < a) continue;
        if (a < ci->first_new && q->doc < ci->first_new) continue;
        if (q->doc == a) {
          if (!ci->internal) continue;
          if (q->pos < p->pos + (uint32_t)ci->ngram) continue;
        }
        HS_GROW(*buf, *cap, n + 1);
        s = &(*buf)[n++];
        s->a = a;
        s->b = q->doc;
        s->posa = p->pos;
        s->posb = q->pos;
      }
    }
  }
  if (n > 1) sort_seeds(*buf, n, tmp, tmpcap);
  return n;
}
