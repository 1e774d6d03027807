/*
** html.c — article extraction from one HTML page: hs_web_extract and the
** ingest entry points for .html files.
**
** The page is first turned into UTF-8 (charset.c) and parsed by libxml2's
** HTML parser (recovering from broken markup, the page's own encoding
** hints ignored since it is UTF-8 now).  Extraction follows the
** readability / trafilatura design, one file per pass:
**  1. metadata from the whole tree (html_meta.c);
**  2. boilerplate removal and 3. scoring of candidate containers
**     (html_dom.c);
**  4. output of the chosen subtree as paragraphs with a source map
**     (html_out.c); if the page's JSON-LD articleBody is much longer than
**     what was found, it is used instead.
** This file runs the passes in order and turns the result into an
** hs_article and then into a document.
**
** Cost: one parse and a few linear passes over the tree; memory is the
** tree plus one small record per element.
*/
#include "web/html_int.h"

#include <jansson.h>
#include <stdio.h>


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

/* ------------------------------------------------------------------ main */

static void ctx_free(ctx *c) {
  size_t i;
  for (i = 0; i < F_NFIELDS; i++) free(c->meta[i]);
  free(c->html_lang);
  free(c->doc_title);
  free(c->canonical);
  free(c->h1);
  free(c->logo_alt);
  free(c->copyright);
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

/* 1 if [s, s+n) holds a title separator and spaces only: " - ", " | ",
** " – ", " — ", " :: ". */
static int sep_only(const char *s, size_t n) {
  size_t i;
  int sep = 0;
  for (i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch == ' ') continue;
    if (ch == '-' || ch == '|' || ch == ':' || ch == '/') {
      sep = 1;
      continue;
    }
    if (ch == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94)) {
      sep = 1;
      i += 2;
      continue;
    }
    return 0;
  }
  return sep;
}

/* 1 if the letters of name, lower-cased without spaces or punctuation,
** start with a label of the URL's host of 3 letters or more ("BBC News"
** and bbc.co.uk; "Al Arabiya English" and english.alarabiya.net). */
static int host_spells(const char *url, const char *name) {
  char sq[96];
  size_t n = 0, i;
  const char *h, *e;
  if (!url || !(h = strstr(url, "://"))) return 0;
  h += 3;
  for (i = 0; name[i] && n + 1 < sizeof sq; i++) {
    char ch = name[i];
    if (ch >= 'A' && ch <= 'Z') ch = (char)(ch + 32);
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) sq[n++] = ch;
  }
  sq[n] = 0;
  for (e = h; *e && *e != '/' && *e != ':' && *e != '?';) {
    const char *d = e;
    size_t l;
    while (*d && *d != '.' && *d != '/' && *d != ':' && *d != '?') d++;
    l = (size_t)(d - e);
    if (l >= 3 && l <= n && strncmp(e, "www", 3) && !strncmp(sq, e, l))
      return 1;
    e = *d == '.' ? d + 1 : d;
  }
  return 0;
}

/* The headline: the chosen title with the site's name cut from its end
** (og:site_name, or a name the URL's host spells: " - BBC News" on
** bbc.co.uk); and when the JSON-LD headline or the <h1> is the title's
** opening followed only by a separator and a short tail, that headline
** ("Flooding closes schools - BBC News" with <h1> "Flooding closes
** schools"). */
static char *headline(const char *title, const char *site, const char *ld,
                      const char *h1, const char *url) {
  char *t = strip_site(title, site);
  const char *cand[2];
  size_t k, n;
  if (!t) return NULL;
  cand[0] = ld;
  cand[1] = h1;
  n = strlen(t);
  for (k = 0; k < 2; k++) {
    size_t l = cand[k] ? strlen(cand[k]) : 0;
    size_t tail;
    if (l < 8 || l >= n || strncmp(t, cand[k], l)) continue;
    tail = l + strspn(t + l, " -|:/\xE2\x80\x93\x94");
    if (sep_only(t + l, tail - l) && tail < n && n - tail <= 40) {
      free(t);
      return hs_strdup(cand[k]);
    }
  }
  /* " | Al Arabiya English": the last separator's tail, spelled by the
  ** host */
  {
    size_t i, cut = 0;
    for (i = 1; i + 2 < n; i++)
      if (t[i] == ' ' && (t[i + 1] == '|' || t[i + 1] == '-') &&
          t[i + 2] == ' ')
        cut = i;
    if (cut && n - cut <= 43 && host_spells(url, t + cut + 3)) {
      while (cut && t[cut - 1] == ' ') cut--;
      t[cut] = '\0';
    }
  }
  return t;
}

