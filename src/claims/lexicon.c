/*
** lexicon.c — what turns words into claim-search terms, and a query word
** into the alternatives it may match.
**
** Every word goes through hearsay's tokenizer normalization (NFKC, case
** folding, marks stripped, Arabic/Persian letter and digit variants
** unified), then:
**   - stopwords (small per-language tables below) are skipped;
**   - the Snowball stemmer of the word's script gives its main term
**     (english for Latin, russian for Cyrillic, arabic for Arabic script,
**     Persian included, since Debian's libstemmer has no Persian stemmer);
**   - a capitalized Latin word also gets a transliteration key, "~" + key
**     (rules at hs_translit_key), so that Deir/Dayr and Muallem/Moallem
**     meet;
**   - runs of words that spell an entity of the alias table get "@" +
**     its canonical name, longest match first.
** A query word additionally gets its WordNet synonyms (first three senses
** of the noun, verb and adjective entries, after WordNet's own
** lemmatization: the *.exc exception lists and the morphy suffix rules)
** and the related words of the shipped table, at a lower weight.
**
** WordNet is read lazily and cheaply (wordnet.c): the sorted index.* files
** are loaded and binary-searched; a synset is read by seeking to its offset
** in data.*, which is its byte position.  Cost per query: a few
** milliseconds.
*/
#include "claims/lexicon_int.h"

#include <ctype.h>
#include <libstemmer.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text/text.h"

#define SYN_WEIGHT 0.7
#define FUZZY_WEIGHT 0.5
#define STEM_WEIGHT 1.0
#define ALIAS_WEIGHT 1.0

/* ------------------------------------------------------------ hash map */

void hs_smap_init(hs_smap *m) { memset(m, 0, sizeof *m); }

void hs_smap_free(hs_smap *m) {
  size_t i;
  if (!m) return;
  for (i = 0; i < m->cap; i++) free(m->slots[i].key);
  free(m->slots);
  memset(m, 0, sizeof *m);
}

/* Slot of key (hash h): its own, or the empty one where it would go.  A
** key's length and bytes are compared only when the hash tags agree. */
static size_t smap_slot(const hs_smap *m, const char *key, size_t len,
                        uint64_t h) {
  size_t i = (size_t)h & (m->cap - 1);
  uint32_t tag = (uint32_t)(h >> 32);
  const hs_smap_slot *s;
  while ((s = &m->slots[i])->key &&
         (s->tag != tag || strlen(s->key) != len || memcmp(s->key, key, len)))
    i = (i + 1) & (m->cap - 1);
  return i;
}

long hs_smap_get(const hs_smap *m, const char *key, size_t len) {
  size_t i;
  if (!m->cap) return -1;
  i = smap_slot(m, key, len, XXH3_64bits(key, len));
  return m->slots[i].key ? (long)m->slots[i].val : -1;
}

uint32_t hs_smap_put(hs_smap *m, const char *key, size_t len, uint32_t val) {
  size_t i;
  uint64_t h;
  if ((m->n + 1) * 2 > m->cap) {
    hs_smap old = *m;
    size_t k;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->slots = hs_calloc(m->cap, sizeof *m->slots);
    for (k = 0; k < old.cap; k++)
      if (old.slots[k].key) {
        const hs_smap_slot *o = &old.slots[k];
        size_t kl = strlen(o->key);
        m->slots[smap_slot(m, o->key, kl, XXH3_64bits(o->key, kl))] = *o;
      }
    free(old.slots);
  }
  h = XXH3_64bits(key, len);
  i = smap_slot(m, key, len, h);
  if (m->slots[i].key) return m->slots[i].val;
  m->slots[i].key = hs_strndup(key, len);
  m->slots[i].val = val;
  m->slots[i].tag = (uint32_t)(h >> 32);
  m->n++;
  return val;
}

/* ----------------------------------------------------------- stopwords */

