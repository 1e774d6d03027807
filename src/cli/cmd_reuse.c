/*
** cmd_reuse.c — the reuse, families, dups and index commands: passages
** between the documents named on the command line or stored in a
** database, the families of copies with their members, groups of
** near-duplicates, and the incremental store.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* The record options of --flat, --with-text and --offsets; an error for
** a combination the format does not use. */
int cli_write_opts(cli *c, hs_write_opts *wo, hs_error *err) {
  hs_write_opts_default(wo);
  wo->format = c->format;
  if (!strcmp(c->format_name, "passim")) wo->format = HS_FORMAT_PASSIM;
  wo->flat = c->flat;
  wo->with_text = c->with_text;
  /* passim's offsets are characters unless --offsets bytes says not */
  wo->char_offsets = c->offsets ? !strcmp(c->offsets, "chars")
                                : wo->format == HS_FORMAT_PASSIM;
  if (c->flat && c->format != HS_FORMAT_JSONL)
    return hs_error_set(err, HS_EUSAGE, "--flat is a form of JSON Lines; "
                        "--format %s is flat already or has no fields",
                        c->format_name);
  if (c->with_text && c->format == HS_FORMAT_TEXT)
    return hs_error_set(err, HS_EUSAGE, "--with-text is for --format jsonl "
                        "or tsv; the text format quotes the passages");
  return HS_OK;
}

int cmd_reuse(cli *c) {
  hs_corpus *corpus = hs_corpus_new();
  hs_passage *p = NULL;
  hs_write_opts wo;
  size_t n = 0;
  hs_error err;
  int rc;
  hs_error_clear(&err);
  if ((rc = cli_write_opts(c, &wo, &err)))
    ;
  else if ((rc = cli_db_or_paths(c, &err)))
    ;
  else if (c->db)
    rc = cli_load_store(c, corpus, &p, &n, NULL, &err);
  else {
    /* JSON Lines and TSV need only offsets and ids: texts and metadata are
    ** freed as soon as the documents are tokenized, unless the records
    ** carry texts, metadata or character offsets. */
    int keep_text = c->format == HS_FORMAT_TEXT || wo.with_text ||
                    wo.char_offsets;
    c->ids_only = c->format != HS_FORMAT_TEXT && !wo.with_text && !wo.flat;
    rc = cli_find_passages(c, corpus, keep_text, &p, &n, NULL, &err);
  }
  cli_progress_done(c);
  if (!rc && c->opts.rank == 0) /* MPI: rank 0 writes */
    rc = hs_write_passages_ex(stdout, &wo, corpus, p, n, &err);
  free(p);
  hs_corpus_free(corpus);
  return rc ? cli_fail(c, &err) : 0;
}

/* families: each family of reused text with its members (texts kept: a
** member's record carries its text). */
int cmd_families(cli *c) {
  hs_corpus *corpus = hs_corpus_new();
  hs_passage *p = NULL;
  hs_write_opts wo;
  size_t n = 0;
  hs_error err;
  int rc;
  hs_error_clear(&err);
  if ((rc = cli_write_opts(c, &wo, &err)))
    ;
  else if ((rc = cli_db_or_paths(c, &err)))
    ;
  else if (c->db)
    rc = cli_load_store(c, corpus, &p, &n, NULL, &err);
  else
    rc = cli_find_passages(c, corpus, 1, &p, &n, NULL, &err);
  cli_progress_done(c);
  if (!rc && c->opts.rank == 0)
    rc = hs_write_families(stdout, &wo, corpus, p, n, &err);
  free(p);
  hs_corpus_free(corpus);
  return rc ? cli_fail(c, &err) : 0;
}

int cmd_dups(cli *c) {
  hs_corpus *corpus = hs_corpus_new();
  hs_passage *p = NULL;
  uint32_t *words = NULL;
  int32_t *group = NULL;
  size_t n = 0, ngroups = 0;
  hs_error err;
  int rc;
  hs_error_clear(&err);
  if ((rc = cli_db_or_paths(c, &err)))
    ;
  else if (c->db)
    rc = cli_load_store(c, corpus, &p, &n, &words, &err);
  else
    rc = cli_find_passages(c, corpus, 0, &p, &n, &words, &err);
  if (!rc)
    rc = hs_dups_group(p, n, hs_corpus_count(corpus), words, c->threshold,
                       &group, &ngroups, &err);
  cli_progress_done(c);
  if (!rc && c->opts.rank == 0) /* MPI: rank 0 writes */
    rc = hs_write_dups(stdout, c->format, corpus, group, ngroups, &err);
  free(group);
  free(words);
  free(p);
  hs_corpus_free(corpus);
  return rc ? cli_fail(c, &err) : 0;
}

/* index: the library's hs_store_index (src/store/index_run.c) with the
** command's options, its messages on standard error. */
static void index_notice(void *ud, const char *where, const char *what) {
  cli *c = ud;
  (void)where;
  if (!c->quiet) fprintf(stderr, "hearsay: %s: %s\n", c->db, what);
}

int cmd_index(cli *c) {
  hs_store *s = NULL;
  hs_store_index_opts o;
  hs_store_index_stats st;
  hs_error err;
  int rc;
  hs_error_clear(&err);
  memset(&st, 0, sizeof st);
  if (!c->db) {
    rc = hs_error_set(&err, HS_EUSAGE, "'index' needs --db FILE");
    goto out;
  }
  if ((rc = hs_store_open(&s, c->db, &err))) goto out;
  hs_store_index_opts_default(&o);
  o.reuse = c->opts;
  o.ingest.threads = c->opts.threads; /* --threads: 0 = all cores */
  o.ingest.id_field = c->field[0];
  o.ingest.text_field = c->field[1];
  o.ingest.series_field = c->field[2];
  o.ingest.date_field = c->field[3];
  o.ingest.title_field = c->field[4];
  o.ingest.url_field = c->field[5];
  o.batch = c->batch;
  o.keep_boilerplate = c->keep_boilerplate;
  o.aliases = c->aliases;
  o.warn = cli_warn;
  o.warn_ud = c;
  o.notice = index_notice;
  o.notice_ud = c;
  o.progress = cli_progress;
  o.progress_ud = c;
  o.cancel = (const volatile int *)&g_interrupted;
  if ((rc = hs_store_index(s, (const char *const *)c->paths,
                           (size_t)c->npaths, &o, &st, &err)))
    goto out;
  cli_progress_done(c);
  if (!c->quiet)
    fprintf(stderr,
            "hearsay: %s: %zu documents added, %zu already stored%s, "
            "%zu new passages; %zu documents in all\n",
            c->db, st.added, st.skipped + st.changed,
            st.changed ? " (some with a different text)" : "", st.passages,
            st.total);
out:
  hs_store_close(s);
  return rc ? cli_fail(c, &err) : 0;
}
