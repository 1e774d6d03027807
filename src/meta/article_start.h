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

/* lede.c: how many of the content words of text[cs,ce) (a headline
** candidate) the paragraphs p[0..np) (byte ranges [start, end)) also
** use, and how many content words it has. */
void hs_lede_overlap(const char *t, uint32_t cs, uint32_t ce,
                     const uint32_t (*p)[2], size_t np, int *shared,
                     int *total);

/* 1 if text[s,e) is a menu, account or share line ("Sign in", "Share",
** "Iklan"; a trailing colon allowed): never a headline or a site's name. */
int hs_page_menu_line(const char *t, uint32_t s, uint32_t e);

#endif
