/*
** dist_sent.c — the end of a distributed run (driver.c): the sentence
** stage and the repeated subheads, so that an MPI run writes what one
** process writes.
**
** Both work on whole documents: the subheads are found by each document's
** owner when it adds the document, and the sentence stage compares the
** sentences of the pairs that the n-gram passages join, weighting words
** by their counts over those pairs' documents, and of the pairs without a
** passage whose documents share rare sentence words (cold pairs).  Those
** are found from every document, so every rank counts and keys its own
** (the count tables add up over ranks) and sends rank 0 the keys alone.
** The n-gram passages are on rank 0 after hs_dist_run, so rank 0 names
** the documents of the passages between two documents, of the pairs
** seeded without a passage and of the cold pairs (those the stage, its
** joining step or the summary pass may read), each owner sends their
** token tables and sentence bounds there, and rank 0 runs the
** single-process stage and summary pass on them, then merges the
** subheads every rank sent.  The stage itself is not spread: its cost is
** the documents of those pairs, read and compared on rank 0.
*/
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "align/align.h"
#include "align/subhead.h"
#include "align/summary.h"
#include "mpi/dist.h"
#include "util/sort.h"
#include "util/util.h"

#ifndef HS_MPI

int hs_dist_finish(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                   const hs_senttab *st, const hs_passage *sub, size_t nsub,
                   const uint64_t *near, size_t nnear, size_t first_new,
                   hs_passage **out, size_t *n, hs_error *err) {
  (void)o;
  (void)nthreads;
  (void)ds;
  (void)st;
  (void)sub;
  (void)nsub;
  (void)near;
  (void)nnear;
  (void)first_new;
  (void)out;
  (void)n;
  return hs_error_set(err, HS_EUSAGE, "this hearsay was built without MPI");
}

#else /* HS_MPI */

#include <mpi.h>

/* The cold keys (align/sentence.h) of every document, sorted, on rank
** 0: each rank counts the terms of its own documents, the counts are
** summed over the ranks (a table of counters adds up), and each rank keys
** its own documents with the sums, as one process keys them all. */
static int cold_keys_step(dist *d, const hs_docset *ds, const hs_senttab *st,
                          uint64_t **keys, size_t *nkeys, hs_error *err) {
  uint64_t ntok = 0, *cnt, *rcount, *rdispl, *mine = NULL;
  size_t i, nmine = 0;
  uint8_t *own = hs_calloc(ds->ndocs + 1, 1);
  hs_termcounts all;
  hs_docbuf buf = {NULL, 0};
  void *got = NULL;
  int rc = HS_OK;
  *keys = NULL;
  *nkeys = 0;
  for (i = (size_t)d->rank; i < ds->ndocs; i += (size_t)d->size) {
    own[i] = 1;
    ntok += st[i].n;
  }
  MPI_Allreduce(MPI_IN_PLACE, &ntok, 1, MPI_UINT64_T, MPI_SUM,
                MPI_COMM_WORLD);
  hs_sent_cold_counts_init(&all, ntok);
  for (i = (size_t)d->rank; i < ds->ndocs && !rc; i += (size_t)d->size) {
    hs_doctab T;
    if (!(rc = hs_docset_get(ds, i, &T, &buf, err)))
      hs_termcounts_add(&all, T.hash, T.n);
  }
  hs_docbuf_free(&buf);
  if (!(rc = hs_mpi_agree(rc, err))) {
    MPI_Allreduce(MPI_IN_PLACE, all.c, (int)all.mask + 1, MPI_UINT32_T,
                  MPI_SUM, MPI_COMM_WORLD);
    MPI_Allreduce(MPI_IN_PLACE, &all.total, 1, MPI_UINT64_T, MPI_SUM,
                  MPI_COMM_WORLD);
    rc = hs_sent_cold_keys(ds, st, &all, hs_sent_cold_stopcnt(&all), own,
                           &mine, &nmine, err);
    rc = hs_mpi_agree(rc, err);
  }
  hs_termcounts_free(&all);
  free(own);
  if (rc) {
    free(mine);
    return rc;
  }
  cnt = hs_calloc((size_t)d->size, sizeof *cnt);
  rcount = hs_calloc((size_t)d->size, sizeof *rcount);
  rdispl = hs_calloc((size_t)d->size + 1, sizeof *rdispl);
  cnt[0] = nmine;
  hs_dist_exchange(d, X_TABLES, mine, cnt, sizeof *mine, &got, rcount,
                   rdispl);
  free(mine);
  if (d->rank == 0) {
    *keys = got;
    *nkeys = (size_t)rdispl[d->size];
    if (*nkeys) hs_sort_u64(*keys, *nkeys);
  } else {
    free(got);
  }
  free(cnt);
  free(rcount);
  free(rdispl);
  return HS_OK;
}

