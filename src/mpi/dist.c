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
**
** This file holds the exchange, the sequence of steps and the statistics;
** steps 1-3 are in dist_postings.c, steps 4 and 5b in dist_fetch.c.
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
#include "util/sort.h"
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
                uint32_t **words, uint64_t **near, size_t *nnear,
                hs_error *err) {
  (void)o;
  (void)nthreads;
  (void)ds;
  (void)first_new;
  (void)capped_in;
  (void)failed;
  *out = NULL;
  *n = 0;
  *words = NULL;
  if (near) *near = NULL, *nnear = 0;
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

/* Names of the exchanges and steps (dist.h) for HS_MPI_STATS. */
static const char *const x_names[NX] = {
    "bitsets", "postings", "pairs", "capped", "requests", "tables",
    "convert", "passages", "words"};
static const char *const s_names[NSTEP] = {
    "postings", "pairs", "tables", "align", "gather", "total"};

/* Staging buffers per round hold at most this many bytes, all ranks. */
#define ROUND_BYTES ((uint64_t)1 << 28)

/* All-to-all of elements of esize bytes: scount[r] elements for rank r,
** back to back in send by rank.  *recv (malloc'ed) gets rcount[s]
** elements from each rank s, back to back by rank; rdispl (size + 1
** entries) their offsets, in elements. */
void hs_dist_exchange(dist *d, int what, const void *send,
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

static int env_flag(const char *name, int dflt) {
  const char *v = getenv(name);
  if (!v || !*v) return dflt;
  return strcmp(v, "0") != 0;
}

static double now(void) { return MPI_Wtime(); }

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
                uint32_t **words, uint64_t **near, size_t *nnear,
                hs_error *err) {
  dist d;
  hs_posting *post = NULL;
  uint64_t npost = 0, nd[2], lo, hi;
  hs_xpairs xp;
  hs_doctab *tabs = NULL;
  uint32_t *store = NULL, *ident = NULL;
  hs_passage *mine = NULL;
  uint64_t *mynear = NULL;
  size_t nmine = 0, nmynear = 0, i;
  int rc = HS_OK, flags[2];
  double t0 = now(), t1;
  *out = NULL;
  *n = 0;
  *words = NULL;
  if (near) *near = NULL, *nnear = 0;
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
  if ((rc = hs_dist_postings_step(&d, o, nthreads, ds, flags[1], &post, &npost,
                                  err)))
    goto out;
  d.secs[S_POSTINGS] = now() - t1;
  t1 = now();
  hs_dist_pairs_step(&d, o, nthreads, ds->ndocs, first_new, capped_in, post,
                     npost, &xp);
  free(post);
  post = NULL;
  d.secs[S_PAIRS] = now() - t1;

  t1 = now();
  tabs = hs_reallocarray(NULL, ds->ndocs + 1, sizeof *tabs);
  if (ds->ndocs) memcpy(tabs, ds->docs, ds->ndocs * sizeof *tabs);
  if ((rc = hs_dist_tables_step(&d, ds, &xp, tabs, &store, &ident, err)))
    goto out;
  d.secs[S_TABLES] = now() - t1;

  t1 = now();
  {
    hs_docset mine_ds = *ds;
    mine_ds.docs = tabs;
    if (o->progress && o->progress(o->progress_ud, "align", 0, ds->ndocs))
      rc = hs_error_set(err, HS_EINTR, "interrupted");
    else
      rc = hs_align_run(o, nthreads, &mine_ds, NULL, &xp, &mine, &nmine,
                        near ? &mynear : NULL, &nmynear, err);
  }
  if ((rc = hs_mpi_agree(rc, err))) goto out;
  free(store);
  store = NULL;
  free(ident);
  ident = NULL;
  free(tabs);
  tabs = NULL;
  if ((rc = hs_dist_convert_step(&d, ds, &mine, &nmine, err)))
    goto out;
  d.secs[S_ALIGN] = now() - t1;

  /* Every passage to rank 0, sorted as one process sorts them. */
  t1 = now();
  {
    uint64_t *cnt = hs_calloc((size_t)d.size, sizeof *cnt);
    uint64_t *rcount = hs_calloc((size_t)d.size, sizeof *rcount);
    uint64_t *rdispl = hs_calloc((size_t)d.size + 1, sizeof *rdispl);
    void *all = NULL;
    cnt[0] = nmine;
    hs_dist_exchange(&d, X_PASSAGES, mine, cnt, sizeof *mine, &all, rcount,
                     rdispl);
    free(mine);
    mine = NULL;
    if (d.rank == 0) {
      *out = all;
      *n = (size_t)rdispl[d.size];
      hs_cluster_passage_sort(*out, *n);
    } else {
      free(all);
    }
    if (near) { /* pairs seeded without a passage, for the summary pass */
      all = NULL;
      cnt[0] = nmynear;
      hs_dist_exchange(&d, X_PASSAGES, mynear, cnt, sizeof *mynear, &all,
                       rcount, rdispl);
      if (d.rank == 0) {
        *near = all;
        *nnear = (size_t)rdispl[d.size];
        hs_sort_u64(*near, *nnear);
      } else {
        free(all);
      }
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
  free(mynear);
  hs_xpairs_free(&xp);
  if (rc) {
    free(*out);
    *out = NULL;
    *n = 0;
    if (near) {
      free(*near);
      *near = NULL;
      *nnear = 0;
    }
    free(*words);
    *words = NULL;
  }
  return rc;
}

#endif /* HS_MPI */
