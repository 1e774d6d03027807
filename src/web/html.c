/*
** html.c — article extraction from one HTML page: hs_web_extract and the
** ingest entry points for .html files.
**
** The page is first turned into UTF-8: charset from the caller (HTTP
** header), else a byte order mark, else a <meta charset> / http-equiv in
** the first 4 KiB, else UTF-8 when the bytes are valid UTF-8, else
** windows-1252; conversion uses iconv, an unknown charset is one warning
** and the bytes are read as UTF-8 with invalid sequences replaced.  The
** UTF-8 copy is parsed by libxml2's HTML parser (recovering from broken
** markup, the page's own encoding hints ignored since it is UTF-8 now).
**
** Extraction follows the readability / trafilatura design:
**  1. metadata from the whole tree: <meta> tags (table meta_keys, in
**     priority order), JSON-LD (jansson; Article-like objects first),
**     <link rel=canonical>, rel=author, <html lang>, <title>;
**  2. boilerplate removal: script, style and other non-text elements
**     always; nav, header, footer, aside, form, figure, hidden elements
**     and elements whose class or id holds a boilerplate word (tables
**     boiler_strong, boiler_weak, content_words) unless the element holds
**     the article (an <article>/<main>/articleBody inside, or most of the
**     page's paragraph text);
**  3. scoring: every paragraph-like element (p, pre, td, and divs without
**     block children) of 25+ characters scores 1 + commas + min(len/100,
**     3), added to its parent, half to its grandparent, a third further
**     up; scores are scaled by 1 - link density.  An element marked
**     itemprop=articleBody with enough text wins outright; otherwise the
**     best scorer, moved up while its parent holds clearly more of the
**     text, plus qualifying siblings; the <time> and text dates are looked
**     for in and just around that container;
**  4. output: the chosen subtree in document order, one paragraph per
**     block element, whitespace collapsed; link lists and link-heavy
**     blocks dropped (conditional cleaning); if the page's JSON-LD
**     articleBody is much longer than what was found, it is used instead.
**
** Source map: for each text node written, its first and last word (up
** to 24 bytes without markup-significant characters) are searched in the
** UTF-8 page from a cursor that starts at <body and only moves forward,
** giving the byte range
** of the node; a paragraph's range runs from its first found node to the
** end of its last.  Offsets are exact at word boundaries for UTF-8 pages
** whose text is not entity-encoded at the ends of a node; for other
** charsets they point into the UTF-8 conversion of the page.
**
** Cost: one parse and a few linear passes over the tree; memory is the
** tree plus one small record per element.
*/
#include "web/web.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 400         /* deeper subtrees are ignored */
#define SNIFF_BYTES 4096      /* where <meta charset> is looked for */
#define MIN_PARA 25           /* characters for a paragraph to score */
#define TOKEN_MAX 24          /* bytes of a word searched for the map */
#define MAP_WINDOW ((size_t)1 << 18) /* how far ahead a word is searched */

/* ---------------------------------------------------------------- tables */

/* Metadata fields and the <meta> names (name=, property= or itemprop=,
** compared case-insensitively) that fill them.  For each field the first
** listed name present in the page wins. */
enum { F_PUB, F_MOD, F_AUTHOR, F_SITE, F_TITLE, F_URL, F_LANG, F_NFIELDS };

static const struct meta_key {
  const char *name;
  int field;
} meta_keys[] = {
    {"article:published_time", F_PUB},
    {"og:article:published_time", F_PUB},
    {"datepublished", F_PUB},
    {"og:published_time", F_PUB},
    {"article.published", F_PUB},
    {"pubdate", F_PUB},
    {"publishdate", F_PUB},
    {"publish-date", F_PUB},
    {"publish_date", F_PUB},
    {"parsely-pub-date", F_PUB},
    {"sailthru.date", F_PUB},
    {"dc.date.issued", F_PUB},
    {"dc.date", F_PUB},
    {"dcterms.created", F_PUB},
    {"dcterms.date", F_PUB},
    {"citation_publication_date", F_PUB},
    {"article_date_original", F_PUB},
    {"original-publish-date", F_PUB},
    {"displaydate", F_PUB},
    {"date", F_PUB},
    {"datecreated", F_PUB},
    {"article:modified_time", F_MOD},
    {"og:updated_time", F_MOD},
    {"datemodified", F_MOD},
    {"dcterms.modified", F_MOD},
    {"last-modified", F_MOD},
    {"author", F_AUTHOR},
    {"article:author", F_AUTHOR},
    {"dc.creator", F_AUTHOR},
    {"parsely-author", F_AUTHOR},
    {"sailthru.author", F_AUTHOR},
    {"byl", F_AUTHOR},
    {"og:site_name", F_SITE},
    {"application-name", F_SITE},
    {"og:title", F_TITLE},
    {"twitter:title", F_TITLE},
    {"headline", F_TITLE},
    {"og:url", F_URL},
    {"content-language", F_LANG},
    {"dc.language", F_LANG},
    {"og:locale", F_LANG},
};
#define N_META_KEYS (sizeof meta_keys / sizeof meta_keys[0])

/* Words that mark an element's class or id as boilerplate.  The class and
** id are split into words at every character that is not a letter or
** digit and lowercased; a word equal to an entry, or starting with an
** entry marked '*', condemns the element.  Strong words condemn it
** always; weak ones only when no word of content_words is present too
** (readability's "ok maybe" rule: "entry-content read-more" stays). */
static const char *const boiler_strong[] = {
    "comment*", "share*", "sharing", "social*", "related*", "recommend*",
    "recirc*", "outbrain*", "taboola*", "cookie*", "consent", "gdpr",
    "newsletter*", "subscribe*", "subscription", "signup", "promo*",
    "sidebar*", "footer*", "nav", "navbar", "navigation", "subnav", "topnav",
    "menu", "menus", "breadcrumb*", "advert*", "sponsor*", "disqus*",
    "mostread", "paywall", "skyscraper", "masthead", NULL,
};
static const char *const boiler_weak[] = {
    "ad", "ads", "adslot", "adunit", "banner", "popup", "modal", "overlay",
    "widget*", "tags", "byline*", "author", "authors", "bio", "dateline",
    "caption*", "credit", "credits", "toolbar", "header", "hidden", "sronly",
    "pagination", "pager", "rss", "popular", "trending", "readmore", "more",
    "login", "skip", "print", "disclaimer", "copyright", "tools",
    "timestamp", "meta", "jump", "extra", "supplemental", NULL,
};
static const char *const content_words[] = {
    "article", "body", "content", "main", "story", "entry", "post", "text",
    "column", "articlebody", "storybody", "postbody", NULL,
};


/* Whole paragraphs dropped as page furniture (compared case-insensitively
** after whitespace collapsing). */
static const char *const boiler_lines[] = {
    "advertisement", "advertisements", "sponsored", "read more",
    "share this article", "share", "continue reading", "related",
    "story continues below advertisement", "skip advertisement",
};
#define N_BOILER_LINES (sizeof boiler_lines / sizeof boiler_lines[0])

/* Month names for text dates (English), lowercase; index = month - 1
** (the abbreviations follow, then "sept"). */
static const char *const month_names[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
    "jan",     "feb",      "mar",       "apr",     "may",      "jun",
    "jul",     "aug",      "sep",       "oct",     "nov",      "dec",
    "sept",
};
#define N_MONTHS (sizeof month_names / sizeof month_names[0])

/* --------------------------------------------------------- small helpers */

static int ieq(const char *a, const char *b) {
  if (!a || !b) return 0;
  for (; *a && *b; a++, b++)
    if (tolower((unsigned char)*a) != tolower((unsigned char)*b)) return 0;
  return *a == *b;
}

static int tag_is(const xmlNode *n, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && n->name &&
         ieq((const char *)n->name, name);
}

