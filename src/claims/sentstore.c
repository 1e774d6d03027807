/*
** sentstore.c — claim search over a store: the sentences of the stored
** documents, kept in tables of their own (created with CREATE TABLE IF NOT
** EXISTS, so older stores simply grow), and the query over them.
**
**   sentences(sentence_id, doc_id, start, "end", words, claim_hash)
**   sentence_terms   FTS5, contentless, detail=none: one row per sentence
**                    (rowid = sentence_id) holding its index terms as
**                    space-separated strings; tokenizer "ascii" with "@"
**                    and "~" as token characters, so the terms hearsay
**                    made are indexed as they are
**   sentence_vocab   fts5vocab over it: the document frequency of a term
**   sentence_docs(doc_id, sentences, words)   documents already split
**   sentence_stats(key, value)   "sentences", "words": BM25's N and avgdl;
**                    "version": of the rules that made the terms
**
** A search first indexes the stored documents that have no sentences yet
** (in transactions of 2000 documents).  It then reads, for each of the
** query's alternatives, the sentences that contain it (FTS5, no ranking),
** keeps the CANDIDATES sentences with the best sum over concepts of
** weight × idf, and scores those exactly as the in-memory index does
** (search.c), with the document frequencies from sentence_vocab.  Only
** the candidates' text is read.
*/
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "claims/claims.h"
#include "store/store.h"

#define CANDIDATES 500
#define HS_STR2(x) #x
#define HS_STR(x) HS_STR2(x)
/* Terms in more sentences than this are left out of candidate selection
** (they still count in the score of the candidates). */
#define MAX_CANDIDATE_DF 300000
#define DOCS_PER_TX 2000

hs_lexicon *hs_claims_lexicon(hs_claims *c);
int hs_claims_cancelled(const hs_claims *c);
int hs_claims_explain(hs_claims *c, const hs_query *q,
                      const hs_bm25_stats *st, const char *text, size_t len,
                      hs_claim_hit *h, hs_error *err);
int hs_sentstore_sync(hs_claims *c, hs_store *s, hs_error *err);

static const char *const schema =
    "CREATE TABLE IF NOT EXISTS sentences("
    " sentence_id INTEGER PRIMARY KEY,"
    " doc_id INTEGER NOT NULL,"
    " start INTEGER NOT NULL,"
    " \"end\" INTEGER NOT NULL,"
    " words INTEGER NOT NULL,"
    " claim_hash INTEGER);"
    "CREATE INDEX IF NOT EXISTS sentences_doc ON sentences(doc_id);"
    "CREATE INDEX IF NOT EXISTS sentences_claim ON sentences(claim_hash);"
    "CREATE TABLE IF NOT EXISTS sentence_docs("
    " doc_id INTEGER PRIMARY KEY, sentences INTEGER, words INTEGER);"
    "CREATE TABLE IF NOT EXISTS sentence_stats(key TEXT PRIMARY KEY,"
    " value INTEGER);"
    "CREATE VIRTUAL TABLE IF NOT EXISTS sentence_terms USING fts5(terms,"
    " content='', detail=none, tokenize=\"ascii tokenchars '@~'\");"
    "CREATE VIRTUAL TABLE IF NOT EXISTS sentence_vocab USING"
    " fts5vocab(sentence_terms, 'row');";

static int db_fail(sqlite3 *db, hs_error *err, const char *what) {
  return hs_error_set(err, HS_EDB, "%s: %s", what, sqlite3_errmsg(db));
}

/* Add the batch's sentence and word counts to the stats (stat is the
** prepared update, ?1 key, ?2 increment) and commit the transaction. */
static int commit_batch(sqlite3 *db, sqlite3_stmt *stat, int64_t nsent,
                        int64_t nwords, hs_error *err) {
  const char *keys[2] = {"sentences", "words"};
  int64_t vals[2];
  int k;
  vals[0] = nsent;
  vals[1] = nwords;
  for (k = 0; k < 2; k++) {
    sqlite3_reset(stat);
    sqlite3_bind_text(stat, 1, keys[k], -1, SQLITE_STATIC);
    sqlite3_bind_int64(stat, 2, vals[k]);
    if (sqlite3_step(stat) != SQLITE_DONE)
      return db_fail(db, err, "sentence_stats");
  }
  if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL))
    return db_fail(db, err, "sentence tables");
  return HS_OK;
}

