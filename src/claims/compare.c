/*
** compare.c — do two sentences state the same claim, and what changed?
**
** The words are compared by the claims stage's own features (similarity.c:
** BM25 and soft coverage with stems, idf of the indexed corpus, WordNet
** and table synonyms, entity aliases and transliteration keys; n-gram,
** order and character overlap), and three things that a bag of words
** cannot weigh are compared explicitly:
**   numbers   read from the text as values ("1,500", "10.89"); two numbers
**             agree when the less precise one is the other rounded
**             ("11" ~ "10.89", "931" ~ "931.12").  Agreeing numbers are
**             made one word before the words are scored, so a rounded
**             restatement is not a lexical miss; numbers left over on both
**             sides are a changed number ("20" -> "2"), on one side an
**             added or dropped number;
**   negation  a negator (table below) on one side only;
**   names     capitalized words and alias entities (not the first word),
**             matched by alias, transliteration key or stem.
** Their counts are features of similarity.c's fixed model; whatever their
** weight there, a changed number, negation or name makes the verdict
** "changed" rather than "same" when the words agree, so a near-identical
** pair that differs in the word that matters is never reported as the
** same claim, and the differences are returned for display.
*/
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims/claims.h"

hs_lexicon *hs_claims_lexicon(hs_claims *c);

/* Negators, lower case: English, Russian, French, German, Spanish,
** Arabic.  A word ending in "n't" also negates. */
static const char *const negators[] = {
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor",
    "cannot", "without", "не", "нет", "ни", "никогда", "ne", "pas",
    "jamais", "nicht", "kein", "keine", "nie", "nunca", "لا", "لم", "لن",
    "ليس", "غير"};

typedef struct num {
  double v;
  int dec;          /* digits after the decimal point */
  uint32_t s, e;    /* bytes */
  int used;
} num;

/* Numbers of text: digit runs with "," thousands groups and a "."
** fraction; a digit glued to letters ("F-16", "G20") is not a number. */
static size_t read_numbers(const char *t, num **out) {
  size_t i = 0, n = 0, cap = 0, len = strlen(t);
  num *v = NULL;
  while (i < len) {
    size_t s = i, j;
    double x = 0;
    int dec = 0;
    if (!isdigit((unsigned char)t[i]) ||
        (i > 0 && (isalpha((unsigned char)t[i - 1]) || t[i - 1] == '-' ||
                   isdigit((unsigned char)t[i - 1])))) {
      i++;
      continue;
    }
    for (j = i; j < len; j++) {
      if (isdigit((unsigned char)t[j])) {
        x = x * 10 + (t[j] - '0');
      } else if (t[j] == ',' && j + 3 < len + 1 && isdigit((unsigned char)t[j + 1]) &&
                 isdigit((unsigned char)t[j + 2]) && isdigit((unsigned char)t[j + 3]) &&
                 (j + 4 >= len || !isdigit((unsigned char)t[j + 4]))) {
        continue;
      } else {
        break;
      }
    }
    if (j + 1 < len && t[j] == '.' && isdigit((unsigned char)t[j + 1])) {
      double f = 0.1;
      for (j++; j < len && isdigit((unsigned char)t[j]); j++, f /= 10) {
        x += (t[j] - '0') * f;
        dec++;
      }
    }
    i = j;
    if (j < len && isalpha((unsigned char)t[j])) continue; /* "3rd", "16th" */
    HS_GROW(v, cap, n + 1);
    v[n].v = x;
    v[n].dec = dec;
    v[n].s = (uint32_t)s;
    v[n].e = (uint32_t)j;
    v[n].used = 0;
    n++;
  }
  *out = v;
  return n;
}

/* Does y, written with y.dec decimals, agree with x written with x.dec? */
static int num_agree(const num *x, const num *y) {
  int dec = x->dec < y->dec ? x->dec : y->dec;
  double tol = 0.5 * pow(10, -dec) + 1e-9;
  return fabs(x->v - y->v) <= tol;
}

static int is_negator(const char *w) {
  size_t i, l = strlen(w);
  if (l >= 3 && (!strcmp(w + l - 3, "n't")) ) return 1;
  if (l >= 5 && !strcmp(w + l - 5, "n\xe2\x80\x99t")) return 1;
  for (i = 0; i < sizeof negators / sizeof negators[0]; i++)
    if (!strcmp(w, negators[i])) return 1;
  return 0;
}

