/*
** html_meta.c — the metadata of an HTML page: title, dates, outlet,
** authors, canonical URL and language, from <meta> tags (table meta_keys,
** in priority order), JSON-LD (jansson; Article-like objects first),
** <link rel=canonical>, rel=author, <html lang>, <title>, <time
** datetime> around the article, the URL and the first lines of the text.
**
** One recursive pass over the whole tree fills the context; the choice
** between the candidates happens after the article text is known
** (hs_html_pick_date), because the <time> element is looked for near the
** chosen container.
*/
#include "web/html_int.h"

#include <jansson.h>
#include <strings.h>
#include <stdio.h>

/* ---------------------------------------------------------------- tables */

/* Metadata fields and the <meta> names (name=, property= or itemprop=,
** compared case-insensitively) that fill them.  For each field the first
** listed name present in the page wins. */

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
    {"twitter:site", F_TWITTER},
    {"og:title", F_TITLE},
    {"twitter:title", F_TITLE},
    {"headline", F_TITLE},
    {"og:url", F_URL},
    {"content-language", F_LANG},
    {"dc.language", F_LANG},
    {"og:locale", F_LANG},
};
#define N_META_KEYS (sizeof meta_keys / sizeof meta_keys[0])

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

/* ------------------------------------------------------- the site's name */

/* 1 if the attribute's value holds word (ASCII case folded). */
static int attr_has(xmlNode *n, const char *name, const char *word) {
  char *v = attr(n, name);
  size_t i, l = strlen(word);
  int hit = 0;
  for (i = 0; v && v[i] && !hit; i++) hit = !strncasecmp(v + i, word, l);
  xmlFree(v);
  return hit;
}

/* The site's logo: an <img> whose class, id, src or alt, or whose
** parent's class or id, says "logo"; its alt text without the word
** "logo". */
static void logo_image(ctx *c, xmlNode *n) {
  xmlNode *up = n->parent;
  char *alt, *v;
  size_t l;
  if (!(attr_has(n, "class", "logo") || attr_has(n, "id", "logo") ||
        attr_has(n, "src", "logo") || attr_has(n, "alt", "logo") ||
        (up && up->type == XML_ELEMENT_NODE &&
         (attr_has(up, "class", "logo") || attr_has(up, "id", "logo")))))
    return;
  alt = attr(n, "alt");
  v = alt ? clean_str(alt) : NULL;
  xmlFree(alt);
  if (!v) return;
  l = strlen(v);
  if (l > 5 && !strcasecmp(v + l - 5, " logo")) v[l - 5] = '\0';
  else if (l > 5 && !strncasecmp(v, "logo ", 5)) memmove(v, v + 5, l - 4);
  if (v[0] && strlen(v) <= 80 && strcasecmp(v, "logo")) c->logo_alt = v;
  else free(v);
}

/* A copyright line: in a <footer>, or an element whose class or id says
** "copyright", the line holding "©", "Copyright", "(c)", «جميع الحقوق» or
** «کلیه حقوق» (at most 150 bytes before the mark and 200 after; the last
** such element of the page wins). */
static void copyright_element(ctx *c, xmlNode *n) {
  static const char *const marks[] = {
      "\xC2\xA9", "Copyright", "copyright", "(c) ", "(C) ",
      "\xD8\xAC\xD9\x85\xD9\x8A\xD8\xB9 \xD8\xA7\xD9\x84\xD8\xAD\xD9\x82"
      "\xD9\x88\xD9\x82",
      "\xDA\xA9\xD9\x84\xDB\x8C\xD9\x87 \xD8\xAD\xD9\x82\xD9\x88\xD9\x82",
      NULL};
  xmlChar *t;
  const char *s, *p = NULL, *b;
  size_t k, e;
  if (!(tag_is(n, "footer") || attr_has(n, "class", "copyright") ||
        attr_has(n, "id", "copyright")))
    return;
  t = xmlNodeGetContent(n);
  s = (const char *)t;
  for (k = 0; s && marks[k]; k++) {
    const char *q = strstr(s, marks[k]);
    if (q && (!p || q < p)) p = q;
  }
  if (p) {
    char *raw, *v;
    for (b = p; b > s && b[-1] != '\n' && p - b < 150; b--) {}
    while (((unsigned char)*b & 0xC0) == 0x80) b++; /* a character's start */
    for (e = (size_t)(p - b); b[e] && b[e] != '\n' && e < (size_t)(p - b) + 200;
         e++) {}
    while (e > 0 && ((unsigned char)b[e] & 0xC0) == 0x80) e--;
    raw = hs_strndup(b, e);
    v = clean_str(raw);
    free(raw);
    if (v && v[0]) {
      free(c->copyright);
      c->copyright = v;
    } else {
      free(v);
    }
  }
  xmlFree(t);
}

void hs_html_meta_pass(ctx *c, xmlNode *n, int depth) {
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
    } else if (tag_is(n, "img") && !c->logo_alt) {
      logo_image(c, n);
    } else if (tag_is(n, "h1") && !c->h1) {
      xmlChar *t = xmlNodeGetContent(n);
      c->h1 = clean_str((char *)t);
      xmlFree(t);
    }
    copyright_element(c, n);
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
    hs_html_meta_pass(c, n->children, depth + 1);
  }
}


/* ------------------------------------------------------------- language */

char *hs_html_guess_language(const char *s, size_t n) {
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

char *hs_html_lang_code(const char *s) {
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

void hs_html_pick_date(ctx *c, hs_article *a, const char *url, xmlNode *top) {
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

