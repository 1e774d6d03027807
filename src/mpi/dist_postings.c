/*
** dist_postings.c — steps 1-3 of the run spread over MPI ranks (dist.c):
** each rank's postings, filtered by the optional "seen twice" bitsets,
** sent to the rank owning their hash; each owner's scan into document
** pairs, sent to the rank of their first document with the shingles
** above the document-frequency cap.
**
** Kept apart from dist.c, which holds the exchange primitive and the
** sequence of steps, because these steps are the index's half of the run
** (the counterpart of spill.c's partitions); the fetching of partners'
** tables and the return of byte offsets are in dist_fetch.c.
*/
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "align/align.h"
#include "mpi/dist.h"
#include "util/parallel.h"
#include "util/util.h"

#ifdef HS_MPI

#include <mpi.h>

/* ------------------------------------------------------------ postings */

/* The rank holding a shingle hash: hashes cut into equal ranges. */
static int hash_owner(uint64_t h, int size) {
  return (int)(((h >> 32) * (uint64_t)size) >> 32);
}

typedef struct gen_job {
  const hs_docset *ds;
  int ngram, rank, size, filter;
  size_t nowned;
  uint64_t *bits;      /* filter: (once, twice) word pairs, interleaved */
  uint64_t mask;       /* bits - 1 */
  /* per thread */
  hs_docbuf *buf;
  uint64_t **sh;
  size_t *capsh;
  hs_posting ***v;     /* [thread][dest] */
  uint64_t **nv, **capv;
  hs_error *err;
} gen_job;

/* The k-th document this rank owns (document rank + k * size): its
** number in *d and its shingles in g->sh[thread]; returns how many, or
** (size_t)-1 when its table cannot be read (error in g->err[thread]). */
static size_t owned_shingles(gen_job *g, int thread, size_t k, size_t *d) {
  hs_doctab t;
  *d = (size_t)g->rank + k * (size_t)g->size;
  if (hs_docset_get(g->ds, *d, &t, &g->buf[thread], &g->err[thread]))
    return (size_t)-1;
  return hs_doctab_shingles(&t, g->ngram, &g->sh[thread], &g->capsh[thread]);
}

static int gen_mark(void *ud, int thread, size_t begin, size_t end) {
  gen_job *g = ud;
  size_t k, i, d;
  for (k = begin; k < end; k++) {
    size_t ns = owned_shingles(g, thread, k, &d);
    if (ns == (size_t)-1) return g->err[thread].code;
    for (i = 0; i < ns; i++) {
      uint64_t h = g->sh[thread][i], b, bit;
      if (!h) continue;
      b = h & g->mask;
      bit = (uint64_t)1 << (b & 63);
      if (__atomic_fetch_or(&g->bits[2 * (b >> 6)], bit, __ATOMIC_RELAXED) &
          bit)
        __atomic_fetch_or(&g->bits[2 * (b >> 6) + 1], bit, __ATOMIC_RELAXED);
    }
  }
  return 0;
}

static int gen_emit(void *ud, int thread, size_t begin, size_t end) {
  gen_job *g = ud;
  size_t k, i, d;
  for (k = begin; k < end; k++) {
    size_t ns = owned_shingles(g, thread, k, &d);
    if (ns == (size_t)-1) return g->err[thread].code;
    for (i = 0; i < ns; i++) {
      uint64_t h = g->sh[thread][i];
      int r;
      hs_posting *p;
      if (!h) continue;
      if (g->filter) {
        uint64_t b = h & g->mask;
        if (!((g->bits[2 * (b >> 6) + 1] >> (b & 63)) & 1)) continue;
      }
      r = hash_owner(h, g->size);
      HS_GROW(g->v[thread][r], g->capv[thread][r], g->nv[thread][r] + 1);
      p = &g->v[thread][r][g->nv[thread][r]++];
      p->hash = h;
      p->doc = (uint32_t)d;
      p->pos = (uint32_t)i;
    }
  }
  return 0;
}

/* MPI reduction over (once, twice) pairs: counts saturating at two. */
static void count_to_two(void *in, void *inout, int *len, MPI_Datatype *dt) {
  const uint64_t *a = in;
  uint64_t *b = inout;
  int i;
  (void)dt;
  for (i = 0; i < *len; i++) {
    uint64_t o1 = a[2 * i], t1 = a[2 * i + 1];
    uint64_t o2 = b[2 * i], t2 = b[2 * i + 1];
    b[2 * i] = o1 | o2;
    b[2 * i + 1] = t1 | t2 | (o1 & o2);
  }
}

