/*
** search.c — the in-memory claim index and the BM25 scorer.
**
** Every sentence of the corpus is analyzed (lexicon.c) into terms; the
** index keeps, per term, the postings (sentence, term frequency) and, per
** sentence, its length in words.  A query is analyzed the same way into
** concepts, each with weighted alternatives (the word's stem at 1, its
** transliteration key at 0.5, synonyms at 0.7, an entity alias at 1).
**
** Score (Okapi BM25, k1 = 1.2, b = 0.75): for each concept, the best of
** its alternatives found in the sentence,
**     weight × idf(term) × tf (k1 + 1) / (tf + k1 (1 − b + b dl/avgdl)),
** idf = ln(1 + (N − df + 0.5) / (df + 0.5)), summed over concepts, so a
** concept counts once however many of its synonyms appear.  The reported
** score divides this by what a sentence of average length matching every
** concept's first alternative once would get, so it is about 0..1 and
** comparable between queries.  Scoring walks only the postings of the
** query's terms; the winners are analyzed again to explain the matches.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims/claims.h"

#define K1 1.2
#define B 0.75

extern const char hs_entities_tsv[];
extern const size_t hs_entities_tsv_len;

typedef struct posting {
  uint32_t sent, tf;
} posting;

typedef struct plist {
  posting *p;
  size_t n, cap;
} plist;

typedef struct sent {
  uint32_t doc, start, end, dl;
} sent;

struct hs_claims {
  hs_lexicon *lex;
  const hs_corpus *corpus;
  sent *s;
  size_t ns, scap;
  double total_dl;
  hs_smap terms;
  plist *post;
  size_t npost, pcap;
  const volatile int *cancel; /* hs_claims_set_cancel */
};

void hs_claims_set_cancel(hs_claims *c, const volatile int *cancel) {
  if (c) c->cancel = cancel;
}

int hs_claims_cancelled(const hs_claims *c);
int hs_claims_cancelled(const hs_claims *c) {
  return c && c->cancel && *c->cancel;
}

hs_lexicon *hs_claims_lexicon(hs_claims *c);
hs_lexicon *hs_claims_lexicon(hs_claims *c) { return c->lex; }

int hs_claims_new(hs_claims **out, const char *wordnet_dir, hs_error *err) {
  hs_claims *c = hs_calloc(1, sizeof *c);
  int rc;
  *out = NULL;
  if ((rc = hs_lex_new(&c->lex, wordnet_dir ? wordnet_dir : "/usr/share/wordnet",
                       err)))
    goto fail;
  if ((rc = hs_lex_add_table(c->lex, hs_entities_tsv, hs_entities_tsv_len,
                             "entities.tsv", err)))
    goto fail;
  *out = c;
  return HS_OK;
fail:
  hs_claims_free(c);
  return rc;
}

void hs_claims_free(hs_claims *c) {
  size_t i;
  if (!c) return;
  hs_lex_free(c->lex);
  free(c->s);
  hs_smap_free(&c->terms);
  for (i = 0; i < c->npost; i++) free(c->post[i].p);
  free(c->post);
  free(c);
}

void hs_claims_clear(hs_claims *c) {
  size_t i;
  if (!c) return;
  c->corpus = NULL;
  c->ns = 0;
  c->total_dl = 0;
  hs_smap_free(&c->terms);
  hs_smap_init(&c->terms);
  for (i = 0; i < c->npost; i++) free(c->post[i].p);
  c->npost = 0;
}

int hs_claims_add_aliases(hs_claims *c, const char *path, hs_error *err) {
  FILE *f = fopen(path, "rb");
  hs_buf b;
  char chunk[65536];
  size_t k;
  int rc;
  if (!f) return hs_error_set(err, HS_EINPUT, "%s: cannot open the alias "
                              "table", path);
  hs_buf_init(&b, (size_t)64 << 20);
  while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
    if (hs_buf_append(&b, chunk, k)) {
      fclose(f);
      hs_buf_free(&b);
      return hs_error_set(err, HS_EINPUT, "%s: alias table larger than 64 "
                          "MiB", path);
    }
  fclose(f);
  rc = hs_lex_add_table(c->lex, b.p ? b.p : "", b.len, path, err);
  hs_buf_free(&b);
  return rc;
}

static uint32_t term_id(hs_claims *c, const char *t, size_t len) {
  uint32_t id = hs_smap_put(&c->terms, t, len, (uint32_t)c->npost);
  if (id == c->npost) {
    HS_GROW(c->post, c->pcap, c->npost + 1);
    memset(&c->post[c->npost], 0, sizeof *c->post);
    c->npost++;
  }
  return id;
}