static int negations(const hs_analysis *a, const char *text) {
  size_t k;
  int n = 0;
  for (k = 0; k < a->n; k++) {
    char w[64];
    size_t l = a->w[k].end - a->w[k].start;
    const char *nm = HS_ASTR(a, a->w[k].norm);
    if (is_negator(nm)) {
      n++;
      continue;
    }
    /* "didn't": the tokenizer may keep or split the apostrophe */
    if (l < sizeof w) {
      memcpy(w, text + a->w[k].start, l);
      w[l] = '\0';
      if (is_negator(w)) n++;
    }
  }
  return n;
}

/* A name: capitalized non-stopword not first, not a number, or an alias
** entity.  Its identity: alias, else transliteration key, else stem. */
static const char *name_id(const hs_analysis *a, size_t k) {
  const hs_aword *w = &a->w[k];
  if (w->alias != HS_NOSTR) return HS_ASTR(a, w->alias);
  if (w->in_alias || !w->cap || w->stop || k == 0) return NULL;
  if (isdigit((unsigned char)HS_ASTR(a, w->norm)[0])) return NULL;
  if (w->key != HS_NOSTR) return HS_ASTR(a, w->key);
  return w->stem != HS_NOSTR ? HS_ASTR(a, w->stem) : HS_ASTR(a, w->norm);
}

static int has_id(const hs_analysis *a, const char *id) {
  size_t k;
  for (k = 0; k < a->n; k++) {
    const hs_aword *w = &a->w[k];
    if ((w->alias != HS_NOSTR && !strcmp(HS_ASTR(a, w->alias), id)) ||
        (w->key != HS_NOSTR && !strcmp(HS_ASTR(a, w->key), id)) ||
        (w->stem != HS_NOSTR && !strcmp(HS_ASTR(a, w->stem), id)) ||
        !strcmp(HS_ASTR(a, w->norm), id))
      return 1;
  }
  return 0;
}

static char *span(const char *t, uint32_t s, uint32_t e) {
  return hs_strndup(t + s, e - s);
}

static void add_diff(hs_claim_compare *r, int kind, char *from, char *to) {
  r->diffs = hs_reallocarray(r->diffs, r->ndiffs + 1, sizeof *r->diffs);
  r->diffs[r->ndiffs].kind = kind;
  r->diffs[r->ndiffs].from = from;
  r->diffs[r->ndiffs].to = to;
  r->ndiffs++;
}

/* Unmatched names of one side (x against y), as written; a month or
** weekday is a date (its name starts with the kind: 'd' or 'n'). */
static size_t lone_names(const hs_analysis *x, const char *tx,
                         const hs_analysis *y, char ***out) {
  size_t k, n = 0;
  char **v = NULL;
  hs_buf nb;
  for (k = 0; k < x->n; k++) {
    const char *id = name_id(x, k);
    size_t e = k;
    if (!id || has_id(y, id)) continue;
    if (x->w[k].alias != HS_NOSTR && x->w[k].alias_len > 1)
      e = k + x->w[k].alias_len - 1;
    if (e >= x->n) e = x->n - 1;
    v = hs_reallocarray(v, n + 1, sizeof *v);
    hs_buf_init(&nb, 0);
    hs_buf_putc(&nb, hs_claims_date_word(HS_ASTR(x, x->w[k].norm)) ? 'd' : 'n');
    hs_buf_append(&nb, tx + x->w[k].start, x->w[e].end - x->w[k].start);
    hs_buf_terminate(&nb);
    v[n++] = hs_buf_take(&nb, NULL);
    k = e;
  }
  *out = v;
  return n;
}

void hs_claim_compare_free(hs_claim_compare *r) {
  size_t i;
  if (!r) return;
  for (i = 0; i < r->ndiffs; i++) {
    free(r->diffs[i].from);
    free(r->diffs[i].to);
  }
  free(r->diffs);
  memset(r, 0, sizeof *r);
}

const char *hs_claim_verdict_name(int verdict) {
  switch (verdict) {
    case HS_CLAIM_SAME: return "same";
    case HS_CLAIM_CHANGED: return "changed";
    case HS_CLAIM_DIFFERENT: return "different";
    default: return NULL;
  }
}

