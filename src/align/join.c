/*
** join.c — the last step of the sentence stage: the pieces of one
** rewritten passage become one record.
**
** A paraphrased passage comes out of the two stages in pieces: n-gram
** passages where a phrase or two survived, sentence passages where whole
** sentences were reworded, with stretches between them that neither
** matched on its own, and its parts often shuffled.
**
** First each passage grows at its ends by whole sentences: the sentence
** (or the part of one) just before it on both sides, or just after it, is
** taken in when the two are still about the same thing (tf·idf cosine and
** a shared content word; a higher cosine, EDGE_NV_COS, next to a
** near-verbatim copy), up to EDGE_MAX sentences an end; where one side's
** sentence is EDGE_SPLIT times shorter than the other's and the two fail,
** it is tried with the next one on its side (a sentence made two when
** reworded, PAN 2013's random and translation rewording), which costs a
** second bag only on those few steps.  A reworded copy's first and last
** sentences, and those between two of its pieces, often share too little
** to be matched alone, but next to a passage that is enough
** (Sanchez-Perez, Sidorov and Gelbukh extend their passages the same
** way).  A sentence or two that random rewording left intact is a
** near-verbatim piece of a reworded copy, whose neighbours are its
** reworded sentences; next to a copy in news, the words an edit changed at
** its ends.  A passage never grows over another passage of the pair, and a
** weak one (below EDGE_BASE: two pages' mastheads and bylines matched line
** by line) does not grow at all: it is no evidence that the text next to
** it was copied.
**
** Then two passages of the same pair of documents are joined when they
** lie near each other on both sides: the gap between them is short on both
** sides, or a little longer but still about the same thing (the tf·idf
** cosine of the two gaps' words passes a threshold), or next to each other
** on one side and apart on the other (a summary's sentences over a longer
** source).  Pieces in another order on the two sides are not joined when
** both are near-verbatim copies (two paragraphs copied word for word and
** swapped stay two passages, as a moved sentence does), and when one is,
** only within JOIN_FAR words on both sides (random rewording shuffles
** phrases, leaving some of them intact).  Joining is
** transitive (union-find), and a group is not joined when a passage
** outside it lies inside its span on either side, so a record never
** swallows text that was copied elsewhere.  Pairs are independent, so
** they are shared among threads (each pair's passages written by one).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/sentence.h"
#include "util/parallel.h"
#include "util/sort.h"
#include "util/util.h"

#define JOIN_NEAR 12   /* words: a gap this short is always bridged */
#define JOIN_FAR 80    /* words: a gap up to this long if its sides match */
#define JOIN_COS 0.25  /* cosine of the two sides of such a gap */
#define JOIN_SUMMARY 400 /* words apart on one side, if near on the other */
#define JOIN_VERBATIM 0.9 /* pieces this similar are joined in order only,
                          ** and grow at their ends by EDGE_NV_COS */
#define EDGE_MAX 3     /* sentences a passage grows by at each end... */
#define EDGE_BASE 0.6  /* ...if it is this similar itself */
#define EDGE_COS 0.25  /* cosine of the two sentences it grows by... */
#define EDGE_NV_COS 0.5 /* ...(next to a near-verbatim passage)... */
#define EDGE_SHARED 1  /* ...and the content terms they share */
#define EDGE_WORDS 80  /* tokens of such a sentence, at most */
#define EDGE_SPLIT 2   /* ...or, beside one this many times longer, it and
                       ** the next one */

typedef struct jitem {
  uint64_t key;  /* a.doc << 32 | b.doc */
  uint32_t start;
  size_t i;
} jitem;

static int jitem_cmp(const void *x, const void *y) {
  const jitem *a = x, *b = y;
  if (a->key != b->key) return a->key < b->key ? -1 : 1;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  return (a->i > b->i) - (a->i < b->i);
}

/* Radix keys agreeing with jitem_cmp: the pair, then the start. */
static uint64_t jitem_key(const void *x, int round, const void *ctx) {
  const jitem *a = x;
  (void)ctx;
  return round == 0 ? a->key : a->start;
}