/* The documents of rank 0's passages between two documents, of the pairs
** near and of the pairs cold, ascending; the same list on every rank. */
static uint32_t *needed_docs(const dist *d, const hs_passage *p, size_t n,
                             const uint64_t *near, size_t nnear,
                             const uint64_t *cold, size_t ncold,
                             uint64_t *count) {
  uint64_t *v = NULL, m = 0, i, k;
  uint32_t *docs;
  if (d->rank == 0) {
    v = hs_malloc((2 * n + 2 * nnear + 2 * ncold + 1) * sizeof *v);
    for (i = 0; i < n; i++)
      if (!p[i].internal) {
        v[m++] = p[i].a.doc;
        v[m++] = p[i].b.doc;
      }
    for (i = 0; i < nnear; i++) {
      v[m++] = near[i] >> 32;
      v[m++] = (uint32_t)near[i];
    }
    for (i = 0; i < ncold; i++) {
      v[m++] = cold[i] >> 32;
      v[m++] = (uint32_t)cold[i];
    }
    hs_sort_u64(v, (size_t)m);
    for (i = k = 0; i < m; i++)
      if (!k || v[i] != v[k - 1]) v[k++] = v[i];
    m = k;
  }
  MPI_Bcast(&m, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  docs = hs_malloc((size_t)m * sizeof *docs + 1);
  if (d->rank == 0)
    for (i = 0; i < m; i++) docs[i] = (uint32_t)v[i];
  for (i = 0; i < m; i += (uint64_t)1 << 28) {
    uint64_t len = m - i < ((uint64_t)1 << 28) ? m - i : (uint64_t)1 << 28;
    MPI_Bcast(docs + i, (int)len, MPI_UINT32_T, 0, MPI_COMM_WORLD);
  }
  free(v);
  *count = m;
  return docs;
}

/* This rank's tables of the needed documents it owns, packed as 32-bit
** words: doc, tokens, sentences, then start, hash and len of each token
** and the sentences' nsent + 1 bounds. */
static int pack_tables(const dist *d, const hs_docset *ds,
                       const hs_senttab *st, const uint32_t *docs,
                       uint64_t ndocs, uint32_t **out, uint64_t *nout,
                       hs_error *err) {
  uint32_t *v = NULL;
  size_t m = 0, cap = 0;
  uint64_t i;
  hs_docbuf buf = {NULL, 0};
  int rc = HS_OK;
  for (i = 0; i < ndocs && !rc; i++) {
    uint32_t doc = docs[i], t, ns;
    hs_doctab T;
    if (doc % (uint32_t)d->size != (uint32_t)d->rank) continue;
    if ((rc = hs_docset_get(ds, doc, &T, &buf, err))) break;
    ns = st[doc].sent ? st[doc].nsent : 0;
    HS_GROW(v, cap, m + 3 + 3 * (size_t)T.n + ns + 1);
    v[m++] = doc;
    v[m++] = T.n;
    v[m++] = ns;
    memcpy(v + m, T.start, T.n * sizeof *v);
    m += T.n;
    memcpy(v + m, T.hash, T.n * sizeof *v);
    m += T.n;
    for (t = 0; t < T.n; t++) v[m++] = T.len[t];
    if (ns) {
      memcpy(v + m, st[doc].sent, (ns + 1) * sizeof *v);
      m += ns + 1;
    }
  }
  hs_docbuf_free(&buf);
  *out = v;
  *nout = m;
  return rc;
}

/* Rank 0: the packed tables into tabs and sents (ndocs entries each, the
** others empty), pointing into v (tabs[].len is malloc'ed). */
static void unpack_tables(uint32_t *v, uint64_t n, hs_doctab *tabs,
                          hs_senttab *sents, size_t ndocs) {
  uint64_t i = 0;
  while (i + 3 <= n) {
    uint32_t doc = v[i], tn = v[i + 1], ns = v[i + 2], t;
    hs_doctab *T;
    i += 3;
    if (doc >= ndocs) break;
    T = &tabs[doc];
    T->n = tn;
    T->start = v + i;
    T->hash = v + i + tn;
    T->len = hs_malloc((size_t)tn + 1);
    for (t = 0; t < tn; t++) T->len[t] = (uint8_t)v[i + 2 * (uint64_t)tn + t];
    i += 3 * (uint64_t)tn;
    sents[doc].n = tn;
    sents[doc].nsent = ns;
    sents[doc].sent = ns ? v + i : NULL;
    if (ns) i += ns + 1;
  }
}

int hs_dist_finish(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                   const hs_senttab *st, const hs_passage *sub, size_t nsub,
                   const uint64_t *near, size_t nnear, size_t first_new,
                   hs_passage **out, size_t *n, hs_error *err) {
  dist d;
  uint64_t *cnt, *rcount, *rdispl, nneed = 0, npack = 0, *keys = NULL;
  uint64_t *cold = NULL;
  size_t nkeys = 0, ncold = 0, nstrong = 0; /* weak pairs too: their tables */
  uint32_t *need = NULL, *pack = NULL;
  void *allsub = NULL, *alltabs = NULL;
  size_t nallsub, i;
  int rc = HS_OK;
  memset(&d, 0, sizeof d);
  MPI_Comm_rank(MPI_COMM_WORLD, &d.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &d.size);
  cnt = hs_calloc((size_t)d.size, sizeof *cnt);
  rcount = hs_calloc((size_t)d.size, sizeof *rcount);
  rdispl = hs_calloc((size_t)d.size + 1, sizeof *rdispl);
  /* the subheads, to rank 0 */
  cnt[0] = nsub;
  hs_dist_exchange(&d, X_PASSAGES, sub, cnt, sizeof *sub, &allsub, rcount,
                   rdispl);
  nallsub = (size_t)rdispl[d.size];
  if (st) {
    if (o->progress && o->progress(o->progress_ud, "sentences", 0,
                                   ds->ndocs))
      rc = hs_error_set(err, HS_EINTR, "interrupted");
    if ((rc = hs_mpi_agree(rc, err))) goto out;
    /* the pairs without a passage that the stage may compare: all those
    ** the keys give (the stage drops those with a passage) */
    if ((rc = cold_keys_step(&d, ds, st, &keys, &nkeys, err))) goto out;
    if (d.rank == 0)
      hs_sent_cold_select(keys, nkeys, ds->ndocs, NULL, NULL, 0, first_new,
                          nthreads, &cold, &ncold, &nstrong, NULL, NULL);
    need = needed_docs(&d, *out, *n, near, nnear, cold, ncold, &nneed);
    rc = pack_tables(&d, ds, st, need, nneed, &pack, &npack, err);
    if ((rc = hs_mpi_agree(rc, err))) goto out;
    cnt[0] = npack;
    hs_dist_exchange(&d, X_TABLES, pack, cnt, sizeof *pack, &alltabs, rcount,
                     rdispl);
    free(pack);
    pack = NULL;
    if (d.rank == 0) {
      hs_doctab *tabs = hs_calloc(ds->ndocs + 1, sizeof *tabs);
      hs_senttab *sents = hs_calloc(ds->ndocs + 1, sizeof *sents);
      hs_docset one;
      hs_sent_coldkeys ck;
      uint64_t *nearc = hs_malloc((nnear + 1) * sizeof *nearc);
      size_t nnearc = nnear; /* ...and the cold pairs, for the summaries */
      ck.key = keys;
      ck.n = nkeys;
      unpack_tables(alltabs, rdispl[d.size], tabs, sents, ds->ndocs);
      memset(&one, 0, sizeof one);
      one.docs = tabs;
      one.ndocs = ds->ndocs;
      if (nnear) memcpy(nearc, near, nnear * sizeof *near);
      rc = hs_sent_run(o, nthreads, &one, sents, first_new, NULL, &ck,
                       &nearc, &nnearc, NULL, out, n, err);
      if (!rc)
        rc = hs_summary_run(o, nthreads, &one, sents, first_new, nearc,
                            nnearc, NULL, out, n, err);
      free(nearc);
      for (i = 0; i < ds->ndocs; i++) free(tabs[i].len);
      free(tabs);
      free(sents);
    }
    free(alltabs);
    alltabs = NULL;
    if ((rc = hs_mpi_agree(rc, err))) goto out;
  }
  if (d.rank == 0) hs_subhead_merge(out, n, allsub, nallsub);
out:
  free(keys);
  free(cold);
  free(allsub);
  free(alltabs);
  free(pack);
  free(need);
  free(cnt);
  free(rcount);
  free(rdispl);
  if (rc) {
    free(*out);
    *out = NULL;
    *n = 0;
  }
  return rc;
}

#endif /* HS_MPI */
