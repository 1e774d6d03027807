/*
** sentence_pair.c — the sentence stage's work on one pair of documents
** (steps 2 and 3 of sentence.c): sentence vectors, seeds, chains and the
** rules a chain must pass to become a passage.
**
** A sentence's vector (its terms with tf·idf weights, sorted by term) is
** made once, by the first thread that needs it, and published for the
** pairs of other threads that compare the same sentence; a passage's bag
** is its sentences' vectors merged by term (range_vec) and its cosine
** remembered for the chainings of the pair.  Chaining is greedy in
** reading order, the nearest open chain taking the next seed, and a chain that fails as a
** whole is chained again with half the gaps (three times at most); the
** gaps are narrow on both sides (rewrites: summaries are found by the
** summary pass, summary.c), and a kept chain much longer on one side than
** on the other is trimmed at that side's ends (trim_chain).  A kept
** passage of a pair with an n-gram passage has its ends widened by
** sentences still alike (extend).  The
** thresholds below were chosen on the development half of PAN 2013 and
** on the planted news corpora.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/sentence_pair.h"
#include "util/sort.h"
#include "util/util.h"

#define TH_SEED 0.42   /* sentence cosine */
#define TH_DICE 0.30   /* sentence content-term overlap */
#define TH_FRAG 0.45   /* cosine of a whole passage */
#define GAP 3          /* sentences skipped inside a rewritten passage */
#define TH_EXT 0.20    /* cosine of the next sentences of a passage's ends */
#define TH_HELD 0.50   /* a sentence's content weight in the other side */
#define EXT_HELD 2     /* sentences taken so at each end, at most */
#define COLD_SEEDS 3   /* a pair without an n-gram passage: sentences with
                       ** a seed, each side (2 if they share COLD_WORDS
                       ** words)... */
#define COLD_WORDS 30
#define COLD_DENSE 0.5 /* ...their share of the passage's sentences... */
#define COLD_SEEDCOS 0.6 /* ...the mean cosine of its seeds... */
#define COLD_STRAY 1.0 /* ...and seeds outside its passages, per seed in */
/* Looser rules, for a passage inside both documents (inner): */
#define COLD_LWORDS 20    /* two sentences a side sharing this many words */
#define COLD_LDENSE 0.4   /* seeded sentences' share of the passage */
#define COLD_FRAGCOS 0.6  /* seeds' mean cosine under COLD_SEEDCOS, but
                          ** the passage as a whole this alike */
#define COLD_LSTRAY 4.0   /* seeds outside the passages, per seed in */
#define COLD_BACK 3       /* a chain's step back on the second side */
#define TRIM_RATIO 1.5 /* a kept passage's sentences on one side, at most,
                       ** per sentence of the other (else trimmed) */
#define COLD_EDGE 1       /* sentences from a document's end that count
                          ** as at its end */
#define NEAR_VERBATIM HS_NEAR_VERBATIM /* n-gram passages left alone */

#define IDF_UNIT HS_IDF_UNIT

static float idf(const sjob *j, uint32_t term) {
  return (float)j->idf[term & j->tc->mask] * (1.0f / IDF_UNIT);
}


