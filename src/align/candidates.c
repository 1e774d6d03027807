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
** inserted ones, so one shared key per sentence is too few to ask).  The
** doc pairs are counted in slices of about a million, so memory stays
** flat on a large corpus.  The
** candidates are one sorted array of integers grouped by pair, so that
** the comparison can be split between threads by pair.
*/
#include <stdlib.h>
#include <string.h>

#include "align/sentence.h"
#include "util/sort.h"
#include "util/util.h"

#define KEYS 3         /* index keys per sentence */
#define KEY_MAX 96     /* a key in more sentences than this is no key */
#define MAX_SENT 65535 /* sentences past this in a document are not indexed */
#define COLD_DOCS 32   /* a pair without an n-gram passage: keys held by
                       ** at most this many documents... */
#define COLD_TERMS 6   /* ...at least this many of them shared */
#define PREFETCH 16    /* tokens ahead whose counter is fetched */

typedef struct kterm {
  uint32_t term, count;
} kterm;

/* The index keys of the sentences of the documents marked in inv:
** (term << 32 | doc, sentence). */
static int sentence_keys(const hs_docset *ds, const hs_senttab *st,
                         const hs_termcounts *tc, uint32_t stopcnt,
                         const uint8_t *inv, uint64_t **pk, uint32_t **pv,
                         size_t *np, hs_error *err) {
  size_t d, cap = 0, captmp = 0, capcnt = 0;
  uint32_t *tmp = NULL, *cnt = NULL;
  hs_docbuf buf = {0};
  kterm kt[KEYS];
  int rc = HS_OK;
  *np = 0;
  for (d = 0; d < ds->ndocs && !rc; d++) {
    const hs_senttab *S = &st[d];
    hs_doctab T;
    uint32_t s, t;
    if (!inv[d]) continue;
    if ((rc = hs_docset_get(ds, d, &T, &buf, err))) break;
    /* the counts of the document's terms first, in a loop of loads only:
    ** the table is larger than the caches, and loads that no branch
    ** waits on are fetched side by side */
    HS_GROW(cnt, capcnt, (size_t)T.n + 1);
    for (t = 0; t < T.n; t++) {
      if (t + PREFETCH < T.n)
        __builtin_prefetch(&tc->c[T.hash[t + PREFETCH] & tc->mask]);
      cnt[t] = tc->c[T.hash[t] & tc->mask];
    }
    for (s = 0; s < S->nsent && s < MAX_SENT; s++) {
      uint32_t nu = 0, x, y, nk = 0, k;
      HS_GROW(tmp, captmp, 2 * (size_t)(S->sent[s + 1] - S->sent[s]) + 2);
      for (t = S->sent[s]; t < S->sent[s + 1]; t++) {
        uint32_t term = T.hash[t], c = cnt[t];
        if (!term) continue;
        if (c >= 2 && c <= stopcnt) tmp[2 * nu] = term, tmp[2 * nu++ + 1] = c;
      }
      for (x = 0; x < nu; x++) { /* the KEYS rarest distinct terms */
        uint32_t term = tmp[2 * x], c = tmp[2 * x + 1];
        for (y = 0; y < nk && kt[y].term != term; y++) {}
        if (y < nk) continue;
        if (nk < KEYS) {
          kt[nk].term = term;
          kt[nk++].count = c;
          continue;
        }
        for (y = 0, k = 1; k < nk; k++)
          if (kt[k].count > kt[y].count ||
              (kt[k].count == kt[y].count && kt[k].term > kt[y].term))
            y = k;
        if (c < kt[y].count || (c == kt[y].count && term < kt[y].term))
          kt[y].term = term, kt[y].count = c;
      }
      if (*np + nk + 1 > cap) {
        cap = cap ? 2 * cap : 4096;
        *pk = hs_reallocarray(*pk, cap, sizeof **pk);
        *pv = hs_reallocarray(*pv, cap, sizeof **pv);
      }
      for (k = 0; k < nk; k++) {
        (*pk)[*np] = (uint64_t)kt[k].term << 32 | d;
        (*pv)[(*np)++] = s;
      }
    }
  }
  free(tmp);
  free(cnt);
  hs_docbuf_free(&buf);
  return rc;
}

/* A set of document pairs (a << 32 | b, never 0) with an index each,
** open addressing. */
static size_t pairset_slot(const uint64_t *k, size_t mask, uint64_t key) {
  uint64_t h = key * 0x9e3779b97f4a7c15ull;
  size_t i = (size_t)(h >> 20) & mask;
  while (k[i] && k[i] != key) i = (i + 1) & mask;
  return i;
}

#define SLICE ((size_t)1 << 20) /* pairs of documents counted at a time */

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

int hs_sent_cold_keys(const hs_docset *ds, const hs_senttab *st,
                      const hs_termcounts *tc, uint32_t stopcnt,
                      const uint8_t *docs, uint64_t **out, size_t *nout,
                      hs_error *err) {
  uint32_t *pv = NULL;
  int rc;
  *out = NULL;
  *nout = 0;
  rc = sentence_keys(ds, st, tc, stopcnt, docs, out, &pv, nout, err);
  free(pv);
  if (rc) {
    free(*out);
    *out = NULL;
    *nout = 0;
  }
  return rc;
}

