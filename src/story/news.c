/*
** news.c — whether two documents that share passages share their news,
** which a reuse join between two stories needs.
**
** A wire writes every story of one kind in one template: the same lead
** with other slots ("have seized a foreign tanker carrying 1 million
** litres" / "a Panama-flagged tanker ... carrying 2 million litres"), the
** same background paragraph and the same sign-off.  Two such reports of
** different events share passages that cover most of the later one, at a
** similarity a light edit also reaches, yet neither copies the other.  A
** copy, an edited copy, a reprint with its own first paragraph or a comment
** piece quoting the report all carry the news itself: the report's first
** sentences (the inverted pyramid puts the news first, background and
** sign-off last).  So the news of a document is its first NEWS_SENTENCES
** sentences of prose (NEWS_WORDS words or more, ending in a full stop, a
** question or exclamation mark: a headline, a dateline alone or a byline
** ends in none; or NEWS_LONG words or more, as a headline seldom has:
** paragraphs without a closing mark, a poem's lines), and a sentence is carried into the other document when
** at least half of its word 4-grams (hs_tokenize's normalized words) are
** found there.  Either side may be the copy (dates can be missing or
** equal), so either side's news carried is enough.
**
** The test applies where a template can be: between two documents of one
** outlet, or where either is an agency's (its clients' reprints carry
** its template too).  Two newspapers sharing a press release's paragraph
** each wrote their own lead around it, and stay joined as before.  A
** later document that is mostly a close copy (COPY_COVER of its words
** matched, COPY_SAME alike over the pair's passages) joins whatever its
** lead: an outlet that rewrote only the release's first sentence.
**
** Two reports refused that way are siblings: one template, two events.
** What retells one of them is no retelling of the other, so a paraphrase
** that would join a document to the story its sibling is in is left out
** (the paraphrases that touch no sibling are joined first).
*/
#include <stdlib.h>
#include <string.h>

#include "story/story.h"
#include "util/sort.h"

#define NEWS_SENTENCES 2
#define NEWS_WORDS 6
#define NEWS_LONG 12
#define NEWS_GRAM 4
#define NEWS_CARRIED 0.5
#define COPY_COVER 0.5
#define COPY_SAME 0.85

static uint64_t gram_hash(const hs_token *t) {
  uint64_t h = 1469598103934665603ULL;
  size_t k;
  for (k = 0; k < NEWS_GRAM; k++) {
    h ^= t[k].hash + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
    h *= 1099511628211ULL;
  }
  return h;
}

/* Whether [s, e) of text ends a sentence of prose: a terminal mark
** (. ! ? or the Arabic question mark), perhaps before closing quotes or
** brackets. */
static int prose_end(const char *text, size_t s, size_t e) {
  const unsigned char *t = (const unsigned char *)text;
  while (e > s && (t[e - 1] == '"' || t[e - 1] == '\'' || t[e - 1] == ')' ||
                   t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '\r'))
    e--;
  /* closing quotes outside ASCII: ” » (UTF-8 E2 80 9D, C2 BB) */
  while (e >= s + 2 && ((e >= s + 3 && t[e - 3] == 0xE2 && t[e - 2] == 0x80 &&
                         t[e - 1] == 0x9D) ||
                        (t[e - 2] == 0xC2 && t[e - 1] == 0xBB)))
    e -= t[e - 2] == 0xC2 ? 2 : 3;
  if (e > s && (t[e - 1] == '.' || t[e - 1] == '!' || t[e - 1] == '?'))
    return 1;
  return e >= s + 2 && t[e - 2] == 0xD8 && t[e - 1] == 0x9F;
}

/* Whether the news of document x (its tokens xt) is carried into the
** document whose sorted 4-gram hashes are g[0..ng). */
static int news_carried(const hs_doc *x, const hs_token *xt, size_t nx,
                        const uint64_t *g, size_t ng) {
  hs_sentence *ss = NULL;
  size_t nss = 0, i, k = 0, found = 0;
  int carried = 0;
  if (hs_sentences_split(x->text, x->len, &ss, &nss, NULL)) return 0;
  for (i = 0; i < nss && found < NEWS_SENTENCES && !carried; i++) {
    size_t a = k, b, grams, hit = 0, j;
    while (a < nx && xt[a].start < ss[i].start) a++;
    for (b = a; b < nx && xt[b].end <= ss[i].end; b++) {}
    k = b;
    if (b - a < NEWS_WORDS ||
        (b - a < NEWS_LONG && !prose_end(x->text, ss[i].start, ss[i].end)))
      continue;
    found++;
    grams = b - a - NEWS_GRAM + 1;
    for (j = a; j + NEWS_GRAM <= b; j++)
      if (hs_u64_sorted_has(g, ng, gram_hash(&xt[j]))) hit++;
    if (hit >= NEWS_CARRIED * grams) carried = 1;
  }
  free(ss);
  return carried;
}

