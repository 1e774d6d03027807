/*
** spill.c — the index out of core, for corpora whose token tables and
** postings do not fit the memory budget.
**
** Token tables go to one temporary file, appended as documents are added
** and read back with pread (so they never count as the process's memory;
** the page cache keeps what it can).  The index is then an external
** distribution sort:
**  1. every shingle marks two bitsets (seen once, seen twice), as in
**     memory, but sized to the budget;
**  2. kept shingles are written as postings (hash, doc, pos) to P
**     partition files by the top bits of their hash, P chosen so that one
**     partition fits a third of the budget;
**  3. each partition is read back alone, sorted, and scanned with the rule
**     of the in-memory index (df cap included) into the document pairs
**     that share a shingle, with their seed counts, and the shingles
**     above the cap;
**  4. the pairs, far more than the documents (any two that share one
**     n-gram within the cap), are shuffled to run files by first document
**     whenever they fill their share of the budget, and each run is
**     reduced alone: counts added up, and the pairs with too few seeds to
**     chain into a passage dropped (most pairs share one or two stray
**     n-grams: a third are left on news).
** The surviving pairs are the only thing kept of the index; alignment
** recomputes each pair's seeds by joining the two documents' shingles
** (hs_joiner), which gives exactly the seeds of the in-memory index, so
** the passages are the same.  All files are unlinked as soon as they are
** opened: nothing is left behind by a crash.
*/
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "index/bitset.h"
#include "index/index.h"
#include "index/spill.h"
#include "util/parallel.h"
#include "util/util.h"

/* ------------------------------------------------------------ temp files */

static const char *tmp_dir(const char *dir) {
  if (dir && *dir) return dir;
  dir = getenv("TMPDIR");
  return dir && *dir ? dir : "/tmp";
}

/* An unlinked temporary file in dir: it disappears with the process. */
static int tmp_open(const char *dir, int *fd, hs_error *err) {
  char path[4096];
  dir = tmp_dir(dir);
  if ((size_t)snprintf(path, sizeof path, "%s/hearsay-spill-XXXXXX", dir) >=
      sizeof path)
    return hs_error_set(err, HS_EUSAGE, "%s: temporary directory name too "
                        "long", dir);
  *fd = mkstemp(path);
  if (*fd < 0)
    return hs_error_set(err, HS_EIO, "%s: cannot create a spill file (%s); "
                        "give a writable --tmp-dir or raise --memory", dir,
                        strerror(errno));
  unlink(path);
  return HS_OK;
}

static int write_all(int fd, const void *p, size_t n, uint64_t off,
                     const char *what, hs_error *err) {
  const char *c = p;
  while (n) {
    ssize_t w = pwrite(fd, c, n, (off_t)off);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0)
      return hs_error_set(err, HS_EIO, "writing %s: %s; free disk space in "
                          "the temporary directory or give --tmp-dir", what,
                          w < 0 ? strerror(errno) : "short write");
    c += w;
    off += (uint64_t)w;
    n -= (size_t)w;
  }
  return HS_OK;
}

static int read_all(int fd, void *p, size_t n, uint64_t off, const char *what,
                    hs_error *err) {
  char *c = p;
  while (n) {
    ssize_t r = pread(fd, c, n, (off_t)off);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0)
      return hs_error_set(err, HS_EIO, "reading %s: %s", what,
                          r < 0 ? strerror(errno) : "file shrank");
    c += r;
    off += (uint64_t)r;
    n -= (size_t)r;
  }
  return HS_OK;
}

/* ------------------------------------------------------------ token file */

struct hs_tokfile {
  int fd;
  uint64_t size;
};

int hs_tokfile_open(hs_tokfile **out, const char *dir, hs_error *err) {
  hs_tokfile *f;
  int fd, rc;
  *out = NULL;
  if ((rc = tmp_open(dir, &fd, err))) return rc;
  f = hs_calloc(1, sizeof *f);
  f->fd = fd;
  *out = f;
  return HS_OK;
}

void hs_tokfile_close(hs_tokfile *f) {
  if (!f) return;
  close(f->fd);
  free(f);
}

uint64_t hs_tokfile_size(const hs_tokfile *f) { return f ? f->size : 0; }

/* On disk a table is its three arrays back to back, as in memory. */
static size_t tab_bytes(uint32_t n) { return (size_t)n * 9; }

