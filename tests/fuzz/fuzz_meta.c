/*
** fuzz_meta.c — libFuzzer target for the meta and attrib stages.  The
** input becomes a one-document corpus whose metadata record is extracted
** and written, and a graph is built from it.  The record's boilerplate
** ranges lie inside the input, sorted and disjoint; its attributions'
** source spans lie inside the input, are non-empty and hold the source as
** written, their content spans lie inside it; a date read from the text
** lies inside it, with a confidence in (0, 1].
**
** The date, boilerplate and attribution readers run once a run, inside
** hs_meta_extract, not a second time alone: the readers alone have targets
** of their own (fuzz_date, fuzz_attrib, with stricter checks and this
** target's seeds in their corpora), and running them twice here cost half
** of every run.
**
** The graph is written in one format a run, GEXF or DOT as the input's
** last byte is odd or even: the fuzzer flips that byte as any other, so
** both writers keep their coverage, and a run writes one graph, not two.
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
  size_t i;
  hs_corpus *c;
  hs_meta m;
  hs_graph g;
  FILE *out = devnull();
  if (size > 1 << 16) return 0;
  c = hs_corpus_new();
  check(hs_corpus_add(c, "fuzz", text, size, NULL, NULL, NULL, NULL, NULL,
                      NULL, 0, NULL) == HS_OK);
  check(hs_meta_extract(hs_corpus_doc(c, 0), aliases(), NULL, &m, NULL) ==
        HS_OK);
  for (i = 0; i < m.nboiler; i++) {
    check(m.boiler[i].start < m.boiler[i].end && m.boiler[i].end <= size);
    if (i) check(m.boiler[i].start > m.boiler[i - 1].end);
  }
  for (i = 0; i < m.nattr; i++) {
    const hs_attribution *a = &m.attr[i];
    check(a->src_start < a->src_end && a->src_end <= size);
    check(!memcmp(text + a->src_start, a->source, a->src_end - a->src_start));
    check(a->content_start <= a->content_end && a->content_end <= size);
    check(a->normalized != NULL && a->cue != NULL);
  }
  if (m.date.value && !m.date.given) {
    check(m.date.start < m.date.end && m.date.end <= size);
    check(m.date.confidence > 0 && m.date.confidence <= 1);
  }
  if (out) {
    check(hs_meta_write_jsonl(out, hs_corpus_doc(c, 0), &m, NULL) == HS_OK);
    check(hs_graph_build(c, &m, NULL, 0, NULL, aliases(), &g, NULL) == HS_OK);
    check(hs_graph_write(out,
                         size && (data[size - 1] & 1) ? HS_GRAPH_GEXF
                                                      : HS_GRAPH_DOT,
                         &g, NULL) == HS_OK);
    hs_graph_free(&g);
  }
  hs_meta_clear(&m);
  hs_corpus_free(c);
  return 0;
}
