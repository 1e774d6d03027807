/*
** cmd_extract.c — the extract command: the article text and metadata of
** each HTML page or WARC record named on the command line, one JSON Lines
** record per page (id, url, title, date, authors, series and outlet (the
** same value under both names), language, text;
** with --source-map also the source map).  Reading goes through the
** library's ingest (so directories, .warc.gz and mixed inputs work as for
** reuse); each record is written as soon as its page is read and its text
** released, so a large archive is never held in memory.
*/
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

typedef struct extract_state {
  int io_failed;
} extract_state;

static json_t *str_or_null(const char *s) {
  return s ? json_string(s) : json_null();
}

/* A JSON string of s (n bytes); bytes that are not valid UTF-8, which
** JSON cannot hold, are written as U+FFFD with a warning naming the field,
** rather than losing the field. */
static json_t *utf8_string(cli *c, const hs_doc *d, const char *field,
                           const char *s, size_t n) {
  json_t *v = json_stringn(s, n);
  size_t len = 0, bad = 0;
  char *fixed, what[160];
  if (v) return v;
  fixed = hs_utf8_repair(s, n, &len, &bad);
  v = fixed ? json_stringn(fixed, len) : NULL;
  free(fixed);
  snprintf(what, sizeof what,
           "%s is not valid UTF-8: %zu byte%s written as U+FFFD", field, bad,
           bad == 1 ? "" : "s");
  cli_warn(c, d->id, what);
  return v ? v : json_null();
}

static int extract_on_doc(void *ud, hs_corpus *corpus, size_t i) {
  cli *c = ud;
  extract_state *st = c->cmd_state;
  const hs_doc *d = hs_corpus_doc(corpus, i);
  json_t *o = json_object(), *extra = NULL, *v;
  char *line;
  if (d->extra) extra = json_loads(d->extra, 0, NULL);
  json_object_set_new(o, "id", utf8_string(c, d, "id", d->id, strlen(d->id)));
  json_object_set_new(o, "url", str_or_null(d->url));
  json_object_set_new(o, "title", str_or_null(d->title));
  json_object_set_new(o, "date", str_or_null(d->date));
  v = extra ? json_object_get(extra, "authors") : NULL;
  json_object_set_new(o, "authors",
                      json_is_array(v) ? json_deep_copy(v) : json_array());
  /* the outlet under the name input reading takes (series), and under
  ** the name this record first had (outlet) */
  json_object_set_new(o, "series", str_or_null(d->series));
  json_object_set_new(o, "outlet", str_or_null(d->series));
  v = extra ? json_object_get(extra, "language") : NULL;
  json_object_set_new(o, "language",
                      json_is_string(v) ? json_copy(v) : json_null());
  json_object_set_new(o, "text",
                      utf8_string(c, d, "text", d->text ? d->text : "",
                                  d->text ? d->len : 0));
  if (c->source_map) {
    v = extra ? json_object_get(extra, "source_map") : NULL;
    json_object_set_new(o, "source_map",
                        json_is_array(v) ? json_deep_copy(v) : json_array());
  }
  line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
  if (!line || fputs(line, stdout) == EOF || putchar('\n') == EOF) {
    if (st) st->io_failed = 1;
  }
  free(line);
  json_decref(o);
  json_decref(extra);
  hs_corpus_release_text(corpus, i);
  return st && st->io_failed;
}

int cmd_extract(cli *c) {
  extract_state local = {0}, *st = c->cmd_state ? c->cmd_state : &local;
  hs_corpus *corpus = hs_corpus_new();
  hs_error err;
  int rc;
  hs_error_clear(&err);
  c->cmd_state = st;
  if (!c->npaths) {
    rc = hs_error_set(&err, HS_EUSAGE, "'extract' needs at least one FILE "
                                       "(.html, .htm, .warc, .warc.gz, or a "
                                       "directory)");
  } else {
    rc = cli_read_inputs(c, corpus, extract_on_doc, c, &err);
    if (st->io_failed) rc = hs_error_set(&err, HS_EIO,
                                         "cannot write the output");
  }
  cli_progress_done(c);
  if (!rc && fflush(stdout) != 0)
    rc = hs_error_set(&err, HS_EIO, "cannot write the output");
  hs_corpus_free(corpus);
  if (st != &local) free(st);
  c->cmd_state = NULL;
  return rc ? cli_fail(c, &err) : 0;
}
