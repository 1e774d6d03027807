/*
** records.c — passages and families as the records other tools read:
** flat JSON Lines fields for data frames (a_doc, a_start, ..., b_end),
** the copies' texts and metadata, offsets in characters (code points, as
** Python's str indexes them) instead of bytes, and the families with their
** members, also in passim's cluster format.  The default passage writer
** (report.c) stays the fast path; these records cost a format call per
** field, which matters little next to the texts they carry.
**
** Byte offsets become character offsets through a checkpoint table per
** document, built the first time the document is needed: the characters
** before every 256th byte, so that an offset costs at most 255 bytes of
** counting however many passages a document has.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "util/util.h"

void hs_write_opts_default(hs_write_opts *o) {
  memset(o, 0, sizeof *o);
  o->format = HS_FORMAT_JSONL;
}

enum { CK_STEP = 256 };

typedef struct offsets {
  const hs_corpus *c;
  int chars;
  uint32_t **ck; /* per document: characters before byte k * CK_STEP */
} offsets;

static int offsets_init(offsets *o, const hs_corpus *c, int chars) {
  o->c = c;
  o->chars = chars;
  o->ck = chars ? calloc(hs_corpus_count(c) + 1, sizeof *o->ck) : NULL;
  return chars && !o->ck ? -1 : 0;
}

static void offsets_free(offsets *o) {
  size_t i, n = hs_corpus_count(o->c);
  if (o->ck)
    for (i = 0; i < n; i++) free(o->ck[i]);
  free(o->ck);
}

/* A UTF-8 lead or single byte starts a character; continuation bytes
** (10xxxxxx) do not. */
static uint32_t count_chars(const unsigned char *t, size_t from, size_t to) {
  uint32_t n = 0;
  for (; from < to; from++) n += (t[from] & 0xC0) != 0x80;
  return n;
}

/* The offset to write for byte b of document doc (bytes unless chars). */
static uint32_t offset_at(offsets *o, uint32_t doc, uint32_t b) {
  const hs_doc *d;
  const unsigned char *t;
  size_t k, nk;
  if (!o->chars || doc >= hs_corpus_count(o->c)) return b;
  d = hs_corpus_doc(o->c, doc);
  if (!d->text) return b; /* text released: bytes are all there is */
  t = (const unsigned char *)d->text;
  if (b > d->len) b = (uint32_t)d->len;
  if (!o->ck[doc]) {
    nk = d->len / CK_STEP + 1;
    o->ck[doc] = malloc(nk * sizeof **o->ck);
    if (!o->ck[doc]) return count_chars(t, 0, b);
    o->ck[doc][0] = 0;
    for (k = 1; k < nk; k++)
      o->ck[doc][k] = o->ck[doc][k - 1] +
                      count_chars(t, (k - 1) * CK_STEP, k * CK_STEP);
  }
  k = b / CK_STEP;
  return o->ck[doc][k] + count_chars(t, k * CK_STEP, b);
}

static const hs_doc *doc_of(const hs_corpus *c, uint32_t i) {
  return i < hs_corpus_count(c) ? hs_corpus_doc(c, i) : NULL;
}

static const char *id_of(const hs_corpus *c, uint32_t i) {
  const hs_doc *d = doc_of(c, i);
  return d && d->id ? d->id : "?";
}

static void json_or_null(FILE *f, const char *s) {
  if (s) hs_json_str(f, s);
  else fputs("null", f);
}

/* The text of [start, end) as a JSON string, null when not held. */
static void json_span_text(FILE *f, const hs_corpus *c, uint32_t doc,
                           uint32_t start, uint32_t end) {
  const hs_doc *d = doc_of(c, doc);
  if (!d || !d->text || end > d->len || start > end) fputs("null", f);
  else hs_json_strn(f, d->text + start, end - start);
}

/* Tabs and line breaks become spaces; other control characters and
** invalid UTF-8 are escaped (hs_write_text), never written raw. */
static void tsv_str(FILE *f, const char *s, size_t n) {
  hs_buf b;
  if (!s || !n) return;
  hs_buf_init(&b, 0);
  hs_text_buf_strn(&b, s, n, 1);
  if (b.len) fwrite(b.p, 1, b.len, f);
  hs_buf_free(&b);
}

static void tsv_span_text(FILE *f, const hs_corpus *c, uint32_t doc,
                          uint32_t start, uint32_t end) {
  const hs_doc *d = doc_of(c, doc);
  if (d && d->text && end <= d->len && start <= end)
    tsv_str(f, d->text + start, end - start);
}

static void tsv_meta(FILE *f, const char *s) {
  tsv_str(f, s ? s : "", s ? strlen(s) : 0);
}

