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
** Pairs without an n-gram passage are found the same way at the level of
** documents: a pair is a candidate when its documents share COLD_TERMS
** sentence keys held by at most COLD_DOCS documents each (counted by
** document: a name repeated all through one long text is still rare for
** pairs of documents; an obfuscated copy's rarest words are often
** inserted ones, so one shared key per sentence is too few to ask), or
** COLD_TERMS keys held by at most COLD_WIDE documents (a wide pair: a
** reworded copy keeps a topic's words that are rare but not that rare;
** in a corpus of one subject they are the shared terms, so the stage asks
** more of its passages there), or COLD_WEAK of the rarest (a weak pair,
** where the stage keeps only passages inside both documents: a short
** copy has few rare words), or COLD_THIN keys held by at most COLD_WIDE
** documents (a thin pair: a reworded copy of two or three sentences
** keeps a key or two of each; compared as a wide pair, but not looked at
** by the summary pass, where two short reports of one kind that share
** four such keys were read as a summary of each other).  The
** pairs are counted document by document, in one counter per document
** reached through the keys it holds (memory linear in the keys, no list
** of pairs to sort).  The
** candidates are one sorted array of integers grouped by pair, so that
** the comparison can be split between threads by pair.
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
#define COLD_DOCS 32   /* a pair without an n-gram passage: keys held by
                       ** at most this many documents... */
#define COLD_TERMS 6   /* ...at least this many of them shared (or
                       ** COLD_WEAK, a weak pair: sentence_pair.c keeps
                       ** only passages inside both documents there) */
#define COLD_WEAK 5
#define COLD_THIN 4    /* a thin pair: this many keys held by at most
                       ** COLD_WIDE documents */
#define COLD_WIDE 96   /* ...or COLD_TERMS keys held by at most this many
                       ** documents (a wide pair; sentence_pair.c keeps
                       ** no passage at an end of both documents there,
                       ** nor a short one) */
#define PREFETCH 16    /* tokens ahead whose counter is fetched */
#define PREFETCH_GROUPS 4 /* groups of a key's documents ahead, fetched */

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
** parallel, and the blocks joined in order: the same keys in the same
** order as one pass over them. */
#define KBLOCKS 64

