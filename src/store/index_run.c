/*
** index_run.c — hs_store_index, incremental indexing into a store: the
** named paths are read, documents already stored are skipped, and the
** rest are aligned and committed in batches, each batch one transaction,
** so an interruption loses at most the batch in progress.
**
** It lives in the store stage because it is the lowest floor that may use
** everything a run needs: the readers (ingest), the engine (align, and the
** driver of mpi), boilerplate and metadata (meta), source aliases (attrib)
** and the store's own tables and shingle index.
**
** The new documents are aligned only against the stored documents that
** share enough uncapped shingles with one of them to make a passage,
** found in the store's shingle index (shingles.c), so a run costs what
** its documents and those partners cost, not the whole store.  Within a
** run the engine keeps every batch: batch k is aligned against the
** partners and batches 0..k-1 without reloading.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "align/align.h"
#include "store/shingles.h"
#include "store/store.h"
#include "store/term_counts.h"

/* The state of one run: documents are read as a stream and handed over
** in chunks, each deduplicated against the store and indexed (its batches
** committed) before more are read. */
typedef struct run {
  hs_store *s;
  const hs_store_index_opts *o;
  hs_aliases *al;
  size_t chunk;      /* documents read per chunk */
  size_t next;       /* first document of the input not yet handled */
  size_t base;       /* documents stored */
  hs_store_index_stats st;
  hs_error err;
} run;

static int cancelled(const run *r) { return r->o->cancel && *r->o->cancel; }

static void progress(const run *r, const char *stage, uint64_t done,
                     uint64_t total) {
  if (r->o->progress) (void)r->o->progress(r->o->progress_ud, stage, done,
                                           total);
}

static void warn(const run *r, const char *where, const char *what) {
  if (r->o->warn) r->o->warn(r->o->warn_ud, where, what);
}

/* The run's shingles of documents [first, first+count), renumbered from
** 0, for the index rows of one batch. */
static hs_sidx_post *batch_posts(const hs_sidx_post *p, size_t n,
                                 size_t first, size_t count, size_t *out) {
  hs_sidx_post *v = malloc((n ? n : 1) * sizeof *v);
  size_t i, m = 0;
  if (!v) return NULL;
  for (i = 0; i < n; i++)
    if (p[i].doc >= first && p[i].doc - first < count) {
      v[m] = p[i];
      v[m++].doc -= (uint32_t)first;
    }
  *out = m;
  return v;
}

/* The rows a batch adds besides documents and passages: its shingle
** index and what its sentence stage counted (NULL with --strict). */
typedef struct batch_rows {
  hs_sidx_batch *sb;
  const hs_tcount_batch *tb;
} batch_rows;

static int batch_hook(hs_store *s, void *ud, hs_error *err) {
  batch_rows *b = ud;
  int rc = hs_sidx_write_hook(s, b->sb, err);
  if (!rc && b->tb) rc = hs_tcount_write(s, b->tb, err);
  return rc;
}

/* Metadata of corpus documents [first, first+count); *out has count
** entries. */
static int metas(const run *r, const hs_corpus *corpus,
                 const hs_range_list *boiler, size_t first, size_t count,
                 hs_meta **out, hs_error *err) {
  hs_meta *m = calloc(count + 1, sizeof *m);
  size_t i;
  int rc = HS_OK;
  *out = m;
  if (!m) return hs_error_set(err, HS_ENOMEM, "out of memory");
  /* boilerplate is reported even with keep_boilerplate */
  for (i = 0; i < count && !rc; i++) {
    const hs_range_list *b = boiler ? &boiler[first + i] : NULL;
    if (cancelled(r)) return hs_error_set(err, HS_EINTR, "interrupted");
    rc = hs_meta_extract(hs_corpus_doc(corpus, first + i), r->al, b, &m[i],
                         err);
  }
  return rc;
}

/* Documents [first, first+count) of e to the engine, masked unless
** keep_boilerplate. */
static int engine_add(const run *r, hs_engine *en, const hs_corpus *e,
                      size_t first, size_t count, const hs_range_list *masks,
                      hs_error *err) {
  if (r->o->keep_boilerplate || !masks)
    return hs_engine_add(en, e, first, count, err);
  return hs_engine_add_masked(en, e, first, count, masks + first, err);
}

