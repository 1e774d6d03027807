/*
** aliases.c — the table of news sources: canonical names, types and
** aliases (SANA = Syrian Arab News Agency = سانا); and the place table
** (data/places.tsv: "Saudi Arabia" = «السعودية» is a state, never a
** person), normalized the same way.
**
** The built-in table is data/aliases.tsv, compiled in as bytes; a user
** file of the same format is added on top and wins.  Every name is stored
** in its normalized form (hs_normalize: NFKC, case folded, diacritics
** stripped, Arabic and Persian letter variants unified, abbreviation dots
** dropped), in an array sorted by that form and indexed by its hash, so a
** lookup is one normalization and one hash probe.  A call normalizes all
** its names with one tokenizer (text.h), whose caches then serve every
** name: a tokenizer per name would cost more than the name; lookups take
** theirs from a pool kept with the table, and plain ASCII names need
** none.  Aliases written "=NAME" are
** ambiguous words and match only a whole phrase (`exact`).
*/
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "attrib/aliases_data.h"
#include "attrib/attrib_index.h"
#include "hearsay.h"
#include "text/text.h"
#include "util/util.h"

#define WORD_BITS 65536

typedef struct alias_key {
  char *norm;
  uint32_t entry;
  uint32_t order;  /* later entries (user file) win */
  int exact;
} alias_key;

typedef struct alias_entry {
  char *canonical;
  int type;
} alias_entry;

struct hs_aliases {
  alias_entry *e;
  size_t ne, cape;
  alias_key *k;
  size_t nk, capk;
  int sorted;
  /* the keys by hash of their normalized form (open addressing, nslot a
  ** power of two): slot[j] is 1 + the index of the first (newest) key of
  ** that form, 0 for an empty slot, slot_h[j] its hash */
  uint32_t *slot;
  uint64_t *slot_h;
  size_t nslot;
  /* the place table: "NORMALIZED\0English name" strings, sorted */
  char **place;
  size_t nplace;
  /* tokenizers for lookups, each used by one call at a time */
  struct tok_pool *pool;
  /* the attribution reader's cue and type-word indexes (attrib_int.h),
  ** built with the table so that an extraction need not build them */
  hs_attr_index ix;
  /* the first and the last words of the keys' forms, as bits of their
  ** hashes (word_bit): a window of find_in whose first or last token's
  ** form has no bit set here is no key, and is not hashed whole */
  uint64_t first_w[WORD_BITS / 64], last_w[WORD_BITS / 64];
};

/* The tokenizers of past lookups, kept for the next ones: creating one per
** lookup (~20 KB zeroed, every character folded afresh) cost more than
** the lookup; the readers look up every capitalized phrase of a page.  A
** table shared by threads hands each call its own tokenizer, under a
** lock.  A tokenizer's caches depend on nothing but the characters, so
** reuse gives the same normalized names. */
typedef struct tok_pool {
  pthread_mutex_t lock;
  hs_tokenizer **t;
  size_t n, cap;
} tok_pool;

static hs_tokenizer *pool_take(tok_pool *p) {
  hs_tokenizer *t = NULL;
  pthread_mutex_lock(&p->lock);
  if (p->n) t = p->t[--p->n];
  pthread_mutex_unlock(&p->lock);
  return t ? t : hs_tokenizer_new();
}

static void pool_give(tok_pool *p, hs_tokenizer *t) {
  pthread_mutex_lock(&p->lock);
  HS_GROW(p->t, p->cap, p->n + 1);
  p->t[p->n++] = t;
  pthread_mutex_unlock(&p->lock);
}

const char *hs_source_type_name(int type) {
  switch (type) {
    case HS_SRC_AGENCY: return "agency";
    case HS_SRC_OUTLET: return "outlet";
    case HS_SRC_OFFICIAL: return "official";
    case HS_SRC_PERSON: return "person";
    case HS_SRC_ANONYMOUS: return "anonymous";
    default: return "unknown";
  }
}

static int type_parse(const char *s, size_t n) {
  static const char *const names[] = {"unknown", "agency", "outlet",
                                      "official", "person", "anonymous"};
  int i;
  for (i = 0; i < 6; i++)
    if (strlen(names[i]) == n && !memcmp(names[i], s, n)) return i;
  return -1;
}

