/*
** store.c — the SQLite database that keeps a corpus and its passages so
** that a later run only aligns new documents against the stored ones.
**
** The schema (version 1) is documented for users in docs/schema.md: a meta
** table (schema version, reuse options), documents keyed by doc_id = the
** corpus index, passages whose spans reference doc_id, with the family of
** each passage.  Every statement is prepared and bound; no SQL is built
** from data.
**
** Durability: the database runs in WAL mode with synchronous=FULL, so a
** commit that returned HS_OK has been fsync'ed and survives kill -9 and a
** power cut, and readers never block the writer.  hs_store_commit is one
** BEGIN IMMEDIATE ... COMMIT transaction (the write lock is taken up front,
** so two writers queue on the busy timeout instead of deadlocking); on any
** error it rolls back, leaving the store as it was.  Families depend on
** every passage, so each commit reloads all stored passages, recomputes
** their families (cluster stage, O(P log P)) and rewrites the ones that
** changed.
**
** A file is a hearsay database when it is SQLite and has a meta table with
** a schema_version; a newer version than this code knows is refused rather
** than misread.
*/
#include "store/store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>
#include <xxhash.h>

#include "cluster/cluster.h"
#include "util/util.h"

/* How long a call waits for another process's lock before failing. */
#define HS_STORE_BUSY_MS 10000

struct hs_store {
  sqlite3 *db;
  char *path;
};

static const char *const schema_sql =
    "CREATE TABLE IF NOT EXISTS meta("
    " key TEXT PRIMARY KEY,"
    " value TEXT);"
    "CREATE TABLE IF NOT EXISTS documents("
    " doc_id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL UNIQUE,"
    " source TEXT,"
    " line INTEGER,"
    " series TEXT,"
    " date TEXT,"
    " title TEXT,"
    " url TEXT,"
    " extra TEXT,"
    " text TEXT NOT NULL,"
    " bytes INTEGER,"
    " words INTEGER,"
    " content_hash TEXT,"
    " added_at TEXT);"
    "CREATE TABLE IF NOT EXISTS passages("
    " passage_id INTEGER PRIMARY KEY,"
    " a_doc INTEGER NOT NULL REFERENCES documents(doc_id),"
    " a_start INTEGER NOT NULL,"
    " a_end INTEGER NOT NULL,"
    " a_words INTEGER NOT NULL,"
    " b_doc INTEGER NOT NULL REFERENCES documents(doc_id),"
    " b_start INTEGER NOT NULL,"
    " b_end INTEGER NOT NULL,"
    " b_words INTEGER NOT NULL,"
    " words INTEGER NOT NULL,"
    " similarity REAL NOT NULL,"
    " kind TEXT NOT NULL CHECK(kind IN ('cross','internal')),"
    " family INTEGER);"
    "CREATE INDEX IF NOT EXISTS passages_a_doc ON passages(a_doc);"
    "CREATE INDEX IF NOT EXISTS passages_b_doc ON passages(b_doc);"
    "CREATE INDEX IF NOT EXISTS passages_family ON passages(family);"
    "INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', '1');";

/* ---------------------------------------------------------------- errors */

