/*
** cluster.c — families of copies of the same text, and near-duplicate
** document groups.
**
** Families.  Every passage contributes two nodes to a union-find forest,
** its span a and its span b, and the two are joined.  Within a document,
** two spans are joined when their byte ranges overlap by at least half of
** each of them (half of the longer one), so that a story reprinted by
** twenty outlets (190 pairwise passages over the same text) becomes one
** family while two unrelated paragraphs shared by the same pair of
** documents stay apart, and a stock phrase shared by many documents (an
** official's full title) does not join every longer passage containing
** it into one family.  Spans of a document are swept in order of start
** and compared with the open spans that precede them (at most LIVE_MAX of
** them), so a document with k spans costs O(k log k).
**
** The partition is the transitive closure of "same passage" and "overlaps
** enough"; numbering follows the first appearance in the sorted order,
** which is total (ties on the six key fields are broken by the remaining
** fields), so the output is deterministic.
**
** Near duplicates.  For each unordered pair of documents with cross
** passages, the coverage of either document is the number of its words
** covered by the union of its spans in passages with that partner, over
** its word count.  Overlapping spans are merged on byte ranges and each
** span's words are counted in proportion to the bytes it adds.  Pairs
** whose two coverages both reach the threshold are joined; connected
** components of two or more documents are the groups.
*/
#include "cluster/cluster.h"

#include <stdlib.h>
#include <string.h>

#include "util/sort.h"
#include "util/util.h"

/* ------------------------------------------------------------ union-find */

typedef struct uf {
  size_t *parent;
  uint32_t *rank;
} uf;

static void uf_init(uf *u, size_t n) {
  size_t i;
  u->parent = hs_reallocarray(NULL, n ? n : 1, sizeof *u->parent);
  u->rank = hs_calloc(n ? n : 1, sizeof *u->rank);
  for (i = 0; i < n; i++) u->parent[i] = i;
}

static void uf_free(uf *u) {
  free(u->parent);
  free(u->rank);
  u->parent = NULL;
  u->rank = NULL;
}

static size_t uf_find(uf *u, size_t x) {
  while (u->parent[x] != x) {
    u->parent[x] = u->parent[u->parent[x]];  /* path halving */
    x = u->parent[x];
  }
  return x;
}

static void uf_union(uf *u, size_t x, size_t y) {
  x = uf_find(u, x);
  y = uf_find(u, y);
  if (x == y) return;
  if (u->rank[x] < u->rank[y]) {
    size_t t = x;
    x = y;
    y = t;
  }
  u->parent[y] = x;
  if (u->rank[x] == u->rank[y]) u->rank[x]++;
}

/* ------------------------------------------------------------- ordering */

#define CMP(x, y) \
  do {            \
    if ((x) < (y)) return -1; \
    if ((x) > (y)) return 1;  \
  } while (0)

int hs_cluster_passage_cmp(const void *x, const void *y) {
  const hs_passage *a = x, *b = y;
  CMP(a->a.doc, b->a.doc);
  CMP(a->a.start, b->a.start);
  CMP(a->b.doc, b->b.doc);
  CMP(a->b.start, b->b.start);
  CMP(a->a.end, b->a.end);
  CMP(a->b.end, b->b.end);
  /* Tie-breakers, so that the sorted order is total. */
  CMP(a->words, b->words);
  CMP(a->a.words, b->a.words);
  CMP(a->b.words, b->b.words);
  CMP(a->similarity, b->similarity);
  CMP(a->internal, b->internal);
  return 0;
}

/* The radix key of a passage: (a.doc, a.start, b.doc, b.start), as many
** of them as fit, packed; the comparator orders ties on it. */
static void passage_pack(const hs_passage *p, size_t n, hs_sort_pack *pk) {
  uint64_t max[4] = {0, 0, 0, 0};
  size_t i;
  for (i = 0; i < n; i++) {
    if (p[i].a.doc > max[0]) max[0] = p[i].a.doc;
    if (p[i].a.start > max[1]) max[1] = p[i].a.start;
    if (p[i].b.doc > max[2]) max[2] = p[i].b.doc;
    if (p[i].b.start > max[3]) max[3] = p[i].b.start;
  }
  hs_sort_pack_init(pk, max, 4);
}

