/*
** fuzz_sentences.c — libFuzzer target for the claims stage.  The input is
** split into sentences: every span must lie inside the text, be non-empty,
** in order and disjoint, and not start or end with white space.  The input
** is then a one-document corpus searched with its own first 200 bytes as
** the claim: every hit must lie inside the document, with a finite score
** and explain JSON that starts with '['; the variants of the hits must
** reference hits that exist.  The claim index is made once and cleared
** between runs (hs_claims_clear).
*/
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int cond) {
  if (!cond) abort();
}

/* One claim index for the process, cleared each run: loading its tables
** (the entity aliases) costs more than a run. */
static hs_claims *claims(void) {
  static hs_claims *cl;
  if (!cl) check(hs_claims_new(&cl, "", NULL) == HS_OK);
  hs_claims_clear(cl);
  return cl;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  hs_sentence *s = NULL;
  size_t n = 0, i, nh = 0, nv = 0;
  hs_corpus *c;
  hs_claims *cl;
  hs_claim_hit *h = NULL;
  hs_variant *v = NULL;
  char query[201];
  check(hs_sentences_split(text, size, &s, &n, NULL) == HS_OK);
  for (i = 0; i < n; i++) {
    check(s[i].start < s[i].end && s[i].end <= size);
    if (i) check(s[i].start >= s[i - 1].end);
    check(text[s[i].start] != ' ' && text[s[i].end - 1] != ' ');
    check(text[s[i].start] != '\n' && text[s[i].end - 1] != '\n');
  }
  free(s);
  c = hs_corpus_new();
  check(hs_corpus_add(c, "d", text, size, NULL, NULL, NULL, NULL, NULL, NULL,
                      0, NULL) == HS_OK);
  cl = claims();
  check(hs_claims_add_corpus(cl, c, NULL) == HS_OK);
  memcpy(query, text, size < 200 ? size : 200);
  query[size < 200 ? size : 200] = '\0';
  check(hs_claims_search(cl, query, 50, 0.0, &h, &nh, NULL) == HS_OK);
  for (i = 0; i < nh; i++) {
    check(h[i].start < h[i].end && h[i].end <= size);
    check(isfinite(h[i].score) && h[i].score >= 0);
    check(h[i].explain && h[i].explain[0] == '[');
  }
  check(hs_claims_variants(cl, h, nh, &v, &nv, NULL) == HS_OK);
  for (i = 0; i < nv; i++) {
    size_t j;
    for (j = 0; j < v[i].nhits; j++) check(v[i].hits[j] < nh);
  }
  hs_variants_free(v, nv);
  hs_claim_hits_free(h, nh);
  hs_claims_clear(cl); /* c is freed: the index must not point at it */
  hs_corpus_free(c);
  return 0;
}
