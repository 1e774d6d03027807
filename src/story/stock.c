/*
** stock.c — stock text for the paraphrase edges: quotations, formulas and
** page furniture that two unrelated articles share without sharing a
** claim (a Quran verse quoted after every attack, a condolence formula,
** a columnist's contact line).
**
** The table is data/stock.tsv (compiled in): phrases of three kinds.  A
** `formula` masks its own words, a `quote` masks its words and the rest of
** the sentence (what follows «قال تعالى» is the verse), a `furniture`
** phrase makes its whole sentence no claim.  Text inside {…}, ﴿…﴾ and
** ((…)) is masked too: Arabic news writes verses in them; and so is a run
** of vocalized words (scripture and poetry are printed with their short
** vowels, news prose is not).  Phrases are
** tokenized as the text is (hs_tokenize), so they match after the same
** normalization, and looked up by their first word's hash in an
** open-addressing table: one probe per word of the corpus, whatever the
** table's size.  Masked words make no paraphrase candidates and are left
** out of the compared sentences (paraphrase.c).  A `background` phrase
** makes its sentence no claim, as furniture does ("which was set up by
** ... in 1998", «يذكر أن»).  One-word lines of kind conjunction, copula
** and relative are word classes for the sentence shapes of shape.c
** (lists of names, definitions), kept in their own small hash set.
*/
#include <stdlib.h>
#include <string.h>

#include "story/story.h"

extern const char hs_stock_tsv[];
extern const size_t hs_stock_tsv_len;

typedef struct phrase {
  uint32_t off, n;   /* its word hashes: words[off .. off+n) */
  uint32_t next;     /* next phrase with the same first word, +1; 0 = none */
  uint8_t kind;
} phrase;

struct hs_stock {
  uint64_t *words;
  size_t nwords, capw;
  phrase *ph;
  size_t nph, capp;
  uint64_t *slot_key; /* first-word hash of each slot */
  uint32_t *slot;     /* first phrase of the slot, +1; 0 = empty */
  size_t nslot;       /* a power of two */
  uint64_t *cls_key;  /* word classes: hash of each slot's word */
  uint8_t *cls;       /* its HS_WORD_* bits; 0 = empty */
  size_t ncls, capc, nclsslot;
  uint64_t *cls_word; /* the class words as parsed, with their bits */
  uint8_t *cls_bits;
};

static int kind_of(const char *p, size_t n) {
  if (n == 7 && !memcmp(p, "formula", 7)) return HS_STOCK_FORMULA;
  if (n == 5 && !memcmp(p, "quote", 5)) return HS_STOCK_QUOTE;
  if (n == 9 && !memcmp(p, "furniture", 9)) return HS_STOCK_FURNITURE;
  if (n == 10 && !memcmp(p, "background", 10)) return HS_STOCK_BACKGROUND;
  if (n == 11 && !memcmp(p, "conjunction", 11)) return HS_STOCK_CONJUNCTION;
  if (n == 6 && !memcmp(p, "copula", 6)) return HS_STOCK_COPULA;
  if (n == 8 && !memcmp(p, "relative", 8)) return HS_STOCK_RELATIVE;
  return -1;
}

static int add_phrase(hs_stock *st, int kind, const char *p, size_t n,
                      hs_error *err) {
  hs_token *tok = NULL;
  size_t nt = 0, k;
  int rc = hs_tokenize(p, n, &tok, &nt, err);
  if (rc) return rc;
  if (kind >= HS_STOCK_CONJUNCTION) {
    /* a word class: one word */
    if (nt != 1) {
      free(tok);
      return HS_EINPUT;
    }
    HS_GROW(st->cls_word, st->capc, st->ncls + 1);
    st->cls_bits = hs_realloc(st->cls_bits, st->capc);
    st->cls_word[st->ncls] = tok[0].hash;
    st->cls_bits[st->ncls++] = (uint8_t)(kind == HS_STOCK_CONJUNCTION
                                             ? HS_WORD_CONJUNCTION
                                             : kind == HS_STOCK_COPULA
                                                   ? HS_WORD_COPULA
                                                   : HS_WORD_RELATIVE);
  } else if (nt) {
    HS_GROW(st->words, st->capw, st->nwords + nt);
    HS_GROW(st->ph, st->capp, st->nph + 1);
    st->ph[st->nph].off = (uint32_t)st->nwords;
    st->ph[st->nph].n = (uint32_t)nt;
    st->ph[st->nph].next = 0;
    st->ph[st->nph].kind = (uint8_t)kind;
    for (k = 0; k < nt; k++) st->words[st->nwords++] = tok[k].hash;
    st->nph++;
  }
  free(tok);
  return HS_OK;
}

