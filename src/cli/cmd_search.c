/*
** cmd_search.c — the search command: sentences that state a claim, across
** paraphrases, spellings and scripts (from a store or from files), their
** differences (--variants), their order in time (--timeline, by the story
** model's rule of src/story/, so that its "first" is every command's),
** and the similarity of sentence pairs (--pairs, for the benchmarks).
** All the work is in the library through include/hearsay.h; this file
** parses options and prints.  Output fields are documented in
** docs/search.md.
*/
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* JSON string: valid UTF-8 passes, invalid bytes become U+FFFD. */
static void put_json(FILE *f, const char *s) {
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  if (!s) {
    fputs("null", f);
    return;
  }
  putc('"', f);
  while (*p) {
    unsigned char ch = *p;
    size_t need = ch < 0x80 ? 1 : (ch & 0xE0) == 0xC0 ? 2
                : (ch & 0xF0) == 0xE0 ? 3 : (ch & 0xF8) == 0xF0 ? 4 : 0;
    size_t k;
    int ok = need > 0 && !(need == 2 && ch < 0xC2);
    for (k = 1; ok && k < need; k++)
      if ((p[k] & 0xC0) != 0x80) ok = 0;
    if (!ok) {
      fputs("\\ufffd", f);
      p++;
      continue;
    }
    if (ch == '"' || ch == '\\') fprintf(f, "\\%c", ch);
    else if (ch < 0x20) fprintf(f, "\\u%04x", ch);
    else fwrite(p, 1, need, f);
    p += need;
  }
  putc('"', f);
}

/* One line of text for the terminal: newlines and tabs become spaces. */
static void put_flat(FILE *f, const char *s) { hs_write_text(f, s, 1); }

/* The explain array as "query→text (why)" for the terminal. */
static void put_explain(FILE *f, const char *explain) {
  json_t *a = explain ? json_loads(explain, 0, NULL) : NULL;
  size_t i;
  json_t *m;
  if (!json_is_array(a)) {
    putc(' ', f);
    put_flat(f, explain);
    json_decref(a);
    return;
  }
  json_array_foreach(a, i, m) {
    const char *q = json_string_value(json_object_get(m, "query"));
    const char *t = json_string_value(json_object_get(m, "text"));
    const char *w = json_string_value(json_object_get(m, "why"));
    const char *v = json_string_value(json_object_get(m, "via"));
    fprintf(f, "%s %s", i ? "," : "", q ? q : "?");
    if (t && q && strcmp(q, t)) fprintf(f, " → %s", t);
    fprintf(f, " (%s%s%s)", w ? w : "?", v ? " via " : "", v ? v : "");
  }
  json_decref(a);
}

/* qsort has no context: the model of the running sort. */
static const hs_provenance *g_sort_pv;

static int cmp_date(const void *x, const void *y) {
  const hs_claim_hit *a = x, *b = y;
  int c;
  if (a->doc != b->doc && (c = hs_provenance_cmp(g_sort_pv, a->doc, b->doc)))
    return c;
  if (a->bm25 != b->bm25) return a->bm25 > b->bm25 ? -1 : 1;
  return a->start < b->start ? -1 : a->start > b->start;
}

