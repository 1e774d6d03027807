/*
** stories.c — documents of a store grouped into stories.
**
** Two documents are in one story when the reuse engine found a passage
** between them (table `passages`, kind 'cross') or when they contain a
** sentence making the same claim in the same words: the same claim_hash
** (an order-free hash of the sentence's stems, sentences of six content
** words or more; sentstore.c).  A claim found in more than CLAIM_MAX_DOCS
** documents is boilerplate ("All rights reserved...") and links nothing.
** Stories are the connected components (union-find, O(P α(P))); each is
** reported with its documents in date order, its outlets, its first
** appearance (the earliest date; documents without a date come last) and
** its most repeated claims.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims/claims.h"
#include "store/store.h"

#define CLAIM_MAX_DOCS 50

int hs_sentstore_sync(hs_claims *c, hs_store *s, hs_error *err);

typedef struct docinfo {
  char *name, *date, *series;
} docinfo;

typedef struct claimrun {
  int64_t hash;
  uint32_t root;       /* story */
  uint32_t docs;
  int64_t sentence;    /* a sentence stating it, in the earliest document */
  uint32_t doc;
} claimrun;

void hs_stories_free(hs_story *s, size_t n) {
  size_t i, j;
  if (!s) return;
  for (i = 0; i < n; i++) {
    for (j = 0; j < s[i].ndocs; j++) free(s[i].names[j]);
    free(s[i].names);
    for (j = 0; j < s[i].noutlets; j++) free(s[i].outlets[j]);
    free(s[i].outlets);
    free(s[i].first_name);
    free(s[i].first_date);
    free(s[i].first_outlet);
    for (j = 0; j < s[i].nclaims; j++) {
      free(s[i].claims[j].text);
      free(s[i].claims[j].name);
    }
    free(s[i].claims);
  }
  free(s);
}

static int cmp_date_doc(const docinfo *d, uint32_t a, uint32_t b) {
  const char *x = d[a].date, *y = d[b].date;
  int c;
  if (x && y && (c = strcmp(x, y))) return c;
  if (!x != !y) return x ? -1 : 1;
  return a < b ? -1 : a > b;
}

/* qsort has no context argument: sort (key, doc) pairs instead. */
typedef struct order {
  const char *date;
  uint32_t doc;
} order;

static int cmp_order(const void *x, const void *y) {
  const order *a = x, *b = y;
  int c;
  if (a->date && b->date && (c = strcmp(a->date, b->date))) return c;
  if (!a->date != !b->date) return a->date ? -1 : 1;
  return a->doc < b->doc ? -1 : a->doc > b->doc;
}

static int cmp_claim(const void *x, const void *y) {
  const claimrun *a = x, *b = y;
  if (a->root != b->root) return a->root < b->root ? -1 : 1;
  if (a->docs != b->docs) return a->docs > b->docs ? -1 : 1;
  return a->hash < b->hash ? -1 : a->hash > b->hash;
}

/* Largest story first; ties by first appearance. */
static int cmp_story(const void *x, const void *y) {
  const hs_story *a = x, *b = y;
  int c;
  if (a->ndocs != b->ndocs) return a->ndocs > b->ndocs ? -1 : 1;
  if (a->first_date && b->first_date &&
      (c = strcmp(a->first_date, b->first_date)))
    return c;
  return strcmp(a->first_name ? a->first_name : "",
                b->first_name ? b->first_name : "");
}

