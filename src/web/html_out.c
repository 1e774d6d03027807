/*
** html_out.c — the chosen subtree written as paragraphs, with the source
** map.
**
** Output: the subtree in document order, one paragraph per block element,
** whitespace collapsed; link lists and link-heavy blocks dropped
** (conditional cleaning), as are whole paragraphs of page furniture
** (table boiler_lines).
**
** Source map: for each text node written, its first and last word (up to
** 24 bytes without markup-significant characters) are searched in the
** UTF-8 page from a cursor that starts at <body and only moves forward,
** giving the byte range of the node; a paragraph's range runs from its
** first found node to the end of its last.  Offsets are exact at word
** boundaries for UTF-8 pages whose text is not entity-encoded at the ends
** of a node; for other charsets they point into the UTF-8 conversion of
** the page.
*/
#include "web/html_int.h"

#define TOKEN_MAX 24          /* bytes of a word searched for the map */
#define MAP_WINDOW ((size_t)1 << 18) /* how far ahead a word is searched */

/* Whole paragraphs dropped as page furniture (compared case-insensitively
** after whitespace collapsing). */
static const char *const boiler_lines[] = {
    "advertisement", "advertisements", "sponsored", "read more",
    "share this article", "share", "continue reading", "related",
    "story continues below advertisement", "skip advertisement",
};
#define N_BOILER_LINES (sizeof boiler_lines / sizeof boiler_lines[0])

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

void hs_html_flush_para(ctx *c) {
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

void hs_html_emit(ctx *c, xmlNode *n, int in_link, int depth) {
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
      block = tag_in(n, hs_html_block_tags);
      heading = n->name && (n->name[0] == 'h' || n->name[0] == 'H') &&
                n->name[1] >= '1' && n->name[1] <= '6' && !n->name[2];
      if (block) hs_html_flush_para(c);
      if (heading) c->para_heading = 1;
      hs_html_emit(c, n->children, in_link || tag_is(n, "a"), depth + 1);
      if (block) hs_html_flush_para(c);
    }
  }
}