/* An order-free hash of a sentence's stems: sentences making the same
** claim in the same words (in any order) share it; 0 for short ones. */
static int64_t claim_hash(const hs_analysis *a) {
  uint64_t h = 0;
  size_t k, n = 0;
  for (k = 0; k < a->n; k++)
    if (a->w[k].stem != HS_NOSTR) {
      const char *t = HS_ASTR(a, a->w[k].stem);
      h += XXH3_64bits(t, strlen(t)) * 0x9E3779B97F4A7C15ull;
      n++;
    }
  return n >= 6 ? (int64_t)(h >> 1) : 0;
}

/* The terms a sentence gets depend on the code (stemmers, tables, rules):
** sentence_stats 'version' records the version they were made with, and
** tables of another version are emptied and rebuilt. */
#define HS_SENTENCES_VERSION 1

static int check_version(sqlite3 *db, hs_error *err) {
  sqlite3_stmt *st = NULL;
  int64_t have = -1;
  int rc = HS_OK;
  if (sqlite3_prepare_v2(db, "SELECT value FROM sentence_stats WHERE key ="
                         " 'version'", -1, &st, NULL))
    return db_fail(db, err, "sentence_stats");
  if (sqlite3_step(st) == SQLITE_ROW) have = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  if (have == HS_SENTENCES_VERSION) return HS_OK;
  if (sqlite3_exec(db, "BEGIN IMMEDIATE;"
                   "DELETE FROM sentences; DELETE FROM sentence_docs;"
                   "DELETE FROM sentence_stats;"
                   "INSERT INTO sentence_terms(sentence_terms) VALUES"
                   "('delete-all');"
                   "INSERT INTO sentence_stats VALUES('version', "
                   HS_STR(HS_SENTENCES_VERSION) "); COMMIT;",
                   NULL, NULL, NULL)) {
    rc = db_fail(db, err, "sentence tables");
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  }
  return rc;
}

/* Whether the store has every table and index of the schema above, each
** of its kind, so that running the schema would change nothing: one query
** instead of parsing seven statements on every search. */
static int have_tables(sqlite3 *db) {
  sqlite3_stmt *st = NULL;
  int n = -1;
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE"
                         " (type = 'table' AND name IN ('sentences',"
                         " 'sentence_docs', 'sentence_stats',"
                         " 'sentence_terms', 'sentence_vocab')) OR"
                         " (type = 'index' AND name IN ('sentences_doc',"
                         " 'sentences_claim'))", -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    n = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return n == 7;
}

/* The statements that split documents into the sentence tables: the
** sentences, their terms, the document done, the stats (?1 key, ?2
** increment).  Nonzero (an SQLite code) on failure. */
static int prepare_writers(sqlite3 *db, sqlite3_stmt **ins,
                           sqlite3_stmt **fts, sqlite3_stmt **doc,
                           sqlite3_stmt **stat) {
  int rc = sqlite3_prepare_v2(db, "INSERT INTO sentences(doc_id, start,"
                              " \"end\", words, claim_hash)"
                              " VALUES(?,?,?,?,?)", -1, ins, NULL);
  if (!rc)
    rc = sqlite3_prepare_v2(db, "INSERT INTO sentence_terms(rowid, terms)"
                            " VALUES(?,?)", -1, fts, NULL);
  if (!rc)
    rc = sqlite3_prepare_v2(db, "INSERT INTO sentence_docs VALUES(?,?,?)",
                            -1, doc, NULL);
  if (!rc)
    rc = sqlite3_prepare_v2(db, "INSERT INTO sentence_stats VALUES(?, ?) ON"
                            " CONFLICT(key) DO UPDATE SET value = value +"
                            " excluded.value", -1, stat, NULL);
  return rc;
}

