/*
** merge.c — the last step of the sentence stage (sentence.c): the
** passages it keeps for one pair of documents become records, merged with
** the pair's n-gram passages.
**
** The kept passages are taken best-supported first (most seeds, then the
** longest, then the most similar), and one that overlaps a passage taken
** before it is dropped.  An n-gram passage that overlaps a kept one on
** both sides is merged into it, and beyond the n-gram passages only whole
** sentences extend the record (a sentence cut by a passage's edge was
** copied in part only); one that overlaps it on one side only is the same
** text aligned elsewhere and wins, and a near-verbatim one is never
** extended by looser matches.  A lone sentence not next to an n-gram
** passage needs a higher similarity (TH_ALONE).  This is apart from the
** comparison of sentences because it reads only spans, never words.
*/
#include <stdlib.h>
#include <string.h>

#include "align/sentence.h"
#include "util/util.h"

#define TH_ALONE 0.60  /* a one-sentence passage not next to an n-gram one */

static int frag_rank_cmp(const void *x, const void *y) {
  const hs_sent_frag *a = x, *b = y;
  uint32_t la = (a->ta1 - a->ta0) + (a->tb1 - a->tb0);
  uint32_t lb = (b->ta1 - b->ta0) + (b->tb1 - b->tb0);
  if (a->nseeds != b->nseeds) return a->nseeds > b->nseeds ? -1 : 1;
  if (la != lb) return la > lb ? -1 : 1;
  return (a->sim < b->sim) - (a->sim > b->sim);
}

static uint32_t ov(uint32_t s0, uint32_t e0, uint32_t s1, uint32_t e1) {
  uint32_t s = s0 > s1 ? s0 : s1, e = e0 < e1 ? e0 : e1;
  return e > s ? e - s : 0;
}

static void emit(hs_passage **out, size_t *nout, size_t *capout,
                 const hs_doctab *A, const hs_doctab *B, uint32_t a,
                 uint32_t b, const hs_sent_frag *f) {
  hs_passage *p;
  HS_GROW(*out, *capout, *nout + 1);
  p = &(*out)[(*nout)++];
  memset(p, 0, sizeof *p);
  p->a.doc = a;
  p->a.start = A->start[f->ta0];
  p->a.end = A->start[f->ta1 - 1] + A->len[f->ta1 - 1];
  p->a.words = f->ta1 - f->ta0;
  p->b.doc = b;
  p->b.start = B->start[f->tb0];
  p->b.end = B->start[f->tb1 - 1] + B->len[f->tb1 - 1];
  p->b.words = f->tb1 - f->tb0;
  p->words = f->words;
  p->similarity = f->sim;
  p->method = f->method;
}

/* The start of the first of sentences [i0, i1] wholly before token h
** (h if none), and the end of the last wholly after it. */
static uint32_t ext_lo(const hs_senttab *S, uint32_t i0, uint32_t i1,
                       uint32_t h) {
  uint32_t k;
  for (k = i0; k <= i1; k++)
    if (S->sent[k + 1] <= h) return S->sent[k] < h ? S->sent[k] : h;
  return h;
}

static uint32_t ext_hi(const hs_senttab *S, uint32_t i0, uint32_t i1,
                       uint32_t h) {
  uint32_t k;
  for (k = i1 + 1; k-- > i0;)
    if (S->sent[k] >= h) return S->sent[k + 1] > h ? S->sent[k + 1] : h;
  return h;
}

