/*
** seeds.c — seeds read out of the index: a document's pairs of equal word
** n-grams with every later document, and the pair join that finds them
** for one document pair without an index.
**
** hs_cindex_seeds walks the forward groups of a document and sorts what it
** gathers with two radix passes (by position, then by partner) instead of
** a general sort, since the keys are small integers; the join hashes A's
** shingles into an open-addressing table once per document and rolls B's
** hashes once per pair.  Both hand back seeds sorted by (b, posa, posb),
** the order alignment expects.
*/
#include "index/index.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

/* Sort one document's seeds by (b, posa), keeping the generation order
** (posb ascending) among equals: an LSD radix sort on the key
** (b - a) * (max posa + 1) + posa, 11 bits a pass, as few passes as the
** largest key needs. */
static void sort_seeds(hs_seed *s, size_t n, hs_seed **tmp, size_t *tmpcap) {
  enum { BITS = 11, NB = 1 << BITS };
  size_t count[NB];
  uint64_t maxposa = 0, maxkey = 0, mult;
  uint32_t a = s[0].a;
  size_t i;
  unsigned shift;
  hs_seed *src = s, *dst;
  for (i = 0; i < n; i++)
    if (s[i].posa > maxposa) maxposa = s[i].posa;
  mult = maxposa + 1;
  for (i = 0; i < n; i++) {
    uint64_t k = (uint64_t)(s[i].b - a) * mult + s[i].posa;
    if (k > maxkey) maxkey = k;
  }
  HS_GROW(*tmp, *tmpcap, n);
  dst = *tmp;
  for (shift = 0; shift < 64 && (maxkey >> shift) != 0; shift += BITS) {
    hs_seed *t;
    size_t sum = 0;
    memset(count, 0, sizeof count);
    for (i = 0; i < n; i++)
      count[(((uint64_t)(src[i].b - a) * mult + src[i].posa) >> shift) &
            (NB - 1)]++;
    for (i = 0; i < NB; i++) {
      size_t c = count[i];
      count[i] = sum;
      sum += c;
    }
    for (i = 0; i < n; i++)
      dst[count[(((uint64_t)(src[i].b - a) * mult + src[i].posa) >> shift) &
                (NB - 1)]++] = src[i];
    t = src;
    src = dst;
    dst = t;
  }
  if (src != s) memcpy(s, src, n * sizeof *s);
}

/* Sort s[0..n) stably by a 32-bit key, s[i].posa (by_b 0) or s[i].b - a
** (by_b 1): LSD radix, 8 bits a pass, skipping the digits that all keys
** share.  tmp holds n more; returns where the sorted seeds are (s or
** tmp). */
static hs_seed *radix_seeds(hs_seed *s, size_t n, hs_seed *tmp, int by_b,
                            uint32_t a) {
  enum { BITS = 8, NB = 1 << BITS };
  size_t count[NB], i;
  uint32_t all_or = 0, all_and = UINT32_MAX;
  unsigned shift;
#define SEED_KEY(x) (by_b ? (x).b - a : (x).posa)
  for (i = 0; i < n; i++) {
    uint32_t k = SEED_KEY(s[i]);
    all_or |= k;
    all_and &= k;
  }
  for (shift = 0; shift < 32; shift += BITS) {
    size_t sum = 0;
    hs_seed *t;
    if ((((all_or ^ all_and) >> shift) & (NB - 1)) == 0) continue;
    memset(count, 0, sizeof count);
    for (i = 0; i < n; i++) count[(SEED_KEY(s[i]) >> shift) & (NB - 1)]++;
    for (i = 0; i < NB; i++) {
      size_t c = count[i];
      count[i] = sum;
      sum += c;
    }
    for (i = 0; i < n; i++)
      tmp[count[(SEED_KEY(s[i]) >> shift) & (NB - 1)]++] = s[i];
    t = s;
    s = tmp;
    tmp = t;
  }
#undef SEED_KEY
  return s;
}

/* The two buffers trade places (a radix sort's result lies in either). */
static void swap_bufs(hs_seed **buf, size_t *cap, hs_seed **tmp,
                      size_t *tmpcap) {
  hs_seed *t = *buf;
  size_t c = *cap;
  *buf = *tmp;
  *cap = *tmpcap;
  *tmp = t;
  *tmpcap = c;
}

