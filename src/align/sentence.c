/*
** sentence.c — the sentence-level stage: rewritten and summarized copies.
**
** This file drives it: the pairs compared and the word weights (step 1
** below; the sentence candidates in candidates.c), the run over the pairs
** in parallel, and the records that come out.  The work on one pair
** (steps 2 and 3) is in sentence_pair.c, step 4 in merge.c and join.c.
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
**     and Gelbukh's PAN 2014 aligner).  Summaries (a short passage
**     covering a long one) are left to the summary pass (summary.c): a
**     chain with a wide gap on one side mostly read a rewritten copy as a
**     summary of the text around its source, stray seeds far off
**     widening that side.  In a pair without an n-gram passage only rewritten passages are
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
#include <stdlib.h>
#include <string.h>

#include "align/sentence_pair.h"
#include "cluster/cluster.h"
#include "util/parallel.h"
#include "util/sort.h"
#include "util/util.h"

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

void hs_sent_counts_free(hs_sent_counts *c) {
  hs_termcounts_free(&c->tc);
  free(c->docs);
  c->docs = NULL;
}

int hs_sent_run(const hs_reuse_opts *o, int nthreads, const hs_docset *ds,
                const hs_senttab *st, size_t first_new, hs_sent_prior *prior,
                const hs_sent_coldkeys *cold_in, uint64_t **near,
                size_t *nnear, hs_sent_counts *keep, hs_passage **p,
                size_t *n, hs_error *err) {
  sjob j;
  size_t i, x, y, ng = 0, total, m;
  uint8_t *inv = NULL, *paired = NULL;
  uint64_t *open, *closed;
  size_t nopen = 0, nclosed = 0, ncoldp = 0, nstrong = 0, nwide = 0;
  size_t nthin = 0;
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
    hs_sort_keyed_threads(pq, nb, sizeof *pq, 1, pkey_key, NULL, pkey_cmp,
                          nthreads);
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
                          closed, nclosed + nopen, first_new, nthreads,
                          &cold, &ncold, &nstrong, &nwide, &nthin);
    } else if (!(rc = hs_sent_cold_keys_all(ds, st, nthreads, &keys, &nkeys,
                                          err))) {
      hs_sent_cold_select(keys, nkeys, ds->ndocs, paired, closed,
                          nclosed + nopen, first_new, nthreads, &cold,
                          &ncold, &nstrong, &nwide, &nthin);
    } else {
      io_error = rc;
    }
    free(keys);
    open = hs_reallocarray(open, nopen + ncold + 1, sizeof *open);
    for (i = 0; i < ncold; i++) {
      open[nopen + i] = cold[i];
      inv[cold[i] >> 32] = inv[(uint32_t)cold[i]] = 1;
    }
    if (near && nstrong > nthin) { /* for the summary pass (not the thin
      ** nor the weak pairs) */
      *near = hs_reallocarray(*near, *nnear + nstrong - nthin + 1,
                              sizeof **near);
      memcpy(*near + *nnear, cold, (nstrong - nthin) * sizeof *cold);
      *nnear += nstrong - nthin;
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
  if (!prior && !rc) { /* the whole corpus: counted on the threads */
    if ((rc = hs_termcounts_add_docs(&tc, ds, inv, nthreads, err)))
      io_error = rc;
  }
  for (i = 0; prior && i < ds->ndocs && !rc; i++) {
    hs_doctab T;
    if (!inv[i] || hs_sent_prior_has(prior, i)) continue;
    if (hs_docset_get(ds, i, &T, &j.sc[0].bufa, &j.sc[0].err)) rc = HS_EIO;
    else {
      hs_termcounts_add(&tc, T.hash, T.n);
      hs_sent_prior_note(prior, i, T.hash, T.n);
    }
  }
  hs_sent_prior_fold(prior, &tc);
  j.idf = hs_sent_idf_table(&tc, nthreads, &j.stopcnt, &j.stopidf);
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
  if (keep && !prior) keep->docs = inv; /* the counted documents */
  else free(inv);
  free(paired);
  j.cand = cands.cand;
  j.pairs = cands.pairs;
  j.nopen = cands.nopen;
  j.nweak = nopen + nstrong;
  j.nwide = j.nweak - nwide;
  j.gstart = cands.gstart;
  ng = cands.ngroups;
  if (!rc) rc = hs_parallel_for(nthreads, ng, 16, hs_sent_pairs_range, &j);
  total = 0;
  for (t = 0; t < nthreads; t++) total += j.sc[t].nout;
  res = NULL;
  m = 0;
  if (!rc) { /* the passages kept, in place, then this stage's after
    ** them: a large block grows where it lies, without a copy to pages
    ** not yet touched */
    res = *p;
    *p = NULL;
    for (i = 0; i < *n; i++)
      if (!j.gone[i]) res[m++] = res[i];
    res = hs_reallocarray(res, m + total + 1, sizeof *res);
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
    hs_sent_scratch_free(sc);
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
    if (keep) hs_sent_counts_free(keep);
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
  if (keep && keep->docs && !rc) keep->tc = tc;
  else hs_termcounts_free(&tc);
  if (rc) { /* *p was taken into res */
    if (keep) hs_sent_counts_free(keep);
    free(res);
    *n = 0;
    return rc;
  }
  *p = res;
  *n = m;
  hs_cluster_passage_sort_threads(*p, *n, nthreads);
  return HS_OK;
}
