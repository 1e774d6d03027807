/*
** summary.c — the summary pass: a short passage that sums up a long one.
**
** A summary (a news outlet's brief of a long article, PAN's summary
** obfuscation) shares a few rare words with each of its source's
** sentences that it condenses, too few for the sentence stage's seeds,
** and its sentences lie next to each other while their sources are spread
** over a span many times longer.  After Sanchez-Perez, Gelbukh and
** Sidorov's adaptive aligner (PAN 2014), which reruns its sentence
** alignment for summaries with lower thresholds and a much larger gap on
** the source side, this pass looks at each document pair as a whole:
**
**  1. Only pairs already candidates are looked at: those joined by a
**     passage (not covering a whole document), those the n-gram index
**     seeded at three places or more without a passage (align.c) — a
**     summary keeps a name or a phrase of its source word for word — and
**     those the sentence stage compared for sharing rare sentence words
**     (sentence.c; only in a run over a whole corpus, engine.c); a pair
**     without a passage needs the full RATIO.
**  2. The tf·idf cosine of every sentence of one document with every
**     sentence of the other is computed from the rarer content words
**     they share (a hash table of one document's words, loaded once for
**     all its pairs, probed with the other's), idf from the documents of
**     the candidate pairs (the sentence stage's counts, of mostly the same
**     documents, with only those that differ counted or uncounted).  A
**     sentence pair is a seed when the cosine passes a low threshold and
**     two words are shared.
**  3. Seeds are chained by dynamic programming, in each direction
**     (summary_chain.c): the summary side's sentences in order with at
**     most 2 unmatched ones between them, the source side's in order too
**     (a step back of one sentence allowed) with gaps up to GAP_L words.
**     A chain is a summary when it matches MIN_SENTS sentences or more
**     that are not copies, to MIN_SENTS distinct source sentences, 60%
**     of the sentences of its span, RATIO
**     times shorter than its source span (RATIO_MIN if closer), and the
**     summary span as one bag of words is still similar to the source
**     sentences it matched.  A chain too short on the source side is a
**     rewrite: its sentences are no other chain's.  Order and coverage
**     are what set a summary apart from two stories of one event
**     written independently: those share names and numbers sentence by
**     sentence too, but not one run of consecutive sentences that follows
**     the other story's order over its length.
**  4. The summary becomes one passage (method "summary"), taking in the
**     passages of the pair near it on both sides, so that a summary with a
**     copied phrase or a rewritten sentence is one record; one whose
**     summary side those passages mostly report already, as a copy or a
**     rewrite of about its length of one place, is left to them, unless
**     it also matches sentences they do not report, over a source span
**     much longer than theirs; nor is one in a pair that holds a passage
**     apart from it.  A source span of half its document or
**     more is all of it: a summary condenses the whole, and the sentences
**     it matches are only those it kept a trace of.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/summary.h"
#include "align/summary_chain.h"
#include "cluster/cluster.h"
#include "util/parallel.h"
#include "util/sort.h"
#include "util/util.h"

#define TH_SENT SUM_TH_SENT /* cosine of a summary sentence, a source one */
#define MIN_SHARED 2     /* content words they share */
#define MIN_SENTS SUM_MIN_SENTS /* summary sentences matched */
#define GAP_L SUM_GAP_L  /* words between two source sentences of a chain */
#define EXPLAINED_RATIO 2 /* ...and one reported at most this much longer */
#define NEAR_S 40        /* words from a summary to a piece of it */
#define RATIO 3          /* source span words / summary span words */
#define TH_BAG 0.40      /* cosine of the summary span and its sources */
#define RATIO_MIN SUM_RATIO_MIN /* ...or at least this ratio... */
#define TH_BAG_NEAR 0.55 /* ...and this cosine */
#define RATIO_BARE 3     /* RATIO, in a pair without a passage */
#define NOUT_MIN 2       /* source sentences matched that no passage reports */
#define RARE_DIV 10000  /* words counted at most total/RARE_DIV times seed */
#define OCC_MAX 8        /* a word in more sentences locates nothing */
#define MAX_CELLS (1u << 20) /* sentence pairs of one document pair */
#define IDF_UNIT HS_IDF_UNIT
#define PREFETCH 16      /* tokens ahead whose counter is fetched */
#define FILTER_LG 5      /* filter bits a table slot, log2 (16-64 a word:
                         ** one word in 20 that is not in the table passes;
                         ** one in five with 4-8, 17% more time) */

/* A candidate document's shareable content words (counted twice or more,
** not stopwords) in token order, where each sentence starts among them,
** and each sentence's tf·idf length over all its content words (in the
** pool of the thread that read the document, freed with it). */
typedef struct dwords {
  uint32_t *term;
  uint8_t *idf;    /* each term's idf (IDF_UNITs), read with it */
  uint32_t *first; /* nsent + 1 */
  float *norm;     /* nsent */
} dwords;

typedef hs_sum_seed sseed;
typedef hs_sum_found found;

