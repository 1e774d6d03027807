/*
** write.c — the story model written out: the story list (`hearsay
** stories`), one story's dated chain (`hearsay story N`) and the
** document- or outlet-level graph (`hearsay graph --level`), as text for
** a terminal, JSON Lines for programs, DOT for GraphViz.  Field names
** are documented in docs/story.md; they only grow.
*/
#include <stdlib.h>
#include <string.h>

#include "story/story.h"

/* One line, cut at about max bytes on a character boundary. */
static void put_flat(FILE *f, const char *s, size_t max) {
  size_t n = 0;
  for (; s && *s && (n < max || ((unsigned char)*s & 0xC0) == 0x80); s++, n++)
    putc(*s == '\n' || *s == '\t' || *s == '\r' ? ' ' : *s, f);
  if (s && *s) fputs("...", f);
}

static void json_doc(FILE *f, const hs_provenance *pv, uint32_t d) {
  const hs_pdoc *x = &pv->docs[d];
  fputs("{\"doc\":", f);
  hs_json_str(f, x->id);
  fputs(",\"date\":", f);
  hs_json_str(f, x->date);
  fprintf(f, ",\"date_source\":\"%s\",\"date_confidence\":%.2f,\"outlet\":",
          hs_date_source_name(x->date_source), x->date_confidence);
  hs_json_str(f, x->outlet);
  fputs(",\"headline\":", f);
  hs_json_str(f, x->headline);
  fprintf(f, ",\"denial\":%s}", x->denial ? "true" : "false");
}

/* "first": the document with its evidence, ties and runners-up. */
static void json_first(FILE *f, const hs_provenance *pv, const hs_first *fi) {
  size_t k;
  const hs_pdoc *x;
  if (fi->doc == UINT32_MAX) {
    fputs("null", f);
    return;
  }
  x = &pv->docs[fi->doc];
  fputs("{\"doc\":", f);
  hs_json_str(f, x->id);
  fputs(",\"date\":", f);
  hs_json_str(f, x->date);
  fputs(",\"outlet\":", f);
  hs_json_str(f, x->outlet);
  fputs(",\"headline\":", f);
  hs_json_str(f, x->headline);
  fprintf(f, ",\"evidence\":{\"date_source\":\"%s\",\"confidence\":%.2f",
          hs_date_source_name(x->date_source), x->date_confidence);
  if (x->date_source == HS_DATE_TEXT)
    fprintf(f, ",\"start\":%u,\"end\":%u", x->date_start, x->date_end);
  fprintf(f, "},\"tie\":%s,\"undated\":%s,\"runners_up\":[",
          fi->tie ? "true" : "false", fi->undated ? "true" : "false");
  for (k = 0; k < fi->nrunners; k++) {
    if (k) putc(',', f);
    json_doc(f, pv, fi->runners[k]);
  }
  fputs("]}", f);
}

static void json_claims(FILE *f, const hs_pstory *s) {
  size_t j;
  putc('[', f);
  for (j = 0; j < s->nclaims; j++) {
    fprintf(f, "%s{\"documents\":%zu,\"doc\":", j ? "," : "", s->claims[j].docs);
    hs_json_str(f, s->claims[j].name);
    fprintf(f, ",\"start\":%u,\"end\":%u,\"text\":", s->claims[j].start,
            s->claims[j].end);
    hs_json_str(f, s->claims[j].text);
    putc('}', f);
  }
  putc(']', f);
}

