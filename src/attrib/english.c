/*
** english.c — where the source of an English cue lies when it is read
** before the cue ("X said", "X, APPOSITION, said", "Officials of the
** foreign ministry said", "SANA, citing local residents, reported") or,
** for an inverted cue after a quotation, after it ('"...," said Junya
** Tanase of JPMorgan'); whether a span read there looks like a name or a
** noun phrase at all; and whether "rejected"/"dismissed" deny a
** statement or an act.  English word order needs more than the words next
** to the cue, and these rules are English only; kept apart from the
** extraction loop (attrib.c) as the Persian, Arabic and Russian ones are
** (subject.c).  English words are the tables below.
*/
#include <string.h>

#include "hearsay.h"

#include "attrib/attrib_int.h"

/* An English source read backwards must look like a name or a noun
** phrase: a capitalized word, a type keyword, or an article before at
** most four words ("the harbour board"). */
int hs_attr_plausible_en(const txt *t, uint32_t s, uint32_t e) {
  uint32_t p = s;
  int nw = 0, cap = 0, kw = 0, art = 0;
  while (p < e) {
    uint32_t q;
    if (hs_attr_punct_len(t, p)) {
      p += hs_attr_punct_len(t, p);
      continue;
    }
    q = hs_attr_word_end(t, p);
    if (q > e) q = e;
    if (nw == 0 && (hs_attr_eq_ci(t->s + p, q - p, "the") ||
                    hs_attr_eq_ci(t->s + p, q - p, "a") ||
                    hs_attr_eq_ci(t->s + p, q - p, "an") ||
                    hs_attr_eq_ci(t->s + p, q - p, "my") ||
                    hs_attr_eq_ci(t->s + p, q - p, "our") ||
                    hs_attr_eq_ci(t->s + p, q - p, "his") ||
                    hs_attr_eq_ci(t->s + p, q - p, "her") ||
                    hs_attr_eq_ci(t->s + p, q - p, "their")))
      art = 1;
    else if (hs_attr_is_upper_ascii(t->s[p]))
      cap = 1;
    if (hs_attr_type_word_at(t, t->s + p, q - p) < hs_attr_ntype_words) kw = 1;
    nw++;
    p = q;
  }
  return cap || kw || (art && nw <= 5);
}

/* "rejected" and "dismissed" deny only a statement: "rejected the
** claims", "dismissed reports that ...", "dismissed as \"baseless\" a
** Reuters report"; "rejected a takeover offer" or "dismissed the offer" is
** an act, no attribution.  1 if one of the six words after the cue (ending
** at ce; quotation marks skipped) is a statement word or a denial word. */
static const char *const statement_en[] = {
    "claim", "claims", "allegation", "allegations", "report", "reports",
    "accusation", "accusations", "charge", "charges", "suggestion",
    "suggestions", "rumour", "rumours", "rumor", "rumors", "story",
    "stories", "speculation", "criticism", "assertion", "assertions",
    "statement", "statements", "idea", "notion", "remarks", "comments",
    NULL};

int hs_attr_denies_statement_en(const txt *t, uint32_t ce, uint32_t lim) {
  uint32_t p = ce;
  int k;
  for (k = 0; k < 6; k++) {
    uint32_t q;
    for (;;) {
      if (p < lim && (t->s[p] == ' ' || t->s[p] == '\n' || t->s[p] == '"'))
        p++;
      else if (p + 3 <= lim && !memcmp(t->s + p, "\xE2\x80", 2) &&
               (t->s[p + 2] == '\x9C' || t->s[p + 2] == '\x9D'))
        p += 3; /* “ ” */
      else
        break;
    }
    if (p >= lim || hs_attr_punct_len(t, p)) return 0;
    q = hs_attr_word_end(t, p);
    if (hs_attr_in_list(t->s + p, q - p, statement_en) ||
        hs_attr_in_list(t->s + p, q - p, hs_attr_denial_words))
      return 1;
    p = q;
  }
  return 0;
}

/* 1 if a quotation or a clause ends right before i ('"...," said X'). */
static int after_quote(const txt *t, uint32_t lo, uint32_t i) {
  const unsigned char *s = (const unsigned char *)t->s;
  while (i > lo && s[i - 1] == ' ') i--;
  if (i == lo) return 0;
  if (s[i - 1] == ',' || s[i - 1] == '"') return 1;
  if (i >= lo + 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80 && s[i - 1] == 0x9D)
    return 1; /* closing curly quote */
  return i >= lo + 2 && s[i - 2] == 0xC2 && s[i - 1] == 0xBB; /* » */
}

