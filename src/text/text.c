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
** once per character, and a tokenizer costs little to create.  Most text
** needs less: code points below U+0800 are all of ASCII and every 2-byte
** UTF-8 sequence (Latin, Greek, Cyrillic, Hebrew, Arabic, Persian), so
** they also get a flat table of 8-byte entries, each holding the class and
** up to 4 folded bytes: for ASCII a constant one, for the 2-byte range
** one page of 64 entries (512 bytes) per lead byte, allocated at the first
** character of that page, each entry filled on first use (as a page entry
** of the cache would be).  A tokenizer is made per call of the public
** functions, so creating one must cost no table that the text does not
** use (one 16 KB table for the whole range made every call allocate and
** zero it, even for ASCII text).  The
** inner loop of a word (take_fast_run) decodes 1- and 2-byte characters
** inline, looks them up there and appends the folded bytes with one
** fixed-size 4-byte store, so a letter costs a few instructions instead of
** a decode call, a page lookup and a variable-length copy.  It stops at
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

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
/* Header-only inlining of the xxHash library; same XXH3_64bits. */
#define XXH_INLINE_ALL
#include <xxhash.h>

enum char_class {
  CL_NONE = 0, /* fast table only: not filled yet, or use the general path */
  CL_SEP,
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

/* The fast table: code points below U+0800, 8 bytes each.  state is
** FAST_EMPTY until the first use, FAST_SHORT when out[] holds the whole
** folded form, FAST_LONG when the fold is longer than 4 bytes (the page
** cache then serves the code point).  cls is the class for FAST_SHORT
** entries and CL_NONE otherwise, so that a test of cls alone tells the
** inner loop of a word that an entry is usable as it stands. */
#define FAST_LIMIT 0x800
enum { FAST_EMPTY = 0, FAST_SHORT, FAST_LONG };

typedef struct fast_entry {
  char out[4];
  uint8_t state, cls, nout, unused; /* unused: pads the entry to 8 bytes */
} fast_entry;

/* ASCII, the fill of each entry known in advance: letters fold to lower
** case, digits to themselves, the three joiners and every other byte
** (controls too) are classed with no folded form.  A tokenizer then needs
** no table at all for ASCII text. */
#define A_SEP {{0, 0, 0, 0}, FAST_SHORT, CL_SEP, 0, 0}
#define A_LET(c) {{(c), 0, 0, 0}, FAST_SHORT, CL_LETTER, 1, 0}
#define A_DIG(c) {{(c), 0, 0, 0}, FAST_SHORT, CL_DIGIT, 1, 0}
#define A_SEP8 A_SEP, A_SEP, A_SEP, A_SEP, A_SEP, A_SEP, A_SEP, A_SEP
static const fast_entry ascii_fast[] = {
    /* 0x00 */ A_SEP8, A_SEP8, A_SEP8, A_SEP8, /* 0x20 ! " # $ % & */
    A_SEP, A_SEP, A_SEP, A_SEP, A_SEP, A_SEP, A_SEP,
    {{0, 0, 0, 0}, FAST_SHORT, CL_APOS, 0, 0}, /* ' */
    A_SEP, A_SEP, A_SEP, A_SEP,                /* ( ) * + */
    {{0, 0, 0, 0}, FAST_SHORT, CL_COMMA, 0, 0}, /* , */
    A_SEP,                                      /* - */
    {{0, 0, 0, 0}, FAST_SHORT, CL_DOT, 0, 0},   /* . */
    A_SEP,                                      /* / */
    A_DIG('0'), A_DIG('1'), A_DIG('2'), A_DIG('3'), A_DIG('4'), A_DIG('5'),
    A_DIG('6'), A_DIG('7'), A_DIG('8'), A_DIG('9'),
    A_SEP, A_SEP, A_SEP, A_SEP, A_SEP, A_SEP, A_SEP, /* : ; < = > ? @ */
    A_LET('a'), A_LET('b'), A_LET('c'), A_LET('d'), A_LET('e'), A_LET('f'),
    A_LET('g'), A_LET('h'), A_LET('i'), A_LET('j'), A_LET('k'), A_LET('l'),
    A_LET('m'), A_LET('n'), A_LET('o'), A_LET('p'), A_LET('q'), A_LET('r'),
    A_LET('s'), A_LET('t'), A_LET('u'), A_LET('v'), A_LET('w'), A_LET('x'),
    A_LET('y'), A_LET('z'),
    A_SEP, A_SEP, A_SEP, A_SEP, A_SEP, A_SEP, /* [ \ ] ^ _ ` */
    A_LET('a'), A_LET('b'), A_LET('c'), A_LET('d'), A_LET('e'), A_LET('f'),
    A_LET('g'), A_LET('h'), A_LET('i'), A_LET('j'), A_LET('k'), A_LET('l'),
    A_LET('m'), A_LET('n'), A_LET('o'), A_LET('p'), A_LET('q'), A_LET('r'),
    A_LET('s'), A_LET('t'), A_LET('u'), A_LET('v'), A_LET('w'), A_LET('x'),
    A_LET('y'), A_LET('z'),
    A_SEP, A_SEP, A_SEP, A_SEP, A_SEP /* { | } ~ DEL */
};
_Static_assert(sizeof ascii_fast / sizeof *ascii_fast == 0x80,
               "one entry per ASCII byte");

/* The 2-byte range in one page of 64 entries per lead byte (0xC2 to
** 0xDF), allocated at the first character of the page. */
#define LEAD_MIN 0xC2
#define NLEADS (0xE0 - LEAD_MIN)

struct hs_tokenizer {
  fast_entry *lead[NLEADS];
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
  for (i = 0; i < NLEADS; i++) free(t->lead[i]);
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

/* Fill the entry of cp (0 <= cp): ASCII directly, the rest by utf8proc. */
static void entry_fill(fold_entry *e, int32_t cp) {
  if (cp < 0x80) {
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
  if (!e->filled) entry_fill(e, cp);
  return e;
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

/* The general path: any code point, any validity. */
static char_info char_at_slow(hs_tokenizer *t, const unsigned char *p,
                              size_t n, fold_entry *scratch) {
  char_info c;
  int32_t cp;
  const fold_entry *e;
  c.len = decode(p, n, &cp);
  e = lookup(t, cp, scratch);
  c.out = e->out;
  c.cls = e->cls;
  c.nout = e->nout;
  return c;
}

/* Fill the fast entry of cp (below FAST_LIMIT) with the page cache's
** fill, so both paths give the same class and folded form by
** construction.  The fill goes through a zeroed entry of its own, not the
** page cache: the fast table is the cache of these code points, and text
** in one script would otherwise make the tokenizer allocate and zero up
** to eight pages (39 KB) that nothing reads again.  A fold too long for
** the fast table (FAST_LONG) is filled into the page cache on its first
** use there. */
static void fast_fill(fast_entry *f, int32_t cp) {
  fold_entry scratch, *e = &scratch;
  memset(&scratch, 0, sizeof scratch);
  entry_fill(e, cp);
  memcpy(f->out, e->out, sizeof f->out);
  f->nout = e->nout;
  f->state = e->nout <= sizeof f->out ? FAST_SHORT : FAST_LONG;
  f->cls = f->state == FAST_SHORT ? e->cls : CL_NONE;
}

/* The character at p[0..n), n >= 1: 1- and 2-byte characters inline from
** the fast table, everything else through char_at_slow. */
static inline char_info char_at(hs_tokenizer *t, const unsigned char *p,
                                size_t n, fold_entry *scratch) {
  char_info c;
  const fast_entry *f;
  int32_t cp;
  unsigned c0 = p[0];
  if (c0 < 0x80) {
    f = &ascii_fast[c0];
    c.out = f->out;
    c.cls = f->cls;
    c.nout = f->nout;
    c.len = 1;
    return c;
  }
  if (c0 >= LEAD_MIN && c0 <= 0xDF && n >= 2 && (p[1] & 0xC0) == 0x80) {
    fast_entry **page = &t->lead[c0 - LEAD_MIN];
    cp = (int32_t)(((c0 & 0x1F) << 6) | (p[1] & 0x3Fu));
    c.len = 2;
    if (!*page) *page = hs_calloc(64, sizeof **page);
    f = &(*page)[p[1] & 0x3F];
    if (f->state == FAST_EMPTY) fast_fill(&(*page)[p[1] & 0x3F], cp);
  } else {
    return char_at_slow(t, p, n, scratch);
  }
  if (f->state != FAST_SHORT) return char_at_slow(t, p, n, scratch);
  c.out = f->out;
  c.cls = f->cls;
  c.nout = f->nout;
  return c;
}

static inline int class_at(hs_tokenizer *t, const unsigned char *p,
                           size_t n) {
  fold_entry scratch;
  if (n == 0) return CL_SEP;
  return char_at(t, p, n, &scratch).cls;
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

static inline void push_token(hs_tokenizer *t, size_t start, size_t end,
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
      f = &ascii_fast[c0];
      k = 1;
    } else if (c0 >= LEAD_MIN && c0 <= 0xDF &&
               ((c1 = s[i + 1]) & 0xC0) == 0x80 && t->lead[c0 - LEAD_MIN]) {
      f = &t->lead[c0 - LEAD_MIN][c1 & 0x3F];
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
                        size_t i, hs_buf *norm, fold_entry *scratch) {
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
    c = char_at(t, s + i, len - i, scratch);
    if (c.cls == CL_LETTER || c.cls == CL_DIGIT) {
      w.prev = c.cls;
    } else if (c.cls == CL_MARK || c.cls == CL_FORMAT) {
      if (c.cls == CL_FORMAT && w.prev != CL_LETTER && w.prev != CL_DIGIT) {
        i += c.len;
        break;
      }
    } else if (c.cls == CL_APOS || c.cls == CL_DOT || c.cls == CL_COMMA) {
      int next = class_at(t, s + i + c.len, len - i - c.len);
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

int hs_tokenizer_run(hs_tokenizer *t, const char *text, size_t len,
                     const hs_token **toks, size_t *n, hs_buf *norm) {
  const unsigned char *s = (const unsigned char *)text;
  size_t i = 0;
  fold_entry scratch;
  memset(&scratch, 0, sizeof scratch); /* append may read 4 bytes of out */
  t->ntoks = 0;
  if (len > UINT32_MAX) len = UINT32_MAX; /* offsets are 32-bit */
  /* room for a token per 8 bytes at once (news text has one per 6 or 7),
  ** rather than doubling from 16 */
  HS_GROW(t->toks, t->cap, len / 8 + 16);
  while (i < len) {
    char_info c = char_at(t, s + i, len - i, &scratch);
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
