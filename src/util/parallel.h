/*
** parallel.h — a minimal parallel-for over an index range with pthreads.
** Work is handed out in chunks from one atomic counter, so uneven items
** (documents of very different sizes) balance themselves.  Each worker gets
** its thread number, so callers can keep per-thread scratch state without
** locks.
*/
#ifndef HS_PARALLEL_H
#define HS_PARALLEL_H

#include <stddef.h>

/* Called for items [begin, end) on worker `thread` (0..nthreads-1).  A
** nonzero return stops the loop early; the first such code is returned. */
typedef int (*hs_range_fn)(void *ud, int thread, size_t begin, size_t end);

/* Runs fn over [0, n) on nthreads threads (1 = in the calling thread) in
** chunks of `chunk` items.  Returns 0 or the first nonzero code of fn. */
int hs_parallel_for(int nthreads, size_t n, size_t chunk, hs_range_fn fn,
                    void *ud);

#endif