/* Turn an SQLite result code into a status and a message naming the file
** and what was being done. */
static int db_error(const hs_store *s, hs_error *err, int rc,
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

static int db_exec(hs_store *s, const char *sql, const char *doing,
                   hs_error *err) {
  int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
  return rc == SQLITE_OK ? HS_OK : db_error(s, err, rc, doing);
}

static int db_prepare(hs_store *s, const char *sql, sqlite3_stmt **st,
                      const char *doing, hs_error *err) {
  int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
  if (rc != SQLITE_OK) {
    *st = NULL;
    return db_error(s, err, rc, doing);
  }
  return HS_OK;
}

static int tx_begin(hs_store *s, hs_error *err) {
  return db_exec(s, "BEGIN IMMEDIATE", "starting a write transaction", err);
}

/* Roll back if a transaction is open; errors here cannot be reported
** better than the one that caused the rollback. */
static void tx_rollback(hs_store *s) {
  if (s->db && !sqlite3_get_autocommit(s->db))
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

static int tx_commit(hs_store *s, const char *doing, hs_error *err) {
  return db_exec(s, "COMMIT", doing, err);
}

static int bind_text_opt(sqlite3_stmt *st, int i, const char *z) {
  return z ? sqlite3_bind_text(st, i, z, -1, SQLITE_STATIC)
           : sqlite3_bind_null(st, i);
}

/* A column that must hold an integer in [0, UINT32_MAX]. */
static int col_u32(sqlite3_stmt *st, int i, uint32_t *v) {
  sqlite3_int64 x;
  if (sqlite3_column_type(st, i) != SQLITE_INTEGER) return 0;
  x = sqlite3_column_int64(st, i);
  if (x < 0 || x > (sqlite3_int64)UINT32_MAX) return 0;
  *v = (uint32_t)x;
  return 1;
}

/* Parse a whole decimal integer; 1 on success. */
static int parse_ll(const char *z, long long *v) {
  char *end;
  if (!z || !*z) return 0;
  errno = 0;
  *v = strtoll(z, &end, 10);
  return errno == 0 && *end == '\0';
}

static int parse_double(const char *z, double *v) {
  char *end;
  if (!z || !*z) return 0;
  errno = 0;
  *v = strtod(z, &end);
  return errno == 0 && *end == '\0';
}

/* ----------------------------------------------------------------- open */

enum { DB_FRESH, DB_HEARSAY };

/* Decide what the file is: an empty database (to be created), a hearsay
** database of a version we read, or something to refuse. */
static int store_inspect(hs_store *s, int *kind, hs_error *err) {
  sqlite3_stmt *st = NULL;
  int rc, ntables = 0, has_meta = 0, has_docs = 0, has_passages = 0;
  long long ver = 0;
  const char *z;

  rc = db_prepare(s, "SELECT name FROM sqlite_master WHERE type = 'table'",
                  &st, "reading its list of tables", err);
  if (rc) goto out;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    z = (const char *)sqlite3_column_text(st, 0);
    ntables++;
    if (!z) continue;
    if (strcmp(z, "meta") == 0) has_meta = 1;
    if (strcmp(z, "documents") == 0) has_docs = 1;
    if (strcmp(z, "passages") == 0) has_passages = 1;
  }
  if (rc != SQLITE_DONE) {
    rc = db_error(s, err, rc, "reading its list of tables");
    goto out;
  }
  sqlite3_finalize(st);
  st = NULL;
  if (ntables == 0) {
    *kind = DB_FRESH;
    rc = HS_OK;
    goto out;
  }
  if (!has_meta) {
    rc = hs_error_set(err, HS_EDB,
                      "%s: not a hearsay database (an SQLite database "
                      "without hearsay's tables); give a new file name",
                      s->path);
    goto out;
  }
  rc = db_prepare(s, "SELECT value FROM meta WHERE key = 'schema_version'",
                  &st, "reading its schema version", err);
  if (rc) goto out;
  rc = sqlite3_step(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    rc = db_error(s, err, rc, "reading its schema version");
    goto out;
  }
  z = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
  if (!parse_ll(z, &ver) || ver < 1) {
    rc = hs_error_set(err, HS_EDB,
                      "%s: not a hearsay database (no valid schema_version "
                      "in its meta table); give a new file name",
                      s->path);
    goto out;
  }
  if (ver > HS_STORE_SCHEMA_VERSION) {
    rc = hs_error_set(err, HS_EDB,
                      "%s: written by a newer hearsay (schema version %lld; "
                      "this one reads up to %d); upgrade hearsay to use it",
                      s->path, ver, HS_STORE_SCHEMA_VERSION);
    goto out;
  }
  if (!has_docs || !has_passages) {
    rc = hs_error_set(err, HS_EDB,
                      "%s: hearsay database without its %s table; it was "
                      "damaged or edited, restore it from a backup",
                      s->path, has_docs ? "passages" : "documents");
    goto out;
  }
  *kind = DB_HEARSAY;
  rc = HS_OK;
out:
  sqlite3_finalize(st);
  return rc;
}

/* A store that exists but cannot be written (the file, or the directory
** where SQLite keeps its -wal and -shm files, is read-only) is opened
** read-only, so that it can still be read; what would write then fails
** as read-only. */
static int store_read_only(const char *path) {
  char *dir, *slash;
  int ro;
  if (access(path, F_OK) != 0) return 0;
  if (access(path, W_OK) != 0) return 1;
  dir = hs_strdup(path);
  slash = strrchr(dir, '/');
  if (slash == dir) slash[1] = '\0';
  else if (slash) *slash = '\0';
  ro = access(slash ? dir : ".", W_OK) != 0;
  free(dir);
  return ro;
}

/* Open read-only; a WAL database whose -shm file cannot be created (a
** read-only directory) is opened as immutable, which needs none. */
static int open_read_only(hs_store *s, const char *path) {
  int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(s->db, "SELECT count(*) FROM sqlite_master", NULL,
                      NULL, NULL);
  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_NOTADB &&
      (rc & 0xff) != SQLITE_CORRUPT) {
    char *uri = sqlite3_mprintf("file:%s?immutable=1", path);
    sqlite3_close(s->db);
    s->db = NULL;
    if (!uri) return SQLITE_NOMEM;
    /* '?' and '#' in a file name would cut the URI short */
    rc = strpbrk(path, "?#")
             ? SQLITE_CANTOPEN
             : sqlite3_open_v2(uri, &s->db,
                               SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    sqlite3_free(uri);
  }
  return rc;
}

int hs_store_open(hs_store **out, const char *path, hs_error *err) {
  hs_store *s = NULL;
  int rc, kind = DB_FRESH, ro;

  if (!out || !path || !*path) {
    if (out) *out = NULL;
    return hs_error_set(err, HS_EUSAGE,
                        "hs_store_open: a database path is required");
  }
  *out = NULL;
  s = hs_calloc(1, sizeof *s);
  s->path = hs_strdup(path);
  ro = store_read_only(path);
  rc = ro ? open_read_only(s, path)
          : sqlite3_open_v2(path, &s->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK) {
    rc = db_error(s, err, rc, "opening it");
    goto fail;
  }
  sqlite3_extended_result_codes(s->db, 1);
  sqlite3_busy_timeout(s->db, HS_STORE_BUSY_MS);

  /* Look before writing anything: a foreign file stays untouched. */
  rc = store_inspect(s, &kind, err);
  if (rc) goto fail;
  if (ro) {
    if (kind == DB_FRESH) {
      rc = hs_error_set(err, HS_EDB,
                        "%s: database is read-only and holds no hearsay "
                        "tables; check the permissions of the file and its "
                        "directory",
                        s->path);
      goto fail;
    }
    sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
    *out = s;
    return HS_OK;
  }
  rc = db_exec(s, "PRAGMA journal_mode = WAL", "switching to WAL mode", err);
  if (rc) goto fail;
  rc = db_exec(s, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON",
               "setting it up", err);
  if (rc) goto fail;
  if (kind == DB_FRESH) {
    rc = tx_begin(s, err);
    if (rc) goto fail;
    rc = db_exec(s, schema_sql, "creating the hearsay tables", err);
    if (rc == HS_OK)
      rc = db_exec(s, "PRAGMA application_id = 1213415769",
                   "creating the hearsay tables", err);
    if (rc == HS_OK)
      rc = tx_commit(s, "creating the hearsay tables", err);
    if (rc) goto fail;
    rc = store_inspect(s, &kind, err);  /* another process may have won */
    if (rc) goto fail;
  }
  *out = s;
  return HS_OK;
fail:
  tx_rollback(s);
  hs_store_close(s);
  return rc;
}

void hs_store_close(hs_store *s) {
  if (!s) return;
  if (s->db) sqlite3_close_v2(s->db);
  free(s->path);
  free(s);
}

/* ---------------------------------------------------------------- loads */

int hs_store_load_docs(hs_store *s, hs_corpus *c, hs_error *err) {
  sqlite3_stmt *st = NULL;
  size_t next = 0;
  int rc;

  if (!s || !c)
    return hs_error_set(err, HS_EUSAGE,
                        "hs_store_load_docs: store and corpus are required");
  if (hs_corpus_count(c) != 0)
    return hs_error_set(err, HS_EUSAGE,
                        "%s: stored documents must be loaded into an empty "
                        "corpus (this one holds %zu), so that doc_id equals "
                        "the corpus index",
                        s->path, hs_corpus_count(c));
  rc = db_prepare(s,
                  "SELECT doc_id, name, text, series, date, title, url, "
                  "extra, source, line FROM documents ORDER BY doc_id",
                  &st, "loading documents", err);
  if (rc) goto out;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    sqlite3_int64 id = sqlite3_column_int64(st, 0), line;
    const char *name = (const char *)sqlite3_column_text(st, 1);
    const char *text = (const char *)sqlite3_column_text(st, 2);
    size_t len = (size_t)sqlite3_column_bytes(st, 2);
    if (sqlite3_column_type(st, 0) != SQLITE_INTEGER || id < 0 ||
        (uint64_t)id != (uint64_t)next) {
      rc = hs_error_set(err, HS_EDB,
                        "%s: documents table has doc_id %lld where %zu was "
                        "expected (ids must run 0, 1, 2... without gaps); "
                        "the database was edited outside hearsay",
                        s->path, (long long)id, next);
      goto out;
    }
    if (!name || !text) {
      rc = hs_error_set(err, HS_EDB,
                        "%s: document %zu has no name or text; the "
                        "database was edited outside hearsay",
                        s->path, next);
      goto out;
    }
    line = sqlite3_column_int64(st, 9);
    rc = hs_corpus_add(c, name, text, len,
                       (const char *)sqlite3_column_text(st, 3),
                       (const char *)sqlite3_column_text(st, 4),
                       (const char *)sqlite3_column_text(st, 5),
                       (const char *)sqlite3_column_text(st, 6),
                       (const char *)sqlite3_column_text(st, 7),
                       (const char *)sqlite3_column_text(st, 8),
                       line > 0 ? (uint64_t)line : 0, err);
    if (rc) goto out;
    next++;
  }
  if (rc != SQLITE_DONE) {
    rc = db_error(s, err, rc, "loading documents");
    goto out;
  }
  rc = HS_OK;
out:
  sqlite3_finalize(st);
  return rc;
}