/* The terms of tokens [t0, t1) of T, sorted, into *v (the second half
** of which is scratch); their number. */
static size_t bag(const hs_doctab *T, uint32_t t0, uint32_t t1, uint32_t **v,
                  size_t *cap) {
  size_t m = 0, n = (size_t)(t1 - t0) + 1;
  uint32_t t;
  HS_GROW(*v, *cap, 2 * n);
  for (t = t0; t < t1; t++)
    if (T->hash[t]) (*v)[m++] = T->hash[t];
  hs_sort_u32(*v, m, *v + n);
  return m;
}

/* The tf·idf cosine of two sorted bags of terms; *shared (if not NULL):
** the content terms (not stopwords) in both. */
static double bag_cos(const hs_sent_idf *w, const uint32_t *x, size_t nx,
                      const uint32_t *y, size_t ny, uint32_t *shared) {
  size_t i = 0, k = 0;
  double dot = 0, n1 = 0, n2 = 0;
  if (shared) *shared = 0;
  while (i < nx || k < ny) {
    uint32_t t;
    double tx = 0, ty = 0, f;
    if (k >= ny || (i < nx && x[i] <= y[k])) t = x[i];
    else t = y[k];
    while (i < nx && x[i] == t) i++, tx++;
    while (k < ny && y[k] == t) k++, ty++;
    f = hs_sent_idf_of(w, t);
    if (shared && tx > 0 && ty > 0 && f >= w->stop) (*shared)++;
    dot += tx * ty * f * f;
    n1 += tx * tx * f * f;
    n2 += ty * ty * f * f;
  }
  return n1 > 0 && n2 > 0 ? dot / sqrt(n1 * n2) : 0;
}

/* Union-find over the passages of one pair. */
static size_t root(size_t *up, size_t x) {
  while (up[x] != x) x = up[x] = up[up[x]];
  return x;
}

static uint32_t dist(uint32_t s0, uint32_t e0, uint32_t s1, uint32_t e1) {
  return s1 >= e0 ? s1 - e0 : s0 >= e1 ? s0 - e1 : 0;
}

