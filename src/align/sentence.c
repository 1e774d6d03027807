/*
** sentence.c — the sentence-level stage: rewritten and summarized copies.
**
** The n-gram stage finds text copied word for word or lightly edited; a
** paraphrase breaks every 5-gram.  This stage works on sentences:
**
**  1. Candidates come from an inverted index of sentences, not from
**     pairs of documents: each sentence is indexed under its few rarest
**     content terms (names, numbers, unusual words survive rewriting), and
**     two sentences of different documents become a candidate when they
**     share two of these keys, or one when the n-gram index already made
**     their documents a candidate pair.  The cost is linear in the number
**     of sentences, whatever the number of document pairs.
**  2. A candidate is a sentence seed when the weighted cosine of the two
**     sentences' tf·idf vectors of stems (idf from corpus counts, so
**     frequent words weigh little) and the Dice overlap of their content
**     terms both pass a threshold.
**  3. Seeds are chained in reading order on both sides, allowing a few
**     unmatched sentences between them (a chain never runs backwards, so a
**     moved sentence starts a chain of its own); a chain is kept when its
**     two ranges, compared as one bag each, are still similar, otherwise
**     it is chained again with smaller gaps (after Sanchez-Perez, Sidorov
**     and Gelbukh's PAN 2014 aligner).  The same with a wide gap on one
**     side and a narrow one on the other finds summaries (a short passage
**     covering a long one), kept only when one side is 3 times longer.
**  4. Overlaps are resolved (best-supported passage first), then each kept
**     passage is merged with the n-gram passages of the pair that it
**     overlaps on both sides into one record.  A near-verbatim n-gram
**     passage is never extended by looser matches, and one that the same
**     text aligns elsewhere (overlap on one side only) wins.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/sentence.h"
#include "cluster/cluster.h"
#include "util/parallel.h"
#include "util/sort.h"
#include "util/util.h"

#define TH_SEED 0.42   /* sentence cosine */
#define TH_DICE 0.30   /* sentence content-term overlap */
#define TH_FRAG 0.45   /* cosine of a whole passage */
#define TH_SUMM 0.30   /* cosine of a summary with its source */
#define TH_ALONE 0.60  /* a one-sentence passage not next to an n-gram one */
#define GAP 3          /* sentences skipped inside a rewritten passage */
#define SUM_GAP 20     /* ...on the long side of a summary */
#define NEAR_VERBATIM 0.9 /* n-gram passages this similar are left alone */
#define KEYS 6         /* index keys per sentence */
#define KEY_MAX 48     /* a key in more sentences than this is no key */
#define MAX_SENT 65535 /* sentences past this in a document are not indexed */

typedef struct bent {
  uint32_t term;
  float w;
  uint32_t tf;
  int stop;
} bent;

typedef struct sseed {
  uint32_t i, j;
} sseed;

typedef struct frag {
  uint32_t i0, i1, j0, j1; /* sentences, inclusive */
  uint32_t ta0, ta1, tb0, tb1; /* tokens, end exclusive */
  uint32_t nseeds, words;
  float sim;
  int method;
} frag;

typedef struct sscratch {
  sseed *seeds;
  size_t capseeds;
  frag *frags;
  size_t nfrags, capfrags;
  bent *va, *vb;
  size_t capva, capvb;
  uint32_t *tmp;
  size_t captmp;
  hs_passage *out;
  size_t nout, capout;
  hs_docbuf bufa, bufb;
  hs_error err;
} sscratch;

typedef struct sjob {
  const hs_reuse_opts *o;
  const hs_docset *ds;
  const hs_senttab *st;
  const hs_termcounts *tc;
  double logtotal;
  uint32_t stopcnt;
  const uint64_t *cpairs;  /* n-gram candidate pairs, sorted */
  size_t ncpairs;
  const uint64_t *ckey;    /* sentence candidates: pair, sorted... */
  uint32_t *cval;          /* ...sa << 16 | sb */
  const size_t *gstart;    /* groups of candidates with one pair */
  hs_passage *p;           /* the n-gram passages */
  size_t *byp;             /* cross passages by (a.doc, b.doc) */
  size_t nbyp;
  uint8_t *gone;           /* per passage: merged into a new record */
  sscratch *sc;
} sjob;

static float idf(const sjob *j, uint32_t term) {
  uint32_t c = j->tc->c[term & j->tc->mask];
  return (float)(j->logtotal - log(c ? (double)c : 1.0));
}