int hs_sent_cold_keys_all(const hs_docset *ds, const hs_senttab *st,
                          uint64_t **out, size_t *nout, hs_error *err) {
  hs_termcounts all;
  hs_docbuf buf = {0};
  uint64_t ntok = 0;
  uint8_t *every;
  size_t i;
  int rc = HS_OK;
  *out = NULL;
  *nout = 0;
  for (i = 0; i < ds->ndocs; i++) ntok += st[i].n;
  hs_sent_cold_counts_init(&all, ntok);
  for (i = 0; i < ds->ndocs && !rc; i++) {
    hs_doctab T;
    if (!(rc = hs_docset_get(ds, i, &T, &buf, err)))
      hs_termcounts_add(&all, T.hash, T.n);
  }
  hs_docbuf_free(&buf);
  if (!rc) {
    every = hs_malloc(ds->ndocs + 1);
    memset(every, 1, ds->ndocs + 1);
    rc = hs_sent_cold_keys(ds, st, &all, hs_sent_cold_stopcnt(&all), every,
                           out, nout, err);
    free(every);
    if (!rc && *nout) hs_sort_u64(*out, *nout);
  }
  hs_termcounts_free(&all);
  return rc;
}

void hs_sent_cold_select(const uint64_t *pk, size_t np, size_t ndocs,
                         const uint8_t *paired, const uint64_t *known,
                         size_t nknown, size_t first_new, uint64_t **out,
                         size_t *nout) {
  size_t x, y, u, w, nk = 0, capk = 0, ncold = 0, capsel = 0;
  size_t total = 0, nslice, sl, mask = 0;
  uint64_t *kk = NULL, *sel = NULL, *tk = NULL;
  uint32_t d[COLD_DOCS + 1];
  if (known) tk = pairset_new(known, nknown, &mask, NULL);
  /* pairs of documents sharing a key, counted in slices by their first
  ** document so that the list of one slice stays about a million long */
  for (x = 0; x < np; x = y) {
    size_t m;
    for (y = x + 1; y < np && pk[y] >> 32 == pk[x] >> 32; y++) {}
    m = key_docs(pk, x, y, d, COLD_DOCS);
    if (m <= COLD_DOCS) total += m * (m - 1) / 2;
  }
  nslice = total / SLICE + 1;
  for (sl = 0; sl < nslice; sl++) {
    size_t lo = ndocs * sl / nslice, hi = ndocs * (sl + 1) / nslice;
    nk = 0;
    for (x = 0; x < np; x = y) {
      size_t m;
      for (y = x + 1; y < np && pk[y] >> 32 == pk[x] >> 32; y++) {}
      m = key_docs(pk, x, y, d, COLD_DOCS);
      if (m > COLD_DOCS) continue;
      for (u = 0; u < m; u++) {
        if (d[u] < lo || d[u] >= hi) continue;
        for (w = u + 1; w < m; w++) {
          if (d[w] < first_new) continue;
          HS_GROW(kk, capk, nk + 1);
          kk[nk++] = (uint64_t)d[u] << 32 | d[w];
        }
      }
    }
    if (nk) hs_sort_u64(kk, nk);
    for (x = 0; x < nk; x = y) {
      uint32_t da = (uint32_t)(kk[x] >> 32), db = (uint32_t)kk[x];
      for (y = x + 1; y < nk && kk[y] == kk[x]; y++) {}
      if (y - x < COLD_TERMS) continue;
      if (tk && paired[da] && paired[db] &&
          tk[pairset_slot(tk, mask, kk[x])] == kk[x])
        continue;
      HS_GROW(sel, capsel, ncold + 1);
      sel[ncold++] = kk[x];
    }
  }
  free(kk);
  free(tk);
  *out = sel;
  *nout = ncold;
}

int hs_sent_cands_build(const hs_docset *ds, const hs_senttab *st,
                        const hs_termcounts *tc, uint32_t stopcnt,
                        const uint8_t *inv, const uint64_t *pairs,
                        size_t npairs, size_t nopen, hs_sent_cands *c,
                        hs_error *err) {
  size_t i, x, y, np = 0, nc = 0, capc = 0, mask, ng = 0;
  uint64_t *pk = NULL, *ck = NULL, *tk;
  uint32_t *pv = NULL, *ti;
  int rc;
  memset(c, 0, sizeof *c);
  tk = pairset_new(pairs, npairs, &mask, &ti);
  rc = sentence_keys(ds, st, tc, stopcnt, inv, &pk, &pv, &np, err);
  if (np) hs_sort_u64_carry(pk, pv, np);
  for (x = 0; x < np && !rc; x = y) {
    size_t u, w;
    for (y = x + 1; y < np && pk[y] >> 32 == pk[x] >> 32; y++) {}
    if (y - x < 2 || y - x > KEY_MAX) continue;
    for (u = x; u < y; u++)
      for (w = u + 1; w < y; w++) {
        uint32_t da = (uint32_t)pk[u], db = (uint32_t)pk[w];
        /* da < db: postings are sorted by doc within a term */
        uint64_t key = (uint64_t)da << 32 | db;
        size_t slot;
        if (da == db) continue;
        slot = pairset_slot(tk, mask, key);
        if (tk[slot] != key) continue;
        HS_GROW(ck, capc, nc + 1);
        ck[nc++] = (uint64_t)ti[slot] << 32 | pv[u] << 16 | pv[w];
      }
  }
  free(pk);
  free(pv);
  free(tk);
  free(ti);
  if (nc) hs_sort_u64(ck, nc);
  c->pairs = hs_malloc((npairs + 1) * sizeof *c->pairs);
  memcpy(c->pairs, pairs, npairs * sizeof *pairs);
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