/* One copy in JSON: "P" is "a_"/"b_" for the flat form, or the members of
** the object "a"/"b". */
static void json_side(FILE *f, const hs_write_opts *wo, offsets *off,
                      const hs_corpus *c, const char *side,
                      const hs_span *sp) {
  const hs_doc *d = doc_of(c, sp->doc);
  const char *pre = wo->flat ? side : "";
  if (!wo->flat) fprintf(f, "\"%s\":{", side);
  fprintf(f, "\"%sdoc\":", pre);
  hs_json_str(f, id_of(c, sp->doc));
  fprintf(f, ",\"%sstart\":%u,\"%send\":%u,\"%swords\":%u", pre,
          offset_at(off, sp->doc, sp->start), pre,
          offset_at(off, sp->doc, sp->end), pre, sp->words);
  if (wo->flat || wo->with_text) {
    fprintf(f, ",\"%sseries\":", pre);
    json_or_null(f, d ? d->series : NULL);
    fprintf(f, ",\"%sdate\":", pre);
    json_or_null(f, d ? d->date : NULL);
  }
  if (wo->with_text) {
    fprintf(f, ",\"%stext\":", pre);
    json_span_text(f, c, sp->doc, sp->start, sp->end);
  }
  if (!wo->flat) putc('}', f);
}

int hs_write_passages_ex(FILE *f, const hs_write_opts *wo, const hs_corpus *c,
                         const hs_passage *p, size_t n, hs_error *err) {
  offsets off;
  size_t i;
  int rc = HS_OK;
  if (!wo->flat && !wo->with_text && !wo->char_offsets)
    return hs_write_passages(f, wo->format, c, p, n, err);
  if (wo->format == HS_FORMAT_TEXT && !wo->char_offsets)
    return hs_write_passages(f, wo->format, c, p, n, err);
  if (offsets_init(&off, c, wo->char_offsets))
    return hs_error_set(err, HS_ENOMEM, "out of memory");
  if (wo->format == HS_FORMAT_TSV) {
    fputs("family\tkind\ta_doc\ta_start\ta_end\tb_doc\tb_start\tb_end\t"
          "words\tsimilarity", f);
    if (wo->with_text)
      fputs("\ta_series\ta_date\ta_text\tb_series\tb_date\tb_text", f);
    putc('\n', f);
  }
  for (i = 0; i < n; i++) {
    const hs_passage *q = &p[i];
    const char *kind = q->internal ? "internal" : "cross";
    if (wo->format == HS_FORMAT_TSV) {
      fprintf(f, "%u\t%s\t", q->family, kind);
      tsv_meta(f, id_of(c, q->a.doc));
      fprintf(f, "\t%u\t%u\t", offset_at(&off, q->a.doc, q->a.start),
              offset_at(&off, q->a.doc, q->a.end));
      tsv_meta(f, id_of(c, q->b.doc));
      fprintf(f, "\t%u\t%u\t%u\t%.3f", offset_at(&off, q->b.doc, q->b.start),
              offset_at(&off, q->b.doc, q->b.end), q->words, q->similarity);
      if (wo->with_text) {
        const hs_span *s[2] = {&q->a, &q->b};
        int k;
        for (k = 0; k < 2; k++) {
          const hs_doc *d = doc_of(c, s[k]->doc);
          putc('\t', f);
          tsv_meta(f, d ? d->series : NULL);
          putc('\t', f);
          tsv_meta(f, d ? d->date : NULL);
          putc('\t', f);
          tsv_span_text(f, c, s[k]->doc, s[k]->start, s[k]->end);
        }
      }
      putc('\n', f);
    } else if (wo->format == HS_FORMAT_TEXT) {
      fprintf(f, "family %u, %s: %u words, similarity %.2f\n", q->family,
              q->internal ? "repeated inside one document" : "reused",
              q->words, q->similarity);
      fputs("  ", f);
      hs_write_text(f, id_of(c, q->a.doc), 0);
      fprintf(f, "  characters %u-%u\n  ", offset_at(&off, q->a.doc, q->a.start),
              offset_at(&off, q->a.doc, q->a.end));
      hs_write_text(f, id_of(c, q->b.doc), 0);
      fprintf(f, "  characters %u-%u\n\n",
              offset_at(&off, q->b.doc, q->b.start),
              offset_at(&off, q->b.doc, q->b.end));
    } else {
      putc('{', f);
      json_side(f, wo, &off, c, wo->flat ? "a_" : "a", &q->a);
      putc(',', f);
      json_side(f, wo, &off, c, wo->flat ? "b_" : "b", &q->b);
      fprintf(f, ",\"words\":%u,\"similarity\":%.3f,\"kind\":\"%s\","
                 "\"family\":%u}\n",
              q->words, q->similarity, kind, q->family);
    }
  }
  if (wo->format == HS_FORMAT_TEXT && n == 0)
    fputs("No reused passages found.\n", f);
  offsets_free(&off);
  if (fflush(f) != 0 || ferror(f))
    rc = hs_error_set(err, HS_EIO, "cannot write the output");
  return rc;
}

/* ------------------------------------------------------------ families */

typedef struct member {
  uint32_t family, doc, start, end;
} member;

static int cmp_member(const void *x, const void *y) {
  const member *a = x, *b = y;
  if (a->family != b->family) return a->family < b->family ? -1 : 1;
  if (a->doc != b->doc) return a->doc < b->doc ? -1 : 1;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  return a->end < b->end ? -1 : a->end > b->end;
}

