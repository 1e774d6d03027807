/*
** charset.c — an HTML page's bytes into UTF-8 before parsing.
**
** Charset from the caller (HTTP header), else a byte order mark, else a
** <meta charset> / http-equiv in the first 4 KiB, else UTF-8 when the bytes
** are valid UTF-8, else windows-1252; conversion uses iconv (windows-1252,
** the fallback, a table of its own: no converter opened for it), an unknown
** charset is one warning and the bytes are read as UTF-8 with invalid
** sequences replaced.  Kept apart from the tree passes because it works
** on bytes, before there is a tree.
*/
#include "web/html_int.h"

#include <errno.h>
#include <iconv.h>

#define SNIFF_BYTES 4096      /* where <meta charset> is looked for */

/* ---------------------------------------------------------------- charset */

static int utf8_valid(const char *s, size_t n) {
  return hs_utf8_valid_prefix(s, n) == n;
}

/* windows-1252 (and what charset_alias reads as it: latin-1, ASCII), the
** fallback for pages that are not valid UTF-8, without an iconv
** converter opened for each page: bytes below 0x80 and from 0xA0 on are
** the code points of the same value; 0x80 to 0x9F from this table, where
** 0 marks the five bytes windows-1252 leaves undefined, which iconv
** refuses and the conversion below writes as U+FFFD, as it does for
** iconv's refusals. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

static void cp1252_to_utf8(const char *page, size_t len, hs_buf *b) {
  const unsigned char *p = (const unsigned char *)page;
  size_t i = 0, run;
  char *o;
  if (hs_buf_reserve(b, len * 3 + 1)) return;
  o = b->p + b->len;
  while (i < len) {
    unsigned cp;
    /* ASCII runs are copied whole */
    for (run = i; run < len && p[run] < 0x80; run++) {}
    memcpy(o, p + i, run - i);
    o += run - i;
    if ((i = run) >= len) break;
    cp = p[i] < 0xA0 ? cp1252_high[p[i] - 0x80] : p[i];
    if (!cp) cp = 0xFFFD;
    if (cp < 0x800) {
      *o++ = (char)(0xC0 | (cp >> 6));
      *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
      *o++ = (char)(0xE0 | (cp >> 12));
      *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
      *o++ = (char)(0x80 | (cp & 0x3F));
    }
    i++;
  }
  b->len = (size_t)(o - b->p);
}

/* charset=NAME in s[0..n) after pos; copies NAME into out. */
static int charset_from(const char *s, size_t n, char *out, size_t cap) {
  size_t i, k = 0;
  static const char key[] = "charset";
  for (i = 0; i + 7 < n; i++) {
    size_t j;
    for (j = 0; j < 7; j++)
      if (tolower((unsigned char)s[i + j]) != key[j]) break;
    if (j < 7) continue;
    i += 7;
    while (i < n && is_space((unsigned char)s[i])) i++;
    if (i >= n || s[i] != '=') continue;
    i++;
    while (i < n && (is_space((unsigned char)s[i]) || s[i] == '"' ||
                     s[i] == '\''))
      i++;
    while (i < n && k + 1 < cap &&
           (isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == '_' ||
            s[i] == ':' || s[i] == '.'))
      out[k++] = s[i++];
    out[k] = '\0';
    return k > 0;
  }
  return 0;
}

static const char *charset_alias(const char *cs) {
  if (ieq(cs, "utf8") || ieq(cs, "utf-8") || ieq(cs, "unicode-1-1-utf-8"))
    return "UTF-8";
  if (ieq(cs, "iso-8859-1") || ieq(cs, "latin1") || ieq(cs, "us-ascii") ||
      ieq(cs, "ascii") || ieq(cs, "iso8859-1") || ieq(cs, "l1"))
    return "WINDOWS-1252";
  return cs;
}

/* A <meta> declaration of a UTF-16 (or UTF-32) charset cannot be true: the
** tag was read as ASCII bytes.  The HTML standard's prescan turns the
** UTF-16 labels into UTF-8, as browsers do; UTF-32 the same way. */
static int meta_wide_charset(const char *cs) {
  static const char *const labels[] = {
      "utf-16", "utf-16le", "utf-16be", "utf16", "utf16le", "utf16be",
      "unicode", "unicodefeff", "unicodefffe", "csunicode", "ucs-2",
      "iso-10646-ucs-2", "utf-32", "utf-32le", "utf-32be", "utf32",
      "ucs-4"};
  size_t i;
  for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
    if (ieq(cs, labels[i])) return 1;
  return 0;
}

