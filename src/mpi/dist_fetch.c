/*
** dist_fetch.c — steps 4 and 5b of the run spread over MPI ranks
** (dist.c): each rank fetches the word hashes of its pairs' partners that
** other ranks own, and after alignment sends the passages on fetched
** documents back to their owners, who turn word numbers into byte
** offsets.
**
** Kept apart from dist.c (the exchange primitive and the sequence of
** steps) and dist_postings.c (the index's steps) because both halves
** share one wire form: a table travels as its word hashes only, and
** word numbers stand in for byte offsets until the owner converts them.
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

/* Words a table takes on the wire: n, hash[n].  Alignment needs only the
** words' hashes; a fetched table's byte offsets are stood in for by word
** numbers (start[i] = i, len[i] = 0), and the owner turns a passage's
** word numbers into bytes afterwards (convert_step): 4 bytes a word
** travel instead of 9. */
static size_t table_words(uint32_t n) { return 1 + (size_t)n; }

/* Step 4: the token tables of the partners this rank lacks.  tabs (a
** copy of ds->docs) gets them, pointing into *store and *ident (caller
** frees both). */
int hs_dist_tables_step(dist *d, const hs_docset *ds, const hs_xpairs *xp,
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
  hs_dist_exchange(d, X_REQUESTS, req, cnt, sizeof *req, (void **)&asked,
                   qcount, qdispl);
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
  hs_dist_exchange(d, X_TABLES, reply, cnt, sizeof *reply, (void **)store,
                   rcount, rdispl);
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
int hs_dist_convert_step(dist *d, const hs_docset *ds, hs_passage **p,
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
  hs_dist_exchange(d, X_CONVERT, send, cnt, sizeof *send, (void **)&recv,
                   rcount, rdispl);
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

#endif /* HS_MPI */
