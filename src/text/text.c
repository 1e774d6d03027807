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
** Speed: the class and folded form of every code point below U+10000 are
** constant tables written at build time (fold_gen.c applies the rules of
** fold.h, which this file applies to the code points beyond), so a
** tokenizer holds no cache: creating one costs its token array and word
** buffer, and a character costs a table load, not a utf8proc call.  Code
** points below U+0800 (all of ASCII and every 2-byte UTF-8 sequence:
** Latin, Greek, Cyrillic, Hebrew, Arabic, Persian) have a flat table of
** 8-byte entries, each holding the class and up to 4 folded bytes.  The
** inner loop of a word (take_fast_run) decodes 1- and 2-byte characters
** inline, looks them up there and appends the folded bytes with one
** fixed-size 4-byte store, so a letter costs a few instructions instead of
** a decode call, a table lookup and a variable-length copy.  It stops at
** the first character that is not such a letter or digit; a separator
** ends the word at once, anything else (marks, format characters, joiners,
** 3- and 4-byte characters, invalid bytes, the few characters below U+0800
** that fold to more than 4 bytes, such as U+00BD) goes through the general
** step, which follows the rules above, and the run resumes.  The end of
** the word is tracked while scanning, so trailing format characters are
** dropped without decoding backwards.  xxHash comes from its header
** (XXH_INLINE_ALL) rather than the shared library, which saves a call
** through the PLT per token; it is the same XXH3_64bits over the same
** normalized bytes, as it must be, since hashes are stored.
*/
#include "text/text.h"
#include "text/fold.h"

#include <stdlib.h>
#include <string.h>
/* Header-only inlining of the xxHash library; same XXH3_64bits. */
#define XXH_INLINE_ALL
#include <xxhash.h>

/* The class and folded form of every code point below U+10000, written
** at build time by fold_gen.c from the rules of fold.h: fold_fast for the
** inline path (below U+0800), fold_bmp_block/fold_bmp_entry and fold_pool
** for the rest. */
#include "fold_tables.h"

#define LEAD_MIN 0xC2 /* the smallest lead byte of a valid 2-byte sequence */

struct hs_tokenizer {
  hs_token *toks;
  size_t ntoks, cap;
  int keep; /* whether tokens are stored or only counted */
  char word[HS_TOKEN_MAX_BYTES * FOLD_MAX * 4 + 64];
};

hs_tokenizer *hs_tokenizer_new(void) {
  /* the word buffer is written before it is read: no need to zero it */
  hs_tokenizer *t = hs_malloc(sizeof *t);
  t->toks = NULL;
  t->ntoks = t->cap = 0;
  return t;
}

