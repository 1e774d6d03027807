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
**     anything is stored (the bitsets only err towards keeping); kept
**     shingles are counted by bucket and marked, a bit per shingle;
**  3. kept shingles become postings (hash, doc, position), only the
**     marked ones hashed again, sorted in place by hash with a 16-bit
**     radix pass (then a short one on the next bits within a bucket);
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

#include "index/bitset.h"
#include "util/parallel.h"
#include "util/sort.h"
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

/* Shingles holding a masked word (token hash 0) get the hash 0, which no
** real shingle is given, and are never indexed. */
size_t hs_doctab_shingles(const hs_doctab *t, int ngram, uint64_t **buf,
                          size_t *cap) {
  uint32_t i, ns = t->n >= (uint32_t)ngram ? t->n - (uint32_t)ngram + 1 : 0;
  int64_t last_zero = -1;
  uint64_t *h;
  HS_GROW(*buf, *cap, (size_t)ns + 1);
  h = *buf;
  for (i = 0; i + 1 < (uint32_t)ngram && i < t->n; i++)
    if (t->hash[i] == 0) last_zero = i;
  for (i = 0; i < ns; i++) {
    uint32_t last = i + (uint32_t)ngram - 1;
    if (t->hash[last] == 0) last_zero = last;
    if (last_zero >= (int64_t)i) {
      h[i] = 0;
    } else {
      h[i] = shingle_hash(t->hash + i, ngram);
      if (h[i] == 0) h[i] = 1;
    }
  }
  return ns;
}

/* ------------------------------------------------------------ hash lists */

void hs_hashlist_add(hs_hashlist *l, const uint64_t *h, size_t n) {
  if (!n) return;
  HS_GROW(l->h, l->cap, l->n + n);
  memcpy(l->h + l->n, h, n * sizeof *h);
  l->n += n;
  l->sorted = 0;
}

void hs_hashlist_finish(hs_hashlist *l) {
  size_t i, w = 0;
  if (l->sorted) return;
  hs_sort_u64(l->h, l->n);
  for (i = 0; i < l->n; i++)
    if (w == 0 || l->h[w - 1] != l->h[i]) l->h[w++] = l->h[i];
  l->n = w;
  l->sorted = 1;
}

