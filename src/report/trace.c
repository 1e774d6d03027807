/*
** trace.c — the offline HTML report of `hearsay trace`: a folder with
** index.html, the bundled front end (assets/) and the data (data/, one .js file per part).
**
** The data are JavaScript files that push one JSON object each onto the
** global HS_DATA array, because a page opened from file:// may not fetch()
** local JSON but may load <script src> files.  Document texts go into
** shards of opts->shard_docs documents so that a 30,000-article report
** opens fast and loads only the texts it shows.  Every string is escaped
** for JSON and, in addition, '<', '>', '&', U+2028 and U+2029 are written
** as \u escapes so that no text can close the script or break the parse.
**
** Offsets in the data are UTF-16 code units (what JavaScript strings
** index), computed from the library's byte offsets with the same rule the
** escaper uses: an invalid byte becomes one U+FFFD.  The folder is built
** in a temporary sibling and renamed into place, so an interrupted run
** leaves the previous report whole.  The data format is documented in
** docs/report.md; fields are only ever added.  When the caller passes each
** document's metadata (opts->metas), its attributions and boilerplate go
** into the shards (converted to UTF-16 units like the passages), the
** most-cited sources into meta.js, and a missing date or outlet is taken
** from the text.
*/
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hearsay.h"
#include "report/story_data.h"
#include "report/trace_assets.h"
#include "util/util.h"

#define TRACE_MARKER ".hearsay-report"
#define TRACE_FORMAT 1

/* ------------------------------------------------------------ JSON out */

typedef struct jw {
  FILE *f;
  const char *path;
} jw;