void hs_tokenizer_free(hs_tokenizer *t) {
  if (!t) return;
  free(t->toks);
  free(t);
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

/* One character of the text, as the tokenizer sees it: its class, its
** length in bytes (invalid bytes count 1) and its folded form.  out points
** into the tokenizer's caches or into a caller's scratch entry, and holds
** at least 4 readable bytes. */
typedef struct char_info {
  const char *out;
  int cls;
  size_t len, nout;
} char_info;

/* The general path: any code point, any validity.  Code points below
** U+10000 from the generated table, the rest folded here by the rules of
** fold.h into the caller's scratch entry. */
static char_info char_at_slow(const unsigned char *p, size_t n,
                              fold_entry *scratch) {
  char_info c;
  int32_t cp;
  uint32_t e;
  c.len = decode(p, n, &cp);
  if (cp < 0) {
    c.out = scratch->out;
    c.cls = CL_SEP;
    c.nout = 0;
    return c;
  }
  if (cp >= 0x10000) {
    fold_fill(scratch, cp);
    c.out = scratch->out;
    c.cls = scratch->cls;
    c.nout = scratch->nout;
    return c;
  }
  e = fold_bmp_entry[fold_bmp_block[cp >> FOLD_BLOCK_BITS]]
                    [cp & ((1 << FOLD_BLOCK_BITS) - 1)];
  c.cls = (int)FOLD_CLS(e);
  c.nout = FOLD_NOUT(e);
  if (FOLD_SELF(e)) { /* the folded form is the character's own bytes */
    memcpy(scratch->out, p, c.len);
    c.out = scratch->out;
  } else {
    c.out = (const char *)fold_pool + FOLD_OFF(e);
  }
  return c;
}

/* The character at p[0..n), n >= 1: 1- and 2-byte characters inline from
** the fast table, everything else through char_at_slow. */
static inline char_info char_at(const unsigned char *p, size_t n,
                                fold_entry *scratch) {
  char_info c;
  const fast_entry *f;
  unsigned c0 = p[0];
  if (c0 < 0x80) {
    f = &fold_fast[c0];
    c.len = 1;
  } else if (c0 >= LEAD_MIN && c0 <= 0xDF && n >= 2 &&
             (p[1] & 0xC0) == 0x80) {
    f = &fold_fast[((c0 & 0x1F) << 6) | (p[1] & 0x3Fu)];
    c.len = 2;
    if (f->state != FAST_SHORT) return char_at_slow(p, n, scratch);
  } else {
    return char_at_slow(p, n, scratch);
  }
  c.out = f->out;
  c.cls = f->cls;
  c.nout = f->nout;
  return c;
}

static inline int class_at(const unsigned char *p, size_t n) {
  fold_entry scratch;
  if (n == 0) return CL_SEP;
  return char_at(p, n, &scratch).cls;
}

/* Append a folded form to the word: a fixed 4-byte copy when it fits,
** since out always has 4 readable bytes and the word buffer has slack. */
static inline size_t append(char *dst, const char_info *c) {
  if (c->nout <= 4)
    memcpy(dst, c->out, 4);
  else
    memcpy(dst, c->out, c->nout);
  return c->nout;
}

/* Where the normalized forms go: appended to a buffer (b), or, for
** hs_normalize, written straight into the caller's array (dst, the first
** cap - 1 bytes of them) while their whole length is counted (len). */
typedef struct norm_sink {
  hs_buf *b;
  char *dst;
  size_t cap, len;
} norm_sink;

static void sink_put(norm_sink *o, const char *p, size_t n) {
  if (o->b) {
    hs_buf_append(o->b, p, n);
  } else if (o->len + 1 < o->cap) {
    size_t room = o->cap - 1 - o->len;
    memcpy(o->dst + o->len, p, n < room ? n : room);
  }
  o->len += n;
}

/* A token ends: stored with its hash when the tokenizer keeps tokens
** (t->keep), only counted otherwise (hs_count_words, hs_normalize). */
static inline void push_token(hs_tokenizer *t, size_t start, size_t end,
                              size_t wlen, norm_sink *norm) {
  if (t->keep) {
    hs_token *tok;
    HS_GROW(t->toks, t->cap, t->ntoks + 1);
    tok = &t->toks[t->ntoks];
    tok->start = (uint32_t)start;
    tok->end = (uint32_t)end;
    tok->hash = XXH3_64bits(t->word, wlen);
  }
  t->ntoks++;
  if (norm) {
    if (norm->b ? norm->b->len != 0 : norm->len != 0) sink_put(norm, " ", 1);
    sink_put(norm, t->word, wlen);
  }
}

/* The word being taken: its start, the limit of its bytes, the end so far
** (after the last character that is not a format character: trailing
** format characters are not part of the word), the length of its folded
** form in t->word, the class of the last letter, digit or joiner taken,
** and the number of characters taken since the last digit or joiner (the
** marks and format characters after a letter count too). */
typedef struct word_state {
  size_t start, lim, end, wlen, seg_letters;
  int prev, done;
} word_state;

/* The common case of taking a word: letters and digits of 1 or 2 bytes
** whose fold fits the fast table, taken exactly as the general step in
** take_word would take them.  Stops before the last byte allowed, so that
** the second byte can be read without a test; the general step takes the
** character there, if any.  Returns the position of the first character
** not taken or, when that character is a separator, which ends the word,
** the position after it, with w->done set.  Its few variables are copied
** in and out so that they stay in registers. */
static inline size_t take_fast_run(hs_tokenizer *t, const unsigned char *s,
                                   size_t i, word_state *w) {
  size_t lim = w->lim, end = w->end, wlen = w->wlen, seg = w->seg_letters;
  int prev = w->prev;
  while (i + 1 < lim) {
    unsigned c0 = s[i], c1;
    const fast_entry *f;
    size_t k;
    if (c0 < 0x80) {
      f = &fold_fast[c0];
      k = 1;
    } else if (c0 >= LEAD_MIN && c0 <= 0xDF &&
               ((c1 = s[i + 1]) & 0xC0) == 0x80) {
      f = &fold_fast[((c0 & 0x1F) << 6) | (c1 & 0x3Fu)];
      k = 2;
    } else {
      break;
    }
    if (f->cls != CL_LETTER && f->cls != CL_DIGIT) {
      if (f->cls == CL_SEP) {
        w->done = 1;
        i += k;
      }
      break;
    }
    memcpy(t->word + wlen, f->out, 4);
    wlen += f->nout;
    prev = f->cls;
    seg = prev == CL_LETTER ? seg + 1 : 0;
    i += k;
    end = i;
  }
  w->end = end;
  w->wlen = wlen;
  w->seg_letters = seg;
  w->prev = prev;
  return i;
}

/* Take the word that starts with the letter or digit at s[i] and push its
** token.  Returns where scanning resumes: past the character that ended
** the word, unless that one is CJK (a token of its own) or the word ended
** at its length limit or the end of the text. */
static size_t take_word(hs_tokenizer *t, const unsigned char *s, size_t len,
                        size_t i, norm_sink *norm, fold_entry *scratch) {
  word_state w;
  w.start = w.end = i;
  w.lim = len - i > HS_TOKEN_MAX_BYTES ? i + HS_TOKEN_MAX_BYTES : len;
  w.wlen = 0;
  w.seg_letters = 0;
  w.prev = CL_SEP;
  w.done = 0;
  for (;;) {
    char_info c;
    i = take_fast_run(t, s, i, &w);
    if (w.done || i >= w.lim) break;
    /* The general step: decide whether the next character continues the
    ** word, then take it. */
    c = char_at(s + i, len - i, scratch);
    if (c.cls == CL_LETTER || c.cls == CL_DIGIT) {
      w.prev = c.cls;
    } else if (c.cls == CL_MARK || c.cls == CL_FORMAT) {
      if (c.cls == CL_FORMAT && w.prev != CL_LETTER && w.prev != CL_DIGIT) {
        i += c.len;
        break;
      }
    } else if (c.cls == CL_APOS || c.cls == CL_DOT || c.cls == CL_COMMA) {
      int next = class_at(s + i + c.len, len - i - c.len);
      int join = 0;
      if (c.cls == CL_APOS)
        join = w.prev == CL_LETTER && next == CL_LETTER;
      else if (w.prev == CL_DIGIT && next == CL_DIGIT)
        join = 1;
      else if (c.cls == CL_DOT)
        join = w.prev == CL_LETTER && w.seg_letters == 1 && next == CL_LETTER;
      if (!join) {
        i += c.len;
        break;
      }
      w.prev = c.cls;
      w.seg_letters = 0;
    } else {
      if (c.cls != CL_CJK) i += c.len;
      break;
    }
    if (w.prev == CL_LETTER || w.prev == CL_DIGIT) {
      w.wlen += append(t->word + w.wlen, &c);
      w.seg_letters = w.prev == CL_LETTER ? w.seg_letters + 1 : 0;
    }
    i += c.len;
    if (c.cls != CL_FORMAT) w.end = i;
  }
  if (w.wlen > 0) push_token(t, w.start, w.end, w.wlen, norm);
  return i;
}

/* Tokenize text[0..len) into t (its tokens kept or only counted, as
** t->keep says), the normalized forms to norm when not NULL. */
static void run(hs_tokenizer *t, const char *text, size_t len,
                norm_sink *norm) {
  const unsigned char *s = (const unsigned char *)text;
  size_t i = 0;
  fold_entry scratch;
  memset(&scratch, 0, sizeof scratch); /* append may read 4 bytes of out */
  t->ntoks = 0;
  if (len > UINT32_MAX) len = UINT32_MAX; /* offsets are 32-bit */
  /* room for a token per 8 bytes at once (news text has one per 6 or 7),
  ** rather than doubling from 16 */
  if (t->keep) HS_GROW(t->toks, t->cap, len / 8 + 16);
  while (i < len) {
    char_info c = char_at(s + i, len - i, &scratch);
    if (c.cls == CL_LETTER || c.cls == CL_DIGIT) {
      i = take_word(t, s, len, i, norm, &scratch);
    } else if (c.cls == CL_CJK) {
      memcpy(t->word, c.out, c.nout);
      push_token(t, i, i + c.len, c.nout, norm);
      i += c.len;
    } else {
      i += c.len;
    }
  }
}

int hs_tokenizer_run(hs_tokenizer *t, const char *text, size_t len,
                     const hs_token **toks, size_t *n, hs_buf *norm) {
  norm_sink sink = {norm, NULL, 0, 0};
  t->keep = 1;
  run(t, text, len, norm ? &sink : NULL);
  *toks = t->toks;
  *n = t->ntoks;
  return HS_OK;
}

/* The one-call functions use a tokenizer on the stack.  hs_tokenize hands
** its token array to the caller; hs_count_words and hs_normalize keep no
** tokens, and hs_normalize writes into the caller's array. */
int hs_tokenize(const char *text, size_t len, hs_token **out, size_t *n,
                hs_error *err) {
  hs_tokenizer t;
  (void)err;
  t.toks = NULL;
  t.cap = 0;
  t.keep = 1;
  run(&t, text, len, NULL);
  *out = t.toks; /* at least 16 entries, so never NULL */
  *n = t.ntoks;
  return HS_OK;
}

size_t hs_normalize(const char *text, size_t len, char *buf, size_t cap) {
  hs_tokenizer t;
  norm_sink sink = {NULL, buf, cap, 0};
  t.toks = NULL;
  t.cap = 0;
  t.keep = 0;
  run(&t, text, len, &sink);
  if (cap) buf[sink.len < cap - 1 ? sink.len : cap - 1] = '\0';
  return sink.len;
}

size_t hs_count_words(const char *text, size_t len) {
  hs_tokenizer t;
  t.toks = NULL;
  t.cap = 0;
  t.keep = 0;
  run(&t, text, len, NULL);
  return t.ntoks;
}
