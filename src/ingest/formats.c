/*
** formats.c — the table of input formats: which reader reads a file, by
** the end of its name.
**
** Every reader has the signature hs_reader_fn (util/reader.h): it takes
** an hs_input and puts documents into the hs_sink that ingest.c owns, so
** a reader in another stage (web/ for HTML and WARC) plugs in exactly as
** ingest's own ones do.  Compression is not a format: one suffix .gz,
** .zst or .zstd is dropped before the table is read, and the stream
** (util/stream.c) undoes it from the content.
**
** To add a format: write its reader (int read_x(hs_sink *k, hs_input *in,
** const char *source, const char *idbase, hs_error *err), documents into
** k->take, problems through k->say), list its suffixes below and add one
** entry to `formats`.  Entries are tried in order; a name that matches
** none is one plain-text document.  Readers of ingest itself reach their
** settings with hs_ingest_of(k).
*/
#include "ingest/ingest.h"
#include "web/web.h"

#include <string.h>

/* ----------------------------------------------- ingest's own readers */

static int read_json(hs_sink *k, hs_input *in, const char *source,
                     const char *idbase, hs_error *err) {
  return hs_ingest_json_read(hs_ingest_of(k), in, source, idbase, err);
}

static int read_csv(hs_sink *k, hs_input *in, const char *source,
                    const char *idbase, hs_error *err) {
  return hs_csv_read(hs_ingest_of(k), in, source, idbase, ',', err);
}

static int read_tsv(hs_sink *k, hs_input *in, const char *source,
                    const char *idbase, hs_error *err) {
  return hs_csv_read(hs_ingest_of(k), in, source, idbase, '\t', err);
}

static int read_text(hs_sink *k, hs_input *in, const char *source,
                     const char *idbase, hs_error *err) {
  hs_ingest_ctx *x = hs_ingest_of(k);
  return hs_ingest_text_read(x, in, source, idbase, x->size_hint, err);
}

/* ------------------------------------------------------------- the table */

static const char *const json_names[] = {".jsonl", ".ndjson", ".json", NULL};
static const char *const csv_names[] = {".csv", NULL};
static const char *const tsv_names[] = {".tsv", ".tab", NULL};
static const char *const html_names[] = {".html", ".htm", NULL};
static const char *const warc_names[] = {".warc", NULL};

static const struct format {
  const char *const *suffixes;  /* lowercase, NULL-terminated */
  hs_reader_fn read;
} formats[] = {
    {json_names, read_json},       /* JSON Lines, or a JSON array ('[') */
    {csv_names, read_csv},         /* CSV with a header row */
    {tsv_names, read_tsv},         /* TSV with a header row */
    {html_names, hs_web_read_html}, /* one article page (web/html.c) */
    {warc_names, hs_warc_read},    /* a web archive (web/warc.c) */
};

static int ends_with_ci(const char *s, size_t n, const char *suffix) {
  size_t k = strlen(suffix), i;
  if (n < k) return 0;
  s += n - k;
  for (i = 0; i < k; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c - 'A' + 'a');
    if (c != (unsigned char)suffix[i]) return 0;
  }
  return 1;
}

hs_reader_fn hs_format_reader(const char *path) {
  const char *base = strrchr(path, '/');
  size_t n, f;
  const char *const *sfx;
  base = base ? base + 1 : path;
  n = strlen(base);
  if (ends_with_ci(base, n, ".gz")) n -= 3;
  else if (ends_with_ci(base, n, ".zst")) n -= 4;
  else if (ends_with_ci(base, n, ".zstd")) n -= 5;
  for (f = 0; f < sizeof formats / sizeof formats[0]; f++) {
    for (sfx = formats[f].suffixes; *sfx; sfx++)
      if (ends_with_ci(base, n, *sfx)) return formats[f].read;
  }
  return read_text;
}
