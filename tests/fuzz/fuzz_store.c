/*
** fuzz_store.c — libFuzzer target for the store reader on a damaged
** database file: the input is written to a file and opened as a store,
** then its documents, passages and sentence index are read and searched.
** Any input may be refused (not a hearsay database, damaged, newer
** schema) with an error, never a crash, a hang or a sanitizer report.  The
** seeds are small real stores, so mutations are plausible damage: a
** flipped byte in a page, a truncated file, a changed schema entry.  Two
** are of an older format (rollback journal, no method column: each run
** on them converts and migrates the copy); current_schema.db is what the
** current code writes (WAL, the method column, the sentence index built),
** 512-byte pages to keep it small.
**
** SQLite's memory comes from a pool kept here: the thousands of small
** blocks SQLite allocates and frees to read each schema went through the
** sanitizer's allocator, which records a stack for each and quarantines
** every freed one (fresh pages, page faults), a third or more of a run's
** CPU.  The pool keeps the sanitizer's checks on them (a block is
** poisoned past its size and while free), and after each run all of
** SQLite's memory must be back, the leak check for SQLite's objects.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <sanitizer/asan_interface.h>
#include <sqlite3.h>

#include "hearsay.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int cond) {
  if (!cond) abort();
}

/* ------------------------------------------------- SQLite's memory pool */

/* A block is a 16-byte header (its size, its class) and the bytes SQLite
** asked for, in a chunk of 2^class bytes from malloc; chunks of more than
** 2^POOL_MAX_CLASS bytes are malloc'ed and freed as they are.  The free
** lists of the classes up to 2^POOL_WARM_CLASS bytes are filled before the first
** run, so that a run seldom allocates from malloc what it does not free
** (libFuzzer runs such an input again and looks for a leak).  A freed
** chunk, poisoned, joins its class's free list (pointers kept outside the
** chunks: the leak checker does not follow pointers kept in poisoned
** memory) and is given out again only after POOL_KEEP others were freed
** after it, so that a use after free is still caught for a while.  The
** header and the bytes past the size stay poisoned, so overflows are
** caught as the sanitizer's red zones catch them; the functions here read
** the header unchecked.  SQLite calls them under its memory mutex (memory
** statistics are on, which LLVMFuzzerInitialize makes sure of), so they
** take no lock.  They are left out of the coverage the fuzzer follows:
** their branches say nothing of the input. */
#define POOL_MIN_CLASS 5
#define POOL_MAX_CLASS 20
#define POOL_WARM_CLASS 17
#define POOL_KEEP 16
#define POOL_HDR 16
#ifdef __clang__
#define POOL_FN static __attribute__((no_sanitize("address", "coverage")))
#else
#define POOL_FN static __attribute__((no_sanitize_address))
#endif

typedef struct pool_hdr {
  size_t size;
  size_t cls; /* 0: malloc'ed on its own */
} pool_hdr;

/* The free chunks of a class: the POOL_KEEP freed last wait in a ring, in
** the order they were freed; the one pushed out of the ring goes on top of
** a stack, and malloc takes the top of the stack: the chunk freed most
** recently after POOL_KEEP others, still in the cache (a queue of all the
** free chunks gave out the coldest one, and a run spent a tenth of its
** time waiting for memory). */
static struct {
  char *wait[POOL_KEEP];
  size_t head, n;
  char **stack;
  size_t top, cap;
} pool_q[POOL_MAX_CLASS + 1];

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

POOL_FN void *pool_malloc(int n) {
  size_t want = (size_t)(n > 0 ? n : 1), cls = pool_class(want), total;
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
  return chunk + POOL_HDR;
}

POOL_FN void pool_free(void *p) {
  pool_hdr *h;
  size_t cls;
  char *out;
  if (!p) return;
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
    check(stack != NULL);
    pool_q[cls].stack = stack;
    pool_q[cls].cap = cap;
  }
  pool_q[cls].stack[pool_q[cls].top++] = out;
}

POOL_FN int pool_size(void *p) {
  return p ? (int)pool_hdr_of(p)->size : 0;
}

/* A block keeps its chunk when the new size is of the same class. */
POOL_FN void *pool_realloc(void *p, int n) {
  void *q;
  size_t old = p ? pool_hdr_of(p)->size : 0;
  if (p && n > 0 && pool_hdr_of(p)->cls &&
      pool_class((size_t)n) == pool_hdr_of(p)->cls) {
    if ((size_t)n < old)
      ASAN_POISON_MEMORY_REGION((char *)p + n, old - (size_t)n);
    else
      ASAN_UNPOISON_MEMORY_REGION(p, (size_t)n);
    pool_hdr_of(p)->size = (size_t)n;
    return p;
  }
  q = pool_malloc(n);
  if (q && p) {
    memcpy(q, p, old < (size_t)n ? old : (size_t)n);
    pool_free(p);
  }
  return q;
}

