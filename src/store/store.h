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
/* *yes = 1 if the query sql, with arg bound to ?1, returns a row.  doing
** names the step in an error message. */
int hs_store_row_exists(hs_store *s, const char *sql, const char *arg,
                        int *yes, const char *doing, hs_error *err);

/* Whether document d (by id) is stored, and with the same text. */
enum { HS_DOC_ABSENT = 0, HS_DOC_SAME = 1, HS_DOC_DIFFERENT = 2 };
int hs_store_doc_state(hs_store *s, const hs_doc *d, int *state,
                       hs_error *err);

/* A read transaction around many look-ups (else SQLite locks and unlocks
** the file for each); read_end commits it if one is open. */
int hs_store_read_begin(hs_store *s, hs_error *err);
void hs_store_read_end(hs_store *s);

/* Number of stored documents and passages (either pointer may be NULL).
** Returns HS_OK or HS_EDB/HS_EIO. */
int hs_store_count(hs_store *s, size_t *ndocs, size_t *npassages,
                   hs_error *err);

/* Append the stored documents with these doc_ids to c, in the order
** given (texts and metadata; the corpus index is then not the doc_id).
** Returns HS_OK, HS_EDB for an id that is not stored, or HS_EIO. */
int hs_store_load_docs_at(hs_store *s, hs_corpus *c, const size_t *ids,
                          size_t n, hs_error *err);

/* Called by hs_store_commit_at inside its transaction, after the documents
** and passages are inserted and before families are recomputed: what it
** writes is committed with them or not at all.  Nonzero fails the commit. */
typedef int (*hs_store_hook)(hs_store *s, void *ud, hs_error *err);

/* Like hs_store_commit, but corpus documents [first, first+count) are
** stored with doc_id base, base+1... (the store must hold exactly doc_ids
** [0, base)), and the passages name doc_ids, not corpus indexes: a store
** need not be loaded whole to add to it.  hook (may be NULL) adds its own
** rows to the same transaction. */
int hs_store_commit_at(hs_store *s, const hs_corpus *c, size_t first,
                       size_t count, size_t base, const hs_passage *p,
                       size_t n, hs_store_hook hook, void *ud,
                       hs_error *err);

/* An SQLite result code as a status and a message naming the database and
** what was being done (disk full, locked, damaged...), for the store's
** other files. */
int hs_store_db_error(hs_store *s, hs_error *err, int rc, const char *doing);
/* The database's path as given to hs_store_open. */
const char *hs_store_path(const hs_store *s);

/* The store's SQLite connection, for tests (fault injection through
** pragmas such as max_page_count) and diagnostics.  Borrowed: do not close
** it, and do not leave a transaction open on it. */
struct sqlite3;
struct sqlite3 *hs_store_sqlite(hs_store *s);

#endif
