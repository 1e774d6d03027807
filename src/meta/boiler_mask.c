/*
** boiler_mask.c — page furniture masked while aligning, as a stage of the
** reuse run: the rule `hearsay reuse` applies by default, here so that
** every caller of the library (the command, the Python package, C
** programs) gets the same passages.
**
** Two kinds of lines are masked.  The fixed patterns of hs_boiler_find
** (share prompts, comment forms, copyright lines...) are found per
** document by the engine's mask hook, on its worker threads, as the
** document is tokenized.  The lines an outlet repeats need every document
** of the outlet first, so the hook only records each document's lines
** (hs_boiler_lines, which keeps hashes, not texts: the texts may be freed
** as soon as they are tokenized) and the repeated ones are masked in the
** engine once all documents are in, before it runs.
*/
#include <stdlib.h>

#include "hearsay.h"

int hs_boiler_mask_tokens(void *ud, size_t doc, const hs_doc *d,
                          const hs_token *toks, size_t ntoks, hs_range **r,
                          size_t *n) {
  if (ud)
    hs_boiler_lines_add_tokens(ud, doc, d->series, d->text, d->len, toks,
                               ntoks);
  return hs_boiler_find(d->text, d->len, r, n, NULL);
}

int hs_boiler_mask_engine(hs_boiler_lines *lines, hs_engine *e, size_t ndocs,
                          hs_error *err) {
  hs_range_list *rep = NULL;
  size_t i;
  int rc;
  if (!lines) return HS_OK;
  if ((rc = hs_boiler_lines_repeated(lines, ndocs, &rep, err))) return rc;
  for (i = 0; i < ndocs; i++) hs_engine_mask(e, i, rep[i].r, rep[i].n);
  hs_boiler_free(rep, ndocs);
  return HS_OK;
}

int hs_reuse_find_masked(const hs_corpus *corpus, const hs_reuse_opts *opts,
                         hs_passage **out, size_t *n, hs_error *err) {
  hs_reuse_opts o = *opts;
  hs_boiler_lines *lines = hs_boiler_lines_new();
  hs_engine *e = NULL;
  size_t ndocs = hs_corpus_count(corpus);
  int rc;
  *out = NULL;
  *n = 0;
  o.mask = NULL;
  o.mask_tokens = hs_boiler_mask_tokens;
  o.mask_ud = lines;
  if ((rc = hs_engine_new(&e, &o, err))) goto out;
  if ((rc = hs_engine_add(e, corpus, 0, ndocs, err))) goto out;
  if ((rc = hs_boiler_mask_engine(lines, e, ndocs, err))) goto out;
  if ((rc = hs_engine_run(e, 0, out, n, err))) goto out;
  rc = hs_families_assign(*out, *n, err);
out:
  if (rc) {
    free(*out);
    *out = NULL;
    *n = 0;
  }
  hs_engine_free(e);
  hs_boiler_lines_free(lines);
  return rc;
}