/* English auxiliaries and adverbs between a source and its cue ("MPs
** have said", "the LDP also said"): skipped backwards from i. */
static const char *const aux_en[] = {"has", "have", "had", "also",
                                     "later", "earlier", "previously",
                                     "again", "would", "will", "could",
                                     "repeatedly", "already", NULL};

static uint32_t skip_aux_en(const txt *t, uint32_t lo, uint32_t i) {
  for (;;) {
    uint32_t e = i, b;
    while (e > lo && t->s[e - 1] == ' ') e--;
    b = e;
    while (b > lo && ((t->s[b - 1] >= 'a' && t->s[b - 1] <= 'z') ||
                      (t->s[b - 1] >= 'A' && t->s[b - 1] <= 'Z')))
      b--;
    if (b == e || !hs_attr_in_list(t->s + b, e - b, aux_en)) return i;
    i = b;
  }
}

/* A parenthesized abbreviation or a ticker right before i ("the Office
** for National Statistics (ONS) said", "Lucas Industries Plc <LUCS.L>
** said"): returns the position of its "(" or "<", else i. */
static uint32_t skip_abbrev_en(const txt *t, uint32_t lo, uint32_t i) {
  uint32_t e = i, b;
  while (e > lo && t->s[e - 1] == ' ') e--;
  if (e == lo || (t->s[e - 1] != ')' && t->s[e - 1] != '>')) return i;
  for (b = e - 1; b > lo && e - b <= 12; b--) {
    char c = t->s[b - 1];
    if (c == (t->s[e - 1] == ')' ? '(' : '<')) return b - 1;
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '&' ||
          c == '.' || c == '-'))
      return i;
  }
  return i;
}

static const char *const weekdays_en[] = {"monday", "tuesday", "wednesday",
                                          "thursday", "friday", "saturday",
                                          "sunday", NULL};

/* "X, APPOSITION, said": the source is X when a comma ends right before the
** cue, the sentence (after at most one opening word and a comma, "Earlier,")
** starts with X, and the apposition between the two commas holds no
** quotation mark and does not open with a conjunction ("Richard Jeffrey, chief economist at Bridgewell
** Securities, said"; "Taunton, which went public last June, said"). */
static const char *const conj_en[] = {"and", "but", "or", "while",
                                      "although", "though", "so", "yet",
                                      NULL};

/* 1 if a quotation closed after a comma ends right before i ("“We are
** on the precipice,” Maryland Sen. Ben Cardin, ..., said"). */
static int quote_comma_before(const txt *t, uint32_t lo, uint32_t i) {
  const unsigned char *u = (const unsigned char *)t->s;
  while (i > lo && u[i - 1] == ' ') i--;
  if (i >= lo + 2 && u[i - 1] == '"') return u[i - 2] == ',';
  return i >= lo + 4 && u[i - 3] == 0xE2 && u[i - 2] == 0x80 &&
         u[i - 1] == 0x9D && u[i - 4] == ',';
}

static int appositive_en(const txt *t, uint32_t lo, uint32_t i, uint32_t *s,
                         uint32_t *e) {
  uint32_t c1 = i, c2, j, xs, xe;
  while (c1 > lo && t->s[c1 - 1] == ' ') c1--;
  if (c1 == lo || t->s[c1 - 1] != ',') return 0;
  c1--;
  for (c2 = c1; c2 > lo; c2--) {
    unsigned char c = (unsigned char)t->s[c2 - 1];
    if (c == ',') break;
    if (c == '"' || c == ';' || c == ':' || c == 0xE2 || c == 0xC2) return 0;
  }
  if (c2 == lo || c1 - c2 < 4) return 0;
  c2--;
  for (j = c2 + 1; j < c1 && t->s[j] == ' '; j++) {
  }
  if (hs_attr_in_list(t->s + j, hs_attr_word_end(t, j) - j, conj_en))
    return 0; /* "X, but will put in less money, said Y": a clause */
  if (!hs_attr_read_before(t, lo, c2, "en", &xs, &xe) || !hs_attr_plausible_en(t, xs, xe))
    return 0;
  j = lo;
  while (j < xs && (t->s[j] == ' ' || t->s[j] == '"')) j++;
  if (j < xs && quote_comma_before(t, lo, xs)) j = xs; /* "“...,” X, ..." */
  if (j < xs) { /* one opening word and a comma */
    uint32_t w = hs_attr_word_end(t, j);
    if (w >= xs || t->s[w] != ',') return 0;
    for (j = w + 1; j < xs && t->s[j] == ' '; j++) {
    }
    if (j != xs) return 0;
  }
  *s = xs;
  *e = xe;
  return 1;
}

