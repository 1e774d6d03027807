/*
** engine.c — the reuse engine's documents: token tables added (in
** parallel, masked where asked), kept in memory or spilled to disk past
** their share of the memory budget, and the run that indexes them and
** hands the candidate pairs to alignment (align.c).
**
** The engine decides between the in-memory index and the out-of-core one
** from the budget alone, before building either, so a run never starts
** one index and falls back to the other; the same tables serve the
** sentence stage after alignment.
*/
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearsay.h"
#include "index/index.h"
#include "align/align.h"
#include "align/sentence.h"
#include "align/subhead.h"
#include "align/summary.h"
#include "cluster/cluster.h"
#include "index/spill.h"
#include "text/text.h"
#include "util/parallel.h"
#include "util/util.h"

typedef struct hs_sublist {
  hs_passage *p;
  size_t n, cap;
} hs_sublist;

struct hs_engine {
  hs_reuse_opts opts;
  int nthreads;
  hs_doctab *docs;   /* start == NULL with n > 0: spilled to tf at off[i] */
  size_t ndocs, cap;
  uint64_t budget;   /* bytes (hs_reuse_opts.memory) */
  uint64_t mem_bytes;/* of token tables in memory */
  hs_tokfile *tf;    /* once the token tables passed their share */
  uint64_t *off;
  size_t capoff;
  hs_hashlist capped;/* hs_engine_set_capped */
  hs_error failed;   /* a spill file error met by a void call */
  uint32_t *words;   /* distributed runs: every document's word count */
  int sent_on;       /* the sentence stage runs (not strict) */
  hs_senttab *st;    /* per document, for the sentence stage */
  size_t capst;
  hs_sublist *sub;   /* per document: repeated subheads (subhead.c) */
  size_t capsub;
  hs_sent_prior *prior; /* hs_engine_set_prior (borrowed) */
};

/* The budget's share for token tables in memory; past it, they all go to
** disk and the index is built out of core. */
#define TOKENS_SHARE 0.4

int hs_engine_new(hs_engine **out, const hs_reuse_opts *opts,
                  hs_error *err) {
  hs_engine *e;
  hs_reuse_opts def;
  int rc;
  *out = NULL;
  if (!opts) {
    hs_reuse_opts_default(&def);
    opts = &def;
  }
  if ((rc = hs_reuse_opts_check(opts, err))) return rc;
  e = hs_calloc(1, sizeof *e);
  e->opts = *opts;
  e->nthreads = opts->threads > 0 ? opts->threads : hs_ncpu();
  /* in a distributed run each rank keeps the sentences of its own
  ** documents, for rank 0's sentence stage (mpi/dist_sent.c) */
  e->sent_on = opts->rewrite;
  e->budget = opts->memory;
  if (!e->budget) {
    long pages = sysconf(_SC_PHYS_PAGES), psize = sysconf(_SC_PAGESIZE);
    e->budget = pages > 0 && psize > 0 ? (uint64_t)pages * (uint64_t)psize / 4
                                       : (uint64_t)1 << 30;
  }
  *out = e;
  return HS_OK;
}

void hs_engine_free(hs_engine *e) {
  size_t i;
  if (!e) return;
  for (i = 0; i < e->ndocs; i++) hs_doctab_free(&e->docs[i]);
  free(e->docs);
  if (e->st)
    for (i = 0; i < e->ndocs; i++) hs_senttab_free(&e->st[i]);
  free(e->st);
  if (e->sub)
    for (i = 0; i < e->ndocs; i++) free(e->sub[i].p);
  free(e->sub);
  free(e->off);
  hs_tokfile_close(e->tf);
  hs_hashlist_free(&e->capped);
  free(e->words);
  free(e);
}

int hs_engine_spilled(const hs_engine *e) { return e->tf != NULL; }

static hs_docset engine_docset(const hs_engine *e) {
  hs_docset ds;
  ds.docs = e->docs;
  ds.off = e->off;
  ds.tf = e->tf;
  ds.ndocs = e->ndocs;
  return ds;
}

