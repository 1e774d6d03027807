/*
** paraphrase.c — sentences of different documents that state the same
** claim in other words, for the story model's `paraphrase` edges.
**
** Scoring every sentence pair is quadratic, so candidates come from rare
** words: each sentence's distinct normalized words (hs_tokenize, so
** spelling variants agree) are listed as (word hash, sentence) pairs and
** radix-sorted; a word found in at most HS_PARA_DF_CAP sentences pairs up
** the sentences it appears in.  Stock text (stock.c: quotations, formulas,
** page furniture) is masked first: its words make no candidates, and a
** shared verse or condolence formula links nothing.  Lists of names and
** background (shape.c: team sheets, definitions) make no candidates
** either, but their words still count toward a word's rarity, so that a
** name on every team sheet is not specific content.  A pair that shares
** at least three such words, two of them in at most HS_PARA_SPECIFIC_DF
** sentences (specific content, not a topic's vocabulary), covering a third
** of the shorter sentence, is compared (without stock words) with the
** claims stage's hs_claims_compare (BM25 with synonyms, aliases and
** transliterations; numbers read as values).  Its `words` score, in which
** a changed number is not a lexical miss, decides: a retelling that
** changes the numbers is the same claim with a change, and the change is
** what the edge reports.  Two tiers:
**   - any two sentences scoring at least the threshold (the claims stage's
**     HS_CLAIMS_SAME_THRESHOLD by default);
**   - the claim of an article is in its headline and lead: two lead
**     sentences (the first HS_PARA_LEAD of each document) of different
**     outlets sharing at least HS_PARA_WEAK_SHARED rare words are enough
**     at HS_PARA_WEAK.  Retellings rebuild the sentence around the same
**     names and numbers, which a bag-of-words score rates near 0.3-0.5;
**   - so does a retelling further down: two sentences of different
**     outlets, both written with case, sharing HS_PARA_STRONG_SHARED rare
**     words of which HS_PARA_STRONG_WHAT are common words or numbers (the
**     same what told in other words, not a list of names: a caseless
**     script cannot tell the two apart, so Arabic and Persian keep the
**     two tiers above) are enough at HS_PARA_STRONG.
** What is not a paraphrase: a sentence repeated word for word (the reuse
** stage finds copies, and a copy it did not keep is boilerplate it
** masked), and a sentence whose exact words recur in three documents or
** more (a template, a sign-off, page furniture): such sentences make no
** candidates at all, so recurring same-outlet text chains nothing; and
** inside one outlet, a sentence opening with the same OPENING words as in
** three documents of that outlet (a template with its slots filled, a
** column's "other articles" line listing other titles).
** A paraphrase is one specific claim restated, so a pair must share the
** same who and the same what (docs/story.md "What a paraphrase edge
** is"): MIN_WHAT shared rare words that are common words or numbers
** (names alone: one party in two claims), and where both sentences have
** case, MIN_WHO that is a name or a number (common words alone: one
** template filled twice) and one common word at least (names and numbers
** alone: an address, a phone line); shape.c tells names from common words
** by their capitals.  Link and contact lines (web and e-mail addresses, handles),
** asides in brackets and sentence tails opening in lower case make no
** candidates.
** Work is linear in the words plus the pairs under the cap.
*/
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "claims/claims.h"
#include "story/story.h"
#include "util/sort.h"

#define MIN_WORDS 6
#define MAX_WORDS 80
#define MIN_SHARED 3
#define MIN_SPECIFIC 2 /* shared words in at most HS_PARA_SPECIFIC_DF sentences */
#define RECUR_DOCS 3 /* an exact sentence in this many documents: template */
#define OPENING 2
#define COUNT_ONLY 0x80000000u /* a key that counts, makes no pair */
#define WF_SHIFT 27           /* a key's HS_WF_* flags, above its sentence */
#define SIDX(x) ((x) & ((1u << WF_SHIFT) - 1))
#define MIN_WHAT 2 /* shared words that are no names (or numbers) */
#define MIN_WHO 1  /* shared names or numbers, where the script has case */

typedef struct sent {
  uint32_t doc, start, end, nw; /* nw: its distinct words that pair */
  uint32_t nk;     /* its keys: those, then its list items' words */
  uint32_t lead;   /* among the first HS_PARA_LEAD sentences of its document */
  uint32_t closing;/* the last sentence of its prose (not the only one) */
  uint32_t masked; /* holds stock words (compared without them) */
  uint32_t cased;  /* written in a script with case, as prose or capitals */
  uint64_t shape;  /* hash of its normalized words in order */
  uint64_t opening;/* hash of its first OPENING words and its outlet */
} sent;

