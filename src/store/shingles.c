/*
** shingles.c — the store's persistent shingle index, so that adding a
** batch of documents to a store costs what the batch costs (and the stored
** documents it shares text with), not what the whole store does.
**
** Three tables (docs/schema.md, "Shingle index"):
**  - shingles(hash, doc, n): every distinct shingle hash of every stored
**    document with its number of occurrences there (the hash is the reuse
**    engine's 64-bit n-gram hash, stored as a signed integer; masked
**    n-grams are left out).  Keyed by (hash, doc): the stored documents
**    that share a new shingle, and its document frequency, are one range
**    read.  shingles_new has the same rows for the latest documents: a
**    batch's rows, keyed by random hashes, would touch most pages of a
**    large table (an O(store) write); the small table takes them and is
**    merged into the large one when it holds a quarter as many documents
**    (a constant cost per row, amortized; lookups read both).
**  - outlet_lines(series, line, docs) and outlet_docs(series, docs): the
**    per-outlet repeated-lines rule of hs_boiler_corpus as counts (hash of
**    the outlet name, hash of the line's normalized words), so that a new
**    document's repeated lines are known without the outlet's old texts.
** and meta rows shingles_docs = N: documents [0, N) are indexed, and
** shingles_main_docs: those of them in the large table.  A store
** written before the index existed has none; hs_sidx_build indexes its
** documents once.
**
** Why these and not a reload: the reuse engine's df cap (a shingle in more
** than df_cap documents, or found more than 4*df_cap times, seeds nothing)
** is a property of the whole corpus, and so is the outlet rule.  With the
** counts stored, a batch is aligned against the stored documents that share
** uncapped shingles with one of its documents at enough positions to seed
** a passage (hs_sidx_lookup), and the shingles capped by the whole store's
** counts are handed to the engine (hs_engine_set_capped).  Reads run in
** one read transaction each: outside one, SQLite locks and unlocks the
** file around every statement, which cost more than the reads.
**
** Masks of stored documents: a document's shingles are recorded with the
** masks of the time it was indexed.  Its text, when it is loaded to align
** against a new document, is masked with the counts of the time of that
** run (as before), so the two can differ when an outlet's repeated lines
** change; see docs/schema.md.
**
** Lines are those of hs_boiler_lines_add (hs_line_records, src/meta);
** tests/unit/test_shingles.c checks that both rules agree.
*/
#include "store/shingles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <xxhash.h>

#include "meta/meta_int.h"
#include "store/store.h"
#include "text/text.h"
#include "util/util.h"

/* shingles_new is merged into shingles when it holds more than 1/RATIO
** as many documents. */
#define SIDX_MERGE_RATIO 4

/* Documents read per step while an old store is indexed. */
#define SIDX_CHUNK 2000

/* The per-outlet rule of hs_boiler_corpus. */
#define SIDX_LINE_MIN_DOCS 3
#define SIDX_LINE_SHARE 0.3

static const char *const sidx_schema =
    "CREATE TABLE IF NOT EXISTS shingles("
    " hash INTEGER NOT NULL,"
    " doc INTEGER NOT NULL,"
    " n INTEGER NOT NULL,"
    " PRIMARY KEY(hash, doc)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS shingles_new("
    " hash INTEGER NOT NULL,"
    " doc INTEGER NOT NULL,"
    " n INTEGER NOT NULL,"
    " PRIMARY KEY(hash, doc)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS outlet_lines("
    " series INTEGER NOT NULL,"
    " line INTEGER NOT NULL,"
    " docs INTEGER NOT NULL,"
    " PRIMARY KEY(series, line)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS outlet_docs("
    " series INTEGER PRIMARY KEY,"
    " docs INTEGER NOT NULL);";

/* ------------------------------------------------------------ helpers */

static int sidx_exec(hs_store *s, const char *sql, const char *doing,
                     hs_error *err) {
  int rc = sqlite3_exec(hs_store_sqlite(s), sql, NULL, NULL, NULL);
  return rc == SQLITE_OK ? HS_OK : hs_store_db_error(s, err, rc, doing);
}

