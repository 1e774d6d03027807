/*
** help.c — everything the hearsay command says about itself, made from
** the tables of options.c: `hearsay --help`, `hearsay CMD --help` and
** `hearsay help CMD` (synopsis, what the command does, every option it
** takes, its formats, examples), the man pages (`hearsay help --man
** [CMD]`, roff, generated at build time) and the bash completion script
** (`hearsay help --completion`).  Because all four read one table, the
** help, the manual and the parser cannot disagree.
*/
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* Whether a command has options (version and help have their own). */
static int takes(const cli_option *o, const cli_command *cmd) {
  return cmd->run && cli_option_for(o, cmd->name) &&
         (strcmp(o->name, "format") || cmd->formats);
}

/* Print text from column col, wrapped at 79 columns, every further line
** indented by indent. */
static void wrap(FILE *f, const char *text, int col, int indent) {
  const char *p = text;
  while (*p) {
    size_t w = strcspn(p, " \n");
    if (col > indent && col + 1 + (int)w > 79) {
      fprintf(f, "\n%*s", indent, "");
      col = indent;
    } else if (col > indent) {
      putc(' ', f);
      col++;
    }
    fwrite(p, 1, w, f);
    col += (int)w;
    p += w;
    if (*p == '\n' && p[1] == '\n') { /* a paragraph */
      fprintf(f, "\n\n%*s", indent, "");
      col = indent;
      p += 2;
    }
    while (*p == ' ' || *p == '\n') p++;
  }
  putc('\n', f);
}

static void option_arg(char *buf, size_t size, const cli_option *o,
                       const cli_command *cmd) {
  if (!strcmp(o->name, "format") && cmd && cmd->formats) {
    size_t i, n = 0;
    for (i = 0; cmd->formats[i] && n + 1 < size; i++)
      buf[n++] = cmd->formats[i] == ' ' ? '|' : cmd->formats[i];
    buf[n] = '\0';
  } else {
    snprintf(buf, size, "%s", o->arg ? o->arg : "");
  }
}

static void usage_lines(FILE *f, const cli_command *cmd) {
  const char *p = cmd->synopsis;
  int first = 1;
  do {
    size_t k = strcspn(p, "\n");
    fprintf(f, "%s hearsay %s%s%.*s\n", first ? "usage:" : "   or:",
            cmd->name, k ? " " : "", (int)k, p);
    first = 0;
    p += k + (p[k] == '\n');
  } while (*p);
}

void cli_help_command(FILE *f, const cli_command *cmd) {
  size_t i;
  const char *p;
  usage_lines(f, cmd);
  putc('\n', f);
  wrap(f, cmd->about, 0, 0);
  if (cmd->run) {
    fputs("\nOptions:\n", f);
    for (i = 0; i < cli_noptions; i++) {
      const cli_option *o = &cli_options[i];
      char arg[64], head[128];
      int n;
      if (!takes(o, cmd)) continue;
      option_arg(arg, sizeof arg, o, cmd);
      n = snprintf(head, sizeof head, "  %s%c%s--%s%s%s",
                   o->letter ? "-" : "", o->letter ? o->letter : ' ',
                   o->letter ? ", " : "  ", o->name, o->arg ? "=" : "", arg);
      if (!o->letter) { /* no short option: no gap either */
        n = snprintf(head, sizeof head, "      --%s%s%s", o->name,
                     o->arg ? "=" : "", arg);
      }
      fputs(head, f);
      if (n >= 28) fprintf(f, "\n%*s", 28, "");
      else fprintf(f, "%*s", 28 - n, "");
      wrap(f, o->help, 28, 28);
    }
  }
  if (cmd->examples && *cmd->examples) {
    fputs("\nExamples:\n", f);
    for (p = cmd->examples; *p;) {
      size_t k = strcspn(p, "\t\n"), m;
      fprintf(f, "  %.*s\n", (int)k, p);
      p += k;
      if (*p == '\t') {
        p++;
        m = strcspn(p, "\n");
        if (m) fprintf(f, "      %.*s\n", (int)m, p);
        p += m;
      }
      if (*p == '\n') p++;
    }
  }
  fputs("\nExit status: 0 done (warnings possible), 1 usage, 2 input, "
        "3 I/O,\n4 database, 5 out of memory, 130 interrupted.  See "
        "docs/cli.md.\n", f);
}

