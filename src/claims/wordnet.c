/*
** wordnet.c — WordNet synonyms for claim-search query words.
**
** WordNet is read lazily and cheaply: the sorted index.* files are mapped
** and binary-searched; a synset is read by seeking to its offset in data.*,
** which is its byte position.  A word is first reduced to its base forms
** by WordNet's own lemmatization (the *.exc exception lists and the morphy
** suffix rules).  Kept apart from lexicon.c, which calls it for query
** expansion, so that each file stays a readable size.
*/
#include "claims/lexicon_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define WN_SENSES 3

static const char *const wn_pos_name[WN_NPOS] = {"noun", "verb", "adj"};

static int wn_read(const char *dir, const char *name, wn_file *f) {
  char path[4096];
  struct stat st;
  void *p;
  int fd;
  memset(f, 0, sizeof *f);
  snprintf(path, sizeof path, "%s/%s", dir, name);
  if ((fd = open(path, O_RDONLY)) < 0) return -1;
  if (fstat(fd, &st) || st.st_size <= 0 ||
      (p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0)) ==
          MAP_FAILED) {
    close(fd);
    return -1;
  }
  close(fd);
  f->text = p;
  f->len = (size_t)st.st_size;
  return 0;
}

static void wn_file_free(wn_file *f) {
  if (f->text) munmap((void *)(uintptr_t)f->text, f->len);
}

/* Binary search of the sorted lines for the one whose first field is key;
** the line is copied into buf (NUL-terminated).  Returns buf or NULL.
** The license lines at the top start with spaces and sort first. */
static const char *wn_find(const wn_file *f, const char *key, char *buf,
                           size_t cap) {
  size_t lo = 0, hi = f->len, kl = strlen(key);
  if (!f->text) return NULL;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2, s = mid, e, i;
    int c = 0;
    while (s > lo && f->text[s - 1] != '\n') s--;
    e = s;
    while (e < f->len && f->text[e] != '\n') e++;
    for (i = 0; i < kl && !c; i++) {
      unsigned char x = (unsigned char)key[i];
      unsigned char y = s + i < e ? (unsigned char)f->text[s + i] : 0;
      if (y == ' ') y = 0;
      c = x < y ? -1 : x > y;
    }
    if (!c && s + kl < e && f->text[s + kl] != ' ') c = -1;
    if (!c) {
      size_t n = e - s < cap - 1 ? e - s : cap - 1;
      memcpy(buf, f->text + s, n);
      buf[n] = '\0';
      return buf;
    }
    if (c < 0) hi = s;
    else lo = e + 1;
  }
  return NULL;
}

static void wn_load(wordnet *w) {
  int p;
  char name[64];
  if (w->loaded) return;
  w->loaded = 1;
  if (!w->dir) {
    w->missing = 1;
    return;
  }
  for (p = 0; p < WN_NPOS; p++) {
    snprintf(name, sizeof name, "index.%s", wn_pos_name[p]);
    if (wn_read(w->dir, name, &w->index[p])) w->missing = 1;
    snprintf(name, sizeof name, "%s.exc", wn_pos_name[p]);
    (void)wn_read(w->dir, name, &w->exc[p]);
    snprintf(name, sizeof name, "%s/data.%s", w->dir, wn_pos_name[p]);
    if (!(w->data[p] = fopen(name, "rb"))) w->missing = 1;
  }
}

void wn_free(wordnet *w) {
  int p;
  for (p = 0; p < WN_NPOS; p++) {
    wn_file_free(&w->index[p]);
    wn_file_free(&w->exc[p]);
    if (w->data[p]) fclose(w->data[p]);
  }
  free(w->dir);
}

