/*
** graph_write.c — the propagation graph written out: GraphViz DOT, GEXF
** 1.2 (the XML format Gephi and networkx read), JSON Lines, and the two reports built
** on it: `hearsay sources` (who is cited, who publishes first, who only
** copies) and `hearsay timeline` (documents and families in date order).
** Every format is documented in docs/sources.md.
*/
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "meta/meta_int.h"
#include "util/util.h"

static const char *kind_name(int k) {
  return k == HS_EDGE_REUSE ? "reuse" : k == HS_EDGE_REPUBLISH ? "republish"
                                                               : "cites";
}

static const char *node_kind_name(int k) {
  return k == HS_NODE_DOC ? "document" : k == HS_NODE_OUTLET ? "outlet"
                                                             : "source";
}

int hs_graph_format_parse(const char *name) {
  if (!name) return -1;
  if (!strcmp(name, "dot")) return HS_GRAPH_DOT;
  if (!strcmp(name, "gexf")) return HS_GRAPH_GEXF;
  if (!strcmp(name, "jsonl")) return HS_GRAPH_JSONL;
  return -1;
}

/* A DOT double-quoted string: escape " and \, newlines become spaces. */
static void dot_str(FILE *f, const char *s) {
  putc('"', f);
  for (; s && *s; s++) {
    if (*s == '"' || *s == '\\') putc('\\', f), putc(*s, f);
    else if (*s == '\n' || *s == '\r') putc(' ', f);
    else putc(*s, f);
  }
  putc('"', f);
}

static int check_io(FILE *f, hs_error *err) {
  if (ferror(f))
    return hs_error_set(err, HS_EIO, "cannot write the output (disk full or "
                                     "closed pipe?)");
  return HS_OK;
}

static void write_dot(FILE *f, const hs_graph *g) {
  size_t i;
  fputs("digraph hearsay {\n  rankdir=LR;\n", f);
  for (i = 0; i < g->nnodes; i++) {
    const hs_graph_node *n = &g->nodes[i];
    fprintf(f, "  n%zu [label=", i);
    dot_str(f, n->name);
    fprintf(f, ", shape=%s, kind=\"%s\"",
            n->kind == HS_NODE_DOC ? "note" : n->kind == HS_NODE_OUTLET
                                                  ? "box" : "ellipse",
            node_kind_name(n->kind));
    if (n->kind != HS_NODE_DOC)
      fprintf(f, ", type=\"%s\"", hs_source_type_name(n->type));
    if (n->date) {
      fputs(", date=", f);
      dot_str(f, n->date);
    }
    fputs("];\n", f);
  }
  for (i = 0; i < g->nedges; i++) {
    const hs_edge *e = &g->edges[i];
    fprintf(f, "  n%u -> n%u [kind=\"%s\", label=\"%s%s\"", e->from, e->to,
            kind_name(e->kind), kind_name(e->kind), e->count > 1 ? " x" : "");
    if (e->count > 1) fprintf(f, ", weight=%u", e->count);
    if (e->kind == HS_EDGE_CITES) fputs(", style=dashed", f);
    if (e->undated || e->tie) fputs(", color=gray", f);
    fputs("];\n", f);
  }
  fputs("}\n", f);
}

static void gexf_attvalue(FILE *f, const char *id, const char *v) {
  fprintf(f, "<attvalue for=\"%s\" value=\"", id);
  hs_xml_str(f, v);
  fputs("\"/>", f);
}

