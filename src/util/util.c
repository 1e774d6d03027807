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

/* Zeroed blocks this large have a byte of each page written before they
** are returned.  Fresh pages of a large calloc are mapped lazily; one
** that is read first (a counter incremented, a bit tested before it is
** set) is mapped to the kernel's shared zero page, and its first write
** then copies it and flushes the other cores' TLBs, an interrupt to each
** core the process runs on.  Written first, a page is mapped once.  On
** the index's bitsets of seen shingles this took 12,000 of a SaudiNewsNet
** run's 12,600 flushes away and about 0.04 s of its 1.2 s
** (bench/README.md).  hearsay's blocks this large are used all through,
** so none is made resident in vain. */
#define TOUCH_FROM ((size_t)1 << 16)
#define TOUCH_STEP 4096 /* the smallest page size of the targets */

void *hs_calloc(size_t count, size_t size) {
  void *p = HS_FAULT(HS_FAULT_ALLOC) ? NULL
                                     : calloc(count ? count : 1, size ? size : 1);
  if (!p) out_of_memory(count * size);
  if (count * size >= TOUCH_FROM) { /* see TOUCH_FROM */
    volatile char *c = p;
    size_t i;
    for (i = 0; i < count * size; i += TOUCH_STEP) c[i] = 0;
  }
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

int hs_buf_reserve(hs_buf *b, size_t n) {
  return buf_reserve(b, n);
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

/* util.h: ASCII capitals as small letters, every other byte as itself. */
const unsigned char hs_ascii_lower[256] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B,
    0x0C, 0x0D, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
    0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x21, 0x22, 0x23,
    0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2A, 0x2B, 0x2C, 0x2D, 0x2E, 0x2F,
    0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3A, 0x3B,
    0x3C, 0x3D, 0x3E, 0x3F, 0x40, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67,
    0x68, 0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70, 0x71, 0x72, 0x73,
    0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F,
    0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6A, 0x6B,
    0x6C, 0x6D, 0x6E, 0x6F, 0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77,
    0x78, 0x79, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F, 0x80, 0x81, 0x82, 0x83,
    0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x8B, 0x8C, 0x8D, 0x8E, 0x8F,
    0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9A, 0x9B,
    0x9C, 0x9D, 0x9E, 0x9F, 0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7,
    0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF, 0xB0, 0xB1, 0xB2, 0xB3,
    0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF,
    0xC0, 0xC1, 0xC2, 0xC3, 0xC4, 0xC5, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB,
    0xCC, 0xCD, 0xCE, 0xCF, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7,
    0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF, 0xE0, 0xE1, 0xE2, 0xE3,
    0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE, 0xEF,
    0xF0, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB,
    0xFC, 0xFD, 0xFE, 0xFF};

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

void *hs_pool_alloc(hs_pool *p, size_t n) {
  n = (n + 7) & ~(size_t)7;
  if (!p->nblock || p->used + n > p->size) {
    size_t size = p->nblock < 8 ? (size_t)4096 << p->nblock : (size_t)1 << 20;
    if (size < n) size = n;
    HS_GROW(p->block, p->capblock, p->nblock + 1);
    p->block[p->nblock++] = hs_malloc(size);
    p->used = 0;
    p->size = size;
  }
  p->used += n;
  return p->block[p->nblock - 1] + p->used - n;
}

void hs_pool_free(hs_pool *p) {
  size_t i;
  for (i = 0; i < p->nblock; i++) free(p->block[i]);
  free(p->block);
  memset(p, 0, sizeof *p);
}
