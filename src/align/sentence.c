/*
** sentence.c — the sentence-level stage: rewritten and summarized copies.
**
** The n-gram stage finds text copied word for word or lightly edited; a
** paraphrase breaks every 5-gram.  This stage works on sentences:
**
**  1. Pairs of documents that the n-gram stage already joined by a
**     passage are looked at (not those it found reprinted whole), and
**     pairs without one that share many rare words (candidates.c), under
**     stricter rules (3): same-event news stories written anew share names
**     and numbers, but in scattered sentences, while a rewritten copy is a
**     dense run of similar sentences.  Within those pairs, two
**     sentences sharing one of their few rarest content terms (names,
**     numbers, unusual words survive rewriting) become a candidate
**     (candidates.c).  The cost is linear in the sentences of the
**     documents of these pairs; a sentence touching a near-verbatim
**     passage is skipped (such a passage is never extended, below).
**  2. A candidate is a sentence seed when the weighted cosine of the two
**     sentences' tf·idf vectors of words (idf from the counts over the
**     documents of the pairs compared, so frequent words weigh little;
**     rare words for choosing pairs without a passage are counted over all
**     documents) and the
**     Dice overlap of their content terms both pass a threshold.
**  3. Seeds are chained in reading order on both sides, allowing a few
**     unmatched sentences between them (a chain never runs backwards, so a
**     moved sentence starts a chain of its own); a chain is kept when its
**     two ranges, compared as one bag each, are still similar, otherwise
**     it is chained again with smaller gaps (after Sanchez-Perez, Sidorov
**     and Gelbukh's PAN 2014 aligner).  The same with a wide gap on one
**     side and a narrow one on the other finds summaries (a short passage
**     covering a long one), kept only when one side is 3 times longer.
**     In a pair without an n-gram passage only rewritten passages are
**     kept, and only dense ones: 3 sentences or more with a seed on each
**     side (or 2 sharing 30 words), at least half of the passage's
**     sentences, seeds of mean cosine 0.6 or more, and no more seeds of the
**     pair outside its passages than inside (chosen on the development half
**     of PAN 2013 and the planted news corpora, where looser rules linked
**     same-event stories by their short leads).  A passage inside both
**     documents (two stories on one event open and close alike) is held
**     to looser rules (COLD_L*), and is all a weak pair (candidates.c)
**     may give.
**  4. Overlaps are resolved (best-supported passage first; merge.c),
**     then each kept passage is merged with the n-gram passages of the
**     pair that it overlaps on both sides into one record.  A
**     near-verbatim n-gram passage is never extended by looser matches,
**     and one that the same text aligns elsewhere (overlap on one side
**     only) wins.
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
#define GAP 3          /* sentences skipped inside a rewritten passage */
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
#define COLD_EDGE 1       /* sentences from a document's end that count
                          ** as at its end */
#define SUM_GAP 20     /* ...on the long side of a summary */
#define NEAR_VERBATIM HS_NEAR_VERBATIM /* n-gram passages left alone */

typedef struct bent {
  uint32_t term;
  float w;
  uint32_t tf;
  int stop;
} bent;

typedef struct sseed {
  uint32_t i, j;
  float cos, dice;
} sseed;

typedef hs_sent_frag frag;

/* A sentence's vector, made once for all the pairs that compare it: the
** first thread that needs it makes it in its own pool and publishes it;
** a thread that made it too late takes the published one (the same). */
typedef struct svent {
  double norm;
  uint32_t m, ncontent;
  bent v[];
} svent;

/* A thread's vectors, in blocks that never move. */
typedef struct svpool {
  char **block;
  size_t nblock, capblock, used, size; /* of the last block */
} svpool;

typedef struct sscratch {
  sseed *seeds;
  size_t capseeds;
  frag *frags;
  size_t nfrags, capfrags;
  bent *va, *vb;
  size_t capva, capvb;
  uint32_t *nv;   /* the pair's passages: a0 a1 b0 b1 near-verbatim */
  size_t capnv;
  uint32_t *tmp, *tmp2;
  size_t captmp, captmp2;
  hs_passage *out;
  size_t nout, capout;
  hs_docbuf bufa, bufb;
  const uint32_t *terma, *termb; /* the pair's terms (token hashes) */
  svpool pool;    /* the sentence vectors this thread made */
  struct fcos {   /* the pair's passages compared already (the three
                  ** chainings of a pair meet the same ones) */
    uint32_t i0, i1, j0, j1, words;
    double cos;
  } *fc;
  size_t nfc, capfc;
  hs_error err;
} sscratch;

