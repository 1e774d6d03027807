/*
** term_counts.c — the sentence stage's term counts kept in the store, so
** that incremental runs weight terms as a run over the whole corpus does.
**
** The sentence stage weights a term by its count over the documents of
** the pairs it looks at (those the n-gram stage joins).  A store's run
** sees only its new documents and their stored partners; the documents
** counted by earlier runs are in rewrite_docs and their terms' counts in
** rewrite_terms, read once per run, handed to the stage as its prior
** (align/prior.c), and grown in each batch's transaction with what the
** batch counted, so that a kill leaves counts and passages consistent.
** Terms are the engine's 32-bit word hashes, kept whole: the stage folds
** them into a table sized for the documents counted, as in one run.
*/
#include "store/term_counts.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store/store.h"
#include "util/sort.h"
#include "util/util.h"

static const char *const tcount_schema =
    "CREATE TABLE IF NOT EXISTS rewrite_docs("
    " doc_id INTEGER PRIMARY KEY,"
    " tokens INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS rewrite_terms("
    " term INTEGER PRIMARY KEY,"
    " n INTEGER NOT NULL);";

static int tc_prepare(hs_store *s, const char *sql, sqlite3_stmt **st,
                      const char *doing, hs_error *err) {
  int rc = sqlite3_prepare_v2(hs_store_sqlite(s), sql, -1, st, NULL);
  if (rc != SQLITE_OK) {
    *st = NULL;
    return hs_store_db_error(s, err, rc, doing);
  }
  return HS_OK;
}

static int has_tables(hs_store *s, int *yes, hs_error *err) {
  return hs_store_row_exists(s, "SELECT 1 FROM sqlite_master WHERE type = "
                             "'table' AND name = ?1", "rewrite_terms", yes,
                             "reading the sentence stage's counts", err);
}

int hs_tcount_load(hs_store *s, hs_tcount *t, hs_error *err) {
  sqlite3_stmt *st = NULL;
  size_t cap = 0, capd = 0, capc = 0;
  int rc, yes = 0, began = 0;
  const char *doing = "reading the sentence stage's counts";
  memset(t, 0, sizeof *t);
  if (sqlite3_get_autocommit(hs_store_sqlite(s))) {
    if ((rc = hs_store_read_begin(s, err))) return rc;
    began = 1;
  }
  if ((rc = has_tables(s, &yes, err)) || !yes) goto out;
  if ((rc = tc_prepare(s, "SELECT doc_id, tokens FROM rewrite_docs ORDER "
                       "BY doc_id", &st, doing, err)))
    goto out;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    sqlite3_int64 d = sqlite3_column_int64(st, 0);
    if (d < 0 || d > (sqlite3_int64)UINT32_MAX) continue;
    HS_GROW(t->doc, capd, t->ndocs + 1);
    t->doc[t->ndocs++] = (uint32_t)d;
    t->total += (uint64_t)sqlite3_column_int64(st, 1);
  }
  if (rc != SQLITE_DONE) {
    rc = hs_store_db_error(s, err, rc, doing);
    goto out;
  }
  sqlite3_finalize(st);
  if ((rc = tc_prepare(s, "SELECT term, n FROM rewrite_terms ORDER BY term",
                       &st, doing, err)))
    goto out;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    sqlite3_int64 v = sqlite3_column_int64(st, 0);
    if (v < 0 || v > (sqlite3_int64)UINT32_MAX) continue;
    HS_GROW(t->term, cap, t->n + 1);
    HS_GROW(t->count, capc, t->n + 1);
    t->term[t->n] = (uint32_t)v;
    t->count[t->n++] = (uint64_t)sqlite3_column_int64(st, 1);
  }
  rc = rc == SQLITE_DONE ? HS_OK : hs_store_db_error(s, err, rc, doing);
out:
  sqlite3_finalize(st);
  if (began) hs_store_read_end(s);
  if (rc) hs_tcount_free(t);
  return rc;
}

void hs_tcount_free(hs_tcount *t) {
  free(t->term);
  free(t->count);
  free(t->doc);
  memset(t, 0, sizeof *t);
}

int hs_tcount_has(const hs_tcount *t, uint32_t doc) {
  size_t lo = 0, hi = t->ndocs;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->doc[mid] < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo < t->ndocs && t->doc[lo] == doc;
}

void hs_tcount_prior(const hs_tcount *t, const uint32_t *docid, size_t n,
                     uint8_t *counted, hs_sent_prior *prior) {
  size_t i;
  for (i = 0; i < n; i++) counted[i] = (uint8_t)hs_tcount_has(t, docid[i]);
  prior->term = t->term;
  prior->count = t->count;
  prior->nterm = t->n;
  prior->total = t->total;
  prior->counted = counted;
  hs_sent_prior_reset(prior);
}

