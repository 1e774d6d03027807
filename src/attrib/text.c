/*
** text.c — the byte-level reading of the attribution extractor: UTF-8
** punctuation and word boundaries, sentence splitting, and reading a
** source span forwards or backwards from a cue up to a stop word of the
** cue's language (tables in cues.c).  Kept apart from attrib.c, which
** decides what to read where, so that each stays small.
*/
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

#include "attrib/attrib_int.h"
/* Each byte's reading: 0 a word byte (ASCII letters, digits, - ' &; a
** UTF-8 byte other than the four below), 1 an ASCII punctuation or space
** byte, 2 a lead byte that some punctuation opens (C2: NBSP « »; D8: ، ؛
** ؟; DB: ۔; E2: quotes, dashes), decided by the bytes after it.  One
** table load instead of a chain of range tests for every byte read. */
const unsigned char hs_attr_punct_class[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 0, 1, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 2, 0, 0, 0, 0,
    0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

/* hs_attr_punct_len of a byte of class 2 (attrib_int.h). */
uint32_t hs_attr_punct_lead_len(const txt *t, uint32_t i) {
  const unsigned char *s = (const unsigned char *)t->s;
  unsigned char c = s[i];
  if (i + 1 < t->len) {
    if (c == 0xC2 && (s[i + 1] == 0xA0 || s[i + 1] == 0xAB || s[i + 1] == 0xBB))
      return 2; /* NBSP « » */
    if (c == 0xD8 && (s[i + 1] == 0x8C || s[i + 1] == 0x9B || s[i + 1] == 0x9F))
      return 2; /* ، ؛ ؟ */
    if (c == 0xDB && s[i + 1] == 0x94) return 2; /* ۔ */
  }
  if (c == 0xE2 && i + 2 < t->len && s[i + 1] == 0x80 &&
      s[i + 2] != 0x8C && s[i + 2] != 0x8D)
    return 3; /* quotes, dashes; ZWNJ/ZWJ stay inside words */
  return 0;
}

int hs_attr_is_space_byte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* 1 if the string at i is a hard stop (not a space): . , ; : ( ) " « » ... */
int hs_attr_hard_punct(const txt *t, uint32_t i) {
  return hs_attr_punct_len(t, i) && !hs_attr_is_space_byte((unsigned char)t->s[i]) &&
         !((unsigned char)t->s[i] == 0xC2 && t->s[i + 1] == (char)0xA0);
}

/* 1 if the two-byte letters at a and b are the Arabic and the Persian
** form of one Persian letter: yeh (ي ى / ی) or kaf (ك / ک).  Persian text
** typed on Arabic keyboards (older Fars News articles) writes «اعلام كرد»,
** «وي», «اين»; the Persian tables match them all the same. */
int hs_attr_fa_fold(const char *a, const char *b) {
  unsigned char a0 = (unsigned char)a[0], a1 = (unsigned char)a[1],
                b0 = (unsigned char)b[0], b1 = (unsigned char)b[1];
  int ya = (a0 == 0xD9 && (a1 == 0x8A || a1 == 0x89)) ||
           (a0 == 0xDB && a1 == 0x8C);
  int yb = (b0 == 0xD9 && (b1 == 0x8A || b1 == 0x89)) ||
           (b0 == 0xDB && b1 == 0x8C);
  if (ya && yb) return 1;
  return ((a0 == 0xD9 && a1 == 0x83) || (a0 == 0xDA && a1 == 0xA9)) &&
         ((b0 == 0xD9 && b1 == 0x83) || (b0 == 0xDA && b1 == 0xA9));
}

/* The small letter of the Cyrillic capital at s (two bytes) in lo; 0 if
** s is no Cyrillic capital.  Russian names and cues open sentences with a
** capital ("По словам", "Министр"); the tables are written small. */
int hs_attr_cyr_lower(const char *s, unsigned char lo[2]) {
  unsigned char c0 = (unsigned char)s[0], c1 = (unsigned char)s[1];
  if (c0 != 0xD0) return 0;
  if (c1 >= 0x90 && c1 <= 0x9F) {
    lo[0] = 0xD0;
    lo[1] = (unsigned char)(c1 + 0x20);
  } else if (c1 >= 0xA0 && c1 <= 0xAF) {
    lo[0] = 0xD1;
    lo[1] = (unsigned char)(c1 - 0x20);
  } else if (c1 == 0x81) { /* Ё */
    lo[0] = 0xD1;
    lo[1] = 0x91;
  } else {
    return 0;
  }
  return 1;
}

int hs_attr_eq_ci(const char *a, size_t na, const char *b) {
  size_t j;
  /* byte by byte, no strlen: most calls fail on the first bytes */
  for (j = 0; j < na; j++) {
    unsigned char x = hs_ascii_lower[(unsigned char)a[j]];
    if (!b[j]) return 0;
    if (x != (unsigned char)b[j]) {
      unsigned char lo[2];
      if (x == 0xD0 && j + 1 < na && b[j + 1] && hs_attr_cyr_lower(a + j, lo) &&
          lo[0] == (unsigned char)b[j] && lo[1] == (unsigned char)b[j + 1]) {
        j++; /* a Cyrillic capital Р-Я, Ё (another lead byte) */
        continue;
      }
      if (j > 0 && (unsigned char)a[j - 1] == 0xD0 && x >= 0x90 && x <= 0x9F &&
          (unsigned char)b[j] == x + 0x20)
        continue; /* А-П: the same lead byte */
      /* only a lead byte of yeh or kaf can fold (most mismatches are not) */
      if (x < 0xD9 || x > 0xDB || (unsigned char)b[j] < 0xD9 ||
          (unsigned char)b[j] > 0xDB || j + 1 >= na || !b[j + 1] ||
          !hs_attr_fa_fold(a + j, b + j))
        return 0;
      j++;
    }
  }
  return b[na] == '\0';
}

/* A list word can equal w (hs_attr_eq_ci) only if its first byte is w's
** (ASCII lower-cased), or one the fold allows: a Cyrillic lead byte after
** a capital's 0xD0, a yeh or kaf lead byte (0xD9-0xDB) after another; the
** rest of the list is passed over on one or two bytes, without a call. */
/* The word lists of cues.c, each indexed by its words' first byte once a
** process: the words of first byte b are ord[start[b]] .. ord[start[b +
** 1] - 1].  A word is tried against the buckets its first byte can match
** instead of a pass over the whole list (40 to 80 words, three compares
** each in the fuzzing build); lists not here are passed over as before. */
typedef struct list_index {
  const char *const *list;
  uint16_t start[257];
  uint16_t *ord;
} list_index;
#define NLISTS 13
static list_index lists[NLISTS];
/* lists by address: slot[h] is 1 + the list's row, 0 none */
static unsigned char list_slot[64];
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

static unsigned list_hash(const char *const *list) {
  return (unsigned)(((uintptr_t)list >> 3) * 0x9E3779B1u >> 26) & 63;
}

static void build_lists(void) {
  const char *const *all[NLISTS] = {
      hs_attr_stop_en,    hs_attr_stop_ar,   hs_attr_stop_fa,
      hs_attr_stop_ru,    hs_attr_pronouns,  hs_attr_head_in_ar,
      hs_attr_title_ar,   hs_attr_masdar_ar, hs_attr_medium_ar,
      hs_attr_that_ar,    hs_attr_head_in_ru, hs_attr_denial_words,
      hs_attr_occasion_ar};
  int r;
  for (r = 0; r < NLISTS; r++) {
    list_index *x = &lists[r];
    size_t k, n = 0, b;
    uint16_t count[256] = {0};
    unsigned h = list_hash(all[r]);
    x->list = all[r];
    while (x->list[n]) n++;
    x->ord = hs_malloc((n ? n : 1) * sizeof *x->ord);
    for (k = 0; k < n; k++) count[(unsigned char)x->list[k][0]]++;
    x->start[0] = 0;
    for (b = 0; b < 256; b++) x->start[b + 1] = (uint16_t)(x->start[b] + count[b]);
    memset(count, 0, sizeof count);
    for (k = 0; k < n; k++) {
      unsigned char c = (unsigned char)x->list[k][0];
      x->ord[x->start[c] + count[c]++] = (uint16_t)k;
    }
    while (list_slot[h]) h = (h + 1) & 63;
    list_slot[h] = (unsigned char)(r + 1);
  }
}

static const list_index *list_index_of(const char *const *list) {
  unsigned h;
  pthread_once(&lists_once, build_lists);
  for (h = list_hash(list); list_slot[h]; h = (h + 1) & 63)
    if (lists[list_slot[h] - 1].list == list) return &lists[list_slot[h] - 1];
  return NULL;
}

int hs_attr_in_list(const char *w, size_t n, const char *const *list) {
  int k, two = 0;
  unsigned char x, y = 0, lo, hi;
  const list_index *ix;
  if (!n) {
    for (k = 0; list[k]; k++)
      if (hs_attr_eq_ci(w, n, list[k])) return 1;
    return 0;
  }
  x = (unsigned char)w[0];
  if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
  lo = hi = x;
  if (x == 0xD0) hi = 0xD1;
  else if (x >= 0xD9 && x <= 0xDB) lo = 0xD9, hi = 0xDB;
  /* two ASCII bytes, or an Arabic-script letter other than yeh and kaf:
  ** no fold reaches the first two bytes, which must be the word's */
  if (n >= 2) {
    y = (unsigned char)w[1];
    if (x < 0x80 && y < 0x80) {
      if (y >= 'A' && y <= 'Z') y = (unsigned char)(y + 32);
      two = 1;
    } else if (x >= 0xD8 && x <= 0xDB &&
               !(x == 0xD9 && (y == 0x8A || y == 0x89 || y == 0x83)) &&
               !(x == 0xDB && y == 0x8C) && !(x == 0xDA && y == 0xA9)) {
      two = 1;
    }
  }
  if ((ix = list_index_of(list))) {
    /* the bucket of x, then those of lo .. hi but x (the folds) */
    unsigned b = x, j;
    for (;;) {
      for (j = ix->start[b]; j < ix->start[b + 1]; j++) {
        const char *v = list[ix->ord[j]];
        if (two && (unsigned char)v[1] != y) continue;
        if (hs_attr_eq_ci(w, n, v)) return 1;
      }
      if (two || lo == hi) return 0;
      b = b == x ? lo : b + 1;
      if (b == x) b++;
      if (b > hi) return 0;
    }
  }
  for (k = 0; list[k]; k++) {
    unsigned char b = (unsigned char)list[k][0];
    if (two) {
      if (b != x || (unsigned char)list[k][1] != y) continue;
    } else if (b != x && (b < lo || b > hi)) {
      continue;
    }
    if (hs_attr_eq_ci(w, n, list[k])) return 1;
  }
  return 0;
}

/* A byte as attrib_post.c compares it: ASCII capitals folded, a line
** break read as a space ("the\nsources" of a hard-wrapped text). */
static unsigned char set_fold(char c) {
  return c == '\n' ? ' ' : hs_ascii_lower[(unsigned char)c];
}

static unsigned set_hash(const char *w, size_t n) {
  return (unsigned)(n * 37 + set_fold(w[0]) * 11u + set_fold(w[n - 1])) & 127;
}

void hs_attr_wordset_init(hs_attr_wordset *s, const char *const *words,
                          size_t n) {
  size_t k;
  memset(s, 0, sizeof *s);
  /* chained in list order, so that the first word found is the first of
  ** the list that matches */
  for (k = n; k-- > 0;) {
    unsigned h = set_hash(words[k], strlen(words[k]));
    s->word[k] = words[k];
    s->next[k] = s->head[h];
    s->head[h] = (uint16_t)(k + 1);
  }
}

int hs_attr_wordset_find(const hs_attr_wordset *s, const char *w, size_t n) {
  unsigned j;
  if (!n) return -1; /* no list word is empty */
  for (j = s->head[set_hash(w, n)]; j; j = s->next[j - 1]) {
    const char *b = s->word[j - 1];
    size_t i;
    for (i = 0; i < n && b[i] && set_fold(w[i]) == (unsigned char)b[i]; i++) {
    }
    if (i == n && !b[n]) return (int)j - 1;
  }
  return -1;
}

int hs_attr_word_start(const txt *t, uint32_t i) {
  uint32_t b;
  if (i == 0) return 1;
  if (hs_attr_punct_len(t, i)) return 0;
  b = i - 1;
  while (b > 0 && ((unsigned char)t->s[b] & 0xC0) == 0x80) b--;
  return hs_attr_punct_len(t, b) != 0;
}

/* End of the word starting at i. */
uint32_t hs_attr_word_end(const txt *t, uint32_t i) {
  while (i < t->len) {
    uint32_t p = hs_attr_punct_len(t, i);
    if (p) break;
    i++;
  }
  return i;
}

const char *const *hs_attr_stops_for(const char *lang) {
  if (hs_attr_lang_is(lang, "ar")) return hs_attr_stop_ar;
  if (hs_attr_lang_is(lang, "fa")) return hs_attr_stop_fa;
  if (hs_attr_lang_is(lang, "ru")) return hs_attr_stop_ru;
  return hs_attr_stop_en;
}

int hs_attr_is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

/* Length of an opening (closing) quotation mark at i, or 0: " « “. */
uint32_t hs_attr_quote_open_len(const txt *t, uint32_t i) {
  const unsigned char *s = (const unsigned char *)t->s;
  if (s[i] == '"') return 1;
  if (i + 1 < t->len && s[i] == 0xC2 && s[i + 1] == 0xAB) return 2;
  if (i + 2 < t->len && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x9C)
    return 3;
  return 0;
}

uint32_t hs_attr_quote_close_len(const txt *t, uint32_t i) {
  const unsigned char *s = (const unsigned char *)t->s;
  if (s[i] == '"') return 1;
  if (i + 1 < t->len && s[i] == 0xC2 && s[i + 1] == 0xBB) return 2;
  if (i + 2 < t->len && s[i] == 0xE2 && s[i + 1] == 0x80 && s[i + 2] == 0x9D)
    return 3;
  return 0;
}

/* 1 if a digit opens the word at p: ASCII, Arabic-Indic or Persian. */
static int digit_at(const txt *t, uint32_t p) {
  unsigned char c = (unsigned char)t->s[p], d;
  if (c >= '0' && c <= '9') return 1;
  if (p + 1 >= t->len) return 0;
  d = (unsigned char)t->s[p + 1];
  return (c == 0xD9 && d >= 0xA0 && d <= 0xA9) ||
         (c == 0xDB && d >= 0xB0 && d <= 0xB9);
}

/* 1 if the Persian «و» at [p, q) joins two parts of one name («انجمن
** سینمای انقلاب و دفاع مقدس», «اداره کل ورزش و جوانان»): a word follows
** it that is no stop word and no pronoun. */
static int and_in_name_fa(const txt *t, uint32_t p, uint32_t q, uint32_t lim,
                          const char *const *stops) {
  uint32_t r;
  if (q - p != 2 || memcmp(t->s + p, "\xD9\x88", 2) || q + 1 >= lim ||
      t->s[q] != ' ' || hs_attr_punct_len(t, q + 1))
    return 0;
  r = hs_attr_word_end(t, q + 1);
  if (r > lim) r = lim;
  return r > q + 1 && !hs_attr_in_list(t->s + q + 1, r - q - 1, stops) &&
         !hs_attr_in_list(t->s + q + 1, r - q - 1, hs_attr_pronouns);
}

/* 1 if an amount opens the next word after i ("added 0.5%", "added
** $2"), before lim. */
int hs_attr_amount_at(const txt *t, uint32_t i, uint32_t lim) {
  while (i < lim && t->s[i] == ' ') i++;
  return i < lim && ((t->s[i] >= '0' && t->s[i] <= '9') || t->s[i] == '$');
}

/* Read a source forwards from i: words up to a stop. */
/* 1 if an Arabic title («المهندس», «الدكتور») opens one of the next five
** words from p, with no punctuation or stop word before it. */
static int title_ahead(const txt *t, uint32_t p, uint32_t lim) {
  int k;
  for (k = 0; k < 5 && p < lim; k++) {
    uint32_t q = hs_attr_word_end(t, p);
    if (q == p || q > lim) return 0;
    if (hs_attr_in_list(t->s + p, q - p, hs_attr_title_ar)) return 1;
    if (hs_attr_in_list(t->s + p, q - p, hs_attr_stop_ar) || q >= lim ||
        t->s[q] != ' ')
      return 0;
    p = q + 1;
  }
  return 0;
}

/* Arabic and Persian words a number follows inside a name: a district's
** («منطقه 18 تهران», «المنطقة 5»). */
static const char *const numbered_ar_fa[] = {"منطقه", "منطقة", "ناحیه",
                                             "ناحية", NULL};

/* The words of an Arabic name's lineage: son of, daughter of, family. */
static const char *const nasab_ar[] = {"بن", "بنت", "ابن", "آل", NULL};

/* Persian heads whose name follows them: «استان اصفهان», «شهرستان
** سمیرم». */
static const char *const place_head_fa[] = {"استان", "شهرستان", "شهر",
                                            "منطقه", "کشور", NULL};

/* 1 if the word [p, q) (its article dropped) is a noun of a statement's
** occasion (hs_attr_occasion_ar: «بيان», «تصريح», «وقت»). */
int hs_attr_occasion_at_ar(const txt *t, uint32_t p, uint32_t q) {
  if (q - p > 4 && hs_attr_is_al(t->s + p)) p += 4;
  return hs_attr_in_list(t->s + p, q - p, hs_attr_occasion_ar);
}

/* «في» at [p, q) inside an Arabic source read forwards: 1 if the word
** after it is a place or a body the source belongs to («مصدر في الوزارة»,
** «السلطات الأمنية في السعودية», «وكيل الوزارة في الجمهورية اليمنية»),
** 0 if it is the statement's occasion («قال الوزير في تصريح»), a stop
** word, a number or punctuation, where the source ends before «في». */
static int fi_in_source_ar(const txt *t, uint32_t p, uint32_t q, uint32_t lim,
                           const char *const *stops) {
  uint32_t r;
  if (q - p != 4 || memcmp(t->s + p, "\xD9\x81\xD9\x8A", 4)) return 0; /* «في» */
  if (q + 1 >= lim || t->s[q] != ' ') return 0;
  p = q + 1;
  r = hs_attr_word_end(t, p);
  if (r == p || r > lim || hs_attr_punct_len(t, p) || digit_at(t, p)) return 0;
  return !hs_attr_in_list(t->s + p, r - p, stops) &&
         !hs_attr_occasion_at_ar(t, p, r) &&
         !hs_attr_in_list(t->s + p, r - p, hs_attr_that_ar);
}

int hs_attr_read_after(const txt *t, uint32_t i, uint32_t lim, const char *lang,
                      uint32_t *s, uint32_t *e) {
  const char *const *stops = hs_attr_stops_for(lang);
  uint32_t p = i, ws = 0, we = 0, lws = 0, cap;
  /* Arabic and Persian titles run long before the name: «رئيس مجلس إدارة
  ** المركز السعودي للثقافة والتراث الدكتور جمال أبو ظريفة» */
  /* the language once, not at every word */
  int en = hs_attr_lang_is(lang, "en"), ar = hs_attr_lang_is(lang, "ar"),
      fa = hs_attr_lang_is(lang, "fa");
  int nw = 0, max = en ? 7 : 11, title = 0, more = 0, tnw = -1;
  int fi = 0; /* the word before is «في» read on: its noun, no object */
  int nasab = 0; /* «بن», «بنت» after the last title */
  /* skip spaces (not hard punctuation, except a colon after Source) */
  while (p < lim && (hs_attr_is_space_byte((unsigned char)t->s[p]) ||
                     ((unsigned char)t->s[p] == 0xC2 && p + 1 < lim &&
                      t->s[p + 1] == (char)0xA0)))
    p += (unsigned char)t->s[p] == 0xC2 ? 2 : 1;
  *s = p;
  cap = (uint32_t)max + 3;
  while (p < lim && nw < (int)cap) {
    uint32_t q;
    if (t->s[p] == '.' && nw >= 1 && p - we == 0 &&
        (we - lws == 1 || (we - lws == 2 && ((unsigned char)t->s[lws] == 0xD8 ||
                                             (unsigned char)t->s[lws] == 0xD9)))) {
      p++; /* "د." (Dr.), "J." : an abbreviation inside the name */
      continue;
    }
    if (hs_attr_hard_punct(t, p)) {
      /* a quoted name after a descriptor: صحيفة «الرياض», daily "Kayhan" */
      uint32_t ql = hs_attr_quote_open_len(t, p);
      /* a quoted name right after the cue: «به گزارش "ورزش سه"»: the
      ** name without its quotation marks */
      if (ql && nw == 0) {
        uint32_t z = p + ql, lim2 = p + 60 < lim ? p + 60 : lim;
        while (z < lim2 && !hs_attr_quote_close_len(t, z) &&
               !hs_attr_sentence_end(t, z))
          z++;
        if (z < lim2 && hs_attr_quote_close_len(t, z) && z > p + ql) {
          ws = p + ql;
          we = z;
          nw = 1;
        }
        break;
      }
      if (ql && nw >= 1 && nw <= 2) {
        uint32_t z = p + ql, lim2 = p + 80 < lim ? p + 80 : lim;
        while (z < lim2 && !hs_attr_quote_close_len(t, z)) z++;
        if (z < lim2 && z > p + ql) {
          we = z + hs_attr_quote_close_len(t, z);
          nw++;
        }
      }
      break;
    }
    if (hs_attr_punct_len(t, p)) {
      p += hs_attr_punct_len(t, p);
      continue;
    }
    q = hs_attr_word_end(t, p);
    if (q == p || (q - p == 1 && t->s[p] == '-') ||
        (q - p == 2 && !memcmp(t->s + p, "\xD9\x80", 2)))
      break; /* a dash, or a tatweel alone («كما قال ـ») */
    if (nw >= 1 && (ar || fa) && digit_at(t, p) &&
        !hs_attr_in_list(t->s + lws, we - lws, numbered_ar_fa))
      break; /* «وفقا لفريق الإحصاء بالمهرجان 1800 سيارة»: a count; not
              ** «شهرداری منطقه 18 تهران», a district's number */
    if (nw >= 1 && ar && fi_in_source_ar(t, p, q, lim, stops)) {
      p = q; /* the place or body after «في» is read on, one word more
             ** allowed («وكيل وزارة الحج ... في الجمهورية اليمنية الشقيقة
             ** منير محمد دبوان») */
      max++, cap++, fi = 1;
      continue;
    }
    if (hs_attr_in_list(t->s + p, q - p, stops) &&
        !(nw == 0 && en &&
          hs_attr_eq_ci(t->s + p, q - p, "the")) &&
        !(fa && hs_attr_eq_ci(t->s + p, q - p, "این")) &&
        !(title && q - p > 4 && hs_attr_is_al(t->s + p)) &&
        !(fa && nw >= 2 && and_in_name_fa(t, p, q, lim, stops)))
      break; /* «کارشناسان این سازمان»: «این» inside a name; «این
              ** کارگردان» opening one (a back-reference, marked vague);
              ** «الدكتور الجمعة»: a name after a title, not Friday */
    if (nw >= 1 && ar && q - p > 2 &&
        !memcmp(t->s + p, "\xD9\x84", 2) &&
        hs_attr_in_list(t->s + p + 2, q - p - 2, hs_attr_medium_ar))
      break; /* «مصدر أمني لصحيفة النهار»: the one told */
    if (ar &&
        (hs_attr_in_list(t->s + p, q - p, hs_attr_masdar_ar) ||
         (q - p > 4 && hs_attr_is_al(t->s + p) &&
          hs_attr_in_list(t->s + p + 4, q - p - 4, hs_attr_masdar_ar))))
      break; /* «وزارة الداخلية القبض على»: the object begins (right
              ** after the verb: «الذي أكد أهمية ...», no subject) */
    if (ar && nw >= 1 && !fi && hs_attr_object_masdar_ar(t, lws, we, p, q))
      break; /* «الحكومة الصينية توسيع نطاق»: a derived verb's masdar
              ** (forms_ar.c) */
    /* «مدير عام الهيئة ... أمين عام مجلس التنمية السياحية بمنطقة عسير
    ** المهندس محمد العمرة»: past the limit an Arabic title a few words on
    ** and the name after it */
    /* and the name after a title read a few words before the limit
    ** («... العقيد دكتور عاطي بن عطيه القرشي») */
    if (nw == max && ar && !more &&
        ((tnw >= 0 && nw - tnw <= 4) || title_ahead(t, p, lim)))
      more = 1, cap += 4;
    /* «... آموزش و پرورش استان اصفهان»: the place after «استان» */
    if (nw == max && fa && !more && hs_attr_in_list(t->s + lws, we - lws, place_head_fa))
      more = 1, cap = (uint32_t)nw + 1;
    if (nw >= max && !(en && hs_attr_is_upper_ascii(t->s[p])) && !more)
      break; /* past the limit only a capitalized name goes on */
    if (nw > max && tnw >= 0 && nw - tnw > 3 + nasab &&
        !title_ahead(t, p, lim))
      break; /* a name after a title is three words at most, one more for
              ** each «بن» of its lineage («الرائد عبدالرحمن محمد الأحمري»,
              ** «الدكتور مطلق بن محمد العتيبي») */
    if (nw == 0) ws = p;
    lws = p;
    we = q;
    nw++;
    title = ar && hs_attr_in_list(t->s + p, q - p, hs_attr_title_ar);
    if (title) tnw = nw - 1, nasab = 0;
    else if (ar && tnw >= 0 && hs_attr_in_list(t->s + p, q - p, nasab_ar))
      nasab++;
    fi = 0;
    p = q;
  }
  if (!nw) return 0;
  *s = ws;
  *e = we;
  return 1;
}

/* English time nouns, in lower case, that end a source read backwards. */
static const char *const time_en[] = {"week", "month", "year", "weekend",
                                      "night", "morning", "afternoon",
                                      "evening", NULL};

static const char *const weekdays_en[] = {"monday", "tuesday", "wednesday",
                                          "thursday", "friday", "saturday",
                                          "sunday", "yesterday", "today",
                                          NULL};

/* Read a source backwards from i (exclusive). */
int hs_attr_read_before(const txt *t, uint32_t lo, uint32_t i, const char *lang,
                       uint32_t *s, uint32_t *e) {
  const char *const *stops = hs_attr_stops_for(lang);
  uint32_t p = i, ws = 0, we = 0, gt = 0;
  int nw = 0, en = hs_attr_lang_is(lang, "en");
  while (p > lo) {
    uint32_t b = p - 1, q;
    while (b > lo && ((unsigned char)t->s[b] & 0xC0) == 0x80) b--;
    if (hs_attr_punct_len(t, b)) {
      /* the periods of "U.S." and "Sen." are inside a name */
      if (en && t->s[b] == '.' && nw && !hs_attr_sentence_end(t, b)) {
        p = b;
        continue;
      }
      /* a wire story's bracketed company name: "Fiji gold miner <Emperor
      ** Mines Ltd> said", "<Canamax Resources Inc> and <Pacific ...> said" */
      if (en && (t->s[b] == '>' || t->s[b] == '<')) {
        if (t->s[b] == '>' && nw == 0) gt = b + 1;
        p = b;
        continue;
      }
      if (hs_attr_hard_punct(t, b)) break;
      p = b;
      continue;
    }
    /* word ending at p: find its start */
    q = b;
    while (q > lo) {
      uint32_t c = q - 1;
      while (c > lo && ((unsigned char)t->s[c] & 0xC0) == 0x80) c--;
      if (hs_attr_punct_len(t, c)) break;
      q = c;
    }
    if (p - q == 1 && t->s[q] == '-') break; /* a dash */
    /* "Donald Trump on Wednesday said", "Trump yesterday said": the time
    ** between a subject and its cue is no part of it */
    if (en && nw == 0 && hs_attr_in_list(t->s + q, p - q, weekdays_en)) {
      if (t->s[q] >= 'A' && t->s[q] <= 'Z' && q >= lo + 3 && t->s[q - 1] == ' ' &&
          hs_attr_eq_ci(t->s + q - 3, 2, "on") &&
          (q - 3 == lo || t->s[q - 4] == ' ' || t->s[q - 4] == '\n')) {
        p = q - 3;
        continue;
      }
      if (t->s[q] == 'y' || t->s[q] == 't') {
        p = q;
        continue;
      }
    }
    if (en && nw == 0 && hs_attr_eq_ci(t->s + q, p - q, "and"))
      break; /* "A court ruled that ... and said": no subject next to it */
    if (en && nw >= 1 && hs_attr_in_list(t->s + q, p - q, time_en) &&
        t->s[q] >= 'a' && t->s[q] <= 'z')
      break; /* "Last week Grammy producers said" (not "Fashion Week") */
    if (hs_attr_in_list(t->s + q, p - q, stops) &&
        !(en && (hs_attr_eq_ci(t->s + q, p - q, "the") ||
                                  hs_attr_eq_ci(t->s + q, p - q, "and"))))
      break;
    if (nw == 0) we = p;
    ws = q;
    nw++;
    /* English: an article opens the noun phrase ("the ministry") */
    if (en &&
        (hs_attr_eq_ci(t->s + q, p - q, "the") || hs_attr_eq_ci(t->s + q, p - q, "a") ||
         hs_attr_eq_ci(t->s + q, p - q, "an")))
      break;
    p = q;
    if (nw >= 8) break;
  }
  if (!nw) return 0;
  if (gt && gt == we + 1) we = gt;
  if (gt && ws > lo && t->s[ws - 1] == '<') ws--;
  *s = ws;
  *e = we;
  return 1;
}

/* ------------------------------------------------------------ sentences */


/* 1 if the text is hard-wrapped (newswire text at 60-80 columns): of its
** lines of 40 bytes or more, at least three, and half, are 40-90 bytes
** long and go on into the next line (no sentence end, no indentation).
** A page's headline line over its first paragraph is not. */
int hs_attr_wrapped(const txt *t) {
  uint32_t i, b = 0;
  int go_on = 0, long_lines = 0;
  for (i = 0; i < t->len; i++) {
    unsigned char p, n;
    const char *nl = memchr(t->s + i, '\n', t->len - i);
    if (!nl) break;
    i = (uint32_t)(nl - t->s);
    if (i - b >= 40) {
      long_lines++;
      p = (unsigned char)t->s[i - 1];
      n = i + 1 < t->len ? (unsigned char)t->s[i + 1] : ' ';
      if (i - b <= 90 && n != ' ' && n != '\n' && n != '\t' && n != '\r' &&
          ((p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') ||
           (p >= '0' && p <= '9') || p == ','))
        go_on++;
    }
    b = i + 1;
  }
  return go_on >= 3 && 2 * go_on >= long_lines;
}

/* A line break inside a hard-wrapped paragraph (hs_attr_wrapped) does
** not end a sentence: the line ends in a letter, a digit or a comma, the
** next line goes on at once, with no indentation, and it opens with a
** small letter, the line is 40 bytes or more ("... the\nNational
** Statistics Office said"), or it is the text's first line (a wire story
** opens with a short line: "U.S. Trade Representative\nClayton Yeutter
** said"). */
static int wrapped_line(const txt *t, uint32_t i) {
  uint32_t b = i;
  unsigned char p, n;
  if (!t->wrapped || i == 0 || i + 1 >= t->len) return 0;
  p = (unsigned char)t->s[i - 1];
  n = (unsigned char)t->s[i + 1];
  if (n == ' ' || n == '\t' || n == '\n' || n == '\r') return 0;
  if (!((p >= 'a' && p <= 'z') || (p >= 'A' && p <= 'Z') ||
        (p >= '0' && p <= '9') || p == ',' || p == '>' || p == ')'))
    return 0;
  if (n >= 'a' && n <= 'z') return 1;
  while (b > 0 && t->s[b - 1] != '\n' && i - b < 40) b--;
  return i - b >= 40 || b == 0;
}

/* 1 if the word ending at the period i is an English title abbreviated
** ("Sen.", "Rep.", "Gov.", "Gen.", "Dr.", "Mr."). */
static int title_abbrev(const txt *t, uint32_t i) {
  static const char *const abbr[] = {"Sen", "Rep", "Gov", "Gen", "Lt", "Col",
                                     "Sgt", "Capt", "Cmdr", "Adm", "Prof",
                                     "Dr", "Mr", "Mrs", "Ms", "St", NULL};
  uint32_t b = i;
  int k;
  while (b > 0 && ((t->s[b - 1] >= 'a' && t->s[b - 1] <= 'z') ||
                   (t->s[b - 1] >= 'A' && t->s[b - 1] <= 'Z')))
    b--;
  if (i - b < 2 || i - b > 4 || (b > 0 && t->s[b - 1] != ' ' &&
                                 t->s[b - 1] != '\n' && t->s[b - 1] != '('))
    return 0;
  for (k = 0; abbr[k]; k++)
    if (strlen(abbr[k]) == i - b && !memcmp(t->s + b, abbr[k], i - b))
      return 1;
  return 0;
}

int hs_attr_sentence_end(const txt *t, uint32_t i) {
  unsigned char c = (unsigned char)t->s[i];
  if (c == '\n') return !wrapped_line(t, i);
  if (c == '!' || c == '?') return 1;
  if (c == 0xD8 && i + 1 < t->len && (unsigned char)t->s[i + 1] == 0x9F)
    return 1; /* ؟ */
  if (c == '.') {
    /* U.S., J. Smith: a capital right before and no space after */
    if (i + 1 < t->len && !hs_attr_is_space_byte((unsigned char)t->s[i + 1]) &&
        (unsigned char)t->s[i + 1] != '"' && (unsigned char)t->s[i + 1] < 0x80)
      return 0;
    if (i >= 1 && hs_attr_is_upper_ascii(t->s[i - 1]) &&
        (i < 2 || hs_attr_punct_len(t, i - 2) || t->s[i - 2] == '.'))
      return 0;
    /* a title abbreviated before a name: "Maryland Sen. Ben Cardin" */
    if (i + 2 < t->len && t->s[i + 1] == ' ' &&
        hs_attr_is_upper_ascii(t->s[i + 2]) && title_abbrev(t, i))
      return 0;
    /* a one-letter Arabic-script word: «د.» (Dr.), «م.» (Eng.) */
    if (i >= 2 && ((unsigned char)t->s[i - 2] == 0xD8 ||
                   (unsigned char)t->s[i - 2] == 0xD9) &&
        (i < 3 || hs_attr_punct_len(t, i - 3)))
      return 0;
    return 1;
  }
  return 0;
}

/* The bytes that can end a sentence (hs_attr_sentence_end): \n . ! ? and
** the second byte of ؟ (D8 9F; its lead byte D8 opens most Arabic letters,
** its second byte few), each found by memchr: the bytes between are passed
** over by the C library, with no compare of the fuzzing build's for each. */
static const char sentence_byte[5] = {'\n', '.', '!', '?', (char)0x9F};

static uint32_t next_byte(const txt *t, uint32_t from, char c) {
  const char *q;
  if (from >= t->len) return t->len;
  q = memchr(t->s + from, c, t->len - from);
  return q ? (uint32_t)(q - t->s) : t->len;
}

size_t hs_attr_split_sentences(const txt *t, sent **out) {
  size_t n = 0, cap = 0;
  uint32_t s = 0, next[5];
  sent *v = NULL;
  int k;
  /* the next place of each byte; a ؟ at i is its 0x9F at i + 1 (from 1) */
  for (k = 0; k < 5; k++) next[k] = next_byte(t, k == 4 ? 1 : 0, sentence_byte[k]);
  for (;;) {
    uint32_t i = t->len;
    int m = -1;
    for (k = 0; k < 5; k++) {
      uint32_t c = k == 4 ? next[k] - 1 : next[k];
      if (next[k] < t->len && c < i) i = c, m = k;
    }
    if (m < 0) break;
    next[m] = next_byte(t, next[m] + 1, sentence_byte[m]);
    if (m == 4 && (unsigned char)t->s[i] != 0xD8) continue;
    if (hs_attr_sentence_end(t, i)) {
      HS_GROW(v, cap, n + 1);
      v[n].s = s;
      v[n].e = i + 1;
      n++;
      s = i + 1;
    }
  }
  if (t->len > s) {
    HS_GROW(v, cap, n + 1);
    v[n].s = s;
    v[n].e = t->len;
    n++;
  }
  *out = v;
  return n;
}