/* A JSON string safe inside a <script> file: see the top comment. */
static void jw_strn(jw *w, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  size_t i = 0, k;
  FILE *f = w->f;
  if (!s) n = 0;
  putc('"', f);
  while (i < n) {
    unsigned char ch = p[i];
    if (ch == '"' || ch == '\\') {
      putc('\\', f);
      putc(ch, f);
      i++;
    } else if (ch < 0x20 || ch == 0x7F || ch == '<' || ch == '>' ||
               ch == '&') {
      switch (ch) {
        case '\n': fputs("\\n", f); break;
        case '\t': fputs("\\t", f); break;
        case '\r': fputs("\\r", f); break;
        default: fprintf(f, "\\u%04x", ch); break;
      }
      i++;
    } else if ((k = hs_utf8_len_at(p + i, n - i)) == 0) {
      fputs("\\ufffd", f);
      i++;
    } else if (k == 3 && p[i] == 0xE2 && p[i + 1] == 0x80 &&
               (p[i + 2] == 0xA8 || p[i + 2] == 0xA9)) {
      fputs(p[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", f);
      i += 3;
    } else {
      fwrite(p + i, 1, k, f);
      i += k;
    }
  }
  putc('"', f);
}

static void jw_str(jw *w, const char *s) { jw_strn(w, s, s ? strlen(s) : 0); }

/* byte offset -> UTF-16 offset for every byte of text (len+1 entries);
** a byte inside a sequence maps to the sequence's start. */
static void trace_u16_map(const char *text, size_t len, uint32_t *map) {
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

/* The outlet: series, else the id's first folder, else "". */
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
static void trace_first_line(const hs_doc *d, size_t *start, size_t *n) {
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

typedef struct tdoc {
  char date[11];
  int outlet;          /* index into outlets */
  uint32_t units;      /* UTF-16 units of the text */
  uint32_t reused;     /* UTF-16 units covered by cross-document reuse */
  uint32_t nfam;       /* families it belongs to */
} tdoc;

typedef struct tspan {   /* one side of a passage, in UTF-16 units */
  uint32_t start, end;
} tspan;

typedef struct member {  /* a document in a family */
  uint32_t family, doc, start, end;
} member;

typedef struct edge {
  int from, to, directed;
  uint32_t passages;
  uint64_t words;
  uint32_t ex[20];       /* example pairs: doc indexes, from-side first */
  int nex;
} edge;

typedef struct model {
  const hs_corpus *c;
  const hs_passage *p;
  const int32_t *group;  /* near-duplicate group per document, or NULL */
  const hs_meta *metas;  /* metadata per document, or NULL */
  size_t n, ndocs;
  tdoc *docs;
  char **outlets;
  uint32_t *outlet_docs;
  int noutlets;
  tspan *sa, *sb;        /* per passage: a side, b side (UTF-16) */
  uint32_t *by_doc;      /* passages touching doc d: by_doc[off[d]..off[d+1]) */
  size_t *off;
  member *mem;
  size_t nmem;
  uint32_t nfamilies;
  size_t *fam_off;       /* members of family f: mem[fam_off[f]..] */
  uint32_t *fam_order;   /* families, biggest first */
  edge *edges;
  size_t nedges, capedges;
  uint64_t bytes, reused_units, units;
  size_t cross, internal;
  const hs_provenance *story; /* the story model, for "first" (may be NULL) */
} model;

static void model_free(model *m) {
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

static int nomem(hs_error *err) {
  return hs_error_set(err, HS_ENOMEM, "out of memory while writing the "
                                      "report");
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

static int model_build(model *m, hs_error *err) {
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
    char *o = trace_doc_outlet(doc);
    int oi;
    if (o && !*o && m->metas && m->metas[d].outlet.value) {
      free(o);
      o = strdup(m->metas[d].outlet.value);
    }
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
    trace_u16_map(doc->text, doc->len, map);
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

/* ------------------------------------------------------------- writing */

static int write_file_bytes(const char *path, const unsigned char *data,
                            size_t len, hs_error *err) {
  FILE *f = fopen(path, "wb");
  if (!f)
    return hs_error_set(err, HS_EIO, "%s: cannot create: %s", path,
                        strerror(errno));
  if (fwrite(data, 1, len, f) != len || fclose(f))
    return hs_error_set(err, HS_EIO, "%s: write failed (disk full?)", path);
  return HS_OK;
}

static int jw_open(jw *w, const char *path, hs_error *err) {
  w->path = path;
  w->f = fopen(path, "wb");
  if (!w->f)
    return hs_error_set(err, HS_EIO, "%s: cannot create: %s", path,
                        strerror(errno));
  fputs("(window.HS_DATA = window.HS_DATA || []).push(", w->f);
  return HS_OK;
}

static int jw_close(jw *w, hs_error *err) {
  int bad;
  fputs(");\n", w->f);
  bad = ferror(w->f);
  if (fclose(w->f)) bad = 1;
  w->f = NULL;
  if (bad)
    return hs_error_set(err, HS_EIO, "%s: write failed (disk full?)",
                        w->path);
  return HS_OK;
}

/* Earliest member of family f (by date; undated last; then doc index). */
static size_t family_first(const model *m, uint32_t f) {
  size_t i, best = m->fam_off[f];
  if (m->story && f < m->story->nfamilies &&
      m->story->families[f].doc != UINT32_MAX)
    for (i = m->fam_off[f]; i < m->fam_off[f + 1]; i++)
      if (m->mem[i].doc == m->story->families[f].doc) return i;
  for (i = m->fam_off[f] + 1; i < m->fam_off[f + 1]; i++) {
    const char *di = m->docs[m->mem[i].doc].date;
    const char *db = m->docs[m->mem[best].doc].date;
    if (di[0] && (!db[0] || strcmp(di, db) < 0)) best = i;
  }
  return best;
}

static void write_family(jw *w, const model *m, uint32_t f) {
  size_t i;
  fprintf(w->f, "[%u,%zu,%u,[", f, m->fam_off[f + 1] - m->fam_off[f],
          m->mem[family_first(m, f)].doc);
  for (i = m->fam_off[f]; i < m->fam_off[f + 1]; i++)
    fprintf(w->f, "%s[%u,%u,%u]", i > m->fam_off[f] ? "," : "",
            m->mem[i].doc, m->mem[i].start, m->mem[i].end);
  fputs("]]", w->f);
}

/* A cited source: normalized name, citations, type, citing documents. */
typedef struct tsource {
  const char *name;
  uint32_t doc, cites, docs;
  int type;
} tsource;

static int cmp_source_name(const void *x, const void *y) {
  const tsource *a = x, *b = y;
  int c = strcmp(a->name, b->name);
  if (c) return c;
  return a->doc < b->doc ? -1 : a->doc > b->doc;
}

static int cmp_source_count(const void *x, const void *y) {
  const tsource *a = x, *b = y;
  if (a->cites != b->cites) return a->cites > b->cites ? -1 : 1;
  return strcmp(a->name, b->name);
}

/* The 100 most-cited sources (normalized names) as [name, citations,
** type, documents], most cited first. */
static int write_sources(const model *m, jw *w, hs_error *err) {
  size_t d, k, n = 0, i, j, nu = 0;
  tsource *v;
  for (d = 0; d < m->ndocs; d++) n += m->metas[d].nattr;
  if (!(v = calloc(n + 1, sizeof *v))) return nomem(err);
  for (d = 0, n = 0; d < m->ndocs; d++)
    for (k = 0; k < m->metas[d].nattr; k++) {
      const hs_attribution *a = &m->metas[d].attr[k];
      const char *name = a->normalized ? a->normalized : a->source;
      if (!name || !*name) continue;
      v[n].name = name;
      v[n].doc = (uint32_t)d;
      v[n].type = a->type;
      n++;
    }
  qsort(v, n, sizeof *v, cmp_source_name);
  for (i = 0; i < n; i = j) {
    uint32_t docs = 0;
    for (j = i; j < n && !strcmp(v[j].name, v[i].name); j++)
      if (j == i || v[j].doc != v[j - 1].doc) docs++;
    v[nu] = v[i];
    v[nu].cites = (uint32_t)(j - i);
    v[nu].docs = docs;
    nu++;
  }
  qsort(v, nu, sizeof *v, cmp_source_count);
  for (i = 0; i < nu && i < 100; i++) {
    fputs(i ? ",[" : "[", w->f);
    jw_str(w, v[i].name);
    fprintf(w->f, ",%u,", v[i].cites);
    jw_str(w, hs_source_type_name(v[i].type));
    fprintf(w->f, ",%u]", v[i].docs);
  }
  free(v);
  return HS_OK;
}

static int write_meta(const model *m, const char *path, const char *title,
                      size_t shard_docs, hs_error *err) {
  jw w;
  size_t d, i;
  int rc, o;
  char dmin[11] = "", dmax[11] = "";
  if ((rc = jw_open(&w, path, err))) return rc;
  for (d = 0; d < m->ndocs; d++) {
    const char *dt = m->docs[d].date;
    if (!dt[0]) continue;
    if (!dmin[0] || strcmp(dt, dmin) < 0) memcpy(dmin, dt, 11);
    if (!dmax[0] || strcmp(dt, dmax) > 0) memcpy(dmax, dt, 11);
  }
  fputs("{\"kind\":\"meta\",\"format\":1,\"generator\":", w.f);
  jw_str(&w, "hearsay " HS_VERSION);
  fputs(",\"title\":", w.f);
  jw_str(&w, title);
  fprintf(w.f, ",\"shard_docs\":%zu,\"shards\":%zu", shard_docs,
          (m->ndocs + shard_docs - 1) / shard_docs);
  fprintf(w.f, ",\"stats\":{\"docs\":%zu,\"outlets\":%d,\"passages\":%zu,"
          "\"cross\":%zu,\"internal\":%zu,\"families\":%u,\"bytes\":%llu,"
          "\"units\":%llu,\"reused_units\":%llu,\"date_min\":",
          m->ndocs, m->noutlets, m->n, m->cross, m->internal, m->nfamilies,
          (unsigned long long)m->bytes, (unsigned long long)m->units,
          (unsigned long long)m->reused_units);
  jw_str(&w, dmin);
  fputs(",\"date_max\":", w.f);
  jw_str(&w, dmax);
  {
    int32_t g = -1;
    for (d = 0; m->group && d < m->ndocs; d++)
      if (m->group[d] > g) g = m->group[d];
    fprintf(w.f, ",\"groups\":%d}", (int)(g + 1));
  }
  fputs(",\"outlet_fields\":[\"name\",\"docs\"],\"outlets\":[", w.f);
  for (o = 0; o < m->noutlets; o++) {
    fputs(o ? ",[" : "[", w.f);
    jw_str(&w, m->outlets[o]);
    fprintf(w.f, ",%u]", m->outlet_docs[o]);
  }
  fputs("],\"doc_fields\":[\"id\",\"outlet\",\"date\",\"title\",\"url\","
        "\"units\",\"reused_units\",\"group\",\"families\",\"byline\","
        "\"text_outlet\"],\"docs\":[",
        w.f);
  for (d = 0; d < m->ndocs; d++) {
    const hs_doc *doc = hs_corpus_doc(m->c, d);
    fputs(d ? ",\n[" : "\n[", w.f);
    jw_str(&w, doc->id);
    fprintf(w.f, ",%d,", m->docs[d].outlet);
    jw_str(&w, m->docs[d].date);
    putc(',', w.f);
    if (doc->title && *doc->title) {
      jw_str(&w, doc->title);
    } else {
      size_t ts, tn;
      trace_first_line(doc, &ts, &tn);
      jw_strn(&w, doc->text ? doc->text + ts : NULL, tn);
    }
    putc(',', w.f);
    jw_str(&w, doc->url ? doc->url : "");
    fprintf(w.f, ",%u,%u,%d,%u,", m->docs[d].units, m->docs[d].reused,
            m->group ? (int)m->group[d] : -1, m->docs[d].nfam);
    jw_str(&w, m->metas ? m->metas[d].byline.value : NULL);
    putc(',', w.f);
    jw_str(&w, m->metas && !m->metas[d].outlet.given
                   ? m->metas[d].outlet.value : NULL);
    putc(']', w.f);
  }
  fputs("],\"top_families\":[", w.f);
  for (i = 0; i < m->nfamilies && i < 12; i++) {
    if (i) putc(',', w.f);
    write_family(&w, m, m->fam_order[i]);
  }
  fputs("],\"edge_fields\":[\"from\",\"to\",\"directed\",\"passages\","
        "\"words\",\"examples\"],\"edges\":[", w.f);
  for (i = 0; i < m->nedges; i++) {
    const edge *e = &m->edges[i];
    int k;
    fprintf(w.f, "%s[%d,%d,%d,%u,%llu,[", i ? "," : "", e->from, e->to,
            e->directed, e->passages, (unsigned long long)e->words);
    for (k = 0; k < e->nex; k++)
      fprintf(w.f, "%s[%u,%u]", k ? "," : "", e->ex[2 * k], e->ex[2 * k + 1]);
    fputs("]]", w.f);
  }
  if (!m->metas) {
    fputs("],\"optional\":{\"attributions\":false,\"boilerplate\":false,"
          "\"claims\":false,\"sources\":false}}",
          w.f);
    return jw_close(&w, err);
  }
  fprintf(w.f, "],\"optional\":{\"attributions\":true,\"boilerplate\":true,"
        "\"claims\":%s,\"stories\":%s,\"sources\":true},\"source_fields\":[\"name\","
        "\"citations\",\"type\",\"documents\"],\"sources\":[",
        m->story ? "true" : "false", m->story ? "true" : "false");
  if ((rc = write_sources(m, &w, err))) {
    fclose(w.f);
    return rc;
  }
  fputs("]}", w.f);
  return jw_close(&w, err);
}

/* All families, biggest first. */
static int write_families(const model *m, const char *path, hs_error *err) {
  jw w;
  size_t i;
  int rc;
  if ((rc = jw_open(&w, path, err))) return rc;
  fputs("{\"kind\":\"families\",\"family_fields\":[\"id\",\"docs\","
        "\"first_doc\",\"members\"],\"member_fields\":[\"doc\",\"start\","
        "\"end\"],\"families\":[",
        w.f);
  for (i = 0; i < m->nfamilies; i++) {
    if (m->fam_off[m->fam_order[i] + 1] == m->fam_off[m->fam_order[i]])
      continue;
    fputs(i ? ",\n" : "\n", w.f);
    write_family(&w, m, m->fam_order[i]);
  }
  fputs("]}", w.f);
  return jw_close(&w, err);
}

/* Shard s: texts and passages of documents [s*per, (s+1)*per). */
/* Attributions and boilerplate of document d, in UTF-16 units (map: its
** byte -> unit table). */
static void write_doc_meta(const model *m, jw *w, size_t d,
                           const uint32_t *map, size_t len) {
  const hs_meta *me = &m->metas[d];
  size_t k;
#define U16(x) map[(x) > len ? len : (x)]
  fputs(",\"attributions\":[", w->f);
  for (k = 0; k < me->nattr; k++) {
    const hs_attribution *a = &me->attr[k];
    fprintf(w->f, "%s[%u,%u,", k ? "," : "", U16(a->src_start),
            U16(a->src_end));
    jw_str(w, a->source);
    putc(',', w->f);
    jw_str(w, a->normalized ? a->normalized : a->source);
    putc(',', w->f);
    jw_str(w, hs_source_type_name(a->type));
    putc(',', w->f);
    jw_str(w, a->cue);
    fprintf(w->f, ",%u,%u,%d,%d,%d]", U16(a->content_start),
            U16(a->content_end), a->denial ? 1 : 0, a->chain, a->chain_pos);
  }
  fputs("],\"boilerplate\":[", w->f);
  for (k = 0; k < me->nboiler; k++)
    fprintf(w->f, "%s[%u,%u]", k ? "," : "", U16(me->boiler[k].start),
            U16(me->boiler[k].end));
  putc(']', w->f);
#undef U16
}

static int write_shard(const model *m, const char *path, size_t s,
                       size_t per, hs_error *err) {
  jw w;
  size_t d, k, end = (s + 1) * per, maplen = 0;
  uint32_t *map = NULL;
  int rc;
  if (end > m->ndocs) end = m->ndocs;
  if ((rc = jw_open(&w, path, err))) return rc;
  fprintf(w.f, "{\"kind\":\"shard\",\"shard\":%zu,\"span_fields\":"
          "[\"start\",\"end\",\"other_doc\",\"other_start\",\"other_end\","
          "\"family\",\"similarity\",\"words\"]", s);
  if (m->metas)
    fputs(",\"attribution_fields\":[\"start\",\"end\",\"source\","
          "\"normalized\",\"type\",\"cue\",\"content_start\","
          "\"content_end\",\"denial\",\"chain\",\"chain_pos\"],"
          "\"boilerplate_fields\":[\"start\",\"end\"]",
          w.f);
  fputs(",\"docs\":[", w.f);
  for (d = s * per; d < end; d++) {
    const hs_doc *doc = hs_corpus_doc(m->c, d);
    int first = 1;
    fprintf(w.f, "%s{\"i\":%zu,\"text\":", d > s * per ? ",\n" : "\n", d);
    jw_strn(&w, doc->text, doc->text ? doc->len : 0);
    fputs(",\"spans\":[", w.f);
    for (k = m->off[d]; k < m->off[d + 1]; k++) {
      uint32_t pi = m->by_doc[k];
      const hs_passage *p = &m->p[pi];
      int side;
      for (side = 0; side < 2; side++) {
        const tspan *me = side ? &m->sb[pi] : &m->sa[pi];
        const tspan *ot = side ? &m->sa[pi] : &m->sb[pi];
        uint32_t mydoc = side ? p->b.doc : p->a.doc;
        uint32_t otdoc = side ? p->a.doc : p->b.doc;
        if (mydoc != d) continue;
        fprintf(w.f, "%s[%u,%u,%u,%u,%u,%u,%.3f,%u]", first ? "" : ",",
                me->start, me->end, otdoc, ot->start, ot->end, p->family,
                p->similarity, p->words);
        first = 0;
      }
    }
    putc(']', w.f);
    if (m->metas) {
      size_t len = doc->text ? doc->len : 0;
      if (len + 1 > maplen) {
        uint32_t *nm = realloc(map, (len + 1) * sizeof *nm);
        if (!nm) {
          free(map);
          fclose(w.f);
          return nomem(err);
        }
        map = nm;
        maplen = len + 1;
      }
      trace_u16_map(doc->text ? doc->text : "", len, map);
      write_doc_meta(m, &w, d, map, len);
    }
    putc('}', w.f);
  }
  free(map);
  fputs("]}", w.f);
  return jw_close(&w, err);
}

/* ------------------------------------------------ the folder, atomically */

static char *path_join(const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  char *s = malloc(na + nb + 2);
  if (!s) return NULL;
  memcpy(s, a, na);
  s[na] = '/';
  memcpy(s + na + 1, b, nb + 1);
  return s;
}

/* Remove a report folder that this module wrote (files and folders only
** one level deep below assets/ and data/). */
static void remove_tree(const char *dir) {
  DIR *dp = opendir(dir);
  struct dirent *de;
  if (dp) {
    while ((de = readdir(dp))) {
      char *p;
      struct stat st;
      if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
      if (!(p = path_join(dir, de->d_name))) break;
      if (!lstat(p, &st) && S_ISDIR(st.st_mode)) remove_tree(p);
      else unlink(p);
      free(p);
    }
    closedir(dp);
  }
  rmdir(dir);
}

/* dir may be replaced if it does not exist, is empty, or holds a report. */
static int check_target(const char *dir, int *exists, hs_error *err) {
  struct stat st;
  DIR *dp;
  struct dirent *de;
  int empty = 1;
  char *marker;
  *exists = 0;
  if (stat(dir, &st)) {
    if (errno == ENOENT) return HS_OK;
    return hs_error_set(err, HS_EIO, "%s: %s", dir, strerror(errno));
  }
  if (!S_ISDIR(st.st_mode))
    return hs_error_set(err, HS_EUSAGE, "%s: exists and is not a folder; "
                        "choose another -o DIR", dir);
  *exists = 1;
  if (!(marker = path_join(dir, TRACE_MARKER))) return nomem(err);
  if (!stat(marker, &st)) {
    free(marker);
    return HS_OK;
  }
  free(marker);
  if (!(dp = opendir(dir)))
    return hs_error_set(err, HS_EIO, "%s: %s", dir, strerror(errno));
  while ((de = readdir(dp)))
    if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) empty = 0;
  closedir(dp);
  if (!empty)
    return hs_error_set(err, HS_EUSAGE, "%s: folder exists and is not a "
                        "hearsay report; it is left alone: choose another "
                        "-o DIR or remove it", dir);
  return HS_OK;
}

/* A sibling of dir: "DIR.SUFFIX-XXXXXX" made by mkdtemp. */
static char *sibling_tmp(const char *dir, const char *suffix) {
  size_t n = strlen(dir), ns = strlen(suffix);
  char *s;
  while (n > 1 && dir[n - 1] == '/') n--;
  s = malloc(n + ns + 8);
  if (!s) return NULL;
  memcpy(s, dir, n);
  memcpy(s + n, suffix, ns);
  memcpy(s + n + ns, "-XXXXXX", 8);
  return s;
}

/* mkdir -p of dir's parent folders (not dir itself). */
static int make_parents(const char *dir, hs_error *err) {
  char *p = strdup(dir);
  size_t i, n;
  int rc = HS_OK;
  if (!p) return nomem(err);
  n = strlen(p);
  while (n > 1 && p[n - 1] == '/') p[--n] = 0;
  for (i = n; i > 0 && p[i - 1] != '/'; i--) continue;
  p[i] = 0; /* the parent, with its trailing slash */
  for (i = 1; p[i]; i++) {
    if (p[i] != '/') continue;
    p[i] = 0;
    if (mkdir(p, 0777) && errno != EEXIST)
      rc = hs_error_set(err, HS_EIO, "%s: cannot create: %s", p,
                        strerror(errno));
    p[i] = '/';
    if (rc) break;
  }
  free(p);
  return rc;
}

void hs_trace_opts_default(hs_trace_opts *o) {
  memset(o, 0, sizeof *o);
  o->shard_docs = 500;
}

static int cancelled(const hs_trace_opts *o, hs_error *err) {
  if (o->cancel && *o->cancel)
    return hs_error_set(err, HS_EINTR, "interrupted");
  return HS_OK;
}

static int write_all(const model *m, const char *tmp, const hs_trace_opts *o,
                     hs_error *err) {
  static const char *subdirs[] = {"assets", "data"};
  char *path = NULL, name[64];
  size_t s, nshards, per = o->shard_docs ? o->shard_docs : 500;
  int rc = HS_OK, i;
  const char *title = o->title ? o->title : "hearsay report";
  for (i = 0; i < 2; i++) {
    if (!(path = path_join(tmp, subdirs[i]))) return nomem(err);
    if (mkdir(path, 0777)) {
      rc = hs_error_set(err, HS_EIO, "%s: cannot create: %s", path,
                        strerror(errno));
      goto out;
    }
    free(path);
    path = NULL;
  }
#define FILE_AT(rel)                              \
  do {                                            \
    free(path);                                   \
    if (!(path = path_join(tmp, rel))) {          \
      rc = nomem(err);                            \
      goto out;                                   \
    }                                             \
  } while (0)
  FILE_AT("index.html");
  if ((rc = write_file_bytes(path, hs_trace_asset_html,
                             hs_trace_asset_html_len, err)))
    goto out;
  FILE_AT("assets/hearsay-report.js");
  if ((rc = write_file_bytes(path, hs_trace_asset_js, hs_trace_asset_js_len,
                             err)))
    goto out;
  FILE_AT("assets/hearsay-report.css");
  if ((rc = write_file_bytes(path, hs_trace_asset_css,
                             hs_trace_asset_css_len, err)))
    goto out;
  FILE_AT("data/meta.js");
  if ((rc = write_meta(m, path, title, per, err))) goto out;
  FILE_AT("data/families.js");
  if ((rc = write_families(m, path, err))) goto out;
  if (m->story) {
    FILE_AT("data/stories.js");
    if ((rc = hs_report_write_stories(path, m->story, err))) goto out;
    FILE_AT("data/claims.js");
    if ((rc = hs_report_write_claims(path, m->story, err))) goto out;
  }
  nshards = (m->ndocs + per - 1) / per;
  for (s = 0; s < nshards; s++) {
    if ((rc = cancelled(o, err))) goto out;
    snprintf(name, sizeof name, "data/docs-%04zu.js", s);
    FILE_AT(name);
    if ((rc = write_shard(m, path, s, per, err))) goto out;
  }
  FILE_AT(TRACE_MARKER);
  {
    static const char marker[] = "hearsay report, format 1; this folder is "
                                 "replaced by the next `hearsay trace -o`\n";
    rc = write_file_bytes(path, (const unsigned char *)marker,
                          sizeof marker - 1, err);
  }
#undef FILE_AT
out:
  free(path);
  return rc;
}

int hs_trace_write(const char *dir, const hs_corpus *c, const hs_passage *p,
                   size_t n, const hs_trace_opts *opts, hs_error *err) {
  model m;
  hs_trace_opts o;
  char *tmp = NULL, *old = NULL;
  int rc, exists = 0;
  if (opts) o = *opts;
  else hs_trace_opts_default(&o);
  memset(&m, 0, sizeof m);
  m.c = c;
  m.p = p;
  m.n = n;
  m.group = o.group;
  m.metas = o.metas;
  m.story = o.story;
  if (!dir || !*dir)
    return hs_error_set(err, HS_EUSAGE, "the report needs a folder name");
  if ((rc = check_target(dir, &exists, err))) return rc;
  if ((rc = make_parents(dir, err))) return rc;
  if ((rc = model_build(&m, err))) goto out;
  if ((rc = cancelled(&o, err))) goto out;
  if (!(tmp = sibling_tmp(dir, ".tmp"))) {
    rc = nomem(err);
    goto out;
  }
  if (!mkdtemp(tmp)) {
    rc = hs_error_set(err, HS_EIO, "%s: cannot create a folder beside it "
                      "(%s); does its parent folder exist?", dir,
                      strerror(errno));
    free(tmp);
    tmp = NULL;
    goto out;
  }
  chmod(tmp, 0755);
  if ((rc = write_all(&m, tmp, &o, err))) goto out;
  if ((rc = cancelled(&o, err))) goto out;
  if (exists) {
    if (!(old = sibling_tmp(dir, ".old")) || !mkdtemp(old)) {
      rc = old ? hs_error_set(err, HS_EIO, "%s: %s", dir, strerror(errno))
               : nomem(err);
      goto out;
    }
    rmdir(old);
    if (rename(dir, old)) {
      rc = hs_error_set(err, HS_EIO, "%s: cannot move the old report "
                        "aside: %s", dir, strerror(errno));
      goto out;
    }
  }
  if (rename(tmp, dir)) {
    rc = hs_error_set(err, HS_EIO, "%s: cannot rename the new report into "
                      "place: %s", dir, strerror(errno));
    if (old) rename(old, dir);
    goto out;
  }
  free(tmp);
  tmp = NULL;
  if (old) remove_tree(old);
out:
  if (tmp) remove_tree(tmp);
  free(tmp);
  free(old);
  model_free(&m);
  return rc;
}