static void json_edge(FILE *f, const hs_provenance *pv, const hs_plink *l) {
  fprintf(f, "{\"type\":\"edge\",\"level\":\"doc\",\"kind\":\"%s\",\"from\":",
          hs_link_kind_name(l->kind));
  hs_json_str(f, pv->docs[l->from].id);
  fputs(",\"to\":", f);
  hs_json_str(f, pv->docs[l->to].id);
  fputs(",\"from_date\":", f);
  hs_json_str(f, pv->docs[l->from].date);
  fputs(",\"to_date\":", f);
  hs_json_str(f, pv->docs[l->to].date);
  fprintf(f, ",\"order\":\"%s\"",
          l->undated ? "undated" : l->tie ? "tie" : "dated");
  if (l->kind == HS_LINK_CITATION) {
    fputs(",\"cited\":", f);
    hs_json_str(f, l->cited);
    fprintf(f, ",\"to_start\":%u,\"to_end\":%u}\n", l->b_start, l->b_end);
    return;
  }
  fprintf(f, ",\"passages\":%u,\"words\":%u,\"similarity\":%.3f,"
             "\"cover\":%.3f,\"from_start\":%u,\"from_end\":%u,"
             "\"to_start\":%u,\"to_end\":%u",
          l->passages, l->words, l->similarity, l->cover, l->a_start,
          l->a_end, l->b_start, l->b_end);
  if (l->family != UINT32_MAX) fprintf(f, ",\"family\":%u", l->family);
  if (l->kind == HS_LINK_PARAPHRASE) {
    fputs(",\"from_text\":", f);
    hs_json_str(f, l->a_text);
    fputs(",\"to_text\":", f);
    hs_json_str(f, l->b_text);
    fprintf(f, ",\"changes\":%s", l->changes ? l->changes : "[]");
  }
  fputs("}\n", f);
}

static void count_kinds(const hs_provenance *pv, const hs_pstory *s,
                        unsigned *k) {
  size_t j;
  memset(k, 0, 4 * sizeof *k);
  for (j = 0; j < s->nlinks; j++) k[pv->links[s->links[j]].kind]++;
}

int hs_stories_write(FILE *f, int format, const hs_provenance *pv,
                     size_t limit, hs_error *err) {
  size_t i, j, n = limit && limit < pv->nstories ? limit : pv->nstories;
  for (i = 0; i < n; i++) {
    const hs_pstory *s = &pv->stories[i];
    unsigned k[4];
    count_kinds(pv, s, k);
    if (format == HS_FORMAT_JSONL) {
      fprintf(f, "{\"story\":%zu,\"documents\":%zu,\"first\":", i + 1,
              s->ndocs);
      json_first(f, pv, &s->first);
      fputs(",\"date_from\":", f);
      hs_json_str(f, s->date_from);
      fputs(",\"date_to\":", f);
      hs_json_str(f, s->date_to);
      fputs(",\"outlets\":[", f);
      for (j = 0; j < s->noutlets; j++) {
        if (j) putc(',', f);
        hs_json_str(f, s->outlets[j]);
      }
      fputs("],\"docs\":[", f);
      for (j = 0; j < s->ndocs; j++) {
        if (j) putc(',', f);
        hs_json_str(f, pv->docs[s->docs[j]].id);
      }
      fputs("],\"doc_info\":[", f);
      for (j = 0; j < s->ndocs; j++) {
        if (j) putc(',', f);
        json_doc(f, pv, s->docs[j]);
      }
      fprintf(f, "],\"edges\":{\"reuse\":%u,\"republication\":%u,"
                 "\"paraphrase\":%u,\"citation\":%u},\"claims\":",
              k[0], k[1], k[2], k[3]);
      json_claims(f, s);
      fputs("}\n", f);
    } else {
      const hs_pdoc *fd = s->first.doc != UINT32_MAX ? &pv->docs[s->first.doc] : NULL;
      fprintf(f, "story %zu: %zu documents, %zu outlets, %s .. %s\n", i + 1,
              s->ndocs, s->noutlets, s->date_from ? s->date_from : "undated",
              s->date_to ? s->date_to : "undated");
      if (fd)
        fprintf(f, "  first: %s%s %s  %s%s%s\n", fd->date ? fd->date : "undated",
                fd->date_source >= HS_DATE_TEXT ? "*" : "",
                fd->outlet ? fd->outlet : "-", fd->id,
                s->first.tie ? "  (tie: same date as another)" : "",
                s->first.undated ? "  (no document is dated)" : "");
      fputs("  outlets:", f);
      for (j = 0; j < s->noutlets; j++) fprintf(f, "%s %s", j ? "," : "", s->outlets[j]);
      fprintf(f, "\n  edges: %u reuse, %u republication, %u paraphrase, "
                 "%u citation\n", k[0], k[1], k[2], k[3]);
      for (j = 0; j < s->ndocs; j++) {
        const hs_pdoc *d = &pv->docs[s->docs[j]];
        fprintf(f, "  %-10s%s %-20s ", d->date ? d->date : "undated",
                d->date_source >= HS_DATE_TEXT ? "*" : " ",
                d->outlet ? d->outlet : "-");
        put_flat(f, d->headline ? d->headline : d->id, 70);
        fprintf(f, "  [%s]\n", d->id);
      }
      for (j = 0; j < s->nclaims; j++) {
        fprintf(f, "  claim (%zu docs): ", s->claims[j].docs);
        put_flat(f, s->claims[j].text, 160);
        putc('\n', f);
      }
    }
  }
  if (format != HS_FORMAT_JSONL && pv->nstories &&
      (size_t)pv->nstories > n)
    fprintf(f, "(%zu more stories)\n", pv->nstories - n);
  if (format != HS_FORMAT_JSONL)
    fputs("* date found in the text or the file name, not in the metadata\n", f);
  if (fflush(f) || ferror(f))
    return hs_error_set(err, HS_EIO, "cannot write the output");
  return HS_OK;
}