void cli_help_global(FILE *f) {
  size_t k;
  fputs("usage: hearsay COMMAND [OPTIONS] [PATH...]\n"
        "       hearsay COMMAND --help | hearsay help COMMAND\n"
        "       hearsay -V | --version\n\n"
        "Finds text reused between documents: copies, near-duplicates, and "
        "the\nclaims and sources they pass on.\n\nCommands:\n", f);
  for (k = 0; k < cli_ncommands; k++) {
    int n = fprintf(f, "  %s", cli_commands[k].name);
    fprintf(f, "%*s", n < 12 ? 12 - n : 1, "");
    wrap(f, cli_commands[k].summary, 12, 12);
  }
  fputs("\nMost commands read PATH... (files, directories, - for standard "
        "input) or\n--db FILE (a store made by 'hearsay index'), and write "
        "--format jsonl, tsv\nor text (the formats each takes are in its "
        "help).  Every command takes\n-h/--help, -q/--quiet, --progress and "
        "--no-progress; 'hearsay COMMAND --help'\nlists the others.  "
        "Options take their value as --opt=VALUE or --opt VALUE;\nshort "
        "options may be bundled (-qt2); -- ends the options.\n\n"
        "Built with MPI (make mpi), 'mpirun -np N hearsay reuse|dups "
        "PATH...'\nspreads the work over N ranks, with the same output; "
        "docs/mpi.md.\n\n"
        "Exit status: 0 done (warnings possible), 1 usage, 2 input, "
        "3 I/O,\n4 database, 5 out of memory, 130 interrupted.  See "
        "docs/cli.md.\n", f);
}

/* ------------------------------------------------------------ man pages */

/* Text for roff: backslashes and hyphens escaped, no line starting with
** a control character. */
static void roff(FILE *f, const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n && s[i]; i++) {
    if (s[i] == '\\') fputs("\\e", f);
    else if (s[i] == '-') fputs("\\-", f);
    else if ((s[i] == '.' || s[i] == '\'') && (i == 0 || s[i - 1] == '\n'))
      fputs("\\&", f), putc(s[i], f);
    else putc(s[i], f);
  }
}

static void roff_paragraphs(FILE *f, const char *s) {
  const char *p = s, *q;
  while ((q = strstr(p, "\n\n")) != NULL) {
    roff(f, p, (size_t)(q - p));
    fputs("\n.PP\n", f);
    p = q + 2;
  }
  roff(f, p, strlen(p));
  putc('\n', f);
}

static void man_header(FILE *f, const char *title) {
  fputs(".\\\" Generated by 'hearsay help --man' from src/cli/options.c.\n",
        f);
  fprintf(f, ".TH %s 1 \"\" \"hearsay %s\" \"hearsay manual\"\n", title,
          HS_VERSION);
  fputs(".nh\n.ad l\n", f); /* option names are not to be hyphenated */
}

static void man_footer(FILE *f, const char *self) {
  size_t k;
  fputs(".SH EXIT STATUS\n0 done (warnings possible), 1 usage error, "
        "2 input error, 3 I/O error, 4 database error, 5 out of memory, "
        "130 interrupted.\n.SH SEE ALSO\n", f);
  if (strcmp(self, "hearsay")) fputs(".BR hearsay (1)", f);
  for (k = 0; k < cli_ncommands; k++) {
    if (!strcmp(cli_commands[k].name, self))
      continue;
    fprintf(f, "%s\n.BR hearsay\\-%s (1)", strcmp(self, "hearsay") || k
                                                ? ","
                                                : "",
            cli_commands[k].name);
  }
  fputs("\n.PP\nThe documents in docs/ of the hearsay sources: cli.md, "
        "output.md, schema.md.\n", f);
}

