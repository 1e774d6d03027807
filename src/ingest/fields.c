/*
** fields.c — which field of a record fills which document field, for the
** readers of records (JSON Lines, JSON arrays, CSV and TSV tables).
**
** Each document field (id, text, series, date, title, url) is read from
** the field the caller named (hs_ingest_opts.text_field...), else from
** passim's name for it, else, when a record lacks that, from the first of
** a short list of names other tools export (Media Cloud's publish_date and
** media_name, "content" or "body" for the text...).  The lists are a table
** here, so that a name is added in one place; docs/input.md repeats it.
** A named field replaces the defaults entirely: with --text-field body, a
** field "text" is just another extra field.
*/
#include "ingest/ingest.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const defaults[HS_FIELD_COUNT] = {
    "id", "text", "series", "date", "title", "url"};

static const char *const options[HS_FIELD_COUNT] = {
    "--id-field", "--text-field", "--series-field", "--date-field",
    "--title-field", "--url-field"};

/* Alternatives, in order of preference; NULL-terminated. */
static const char *const alt_id[] = {"stories_id", "guid", "uuid",
                                     "article_id", "doc_id", NULL};
static const char *const alt_text[] = {"content", "body", "full_text",
                                       "article", "article_text", NULL};
static const char *const alt_series[] = {"media_name", "source", "outlet",
                                         "publication", "publisher",
                                         "media", NULL};
static const char *const alt_date[] = {"publish_date", "published",
                                       "pub_date", "publication_date",
                                       "date_published", NULL};
static const char *const alt_title[] = {"headline", NULL};
static const char *const alt_url[] = {"link", "story_url", NULL};
static const char *const *const alternatives[HS_FIELD_COUNT] = {
    alt_id, alt_text, alt_series, alt_date, alt_title, alt_url};

static const char *const labels[HS_FIELD_COUNT] = {
    "id", "text", "outlet (series)", "date", "title", "url"};

const char *hs_field_default(int role) { return defaults[role]; }
const char *hs_field_option(int role) { return options[role]; }
const char *hs_field_label(int role) { return labels[role]; }

const char *hs_field_alternative(int role, int k) {
  const char *const *a = alternatives[role];
  int i;
  for (i = 0; a[i]; i++)
    if (i == k - 1) return a[i];
  return NULL;
}

static int same(const char *name, const char *k, size_t n) {
  return strlen(name) == n && memcmp(name, k, n) == 0;
}

int hs_field_role(const char *const *field, const char *k, size_t n,
                  int *alt) {
  int r, i;
  *alt = 0;
  for (r = 0; r < HS_FIELD_COUNT; r++) {
    if (field[r] ? same(field[r], k, n) : same(defaults[r], k, n)) return r;
  }
  for (r = 0; r < HS_FIELD_COUNT; r++) {
    if (field[r]) continue;
    for (i = 0; alternatives[r][i]; i++) {
      if (same(alternatives[r][i], k, n)) {
        *alt = i + 1;
        return r;
      }
    }
  }
  return -1;
}

const char *hs_field_name(const char *const *field, int role) {
  return field[role] ? field[role] : defaults[role];
}

json_t *hs_field_json(const char *const *field, json_t *obj, int role,
                      const char **name, int *alt) {
  json_t *v;
  int i;
  *alt = 0;
  *name = hs_field_name(field, role);
  v = json_object_get(obj, *name);
  if (v || field[role]) return v;
  for (i = 0; alternatives[role][i]; i++) {
    v = json_object_get(obj, alternatives[role][i]);
    if (v) {
      *name = alternatives[role][i];
      *alt = i + 1;
      return v;
    }
  }
  return NULL;
}

int hs_field_column(const char *const *field, int role, char *const *cols,
                    size_t ncols, int *alt) {
  const char *want = hs_field_name(field, role);
  size_t c;
  int i;
  *alt = 0;
  for (c = 0; c < ncols; c++)
    if (!strcmp(cols[c], want)) return (int)c;
  if (field[role]) return -1;
  for (i = 0; alternatives[role][i]; i++) {
    for (c = 0; c < ncols; c++) {
      if (!strcmp(cols[c], alternatives[role][i])) {
        *alt = i + 1;
        return (int)c;
      }
    }
  }
  return -1;
}

void hs_field_notice(hs_ingest_ctx *x, const char *source, int role,
                     const char *name) {
  hs_ingest_warn(x, source, 0,
                 "reading field \"%s\" as the %s (say so with %s %s, or "
                 "name another field)",
                 name, labels[role], options[role], name);
}

int hs_ingest_commit(hs_ingest_ctx *x, hs_doc *d, const char *source,
                     uint64_t line, int cut) {
  long prev = hs_corpus_find(x->c, d->id);
  hs_error e;
  if (prev >= 0) {
    const hs_doc *o = hs_corpus_doc(x->c, (size_t)prev);
    hs_ingest_warn(x, source, line,
                   "duplicate id \"%.200s\" (first in %s:%llu); skipped",
                   d->id, o->source ? o->source : "?",
                   (unsigned long long)o->line);
    free(d->id);
    free(d->text);
    free(d->series);
    free(d->date);
    free(d->title);
    free(d->url);
    free(d->extra);
    memset(d, 0, sizeof *d);
    return HS_OK;
  }
  if (cut)
    hs_ingest_warn(x, source, line, "text longer than %zu bytes; cut there",
                   x->max_doc);
  d->source = (char *)(uintptr_t)source;
  d->line = line;
  if (hs_corpus_take(x->c, d, &e))
    hs_ingest_warn(x, source, line, "%s; skipped", e.msg);
  else
    hs_ingest_added(x);
  memset(d, 0, sizeof *d);
  return HS_OK;
}
