/*
** parents_data.h — the built-in table of media companies and the
** publications they own (data/parents.tsv), embedded at build time as a
** byte array by CMakeLists.txt.
*/
#ifndef HS_PARENTS_DATA_H
#define HS_PARENTS_DATA_H

#include <stddef.h>

extern const unsigned char hs_parents_tsv[];
extern const size_t hs_parents_tsv_len;

#endif