static uint64_t *grams_of(const hs_token *t, size_t n, size_t *ng) {
  uint64_t *g = hs_malloc((n + 1) * sizeof *g);
  size_t j;
  *ng = 0;
  for (j = 0; j + NEWS_GRAM <= n; j++) g[(*ng)++] = gram_hash(&t[j]);
  hs_sort_u64(g, *ng);
  return g;
}

int hs_story_news_shared(const hs_doc *a, const hs_doc *b) {
  hs_token *ta = NULL, *tb = NULL;
  size_t na = 0, nb = 0, nga = 0, ngb = 0;
  uint64_t *ga = NULL, *gb = NULL;
  int shared = 1; /* nothing to read: as before, the passages decide */
  if (!a || !b || !a->text || !b->text) return 1;
  if (hs_tokenize(a->text, a->len, &ta, &na, NULL) ||
      hs_tokenize(b->text, b->len, &tb, &nb, NULL))
    goto out;
  ga = grams_of(ta, na, &nga);
  gb = grams_of(tb, nb, &ngb);
  shared = news_carried(a, ta, na, gb, ngb) || news_carried(b, tb, nb, ga, nga);
out:
  free(ta);
  free(tb);
  free(ga);
  free(gb);
  return shared;
}

static int is_agency(const hs_aliases *al, const char *outlet) {
  const char *canon = NULL;
  int type = 0;
  return al && outlet &&
         hs_aliases_lookup(al, outlet, strlen(outlet), &canon, &type) &&
         type == HS_SRC_AGENCY;
}

int hs_story_news_join(const hs_provenance *pv, const hs_corpus *c,
                       const hs_aliases *al, const hs_plink *l,
                       uint64_t span_words, uint32_t later_words) {
  const char *oa = pv->docs[l->from].outlet, *ob = pv->docs[l->to].outlet;
  if (!c) return 1;
  if (!(oa && ob && !strcmp(oa, ob)) && !is_agency(al, oa) &&
      !is_agency(al, ob))
    return 1;
  if (later_words && span_words &&
      2.0 * l->words / (double)span_words >= COPY_SAME &&
      l->words >= COPY_COVER * later_words)
    return 1;
  return hs_story_news_shared(hs_corpus_doc(c, l->from),
                              hs_corpus_doc(c, l->to));
}

/* the range of sib (sorted) whose high half is x */
static size_t sib_first(const uint64_t *sib, size_t n, uint32_t x) {
  size_t lo = 0, hi = n;
  uint64_t k = (uint64_t)x << 32;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (sib[mid] < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static int sib_in(uint32_t *parent, const uint64_t *sib, size_t n,
                  uint32_t x, uint32_t root) {
  size_t k;
  for (k = sib_first(sib, n, x); k < n && (uint32_t)(sib[k] >> 32) == x; k++)
    if (hs_uf_find(parent, (uint32_t)sib[k]) == root) return 1;
  return 0;
}

uint8_t *hs_story_siblings(uint32_t *parent, uint64_t *sib, size_t nsib,
                           const hs_para *para, size_t npara) {
  uint8_t *drop = hs_calloc(npara + 1, 1), *late = hs_calloc(npara + 1, 1);
  size_t i;
  hs_sort_u64(sib, nsib);
  for (i = 0; i < npara; i++) {
    const hs_para *q = &para[i];
    late[i] = sib_first(sib, nsib, q->a) < nsib &&
              (uint32_t)(sib[sib_first(sib, nsib, q->a)] >> 32) == q->a;
    late[i] |= sib_first(sib, nsib, q->b) < nsib &&
               (uint32_t)(sib[sib_first(sib, nsib, q->b)] >> 32) == q->b;
    if (!late[i]) hs_uf_union(parent, q->a, q->b);
  }
  for (i = 0; i < npara; i++) {
    const hs_para *q = &para[i];
    if (!late[i]) continue;
    if (sib_in(parent, sib, nsib, q->a, hs_uf_find(parent, q->b)) ||
        sib_in(parent, sib, nsib, q->b, hs_uf_find(parent, q->a)))
      drop[i] = 1;
    else
      hs_uf_union(parent, q->a, q->b);
  }
  free(late);
  return drop;
}
