/*
** dist_sent.c — the end of a distributed run (driver.c): the sentence
** stage and the repeated subheads, so that an MPI run writes what one
** process writes.
**
** Both work on whole documents: the subheads are found by each document's
** owner when it adds the document, and the sentence stage compares the
** sentences of the pairs that the n-gram passages join, weighting words
** by their counts over those pairs' documents.  The n-gram passages are
** on rank 0 after hs_dist_run, so rank 0 names the documents of the
** passages between two documents and of the pairs seeded without a
** passage (those the stage, its joining step or the summary pass may
** read), each owner sends their token tables and sentence bounds
** there, and rank 0 runs the single-process stage and summary pass on
** them, then merges
** the subheads every rank sent.  The stage itself is not spread: its
** cost is the documents of those passages, read and compared on rank 0.
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

/* The documents of rank 0's passages between two documents and of the
** pairs near, ascending; the same list on every rank. */
static uint32_t *needed_docs(const dist *d, const hs_passage *p, size_t n,
                             const uint64_t *near, size_t nnear,
                             uint64_t *count) {
  uint64_t *v = NULL, m = 0, i, k;
  uint32_t *docs;
  if (d->rank == 0) {
    v = hs_malloc((2 * n + 2 * nnear + 1) * sizeof *v);
    for (i = 0; i < n; i++)
      if (!p[i].internal) {
        v[m++] = p[i].a.doc;
        v[m++] = p[i].b.doc;
      }
    for (i = 0; i < nnear; i++) {
      v[m++] = near[i] >> 32;
      v[m++] = (uint32_t)near[i];
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
  uint64_t *cnt, *rcount, *rdispl, nneed = 0, npack = 0;
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
    need = needed_docs(&d, *out, *n, near, nnear, &nneed);
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
      unpack_tables(alltabs, rdispl[d.size], tabs, sents, ds->ndocs);
      memset(&one, 0, sizeof one);
      one.docs = tabs;
      one.ndocs = ds->ndocs;
      rc = hs_sent_run(o, nthreads, &one, sents, first_new, NULL, out, n,
                       err);
      if (!rc)
        rc = hs_summary_run(o, nthreads, &one, sents, first_new, near, nnear,
                            out, n, err);
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
