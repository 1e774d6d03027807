/*
** main.c — the hearsay command.  It parses arguments, wires warnings,
** progress and Ctrl-C to the library, and maps status codes to exit codes;
** all the work is done by libhearsay through include/hearsay.h.  Each
** subcommand lives in its own cmd_*.c file and is listed in `commands`.
**
** The only global state of the program lives here: the interrupt flag set
** by the signal handler (the library polls it through the progress and
** cancel hooks, so an interrupted `index` rolls back its open transaction
** and leaves the database as it was after the last committed batch).
*/
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

volatile sig_atomic_t g_interrupted = 0;

static void on_signal(int sig) {
  (void)sig;
  g_interrupted = 1;
  signal(SIGINT, SIG_DFL); /* a second Ctrl-C ends the program at once */
}

static const cli_command commands[] = {
    {"reuse", cmd_reuse, NULL},
    {"dups", cmd_dups, NULL},
    {"index", cmd_index, cli_sources_option},
    {"meta", cmd_meta, cli_sources_option},
    {"sources", cmd_sources, cli_sources_option},
    {"graph", cmd_graph, cli_sources_option},
    {"timeline", cmd_timeline, cli_sources_option},
    {"search", cmd_search, cmd_search_option},
    {"stories", cmd_stories, cmd_search_option},
    {"extract", cmd_extract, cmd_extract_option},
    {"trace", cmd_trace, cli_sources_option},
};

static const char *usage_text =
    "usage: hearsay COMMAND [OPTIONS] PATH...\n"
    "\n"
    "Commands:\n"
    "  reuse PATH...        passages reused between documents (and repeated\n"
    "                       inside one); PATH is a file, a directory, a .jsonl\n"
    "                       (.gz, .zst) file, or - for standard input\n"
    "  reuse --db FILE      the passages stored in FILE\n"
    "  dups PATH...         groups of near-duplicate documents\n"
    "  dups --db FILE       the same, from a store\n"
    "  index --db FILE PATH...  add documents to a store; only new ones are\n"
    "                       processed\n"
    "  trace PATH... [-o DIR] [--db FILE]  write an offline HTML report of\n"
    "                       the reuse to DIR (default report/)\n"
    "  extract FILE...      article text and metadata of HTML pages and WARC\n"
    "                       records, one JSON line each (--source-map adds\n"
    "                       the text-to-page byte map)\n"
    "  search --db FILE CLAIM  sentences that state CLAIM, best first, across\n"
    "                       paraphrases, spellings and scripts (docs/search.md)\n"
    "  search PATH... --query CLAIM  the same over files; --timeline orders\n"
    "                       by date, --variants shows what the passages differ in\n"
    "  stories --db FILE    documents grouped into stories, with their most\n"
    "                       repeated claims, first appearance and outlets\n"
    "  meta PATH...|--db FILE   date, outlet, title, byline, boilerplate and\n"
    "                       attributions of each document (JSON Lines)\n"
    "  sources PATH...|--db FILE  most-cited sources, first publishers,\n"
    "                       outlets that only copy\n"
    "  graph PATH...|--db FILE  the propagation graph (--format dot|gexf|jsonl)\n"
    "  timeline PATH...|--db FILE  documents and families in date order\n"
    "  version              print the version\n"
    "\n"
    "Options:\n"
    "  --format jsonl|tsv|text  output format (default: text on a terminal,\n"
    "                       jsonl otherwise)\n"
    "  --db FILE            the SQLite store\n"
    "  --ngram N            words per seed n-gram (default 5)\n"
    "  --min-words N        shortest passage reported, in words (default 12)\n"
    "  --df-cap N           ignore n-grams found in more than N documents\n"
    "                       (default 100)\n"
    "  --max-gap N          words of edit bridged inside a passage (default 24)\n"
    "  --min-similarity X   drop passages less similar than X (default 0.5)\n"
    "  --no-internal        do not report repeats inside one document\n"
    "  --threshold X        dups: share of each document that must be reused\n"
    "                       (default 0.8)\n"
    "  --batch N            index: documents committed per transaction\n"
    "  --threads N          worker threads (default 0: all cores)\n"
    "  --memory SIZE        memory budget of the reuse index, e.g. 2G, 500M\n"
    "                       (default: a quarter of physical memory); past\n"
    "                       it, token tables and postings spill to disk\n"
    "  --tmp-dir DIR        where spill files go (default $TMPDIR or /tmp)\n"
    "  --keep-boilerplate   let page furniture (comment forms, share lines,\n"
    "                       footers) count as reuse\n"
    "  --aliases FILE       meta, sources, graph, timeline, index: extra\n"
    "                       source aliases (see docs/sources.md)\n"
    "  --progress, --no-progress  force the progress bar on or off\n"
    "  -q, --quiet          no warnings\n"
    "\n"
    "Built with MPI (make mpi), 'mpirun -np N hearsay reuse|dups PATH...'\n"
    "spreads the work over N ranks, with the same output; docs/mpi.md.\n"
    "\n"
    "Exit status: 0 done (warnings possible), 1 usage, 2 input, 3 I/O,\n"
    "4 database, 5 out of memory, 130 interrupted.  See docs/cli.md.\n";

