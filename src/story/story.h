/*
** story.h — private interface of the story stage (src/story/): the
** paraphrase finder the model calls, and helpers shared by the model and
** its writers.
*/
#ifndef HS_STORY_H
#define HS_STORY_H

#include <stddef.h>
#include <stdint.h>

#include "hearsay.h"
#include "util/util.h"

/* Days since 1970-01-01 of a "YYYY-MM-DD" date; 0 and *ok = 0 if not one. */
long hs_story_days(const char *date, int *ok);

/* A paraphrase between two documents: the best matched sentence pair. */
typedef struct hs_para {
  uint32_t a, b;            /* documents, a < b */
  uint32_t a_start, a_end, b_start, b_end;
  double similarity;         /* hs_claims_compare's, changes counted */
  double words;              /* its words' similarity (numbers aligned) */
  uint32_t sentences;       /* matched sentence pairs between them */
  uint32_t lead;            /* pairs not closing both documents */
} hs_para;

/* Sentence pairs of different documents stating the same claim in other
** words (paraphrase.c explains the rules): candidates share at least
** three rare words (a word in at most HS_PARA_DF_CAP sentences, two in at
** most HS_PARA_SPECIFIC_DF; stock text masked, stock.c) covering
** a third of the shorter sentence; hs_claims_compare's words score must
** reach threshold, or HS_PARA_WEAK for two lead sentences (the first
** HS_PARA_LEAD of their documents, headline included) of different known
** outlets sharing HS_PARA_WEAK_SHARED rare words, or HS_PARA_STRONG for
** two sentences of different known outlets, both written with case, that
** share HS_PARA_STRONG_SHARED rare words, HS_PARA_STRONG_WHAT of them
** common words or numbers.  Sentences repeated word
** for word, and sentences found in three documents or more, are no
** paraphrase, nor are pairs without the same who and what (paraphrase.c).  docs (may be NULL) gives the outlets and dates; group
** (may be NULL) a group per document (the reuse joins: a report and its
** reprints), whose documents count once for recurrence, only the
** earliest copy of a reprinted sentence being kept.  Document pairs for
** which skip(ud, a, b) is nonzero are not looked at.  One hs_para per
** document pair (its best sentence pair).  *out malloc'ed. */
#define HS_PARA_DF_CAP 64
#define HS_PARA_SPECIFIC_DF 24
#define HS_PARA_LEAD 3
#define HS_PARA_WEAK 0.28
#define HS_PARA_WEAK_SHARED 4
#define HS_PARA_BACKGROUND_DAYS 7 /* closing lines further apart: background */
#define HS_PARA_STRONG 0.40
#define HS_PARA_STRONG_SHARED 6
#define HS_PARA_STRONG_WHAT 4
int hs_story_paraphrases(const hs_corpus *c, hs_claims *claims,
                         double threshold, const hs_pdoc *docs,
                         const uint32_t *group,
                         int (*skip)(void *ud, uint32_t a, uint32_t b),
                         void *ud, hs_para **out, size_t *n, hs_error *err);

/* Stock text (stock.c, data/stock.tsv): quotations, formulas and page
** furniture that are not the claim of a sentence; background phrases and
** sentence shapes (shape.c: lists of names, definitions) that make a
** sentence no claim.  The conjunction, copula and relative kinds are
** one-word classes for those shapes. */
enum {
  HS_STOCK_FORMULA = 1, HS_STOCK_QUOTE, HS_STOCK_FURNITURE,
  HS_STOCK_BACKGROUND, HS_STOCK_LIST, /* sentence verdicts */
  HS_STOCK_CONJUNCTION, HS_STOCK_COPULA, HS_STOCK_RELATIVE /* word classes */
};
enum { HS_WORD_CONJUNCTION = 1, HS_WORD_COPULA = 2, HS_WORD_RELATIVE = 4 };
typedef struct hs_stock hs_stock;
/* The built-in table. */
int hs_stock_new(hs_stock **out, hs_error *err);
/* A table in the format of data/stock.tsv (name for messages). */
int hs_stock_parse(hs_stock **out, const char *text, size_t len,
                   const char *name, hs_error *err);
