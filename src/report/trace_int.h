/*
** trace_int.h — what the files of the HTML report share: the model of
** the report (documents, families, outlets and the edges between them, in
** the UTF-16 units the front end indexes), built by trace_model.c and
** written as data files by trace_data.c; trace.c writes the folder.
*/
#ifndef HS_TRACE_INT_H
#define HS_TRACE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "hearsay.h"
#include "util/util.h"

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

static int nomem(hs_error *err) {
  return hs_error_set(err, HS_ENOMEM, "out of memory while writing the "
                                      "report");
}

/* ------------------------------------------------------- trace_model.c */

/* byte offset -> UTF-16 offset for every byte of text (len+1 entries);
** a byte inside a sequence maps to the sequence's start. */
void hs_trace_u16_map(const char *text, size_t len, uint32_t *map);
/* The document's first non-blank line: *start, *n bytes of d->text. */
void hs_trace_first_line(const hs_doc *d, size_t *start, size_t *n);
/* Fill m (whose c, p, group, metas, n and ndocs the caller set). */
int hs_trace_model_build(model *m, hs_error *err);
void hs_trace_model_free(model *m);

/* -------------------------------------------------------- trace_data.c */

int hs_trace_write_file_bytes(const char *path, const unsigned char *data,
                              size_t len, hs_error *err);
/* data/meta.js: the corpus summary, outlets, sources, shard layout. */
int hs_trace_write_meta(const model *m, const char *path, const char *title,
                        size_t shard_docs, hs_error *err);
/* data/head.js, what the page reads first: meta.js without the document
** table, but the rows of the documents that the biggest families and the
** first nstories stories show (docs: {"N": row}); kind "head". */
int hs_trace_write_head(const model *m, const char *path, const char *title,
                        size_t shard_docs, size_t nstories, hs_error *err);
/* data/families.js */
int hs_trace_write_families(const model *m, const char *path, hs_error *err);
/* data/docs-NNNN.js: shard s of per documents each. */
int hs_trace_write_shard(const model *m, const char *path, size_t s,
                         size_t per, hs_error *err);

#endif /* HS_TRACE_INT_H */