int hs_store_load_docs_at(hs_store *s, hs_corpus *c, const size_t *ids,
                          size_t n, hs_error *err) {
  sqlite3_stmt *st = NULL;
  size_t k;
  int rc, began = 0;

  if (!s || !c || (n && !ids))
    return hs_error_set(err, HS_EUSAGE,
                        "hs_store_load_docs_at: store, corpus and ids are "
                        "required");
  /* one read transaction: outside one, every statement locks the file */
  if (sqlite3_get_autocommit(s->db)) {
    rc = db_exec(s, "BEGIN", "loading documents", err);
    if (rc) return rc;
    began = 1;
  }
  rc = db_prepare(s,
                  "SELECT name, text, series, date, title, url, extra, "
                  "source, line FROM documents WHERE doc_id = ?1",
                  &st, "loading documents", err);
  if (rc) goto out;
  for (k = 0; k < n; k++) {
    const char *name, *text;
    sqlite3_int64 line;
    sqlite3_reset(st);
    rc = sqlite3_bind_int64(st, 1, (sqlite3_int64)ids[k]);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc == SQLITE_DONE) {
      rc = hs_error_set(err, HS_EDB,
                        "%s: document %zu is named by the shingle index but "
                        "not stored; the database was edited outside "
                        "hearsay", s->path, ids[k]);
      goto out;
    }
    if (rc != SQLITE_ROW) {
      rc = db_error(s, err, rc, "loading documents");
      goto out;
    }
    name = (const char *)sqlite3_column_text(st, 0);
    text = (const char *)sqlite3_column_text(st, 1);
    if (!name || !text) {
      rc = hs_error_set(err, HS_EDB,
                        "%s: document %zu has no name or text; the "
                        "database was edited outside hearsay",
                        s->path, ids[k]);
      goto out;
    }
    line = sqlite3_column_int64(st, 8);
    rc = hs_corpus_add(c, name, text, (size_t)sqlite3_column_bytes(st, 1),
                       (const char *)sqlite3_column_text(st, 2),
                       (const char *)sqlite3_column_text(st, 3),
                       (const char *)sqlite3_column_text(st, 4),
                       (const char *)sqlite3_column_text(st, 5),
                       (const char *)sqlite3_column_text(st, 6),
                       (const char *)sqlite3_column_text(st, 7),
                       line > 0 ? (uint64_t)line : 0, err);
    if (rc) goto out;
  }
  rc = HS_OK;
