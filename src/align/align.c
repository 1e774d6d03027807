/*
** align.c — alignment: seeds chained into passages with exact byte
** offsets (the engine that holds the documents is engine.c).
**
** For each pair of documents, its seeds (equal n-grams at token positions
** posa, posb, sorted by posa) are chained greedily: a seed extends the open
** chain whose last seed lies before it in both documents, at most max_gap
** words back, and closest to its diagonal (posb - posa); otherwise it
** opens a new chain.  Chains so bridge small edits — a changed, inserted or
** deleted word breaks the n-grams around it, not the chain — and, since
** every chain is followed separately, passages are found in any order
** (swapped paragraphs are two chains on two diagonals).
**
** Each chain is then widened by exact word matches on both ends, and
** scored by a word-level diff (Myers' O(ND) algorithm on the token hashes):
** similarity = 2 * matched words / (words in a + words in b).  Chains too
** short or too dissimilar are dropped, as are chains mostly covered by a
** better one of the same pair (repeated text gives parallel chains).
**
** Cost: linear in the number of seeds for chaining, O((N+M)·D) per passage
** for the diff, where D (the number of edited words) is small for reuse.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearsay.h"
#include "index/index.h"
#include "align/align.h"
#include "align/sentence.h"
#include "cluster/cluster.h"
#include "index/spill.h"
#include "text/text.h"
#include "util/parallel.h"
#include "util/util.h"

/* ------------------------------------------------------------ diff */

/* Number of equal tokens in a longest common subsequence of x[0..n) and
** y[0..m), by Myers' greedy algorithm.  Gives up (returns -1) past dmax
** edits; v is scratch of 2*dmax+3 ints. */
static long lcs_length(const uint32_t *x, long n, const uint32_t *y, long m,
                       long dmax, long *v) {
  long d, k, off = dmax + 1;
  v[off + 1] = 0;
  for (d = 0; d <= dmax; d++) {
    for (k = -d; k <= d; k += 2) {
      long xi, yi;
      if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
        xi = v[off + k + 1];
      else
        xi = v[off + k - 1] + 1;
      yi = xi - k;
      while (xi < n && yi < m && x[xi] == y[yi]) {
        xi++;
        yi++;
      }
      v[off + k] = xi;
      if (xi >= n && yi >= m) return (n + m - d) / 2;
    }
  }
  return -1;
}

/* ------------------------------------------------------------ chains */

typedef struct chain {
  uint32_t fa, fb;   /* first seed */
  uint32_t la, lb;   /* last seed */
  uint32_t nseeds;
  uint32_t covered;  /* words of a inside the chain's seeds */
} chain;

typedef struct cand {
  uint32_t a0, a1, b0, b1; /* token ranges, end exclusive */
  uint32_t matched;
  double sim;
} cand;

typedef struct scratch {
  chain *chains;
  size_t nchains, capchains;
  size_t *open;       /* indexes of the chains still open */
  size_t capopen;
  cand *cands;
  size_t ncands, capcands;
  long *v;
  size_t capv;
  uint32_t *seedch;   /* per seed, its chain (split_gaps) */
  size_t capseedch;
  unsigned char *cova, *covb; /* words under a kept chain's seeds */
  size_t capcova, capcovb;
  hs_seed *seeds, *seeds_tmp;
  size_t capseeds, capseeds_tmp;
  hs_passage *out;
  size_t nout, capout;
  uint64_t *near;     /* pairs seeded but not aligned: a << 32 | b */
  size_t nnear, capnear;
  /* out of core: tables read from disk, the pair join, an I/O error */
  hs_docbuf bufa, bufb;
  hs_joiner jn;
  hs_error err;
} scratch;

static void scratch_free(scratch *sc) {
  free(sc->chains);
  free(sc->open);
  free(sc->cands);
  free(sc->v);
  free(sc->seedch);
  free(sc->cova);
  free(sc->covb);
  free(sc->seeds);
  free(sc->seeds_tmp);
  free(sc->out);
  free(sc->near);
  hs_docbuf_free(&sc->bufa);
  hs_docbuf_free(&sc->bufb);
  hs_joiner_free(&sc->jn);
}