/* Stopwords, normalized (lower case, no marks; Arabic/Persian letters as
** the tokenizer unifies them).  Accepted forms: one word per string. The
** Arabic article forms of transliterated names (al, el, ez, ad...) are
** stopwords too, so "Deir ez-Zor" and "Deir Ezzor" differ only in "Ezzor",
** which the transliteration key maps to "zor". */
static const char *const stopwords[] = {
    /* English */
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to",
    "from", "by", "for", "with", "as", "is", "are", "was", "were", "be",
    "been", "being", "has", "have", "had", "do", "does", "did", "it", "its",
    "this", "that", "these", "those", "which", "who", "whom", "whose",
    "what", "he", "she", "they", "them", "his", "her", "their", "we", "our",
    "you", "your", "i", "me", "my", "not", "no", "than", "then", "there",
    "also", "into", "about", "after", "before", "over", "under", "up",
    "out", "off", "so", "such", "if", "will", "would", "can", "could",
    "should", "may", "might", "must", "shall", "said", "says", "say",
    "according", "while", "during", "some", "any", "all", "more", "most",
    "other", "just", "very", "s", "t", "mr", "mrs", "ms",
    /* transliterated Arabic articles */
    "al", "el", "ez", "ad", "az", "ed", "es", "ul", "ud", "ar", "ash", "adh",
    /* Arabic (after letter unification: ى→ي, ة→ه, أ/إ/آ→ا) */
    "في", "من", "الي", "علي", "عن", "ان", "او", "و", "ثم", "هذا", "هذه",
    "ذلك", "تلك", "التي", "الذي", "الذين", "كان", "كانت", "قد", "لقد", "ما",
    "لا", "لم", "لن", "مع", "بين", "كما", "وقال", "قال", "وفي", "عند",
    "حيث", "بعد", "قبل", "هو", "هي", "هم", "ان", "الا", "كل", "اي",
    /* Persian */
    "و", "در", "به", "از", "که", "این", "را", "با", "است", "برای", "آن",
    "یک", "خود", "تا", "کرد", "بر", "هم", "نیز", "گفت", "شد", "می", "ها",
    "اين", "كه", "يك",
    /* Russian */
    "и", "в", "во", "не", "что", "он", "на", "я", "с", "со", "как", "а",
    "то", "все", "она", "так", "его", "но", "к", "у", "же", "вы", "за",
    "бы", "по", "от", "из", "о", "об", "для", "при", "это", "этот"};

const char *const *hs_lex_stopwords(size_t *n) {
  *n = sizeof stopwords / sizeof stopwords[0];
  return stopwords;
}

static int is_stop(const hs_smap *m, const char *w) {
  return hs_smap_get(m, w, strlen(w)) >= 0;
}

/* ---------------------------------------------------------- the lexicon */

typedef struct alias_ent {
  char **tok;    /* normalized tokens */
  size_t ntok;
  uint32_t canon; /* index into canon names */
  int caps;      /* matches only text in capitals */
  int word;      /* a related-word group entry rather than an entity */
} alias_ent;

struct hs_lexicon {
  hs_smap stop;
  struct sb_stemmer *en, *ru, *ar;
  hs_tokenizer *tok;
  alias_ent *ent;
  size_t nent;
  hs_smap first;     /* first token → bucket index */
  size_t **bucket;   /* bucket → entry indexes (count in [0]) */
  size_t nbucket;
  strlist canon;
  hs_smap stem_group; /* stem → group index (word groups) */
  strlist *groups;    /* group → member surface forms */
  size_t ngroups;
  wordnet wn;
  hs_buf norm;
  /* The stems met so far: stem_text holds, for each word, its length,
  ** its bytes, its stem's length and the stem's bytes (u32 lengths);
  ** stem_slots is an open-addressing table of (offset + 1) << 32 | hash
  ** tag, 0 = empty.  The words live in stem_text rather than in a copy
  ** each: a new word costs no allocation of its own. */
  uint64_t *stem_slots;
  size_t nstems, stem_cap;
  hs_buf stem_text;
};

/* Snowball stemming is the dearest step of an analysis and a corpus
** repeats its words: stems are kept, up to this many words. */
#define STEM_CACHE_MAX 2000000

void hs_analysis_init(hs_analysis *a) {
  memset(a, 0, sizeof *a);
  hs_buf_init(&a->arena, 0);
}

