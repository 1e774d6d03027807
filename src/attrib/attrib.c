/*
** attrib.c — attributions: who is said to have said or reported what.
**
** Text is cut into sentences (. ! ? ؟ and newlines; a full stop between
** two capitals or after a one-letter word does not end one).  In each
** sentence every cue of the tables below is found at a word start, and the
** source is read next to it:
**   - BEFORE cues ("said", "reported", "has denied", «گفت») take the
**     words before the cue, back to punctuation, a clause word ("that",
**     "and", "who") or 8 words;
**   - AFTER cues ("according to", "citing", «نقلا عن», «به گزارش») take
**     the words after it, up to punctuation, a stop word of the cue's
**     language or 7 words.  Arabic verb-first cues («قال», «ذكرت»,
**     «أفادت») are AFTER cues: the subject follows the verb.
** A source that is a pronoun or empty is dropped; English "said" with no
** name before it (a quotation closes there) reads the name after it, up to
** "of"/"from" after a capitalized name ("said Junya Tanase of JPMorgan").
** Where word order puts the source further from the cue, the rules of
** its language decide: English ones in english.c (auxiliaries skipped,
** "X, APPOSITION, said", "Officials of the foreign ministry said"; a source
** after an English AFTER cue must look like a name or a noun phrase as one
** read backwards must), Persian, Arabic and Russian ones in subject.c.
** The attributed content is the quotation inside the sentence when there
** is one ("...", “...”, «...»), else the sentence.
**
** Chains: an attribution whose cue is a citing cue ("citing", "quoting",
** «نقلا عن», «به نقل از») and which starts within a few bytes of the end of
** the previous one in the sentence continues its chain: "Qodsna reported,
** citing SANA, citing local residents" is one chain of three.
** Denials: a denial cue ("denied", "rejected", «نفى», «تکذیب») or, next
** to any cue, a denial word in the sentence ("false", "baseless",
** «عار عن الصحة», «بی‌اساس») marks the attribution as a denial.
** Types: the alias table first, then the words of the span (classify.c).
** This file holds the loop over sentences and cues, the records and the
** chains of adjacent attributions; attrib_post.c then trims, resolves and
** types the whole list.
** Cost: linear in the text times the number of cues.
*/
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "util/util.h"

#include "attrib/attrib_int.h"

static int match_cue(const txt *t, uint32_t i, const cue_row *c,
                     uint32_t *end) {
  size_t n, j;
  unsigned char a0;
  if (i >= t->len) return 0;
  /* byte by byte, no strlen: most cues fail on the first bytes */
  for (j = 0; c->text[j]; j++) {
    if (i + j >= t->len) return 0;
    a0 = hs_ascii_lower[(unsigned char)t->s[i + j]];
    if (a0 != (unsigned char)c->text[j]) {
      unsigned char lo[2];
      if (a0 == 0xD0 && c->text[j + 1] && i + j + 1 < t->len &&
          hs_attr_cyr_lower(t->s + i + j, lo) &&
          lo[0] == (unsigned char)c->text[j] &&
          lo[1] == (unsigned char)c->text[j + 1]) {
        j++; /* "Рейтер": a Cyrillic capital Р-Я, Ё */
        continue;
      }
      if (j > 0 && (unsigned char)t->s[i + j - 1] == 0xD0 && a0 >= 0x90 &&
          a0 <= 0x9F && (unsigned char)c->text[j] == a0 + 0x20)
        continue; /* "По словам": А-П, the same lead byte */
      /* «اعلام كرد» for «اعلام کرد» (hs_attr_fa_fold) */
      if (a0 < 0xD8 || !c->text[j + 1] || i + j + 1 >= t->len ||
          !hs_attr_fa_fold(t->s + i + j, c->text + j))
        return 0;
      j++;
    }
  }
  n = j;
  if (!(c->flags & F_ATTACHED) && c->text[n - 1] != ':' && i + n < t->len &&
      !hs_attr_punct_len(t, (uint32_t)(i + n)))
    return 0;
  *end = (uint32_t)(i + n);
  return 1;
}


/* ------------------------------------------------------------ extraction */


