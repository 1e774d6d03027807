/*
** fuzz_html.c — libFuzzer target for article extraction: the input is one
** HTML page (with, taken from its first byte, an optional charset hint).
** Checks what callers rely on: no crash, text NUL-terminated and of the
** stated length, every source-map run inside the text and the page and in
** increasing order, the extra JSON produced.
**
** One extraction a run: an input whose first byte is 1 to 4 (which no
** page starts with) is the rest of the input with the charset hint that
** byte names; any other input is a page without a hint.  (Extracting every
** input twice, without and with a hint, cost half of every run.)  The
** seeds hold pages of both kinds.
**
** libxml2 keeps the last parse error it met, with its message, until the
** next one replaces it: a run that ends on an error seems to libFuzzer to
** allocate more than it frees, and libFuzzer then runs the input again to
** look for a leak (a third of the runs did).  Each run clears it.
**
** libxml2's memory comes from a pool (fuzz_pool.h, through xmlMemSetup
** before libxml2 is used): its tree, its dictionary and above all each
** parse error's message and copies (libxml2 2.9 formats and copies every
** error, HTML_PARSE_NOERROR or not) went through the sanitizer's
** allocator, a quarter of a run's CPU.  jansson's memory (the page's
** JSON-LD, the extra JSON) comes from the same pool.  After each run every
** block the two took must be back, the leak check for their objects.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

#include "hearsay.h"
#include "web/web.h"

#include "fuzz_pool.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int cond) {
  if (!cond) abort();
}

static void run(const char *page, size_t len, const char *cs) {
  hs_article *a = NULL;
  hs_error e;
  size_t i;
  char *x;
  if (hs_web_extract(page, len, cs, "https://example.com/2024/03/05/x",
                     NULL, NULL, "fuzz", &a, &e)) {
    check(a == NULL);
    return;
  }
  check(a && a->text && a->text[a->len] == '\0');
  check(strlen(a->text) <= a->len);
  for (i = 0; i < a->nmap; i++) {
    const hs_source_run *r = &a->map[i];
    check(r->text_start < r->text_end && r->text_end <= a->len);
    check(r->page_start < r->page_end);
    if (i) check(r->text_start >= a->map[i - 1].text_end);
  }
  if (a->date) check(strlen(a->date) == 10);
  x = hs_article_extra_json(a);
  check(x != NULL);
  free(x);
  hs_article_free(a);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  if (xmlMemSetup(pool_free, pool_malloc, pool_realloc, pool_strdup)) abort();
  json_set_alloc_funcs(pool_malloc, pool_free);
  pool_warm();
  xmlInitParser();
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const cs[] = {NULL, "windows-1256", "iso-8859-1",
                                   "utf-8", "x-unknown"};
  long before = pool_in_use;
  if (size && data[0] >= 1 && data[0] <= 4)
    run((const char *)data + 1, size - 1, cs[data[0]]);
  else
    run((const char *)data, size, NULL);
  xmlResetLastError();
  check(pool_in_use == before);
  return 0;
}
