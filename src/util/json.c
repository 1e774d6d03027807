/*
** json.c — JSON string output shared by every writer of JSON Lines.
** Strings are escaped per RFC 8259; bytes that are not valid UTF-8 are
** written as U+FFFD, so that every line parses whatever the input held.
*/
#include <stdio.h>
#include <string.h>

#include "util/util.h"

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

void hs_json_strn(FILE *f, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t i = 0, k;
  putc('"', f);
  while (i < n) {
    unsigned char ch = p[i];
    if (ch == '"' || ch == '\\') {
      putc('\\', f);
      putc(ch, f);
      i++;
    } else if (ch < 0x20 || ch == 0x7F) {
      if (ch == '\n') fputs("\\n", f);
      else if (ch == '\t') fputs("\\t", f);
      else if (ch == '\r') fputs("\\r", f);
      else fprintf(f, "\\u%04x", ch);
      i++;
    } else if ((k = hs_utf8_len_at(p + i, n - i)) == 0) {
      fputs("\\ufffd", f);
      i++;
    } else {
      fwrite(p + i, 1, k, f);
      i += k;
    }
  }
  putc('"', f);
}

void hs_json_str(FILE *f, const char *s) {
  if (!s) fputs("null", f);
  else hs_json_strn(f, s, strlen(s));
}