typedef struct align_job {
  const hs_reuse_opts *o;
  const hs_cindex *ci;    /* in memory... */
  const hs_xpairs *xp;    /* ...or out of core */
  const hs_docset *ds;
  int want_near;      /* collect the pairs seeded but not aligned */
  scratch *sc;        /* per thread */
  size_t done;        /* documents aligned (atomic) */
} align_job;

static int cand_cmp(const void *x, const void *y) {
  const cand *a = x, *b = y;
  if (a->matched != b->matched) return a->matched > b->matched ? -1 : 1;
  return (a->a0 > b->a0) - (a->a0 < b->a0);
}

static uint32_t overlap(uint32_t s0, uint32_t e0, uint32_t s1, uint32_t e1) {
  uint32_t s = s0 > s1 ? s0 : s1, e = e0 < e1 ? e0 : e1;
  return e > s ? e - s : 0;
}

/* Widen a match [a0, a1) x [b0, b1) outwards by equal words, stepping
** over up to `edits` small edits (a changed, inserted or deleted word, or
** two) when at least two equal words follow them: seeds cannot start within
** ngram words of an edit, so without this a passage whose copies differ
** in their fifth word would lose its first four.  Bounds keep each side
** inside [lo, hi). */
typedef struct bounds {
  uint32_t alo, ahi, blo, bhi;
} bounds;

static const int edit_steps[][2] = {{1, 1}, {0, 1}, {1, 0}, {2, 2},
                                    {2, 1}, {1, 2}, {0, 2}, {2, 0}};
#define NSTEPS (sizeof edit_steps / sizeof edit_steps[0])

static void widen_left(const hs_doctab *A, const hs_doctab *B, uint32_t *pa,
                       uint32_t *pb, const bounds *bd, int edits) {
  uint32_t a = *pa, b = *pb;
  for (;;) {
    size_t k;
    if (a > bd->alo && b > bd->blo && A->hash[a - 1] == B->hash[b - 1] &&
        A->hash[a - 1]) {
      a--, b--;
      continue;
    }
    if (edits-- <= 0) break;
    for (k = 0; k < NSTEPS; k++) {
      uint32_t da = (uint32_t)edit_steps[k][0], db = (uint32_t)edit_steps[k][1];
      if (a < bd->alo + da + 2 || b < bd->blo + db + 2) continue;
      if (A->hash[a - da - 1] == B->hash[b - db - 1] &&
          A->hash[a - da - 2] == B->hash[b - db - 2] &&
          A->hash[a - da - 1] && A->hash[a - da - 2]) {
        a -= da + 2, b -= db + 2;
        break;
      }
    }
    if (k == NSTEPS) break;
  }
  *pa = a;
  *pb = b;
}

static void widen_right(const hs_doctab *A, const hs_doctab *B, uint32_t *pa,
                        uint32_t *pb, const bounds *bd, int edits) {
  uint32_t a = *pa, b = *pb;
  for (;;) {
    size_t k;
    if (a < bd->ahi && b < bd->bhi && A->hash[a] == B->hash[b] &&
        A->hash[a]) {
      a++, b++;
      continue;
    }
    if (edits-- <= 0) break;
    for (k = 0; k < NSTEPS; k++) {
      uint32_t da = (uint32_t)edit_steps[k][0], db = (uint32_t)edit_steps[k][1];
      if (a + da + 2 > bd->ahi || b + db + 2 > bd->bhi) continue;
      if (A->hash[a + da] == B->hash[b + db] &&
          A->hash[a + da + 1] == B->hash[b + db + 1] &&
          A->hash[a + da] && A->hash[a + da + 1]) {
        a += da + 2, b += db + 2;
        break;
      }
    }
    if (k == NSTEPS) break;
  }
  *pa = a;
  *pb = b;
}