int hs_tokfile_append(hs_tokfile *f, const hs_doctab *t, uint64_t *off,
                      hs_error *err) {
  int rc;
  *off = f->size;
  if (!t->n) return HS_OK;
  if ((rc = write_all(f->fd, t->start, (size_t)t->n * 4, f->size,
                      "the token spill file", err)) ||
      (rc = write_all(f->fd, t->hash, (size_t)t->n * 4, f->size + 4 * t->n,
                      "the token spill file", err)) ||
      (rc = write_all(f->fd, t->len, t->n, f->size + 8 * (uint64_t)t->n,
                      "the token spill file", err)))
    return rc;
  f->size += tab_bytes(t->n);
  return HS_OK;
}

int hs_tokfile_put_hashes(hs_tokfile *f, uint64_t off, const hs_doctab *t,
                          hs_error *err) {
  return write_all(f->fd, t->hash, (size_t)t->n * 4, off + 4 * (uint64_t)t->n,
                   "the token spill file", err);
}

int hs_docset_get(const hs_docset *ds, size_t d, hs_doctab *out,
                  hs_docbuf *buf, hs_error *err) {
  const hs_doctab *t = &ds->docs[d];
  size_t bytes;
  int rc;
  if (t->start || !t->n) {
    *out = *t;
    return HS_OK;
  }
  bytes = tab_bytes(t->n);
  if (bytes + 8 > buf->cap) {
    free(buf->p);
    buf->cap = bytes + 8 > 2 * buf->cap ? bytes + 8 : 2 * buf->cap;
    buf->p = hs_malloc(buf->cap);
  }
  if ((rc = read_all(ds->tf->fd, buf->p, bytes, ds->off[d],
                     "the token spill file", err)))
    return rc;
  out->n = t->n;
  out->start = (uint32_t *)buf->p;
  out->hash = out->start + t->n;
  out->len = (uint8_t *)(out->hash + t->n);
  return HS_OK;
}

void hs_docbuf_free(hs_docbuf *b) {
  free(b->p);
  b->p = NULL;
  b->cap = 0;
}

/* ------------------------------------------------------------ partitions */

enum { PART_BUF = 4096 }; /* postings buffered per thread and partition */

typedef struct xbuild {
  const hs_docset *ds;
  const hs_reuse_opts *opts;
  const char *stage;   /* for progress: "index" (marking), "spill" */
  size_t first_new;
  int ngram, incremental;
  bitset once, twice, fresh;
  unsigned pbits;      /* partitions = 1 << pbits */
  size_t nparts;
  int *fd;             /* per partition */
  uint64_t *size;      /* bytes written to each */
  pthread_mutex_t *lock;
  /* per thread */
  hs_docbuf *dbuf;
  uint64_t **sh;
  size_t *capsh;
  hs_posting **pbuf;   /* nparts * PART_BUF postings */
  size_t **pfill;
  hs_error *terr;
} xbuild;

/* Progress and cancellation from the first thread, as in alignment. */
static int xprogress(const xbuild *b, int thread, size_t done) {
  const hs_reuse_opts *o = b->opts;
  if (thread != 0 || !o->progress) return 0;
  return o->progress(o->progress_ud, b->stage, done, b->ds->ndocs) ? HS_EINTR
                                                                     : 0;
}

static int xpass_mark(void *ud, int thread, size_t begin, size_t end) {
  xbuild *b = ud;
  size_t d, i;
  if (xprogress(b, thread, begin)) return HS_EINTR;
  for (d = begin; d < end; d++) {
    hs_doctab t;
    size_t ns;
    int fresh = b->incremental && d >= b->first_new;
    if (hs_docset_get(b->ds, d, &t, &b->dbuf[thread], &b->terr[thread]))
      return b->terr[thread].code;
    ns = hs_doctab_shingles(&t, b->ngram, &b->sh[thread], &b->capsh[thread]);
    for (i = 0; i < ns; i++) {
      uint64_t h = b->sh[thread][i];
      if (!h) continue;
      if (bitset_test_set(&b->once, h)) bitset_test_set(&b->twice, h);
      if (fresh) bitset_test_set(&b->fresh, h);
    }
  }
  return 0;
}

static int flush_part(xbuild *b, int thread, size_t p) {
  size_t n = b->pfill[thread][p];
  uint64_t off;
  int rc;
  if (!n) return 0;
  pthread_mutex_lock(&b->lock[p]);
  off = b->size[p];
  b->size[p] += n * sizeof(hs_posting);
  pthread_mutex_unlock(&b->lock[p]);
  rc = write_all(b->fd[p], b->pbuf[thread] + p * PART_BUF,
                 n * sizeof(hs_posting), off, "a postings spill file",
                 &b->terr[thread]);
  b->pfill[thread][p] = 0;
  return rc;
}

