/*
** subhead.c — a subhead repeated in the body of its own article is an
** internal repeat even when it is shorter than --min-words.
**
** Web pages repeat a section's subhead (8 to 11 words is common; 8 to 15
** are taken) as the
** first sentence of the paragraph under it, or a headline as the body's
** first line.  The n-gram stage drops such a copy as too short, and
** lowering --min-words for everyone would flood the output with stock
** phrases.  Here the layout says it is a repeat: one copy is a whole line
** of its own (a subhead), the other opens a line (a paragraph), both in
** the same document.  The token tables hold no layout, so this runs while
** documents are added, with their text at hand; each document gets its
** list, and the run appends whatever the n-gram stage did not already
** report.  At most MAX_LINES subhead lines per document are tried, each
** against every line start with an early exit on the first word, so a
** hostile document of many short lines stays linear in practice.
*/
#include <stdlib.h>
#include <string.h>

#include "align/subhead.h"
#include "cluster/cluster.h"
#include "util/util.h"

#define MAX_LINES 64

/* The line starts of t's tokens into ls (ascending; the first token opens
** one): a token opens a line when a newline lies between the end of the
** token before it and its start.  Newlines are few, so the text is
** searched for them (memchr over the whole span) and each one placed
** among the tokens by a pointer that only moves forward, instead of a
** search of every gap between two tokens.  Returns how many. */
static uint32_t line_starts(const char *text, const hs_doctab *t,
                            uint32_t *ls) {
  uint32_t nt = t->n, i = 1, nl = 0;
  const char *q = text + t->start[0], *stop = text + t->start[nt - 1];
  ls[nl++] = 0;
  while (q < stop && (q = memchr(q, '\n', (size_t)(stop - q))) != NULL) {
    uint32_t at = (uint32_t)(q - text);
    while (t->start[i] <= at) i++; /* the first token after the newline */
    /* in the gap before token i, not inside token i - 1 */
    if (t->start[i - 1] + t->len[i - 1] <= at && ls[nl - 1] != i)
      ls[nl++] = i;
    q++;
  }
  return nl;
}

void hs_subhead_find(const char *text, size_t len, const hs_doctab *t,
                     uint32_t doc, int min_words, hs_passage **out,
                     size_t *n, size_t *cap) {
  uint32_t *ls;
  uint32_t i, j, p, k, x, y, nl, nt = t->n, tried = 0;
  size_t first = *n;
  (void)len;
  if (!text || nt < 2 * HS_SUBHEAD_MIN_WORDS ||
      min_words <= HS_SUBHEAD_MIN_WORDS)
    return;
  ls = hs_malloc(((size_t)nt + 1) * sizeof *ls);
  nl = line_starts(text, t, ls);
  ls[nl] = nt; /* the end of the last line */
  for (x = 0; x < nl && tried < MAX_LINES; x++) {
    int masked = 0;
    i = ls[x];
    j = ls[x + 1] - 1;
    k = j - i + 1;
    if (k < HS_SUBHEAD_MIN_WORDS || k > HS_SUBHEAD_MAX_WORDS ||
        k >= (uint32_t)min_words)
      continue;
    for (p = i; p <= j; p++)
      if (!t->hash[p]) masked = 1;
    if (masked) continue;
    tried++;
    for (y = 0; y < nl && ls[y] + k <= nt; y++) {
      uint32_t m, a0, b0;
      size_t q;
      int dup = 0;
      hs_passage *o;
      p = ls[y];
      if (p == i || (p < i + k && i < p + k)) continue;
      for (m = 0; m < k && t->hash[p + m] == t->hash[i + m]; m++) {}
      if (m < k) continue;
      a0 = p < i ? p : i;
      b0 = p < i ? i : p;
      for (q = first; q < *n && !dup; q++)
        if ((*out)[q].a.start == t->start[a0] &&
            (*out)[q].b.start == t->start[b0])
          dup = 1;
      if (dup) continue;
      HS_GROW(*out, *cap, *n + 1);
      o = &(*out)[(*n)++];
      memset(o, 0, sizeof *o);
      o->a.doc = o->b.doc = doc;
      o->a.start = t->start[a0];
      o->a.end = t->start[a0 + k - 1] + t->len[a0 + k - 1];
      o->b.start = t->start[b0];
      o->b.end = t->start[b0 + k - 1] + t->len[b0 + k - 1];
      o->a.words = o->b.words = o->words = k;
      o->similarity = 1;
      o->internal = 1;
      o->method = HS_METHOD_VERBATIM;
    }
  }
  free(ls);
}

static int overlaps(const hs_span *x, const hs_span *y) {
  return x->start < y->end && y->start < x->end;
}

void hs_subhead_merge(hs_passage **out, size_t *n, const hs_passage *sub,
                      size_t nsub) {
  size_t s, i, lo, hi, add = 0, n0 = *n;
  if (!nsub) return;
  *out = hs_reallocarray(*out, n0 + nsub, sizeof **out);
  for (s = 0; s < nsub; s++) {
    const hs_passage *x = &sub[s];
    int covered = 0;
    /* the passages are sorted by a.doc first */
    lo = 0, hi = n0;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if ((*out)[mid].a.doc < x->a.doc) lo = mid + 1;
      else hi = mid;
    }
    for (i = lo; i < n0 && (*out)[i].a.doc == x->a.doc && !covered; i++)
      if ((*out)[i].internal && overlaps(&(*out)[i].a, &x->a) &&
          overlaps(&(*out)[i].b, &x->b))
        covered = 1;
    if (!covered) (*out)[n0 + add++] = *x;
  }
  *n = n0 + add;
  if (add) hs_cluster_passage_merge(*out, n0, *n);
}