out:
  sqlite3_finalize(st);
  if (began) sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
  return rc;
}

int hs_store_db_error(hs_store *s, hs_error *err, int rc, const char *doing) {
  return db_error(s, err, rc, doing);
}

const char *hs_store_path(const hs_store *s) {
  return s ? s->path : "";
}

/* Read every stored passage in passage_id order, with its id and stored
** family (-1 when NULL) when those arrays are wanted. */
static int read_passages(hs_store *s, hs_passage **out, sqlite3_int64 **ids,
                         sqlite3_int64 **fams, size_t *n, hs_error *err) {
  sqlite3_stmt *st = NULL;
  hs_passage *p = NULL;
  sqlite3_int64 *id = NULL, *fam = NULL;
  size_t np = 0, cap = 0, idcap = 0, famcap = 0;
  int rc;

  *out = NULL;
  *n = 0;
  rc = db_prepare(s,
                  "SELECT passage_id, a_doc, a_start, a_end, a_words, b_doc, "
                  "b_start, b_end, b_words, words, similarity, kind, family "
                  "FROM passages ORDER BY passage_id",
                  &st, "loading passages", err);
  if (rc) goto out;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    hs_passage q;
    const char *kind = (const char *)sqlite3_column_text(st, 11);
    sqlite3_int64 f = sqlite3_column_int64(st, 12);
    memset(&q, 0, sizeof q);
    if (!col_u32(st, 1, &q.a.doc) || !col_u32(st, 2, &q.a.start) ||
        !col_u32(st, 3, &q.a.end) || !col_u32(st, 4, &q.a.words) ||
        !col_u32(st, 5, &q.b.doc) || !col_u32(st, 6, &q.b.start) ||
        !col_u32(st, 7, &q.b.end) || !col_u32(st, 8, &q.b.words) ||
        !col_u32(st, 9, &q.words) || !kind) {
      rc = hs_error_set(err, HS_EDB,
                        "%s: passage %lld has a missing or out-of-range "
                        "value; the database was edited outside hearsay",
                        s->path, (long long)sqlite3_column_int64(st, 0));
      goto out;
    }
    q.similarity = sqlite3_column_double(st, 10);
    q.internal = strcmp(kind, "internal") == 0;
    if (sqlite3_column_type(st, 12) == SQLITE_NULL) f = -1;
    q.family = f >= 0 && f <= (sqlite3_int64)UINT32_MAX ? (uint32_t)f : 0;
    HS_GROW(p, cap, np + 1);
    p[np] = q;
    if (ids) {
      HS_GROW(id, idcap, np + 1);
      id[np] = sqlite3_column_int64(st, 0);
    }
    if (fams) {
      HS_GROW(fam, famcap, np + 1);
      fam[np] = f;
    }
    np++;
  }
  if (rc != SQLITE_DONE) {
    rc = db_error(s, err, rc, "loading passages");
    goto out;
  }
  rc = HS_OK;
  *out = p;
  *n = np;
  p = NULL;
  if (ids) *ids = id;
  if (fams) *fams = fam;
  id = fam = NULL;