static int xpass_write(void *ud, int thread, size_t begin, size_t end) {
  xbuild *b = ud;
  size_t d, i, p;
  if (xprogress(b, thread, begin)) return HS_EINTR;
  for (d = begin; d < end; d++) {
    hs_doctab t;
    size_t ns;
    if (hs_docset_get(b->ds, d, &t, &b->dbuf[thread], &b->terr[thread]))
      return b->terr[thread].code;
    ns = hs_doctab_shingles(&t, b->ngram, &b->sh[thread], &b->capsh[thread]);
    for (i = 0; i < ns; i++) {
      uint64_t h = b->sh[thread][i];
      hs_posting *post;
      if (!h || !bitset_test(&b->twice, h)) continue;
      if (b->incremental && d < b->first_new && !bitset_test(&b->fresh, h))
        continue;
      p = b->pbits ? (size_t)(h >> (64 - b->pbits)) : 0;
      if (b->pfill[thread][p] == PART_BUF && flush_part(b, thread, p))
        return b->terr[thread].code;
      post = &b->pbuf[thread][p * PART_BUF + b->pfill[thread][p]++];
      post->hash = h;
      post->doc = (uint32_t)d;
      post->pos = (uint32_t)i;
    }
  }
  return 0;
}

static int first_error(xbuild *b, int nthreads, int rc, hs_error *err) {
  int t;
  for (t = 0; t < nthreads; t++)
    if (b->terr[t].code) {
      *err = b->terr[t];
      return b->terr[t].code;
    }
  if (rc == HS_EINTR) return hs_error_set(err, HS_EINTR, "interrupted");
  return rc ? hs_error_set(err, rc, "out-of-core index failed") : HS_OK;
}

/* ------------------------------------------------------------ pair runs */

/* The document pairs found in the partitions are too many to hold: every
** pair of documents that share any n-gram within the df cap is one, and
** most share one or two.  They are shuffled, as (pair, seeds) records, to
** run files by range of the first document (the pairs vector is flushed
** there whenever it fills its share of the budget), and each run is then
** reduced alone: sorted, its seed counts added up, and the pairs with too
** few seeds dropped. */
enum { NRUNS = 256 };

typedef struct pair_rec {
  uint64_t key;
  uint32_t seeds, pad;
} pair_rec;

typedef struct pair_runs {
  int fd[NRUNS];
  uint64_t size[NRUNS]; /* bytes */
  size_t width;         /* documents per run */
  pair_rec *buf;        /* staging, RUN_BUF records */
  hs_error err;
} pair_runs;

enum { RUN_BUF = 65536 };

/* flush hook of the pairs vector: v is compacted (sorted by key), so the
** records of one run are contiguous. */
static int runs_flush(void *ud, hs_pairvec *v) {
  pair_runs *pr = ud;
  size_t i = 0;
  while (i < v->n) {
    size_t r = (size_t)(v->p[i] >> 32) / pr->width, k = 0;
    int rc;
    while (i < v->n && (size_t)(v->p[i] >> 32) / pr->width == r &&
           k < RUN_BUF) {
      pr->buf[k].key = v->p[i];
      pr->buf[k].seeds = v->seeds[i];
      pr->buf[k++].pad = 0;
      i++;
    }
    if ((rc = write_all(pr->fd[r], pr->buf, k * sizeof *pr->buf,
                        pr->size[r], "a pairs spill file", &pr->err)))
      return rc;
    pr->size[r] += k * sizeof *pr->buf;
  }
  return HS_OK;
}