/* hs_normalize(s, n) as a malloc'ed string, with tokenizer t. */
static char *norm_dup(hs_tokenizer *t, const char *s, size_t n) {
  hs_buf b;
  const hs_token *tk;
  size_t nt;
  hs_buf_init(&b, 0);
  hs_tokenizer_run(t, s, n, &tk, &nt, &b);
  hs_buf_terminate(&b);
  return b.p ? hs_buf_take(&b, NULL) : hs_strndup("", 0);
}

/* The normalized form of name (caller frees).  A name of ASCII letters,
** digits and separators other than the joiners ' . , (most names looked
** up: the readers try every capitalized phrase of a page) normalizes to
** its words in lower case, one space between them, which is written here
** without a tokenizer (whose creation, ~20 KB zeroed and the folding of
** each character afresh, costs more than such a name); any other name,
** or a word near the tokenizer's length limit, goes through one. */
static int plain_name(const char *name, size_t len) {
  size_t i, run = 0;
  for (i = 0; i < len; i++) {
    unsigned char c = (unsigned char)name[i];
    if (c >= 0x80 || c == '\'' || c == '.' || c == ',') break;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') run++;
    else if (c >= '0' && c <= '9') run++;
    else run = 0;
    if (run >= HS_TOKEN_MAX_BYTES) break;
  }
  return i == len;
}

/* The form is written in buf (NORM_BUF bytes) where it fits, malloc'ed
** otherwise (the caller frees it unless it is buf): a lookup allocates
** nothing for a name of up to ~250 bytes, and hs_normalize keeps no
** tokens.  hs_normalize and a tokenizer of the pool write the same form
** (a tokenizer keeps no state between texts). */
#define NORM_BUF 256
static char *norm_name(const hs_aliases *a, const char *name, size_t len,
                       char *buf) {
  hs_tokenizer *t;
  char *out, *o;
  size_t i;
  if (!plain_name(name, len)) {
    if (hs_normalize(name, len, buf, NORM_BUF) < NORM_BUF) return buf;
    t = pool_take(a->pool);
    out = norm_dup(t, name, len);
    pool_give(a->pool, t);
    return out;
  }
  o = out = len < NORM_BUF ? buf : hs_malloc(len + 1);
  for (i = 0; i < len; i++) {
    unsigned char c = (unsigned char)name[i];
    int alnum = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
                (c >= '0' && c <= '9');
    if (!alnum) continue;
    if (o > out && i > 0 && !(((name[i - 1] | 0x20) >= 'a' &&
                               (name[i - 1] | 0x20) <= 'z') ||
                              (name[i - 1] >= '0' && name[i - 1] <= '9')))
      *o++ = ' ';
    *o++ = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
  }
  *o = '\0';
  return out;
}

static int key_cmp(const void *x, const void *y) {
  const alias_key *a = x, *b = y;
  int c = strcmp(a->norm, b->norm);
  if (c) return c;
  return (a->order < b->order) - (a->order > b->order); /* newest first */
}

static void add_key(hs_aliases *a, hs_tokenizer *t, const char *s, size_t n,
                    uint32_t entry) {
  int exact = 0;
  char *nm;
  if (n && s[0] == '=') exact = 1, s++, n--;
  nm = norm_dup(t, s, n);
  if (!*nm) {
    free(nm);
    return;
  }
  HS_GROW(a->k, a->capk, a->nk + 1);
  a->k[a->nk].norm = nm;
  a->k[a->nk].entry = entry;
  a->k[a->nk].order = (uint32_t)a->nk;
  a->k[a->nk].exact = exact;
  a->nk++;
  a->sorted = 0;
}

