/*
** candidates.c — which sentences the sentence stage compares.
**
** Comparing every sentence of a pair of documents with every other costs
** the product of their lengths, so each sentence is indexed under its few
** rarest content terms (names, numbers and unusual words survive
** rewriting; ties are broken by the term itself, so the keys do not depend
** on the order of the words), and two sentences of a pair of documents
** that share a key become a candidate.  A key held by more sentences than
** KEY_MAX is no key (it is a topic word, not a trace of copying).
**
** The candidates are one sorted array of integers grouped by pair, so
** that the comparison can be split between threads by pair.  Pairs
** without an n-gram passage are found from the same keys at the level of
** documents (cold.c); the keys of every document for that search are
** made here.
*/
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "align/sentence.h"
#include "util/parallel.h"
#include "util/sort.h"
#include "util/util.h"

#define KEYS 3         /* index keys per sentence (keys_range inserts in
                       ** a list of three) */
#define KEY_MAX 96     /* a key in more sentences than this is no key */
#define MAX_SENT 65535 /* sentences past this in a document are not indexed */
#define PREFETCH 64    /* tokens ahead whose counter is fetched (a table
                       ** past the second cache: 7% less time in the keys
                       ** than 16 ahead on SaudiNewsNet) */

/* The index keys of the sentences of documents [d0, d1) marked in inv,
** appended to *pk (term << 32 | doc) and *pv (sentence). */
typedef struct kblock {
  uint64_t *pk;
  uint32_t *pv;   /* left NULL when the sentences are not wanted */
  size_t np, cap;
  int want_pv;
  int rc;
  hs_error err;
} kblock;

typedef struct kscratch {
  uint32_t *cnt;
  size_t capcnt;
  hs_docbuf buf;
} kscratch;

static int keys_range(const hs_docset *ds, const hs_senttab *st,
                      const hs_termcounts *tc, uint32_t stopcnt,
                      const uint8_t *inv, size_t d0, size_t d1, kscratch *ks,
                      kblock *kb) {
  size_t d;
  for (d = d0; d < d1; d++) {
    const hs_senttab *S = &st[d];
    hs_doctab T;
    uint32_t s, t, *cnt;
    if (!inv[d]) continue;
    if ((kb->rc = hs_docset_get(ds, d, &T, &ks->buf, &kb->err))) break;
    /* the counts of the document's terms first, in a loop of loads only:
    ** the table is larger than the caches, and loads that no branch
    ** waits on are fetched side by side */
    HS_GROW(ks->cnt, ks->capcnt, (size_t)T.n + 1);
    cnt = ks->cnt;
    { /* read once (a counter's store could be any of them, for all the
      ** compiler knows) */
      const uint32_t *c = tc->c, *hash = T.hash;
      uint32_t mask = tc->mask, n = T.n;
      for (t = 0; t + PREFETCH < n; t++) {
        __builtin_prefetch(&c[hash[t + PREFETCH] & mask]);
        cnt[t] = c[hash[t] & mask];
      }
      for (; t < n; t++) cnt[t] = c[hash[t] & mask];
    }
    for (s = 0; s < S->nsent && s < MAX_SENT; s++) {
      /* the KEYS rarest distinct terms: (count, term) ascending, kept
      ** sorted, so that most terms cost one comparison with the last */
      uint64_t r[KEYS], r0 = UINT64_MAX, r1 = UINT64_MAX, r2 = UINT64_MAX;
      uint32_t nk = 0, k;
      for (t = S->sent[s]; t < S->sent[s + 1]; t++) {
        uint32_t term = T.hash[t], c = cnt[t];
        uint64_t x = (uint64_t)c << 32 | term;
        /* most terms are no rarer than the third kept: one comparison;
        ** a masked word, one counted once and a stopword are never
        ** taken */
        if (x >= r2) continue;
        if (!term || c < 2 || c > stopcnt) continue;
        /* into its place, unless seen already (KEYS is 3) */
        if (x < r1) {
          if (x < r0) r2 = r1, r1 = r0, r0 = x;
          else if (x != r0) r2 = r1, r1 = x;
        } else if (x != r1) {
          r2 = x;
        }
      }
      r[0] = r0, r[1] = r1, r[2] = r2;
      while (nk < KEYS && r[nk] != UINT64_MAX) nk++;
      if (kb->np + nk + 1 > kb->cap) { /* from 64: a small call has few */
        kb->cap = kb->cap ? 2 * kb->cap : 64;
        kb->pk = hs_reallocarray(kb->pk, kb->cap, sizeof *kb->pk);
        if (kb->want_pv)
          kb->pv = hs_reallocarray(kb->pv, kb->cap, sizeof *kb->pv);
      }
      for (k = 0; k < nk; k++) {
        if (kb->want_pv) kb->pv[kb->np] = s;
        kb->pk[kb->np++] = (uint64_t)(uint32_t)r[k] << 32 | d;
      }
    }
  }
  return kb->rc;
}