/* Turn one chain into a scored candidate; returns 0 if it is dropped. */
static int score_chain(const hs_reuse_opts *o, scratch *sc, const hs_doctab *A,
                       const hs_doctab *B, int same_doc, const chain *ch,
                       cand *out) {
  uint32_t a0 = ch->fa, b0 = ch->fb;
  uint32_t a1 = ch->la + (uint32_t)o->ngram, b1 = ch->lb + (uint32_t)o->ngram;
  long na, nb, dmax, lcs;
  bounds bd;
  /* Length is judged on the words the seeds cover, not on the span they
  ** bound or on what widening adds: a phrase repeated twice in each
  ** document would otherwise span a "passage" of unrelated words between
  ** its copies, and one shared word after a capped stock paragraph would
  ** make a seed that widening stretches over the whole paragraph. */
  if (ch->covered < (uint32_t)o->min_words) return 0;
  bd.alo = 0;
  bd.blo = same_doc ? a1 : 0;
  widen_left(A, B, &a0, &b0, &bd, 2);
  bd.ahi = same_doc ? b0 : A->n;
  bd.bhi = B->n;
  widen_right(A, B, &a1, &b1, &bd, 2);
  if (same_doc && a1 > b0) return 0; /* a repeat overlapping itself */
  na = (long)(a1 - a0);
  nb = (long)(b1 - b0);
  if (na < o->min_words || nb < o->min_words) return 0;
  dmax = na + nb;
  if (dmax > 4000) dmax = 4000;
  if ((size_t)(2 * dmax + 3) > sc->capv) {
    sc->capv = (size_t)(2 * dmax + 3);
    sc->v = hs_reallocarray(sc->v, sc->capv, sizeof *sc->v);
  }
  lcs = lcs_length(A->hash + a0, na, B->hash + b0, nb, dmax, sc->v);
  if (lcs < 0) { /* too different to diff cheaply: estimate from seeds */
    lcs = (long)ch->nseeds;
    if (lcs > na) lcs = na;
    if (lcs > nb) lcs = nb;
  }
  out->a0 = a0;
  out->a1 = a1;
  out->b0 = b0;
  out->b1 = b1;
  out->matched = (uint32_t)lcs;
  out->sim = 2.0 * (double)lcs / (double)(na + nb);
  if (lcs < o->min_words || out->sim < o->min_similarity) return 0;
  return 1;
}

/* Whether any of the words [from, to) is marked in cov. */
static int any_marked(const unsigned char *cov, uint32_t from, uint32_t to) {
  for (; from < to; from++)
    if (cov[from]) return 1;
  return 0;
}

/* Gaps never swallow moved text: a chain is cut where the words it bridges
** (between two of its seeds, on either side) lie under the seeds of
** another chain long enough to be reported.  Otherwise a sentence moved
** elsewhere in b would sit inside the gap of its neighbours' passage, and
** that passage would cover it and drop it.  Cross pairs only; the pieces
** are chains of their own, scored like any other.  Nothing is done for a
** pair with fewer than two such chains (most pairs). */
static void split_gaps(const hs_reuse_opts *o, scratch *sc,
                       const hs_doctab *A, const hs_doctab *B,
                       const hs_seed *s, size_t ns) {
  uint32_t ng = (uint32_t)o->ngram, j;
  size_t i, c, nlong = 0, nold = sc->nchains;
  for (c = 0; c < nold; c++)
    if (sc->chains[c].covered >= (uint32_t)o->min_words) nlong++;
  if (nlong < 2) return;
  HS_GROW(sc->cova, sc->capcova, A->n + 1);
  HS_GROW(sc->covb, sc->capcovb, B->n + 1);
  memset(sc->cova, 0, A->n);
  memset(sc->covb, 0, B->n);
  for (i = 0; i < ns; i++) {
    if (sc->chains[sc->seedch[i]].covered < (uint32_t)o->min_words) continue;
    for (j = 0; j < ng; j++) {
      if (s[i].posa + j < A->n) sc->cova[s[i].posa + j] = 1;
      if (s[i].posb + j < B->n) sc->covb[s[i].posb + j] = 1;
    }
  }
  /* Rebuild the chains from their seeds, in order: chain c's current piece
  ** is open[c] (the open list is free by now); pieces go after the old
  ** chains, then replace them. */
  HS_GROW(sc->open, sc->capopen, nold);
  for (c = 0; c < nold; c++) sc->open[c] = SIZE_MAX;
  for (i = 0; i < ns; i++) {
    uint32_t pa = s[i].posa, pb = s[i].posb;
    size_t oc = sc->seedch[i], pc = sc->open[oc];
    chain *ch;
    if (pc != SIZE_MAX) {
      ch = &sc->chains[pc];
      if (!any_marked(sc->cova, ch->la + ng < pa ? ch->la + ng : pa, pa) &&
          !any_marked(sc->covb, ch->lb + ng < pb ? ch->lb + ng : pb, pb)) {
        uint32_t step = pa - ch->la;
        ch->covered += step < ng ? step : ng;
        ch->la = pa;
        ch->lb = pb;
        ch->nseeds++;
        continue;
      }
    }
    HS_GROW(sc->chains, sc->capchains, sc->nchains + 1);
    ch = &sc->chains[sc->nchains];
    ch->fa = ch->la = pa;
    ch->fb = ch->lb = pb;
    ch->nseeds = 1;
    ch->covered = ng;
    sc->open[oc] = sc->nchains++;
  }
  memmove(sc->chains, sc->chains + nold,
          (sc->nchains - nold) * sizeof *sc->chains);
  sc->nchains -= nold;
}