static uint64_t passage_key_of(const hs_passage *q, const hs_sort_pack *pk) {
  uint64_t f[4], k = 0;
  int i;
  f[0] = q->a.doc;
  f[1] = q->a.start;
  f[2] = q->b.doc;
  f[3] = q->b.start;
  for (i = 0; i < pk->nf; i++) k |= f[i] << pk->shift[i];
  return k;
}

static uint64_t passage_key(const void *e, int round, const void *ctx) {
  (void)round;
  return passage_key_of(e, ctx);
}

void hs_cluster_passage_sort(hs_passage *p, size_t n) {
  hs_cluster_passage_sort_threads(p, n, 1);
}

void hs_cluster_passage_sort_threads(hs_passage *p, size_t n, int nthreads) {
  hs_sort_pack pk;
  if (n < 2) return;
  passage_pack(p, n, &pk);
  hs_sort_keyed_threads(p, n, sizeof *p, 1, passage_key, &pk,
                        hs_cluster_passage_cmp, nthreads);
}

/* Whether p[0..n) is in hs_cluster_passage_cmp's order already (the
** engine leaves its passages so): a sort of it would move nothing. */
static int passages_sorted(const hs_passage *p, size_t n) {
  size_t i;
  for (i = 1; i < n; i++)
    if (hs_cluster_passage_cmp(&p[i - 1], &p[i]) > 0) return 0;
  return 1;
}

void hs_cluster_passage_merge(hs_passage *p, size_t kept, size_t n) {
  size_t i, k, at, nn = n - kept;
  hs_passage *add;
  if (!passages_sorted(p, kept)) { /* not in order: the whole sort */
    hs_cluster_passage_sort(p, n);
    return;
  }
  if (!nn) return;
  add = hs_reallocarray(NULL, nn, sizeof *add);
  memcpy(add, p + kept, nn * sizeof *add);
  hs_cluster_passage_sort(add, nn);
  /* from the end: the larger of the two last ones, the second part's on
  ** a tie */
  i = kept, k = nn, at = n;
  while (k > 0) {
    if (i > 0 && hs_cluster_passage_cmp(&p[i - 1], &add[k - 1]) > 0)
      p[--at] = p[--i];
    else
      p[--at] = add[--k];
  }
  free(add);
}

typedef struct ord_rec {
  const hs_passage *p;
  size_t idx;
} ord_rec;

static int ord_cmp(const void *x, const void *y) {
  const ord_rec *a = x, *b = y;
  int c = hs_cluster_passage_cmp(a->p, b->p);
  if (c) return c;
  CMP(a->idx, b->idx);
  return 0;
}

/* One span of the per-document sweep; node is the union-find node. */
typedef struct span_rec {
  uint32_t doc, start, end;
  size_t node;
} span_rec;

static uint64_t ord_key(const void *e, int round, const void *ctx) {
  (void)round;
  return passage_key_of(((const ord_rec *)e)->p, ctx);
}

static uint64_t span_key(const void *e, int round, const void *ctx) {
  const span_rec *s = e;
  const hs_sort_pack *pk = ctx;
  uint64_t f[3], k = 0;
  int i;
  (void)round;
  f[0] = s->doc;
  f[1] = s->start;
  f[2] = s->end;
  for (i = 0; i < pk->nf; i++) k |= f[i] << pk->shift[i];
  return k;
}

static int span_cmp(const void *x, const void *y) {
  const span_rec *a = x, *b = y;
  CMP(a->doc, b->doc);
  CMP(a->start, b->start);
  CMP(a->end, b->end);
  CMP(a->node, b->node);
  return 0;
}

/* A span still open at the sweep position. */
typedef struct live_span {
  size_t node;
  uint32_t start, end;
} live_span;

/* Spans compared with each new span, at most: the most recent ones by
** start.  Copies of one text give nearly identical spans, so a match is
** found among the recent ones; the bound keeps a document holding
** thousands of spans (one text reprinted by thousands of outlets) linear. */
#define LIVE_MAX 64