/* Dates, outlets and headlines of the hits from the story model's
** documents, and the hits in its date order; *tie when the first date is
** shared.  headlines[2i], [2i+1]: hit i's headline and date source. */
static int timeline_order(cli *c, const hs_corpus *corpus, hs_claim_hit *h,
                          size_t n, char **headlines, int *tie, hs_error *err) {
  hs_provenance pv;
  uint32_t *docs = malloc((n + 1) * sizeof *docs);
  hs_first fi;
  size_t i;
  int rc;
  if (!docs) return hs_error_set(err, HS_ENOMEM, "out of memory");
  if ((rc = cli_provenance_docs(c, corpus, &pv, err))) {
    free(docs);
    return rc;
  }
  for (i = 0; i < n; i++) {
    if (h[i].doc >= pv.ndocs) {
      rc = hs_error_set(err, HS_EDB, "search: a hit of an unknown document");
      goto out;
    }
    docs[i] = h[i].doc;
  }
  g_sort_pv = &pv;
  qsort(h, n, sizeof *h, cmp_date);
  g_sort_pv = NULL;
  hs_provenance_first(&pv, docs, n, &fi);
  *tie = fi.tie;
  for (i = 0; i < n; i++) {
    const hs_pdoc *d = &pv.docs[h[i].doc];
    free(h[i].date);
    free(h[i].outlet);
    h[i].date = d->date ? strdup(d->date) : NULL;
    h[i].outlet = d->outlet ? strdup(d->outlet) : NULL;
    headlines[2 * i] = d->headline ? strdup(d->headline) : NULL;
    headlines[2 * i + 1] = strdup(hs_date_source_name(d->date_source));
  }
out:
  free(docs);
  hs_provenance_free(&pv);
  return rc;
}

static void write_hit(FILE *f, int format, const hs_claim_hit *h, size_t i,
                      int timeline, char *const *hl) {
  if (format == HS_FORMAT_JSONL) {
    fputs("{\"doc\":", f);
    put_json(f, h->name);
    fprintf(f, ",\"start\":%u,\"end\":%u,\"score\":%.4f,\"bm25\":%.4f,"
               "\"rank\":%zu,\"date\":", h->start, h->end, h->score, h->bm25,
            i + 1);
    put_json(f, h->date);
    fputs(",\"outlet\":", f);
    put_json(f, h->outlet);
    if (timeline) {
      fprintf(f, ",\"first\":%s,\"date_source\":\"%s\",\"headline\":",
              i == 0 ? "true" : "false", hl && hl[1] ? hl[1] : "none");
      put_json(f, hl ? hl[0] : NULL);
    }
    fputs(",\"text\":", f);
    put_json(f, h->text);
    fprintf(f, ",\"explain\":%s}\n", h->explain ? h->explain : "[]");
  } else if (format == HS_FORMAT_TSV) {
    fprintf(f, "%s\t%u\t%u\t%.4f\t%s\t%s\t", h->name ? h->name : "",
            h->start, h->end, h->score, h->date ? h->date : "",
            h->outlet ? h->outlet : "");
    put_flat(f, h->text);
    putc('\n', f);
  } else {
    fprintf(f, "%2zu. %.2f  %s", i + 1, h->score,
            timeline && i == 0 ? "FIRST  " : "");
    put_flat(f, h->date ? h->date : "-");
    fputs("  ", f);
    put_flat(f, h->outlet);
    fputs(h->outlet ? "  " : "", f);
    put_flat(f, h->name);
    fprintf(f, "  [%u-%u]\n    ", h->start, h->end);
    put_flat(f, h->text);
    if (timeline && hl && hl[0]) {
      fputs("\n    headline: ", f);
      put_flat(f, hl[0]);
    }
    fputs("\n    matched:", f);
    put_explain(f, h->explain);
    fputs("\n", f);
  }
}