int hs_hashlist_has(const hs_hashlist *l, uint64_t h) {
  size_t lo = 0, hi;
  if (!l || !l->n) return 0;
  hi = l->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (l->h[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return lo < l->n && l->h[lo] == h;
}

void hs_hashlist_free(hs_hashlist *l) {
  free(l->h);
  memset(l, 0, sizeof *l);
}

/* ------------------------------------------------------------ postings */

#define NBUCKET_BITS 16
#define NBUCKETS ((size_t)1 << NBUCKET_BITS)

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
  hs_posting *post;
  uint64_t **hbuf;  /* per thread: shingle hashes of the current document */
  uint64_t *kept;   /* a bit per shingle kept; document d's from word */
  uint64_t *koff;   /* koff[d] on (ndocs + 1) */
  size_t *hcap;
  /* progress of each pass (stages "index", "count", "postings"), and
  ** cancellation */
  const hs_reuse_opts *opts;
  size_t pass, done;
  int stop;
} build;

static inline uint32_t nshingles(const hs_doctab *d, int ngram) {
  return d->n >= (uint32_t)ngram ? d->n - (uint32_t)ngram + 1 : 0;
}

/* The shingle hashes of one document, computed once per pass into a
** per-thread array. */
static size_t doc_hashes(build *b, int thread, size_t d) {
  return hs_doctab_shingles(&b->docs[d], b->ngram, &b->hbuf[thread],
                            &b->hcap[thread]);
}

/* Bitsets are read PREFETCH shingles ahead (see bitset.h). */
#define PREFETCH 32

/* Count ndone documents of the current pass; the first thread reports
** progress (so the callback never runs concurrently) and a cancellation
** stops every thread at its next document. */
static int pass_step(build *b, int thread, size_t ndone) {
  static const char *const stage[3] = {"index", "count", "postings"};
  size_t done = __atomic_add_fetch(&b->done, ndone, __ATOMIC_RELAXED);
  const hs_reuse_opts *o = b->opts;
  if (thread == 0 && o->progress &&
      o->progress(o->progress_ud, stage[b->pass], done, b->ndocs))
    __atomic_store_n(&b->stop, 1, __ATOMIC_RELAXED);
  return __atomic_load_n(&b->stop, __ATOMIC_RELAXED) ? HS_EINTR : 0;
}

static int pass_mark(void *ud, int thread, size_t begin, size_t end) {
  build *b = ud;
  size_t d;
  if (pass_step(b, thread, 0)) return HS_EINTR;
  for (d = begin; d < end; d++) {
    size_t i, ns = doc_hashes(b, thread, d);
    const uint64_t *h = b->hbuf[thread];
    int fresh = b->incremental && d >= b->first_new;
    for (i = 0; i < ns; i++) {
      if (i + PREFETCH < ns) {
        prefetch_bit(&b->once, h[i + PREFETCH]);
        prefetch_bit(&b->twice, h[i + PREFETCH]);
      }
      if (!h[i]) continue;
      if (bitset_test_set(&b->once, h[i])) bitset_test_set(&b->twice, h[i]);
      if (fresh) bitset_test_set(&b->fresh, h[i]);
    }
  }
  return pass_step(b, thread, end - begin);
}

static inline int keep(const build *b, size_t d, uint64_t h) {
  if (!h || !bitset_test(&b->twice, h)) return 0;
  if (b->incremental && d < b->first_new && !bitset_test(&b->fresh, h))
    return 0;
  return 1;
}

/* The kept shingles of a slot of documents, bucket by bucket.  Counting
** (b->post NULL: next[] holds counts) decides what is kept and marks it
** in b->kept; writing (next[] holds each bucket's next free posting)
** follows those marks, hashing only the kept shingles again and probing
** no bitset, and so writes exactly what was counted. */
static int pass_bucket(void *ud, int thread, size_t begin, size_t end) {
  build *b = ud;
  uint64_t *next = b->next + (begin / b->slot_docs) * NBUCKETS;
  size_t d;
  for (d = begin; d < end; d++) {
    size_t i, ns;
    uint64_t *kept = b->kept + b->koff[d];
    if ((d - begin) % 256 == 255 && pass_step(b, thread, 256))
      return HS_EINTR;
    if (b->post) {
      const hs_doctab *t = &b->docs[d];
      size_t w, nw = (size_t)(b->koff[d + 1] - b->koff[d]);
      for (w = 0; w < nw; w++) {
        uint64_t bits = kept[w];
        while (bits) {
          uint64_t h;
          hs_posting *p;
          i = w * 64 + (size_t)__builtin_ctzll(bits);
          bits &= bits - 1;
          h = shingle_hash(t->hash + i, b->ngram);
          if (h == 0) h = 1; /* as hs_doctab_shingles */
          p = &b->post[next[h >> (64 - NBUCKET_BITS)]++];
          p->hash = h;
          p->doc = (uint32_t)d;
          p->pos = (uint32_t)i;
        }
      }
      continue;
    }
    ns = doc_hashes(b, thread, d);
    const uint64_t *h = b->hbuf[thread];
    for (i = 0; i < ns; i++) {
      if (i + PREFETCH < ns) prefetch_bit(&b->twice, h[i + PREFETCH]);
      if (!keep(b, d, h[i])) continue;
      kept[i / 64] |= (uint64_t)1 << (i % 64);
      next[h[i] >> (64 - NBUCKET_BITS)]++;
    }
  }
  return pass_step(b, thread, (end - begin) % 256);
}

static int posting_cmp(const void *x, const void *y) {
  const hs_posting *a = x, *b = y;
  if (a->hash != b->hash) return a->hash < b->hash ? -1 : 1;
  if (a->doc != b->doc) return a->doc < b->doc ? -1 : 1;
  return (a->pos > b->pos) - (a->pos < b->pos);
}

static inline int posting_less(const hs_posting *a, const hs_posting *b) {
  if (a->hash != b->hash) return a->hash < b->hash;
  if (a->doc != b->doc) return a->doc < b->doc;
  return a->pos < b->pos;
}

typedef struct bucket_job {
  hs_posting *p;
  const uint64_t *start; /* NBUCKETS + 1 */
  unsigned sub;          /* the 8 hash bits below the bucket's start here */
} bucket_job;

/* Insertion sort: for the small runs below, and for ones already in
** order (a run of one repeated shingle), which it only reads. */
static void insertion_sort(hs_posting *p, size_t n) {
  size_t i, k;
  for (i = 1; i < n; i++) {
    hs_posting v = p[i];
    if (!posting_less(&v, &p[i - 1])) continue;
    for (k = i; k > 0 && posting_less(&v, &p[k - 1]); k--) p[k] = p[k - 1];
    p[k] = v;
  }
}

static int is_sorted(const hs_posting *p, size_t n) {
  size_t i;
  for (i = 1; i < n; i++)
    if (posting_less(&p[i], &p[i - 1])) return 0;
  return 1;
}

/* Sort buckets [begin, end): they hold a few dozen postings each.  One
** stable counting pass on the next hash bits below the bucket's (as many
** as leave about 4 postings a run) leaves an insertion sort little to
** move; a run still large and out of order (many postings of one
** shingle, rare: in-memory postings arrive in (doc, pos) order) is
** sorted by qsort first. */
static int sort_buckets(void *ud, int thread, size_t begin, size_t end) {
  enum { SMALL = 8, LARGE = 64, MAXBITS = 8 };
  bucket_job *j = ud;
  hs_posting *tmp = NULL;
  size_t b, captmp = 0, count[1 << MAXBITS];
  (void)thread;
  for (b = begin; b < end; b++) {
    hs_posting *p = j->p + j->start[b];
    size_t n = j->start[b + 1] - j->start[b], i, c, sum = 0, nsub;
    unsigned bits = 0, sh;
    if (n > SMALL) {
      while (bits < MAXBITS && (n >> bits) > 4) bits++;
      nsub = (size_t)1 << bits;
      sh = j->sub + MAXBITS - bits;
      HS_GROW(tmp, captmp, n);
      memset(count, 0, nsub * sizeof *count);
      for (i = 0; i < n; i++) count[(p[i].hash >> sh) & (nsub - 1)]++;
      for (c = 0; c < nsub; c++) {
        size_t k = count[c];
        count[c] = sum;
        sum += k;
      }
      for (i = 0; i < n; i++)
        tmp[count[(p[i].hash >> sh) & (nsub - 1)]++] = p[i];
      memcpy(p, tmp, n * sizeof *p);
      /* count[c] is now where run c + 1 begins */
      for (c = 0; c < nsub; c++) {
        size_t r0 = c ? count[c - 1] : 0, rn = count[c] - r0;
        if (rn > LARGE && !is_sorted(p + r0, rn))
          qsort(p + r0, rn, sizeof *p, posting_cmp);
      }
    }
    insertion_sort(p, n);
  }
  free(tmp);
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
                    const hs_hashlist *capped, int nthreads,
                    hs_index_stats *stats, hs_error *err) {
  build b;
  uint64_t total = 0, npost, nmem = 0, *bstart;
  size_t d, g0, g1, ng = 0, capg = 0;
  size_t df_cap = opts->df_cap > 0 ? (size_t)opts->df_cap : SIZE_MAX / 8;
  hs_index_stats st;
  int rc = HS_OK;
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
  b.opts = opts;
  if (first_new >= ndocs) goto done;
  b.koff = hs_reallocarray(NULL, ndocs + 1, sizeof *b.koff);
  b.koff[0] = 0;
  for (d = 0; d < ndocs; d++) {
    uint32_t ns = nshingles(&docs[d], b.ngram);
    total += ns;
    b.koff[d + 1] = b.koff[d] + (ns + 63) / 64;
  }
  st.shingles = total;

  /* `twice` only ever holds the repeated shingles, a fraction of all, so
  ** it is made 4 times sparser per item: it stays allocated while the
  ** postings are, at the peak of memory use. */
  bitset_init(&b.once, total, 8, 0);
  bitset_init(&b.twice, total, 2, 0);
  if (b.incremental) bitset_init(&b.fresh, total, 8, 0);
  if (nthreads < 1) nthreads = 1;
  b.hbuf = hs_calloc((size_t)nthreads, sizeof *b.hbuf);
  b.hcap = hs_calloc((size_t)nthreads, sizeof *b.hcap);
  rc = hs_parallel_for(nthreads, ndocs, 64, pass_mark, &b);
  bitset_free(&b.once);
  if (rc) goto out;

  b.nslots = (size_t)nthreads * 2;
  b.slot_docs = (ndocs + b.nslots - 1) / b.nslots;
  b.next = hs_calloc(b.nslots * NBUCKETS, sizeof *b.next);
  b.kept = hs_calloc((size_t)b.koff[ndocs] + 1, sizeof *b.kept);
  b.pass = 1;
  b.done = 0;
  if ((rc = hs_parallel_for(nthreads, ndocs, b.slot_docs, pass_bucket, &b)))
    goto out;
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
  b.pass = 2;
  b.done = 0;
  rc = hs_parallel_for(nthreads, ndocs, b.slot_docs, pass_bucket, &b);
  if (rc) {
    free(bstart);
    goto out;
  }
  bitset_free(&b.twice);
  bitset_free(&b.fresh);
  free(b.next);
  free(b.kept);
  free(b.koff);
  b.kept = b.koff = NULL;
  for (d = 0; d < (size_t)nthreads; d++) free(b.hbuf[d]);
  free(b.hbuf);
  free(b.hcap);
  {
    bucket_job bj;
    bj.p = b.post;
    bj.start = bstart;
    bj.sub = 64 - NBUCKET_BITS - 8;
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
    if (ndistinct > df_cap || g1 - g0 > 4 * df_cap ||
        hs_hashlist_has(capped, b.post[g0].hash)) {
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
out: /* interrupted during a pass */
  bitset_free(&b.once);
  bitset_free(&b.twice);
  bitset_free(&b.fresh);
  free(b.next);
  free(b.kept);
  free(b.koff);
  free(b.post);
  for (d = 0; d < (size_t)nthreads; d++) free(b.hbuf[d]);
  free(b.hbuf);
  free(b.hcap);
  hs_cindex_free(ci);
  return hs_error_set(err, HS_EINTR, "interrupted");
}

/* Sort s[0..n) stably by a 32-bit key, s[i].posa (by_b 0) or s[i].b - a
** (by_b 1): LSD radix, 8 bits a pass, skipping the digits that all keys
** share.  tmp holds n more; returns where the sorted seeds are (s or
** tmp). */
static hs_seed *radix_seeds(hs_seed *s, size_t n, hs_seed *tmp, int by_b,
                            uint32_t a) {
  enum { BITS = 8, NB = 1 << BITS };
  size_t count[NB], i;
  uint32_t all_or = 0, all_and = UINT32_MAX;
  unsigned shift;
#define SEED_KEY(x) (by_b ? (x).b - a : (x).posa)
  for (i = 0; i < n; i++) {
    uint32_t k = SEED_KEY(s[i]);
    all_or |= k;
    all_and &= k;
  }
  for (shift = 0; shift < 32; shift += BITS) {
    size_t sum = 0;
    hs_seed *t;
    if ((((all_or ^ all_and) >> shift) & (NB - 1)) == 0) continue;
    memset(count, 0, sizeof count);
    for (i = 0; i < n; i++) count[(SEED_KEY(s[i]) >> shift) & (NB - 1)]++;
    for (i = 0; i < NB; i++) {
      size_t c = count[i];
      count[i] = sum;
      sum += c;
    }
    for (i = 0; i < n; i++)
      tmp[count[(SEED_KEY(s[i]) >> shift) & (NB - 1)]++] = s[i];
    t = s;
    s = tmp;
    tmp = t;
  }
#undef SEED_KEY
  return s;
}

/* The two buffers trade places (a radix sort's result lies in either). */
static void swap_bufs(hs_seed **buf, size_t *cap, hs_seed **tmp,
                      size_t *tmpcap) {
  hs_seed *t = *buf;
  size_t c = *cap;
  *buf = *tmp;
  *cap = *tmpcap;
  *tmp = t;
  *tmpcap = c;
}

#define SEED_PREFETCH 8

/* a's seeds come out sorted by (b, posa, posb) without a general sort:
**  1. a's places in the index, one per member of a: each group a is in
**     is found once, and a's run of members in it by binary search (the
**     members are sorted by doc), so only partners >= a are ever read;
**  2. the places sorted by position (radix), then each expanded into its
**     partners in member order: seeds by (posa, b, posb);
**  3. a stable radix sort on b - a: (b, posa, posb).
** The places are kept in *tmp as seeds {group, offset of a's first member
** in it, position, -}. */
size_t hs_cindex_seeds(const hs_cindex *ci, uint32_t a, hs_seed **buf,
                       size_t *cap, hs_seed **tmp, size_t *tmpcap) {
  size_t n = 0, nocc, k;
  uint64_t f, f0, f1;
  uint32_t lo = a, ngram = (uint32_t)ci->ngram;
  hs_seed *occ;
  if (a >= ci->ndocs) return 0;
  f0 = ci->fstart[a];
  f1 = ci->fstart[a + 1];
  nocc = (size_t)(f1 - f0);
  if (!nocc) return 0;
  if (a < ci->first_new) lo = (uint32_t)ci->first_new;
  HS_GROW(*tmp, *tmpcap, nocc);
  HS_GROW(*buf, *cap, nocc);
  occ = *tmp;
  for (f = f0; f < f1;) {
    uint32_t g = ci->fwd_group[f];
    uint64_t gs = ci->gstart[g], ge = ci->gstart[g + 1], l = gs, h = ge, r;
    /* each group is a cache miss in gstart, then one in members:
    ** fetch both some groups ahead */
    if (f + 2 * SEED_PREFETCH < f1)
      __builtin_prefetch(&ci->gstart[ci->fwd_group[f + 2 * SEED_PREFETCH]]);
    if (f + SEED_PREFETCH < f1)
      __builtin_prefetch(
          &ci->members[ci->gstart[ci->fwd_group[f + SEED_PREFETCH]]]);
    while (l < h) { /* first member of a */
      uint64_t mid = l + (h - l) / 2;
      if (ci->members[mid].doc < a) l = mid + 1;
      else h = mid;
    }
    /* a occurring k times gives k consecutive entries for the group */
    for (r = l; f < f1 && ci->fwd_group[f] == g; f++, r++) {
      hs_seed *o = &occ[f - f0];
      o->a = g;
      o->b = (uint32_t)(l - gs);
      o->posa = ci->members[r].pos;
      o->posb = 0;
    }
  }
  if (radix_seeds(occ, nocc, *buf, 0, 0) != occ)
    swap_bufs(buf, cap, tmp, tmpcap);
  occ = *tmp;
  for (k = 0; k < nocc; k++) {
    uint32_t g = occ[k].a, posa = occ[k].posa;
    uint64_t j = ci->gstart[g] + occ[k].b, ge = ci->gstart[g + 1];
    hs_seed *s;
    HS_GROW(*buf, *cap, n + (size_t)(ge - j));
    s = *buf + n;
    for (; j < ge; j++) {
      const hs_member *q = &ci->members[j];
      if (q->doc < lo) continue;
      if (q->doc == a && (!ci->internal || q->pos < posa + ngram)) continue;
      s->a = a;
      s->b = q->doc;
      s->posa = posa;
      s->posb = q->pos;
      s++;
    }
    n = (size_t)(s - *buf);
  }
  if (n > 1) {
    HS_GROW(*tmp, *tmpcap, n);
    if (radix_seeds(*buf, n, *tmp, 1, a) != *buf)
      swap_bufs(buf, cap, tmp, tmpcap);
  }
  return n;
}

/* ------------------------------------------------------------ partitions */

/* Postings whose hashes agree on the bits from `shift` up (64: any set),
** sorted by (hash, doc, pos): a counting sort on the 16 hash bits below
** `shift`, then the per-bucket sort of the in-memory index. */
void hs_postings_sort(hs_posting *p, size_t n, unsigned shift,
                      int nthreads) {
  uint64_t *start = hs_calloc(NBUCKETS + 1, sizeof *start);
  hs_posting *tmp;
  size_t i, k;
  bucket_job bj;
  unsigned sh = shift >= NBUCKET_BITS ? shift - NBUCKET_BITS : 0;
  if (n < 2) {
    free(start);
    return;
  }
  tmp = hs_reallocarray(NULL, n, sizeof *tmp);
  for (i = 0; i < n; i++) start[((p[i].hash >> sh) & (NBUCKETS - 1)) + 1]++;
  for (k = 0; k < NBUCKETS; k++) start[k + 1] += start[k];
  {
    uint64_t *fill = hs_reallocarray(NULL, NBUCKETS, sizeof *fill);
    memcpy(fill, start, NBUCKETS * sizeof *fill);
    for (i = 0; i < n; i++)
      tmp[fill[(p[i].hash >> sh) & (NBUCKETS - 1)]++] = p[i];
    free(fill);
  }
  memcpy(p, tmp, n * sizeof *p);
  free(tmp);
  bj.p = p;
  bj.start = start;
  bj.sub = sh >= 8 ? sh - 8 : 0;
  hs_parallel_for(nthreads, NBUCKETS, 1024, sort_buckets, &bj);
  free(start);
}

/* Sort and deduplicate the pairs gathered since the last compaction, and
** merge them with the earlier (already unique) ones, adding their seed
** counts. */
void hs_pairvec_compact(hs_pairvec *v) {
  size_t i, w;
  if (v->n == v->unique) return;
  hs_sort_u64_carry(v->p, v->seeds, v->n);
  for (i = 0, w = 0; i < v->n; i++) {
    if (w && v->p[w - 1] == v->p[i]) {
      uint64_t sum = (uint64_t)v->seeds[w - 1] + v->seeds[i];
      v->seeds[w - 1] = sum > UINT32_MAX ? UINT32_MAX : (uint32_t)sum;
      continue;
    }
    v->p[w] = v->p[i];
    v->seeds[w++] = v->seeds[i];
  }
  v->n = v->unique = w;
}

void hs_pairvec_prune(hs_pairvec *v, uint32_t min_seeds) {
  size_t i, w = 0;
  hs_pairvec_compact(v);
  for (i = 0; i < v->n; i++)
    if (v->seeds[i] >= min_seeds) {
      v->p[w] = v->p[i];
      v->seeds[w++] = v->seeds[i];
    }
  v->n = v->unique = w;
}

static void pairvec_push(hs_pairvec *v, uint32_t a, uint32_t b,
                         uint64_t seeds) {
  if (v->n == v->cap && v->n >= 2 * v->unique + 4096) hs_pairvec_compact(v);
  if (v->n == v->cap && v->flush && v->cap >= v->flush_at) {
    hs_pairvec_compact(v);
    if (v->n == v->cap || v->n >= v->flush_at / 2) {
      if (!v->failed) v->failed = v->flush(v->flush_ud, v);
      v->n = v->unique = 0;
    }
  }
  if (v->n == v->cap) {
    v->cap = v->cap ? 2 * v->cap : 4096;
    v->p = hs_reallocarray(v->p, v->cap, sizeof *v->p);
    v->seeds = hs_reallocarray(v->seeds, v->cap, sizeof *v->seeds);
  }
  v->p[v->n] = (uint64_t)a << 32 | b;
  v->seeds[v->n++] = seeds > UINT32_MAX ? UINT32_MAX : (uint32_t)seeds;
}

void hs_pairvec_free(hs_pairvec *v) {
  free(v->p);
  free(v->seeds);
  memset(v, 0, sizeof *v);
}

uint32_t hs_min_pair_seeds(const hs_reuse_opts *o) {
  return (uint32_t)((o->min_words + o->ngram - 1) / o->ngram);
}

/* The rule of hs_cindex_build, applied to sorted postings: each shingle
** shared by places in two documents (or twice in one, with internal
** repeats on) and within the df cap gives its document pairs; each one
** above the cap goes to `capped`. */
void hs_postings_scan(const hs_posting *p, size_t n, size_t first_new,
                      const hs_reuse_opts *opts, const hs_hashlist *capped_in,
                      hs_pairvec *pairs, hs_hashlist *capped_out,
                      hs_index_stats *st) {
  size_t df_cap = opts->df_cap > 0 ? (size_t)opts->df_cap : SIZE_MAX / 8;
  size_t g0, g1, i, j;
  uint32_t *docs = NULL, *occ = NULL;
  size_t capdocs = 0, capocc = 0;
  for (g0 = 0; g0 < n; g0 = g1) {
    size_t nd = 0;
    int has_new = 0;
    g1 = g0 + 1;
    while (g1 < n && p[g1].hash == p[g0].hash) g1++;
    if (g1 - g0 < 2) continue;
    HS_GROW(docs, capdocs, g1 - g0);
    HS_GROW(occ, capocc, g1 - g0);
    for (i = g0; i < g1; i++) {
      if (nd && docs[nd - 1] == p[i].doc) {
        occ[nd - 1]++;
        continue;
      }
      docs[nd] = p[i].doc;
      occ[nd++] = 1;
      if (p[i].doc >= first_new) has_new = 1;
    }
    if (nd > df_cap || g1 - g0 > 4 * df_cap ||
        hs_hashlist_has(capped_in, p[g0].hash)) {
      if (st) st->capped++;
      if (capped_out) hs_hashlist_add(capped_out, &p[g0].hash, 1);
      continue;
    }
    if (!has_new || (nd == 1 && !opts->internal)) continue;
    if (st) st->groups++;
    /* each pair's seeds from this shingle, at most (internal: an upper
    ** bound) */
    for (i = 0; i < nd; i++) {
      if (opts->internal && occ[i] > 1 && docs[i] >= first_new)
        pairvec_push(pairs, docs[i], docs[i],
                     (uint64_t)occ[i] * (occ[i] - 1) / 2);
      for (j = i + 1; j < nd; j++)
        if (docs[j] >= first_new)
          pairvec_push(pairs, docs[i], docs[j], (uint64_t)occ[i] * occ[j]);
    }
  }
  free(docs);
  free(occ);
}

/* ------------------------------------------------------------ pair join */

void hs_joiner_free(hs_joiner *j) {
  free(j->sh);
  free(j->slot_hash);
  free(j->slot_head);
  free(j->next);
  free(j->shb);
  memset(j, 0, sizeof *j);
}

/* The join compares shingles by a rolling polynomial hash of their token
** hashes (two multiplications a word, where the index's shingle hash
** takes a dozen): B's shingles are hashed once per pair, A's once per
** document.  Equal shingles get equal keys, so no seed is lost; A's
** shingles that the index ignores (masked, capped: decided with the
** index's own hash) are left out of the table, so no seed is added but
** by a 64-bit collision, as with the index's hash itself. */
#define ROLL_MUL 0x9E3779B97F4A7C15ull

static uint64_t roll_top(int ngram) {
  uint64_t p = 1;
  int k;
  for (k = 1; k < ngram; k++) p *= ROLL_MUL;
  return p;
}

/* Keys of the ns shingles of tab into key[]; 0 is never a key. */
static void roll_keys(const hs_doctab *t, int ngram, size_t ns,
                      uint64_t *key) {
  uint64_t r = 0, top = roll_top(ngram);
  size_t i;
  int k;
  if (!ns) return;
  for (k = 0; k < ngram; k++) r = r * ROLL_MUL + t->hash[k];
  for (i = 0;; i++) {
    key[i] = r ? r : 1;
    if (i + 1 >= ns) break;
    r = (r - t->hash[i] * top) * ROLL_MUL + t->hash[i + (size_t)ngram];
  }
}

/* A's shingles in an open-addressing table: key -> first position, and
** next[] chains its later positions in ascending order. */
void hs_joiner_load(hs_joiner *j, const hs_doctab *A, uint32_t a, int ngram,
                    const hs_hashlist *capped) {
  size_t ns = hs_doctab_shingles(A, ngram, &j->sh, &j->capsh), i;
  size_t want = 16;
  while (want < 2 * ns) want <<= 1;
  if (want > j->nslots) {
    free(j->slot_hash);
    free(j->slot_head);
    j->slot_hash = hs_reallocarray(NULL, want, sizeof *j->slot_hash);
    j->slot_head = hs_reallocarray(NULL, want, sizeof *j->slot_head);
    j->nslots = want;
  }
  memset(j->slot_hash, 0, j->nslots * sizeof *j->slot_hash);
  HS_GROW(j->next, j->capnext, ns + 1);
  j->a = a;
  j->ngram = ngram;
  j->ns = ns;
  HS_GROW(j->shb, j->capshb, ns + 1);
  roll_keys(A, ngram, ns, j->shb);
  for (i = ns; i-- > 0;) {
    uint64_t h, k;
    if (!j->sh[i] || hs_hashlist_has(capped, j->sh[i])) {
      j->sh[i] = 0; /* seeds nothing, even paired with itself */
      continue;
    }
    h = j->sh[i] = j->shb[i];
    for (k = h & (j->nslots - 1); j->slot_hash[k] && j->slot_hash[k] != h;
         k = (k + 1) & (j->nslots - 1))
      ;
    if (j->slot_hash[k]) {
      j->next[i] = j->slot_head[k];
    } else {
      j->slot_hash[k] = h;
      j->next[i] = UINT32_MAX;
    }
    j->slot_head[k] = (uint32_t)i;
  }
}

size_t hs_joiner_seeds(hs_joiner *j, const hs_doctab *B, uint32_t b,
                       int internal, hs_seed **buf, size_t *cap,
                       hs_seed **tmp, size_t *tmpcap) {
  const uint64_t *hb;
  size_t nb, n = 0, q;
  int same = b == j->a;
  if (same && !internal) return 0;
  if (same) {
    hb = j->sh;
    nb = j->ns;
  } else {
    nb = B->n >= (uint32_t)j->ngram ? B->n - (uint32_t)j->ngram + 1 : 0;
    HS_GROW(j->shb, j->capshb, nb + 1);
    roll_keys(B, j->ngram, nb, j->shb);
    hb = j->shb;
  }
  for (q = 0; q < nb; q++) {
    uint64_t h = hb[q], k;
    uint32_t i;
    if (!h) continue;
    for (k = h & (j->nslots - 1); j->slot_hash[k] && j->slot_hash[k] != h;
         k = (k + 1) & (j->nslots - 1))
      ;
    if (!j->slot_hash[k]) continue;
    for (i = j->slot_head[k]; i != UINT32_MAX; i = j->next[i]) {
      hs_seed *s;
      if (same && q < (size_t)i + (size_t)j->ngram) break;
      HS_GROW(*buf, *cap, n + 1);
      s = &(*buf)[n++];
      s->a = j->a;
      s->b = b;
      s->posa = i;
      s->posb = (uint32_t)q;
    }
  }
  if (n > 1) sort_seeds(*buf, n, tmp, tmpcap);
  return n;
}