static void write_gexf(FILE *f, const hs_graph *g) {
  size_t i;
  char num[32];
  fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        /* GEXF 1.2: Gephi reads it, and networkx's read_gexf reads
        ** only 1.1 and 1.2 */
        "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://www.gexf.net/1.2draft "
        "http://www.gexf.net/1.2draft/gexf.xsd\" version=\"1.2\">\n"
        "  <meta><creator>hearsay " HS_VERSION "</creator>"
        "<description>propagation graph: reuse, republication and "
        "citation</description></meta>\n"
        "  <graph defaultedgetype=\"directed\" mode=\"static\">\n"
        "    <attributes class=\"node\">\n"
        "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
        "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
        "      <attribute id=\"date\" title=\"date\" type=\"string\"/>\n"
        "      <attribute id=\"outlet\" title=\"outlet\" type=\"string\"/>\n"
        "    </attributes>\n"
        "    <attributes class=\"edge\">\n"
        "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n"
        "      <attribute id=\"count\" title=\"count\" type=\"integer\"/>\n"
        "      <attribute id=\"words\" title=\"words\" type=\"integer\"/>\n"
        "      <attribute id=\"undated\" title=\"undated\" type=\"boolean\"/>\n"
        "      <attribute id=\"tie\" title=\"tie\" type=\"boolean\"/>\n"
        "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n"
        "    </attributes>\n"
        "    <nodes>\n",
        f);
  for (i = 0; i < g->nnodes; i++) {
    const hs_graph_node *n = &g->nodes[i];
    fprintf(f, "      <node id=\"%zu\" label=\"", i);
    hs_xml_str(f, n->name);
    fputs("\"><attvalues>", f);
    gexf_attvalue(f, "kind", node_kind_name(n->kind));
    if (n->kind != HS_NODE_DOC)
      gexf_attvalue(f, "type", hs_source_type_name(n->type));
    if (n->date) gexf_attvalue(f, "date", n->date);
    if (n->kind == HS_NODE_DOC && n->outlet < g->nnodes)
      gexf_attvalue(f, "outlet", g->nodes[n->outlet].name);
    fputs("</attvalues></node>\n", f);
  }
  fputs("    </nodes>\n    <edges>\n", f);
  for (i = 0; i < g->nedges; i++) {
    const hs_edge *e = &g->edges[i];
    char ev[96];
    fprintf(f, "      <edge id=\"%zu\" source=\"%u\" target=\"%u\" "
               "weight=\"%u\" label=\"%s\"><attvalues>",
            i, e->from, e->to, e->count, kind_name(e->kind));
    gexf_attvalue(f, "kind", kind_name(e->kind));
    snprintf(num, sizeof num, "%u", e->count);
    gexf_attvalue(f, "count", num);
    snprintf(num, sizeof num, "%u", e->words);
    gexf_attvalue(f, "words", num);
    gexf_attvalue(f, "undated", e->undated ? "true" : "false");
    gexf_attvalue(f, "tie", e->tie ? "true" : "false");
    if (e->doc != UINT32_MAX) {
      snprintf(ev, sizeof ev, "%u-%u/%u-%u", e->a_start, e->a_end, e->b_start,
               e->b_end);
      gexf_attvalue(f, "evidence", ev);
    }
    fputs("</attvalues></edge>\n", f);
  }
  fputs("    </edges>\n  </graph>\n</gexf>\n", f);
}

static void write_jsonl(FILE *f, const hs_graph *g) {
  size_t i;
  for (i = 0; i < g->nnodes; i++) {
    const hs_graph_node *n = &g->nodes[i];
    fprintf(f, "{\"node\":%zu,\"name\":", i);
    hs_json_str(f, n->name);
    fprintf(f, ",\"kind\":\"%s\"", node_kind_name(n->kind));
    if (n->kind != HS_NODE_DOC)
      fprintf(f, ",\"type\":\"%s\"", hs_source_type_name(n->type));
    else {
      fputs(",\"date\":", f);
      hs_json_str(f, n->date);
      fputs(",\"outlet\":", f);
      hs_json_str(f, n->outlet == UINT32_MAX ? NULL : g->nodes[n->outlet].name);
    }
    fputs("}\n", f);
  }
  for (i = 0; i < g->nedges; i++) {
    const hs_edge *e = &g->edges[i];
    fprintf(f, "{\"edge\":%zu,\"kind\":\"%s\",\"from\":%u,\"to\":%u,"
               "\"from_name\":",
            i, kind_name(e->kind), e->from, e->to);
    hs_json_str(f, g->nodes[e->from].name);
    fputs(",\"to_name\":", f);
    hs_json_str(f, g->nodes[e->to].name);
    fprintf(f, ",\"count\":%u,\"undated\":%s,\"tie\":%s", e->count,
            e->undated ? "true" : "false", e->tie ? "true" : "false");
    if (e->family != UINT32_MAX) fprintf(f, ",\"family\":%u", e->family);
    if (e->doc != UINT32_MAX) {
      fputs(",\"evidence\":{\"doc\":", f);
      hs_json_str(f, g->nodes[e->doc].name);
      if (e->kind == HS_EDGE_CITES)
        fprintf(f, ",\"source_span\":[%u,%u],\"content_span\":[%u,%u]}",
                e->a_start, e->a_end, e->b_start, e->b_end);
      else
        fprintf(f, ",\"from_span\":[%u,%u],\"to_span\":[%u,%u],\"words\":%u}",
                e->a_start, e->a_end, e->b_start, e->b_end, e->words);
    } else if (e->words) {
      fprintf(f, ",\"words\":%u", e->words);
    }
    fputs("}\n", f);
  }
}

int hs_graph_write(FILE *f, int format, const hs_graph *g, hs_error *err) {
  if (format == HS_GRAPH_DOT) write_dot(f, g);
  else if (format == HS_GRAPH_GEXF) write_gexf(f, g);
  else write_jsonl(f, g);
  return check_io(f, err);
}

/* ------------------------------------------------------------ sources */

typedef struct tally {
  uint32_t node;
  uint32_t n, m; /* n: main count, m: second count */
} tally;