static int cmp_u32(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

int hs_claims_add_corpus(hs_claims *c, const hs_corpus *corpus,
                         hs_error *err) {
  hs_analysis a;
  size_t d, i, k, nids = 0, idcap = 0;
  uint32_t *ids = NULL;
  int rc = HS_OK;
  hs_analysis_init(&a);
  c->corpus = corpus;
  for (d = 0; d < hs_corpus_count(corpus); d++) {
    const hs_doc *doc = hs_corpus_doc(corpus, d);
    hs_sentence *ss = NULL;
    size_t ns = 0;
    if (!doc->text) continue;
    if (hs_claims_cancelled(c)) {
      rc = hs_error_set(err, HS_EINTR, "interrupted");
      break;
    }
    if ((rc = hs_sentences_split(doc->text, doc->len, &ss, &ns, err))) break;
    for (i = 0; i < ns; i++) {
      uint32_t sid = (uint32_t)c->ns;
      if ((rc = hs_lex_analyze(c->lex, doc->text + ss[i].start,
                               ss[i].end - ss[i].start, &a, err)))
        break;
      HS_GROW(c->s, c->scap, c->ns + 1);
      c->s[c->ns].doc = (uint32_t)d;
      c->s[c->ns].start = ss[i].start;
      c->s[c->ns].end = ss[i].end;
      c->s[c->ns].dl = (uint32_t)a.dl;
      c->ns++;
      c->total_dl += (double)a.dl;
      nids = 0;
      for (k = 0; k < a.n; k++) {
        uint32_t offs[3] = {a.w[k].stem, a.w[k].key, a.w[k].alias};
        int j;
        for (j = 0; j < 3; j++)
          if (offs[j] != HS_NOSTR) {
            const char *t = HS_ASTR(&a, offs[j]);
            HS_GROW(ids, idcap, nids + 1);
            ids[nids++] = term_id(c, t, strlen(t));
          }
      }
      if (nids) qsort(ids, nids, sizeof *ids, cmp_u32);
      for (k = 0; k < nids;) {
        size_t e = k;
        plist *pl;
        while (e < nids && ids[e] == ids[k]) e++;
        pl = &c->post[ids[k]];
        HS_GROW(pl->p, pl->cap, pl->n + 1);
        pl->p[pl->n].sent = sid;
        pl->p[pl->n].tf = (uint32_t)(e - k);
        pl->n++;
        k = e;
      }
    }
    free(ss);
    if (rc) break;
  }
  free(ids);
  hs_analysis_free(&a);
  return rc;
}

static double idf(double n, double df) {
  return log(1.0 + (n - df + 0.5) / (df + 0.5));
}

double hs_alt_idf(double n, double df, double idf0, size_t j) {
  double x = idf(n, df);
  return j > 0 && idf0 < x ? idf0 : x;
}

static double tfpart(double tf, double dl, double avgdl) {
  if (avgdl <= 0) avgdl = 1;
  return tf * (K1 + 1) / (tf + K1 * (1 - B + B * dl / avgdl));
}

static void json_str(hs_buf *b, const char *s, size_t len) {
  size_t i;
  hs_buf_putc(b, '"');
  for (i = 0; i < len; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch == '"' || ch == '\\') {
      hs_buf_putc(b, '\\');
      hs_buf_putc(b, ch);
    } else if (ch < 0x20) {
      char e[8];
      snprintf(e, sizeof e, "\\u%04x", ch);
      hs_buf_append(b, e, 6);
    } else {
      hs_buf_putc(b, ch);
    }
  }
  hs_buf_putc(b, '"');
}

