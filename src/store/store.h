/*
** store.h — private interface of the store stage (src/store/): small
** queries the command line needs besides the public hs_store_* calls, for
** example to skip documents that are already stored before aligning.
** The schema itself is described in docs/schema.md.
*/
#ifndef HS_STORE_H
#define HS_STORE_H

#include <stddef.h>

#include "hearsay.h"

/* Version of the schema this code writes and the newest it reads. */
#define HS_STORE_SCHEMA_VERSION 1

/* *has = 1 if a document with this id (documents.name) is stored, else 0.
** Returns HS_OK, HS_EUSAGE for a NULL argument, or HS_EDB/HS_EIO. */
int hs_store_has_doc(hs_store *s, const char *name, int *has, hs_error *err);

/* Number of stored documents and passages (either pointer may be NULL).
** Returns HS_OK or HS_EDB/HS_EIO. */
int hs_store_count(hs_store *s, size_t *ndocs, size_t *npassages,
                   hs_error *err);

/* The store's SQLite connection, for tests (fault injection through
** pragmas such as max_page_count) and diagnostics.  Borrowed: do not close
** it, and do not leave a transaction open on it. */
struct sqlite3;
struct sqlite3 *hs_store_sqlite(hs_store *s);

#endif
