/*
** cmd_trace.c — `hearsay trace PATH... [-o DIR] [--db FILE]`: find the
** reuse (indexing into the store first when --db is given, with the same
** code as `hearsay index`), group near-duplicates, and write the offline
** HTML report with hs_trace_write.  The texts must stay in memory until
** the report is written, since the report carries them.  Each document's
** metadata (date read from the text, outlet, byline, boilerplate,
** attributions) is computed as `hearsay meta` does (cli_metas in
** cmd_sources.c), so the report shows the same attributions.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int cmd_trace(cli *c) {
  hs_corpus *corpus = NULL;
  hs_passage *p = NULL;
  uint32_t *words = NULL;
  int32_t *group = NULL;
  hs_aliases *al = NULL;
  hs_range_list *boiler = NULL;
  hs_meta *metas = NULL;
  hs_provenance pv;
  hs_claims *cl = NULL;
  size_t n = 0, ngroups = 0, nd = 0, i;
  hs_trace_opts o;
  hs_error err;
  const char *dir = c->out ? c->out : "report";
  int rc;
  hs_error_clear(&err);
  memset(&pv, 0, sizeof pv);
  if (!c->db && !c->npaths)
    return cli_usage_error("'trace' needs at least one PATH (or --db FILE)");
  /* the alias table first: `index` releases the command's options */
  if ((rc = cli_load_aliases(c, &al, &err))) {
    hs_aliases_free(al);
    return cli_fail(c, &err);
  }
  if (c->db && c->npaths) {
    /* add the new documents to the store, exactly as `hearsay index` */
    if ((rc = cmd_index(c))) {
      hs_aliases_free(al);
      return rc;
    }
  }
  if (!(corpus = hs_corpus_new())) {
    hs_aliases_free(al);
    hs_error_set(&err, HS_ENOMEM, "out of memory");
    return cli_fail(c, &err);
  }
  if (c->db)
    rc = cli_load_store(c, corpus, &p, &n, &words, &err);
  else
    rc = cli_find_passages(c, corpus, 1, &p, &n, &words, &err);
  if (!rc)
    rc = hs_dups_group(p, n, hs_corpus_count(corpus), words, c->threshold,
                       &group, &ngroups, &err);
  if (!rc) {
    nd = hs_corpus_count(corpus);
    cli_progress(c, "metadata", 0, nd);
    rc = hs_boiler_corpus(corpus, &boiler, &err);
  }
  if (!rc) rc = cli_metas(c, corpus, al, boiler, 0, nd, &metas, &err);
  if (!rc) {
    /* the story model, with paraphrases: the same stories and "first" as
    ** `hearsay stories` */
    cli_progress(c, "stories", 0, nd);
    if (!(rc = hs_claims_new(&cl, c->search.wordnet, &err))) {
      hs_claims_set_cancel(cl, (const volatile int *)&g_interrupted);
      rc = hs_claims_add_corpus(cl, corpus, &err);
    }
    if (!rc)
      rc = hs_provenance_build(corpus, metas, p, n, words, al, cl, NULL, &pv,
                               &err);
  }
  if (!rc) {
    hs_trace_opts_default(&o);
    o.metas = metas;
    o.story = &pv;
    o.group = group;
    o.cancel = (const volatile int *)&g_interrupted;
    cli_progress(c, "report", 0, 0);
    rc = hs_trace_write(dir, corpus, p, n, &o, &err);
  }
  cli_progress_done(c);
  if (!rc) printf("open %s%sindex.html\n", dir,
                  dir[strlen(dir) - 1] == '/' ? "" : "/");
  if (metas)
    for (i = 0; i < nd; i++) hs_meta_clear(&metas[i]);
  free(metas);
  hs_boiler_free(boiler, boiler ? nd : 0);
  hs_provenance_free(&pv);
  hs_claims_free(cl); /* borrows the corpus: freed before it */
  hs_aliases_free(al);
  free(group);
  free(words);
  free(p);
  hs_corpus_free(corpus);
  return rc ? cli_fail(c, &err) : 0;
}