static int parse_args(cli *c, const cli_command *cmd, int argc, char **argv) {
  int i, only_paths = 0;
  c->paths = calloc((size_t)argc + 1, sizeof *c->paths);
  if (!c->paths) return 5;
  for (i = 2; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    long n;
    double x;
#define NEED_VALUE()                                                  \
  do {                                                                \
    if (!v) return cli_usage_error("option %s needs a value", a);         \
    i++;                                                              \
  } while (0)
    if (only_paths || a[0] != '-' || !strcmp(a, "-")) {
      c->paths[c->npaths++] = a;
    } else if (!strcmp(a, "--")) {
      only_paths = 1;
    } else if (!strcmp(a, "--db")) {
      NEED_VALUE();
      c->db = v;
    } else if (!strcmp(a, "--format")) {
      NEED_VALUE();
      if ((c->format = hs_format_parse(v)) < 0 && cmd->option) {
        int used = cmd->option(c, a, v); /* a command's own formats */
        if (used < 0) return 1;
        if (used > 0) {
          c->format = HS_FORMAT_JSONL;
          i += used - 2;
          continue;
        }
      }
      if (c->format < 0)
        return cli_usage_error("unknown format '%s' (use jsonl, tsv or text)", v);
    } else if (!strcmp(a, "--ngram")) {
      NEED_VALUE();
      if (cli_parse_long(v, 1, 32, &n)) return cli_usage_error("--ngram wants 1..32, not '%s'", v);
      c->opts.ngram = (int)n;
    } else if (!strcmp(a, "--min-words")) {
      NEED_VALUE();
      if (cli_parse_long(v, 1, 1000000, &n)) return cli_usage_error("--min-words wants a positive number, not '%s'", v);
      c->opts.min_words = (int)n;
    } else if (!strcmp(a, "--df-cap")) {
      NEED_VALUE();
      if (cli_parse_long(v, 2, INT_MAX, &n)) return cli_usage_error("--df-cap wants a number >= 2, not '%s'", v);
      c->opts.df_cap = (int)n;
    } else if (!strcmp(a, "--max-gap")) {
      NEED_VALUE();
      if (cli_parse_long(v, 0, 10000, &n)) return cli_usage_error("--max-gap wants 0..10000, not '%s'", v);
      c->opts.max_gap = (int)n;
    } else if (!strcmp(a, "--min-similarity")) {
      NEED_VALUE();
      if (cli_parse_double(v, 0, 1, &x)) return cli_usage_error("--min-similarity wants 0..1, not '%s'", v);
      c->opts.min_similarity = x;
    } else if (!strcmp(a, "--threshold")) {
      NEED_VALUE();
      if (cli_parse_double(v, 0, 1, &x)) return cli_usage_error("--threshold wants 0..1, not '%s'", v);
      c->threshold = x;
    } else if (!strcmp(a, "--threads")) {
      NEED_VALUE();
      if (cli_parse_long(v, 0, 1024, &n)) return cli_usage_error("--threads wants 0..1024 (0: all cores), not '%s'", v);
      c->opts.threads = (int)n;
    } else if (!strcmp(a, "--memory")) {
      NEED_VALUE();
      if (cli_parse_size(v, &c->opts.memory)) return cli_usage_error("--memory wants a size such as 2G, 512M or 800000K (at least 1M), not '%s'", v);
    } else if (!strcmp(a, "--tmp-dir")) {
      NEED_VALUE();
      c->opts.tmpdir = v;
    } else if (!strcmp(a, "--batch")) {
      NEED_VALUE();
      if (cli_parse_long(v, 1, INT_MAX, &n)) return cli_usage_error("--batch wants a positive number, not '%s'", v);
      c->batch = (size_t)n;
    } else if (!strcmp(a, "--keep-boilerplate")) {
      c->keep_boilerplate = 1;
    } else if (!strcmp(a, "--no-internal")) {
      c->opts.internal = 0;
    } else if (!strcmp(a, "--progress")) {
      c->progress = 1;
    } else if (!strcmp(a, "--no-progress")) {
      c->progress = 0;
    } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
      c->quiet = 1;
    } else if (!strcmp(a, "-o") || !strcmp(a, "--out")) {
      NEED_VALUE();
      c->out = v;
    } else {
      int used = cmd->option ? cmd->option(c, a, v) : 0;
      if (used < 0) return 1;
      if (used == 0) return cli_usage_error("unknown option '%s'", a);
      i += used - 1;
    }
#undef NEED_VALUE
  }
  return 0;
}