static int u32_cmp(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return (a > b) - (a < b);
}

/* The bag of sentences [s0, s1] of S into *v, by term; *norm its length,
** *ncontent its distinct content terms. */
static size_t svec(const sjob *j, sscratch *sc, const hs_senttab *S,
                   uint32_t s0, uint32_t s1, bent **v, size_t *cap,
                   double *norm, uint32_t *ncontent) {
  uint32_t t0 = S->sent[s0], t1 = S->sent[s1 + 1], t, nu = 0, x, y;
  size_t m = 0;
  double n2 = 0;
  HS_GROW(sc->tmp, sc->captmp, (size_t)(t1 - t0) + 1);
  for (t = t0; t < t1; t++)
    if (S->term[t]) sc->tmp[nu++] = S->term[t];
  if (nu <= 48) {
    for (x = 1; x < nu; x++) {
      uint32_t val = sc->tmp[x];
      for (y = x; y > 0 && sc->tmp[y - 1] > val; y--) sc->tmp[y] = sc->tmp[y - 1];
      sc->tmp[y] = val;
    }
  } else {
    qsort(sc->tmp, nu, sizeof *sc->tmp, u32_cmp);
  }
  HS_GROW(*v, *cap, (size_t)nu + 1);
  *ncontent = 0;
  for (x = 0; x < nu; x = y) {
    bent *e = &(*v)[m++];
    for (y = x + 1; y < nu && sc->tmp[y] == sc->tmp[x]; y++) {}
    e->term = sc->tmp[x];
    e->tf = y - x;
    e->w = (float)e->tf * idf(j, e->term);
    e->stop = j->tc->c[e->term & j->tc->mask] > j->stopcnt;
    if (!e->stop) (*ncontent)++;
    n2 += (double)e->w * e->w;
  }
  *norm = sqrt(n2);
  return m;
}

/* Cosine of two bags; *shared: content terms in both, *words: word
** occurrences in both. */
static double vcos(const bent *va, size_t na, double norma, const bent *vb,
                   size_t nb, double normb, uint32_t *shared,
                   uint32_t *words) {
  size_t x = 0, y = 0;
  double dot = 0;
  *shared = *words = 0;
  while (x < na && y < nb) {
    if (va[x].term < vb[y].term) x++;
    else if (va[x].term > vb[y].term) y++;
    else {
      dot += (double)va[x].w * vb[y].w;
      if (!va[x].stop) (*shared)++;
      *words += va[x].tf < vb[y].tf ? va[x].tf : vb[y].tf;
      x++, y++;
    }
  }
  if (norma <= 0 || normb <= 0) return 0;
  return dot / (norma * normb);
}

static double frag_cos(const sjob *j, sscratch *sc, const hs_senttab *SA,
                       const hs_senttab *SB, const frag *f, uint32_t *words) {
  double na, nb;
  uint32_t ca, cb, shared;
  size_t ma = svec(j, sc, SA, f->i0, f->i1, &sc->va, &sc->capva, &na, &ca);
  size_t mb = svec(j, sc, SB, f->j0, f->j1, &sc->vb, &sc->capvb, &nb, &cb);
  return vcos(sc->va, ma, na, sc->vb, mb, nb, &shared, words);
}

static void add_frag(const sjob *j, sscratch *sc, const hs_senttab *SA,
                     const hs_senttab *SB, frag *f, int method) {
  const hs_reuse_opts *o = j->o;
  uint32_t words;
  double cosv, ratio;
  f->ta0 = SA->sent[f->i0];
  f->ta1 = SA->sent[f->i1 + 1];
  f->tb0 = SB->sent[f->j0];
  f->tb1 = SB->sent[f->j1 + 1];
  if (f->ta1 - f->ta0 < (uint32_t)o->min_words ||
      f->tb1 - f->tb0 < (uint32_t)o->min_words)
    return;
  ratio = (double)(f->ta1 - f->ta0) / (double)(f->tb1 - f->tb0);
  if (ratio < 1) ratio = 1 / ratio;
  if (method == HS_METHOD_SUMMARY && (ratio < 3 || f->nseeds < 3)) return;
  cosv = frag_cos(j, sc, SA, SB, f, &words);
  if (cosv < (method == HS_METHOD_SUMMARY ? TH_SUMM : TH_FRAG)) return;
  if (words < (uint32_t)o->min_words) return;
  f->sim = (float)cosv;
  f->words = words;
  f->method = method;
  HS_GROW(sc->frags, sc->capfrags, sc->nfrags + 1);
  sc->frags[sc->nfrags++] = *f;
}