/* The bytes that open a quotation mark: " and the leads of “ ” « ». */
static const unsigned char quote_lead[256] = {['"'] = 1, [0xC2] = 1,
                                              [0xE2] = 1};

/* The content span of an attribution in sentence se: its first quotation
** of 12 bytes or more, else the sentence. */
static void quote_span(const txt *t, const sent *se, uint32_t *cs,
                       uint32_t *ce) {
  uint32_t i, qs = 0;
  int open = 0;
  *cs = se->s;
  *ce = se->e;
  for (i = se->s; i < se->e; i++) {
    unsigned char c = (unsigned char)t->s[i];
    int o = 0, cl = 0, w = 1;
    if (!quote_lead[c]) continue; /* most bytes: one test */
    if (c == '"') {
      if (open) cl = 1;
      else o = 1;
    } else if (c == 0xE2 && i + 2 < se->e && (unsigned char)t->s[i + 1] == 0x80) {
      if ((unsigned char)t->s[i + 2] == 0x9C) o = 1, w = 3;
      else if ((unsigned char)t->s[i + 2] == 0x9D) cl = 1, w = 3;
    } else if (c == 0xC2 && i + 1 < se->e) {
      if ((unsigned char)t->s[i + 1] == 0xAB) o = 1, w = 2;
      else if ((unsigned char)t->s[i + 1] == 0xBB) cl = 1, w = 2;
    }
    if (o && !open) {
      open = 1;
      qs = i + (uint32_t)w;
    } else if (cl && open) {
      if (i - qs >= 12) {
        *cs = qs;
        *ce = i;
        return;
      }
      open = 0;
    }
    i += (uint32_t)w - 1;
  }
}

/* One pass over the sentence: only word starts whose first byte starts a
** denial word (lower case; the words are lower case) are tried against the
** list, and of it only the words with that first byte (every Arabic
** letter's first byte starts one), by the index built with the cues. */
static int has_denial_word(const txt *t, const sent *se,
                           const hs_attr_index *ix) {
  uint32_t i;
  for (i = se->s; i < se->e; i++) {
    unsigned char c = hs_ascii_lower[(unsigned char)t->s[i]];
    unsigned k;
    if (!ix->denial_head[c] || !hs_attr_word_start(t, i)) continue;
    for (k = ix->denial_head[c]; k; k = ix->denial_next[k - 1]) {
      size_t n = ix->denial_len[k - 1];
      if (i + n <= se->e && hs_attr_eq_ci(t->s + i, n, hs_attr_denial_words[k - 1]))
        return 1;
    }
  }
  return 0;
}

/* 1 if «أن» or one of its forms is the word after e (F_THAT), or a few
** words on past «في» and a noun of the statement's occasion
** (hs_attr_occasion_ar: «وبين دبوان في تصريح لـ"الرياض" أن ...»). */
static int that_after(const txt *t, uint32_t e, uint32_t lim) {
  uint32_t w;
  int k;
  while (e < lim && t->s[e] == ' ') e++;
  if (e >= lim) return 0;
  w = hs_attr_word_end(t, e);
  if (hs_attr_in_list(t->s + e, w - e, hs_attr_that_ar)) return 1;
  if (w - e != 4 || memcmp(t->s + e, "\xD9\x81\xD9\x8A", 4)) return 0; /* «في» */
  for (k = 0; k < 6; k++) {
    e = w;
    while (e < lim && (t->s[e] == ' ' ||
                       (hs_attr_punct_len(t, e) && !hs_attr_sentence_end(t, e))))
      e += t->s[e] == ' ' ? 1 : hs_attr_punct_len(t, e);
    if (e >= lim) return 0;
    w = hs_attr_word_end(t, e);
    if (w == e) return 0;
    if (k == 0 && !hs_attr_occasion_at_ar(t, e, w)) return 0;
    if (k > 0 && hs_attr_in_list(t->s + e, w - e, hs_attr_that_ar)) return 1;
  }
  return 0;
}

