/*
** cold.c — the sentence stage's pairs without an n-gram passage (cold
** pairs), from the sentence keys of every document (candidates.c).
**
** A pair of documents without an n-gram passage is a candidate when they share
** COLD_TERMS sentence keys held by at most COLD_DOCS documents each (counted by
** document: a name repeated all through one long text is still rare for pairs
** of documents; an obfuscated copy's rarest words are often inserted ones, so
** one shared key per sentence is too few to ask), or COLD_TERMS keys held by at
** most COLD_WIDE documents (a wide pair: a reworded copy keeps a topic's words
** that are rare but not that rare; in a corpus of one subject they are the
** shared terms, so the stage asks more of its passages there), or COLD_WEAK of
** the rarest (a weak pair, where the stage keeps only passages inside both
** documents: a short copy has few rare words), or COLD_THIN keys held by at
** most COLD_WIDE documents (a thin pair: a reworded copy of two or three
** sentences keeps a key or two of each; compared as a wide pair, but not looked
** at by the summary pass, where two short reports of one kind that share four
** such keys were read as a summary of each other).  The pairs are counted
** document by document, in one counter per document reached through the keys it
** holds (memory linear in the keys, no list of pairs to sort).
**
** The keys held by few documents are first laid out as groups, by parts
** of the sorted keys on the threads, and each document's places in them
** found by a counting sort whose parts also run side by side; then each
** block of documents counts the documents it shares keys with, on the
** threads, and the blocks' pairs are joined in order: the pairs and their
** order are those of one pass.
*/
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "align/sentence.h"
#include "util/parallel.h"
#include "util/util.h"

#define COLD_DOCS 32   /* a pair without an n-gram passage: keys held by
                       ** at most this many documents... */
#define COLD_TERMS 6   /* ...at least this many of them shared (or
                       ** COLD_WEAK, a weak pair: sentence_pair.c keeps
                       ** only passages inside both documents there) */
#define COLD_WEAK 5
#define COLD_THIN 4    /* a thin pair: this many keys held by at most
                       ** COLD_WIDE documents */
#define COLD_WIDE 96   /* ...or COLD_TERMS keys held by at most this many
                       ** documents (a wide pair; sentence_pair.c keeps
                       ** no passage at an end of both documents there,
                       ** nor a short one) */
#define PREFETCH_GROUPS 4 /* groups of a key's documents ahead, fetched */

static int u32_cmp(const void *x, const void *y) {
  uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
  return (a > b) - (a < b);
}

/* The distinct documents of the postings [x, y) of one key (sorted by
** document) into d, at most max + 1 of them; their number. */
static size_t key_docs(const uint64_t *pk, size_t x, size_t y, uint32_t *d,
                       size_t max) {
  size_t m = 0, u;
  for (u = x; u < y && m <= max; u++)
    if (!m || d[m - 1] != (uint32_t)pk[u]) d[m++] = (uint32_t)pk[u];
  return m;
}

/* The cold pairs' search by document: documents [x0, x1) of each block
** found in parallel, each block's pairs in lists of its own, joined in
** the blocks' order (the order of one pass over the documents). */
#define SELECT_BLOCKS 64
#define COLD_PARALLEL_MIN ((size_t)1 << 12) /* fewer keys: one part */

typedef struct slist {
  uint64_t *v;
  size_t n, cap;
} slist;

typedef struct sblock {
  slist sel, wide, thin, weak;
} sblock;

typedef struct sscr {
  uint64_t *cnt;
  uint32_t *touched;
} sscr;

typedef struct sjob {
  size_t ndocs, first_new, mask;
  const size_t *first;
  const uint32_t *place, *pend, *gd, *deg;
  const uint8_t *pw, *paired;
  const uint64_t *tk;
  uint32_t lim;
  sblock *blk;
  sscr *scr;
} sjob;

static void slist_add(slist *l, uint64_t key) {
  HS_GROW(l->v, l->cap, l->n + 1);
  l->v[l->n++] = key;
}

