/*
** corpus.c — the hs_corpus container.
**
** Documents live in one growable array of hs_doc, so a corpus costs its
** text plus about a hundred bytes per document.  Ids are indexed by an
** open-addressing hash table (linear probing, XXH3-64 of the id, load at
** most one half) holding document indexes; the stored hash makes probes
** and rehashing cheap, so lookups and duplicate checks are O(1) on average.
** The "source" string is shared: consecutive documents from one file point
** at a single copy, kept in a list of interned names.
*/
#include "ingest/ingest.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

typedef struct id_slot {
  uint64_t hash;
  size_t idx1;           /* document index + 1; 0 marks an empty slot */
} id_slot;

struct hs_corpus {
  hs_doc *docs;
  size_t n, cap;
  id_slot *slots;
  size_t nslots;         /* a power of two, or 0 before the first add */
  char **sources;        /* interned source names */
  size_t nsources, capsources;
};

hs_corpus *hs_corpus_new(void) {
  return hs_calloc(1, sizeof(hs_corpus));
}

static void doc_free_owned(hs_doc *d) {
  free(d->id);
  free(d->text);
  free(d->series);
  free(d->date);
  free(d->title);
  free(d->url);
  free(d->extra);
}

void hs_corpus_free(hs_corpus *c) {
  size_t i;
  if (!c) return;
  for (i = 0; i < c->n; i++) doc_free_owned(&c->docs[i]);
  for (i = 0; i < c->nsources; i++) free(c->sources[i]);
  free(c->docs);
  free(c->slots);
  free(c->sources);
  free(c);
}

size_t hs_corpus_count(const hs_corpus *c) {
  return c ? c->n : 0;
}

const hs_doc *hs_corpus_doc(const hs_corpus *c, size_t i) {
  if (!c || i >= c->n) return NULL;
  return &c->docs[i];
}

static uint64_t id_hash(const char *id) {
  return XXH3_64bits(id, strlen(id));
}

/* Slot holding id (idx1 != 0) or the empty slot where it would go. */
static id_slot *id_lookup(const hs_corpus *c, const char *id, uint64_t h) {
  size_t mask = c->nslots - 1, k = (size_t)h & mask;
  for (;;) {
    id_slot *s = &c->slots[k];
    if (!s->idx1) return s;
    if (s->hash == h && strcmp(c->docs[s->idx1 - 1].id, id) == 0) return s;
    k = (k + 1) & mask;
  }
}

static void id_rehash(hs_corpus *c, size_t nslots) {
  id_slot *old = c->slots;
  size_t nold = c->nslots, i;
  c->slots = hs_calloc(nslots, sizeof *c->slots);
  c->nslots = nslots;
  for (i = 0; i < nold; i++) {
    if (old[i].idx1) {
      size_t mask = nslots - 1, k = (size_t)old[i].hash & mask;
      while (c->slots[k].idx1) k = (k + 1) & mask;
      c->slots[k] = old[i];
    }
  }
  free(old);
}

long hs_corpus_find(const hs_corpus *c, const char *id) {
  id_slot *s;
  if (!c || !id || !c->nslots) return -1;
  s = id_lookup(c, id, id_hash(id));
  return s->idx1 ? (long)(s->idx1 - 1) : -1;
}

static const char *source_intern(hs_corpus *c, const char *source) {
  if (!source) return NULL;
  if (c->nsources && strcmp(c->sources[c->nsources - 1], source) == 0)
    return c->sources[c->nsources - 1];
  HS_GROW(c->sources, c->capsources, c->nsources + 1);
  c->sources[c->nsources] = hs_strdup(source);
  return c->sources[c->nsources++];
}

int hs_corpus_take(hs_corpus *c, hs_doc *d, hs_error *err) {
  uint64_t h;
  id_slot *s;
  int rc = HS_OK;
  if (!c || !d->id || (!d->text && d->len)) {
    rc = hs_error_set(err, HS_EUSAGE,
                      "hs_corpus_add: missing corpus, id or text");
    goto fail;
  }
  if (!d->text) d->text = hs_calloc(1, 1);
  if ((c->n + 1) * 2 > c->nslots) id_rehash(c, c->nslots ? c->nslots * 2 : 64);
  h = id_hash(d->id);
  s = id_lookup(c, d->id, h);
  if (s->idx1) {
    rc = hs_error_set(err, HS_EINPUT, "duplicate document id \"%.200s\"; "
                      "ids must be unique", d->id);
    goto fail;
  }
  HS_GROW(c->docs, c->cap, c->n + 1);
  d->source = (char *)(uintptr_t)source_intern(c, d->source);
  c->docs[c->n] = *d;
  s->hash = h;
  s->idx1 = ++c->n;
  return HS_OK;
fail:
  doc_free_owned(d);
  memset(d, 0, sizeof *d);
  return rc;
}

int hs_corpus_add(hs_corpus *c, const char *id, const char *text,
                  size_t len, const char *series, const char *date,
                  const char *title, const char *url, const char *extra,
                  const char *source, uint64_t line, hs_error *err) {
  hs_doc d;
  if (!c || !id || (!text && len)) {
    return hs_error_set(err, HS_EUSAGE,
                        "hs_corpus_add: missing corpus, id or text");
  }
  memset(&d, 0, sizeof d);
  d.id = hs_strdup(id);
  d.text = hs_strndup(text ? text : "", len);
  d.len = len;
  d.series = hs_strdup(series);
  d.date = hs_strdup(date);
  d.title = hs_strdup(title);
  d.url = hs_strdup(url);
  d.extra = hs_strdup(extra);
  d.source = (char *)(uintptr_t)source;
  d.line = line;
  return hs_corpus_take(c, &d, err);
}

void hs_corpus_release_text(hs_corpus *c, size_t i) {
  if (!c || i >= c->n) return;
  free(c->docs[i].text);
  c->docs[i].text = NULL;
  c->docs[i].len = 0;
}

void hs_corpus_release_meta(hs_corpus *c, size_t i) {
  hs_doc *d;
  if (!c || i >= c->n) return;
  d = &c->docs[i];
  free(d->series);
  free(d->date);
  free(d->title);
  free(d->url);
  free(d->extra);
  d->series = d->date = d->title = d->url = d->extra = NULL;
}