/* A pair that shares n-grams at this many places of a (not overlapping)
** but gives no passage is kept for the summary pass (summary.c): a
** summary keeps a few phrases of its source word for word, too few and
** too far apart to chain. */
#define NEAR_SEEDS 3

static void near_pair(const hs_reuse_opts *o, scratch *sc, const hs_seed *s,
                      size_t ns) {
  size_t i, d = 1;
  uint32_t last = s[0].posa;
  for (i = 1; i < ns && d < NEAR_SEEDS; i++)
    if (s[i].posa >= last + (uint32_t)o->ngram) d++, last = s[i].posa;
  if (d < NEAR_SEEDS) return;
  HS_GROW(sc->near, sc->capnear, sc->nnear + 1);
  sc->near[sc->nnear++] = (uint64_t)s[0].a << 32 | s[0].b;
}

static void align_pair(const hs_reuse_opts *o, scratch *sc,
                       const hs_doctab *A, const hs_doctab *B,
                       const hs_seed *s, size_t ns, int want_near) {
  int same_doc = s[0].a == s[0].b;
  size_t nout0 = sc->nout;
  uint32_t gap = (uint32_t)o->max_gap + 1;
  size_t i, c, k, nopen = 0;
  sc->nchains = 0;
  sc->ncands = 0;
  for (i = 0; i < ns; i++) {
    uint32_t pa = s[i].posa, pb = s[i].posb;
    size_t best = SIZE_MAX;
    long best_cost = 0;
    /* Close the open chains left behind (keeping the open list compact),
    ** and look among the others for one to extend. */
    for (k = 0; k < nopen;) {
      chain *ch = &sc->chains[sc->open[k]];
      long da, db, cost;
      if (pa - ch->la > gap) {
        sc->open[k] = sc->open[--nopen];
        continue;
      }
      k++;
      if (pa <= ch->la || pb <= ch->lb || pb - ch->lb > gap) continue;
      da = (long)(pa - ch->la);
      db = (long)(pb - ch->lb);
      cost = (da > db ? da - db : db - da) * 2 + (da < db ? da : db);
      if (best == SIZE_MAX || cost < best_cost ||
          (cost == best_cost && sc->open[k - 1] < best)) {
        best = sc->open[k - 1];
        best_cost = cost;
      }
    }
    HS_GROW(sc->seedch, sc->capseedch, i + 1);
    if (best != SIZE_MAX) {
      chain *ch = &sc->chains[best];
      uint32_t step = pa - ch->la;
      sc->seedch[i] = (uint32_t)best;
      ch->covered += step < (uint32_t)o->ngram ? step : (uint32_t)o->ngram;
      ch->la = pa;
      ch->lb = pb;
      ch->nseeds++;
    } else {
      chain *ch;
      if (nopen >= 256) { /* pathological repetition: cap the work */
        size_t oldest = 0;
        for (k = 1; k < nopen; k++)
          if (sc->open[k] < sc->open[oldest]) oldest = k;
        sc->open[oldest] = sc->open[--nopen];
      }
      HS_GROW(sc->chains, sc->capchains, sc->nchains + 1);
      HS_GROW(sc->open, sc->capopen, nopen + 1);
      ch = &sc->chains[sc->nchains];
      ch->fa = ch->la = pa;
      ch->fb = ch->lb = pb;
      ch->nseeds = 1;
      ch->covered = (uint32_t)o->ngram;
      sc->seedch[i] = (uint32_t)sc->nchains;
      sc->open[nopen++] = sc->nchains++;
    }
  }
  if (!same_doc) split_gaps(o, sc, A, B, s, ns);
  for (c = 0; c < sc->nchains; c++) {
    cand cd;
    if (score_chain(o, sc, A, B, same_doc, &sc->chains[c], &cd)) {
      HS_GROW(sc->cands, sc->capcands, sc->ncands + 1);
      sc->cands[sc->ncands++] = cd;
    }
  }
  if (sc->ncands > 1)
    qsort(sc->cands, sc->ncands, sizeof *sc->cands, cand_cmp);
  /* Keep the best; drop candidates mostly inside a kept one. */
  for (c = 0; c < sc->ncands; c++) {
    const cand *cd = &sc->cands[c];
    int covered = 0;
    hs_passage *p;
    for (k = 0; k < c && !covered; k++) {
      const cand *kd = &sc->cands[k];
      if (kd->matched == 0) continue; /* dropped */
      if (2 * overlap(cd->a0, cd->a1, kd->a0, kd->a1) >= cd->a1 - cd->a0 ||
          2 * overlap(cd->b0, cd->b1, kd->b0, kd->b1) >= cd->b1 - cd->b0)
        covered = 1;
    }
    if (covered) {
      sc->cands[c].matched = 0;
      continue;
    }
    HS_GROW(sc->out, sc->capout, sc->nout + 1);
    p = &sc->out[sc->nout++];
    memset(p, 0, sizeof *p);
    p->a.doc = s[0].a;
    p->a.start = A->start[cd->a0];
    p->a.end = A->start[cd->a1 - 1] + A->len[cd->a1 - 1];
    p->a.words = cd->a1 - cd->a0;
    p->b.doc = s[0].b;
    p->b.start = B->start[cd->b0];
    p->b.end = B->start[cd->b1 - 1] + B->len[cd->b1 - 1];
    p->b.words = cd->b1 - cd->b0;
    p->words = cd->matched;
    p->similarity = cd->sim;
    p->internal = same_doc;
  }
  if (want_near && !same_doc && sc->nout == nout0) near_pair(o, sc, s, ns);
}

