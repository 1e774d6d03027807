/*
** trace_model.c — the model of the HTML report, built once from the
** corpus and the passages: per document its date, outlet and reused share;
** families with their members; outlets; and the edges between outlets
** (who copied from whom, directed when the dates say so), with every
** offset converted from the library's bytes to UTF-16 code units, what
** JavaScript strings index (an invalid byte counts as one U+FFFD, as the
** escaper writes it).  Kept apart from the writers so that the data files
** (trace_data.c) only format what is decided here.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/trace_int.h"

/* byte offset -> UTF-16 offset for every byte of text (len+1 entries);
** a byte inside a sequence maps to the sequence's start. */
void hs_trace_u16_map(const char *text, size_t len, uint32_t *map) {
  const unsigned char *p = (const unsigned char *)text;
  size_t i = 0, k, j;
  uint32_t u = 0;
  while (i < len) {
    k = hs_utf8_len_at(p + i, len - i);
    if (k == 0) k = 1;
    for (j = 0; j < k; j++) map[i + j] = u;
    u += k == 4 ? 2 : 1;
    i += k;
  }
  map[len] = u;
}

/* ----------------------------------------------------- documents' facts */

static int is_digits(const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

/* First YYYY-MM-DD in s, into out[11]; "" if none. */
static void trace_find_date(const char *s, char out[11]) {
  size_t i, n = s ? strlen(s) : 0;
  out[0] = 0;
  for (i = 0; i + 10 <= n; i++)
    if (is_digits(s + i, 4) && s[i + 4] == '-' && is_digits(s + i + 5, 2) &&
        s[i + 7] == '-' && is_digits(s + i + 8, 2) &&
        (i == 0 || !(s[i - 1] >= '0' && s[i - 1] <= '9'))) {
      memcpy(out, s + i, 10);
      out[10] = 0;
      return;
    }
}

/* The date shown: the document's date, else a date in its id. */
static void trace_doc_date(const hs_doc *d, char out[11]) {
  trace_find_date(d->date, out);
  if (!out[0]) trace_find_date(d->id, out);
}

/* The outlet: series, else the id's first folder, else "" (used when
** the page itself names none). */
static char *trace_doc_outlet(const hs_doc *d) {
  const char *slash;
  char *o;
  if (d->series && *d->series) return strdup(d->series);
  slash = d->id ? strchr(d->id, '/') : NULL;
  if (!slash || slash == d->id) return strdup("");
  o = malloc((size_t)(slash - d->id) + 1);
  if (!o) return NULL;
  memcpy(o, d->id, (size_t)(slash - d->id));
  o[slash - d->id] = 0;
  return o;
}

/* A title for a document without one: its first non-blank line, cut to
** at most 120 bytes on a character boundary.  Sets *start and *n. */
void hs_trace_first_line(const hs_doc *d, size_t *start, size_t *n) {
  const unsigned char *t = (const unsigned char *)d->text;
  size_t i = 0, e, k;
  *start = *n = 0;
  if (!t) return;
  while (i < d->len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r' ||
                        t[i] == '\n'))
    i++;
  for (e = i; e < d->len && t[e] != '\n' && t[e] != '\r' && e - i < 120;
       e += k) {
    k = hs_utf8_len_at(t + e, d->len - e);
    if (k == 0) k = 1;
    if (e + k - i > 120) break;
  }
  *start = i;
  *n = e - i;
}

/* ------------------------------------------------------------ the model */


void hs_trace_model_free(model *m) {
  int i;
  for (i = 0; i < m->noutlets; i++) free(m->outlets[i]);
  free(m->outlets);
  free(m->outlet_docs);
  free(m->docs);
  free(m->sa);
  free(m->sb);
  free(m->by_doc);
  free(m->off);
  free(m->mem);
  free(m->fam_off);
  free(m->fam_order);
  free(m->edges);
}