static int select_block(void *ud, int thread, size_t begin, size_t end) {
  const sjob *j = ud;
  size_t b;
  for (b = begin; b < end; b++) {
    size_t x0 = j->ndocs * b / SELECT_BLOCKS;
    size_t x1 = j->ndocs * (b + 1) / SELECT_BLOCKS, x;
    sblock *o = &j->blk[b];
    uint64_t *cnt = j->scr[thread].cnt;
    uint32_t *touched = j->scr[thread].touched;
    const size_t *first = j->first;
    const uint32_t *place = j->place, *pend = j->pend, *gd = j->gd;
    const uint32_t *deg = j->deg;
    const uint32_t lim = j->lim;
    for (x = x0; x < x1; x++) {
      size_t nt = 0, ns = 0, z, w;
      for (z = first[x]; z < first[x + 1]; z++) {
        /* the groups lie anywhere: the one a few places on is fetched
        ** while this one is read */
        if (z + PREFETCH_GROUPS < first[j->ndocs])
          __builtin_prefetch(&gd[place[z + PREFETCH_GROUPS]]);
        for (w = place[z] + 1; w < pend[z]; w++) {
          uint32_t db = gd[w];
          if (db < j->first_new || deg[db] < lim) continue;
          /* keys held by at most COLD_DOCS documents counted in the high
          ** half, all in the low one */
          if (!cnt[db]) touched[nt++] = db;
          cnt[db] += 1 + ((uint64_t)j->pw[z] << 32);
        }
      }
      for (z = 0; z < nt; z++) {
        uint32_t db = touched[z];
        /* a weak pair's document is marked by the top bit, a wide
        ** pair's by the next, a thin pair's by both */
        uint64_t rare = cnt[db] >> 32, all = (uint32_t)cnt[db];
        if (rare >= COLD_TERMS)
          touched[ns++] = db;
        else if (lim < COLD_TERMS && all >= COLD_TERMS)
          touched[ns++] = db | 0x40000000u;
        else if (lim < COLD_TERMS && rare >= COLD_WEAK)
          touched[ns++] = db | 0x80000000u;
        else if (all >= lim)
          touched[ns++] = db | 0xc0000000u;
        cnt[db] = 0;
      }
      if (!ns) continue;
      qsort(touched, ns, sizeof *touched, u32_cmp);
      for (z = 0; z < ns; z++) {
        uint32_t db = touched[z] & 0x3fffffffu;
        uint64_t key = (uint64_t)x << 32 | db;
        if (j->tk && j->paired[x] && j->paired[db] &&
            j->tk[hs_sent_pairset_slot(j->tk, j->mask, key)] == key)
          continue;
        if ((touched[z] & 0xc0000000u) == 0xc0000000u)
          slist_add(&o->thin, key);
        else if (touched[z] & 0x40000000u)
          slist_add(&o->wide, key);
        else if (touched[z] != db)
          slist_add(&o->weak, key);
        else
          slist_add(&o->sel, key);
      }
    }
  }
  return 0;
}

/* The blocks' lists of one kind (at offset off of a block) appended to
** *out, in the blocks' order, and freed. */
static void slist_join(sblock *blk, size_t off, slist *out) {
  size_t b;
  for (b = 0; b < SELECT_BLOCKS; b++) {
    slist *l = (slist *)((char *)&blk[b] + off);
    if (l->n) {
      HS_GROW(out->v, out->cap, out->n + l->n);
      memcpy(out->v + out->n, l->v, l->n * sizeof *l->v);
      out->n += l->n;
    }
    free(l->v);
  }
}

/* The keys held by two to COLD_WIDE documents, found by parts of the
** sorted keys (whole keys each) on the threads, then laid end to end in
** the parts' order: their documents (gd, group g is [gs[g], gs[g + 1])),
** whether they are held by at most COLD_DOCS (gw), and how many such
** keys each document holds in each part (its deg; the caller sums them,
** then makes them where the part's places of each document start). */
typedef struct gpart {
  size_t x0, x1; /* its keys: pk[x0 .. x1) */
  uint32_t *gd;
  size_t *gs, ngd, capgd, ng, capg, capgw;
  uint8_t *gw;
  uint32_t *deg; /* per document */
} gpart;

typedef struct gjob {
  const uint64_t *pk;
  gpart *part;
} gjob;