/* Parse TSV text; `where` names it in messages. */
static int parse_table(hs_aliases *a, const char *t, size_t len,
                       const char *where, hs_error *err) {
  size_t i = 0, lineno = 0;
  hs_tokenizer *tok = hs_tokenizer_new();
  while (i < len) {
    size_t j = i, f0, f1, c;
    int type;
    lineno++;
    while (j < len && t[j] != '\n') j++;
    if (j > i && t[i] != '#' && !(j - i == 1 && t[i] == '\r')) {
      size_t e = j > i && t[j - 1] == '\r' ? j - 1 : j;
      /* field 0: canonical, field 1: type */
      f0 = i;
      while (f0 < e && t[f0] != '\t') f0++;
      f1 = f0 < e ? f0 + 1 : e;
      c = f1;
      while (c < e && t[c] != '\t') c++;
      if (f0 == i || f0 >= e || (type = type_parse(t + f1, c - f1)) < 0) {
        hs_tokenizer_free(tok);
        return hs_error_set(err, HS_EINPUT,
                            "%s:%zu: an alias line is 'NAME<TAB>TYPE<TAB>"
                            "ALIAS...' with TYPE agency, outlet, official, "
                            "person or anonymous",
                            where, lineno);
      }
      HS_GROW(a->e, a->cape, a->ne + 1);
      /* "=NAME" as the canonical name: NAME, matched as an ambiguous
      ** alias ("=The National": not inside "the national guard") */
      a->e[a->ne].canonical = t[i] == '=' && f0 - i > 1
                                  ? hs_strndup(t + i + 1, f0 - i - 1)
                                  : hs_strndup(t + i, f0 - i);
      a->e[a->ne].type = type;
      add_key(a, tok, t + i, f0 - i, (uint32_t)a->ne);
      while (c < e) {
        size_t s = c + 1, q = s;
        while (q < e && t[q] != '\t') q++;
        if (q > s) add_key(a, tok, t + s, q - s, (uint32_t)a->ne);
        c = q;
      }
      a->ne++;
    }
    i = j + 1;
  }
  hs_tokenizer_free(tok);
  return HS_OK;
}

/* A word's bit in first_w and last_w. */
static uint64_t word_bit(const char *w, size_t n) {
  return XXH3_64bits(w, n) & (WORD_BITS - 1);
}

static int word_in(const uint64_t *set, uint64_t b) {
  return (set[b >> 6] >> (b & 63)) & 1;
}

/* The hash index of the sorted keys: one slot for each distinct form,
** pointing at its first key, as the binary search would find it; and the
** bits of the keys' first and last words. */
static void index_keys(hs_aliases *a) {
  size_t i, m;
  memset(a->first_w, 0, sizeof a->first_w);
  memset(a->last_w, 0, sizeof a->last_w);
  for (i = 0; i < a->nk; i++) {
    const char *k = a->k[i].norm, *sp = strchr(k, ' '), *ls = strrchr(k, ' ');
    size_t n = strlen(k);
    uint64_t b = word_bit(k, sp ? (size_t)(sp - k) : n);
    a->first_w[b >> 6] |= 1ull << (b & 63);
    b = ls ? word_bit(ls + 1, n - (size_t)(ls + 1 - k)) : word_bit(k, n);
    a->last_w[b >> 6] |= 1ull << (b & 63);
  }
  free(a->slot);
  free(a->slot_h);
  for (a->nslot = 16; a->nslot < 2 * a->nk; a->nslot *= 2) {}
  a->slot = hs_calloc(a->nslot, sizeof *a->slot);
  a->slot_h = hs_calloc(a->nslot, sizeof *a->slot_h);
  m = a->nslot - 1;
  for (i = 0; i < a->nk; i++) {
    const char *k = a->k[i].norm;
    uint64_t h;
    size_t j;
    if (i > 0 && !strcmp(a->k[i - 1].norm, k)) continue;
    h = XXH3_64bits(k, strlen(k));
    for (j = (size_t)h & m; a->slot[j]; j = (j + 1) & m) {}
    a->slot[j] = (uint32_t)(i + 1);
    a->slot_h[j] = h;
  }
}

static void ensure_sorted(hs_aliases *a) {
  if (a->sorted) return;
  if (a->nk) qsort(a->k, a->nk, sizeof *a->k, key_cmp);
  index_keys(a);
  a->sorted = 1;
}

static int str_cmp(const void *x, const void *y) {
  return strcmp(*(char *const *)x, *(char *const *)y);
}

/* data/places.tsv: each name of a line, normalized, followed by a NUL and
** the line's first name, so that one sorted array answers both. */
static void parse_places(hs_aliases *a) {
  const char *t = (const char *)hs_places_tsv;
  size_t len = hs_places_tsv_len, i = 0, cap = 0;
  hs_tokenizer *tok = hs_tokenizer_new();
  while (i < len) {
    size_t j = i, f, e;
    while (j < len && t[j] != '\n') j++;
    e = j;
    if (e > i && t[i] != '#') {
      size_t c0 = i;
      while (c0 < e && t[c0] != '\t') c0++;
      for (f = i; f < e;) {
        size_t q = f;
        char *nm, *v;
        size_t nl;
        while (q < e && t[q] != '\t') q++;
        nm = norm_dup(tok, t + f, q - f);
        nl = strlen(nm);
        if (nl) {
          v = hs_malloc(nl + 1 + (c0 - i) + 1);
          memcpy(v, nm, nl + 1);
          memcpy(v + nl + 1, t + i, c0 - i);
          v[nl + 1 + (c0 - i)] = 0;
          HS_GROW(a->place, cap, a->nplace + 1);
          a->place[a->nplace++] = v;
        }
        free(nm);
        f = q + 1;
      }
    }
    i = j + 1;
  }
  hs_tokenizer_free(tok);
  if (a->nplace) qsort(a->place, a->nplace, sizeof *a->place, str_cmp);
}

