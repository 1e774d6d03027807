/*
** fault.c — fault injection for the test build (cmake -DHS_FAULT=ON, which
** `make asan` and `make check` use), in the manner of SQLite's and Lua's
** test harnesses: with HEARSAY_FAULT_ALLOC=N the N-th allocation fails,
** with HEARSAY_FAULT_WRITE=N the N-th write to a database file fails as a
** full disk would; HEARSAY_FAULT_COUNT=1 prints the number of allocations
** and writes at exit, so that a driver (tests/cli/fault_injection.sh) can
** try every N, or a sample of them.
**
** Counted are hearsay's allocation wrappers (util.c), every allocation
** SQLite makes (through SQLITE_CONFIG_MALLOC) and every write, truncate
** and sync of SQLite's files (through a VFS that wraps the default one);
** a failed SQLite allocation or write comes back as SQLITE_NOMEM or
** SQLITE_FULL, so the library's error paths are the ones exercised.
**
** The counters are the only global mutable state of the library, and
** exist only in this build: a release build compiles this file empty.
*/
#include "util/util.h"

#ifdef HS_FAULT_INJECTION

#include <sqlite3.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static atomic_ulong counts[2];
static unsigned long fail_at[2]; /* 0: never */
static int report_counts;
static sqlite3_mem_methods real_mem;
static sqlite3_vfs *real_vfs;

int hs_fault_hit(int kind) {
  unsigned long n = atomic_fetch_add(&counts[kind], 1) + 1;
  return fail_at[kind] && n == fail_at[kind];
}

/* ------------------------------------------------------ SQLite memory */

static void *mem_malloc(int n) {
  return hs_fault_hit(HS_FAULT_ALLOC) ? NULL : real_mem.xMalloc(n);
}
static void mem_free(void *p) { real_mem.xFree(p); }
static void *mem_realloc(void *p, int n) {
  return hs_fault_hit(HS_FAULT_ALLOC) ? NULL : real_mem.xRealloc(p, n);
}
static int mem_size(void *p) { return real_mem.xSize(p); }
static int mem_roundup(int n) { return real_mem.xRoundup(n); }
static int mem_init(void *ud) { return real_mem.xInit(ud); }
static void mem_shutdown(void *ud) { real_mem.xShutdown(ud); }

/* --------------------------------------------------------- SQLite VFS */

typedef struct ffile {
  sqlite3_file base;
  sqlite3_file *real; /* follows this struct in the same allocation */
} ffile;

#define REAL(f) (((ffile *)(f))->real)

static int f_close(sqlite3_file *f) { return REAL(f)->pMethods->xClose(REAL(f)); }
static int f_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o) {
  return REAL(f)->pMethods->xRead(REAL(f), b, n, o);
}
static int f_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o) {
  if (hs_fault_hit(HS_FAULT_WRITE)) return SQLITE_FULL;
  return REAL(f)->pMethods->xWrite(REAL(f), b, n, o);
}
static int f_truncate(sqlite3_file *f, sqlite3_int64 n) {
  if (hs_fault_hit(HS_FAULT_WRITE)) return SQLITE_IOERR_TRUNCATE;
  return REAL(f)->pMethods->xTruncate(REAL(f), n);
}
static int f_sync(sqlite3_file *f, int flags) {
  if (hs_fault_hit(HS_FAULT_WRITE)) return SQLITE_IOERR_FSYNC;
  return REAL(f)->pMethods->xSync(REAL(f), flags);
}
static int f_size(sqlite3_file *f, sqlite3_int64 *n) {
  return REAL(f)->pMethods->xFileSize(REAL(f), n);
}
static int f_lock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xLock(REAL(f), l); }
static int f_unlock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xUnlock(REAL(f), l); }
static int f_check(sqlite3_file *f, int *r) {
  return REAL(f)->pMethods->xCheckReservedLock(REAL(f), r);
}
static int f_fcntl(sqlite3_file *f, int op, void *a) {
  return REAL(f)->pMethods->xFileControl(REAL(f), op, a);
}
static int f_sector(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int f_devchar(sqlite3_file *f) {
  return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}
static int f_shmmap(sqlite3_file *f, int pg, int sz, int ext, void volatile **pp) {
  return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, ext, pp);
}
static int f_shmlock(sqlite3_file *f, int off, int n, int flags) {
  return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}
static void f_shmbarrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int f_shmunmap(sqlite3_file *f, int del) {
  return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}
static int f_fetch(sqlite3_file *f, sqlite3_int64 o, int n, void **pp) {
  return REAL(f)->pMethods->xFetch(REAL(f), o, n, pp);
}
static int f_unfetch(sqlite3_file *f, sqlite3_int64 o, void *p) {
  return REAL(f)->pMethods->xUnfetch(REAL(f), o, p);
}

static const sqlite3_io_methods fault_io = {
    3,         f_close,  f_read,      f_write,     f_truncate,  f_sync,
    f_size,    f_lock,   f_unlock,    f_check,     f_fcntl,     f_sector,
    f_devchar, f_shmmap, f_shmlock,   f_shmbarrier, f_shmunmap, f_fetch,
    f_unfetch};

static int v_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f,
                  int flags, int *out) {
  ffile *ff = (ffile *)f;
  int rc;
  (void)vfs;
  ff->real = (sqlite3_file *)(ff + 1);
  memset(ff->real, 0, (size_t)real_vfs->szOsFile);
  rc = real_vfs->xOpen(real_vfs, name, ff->real, flags, out);
  ff->base.pMethods = ff->real->pMethods ? &fault_io : NULL;
  return rc;
}

static sqlite3_vfs fault_vfs;

static void fault_report(void) {
  fprintf(stderr, "hearsay-fault: allocations %lu writes %lu\n",
          atomic_load(&counts[HS_FAULT_ALLOC]),
          atomic_load(&counts[HS_FAULT_WRITE]));
}

__attribute__((constructor)) static void fault_init(void) {
  const char *a = getenv("HEARSAY_FAULT_ALLOC");
  const char *w = getenv("HEARSAY_FAULT_WRITE");
  const char *c = getenv("HEARSAY_FAULT_COUNT");
  static sqlite3_mem_methods mine;
  fail_at[HS_FAULT_ALLOC] = a ? strtoul(a, NULL, 10) : 0;
  fail_at[HS_FAULT_WRITE] = w ? strtoul(w, NULL, 10) : 0;
  report_counts = c && *c == '1';
  if (!fail_at[0] && !fail_at[1] && !report_counts) return;
  if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &real_mem) == SQLITE_OK) {
    mine = real_mem;
    mine.xMalloc = mem_malloc;
    mine.xFree = mem_free;
    mine.xRealloc = mem_realloc;
    mine.xSize = mem_size;
    mine.xRoundup = mem_roundup;
    mine.xInit = mem_init;
    mine.xShutdown = mem_shutdown;
    sqlite3_config(SQLITE_CONFIG_MALLOC, &mine);
  }
  real_vfs = sqlite3_vfs_find(NULL);
  if (real_vfs) {
    fault_vfs = *real_vfs;
    fault_vfs.zName = "hearsay-fault";
    fault_vfs.szOsFile = (int)sizeof(ffile) + real_vfs->szOsFile;
    fault_vfs.xOpen = v_open;
    sqlite3_vfs_register(&fault_vfs, 1);
  }
  if (report_counts) atexit(fault_report);
}

#else

/* A release build has no fault injection. */
typedef int hs_fault_unused;

#endif