/* Progress and cancellation, from the first thread only, so that the
** caller's callback never runs concurrently. */
static int align_progress(align_job *j, int thread, size_t ndone) {
  size_t done = __atomic_add_fetch(&j->done, ndone, __ATOMIC_RELAXED);
  const hs_reuse_opts *o = j->o;
  if (thread == 0 && o->progress &&
      o->progress(o->progress_ud, "align", done, j->ds->ndocs))
    return HS_EINTR;
  return 0;
}

/* Align document a with every partner b >= a, one pair at a time. */
static int align_range(void *ud, int thread, size_t begin, size_t end) {
  align_job *j = ud;
  scratch *sc = &j->sc[thread];
  size_t a;
  for (a = begin; a < end; a++) {
    size_t n = hs_cindex_seeds(j->ci, (uint32_t)a, &sc->seeds,
                               &sc->capseeds, &sc->seeds_tmp,
                               &sc->capseeds_tmp);
    size_t s0 = 0, s1;
    for (s0 = 0; s0 < n; s0 = s1) {
      s1 = s0 + 1;
      while (s1 < n && sc->seeds[s1].b == sc->seeds[s0].b) s1++;
      align_pair(j->o, sc, &j->ds->docs[a], &j->ds->docs[sc->seeds[s0].b],
                 sc->seeds + s0, s1 - s0, j->want_near);
    }
  }
  return align_progress(j, thread, end - begin);
}