int hs_sentstore_sync(hs_claims *c, hs_store *s, hs_error *err) {
  sqlite3 *db = hs_store_sqlite(s);
  sqlite3_stmt *todo = NULL, *ins = NULL, *fts = NULL, *doc = NULL,
               *stat = NULL;
  hs_analysis a;
  hs_buf terms;
  char *msg = NULL;
  int rc = HS_OK, intx = 0, src;
  size_t done = 0;
  int64_t nsent = 0, nwords = 0;
  hs_analysis_init(&a);
  hs_buf_init(&terms, 0);
  if (!have_tables(db) &&
      sqlite3_exec(db, schema, NULL, NULL, &msg) != SQLITE_OK) {
    rc = hs_error_set(err, HS_EDB, "cannot create the sentence tables: %s",
                      msg ? msg : "?");
    sqlite3_free(msg);
    goto out;
  }
  if ((rc = check_version(db, err))) goto out;
  /* Documents are only ever appended (doc_id 0, 1, 2...) and split in
  ** doc_id order, one transaction per batch: the ones to split are those
  ** past the last split one, a range of the rowid (no table scan). */
  if (sqlite3_prepare_v2(db, "SELECT doc_id, text FROM documents WHERE doc_id"
                         " > (SELECT coalesce(max(doc_id), -1) FROM"
                         " sentence_docs) ORDER BY doc_id", -1, &todo, NULL)) {
    rc = db_fail(db, err, "sentence tables");
    goto out;
  }
  while ((src = sqlite3_step(todo)) == SQLITE_ROW) {
    int64_t id = sqlite3_column_int64(todo, 0), dw = 0;
    const char *text = (const char *)sqlite3_column_blob(todo, 1);
    size_t len = (size_t)sqlite3_column_bytes(todo, 1), i, ns = 0;
    hs_sentence *ss = NULL;
    /* the writing statements are prepared when a document needs them:
    ** a store already split (every search but the first) needs none */
    if (!ins && prepare_writers(db, &ins, &fts, &doc, &stat)) {
      rc = db_fail(db, err, "sentence tables");
      goto out;
    }
    if (hs_claims_cancelled(c)) {
      rc = hs_error_set(err, HS_EINTR, "interrupted");
      goto out;
    }
    if (!intx) {
      if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) {
        rc = db_fail(db, err, "sentence tables");
        goto out;
      }
      intx = 1;
    }
    if ((rc = hs_sentences_split(text ? text : "", len, &ss, &ns, err)))
      goto out;
    for (i = 0; i < ns; i++) {
      if ((rc = hs_lex_analyze(hs_claims_lexicon(c), text + ss[i].start,
                               ss[i].end - ss[i].start, &a, err)))
        break;
      sqlite3_reset(ins);
      sqlite3_bind_int64(ins, 1, id);
      sqlite3_bind_int64(ins, 2, ss[i].start);
      sqlite3_bind_int64(ins, 3, ss[i].end);
      sqlite3_bind_int64(ins, 4, (int64_t)a.dl);
      sqlite3_bind_int64(ins, 5, claim_hash(&a));
      if (sqlite3_step(ins) != SQLITE_DONE) {
        rc = db_fail(db, err, "sentences");
        break;
      }
      terms.len = 0;
      hs_analysis_terms(&a, &terms);
      sqlite3_reset(fts);
      sqlite3_bind_int64(fts, 1, sqlite3_last_insert_rowid(db));
      sqlite3_bind_text(fts, 2, terms.p ? terms.p : "", (int)terms.len,
                        SQLITE_STATIC);
      if (sqlite3_step(fts) != SQLITE_DONE) {
        rc = db_fail(db, err, "sentence_terms");
        break;
      }
      dw += (int64_t)a.dl;
    }
    free(ss);
    if (rc) goto out;
    sqlite3_reset(doc);
    sqlite3_bind_int64(doc, 1, id);
    sqlite3_bind_int64(doc, 2, (int64_t)ns);
    sqlite3_bind_int64(doc, 3, dw);
    if (sqlite3_step(doc) != SQLITE_DONE) {
      rc = db_fail(db, err, "sentence_docs");
      goto out;
    }
    nsent += (int64_t)ns;
    nwords += dw;
    done++;
    if (done % DOCS_PER_TX == 0) {
      if ((rc = commit_batch(db, stat, nsent, nwords, err))) goto out;
      nsent = nwords = 0;
      intx = 0;
    }
  }
  if (src != SQLITE_DONE) {
    rc = db_fail(db, err, "documents");
    goto out;
  }
  if (intx) {
    if ((rc = commit_batch(db, stat, nsent, nwords, err))) goto out;
    intx = 0;
  }
