/*
** meta_store.c — the metadata tables of the store: documents_meta (date,
** outlet, title, byline found for each document), attributions and
** boilerplate.  Created with CREATE TABLE IF NOT EXISTS on first use, so
** a database written before they existed simply grows them; documented in
** docs/schema.md.  Rows are keyed by documents.doc_id (the corpus index);
** every call is one transaction, and only documents without a
** documents_meta row are filled, so an interrupted run is completed by the
** next one.
**
** It is part of the store stage, which owns every table of the database:
** the meta stage computes an hs_meta and knows nothing of SQLite, so the
** dependency runs one way (store builds on meta, as shingles.c does for
** the boilerplate line rule).
*/
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "hearsay.h"
#include "store/store.h"
#include "util/util.h"

static const char *const schema_sql =
    "CREATE TABLE IF NOT EXISTS documents_meta("
    " doc_id INTEGER PRIMARY KEY REFERENCES documents(doc_id),"
    " date TEXT, date_raw TEXT, date_start INTEGER, date_end INTEGER,"
    " date_confidence REAL, date_source TEXT, date_ambiguous INTEGER,"
    " outlet TEXT, outlet_start INTEGER, outlet_end INTEGER,"
    " outlet_confidence REAL, outlet_source TEXT,"
    " title TEXT, title_start INTEGER, title_end INTEGER,"
    " title_confidence REAL, title_source TEXT,"
    " byline TEXT, byline_start INTEGER, byline_end INTEGER,"
    " byline_confidence REAL);"
    "CREATE TABLE IF NOT EXISTS attributions("
    " attribution_id INTEGER PRIMARY KEY,"
    " doc_id INTEGER NOT NULL REFERENCES documents(doc_id),"
    " source TEXT NOT NULL, normalized TEXT NOT NULL, type TEXT NOT NULL,"
    " cue TEXT NOT NULL, source_start INTEGER NOT NULL,"
    " source_end INTEGER NOT NULL, content_start INTEGER,"
    " content_end INTEGER, chain INTEGER NOT NULL,"
    " chain_pos INTEGER NOT NULL, denial INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS attributions_doc ON attributions(doc_id);"
    "CREATE INDEX IF NOT EXISTS attributions_normalized"
    " ON attributions(normalized);"
    "CREATE TABLE IF NOT EXISTS boilerplate("
    " doc_id INTEGER NOT NULL REFERENCES documents(doc_id),"
    " start INTEGER NOT NULL, end INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS boilerplate_doc ON boilerplate(doc_id);";

/* The store's own mapping of SQLite errors: a full disk is an I/O error
** (exit 3) naming the file, a lock or damage a database error. */
static int db_fail(hs_store *s, const char *what, hs_error *err) {
  return hs_store_db_error(s, err,
                           sqlite3_extended_errcode(hs_store_sqlite(s)),
                           what);
}

static void bind_field(sqlite3_stmt *st, int col, const hs_meta_field *f,
                       int with_source) {
  if (!f->value) {
    int k;
    for (k = 0; k < (with_source ? 5 : 4); k++) sqlite3_bind_null(st, col + k);
    return;
  }
  sqlite3_bind_text(st, col, f->value, -1, SQLITE_TRANSIENT);
  if (f->given) {
    sqlite3_bind_null(st, col + 1);
    sqlite3_bind_null(st, col + 2);
  } else {
    sqlite3_bind_int64(st, col + 1, f->start);
    sqlite3_bind_int64(st, col + 2, f->end);
  }
  sqlite3_bind_double(st, col + 3, f->confidence);
  if (with_source)
    sqlite3_bind_text(st, col + 4, f->given ? "given" : "text", -1,
                      SQLITE_STATIC);
}