/* Chain seeds s[0..n) (sorted by i, j) with gaps ga (sentences of A) and
** gb (of B); each chain becomes a passage if it holds as a whole, else is
** chained again with smaller gaps. */
static void chain_seeds(const sjob *j, sscratch *sc, const hs_senttab *SA,
                        const hs_senttab *SB, const sseed *s, size_t n,
                        uint32_t ga, uint32_t gb, int method, int depth) {
  size_t k, c, nch = 0;
  frag *ch = NULL;
  uint32_t *id;
  if (!n) return;
  id = hs_malloc(n * sizeof *id);
  ch = hs_malloc(n * sizeof *ch);
  for (k = 0; k < n; k++) {
    size_t best = SIZE_MAX;
    uint32_t bestcost = 0;
    for (c = 0; c < nch; c++) {
      frag *f = &ch[c];
      uint32_t li = f->ta0, lj = f->tb0, di, dj, cost; /* last seed */
      if (s[k].i < li || s[k].i - li > ga + 1) continue;
      if (s[k].j + 1 < lj) continue;
      dj = s[k].j > lj ? s[k].j - lj : lj - s[k].j;
      di = s[k].i - li;
      if (dj > gb + 1 || (di == 0 && dj == 0)) continue;
      cost = di + dj;
      if (best == SIZE_MAX || cost < bestcost) best = c, bestcost = cost;
    }
    if (best == SIZE_MAX) {
      frag *f = &ch[nch];
      best = nch++;
      f->i0 = f->i1 = s[k].i;
      f->j0 = f->j1 = s[k].j;
      f->nseeds = 0;
    }
    ch[best].ta0 = s[k].i; /* the chain's last seed, while chaining */
    ch[best].tb0 = s[k].j;
    if (s[k].i > ch[best].i1) ch[best].i1 = s[k].i;
    if (s[k].j < ch[best].j0) ch[best].j0 = s[k].j;
    if (s[k].j > ch[best].j1) ch[best].j1 = s[k].j;
    ch[best].nseeds++;
    id[k] = (uint32_t)best;
  }
  for (c = 0; c < nch; c++) {
    size_t before = sc->nfrags;
    frag f = ch[c];
    add_frag(j, sc, SA, SB, &f, method);
    if (sc->nfrags == before && f.nseeds >= 2 && depth < 3 &&
        (ga > 0 || gb > 0)) {
      sseed *sub = hs_malloc(f.nseeds * sizeof *sub);
      size_t m = 0;
      for (k = 0; k < n; k++)
        if (id[k] == c) sub[m++] = s[k];
      chain_seeds(j, sc, SA, SB, sub, m, ga / 2, gb / 2, method, depth + 1);
      free(sub);
    }
  }
  free(id);
  free(ch);
}

