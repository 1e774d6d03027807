/*
** subhead.h — short subheads repeated in their own document (subhead.c).
*/
#ifndef HS_SUBHEAD_H
#define HS_SUBHEAD_H

#include "hearsay.h"
#include "index/index.h"

/* Internal passages of document doc (text of len bytes, token table t,
** masked words hash 0): a whole line of HS_SUBHEAD_MIN_WORDS to
** HS_SUBHEAD_MAX_WORDS words, fewer than min_words, whose words open
** another line of the same document.  Appends to *out (grown with HS_GROW: *n used, *cap). */
void hs_subhead_find(const char *text, size_t len, const hs_doctab *t,
                     uint32_t doc, int min_words, hs_passage **out,
                     size_t *n, size_t *cap);
/* Append to *out (n passages, sorted) the passages of sub that no
** internal passage of the same document already covers on both sides,
** merged into their order; *out is realloc'ed. */
void hs_subhead_merge(hs_passage **out, size_t *n, const hs_passage *sub,
                      size_t nsub);

#define HS_SUBHEAD_MIN_WORDS 8
#define HS_SUBHEAD_MAX_WORDS 15

#endif