static int group_part(void *ud, int thread, size_t begin, size_t end) {
  gjob *j = ud;
  size_t p, x, y, u;
  uint32_t d[COLD_WIDE + 1];
  (void)thread;
  for (p = begin; p < end; p++) {
    gpart *g = &j->part[p];
    for (x = g->x0; x < g->x1; x = y) {
      size_t m;
      for (y = x + 1; y < g->x1 && j->pk[y] >> 32 == j->pk[x] >> 32; y++) {}
      if (y - x < 2) continue;
      m = key_docs(j->pk, x, y, d, COLD_WIDE);
      if (m < 2 || m > COLD_WIDE) continue;
      HS_GROW(g->gd, g->capgd, g->ngd + m);
      HS_GROW(g->gs, g->capg, g->ng + 1);
      HS_GROW(g->gw, g->capgw, g->ng + 1);
      g->gw[g->ng] = m <= COLD_DOCS;
      g->gs[g->ng++] = g->ngd;
      for (u = 0; u < m; u++) {
        g->deg[d[u]]++;
        g->gd[g->ngd++] = d[u];
      }
    }
  }
  return 0;
}

/* The groups' places by document: for each document (holding lim keys or
** more) its places in the groups, in the groups' order, each with the
** end of its group and the group's gw; part p's places of document x
** start at part[p].deg[x] (made so by the caller). */
typedef struct pjob {
  gpart *part;
  const size_t *goff;  /* per part: its first group */
  const size_t *gs;
  const uint32_t *gd, *deg0;
  const uint8_t *gw;
  uint32_t lim;
  uint32_t *place, *pend;
  uint8_t *pw;
} pjob;

static int place_part(void *ud, int thread, size_t begin, size_t end) {
  pjob *j = ud;
  size_t p, g, u;
  (void)thread;
  for (p = begin; p < end; p++) {
    uint32_t *at = j->part[p].deg;
    for (g = j->goff[p]; g < j->goff[p + 1]; g++)
      for (u = j->gs[g]; u < j->gs[g + 1]; u++) {
        uint32_t x = j->gd[u];
        if (j->deg0[x] >= j->lim) {
          size_t k = at[x]++;
          j->place[k] = (uint32_t)u;
          j->pw[k] = j->gw[g];
          j->pend[k] = (uint32_t)j->gs[g + 1];
        }
      }
  }
  return 0;
}