/* The bag of sentences [s0, s1] of S into *v, by term; *norm its length,
** *ncontent its distinct content terms. */
static size_t svec(const sjob *j, sscratch *sc, const hs_senttab *S,
                   const uint32_t *term, uint32_t s0, uint32_t s1, bent **v,
                   size_t *cap, double *norm, uint32_t *ncontent) {
  uint32_t t0 = S->sent[s0], t1 = S->sent[s1 + 1], t, nu = 0, x, y;
  size_t m = 0;
  double n2 = 0;
  HS_GROW(sc->tmp, sc->captmp, (size_t)(t1 - t0) + 1);
  for (t = t0; t < t1; t++)
    if (term[t]) { /* its weight is read after the sort: fetched now */
      __builtin_prefetch(&j->idf[term[t] & j->tc->mask]);
      sc->tmp[nu++] = term[t];
    }
  if (nu < 2048) { /* a sentence's: insertion or merging (util/sort.c) */
    HS_GROW(sc->tmp2, sc->captmp2, (size_t)nu + 1);
    hs_sort_u32(sc->tmp, nu, sc->tmp2);
  } else { /* a long passage's worth: radix sort, 11 bits a pass (summing
    ** 2,048 counters a pass costs less than the terms) */
    uint32_t *a = sc->tmp, *b, cnt[2048], sh, bits = 11;
    uint32_t nb = 1u << bits;
    HS_GROW(sc->tmp2, sc->captmp2, (size_t)nu);
    b = sc->tmp2;
    for (sh = 0; sh < 32; sh += bits) {
      uint32_t *sw, sum = 0, c;
      memset(cnt, 0, nb * sizeof *cnt);
      for (x = 0; x < nu; x++) cnt[(a[x] >> sh) & (nb - 1)]++;
      for (c = 0; c < nb; c++) {
        uint32_t k = cnt[c];
        cnt[c] = sum;
        sum += k;
      }
      for (x = 0; x < nu; x++) b[cnt[(a[x] >> sh) & (nb - 1)]++] = a[x];
      sw = a, a = b, b = sw;
    }
    if (a != sc->tmp) memcpy(sc->tmp, a, nu * sizeof *a);
  }
  HS_GROW(*v, *cap, (size_t)nu + 1);
  *ncontent = 0;
  for (x = 0; x < nu; x = y) {
    bent *e = &(*v)[m++];
    float f;
    for (y = x + 1; y < nu && sc->tmp[y] == sc->tmp[x]; y++) {}
    f = idf(j, sc->tmp[x]); /* read once: a store could change it, for
                            ** all the compiler knows */
    e->term = sc->tmp[x];
    e->tf = y - x;
    e->w = (float)e->tf * f;
    e->stop = f < j->stopidf;
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
  while (x < na && y < nb) { /* steps without a branch on the terms */
    uint32_t ta = va[x].term, tb = vb[y].term;
    if (ta == tb) {
      dot += (double)va[x].w * vb[y].w;
      if (!va[x].stop) (*shared)++;
      *words += va[x].tf < vb[y].tf ? va[x].tf : vb[y].tf;
    }
    x += ta <= tb;
    y += tb <= ta;
  }
  if (norma <= 0 || normb <= 0) return 0;
  return dot / (norma * normb);
}

/* The vector of sentence s of document doc (terms: its token hashes). */
static const svent *sent_vec(const sjob *j, sscratch *sc, uint32_t doc,
                             const uint32_t *term, uint32_t s) {
  svent **slot = &j->sv[j->sbase[doc] + s], *e, *old = NULL;
  double norm;
  uint32_t ncontent;
  size_t m, size;
  e = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
  if (e) return e;
  m = svec(j, sc, &j->st[doc], term, s, s, &sc->vs, &sc->capvs, &norm,
           &ncontent);
  size = sizeof *e + m * sizeof *e->v;
  e = hs_pool_alloc(&sc->pool, size);
  e->norm = norm;
  e->m = (uint32_t)m;
  e->ncontent = ncontent;
  if (m) memcpy(e->v, sc->vs, m * sizeof *e->v);
  if (__atomic_compare_exchange_n(slot, &old, e, 0, __ATOMIC_ACQ_REL,
                                  __ATOMIC_ACQUIRE))
    return e;
  sc->pool.used -= (size + 7) & ~(size_t)7; /* another thread's is the same */
  return old;
}

/* The bag of sentences [s0, s1] of document doc (terms: its token
** hashes) into *v, as svec makes it from the tokens: the sentences'
** vectors (made once, sent_vec), each sorted by term already, merged two
** runs at a time with the counts of a term summed, instead of sorting a
** passage's tokens anew; the weights, norm and content terms are then
** those of svec, in the same order (one sentence's are its vector's).
** Its number of terms. */
static size_t range_vec(const sjob *j, sscratch *sc, uint32_t doc,
                        const uint32_t *term, uint32_t s0, uint32_t s1,
                        bent **v, size_t *cap, double *norm,
                        uint32_t *ncontent) {
  uint32_t s, k = s1 - s0 + 1, r, x;
  size_t total = 0, m = 0, at;
  uint64_t *a, *b;
  double n2 = 0;
  if (k == 1) { /* one sentence: its vector, as made */
    const svent *e = sent_vec(j, sc, doc, term, s0);
    HS_GROW(*v, *cap, (size_t)e->m + 1);
    if (e->m) memcpy(*v, e->v, e->m * sizeof **v);
    *norm = e->norm;
    *ncontent = e->ncontent;
    return e->m;
  }
  HS_GROW(sc->rb, sc->caprb, (size_t)k + 1);
  for (s = s0; s <= s1; s++) total += sent_vec(j, sc, doc, term, s)->m;
  HS_GROW(sc->mg[0], sc->capmg[0], total + 1);
  HS_GROW(sc->mg[1], sc->capmg[1], total + 1);
  a = sc->mg[0], b = sc->mg[1];
  at = 0;
  for (s = s0; s <= s1; s++) { /* published: the same vectors again */
    const svent *e = sent_vec(j, sc, doc, term, s);
    sc->rb[s - s0] = (uint32_t)at;
    for (x = 0; x < e->m; x++)
      a[at++] = (uint64_t)e->v[x].term << 32 | e->v[x].tf;
  }
  sc->rb[k] = (uint32_t)at;
  while (k > 1) { /* runs 2r and 2r + 1 into run r of b */
    uint32_t nk = 0;
    size_t o = 0;
    for (r = 0; r < k; r += 2) {
      size_t x0 = sc->rb[r], x1 = sc->rb[r + 1], y0, y1;
      if (r + 1 < k) y0 = sc->rb[r + 1], y1 = sc->rb[r + 2];
      else y0 = y1 = x1;
      sc->rb[nk++] = (uint32_t)o;
      while (x0 < x1 && y0 < y1) {
        uint64_t p = a[x0], q = a[y0];
        if (p >> 32 < q >> 32) b[o++] = p, x0++;
        else if (q >> 32 < p >> 32) b[o++] = q, y0++;
        else b[o++] = p + (uint32_t)q, x0++, y0++;
      }
      while (x0 < x1) b[o++] = a[x0++];
      while (y0 < y1) b[o++] = a[y0++];
    }
    sc->rb[nk] = (uint32_t)o;
    k = nk;
    {
      uint64_t *sw = a;
      a = b, b = sw;
    }
  }
  total = sc->rb[k];
  HS_GROW(*v, *cap, total + 1);
  *ncontent = 0;
  for (m = 0; m < total; m++) {
    bent *e = &(*v)[m];
    float f = idf(j, (uint32_t)(a[m] >> 32)); /* read once, as in svec */
    e->term = (uint32_t)(a[m] >> 32);
    e->tf = (uint32_t)a[m];
    e->w = (float)e->tf * f;
    e->stop = f < j->stopidf;
    if (!e->stop) (*ncontent)++;
    n2 += (double)e->w * e->w;
  }
  *norm = sqrt(n2);
  return total;
}

static double frag_cos(const sjob *j, sscratch *sc, const frag *f,
                       uint32_t *words) {
  double na, nb, c;
  uint32_t ca, cb, shared;
  size_t ma, mb, k;
  for (k = 0; k < sc->nfc; k++) {
    const struct fcos *x = &sc->fc[k];
    if (x->i0 == f->i0 && x->i1 == f->i1 && x->j0 == f->j0 && x->j1 == f->j1) {
      *words = x->words;
      return x->cos;
    }
  }
  ma = range_vec(j, sc, sc->da, sc->terma, f->i0, f->i1, &sc->va, &sc->capva,
                 &na, &ca);
  mb = range_vec(j, sc, sc->db, sc->termb, f->j0, f->j1, &sc->vb, &sc->capvb,
                 &nb, &cb);
  c = vcos(sc->va, ma, na, sc->vb, mb, nb, &shared, words);
  HS_GROW(sc->fc, sc->capfc, sc->nfc + 1);
  sc->fc[sc->nfc].i0 = f->i0, sc->fc[sc->nfc].i1 = f->i1;
  sc->fc[sc->nfc].j0 = f->j0, sc->fc[sc->nfc].j1 = f->j1;
  sc->fc[sc->nfc].words = *words;
  sc->fc[sc->nfc++].cos = c;
  return c;
}

/* A passage of a pair without an n-gram passage that holds only by the
** looser rules: kept when it is inside both documents, not at an end of
** both (two stories' leads or closing lines on one event; of either, in
** a weak pair) nor over half of either. */
static int inner(const frag *f, const hs_senttab *SA, const hs_senttab *SB,
                 int weak) {
  uint32_t e = COLD_EDGE;
  uint32_t li = f->i1 - f->i0 + 1, lj = f->j1 - f->j0 + 1;
  int ea = f->i0 <= e || f->i1 + 1 + e >= SA->nsent;
  int eb = f->j0 <= e || f->j1 + 1 + e >= SB->nsent;
  if ((ea && eb) || (weak && (ea || eb)))
    return 0;
  return 2 * li <= SA->nsent && 2 * lj <= SB->nsent;
}

/* A passage at an end of both documents (a wide pair's is no copy there:
** two short reports of one kind, a template filled in anew). */
static int at_ends(const frag *f, const hs_senttab *SA, const hs_senttab *SB) {
  uint32_t e = COLD_EDGE;
  return (f->i0 <= e || f->i1 + 1 + e >= SA->nsent) &&
         (f->j0 <= e || f->j1 + 1 + e >= SB->nsent);
}

/* Cosine of sentence i of A and sentence k of B. */
static double sent_cos(const sjob *j, sscratch *sc, uint32_t i, uint32_t k) {
  const svent *va = sent_vec(j, sc, sc->da, sc->terma, i);
  const svent *vb = sent_vec(j, sc, sc->db, sc->termb, k);
  uint32_t sh, w;
  return vcos(va->v, va->m, va->norm, vb->v, vb->m, vb->norm, &sh, &w);
}

static uint32_t ov(uint32_t s0, uint32_t e0, uint32_t s1, uint32_t e1) {
  uint32_t s = s0 > s1 ? s0 : s1, e = e0 < e1 ? e0 : e1;
  return e > s ? e - s : 0;
}

/* Whether sentence i of A (side 0) or of B (side 1) is free: in no
** n-gram passage of the pair and in no passage of this stage but f. */
static int ext_free(const sscratch *sc, const hs_senttab *S, int side,
                    uint32_t i, const frag *f) {
  uint32_t t0 = S->sent[i], t1 = S->sent[i + 1];
  size_t q;
  for (q = 0; q < sc->nnv; q++) {
    const uint32_t *v = sc->nv + 5 * q + 2 * side;
    if (ov(t0, t1, v[0], v[1])) return 0;
  }
  for (q = 0; q < sc->nfrags; q++) {
    const frag *x = &sc->frags[q];
    if (x == f) continue;
    if (side ? i >= x->j0 && i <= x->j1 : i >= x->i0 && i <= x->i1) return 0;
  }
  return 1;
}

/* The share of sentence k's content weight (of document doc) found in
** bag v[0..n). */
static double held(const sjob *j, sscratch *sc, uint32_t doc,
                        const uint32_t *term, uint32_t k, const bent *v,
                        size_t n) {
  const svent *e = sent_vec(j, sc, doc, term, k);
  double in = 0, all = 0;
  size_t x = 0, y;
  for (y = 0; y < e->m; y++) {
    if (e->v[y].stop) continue;
    all += e->v[y].w;
    while (x < n && v[x].term < e->v[y].term) x++;
    if (x < n && v[x].term == e->v[y].term) in += e->v[y].w;
  }
  return all > 0 ? in / all : 0;
}

/* A kept passage's ends widened (after Sanchez-Perez, Gelbukh and
** Sidorov's extension of matched ranges): a rewrite's first or last
** sentences, too changed for a seed, are still alike at a lower cosine
** (TH_EXT, the next sentence of each side together), or a sentence of
** one side has most of its content words in the other side's passage
** (TH_HELD, up to EXT_HELD sentences at each end: random rewriting moves
** words across sentence ends, so that a sentence's words are in the
** copy's neighbouring sentence).  Only sentences that no n-gram passage
** of the pair and no other passage of this stage touch are taken. */
static void extend(const sjob *j, sscratch *sc, const hs_senttab *SA,
                   const hs_senttab *SB, frag *f) {
  uint32_t i0 = f->i0, i1 = f->i1, j0 = f->j0, j1 = f->j1, k, words, ca, cb;
  double na, nb;
  bent *ba, *bb;
  size_t ma, mb;
  while (f->i0 > 0 && f->j0 > 0 && ext_free(sc, SA, 0, f->i0 - 1, f) &&
         ext_free(sc, SB, 1, f->j0 - 1, f) &&
         sent_cos(j, sc, f->i0 - 1, f->j0 - 1) >= TH_EXT)
    f->i0--, f->j0--;
  while (f->i1 + 1 < SA->nsent && f->j1 + 1 < SB->nsent &&
         ext_free(sc, SA, 0, f->i1 + 1, f) &&
         ext_free(sc, SB, 1, f->j1 + 1, f) &&
         sent_cos(j, sc, f->i1 + 1, f->j1 + 1) >= TH_EXT)
    f->i1++, f->j1++;
  /* each side's bag, copied: sent_vec reuses the scratch vectors */
  ma = range_vec(j, sc, sc->da, sc->terma, f->i0, f->i1, &sc->va, &sc->capva,
                 &na, &ca);
  ba = hs_malloc((ma + 1) * sizeof *ba);
  memcpy(ba, sc->va, ma * sizeof *ba);
  mb = range_vec(j, sc, sc->db, sc->termb, f->j0, f->j1, &sc->vb, &sc->capvb,
                 &nb, &cb);
  bb = hs_malloc((mb + 1) * sizeof *bb);
  memcpy(bb, sc->vb, mb * sizeof *bb);
  for (k = 0; k < EXT_HELD; k++) {
    if (f->j0 > 0 && ext_free(sc, SB, 1, f->j0 - 1, f) &&
        held(j, sc, sc->db, sc->termb, f->j0 - 1, ba, ma) >= TH_HELD)
      f->j0--;
    if (f->i0 > 0 && ext_free(sc, SA, 0, f->i0 - 1, f) &&
        held(j, sc, sc->da, sc->terma, f->i0 - 1, bb, mb) >= TH_HELD)
      f->i0--;
    if (f->j1 + 1 < SB->nsent && ext_free(sc, SB, 1, f->j1 + 1, f) &&
        held(j, sc, sc->db, sc->termb, f->j1 + 1, ba, ma) >= TH_HELD)
      f->j1++;
    if (f->i1 + 1 < SA->nsent && ext_free(sc, SA, 0, f->i1 + 1, f) &&
        held(j, sc, sc->da, sc->terma, f->i1 + 1, bb, mb) >= TH_HELD)
      f->i1++;
  }
  free(ba);
  free(bb);
  if (f->i0 == i0 && f->i1 == i1 && f->j0 == j0 && f->j1 == j1) return;
  f->ta0 = SA->sent[f->i0];
  f->ta1 = SA->sent[f->i1 + 1];
  f->tb0 = SB->sent[f->j0];
  f->tb1 = SB->sent[f->j1 + 1];
  f->sim = (float)frag_cos(j, sc, f, &words);
  f->words = words;
}

static void add_frag(const sjob *j, sscratch *sc, const hs_senttab *SA,
                     const hs_senttab *SB, frag *f, int cold) {
  const hs_reuse_opts *o = j->o;
  uint32_t words;
  double cosv;
  int loose;
  f->ta0 = SA->sent[f->i0];
  f->ta1 = SA->sent[f->i1 + 1];
  f->tb0 = SB->sent[f->j0];
  f->tb1 = SB->sent[f->j1 + 1];
  if (f->ta1 - f->ta0 < (uint32_t)o->min_words ||
      f->tb1 - f->tb0 < (uint32_t)o->min_words)
    return;
  /* a pair without an n-gram passage: a dense run of matched sentences on
  ** both sides, not names and numbers scattered over two stories */
  loose = f->loose || cold == 2;
  if (cold && (f->ndi < COLD_SEEDS - 1 || f->ndj < COLD_SEEDS - 1 ||
               f->ndi < COLD_LDENSE * (f->i1 - f->i0 + 1) ||
               f->ndj < COLD_LDENSE * (f->j1 - f->j0 + 1)))
    return;
  if (cold && (f->ndi < COLD_DENSE * (f->i1 - f->i0 + 1) ||
               f->ndj < COLD_DENSE * (f->j1 - f->j0 + 1)))
    loose = 1;
  if (cold && (loose || f->mcos < COLD_SEEDCOS) &&
      !inner(f, SA, SB, cold == 2))
    return;
  if (cold == 3 && at_ends(f, SA, SB)) return;
  cosv = frag_cos(j, sc, f, &words);
  if (cold && f->mcos < COLD_SEEDCOS) {
    if (cosv < COLD_FRAGCOS) return;
    loose = 1;
  }
  if (cosv < TH_FRAG) return;
  if (words < (uint32_t)o->min_words) return;
  /* two sentences: long ones, not the short leads of two stories */
  if (cold && (f->ndi < COLD_SEEDS || f->ndj < COLD_SEEDS) &&
      words < COLD_WORDS) {
    if (words < COLD_LWORDS) return;
    loose = 1;
  }
  if (loose && !inner(f, SA, SB, cold == 2)) return;
  if (cold == 3 && words < COLD_LWORDS) return;
  f->sim = (float)cosv;
  f->words = words;
  f->method = HS_METHOD_REWRITTEN;
  HS_GROW(sc->frags, sc->capfrags, sc->nfrags + 1);
  sc->frags[sc->nfrags++] = *f;
}

/* A chain's distinct sentences with a seed on each side and its seeds'
** mean cosine (the rules of pairs without an n-gram passage): chain c's
** seeds are those of s[0..n) with id c. */
static void chain_stats(sscratch *sc, const sseed *s, size_t n,
                        const uint32_t *id, uint32_t c, frag *f) {
  uint32_t m = 0, x, y, last = UINT32_MAX;
  size_t k;
  double sum = 0;
  HS_GROW(sc->tmp, sc->captmp, n + 1);
  f->ndi = 0;
  for (k = 0; k < n; k++)
    if (id[k] == c) {
      sum += s[k].cos;
      if (s[k].i != last) f->ndi++;
      last = s[k].i;
      sc->tmp[m++] = s[k].j;
    }
  for (x = 1; x < m; x++) { /* chains are short */
    uint32_t v = sc->tmp[x];
    for (y = x; y > 0 && sc->tmp[y - 1] > v; y--) sc->tmp[y] = sc->tmp[y - 1];
    sc->tmp[y] = v;
  }
  f->mcos = m ? (float)(sum / m) : 0;
  f->ndj = m > 0;
  for (x = 1; x < m; x++) f->ndj += sc->tmp[x] != sc->tmp[x - 1];
}

/* A kept chain that spans over TRIM_RATIO times as many sentences on one
** side as on the other: its seeds at that side's ends are dropped, the
** one farther from the seed next to it first, while it still does so and
** keeps more than two seeds (stray matches far off on the longer side
** of sentences that the other side holds; a rewrite's two sides are about
** as long).  Chain c's seeds are those of s[0..n) with id c; a dropped one
** gets no id.  Returns whether any was dropped. */
static int trim_chain(const sseed *s, size_t n, uint32_t *id, uint32_t c,
                      frag *f) {
  int trimmed = 0;
  size_t k;
  for (;;) {
    uint32_t li = f->i1 - f->i0 + 1, lj = f->j1 - f->j0 + 1;
    uint32_t v0 = 0, v1 = 0, nlo = UINT32_MAX, nhi = 0;
    size_t lo = SIZE_MAX, hi = SIZE_MAX;
    int side; /* 0: A is the longer side, 1: B */
    if (f->nseeds <= 2) break;
    if (lj > TRIM_RATIO * li) side = 1;
    else if (li > TRIM_RATIO * lj) side = 0;
    else break;
    for (k = 0; k < n; k++) {
      uint32_t v;
      if (id[k] != c) continue;
      v = side ? s[k].j : s[k].i;
      if (lo == SIZE_MAX || v < v0) lo = k, v0 = v;
      if (hi == SIZE_MAX || v > v1) hi = k, v1 = v;
    }
    for (k = 0; k < n; k++) { /* the next seeds in from the two ends */
      uint32_t v;
      if (id[k] != c || k == lo || k == hi) continue;
      v = side ? s[k].j : s[k].i;
      if (v < nlo) nlo = v;
      if (v > nhi) nhi = v;
    }
    if (nlo == UINT32_MAX) break;
    id[nlo - v0 >= v1 - nhi ? lo : hi] = UINT32_MAX;
    f->nseeds--;
    trimmed = 1;
    f->i0 = f->j0 = UINT32_MAX, f->i1 = f->j1 = 0;
    for (k = 0; k < n; k++)
      if (id[k] == c) {
        if (s[k].i < f->i0) f->i0 = s[k].i;
        if (s[k].i > f->i1) f->i1 = s[k].i;
        if (s[k].j < f->j0) f->j0 = s[k].j;
        if (s[k].j > f->j1) f->j1 = s[k].j;
      }
  }
  return trimmed;
}

/* Chain seeds s[0..n) (sorted by i, j) with gaps ga (sentences of A) and
** gb (of B); each chain becomes a passage if it holds as a whole, else is
** chained again with smaller gaps. */
static void chain_seeds(const sjob *j, sscratch *sc, const hs_senttab *SA,
                        const hs_senttab *SB, const sseed *s, size_t n,
                        uint32_t ga, uint32_t gb, int cold,
                        int depth) {
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
      if (s[k].j + (cold ? COLD_BACK : 1) < lj) continue;
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
      f->loose = 0;
    } else if (s[k].j + 1 < ch[best].tb0) {
      ch[best].loose = 1; /* a step back of more than one sentence */
    }
    ch[best].ta0 = s[k].i; /* the chain's last seed, while chaining */
    ch[best].tb0 = s[k].j;
    if (s[k].i > ch[best].i1) ch[best].i1 = s[k].i;
    if (s[k].j < ch[best].j0) ch[best].j0 = s[k].j;
    if (s[k].j > ch[best].j1) ch[best].j1 = s[k].j;
    ch[best].nseeds++;
    id[k] = (uint32_t)best;
  }
  if (cold) /* distinct sentences of each chain, each side */
    for (c = 0; c < nch; c++) chain_stats(sc, s, n, id, (uint32_t)c, &ch[c]);
  for (c = 0; c < nch; c++) {
    size_t before = sc->nfrags;
    frag f = ch[c];
    add_frag(j, sc, SA, SB, &f, cold);
    if (sc->nfrags > before && trim_chain(s, n, id, (uint32_t)c, &ch[c])) {
      /* kept as a whole: kept trimmed instead if it holds so too */
      f = ch[c];
      if (cold) chain_stats(sc, s, n, id, (uint32_t)c, &f);
      add_frag(j, sc, SA, SB, &f, cold);
      if (sc->nfrags > before + 1) sc->frags[before] = sc->frags[before + 1];
      sc->nfrags = before + 1;
    }
    if (sc->nfrags == before && f.nseeds >= 2 && depth < 3 &&
        (ga > 0 || gb > 0)) {
      sseed *sub = hs_malloc(f.nseeds * sizeof *sub);
      size_t m = 0;
      for (k = 0; k < n; k++)
        if (id[k] == c) sub[m++] = s[k];
      chain_seeds(j, sc, SA, SB, sub, m, ga / 2, gb / 2, cold,
                  depth + 1);
      free(sub);
    }
  }
  free(id);
  free(ch);
}