static void man_command(FILE *f, const cli_command *cmd) {
  char title[64];
  const char *p;
  size_t i, k;
  snprintf(title, sizeof title, "HEARSAY-%s", cmd->name);
  for (i = 8; title[i]; i++)
    if (title[i] >= 'a' && title[i] <= 'z') title[i] -= 'a' - 'A';
  man_header(f, title);
  fprintf(f, ".SH NAME\nhearsay\\-%s \\- ", cmd->name);
  roff(f, cmd->summary, strlen(cmd->summary));
  fputs("\n.SH SYNOPSIS\n", f);
  for (p = cmd->synopsis;;) {
    k = strcspn(p, "\n");
    fprintf(f, ".B hearsay %s\n", cmd->name);
    if (k) {
      roff(f, p, k);
      putc('\n', f);
    }
    p += k;
    if (!*p) break;
    p++;
    fputs(".br\n", f);
  }
  fputs(".SH DESCRIPTION\n", f);
  roff_paragraphs(f, cmd->about);
  if (cmd->formats) {
    fputs(".PP\nFormats (--format): ", f);
    roff(f, cmd->formats, strlen(cmd->formats));
    fputs(".\n", f);
  }
  if (cmd->run) {
    fputs(".SH OPTIONS\n", f);
    for (i = 0; i < cli_noptions; i++) {
      const cli_option *o = &cli_options[i];
      char arg[64];
      if (!takes(o, cmd)) continue;
      option_arg(arg, sizeof arg, o, cmd);
      fputs(".TP\n", f);
      if (o->letter) fprintf(f, "\\fB\\-%c\\fR, ", o->letter);
      fputs("\\fB\\-\\-", f);
      roff(f, o->name, strlen(o->name));
      fputs("\\fR", f);
      if (o->arg) {
        fputs("=\\fI", f);
        roff(f, arg, strlen(arg));
        fputs("\\fR", f);
      }
      putc('\n', f);
      roff(f, o->help, strlen(o->help));
      putc('\n', f);
    }
  }
  if (cmd->examples && *cmd->examples) {
    fputs(".SH EXAMPLES\n", f);
    for (p = cmd->examples; *p;) {
      k = strcspn(p, "\t\n");
      fputs(".TP\n.B ", f);
      roff(f, p, k);
      putc('\n', f);
      p += k;
      if (*p == '\t') {
        p++;
        k = strcspn(p, "\n");
        roff(f, p, k);
        putc('\n', f);
        p += k;
      }
      if (*p == '\n') p++;
    }
  }
  man_footer(f, cmd->name);
}

static void man_main(FILE *f) {
  size_t k;
  man_header(f, "HEARSAY");
  fputs(".SH NAME\nhearsay \\- find text reused between documents\n"
        ".SH SYNOPSIS\n.B hearsay\n.I COMMAND\n[\\fIOPTIONS\\fR] "
        "[\\fIPATH\\fR...]\n.br\n.B hearsay\n.I COMMAND\n\\fB\\-\\-help"
        "\\fR\n.br\n.B hearsay \\-\\-version\n"
        ".SH DESCRIPTION\nhearsay finds passages reused between documents "
        "(news articles, web pages, JSON Lines, CSV), groups "
        "near-duplicates, and follows the claims and sources they pass "
        "on.  Each command has its own page.\n"
        ".PP\nOptions take their value as \\fB\\-\\-opt=VALUE\\fR or "
        "\\fB\\-\\-opt VALUE\\fR; short options may be bundled; "
        "\\fB\\-\\-\\fR ends the options.\n.SH COMMANDS\n", f);
  for (k = 0; k < cli_ncommands; k++) {
    fprintf(f, ".TP\n.B %s\n", cli_commands[k].name);
    roff(f, cli_commands[k].summary, strlen(cli_commands[k].summary));
    putc('\n', f);
  }
  man_footer(f, "hearsay");
}

/* ------------------------------------------------------- bash completion */

