/*
** site_name.h — the site a scraped page names in its own furniture
** (private to the meta stage).
*/
#ifndef HS_SITE_NAME_H
#define HS_SITE_NAME_H

#include <stddef.h>

#include "hearsay.h"

/* Given the outlet the page rules found (out, with source src, NULL when
** none): a company copyright holder is replaced by the site's name, a
** holder is cleaned of its legal form, a page without an outlet gets the
** site's name.  Returns the outlet's source ("site" when named here). */
const char *hs_site_name(const hs_doc *d, const hs_aliases *a,
                         const hs_range *b, size_t nb, hs_meta_field *out,
                         const char *src);

/* 1 if the name V is spelled as a site's address ("Phys.org"; holder.c). */
int hs_pg_address_name(const char *v);

#endif
