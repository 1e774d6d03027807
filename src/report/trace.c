/*
** trace.c — the offline HTML report of `hearsay trace`: a folder with
** index.html, the bundled front end (assets/) and the data (data/, one .js file per part).
**
** The data are JavaScript files that push one JSON object each onto the
** global HS_DATA array, because a page opened from file:// may not fetch()
** local JSON but may load <script src> files.  Document texts go into
** shards of opts->shard_docs documents so that a 30,000-article report
** opens fast and loads only the texts it shows.  Every string is escaped
** for JSON and, in addition, '<', '>', '&', U+2028 and U+2029 are written
** as \u escapes so that no text can close the script or break the parse.
**
** Offsets in the data are UTF-16 code units (what JavaScript strings
** index), computed from the library's byte offsets with the same rule the
** escaper uses: an invalid byte becomes one U+FFFD.  The folder is built
** in a temporary sibling and renamed into place, so an interrupted run
** leaves the previous report whole.  The data format is documented in
** docs/report.md; fields are only ever added.  When the caller passes each
** document's metadata (opts->metas), its attributions and boilerplate go
** into the shards (converted to UTF-16 units like the passages), the
** most-cited sources into meta.js, and a missing date or outlet is taken
** from the text.
**
** The model is built in trace_model.c and written as data files by
** trace_data.c; this file writes the folder around them.
*/
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hearsay.h"
#include "report/story_data.h"
#include "report/trace_assets.h"
#include "report/trace_int.h"
#include "util/util.h"

#define TRACE_MARKER ".hearsay-report"
#define TRACE_FORMAT 1
/* stories in head.js and stories-head.js: the Stories page's first screen */
#define HEAD_STORIES 20

/* ------------------------------------------------ the folder, atomically */

static char *path_join(const char *a, const char *b) {
  size_t na = strlen(a), nb = strlen(b);
  char *s = malloc(na + nb + 2);
  if (!s) return NULL;
  memcpy(s, a, na);
  s[na] = '/';
  memcpy(s + na + 1, b, nb + 1);
  return s;
}

/* Remove a report folder that this module wrote (files and folders only
** one level deep below assets/ and data/). */
static void remove_tree(const char *dir) {
  DIR *dp = opendir(dir);
  struct dirent *de;
  if (dp) {
    while ((de = readdir(dp))) {
      char *p;
      struct stat st;
      if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
      if (!(p = path_join(dir, de->d_name))) break;
      if (!lstat(p, &st) && S_ISDIR(st.st_mode)) remove_tree(p);
      else unlink(p);
      free(p);
    }
    closedir(dp);
  }
  rmdir(dir);
}

/* dir may be replaced if it does not exist, is empty, or holds a report. */
static int check_target(const char *dir, int *exists, hs_error *err) {
  struct stat st;
  DIR *dp;
  struct dirent *de;
  int empty = 1;
  char *marker;
  *exists = 0;
  if (stat(dir, &st)) {
    if (errno == ENOENT) return HS_OK;
    return hs_error_set(err, HS_EIO, "%s: %s", dir, strerror(errno));
  }
  if (!S_ISDIR(st.st_mode))
    return hs_error_set(err, HS_EUSAGE, "%s: exists and is not a folder; "
                        "choose another -o DIR", dir);
  *exists = 1;
  if (!(marker = path_join(dir, TRACE_MARKER))) return nomem(err);
  if (!stat(marker, &st)) {
    free(marker);
    return HS_OK;
  }
  free(marker);
  if (!(dp = opendir(dir)))
    return hs_error_set(err, HS_EIO, "%s: %s", dir, strerror(errno));
  while ((de = readdir(dp)))
    if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) empty = 0;
  closedir(dp);
  if (!empty)
    return hs_error_set(err, HS_EUSAGE, "%s: folder exists and is not a "
                        "hearsay report; it is left alone: choose another "
                        "-o DIR or remove it", dir);
  return HS_OK;
}

/* A sibling of dir: "DIR.SUFFIX-XXXXXX" made by mkdtemp. */
static char *sibling_tmp(const char *dir, const char *suffix) {
  size_t n = strlen(dir), ns = strlen(suffix);
  char *s;
  while (n > 1 && dir[n - 1] == '/') n--;
  s = malloc(n + ns + 8);
  if (!s) return NULL;
  memcpy(s, dir, n);
  memcpy(s + n, suffix, ns);
  memcpy(s + n + ns, "-XXXXXX", 8);
  return s;
}

/* mkdir -p of dir's parent folders (not dir itself). */
static int make_parents(const char *dir, hs_error *err) {
  char *p = strdup(dir);
  size_t i, n;
  int rc = HS_OK;
  if (!p) return nomem(err);
  n = strlen(p);
  while (n > 1 && p[n - 1] == '/') p[--n] = 0;
  for (i = n; i > 0 && p[i - 1] != '/'; i--) continue;
  p[i] = 0; /* the parent, with its trailing slash */
  for (i = 1; p[i]; i++) {
    if (p[i] != '/') continue;
    p[i] = 0;
    if (mkdir(p, 0777) && errno != EEXIST)
      rc = hs_error_set(err, HS_EIO, "%s: cannot create: %s", p,
                        strerror(errno));
    p[i] = '/';
    if (rc) break;
  }
  free(p);
  return rc;
}

void hs_trace_opts_default(hs_trace_opts *o) {
  memset(o, 0, sizeof *o);
  o->shard_docs = 500;
}

static int cancelled(const hs_trace_opts *o, hs_error *err) {
  if (o->cancel && *o->cancel)
    return hs_error_set(err, HS_EINTR, "interrupted");
  return HS_OK;
}

