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
#define COLD_SENT 256  /* ...sentence pairs of a key compared, at most */

typedef struct kterm {
  uint32_t term, count;
} kterm;

/* The index keys of the sentences of the documents marked in inv:
** (term << 32 | doc, sentence). */
static int sentence_keys(const hs_docset *ds, const hs_senttab *st,
                         const hs_termcounts *tc, uint32_t stopcnt,
                         const uint8_t *inv, uint64_t **pk, uint32_t **pv,
                         size_t *np, hs_error *err) {
  size_t d, cap = 0, captmp = 0;
  uint32_t *tmp = NULL;
  hs_docbuf buf = {0};
  kterm kt[KEYS];
  int rc = HS_OK;
  *np = 0;
  for (d = 0; d < ds->ndocs && !rc; d++) {
    const hs_senttab *S = &st[d];
    hs_doctab T;
    uint32_t s;
    if (!inv[d]) continue;
    if ((rc = hs_docset_get(ds, d, &T, &buf, err))) break;
    for (s = 0; s < S->nsent && s < MAX_SENT; s++) {
      uint32_t t, nu = 0, x, y, nk = 0, k;
      HS_GROW(tmp, captmp, (size_t)(S->sent[s + 1] - S->sent[s]) + 1);
      for (t = S->sent[s]; t < S->sent[s + 1]; t++) {
        uint32_t term = T.hash[t], cnt;
        if (!term) continue;
        cnt = tc->c[term & tc->mask];
        if (cnt >= 2 && cnt <= stopcnt) tmp[nu++] = term;
      }
      for (x = 0; x < nu; x++) { /* the KEYS rarest distinct terms */
        uint32_t term = tmp[x], cnt = tc->c[term & tc->mask];
        for (y = 0; y < nk && kt[y].term != term; y++) {}
        if (y < nk) continue;
        if (nk < KEYS) {
          kt[nk].term = term;
          kt[nk++].count = cnt;
          continue;
        }
        for (y = 0, k = 1; k < nk; k++)
          if (kt[k].count > kt[y].count ||
              (kt[k].count == kt[y].count && kt[k].term > kt[y].term))
            y = k;
        if (cnt < kt[y].count || (cnt == kt[y].count && term < kt[y].term))
          kt[y].term = term, kt[y].count = cnt;
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

#define CLOSED UINT32_MAX
#define SLICE ((size_t)1 << 20) /* pairs of documents counted at a time */

/* The distinct documents of the postings [x, y) of one key (sorted by
** document) into d, at most max + 1 of them; their number. */
static size_t key_docs(const uint64_t *pk, size_t x, size_t y, uint32_t *d,
                       size_t max) {
  size_t m = 0, u;
  for (u = x; u < y && m <= max; u++)
    if (!m || d[m - 1] != (uint32_t)pk[u]) d[m++] = (uint32_t)pk[u];
  return m;
}

/* Pairs of documents without an n-gram passage (not in the set tk) that
** share COLD_TERMS keys or more, each key held by at most COLD_DOCS
** documents (counted by document, not sentence: a name repeated all
** through one long text is still a rare key for a pair of documents).
** They are appended to c->pairs, and the sentence pairs sharing such a
** key (at most COLD_SENT of them a key) to *ck.  The new count of pairs. */
static size_t cold_pairs(const uint64_t *pk, const uint32_t *pv, size_t np,
                         const uint64_t *tk, size_t mask,
                         const uint8_t *paired, size_t ndocs,
                         size_t first_new, hs_sent_cands *c, uint64_t **ck, size_t *nc,
                         size_t *capc) {
  size_t x, y, u, w, nk = 0, capk = 0, ncold = 0, npairs = c->npairs, cap;
  size_t cold_docs = (size_t)COLD_DOCS, cold_terms = (size_t)COLD_TERMS;
  size_t cold_sent = (size_t)COLD_SENT;
  uint64_t *kk = NULL, *cp, *cs;
  uint64_t *sel = NULL;
  uint32_t *ci, d[64];
  size_t total = 0, nslice, sl, capsel = 0;
  if (cold_docs > 63) cold_docs = 63;
  /* pairs of documents sharing a key, counted in slices by their first
  ** document so that the list of one slice stays about a million long */
  for (x = 0; x < np; x = y) {
    size_t m;
    for (y = x + 1; y < np && pk[y] >> 32 == pk[x] >> 32; y++) {}
    m = key_docs(pk, x, y, d, cold_docs);
    if (m <= cold_docs) total += m * (m - 1) / 2;
  }
  nslice = total / SLICE + 1;
  for (sl = 0; sl < nslice; sl++) {
    size_t lo = ndocs * sl / nslice, hi = ndocs * (sl + 1) / nslice;
    nk = 0;
    for (x = 0; x < np; x = y) {
      size_t m;
      for (y = x + 1; y < np && pk[y] >> 32 == pk[x] >> 32; y++) {}
      m = key_docs(pk, x, y, d, cold_docs);
      if (m > cold_docs) continue;
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
      if (y - x < cold_terms) continue;
      if (paired[da] && paired[db] &&
          tk[pairset_slot(tk, mask, kk[x])] == kk[x])
        continue;
      HS_GROW(sel, capsel, ncold + 1);
      sel[ncold++] = kk[x];
    }
  }
  free(kk);
  kk = sel;
  if (!ncold || npairs + ncold >= UINT32_MAX) {
    free(kk);
    return npairs;
  }
  /* their index, and their sentence pairs */
  for (cap = 16; cap < 2 * ncold + 2;) cap *= 2;
  cs = hs_calloc(cap, sizeof *cs);
  ci = hs_malloc(cap * sizeof *ci);
  cp = hs_reallocarray(c->pairs, npairs + ncold + 1, sizeof *cp);
  for (x = 0; x < ncold; x++) {
    size_t s = pairset_slot(cs, cap - 1, kk[x]);
    cs[s] = kk[x];
    ci[s] = (uint32_t)(npairs + x);
    cp[npairs + x] = kk[x];
  }
  c->pairs = cp;
  free(kk);
  for (x = 0; x < np; x = y) {
    size_t m;
    for (y = x + 1; y < np && pk[y] >> 32 == pk[x] >> 32; y++) {}
    m = key_docs(pk, x, y, d, cold_docs);
    if (m < 2 || m > cold_docs || y - x > cold_sent) continue;
    for (u = x; u < y; u++)
      for (w = u + 1; w < y; w++) {
        uint64_t key = (uint64_t)(uint32_t)pk[u] << 32 | (uint32_t)pk[w];
        size_t s;
        if ((uint32_t)pk[u] == (uint32_t)pk[w]) continue;
        s = pairset_slot(cs, cap - 1, key);
        if (cs[s] != key) continue;
        HS_GROW(*ck, *capc, *nc + 1);
        (*ck)[(*nc)++] = (uint64_t)ci[s] << 32 | pv[u] << 16 | pv[w];
      }
  }
  free(cs);
  free(ci);
  return npairs + ncold;
}

int hs_sent_cands_build(const hs_docset *ds, const hs_senttab *st,
                        const hs_termcounts *tc, uint32_t stopcnt,
                        const uint8_t *inv, const uint8_t *opendoc,
                        const uint8_t *paired, const uint64_t *open,
                        size_t nopen, const uint64_t *closed, size_t nclosed,
                        size_t first_new, int cold, hs_sent_cands *c,
                        hs_error *err) {
  size_t i, x, y, np = 0, nc = 0, capc = 0, cap = 16, mask, ng = 0;
  size_t npairs = nopen;
  uint64_t *pk = NULL, *ck = NULL, *tk;
  uint32_t *pv = NULL, *ti;
  size_t *idx;
  int rc;
  memset(c, 0, sizeof *c);
  while (cap < 2 * (nopen + nclosed) + 2) cap *= 2;
  tk = hs_calloc(cap, sizeof *tk);
  ti = hs_malloc(cap * sizeof *ti);
  mask = cap - 1;
  for (i = 0; i < nopen; i++) {
    size_t s = pairset_slot(tk, mask, open[i]);
    tk[s] = open[i];
    ti[s] = (uint32_t)i;
  }
  for (i = 0; i < nclosed; i++) {
    size_t s = pairset_slot(tk, mask, closed[i]);
    if (tk[s]) continue;
    tk[s] = closed[i];
    ti[s] = CLOSED;
  }
  rc = sentence_keys(ds, st, tc, stopcnt, inv, &pk, &pv, &np, err);
  if (np) hs_sort_u64_carry(pk, pv, np);
  idx = hs_malloc((KEY_MAX + 1) * sizeof *idx);
  for (x = 0; x < np && !rc; x = y) {
    size_t u, w, m = 0;
    for (y = x + 1; y < np && pk[y] >> 32 == pk[x] >> 32; y++) {}
    if (y - x < 2) continue;
    /* the open pairs: the postings of their documents */
    for (u = x; u < y && m <= KEY_MAX; u++)
      if (opendoc[(uint32_t)pk[u]]) idx[m++] = u;
    if (m >= 2 && m <= KEY_MAX)
      for (u = 0; u < m; u++)
        for (w = u + 1; w < m; w++) {
          uint32_t da = (uint32_t)pk[idx[u]], db = (uint32_t)pk[idx[w]];
          /* da < db: postings are sorted by doc within a term */
          uint64_t key = (uint64_t)da << 32 | db;
          size_t slot;
          if (da == db) continue;
          slot = pairset_slot(tk, mask, key);
          if (tk[slot] != key || ti[slot] == CLOSED) continue;
          HS_GROW(ck, capc, nc + 1);
          ck[nc++] = (uint64_t)ti[slot] << 32 | pv[idx[u]] << 16 | pv[idx[w]];
        }
  }
  free(idx);
  c->pairs = hs_malloc((nopen + 1) * sizeof *c->pairs);
  memcpy(c->pairs, open, nopen * sizeof *open);
  c->npairs = nopen;
  if (cold && !rc)
    npairs = cold_pairs(pk, pv, np, tk, mask, paired, ds->ndocs, first_new, c, &ck,
                        &nc, &capc);
  free(pk);
  free(pv);
  free(tk);
  free(ti);
  if (nc) hs_sort_u64(ck, nc);
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