typedef struct sjob {
  const hs_reuse_opts *o;
  const hs_docset *ds;
  const hs_senttab *st;
  const hs_termcounts *tc;
  uint8_t *idf;            /* per counter of tc, in IDF_UNITs (one byte
                           ** each, so that the table stays in cache) */
  float stopidf;           /* terms weighing less are stopwords */
  uint32_t stopcnt;
  const uint64_t *cand;    /* sentence candidates, sorted: the pair's slot
                           ** in pairs << 32 | sa << 16 | sb */
  const uint64_t *pairs;   /* index -> a << 32 | b */
  size_t nopen;            /* pairs from here on have no n-gram passage */
  size_t nweak;            /* from here on they are weak pairs */
  const size_t *gstart;    /* groups of candidates with one pair */
  hs_passage *p;           /* the n-gram passages */
  size_t *byp;             /* cross passages by (a.doc, b.doc) */
  size_t nbyp;
  uint8_t *gone;           /* per passage: merged into a new record */
  svent **sv;              /* per sentence of a compared document: its
                           ** vector once made (sbase[doc] + sentence) */
  size_t *sbase;
  sscratch *sc;
} sjob;

#define IDF_UNIT HS_IDF_UNIT

static float idf(const sjob *j, uint32_t term) {
  return (float)j->idf[term & j->tc->mask] * (1.0f / IDF_UNIT);
}