int hs_aliases_place(const hs_aliases *a, const char *name, size_t len,
                     const char **english) {
  char *nm, buf[NORM_BUF];
  const char *q;
  size_t lo = 0, hi, skip = 0;
  if (!a || !name || !len || len > 256 || !a->nplace) return 0;
  if (len > 4 && (!memcmp(name, "the ", 4) || !memcmp(name, "The ", 4)))
    skip = 4;
  nm = norm_name(a, name + skip, len - skip, buf);
  hi = a->nplace;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(a->place[mid], nm) < 0) lo = mid + 1;
    else hi = mid;
  }
  q = lo < a->nplace && !strcmp(a->place[lo], nm) ? a->place[lo] : NULL;
  if (nm != buf) free(nm);
  if (!q) return 0;
  if (english) *english = q + strlen(q) + 1;
  return 1;
}

int hs_aliases_new(hs_aliases **out, hs_error *err) {
  hs_aliases *a = hs_calloc(1, sizeof *a);
  a->pool = hs_calloc(1, sizeof *a->pool);
  pthread_mutex_init(&a->pool->lock, NULL);
  hs_attr_index_build(&a->ix, 2);
  int rc = parse_table(a, (const char *)hs_aliases_tsv, hs_aliases_tsv_len,
                       "data/aliases.tsv", err);
  if (rc) {
    hs_aliases_free(a);
    *out = NULL;
    return rc;
  }
  ensure_sorted(a);
  parse_places(a);
  *out = a;
  return HS_OK;
}

int hs_aliases_load(hs_aliases *a, const char *path, hs_error *err) {
  FILE *f = fopen(path, "rb");
  hs_buf b;
  char chunk[65536];
  size_t n;
  int rc = HS_OK;
  if (!f)
    return hs_error_set(err, HS_EINPUT, "%s: cannot open the alias file: %s",
                        path, strerror(errno));
  hs_buf_init(&b, (size_t)64 << 20);
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    if (hs_buf_append(&b, chunk, n)) {
      rc = hs_error_set(err, HS_EINPUT, "%s: alias file larger than 64 MiB",
                        path);
      break;
    }
  if (!rc && ferror(f))
    rc = hs_error_set(err, HS_EIO, "%s: read error", path);
  fclose(f);
  if (!rc) rc = parse_table(a, b.p ? b.p : "", b.len, path, err);
  hs_buf_free(&b);
  a->sorted = 0;
  ensure_sorted(a);
  return rc;
}

void hs_aliases_free(hs_aliases *a) {
  size_t i;
  if (!a) return;
  for (i = 0; i < a->ne; i++) free(a->e[i].canonical);
  for (i = 0; i < a->nk; i++) free(a->k[i].norm);
  for (i = 0; i < a->nplace; i++) free(a->place[i]);
  free(a->place);
  if (a->pool) {
    for (i = 0; i < a->pool->n; i++) hs_tokenizer_free(a->pool->t[i]);
    free(a->pool->t);
    pthread_mutex_destroy(&a->pool->lock);
    free(a->pool);
  }
  free(a->e);
  free(a->k);
  free(a->slot);
  free(a->slot_h);
  hs_attr_index_free(&a->ix);
  free(a);
}

const hs_attr_index *hs_aliases_attr_index(const hs_aliases *a) {
  return &a->ix;
}

/* The newest key equal to norm, or NULL: one hash probe (and one string
** compare) where a binary search made a dozen. */
static const alias_key *find_key(const hs_aliases *a, const char *norm) {
  size_t lo = 0, hi = a->nk;
  if (a->nslot) {
    uint64_t h = XXH3_64bits(norm, strlen(norm));
    size_t m = a->nslot - 1, j;
    for (j = (size_t)h & m; a->slot[j]; j = (j + 1) & m)
      if (a->slot_h[j] == h && !strcmp(a->k[a->slot[j] - 1].norm, norm))
        return &a->k[a->slot[j] - 1];
    return NULL;
  }
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(a->k[mid].norm, norm) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo < a->nk && !strcmp(a->k[lo].norm, norm)) return &a->k[lo];
  return NULL;
}