out:
  sqlite3_finalize(todo);
  sqlite3_finalize(ins);
  sqlite3_finalize(fts);
  sqlite3_finalize(doc);
  sqlite3_finalize(stat);
  if (intx) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  hs_buf_free(&terms);
  hs_analysis_free(&a);
  return rc;
}

typedef struct vocab_ctx {
  sqlite3_stmt *q;
  hs_smap cache;
  double *vals;
  size_t nvals;
} vocab_ctx;

static double store_df(void *ud, const char *term) {
  vocab_ctx *v = ud;
  long at = hs_smap_get(&v->cache, term, strlen(term));
  double df = 0;
  if (at >= 0) return v->vals[at];
  sqlite3_reset(v->q);
  sqlite3_bind_text(v->q, 1, term, -1, SQLITE_TRANSIENT);
  if (sqlite3_step(v->q) == SQLITE_ROW) df = sqlite3_column_double(v->q, 0);
  v->vals = hs_reallocarray(v->vals, v->nvals + 1, sizeof *v->vals);
  v->vals[v->nvals] = df;
  hs_smap_put(&v->cache, term, strlen(term), (uint32_t)v->nvals);
  v->nvals++;
  return df;
}

static int cmp_hit(const void *x, const void *y) {
  const hs_claim_hit *a = x, *b = y;
  if (a->bm25 != b->bm25) return a->bm25 > b->bm25 ? -1 : 1;
  if (a->doc != b->doc) return a->doc < b->doc ? -1 : 1;
  return a->start < b->start ? -1 : a->start > b->start;
}

/* sentence_id → score, open addressing; keys are stored + 1 (0 = empty). */
typedef struct acc_map {
  int64_t *key;
  double *val;
  size_t n, cap;
} acc_map;

static void acc_free(acc_map *m) {
  free(m->key);
  free(m->val);
  memset(m, 0, sizeof *m);
}

static size_t acc_slot(const acc_map *m, int64_t k) {
  size_t i = (size_t)((uint64_t)k * 0x9E3779B97F4A7C15ull >> 20) & (m->cap - 1);
  while (m->key[i] && m->key[i] != k + 1) i = (i + 1) & (m->cap - 1);
  return i;
}

/* m[k] = max(m[k], v) */
static void acc_max(acc_map *m, int64_t k, double v) {
  size_t i;
  if ((m->n + 1) * 2 > m->cap) {
    acc_map old = *m;
    size_t j;
    m->cap = old.cap ? old.cap * 2 : 1024;
    m->key = hs_calloc(m->cap, sizeof *m->key);
    m->val = hs_calloc(m->cap, sizeof *m->val);
    m->n = 0;
    for (j = 0; j < old.cap; j++)
      if (old.key[j]) {
        size_t at = acc_slot(m, old.key[j] - 1);
        m->key[at] = old.key[j];
        m->val[at] = old.val[j];
        m->n++;
      }
    free(old.key);
    free(old.val);
  }
  i = acc_slot(m, k);
  if (!m->key[i]) {
    m->key[i] = k + 1;
    m->val[i] = v;
    m->n++;
  } else if (v > m->val[i]) {
    m->val[i] = v;
  }
}

