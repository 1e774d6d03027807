/*
** article_start.h — where the article begins in a scraped page (private
** to the meta stage): its headline line and the header zone around it.
*/
#ifndef HS_ARTICLE_START_H
#define HS_ARTICLE_START_H

#include <stddef.h>
#include <stdint.h>

#include "hearsay.h"

typedef struct hs_page_start {
  int found;               /* 1: a headline with its article was found */
  uint32_t line;           /* the headline's number among non-blank lines */
  uint32_t head_s, head_e; /* the headline's bytes (trimmed) */
  uint32_t zone_s, zone_e; /* the header zone: bytes a publication date may
                           ** come from (the lines around the headline, up
                           ** to the first paragraph) */
  uint32_t list_s, list_e; /* the first list of other articles' teasers
                           ** (under "More stories", "Related"): no date
                           ** there is the page's */
  int furniture;           /* no headline found, and the first paragraph
                           ** sits under 15 lines or more of mostly short
                           ** ones: the first lines are the site's menus,
                           ** no headline */
  double confidence;
} hs_page_start;

/* Find the article in text (boilerplate ranges b); out->found is 0 when no
** line has the shape of a headline over an article. */
void hs_page_start_find(const char *text, size_t len, const hs_range *b,
                     size_t nb, hs_page_start *out);

/* The article start's headline checked for its shape (headline_shape.c):
** a sentence of running text is none (found set to 0); a standfirst in
** sentence case over a title-case line over the paragraph gives way to
** that line. */
void hs_hl_adjust(const char *t, uint32_t len, hs_page_start *art);

/* lede.c: t[s, e) hashed without its spaces and tabs and CRs, ASCII case
** folded (a line printed twice in a page, article_start.c). */
uint64_t hs_hl_fold_hash(const char *t, uint32_t s, uint32_t e);

/* lede.c: the paragraphs' word keys of the last hs_lede_overlap call
** (zeroed by the caller before the first one, kept for the page: the
** candidates over the same paragraphs reuse them). */
#define HS_LEDE_SLOTS 512u
typedef struct hs_lede_set {
  uint32_t p[2][2];
  size_t np;
  int lead_ready;
  unsigned char stop_lead[256];
  uint64_t set[HS_LEDE_SLOTS];
} hs_lede_set;

/* lede.c: how many of the content words of text[cs,ce) (a headline
** candidate) the paragraphs p[0..np) (byte ranges [start, end), np 1 or
** 2) also use, and how many content words it has; ls keeps the
** paragraphs' keys from one call to the next. */
void hs_lede_overlap(const char *t, uint32_t cs, uint32_t ce,
                     const uint32_t (*p)[2], size_t np, hs_lede_set *ls,
                     int *shared, int *total);

/* 1 if text[s,e) is a menu, account or share line ("Sign in", "Share",
** "Iklan"; a trailing colon allowed): never a headline or a site's name. */
int hs_page_menu_line(const char *t, uint32_t s, uint32_t e);

#endif