int main(int argc, char **argv) {
  cli c;
  const cli_command *cmd = NULL;
  size_t k;
  int rc;
  memset(&c, 0, sizeof c);
  hs_reuse_opts_default(&c.opts);
  c.format = -1;
  c.threshold = 0.8;
  c.progress = isatty(STDERR_FILENO);
  c.opts.progress = cli_progress;
  c.opts.progress_ud = &c;
  if (argc < 2) {
    fputs(usage_text, stderr);
    return 1;
  }
  c.cmd = argv[1];
  if (!strcmp(c.cmd, "help") || !strcmp(c.cmd, "--help") ||
      !strcmp(c.cmd, "-h")) {
    fputs(usage_text, stdout);
    return 0;
  }
  if (!strcmp(c.cmd, "version") || !strcmp(c.cmd, "--version")) {
    printf("hearsay %s\n", HS_VERSION);
    return 0;
  }
  for (k = 0; k < sizeof commands / sizeof commands[0]; k++)
    if (!strcmp(c.cmd, commands[k].name)) cmd = &commands[k];
  if (!cmd) return cli_usage_error("unknown command '%s'", c.cmd);
  for (k = 2; k < (size_t)argc && strcmp(argv[k], "--"); k++)
    if (!strcmp(argv[k], "--help") || !strcmp(argv[k], "-h")) {
      fputs(usage_text, stdout);
      return 0;
    }
  if ((rc = parse_args(&c, cmd, argc, argv))) {
    free(c.cmd_state); /* a command's options are flat structs */
    free(c.paths);
    return rc;
  }
  if (c.format < 0)
    c.format = isatty(STDOUT_FILENO) ? HS_FORMAT_TEXT : HS_FORMAT_JSONL;
  if (!c.keep_boilerplate) c.opts.mask_tokens = cli_mask_boilerplate;
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);
  /* Under mpirun (an MPI build, docs/mpi.md) reuse and dups of paths are
  ** spread over the ranks, rank 0 writing the output; any other command
  ** runs on rank 0 alone. */
  {
    hs_error err;
    hs_error_clear(&err);
    if (hs_mpi_init(&argc, &argv, &c.opts.rank, &c.opts.nranks, &err)) {
      free(c.cmd_state);
      free(c.paths);
      return cli_fail(&c, &err);
    }
  }
  if (c.opts.nranks > 1 &&
      (c.db || (strcmp(cmd->name, "reuse") && strcmp(cmd->name, "dups")))) {
    if (c.opts.rank > 0) cmd = NULL;
    c.opts.rank = 0;
    c.opts.nranks = 1;
  }
  if (c.opts.rank > 0) {
    c.quiet = 1;
    c.progress = 0;
  }
  rc = cmd ? cmd->run(&c) : 0;
  hs_mpi_finalize();
  free(c.cmd_state);
  free(c.paths);
  return rc;
}