/* The same from partner lists, each pair's seeds found by a hash join of
** the two documents' shingles, tables read from disk when spilled. */
static int align_range_extern(void *ud, int thread, size_t begin,
                              size_t end) {
  align_job *j = ud;
  scratch *sc = &j->sc[thread];
  const hs_reuse_opts *o = j->o;
  size_t a;
  uint64_t k;
  for (a = begin; a < end; a++) {
    hs_doctab A, B;
    if (j->xp->start[a] == j->xp->start[a + 1]) continue;
    if (hs_docset_get(j->ds, a, &A, &sc->bufa, &sc->err)) return HS_EIO;
    hs_joiner_load(&sc->jn, &A, (uint32_t)a, o->ngram, &j->xp->capped);
    for (k = j->xp->start[a]; k < j->xp->start[a + 1]; k++) {
      uint32_t b = j->xp->partner[k];
      size_t n;
      if (b == a) B = A;
      else if (hs_docset_get(j->ds, b, &B, &sc->bufb, &sc->err))
        return HS_EIO;
      n = hs_joiner_seeds(&sc->jn, &B, b, o->internal, &sc->seeds,
                          &sc->capseeds, &sc->seeds_tmp, &sc->capseeds_tmp);
      if (n) align_pair(o, sc, &A, &B, sc->seeds, n, j->want_near);
    }
  }
  return align_progress(j, thread, end - begin);
}
int hs_align_run(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                 const hs_cindex *ci, const hs_xpairs *xp, hs_passage **out,
                 size_t *n, uint64_t **near, size_t *nnear, hs_error *err) {
  align_job j;
  size_t total = 0, tnear = 0;
  int rc, t, io_error = 0;
  *out = NULL;
  *n = 0;
  if (near) *near = NULL, *nnear = 0;
  memset(&j, 0, sizeof j);
  j.want_near = near != NULL;
  j.o = o;
  j.ci = ci;
  j.xp = xp;
  j.ds = ds;
  if (nthreads < 1) nthreads = 1;
  j.sc = hs_calloc((size_t)nthreads, sizeof *j.sc);
  rc = hs_parallel_for(nthreads, ds->ndocs, 16,
                       ci ? align_range : align_range_extern, &j);
  /* the first thread reports progress, but another may finish the last
  ** range: the whole stage is reported done here, once every thread is */
  if (!rc && o->progress &&
      o->progress(o->progress_ud, "align", ds->ndocs, ds->ndocs))
    rc = HS_EINTR;
  if (!rc) { /* the first thread's passages grown where they lie, the
    ** others' copied after them */
    for (t = 0; t < nthreads; t++) total += j.sc[t].nout;
    *out = hs_reallocarray(j.sc[0].out, total ? total : 1, sizeof **out);
    j.sc[0].out = NULL;
    *n = j.sc[0].nout;
    for (t = 0; t < nthreads; t++) tnear += j.sc[t].nnear;
    if (near) *near = hs_reallocarray(NULL, tnear + 1, sizeof **near);
  }
  for (t = 0; t < nthreads; t++) {
    if (!rc && t > 0 && j.sc[t].nout)
      memcpy(*out + *n, j.sc[t].out, j.sc[t].nout * sizeof **out);
    if (!rc && t > 0) *n += j.sc[t].nout;
    if (!rc && near && j.sc[t].nnear) {
      memcpy(*near + *nnear, j.sc[t].near, j.sc[t].nnear * sizeof **near);
      *nnear += j.sc[t].nnear;
    }
    if (rc && j.sc[t].err.code && !io_error) {
      *err = j.sc[t].err;
      io_error = j.sc[t].err.code;
    }
    scratch_free(&j.sc[t]);
  }
  free(j.sc);
  if (rc) {
    free(*out);
    *out = NULL;
    *n = 0;
    if (near) {
      free(*near);
      *near = NULL;
      *nnear = 0;
    }
    return io_error ? io_error : hs_error_set(err, HS_EINTR, "interrupted");
  }
  hs_cluster_passage_sort_threads(*out, *n, nthreads);
  return HS_OK;
}