static uint64_t mix(uint64_t h, uint64_t x) {
  h ^= x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h * 0xff51afd7ed558ccdULL;
}

/* the stopwords' hashes, sorted (the claims stage's table) */
static uint64_t *stop_hashes(size_t *n) {
  size_t nw, i, m = 0, nt;
  const char *const *w = hs_lex_stopwords(&nw);
  uint64_t *h = hs_malloc((nw + 1) * sizeof *h);
  for (i = 0; i < nw; i++) {
    hs_token *t = NULL;
    nt = 0;
    if (!hs_tokenize(w[i], strlen(w[i]), &t, &nt, NULL) && nt == 1)
      h[m++] = t[0].hash;
    free(t);
  }
  hs_sort_u64(h, m);
  *n = m;
  return h;
}

/* what two occurrences of one word tell: a common word (the what) unless
** a stopword, a name (the who) when written with a capital inside prose
** in one sentence and never in lower case, a number (both) */
static void who_what(uint32_t a, uint32_t b, uint32_t *who, uint32_t *what,
                     uint32_t *said) {
  unsigned fa = (a >> WF_SHIFT) & 15, fb = (b >> WF_SHIFT) & 15;
  if (fa & HS_WF_STOP) return;
  if ((fa | fb) & HS_WF_NUM) (*who)++, (*what)++;
  else if ((fa | fb) & HS_WF_LOW) (*what)++, (*said)++;
  else if ((fa | fb) & HS_WF_NAME) (*who)++;
}

/* Whether document a comes before b: the earlier date, a dated one
** before an undated one, else the lower index. */
static int doc_before(const hs_pdoc *docs, uint32_t a, uint32_t b) {
  const char *x = docs ? docs[a].date : NULL, *y = docs ? docs[b].date : NULL;
  int c;
  if (x && y && (c = strcmp(x, y))) return c < 0;
  if (!x != !y) return x != NULL;
  return a < b;
}

/* flag[i] = 1 for each sentence whose key[i] is shared by RECUR_DOCS
** documents or more (key is reordered); documents of one group (group
** NULL: each its own) count once.  With copy given, copy[i] = 1 for each
** sentence whose key another sentence of its group holds in an earlier
** document: a reprint's copy. */
static void mark_recurring(uint64_t *key, const sent *s, size_t ns,
                           const uint32_t *group, const hs_pdoc *docs,
                           uint8_t *flag, uint8_t *copy) {
  uint32_t *si = hs_malloc((ns + 1) * sizeof *si);
  size_t i, j, m, q;
#define GROUP(x) (group ? group[s[si[x]].doc] : s[si[x]].doc)
  for (i = 0; i < ns; i++) si[i] = (uint32_t)i;
  hs_sort_u64_carry(key, si, ns);
  for (i = 0; i < ns; i = j) {
    size_t docs_n = 0;
    for (j = i + 1; j < ns && key[j] == key[i]; j++) {}
    for (m = i; m < j && docs_n < RECUR_DOCS; m++) {
      for (q = i; q < m; q++)
        if (GROUP(q) == GROUP(m)) break;
      if (q == m) docs_n++;
    }
    if (docs_n >= RECUR_DOCS)
      for (m = i; m < j; m++) flag[si[m]] = 1;
    else if (copy && j - i > 1)
      for (m = i; m < j; m++)
        for (q = i; q < j; q++)
          if (q != m && GROUP(q) == GROUP(m) &&
              (s[si[q]].doc == s[si[m]].doc
                   ? si[q] < si[m]
                   : doc_before(docs, s[si[q]].doc, s[si[m]].doc))) {
            copy[si[m]] = 1;
            break;
          }
  }
#undef GROUP
  free(si);
}

static uint64_t str_hash(const char *p) {
  uint64_t h = 1469598103934665603ULL;
  for (; p && *p; p++) h = (h ^ (unsigned char)*p) * 1099511628211ULL;
  return h;
}

static int same_outlet(const hs_pdoc *docs, uint32_t a, uint32_t b) {
  return docs && docs[a].outlet && docs[b].outlet &&
         !strcmp(docs[a].outlet, docs[b].outlet);
}

