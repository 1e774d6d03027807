/*
** utf8.c — UTF-8 validation, repair and cutting for text read from
** outside: every reader stores valid UTF-8 (so that offsets refer to the
** stored text) and cuts long documents without splitting a character.
**
** Validation is on the hot path of every JSON line: blocks of ASCII and
** two-byte characters (Latin, Greek, Cyrillic, Hebrew, Arabic, Persian)
** are checked 16 bytes at a time with SSE2, the rest by a plain decoder.
*/
#include "util/util.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Length of the valid UTF-8 sequence at p (n bytes left), 0 if invalid. */
static size_t utf8_seq(const unsigned char *p, size_t n) {
  unsigned c = p[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return n >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c < 0xF0) {
    if (n < 3 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0) return p[1] >= 0xA0 && p[1] <= 0xBF ? 3 : 0;
    if (c == 0xED) return p[1] >= 0x80 && p[1] <= 0x9F ? 3 : 0;
    return (p[1] & 0xC0) == 0x80 ? 3 : 0;
  }
  if (c < 0xF5) {
    if (n < 4 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) return 0;
    if (c == 0xF0) return p[1] >= 0x90 && p[1] <= 0xBF ? 4 : 0;
    if (c == 0xF4) return p[1] >= 0x80 && p[1] <= 0x8F ? 4 : 0;
    return (p[1] & 0xC0) == 0x80 ? 4 : 0;
  }
  return 0;
}

#ifdef __SSE2__
/* How far the 16-byte blocks from p[i] are ASCII and two-byte characters
** (Latin, Greek, Cyrillic, Hebrew, Arabic, Persian): a block passes when
** no byte is of another kind and the continuation bytes are exactly the
** bytes after lead bytes C2..DF.  Returns where the blocks stop, never
** after a lead byte whose continuation lies beyond. */
static size_t utf8_blocks(const unsigned char *p, size_t i, size_t n) {
  const __m128i flip = _mm_set1_epi8((char)0x80);
  const __m128i lead_lo = _mm_set1_epi8(0x41), lead_hi = _mm_set1_epi8(0x60);
  const __m128i cont_hi = _mm_set1_epi8(0x40);
  unsigned carry = 0; /* the last block ended with a lead byte */
  while (n - i >= 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
    __m128i x = _mm_xor_si128(v, flip); /* 80..FF -> 0..7F, signed */
    unsigned high = (unsigned)_mm_movemask_epi8(v), cont, lead;
    if (!high && !carry) {
      i += 16;
      continue;
    }
    cont = high & (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x, cont_hi));
    lead = (unsigned)_mm_movemask_epi8(_mm_and_si128(
        _mm_cmpgt_epi8(x, lead_lo), _mm_cmplt_epi8(x, lead_hi)));
    if ((high & ~cont & ~lead) || cont != (((lead << 1) | carry) & 0xFFFF))
      break;
    carry = lead >> 15;
    i += 16;
  }
  return i - carry;
}
#endif

/* Offset of the first byte of p[0..n) that is not valid UTF-8, or n.
** Blocks of ASCII and two-byte characters are checked 16 bytes at a time
** (SSE2); what they cannot take, a few characters at a time, by the
** plain decoder. */
static size_t utf8_first_invalid(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0, k, stop;
  while (i < n) {
#ifdef __SSE2__
    i = utf8_blocks(p, i, n);
#endif
    for (stop = n - i > 16 ? i + 16 : n; i < stop; i += k) {
      if (p[i] < 0x80) {
        k = 1;
        continue;
      }
      k = utf8_seq(p + i, n - i);
      if (!k) return i;
    }
  }
  return n;
}

/* The repair appended piece by piece (a capped buffer). */
static size_t utf8_fix_append(const char *p, size_t n, hs_buf *out) {
  size_t bad = 0, i = 0;
  out->len = 0;
  for (;;) {
    size_t k = utf8_first_invalid(p + i, n - i);
    if (i == 0 && k == n) return 0;
    if (hs_buf_append(out, p + i, k)) goto overflow;
    i += k;
    if (i >= n) break;
    if (hs_buf_append(out, "\xEF\xBF\xBD", 3)) goto overflow;
    bad++;
    i++;
  }
  return bad;
overflow:
  /* Cannot happen with an uncapped buffer; report it as a repair so the
  ** caller parses the (shorter) output rather than the invalid input. */
  return bad ? bad : 1;
}


/* The repair written in place: the valid start, then for each invalid
** byte U+FFFD and the valid run after it, room made only when the buffer
** is full (no call for each invalid byte).  A capped buffer that cannot
** take a step starts over with the appending loop above, which fills it
** as far as it goes. */
size_t hs_utf8_valid_prefix(const char *s, size_t n) {
  return utf8_first_invalid(s, n);
}

size_t hs_utf8_fix(const char *p, size_t n, hs_buf *out) {
  size_t bad = 0, i = utf8_first_invalid(p, n), k;
  out->len = 0;
  if (i == n) return 0;
  if (hs_buf_reserve(out, n + 16)) return utf8_fix_append(p, n, out);
  memcpy(out->p, p, i);
  out->len = i;
  while (i < n) {
    i++;
    k = i < n ? utf8_first_invalid(p + i, n - i) : 0;
    if (out->cap - out->len < k + 4 && hs_buf_reserve(out, k + 3))
      return utf8_fix_append(p, n, out);
    memcpy(out->p + out->len, "\xEF\xBF\xBD", 3);
    memcpy(out->p + out->len + 3, p + i, k);
    out->len += k + 3;
    bad++;
    i += k;
  }
  return bad;
}

size_t hs_utf8_cut(const char *s, size_t n, size_t max) {
  const unsigned char *p = (const unsigned char *)s;
  size_t k;
  if (n <= max) return n;
  if ((p[max] & 0xC0) != 0x80) return max;
  /* p[max] continues a sequence: cut before its lead byte. */
  for (k = max; k > 0 && max - k < 3; k--) {
    if ((p[k - 1] & 0xC0) == 0xC0) return k - 1;
    if ((p[k - 1] & 0xC0) != 0x80) break;
  }
  return max;
}