#define SEED_PREFETCH 8

/* a's seeds come out sorted by (b, posa, posb) without a general sort:
**  1. a's places in the index, one per member of a: each group a is in
**     is found once, and a's run of members in it by binary search (the
**     members are sorted by doc), so only partners >= a are ever read;
**  2. the places sorted by position (radix), then each expanded into its
**     partners in member order: seeds by (posa, b, posb);
**  3. a stable radix sort on b - a: (b, posa, posb).
** The places are kept in *tmp as seeds {group, offset of a's first member
** in it, position, -}. */
size_t hs_cindex_seeds(const hs_cindex *ci, uint32_t a, hs_seed **buf,
                       size_t *cap, hs_seed **tmp, size_t *tmpcap) {
  size_t n = 0, nocc, k;
  uint64_t f, f0, f1;
  uint32_t lo = a, ngram = (uint32_t)ci->ngram;
  hs_seed *occ;
  if (a >= ci->ndocs) return 0;
  f0 = ci->fstart[a];
  f1 = ci->fstart[a + 1];
  nocc = (size_t)(f1 - f0);
  if (!nocc) return 0;
  if (a < ci->first_new) lo = (uint32_t)ci->first_new;
  HS_GROW(*tmp, *tmpcap, nocc);
  HS_GROW(*buf, *cap, nocc);
  occ = *tmp;
  for (f = f0; f < f1;) {
    uint32_t g = ci->fwd_group[f];
    uint64_t gs = ci->gstart[g], ge = ci->gstart[g + 1], l = gs, h = ge, r;
    /* each group is a cache miss in gstart, then one in members:
    ** fetch both some groups ahead */
    if (f + 2 * SEED_PREFETCH < f1)
      __builtin_prefetch(&ci->gstart[ci->fwd_group[f + 2 * SEED_PREFETCH]]);
    if (f + SEED_PREFETCH < f1)
      __builtin_prefetch(
          &ci->members[ci->gstart[ci->fwd_group[f + SEED_PREFETCH]]]);
    while (l < h) { /* first member of a */
      uint64_t mid = l + (h - l) / 2;
      if (ci->members[mid].doc < a) l = mid + 1;
      else h = mid;
    }
    /* a occurring k times gives k consecutive entries for the group */
    for (r = l; f < f1 && ci->fwd_group[f] == g; f++, r++) {
      hs_seed *o = &occ[f - f0];
      o->a = g;
      o->b = (uint32_t)(l - gs);
      o->posa = ci->members[r].pos;
      o->posb = 0;
    }
  }
  if (radix_seeds(occ, nocc, *buf, 0, 0) != occ)
    swap_bufs(buf, cap, tmp, tmpcap);
  occ = *tmp;
  for (k = 0; k < nocc; k++) {
    uint32_t g = occ[k].a, posa = occ[k].posa;
    uint64_t j = ci->gstart[g] + occ[k].b, ge = ci->gstart[g + 1];
    hs_seed *s;
    HS_GROW(*buf, *cap, n + (size_t)(ge - j));
    s = *buf + n;
    for (; j < ge; j++) {
      const hs_member *q = &ci->members[j];
      if (q->doc < lo) continue;
      if (q->doc == a && (!ci->internal || q->pos < posa + ngram)) continue;
      s->a = a;
      s->b = q->doc;
      s->posa = posa;
      s->posb = q->pos;
      s++;
    }
    n = (size_t)(s - *buf);
  }
  if (n > 1) {
    HS_GROW(*tmp, *tmpcap, n);
    if (radix_seeds(*buf, n, *tmp, 1, a) != *buf)
      swap_bufs(buf, cap, tmp, tmpcap);
  }
  return n;
}

/* ------------------------------------------------------------ pair join */

void hs_joiner_free(hs_joiner *j) {
  free(j->sh);
  free(j->slot_hash);
  free(j->slot_head);
  free(j->next);
  free(j->shb);
  memset(j, 0, sizeof *j);
}

/* The join compares shingles by a rolling polynomial hash of their token
** hashes (two multiplications a word, where the index's shingle hash
** takes a dozen): B's shingles are hashed once per pair, A's once per
** document.  Equal shingles get equal keys, so no seed is lost; A's
** shingles that the index ignores (masked, capped: decided with the
** index's own hash) are left out of the table, so no seed is added but
** by a 64-bit collision, as with the index's hash itself. */
#define ROLL_MUL 0x9E3779B97F4A7C15ull