/* total[k] += concept[k] for every k; concept is emptied. */
static void acc_merge(acc_map *total, acc_map *concept) {
  size_t j;
  for (j = 0; j < concept->cap; j++)
    if (concept->key[j]) {
      int64_t k = concept->key[j] - 1;
      size_t i;
      acc_max(total, k, 0);
      i = acc_slot(total, k);
      total->val[i] += concept->val[j];
      concept->key[j] = 0;
    }
  concept->n = 0;
}

typedef struct scored {
  int64_t id;
  double v;
} scored;

static int cmp_scored(const void *x, const void *y) {
  const scored *a = x, *b = y;
  if (a->v != b->v) return a->v > b->v ? -1 : 1;
  return a->id < b->id ? -1 : a->id > b->id;
}

/* The ids of the best `want` entries, best first, into *top. */
static size_t acc_top(const acc_map *m, int64_t **top, size_t want) {
  scored *all = hs_malloc((m->n + 1) * sizeof *all);
  size_t j, n = 0;
  for (j = 0; j < m->cap; j++)
    if (m->key[j]) {
      all[n].id = m->key[j] - 1;
      all[n].v = m->val[j];
      n++;
    }
  if (n) qsort(all, n, sizeof *all, cmp_scored);
  if (n > want) n = want;
  *top = hs_malloc((n + 1) * sizeof **top);
  for (j = 0; j < n; j++) (*top)[j] = all[j].id;
  free(all);
  return n;
}