out:
  sqlite3_finalize(st);
  free(p);
  free(id);
  free(fam);
  return rc;
}

int hs_store_load_passages(hs_store *s, hs_passage **out, size_t *n,
                           hs_error *err) {
  if (!s || !out || !n)
    return hs_error_set(err, HS_EUSAGE,
                        "hs_store_load_passages: store, out and n are "
                        "required");
  return read_passages(s, out, NULL, NULL, n, err);
}

/* --------------------------------------------------------------- commit */

/* Insert documents [first, first+count) with doc_id base, base+1... */
static int insert_docs(hs_store *s, const hs_corpus *c, size_t first,
                       size_t count, size_t base, hs_error *err) {
  sqlite3_stmt *st = NULL;
  size_t i;
  int rc;

  rc = db_prepare(s,
                  "INSERT INTO documents(doc_id, name, source, line, series, "
                  "date, title, url, extra, text, bytes, words, content_hash, "
                  "added_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                  "?11, ?12, ?13, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                  &st, "storing documents", err);
  if (rc) goto out;
  for (i = first; i < first + count; i++) {
    const hs_doc *d = hs_corpus_doc(c, i);
    char hash[32];
    snprintf(hash, sizeof hash, "%016llx",
             (unsigned long long)XXH3_64bits(d->text, d->len));
    rc = sqlite3_bind_int64(st, 1, (sqlite3_int64)(base + i - first));
    if (rc == SQLITE_OK) rc = sqlite3_bind_text(st, 2, d->id, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = bind_text_opt(st, 3, d->source);
    if (rc == SQLITE_OK)
      rc = d->line && d->line <= (uint64_t)INT64_MAX
               ? sqlite3_bind_int64(st, 4, (sqlite3_int64)d->line)
               : sqlite3_bind_null(st, 4);
    if (rc == SQLITE_OK) rc = bind_text_opt(st, 5, d->series);
    if (rc == SQLITE_OK) rc = bind_text_opt(st, 6, d->date);
    if (rc == SQLITE_OK) rc = bind_text_opt(st, 7, d->title);
    if (rc == SQLITE_OK) rc = bind_text_opt(st, 8, d->url);
    if (rc == SQLITE_OK) rc = bind_text_opt(st, 9, d->extra);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text64(st, 10, d->text, (sqlite3_uint64)d->len,
                               SQLITE_STATIC, SQLITE_UTF8);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_int64(st, 11, (sqlite3_int64)d->len);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_int64(st, 12,
                              (sqlite3_int64)hs_count_words(d->text, d->len));
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(st, 13, hash, -1, SQLITE_TRANSIENT);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
      if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
        rc = hs_error_set(err, HS_EDB,
                          "%s: document \"%.200s\" is already stored; "
                          "nothing of this run was stored (leave out the "
                          "documents the store already holds)",
                          s->path, d->id);
      else if (rc == SQLITE_TOOBIG)
        rc = hs_error_set(err, HS_EDB,
                          "%s: document \"%.200s\" (%zu bytes) is too large "
                          "for the database; cut it before storing",
                          s->path, d->id, d->len);
      else
        rc = db_error(s, err, rc, "storing documents");
      goto out;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
  }
  rc = HS_OK;
out:
  sqlite3_finalize(st);
  return rc;
}

static int insert_passages(hs_store *s, const hs_passage *p, size_t n,
                           hs_error *err) {
  sqlite3_stmt *st = NULL;
  size_t i;
  int rc;

  rc = db_prepare(s,
                  "INSERT INTO passages(a_doc, a_start, a_end, a_words, "
                  "b_doc, b_start, b_end, b_words, words, similarity, kind, "
                  "family) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                  "?11, NULL)",
                  &st, "storing passages", err);
  if (rc) goto out;
  for (i = 0; i < n; i++) {
    const hs_passage *q = &p[i];
    rc = sqlite3_bind_int64(st, 1, q->a.doc);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 2, q->a.start);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 3, q->a.end);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 4, q->a.words);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 5, q->b.doc);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 6, q->b.start);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 7, q->b.end);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 8, q->b.words);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 9, q->words);
    if (rc == SQLITE_OK) rc = sqlite3_bind_double(st, 10, q->similarity);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(st, 11,
                             q->a.doc == q->b.doc ? "internal" : "cross", -1,
                             SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
      rc = db_error(s, err, rc, "storing passages");
      goto out;
    }
    sqlite3_reset(st);
  }
  rc = HS_OK;
