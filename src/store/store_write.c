/*
** store_write.c — the store's documents and passages: loading them back
** into a corpus, and commits that add documents and passages and
** recompute families.
**
** A commit is one BEGIN IMMEDIATE ... COMMIT transaction that rolls back
** on any error.  Families depend on every passage, so each commit reloads
** all stored passages, recomputes their families (cluster stage) and
** rewrites the ones that changed.  Kept apart from store.c (opening, schema,
** options, queries) so that each file stays a readable size.
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

/* A stored method as enum hs_method; NULL (a row written before the
** column, or by an older hearsay: an n-gram passage) or an unknown name
** reads as the n-gram stage's, which hs_passage_method tells apart. */
static int method_of(const char *z) {
  if (!z) return HS_METHOD_VERBATIM;
  if (!strcmp(z, "edited")) return HS_METHOD_EDITED;
  if (!strcmp(z, "rewritten")) return HS_METHOD_REWRITTEN;
  if (!strcmp(z, "summary")) return HS_METHOD_SUMMARY;
  return HS_METHOD_VERBATIM;
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
                  s->has_method
                      ? "SELECT passage_id, a_doc, a_start, a_end, a_words, "
                        "b_doc, b_start, b_end, b_words, words, similarity, "
                        "kind, family, method FROM passages ORDER BY "
                        "passage_id"
                      : "SELECT passage_id, a_doc, a_start, a_end, a_words, "
                        "b_doc, b_start, b_end, b_words, words, similarity, "
                        "kind, family, NULL FROM passages ORDER BY "
                        "passage_id",
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
    q.method = method_of((const char *)sqlite3_column_text(st, 13));
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
  int rc = read_passages(s, out, NULL, NULL, n, err);
  /* in the order of a run over the stored documents, not of the runs
  ** that stored them */
  if (!rc) hs_cluster_passage_sort(*out, *n);
  return rc;
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
                  "family, method) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                  "?9, ?10, ?11, NULL, ?12)",
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
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_text(st, 12, hs_passage_method(q), -1,
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
  /* a store that was locked when it was opened may still lack it */
  if (rc == HS_OK && !s->has_method)
    rc = db_exec(s, hs_store_method_sql, "adding the method column", err);
  if (rc == HS_OK) rc = insert_docs(s, c, first, count, base, err);
  if (rc == HS_OK) rc = insert_passages(s, p, n, err);
  if (rc == HS_OK && hook) rc = hook(s, ud, err);
  if (rc == HS_OK) rc = refamily(s, err);
  if (rc == HS_OK) rc = tx_commit(s, "committing", err);
  if (rc) tx_rollback(s);
  else s->has_method = 1;
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