/* WordNet's morphy: base forms of word for part of speech p. */
static const char *const morph_rules[WN_NPOS][9][2] = {
    {{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"},
     {"shes", "sh"}, {"men", "man"}, {"ies", "y"}, {NULL, NULL}},
    {{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"},
     {"ed", ""}, {"ing", "e"}, {"ing", ""}, {NULL, NULL}},
    {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}, {NULL, NULL}}};

void sl_add(strlist *l, const char *s, size_t len) {
  size_t i;
  for (i = 0; i < l->n; i++)
    if (strlen(l->s[i]) == len && !memcmp(l->s[i], s, len)) return;
  l->s = hs_reallocarray(l->s, l->n + 1, sizeof *l->s);
  l->s[l->n++] = hs_strndup(s, len);
}

void sl_free(strlist *l) {
  size_t i;
  for (i = 0; i < l->n; i++) free(l->s[i]);
  free(l->s);
  l->s = NULL;
  l->n = 0;
}

/* Synonyms of the word (all parts of speech) into out. */
void wn_synonyms(wordnet *w, const char *word, strlist *out) {
  int p;
  wn_load(w);
  if (w->missing || strlen(word) > 60) return;
  for (p = 0; p < WN_NPOS; p++) {
    strlist lemmas = {NULL, 0};
    const char *line;
    char lb[8192];
    size_t k, wl = strlen(word);
    if (wn_find(&w->index[p], word, lb, sizeof lb)) sl_add(&lemmas, word, wl);
    if ((line = wn_find(&w->exc[p], word, lb, sizeof lb))) {
      const char *b = line + wl + 1, *e = b;
      while (*e && *e != ' ') e++;
      if (e > b) sl_add(&lemmas, b, (size_t)(e - b));
    }
    for (k = 0; morph_rules[p][k][0]; k++) {
      const char *suf = morph_rules[p][k][0], *rep = morph_rules[p][k][1];
      size_t sl = strlen(suf);
      char base[128];
      if (wl <= sl + 1 || strcmp(word + wl - sl, suf)) continue;
      snprintf(base, sizeof base, "%.*s%s", (int)(wl - sl), word, rep);
      if (wn_find(&w->index[p], base, lb, sizeof lb)) sl_add(&lemmas, base, strlen(base));
    }
    for (k = 0; k < lemmas.n; k++) {
      const char *il = wn_find(&w->index[p], lemmas.s[k], lb, sizeof lb);
      const char *f;
      long ncnt, pcnt, i;
      char *endp;
      if (!il) continue;
      /* lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt
      ** synset_offset... */
      f = strchr(il, ' ');
      if (!f) continue;
      f = strchr(f + 1, ' ');
      if (!f) continue;
      ncnt = strtol(f + 1, &endp, 10);
      pcnt = strtol(endp, &endp, 10);
      for (i = 0; i < pcnt && *endp; i++) {
        while (*endp == ' ') endp++;
        while (*endp && *endp != ' ') endp++;
      }
      (void)strtol(endp, &endp, 10);
      (void)strtol(endp, &endp, 10);
      for (i = 0; i < ncnt && i < WN_SENSES; i++) {
        long off = strtol(endp, &endp, 10), wcnt, j;
        char buf[4096], *q;
        if (off <= 0 || fseek(w->data[p], off, SEEK_SET) ||
            !fgets(buf, sizeof buf, w->data[p]))
          break;
        /* offset lex_filenum ss_type w_cnt word lex_id ... */
        q = buf;
        for (j = 0; j < 3 && q; j++) q = strchr(q + 1, ' ');
        if (!q) continue;
        wcnt = strtol(q + 1, &q, 16);
        for (j = 0; j < wcnt && j < 32; j++) {
          char *b, *e;
          while (*q == ' ') q++;
          b = q;
          while (*q && *q != ' ') q++;
          e = q;
          while (*q == ' ') q++;
          while (*q && *q != ' ') q++; /* lex_id */
          if (e - b > 3 && e[-3] == '(' ) e -= 3; /* adjective markers */
          if (memchr(b, '_', (size_t)(e - b)) || e == b) continue;
          sl_add(out, b, (size_t)(e - b));
        }
      }
    }
    sl_free(&lemmas);
  }
}
