/*
** batch.c — the metadata of a range of documents on worker threads.
**
** Reading metadata (dates, outlets, bylines, attributions) is the
** dearest per-document step before reuse detection in the commands that
** keep every text, and each document is independent of the others, so
** the range is cut into chunks handed to hs_parallel_for's workers.  The
** records land at their document's place, so the result does not depend
** on the number of threads; on failure the error of the lowest failing
** document is reported, as a serial loop would.
*/
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "util/parallel.h"
#include "util/util.h"

typedef struct batch {
  const hs_corpus *c;
  const hs_aliases *al;
  const hs_range_list *boiler;
  size_t first;
  hs_meta *out;
  const volatile int *cancel;
  hs_error *errs;     /* one per thread */
  size_t *fail_at;    /* per thread: lowest failing document, or SIZE_MAX */
} batch;

static int batch_range(void *ud, int thread, size_t begin, size_t end) {
  batch *b = ud;
  size_t i;
  for (i = begin; i < end; i++) {
    const hs_range_list *bl = b->boiler ? &b->boiler[b->first + i] : NULL;
    int rc;
    if (b->cancel && *b->cancel) {
      rc = hs_error_set(&b->errs[thread], HS_EINTR, "interrupted");
    } else {
      rc = hs_meta_extract(hs_corpus_doc(b->c, b->first + i), b->al, bl,
                           &b->out[i], &b->errs[thread]);
    }
    if (rc) {
      if (i < b->fail_at[thread]) b->fail_at[thread] = i;
      return rc;
    }
  }
  return 0;
}

int hs_meta_extract_range(const hs_corpus *c, const hs_aliases *aliases,
                          const hs_range_list *boiler, size_t first,
                          size_t count, int nthreads,
                          const volatile int *cancel, hs_meta *out,
                          hs_error *err) {
  batch b;
  int t, rc, worst = -1;
  if (nthreads < 1) nthreads = hs_ncpu();
  if (nthreads < 1) nthreads = 1;
  memset(&b, 0, sizeof b);
  b.c = c;
  b.al = aliases;
  b.boiler = boiler;
  b.first = first;
  b.out = out;
  b.cancel = cancel;
  b.errs = hs_calloc((size_t)nthreads, sizeof *b.errs);
  b.fail_at = hs_malloc((size_t)nthreads * sizeof *b.fail_at);
  for (t = 0; t < nthreads; t++) b.fail_at[t] = (size_t)-1;
  rc = hs_parallel_for(nthreads, count, 32, batch_range, &b);
  if (rc) {
    for (t = 0; t < nthreads; t++)
      if (b.fail_at[t] != (size_t)-1 &&
          (worst < 0 || b.fail_at[t] < b.fail_at[worst]))
        worst = t;
    if (worst >= 0) {
      rc = b.errs[worst].code ? b.errs[worst].code : rc;
      if (err) *err = b.errs[worst];
    }
  }
  free(b.errs);
  free(b.fail_at);
  return rc;
}