/* Documents are keyed in KBLOCKS blocks of consecutive documents, in
** parallel, and the blocks' keys dealt into parts, each part in the
** blocks' order: the same keys in the same order as one pass over them
** dealt so. */
#define KBLOCKS 64
#define CAND_PARTS 64 /* parts of the key space, by a term's top bits */

typedef struct kjob {
  const hs_docset *ds;
  const hs_senttab *st;
  const hs_termcounts *tc;
  uint32_t stopcnt;
  const uint8_t *inv;
  size_t nblocks;
  kblock *kb;
  kscratch *ks;
  /* dealing into parts: block b's keys of part q go to at[b][q] on */
  size_t (*at)[CAND_PARTS];
  uint64_t *pk;
  uint32_t *pv;
} kjob;

static int keys_block(void *ud, int thread, size_t begin, size_t end) {
  kjob *j = ud;
  size_t b;
  for (b = begin; b < end; b++) {
    size_t d0 = j->ds->ndocs * b / j->nblocks;
    size_t d1 = j->ds->ndocs * (b + 1) / j->nblocks;
    if (keys_range(j->ds, j->st, j->tc, j->stopcnt, j->inv, d0, d1,
                   &j->ks[thread], &j->kb[b]))
      return j->kb[b].rc;
  }
  return 0;
}

static int deal_count(void *ud, int thread, size_t begin, size_t end) {
  kjob *j = ud;
  size_t b, i;
  (void)thread;
  for (b = begin; b < end; b++) {
    const kblock *kb = &j->kb[b];
    memset(j->at[b], 0, sizeof j->at[b]);
    for (i = 0; i < kb->np; i++) j->at[b][kb->pk[i] >> 58]++;
  }
  return 0;
}

static int deal_keys(void *ud, int thread, size_t begin, size_t end) {
  kjob *j = ud;
  size_t b, i;
  (void)thread;
  for (b = begin; b < end; b++) {
    const kblock *kb = &j->kb[b];
    size_t *at = j->at[b];
    for (i = 0; i < kb->np; i++) {
      size_t to = at[kb->pk[i] >> 58]++;
      j->pk[to] = kb->pk[i];
      if (j->pv) j->pv[to] = kb->pv[i];
    }
  }
  return 0;
}