static int write_variants(FILE *f, int format, hs_claims *cl,
                          const hs_claim_hit *h, size_t n, hs_error *err) {
  hs_variant *v = NULL;
  size_t nv = 0, i, j;
  int rc;
  if ((rc = hs_claims_variants(cl, h, n, &v, &nv, err))) return rc;
  for (i = 0; i < nv; i++) {
    if (format == HS_FORMAT_JSONL) {
      fputs("{\"kind\":", f);
      put_json(f, hs_variant_kind_name(v[i].kind));
      fputs(",\"key\":", f);
      put_json(f, v[i].key);
      fputs(",\"value\":", f);
      put_json(f, v[i].value);
      fputs(",\"passages\":[", f);
      for (j = 0; j < v[i].nhits; j++) {
        const hs_claim_hit *x = &h[v[i].hits[j]];
        fputs(j ? ",{\"doc\":" : "{\"doc\":", f);
        put_json(f, x->name);
        fprintf(f, ",\"start\":%u,\"end\":%u,\"date\":", x->start, x->end);
        put_json(f, x->date);
        fputs(",\"outlet\":", f);
        put_json(f, x->outlet);
        fputs(",\"text\":", f);
        put_json(f, x->text);
        putc('}', f);
      }
      fputs("]}\n", f);
    } else {
      fprintf(f, "%s\t", hs_variant_kind_name(v[i].kind));
      put_flat(f, v[i].value);
      fprintf(f, "\t%zu passage%s:", v[i].nhits, v[i].nhits == 1 ? "" : "s");
      for (j = 0; j < v[i].nhits; j++) {
        const hs_claim_hit *x = &h[v[i].hits[j]];
        fprintf(f, " %s[%u-%u]", x->name ? x->name : "?", x->start, x->end);
      }
      putc('\n', f);
    }
  }
  if (!nv && format == HS_FORMAT_TEXT)
    fputs("no differences between the matching passages\n", f);
  hs_variants_free(v, nv);
  return HS_OK;
}

/* --pairs FILE: one "sentence<TAB>sentence" per line; prints, per line,
** the claim similarity and 1 if the verdict is "same" (the similarity
** reaches HS_CLAIMS_SAME_THRESHOLD and nothing changed), or,
** with an explicit --format jsonl, the whole comparison (verdict,
** differences, features).  All sentences of the file form the collection
** whose statistics weigh the words. */
static int run_pairs(cli *c, hs_claims *cl, const char *path, int json,
                     hs_error *err) {
  FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
  hs_corpus *corpus = hs_corpus_new();
  char *line = NULL, **pa = NULL;
  size_t cap = 0, n = 0, i, lineno = 0;
  ssize_t len;
  int rc = HS_OK;
  (void)c;
  if (!f) {
    hs_corpus_free(corpus);
    return hs_error_set(err, HS_EINPUT, "%s: cannot open", path);
  }
  while ((len = getline(&line, &cap, f)) >= 0) {
    char *tab, id[32];
    lineno++;
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      line[--len] = '\0';
    if (!(tab = strchr(line, '\t'))) {
      rc = hs_error_set(err, HS_EINPUT, "%s:%zu: expected two sentences "
                        "separated by a tab", path, lineno);
      break;
    }
    *tab = '\0';
    snprintf(id, sizeof id, "%zu", n);
    if ((rc = hs_corpus_add(corpus, id, line, strlen(line), NULL, NULL, NULL,
                            NULL, NULL, NULL, 0, err)))
      break;
    snprintf(id, sizeof id, "%zub", n);
    if ((rc = hs_corpus_add(corpus, id, tab + 1, strlen(tab + 1), NULL, NULL,
                            NULL, NULL, NULL, NULL, 0, err)))
      break;
    n++;
  }
  free(line);
  if (f != stdin) fclose(f);
  (void)pa;
  if (!rc) rc = hs_claims_add_corpus(cl, corpus, err);
  for (i = 0; !rc && i < n; i++) {
    const hs_doc *a = hs_corpus_doc(corpus, 2 * i), *b = hs_corpus_doc(corpus, 2 * i + 1);
    hs_claim_compare r;
    size_t k;
    if ((rc = hs_claims_compare(cl, a->text, b->text, HS_CLAIMS_SAME_THRESHOLD,
                                &r, err)))
      break;
    if (!json) {
      printf("%.6f\t%d\n", r.similarity, r.verdict == HS_CLAIM_SAME);
      hs_claim_compare_free(&r);
      continue;
    }
    printf("{\"pair\":%zu,\"similarity\":%.6f,\"same\":%d,\"words\":%.6f,"
           "\"verdict\":\"%s\",\"diffs\":[", i + 1, r.similarity,
           r.verdict == HS_CLAIM_SAME, r.words,
           hs_claim_verdict_name(r.verdict));
    for (k = 0; k < r.ndiffs; k++) {
      printf("%s{\"kind\":\"%s\",\"from\":", k ? "," : "",
             hs_variant_kind_name(r.diffs[k].kind));
      put_json(stdout, r.diffs[k].from);
      fputs(",\"to\":", stdout);
      put_json(stdout, r.diffs[k].to);
      putchar('}');
    }
    fputs("],\"features\":{", stdout);
    for (k = 0; k < HS_CLAIM_NFEATURES; k++)
      printf("%s\"%s\":%.6g", k ? "," : "", hs_claim_feature_name(k),
             r.features[k]);
    fputs("}}\n", stdout);
    hs_claim_compare_free(&r);
  }
  if (!rc && fflush(stdout))
    rc = hs_error_set(err, HS_EIO, "cannot write the output");
  /* the index borrows the corpus: free it only after the index */
  hs_claims_free(cl);
  hs_corpus_free(corpus);
  return rc;
}