static int frag_rank_cmp(const void *x, const void *y) {
  const frag *a = x, *b = y;
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

/* First token starting at or after byte b. */
static uint32_t tok_at(const hs_doctab *t, uint32_t b) {
  uint32_t lo = 0, hi = t->n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (t->start[mid] < b) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static void emit(sscratch *sc, const hs_doctab *A, const hs_doctab *B,
                 uint32_t a, uint32_t b, const frag *f) {
  hs_passage *p;
  HS_GROW(sc->out, sc->capout, sc->nout + 1);
  p = &sc->out[sc->nout++];
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

/* Merge the kept passages of pair (a, b) with its n-gram passages. */
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

static void merge_pair(sjob *j, sscratch *sc, uint32_t a, uint32_t b,
                       const hs_doctab *A, const hs_doctab *B,
                       const hs_senttab *SA, const hs_senttab *SB) {
  size_t lo = 0, hi = j->nbyp, k, f, q0;
  frag *fr = sc->frags;
  size_t nk = 0;
  /* the n-gram passages of the pair */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const hs_passage *p = &j->p[j->byp[mid]];
    if (p->a.doc < a || (p->a.doc == a && p->b.doc < b)) lo = mid + 1;
    else hi = mid;
  }
  q0 = lo;
  qsort(fr, sc->nfrags, sizeof *fr, frag_rank_cmp);
  for (f = 0; f < sc->nfrags; f++) {
    frag *x = &fr[f];
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
    for (k = q0; k < j->nbyp && !clash; k++) {
      const hs_passage *p = &j->p[j->byp[k]];
      uint32_t pa0, pa1, pb0, pb1;
      int oa, ob;
      if (p->a.doc != a || p->b.doc != b) break;
      pa0 = tok_at(A, p->a.start);
      pa1 = tok_at(A, p->a.end);
      pb0 = tok_at(B, p->b.start);
      pb1 = tok_at(B, p->b.end);
      oa = ov(x->ta0, x->ta1, pa0, pa1) > 0;
      ob = ov(x->tb0, x->tb1, pb0, pb1) > 0;
      if (oa != ob) clash = 1;
      /* a near-verbatim copy is not extended by looser matches around it */
      if (oa && ob && p->similarity >= NEAR_VERBATIM) clash = 1;
    }
    if (clash) continue;
    for (k = q0; k < j->nbyp; k++) {
      const hs_passage *p = &j->p[j->byp[k]];
      uint32_t pa0, pa1, pb0, pb1;
      if (p->a.doc != a || p->b.doc != b) break;
      pa0 = tok_at(A, p->a.start);
      pa1 = tok_at(A, p->a.end);
      pb0 = tok_at(B, p->b.start);
      pb1 = tok_at(B, p->b.end);
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
    for (k = q0; k < j->nbyp; k++) {
      const hs_passage *p = &j->p[j->byp[k]];
      if (p->a.doc != a || p->b.doc != b) break;
      if (ov(ua0, ua1, tok_at(A, p->a.start), tok_at(A, p->a.end)))
        j->gone[j->byp[k]] = 1;
    }
    x = &fr[nk - 1];
    x->ta0 = ua0, x->ta1 = ua1, x->tb0 = ub0, x->tb1 = ub1;
    if (words > x->words) x->words = words;
    emit(sc, A, B, a, b, x);
  }
}

/* The distinct content terms of a document, sorted. */

static int seed_cmp(const void *x, const void *y) {
  const sseed *a = x, *b = y;
  if (a->i != b->i) return a->i < b->i ? -1 : 1;
  return (a->j > b->j) - (a->j < b->j);
}

/* Whether the n-gram passages of pair (a, b) already cover nearly all of
** one of the two documents (a reprint): nothing is left to find. */
static int pair_covered(const sjob *j, uint32_t a, uint32_t b, uint32_t na,
                        uint32_t nb) {
  size_t lo = 0, hi = j->nbyp, k;
  uint64_t wa = 0, wb = 0;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    const hs_passage *p = &j->p[j->byp[mid]];
    if (p->a.doc < a || (p->a.doc == a && p->b.doc < b)) lo = mid + 1;
    else hi = mid;
  }
  for (k = lo; k < j->nbyp; k++) {
    const hs_passage *p = &j->p[j->byp[k]];
    if (p->a.doc != a || p->b.doc != b) break;
    wa += p->a.words;
    wb += p->b.words;
  }
  return 10 * wa >= 9 * (uint64_t)na || 10 * wb >= 9 * (uint64_t)nb;
}

static int ngram_pair(const sjob *j, uint64_t key) {
  size_t lo = 0, hi = j->ncpairs;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (j->cpairs[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < j->ncpairs && j->cpairs[lo] == key;
}

static int sent_range(void *ud, int thread, size_t begin, size_t end) {
  sjob *j = ud;
  sscratch *sc = &j->sc[thread];
  size_t g, c, c1;
  for (g = begin; g < end; g++) {
    size_t c0 = j->gstart[g], cend = j->gstart[g + 1], ns = 0;
    uint64_t key = j->ckey[c0];
    uint32_t a = (uint32_t)(key >> 32), b = (uint32_t)key;
    const hs_senttab *SA = &j->st[a], *SB = &j->st[b];
    uint32_t *val = j->cval + c0;
    int cand = ngram_pair(j, key);
    hs_doctab A, B;
    if (pair_covered(j, a, b, SA->n, SB->n)) continue;
    if (cend - c0 > 1) qsort(val, cend - c0, sizeof *val, u32_cmp);
    for (c = c0; c < cend; c = c1) {
      uint32_t sa = j->cval[c] >> 16, sb = j->cval[c] & 0xffff, ca, cb, sh, w;
      double na, nb, cosv;
      size_t ma, mb;
      for (c1 = c + 1; c1 < cend && j->cval[c1] == j->cval[c]; c1++) {}
      if (c1 - c < 2 && !cand) continue;
      ma = svec(j, sc, SA, sa, sa, &sc->va, &sc->capva, &na, &ca);
      mb = svec(j, sc, SB, sb, sb, &sc->vb, &sc->capvb, &nb, &cb);
      cosv = vcos(sc->va, ma, na, sc->vb, mb, nb, &sh, &w);
      if (cosv < TH_SEED || !ca || !cb ||
          2.0 * sh / (double)(ca + cb) < TH_DICE)
        continue;
      HS_GROW(sc->seeds, sc->capseeds, ns + 1);
      sc->seeds[ns].i = sa;
      sc->seeds[ns++].j = sb;
    }
    if (!ns) continue;
    qsort(sc->seeds, ns, sizeof *sc->seeds, seed_cmp);
    sc->nfrags = 0;
    chain_seeds(j, sc, SA, SB, sc->seeds, ns, GAP, GAP, HS_METHOD_REWRITTEN,
                0);
    chain_seeds(j, sc, SA, SB, sc->seeds, ns, 1, SUM_GAP, HS_METHOD_SUMMARY,
                0);
    chain_seeds(j, sc, SA, SB, sc->seeds, ns, SUM_GAP, 1, HS_METHOD_SUMMARY,
                0);
    if (!sc->nfrags) continue;
    if (hs_docset_get(j->ds, a, &A, &sc->bufa, &sc->err)) return HS_EIO;
    if (hs_docset_get(j->ds, b, &B, &sc->bufb, &sc->err)) return HS_EIO;
    merge_pair(j, sc, a, b, &A, &B, SA, SB);
  }
  return 0;
}

typedef struct pkey {
  uint64_t key; /* a.doc << 32 | b.doc */
  size_t i;
} pkey;

static int pkey_cmp(const void *x, const void *y) {
  const pkey *a = x, *b = y;
  if (a->key != b->key) return a->key < b->key ? -1 : 1;
  return (a->i > b->i) - (a->i < b->i);
}

typedef struct kterm {
  uint32_t term, count;
} kterm;

/* The index keys of every sentence: (term << 32 | doc, sentence). */
static size_t sentence_keys(const sjob *j, sscratch *sc, size_t ndocs,
                            uint64_t **pk, uint32_t **pv) {
  size_t d, np = 0, cap = 0;
  kterm kt[KEYS];
  for (d = 0; d < ndocs; d++) {
    const hs_senttab *S = &j->st[d];
    uint32_t s;
    for (s = 0; s < S->nsent && s < MAX_SENT; s++) {
      uint32_t t, nu = 0, x, y, nk = 0, k;
      HS_GROW(sc->tmp, sc->captmp, (size_t)(S->sent[s + 1] - S->sent[s]) + 1);
      for (t = S->sent[s]; t < S->sent[s + 1]; t++) {
        uint32_t term = S->term[t], cnt;
        if (!term) continue;
        cnt = j->tc->c[term & j->tc->mask];
        if (cnt >= 2 && cnt <= j->stopcnt) sc->tmp[nu++] = term;
      }
      for (x = 0; x < nu; x++) { /* the KEYS rarest distinct terms */
        uint32_t term = sc->tmp[x], cnt = j->tc->c[term & j->tc->mask];
        for (y = 0; y < nk && kt[y].term != term; y++) {}
        if (y < nk) continue;
        if (nk < KEYS) {
          kt[nk].term = term;
          kt[nk++].count = cnt;
          continue;
        }
        for (y = 0, k = 1; k < nk; k++)
          if (kt[k].count > kt[y].count) y = k;
        if (cnt < kt[y].count) kt[y].term = term, kt[y].count = cnt;
      }
      HS_GROW(*pk, cap, np + nk + 1);
      *pv = hs_reallocarray(*pv, cap, sizeof **pv);
      for (k = 0; k < nk; k++) {
        (*pk)[np] = (uint64_t)kt[k].term << 32 | d;
        (*pv)[np++] = s;
      }
    }
  }
  return np;
}

int hs_sent_run(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                const hs_senttab *st, const hs_termcounts *tc,
                size_t first_new, hs_pairlist *pairs, hs_passage **p,
                size_t *n, hs_error *err) {
  sjob j;
  size_t i, k, x, y, ng = 0, total, m, np, nc = 0, capc = 0;
  size_t *gstart = NULL;
  uint64_t *pk = NULL, *ck = NULL;
  uint32_t *pv = NULL, *cv = NULL;
  int rc, t, io_error = 0;
  hs_passage *res;
  if (!tc->c || ds->ndocs > UINT32_MAX) return HS_OK;
  if (pairs->n) hs_sort_u64(pairs->p, pairs->n);
  for (i = k = 0; i < pairs->n; i++)
    if (!k || pairs->p[i] != pairs->p[k - 1]) pairs->p[k++] = pairs->p[i];
  pairs->n = k;
  memset(&j, 0, sizeof j);
  if (nthreads < 1) nthreads = 1;
  j.sc = hs_calloc((size_t)nthreads, sizeof *j.sc);
  j.o = o;
  j.ds = ds;
  j.st = st;
  j.tc = tc;
  j.logtotal = log((double)tc->total + 1.0);
  j.stopcnt = (uint32_t)(tc->total / 1000 > 20 ? tc->total / 1000 : 20);
  j.cpairs = pairs->p;
  j.ncpairs = pairs->n;
  /* sentence pairs sharing a key */
  np = sentence_keys(&j, &j.sc[0], ds->ndocs, &pk, &pv);
  if (np) hs_sort_u64_carry(pk, pv, np);
  for (x = 0; x < np; x = y) {
    size_t u, w;
    for (y = x + 1; y < np && pk[y] >> 32 == pk[x] >> 32; y++) {}
    if (y - x < 2 || y - x > KEY_MAX) continue;
    for (u = x; u < y; u++)
      for (w = u + 1; w < y; w++) {
        uint32_t da = (uint32_t)pk[u], db = (uint32_t)pk[w];
        if (da == db || (da < first_new && db < first_new)) continue;
        if (nc + 1 > capc) {
          capc = capc ? 2 * capc : 4096;
          ck = hs_reallocarray(ck, capc, sizeof *ck);
          cv = hs_reallocarray(cv, capc, sizeof *cv);
        }
        /* da < db: postings are sorted by doc within a term */
        ck[nc] = (uint64_t)da << 32 | db;
        cv[nc++] = pv[u] << 16 | pv[w];
      }
  }
  free(pk);
  free(pv);
  if (nc) hs_sort_u64_carry(ck, cv, nc);

  gstart = hs_malloc((nc + 2) * sizeof *gstart);
  for (i = 0; i < nc; i++)
    if (!i || ck[i] != ck[i - 1]) gstart[ng++] = i;
  gstart[ng] = nc;
  j.ckey = ck;
  j.cval = cv;
  j.gstart = gstart;
  j.p = *p;
  j.gone = hs_calloc(*n + 1, 1);
  {
    pkey *pq = hs_malloc((*n + 1) * sizeof *pq);
    size_t nb = 0;
    j.byp = hs_malloc((*n + 1) * sizeof *j.byp);
    for (i = 0; i < *n; i++)
      if (!(*p)[i].internal) {
        pq[nb].key = (uint64_t)(*p)[i].a.doc << 32 | (*p)[i].b.doc;
        pq[nb++].i = i;
      }
    qsort(pq, nb, sizeof *pq, pkey_cmp);
    for (i = 0; i < nb; i++) j.byp[i] = pq[i].i;
    free(pq);
    j.nbyp = nb;
  }
  rc = hs_parallel_for(nthreads, ng, 16, sent_range, &j);
  total = 0;
  for (t = 0; t < nthreads; t++) total += j.sc[t].nout;
  res = NULL;
  m = 0;
  if (!rc) {
    res = hs_reallocarray(NULL, *n + total + 1, sizeof *res);
    for (i = 0; i < *n; i++)
      if (!j.gone[i]) res[m++] = (*p)[i];
  }
  for (t = 0; t < nthreads; t++) {
    sscratch *sc = &j.sc[t];
    if (!rc && sc->nout) {
      memcpy(res + m, sc->out, sc->nout * sizeof *res);
      m += sc->nout;
    }
    if (rc && sc->err.code && !io_error) {
      *err = sc->err;
      io_error = sc->err.code;
    }
    free(sc->seeds);
    free(sc->frags);
    free(sc->va);
    free(sc->vb);
    free(sc->tmp);
    free(sc->out);
    hs_docbuf_free(&sc->bufa);
    hs_docbuf_free(&sc->bufb);
  }
  free(j.sc);
  free(j.gone);
  free(j.byp);
  free(gstart);
  free(ck);
  free(cv);
  if (rc) {
    free(res);
    return io_error ? io_error : hs_error_set(err, HS_EINTR, "interrupted");
  }
  free(*p);
  *p = res;
  *n = m;
  hs_cluster_passage_sort(*p, *n);
  return HS_OK;
}