static int sidx_prepare(hs_store *s, const char *sql, sqlite3_stmt **st,
                        const char *doing, hs_error *err) {
  int rc = sqlite3_prepare_v2(hs_store_sqlite(s), sql, -1, st, NULL);
  if (rc != SQLITE_OK) {
    *st = NULL;
    return hs_store_db_error(s, err, rc, doing);
  }
  return HS_OK;
}

/* Many small reads in one read transaction: outside one, SQLite takes and
** drops the file lock around every statement. */
static int read_begin(hs_store *s, int *began, hs_error *err) {
  *began = 0;
  if (!sqlite3_get_autocommit(hs_store_sqlite(s))) return HS_OK;
  *began = 1;
  return sidx_exec(s, "BEGIN", "starting a read transaction", err);
}

static void read_end(hs_store *s, int began) {
  if (began) sqlite3_exec(hs_store_sqlite(s), "COMMIT", NULL, NULL, NULL);
}

static int u64_cmp(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return (a > b) - (a < b);
}

static int post_cmp(const void *x, const void *y) {
  const hs_sidx_post *a = x, *b = y;
  if (a->hash != b->hash) return a->hash < b->hash ? -1 : 1;
  return (a->doc > b->doc) - (a->doc < b->doc);
}

/* Does the table exist?  (The index tables are created on first build.) */
static int table_exists(hs_store *s, const char *name, int *yes,
                        hs_error *err) {
  return hs_store_row_exists(s, "SELECT 1 FROM sqlite_master WHERE type = "
                             "'table' AND name = ?1", name, yes,
                             "reading its tables", err);
}

/* The meta row `key` as a count into *n (0 when there is none).  When
** it is not a plain decimal number, its text (cut to badlen - 1 bytes)
** goes to bad, else bad is "". */
static int meta_count(hs_store *s, const char *key, size_t *n, char *bad,
                      size_t badlen, hs_error *err) {
  sqlite3_stmt *st = NULL;
  int rc = sidx_prepare(s, "SELECT value FROM meta WHERE key = ?1", &st,
                        "reading the shingle index", err);
  *n = 0;
  bad[0] = '\0';
  if (rc) return rc;
  rc = sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    const char *z = (const char *)sqlite3_column_text(st, 0);
    char *end = NULL;
    unsigned long long v = z ? strtoull(z, &end, 10) : 0;
    if (!z || !*z || *end || z[0] == '-')
      snprintf(bad, badlen, "%s", z ? z : "");
    else
      *n = (size_t)v;
    rc = HS_OK;
  } else if (rc == SQLITE_DONE) {
    rc = HS_OK;
  } else {
    rc = hs_store_db_error(s, err, rc, "reading the shingle index");
  }
  sqlite3_finalize(st);
  return rc;
}

int hs_sidx_covered(hs_store *s, size_t *n, size_t *ndocs, hs_error *err) {
  char bad[48];
  int rc;
  *n = 0;
  if ((rc = hs_store_count(s, ndocs, NULL, err))) return rc;
  if ((rc = meta_count(s, "shingles_docs", n, bad, sizeof bad, err)))
    return rc;
  if (!bad[0] && *n > *ndocs) snprintf(bad, sizeof bad, "%zu", *n);
  if (bad[0]) {
    rc = hs_error_set(err, HS_EDB,
                      "%s: meta shingles_docs is \"%.40s\" for %zu stored "
                      "documents; the database was edited outside "
                      "hearsay (delete that row to rebuild the index)",
                      hs_store_path(s), bad, *ndocs);
    *n = 0;
  }
  return rc;
}

/* ------------------------------------------------------ outlet lines */

typedef hs_line_rec lrec;

typedef struct lcount {
  uint64_t series, hash;
  uint64_t docs;
} lcount;

struct hs_sidx_lines {
  lcount *lines; /* sorted by (series, hash) once finished */
  size_t nlines, cap;
  lcount *series; /* hash = 0; sorted by series */
  size_t nseries, scap;
};

static int lcount_cmp(const void *x, const void *y) {
  const lcount *a = x, *b = y;
  if (a->series != b->series) return a->series < b->series ? -1 : 1;
  return (a->hash > b->hash) - (a->hash < b->hash);
}

