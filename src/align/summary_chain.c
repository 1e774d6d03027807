/*
** summary_chain.c — the chaining step of the summary pass (summary.c):
** of the sentence matches of one pair of documents, the best run that
** reads as a summary.
**
** Matches are chained by dynamic programming over the summary side's
** sentences in order, at most GAP_S unmatched ones between two matched,
** with the source side in order too (a step BACK of one sentence allowed)
** and at most SUM_GAP_L words between two source sentences; each summary
** sentence keeps its TOPK best matches.  Chains are tried by their score,
** best first: one is a summary when it matches SUM_MIN_SENTS sentences or
** more that are not copies (a copy is the n-gram stage's), COVER of its
** summary span, over a source span at least SUM_RATIO_MIN times longer.
** It is kept apart from the pass's reading of documents and words so that
** it can be tested on a matrix of cosines alone (hs_summary_chain).
*/
#include <stdlib.h>
#include <string.h>

#include "align/summary.h"
#include "align/summary_chain.h"
#include "util/util.h"

#define TOPK 3           /* source sentences kept per summary sentence */
#define GAP_S 2          /* summary sentences skipped inside a chain */
#define BACK 1           /* source sentences a chain may step back */
#define COVER 0.6        /* share of the summary span's sentences matched */
#define COPY_COS 0.8     /* a sentence pair this similar is a copy */

void hs_sum_chainbuf_free(hs_sum_chainbuf *cb) {
  free(cb->best);
  free(cb->prev);
  free(cb->mark);
  free(cb->ls);
  free(cb->lpos);
  memset(cb, 0, sizeof *cb);
}

static int seed_cmp(const void *x, const void *y) {
  const hs_sum_seed *a = x, *b = y;
  if (a->s != b->s) return a->s < b->s ? -1 : 1;
  if (a->cos != b->cos) return a->cos > b->cos ? -1 : 1;
  return (a->l > b->l) - (a->l < b->l);
}

static int seed_sl_cmp(const void *x, const void *y) {
  const hs_sum_seed *a = x, *b = y;
  if (a->s != b->s) return a->s < b->s ? -1 : 1;
  return (a->l > b->l) - (a->l < b->l);
}

size_t hs_sum_topk_seeds(hs_sum_seed *sd, size_t n) {
  size_t k, m = 0;
  qsort(sd, n, sizeof *sd, seed_cmp);
  for (k = 0; k < n; k++)
    if (m < TOPK || sd[k].s != sd[m - TOPK].s) sd[m++] = sd[k];
  qsort(sd, m, sizeof *sd, seed_sl_cmp);
  return m;
}

uint32_t hs_sum_best_chain(hs_sum_chainbuf *sc, const hs_sum_seed *sd,
                           size_t n, const uint32_t *ws, const uint32_t *wl,
                           uint32_t ns, uint32_t nl, uint32_t min_words,
                           hs_sum_found *f) {
  size_t k, q, tries;
  uint32_t got = 0, l;
  uint64_t *lpos;
  uint8_t *rw;
  HS_GROW(sc->mark, sc->capmark, n + ns + 1);
  rw = sc->mark + n; /* summary sentences of a rewrite */
  memset(rw, 0, ns);
  HS_GROW(sc->lpos, sc->caplpos, (size_t)nl + 1);
  HS_GROW(sc->ls, sc->capls, (size_t)ns + 1);
  lpos = sc->lpos;
  for (l = 0, lpos[0] = 0; l < nl; l++) lpos[l + 1] = lpos[l] + wl[l];
  if (n < SUM_MIN_SENTS) return 0;
  HS_GROW(sc->best, sc->capbest, n);
  HS_GROW(sc->prev, sc->capprev, n);
  for (k = 0; k < n; k++) {
    float b = 0;
    uint32_t pv = UINT32_MAX;
    for (q = k; q-- > 0;) {
      if (sd[q].s == sd[k].s) continue;
      if (sd[k].s - sd[q].s > GAP_S + 1) break;
      if (sd[q].l > sd[k].l + BACK) continue;
      if (sd[k].l > sd[q].l && lpos[sd[k].l] - lpos[sd[q].l + 1] > SUM_GAP_L)
        continue;
      if (sc->best[q] > b) b = sc->best[q], pv = (uint32_t)q;
    }
    sc->best[k] = b + sd[k].cos;
    sc->prev[k] = pv;
    sc->mark[k] = 0;
  }
  /* chains by their end, best first */
  for (tries = 0; tries < n && !got; tries++) {
    size_t e = SIZE_MAX;
    uint32_t nm = 0, s0, s1, l0 = UINT32_MAX, l1 = 0, i, ncopy = 0, nrw = 0;
    uint64_t wsum = 0;
    for (k = 0; k < n; k++)
      if (!sc->mark[k] && (e == SIZE_MAX || sc->best[k] > sc->best[e])) e = k;
    if (e == SIZE_MAX) break;
    s1 = s0 = sd[e].s;
    for (k = e; k != UINT32_MAX; k = sc->prev[k]) {
      sc->mark[k] = 1;
      sc->ls[nm++] = sd[k].l;
      ncopy += sd[k].cos >= COPY_COS;
      nrw += rw[sd[k].s];
      s0 = sd[k].s;
      if (sd[k].l < l0) l0 = sd[k].l;
      if (sd[k].l > l1) l1 = sd[k].l;
    }
    if (nrw) continue;
    for (i = s0; i <= s1; i++) wsum += ws[i];
    if (lpos[l1 + 1] - lpos[l0] < SUM_RATIO_MIN * wsum) {
      /* a rewrite: its sentences are no summary's */
      if (nm >= 2)
        for (k = e; k != UINT32_MAX; k = sc->prev[k]) rw[sd[k].s] = 1;
      continue;
    }
    if (nm - ncopy < SUM_MIN_SENTS || (double)nm < COVER * (double)(s1 - s0 + 1) ||
        wsum < min_words)
      continue;
    f->s0 = s0, f->s1 = s1, f->l0 = l0, f->l1 = l1;
    f->score = sc->best[e];
    f->ratio = (float)(lpos[l1 + 1] - lpos[l0]) / (float)wsum;
    got = nm;
  }
  return got;
}

uint32_t hs_summary_chain(const float *cos, uint32_t ns, uint32_t nl,
                          const uint32_t *words_s, const uint32_t *words_l,
                          uint32_t min_words, uint32_t *s0, uint32_t *s1,
                          uint32_t *l0, uint32_t *l1) {
  hs_sum_chainbuf sc;
  hs_sum_seed *sd = NULL;
  size_t n = 0, cap = 0;
  uint32_t s, l, got;
  hs_sum_found f;
  memset(&sc, 0, sizeof sc);
  memset(&f, 0, sizeof f);
  for (s = 0; s < ns; s++)
    for (l = 0; l < nl; l++)
      if (cos[(size_t)s * nl + l] >= SUM_TH_SENT) {
        HS_GROW(sd, cap, n + 1);
        sd[n].s = s, sd[n].l = l, sd[n++].cos = cos[(size_t)s * nl + l];
      }
  n = hs_sum_topk_seeds(sd, n);
  got = hs_sum_best_chain(&sc, sd, n, words_s, words_l, ns, nl, min_words, &f);
  *s0 = f.s0, *s1 = f.s1, *l0 = f.l0, *l1 = f.l1;
  free(sd);
  hs_sum_chainbuf_free(&sc);
  return got;
}