/* The sentence of S (nsent > 0) holding token t. */
static uint32_t sent_of(const hs_senttab *S, uint32_t t) {
  uint32_t lo = 0, hi = S->nsent;
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (S->sent[mid] <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}

/* Whether tokens [a0, a1) of A or [b0, b1) of B overlap a passage of the
** pair other than k (or one joined into another). */
static int clashes(const uint32_t *tk, const uint8_t *dead, size_t g,
                   size_t k, uint32_t a0, uint32_t a1, uint32_t b0,
                   uint32_t b1) {
  size_t c;
  for (c = 0; c < g; c++)
    if (c != k && !dead[c] &&
        ((tk[4 * c] < a1 && tk[4 * c + 1] > a0) ||
         (tk[4 * c + 2] < b1 && tk[4 * c + 3] > b0)))
      return 1;
  return 0;
}

/* The sentence of S next to the span [*s0, *s1) (before it, end 0, or
** after it) added to it; 0 if there is none or it is too long. */
static int widen(const hs_senttab *S, uint32_t n, int end, uint32_t *s0,
                 uint32_t *s1) {
  if (end == 0) {
    uint32_t t;
    if (!*s0) return 0;
    t = S->sent[sent_of(S, *s0 - 1)];
    if (*s0 - t > EDGE_WORDS) return 0;
    *s0 = t;
  } else {
    uint32_t t;
    if (*s1 >= n) return 0;
    t = S->sent[sent_of(S, *s1) + 1];
    if (t - *s1 > EDGE_WORDS) return 0;
    *s1 = t;
  }
  return 1;
}

/* Whether tokens [a0, a1) of A and [b0, b1) of B may share a content
** term (one weighing at least the stopwords' idf): a sentence pair that
** shares none fails every growth test, and most sentences next to a
** copy share none with the other side's, so their bags are not sorted.
** A's content terms set bits of a 512-bit filter that B's probe; a hit
** may be a collision, which the bags then settle. */
static int may_share(const hs_sent_idf *w, const hs_doctab *A, uint32_t a0,
                     uint32_t a1, const hs_doctab *B, uint32_t b0,
                     uint32_t b1) {
  uint64_t f[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  uint32_t t, any = 0;
  for (t = a0; t < a1; t++) {
    uint32_t h = A->hash[t];
    if (!h || hs_sent_idf_of(w, h) < w->stop) continue;
    f[h >> 6 & 7] |= (uint64_t)1 << (h & 63);
    any = 1;
  }
  if (any)
    for (t = b0; t < b1; t++) {
      uint32_t h = B->hash[t];
      if (h && f[h >> 6 & 7] >> (h & 63) & 1 && hs_sent_idf_of(w, h) >= w->stop)
        return 1;
    }
  return 0;
}

/* Grow passage k of a pair's g passages (tokens [tk[4k], tk[4k+1]) of A,
** [tk[4k+2], tk[4k+3]) of B; dead[c]: passage c was joined into another)
** by the sentences next to it; 1 if it grew. */
static int grow(const hs_sent_idf *w, const hs_doctab *A, const hs_doctab *B,
                const hs_senttab *SA, const hs_senttab *SB, uint32_t *tk,
                const uint8_t *dead, size_t g, size_t k, double th,
                uint32_t **va, size_t *capa, uint32_t **vb, size_t *capb) {
  uint32_t *e = tk + 4 * k;
  int grown = 0, end, step;
  if (!SA->nsent || !SB->nsent || SA->sent[SA->nsent] != A->n ||
      SB->sent[SB->nsent] != B->n)
    return 0;
  for (end = 0; end < 2; end++)
    for (step = 0; step < EDGE_MAX; step++) {
      uint32_t a0, a1, b0, b1, shared, la, lb;
      size_t na, nb;
      if (end == 0) { /* before: the sentence holding the token before */
        if (!e[0] || !e[2]) break;
        a1 = e[0], a0 = SA->sent[sent_of(SA, a1 - 1)];
        b1 = e[2], b0 = SB->sent[sent_of(SB, b1 - 1)];
      } else {
        if (e[1] >= A->n || e[3] >= B->n) break;
        a0 = e[1], a1 = SA->sent[sent_of(SA, a0) + 1];
        b0 = e[3], b1 = SB->sent[sent_of(SB, b0) + 1];
      }
      la = a1 - a0, lb = b1 - b0;
      if (la > EDGE_WORDS || lb > EDGE_WORDS) break;
      if (clashes(tk, dead, g, k, a0, a1, b0, b1)) break;
      na = nb = SIZE_MAX; /* not made */
      if (may_share(w, A, a0, a1, B, b0, b1)) {
        na = bag(A, a0, a1, va, capa);
        nb = bag(B, b0, b1, vb, capb);
      }
      if (na == SIZE_MAX || bag_cos(w, *va, na, *vb, nb, &shared) < th ||
          shared < EDGE_SHARED) {
        /* a sentence made two when reworded: where one side's sentence
        ** is much shorter than the other's, it with the next one */
        double cs = 0;
        if (la * EDGE_SPLIT <= lb && widen(SA, A->n, end, &a0, &a1) &&
            !clashes(tk, dead, g, k, a0, a1, b0, b1)) {
          if (may_share(w, A, a0, a1, B, b0, b1)) {
            na = bag(A, a0, a1, va, capa);
            if (nb == SIZE_MAX) nb = bag(B, b0, b1, vb, capb);
            cs = bag_cos(w, *va, na, *vb, nb, &shared);
          }
        } else if (lb * EDGE_SPLIT <= la &&
                   widen(SB, B->n, end, &b0, &b1) &&
                   !clashes(tk, dead, g, k, a0, a1, b0, b1)) {
          if (may_share(w, A, a0, a1, B, b0, b1)) {
            nb = bag(B, b0, b1, vb, capb);
            if (na == SIZE_MAX) na = bag(A, a0, a1, va, capa);
            cs = bag_cos(w, *va, na, *vb, nb, &shared);
          }
        }
        if (cs < th || shared < EDGE_SHARED) break;
      }
      if (end == 0) e[0] = a0, e[2] = b0;
      else e[1] = a1, e[3] = b1;
      grown = 1;
    }
  return grown;
}

/* Set passage q's bounds to tokens [a0, a1) of A and [b0, b1) of B. */
static void set_bounds(hs_passage *q, const hs_doctab *A, const hs_doctab *B,
                       uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1) {
  q->a.start = A->start[a0];
  q->a.end = A->start[a1 - 1] + A->len[a1 - 1];
  q->a.words = a1 - a0;
  q->b.start = B->start[b0];
  q->b.end = B->start[b1 - 1] + B->len[b1 - 1];
  q->b.words = b1 - b0;
}

/* The token bounds of the g passages of one pair (it) into tk. */
static void pair_tokens(const hs_doctab *A, const hs_doctab *B,
                        const hs_passage *p, const jitem *it, size_t g,
                        uint32_t *tk) {
  size_t i;
  for (i = 0; i < g; i++) {
    const hs_passage *q = &p[it[i].i];
    tk[4 * i] = hs_doctab_token_at(A, q->a.start);
    tk[4 * i + 1] = hs_doctab_token_end(A, tk[4 * i], q->a.words, q->a.end);
    tk[4 * i + 2] = hs_doctab_token_at(B, q->b.start);
    tk[4 * i + 3] = hs_doctab_token_end(B, tk[4 * i + 2], q->b.words,
                                        q->b.end);
  }
}

typedef struct jscratch {
  uint32_t *va, *vb, *tk;
  size_t capa, capb, captk, *up, capup, capdead;
  uint8_t *dead;
  hs_docbuf bufa, bufb;
  hs_error err;
} jscratch;

typedef struct jjob {
  const hs_docset *ds;
  const hs_senttab *st;
  const hs_sent_idf *w;
  hs_passage *p;
  jitem *it;
  const size_t *gstart; /* the pairs' groups of it: [gstart[g], gstart[g+1]) */
  uint8_t *gone;
  jscratch *sc;
} jjob;

/* The passages it[x..y) of one pair: grown, then joined. */
static int join_pair(const jjob *j, jscratch *sc, size_t x, size_t y) {
  const hs_docset *ds = j->ds;
  const hs_senttab *st = j->st;
  const hs_sent_idf *w = j->w;
  hs_passage *p = j->p;
  jitem *it = j->it;
  uint8_t *gone = j->gone;
  size_t i, k;
  hs_doctab A, B;
  size_t g, *up;
  uint32_t *tk;
  uint8_t *dead;
  if (y - x < 2 && !st) return 0;
  if (hs_docset_get(ds, p[it[x].i].a.doc, &A, &sc->bufa, &sc->err) ||
      hs_docset_get(ds, p[it[x].i].b.doc, &B, &sc->bufb, &sc->err))
    return HS_EIO;
  g = y - x;
  HS_GROW(sc->tk, sc->captk, 4 * g);
  HS_GROW(sc->up, sc->capup, g);
  HS_GROW(sc->dead, sc->capdead, g);
  tk = sc->tk, up = sc->up, dead = sc->dead;
  pair_tokens(&A, &B, p, it + x, g, tk);
  if (st) {
    /* first the passages grow at their ends (pieces of one copy grow
    ** towards each other), then they are joined */
    int grown = 0;
    memset(dead, 0, g);
    for (i = 0; i < g; i++) {
      hs_passage *q = &p[it[x + i].i];
      double th = q->similarity >= JOIN_VERBATIM ? EDGE_NV_COS : EDGE_COS;
      if (q->similarity < EDGE_BASE ||
          !grow(w, &A, &B, &st[q->a.doc], &st[q->b.doc], tk, dead, g, i, th,
                &sc->va, &sc->capa, &sc->vb, &sc->capb))
        continue;
      set_bounds(q, &A, &B, tk[4 * i], tk[4 * i + 1], tk[4 * i + 2],
                 tk[4 * i + 3]);
      it[x + i].start = q->a.start;
      grown = 1;
    }
    if (grown && g > 1) {
      qsort(it + x, g, sizeof *it, jitem_cmp);
      pair_tokens(&A, &B, p, it + x, g, tk);
    }
  }
  for (i = 0; i < g; i++) up[i] = i;
  /* pieces near each other on both sides, in either order */
  for (i = 0; i < g; i++)
    for (k = i + 1; k < g; k++) {
      uint32_t da = dist(tk[4 * i], tk[4 * i + 1], tk[4 * k], tk[4 * k + 1]);
      uint32_t db = dist(tk[4 * i + 2], tk[4 * i + 3], tk[4 * k + 2],
                         tk[4 * k + 3]);
      int summ;
      if (tk[4 * k] >= tk[4 * i + 1] + JOIN_SUMMARY) break; /* sorted by a */
      /* next to each other on one side, apart on the other: the
      ** sentences of a summary matching parts of a longer text */
      summ = (da <= JOIN_NEAR && db <= JOIN_SUMMARY) ||
             (db <= JOIN_NEAR && da <= JOIN_SUMMARY);
      if (!summ && (da > JOIN_FAR || db > JOIN_FAR)) continue;
      /* out of order on side b: a copy whose parts were shuffled when
      ** reworded, not two near-verbatim copies moved apart (those are
      ** passages of their own), nor one moved far */
      if (tk[4 * k + 2] < tk[4 * i + 2]) {
        int nv = (p[it[x + i].i].similarity >= JOIN_VERBATIM) +
                 (p[it[x + k].i].similarity >= JOIN_VERBATIM);
        if (nv == 2 || (nv == 1 && (da > JOIN_FAR || db > JOIN_FAR)))
          continue;
      }
      if (!summ && (da > JOIN_NEAR || db > JOIN_NEAR)) {
        /* a longer gap: the words between must still be about the same */
        uint32_t a0 = tk[4 * i + 1] < tk[4 * k] ? tk[4 * i + 1] : tk[4 * k + 1];
        uint32_t a1 = tk[4 * i + 1] < tk[4 * k] ? tk[4 * k] : tk[4 * i];
        uint32_t b0 = tk[4 * i + 3] <= tk[4 * k + 2] ? tk[4 * i + 3] : tk[4 * k + 3];
        uint32_t b1 = tk[4 * i + 3] <= tk[4 * k + 2] ? tk[4 * k + 2] : tk[4 * i + 2];
        size_t na = a1 > a0 ? bag(&A, a0, a1, &sc->va, &sc->capa) : 0;
        size_t nb = b1 > b0 ? bag(&B, b0, b1, &sc->vb, &sc->capb) : 0;
        if (bag_cos(w, sc->va, na, sc->vb, nb, NULL) < JOIN_COS) continue;
      }
      up[root(up, k)] = root(up, i);
    }
  /* each group of two or more becomes one record, unless a passage
  ** outside it lies inside its span on either side (text moved
  ** elsewhere, which a record must not swallow) */
  for (i = 0; i < g; i++) {
    size_t r = root(up, i), c;
    uint32_t a0, a1, b0, b1;
    int clash = 0, nm = 0, method = 0;
    double sim = 0, len = 0;
    uint32_t words = 0;
    if (r != i) continue;
    a0 = b0 = UINT32_MAX;
    a1 = b1 = 0;
    for (c = 0; c < g; c++) {
      const hs_passage *q = &p[it[x + c].i];
      double l = (double)q->a.words + q->b.words;
      if (root(up, c) != r) continue;
      nm++;
      if (tk[4 * c] < a0) a0 = tk[4 * c];
      if (tk[4 * c + 1] > a1) a1 = tk[4 * c + 1];
      if (tk[4 * c + 2] < b0) b0 = tk[4 * c + 2];
      if (tk[4 * c + 3] > b1) b1 = tk[4 * c + 3];
      sim += q->similarity * l;
      len += l;
      words += q->words;
      if (q->method > method) method = q->method;
    }
    if (nm < 2) continue;
    for (c = 0; c < g && !clash; c++)
      if (root(up, c) != r &&
          ((tk[4 * c] < a1 && tk[4 * c + 1] > a0) ||
           (tk[4 * c + 2] < b1 && tk[4 * c + 3] > b0)))
        clash = 1;
    if (clash) continue;
    {
      hs_passage *q = &p[it[x + i].i];
      set_bounds(q, &A, &B, a0, a1, b0, b1);
      q->words = words;
      q->similarity = len > 0 ? sim / len : q->similarity;
      /* n-gram pieces joined across a gap or out of order: rewritten */
      q->method = method < HS_METHOD_REWRITTEN ? HS_METHOD_REWRITTEN : method;
    }
    for (c = 0; c < g; c++)
      if (c != i && root(up, c) == r) gone[it[x + c].i] = 1;
  }
  return 0;
}

static int join_range(void *ud, int thread, size_t begin, size_t end) {
  jjob *j = ud;
  size_t g;
  int rc;
  for (g = begin; g < end; g++)
    if ((rc = join_pair(j, &j->sc[thread], j->gstart[g], j->gstart[g + 1])))
      return rc;
  return 0;
}

int hs_sent_join(const hs_docset *ds, const hs_senttab *st,
                 const hs_sent_idf *w, int nthreads, hs_passage *p,
                 size_t *n, hs_error *err) {
  jitem *it = hs_malloc((*n + 1) * sizeof *it);
  uint8_t *gone = hs_calloc(*n + 1, 1);
  size_t ni = 0, x, y, i, m, ng = 0, *gstart;
  jjob j;
  int rc = HS_OK, t, copied = 0;
  for (i = 0; i < *n; i++)
    if (!p[i].internal) {
      it[ni].key = (uint64_t)p[i].a.doc << 32 | p[i].b.doc;
      it[ni].start = p[i].a.start;
      it[ni++].i = i;
    }
  hs_sort_keyed_threads(it, ni, sizeof *it, 2, jitem_key, NULL, jitem_cmp,
                        nthreads);
  /* the pairs are independent: each thread takes whole pairs */
  gstart = hs_malloc((ni + 2) * sizeof *gstart);
  for (x = 0; x < ni; x = y) {
    for (y = x + 1; y < ni && it[y].key == it[x].key; y++) {}
    gstart[ng++] = x;
  }
  gstart[ng] = ni;
  if (nthreads < 1) nthreads = 1;
  j.ds = ds;
  j.st = st;
  j.w = w;
  j.p = p;
  j.it = it;
  j.gstart = gstart;
  j.gone = gone;
  j.sc = hs_calloc((size_t)nthreads, sizeof *j.sc);
  rc = hs_parallel_for(nthreads, ng, 64, join_range, &j);
  for (t = 0; t < nthreads; t++) {
    jscratch *sc = &j.sc[t];
    if (rc && sc->err.code && !copied) {
      *err = sc->err;
      copied = 1;
    }
    free(sc->va);
    free(sc->vb);
    free(sc->tk);
    free(sc->up);
    free(sc->dead);
    hs_docbuf_free(&sc->bufa);
    hs_docbuf_free(&sc->bufb);
  }
  for (i = m = 0; i < *n && !rc; i++)
    if (!gone[i]) p[m++] = p[i];
  if (!rc) *n = m;
  free(j.sc);
  free(gstart);
  free(it);
  free(gone);
  return rc;
}
