/*
** lexicon_int.h — what lexicon.c and wordnet.c share: the WordNet reader
** that the lexicon holds, and the string list both use.
*/
#ifndef HS_LEXICON_INT_H
#define HS_LEXICON_INT_H

#include <stddef.h>
#include <stdio.h>

#include "claims/claims.h"

typedef struct wn_file {
  const char *text; /* the whole file, mapped read-only */
  size_t len;
} wn_file;

enum { WN_NOUN, WN_VERB, WN_ADJ, WN_NPOS };

typedef struct wordnet {
  int loaded, missing;
  char *dir;
  wn_file index[WN_NPOS], exc[WN_NPOS];
  FILE *data[WN_NPOS];
} wordnet;

typedef struct strlist {
  char **s;
  size_t n;
} strlist;

/* Add the string s[0..len) to l unless it is already there; sl_free
** frees the list. */
void sl_add(strlist *l, const char *s, size_t len);
void sl_free(strlist *l);

/* Release what the WordNet reader loaded. */
void wn_free(wordnet *w);
/* Synonyms of the word (all parts of speech) into out; WordNet is loaded
** on first use, and a missing WordNet gives none. */
void wn_synonyms(wordnet *w, const char *word, strlist *out);

#endif