static int tag_in(const xmlNode *n, const char *const *names) {
  for (; *names; names++)
    if (tag_is(n, *names)) return 1;
  return 0;
}

static char *attr(const xmlNode *n, const char *name) {
  return (char *)xmlGetProp(n, (const xmlChar *)name);
}

/* First occurrence of needle[0..m) in hay[0..n), or NULL. */
static const char *mem_find(const char *hay, size_t n, const char *needle,
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

static int is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

/* Trimmed, whitespace-collapsed malloc'ed copy (NULL if empty). */
static char *clean_str(const char *s) {
  hs_buf b;
  int sp = 0;
  if (!s) return NULL;
  hs_buf_init(&b, 0);
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (is_space(c) || (c == 0xC2 && (unsigned char)s[1] == 0xA0)) {
      if (c == 0xC2) s++;
      sp = 1;
      continue;
    }
    if (sp && b.len) hs_buf_putc(&b, ' ');
    sp = 0;
    hs_buf_putc(&b, c);
  }
  if (!b.len) {
    hs_buf_free(&b);
    return NULL;
  }
  return hs_buf_take(&b, NULL);
}

static void set_once(char **dst, const char *v) {
  if (!*dst && v) *dst = clean_str(v);
}

/* ----------------------------------------------------------------- dates */

static int month_at(const char *s, size_t n, size_t *used) {
  size_t k, best = 0;
  int m = 0;
  for (k = 0; k < N_MONTHS; k++) {
    size_t l = strlen(month_names[k]), i;
    if (l > n || l <= best) continue;
    for (i = 0; i < l; i++)
      if (tolower((unsigned char)s[i]) != month_names[k][i]) break;
    if (i < l) continue;
    if (l < n && isalpha((unsigned char)s[l]) && l != 3) continue;
    if (l == 3 && l < n && isalpha((unsigned char)s[l])) continue;
    best = l;
    m = k == 24 ? 9 : (int)(k % 12) + 1;
  }
  if (best && best < n && s[best] == '.') best++;
  *used = best;
  return m;
}

static size_t digits(const char *s, size_t n, size_t max, int *v) {
  size_t i = 0;
  *v = 0;
  while (i < n && i < max && isdigit((unsigned char)s[i])) {
    *v = *v * 10 + (s[i] - '0');
    i++;
  }
  if (i < n && i == max && isdigit((unsigned char)s[i])) return 0;
  return i;
}

static int valid_ymd(int y, int m, int d) {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* A date starting at s[0]: YYYY-MM-DD (also / . or no separator with
** 8 digits), "Month D, YYYY", "D Month YYYY".  numeric_only restricts to
** the first form.  Returns the bytes used, 0 if none. */
static size_t date_at(const char *s, size_t n, int numeric_only,
                      char out[11]) {
  int y, m, d;
  size_t i, k, used;
  if (isdigit((unsigned char)s[0])) {
    if (digits(s, n, 8, &y) == 8) {
      int v = y;
      y = v / 10000, m = v / 100 % 100, d = v % 100;
      if (valid_ymd(y, m, d)) {
        snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
        return 8;
      }
      return 0;
    }
    i = digits(s, n, 4, &y);
    if (i == 4 && i < n && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
      char sep = s[i++];
      k = digits(s + i, n - i, 2, &m);
      if (k && i + k < n && s[i + k] == sep) {
        i += k + 1;
        k = digits(s + i, n - i, 2, &d);
        if (k && valid_ymd(y, m, d)) {
          snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
          return i + k;
        }
      }
      return 0;
    }
    if (numeric_only) return 0;
    /* D Month YYYY */
    k = digits(s, n, 2, &d);
    if (!k) return 0;
    i = k;
    if (i + 2 < n && (s[i] == 's' || s[i] == 'n' || s[i] == 'r' ||
                      s[i] == 't') && isalpha((unsigned char)s[i + 1]))
      i += 2;
    while (i < n && (s[i] == ' ' || s[i] == '.')) i++;
    if (i >= n || !(m = month_at(s + i, n - i, &used))) return 0;
    i += used;
    while (i < n && (s[i] == ' ' || s[i] == ',')) i++;
    k = digits(s + i, n - i, 4, &y);
    if (k != 4 || !valid_ymd(y, m, d)) return 0;
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
    return i + k;
  }
  if (numeric_only || !isalpha((unsigned char)s[0])) return 0;
  if (!(m = month_at(s, n, &used))) return 0;
  i = used;
  while (i < n && s[i] == ' ') i++;
  k = digits(s + i, n - i, 2, &d);
  if (!k) return 0;
  i += k;
  if (i + 2 <= n && isalpha((unsigned char)s[i])) i += 2; /* 5th */
  while (i < n && (s[i] == ' ' || s[i] == ',')) i++;
  k = digits(s + i, n - i, 4, &y);
  if (k != 4 || !valid_ymd(y, m, d)) return 0;
  snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
  return i + k;
}

/* First date in s[0..n) at a word start; 0 if found. */
static int find_date(const char *s, size_t n, int numeric_only, char out[11]) {
  size_t i;
  for (i = 0; i < n; i++) {
    if (i && isalnum((unsigned char)s[i - 1])) continue;
    if (date_at(s + i, n - i, numeric_only, out)) return 0;
  }
  return -1;
}

int hs_web_date_norm(const char *s, char out[11]) {
  if (!s) return -1;
  return find_date(s, strlen(s), 0, out);
}

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

static einfo *info_of(ctx *c, const xmlNode *n) {
  size_t k = (size_t)(uintptr_t)n->_private;
  if (n->type != XML_ELEMENT_NODE || !k || k > c->ninfo) return NULL;
  return &c->info[k - 1];
}

static void number_nodes(ctx *c, xmlNode *n, int depth) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (depth > MAX_DEPTH) {
      n->_private = NULL;
      continue;
    }
    HS_GROW(c->info, c->cap, c->ninfo + 1);
    memset(&c->info[c->ninfo], 0, sizeof *c->info);
    n->_private = (void *)(uintptr_t)(++c->ninfo);
    number_nodes(c, n->children, depth + 1);
  }
}

/* --------------------------------------------------------------- authors */

static void add_author(ctx *c, const char *raw) {
  char *a = clean_str(raw), *p;
  size_t i;
  if (!a) return;
  p = a;
  if (!strncmp(p, "By ", 3) || !strncmp(p, "by ", 3)) p += 3;
  if (strstr(p, "://") || p[0] == '@' || strlen(p) > 80 || !p[0]) {
    free(a);
    return;
  }
  for (i = 0; i < c->nauthors; i++)
    if (ieq(c->authors[i], p)) {
      free(a);
      return;
    }
  HS_GROW(c->authors, c->capauthors, c->nauthors + 1);
  c->authors[c->nauthors++] = hs_strdup(p);
  free(a);
}

/* "A and B", "A, B": several names in one meta tag. */
static void add_authors_split(ctx *c, const char *s) {
  char *t = hs_strdup(s), *p = t, *q;
  if (!t) return;
  for (;;) {
    q = strstr(p, " and ");
    {
      char *cm = strchr(p, ',');
      if (cm && (!q || cm < q)) {
        *cm = '\0';
        add_author(c, p);
        p = cm + 1;
        continue;
      }
    }
    if (!q) break;
    *q = '\0';
    add_author(c, p);
    p = q + 5;
  }
  add_author(c, p);
  free(t);
}

/* ---------------------------------------------------------------- JSON-LD */

static const char *jstr(json_t *o, const char *key) {
  json_t *v = json_object_get(o, key);
  if (json_is_string(v)) return json_string_value(v);
  if (json_is_array(v) && json_is_string(json_array_get(v, 0)))
    return json_string_value(json_array_get(v, 0));
  return NULL;
}