static uint64_t roll_top(int ngram) {
  uint64_t p = 1;
  int k;
  for (k = 1; k < ngram; k++) p *= ROLL_MUL;
  return p;
}

/* Keys of the ns shingles of tab into key[]; 0 is never a key. */
static void roll_keys(const hs_doctab *t, int ngram, size_t ns,
                      uint64_t *key) {
  uint64_t r = 0, top = roll_top(ngram);
  size_t i;
  int k;
  if (!ns) return;
  for (k = 0; k < ngram; k++) r = r * ROLL_MUL + t->hash[k];
  for (i = 0;; i++) {
    key[i] = r ? r : 1;
    if (i + 1 >= ns) break;
    r = (r - t->hash[i] * top) * ROLL_MUL + t->hash[i + (size_t)ngram];
  }
}

/* A's shingles in an open-addressing table: key -> first position, and
** next[] chains its later positions in ascending order. */
void hs_joiner_load(hs_joiner *j, const hs_doctab *A, uint32_t a, int ngram,
                    const hs_hashlist *capped) {
  size_t ns = hs_doctab_shingles(A, ngram, &j->sh, &j->capsh), i;
  size_t want = 16;
  while (want < 2 * ns) want <<= 1;
  if (want > j->nslots) {
    free(j->slot_hash);
    free(j->slot_head);
    j->slot_hash = hs_reallocarray(NULL, want, sizeof *j->slot_hash);
    j->slot_head = hs_reallocarray(NULL, want, sizeof *j->slot_head);
    j->nslots = want;
  }
  memset(j->slot_hash, 0, j->nslots * sizeof *j->slot_hash);
  HS_GROW(j->next, j->capnext, ns + 1);
  j->a = a;
  j->ngram = ngram;
  j->ns = ns;
  HS_GROW(j->shb, j->capshb, ns + 1);
  roll_keys(A, ngram, ns, j->shb);
  for (i = ns; i-- > 0;) {
    uint64_t h, k;
    if (!j->sh[i] || hs_hashlist_has(capped, j->sh[i])) {
      j->sh[i] = 0; /* seeds nothing, even paired with itself */
      continue;
    }
    h = j->sh[i] = j->shb[i];
    for (k = h & (j->nslots - 1); j->slot_hash[k] && j->slot_hash[k] != h;
         k = (k + 1) & (j->nslots - 1))
      ;
    if (j->slot_hash[k]) {
      j->next[i] = j->slot_head[k];
    } else {
      j->slot_hash[k] = h;
      j->next[i] = UINT32_MAX;
    }
    j->slot_head[k] = (uint32_t)i;
  }
}

size_t hs_joiner_seeds(hs_joiner *j, const hs_doctab *B, uint32_t b,
                       int internal, hs_seed **buf, size_t *cap,
                       hs_seed **tmp, size_t *tmpcap) {
  const uint64_t *hb;
  size_t nb, n = 0, q;
  int same = b == j->a;
  if (same && !internal) return 0;
  if (same) {
    hb = j->sh;
    nb = j->ns;
  } else {
    nb = B->n >= (uint32_t)j->ngram ? B->n - (uint32_t)j->ngram + 1 : 0;
    HS_GROW(j->shb, j->capshb, nb + 1);
    roll_keys(B, j->ngram, nb, j->shb);
    hb = j->shb;
  }
  for (q = 0; q < nb; q++) {
    uint64_t h = hb[q], k;
    uint32_t i;
    if (!h) continue;
    for (k = h & (j->nslots - 1); j->slot_hash[k] && j->slot_hash[k] != h;
         k = (k + 1) & (j->nslots - 1))
      ;
    if (!j->slot_hash[k]) continue;
    for (i = j->slot_head[k]; i != UINT32_MAX; i = j->next[i]) {
      hs_seed *s;
      if (same && q < (size_t)i + (size_t)j->ngram) break;
      HS_GROW(*buf, *cap, n + 1);
      s = &(*buf)[n++];
      s->a = j->a;
      s->b = b;
      s->posa = i;
      s->posb = (uint32_t)q;
    }
  }
  if (n > 1) sort_seeds(*buf, n, tmp, tmpcap);
  return n;
}