void hs_analysis_free(hs_analysis *a) {
  if (!a) return;
  free(a->w);
  hs_buf_free(&a->arena);
  memset(a, 0, sizeof *a);
}

static uint32_t arena_put(hs_analysis *a, const char *s, size_t len) {
  uint32_t off = (uint32_t)a->arena.len;
  hs_buf_append(&a->arena, s, len);
  hs_buf_putc(&a->arena, '\0');
  return off;
}

int hs_lex_new(hs_lexicon **out, const char *wordnet_dir, hs_error *err) {
  hs_lexicon *l = hs_calloc(1, sizeof *l);
  size_t i;
  (void)err;
  for (i = 0; i < sizeof stopwords / sizeof stopwords[0]; i++)
    hs_smap_put(&l->stop, stopwords[i], strlen(stopwords[i]), 1);
  l->en = sb_stemmer_new("english", "UTF_8");
  l->ru = sb_stemmer_new("russian", "UTF_8");
  l->ar = sb_stemmer_new("arabic", "UTF_8");
  l->tok = hs_tokenizer_new();
  l->wn.dir = wordnet_dir && *wordnet_dir ? hs_strdup(wordnet_dir) : NULL;
  hs_buf_init(&l->norm, 0);
  hs_buf_init(&l->stem_text, 0);
  *out = l;
  return HS_OK;
}

void hs_lex_free(hs_lexicon *l) {
  size_t i, j;
  if (!l) return;
  hs_smap_free(&l->stop);
  if (l->en) sb_stemmer_delete(l->en);
  if (l->ru) sb_stemmer_delete(l->ru);
  if (l->ar) sb_stemmer_delete(l->ar);
  hs_tokenizer_free(l->tok);
  for (i = 0; i < l->nent; i++) {
    for (j = 0; j < l->ent[i].ntok; j++) free(l->ent[i].tok[j]);
    free(l->ent[i].tok);
  }
  free(l->ent);
  hs_smap_free(&l->first);
  for (i = 0; i < l->nbucket; i++) free(l->bucket[i]);
  free(l->bucket);
  sl_free(&l->canon);
  hs_smap_free(&l->stem_group);
  for (i = 0; i < l->ngroups; i++) sl_free(&l->groups[i]);
  free(l->groups);
  wn_free(&l->wn);
  hs_buf_free(&l->norm);
  free(l->stem_slots);
  hs_buf_free(&l->stem_text);
  free(l);
}

/* Normalized tokens of text (split on the spaces of the tokenizer's
** normalized output). */
static void norm_tokens(hs_lexicon *l, const char *text, size_t len,
                        strlist *out) {
  const hs_token *t;
  size_t n, i, s;
  l->norm.len = 0;
  hs_tokenizer_run(l->tok, text, len, &t, &n, &l->norm);
  for (i = 0, s = 0; i <= l->norm.len; i++)
    if (i == l->norm.len || l->norm.p[i] == ' ') {
      if (i > s) {
        out->s = hs_reallocarray(out->s, out->n + 1, sizeof *out->s);
        out->s[out->n++] = hs_strndup(l->norm.p + s, i - s);
      }
      s = i + 1;
    }
}

static int utf8_first(const char *s, size_t *adv) {
  const unsigned char *u = (const unsigned char *)s;
  *adv = 1;
  if (u[0] < 0x80) return u[0];
  if ((u[0] & 0xE0) == 0xC0 && u[1]) {
    *adv = 2;
    return ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
  }
  if ((u[0] & 0xF0) == 0xE0 && u[1] && u[2]) {
    *adv = 3;
    return ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
  }
  return -1;
}

/* Stem of a normalized word into the arena of a (returns its offset). */
/* The slot of word w (hash h) in the stem cache: its own, or the empty one
** where it would go.  The tag (the hash's low 32 bits) gives the first
** slot; words are compared only when the tags agree. */
static size_t stem_slot(const hs_lexicon *l, const char *w, size_t len,
                        uint64_t h) {
  size_t i;
  uint64_t e;
  if (!l->stem_cap) return 0;
  i = (size_t)(uint32_t)h & (l->stem_cap - 1);
  while ((e = l->stem_slots[i]) != 0) {
    if ((uint32_t)e == (uint32_t)h) {
      const char *p = l->stem_text.p + (e >> 32) - 1;
      uint32_t wl;
      memcpy(&wl, p, sizeof wl);
      if (wl == len && !memcmp(p + sizeof wl, w, len)) break;
    }
    i = (i + 1) & (l->stem_cap - 1);
  }
  return i;
}

