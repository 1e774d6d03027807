/*
** report.c — writes results as JSON Lines, TSV or readable text.
**
** JSON Lines is the contract users' scripts depend on (docs/output.md):
** fields are only ever added.  Numbers are written with fixed precision so
** that two runs on the same input give byte-identical output.  Strings go
** through hs_json_str (util/json.c), so every line parses.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "util/util.h"

int hs_format_parse(const char *name) {
  if (!name) return -1;
  if (!strcmp(name, "jsonl") || !strcmp(name, "json")) return HS_FORMAT_JSONL;
  if (!strcmp(name, "tsv")) return HS_FORMAT_TSV;
  if (!strcmp(name, "text")) return HS_FORMAT_TEXT;
  if (!strcmp(name, "passim")) return HS_FORMAT_PASSIM;
  return -1;
}

/* Text for a terminal (hs_text_buf_strn): control characters, escape
** sequences and invalid UTF-8 are shown escaped, never sent raw; with flat
** set, line breaks and tabs become spaces. */
static void text_put(FILE *f, const char *s, size_t n, int flat) {
  hs_buf b;
  hs_buf_init(&b, 0);
  hs_text_buf_strn(&b, s, n, flat);
  if (b.len) fwrite(b.p, 1, b.len, f);
  hs_buf_free(&b);
}

void hs_write_text(FILE *f, const char *s, int flat) {
  if (s) text_put(f, s, strlen(s), flat);
}

/* TSV fields cannot hold tabs or newlines: they become spaces. */
static void tsv_field(FILE *f, const char *s) {
  hs_write_text(f, s ? s : "", 1);
}

static const char *doc_id(const hs_corpus *c, uint32_t i) {
  const hs_doc *d = i < hs_corpus_count(c) ? hs_corpus_doc(c, i) : NULL;
  return d && d->id ? d->id : "?";
}

/* Print up to `max` bytes of text from [start, end) on one line, cut at a
** UTF-8 boundary, with whitespace runs shown as one space. */
static void snippet(FILE *f, const hs_doc *d, uint32_t start, uint32_t end,
                    int from_end, size_t max) {
  const unsigned char *t;
  uint32_t s = start, e = end;
  int space = 0;
  if (!d || !d->text || end > d->len || start >= end) return;
  t = (const unsigned char *)d->text;
  if (e - s > max) {
    /* Cut at a space within the last 24 bytes if there is one (else at a
    ** UTF-8 boundary), so that words are not cut in half. */
    uint32_t k;
    if (from_end) {
      s = (uint32_t)(e - max);
      for (k = s; k < e && k < s + 24 && t[k] != ' ' && t[k] != '\n'; k++) {}
      if (k < e && k < s + 24) s = k + 1;
      while (s < e && (t[s] & 0xC0) == 0x80) s++;
    } else {
      e = (uint32_t)(s + max);
      for (k = e; k > s && k + 24 > e && t[k] != ' ' && t[k] != '\n'; k--) {}
      if (k > s && k + 24 > e) e = k;
      while (e > s && (t[e] & 0xC0) == 0x80) e--;
    }
  }
  while (s < e) {
    uint32_t k;
    if (t[s] == ' ' || t[s] == '\n' || t[s] == '\t' || t[s] == '\r') {
      if (!space) putc(' ', f);
      space = 1;
      s++;
      continue;
    }
    for (k = s; k < e && t[k] != ' ' && t[k] != '\n' && t[k] != '\t' &&
                t[k] != '\r';
         k++) {}
    text_put(f, (const char *)t + s, k - s, 1);
    space = 0;
    s = k;
  }
}

static void text_copy(FILE *f, const hs_corpus *c, const hs_span *sp) {
  const hs_doc *d = sp->doc < hs_corpus_count(c) ? hs_corpus_doc(c, sp->doc)
                                                  : NULL;
  fputs("  ", f);
  hs_write_text(f, doc_id(c, sp->doc), 0);
  fprintf(f, "  bytes %u-%u, %u words\n", sp->start, sp->end, sp->words);
  if (d && d->text) {
    fputs("    \xe2\x80\x9c", f);
    if (sp->end - sp->start <= 160) {
      snippet(f, d, sp->start, sp->end, 0, 160);
    } else {
      snippet(f, d, sp->start, sp->end, 0, 70);
      fputs(" \xe2\x80\xa6 ", f);
      snippet(f, d, sp->start, sp->end, 1, 70);
    }
    fputs("\xe2\x80\x9d\n", f);
  }
}

/* ------------------------------------------------- JSON Lines, fast */
/* The JSON Lines writer formats into a buffer written 64 KiB at a time,
** each record through a pointer into room made for its longest form,
** numbers by hand, each document id escaped once: a corpus's passages run
** to millions of lines, and stdio's locked per-field calls (or a call a
** field) took longer than finding some of them. */

