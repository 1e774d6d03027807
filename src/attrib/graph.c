/*
** graph.c — the propagation graph: who published a text first, who copied
** it, who cites whom; its export as GraphViz DOT, GEXF 1.3 and JSON Lines;
** and the summaries behind `hearsay sources` and `hearsay timeline`.
**
** Nodes are documents, outlets (a document's outlet from its metadata,
** canonicalized through the alias table) and cited sources (attributions'
** normalized names; a source with an outlet's name is that outlet's node).
** Edges:
**   reuse      one per passage, from the earlier document to the later
**              (dates from the metadata; equal dates are a `tie`, a
**              missing date `undated`, both directed by corpus order);
**   republish  a reuse edge whose copy covers at least 80% of the later
**              document's words;
**   cites      citing document -> cited source (first of a chain), and
**              source -> source along a chain ("A citing B").
** Outlet edges sum the document edges between two outlets (count).
** Names are looked up in a sorted table, so building is n log n.
*/
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "meta/meta_int.h"
#include "util/util.h"

typedef struct name_ix {
  const char *name;
  uint32_t node;
} name_ix;

typedef struct gb {
  hs_graph *g;
  size_t capn, cape;
  name_ix *ix;     /* outlet/source names, kept sorted */
  size_t nix, capix;
} gb;

static uint32_t add_node(gb *b, const char *name, int kind, int type) {
  hs_graph *g = b->g;
  HS_GROW(g->nodes, b->capn, g->nnodes + 1);
  memset(&g->nodes[g->nnodes], 0, sizeof g->nodes[0]);
  g->nodes[g->nnodes].name = hs_strdup(name ? name : "");
  g->nodes[g->nnodes].kind = kind;
  g->nodes[g->nnodes].type = type;
  g->nodes[g->nnodes].outlet = UINT32_MAX;
  g->nodes[g->nnodes].doc = UINT32_MAX;
  return (uint32_t)g->nnodes++;
}

/* Node of an outlet or source name, created if new (insertion keeps the
** index sorted; fine for the thousands of names a corpus has). */
static uint32_t named_node(gb *b, const char *name, int kind, int type) {
  size_t lo = 0, hi = b->nix;
  uint32_t id;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(b->ix[mid].name, name) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo < b->nix && !strcmp(b->ix[lo].name, name)) {
    hs_graph_node *nd = &b->g->nodes[b->ix[lo].node];
    if (kind == HS_NODE_OUTLET) nd->kind = HS_NODE_OUTLET;
    if (nd->type == HS_SRC_UNKNOWN) nd->type = type;
    return b->ix[lo].node;
  }
  id = add_node(b, name, kind, type);
  HS_GROW(b->ix, b->capix, b->nix + 1);
  memmove(b->ix + lo + 1, b->ix + lo, (b->nix - lo) * sizeof *b->ix);
  b->ix[lo].name = b->g->nodes[id].name;
  b->ix[lo].node = id;
  b->nix++;
  return id;
}

static hs_edge *add_edge(gb *b, int kind, uint32_t from, uint32_t to) {
  hs_graph *g = b->g;
  hs_edge *e;
  HS_GROW(g->edges, b->cape, g->nedges + 1);
  e = &g->edges[g->nedges++];
  memset(e, 0, sizeof *e);
  e->kind = kind;
  e->from = from;
  e->to = to;
  e->doc = UINT32_MAX;
  e->family = UINT32_MAX;
  e->count = 1;
  return e;
}

void hs_graph_free(hs_graph *g) {
  size_t i;
  if (!g) return;
  for (i = 0; i < g->nnodes; i++) {
    free(g->nodes[i].name);
    free(g->nodes[i].date);
  }
  free(g->nodes);
  free(g->edges);
  free(g->families);
  memset(g, 0, sizeof *g);
}

/* -1, 0, 1 by date; *undated set when one is missing. */
static int date_cmp(const char *a, const char *b, int *undated) {
  if (!a || !b) {
    *undated = 1;
    return 0;
  }
  *undated = 0;
  return strcmp(a, b) < 0 ? -1 : strcmp(a, b) > 0;
}

