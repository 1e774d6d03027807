/*
** cite.c — citation edges of the story model: a document that names an
** outlet or agency with a document in the same story cites it; the edge
** runs from that outlet's earliest document in the story to the citing
** one (even when the citing one is dated earlier: dates are the
** documents', the direction is the citation's).
**
** Two readings of "names":
**   - the metadata stage's attribution records (a source with its cue:
**     "according to Reuters", «أفادت وكالة فرانس برس», «به گزارش
**     خبرگزاری فرانسه»), canonicalized through the alias table;
**   - a plain mention, in the first SCAN_MAX bytes, of one of the story's
**     own outlets: an agency's name from the alias table in any script it
**     covers (hs_aliases_find_in, sentence by sentence: "an AFP report",
**     "Agence France-Presse"), or the outlet's own name as its documents
**     give it ("the Riverside Monitor").  Newspapers' names in the table
**     are left to the attribution records: many are also places or words
**     («عكاظ» of Souk Okaz, «المدينة», «الرياض»).
** A name in parentheses is a dateline credit ("DUBAI (Reuters) -"), the
** mark of a reprint, which the reuse edges already tell; it is no
** citation.  A citation joins nothing: an agency is named by thousands of
** unrelated articles.
*/
#include <stdlib.h>
#include <string.h>

#include "story/story.h"

#define SCAN_MAX 1024 /* bytes of a document looked at for mentions: the lead */

typedef struct cite_ctx {
  hs_provenance *pv;
  size_t *cap;
  const hs_pstory *s;
  uint32_t doc;
  size_t first;        /* this document's citation edges start here */
  const hs_aliases *al;
  const char **outlets;/* the story's outlets but the document's own */
  size_t noutlets;
} cite_ctx;

static void cite(cite_ctx *x, const char *name, uint32_t st, uint32_t en) {
  hs_provenance *pv = x->pv;
  uint32_t i = x->doc, best = UINT32_MAX;
  size_t j;
  hs_plink *l;
  if (!name || (pv->docs[i].outlet && !strcmp(pv->docs[i].outlet, name)))
    return;
  for (j = 0; j < x->s->ndocs; j++) {
    uint32_t d = x->s->docs[j];
    if (d == i || !pv->docs[d].outlet || strcmp(pv->docs[d].outlet, name))
      continue;
    if (best == UINT32_MAX || hs_provenance_cmp(pv, d, best) < 0) best = d;
  }
  if (best == UINT32_MAX) return;
  for (j = x->first; j < pv->nlinks; j++)
    if (pv->links[j].kind == HS_LINK_CITATION && pv->links[j].from == best)
      return;
  l = hs_story_link_add(pv, x->cap, HS_LINK_CITATION, best, i);
  l->from = best;
  l->to = i;
  l->b_start = st;
  l->b_end = en;
  l->cited = hs_strdup(name);
}

/* a dateline credit ("DUBAI (Reuters) -") of an outlet with a document of
** the story dated the same day: the document is that outlet's text, so of
** the day's tie it is not the first (hs_pdoc.credits) */
static void credit(cite_ctx *x, const char *name) {
  hs_provenance *pv = x->pv;
  hs_pdoc *me = &pv->docs[x->doc];
  size_t j;
  if (!name || !me->date || (me->outlet && !strcmp(me->outlet, name))) return;
  for (j = 0; j < x->s->ndocs; j++) {
    const hs_pdoc *o = &pv->docs[x->s->docs[j]];
    if (x->s->docs[j] != x->doc && o->outlet && !strcmp(o->outlet, name) &&
        o->date && !strcmp(o->date, me->date) && !o->credits)
      me->credits = 1;
  }
}

int hs_story_is_credit(const char *t, size_t len, uint32_t st, uint32_t en) {
  while (st > 0 && t[st - 1] == ' ') st--;
  while (en < len && t[en] == ' ') en++;
  return st > 0 && en < len && t[st - 1] == '(' && t[en] == ')';
}

int hs_story_word_edge(const char *t, size_t len, size_t at) {
  unsigned char ch;
  if (at >= len) return 1;
  ch = (unsigned char)t[at];
  return !(ch >= '0' && ch <= '9') && !(ch >= 'a' && ch <= 'z') &&
         !(ch >= 'A' && ch <= 'Z') && ch < 0x80;
}

static const char *find(const char *h, size_t hl, const char *n, size_t nl) {
  size_t i;
  for (i = 0; i + nl <= hl; i++)
    if (h[i] == n[0] && !memcmp(h + i, n, nl)) return h + i;
  return NULL;
}

