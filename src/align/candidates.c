/*
** candidates.c — which sentences the sentence stage compares.
**
** Comparing every sentence of a pair of documents with every other costs
** the product of their lengths, so each sentence is indexed under its few
** rarest content terms (names, numbers and unusual words survive
** rewriting; ties are broken by the term itself, so the keys do not depend
** on the order of the words), and two sentences of a pair of documents
** that share a key become a candidate.  A key held by more sentences than
** KEY_MAX is no key (it is a topic word, not a trace of copying).  The
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

/* A set of document pairs (a << 32 | b, never 0), open addressing. */
static size_t pairset_slot(const uint64_t *k, size_t mask, uint64_t key) {
  uint64_t h = key * 0x9e3779b97f4a7c15ull;
  size_t i = (size_t)(h >> 20) & mask;
  while (k[i] && k[i] != key) i = (i + 1) & mask;
  return i;
}

int hs_sent_cands_build(const hs_docset *ds, const hs_senttab *st,
                        const hs_termcounts *tc, uint32_t stopcnt,
                        const uint8_t *inv, const uint64_t *open,
                        size_t nopen, hs_sent_cands *c, hs_error *err) {
  size_t i, x, y, np = 0, nc = 0, capc = 0, cap = 16, mask, ng = 0;
  uint64_t *pk = NULL, *ck = NULL;
  uint32_t *pv = NULL;
  int rc;
  memset(c, 0, sizeof *c);
  while (cap < 2 * nopen + 2) cap *= 2;
  c->pairs = hs_calloc(cap, sizeof *c->pairs);
  mask = cap - 1;
  for (i = 0; i < nopen; i++)
    c->pairs[pairset_slot(c->pairs, mask, open[i])] = open[i];
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
        slot = pairset_slot(c->pairs, mask, key);
        if (c->pairs[slot] != key) continue;
        HS_GROW(ck, capc, nc + 1);
        ck[nc++] = (uint64_t)slot << 32 | pv[u] << 16 | pv[w];
      }
  }
  free(pk);
  free(pv);
  if (nc) hs_sort_u64(ck, nc);
  c->gstart = hs_malloc((nc + 2) * sizeof *c->gstart);
  for (i = 0; i < nc; i++)
    if (!i || ck[i] >> 32 != ck[i - 1] >> 32) c->gstart[ng++] = i;
  c->gstart[ng] = nc;
  c->cand = ck;
  c->ncand = nc;
  c->ngroups = ng;
  return rc;
}

void hs_sent_cands_free(hs_sent_cands *c) {
  free(c->cand);
  free(c->pairs);
  free(c->gstart);
  memset(c, 0, sizeof *c);
}