static int seed_cmp(const void *x, const void *y) {
  const sseed *a = x, *b = y;
  if (a->i != b->i) return a->i < b->i ? -1 : 1;
  return (a->j > b->j) - (a->j < b->j);
}

int hs_sent_pairs_range(void *ud, int thread, size_t begin, size_t end) {
  sjob *j = ud;
  sscratch *sc = &j->sc[thread];
  size_t g, c, c1;
  for (g = begin; g < end; g++) {
    size_t c0 = j->gstart[g], cend = j->gstart[g + 1], ns = 0;
    uint64_t key = j->pairs[j->cand[c0] >> 32];
    size_t pi = (size_t)(j->cand[c0] >> 32);
    /* 1: a pair without an n-gram passage, 2: a weak one, 3: a wide one
    ** (candidates.c) */
    int cold = pi >= j->nweak ? 2 : pi >= j->nwide ? 3 : pi >= j->nopen;
    uint32_t a = (uint32_t)(key >> 32), b = (uint32_t)key;
    const hs_senttab *SA = &j->st[a], *SB = &j->st[b];
    hs_doctab A, B;
    if (hs_docset_get(j->ds, a, &A, &sc->bufa, &sc->err)) return HS_EIO;
    if (hs_docset_get(j->ds, b, &B, &sc->bufb, &sc->err)) return HS_EIO;
    size_t q, nnv = 0;
    sc->terma = A.hash;
    sc->termb = B.hash;
    sc->da = a;
    sc->db = b;
    /* the pair's n-gram passages: a near-verbatim one is never extended
    ** (merge.c), so a sentence touching one seeds nothing that could be
    ** kept; a sentence pair inside another adds nothing to it (the pieces
    ** around it are joined to it afterwards, join.c) */
    for (q = hs_sent_pair_first(j->p, j->byp, j->nbyp, a, b); q < j->nbyp;
         q++) {
      const hs_passage *p = &j->p[j->byp[q]];
      if (p->a.doc != a || p->b.doc != b) break;
      HS_GROW(sc->nv, sc->capnv, 5 * nnv + 5);
      sc->nv[5 * nnv] = hs_doctab_token_at(&A, p->a.start);
      sc->nv[5 * nnv + 1] =
          hs_doctab_token_end(&A, sc->nv[5 * nnv], p->a.words, p->a.end);
      sc->nv[5 * nnv + 2] = hs_doctab_token_at(&B, p->b.start);
      sc->nv[5 * nnv + 3] =
          hs_doctab_token_end(&B, sc->nv[5 * nnv + 2], p->b.words, p->b.end);
      sc->nv[5 * nnv + 4] = p->similarity >= NEAR_VERBATIM;
      nnv++;
    }
    sc->nnv = nnv;
    for (c = c0; c < cend; c = c1) {
      uint32_t sa = (uint32_t)j->cand[c] >> 16, sb = j->cand[c] & 0xffff;
      uint32_t sh, w;
      double cosv;
      const svent *va, *vb;
      for (c1 = c + 1; c1 < cend && j->cand[c1] == j->cand[c]; c1++) {}
      for (q = 0; q < nnv; q++) {
        const uint32_t *v = sc->nv + 5 * q;
        uint32_t a0 = SA->sent[sa], a1 = SA->sent[sa + 1];
        uint32_t b0 = SB->sent[sb], b1 = SB->sent[sb + 1];
        if (v[4] ? ov(a0, a1, v[0], v[1]) || ov(b0, b1, v[2], v[3])
                 : a0 >= v[0] && a1 <= v[1] && b0 >= v[2] && b1 <= v[3])
          break;
      }
      if (q < nnv) continue;
      va = sent_vec(j, sc, a, sc->terma, sa);
      vb = sent_vec(j, sc, b, sc->termb, sb);
      /* the second sentence's length as a float, as it always was */
      cosv = vcos(va->v, va->m, va->norm, vb->v, vb->m,
                  (double)(float)vb->norm, &sh, &w);
      if (cosv < TH_SEED || !va->ncontent || !vb->ncontent ||
          2.0 * sh / (double)(va->ncontent + vb->ncontent) < TH_DICE)
        continue;
      HS_GROW(sc->seeds, sc->capseeds, ns + 1);
      sc->seeds[ns].i = sa;
      sc->seeds[ns].cos = (float)cosv;
      sc->seeds[ns].dice =
          (float)(2.0 * sh / (double)(va->ncontent + vb->ncontent));
      sc->seeds[ns++].j = sb;
    }
    sc->nfrags = 0;
    sc->nfc = 0;
    if (!ns) continue;
    qsort(sc->seeds, ns, sizeof *sc->seeds, seed_cmp);
    /* rewrites only: a chain with a wide gap on one side read a
    ** rewritten copy as a summary of the text around its source (seeds
    ** far off widened that side); summaries are the summary pass's */
    chain_seeds(j, sc, SA, SB, sc->seeds, ns, GAP, GAP, cold, 0);
    if (!cold) /* a pair the n-gram stage joined: ends widened */
      for (c = 0; c < sc->nfrags; c++) extend(j, sc, SA, SB, &sc->frags[c]);
    if (!sc->nfrags) continue;
    if (cold) { /* seeds outside every passage: stories that share names */
      size_t covered = 0, f;
      for (c = 0; c < ns; c++)
        for (f = 0; f < sc->nfrags; f++) {
          const frag *x = &sc->frags[f];
          const sseed *e = &sc->seeds[c];
          if (e->i >= x->i0 && e->i <= x->i1 && e->j >= x->j0 &&
              e->j <= x->j1) {
            covered++;
            break;
          }
        }
      if ((double)(ns - covered) > COLD_STRAY * (double)covered) {
        size_t k = 0;
        if ((double)(ns - covered) > COLD_LSTRAY * (double)covered) continue;
        for (f = 0; f < sc->nfrags; f++) /* the looser rule: inner ones */
          if (inner(&sc->frags[f], SA, SB, cold == 2))
            sc->frags[k++] = sc->frags[f];
        if (!(sc->nfrags = k)) continue;
      }
    }
    hs_sent_merge_pair(j->p, j->byp, j->nbyp, j->gone, sc->nv, sc->frags,
                       sc->nfrags, a, b, &A, &B, SA, SB, &sc->out, &sc->nout,
                       &sc->capout);
  }
  return 0;
}

void hs_sent_scratch_free(sscratch *sc) {
  free(sc->seeds);
  free(sc->frags);
  free(sc->va);
  free(sc->vb);
  free(sc->vs);
  free(sc->mg[0]);
  free(sc->mg[1]);
  free(sc->rb);
  free(sc->tmp);
  free(sc->tmp2);
  free(sc->nv);
  hs_pool_free(&sc->pool);
  free(sc->fc);
  free(sc->out);
  hs_docbuf_free(&sc->bufa);
  hs_docbuf_free(&sc->bufb);
}
