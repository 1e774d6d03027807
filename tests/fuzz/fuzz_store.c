/*
** fuzz_store.c — libFuzzer target for the store reader on a damaged
** database file: the input is written to a file and opened as a store,
** then its documents, passages and sentence index are read and searched.
** Any input may be refused (not a hearsay database, damaged, newer
** schema) with an error, never a crash, a hang or a sanitizer report.  The
** seeds are small real stores, so mutations are plausible damage: a
** flipped byte in a page, a truncated file, a changed schema entry.  Two
** are of an older format (rollback journal, no method column: each run
** on them converts and migrates the copy); current_schema.db is what the
** current code writes (WAL, the method column, the sentence index built),
** 512-byte pages to keep it small.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearsay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int cond) {
  if (!cond) abort();
}

static const char *db_path(void) {
  static char path[64];
  if (!path[0])
    snprintf(path, sizeof path, "%s/hearsay-fuzz-store-%ld.db",
             access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp",
             (long)getpid());
  return path;
}

static void remove_db(const char *p) {
  char side[96];
  unlink(p);
  snprintf(side, sizeof side, "%s-wal", p);
  unlink(side);
  snprintf(side, sizeof side, "%s-shm", p);
  unlink(side);
  snprintf(side, sizeof side, "%s-journal", p);
  unlink(side);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *path = db_path();
  FILE *f;
  hs_store *s = NULL;
  hs_corpus *c;
  hs_passage *p = NULL;
  size_t n = 0;
  hs_error err;
  if (size > 1 << 20) return 0;
  remove_db(path);
  f = fopen(path, "wb");
  if (!f) return 0;
  if (size) check(fwrite(data, 1, size, f) == size);
  fclose(f);
  hs_error_clear(&err);
  if (hs_store_open(&s, path, &err) == HS_OK) {
    c = hs_corpus_new();
    if (hs_store_load_docs(s, c, &err) == HS_OK &&
        hs_store_load_passages(s, &p, &n, &err) == HS_OK) {
      /* A damaged page SQLite does not notice can make the documents read
      ** back short: passages may then name documents that are not there,
      ** which callers check (the command line says "database is
      ** damaged"); here they must only be readable. */
      free(p);
    }
    {
      static hs_claims *cl; /* built once (no WordNet): the tables only */
      hs_claim_hit *h = NULL;
      size_t nh = 0;
      if (!cl) check(hs_claims_new(&cl, "", &err) == HS_OK);
      if (hs_claims_search_store(cl, s, "minister said prices", 5, 0.0, &h,
                                 &nh, &err) == HS_OK)
        hs_claim_hits_free(h, nh);
    }
    hs_corpus_free(c);
  } else {
    check(err.code != HS_OK && err.msg[0]);
  }
  hs_store_close(s);
  remove_db(path);
  return 0;
}