/* The index keys of the sentences of the documents marked in inv:
** (term << 32 | doc, sentence), in document order, on one thread; pv
** NULL: the keys only.  With pstart not NULL, on up to nthreads threads,
** the keys are dealt into CAND_PARTS parts by their terms' top bits
** instead, part q at [pstart[q], pstart[q + 1]), each in document order
** (as a stable pass over them in document order leaves them): the blocks
** are counted and dealt on the threads. */
static int sentence_keys(const hs_docset *ds, const hs_senttab *st,
                         const hs_termcounts *tc, uint32_t stopcnt,
                         const uint8_t *inv, int nthreads, uint64_t **pk,
                         uint32_t **pv, size_t *np, size_t *pstart,
                         hs_error *err) {
  kjob j;
  size_t b, q, total = 0;
  int t, rc;
  if (nthreads < 1) nthreads = 1;
  memset(&j, 0, sizeof j);
  j.ds = ds;
  j.st = st;
  j.tc = tc;
  j.stopcnt = stopcnt;
  j.inv = inv;
  j.nblocks = pstart && nthreads > 1 && ds->ndocs >= KBLOCKS ? KBLOCKS : 1;
  j.kb = hs_calloc(j.nblocks, sizeof *j.kb);
  j.ks = hs_calloc((size_t)nthreads, sizeof *j.ks);
  for (b = 0; b < j.nblocks; b++) j.kb[b].want_pv = pv != NULL;
  rc = hs_parallel_for(j.nblocks > 1 ? nthreads : 1, j.nblocks, 1,
                       keys_block, &j);
  for (b = 0; b < j.nblocks; b++) {
    total += j.kb[b].np;
    if (j.kb[b].rc && !rc) rc = j.kb[b].rc;
  }
  for (b = 0; b < j.nblocks; b++) /* the first block's error */
    if (j.kb[b].rc) {
      *err = j.kb[b].err;
      rc = j.kb[b].rc;
      break;
    }
  *np = total;
  if (pstart) { /* counted by blocks, placed part by part, then dealt */
    int nt = j.nblocks > 1 ? nthreads : 1;
    size_t sum = 0;
    j.at = hs_malloc(j.nblocks * sizeof *j.at);
    hs_parallel_for(nt, j.nblocks, 1, deal_count, &j);
    for (q = 0; q < CAND_PARTS; q++) {
      pstart[q] = sum;
      for (b = 0; b < j.nblocks; b++) {
        size_t c = j.at[b][q];
        j.at[b][q] = sum;
        sum += c;
      }
    }
    pstart[CAND_PARTS] = sum;
    j.pk = *pk = hs_reallocarray(NULL, total + 1, sizeof **pk);
    if (pv) j.pv = *pv = hs_reallocarray(NULL, total + 1, sizeof **pv);
    hs_parallel_for(nt, j.nblocks, 1, deal_keys, &j);
    free(j.at);
    for (b = 0; b < j.nblocks; b++) {
      free(j.kb[b].pk);
      free(j.kb[b].pv);
    }
  } else { /* one block */
    *pk = j.kb[0].pk;
    if (pv) *pv = j.kb[0].pv;
  }
  for (t = 0; t < nthreads; t++) {
    free(j.ks[t].cnt);
    hs_docbuf_free(&j.ks[t].buf);
  }
  free(j.kb);
  free(j.ks);
  return rc;
}

size_t hs_sent_pairset_slot(const uint64_t *k, size_t mask, uint64_t key) {
  uint64_t h = key * 0x9e3779b97f4a7c15ull;
  size_t i = (size_t)(h >> 20) & mask;
  while (k[i] && k[i] != key) i = (i + 1) & mask;
  return i;
}

uint64_t *hs_sent_pairset_new(const uint64_t *keys, size_t n, size_t *mask,
                              uint32_t **index) {
  size_t cap = 16, i;
  uint64_t *k;
  while (cap < 2 * n + 2) cap *= 2;
  k = hs_calloc(cap, sizeof *k);
  if (index) *index = hs_malloc(cap * sizeof **index);
  *mask = cap - 1;
  for (i = 0; i < n; i++) {
    size_t s = hs_sent_pairset_slot(k, *mask, keys[i]);
    if (k[s]) continue;
    k[s] = keys[i];
    if (index) (*index)[s] = (uint32_t)i;
  }
  return k;
}

/* A filter of the same pairs, one bit per slot of 16 per pair (a pair not
** in the set is rejected by a table that stays in cache, most of the
** time); *shift: 64 less its slots' bits. */
static uint64_t *pairbits_new(const uint64_t *keys, size_t n,
                              unsigned *shift) {
  unsigned bits = 12;
  uint64_t *f;
  size_t i;
  while (bits < 40 && ((size_t)1 << bits) < 16 * n) bits++;
  f = hs_calloc(((size_t)1 << bits) / 64 + 1, sizeof *f);
  *shift = 64 - bits;
  for (i = 0; i < n; i++) {
    uint64_t h = (keys[i] * 0xc2b2ae3d27d4eb4full) >> *shift;
    f[h >> 6] |= (uint64_t)1 << (h & 63);
  }
  return f;
}

static int pairbits_has(const uint64_t *f, unsigned shift, uint64_t key) {
  uint64_t h = (key * 0xc2b2ae3d27d4eb4full) >> shift;
  return (int)(f[h >> 6] >> (h & 63) & 1);
}

