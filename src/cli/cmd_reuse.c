/*
** cmd_reuse.c — the reuse, families, dups and index commands: passages
** between the documents named on the command line or stored in a
** database, the families of copies with their members, groups of
** near-duplicates, and the incremental store.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "../store/shingles.h"
#include "../store/store.h"

/* The record options of --flat, --with-text and --offsets; an error for
** a combination the format does not use. */
int cli_write_opts(cli *c, hs_write_opts *wo, hs_error *err) {
  hs_write_opts_default(wo);
  wo->format = c->format;
  if (!strcmp(c->format_name, "passim")) wo->format = HS_FORMAT_PASSIM;
  wo->flat = c->flat;
  wo->with_text = c->with_text;
  /* passim's offsets are characters unless --offsets bytes says not */
  wo->char_offsets = c->offsets ? !strcmp(c->offsets, "chars")
                                : wo->format == HS_FORMAT_PASSIM;
  if (c->flat && c->format != HS_FORMAT_JSONL)
    return hs_error_set(err, HS_EUSAGE, "--flat is a form of JSON Lines; "
                        "--format %s is flat already or has no fields",
                        c->format_name);
  if (c->with_text && c->format == HS_FORMAT_TEXT)
    return hs_error_set(err, HS_EUSAGE, "--with-text is for --format jsonl "
                        "or tsv; the text format quotes the passages");
  return HS_OK;
}

int cmd_reuse(cli *c) {
  hs_corpus *corpus = hs_corpus_new();
  hs_passage *p = NULL;
  hs_write_opts wo;
  size_t n = 0;
  hs_error err;
  int rc;
  hs_error_clear(&err);
  if ((rc = cli_write_opts(c, &wo, &err)))
    ;
  else if (c->db && c->npaths)
    rc = hs_error_set(&err, HS_EUSAGE,
                      "give either --db FILE or paths to 'reuse' (to add "
                      "paths to a store, use 'hearsay index --db FILE PATH')");
  else if (!c->db && !c->npaths)
    rc = hs_error_set(&err, HS_EUSAGE, "'reuse' needs at least one PATH "
                                       "(or --db FILE); try 'hearsay --help'");
  else if (c->db)
    rc = cli_load_store(c, corpus, &p, &n, NULL, &err);
  else {
    /* JSON Lines and TSV need only offsets and ids: texts and metadata are
    ** freed as soon as the documents are tokenized, unless the records
    ** carry texts, metadata or character offsets. */
    int keep_text = c->format == HS_FORMAT_TEXT || wo.with_text ||
                    wo.char_offsets;
    c->ids_only = c->format != HS_FORMAT_TEXT && !wo.with_text && !wo.flat;
    rc = cli_find_passages(c, corpus, keep_text, &p, &n, NULL, &err);
  }
  cli_progress_done(c);
  if (!rc && c->opts.rank == 0) /* MPI: rank 0 writes */
    rc = hs_write_passages_ex(stdout, &wo, corpus, p, n, &err);
  free(p);
  hs_corpus_free(corpus);
  return rc ? cli_fail(c, &err) : 0;
}

/* families: each family of reused text with its members (texts kept: a
** member's record carries its text). */
int cmd_families(cli *c) {
  hs_corpus *corpus = hs_corpus_new();
  hs_passage *p = NULL;
  hs_write_opts wo;
  size_t n = 0;
  hs_error err;
  int rc;
  hs_error_clear(&err);
  if ((rc = cli_write_opts(c, &wo, &err)))
    ;
  else if (c->db && c->npaths)
    rc = hs_error_set(&err, HS_EUSAGE, "give either --db FILE or paths to "
                                       "'families'");
  else if (!c->db && !c->npaths)
    rc = hs_error_set(&err, HS_EUSAGE, "'families' needs at least one PATH "
                                       "(or --db FILE)");
  else if (c->db)
    rc = cli_load_store(c, corpus, &p, &n, NULL, &err);
  else
    rc = cli_find_passages(c, corpus, 1, &p, &n, NULL, &err);
  cli_progress_done(c);
  if (!rc && c->opts.rank == 0)
    rc = hs_write_families(stdout, &wo, corpus, p, n, &err);
  free(p);
  hs_corpus_free(corpus);
  return rc ? cli_fail(c, &err) : 0;
}