static int u64_cmp(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return (a > b) - (a < b);
}

typedef struct okey {
  int kind;
  uint32_t from, to;
  size_t edge;
} okey;

static int okey_cmp(const void *x, const void *y) {
  const okey *a = x, *b = y;
  if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
  if (a->from != b->from) return a->from < b->from ? -1 : 1;
  return (a->to > b->to) - (a->to < b->to);
}

int hs_graph_build(const hs_corpus *c, const hs_meta *metas,
                   const hs_passage *p, size_t np, const uint32_t *doc_words,
                   const hs_aliases *al, hs_graph *g, hs_error *err) {
  gb b;
  size_t nd = hs_corpus_count(c), i, k, ndocedges;
  uint32_t maxfam = 0;
  okey *keys = NULL;
  size_t nkeys = 0, capk = 0;
  (void)err;
  memset(g, 0, sizeof *g);
  memset(&b, 0, sizeof b);
  b.g = g;
  /* documents are nodes 0..nd-1 */
  for (i = 0; i < nd; i++) {
    const hs_doc *d = hs_corpus_doc(c, i);
    uint32_t id = add_node(&b, d->id, HS_NODE_DOC, HS_SRC_UNKNOWN);
    g->nodes[id].doc = (uint32_t)i;
    if (metas && metas[i].date.value) g->nodes[id].date = hs_strdup(metas[i].date.value);
  }
  for (i = 0; i < nd; i++) {
    const char *o = metas ? metas[i].outlet.value : NULL;
    const char *canon = NULL;
    int type = HS_SRC_OUTLET;
    if (!o || !*o) continue;
    if (al && hs_aliases_lookup(al, o, strlen(o), &canon, &type)) o = canon;
    {
      uint32_t on = named_node(&b, o, HS_NODE_OUTLET, type); /* may grow */
      g->nodes[i].outlet = on;
    }
  }
  /* reuse and republication */
  for (i = 0; i < np; i++) {
    const hs_passage *q = &p[i];
    const hs_span *x = &q->a, *y = &q->b, *t;
    int und = 0, cmp, kind = HS_EDGE_REUSE;
    hs_edge *e;
    if (q->internal || q->a.doc >= nd || q->b.doc >= nd) continue;
    cmp = date_cmp(g->nodes[x->doc].date, g->nodes[y->doc].date, &und);
    if (cmp > 0) t = x, x = y, y = t;
    if (doc_words && doc_words[y->doc] &&
        (double)y->words >= 0.8 * (double)doc_words[y->doc])
      kind = HS_EDGE_REPUBLISH;
    e = add_edge(&b, kind, x->doc, y->doc);
    e->doc = y->doc;
    e->undated = und;
    e->tie = !und && cmp == 0;
    e->family = q->family;
    e->a_start = x->start, e->a_end = x->end;
    e->b_start = y->start, e->b_end = y->end;
    e->words = q->words;
    if (q->family + 1 > maxfam) maxfam = q->family + 1;
  }
  /* citations */
  for (i = 0; metas && i < nd; i++) {
    const hs_meta *m = &metas[i];
    for (k = 0; k < m->nattr; k++) {
      const hs_attribution *a = &m->attr[k];
      uint32_t to, from = (uint32_t)i;
      size_t j;
      hs_edge *e;
      /* a vague reference ("the report") is no source of its own */
      if (a->vague && !a->resolved) continue;
      to = named_node(&b, a->normalized ? a->normalized : a->source,
                      HS_NODE_SOURCE, a->type);
      /* the chain member before it: the one citing it */
      for (j = 0; a->chain_pos > 0 && j < m->nattr; j++)
        if (m->attr[j].chain == a->chain &&
            m->attr[j].chain_pos == a->chain_pos - 1) {
          from = named_node(&b, m->attr[j].normalized, HS_NODE_SOURCE,
                            m->attr[j].type);
          break;
        }
      if (from == to) continue;
      e = add_edge(&b, HS_EDGE_CITES, from, to);
      e->doc = (uint32_t)i;
      e->undated = g->nodes[i].date == NULL;
      e->a_start = a->src_start, e->a_end = a->src_end;
      e->b_start = a->content_start, e->b_end = a->content_end;
    }
  }
  /* outlet edges: document edges summed per (kind, outlet, outlet) */
  ndocedges = g->nedges;
  for (i = 0; i < ndocedges; i++) {
    const hs_edge *e = &g->edges[i];
    uint32_t fo = g->nodes[e->from].kind == HS_NODE_DOC
                      ? g->nodes[e->from].outlet : e->from;
    uint32_t to = g->nodes[e->to].kind == HS_NODE_DOC
                      ? g->nodes[e->to].outlet : e->to;
    if (fo == UINT32_MAX || to == UINT32_MAX || fo == to) continue;
    if (g->nodes[e->from].kind != HS_NODE_DOC) continue; /* chains stay */
    HS_GROW(keys, capk, nkeys + 1);
    keys[nkeys].kind = e->kind == HS_EDGE_REPUBLISH ? HS_EDGE_REUSE : e->kind;
    keys[nkeys].from = fo;
    keys[nkeys].to = to;
    keys[nkeys].edge = i;
    nkeys++;
  }
  if (nkeys) qsort(keys, nkeys, sizeof *keys, okey_cmp);
  for (i = 0; i < nkeys;) {
    size_t j = i;
    hs_edge *e;
    uint32_t cnt = 0, words = 0;
    int und = 0, tie = 0;
    while (j < nkeys && !okey_cmp(&keys[i], &keys[j])) {
      const hs_edge *de = &g->edges[keys[j].edge];
      cnt++;
      words += de->words;
      und |= de->undated;
      tie |= de->tie;
      j++;
    }
    e = add_edge(&b, keys[i].kind, keys[i].from, keys[i].to);
    e->count = cnt;
    e->words = words;
    e->undated = und;
    e->tie = tie;
    i = j;
  }
  free(keys);
  /* families: first document by date, then corpus order */
  if (maxfam) {
    g->families = hs_calloc(maxfam, sizeof *g->families);
    g->nfamilies = maxfam;
    for (i = 0; i < maxfam; i++) g->families[i].first = UINT32_MAX;
    /* (family, doc) pairs, sorted: each run is one family's documents */
    {
      uint64_t *pairs = hs_malloc((2 * np + 1) * sizeof *pairs);
      size_t npairs = 0, j;
      for (i = 0; i < np; i++) {
        if (p[i].internal || p[i].a.doc >= nd || p[i].b.doc >= nd) continue;
        pairs[npairs++] = ((uint64_t)p[i].family << 32) | p[i].a.doc;
        pairs[npairs++] = ((uint64_t)p[i].family << 32) | p[i].b.doc;
      }
      if (npairs) qsort(pairs, npairs, sizeof *pairs, u64_cmp);
      for (i = 0; i < npairs; i = j) {
        uint32_t fam = (uint32_t)(pairs[i] >> 32);
        hs_graph_family *f = &g->families[fam];
        for (j = i; j < npairs && (uint32_t)(pairs[j] >> 32) == fam; j++) {
          uint32_t d = (uint32_t)pairs[j];
          const char *dd = g->nodes[d].date;
          if (j > i && pairs[j] == pairs[j - 1]) continue;
          f->ndocs++;
          if (!dd) {
            f->undated = 1;
            if (f->first == UINT32_MAX) f->first = d;
            continue;
          }
          if (f->first == UINT32_MAX || !g->nodes[f->first].date) {
            f->first = d;
            f->tie = 0;
          } else {
            int cmp = strcmp(dd, g->nodes[f->first].date);
            if (cmp < 0) f->first = d, f->tie = 0;
            else if (cmp == 0) f->tie = 1;
          }
        }
      }
      free(pairs);
    }
  }
  free(b.ix);
  return HS_OK;
}
