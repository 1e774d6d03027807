/*
** byline_credits.c — the outlets an Arabic news page names in its byline
** line and in its own link line at the foot.
**
** Arabic papers print, under the headline, a byline of short segments
** joined by dashes, colons or brackets: a city, a reporter's name, the
** paper's own short name, the agency whose story it carries, "agencies"
** or "follow-ups" («اليوم - الدمام», «عدن: واس», «صنعاء - عدن - الجزيرة -
** وكالات:», «عبدالله البرقاوي- سبق- الرياض:», «عكاظ (جدة)», «لندن:
** «الشرق الأوسط أونلاين»», «"الاقتصادية" من الرياض»).  page.c's
** dateline reads only "CITY - NAME:" with an unambiguous NAME; a paper's
** short name is mostly a common word («اليوم» "today», «الوئام»
** "harmony», «سبق») that the alias table marks ambiguous, and the same
** word may be a city («الرياض»).  Here the byline's segments are read
** one by one: a segment of the place table is the dateline's city (never
** an outlet unless quoted), a whole segment of the alias table is an
** outlet or agency even when ambiguous (a whole segment is a whole
** phrase), anything else is a name or a word like «وكالات».  The paper
** named is the page's carrier, an agency beside it the credited original
** («الجزيرة - واس:» is Al Jazirah carrying the Saudi Press Agency); an
** agency alone is the credited source.
**
** A line is a byline when it is the page's second or third line, holds
** Arabic script, and is either short (at most 10 words) or, right under
** the headline only, opens with such segments ended by a colon or a wide
** gap of spaces (further down, «وقال كاميرون لشبكة (إن.بي.سي)
** الأمريكية: ...» is a sentence); it has 2 to 6 segments, none of more
** than 4 words.  Of several papers the first is the carrier, the next
** one its source («الوئام - CNN»).
**
** A few short names mean another outlet in a byline than the alias
** table's reading of the word in running text: «الجزيرة» alone in a
** byline is the Saudi paper Al Jazirah (the channel Al Jazeera signs
** «الجزيرة نت»); byline_names lists them.
**
** At the foot, a paper's site links the story to itself: «رابط الخبر
** بصحيفة الوئام: HEADLINE» (the story's link at the paper X), read on the
** page's last line; the name before the colon, at most 4 words, names
** the carrier.
*/
#include <string.h>

#include "hearsay.h"
#include "meta/page_int.h"

#define BL_MAX_BYTES 120
#define BL_MAX_SEGS 6

/* Separators of a byline's segments (UTF-8): "-", ":", brackets, '"',
** "|", "/", ",", "–", "—", "«", "»", "“", "”", "،", "ـ" (tatweel) after a
** space (inside a word it stretches the word), and the word « من » that
** joins a reporter or a paper to a city («الاقتصادية من الرياض»).  Read
** by one switch on the byte: the rule runs on a page's second and third
** lines, and a table of strings compared at each byte costs a call per
** string in the fuzz build. */
/* A wide gap of spaces (no-break ones too) ends a byline run into the
** text: "NAME – عين اليوم \xA0 \xA0 \xA0 ..." */
static const char *const byline_gaps[] = {"    ", "\xC2\xA0 \xC2\xA0",
                                          "\xC2\xA0\xC2\xA0", NULL};

/* Short names whose byline meaning differs from the alias table's reading. */
static const struct {
  const char *name, *outlet;
} byline_names[] = {
    {"الجزيرة", "Al Jazirah"},
    {NULL, NULL}};

/* Cities that share their name with a paper: in a byline, the city
** unless another segment names the city or a desk («المدينة - الوئام»
** is Medina in Al-Weeam, «المدينة - جدة» the paper Al Madina in Jeddah). */
static const char *const byline_cities[] = {"المدينة", NULL};
/* Desk words a paper's name goes with («المدينة - وكالات», «المدينة -
** متابعات»: agencies, follow-ups, exclusive): beside one, a city-named
** word is the paper. */
static const char *const byline_desks[] = {"وكالات", "الوكالات", "متابعات",
                                           "متابعة", "خاص", NULL};