/* The bag of sentences [s0, s1] of S into *v, by term; *norm its length,
** *ncontent its distinct content terms. */
static size_t svec(const sjob *j, sscratch *sc, const hs_senttab *S,
                   const uint32_t *term, uint32_t s0, uint32_t s1, bent **v, size_t *cap,
                   double *norm, uint32_t *ncontent) {
  uint32_t t0 = S->sent[s0], t1 = S->sent[s1 + 1], t, nu = 0, x, y;
  size_t m = 0;
  double n2 = 0;
  HS_GROW(sc->tmp, sc->captmp, (size_t)(t1 - t0) + 1);
  for (t = t0; t < t1; t++)
    if (term[t]) { /* its weight is read after the sort: fetched now */
      __builtin_prefetch(&j->idf[term[t] & j->tc->mask]);
      sc->tmp[nu++] = term[t];
    }
  if (nu <= 48) {
    for (x = 1; x < nu; x++) {
      uint32_t val = sc->tmp[x];
      for (y = x; y > 0 && sc->tmp[y - 1] > val; y--) sc->tmp[y] = sc->tmp[y - 1];
      sc->tmp[y] = val;
    }
  } else { /* a passage's worth: radix sort, 8 bits a pass below 2,048
    ** terms (summing 2,048 counters a pass would cost more than the
    ** terms), 11 bits above */
    uint32_t *a = sc->tmp, *b, cnt[2048], sh, bits = nu < 2048 ? 8 : 11;
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
    for (y = x + 1; y < nu && sc->tmp[y] == sc->tmp[x]; y++) {}
    e->term = sc->tmp[x];
    e->tf = y - x;
    e->w = (float)e->tf * idf(j, e->term);
    e->stop = idf(j, e->term) < j->stopidf;
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

/* n bytes from the thread's pool (8-byte aligned, never moved). */
static void *svpool_alloc(svpool *p, size_t n) {
  n = (n + 7) & ~(size_t)7;
  if (!p->nblock || p->used + n > p->size) {
    size_t size = n > (1u << 20) ? n : (1u << 20);
    HS_GROW(p->block, p->capblock, p->nblock + 1);
    p->block[p->nblock++] = hs_malloc(size);
    p->used = 0;
    p->size = size;
  }
  p->used += n;
  return p->block[p->nblock - 1] + p->used - n;
}

static void svpool_free(svpool *p) {
  size_t i;
  for (i = 0; i < p->nblock; i++) free(p->block[i]);
  free(p->block);
  memset(p, 0, sizeof *p);
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
  m = svec(j, sc, &j->st[doc], term, s, s, &sc->va, &sc->capva, &norm,
           &ncontent);
  size = sizeof *e + m * sizeof *e->v;
  e = svpool_alloc(&sc->pool, size);
  e->norm = norm;
  e->m = (uint32_t)m;
  e->ncontent = ncontent;
  if (m) memcpy(e->v, sc->va, m * sizeof *e->v);
  if (__atomic_compare_exchange_n(slot, &old, e, 0, __ATOMIC_ACQ_REL,
                                  __ATOMIC_ACQUIRE))
    return e;
  sc->pool.used -= (size + 7) & ~(size_t)7; /* another thread's is the same */
  return old;
}

static double frag_cos(const sjob *j, sscratch *sc, const hs_senttab *SA,
                       const hs_senttab *SB, const frag *f, uint32_t *words) {
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
  ma = svec(j, sc, SA, sc->terma, f->i0, f->i1, &sc->va, &sc->capva, &na, &ca);
  mb = svec(j, sc, SB, sc->termb, f->j0, f->j1, &sc->vb, &sc->capvb, &nb, &cb);
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

static void add_frag(const sjob *j, sscratch *sc, const hs_senttab *SA,
                     const hs_senttab *SB, frag *f, int method, int cold) {
  const hs_reuse_opts *o = j->o;
  uint32_t words;
  double cosv, ratio;
  int loose;
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
  cosv = frag_cos(j, sc, SA, SB, f, &words);
  if (cold && f->mcos < COLD_SEEDCOS) {
    if (cosv < COLD_FRAGCOS) return;
    loose = 1;
  }
  if (cosv < (method == HS_METHOD_SUMMARY ? TH_SUMM : TH_FRAG))
    return;
  if (words < (uint32_t)o->min_words) return;
  /* two sentences: long ones, not the short leads of two stories */
  if (cold && (f->ndi < COLD_SEEDS || f->ndj < COLD_SEEDS) &&
      words < COLD_WORDS) {
    if (words < COLD_LWORDS) return;
    loose = 1;
  }
  if (loose && !inner(f, SA, SB, cold == 2)) return;
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
                        uint32_t ga, uint32_t gb, int method, int cold,
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
  if (cold) { /* distinct sentences of each chain, each side */
    HS_GROW(sc->tmp, sc->captmp, n + 1);
    for (c = 0; c < nch; c++) {
      uint32_t m = 0, x, y, last = UINT32_MAX;
      double sum = 0;
      ch[c].ndi = 0;
      for (k = 0; k < n; k++)
        if (id[k] == c) {
          sum += s[k].cos;
          if (s[k].i != last) ch[c].ndi++;
          last = s[k].i;
          sc->tmp[m++] = s[k].j;
        }
      for (x = 1; x < m; x++) { /* chains are short */
        uint32_t v = sc->tmp[x];
        for (y = x; y > 0 && sc->tmp[y - 1] > v; y--) sc->tmp[y] = sc->tmp[y - 1];
        sc->tmp[y] = v;
      }
      ch[c].mcos = m ? (float)(sum / m) : 0;
      ch[c].ndj = m > 0;
      for (x = 1; x < m; x++) ch[c].ndj += sc->tmp[x] != sc->tmp[x - 1];
    }
  }
  for (c = 0; c < nch; c++) {
    size_t before = sc->nfrags;
    frag f = ch[c];
    add_frag(j, sc, SA, SB, &f, method, cold);
    if (sc->nfrags == before && f.nseeds >= 2 && depth < 3 &&
        (ga > 0 || gb > 0)) {
      sseed *sub = hs_malloc(f.nseeds * sizeof *sub);
      size_t m = 0;
      for (k = 0; k < n; k++)
        if (id[k] == c) sub[m++] = s[k];
      chain_seeds(j, sc, SA, SB, sub, m, ga / 2, gb / 2, method, cold,
                  depth + 1);
      free(sub);
    }
  }
  free(id);
  free(ch);
}

static uint32_t ov(uint32_t s0, uint32_t e0, uint32_t s1, uint32_t e1) {
  uint32_t s = s0 > s1 ? s0 : s1, e = e0 < e1 ? e0 : e1;
  return e > s ? e - s : 0;
}

/* The distinct content terms of a document, sorted. */

static int seed_cmp(const void *x, const void *y) {
  const sseed *a = x, *b = y;
  if (a->i != b->i) return a->i < b->i ? -1 : 1;
  return (a->j > b->j) - (a->j < b->j);
}

static int sent_range(void *ud, int thread, size_t begin, size_t end) {
  sjob *j = ud;
  sscratch *sc = &j->sc[thread];
  size_t g, c, c1;
  for (g = begin; g < end; g++) {
    size_t c0 = j->gstart[g], cend = j->gstart[g + 1], ns = 0;
    uint64_t key = j->pairs[j->cand[c0] >> 32];
    size_t pi = (size_t)(j->cand[c0] >> 32);
    int cold = pi >= j->nweak ? 2 : pi >= j->nopen; /* 2: a weak pair */
    uint32_t a = (uint32_t)(key >> 32), b = (uint32_t)key;
    const hs_senttab *SA = &j->st[a], *SB = &j->st[b];
    hs_doctab A, B;
    if (hs_docset_get(j->ds, a, &A, &sc->bufa, &sc->err)) return HS_EIO;
    if (hs_docset_get(j->ds, b, &B, &sc->bufb, &sc->err)) return HS_EIO;
    size_t q, nnv = 0;
    sc->terma = A.hash;
    sc->termb = B.hash;
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
    if (!ns) continue;
    qsort(sc->seeds, ns, sizeof *sc->seeds, seed_cmp);
    sc->nfrags = 0;
    sc->nfc = 0;
    chain_seeds(j, sc, SA, SB, sc->seeds, ns, GAP, GAP, HS_METHOD_REWRITTEN,
                cold, 0);
    if (!cold) {
      chain_seeds(j, sc, SA, SB, sc->seeds, ns, 1, SUM_GAP, HS_METHOD_SUMMARY,
                  0, 0);
      chain_seeds(j, sc, SA, SB, sc->seeds, ns, SUM_GAP, 1, HS_METHOD_SUMMARY,
                  0, 0);
    }
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

typedef struct pkey {
  uint64_t key; /* a.doc << 32 | b.doc */
  size_t i;
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

int hs_sent_run(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                const hs_senttab *st, size_t first_new, hs_sent_prior *prior,
                const hs_sent_coldkeys *cold_in, uint64_t **near,
                size_t *nnear, hs_passage **p, size_t *n, hs_error *err) {
  sjob j;
  size_t i, x, y, ng = 0, total, m;
  uint8_t *inv = NULL, *paired = NULL;
  uint64_t *open, *closed;
  size_t nopen = 0, nclosed = 0, ncoldp = 0, nstrong = 0;
  int rc = 0, t, io_error = 0;
  hs_passage *res;
  hs_termcounts tc;
  hs_sent_cands cands;
  if (ds->ndocs > UINT32_MAX) return HS_OK;
  memset(&j, 0, sizeof j);
  memset(&cands, 0, sizeof cands);
  if (nthreads < 1) nthreads = 1;
  j.sc = hs_calloc((size_t)nthreads, sizeof *j.sc);
  j.o = o;
  j.ds = ds;
  j.st = st;
  j.tc = &tc;
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
    hs_sort_keyed(pq, nb, sizeof *pq, 1, pkey_key, NULL, pkey_cmp);
    for (i = 0; i < nb; i++) j.byp[i] = pq[i].i;
    free(pq);
    j.nbyp = nb;
  }
  /* the pairs that the n-gram passages join without covering nearly all
  ** of one document (a reprint: nothing left to find), and their
  ** documents; with the pairs without a passage chosen below, these are
  ** the documents counted (weights), indexed and compared */
  inv = hs_calloc(ds->ndocs + 1, 1);
  paired = hs_calloc(ds->ndocs + 1, 1);
  open = hs_malloc((j.nbyp + 1) * sizeof *open);
  closed = hs_malloc((j.nbyp + 1) * sizeof *closed);
  for (x = 0; x < j.nbyp; x = y) {
    const hs_passage *q = &(*p)[j.byp[x]];
    uint32_t a = q->a.doc, b = q->b.doc;
    uint64_t wa = 0, wb = 0;
    for (y = x; y < j.nbyp; y++) {
      const hs_passage *r = &(*p)[j.byp[y]];
      if (r->a.doc != a || r->b.doc != b) break;
      wa += r->a.words;
      wb += r->b.words;
    }
    if (a == b || (a < first_new && b < first_new)) continue;
    if (10 * wa >= 9 * (uint64_t)st[a].n ||
        10 * wb >= 9 * (uint64_t)st[b].n) {
      closed[nclosed++] = (uint64_t)a << 32 | b;
      paired[a] = paired[b] = 1;
      continue;
    }
    open[nopen++] = (uint64_t)a << 32 | b;
    inv[a] = inv[b] = paired[a] = paired[b] = 1;
  }
  { /* pairs without an n-gram passage, by the keys of all documents */
    uint64_t *cold = NULL, *keys = NULL;
    size_t ncold = 0, nkeys = 0;
    closed = hs_reallocarray(closed, nclosed + nopen + 1, sizeof *closed);
    memcpy(closed + nclosed, open, nopen * sizeof *open);
    if (cold_in) {
      hs_sent_cold_select(cold_in->key, cold_in->n, ds->ndocs, paired,
                          closed, nclosed + nopen, first_new, &cold, &ncold,
                          &nstrong);
    } else if (!(rc = hs_sent_cold_keys_all(ds, st, nthreads, &keys, &nkeys,
                                          err))) {
      hs_sent_cold_select(keys, nkeys, ds->ndocs, paired, closed,
                          nclosed + nopen, first_new, &cold, &ncold,
                          &nstrong);
    } else {
      io_error = rc;
    }
    free(keys);
    open = hs_reallocarray(open, nopen + ncold + 1, sizeof *open);
    for (i = 0; i < ncold; i++) {
      open[nopen + i] = cold[i];
      inv[cold[i] >> 32] = inv[(uint32_t)cold[i]] = 1;
    }
    if (near && nstrong) { /* for the summary pass (not the weak pairs) */
      *near = hs_reallocarray(*near, *nnear + nstrong + 1, sizeof **near);
      memcpy(*near + *nnear, cold, nstrong * sizeof *cold);
      *nnear += nstrong;
    }
    free(cold);
    ncoldp = ncold;
  }
  { /* counters: about four per token of the counted documents, at most
    ** 2^20 (a big corpus's table), so that a small run does not fill and
    ** scan a million of them */
    uint64_t ntok = prior ? prior->total : 0;
    unsigned bits = 12;
    for (i = 0; i < ds->ndocs; i++)
      if (inv[i] && !hs_sent_prior_has(prior, i)) ntok += st[i].n;
    while (bits < 20 && ((uint64_t)1 << bits) < 4 * ntok) bits++;
    hs_termcounts_init(&tc, bits);
  }
  for (i = 0; i < ds->ndocs && !rc; i++) {
    hs_doctab T;
    if (!inv[i] || hs_sent_prior_has(prior, i)) continue;
    if (hs_docset_get(ds, i, &T, &j.sc[0].bufa, &j.sc[0].err)) rc = HS_EIO;
    else {
      hs_termcounts_add(&tc, T.hash, T.n);
      hs_sent_prior_note(prior, i, T.hash, T.n);
    }
  }
  hs_sent_prior_fold(prior, &tc);
  j.idf = hs_sent_idf_table(&tc, &j.stopcnt, &j.stopidf);
  /* sentence pairs sharing a key, in the open pairs */
  if (!rc) {
    rc = hs_sent_cands_build(ds, st, &tc, j.stopcnt, inv, open,
                             nopen + ncoldp, nopen, nthreads, &cands, err);
    if (rc) io_error = rc;
  }
  { /* a slot for the vector of each sentence of the compared documents */
    size_t nsv = 0;
    j.sbase = hs_malloc((ds->ndocs + 1) * sizeof *j.sbase);
    for (i = 0; i < ds->ndocs; i++) {
      j.sbase[i] = nsv;
      if (inv[i]) nsv += st[i].nsent;
    }
    j.sv = hs_calloc(nsv + 1, sizeof *j.sv);
  }
  free(open);
  free(closed);
  free(inv);
  free(paired);
  j.cand = cands.cand;
  j.pairs = cands.pairs;
  j.nopen = cands.nopen;
  j.nweak = nopen + nstrong;
  j.gstart = cands.gstart;
  ng = cands.ngroups;
  if (!rc) rc = hs_parallel_for(nthreads, ng, 16, sent_range, &j);
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
    free(sc->tmp2);
    free(sc->nv);
    svpool_free(&sc->pool);
    free(sc->fc);
    free(sc->out);
    hs_docbuf_free(&sc->bufa);
    hs_docbuf_free(&sc->bufb);
  }
  free(j.sc);
  free(j.gone);
  free(j.byp);
  free(j.sv);
  free(j.sbase);
  hs_sent_cands_free(&cands);
  if (rc) {
    free(res);
    free(j.idf);
    hs_termcounts_free(&tc);
    if (io_error) return io_error;
    return hs_error_set(err, HS_EINTR, "interrupted");
  }
  {
    hs_sent_idf w;
    w.q = j.idf;
    w.mask = tc.mask;
    w.stop = j.stopidf;
    rc = hs_sent_join(ds, st, &w, nthreads, res, &m, err);
  }
  free(j.idf);
  hs_termcounts_free(&tc);
  if (rc) {
    free(res);
    return rc;
  }
  free(*p);
  *p = res;
  *n = m;
  hs_cluster_passage_sort(*p, *n);
  return HS_OK;
}
