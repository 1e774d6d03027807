/*
** fuzz_meta.c — libFuzzer target for the meta and attrib stages.  The
** input is scanned for dates (every date's span lies inside the input and
** its Gregorian day exists), for boilerplate (ranges inside the input,
** sorted, disjoint) and for attributions (source spans inside the input,
** non-empty, holding the source as written; content spans inside it); then
** it becomes a one-document corpus whose metadata record is extracted and
** written, and a graph is built from it.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int cond) {
  if (!cond) abort();
}

static hs_aliases *aliases(void) {
  static hs_aliases *al; /* built once: the table is read-only */
  if (!al) check(hs_aliases_new(&al, NULL) == HS_OK);
  return al;
}

/* The writers' sink, opened once: an open() a run costs more than the
** writing. */
static FILE *devnull(void) {
  static FILE *f;
  if (!f) f = fopen("/dev/null", "w");
  return f;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  hs_date d;
  hs_range *r = NULL;
  hs_attribution *a = NULL;
  size_t n = 0, i;
  hs_corpus *c;
  hs_meta m;
  hs_graph g;
  FILE *out = devnull();
  if (size > 1 << 16) return 0;
  if (hs_date_find(text, size, &d)) {
    check(d.start < d.end && d.end <= size);
    check(d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31);
    check(d.confidence > 0 && d.confidence <= 1);
  }
  check(hs_boiler_find(text, size, &r, &n, NULL) == HS_OK);
  for (i = 0; i < n; i++) {
    check(r[i].start < r[i].end && r[i].end <= size);
    if (i) check(r[i].start > r[i - 1].end);
  }
  free(r);
  check(hs_attrib_extract(text, size, aliases(), &a, &n, NULL) == HS_OK);
  for (i = 0; i < n; i++) {
    check(a[i].src_start < a[i].src_end && a[i].src_end <= size);
    check(!memcmp(text + a[i].src_start, a[i].source,
                  a[i].src_end - a[i].src_start));
    check(a[i].content_start <= a[i].content_end && a[i].content_end <= size);
    check(a[i].normalized != NULL && a[i].cue != NULL);
  }
  hs_attributions_free(a, n);
  c = hs_corpus_new();
  check(hs_corpus_add(c, "fuzz", text, size, NULL, NULL, NULL, NULL, NULL,
                      NULL, 0, NULL) == HS_OK);
  check(hs_meta_extract(hs_corpus_doc(c, 0), aliases(), NULL, &m, NULL) ==
        HS_OK);
  if (out) {
    check(hs_meta_write_jsonl(out, hs_corpus_doc(c, 0), &m, NULL) == HS_OK);
    check(hs_graph_build(c, &m, NULL, 0, NULL, aliases(), &g, NULL) == HS_OK);
    check(hs_graph_write(out, HS_GRAPH_GEXF, &g, NULL) == HS_OK);
    check(hs_graph_write(out, HS_GRAPH_DOT, &g, NULL) == HS_OK);
    hs_graph_free(&g);
  }
  hs_meta_clear(&m);
  hs_corpus_free(c);
  return 0;
}