static int seg_is(const char *t, uint32_t s, uint32_t e, const char *w) {
  return e - s == strlen(w) && !memcmp(t + s, w, e - s);
}

/* Length of a separator at t[i], else 0. */
static uint32_t sep_at(const char *t, uint32_t i, uint32_t e, uint32_t s) {
  const unsigned char *u = (const unsigned char *)t + i;
  uint32_t left = e - i;
  switch (u[0]) {
  case '-': case ':': case '(': case ')': case '"': case '|': case '/':
  case ',':
    return 1;
  case 0xE2: /* – — “ ” */
    return left >= 3 && u[1] == 0x80 &&
                   (u[2] == 0x93 || u[2] == 0x94 || u[2] == 0x9C ||
                    u[2] == 0x9D)
               ? 3
               : 0;
  case 0xC2: /* « » */
    return left >= 2 && (u[1] == 0xAB || u[1] == 0xBB) ? 2 : 0;
  case 0xD8: /* ، */
    return left >= 2 && u[1] == 0x8C ? 2 : 0;
  case 0xD9: /* ـ after a space */
    return left >= 2 && u[1] == 0x80 && i > s && is_sp(t[i - 1]) ? 2 : 0;
  case ' ':
    return ci_at(t, i, e, " من ") ? (uint32_t)strlen(" من ") : 0;
  default:
    return 0;
  }
}

/* Trims spaces and no-break spaces (C2 A0). */
static void seg_trim(const char *t, uint32_t *s, uint32_t *e) {
  for (;;) {
    if (*s < *e && is_sp(t[*s])) (*s)++;
    else if (*s + 1 < *e && (unsigned char)t[*s] == 0xC2 &&
             (unsigned char)t[*s + 1] == 0xA0)
      *s += 2;
    else if (*s + 6 <= *e && !memcmp(t + *s, "&nbsp;", 6))
      *s += 6; /* a scrape's unexpanded entity */
    else break;
  }
  for (;;) {
    if (*e > *s && is_sp(t[*e - 1])) (*e)--;
    else if (*e >= *s + 2 && (unsigned char)t[*e - 2] == 0xC2 &&
             (unsigned char)t[*e - 1] == 0xA0)
      *e -= 2;
    else break;
  }
}

static int arabic_line(const char *t, uint32_t s, uint32_t e) {
  return memchr(t + s, 0xD8, e - s) || memchr(t + s, 0xD9, e - s);
}