/* The line records of document d (numbered doc), appended to *v: those of
** hs_boiler_lines_add. */
static void doc_lines(hs_tokenizer *tk, const hs_doc *d, uint32_t doc,
                      lrec **v, size_t *n, size_t *cap, uint64_t **hv,
                      size_t *hvcap) {
  if (!d->text) return;
  hs_line_records(tk, hs_line_series(d->series), d->text, d->len, doc, v, n,
                  cap, hv, hvcap);
}

hs_sidx_lines *hs_sidx_lines_new(void) {
  return hs_calloc(1, sizeof(hs_sidx_lines));
}

void hs_sidx_lines_free(hs_sidx_lines *l) {
  if (!l) return;
  free(l->lines);
  free(l->series);
  free(l);
}

/* Merge equal keys of a sorted-by-key array, adding their counts. */
static size_t lcount_merge(lcount *v, size_t n) {
  size_t i, m = 0;
  if (n > 1) qsort(v, n, sizeof *v, lcount_cmp);
  for (i = 0; i < n; i++) {
    if (m && v[m - 1].series == v[i].series && v[m - 1].hash == v[i].hash)
      v[m - 1].docs += v[i].docs;
    else
      v[m++] = v[i];
  }
  return m;
}

void hs_sidx_lines_count(hs_sidx_lines *l, const hs_corpus *c, size_t first,
                         size_t count) {
  hs_tokenizer *tk = hs_tokenizer_new();
  lrec *v = NULL;
  uint64_t *hv = NULL;
  size_t n = 0, cap = 0, hvcap = 0, i, k;
  for (i = first; i < first + count; i++) {
    const hs_doc *d = hs_corpus_doc(c, i);
    uint64_t sh = d->text ? hs_line_series(d->series) : 0;
    size_t from = n;
    if (!sh) continue;
    HS_GROW(l->series, l->scap, l->nseries + 1);
    l->series[l->nseries].series = sh;
    l->series[l->nseries].hash = 0;
    l->series[l->nseries].docs = 1;
    l->nseries++;
    doc_lines(tk, d, (uint32_t)(i - first), &v, &n, &cap, &hv, &hvcap);
    /* a line counts once per document */
    if (n - from > 1) qsort(v + from, n - from, sizeof *v, hs_line_rec_cmp);
    for (k = from; k < n; k++) {
      if (k > from && v[k].hash == v[k - 1].hash) continue;
      HS_GROW(l->lines, l->cap, l->nlines + 1);
      l->lines[l->nlines].series = v[k].series;
      l->lines[l->nlines].hash = v[k].hash;
      l->lines[l->nlines].docs = 1;
      l->nlines++;
    }
    n = from;
  }
  l->nlines = lcount_merge(l->lines, l->nlines);
  l->nseries = lcount_merge(l->series, l->nseries);
  free(v);
  free(hv);
  hs_tokenizer_free(tk);
}

static uint64_t lines_get(const lcount *v, size_t n, uint64_t series,
                          uint64_t hash) {
  lcount key;
  const lcount *f;
  if (!v || !n) return 0;
  key.series = series;
  key.hash = hash;
  f = bsearch(&key, v, n, sizeof *v, lcount_cmp);
  return f ? f->docs : 0;
}

/* Stored count: one row of a (key1[, key2]) -> count query. */
static int stored_count(hs_store *s, sqlite3_stmt *st, uint64_t a, uint64_t b,
                        int two, uint64_t *out, hs_error *err) {
  int rc;
  sqlite3_reset(st);
  rc = sqlite3_bind_int64(st, 1, (sqlite3_int64)a);
  if (rc == SQLITE_OK && two) rc = sqlite3_bind_int64(st, 2, (sqlite3_int64)b);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    sqlite3_int64 v = sqlite3_column_int64(st, 0);
    *out = v > 0 ? (uint64_t)v : 0;
    return HS_OK;
  }
  if (rc == SQLITE_DONE) {
    *out = 0;
    return HS_OK;
  }
  return hs_store_db_error(s, err, rc, "reading outlet line counts");
}

static int range_cmp(const void *x, const void *y) {
  const hs_range *a = x, *b = y;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  return (a->end > b->end) - (a->end < b->end);
}