/* Twice the slots (64 at first), the words placed again by their tags. */
static void stem_grow(hs_lexicon *l) {
  size_t old = l->stem_cap, k, j;
  uint64_t *was = l->stem_slots;
  l->stem_cap = old ? old * 2 : 64;
  l->stem_slots = hs_calloc(l->stem_cap, sizeof *l->stem_slots);
  for (k = 0; k < old; k++)
    if (was[k]) {
      j = (size_t)(uint32_t)was[k] & (l->stem_cap - 1);
      while (l->stem_slots[j]) j = (j + 1) & (l->stem_cap - 1);
      l->stem_slots[j] = was[k];
    }
  free(was);
}

static uint32_t stem_word(hs_lexicon *l, hs_analysis *a, const char *w) {
  size_t adv, len = strlen(w);
  int cp = utf8_first(w, &adv);
  struct sb_stemmer *st = NULL;
  if ((cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp < 0x250)) st = l->en;
  else if (cp >= 0x400 && cp < 0x500) st = l->ru;
  else if (cp >= 0x600 && cp < 0x700) st = l->ar;
  if (st && len > 2) {
    uint64_t h = XXH3_64bits(w, len);
    size_t at = stem_slot(l, w, len, h);
    const sb_symbol *s;
    if (l->stem_cap && l->stem_slots[at]) {
      /* the stem may hold a NUL byte: its length is kept too */
      const char *p = l->stem_text.p + (l->stem_slots[at] >> 32) - 1;
      uint32_t n;
      p += sizeof n + len;
      memcpy(&n, p, sizeof n);
      return arena_put(a, p + sizeof n, n);
    }
    s = sb_stemmer_stem(st, (const sb_symbol *)w, (int)len);
    if (s) {
      uint32_t n = (uint32_t)sb_stemmer_length(st), wl = (uint32_t)len;
      if (l->nstems < STEM_CACHE_MAX &&
          l->stem_text.len + len + n + 8 < UINT32_MAX) {
        if ((l->nstems + 1) * 2 > l->stem_cap) {
          stem_grow(l);
          at = stem_slot(l, w, len, h);
        }
        l->stem_slots[at] =
            (uint64_t)(l->stem_text.len + 1) << 32 | (uint32_t)h;
        l->nstems++;
        hs_buf_append(&l->stem_text, (const char *)&wl, sizeof wl);
        hs_buf_append(&l->stem_text, w, len);
        hs_buf_append(&l->stem_text, (const char *)&n, sizeof n);
        hs_buf_append(&l->stem_text, (const char *)s, n);
      }
      return arena_put(a, (const char *)s, n);
    }
  }
  { /* w may point into the arena, which arena_put can move: copy it */
    char *copy = hs_strndup(w, len);
    uint32_t off = arena_put(a, copy, len);
    free(copy);
    return off;
  }
}