/* Script of the text: Persian if a Persian-only letter (پ چ ژ گ ی ک) is
** in its first 4 KiB.  Arabic cues are not tried on Persian text (the
** Persian «نفت» "oil" is the Arabic «نفت» "she denied"), nor Persian cues
** on Arabic text. */
static int is_persian(const txt *t) {
  const unsigned char *s = (const unsigned char *)t->s;
  uint32_t i, lim = t->len < 4096 ? t->len : 4096;
  for (i = 0; i + 1 < lim; i++)
    if (s[i] >= 0xD9 && /* most bytes: one test */
        ((s[i] == 0xD9 && s[i + 1] == 0xBE) ||
        (s[i] == 0xDA && (s[i + 1] == 0x86 || s[i + 1] == 0x98 ||
                          s[i + 1] == 0xAF || s[i + 1] == 0xA9)) ||
        (s[i] == 0xDB && s[i + 1] == 0x8C)))
      return 1;
  return 0;
}

static int is_line_start(const txt *t, uint32_t i) {
  while (i > 0 && (t->s[i - 1] == ' ' || t->s[i - 1] == '\t')) i--;
  return i == 0 || t->s[i - 1] == '\n';
}

/* «مصدر في الوزارة»: an Arabic source head of hs_attr_head_in_ar read
** alone, followed by «في» and a name, takes that name too. */
static void extend_in_ar(const txt *t, const sent *se, uint32_t s,
                         uint32_t *e) {
  uint32_t s2, e2;
  if (!hs_attr_in_list(t->s + s, *e - s, hs_attr_head_in_ar)) return;
  if (*e + 6 > se->e || memcmp(t->s + *e, " \xD9\x81\xD9\x8A ", 6)) return;
  if (hs_attr_read_after(t, *e + 6, se->e, "ar", &s2, &e2) && s2 == *e + 6 &&
      e2 - s2 <= 60)
    *e = e2;
}

/* The lookups of one source's span in the alias table made by
** extend_alias: the span as read and up to three words longer share one
** tokenizing; the record's lookup of the span, where it is one of them,
** reads it here. */
typedef struct alias_memo {
  uint32_t s;
  size_t n;
  uint32_t len[4];
  hs_alias_hit h[4];
} alias_memo;

/* A source read forwards that a stop word cut inside a known name
** («شبكة سي إن إن», «روسيا اليوم»): extended by up to 3 words when the
** longer span is a name of the alias table. */
static void extend_alias(const txt *t, const hs_aliases *al, const sent *se,
                         uint32_t s, uint32_t *e, alias_memo *mo) {
  uint32_t p = *e;
  size_t k, n = 0;
  if (!al) return;
  mo->len[n++] = *e - s;
  for (k = 0; k < 3; k++) {
    while (p < se->e && t->s[p] == ' ') p++;
    if (p >= se->e || hs_attr_punct_len(t, p)) break;
    p = hs_attr_word_end(t, p);
    mo->len[n++] = p - s;
  }
  if (n == 1) return;
  hs_aliases_lookup_in_ends(al, t->s + s, mo->len, n, mo->h);
  mo->s = s;
  mo->n = n;
  /* a known name ending there: «شبكة سي إن إن» */
  for (k = 1; k < n; k++)
    if (mo->h[k].r == HS_ALIAS_WHOLE ||
        (mo->h[k].r >= 0 && mo->h[k].end == mo->len[k] && mo->h[k].start > 0))
      *e = s + mo->len[k];
}

/* "A quoted B as saying", «نقلت A عن B قوله»: B (hs_attr_second) is a
** second source, cited by A; added after A (index ia) with a citing cue,
** so the chain rule joins them ("B was quoted by A as saying": reversed,
** the second source cites the first). */
static void second_source(const txt *t, const sent *se, const cue_row *c,
                          uint32_t ce, uint32_t e, found **f, size_t *nf,
                          size_t *capf, size_t ia) {
  uint32_t bs, be;
  const char *cue = hs_attr_second(t->s, se->e, c->text, ce, e, &bs, &be);
  if (!cue) return;
  HS_GROW(*f, *capf, *nf + 1);
  {
    found *x = &(*f)[(*nf)++], *a = &(*f)[ia];
    memset(x, 0, sizeof *x);
    x->a.source = hs_strndup(t->s + bs, be - bs);
    x->a.normalized = hs_strdup(x->a.source);
    x->a.type = hs_attr_classify(t, bs, be, c->lang);
    x->a.cue = cue;
    x->a.src_start = bs;
    x->a.src_end = be;
    x->a.content_start = a->a.content_start;
    x->a.content_end = a->a.content_end;
    x->cue_s = a->a.src_end > a->cue_e ? a->a.src_end : a->cue_e;
    x->cue_e = x->cue_s;
    /* "B was quoted by A as saying": A, read second, cites B */
    x->flags = cue[0] == 'a' ? F_CITING | F_REVERSE : F_CITING;
  }
}

