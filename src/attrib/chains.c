/*
** chains.c — the attribution chains whose two ends are not next to each
** other in the sentence, joined after attrib.c has read every source of
** the sentence and linked the adjacent ones ("A citing B", "B, as quoted
** by A").  Three shapes, each a fact of its language's word order:
**   - the citing cue inside the clause of the verb whose subject cites:
**     "SANA, citing local residents, reported", «خبرگزاری فارس به نقل از
**     رویترز گزارش داد», «چند نماینده به نقل از X گفتند»: the source read
**     before the citing cue (for the verb after it) cites the one after;
**   - an English trailing participle: "Furat Post reported that ...,
**     citing local activists": the subject of the clause the participle
**     closes cites;
**   - a Persian lead «به گزارش X، Y گفت»: X reports what Y said;
**   - Arabic «X ...، كما نقلت عنه Y»: «عنه» points back to X, Y cites X;
**     English "X said ..., as cited by Y" alike.
** Only an attribution still alone in its chain is joined, so that a chain
** found by adjacency is never rearranged.
*/
#include <string.h>

#include "attrib/attrib_int.h"

/* Leads whose outlet relays the statement of the clause after the comma
** («به گزارش X، Y گفت», "According to X, Y said") or, in Arabic, of the
** verb right after it («وبحسب X قال Y»). */
static const char *const lead_fa[] = {
    "به گزارش", "طبق گزارش", "بنا بر گزارش", "بنابر گزارش", "بنا به گزارش",
    "به گفته", "بنا به گفته", "according to",
    "بحسب", "وبحسب", "حسب", "وفقا لـ", "وفقاً لـ", "وفقا ل", "وفقاً ل", NULL};

static int alone(const found *f, size_t first, size_t nf, size_t y) {
  size_t k;
  for (k = first; k < nf; k++)
    if (k != y && f[k].a.chain == f[y].a.chain) return 0;
  return 1;
}

/* y joins the chain of x, right after x (members behind x move back). */
static void join(found *f, size_t first, size_t nf, size_t x, size_t y) {
  size_t k;
  int pos = f[x].a.chain_pos + 1;
  for (k = first; k < nf; k++)
    if (k != y && f[k].a.chain == f[x].a.chain && f[k].a.chain_pos >= pos)
      f[k].a.chain_pos++;
  f[y].a.chain = f[x].a.chain;
  f[y].a.chain_pos = pos;
}

static int plain_citing(const found *x) {
  return (x->flags & F_CITING) && !(x->flags & F_REVERSE);
}

/* The source is read before its cue (a verb: "reported", «گفت»). */
static int verb_after(const found *x) { return x->a.src_end <= x->cue_s; }

/* 1 if [a, b) holds only spaces and one comma (ASCII or Arabic). */
static int comma_gap(const char *t, uint32_t a, uint32_t b) {
  int commas = 0;
  for (; a < b; a++) {
    if (t[a] == ' ') continue;
    if (t[a] == ',') {
      commas++;
      continue;
    }
    if (a + 1 < b && !memcmp(t + a, "\xD8\x8C", 2)) {
      commas++;
      a++;
      continue;
    }
    return 0;
  }
  return commas == 1;
}

/* The gap between a lead's source and the next clause: spaces and one
** comma, after at most a Persian dateline «از بوشهر» («به گزارش
** خبرگزاری فارس از بوشهر، Y گفت»); with zero_ok, no comma either (the
** Arabic verb follows at once: «وبحسب X قال Y»). */
static int lead_gap(const char *t, uint32_t a, uint32_t b, int zero_ok) {
  uint32_t i = a;
  /* the closing quotation mark of a quoted name: «به گزارش "ورزش سه"،» */
  if (i < b && t[i] == '"') i++;
  else if (i + 1 < b && !memcmp(t + i, "\xC2\xBB", 2)) i += 2;
  else if (i + 2 < b && !memcmp(t + i, "\xE2\x80\x9D", 3)) i += 3;
  while (i < b && t[i] == ' ') i++;
  if (b - i > 5 && !memcmp(t + i, "\xD8\xA7\xD8\xB2 ", 5)) { /* «از » */
    int words = 0;
    i += 5;
    while (i < b && t[i] != ',' && memcmp(t + i, "\xD8\x8C", 2)) {
      if (t[i] == ' ') words++;
      i++;
    }
    if (words > 1) return 0;
  }
  if (zero_ok) {
    uint32_t j;
    for (j = i; j < b; j++)
      if (t[j] != ' ') break;
    if (j == b) return 1;
  }
  return comma_gap(t, i, b);
}

/* 1 if a comma ends right before i ("X said ..., as cited by Y"). */
static int comma_before(const char *t, uint32_t i) {
  while (i > 0 && t[i - 1] == ' ') i--;
  return i > 0 && t[i - 1] == ',';
}

