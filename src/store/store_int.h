/*
** store_int.h — what the files of the store stage share: the store handle
** and the small SQLite helpers (error messages, prepare, transactions,
** column and option parsing).
**
**   store.c        schema, opening and closing (and the method column a
**                  store written before it gains), stored options, queries;
**   store_write.c  loading documents and passages, commits.
**
** Other files use the public calls and store.h: shingles.c (the shingle
** index), term_counts.c (the sentence stage's counts), index_run.c,
** meta_store.c, cancel.c.
**
** The helpers are static inline so that each file keeps the calls the
** single-file version had.
*/
#ifndef HS_STORE_INT_H
#define HS_STORE_INT_H

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/store.h"
#include "util/util.h"

struct hs_store {
  sqlite3 *db;
  char *path;
  int has_method;  /* passages has its method column */
};

/* Adds the method column to a store written before it, deriving the
** method of its rows (store.c); run inside a write transaction. */
extern const char *const hs_store_method_sql;

/* ---------------------------------------------------------------- errors */

/* Turn an SQLite result code into a status and a message naming the file
** and what was being done. */
static inline int db_error(const hs_store *s, hs_error *err, int rc,
                           const char *doing) {
  const char *why = s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_FULL:
      return hs_error_set(err, HS_EIO,
                          "%s: disk full while %s (%s); free some space "
                          "and run again",
                          s->path, doing, why);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN: {
      int e = s->db ? sqlite3_system_errno(s->db) : 0;
#ifdef EDQUOT
      if (e == EDQUOT) e = ENOSPC;
#endif
      if (e == ENOSPC)
        return hs_error_set(err, HS_EIO,
                            "%s: disk full while %s (%s); free some space "
                            "and run again",
                            s->path, doing, strerror(e));
      return hs_error_set(err, HS_EIO,
                          "%s: cannot read or write the database while %s "
                          "(%s%s%s); check the path, the disk and "
                          "permissions",
                          s->path, doing, why, e ? ": " : "",
                          e ? strerror(e) : "");
    }
    case SQLITE_NOMEM:
      return hs_error_set(err, HS_ENOMEM, "%s: out of memory while %s",
                          s->path, doing);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return hs_error_set(err, HS_EDB,
                          "%s: database is locked by another process while "
                          "%s; try again when it has finished",
                          s->path, doing);
    case SQLITE_NOTADB:
      return hs_error_set(err, HS_EDB,
                          "%s: not a hearsay database (not an SQLite file); "
                          "give a new file name to create one",
                          s->path);
    case SQLITE_CORRUPT:
      return hs_error_set(err, HS_EDB,
                          "%s: database is damaged (%s while %s); restore "
                          "it from a backup",
                          s->path, why, doing);
    case SQLITE_READONLY:
      return hs_error_set(err, HS_EDB,
                          "%s: database is read-only while %s; check the "
                          "permissions of the file and its directory",
                          s->path, doing);
    default:
      return hs_error_set(err, HS_EDB, "%s: database error while %s: %s",
                          s->path, doing, why);
  }
}

/* --------------------------------------------------------------- helpers */

static inline int db_exec(hs_store *s, const char *sql, const char *doing,
                          hs_error *err) {
  int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
  return rc == SQLITE_OK ? HS_OK : db_error(s, err, rc, doing);
}

static inline int db_prepare(hs_store *s, const char *sql, sqlite3_stmt **st,
                             const char *doing, hs_error *err) {
  int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
  if (rc != SQLITE_OK) {
    *st = NULL;
    return db_error(s, err, rc, doing);
  }
  return HS_OK;
}

static inline int tx_begin(hs_store *s, hs_error *err) {
  return db_exec(s, "BEGIN IMMEDIATE", "starting a write transaction", err);
}

/* Roll back if a transaction is open; errors here cannot be reported
** better than the one that caused the rollback. */
static inline void tx_rollback(hs_store *s) {
  if (s->db && !sqlite3_get_autocommit(s->db))
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

static inline int tx_commit(hs_store *s, const char *doing, hs_error *err) {
  return db_exec(s, "COMMIT", doing, err);
}

static inline int bind_text_opt(sqlite3_stmt *st, int i, const char *z) {
  return z ? sqlite3_bind_text(st, i, z, -1, SQLITE_STATIC)
           : sqlite3_bind_null(st, i);
}

/* A column that must hold an integer in [0, UINT32_MAX]. */
static inline int col_u32(sqlite3_stmt *st, int i, uint32_t *v) {
  sqlite3_int64 x;
  if (sqlite3_column_type(st, i) != SQLITE_INTEGER) return 0;
  x = sqlite3_column_int64(st, i);
  if (x < 0 || x > (sqlite3_int64)UINT32_MAX) return 0;
  *v = (uint32_t)x;
  return 1;
}

/* Parse a whole decimal integer; 1 on success. */
static inline int parse_ll(const char *z, long long *v) {
  char *end;
  if (!z || !*z) return 0;
  errno = 0;
  *v = strtoll(z, &end, 10);
  return errno == 0 && *end == '\0';
}

static inline int parse_double(const char *z, double *v) {
  char *end;
  if (!z || !*z) return 0;
  errno = 0;
  *v = strtod(z, &end);
  return errno == 0 && *end == '\0';
}

#endif