static void text_change(FILE *f, const char *changes) {
  /* the JSON array, shown as is but on one line */
  if (changes) fprintf(f, "      changed: %s\n", changes);
}

int hs_story_write(FILE *f, int format, const hs_provenance *pv, size_t n,
                   hs_error *err) {
  const hs_pstory *s;
  size_t j, k;
  if (n < 1 || n > pv->nstories)
    return hs_error_set(err, HS_EUSAGE, "no story %zu: there are %zu (see "
                        "'hearsay stories')", n, pv->nstories);
  s = &pv->stories[n - 1];
  if (format == HS_FORMAT_JSONL) {
    fprintf(f, "{\"type\":\"story\",\"story\":%zu,\"documents\":%zu,"
               "\"first\":", n, s->ndocs);
    json_first(f, pv, &s->first);
    fputs(",\"date_from\":", f);
    hs_json_str(f, s->date_from);
    fputs(",\"date_to\":", f);
    hs_json_str(f, s->date_to);
    fputs(",\"claims\":", f);
    json_claims(f, s);
    fputs("}\n", f);
    for (j = 0; j < s->ndocs; j++) {
      fputs("{\"type\":\"node\",\"level\":\"doc\",\"node\":", f);
      json_doc(f, pv, s->docs[j]);
      fprintf(f, ",\"first\":%s}\n", s->docs[j] == s->first.doc ? "true" : "false");
    }
    for (j = 0; j < s->nlinks; j++) json_edge(f, pv, &pv->links[s->links[j]]);
  } else {
    const hs_pdoc *fd = s->first.doc != UINT32_MAX ? &pv->docs[s->first.doc] : NULL;
    fprintf(f, "story %zu: %zu documents, %zu outlets, %s .. %s\n", n,
            s->ndocs, s->noutlets, s->date_from ? s->date_from : "undated",
            s->date_to ? s->date_to : "undated");
    if (fd) {
      fprintf(f, "first published by %s on %s (date from %s, confidence "
                 "%.2f)%s\n", fd->outlet ? fd->outlet : fd->id,
              fd->date ? fd->date : "an unknown date",
              hs_date_source_name(fd->date_source), fd->date_confidence,
              s->first.tie ? "; another document has the same date (tie)" : "");
      for (k = 0; k < s->first.nrunners; k++) {
        const hs_pdoc *r = &pv->docs[s->first.runners[k]];
        fprintf(f, "  runner-up: %s %s %s\n", r->date ? r->date : "undated",
                r->outlet ? r->outlet : "-", r->id);
      }
    }
    for (j = 0; j < s->ndocs; j++) {
      uint32_t d = s->docs[j];
      const hs_pdoc *x = &pv->docs[d];
      fprintf(f, "\n%s%s  %s  ", x->date ? x->date : "undated",
              x->date_source >= HS_DATE_TEXT ? "*" : "",
              x->outlet ? x->outlet : "-");
      put_flat(f, x->headline ? x->headline : "", 90);
      fprintf(f, "\n  [%s]%s%s\n", x->id, d == s->first.doc ? "  FIRST" : "",
              x->denial ? "  DENIAL" : "");
      for (k = 0; k < s->nlinks; k++) {
        const hs_plink *l = &pv->links[s->links[k]];
        const hs_pdoc *o = &pv->docs[l->from];
        if (l->to != d) continue;
        fprintf(f, "    <- %s from %s %s%s", hs_link_kind_name(l->kind),
                o->outlet ? o->outlet : "-", o->id,
                l->tie ? " (same date: order unknown)"
                : l->undated ? " (undated: order unknown)" : "");
        if (l->kind == HS_LINK_CITATION) {
          fprintf(f, ": cites %s\n", l->cited ? l->cited : "?");
        } else if (l->kind == HS_LINK_PARAPHRASE) {
          fprintf(f, ": similarity %.2f\n      \"", l->similarity);
          put_flat(f, l->a_text, 140);
          fputs("\"\n      \"", f);
          put_flat(f, l->b_text, 140);
          fputs("\"\n", f);
          text_change(f, l->changes);
        } else {
          fprintf(f, ": %u passage%s, %u words, similarity %.2f, %.0f%% of "
                     "this document\n", l->passages, l->passages == 1 ? "" : "s",
                  l->words, l->similarity, 100 * l->cover);
        }
      }
    }
    fputs("\n* date found in the text or the file name, not in the metadata\n", f);
  }
  if (fflush(f) || ferror(f))
    return hs_error_set(err, HS_EIO, "cannot write the output");
  return HS_OK;
}