/* Join spans of one document [s, e) of the sorted span array: two spans
** join when their overlap is at least half of each (half of the longer),
** so that a short stock phrase inside a long passage does not glue that
** passage's family to every other text sharing the phrase. */
static void sweep_doc(uf *u, const span_rec *sp, size_t s, size_t e,
                      live_span **live, size_t *live_cap) {
  size_t nlive = 0, i, j, k;
  for (i = s; i < e; i++) {
    const span_rec *cur = &sp[i];
    uint64_t S = cur->start, E = cur->end;
    if (i > s && sp[i - 1].start == cur->start && sp[i - 1].end == cur->end) {
      uf_union(u, sp[i - 1].node, cur->node); /* same range: same text */
      continue;
    }
    if (E <= S) continue;  /* empty: alone unless identical */
    for (j = k = 0; j < nlive; j++) {
      live_span t = (*live)[j];
      uint64_t ov;
      if (t.end <= S) continue;  /* closed for good: the sweep advances */
      ov = (t.end < E ? t.end : E) - S;
      if (2 * ov >= (uint64_t)t.end - t.start && 2 * ov >= E - S)
        uf_union(u, t.node, cur->node);
      (*live)[k++] = t;
    }
    nlive = k;
    if (nlive == LIVE_MAX) { /* forget the oldest */
      memmove(*live, *live + 1, (LIVE_MAX - 1) * sizeof **live);
      nlive--;
    }
    HS_GROW(*live, *live_cap, nlive + 1);
    (*live)[nlive].node = cur->node;
    (*live)[nlive].start = cur->start;
    (*live)[nlive].end = cur->end;
    nlive++;
  }
}

/* hs_cluster_families; sorted: p is in hs_cluster_passage_cmp's order
** (known to the caller, or found by one scan). */
static int families_of(const hs_passage *p, size_t n, int sorted,
                       uint32_t *fam, hs_error *err) {
  ord_rec *ord = NULL;
  span_rec *sp = NULL;
  live_span *live = NULL;
  size_t live_cap = 0, *famof = NULL, i, s;
  uint64_t smax[3] = {0, 0, 0};
  hs_sort_pack pk;
  uint32_t next = 0;
  uf u = {NULL, NULL};

  if (n == 0) return HS_OK;
  if (n > UINT32_MAX || n > SIZE_MAX / 2 / sizeof(span_rec))
    return hs_error_set(err, HS_EUSAGE,
                        "too many passages (%zu) to group into families; "
                        "split the corpus", n);

  ord = hs_reallocarray(NULL, n, sizeof *ord);
  for (i = 0; i < n; i++) {
    ord[i].p = &p[i];
    ord[i].idx = i;
  }
  if (!sorted) { /* in order already: ord is the identity */
    passage_pack(p, n, &pk);
    hs_sort_keyed(ord, n, sizeof *ord, 1, ord_key, &pk, ord_cmp);
  }

  /* Node 2r is span a, node 2r+1 span b, of the passage of rank r. */
  uf_init(&u, 2 * n);
  sp = hs_reallocarray(NULL, 2 * n, sizeof *sp);
  for (i = 0; i < n; i++) {
    const hs_passage *q = ord[i].p;
    sp[2 * i] = (span_rec){q->a.doc, q->a.start, q->a.end, 2 * i};
    sp[2 * i + 1] = (span_rec){q->b.doc, q->b.start, q->b.end, 2 * i + 1};
    uf_union(&u, 2 * i, 2 * i + 1);
  }
  for (i = 0; i < 2 * n; i++) {
    if (sp[i].doc > smax[0]) smax[0] = sp[i].doc;
    if (sp[i].start > smax[1]) smax[1] = sp[i].start;
    if (sp[i].end > smax[2]) smax[2] = sp[i].end;
  }
  hs_sort_pack_init(&pk, smax, 3);
  /* Nodes are numbered in array order, so the stable sort on (doc,
  ** start, end) leaves ties in node order already. */
  if (pk.nf == 3 && 2 * n <= UINT32_MAX) {
    /* the three fields in one key: the keys sorted with their records'
    ** places (a radix sort of bare keys, stable), the records gathered */
    uint64_t *key = hs_reallocarray(NULL, 2 * n, sizeof *key);
    uint32_t *at = hs_reallocarray(NULL, 2 * n, sizeof *at);
    span_rec *in = sp;
    for (i = 0; i < 2 * n; i++) {
      key[i] = span_key(&sp[i], 0, &pk);
      at[i] = (uint32_t)i;
    }
    hs_sort_u64_carry(key, at, 2 * n);
    sp = hs_reallocarray(NULL, 2 * n, sizeof *sp);
    for (i = 0; i < 2 * n; i++) sp[i] = in[at[i]];
    free(in);
    free(at);
    free(key);
  } else {
    hs_sort_keyed(sp, 2 * n, sizeof *sp, 1, span_key, &pk, span_cmp);
  }
  for (s = 0; s < 2 * n;) {
    size_t e = s + 1;
    while (e < 2 * n && sp[e].doc == sp[s].doc) e++;
    sweep_doc(&u, sp, s, e, &live, &live_cap);
    s = e;
  }

  /* Number the families by first appearance in sorted order. */
  famof = hs_reallocarray(NULL, 2 * n, sizeof *famof);
  for (i = 0; i < 2 * n; i++) famof[i] = SIZE_MAX;
  for (i = 0; i < n; i++) {
    size_t r = uf_find(&u, 2 * i);
    if (famof[r] == SIZE_MAX) famof[r] = next++;
    fam[ord[i].idx] = (uint32_t)famof[r];
  }

  free(famof);
  free(live);
  free(sp);
  free(ord);
  uf_free(&u);
  return HS_OK;
}

