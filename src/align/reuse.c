/*
** reuse.c — the reuse engine's options (defaults, checks) and how a
** passage was found: the small public functions around the engine, kept
** apart from its hot paths (align.c, sentence_pair.c).  The one-call
** entry point over a whole corpus, hs_reuse_find, is in mpi/driver.c with
** hs_engine_run, which chooses between this engine and the MPI one.
*/
#include <string.h>

#include "hearsay.h"
#include "align/align.h"

void hs_reuse_opts_default(hs_reuse_opts *o) {
  memset(o, 0, sizeof *o);
  o->ngram = 5;
  o->min_words = 12;
  o->df_cap = 100;
  o->max_gap = 24;
  o->min_similarity = 0.5;
  o->threads = 0;
  o->internal = 1;
  o->rewrite = 1;
}

int hs_reuse_opts_check(const hs_reuse_opts *o, hs_error *err) {
  if (o->ngram < 1 || o->ngram > 32)
    return hs_error_set(err, HS_EUSAGE, "--ngram must be between 1 and 32");
  if (o->min_words < 1)
    return hs_error_set(err, HS_EUSAGE, "--min-words must be at least 1");
  if (o->df_cap < 2)
    return hs_error_set(err, HS_EUSAGE, "--df-cap must be at least 2");
  if (o->max_gap < 0 || o->max_gap > 10000)
    return hs_error_set(err, HS_EUSAGE,
                        "--max-gap must be between 0 and 10000");
  if (!(o->min_similarity >= 0.0 && o->min_similarity <= 1.0))
    return hs_error_set(err, HS_EUSAGE,
                        "--min-similarity must be between 0 and 1");
  return HS_OK;
}

const char *hs_passage_method(const hs_passage *p) {
  switch (p->method) {
    case HS_METHOD_REWRITTEN: return "rewritten";
    case HS_METHOD_SUMMARY: return "summary";
    case HS_METHOD_EDITED: return "edited";
    default: break;
  }
  return p->words == p->a.words && p->words == p->b.words ? "verbatim"
                                                          : "edited";
}