/* A source read backwards that an article opens, after "for" or "of"
** and a head word ("A spokesman for the Shareholders United", "Officials
** of the foreign ministry"): extended over the head's phrase. */
static void extend_of_en(const txt *t, uint32_t lo, uint32_t *s) {
  uint32_t e = *s, b, hs, he;
  while (e > lo && t->s[e - 1] == ' ') e--;
  b = e;
  while (b > lo && t->s[b - 1] >= 'a' && t->s[b - 1] <= 'z') b--;
  int in = hs_attr_eq_ci(t->s + b, e - b, "in");
  if (!(hs_attr_eq_ci(t->s + b, e - b, "for") ||
        hs_attr_eq_ci(t->s + b, e - b, "of") || in))
    return;
  if (b == lo || t->s[b - 1] != ' ') return;
  if (hs_attr_read_before(t, lo, b, "en", &hs, &he) && he > hs &&
      hs_attr_plausible_en(t, hs, he)) {
    /* "Farmers in Basra province said", "officials in Gaza said": only a
    ** head that opens its clause, not "fighting in Gaza, which ..." */
    uint32_t c = hs;
    while (c > lo && t->s[c - 1] == ' ') c--;
    if (in && !(c == lo || t->s[c - 1] == ',' || t->s[c - 1] == '-'))
      return;
    *s = hs;
  }
}

/* "SANA, citing local residents, reported", "Officials in Havana, cited
** by the Cuban News Agency, said": the cue at q follows the previous
** attribution pv, a citing one, across a comma; the source is the name
** before pv's cue. */
static int cited_before_en(const txt *t, const sent *se, const found *pv,
                           uint32_t q, uint32_t *s, uint32_t *e) {
  uint32_t c = pv->cue_s, g;
  int comma = 0;
  if (!(pv->flags & F_CITING) || pv->a.src_end > q || pv->cue_s < se->s ||
      !hs_attr_link_gap(t->s, pv->a.src_end, q))
    return 0;
  for (g = pv->a.src_end; g < q; g++) comma |= t->s[g] == ',';
  if (!comma) return 0;
  while (c > se->s && t->s[c - 1] == ' ') c--;
  if (c == se->s || t->s[c - 1] != ',') return 0;
  return hs_attr_read_before(t, se->s, c - 1, "en", s, e) && *e > *s &&
         hs_attr_plausible_en(t, *s, *e);
}

/* "said NAME of ORG", "said NAME from ORG": the source read after an
** inverted cue ends with a capitalized name of 2-4 words. */
static void trim_name_en(const txt *t, uint32_t s, uint32_t *e) {
  uint32_t p = s;
  int nw = 0;
  while (p < *e) {
    uint32_t q = hs_attr_word_end(t, p);
    if (nw >= 2 && (hs_attr_eq_ci(t->s + p, q - p, "of") ||
                    hs_attr_eq_ci(t->s + p, q - p, "from"))) {
      while (p > s && t->s[p - 1] == ' ') p--;
      *e = p;
      return;
    }
    if (!hs_attr_is_upper_ascii(t->s[p]) || ++nw > 4) return;
    p = q;
    while (p < *e && t->s[p] == ' ') p++;
  }
}

/* "have a say", "a greater say in", "the final say", "the Home
** Secretary's say so": "say" a noun, after an article, one of these words
** or a possessive; "did say", "would say", "to say": no report.  No cue
** in either case. */
static const char *const say_noun_before_en[] = {
    "a", "an", "the", "no", "any", "greater", "bigger", "larger", "more",
    "final", "last", "equal", "real", "little", "stronger", "much", "direct",
    "full",
    /* "did say", "would say", "to say", "heard X say": no report */
    "did", "does", "do", "didnt", "didn't", "doesn't", "don't", "dont",
    "might", "may", "would", "could", "should", "can", "can't", "cannot",
    "will", "must", "to", "hear", "heard", "let", "probably", "just", "not",
    "never", NULL};

