/*
** chains.c — the attribution chains whose two ends are not next to each
** other in the sentence, joined after attrib.c has read every source of
** the sentence and linked the adjacent ones ("A citing B", "B, as quoted
** by A").  The shapes, each a fact of its language's word order:
**   - the citing cue inside the clause of the verb whose subject cites:
**     "SANA, citing local residents, reported", «خبرگزاری فارس به نقل از
**     رویترز گزارش داد», «چند نماینده به نقل از X گفتند»: the source read
**     before the citing cue (for the verb after it) cites the one after;
**   - an English trailing participle: "Furat Post reported that ...,
**     citing local activists": the subject of the clause the participle
**     closes cites;
**   - a Persian lead «به گزارش X، Y گفت»: X reports what Y said; so
**     does «به نقل از X، Y گفت» when nothing cites X before it (the
**     citing cue opens the sentence: X relays what Y said); the subject
**     Y of the first verb after a lead opens the clause after its comma,
**     however far the verb (hs_attr_lead_subject_fa, for subject.c);
**   - Arabic «X ...، كما نقلت عنه Y»: «عنه» points back to X, Y cites X;
**     «قال X ... في تصريحات نقلتها Y»: «ها» points back to X's words;
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

/* «نقلتها A»: the pronoun «ها» points back to the statements of the
** sentence's previous source. */
static int back_ar(const char *cue) {
  static const char naqalatha[] = "نقلتها";
  return cue[0] == naqalatha[0] && !strcmp(cue, naqalatha);
}

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

int hs_attr_is_lead_fa(const char *cue) { return cue && is_lead_fa(cue); }

/* «به نقل از X،» with no source before it in the sentence and none cited
** along with X: a lead, as «به گزارش X،» is. */
static int opening_citing_fa(const found *f, size_t first, size_t nf,
                             size_t x) {
  static const char ba_naql[] = "به نقل از";
  size_t k;
  if (!f[x].a.cue || f[x].a.cue[0] != ba_naql[0] ||
      strcmp(f[x].a.cue, ba_naql) || !alone(f, first, nf, x))
    return 0;
  for (k = first; k < nf; k++)
    if (k != x && f[k].a.src_start < f[x].a.src_start) return 0;
  return 1;
}

void hs_attr_chain_rules(const char *t, found *f, size_t first, size_t nf) {
  size_t x, y;
  for (x = first; x < nf; x++)
    if (f[x].a.cue && (is_lead_fa(f[x].a.cue) ||
                       opening_citing_fa(f, first, nf, x)))
      f[x].flags |= F_LEAD;
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
         back_ar(f[y].a.cue) || comma_before(t, f[y].cue_s))) {
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

/* 1 if the comma at c («،» or ",") is a plain comma. */
static int comma_at_fa(const txt *t, uint32_t c) {
  return c < t->len && (t->s[c] == ',' ||
                        (c + 1 < t->len && !memcmp(t->s + c, "\xD8\x8C", 2)));
}

/* The name that opens the clause after the comma at c (before p), its
** quotation marks left out: 1 and [*s, *e), or 0. */
static int name_after_comma_fa(const txt *t, uint32_t c, uint32_t p,
                               uint32_t *s, uint32_t *e) {
  c += t->s[c] == ',' ? 1 : 2;
  while (c < p && hs_attr_is_space_byte((unsigned char)t->s[c])) c++;
  return c < p && hs_attr_read_after(t, c, p, "fa", s, e) && *e > *s &&
         (*s == c || *s == c + hs_attr_quote_open_len(t, c));
}

/* «به گزارش خبرگزاری فارس از تبریز، حجت الاسلام X امروز در خطبه‌های
** ...، با بیان اینکه ...، گفت»: the first verb after a Persian lead
** («به گزارش X»، «به نقل از X»، with the sources X cites) has its
** subject right after the lead's comma, however many clauses lie between
** that subject and the verb at p. 0 if no lead opens the clause, a source
** or another verb's cue lies between, or no name opens the clause. */
int hs_attr_lead_subject_fa(const txt *t, const found *f, size_t first,
                            size_t nf, uint32_t p, uint32_t *s, uint32_t *e) {
  size_t k, x = nf;
  uint32_t c, ns, ne;
  for (k = first; k < nf; k++)
    if (f[k].a.src_end <= p && f[k].cue_s < f[k].a.src_start &&
        f[k].a.cue && (unsigned char)f[k].a.cue[0] >= 0xD8 &&
        (hs_attr_is_lead_fa(f[k].a.cue) ||
         (k == first && !strcmp(f[k].a.cue, "به نقل از"))) &&
        (x == nf || f[k].a.src_start > f[x].a.src_start))
      x = k;
  if (x == nf) return 0;
  c = f[x].a.src_end;
  /* sources cited along with the lead's («به نقل از B») and no other
  ** source, nor a verb's cue, up to p */
  for (k = first; k < nf; k++) {
    if (k == x || (f[k].a.src_start <= f[x].a.src_start &&
                   f[k].cue_s <= f[x].a.src_start))
      continue;
    if (f[k].a.src_start >= p && f[k].cue_s >= p) continue;
    if (!(f[k].flags & F_CITING) || f[k].cue_s < c ||
        f[k].a.src_start < f[k].cue_s || f[k].a.src_end > p)
      return 0;
    c = f[k].a.src_end;
  }
  c += hs_attr_quote_close_len(t, c);
  while (c < p && t->s[c] == ' ') c++;
  if (p - c > 5 && !memcmp(t->s + c, "\xD8\xA7\xD8\xB2 ", 5)) {
    /* a dateline «از ساری» of one word */
    c = hs_attr_word_end(t, c + 5);
  }
  while (c < p && t->s[c] == ' ') c++;
  if (!comma_at_fa(t, c) || !name_after_comma_fa(t, c, p, &ns, &ne)) return 0;
  /* «به نقل از روابط عمومی اداره صنعت، معدن و تجارت شهرستان ساری، X»:
  ** the cited name read up to the comma of a list inside it; the rest of
  ** the list is no subject, the name after its closing comma is */
  if (ne + 4 < p && !memcmp(t->s + ne, " \xD9\x88 ", 4)) {
    for (c = ne; c < p && !comma_at_fa(t, c); c++) {
    }
    if (c >= p || !name_after_comma_fa(t, c, p, &ns, &ne)) return 0;
  }
  /* «رضا رحمانی وزیر صنعت، معدن و تجارت درباره ...»: a name, then an
  ** office whose list goes on past the comma: the name alone */
  c = ne;
  while (c < p && t->s[c] == ' ') c++;
  if (comma_at_fa(t, c)) {
    uint32_t w = c + (t->s[c] == ',' ? 1 : 2), we;
    while (w < p && t->s[w] == ' ') w++;
    we = hs_attr_word_end(t, w);
    if (we > w && we + 4 < p && !memcmp(t->s + we, " \xD9\x88 ", 4)) {
      uint32_t ws = ns, cut = 0;
      int nw = 0;
      while (ws < ne) {
        uint32_t z = hs_attr_word_end(t, ws);
        if (z <= ws) break;
        if (nw >= 2 && hs_attr_in_list(t->s + ws, z - ws, hs_attr_office_fa)) {
          cut = ws;
          break;
        }
        nw++;
        for (ws = z; ws < ne && t->s[ws] == ' '; ws++) {
        }
      }
      if (!cut) return 0;
      for (ne = cut; ne > ns && t->s[ne - 1] == ' '; ne--) {
      }
    }
  }
  hs_attr_last_clause_fa(t, p, &ns, &ne);
  *s = ns;
  *e = ne;
  return 1;
}