static int type_matches(json_t *o, int *article) {
  json_t *t = json_object_get(o, "@type");
  size_t i;
  *article = 0;
  if (json_is_string(t)) {
    const char *s = json_string_value(t);
    *article = strstr(s, "Article") || strstr(s, "Posting") ||
               strstr(s, "Report");
    return 1;
  }
  if (json_is_array(t)) {
    for (i = 0; i < json_array_size(t); i++) {
      const char *s = json_string_value(json_array_get(t, i));
      if (s && (strstr(s, "Article") || strstr(s, "Posting") ||
                strstr(s, "Report")))
        *article = 1;
    }
    return 1;
  }
  return 0;
}

static void ld_author(ctx *c, json_t *a, int depth) {
  size_t i;
  if (depth > 4) return;
  if (json_is_string(a)) add_author(c, json_string_value(a));
  else if (json_is_object(a)) {
    const char *n = jstr(a, "name");
    if (n) add_author(c, n);
  } else if (json_is_array(a)) {
    for (i = 0; i < json_array_size(a); i++)
      ld_author(c, json_array_get(a, i), depth + 1);
  }
}

static void ld_visit(ctx *c, json_t *v, int depth) {
  size_t i;
  int article;
  if (depth > 8 || !v) return;
  if (json_is_array(v)) {
    for (i = 0; i < json_array_size(v); i++)
      ld_visit(c, json_array_get(v, i), depth + 1);
    return;
  }
  if (!json_is_object(v)) return;
  if (json_object_get(v, "@graph"))
    ld_visit(c, json_object_get(v, "@graph"), depth + 1);
  if (!type_matches(v, &article)) return;
  if (article && !c->ld_seen_article) {
    json_t *pub = json_object_get(v, "publisher");
    c->ld_seen_article = 1;
    set_once(&c->ld_title, jstr(v, "headline"));
    set_once(&c->ld_pub, jstr(v, "datePublished"));
    set_once(&c->ld_mod, jstr(v, "dateModified"));
    if (json_is_object(pub)) set_once(&c->ld_site, jstr(pub, "name"));
    if (json_is_string(json_object_get(v, "articleBody")) && !c->ld_body)
      c->ld_body = hs_strdup(jstr(v, "articleBody"));
    set_once(&c->ld_url, jstr(v, "url"));
    set_once(&c->ld_lang, jstr(v, "inLanguage"));
    ld_author(c, json_object_get(v, "author"), 0);
    if (!json_object_get(v, "author"))
      ld_author(c, json_object_get(v, "creator"), 0);
  } else if (!article) {
    /* WebPage and friends: dates only, as a fallback. */
    set_once(&c->ld_page_pub, jstr(v, "datePublished"));
    set_once(&c->ld_page_mod, jstr(v, "dateModified"));
  }
}

static void ld_parse(ctx *c, const char *s) {
  char *t = hs_strdup(s), *p;
  size_t n;
  json_t *root;
  if (!t) return;
  for (p = t; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t') *p = ' ';
  p = t;
  while (is_space((unsigned char)*p)) p++;
  if (!strncmp(p, "<!--", 4)) p += 4;
  if (!strncmp(p, "<![CDATA[", 9)) p += 9;
  n = strlen(p);
  while (n && is_space((unsigned char)p[n - 1])) n--;
  if (n >= 3 && !strncmp(p + n - 3, "-->", 3)) n -= 3;
  if (n >= 3 && !strncmp(p + n - 3, "]]>", 3)) n -= 3;
  root = json_loadb(p, n, JSON_DECODE_ANY, NULL);
  if (root) {
    ld_visit(c, root, 0);
    json_decref(root);
  }
  free(t);
}

/* --------------------------------------------------------- metadata pass */

static void meta_element(ctx *c, xmlNode *n) {
  char *name = attr(n, "property"), *content = NULL;
  size_t k;
  if (!name) name = attr(n, "name");
  if (!name) name = attr(n, "itemprop");
  if (!name) name = attr(n, "http-equiv");
  if (!name) return;
  content = attr(n, "content");
  if (!content) content = attr(n, "datetime");
  if (content && content[0]) {
    for (k = 0; k < N_META_KEYS; k++) {
      int f = meta_keys[k].field;
      if (!ieq(name, meta_keys[k].name)) continue;
      if (f == F_AUTHOR) {
        if (!strstr(content, "://")) {
          if (!c->meta[f]) c->meta[f] = clean_str(content);
          add_authors_split(c, content);
        }
      } else if (!c->meta[f] || c->meta_rank[f] > (int)k) {
        free(c->meta[f]);
        c->meta[f] = clean_str(content);
        c->meta_rank[f] = (int)k;
      }
      break;
    }
  }
  xmlFree(name);
  xmlFree(content);
}

static void meta_pass(ctx *c, xmlNode *n, int depth) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (depth > MAX_DEPTH) continue;
    if (tag_is(n, "meta")) {
      meta_element(c, n);
    } else if (tag_is(n, "html")) {
      char *l = attr(n, "lang");
      if (!l) l = attr(n, "xml:lang");
      if (l && !c->html_lang) c->html_lang = clean_str(l);
      xmlFree(l);
    } else if (tag_is(n, "body")) {
      if (!c->body) c->body = n;
    } else if (tag_is(n, "title")) {
      if (!c->doc_title) {
        xmlChar *t = xmlNodeGetContent(n);
        c->doc_title = clean_str((char *)t);
        xmlFree(t);
      }
    } else if (tag_is(n, "link")) {
      char *rel = attr(n, "rel"), *href = attr(n, "href");
      if (rel && href && ieq(rel, "canonical") && !c->canonical)
        c->canonical = clean_str(href);
      xmlFree(rel);
      xmlFree(href);
    } else if (tag_is(n, "script")) {
      char *type = attr(n, "type");
      if (type && ieq(type, "application/ld+json")) {
        xmlChar *t = xmlNodeGetContent(n);
        if (t) ld_parse(c, (char *)t);
        xmlFree(t);
      }
      xmlFree(type);
      continue;
    } else if (tag_is(n, "a")) {
      char *rel = attr(n, "rel");
      if (rel && ieq(rel, "author")) {
        xmlChar *t = xmlNodeGetContent(n);
        if (t) add_author(c, (char *)t);
        xmlFree(t);
      }
      xmlFree(rel);
    } else if (tag_is(n, "h1") && !c->h1) {
      xmlChar *t = xmlNodeGetContent(n);
      c->h1 = clean_str((char *)t);
      xmlFree(t);
    }
    {
      char *ip = attr(n, "itemprop");
      if (ip && ieq(ip, "articleBody")) {
        xmlChar *t = xmlNodeGetContent(n);
        size_t l = t ? strlen((char *)t) : 0;
        if (l > c->article_body_len) {
          c->article_body = n;
          c->article_body_len = l;
        }
        xmlFree(t);
      }
      xmlFree(ip);
    }
    meta_pass(c, n->children, depth + 1);
  }
}

/* ------------------------------------------------------------ boilerplate */

static const char *const always_drop[] = {
    "script", "style",  "noscript", "template", "svg",    "canvas",
    "iframe", "object", "embed",    "video",    "audio",  "select",
    "option", "textarea", "input",  "button",   "head",   "link",
    "meta",   "map",    "dialog",   "math",     NULL};
static const char *const guarded_drop[] = {
    "nav", "header", "footer", "aside", "form", "figure", "figcaption",
    "menu", "fieldset", NULL};
static const char *const never_drop[] = {"html", "body", "main", "article",
                                         NULL};

