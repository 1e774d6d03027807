/*
** cancel.c — stopping a store's long SQLite statements when the caller's
** cancel flag is raised.  Reading a large store (documents, passages, the
** sentence index) is spent inside sqlite3_step, where no loop of ours can
** look at the flag, so SQLite's progress handler does it: every few
** thousand virtual-machine steps it reads the flag, and a raised flag makes
** the statement fail with SQLITE_INTERRUPT.  SQLite rolls back the
** statement (and an open write transaction), so the file stays as it was
** after the last commit.
*/
#include <stdint.h>

#include <sqlite3.h>

#include "hearsay.h"
#include "store/store.h"

/* Virtual-machine steps between two looks at the flag: a few microseconds
** of work, so a raised flag stops a statement at once. */
enum { CANCEL_STEPS = 4096 };

static int cancel_poll(void *ud) {
  const volatile int *flag = (const volatile int *)(uintptr_t)ud;
  return *flag != 0;
}

void hs_store_set_cancel(hs_store *s, const volatile int *cancel) {
  struct sqlite3 *db = hs_store_sqlite(s);
  if (!db) return;
  if (cancel)
    sqlite3_progress_handler(db, CANCEL_STEPS, cancel_poll,
                             (void *)(uintptr_t)cancel);
  else
    sqlite3_progress_handler(db, 0, NULL, NULL);
}
