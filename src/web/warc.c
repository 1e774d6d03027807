/*
** warc.c — a streaming WARC 1.0/1.1 reader (hs_warc_read): every response
** or resource record holding an HTML page becomes one document.
**
** The archive arrives decompressed (stream.c undoes gzip, including the
** one-member-per-record layout of .warc.gz).  A record is read whole into
** a buffer that only grows as far as one record needs: the header block
** (at most 64 KiB), then Content-Length bytes of block, then the two CRLF
** that end it.  For a response record the block is an HTTP message: its
** status line and headers are parsed, chunked transfer-encoding is undone,
** and gzip, x-gzip and deflate content-encodings are inflated with zlib
** (a brotli body is skipped with a warning).  The charset of the HTTP
** Content-Type is handed to the HTML extractor.
**
** Damage does not stop the archive: a header that does not start with
** "WARC/", a missing Content-Length, a block whose length does not land on
** the next record (wrong Content-Length), a record larger than 64 MiB, a
** truncated record, a broken chunked or compressed body: each is one
** warning naming the record's byte offset in the uncompressed archive,
** and reading resumes at the next line starting with "WARC/1.".  Records
** that are not HTML responses (requests, metadata, images, redirects...)
** are counted and reported in one warning at the end.
**
** Memory: one record at a time, capped; cost is linear in the archive.
*/
#include "web/web.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define MAX_HEADER ((size_t)64 << 10)
#define MAX_RECORD ((size_t)64 << 20)
#define READ_CHUNK ((size_t)1 << 16)

/* ------------------------------------------------------------- reader */

typedef struct rd {
  hs_input *in;
  char *buf;
  size_t pos, len, cap;
  uint64_t off;   /* archive offset of buf[pos] */
  int eof;
} rd;

static size_t rd_avail(const rd *r) { return r->len - r->pos; }

/* Make at least need bytes available (fewer only at the end). */
static int rd_fill(rd *r, size_t need, hs_error *err) {
  while (rd_avail(r) < need && !r->eof) {
    size_t got = 0, want;
    if (r->pos) {
      memmove(r->buf, r->buf + r->pos, r->len - r->pos);
      r->len -= r->pos;
      r->pos = 0;
    }
    if (r->cap - r->len < READ_CHUNK) {
      size_t nc = r->cap ? r->cap * 2 : READ_CHUNK * 2;
      while (nc - r->len < READ_CHUNK) nc *= 2;
      r->buf = hs_realloc(r->buf, nc);
      r->cap = nc;
    }
    want = r->cap - r->len;
    if (r->in->pos < r->in->len) {
      got = r->in->len - r->in->pos;
      if (got > want) got = want;
      memcpy(r->buf + r->len, r->in->p + r->in->pos, got);
      r->in->pos += got;
    } else if (!r->in->eof && r->in->s) {
      int rc = hs_stream_read(r->in->s, r->buf + r->len, want, &got, err);
      if (rc) return rc;
      if (!got) r->in->eof = 1;
    } else {
      r->eof = 1;
    }
    r->len += got;
  }
  return HS_OK;
}

static void rd_skip(rd *r, size_t n) {
  if (n > rd_avail(r)) n = rd_avail(r);
  r->pos += n;
  r->off += n;
}

/* Move to the next line that starts with "WARC/1."; 0 if none left. */
static int rd_resync(rd *r, hs_error *err, int *rc) {
  static const char pat[] = "\nWARC/1.";
  const size_t m = sizeof pat - 1;
  rd_skip(r, 1);
  for (;;) {
    size_t i;
    if ((*rc = rd_fill(r, READ_CHUNK, err))) return 0;
    for (i = 0; i + m <= rd_avail(r); i++) {
      if (r->buf[r->pos + i] == '\n' &&
          !memcmp(r->buf + r->pos + i, pat, m)) {
        rd_skip(r, i + 1);
        return 1;
      }
    }
    if (r->eof) {
      rd_skip(r, rd_avail(r));
      return 0;
    }
    rd_skip(r, rd_avail(r) > m ? rd_avail(r) - m : 0);
  }
}

/* ------------------------------------------------------------ headers */

/* Value of header `name` in the block h[0..n) (lines "Name: value"),
** trimmed, copied into out (cap bytes); 1 if found. */
static int header_get(const char *h, size_t n, const char *name, char *out,
                      size_t cap) {
  size_t i = 0, k = strlen(name);
  while (i < n) {
    const char *nl = memchr(h + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - h) : n, j, v;
    if (e - i > k && h[i + k] == ':') {
      for (j = 0; j < k; j++)
        if (tolower((unsigned char)h[i + j]) != tolower((unsigned char)name[j]))
          break;
      if (j == k) {
        v = i + k + 1;
        while (v < e && (h[v] == ' ' || h[v] == '\t')) v++;
        j = e;
        while (j > v && isspace((unsigned char)h[j - 1])) j--;
        if (j - v >= cap) j = v + cap - 1;
        memcpy(out, h + v, j - v);
        out[j - v] = '\0';
        return 1;
      }
    }
    i = e + 1;
  }
  return 0;
}

