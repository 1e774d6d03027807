/*
** term_counts.h — the store's record of what the sentence stage counted
** (private): the documents whose terms weight the sentence stage, and the
** counts of those terms, so that a run over new documents weights terms
** as one run over the whole store would (tables rewrite_docs and
** rewrite_terms, docs/schema.md).
*/
#ifndef HS_TERM_COUNTS_H
#define HS_TERM_COUNTS_H

#include <stddef.h>
#include <stdint.h>

#include "hearsay.h"
#include "align/sentence.h"

/* The stored counts, in memory during a run. */
typedef struct hs_tcount {
  uint32_t *term;      /* distinct terms, ascending */
  uint64_t *count;
  size_t n;
  uint64_t total;      /* tokens of the counted documents */
  uint32_t *doc;       /* counted doc_ids, ascending */
  size_t ndocs;
} hs_tcount;

/* What one batch's sentence stage counted, in doc_ids. */
typedef struct hs_tcount_batch {
  uint32_t *term;      /* distinct terms, ascending */
  uint64_t *count;
  size_t n;
  uint32_t *doc;       /* doc_ids, ascending */
  uint64_t *tokens;
  size_t ndocs;
} hs_tcount_batch;

/* Read the stored counts (none if the tables are absent). */
int hs_tcount_load(hs_store *s, hs_tcount *t, hs_error *err);
void hs_tcount_free(hs_tcount *t);
/* Whether doc_id doc was counted. */
int hs_tcount_has(const hs_tcount *t, uint32_t doc);
/* prior from t: counts and totals; counted[i] for engine document i whose
** doc_id is docid[i] (n of them). */
void hs_tcount_prior(const hs_tcount *t, const uint32_t *docid, size_t n,
                     uint8_t *counted, hs_sent_prior *prior);
/* The batch of what prior's last run counted; docid maps engine documents
** to doc_ids. */
void hs_tcount_batch_make(hs_sent_prior *prior, const uint32_t *docid,
                          hs_tcount_batch *b);
void hs_tcount_batch_free(hs_tcount_batch *b);
/* Write a batch's counts (inside the caller's transaction). */
int hs_tcount_write(hs_store *s, const hs_tcount_batch *b, hs_error *err);
/* Add a committed batch to t. */
void hs_tcount_merge(hs_tcount *t, const hs_tcount_batch *b);

#endif