int hs_pg_arabic_byline(const hs_aliases *a, const char *t, uint32_t s,
                        uint32_t e, int lead, hs_pg_byline *out) {
  uint32_t end, i, seg = s, ss[BL_MAX_SEGS], se[BL_MAX_SEGS];
  int quoted[BL_MAX_SEGS], nseg = 0, q = 0, k, place = 0;
  const char *p, *other = NULL;
  uint32_t os = 0, oe = 0;
  memset(out, 0, sizeof *out);
  if (!a || e - s < 5 || !arabic_line(t, s, e)) return 0;
  if (words(t, s, e) <= 10) {
    end = e;
  } else if (!lead) {
    return 0;
  } else {
    /* a lead-in ended by a colon or a wide gap: «أبين -الوئام: ...» */
    uint32_t lim = e - s > BL_MAX_BYTES ? s + BL_MAX_BYTES : e, c;
    size_t g;
    end = 0;
    if (ci_find(t, s, lim, ":", &c)) end = c + 1;
    for (g = 0; byline_gaps[g]; g++)
      if (ci_find(t, s, end ? end : lim, byline_gaps[g], &c)) end = c;
    /* (each search stops at the end found so far: the earliest wins) */
    if (!end) return 0;
  }
  if (end - s > BL_MAX_BYTES) return 0;
  for (i = s; i <= end; i++) {
    uint32_t n = i < end ? sep_at(t, i, end, s) : 0, x = seg, y = i;
    if (i < end && !n) continue;
    seg_trim(t, &x, &y);
    if (y > x) {
      if (nseg == BL_MAX_SEGS || words(t, x, y) > 4) return 0;
      ss[nseg] = x;
      se[nseg] = y;
      quoted[nseg++] = q;
    }
    if (i == end) break;
    /* a name in quotation marks is a paper's, never the city */
    p = t + i;
    q = (n == 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xAB) ||
        (n == 3 && !memcmp(p, "“", 3)) || (n == 1 && *p == '"' && !q);
    seg = i + n;
    i += n - 1;
  }
  if (nseg < 2) return 0;
  for (k = 0; k < nseg; k++) {
    size_t c;
    if (!quoted[k] && hs_aliases_place(a, t + ss[k], se[k] - ss[k], NULL))
      place = 1;
    for (c = 0; byline_desks[c]; c++)
      if (seg_is(t, ss[k], se[k], byline_desks[c])) place = 1;
  }
  for (k = 0; k < nseg; k++) {
    const char *canon = NULL;
    int ty = 0;
    size_t b;
    size_t c = 0;
    for (b = 0; byline_names[b].name; b++)
      if (seg_is(t, ss[k], se[k], byline_names[b].name)) break;
    for (c = 0; !place && !quoted[k] && byline_cities[c]; c++)
      if (seg_is(t, ss[k], se[k], byline_cities[c])) break;
    if (!place && !quoted[k] && byline_cities[c]) continue;
    if (byline_names[b].name) {
      canon = byline_names[b].outlet;
      ty = HS_SRC_OUTLET;
    } else {
      if (!quoted[k] && hs_aliases_place(a, t + ss[k], se[k] - ss[k], NULL))
        continue;
      if (!hs_pg_known(a, t, ss[k], se[k], &canon, 1)) continue;
      if (!hs_aliases_lookup(a, canon, strlen(canon), NULL, &ty)) continue;
    }
    if (ty == HS_SRC_AGENCY) {
      if (!out->agency) {
        out->agency = canon;
        out->as = ss[k];
        out->ae = se[k];
      }
    } else if (ty == HS_SRC_OUTLET && !out->paper) {
      out->paper = canon;
      out->ps = ss[k];
      out->pe = se[k];
    } else if (ty == HS_SRC_OUTLET && strcmp(canon, out->paper) &&
               !other) {
      other = canon; /* «الوئام - CNN»: the paper's source */
      os = ss[k];
      oe = se[k];
    }
  }
  if (!out->agency && other) {
    out->agency = other;
    out->as = os;
    out->ae = oe;
  }
  return out->paper || out->agency;
}

/* Cues of a paper's link to the story at its foot, per language. */
static const char *const foot_link_cues[] = {"رابط الخبر ب", "رابط الخبر في ",
                                             NULL};

int hs_pg_foot_link(const hs_aliases *a, const char *t, uint32_t len,
                    uint32_t *ns, uint32_t *ne) {
  uint32_t e = len, s, at, c;
  size_t k;
  while (e > 0 && (t[e - 1] == '\n' || is_sp(t[e - 1]))) e--;
  for (s = e; s > 0 && t[s - 1] != '\n'; s--) {}
  if (!a || e - s < 12 || !arabic_line(t, s, e)) return 0;
  for (k = 0; foot_link_cues[k]; k++) {
    uint32_t q;
    if (!ci_find(t, s, e, foot_link_cues[k], &at)) continue;
    q = at + (uint32_t)strlen(foot_link_cues[k]);
    if (!ci_find(t, q, q + 80 < e ? q + 80 : e, ":", &c)) continue;
    seg_trim(t, &q, &c);
    if (c <= q || words(t, q, c) > 4 || !hs_pg_known(a, t, q, c, NULL, 1))
      continue;
    *ns = q;
    *ne = c;
    return 1;
  }
  return 0;
}
