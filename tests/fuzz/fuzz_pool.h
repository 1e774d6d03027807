/*
** fuzz_pool.h — a memory pool for the libraries a fuzz target calls
** (libxml2 in fuzz_html, jansson in fuzz_jsonl), installed through their
** own allocator hooks (xmlMemSetup, json_set_alloc_funcs) by the target
** before the first run.  Under the sanitizer every malloc records a stack
** and every free quarantines the block, so a run touched fresh pages for
** each of the parser's many small blocks; the pool gives them back out
** instead, keeping the sanitizer's checks on them, and counts the blocks
** in use so that a target can check that a run gave back all it took
** (the leak check for the library's objects, which the leak checker no
** longer sees one by one).
**
** A block is a 16-byte header (its size, its class) and the bytes asked
** for, in a chunk of 2^class bytes from malloc; blocks larger than
** 2^POOL_MAX_CLASS bytes are malloc'ed and freed as they are.  A freed
** chunk is poisoned and waits in a ring until POOL_KEEP others of its
** class were freed after it (so a use after free is still caught for a
** while), then goes on top of its class's stack, which malloc takes from
** first (the chunk freed most recently after those, still in the cache).
** Pointers to free chunks are kept outside them: the leak checker does
** not follow pointers kept in poisoned memory.  The header and the bytes
** past the size stay poisoned, so overflows are caught as the sanitizer's
** red zones catch them.  Not thread-safe: the targets run on one thread.
** The functions are left out of the coverage the fuzzer follows (their
** branches say nothing of the input).  fuzz_store keeps a pool of the
** same design of its own, with SQLite's int sizes.
*/
#ifndef HS_FUZZ_POOL_H
#define HS_FUZZ_POOL_H

#include <stdlib.h>
#include <string.h>

#include <sanitizer/asan_interface.h>

#define POOL_MIN_CLASS 5
#define POOL_MAX_CLASS 20
#define POOL_WARM_CLASS 14
#define POOL_KEEP 16
#define POOL_HDR 16
#ifdef __clang__
#define POOL_FN \
  static __attribute__((no_sanitize("address", "coverage"), unused))
#else
#define POOL_FN static __attribute__((no_sanitize_address, unused))
#endif

typedef struct pool_hdr {
  size_t size;
  size_t cls; /* 0: malloc'ed on its own */
} pool_hdr;

static struct {
  char *wait[POOL_KEEP];
  size_t head, n;
  char **stack;
  size_t top, cap;
} pool_q[POOL_MAX_CLASS + 1];

static long pool_in_use; /* blocks given out and not yet freed */

POOL_FN pool_hdr *pool_hdr_of(void *p) {
  return (pool_hdr *)(void *)((char *)p - POOL_HDR);
}

/* The class of a block of want bytes: the least power of two holding it
** and the header, 0 past the largest. */
POOL_FN size_t pool_class(size_t want) {
  size_t cls =
      (size_t)(64 - __builtin_clzll((unsigned long long)(want + POOL_HDR - 1)));
  if (cls < POOL_MIN_CLASS) cls = POOL_MIN_CLASS;
  return cls > POOL_MAX_CLASS ? 0 : cls;
}

POOL_FN void *pool_malloc(size_t n) {
  size_t want = n ? n : 1, cls = pool_class(want), total;
  char *chunk = NULL;
  pool_hdr *h;
  total = cls ? (size_t)1 << cls : want + POOL_HDR;
  if (cls && pool_q[cls].top) chunk = pool_q[cls].stack[--pool_q[cls].top];
  if (!chunk) {
    chunk = malloc(total);
    if (!chunk) return NULL;
    ASAN_POISON_MEMORY_REGION(chunk, total);
  }
  h = (pool_hdr *)(void *)chunk;
  h->size = want;
  h->cls = cls;
  ASAN_UNPOISON_MEMORY_REGION(chunk + POOL_HDR, want);
  pool_in_use++;
  return chunk + POOL_HDR;
}

POOL_FN void pool_free(void *p) {
  pool_hdr *h;
  size_t cls;
  char *out;
  if (!p) return;
  pool_in_use--;
  h = pool_hdr_of(p);
  cls = h->cls;
  if (!cls) {
    free(h);
    return;
  }
  ASAN_POISON_MEMORY_REGION(p, h->size);
  if (pool_q[cls].n < POOL_KEEP) {
    pool_q[cls].wait[(pool_q[cls].head + pool_q[cls].n++) % POOL_KEEP] =
        (char *)h;
    return;
  }
  out = pool_q[cls].wait[pool_q[cls].head];
  pool_q[cls].wait[pool_q[cls].head] = (char *)h;
  pool_q[cls].head = (pool_q[cls].head + 1) % POOL_KEEP;
  if (pool_q[cls].top == pool_q[cls].cap) {
    size_t cap = pool_q[cls].cap ? 2 * pool_q[cls].cap : 64;
    char **stack = realloc(pool_q[cls].stack, cap * sizeof *stack);
    if (!stack) abort();
    pool_q[cls].stack = stack;
    pool_q[cls].cap = cap;
  }
  pool_q[cls].stack[pool_q[cls].top++] = out;
}

/* A block keeps its chunk when the new size is of the same class. */
POOL_FN void *pool_realloc(void *p, size_t n) {
  void *q;
  size_t old = p ? pool_hdr_of(p)->size : 0;
  if (p && n > 0 && pool_hdr_of(p)->cls &&
      pool_class(n) == pool_hdr_of(p)->cls) {
    if (n < old)
      ASAN_POISON_MEMORY_REGION((char *)p + n, old - n);
    else
      ASAN_UNPOISON_MEMORY_REGION(p, n);
    pool_hdr_of(p)->size = n;
    return p;
  }
  q = pool_malloc(n);
  if (q && p) {
    memcpy(q, p, old < n ? old : n);
    pool_free(p);
  }
  return q;
}

POOL_FN char *pool_strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = pool_malloc(n);
  if (p) memcpy(p, s, n);
  return p;
}

/* Free chunks of each class up to 2^POOL_WARM_CLASS bytes before the
** first run (up to 512 of a class, 1 MB at most), so that a run seldom
** takes from malloc what it does not give back (libFuzzer runs such an
** input again and looks for a leak). */
POOL_FN void pool_warm(void) {
  void *p[512];
  int cls, i, n;
  for (cls = POOL_MIN_CLASS; cls <= POOL_WARM_CLASS; cls++) {
    n = ((1 << 20) >> cls) < 512 ? (1 << 20) >> cls : 512;
    if (n < 2 * POOL_KEEP) n = 2 * POOL_KEEP;
    for (i = 0; i < n; i++)
      if (!(p[i] = pool_malloc(((size_t)1 << cls) - POOL_HDR))) abort();
    for (i = 0; i < n; i++) pool_free(p[i]);
  }
}

#endif
