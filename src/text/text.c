/*
** text.c — Unicode-aware word tokens with exact byte spans.
**
** A token is a maximal run of letters, digits and combining marks, with
** three kinds of joiners kept inside it: an apostrophe between letters
** ("don't"), a dot between single letters ("U.S.", "e.g."), and a dot or
** comma between digits ("1,000", "3.5").  Format characters (ZWNJ in
** Persian, soft hyphens, bidi marks) and the Arabic tatweel stay inside a
** token and vanish from its normalized form.  Han, Hiragana and Katakana
** characters are one token each, since those scripts do not separate words.
** Bytes that are not valid UTF-8 are separators, so offsets never shift.
**
** The normalized form of a token is what gets hashed: every code point goes
** through utf8proc's compatibility decomposition with case folding and
** mark stripping (equality under NFKD+casefold is equality under NFKC+
** casefold), then a small table unifies the Arabic and Persian letter
** variants that writers use interchangeably (alef forms, ta marbuta/ha,
** alef maqsura/yeh/Farsi yeh, kaf/keheh) and the Arabic-Indic and Persian
** digits.  Joiners are dropped, so "U.S.-led" gives "us" "led" like
** "US-led".
**
** Speed: the classification and folding of every code point below U+10000
** is cached per tokenizer (in pages allocated on first use), so the
** Unicode tables are consulted once per distinct character rather than
** once per character, and a tokenizer costs little to create.
*/
#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <xxhash.h>

enum char_class {
  CL_SEP = 0,
  CL_LETTER,
  CL_DIGIT,
  CL_MARK,    /* combining mark: continues a token, never starts one */
  CL_CJK,     /* one token per character */
  CL_FORMAT,  /* inside a token, dropped from the normalized form */
  CL_APOS,
  CL_DOT,
  CL_COMMA
};

#define FOLD_MAX 4 /* folded code points kept per input code point */

typedef struct fold_entry {
  uint8_t filled, cls, nout;
  char out[FOLD_MAX * 4]; /* folded form as UTF-8 (nout bytes) */
} fold_entry;

/* The cache of code points below U+10000, in 256 pages of 256 entries
** allocated on first use: a text in one script touches two or three. */
#define PAGE_BITS 8
#define NPAGES (65536 >> PAGE_BITS)

struct hs_tokenizer {
  fold_entry *page[NPAGES];
  hs_token *toks;
  size_t ntoks, cap;
  char word[HS_TOKEN_MAX_BYTES * FOLD_MAX * 4 + 64];
};

hs_tokenizer *hs_tokenizer_new(void) {
  return hs_calloc(1, sizeof(hs_tokenizer));
}

void hs_tokenizer_free(hs_tokenizer *t) {
  size_t i;
  if (!t) return;
  for (i = 0; i < NPAGES; i++) free(t->page[i]);
  free(t->toks);
  free(t);
}

static int is_cjk(int32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3134F);
}

static int classify(int32_t cp) {
  if (cp < 0x80) {
    if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return CL_LETTER;
    if (cp >= '0' && cp <= '9') return CL_DIGIT;
    if (cp == '\'') return CL_APOS;
    if (cp == '.') return CL_DOT;
    if (cp == ',') return CL_COMMA;
    return CL_SEP;
  }
  switch (cp) {
    case 0x2019: case 0x02BC: return CL_APOS;  /* ’ ʼ */
    case 0x0640: return CL_FORMAT;             /* tatweel */
    case 0x066B: return CL_DOT;                /* Arabic decimal separator */
    case 0x066C: return CL_COMMA;              /* Arabic thousands separator */
    default: break;
  }
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return is_cjk(cp) ? CL_CJK : CL_LETTER;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return CL_MARK;
    case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return CL_DIGIT;
    case UTF8PROC_CATEGORY_CF:
      return CL_FORMAT;
    default:
      return CL_SEP;
  }
}

/* Letter and digit variants unified after Unicode folding.  Arabic script:
** alef with hamza/madda and alef wasla → alef; ta marbuta, heh goal, ae →
** heh; alef maqsura and Farsi yeh → yeh; keheh and swash kaf → kaf.
** Arabic-Indic and Extended Arabic-Indic (Persian) digits → ASCII. */
static int32_t fold_variant(int32_t cp) {
  if (cp < 0x0600 || cp > 0x06FF) return cp;
  if (cp >= 0x0660 && cp <= 0x0669) return '0' + (cp - 0x0660);
  if (cp >= 0x06F0 && cp <= 0x06F9) return '0' + (cp - 0x06F0);
  switch (cp) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: case 0x0672:
    case 0x0673: return 0x0627;
    case 0x0629: case 0x06C0: case 0x06C1: case 0x06D5: return 0x0647;
    case 0x0649: case 0x06CC: case 0x06D0: return 0x064A;
    case 0x06A9: case 0x06AA: return 0x0643;
    case 0x0624: return 0x0648;
    case 0x0626: return 0x064A;
    default: return cp;
  }
}