/* Steps 1-2: this rank's postings, exchanged; *post gets the postings of
** the hashes this rank owns. */
int hs_dist_postings_step(dist *d, const hs_reuse_opts *o, int nthreads,
                          const hs_docset *ds, int filter, hs_posting **post,
                          uint64_t *npost, hs_error *err) {
  gen_job g;
  uint64_t *cnt = hs_calloc((size_t)d->size, sizeof *cnt);
  uint64_t *rcount = hs_calloc((size_t)d->size, sizeof *rcount);
  uint64_t *rdispl = hs_calloc((size_t)d->size + 1, sizeof *rdispl);
  void *send = NULL;
  int t, r, rc = HS_OK;
  *post = NULL;
  *npost = 0;
  memset(&g, 0, sizeof g);
  g.ds = ds;
  g.ngram = o->ngram;
  g.rank = d->rank;
  g.size = d->size;
  g.nowned = ds->ndocs > (size_t)d->rank
                 ? (ds->ndocs - (size_t)d->rank + (size_t)d->size - 1) /
                       (size_t)d->size
                 : 0;
  g.filter = filter;
  g.buf = hs_calloc((size_t)nthreads, sizeof *g.buf);
  g.sh = hs_calloc((size_t)nthreads, sizeof *g.sh);
  g.capsh = hs_calloc((size_t)nthreads, sizeof *g.capsh);
  g.v = hs_calloc((size_t)nthreads, sizeof *g.v);
  g.nv = hs_calloc((size_t)nthreads, sizeof *g.nv);
  g.capv = hs_calloc((size_t)nthreads, sizeof *g.capv);
  g.err = hs_calloc((size_t)nthreads, sizeof *g.err);
  for (t = 0; t < nthreads; t++) {
    g.v[t] = hs_calloc((size_t)d->size, sizeof **g.v);
    g.nv[t] = hs_calloc((size_t)d->size, sizeof **g.nv);
    g.capv[t] = hs_calloc((size_t)d->size, sizeof **g.capv);
  }
  if (g.filter) {
    uint64_t total = 0, all = 0, bits = (uint64_t)1 << 16;
    size_t k;
    MPI_Datatype pair;
    MPI_Op op;
    for (k = 0; k < g.nowned; k++) {
      uint32_t n = ds->docs[(size_t)d->rank + k * (size_t)d->size].n;
      if (n >= (uint32_t)o->ngram) total += n - (uint32_t)o->ngram + 1;
    }
    MPI_Allreduce(&total, &all, 1, MPI_UINT64_T, MPI_SUM, MPI_COMM_WORLD);
    /* 4 bits a shingle: the "twice" set errs towards more postings, never
    ** fewer; INT_MAX word pairs at most per call. */
    while (bits < all * 4 && bits < ((uint64_t)1 << 36)) bits <<= 1;
    g.mask = bits - 1;
    g.bits = hs_calloc((size_t)(bits / 64) * 2, sizeof *g.bits);
    rc = hs_parallel_for(nthreads, g.nowned, 16, gen_mark, &g);
    for (t = 0; t < nthreads; t++)
      if (g.err[t].code && !rc) rc = g.err[t].code;
    if (rc && !err->code) {
      for (t = 0; t < nthreads; t++)
        if (g.err[t].code) *err = g.err[t];
    }
    if ((rc = hs_mpi_agree(rc, err))) goto out;
    MPI_Type_contiguous(2, MPI_UINT64_T, &pair);
    MPI_Type_commit(&pair);
    MPI_Op_create(count_to_two, 1, &op);
    MPI_Allreduce(MPI_IN_PLACE, g.bits, (int)(bits / 64), pair, op,
                  MPI_COMM_WORLD);
    MPI_Op_free(&op);
    MPI_Type_free(&pair);
    /* a ring allreduce sends 2 (N-1)/N of the buffer from each rank */
    d->sent[X_BITSETS] += (bits / 64) * 16 * 2 * (uint64_t)(d->size - 1) /
                          (uint64_t)d->size;
  }
  rc = hs_parallel_for(nthreads, g.nowned, 16, gen_emit, &g);
  for (t = 0; t < nthreads; t++)
    if (g.err[t].code && !err->code) {
      *err = g.err[t];
      if (!rc) rc = g.err[t].code;
    }
  if ((rc = hs_mpi_agree(rc, err))) goto out;
  free(g.bits);
  g.bits = NULL;
  /* Concatenate the threads' vectors by destination. */
  for (t = 0; t < nthreads; t++)
    for (r = 0; r < d->size; r++) cnt[r] += g.nv[t][r];
  {
    uint64_t total = 0, pos = 0;
    char *p;
    for (r = 0; r < d->size; r++) total += cnt[r];
    send = p = hs_malloc((size_t)(total * sizeof(hs_posting)) + 1);
    for (r = 0; r < d->size; r++)
      for (t = 0; t < nthreads; t++) {
        if (g.nv[t][r])
          memcpy(p + pos * sizeof(hs_posting), g.v[t][r],
                 (size_t)g.nv[t][r] * sizeof(hs_posting));
        pos += g.nv[t][r];
        free(g.v[t][r]);
        g.v[t][r] = NULL;
      }
  }
  hs_dist_exchange(d, X_POSTINGS, send, cnt, sizeof(hs_posting), (void **)post,
                   rcount, rdispl);
  *npost = rdispl[d->size];
out:
  free(send);
  free(g.bits);
  for (t = 0; t < nthreads; t++) {
    for (r = 0; r < d->size; r++) free(g.v[t][r]);
    free(g.v[t]);
    free(g.nv[t]);
    free(g.capv[t]);
    hs_docbuf_free(&g.buf[t]);
    free(g.sh[t]);
  }
  free(g.v);
  free(g.nv);
  free(g.capv);
  free(g.buf);
  free(g.sh);
  free(g.capsh);
  free(g.err);
  free(cnt);
  free(rcount);
  free(rdispl);
  return rc;
}

