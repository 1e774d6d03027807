/*
** stream.c — a byte stream over a file descriptor that transparently
** undoes gzip or zstd compression.
**
** The codec is chosen from the first bytes, not the file name, so standard
** input and misnamed files work too: 1f 8b is gzip (concatenated members
** are read one after another, as gzip -d does; bytes after the last member
** that do not start a new one are ignored), 28 b5 2f fd is zstd (which
** handles concatenated frames itself).  Raw bytes go through one 256 KiB
** buffer; uncompressed data larger than that is read straight into the
** caller's buffer, so plain files are copied only once.
**
** hs_input hands a reader its bytes in chunks of HS_INPUT_CHUNK bytes, or
** one memory buffer as a single chunk.
*/
#include "util/stream.h"
#include "util/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#define STREAM_IN_CAP ((size_t)256 << 10)

static int raw_fill(hs_stream *s, hs_error *err) {
  ssize_t r;
  s->in_pos = s->in_len = 0;
  if (s->in_eof) return HS_OK;
  do {
    r = read(s->fd, s->in, STREAM_IN_CAP);
  } while (r < 0 && errno == EINTR);
  if (r < 0) {
    return hs_error_set(err, HS_EIO, "%s: %s", s->name, strerror(errno));
  }
  if (r == 0) s->in_eof = 1;
  s->in_len = (size_t)r;
  return HS_OK;
}

int hs_stream_open(hs_stream *s, int fd, int own_fd, const char *name,
                   hs_error *err) {
  int rc;
  memset(s, 0, sizeof *s);
  s->fd = fd;
  s->own_fd = own_fd;
  s->name = name;
  s->in = hs_malloc(STREAM_IN_CAP);
  /* Gather at least four bytes (a pipe may deliver fewer) for the magic. */
  while (!s->in_eof && s->in_len < 4) {
    ssize_t r;
    do {
      r = read(fd, s->in + s->in_len, STREAM_IN_CAP - s->in_len);
    } while (r < 0 && errno == EINTR);
    if (r < 0) {
      rc = hs_error_set(err, HS_EIO, "%s: %s", name, strerror(errno));
      goto fail;
    }
    if (r == 0) s->in_eof = 1;
    s->in_len += (size_t)r;
  }
  if (s->in_len >= 2 && s->in[0] == 0x1f && s->in[1] == 0x8b) {
    z_stream *z = hs_calloc(1, sizeof *z);
    s->z = z;
    s->codec = HS_CODEC_GZIP;
    if (inflateInit2(z, 16 + MAX_WBITS) != Z_OK) {
      rc = hs_error_set(err, HS_EINPUT, "%s: cannot start gzip decoder",
                        name);
      goto fail;
    }
  } else if (s->in_len >= 4 && s->in[0] == 0x28 && s->in[1] == 0xb5 &&
             s->in[2] == 0x2f && s->in[3] == 0xfd) {
    s->codec = HS_CODEC_ZSTD;
    s->zs = ZSTD_createDStream();
    if (!s->zs || ZSTD_isError(ZSTD_initDStream(s->zs))) {
      rc = hs_error_set(err, HS_EINPUT, "%s: cannot start zstd decoder",
                        name);
      goto fail;
    }
    s->zs_hint = 1;
  }
  return HS_OK;
fail:
  hs_stream_close(s);
  return rc;
}

void hs_stream_close(hs_stream *s) {
  if (!s) return;
  if (s->z) {
    inflateEnd(s->z);
    free(s->z);
  }
  if (s->zs) ZSTD_freeDStream(s->zs);
  if (s->own_fd && s->fd >= 0) close(s->fd);
  free(s->in);
  memset(s, 0, sizeof *s);
  s->fd = -1;
}

static int read_plain(hs_stream *s, char *buf, size_t cap, size_t *got,
                      hs_error *err) {
  ssize_t r;
  if (s->in_pos < s->in_len) {
    size_t n = s->in_len - s->in_pos;
    if (n > cap) n = cap;
    memcpy(buf, s->in + s->in_pos, n);
    s->in_pos += n;
    *got = n;
    return HS_OK;
  }
  if (s->in_eof) return HS_OK;
  do {
    r = read(s->fd, buf, cap);
  } while (r < 0 && errno == EINTR);
  if (r < 0) return hs_error_set(err, HS_EIO, "%s: %s", s->name,
                                 strerror(errno));
  if (r == 0) s->in_eof = 1;
  *got = (size_t)r;
  return HS_OK;
}