/* End of the header block h[0..n) (after the blank line), or 0. */
static size_t header_end(const char *h, size_t n) {
  size_t i;
  for (i = 0; i + 1 < n; i++) {
    if (h[i] != '\n') continue;
    if (h[i + 1] == '\n') return i + 2;
    if (i + 2 < n && h[i + 1] == '\r' && h[i + 2] == '\n') return i + 3;
  }
  return 0;
}

static int contains_ci(const char *s, const char *w) {
  size_t n = strlen(w), i, j;
  for (i = 0; s[i]; i++) {
    for (j = 0; j < n; j++)
      if (tolower((unsigned char)s[i + j]) != w[j]) break;
    if (j == n) return 1;
  }
  return 0;
}

static int contains_ci_n(const char *s, size_t n, const char *w) {
  size_t m = strlen(w), i, j;
  for (i = 0; i + m <= n; i++) {
    for (j = 0; j < m; j++)
      if (tolower((unsigned char)s[i + j]) != w[j]) break;
    if (j == m) return 1;
  }
  return 0;
}

static void charset_of(const char *ctype, char *out, size_t cap) {
  const char *p = ctype;
  out[0] = '\0';
  for (; *p; p++) {
    if (tolower((unsigned char)*p) == 'c' && contains_ci(p, "charset=") &&
        !strncmp(p + 1, "harset=", 7)) {
      size_t k = 0;
      p += 8;
      while (*p == '"' || *p == '\'' || *p == ' ') p++;
      while (*p && k + 1 < cap && *p != ';' && *p != '"' && *p != '\'' &&
             !isspace((unsigned char)*p))
        out[k++] = *p++;
      out[k] = '\0';
      return;
    }
  }
}

/* --------------------------------------------------------- HTTP bodies */

/* Undo chunked transfer-encoding of b[0..n) into out; -1 if broken (what
** could be decoded stays in out). */
static int dechunk(const char *b, size_t n, hs_buf *out) {
  size_t i = 0;
  for (;;) {
    unsigned long long sz = 0;
    int nd = 0;
    while (i < n && isxdigit((unsigned char)b[i])) {
      int d = isdigit((unsigned char)b[i])
                  ? b[i] - '0'
                  : tolower((unsigned char)b[i]) - 'a' + 10;
      if (sz > (MAX_RECORD >> 4)) return -1;
      sz = sz * 16 + (unsigned)d;
      i++;
      nd++;
    }
    if (!nd) return -1;
    while (i < n && b[i] != '\n') i++;  /* chunk extensions */
    if (i >= n) return -1;
    i++;
    if (sz == 0) return 0;
    if (sz > n - i) {
      hs_buf_append(out, b + i, n - i);
      return -1;
    }
    if (hs_buf_append(out, b + i, (size_t)sz)) return -1;
    i += (size_t)sz;
    if (i < n && b[i] == '\r') i++;
    if (i < n && b[i] == '\n') i++;
  }
}

/* Inflate gzip, zlib or raw deflate b[0..n) into out (capped). */
static int inflate_body(const char *b, size_t n, hs_buf *out, int raw) {
  z_stream z;
  unsigned char tmp[65536];
  int zr = Z_OK;
  memset(&z, 0, sizeof z);
  if (inflateInit2(&z, raw ? -15 : 15 + 32) != Z_OK) return -1;
  z.next_in = (unsigned char *)(uintptr_t)b;
  z.avail_in = n > UINT32_MAX ? UINT32_MAX : (uInt)n;
  while (zr == Z_OK) {
    z.next_out = tmp;
    z.avail_out = sizeof tmp;
    zr = inflate(&z, Z_NO_FLUSH);
    if (zr != Z_OK && zr != Z_STREAM_END) break;
    if (hs_buf_append(out, tmp, sizeof tmp - z.avail_out)) {
      zr = Z_MEM_ERROR;
      break;
    }
    if (zr == Z_OK && z.avail_in == 0 && z.avail_out != 0) break;
  }
  inflateEnd(&z);
  return zr == Z_STREAM_END ? 0 : -1;
}

/* ------------------------------------------------------------- records */

typedef struct warc_state {
  hs_sink *k;
  const char *source, *idbase;
  unsigned long nonhtml, status, other, done;
} warc_state;