/* Move the token tables of documents [from, ndocs) to the spill file. */
static int spill_docs(hs_engine *e, size_t from, hs_error *err) {
  size_t i;
  int rc;
  if (!e->tf && (rc = hs_tokfile_open(&e->tf, e->opts.tmpdir, err)))
    return rc;
  HS_GROW(e->off, e->capoff, e->ndocs);
  for (i = from; i < e->ndocs; i++) {
    hs_doctab *t = &e->docs[i];
    uint32_t n = t->n;
    if (!t->start) continue;
    if ((rc = hs_tokfile_append(e->tf, t, &e->off[i], err))) return rc;
    e->mem_bytes -= (uint64_t)n * 9;
    hs_doctab_free(t);
    t->n = n;
  }
  return HS_OK;
}

size_t hs_engine_count(const hs_engine *e) { return e->ndocs; }

uint32_t hs_engine_doc_words(const hs_engine *e, size_t i) {
  if (i >= e->ndocs) return 0;
  return e->words ? e->words[i] : e->docs[i].n;
}

/* ------------------------------------------------------------ adding */

typedef struct add_job {
  hs_engine *e;
  const hs_doc *docs; /* the documents to add, count of them */
  const hs_range_list *masks; /* per document, or NULL */
  hs_tokenizer **tk; /* one per thread */
} add_job;

/* Masked words get hash 0 (hs_doctab_set never gives 0 otherwise): the
** index skips every shingle holding one, and widening stops at them. */
static void apply_mask(hs_doctab *t, const hs_range_list *m) {
  uint32_t i;
  size_t k = 0;
  if (!m || !m->r) return;
  for (i = 0; i < t->n && k < m->n; i++) {
    while (k < m->n && m->r[k].end <= t->start[i]) k++;
    if (k < m->n && t->start[i] >= m->r[k].start) t->hash[i] = 0;
  }
}

/* The mask hook on document doc, given its tokens (NULL if not
** tokenized here): mask_tokens if set, else mask.  *r is malloc'ed. */
static int call_mask(const hs_reuse_opts *o, size_t doc, const hs_doc *d,
                     const hs_token *toks, size_t ntoks, hs_range **r,
                     size_t *nr) {
  if (o->mask_tokens)
    return o->mask_tokens(o->mask_ud, doc, d, toks, ntoks, r, nr);
  return o->mask(o->mask_ud, doc, d, r, nr);
}

static int add_range(void *ud, int thread, size_t begin, size_t end) {
  add_job *j = ud;
  const hs_reuse_opts *o = &j->e->opts;
  int hook = !j->masks && (o->mask || o->mask_tokens);
  size_t i;
  if (!j->tk[thread]) j->tk[thread] = hs_tokenizer_new();
  for (i = begin; i < end; i++) {
    const hs_doc *d = &j->docs[i];
    const hs_token *toks = NULL;
    size_t n = 0, doc = j->e->ndocs + i;
    hs_range *r = NULL;
    size_t nr = 0;
    if (o->nranks > 1 && doc % (size_t)o->nranks != (size_t)o->rank) {
      /* another rank's document: not tokenized here, but the mask hook
      ** sees it (it may record lines for a corpus-wide rule) */
      if (hook && d->text) call_mask(o, doc, d, NULL, 0, &r, &nr);
      free(r);
      continue;
    }
    if (d->text) hs_tokenizer_run(j->tk[thread], d->text, d->len, &toks, &n,
                                  NULL);
    hs_doctab_set(&j->e->docs[doc], toks, n);
    if (j->masks) {
      apply_mask(&j->e->docs[doc], &j->masks[i]);
    } else if (hook && d->text) {
      if (call_mask(o, doc, d, toks, n, &r, &nr) == HS_OK) {
        hs_range_list m;
        m.r = r;
        m.n = nr;
        apply_mask(&j->e->docs[doc], &m);
      }
      free(r);
    }
    if (j->e->sent_on && d->text)
      hs_senttab_build(&j->e->st[doc], d->text, toks, n);
    if (o->internal && d->text)
      hs_subhead_find(d->text, d->len, &j->e->docs[doc], (uint32_t)doc,
                      o->min_words, &j->e->sub[doc].p, &j->e->sub[doc].n,
                      &j->e->sub[doc].cap);
  }
  return 0;
}

