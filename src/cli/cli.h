/*
** cli.h — what the hearsay command's files share: the state of one run,
** the helpers every command uses (messages, progress, reading inputs), and
** the tables of commands and options (options.c).  A command lives in its
** own cmd_*.c file and is listed in cli_commands[]; every option is one
** entry of cli_options[], which main.c's parser, the help, the man pages
** and the bash completion all read.
*/
#ifndef HS_CLI_H
#define HS_CLI_H

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "hearsay.h"

/* Set by SIGINT/SIGTERM; the program's only global state. */
extern volatile sig_atomic_t g_interrupted;

/* Where `--aliases FILE` and the claim-search options land. */
typedef struct cli_search {
  const char *query, *aliases, *pairs, *queries, *wordnet;
  long limit;            /* --limit (0: all) */
  double min_score;
  int timeline, variants;
} cli_search;

enum { CLI_MAX_OPTIONS = 128 };

typedef struct cli {
  const char *cmd;
  const struct cli_command *command;
  const char *db;
  const char *out;       /* -o DIR or FILE, for commands that write files */
  const char *format_name; /* --format as given (NULL: the default) */
  char format_word[16];  /* the default --format of the command */
  int format;            /* hs_format of format_name; HS_FORMAT_JSONL for
                            a command's own formats (dot, gexf, passim) */
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
  void *cmd_state;       /* a command's own working state; a flat struct
                            that main() frees */
  int ids_only;          /* the output needs document ids, no metadata */
  int keep_boilerplate;  /* --keep-boilerplate: do not mask page furniture */
  const char *aliases;   /* --aliases FILE: source aliases (meta, sources) */
  /* --id-field, --text-field, --series-field (--outlet-field),
  ** --date-field, --title-field, --url-field: hs_ingest_opts' *_field */
  const char *field[6];
  cli_search search;     /* search, stories */
  int source_map;        /* extract --source-map */
  int with_text;         /* reuse --with-text */
  int flat;              /* reuse --flat */
  const char *offsets;   /* --offsets bytes|chars */
  const char *level;     /* graph --level doc|outlet */
  const char *edges;     /* graph --edges KIND,KIND */
  long story_id;         /* stories --id N */
  int no_paraphrase;     /* stories, story, graph: --no-paraphrase */
  /* given[i]: option cli_options[i] was on the command line */
  unsigned char given[CLI_MAX_OPTIONS];
  /* an engine freed on a thread of its own while the output is written
  ** (cli_find_passages); main() waits for it (cli_reap) */
  void *reaper;
} cli;

/* The option table (options.c): one entry an option, from which the
** parser, `--help`, the man pages and the bash completion are all made.
** To add an option: one entry in cli_options[] naming the commands that
** take it and the field of `cli` its value goes to. */
enum cli_type {
  CLI_FLAG,     /* no value; sets the int field to 1 */
  CLI_UNFLAG,   /* no value; sets the int field to 0 */
  CLI_INT,      /* int in [lo, hi] */
  CLI_LONG,     /* long in [lo, hi] */
  CLI_DOUBLE,   /* double in [lo, hi] */
  CLI_SIZE_T,   /* size_t in [lo, hi] */
  CLI_BYTES,    /* uint64_t byte count with K/M/G/T suffix, >= 1M */
  CLI_STRING,   /* const char *; a value "a|b|c" in `arg` lists the choices */
  CLI_HELP      /* -h, --help */
};

/* cli_option.flags */
enum {
  /* Used only when the command reads files: an error when a reading
  ** command is given --db FILE and no PATH. */
  CLI_READING = 1
};

typedef struct cli_option {
  const char *name;      /* long name, without "--" */
  char letter;           /* short option letter, or 0 */
  const char *arg;       /* name of its value in help ("N", "FILE"), NULL
                            for a flag; "a|b" lists the only values */
  int type;              /* enum cli_type */
  size_t field;          /* offsetof(cli, ...) the value goes to */
  double lo, hi;         /* range of a number */
  const char *cmds;      /* commands that take it, space separated */
  unsigned flags;
  const char *help;      /* one paragraph; "(default ...)" at its end */
} cli_option;

/* cli_command.flags */
enum {
  CLI_DB_READS = 1,      /* --db FILE without PATH reads an existing store */
  CLI_HIDDEN = 2         /* not in the command list (help itself) */
};

typedef struct cli_command {
  const char *name;
  int (*run)(cli *c);
  const char *synopsis;  /* argument lines after "hearsay NAME", one a line */
  const char *summary;   /* one line for the list of commands */
  const char *about;     /* what it does, paragraphs separated by "\n\n" */
  const char *formats;   /* --format values, the default first, "text" the
                            default on a terminal; NULL: no --format */
  unsigned flags;
  const char *examples;  /* "COMMAND LINE\tWHAT IT DOES\n" lines */
} cli_command;

extern const cli_option cli_options[];
extern const size_t cli_noptions;
extern const cli_command cli_commands[];
extern const size_t cli_ncommands;

const cli_command *cli_find_command(const char *name);
/* Whether option o is taken by the command */
int cli_option_for(const cli_option *o, const char *cmd);
/* Whether the option called name (long name) was given. */
int cli_given(const cli *c, const char *name);
/* help.c: `hearsay help ...` and `hearsay CMD --help` */
int cli_help_main(int argc, char **argv);
void cli_help_command(FILE *f, const cli_command *cmd);
/* After writing everything to standard output: 0, or 3 with one message
** if it could not be written (a full disk, /dev/full, a closed pipe). */
int cli_stdout_done(void);
void cli_help_global(FILE *f);


void cli_warn(void *ud, const char *where, const char *what);
int cli_progress(void *ud, const char *stage, uint64_t done, uint64_t total);
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
/* Wait for what cli_find_passages left to be freed on a thread. */
void cli_reap(cli *c);
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
/* The story model's documents alone (search --timeline). */
int cli_provenance_docs(cli *c, const hs_corpus *corpus, hs_provenance *pv,
                        hs_error *err);
int cmd_meta(cli *c);
int cmd_sources(cli *c);
int cmd_graph(cli *c);
int cmd_timeline(cli *c);

int cmd_reuse(cli *c);
int cmd_dups(cli *c);
int cmd_index(cli *c);
int cmd_search(cli *c);
int cmd_stories(cli *c);
int cmd_extract(cli *c);
int cmd_families(cli *c);
/* --flat, --with-text, --offsets (and --format passim) as hs_write_opts */
int cli_write_opts(cli *c, hs_write_opts *wo, hs_error *err);
/* A command that reads either a store or paths: HS_EUSAGE (err filled)
** unless exactly one of --db FILE and PATH... was given. */
int cli_db_or_paths(const cli *c, hs_error *err);
int cmd_trace(cli *c);

#endif
