/*
** util.c — allocation wrappers, the capped growable buffer, error structs.
** Allocation failure is fatal by design: hearsay's data structures are
** sized by the input, and a partial result after ENOMEM would be wrong in
** ways callers could not detect.  The one message goes to stderr and the
** process ends with the documented exit status 5 (a store's open
** transaction is rolled back by SQLite's journal, as after kill -9).
*/
#include "util/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void out_of_memory(size_t n) {
  fprintf(stderr, "hearsay: out of memory (asked for %zu bytes); "
                  "try a smaller input or more memory\n", n);
  fflush(stderr);
  _exit(5);
}

void *hs_malloc(size_t n) {
  void *p = HS_FAULT(HS_FAULT_ALLOC) ? NULL : malloc(n ? n : 1);
  if (!p) out_of_memory(n);
  return p;
}

void *hs_calloc(size_t count, size_t size) {
  void *p = HS_FAULT(HS_FAULT_ALLOC) ? NULL
                                     : calloc(count ? count : 1, size ? size : 1);
  if (!p) out_of_memory(count * size);
  return p;
}

void *hs_realloc(void *p, size_t n) {
  void *q = HS_FAULT(HS_FAULT_ALLOC) ? NULL : realloc(p, n ? n : 1);
  if (!q) out_of_memory(n);
  return q;
}

void *hs_reallocarray(void *p, size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) out_of_memory(SIZE_MAX);
  return hs_realloc(p, count * size);
}

char *hs_strdup(const char *s) {
  return s ? hs_strndup(s, strlen(s)) : NULL;
}

char *hs_strndup(const char *s, size_t n) {
  char *d;
  if (!s) return NULL;
  d = hs_malloc(n + 1);
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

void hs_buf_init(hs_buf *b, size_t max) {
  b->p = NULL;
  b->len = b->cap = 0;
  b->max = max ? max : SIZE_MAX - 1;
}

void hs_buf_free(hs_buf *b) {
  if (!b) return;
  free(b->p);
  b->p = NULL;
  b->len = b->cap = 0;
}

static int buf_reserve(hs_buf *b, size_t extra) {
  size_t need;
  if (extra > b->max - b->len) return HS_EINPUT;
  need = b->len + extra + 1;
  if (need > b->cap) {
    size_t nc = b->cap ? b->cap : 64;
    while (nc < need) nc = nc > SIZE_MAX / 2 ? need : nc * 2;
    b->p = hs_realloc(b->p, nc);
    b->cap = nc;
  }
  return HS_OK;
}

int hs_buf_append(hs_buf *b, const void *data, size_t n) {
  int rc = buf_reserve(b, n);
  if (rc) return rc;
  if (n) memcpy(b->p + b->len, data, n);
  b->len += n;
  return HS_OK;
}

int hs_buf_putc(hs_buf *b, int c) {
  char ch = (char)c;
  return hs_buf_append(b, &ch, 1);
}

int hs_buf_terminate(hs_buf *b) {
  int rc = buf_reserve(b, 0);
  if (rc) return rc;
  b->p[b->len] = '\0';
  return HS_OK;
}

char *hs_buf_take(hs_buf *b, size_t *len) {
  char *p;
  if (hs_buf_terminate(b)) return NULL;
  p = b->p;
  if (len) *len = b->len;
  b->p = NULL;
  b->len = b->cap = 0;
  return p;
}

int hs_ncpu(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (int)n : 1;
}

int hs_error_set(hs_error *err, int code, const char *fmt, ...) {
  if (err) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->code = code;
  }
  return code;
}

void hs_error_clear(hs_error *err) {
  if (!err) return;
  err->code = HS_OK;
  err->msg[0] = '\0';
}

const char *hs_version(void) { return HS_VERSION; }

const char *hs_status_name(int code) {
  switch (code) {
    case HS_OK: return "ok";
    case HS_EUSAGE: return "usage error";
    case HS_EINPUT: return "input error";
    case HS_EIO: return "I/O error";
    case HS_EDB: return "database error";
    case HS_ENOMEM: return "out of memory";
    case HS_EINTR: return "interrupted";
    default: return "unknown error";
  }
}