/* Where the first «كان» of the sentence ends (its kaf either letter, as
** hs_attr_eq_ci folds it), or UINT32_MAX: «وكان X أكد أن» needs one
** before the cue, and a sentence of many cues that read nothing after them
** is not walked back from each. */
static uint32_t kana_at(const txt *t, const sent *se) {
  uint32_t i;
  for (i = se->s + 2; i + 4 <= se->e; i++)
    /* byte tests, no memcmp (hooked by the fuzzing build; D8 opens most
    ** Arabic letters) */
    if ((unsigned char)t->s[i] == 0xD8 && (unsigned char)t->s[i + 1] == 0xA7 &&
        (unsigned char)t->s[i + 2] == 0xD9 && (unsigned char)t->s[i + 3] == 0x86 &&
        (((unsigned char)t->s[i - 2] == 0xD9 && (unsigned char)t->s[i - 1] == 0x83) ||
         ((unsigned char)t->s[i - 2] == 0xDA && (unsigned char)t->s[i - 1] == 0xA9)))
      return i + 4;
  return UINT32_MAX;
}

int hs_attrib_extract(const char *text, size_t len, const hs_aliases *al,
                      hs_attribution **out, size_t *n, hs_error *err) {
  txt t;
  sent *ss = NULL;
  size_t ns, si, nf = 0, capf = 0, i;
  found *f = NULL;
  int nchain = 0, persian;
  const uint16_t *bstart, *bord; /* the cues by key */
  const hs_attr_index *ix = al ? hs_aliases_attr_index(al) : NULL;
  (void)err;
  *out = NULL;
  *n = 0;
  if (!text || !len) return HS_OK;
  t.s = text;
  t.len = len > UINT32_MAX - 4 ? UINT32_MAX - 4 : (uint32_t)len;
  t.wrapped = hs_attr_wrapped(&t);
  persian = is_persian(&t);
  if (!ix) ix = hs_attr_index_shared();
  t.tstart = ix->type_start;
  t.tord = ix->type_ord;
  ns = hs_attr_split_sentences(&t, &ss);
  bstart = ix->cue_start[persian];
  bord = ix->cue_ord[persian];
  for (si = 0; si < ns; si++) {
    const sent *se = &ss[si];
    size_t first = nf;
    int denial_sent = -1, qs_done = 0;
    uint32_t p, p0, kana = 0; /* 0: not looked for yet (kana_at) */
    uint32_t q_s = 0, q_e = 0; /* the sentence's quote_span */
    /* the last character's lead byte before p and its hs_attr_punct_len,
    ** kept while p steps one byte at a time (pl == UINT32_MAX: not known,
    ** after a jump), so that hs_attr_word_start need not walk back */
    uint32_t pl = UINT32_MAX, plv = 0;
    for (p = se->s; p < se->e; p++) {
      size_t k;
      unsigned h;
      uint32_t cur;
      int ws;
      if (((unsigned char)t.s[p] & 0xC0) == 0x80) continue;
      cur = hs_attr_punct_len(&t, p);
      if (p == 0) ws = 1;
      else if (cur) ws = 0;
      else if (pl != UINT32_MAX) ws = plv != 0;
      else ws = hs_attr_word_start(&t, p);
      pl = p, plv = cur;
      /* no cue fits in the last bytes (a cue is HS_ATTR_CUE_KEY or more) */
      /* a cue opens a word, or a quotation («بی‌اساس» خواند) */
      if (p + HS_ATTR_CUE_KEY > t.len ||
          (!ws &&
           !((unsigned char)t.s[p] == 0xC2 && (unsigned char)t.s[p + 1] == 0xAB)))
        continue;
      h = hs_attr_cue_key(t.s + p);
      p0 = p;
      for (k = bstart[h]; k < bstart[h + 1]; k++) {
        const cue_row *c = &hs_attr_cues[bord[k]];
        uint32_t ce, s = 0, e = 0;
        int ok;
        alias_memo mo;
        mo.n = 0;
        if (!match_cue(&t, p, c, &ce)) continue;
        if ((c->flags & F_LINESTART) && !is_line_start(&t, p)) continue;
        if (c->lang[0] == 'e' && /* a call to strcmp only for English */
            (((!strcmp(c->text, "rejected") || !strcmp(c->text, "dismissed")) &&
              !hs_attr_denies_statement_en(&t, ce, se->e)) ||
             (!strcmp(c->text, "added") && hs_attr_amount_at(&t, ce, se->e)) ||
             /* "the cost of fraud reported by consumers": a participle */
             (!strcmp(c->text, "reported") && ce + 4 <= se->e &&
              !memcmp(t.s + ce, " by ", 4)) ||
             (!strcmp(c->text, "say ") && hs_attr_noun_say_en(&t, se->s, p))))
          break; /* "the pound had added 0.5%": rose, said nothing; "a
                 ** greater say": a noun */
        /* «العمل على كشف هويتهما»: a verbal noun after a preposition */
        if (c->lang[0] == 'a' && hs_attr_after_prep_ar(&t, se->s, p)) break;
        if (c->dir == AFTER) {
          uint32_t from = (c->flags & F_TOLD) ? hs_attr_skip_told_ar(&t, se, ce) : ce;
          if (c->flags & F_VERB) from = hs_attr_skip_verb_ar(&t, se, ce);
          ok = from && hs_attr_read_after(&t, from, se->e, c->lang, &s, &e);
          if (ok && c->lang[0] == 'a') ok = hs_attr_statement_of_ar(&t, &s, e);
          if (ok && c->lang[0] == 'a') {
            extend_in_ar(&t, se, s, &e);
            hs_attr_extend_adj_ar(&t, se, s, &e);
            hs_attr_extend_title_ar(&t, se, &e);
            hs_attr_cut_role_ar(&t, s, &e);
          }
          if (ok && c->lang[0] == 'r') hs_attr_extend_in_ru(&t, se, s, &e);
          if (ok && (c->flags & F_THAT) && !that_after(&t, e, se->e)) ok = 0;
          /* «وكان X أكد أن»: no subject after the verb, one before it */
          if (!ok && c->lang[0] == 'a' && !(c->flags & (F_THAT | F_ATTACHED)) &&
              (kana ? kana : (kana = kana_at(&t, se))) <= p)
            ok = hs_attr_subject_kana_ar(&t, se, p, &s, &e);
          if (ok) extend_alias(&t, al, se, s, &e, &mo);
          if (ok && c->lang[0] == 'a' &&
              (hs_attr_rule_noun_ar(&t, s, e) || hs_attr_greeting_ar(&t, e, se->e)))
            ok = 0;
          if (ok && c->lang[0] == 'f') hs_attr_desk_fa(&t, al, se, &s, &e);
        } else if (c->lang[0] == 'e') {
          ok = hs_attr_source_before_en(&t, se, f, first, nf, c, p, ce, &s, &e);
          /* "the $27bn Russia says": an amount before the name (not "50
          ** Cent"): a number after "$", "£" or a digit group's comma, or
          ** ending in "bn", "m", "%" */
          if (ok && s < e && t.s[s] >= '0' && t.s[s] <= '9') {
            uint32_t w = s;
            while (w < e && t.s[w] != ' ') w++; /* one token, at a find only */
            if ((s > 0 && (t.s[s - 1] == '$' || t.s[s - 1] == ',' ||
                           t.s[s - 1] == '.' || (unsigned char)t.s[s - 1] == 0xA3)) ||
                (w - s > 2 && !memcmp(t.s + w - 2, "bn", 2)) ||
                t.s[w - 1] == 'm' || t.s[w - 1] == '%') {
              while (w < e && t.s[w] == ' ') w++;
              s = w;
              if (s >= e) ok = 0;
            }
          }
        } else if (c->lang[0] == 'r') {
          ok = hs_attr_subject_ru(&t, se, f, first, nf, p, ce, &s, &e);
          if (ok) hs_attr_extend_in_ru(&t, se, s, &e);
        } else {
          ok = !hs_attr_greeting_fa(&t, se->s, p) &&
               ((c->lang[0] == 'f' &&
                 hs_attr_subject_fa(&t, se, f, first, nf, p, &s, &e)) ||
                (hs_attr_read_before(&t, se->s, p, c->lang, &s, &e) &&
                 !(c->lang[0] == 'f' && hs_attr_after_prep_fa(&t, se->s, s))));
          /* «... به فارس گفت»: the one told ("told Fars"), not the source */
          if (ok && c->lang[0] == 'f') {
            hs_attr_object_fa(&t, s, &e);
            hs_attr_masdar_fa(&t, s, &e);
            if (hs_attr_demo_object_fa(&t, se->s, s, e)) ok = 0;
          }
        }
        if (ok && e > s) {
          /* drop a leading "the" only for pronoun checks */
          uint32_t w = hs_attr_word_end(&t, s);
          if (w >= e && (hs_attr_in_list(t.s + s, w - s, hs_attr_pronouns) ||
                         hs_attr_in_list(t.s + s, w - s, hs_attr_quantifiers)))
            ok = 0; /* "Some say": no source named */
          else if (hs_attr_in_list(t.s + s, w - s, hs_attr_pronouns) &&
                   !hs_attr_eq_ci(t.s + s, w - s, "the") &&
                   !hs_attr_eq_ci(t.s + s, w - s, "a") && !hs_attr_eq_ci(t.s + s, w - s, "an") &&
                   !(hs_attr_eq_ci(t.s + s, w - s, "one") && w + 1 < e &&
                     hs_attr_word_end(&t, w + 1) < e))
            ok = 0; /* "One specialist for X" is a source, "one" is not */
          if (e - s > 200) ok = 0;
          /* «APB،‌ اظهار داشت»: a zero-width non-joiner alone */
          if (e - s == 3 && !memcmp(t.s + s, "\xE2\x80\x8C", 3)) ok = 0;
          if (ok && hs_attr_lang_is(c->lang, "en") && c->dir == BEFORE &&
              s < p && !hs_attr_plausible_en(&t, s, e))
            ok = 0;
          /* after "according to", "citing": a name or a noun phrase too,
          ** not "according to changes", "citing 100 mln dlrs of cash" */
          if (ok && hs_attr_lang_is(c->lang, "en") && c->dir == AFTER &&
              !(c->flags & F_LINESTART) &&
              ((t.s[s] >= '0' && t.s[s] <= '9') || !hs_attr_plausible_en(&t, s, e)))
            ok = 0;
        } else {
          ok = 0;
        }
        if (ok) {
          found *x;
          const char *canon = NULL;
          int type = HS_SRC_UNKNOWN;
          /* the span's own type: asked once, read twice below */
          int cls = hs_attr_classify(&t, s, e, c->lang);
          uint32_t as = 0, ae = 0;
          HS_GROW(f, capf, nf + 1);
          x = &f[nf++];
          memset(x, 0, sizeof *x);
          x->a.source = hs_strndup(t.s + s, e - s);
          /* the whole source a known name, else one inside it */
          size_t j;
          for (j = 0; j < mo.n && (mo.s != s || mo.len[j] != e - s); j++) {
          }
          if (al && (j < mo.n ? (canon = mo.h[j].canonical,
                                 type = mo.h[j].type, mo.h[j].r)
                              : hs_aliases_lookup_in(al, t.s + s, e - s,
                                                     &canon, &type, &as,
                                                     &ae)) != -1) {
            x->a.normalized = hs_strdup(canon);
          } else {
            uint32_t bs = hs_attr_skip_article(&t, s, e);
            x->a.normalized = hs_strndup(t.s + bs, e - bs);
            type = cls;
          }
          /* anonymous wording wins over a name inside it
          ** ("sources close to Reuters" are anonymous) */
          if (cls == HS_SRC_ANONYMOUS) type = HS_SRC_ANONYMOUS;
          x->a.type = type;
          x->a.cue = c->text;
          x->a.src_start = s;
          x->a.src_end = e;
          x->a.denial = (c->flags & F_DENIAL) != 0;
          x->cue_s = p;
          x->cue_e = ce;
          x->flags = c->flags;
          if (!(c->flags & F_LINESTART)) {
            /* the same for every attribution of the sentence: found once */
            if (qs_done++ == 0) quote_span(&t, se, &q_s, &q_e);
            x->a.content_start = q_s;
            x->a.content_end = q_e;
          }
          p = (c->dir == AFTER && e > ce ? e : ce) - 1;
          pl = UINT32_MAX;
          second_source(&t, se, c, ce, e, &f, &nf, &capf, x - f);
        }
        break; /* the first (longest) cue at p decides */
      }
      if (p == p0) { /* no cue here: none inside the word either */
        uint32_t we = hs_attr_word_end(&t, p);
        if (we > p + 1) p = we - 1, pl = UINT32_MAX;
      }
    }
    /* chains and denial words */
    for (i = first; i < nf; i++) {
      found *x = &f[i];
      if (i > first && (x->flags & F_CITING)) {
        found *pv = &f[i - 1];
        uint32_t pend = pv->a.src_end > pv->cue_e ? pv->a.src_end : pv->cue_e;
        if (x->cue_s >= pend && hs_attr_link_gap(text, pend, x->cue_s)) {
          size_t j;
          x->a.chain = pv->a.chain;
          if (x->flags & F_REVERSE) {
            /* "B said, as quoted by A": A cites B */
            x->a.chain_pos = pv->a.chain_pos;
            for (j = first; j < i; j++)
              if (f[j].a.chain == x->a.chain &&
                  f[j].a.chain_pos >= x->a.chain_pos)
                f[j].a.chain_pos++;
          } else {
            x->a.chain_pos = pv->a.chain_pos + 1;
          }
          continue;
        }
      }
      /* "B, as quoted by A, said": B is read after A's cue */
      if (i > first && (f[i - 1].flags & F_REVERSE) &&
          x->a.src_end <= f[i - 1].cue_s &&
          hs_attr_link_gap(text, x->a.src_end, f[i - 1].cue_s)) {
        x->a.chain = f[i - 1].a.chain;
        x->a.chain_pos = f[i - 1].a.chain_pos + 1;
        continue;
      }
      x->a.chain = nchain++;
      x->a.chain_pos = 0;
    }
    hs_attr_chain_rules(text, f, first, nf);
    if (nf > first) {
      if (denial_sent < 0) denial_sent = has_denial_word(&t, se, ix);
      if (denial_sent)
        for (i = first; i < nf; i++)
          if (f[i].a.chain_pos == 0) f[i].a.denial = 1;
    }
  }
  free(ss);
  if (nf) {
    size_t w = 0, j;
    for (i = 0; i < nf; i++) {
      /* one source span is one attribution ("به نقل از X گزارش داد") */
      for (j = w; j-- > 0 && w - j <= 8;)
        if (f[j].a.src_start == f[i].a.src_start &&
            f[j].a.src_end == f[i].a.src_end)
          break;
      if (j != (size_t)-1 && w - j <= 8 && w > 0 && f[j].a.src_start ==
          f[i].a.src_start && f[j].a.src_end == f[i].a.src_end) {
        free(f[i].a.source);
        free(f[i].a.normalized);
        continue;
      }
      f[w++] = f[i];
    }
    nf = w;
  }
  if (nf) {
    *out = hs_calloc(nf, sizeof **out);
    for (i = 0; i < nf; i++) (*out)[i] = f[i].a;
  }
  *n = nf;
  free(f);
  hs_attrib_post(text, len, al, *out, *n);
  return HS_OK;
}