/* the sentence as compared: its text without its stock words (the bytes
** from a masked word to the next word kept are left out) */
static char *sentence_text(const char *text, const sent *x,
                           const hs_stock *stock) {
  const char *p = text + x->start;
  size_t len = x->end - x->start, nt = 0, k;
  hs_token *tok = NULL;
  uint8_t *mask;
  hs_buf b;
  if (!x->masked || hs_tokenize(p, len, &tok, &nt, NULL) || !nt) {
    free(tok);
    return hs_strndup(p, len);
  }
  mask = hs_malloc(nt);
  hs_stock_mask(stock, p, 0, (uint32_t)len, tok, nt, mask);
  hs_buf_init(&b, 0);
  for (k = 0; k < nt; k++) {
    size_t end = k + 1 < nt ? tok[k + 1].start : len;
    if (mask[k]) continue;
    if (b.len) hs_buf_putc(&b, ' ');
    hs_buf_append(&b, p + tok[k].start, end - tok[k].start);
  }
  free(mask);
  free(tok);
  hs_buf_terminate(&b);
  return hs_buf_take(&b, NULL);
}

/* A wire's hard-wrapped text (fixed-width lines, as in Reuters) breaks
** its sentences at line ends, and the pieces ("said Carroll McEntee and
** McGinley analyst Brian Singer.") are names without a claim.  A document
** is hard-wrapped when WRAP_LINES lines or more have text and most of them
** (WRAP_PCT percent) are WRAP_LO to WRAP_HI bytes long; then a line break
** followed by text (not white space: a paragraph's indent or a blank line)
** is a space.  Returns the copy (same length, so offsets hold for the
** text), or NULL when the text is not hard-wrapped. */
#define WRAP_LINES 4
#define WRAP_PCT 60
#define WRAP_LO 40
#define WRAP_HI 90
static char *unwrap(const char *t, size_t n) {
  size_t lines = 0, fixed = 0, i, start = 0;
  char *u;
  for (i = 0; i <= n; i++)
    if (i == n || t[i] == '\n') {
      size_t len = i - start;
      if (len) lines++, fixed += len >= WRAP_LO && len <= WRAP_HI;
      start = i + 1;
    }
  if (lines < WRAP_LINES || fixed * 100 < lines * WRAP_PCT) return NULL;
  u = hs_malloc(n + 1);
  memcpy(u, t, n);
  u[n] = 0;
  for (i = 1; i + 1 < n; i++)
    if (u[i] == '\n' && t[i - 1] != '\n' && t[i + 1] != '\n' &&
        t[i + 1] != ' ' && t[i + 1] != '\t' && t[i + 1] != '\r')
      u[i] = ' ';
  return u;
}

/* Whether a number of sentence t (the run of n bytes at p) is part of a
** date: next to a word the comparison reads as a date on that side
** ("Feb 2", "March 11"; the claims stage's month names). */
static int is_wordb(unsigned char ch) {
  return ch >= 0x80 || (ch >= '0' && ch <= '9') ||
         ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
}

static int word_in(const char *w, size_t n, const hs_claim_compare *r,
                   int side) {
  size_t k;
  for (k = 0; k < r->ndiffs; k++) {
    const char *v = side ? r->diffs[k].to : r->diffs[k].from;
    if (r->diffs[k].kind == HS_VAR_DATE && v && strlen(v) == n &&
        !strncasecmp(v, w, n))
      return 1;
  }
  return 0;
}

static int in_date(const char *t, size_t at, size_t n,
                   const hs_claim_compare *r, int side) {
  size_t b = at, e = at + n, ws;
  while (b > 0 && (t[b - 1] == ' ' || t[b - 1] == ',')) b--;
  for (ws = b; ws > 0 && is_wordb((unsigned char)t[ws - 1]); ws--) {}
  if (ws < b && word_in(t + ws, b - ws, r, side)) return 1;
  while (t[e] == ' ' || t[e] == ',') e++;
  for (ws = e; t[ws] && is_wordb((unsigned char)t[ws]); ws++) {}
  return ws > e && word_in(t + e, ws - e, r, side);
}

/* Two events, not one retold: each sentence states figures (digits,
** dates left out), three or more in all, that the comparison finds
** changed, and they share none ("1 million litres ... 12 crew" / "19
** crew").  A retelling that changes a figure keeps another, states
** figures on one side only, or changes one toll ("14 fishermen" / "at
** least 20 fishermen"). */
static int figures_conflict(const char *ta, const char *tb,
                            const hs_claim_compare *r) {
  size_t changed[2] = {0, 0}, kept[2] = {0, 0};
  int side;
  for (side = 0; side < 2; side++) {
    const char *t = side ? tb : ta;
    size_t i = 0, k;
    while (t[i]) {
      size_t e;
      if (!(t[i] >= '0' && t[i] <= '9') ||
          (i && is_wordb((unsigned char)t[i - 1]))) {
        i++;
        continue;
      }
      for (e = i; (t[e] >= '0' && t[e] <= '9') ||
                  ((t[e] == '.' || t[e] == ',') && t[e + 1] >= '0' && t[e + 1] <= '9');
           e++) {}
      if (!in_date(t, i, e - i, r, side)) {
        for (k = 0; k < r->ndiffs; k++) {
          const char *v = side ? r->diffs[k].to : r->diffs[k].from;
          if (r->diffs[k].kind == HS_VAR_NUMBER && v && strlen(v) == e - i &&
              !strncmp(v, t + i, e - i))
            break;
        }
        if (k == r->ndiffs) kept[side]++;
        else changed[side]++;
      }
      i = e;
    }
  }
  /* a figure both state (neither side's one a date's) */
  if (kept[0] && kept[1]) return 0;
  return changed[0] && changed[1] && changed[0] + changed[1] >= 3;
}