typedef struct kjob {
  const hs_docset *ds;
  const hs_senttab *st;
  const hs_termcounts *tc;
  uint32_t stopcnt;
  const uint8_t *inv;
  size_t nblocks;
  kblock *kb;
  kscratch *ks;
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

/* The index keys of the sentences of the documents marked in inv:
** (term << 32 | doc, sentence), in document order; pv NULL: the keys
** only. */
static int sentence_keys(const hs_docset *ds, const hs_senttab *st,
                         const hs_termcounts *tc, uint32_t stopcnt,
                         const uint8_t *inv, int nthreads, uint64_t **pk,
                         uint32_t **pv, size_t *np, hs_error *err) {
  kjob j;
  size_t b, total = 0;
  int t, rc;
  if (nthreads < 1) nthreads = 1;
  j.ds = ds;
  j.st = st;
  j.tc = tc;
  j.stopcnt = stopcnt;
  j.inv = inv;
  j.nblocks = nthreads > 1 && ds->ndocs >= KBLOCKS ? KBLOCKS : 1;
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
  *np = 0;
  if (j.nblocks == 1) {
    *pk = j.kb[0].pk, *np = j.kb[0].np;
    if (pv) *pv = j.kb[0].pv;
  } else {
    *pk = hs_reallocarray(NULL, total + 1, sizeof **pk);
    if (pv) *pv = hs_reallocarray(NULL, total + 1, sizeof **pv);
    for (b = 0; b < j.nblocks; b++) {
      if (j.kb[b].np) { /* a block without keys has no arrays */
        memcpy(*pk + *np, j.kb[b].pk, j.kb[b].np * sizeof **pk);
        if (pv) memcpy(*pv + *np, j.kb[b].pv, j.kb[b].np * sizeof **pv);
      }
      *np += j.kb[b].np;
      free(j.kb[b].pk);
      free(j.kb[b].pv);
    }
  }
  for (t = 0; t < nthreads; t++) {
    free(j.ks[t].cnt);
    hs_docbuf_free(&j.ks[t].buf);
  }
  free(j.kb);
  free(j.ks);
  return rc;
}

static int u32_cmp(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return (a > b) - (a < b);
}

/* A set of document pairs (a << 32 | b, never 0) with an index each,
** open addressing. */
static size_t pairset_slot(const uint64_t *k, size_t mask, uint64_t key) {
  uint64_t h = key * 0x9e3779b97f4a7c15ull;
  size_t i = (size_t)(h >> 20) & mask;
  while (k[i] && k[i] != key) i = (i + 1) & mask;
  return i;
}

/* A set of pairs: slot table of 2^k entries for n pairs. */
static uint64_t *pairset_new(const uint64_t *keys, size_t n, size_t *mask,
                             uint32_t **index) {
  size_t cap = 16, i;
  uint64_t *k;
  while (cap < 2 * n + 2) cap *= 2;
  k = hs_calloc(cap, sizeof *k);
  if (index) *index = hs_malloc(cap * sizeof **index);
  *mask = cap - 1;
  for (i = 0; i < n; i++) {
    size_t s = pairset_slot(k, *mask, keys[i]);
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

/* The distinct documents of the postings [x, y) of one key (sorted by
** document) into d, at most max + 1 of them; their number. */
static size_t key_docs(const uint64_t *pk, size_t x, size_t y, uint32_t *d,
                       size_t max) {
  size_t m = 0, u;
  for (u = x; u < y && m <= max; u++)
    if (!m || d[m - 1] != (uint32_t)pk[u]) d[m++] = (uint32_t)pk[u];
  return m;
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
                     size_t *nout, hs_error *err) {
  int rc;
  *out = NULL;
  *nout = 0;
  rc = sentence_keys(ds, st, tc, stopcnt, docs, nthreads, out, NULL, nout,
                     err);
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
  return cold_keys(ds, st, tc, stopcnt, docs, 1, out, nout, err);
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
    every = hs_malloc(ds->ndocs + 1);
    memset(every, 1, ds->ndocs + 1);
    rc = cold_keys(ds, st, &all, hs_sent_cold_stopcnt(&all), every,
                   nthreads, out, nout, err);
    free(every);
    if (!rc && *nout) hs_sort_u64_threads(*out, *nout, nthreads);
  }
  hs_termcounts_free(&all);
  return rc;
}

/* The cold pairs' search by document: documents [x0, x1) of each block
** found in parallel, each block's pairs in lists of its own, joined in
** the blocks' order (the order of one pass over the documents). */
#define SELECT_BLOCKS 64

typedef struct slist {
  uint64_t *v;
  size_t n, cap;
} slist;

typedef struct sblock {
  slist sel, wide, thin, weak;
} sblock;

typedef struct sscr {
  uint64_t *cnt;
  uint32_t *touched;
} sscr;

typedef struct sjob {
  size_t ndocs, first_new, mask;
  const size_t *first;
  const uint32_t *place, *pend, *gd, *deg;
  const uint8_t *pw, *paired;
  const uint64_t *tk;
  uint32_t lim;
  sblock *blk;
  sscr *scr;
} sjob;

static void slist_add(slist *l, uint64_t key) {
  HS_GROW(l->v, l->cap, l->n + 1);
  l->v[l->n++] = key;
}

static int select_block(void *ud, int thread, size_t begin, size_t end) {
  const sjob *j = ud;
  size_t b;
  for (b = begin; b < end; b++) {
    size_t x0 = j->ndocs * b / SELECT_BLOCKS;
    size_t x1 = j->ndocs * (b + 1) / SELECT_BLOCKS, x;
    sblock *o = &j->blk[b];
    uint64_t *cnt = j->scr[thread].cnt;
    uint32_t *touched = j->scr[thread].touched;
    const size_t *first = j->first;
    const uint32_t *place = j->place, *pend = j->pend, *gd = j->gd;
    const uint32_t *deg = j->deg;
    const uint32_t lim = j->lim;
    for (x = x0; x < x1; x++) {
      size_t nt = 0, ns = 0, z, w;
      for (z = first[x]; z < first[x + 1]; z++) {
        /* the groups lie anywhere: the one a few places on is fetched
        ** while this one is read */
        if (z + PREFETCH_GROUPS < first[j->ndocs])
          __builtin_prefetch(&gd[place[z + PREFETCH_GROUPS]]);
        for (w = place[z] + 1; w < pend[z]; w++) {
          uint32_t db = gd[w];
          if (db < j->first_new || deg[db] < lim) continue;
          /* keys held by at most COLD_DOCS documents counted in the high
          ** half, all in the low one */
          if (!cnt[db]) touched[nt++] = db;
          cnt[db] += 1 + ((uint64_t)j->pw[z] << 32);
        }
      }
      for (z = 0; z < nt; z++) {
        uint32_t db = touched[z];
        /* a weak pair's document is marked by the top bit, a wide
        ** pair's by the next, a thin pair's by both */
        uint64_t rare = cnt[db] >> 32, all = (uint32_t)cnt[db];
        if (rare >= COLD_TERMS)
          touched[ns++] = db;
        else if (lim < COLD_TERMS && all >= COLD_TERMS)
          touched[ns++] = db | 0x40000000u;
        else if (lim < COLD_TERMS && rare >= COLD_WEAK)
          touched[ns++] = db | 0x80000000u;
        else if (all >= lim)
          touched[ns++] = db | 0xc0000000u;
        cnt[db] = 0;
      }
      if (!ns) continue;
      qsort(touched, ns, sizeof *touched, u32_cmp);
      for (z = 0; z < ns; z++) {
        uint32_t db = touched[z] & 0x3fffffffu;
        uint64_t key = (uint64_t)x << 32 | db;
        if (j->tk && j->paired[x] && j->paired[db] &&
            j->tk[pairset_slot(j->tk, j->mask, key)] == key)
          continue;
        if ((touched[z] & 0xc0000000u) == 0xc0000000u)
          slist_add(&o->thin, key);
        else if (touched[z] & 0x40000000u)
          slist_add(&o->wide, key);
        else if (touched[z] != db)
          slist_add(&o->weak, key);
        else
          slist_add(&o->sel, key);
      }
    }
  }
  return 0;
}

/* The blocks' lists of one kind (at offset off of a block) appended to
** *out, in the blocks' order, and freed. */
static void slist_join(sblock *blk, size_t off, slist *out) {
  size_t b;
  for (b = 0; b < SELECT_BLOCKS; b++) {
    slist *l = (slist *)((char *)&blk[b] + off);
    if (l->n) {
      HS_GROW(out->v, out->cap, out->n + l->n);
      memcpy(out->v + out->n, l->v, l->n * sizeof *l->v);
      out->n += l->n;
    }
    free(l->v);
  }
}

void hs_sent_cold_select(const uint64_t *pk, size_t np, size_t ndocs,
                         const uint8_t *paired, const uint64_t *known,
                         size_t nknown, size_t first_new, int nthreads,
                         uint64_t **out, size_t *nout, size_t *nstrong,
                         size_t *nwidep, size_t *nthinp) {
  size_t x, y, u, g, mask = 0, ngd = 0, capgd = 0;
  size_t ng = 0, capg = 0, *gs = NULL, *first;
  uint64_t *tk = NULL;
  uint32_t *gd = NULL, *deg, *deg2, *place, *pend;
  uint8_t *gw = NULL, *pw;
  size_t capgw = 0;
  slist sel = {0}, wide = {0}, thin = {0}, weak = {0};
  uint32_t lim = nstrong && ndocs <= 0x3fffffffu ? COLD_THIN : COLD_TERMS;
  uint32_t d[COLD_WIDE + 1];
  sjob j;
  int t;
  /* the keys held by two to COLD_WIDE documents, once: their documents
  ** (gd, group g is [gs[g], gs[g + 1])), whether they are held by at
  ** most COLD_DOCS (gw), and how many such keys each document holds (a
  ** document holding fewer than lim is in no pair that shares lim of
  ** them) */
  deg = hs_calloc(ndocs + 1, sizeof *deg);
  deg2 = hs_calloc(ndocs + 1, sizeof *deg2);
  for (x = 0; x < np; x = y) {
    size_t m;
    for (y = x + 1; y < np && pk[y] >> 32 == pk[x] >> 32; y++) {}
    if (y - x < 2) continue;
    m = key_docs(pk, x, y, d, COLD_WIDE);
    if (m < 2 || m > COLD_WIDE) continue;
    HS_GROW(gd, capgd, ngd + m);
    HS_GROW(gs, capg, ng + 2);
    HS_GROW(gw, capgw, ng + 2);
    gw[ng] = m <= COLD_DOCS;
    gs[ng++] = ngd;
    for (u = 0; u < m; u++) {
      deg[d[u]]++;
      gd[ngd++] = d[u];
    }
  }
  if (gs) gs[ng] = ngd;
  if (known) tk = pairset_new(known, nknown, &mask, NULL);
  /* each document's places in the groups (counting sort by document),
  ** then for each document the documents after it in its groups,
  ** counted in a table of one counter per document (one per thread) */
  first = hs_calloc(ndocs + 2, sizeof *first);
  for (u = 0; u < ngd; u++)
    if (deg[gd[u]] >= lim) first[gd[u] + 1]++;
  for (x = 0; x < ndocs; x++) first[x + 1] += first[x];
  place = hs_malloc((first[ndocs] + 1) * sizeof *place);
  pend = hs_malloc((first[ndocs] + 1) * sizeof *pend);
  pw = hs_malloc((first[ndocs] + 1) * sizeof *pw);
  for (g = 0; g < ng; g++)
    for (u = gs[g]; u < gs[g + 1]; u++)
      if (deg[gd[u]] >= lim) {
        size_t at = first[gd[u]] + deg2[gd[u]]++;
        place[at] = (uint32_t)u;
        pw[at] = gw[g];
        pend[at] = (uint32_t)gs[g + 1];
      }
  if (nthreads < 1 || ndocs < SELECT_BLOCKS) nthreads = 1;
  memset(&j, 0, sizeof j);
  j.ndocs = ndocs;
  j.first_new = first_new;
  j.mask = mask;
  j.first = first;
  j.place = place;
  j.pend = pend;
  j.gd = gd;
  j.deg = deg;
  j.pw = pw;
  j.paired = paired;
  j.tk = tk;
  j.lim = lim;
  j.blk = hs_calloc(SELECT_BLOCKS, sizeof *j.blk);
  j.scr = hs_calloc((size_t)nthreads, sizeof *j.scr);
  for (t = 0; t < nthreads; t++) {
    j.scr[t].cnt = hs_calloc(ndocs + 1, sizeof *j.scr[t].cnt);
    j.scr[t].touched = hs_malloc((ndocs + 1) * sizeof *j.scr[t].touched);
  }
  hs_parallel_for(nthreads, SELECT_BLOCKS, 1, select_block, &j);
  for (t = 0; t < nthreads; t++) {
    free(j.scr[t].cnt);
    free(j.scr[t].touched);
  }
  free(j.scr);
  slist_join(j.blk, offsetof(sblock, sel), &sel);
  slist_join(j.blk, offsetof(sblock, wide), &wide);
  slist_join(j.blk, offsetof(sblock, thin), &thin);
  slist_join(j.blk, offsetof(sblock, weak), &weak);
  free(j.blk);
  free(place);
  free(pend);
  free(pw);
  free(gw);
  free(first);
  free(deg);
  free(deg2);
  free(tk);
  free(gd);
  free(gs);
  if (nstrong) { /* the wide, the thin, then the weak pairs after the
    ** others */
    size_t ncold = sel.n;
    HS_GROW(sel.v, sel.cap, ncold + wide.n + thin.n + weak.n + 1);
    if (wide.n) memcpy(sel.v + ncold, wide.v, wide.n * sizeof *wide.v);
    ncold += wide.n;
    if (thin.n) memcpy(sel.v + ncold, thin.v, thin.n * sizeof *thin.v);
    ncold += thin.n;
    *nstrong = ncold;
    if (nwidep) *nwidep = wide.n + thin.n;
    if (nthinp) *nthinp = thin.n;
    if (weak.n) memcpy(sel.v + ncold, weak.v, weak.n * sizeof *weak.v);
    sel.n = ncold + weak.n;
  }
  free(weak.v);
  free(wide.v);
  free(thin.v);
  *out = sel.v;
  *nout = sel.n;
}

#define CAND_PARTS 64 /* parts of the key space, by a term's top bits */

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
    if (np) hs_sort_u64_carry(pk, pv, np);
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
          slot = pairset_slot(j->tk, j->mask, key);
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
  size_t pstart[CAND_PARTS + 1], at[CAND_PARTS];
  uint64_t *pk = NULL, *ck = NULL, *tk, *bits;
  uint32_t *pv = NULL, *ti;
  cjob j;
  int rc;
  memset(c, 0, sizeof *c);
  memset(&j, 0, sizeof j);
  tk = pairset_new(pairs, npairs, &j.mask, &ti);
  j.bits = bits = pairbits_new(pairs, npairs, &j.shift);
  j.tk = tk;
  j.ti = ti;
  rc = sentence_keys(ds, st, tc, stopcnt, inv, nthreads, &pk, &pv, &np,
                     err);
  if (!rc && np) {
    /* the keys into parts by their terms' top bits (a stable pass: each
    ** part is then sorted on its own, as one sort of all would leave
    ** it), and each part's pairs found in parallel; the pairs are
    ** sorted at the end, so the parts' order does not matter */
    uint64_t *pk2 = hs_reallocarray(NULL, np, sizeof *pk2);
    uint32_t *pv2 = hs_reallocarray(NULL, np, sizeof *pv2);
    memset(at, 0, sizeof at);
    for (i = 0; i < np; i++) at[pk[i] >> 58]++;
    for (q = 0, pstart[0] = 0; q < CAND_PARTS; q++) {
      pstart[q + 1] = pstart[q] + at[q];
      at[q] = pstart[q];
    }
    for (i = 0; i < np; i++) {
      size_t to = at[pk[i] >> 58]++;
      pk2[to] = pk[i];
      pv2[to] = pv[i];
    }
    free(pk);
    free(pv);
    pk = pk2, pv = pv2;
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