void hs_engine_mask(hs_engine *e, size_t doc, const hs_range *r,
                    size_t n) {
  hs_range_list m;
  if (doc >= e->ndocs || !r || !n) return;
  m.r = r;
  m.n = n;
  if (!e->docs[doc].start && e->docs[doc].n) {
    /* spilled: read, mask, write the hashes back */
    hs_docset ds = engine_docset(e);
    hs_docbuf buf = {NULL, 0};
    hs_doctab t;
    hs_error err;
    if (!hs_docset_get(&ds, doc, &t, &buf, &err)) {
      apply_mask(&t, &m);
      if (hs_tokfile_put_hashes(e->tf, e->off[doc], &t, &err))
        e->failed = err;
    } else {
      e->failed = err;
    }
    hs_docbuf_free(&buf);
    return;
  }
  apply_mask(&e->docs[doc], &m);
}

size_t hs_engine_shingles(hs_engine *e, size_t doc, uint64_t **buf,
                          size_t *cap) {
  hs_docset ds = engine_docset(e);
  hs_docbuf db = {NULL, 0};
  hs_doctab t;
  hs_error err;
  size_t n = 0;
  if (doc >= e->ndocs) return 0;
  if (!hs_docset_get(&ds, doc, &t, &db, &err))
    n = hs_doctab_shingles(&t, e->opts.ngram, buf, cap);
  else
    e->failed = err;
  hs_docbuf_free(&db);
  return n;
}

void hs_engine_set_capped(hs_engine *e, const uint64_t *hashes, size_t n) {
  hs_hashlist_free(&e->capped);
  hs_hashlist_add(&e->capped, hashes, n);
  hs_hashlist_finish(&e->capped);
}

int hs_engine_add(hs_engine *e, const hs_corpus *c, size_t first,
                  size_t count, hs_error *err) {
  return hs_engine_add_masked(e, c, first, count, NULL, err);
}

int hs_engine_add_masked(hs_engine *e, const hs_corpus *c, size_t first,
                         size_t count, const hs_range_list *masks,
                         hs_error *err) {
  if (first != e->ndocs || first + count > hs_corpus_count(c))
    return hs_error_set(err, HS_EUSAGE,
                        "documents must be added to the engine in order");
  if (count == 0) return HS_OK;
  /* the corpus keeps its documents in one array */
  return hs_engine_add_docs(e, hs_corpus_doc(c, first), count, masks, err);
}

int hs_engine_add_docs(hs_engine *e, const hs_doc *docs, size_t count,
                       const hs_range_list *masks, hs_error *err) {
  add_job j;
  size_t i, first = e->ndocs;
  int t;
  if (count == 0) return HS_OK;
  HS_GROW(e->docs, e->cap, e->ndocs + count);
  memset(e->docs + e->ndocs, 0, count * sizeof *e->docs);
  if (e->sent_on) {
    HS_GROW(e->st, e->capst, e->ndocs + count);
    memset(e->st + e->ndocs, 0, count * sizeof *e->st);
  }
  HS_GROW(e->sub, e->capsub, e->ndocs + count);
  memset(e->sub + e->ndocs, 0, count * sizeof *e->sub);
  j.e = e;
  j.docs = docs;
  j.masks = masks;
  j.tk = hs_calloc((size_t)e->nthreads, sizeof *j.tk);
  hs_parallel_for(e->nthreads, count, 16, add_range, &j);
  for (t = 0; t < e->nthreads; t++) {
    hs_tokenizer_free(j.tk[t]);
  }
  free(j.tk);
  for (i = e->ndocs; i < e->ndocs + count; i++)
    e->mem_bytes += (uint64_t)e->docs[i].n * 9;
  e->ndocs += count;
  if (e->tf) return spill_docs(e, first, err);
  if ((double)e->mem_bytes > TOKENS_SHARE * (double)e->budget)
    return spill_docs(e, 0, err);
  return HS_OK;
}


/* Whether the in-memory index would pass the budget: postings take 16
** bytes a kept shingle, then 12 as members and forward lists, and the
** bitsets about one byte a shingle; at worst every shingle is kept. */
static int index_fits(const hs_engine *e) {
  uint64_t shingles = 0;
  size_t i;
  for (i = 0; i < e->ndocs; i++)
    if (e->docs[i].n >= (uint32_t)e->opts.ngram)
      shingles += e->docs[i].n - (uint32_t)e->opts.ngram + 1;
  return !e->tf && e->mem_bytes + 21 * shingles <= e->budget;
}


