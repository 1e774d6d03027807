/*
** date_index_gen.c — a program run at build time, not part of the
** library (CMakeLists.txt builds and runs it): writes the date scanner's
** index of its name tables (date_names.h) by first byte as constant
** arrays, to the file named by its argument.  The scanner used to build
** this index on every scan, which cost more than scanning a short line;
** the index depends on the tables alone.
*/
#include <stdio.h>

#include "meta/date_names.h"

int main(int argc, char **argv) {
  static unsigned char head[NTABLES][256], next[NTABLES][MAX_ROWS];
  FILE *f;
  int t, k, c;
  if (argc != 2 || !(f = fopen(argv[1], "w"))) {
    fprintf(stderr, "usage: date_index_gen OUTPUT\n");
    return 1;
  }
  for (t = 0; t < NTABLES; t++) {
    /* backwards, so that each chain is in table order */
    for (k = 0; tables[t][k].name; k++) {}
    while (k-- > 0) {
      unsigned char b = (unsigned char)tables[t][k].name[0];
      next[t][k] = head[t][b];
      head[t][b] = (unsigned char)(k + 1);
    }
  }
  fprintf(f, "/* Generated from src/meta/date_names.h by date_index_gen; "
             "do not edit. */\n");
  fprintf(f, "static const unsigned char date_head[%d][256] = {\n", NTABLES);
  for (t = 0; t < NTABLES; t++) {
    fprintf(f, "  {");
    for (c = 0; c < 256; c++) fprintf(f, "%s%u", c ? "," : "", head[t][c]);
    fprintf(f, "},\n");
  }
  fprintf(f, "};\nstatic const unsigned char date_next[%d][%d] = {\n",
          NTABLES, MAX_ROWS);
  for (t = 0; t < NTABLES; t++) {
    fprintf(f, "  {");
    for (k = 0; k < MAX_ROWS; k++) fprintf(f, "%s%u", k ? "," : "", next[t][k]);
    fprintf(f, "},\n");
  }
  fprintf(f, "};\n");
  return fclose(f) ? 1 : 0;
}