static void process(warc_state *st, uint64_t off, const char *type,
                    const char *recid, const char *uri, const char *wctype,
                    const char *block, size_t n, hs_error *err) {
  char ctype[512] = "", tenc[128] = "", cenc[128] = "", cs[64] = "";
  char where[4200], id[4200];
  const char *body = block;
  size_t blen = n;
  hs_buf dec, inf;
  int is_http = !strcmp(type, "response") &&
                contains_ci(wctype, "application/http");

  snprintf(where, sizeof where, "%s, record at byte %llu", st->source,
           (unsigned long long)off);
  hs_buf_init(&dec, HS_WEB_MAX_PAGE * 2);
  hs_buf_init(&inf, HS_WEB_MAX_PAGE * 2);
  if (is_http) {
    size_t he = header_end(block, n);
    int code = 0;
    if (n < 12 || strncmp(block, "HTTP/", 5) || !he) {
      st->k->say(st->k, where, 0, "no HTTP response header; skipped");
      goto out;
    }
    {
      const char *sp = memchr(block, ' ', he);
      if (sp && sp + 4 < block + he)
        code = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
    }
    if (code < 200 || code > 299) {
      st->status++;
      goto out;
    }
    header_get(block, he, "Content-Type", ctype, sizeof ctype);
    header_get(block, he, "Transfer-Encoding", tenc, sizeof tenc);
    header_get(block, he, "Content-Encoding", cenc, sizeof cenc);
    body = block + he;
    blen = n - he;
  } else {
    snprintf(ctype, sizeof ctype, "%s", wctype);
  }
  if (ctype[0] ? !contains_ci(ctype, "html")
               : !(contains_ci_n(body, blen < 2048 ? blen : 2048, "<html") ||
                   contains_ci_n(body, blen < 2048 ? blen : 2048,
                                 "<!doctype html"))) {
    st->nonhtml++;
    goto out;
  }
  charset_of(ctype, cs, sizeof cs);
  if (contains_ci(tenc, "chunked")) {
    if (dechunk(body, blen, &dec))
      st->k->say(st->k, where, 0,
                 "broken chunked transfer-encoding; using what was "
                 "decoded");
    body = dec.p ? dec.p : "";
    blen = dec.len;
  }
  if (cenc[0] && !contains_ci(cenc, "identity")) {
    if (contains_ci(cenc, "br")) {
      st->k->say(st->k, where, 0,
                 "brotli content encoding is not supported; skipped");
      goto out;
    }
    if (contains_ci(cenc, "gzip") || contains_ci(cenc, "deflate")) {
      int bad = inflate_body(body, blen, &inf, 0);
      if (bad && contains_ci(cenc, "deflate")) {
        inf.len = 0;
        bad = inflate_body(body, blen, &inf, 1);
      }
      if (bad) {
        if (!inf.len) {
          st->k->say(st->k, where, 0,
                     "corrupt %s content encoding; skipped", cenc);
          goto out;
        }
        st->k->say(st->k, where, 0,
                   "truncated %s content; using what was decoded", cenc);
      }
      body = inf.p;
      blen = inf.len;
    } else {
      st->k->say(st->k, where, 0,
                 "unknown content encoding \"%.40s\"; skipped", cenc);
      goto out;
    }
  }
  if (recid[0]) {
    size_t k = strlen(recid);
    if (recid[0] == '<' && recid[k - 1] == '>')
      snprintf(id, sizeof id, "%s#%.*s", st->idbase, (int)(k - 2), recid + 1);
    else
      snprintf(id, sizeof id, "%s#%s", st->idbase, recid);
  } else {
    snprintf(id, sizeof id, "%s#@%llu", st->idbase, (unsigned long long)off);
  }
  if (!blen) {
    st->k->say(st->k, where, 0, "empty page; skipped");
    goto out;
  }
  hs_web_add_page(st->k, body, blen, cs[0] ? cs : NULL, uri[0] ? uri : NULL,
                  id, st->source, where, err);
  st->done++;
out:
  hs_buf_free(&dec);
  hs_buf_free(&inf);
}

