/*
** cmd_reuse.c — the reuse, dups and index commands: passages between the
** documents named on the command line or stored in a database, groups of
** near-duplicates, and the incremental store.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cmd_reuse(cli *c) {
  hs_corpus *corpus = hs_corpus_new();
  hs_passage *p = NULL;
  size_t n = 0;
  hs_error err;
  int rc;
  hs_error_clear(&err);
  if (c->db && c->npaths)
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
    ** freed as soon as the documents are tokenized. */
    c->ids_only = c->format != HS_FORMAT_TEXT;
    rc = cli_find_passages(c, corpus, c->format == HS_FORMAT_TEXT, &p, &n,
                           NULL, &err);
  }
  cli_progress_done(c);
  if (!rc) rc = hs_write_passages(stdout, c->format, corpus, p, n, &err);
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
  if (!rc) rc = hs_write_dups(stdout, c->format, corpus, group, ngroups, &err);
  free(group);
  free(words);
  free(p);
  hs_corpus_free(corpus);
  return rc ? cli_fail(c, &err) : 0;
}

/* index: the store's documents are loaded and tokenized (they are the
** "old" side), the named paths are read, documents already stored are
** skipped, and the rest are aligned and committed in batches, each batch
** one transaction: an interruption loses at most the batch in progress. */
int cmd_index(cli *c) {
  hs_store *s = NULL;
  hs_corpus *corpus = hs_corpus_new(), *incoming = hs_corpus_new();
  hs_engine *e = NULL;
  hs_passage *p = NULL;
  hs_aliases *al = NULL;
  hs_range_list *boiler = NULL; /* per document: masked furniture */
  hs_meta *metas = NULL;
  size_t nmetas = 0;
  size_t n = 0, old, i, added = 0, skipped = 0, changed = 0, npass = 0;
  size_t first, batch, ntotal;
  hs_error err;
  int rc;
  hs_error_clear(&err);
  if (!c->db) {
    rc = hs_error_set(&err, HS_EUSAGE, "'index' needs --db FILE");
    goto out;
  }
  if ((rc = cli_read_inputs(c, incoming, NULL, NULL, &err))) goto out;
  if ((rc = hs_store_open(&s, c->db, &err))) goto out;
  if ((rc = hs_store_check_opts(s, &c->opts, &err))) goto out;
  if ((rc = hs_store_load_docs(s, corpus, &err))) goto out;
  old = hs_corpus_count(corpus);
  for (i = 0; i < hs_corpus_count(incoming); i++) {
    const hs_doc *d = hs_corpus_doc(incoming, i);
    long at = hs_corpus_find(corpus, d->id);
    if (at >= 0) {
      const hs_doc *o = hs_corpus_doc(corpus, (size_t)at);
      if (o->len != d->len || memcmp(o->text, d->text, d->len)) {
        char what[512];
        snprintf(what, sizeof what, "document '%s' is already stored with "
                 "a different text; the stored version is kept", d->id);
        cli_warn(c, d->source, what);
        changed++;
      } else {
        skipped++;
      }
      continue;
    }
    if ((rc = hs_corpus_add(corpus, d->id, d->text, d->len, d->series,
                            d->date, d->title, d->url, d->extra, d->source,
                            d->line, &err)))
      goto out;
    hs_corpus_release_text(incoming, i);
  }
  hs_corpus_free(incoming);
  incoming = NULL;
  ntotal = hs_corpus_count(corpus);
  /* boilerplate of every document, old and new: an outlet's repeated
  ** lines are found across all of its stored and new documents */
  if ((rc = cli_load_aliases(c, &al, &err))) goto out;
  if ((rc = hs_boiler_corpus(corpus, &boiler, &err))) goto out;
  if ((rc = hs_engine_new(&e, &c->opts, &err))) goto out;
  cli_progress(c, "tokens", 0, ntotal);
  if ((rc = cli_engine_add(c, e, corpus, 0, old, boiler, &err))) goto out;
  batch = c->batch ? c->batch : (ntotal - old) / 8;
  if (!c->batch && batch < 1000) batch = 1000;
  for (first = old; first < ntotal; first += batch) {
    size_t count = ntotal - first < batch ? ntotal - first : batch;
    if (g_interrupted) {
      rc = hs_error_set(&err, HS_EINTR, "interrupted");
      goto out;
    }
    if ((rc = cli_engine_add(c, e, corpus, first, count, boiler, &err)))
      goto out;
    if ((rc = hs_engine_run(e, first, &p, &n, &err))) goto out;
    if (g_interrupted) {
      rc = hs_error_set(&err, HS_EINTR, "interrupted");
      goto out;
    }
    if ((rc = hs_store_commit(s, corpus, first, count, p, n, &err))) goto out;
    /* metadata, attributions and boilerplate of the batch (own tables) */
    nmetas = count;
    if ((rc = cli_metas(c, corpus, al, boiler, first, count, &metas, &err)) ||
        (rc = hs_meta_store_save(s, first, count, metas, &err)))
      goto out;
    for (i = 0; i < nmetas; i++) hs_meta_clear(&metas[i]);
    free(metas);
    metas = NULL;
    added += count;
    npass += n;
    free(p);
    p = NULL;
    cli_progress(c, "stored", first + count - old, ntotal - old);
  }
  cli_progress_done(c);
  if (!c->quiet)
    fprintf(stderr,
            "hearsay: %s: %zu documents added, %zu already stored%s, "
            "%zu new passages; %zu documents in all\n",
            c->db, added, skipped + changed,
            changed ? " (some with a different text)" : "", npass, ntotal);
out:
  if (metas)
    for (i = 0; i < nmetas; i++) hs_meta_clear(&metas[i]);
  free(metas);
  hs_boiler_free(boiler, boiler ? hs_corpus_count(corpus) : 0);
  hs_aliases_free(al);
  free(c->cmd_state);
  c->cmd_state = NULL;
  free(p);
  hs_engine_free(e);
  hs_store_close(s);
  hs_corpus_free(incoming);
  hs_corpus_free(corpus);
  return rc ? cli_fail(c, &err) : 0;
}

