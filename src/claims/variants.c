/*
** variants.c — what differs between the passages that state one claim.
**
** Each hit's sentence is analyzed (lexicon.c) and three kinds of facts
** are read off it:
**   number   a token of digits ("20", "1,500", Arabic-Indic digits as the
**            tokenizer unifies them) or an English number word of the
**            table below; compared by value, shown with the two words
**            that follow ("2 field commanders");
**   place/actor  an entity of the alias table (compared by its canonical
**            name, so ISIS and Daesh agree) or a run of capitalized words
**            (compared by transliteration keys, so Deir ez-Zor and Dayr
**            al-Zawr agree); the first word of the sentence alone does
**            not count;
**   date     a month name with an adjacent day or year, or a weekday.
** A fact stated by every hit is agreement and is not reported; every other
** fact is a difference and is reported with the hits that state it.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims/claims.h"

hs_lexicon *hs_claims_lexicon(hs_claims *c);

/* English number words and their values.  Accepted forms: lower case. */
static const struct {
  const char *w;
  const char *v;
} numwords[] = {
    {"one", "1"},      {"two", "2"},       {"three", "3"},   {"four", "4"},
    {"five", "5"},     {"six", "6"},       {"seven", "7"},   {"eight", "8"},
    {"nine", "9"},     {"ten", "10"},      {"eleven", "11"}, {"twelve", "12"},
    {"thirteen", "13"}, {"fourteen", "14"}, {"fifteen", "15"},
    {"sixteen", "16"}, {"seventeen", "17"}, {"eighteen", "18"},
    {"nineteen", "19"}, {"twenty", "20"},  {"thirty", "30"}, {"forty", "40"},
    {"fifty", "50"},   {"sixty", "60"},    {"seventy", "70"},
    {"eighty", "80"},  {"ninety", "90"},   {"hundred", "100"},
    {"thousand", "1000"}, {"million", "1000000"}, {"dozen", "12"},
    {"dozens", "dozens"}, {"hundreds", "hundreds"},
    {"thousands", "thousands"}, {"a couple", "2"}};

