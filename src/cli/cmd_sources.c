/*
** cmd_sources.c — the commands about who said what and when: `meta` (one
** metadata record per document), `sources` (most-cited sources, first
** publishers, outlets that only copy), `graph` (the propagation graph as
** DOT, GEXF or JSON Lines) and `timeline` (documents and families in date
** order), `stories` and `story N` (the story model of src/story/: every
** "first" these commands print comes from it); and the boilerplate
** masking the reuse commands use by default.
**
** These commands keep every text in memory: boilerplate lines that one
** outlet repeats are found across all of its documents before the engine
** runs, and metadata is read from the text.  The streaming reuse and dups
** commands mask only the fixed boilerplate patterns, per document.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* ------------------------------------------------------------ masking */

int cli_engine_add(cli *c, hs_engine *e, const hs_corpus *corpus, size_t first,
                   size_t count, const hs_range_list *lists, hs_error *err) {
  /* Without precomputed lists, the engine masks each document's fixed
  ** boilerplate patterns itself, on its worker threads: the hook
  ** c->opts.mask_tokens is set (see main.c) unless --keep-boilerplate
  ** was given. */
  if (c->keep_boilerplate || !lists)
    return hs_engine_add(e, corpus, first, count, err);
  return hs_engine_add_masked(e, corpus, first, count, lists + first, err);
}

/* ------------------------------------------------------------ loading */

typedef struct work {
  hs_corpus *corpus;
  hs_aliases *al;
  hs_range_list *boiler;
  hs_meta *metas;
  hs_passage *p;
  size_t np;
  uint32_t *words;
  hs_graph g;
  hs_claims *cl;
  hs_provenance pv;
} work;

static void work_free(work *w) {
  size_t i, nd = w->corpus ? hs_corpus_count(w->corpus) : 0;
  if (w->metas)
    for (i = 0; i < nd; i++) hs_meta_clear(&w->metas[i]);
  free(w->metas);
  hs_boiler_free(w->boiler, nd);
  hs_aliases_free(w->al);
  free(w->p);
  free(w->words);
  hs_graph_free(&w->g);
  hs_provenance_free(&w->pv);
  hs_claims_free(w->cl); /* borrows the corpus: freed before it */
  hs_corpus_free(w->corpus);
}

int cli_load_aliases(cli *c, hs_aliases **al, hs_error *err) {
  int rc = hs_aliases_new(al, err);
  if (!rc && c->aliases) rc = hs_aliases_load(*al, c->aliases, err);
  return rc;
}

int cli_metas(cli *c, const hs_corpus *corpus, const hs_aliases *al,
              const hs_range_list *boiler, size_t first, size_t count,
              hs_meta **out, hs_error *err) {
  hs_meta *m = calloc(count + 1, sizeof *m);
  *out = m;
  if (!m) return hs_error_set(err, HS_ENOMEM, "out of memory");
  /* boilerplate is reported even with --keep-boilerplate */
  return hs_meta_extract_range(corpus, al, boiler, first, count,
                               c->opts.threads,
                               (const volatile int *)&g_interrupted, m, err);
}

/* Corpus (texts kept), boilerplate, metadata and, if passages is set,
** reuse passages found with boilerplate masked, the graph and the story
** model (with paraphrases when passages is 2). */
static int load(cli *c, work *w, int passages, hs_error *err) {
  size_t nd, i;
  int rc;
  hs_engine *e = NULL;
  memset(w, 0, sizeof *w);
  w->corpus = hs_corpus_new();
  if ((rc = cli_db_or_paths(c, err))) return rc;
  if ((rc = cli_load_aliases(c, &w->al, err))) return rc;
  if (c->db) {
    if ((rc = cli_load_store(c, w->corpus, &w->p, &w->np,
                             passages ? &w->words : NULL, err)))
      return rc;
  } else if ((rc = cli_read_inputs(c, w->corpus, NULL, NULL, err))) {
    return rc;
  }
  nd = hs_corpus_count(w->corpus);
  if ((rc = hs_boiler_corpus(w->corpus, &w->boiler, err))) return rc;
  cli_progress(c, "metadata", 0, nd);
  if ((rc = cli_metas(c, w->corpus, w->al, w->boiler, 0, nd, &w->metas, err)))
    return rc;
  if (passages && !c->db) {
    if ((rc = hs_engine_new(&e, &c->opts, err))) return rc;
    if (!(rc = cli_engine_add(c, e, w->corpus, 0, nd, w->boiler, err)) &&
        !(rc = hs_engine_run(e, 0, &w->p, &w->np, err)))
      rc = hs_families_assign(w->p, w->np, err);
    if (!rc) {
      w->words = calloc(nd + 1, sizeof *w->words);
      if (!w->words) rc = hs_error_set(err, HS_ENOMEM, "out of memory");
      else
        for (i = 0; i < nd; i++) w->words[i] = hs_engine_doc_words(e, i);
    }
    hs_engine_free(e);
    if (rc) return rc;
  }
  if (passages)
    rc = hs_graph_build(w->corpus, w->metas, w->p, w->np, w->words, w->al,
                        &w->g, err);
  if (!rc && passages) {
    hs_provenance_opts po;
    hs_provenance_opts_default(&po);
    if (passages == 2 && !c->no_paraphrase) {
      cli_progress(c, "claims", 0, nd);
      if (!(rc = hs_claims_new(&w->cl, c->search.wordnet, err)) &&
          (hs_claims_set_cancel(w->cl, (const volatile int *)&g_interrupted),
           1) &&
          !(c->search.aliases &&
            (rc = hs_claims_add_aliases(w->cl, c->search.aliases, err))))
        rc = hs_claims_add_corpus(w->cl, w->corpus, err);
      if (rc) return rc;
    }
    cli_progress(c, "stories", 0, nd);
    rc = hs_provenance_build(w->corpus, w->metas, w->p, w->np, w->words,
                             w->al, w->cl, &po, &w->pv, err);
    if (!rc) hs_provenance_apply_graph(&w->pv, &w->g);
  }
  return rc;
}

