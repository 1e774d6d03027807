/*
** mime_words.c — the encoded words of an e-mail header value (RFC 2047,
** "=?charset?B?...?=" and "=?charset?Q?...?="), decoded to UTF-8, so that
** a message's Subject: reads as its writer wrote it, not as its transport
** had to carry it.
**
** None of the libraries hearsay links decodes them (libxml2 only encodes
** base64; zlib, jansson, sqlite3, utf8proc neither), so the two encodings
** are read here; the charset is converted by iconv, as the HTML reader
** does.  A word whose charset iconv does not know, or whose bytes do not
** convert, is left as written.  White space between two encoded words is
** dropped (RFC 2047, 6.2); other text is copied as it is.
*/
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "meta/meta_int.h"

static int hexval(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c |= 0x20;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

static int b64val(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

/* The bytes of encoded text s[0..n) in encoding enc ('B' or 'Q') into
** out (room for n bytes); returns their number, or -1 when the text is
** not of its encoding. */
static long word_bytes(const char *s, size_t n, char enc, char *out) {
  size_t i, o = 0;
  if (enc == 'Q') {
    for (i = 0; i < n; i++) {
      if (s[i] == '_') {
        out[o++] = ' ';
      } else if (s[i] == '=') {
        int hi, lo;
        if (i + 2 >= n) return -1;
        hi = hexval((unsigned char)s[i + 1]);
        lo = hexval((unsigned char)s[i + 2]);
        if (hi < 0 || lo < 0) return -1;
        out[o++] = (char)(hi * 16 + lo);
        i += 2;
      } else {
        out[o++] = s[i];
      }
    }
  } else {
    unsigned acc = 0;
    int bits = 0;
    for (i = 0; i < n && s[i] != '='; i++) {
      int v = b64val((unsigned char)s[i]);
      if (v < 0) return -1;
      acc = (acc << 6) | (unsigned)v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[o++] = (char)((acc >> bits) & 0xff);
      }
    }
  }
  return (long)o;
}

/* One encoded word at s[0..n) (s[0..1] is "=?"): its length in *wl and
** its text converted to UTF-8 appended to *b; 0 when it is not one or
** does not convert (nothing appended). */
static int one_word(const char *s, size_t n, size_t *wl, hs_buf *b) {
  const char *q1, *q2, *end, *star;
  char cs[48], *raw, *in, *outp, *conv;
  size_t csl, inl, outl, cap;
  long nb;
  char enc;
  iconv_t cd;
  int ok = 0;
  q1 = memchr(s + 2, '?', n - 2);
  if (!q1 || q1 + 3 > s + n || q1[2] != '?') return 0;
  enc = (char)(q1[1] & ~0x20);
  if (enc != 'B' && enc != 'Q') return 0;
  q2 = q1 + 3;
  end = q2;
  while (end + 1 < s + n && !(end[0] == '?' && end[1] == '='))
    if (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r' ||
        *end == '?')
      return 0;
    else
      end++;
  if (end + 1 >= s + n) return 0;
  csl = (size_t)(q1 - (s + 2));
  star = memchr(s + 2, '*', csl); /* "charset*language" */
  if (star) csl = (size_t)(star - (s + 2));
  if (csl == 0 || csl >= sizeof cs) return 0;
  memcpy(cs, s + 2, csl);
  cs[csl] = 0;
  raw = hs_malloc((size_t)(end - q2) + 1);
  nb = word_bytes(q2, (size_t)(end - q2), enc, raw);
  if (nb < 0) {
    free(raw);
    return 0;
  }
  cd = iconv_open("UTF-8", cs);
  if (cd != (iconv_t)-1) {
    cap = (size_t)nb * 4 + 4;
    conv = hs_malloc(cap);
    in = raw, inl = (size_t)nb, outp = conv, outl = cap;
    if (iconv(cd, &in, &inl, &outp, &outl) != (size_t)-1 && inl == 0 &&
        iconv(cd, NULL, NULL, &outp, &outl) != (size_t)-1) {
      hs_buf_append(b, conv, (size_t)(outp - conv));
      ok = 1;
    }
    free(conv);
    iconv_close(cd);
  }
  free(raw);
  if (ok) *wl = (size_t)(end + 2 - s);
  return ok;
}

static int all_space(const char *s, size_t n) {
  size_t k;
  for (k = 0; k < n; k++)
    if (s[k] != ' ' && s[k] != '\t' && s[k] != '\r' && s[k] != '\n') return 0;
  return 1;
}

char *hs_mime_words(const char *s, size_t n) {
  hs_buf b;
  size_t i = 0, last = 0, wend = (size_t)-1;
  const char *p;
  int any = 0;
  if (!s || n < 8 || !memchr(s, '?', n)) return NULL;
  hs_buf_init(&b, 0);
  while (i < n && (p = memchr(s + i, '=', n - i)) != NULL) {
    i = (size_t)(p - s);
    if (i + 1 < n && s[i + 1] == '?') {
      size_t mark = b.len, wl;
      /* white space alone between two encoded words is dropped */
      if (!(wend == last && all_space(s + last, i - last)))
        hs_buf_append(&b, s + last, i - last);
      if (one_word(s + i, n - i, &wl, &b)) {
        any = 1;
        i += wl;
        last = wend = i;
        continue;
      }
      b.len = mark; /* not a word: its text is copied with what follows */
    }
    i++;
  }
  if (!any) {
    hs_buf_free(&b);
    return NULL;
  }
  hs_buf_append(&b, s + last, n - last);
  return hs_buf_take(&b, NULL);
}