/* Sort and merge ranges as hs_boiler_corpus does. */
static size_t ranges_merge(hs_range *r, size_t n) {
  size_t k, m = 0;
  if (n > 1) qsort(r, n, sizeof *r, range_cmp);
  for (k = 0; k < n; k++) {
    if (m && r[k].start <= r[m - 1].end + 1) {
      if (r[k].end > r[m - 1].end) r[m - 1].end = r[k].end;
    } else {
      r[m++] = r[k];
    }
  }
  return m;
}

int hs_sidx_masks(hs_store *s, const hs_sidx_lines *batch,
                  const hs_corpus *c, size_t first, size_t count,
                  hs_range_list **out, hs_error *err) {
  sqlite3_stmt *qline = NULL, *qseries = NULL;
  hs_range_list *res = hs_calloc(count + 1, sizeof *res);
  hs_tokenizer *tk = hs_tokenizer_new();
  lrec *v = NULL;
  uint64_t *hv = NULL;
  size_t n = 0, cap = 0, hvcap = 0, i, k;
  int rc, began = 0;
  *out = NULL;
  if ((rc = read_begin(s, &began, err))) {
    hs_boiler_free(res, count);
    hs_tokenizer_free(tk);
    return rc;
  }
  rc = sidx_prepare(s, "SELECT docs FROM outlet_lines WHERE series = ?1 AND "
                    "line = ?2", &qline, "reading outlet line counts", err);
  if (rc == HS_OK)
    rc = sidx_prepare(s, "SELECT docs FROM outlet_docs WHERE series = ?1",
                      &qseries, "reading outlet line counts", err);
  for (i = 0; rc == HS_OK && i < count; i++) {
    const hs_doc *d = hs_corpus_doc(c, first + i);
    hs_range *r = NULL;
    size_t nr = 0, rcap = 0;
    uint64_t sdocs = 0;
    if (!d->text) continue;
    if (hs_boiler_find(d->text, d->len, &r, &nr, NULL) != HS_OK) nr = 0;
    rcap = nr;
    n = 0;
    doc_lines(tk, d, 0, &v, &n, &cap, &hv, &hvcap);
    if (n) {
      rc = stored_count(s, qseries, v[0].series, 0, 0, &sdocs, err);
      sdocs += batch ? lines_get(batch->series, batch->nseries, v[0].series,
                                 0)
                     : 0;
    }
    for (k = 0; rc == HS_OK && k < n; k++) {
      uint64_t docs = 0;
      rc = stored_count(s, qline, v[k].series, v[k].hash, 1, &docs, err);
      if (rc) break;
      if (batch)
        docs += lines_get(batch->lines, batch->nlines, v[k].series,
                          v[k].hash);
      if (docs < SIDX_LINE_MIN_DOCS ||
          (double)docs < SIDX_LINE_SHARE * (double)sdocs)
        continue;
      HS_GROW(r, rcap, nr + 1);
      r[nr].start = v[k].start;
      r[nr].end = v[k].end;
      nr++;
    }
    res[i].r = r;
    res[i].n = ranges_merge(r, nr);
  }
  sqlite3_finalize(qline);
  sqlite3_finalize(qseries);
  read_end(s, began);
  free(v);
  free(hv);
  hs_tokenizer_free(tk);
  if (rc) {
    hs_boiler_free(res, count);
    return rc;
  }
  *out = res;
  return HS_OK;
}

/* ------------------------------------------------------------ shingles */

/* Documents tokenized at a time between two looks at the progress hook. */
enum { SHINGLE_SLICE = 1024 };