void hs_tcount_batch_make(hs_sent_prior *prior, const uint32_t *docid,
                          hs_tcount_batch *b) {
  uint64_t *k;
  size_t i;
  memset(b, 0, sizeof *b);
  b->n = hs_sent_prior_counts(prior, &b->term, &b->count);
  if (!prior->ndocs) return;
  /* doc_id << 32 | position, sorted: the documents in doc_id order */
  k = hs_malloc(prior->ndocs * sizeof *k);
  for (i = 0; i < prior->ndocs; i++)
    k[i] = (uint64_t)docid[prior->docs[i]] << 32 | i;
  hs_sort_u64(k, prior->ndocs);
  b->doc = hs_malloc(prior->ndocs * sizeof *b->doc);
  b->tokens = hs_malloc(prior->ndocs * sizeof *b->tokens);
  for (i = 0; i < prior->ndocs; i++) {
    b->doc[i] = (uint32_t)(k[i] >> 32);
    b->tokens[i] = prior->doc_tokens[(uint32_t)k[i]];
  }
  b->ndocs = prior->ndocs;
  free(k);
}

void hs_tcount_batch_free(hs_tcount_batch *b) {
  free(b->term);
  free(b->count);
  free(b->doc);
  free(b->tokens);
  memset(b, 0, sizeof *b);
}

int hs_tcount_write(hs_store *s, const hs_tcount_batch *b, hs_error *err) {
  sqlite3_stmt *st = NULL;
  size_t i;
  int rc;
  const char *doing = "storing the sentence stage's counts";
  if (!b->ndocs) return HS_OK;
  rc = sqlite3_exec(hs_store_sqlite(s), tcount_schema, NULL, NULL, NULL);
  if (rc != SQLITE_OK) return hs_store_db_error(s, err, rc, doing);
  if ((rc = tc_prepare(s, "INSERT INTO rewrite_docs(doc_id, tokens) "
                       "VALUES(?1, ?2)", &st, doing, err)))
    return rc;
  for (i = 0; i < b->ndocs; i++) {
    rc = sqlite3_bind_int64(st, 1, b->doc[i]);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_int64(st, 2, (sqlite3_int64)b->tokens[i]);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) goto fail;
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  if ((rc = tc_prepare(s, "INSERT INTO rewrite_terms(term, n) VALUES(?1, "
                       "?2) ON CONFLICT(term) DO UPDATE SET n = n + "
                       "excluded.n", &st, doing, err)))
    return rc;
  for (i = 0; i < b->n; i++) {
    rc = sqlite3_bind_int64(st, 1, b->term[i]);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_int64(st, 2, (sqlite3_int64)b->count[i]);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc != SQLITE_DONE) goto fail;
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  return HS_OK;
fail:
  rc = hs_store_db_error(s, err, rc, doing);
  sqlite3_finalize(st);
  return rc;
}

void hs_tcount_merge(hs_tcount *t, const hs_tcount_batch *b) {
  size_t i = 0, j = 0, m = 0, nd;
  uint32_t *term, *doc;
  uint64_t *count;
  if (!b->ndocs) return;
  term = hs_malloc((t->n + b->n + 1) * sizeof *term);
  count = hs_malloc((t->n + b->n + 1) * sizeof *count);
  while (i < t->n || j < b->n) {
    if (j >= b->n || (i < t->n && t->term[i] < b->term[j])) {
      term[m] = t->term[i];
      count[m++] = t->count[i++];
    } else if (i >= t->n || b->term[j] < t->term[i]) {
      term[m] = b->term[j];
      count[m++] = b->count[j++];
    } else {
      term[m] = t->term[i];
      count[m++] = t->count[i++] + b->count[j++];
    }
  }
  free(t->term);
  free(t->count);
  t->term = term;
  t->count = count;
  t->n = m;
  doc = hs_malloc((t->ndocs + b->ndocs) * sizeof *doc);
  for (i = j = nd = 0; i < t->ndocs || j < b->ndocs;)
    doc[nd++] = j >= b->ndocs || (i < t->ndocs && t->doc[i] < b->doc[j])
                    ? t->doc[i++]
                    : b->doc[j++];
  free(t->doc);
  t->doc = doc;
  t->ndocs = nd;
  for (i = 0; i < b->ndocs; i++) t->total += b->tokens[i];
}
