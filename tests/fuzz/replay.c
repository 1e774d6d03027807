/*
** replay.c — runs saved fuzz inputs through a fuzz target without
** libFuzzer, so every ordinary build (and the sanitizer build) replays the
** corpora in tests/fuzz/corpus/.  Arguments are files or directories; a
** directory's files are run, and those of its subdirectories one level
** down.  Prints how many inputs ran; a crash or sanitizer report fails.
*/
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

extern int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* optional, as in libFuzzer: run once before the first input */
extern int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static int run_file(const char *path, size_t *ran) {
  FILE *f = fopen(path, "rb");
  uint8_t *buf = NULL;
  size_t len = 0, cap = 0, n;
  if (!f) {
    fprintf(stderr, "replay: cannot open %s\n", path);
    return 1;
  }
  do {
    if (cap - len < 65536) {
      cap = cap ? cap * 2 : 65536;
      buf = realloc(buf, cap);
      if (!buf) {
        fclose(f);
        fprintf(stderr, "replay: out of memory reading %s\n", path);
        return 1;
      }
    }
    n = fread(buf + len, 1, cap - len, f);
    len += n;
  } while (n > 0);
  fclose(f);
  /* an allocation of exactly the input's size, as libFuzzer gives, so
  ** that the sanitizer build sees a read one byte past the input */
  {
    uint8_t *exact = malloc(len ? len : 1);
    if (!exact) {
      free(buf);
      fprintf(stderr, "replay: out of memory reading %s\n", path);
      return 1;
    }
    if (len) memcpy(exact, buf, len);
    free(buf);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
  }
  (*ran)++;
  return 0;
}

static int run_path(const char *path, int depth, size_t *ran) {
  struct stat st;
  DIR *d;
  struct dirent *de;
  int bad = 0;
  if (stat(path, &st) != 0) {
    fprintf(stderr, "replay: cannot read %s\n", path);
    return 1;
  }
  if (!S_ISDIR(st.st_mode)) return run_file(path, ran);
  if (depth > 1) return 0;
  d = opendir(path);
  if (!d) {
    fprintf(stderr, "replay: cannot list %s\n", path);
    return 1;
  }
  while ((de = readdir(d)) != NULL) {
    size_t n;
    char *sub;
    if (de->d_name[0] == '.') continue;
    n = strlen(path) + strlen(de->d_name) + 2;
    sub = malloc(n);
    if (!sub) break;
    snprintf(sub, n, "%s/%s", path, de->d_name);
    bad |= run_path(sub, depth + 1, ran);
    free(sub);
  }
  closedir(d);
  return bad;
}

int main(int argc, char **argv) {
  size_t ran = 0;
  int i, bad = 0;
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  for (i = 1; i < argc; i++) bad |= run_path(argv[i], 0, &ran);
  printf("replay: %zu inputs ran\n", ran);
  return bad;
}
