/*
** main.c — the hearsay command.  It parses arguments, wires warnings,
** progress and Ctrl-C to the library, and maps status codes to exit codes;
** all the work is done by libhearsay through include/hearsay.h.  Each
** subcommand lives in its own cmd_*.c file; the commands and every option
** are entries of the tables in options.c, which this parser (getopt_long
** over the options the command takes) and the help both read.
**
** The only global state of the program lives here: the interrupt flag set
** by the signal handler (the library polls it through the progress and
** cancel hooks, so an interrupted `index` rolls back its open transaction
** and leaves the database as it was after the last committed batch).
*/
#include <getopt.h>
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

/* Store the value of option o in c (the table says where). */
static int set_option(cli *c, const cli_option *o, const char *v) {
  char *field = (char *)c + o->field;
  long n;
  double x;
  uint64_t z;
  char dash[64];
  snprintf(dash, sizeof dash, "--%s", o->name);
  switch (o->type) {
    case CLI_FLAG: *(int *)(void *)field = 1; return 0;
    case CLI_UNFLAG: *(int *)(void *)field = 0; return 0;
    case CLI_INT:
    case CLI_LONG:
    case CLI_SIZE_T:
      if (cli_parse_long(v, (long)o->lo, (long)o->hi, &n)) {
        if (o->hi >= INT_MAX)
          return cli_usage_error("%s wants a number >= %ld, not '%s'", dash,
                                 (long)o->lo, v);
        return cli_usage_error("%s wants %ld..%ld, not '%s'", dash,
                               (long)o->lo, (long)o->hi, v);
      }
      if (o->type == CLI_INT) *(int *)(void *)field = (int)n;
      else if (o->type == CLI_LONG) *(long *)(void *)field = n;
      else *(size_t *)(void *)field = (size_t)n;
      return 0;
    case CLI_DOUBLE:
      if (cli_parse_double(v, o->lo, o->hi, &x))
        return cli_usage_error("%s wants %g..%g, not '%s'", dash, o->lo,
                               o->hi, v);
      *(double *)(void *)field = x;
      return 0;
    case CLI_BYTES:
      if (cli_parse_size(v, &z))
        return cli_usage_error("%s wants a size such as 2G, 512M or 800000K "
                               "(at least 1M), not '%s'", dash, v);
      *(uint64_t *)(void *)field = z;
      return 0;
    case CLI_STRING:
      if (strchr(o->arg, '|')) { /* one of the listed values */
        size_t len = strlen(v);
        const char *p = o->arg;
        int ok = 0;
        while (*p && !ok) {
          size_t k = strcspn(p, "|");
          ok = k == len && !strncmp(p, v, k);
          p += k + (p[k] == '|');
        }
        if (!ok)
          return cli_usage_error("%s wants %s, not '%s'", dash, o->arg, v);
      }
      *(const char **)(void *)field = v;
      return 0;
    default: return 0;
  }
}

/* Whether the space-separated list has word w. */
static int has_word(const char *list, const char *w) {
  size_t n = strlen(w);
  const char *p = list;
  while (p && *p) {
    size_t k = strcspn(p, " ");
    if (k == n && !strncmp(p, w, n)) return 1;
    p += k + (p[k] == ' ');
  }
  return 0;
}

/* An option not taken by the command: name the commands that take it. */
static int not_taken(const cli_command *cmd, const char *arg) {
  size_t i, n;
  const char *name = arg + strspn(arg, "-");
  n = strcspn(name, "=");
  for (i = 0; i < cli_noptions; i++) {
    const cli_option *o = &cli_options[i];
    if ((arg[1] == '-' && strlen(o->name) == n && !strncmp(o->name, name, n)) ||
        (arg[1] != '-' && o->letter && o->letter == arg[1]))
      return cli_usage_error("'%s' does not take %.*s (an option of: %s)",
                             cmd->name, (int)(n + (arg[1] == '-' ? 2 : 1)),
                             arg, o->cmds);
  }
  return cli_usage_error("unknown option '%.*s' for '%s'",
                         (int)(strcspn(arg, "=")), arg, cmd->name);
}