/* Align and commit the new documents: e holds the nold stored partners,
** then the nnew new documents (masks: boilerplate of each); the new ones
** are added to the engine and committed batch by batch from doc_id base,
** each batch aligned against the partners and the batches before it. */
static int run_batches(run *r, hs_corpus *e, const size_t *old, size_t nold,
                       size_t nnew, const hs_range_list *masks,
                       const hs_sidx_post *post, size_t npost,
                       const hs_sidx_cap *caps, size_t ncaps, size_t batch,
                       hs_error *err) {
  hs_engine *en = NULL;
  hs_passage *p = NULL;
  hs_meta *mv = NULL;
  hs_sidx_post *bp = NULL;
  hs_sidx_lines *lines = NULL;
  uint64_t *capped = NULL;
  size_t first, count = 0, n = 0, i, nbp = 0, base = r->base;
  hs_sidx_batch sb;
  batch_rows rows;
  hs_reuse_opts eo = r->o->reuse;
  hs_tcount tc;
  hs_tcount_batch tb;
  hs_sent_prior prior;
  uint32_t *docid = NULL;
  uint8_t *counted = NULL;
  int rc, sent = eo.rewrite && eo.nranks <= 1;

  memset(&tc, 0, sizeof tc);
  memset(&tb, 0, sizeof tb);
  memset(&prior, 0, sizeof prior);
  if ((rc = hs_engine_new(&en, &eo, err))) return rc;
  /* the sentence stage weights terms by the counts of every document it
  ** counted in earlier runs too (term_counts.c) */
  if (sent) {
    if ((rc = hs_tcount_load(r->s, &tc, err))) goto out;
    docid = malloc((nold + nnew + 1) * sizeof *docid);
    counted = malloc(nold + nnew + 1);
    if (!docid || !counted) {
      rc = hs_error_set(err, HS_ENOMEM, "out of memory");
      goto out;
    }
    for (i = 0; i < nold; i++) docid[i] = (uint32_t)old[i];
    for (i = 0; i < nnew; i++) docid[nold + i] = (uint32_t)(base + i);
  }
  progress(r, "tokens", 0, nold);
  if ((rc = engine_add(r, en, e, 0, nold, masks, err))) goto out;
  for (i = 0; i < nold; i++) hs_corpus_release_text(e, i);
  /* every batch caps the shingles capped over the whole chunk */
  capped = calloc(ncaps + 1, sizeof *capped);
  if (!capped) {
    rc = hs_error_set(err, HS_ENOMEM, "out of memory");
    goto out;
  }
  for (i = 0; i < ncaps; i++) capped[i] = caps[i].hash;
  hs_engine_set_capped(en, capped, ncaps);
  for (first = 0; first < nnew; first += batch) {
    size_t at = nold + first;
    count = nnew - first < batch ? nnew - first : batch;
    if (cancelled(r)) {
      rc = hs_error_set(err, HS_EINTR, "interrupted");
      goto out;
    }
    if ((rc = engine_add(r, en, e, at, count, masks, err))) goto out;
    if (sent) {
      hs_tcount_prior(&tc, docid, at + count, counted, &prior);
      hs_engine_set_prior(en, &prior);
    }
    if ((rc = hs_engine_run(en, at, &p, &n, err))) goto out;
    if (sent) hs_tcount_batch_make(&prior, docid, &tb);
    if (cancelled(r)) {
      rc = hs_error_set(err, HS_EINTR, "interrupted");
      goto out;
    }
    /* engine documents -> doc_ids, an order-keeping map: a.doc < b.doc */
    for (i = 0; i < n; i++) {
      p[i].a.doc = p[i].a.doc < nold ? (uint32_t)old[p[i].a.doc]
                                     : (uint32_t)(base + p[i].a.doc - nold);
      p[i].b.doc = p[i].b.doc < nold ? (uint32_t)old[p[i].b.doc]
                                     : (uint32_t)(base + p[i].b.doc - nold);
    }
    bp = batch_posts(post, npost, first, count, &nbp);
    lines = hs_sidx_lines_new();
    if (!bp) {
      rc = hs_error_set(err, HS_ENOMEM, "out of memory");
      goto out;
    }
    hs_sidx_lines_count(lines, e, at, count);
    sb.post = bp;
    sb.npost = nbp;
    sb.lines = lines;
    sb.base = base + first;
    sb.count = count;
    rows.sb = &sb;
    rows.tb = sent ? &tb : NULL;
    if ((rc = hs_store_commit_at(r->s, e, at, count, base + first, p, n,
                                 batch_hook, &rows, err)))
      goto out;
    hs_tcount_merge(&tc, &tb);
    hs_tcount_batch_free(&tb);
    /* metadata, attributions and boilerplate of the batch (own tables) */
    if ((rc = metas(r, e, masks, at, count, &mv, err)) ||
        (rc = hs_meta_store_save(r->s, base + first, count, mv, err)))
      goto out;
    for (i = 0; i < count; i++) {
      hs_meta_clear(&mv[i]);
      hs_corpus_release_text(e, at + i);
    }
    free(mv);
    mv = NULL;
    free(bp);
    bp = NULL;
    hs_sidx_lines_free(lines);
    lines = NULL;
    free(p);
    p = NULL;
    r->st.passages += n;
    progress(r, "stored", first + count, nnew);
  }
out:
  if (mv)
    for (i = 0; i < count; i++) hs_meta_clear(&mv[i]);
  free(mv);
  free(bp);
  hs_sidx_lines_free(lines);
  free(capped);
  free(p);
  hs_engine_free(en);
  hs_tcount_batch_free(&tb);
  hs_sent_prior_free(&prior);
  hs_tcount_free(&tc);
  free(docid);
  free(counted);
  return rc;
}