void hs_sent_cold_select(const uint64_t *pk, size_t np, size_t ndocs,
                         const uint8_t *paired, const uint64_t *known,
                         size_t nknown, size_t first_new, int nthreads,
                         uint64_t **out, size_t *nout, size_t *nstrong,
                         size_t *nwidep, size_t *nthinp) {
  size_t x, u, g, q, mask = 0, ngd = 0, ng = 0, nparts, *gs, *first, *goff;
  uint64_t *tk = NULL;
  uint32_t *gd, *deg, *place, *pend;
  uint8_t *gw, *pw;
  slist sel = {0}, wide = {0}, thin = {0}, weak = {0};
  uint32_t lim = nstrong && ndocs <= 0x3fffffffu ? COLD_THIN : COLD_TERMS;
  gpart *part;
  gjob gj;
  sjob j;
  int t;
  /* the keys held by two to COLD_WIDE documents, once, and how many such
  ** keys each document holds (a document holding fewer than lim is in no
  ** pair that shares lim of them); parts of the keys on the threads */
  nparts = nthreads > 1 && np >= COLD_PARALLEL_MIN ? (size_t)nthreads : 1;
  part = hs_calloc(nparts, sizeof *part);
  for (q = 0; q < nparts; q++) { /* each from the first whole key on */
    x = np / nparts * q + np % nparts * q / nparts;
    while (x > 0 && x < np && pk[x] >> 32 == pk[x - 1] >> 32) x++;
    part[q].x0 = x;
    if (q) part[q - 1].x1 = x;
    part[q].deg = hs_calloc(ndocs + 1, sizeof *part[q].deg);
  }
  part[nparts - 1].x1 = np;
  gj.pk = pk;
  gj.part = part;
  hs_parallel_for((int)nparts, nparts, 1, group_part, &gj);
  goff = hs_malloc((nparts + 1) * sizeof *goff);
  for (q = 0; q < nparts; q++) {
    goff[q] = ng;
    ng += part[q].ng;
    ngd += part[q].ngd;
  }
  goff[nparts] = ng;
  gd = hs_malloc((ngd + 1) * sizeof *gd);
  gs = hs_malloc((ng + 1) * sizeof *gs);
  gw = hs_malloc(ng + 1);
  for (q = 0, u = 0; q < nparts; q++) {
    const gpart *gp = &part[q];
    if (gp->ngd) memcpy(gd + u, gp->gd, gp->ngd * sizeof *gd);
    if (gp->ng) memcpy(gw + goff[q], gp->gw, gp->ng);
    for (g = 0; g < gp->ng; g++) gs[goff[q] + g] = gp->gs[g] + u;
    u += gp->ngd;
  }
  gs[ng] = ngd;
  deg = hs_calloc(ndocs + 1, sizeof *deg);
  for (q = 0; q < nparts; q++)
    for (x = 0; x < ndocs; x++) deg[x] += part[q].deg[x];
  if (known) tk = hs_sent_pairset_new(known, nknown, &mask, NULL);
  /* each document's places in the groups (counting sort by document: a
  ** part's places of a document after those of the parts before), then
  ** for each document the documents after it in its groups, counted in a
  ** table of one counter per document (one per thread) */
  first = hs_calloc(ndocs + 2, sizeof *first);
  for (x = 0; x < ndocs; x++)
    first[x + 1] = first[x] + (deg[x] >= lim ? deg[x] : 0);
  for (x = 0; x < ndocs; x++) {
    uint32_t at = (uint32_t)first[x];
    for (q = 0; q < nparts; q++) {
      uint32_t c = part[q].deg[x];
      part[q].deg[x] = at;
      at += c;
    }
  }
  place = hs_malloc((first[ndocs] + 1) * sizeof *place);
  pend = hs_malloc((first[ndocs] + 1) * sizeof *pend);
  pw = hs_malloc((first[ndocs] + 1) * sizeof *pw);
  {
    pjob pj;
    pj.goff = goff;
    pj.gs = gs;
    pj.gd = gd;
    pj.gw = gw;
    pj.deg0 = deg;
    pj.lim = lim;
    pj.place = place;
    pj.pend = pend;
    pj.pw = pw;
    pj.part = part;
    hs_parallel_for((int)nparts, nparts, 1, place_part, &pj);
  }
  for (q = 0; q < nparts; q++) {
    free(part[q].gd), free(part[q].gs), free(part[q].gw);
    free(part[q].deg);
  }
  free(part);
  free(goff);
  if (nthreads < 1 || ndocs < SELECT_BLOCKS) nthreads = 1;
  memset(&j, 0, sizeof j);
  j.ndocs = ndocs;
  j.first_new = first_new;
  j.mask = mask;
  j.first = first;
  j.place = place;
  j.pend = pend;
  j.gd = gd;
  j.deg = deg;
  j.pw = pw;
  j.paired = paired;
  j.tk = tk;
  j.lim = lim;
  j.blk = hs_calloc(SELECT_BLOCKS, sizeof *j.blk);
  j.scr = hs_calloc((size_t)nthreads, sizeof *j.scr);
  for (t = 0; t < nthreads; t++) {
    j.scr[t].cnt = hs_calloc(ndocs + 1, sizeof *j.scr[t].cnt);
    j.scr[t].touched = hs_malloc((ndocs + 1) * sizeof *j.scr[t].touched);
  }
  hs_parallel_for(nthreads, SELECT_BLOCKS, 1, select_block, &j);
  for (t = 0; t < nthreads; t++) {
    free(j.scr[t].cnt);
    free(j.scr[t].touched);
  }
  free(j.scr);
  slist_join(j.blk, offsetof(sblock, sel), &sel);
  slist_join(j.blk, offsetof(sblock, wide), &wide);
  slist_join(j.blk, offsetof(sblock, thin), &thin);
  slist_join(j.blk, offsetof(sblock, weak), &weak);
  free(j.blk);
  free(place);
  free(pend);
  free(pw);
  free(gw);
  free(first);
  free(deg);
  free(tk);
  free(gd);
  free(gs);
  if (nstrong) { /* the wide, the thin, then the weak pairs after the
    ** others */
    size_t ncold = sel.n;
    HS_GROW(sel.v, sel.cap, ncold + wide.n + thin.n + weak.n + 1);
    if (wide.n) memcpy(sel.v + ncold, wide.v, wide.n * sizeof *wide.v);
    ncold += wide.n;
    if (thin.n) memcpy(sel.v + ncold, thin.v, thin.n * sizeof *thin.v);
    ncold += thin.n;
    *nstrong = ncold;
    if (nwidep) *nwidep = wide.n + thin.n;
    if (nthinp) *nthinp = thin.n;
    if (weak.n) memcpy(sel.v + ncold, weak.v, weak.n * sizeof *weak.v);
    sel.n = ncold + weak.n;
  }
  free(weak.v);
  free(wide.v);
  free(thin.v);
  *out = sel.v;
  *nout = sel.n;
}
