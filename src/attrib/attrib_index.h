/*
** attrib_index.h — the attribution reader's cue and type-word indexes,
** apart from attrib_int.h so that the alias table (aliases.c), which
** builds and keeps them, needs nothing else of the reader.
*/
#ifndef HS_ATTRIB_INDEX_H
#define HS_ATTRIB_INDEX_H

#include <stdint.h>

#include "hearsay.h"

#define HS_ATTR_CUE_BUCKETS 256
#define HS_ATTR_LEAD_BUCKETS 256
#define HS_ATTR_DENIAL_MAX 32

/* The cue buckets of both scripts (index 1: Persian) and the type
** keywords by bucket, as hs_attr_cue_buckets and hs_attr_type_index give
** them.  They depend on the tables alone, so an alias table builds them
** once (hs_aliases_new) and every extraction with that table reads them;
** an extraction without one reads hs_attr_index_shared. */
typedef struct hs_attr_index {
  uint16_t cue_start[2][HS_ATTR_CUE_BUCKETS + 1];
  uint16_t *cue_ord[2];
  uint16_t type_start[HS_ATTR_LEAD_BUCKETS + 1];
  uint16_t *type_ord;
  /* the denial words (hs_attr_denial_words) by first byte: 1 + the row of
  ** the first word opening with byte c is denial_head[c] (0: none), 1 +
  ** the next one's is denial_next[row]; denial_len[row] its length */
  unsigned char denial_head[256];
  unsigned char denial_next[HS_ATTR_DENIAL_MAX];
  unsigned char denial_len[HS_ATTR_DENIAL_MAX];
} hs_attr_index;
/* which: 0 the cues of non-Persian texts, 1 Persian ones, 2 both. */
void hs_attr_index_build(hs_attr_index *x, int which);
void hs_attr_index_free(hs_attr_index *x);
/* The index of both scripts, built once a process (cues.c). */
const hs_attr_index *hs_attr_index_shared(void);
/* aliases.c: hs_aliases_lookup of the whole text (HS_ALIAS_WHOLE), else
** hs_aliases_find_in (its entry, or -1), with one tokenizing of a name
** that needs one, not two. */
#define HS_ALIAS_WHOLE (-2)
long hs_aliases_lookup_in(const hs_aliases *a, const char *text, size_t len,
                          const char **canonical, int *type, uint32_t *start,
                          uint32_t *end);
/* aliases.c: hs_aliases_lookup_in of the first lens[k] bytes of text, for
** lens ascending, with one tokenizing where it serves them all; r is its
** result, start and end 0 unless a name inside was found. */
typedef struct hs_alias_hit {
  long r;
  const char *canonical;
  int type;
  uint32_t start, end;
} hs_alias_hit;
void hs_aliases_lookup_in_ends(const hs_aliases *a, const char *text,
                               const uint32_t *lens, size_t nl,
                               hs_alias_hit *out);
/* aliases.c: the index built with the table a. */
const hs_attr_index *hs_aliases_attr_index(const hs_aliases *a);

#endif