static int outlet_index(model *m, const char *name, hs_error *err) {
  int i;
  char **o;
  uint32_t *od;
  for (i = m->noutlets - 1; i >= 0; i--)
    if (!strcmp(m->outlets[i], name)) return i;
  o = realloc(m->outlets, (size_t)(m->noutlets + 1) * sizeof *o);
  if (!o) return -nomem(err);
  m->outlets = o;
  od = realloc(m->outlet_docs, (size_t)(m->noutlets + 1) * sizeof *od);
  if (!od) return -nomem(err);
  m->outlet_docs = od;
  if (!(m->outlets[m->noutlets] = strdup(name))) return -nomem(err);
  m->outlet_docs[m->noutlets] = 0;
  return m->noutlets++;
}

static int cmp_member(const void *x, const void *y) {
  const member *a = x, *b = y;
  if (a->family != b->family) return a->family < b->family ? -1 : 1;
  if (a->doc != b->doc) return a->doc < b->doc ? -1 : 1;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  return 0;
}

/* Families with more documents first, then lower id. */
static int fam_cmp_with(const model *m, uint32_t a, uint32_t b) {
  size_t na = m->fam_off[a + 1] - m->fam_off[a];
  size_t nb = m->fam_off[b + 1] - m->fam_off[b];
  if (na != nb) return na > nb ? -1 : 1;
  return a < b ? -1 : a > b;
}

/* Union of intervals (sorted by start) in units; returns covered total. */
static uint32_t covered(tspan *s, size_t n) {
  size_t i;
  uint32_t tot = 0, cs = 0, ce = 0;
  int open = 0;
  for (i = 0; i < n; i++) {
    if (open && s[i].start <= ce) {
      if (s[i].end > ce) ce = s[i].end;
      continue;
    }
    if (open) tot += ce - cs;
    cs = s[i].start;
    ce = s[i].end;
    open = 1;
  }
  if (open) tot += ce - cs;
  return tot;
}

static int cmp_tspan(const void *x, const void *y) {
  const tspan *a = x, *b = y;
  return a->start < b->start ? -1 : a->start > b->start;
}

static int edge_add(model *m, int from, int to, int directed, uint32_t da,
                    uint32_t db, uint32_t words, hs_error *err) {
  size_t i;
  edge *e = NULL;
  for (i = 0; i < m->nedges; i++)
    if (m->edges[i].from == from && m->edges[i].to == to &&
        m->edges[i].directed == directed) {
      e = &m->edges[i];
      break;
    }
  if (!e) {
    if (m->nedges == m->capedges) {
      size_t cap = m->capedges ? m->capedges * 2 : 64;
      edge *ne = realloc(m->edges, cap * sizeof *ne);
      if (!ne) return nomem(err);
      m->edges = ne;
      m->capedges = cap;
    }
    e = &m->edges[m->nedges++];
    memset(e, 0, sizeof *e);
    e->from = from;
    e->to = to;
    e->directed = directed;
  }
  e->passages++;
  e->words += words;
  if (e->nex < 10) {
    int k;
    for (k = 0; k < e->nex; k++)
      if (e->ex[2 * k] == da && e->ex[2 * k + 1] == db) return HS_OK;
    e->ex[2 * e->nex] = da;
    e->ex[2 * e->nex + 1] = db;
    e->nex++;
  }
  return HS_OK;
}

