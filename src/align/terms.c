/*
** terms.c — what the sentence stage keeps of a document besides its token
** table: the sentence bounds, found once while the document is added (its
** text is not kept), and the corpus counts that weight the terms.
**
** A term is the hash of the word's normalized form that the token table
** already holds, so the stage needs no table of its own per word.  Stems
** were tried (Snowball, by script) and dropped: on the development half of
** PAN 2013 they matched no more rewritten text than the words themselves
** and cost a stemming pass and four bytes a word.  Counts are a fixed table
** of counters indexed by the term's low bits (collisions only lower the
** weight of a rare term a little), so counting needs no hash table.
**
** Sentences end at ". ! ? ؟ ۔ 。" followed by a space or the end of the gap
** between two words (so "10.89" or "example.com" do not end one), at a
** blank line, and after 40 words without such a mark (long run-on news
** sentences are cut so that a moved part can still be matched alone).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "align/sentence.h"
#include "util/parallel.h"
#include "util/util.h"

#define MAX_SENT_WORDS 40

void hs_termcounts_init(hs_termcounts *tc, unsigned bits) {
  tc->c = hs_calloc((size_t)1 << bits, sizeof *tc->c);
  tc->mask = (uint32_t)(((uint64_t)1 << bits) - 1);
  tc->total = 0;
}

void hs_termcounts_free(hs_termcounts *tc) {
  free(tc->c);
  memset(tc, 0, sizeof *tc);
}

/* The table and its mask are read once: a counter's store could
** otherwise be the mask's, for all the compiler knows, and both be read
** again for every term.  The counter 64 terms ahead is fetched (a table
** past the second cache: 8% less time than 16 ahead on SaudiNewsNet). */
void hs_termcounts_add(hs_termcounts *tc, const uint32_t *term, uint32_t n) {
  uint32_t i, mask = tc->mask, *c = tc->c;
  for (i = 0; i + 64 < n; i++) {
    __builtin_prefetch(&c[term[i + 64] & mask], 1);
    if (term[i]) c[term[i] & mask]++;
  }
  for (; i < n; i++)
    if (term[i]) c[term[i] & mask]++;
  tc->total += n;
}

/* Counting documents in parallel: each thread counts the documents it
** takes into a table of its own (the first thread into tc), and the
** tables are summed into tc (subtracted, when uncounting); counters add
** up in any order, so the counts are those of one pass.  Fewer
** documents than this are counted in one. */
#define COUNT_PARALLEL_MIN 256

typedef struct count_job {
  const hs_docset *ds;
  const uint8_t *which;
  int sub;             /* uncounting (the first thread's table is tc) */
  hs_termcounts *part; /* per thread */
  hs_docbuf *buf;      /* per thread */
  hs_error *err;       /* per thread */
} count_job;

static int count_range(void *ud, int thread, size_t begin, size_t end) {
  count_job *j = ud;
  size_t i;
  for (i = begin; i < end; i++) {
    hs_doctab T;
    if (j->which && !j->which[i]) continue;
    if (hs_docset_get(j->ds, i, &T, &j->buf[thread], &j->err[thread]))
      return HS_EIO;
    if (j->sub && thread == 0) hs_termcounts_sub(&j->part[0], T.hash, T.n);
    else hs_termcounts_add(&j->part[thread], T.hash, T.n);
  }
  return 0;
}