/* The normalized form of name (norm_name: in buf, or the caller frees
** it) and the first key equal to it, or NULL (and *nm NULL) for no name. */
static const alias_key *lookup_key(const hs_aliases *a, const char *name,
                                   size_t len, char **nm, char *buf) {
  *nm = NULL;
  if (!a || !name || !len || len > 4096) return NULL;
  *nm = norm_name(a, name, len, buf);
  return find_key(a, *nm);
}

int hs_aliases_lookup(const hs_aliases *a, const char *name, size_t len,
                      const char **canonical, int *type) {
  char *nm, buf[NORM_BUF];
  const alias_key *k = lookup_key(a, name, len, &nm, buf);
  if (nm != buf) free(nm);
  if (!k) return 0;
  if (canonical) *canonical = a->e[k->entry].canonical;
  if (type) *type = a->e[k->entry].type;
  return 1;
}

int hs_aliases_lookup_name(const hs_aliases *a, const char *name,
                           size_t len, const char **canonical, int *type) {
  char *nm, buf[NORM_BUF];
  const alias_key *k = lookup_key(a, name, len, &nm, buf);
  /* the keys equal to nm, newest first: the first unambiguous one */
  while (k && k->exact && k + 1 < a->k + a->nk && !strcmp(k[1].norm, nm)) k++;
  if (nm != buf) free(nm);
  if (!k || k->exact) return 0;
  if (canonical) *canonical = a->e[k->entry].canonical;
  if (type) *type = a->e[k->entry].type;
  return 1;
}

/* Words that open the name of a place or a building: a known name right
** after one is part of that name, not the outlet («سوق عكاظ» the market
** Souk Okaz, «شارع الرياض», "Al Jazeera Street"). */
static const char *const compound_heads[] = {
    "سوق", "شارع", "ميدان", "ساحة", "حي", "مدينة", "جامعة", "مطار",
    "مستشفى", "فندق", "مسجد", "جامع", "برج", "ملعب", "استاد", "منتزه",
    "حديقة", "قصر", "مهرجان", "جائزة", "كأس", "نادي", "مدرسة", "طريق",
    "بازار", "خیابان", "میدان", "دانشگاه", "فرودگاه", "بیمارستان", "هتل",
    "ورزشگاه", "جایزه", "جام", "باشگاه", "street", "square", "avenue",
    "road", "market", "souk", "university", "airport", "hospital", "hotel",
    "stadium", "mosque", "tower", "festival", "prize", "award", "cup",
    "club", "school", "park", NULL};

/* (a form of NORM_BUF bytes or more is no head's) */
static int after_compound_head(const char *text, const hs_token *prev) {
  char w[NORM_BUF], h[NORM_BUF];
  int k, hit = 0;
  if (hs_normalize(text + prev->start, prev->end - prev->start, w,
                   sizeof w) >= sizeof w)
    return 0;
  for (k = 0; compound_heads[k] && !hit; k++) {
    hs_normalize(compound_heads[k], strlen(compound_heads[k]), h, sizeof h);
    hit = !strcmp(w, h);
  }
  return hit;
}

/* Known names inside a phrase: windows of up to 6 tokens, longest first;
** ambiguous aliases only as the whole text; a name right after a word of
** compound_heads is part of a place's name and not taken.  Returns the
** entry or -1. */
static long find_in(const hs_aliases *a, const char *text, size_t len,
                    int whole, const char **canonical, int *type,
                    uint32_t *start, uint32_t *end);

long hs_aliases_find_in(const hs_aliases *a, const char *text, size_t len,
                        const char **canonical, int *type, uint32_t *start,
                        uint32_t *end) {
  return find_in(a, text, len, 0, canonical, type, start, end);
}

long hs_aliases_lookup_in(const hs_aliases *a, const char *text, size_t len,
                          const char **canonical, int *type, uint32_t *start,
                          uint32_t *end) {
  if (!a || !text || !len) return -1;
  /* a plain ASCII name is normalized without a tokenizer (norm_name) */
  if (len > 4096 || plain_name(text, len)) {
    if (hs_aliases_lookup(a, text, len, canonical, type)) return HS_ALIAS_WHOLE;
    return find_in(a, text, len, 0, canonical, type, start, end);
  }
  return find_in(a, text, len, 1, canonical, type, start, end);
}