static int tally_cmp(const void *x, const void *y) {
  const tally *a = x, *b = y;
  if (a->n != b->n) return a->n > b->n ? -1 : 1;
  return (a->node > b->node) - (a->node < b->node);
}

static uint32_t outlet_of(const hs_graph *g, uint32_t node) {
  return g->nodes[node].kind == HS_NODE_DOC ? g->nodes[node].outlet : node;
}

int hs_sources_write(FILE *f, int format, const hs_graph *g, hs_error *err) {
  tally *cited = hs_calloc(g->nnodes + 1, sizeof *cited);
  tally *first = hs_calloc(g->nnodes + 1, sizeof *first);
  uint32_t *copies = hs_calloc(g->nnodes + 1, sizeof *copies);
  size_t i, nc = 0, nf = 0;
  int json = format == HS_FORMAT_JSONL;
  for (i = 0; i < g->nnodes; i++) {
    cited[i].node = first[i].node = (uint32_t)i;
  }
  for (i = 0; i < g->nedges; i++) {
    const hs_edge *e = &g->edges[i];
    if (e->doc == UINT32_MAX) continue; /* outlet sums */
    if (e->kind == HS_EDGE_CITES) cited[e->to].n++;
  }
  /* first publisher per family, and copies made by each outlet */
  for (i = 0; i < g->nfamilies; i++) {
    uint32_t o;
    if (g->families[i].first == UINT32_MAX) continue;
    o = outlet_of(g, g->families[i].first);
    if (o != UINT32_MAX) first[o].n++;
  }
  for (i = 0; i < g->nedges; i++) {
    const hs_edge *e = &g->edges[i];
    uint32_t o;
    if (e->doc == UINT32_MAX || e->kind == HS_EDGE_CITES) continue;
    o = outlet_of(g, e->to);
    if (o != UINT32_MAX) copies[o]++;
  }
  for (i = 0; i < g->nnodes; i++) {
    if (cited[i].n) cited[nc++] = cited[i];
  }
  for (i = 0; i < g->nnodes; i++) {
    if (g->nodes[i].kind != HS_NODE_DOC && (first[i].n || copies[i])) {
      first[nf] = first[i];
      first[nf].m = copies[i];
      nf++;
    }
  }
  qsort(cited, nc, sizeof *cited, tally_cmp);
  qsort(first, nf, sizeof *first, tally_cmp);
  if (json) {
    for (i = 0; i < nc; i++) {
      fputs("{\"section\":\"cited\",\"source\":", f);
      hs_json_str(f, g->nodes[cited[i].node].name);
      fprintf(f, ",\"type\":\"%s\",\"citations\":%u}\n",
              hs_source_type_name(g->nodes[cited[i].node].type), cited[i].n);
    }
    for (i = 0; i < nf; i++) {
      fputs("{\"section\":\"outlets\",\"outlet\":", f);
      hs_json_str(f, g->nodes[first[i].node].name);
      fprintf(f, ",\"type\":\"%s\",\"first_in_families\":%u,"
                 "\"copies\":%u,\"only_copies\":%s}\n",
              hs_source_type_name(g->nodes[first[i].node].type), first[i].n,
              first[i].m, first[i].n == 0 && first[i].m ? "true" : "false");
    }
    for (i = 0; i < g->nfamilies; i++) {
      const hs_graph_family *fm = &g->families[i];
      uint32_t o;
      if (fm->first == UINT32_MAX) continue;
      o = outlet_of(g, fm->first);
      fprintf(f, "{\"section\":\"families\",\"family\":%zu,\"documents\":%u,"
                 "\"first_doc\":", i, fm->ndocs);
      hs_json_str(f, g->nodes[fm->first].name);
      fputs(",\"first_outlet\":", f);
      hs_json_str(f, o == UINT32_MAX ? NULL : g->nodes[o].name);
      fputs(",\"first_type\":", f);
      hs_json_str(f, o == UINT32_MAX ? NULL
                                     : hs_source_type_name(g->nodes[o].type));
      fputs(",\"date\":", f);
      hs_json_str(f, g->nodes[fm->first].date);
      fprintf(f, ",\"tie\":%s,\"undated\":%s}\n", fm->tie ? "true" : "false",
              fm->undated ? "true" : "false");
    }
  } else {
    fputs("Most-cited sources\n", f);
    for (i = 0; i < nc && i < 30; i++)
      fprintf(f, "  %6u  %s (%s)\n", cited[i].n, g->nodes[cited[i].node].name,
              hs_source_type_name(g->nodes[cited[i].node].type));
    if (!nc) fputs("  (none)\n", f);
    fputs("\nFirst publishers (families first published, copies made)\n", f);
    for (i = 0; i < nf; i++)
      if (first[i].n)
        fprintf(f, "  %6u first  %6u copies  %s (%s)\n", first[i].n,
                first[i].m, g->nodes[first[i].node].name,
                hs_source_type_name(g->nodes[first[i].node].type));
    fputs("\nOutlets that only copy\n", f);
    {
      int any = 0;
      for (i = 0; i < nf; i++)
        if (!first[i].n && first[i].m) {
          fprintf(f, "  %6u copies  %s\n", first[i].m,
                  g->nodes[first[i].node].name);
          any = 1;
        }
      if (!any) fputs("  (none)\n", f);
    }
  }
  free(cited);
  free(first);
  free(copies);
  return check_io(f, err);
}