/* Up to 512 free chunks of each class, 2 MB at most, at least twice
** POOL_KEEP; the largest warm class holds a connection's lookaside
** (about 120 KB), which each run allocates and frees. */
POOL_FN void pool_warm(void) {
  void *p[512];
  int cls, i, n;
  for (cls = POOL_MIN_CLASS; cls <= POOL_WARM_CLASS; cls++) {
    n = ((1 << 21) >> cls) < 512 ? (1 << 21) >> cls : 512;
    if (n < 2 * POOL_KEEP) n = 2 * POOL_KEEP;
    for (i = 0; i < n; i++)
      check((p[i] = pool_malloc((1 << cls) - POOL_HDR)) != NULL);
    for (i = 0; i < n; i++) pool_free(p[i]);
  }
}

POOL_FN int pool_roundup(int n) {
  return (n + 7) & ~7;
}

POOL_FN int pool_init(void *unused) {
  (void)unused;
  return SQLITE_OK;
}

POOL_FN void pool_shutdown(void *unused) {
  (void)unused;
}

/* Every connection holds its lock from the first read to the close
** (PRAGMA locking_mode = EXCLUSIVE, set before the store's own setup):
** SQLite then keeps the WAL index in memory instead of a -shm file, and
** takes no file lock for each statement. */
static int exclusive_init(sqlite3 *db, char **msg,
                          const struct sqlite3_api_routines *api) {
  (void)msg;
  (void)api;
  sqlite3_exec(db, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL);
  return SQLITE_OK;
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  static const sqlite3_mem_methods pool = {
      pool_malloc, pool_free,   pool_realloc,  pool_size,
      pool_roundup, pool_init, pool_shutdown, NULL};
  (void)argc;
  (void)argv;
  /* refused once SQLite is in use (the fault-injection build may have
  ** set an allocator of its own): SQLite's allocator then serves */
  if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 1) == SQLITE_OK &&
      sqlite3_config(SQLITE_CONFIG_MALLOC, &pool) == SQLITE_OK)
    pool_warm();
  sqlite3_auto_extension((void (*)(void))exclusive_init);
  return 0;
}

static const char *db_path(void) {
  static char path[64];
  if (!path[0])
    snprintf(path, sizeof path, "%s/hearsay-fuzz-store-%ld.db",
             access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp",
             (long)getpid());
  return path;
}

/* SQLite's side files, which a run normally leaves none of. */
static void remove_side_files(const char *p) {
  static const char *const sides[] = {"-wal", "-shm", "-journal"};
  char side[96];
  size_t i;
  for (i = 0; i < sizeof sides / sizeof *sides; i++) {
    snprintf(side, sizeof side, "%s%s", p, sides[i]);
    unlink(side);
  }
}

static const char *removed_path; /* the file to remove at exit */

static void remove_db(void) {
  if (removed_path) unlink(removed_path);
}

/* The input becomes the database file: one file for the whole process,
** kept open here and overwritten in place (one write and a truncation to
** the input's size) instead of created and removed for each run.  SQLite
** opens it by its path as a user's program would; this descriptor takes
** no lock and is never closed while SQLite has the file open, so it does
** not drop SQLite's locks. */
static int write_input(const char *path, const uint8_t *data, size_t size) {
  static int fd = -1;
  size_t at = 0;
  if (fd < 0) {
    remove_side_files(path); /* a dead process's leftovers */
    fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) return -1;
    removed_path = path;
    atexit(remove_db);
  }
  while (at < size) {
    ssize_t w = pwrite(fd, data + at, size - at, (off_t)at);
    check(w > 0);
    at += (size_t)w;
  }
  check(ftruncate(fd, (off_t)size) == 0);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *path = db_path();
  static int started;
  static sqlite3_int64 sqlite_base; /* SQLite's memory between runs */
  hs_store *s = NULL;
  hs_corpus *c;
  hs_passage *p = NULL;
  size_t n = 0;
  hs_error err;
  if (size > 1 << 20) return 0;
  if (write_input(path, data, size) != 0) return 0;
  hs_error_clear(&err);
  if (hs_store_open(&s, path, &err) == HS_OK) {
    c = hs_corpus_new();
    if (hs_store_load_docs(s, c, &err) == HS_OK &&
        hs_store_load_passages(s, &p, &n, &err) == HS_OK) {
      /* A damaged page SQLite does not notice can make the documents read
      ** back short: passages may then name documents that are not there,
      ** which callers check (the command line says "database is
      ** damaged"); here they must only be readable. */
      free(p);
    }
    {
      static hs_claims *cl; /* built once (no WordNet): the tables only */
      hs_claim_hit *h = NULL;
      size_t nh = 0;
      if (!cl) check(hs_claims_new(&cl, "", &err) == HS_OK);
      if (hs_claims_search_store(cl, s, "minister said prices", 5, 0.0, &h,
                                 &nh, &err) == HS_OK)
        hs_claim_hits_free(h, nh);
    }
    hs_corpus_free(c);
  } else {
    check(err.code != HS_OK && err.msg[0]);
  }
  hs_store_close(s);
  remove_side_files(path);
  /* every block SQLite allocated in the run is freed with the store */
  if (!started) sqlite_base = sqlite3_memory_used();
  check(sqlite3_memory_used() == sqlite_base);
  started = 1;
  return 0;
}
