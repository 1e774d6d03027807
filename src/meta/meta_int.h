/*
** meta_int.h — private interface of the meta and attrib stages: the date
** scanner behind hs_date_find, JSON and XML string writers shared by the
** metadata and graph writers, and the store tables of both stages.
*/
#ifndef HS_META_INT_H
#define HS_META_INT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hearsay.h"
#include "text/text.h"
#include "util/util.h"

/* Every date in text, in order, at most max; returns their number. */
size_t hs_date_scan(const char *text, size_t len, hs_date *out, size_t max);
/* 1 if y-m-d is a Gregorian date of years 1000..2999. */
int hs_date_valid(int y, int m, int d);

/* XML-escaped text (for attributes and elements); invalid UTF-8 and
** control characters become U+FFFD. */
void hs_xml_str(FILE *f, const char *s);

/* A line of a document as the per-outlet boilerplate rule sees it: the
** hash of its outlet's name, the hash of its normalized words, and its
** bytes (without the newline and a trailing \r). */
typedef struct hs_line_rec {
  uint64_t series, hash;
  uint32_t doc, start, end;
} hs_line_rec;

/* qsort order of line records: (series, hash, doc, start). */
int hs_line_rec_cmp(const void *x, const void *y);

/* The outlet hash of a series name (0 for none: the rule does not
** apply). */
uint64_t hs_line_series(const char *series);
/* Append to *v (n of cap, grown) a record for each non-blank line of text
** shorter than 2,000 bytes once trimmed, numbered doc; series is
** hs_line_series's.  tk is the caller's tokenizer; hv and hvcap are
** scratch. */
void hs_line_records(hs_tokenizer *tk, uint64_t series, const char *text,
                     size_t len, uint32_t doc, hs_line_rec **v, size_t *n,
                     size_t *cap, uint64_t **hv, size_t *hvcap);
/* The same records from toks, the tokens of the whole text (as
** hs_tokenize gives them), without tokenizing again. */
void hs_line_records_tokens(const hs_token *toks, size_t ntoks,
                            uint64_t series, const char *text, size_t len,
                            uint32_t doc, hs_line_rec **v, size_t *n,
                            size_t *cap, uint64_t **hv, size_t *hvcap);

/* page.c: the outlet rules of a page without given series (out, and the
** original an aggregator credits, both empty on entry), its headline
** (outlet: the outlet found, to skip its masthead; may be NULL), and a
** date in a URL (/2017/12/30/, /2017-12-30, /20171230/). */
const char *hs_page_outlet(const hs_doc *d, const hs_aliases *a,
                           const hs_range *b, size_t nb, hs_meta_field *out,
                           hs_meta_field *orig);
void hs_page_title(const hs_doc *d, const hs_aliases *a, const hs_range *b,
                   size_t nb, const hs_meta_field *outlet,
                   hs_meta_field *out);
int hs_url_date(const char *url, int *y, int *m, int *d);
/* The line among the text's first 8 that the slug of the address at
** text[us, ue) spells ("/trump-arrives-in-davos.html" over "Trump arrives
** in Davos…"): its bytes (slug_title.c). */
int hs_slug_headline(const char *t, uint32_t len, uint32_t us, uint32_t ue,
                     uint32_t *hs, uint32_t *he);
/* s[0..n) with its RFC 2047 encoded words ("=?utf-8?B?...?=") decoded to
** UTF-8 (mime_words.c), a new string; NULL when it holds none that
** decodes. */
char *hs_mime_words(const char *s, size_t n);
/* fields.c: the end of the e-mail or Usenet header block the text opens
** with (its first blank line), or 0 when it opens with none. */
uint32_t hs_meta_mail_block(const char *t, uint32_t len);
/* credits.c: a credit line ("Source: http://...") among the text's last 3
** non-blank lines whose value is a web address: the host's bytes in
** [*hs, *he), the address's in [*us, *ue). */
int hs_pg_source_address(const char *t, uint32_t len, uint32_t *hs,
                         uint32_t *he, uint32_t *us, uint32_t *ue);

/* site.c: the outlet an HTML page names in its markup (the `page_site` of
** its extra, through the alias table): fills out and returns "html", or
** NULL when the document has none; and its headline without a known
** site's name at its end. */
const char *hs_page_site(const hs_doc *d, const hs_aliases *a,
                         hs_meta_field *out);
void hs_page_site_title(const hs_doc *d, const hs_aliases *a,
                        const hs_meta_field *outlet, hs_meta_field *title);

/* 1 when the line t[s, e) is a site's plea of at most 12 words
** ("Subscribe to Canada Free Press for FREE"): never a headline
** (title.c). */
int hs_pg_plea_line(const char *t, uint32_t s, uint32_t e);

/* The page's first line into *out when a site's ticker of another story
** ("Headline: ...") follows it (title.c); returns 1 if set. */
int hs_page_ticker_title(const hs_doc *d, const hs_range *b, size_t nb,
                         hs_meta_field *out);

/* 1 when the bytes t[s, e) begin with p (lower-case ASCII), the ASCII
** letters of t compared without case.  p is read as it is compared (no
** strlen first): most calls stop at the first byte, on one table load and
** one test. */
static inline int hs_meta_starts_ci(const char *t, uint32_t s, uint32_t e,
                                    const char *p) {
  uint32_t avail = e - s;
  size_t j;
  if (!avail || hs_ascii_lower[(unsigned char)t[s]] != (unsigned char)p[0])
    return !p[0];
  if (!p[0]) return 1;
  for (j = 1; p[j]; j++) {
    if (j >= avail) return 0; /* p is longer than t[s, e) */
    if (hs_ascii_lower[(unsigned char)t[s + j]] != (unsigned char)p[j])
      return 0;
  }
  return 1;
}

/* The end of the line at i: the first '\n' in t[i, len), or len (i when
** i >= len).  One memchr, not a byte loop: the line scans run over every
** line of a page, and the fuzz build traces each byte compare of a loop. */
static inline uint32_t hs_meta_eol(const char *t, uint32_t i, uint32_t len) {
  const char *nl;
  if (i >= len) return i;
  nl = memchr(t + i, '\n', len - i);
  return nl ? (uint32_t)(nl - t) : len;
}

/* The number of lines in t[0, len), at most max: the size of a line array
** for a reader that keeps at most max lines.  Sized by the page, not by
** max, a short page's array is small (no zeroing nor fresh pages for
** hundreds of lines that are not there). */
static inline size_t hs_meta_line_count(const char *t, size_t len,
                                        size_t max) {
  size_t n = 1, i = 0;
  const char *nl;
  while (n < max && i < len && (nl = memchr(t + i, '\n', len - i)) != NULL) {
    i = (size_t)(nl - t) + 1;
    n++;
  }
  return n;
}

#endif