double hs_bm25_score(const hs_query *q, const hs_analysis *a,
                     const hs_bm25_stats *st, double *max, hs_buf *explain,
                     const char *text) {
  size_t i, j, k;
  double total = 0, best_possible = 0;
  int first = 1;
  if (explain) hs_buf_putc(explain, '[');
  for (i = 0; i < q->n; i++) {
    const hs_qconcept *c = &q->c[i];
    double best = 0, idf0;
    size_t bw = 0, balt = 0;
    if (!c->nalt) continue;
    idf0 = idf(st->n, st->df(st->ud, c->alt[0].term));
    best_possible += c->alt[0].weight * idf0 * tfpart(1, st->avgdl, st->avgdl);
    for (j = 0; j < c->nalt; j++) {
      const char *t = c->alt[j].term;
      double tf = 0, v;
      size_t where = 0;
      for (k = 0; k < a->n; k++) {
        const hs_aword *w = &a->w[k];
        if ((w->stem != HS_NOSTR && !strcmp(HS_ASTR(a, w->stem), t)) ||
            (w->key != HS_NOSTR && !strcmp(HS_ASTR(a, w->key), t)) ||
            (w->alias != HS_NOSTR && !strcmp(HS_ASTR(a, w->alias), t))) {
          if (!tf) where = k;
          tf++;
        }
      }
      if (!tf) continue;
      v = c->alt[j].weight * hs_alt_idf(st->n, st->df(st->ud, t), idf0, j) *
          tfpart(tf, (double)a->dl, st->avgdl);
      if (v > best) {
        best = v;
        bw = where;
        balt = j;
      }
    }
    if (best <= 0) continue;
    total += best;
    if (explain) {
      const hs_aword *w = &a->w[bw];
      const hs_qalt *al = &c->alt[balt];
      uint32_t end = w->alias != HS_NOSTR && al->why == HS_WHY_ALIAS
                         ? a->w[bw + w->alias_len - 1].end
                         : w->end;
      int why = al->why;
      char num[64];
      if (why == HS_WHY_STEM && w->end - w->start == strlen(c->word) &&
          !strncmp(text + w->start, c->word, strlen(c->word)))
        why = HS_WHY_EXACT;
      if (why == HS_WHY_STEM) {
        /* the same normalized form counts as exact too */
        const char *nm = HS_ASTR(a, w->norm);
        size_t m, wl = strlen(c->word);
        int same = strlen(nm) == wl;
        for (m = 0; same && m < wl; m++)
          if ((c->word[m] | 32) != nm[m]) same = 0;
        if (same) why = HS_WHY_EXACT;
      }
      if (!first) hs_buf_putc(explain, ',');
      first = 0;
      hs_buf_append(explain, "{\"query\":", 9);
      json_str(explain, c->word, strlen(c->word));
      hs_buf_append(explain, ",\"text\":", 8);
      json_str(explain, text + w->start, end - w->start);
      hs_buf_append(explain, ",\"why\":", 7);
      json_str(explain, hs_why_name(why), strlen(hs_why_name(why)));
      if (al->via) {
        hs_buf_append(explain, ",\"via\":", 7);
        json_str(explain, al->via, strlen(al->via));
      }
      snprintf(num, sizeof num, ",\"weight\":%.2f}", al->weight);
      hs_buf_append(explain, num, strlen(num));
    }
  }
  if (explain) {
    hs_buf_putc(explain, ']');
    hs_buf_terminate(explain);
  }
  if (max) *max = best_possible;
  return total;
}

static double mem_df(void *ud, const char *term) {
  hs_claims *c = ud;
  long id = hs_smap_get(&c->terms, term, strlen(term));
  return id < 0 ? 0 : (double)c->post[id].n;
}

typedef struct cand {
  uint32_t sent;
  double bm25;
} cand;

static int cmp_cand(const void *x, const void *y) {
  const cand *a = x, *b = y;
  if (a->bm25 != b->bm25) return a->bm25 > b->bm25 ? -1 : 1;
  return a->sent < b->sent ? -1 : a->sent > b->sent;
}

void hs_claim_hits_free(hs_claim_hit *h, size_t n) {
  size_t i;
  if (!h) return;
  for (i = 0; i < n; i++) {
    free(h[i].text);
    free(h[i].name);
    free(h[i].date);
    free(h[i].outlet);
    free(h[i].explain);
  }
  free(h);
}

/* Fill a hit's text and explain from the sentence text. */
int hs_claims_explain(hs_claims *c, const hs_query *q,
                      const hs_bm25_stats *st, const char *text, size_t len,
                      hs_claim_hit *h, hs_error *err);
int hs_claims_explain(hs_claims *c, const hs_query *q,
                      const hs_bm25_stats *st, const char *text, size_t len,
                      hs_claim_hit *h, hs_error *err) {
  hs_analysis a;
  hs_buf ex;
  double max = 0;
  int rc;
  hs_analysis_init(&a);
  hs_buf_init(&ex, 0);
  if ((rc = hs_lex_analyze(c->lex, text, len, &a, err))) goto out;
  h->bm25 = hs_bm25_score(q, &a, st, &max, &ex, text);
  h->score = max > 0 ? h->bm25 / max : 0;
  h->text = hs_strndup(text, len);
  h->explain = hs_buf_take(&ex, NULL);
out:
  hs_buf_free(&ex);
  hs_analysis_free(&a);
  return rc;
}