out:
  sqlite3_finalize(st);
  return rc;
}

/* Recompute the family of every stored passage; rewrite changed ones. */
static int refamily(hs_store *s, hs_error *err) {
  sqlite3_stmt *st = NULL;
  hs_passage *p = NULL;
  sqlite3_int64 *ids = NULL, *old = NULL;
  uint32_t *fam = NULL;
  size_t n = 0, i;
  int rc;

  rc = read_passages(s, &p, &ids, &old, &n, err);
  if (rc || n == 0) goto out;
  fam = hs_reallocarray(NULL, n, sizeof *fam);
  rc = hs_cluster_families(p, n, fam, err);
  if (rc) goto out;
  rc = db_prepare(s, "UPDATE passages SET family = ?1 WHERE passage_id = ?2",
                  &st, "updating families", err);
  if (rc) goto out;
  for (i = 0; i < n; i++) {
    if (old[i] == (sqlite3_int64)fam[i]) continue;
    rc = sqlite3_bind_int64(st, 1, fam[i]);
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 2, ids[i]);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) {
      rc = db_error(s, err, rc, "updating families");
      goto out;
    }
    sqlite3_reset(st);
  }
  rc = HS_OK;
out:
  sqlite3_finalize(st);
  free(fam);
  free(old);
  free(ids);
  free(p);
  return rc;
}

/* Inside the transaction: the store must hold exactly documents
** [0, first), or the caller's corpus does not match it (another process
** committed since it was loaded, or it was never loaded). */
static int check_stored_prefix(hs_store *s, size_t first, hs_error *err) {
  sqlite3_stmt *st = NULL;
  sqlite3_int64 cnt, max;
  int rc;

  rc = db_prepare(s, "SELECT count(*), coalesce(max(doc_id), -1) "
                  "FROM documents", &st, "counting documents", err);
  if (rc) goto out;
  rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) {
    rc = db_error(s, err, rc, "counting documents");
    goto out;
  }
  cnt = sqlite3_column_int64(st, 0);
  max = sqlite3_column_int64(st, 1);
  if ((uint64_t)cnt != (uint64_t)first || max + 1 != cnt) {
    rc = hs_error_set(err, HS_EDB,
                      "%s: the store holds %lld documents but this run "
                      "expected %zu (it changed since it was loaded, or the "
                      "corpus was not loaded from it); nothing was stored, "
                      "run again",
                      s->path, (long long)cnt, first);
    goto out;
  }
  rc = HS_OK;
out:
  sqlite3_finalize(st);
  return rc;
}

/* Arguments are checked before the transaction starts.  Corpus documents
** [first, first+count) become doc_id base...; passages name doc_ids below
** base+count, and a span in one of the new documents must lie inside it
** (spans in documents stored earlier were checked when those were). */
static int commit_args(const hs_corpus *c, size_t first, size_t count,
                       size_t base, const hs_passage *p, size_t n,
                       hs_error *err) {
  size_t ndocs = hs_corpus_count(c), end, i;
  if (first > ndocs || count > ndocs - first)
    return hs_error_set(err, HS_EUSAGE,
                        "hs_store_commit: documents [%zu, %zu) are past the "
                        "corpus end (%zu documents)", first, first + count,
                        ndocs);
  if (base > (size_t)INT64_MAX - count)
    return hs_error_set(err, HS_EUSAGE, "hs_store_commit: doc_id overflow");
  end = base + count;
  for (i = first; i < first + count; i++) {
    const hs_doc *d = hs_corpus_doc(c, i);
    if (!d->text)
      return hs_error_set(err, HS_EUSAGE,
                          "hs_store_commit: the text of document \"%.200s\" "
                          "was released before it was stored", d->id);
  }
  for (i = 0; i < n; i++) {
    const hs_span *sp[2] = {&p[i].a, &p[i].b};
    int k;
    for (k = 0; k < 2; k++) {
      const hs_doc *d;
      size_t at;
      if (sp[k]->doc >= end)
        return hs_error_set(err, HS_EUSAGE,
                            "hs_store_commit: passage %zu refers to document "
                            "%u; only documents below %zu are stored", i,
                            (unsigned)sp[k]->doc, end);
      /* base == first: the corpus holds every document up to end */
      if (sp[k]->doc < base && base != first) {
        if (sp[k]->start > sp[k]->end)
          return hs_error_set(err, HS_EUSAGE,
                              "hs_store_commit: passage %zu has an empty "
                              "span [%u, %u)", i, (unsigned)sp[k]->start,
                              (unsigned)sp[k]->end);
        continue;
      }
      at = sp[k]->doc - base + first;
      d = hs_corpus_doc(c, at);
      /* A released text (NULL) cannot be checked; the stored one was. */
      if (sp[k]->start > sp[k]->end || (d->text && sp[k]->end > d->len))
        return hs_error_set(err, HS_EUSAGE,
                            "hs_store_commit: passage %zu has span "
                            "[%u, %u) outside document \"%.200s\" (%zu "
                            "bytes)", i, (unsigned)sp[k]->start,
                            (unsigned)sp[k]->end, d->id, d->len);
    }
  }
  return HS_OK;
}