/* Reduce the runs in order into out's partner lists. */
static int runs_reduce(pair_runs *pr, size_t ndocs, uint32_t min_seeds,
                       hs_xpairs *out, hs_error *err) {
  size_t r, i, cap = 0;
  int rc;
  out->npairs = 0;
  for (r = 0; r < NRUNS; r++) {
    size_t n = (size_t)(pr->size[r] / sizeof(pair_rec));
    hs_pairvec v;
    pair_rec *rec;
    if (!n) continue;
    memset(&v, 0, sizeof v);
    rec = hs_reallocarray(NULL, n, sizeof *rec);
    if ((rc = read_all(pr->fd[r], rec, n * sizeof *rec, 0,
                       "a pairs spill file", err))) {
      free(rec);
      return rc;
    }
    close(pr->fd[r]);
    pr->fd[r] = -1;
    v.p = hs_reallocarray(NULL, n, sizeof *v.p);
    v.seeds = hs_reallocarray(NULL, n, sizeof *v.seeds);
    for (i = 0; i < n; i++) {
      v.p[i] = rec[i].key;
      v.seeds[i] = rec[i].seeds;
    }
    free(rec);
    v.n = v.cap = n;
    hs_pairvec_prune(&v, min_seeds);
    HS_GROW(out->partner, cap, out->npairs + v.n + 1);
    for (i = 0; i < v.n; i++) {
      out->start[(v.p[i] >> 32) + 1]++;
      out->partner[out->npairs++] = (uint32_t)v.p[i];
    }
    hs_pairvec_free(&v);
  }
  if (!out->partner) out->partner = hs_calloc(1, sizeof *out->partner);
  for (i = 0; i < ndocs; i++) out->start[i + 1] += out->start[i];
  return HS_OK;
}

void hs_xpairs_free(hs_xpairs *x) {
  if (!x) return;
  free(x->start);
  free(x->partner);
  hs_hashlist_free(&x->capped);
  memset(x, 0, sizeof *x);
}

