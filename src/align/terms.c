/*
** terms.c — what the sentence stage knows of a document: a stemmed term
** per word and the sentence bounds, made once while the document is added
** (its text is not kept), and the corpus counts that weight the terms.
**
** A term is a 32-bit hash of the Snowball stem of the word's normalized
** form (English, Russian or Arabic stemmer by the script of its first
** letter; other words and numbers are their normalized form), so that
** "rose"/"rising" or "said"/"says" meet.  Stemming is the slow part, so
** each thread keeps a direct-mapped cache from the word's hash to its
** term: news text repeats a small vocabulary, and a miss costs one
** normalization and one stem.  Counts are a fixed table of counters
** indexed by the term's low bits (collisions only lower the weight of a
** rare term a little), so counting needs no hash table and no lock.
**
** Sentences end at ". ! ? ؟ ۔ 。" followed by a space or the end of the gap
** between two words (so "10.89" or "example.com" do not end one), at a
** blank line, and after 40 words without such a mark (long run-on news
** sentences are cut so that a moved part can still be matched alone).
*/
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "align/sentence.h"
#include "text/text.h"
#include "util/util.h"

#define CACHE_BITS 16
#define MAX_SENT_WORDS 40

struct hs_stemcache {
  struct sb_stemmer *en, *ru, *ar;
  hs_tokenizer *tk;
  hs_buf norm;
  uint64_t key[1u << CACHE_BITS];
  uint32_t val[1u << CACHE_BITS];
};

hs_stemcache *hs_stemcache_new(void) {
  hs_stemcache *c = hs_calloc(1, sizeof *c);
  c->en = sb_stemmer_new("english", "UTF_8");
  c->ru = sb_stemmer_new("russian", "UTF_8");
  c->ar = sb_stemmer_new("arabic", "UTF_8");
  c->tk = hs_tokenizer_new();
  hs_buf_init(&c->norm, 0);
  return c;
}

void hs_stemcache_free(hs_stemcache *c) {
  if (!c) return;
  if (c->en) sb_stemmer_delete(c->en);
  if (c->ru) sb_stemmer_delete(c->ru);
  if (c->ar) sb_stemmer_delete(c->ar);
  hs_tokenizer_free(c->tk);
  hs_buf_free(&c->norm);
  free(c);
}

void hs_termcounts_init(hs_termcounts *tc, unsigned bits) {
  tc->c = hs_calloc((size_t)1 << bits, sizeof *tc->c);
  tc->mask = (uint32_t)(((uint64_t)1 << bits) - 1);
  tc->total = 0;
}

void hs_termcounts_free(hs_termcounts *tc) {
  free(tc->c);
  memset(tc, 0, sizeof *tc);
}

static uint32_t hash_bytes(const unsigned char *s, size_t n) {
  uint64_t h = 0xcbf29ce484222325ull;
  size_t i;
  for (i = 0; i < n; i++) h = (h ^ s[i]) * 0x100000001b3ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return (uint32_t)h ? (uint32_t)h : 1;
}

/* The term of the word text[s, e): normalize it alone, stem it. */
static uint32_t term_of(hs_stemcache *c, const char *text, uint32_t s,
                        uint32_t e) {
  const hs_token *t;
  size_t nt = 0, wl;
  const unsigned char *w;
  struct sb_stemmer *st = NULL;
  c->norm.len = 0;
  hs_tokenizer_run(c->tk, text + s, e - s, &t, &nt, &c->norm);
  if (!c->norm.len) return hash_bytes((const unsigned char *)text + s, e - s);
  w = (const unsigned char *)c->norm.p;
  wl = c->norm.len;
  if (w[0] >= 'a' && w[0] <= 'z') st = c->en;
  else if (w[0] >= 0xD0 && w[0] <= 0xD3) st = c->ru;
  else if (w[0] >= 0xD8 && w[0] <= 0xDB) st = c->ar;
  if (st && wl < 200) {
    const sb_symbol *r = sb_stemmer_stem(st, w, (int)wl);
    if (r) return hash_bytes(r, (size_t)sb_stemmer_length(st));
  }
  return hash_bytes(w, wl);
}

/* Whether the bytes between two words end a sentence. */
static int ends_sentence(const unsigned char *g, size_t n) {
  size_t i, nl = 0;
  for (i = 0; i < n; i++) {
    unsigned char ch = g[i];
    if (ch == '.' || ch == '!' || ch == '?') {
      if (i + 1 == n || g[i + 1] == ' ' || g[i + 1] == '\n' ||
          g[i + 1] == '\r' || g[i + 1] == '\t' || g[i + 1] == '"' ||
          g[i + 1] == '\'' || g[i + 1] == ')' || g[i + 1] >= 0x80)
        return 1;
    } else if (ch == '\n') {
      if (++nl >= 2) return 1;
    } else if (ch == 0xD8 && i + 1 < n && g[i + 1] == 0x9F) {
      return 1; /* ؟ */
    } else if (ch == 0xDB && i + 1 < n && g[i + 1] == 0x94) {
      return 1; /* ۔ */
    } else if (ch == 0xE3 && i + 2 < n && g[i + 1] == 0x80 &&
               g[i + 2] == 0x82) {
      return 1; /* 。 */
    }
  }
  return 0;
}

void hs_senttab_build(hs_senttab *st, hs_stemcache *c, const char *text,
                      size_t len, const hs_token *toks, size_t n,
                      const uint32_t *hash, hs_termcounts *tc) {
  size_t i, ns = 0, cap;
  uint32_t since = 0;
  (void)len;
  memset(st, 0, sizeof *st);
  if (n > UINT32_MAX - 1) n = UINT32_MAX - 1;
  st->n = (uint32_t)n;
  if (!n) return;
  st->term = hs_malloc(n * sizeof *st->term);
  cap = n / 12 + 2;
  st->sent = hs_malloc(cap * sizeof *st->sent);
  st->sent[ns++] = 0;
  for (i = 0; i < n; i++) {
    uint64_t key = toks[i].hash;
    size_t slot = (size_t)(key ^ (key >> 29)) & ((1u << CACHE_BITS) - 1);
    uint32_t term;
    if (i > 0 && (since >= MAX_SENT_WORDS ||
                  ends_sentence((const unsigned char *)text + toks[i - 1].end,
                                toks[i].start - toks[i - 1].end))) {
      HS_GROW(st->sent, cap, ns + 2);
      st->sent[ns++] = (uint32_t)i;
      since = 0;
    }
    since++;
    if (!hash[i]) {
      st->term[i] = 0;
      continue;
    }
    if (key && c->key[slot] == key) {
      term = c->val[slot];
    } else {
      term = term_of(c, text, toks[i].start, toks[i].end);
      c->key[slot] = key;
      c->val[slot] = term;
    }
    st->term[i] = term;
    if (tc && tc->c) __atomic_add_fetch(&tc->c[term & tc->mask], 1,
                                        __ATOMIC_RELAXED);
  }
  if (tc) __atomic_add_fetch(&tc->total, (uint64_t)n, __ATOMIC_RELAXED);
  HS_GROW(st->sent, cap, ns + 1);
  st->sent[ns] = (uint32_t)n;
  st->nsent = (uint32_t)ns;
}

void hs_senttab_free(hs_senttab *st) {
  if (!st) return;
  free(st->term);
  free(st->sent);
  memset(st, 0, sizeof *st);
}