/* Fold one code point into UTF-8 bytes in e->out. */
static void fold_fill(fold_entry *e, int32_t cp) {
  utf8proc_int32_t dec[16];
  int last_boundclass = 0;
  utf8proc_ssize_t nd, i;
  size_t nout = 0;
  e->cls = (uint8_t)classify(cp);
  e->filled = 1;
  e->nout = 0;
  if (e->cls != CL_LETTER && e->cls != CL_DIGIT && e->cls != CL_CJK) return;
  cp = fold_variant(cp);
  nd = utf8proc_decompose_char(cp, dec, 16,
                               UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                   UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE,
                               &last_boundclass);
  if (nd < 0 || nd > 16) { /* cannot happen for valid code points */
    dec[0] = cp;
    nd = 1;
  }
  for (i = 0; i < nd && i < FOLD_MAX; i++) {
    int32_t c = fold_variant(dec[i]);
    if (c == 0x0640 || utf8proc_category(c) == UTF8PROC_CATEGORY_CF) continue;
    nout += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)e->out + nout);
  }
  e->nout = (uint8_t)nout;
}

/* Decode one code point at p[0..n).  Returns its byte length (>= 1); an
** invalid byte (stray continuation, overlong form, surrogate, beyond
** U+10FFFF, truncated sequence) yields *cp = -1 and length 1.  Inline and
** branch-light: this runs once per character of the corpus. */
static inline size_t decode(const unsigned char *p, size_t n, int32_t *cp) {
  unsigned c = p[0];
  int32_t v;
  if (c < 0x80) {
    *cp = (int32_t)c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    if (n >= 2 && (p[1] & 0xC0) == 0x80) {
      *cp = (int32_t)(((c & 0x1F) << 6) | (p[1] & 0x3F));
      return 2;
    }
  } else if (c >= 0xE0 && c <= 0xEF) {
    if (n >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
      v = (int32_t)(((c & 0x0F) << 12) | ((p[1] & 0x3Fu) << 6) |
                    (p[2] & 0x3Fu));
      if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
        *cp = v;
        return 3;
      }
    }
  } else if (c >= 0xF0 && c <= 0xF4) {
    if (n >= 4 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
        (p[3] & 0xC0) == 0x80) {
      v = (int32_t)(((c & 0x07) << 18) | ((p[1] & 0x3Fu) << 12) |
                    ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu));
      if (v >= 0x10000 && v <= 0x10FFFF) {
        *cp = v;
        return 4;
      }
    }
  }
  *cp = -1;
  return 1;
}