static void completion(FILE *f) {
  size_t k, i;
  fputs("# bash completion for hearsay; generated by 'hearsay help "
        "--completion'\n_hearsay() {\n"
        "  local cur=${COMP_WORDS[COMP_CWORD]} "
        "prev=${COMP_WORDS[COMP_CWORD-1]} cmd=${COMP_WORDS[1]} opts\n"
        "  COMPREPLY=()\n  if (( COMP_CWORD == 1 )); then\n"
        "    COMPREPLY=($(compgen -W '", f);
  for (k = 0; k < cli_ncommands; k++)
    fprintf(f, "%s ", cli_commands[k].name);
  fputs("--help --version' -- \"$cur\"))\n    return\n  fi\n"
        "  case $cmd:$prev in\n", f);
  for (k = 0; k < cli_ncommands; k++)
    if (cli_commands[k].formats) {
      fprintf(f, "    %s:--format|%s:-f) COMPREPLY=($(compgen -W '%s' -- "
                 "\"$cur\")); return ;;\n",
              cli_commands[k].name, cli_commands[k].name,
              cli_commands[k].formats);
    }
  for (i = 0; i < cli_noptions; i++) {
    const cli_option *o = &cli_options[i];
    if (!o->arg) continue;
    if (strchr(o->arg, '|')) {
      size_t j;
      fprintf(f, "    *:--%s) COMPREPLY=($(compgen -W '", o->name);
      for (j = 0; o->arg[j]; j++) putc(o->arg[j] == '|' ? ' ' : o->arg[j], f);
      fputs("' -- \"$cur\")); return ;;\n", f);
    } else if (!strcmp(o->arg, "FILE") || !strcmp(o->arg, "DIR")) {
      fprintf(f, "    *:--%s%s%c) COMPREPLY=($(compgen -%c -- \"$cur\")); "
                 "return ;;\n",
              o->name, o->letter ? "|*:-" : "", o->letter ? o->letter : ' ',
              o->arg[0] == 'D' ? 'd' : 'f');
    } else {
      fprintf(f, "    *:--%s%s%c) return ;;\n", o->name,
              o->letter ? "|*:-" : "", o->letter ? o->letter : ' ');
    }
  }
  fputs("  esac\n  case $cmd in\n", f);
  for (k = 0; k < cli_ncommands; k++) {
    const cli_command *cmd = &cli_commands[k];
    fprintf(f, "    %s) opts='", cmd->name);
    if (!cmd->run) fputs(!strcmp(cmd->name, "help") ? "--man --completion"
                                                    : "",
                         f);
    for (i = 0; i < cli_noptions; i++)
      if (takes(&cli_options[i], cmd)) {
        fprintf(f, " --%s", cli_options[i].name);
        if (cli_options[i].letter) fprintf(f, " -%c", cli_options[i].letter);
      }
    fputs("' ;;\n", f);
  }
  fputs("  esac\n  if [[ $cmd == help && $cur != -* ]]; then\n"
        "    COMPREPLY=($(compgen -W '", f);
  for (k = 0; k < cli_ncommands; k++) fprintf(f, "%s ", cli_commands[k].name);
  fputs("' -- \"$cur\"))\n  elif [[ $cur == -* ]]; then\n"
        "    COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\"))\n  else\n"
        "    COMPREPLY=($(compgen -f -- \"$cur\"))\n  fi\n}\n"
        "complete -o filenames -F _hearsay hearsay\n", f);
}

/* hearsay help [COMMAND] | --man [COMMAND] | --completion | --commands */
int cli_help_main(int argc, char **argv) {
  const cli_command *cmd = NULL;
  int man = 0;
  if (argc >= 2 && !strcmp(argv[1], "--completion") && argc == 2) {
    completion(stdout);
    return cli_stdout_done();
  }
  if (argc >= 2 && !strcmp(argv[1], "--commands") && argc == 2) {
    size_t k;
    for (k = 0; k < cli_ncommands; k++) puts(cli_commands[k].name);
    return cli_stdout_done();
  }
  if (argc >= 2 && !strcmp(argv[1], "--man")) {
    man = 1;
    argc--;
    argv++;
  }
  if (argc > 2 || (argc == 2 && argv[1][0] == '-' &&
                   strcmp(argv[1], "--help") && strcmp(argv[1], "-h")))
    return cli_usage_error("usage: hearsay help [--man] [COMMAND] | "
                           "--completion");
  if (argc == 2 && argv[1][0] != '-' && !(cmd = cli_find_command(argv[1])))
    return cli_usage_error("unknown command '%s'", argv[1]);
  if (man) {
    if (cmd) man_command(stdout, cmd);
    else man_main(stdout);
  } else if (cmd) {
    cli_help_command(stdout, cmd);
  } else {
    cli_help_global(stdout);
  }
  return cli_stdout_done();
}
