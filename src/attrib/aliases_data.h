/*
** aliases_data.h — the built-in alias table (data/aliases.tsv), embedded
** at build time as a byte array by CMakeLists.txt.
*/
#ifndef HS_ALIASES_DATA_H
#define HS_ALIASES_DATA_H

#include <stddef.h>

extern const unsigned char hs_aliases_tsv[];
extern const size_t hs_aliases_tsv_len;
/* The place table (data/places.tsv), the same way. */
extern const unsigned char hs_places_tsv[];
extern const size_t hs_places_tsv_len;

#endif
