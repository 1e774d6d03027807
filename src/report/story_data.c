/*
** story_data.c — the report's story data: data/stories.js (each story of
** the story model as its dated document chain, with the edges that
** arrive at each document) and data/claims.js (the claims the stories
** share, with their documents), for the Stories and Claims pages
** (docs/report.md).  Written with stdio and the shared JSON string
** writer, like the other data files; document numbers are corpus indexes,
** as in meta.js.
*/
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "report/story_data.h"
#include "util/util.h"

#define MAX_STORIES 2000

/* JSON text with < > & written as \u escapes, so that no data file holds
** markup (the report's rule for every data file). */
static void put_safe(FILE *f, const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) {
    if (s[i] == '<') fputs("\\u003c", f);
    else if (s[i] == '>') fputs("\\u003e", f);
    else if (s[i] == '&') fputs("\\u0026", f);
    else if (i + 2 < n && (unsigned char)s[i] == 0xE2 &&
             (unsigned char)s[i + 1] == 0x80 &&
             ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
      /* U+2028 and U+2029 end a line in older JavaScript */
      fputs((unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", f);
      i += 2;
    } else putc(s[i], f);
  }
}

/* A JSON string (null for NULL), escaped as above. */
static void js_str(FILE *f, const char *s) {
  hs_buf b;
  if (!s) {
    fputs("null", f);
    return;
  }
  hs_buf_init(&b, 0);
  hs_json_buf_strn(&b, s, strlen(s));
  put_safe(f, b.p ? b.p : "\"\"", b.p ? b.len : 2);
  hs_buf_free(&b);
}

static int done(FILE *f, const char *path, hs_error *err) {
  int bad = ferror(f);
  if (fclose(f) || bad)
    return hs_error_set(err, HS_EIO, "%s: write failed (disk full?)", path);
  return HS_OK;
}

/* Stories [0, n) of pv as the object of kind `kind` (stories.js holds
** MAX_STORIES of them, stories-head.js the first page). */
static int write_stories(const char *path, const hs_provenance *pv,
                         const char *kind, size_t n, hs_error *err) {
  FILE *f = fopen(path, "wb");
  size_t i, j, k;
  if (n > pv->nstories) n = pv->nstories;
  if (!f) return hs_error_set(err, HS_EIO, "%s: cannot create: %s", path,
                              strerror(errno));
  fprintf(f, "(window.HS_DATA = window.HS_DATA || []).push({\"kind\":\"%s\","
          "\"total\":", kind);
  fprintf(f, "%zu,\"doc_fields\":[\"doc\",\"date\",\"date_source\","
             "\"headline\",\"denial\",\"first\"],\"edge_fields\":[\"kind\","
             "\"from\",\"order\",\"words\",\"similarity\",\"from_text\","
             "\"to_text\",\"changes\",\"cited\"],\"stories\":[\n", pv->nstories);
  for (i = 0; i < n; i++) {
    const hs_pstory *s = &pv->stories[i];
    fprintf(f, "%s{\"n\":%zu,\"first\":%u,\"tie\":%s,\"date_from\":", i ? ",\n" : "",
            i + 1, s->first.doc, s->first.tie ? "true" : "false");
    js_str(f, s->date_from);
    fputs(",\"date_to\":", f);
    js_str(f, s->date_to);
    fputs(",\"outlets\":[", f);
    for (j = 0; j < s->noutlets; j++) {
      if (j) putc(',', f);
      js_str(f, s->outlets[j]);
    }
    fputs("],\"docs\":[", f);
    for (j = 0; j < s->ndocs; j++) {
      const hs_pdoc *d = &pv->docs[s->docs[j]];
      int any = 0;
      fprintf(f, "%s[%u,", j ? "," : "", s->docs[j]);
      js_str(f, d->date);
      fprintf(f, ",\"%s\",", hs_date_source_name(d->date_source));
      js_str(f, d->headline);
      fprintf(f, ",%d,%d,[", d->denial, s->docs[j] == s->first.doc);
      for (k = 0; k < s->nlinks; k++) {
        const hs_plink *l = &pv->links[s->links[k]];
        if (l->to != s->docs[j]) continue;
        fprintf(f, "%s[\"%s\",%u,\"%s\",%u,%.2f,", any ? "," : "",
                hs_link_kind_name(l->kind), l->from,
                l->undated ? "undated" : l->tie ? "tie" : "dated", l->words,
                l->similarity);
        js_str(f, l->a_text);
        putc(',', f);
        js_str(f, l->b_text);
        putc(',', f);
        if (l->changes) put_safe(f, l->changes, strlen(l->changes));
        else fputs("null", f);
        putc(',', f);
        js_str(f, l->cited);
        putc(']', f);
        any = 1;
      }
      fputs("]]", f);
    }
    fputs("]}", f);
  }
  fputs("]});\n", f);
  return done(f, path, err);
}

int hs_report_write_stories(const char *path, const hs_provenance *pv,
                            hs_error *err) {
  return write_stories(path, pv, "stories", MAX_STORIES, err);
}

int hs_report_write_stories_head(const char *path, const hs_provenance *pv,
                                 size_t n, hs_error *err) {
  return write_stories(path, pv, "stories_head", n, err);
}

int hs_report_write_claims(const char *path, const hs_provenance *pv,
                           hs_error *err) {
  FILE *f = fopen(path, "wb");
  size_t i, j, k, n = pv->nstories < MAX_STORIES ? pv->nstories : MAX_STORIES;
  int any = 0;
  if (!f) return hs_error_set(err, HS_EIO, "%s: cannot create: %s", path,
                              strerror(errno));
  fputs("(window.HS_DATA = window.HS_DATA || []).push({\"kind\":\"claims\","
        "\"claim_fields\":[\"text\",\"docs\",\"story\",\"documents\"],"
        "\"claims\":[\n", f);
  for (i = 0; i < n; i++) {
    const hs_pstory *s = &pv->stories[i];
    for (j = 0; j < s->nclaims; j++) {
      fputs(any ? ",\n[" : "[", f);
      js_str(f, s->claims[j].text);
      fputs(",[", f);
      for (k = 0; k < s->ndocs && k < 50; k++)
        fprintf(f, "%s%u", k ? "," : "", s->docs[k]);
      fprintf(f, "],%zu,%zu]", i + 1, s->claims[j].docs);
      any = 1;
    }
  }
  fputs("]});\n", f);
  return done(f, path, err);
}