static int word_in(const char *const *list, const char *w, size_t n) {
  size_t k;
  for (k = 0; list[k]; k++) {
    const char *b = list[k];
    size_t l = strlen(b);
    if (b[l - 1] == '*') {
      if (n >= l - 1 && !strncmp(w, b, l - 1)) return 1;
    } else if (n == l && !strncmp(w, b, l)) {
      return 1;
    }
  }
  return 0;
}

/* Bits: 1 strong boilerplate word, 2 weak one, 4 content word. */
static int name_words(const char *s) {
  char w[64];
  size_t n = 0;
  int bits = 0;
  if (!s) return 0;
  for (;; s++) {
    unsigned char ch = (unsigned char)*s;
    if (isalnum(ch)) {
      if (n < sizeof w - 1) w[n++] = (char)tolower(ch);
      continue;
    }
    if (n) {
      if (word_in(boiler_strong, w, n)) bits |= 1;
      else if (word_in(boiler_weak, w, n)) bits |= 2;
      else if (word_in(content_words, w, n)) bits |= 4;
    }
    n = 0;
    if (!ch) break;
  }
  return bits;
}

/* A weak word does not condemn a large block of prose (few links). */
static int names_boiler(const char *cl, const char *id, const einfo *e) {
  int bits = name_words(cl) | name_words(id);
  if (bits & 1) return 1;
  if (!(bits & 2) || (bits & 4)) return 0;
  return !(e->text >= 500 && e->links * 5 < e->text);
}

static int is_hidden(const xmlNode *n) {
  char *st;
  int hidden = 0;
  if (xmlHasProp(n, (const xmlChar *)"hidden")) return 1;
  st = attr(n, "style");
  if (st) {
    char *p = st, *q;
    for (q = st; *q; q++)
      if (!is_space((unsigned char)*q)) *p++ = (char)tolower((unsigned char)*q);
    *p = '\0';
    hidden = strstr(st, "display:none") || strstr(st, "visibility:hidden");
  }
  xmlFree(st);
  return hidden;
}

/* Visible characters of a text node, commas, into *text and *commas. */
static void count_text(const char *s, size_t *text, size_t *commas) {
  const unsigned char *p = (const unsigned char *)s;
  for (; *p; p++) {
    if (is_space(*p) || (*p & 0xC0) == 0x80) continue;
    (*text)++;
    if (*p == ',') (*commas)++;
    else if (p[0] == 0xD8 && p[1] == 0x8C) (*commas)++;  /* Arabic comma */
  }
}

/* Text lengths of every element (removed subtrees count as empty). */
static int is_hint(const xmlNode *n) {
  char *ip;
  int r;
  if (tag_is(n, "article") || tag_is(n, "main")) return 1;
  ip = attr(n, "itemprop");
  r = ip && ieq(ip, "articleBody");
  xmlFree(ip);
  return r;
}

typedef struct msum {
  size_t text, links, commas, ptext;
  int hint;
} msum;

static void measure(ctx *c, xmlNode *n, int in_link, int in_p, msum *m) {
  for (; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      size_t t = 0;
      if (n->content) count_text((const char *)n->content, &t, &m->commas);
      m->text += t;
      if (in_link) m->links += t;
      if (in_p) m->ptext += t;
    } else if (n->type == XML_ELEMENT_NODE) {
      einfo *e = info_of(c, n);
      msum s;
      if (!e || e->removed) continue;
      memset(&s, 0, sizeof s);
      measure(c, n->children, in_link || tag_is(n, "a"),
              in_p || tag_is(n, "p"), &s);
      e->text = s.text;
      e->links = s.links;
      e->commas = s.commas;
      e->ptext = s.ptext;
      e->hint = s.hint;
      m->text += s.text;
      m->links += s.links;
      m->commas += s.commas;
      m->ptext += s.ptext;
      m->hint |= s.hint || is_hint(n);
    }
  }
}

static void count_tags(ctx *c, xmlNode *n, int *nps, int *nlis) {
  for (; n; n = n->next) {
    einfo *e = info_of(c, n);
    int p = 0, l = 0;
    if (!e || e->removed) continue;
    count_tags(c, n->children, &p, &l);
    e->nps = p;
    e->nlis = l;
    *nps += p + tag_is(n, "p");
    *nlis += l + tag_is(n, "li");
  }
}

/* Elements that never hold article text, removed before measuring. */
static void mark_always(ctx *c, xmlNode *n) {
  for (; n; n = n->next) {
    einfo *e = info_of(c, n);
    if (!e) continue;
    if (tag_in(n, always_drop)) e->removed = 1;
    else mark_always(c, n->children);
  }
}

/* ptotal: characters inside <p> in the whole body; total: all of them. */
static void mark_boiler(ctx *c, xmlNode *n, size_t ptotal, size_t total) {
  for (; n; n = n->next) {
    einfo *e = info_of(c, n);
    int drop = 0;
    if (!e) continue;
    if (e->removed) continue;
    if (!tag_in(n, never_drop)) {
      int guard = e->hint || (e->ptext * 2 > ptotal && e->ptext > 200) ||
                  (e->text * 2 > total && e->links * 2 < e->text);
      if (!guard) {
        if (tag_in(n, guarded_drop) || is_hidden(n)) {
          drop = 1;
        } else {
          char *cl = attr(n, "class"), *id = attr(n, "id");
          drop = names_boiler(cl, id, e);
          xmlFree(cl);
          xmlFree(id);
        }
      }
    }
    if (drop) {
      e->removed = 1;
      continue;
    }
    mark_boiler(c, n->children, ptotal, total);
  }
}

/* ---------------------------------------------------------------- scoring */

static const char *const block_tags[] = {
    "p",  "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "dl", "dt",  "dd", "blockquote", "pre", "table", "tr", "td", "th",
    "section", "article", "main", "header", "footer", "figure",
    "figcaption", "address", "hr", "br", "center", "details", "summary",
    "tbody", "thead", "aside", "nav", "form", NULL};

static int has_block_child(ctx *c, xmlNode *n) {
  for (n = n->children; n; n = n->next) {
    einfo *e = info_of(c, n);
    if (e && !e->removed && tag_in(n, block_tags) && !tag_is(n, "br"))
      return 1;
  }
  return 0;
}

static double link_density(const einfo *e) {
  return e->text ? (double)e->links / (double)e->text : 0;
}

static void init_score(ctx *c, xmlNode *n, einfo *e) {
  (void)c;
  if (e->scored) return;
  e->scored = 1;
  if (tag_is(n, "div") || tag_is(n, "article")) e->score = 5;
  else if (tag_is(n, "pre") || tag_is(n, "td") || tag_is(n, "blockquote"))
    e->score = 3;
  else if (tag_is(n, "ol") || tag_is(n, "ul") || tag_is(n, "dl") ||
           tag_is(n, "dd") || tag_is(n, "dt") || tag_is(n, "li") ||
           tag_is(n, "address"))
    e->score = -3;
  else if (tag_is(n, "h1") || tag_is(n, "h2") || tag_is(n, "h3") ||
           tag_is(n, "h4") || tag_is(n, "h5") || tag_is(n, "h6") ||
           tag_is(n, "th"))
    e->score = -5;
  if (tag_is(n, "article")) e->score += 10;
  {
    char *ip = attr(n, "itemprop");
    if (ip && ieq(ip, "articleBody")) e->score += 25;
    xmlFree(ip);
  }
}

/* Credit a paragraph's score s to a (its container) in full, a's parent
** half, and further ancestors a third per level. */
static void credit(ctx *c, xmlNode *a, double s) {
  int level;
  for (level = 0; a && a->type == XML_ELEMENT_NODE && level < 5;
       level++, a = a->parent) {
    einfo *ea = info_of(c, a);
    if (!ea) break;
    init_score(c, a, ea);
    ea->score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
  }
}