/* Sentences of one document by word: open addressing, slots valid when
** their generation is the table's. */
typedef struct occ { uint32_t sent, tf, next; } occ;
typedef struct tslot { uint32_t term, head, gen, stamp, n; } tslot;

typedef struct mscratch {
  tslot *slot;
  occ *occ;
  float *dot;
  uint8_t *sh;
  uint32_t *touched, *wa, *wb, *bag_s, *bag_l, *bag_t, *lsd[2];
  sseed *seeds, *dir;
  hs_sum_chainbuf cb;
  hs_passage *out;
  uint64_t *filter; /* most words of the other document are not in the
                    ** table: turned away by a table that stays in cache */
  unsigned fshift;
  size_t capfilter, capslot, nocc, capocc, capcells, ntouched, captouched;
  size_t capseeds;
  size_t capdir, capwa, capwb, capbs, capbl, capbt, caplsd[2], nout, capout;
  uint32_t mask, gen, stamp, cur_a;
  hs_pool words; /* the dwords of the documents this thread read */
  hs_docbuf bufa, bufb;
  hs_error err;
} mscratch;

typedef struct mjob {
  const hs_reuse_opts *o;
  const hs_docset *ds;
  const hs_senttab *st;
  const hs_termcounts *tc;
  const uint8_t *idf;      /* per counter of tc, in IDF_UNITs */
  uint16_t *cls;           /* per counter of tc (cls_range) */
  uint32_t stopcnt;        /* words counted more often are stopwords */
  uint32_t rarecnt;        /* ...and those counted at most this often seed */
  const uint8_t *inv;      /* per document: in a candidate pair */
  dwords *dw;              /* per document */
  const uint64_t *pairs;   /* candidate pairs, a << 32 | b, a < b */
  const size_t *pfirst;    /* per pair: its first passage in byp... */
  const size_t *plast;     /* ...and one past its last */
  const size_t *byp;       /* cross passages by pair */
  hs_passage *p;
  uint8_t *gone;           /* per passage: taken into a summary */
  mscratch *sc;
  size_t done;
} mjob;

static float idf_of(const mjob *j, uint32_t term) {
  return (float)j->idf[term & j->tc->mask] * (1.0f / IDF_UNIT);
}

/* ------------------------------------------------------------ words */

/* The class of each counter, for the words: its weight (low byte), no
** stopword (CLS_WORD), kept (CLS_KEEP: rare, no stopword, counted twice or
** more); one table of two bytes a counter read instead of the counts and
** the weights, past the caches both. */
#define CLS_WORD 0x100u
#define CLS_KEEP_SHIFT 9
#define CLS_BLOCKS 64

static int cls_range(void *ud, int thread, size_t begin, size_t end) {
  mjob *j = ud;
  size_t b, k;
  (void)thread;
  for (b = begin; b < end; b++) {
    size_t k0 = ((size_t)j->tc->mask + 1) / CLS_BLOCKS * b;
    size_t k1 = ((size_t)j->tc->mask + 1) / CLS_BLOCKS * (b + 1);
    for (k = k0; k < k1; k++) {
      uint32_t c = j->tc->c[k];
      j->cls[k] = (uint16_t)(j->idf[k] | (c <= j->stopcnt ? CLS_WORD : 0) |
                             (uint32_t)(c >= 2 && c <= j->rarecnt &&
                                        c <= j->stopcnt)
                                 << CLS_KEEP_SHIFT);
    }
  }
  return 0;
}

/* The words of documents [begin, end) that are in candidate pairs. */
static int words_range(void *ud, int thread, size_t begin, size_t end) {
  mjob *j = ud;
  mscratch *sc = &j->sc[thread];
  size_t d;
  for (d = begin; d < end; d++) {
    const hs_senttab *S = &j->st[d];
    dwords *w = &j->dw[d];
    hs_doctab T;
    uint32_t s, t, m = 0;
    if (!j->inv[d] || !S->nsent) continue;
    if (hs_docset_get(j->ds, d, &T, &sc->bufa, &sc->err)) return HS_EIO;
    w->first = hs_pool_alloc(&sc->words,
                             ((size_t)S->nsent + 1) * sizeof *w->first);
    w->norm = hs_pool_alloc(&sc->words, (size_t)S->nsent * sizeof *w->norm);
    w->term = hs_pool_alloc(&sc->words, ((size_t)S->sent[S->nsent] + 1) *
                                            sizeof *w->term);
    w->idf = hs_pool_alloc(&sc->words, (size_t)S->sent[S->nsent] + 1);
    for (s = 0; s < S->nsent; s++) {
      uint32_t t0 = S->sent[s], t1 = S->sent[s + 1];
      double n2 = 0;
      w->first[s] = m;
      if (t1 > T.n) t1 = T.n;
      for (t = t0; t < t1; t++) {
        uint32_t h = T.hash[t], c;
        uint8_t q;
        double x;
        if (t + PREFETCH < T.n) /* classes past the caches */
          __builtin_prefetch(&j->cls[T.hash[t + PREFETCH] & j->tc->mask]);
        if (!h) continue;
        /* without branches on the counts, which no predictor guesses:
        ** a stopword adds 0 to the length, a word that is not rare is
        ** written and not kept */
        c = j->cls[h & j->tc->mask];
        q = (uint8_t)c;
        x = c & CLS_WORD ? (float)q * (1.0f / IDF_UNIT) : 0; /* idf_of */
        n2 += x * x;
        w->idf[m] = q;
        w->term[m] = h;
        m += c >> CLS_KEEP_SHIFT;
      }
      w->norm[s] = (float)sqrt(n2);
    }
    w->first[S->nsent] = m;
  }
  return 0;
}

