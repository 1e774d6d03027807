/*
** fuzz_attrib.c — libFuzzer target for the attribution parser alone
** (src/attrib/: cues such as "said", "according to", "نقلا عن", chains,
** denials): every source span lies inside the input, is non-empty and
** holds the source as written; content spans lie inside the input; chain
** positions count from 0.  A target of its own, beside fuzz_meta, so that
** the fuzzer spends its runs on this parser.  An input of even length is
** read with the alias table, one of odd length without it.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int cond) {
  if (!cond) abort();
}

static hs_aliases *aliases(void) {
  static hs_aliases *al; /* built once: read-only afterwards */
  if (!al) check(hs_aliases_new(&al, NULL) == HS_OK);
  return al;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  hs_attribution *a = NULL;
  size_t n = 0, i;
  if (size > 8192) size = 8192;
  /* with the alias table, or without it when the input's length is odd:
  ** one reading a run, not both, which cost half of every run; the two
  ** differ only where an alias is looked up, and the fuzzer reaches either
  ** by a byte more or less */
  check(hs_attrib_extract(text, size, size & 1 ? NULL : aliases(), &a, &n,
                          NULL) == HS_OK);
  for (i = 0; i < n; i++) {
    check(a[i].src_start < a[i].src_end && a[i].src_end <= size);
    check(a[i].source != NULL &&
          !memcmp(text + a[i].src_start, a[i].source,
                  a[i].src_end - a[i].src_start));
    check(a[i].content_start <= a[i].content_end && a[i].content_end <= size);
    check(a[i].normalized != NULL && a[i].cue != NULL);
    check(a[i].chain_pos >= 0);
    check(hs_source_type_name(a[i].type) != NULL);
  }
  hs_attributions_free(a, n);
  return 0;
}
