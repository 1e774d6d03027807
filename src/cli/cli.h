/*
** cli.h — what the hearsay command's files share: the state of one run,
** the helpers every command uses (messages, progress, reading inputs), and
** the table of commands.  A command lives in its own cmd_*.c file and is
** listed in main.c's table; command-specific options go through its
** `option` hook so that main.c's parser stays common to all.
*/
#ifndef HS_CLI_H
#define HS_CLI_H

#include <signal.h>
#include <stdint.h>
#include <time.h>

#include "hearsay.h"

/* Set by SIGINT/SIGTERM; the program's only global state. */
extern volatile sig_atomic_t g_interrupted;

typedef struct cli {
  const char *cmd;
  const char *db;
  const char *out;       /* -o DIR or FILE, for commands that write files */
  int format;            /* -1 until chosen */
  int progress;          /* show a progress bar on stderr */
  int quiet;
  double threshold;      /* dups */
  size_t batch;          /* index: documents per committed batch (0 = auto) */
  hs_reuse_opts opts;
  const char **paths;
  int npaths;
  unsigned long warnings;
  int bar_drawn;
  double last_draw;      /* when the progress bar was last drawn, seconds */
  /* Progress display (cli_progress): bytes of text read so far (callers add
  ** to it; shown as MB/s in stages where it grows); the current stage, its
  ** first report's time, documents and bytes, its latest report and
  ** whether that is not drawn yet; the display mode (0 not yet known, 1 a
  ** redrawn bar on a terminal, 2 plain lines for a file or pipe). */
  uint64_t bytes;
  const char *stage;
  double stage_t0;
  uint64_t stage_done0, stage_bytes0, stage_done, stage_total;
  int stage_pending;
  int progress_mode;
  void *cmd_state;       /* a command's own options, set by its hook; a
                            flat struct that main() frees */
  int ids_only;          /* the output needs document ids, no metadata */
  int keep_boilerplate;  /* --keep-boilerplate: do not mask page furniture */
} cli;

typedef struct cli_command {
  const char *name;
  int (*run)(cli *c);
  /* Called for an option main.c does not know: `value` is the next
  ** argument or NULL.  Returns the number of arguments used (1 or 2), 0 if
  ** the option is unknown too, or -1 after printing a usage error. */
  int (*option)(cli *c, const char *arg, const char *value);
} cli_command;

void cli_warn(void *ud, const char *where, const char *what);
int cli_progress(void *ud, const char *stage, uint64_t done, uint64_t total);
/* hs_reuse_opts.mask_tokens: the fixed boilerplate patterns of
** hs_boiler_find; with ud an hs_boiler_lines, the document's lines are
** recorded there too for the per-outlet rule (from its tokens). */
int cli_mask_boilerplate(void *ud, size_t doc, const hs_doc *d,
                         const hs_token *toks, size_t ntoks, hs_range **r,
                         size_t *n);
void cli_progress_done(cli *c);
int cli_exit_code(int status);
/* Print err as one line and return the matching exit code. */
int cli_fail(cli *c, const hs_error *err);
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_parse_long(const char *s, long lo, long hi, long *out);
int cli_parse_double(const char *s, double lo, double hi, double *out);
int cli_parse_size(const char *s, uint64_t *out);

/* Read c->paths into corpus; on_doc (may be NULL) is called per document. */
int cli_read_inputs(cli *c, hs_corpus *corpus,
                    int (*on_doc)(void *, hs_corpus *, size_t), void *ud,
                    hs_error *err);
/* Passages of c->paths, families assigned; texts released unless
** keep_text; per-document word counts if words is non-NULL (caller frees
** *p and *words). */
int cli_find_passages(cli *c, hs_corpus *corpus, int keep_text,
                      hs_passage **p, size_t *n, uint32_t **words,
                      hs_error *err);
/* Documents and passages of the store c->db. */
int cli_load_store(cli *c, hs_corpus *corpus, hs_passage **p, size_t *n,
                   uint32_t **words, hs_error *err);

/* Boilerplate masking and metadata (cmd_sources.c).  cli_engine_add adds
** documents [first, first+count) to the engine with their boilerplate
** masked (unless --keep-boilerplate): lists, if non-NULL, holds the ranges
** of every corpus document; otherwise the fixed patterns are found here. */
int cli_engine_add(cli *c, hs_engine *e, const hs_corpus *corpus, size_t first,
                   size_t count, const hs_range_list *lists, hs_error *err);
int cli_load_aliases(cli *c, hs_aliases **al, hs_error *err);
/* Metadata of documents [first, first+count); *out has count entries. */
int cli_metas(cli *c, const hs_corpus *corpus, const hs_aliases *al,
              const hs_range_list *boiler, size_t first, size_t count,
              hs_meta **out, hs_error *err);
int cli_sources_option(cli *c, const char *arg, const char *value);
int cmd_meta(cli *c);
int cmd_sources(cli *c);
int cmd_graph(cli *c);
int cmd_timeline(cli *c);

int cmd_reuse(cli *c);
int cmd_dups(cli *c);
int cmd_index(cli *c);
int cmd_search(cli *c);
int cmd_stories(cli *c);
int cmd_search_option(cli *c, const char *arg, const char *value);
int cmd_extract(cli *c);
int cmd_extract_option(cli *c, const char *arg, const char *value);
int cmd_trace(cli *c);

#endif
