/*
** web.h — private interface of the web stage (src/web/): HTML pages and
** WARC archives turned into documents.
**
**   html.c     hs_web_extract: parsing with libxml2's HTML parser and
**              the order of the passes, documents from pages; the passes
**              live in charset.c (conversion to UTF-8), html_meta.c (meta
**              tags, JSON-LD, <time>, URL and text date patterns),
**              html_dom.c (boilerplate removal, scoring of candidate
**              containers) and html_out.c (paragraph output with a
**              source map), sharing html_int.h;
**   warc.c     a streaming WARC 1.0/1.1 reader: record headers, HTTP
**              headers, chunked transfer-encoding, gzip/deflate content
**              encoding, resynchronisation after damaged records.
**
** hs_web_read_html and hs_warc_read are readers (util/reader.h): the
** ingest stage's table of formats (src/ingest/formats.c) names them, and
** they put documents into its sink; nothing here knows ingest itself.  The
** fuzz targets and unit tests include this header too.
*/
#ifndef HS_WEB_H
#define HS_WEB_H

#include <stddef.h>
#include <stdint.h>

#include "hearsay.h"
#include "util/reader.h"
#include "util/stream.h"
#include "util/util.h"

/* Largest page handed to the HTML parser; longer pages are cut here. */
#define HS_WEB_MAX_PAGE ((size_t)16 << 20)

/* Read all of in (at most cap bytes; *cut set when there was more).
** *out is malloc'ed and NUL-terminated. */
int hs_web_slurp(hs_input *in, size_t cap, char **out, size_t *len, int *cut,
                 hs_error *err);

/* Extract page[0..len) and add it to k as document `id`, source
** `source`; `where` names the page in warnings ("FILE" or "FILE@OFFSET").
** url and charset may be NULL.  Problems with the page are warnings. */
int hs_web_add_page(hs_sink *k, const char *page, size_t len,
                    const char *charset, const char *url, const char *id,
                    const char *source, const char *where, hs_error *err);

/* Read an HTML file from in. */
int hs_web_read_html(hs_sink *k, hs_input *in, const char *source,
                     const char *id, hs_error *err);

/* Read a WARC archive from in (already decompressed by the stream);
** documents get ids "idbase#<WARC-Record-ID>" (or "idbase#@OFFSET").
** Damaged records are warnings naming their byte offset. */
int hs_warc_read(hs_sink *k, hs_input *in, const char *source,
                 const char *idbase, hs_error *err);

/* Normalize a date string to YYYY-MM-DD into out[11]; 0 on success. */
int hs_web_date_norm(const char *s, char out[11]);

#endif /* HS_WEB_H */