static double para_score(size_t text, size_t commas, size_t links) {
  double s = 1 + (double)commas + (double)(text / 100 > 3 ? 3 : text / 100);
  return s * (1 - (text ? (double)links / (double)text : 0));
}

static void score_pass(ctx *c, xmlNode *n) {
  for (; n; n = n->next) {
    einfo *e = info_of(c, n);
    if (!e || e->removed) continue;
    if (tag_is(n, "p") || tag_is(n, "pre") || tag_is(n, "td") ||
        ((tag_is(n, "div") || tag_is(n, "section")) &&
         !has_block_child(c, n))) {
      if (e->text >= MIN_PARA)
        credit(c, n->parent, para_score(e->text, e->commas, e->links));
      if (!tag_is(n, "div") && !tag_is(n, "section")) continue;
    } else if (tag_is(n, "div") || tag_is(n, "section") ||
               tag_is(n, "article") || tag_is(n, "main")) {
      /* Text written straight into a container between block children
      ** (<br>-separated prose) counts as a paragraph of the container. */
      size_t t = 0, cm = 0, l = 0;
      xmlNode *k;
      for (k = n->children; k; k = k->next) {
        einfo *ek = info_of(c, k);
        if (k->type == XML_TEXT_NODE && k->content)
          count_text((const char *)k->content, &t, &cm);
        else if (ek && !ek->removed && !tag_in(k, block_tags)) {
          t += ek->text;
          cm += ek->commas;
          l += ek->links + (tag_is(k, "a") ? ek->text - ek->links : 0);
        }
      }
      if (t >= MIN_PARA) credit(c, n, para_score(t, cm, l));
    }
    score_pass(c, n->children);
  }
}

static void best_pass(ctx *c, xmlNode *n, xmlNode **best, double *bs) {
  for (; n; n = n->next) {
    einfo *e = info_of(c, n);
    if (!e || e->removed) continue;
    if (e->scored) {
      double s = e->score * (1 - link_density(e));
      if (s > *bs) {
        *bs = s;
        *best = n;
      }
    }
    best_pass(c, n->children, best, bs);
  }
}

/* Candidates scoring at least 3/4 of the best one (up to 5 of them). */
static void near_pass(ctx *c, xmlNode *n, double floor_, xmlNode **out,
                      int *nout) {
  for (; n && *nout < 5; n = n->next) {
    einfo *e = info_of(c, n);
    if (!e || e->removed) continue;
    if (e->scored && e->score * (1 - link_density(e)) >= floor_)
      out[(*nout)++] = n;
    near_pass(c, n->children, floor_, out, nout);
  }
}

static int is_ancestor(const xmlNode *a, const xmlNode *n) {
  for (; n; n = n->parent)
    if (n == a) return 1;
  return 0;
}

/* readability's rule: when three or more near-best candidates share an
** ancestor of the best (an article split into sections), take it. */
static xmlNode *common_ancestor(ctx *c, xmlNode *best, double bs) {
  xmlNode *near[5], *a;
  int nn = 0, k, hits;
  near_pass(c, c->body, bs * 0.75, near, &nn);
  if (nn < 3) return best;
  for (a = best->parent; a && a != c->body; a = a->parent) {
    for (hits = 0, k = 0; k < nn; k++) hits += is_ancestor(a, near[k]);
    if (hits >= 3) return a;
  }
  return best;
}

/* ----------------------------------------------------------------- output */

static int is_boiler_line(const char *s, size_t n) {
  size_t k;
  for (k = 0; k < N_BOILER_LINES; k++) {
    size_t l = strlen(boiler_lines[k]), i;
    if (l != n) continue;
    for (i = 0; i < n; i++)
      if (tolower((unsigned char)s[i]) != boiler_lines[k][i]) break;
    if (i == n) return 1;
  }
  return 0;
}

static void flush_para(ctx *c) {
  hs_buf *p = &c->para;
  size_t n = p->len, chars = 0, k;
  while (n && p->p[n - 1] == ' ') n--;
  for (k = 0; k < n; k++)
    if ((p->p[k] & 0xC0) != 0x80) chars++;
  if (!n) goto reset;
  if (c->para_links * 2 > chars) goto reset;  /* mostly links */
  if (is_boiler_line(p->p, n)) goto reset;
  if (c->title && strlen(c->title) == n && !memcmp(c->title, p->p, n))
    goto reset;
  if (c->out.len) hs_buf_append(&c->out, "\n\n", 2);
  if (c->para_mapped) {
    HS_GROW(c->map, c->capmap, c->nmap + 1);
    c->map[c->nmap].text_start = c->out.len;
    c->map[c->nmap].text_end = c->out.len + n;
    c->map[c->nmap].page_start = c->para_pstart;
    c->map[c->nmap].page_end = c->para_pend;
    c->nmap++;
  }
  hs_buf_append(&c->out, p->p, n);
reset:
  p->len = 0;
  c->para_links = 0;
  c->para_heading = 0;
  c->para_mapped = 0;
}

/* Page position of the word of s[0..n) at its start (from_end == 0) or
** end, searched from c->cursor; sets *pos to its start, returns its length
** or 0 when not found. */
static size_t find_word(ctx *c, const char *s, size_t n, int from_end,
                        size_t from, size_t *pos) {
  size_t a, b, lim;
  const char *f;
  if (from_end) {
    b = n;
    while (b && is_space((unsigned char)s[b - 1])) b--;
    a = b;
    while (a && b - a < TOKEN_MAX && !is_space((unsigned char)s[a - 1]) &&
           !strchr("&<>\"'", s[a - 1]))
      a--;
  } else {
    a = 0;
    while (a < n && is_space((unsigned char)s[a])) a++;
    b = a;
    while (b < n && b - a < TOKEN_MAX && !is_space((unsigned char)s[b]) &&
           !strchr("&<>\"'", s[b]))
      b++;
  }
  if (b - a < 2 || from >= c->len) return 0;
  lim = c->len - from;
  if (lim > MAP_WINDOW) lim = MAP_WINDOW;
  f = mem_find(c->page + from, lim, s + a, b - a);
  if (!f) return 0;
  *pos = (size_t)(f - c->page);
  return b - a;
}

static void map_text(ctx *c, const char *s) {
  size_t n = strlen(s), p1, p2, l1, l2;
  l1 = find_word(c, s, n, 0, c->cursor, &p1);
  if (!l1) return;
  l2 = find_word(c, s, n, 1, p1, &p2);
  if (!l2) {
    p2 = p1;
    l2 = l1;
  }
  if (!c->para_mapped) {
    c->para_mapped = 1;
    c->para_pstart = p1;
  }
  c->para_pend = p2 + l2;
  c->cursor = p2 + l2;
}

static void add_text(ctx *c, const char *s, int in_link) {
  const unsigned char *p = (const unsigned char *)s;
  size_t before = c->para.len, k, chars = 0;
  int sp = c->para.len && c->para.p[c->para.len - 1] == ' ';
  for (; *p; p++) {
    if (is_space(*p) || (p[0] == 0xC2 && p[1] == 0xA0)) {
      if (*p == 0xC2) p++;
      if (c->para.len && !sp) hs_buf_putc(&c->para, ' ');
      sp = 1;
      continue;
    }
    sp = 0;
    hs_buf_putc(&c->para, *p);
  }
  if (c->para.len == before) return;
  map_text(c, s);
  if (in_link) {
    for (k = before; k < c->para.len; k++)
      if ((c->para.p[k] & 0xC0) != 0x80 && c->para.p[k] != ' ') chars++;
    c->para_links += chars;
  }
}