static int count_docs(hs_termcounts *tc, const hs_docset *ds,
                      const uint8_t *which, int sub, int nthreads,
                      hs_error *err) {
  count_job j;
  size_t i;
  int t, rc, copied = 0;
  if (nthreads < 1 || ds->ndocs < COUNT_PARALLEL_MIN) nthreads = 1;
  j.ds = ds;
  j.which = which;
  j.sub = sub;
  j.part = hs_calloc((size_t)nthreads, sizeof *j.part);
  j.buf = hs_calloc((size_t)nthreads, sizeof *j.buf);
  j.err = hs_calloc((size_t)nthreads, sizeof *j.err);
  j.part[0] = *tc;
  for (t = 1; t < nthreads; t++)
    j.part[t].c = hs_calloc((size_t)tc->mask + 1, sizeof *tc->c),
    j.part[t].mask = tc->mask;
  rc = hs_parallel_for(nthreads, ds->ndocs, 64, count_range, &j);
  tc->total = j.part[0].total;
  for (t = 1; t < nthreads; t++) {
    const uint32_t *c = j.part[t].c;
    if (sub) {
      for (i = 0; i <= tc->mask; i++) tc->c[i] -= c[i];
      tc->total -= j.part[t].total;
    } else {
      for (i = 0; i <= tc->mask; i++) tc->c[i] += c[i];
      tc->total += j.part[t].total;
    }
    free(j.part[t].c);
  }
  for (t = 0; t < nthreads; t++) {
    if (rc && j.err[t].code && !copied) {
      *err = j.err[t];
      copied = 1;
    }
    hs_docbuf_free(&j.buf[t]);
  }
  if (rc && !copied) hs_error_set(err, rc, "token tables could not be read");
  free(j.part);
  free(j.buf);
  free(j.err);
  return rc;
}

int hs_termcounts_add_docs(hs_termcounts *tc, const hs_docset *ds,
                           const uint8_t *which, int nthreads,
                           hs_error *err) {
  return count_docs(tc, ds, which, 0, nthreads, err);
}

int hs_termcounts_sub_docs(hs_termcounts *tc, const hs_docset *ds,
                           const uint8_t *which, int nthreads,
                           hs_error *err) {
  return count_docs(tc, ds, which, 1, nthreads, err);
}

void hs_termcounts_sub(hs_termcounts *tc, const uint32_t *term, uint32_t n) {
  uint32_t i, mask = tc->mask, *c = tc->c;
  for (i = 0; i < n; i++)
    if (term[i]) c[term[i] & mask]--;
  tc->total -= n;
}

/* Counts below this have their weight computed once per table (per
** thread). */
#define IDF_MEMO 4096
/* The table is filled by blocks of counters on the threads (a table of a
** million counters is a few milliseconds of one thread); below this many
** counters, on one. */
#define IDF_BLOCKS 64
#define IDF_PARALLEL_MIN ((size_t)1 << 16)

typedef struct idf_job {
  const hs_termcounts *tc;
  double logtotal;
  uint8_t q1; /* the weight of a count of 0 or 1 */
  uint8_t *q;
  uint16_t (*memo)[IDF_MEMO]; /* per thread: a count's weight; above 255:
                              ** not yet */
  size_t nblocks;
} idf_job;

static int idf_range(void *ud, int thread, size_t begin, size_t end) {
  idf_job *j = ud;
  const uint32_t *c = j->tc->c;
  uint8_t *q = j->q, q1 = j->q1;
  uint16_t *memo = j->memo[thread];
  size_t b, i;
  for (b = begin; b < end; b++) {
    size_t i0 = ((size_t)j->tc->mask + 1) / j->nblocks * b;
    size_t i1 = ((size_t)j->tc->mask + 1) / j->nblocks * (b + 1);
    for (i = i0; i < i1; i++) {
      double v;
      /* eight counters at a time while all are 0 or 1 (a block starts at
      ** a multiple of 64 and holds a multiple of 64 counters) */
      while (!(i & 7) && i < i1 &&
             !((c[i] | c[i + 1] | c[i + 2] | c[i + 3] | c[i + 4] | c[i + 5] |
                c[i + 6] | c[i + 7]) & ~1u)) {
        memset(q + i, q1, 8);
        i += 8;
      }
      if (i >= i1) break;
      if (c[i] <= 1) {
        q[i] = q1;
        continue;
      }
      if (c[i] < IDF_MEMO && memo[c[i]] <= 255) {
        q[i] = (uint8_t)memo[c[i]];
        continue;
      }
      v = (j->logtotal - log((double)c[i])) * HS_IDF_UNIT;
      q[i] = (uint8_t)(v > 255 ? 255 : v < 0 ? 0 : v + 0.5);
      if (c[i] < IDF_MEMO) memo[c[i]] = q[i];
    }
  }
  return 0;
}