int hs_meta_store_save(hs_store *s, size_t first, size_t count,
                       const hs_meta *metas, hs_error *err) {
  sqlite3 *db = hs_store_sqlite(s);
  sqlite3_stmt *dm = NULL, *at = NULL, *bp = NULL, *has = NULL;
  size_t i, k;
  int rc = HS_OK;
  if (sqlite3_exec(db, schema_sql, NULL, NULL, NULL) != SQLITE_OK)
    return db_fail(s, "creating the metadata tables", err);
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return db_fail(s, "starting a write transaction", err);
  if (sqlite3_prepare_v2(db,
                         "INSERT OR REPLACE INTO documents_meta VALUES(?,?,?,"
                         "?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                         -1, &dm, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db,
                         "INSERT INTO attributions(doc_id,source,normalized,"
                         "type,cue,source_start,source_end,content_start,"
                         "content_end,chain,chain_pos,denial) VALUES(?,?,?,?,"
                         "?,?,?,?,?,?,?,?)",
                         -1, &at, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db, "INSERT INTO boilerplate VALUES(?,?,?)", -1, &bp,
                         NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db, "SELECT 1 FROM documents_meta WHERE doc_id=?", -1,
                         &has, NULL) != SQLITE_OK) {
    rc = db_fail(s, "preparing the metadata statements", err);
    goto out;
  }
  for (i = 0; i < count; i++) {
    const hs_meta *m = &metas[i];
    sqlite3_int64 id = (sqlite3_int64)(first + i);
    int exists;
    sqlite3_bind_int64(has, 1, id);
    exists = sqlite3_step(has) == SQLITE_ROW;
    sqlite3_reset(has);
    if (exists) continue;
    sqlite3_bind_int64(dm, 1, id);
    /* date: value, raw, start, end, confidence, source, ambiguous */
    if (m->date.value) {
      sqlite3_bind_text(dm, 2, m->date.value, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(dm, 3, m->date.raw, -1, SQLITE_TRANSIENT);
      if (m->date.given) {
        sqlite3_bind_null(dm, 4);
        sqlite3_bind_null(dm, 5);
      } else {
        sqlite3_bind_int64(dm, 4, m->date.start);
        sqlite3_bind_int64(dm, 5, m->date.end);
      }
      sqlite3_bind_double(dm, 6, m->date.confidence);
      sqlite3_bind_text(dm, 7, m->date.given ? "given" : "text", -1,
                        SQLITE_STATIC);
      sqlite3_bind_int(dm, 8, m->date_ambiguous);
    } else {
      for (k = 2; k <= 8; k++) sqlite3_bind_null(dm, (int)k);
    }
    bind_field(dm, 9, &m->outlet, 1);
    bind_field(dm, 14, &m->title, 1);
    bind_field(dm, 19, &m->byline, 0);
    if (sqlite3_step(dm) != SQLITE_DONE) {
      rc = db_fail(s, "storing document metadata", err);
      goto out;
    }
    sqlite3_reset(dm);
    for (k = 0; k < m->nattr; k++) {
      const hs_attribution *a = &m->attr[k];
      sqlite3_bind_int64(at, 1, id);
      sqlite3_bind_text(at, 2, a->source, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(at, 3, a->normalized, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(at, 4, hs_source_type_name(a->type), -1,
                        SQLITE_STATIC);
      sqlite3_bind_text(at, 5, a->cue, -1, SQLITE_STATIC);
      sqlite3_bind_int64(at, 6, a->src_start);
      sqlite3_bind_int64(at, 7, a->src_end);
      if (a->content_end > a->content_start) {
        sqlite3_bind_int64(at, 8, a->content_start);
        sqlite3_bind_int64(at, 9, a->content_end);
      } else {
        sqlite3_bind_null(at, 8);
        sqlite3_bind_null(at, 9);
      }
      sqlite3_bind_int(at, 10, a->chain);
      sqlite3_bind_int(at, 11, a->chain_pos);
      sqlite3_bind_int(at, 12, a->denial);
      if (sqlite3_step(at) != SQLITE_DONE) {
        rc = db_fail(s, "storing attributions", err);
        goto out;
      }
      sqlite3_reset(at);
    }
    for (k = 0; k < m->nboiler; k++) {
      sqlite3_bind_int64(bp, 1, id);
      sqlite3_bind_int64(bp, 2, m->boiler[k].start);
      sqlite3_bind_int64(bp, 3, m->boiler[k].end);
      if (sqlite3_step(bp) != SQLITE_DONE) {
        rc = db_fail(s, "storing boilerplate ranges", err);
        goto out;
      }
      sqlite3_reset(bp);
    }
  }
out:
  sqlite3_finalize(dm);
  sqlite3_finalize(at);
  sqlite3_finalize(bp);
  sqlite3_finalize(has);
  if (rc) {
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  } else if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
    rc = db_fail(s, "committing the metadata", err);
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  }
  return rc;
}