int hs_sidx_shingles(const hs_reuse_opts *o, const hs_corpus *c,
                     size_t count, const hs_range_list *masks,
                     hs_sidx_post **out, size_t *n, hs_error *err) {
  hs_reuse_opts eo = *o;
  hs_engine *e = NULL;
  hs_sidx_post *p = NULL;
  uint64_t *buf = NULL;
  size_t np = 0, cap = 0, bcap = 0, i, k, j;
  int rc;
  *out = NULL;
  *n = 0;
  eo.mask = NULL; /* masks come explicitly, or not at all */
  eo.mask_ud = NULL;
  eo.progress = NULL;
  if ((rc = hs_engine_new(&e, &eo, err))) return rc;
  /* in slices, so that the caller's progress hook can stop a long run */
  for (i = 0; i < count; i += SHINGLE_SLICE) {
    size_t m = count - i < SHINGLE_SLICE ? count - i : SHINGLE_SLICE;
    if (o->progress && o->progress(o->progress_ud, "shingles", i, count)) {
      rc = hs_error_set(err, HS_EINTR, "interrupted");
      goto out;
    }
    if ((rc = hs_engine_add_masked(e, c, i, m, masks ? masks + i : NULL,
                                   err)))
      goto out;
  }
  for (i = 0; i < count; i++) {
    size_t ns = hs_engine_shingles(e, i, &buf, &bcap);
    if (ns > 1) qsort(buf, ns, sizeof *buf, u64_cmp);
    for (k = 0; k < ns; k = j) {
      for (j = k + 1; j < ns && buf[j] == buf[k]; j++)
        ;
      if (!buf[k]) continue; /* masked */
      HS_GROW(p, cap, np + 1);
      p[np].hash = buf[k];
      p[np].doc = (uint32_t)i;
      p[np].n = (uint32_t)(j - k > UINT32_MAX ? UINT32_MAX : j - k);
      np++;
    }
  }
  if (np > 1) qsort(p, np, sizeof *p, post_cmp);
  *out = p;
  *n = np;
  p = NULL;
out:
  free(p);
  free(buf);
  hs_engine_free(e);
  return rc;
}

/* A stored document and a batch document sharing an uncapped shingle:
** m = the fewer of its occurrences in the two. */
typedef struct pairc {
  uint64_t old;
  uint32_t doc, m;
} pairc;

static int pairc_cmp(const void *x, const void *y) {
  const pairc *a = x, *b = y;
  if (a->old != b->old) return a->old < b->old ? -1 : 1;
  return (a->doc > b->doc) - (a->doc < b->doc);
}