/* The site's name a title gives besides the headline h: title is
** "h - X", "h | X" or "X | h" (any separator of sep_only), X at most 60
** bytes and 6 words; a malloc'ed X, or NULL. */
static char *title_tail(const char *title, const char *h) {
  size_t n, l, i, w = 1;
  const char *x = NULL;
  size_t xl = 0;
  if (!title || !h || !(l = strlen(h))) return NULL;
  n = strlen(title);
  if (n <= l + 3) return NULL;
  if (!strncmp(title, h, l)) {
    size_t k = l + strspn(title + l, " -|:/\xE2\x80\x93\x94");
    if (k > l && k < n && sep_only(title + l, k - l)) x = title + k, xl = n - k;
  } else if (!strcmp(title + n - l, h)) {
    size_t k = n - l;
    while (k > 0 && strchr(" -|:/\xE2\x80\x93\x94", title[k - 1])) k--;
    if (k > 0 && k < n - l && sep_only(title + k, n - l - k))
      x = title, xl = k;
  }
  if (!x || xl > 60) return NULL;
  for (i = 0; i < xl; i++) w += x[i] == ' ';
  return w <= 6 ? hs_strndup(x, xl) : NULL;
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
  free(a->site_tail);
  free(a->site_twitter);
  free(a->site_logo);
  free(a->site_copyright);
  free(a);
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
  if (len && hs_html_looks_binary(page, len) &&
      !(len >= 2 && (!memcmp(page, "\xFF\xFE", 2) ||
                     !memcmp(page, "\xFE\xFF", 2)))) {
    rc = hs_error_set(err, HS_EINPUT, "%s: binary content, not HTML", where);
    goto out;
  }
  if (len > HS_WEB_MAX_PAGE) {
    if (warn) warn(warn_ud, where, "page larger than 16 MiB; cut there");
    len = HS_WEB_MAX_PAGE;
  }
  hs_html_to_utf8(page ? page : "", len, charset, warn, warn_ud, where, &u8,
                  &u8len);
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
    hs_html_meta_pass(&c, root, 0);
    if (c.body) {
      msum m;
      memset(&m, 0, sizeof m);
      hs_html_mark_always(&c, c.body->children);
      hs_html_measure(&c, c.body->children, 0, 0, &m);
      hs_html_mark_boiler(&c, c.body->children, m.ptext, m.text);
      memset(&m, 0, sizeof m);
      hs_html_measure(&c, c.body, 0, 0, &m);
      hs_html_count_tags(&c, c.body, &nps, &nlis);
    }
  }
  /* Metadata. */
  a->outlet = clean_str(c.meta[F_SITE] ? c.meta[F_SITE] : c.ld_site);
  /* "Autoracing | F1 | Indy | MotoGP": the name before a list of topics */
  if (a->outlet) {
    char *bar = strstr(a->outlet, " | ");
    if (bar && bar > a->outlet) *bar = '\0';
  }
  {
    const char *t = c.meta[F_TITLE] ? c.meta[F_TITLE]
                    : c.ld_title    ? c.ld_title
                    : c.h1          ? c.h1
                                    : c.doc_title;
    if (t) a->title = headline(t, a->outlet, c.ld_title, c.h1,
                               url ? url : c.canonical ? c.canonical
                                                       : c.meta[F_URL]);
  }
  c.title = a->title;
  /* what else names the site: the title's tail, twitter:site, the logo,
  ** a copyright line (meta reads them through the alias table) */
  if (a->title) {
    a->site_tail = title_tail(c.meta[F_TITLE], a->title);
    if (!a->site_tail) a->site_tail = title_tail(c.doc_title, a->title);
  }
  if (c.meta[F_TWITTER] && c.meta[F_TWITTER][0] == '@' && c.meta[F_TWITTER][1])
    a->site_twitter = hs_strdup(c.meta[F_TWITTER] + 1);
  a->site_logo = c.logo_alt;
  c.logo_alt = NULL;
  a->site_copyright = c.copyright;
  c.copyright = NULL;
  a->url = hs_strdup(url ? url : c.canonical ? c.canonical : c.meta[F_URL]);
  a->canonical_url = hs_strdup(c.canonical ? c.canonical
                               : c.meta[F_URL] ? c.meta[F_URL]
                                               : c.ld_url);
  if (c.body) top = hs_html_choose_and_emit(&c);
  hs_html_flush_para(&c);
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
  hs_html_pick_date(&c, a, a->canonical_url ? a->canonical_url : url, top);
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
  a->language = hs_html_lang_code(c.html_lang ? c.html_lang
                          : c.meta[F_LANG] ? c.meta[F_LANG]
                                           : c.ld_lang);
  if (!a->language) a->language = hs_html_guess_language(c.out.p ? c.out.p : "",
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
  if (a->outlet || a->site_tail || a->site_twitter || a->site_logo ||
      a->site_copyright) {
    json_t *ps = json_object();
    const char *const keys[] = {"site_name", "title", "twitter", "logo",
                                "copyright"};
    const char *vals[5];
    size_t k;
    vals[0] = a->outlet, vals[1] = a->site_tail, vals[2] = a->site_twitter;
    vals[3] = a->site_logo, vals[4] = a->site_copyright;
    for (k = 0; k < 5; k++)
      if (vals[k]) json_object_set_new(ps, keys[k], json_string(vals[k]));
    json_object_set_new(o, "page_site", ps);
  }
  s = hs_json_dumps(o, JSON_COMPACT);
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

int hs_web_add_page(hs_sink *k, const char *page, size_t len,
                    const char *charset, const char *url, const char *id,
                    const char *source, const char *where, hs_error *err) {
  hs_article *a = NULL;
  hs_error e;
  hs_doc d;
  int rc;
  (void)err;
  hs_error_clear(&e);
  if (k->find(k, id) >= 0) {
    k->say(k, where, 0, "duplicate id \"%.200s\"; skipped", id);
    return HS_OK;
  }
  rc = hs_web_extract(page, len, charset, url, k->warn, k->warn_ud, where, &a,
                      &e);
  if (rc) {
    const char *m = e.msg;
    size_t n = strlen(where);
    if (!strncmp(m, where, n) && m[n] == ':' && m[n + 1] == ' ') m += n + 2;
    k->say(k, where, 0, "%s; skipped", m);
    return HS_OK;
  }
  if (!a->len) {
    k->say(k, where, 0, "no text found in the page; skipped");
    hs_article_free(a);
    return HS_OK;
  }
  memset(&d, 0, sizeof d);
  d.extra = hs_article_extra_json(a);
  d.id = hs_strdup(id);
  d.len = a->len > k->max_doc ? hs_utf8_cut(a->text, a->len, k->max_doc)
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
  d.source = (char *)(uintptr_t)source;
  hs_article_free(a);
  if (k->take(k, &d, &e)) k->say(k, where, 0, "%s; skipped", e.msg);
  return HS_OK;
}

int hs_web_read_html(hs_sink *k, hs_input *in, const char *source,
                     const char *id, hs_error *err) {
  char *page = NULL;
  size_t len = 0;
  int cut = 0, rc;
  if ((rc = hs_web_slurp(in, HS_WEB_MAX_PAGE, &page, &len, &cut, err)))
    return rc;
  if (cut)
    k->say(k, source, 0, "page larger than %zu bytes; cut there",
           HS_WEB_MAX_PAGE);
  if (!len) k->say(k, source, 0, "empty file, skipped");
  else rc = hs_web_add_page(k, page, len, NULL, NULL, id, source, source, err);
  free(page);
  return rc;
}
