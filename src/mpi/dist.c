/*
** dist.c — the reuse engine's run spread over MPI ranks: the out-of-core
** index of spill.c (postings cut by hash, sorted, scanned into document
** pairs, each pair aligned by joining its two documents' shingles) with
** the partitions held by ranks instead of files.
**
** Every rank has read the same input, so documents are numbered alike
** everywhere; document d belongs to rank d % N (round robin: neighbouring
** documents, often of one outlet and alike in size, spread evenly) and
** only its owner tokenized it.  The run, in collective steps:
**  1. (optional, HS_MPI_FILTER=1) each rank marks its shingles in two
**     bitsets, seen once and seen twice, and an MPI_Allreduce with a
**     saturating "count to two" operation gives the shingles seen twice
**     anywhere; only those travel in step 2.  It pays when few shingles
**     repeat and there are few ranks: the bitsets are sized to the whole
**     corpus, the postings to a rank's share (docs/mpi.md has figures);
**  2. postings (hash, doc, pos) go to the rank owning the hash (a range
**     of the hash space), with MPI_Alltoallv;
**  3. each owner sorts its postings and scans them with the rule of the
**     in-memory index (hs_postings_scan, df cap included): the document
**     pairs (a, b), a <= b, go to the rank owning a; the shingles above
**     the cap go to every rank;
**  4. each rank asks the owners for the word hashes of its pairs'
**     partners it lacks, and gets them back (Alltoallv both ways);
**  5. each rank aligns its pairs (hs_align_run, pairs' seeds found by the
**     join, exactly the seeds of the in-memory index); alignment needs
**     only hashes, so a fetched document's words are numbered instead of
**     placed, and its owner turns the passages' word numbers into byte
**     offsets; the passages are gathered to rank 0, which sorts them as
**     hs_engine_run does.
** A passage comes from one pair and a pair is aligned on one rank, so the
** output is the single-process output, byte for byte.
**
** Errors: after each step that can fail locally, the ranks agree on the
** first failure (hs_mpi_agree) so that every rank returns the same status
** and message and none is left waiting in a collective call.
**
** Exchanges of more than 2^31 elements (MPI counts are int) go in rounds
** of bounded size through staging buffers.  The data is sent as bytes:
** all ranks must share one architecture (byte order, struct layout).
*/
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "align/align.h"
#include "cluster/cluster.h"
#include "mpi/dist.h"
#include "util/parallel.h"
#include "util/util.h"

#ifndef HS_MPI

int hs_mpi_available(void) { return 0; }

int hs_mpi_init(int *argc, char ***argv, int *rank, int *nranks,
                hs_error *err) {
  (void)argc;
  (void)argv;
  (void)err;
  *rank = 0;
  *nranks = 1;
  return HS_OK;
}

void hs_mpi_finalize(void) {}

int hs_mpi_agree(int rc, hs_error *err) {
  if (rc && err && !err->code) err->code = rc;
  return rc;
}

int hs_dist_run(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                size_t first_new, const hs_hashlist *capped_in,
                const hs_error *failed, hs_passage **out, size_t *n,
                uint32_t **words, hs_error *err) {
  (void)o;
  (void)nthreads;
  (void)ds;
  (void)first_new;
  (void)capped_in;
  (void)failed;
  *out = NULL;
  *n = 0;
  *words = NULL;
  return hs_error_set(err, HS_EUSAGE, "this hearsay was built without MPI; "
                      "build it with 'make mpi' (docs/mpi.md)");
}

#else /* HS_MPI */

#include <mpi.h>

int hs_mpi_available(void) { return 1; }

int hs_mpi_init(int *argc, char ***argv, int *rank, int *nranks,
                hs_error *err) {
  int inited = 0, provided = 0;
  *rank = 0;
  *nranks = 1;
  MPI_Initialized(&inited);
  /* Worker threads never call MPI: only the main thread does. */
  if (!inited &&
      MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided) !=
          MPI_SUCCESS)
    return hs_error_set(err, HS_EIO, "cannot start MPI");
  MPI_Comm_rank(MPI_COMM_WORLD, rank);
  MPI_Comm_size(MPI_COMM_WORLD, nranks);
  return HS_OK;
}