int hs_cluster_families(const hs_passage *p, size_t n, uint32_t *fam,
                        hs_error *err) {
  return families_of(p, n, passages_sorted(p, n), fam, err);
}

int hs_families_assign(hs_passage *p, size_t n, hs_error *err) {
  uint32_t *fam;
  size_t i;
  int rc;
  if (n == 0) return HS_OK;
  if (!p)
    return hs_error_set(err, HS_EUSAGE,
                        "hs_families_assign: no passages given for n=%zu", n);
  if (!passages_sorted(p, n)) hs_cluster_passage_sort(p, n);
  fam = hs_reallocarray(NULL, n, sizeof *fam);
  rc = families_of(p, n, 1, fam, err);
  if (rc == HS_OK)
    for (i = 0; i < n; i++) p[i].family = fam[i];
  free(fam);
  return rc;
}

/* --------------------------------------------------------- near duplicates */

/* One span of a cross passage, keyed by its document pair. */
typedef struct cov_rec {
  uint32_t lo, hi;   /* the pair, lo < hi */
  uint32_t doc;      /* the document this span lies in (lo or hi) */
  uint32_t start, end, words;
} cov_rec;

static int cov_cmp(const void *x, const void *y) {
  const cov_rec *a = x, *b = y;
  CMP(a->lo, b->lo);
  CMP(a->hi, b->hi);
  CMP(a->doc, b->doc);
  CMP(a->start, b->start);
  CMP(a->end, b->end);
  CMP(a->words, b->words);
  return 0;
}

/* Words covered by the union of spans r[s..e) (one document, sorted by
** start): overlapping spans count only the bytes they add, with their
** words scaled accordingly. */
static double covered_words(const cov_rec *r, size_t s, size_t e) {
  double covered = 0.0;
  uint32_t reach = 0;
  int any = 0;
  size_t i;
  for (i = s; i < e; i++) {
    uint32_t from;
    if (r[i].end <= r[i].start) continue;
    if (any && r[i].end <= reach) continue;
    from = (any && r[i].start < reach) ? reach : r[i].start;
    covered += (double)r[i].words * (double)(r[i].end - from) /
               (double)(r[i].end - r[i].start);
    reach = r[i].end;
    any = 1;
  }
  return covered;
}

static double coverage(double covered, uint32_t words) {
  double c;
  if (words == 0) return 0.0;
  c = covered / (double)words;
  return c > 1.0 ? 1.0 : c;
}