int hs_sidx_lookup(hs_store *s, const hs_sidx_post *p, size_t n,
                   const hs_reuse_opts *o, size_t batch, hs_sidx_cap **capped,
                   size_t *ncapped, size_t **old, size_t *nold,
                   hs_error *err) {
  sqlite3_stmt *st = NULL;
  uint64_t cap_docs, cap_occ, need;
  hs_sidx_cap *cv = NULL;
  size_t *ov = NULL, nc = 0, ccap = 0, no = 0, ocap = 0, i, j, k, q;
  size_t nh = 0, hcap = 0;   /* stored holders of the current shingle */
  pairc *pv = NULL;
  size_t np = 0, pcap = 0;
  struct {
    uint64_t doc, n;
  } *hv = NULL;
  int rc = HS_OK, began = 0;
  *capped = NULL;
  *old = NULL;
  *ncapped = *nold = 0;
  if (batch == 0) batch = SIZE_MAX;
  cap_docs = o->df_cap > 0 ? (uint64_t)o->df_cap : UINT64_MAX / 8;
  cap_occ = 4 * cap_docs;
  /* A passage needs a chain of seeds covering min_words words of each
  ** side, each seed covering at most ngram of them, at distinct positions
  ** of both documents: a pair whose shared uncapped shingles add up to
  ** fewer occurrences than that can give no passage. */
  need = o->ngram > 0 && o->min_words > 0
             ? ((uint64_t)o->min_words + (uint64_t)o->ngram - 1) /
                   (uint64_t)o->ngram
             : 1;
  if (need < 1) need = 1;
  if ((rc = read_begin(s, &began, err))) return rc;
  rc = sidx_prepare(s, "SELECT doc, n FROM shingles WHERE hash = ?1 "
                    "UNION ALL SELECT doc, n FROM shingles_new WHERE hash = ?1",
                    &st, "reading the shingle index", err);
  if (rc) goto out;
  for (i = 0; i < n; i = j) {
    uint64_t docs = 0, occ = 0;
    size_t kcap = SIZE_MAX; /* first batch in which it is capped */
    int over = 0, src;
    for (j = i; j < n && p[j].hash == p[i].hash; j++)
      ;
    /* stored holders, read only while the shingle can stay under the cap */
    nh = 0;
    sqlite3_reset(st);
    src = sqlite3_bind_int64(st, 1, (sqlite3_int64)p[i].hash);
    if (src != SQLITE_OK) {
      rc = hs_store_db_error(s, err, src, "reading the shingle index");
      goto out;
    }
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
      sqlite3_int64 d = sqlite3_column_int64(st, 0);
      sqlite3_int64 m = sqlite3_column_int64(st, 1);
      docs++;
      occ += m > 0 ? (uint64_t)m : 0;
      if (docs > cap_docs || occ > cap_occ) {
        over = 1;
        break;
      }
      if (d < 0 || m < 1) continue;
      HS_GROW(hv, hcap, nh + 1);
      hv[nh].doc = (uint64_t)d;
      hv[nh].n = (uint64_t)m;
      nh++;
    }
    if (!over && src != SQLITE_DONE) {
      rc = hs_store_db_error(s, err, src, "reading the shingle index");
      goto out;
    }
    /* then the run's documents, batch by batch (posts are in doc order):
    ** a batch sees the counts of the store and of the batches up to it */
    if (over) {
      kcap = p[i].doc / batch;
    } else {
      for (q = i; q < j; q++) {
        docs++;
        occ += p[q].n;
        if (docs > cap_docs || occ > cap_occ) {
          kcap = p[q].doc / batch;
          break;
        }
      }
    }
    if (kcap != SIZE_MAX) {
      HS_GROW(cv, ccap, nc + 1);
      cv[nc].hash = p[i].hash;
      cv[nc].batch = kcap;
      nc++;
    }
    /* a shingle seeds the pairs of a run document whose batch comes
    ** before the one that caps it */
    for (k = 0; k < nh; k++) {
      for (q = i; q < j && p[q].doc / batch < kcap; q++) {
        HS_GROW(pv, pcap, np + 1);
        pv[np].old = hv[k].doc;
        pv[np].doc = p[q].doc;
        pv[np].m = (uint32_t)(p[q].n < hv[k].n ? p[q].n : hv[k].n);
        np++;
      }
    }
  }
  /* the stored documents with a run document they may share a passage
  ** with, in doc_id order */
  if (np > 1) qsort(pv, np, sizeof *pv, pairc_cmp);
  for (i = 0; i < np; i = j) {
    uint64_t sum = 0;
    for (j = i; j < np && pv[j].old == pv[i].old && pv[j].doc == pv[i].doc;
         j++)
      sum += pv[j].m;
    if (sum < need || (no && ov[no - 1] == pv[i].old)) continue;
    HS_GROW(ov, ocap, no + 1);
    ov[no++] = (size_t)pv[i].old;
  }
  *capped = cv;
  *ncapped = nc;
  *old = ov;
  *nold = no;
  cv = NULL;
  ov = NULL;
  rc = HS_OK;
out:
  sqlite3_finalize(st);
  read_end(s, began);
  free(cv);
  free(ov);
  free(pv);
  free(hv);
  return rc;
}

/* ------------------------------------------------------------- writing */

static int write_lines(hs_store *s, const hs_sidx_lines *l, hs_error *err) {
  sqlite3_stmt *a = NULL, *b = NULL;
  size_t i;
  int rc;
  rc = sidx_prepare(s, "INSERT INTO outlet_lines(series, line, docs) "
                    "VALUES(?1, ?2, ?3) ON CONFLICT(series, line) DO UPDATE "
                    "SET docs = docs + excluded.docs", &a,
                    "storing outlet line counts", err);
  if (rc == HS_OK)
    rc = sidx_prepare(s, "INSERT INTO outlet_docs(series, docs) "
                      "VALUES(?1, ?2) ON CONFLICT(series) DO UPDATE "
                      "SET docs = docs + excluded.docs", &b,
                      "storing outlet line counts", err);
  for (i = 0; rc == HS_OK && l && i < l->nlines + l->nseries; i++) {
    sqlite3_stmt *st = i < l->nlines ? a : b;
    const lcount *x = i < l->nlines ? &l->lines[i] : &l->series[i - l->nlines];
    sqlite3_reset(st);
    rc = sqlite3_bind_int64(st, 1, (sqlite3_int64)x->series);
    if (rc == SQLITE_OK && st == a)
      rc = sqlite3_bind_int64(st, 2, (sqlite3_int64)x->hash);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_int64(st, st == a ? 3 : 2, (sqlite3_int64)x->docs);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    rc = rc == SQLITE_DONE
             ? HS_OK
             : hs_store_db_error(s, err, rc, "storing outlet line counts");
  }
  sqlite3_finalize(a);
  sqlite3_finalize(b);
  return rc;
}

