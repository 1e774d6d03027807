/*
** cluster.h — private interface of the cluster stage, for stages that must
** compute families without reordering their passages (the store keeps
** passages in passage_id order and writes families back by id).
*/
#ifndef HS_CLUSTER_H
#define HS_CLUSTER_H

#include <stddef.h>
#include <stdint.h>
#include "hearsay.h"

/* Compute the family of each passage of p (in any order) into fam[0..n),
** leaving p untouched.  The numbering is the one hs_families_assign gives:
** families are numbered from 0 in order of first appearance in p sorted by
** (a.doc, a.start, b.doc, b.start, a.end, b.end).  fam must hold n
** entries.  Returns HS_OK, or HS_EUSAGE when n is too large to index. */
int hs_cluster_families(const hs_passage *p, size_t n, uint32_t *fam,
                        hs_error *err);

/* The order hs_families_assign sorts passages in: qsort comparator. */
int hs_cluster_passage_cmp(const void *x, const void *y);

/* Sorts p[0..n) into hs_cluster_passage_cmp's order (the order qsort
** gives) with a radix sort on the leading fields. */
void hs_cluster_passage_sort(hs_passage *p, size_t n);
/* The same order, sorted on up to nthreads threads. */
void hs_cluster_passage_sort_threads(hs_passage *p, size_t n, int nthreads);
/* p[0..n) into the same order when p[0..kept) may be in it already and
** p[kept..n) are a few more: these are sorted and merged in, a passage of
** the first part before one of the second equal to it, as a stable sort
** leaves them (the whole is sorted when the first part is not in order). */
void hs_cluster_passage_merge(hs_passage *p, size_t kept, size_t n);

#endif
