/*
** text.h — the tokenizer's private interface.  A hs_tokenizer holds a
** reusable token array and word buffer, so that tokenizing millions of
** documents allocates almost nothing; the folding of characters comes
** from constant tables (fold.h).  One tokenizer per thread; it is not
** thread-safe.
*/
#ifndef HS_TEXT_H
#define HS_TEXT_H

#include "hearsay.h"
#include "util/util.h"

/* Longest token in bytes: longer runs of letters are split here (at a code
** point boundary), so a token's length always fits in a byte. */
#define HS_TOKEN_MAX_BYTES 250

typedef struct hs_tokenizer hs_tokenizer;

hs_tokenizer *hs_tokenizer_new(void);
void hs_tokenizer_free(hs_tokenizer *t);

/* Tokenize text.  *toks points into the tokenizer and stays valid until the
** next call.  If norm is non-NULL, the normalized forms are appended to it,
** separated by single spaces. */
int hs_tokenizer_run(hs_tokenizer *t, const char *text, size_t len,
                     const hs_token **toks, size_t *n, hs_buf *norm);

#endif