/* ------------------------------------------------------------ graph */

static long outlet_ix(char ***names, size_t *n, const char *o) {
  size_t i;
  const char *k = o ? o : "(no outlet)";
  for (i = 0; i < *n; i++)
    if (!strcmp((*names)[i], k)) return (long)i;
  *names = hs_reallocarray(*names, *n + 1, sizeof **names);
  (*names)[*n] = hs_strdup(k);
  return (long)(*n)++;
}

int hs_provenance_graph_write(FILE *f, int format, int level, unsigned mask,
                              const hs_provenance *pv, hs_error *err) {
  size_t i, j;
  int dot = format == HS_GRAPH_DOT;
  if (format != HS_GRAPH_DOT && format != HS_GRAPH_JSONL)
    return hs_error_set(err, HS_EUSAGE, "graph --level writes jsonl or dot");
  if (dot) fputs("digraph hearsay {\n  rankdir=LR;\n", f);
  if (level == 0) {
    /* documents in a story, grouped by outlet in DOT */
    char **on = NULL;
    size_t no = 0;
    for (i = 0; i < pv->ndocs; i++) {
      const hs_pdoc *d = &pv->docs[i];
      if (d->story == UINT32_MAX) continue;
      if (dot) {
        long o = outlet_ix(&on, &no, d->outlet);
        fprintf(f, "  subgraph \"cluster_%ld\" { label=", o);
        hs_json_str(f, on[o]);
        fputs("; ", f);
        hs_json_str(f, d->id);
        fputs(" [label=", f);
        {
          size_t len = strlen(d->headline ? d->headline : d->id);
          char *lab = malloc(len + 40);
          if (lab) {
            snprintf(lab, len + 40, "%s%s\\n%s", d->date ? d->date : "undated",
                     d->date_source >= HS_DATE_TEXT ? "*" : "",
                     d->headline ? d->headline : d->id);
            hs_json_str(f, lab);
            free(lab);
          }
        }
        fputs("]; }\n", f);
      } else {
        fprintf(f, "{\"type\":\"node\",\"level\":\"doc\",\"id\":");
        hs_json_str(f, d->id);
        fputs(",\"outlet\":", f);
        hs_json_str(f, d->outlet);
        fputs(",\"date\":", f);
        hs_json_str(f, d->date);
        fprintf(f, ",\"date_source\":\"%s\",\"headline\":",
                hs_date_source_name(d->date_source));
        hs_json_str(f, d->headline);
        fprintf(f, ",\"story\":%u,\"first\":%s}\n", d->story + 1,
                pv->stories[d->story].first.doc == i ? "true" : "false");
      }
    }
    for (i = 0; i < no; i++) free(on[i]);
    free(on);
    for (i = 0; i < pv->nlinks; i++) {
      const hs_plink *l = &pv->links[i];
      if (!(mask & (1u << l->kind))) continue;
      if (dot) {
        fputs("  ", f);
        hs_json_str(f, pv->docs[l->from].id);
        fputs(" -> ", f);
        hs_json_str(f, pv->docs[l->to].id);
        fprintf(f, " [label=\"%s\"%s];\n", hs_link_kind_name(l->kind),
                l->tie || l->undated ? ", style=dashed" : "");
      } else {
        json_edge(f, pv, l);
      }
    }
  } else {
    /* outlets: document edges summed per (kind, from outlet, to outlet) */
    char **on = NULL;
    size_t no = 0;
    unsigned *cnt;
    uint32_t *firsts;
    for (i = 0; i < pv->ndocs; i++)
      if (pv->docs[i].story != UINT32_MAX) outlet_ix(&on, &no, pv->docs[i].outlet);
    cnt = hs_calloc(4 * no * no + 1, sizeof *cnt);
    firsts = hs_calloc(no + 1, sizeof *firsts);
    for (i = 0; i < pv->nstories; i++)
      if (pv->stories[i].first.doc != UINT32_MAX)
        firsts[outlet_ix(&on, &no, pv->docs[pv->stories[i].first.doc].outlet)]++;
    for (i = 0; i < pv->nlinks; i++) {
      const hs_plink *l = &pv->links[i];
      long a = outlet_ix(&on, &no, pv->docs[l->from].outlet);
      long b = outlet_ix(&on, &no, pv->docs[l->to].outlet);
      if ((mask & (1u << l->kind)) && a != b)
        cnt[((size_t)l->kind * no + (size_t)a) * no + (size_t)b]++;
    }
    for (i = 0; i < no; i++) {
      if (dot) {
        fputs("  ", f);
        hs_json_str(f, on[i]);
        fprintf(f, " [label=\"%s\\n%u first\"];\n", on[i], firsts[i]);
      } else {
        fputs("{\"type\":\"node\",\"level\":\"outlet\",\"id\":", f);
        hs_json_str(f, on[i]);
        fprintf(f, ",\"stories_first\":%u}\n", firsts[i]);
      }
    }
    for (j = 0; j < 4; j++)
      for (i = 0; i < no * no; i++) {
        unsigned c = cnt[j * no * no + i];
        if (!c) continue;
        if (dot) {
          fputs("  ", f);
          hs_json_str(f, on[i / no]);
          fputs(" -> ", f);
          hs_json_str(f, on[i % no]);
          fprintf(f, " [label=\"%s %u\"];\n", hs_link_kind_name((int)j), c);
        } else {
          fprintf(f, "{\"type\":\"edge\",\"level\":\"outlet\",\"kind\":\"%s\","
                     "\"from\":", hs_link_kind_name((int)j));
          hs_json_str(f, on[i / no]);
          fputs(",\"to\":", f);
          hs_json_str(f, on[i % no]);
          fprintf(f, ",\"count\":%u}\n", c);
        }
      }
    for (i = 0; i < no; i++) free(on[i]);
    free(on);
    free(cnt);
    free(firsts);
  }
  if (dot) fputs("}\n", f);
  if (fflush(f) || ferror(f))
    return hs_error_set(err, HS_EIO, "cannot write the output");
  return HS_OK;
}