int hs_trace_model_build(model *m, hs_error *err) {
  size_t i, k, d;
  uint32_t *map = NULL;
  size_t maplen = 0;
  tspan *tmp = NULL;
  size_t tmpcap = 0;
  int rc = HS_OK;
  m->ndocs = hs_corpus_count(m->c);
  m->docs = calloc(m->ndocs + 1, sizeof *m->docs);
  m->sa = calloc(m->n + 1, sizeof *m->sa);
  m->sb = calloc(m->n + 1, sizeof *m->sb);
  m->off = calloc(m->ndocs + 2, sizeof *m->off);
  m->by_doc = calloc(2 * m->n + 1, sizeof *m->by_doc);
  if (!m->docs || !m->sa || !m->sb || !m->off || !m->by_doc)
    return nomem(err);
  for (d = 0; d < m->ndocs; d++) {
    const hs_doc *doc = hs_corpus_doc(m->c, d);
    char *o;
    int oi;
    /* the outlet of meta (series, or an HTML page's site through the
    ** alias table, or what the page says: hs_doc_outlet's rule), else
    ** the id's first folder */
    if (m->metas && m->metas[d].outlet.value)
      o = strdup(m->metas[d].outlet.value);
    else
      o = trace_doc_outlet(doc);
    if (!o) return nomem(err);
    oi = outlet_index(m, o, err);
    free(o);
    if (oi < 0) return err ? err->code : HS_ENOMEM;
    m->docs[d].outlet = oi;
    m->outlet_docs[oi]++;
    trace_doc_date(doc, m->docs[d].date);
    if (!m->docs[d].date[0] && m->metas)
      trace_find_date(m->metas[d].date.value, m->docs[d].date);
    m->bytes += doc->len;
  }
  /* passages by document (CSR) */
  for (i = 0; i < m->n; i++) {
    if (m->p[i].a.doc >= m->ndocs || m->p[i].b.doc >= m->ndocs)
      return hs_error_set(err, HS_EINPUT, "passage %zu names a document "
                          "that is not in the corpus", i);
    m->off[m->p[i].a.doc + 1]++;
    if (m->p[i].b.doc != m->p[i].a.doc) m->off[m->p[i].b.doc + 1]++;
    if (m->p[i].internal) m->internal++;
    else m->cross++;
  }
  for (d = 0; d < m->ndocs; d++) m->off[d + 1] += m->off[d];
  {
    size_t *fill = calloc(m->ndocs + 1, sizeof *fill);
    if (!fill) return nomem(err);
    for (i = 0; i < m->n; i++) {
      uint32_t a = m->p[i].a.doc, b = m->p[i].b.doc;
      m->by_doc[m->off[a] + fill[a]++] = (uint32_t)i;
      if (b != a) m->by_doc[m->off[b] + fill[b]++] = (uint32_t)i;
    }
    free(fill);
  }
  /* UTF-16 offsets, reused share per document */
  for (d = 0; d < m->ndocs; d++) {
    const hs_doc *doc = hs_corpus_doc(m->c, d);
    size_t nt = 0;
    if (doc->len + 1 > maplen) {
      uint32_t *nm = realloc(map, (doc->len + 1) * sizeof *nm);
      if (!nm) {
        rc = nomem(err);
        goto out;
      }
      map = nm;
      maplen = doc->len + 1;
    }
    hs_trace_u16_map(doc->text, doc->len, map);
    m->units += map[doc->len];
    m->docs[d].units = map[doc->len];
    for (k = m->off[d]; k < m->off[d + 1]; k++) {
      const hs_passage *p = &m->p[m->by_doc[k]];
      uint32_t pi = m->by_doc[k];
#define CLAMP(x) ((x) > doc->len ? doc->len : (x))
      if (p->a.doc == d) {
        m->sa[pi].start = map[CLAMP(p->a.start)];
        m->sa[pi].end = map[CLAMP(p->a.end)];
      }
      if (p->b.doc == d) {
        m->sb[pi].start = map[CLAMP(p->b.start)];
        m->sb[pi].end = map[CLAMP(p->b.end)];
      }
#undef CLAMP
      if (p->internal) continue;
      if (nt == tmpcap) {
        size_t cap = tmpcap ? tmpcap * 2 : 64;
        tspan *nt2 = realloc(tmp, cap * sizeof *nt2);
        if (!nt2) {
          rc = nomem(err);
          goto out;
        }
        tmp = nt2;
        tmpcap = cap;
      }
      tmp[nt++] = p->a.doc == d ? m->sa[pi] : m->sb[pi];
    }
    if (nt) qsort(tmp, nt, sizeof *tmp, cmp_tspan);
    m->docs[d].reused = covered(tmp, nt);
    m->reused_units += m->docs[d].reused;
  }
  /* family members: one per (family, document), the union of its spans */
  m->mem = malloc((2 * m->n + 1) * sizeof *m->mem);
  if (!m->mem) {
    rc = nomem(err);
    goto out;
  }
  for (i = 0; i < m->n; i++) {
    member *x = &m->mem[m->nmem++], *y = &m->mem[m->nmem++];
    x->family = y->family = m->p[i].family;
    x->doc = m->p[i].a.doc;
    x->start = m->sa[i].start;
    x->end = m->sa[i].end;
    y->doc = m->p[i].b.doc;
    y->start = m->sb[i].start;
    y->end = m->sb[i].end;
    if (m->p[i].family + 1 > m->nfamilies) m->nfamilies = m->p[i].family + 1;
  }
  qsort(m->mem, m->nmem, sizeof *m->mem, cmp_member);
  k = 0;
  for (i = 0; i < m->nmem; i++) {
    if (k && m->mem[k - 1].family == m->mem[i].family &&
        m->mem[k - 1].doc == m->mem[i].doc) {
      if (m->mem[i].end > m->mem[k - 1].end) m->mem[k - 1].end = m->mem[i].end;
      continue;
    }
    m->mem[k++] = m->mem[i];
  }
  m->nmem = k;
  m->fam_off = calloc((size_t)m->nfamilies + 2, sizeof *m->fam_off);
  m->fam_order = calloc((size_t)m->nfamilies + 1, sizeof *m->fam_order);
  if (!m->fam_off || !m->fam_order) {
    rc = nomem(err);
    goto out;
  }
  for (i = 0; i < m->nmem; i++) {
    m->fam_off[m->mem[i].family + 1]++;
    m->docs[m->mem[i].doc].nfam++;
  }
  for (i = 0; i < m->nfamilies; i++) m->fam_off[i + 1] += m->fam_off[i];
  for (i = 0; i < m->nfamilies; i++) m->fam_order[i] = (uint32_t)i;
  {
    /* shell sort: qsort's comparator could not see the model without
    ** global state */
    size_t gap, a, b;
    for (gap = m->nfamilies / 2; gap > 0; gap /= 2)
      for (a = gap; a < m->nfamilies; a++) {
        uint32_t t = m->fam_order[a];
        for (b = a; b >= gap && fam_cmp_with(m, m->fam_order[b - gap], t) > 0;
             b -= gap)
          m->fam_order[b] = m->fam_order[b - gap];
        m->fam_order[b] = t;
      }
  }
  /* outlet edges: earlier -> later by date */
  for (i = 0; i < m->n; i++) {
    const hs_passage *p = &m->p[i];
    const tdoc *da = &m->docs[p->a.doc], *db = &m->docs[p->b.doc];
    int c;
    if (p->internal || da->outlet == db->outlet) continue;
    c = (da->date[0] && db->date[0]) ? strcmp(da->date, db->date) : 0;
    if (c < 0)
      rc = edge_add(m, da->outlet, db->outlet, 1, p->a.doc, p->b.doc,
                    p->words, err);
    else if (c > 0)
      rc = edge_add(m, db->outlet, da->outlet, 1, p->b.doc, p->a.doc,
                    p->words, err);
    else if (da->outlet < db->outlet)
      rc = edge_add(m, da->outlet, db->outlet, 0, p->a.doc, p->b.doc,
                    p->words, err);
    else
      rc = edge_add(m, db->outlet, da->outlet, 0, p->b.doc, p->a.doc,
                    p->words, err);
    if (rc) goto out;
  }
out:
  free(map);
  free(tmp);
  return rc;
}