/* Transliteration key.  Rules, applied in order to a lower-case ASCII word
** (a word with any other character has no key):
**   1. a glued Arabic article whose consonant is doubled is dropped:
**      "ezzor" → "zor", "assad" → "sad" (the separate article words al,
**      el, ez, ad... are stopwords);
**   2. digraphs: dh, th, z → z; kh → k; gh → g; sh → s; ph → f; dj → j;
**   3. letters: q, c, k → k; w, v → u; x → ks;
**   4. vowels a e i o u y (and w, v from rule 3) → one class, "a";
**   5. an h after a vowel at the end is dropped ("Raqqah" = "Raqqa");
**   6. runs of the same letter collapse ("Moallem" → m a l a m);
**   7. leading vowels are dropped ("Asad" = "Assad", "Omar" = "Umar").
** So Deir/Dayr → "dar", Zor/Zawr/Ezzor → "zar", Muallem/Moallem →
** "malam", Assad/Asad → "sad". */
void hs_translit_key(const char *word, char *buf, size_t cap) {
  char tmp[128];
  size_t n = strlen(word), i, k = 0;
  if (!cap) return;
  buf[0] = '\0';
  if (n < 2 || n >= sizeof tmp / 2) return;
  for (i = 0; i < n; i++)
    if (word[i] < 'a' || word[i] > 'z') return;
  if (n >= 5 && (word[0] == 'a' || word[0] == 'e') &&
      strchr("lzdsrtn", word[1]) && word[2] == word[1]) {
    word += 2;
    n -= 2;
  }
  for (i = 0; i < n; i++) {
    char ch = word[i], nx = i + 1 < n ? word[i + 1] : '\0';
    if (nx == 'h' && strchr("dtkgsp", ch)) {
      static const char from[] = "dtkgsp", to[] = "zzkgsf";
      tmp[k++] = to[strchr(from, ch) - from];
      i++;
      continue;
    }
    if (ch == 'd' && nx == 'j') {
      tmp[k++] = 'j';
      i++;
      continue;
    }
    switch (ch) {
      case 'q': case 'c': tmp[k++] = 'k'; break;
      case 'w': case 'v': case 'u': case 'e': case 'i': case 'o': case 'y':
        tmp[k++] = 'a'; break;
      case 'x': tmp[k++] = 'k'; tmp[k++] = 's'; break;
      default: tmp[k++] = ch;
    }
  }
  if (k >= 2 && tmp[k - 1] == 'h' && tmp[k - 2] == 'a') k--;
  i = 0;
  while (i + 2 < k && tmp[i] == 'a') i++;
  for (n = 0; i < k && n + 1 < cap; i++)
    if (!n || buf[n - 1] != tmp[i]) buf[n++] = tmp[i];
  buf[n] = '\0';
}

const char *hs_why_name(int why) {
  switch (why) {
    case HS_WHY_EXACT: return "exact";
    case HS_WHY_STEM: return "stem";
    case HS_WHY_SYNONYM: return "synonym";
    case HS_WHY_ALIAS: return "alias";
    case HS_WHY_FUZZY: return "fuzzy name";
    default: return "?";
  }
}

static int is_caps_variant(const char *v) {
  size_t letters = 0;
  for (; *v; v++) {
    if (*v >= 'a' && *v <= 'z') return 0;
    if (*v >= 'A' && *v <= 'Z') letters++;
    else if (*v != '.') return 0;
  }
  return letters > 0 && letters <= 4;
}