void hs_sent_cold_counts_init(hs_termcounts *all, uint64_t ntok) {
  unsigned bits = 12;
  while (bits < 20 && ((uint64_t)1 << bits) < 4 * ntok) bits++;
  hs_termcounts_init(all, bits);
}

uint32_t hs_sent_cold_stopcnt(const hs_termcounts *all) {
  return (uint32_t)(all->total / 1000 > 20 ? all->total / 1000 : 20);
}

static int cold_keys(const hs_docset *ds, const hs_senttab *st,
                     const hs_termcounts *tc, uint32_t stopcnt,
                     const uint8_t *docs, int nthreads, uint64_t **out,
                     size_t *nout, size_t *pstart, hs_error *err) {
  int rc;
  *out = NULL;
  *nout = 0;
  rc = sentence_keys(ds, st, tc, stopcnt, docs, nthreads, out, NULL, nout,
                     pstart, err);
  if (rc) {
    free(*out);
    *out = NULL;
    *nout = 0;
  }
  return rc;
}

int hs_sent_cold_keys(const hs_docset *ds, const hs_senttab *st,
                      const hs_termcounts *tc, uint32_t stopcnt,
                      const uint8_t *docs, uint64_t **out, size_t *nout,
                      hs_error *err) {
  return cold_keys(ds, st, tc, stopcnt, docs, 1, out, nout, NULL, err);
}

/* The keys of each part sorted: by term, the documents of a term already
** in order. */
typedef struct ckjob {
  uint64_t *k;
  const size_t *pstart;
} ckjob;

static int sort_key_parts(void *ud, int thread, size_t begin, size_t end) {
  ckjob *j = ud;
  size_t q;
  (void)thread;
  for (q = begin; q < end; q++)
    hs_sort_u64_high(j->k + j->pstart[q], NULL,
                     j->pstart[q + 1] - j->pstart[q]);
  return 0;
}

int hs_sent_cold_keys_all(const hs_docset *ds, const hs_senttab *st,
                          int nthreads, uint64_t **out, size_t *nout,
                          hs_error *err) {
  hs_termcounts all;
  uint64_t ntok = 0;
  uint8_t *every;
  size_t i;
  int rc;
  *out = NULL;
  *nout = 0;
  for (i = 0; i < ds->ndocs; i++) ntok += st[i].n;
  hs_sent_cold_counts_init(&all, ntok);
  if (!(rc = hs_termcounts_add_docs(&all, ds, NULL, nthreads, err))) {
    /* dealt into parts by their terms' top bits as they are made, each
    ** part then sorted by term on the threads: the keys come in document
    ** order, so the documents of a term are in order already */
    size_t pstart[CAND_PARTS + 1];
    ckjob cj;
    every = hs_malloc(ds->ndocs + 1);
    memset(every, 1, ds->ndocs + 1);
    rc = cold_keys(ds, st, &all, hs_sent_cold_stopcnt(&all), every,
                   nthreads, out, nout, pstart, err);
    free(every);
    cj.k = *out;
    cj.pstart = pstart;
    if (!rc && *nout)
      hs_parallel_for(nthreads, CAND_PARTS, 1, sort_key_parts, &cj);
  }
  hs_termcounts_free(&all);
  return rc;
}


typedef struct cpart {
  uint64_t *ck;
  size_t n, cap;
} cpart;

typedef struct cjob {
  uint64_t *pk;
  uint32_t *pv;
  const size_t *pstart; /* part q's postings: [pstart[q], pstart[q + 1]) */
  const uint64_t *tk, *bits;
  const uint32_t *ti;
  size_t mask;
  unsigned shift;
  cpart *part;
} cjob;