/* Load document a's words into the table. */
static void table_load(mscratch *sc, const dwords *w, uint32_t nsent) {
  uint32_t s, x, n = w->first[nsent];
  size_t size = 16, nf;
  unsigned lg = 4;
  while (size < 2 * (size_t)n + 2) size *= 2, lg++;
  nf = (size << FILTER_LG) / 64 + 1; /* words of 64 bits */
  HS_GROW(sc->filter, sc->capfilter, nf);
  memset(sc->filter, 0, nf * sizeof *sc->filter);
  sc->fshift = 64 - (lg + FILTER_LG);
  if (size > sc->capslot) {
    free(sc->slot);
    sc->slot = hs_calloc(size, sizeof *sc->slot);
    sc->capslot = size;
  }
  sc->mask = (uint32_t)size - 1;
  if (++sc->gen == 0) { /* wrapped: clear once */
    for (x = 0; x < sc->capslot; x++) sc->slot[x].gen = 0;
    sc->gen = 1;
  }
  sc->nocc = 0;
  HS_GROW(sc->occ, sc->capocc, (size_t)n + 1);
  for (s = 0; s < nsent; s++)
    for (x = w->first[s]; x < w->first[s + 1]; x++) {
      uint32_t h = w->term[x], i = (h * 0x9e3779b1u >> 7) & sc->mask;
      uint64_t f = h * 0x9e3779b97f4a7c15ull >> sc->fshift;
      sc->filter[f >> 6] |= (uint64_t)1 << (f & 63);
      while (sc->slot[i].gen == sc->gen && sc->slot[i].term != h)
        i = (i + 1) & sc->mask;
      if (sc->slot[i].gen != sc->gen) {
        sc->slot[i].gen = sc->gen;
        sc->slot[i].term = h;
        sc->slot[i].head = UINT32_MAX;
        sc->slot[i].n = 0;
      }
      if (sc->slot[i].head != UINT32_MAX &&
          sc->occ[sc->slot[i].head].sent == s) {
        sc->occ[sc->slot[i].head].tf++;
        continue;
      }
      sc->occ[sc->nocc].sent = s;
      sc->occ[sc->nocc].tf = 1;
      sc->occ[sc->nocc].next = sc->slot[i].head;
      sc->slot[i].head = (uint32_t)sc->nocc++;
      sc->slot[i].n++;
    }
}

/* The tf·idf cosine of the words of sentences [s0, s1] of S and those of
** the marked sentences of L; *words: word occurrences in both. */
static double bag_cos(const mjob *j, mscratch *sc, const dwords *S,
                      uint32_t s0, uint32_t s1, const dwords *L, uint32_t nl,
                      const uint8_t *mark, uint32_t *words) {
  size_t ns = 0, nl2 = 0, a = 0, b = 0;
  uint32_t x, l;
  double dot = 0, n1 = 0, n2 = 0;
  HS_GROW(sc->bag_s, sc->capbs, (size_t)(S->first[s1 + 1] - S->first[s0]) + 1);
  for (x = S->first[s0]; x < S->first[s1 + 1]; x++)
    sc->bag_s[ns++] = S->term[x];
  for (l = 0; l < nl; l++)
    if (mark[l]) {
      HS_GROW(sc->bag_l, sc->capbl, nl2 + (L->first[l + 1] - L->first[l]) + 1);
      for (x = L->first[l]; x < L->first[l + 1]; x++)
        sc->bag_l[nl2++] = L->term[x];
    }
  HS_GROW(sc->bag_t, sc->capbt, (ns > nl2 ? ns : nl2) + 1);
  hs_sort_u32(sc->bag_s, ns, sc->bag_t);
  hs_sort_u32(sc->bag_l, nl2, sc->bag_t);
  *words = 0;
  while (a < ns || b < nl2) {
    uint32_t t = b >= nl2 || (a < ns && sc->bag_s[a] <= sc->bag_l[b])
                     ? sc->bag_s[a] : sc->bag_l[b];
    double tx = 0, ty = 0, w = idf_of(j, t);
    for (; a < ns && sc->bag_s[a] == t; a++) tx++;
    for (; b < nl2 && sc->bag_l[b] == t; b++) ty++;
    dot += tx * ty * w * w;
    n1 += tx * tx * w * w;
    n2 += ty * ty * w * w;
    *words += (uint32_t)(tx < ty ? tx : ty);
  }
  return n1 > 0 && n2 > 0 ? dot / sqrt(n1 * n2) : 0;
}

/* ------------------------------------------------------------ pairs */