/* The new documents (texts in fresh, moved out of it): their boilerplate
** and shingles, the stored documents they may share passages with, then
** run_batches. */
static int index_new(run *r, hs_corpus *fresh, hs_error *err) {
  const hs_store_index_opts *o = r->o;
  size_t nnew = hs_corpus_count(fresh), nold = 0, npost = 0, ncaps = 0, i;
  size_t batch;
  hs_sidx_lines *lines = hs_sidx_lines_new();
  hs_range_list *mnew = NULL, *mold = NULL, *all = NULL;
  hs_sidx_post *post = NULL;
  hs_sidx_cap *caps = NULL;
  hs_corpus *e = hs_corpus_new();
  size_t *old = NULL;
  int rc;

  batch = o->batch ? o->batch : nnew / 8;
  if (!o->batch && batch < 1000) batch = 1000;
  /* boilerplate with the outlet counts of the store and the run, as a
  ** run over the whole corpus would find it */
  hs_sidx_lines_count(lines, fresh, 0, nnew);
  if ((rc = hs_sidx_masks(r->s, lines, fresh, 0, nnew, &mnew, err))) goto out;
  progress(r, "shingles", 0, nnew);
  if ((rc = hs_sidx_shingles(&o->reuse, fresh, nnew,
                             o->keep_boilerplate ? NULL : mnew, &post, &npost,
                             err)))
    goto out;
  /* the df cap counts the store and the whole chunk, as the masks do and
  ** as a run over the whole corpus counts it (0: one batch), so that a
  ** batch never seeds with a shingle that a later batch of the same run
  ** puts over the cap */
  if ((rc = hs_sidx_lookup(r->s, post, npost, &o->reuse, 0, &caps, &ncaps,
                           &old, &nold, err)))
    goto out;
  /* the engine's corpus: the partners in store order, then the new ones */
  if ((rc = hs_store_load_docs_at(r->s, e, old, nold, err))) goto out;
  if ((rc = hs_sidx_masks(r->s, lines, e, 0, nold, &mold, err))) goto out;
  for (i = 0; i < nnew; i++) {
    const hs_doc *d = hs_corpus_doc(fresh, i);
    if ((rc = hs_corpus_add(e, d->id, d->text, d->len, d->series, d->date,
                            d->title, d->url, d->extra, d->source, d->line,
                            err)))
      goto out;
    hs_corpus_release_text(fresh, i);
  }
  all = calloc(nold + nnew + 1, sizeof *all);
  if (!all) {
    rc = hs_error_set(err, HS_ENOMEM, "out of memory");
    goto out;
  }
  for (i = 0; i < nold; i++) all[i] = mold[i];
  for (i = 0; i < nnew; i++) all[nold + i] = mnew[i];
  rc = run_batches(r, e, old, nold, nnew, all, post, npost, caps, ncaps,
                   batch, err);
out:
  free(all);
  hs_boiler_free(mold, mold ? nold : 0);
  hs_boiler_free(mnew, mnew ? nnew : 0);
  hs_sidx_lines_free(lines);
  hs_corpus_free(e);
  free(post);
  free(caps);
  free(old);
  return rc;
}