int hs_claims_search(hs_claims *c, const char *query, size_t limit,
                     double min_score, hs_claim_hit **out, size_t *n,
                     hs_error *err) {
  hs_query q;
  hs_bm25_stats st;
  double *acc = NULL, *best = NULL, max = 0, avgdl, idf0;
  uint32_t *touched = NULL, *hitlist = NULL;
  size_t i, j, k, nt, nhit = 0, nc = 0;
  cand *cs = NULL;
  hs_claim_hit *h = NULL;
  int rc;
  *out = NULL;
  *n = 0;
  if ((rc = hs_lex_query(c->lex, query, strlen(query), 1, &q, err)))
    return rc;
  avgdl = c->ns ? c->total_dl / (double)c->ns : 1;
  st.n = (double)c->ns;
  st.avgdl = avgdl;
  st.df = mem_df;
  st.ud = c;
  acc = hs_calloc(c->ns + 1, sizeof *acc);
  best = hs_calloc(c->ns + 1, sizeof *best);
  touched = hs_malloc((c->ns + 1) * sizeof *touched);
  hitlist = hs_malloc((c->ns + 1) * sizeof *hitlist);
  for (i = 0; i < q.n; i++) {
    const hs_qconcept *qc = &q.c[i];
    nt = 0;
    if (!qc->nalt) continue;
    idf0 = idf(st.n, mem_df(c, qc->alt[0].term));
    max += qc->alt[0].weight * idf0 * tfpart(1, avgdl, avgdl);
    for (j = 0; j < qc->nalt; j++) {
      long id = hs_smap_get(&c->terms, qc->alt[j].term,
                            strlen(qc->alt[j].term));
      double w;
      if (id < 0) continue;
      w = qc->alt[j].weight * hs_alt_idf(st.n, (double)c->post[id].n, idf0, j);
      for (k = 0; k < c->post[id].n; k++) {
        const posting *p = &c->post[id].p[k];
        double v = w * tfpart(p->tf, c->s[p->sent].dl, avgdl);
        if (best[p->sent] == 0) touched[nt++] = p->sent;
        if (v > best[p->sent]) best[p->sent] = v;
      }
    }
    for (k = 0; k < nt; k++) {
      if (acc[touched[k]] == 0) hitlist[nhit++] = touched[k];
      acc[touched[k]] += best[touched[k]];
      best[touched[k]] = 0;
    }
  }
  cs = hs_malloc((nhit + 1) * sizeof *cs);
  for (k = 0; k < nhit; k++)
    if (max > 0 && acc[hitlist[k]] / max >= min_score) {
      cs[nc].sent = hitlist[k];
      cs[nc].bm25 = acc[hitlist[k]];
      nc++;
    }
  if (nc) qsort(cs, nc, sizeof *cs, cmp_cand);
  if (limit && nc > limit) nc = limit;
  h = hs_calloc(nc + 1, sizeof *h);
  for (k = 0; k < nc; k++) {
    const sent *s = &c->s[cs[k].sent];
    const hs_doc *d = hs_corpus_doc(c->corpus, s->doc);
    h[k].doc = s->doc;
    h[k].start = s->start;
    h[k].end = s->end;
    h[k].name = hs_strdup(d->id);
    h[k].date = hs_strdup(d->date);
    h[k].outlet = hs_strdup(d->series);
    if ((rc = hs_claims_explain(c, &q, &st, d->text + s->start,
                                s->end - s->start, &h[k], err)))
      break;
  }
  if (rc) {
    hs_claim_hits_free(h, nc);
  } else {
    *out = h;
    *n = nc;
  }
  free(cs);
  free(acc);
  free(best);
  free(touched);
  free(hitlist);
  hs_query_free(&q);
  return rc;
}

void hs_claims_stats(hs_claims *c, hs_bm25_stats *st);
void hs_claims_stats(hs_claims *c, hs_bm25_stats *st) {
  st->n = (double)c->ns;
  st->avgdl = c->ns ? c->total_dl / (double)c->ns : 1;
  st->df = mem_df;
  st->ud = c;
}

int hs_claims_similarity(hs_claims *c, const char *a, const char *b,
                         double *out, hs_error *err) {
  hs_claim_compare r;
  int rc = hs_claims_compare(c, a, b, HS_CLAIMS_SAME_THRESHOLD, &r, err);
  if (rc) return rc;
  *out = r.similarity;
  hs_claim_compare_free(&r);
  return HS_OK;
}