static char *put_u32(char *o, uint32_t v) {
  char d[10];
  int k = 0;
  do {
    d[k++] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  while (k) *o++ = d[--k];
  return o;
}

static char *put_bytes(char *o, const char *s, size_t n) {
  memcpy(o, s, n);
  return o + n;
}

#define PUT_LIT(o, s) put_bytes(o, s, sizeof s - 1)

/* v in [0, 1] with three decimals, as printf's "%.3f" writes it (at most
** FIXED3_MAX bytes). */
#define FIXED3_MAX 32
static char *put_fixed3(char *o, double v) {
  double y = v * 1000.0;
  uint32_t k;
  /* Out of range, or near a half, where the product may have rounded
  ** across it: printf, which rounds the exact binary value, decides. */
  if (!(v >= 0.0 && v <= 1.0) ||
      (y - (double)(uint32_t)y > 0.5 - 1e-6 &&
       y - (double)(uint32_t)y < 0.5 + 1e-6)) {
    char tmp[FIXED3_MAX];
    int n = snprintf(tmp, sizeof tmp, "%.3f", v);
    if (n < 0) n = 0;
    if (n >= (int)sizeof tmp) n = (int)sizeof tmp - 1;
    return put_bytes(o, tmp, (size_t)n);
  }
  k = (uint32_t)(y + 0.5);
  o = put_u32(o, k / 1000);
  *o++ = '.';
  *o++ = (char)('0' + k / 100 % 10);
  *o++ = (char)('0' + k / 10 % 10);
  *o++ = (char)('0' + k % 10);
  return o;
}

/* Document ids, each escaped as a JSON string the first time it is
** needed: at[doc] is its offset in text plus one (0: not yet). */
typedef struct id_cache {
  hs_buf text;
  size_t *at, *len;
} id_cache;

static const char unknown_id[] = "\"?\"";

/* Caches doc's escaped id; its length. */
static size_t id_len(id_cache *ids, const hs_corpus *c, uint32_t doc) {
  if (doc >= hs_corpus_count(c)) return sizeof unknown_id - 1;
  if (!ids->at[doc]) {
    const char *id = doc_id(c, doc);
    size_t before = ids->text.len;
    hs_json_buf_strn(&ids->text, id, strlen(id));
    ids->at[doc] = before + 1;
    ids->len[doc] = ids->text.len - before;
  }
  return ids->len[doc];
}

/* doc's escaped id, cached by id_len (whose later calls may move it). */
static const char *id_text(const id_cache *ids, const hs_corpus *c,
                           uint32_t doc) {
  if (doc >= hs_corpus_count(c)) return unknown_id;
  return ids->text.p + ids->at[doc] - 1;
}

/* {"doc":ID,"start":B,"end":B,"words":N}, at most SPAN_MAX bytes
** besides the id */
#define SPAN_MAX 64
static char *put_span(char *o, const id_cache *ids, const hs_corpus *c,
                      const hs_span *sp, size_t idlen) {
  o = PUT_LIT(o, "{\"doc\":");
  o = put_bytes(o, id_text(ids, c, sp->doc), idlen);
  o = PUT_LIT(o, ",\"start\":");
  o = put_u32(o, sp->start);
  o = PUT_LIT(o, ",\"end\":");
  o = put_u32(o, sp->end);
  o = PUT_LIT(o, ",\"words\":");
  o = put_u32(o, sp->words);
  *o++ = '}';
  return o;
}

/* The longest record besides its two ids and its method. */
#define RECORD_MAX (2 * SPAN_MAX + FIXED3_MAX + 128)

static int write_passages_jsonl(FILE *f, const hs_corpus *c,
                                const hs_passage *p, size_t n,
                                hs_error *err) {
  enum { FLUSH_AT = 65536 };
  size_t ndocs = hs_corpus_count(c), i;
  id_cache ids;
  hs_buf b;
  int rc = HS_OK;
  hs_buf_init(&ids.text, 0);
  hs_buf_init(&b, 0);
  ids.at = hs_calloc(ndocs + 1, sizeof *ids.at);
  ids.len = hs_calloc(ndocs + 1, sizeof *ids.len);
  for (i = 0; i < n; i++) {
    const hs_passage *q = &p[i];
    const char *m = hs_passage_method(q);
    size_t la = id_len(&ids, c, q->a.doc), lb = id_len(&ids, c, q->b.doc);
    size_t lm = strlen(m);
    char *o;
    if (hs_buf_reserve(&b, RECORD_MAX + la + lb + lm)) break;
    o = b.p + b.len;
    o = PUT_LIT(o, "{\"a\":");
    o = put_span(o, &ids, c, &q->a, la);
    o = PUT_LIT(o, ",\"b\":");
    o = put_span(o, &ids, c, &q->b, lb);
    o = PUT_LIT(o, ",\"words\":");
    o = put_u32(o, q->words);
    o = PUT_LIT(o, ",\"similarity\":");
    o = put_fixed3(o, q->similarity);
    if (q->internal) o = PUT_LIT(o, ",\"kind\":\"internal\"");
    else o = PUT_LIT(o, ",\"kind\":\"cross\"");
    o = PUT_LIT(o, ",\"family\":");
    o = put_u32(o, q->family);
    o = PUT_LIT(o, ",\"method\":\"");
    o = put_bytes(o, m, lm);
    o = PUT_LIT(o, "\"}\n");
    b.len = (size_t)(o - b.p);
    if (b.len >= FLUSH_AT || i + 1 == n) {
      if (fwrite(b.p, 1, b.len, f) != b.len) break;
      b.len = 0;
    }
  }
  if (fflush(f) != 0 || ferror(f))
    rc = hs_error_set(err, HS_EIO, "cannot write the output");
  free(ids.at);
  free(ids.len);
  hs_buf_free(&ids.text);
  hs_buf_free(&b);
  return rc;
}

int hs_write_passages(FILE *f, int format, const hs_corpus *c,
                      const hs_passage *p, size_t n, hs_error *err) {
  size_t i;
  if (format != HS_FORMAT_TSV && format != HS_FORMAT_TEXT) /* and passim */
    return write_passages_jsonl(f, c, p, n, err);
  if (format == HS_FORMAT_TSV)
    fputs("family\tkind\ta_doc\ta_start\ta_end\tb_doc\tb_start\tb_end\t"
          "words\tsimilarity\n", f);
  for (i = 0; i < n; i++) {
    const hs_passage *q = &p[i];
    const char *kind = q->internal ? "internal" : "cross";
    switch (format) {
      case HS_FORMAT_TSV:
        fprintf(f, "%u\t%s\t", q->family, kind);
        tsv_field(f, doc_id(c, q->a.doc));
        fprintf(f, "\t%u\t%u\t", q->a.start, q->a.end);
        tsv_field(f, doc_id(c, q->b.doc));
        fprintf(f, "\t%u\t%u\t%u\t%.3f\n", q->b.start, q->b.end, q->words,
                q->similarity);
        break;
      default: /* HS_FORMAT_TEXT */
        fprintf(f, "family %u, %s: %u words, similarity %.2f\n", q->family,
                q->internal ? "repeated inside one document" : "reused",
                q->words, q->similarity);
        text_copy(f, c, &q->a);
        text_copy(f, c, &q->b);
        putc('\n', f);
        break;
    }
  }
  if (format == HS_FORMAT_TEXT && n == 0) fputs("No reused passages found.\n", f);
  if (fflush(f) != 0 || ferror(f))
    return hs_error_set(err, HS_EIO, "cannot write the output");
  return HS_OK;
}

int hs_write_dups(FILE *f, int format, const hs_corpus *c,
                  const int32_t *group, size_t ngroups, hs_error *err) {
  size_t g, i, ndocs = hs_corpus_count(c);
  size_t *count = hs_calloc(ngroups + 1, sizeof *count);
  size_t **members = hs_calloc(ngroups + 1, sizeof *members);
  size_t *fill = hs_calloc(ngroups + 1, sizeof *fill);
  for (i = 0; i < ndocs; i++)
    if (group[i] >= 0 && (size_t)group[i] < ngroups) count[group[i]]++;
  for (g = 0; g < ngroups; g++) members[g] = hs_calloc(count[g] + 1,
                                                       sizeof **members);
  for (i = 0; i < ndocs; i++)
    if (group[i] >= 0 && (size_t)group[i] < ngroups)
      members[group[i]][fill[group[i]]++] = i;
  if (format == HS_FORMAT_TSV) fputs("group\tsize\tdoc\n", f);
  for (g = 0; g < ngroups; g++) {
    switch (format) {
      case HS_FORMAT_TSV:
        for (i = 0; i < count[g]; i++) {
          fprintf(f, "%zu\t%zu\t", g, count[g]);
          tsv_field(f, doc_id(c, (uint32_t)members[g][i]));
          putc('\n', f);
        }
        break;
      case HS_FORMAT_TEXT:
        fprintf(f, "group %zu: %zu near-identical documents\n", g, count[g]);
        for (i = 0; i < count[g]; i++) {
          fputs("  ", f);
          hs_write_text(f, doc_id(c, (uint32_t)members[g][i]), 0);
          putc('\n', f);
        }
        putc('\n', f);
        break;
      default:
        fprintf(f, "{\"group\":%zu,\"docs\":[", g);
        for (i = 0; i < count[g]; i++) {
          if (i) putc(',', f);
          hs_json_str(f, doc_id(c, (uint32_t)members[g][i]));
        }
        fprintf(f, "],\"size\":%zu}\n", count[g]);
        break;
    }
  }
  if (format == HS_FORMAT_TEXT && ngroups == 0)
    fputs("No near-duplicate documents found.\n", f);
  for (g = 0; g < ngroups; g++) free(members[g]);
  free(members);
  free(count);
  free(fill);
  if (fflush(f) != 0 || ferror(f))
    return hs_error_set(err, HS_EIO, "cannot write the output");
  return HS_OK;
}
