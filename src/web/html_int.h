/*
** html_int.h — what the files of the HTML extractor share: the per-element
** record, the extraction context, small tree and string helpers, and the
** functions each file offers the others.
**
**   html.c       hs_web_extract (the order of the passes), documents;
**   charset.c    charset detection and conversion to UTF-8;
**   html_meta.c  metadata: <meta> tags, JSON-LD, authors, language, dates;
**   html_dom.c   the DOM walk: boilerplate removal, text-density scoring,
**                choice of the article container;
**   html_out.c   paragraph output and the source map.
**
** The helpers are static inline so that each file keeps the calls the
** single-file version had.
*/
#ifndef HS_HTML_INT_H
#define HS_HTML_INT_H

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#include "web/web.h"

#define MAX_DEPTH 400         /* deeper subtrees are ignored */

/* Metadata fields, filled from the <meta> names of html_meta.c's table. */
enum { F_PUB, F_MOD, F_AUTHOR, F_SITE, F_TITLE, F_URL, F_LANG, F_TWITTER,
       F_NFIELDS };

/* ------------------------------------------------------------ per element */

typedef struct einfo {
  size_t text;     /* visible characters (not bytes) in the subtree */
  size_t links;    /* of which inside <a> */
  size_t commas;
  size_t ptext;    /* of which inside <p> */
  int hint;        /* holds <article>, <main> or itemprop=articleBody */
  double score;
  int scored;
  int removed;
  int nps, nlis;   /* <p> and <li> descendants */
} einfo;

typedef struct ctx {
  const char *page;     /* the UTF-8 page */
  size_t len;
  xmlDoc *doc;
  einfo *info;
  size_t ninfo, cap;
  /* metadata */
  char *meta[F_NFIELDS];
  int meta_rank[F_NFIELDS];
  char *html_lang, *doc_title, *canonical, *h1;
  char *logo_alt, *copyright;  /* the site's logo text, a copyright line */
  char *ld_title, *ld_pub, *ld_mod, *ld_site, *ld_body, *ld_url, *ld_lang;
  char *ld_page_pub, *ld_page_mod;  /* from non-Article objects */
  int ld_seen_article;
  char **authors;
  size_t nauthors, capauthors;
  xmlNode *body, *article_body;
  size_t article_body_len;
  /* output */
  hs_buf out;
  hs_buf para;
  size_t para_links;
  int para_heading;
  size_t para_pstart, para_pend;
  int para_mapped;
  size_t cursor;
  hs_source_run *map;
  size_t nmap, capmap;
  const char *title;  /* chosen title, to skip its repeat */
} ctx;

typedef struct msum {
  size_t text, links, commas, ptext;
  int hint;
} msum;

/* --------------------------------------------------------- small helpers */

/* ASCII case folding inline: tag and attribute names are ASCII, and
** tolower() costs a call through the locale's table for every byte of
** every comparison of every DOM pass. */
static inline unsigned char ascii_lower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Equal bytes need no folding, and two bytes that differ in a bit other
** than 0x20 differ folded too (folding sets only that bit), so a name
** compared with another that starts with a different letter, the common
** case, costs one test. */
static inline int ieq(const char *a, const char *b) {
  if (!a || !b) return 0;
  for (;; a++, b++) {
    unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
    if (x == y) {
      if (!x) return 1;
      continue;
    }
    if ((x ^ y) != 0x20 || ascii_lower(x) != ascii_lower(y)) return 0;
  }
}

static inline int tag_is(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && n->name &&
         ieq((const char *)n->name, name);
}

static inline int tag_in(const xmlNode *n, const char *const *names) {
  if (!n || n->type != XML_ELEMENT_NODE || !n->name) return 0;
  for (; *names; names++)
    if (ieq((const char *)n->name, *names)) return 1;
  return 0;
}

static inline char *attr(const xmlNode *n, const char *name) {
  return (char *)xmlGetProp(n, (const xmlChar *)name);
}

/* First occurrence of needle[0..m) in hay[0..n), or NULL. */
static inline const char *mem_find(const char *hay, size_t n, const char *needle,
                            size_t m) {
  const char *p = hay, *end = hay + n;
  if (!m || m > n) return NULL;
  while ((size_t)(end - p) >= m) {
    p = memchr(p, needle[0], (size_t)(end - p) - m + 1);
    if (!p) return NULL;
    if (!memcmp(p, needle, m)) return p;
    p++;
  }
  return NULL;
}