void hs_mpi_finalize(void) {
  int inited = 0, finalized = 0;
  MPI_Initialized(&inited);
  MPI_Finalized(&finalized);
  if (inited && !finalized) MPI_Finalize();
}

int hs_mpi_agree(int rc, hs_error *err) {
  int in[2], res[2], rank;
  hs_error e;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  in[0] = rc ? 0 : 1;
  in[1] = rank;
  MPI_Allreduce(in, res, 1, MPI_2INT, MPI_MINLOC, MPI_COMM_WORLD);
  if (res[0] == 1) return HS_OK;
  memset(&e, 0, sizeof e);
  if (rank == res[1]) {
    if (err && err->code) e = *err;
    e.code = rc;
  }
  MPI_Bcast(&e, (int)sizeof e, MPI_BYTE, res[1], MPI_COMM_WORLD);
  if (err) *err = e;
  return e.code;
}

/* ------------------------------------------------------------ exchanges */

enum { X_BITSETS, X_POSTINGS, X_PAIRS, X_CAPPED, X_REQUESTS, X_TABLES,
       X_CONVERT, X_PASSAGES, X_WORDS, NX };
static const char *const x_names[NX] = {
    "bitsets", "postings", "pairs", "capped", "requests", "tables",
    "convert", "passages", "words"};
enum { S_POSTINGS, S_PAIRS, S_TABLES, S_ALIGN, S_GATHER, S_TOTAL, NSTEP };
static const char *const s_names[NSTEP] = {
    "postings", "pairs", "tables", "align", "gather", "total"};

typedef struct dist {
  int rank, size;
  uint64_t sent[NX];   /* bytes this rank sent to other ranks */
  uint64_t items[NX];  /* elements this rank sent to other ranks */
  double secs[NSTEP];  /* wall time of each step on this rank */
} dist;

/* Staging buffers per round hold at most this many bytes, all ranks. */
#define ROUND_BYTES ((uint64_t)1 << 28)