int hs_dups_group(const hs_passage *p, size_t n, size_t ndocs,
                  const uint32_t *doc_words, double threshold,
                  int32_t **group, size_t *ngroups, hs_error *err) {
  cov_rec *r = NULL;
  size_t nr = 0, i, s, *size = NULL;
  int32_t *g = NULL, *gid = NULL;
  size_t ng = 0;
  uf u = {NULL, NULL};
  int rc = HS_OK;

  if (!group || !ngroups)
    return hs_error_set(err, HS_EUSAGE,
                        "hs_dups_group: group and ngroups must not be NULL");
  *group = NULL;
  *ngroups = 0;
  if (!(threshold >= 0.0 && threshold <= 1.0))
    return hs_error_set(err, HS_EUSAGE,
                        "near-duplicate threshold %g is outside 0..1; "
                        "give a fraction such as 0.8", threshold);
  if (ndocs > 0 && !doc_words)
    return hs_error_set(err, HS_EUSAGE,
                        "hs_dups_group: doc_words is required for %zu "
                        "documents", ndocs);
  if (n > 0 && !p)
    return hs_error_set(err, HS_EUSAGE,
                        "hs_dups_group: no passages given for n=%zu", n);
  if (ndocs > INT32_MAX)
    return hs_error_set(err, HS_EUSAGE,
                        "too many documents (%zu) for near-duplicate groups",
                        ndocs);

  if (n) r = hs_reallocarray(NULL, n, 2 * sizeof *r);
  for (i = 0; i < n; i++) {
    const hs_passage *q = &p[i];
    uint32_t lo, hi;
    if (q->a.doc == q->b.doc) continue;  /* internal repeats do not count */
    if (q->a.doc >= ndocs || q->b.doc >= ndocs) {
      rc = hs_error_set(err, HS_EUSAGE,
                        "passage %zu refers to document %u but only %zu "
                        "documents were given", i,
                        (unsigned)(q->a.doc > q->b.doc ? q->a.doc : q->b.doc),
                        ndocs);
      goto out;
    }
    lo = q->a.doc < q->b.doc ? q->a.doc : q->b.doc;
    hi = q->a.doc < q->b.doc ? q->b.doc : q->a.doc;
    r[nr++] = (cov_rec){lo, hi, q->a.doc, q->a.start, q->a.end, q->a.words};
    r[nr++] = (cov_rec){lo, hi, q->b.doc, q->b.start, q->b.end, q->b.words};
  }
  if (nr) qsort(r, nr, sizeof *r, cov_cmp);

  uf_init(&u, ndocs);
  for (s = 0; s < nr;) {
    size_t e = s, mid;
    double clo, chi;
    while (e < nr && r[e].lo == r[s].lo && r[e].hi == r[s].hi) e++;
    /* The lo document's spans sort first, then the hi document's. */
    mid = s;
    while (mid < e && r[mid].doc == r[s].lo) mid++;
    clo = coverage(covered_words(r, s, mid), doc_words[r[s].lo]);
    chi = coverage(covered_words(r, mid, e), doc_words[r[s].hi]);
    if (clo >= threshold && chi >= threshold && clo > 0.0 && chi > 0.0)
      uf_union(&u, r[s].lo, r[s].hi);
    s = e;
  }

  /* Components of two or more, numbered by their smallest document. */
  size = hs_calloc(ndocs ? ndocs : 1, sizeof *size);
  gid = hs_reallocarray(NULL, ndocs ? ndocs : 1, sizeof *gid);
  g = hs_reallocarray(NULL, ndocs ? ndocs : 1, sizeof *g);
  for (i = 0; i < ndocs; i++) {
    size[uf_find(&u, i)]++;
    gid[i] = -1;
  }
  for (i = 0; i < ndocs; i++) {
    size_t root = uf_find(&u, i);
    if (size[root] < 2) {
      g[i] = -1;
      continue;
    }
    if (gid[root] < 0) gid[root] = (int32_t)ng++;
    g[i] = gid[root];
  }
  *group = g;
  *ngroups = ng;
  g = NULL;

out:
  free(g);
  free(gid);
  free(size);
  free(r);
  uf_free(&u);
  return rc;
}
