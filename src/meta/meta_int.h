/*
** meta_int.h — private interface of the meta and attrib stages: the date
** scanner behind hs_date_find, JSON and XML string writers shared by the
** metadata and graph writers, and the store tables of both stages.
*/
#ifndef HS_META_INT_H
#define HS_META_INT_H

#include <stddef.h>
#include <stdio.h>

#include "hearsay.h"

/* Every date in text, in order, at most max; returns their number. */
size_t hs_date_scan(const char *text, size_t len, hs_date *out, size_t max);
/* 1 if y-m-d is a Gregorian date of years 1000..2999. */
int hs_date_valid(int y, int m, int d);

/* A JSON string of n bytes of s (invalid UTF-8 becomes U+FFFD). */
/* XML-escaped text (for attributes and elements); invalid UTF-8 and
** control characters become U+FFFD. */
void hs_xml_str(FILE *f, const char *s);

#endif
