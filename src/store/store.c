/*
** store.c — the SQLite database that keeps a corpus and its passages so
** that a later run only aligns new documents against the stored ones.
**
** The schema (version 1) is documented for users in docs/schema.md: a meta
** table (schema version, reuse options), documents keyed by doc_id = the
** corpus index, passages whose spans reference doc_id, with the family of
** each passage and how it was found (method: a column added to version 1,
** which a store written before it gains when opened for writing).  Every statement is prepared and bound; no SQL is built
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
**
** This file opens the store and holds its schema, stored options and
** queries; loading documents and passages and commits are in
** store_write.c, the shared helpers in store_int.h.
*/
#include "store/store_int.h"

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
    " family INTEGER,"
    " method TEXT);"
    "CREATE INDEX IF NOT EXISTS passages_a_doc ON passages(a_doc);"
    "CREATE INDEX IF NOT EXISTS passages_b_doc ON passages(b_doc);"
    "CREATE INDEX IF NOT EXISTS passages_family ON passages(family);"
    "INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', '1');";

/* ----------------------------------------------------------------- open */

const char *const hs_store_method_sql =
    "ALTER TABLE passages ADD COLUMN method TEXT;"
    "UPDATE passages SET method = CASE WHEN words = a_words AND words = "
    "b_words THEN 'verbatim' ELSE 'edited' END";

/* Whether passages has a method column (stores written before it was
** added have none).  SQLite answers from the schema it has read, without
** compiling a query: SQLITE_ERROR says the column is not there. */
static int has_method_column(hs_store *s, int *yes, hs_error *err) {
  int rc = sqlite3_table_column_metadata(s->db, "main", "passages", "method",
                                         NULL, NULL, NULL, NULL, NULL);
  *yes = rc == SQLITE_OK;
  if (rc == SQLITE_OK || rc == SQLITE_ERROR) return HS_OK;
  return db_error(s, err, rc, "reading its passages table");
}

/* A store written before passages said how they were found gains the
** method column, its rows the method they had: they are all n-gram
** passages, verbatim when both copies are the words matched, else edited
** (hs_passage_method's rule).  One transaction; a store locked by a
** writer is left as it is (its methods are derived when read). */
static int store_migrate(hs_store *s, hs_error *err) {
  int rc, yes = 0;
  if ((rc = has_method_column(s, &yes, err)) || yes) {
    s->has_method = yes;
    return rc;
  }
  rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(s->db, hs_store_method_sql, NULL, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    int busy = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
    if (!busy) rc = db_error(s, err, rc, "adding the method column");
    tx_rollback(s);
    return busy ? HS_OK : rc;
  }
  s->has_method = 1;
  return HS_OK;
}

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
    rc = has_method_column(s, &s->has_method, err);
    if (rc) goto fail;
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
  if ((rc = store_migrate(s, err))) goto fail;
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

int hs_store_db_error(hs_store *s, hs_error *err, int rc, const char *doing) {
  return db_error(s, err, rc, doing);
}

const char *hs_store_path(const hs_store *s) {
  return s ? s->path : "";
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
  } opt[6] = {
      {"ngram", 0, o->ngram, 0.0},
      {"min_words", 0, o->min_words, 0.0},
      {"df_cap", 0, o->df_cap, 0.0},
      {"max_gap", 0, o->max_gap, 0.0},
      {"min_similarity", 1, 0, o->min_similarity},
      /* 1: the sentence stage too; 0: --strict.  A store filled before
      ** it was recorded takes the value of its next run. */
      {"rewrite", 0, o->rewrite ? 1 : 0, 0.0},
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

  for (i = 0; i < 6; i++) {
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