/* All-to-all of elements of esize bytes: scount[r] elements for rank r,
** back to back in send by rank.  *recv (malloc'ed) gets rcount[s]
** elements from each rank s, back to back by rank; rdispl (size + 1
** entries) their offsets, in elements. */
static void exchange(dist *d, int what, const void *send,
                     const uint64_t *scount, size_t esize, void **recv,
                     uint64_t *rcount, uint64_t *rdispl) {
  int size = d->size, r, direct;
  uint64_t *sdispl = hs_calloc((size_t)size + 1, sizeof *sdispl);
  uint64_t chunk, rounds = 0, k, big[2], flag;
  int *sc = hs_calloc((size_t)size, sizeof *sc);
  int *sd = hs_calloc((size_t)size, sizeof *sd);
  int *rc = hs_calloc((size_t)size, sizeof *rc);
  int *rd = hs_calloc((size_t)size, sizeof *rd);
  MPI_Datatype t;
  MPI_Type_contiguous((int)esize, MPI_BYTE, &t);
  MPI_Type_commit(&t);
  for (r = 0; r < size; r++) sdispl[r + 1] = sdispl[r] + scount[r];
  MPI_Alltoall(scount, 1, MPI_UINT64_T, rcount, 1, MPI_UINT64_T,
               MPI_COMM_WORLD);
  rdispl[0] = 0;
  for (r = 0; r < size; r++) rdispl[r + 1] = rdispl[r] + rcount[r];
  *recv = hs_malloc(rdispl[size] * esize + 1);
  for (r = 0; r < size; r++)
    if (r != d->rank) {
      d->sent[what] += scount[r] * esize;
      d->items[what] += scount[r];
    }
  /* One call when every rank's counts and offsets fit an int. */
  big[0] = sdispl[size] > INT_MAX || rdispl[size] > INT_MAX;
  MPI_Allreduce(big, &flag, 1, MPI_UINT64_T, MPI_MAX, MPI_COMM_WORLD);
  direct = !flag;
  if (direct) {
    for (r = 0; r < size; r++) {
      sc[r] = (int)scount[r];
      sd[r] = (int)sdispl[r];
      rc[r] = (int)rcount[r];
      rd[r] = (int)rdispl[r];
    }
    MPI_Alltoallv(send, sc, sd, t, *recv, rc, rd, t, MPI_COMM_WORLD);
    goto out;
  }
  /* Otherwise in rounds of at most `chunk` elements per pair of ranks. */
  chunk = ROUND_BYTES / (uint64_t)size / esize;
  if (chunk < 1) chunk = 1;
  for (r = 0; r < size; r++) {
    uint64_t a = (scount[r] + chunk - 1) / chunk,
             b = (rcount[r] + chunk - 1) / chunk;
    if (a > rounds) rounds = a;
    if (b > rounds) rounds = b;
  }
  big[1] = rounds;
  MPI_Allreduce(&big[1], &rounds, 1, MPI_UINT64_T, MPI_MAX, MPI_COMM_WORLD);
  {
    char *ss = hs_malloc((size_t)(chunk * (uint64_t)size * esize) + 1);
    char *rs = hs_malloc((size_t)(chunk * (uint64_t)size * esize) + 1);
    for (k = 0; k < rounds; k++) {
      uint64_t off = k * chunk;
      int so = 0, ro = 0;
      for (r = 0; r < size; r++) {
        uint64_t ns = scount[r] > off ? scount[r] - off : 0;
        uint64_t nr = rcount[r] > off ? rcount[r] - off : 0;
        sc[r] = (int)(ns < chunk ? ns : chunk);
        rc[r] = (int)(nr < chunk ? nr : chunk);
        sd[r] = so;
        rd[r] = ro;
        if (sc[r])
          memcpy(ss + (size_t)so * esize,
                 (const char *)send + (sdispl[r] + off) * esize,
                 (size_t)sc[r] * esize);
        so += sc[r];
        ro += rc[r];
      }
      MPI_Alltoallv(ss, sc, sd, t, rs, rc, rd, t, MPI_COMM_WORLD);
      for (r = 0; r < size; r++)
        if (rc[r])
          memcpy((char *)*recv + (rdispl[r] + off) * esize,
                 rs + (size_t)rd[r] * esize, (size_t)rc[r] * esize);
    }
    free(ss);
    free(rs);
  }
out:
  MPI_Type_free(&t);
  free(sdispl);
  free(sc);
  free(sd);
  free(rc);
  free(rd);
}

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

static int env_flag(const char *name, int dflt) {
  const char *v = getenv(name);
  if (!v || !*v) return dflt;
  return strcmp(v, "0") != 0;
}

static double now(void) { return MPI_Wtime(); }