void hs_stock_free(hs_stock *st);
/* The n tokens tok (hs_tokenize's, offsets into text) of the sentence at
** bytes [s, e) of text: mask[k] = 1 for each stock word or list item (st
** may be NULL: brackets only).  Returns 0 when the sentence may state a
** claim, else why not: HS_STOCK_FURNITURE, HS_STOCK_BACKGROUND (a
** background phrase or a definition) or HS_STOCK_LIST (mostly a list). */
int hs_stock_mask(const hs_stock *st, const char *text, uint32_t s,
                  uint32_t e, const hs_token *tok, size_t n, uint8_t *mask);
/* The HS_WORD_* classes of a word (its hs_tokenize hash) in the table. */
unsigned hs_stock_word_class(const hs_stock *st, uint64_t hash);

/* Sentence shapes (shape.c).  Masks the items of each list (LIST_RUN
** items or more of a few words between separators, names where the
** script has case) among the n tokens from byte s of text; returns how
** many words it masked. */
size_t hs_shape_lists(const hs_stock *st, const char *text, uint32_t s,
                      const hs_token *tok, size_t n, uint8_t *mask);
/* Whether masked list words of n make the sentence mostly a list, or its
** n tokens are mostly numbers (a table row). */
int hs_shape_is_list(const char *text, const hs_token *tok, size_t masked,
                     size_t n);
/* Whether the sentence opens as a definition ("X is a ... that"). */
int hs_shape_definition(const hs_stock *st, const char *text,
                        const hs_token *tok, size_t n);

/* Who and what (shape.c).  A paraphrase restates one specific claim: the
** same who (a name or a number both sentences hold) and the same what
** (words that are not names).  hs_shape_words classifies the n tokens of
** a sentence and returns its kind: HS_SENT_CASED (a script with case,
** written as prose: a capital inside it opens a name), HS_SENT_CAPS (all
** capitals, or title case: no common word in lower case, so no word tells
** whether it is a name), HS_SENT_CASELESS (Arabic, Persian: every word
** counts as a common word), or HS_SENT_FRAGMENT (prose opening in lower
** case: the end of another sentence, "asked Henry Rosenberg, chairman of
** ...").  flags[k] holds HS_WF_STOP for the stopwords on entry and gets
** the HS_WF_* of token k: LOW (a common word: lower case, or a caseless
** script), NAME (a capital inside a prose sentence), NUM (opens with a
** digit); none in a capitals line. */
enum { HS_SENT_CASED = 1, HS_SENT_CAPS, HS_SENT_CASELESS, HS_SENT_FRAGMENT };
enum { HS_WF_LOW = 1, HS_WF_NAME = 2, HS_WF_NUM = 4, HS_WF_STOP = 8 };
int hs_shape_words(const char *text, const hs_token *tok, size_t n,
                   uint8_t *flags);
/* Another who in the same words: two names written alike but for one
** word ("the Marlin Grace" / "the Marlin Hope"), the word of each side
** (a name by its flags, as hs_shape_words gives them) found nowhere in
** the other document (da, db: the documents' token hashes, sorted). */
int hs_shape_name_swap(const hs_token *a, const uint8_t *fa, size_t na,
                       const hs_token *b, const uint8_t *fb, size_t nb,
                       const uint64_t *da, size_t nda, const uint64_t *db,
                       size_t ndb);
/* Whether the n bytes at p are no prose at all: a link line (a web or
** e-mail address, a handle: "(@user)", a host name "ftp.astro.psu.edu"),
** an aside wholly in brackets ("(See ECRA page for ...)", "[Photo:
** ...]"), a message's header line ("Organization:", "Received:"), a line
** quoting another message ("> ..."), or a row of a box or table (two
** bars "|" or more). */
int hs_shape_not_prose(const char *p, size_t n);

