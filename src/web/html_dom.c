/*
** html_dom.c — the DOM walk that finds the article: boilerplate removal,
** text-density scoring and the choice of the container.
**
** Boilerplate: script, style and other non-text elements always; nav,
** header, footer, aside, form, figure, hidden elements and elements whose
** class or id holds a boilerplate word (tables boiler_strong, boiler_weak,
** content_words) unless the element holds the article (an <article>/
** <main>/articleBody inside, or most of the page's paragraph text).
**
** Scoring (the readability / trafilatura design): every paragraph-like
** element (p, pre, td, and divs without block children) of 25+
** characters scores 1 + commas + min(len/100, 3), added to its parent,
** half to its grandparent, a third further up; scores are scaled by 1 -
** link density.  An element marked itemprop=articleBody with enough text
** wins outright; otherwise the best scorer, moved up while its parent
** holds clearly more of the text, plus qualifying siblings.
**
** Each pass is linear in the tree; the per-element records live in the
** context (html_int.h).
*/
#include "web/html_int.h"

#define MIN_PARA 25           /* characters for a paragraph to score */


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


void hs_html_measure(ctx *c, xmlNode *n, int in_link, int in_p, msum *m) {
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
      hs_html_measure(c, n->children, in_link || tag_is(n, "a"),
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

void hs_html_count_tags(ctx *c, xmlNode *n, int *nps, int *nlis) {
  for (; n; n = n->next) {
    einfo *e = info_of(c, n);
    int p = 0, l = 0;
    if (!e || e->removed) continue;
    hs_html_count_tags(c, n->children, &p, &l);
    e->nps = p;
    e->nlis = l;
    *nps += p + tag_is(n, "p");
    *nlis += l + tag_is(n, "li");
  }
}

/* Elements that never hold article text, removed before measuring. */
void hs_html_mark_always(ctx *c, xmlNode *n) {
  for (; n; n = n->next) {
    einfo *e = info_of(c, n);
    if (!e) continue;
    if (tag_in(n, always_drop)) e->removed = 1;
    else hs_html_mark_always(c, n->children);
  }
}

/* ptotal: characters inside <p> in the whole body; total: all of them. */
void hs_html_mark_boiler(ctx *c, xmlNode *n, size_t ptotal, size_t total) {
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
    hs_html_mark_boiler(c, n->children, ptotal, total);
  }
}

/* ---------------------------------------------------------------- scoring */

const char *const hs_html_block_tags[] = {
    "p",  "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "dl", "dt",  "dd", "blockquote", "pre", "table", "tr", "td", "th",
    "section", "article", "main", "header", "footer", "figure",
    "figcaption", "address", "hr", "br", "center", "details", "summary",
    "tbody", "thead", "aside", "nav", "form", NULL};

static int has_block_child(ctx *c, xmlNode *n) {
  for (n = n->children; n; n = n->next) {
    einfo *e = info_of(c, n);
    if (e && !e->removed && tag_in(n, hs_html_block_tags) && !tag_is(n, "br"))
      return 1;
  }
  return 0;
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
        else if (ek && !ek->removed && !tag_in(k, hs_html_block_tags)) {
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

/* ------------------------------------------------------------- selection */

/* Emit n's subtree alone (not its following siblings). */
static void emit_one(ctx *c, xmlNode *n) {
  xmlNode *next = n->next;
  n->next = NULL;
  hs_html_emit(c, n, 0, 0);
  n->next = next;
  hs_html_flush_para(c);
}

xmlNode *hs_html_choose_and_emit(ctx *c) {
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
    hs_html_emit(c, c->body->children, 0, 0);
    hs_html_flush_para(c);
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