static size_t slot_of(const hs_stock *st, uint64_t h) {
  size_t i = (size_t)(h ^ (h >> 29)) & (st->nslot - 1);
  while (st->slot[i] && st->slot_key[i] != h) i = (i + 1) & (st->nslot - 1);
  return i;
}

int hs_stock_parse(hs_stock **out, const char *text, size_t len,
                   const char *name, hs_error *err) {
  hs_stock *st = hs_calloc(1, sizeof *st);
  size_t at = 0, lineno = 0, i;
  int rc = HS_OK;
  *out = NULL;
  while (at < len) {
    const char *line = text + at, *f[3];
    size_t ll, fl[3], nf = 0, k;
    const char *nl = memchr(line, '\n', len - at);
    ll = nl ? (size_t)(nl - line) : len - at;
    at += ll + 1;
    lineno++;
    if (ll && line[ll - 1] == '\r') ll--;
    if (!ll || line[0] == '#') continue;
    f[0] = line;
    for (k = 0; k < ll && nf < 3; k++)
      if (line[k] == '\t') {
        fl[nf] = (size_t)(line + k - f[nf]);
        nf++;
        if (nf < 3) f[nf] = line + k + 1;
      }
    if (nf == 2) fl[nf++] = (size_t)(line + ll - f[2]);
    if (nf != 3 || kind_of(f[1], fl[1]) < 0 || !fl[2]) {
      rc = hs_error_set(err, HS_EINPUT,
                        "%s:%zu: expected LANG<TAB>formula|quote|furniture"
                        "<TAB>PHRASE", name, lineno);
      goto fail;
    }
    if ((rc = add_phrase(st, kind_of(f[1], fl[1]), f[2], fl[2], err))) {
      if (rc == HS_EINPUT)
        hs_error_set(err, HS_EINPUT, "%s:%zu: a word class holds one word",
                     name, lineno);
      goto fail;
    }
  }
  for (st->nclsslot = 16; st->nclsslot < 2 * st->ncls + 2; st->nclsslot *= 2) {}
  st->cls = hs_calloc(st->nclsslot, 1);
  st->cls_key = hs_calloc(st->nclsslot, sizeof *st->cls_key);
  for (i = 0; i < st->ncls; i++) {
    uint64_t h = st->cls_word[i];
    size_t s = (size_t)(h ^ (h >> 29)) & (st->nclsslot - 1);
    while (st->cls[s] && st->cls_key[s] != h) s = (s + 1) & (st->nclsslot - 1);
    st->cls_key[s] = h;
    st->cls[s] |= st->cls_bits[i];
  }
  for (st->nslot = 16; st->nslot < 2 * st->nph + 2; st->nslot *= 2) {}
  st->slot = hs_calloc(st->nslot, sizeof *st->slot);
  st->slot_key = hs_calloc(st->nslot, sizeof *st->slot_key);
  for (i = st->nph; i-- > 0;) {
    uint64_t h = st->words[st->ph[i].off];
    size_t s = slot_of(st, h);
    st->slot_key[s] = h;
    st->ph[i].next = st->slot[s];
    st->slot[s] = (uint32_t)i + 1;
  }
  *out = st;
  return HS_OK;
fail:
  hs_stock_free(st);
  return rc;
}

int hs_stock_new(hs_stock **out, hs_error *err) {
  return hs_stock_parse(out, hs_stock_tsv, hs_stock_tsv_len, "data/stock.tsv",
                        err);
}

void hs_stock_free(hs_stock *st) {
  if (!st) return;
  free(st->words);
  free(st->ph);
  free(st->slot);
  free(st->slot_key);
  free(st->cls);
  free(st->cls_key);
  free(st->cls_word);
  free(st->cls_bits);
  free(st);
}

/* bytes [a, b) of text: mask the tokens starting inside */
static void mask_span(const hs_token *tok, size_t n, uint32_t a, uint32_t b,
                      uint8_t *mask) {
  size_t k;
  for (k = 0; k < n; k++)
    if (tok[k].start >= a && tok[k].start < b) mask[k] = 1;
}