int hs_lex_add_table(hs_lexicon *l, const char *text, size_t len,
                     const char *name, hs_error *err) {
  size_t pos = 0, lineno = 0;
  hs_analysis tmp;
  hs_analysis_init(&tmp);
  while (pos < len) {
    const char *line = text + pos, *nl = memchr(line, '\n', len - pos);
    size_t ll = nl ? (size_t)(nl - line) : len - pos;
    char *copy, *f[3], *v, *save;
    int kind, nf = 0;
    pos += ll + 1;
    lineno++;
    if (ll && line[ll - 1] == '\r') ll--;
    if (!ll || line[0] == '#') continue;
    copy = hs_strndup(line, ll);
    f[0] = copy;
    for (v = copy; *v && nf < 2; v++)
      if (*v == '\t') {
        *v = '\0';
        f[++nf] = v + 1;
      }
    if (nf < 2) {
      free(copy);
      hs_analysis_free(&tmp);
      return hs_error_set(err, HS_EINPUT,
                          "%s:%zu: expected KIND<TAB>CANONICAL<TAB>VARIANT|"
                          "VARIANT... (see data/entities.tsv)", name, lineno);
    }
    if (!strcmp(f[0], "entity")) kind = 0;
    else if (!strcmp(f[0], "word")) kind = 1;
    else {
      hs_error_set(err, HS_EINPUT, "%s:%zu: unknown kind '%.40s' (use "
                   "'entity' or 'word')", name, lineno, f[0]);
      free(copy);
      hs_analysis_free(&tmp);
      return HS_EINPUT;
    }
    if (kind == 1) {
      l->groups = hs_reallocarray(l->groups, l->ngroups + 1, sizeof *l->groups);
      memset(&l->groups[l->ngroups], 0, sizeof *l->groups);
      l->ngroups++;
    } else {
      sl_add(&l->canon, f[1], strlen(f[1]));
    }
    for (v = f[2]; v; v = save) {
      strlist toks = {NULL, 0};
      save = strchr(v, '|');
      if (save) *save++ = '\0';
      norm_tokens(l, v, strlen(v), &toks);
      if (toks.n && kind == 1) {
        if (toks.n == 1) {
          uint32_t off;
          tmp.arena.len = 0;
          off = stem_word(l, &tmp, toks.s[0]);
          hs_smap_put(&l->stem_group, HS_ASTR(&tmp, off),
                      strlen(HS_ASTR(&tmp, off)), (uint32_t)(l->ngroups - 1));
          sl_add(&l->groups[l->ngroups - 1], toks.s[0], strlen(toks.s[0]));
        }
        sl_free(&toks);
      } else if (toks.n) {
        alias_ent *e;
        long b;
        size_t c;
        for (c = 0; c < l->canon.n; c++)
          if (!strcmp(l->canon.s[c], f[1])) break;
        l->ent = hs_reallocarray(l->ent, l->nent + 1, sizeof *l->ent);
        e = &l->ent[l->nent];
        e->tok = toks.s;
        e->ntok = toks.n;
        e->canon = (uint32_t)c;
        e->caps = is_caps_variant(v);
        e->word = 0;
        b = hs_smap_get(&l->first, toks.s[0], strlen(toks.s[0]));
        if (b < 0) {
          b = (long)l->nbucket;
          hs_smap_put(&l->first, toks.s[0], strlen(toks.s[0]), (uint32_t)b);
          l->bucket = hs_reallocarray(l->bucket, l->nbucket + 1, sizeof *l->bucket);
          l->bucket[l->nbucket] = hs_calloc(1, sizeof **l->bucket);
          l->nbucket++;
        }
        c = l->bucket[b][0] + 1;
        l->bucket[b] = hs_reallocarray(l->bucket[b], c + 1, sizeof **l->bucket);
        l->bucket[b][c] = l->nent;
        l->bucket[b][0] = c;
        l->nent++;
      }
    }
    free(copy);
  }
  hs_analysis_free(&tmp);
  return HS_OK;
}

static int span_has_lower(const char *text, uint32_t s, uint32_t e) {
  for (; s < e; s++)
    if (text[s] >= 'a' && text[s] <= 'z') return 1;
  return 0;
}