/* whether two documents are dated more than HS_PARA_BACKGROUND_DAYS apart */
static int far_apart(const hs_pdoc *docs, uint32_t a, uint32_t b) {
  int oka = 0, okb = 0;
  long da, db;
  if (!docs || !docs[a].date || !docs[b].date) return 0;
  da = hs_story_days(docs[a].date, &oka);
  db = hs_story_days(docs[b].date, &okb);
  return oka && okb && (da > db ? da - db : db - da) > HS_PARA_BACKGROUND_DAYS;
}

/* the sorted token hashes of n bytes at t, and their flags (who and
** what) when flags is given; NULL when there are none */
static uint64_t *hashes(const char *t, size_t n, const uint64_t *stops,
                        size_t nstops, hs_token **tok, uint8_t **flags,
                        size_t *nh) {
  hs_token *tk = NULL;
  uint64_t *h;
  size_t nt = 0, k;
  *nh = 0;
  if (hs_tokenize(t, n, &tk, &nt, NULL) || !nt) {
    free(tk);
    return NULL;
  }
  h = hs_malloc(nt * sizeof *h);
  for (k = 0; k < nt; k++) h[k] = tk[k].hash;
  if (flags) {
    *flags = hs_malloc(nt);
    for (k = 0; k < nt; k++)
      (*flags)[k] = hs_u64_sorted_has(stops, nstops, tk[k].hash) ? HS_WF_STOP : 0;
    hs_shape_words(t, tk, nt, *flags);
  }
  hs_sort_u64(h, nt);
  *nh = nt;
  if (tok) *tok = tk;
  else free(tk);
  return h;
}

/* another ship or person in the same words ("the Marlin Grace is
** managed by ..." / "boarded the Marlin Hope, ... managed by ...", each
** name absent from the other document): two events (shape.c) */
static int name_swap(const hs_doc *A, const sent *x, const hs_doc *B,
                     const sent *y, const uint64_t *stops, size_t nstops) {
  hs_token *ta = NULL, *tb = NULL;
  uint8_t *fa = NULL, *fb = NULL;
  size_t na = 0, nb = 0, nda = 0, ndb = 0;
  uint64_t *ha = hashes(A->text + x->start, x->end - x->start, stops, nstops, &ta, &fa, &na);
  uint64_t *hb = hashes(B->text + y->start, y->end - y->start, stops, nstops, &tb, &fb, &nb);
  uint64_t *da = hashes(A->text, A->len, NULL, 0, NULL, NULL, &nda);
  uint64_t *db = hashes(B->text, B->len, NULL, 0, NULL, NULL, &ndb);
  int r = ha && hb && da && db &&
          hs_shape_name_swap(ta, fa, na, tb, fb, nb, da, nda, db, ndb);
  free(ta), free(tb), free(fa), free(fb);
  free(ha), free(hb), free(da), free(db);
  return r;
}

static int para_cmp(const void *x, const void *y) {
  const hs_para *a = x, *b = y;
  if (a->a != b->a) return a->a < b->a ? -1 : 1;
  if (a->b != b->b) return a->b < b->b ? -1 : 1;
  return (a->words < b->words) - (a->words > b->words);
}