/* One test and a bit of a mask rather than six tests: text nodes are
** scanned byte by byte, and in the fuzzing build every comparison with a
** constant is also a call. */
static inline int is_space(unsigned char c) {
  const unsigned long long set = (1ull << ' ') | (1ull << '\t') |
                                 (1ull << '\n') | (1ull << '\r') |
                                 (1ull << '\f') | (1ull << '\v');
  return c <= ' ' && ((set >> c) & 1);
}

/* Trimmed, whitespace-collapsed malloc'ed copy (NULL if empty). */
static inline char *clean_str(const char *s) {
  char *o;
  size_t len = 0;
  int sp = 0;
  if (!s) return NULL;
  o = hs_malloc(strlen(s) + 1);
  while (*s) {
    /* a run of bytes that are neither white space nor 0xC2, by strcspn
    ** (each byte's tests were calls in the fuzzing build) */
    size_t k = strcspn(s, " \t\n\r\f\v\xC2");
    if (!k && (unsigned char)*s != 0xC2) { /* white space */
      sp = 1;
      s++;
      continue;
    }
    if (!k && (unsigned char)s[1] == 0xA0) { /* U+00A0 */
      sp = 1;
      s += 2;
      continue;
    }
    if (!k) k = 1; /* 0xC2 starting another character */
    if (sp && len) o[len++] = ' ';
    sp = 0;
    memcpy(o + len, s, k);
    len += k;
    s += k;
  }
  if (!len) {
    free(o);
    return NULL;
  }
  o[len] = '\0';
  return o;
}

static inline einfo *info_of(ctx *c, const xmlNode *n) {
  size_t k = (size_t)(uintptr_t)n->_private;
  if (n->type != XML_ELEMENT_NODE || !k || k > c->ninfo) return NULL;
  return &c->info[k - 1];
}

static inline double link_density(const einfo *e) {
  return e->text ? (double)e->links / (double)e->text : 0;
}

/* ------------------------------------------------------------ charset.c */

/* page[0..len) in UTF-8 into *out (malloc'ed, NUL-terminated): charset
** from hint, a byte order mark, <meta charset>, else UTF-8 or
** windows-1252; problems are warnings through warn. */
void hs_html_to_utf8(const char *page, size_t len, const char *hint,
                     hs_warn_fn warn, void *warn_ud, const char *where,
                     char **out, size_t *outlen);
/* Control characters in more than a tenth of the first 8 KiB. */
int hs_html_looks_binary(const char *s, size_t n);

/* ---------------------------------------------------------- html_meta.c */

/* Metadata of the whole tree into c (meta tags, JSON-LD, title, lang). */
void hs_html_meta_pass(ctx *c, xmlNode *n, int depth);
/* a->date and a->date_raw from the metadata, <time> near top, the URL,
** then the start of the text. */
void hs_html_pick_date(ctx *c, hs_article *a, const char *url, xmlNode *top);
/* A 2- or 3-letter language code from a lang attribute, or NULL. */
char *hs_html_lang_code(const char *s);
/* "ar", "ru" or "en" from the letters of s, or NULL. */
char *hs_html_guess_language(const char *s, size_t n);

/* ----------------------------------------------------------- html_dom.c */

extern const char *const hs_html_block_tags[];
void hs_html_mark_always(ctx *c, xmlNode *n);
void hs_html_measure(ctx *c, xmlNode *n, int in_link, int in_p, msum *m);
void hs_html_mark_boiler(ctx *c, xmlNode *n, size_t ptotal, size_t total);
void hs_html_count_tags(ctx *c, xmlNode *n, int *nps, int *nlis);
/* Score the body, emit the chosen container (and its siblings); returns
** the container. */
xmlNode *hs_html_choose_and_emit(ctx *c);

/* ----------------------------------------------------------- html_out.c */

/* End the current paragraph: append it to c->out with its map run. */
void hs_html_flush_para(ctx *c);
/* Write the text of n and its following siblings, paragraph by block. */
void hs_html_emit(ctx *c, xmlNode *n, int in_link, int depth);

#endif /* HS_HTML_INT_H */