/* Parse argv[1..] (the command and its arguments) with getopt_long over
** the options the command takes: --opt=value, --opt value, bundled short
** options (-qt2), -- before paths; non-options are the paths. */
static int parse_args(cli *c, const cli_command *cmd, int argc, char **argv) {
  struct option longs[CLI_MAX_OPTIONS + 1];
  char shorts[3 * CLI_MAX_OPTIONS + 2];
  size_t i, nl = 0, ns = 0;
  int ch, reading_store;
  memset(longs, 0, sizeof longs);
  if (cli_noptions > CLI_MAX_OPTIONS) /* cli.h: raise CLI_MAX_OPTIONS */
    return cli_usage_error("too many options in the table");
  shorts[ns++] = ':'; /* ':' for a missing value, '?' for an unknown */
  for (i = 0; i < cli_noptions && nl < CLI_MAX_OPTIONS; i++) {
    const cli_option *o = &cli_options[i];
    if (!cli_option_for(o, cmd->name)) continue;
    longs[nl].name = o->name;
    longs[nl].has_arg = o->arg ? required_argument : no_argument;
    longs[nl].flag = NULL;
    longs[nl].val = 256 + (int)i;
    nl++;
    if (o->letter) {
      shorts[ns++] = o->letter;
      if (o->arg) shorts[ns++] = ':';
    }
  }
  shorts[ns] = '\0';
  c->paths = calloc((size_t)argc + 1, sizeof *c->paths);
  if (!c->paths) return 5;
  /* getopt_long takes unambiguous abbreviations: "--out" would be read as
  ** --outlet-field by a command that has no --out.  The whole name of an
  ** option the command does not take is refused first. */
  for (i = 1; i < (size_t)argc && strcmp(argv[i], "--"); i++) {
    const char *a = argv[i];
    size_t k, n = strcspn(a + 2, "=");
    if (a[0] != '-' || a[1] != '-') continue;
    for (k = 0; k < cli_noptions; k++)
      if (strlen(cli_options[k].name) == n &&
          !strncmp(cli_options[k].name, a + 2, n))
        break;
    if (k == cli_noptions) continue;
    for (k = 0; k < cli_noptions; k++)
      if (strlen(cli_options[k].name) == n &&
          !strncmp(cli_options[k].name, a + 2, n) &&
          cli_option_for(&cli_options[k], cmd->name))
        break;
    if (k == cli_noptions) return not_taken(cmd, a);
  }
  optind = 1;
  opterr = 0;
  while ((ch = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
    const cli_option *o = NULL;
    const char *bad = argv[optind - 1];
    if (ch == '?') {
      if (optopt && optopt < 256) {
        char s[3] = {'-', (char)optopt, 0};
        return not_taken(cmd, s);
      }
      return not_taken(cmd, bad);
    }
    if (ch == ':') {
      if (optopt && optopt < 256)
        return cli_usage_error("option -%c needs a value", optopt);
      return cli_usage_error("option %.*s needs a value",
                             (int)strcspn(bad, "="), bad);
    }
    if (ch >= 256) o = &cli_options[ch - 256];
    else
      for (i = 0; i < cli_noptions; i++)
        if (cli_options[i].letter == ch &&
            cli_option_for(&cli_options[i], cmd->name))
          o = &cli_options[i];
    if (!o) return cli_usage_error("unknown option '-%c'", ch);
    if (o->type == CLI_HELP) {
      cli_help_command(stdout, cmd);
      return -1;
    }
    if (set_option(c, o, optarg)) return 1;
    c->given[o - cli_options] = 1;
  }
  for (; optind < argc; optind++) c->paths[c->npaths++] = argv[optind];

  /* --format: one the command writes; its default */
  if (c->format_name) {
    if (!cmd->formats || !has_word(cmd->formats, c->format_name)) {
      if (cmd->formats && !strchr(cmd->formats, ' '))
        return cli_usage_error("'%s' writes only %s, not '%s'", cmd->name,
                               cmd->formats, c->format_name);
      return cli_usage_error("unknown format '%s' for '%s' (use one of: %s)",
                             c->format_name, cmd->name,
                             cmd->formats ? cmd->formats : "none");
    }
  } else if (cmd->formats) {
    if (has_word(cmd->formats, "text") && isatty(STDOUT_FILENO))
      c->format_name = "text";
    else { /* the first listed */
      snprintf(c->format_word, sizeof c->format_word, "%.*s",
               (int)strcspn(cmd->formats, " "), cmd->formats);
      c->format_name = c->format_word;
    }
  }
  c->format = c->format_name ? hs_format_parse(c->format_name) : -1;
  if (c->format < 0) c->format = HS_FORMAT_JSONL; /* dot, gexf, passim */

  /* A command reading a store (--db FILE without PATH; search takes words
  ** after --db) uses none of the options of reading files. */
  reading_store = (cmd->flags & CLI_DB_READS) && c->db &&
                  (!c->npaths || !strcmp(cmd->name, "search") ||
                   !strcmp(cmd->name, "stories") ||
                   (!strcmp(cmd->name, "story") && c->npaths <= 1));
  if (reading_store)
    for (i = 0; i < cli_noptions; i++)
      if (c->given[i] && (cli_options[i].flags & CLI_READING))
        return cli_usage_error("'%s --db FILE' reads what the store holds; "
                               "--%s applies only to reading files",
                               cmd->name, cli_options[i].name);
  if (reading_store && access(c->db, F_OK) != 0) {
    fprintf(stderr, "hearsay: %s: no such store (make one with 'hearsay "
                    "index --db %s PATH...')\n", c->db, c->db);
    return 4;
  }
  return 0;
}

int main(int argc, char **argv) {
  cli c;
  const cli_command *cmd = NULL;
  size_t k;
  int rc;
  /* First of all, so that a signal during start-up is seen by the
  ** command's first poll rather than killing the process unreported. */
  signal(SIGINT, on_signal);
  signal(SIGTERM, on_signal);
  memset(&c, 0, sizeof c);
  hs_reuse_opts_default(&c.opts);
  c.format = -1;
  c.threshold = 0.8;
  c.progress = isatty(STDERR_FILENO);
  c.opts.progress = cli_progress;
  c.opts.progress_ud = &c;
  c.search.limit = 20;
  c.search.min_score = 0.3;
  if (argc < 2) {
    cli_help_global(stderr);
    return 1;
  }
  c.cmd = argv[1];
  if (!strcmp(c.cmd, "help") || !strcmp(c.cmd, "--help") ||
      !strcmp(c.cmd, "-h"))
    return cli_help_main(argc - 1, argv + 1);
  if (!strcmp(c.cmd, "version") || !strcmp(c.cmd, "--version") ||
      !strcmp(c.cmd, "-V")) {
    printf("hearsay %s\n", HS_VERSION);
    return cli_stdout_done();
  }
  cmd = cli_find_command(c.cmd);
  if (!cmd || !cmd->run) return cli_usage_error("unknown command '%s'", c.cmd);
  c.command = cmd;
  for (k = 2; k < (size_t)argc && strcmp(argv[k], "--"); k++)
    if (!strcmp(argv[k], "--help") || !strcmp(argv[k], "-h")) {
      cli_help_command(stdout, cmd);
      return cli_stdout_done();
    }
  if ((rc = parse_args(&c, cmd, argc - 1, argv + 1))) {
    free(c.paths);
    return rc < 0 ? 0 : rc;
  }
  if (!c.keep_boilerplate) c.opts.mask_tokens = hs_boiler_mask_tokens;
  {
    /* More threads than cores only costs memory (a tokenizer and buffers
    ** each) and time switching between them. */
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    if (ncpu > 0 && c.opts.threads > ncpu) {
      if (!c.quiet)
        fprintf(stderr, "hearsay: --threads %d is more than the %ld cores "
                "available; using %ld\n", c.opts.threads, ncpu, ncpu);
      c.opts.threads = (int)ncpu;
    }
  }
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
  cli_reap(&c);
  /* A signal that arrived while the command was finishing, or that a
  ** step ended as if its input had ended: the run is not complete. */
  if (g_interrupted && rc == 0) {
    hs_error err;
    hs_error_clear(&err);
    rc = cli_fail(&c, &err);
  }
  hs_mpi_finalize();
  free(c.cmd_state);
  free(c.paths);
  return rc;
}