/* The window search of find_in over tokens tk[0, n) of text[0, len) and
** their normalized forms nbp[0, nblen) (one space apart): windows of up
** to 6 tokens, longest first.  t serves the windows normalized on their
** own. */
static long windows(const hs_aliases *a, hs_tokenizer *t, const char *text,
                    size_t len, const hs_token *tk, size_t n,
                    const char *nbp, size_t nblen, const char **canonical,
                    int *type, uint32_t *start, uint32_t *end) {
  size_t w, i, *off, j, q;
  long found = -1;
  char *win;
  unsigned char *fl; /* token j's form: 1 a key's first word, 2 a last one */
  off = hs_reallocarray(NULL, n + 1, sizeof *off);
  for (j = 0, q = 0; j < n; j++) {
    off[j] = q;
    while (q < nblen && nbp[q] != ' ') q++;
    q++;
  }
  off[n] = q;
  /* a form with a space in it: the forms are not told apart here */
  if (n && q != nblen + 1) {
    free(off);
    off = NULL;
  }
  win = hs_malloc(nblen + 1 + n);
  fl = (unsigned char *)win + nblen + 1;
  for (j = 0; off && j < n; j++) {
    uint64_t b = word_bit(nbp + off[j], off[j + 1] - 1 - off[j]);
    fl[j] = (unsigned char)(word_in(a->first_w, b) | word_in(a->last_w, b) << 1);
  }
  for (w = n < 6 ? n : 6; w >= 1 && found < 0; w--) {
    for (i = 0; i + w <= n && found < 0; i++) {
      uint32_t s = tk[i].start, e = tk[i + w - 1].end;
      const alias_key *k;
      /* a window's normalized form is its tokens' forms as the whole
      ** phrase gave them: tokenizing reads nothing before a token's start,
      ** nor after its end but for format characters (non-ASCII), which
      ** may add to its form; a window ending before one is normalized on
      ** its own */
      if (off && (e == len || (unsigned char)text[e] < 0x80)) {
        size_t m = off[i + w] - 1 - off[i];
        /* the window's form is its tokens' forms one space apart: a key
        ** equal to it opens with the first and ends with the last */
        if (!(fl[i] & 1) || !(fl[i + w - 1] & 2)) continue;
        memcpy(win, nbp + off[i], m);
        win[m] = '\0';
        k = find_key(a, win);
      } else {
        /* the first token's form is the phrase's (the window goes on
        ** past it); the last one's may lack what follows it */
        char buf[NORM_BUF];
        if (off && w > 1 && !(fl[i] & 1)) continue;
        if (hs_normalize(text + s, e - s, buf, sizeof buf) < sizeof buf) {
          k = find_key(a, buf);
        } else {
          char *nm = norm_dup(t, text + s, e - s);
          k = find_key(a, nm);
          free(nm);
        }
      }
      if (!k || (k->exact && !(i == 0 && w == n))) continue;
      if (i > 0 && after_compound_head(text, &tk[i - 1])) continue;
      found = (long)k->entry;
      if (canonical) *canonical = a->e[k->entry].canonical;
      if (type) *type = a->e[k->entry].type;
      if (start) *start = s;
      if (end) *end = e;
    }
  }
  free(off);
  free(win);
  return found;
}

/* whole: first the whole text as hs_aliases_lookup looks it up (its
** normalized form is the tokens' forms, which the windows read too); a
** hit returns HS_ALIAS_WHOLE. */
static long find_in(const hs_aliases *a, const char *text, size_t len,
                    int whole, const char **canonical, int *type,
                    uint32_t *start, uint32_t *end) {
  hs_token *tk;
  const hs_token *run;
  size_t n = 0;
  long found;
  hs_tokenizer *t;
  hs_buf nb;
  if (!a || !text || !len) return -1;
  if (len > 65536) len = 65536;
  t = pool_take(a->pool);
  /* the phrase's tokens, copied: the tokenizer's array serves each window;
  ** and their normalized forms, one space apart */
  hs_buf_init(&nb, 0);
  hs_tokenizer_run(t, text, len, &run, &n, &nb);
  if (whole) {
    const alias_key *k;
    hs_buf_terminate(&nb);
    if ((k = find_key(a, nb.p ? nb.p : ""))) {
      if (canonical) *canonical = a->e[k->entry].canonical;
      if (type) *type = a->e[k->entry].type;
      hs_buf_free(&nb);
      pool_give(a->pool, t);
      return HS_ALIAS_WHOLE;
    }
  }
  tk = hs_reallocarray(NULL, n ? n : 1, sizeof *tk);
  if (n) memcpy(tk, run, n * sizeof *tk);
  found = windows(a, t, text, len, tk, n, nb.p, nb.len, canonical, type,
                  start, end);
  free(tk);
  hs_buf_free(&nb);
  pool_give(a->pool, t);
  return found;
}