int hs_lex_analyze(hs_lexicon *l, const char *text, size_t len,
                   hs_analysis *a, hs_error *err) {
  const hs_token *t;
  size_t n, i, s, k;
  uint32_t *norms;
  (void)err;
  a->n = 0;
  a->dl = 0;
  a->arena.len = 0;
  l->norm.len = 0;
  hs_tokenizer_run(l->tok, text, len, &t, &n, &l->norm);
  HS_GROW(a->w, a->cap, n + 1);
  norms = hs_malloc((n + 1) * sizeof *norms);
  for (i = 0, s = 0, k = 0; i <= l->norm.len && k <= n; i++)
    if (i == l->norm.len || l->norm.p[i] == ' ') {
      if (k < n) norms[k] = arena_put(a, l->norm.p + s, i - s);
      k++;
      s = i + 1;
    }
  if (k != n) { /* a normalized form with a space inside: one by one */
    hs_buf one;
    hs_buf_init(&one, 0);
    a->arena.len = 0;
    for (k = 0; k < n; k++) {
      a->w[k].start = t[k].start;
      a->w[k].end = t[k].end;
    }
    for (k = 0; k < n; k++) {
      const hs_token *t2;
      size_t n2, j;
      hs_aword tk = a->w[k];
      one.len = 0;
      l->norm.len = 0;
      hs_tokenizer_run(l->tok, text + tk.start, tk.end - tk.start, &t2, &n2,
                       &l->norm);
      for (j = 0; j < l->norm.len; j++)
        if (l->norm.p[j] != ' ') hs_buf_putc(&one, l->norm.p[j]);
      norms[k] = arena_put(a, one.p ? one.p : "", one.len);
    }
    hs_buf_free(&one);
    /* t was overwritten by the per-token runs: take spans from a->w */
  } else {
    for (k = 0; k < n; k++) {
      a->w[k].start = t[k].start;
      a->w[k].end = t[k].end;
    }
  }
  for (k = 0; k < n; k++) {
    hs_aword *w = &a->w[k];
    const char *nm = HS_ASTR(a, norms[k]);
    unsigned char c0 = (unsigned char)text[w->start];
    w->norm = norms[k];
    w->stem = w->key = w->alias = HS_NOSTR;
    w->alias_len = 0;
    w->in_alias = 0;
    w->stop = (uint8_t)(is_stop(&l->stop, nm) || !*nm);
    w->cap = (uint8_t)((c0 >= 'A' && c0 <= 'Z') ||
                       (c0 == 0xC3 && w->end > w->start + 1 &&
                        (unsigned char)text[w->start + 1] < 0x9F));
    if (!w->stop) {
      a->dl++;
      w->stem = stem_word(l, a, HS_ASTR(a, w->norm));
      if (w->cap) {
        char key[128];
        hs_translit_key(HS_ASTR(a, w->norm), key + 1, sizeof key - 1);
        if (strlen(key + 1) >= 2) {
          key[0] = '~';
          w->key = arena_put(a, key, strlen(key));
        }
      }
    }
  }
  /* alias spans, longest match first */
  for (k = 0; k < n; k++) {
    const char *nm = HS_ASTR(a, a->w[k].norm);
    long b = hs_smap_get(&l->first, nm, strlen(nm));
    size_t j, best = 0, bestlen = 0;
    if (b < 0) continue;
    for (j = 1; j <= l->bucket[b][0]; j++) {
      const alias_ent *e = &l->ent[l->bucket[b][j]];
      size_t m;
      if (e->ntok <= bestlen || k + e->ntok > n) continue;
      for (m = 0; m < e->ntok; m++)
        if (strcmp(e->tok[m], HS_ASTR(a, a->w[k + m].norm)) ||
            (e->caps && span_has_lower(text, a->w[k + m].start, a->w[k + m].end)))
          break;
      if (m == e->ntok && e->caps) {
        /* capitals in capitalized text ("THE COMPANY IS ...") say nothing:
        ** a neighbour must have lower-case letters */
        int prev = k > 0 && span_has_lower(text, a->w[k - 1].start, a->w[k - 1].end);
        int next = k + e->ntok < n &&
                   span_has_lower(text, a->w[k + e->ntok].start, a->w[k + e->ntok].end);
        if (!prev && !next && n > e->ntok) m = 0;
      }
      if (m == e->ntok) {
        best = l->bucket[b][j];
        bestlen = e->ntok;
      }
    }
    if (bestlen) {
      char term[256];
      snprintf(term, sizeof term, "@%s", l->canon.s[l->ent[best].canon]);
      a->w[k].alias = arena_put(a, term, strlen(term));
      a->w[k].alias_len = (uint16_t)bestlen;
      for (j = 0; j < bestlen; j++) a->w[k + j].in_alias = 1;
      if (a->w[k].stop) a->dl++; /* "IS", "US": the entity counts */
      k += bestlen - 1;
    }
  }
  a->n = n;
  free(norms);
  return HS_OK;
}

void hs_analysis_terms(const hs_analysis *a, hs_buf *b) {
  size_t k;
  for (k = 0; k < a->n; k++) {
    const hs_aword *w = &a->w[k];
    uint32_t offs[3] = {w->stem, w->key, w->alias};
    int j;
    for (j = 0; j < 3; j++)
      if (offs[j] != HS_NOSTR) {
        if (b->len) hs_buf_putc(b, ' ');
        hs_buf_append(b, HS_ASTR(a, offs[j]), strlen(HS_ASTR(a, offs[j])));
      }
  }
}