/* --queries FILE: one claim per line, searched in turn over the paths;
** each hit carries "query", the line number.  For the benchmarks. */
static int run_queries(cli *c, hs_claims *cl, const cli_search *o,
                       hs_error *err) {
  FILE *f;
  hs_corpus *corpus = hs_corpus_new();
  char *line = NULL;
  size_t cap = 0, lineno = 0, i, n;
  ssize_t len;
  int rc;
  if ((rc = cli_read_inputs(c, corpus, NULL, NULL, err)) ||
      (rc = hs_claims_add_corpus(cl, corpus, err))) {
    hs_corpus_free(corpus);
    return rc;
  }
  if (!(f = fopen(o->queries, "rb"))) {
    hs_corpus_free(corpus);
    return hs_error_set(err, HS_EINPUT, "%s: cannot open", o->queries);
  }
  while (!rc && (len = getline(&line, &cap, f)) >= 0) {
    hs_claim_hit *h = NULL;
    lineno++;
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      line[--len] = '\0';
    if ((rc = hs_claims_search(cl, line, (size_t)o->limit, o->min_score, &h,
                               &n, err)))
      break;
    for (i = 0; i < n; i++) {
      printf("{\"query\":%zu,", lineno);
      put_json(stdout, "doc");
      putchar(':');
      put_json(stdout, h[i].name);
      printf(",\"score\":%.4f}\n", h[i].score);
    }
    hs_claim_hits_free(h, n);
  }
  free(line);
  fclose(f);
  hs_claims_free(cl);
  hs_corpus_free(corpus);
  return rc;
}