int hs_warc_read(hs_sink *k, hs_input *in, const char *source,
                 const char *idbase, hs_error *err) {
  rd r;
  warc_state st;
  int rc = HS_OK;

  memset(&r, 0, sizeof r);
  memset(&st, 0, sizeof st);
  r.in = in;
  st.k = k;
  st.source = source;
  st.idbase = idbase;
  for (;;) {
    char type[64] = "", recid[1024] = "", uri[2048] = "", clen[64] = "",
         wctype[512] = "";
    size_t he = 0, want, after;
    uint64_t off, cl;
    char *endp;

    if (k->cancelled(k)) {
      rc = hs_error_set(err, HS_EINTR, "%s: interrupted", source);
      break;
    }
    /* Blank lines between records. */
    for (;;) {
      if ((rc = rd_fill(&r, 1, err))) goto out;
      if (!rd_avail(&r)) goto out;
      if (r.buf[r.pos] != '\r' && r.buf[r.pos] != '\n') break;
      rd_skip(&r, 1);
    }
    off = r.off;
    for (want = 4096;; want *= 2) {
      if ((rc = rd_fill(&r, want, err))) goto out;
      he = header_end(r.buf + r.pos, rd_avail(&r) < MAX_HEADER
                                         ? rd_avail(&r) : MAX_HEADER);
      if (he || r.eof || want >= MAX_HEADER) break;
    }
    if (rd_avail(&r) < 5 || memcmp(r.buf + r.pos, "WARC/", 5)) {
      k->say(k, source, 0,
             "byte %llu: no WARC record header here; skipping to "
             "the next record", (unsigned long long)off);
      if (!rd_resync(&r, err, &rc)) goto out;
      continue;
    }
    if (!he) {
      k->say(k, source, 0, "byte %llu: %s WARC record header; %s",
             (unsigned long long)off, r.eof ? "truncated" : "oversized",
             r.eof ? "end of archive" : "skipping to the next record");
      if (r.eof || !rd_resync(&r, err, &rc)) goto out;
      continue;
    }
    header_get(r.buf + r.pos, he, "WARC-Type", type, sizeof type);
    header_get(r.buf + r.pos, he, "WARC-Record-ID", recid, sizeof recid);
    header_get(r.buf + r.pos, he, "WARC-Target-URI", uri, sizeof uri);
    header_get(r.buf + r.pos, he, "Content-Type", wctype, sizeof wctype);
    if (!header_get(r.buf + r.pos, he, "Content-Length", clen, sizeof clen) ||
        !isdigit((unsigned char)clen[0]) ||
        (cl = strtoull(clen, &endp, 10), *endp != '\0')) {
      k->say(k, source, 0,
             "byte %llu: WARC record without a valid Content-Length; "
             "skipping to the next record", (unsigned long long)off);
      if (!rd_resync(&r, err, &rc)) goto out;
      continue;
    }
    /* A record too large to read, or longer than what is left: skipped
    ** by looking for the next record header rather than by trusting the
    ** Content-Length, which may be wrong; then one wrong length loses one
    ** record, not the rest of the archive. */
    if (cl > MAX_RECORD) {
      k->say(k, source, 0,
             "byte %llu: WARC record of %llu bytes is larger than "
             "the %zu-byte limit; skipped, resuming at the next "
             "record", (unsigned long long)off,
             (unsigned long long)cl, MAX_RECORD);
      rd_skip(&r, he - 1);
      if (!rd_resync(&r, err, &rc)) goto out;
      continue;
    }
    if ((rc = rd_fill(&r, he + (size_t)cl + 16, err))) goto out;
    if (rd_avail(&r) < he + (size_t)cl) {
      k->say(k, source, 0,
             "byte %llu: WARC record truncated (Content-Length %llu, "
             "%zu bytes left); skipped, resuming at the next record "
             "if there is one", (unsigned long long)off,
             (unsigned long long)cl, rd_avail(&r) - he);
      rd_skip(&r, he - 1);
      if (!rd_resync(&r, err, &rc)) goto out;
      continue;
    }
    /* The block must end where the next record (or the archive) starts. */
    after = he + (size_t)cl;
    {
      size_t j = after, lim = rd_avail(&r);
      while (j < lim && j < after + 4 &&
             (r.buf[r.pos + j] == '\r' || r.buf[r.pos + j] == '\n'))
        j++;
      if (j < lim && (lim - j < 5 || memcmp(r.buf + r.pos + j, "WARC/", 5))) {
        k->say(k, source, 0,
               "byte %llu: WARC record's Content-Length (%llu) does "
               "not match its content; skipped, resuming at the next "
               "record", (unsigned long long)off,
               (unsigned long long)cl);
        rd_skip(&r, he - 1);
        if (!rd_resync(&r, err, &rc)) goto out;
        continue;
      }
      after = j;
    }
    if (!strcmp(type, "response") || !strcmp(type, "resource")) {
      process(&st, off, type, recid, uri, wctype, r.buf + r.pos + he,
              (size_t)cl, err);
    } else {
      st.other++;
    }
    rd_skip(&r, after);
  }
out:
  if (st.nonhtml || st.status)
    k->say(k, source, 0,
           "%lu response/resource records skipped: %lu not HTML, %lu "
           "with an HTTP status other than 2xx",
           st.nonhtml + st.status, st.nonhtml, st.status);
  free(r.buf);
  return rc;
}