void hs_engine_parts_get(hs_engine *e, hs_engine_parts *p) {
  p->opts = &e->opts;
  p->nthreads = e->nthreads;
  p->ds = engine_docset(e);
  p->capped = &e->capped;
  p->failed = &e->failed;
}

void hs_engine_set_prior(hs_engine *e, hs_sent_prior *p) { e->prior = p; }

const hs_senttab *hs_engine_senttabs(const hs_engine *e) {
  return e->sent_on ? e->st : NULL;
}

size_t hs_engine_subheads(const hs_engine *e, size_t first,
                          hs_passage **out) {
  size_t d, n = 0, cap = 0;
  *out = NULL;
  for (d = first; d < e->ndocs; d++)
    if (e->sub[d].n) {
      HS_GROW(*out, cap, n + e->sub[d].n);
      memcpy(*out + n, e->sub[d].p, e->sub[d].n * sizeof **out);
      n += e->sub[d].n;
    }
  return n;
}

void hs_engine_set_words(hs_engine *e, uint32_t *words) {
  free(e->words);
  e->words = words;
}

int hs_engine_run_local(hs_engine *e, size_t first_new, hs_passage **out,
                        size_t *n, hs_error *err) {
  hs_cindex ci;
  hs_xpairs xp;
  hs_index_stats st;
  hs_docset ds = engine_docset(e);
  uint64_t *near = NULL;
  size_t nnear = 0;
  hs_sent_counts counts; /* the sentence stage's, for the summary pass */
  int rc, in_memory;
  memset(&counts, 0, sizeof counts);
  *out = NULL;
  *n = 0;
  if (e->failed.code) {
    *err = e->failed;
    return e->failed.code;
  }
  if (e->opts.progress &&
      e->opts.progress(e->opts.progress_ud, "index", 0, e->ndocs))
    return hs_error_set(err, HS_EINTR, "interrupted");
  memset(&ci, 0, sizeof ci);
  memset(&xp, 0, sizeof xp);
  in_memory = index_fits(e);
  if (in_memory)
    rc = hs_cindex_build(&ci, e->docs, e->ndocs, first_new, &e->opts,
                         &e->capped, e->nthreads, &st, err);
  else
    rc = hs_xpairs_build(&xp, &ds, first_new, &e->opts, &e->capped,
                         e->nthreads, e->budget, e->opts.tmpdir, &st, err);
  if (rc) return rc;
  if (e->opts.progress &&
      e->opts.progress(e->opts.progress_ud, "align", 0, e->ndocs))
    rc = hs_error_set(err, HS_EINTR, "interrupted");
  else
    rc = hs_align_run(&e->opts, e->nthreads, &ds, in_memory ? &ci : NULL,
                      &xp, out, n, e->sent_on ? &near : NULL, &nnear, err);
  hs_cindex_free(&ci);
  hs_xpairs_free(&xp);
  if (!rc && e->sent_on) {
    if (e->opts.progress &&
        e->opts.progress(e->opts.progress_ud, "sentences", 0, e->ndocs))
      rc = hs_error_set(err, HS_EINTR, "interrupted");
    else /* the pairs sharing rare sentence words go on to the summary
         ** pass only when the engine holds the whole corpus: a store's
         ** run (prior counts) holds its new documents and their partners,
         ** where words look rarer and the pairs depend on the batches */
      rc = hs_sent_run(&e->opts, e->nthreads, &ds, e->st, first_new,
                       e->prior, NULL, e->prior ? NULL : &near, &nnear,
                       &counts, out, n, err);
    if (!rc)
      rc = hs_summary_run(&e->opts, e->nthreads, &ds, e->st, first_new, near,
                          nnear, &counts, out, n, err);
    hs_sent_counts_free(&counts);
    if (rc) {
      free(*out);
      *out = NULL;
      *n = 0;
    }
  }
  free(near);
  if (!rc) { /* repeated subheads, in one merge */
    hs_passage *all = NULL;
    size_t nall = hs_engine_subheads(e, first_new, &all);
    hs_subhead_merge(out, n, all, nall);
    free(all);
  }
  return rc;
}
