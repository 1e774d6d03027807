/*
** driver.c — hs_engine_run and hs_reuse_find: the choice between the
** threaded engine (align/) and the run spread over MPI ranks (dist.c).
**
** It sits above both so that the dependency runs one way: the engine in
** align/ knows nothing of MPI, and the distributed driver builds on the
** engine's alignment.  hs_reuse_opts.nranks > 1 selects the distributed
** run (a collective call on every rank); otherwise the engine runs in
** this process.
*/
#include "align/align.h"
#include "mpi/dist.h"

#include <stdlib.h>

int hs_engine_run(hs_engine *e, size_t first_new, hs_passage **out,
                  size_t *n, hs_error *err) {
  hs_engine_parts p;
  hs_engine_parts_get(e, &p);
  if (p.opts->nranks > 1) { /* collective: dist.c */
    uint32_t *words = NULL;
    uint64_t *near = NULL;
    size_t nnear = 0;
    const hs_senttab *st = hs_engine_senttabs(e);
    int rc;
    *out = NULL;
    *n = 0;
    rc = hs_dist_run(p.opts, p.nthreads, &p.ds, first_new, p.capped,
                     p.failed, out, n, &words, st ? &near : NULL, &nnear,
                     err);
    hs_engine_set_words(e, words);
    if (!rc) { /* the sentence stage, summaries and subheads, on rank 0 */
      hs_passage *sub = NULL;
      size_t nsub = hs_engine_subheads(e, first_new, &sub);
      rc = hs_dist_finish(p.opts, p.nthreads, &p.ds, st, sub, nsub, near,
                          nnear, first_new, out, n, err);
      free(sub);
    }
    free(near);
    return rc;
  }
  return hs_engine_run_local(e, first_new, out, n, err);
}

int hs_reuse_find(const hs_corpus *corpus, const hs_reuse_opts *opts,
                  hs_passage **out, size_t *n, hs_error *err) {
  hs_engine *e = NULL;
  int rc;
  *out = NULL;
  *n = 0;
  if ((rc = hs_engine_new(&e, opts, err))) return rc;
  if ((rc = hs_engine_add(e, corpus, 0, hs_corpus_count(corpus), err)))
    goto out;
  if ((rc = hs_engine_run(e, 0, out, n, err))) goto out;
  rc = hs_families_assign(*out, *n, err);
out:
  if (rc) {
    free(*out);
    *out = NULL;
    *n = 0;
  }
  hs_engine_free(e);
  return rc;
}