static uint32_t ov(uint32_t s0, uint32_t e0, uint32_t s1, uint32_t e1) {
  uint32_t s = s0 > s1 ? s0 : s1, e = e0 < e1 ? e0 : e1;
  return e > s ? e - s : 0;
}

/* Words between two token ranges (0 if they overlap). */
static uint32_t dist(uint32_t s0, uint32_t e0, uint32_t s1, uint32_t e1) {
  return s1 >= e0 ? s1 - e0 : s0 >= e1 ? s0 - e1 : 0;
}

/* One direction: a summary in S over L, from seeds sd[0..n) (s: a
** sentence of S).  A chain whose source span is less than RATIO times
** longer must be closer to its source as a bag of words. */
static int direction(const mjob *j, mscratch *sc, sseed *sd, size_t n,
                     const dwords *S, uint32_t ns, const uint32_t *ws,
                     const dwords *L, uint32_t nl, const uint32_t *wl,
                     int s_is_a, int bare, found *f) {
  uint32_t nm, i, nd, words;
  double c;
  n = hs_sum_topk_seeds(sd, n);
  nm = hs_sum_best_chain(&sc->cb, sd, n, ws, wl, ns, nl,
                         (uint32_t)j->o->min_words, f);
  if (!nm) return 0;
  HS_GROW(sc->cb.mark, sc->cb.capmark, (size_t)nl + 1);
  memset(sc->cb.mark, 0, nl);
  for (i = 0, nd = 0; i < nm; i++) {
    nd += !sc->cb.mark[sc->cb.ls[i]];
    sc->cb.mark[sc->cb.ls[i]] = 1;
  }
  /* MIN_SENTS distinct source sentences too: several summary sentences
  ** matched to one source sentence sum up no span of the source */
  if (nd < MIN_SENTS) return 0;
  c = bag_cos(j, sc, S, f->s0, f->s1, L, nl, sc->cb.mark, &words);
  if (c < (f->ratio >= RATIO ? TH_BAG : TH_BAG_NEAR) ||
      words < (uint32_t)j->o->min_words || (bare && f->ratio < RATIO_BARE))
    return 0;
  HS_GROW(sc->lsd[s_is_a], sc->caplsd[s_is_a], nm);
  memcpy(sc->lsd[s_is_a], sc->cb.ls, nm * sizeof *sc->cb.ls);
  f->ls = sc->lsd[s_is_a];
  f->nls = nm;
  f->sim = (float)c;
  f->words = words;
  f->s_is_a = s_is_a;
  return 1;
}

/* Tokens [*t0, *t1) of a document of n tokens and sentences SL widened
** by the whole sentences within g tokens of each end. */
static void widen(const hs_senttab *SL, uint32_t n, uint32_t g, uint32_t *t0,
                  uint32_t *t1) {
  uint32_t l = 0, e;
  while (l < SL->nsent && SL->sent[l] + g < *t0) l++;
  if (SL->sent[l] < *t0) *t0 = SL->sent[l];
  for (l = SL->nsent; l > 0 && SL->sent[l] > *t1 + g; l--) {}
  e = SL->sent[l] < n ? SL->sent[l] : n;
  if (e > *t1) *t1 = e;
}

/* Whether passage p lies near a summary over tokens [ta0, ta1) of A and
** [tb0, tb1) of B: NEAR_S words from it on its side, GAP_L on the other;
** t: p's tokens (a0 a1 b0 b1). */
static int near_sum(const found *f, const hs_doctab *A, const hs_doctab *B,
                    const hs_passage *p, uint32_t ta0, uint32_t ta1,
                    uint32_t tb0, uint32_t tb1, uint32_t t[4]) {
  t[0] = hs_doctab_token_at(A, p->a.start);
  t[1] = hs_doctab_token_at(A, p->a.end);
  t[2] = hs_doctab_token_at(B, p->b.start);
  t[3] = hs_doctab_token_at(B, p->b.end);
  return f->s_is_a ? dist(ta0, ta1, t[0], t[1]) <= NEAR_S &&
                         dist(tb0, tb1, t[2], t[3]) <= GAP_L
                   : dist(tb0, tb1, t[2], t[3]) <= NEAR_S &&
                         dist(ta0, ta1, t[0], t[1]) <= GAP_L;
}

