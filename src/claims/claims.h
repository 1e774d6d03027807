/*
** claims.h — private interface of the claims stage (src/claims/): the
** lexicon that turns text into index terms (stems, transliteration keys,
** alias entities) and expands a query word into weighted alternatives
** (synonyms from WordNet and the shipped table), the BM25 scorer shared by
** the in-memory index and the store, and the store's sentence tables.
**
** Terms are plain strings: a stem ("helicopt"), "~" + a transliteration
** key for a name ("~dar" for Deir/Dayr), "@" + a canonical entity
** ("@isis").  The same analysis runs on queries and on sentences.
*/
#ifndef HS_CLAIMS_H
#define HS_CLAIMS_H

#include <stddef.h>
#include <stdint.h>

#include "hearsay.h"
#include "util/util.h"

/* Why a query alternative matched (the `explain` field's "why"). */
enum hs_why {
  HS_WHY_EXACT = 0,
  HS_WHY_STEM,
  HS_WHY_SYNONYM,
  HS_WHY_ALIAS,
  HS_WHY_FUZZY
};
const char *hs_why_name(int why);

/* One analyzed word.  String fields are offsets into the analysis arena
** (UINT32_MAX = none). */
typedef struct hs_aword {
  uint32_t start, end;  /* bytes in the analyzed text */
  uint32_t norm, stem, key, alias;
  uint16_t alias_len;   /* words covered by the alias starting here */
  uint8_t stop, cap, in_alias;
} hs_aword;

typedef struct hs_analysis {
  hs_aword *w;
  size_t n, cap;
  hs_buf arena;
  size_t dl;  /* words that count for BM25 (not stopwords) */
} hs_analysis;

#define HS_NOSTR UINT32_MAX
#define HS_ASTR(a, off) ((a)->arena.p + (off))

typedef struct hs_lexicon hs_lexicon;

int hs_lex_new(hs_lexicon **out, const char *wordnet_dir, hs_error *err);
void hs_lex_free(hs_lexicon *l);
/* The stopword table (normalized words; *n gets its length). */
const char *const *hs_lex_stopwords(size_t *n);
/* Add entries in the entities.tsv format (see data/entities.tsv). */
int hs_lex_add_table(hs_lexicon *l, const char *text, size_t len,
                     const char *name, hs_error *err);
/* Analyze text into words (a is reset first). */
int hs_lex_analyze(hs_lexicon *l, const char *text, size_t len,
                   hs_analysis *a, hs_error *err);
void hs_analysis_init(hs_analysis *a);
void hs_analysis_free(hs_analysis *a);

/* The transliteration key of one word (ASCII letters only; other scripts
** give ""), written into buf (cap bytes). */
void hs_translit_key(const char *word, char *buf, size_t cap);

/* A query concept: one query word (or alias span) and its alternatives. */
typedef struct hs_qalt {
  char *term;
  double weight;
  int why;
  char *via;   /* the synonym or alias form that produced it, or NULL */
} hs_qalt;

typedef struct hs_qconcept {
  char *word;  /* the query word(s) as typed */
  hs_qalt *alt;
  size_t nalt;
} hs_qconcept;

typedef struct hs_query {
  hs_qconcept *c;
  size_t n;
} hs_query;

int hs_lex_query(hs_lexicon *l, const char *text, size_t len, int expand,
                 hs_query *q, hs_error *err);
void hs_query_free(hs_query *q);

/* Collection statistics for BM25. */
typedef struct hs_bm25_stats {
  double n;      /* sentences */
  double avgdl;  /* average words per sentence */
  double (*df)(void *ud, const char *term);
  void *ud;
} hs_bm25_stats;

/* BM25 (k1 1.2, b 0.75) of an analyzed sentence for a query; each concept
** counts once, with its best alternative.  If explain is non-NULL, a JSON
** array of the matches is appended to it.  *max gets the score a sentence
** matching every concept exactly would get (for a 0..1 score). */
double hs_bm25_score(const hs_query *q, const hs_analysis *a,
                     const hs_bm25_stats *st, double *max, hs_buf *explain,
                     const char *text);

/* idf of alternative j of a concept whose first alternative has idf0: an
** alternative other than the query word's own stem weighs at most idf0,
** so that a rare synonym does not outweigh the word itself. */
double hs_alt_idf(double n, double df, double idf0, size_t j);

/* A month or weekday name (lower case; variants.c's table)? */
int hs_claims_date_word(const char *norm);

/* Claim similarity features (similarity.c; names: hs_claim_feature_name). */
enum hs_claim_feature {
  HS_CF_BM25, HS_CF_COVER_MIN, HS_CF_COVER_MAX, HS_CF_PLAIN_MIN,
  HS_CF_PLAIN_MAX, HS_CF_MISSING_MIN, HS_CF_MISSING_MAX, HS_CF_BIGRAMS,
  HS_CF_TRIGRAMS, HS_CF_LENGTH, HS_CF_NUMBERS_SAME, HS_CF_NUMBERS_CHANGED,
  HS_CF_NUMBERS_ONE_SIDE, HS_CF_NEGATION, HS_CF_NAMES_CHANGED,
  HS_CF_NAMES_ONE_SIDE, HS_CF_UNIGRAMS, HS_CF_FOURGRAMS, HS_CF_LCS,
  HS_CF_CHARS, HS_CF_MISSING_IDF_MIN, HS_CF_MISSING_IDF_MAX, HS_CF_WORDS_MIN,
  HS_CF_WORDS_MAX, HS_CF_EDITS
};
/* The word features of a and b into x[HS_CLAIM_NFEATURES] (the others
** zero); *identical when both have the same words in the same order;
** *latin when both are mostly Latin-script words (the model's table). */
int hs_claims_word_features(hs_claims *c, const char *a, const char *b,
                            double *x, int *identical, int *latin,
                            hs_error *err);
/* The claim similarity: the fixed logistic model over all features, with
** the table for Latin-script pairs or the one for the others. */
double hs_claims_model(const double *x, int latin);

/* Append the index terms of an analyzed sentence to b, space-separated. */
void hs_analysis_terms(const hs_analysis *a, hs_buf *b);



/* A string → index map (open addressing; keys are copied). */
typedef struct hs_smap_slot {
  char *key;    /* NULL: empty */
  uint32_t tag; /* high half of the key's hash: most probes stop there */
  uint32_t val;
} hs_smap_slot;
typedef struct hs_smap {
  hs_smap_slot *slots; /* one 16-byte record a slot: one cache line a probe */
  size_t n, cap;
} hs_smap;
void hs_smap_init(hs_smap *m);
void hs_smap_free(hs_smap *m);
/* Value of key, or -1. */
long hs_smap_get(const hs_smap *m, const char *key, size_t len);
/* Insert key with val if absent; returns the (old or new) value. */
uint32_t hs_smap_put(hs_smap *m, const char *key, size_t len, uint32_t val);
#endif
