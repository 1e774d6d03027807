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
** Every pass runs on the threads: passes 2 and 3 over slices of documents
** of about equal shingle counts, the grouping of step 4 and the forward
** lists (each document's groups) over parts of the buckets and ranges of
** groups, written so that the result is that of one pass in order.
** Seeds are read out in seeds.c; pairs from sorted postings, in pairs.c.
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

uint32_t hs_doctab_token_at(const hs_doctab *tab, uint32_t b) {
  uint32_t lo = 0, hi = tab->n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (tab->start[mid] < b) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

uint32_t hs_doctab_token_end(const hs_doctab *tab, uint32_t t0, uint32_t n,
                             uint32_t b) {
  uint64_t t = (uint64_t)t0 + n;
  if (t <= tab->n && (t == tab->n || tab->start[t] >= b) &&
      (t == 0 || tab->start[t - 1] < b))
    return (uint32_t)t;
  return hs_doctab_token_at(tab, b);
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

/* Postings are counted into buckets by the top bits of their hash: 2^16
** buckets for a large corpus, fewer for a small one (about 16 shingles a
** bucket or more), so that a run over a few documents does not pay for a
** pass over 65,536 counters.  The order the passes leave is (hash, doc,
** pos) whatever the number of buckets. */
#define NBUCKET_BITS 16
#define SLOTS_PER_THREAD 4 /* slices of documents a thread, about even */
#define NBUCKETS ((size_t)1 << NBUCKET_BITS)
#define MIN_BUCKET_BITS 4

static unsigned bucket_bits(uint64_t shingles) {
  unsigned bits = MIN_BUCKET_BITS;
  while (bits < NBUCKET_BITS && ((uint64_t)16 << bits) < shingles) bits++;
  return bits;
}

typedef struct build {
  const hs_doctab *docs;
  size_t ndocs, first_new;
  int ngram;
  bitset once, twice, fresh;
  int incremental;
  /* Postings go straight to their bucket (top nbits of the hash):
  ** documents are cut into nslots static slices of about as many
  ** shingles each (documents [slot_first[s], slot_first[s + 1])), and
  ** slot s writes the postings of bucket k from next[s * nbuckets + k]
  ** on.  Slices of equal document counts would not be equal work: a
  ** thread left with the longer documents would finish alone. */
  unsigned nbits;
  size_t nbuckets, nslots, *slot_first;
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
static int bucket_docs(build *b, int thread, size_t slot, size_t begin,
                       size_t end) {
  uint64_t *next = b->next + slot * b->nbuckets;
  unsigned shift = 64 - b->nbits;
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
          p = &b->post[next[h >> shift]++];
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
      next[h[i] >> shift]++;
    }
  }
  return pass_step(b, thread, (end - begin) % 256);
}

/* The slots [begin, end), one after another. */
static int pass_bucket(void *ud, int thread, size_t begin, size_t end) {
  build *b = ud;
  size_t s;
  int rc;
  for (s = begin; s < end; s++)
    if ((rc = bucket_docs(b, thread, s, b->slot_first[s],
                          b->slot_first[s + 1])))
      return rc;
  return 0;
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
  const uint64_t *start; /* buckets + 1 */
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

void hs_cindex_free(hs_cindex *ci) {
  if (!ci) return;
  free(ci->members);
  free(ci->gstart);
  free(ci->fwd_group);
  free(ci->fstart);
  memset(ci, 0, sizeof *ci);
}

/* The compaction of the sorted postings into groups, by parts. */
typedef struct compact_part {
  uint64_t p0, p1;  /* postings [p0, p1): whole buckets */
  uint64_t *gs;     /* its groups' starts, from its first member */
  size_t ng, capg;
  uint64_t nmem, capped;
} compact_part;

typedef struct compact_job {
  hs_posting *post;
  compact_part *part;
  uint64_t **count; /* per thread: members a document (+1), fstart's */
  size_t first_new, df_cap;
  int internal;
  const hs_hashlist *capped;
} compact_job;

/* Parts [begin, end): each one's groups worth seeding, as members written
** from its own first posting's place on (member 2 * p0). */
static int compact_parts(void *ud, int thread, size_t begin, size_t end) {
  compact_job *j = ud;
  const hs_posting *post = j->post;
  uint64_t *count = j->count[thread];
  size_t q;
  for (q = begin; q < end; q++) {
    compact_part *cp = &j->part[q];
    hs_member *out = (hs_member *)(j->post + cp->p0);
    uint64_t g0, g1, nmem = 0;
    for (g0 = cp->p0; g0 < cp->p1; g0 = g1) {
      size_t ndistinct = 1;
      uint64_t i;
      int has_new = 0;
      g1 = g0 + 1;
      while (g1 < cp->p1 && post[g1].hash == post[g0].hash) g1++;
      if (g1 - g0 < 2) continue;
      for (i = g0; i < g1; i++) {
        if (i > g0 && post[i].doc != post[i - 1].doc) ndistinct++;
        if (post[i].doc >= j->first_new) has_new = 1;
      }
      if (ndistinct > j->df_cap || g1 - g0 > 4 * j->df_cap ||
          hs_hashlist_has(j->capped, post[g0].hash)) {
        cp->capped++;
        continue;
      }
      if (!has_new || (ndistinct == 1 && !j->internal)) continue;
      HS_GROW(cp->gs, cp->capg, cp->ng + 1);
      cp->gs[cp->ng++] = nmem;
      for (i = g0; i < g1; i++) {
        hs_member m;
        m.doc = post[i].doc;
        m.pos = post[i].pos;
        out[nmem++] = m;
        count[m.doc + 1]++;
      }
    }
    cp->nmem = nmem;
  }
  return 0;
}

/* The forward lists, by ranges of groups: count (each document's members
** in range t into fill[t]), then write (fill[t][d]: where range t writes
** document d's next entry). */
typedef struct fwd_job {
  hs_cindex *ci;
  size_t ndocs;
  size_t *gfirst; /* range t: groups [gfirst[t], gfirst[t + 1]) */
  uint64_t **fill;
  int count;
} fwd_job;

static int fwd_range(void *ud, int thread, size_t begin, size_t end) {
  fwd_job *j = ud;
  const hs_member *m = j->ci->members;
  const uint64_t *gstart = j->ci->gstart;
  size_t t, g;
  uint64_t i;
  (void)thread;
  for (t = begin; t < end; t++) {
    uint64_t *fill = j->fill[t];
    for (g = j->gfirst[t]; g < j->gfirst[t + 1]; g++)
      for (i = gstart[g]; i < gstart[g + 1]; i++) {
        if (j->count) fill[m[i].doc]++;
        else j->ci->fwd_group[fill[m[i].doc]++] = (uint32_t)g;
      }
  }
  return 0;
}

int hs_cindex_build(hs_cindex *ci, const hs_doctab *docs, size_t ndocs,
                    size_t first_new, const hs_reuse_opts *opts,
                    const hs_hashlist *capped, int nthreads,
                    hs_index_stats *stats, hs_error *err) {
  build b;
  uint64_t total = 0, npost, nmem = 0, *bstart;
  size_t d, ng = 0, capg = 0;
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

  b.nbits = bucket_bits(total);
  b.nbuckets = (size_t)1 << b.nbits;
  b.nslots = (size_t)nthreads * SLOTS_PER_THREAD;
  b.slot_first = hs_malloc((b.nslots + 1) * sizeof *b.slot_first);
  { /* slice s ends at the first document past s / nslots of the kept
    ** bitmap's words, which grow with the shingles */
    size_t s;
    d = 0;
    for (s = 0; s < b.nslots; s++) {
      uint64_t want = b.koff[ndocs] * s / b.nslots;
      while (d < ndocs && b.koff[d] < want) d++;
      b.slot_first[s] = d;
    }
    b.slot_first[b.nslots] = ndocs;
  }
  b.next = hs_calloc(b.nslots * b.nbuckets, sizeof *b.next);
  b.kept = hs_calloc((size_t)b.koff[ndocs] + 1, sizeof *b.kept);
  b.pass = 1;
  b.done = 0;
  if ((rc = hs_parallel_for(nthreads, b.nslots, 1, pass_bucket, &b)))
    goto out;
  /* Bucket-major prefix sums: bucket k's postings, slot by slot, then
  ** bucket k+1's.  bstart keeps where each bucket begins. */
  {
    uint64_t sum = 0;
    size_t k, sl;
    bstart = hs_calloc(b.nbuckets + 1, sizeof *bstart);
    for (k = 0; k < b.nbuckets; k++) {
      bstart[k] = sum;
      for (sl = 0; sl < b.nslots; sl++) {
        uint64_t c = b.next[sl * b.nbuckets + k];
        b.next[sl * b.nbuckets + k] = sum;
        sum += c;
      }
    }
    bstart[b.nbuckets] = sum;
    npost = sum;
  }
  st.postings = npost;
  b.post = hs_reallocarray(NULL, (size_t)npost + 1, sizeof *b.post);
  b.pass = 2;
  b.done = 0;
  rc = hs_parallel_for(nthreads, b.nslots, 1, pass_bucket, &b);
  if (rc) {
    free(bstart);
    goto out;
  }
  bitset_free(&b.twice);
  bitset_free(&b.fresh);
  free(b.next);
  free(b.slot_first);
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
    bj.sub = 64 - b.nbits - 8;
    hs_parallel_for(nthreads, b.nbuckets, 1024, sort_buckets, &bj);
  }

  /* Keep the groups worth seeding, compacted in place to (doc, pos):
  ** a member takes 8 bytes where a posting took 16, and the write index
  ** never passes the read index.  Parts of whole buckets (a group never
  ** spans two) are compacted side by side, each at its own start; the
  ** parts then move down into one array, in order. */
  {
    compact_job cj;
    size_t q, k = 0, nparts = nthreads > 1 ? (size_t)nthreads * 8 : 1;
    int t;
    memset(&cj, 0, sizeof cj);
    cj.post = b.post;
    cj.first_new = first_new;
    cj.df_cap = df_cap;
    cj.internal = opts->internal;
    cj.capped = capped;
    cj.part = hs_calloc(nparts, sizeof *cj.part);
    cj.count = hs_calloc((size_t)nthreads, sizeof *cj.count);
    cj.count[0] = ci->fstart;
    for (t = 1; t < nthreads; t++)
      cj.count[t] = hs_calloc(ndocs + 1, sizeof *cj.count[t]);
    for (q = 0; q < nparts; q++) { /* about as many postings each */
      uint64_t want = npost * (q + 1) / nparts;
      cj.part[q].p0 = bstart[k];
      while (k < b.nbuckets && bstart[k + 1] <= want) k++;
      if (q + 1 == nparts) k = b.nbuckets;
      cj.part[q].p1 = bstart[k];
    }
    hs_parallel_for(nthreads, nparts, 1, compact_parts, &cj);
    ci->members = (hs_member *)b.post;
    for (q = 0; q < nparts; q++) {
      compact_part *cp = &cj.part[q];
      size_t g;
      if (cp->nmem)
        memmove(ci->members + nmem, ci->members + 2 * cp->p0,
                (size_t)cp->nmem * sizeof *ci->members);
      HS_GROW(ci->gstart, capg, ng + cp->ng + 2);
      for (g = 0; g < cp->ng; g++) ci->gstart[ng++] = nmem + cp->gs[g];
      nmem += cp->nmem;
      st.capped += cp->capped;
      free(cp->gs);
    }
    for (t = 1; t < nthreads; t++) {
      for (d = 0; d <= ndocs; d++) ci->fstart[d] += cj.count[t][d];
      free(cj.count[t]);
    }
    free(cj.count);
    free(cj.part);
  }
  free(bstart);
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
  { /* by ranges of groups on the threads: range t's entries of a
    ** document follow those of the ranges before it, so each list is in
    ** group order, as one pass would write it */
    fwd_job fj;
    size_t t, nr = nthreads > 1 && ng > 1024 ? (size_t)nthreads : 1, g = 0;
    fj.ci = ci;
    fj.ndocs = ndocs;
    fj.gfirst = hs_malloc((nr + 1) * sizeof *fj.gfirst);
    fj.fill = hs_malloc(nr * sizeof *fj.fill);
    for (t = 0; t < nr; t++) { /* about as many members each */
      uint64_t want = nmem * t / nr;
      while (g < ng && ci->gstart[g] < want) g++;
      fj.gfirst[t] = g;
      fj.fill[t] = hs_calloc(ndocs + 1, sizeof *fj.fill[t]);
    }
    fj.gfirst[nr] = ng;
    fj.count = 1;
    hs_parallel_for((int)nr, nr, 1, fwd_range, &fj);
    for (d = 0; d < ndocs; d++) { /* counts into where each range writes */
      uint64_t at = ci->fstart[d];
      for (t = 0; t < nr; t++) {
        uint64_t c = fj.fill[t][d];
        fj.fill[t][d] = at;
        at += c;
      }
    }
    fj.count = 0;
    hs_parallel_for((int)nr, nr, 1, fwd_range, &fj);
    for (t = 0; t < nr; t++) free(fj.fill[t]);
    free(fj.fill);
    free(fj.gfirst);
  }
done:
  if (stats) *stats = st;
  return HS_OK;
out: /* interrupted during a pass */
  bitset_free(&b.once);
  bitset_free(&b.twice);
  bitset_free(&b.fresh);
  free(b.next);
  free(b.slot_first);
  free(b.kept);
  free(b.koff);
  free(b.post);
  for (d = 0; d < (size_t)nthreads; d++) free(b.hbuf[d]);
  free(b.hbuf);
  free(b.hcap);
  hs_cindex_free(ci);
  return hs_error_set(err, HS_EINTR, "interrupted");
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