static void emit(mjob *j, mscratch *sc, size_t pi, const hs_doctab *A,
                 const hs_doctab *B, uint32_t a, uint32_t b, const found *f) {
  const hs_senttab *SA = &j->st[a], *SB = &j->st[b];
  uint32_t ta0, ta1, tb0, tb1, t[4];
  size_t x;
  int pass;
  hs_passage *q;
  if (f->s_is_a) {
    ta0 = SA->sent[f->s0], ta1 = SA->sent[f->s1 + 1];
    tb0 = SB->sent[f->l0], tb1 = SB->sent[f->l1 + 1];
  } else {
    tb0 = SB->sent[f->s0], tb1 = SB->sent[f->s1 + 1];
    ta0 = SA->sent[f->l0], ta1 = SA->sent[f->l1 + 1];
  }
  { /* the summary side mostly reported already as a copy or a rewrite
    ** of about its length, of one place of the other side: not a summary
    ** (pieces of it copied from places far apart are a summary's) */
    uint64_t cs = 0, cl = 0, span = f->s_is_a ? ta1 - ta0 : tb1 - tb0;
    uint32_t e0 = UINT32_MAX, e1 = 0;
    for (x = j->pfirst[pi]; x < j->plast[pi]; x++) {
      const hs_passage *p = &j->p[j->byp[x]];
      uint32_t pa0 = hs_doctab_token_at(A, p->a.start);
      uint32_t pa1 = hs_doctab_token_at(A, p->a.end);
      uint32_t pb0 = hs_doctab_token_at(B, p->b.start);
      uint32_t pb1 = hs_doctab_token_at(B, p->b.end);
      uint32_t o = f->s_is_a ? ov(ta0, ta1, pa0, pa1) : ov(tb0, tb1, pb0, pb1);
      uint32_t l0 = f->s_is_a ? pb0 : pa0, l1 = f->s_is_a ? pb1 : pa1;
      if (!o) continue;
      cs += o;
      cl += l1 - l0;
      if (l0 < e0) e0 = l0;
      if (l1 > e1) e1 = l1;
    }
    if (2 * cs >= span && cl < EXPLAINED_RATIO * cs &&
        e1 - e0 < EXPLAINED_RATIO * cl) {
      /* ...unless the summary matches, over a source span much longer
      ** than what they report, sentences that they do not */
      const hs_senttab *SL = f->s_is_a ? SB : SA;
      uint32_t i, nout = 0, lspan = f->s_is_a ? tb1 - tb0 : ta1 - ta0;
      for (i = 0; i < f->nls; i++) {
        uint32_t u0 = SL->sent[f->ls[i]], u1 = SL->sent[f->ls[i] + 1];
        int hit = 0;
        for (x = j->pfirst[pi]; x < j->plast[pi] && !hit; x++) {
          const hs_passage *p = &j->p[j->byp[x]];
          const hs_span *sp = f->s_is_a ? &p->b : &p->a;
          const hs_doctab *T = f->s_is_a ? B : A;
          hit = ov(u0, u1, hs_doctab_token_at(T, sp->start),
                   hs_doctab_token_at(T, sp->end)) > 0;
        }
        nout += !hit;
      }
      if (nout < NOUT_MIN || lspan < EXPLAINED_RATIO * cl) return;
    }
  }
  /* a passage of the pair apart from it: the pair holds a copy of other
  ** text, and these matches are strays around it (a summary of a source
  ** is all that the pair shares) */
  for (x = j->pfirst[pi]; x < j->plast[pi]; x++)
    if (!j->gone[j->byp[x]] &&
        !near_sum(f, A, B, &j->p[j->byp[x]], ta0, ta1, tb0, tb1, t))
      return;
  /* the pair's passages near the summary on its side (NEAR_S words) and
  ** on the other (GAP_L) are pieces of it; if with them its source side
  ** is no longer RATIO times the other, it is a rewrite that they report
  ** already */
  for (pass = 0; pass < 2; pass++) {
    for (x = j->pfirst[pi]; x < j->plast[pi]; x++) {
      uint32_t pa0, pa1, pb0, pb1;
      if (!near_sum(f, A, B, &j->p[j->byp[x]], ta0, ta1, tb0, tb1, t))
        continue;
      pa0 = t[0], pa1 = t[1], pb0 = t[2], pb1 = t[3];
      if (pass) {
        j->gone[j->byp[x]] = 1;
        continue;
      }
      if (pa0 < ta0) ta0 = pa0;
      if (pa1 > ta1) ta1 = pa1;
      if (pb0 < tb0) tb0 = pb0;
      if (pb1 > tb1) tb1 = pb1;
    }
    if (ta1 > A->n) ta1 = A->n;
    if (tb1 > B->n) tb1 = B->n;
    if (ta1 <= ta0 || tb1 <= tb0) return;
    if (f->s_is_a ? tb1 - tb0 < RATIO_MIN * (ta1 - ta0)
                  : ta1 - ta0 < RATIO_MIN * (tb1 - tb0))
      return;
    if (!pass) { /* each summary sentence sums up about a share of the
      ** source span: as much before its first sentence and after its
      ** last; a source span over half of its document or more is a
      ** summary of all of it */
      const hs_senttab *SL = f->s_is_a ? SB : SA;
      uint32_t g = (SL->sent[f->l1 + 1] - SL->sent[f->l0]) / f->nls;
      uint32_t *l0 = f->s_is_a ? &tb0 : &ta0, *l1 = f->s_is_a ? &tb1 : &ta1;
      uint32_t nl = f->s_is_a ? B->n : A->n;
      widen(SL, nl, g, l0, l1);
      if (2 * (uint64_t)(*l1 - *l0) >= nl) *l0 = 0, *l1 = nl;
    }
  }
  HS_GROW(sc->out, sc->capout, sc->nout + 1);
  q = &sc->out[sc->nout++];
  memset(q, 0, sizeof *q);
  q->a.doc = a;
  q->a.start = A->start[ta0];
  q->a.end = A->start[ta1 - 1] + A->len[ta1 - 1];
  q->a.words = ta1 - ta0;
  q->b.doc = b;
  q->b.start = B->start[tb0];
  q->b.end = B->start[tb1 - 1] + B->len[tb1 - 1];
  q->b.words = tb1 - tb0;
  q->words = f->words;
  q->similarity = f->sim;
  q->method = HS_METHOD_SUMMARY;
}