/* Conditional cleaning (readability's): lists, tables and divs inside the
** article that look like link lists or widgets are left out. */
static int skip_container(ctx *c, xmlNode *n, einfo *e) {
  (void)c;
  if (!(tag_is(n, "div") || tag_is(n, "section") || tag_is(n, "ul") ||
        tag_is(n, "ol") || tag_is(n, "table") || tag_is(n, "dl")))
    return 0;
  if (e->commas >= 10) return 0;
  if (link_density(e) > 0.33) return 1;
  if (!tag_is(n, "ul") && !tag_is(n, "ol") && e->nlis > e->nps + 1 &&
      e->nps == 0 && e->text < 500)
    return 1;
  return 0;
}

static void emit(ctx *c, xmlNode *n, int in_link, int depth) {
  for (; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) add_text(c, (const char *)n->content, in_link);
      continue;
    }
    if (n->type != XML_ELEMENT_NODE) continue;
    {
      einfo *e = info_of(c, n);
      int block, heading;
      if (!e || e->removed || depth > MAX_DEPTH) continue;
      if (skip_container(c, n, e)) continue;
      block = tag_in(n, block_tags);
      heading = n->name && (n->name[0] == 'h' || n->name[0] == 'H') &&
                n->name[1] >= '1' && n->name[1] <= '6' && !n->name[2];
      if (block) flush_para(c);
      if (heading) c->para_heading = 1;
      emit(c, n->children, in_link || tag_is(n, "a"), depth + 1);
      if (block) flush_para(c);
    }
  }
}

/* ------------------------------------------------------------- selection */

/* Emit n's subtree alone (not its following siblings). */
static void emit_one(ctx *c, xmlNode *n) {
  xmlNode *next = n->next;
  n->next = NULL;
  emit(c, n, 0, 0);
  n->next = next;
  flush_para(c);
}

static xmlNode *choose_and_emit(ctx *c) {
  xmlNode *best = NULL, *parent, *sib;
  double bs = 0;
  einfo *eb;
  if (!c->body) return NULL;
  if (c->article_body) {
    einfo *e = info_of(c, c->article_body);
    if (e && !e->removed && e->text >= 250) {
      emit_one(c, c->article_body);
      if (c->out.len >= 200) return c->article_body;
      c->out.len = 0;
      c->nmap = 0;
    }
  }
  score_pass(c, c->body);
  best_pass(c, c->body, &best, &bs);
  if (!best) {
    emit(c, c->body->children, 0, 0);
    flush_para(c);
    return NULL;
  }
  best = common_ancestor(c, best, bs);
  /* Move up while the parent holds clearly more of the article text
  ** (paragraphs split across sibling containers). */
  eb = info_of(c, best);
  for (;;) {
    einfo *ep;
    parent = best->parent;
    if (!parent || parent == c->body || !(ep = info_of(c, parent))) break;
    if (ep->text > eb->text * 13 / 10 && link_density(ep) < 0.25 &&
        ((ep->scored && ep->score * (1 - link_density(ep)) >= bs * 0.75 &&
          ep->nps > eb->nps) ||
         (ep->ptext > eb->ptext * 13 / 10 && ep->nps >= eb->nps + 3 &&
          link_density(ep) < 0.1))) {
      best = parent;
      eb = ep;
      continue;
    }
    if (ep->text <= eb->text + 20 && parent != c->body) {
      best = parent;  /* only child: same content */
      eb = ep;
      continue;
    }
    break;
  }
  /* The best and its qualifying siblings, in document order. */
  parent = best->parent;
  if (!parent || best == c->body) {
    emit_one(c, best);
    return best;
  }
  {
    double thr = bs * 0.2 > 10 ? bs * 0.2 : 10;
    for (sib = parent->children; sib; sib = sib->next) {
      einfo *es = info_of(c, sib);
      int take = 0;
      if (sib == best) take = 1;
      else if (es && !es->removed) {
        if (es->scored && es->score * (1 - link_density(es)) >= thr)
          take = 1;
        else if (tag_is(sib, "p")) {
          double ld = link_density(es);
          if (es->text > 80 && ld < 0.25) take = 1;
        }
      }
      if (take) emit_one(c, sib);
    }
  }
  return best;
}

/* ---------------------------------------------------------------- charset */

static int utf8_valid(const char *s, size_t n) {
  hs_buf b;
  size_t bad;
  hs_buf_init(&b, 0);
  bad = hs_jsonl_utf8_fix(s, n, &b);
  hs_buf_free(&b);
  return bad == 0;
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

/* The page as UTF-8 in *out (malloc'ed).  Warns for an unknown charset. */
static void to_utf8(const char *page, size_t len, const char *hint,
                    hs_warn_fn warn, void *ud, const char *where, char **out,
                    size_t *outlen) {
  char cs[64] = "";
  const char *name;
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
    size_t n = len < SNIFF_BYTES ? len : SNIFF_BYTES, i;
    /* Only inside <meta ...> tags. */
    for (i = 0; i + 5 < n; i++) {
      if (page[i] == '<' && tolower((unsigned char)page[i + 1]) == 'm' &&
          tolower((unsigned char)page[i + 2]) == 'e' &&
          tolower((unsigned char)page[i + 3]) == 't' &&
          tolower((unsigned char)page[i + 4]) == 'a') {
        const char *e = memchr(page + i, '>', n - i);
        size_t m = e ? (size_t)(e - (page + i)) : n - i;
        if (charset_from(page + i, m, cs, sizeof cs)) break;
      }
    }
  }
  if (!cs[0]) snprintf(cs, sizeof cs, "%s",
                       utf8_valid(page, len) ? "UTF-8" : "WINDOWS-1252");
  name = charset_alias(cs);
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
  if (hs_jsonl_utf8_fix(page, len, &b) == 0) {
    b.len = 0;
    hs_buf_append(&b, page, len);
  }
done:
  {
    /* NUL bytes would end the parse early. */
    size_t i;
    for (i = 0; i < b.len; i++)
      if (!b.p[i]) b.p[i] = ' ';
  }
  *out = hs_buf_take(&b, outlen);
  if (!*out) {
    *out = hs_calloc(1, 1);
    *outlen = 0;
  }
}

static int looks_binary(const char *s, size_t n) {
  size_t i, ctl = 0;
  if (n > 8192) n = 8192;
  for (i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if ((ch < 0x20 && !is_space(ch)) || ch == 0x7f) ctl++;
  }
  return ctl * 10 > n;
}

/* ------------------------------------------------------------- language */

static char *guess_language(const char *s, size_t n) {
  size_t i, ar = 0, cy = 0, la = 0;
  for (i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch < 0x80) {
      if (isalpha(ch)) la++;
    } else if (ch >= 0xD8 && ch <= 0xDB) {
      ar++;
    } else if (ch == 0xD0 || ch == 0xD1) {
      cy++;
    } else if (ch == 0xC3 || ch == 0xC4 || ch == 0xC5) {
      la++;
    }
  }
  if (ar >= cy && ar * 2 >= la && ar > 0) return hs_strdup("ar");
  if (cy >= ar && cy * 2 >= la && cy > 0) return hs_strdup("ru");
  if (la > 0) return hs_strdup("en");
  return NULL;
}

static char *lang_code(const char *s) {
  char buf[16];
  size_t k = 0;
  if (!s) return NULL;
  while (*s && is_space((unsigned char)*s)) s++;
  while (s[k] && k < sizeof buf - 1 && isalpha((unsigned char)s[k])) {
    buf[k] = (char)tolower((unsigned char)s[k]);
    k++;
  }
  buf[k] = '\0';
  return k >= 2 && k <= 3 ? hs_strdup(buf) : NULL;
}

/* ------------------------------------------------------------ dates pass */

static xmlNode *find_time(ctx *c, xmlNode *n, int depth) {
  for (; n; n = n->next) {
    einfo *e = info_of(c, n);
    xmlNode *r;
    if (!e || e->removed || depth > MAX_DEPTH) continue;
    if (tag_is(n, "time") && xmlHasProp(n, (const xmlChar *)"datetime"))
      return n;
    if ((r = find_time(c, n->children, depth + 1))) return r;
  }
  return NULL;
}

