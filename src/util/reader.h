/*
** reader.h — the interface every input format implements: a reader takes
** an hs_input and puts documents into an hs_sink.
**
** The sink belongs to the ingest stage (src/ingest/ingest.c fills in the
** functions; the corpus, duplicate ids, the caller's hooks and the
** warnings stay there); a reader sees only this struct.  So readers in
** any stage below ingest (web/ for HTML and WARC) plug in exactly as
** ingest's own ones do (JSON Lines, JSON arrays, CSV/TSV, text), and no
** reader includes ingest's private header.  The table that maps file
** names to readers is src/ingest/formats.c; adding a format is one
** reader function plus one entry there.
*/
#ifndef HS_READER_H
#define HS_READER_H

#include <stddef.h>
#include <stdint.h>

#include "hearsay.h"
#include "util/stream.h"

typedef struct hs_sink hs_sink;
struct hs_sink {
  size_t max_doc;        /* documents are cut at this many bytes */
  hs_warn_fn warn;       /* the caller's warning hook (may be NULL), for */
  void *warn_ud;         /* readers that pass it on to a library call */
  /* Index of the document with this id already taken, or -1. */
  long (*find)(hs_sink *k, const char *id);
  /* Add d, taking ownership of its malloc'ed fields as hs_corpus_take does
  ** (d->source is borrowed); on success the caller's per-document hook
  ** runs.  Fails (the fields freed) when the id is already present. */
  int (*take)(hs_sink *k, hs_doc *d, hs_error *err);
  /* Report a warning at "source" (line 0) or "source:line". */
  void (*say)(hs_sink *k, const char *source, uint64_t line,
              const char *fmt, ...)
#ifdef __GNUC__
      __attribute__((format(printf, 4, 5)))
#endif
      ;
  /* Nonzero when the caller asked to stop. */
  int (*cancelled)(hs_sink *k);
};

/* A reader: the documents of in (named source; ids, or the base of ids,
** from idbase) into k.  Problems with the data are warnings through k;
** the return is HS_OK, HS_EINTR, or an error of the input itself (HS_EIO,
** HS_EINPUT) that ends this input. */
typedef int (*hs_reader_fn)(hs_sink *k, hs_input *in, const char *source,
                            const char *idbase, hs_error *err);

#endif /* HS_READER_H */