int hs_story_paraphrases(const hs_corpus *c, hs_claims *claims,
                         double threshold, const hs_pdoc *docs,
                         const uint32_t *group,
                         int (*skip)(void *ud, uint32_t a, uint32_t b),
                         void *ud, hs_para **out, size_t *n, hs_error *err) {
  size_t nd = hs_corpus_count(c), i, j, k, first_s, nprose;
  sent *s = NULL;
  size_t ns = 0, caps = 0;
  uint64_t *key = NULL, *pk = NULL;
  uint32_t *pkf = NULL, *slot = NULL, *shared = NULL;
  size_t capf = 0, nslot;
  uint32_t *carry = NULL;
  uint8_t *tmpl = NULL, *copy = NULL;
  size_t nk = 0, capk = 0, npk = 0, cappk = 0;
  hs_para *res = NULL;
  size_t nres = 0, capr = 0;
  hs_token *tok = NULL;
  hs_sentence *ss = NULL;
  hs_stock *stock = NULL;
  uint8_t *mask = NULL, *only = NULL, *wf = NULL, *kwf = NULL;
  uint32_t *what = NULL, *who = NULL, *said = NULL;
  uint64_t *stops = NULL;
  size_t capm = 0, capo = 0, capw = 0, capkw = 0, nu, nl, nstops = 0;
  int kind;
  int why, claim;
  int rc = HS_OK;
  *out = NULL;
  *n = 0;
  if ((rc = hs_stock_new(&stock, err))) return rc;
  stops = stop_hashes(&nstops);
  for (i = 0; i < nd; i++) {
    const hs_doc *d = hs_corpus_doc(c, i);
    size_t nt = 0, nss = 0, t = 0;
    if (!d->text || !d->len) continue;
    free(tok);
    free(ss);
    tok = NULL;
    ss = NULL;
    if ((rc = hs_tokenize(d->text, d->len, &tok, &nt, err))) goto out;
    {
      char *u = unwrap(d->text, d->len);
      rc = hs_sentences_split(u ? u : d->text, d->len, &ss, &nss, err);
      free(u);
      if (rc) goto out;
    }
    first_s = ns;
    nprose = 0;
    for (j = 0; j < nss; j++) {
      size_t t0, nw;
      while (t < nt && tok[t].start < ss[j].start) t++;
      t0 = t;
      while (t < nt && tok[t].start < ss[j].end) t++;
      nw = t - t0;
      if (nw < MIN_WORDS || nw > MAX_WORDS) continue;
      /* links, e-mail addresses and asides are no prose; a sentence
      ** opening in lower case is the tail of another (shape.c) */
      if (hs_shape_not_prose(d->text + ss[j].start, ss[j].end - ss[j].start))
        continue;
      HS_GROW(wf, capw, nw);
      for (k = 0; k < nw; k++)
        wf[k] = hs_u64_sorted_has(stops, nstops, tok[t0 + k].hash) ? HS_WF_STOP : 0;
      kind = hs_shape_words(d->text, tok + t0, nw, wf);
      if (kind == HS_SENT_FRAGMENT) continue;
      /* stock text (quotations, formulas) makes no candidate; a sentence
      ** of page furniture is none at all; a list's items (shape.c), a
      ** sentence that is mostly a list and a background sentence make no
      ** candidate but count for their words' rarity (a player's name on
      ** every team sheet is no specific word) */
      HS_GROW(mask, capm, nw);
      why = hs_stock_mask(stock, d->text, ss[j].start, ss[j].end, tok + t0,
                          nw, mask);
      if (why && why != HS_STOCK_LIST && why != HS_STOCK_BACKGROUND) continue;
      nprose++; /* the lead counts prose, not a page's menus and bylines */
      for (k = 0, nu = 0, nl = 0; k < nw; k++)
        nu += !mask[k], nl += mask[k] == 2;
      claim = !why && nu >= MIN_WORDS;
      if (!claim && !nl && why != HS_STOCK_BACKGROUND) continue;
      HS_GROW(s, caps, ns + 1);
      s[ns].doc = (uint32_t)i;
      s[ns].start = ss[j].start;
      s[ns].end = ss[j].end;
      s[ns].nw = 0;
      s[ns].lead = j < HS_PARA_LEAD;
      s[ns].closing = (uint32_t)nprose; /* its place in the prose, for now */
      s[ns].masked = nu < nw;
      s[ns].cased = kind == HS_SENT_CASED || kind == HS_SENT_CAPS;
      s[ns].shape = 0;
      for (k = t0; k < t; k++)
        if (!mask[k - t0]) s[ns].shape = mix(s[ns].shape, tok[k].hash);
      s[ns].opening = (uint64_t)i + 1; /* no outlet: never a template */
      if (docs && docs[i].outlet) {
        size_t got = 0;
        s[ns].opening = str_hash(docs[i].outlet);
        for (k = t0; k < t && got < OPENING; k++)
          if (!mask[k - t0]) {
            s[ns].opening = mix(s[ns].opening, tok[k].hash);
            got++;
          }
      }
      if (!claim) /* counts only: matches no other sentence's shape */
        s[ns].shape = s[ns].opening = ~(uint64_t)ns;
      HS_GROW(key, capk, nk + nw);
      HS_GROW(only, capo, nk + nw);
      HS_GROW(kwf, capkw, nk + nw);
      {
        /* its distinct words: the claim's, then the list items' (those
        ** and all of a sentence that is no claim count, make no pair) */
        size_t first = nk, pass;
        for (pass = 0; pass < 2; pass++)
          for (k = t0; k < t; k++) {
            size_t m;
            if (pass == 0 ? mask[k - t0] != 0 : mask[k - t0] != 2) continue;
            for (m = first; m < nk; m++)
              if (key[m] == tok[k].hash) break;
            if (m < nk) {
              kwf[m] |= wf[k - t0];
              continue;
            }
            kwf[nk] = wf[k - t0];
            only[nk] = (uint8_t)(pass || !claim);
            key[nk++] = tok[k].hash;
            if (!only[nk - 1]) s[ns].nw++;
          }
        s[ns].nk = (uint32_t)(nk - first);
      }
      ns++;
    }
    /* the closing sentence of its prose (a page's menus and bylines do
    ** not count) */
    for (k = first_s; k < ns; k++)
      s[k].closing = s[k].closing > 1 && s[k].closing == nprose;
  }
  carry = hs_malloc((nk + 1) * sizeof *carry);
  {
    /* sentence of each key: keys were appended sentence by sentence */
    size_t at = 0;
    for (i = 0; i < ns; i++)
      for (k = 0; k < s[i].nk; k++)
        carry[at] = (uint32_t)i | (only[at] ? COUNT_ONLY : 0) |
                    ((uint32_t)kwf[at] << WF_SHIFT),
        at++;
  }
  {
    /* sentences whose exact words recur in RECUR_DOCS documents or more
    ** (templates, sign-offs, furniture) make no candidates, documents
    ** that the reuse stage joined (group: a report and its reprints)
    ** counting once; of a reprinted sentence only the earliest copy
    ** counts for its words' rarity (the others still pair), so that a
    ** reprint makes neither a template of its original nor its words
    ** commoner; an opening
    ** that recurs in RECUR_DOCS documents of one outlet marks its
    ** template (a job advert, a column's "other articles" line) */
    uint64_t *sh = hs_malloc((ns + 1) * sizeof *sh);
    uint8_t *recur = hs_calloc(ns + 1, 1);
    size_t at;
    for (i = 0; i < ns; i++) sh[i] = s[i].shape;
    mark_recurring(sh, s, ns, group, docs, recur, copy = hs_calloc(ns + 1, 1));
    for (i = 0; i < ns; i++) sh[i] = s[i].opening;
    mark_recurring(sh, s, ns, NULL, docs, tmpl = hs_calloc(ns + 1, 1), NULL);
    for (i = 0, at = 0; i < nk; i++)
      if ((carry[i] & COUNT_ONLY) || !recur[SIDX(carry[i])]) {
        key[at] = key[i];
        carry[at++] = carry[i];
      }
    nk = at;
    free(sh);
    free(recur);
  }
  hs_sort_u64_carry(key, carry, nk);
  /* the sentence pairs sharing a specific word (in at most
  ** HS_PARA_SPECIFIC_DF sentences), each once with how many they share;
  ** only those sharing MIN_SPECIFIC are kept, and the words of up to
  ** HS_PARA_DF_CAP sentences then add to their counts without making
  ** pairs of their own (so that the wider cap costs no memory) */
  for (i = 0; i < nk; i = j) {
    size_t df = 0;
    for (j = i; j < nk && key[j] == key[i]; j++) df += !copy[SIDX(carry[j])];
    if (j - i < 2 || df > HS_PARA_SPECIFIC_DF) continue;
    for (k = i; k < j; k++) {
      size_t m;
      for (m = k + 1; m < j; m++) {
        uint32_t x = carry[k], y = carry[m];
        if ((x | y) & COUNT_ONLY) continue;
        x = SIDX(x), y = SIDX(y);
        if (s[x].doc == s[y].doc) continue;
        HS_GROW(pk, cappk, npk + 1);
        pk[npk++] = x < y ? ((uint64_t)x << 32) | y : ((uint64_t)y << 32) | x;
      }
    }
  }
  hs_sort_u64(pk, npk);
  for (i = 0, k = 0; i < npk; i = j) {
    for (j = i + 1; j < npk && pk[j] == pk[i]; j++) {}
    if (j - i < MIN_SPECIFIC) continue;
    HS_GROW(pkf, capf, k + 1);
    pkf[k] = (uint32_t)(j - i);
    pk[k++] = pk[i];
  }
  npk = k;
  for (nslot = 16; nslot < 2 * npk + 2; nslot *= 2) {}
  slot = hs_calloc(nslot, sizeof *slot);
  shared = hs_calloc(npk + 1, sizeof *shared);
  what = hs_calloc(npk + 1, sizeof *what);
  who = hs_calloc(npk + 1, sizeof *who);
  said = hs_calloc(npk + 1, sizeof *said);
  for (i = 0; i < npk; i++) {
    size_t h = (size_t)(pk[i] * 0x9e3779b97f4a7c15ULL >> 20) & (nslot - 1);
    while (slot[h]) h = (h + 1) & (nslot - 1);
    slot[h] = (uint32_t)i + 1;
    shared[i] = pkf[i];
  }
  /* every shared word under the cap: the wider words add to the count,
  ** and each says whether it is who or what */
  for (i = 0; i < nk && npk; i = j) {
    size_t df = 0;
    for (j = i; j < nk && key[j] == key[i]; j++) df += !copy[SIDX(carry[j])];
    if (j - i < 2 || df > HS_PARA_DF_CAP) continue;
    for (k = i; k < j; k++) {
      size_t m;
      for (m = k + 1; m < j; m++) {
        uint32_t x = carry[k], y = carry[m], at;
        uint64_t pair;
        size_t h;
        if ((x | y) & COUNT_ONLY) continue;
        x = SIDX(x), y = SIDX(y);
        if (s[x].doc == s[y].doc) continue;
        pair = x < y ? ((uint64_t)x << 32) | y : ((uint64_t)y << 32) | x;
        h = (size_t)(pair * 0x9e3779b97f4a7c15ULL >> 20) & (nslot - 1);
        while (slot[h] && pk[slot[h] - 1] != pair) h = (h + 1) & (nslot - 1);
        if (!slot[h]) continue;
        at = slot[h] - 1;
        if (df > HS_PARA_SPECIFIC_DF) shared[at]++;
        who_what(carry[k], carry[m], &who[at], &what[at], &said[at]);
      }
    }
  }
  free(key);
  key = NULL;
  for (i = 0; i < npk; i++) {
    uint32_t x = (uint32_t)(pk[i] >> 32), y = (uint32_t)pk[i];
    uint32_t da, db, mn, nsh = shared[i];
    double sim = 0, wsim = 0;
    int weak, strong, other, conflict;
    hs_claim_compare r;
    const hs_doc *A, *B;
    char *ta, *tb;
    mn = s[x].nw < s[y].nw ? s[x].nw : s[y].nw;
    if (nsh < MIN_SHARED || 3 * nsh < mn) continue;
    /* the same who and the same what: names alone are two claims about
    ** one party, common words alone one template filled twice */
    if (what[i] < MIN_WHAT ||
        (s[x].cased && s[y].cased && (who[i] < MIN_WHO || !said[i])))
      continue;
    da = s[x].doc < s[y].doc ? s[x].doc : s[y].doc;
    db = s[x].doc < s[y].doc ? s[y].doc : s[x].doc;
    /* the same words in the same order, left unlinked by the reuse
    ** stage: a short copy across outlets states the claim, but inside
    ** one outlet (or where outlets are unknown) it is the outlet's own
    ** furniture; and one outlet's template joins nothing */
    if (s[x].shape == s[y].shape &&
        !(docs && docs[da].outlet && docs[db].outlet && !same_outlet(docs, da, db)))
      continue;
    if ((tmpl[x] || tmpl[y]) && same_outlet(docs, da, db)) continue;
    if (skip && skip(ud, da, db)) continue;
    other = docs && docs[da].outlet && docs[db].outlet &&
            !same_outlet(docs, da, db);
    /* a closing line is background when the two are weeks apart (the
    ** port's yearly traffic after another month's news) */
    weak = other && s[x].lead && s[y].lead && nsh >= HS_PARA_WEAK_SHARED &&
           !((s[x].closing || s[y].closing) && far_apart(docs, da, db));
    strong = other && s[x].cased && s[y].cased &&
             nsh >= HS_PARA_STRONG_SHARED && what[i] >= HS_PARA_STRONG_WHAT;
    A = hs_corpus_doc(c, s[x].doc);
    B = hs_corpus_doc(c, s[y].doc);
    ta = sentence_text(A->text, &s[x], stock);
    tb = sentence_text(B->text, &s[y], stock);
    rc = hs_claims_compare(claims, ta, tb, threshold, &r, err);
    if (rc) {
      free(ta);
      free(tb);
      goto out;
    }
    sim = r.similarity;
    wsim = r.words;
    conflict = figures_conflict(ta, tb, &r);
    free(ta);
    free(tb);
    hs_claim_compare_free(&r);
    if (conflict) continue;
    if (wsim < threshold && !(weak && wsim >= HS_PARA_WEAK) &&
        !(strong && wsim >= HS_PARA_STRONG))
      continue;
    if (s[x].cased && s[y].cased && name_swap(A, &s[x], B, &s[y], stops, nstops))
      continue;
    HS_GROW(res, capr, nres + 1);
    if (s[x].doc > s[y].doc) {
      uint32_t t = x;
      x = y;
      y = t;
    }
    res[nres].a = s[x].doc;
    res[nres].b = s[y].doc;
    res[nres].a_start = s[x].start, res[nres].a_end = s[x].end;
    res[nres].b_start = s[y].start, res[nres].b_end = s[y].end;
    res[nres].similarity = sim;
    res[nres].words = wsim;
    res[nres].sentences = 1;
    res[nres].lead = !s[x].closing || !s[y].closing;
    nres++;
  }
  /* one per document pair: the best, counting the others.  One sentence
  ** pair that closes both documents, dated more than HS_PARA_BACKGROUND_DAYS
  ** apart, is background told by both (a port's yearly traffic, a
  ** tanker's builder), not the news of either: alone it links nothing.
  ** (The closing lines of one day's reports of one meeting, its attendees
  ** or a match's referees, are its news, told by every paper that day.) */
  if (nres) qsort(res, nres, sizeof *res, para_cmp);
  for (i = 0, k = 0; i < nres; i = j) {
    uint32_t lead = 0;
    size_t q;
    for (j = i + 1; j < nres && res[j].a == res[i].a && res[j].b == res[i].b; j++) {}
    for (q = i; q < j; q++) lead += res[q].lead;
    if (j - i < 2 && !lead && far_apart(docs, res[i].a, res[i].b)) continue;
    res[k] = res[i];
    res[k].sentences = (uint32_t)(j - i);
    res[k].lead = lead;
    k++;
  }
  nres = k;
  *out = res;
  *n = nres;
  res = NULL;
out:
  hs_stock_free(stock);
  free(mask);
  free(only);
  free(wf);
  free(kwf);
  free(what);
  free(who);
  free(said);
  free(stops);
  free(tok);
  free(ss);
  free(s);
  free(key);
  free(carry);
  free(tmpl);
  free(copy);
  free(pk);
  free(pkf);
  free(slot);
  free(shared);
  free(res);
  return rc;
}