static int write_posts(hs_store *s, const hs_sidx_post *p, size_t n,
                       size_t base, int main_table, hs_error *err) {
  sqlite3_stmt *st = NULL;
  size_t i;
  int rc = sidx_prepare(s, main_table ? "INSERT INTO shingles(hash, doc, n) "
                                        "VALUES(?1, ?2, ?3)"
                                      : "INSERT INTO shingles_new(hash, doc, "
                                        "n) VALUES(?1, ?2, ?3)",
                        &st, "storing the shingle index", err);
  for (i = 0; rc == HS_OK && i < n; i++) {
    sqlite3_reset(st);
    rc = sqlite3_bind_int64(st, 1, (sqlite3_int64)p[i].hash);
    if (rc == SQLITE_OK)
      rc = sqlite3_bind_int64(st, 2, (sqlite3_int64)(base + p[i].doc));
    if (rc == SQLITE_OK) rc = sqlite3_bind_int64(st, 3, p[i].n);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    rc = rc == SQLITE_DONE
             ? HS_OK
             : hs_store_db_error(s, err, rc, "storing the shingle index");
  }
  sqlite3_finalize(st);
  return rc;
}

static int set_meta(hs_store *s, const char *key, size_t n, hs_error *err) {
  sqlite3_stmt *st = NULL;
  char v[32];
  int rc = sidx_prepare(s, "INSERT OR REPLACE INTO meta(key, value) "
                        "VALUES(?1, ?2)", &st,
                        "storing the shingle index", err);
  if (rc) return rc;
  snprintf(v, sizeof v, "%zu", n);
  rc = sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  if (rc == SQLITE_OK) rc = sqlite3_bind_text(st, 2, v, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  rc = rc == SQLITE_DONE
           ? HS_OK
           : hs_store_db_error(s, err, rc, "storing the shingle index");
  sqlite3_finalize(st);
  return rc;
}

/* Documents [0, *n) have their rows in the main table, the rest of the
** covered ones in shingles_new. */
static int main_docs(hs_store *s, size_t *n, hs_error *err) {
  char bad[8];
  return meta_count(s, "shingles_main_docs", n, bad, sizeof bad, err);
}

int hs_sidx_write_hook(hs_store *s, void *ud, hs_error *err) {
  const hs_sidx_batch *b = ud;
  size_t covered = 0, ndocs = 0, nmain = 0, end;
  int rc;
  if ((rc = sidx_exec(s, sidx_schema, "creating the shingle index", err)))
    return rc;
  if ((rc = hs_sidx_covered(s, &covered, &ndocs, err))) return rc;
  if (covered != b->base)
    return hs_error_set(err, HS_EDB,
                        "%s: the shingle index covers %zu documents where "
                        "%zu were expected (another process changed the "
                        "store); nothing was stored, run again",
                        hs_store_path(s), covered, b->base);
  if ((rc = write_posts(s, b->post, b->npost, b->base, 0, err))) return rc;
  if ((rc = write_lines(s, b->lines, err))) return rc;
  end = b->base + b->count;
  if ((rc = set_meta(s, "shingles_docs", end, err))) return rc;
  /* A batch's rows go to the small table, so that writing them touches
  ** pages in proportion to the batch; once it holds a quarter as many
  ** documents as the main table, it is merged into it (amortized, a
  ** constant cost per row). */
  if ((rc = main_docs(s, &nmain, err))) return rc;
  if (nmain > end) nmain = 0;
  if ((end - nmain) * SIDX_MERGE_RATIO <= nmain) return HS_OK;
  if ((rc = sidx_exec(s, "INSERT INTO shingles(hash, doc, n) SELECT hash, "
                      "doc, n FROM shingles_new ORDER BY hash, doc; "
                      "DELETE FROM shingles_new",
                      "merging the shingle index", err)))
    return rc;
  return set_meta(s, "shingles_main_docs", end, err);
}

/* ------------------------------------------------------------ building */

int hs_sidx_build(hs_store *s, const hs_reuse_opts *o, int keep_boilerplate,
                  hs_progress_fn progress, void *ud, hs_error *err) {
  size_t covered = 0, ndocs = 0, at, k;
  hs_corpus *c = NULL;
  hs_sidx_lines *l = NULL;
  hs_range_list *masks = NULL;
  hs_sidx_post *p = NULL;
  size_t *ids = NULL, nmasks = 0, np = 0;
  int rc, has = 0;

  if ((rc = table_exists(s, "shingles", &has, err))) return rc;
  if ((rc = hs_sidx_covered(s, &covered, &ndocs, err))) return rc;
  if (has && covered == ndocs) return HS_OK;
  rc = sidx_exec(s, "BEGIN IMMEDIATE", "starting a write transaction", err);
  if (rc) return rc;
  if ((rc = sidx_exec(s, sidx_schema, "creating the shingle index", err)))
    goto out;
  /* again, under the write lock */
  if ((rc = hs_sidx_covered(s, &covered, &ndocs, err))) goto out;
  ids = hs_calloc(SIDX_CHUNK, sizeof *ids);
  /* 1: outlet lines of every document to index, so that 2 masks them
  ** with the counts of the whole store, as hs_boiler_corpus does */
  for (at = covered; at < ndocs; at += SIDX_CHUNK) {
    size_t cnt = ndocs - at < SIDX_CHUNK ? ndocs - at : SIDX_CHUNK;
    for (k = 0; k < cnt; k++) ids[k] = at + k;
    c = hs_corpus_new();
    l = hs_sidx_lines_new();
    if ((rc = hs_store_load_docs_at(s, c, ids, cnt, err))) goto out;
    hs_sidx_lines_count(l, c, 0, cnt);
    if ((rc = write_lines(s, l, err))) goto out;
    hs_sidx_lines_free(l);
    l = NULL;
    hs_corpus_free(c);
    c = NULL;
    if (progress && progress(ud, "shingles", (at + cnt - covered) / 2,
                             ndocs - covered)) {
      rc = hs_error_set(err, HS_EINTR, "interrupted");
      goto out;
    }
  }
  /* 2: shingles */
  for (at = covered; at < ndocs; at += SIDX_CHUNK) {
    size_t cnt = ndocs - at < SIDX_CHUNK ? ndocs - at : SIDX_CHUNK;
    for (k = 0; k < cnt; k++) ids[k] = at + k;
    c = hs_corpus_new();
    if ((rc = hs_store_load_docs_at(s, c, ids, cnt, err))) goto out;
    if (!keep_boilerplate) {
      if ((rc = hs_sidx_masks(s, NULL, c, 0, cnt, &masks, err))) goto out;
      nmasks = cnt;
    }
    if ((rc = hs_sidx_shingles(o, c, cnt, masks, &p, &np, err))) goto out;
    if ((rc = write_posts(s, p, np, at, 1, err))) goto out;
    free(p);
    p = NULL;
    hs_boiler_free(masks, nmasks);
    masks = NULL;
    nmasks = 0;
    hs_corpus_free(c);
    c = NULL;
    if (progress &&
        progress(ud, "shingles", (ndocs - covered) / 2 + (at + cnt - covered) / 2,
                 ndocs - covered)) {
      rc = hs_error_set(err, HS_EINTR, "interrupted");
      goto out;
    }
  }
  if ((rc = sidx_exec(s, "INSERT INTO shingles(hash, doc, n) SELECT hash, "
                      "doc, n FROM shingles_new ORDER BY hash, doc; "
                      "DELETE FROM shingles_new",
                      "merging the shingle index", err)) ||
      (rc = set_meta(s, "shingles_docs", ndocs, err)) ||
      (rc = set_meta(s, "shingles_main_docs", ndocs, err)))
    goto out;
  rc = sidx_exec(s, "COMMIT", "committing the shingle index", err);
out:
  if (rc && !sqlite3_get_autocommit(hs_store_sqlite(s)))
    sqlite3_exec(hs_store_sqlite(s), "ROLLBACK", NULL, NULL, NULL);
  free(ids);
  free(p);
  hs_boiler_free(masks, nmasks);
  hs_sidx_lines_free(l);
  hs_corpus_free(c);
  return rc;
}
