/*
** lede.c — the words a headline candidate shares with the first
** paragraphs under it (article_start.c scores a line that tells the
** story of the paragraph below it over a slogan, a teaser or an address).
**
** A word is keyed by its first 5 letters case-folded, so that "raise",
** "raises" and "raised" meet; small, numeric and stop words (a table per
** language) have no key, and the Arabic article and its proclitics are
** shed first.  The paragraphs' keys go in a fixed open-addressing set
** (at most 256 keys) that the caller keeps: one comparison costs no
** allocation, and the candidates over the same paragraphs share it.
** Also the hash of a line without its spaces, by which article_start.c
** finds a headline printed twice.
*/
#include <string.h>

#include "meta/article_start.h"
#include "meta/meta_int.h"
#include "util/util.h"

/* Small words that say nothing of a story: not counted when a headline
** is compared with its first paragraph.  Per language; folded ASCII. */
static const char *const stop_words[] = {
    "the", "and", "for", "with", "from", "that", "this", "are", "was",
    "were", "has", "have", "had", "its", "his", "her", "their", "they",
    "into", "over", "after", "about", "will", "would", "says", "said",
    "not", "but", "you", "your", "our", "who", "what", "how", "why", "new",
    "more", "than", "out", "all", "can", "may", "just", "now", "one",
    /* pt, es, it, fr, de, id */
    "para", "com", "uma", "por", "que", "los", "las", "del", "una", "con",
    "per", "della", "dei", "les", "des", "une", "pour", "dans", "sur",
    "der", "die", "das", "und", "den", "mit", "von", "yang", "dan", "untuk",
    "dengan", NULL};

/* Prefixes a word sheds before comparison: the Arabic article and its
** proclitics («ال», «وال», «بال», «لل»). */
static const char *const word_prefixes[] = {
    "\xd9\x88\xd8\xa7\xd9\x84", "\xd8\xa8\xd8\xa7\xd9\x84",
    "\xd8\xa7\xd9\x84", "\xd9\x84\xd9\x84", NULL};

/* The bytes of the letter or digit at t[i] (a UTF-8 letter whole), or 0:
** ASCII punctuation, the Latin-1 signs (C2 xx) and the punctuation block
** (E2 xx xx: quotes, dashes) end a word. */
static uint32_t word_char(const char *t, uint32_t i, uint32_t e) {
  unsigned char c = (unsigned char)t[i];
  uint32_t n = 1;
  if (c < 0x80)
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
  if (c < 0xC3 || c == 0xE2) return 0;
  while (i + n < e && n < 4 && ((unsigned char)t[i + n] & 0xC0) == 0x80) n++;
  return n;
}

/* The key of a word: its first 5 letters case-folded (so "raise",
** "raises" and "raised" meet), or 0 for a small, numeric or stop word.
** [*i, e) is read up to the word's end. */
static uint64_t word_key(const char *t, uint32_t *i, uint32_t e,
                         const unsigned char *stop_lead) {
  uint32_t s, we, k;
  uint64_t h = 1469598103934665603ull;
  size_t j, letters = 0, max;
  while (*i < e && !word_char(t, *i, e)) (*i)++;
  s = *i;
  while (*i < e && (k = word_char(t, *i, e))) *i += k;
  we = *i;
  for (j = 0; word_prefixes[j]; j++) {
    size_t m = strlen(word_prefixes[j]);
    if (we - s > m + 4 && !memcmp(t + s, word_prefixes[j], m)) {
      s += (uint32_t)m;
      break;
    }
  }
  for (k = s; k < we; k++) letters += ((unsigned char)t[k] & 0xC0) != 0x80;
  if (letters < 3 && !(letters == 2 && we - s == 6)) return 0;
  for (j = 0; stop_lead[hs_ascii_lower[(unsigned char)t[s]]] && stop_words[j];
       j++)
    if ((unsigned char)stop_words[j][0] == hs_ascii_lower[(unsigned char)t[s]] &&
        hs_meta_starts_ci(t, s, we, stop_words[j]) &&
        strlen(stop_words[j]) == we - s)
      return 0;
  /* Hangul words carry their particles: 2 syllables */
  max = (unsigned char)t[s] >= 0xEA && (unsigned char)t[s] <= 0xED ? 2 : 5;
  for (k = s, letters = 0; k < we; k++) {
    unsigned char c = (unsigned char)t[k];
    if ((c & 0xC0) != 0x80 && ++letters > max) break;
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    h = (h ^ c) * 1099511628211ull;
  }
  return h | 1;
}

void hs_lede_overlap(const char *t, uint32_t cs, uint32_t ce,
                     const uint32_t (*p)[2], size_t np, hs_lede_set *ls,
                     int *shared, int *total) {
  uint64_t *set = ls->set;
  uint32_t i, budget = 0;
  size_t k;
  if (!ls->lead_ready) {
    /* the bytes that open a stop word: a word is tried against the list
    ** only when one opens it (one compare a stop word is traced in the
    ** fuzz build) */
    memset(ls->stop_lead, 0, sizeof ls->stop_lead);
    for (k = 0; stop_words[k]; k++)
      ls->stop_lead[(unsigned char)stop_words[k][0]] = 1;
    ls->lead_ready = 1;
  }
  /* the paragraphs' keys: kept while the next candidate has the same
  ** paragraphs under it */
  if (!(ls->np == np && (np < 1 || (ls->p[0][0] == p[0][0] &&
                                    ls->p[0][1] == p[0][1])) &&
        (np < 2 || (ls->p[1][0] == p[1][0] && ls->p[1][1] == p[1][1])))) {
    memset(set, 0, sizeof ls->set);
    ls->np = np;
    for (k = 0; k < np && k < 2; k++)
      ls->p[k][0] = p[k][0], ls->p[k][1] = p[k][1];
    for (k = 0; k < np; k++)
      for (i = p[k][0]; i < p[k][1] && budget < HS_LEDE_SLOTS / 2;) {
        uint64_t h = word_key(t, &i, p[k][1], ls->stop_lead);
        uint32_t slot;
        if (!h) continue;
        for (slot = (uint32_t)(h >> 7) % HS_LEDE_SLOTS;
             set[slot] && set[slot] != h; slot = (slot + 1) % HS_LEDE_SLOTS) {}
        if (!set[slot]) set[slot] = h, budget++;
      }
  }
  *shared = *total = 0;
  for (i = cs; i < ce;) {
    uint64_t h = word_key(t, &i, ce, ls->stop_lead);
    uint32_t slot;
    if (!h) continue;
    ++*total;
    for (slot = (uint32_t)(h >> 7) % HS_LEDE_SLOTS; set[slot] && set[slot] != h;
         slot = (slot + 1) % HS_LEDE_SLOTS) {}
    *shared += set[slot] == h;
  }
}

/* By table and mask, no test a byte (each test of a byte loop is a call
** in the fuzz build, and article_start.c hashes long paragraphs). */
uint64_t hs_hl_fold_hash(const char *t, uint32_t s, uint32_t e) {
  static const unsigned char sp_byte[256] = {[' '] = 1, ['\t'] = 1, ['\r'] = 1};
  uint64_t h = 1469598103934665603ull;
  const unsigned char *p = (const unsigned char *)t + s,
                      *end = (const unsigned char *)t + e;
  for (; p < end; p++) {
    uint64_t keep = (uint64_t)sp_byte[*p] - 1;
    uint64_t next = (h ^ hs_ascii_lower[*p]) * 1099511628211ull;
    h = (next & keep) | (h & ~keep);
  }
  return h;
}
