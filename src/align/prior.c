/*
** prior.c — term counts carried over from earlier runs into the sentence
** stage, for a store that is filled in steps (src/store/term_counts.c).
**
** The sentence stage weights a term by its count over the documents of
** the pairs it looks at.  A run over a corpus at once counts every such
** document; a store's run sees only the new documents and their stored
** partners.  The store keeps the counts of the documents earlier runs
** counted and hands them over here: the stage adds them to its own table
** and does not count a document again that they already hold, so that
** the weights of a run over new documents are those of one run over all
** of them, as long as the same documents were counted.  The documents the
** stage counts itself, and their terms, are handed back for the store to
** keep in the same transaction as the passages.
*/
#include <stdlib.h>
#include <string.h>

#include "align/sentence.h"
#include "util/sort.h"
#include "util/util.h"

void hs_sent_prior_note(hs_sent_prior *p, size_t doc, const uint32_t *term,
                        uint32_t n) {
  uint32_t i;
  if (!p) return;
  HS_GROW(p->docs, p->capdocs, p->ndocs + 1);
  HS_GROW(p->doc_tokens, p->captok, p->ndocs + 1);
  HS_GROW(p->terms, p->capterms, p->nterms + n);
  for (i = 0; i < n; i++)
    if (term[i]) p->terms[p->nterms++] = term[i];
  p->docs[p->ndocs] = (uint32_t)doc;
  p->doc_tokens[p->ndocs++] = n;
}

void hs_sent_prior_fold(const hs_sent_prior *p, hs_termcounts *tc) {
  size_t i;
  if (!p) return;
  for (i = 0; i < p->nterm; i++) {
    uint64_t c = tc->c[p->term[i] & tc->mask] + p->count[i];
    tc->c[p->term[i] & tc->mask] = c > UINT32_MAX ? UINT32_MAX : (uint32_t)c;
  }
  tc->total += p->total;
}

size_t hs_sent_prior_counts(hs_sent_prior *p, uint32_t **term,
                            uint64_t **count) {
  uint64_t *v;
  size_t i, j, m = 0;
  *term = NULL;
  *count = NULL;
  if (!p || !p->nterms) return 0;
  v = hs_malloc(p->nterms * sizeof *v);
  for (i = 0; i < p->nterms; i++) v[i] = p->terms[i];
  hs_sort_u64(v, p->nterms);
  *term = hs_malloc(p->nterms * sizeof **term);
  *count = hs_malloc(p->nterms * sizeof **count);
  for (i = 0; i < p->nterms; i = j) {
    for (j = i + 1; j < p->nterms && v[j] == v[i]; j++) {}
    (*term)[m] = (uint32_t)v[i];
    (*count)[m++] = j - i;
  }
  free(v);
  return m;
}

void hs_sent_prior_reset(hs_sent_prior *p) {
  if (!p) return;
  p->ndocs = 0;
  p->nterms = 0;
}

void hs_sent_prior_free(hs_sent_prior *p) {
  if (!p) return;
  free(p->docs);
  free(p->doc_tokens);
  free(p->terms);
  p->docs = NULL;
  p->doc_tokens = NULL;
  p->terms = NULL;
  p->ndocs = p->capdocs = p->captok = p->nterms = p->capterms = 0;
}