/* ------------------------------------------------------------ changes */

char *hs_story_changes(hs_claims *claims, const char *a, const char *b) {
  static const int kinds[] = {HS_VAR_NUMBER, HS_VAR_PLACE_ACTOR, HS_VAR_DATE,
                              HS_VAR_NEGATION};
  hs_claim_compare r;
  size_t i, j;
  hs_buf out;
  int side;
  /* the claims stage's comparison: numbers as values, names, negation */
  if (hs_claims_compare(claims, a, b, HS_CLAIMS_SAME_THRESHOLD, &r, NULL))
    return NULL;
  if (!r.ndiffs) {
    hs_claim_compare_free(&r);
    return NULL;
  }
  hs_buf_init(&out, 0);
  hs_buf_putc(&out, '[');
  /* one object per kind: values only in the earlier (from) and only in
  ** the later sentence (to) */
  for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
    int any = 0;
    const char *kn = hs_variant_kind_name(kinds[i]);
    for (j = 0; j < r.ndiffs; j++)
      if (r.diffs[j].kind == kinds[i]) any = 1;
    if (!any) continue;
    if (out.len > 1) hs_buf_putc(&out, ',');
    hs_buf_append(&out, "{\"kind\":", 8);
    hs_json_buf_strn(&out, kn, strlen(kn));
    for (side = 0; side < 2; side++) {
      int first = 1;
      hs_buf_append(&out, side ? ",\"to\":[" : ",\"from\":[", side ? 7 : 9);
      for (j = 0; j < r.ndiffs; j++) {
        const char *v = side ? r.diffs[j].to : r.diffs[j].from;
        if (r.diffs[j].kind != kinds[i] || !v) continue;
        if (!first) hs_buf_putc(&out, ',');
        first = 0;
        hs_json_buf_strn(&out, v, strlen(v));
      }
      hs_buf_putc(&out, ']');
    }
    hs_buf_putc(&out, '}');
  }
  hs_buf_putc(&out, ']');
  hs_claim_compare_free(&r);
  hs_buf_terminate(&out);
  return hs_buf_take(&out, NULL);
}