int hs_xpairs_build(hs_xpairs *out, const hs_docset *ds, size_t first_new,
                    const hs_reuse_opts *opts, const hs_hashlist *capped_in,
                    int nthreads, uint64_t budget, const char *tmpdir,
                    hs_index_stats *stats, hs_error *err) {
  xbuild b;
  hs_pairvec pairs;
  pair_runs pr;
  hs_index_stats st;
  uint64_t total = 0, npost = 0;
  size_t d, p, t;
  int rc = HS_OK;
  memset(out, 0, sizeof *out);
  memset(&b, 0, sizeof b);
  memset(&pairs, 0, sizeof pairs);
  memset(&pr, 0, sizeof pr);
  for (p = 0; p < NRUNS; p++) pr.fd[p] = -1;
  memset(&st, 0, sizeof st);
  if (nthreads < 1) nthreads = 1;
  /* the pairs' share follows the budget given; the rest has a floor */
  pairs.flush_at = (size_t)(budget / 144) + 1024;
  if (budget < (64u << 20)) budget = 64u << 20;
  out->start = hs_calloc(ds->ndocs + 1, sizeof *out->start);
  if (first_new >= ds->ndocs) goto done;
  b.ds = ds;
  b.opts = opts;
  b.stage = "index";
  b.first_new = first_new;
  b.ngram = opts->ngram;
  b.incremental = first_new > 0;
  for (d = 0; d < ds->ndocs; d++)
    if (ds->docs[d].n >= (uint32_t)opts->ngram)
      total += ds->docs[d].n - (uint32_t)opts->ngram + 1;
  st.shingles = total;

  /* Partitions: postings take 16 bytes, sorting one needs twice that, and
  ** a third of the budget is for it; at most 512 files (with the 256 pair
  ** runs, within the usual limit of 1,024 open files), so a budget far
  ** too small for the corpus makes partitions larger than it asks. */
  {
    uint64_t part_bytes = budget / 3, need = total * 16 * 2;
    while (b.pbits < 9 && (need >> b.pbits) > part_bytes) b.pbits++;
    b.nparts = (size_t)1 << b.pbits;
  }
  b.dbuf = hs_calloc((size_t)nthreads, sizeof *b.dbuf);
  b.sh = hs_calloc((size_t)nthreads, sizeof *b.sh);
  b.capsh = hs_calloc((size_t)nthreads, sizeof *b.capsh);
  b.terr = hs_calloc((size_t)nthreads, sizeof *b.terr);
  b.pbuf = hs_calloc((size_t)nthreads, sizeof *b.pbuf);
  b.pfill = hs_calloc((size_t)nthreads, sizeof *b.pfill);
  b.fd = hs_calloc(b.nparts, sizeof *b.fd);
  b.size = hs_calloc(b.nparts, sizeof *b.size);
  b.lock = hs_calloc(b.nparts, sizeof *b.lock);
  for (p = 0; p < b.nparts; p++) {
    b.fd[p] = -1;
    pthread_mutex_init(&b.lock[p], NULL);
  }

  /* 1. bitsets, within a third of the budget together */
  bitset_init(&b.once, total, 8, budget / 8);
  bitset_init(&b.twice, total, 2, budget / 32);
  if (b.incremental) bitset_init(&b.fresh, total, 8, budget / 8);
  rc = hs_parallel_for(nthreads, ds->ndocs, 64, xpass_mark, &b);
  bitset_free(&b.once);
  if ((rc = first_error(&b, nthreads, rc, err))) goto out;

  /* 2. postings to partition files */
  for (p = 0; p < b.nparts; p++)
    if ((rc = tmp_open(tmpdir, &b.fd[p], err))) goto out;
  for (t = 0; t < (size_t)nthreads; t++) {
    b.pbuf[t] = hs_reallocarray(NULL, b.nparts * PART_BUF, sizeof **b.pbuf);
    b.pfill[t] = hs_calloc(b.nparts, sizeof **b.pfill);
  }
  b.stage = "spill";
  rc = hs_parallel_for(nthreads, ds->ndocs, 64, xpass_write, &b);
  for (t = 0; !rc && t < (size_t)nthreads; t++)
    for (p = 0; !rc && p < b.nparts; p++) rc = flush_part(&b, (int)t, p);
  for (t = 0; t < (size_t)nthreads; t++) {
    free(b.pbuf[t]);
    b.pbuf[t] = NULL;
  }
  bitset_free(&b.twice);
  bitset_free(&b.fresh);
  if ((rc = first_error(&b, nthreads, rc, err))) goto out;

  /* 3. one partition at a time: read, sort, scan into pairs, shuffled
  ** to runs by first document whenever they fill a sixth of the budget */
  pr.width = (ds->ndocs + NRUNS - 1) / NRUNS;
  pr.buf = hs_reallocarray(NULL, RUN_BUF, sizeof *pr.buf);
  for (p = 0; p < NRUNS; p++)
    if ((rc = tmp_open(tmpdir, &pr.fd[p], err))) goto out;
  pairs.flush = runs_flush;
  pairs.flush_ud = &pr;
  for (p = 0; p < b.nparts; p++) {
    size_t n = (size_t)(b.size[p] / sizeof(hs_posting));
    hs_posting *post;
    if (opts->progress &&
        opts->progress(opts->progress_ud, "sort", p, b.nparts)) {
      rc = hs_error_set(err, HS_EINTR, "interrupted");
      goto out;
    }
    npost += n;
    if (!n) continue;
    post = hs_reallocarray(NULL, n, sizeof *post);
    if ((rc = read_all(b.fd[p], post, n * sizeof *post, 0,
                       "a postings spill file", err))) {
      free(post);
      goto out;
    }
    close(b.fd[p]);
    b.fd[p] = -1;
    hs_postings_sort(post, n, 64 - b.pbits, nthreads);
    hs_postings_scan(post, n, first_new, opts, capped_in, &pairs,
                     &out->capped, &st);
    free(post);
    hs_pairvec_compact(&pairs);
  }
  hs_pairvec_compact(&pairs);
  if (!pairs.failed && pairs.n) pairs.failed = runs_flush(&pr, &pairs);
  if (pairs.failed) {
    *err = pr.err;
    rc = pairs.failed;
    goto out;
  }
  hs_pairvec_free(&pairs);
  st.postings = npost;
  if ((rc = runs_reduce(&pr, ds->ndocs, hs_min_pair_seeds(opts), out, err)))
    goto out;
  hs_hashlist_add(&out->capped, capped_in ? capped_in->h : NULL,
                  capped_in ? capped_in->n : 0);
  hs_hashlist_finish(&out->capped);

done:
  if (stats) *stats = st;
out:
  hs_pairvec_free(&pairs);
  for (p = 0; p < NRUNS; p++)
    if (pr.fd[p] >= 0) close(pr.fd[p]);
  free(pr.buf);
  bitset_free(&b.once);
  bitset_free(&b.twice);
  bitset_free(&b.fresh);
  for (p = 0; p < b.nparts; p++) {
    if (b.fd[p] >= 0) close(b.fd[p]);
    pthread_mutex_destroy(&b.lock[p]);
  }
  for (t = 0; b.dbuf && t < (size_t)nthreads; t++) {
    hs_docbuf_free(&b.dbuf[t]);
    free(b.sh[t]);
    free(b.pbuf[t]);
    free(b.pfill[t]);
  }
  free(b.dbuf);
  free(b.sh);
  free(b.capsh);
  free(b.terr);
  free(b.pbuf);
  free(b.pfill);
  free(b.fd);
  free(b.size);
  free(b.lock);
  if (rc) hs_xpairs_free(out);
  return rc;
}
