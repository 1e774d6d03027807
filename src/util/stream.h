/*
** stream.h — bytes in: a stream over a file descriptor that undoes gzip or
** zstd compression, and the chunked input every reader takes (a stream or
** one memory buffer).  Below every stage that reads files, so that the
** readers of the web and ingest stages share it without knowing each other.
*/
#ifndef HS_STREAM_H
#define HS_STREAM_H

#include <stddef.h>
#include <stdint.h>

#include "hearsay.h"

enum { HS_CODEC_NONE = 0, HS_CODEC_GZIP = 1, HS_CODEC_ZSTD = 2 };

typedef struct hs_stream {
  int fd;
  int own_fd;            /* close fd in hs_stream_close */
  int codec;             /* HS_CODEC_* found from the magic bytes */
  const char *name;      /* for messages; borrowed */
  unsigned char *in;     /* raw (compressed) bytes read from fd */
  size_t in_pos, in_len;
  int in_eof;
  void *z;               /* z_stream * when codec is gzip */
  int z_member_done;     /* a gzip member ended; another may follow */
  void *zs;              /* ZSTD_DStream * when codec is zstd */
  size_t zs_hint;        /* last ZSTD_decompressStream result */
} hs_stream;

/* Start reading fd (which the stream closes if own_fd).  Reads the first
** bytes to detect gzip (1f 8b) or zstd (28 b5 2f fd) compression.  Errors:
** HS_EIO when fd cannot be read, HS_EINPUT for a corrupt compressed
** header.  On failure the stream needs no hs_stream_close, but an owned
** fd is closed. */
int hs_stream_open(hs_stream *s, int fd, int own_fd, const char *name,
                   hs_error *err);
/* Read up to cap decompressed bytes; *got == 0 means end of data.
** Errors: HS_EIO (read failure), HS_EINPUT (corrupt or truncated data). */
int hs_stream_read(hs_stream *s, char *buf, size_t cap, size_t *got,
                   hs_error *err);
void hs_stream_close(hs_stream *s);

/* Bytes of one chunk of a stream input. */
#define HS_INPUT_CHUNK ((size_t)1 << 20)

/* Input for the readers: either a stream read in chunks or one memory
** buffer (s == NULL), whose bytes are then p[0..len). */
typedef struct hs_input {
  hs_stream *s;
  const char *p;         /* current chunk */
  size_t pos, len;       /* unread bytes are p[pos..len) */
  int eof;               /* no more chunks after this one */
  char *own;             /* chunk storage when reading a stream */
  size_t own_cap;
} hs_input;

void hs_input_init_stream(hs_input *in, hs_stream *s);
void hs_input_init_mem(hs_input *in, const char *data, size_t len);
void hs_input_free(hs_input *in);
/* Replace the (consumed) chunk by the next one; sets eof at the end. */
int hs_input_fill(hs_input *in, hs_error *err);

#endif /* HS_STREAM_H */
