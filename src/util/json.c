/*
** json.c — JSON string output shared by every writer of JSON Lines.
** Strings are escaped per RFC 8259; bytes that are not valid UTF-8 are
** written as U+FFFD, so that every line parses whatever the input held.
** hs_json_dumps serializes a jansson tree into the library's memory.
*/
#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "util/util.h"

static int dump_to_buf(const char *s, size_t n, void *ud) {
  return hs_buf_append(ud, s, n) ? -1 : 0;
}

char *hs_json_dumps(const json_t *j, size_t flags) {
  hs_buf b;
  char *s;
  hs_buf_init(&b, 0);
  if (json_dump_callback(j, dump_to_buf, &b, flags)) {
    hs_buf_free(&b);
    return NULL;
  }
  s = hs_buf_take(&b, NULL);
  return s ? s : hs_strdup("");
}

size_t hs_utf8_len_at(const unsigned char *s, size_t n) {
  size_t k, i;
  uint32_t cp;
  if (s[0] < 0x80) return 1;
  if (s[0] >= 0xC2 && s[0] <= 0xDF) k = 2, cp = s[0] & 0x1F;
  else if (s[0] >= 0xE0 && s[0] <= 0xEF) k = 3, cp = s[0] & 0x0F;
  else if (s[0] >= 0xF0 && s[0] <= 0xF4) k = 4, cp = s[0] & 0x07;
  else return 0;
  if (n < k) return 0;
  for (i = 1; i < k; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if ((k == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (k == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
    return 0;
  return k;
}

void hs_json_buf_strn(hs_buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0, k, run;
  hs_buf_putc(b, '"');
  while (i < n) {
    unsigned char ch = p[i];
    /* a run of plain printable ASCII and valid UTF-8 sequences goes in
    ** one copy (Arabic or Persian text: one copy a run, not one a
    ** character) */
    for (run = i; run < n;) {
      if (p[run] >= 0xC2 && p[run] <= 0xDF && run + 1 < n &&
          (p[run + 1] & 0xC0) == 0x80) {
        run += 2; /* a two-byte sequence (Latin, Greek, Cyrillic, Arabic) */
      } else if (p[run] >= 0x80) {
        if ((k = hs_utf8_len_at(p + run, n - run)) == 0) break;
        run += k;
      } else if (p[run] >= 0x20 && p[run] < 0x7F && p[run] != '"' &&
                 p[run] != '\\') {
        run++;
      } else {
        break;
      }
    }
    if (run > i) {
      hs_buf_append(b, p + i, run - i);
      i = run;
      continue;
    }
    if (ch == '"' || ch == '\\') {
      char esc[2] = {'\\', (char)ch};
      hs_buf_append(b, esc, 2);
      i++;
    } else if (ch < 0x20 || ch == 0x7F) {
      char esc[6] = {'\\', 'u', '0', '0', hex[ch >> 4], hex[ch & 15]};
      if (ch == '\n') hs_buf_append(b, "\\n", 2);
      else if (ch == '\t') hs_buf_append(b, "\\t", 2);
      else if (ch == '\r') hs_buf_append(b, "\\r", 2);
      else hs_buf_append(b, esc, 6);
      i++;
    } else { /* not valid UTF-8: the run above takes the valid */
      hs_buf_append(b, "\\ufffd", 6);
      i++;
    }
  }
  hs_buf_putc(b, '"');
}

void hs_text_buf_strn(hs_buf *b, const char *s, size_t n, int flat) {
  static const char hex[] = "0123456789abcdef";
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0, k, run;
  while (i < n) {
    unsigned char ch = p[i];
    for (run = i; run < n && p[run] >= 0x20 && p[run] < 0x7F; run++) {}
    if (run > i) {
      hs_buf_append(b, p + i, run - i);
      i = run;
      continue;
    }
    if (flat && (ch == '\n' || ch == '\t' || ch == '\r')) {
      hs_buf_putc(b, ' ');
      i++;
    } else if (ch < 0x20 || ch == 0x7F) {
      char esc[6] = {'\\', 'u', '0', '0', hex[ch >> 4], hex[ch & 15]};
      hs_buf_append(b, esc, 6);
      i++;
    } else if ((k = hs_utf8_len_at(p + i, n - i)) == 0) {
      hs_buf_append(b, "\\ufffd", 6);
      i++;
    } else if (k == 2 && ch == 0xC2 && p[i + 1] < 0xA0) { /* C1: U+0080-9F */
      char esc[6] = {'\\', 'u', '0', '0', hex[p[i + 1] >> 4],
                     hex[p[i + 1] & 15]};
      hs_buf_append(b, esc, 6);
      i += 2;
    } else {
      hs_buf_append(b, p + i, k);
      i += k;
    }
  }
}

char *hs_utf8_repair(const char *s, size_t n, size_t *len, size_t *nbad) {
  const unsigned char *p = (const unsigned char *)s;
  hs_buf b;
  size_t i = 0, k, bad = 0;
  hs_buf_init(&b, 0);
  while (i < n) {
    if ((k = hs_utf8_len_at(p + i, n - i)) == 0) {
      hs_buf_append(&b, "\xef\xbf\xbd", 3);
      bad++;
      i++;
    } else {
      hs_buf_append(&b, p + i, k);
      i += k;
    }
  }
  if (nbad) *nbad = bad;
  return hs_buf_take(&b, len);
}

void hs_json_strn(FILE *f, const char *s, size_t n) {
  hs_buf b;
  hs_buf_init(&b, 0);
  hs_json_buf_strn(&b, s, n);
  fwrite(b.p, 1, b.len, f);
  hs_buf_free(&b);
}

void hs_json_str(FILE *f, const char *s) {
  if (!s) fputs("null", f);
  else hs_json_strn(f, s, strlen(s));
}