static void hit_of(const hs_aliases *a, const char *text, size_t len,
                   hs_alias_hit *h) {
  h->r = hs_aliases_lookup_in(a, text, len, &h->canonical, &h->type,
                              &h->start, &h->end);
}

/* The text's first lens[k] bytes each looked up as hs_aliases_lookup_in
** does, into out[k], with one tokenizing of the longest (lens ascending):
** a shorter one whose end is a token's end, followed by an ASCII byte,
** has that tokenizing's first tokens and forms as its own (what the
** windows of find_in read too); any other is looked up on its own.  The
** attribution reader tries a source one, two and three words longer. */
void hs_aliases_lookup_in_ends(const hs_aliases *a, const char *text,
                               const uint32_t *lens, size_t nl,
                               hs_alias_hit *out) {
  hs_token *tk;
  const hs_token *run;
  size_t n = 0, j, q, *off, k, m = 0;
  size_t len = nl ? lens[nl - 1] : 0;
  hs_tokenizer *t;
  hs_buf nb;
  char *buf;
  for (k = 0; k < nl; k++) {
    out[k].r = -1;
    out[k].canonical = NULL;
    out[k].type = HS_SRC_UNKNOWN;
    out[k].start = out[k].end = 0;
  }
  if (!a || !text || !len) return;
  if (len > 4096) {
    for (k = 0; k < nl; k++) hit_of(a, text, lens[k], &out[k]);
    return;
  }
  t = pool_take(a->pool);
  hs_buf_init(&nb, 0);
  hs_tokenizer_run(t, text, len, &run, &n, &nb);
  tk = hs_reallocarray(NULL, n ? n : 1, sizeof *tk);
  if (n) memcpy(tk, run, n * sizeof *tk);
  /* token j's form is nb.p[off[j], off[j + 1] - 1) (off NULL: a form with
  ** a space in it) */
  off = hs_reallocarray(NULL, n + 1, sizeof *off);
  for (j = 0, q = 0; j < n; j++) {
    off[j] = q;
    while (q < nb.len && nb.p[q] != ' ') q++;
    q++;
  }
  off[n] = q;
  if (n && q != nb.len + 1) {
    free(off);
    off = NULL;
  }
  buf = hs_malloc(nb.len + 1);
  for (k = 0; k < nl; k++) {
    size_t lk = lens[k], nbl;
    hs_alias_hit *h = &out[k];
    if (!lk) continue;
    if (lk == len) {
      m = n;
      nbl = nb.len;
    } else {
      while (m < n && tk[m].end <= lk) m++;
      if (!off || !m || tk[m - 1].end != lk || (m < n && tk[m].start < lk) ||
          (unsigned char)text[lk] >= 0x80) {
        hit_of(a, text, lk, h);
        continue;
      }
      nbl = off[m] - 1;
    }
    if (plain_name(text, lk)) {
      if (hs_aliases_lookup(a, text, lk, &h->canonical, &h->type)) {
        h->r = HS_ALIAS_WHOLE;
        continue;
      }
    } else {
      const alias_key *key;
      if (nbl) memcpy(buf, nb.p, nbl);
      buf[nbl] = '\0';
      if ((key = find_key(a, buf))) {
        h->canonical = a->e[key->entry].canonical;
        h->type = a->e[key->entry].type;
        h->r = HS_ALIAS_WHOLE;
        continue;
      }
    }
    h->r = windows(a, t, text, lk, tk, m, nb.p, nbl, &h->canonical, &h->type,
                   &h->start, &h->end);
  }
  free(buf);
  free(off);
  free(tk);
  hs_buf_free(&nb);
  pool_give(a->pool, t);
}