/* Pair pi = (a, b): the cosine of every sentence pair sharing a word,
** from a's table (loaded once for all its pairs) and b's words; then a
** summary either way. */
static int pair_run(mjob *j, mscratch *sc, uint32_t a, uint32_t b, int bare,
                    found *out) {
  const hs_senttab *SA = &j->st[a], *SB = &j->st[b];
  const dwords *DA = &j->dw[a], *DB = &j->dw[b];
  uint32_t nsa = SA->nsent, nsb = SB->nsent, s, l, x;
  size_t k, nseeds = 0, cells = (size_t)nsa * nsb;
  found fd[2];
  int nf = 0;
  if (!nsa || !nsb || cells > MAX_CELLS || !DA->first || !DB->first) return 0;
  if (nsa < MIN_SENTS && nsb < MIN_SENTS) return 0;
  if (sc->cur_a != a + 1) {
    table_load(sc, DA, nsa);
    sc->cur_a = a + 1;
  }
  if (cells > sc->capcells) {
    free(sc->dot);
    free(sc->sh);
    sc->dot = hs_calloc(cells, sizeof *sc->dot);
    sc->sh = hs_calloc(cells, 1);
    sc->capcells = cells;
  }
  sc->ntouched = 0;
  { /* the scratch's tables in locals: the loop writes through pointers
    ** the compiler cannot tell apart from them */
    const uint64_t *filt = sc->filter;
    const unsigned fsh = sc->fshift;
    const uint32_t mask = sc->mask, gen = sc->gen;
    tslot *slot = sc->slot;
    const occ *oc = sc->occ;
    float *dot = sc->dot;
    uint8_t *sh = sc->sh;
    for (l = 0; l < nsb; l++) {
      uint32_t stamp;
      if (++sc->stamp == 0) {
        for (x = 0; x < sc->capslot; x++) slot[x].stamp = 0;
        sc->stamp = 1;
      }
      stamp = sc->stamp;
      for (x = DB->first[l]; x < DB->first[l + 1]; x++) {
        uint32_t h = DB->term[x], i, o;
        uint64_t f = h * 0x9e3779b97f4a7c15ull >> fsh;
        int fresh;
        float w2;
        if (!(filt[f >> 6] >> (f & 63) & 1)) continue;
        i = (h * 0x9e3779b1u >> 7) & mask;
        while (slot[i].gen == gen && slot[i].term != h) i = (i + 1) & mask;
        if (slot[i].gen != gen || slot[i].n > OCC_MAX) continue;
        fresh = slot[i].stamp != stamp;
        slot[i].stamp = stamp;
        w2 = (float)DB->idf[x] * (1.0f / IDF_UNIT);
        w2 *= w2;
        for (o = slot[i].head; o != UINT32_MAX; o = oc[o].next) {
          size_t cell = (size_t)l * nsa + oc[o].sent;
          if (!sh[cell]) {
            HS_GROW(sc->touched, sc->captouched, sc->ntouched + 1);
            sc->touched[sc->ntouched++] = (uint32_t)cell;
          }
          dot[cell] += w2 * (float)oc[o].tf;
          if (fresh && sh[cell] < 255) sh[cell]++;
          else if (!sh[cell]) sh[cell] = 1;
        }
      }
    }
  }
  for (k = 0; k < sc->ntouched; k++) {
    uint32_t cell = sc->touched[k];
    float nn, c;
    l = cell / nsa, s = cell % nsa;
    nn = DA->norm[s] * DB->norm[l];
    c = nn > 0 ? sc->dot[cell] / nn : 0;
    if (sc->sh[cell] >= MIN_SHARED && c >= TH_SENT) {
      HS_GROW(sc->seeds, sc->capseeds, nseeds + 1);
      sc->seeds[nseeds].s = s, sc->seeds[nseeds].l = l;
      sc->seeds[nseeds++].cos = c;
    }
    sc->dot[cell] = 0;
    sc->sh[cell] = 0;
  }
  if (nseeds < MIN_SENTS) return 0;
  HS_GROW(sc->wa, sc->capwa, nsa);
  HS_GROW(sc->wb, sc->capwb, nsb);
  for (s = 0; s < nsa; s++) sc->wa[s] = SA->sent[s + 1] - SA->sent[s];
  for (l = 0; l < nsb; l++) sc->wb[l] = SB->sent[l + 1] - SB->sent[l];
  HS_GROW(sc->dir, sc->capdir, nseeds);
  /* a summary in a over b, then one in b over a */
  memcpy(sc->dir, sc->seeds, nseeds * sizeof *sc->dir);
  if (nsa >= MIN_SENTS && direction(j, sc, sc->dir, nseeds, DA, nsa, sc->wa,
                                    DB, nsb, sc->wb, 1, bare, &fd[nf]))
    nf++;
  for (k = 0; k < nseeds; k++) {
    sc->dir[k].s = sc->seeds[k].l;
    sc->dir[k].l = sc->seeds[k].s;
    sc->dir[k].cos = sc->seeds[k].cos;
  }
  if (nsb >= MIN_SENTS && direction(j, sc, sc->dir, nseeds, DB, nsb, sc->wb,
                                    DA, nsa, sc->wa, 0, bare, &fd[nf]))
    nf++;
  if (!nf) return 0;
  *out = nf == 2 && fd[1].score > fd[0].score ? fd[1] : fd[0];
  return 1;
}