/* The story model's documents alone (dates, outlets, headlines by the same
** rules as every other command), for search --timeline: boilerplate and
** metadata of the corpus, no passages. */
int cli_provenance_docs(cli *c, const hs_corpus *corpus, hs_provenance *pv,
                        hs_error *err) {
  hs_aliases *al = NULL;
  hs_range_list *boiler = NULL;
  hs_meta *metas = NULL;
  size_t nd = hs_corpus_count(corpus), i;
  int rc;
  memset(pv, 0, sizeof *pv);
  /* the built-in source aliases (search's --aliases are entity aliases) */
  if (!(rc = hs_aliases_new(&al, err)) &&
      !(rc = hs_boiler_corpus(corpus, &boiler, err)) &&
      !(rc = cli_metas(c, corpus, al, boiler, 0, nd, &metas, err)))
    rc = hs_provenance_build(corpus, metas, NULL, 0, NULL, al, NULL, NULL, pv,
                             err);
  if (metas)
    for (i = 0; i < nd; i++) hs_meta_clear(&metas[i]);
  free(metas);
  hs_boiler_free(boiler, nd);
  hs_aliases_free(al);
  return rc;
}

static int finish(cli *c, work *w, int rc, hs_error *err) {
  cli_progress_done(c);
  work_free(w);
  return rc ? cli_fail(c, err) : 0;
}

/* ------------------------------------------------------------ commands */

int cmd_meta(cli *c) {
  work w;
  hs_error err;
  size_t i;
  int rc;
  hs_error_clear(&err);
  rc = load(c, &w, 0, &err);
  for (i = 0; !rc && i < hs_corpus_count(w.corpus); i++)
    rc = g_interrupted ? hs_error_set(&err, HS_EINTR, "interrupted")
                       : hs_meta_write_jsonl(stdout, hs_corpus_doc(w.corpus, i), &w.metas[i],
                             &err);
  return finish(c, &w, rc, &err);
}

int cmd_sources(cli *c) {
  work w;
  hs_error err;
  int rc;
  hs_error_clear(&err);
  rc = load(c, &w, 1, &err);
  if (!rc) rc = hs_sources_write(stdout, c->format, &w.g, &err);
  return finish(c, &w, rc, &err);
}

int cmd_graph(cli *c) {
  work w;
  hs_error err;
  int rc, fmt = hs_graph_format_parse(c->format_name);
  hs_error_clear(&err);
  if (fmt < 0) fmt = HS_GRAPH_JSONL;
  if (c->level || c->edges) {
    /* the story model's graph: documents (or outlets) and typed edges */
    int level = c->level && !strcmp(c->level, "outlet");
    int mask = c->edges ? hs_link_kinds_parse(c->edges) : 15;
    if (c->level && strcmp(c->level, "doc") && strcmp(c->level, "outlet"))
      return cli_usage_error("graph --level wants doc or outlet, not '%s'",
                             c->level);
    if (mask < 0)
      return cli_usage_error("graph --edges wants a comma-separated list of "
                             "reuse, republication, paraphrase, citation, "
                             "not '%s'", c->edges);
    if (fmt == HS_GRAPH_GEXF)
      return cli_usage_error("graph --level and --edges write jsonl or dot");
    rc = load(c, &w, (mask & (1 << HS_LINK_PARAPHRASE)) ? 2 : 1, &err);
    if (!rc) rc = hs_provenance_graph_write(stdout, fmt, level, (unsigned)mask,
                                            &w.pv, &err);
    return finish(c, &w, rc, &err);
  }
  rc = load(c, &w, 1, &err);
  if (!rc) rc = hs_graph_write(stdout, fmt, &w.g, &err);
  return finish(c, &w, rc, &err);
}

int cmd_timeline(cli *c) {
  work w;
  hs_error err;
  int rc;
  hs_error_clear(&err);
  rc = load(c, &w, 1, &err);
  if (!rc) rc = hs_timeline_write(stdout, c->format, &w.g, w.p, w.np, &err);
  return finish(c, &w, rc, &err);
}

/* stories PATH...|--db FILE: the stories of the model, largest first;
** with --id N, or as `story N`, story N as its dated chain. */
int cmd_stories(cli *c) {
  work w;
  hs_error err;
  int rc;
  long id = c->story_id;
  size_t limit = cli_given(c, "limit") ? (size_t)c->search.limit : 0;
  int story = !strcmp(c->cmd, "story");
  hs_error_clear(&err);
  memset(&w, 0, sizeof w);
  if (story) {
    char *end = NULL;
    if (!c->npaths || !*c->paths[0] ||
        (id = strtol(c->paths[0], &end, 10)) < 1 || *end) {
      rc = hs_error_set(&err, HS_EUSAGE, "'story' needs a story number "
                        "first: hearsay story N PATH...|--db FILE");
      return finish(c, &w, rc, &err);
    }
    c->paths++;
    c->npaths--;
  }
  rc = load(c, &w, 2, &err);
  if (!rc && id) rc = hs_story_write(stdout, c->format, &w.pv, (size_t)id, &err);
  else if (!rc) rc = hs_stories_write(stdout, c->format, &w.pv, limit, &err);
  if (story) {
    c->paths--;
    c->npaths++;
  }
  return finish(c, &w, rc, &err);
}
