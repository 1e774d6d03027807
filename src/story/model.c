/*
** model.c — the provenance model: stories of documents joined by reused
** passages, republication, paraphrase and citation, each a dated graph
** of documents; and the one rule for "first" that every command uses.
**
** Built in one pass over what the lower stages found: passages are
** grouped per document pair (a radix sort of pair keys) into one `reuse`
** or `republication` edge each; paraphrases come from paraphrase.c;
** documents joined by either are one story (union-find); citations are
** edges inside a story, from the earliest document of the cited outlet
** to the citing one (a citation alone joins nothing: an agency is cited
** by thousands of unrelated articles; one with the cited report's names
** and figures in another script does, xlang.c).  Dates come from the
** metadata stage (given, else found in the text, with its confidence) and
** are never guessed: a missing date sorts last, equal dates are ties.
*/
#include <stdlib.h>
#include <string.h>

#include "story/story.h"
#include "util/sort.h"

/* ------------------------------------------------------------ names */

const char *hs_date_source_name(int source) {
  switch (source) {
  case HS_DATE_GIVEN: return "metadata";
  case HS_DATE_TEXT: return "text";
  case HS_DATE_NAME: return "name";
  default: return "none";
  }
}

static const char *const link_names[] = {"reuse", "republication",
                                         "paraphrase", "citation"};

const char *hs_link_kind_name(int kind) {
  return kind >= 0 && kind < 4 ? link_names[kind] : NULL;
}

int hs_link_kinds_parse(const char *list) {
  int mask = 0;
  const char *p = list;
  if (!list || !*list) return -1;
  while (*p) {
    size_t n = strcspn(p, ","), k;
    for (k = 0; k < 4; k++)
      if (strlen(link_names[k]) == n && !strncmp(p, link_names[k], n)) break;
    if (k == 4) return -1;
    mask |= 1 << k;
    p += n;
    if (*p == ',') p++;
  }
  return mask;
}

void hs_provenance_opts_default(hs_provenance_opts *o) {
  memset(o, 0, sizeof *o);
  o->paraphrase_threshold = HS_CLAIMS_SAME_THRESHOLD;
  o->paraphrase = 1;
  o->republication_cover = 0.8;
  o->republication_days = 30;
  o->max_claims = 5;
  o->max_family_docs = 50;
  o->join_cover = 0.2;
}

long hs_story_days(const char *s, int *ok) {
  int y, m, d;
  long era, yoe, doy, doe;
  *ok = 0;
  if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-') return 0;
  y = (int)strtol(s, NULL, 10);
  m = (int)strtol(s + 5, NULL, 10);
  d = (int)strtol(s + 8, NULL, 10);
  if (m < 1 || m > 12 || d < 1 || d > 31) return 0;
  *ok = 1;
  /* days from civil (Howard Hinnant's algorithm) */
  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/* ------------------------------------------------------------ first */

int hs_provenance_cmp(const hs_provenance *pv, uint32_t a, uint32_t b) {
  const hs_pdoc *x = &pv->docs[a], *y = &pv->docs[b];
  int c;
  if (x->date && y->date) {
    if ((c = strcmp(x->date, y->date))) return c;
    if (x->date_source != y->date_source)
      return x->date_source < y->date_source ? -1 : 1;
    if (x->credits != y->credits) return x->credits ? 1 : -1;
  } else if (x->date || y->date) {
    return x->date ? -1 : 1;
  }
  return (a > b) - (a < b);
}

void hs_provenance_first(const hs_provenance *pv, const uint32_t *docs,
                         size_t n, hs_first *out) {
  uint32_t top[4];
  size_t nt = 0, i, k;
  memset(out, 0, sizeof *out);
  out->doc = UINT32_MAX;
  for (i = 0; i < n; i++) {
    uint32_t d = docs[i];
    for (k = 0; k < nt; k++)
      if (top[k] == d) break;
    if (k < nt) continue;
    for (k = nt; k > 0 && hs_provenance_cmp(pv, d, top[k - 1]) < 0; k--)
      if (k < 4) top[k] = top[k - 1];
    if (k < 4) {
      top[k] = d;
      if (nt < 4) nt++;
    }
  }
  if (!nt) return;
  out->doc = top[0];
  out->undated = pv->docs[top[0]].date == NULL;
  for (i = 0; i < n; i++)
    if (docs[i] != top[0] && pv->docs[docs[i]].date && !out->undated &&
        !strcmp(pv->docs[docs[i]].date, pv->docs[top[0]].date))
      out->tie = 1;
  if (out->undated && n > 1) out->tie = 1;
  for (k = 1; k < nt; k++) out->runners[out->nrunners++] = top[k];
}

/* ------------------------------------------------------------ build */

typedef struct skipset {
  const uint64_t *keys;
  size_t n;
} skipset;

static int skip_linked(void *ud, uint32_t a, uint32_t b) {
  const skipset *s = ud;
  uint64_t k = ((uint64_t)a << 32) | b;
  size_t lo = 0, hi = s->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (s->keys[mid] < k) lo = mid + 1;
    else hi = mid;
  }
  return lo < s->n && s->keys[lo] == k;
}

