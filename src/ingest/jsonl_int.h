/*
** jsonl_int.h — what the two files of the JSON Lines reader share: the
** batch of lines (jsonl.c splits and commits them) and the parse of one
** line (jsonl_parse.c, run on the ingest threads).
*/
#ifndef HS_JSONL_INT_H
#define HS_JSONL_INT_H

#include <stdlib.h>
#include <string.h>

#include "ingest/ingest.h"

/* Per-thread scratch buffers larger than this are freed after use. */
#define SCRATCH_KEEP ((size_t)4 << 20)

/* The document fields, in the order of fields.c. */
enum { F_ID, F_TEXT, F_SERIES, F_DATE, F_TITLE, F_URL, F_COUNT };
_Static_assert((int)F_COUNT == (int)HS_FIELD_COUNT &&
                   (int)F_TEXT == (int)HS_FIELD_TEXT &&
                   (int)F_URL == (int)HS_FIELD_URL,
               "the JSON readers read the fields in the order of fields.c");

enum {
  L_LINE,       /* a line to parse */
  L_LONG,       /* a line over the cap, reported at its end */
  L_END,        /* the end of a line reported before it ended */
  L_LONG_EARLY  /* a line found over the cap before its end */
};

typedef struct jline {
  uint64_t lineno;
  const char *p;       /* the line, once resolved */
  size_t off, n;       /* off: in spill when spilled */
  unsigned char kind, spilled;
  unsigned char utf8;  /* invalid UTF-8 was replaced */
  unsigned char cut;   /* the text was cut at max_doc */
  unsigned char alt[F_COUNT]; /* alternative field names read (fields.c) */
  char *msg;           /* reported before the duplicate check */
  size_t msg_at;       /* a malformed line's msg: at msg_at - 1 in the
                       ** parsing thread's msgs (0: msg is malloc'ed) */
  int thread;          /* the thread that parsed the line */
  hs_doc d;            /* d.id set: a document to commit */
} jline;

struct hs_jsonl_work {
  jline *lines;
  size_t n, cap;
  size_t bytes;        /* of the batch's lines */
  hs_buf spill;
  int nthreads;
  hs_buf *fix;         /* per thread: a line after UTF-8 repair */
  hs_buf *extra;       /* per thread: the unnamed fields of a line */
  hs_buf *msgs;        /* per thread: the batch's malformed-line messages,
                       ** one after another, each NUL-terminated */
  /* Read by the parsing threads. */
  const char *idbase;
  size_t max_doc;
  int no_fast;         /* 0: the fast scanner, then jansson for what it
                       ** leaves; 1: jansson alone; 2: the fast scanner
                       ** alone, a line it leaves is not parsed (no
                       ** document, no message: the fuzz target compares
                       ** what the scanner takes with jansson's reading) */
  const char *const *field;  /* hs_ingest_ctx.field */
};

/* Parse the line l (kind L_LINE) on `thread`: fills l->d, or l->msg. */
void hs_jsonl_parse_line(const hs_jsonl_work *w, int thread, jline *l);

/* Free a document's owned fields and clear it. */
static inline void doc_release(hs_doc *d) {
  free(d->id);
  free(d->text);
  free(d->series);
  free(d->date);
  free(d->title);
  free(d->url);
  free(d->extra);
  memset(d, 0, sizeof *d);
}

#endif /* HS_JSONL_INT_H */