static int read_gzip(hs_stream *s, char *buf, size_t cap, size_t *got,
                     hs_error *err) {
  z_stream *z = s->z;
  int rc;
  if (cap > UINT32_MAX) cap = UINT32_MAX;
  z->next_out = (Bytef *)buf;
  z->avail_out = (uInt)cap;
  while (z->avail_out == cap) {
    int zr;
    size_t before;
    if (s->in_pos == s->in_len && !s->in_eof) {
      if ((rc = raw_fill(s, err))) return rc;
      continue;
    }
    if (s->z_member_done) {
      /* Another member follows only if the gzip magic does. */
      if (s->in_pos == s->in_len || s->in[s->in_pos] != 0x1f) {
        s->in_pos = s->in_len;
        s->in_eof = 1;
        break;
      }
      if (inflateReset(z) != Z_OK) {
        return hs_error_set(err, HS_EINPUT, "%s: corrupt gzip data",
                            s->name);
      }
      s->z_member_done = 0;
    }
    z->next_in = s->in + s->in_pos;
    z->avail_in = (uInt)(s->in_len - s->in_pos);
    before = z->avail_in;
    zr = inflate(z, Z_NO_FLUSH);
    s->in_pos = s->in_len - z->avail_in;
    if (zr == Z_STREAM_END) {
      s->z_member_done = 1;
    } else if (zr == Z_OK || zr == Z_BUF_ERROR) {
      if (z->avail_out == cap && z->avail_in == before) {
        /* No progress: out of input at the end, or stuck. */
        if (s->in_eof && s->in_pos == s->in_len) {
          return hs_error_set(err, HS_EINPUT, "%s: truncated gzip data; "
                              "the file is incomplete", s->name);
        }
        return hs_error_set(err, HS_EINPUT, "%s: corrupt gzip data",
                            s->name);
      }
    } else {
      return hs_error_set(err, HS_EINPUT, "%s: corrupt gzip data (%s)",
                          s->name, z->msg ? z->msg : "inflate failed");
    }
  }
  *got = cap - z->avail_out;
  return HS_OK;
}

static int read_zstd(hs_stream *s, char *buf, size_t cap, size_t *got,
                     hs_error *err) {
  ZSTD_outBuffer out;
  int rc;
  out.dst = buf;
  out.size = cap;
  out.pos = 0;
  while (out.pos == 0) {
    ZSTD_inBuffer inb;
    size_t zr;
    int at_end = 0;
    if (s->in_pos == s->in_len) {
      if (!s->in_eof && (rc = raw_fill(s, err))) return rc;
      at_end = s->in_pos == s->in_len && s->in_eof;
    }
    inb.src = s->in;
    inb.size = s->in_len;
    inb.pos = s->in_pos;
    zr = ZSTD_decompressStream(s->zs, &out, &inb);
    if (ZSTD_isError(zr)) {
      return hs_error_set(err, HS_EINPUT, "%s: corrupt zstd data (%s)",
                          s->name, ZSTD_getErrorName(zr));
    }
    /* A call that neither reads nor writes says nothing about the frame:
    ** after a frame's end it already asks for the next frame's header. */
    if (inb.pos != s->in_pos || out.pos) s->zs_hint = zr;
    s->in_pos = inb.pos;
    if (at_end && out.pos == 0) {
      if (s->zs_hint != 0) {
        return hs_error_set(err, HS_EINPUT, "%s: truncated zstd data; "
                            "the file is incomplete", s->name);
      }
      break;
    }
  }
  *got = out.pos;
  return HS_OK;
}

int hs_stream_read(hs_stream *s, char *buf, size_t cap, size_t *got,
                   hs_error *err) {
  *got = 0;
  if (!cap) return HS_OK;
  switch (s->codec) {
    case HS_CODEC_GZIP: return read_gzip(s, buf, cap, got, err);
    case HS_CODEC_ZSTD: return read_zstd(s, buf, cap, got, err);
    default: return read_plain(s, buf, cap, got, err);
  }
}

/* -------------------------------------------------------------- input */

void hs_input_init_stream(hs_input *in, hs_stream *s) {
  memset(in, 0, sizeof *in);
  in->s = s;
  in->p = "";
}

void hs_input_init_mem(hs_input *in, const char *data, size_t len) {
  memset(in, 0, sizeof *in);
  in->p = data ? data : "";
  in->len = data ? len : 0;
  in->eof = 1;
}

void hs_input_free(hs_input *in) {
  if (!in) return;
  free(in->own);
  in->own = NULL;
}

int hs_input_fill(hs_input *in, hs_error *err) {
  size_t got = 0;
  int rc;
  in->pos = in->len = 0;
  if (in->eof || !in->s) {
    in->eof = 1;
    return HS_OK;
  }
  if (!in->own) {
    in->own = hs_malloc(HS_INPUT_CHUNK);
    in->own_cap = HS_INPUT_CHUNK;
  }
  in->p = in->own;
  if ((rc = hs_stream_read(in->s, in->own, in->own_cap, &got, err))) {
    in->eof = 1;
    return rc;
  }
  in->len = got;
  if (!got) in->eof = 1;
  return HS_OK;
}