static xmlNode *find_tag(ctx *c, xmlNode *n, const char *tag, int depth) {
  for (; n; n = n->next) {
    xmlNode *r;
    if (n->type != XML_ELEMENT_NODE || depth > MAX_DEPTH) continue;
    if (tag_is(n, tag)) return n;
    if ((r = find_tag(c, n->children, tag, depth + 1))) return r;
  }
  return NULL;
}

/* ------------------------------------------------------------------ main */

static void ctx_free(ctx *c) {
  size_t i;
  for (i = 0; i < F_NFIELDS; i++) free(c->meta[i]);
  free(c->html_lang);
  free(c->doc_title);
  free(c->canonical);
  free(c->h1);
  free(c->ld_title);
  free(c->ld_pub);
  free(c->ld_mod);
  free(c->ld_page_pub);
  free(c->ld_page_mod);
  free(c->ld_site);
  free(c->ld_body);
  free(c->ld_url);
  free(c->ld_lang);
  for (i = 0; i < c->nauthors; i++) free(c->authors[i]);
  free(c->authors);
  free(c->info);
  free(c->map);
  hs_buf_free(&c->out);
  hs_buf_free(&c->para);
  if (c->doc) xmlFreeDoc(c->doc);
}

/* Cut " | Outlet", " - Outlet" from a title. */
static char *strip_site(const char *title, const char *site) {
  char *t = hs_strdup(title);
  size_t n, k;
  if (!t || !site) return t;
  n = strlen(t);
  k = strlen(site);
  if (n > k + 3 && ieq(t + n - k, site)) {
    size_t e = n - k;
    while (e && (t[e - 1] == ' ' || t[e - 1] == '|' || t[e - 1] == '-' ||
                 t[e - 1] == ':'))
      e--;
    if (e < n - k) t[e] = '\0';
  }
  return t;
}

void hs_article_free(hs_article *a) {
  size_t i;
  if (!a) return;
  free(a->text);
  free(a->title);
  free(a->url);
  free(a->canonical_url);
  free(a->outlet);
  free(a->language);
  free(a->date);
  free(a->date_raw);
  free(a->modified);
  for (i = 0; i < a->nauthors; i++) free(a->authors[i]);
  free(a->authors);
  free(a->map);
  free(a);
}

static void pick_date(ctx *c, hs_article *a, const char *url, xmlNode *top) {
  char d[11];
  const char *cands[3];
  size_t k;
  cands[0] = c->meta_rank[F_PUB] <= 1 ? c->meta[F_PUB] : NULL;
  cands[1] = c->ld_pub;
  cands[2] = c->ld_page_pub;
  for (k = 0; k < 3; k++) {
    if (cands[k] && !hs_web_date_norm(cands[k], d)) {
      a->date = hs_strdup(d);
      a->date_raw = hs_strdup(cands[k]);
      return;
    }
  }
  if (c->meta[F_PUB] && !hs_web_date_norm(c->meta[F_PUB], d)) {
    a->date = hs_strdup(d);
    a->date_raw = hs_strdup(c->meta[F_PUB]);
    return;
  }
  /* <time datetime> in the article: the chosen container and up to two
  ** levels above it, or the <article> element. */
  {
    xmlNode *scope = top, *t = NULL;
    int up;
    for (up = 0; scope && up < 3 && !t; up++, scope = scope->parent) {
      if (scope == c->body || scope->type != XML_ELEMENT_NODE) break;
      t = find_time(c, scope->children, 0);
    }
    if (!t) {
      xmlNode *art = c->body ? find_tag(c, c->body, "article", 0) : NULL;
      if (art) t = find_time(c, art->children, 0);
    }
    if (t) {
      char *v = attr(t, "datetime");
      if (v && !hs_web_date_norm(v, d)) {
        a->date = hs_strdup(d);
        a->date_raw = clean_str(v);
        xmlFree(v);
        return;
      }
      xmlFree(v);
    }
  }
  if (url) {
    size_t i, n = strlen(url);
    for (i = 0; i < n; i++) {
      if (url[i] != '/' || i + 1 >= n) continue;
      if (date_at(url + i + 1, n - i - 1, 1, d)) {
        a->date = hs_strdup(d);
        a->date_raw = hs_strdup(url);
        return;
      }
    }
  }
  /* A date written in the first part of the text. */
  {
    size_t n = c->out.len < 3000 ? c->out.len : 3000;
    if (n && !find_date(c->out.p, n, 0, d)) {
      a->date = hs_strdup(d);
      a->date_raw = hs_strdup(d);
    }
  }
}

