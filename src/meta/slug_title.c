/*
** slug_title.c — the headline a republished page's credit spells in its
** address: "Source: http://adriennescatholiccorner.blogspot.com/2018/01/
** trump-arrives-in-davos.html" under a page that opens with "Trump
** arrives in Davos…".
**
** An aggregator's copy keeps the original's address, and most sites write
** the headline's words into its last path part (the slug).  When one of
** the page's first 8 non-blank lines has the slug's words in order (ASCII
** letters and digits folded to lower case, apostrophes dropped inside a
** word, every other byte a break between words), that line is the
** headline, whatever the rules over the page's lines made of it (a
** headline cut short with an ellipsis is no teaser here).  The slug is
** the last path part that holds a letter (a numeric id after it is
** skipped), without its extension (".html", ".php"...); it needs 3 words
** or more, and the line as many words as the slug or up to 3 more (a
** slug may drop a headline's last words).
*/
#include <string.h>

#include "meta/page_int.h"

#define MAXW 24

/* The words of text[s,e) as hashes (lower-cased letters and digits);
** returns their number, at most MAXW (0 past it). */
static int word_hashes(const char *t, uint32_t s, uint32_t e, uint64_t *h) {
  int n = 0, in = 0;
  uint32_t i;
  for (i = s; i < e; i++) {
    unsigned char c = (unsigned char)t[i];
    int al = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
             (c >= '0' && c <= '9');
    if (al) {
      if (!in) {
        if (n == MAXW) return 0;
        h[n++] = 1469598103934665603ull;
        in = 1;
      }
      h[n - 1] = (h[n - 1] ^ (unsigned char)(c | (c >= 'A' && c <= 'Z' ? 0x20 : 0))) *
                 1099511628211ull;
      continue;
    }
    /* an apostrophe inside a word ("Trump's", "Trump’s") joins it */
    if (in && i + 1 < e && c == '\'') continue;
    if (in && i + 2 < e && c == 0xE2 && (unsigned char)t[i + 1] == 0x80 &&
        (unsigned char)t[i + 2] == 0x99) {
      i += 2;
      continue;
    }
    if (c >= 0x80) { /* a word of other letters: no slug matches it */
      in = 0;
      continue;
    }
    in = 0;
  }
  return n;
}

/* The slug of the address text[us, ue): its bytes. */
static int slug_of(const char *t, uint32_t us, uint32_t ue, uint32_t *ss,
                   uint32_t *se) {
  uint32_t e = ue, i, s;
  for (i = us; i < ue; i++)
    if (t[i] == '?' || t[i] == '#') {
      e = i;
      break;
    }
  while (e > us) {
    int letter = 0;
    while (e > us && t[e - 1] == '/') e--;
    for (s = e; s > us && t[s - 1] != '/'; s--) {}
    if (s == us) return 0; /* the host */
    for (i = s; i < e; i++)
      letter |= ((t[i] | 0x20) >= 'a' && (t[i] | 0x20) <= 'z');
    if (letter) {
      uint32_t x;
      for (x = e; x > s && t[x - 1] != '.'; x--) {}
      if (x > s && e - x <= 5) e = x - 1; /* ".html" */
      *ss = s, *se = e;
      return 1;
    }
    e = s;
  }
  return 0;
}

int hs_slug_headline(const char *t, uint32_t len, uint32_t us, uint32_t ue,
                     uint32_t *hs, uint32_t *he) {
  uint64_t sw[MAXW], lw[MAXW];
  uint32_t ss, se, i = 0;
  int ns, lines = 0;
  if (!slug_of(t, us, ue, &ss, &se)) return 0;
  ns = word_hashes(t, ss, se, sw);
  if (ns < 3) return 0;
  while (i < len && lines < 8) {
    uint32_t s = i, e = hs_meta_eol(t, i, len), ls, le;
    int nl, k;
    i = e + 1;
    ls = s, le = e;
    trim(t, &ls, &le);
    if (ls == le) continue;
    lines++;
    if (ls <= us && us < le) continue; /* the credit's own line */
    nl = word_hashes(t, ls, le, lw);
    if (nl < ns || nl > ns + 3) continue;
    for (k = 0; k < ns && sw[k] == lw[k]; k++) {}
    if (k == ns) {
      *hs = ls, *he = le;
      return 1;
    }
  }
  return 0;
}
