/*
** pairs.c — candidate document pairs from sorted postings: the rule of
** the in-memory index applied to one partition of postings at a time, for
** the out-of-core index (spill.c) and the distributed one (mpi/).
**
** Pairs are gathered as (a << 32 | b) with a seed count, appended
** unsorted and compacted (sorted, deduplicated, counts added) only when
** the buffer doubles over its unique part, so the common case is an
** append; when a flush callback is set, a full buffer goes to it instead
** of growing past its budget.
*/
#include "index/index.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/sort.h"
#include "util/util.h"

/* Sort and deduplicate the pairs gathered since the last compaction, and
** merge them with the earlier (already unique) ones, adding their seed
** counts. */
void hs_pairvec_compact(hs_pairvec *v) {
  size_t i, w;
  if (v->n == v->unique) return;
  hs_sort_u64_carry(v->p, v->seeds, v->n);
  for (i = 0, w = 0; i < v->n; i++) {
    if (w && v->p[w - 1] == v->p[i]) {
      uint64_t sum = (uint64_t)v->seeds[w - 1] + v->seeds[i];
      v->seeds[w - 1] = sum > UINT32_MAX ? UINT32_MAX : (uint32_t)sum;
      continue;
    }
    v->p[w] = v->p[i];
    v->seeds[w++] = v->seeds[i];
  }
  v->n = v->unique = w;
}

void hs_pairvec_prune(hs_pairvec *v, uint32_t min_seeds) {
  size_t i, w = 0;
  hs_pairvec_compact(v);
  for (i = 0; i < v->n; i++)
    if (v->seeds[i] >= min_seeds) {
      v->p[w] = v->p[i];
      v->seeds[w++] = v->seeds[i];
    }
  v->n = v->unique = w;
}

static void pairvec_push(hs_pairvec *v, uint32_t a, uint32_t b,
                         uint64_t seeds) {
  if (v->n == v->cap && v->n >= 2 * v->unique + 4096) hs_pairvec_compact(v);
  if (v->n == v->cap && v->flush && v->cap >= v->flush_at) {
    hs_pairvec_compact(v);
    if (v->n == v->cap || v->n >= v->flush_at / 2) {
      if (!v->failed) v->failed = v->flush(v->flush_ud, v);
      v->n = v->unique = 0;
    }
  }
  if (v->n == v->cap) {
    v->cap = v->cap ? 2 * v->cap : 4096;
    v->p = hs_reallocarray(v->p, v->cap, sizeof *v->p);
    v->seeds = hs_reallocarray(v->seeds, v->cap, sizeof *v->seeds);
  }
  v->p[v->n] = (uint64_t)a << 32 | b;
  v->seeds[v->n++] = seeds > UINT32_MAX ? UINT32_MAX : (uint32_t)seeds;
}

void hs_pairvec_free(hs_pairvec *v) {
  free(v->p);
  free(v->seeds);
  memset(v, 0, sizeof *v);
}

uint32_t hs_min_pair_seeds(const hs_reuse_opts *o) {
  return (uint32_t)((o->min_words + o->ngram - 1) / o->ngram);
}

/* The rule of hs_cindex_build, applied to sorted postings: each shingle
** shared by places in two documents (or twice in one, with internal
** repeats on) and within the df cap gives its document pairs; each one
** above the cap goes to `capped`. */
void hs_postings_scan(const hs_posting *p, size_t n, size_t first_new,
                      const hs_reuse_opts *opts, const hs_hashlist *capped_in,
                      hs_pairvec *pairs, hs_hashlist *capped_out,
                      hs_index_stats *st) {
  size_t df_cap = opts->df_cap > 0 ? (size_t)opts->df_cap : SIZE_MAX / 8;
  size_t g0, g1, i, j;
  uint32_t *docs = NULL, *occ = NULL;
  size_t capdocs = 0, capocc = 0;
  for (g0 = 0; g0 < n; g0 = g1) {
    size_t nd = 0;
    int has_new = 0;
    g1 = g0 + 1;
    while (g1 < n && p[g1].hash == p[g0].hash) g1++;
    if (g1 - g0 < 2) continue;
    HS_GROW(docs, capdocs, g1 - g0);
    HS_GROW(occ, capocc, g1 - g0);
    for (i = g0; i < g1; i++) {
      if (nd && docs[nd - 1] == p[i].doc) {
        occ[nd - 1]++;
        continue;
      }
      docs[nd] = p[i].doc;
      occ[nd++] = 1;
      if (p[i].doc >= first_new) has_new = 1;
    }
    if (nd > df_cap || g1 - g0 > 4 * df_cap ||
        hs_hashlist_has(capped_in, p[g0].hash)) {
      if (st) st->capped++;
      if (capped_out) hs_hashlist_add(capped_out, &p[g0].hash, 1);
      continue;
    }
    if (!has_new || (nd == 1 && !opts->internal)) continue;
    if (st) st->groups++;
    /* each pair's seeds from this shingle, at most (internal: an upper
    ** bound) */
    for (i = 0; i < nd; i++) {
      if (opts->internal && occ[i] > 1 && docs[i] >= first_new)
        pairvec_push(pairs, docs[i], docs[i],
                     (uint64_t)occ[i] * (occ[i] - 1) / 2);
      for (j = i + 1; j < nd; j++)
        if (docs[j] >= first_new)
          pairvec_push(pairs, docs[i], docs[j], (uint64_t)occ[i] * occ[j]);
    }
  }
  free(docs);
  free(occ);
}