static int sum_range(void *ud, int thread, size_t begin, size_t end) {
  mjob *j = ud;
  mscratch *sc = &j->sc[thread];
  const hs_reuse_opts *o = j->o;
  size_t i, done;
  for (i = begin; i < end; i++) {
    uint32_t a = (uint32_t)(j->pairs[i] >> 32), b = (uint32_t)j->pairs[i];
    hs_doctab A, B;
    found f;
    if (!pair_run(j, sc, a, b, j->pfirst[i] == j->plast[i], &f)) continue;
    if (hs_docset_get(j->ds, a, &A, &sc->bufa, &sc->err)) return HS_EIO;
    if (hs_docset_get(j->ds, b, &B, &sc->bufb, &sc->err)) return HS_EIO;
    emit(j, sc, i, &A, &B, a, b, &f);
  }
  done = __atomic_add_fetch(&j->done, end - begin, __ATOMIC_RELAXED);
  if (thread == 0 && o->progress &&
      o->progress(o->progress_ud, "summaries", done, j->ds->ndocs))
    return HS_EINTR;
  return 0;
}

typedef struct pkey {
  uint64_t key; /* lower doc << 32 | higher doc */
  size_t i;     /* passage, or SIZE_MAX: a pair without passages */
} pkey;

static int pkey_cmp(const void *x, const void *y) {
  const pkey *a = x, *b = y;
  if (a->key != b->key) return a->key < b->key ? -1 : 1;
  return (a->i > b->i) - (a->i < b->i);
}

static uint64_t pkey_key(const void *x, int round, const void *ctx) {
  (void)round, (void)ctx;
  return ((const pkey *)x)->key;
}