hs_plink *hs_story_link_add(hs_provenance *pv, size_t *cap, int kind,
                            uint32_t a, uint32_t b) {
  hs_plink *l;
  int cmp = hs_provenance_cmp(pv, a, b);
  const hs_pdoc *x = &pv->docs[a], *y = &pv->docs[b];
  HS_GROW(pv->links, *cap, pv->nlinks + 1);
  l = &pv->links[pv->nlinks++];
  memset(l, 0, sizeof *l);
  l->kind = kind;
  l->family = UINT32_MAX;
  l->undated = !x->date || !y->date;
  l->tie = !l->undated && !strcmp(x->date, y->date);
  if (l->undated || l->tie) cmp = a < b ? -1 : 1;
  l->from = cmp < 0 ? a : b;
  l->to = cmp < 0 ? b : a;
  return l;
}

static void docs_fill(hs_provenance *pv, const hs_corpus *c,
                      const hs_meta *metas, const hs_aliases *al) {
  size_t i;
  for (i = 0; i < pv->ndocs; i++) {
    const hs_doc *d = hs_corpus_doc(c, i);
    const hs_meta *m = metas ? &metas[i] : NULL;
    hs_pdoc *x = &pv->docs[i];
    x->id = hs_strdup(d->id);
    x->outlet = hs_doc_outlet(d, al); /* the one outlet rule */
    if (x->outlet && al) {
      /* a series written as an alias ("was") by its canonical name */
      const char *canon = NULL;
      int type = 0;
      if (hs_aliases_lookup(al, x->outlet, strlen(x->outlet), &canon, &type) &&
          canon && strcmp(canon, x->outlet)) {
        free(x->outlet);
        x->outlet = hs_strdup(canon);
      }
    }
    x->story = UINT32_MAX;
    if (m && m->date.value) {
      x->date = hs_strndup(m->date.value, 10);
      x->date_source = m->date.given ? HS_DATE_GIVEN : HS_DATE_TEXT;
      x->date_confidence = m->date.given ? 1.0 : m->date.confidence;
      x->date_start = m->date.start;
      x->date_end = m->date.end;
    } else if (!m && d->date && strlen(d->date) >= 10) {
      x->date = hs_strndup(d->date, 10);
      x->date_source = HS_DATE_GIVEN;
      x->date_confidence = 1.0;
    }
    if (!x->date && d->id) {
      /* a YYYY-MM-DD in the id or file name ("outlet/2024-03-02-x.txt") */
      const char *q = d->id;
      for (; *q && !x->date; q++) {
        int ok = 0;
        if (q[0] >= '1' && q[0] <= '2' && strlen(q) >= 10 &&
            (q == d->id || (q[-1] < '0' || q[-1] > '9')) &&
            (q[10] < '0' || q[10] > '9'))
          hs_story_days(q, &ok);
        if (ok && q[1] >= '0' && q[1] <= '9' && q[2] >= '0' && q[2] <= '9' &&
            q[3] >= '0' && q[3] <= '9') {
          x->date = hs_strndup(q, 10);
          x->date_source = HS_DATE_NAME;
          x->date_confidence = 0.5;
        }
      }
    }
    if (x->date) {
      int ok;
      hs_story_days(x->date, &ok);
      if (!ok) {
        free(x->date);
        x->date = NULL;
        x->date_source = HS_DATE_NONE;
        x->date_confidence = 0;
      }
    }
    if (m && m->title.value && *m->title.value) x->headline = hs_strdup(m->title.value);
    else if (d->title && *d->title) x->headline = hs_strdup(d->title);
    else x->headline = hs_story_first_line(d);
    x->denial = hs_story_denial(d, m);
  }
}