int hs_web_extract(const char *page, size_t len, const char *charset,
                   const char *url, hs_warn_fn warn, void *warn_ud,
                   const char *where, hs_article **out, hs_error *err) {
  ctx c;
  hs_article *a = NULL;
  char *u8 = NULL;
  size_t u8len = 0, i;
  xmlNode *root, *top = NULL;
  int rc = HS_OK;

  *out = NULL;
  memset(&c, 0, sizeof c);
  hs_buf_init(&c.out, 0);
  hs_buf_init(&c.para, 0);
  if (!where) where = "page";
  if (!page) len = 0;
  if (len && looks_binary(page, len) &&
      !(len >= 2 && (!memcmp(page, "\xFF\xFE", 2) ||
                     !memcmp(page, "\xFE\xFF", 2)))) {
    rc = hs_error_set(err, HS_EINPUT, "%s: binary content, not HTML", where);
    goto out;
  }
  if (len > HS_WEB_MAX_PAGE) {
    if (warn) warn(warn_ud, where, "page larger than 16 MiB; cut there");
    len = HS_WEB_MAX_PAGE;
  }
  to_utf8(page ? page : "", len, charset, warn, warn_ud, where, &u8, &u8len);
  c.page = u8;
  c.len = u8len;
  {
    /* Words are looked for from the <body> on, not in the <head>'s
    ** descriptions. */
    const char *b = mem_find(u8, u8len, "<body", 5);
    if (!b) b = mem_find(u8, u8len, "<BODY", 5);
    c.cursor = b ? (size_t)(b - u8) : 0;
  }
  if (u8len)
    c.doc = htmlReadMemory(u8, u8len > INT32_MAX ? INT32_MAX : (int)u8len,
                           url, "UTF-8",
                           HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                               HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                               HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
  a = hs_calloc(1, sizeof *a);
  root = c.doc ? xmlDocGetRootElement(c.doc) : NULL;
  if (root) {
    int nps = 0, nlis = 0;
    number_nodes(&c, root, 0);
    meta_pass(&c, root, 0);
    if (c.body) {
      msum m;
      memset(&m, 0, sizeof m);
      mark_always(&c, c.body->children);
      measure(&c, c.body->children, 0, 0, &m);
      mark_boiler(&c, c.body->children, m.ptext, m.text);
      memset(&m, 0, sizeof m);
      measure(&c, c.body, 0, 0, &m);
      count_tags(&c, c.body, &nps, &nlis);
    }
  }
  /* Metadata. */
  a->outlet = clean_str(c.meta[F_SITE] ? c.meta[F_SITE] : c.ld_site);
  {
    const char *t = c.meta[F_TITLE] ? c.meta[F_TITLE]
                    : c.ld_title    ? c.ld_title
                    : c.h1          ? c.h1
                                    : c.doc_title;
    if (t) a->title = strip_site(t, a->outlet);
  }
  c.title = a->title;
  a->url = hs_strdup(url ? url : c.canonical ? c.canonical : c.meta[F_URL]);
  a->canonical_url = hs_strdup(c.canonical ? c.canonical
                               : c.meta[F_URL] ? c.meta[F_URL]
                                               : c.ld_url);
  if (c.body) top = choose_and_emit(&c);
  flush_para(&c);
  /* JSON-LD articleBody when the page's markup gave much less. */
  if (c.ld_body) {
    char *b = clean_str(c.ld_body);
    size_t bl = b ? strlen(b) : 0;
    if (bl > 200 && bl > c.out.len * 2) {
      c.out.len = 0;
      c.nmap = 0;
      hs_buf_append(&c.out, b, bl);
    }
    free(b);
  }
  pick_date(&c, a, a->canonical_url ? a->canonical_url : url, top);
  {
    char d[11];
    const char *m = c.meta[F_MOD] ? c.meta[F_MOD]
                    : c.ld_mod    ? c.ld_mod
                                  : c.ld_page_mod;
    if (m && !hs_web_date_norm(m, d)) a->modified = hs_strdup(d);
  }
  if (c.nauthors) a->authors = hs_calloc(c.nauthors, sizeof *a->authors);
  for (i = 0; i < c.nauthors; i++) {
    if (a->outlet && ieq(c.authors[i], a->outlet)) {
      free(c.authors[i]);
      continue;
    }
    a->authors[a->nauthors++] = c.authors[i];
  }
  c.nauthors = 0;
  a->language = lang_code(c.html_lang ? c.html_lang
                          : c.meta[F_LANG] ? c.meta[F_LANG]
                                           : c.ld_lang);
  if (!a->language) a->language = guess_language(c.out.p ? c.out.p : "",
                                                 c.out.len);
  /* Text: title line, blank line, body; the map shifts accordingly. */
  {
    hs_buf t;
    size_t shift = 0;
    hs_buf_init(&t, 0);
    if (a->title) {
      hs_buf_append(&t, a->title, strlen(a->title));
      if (c.out.len) hs_buf_append(&t, "\n\n", 2);
      shift = t.len;
    }
    hs_buf_append(&t, c.out.p ? c.out.p : "", c.out.len);
    a->text = hs_buf_take(&t, &a->len);
    if (!a->text) {
      a->text = hs_calloc(1, 1);
      a->len = 0;
    }
    for (i = 0; i < c.nmap; i++) {
      c.map[i].text_start += shift;
      c.map[i].text_end += shift;
    }
    a->map = c.map;
    a->nmap = c.nmap;
    c.map = NULL;
  }
  *out = a;
  a = NULL;
out:
  hs_article_free(a);
  ctx_free(&c);
  free(u8);
  return rc;
}

/* ------------------------------------------------------------ documents */

char *hs_article_extra_json(const hs_article *a) {
  json_t *o = json_object(), *au = json_array(), *map = json_array();
  char *s;
  size_t i;
  for (i = 0; i < a->nauthors; i++)
    json_array_append_new(au, json_string(a->authors[i]));
  json_object_set_new(o, "authors", au);
  json_object_set_new(o, "language",
                      a->language ? json_string(a->language) : json_null());
  json_object_set_new(o, "canonical_url", a->canonical_url
                                              ? json_string(a->canonical_url)
                                              : json_null());
  json_object_set_new(o, "modified",
                      a->modified ? json_string(a->modified) : json_null());
  json_object_set_new(o, "date_raw",
                      a->date_raw ? json_string(a->date_raw) : json_null());
  for (i = 0; i < a->nmap; i++) {
    json_t *r = json_array();
    json_array_append_new(r, json_integer((json_int_t)a->map[i].text_start));
    json_array_append_new(r, json_integer((json_int_t)a->map[i].text_end));
    json_array_append_new(r, json_integer((json_int_t)a->map[i].page_start));
    json_array_append_new(r, json_integer((json_int_t)a->map[i].page_end));
    json_array_append_new(map, r);
  }
  json_object_set_new(o, "source_map", map);
  s = json_dumps(o, JSON_COMPACT);
  json_decref(o);
  return s;
}

int hs_web_slurp(hs_input *in, size_t cap, char **out, size_t *len, int *cut,
                 hs_error *err) {
  hs_buf b;
  int rc = HS_OK;
  char tmp[65536];
  hs_buf_init(&b, 0);
  *cut = 0;
  for (;;) {
    size_t got = 0;
    if (in->pos < in->len) {
      got = in->len - in->pos;
      if (b.len + got > cap) got = cap - b.len;
      hs_buf_append(&b, in->p + in->pos, got);
      in->pos += got;
    } else if (!in->eof && in->s) {
      size_t want = sizeof tmp;
      if ((rc = hs_stream_read(in->s, tmp, want, &got, err))) break;
      if (!got) {
        in->eof = 1;
        continue;
      }
      if (b.len + got > cap) {
        *cut = 1;
        got = cap - b.len;
      }
      hs_buf_append(&b, tmp, got);
    } else {
      break;
    }
    if (b.len >= cap) {
      if (in->pos < in->len || !in->eof) *cut = 1;
      break;
    }
  }
  if (rc) {
    hs_buf_free(&b);
    return rc;
  }
  *out = hs_buf_take(&b, len);
  if (!*out) {
    *out = hs_calloc(1, 1);
    *len = 0;
  }
  return HS_OK;
}

int hs_web_add_page(hs_ingest_ctx *x, const char *page, size_t len,
                    const char *charset, const char *url, const char *id,
                    const char *source, const char *where, hs_error *err) {
  hs_article *a = NULL;
  hs_error e;
  hs_doc d;
  int rc;
  (void)err;
  hs_error_clear(&e);
  if (hs_corpus_find(x->c, id) >= 0) {
    hs_ingest_warn(x, where, 0, "duplicate id \"%.200s\"; skipped", id);
    return HS_OK;
  }
  rc = hs_web_extract(page, len, charset, url, x->warn, x->warn_ud, where, &a,
                      &e);
  if (rc) {
    const char *m = e.msg;
    size_t n = strlen(where);
    if (!strncmp(m, where, n) && m[n] == ':' && m[n + 1] == ' ') m += n + 2;
    hs_ingest_warn(x, where, 0, "%s; skipped", m);
    return HS_OK;
  }
  if (!a->len) {
    hs_ingest_warn(x, where, 0, "no text found in the page; skipped");
    hs_article_free(a);
    return HS_OK;
  }
  memset(&d, 0, sizeof d);
  d.id = hs_strdup(id);
  d.len = a->len > x->max_doc ? hs_ingest_utf8_cut(a->text, a->len, x->max_doc)
                              : a->len;
  d.text = a->text;
  d.text[d.len] = '\0';
  a->text = NULL;
  d.series = a->outlet;
  a->outlet = NULL;
  d.date = a->date;
  a->date = NULL;
  d.title = a->title;
  a->title = NULL;
  d.url = a->url;
  a->url = NULL;
  d.extra = hs_article_extra_json(a);
  d.source = (char *)(uintptr_t)source;
  hs_article_free(a);
  if (hs_corpus_take(x->c, &d, &e)) {
    hs_ingest_warn(x, where, 0, "%s; skipped", e.msg);
  } else {
    hs_ingest_added(x);
  }
  return HS_OK;
}

int hs_web_read_html(hs_ingest_ctx *x, hs_input *in, const char *source,
                     const char *id, hs_error *err) {
  char *page = NULL;
  size_t len = 0;
  int cut = 0, rc;
  if ((rc = hs_web_slurp(in, HS_WEB_MAX_PAGE, &page, &len, &cut, err)))
    return rc;
  if (cut)
    hs_ingest_warn(x, source, 0, "page larger than %zu bytes; cut there",
                   HS_WEB_MAX_PAGE);
  if (!len) hs_ingest_warn(x, source, 0, "empty file, skipped");
  else rc = hs_web_add_page(x, page, len, NULL, NULL, id, source, source, err);
  free(page);
  return rc;
}