/* The end of the last source of x's chain before y («به گزارش A و به
** نقل از B، Y گفت»: the clause of Y follows B). */
static uint32_t chain_end(const found *f, size_t first, size_t nf, size_t x,
                          size_t y) {
  uint32_t e = f[x].a.src_end;
  size_t k;
  for (k = first; k < nf; k++)
    if (k != y && f[k].a.chain == f[x].a.chain && f[k].a.src_end > e &&
        f[k].a.src_end <= f[y].a.src_start)
      e = f[k].a.src_end;
  return e;
}

/* 1 if y, a Persian verb's source, is the first source after the chain
** of x in the sentence. */
static int next_fa(const found *f, size_t first, size_t nf, size_t x,
                   size_t y) {
  uint32_t e = chain_end(f, first, nf, x, y);
  size_t k;
  if (!f[y].a.cue || (unsigned char)f[y].a.cue[0] < 0xD8 ||
      (unsigned char)f[x].a.cue[0] < 0xD8)
    return 0;
  for (k = first; k < nf; k++)
    if (k != y && f[k].a.chain != f[x].a.chain && f[k].a.src_start >= e &&
        f[k].a.src_start < f[y].a.src_start)
      return 0;
  return 1;
}

static int is_lead_fa(const char *cue) {
  int k;
  for (k = 0; lead_fa[k]; k++)
    if (cue[0] == lead_fa[k][0] && !strcmp(cue, lead_fa[k])) return 1;
  return 0;
}

void hs_attr_chain_rules(const char *t, found *f, size_t first, size_t nf) {
  size_t x, y;
  for (x = first; x < nf; x++)
    if (f[x].a.cue && is_lead_fa(f[x].a.cue)) f[x].flags |= F_LEAD;
  for (y = first; y < nf; y++) {
    if (!alone(f, first, nf, y)) continue;
    if (plain_citing(&f[y])) {
      /* the citing cue inside the clause of a later verb */
      for (x = first; x < nf; x++)
        if (x != y && verb_after(&f[x]) && f[x].cue_s >= f[y].a.src_end &&
            f[x].a.src_end <= f[y].cue_s &&
            hs_attr_link_gap(t, f[x].a.src_end, f[y].cue_s))
          break;
      if (x < nf) {
        join(f, first, nf, x, y);
        continue;
      }
      /* "X reported that ..., citing Y" */
      {
        uint32_t c = f[y].cue_s;
        while (c > 0 && t[c - 1] == ' ') c--;
        if (c > 0 && t[c - 1] == ',' && (unsigned char)t[f[y].cue_s] < 0x80) {
          size_t best = nf;
          for (x = first; x < nf; x++)
            if (x != y && f[x].a.chain_pos == 0 && f[x].cue_e <= c &&
                !(f[x].flags & F_CITING) &&
                (best == nf || f[x].cue_s > f[best].cue_s))
              best = x;
          if (best < nf) {
            join(f, first, nf, best, y);
            continue;
          }
        }
      }
    }
    /* «وأوضحت الوزارة في بيان، كما نقلت عنه صحيفة القبس»: the pronoun of
    ** «عنه» points back to the sentence's previous source, whatever lies
    ** between them */
    if ((f[y].flags & F_REVERSE) && f[y].a.cue &&
        (!strncmp(f[y].a.cue, "\xD9\x83\xD9\x85\xD8\xA7 ", 5) ||
         comma_before(t, f[y].cue_s))) {
      size_t best = nf;
      for (x = first; x < nf; x++)
        if (x != y && f[x].a.src_end <= f[y].cue_s &&
            alone(f, first, nf, x) &&
            (best == nf || f[x].a.src_end > f[best].a.src_end))
          best = x;
      if (best < nf) join(f, first, nf, y, best);
      continue;
    }
    /* «به گزارش X، Y گفت», "According to X, Y said", «وبحسب X قال Y»;
    ** «به گزارش X، ... و حالا Y می‌گوید»: a Persian verb's subject
    ** further on in the sentence of the lead, with no source between */
    for (x = first; x < nf; x++)
        if (x != y && (f[x].flags & F_LEAD) &&
            f[x].a.src_end <= f[y].a.src_start &&
            (verb_after(&f[y])
                 ? lead_gap(t, chain_end(f, first, nf, x, y), f[y].a.src_start, 0) ||
                       next_fa(f, first, nf, x, y)
                 : f[y].cue_s >= f[x].a.src_end &&
                       lead_gap(t, chain_end(f, first, nf, x, y), f[y].cue_s, 1))) {
          size_t k, last = x;
          for (k = first; k < nf; k++)
            if (k != y && f[k].a.chain == f[x].a.chain &&
                f[k].a.chain_pos > f[last].a.chain_pos)
              last = k;
          join(f, first, nf, last, y);
          break;
        }
  }
}
