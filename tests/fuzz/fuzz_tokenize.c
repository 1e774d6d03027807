/*
** fuzz_tokenize.c — libFuzzer target for the text and reuse stages.  The
** input is tokenized and normalized; every token must lie inside the text
** (start < end <= len), tokens must be strictly increasing and disjoint,
** and no token may consist only of ASCII spaces and punctuation.  The
** input (its first KiB) is then split in half into a two-document corpus
** and aligned with the default options, or (as the first byte's top bit
** says) its first 256 bytes with small n-grams chosen from that byte; every passage must lie inside
** its documents, with start < end.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int cond) {
  if (!cond) abort();
}

static int is_ascii_sep(unsigned char ch) {
  return ch < 0x80 && !((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') ||
                        (ch >= 'A' && ch <= 'Z'));
}

static void check_tokens(const char *text, size_t len) {
  hs_token *t = NULL;
  size_t n = 0, i, j, need;
  char small[8];
  check(hs_tokenize(text, len, &t, &n, NULL) == HS_OK);
  check(t != NULL);
  for (i = 0; i < n; i++) {
    int word = 0;
    check(t[i].start < t[i].end && t[i].end <= len);
    if (i) check(t[i].start >= t[i - 1].end);
    for (j = t[i].start; j < t[i].end && !word; j++)
      word = !is_ascii_sep((unsigned char)text[j]);
    check(word);
  }
  check(hs_count_words(text, len) == n);
  need = hs_normalize(text, len, small, sizeof small);
  check(strlen(small) == (need < sizeof small ? need : sizeof small - 1));
  check((need == 0) == (n == 0));
  free(t);
}

static void check_span(const hs_corpus *c, const hs_span *s) {
  const hs_doc *d = hs_corpus_doc(c, s->doc);
  check(d != NULL);
  check(s->start < s->end && s->end <= d->len);
  check(s->words > 0);
}

static void check_reuse(const hs_corpus *c, const hs_reuse_opts *o) {
  hs_passage *p = NULL;
  size_t n = 0, i;
  if (hs_reuse_find(c, o, &p, &n, NULL) != HS_OK) return;
  for (i = 0; i < n; i++) {
    check_span(c, &p[i].a);
    check_span(c, &p[i].b);
    check(p[i].a.doc <= p[i].b.doc);
    check(p[i].internal == (p[i].a.doc == p[i].b.doc));
    if (p[i].internal) check(p[i].a.start < p[i].b.start);
    check(p[i].similarity >= 0.0 && p[i].similarity <= 1.0);
  }
  free(p);
}

/* Alignment of two documents costs up to the product of their lengths in
** seeds (with one-word n-grams, every repeated word seeds every other), so
** it gets a bounded prefix of the input: long inputs still reach the
** tokenizer whole, and the fuzzer keeps its thousands of runs a second.
** The small n-gram variant, the costly one, gets a shorter prefix. */
enum { ALIGN_BYTES = 1024, SMALL_NGRAM_BYTES = 256 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  size_t half;
  hs_corpus *c = hs_corpus_new();
  hs_reuse_opts o;
  check_tokens(text, size);
  if (size > ALIGN_BYTES) size = ALIGN_BYTES;
  half = size / 2;
  check(hs_corpus_add(c, "a", text, half, NULL, NULL, NULL, NULL, NULL, NULL,
                      0, NULL) == HS_OK);
  check(hs_corpus_add(c, "b", text + half, size - half, NULL, NULL, NULL,
                      NULL, NULL, NULL, 0, NULL) == HS_OK);
  hs_reuse_opts_default(&o);
  o.threads = 1;
  /* one alignment a run (the first byte's top bit chooses), each with a
  ** fixed set-up cost: default options, or small n-grams */
  if (!size || !(data[0] & 0x80)) check_reuse(c, &o);
  else {
    hs_corpus_free(c);
    c = hs_corpus_new();
    if (size > SMALL_NGRAM_BYTES) size = SMALL_NGRAM_BYTES;
    half = size / 2;
    check(hs_corpus_add(c, "a", text, half, NULL, NULL, NULL, NULL, NULL,
                        NULL, 0, NULL) == HS_OK);
    check(hs_corpus_add(c, "b", text + half, size - half, NULL, NULL, NULL,
                        NULL, NULL, NULL, 0, NULL) == HS_OK);
    o.ngram = 1 + data[0] % 4;
    o.min_words = 1 + (data[0] >> 2) % 4;
    o.max_gap = (data[0] >> 4) % 8;
    o.min_similarity = 0.0;
    check_reuse(c, &o);
  }
  hs_corpus_free(c);
  return 0;
}
