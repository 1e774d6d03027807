/*
** meta_pages.h — what the page-fact tests share: a corpus of one scraped
** page, its metadata, and the count of pages whose outlet, date or
** headline is not the one expected.  Static inline functions: include it in each test file that
** needs them.
*/
#ifndef HS_TEST_META_PAGES_H
#define HS_TEST_META_PAGES_H

#include <stdio.h>
#include <string.h>

#include "hearsay.h"
#include "meta/meta_int.h"


/* A corpus of one scraped page "p" (caller frees). */
static inline hs_corpus *page_corpus(const char *text) {
  hs_corpus *c = hs_corpus_new();
  assert_int_equal(hs_corpus_add(c, "p", text, strlen(text), NULL, NULL, NULL,
                                 NULL, NULL, NULL, 0, NULL), HS_OK);
  return c;
}

/* The metadata of one scraped page into *m; returns its corpus (the caller
** clears *m, then frees the corpus). */
static inline hs_corpus *page_meta(const char *text, const hs_aliases *al,
                            hs_meta *m) {
  hs_corpus *c = page_corpus(text);
  assert_int_equal(hs_meta_extract(hs_corpus_doc(c, 0), al, NULL, m, NULL),
                   HS_OK);
  return c;
}

/* The pages pages[i][0] whose outlet (hs_doc_outlet) is not pages[i][1]
** ("" for none), each printed; returns their number. */
static inline size_t outlet_misses(const char *const pages[][2], size_t n) {
  hs_aliases *al = NULL;
  size_t i, wrong = 0;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  for (i = 0; i < n; i++) {
    hs_corpus *c = page_corpus(pages[i][0]);
    char *o = hs_doc_outlet(hs_corpus_doc(c, 0), al);
    if (*pages[i][1] ? !o || strcmp(o, pages[i][1]) : o != NULL) {
      print_error("page %zu: outlet %s, expected %s\n", i, o ? o : "(none)",
                  *pages[i][1] ? pages[i][1] : "(none)");
      wrong++;
    }
    free(o);
    hs_corpus_free(c);
  }
  hs_aliases_free(al);
  return wrong;
}

/* The pages pages[i][0] whose publication date (title: 0) or headline
** (title: 1) is not pages[i][1] ("" for none), each printed; returns their
** number. */
static inline size_t fact_misses(const char *const pages[][2], size_t n,
                                 const hs_aliases *al, int title) {
  size_t i, wrong = 0;
  for (i = 0; i < n; i++) {
    hs_meta m;
    hs_corpus *c = page_meta(pages[i][0], al, &m);
    const char *got = title ? m.title.value : m.date.value;
    if (*pages[i][1] ? !got || strcmp(got, pages[i][1]) : got != NULL) {
      print_error("page %zu: %s %s, expected %s\n", i,
                  title ? "headline" : "date", got ? got : "(none)",
                  *pages[i][1] ? pages[i][1] : "(none)");
      wrong++;
    }
    hs_meta_clear(&m);
    hs_corpus_free(c);
  }
  return wrong;
}

#endif
