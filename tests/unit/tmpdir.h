/*
** tmpdir.h — the fixture the store tests share: a fresh directory under
** /tmp with a database path in it, removed afterwards with every file the
** test left there (the database, its -wal, -shm and -journal files, and
** any other).  Static functions: include it in one test file each.
*/
#ifndef HS_TEST_TMPDIR_H
#define HS_TEST_TMPDIR_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct tmpdir {
  char dir[64];
  char db[128]; /* dir/test.db */
} tmpdir;

/* pattern ends in XXXXXX, as mkdtemp wants. */
static int tmpdir_setup(void **state, const char *pattern) {
  tmpdir *t = calloc(1, sizeof *t);
  if (!t) return -1;
  snprintf(t->dir, sizeof t->dir, "%s", pattern);
  if (!mkdtemp(t->dir)) {
    free(t);
    return -1;
  }
  snprintf(t->db, sizeof t->db, "%s/test.db", t->dir);
  *state = t;
  return 0;
}

static int tmpdir_teardown(void **state) {
  tmpdir *t = *state;
  DIR *d = opendir(t->dir);
  struct dirent *e;
  char p[400];
  while (d && (e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.' &&
        (!e->d_name[1] || (e->d_name[1] == '.' && !e->d_name[2])))
      continue;
    snprintf(p, sizeof p, "%s/%s", t->dir, e->d_name);
    unlink(p);
  }
  if (d) closedir(d);
  rmdir(t->dir);
  free(t);
  return 0;
}

#endif