/* the story's outlets named in t[lo, hi) through the alias table: the
** longest name, then the text on either side of it */
static void scan_aliases(cite_ctx *x, const char *t, size_t len, uint32_t lo,
                         uint32_t hi, int depth) {
  const char *canon = NULL;
  int type = 0;
  uint32_t st = 0, en = 0;
  size_t k;
  if (hi <= lo + 1 || depth > 32 ||
      hs_aliases_find_in(x->al, t + lo, hi - lo, &canon, &type, &st, &en) < 0 ||
      en <= st)
    return;
  st += lo;
  en += lo;
  for (k = 0; canon && type == HS_SRC_AGENCY && k < x->noutlets; k++)
    if (!strcmp(x->outlets[k], canon)) {
      if (!hs_story_is_credit(t, len, st, en)) cite(x, canon, st, en);
      else credit(x, canon);
      break;
    }
  scan_aliases(x, t, len, lo, st, depth + 1);
  scan_aliases(x, t, len, en, hi, depth + 1);
}

static void scan_names(cite_ctx *x, const char *t, size_t len) {
  size_t k;
  for (k = 0; k < x->noutlets; k++) {
    const char *n = x->outlets[k], *p = t;
    size_t nl = strlen(n);
    if (nl < 4) continue; /* "AP", "SPA": only through the alias table */
    while ((p = find(p, len - (size_t)(p - t), n, nl)) != NULL) {
      size_t at = (size_t)(p - t);
      if ((at == 0 || hs_story_word_edge(t, len, at - 1)) &&
          hs_story_word_edge(t, len, at + nl)) {
        if (hs_story_is_credit(t, len, (uint32_t)at, (uint32_t)(at + nl))) {
          credit(x, n);
          p += nl;
          continue;
        }
        cite(x, n, (uint32_t)at, (uint32_t)(at + nl));
        break;
      }
      p += nl;
    }
  }
}

void hs_story_citations(hs_provenance *pv, size_t *cap, const hs_corpus *c,
                        const hs_meta *metas, const hs_aliases *al,
                        uint32_t *parent, const uint32_t *slot) {
  size_t nd = pv->ndocs, i, k;
  const char **outs = NULL;
  size_t capo = 0;
  for (i = 0; i < nd; i++) {
    uint32_t r = hs_uf_find(parent, (uint32_t)i);
    const hs_doc *d = hs_corpus_doc(c, i);
    cite_ctx x;
    if (slot[r] == UINT32_MAX) continue;
    memset(&x, 0, sizeof x);
    x.pv = pv;
    x.cap = cap;
    x.s = &pv->stories[slot[r]];
    x.doc = (uint32_t)i;
    x.first = pv->nlinks;
    x.al = al;
    for (k = 0; metas && k < metas[i].nattr; k++) {
      const hs_attribution *a = &metas[i].attr[k];
      const char *name = a->normalized ? a->normalized : a->source;
      const char *canon = NULL;
      int type = 0;
      if (a->vague && !a->resolved) continue; /* "the report": no source */
      if (!name || (a->type != HS_SRC_AGENCY && a->type != HS_SRC_OUTLET))
        continue;
      if (al && hs_aliases_lookup(al, name, strlen(name), &canon, &type) && canon)
        name = canon;
      cite(&x, name, a->src_start, a->src_end);
    }
    /* plain mentions of the story's other outlets */
    for (k = 0; k < x.s->ndocs; k++) {
      const char *o = pv->docs[x.s->docs[k]].outlet;
      size_t m;
      if (!o || (pv->docs[i].outlet && !strcmp(o, pv->docs[i].outlet))) continue;
      for (m = 0; m < x.noutlets; m++)
        if (!strcmp(outs[m], o)) break;
      if (m < x.noutlets) continue;
      HS_GROW(outs, capo, x.noutlets + 1);
      outs[x.noutlets++] = o;
    }
    x.outlets = outs;
    if (!x.noutlets || !d->text || !d->len) continue;
    {
      size_t len = d->len < SCAN_MAX ? d->len : SCAN_MAX, ns = 0;
      hs_sentence *ss = NULL;
      int agency = 0;
      /* the alias scan costs a lookup per word window: only where the
      ** story holds an agency's document */
      for (k = 0; al && k < x.noutlets && !agency; k++) {
        const char *canon = NULL;
        int type = 0;
        agency = hs_aliases_lookup(al, outs[k], strlen(outs[k]), &canon, &type) &&
                 type == HS_SRC_AGENCY;
      }
      if (agency && !hs_sentences_split(d->text, len, &ss, &ns, NULL))
        for (k = 0; k < ns; k++)
          scan_aliases(&x, d->text, len, ss[k].start, ss[k].end, 0);
      free(ss);
      scan_names(&x, d->text, len);
    }
  }
  free(outs);
}