/* What differs between two sentences stating one claim (numbers, places
** and actors, dates), as a JSON array; NULL when nothing. */
char *hs_story_changes(hs_claims *claims, const char *a, const char *b);

/* Append an edge of kind between documents a and b, earlier -> later by
** the model's date rule (ties and undated: lower index first). */
hs_plink *hs_story_link_add(hs_provenance *pv, size_t *cap, int kind,
                            uint32_t a, uint32_t b);

/* 1 when the news of a or b (its first sentences of prose) is carried
** into the other, word 4-grams compared (news.c): a reuse join needs it;
** 1 as well when a text is missing. */
int hs_story_news_shared(const hs_doc *a, const hs_doc *b);
/* Whether reuse link l (its passages' span_words on both sides, the
** later document's later_words) may join two stories as far as the news
** goes: always, unless both documents are of one outlet or either is an
** agency's; then when the later one is mostly a close copy or
** hs_story_news_shared says so (news.c). */
int hs_story_news_join(const hs_provenance *pv, const hs_corpus *c,
                       const hs_aliases *al, const hs_plink *l,
                       uint64_t span_words, uint32_t later_words);
/* Template siblings: sib[0..nsib) holds (a << 32 | b), both ways, for
** each reuse pair refused by hs_story_news_join (one template, two
** events).  Joins the paraphrases para[0..npara) into parent, first those
** touching no sibling, then the others unless one end's sibling is
** already in the other end's story (x is another event than y, and z
** retells y: x does not retell z).  Returns drop[i] = 1 for the
** paraphrases left out (malloc'ed, npara + 1 bytes). */
uint8_t *hs_story_siblings(uint32_t *parent, uint64_t *sib, size_t nsib,
                           const hs_para *para, size_t npara);

/* 1 when document d (its metadata m, may be NULL) is a denial: a denial
** attribution in its lead paragraph (lead.c). */
int hs_story_denial(const hs_doc *d, const hs_meta *m);

/* The first line of a document, at most 160 bytes (lead.c; malloc'ed,
** NULL when none): the headline of a document without a title. */
char *hs_story_first_line(const hs_doc *d);

/* 1 when t[st, en) is a credit in brackets, "(Reuters)" (cite.c): a
** dateline's or a photo's credit, no citation. */
int hs_story_is_credit(const char *t, size_t len, uint32_t st, uint32_t en);

/* 1 when the byte at `at` cannot continue an ASCII word (or at >= len). */
int hs_story_word_edge(const char *t, size_t len, size_t at);

/* Citation edges inside the stories (cite.c): the cited outlet's earliest
** document -> the citing document.  parent: the union-find of the
** stories; slot[root]: the story index, UINT32_MAX for none. */
void hs_story_citations(hs_provenance *pv, size_t *cap, const hs_corpus *c,
                        const hs_meta *metas, const hs_aliases *al,
                        uint32_t *parent, const uint32_t *slot);

/* The join across scripts (xlang.c): a document that names an outlet
** joins the story of that outlet's document in another script (Latin,
** Arabic script, Cyrillic) dated its day or up to HS_XLANG_DAYS before,
** when the two share a figure, a name (consonant skeletons) and
** HS_XLANG_EVIDENCE figures and names in all.  Unions in parent; returns
** the joins made (*out malloc'ed). */
#define HS_XLANG_DAYS 7
#define HS_XLANG_EVIDENCE 3
typedef struct hs_xjoin {
  uint32_t cited, citing;   /* the cited outlet's document, the citing one */
  uint32_t start, end;      /* the name in the citing document */
  const char *outlet;       /* borrowed from the model's documents */
} hs_xjoin;
size_t hs_story_xlang(const hs_provenance *pv, const hs_corpus *c,
                      const hs_meta *metas, const hs_aliases *al,
                      uint32_t *parent, hs_xjoin **out);
/* The citation edge of each join that cite.c did not make. */
void hs_story_xlang_edges(hs_provenance *pv, size_t *cap, const hs_xjoin *j,
                          size_t n);

#endif