/* Documents [r->next, end) of the input: those not stored yet (nor given
** earlier in the chunk) are indexed; all texts are then released. */
static int index_chunk(run *r, hs_corpus *in, size_t end) {
  hs_corpus *fresh = hs_corpus_new();
  size_t i, nnew;
  int rc = hs_store_read_begin(r->s, &r->err);
  for (i = r->next; !rc && i < end; i++) {
    const hs_doc *d = hs_corpus_doc(in, i);
    long at = hs_corpus_find(fresh, d->id);
    int state = HS_DOC_ABSENT;
    char what[512];
    if (at >= 0) {
      const hs_doc *od = hs_corpus_doc(fresh, (size_t)at);
      state = od->len == d->len && !memcmp(od->text, d->text, d->len)
                  ? HS_DOC_SAME
                  : HS_DOC_DIFFERENT;
      snprintf(what, sizeof what, "document '%s' is given twice with "
               "different texts; the first is kept", d->id);
    } else {
      rc = hs_store_doc_state(r->s, d, &state, &r->err);
      snprintf(what, sizeof what, "document '%s' is already stored with "
               "a different text; the stored version is kept", d->id);
    }
    if (rc) break;
    if (state == HS_DOC_DIFFERENT) {
      warn(r, d->source, what);
      r->st.changed++;
    } else if (state == HS_DOC_SAME) {
      r->st.skipped++;
    } else {
      rc = hs_corpus_add(fresh, d->id, d->text, d->len, d->series, d->date,
                         d->title, d->url, d->extra, d->source, d->line,
                         &r->err);
    }
  }
  hs_store_read_end(r->s);
  for (i = r->next; i < end; i++) hs_corpus_release_text(in, i);
  r->next = end;
  nnew = hs_corpus_count(fresh);
  if (!rc && nnew) rc = index_new(r, fresh, &r->err);
  if (!rc) {
    r->st.added += nnew;
    r->base += nnew;
  }
  hs_corpus_free(fresh);
  return rc;
}

static int on_doc(void *ud, hs_corpus *in, size_t index) {
  run *r = ud;
  if (index + 1 - r->next < r->chunk) return 0;
  return index_chunk(r, in, index + 1);
}

void hs_store_index_opts_default(hs_store_index_opts *o) {
  memset(o, 0, sizeof *o);
  hs_reuse_opts_default(&o->reuse);
}

int hs_store_index(hs_store *s, const char *const *paths, size_t npaths,
                   const hs_store_index_opts *opts, hs_store_index_stats *stats,
                   hs_error *err) {
  hs_store_index_opts dflt;
  hs_corpus *in = hs_corpus_new();
  hs_ingest_opts io;
  run r;
  size_t covered = 0, i;
  int rc = HS_OK;
  if (!opts) {
    hs_store_index_opts_default(&dflt);
    opts = &dflt;
  }
  memset(&r, 0, sizeof r);
  hs_error_clear(&r.err);
  r.s = s;
  r.o = opts;
  /* a chunk: 100,000 documents, or 8 batches when batch is given */
  r.chunk = opts->batch ? 8 * opts->batch : 100000;
  if (!in) {
    rc = hs_error_set(err, HS_ENOMEM, "out of memory");
    goto out;
  }
  hs_store_set_cancel(s, opts->cancel);
  if ((rc = hs_store_check_opts(s, &opts->reuse, err))) goto out;
  /* a store written before the shingle index: index it once */
  if ((rc = hs_sidx_covered(s, &covered, &r.base, err))) goto out;
  if (covered < r.base && opts->notice) {
    char what[200];
    snprintf(what, sizeof what, "building the shingle index of %zu stored "
             "documents (once; later runs read only what they need)",
             r.base - covered);
    opts->notice(opts->notice_ud, NULL, what);
  }
  if ((rc = hs_sidx_build(s, &opts->reuse, opts->keep_boilerplate,
                          opts->progress, opts->progress_ud, err)))
    goto out;
  if ((rc = hs_aliases_new(&r.al, err))) goto out;
  if (opts->aliases && (rc = hs_aliases_load(r.al, opts->aliases, err)))
    goto out;
  io = opts->ingest;
  io.warn = opts->warn;
  io.warn_ud = opts->warn_ud;
  io.cancel = opts->cancel;
  io.on_doc = on_doc;
  io.on_doc_ud = &r;
  /* Under MPI every rank reads the inputs itself, and standard input
  ** reaches rank 0 only: the other ranks would see nothing. */
  for (i = 0; i < npaths && opts->reuse.nranks > 1; i++)
    if (!strcmp(paths[i], "-")) {
      rc = hs_error_set(err, HS_EINPUT,
                        "standard input: under MPI it reaches rank 0 only "
                        "and the ranks read different inputs; give the "
                        "input as a file that every rank can read");
      goto out;
    }
  for (i = 0; i < npaths; i++) {
    if ((rc = hs_ingest_path(in, paths[i], &io, err))) break;
    progress(&r, "reading", hs_corpus_count(in), 0);
  }
  /* a chunk's failure stops the reading with HS_EINTR: its own error is
  ** the one to report */
  if (rc == HS_EINTR && r.err.code && r.err.code != HS_EINTR) *err = r.err;
  if (!rc && r.next < hs_corpus_count(in)) {
    rc = index_chunk(&r, in, hs_corpus_count(in));
    if (rc) *err = r.err;
  }
out:
  r.st.total = r.base;
  if (stats) *stats = r.st;
  hs_aliases_free(r.al);
  hs_corpus_free(in);
  hs_store_set_cancel(s, NULL);
  return rc;
}