/* verses in {…}, ﴿…﴾ (either way round) and ((…)); an unclosed bracket
** runs to the end of the sentence */
static void mask_brackets(const char *text, uint32_t s, uint32_t e,
                          const hs_token *tok, size_t n, uint8_t *mask) {
  uint32_t i = s;
  while (i < e) {
    const char *p = text + i;
    const char *close = NULL;
    uint32_t open_len = 0, j;
    if (*p == '{') close = "}", open_len = 1;
    else if (i + 1 < e && p[0] == '(' && p[1] == '(') close = "))", open_len = 2;
    else if (i + 2 < e && (unsigned char)p[0] == 0xEF &&
             (unsigned char)p[1] == 0xB4 &&
             ((unsigned char)p[2] == 0xBE || (unsigned char)p[2] == 0xBF))
      close = "\xEF\xB4", open_len = 3;
    if (!close) {
      i++;
      continue;
    }
    for (j = i + open_len; j < e; j++) {
      size_t cl = strlen(close);
      if (j + cl <= e && !memcmp(text + j, close, cl) &&
          (cl != 2 || open_len != 3 || (j + 2 < e &&
           ((unsigned char)text[j + 2] == 0xBE ||
            (unsigned char)text[j + 2] == 0xBF))))
        break;
    }
    mask_span(tok, n, i, j, mask);
    i = j + (j < e ? (open_len == 3 ? 3 : (uint32_t)strlen(close)) : 0);
  }
}

/* a word written with its short vowels: at least two harakat (U+064B to
** U+0652, two bytes D9 8B..D9 92), one for every three Arabic letters or more */
static int vocalized(const char *text, const hs_token *t) {
  const unsigned char *p = (const unsigned char *)text + t->start;
  const unsigned char *end = (const unsigned char *)text + t->end;
  unsigned marks = 0, letters = 0;
  for (; p + 1 < end; p++) {
    if (*p == 0xD9 && p[1] >= 0x8B && p[1] <= 0x92) marks++, p++;
    else if ((*p == 0xD8 && p[1] >= 0xA1) || (*p == 0xD9 && p[1] <= 0x8A))
      letters++, p++;
  }
  return marks >= 2 && 3 * marks >= letters;
}

/* quoted scripture and poetry are printed vocalized, news prose is not:
** a run of three vocalized words or more (a plain word between two of them
** included) is a quotation */
static void mask_vocalized(const char *text, const hs_token *tok, size_t n,
                           uint8_t *mask) {
  size_t k = 0;
  while (k < n) {
    size_t first, last, count = 0, m;
    if (!vocalized(text, &tok[k])) {
      k++;
      continue;
    }
    first = last = k;
    for (m = k; m < n && m <= last + 2; m++)
      if (vocalized(text, &tok[m])) last = m, count++;
    if (count >= 3)
      for (m = first; m <= last; m++) mask[m] = 1;
    k = last + 1;
  }
}

unsigned hs_stock_word_class(const hs_stock *st, uint64_t h) {
  size_t s;
  if (!st || !st->nclsslot) return 0;
  s = (size_t)(h ^ (h >> 29)) & (st->nclsslot - 1);
  while (st->cls[s] && st->cls_key[s] != h) s = (s + 1) & (st->nclsslot - 1);
  return st->cls[s];
}

int hs_stock_mask(const hs_stock *st, const char *text, uint32_t s,
                  uint32_t e, const hs_token *tok, size_t n, uint8_t *mask) {
  size_t k, m;
  memset(mask, 0, n);
  if (!n) return 0;
  mask_brackets(text, s, e, tok, n, mask);
  mask_vocalized(text, tok, n, mask);
  if (!st) return 0;
  for (k = 0; k < n; k++) {
    size_t sl = slot_of(st, tok[k].hash);
    uint32_t pi;
    if (!st->slot[sl]) continue;
    for (pi = st->slot[sl]; pi; pi = st->ph[pi - 1].next) {
      const phrase *ph = &st->ph[pi - 1];
      if (k + ph->n > n) continue;
      for (m = 1; m < ph->n; m++)
        if (tok[k + m].hash != st->words[ph->off + m]) break;
      if (m < ph->n) continue;
      if (ph->kind == HS_STOCK_FURNITURE || ph->kind == HS_STOCK_BACKGROUND)
        return ph->kind;
      for (m = k; m < (ph->kind == HS_STOCK_QUOTE ? n : k + ph->n); m++)
        mask[m] = 1;
    }
  }
  /* the shapes of shape.c: a sentence that is mostly a list of names or
  ** numbers, a definition */
  if (hs_shape_is_list(text, tok, hs_shape_lists(st, text, s, tok, n, mask),
                       n))
    return HS_STOCK_LIST;
  if (hs_shape_definition(st, text, tok, n)) return HS_STOCK_BACKGROUND;
  return 0;
}