static int write_all(const model *m, const char *tmp, const hs_trace_opts *o,
                     hs_error *err) {
  static const char *subdirs[] = {"assets", "data"};
  char *path = NULL, name[64];
  size_t s, nshards, per = o->shard_docs ? o->shard_docs : 500;
  int rc = HS_OK, i;
  const char *title = o->title ? o->title : "hearsay report";
  for (i = 0; i < 2; i++) {
    if (!(path = path_join(tmp, subdirs[i]))) return nomem(err);
    if (mkdir(path, 0777)) {
      rc = hs_error_set(err, HS_EIO, "%s: cannot create: %s", path,
                        strerror(errno));
      goto out;
    }
    free(path);
    path = NULL;
  }
#define FILE_AT(rel)                              \
  do {                                            \
    free(path);                                   \
    if (!(path = path_join(tmp, rel))) {          \
      rc = nomem(err);                            \
      goto out;                                   \
    }                                             \
  } while (0)
  FILE_AT("index.html");
  if ((rc = hs_trace_write_file_bytes(path, hs_trace_asset_html,
                             hs_trace_asset_html_len, err)))
    goto out;
  FILE_AT("assets/hearsay-report.js");
  if ((rc = hs_trace_write_file_bytes(path, hs_trace_asset_js, hs_trace_asset_js_len,
                             err)))
    goto out;
  FILE_AT("assets/hearsay-report.css");
  if ((rc = hs_trace_write_file_bytes(path, hs_trace_asset_css,
                             hs_trace_asset_css_len, err)))
    goto out;
  FILE_AT("data/meta.js");
  if ((rc = hs_trace_write_meta(m, path, title, per, err))) goto out;
  FILE_AT("data/head.js");
  if ((rc = hs_trace_write_head(m, path, title, per, HEAD_STORIES, err)))
    goto out;
  FILE_AT("data/families.js");
  if ((rc = hs_trace_write_families(m, path, err))) goto out;
  if (m->story) {
    FILE_AT("data/stories.js");
    if ((rc = hs_report_write_stories(path, m->story, err))) goto out;
    FILE_AT("data/stories-head.js");
    if ((rc = hs_report_write_stories_head(path, m->story, HEAD_STORIES, err)))
      goto out;
    FILE_AT("data/claims.js");
    if ((rc = hs_report_write_claims(path, m->story, err))) goto out;
  }
  nshards = (m->ndocs + per - 1) / per;
  for (s = 0; s < nshards; s++) {
    if ((rc = cancelled(o, err))) goto out;
    snprintf(name, sizeof name, "data/docs-%04zu.js", s);
    FILE_AT(name);
    if ((rc = hs_trace_write_shard(m, path, s, per, err))) goto out;
  }
  FILE_AT(TRACE_MARKER);
  {
    static const char marker[] = "hearsay report, format 1; this folder is "
                                 "replaced by the next `hearsay trace -o`\n";
    rc = hs_trace_write_file_bytes(path, (const unsigned char *)marker,
                          sizeof marker - 1, err);
  }
#undef FILE_AT
out:
  free(path);
  return rc;
}

int hs_trace_write(const char *dir, const hs_corpus *c, const hs_passage *p,
                   size_t n, const hs_trace_opts *opts, hs_error *err) {
  model m;
  hs_trace_opts o;
  char *tmp = NULL, *old = NULL;
  int rc, exists = 0;
  if (opts) o = *opts;
  else hs_trace_opts_default(&o);
  memset(&m, 0, sizeof m);
  m.c = c;
  m.p = p;
  m.n = n;
  m.group = o.group;
  m.metas = o.metas;
  m.story = o.story;
  if (!dir || !*dir)
    return hs_error_set(err, HS_EUSAGE, "the report needs a folder name");
  if ((rc = check_target(dir, &exists, err))) return rc;
  if ((rc = make_parents(dir, err))) return rc;
  if ((rc = hs_trace_model_build(&m, err))) goto out;
  if ((rc = cancelled(&o, err))) goto out;
  if (!(tmp = sibling_tmp(dir, ".tmp"))) {
    rc = nomem(err);
    goto out;
  }
  if (!mkdtemp(tmp)) {
    rc = hs_error_set(err, HS_EIO, "%s: cannot create a folder beside it "
                      "(%s); does its parent folder exist?", dir,
                      strerror(errno));
    free(tmp);
    tmp = NULL;
    goto out;
  }
  chmod(tmp, 0755);
  if ((rc = write_all(&m, tmp, &o, err))) goto out;
  if ((rc = cancelled(&o, err))) goto out;
  if (exists) {
    if (!(old = sibling_tmp(dir, ".old")) || !mkdtemp(old)) {
      rc = old ? hs_error_set(err, HS_EIO, "%s: %s", dir, strerror(errno))
               : nomem(err);
      goto out;
    }
    rmdir(old);
    if (rename(dir, old)) {
      rc = hs_error_set(err, HS_EIO, "%s: cannot move the old report "
                        "aside: %s", dir, strerror(errno));
      goto out;
    }
  }
  if (rename(tmp, dir)) {
    rc = hs_error_set(err, HS_EIO, "%s: cannot rename the new report into "
                      "place: %s", dir, strerror(errno));
    if (old) rename(old, dir);
    goto out;
  }
  free(tmp);
  tmp = NULL;
  if (old) remove_tree(old);
out:
  if (tmp) remove_tree(tmp);
  free(tmp);
  free(old);
  hs_trace_model_free(&m);
  return rc;
}
