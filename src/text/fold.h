/*
** fold.h — the tokenizer's rules for one code point: its class (letter,
** digit, mark, joiner, ...) and its folded form (utf8proc's compatibility
** decomposition with case folding and mark stripping, then the Arabic and
** Persian letter and digit variants unified).  Shared by the tokenizer
** (text.c), which applies them to code points beyond U+FFFF, and by the
** program run at build time (fold_gen.c), which applies them to every code
** point below U+10000 and writes the results as constant tables, so that
** both give the same class and folded form by construction.
*/
#ifndef HS_TEXT_FOLD_H
#define HS_TEXT_FOLD_H

#include <stdint.h>
#include <utf8proc.h>

enum char_class {
  CL_NONE = 0, /* fast table only: use the general path */
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

/* The fast table: code points below U+0800 (ASCII and every 2-byte UTF-8
** sequence), 8 bytes each.  state is FAST_SHORT when out[] holds the whole
** folded form, FAST_LONG when the fold is longer than 4 bytes (the general
** path then serves the code point).  cls is the class for FAST_SHORT
** entries and CL_NONE otherwise, so that a test of cls alone tells the
** inner loop of a word that an entry is usable as it stands. */
#define FAST_LIMIT 0x800
enum { FAST_EMPTY = 0, FAST_SHORT, FAST_LONG };

typedef struct fast_entry {
  char out[4];
  uint8_t state, cls, nout, unused; /* unused: pads the entry to 8 bytes */
} fast_entry;

static inline int fold_is_cjk(int32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x3134F);
}

static inline int fold_classify(int32_t cp) {
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
      return fold_is_cjk(cp) ? CL_CJK : CL_LETTER;
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
static inline int32_t fold_variant(int32_t cp) {
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

/* Fold one code point of 0x80 or above into UTF-8 bytes in e->out. */
static inline void fold_fill(fold_entry *e, int32_t cp) {
  utf8proc_int32_t dec[16];
  int last_boundclass = 0;
  utf8proc_ssize_t nd, i;
  size_t nout = 0;
  e->cls = (uint8_t)fold_classify(cp);
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

/* Fold any code point (0 <= cp): ASCII directly, the rest by utf8proc. */
static inline void fold_entry_fill(fold_entry *e, int32_t cp) {
  if (cp < 0x80) {
    e->filled = 1;
    e->cls = (uint8_t)fold_classify(cp);
    e->nout = 0;
    if (e->cls == CL_LETTER || e->cls == CL_DIGIT) {
      e->out[0] = (char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
      e->nout = 1;
    }
  } else {
    fold_fill(e, cp);
  }
}

/* The entries of the generated table of code points below U+10000
** (fold_tables.h, fold_bmp_entry): the class in the low 4 bits, the length
** of the folded form in the next 5, then a flag for a folded form that is
** the character itself (its own UTF-8 bytes), else the form's offset in
** the pool of folded forms (fold_pool). */
#define FOLD_CLS(e) ((e) & 0xFu)
#define FOLD_NOUT(e) (((e) >> 4) & 0x1Fu)
#define FOLD_SELF(e) (((e) >> 9) & 1u)
#define FOLD_OFF(e) ((e) >> 10)
#define FOLD_BLOCK_BITS 6 /* code points per block of the table: 64 */

#endif