int hs_summary_run(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                   const hs_senttab *st, size_t first_new,
                   const uint64_t *near, size_t nnear, hs_sent_counts *counts,
                   hs_passage **p, size_t *n, hs_error *err) {
  mjob j;
  pkey *pk;
  size_t npk = 0, i, x, y, np = 0, nb = 0, total, m, kept;
  uint64_t *pairs;
  size_t *pfirst, *plast, *byp;
  uint8_t *inv, *idf;
  const uint8_t *base = NULL; /* documents tc counted already */
  hs_termcounts tc;
  int rc = 0, t, io_error = 0;
  hs_passage *res;
  if (ds->ndocs > UINT32_MAX) return HS_OK;
  pk = hs_malloc((*n + nnear + 1) * sizeof *pk);
  for (i = 0; i < *n; i++) {
    const hs_passage *q = &(*p)[i];
    if (q->internal || q->a.doc == q->b.doc) continue;
    pk[npk].key = (uint64_t)q->a.doc << 32 | q->b.doc;
    pk[npk++].i = i;
  }
  for (i = 0; i < nnear; i++) {
    uint32_t a = (uint32_t)(near[i] >> 32), b = (uint32_t)near[i];
    if (a == b) continue;
    pk[npk].key = a < b ? (uint64_t)a << 32 | b : (uint64_t)b << 32 | a;
    pk[npk++].i = SIZE_MAX;
  }
  hs_sort_keyed_threads(pk, npk, sizeof *pk, 1, pkey_key, NULL, pkey_cmp,
                        nthreads);
  pairs = hs_malloc((npk + 1) * sizeof *pairs);
  pfirst = hs_malloc((npk + 1) * sizeof *pfirst);
  plast = hs_malloc((npk + 1) * sizeof *plast);
  byp = hs_malloc((npk + 1) * sizeof *byp);
  inv = hs_calloc(ds->ndocs + 1, 1);
  for (x = 0; x < npk; x = y) {
    uint32_t a = (uint32_t)(pk[x].key >> 32), b = (uint32_t)pk[x].key;
    uint64_t wa = 0, wb = 0;
    size_t b0 = nb;
    for (y = x; y < npk && pk[y].key == pk[x].key; y++)
      if (pk[y].i != SIZE_MAX) {
        const hs_passage *q = &(*p)[pk[y].i];
        wa += q->a.words;
        wb += q->b.words;
        byp[nb++] = pk[y].i;
      }
    if (a < first_new && b < first_new) continue;
    /* half of the shorter document or nearly all of one copied: the
    ** passages report it */
    if (st[a].n <= st[b].n ? 2 * wa >= st[a].n : 2 * wb >= st[b].n) continue;
    if (10 * wa >= 9 * (uint64_t)st[a].n || 10 * wb >= 9 * (uint64_t)st[b].n)
      continue;
    pairs[np] = pk[x].key;
    pfirst[np] = b0;
    plast[np++] = nb;
    inv[a] = inv[b] = 1;
  }
  free(pk);
  memset(&j, 0, sizeof j);
  if (nthreads < 1) nthreads = 1;
  j.sc = hs_calloc((size_t)nthreads, sizeof *j.sc);
  { /* word counts over the documents of the candidate pairs */
    uint64_t ntok = 0;
    unsigned bits = 12;
    for (i = 0; i < ds->ndocs; i++)
      if (inv[i]) ntok += st[i].n;
    while (bits < 20 && ((uint64_t)1 << bits) < 4 * ntok) bits++;
    if (np && counts && counts->tc.c && counts->docs &&
        counts->tc.mask == (uint32_t)(((uint64_t)1 << bits) - 1)) {
      /* the sentence stage's counts, of mostly the same documents (its
      ** table of the same size): only those that differ are read */
      tc = counts->tc;
      memset(&counts->tc, 0, sizeof counts->tc);
      base = counts->docs;
    } else {
      hs_termcounts_init(&tc, bits);
    }
  }
  if (np) { /* the documents that differ, counted or uncounted */
    uint8_t *diff = hs_malloc(ds->ndocs + 1);
    for (i = 0; i < ds->ndocs; i++) diff[i] = inv[i] && !(base && base[i]);
    rc = hs_termcounts_add_docs(&tc, ds, diff, nthreads, &j.sc[0].err);
    for (i = 0; i < ds->ndocs && base && !rc; i++)
      diff[i] = !inv[i] && base[i];
    if (base && !rc)
      rc = hs_termcounts_sub_docs(&tc, ds, diff, nthreads, &j.sc[0].err);
    free(diff);
  }
  { /* the sentence stage's weights, from these counts */
    float stopidf;
    idf = hs_sent_idf_table(&tc, nthreads, &j.stopcnt, &stopidf);
  }
  j.o = o;
  j.ds = ds;
  j.st = st;
  j.tc = &tc;
  j.idf = idf;
  j.rarecnt = (uint32_t)(tc.total / RARE_DIV > 20 ? tc.total / RARE_DIV : 20);
  j.inv = inv;
  j.dw = hs_calloc(ds->ndocs + 1, sizeof *j.dw);
  j.pairs = pairs;
  j.pfirst = pfirst;
  j.plast = plast;
  j.byp = byp;
  j.p = *p;
  j.gone = hs_calloc(*n + 1, 1);
  if (!rc && np) { /* the table has 4,096 counters at least */
    j.cls = hs_malloc(((size_t)tc.mask + 1) * sizeof *j.cls);
    hs_parallel_for(nthreads, CLS_BLOCKS, 1, cls_range, &j);
    rc = hs_parallel_for(nthreads, ds->ndocs, 64, words_range, &j);
    free(j.cls);
  }
  if (!rc && np) rc = hs_parallel_for(nthreads, np, 64, sum_range, &j);
  total = 0;
  for (t = 0; t < nthreads; t++) total += j.sc[t].nout;
  res = NULL;
  m = 0;
  if (!rc && total) { /* the passages kept, in place, then the
    ** summaries after them (a large block grows where it lies) */
    res = *p;
    *p = NULL;
    for (i = 0; i < *n; i++)
      if (!j.gone[i]) res[m++] = res[i];
    res = hs_reallocarray(res, m + total + 1, sizeof *res);
  }
  kept = m;
  for (t = 0; t < nthreads; t++) {
    mscratch *sc = &j.sc[t];
    if (res && sc->nout) {
      memcpy(res + m, sc->out, sc->nout * sizeof *res);
      m += sc->nout;
    }
    if (rc && sc->err.code && !io_error) {
      *err = sc->err;
      io_error = sc->err.code;
    }
    free(sc->slot), free(sc->occ), free(sc->filter);
    free(sc->dot), free(sc->sh), free(sc->touched);
    free(sc->seeds), free(sc->dir), hs_sum_chainbuf_free(&sc->cb);
    free(sc->wa), free(sc->wb), free(sc->bag_s), free(sc->bag_l);
    free(sc->bag_t), free(sc->out), free(sc->lsd[0]), free(sc->lsd[1]);
    hs_docbuf_free(&sc->bufa);
    hs_docbuf_free(&sc->bufb);
    hs_pool_free(&sc->words);
  }
  free(j.dw), free(j.sc), free(j.gone), free(inv);
  free(pairs), free(pfirst), free(plast), free(byp), free(idf);
  hs_termcounts_free(&tc);
  if (rc) {
    free(res);
    return io_error ? io_error : hs_error_set(err, HS_EINTR, "interrupted");
  }
  if (res) {
    *p = res;
    *n = m;
    hs_cluster_passage_merge(*p, kept, m);
  }
  return HS_OK;
}