/* ------------------------------------------------------------ timeline */

typedef struct tl {
  const char *date;
  uint32_t node;
  int is_family;
} tl;

static int tl_cmp(const void *x, const void *y) {
  const tl *a = x, *b = y;
  if (!a->date != !b->date) return a->date ? -1 : 1; /* undated last */
  if (a->date && b->date) {
    int c = strcmp(a->date, b->date);
    if (c) return c;
  }
  if (a->is_family != b->is_family) return a->is_family ? -1 : 1;
  return (a->node > b->node) - (a->node < b->node);
}

int hs_timeline_write(FILE *f, int format, const hs_graph *g,
                      const hs_passage *p, size_t np, hs_error *err) {
  size_t i, n = 0, nd = 0;
  tl *v;
  /* family list per document: first family only (the earliest id) */
  uint32_t *fam;
  for (i = 0; i < g->nnodes; i++) nd += g->nodes[i].kind == HS_NODE_DOC;
  v = hs_calloc(nd + g->nfamilies + 1, sizeof *v);
  fam = hs_malloc((nd + 1) * sizeof *fam);
  for (i = 0; i < nd; i++) fam[i] = UINT32_MAX;
  for (i = 0; i < np; i++) {
    if (p[i].internal) continue;
    if (p[i].a.doc < nd && p[i].family < fam[p[i].a.doc])
      fam[p[i].a.doc] = p[i].family;
    if (p[i].b.doc < nd && p[i].family < fam[p[i].b.doc])
      fam[p[i].b.doc] = p[i].family;
  }
  for (i = 0; i < g->nnodes; i++)
    if (g->nodes[i].kind == HS_NODE_DOC) {
      v[n].date = g->nodes[i].date;
      v[n].node = (uint32_t)i;
      n++;
    }
  for (i = 0; i < g->nfamilies; i++)
    if (g->families[i].first != UINT32_MAX) {
      v[n].date = g->nodes[g->families[i].first].date;
      v[n].node = (uint32_t)i;
      v[n].is_family = 1;
      n++;
    }
  qsort(v, n, sizeof *v, tl_cmp);
  for (i = 0; i < n; i++) {
    if (v[i].is_family) {
      const hs_graph_family *fm = &g->families[v[i].node];
      const hs_graph_node *d = &g->nodes[fm->first];
      const char *o = d->outlet == UINT32_MAX ? NULL : g->nodes[d->outlet].name;
      if (format == HS_FORMAT_JSONL) {
        fprintf(f, "{\"date\":");
        hs_json_str(f, v[i].date);
        fprintf(f, ",\"family\":%u,\"documents\":%u,\"first_doc\":", v[i].node,
                fm->ndocs);
        hs_json_str(f, d->name);
        fputs(",\"first_outlet\":", f);
        hs_json_str(f, o);
        fprintf(f, ",\"tie\":%s}\n", fm->tie ? "true" : "false");
      } else {
        fprintf(f, "%-10s  family %u: %u documents, first %s%s%s%s\n",
                v[i].date ? v[i].date : "undated", v[i].node, fm->ndocs,
                d->name, o ? " (" : "", o ? o : "", o ? ")" : "");
      }
    } else {
      const hs_graph_node *d = &g->nodes[v[i].node];
      const char *o = d->outlet == UINT32_MAX ? NULL : g->nodes[d->outlet].name;
      uint32_t fm = d->doc < nd ? fam[d->doc] : UINT32_MAX;
      if (format == HS_FORMAT_JSONL) {
        fputs("{\"date\":", f);
        hs_json_str(f, v[i].date);
        fputs(",\"doc\":", f);
        hs_json_str(f, d->name);
        fputs(",\"outlet\":", f);
        hs_json_str(f, o);
        if (fm != UINT32_MAX) fprintf(f, ",\"family\":%u}\n", fm);
        else fputs(",\"family\":null}\n", f);
      } else {
        fprintf(f, "%-10s    %s%s%s%s", v[i].date ? v[i].date : "undated",
                d->name, o ? " (" : "", o ? o : "", o ? ")" : "");
        if (fm != UINT32_MAX) fprintf(f, " family %u", fm);
        putc('\n', f);
      }
    }
  }
  free(v);
  free(fam);
  return check_io(f, err);
}