int hs_claims_compare(hs_claims *c, const char *a, const char *b,
                      double threshold, hs_claim_compare *r, hs_error *err) {
  num *na = NULL, *nb = NULL;
  size_t nna, nnb, i, j, nla = 0, nlb = 0;
  hs_buf bb;
  hs_analysis aa, ab;
  char **la = NULL, **lb = NULL;
  int rc, changed = 0, identical = 0, latin = 0;
  double *fx = r->features;
  memset(r, 0, sizeof *r);
  nna = read_numbers(a, &na);
  nnb = read_numbers(b, &nb);
  /* agreeing numbers: b gets a's spelling before the words are scored */
  hs_buf_init(&bb, strlen(b) + 16);
  {
    uint32_t at = 0;
    for (j = 0; j < nnb; j++) {
      for (i = 0; i < nna; i++)
        if (!na[i].used && num_agree(&na[i], &nb[j])) break;
      if (i == nna) continue;
      na[i].used = nb[j].used = 1;
      fx[HS_CF_NUMBERS_SAME]++;
      hs_buf_append(&bb, b + at, nb[j].s - at);
      hs_buf_append(&bb, a + na[i].s, na[i].e - na[i].s);
      at = nb[j].e;
    }
    hs_buf_append(&bb, b + at, strlen(b) - at);
    hs_buf_terminate(&bb);
  }
  {
    double same = fx[HS_CF_NUMBERS_SAME];
    rc = hs_claims_word_features(c, a, bb.p, fx, &identical, &latin, err);
    fx[HS_CF_NUMBERS_SAME] = same;
  }
  hs_buf_free(&bb);
  if (rc) goto out;
  /* numbers left over: changed in pairs (in reading order), else one side */
  for (i = 0, j = 0;;) {
    while (i < nna && na[i].used) i++;
    while (j < nnb && nb[j].used) j++;
    if (i == nna && j == nnb) break;
    if (i < nna && j < nnb) {
      add_diff(r, HS_VAR_NUMBER, span(a, na[i].s, na[i].e),
               span(b, nb[j].s, nb[j].e));
      fx[HS_CF_NUMBERS_CHANGED]++;
      changed = 1;
      i++, j++;
    } else if (i < nna) {
      add_diff(r, HS_VAR_NUMBER, span(a, na[i].s, na[i].e), NULL);
      fx[HS_CF_NUMBERS_ONE_SIDE]++;
      i++;
    } else {
      add_diff(r, HS_VAR_NUMBER, NULL, span(b, nb[j].s, nb[j].e));
      fx[HS_CF_NUMBERS_ONE_SIDE]++;
      j++;
    }
  }
  hs_analysis_init(&aa);
  hs_analysis_init(&ab);
  if (!(rc = hs_lex_analyze(hs_claims_lexicon(c), a, strlen(a), &aa, err)) &&
      !(rc = hs_lex_analyze(hs_claims_lexicon(c), b, strlen(b), &ab, err))) {
    int ga = negations(&aa, a), gb = negations(&ab, b);
    if ((ga & 1) != (gb & 1)) {
      add_diff(r, HS_VAR_NEGATION, hs_strdup(ga & 1 ? "negated" : "affirmed"),
               hs_strdup(gb & 1 ? "negated" : "affirmed"));
      fx[HS_CF_NEGATION] = 1;
      changed = 1;
    }
    nla = lone_names(&aa, a, &ab, &la);
    nlb = lone_names(&ab, b, &aa, &lb);
    for (i = 0; i < nla || i < nlb; i++) {
      char *x = i < nla ? la[i] : NULL, *y = i < nlb ? lb[i] : NULL;
      int kind = (x && x[0] == 'd') || (y && y[0] == 'd') ? HS_VAR_DATE
                                                          : HS_VAR_PLACE_ACTOR;
      if (x) memmove(x, x + 1, strlen(x));
      if (y) memmove(y, y + 1, strlen(y));
      add_diff(r, kind, x, y);
      if (x && y) {
        fx[HS_CF_NAMES_CHANGED]++;
        changed = 1;
      } else {
        fx[HS_CF_NAMES_ONE_SIDE]++;
      }
    }
    free(la);
    free(lb);
  }
  hs_analysis_free(&aa);
  hs_analysis_free(&ab);
  if (rc) goto out;
  r->similarity = hs_claims_model(fx, latin);
  r->words = fx[HS_CF_BM25];
  if (identical && !changed) r->words = r->similarity = 1;
  /* a change is reported whenever the pair would otherwise be the same
  ** claim: the words agree, or the model scores it over the threshold (in a
  ** small collection the changed number can be the rarest word, so `words`
  ** alone can fall below the threshold while the model does not) */
  if (changed && (r->words >= threshold || r->similarity >= threshold))
    r->verdict = HS_CLAIM_CHANGED;
  else if (r->similarity >= threshold)
    r->verdict = HS_CLAIM_SAME;
  else
    r->verdict = HS_CLAIM_DIFFERENT;
out:
  free(na);
  free(nb);
  if (rc) hs_claim_compare_free(r);
  return rc;
}