int cmd_dups(cli *c) {
  hs_corpus *corpus = hs_corpus_new();
  hs_passage *p = NULL;
  uint32_t *words = NULL;
  int32_t *group = NULL;
  size_t n = 0, ngroups = 0;
  hs_error err;
  int rc;
  hs_error_clear(&err);
  if (!c->db && !c->npaths)
    rc = hs_error_set(&err, HS_EUSAGE, "'dups' needs at least one PATH "
                                       "(or --db FILE)");
  else if (c->db && c->npaths)
    rc = hs_error_set(&err, HS_EUSAGE, "give either --db FILE or paths");
  else if (c->db)
    rc = cli_load_store(c, corpus, &p, &n, &words, &err);
  else
    rc = cli_find_passages(c, corpus, 0, &p, &n, &words, &err);
  if (!rc)
    rc = hs_dups_group(p, n, hs_corpus_count(corpus), words, c->threshold,
                       &group, &ngroups, &err);
  cli_progress_done(c);
  if (!rc && c->opts.rank == 0) /* MPI: rank 0 writes */
    rc = hs_write_dups(stdout, c->format, corpus, group, ngroups, &err);
  free(group);
  free(words);
  free(p);
  hs_corpus_free(corpus);
  return rc ? cli_fail(c, &err) : 0;
}

/* index: the named paths are read, documents already stored are skipped,
** and the rest are aligned and committed in batches, each batch one
** transaction: an interruption loses at most the batch in progress.
** The new documents are aligned only against the stored documents that
** share enough uncapped shingles with one of them to make a passage,
** found in the store's shingle index (src/store/shingles.c), so a run
** costs what its documents and those partners cost, not the whole store.
** Within a run, as before, the engine keeps every batch: batch k is
** aligned against the partners and batches 0..k-1 without reloading. */

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

