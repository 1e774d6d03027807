/*
** attrib_int.h — private interface of the attribution extractor: the
** per-language tables of cues.c, used by attrib.c and attrib_post.c.
*/
#ifndef HS_ATTRIB_INT_H
#define HS_ATTRIB_INT_H

#include <stddef.h>
#include <stdint.h>

#include "hearsay.h"

enum { BEFORE = 0, AFTER = 1 };
enum { F_CITING = 1, F_DENIAL = 2, F_ATTACHED = 4, F_LINESTART = 8,
       F_INVERT = 16, F_REVERSE = 32 };
/* F_REVERSE: "B, as quoted by A": the source read after the cue is the
** citing end of the chain, the one before it the cited one. */

typedef struct cue_row {
  const char *lang, *text;
  int dir, flags;
} cue_row;

typedef struct type_word {
  const char *word;
  int type;
} type_word;

extern const cue_row hs_attr_cues[];
extern const size_t hs_attr_ncues;
/* The cues tried on a text (Arabic or Persian ones by its script) by
** first byte, in table order: those starting with byte b are
** ord[start[b]] .. ord[start[b + 1] - 1]; ord holds hs_attr_ncues. */
void hs_attr_cue_buckets(int persian, uint16_t start[257], uint16_t *ord);
/* Words that end a source read forwards (AFTER) or backwards (BEFORE). */
extern const char *const hs_attr_stop_en[], *const hs_attr_stop_ar[],
    *const hs_attr_stop_fa[];
extern const char *const hs_attr_pronouns[];
extern const type_word hs_attr_type_words[];
extern const size_t hs_attr_ntype_words;
extern const char *const hs_attr_denial_words[];

/* attrib_post.c: after extraction, in place: source spans trimmed, vague
** references marked and resolved, types from name patterns, chain
** direction for "B, as quoted by A". */
void hs_attrib_post(const char *text, size_t len, const hs_aliases *al,
                    hs_attribution *v, size_t n);

/* attrib_post.c: 1 if [a, b) holds only spaces, commas and one
** parenthesized abbreviation (a chain continues across it); the second
** source of "A quoted B as saying" / «نقلت A عن B قوله». */
int hs_attr_link_gap(const char *t, uint32_t a, uint32_t b);
const char *hs_attr_second(const char *t, uint32_t se_end, const char *cue,
                           uint32_t ce, uint32_t e, uint32_t *bs,
                           uint32_t *be);

#endif