/* Months and weekdays.  Accepted forms: full names and the usual
** abbreviations, lower case. */
static const char *const months[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
static const char *const weekdays[] = {"monday", "tuesday", "wednesday",
                                       "thursday", "friday", "saturday",
                                       "sunday"};

const char *hs_variant_kind_name(int kind) {
  switch (kind) {
    case HS_VAR_NUMBER: return "number";
    case HS_VAR_PLACE_ACTOR: return "place/actor";
    case HS_VAR_DATE: return "date";
    case HS_VAR_NEGATION: return "negation";
    default: return "?";
  }
}

void hs_variants_free(hs_variant *v, size_t n) {
  size_t i;
  if (!v) return;
  for (i = 0; i < n; i++) {
    free(v[i].key);
    free(v[i].value);
    free(v[i].hits);
  }
  free(v);
}

static int in_list(const char *w, const char *const *l, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (!strcmp(w, l[i])) return 1;
  return 0;
}

/* Record fact (kind, key) for hit h. */
int hs_claims_date_word(const char *norm) {
  return in_list(norm, months, sizeof months / sizeof months[0]) ||
         in_list(norm, weekdays, 7);
}

static void add_fact(hs_variant **v, size_t *nv, int kind, const char *key,
                     const char *val, size_t vlen, size_t h) {
  size_t i;
  for (i = 0; i < *nv; i++)
    if ((*v)[i].kind == kind && !strcmp((*v)[i].key, key)) break;
  if (i == *nv) {
    *v = hs_reallocarray(*v, *nv + 1, sizeof **v);
    (*v)[i].kind = kind;
    (*v)[i].key = hs_strdup(key);
    (*v)[i].value = hs_strndup(val, vlen);
    (*v)[i].hits = NULL;
    (*v)[i].nhits = 0;
    (*nv)++;
  }
  if ((*v)[i].nhits && (*v)[i].hits[(*v)[i].nhits - 1] == h) return;
  (*v)[i].hits = hs_reallocarray((*v)[i].hits, (*v)[i].nhits + 1,
                                 sizeof *(*v)[i].hits);
  (*v)[i].hits[(*v)[i].nhits++] = h;
}

/* Only spaces, hyphens or apostrophes between words k-1 and k? */
static int joined(const char *text, const hs_analysis *a, size_t k) {
  uint32_t i;
  for (i = a->w[k - 1].end; i < a->w[k].start; i++)
    if (text[i] != ' ' && text[i] != '-' && text[i] != '\'') return 0;
  return 1;
}

static int is_number_word(const char *nm) {
  size_t m;
  if (nm[0] >= '0' && nm[0] <= '9') return 1;
  for (m = 0; m < sizeof numwords / sizeof numwords[0]; m++)
    if (!strcmp(nm, numwords[m].w)) return 1;
  return 0;
}

static void facts_of(hs_lexicon *l, const char *text, size_t len,
                     hs_analysis *a, size_t h, hs_variant **v, size_t *nv,
                     hs_error *err) {
  size_t k, m;
  if (hs_lex_analyze(l, text, len, a, err)) return;
  for (k = 0; k < a->n; k++) {
    const hs_aword *w = &a->w[k];
    const char *nm = HS_ASTR(a, w->norm);
    const char *num = NULL;
    char key[512];
    if (nm[0] >= '0' && nm[0] <= '9') num = nm;
    for (m = 0; !num && m < sizeof numwords / sizeof numwords[0]; m++)
      if (!strcmp(nm, numwords[m].w)) num = numwords[m].v;
    if (in_list(nm, months, sizeof months / sizeof months[0])) {
      size_t e = k, s = k;
      if (!strcmp(nm, "may") && !w->cap) goto notdate;
      if (k + 1 < a->n && joined(text, a, k + 1) &&
          HS_ASTR(a, a->w[k + 1].norm)[0] >= '0' &&
          HS_ASTR(a, a->w[k + 1].norm)[0] <= '9')
        e = k + 1;
      if (k > 0 && joined(text, a, k) && HS_ASTR(a, a->w[k - 1].norm)[0] >= '0' &&
          HS_ASTR(a, a->w[k - 1].norm)[0] <= '9')
        s = k - 1;
      if (e == k && s == k) goto notdate;
      snprintf(key, sizeof key, "%.3s", nm);
      for (m = s; m <= e; m++)
        if (m != k) {
          size_t kl = strlen(key);
          snprintf(key + kl, sizeof key - kl, " %s", HS_ASTR(a, a->w[m].norm));
        }
      add_fact(v, nv, HS_VAR_DATE, key, text + a->w[s].start,
               a->w[e].end - a->w[s].start, h);
      k = e;
      continue;
    }
  notdate:
    if (in_list(nm, weekdays, 7)) {
      add_fact(v, nv, HS_VAR_DATE, nm, text + w->start, w->end - w->start, h);
      continue;
    }
    if (num) {
      /* "14.2 million", "two hundred": one number; then up to three
      ** words of context */
      size_t e = k, c = 0, last;
      size_t kl = (size_t)snprintf(key, sizeof key, "%s", num);
      while (e + 1 < a->n && joined(text, a, e + 1) &&
             is_number_word(HS_ASTR(a, a->w[e + 1].norm)) && kl < sizeof key) {
        const char *nx = HS_ASTR(a, a->w[++e].norm);
        for (m = 0; m < sizeof numwords / sizeof numwords[0]; m++)
          if (!strcmp(nx, numwords[m].w)) nx = numwords[m].v;
        kl += (size_t)snprintf(key + kl, sizeof key - kl, " %s", nx);
      }
      last = e;
      while (e + 1 < a->n && c < 3 && joined(text, a, e + 1)) {
        e++;
        c++;
      }
      add_fact(v, nv, HS_VAR_NUMBER, key, text + w->start,
               a->w[e].end - w->start, h);
      k = last;
      continue;
    }
    if (w->alias != HS_NOSTR) {
      size_t e = k + w->alias_len - 1;
      add_fact(v, nv, HS_VAR_PLACE_ACTOR, HS_ASTR(a, w->alias),
               text + w->start, a->w[e].end - w->start, h);
      k = e;
      continue;
    }
    if (w->cap && !w->stop) {
      size_t e = k, kl = 0;
      key[0] = '\0';
      while (e < a->n && (a->w[e].cap || a->w[e].stop) &&
             a->w[e].alias == HS_NOSTR && (e == k || joined(text, a, e)) &&
             !is_number_word(HS_ASTR(a, a->w[e].norm)) &&
             !in_list(HS_ASTR(a, a->w[e].norm), months,
                      sizeof months / sizeof months[0]) &&
             !in_list(HS_ASTR(a, a->w[e].norm), weekdays, 7)) {
        if (a->w[e].stop && !a->w[e].cap && e > k) {
          /* "Deir ez-Zor": a lower-case article inside a name */
          if (e + 1 >= a->n || !a->w[e + 1].cap) break;
        }
        if (a->w[e].key != HS_NOSTR) {
          snprintf(key + kl, sizeof key - kl, "%s%s", kl ? " " : "",
                   HS_ASTR(a, a->w[e].key) + 1);
          kl = strlen(key);
        } else if (!a->w[e].stop) {
          snprintf(key + kl, sizeof key - kl, "%s%s", kl ? " " : "",
                   HS_ASTR(a, a->w[e].norm));
          kl = strlen(key);
        }
        e++;
      }
      if (e > k) e--;
      while (e > k && a->w[e].stop) e--;
      if (k == 0 && e == k) continue; /* a capitalized first word */
      if (kl)
        add_fact(v, nv, HS_VAR_PLACE_ACTOR, key, text + w->start,
                 a->w[e].end - w->start, h);
      k = e;
    }
  }
}

int hs_claims_variants(hs_claims *c, const hs_claim_hit *h, size_t n,
                       hs_variant **out, size_t *nout, hs_error *err) {
  hs_analysis a;
  hs_variant *v = NULL;
  size_t nv = 0, i, keep = 0;
  *out = NULL;
  *nout = 0;
  hs_analysis_init(&a);
  for (i = 0; i < n; i++)
    if (h[i].text)
      facts_of(hs_claims_lexicon(c), h[i].text, strlen(h[i].text), &a, i, &v,
               &nv, err);
  hs_analysis_free(&a);
  for (i = 0; i < nv; i++) {
    if (v[i].nhits == n) { /* everyone agrees */
      free(v[i].key);
      free(v[i].value);
      free(v[i].hits);
      continue;
    }
    v[keep++] = v[i];
  }
  *out = v;
  *nout = keep;
  if (!v) *out = hs_malloc(1);
  return HS_OK;
}
