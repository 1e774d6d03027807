/*
** trace_data.c — the data files of the HTML report (data/meta.js,
** families.js, docs-NNNN.js): JavaScript files that push one JSON object
** each onto the global HS_DATA array, because a page opened from file://
** may not fetch() local JSON but may load <script src> files.  Every
** string is escaped for JSON and, in addition, '<', '>', '&', U+2028 and
** U+2029 are written as \u escapes so that no text can close the script
** or break the parse.  The format is documented in docs/report.md; fields
** are only ever added.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/trace_int.h"

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

/* ------------------------------------------------------------- writing */

int hs_trace_write_file_bytes(const char *path, const unsigned char *data,
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

/* meta.js, or with `only` the head (head.js): the same members, but
** `docs` an object holding the rows of the documents marked in only. */
static int write_meta(const model *m, const char *path, const char *title,
                      size_t shard_docs, const uint8_t *only,
                      hs_error *err) {
  jw w;
  size_t d, i;
  int rc, o, any = 0;
  char dmin[11] = "", dmax[11] = "";
  if ((rc = jw_open(&w, path, err))) return rc;
  for (d = 0; d < m->ndocs; d++) {
    const char *dt = m->docs[d].date;
    if (!dt[0]) continue;
    if (!dmin[0] || strcmp(dt, dmin) < 0) memcpy(dmin, dt, 11);
    if (!dmax[0] || strcmp(dt, dmax) > 0) memcpy(dmax, dt, 11);
  }
  fprintf(w.f, "{\"kind\":\"%s\",\"format\":1,\"generator\":",
          only ? "head" : "meta");
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
        "\"text_outlet\"],\"docs\":",
        w.f);
  putc(only ? '{' : '[', w.f);
  for (d = 0; d < m->ndocs; d++) {
    const hs_doc *doc = hs_corpus_doc(m->c, d);
    if (only && !only[d]) continue;
    if (only) fprintf(w.f, "%s\"%zu\":[", any ? ",\n" : "\n", d);
    else fputs(d ? ",\n[" : "\n[", w.f);
    any = 1;
    jw_str(&w, doc->id);
    fprintf(w.f, ",%d,", m->docs[d].outlet);
    jw_str(&w, m->docs[d].date);
    putc(',', w.f);
    if (doc->title && *doc->title) {
      jw_str(&w, doc->title);
    } else if (m->metas && m->metas[d].title.value) {
      jw_str(&w, m->metas[d].title.value); /* the page's headline */
    } else {
      size_t ts, tn;
      hs_trace_first_line(doc, &ts, &tn);
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
  fputs(only ? "},\"top_families\":[" : "],\"top_families\":[", w.f);
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

int hs_trace_write_meta(const model *m, const char *path, const char *title,
                        size_t shard_docs, hs_error *err) {
  return write_meta(m, path, title, shard_docs, NULL, err);
}

int hs_trace_write_head(const model *m, const char *path, const char *title,
                        size_t shard_docs, size_t nstories, hs_error *err) {
  uint8_t *only = calloc(m->ndocs + 1, 1);
  size_t i, j;
  int rc;
  if (!only) return nomem(err);
  for (i = 0; i < m->nfamilies && i < 12; i++)
    only[m->mem[family_first(m, m->fam_order[i])].doc] = 1;
  for (i = 0; m->story && i < m->story->nstories && i < nstories; i++) {
    const hs_pstory *st = &m->story->stories[i];
    only[st->first.doc] = 1;
    for (j = 0; j < st->ndocs; j++) only[st->docs[j]] = 1;
    for (j = 0; j < st->nlinks; j++) {
      only[m->story->links[st->links[j]].from] = 1;
      only[m->story->links[st->links[j]].to] = 1;
    }
  }
  rc = write_meta(m, path, title, shard_docs, only, err);
  free(only);
  return rc;
}

/* All families, biggest first. */
int hs_trace_write_families(const model *m, const char *path, hs_error *err) {
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

int hs_trace_write_shard(const model *m, const char *path, size_t s,
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
      hs_trace_u16_map(doc->text ? doc->text : "", len, map);
      write_doc_meta(m, &w, d, map, len);
    }
    putc('}', w.f);
  }
  free(map);
  fputs("]}", w.f);
  return jw_close(&w, err);
}