static int commit(hs_store *s, const hs_corpus *c, size_t first,
                  size_t count, size_t base, const hs_passage *p, size_t n,
                  hs_store_hook hook, void *ud, hs_error *err) {
  int rc;

  if (!s || !c || (n && !p))
    return hs_error_set(err, HS_EUSAGE,
                        "hs_store_commit: store, corpus and passages are "
                        "required");
  rc = commit_args(c, first, count, base, p, n, err);
  if (rc) return rc;
  rc = tx_begin(s, err);
  if (rc) return rc;
  rc = check_stored_prefix(s, base, err);
  if (rc == HS_OK) rc = insert_docs(s, c, first, count, base, err);
  if (rc == HS_OK) rc = insert_passages(s, p, n, err);
  if (rc == HS_OK && hook) rc = hook(s, ud, err);
  if (rc == HS_OK) rc = refamily(s, err);
  if (rc == HS_OK) rc = tx_commit(s, "committing", err);
  if (rc) tx_rollback(s);
  return rc;
}

int hs_store_commit(hs_store *s, const hs_corpus *c, size_t first,
                    size_t count, const hs_passage *p, size_t n,
                    hs_error *err) {
  return commit(s, c, first, count, first, p, n, NULL, NULL, err);
}

int hs_store_commit_at(hs_store *s, const hs_corpus *c, size_t first,
                       size_t count, size_t base, const hs_passage *p,
                       size_t n, hs_store_hook hook, void *ud,
                       hs_error *err) {
  return commit(s, c, first, count, base, p, n, hook, ud, err);
}

/* -------------------------------------------------------------- options */

int hs_store_check_opts(hs_store *s, const hs_reuse_opts *o, hs_error *err) {
  sqlite3_stmt *get = NULL, *put = NULL, *cnt = NULL;
  int rc, empty, i;

  if (!s || !o)
    return hs_error_set(err, HS_EUSAGE,
                        "hs_store_check_opts: store and options required");
  const struct {
    const char *key;
    int is_double;
    long long ival;
    double dval;
  } opt[5] = {
      {"ngram", 0, o->ngram, 0.0},
      {"min_words", 0, o->min_words, 0.0},
      {"df_cap", 0, o->df_cap, 0.0},
      {"max_gap", 0, o->max_gap, 0.0},
      {"min_similarity", 1, 0, o->min_similarity},
  };

  rc = tx_begin(s, err);
  if (rc) return rc;
  rc = db_prepare(s, "SELECT NOT EXISTS(SELECT 1 FROM documents) AND "
                  "NOT EXISTS(SELECT 1 FROM passages)", &cnt,
                  "reading the stored options", err);
  if (rc) goto out;
  rc = sqlite3_step(cnt);
  if (rc != SQLITE_ROW) {
    rc = db_error(s, err, rc, "reading the stored options");
    goto out;
  }
  /* Options bind a store once it holds something; until then the latest
  ** ones are recorded. */
  empty = sqlite3_column_int(cnt, 0);
  rc = db_prepare(s, "SELECT value FROM meta WHERE key = ?1", &get,
                  "reading the stored options", err);
  if (rc == HS_OK)
    rc = db_prepare(s, "INSERT OR REPLACE INTO meta(key, value) "
                    "VALUES(?1, ?2)", &put, "recording the options", err);
  if (rc) goto out;

  for (i = 0; i < 5; i++) {
    char want[64];
    const char *have;
    int differs = 0;
    if (opt[i].is_double)
      snprintf(want, sizeof want, "%.17g", opt[i].dval);
    else
      snprintf(want, sizeof want, "%lld", opt[i].ival);
    sqlite3_reset(get);
    rc = sqlite3_bind_text(get, 1, opt[i].key, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK) rc = sqlite3_step(get);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      rc = db_error(s, err, rc, "reading the stored options");
      goto out;
    }
    have = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(get, 0) : NULL;
    if (have && !empty) {
      long long iv = 0;
      double dv = 0.0;
      int ok = opt[i].is_double ? parse_double(have, &dv)
                                : parse_ll(have, &iv);
      if (!ok) {
        rc = hs_error_set(err, HS_EDB,
                          "%s: stored option %s has the malformed value "
                          "\"%.100s\"; the database was edited outside "
                          "hearsay", s->path, opt[i].key, have);
        goto out;
      }
      differs = opt[i].is_double ? dv != opt[i].dval : iv != opt[i].ival;
      if (differs) {
        rc = hs_error_set(err, HS_EUSAGE,
                          "%s: this store was built with %s = %.100s, but "
                          "%s = %s was asked; a store keeps one set of "
                          "options, so use the stored value or a new store",
                          s->path, opt[i].key, have, opt[i].key, want);
        goto out;
      }
      continue;
    }
    rc = sqlite3_bind_text(put, 1, opt[i].key, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(put, 2, want, -1, SQLITE_TRANSIENT);
    if (rc == SQLITE_OK) rc = sqlite3_step(put);
    if (rc != SQLITE_DONE) {
      rc = db_error(s, err, rc, "recording the options");
      goto out;
    }
    sqlite3_reset(put);
  }
  sqlite3_finalize(cnt);
  sqlite3_finalize(get);
  sqlite3_finalize(put);
  cnt = get = put = NULL;
  rc = tx_commit(s, "recording the options", err);
out:
  sqlite3_finalize(cnt);
  sqlite3_finalize(get);
  sqlite3_finalize(put);
  if (rc) tx_rollback(s);
  return rc;
}