int hs_attr_noun_say_en(const txt *t, uint32_t lo, uint32_t p) {
  uint32_t e = p, b;
  while (e > lo && t->s[e - 1] == ' ') e--;
  /* "the Home Secretary's say so": after a possessive */
  if ((e >= lo + 2 && t->s[e - 1] == 's' && t->s[e - 2] == '\'') ||
      (e >= lo + 4 && t->s[e - 1] == 's' &&
       !memcmp(t->s + e - 4, "\xE2\x80\x99", 3)))
    return 1;
  b = e;
  while (b > lo && ((t->s[b - 1] >= 'a' && t->s[b - 1] <= 'z') ||
                    (t->s[b - 1] >= 'A' && t->s[b - 1] <= 'Z') ||
                    t->s[b - 1] == '\''))
    b--;
  return b < e && hs_attr_in_list(t->s + b, e - b, say_noun_before_en);
}

/* "John Houlihan, editor of Computerandvideogames.com told BBC News": the
** apposition's closing comma left out, the source read back from the cue
** is the apposition [*s, *e) (it opens in lower case); the name before its
** comma is the source when it opens the sentence, follows a quotation
** closed by a comma or a clause's comma ("..., Jorge Cardenas, manager of
** X said"), and is capitalized, of two to four words. */
static void name_before_apposition_en(const txt *t, uint32_t lo, uint32_t *s,
                                      uint32_t *e) {
  uint32_t c = *s, xs, xe, j, w;
  int nw = 0;
  if (!(t->s[*s] >= 'a' && t->s[*s] <= 'z')) return;
  while (c > lo && t->s[c - 1] == ' ') c--;
  if (c == lo || t->s[c - 1] != ',') return;
  c--;
  if (!hs_attr_read_before(t, lo, c, "en", &xs, &xe) || xe != c) return;
  for (j = xs; j < xe; j = w) {
    while (j < xe && t->s[j] == ' ') j++;
    if (j == xe) break;
    if (!hs_attr_is_upper_ascii(t->s[j])) return;
    w = hs_attr_word_end(t, j);
    if (++nw > 4) return;
  }
  if (nw < 2) return;
  j = lo;
  while (j < xs && (t->s[j] == ' ' || t->s[j] == '"')) j++;
  c = xs;
  while (c > lo && (t->s[c - 1] == ' ' || t->s[c - 1] == '\n')) c--;
  /* "..., Jorge Cardenas, manager of X said": after a clause's comma */
  if (j < xs && !quote_comma_before(t, lo, xs) && t->s[c - 1] != ',') return;
  *s = xs;
  *e = xe;
}

/* '"...," said Jonathan Wolpaw and Dennis McFarlane.': a name read after
** an inverted cue, then "and" and a second capitalized name of two to four
** words that closes the clause: both are the source. */
static void and_name_after_en(const txt *t, const sent *se, uint32_t *e) {
  uint32_t p = *e, q;
  int nw = 0;
  if (p + 5 >= se->e || memcmp(t->s + p, " and ", 5)) return;
  p += 5;
  for (;;) {
    if (p >= se->e || !hs_attr_is_upper_ascii(t->s[p])) return;
    q = hs_attr_word_end(t, p);
    if (++nw > 4) return;
    if (q >= se->e || t->s[q] != ' ' || q + 1 >= se->e ||
        !hs_attr_is_upper_ascii(t->s[q + 1]))
      break;
    p = q + 1;
  }
  if (nw < 2 || (q < se->e && !hs_attr_punct_len(t, q))) return;
  *e = q;
}

int hs_attr_source_before_en(const txt *t, const sent *se, const found *f,
                             size_t first, size_t nf, const cue_row *c,
                             uint32_t p, uint32_t ce, uint32_t *s,
                             uint32_t *e) {
  uint32_t q = skip_abbrev_en(t, se->s, skip_aux_en(t, se->s, p));
  int ok = nf > first && cited_before_en(t, se, &f[nf - 1], q, s, e);
  if (ok) extend_of_en(t, se->s, s);
  if (!ok) ok = appositive_en(t, se->s, q, s, e);
  if (!ok && (ok = hs_attr_read_before(t, se->s, q, c->lang, s, e))) {
    extend_of_en(t, se->s, s);
    name_before_apposition_en(t, se->s, s, e);
  }
  if (!ok && (c->flags & F_INVERT) && after_quote(t, se->s, q) &&
      (ok = hs_attr_read_after(t, ce, se->e, c->lang, s, e))) {
    trim_name_en(t, *s, e);
    and_name_after_en(t, se, e);
    if (t->s[*s] >= '0' && t->s[*s] <= '9') ok = 0; /* "said 10,000" */
    if (ok && hs_attr_in_list(t->s + *s, *e - *s, weekdays_en))
      ok = 0; /* "said Thursday" */
  }
  return ok;
}