size_t hs_sent_pair_first(const hs_passage *pp, const size_t *byp,
                          size_t nbyp, uint32_t a, uint32_t b) {
  size_t lo = 0, hi = nbyp;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const hs_passage *p = &pp[byp[mid]];
    if (p->a.doc < a || (p->a.doc == a && p->b.doc < b)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

void hs_sent_merge_pair(const hs_passage *pp, const size_t *byp, size_t nbyp,
                        uint8_t *gone, const uint32_t *tv, hs_sent_frag *fr,
                        size_t nfr, uint32_t a, uint32_t b,
                        const hs_doctab *A, const hs_doctab *B,
                        const hs_senttab *SA, const hs_senttab *SB,
                        hs_passage **out, size_t *nout, size_t *capout) {
  size_t k, f, q0 = hs_sent_pair_first(pp, byp, nbyp, a, b);
  size_t nk = 0;
  qsort(fr, nfr, sizeof *fr, frag_rank_cmp);
  for (f = 0; f < nfr; f++) {
    hs_sent_frag *x = &fr[f];
    size_t m;
    int clash = 0, nmerged = 0, inside = 1;
    uint32_t ua0 = x->ta0, ua1 = x->ta1, ub0 = x->tb0, ub1 = x->tb1;
    uint32_t ha0 = UINT32_MAX, ha1 = 0, hb0 = UINT32_MAX, hb1 = 0;
    uint32_t words = 0;
    for (m = 0; m < nk && !clash; m++)
      if (ov(x->ta0, x->ta1, fr[m].ta0, fr[m].ta1) ||
          ov(x->tb0, x->tb1, fr[m].tb0, fr[m].tb1))
        clash = 1;
    if (clash) continue;
    /* n-gram passages: overlapping on both sides are merged; on one side
    ** only, the same text is aligned elsewhere and wins */
    for (k = q0; k < nbyp && !clash; k++) {
      const hs_passage *p = &pp[byp[k]];
      uint32_t pa0, pa1, pb0, pb1;
      int oa, ob;
      if (p->a.doc != a || p->b.doc != b) break;
      pa0 = tv[5 * (k - q0)], pa1 = tv[5 * (k - q0) + 1];
      pb0 = tv[5 * (k - q0) + 2], pb1 = tv[5 * (k - q0) + 3];
      oa = ov(x->ta0, x->ta1, pa0, pa1) > 0;
      ob = ov(x->tb0, x->tb1, pb0, pb1) > 0;
      if (oa != ob) clash = 1;
      /* a near-verbatim copy is not extended by looser matches around it */
      if (oa && ob && p->similarity >= HS_NEAR_VERBATIM) clash = 1;
    }
    if (clash) continue;
    for (k = q0; k < nbyp; k++) {
      const hs_passage *p = &pp[byp[k]];
      uint32_t pa0, pa1, pb0, pb1;
      if (p->a.doc != a || p->b.doc != b) break;
      pa0 = tv[5 * (k - q0)], pa1 = tv[5 * (k - q0) + 1];
      pb0 = tv[5 * (k - q0) + 2], pb1 = tv[5 * (k - q0) + 3];
      if (!ov(x->ta0, x->ta1, pa0, pa1)) continue;
      nmerged++;
      words += p->words;
      if (pa0 < ha0) ha0 = pa0;
      if (pa1 > ha1) ha1 = pa1;
      if (pb0 < hb0) hb0 = pb0;
      if (pb1 > hb1) hb1 = pb1;
    }
    if (nmerged) {
      /* beyond the n-gram passages, only whole sentences extend them (a
      ** sentence cut by their edge was copied in part only) */
      ua0 = ext_lo(SA, x->i0, x->i1, ha0);
      ua1 = ext_hi(SA, x->i0, x->i1, ha1);
      ub0 = ext_lo(SB, x->j0, x->j1, hb0);
      ub1 = ext_hi(SB, x->j0, x->j1, hb1);
      if (ua0 < ha0 || ua1 > ha1 || ub0 < hb0 || ub1 > hb1) inside = 0;
    }
    if (!nmerged && x->nseeds == 1 && x->sim < TH_ALONE) continue;
    fr[nk++] = *x;
    if (nmerged == 1 && inside) continue; /* the n-gram passage says it all */
    for (k = q0; k < nbyp; k++) {
      const hs_passage *p = &pp[byp[k]];
      if (p->a.doc != a || p->b.doc != b) break;
      if (ov(ua0, ua1, tv[5 * (k - q0)], tv[5 * (k - q0) + 1]))
        gone[byp[k]] = 1;
    }
    x = &fr[nk - 1];
    x->ta0 = ua0, x->ta1 = ua1, x->tb0 = ub0, x->tb1 = ub1;
    if (words > x->words) x->words = words;
    emit(out, nout, capout, A, B, a, b, x);
  }
}