/* --------------------------------------------------------------- queries */

int hs_store_row_exists(hs_store *s, const char *sql, const char *arg,
                        int *yes, const char *doing, hs_error *err) {
  sqlite3_stmt *st = NULL;
  int rc;
  *yes = 0;
  if ((rc = db_prepare(s, sql, &st, doing, err))) return rc;
  rc = sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  if (rc == SQLITE_ROW || rc == SQLITE_DONE) {
    *yes = rc == SQLITE_ROW;
    rc = HS_OK;
  } else {
    rc = db_error(s, err, rc, doing);
  }
  sqlite3_finalize(st);
  return rc;
}

int hs_store_has_doc(hs_store *s, const char *name, int *has, hs_error *err) {
  if (!s || !name || !has)
    return hs_error_set(err, HS_EUSAGE,
                        "hs_store_has_doc: store, name and result required");
  return hs_store_row_exists(s, "SELECT 1 FROM documents WHERE name = ?1",
                             name, has, "looking up a document", err);
}

int hs_store_doc_state(hs_store *s, const hs_doc *d, int *state,
                       hs_error *err) {
  sqlite3_stmt *st = NULL;
  int rc;
  *state = HS_DOC_ABSENT;
  rc = db_prepare(s, "SELECT text FROM documents WHERE name = ?1", &st,
                  "looking up a document", err);
  if (rc) return rc;
  rc = sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  if (rc == SQLITE_DONE) {
    rc = HS_OK;
  } else if (rc == SQLITE_ROW) {
    *state = (size_t)sqlite3_column_bytes(st, 0) == d->len &&
                     (d->len == 0 ||
                      !memcmp(sqlite3_column_blob(st, 0), d->text, d->len))
                 ? HS_DOC_SAME
                 : HS_DOC_DIFFERENT;
    rc = HS_OK;
  } else {
    rc = db_error(s, err, rc, "looking up a document");
  }
  sqlite3_finalize(st);
  return rc;
}

int hs_store_read_begin(hs_store *s, hs_error *err) {
  int rc = sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL);
  return rc == SQLITE_OK ? HS_OK : db_error(s, err, rc, "reading the store");
}

void hs_store_read_end(hs_store *s) {
  if (s && !sqlite3_get_autocommit(s->db))
    sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
}

struct sqlite3 *hs_store_sqlite(hs_store *s) {
  return s ? s->db : NULL;
}

int hs_store_count(hs_store *s, size_t *ndocs, size_t *npassages,
                   hs_error *err) {
  sqlite3_stmt *st = NULL;
  int rc;
  if (!s)
    return hs_error_set(err, HS_EUSAGE, "hs_store_count: store required");
  rc = db_prepare(s, "SELECT (SELECT count(*) FROM documents), "
                  "(SELECT count(*) FROM passages)", &st,
                  "counting its contents", err);
  if (rc) return rc;
  rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    if (ndocs) *ndocs = (size_t)sqlite3_column_int64(st, 0);
    if (npassages) *npassages = (size_t)sqlite3_column_int64(st, 1);
    rc = HS_OK;
  } else {
    rc = db_error(s, err, rc, "counting its contents");
  }
  sqlite3_finalize(st);
  return rc;
}