/* The sentence pairs of the postings of parts [begin, end) of the keys
** (each sorted here) that are in a pair of the set, appended to the
** part's own list. */
static int cand_part(void *ud, int thread, size_t begin, size_t end) {
  cjob *j = ud;
  size_t q;
  (void)thread;
  for (q = begin; q < end; q++) {
    uint64_t *pk = j->pk + j->pstart[q];
    uint32_t *pv = j->pv + j->pstart[q];
    size_t np = j->pstart[q + 1] - j->pstart[q], x, y;
    cpart *c = &j->part[q];
    /* by term: the keys came in document order, a document's in the
    ** order of its sentences, as a stable sort by key leaves them */
    if (np) hs_sort_u64_high(pk, pv, np);
    for (x = 0; x < np; x = y) {
      size_t u, w;
      for (y = x + 1; y < np && pk[y] >> 32 == pk[x] >> 32; y++) {}
      if (y - x < 2 || y - x > KEY_MAX) continue;
      for (u = x; u < y; u++)
        for (w = u + 1; w < y; w++) {
          uint32_t da = (uint32_t)pk[u], db = (uint32_t)pk[w];
          /* da < db: postings are sorted by doc within a term */
          uint64_t key = (uint64_t)da << 32 | db;
          size_t slot;
          if (da == db || !pairbits_has(j->bits, j->shift, key)) continue;
          slot = hs_sent_pairset_slot(j->tk, j->mask, key);
          if (j->tk[slot] != key) continue;
          HS_GROW(c->ck, c->cap, c->n + 1);
          c->ck[c->n++] = (uint64_t)j->ti[slot] << 32 | pv[u] << 16 | pv[w];
        }
    }
  }
  return 0;
}

int hs_sent_cands_build(const hs_docset *ds, const hs_senttab *st,
                        const hs_termcounts *tc, uint32_t stopcnt,
                        const uint8_t *inv, const uint64_t *pairs,
                        size_t npairs, size_t nopen, int nthreads,
                        hs_sent_cands *c, hs_error *err) {
  size_t i, q, np = 0, nc = 0, ng = 0;
  size_t pstart[CAND_PARTS + 1];
  uint64_t *pk = NULL, *ck = NULL, *tk, *bits;
  uint32_t *pv = NULL, *ti;
  cjob j;
  int rc;
  memset(c, 0, sizeof *c);
  memset(&j, 0, sizeof j);
  tk = hs_sent_pairset_new(pairs, npairs, &j.mask, &ti);
  j.bits = bits = pairbits_new(pairs, npairs, &j.shift);
  j.tk = tk;
  j.ti = ti;
  /* the keys in parts by their terms' top bits (each part is then
  ** sorted on its own, as one sort of all would leave it), and each
  ** part's pairs found in parallel; the pairs are sorted at the end, so
  ** the parts' order does not matter */
  rc = sentence_keys(ds, st, tc, stopcnt, inv, nthreads, &pk, &pv, &np,
                     pstart, err);
  if (!rc && np) {
    j.pk = pk;
    j.pv = pv;
    j.pstart = pstart;
    j.part = hs_calloc(CAND_PARTS, sizeof *j.part);
    hs_parallel_for(nthreads, CAND_PARTS, 1, cand_part, &j);
    for (q = 0; q < CAND_PARTS; q++) nc += j.part[q].n;
    ck = hs_reallocarray(NULL, nc + 1, sizeof *ck);
    for (q = 0, nc = 0; q < CAND_PARTS; q++) {
      if (j.part[q].n)
        memcpy(ck + nc, j.part[q].ck, j.part[q].n * sizeof *ck);
      nc += j.part[q].n;
      free(j.part[q].ck);
    }
    free(j.part);
  }
  free(pk);
  free(pv);
  free(tk);
  free(ti);
  free(bits);
  if (nc) hs_sort_u64_threads(ck, nc, nthreads);
  c->pairs = hs_malloc((npairs + 1) * sizeof *c->pairs);
  if (npairs) memcpy(c->pairs, pairs, npairs * sizeof *pairs);
  c->gstart = hs_malloc((nc + 2) * sizeof *c->gstart);
  for (i = 0; i < nc; i++)
    if (!i || ck[i] >> 32 != ck[i - 1] >> 32) c->gstart[ng++] = i;
  c->gstart[ng] = nc;
  c->cand = ck;
  c->ncand = nc;
  c->ngroups = ng;
  c->npairs = npairs;
  c->nopen = nopen;
  return rc;
}

void hs_sent_cands_free(hs_sent_cands *c) {
  free(c->cand);
  free(c->pairs);
  free(c->gstart);
  memset(c, 0, sizeof *c);
}