/* The members of every family: both copies of each passage, sorted by
** family, document and start, overlapping copies in one document merged.
** *out is malloc'ed. */
static int family_members(const hs_passage *p, size_t n, member **out,
                          size_t *nout) {
  member *m = malloc((2 * n + 1) * sizeof *m);
  size_t i, k = 0;
  if (!m) return -1;
  for (i = 0; i < n; i++) {
    m[2 * i].family = m[2 * i + 1].family = p[i].family;
    m[2 * i].doc = p[i].a.doc;
    m[2 * i].start = p[i].a.start;
    m[2 * i].end = p[i].a.end;
    m[2 * i + 1].doc = p[i].b.doc;
    m[2 * i + 1].start = p[i].b.start;
    m[2 * i + 1].end = p[i].b.end;
  }
  qsort(m, 2 * n, sizeof *m, cmp_member);
  for (i = 0; i < 2 * n; i++) {
    if (k && m[k - 1].family == m[i].family && m[k - 1].doc == m[i].doc &&
        m[i].start < m[k - 1].end) {
      if (m[i].end > m[k - 1].end) m[k - 1].end = m[i].end;
      continue;
    }
    m[k++] = m[i];
  }
  *out = m;
  *nout = k;
  return 0;
}

int hs_write_families(FILE *f, const hs_write_opts *wo, const hs_corpus *c,
                      const hs_passage *p, size_t n, hs_error *err) {
  member *m = NULL;
  size_t nm = 0, i, j, first;
  offsets off;
  int chars = wo->char_offsets;
  int rc = HS_OK;
  if (family_members(p, n, &m, &nm) ||
      offsets_init(&off, c, chars)) {
    free(m);
    return hs_error_set(err, HS_ENOMEM, "out of memory");
  }
  if (wo->format == HS_FORMAT_TSV)
    fputs("family\tsize\tdoc\tseries\tdate\tstart\tend\ttext\n", f);
  for (i = 0; i < nm; i = j) {
    size_t size;
    first = i;
    for (j = i; j < nm && m[j].family == m[i].family; j++) {}
    size = j - i;
    if (wo->format == HS_FORMAT_TEXT)
      fprintf(f, "family %u: %zu copies\n", m[i].family, size);
    else if (wo->format == HS_FORMAT_JSONL)
      fprintf(f, "{\"family\":%u,\"size\":%zu,\"members\":[", m[i].family,
              size);
    for (; i < j; i++) {
      const member *x = &m[i];
      const hs_doc *d = doc_of(c, x->doc);
      uint32_t b = offset_at(&off, x->doc, x->start);
      uint32_t e = offset_at(&off, x->doc, x->end);
      if (wo->format == HS_FORMAT_PASSIM) {
        fprintf(f, "{\"cluster\":%u,\"size\":%zu,\"id\":", x->family, size);
        hs_json_str(f, id_of(c, x->doc));
        fputs(",\"series\":", f);
        json_or_null(f, d ? d->series : NULL);
        fputs(",\"date\":", f);
        json_or_null(f, d ? d->date : NULL);
        fprintf(f, ",\"begin\":%u,\"end\":%u,\"text\":", b, e);
        json_span_text(f, c, x->doc, x->start, x->end);
        fputs("}\n", f);
      } else if (wo->format == HS_FORMAT_TSV) {
        fprintf(f, "%u\t%zu\t", x->family, size);
        tsv_meta(f, id_of(c, x->doc));
        putc('\t', f);
        tsv_meta(f, d ? d->series : NULL);
        putc('\t', f);
        tsv_meta(f, d ? d->date : NULL);
        fprintf(f, "\t%u\t%u\t", b, e);
        tsv_span_text(f, c, x->doc, x->start, x->end);
        putc('\n', f);
      } else if (wo->format == HS_FORMAT_TEXT) {
        fputs("  ", f);
        hs_write_text(f, id_of(c, x->doc), 0);
        fputs(d && d->series ? "  " : "", f);
        hs_write_text(f, d ? d->series : NULL, 1);
        fputs(d && d->date ? "  " : "", f);
        hs_write_text(f, d ? d->date : NULL, 1);
        fprintf(f, "  %s %u-%u\n", chars ? "characters" : "bytes", b, e);
      } else {
        fputs(i > first ? ",{\"doc\":" : "{\"doc\":", f);
        hs_json_str(f, id_of(c, x->doc));
        fputs(",\"series\":", f);
        json_or_null(f, d ? d->series : NULL);
        fputs(",\"date\":", f);
        json_or_null(f, d ? d->date : NULL);
        fprintf(f, ",\"start\":%u,\"end\":%u,\"text\":", b, e);
        json_span_text(f, c, x->doc, x->start, x->end);
        putc('}', f);
      }
    }
    if (wo->format == HS_FORMAT_JSONL) fputs("]}\n", f);
    else if (wo->format == HS_FORMAT_TEXT) putc('\n', f);
  }
  if (wo->format == HS_FORMAT_TEXT && nm == 0)
    fputs("No reused passages found.\n", f);
  free(m);
  offsets_free(&off);
  if (fflush(f) != 0 || ferror(f))
    rc = hs_error_set(err, HS_EIO, "cannot write the output");
  return rc;
}
