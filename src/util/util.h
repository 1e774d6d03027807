/*
** util.h — private helpers shared by every stage: one allocation wrapper
** (out-of-memory aborts through a single message, so callers need not test
** every allocation), a growable byte buffer with a hard cap for anything fed
** by untrusted input, and a few string helpers.
*/
#ifndef HS_UTIL_H
#define HS_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "hearsay.h"

/* ASCII capitals as small letters, every other byte as itself (util.c):
** one table load where a case-blind compare would test ranges. */
extern const unsigned char hs_ascii_lower[256];

void *hs_malloc(size_t n);
void *hs_calloc(size_t count, size_t size);
void *hs_realloc(void *p, size_t n);
/* realloc for arrays: count * size with overflow check. */
void *hs_reallocarray(void *p, size_t count, size_t size);
char *hs_strdup(const char *s);   /* NULL in, NULL out */
char *hs_strndup(const char *s, size_t n);

/* Fault injection (fault.c), in the test build only: whether this call of
** the kind is the one told to fail.  A release build has no counters. */
enum { HS_FAULT_ALLOC = 0, HS_FAULT_WRITE = 1 };
#ifdef HS_FAULT_INJECTION
int hs_fault_hit(int kind);
#define HS_FAULT(kind) hs_fault_hit(kind)
#else
#define HS_FAULT(kind) 0
#endif

/* Grow *arr (of *cap elements of size `size`) to hold at least `need`. */
#define HS_GROW(arr, cap, need)                                            \
  do {                                                                     \
    if ((size_t)(need) > (cap)) {                                          \
      size_t hs_nc_ = (cap) ? (cap) * 2 : 16;                              \
      while (hs_nc_ < (size_t)(need)) hs_nc_ *= 2;                         \
      (arr) = hs_reallocarray((arr), hs_nc_, sizeof *(arr));               \
      (cap) = hs_nc_;                                                      \
    }                                                                      \
  } while (0)

/* A bump allocator for many small blocks freed together (one per thread
** of a pass): hs_pool_alloc hands out n bytes, 8-byte aligned, that never
** move; hs_pool_free frees them all.  Blocks double from 4 KB to 1 MB, so
** a small run maps no megabyte and a large one frees a few hundred blocks
** instead of a block per item.  The last block handed out can be given
** back by lowering used by its rounded size. */
typedef struct hs_pool {
  char **block;
  size_t nblock, capblock, used, size; /* of the last block */
} hs_pool;

void *hs_pool_alloc(hs_pool *p, size_t n);
void hs_pool_free(hs_pool *p);

/* Union-find over document numbers: p[i] is i's parent (p[i] == i for a
** root); the root of a set is its smallest member, so the sets come out the
** same whatever order the unions are made in. */
static inline uint32_t hs_uf_find(uint32_t *p, uint32_t x) {
  while (p[x] != x) {
    p[x] = p[p[x]];
    x = p[x];
  }
  return x;
}

static inline void hs_uf_union(uint32_t *p, uint32_t a, uint32_t b) {
  a = hs_uf_find(p, a);
  b = hs_uf_find(p, b);
  if (a != b) p[a < b ? b : a] = a < b ? a : b;
}

/* A growable byte buffer.  `max` bounds its length: appends past it fail
** with HS_EINPUT, so input-fed buffers cannot grow without limit. */
typedef struct hs_buf {
  char *p;
  size_t len, cap, max;
} hs_buf;

void hs_buf_init(hs_buf *b, size_t max);
void hs_buf_free(hs_buf *b);
int hs_buf_append(hs_buf *b, const void *data, size_t n);
int hs_buf_putc(hs_buf *b, int c);
/* Room for n more bytes (and a NUL) past len, len unchanged: HS_EINPUT
** past max. */
int hs_buf_reserve(hs_buf *b, size_t n);
/* Ensures p[len] == '\0' (not counted in len). */
int hs_buf_terminate(hs_buf *b);
/* Hand the contents to the caller (NUL-terminated) and reset the buffer. */
char *hs_buf_take(hs_buf *b, size_t *len);

/* Length of the valid UTF-8 sequence at s (1..4; n bytes available), or
** 0 if the bytes there are not valid UTF-8. */
size_t hs_utf8_len_at(const unsigned char *s, size_t n);
/* Copy p[0..n) into out with every byte that is not part of a valid UTF-8
** sequence replaced by U+FFFD.  Returns the number of bytes replaced (0:
** the input was valid and out is left empty). */
size_t hs_utf8_fix(const char *p, size_t n, hs_buf *out);
/* Length of the longest valid UTF-8 prefix of s[0..n) (n: all valid). */
size_t hs_utf8_valid_prefix(const char *s, size_t n);
/* Largest n' <= n (and n' <= max) that does not split a UTF-8 sequence
** of p when p is cut at max. */
size_t hs_utf8_cut(const char *p, size_t n, size_t max);

/* Append s (n bytes) to b as a JSON string; invalid UTF-8 becomes
** \ufffd.  (An unbounded buffer: appends do not fail short of memory.) */
void hs_json_buf_strn(hs_buf *b, const char *s, size_t n);
/* Write s (n bytes) as a JSON string; invalid UTF-8 becomes \ufffd. */
void hs_json_strn(FILE *f, const char *s, size_t n);
/* The same for a NUL-terminated string; NULL writes null. */
void hs_json_str(FILE *f, const char *s);
/* jansson's json_dumps(j, flags), the same text, in memory of the
** library's allocator (freed with free()) rather than jansson's, so that
** jansson's allocator can be another (the fuzz targets pool it); NULL
** where json_dumps gives NULL. */
struct json_t;
char *hs_json_dumps(const struct json_t *j, size_t flags);
/* Append s (n bytes) to b for the text and TSV formats, read on a
** terminal: control characters (C0, DEL, C1: terminal escape sequences
** among them) are written as \u001b etc., invalid UTF-8 as \ufffd, the way
** the JSON writer escapes them; with flat set, line breaks and tabs
** become one space instead. */
void hs_text_buf_strn(hs_buf *b, const char *s, size_t n, int flat);

/* Number of online processors, at least 1. */
int hs_ncpu(void);

#endif