/* Align and commit the new documents: e holds the nold stored partners,
** then the nnew new documents (masks: boilerplate of each); the new ones
** are added to the engine and committed batch by batch from doc_id base,
** each batch aligned against the partners and the batches before it. */
static int index_run(cli *c, hs_store *s, const hs_aliases *al,
                     hs_corpus *e, const size_t *old, size_t nold,
                     size_t nnew, size_t base, const hs_range_list *masks,
                     const hs_sidx_post *post, size_t npost,
                     const hs_sidx_cap *caps, size_t ncaps, size_t batch,
                     size_t *npass, hs_error *err) {
  hs_engine *en = NULL;
  hs_passage *p = NULL;
  hs_meta *metas = NULL;
  hs_sidx_post *bp = NULL;
  hs_sidx_lines *lines = NULL;
  uint64_t *capped = NULL;
  size_t first, count = 0, n = 0, i, nc, nbp = 0;
  hs_sidx_batch sb;
  hs_reuse_opts eo = c->opts;
  int rc;

  /* the store keeps n-gram passages only (it has no column for how a
  ** passage was found): --rewrite is for reuse runs */
  eo.rewrite = 0;
  if ((rc = hs_engine_new(&en, &eo, err))) return rc;
  cli_progress(c, "tokens", 0, nold);
  if ((rc = cli_engine_add(c, en, e, 0, nold, masks, err))) goto out;
  for (i = 0; i < nold; i++) hs_corpus_release_text(e, i);
  capped = calloc(ncaps + 1, sizeof *capped);
  if (!capped) {
    rc = hs_error_set(err, HS_ENOMEM, "out of memory");
    goto out;
  }
  for (first = 0; first < nnew; first += batch) {
    size_t k = first / batch, at = nold + first;
    count = nnew - first < batch ? nnew - first : batch;
    if (g_interrupted) {
      rc = hs_error_set(err, HS_EINTR, "interrupted");
      goto out;
    }
    if ((rc = cli_engine_add(c, en, e, at, count, masks, err))) goto out;
    for (i = 0, nc = 0; i < ncaps; i++)
      if (caps[i].batch <= k) capped[nc++] = caps[i].hash;
    hs_engine_set_capped(en, capped, nc);
    if ((rc = hs_engine_run(en, at, &p, &n, err))) goto out;
    if (g_interrupted) {
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
    if ((rc = hs_store_commit_at(s, e, at, count, base + first, p, n,
                                 hs_sidx_write_hook, &sb, err)))
      goto out;
    /* metadata, attributions and boilerplate of the batch (own tables) */
    if ((rc = cli_metas(c, e, al, masks, at, count, &metas, err)) ||
        (rc = hs_meta_store_save(s, base + first, count, metas, err)))
      goto out;
    for (i = 0; i < count; i++) {
      hs_meta_clear(&metas[i]);
      hs_corpus_release_text(e, at + i);
    }
    free(metas);
    metas = NULL;
    free(bp);
    bp = NULL;
    hs_sidx_lines_free(lines);
    lines = NULL;
    free(p);
    p = NULL;
    *npass += n;
    cli_progress(c, "stored", first + count, nnew);
  }
out:
  if (metas)
    for (i = 0; i < count; i++) hs_meta_clear(&metas[i]);
  free(metas);
  free(bp);
  hs_sidx_lines_free(lines);
  free(capped);
  free(p);
  hs_engine_free(en);
  return rc;
}

/* The new documents (texts in fresh, moved out of it): their boilerplate
** and shingles, the stored documents they may share passages with, then
** index_run. */
static int index_new(cli *c, hs_store *s, const hs_aliases *al,
                     hs_corpus *fresh, size_t base, size_t *npass,
                     hs_error *err) {
  size_t nnew = hs_corpus_count(fresh), nold = 0, npost = 0, ncaps = 0, i;
  size_t batch;
  hs_sidx_lines *lines = hs_sidx_lines_new();
  hs_range_list *mnew = NULL, *mold = NULL, *all = NULL;
  hs_sidx_post *post = NULL;
  hs_sidx_cap *caps = NULL;
  hs_corpus *e = hs_corpus_new();
  size_t *old = NULL;
  int rc;

  batch = c->batch ? c->batch : nnew / 8;
  if (!c->batch && batch < 1000) batch = 1000;
  /* boilerplate with the outlet counts of the store and the run, as a
  ** run over the whole corpus would find it */
  hs_sidx_lines_count(lines, fresh, 0, nnew);
  if ((rc = hs_sidx_masks(s, lines, fresh, 0, nnew, &mnew, err))) goto out;
  cli_progress(c, "shingles", 0, nnew);
  if ((rc = hs_sidx_shingles(&c->opts, fresh, nnew,
                             c->keep_boilerplate ? NULL : mnew, &post, &npost,
                             err)))
    goto out;
  if ((rc = hs_sidx_lookup(s, post, npost, &c->opts, batch, &caps, &ncaps,
                           &old, &nold, err)))
    goto out;
  /* the engine's corpus: the partners in store order, then the new ones */
  if ((rc = hs_store_load_docs_at(s, e, old, nold, err))) goto out;
  if ((rc = hs_sidx_masks(s, lines, e, 0, nold, &mold, err))) goto out;
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
  rc = index_run(c, s, al, e, old, nold, nnew, base, all, post, npost, caps,
                 ncaps, batch, npass, err);
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

/* The state of one index run: documents are read as a stream and handed
** over in chunks, each deduplicated against the store and indexed (its
** batches committed) before more are read, so that a never-ending input
** (`hearsay index --db FILE -` fed by a crawler) is stored as it comes. */
typedef struct index_state {
  cli *c;
  hs_store *s;
  hs_aliases *al;
  size_t chunk;      /* documents read per chunk */
  size_t next;       /* first document of the input not yet handled */
  size_t base;       /* documents stored */
  size_t added, skipped, changed, npass;
  hs_error err;
} index_state;

/* Documents [x->next, end) of the input: those not stored yet (nor given
** earlier in the chunk) are indexed; all texts are then released. */
static int index_chunk(index_state *x, hs_corpus *in, size_t end) {
  hs_corpus *fresh = hs_corpus_new();
  size_t i, nnew;
  int rc = hs_store_read_begin(x->s, &x->err);
  for (i = x->next; !rc && i < end; i++) {
    const hs_doc *d = hs_corpus_doc(in, i);
    long at = hs_corpus_find(fresh, d->id);
    int state = HS_DOC_ABSENT;
    char what[512];
    if (at >= 0) {
      const hs_doc *o = hs_corpus_doc(fresh, (size_t)at);
      state = o->len == d->len && !memcmp(o->text, d->text, d->len)
                  ? HS_DOC_SAME
                  : HS_DOC_DIFFERENT;
      snprintf(what, sizeof what, "document '%s' is given twice with "
               "different texts; the first is kept", d->id);
    } else {
      rc = hs_store_doc_state(x->s, d, &state, &x->err);
      snprintf(what, sizeof what, "document '%s' is already stored with "
               "a different text; the stored version is kept", d->id);
    }
    if (rc) break;
    if (state == HS_DOC_DIFFERENT) {
      cli_warn(x->c, d->source, what);
      x->changed++;
    } else if (state == HS_DOC_SAME) {
      x->skipped++;
    } else {
      rc = hs_corpus_add(fresh, d->id, d->text, d->len, d->series, d->date,
                         d->title, d->url, d->extra, d->source, d->line,
                         &x->err);
    }
  }
  hs_store_read_end(x->s);
  for (i = x->next; i < end; i++) hs_corpus_release_text(in, i);
  x->next = end;
  nnew = hs_corpus_count(fresh);
  if (!rc && nnew)
    rc = index_new(x->c, x->s, x->al, fresh, x->base, &x->npass, &x->err);
  if (!rc) {
    x->added += nnew;
    x->base += nnew;
  }
  hs_corpus_free(fresh);
  return rc;
}

static int index_on_doc(void *ud, hs_corpus *in, size_t index) {
  index_state *x = ud;
  if (index + 1 - x->next < x->chunk) return 0;
  return index_chunk(x, in, index + 1);
}

int cmd_index(cli *c) {
  hs_corpus *in = hs_corpus_new();
  index_state x;
  size_t covered = 0;
  hs_error err;
  int rc;
  hs_error_clear(&err);
  memset(&x, 0, sizeof x);
  x.c = c;
  /* a chunk: 100,000 documents, or 8 batches when --batch is given */
  x.chunk = c->batch ? 8 * c->batch : 100000;
  if (!c->db) {
    rc = hs_error_set(&err, HS_EUSAGE, "'index' needs --db FILE");
    goto out;
  }
  if ((rc = hs_store_open(&x.s, c->db, &err))) goto out;
  hs_store_set_cancel(x.s, (const volatile int *)&g_interrupted);
  if ((rc = hs_store_check_opts(x.s, &c->opts, &err))) goto out;
  /* a store written before the shingle index: index it once */
  if ((rc = hs_sidx_covered(x.s, &covered, &x.base, &err))) goto out;
  if (covered < x.base && !c->quiet)
    fprintf(stderr, "hearsay: %s: building the shingle index of %zu stored "
            "documents (once; later runs read only what they need)\n",
            c->db, x.base - covered);
  if ((rc = hs_sidx_build(x.s, &c->opts, c->keep_boilerplate, cli_progress, c,
                          &err)))
    goto out;
  if ((rc = cli_load_aliases(c, &x.al, &err))) goto out;
  rc = cli_read_inputs(c, in, index_on_doc, &x, &err);
  if (rc == HS_EINTR && x.err.code && x.err.code != HS_EINTR) err = x.err;
  if (!rc && x.next < hs_corpus_count(in)) {
    rc = index_chunk(&x, in, hs_corpus_count(in));
    if (rc) err = x.err;
  }
  if (rc) goto out;
  cli_progress_done(c);
  if (!c->quiet)
    fprintf(stderr,
            "hearsay: %s: %zu documents added, %zu already stored%s, "
            "%zu new passages; %zu documents in all\n",
            c->db, x.added, x.skipped + x.changed,
            x.changed ? " (some with a different text)" : "", x.npass,
            x.base);
out:
  hs_aliases_free(x.al);
  hs_store_close(x.s);
  hs_corpus_free(in);
  return rc ? cli_fail(c, &err) : 0;
}