/* A document pair on the wire, with its seed count. */
typedef struct wire_pair {
  uint64_t key; /* a << 32 | b */
  uint32_t seeds, pad;
} wire_pair;

/* Step 3: the owner's scan; pairs to the rank of their first document,
** capped shingles to every rank.  Fills xp (CSR over ds->ndocs). */
int hs_dist_pairs_step(dist *d, const hs_reuse_opts *o, int nthreads,
                       size_t ndocs, size_t first_new,
                       const hs_hashlist *capped_in, hs_posting *post,
                       uint64_t npost, hs_xpairs *xp) {
  hs_pairvec pairs;
  hs_hashlist capped;
  uint64_t *cnt = hs_calloc((size_t)d->size, sizeof *cnt);
  uint64_t *rcount = hs_calloc((size_t)d->size, sizeof *rcount);
  uint64_t *rdispl = hs_calloc((size_t)d->size + 1, sizeof *rdispl);
  uint64_t *send, *recv = NULL, *fill;
  wire_pair *psend, *precv = NULL;
  size_t i;
  int r;
  memset(&pairs, 0, sizeof pairs);
  memset(&capped, 0, sizeof capped);
  hs_postings_sort(post, (size_t)npost, 64, nthreads);
  hs_postings_scan(post, (size_t)npost, first_new, o, capped_in, &pairs,
                   &capped, NULL);
  hs_pairvec_compact(&pairs);
  /* pairs, with their seed counts, by the owner of their first
  ** document; the owner adds up the counts of a pair from all ranks and
  ** drops the pairs with too few seeds to make a passage */
  for (i = 0; i < pairs.n; i++) cnt[(pairs.p[i] >> 32) % (uint64_t)d->size]++;
  psend = hs_malloc(pairs.n * sizeof *psend + 1);
  fill = hs_calloc((size_t)d->size, sizeof *fill);
  for (r = 1; r < d->size; r++) fill[r] = fill[r - 1] + cnt[r - 1];
  for (i = 0; i < pairs.n; i++) {
    wire_pair *wp = &psend[fill[(pairs.p[i] >> 32) % (uint64_t)d->size]++];
    wp->key = pairs.p[i];
    wp->seeds = pairs.seeds[i];
    wp->pad = 0;
  }
  hs_pairvec_free(&pairs);
  hs_dist_exchange(d, X_PAIRS, psend, cnt, sizeof *psend, (void **)&precv,
                   rcount, rdispl);
  free(psend);
  {
    size_t n = (size_t)rdispl[d->size];
    hs_pairvec mine;
    memset(&mine, 0, sizeof mine);
    mine.p = hs_malloc(n * sizeof *mine.p + 1);
    mine.seeds = hs_malloc(n * sizeof *mine.seeds + 1);
    for (i = 0; i < n; i++) {
      mine.p[i] = precv[i].key;
      mine.seeds[i] = precv[i].seeds;
    }
    mine.n = mine.cap = n;
    free(precv);
    precv = NULL;
    hs_pairvec_prune(&mine, hs_min_pair_seeds(o));
    xp->start = hs_calloc(ndocs + 1, sizeof *xp->start);
    xp->partner = hs_reallocarray(NULL, mine.n + 1, sizeof *xp->partner);
    for (i = 0; i < mine.n; i++) {
      xp->start[(mine.p[i] >> 32) + 1]++;
      xp->partner[i] = (uint32_t)mine.p[i];
    }
    for (i = 0; i < ndocs; i++) xp->start[i + 1] += xp->start[i];
    xp->npairs = mine.n;
    hs_pairvec_free(&mine);
  }
  /* capped shingles: this rank's list, once for every rank */
  send = hs_malloc(capped.n * (size_t)d->size * sizeof *send + 1);
  for (r = 0; r < d->size; r++) {
    cnt[r] = capped.n;
    if (capped.n)
      memcpy(send + (size_t)r * capped.n, capped.h,
             capped.n * sizeof *send);
  }
  hs_dist_exchange(d, X_CAPPED, send, cnt, sizeof *send, (void **)&recv, rcount,
                   rdispl);
  hs_hashlist_add(&xp->capped, recv, (size_t)rdispl[d->size]);
  if (capped_in)
    hs_hashlist_add(&xp->capped, capped_in->h, capped_in->n);
  if (xp->capped.n) hs_hashlist_finish(&xp->capped); /* (qsort of NULL) */
  free(send);
  free(recv);
  free(fill);
  hs_hashlist_free(&capped);
  free(cnt);
  free(rcount);
  free(rdispl);
  return HS_OK;
}

#endif /* HS_MPI */