/* Steps 1-2: this rank's postings, exchanged; *post gets the postings of
** the hashes this rank owns. */
static int postings_step(dist *d, const hs_reuse_opts *o, int nthreads,
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
  exchange(d, X_POSTINGS, send, cnt, sizeof(hs_posting), (void **)post,
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
static int pairs_step(dist *d, const hs_reuse_opts *o, int nthreads,
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
  exchange(d, X_PAIRS, psend, cnt, sizeof *psend, (void **)&precv, rcount,
           rdispl);
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
  exchange(d, X_CAPPED, send, cnt, sizeof *send, (void **)&recv, rcount,
           rdispl);
  hs_hashlist_add(&xp->capped, recv, (size_t)rdispl[d->size]);
  if (capped_in) hs_hashlist_add(&xp->capped, capped_in->h, capped_in->n);
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

/* Words a table takes on the wire: n, hash[n].  Alignment needs only the
** words' hashes; a fetched table's byte offsets are stood in for by word
** numbers (start[i] = i, len[i] = 0), and the owner turns a passage's
** word numbers into bytes afterwards (convert_step): 4 bytes a word
** travel instead of 9. */
static size_t table_words(uint32_t n) { return 1 + (size_t)n; }

/* Step 4: the token tables of the partners this rank lacks.  tabs (a
** copy of ds->docs) gets them, pointing into *store and *ident (caller
** frees both). */
static int tables_step(dist *d, const hs_docset *ds, const hs_xpairs *xp,
                       hs_doctab *tabs, uint32_t **store, uint32_t **ident,
                       hs_error *err) {
  size_t ndocs = ds->ndocs, i, a;
  uint64_t k;
  uint8_t *need = hs_calloc(ndocs + 1, 1);
  uint64_t *cnt = hs_calloc((size_t)d->size, sizeof *cnt);
  uint64_t *rcount = hs_calloc((size_t)d->size, sizeof *rcount);
  uint64_t *rdispl = hs_calloc((size_t)d->size + 1, sizeof *rdispl);
  uint64_t *qcount = hs_calloc((size_t)d->size, sizeof *qcount);
  uint64_t *qdispl = hs_calloc((size_t)d->size + 1, sizeof *qdispl);
  uint64_t *fill = hs_calloc((size_t)d->size, sizeof *fill);
  uint32_t *req = NULL, *asked = NULL, *reply = NULL;
  hs_docbuf buf = {NULL, 0};
  int r, rc = HS_OK;
  *store = NULL;
  for (a = 0; a < ndocs; a++)
    for (k = xp->start[a]; k < xp->start[a + 1]; k++) {
      uint32_t b = xp->partner[k];
      if (b % (uint32_t)d->size != (uint32_t)d->rank && !need[b]) {
        need[b] = 1;
        cnt[b % (uint32_t)d->size]++;
      }
    }
  {
    uint64_t total = 0;
    for (r = 0; r < d->size; r++) {
      fill[r] = total;
      total += cnt[r];
    }
    req = hs_malloc((size_t)total * sizeof *req + 1);
    for (i = 0; i < ndocs; i++)
      if (need[i]) req[fill[i % (size_t)d->size]++] = (uint32_t)i;
  }
  exchange(d, X_REQUESTS, req, cnt, sizeof *req, (void **)&asked, qcount,
           qdispl);
  /* the replies, by requesting rank, in the order asked */
  {
    uint64_t words = 0, pos = 0;
    for (k = 0; k < qdispl[d->size]; k++) {
      uint32_t doc = asked[k];
      if (doc >= ndocs || doc % (uint32_t)d->size != (uint32_t)d->rank) {
        rc = hs_error_set(err, HS_EIO, "MPI: rank %d was asked for document "
                          "%u, which it does not hold", d->rank, doc);
        break;
      }
      words += table_words(ds->docs[doc].n);
    }
    if (!rc) reply = hs_malloc((size_t)words * sizeof *reply + 1);
    for (r = 0; !rc && r < d->size; r++) {
      uint64_t start = pos;
      for (k = qdispl[r]; k < qdispl[r + 1]; k++) {
        hs_doctab t;
        uint32_t *p = reply + pos;
        if ((rc = hs_docset_get(ds, asked[k], &t, &buf, err))) break;
        p[0] = t.n;
        if (t.n) memcpy(p + 1, t.hash, (size_t)t.n * 4);
        pos += table_words(t.n);
      }
      cnt[r] = pos - start;
    }
  }
  if ((rc = hs_mpi_agree(rc, err))) goto out;
  exchange(d, X_TABLES, reply, cnt, sizeof *reply, (void **)store, rcount,
           rdispl);
  /* Unpack: rank r's replies answer req's part for r, in order. */
  {
    uint64_t q = 0, maxn = 0;
    uint8_t *zeros;
    for (r = 0; r < d->size; r++) {
      const uint32_t *p = *store + rdispl[r], *end = *store + rdispl[r + 1];
      for (; p < end && (uint64_t)(end - p) >= table_words(p[0]);
           p += table_words(p[0]))
        if (p[0] > maxn) maxn = p[0];
    }
    /* word numbers 0..maxn-1, then maxn zero bytes: shared by all */
    *ident = hs_malloc((size_t)maxn * 4 + ((size_t)maxn + 3) / 4 * 4 + 4);
    for (k = 0; k < maxn; k++) (*ident)[k] = (uint32_t)k;
    zeros = (uint8_t *)(*ident + maxn);
    memset(zeros, 0, (size_t)maxn + 1);
    for (r = 0; r < d->size && !rc; r++) {
      const uint32_t *p = *store + rdispl[r], *end = *store + rdispl[r + 1];
      uint64_t stop = q + (r ? fill[r] - fill[r - 1] : fill[0]);
      for (; q < stop; q++) {
        uint32_t doc = req[q], n;
        if (p >= end) break;
        n = p[0];
        if ((uint64_t)(end - p) < table_words(n)) break;
        tabs[doc].n = n;
        tabs[doc].start = *ident;
        tabs[doc].hash = (uint32_t *)(uintptr_t)(p + 1);
        tabs[doc].len = zeros;
        p += table_words(n);
      }
      if (q != stop || p != end)
        rc = hs_error_set(err, HS_EIO, "MPI: rank %d sent malformed token "
                          "tables", r);
    }
  }
  rc = hs_mpi_agree(rc, err);
out:
  hs_docbuf_free(&buf);
  free(need);
  free(cnt);
  free(rcount);
  free(rdispl);
  free(qcount);
  free(qdispl);
  free(fill);
  free(req);
  free(asked);
  free(reply);
  return rc;
}

/* Step 5b: passages whose b side is a fetched table hold word numbers
** there (b.start: first word, b.end: last word); b's owner turns them into
** byte offsets.  *p, *n: this rank's passages, in and out. */
static int convert_step(dist *d, const hs_docset *ds, hs_passage **p,
                        size_t *n, hs_error *err) {
  uint64_t *cnt = hs_calloc((size_t)d->size, sizeof *cnt);
  uint64_t *rcount = hs_calloc((size_t)d->size, sizeof *rcount);
  uint64_t *rdispl = hs_calloc((size_t)d->size + 1, sizeof *rdispl);
  uint64_t *fill = hs_calloc((size_t)d->size + 1, sizeof *fill);
  hs_passage *send, *recv = NULL, *all;
  hs_docbuf buf = {NULL, 0};
  size_t i, nlocal = 0, nrecv;
  int r, rc = HS_OK;
  for (i = 0; i < *n; i++) {
    r = (int)((*p)[i].b.doc % (uint32_t)d->size);
    if (r == d->rank) nlocal++;
    else cnt[r]++;
  }
  for (r = 0; r < d->size; r++) fill[r + 1] = fill[r] + cnt[r];
  send = hs_malloc((size_t)fill[d->size] * sizeof *send + 1);
  all = hs_malloc(nlocal * sizeof *all + 1);
  nlocal = 0;
  for (i = 0; i < *n; i++) {
    r = (int)((*p)[i].b.doc % (uint32_t)d->size);
    if (r == d->rank) all[nlocal++] = (*p)[i];
    else send[fill[r]++] = (*p)[i];
  }
  free(*p);
  *p = NULL;
  *n = 0;
  exchange(d, X_CONVERT, send, cnt, sizeof *send, (void **)&recv, rcount,
           rdispl);
  free(send);
  nrecv = (size_t)rdispl[d->size];
  for (i = 0; i < nrecv && !rc; i++) {
    hs_passage *q = &recv[i];
    hs_doctab t;
    if ((rc = hs_docset_get(ds, q->b.doc, &t, &buf, err))) break;
    if (q->b.start >= t.n || q->b.end >= t.n || q->b.start > q->b.end) {
      rc = hs_error_set(err, HS_EIO, "MPI: a passage in document %u names "
                        "words %u..%u of %u", q->b.doc, q->b.start,
                        q->b.end, t.n);
      break;
    }
    q->b.start = t.start[q->b.start];
    q->b.end = t.start[q->b.end] + t.len[q->b.end];
  }
  hs_docbuf_free(&buf);
  if (!rc) {
    all = hs_reallocarray(all, nlocal + nrecv + 1, sizeof *all);
    if (nrecv) memcpy(all + nlocal, recv, nrecv * sizeof *all);
    *p = all;
    *n = nlocal + nrecv;
  } else {
    free(all);
  }
  free(recv);
  free(cnt);
  free(rcount);
  free(rdispl);
  free(fill);
  return hs_mpi_agree(rc, err);
}

static void print_stats(const dist *d, size_t ndocs, uint64_t npassages) {
  uint64_t sent[NX], items[NX];
  double secs[NSTEP];
  int i;
  MPI_Reduce(d->sent, sent, NX, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
  MPI_Reduce(d->items, items, NX, MPI_UINT64_T, MPI_SUM, 0, MPI_COMM_WORLD);
  MPI_Reduce(d->secs, secs, NSTEP, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
  if (d->rank) return;
  {
    uint64_t total = 0;
    fprintf(stderr, "hearsay: mpi: %d ranks, %zu documents, %llu passages\n",
            d->size, ndocs, (unsigned long long)npassages);
    for (i = 0; i < NX; i++) {
      total += sent[i];
      fprintf(stderr, "hearsay: mpi: sent %-9s %14llu bytes %12llu items\n",
              x_names[i], (unsigned long long)sent[i],
              (unsigned long long)items[i]);
    }
    fprintf(stderr, "hearsay: mpi: sent %-9s %14llu bytes\n", "total",
            (unsigned long long)total);
    for (i = 0; i < NSTEP; i++)
      fprintf(stderr, "hearsay: mpi: time %-9s %8.3f s (slowest rank)\n",
              s_names[i], secs[i]);
  }
}

int hs_dist_run(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                size_t first_new, const hs_hashlist *capped_in,
                const hs_error *failed, hs_passage **out, size_t *n,
                uint32_t **words, hs_error *err) {
  dist d;
  hs_posting *post = NULL;
  uint64_t npost = 0, nd[2], lo, hi;
  hs_xpairs xp;
  hs_doctab *tabs = NULL;
  uint32_t *store = NULL, *ident = NULL;
  hs_passage *mine = NULL;
  size_t nmine = 0, i;
  int rc = HS_OK, flags[2];
  double t0 = now(), t1;
  *out = NULL;
  *n = 0;
  *words = NULL;
  memset(&d, 0, sizeof d);
  memset(&xp, 0, sizeof xp);
  MPI_Comm_rank(MPI_COMM_WORLD, &d.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &d.size);
  if (nthreads < 1) nthreads = 1;
  if (failed && failed->code) {
    *err = *failed;
    rc = failed->code;
  } else if (o->nranks != d.size || o->rank != d.rank) {
    rc = hs_error_set(err, HS_EUSAGE, "MPI: the engine was set up for rank "
                      "%d of %d, but this is rank %d of %d", o->rank,
                      o->nranks, d.rank, d.size);
  } else if (o->progress && o->progress(o->progress_ud, "index", 0,
                                        ds->ndocs)) {
    rc = hs_error_set(err, HS_EINTR, "interrupted");
  }
  if ((rc = hs_mpi_agree(rc, err))) return rc;
  /* Rank 0's settings hold for all (the others may lack its environment:
  ** a different choice would unmatch the collective calls). */
  flags[0] = env_flag("HS_MPI_STATS", 0);
  flags[1] = env_flag("HS_MPI_FILTER", 0);
  MPI_Bcast(flags, 2, MPI_INT, 0, MPI_COMM_WORLD);
  /* Every rank must have read the same documents. */
  nd[0] = ds->ndocs;
  MPI_Allreduce(&nd[0], &lo, 1, MPI_UINT64_T, MPI_MIN, MPI_COMM_WORLD);
  MPI_Allreduce(&nd[0], &hi, 1, MPI_UINT64_T, MPI_MAX, MPI_COMM_WORLD);
  if (lo != hi)
    return hs_error_set(err, HS_EINPUT, "MPI: the ranks read different "
                        "inputs (%llu documents on one, %llu on another); "
                        "every rank must read the same files (standard "
                        "input reaches rank 0 only)",
                        (unsigned long long)lo, (unsigned long long)hi);
  if (ds->ndocs > UINT32_MAX)
    return hs_error_set(err, HS_EUSAGE, "too many documents");

  t1 = now();
  if ((rc = postings_step(&d, o, nthreads, ds, flags[1], &post, &npost, err)))
    goto out;
  d.secs[S_POSTINGS] = now() - t1;
  t1 = now();
  pairs_step(&d, o, nthreads, ds->ndocs, first_new, capped_in, post, npost,
             &xp);
  free(post);
  post = NULL;
  d.secs[S_PAIRS] = now() - t1;

  t1 = now();
  tabs = hs_reallocarray(NULL, ds->ndocs + 1, sizeof *tabs);
  if (ds->ndocs) memcpy(tabs, ds->docs, ds->ndocs * sizeof *tabs);
  if ((rc = tables_step(&d, ds, &xp, tabs, &store, &ident, err))) goto out;
  d.secs[S_TABLES] = now() - t1;

  t1 = now();
  {
    hs_docset mine_ds = *ds;
    mine_ds.docs = tabs;
    if (o->progress && o->progress(o->progress_ud, "align", 0, ds->ndocs))
      rc = hs_error_set(err, HS_EINTR, "interrupted");
    else
      rc = hs_align_run(o, nthreads, &mine_ds, NULL, &xp, &mine, &nmine,
                        err);
  }
  if ((rc = hs_mpi_agree(rc, err))) goto out;
  free(store);
  store = NULL;
  free(ident);
  ident = NULL;
  free(tabs);
  tabs = NULL;
  if ((rc = convert_step(&d, ds, &mine, &nmine, err))) goto out;
  d.secs[S_ALIGN] = now() - t1;

  /* Every passage to rank 0, sorted as one process sorts them. */
  t1 = now();
  {
    uint64_t *cnt = hs_calloc((size_t)d.size, sizeof *cnt);
    uint64_t *rcount = hs_calloc((size_t)d.size, sizeof *rcount);
    uint64_t *rdispl = hs_calloc((size_t)d.size + 1, sizeof *rdispl);
    void *all = NULL;
    cnt[0] = nmine;
    exchange(&d, X_PASSAGES, mine, cnt, sizeof *mine, &all, rcount, rdispl);
    free(mine);
    mine = NULL;
    if (d.rank == 0) {
      *out = all;
      *n = (size_t)rdispl[d.size];
      hs_cluster_passage_sort(*out, *n);
    } else {
      free(all);
    }
    free(cnt);
    free(rcount);
    free(rdispl);
  }
  d.secs[S_GATHER] = now() - t1;

  /* Word counts of every document, on every rank. */
  t1 = now();
  *words = hs_calloc(ds->ndocs + 1, sizeof **words);
  for (i = (size_t)d.rank; i < ds->ndocs; i += (size_t)d.size)
    (*words)[i] = ds->docs[i].n;
  for (i = 0; i < ds->ndocs; i += (size_t)1 << 28) {
    size_t len = ds->ndocs - i < ((size_t)1 << 28) ? ds->ndocs - i
                                                    : (size_t)1 << 28;
    MPI_Allreduce(MPI_IN_PLACE, *words + i, (int)len, MPI_UINT32_T, MPI_SUM,
                  MPI_COMM_WORLD);
  }
  d.sent[X_WORDS] = (uint64_t)ds->ndocs * 4 * 2 * (uint64_t)(d.size - 1) /
                    (uint64_t)d.size;
  d.secs[S_GATHER] += now() - t1;
  d.secs[S_TOTAL] = now() - t0;
  if (flags[0]) print_stats(&d, ds->ndocs, *n);
out:
  free(post);
  free(tabs);
  free(store);
  free(ident);
  free(mine);
  hs_xpairs_free(&xp);
  if (rc) {
    free(*out);
    *out = NULL;
    *n = 0;
    free(*words);
    *words = NULL;
  }
  return rc;
}

#endif /* HS_MPI */
