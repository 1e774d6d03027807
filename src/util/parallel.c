/*
** parallel.c — see parallel.h.  Threads are created per call: the stages
** that use this run for milliseconds to minutes, so a pool would save
** nothing measurable.
*/
#include "util/parallel.h"

#include <pthread.h>
#include <stdlib.h>

#include "util/util.h"

typedef struct job {
  hs_range_fn fn;
  void *ud;
  size_t n, chunk;
  size_t next;   /* atomic */
  int status;    /* atomic: first nonzero code */
} job;

typedef struct worker {
  job *j;
  int thread;
} worker;

static void run_worker(job *j, int thread) {
  for (;;) {
    size_t begin, end;
    int rc;
    if (__atomic_load_n(&j->status, __ATOMIC_RELAXED)) return;
    begin = __atomic_fetch_add(&j->next, j->chunk, __ATOMIC_RELAXED);
    if (begin >= j->n) return;
    end = begin + j->chunk < j->n ? begin + j->chunk : j->n;
    rc = j->fn(j->ud, thread, begin, end);
    if (rc) {
      int zero = 0;
      __atomic_compare_exchange_n(&j->status, &zero, rc, 0, __ATOMIC_SEQ_CST,
                                  __ATOMIC_SEQ_CST);
      return;
    }
  }
}

static void *thread_main(void *arg) {
  worker *w = arg;
  run_worker(w->j, w->thread);
  return NULL;
}

int hs_parallel_for(int nthreads, size_t n, size_t chunk, hs_range_fn fn,
                    void *ud) {
  job j;
  pthread_t *tids;
  worker *ws;
  int i, started = 0;
  j.fn = fn;
  j.ud = ud;
  j.n = n;
  j.chunk = chunk ? chunk : 1;
  j.next = 0;
  j.status = 0;
  if (nthreads < 1) nthreads = 1;
  if ((size_t)nthreads > (n + j.chunk - 1) / j.chunk)
    nthreads = (int)((n + j.chunk - 1) / j.chunk);
  if (nthreads <= 1) {
    run_worker(&j, 0);
    return j.status;
  }
  tids = hs_calloc((size_t)nthreads, sizeof *tids);
  ws = hs_calloc((size_t)nthreads, sizeof *ws);
  for (i = 1; i < nthreads; i++) {
    ws[i].j = &j;
    ws[i].thread = i;
    if (pthread_create(&tids[i], NULL, thread_main, &ws[i]) != 0) break;
    started = i;
  }
  run_worker(&j, 0);
  for (i = 1; i <= started; i++) pthread_join(tids[i], NULL);
  free(tids);
  free(ws);
  return j.status;
}