/* Page furniture is not a story: two scraped pages of one site share
** their masthead, menu row, byline, date line and footer links, and the
** reuse stage finds them as passages.  A passage side holds prose when a
** line it touches (not a menu: two "|" or more) has PROSE_LINE words or
** more inside the passage, or a sentence of PROSE_WORDS words or more
** ending in . ! ? or «؟» there (the mark may sit just past the passage's
** end: passages end on a word); a side of one or two lines that are not
** all menus counts as prose too (a fragment of a paragraph).  A passage
** of three lines or more without prose is a run of short lines: furniture
** (or a list, a poem's lines, a letter's salutations), not a claim.
** Words are runs of bytes holding a letter or a digit (any non-ASCII byte
** counts as a letter).  Returns 1 (prose), 0 (none) or -1 (menu rows
** only). */
#define PROSE_WORDS 6
#define PROSE_LINE 20
static int is_space(unsigned char ch) {
  return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

static int is_wordch(unsigned char ch) {
  return ch >= 0x80 || (ch >= '0' && ch <= '9') ||
         ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
}

/* Whether token [i, e) ends a sentence: a terminal mark followed only by
** closing quotes or brackets (never a digit: "1.2"). */
static int ends_sentence(const unsigned char *t, size_t i, size_t e) {
  size_t k = e;
  while (k > i && (t[k - 1] == '"' || t[k - 1] == '\'' || t[k - 1] == ')' ||
                   (t[k - 1] >= 0x80 && !(k >= 2 && t[k - 2] == 0xD8 && t[k - 1] == 0x9F))))
    k--;
  if (k > i && (t[k - 1] == '.' || t[k - 1] == '!' || t[k - 1] == '?'))
    return 1;
  return k >= i + 2 && t[k - 2] == 0xD8 && t[k - 1] == 0x9F;
}

static int has_prose(const char *text, size_t len, size_t start, size_t end) {
  const unsigned char *t = (const unsigned char *)text;
  size_t lb = start, nonblank = 0;
  int allmenu = 1;
  if (!t || start >= len || end > len) return 1; /* nothing to read: keep */
  while (lb > 0 && t[lb - 1] != '\n') lb--;
  while (lb < end) {
    size_t le = lb, bars = 0, i, a, b, words = 0, run = 0;
    int blank = 1;
    while (le < len && t[le] != '\n') {
      if (t[le] == '|') bars++;
      if (!is_space(t[le])) blank = 0;
      le++;
    }
    if (!blank) {
      nonblank++;
      if (bars < 2) {
        allmenu = 0;
        a = lb > start ? lb : start;
        b = le < end ? le : end;
        for (i = a; i < b;) {
          size_t e, stop = b + 3 < le ? b + 3 : le;
          int w = 0;
          while (i < b && is_space(t[i])) i++;
          if (i >= b) break;
          for (e = i; e < stop && !is_space(t[e]); e++)
            if (is_wordch(t[e])) w = 1;
          words += w;
          run += w;
          if (words >= PROSE_LINE) return 1;
          if (ends_sentence(t, i, e)) {
            if (run >= PROSE_WORDS) return 1;
            run = 0;
          }
          i = e;
        }
      }
    }
    lb = le + 1;
  }
  if (allmenu) return -1;
  return nonblank < 3;
}

/* Whether a passage is one site's page furniture: without prose on a
** side, between two documents of one outlet (or of an unknown one); or
** made only of menu rows, whoever the outlets.  A list, a poem or a
** letter that two outlets both print is kept: that is reuse. */
static int passage_furniture(const hs_provenance *pv, const hs_corpus *c,
                             const hs_passage *q) {
  const hs_doc *a = c ? hs_corpus_doc(c, q->a.doc) : NULL;
  const hs_doc *b = c ? hs_corpus_doc(c, q->b.doc) : NULL;
  const char *oa = pv->docs[q->a.doc].outlet, *ob = pv->docs[q->b.doc].outlet;
  int pa, pb;
  if (!a || !b || !a->text || !b->text) return 0;
  pa = has_prose(a->text, a->len, q->a.start, q->a.end);
  pb = has_prose(b->text, b->len, q->b.start, q->b.end);
  if (pa > 0 && pb > 0) return 0;
  if (pa < 0 || pb < 0) return 1; /* menu rows only */
  return !oa || !ob || !strcmp(oa, ob);
}

/* Reuse and republication: one edge per document pair. */
#define TEMPLATE_DOCS 3
#define TEMPLATE_COVER 0.5
#define TEMPLATE_SAME 0.95
static void reuse_links(hs_provenance *pv, size_t *cap, const hs_corpus *c,
                        const hs_passage *p, size_t np, const uint32_t *words,
                        const hs_aliases *al, const hs_provenance_opts *o,
                        uint32_t *parent, uint64_t **sib, size_t *nsib) {
  size_t capsib = 0;
  uint64_t *key = hs_malloc((2 * np + 1) * sizeof *key);
  uint32_t *ix = hs_malloc((np + 1) * sizeof *ix);
  uint32_t *famdocs = NULL, maxfam = 0;
  const char **famout = NULL;
  size_t nk = 0, i, j;
  /* documents per family: a family copied into very many documents is a
  ** stock passage (a footer, a standard paragraph), not a story */
  for (i = 0; i < np; i++) {
    if (p[i].internal) continue;
    if (p[i].family + 1 > maxfam) maxfam = p[i].family + 1;
    key[nk++] = ((uint64_t)p[i].family << 32) | p[i].a.doc;
    key[nk++] = ((uint64_t)p[i].family << 32) | p[i].b.doc;
  }
  hs_sort_u64(key, nk);
  famdocs = hs_calloc(maxfam + 1, sizeof *famdocs);
  famout = hs_calloc(maxfam + 1, sizeof *famout);
  for (i = 0; i < nk; i++) {
    uint32_t f = (uint32_t)(key[i] >> 32);
    const char *out = pv->docs[(uint32_t)key[i]].outlet;
    if (i && key[i] == key[i - 1]) continue;
    famdocs[f]++;
    /* famout: the one outlet of all the family's documents, else NULL */
    if (famdocs[f] == 1) famout[f] = out;
    else if (famout[f] && (!out || strcmp(famout[f], out))) famout[f] = NULL;
  }
  nk = 0;
  for (i = 0; i < np; i++) {
    if (p[i].internal || p[i].a.doc >= pv->ndocs || p[i].b.doc >= pv->ndocs ||
        p[i].a.doc == p[i].b.doc)
      continue;
    if (o->max_family_docs && famdocs[p[i].family] > o->max_family_docs)
      continue;
    if (passage_furniture(pv, c, &p[i])) continue;
    key[nk] = ((uint64_t)p[i].a.doc << 32) | p[i].b.doc;
    ix[nk++] = (uint32_t)i;
  }
  hs_sort_u64_carry(key, ix, nk);
  for (i = 0; i < nk; i = j) {
    uint32_t a = (uint32_t)(key[i] >> 32), b = (uint32_t)key[i];
    uint32_t best = ix[i];
    uint64_t wa = 0, wb = 0, matched = 0;
    double simmax = 0;
    hs_plink *l;
    int tmpl = 1;
    for (j = i; j < nk && key[j] == key[i]; j++) {
      const hs_passage *q = &p[ix[j]];
      if (!famout[q->family] || famdocs[q->family] < TEMPLATE_DOCS) tmpl = 0;
      wa += q->a.words;
      wb += q->b.words;
      matched += q->words;
      if (q->similarity > simmax) simmax = q->similarity;
      if (q->words > p[best].words) best = ix[j];
    }
    l = hs_story_link_add(pv, cap, HS_LINK_REUSE, a, b);
    l->passages = (uint32_t)(j - i);
    l->words = (uint32_t)(matched > UINT32_MAX ? UINT32_MAX : matched);
    l->similarity = simmax;
    l->family = p[best].family;
    {
      const hs_span *sf = l->from == a ? &p[best].a : &p[best].b;
      const hs_span *st = l->from == a ? &p[best].b : &p[best].a;
      uint64_t wl = l->to == b ? wb : wa;
      l->a_start = sf->start, l->a_end = sf->end;
      l->b_start = st->start, l->b_end = st->end;
      if (words && words[l->to]) {
        l->cover = (double)wl / words[l->to];
        if (l->cover > 1) l->cover = 1;
      }
    }
    /* a short passage in a long document (a quoted paragraph, a
    ** roundup's item) is an edge but joins no stories by itself; nor does
    ** one outlet's template (every passage of the pair in a family found
    ** in TEMPLATE_DOCS documents or more, all of that outlet: a job
    ** advert, a market report's standing paragraphs) unless the later
    ** document is mostly a word-for-word copy (filled-in slots make a
    ** template's copies less than TEMPLATE_SAME alike); nor do an
    ** agency's or one outlet's two reports sharing none of either's news
    ** (news.c: one template, background and sign-off, two events) */
    if ((!words || l->cover >= o->join_cover) &&
        !(tmpl && words &&
          (l->cover < TEMPLATE_COVER || simmax < TEMPLATE_SAME))) {
      if (hs_story_news_join(pv, c, al, l, wa + wb, words ? words[l->to] : 0))
        hs_uf_union(parent, a, b);
      else { /* one template, two events: siblings (news.c) */
        HS_GROW(*sib, capsib, *nsib + 2);
        (*sib)[(*nsib)++] = ((uint64_t)a << 32) | b;
        (*sib)[(*nsib)++] = ((uint64_t)b << 32) | a;
      }
    }
    if (!l->undated && !l->tie && l->cover >= o->republication_cover) {
      int ok1, ok2;
      long d1 = hs_story_days(pv->docs[l->from].date, &ok1);
      long d2 = hs_story_days(pv->docs[l->to].date, &ok2);
      if (ok1 && ok2 && d2 - d1 >= o->republication_days)
        l->kind = HS_LINK_REPUBLICATION;
    }
  }
  free(key);
  free(ix);
  free(famdocs);
  free(famout);
}

/* qsort has no context: the model of the running sort. */
typedef struct dkey {
  const hs_provenance *pv;
  uint32_t doc;
} dkey;

static int dkey_cmp(const void *x, const void *y) {
  const dkey *a = x, *b = y;
  return hs_provenance_cmp(a->pv, a->doc, b->doc);
}

static int story_cmp(const void *x, const void *y) {
  const hs_pstory *a = x, *b = y;
  if (a->ndocs != b->ndocs) return a->ndocs > b->ndocs ? -1 : 1;
  return (a->docs[0] > b->docs[0]) - (a->docs[0] < b->docs[0]);
}

/* A claim being collected: the first sentence of a reused passage or a
** paraphrased sentence, with the documents that state it. */
typedef struct ctmp {
  char *text;
  uint32_t doc, start, end;
  uint32_t *docs;
  size_t nd;
} ctmp;

static void ctmp_doc(ctmp *t, uint32_t d) {
  size_t i;
  for (i = 0; i < t->nd; i++)
    if (t->docs[i] == d) return;
  t->docs = hs_reallocarray(t->docs, t->nd + 1, sizeof *t->docs);
  t->docs[t->nd++] = d;
}

static void add_claim(ctmp **v, size_t *nv, const hs_corpus *c, uint32_t doc,
                      uint32_t start, uint32_t end, uint32_t other) {
  const hs_doc *d = hs_corpus_doc(c, doc);
  hs_sentence *ss = NULL;
  size_t nss = 0, i;
  char *text;
  if (!d->text || end <= start || end > d->len) return;
  /* a passage that starts inside a sentence (an edited copy's) states
  ** the claim from that sentence's start */
  {
    size_t b = start, lim = start > 400 ? start - 400 : 0;
    while (b > lim && d->text[b - 1] != '\n' &&
           !(b >= 2 && strchr(".!?", d->text[b - 2]) && is_space((unsigned char)d->text[b - 1])))
      b--;
    if (b > lim || b == 0) start = b;
  }
  /* a reused passage may be long: its first sentence of PROSE_WORDS
  ** words or more states the claim (not a masthead, a date line or a
  ** menu row that the passage opens with) */
  if (!hs_sentences_split(d->text + start, end - start, &ss, &nss, NULL) &&
      nss) {
    size_t k, pick = 0;
    for (k = 0; k < nss; k++) {
      size_t w = 0, bars = 0, x;
      int in = 0;
      for (x = start + ss[k].start; x < start + ss[k].end; x++) {
        unsigned char ch = (unsigned char)d->text[x];
        if (ch == '|') bars++;
        if (is_space(ch)) in = 0;
        else if (!in && is_wordch(ch)) in = 1, w++;
      }
      if (w >= PROSE_WORDS && bars < 2) {
        pick = k;
        break;
      }
    }
    end = start + ss[pick].end;
    start = start + ss[pick].start;
  }
  free(ss);
  text = hs_strndup(d->text + start, end - start);
  for (i = 0; i < *nv; i++)
    if (!strcmp((*v)[i].text, text)) break;
  if (i == *nv) {
    *v = hs_reallocarray(*v, *nv + 1, sizeof **v);
    memset(&(*v)[i], 0, sizeof **v);
    (*v)[i].text = text;
    (*v)[i].doc = doc;
    (*v)[i].start = start;
    (*v)[i].end = end;
    (*nv)++;
  } else {
    free(text);
  }
  ctmp_doc(&(*v)[i], doc);
  ctmp_doc(&(*v)[i], other);
}

static int claim_cmp(const void *x, const void *y) {
  const hs_story_claim *a = x, *b = y;
  if (a->docs != b->docs) return a->docs > b->docs ? -1 : 1;
  return strcmp(a->name, b->name);
}

int hs_provenance_build(const hs_corpus *c, const hs_meta *metas,
                        const hs_passage *p, size_t np,
                        const uint32_t *doc_words, const hs_aliases *al,
                        hs_claims *claims, const hs_provenance_opts *opts,
                        hs_provenance *pv, hs_error *err) {
  hs_provenance_opts o;
  size_t nd = hs_corpus_count(c), i, k, cap = 0, nst = 0;
  uint32_t *parent = NULL, *slot = NULL, *size = NULL;
  hs_para *para = NULL;
  size_t npara = 0, nsib = 0, nxj = 0;
  hs_xjoin *xj = NULL;
  uint64_t *sib = NULL;
  uint8_t *drop = NULL;
  int rc = HS_OK;
  if (opts) o = *opts;
  else hs_provenance_opts_default(&o);
  memset(pv, 0, sizeof *pv);
  pv->ndocs = nd;
  pv->docs = hs_calloc(nd + 1, sizeof *pv->docs);
  docs_fill(pv, c, metas, al);
  parent = hs_malloc((nd + 1) * sizeof *parent);
  for (i = 0; i < nd; i++) parent[i] = (uint32_t)i;
  reuse_links(pv, &cap, c, p, np, doc_words, al, &o, parent, &sib, &nsib);
  /* paraphrase: document pairs without shared passages */
  if (claims && o.paraphrase) {
    uint64_t *keys = hs_malloc((pv->nlinks + 1) * sizeof *keys);
    uint32_t *group = hs_malloc((nd + 1) * sizeof *group);
    skipset ss;
    for (i = 0; i < pv->nlinks; i++) {
      uint32_t a = pv->links[i].from, b = pv->links[i].to;
      keys[i] = a < b ? ((uint64_t)a << 32) | b : ((uint64_t)b << 32) | a;
    }
    hs_sort_u64(keys, pv->nlinks);
    ss.keys = keys;
    ss.n = pv->nlinks;
    /* the reuse joins so far: a report and its reprints */
    for (i = 0; i < nd; i++) group[i] = hs_uf_find(parent, (uint32_t)i);
    rc = hs_story_paraphrases(c, claims, o.paraphrase_threshold, pv->docs,
                              group, skip_linked,
                              &ss, &para, &npara, err);
    free(keys);
    free(group);
    if (rc) goto out;
    drop = hs_story_siblings(parent, sib, nsib, para, npara);
    for (i = 0; i < npara; i++) {
      const hs_para *q = &para[i];
      if (drop[i]) continue;
      hs_plink *l = hs_story_link_add(pv, &cap, HS_LINK_PARAPHRASE, q->a, q->b);
      int fa = l->from == q->a;
      const hs_doc *F = hs_corpus_doc(c, l->from), *T = hs_corpus_doc(c, l->to);
      hs_uf_union(parent, q->a, q->b);
      l->similarity = q->similarity;
      l->passages = q->sentences;
      l->a_start = fa ? q->a_start : q->b_start;
      l->a_end = fa ? q->a_end : q->b_end;
      l->b_start = fa ? q->b_start : q->a_start;
      l->b_end = fa ? q->b_end : q->a_end;
      l->a_text = hs_strndup(F->text + l->a_start, l->a_end - l->a_start);
      l->b_text = hs_strndup(T->text + l->b_start, l->b_end - l->b_start);
      l->changes = hs_story_changes(claims, l->a_text, l->b_text);
    }
  }
  /* documents that cite an outlet's report in another script (xlang.c) */
  nxj = hs_story_xlang(pv, c, metas, al, parent, &xj);
  /* edges between documents left in different stories are dropped */
  {
    size_t keep = 0;
    for (i = 0; i < pv->nlinks; i++) {
      hs_plink *l = &pv->links[i];
      if (hs_uf_find(parent, l->from) != hs_uf_find(parent, l->to)) {
        free(l->a_text);
        free(l->b_text);
        free(l->changes);
        free(l->cited);
        continue;
      }
      pv->links[keep++] = *l;
    }
    pv->nlinks = keep;
  }
  /* stories: components of two documents or more */
  size = hs_calloc(nd + 1, sizeof *size);
  slot = hs_malloc((nd + 1) * sizeof *slot);
  for (i = 0; i < nd; i++) size[hs_uf_find(parent, (uint32_t)i)]++;
  for (i = 0; i < nd; i++) {
    slot[i] = UINT32_MAX;
    if (hs_uf_find(parent, (uint32_t)i) == i && size[i] >= 2) slot[i] = (uint32_t)nst++;
  }
  pv->stories = hs_calloc(nst + 1, sizeof *pv->stories);
  pv->nstories = nst;
  for (i = 0; i < nd; i++) {
    uint32_t r = hs_uf_find(parent, (uint32_t)i);
    hs_pstory *s;
    if (slot[r] == UINT32_MAX) continue;
    s = &pv->stories[slot[r]];
    if (!s->docs) s->docs = hs_malloc(size[r] * sizeof *s->docs);
    s->docs[s->ndocs++] = (uint32_t)i;
  }
  /* citations inside a story (cite.c) */
  hs_story_citations(pv, &cap, c, metas, al, parent, slot);
  hs_story_xlang_edges(pv, &cap, xj, nxj);
  /* a document crediting a report of the same day is not that day's
  ** first, whatever the corpus order (a wire's Arabic service crediting
  ** the wire, a reprint's "source:" line) */
  for (i = 0; i < pv->nlinks; i++) {
    const hs_plink *l = &pv->links[i];
    const hs_pdoc *a = &pv->docs[l->from];
    hs_pdoc *b = &pv->docs[l->to];
    if (l->kind == HS_LINK_CITATION && l->from != l->to && a->date &&
        b->date && !strcmp(a->date, b->date) && !a->credits)
      b->credits = 1;
  }
  /* each story: documents in date order, links, outlets, first, claims */
  for (i = 0; i < pv->nlinks; i++) {
    uint32_t r = hs_uf_find(parent, pv->links[i].from);
    hs_pstory *s;
    if (slot[r] == UINT32_MAX) continue;
    s = &pv->stories[slot[r]];
    s->links = hs_reallocarray(s->links, s->nlinks + 1, sizeof *s->links);
    s->links[s->nlinks++] = (uint32_t)i;
  }
  for (i = 0; i < nst; i++) {
    hs_pstory *s = &pv->stories[i];
    dkey *dk = hs_malloc(s->ndocs * sizeof *dk);
    size_t j;
    for (j = 0; j < s->ndocs; j++) {
      dk[j].pv = pv;
      dk[j].doc = s->docs[j];
    }
    qsort(dk, s->ndocs, sizeof *dk, dkey_cmp);
    for (j = 0; j < s->ndocs; j++) s->docs[j] = dk[j].doc;
    free(dk);
    hs_provenance_first(pv, s->docs, s->ndocs, &s->first);
    for (j = 0; j < s->ndocs; j++) {
      const hs_pdoc *d = &pv->docs[s->docs[j]];
      size_t m;
      if (d->date) {
        if (!s->date_from) s->date_from = d->date;
        s->date_to = d->date;
      }
      if (d->denial) s->outlet_denied = 1;
      if (!d->outlet) continue;
      for (m = 0; m < s->noutlets; m++)
        if (!strcmp(s->outlets[m], d->outlet)) break;
      if (m == s->noutlets) {
        s->outlets = hs_reallocarray(s->outlets, s->noutlets + 1, sizeof *s->outlets);
        s->outlets[s->noutlets++] = hs_strdup(d->outlet);
      }
    }
    {
      ctmp *cv = NULL;
      size_t ncv = 0, m;
      for (j = 0; j < s->nlinks; j++) {
        const hs_plink *l = &pv->links[s->links[j]];
        if (l->kind == HS_LINK_CITATION) continue;
        add_claim(&cv, &ncv, c, l->from, l->a_start, l->a_end, l->to);
      }
      s->claims = hs_calloc(ncv + 1, sizeof *s->claims);
      for (m = 0; m < ncv; m++) {
        s->claims[m].text = cv[m].text;
        s->claims[m].name = hs_strdup(pv->docs[cv[m].doc].id);
        s->claims[m].start = cv[m].start;
        s->claims[m].end = cv[m].end;
        s->claims[m].docs = cv[m].nd;
        free(cv[m].docs);
      }
      s->nclaims = ncv;
      free(cv);
    }
    if (s->nclaims) qsort(s->claims, s->nclaims, sizeof *s->claims, claim_cmp);
    while (s->nclaims > o.max_claims) {
      s->nclaims--;
      free(s->claims[s->nclaims].text);
      free(s->claims[s->nclaims].name);
    }
  }
  if (nst) qsort(pv->stories, nst, sizeof *pv->stories, story_cmp);
  for (i = 0; i < nst; i++)
    for (k = 0; k < pv->stories[i].ndocs; k++)
      pv->docs[pv->stories[i].docs[k]].story = (uint32_t)i;
  /* families: the first of each, by the same rule */
  {
    uint32_t maxfam = 0;
    uint64_t *pairs = hs_malloc((2 * np + 1) * sizeof *pairs);
    size_t npairs = 0, j;
    for (i = 0; i < np; i++) {
      if (p[i].internal || p[i].a.doc >= nd || p[i].b.doc >= nd) continue;
      if (p[i].family + 1 > maxfam) maxfam = p[i].family + 1;
      pairs[npairs++] = ((uint64_t)p[i].family << 32) | p[i].a.doc;
      pairs[npairs++] = ((uint64_t)p[i].family << 32) | p[i].b.doc;
    }
    hs_sort_u64(pairs, npairs);
    pv->families = hs_calloc(maxfam + 1, sizeof *pv->families);
    pv->nfamilies = maxfam;
    for (i = 0; i < maxfam; i++) pv->families[i].doc = UINT32_MAX;
    {
      uint32_t *docs = hs_malloc((npairs + 1) * sizeof *docs);
      for (i = 0; i < npairs; i = j) {
        uint32_t fam = (uint32_t)(pairs[i] >> 32);
        size_t nd2 = 0;
        for (j = i; j < npairs && (uint32_t)(pairs[j] >> 32) == fam; j++)
          if (j == i || pairs[j] != pairs[j - 1]) docs[nd2++] = (uint32_t)pairs[j];
        hs_provenance_first(pv, docs, nd2, &pv->families[fam]);
      }
      free(docs);
    }
    free(pairs);
  }
out:
  free(parent);
  free(slot);
  free(size);
  free(para);
  free(sib);
  free(drop);
  free(xj);
  if (rc) hs_provenance_free(pv);
  return rc;
}

void hs_provenance_free(hs_provenance *pv) {
  size_t i, j;
  if (!pv) return;
  for (i = 0; i < pv->ndocs; i++) {
    free(pv->docs[i].id);
    free(pv->docs[i].outlet);
    free(pv->docs[i].date);
    free(pv->docs[i].headline);
  }
  free(pv->docs);
  for (i = 0; i < pv->nlinks; i++) {
    free(pv->links[i].a_text);
    free(pv->links[i].b_text);
    free(pv->links[i].changes);
    free(pv->links[i].cited);
  }
  free(pv->links);
  for (i = 0; i < pv->nstories; i++) {
    hs_pstory *s = &pv->stories[i];
    free(s->docs);
    free(s->links);
    for (j = 0; j < s->noutlets; j++) free(s->outlets[j]);
    free(s->outlets);
    for (j = 0; j < s->nclaims; j++) {
      free(s->claims[j].text);
      free(s->claims[j].name);
    }
    free(s->claims);
  }
  free(pv->stories);
  free(pv->families);
  memset(pv, 0, sizeof *pv);
}

void hs_provenance_apply_graph(const hs_provenance *pv, hs_graph *g) {
  size_t i;
  for (i = 0; i < g->nfamilies && i < pv->nfamilies; i++) {
    const hs_first *f = &pv->families[i];
    if (f->doc == UINT32_MAX) continue;
    g->families[i].first = f->doc; /* document nodes are 0..ndocs-1 */
    g->families[i].tie = f->tie;
  }
}