int cmd_search(cli *c) {
  cli_search *o = &c->search;
  hs_claims *cl = NULL;
  hs_corpus *corpus = NULL;
  hs_store *s = NULL;
  hs_claim_hit *h = NULL;
  size_t n = 0, i;
  hs_error err;
  char *joined = NULL, **hl = NULL;
  const char *query;
  int rc, tie = 0;
  hs_error_clear(&err);
  if (!o) return 5;
  /* --pairs and --queries are modes of their own: what they do not use
  ** is an error, not ignored */
  if (o->pairs && (c->db || c->npaths || o->query || o->queries ||
                   o->timeline || o->variants || cli_given(c, "limit") ||
                   cli_given(c, "min-score")))
    return cli_usage_error("search --pairs FILE takes no PATH, --db, "
                           "--query, --queries, --timeline, --variants, "
                           "--limit or --min-score");
  if (o->queries && (c->db || o->query || o->timeline || o->variants))
    return cli_usage_error("search --queries FILE reads PATH...; it takes "
                           "no --db, --query, --timeline or --variants");
  if ((rc = hs_claims_new(&cl, o->wordnet, &err))) goto out;
  hs_claims_set_cancel(cl, (const volatile int *)&g_interrupted);
  if (o->aliases && (rc = hs_claims_add_aliases(cl, o->aliases, &err)))
    goto out;
  if (o->pairs) {
    rc = run_pairs(c, cl, o->pairs,
                   c->format_name != c->format_word &&
                       c->format == HS_FORMAT_JSONL, &err);
    cl = NULL;
    goto out;
  }
  if (o->queries) {
    rc = run_queries(c, cl, o, &err);
    cl = NULL;
    goto out;
  }
  query = o->query;
  if (!query && c->db && c->npaths) {
    size_t total = 1;
    for (i = 0; i < (size_t)c->npaths; i++) total += strlen(c->paths[i]) + 1;
    joined = calloc(total, 1);
    if (!joined) {
      rc = hs_error_set(&err, HS_ENOMEM, "out of memory");
      goto out;
    }
    for (i = 0; i < (size_t)c->npaths; i++) {
      if (i) strncat(joined, " ", total - strlen(joined) - 1);
      strncat(joined, c->paths[i], total - strlen(joined) - 1);
    }
    query = joined;
    c->npaths = 0;
  } else if (!query && !c->db && c->npaths >= 2) {
    query = c->paths[--c->npaths];
  }
  if (!query || !*query) {
    rc = hs_error_set(&err, HS_EUSAGE, "'search' needs a claim: hearsay "
                      "search --db FILE \"CLAIM\" or hearsay search PATH... "
                      "--query \"CLAIM\"");
    goto out;
  }
  if ((rc = cli_db_or_paths(c, &err))) goto out;
  if (c->db) {
    if ((rc = hs_store_open(&s, c->db, &err))) goto out;
    hs_store_set_cancel(s, (const volatile int *)&g_interrupted);
    rc = hs_claims_search_store(cl, s, query, (size_t)o->limit, o->min_score,
                                &h, &n, &err);
  } else {
    corpus = hs_corpus_new();
    if ((rc = cli_read_inputs(c, corpus, NULL, NULL, &err))) goto out;
    if ((rc = hs_claims_add_corpus(cl, corpus, &err))) goto out;
    rc = hs_claims_search(cl, query, (size_t)o->limit, o->min_score, &h, &n,
                          &err);
  }
  cli_progress_done(c);
  if (rc) goto out;
  if (o->timeline && n) {
    if (!corpus) {
      corpus = hs_corpus_new();
      if ((rc = hs_store_load_docs(s, corpus, &err))) goto out;
    }
    if (!(hl = calloc(2 * n + 1, sizeof *hl))) {
      rc = hs_error_set(&err, HS_ENOMEM, "out of memory");
      goto out;
    }
    if ((rc = timeline_order(c, corpus, h, n, hl, &tie, &err))) goto out;
  }
  if (o->variants) {
    if (c->format == HS_FORMAT_TSV) fputs("kind\tvalue\tpassages\n", stdout);
    rc = write_variants(stdout, c->format, cl, h, n, &err);
  } else {
    if (c->format == HS_FORMAT_TSV)
      fputs("doc\tstart\tend\tscore\tdate\toutlet\ttext\n", stdout);
    for (i = 0; i < n; i++)
      write_hit(stdout, c->format, &h[i], i, o->timeline, hl ? hl + 2 * i : NULL);
    if (o->timeline && tie && n && c->format == HS_FORMAT_TEXT)
      fputs("(another hit has the same first date: a tie)\n", stdout);
    if (!n && c->format == HS_FORMAT_TEXT)
      fputs("no sentence states this claim\n", stdout);
  }
  if (!rc && fflush(stdout))
    rc = hs_error_set(&err, HS_EIO, "cannot write the output");
out:
  if (hl)
    for (i = 0; i < 2 * n; i++) free(hl[i]);
  free(hl);
  hs_claim_hits_free(h, n);
  hs_claims_free(cl);
  hs_corpus_free(corpus);
  hs_store_close(s);
  free(joined);
  return rc ? cli_fail(c, &err) : 0;
}