int hs_claims_search_store(hs_claims *c, hs_store *s, const char *query,
                           size_t limit, double min_score, hs_claim_hit **out,
                           size_t *n, hs_error *err) {
  sqlite3 *db;
  sqlite3_stmt *cand = NULL, *row = NULL, *st = NULL;
  vocab_ctx v;
  hs_query q;
  hs_bm25_stats bs;
  hs_buf match;
  hs_claim_hit *h = NULL;
  size_t nh = 0, i, j;
  int rc, qok = 0, began = 0;
  acc_map concept, total;
  int64_t *top = NULL;
  size_t ncand = 0;
  memset(&concept, 0, sizeof concept);
  memset(&total, 0, sizeof total);
  *out = NULL;
  *n = 0;
  memset(&v, 0, sizeof v);
  hs_smap_init(&v.cache);
  hs_buf_init(&match, 0);
  if ((rc = hs_sentstore_sync(c, s, err))) goto out;
  db = hs_store_sqlite(s);
  /* reading is faster through a map of the file than through read() */
  sqlite3_exec(db, "PRAGMA mmap_size = 4294967296", NULL, NULL, NULL);
  /* the reads below are one transaction: one snapshot, and the locks and
  ** checks of the file once instead of for every statement */
  if ((rc = hs_store_read_begin(s, err))) goto out;
  began = 1;
  if ((rc = hs_lex_query(hs_claims_lexicon(c), query, strlen(query), 1, &q,
                         err)))
    goto out;
  qok = 1;
  bs.n = 0;
  bs.avgdl = 1;
  if (sqlite3_prepare_v2(db, "SELECT key, value FROM sentence_stats", -1, &st,
                         NULL) ||
      sqlite3_prepare_v2(db, "SELECT doc FROM sentence_vocab WHERE term = ?",
                         -1, &v.q, NULL) ||
      sqlite3_prepare_v2(db, "SELECT rowid FROM sentence_terms WHERE"
                         " sentence_terms MATCH ?", -1, &cand, NULL) ||
      sqlite3_prepare_v2(db, "SELECT s.doc_id, s.start, s.\"end\","
                         " substr(CAST(d.text AS BLOB), s.start + 1,"
                         " s.\"end\" - s.start), d.name, d.date, d.series"
                         " FROM sentences s JOIN documents d ON"
                         " d.doc_id = s.doc_id WHERE s.sentence_id = ?", -1,
                         &row, NULL)) {
    rc = db_fail(db, err, "claim search");
    goto out;
  }
  {
    double words = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
      const char *k = (const char *)sqlite3_column_text(st, 0);
      if (k && !strcmp(k, "sentences")) bs.n = sqlite3_column_double(st, 1);
      if (k && !strcmp(k, "words")) words = sqlite3_column_double(st, 1);
    }
    if (bs.n > 0) bs.avgdl = words / bs.n;
  }
  bs.df = store_df;
  bs.ud = &v;
  /* candidates: sentences by the sum over concepts of the best
  ** weight × idf among the alternatives they contain */
  for (i = 0; i < q.n; i++) {
    double df0 = q.c[i].nalt ? store_df(&v, q.c[i].alt[0].term) : 0;
    double idf0 = log(1.0 + (bs.n - df0 + 0.5) / (df0 + 0.5));
    for (j = 0; j < q.c[i].nalt; j++) {
      const char *t = q.c[i].alt[j].term;
      double df = store_df(&v, t), w;
      if (df <= 0 || df > MAX_CANDIDATE_DF) continue;
      w = q.c[i].alt[j].weight * hs_alt_idf(bs.n, df, idf0, j);
      match.len = 0;
      hs_buf_putc(&match, '"');
      for (; *t; t++) {
        if (*t == '"') hs_buf_putc(&match, '"');
        hs_buf_putc(&match, *t);
      }
      hs_buf_putc(&match, '"');
      sqlite3_reset(cand);
      sqlite3_bind_text(cand, 1, match.p, (int)match.len, SQLITE_STATIC);
      while (sqlite3_step(cand) == SQLITE_ROW)
        acc_max(&concept, sqlite3_column_int64(cand, 0), w);
    }
    acc_merge(&total, &concept);
  }
  ncand = acc_top(&total, &top, CANDIDATES);
  h = hs_calloc(ncand + 1, sizeof *h); /* a hit per candidate at most */
  for (i = 0; i < ncand; i++) {
    hs_claim_hit *x = &h[nh];
    const char *text;
    size_t len;
    sqlite3_reset(row);
    sqlite3_bind_int64(row, 1, top[i]);
    if (sqlite3_step(row) != SQLITE_ROW) continue;
    x->doc = (uint32_t)sqlite3_column_int64(row, 0);
    x->start = (uint32_t)sqlite3_column_int64(row, 1);
    x->end = (uint32_t)sqlite3_column_int64(row, 2);
    text = (const char *)sqlite3_column_blob(row, 3);
    len = (size_t)sqlite3_column_bytes(row, 3);
    if ((rc = hs_claims_explain(c, &q, &bs, text ? text : "", len, x, err)))
      goto out;
    if (x->score < min_score) {
      free(x->text);
      free(x->explain);
      memset(x, 0, sizeof *x);
      continue;
    }
    x->name = hs_strdup((const char *)sqlite3_column_text(row, 4));
    x->date = hs_strdup((const char *)sqlite3_column_text(row, 5));
    x->outlet = hs_strdup((const char *)sqlite3_column_text(row, 6));
    nh++;
  }
  if (nh) qsort(h, nh, sizeof *h, cmp_hit);
  if (limit && nh > limit) {
    for (i = limit; i < nh; i++) {
      free(h[i].text);
      free(h[i].explain);
      free(h[i].name);
      free(h[i].date);
      free(h[i].outlet);
    }
    nh = limit;
  }
  *out = h;
  *n = nh;
  h = NULL;
out:
  hs_claim_hits_free(h, nh);
  sqlite3_finalize(cand);
  sqlite3_finalize(row);
  sqlite3_finalize(st);
  sqlite3_finalize(v.q);
  if (began) hs_store_read_end(s);
  hs_smap_free(&v.cache);
  free(v.vals);
  hs_buf_free(&match);
  acc_free(&concept);
  acc_free(&total);
  free(top);
  if (qok) hs_query_free(&q);
  return rc;
}