static inline const fold_entry *lookup(hs_tokenizer *t, int32_t cp,
                                       fold_entry *scratch) {
  fold_entry *e;
  if (cp < 0) {
    scratch->filled = 1;
    scratch->cls = CL_SEP;
    scratch->nout = 0;
    return scratch;
  }
  if (cp >= 65536) {
    fold_fill(scratch, cp);
    return scratch;
  }
  if (!t->page[cp >> PAGE_BITS])
    t->page[cp >> PAGE_BITS] =
        hs_calloc((size_t)1 << PAGE_BITS, sizeof(fold_entry));
  e = &t->page[cp >> PAGE_BITS][cp & ((1 << PAGE_BITS) - 1)];
  if (!e->filled) {
    if (cp < 0x80) { /* ASCII: fast fill */
      e->filled = 1;
      e->cls = (uint8_t)classify(cp);
      e->nout = 0;
      if (e->cls == CL_LETTER || e->cls == CL_DIGIT) {
        e->out[0] = (char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
        e->nout = 1;
      }
    } else {
      fold_fill(e, cp);
    }
  }
  return e;
}

static inline int class_at(hs_tokenizer *t, const unsigned char *p,
                           size_t n) {
  int32_t cp;
  fold_entry scratch;
  if (n == 0) return CL_SEP;
  decode(p, n, &cp);
  return lookup(t, cp, &scratch)->cls;
}

static void push_token(hs_tokenizer *t, size_t start, size_t end,
                       size_t wlen, hs_buf *norm) {
  hs_token *tok;
  HS_GROW(t->toks, t->cap, t->ntoks + 1);
  tok = &t->toks[t->ntoks++];
  tok->start = (uint32_t)start;
  tok->end = (uint32_t)end;
  tok->hash = XXH3_64bits(t->word, wlen);
  if (norm) {
    if (norm->len) hs_buf_putc(norm, ' ');
    hs_buf_append(norm, t->word, wlen);
  }
}

int hs_tokenizer_run(hs_tokenizer *t, const char *text, size_t len,
                     const hs_token **toks, size_t *n, hs_buf *norm) {
  const unsigned char *s = (const unsigned char *)text;
  size_t i = 0;
  fold_entry scratch;
  t->ntoks = 0;
  if (len > UINT32_MAX) len = UINT32_MAX; /* offsets are 32-bit */
  while (i < len) {
    int32_t cp;
    size_t k = decode(s + i, len - i, &cp);
    const fold_entry *e = lookup(t, cp, &scratch);
    size_t start, wlen, seg_letters;
    int prev;
    if (e->cls == CL_CJK) {
      memcpy(t->word, e->out, e->nout);
      push_token(t, i, i + k, e->nout, norm);
      i += k;
      continue;
    }
    if (e->cls != CL_LETTER && e->cls != CL_DIGIT) {
      i += k;
      continue;
    }
    /* A word starts here: extend while the next character continues it. */
    start = i;
    wlen = 0;
    seg_letters = 0;
    prev = e->cls;
    for (;;) {
      if (prev == CL_LETTER || prev == CL_DIGIT) {
        memcpy(t->word + wlen, e->out, e->nout);
        wlen += e->nout;
        seg_letters = prev == CL_LETTER ? seg_letters + 1 : 0;
      }
      i += k;
      if (i >= len || i - start >= HS_TOKEN_MAX_BYTES) break;
      k = decode(s + i, len - i, &cp);
      e = lookup(t, cp, &scratch);
      if (e->cls == CL_LETTER || e->cls == CL_DIGIT || e->cls == CL_MARK ||
          e->cls == CL_FORMAT) {
        if (e->cls == CL_LETTER || e->cls == CL_DIGIT) prev = e->cls;
        else if (e->cls == CL_FORMAT && prev != CL_LETTER && prev != CL_DIGIT)
          break;
        continue;
      }
      if (e->cls == CL_APOS || e->cls == CL_DOT || e->cls == CL_COMMA) {
        int next = class_at(t, s + i + k, len - i - k);
        int join = 0;
        if (e->cls == CL_APOS)
          join = prev == CL_LETTER && next == CL_LETTER;
        else if (prev == CL_DIGIT && next == CL_DIGIT)
          join = 1;
        else if (e->cls == CL_DOT)
          join = prev == CL_LETTER && seg_letters == 1 && next == CL_LETTER;
        if (join) {
          prev = e->cls;
          seg_letters = 0;
          continue;
        }
      }
      break;
    }
    /* Trailing format characters are not part of the word. */
    {
      size_t end = i;
      while (end > start) {
        size_t b = end - 1;
        int32_t c;
        while (b > start && (s[b] & 0xC0) == 0x80) b--;
        decode(s + b, end - b, &c);
        if (lookup(t, c, &scratch)->cls != CL_FORMAT) break;
        end = b;
      }
      if (wlen > 0) push_token(t, start, end, wlen, norm);
    }
  }
  *toks = t->toks;
  *n = t->ntoks;
  return HS_OK;
}

int hs_tokenize(const char *text, size_t len, hs_token **out, size_t *n,
                hs_error *err) {
  hs_tokenizer *t = hs_tokenizer_new();
  const hs_token *toks;
  size_t count;
  int rc = hs_tokenizer_run(t, text, len, &toks, &count, NULL);
  (void)err;
  if (rc == HS_OK) {
    *out = hs_reallocarray(NULL, count ? count : 1, sizeof **out);
    if (count) memcpy(*out, toks, count * sizeof *toks);
    *n = count;
  }
  hs_tokenizer_free(t);
  return rc;
}

size_t hs_normalize(const char *text, size_t len, char *buf, size_t cap) {
  hs_tokenizer *t = hs_tokenizer_new();
  const hs_token *toks;
  size_t count, need;
  hs_buf norm;
  hs_buf_init(&norm, 0);
  hs_tokenizer_run(t, text, len, &toks, &count, &norm);
  need = norm.len;
  if (cap) {
    size_t k = need < cap - 1 ? need : cap - 1;
    if (k) memcpy(buf, norm.p, k);
    buf[k] = '\0';
  }
  hs_buf_free(&norm);
  hs_tokenizer_free(t);
  return need;
}

size_t hs_count_words(const char *text, size_t len) {
  hs_tokenizer *t = hs_tokenizer_new();
  const hs_token *toks;
  size_t count = 0;
  hs_tokenizer_run(t, text, len, &toks, &count, NULL);
  hs_tokenizer_free(t);
  return count;
}