/* The page as UTF-8 in *out (malloc'ed).  Warns for an unknown charset. */
void hs_html_to_utf8(const char *page, size_t len, const char *hint,
                    hs_warn_fn warn, void *ud, const char *where, char **out,
                    size_t *outlen) {
  char cs[64] = "";
  const char *name;
  int valid = 0; /* the bytes were found valid UTF-8 already */
  hs_buf b;
  hs_buf_init(&b, 0);
  if (hint && hint[0]) snprintf(cs, sizeof cs, "%s", hint);
  if (len >= 3 && !memcmp(page, "\xEF\xBB\xBF", 3)) {
    snprintf(cs, sizeof cs, "UTF-8");
    page += 3;
    len -= 3;
  } else if (len >= 2 && (!memcmp(page, "\xFF\xFE", 2) ||
                          !memcmp(page, "\xFE\xFF", 2))) {
    snprintf(cs, sizeof cs, "%s", page[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE");
    page += 2;
    len -= 2;
  }
  if (!cs[0]) {
    size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES, i = 0;
    /* Only inside <meta ...> tags; each '<' found by memchr (a test of
    ** every byte is a call in the fuzzing build). */
    while (i + 5 < n) {
      const char *lt = memchr(page + i, '<', n - 5 - i);
      if (!lt) break;
      i = (size_t)(lt - page);
      if (tolower((unsigned char)page[i + 1]) == 'm' &&
          tolower((unsigned char)page[i + 2]) == 'e' &&
          tolower((unsigned char)page[i + 3]) == 't' &&
          tolower((unsigned char)page[i + 4]) == 'a') {
        const char *e = memchr(page + i, '>', n - i);
        size_t m = e ? (size_t)(e - (page + i)) : n - i;
        if (charset_from(page + i, m, cs, sizeof cs)) {
          if (meta_wide_charset(cs)) snprintf(cs, sizeof cs, "UTF-8");
          break;
        }
      }
      i++;
    }
  }
  if (!cs[0]) {
    valid = utf8_valid(page, len);
    snprintf(cs, sizeof cs, "%s", valid ? "UTF-8" : "WINDOWS-1252");
  }
  name = charset_alias(cs);
  if (ieq(name, "WINDOWS-1252")) {
    cp1252_to_utf8(page, len, &b);
    goto done;
  }
  if (!ieq(name, "UTF-8")) {
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1) {
      if (warn) {
        char msg[160];
        snprintf(msg, sizeof msg, "unknown charset \"%.60s\"; read as UTF-8",
                 cs);
        warn(ud, where, msg);
      }
    } else {
      char *in = (char *)(uintptr_t)page, *o;
      size_t inleft = len, cap = len * 2 + 16, oleft;
      char *buf = hs_malloc(cap);
      o = buf;
      oleft = cap;
      while (inleft) {
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        if (r != (size_t)-1) break;
        if (errno == E2BIG) {
          size_t used = (size_t)(o - buf);
          cap *= 2;
          buf = hs_realloc(buf, cap);
          o = buf + used;
          oleft = cap - used;
        } else {
          /* Invalid or incomplete: U+FFFD for one byte, go on. */
          if (oleft < 4) {
            size_t used = (size_t)(o - buf);
            cap *= 2;
            buf = hs_realloc(buf, cap);
            o = buf + used;
            oleft = cap - used;
          }
          memcpy(o, "\xEF\xBF\xBD", 3);
          o += 3;
          oleft -= 3;
          in++;
          inleft--;
        }
      }
      iconv_close(cd);
      hs_buf_append(&b, buf, (size_t)(o - buf));
      free(buf);
      goto done;
    }
  }
  if (valid || hs_utf8_fix(page, len, &b) == 0) {
    b.len = 0;
    hs_buf_append(&b, page, len);
  }
done:
  {
    /* NUL bytes would end the parse early. */
    char *z = b.len ? memchr(b.p, 0, b.len) : NULL;
    while (z) {
      *z = ' ';
      z = memchr(z + 1, 0, b.len - (size_t)(z + 1 - b.p));
    }
  }
  *out = hs_buf_take(&b, outlen);
  if (!*out) {
    *out = hs_calloc(1, 1);
    *outlen = 0;
  }
}

/* 1 for the control bytes hs_html_looks_binary counts: below 0x20 but
** the six white-space bytes of is_space, and DEL. */
#define CTL8(a, b, c, d, e, f, g, h) a, b, c, d, e, f, g, h
static const unsigned char ctl_byte[256] = {
    CTL8(1, 1, 1, 1, 1, 1, 1, 1), CTL8(1, 0, 0, 0, 0, 0, 1, 1), /* \t-\r */
    CTL8(1, 1, 1, 1, 1, 1, 1, 1), CTL8(1, 1, 1, 1, 1, 1, 1, 1),
    [0x7f] = 1};

/* Counted by table, eight bytes a step: no test of a byte (each one a
** call in the fuzzing build). */
int hs_html_looks_binary(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0, ctl = 0;
  if (n > 8192) n = 8192;
  for (; n - i >= 8; i += 8)
    ctl += (size_t)ctl_byte[p[i]] + ctl_byte[p[i + 1]] + ctl_byte[p[i + 2]] +
           ctl_byte[p[i + 3]] + ctl_byte[p[i + 4]] + ctl_byte[p[i + 5]] +
           ctl_byte[p[i + 6]] + ctl_byte[p[i + 7]];
  for (; i < n; i++) ctl += ctl_byte[p[i]];
  return ctl * 10 > n;
}