static void add_alt(hs_qconcept *c, const char *term, double weight, int why,
                    const char *via) {
  size_t i;
  for (i = 0; i < c->nalt; i++)
    if (!strcmp(c->alt[i].term, term)) {
      if (weight > c->alt[i].weight) {
        c->alt[i].weight = weight;
        c->alt[i].why = why;
        free(c->alt[i].via);
        c->alt[i].via = hs_strdup(via);
      }
      return;
    }
  if (c->nalt >= 64) return;
  c->alt = hs_reallocarray(c->alt, c->nalt + 1, sizeof *c->alt);
  c->alt[c->nalt].term = hs_strdup(term);
  c->alt[c->nalt].weight = weight;
  c->alt[c->nalt].why = why;
  c->alt[c->nalt].via = hs_strdup(via);
  c->nalt++;
}

void hs_query_free(hs_query *q) {
  size_t i, j;
  if (!q) return;
  for (i = 0; i < q->n; i++) {
    for (j = 0; j < q->c[i].nalt; j++) {
      free(q->c[i].alt[j].term);
      free(q->c[i].alt[j].via);
    }
    free(q->c[i].alt);
    free(q->c[i].word);
  }
  free(q->c);
  q->c = NULL;
  q->n = 0;
}

int hs_lex_query(hs_lexicon *l, const char *text, size_t len, int expand,
                 hs_query *q, hs_error *err) {
  hs_analysis a, tmp;
  size_t k, j;
  int rc;
  memset(q, 0, sizeof *q);
  hs_analysis_init(&a);
  hs_analysis_init(&tmp);
  if ((rc = hs_lex_analyze(l, text, len, &a, err))) goto out;
  for (k = 0; k < a.n; k++) {
    hs_aword *w = &a.w[k];
    hs_qconcept *c;
    const char *nm = HS_ASTR(&a, w->norm);
    if (w->alias == HS_NOSTR && (w->stop || w->in_alias)) continue;
    q->c = hs_reallocarray(q->c, q->n + 1, sizeof *q->c);
    c = &q->c[q->n++];
    memset(c, 0, sizeof *c);
    if (w->alias != HS_NOSTR) {
      uint32_t e = a.w[k + w->alias_len - 1].end;
      c->word = hs_strndup(text + w->start, e - w->start);
      add_alt(c, HS_ASTR(&a, w->alias), ALIAS_WEIGHT, HS_WHY_ALIAS, NULL);
      k += w->alias_len - 1;
      continue;
    }
    c->word = hs_strndup(text + w->start, w->end - w->start);
    add_alt(c, HS_ASTR(&a, w->stem), STEM_WEIGHT, HS_WHY_STEM, NULL);
    {
      char key[128];
      hs_translit_key(nm, key + 1, sizeof key - 1);
      if (strlen(key + 1) >= 3 && strlen(nm) >= 4) {
        key[0] = '~';
        add_alt(c, key, FUZZY_WEIGHT, HS_WHY_FUZZY, NULL);
      }
    }
    if (expand) {
      strlist syn = {NULL, 0};
      long g = hs_smap_get(&l->stem_group, HS_ASTR(&a, w->stem),
                           strlen(HS_ASTR(&a, w->stem)));
      if (g >= 0)
        for (j = 0; j < l->groups[g].n; j++)
          sl_add(&syn, l->groups[g].s[j], strlen(l->groups[g].s[j]));
      if (nm[0] >= 'a' && nm[0] <= 'z') wn_synonyms(&l->wn, nm, &syn);
      for (j = 0; j < syn.n; j++) {
        strlist nt = {NULL, 0};
        norm_tokens(l, syn.s[j], strlen(syn.s[j]), &nt);
        if (nt.n == 1 && !is_stop(&l->stop, nt.s[0])) {
          uint32_t off;
          tmp.arena.len = 0;
          off = stem_word(l, &tmp, nt.s[0]);
          add_alt(c, HS_ASTR(&tmp, off), SYN_WEIGHT, HS_WHY_SYNONYM, syn.s[j]);
        }
        sl_free(&nt);
      }
      sl_free(&syn);
    }
  }
out:
  hs_analysis_free(&a);
  hs_analysis_free(&tmp);
  if (rc) hs_query_free(q);
  return rc;
}