int hs_claims_stories(hs_claims *c, hs_store *s, size_t max_claims,
                      hs_story **out, size_t *n, hs_error *err) {
  sqlite3 *db;
  sqlite3_stmt *st = NULL;
  docinfo *d = NULL;
  uint32_t *parent = NULL, *size = NULL, *slot = NULL;
  claimrun *runs = NULL;
  order *ord = NULL;
  hs_story *stories = NULL;
  size_t ndocs = 0, nruns = 0, rcap = 0, nst = 0, i, j;
  int rc = HS_OK, src;
  int64_t prev = 0;
  uint32_t first_doc = 0, run_docs = 0, last_doc = UINT32_MAX;
  int64_t first_sent = 0;
  *out = NULL;
  *n = 0;
  if ((rc = hs_sentstore_sync(c, s, err))) return rc;
  db = hs_store_sqlite(s);
#define PREP(sql)                                                  \
  do {                                                             \
    sqlite3_finalize(st);                                          \
    st = NULL;                                                     \
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) { \
      rc = hs_error_set(err, HS_EDB, "stories: %s", sqlite3_errmsg(db)); \
      goto out;                                                    \
    }                                                              \
  } while (0)
  PREP("SELECT coalesce(max(doc_id) + 1, 0) FROM documents");
  if (sqlite3_step(st) == SQLITE_ROW) ndocs = (size_t)sqlite3_column_int64(st, 0);
  d = hs_calloc(ndocs + 1, sizeof *d);
  parent = hs_malloc((ndocs + 1) * sizeof *parent);
  for (i = 0; i < ndocs; i++) parent[i] = (uint32_t)i;
  PREP("SELECT doc_id, name, date, series FROM documents");
  while ((src = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t id = sqlite3_column_int64(st, 0);
    if (id < 0 || (size_t)id >= ndocs) continue;
    d[id].name = hs_strdup((const char *)sqlite3_column_text(st, 1));
    d[id].date = hs_strdup((const char *)sqlite3_column_text(st, 2));
    d[id].series = hs_strdup((const char *)sqlite3_column_text(st, 3));
  }
  PREP("SELECT a_doc, b_doc FROM passages WHERE a_doc != b_doc");
  while ((src = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t a = sqlite3_column_int64(st, 0), b = sqlite3_column_int64(st, 1);
    if (a >= 0 && b >= 0 && (size_t)a < ndocs && (size_t)b < ndocs)
      hs_uf_union(parent, (uint32_t)a, (uint32_t)b);
  }
  /* claim runs: sentences sharing a claim_hash, by hash then document */
  PREP("SELECT claim_hash, doc_id, sentence_id FROM sentences"
       " WHERE claim_hash != 0 ORDER BY claim_hash, doc_id");
  for (;;) {
    int more = (src = sqlite3_step(st)) == SQLITE_ROW;
    int64_t h = more ? sqlite3_column_int64(st, 0) : 0;
    int64_t doc = more ? sqlite3_column_int64(st, 1) : 0;
    if (more && (doc < 0 || (size_t)doc >= ndocs)) continue;
    if (!more || h != prev) {
      if (run_docs >= 2 && run_docs <= CLAIM_MAX_DOCS) {
        HS_GROW(runs, rcap, nruns + 1);
        runs[nruns].hash = prev;
        runs[nruns].docs = run_docs;
        runs[nruns].doc = first_doc;
        runs[nruns].sentence = first_sent;
        nruns++;
      }
      if (!more) break;
      prev = h;
      run_docs = 0;
      last_doc = UINT32_MAX;
    }
    if ((uint32_t)doc != last_doc) {
      if (!run_docs || cmp_date_doc(d, (uint32_t)doc, first_doc) < 0) {
        first_doc = (uint32_t)doc;
        first_sent = sqlite3_column_int64(st, 2);
      }
      run_docs++;
      last_doc = (uint32_t)doc;
    }
  }
  if (src != SQLITE_DONE) {
    rc = hs_error_set(err, HS_EDB, "stories: %s", sqlite3_errmsg(db));
    goto out;
  }
  /* link the documents of each run */
  PREP("SELECT doc_id FROM sentences WHERE claim_hash = ?");
  for (i = 0; i < nruns; i++) {
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, runs[i].hash);
    while (sqlite3_step(st) == SQLITE_ROW) {
      int64_t doc = sqlite3_column_int64(st, 0);
      if (doc >= 0 && (size_t)doc < ndocs)
        hs_uf_union(parent, runs[i].doc, (uint32_t)doc);
    }
  }
  /* components with two documents or more */
  size = hs_calloc(ndocs + 1, sizeof *size);
  slot = hs_malloc((ndocs + 1) * sizeof *slot);
  for (i = 0; i < ndocs; i++) size[hs_uf_find(parent, (uint32_t)i)]++;
  for (i = 0; i < ndocs; i++) {
    slot[i] = UINT32_MAX;
    if (hs_uf_find(parent, (uint32_t)i) == i && size[i] >= 2) slot[i] = (uint32_t)nst++;
  }
  stories = hs_calloc(nst + 1, sizeof *stories);
  ord = hs_malloc((ndocs + 1) * sizeof *ord);
  for (i = 0; i < ndocs; i++) {
    ord[i].date = d[i].date;
    ord[i].doc = (uint32_t)i;
  }
  if (ndocs) qsort(ord, ndocs, sizeof *ord, cmp_order);
  for (i = 0; i < ndocs; i++) {
    uint32_t doc = ord[i].doc, r = hs_uf_find(parent, doc);
    hs_story *x;
    if (slot[r] == UINT32_MAX) continue;
    x = &stories[slot[r]];
    if (!x->ndocs) {
      x->first_name = hs_strdup(d[doc].name);
      x->first_date = hs_strdup(d[doc].date);
      x->first_outlet = hs_strdup(d[doc].series);
      x->names = hs_calloc(size[r] + 1, sizeof *x->names);
    }
    x->names[x->ndocs++] = hs_strdup(d[doc].name);
    if (d[doc].series) {
      for (j = 0; j < x->noutlets; j++)
        if (!strcmp(x->outlets[j], d[doc].series)) break;
      if (j == x->noutlets) {
        x->outlets = hs_reallocarray(x->outlets, x->noutlets + 1, sizeof *x->outlets);
        x->outlets[x->noutlets++] = hs_strdup(d[doc].series);
      }
    }
  }
  /* claims per story, most repeated first */
  for (i = 0; i < nruns; i++) runs[i].root = slot[hs_uf_find(parent, runs[i].doc)];
  if (nruns) qsort(runs, nruns, sizeof *runs, cmp_claim);
  PREP("SELECT s.doc_id, s.start, s.\"end\", substr(CAST(d.text AS BLOB),"
       " s.start + 1, s.\"end\" - s.start) FROM sentences s JOIN documents d"
       " ON d.doc_id = s.doc_id WHERE s.sentence_id = ?");
  for (i = 0; i < nruns; i++) {
    hs_story *x;
    hs_story_claim *cl;
    if (runs[i].root == UINT32_MAX) continue;
    x = &stories[runs[i].root];
    if (x->nclaims >= max_claims) continue;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, runs[i].sentence);
    if (sqlite3_step(st) != SQLITE_ROW) continue;
    x->claims = hs_reallocarray(x->claims, x->nclaims + 1, sizeof *x->claims);
    cl = &x->claims[x->nclaims++];
    cl->name = hs_strdup(d[sqlite3_column_int64(st, 0)].name);
    cl->start = (uint32_t)sqlite3_column_int64(st, 1);
    cl->end = (uint32_t)sqlite3_column_int64(st, 2);
    cl->text = hs_strndup((const char *)sqlite3_column_blob(st, 3),
                          (size_t)sqlite3_column_bytes(st, 3));
    cl->docs = runs[i].docs;
  }
  if (nst) qsort(stories, nst, sizeof *stories, cmp_story);
  *out = stories;
  *n = nst;
  stories = NULL;
#undef PREP
out:
  sqlite3_finalize(st);
  if (d)
    for (i = 0; i < ndocs; i++) {
      free(d[i].name);
      free(d[i].date);
      free(d[i].series);
    }
  free(d);
  free(parent);
  free(size);
  free(slot);
  free(runs);
  free(ord);
  hs_stories_free(stories, nst);
  return rc;
}