uint8_t *hs_sent_idf_table(const hs_termcounts *tc, int nthreads,
                           uint32_t *stopcnt, float *stopidf) {
  idf_job j;
  size_t size = (size_t)tc->mask + 1;
  /* most counters of a small corpus are 0 or 1: one log for those */
  double v1;
  if (nthreads < 1 || size < IDF_PARALLEL_MIN) nthreads = 1;
  j.tc = tc;
  j.logtotal = log((double)tc->total + 1.0);
  v1 = j.logtotal * HS_IDF_UNIT;
  j.q1 = (uint8_t)(v1 > 255 ? 255 : v1 < 0 ? 0 : v1 + 0.5);
  j.q = hs_malloc(size * sizeof *j.q);
  j.memo = hs_malloc((size_t)nthreads * sizeof *j.memo);
  memset(j.memo, 0xff, (size_t)nthreads * sizeof *j.memo);
  /* the table's size is a power of two of at least 4,096: blocks of a
  ** multiple of 64 counters */
  j.nblocks = nthreads > 1 ? IDF_BLOCKS : 1;
  hs_parallel_for(nthreads, j.nblocks, 1, idf_range, &j);
  free(j.memo);
  *stopcnt = (uint32_t)(tc->total / 1000 > 20 ? tc->total / 1000 : 20);
  *stopidf =
      (float)(j.logtotal - log((double)*stopcnt)) - 0.5f / HS_IDF_UNIT;
  return j.q;
}

/* Whether the bytes between two words end a sentence. */
static int ends_sentence(const unsigned char *g, size_t n) {
  size_t i, nl = 0;
  if (n == 1) /* one byte between two words, most often a space */
    return g[0] == '.' || g[0] == '!' || g[0] == '?';
  for (i = 0; i < n; i++) {
    unsigned char ch = g[i];
    if (ch == '.' || ch == '!' || ch == '?') {
      if (i + 1 == n || g[i + 1] == ' ' || g[i + 1] == '\n' ||
          g[i + 1] == '\r' || g[i + 1] == '\t' || g[i + 1] == '"' ||
          g[i + 1] == '\'' || g[i + 1] == ')' || g[i + 1] >= 0x80)
        return 1;
    } else if (ch == '\n') {
      if (++nl >= 2) return 1;
    } else if (ch == 0xD8 && i + 1 < n && g[i + 1] == 0x9F) {
      return 1; /* ؟ */
    } else if (ch == 0xDB && i + 1 < n && g[i + 1] == 0x94) {
      return 1; /* ۔ */
    } else if (ch == 0xE3 && i + 2 < n && g[i + 1] == 0x80 &&
               g[i + 2] == 0x82) {
      return 1; /* 。 */
    }
  }
  return 0;
}

void hs_senttab_build(hs_senttab *st, const char *text, const hs_token *toks,
                      size_t n) {
  size_t i, ns = 0, cap;
  uint32_t since = 0;
  memset(st, 0, sizeof *st);
  if (n > UINT32_MAX - 1) n = UINT32_MAX - 1;
  st->n = (uint32_t)n;
  if (!n) return;
  cap = n / 16 + 2;
  st->sent = hs_malloc(cap * sizeof *st->sent);
  st->sent[ns++] = 0;
  for (i = 1; i < n; i++) {
    since++;
    if (since >= MAX_SENT_WORDS ||
        ends_sentence((const unsigned char *)text + toks[i - 1].end,
                      toks[i].start - toks[i - 1].end)) {
      HS_GROW(st->sent, cap, ns + 2);
      st->sent[ns++] = (uint32_t)i;
      since = 0;
    }
  }
  st->sent[ns] = (uint32_t)n;
  st->nsent = (uint32_t)ns;
  if (ns + 1 < cap) /* give back what the guess over-allocated */
    st->sent = hs_reallocarray(st->sent, ns + 1, sizeof *st->sent);
}

void hs_senttab_free(hs_senttab *st) {
  if (!st) return;
  free(st->sent);
  memset(st, 0, sizeof *st);
}
