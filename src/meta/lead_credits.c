/*
** lead_credits.c — the outlet a Persian article names in its lead
** sentence, past the forms page.c's dateline reads.
**
** Persian agencies open the lead with «به گزارش X، ...» ("according to
** X's report"); page.c takes X when it is a known name of at most 3 words
** right before the comma.  The agencies' own pages add to X what a
** reader skips: the desk («به گزارش گروه بین‌الملل خبرگزاری فارس،»), the
** bureau's city («به گزارش خبرگزاری فارس از اردبیل،»), quotation marks
** without a comma («به گزارش" ورزش سه" مجید جلالی ...»), and an interview
** names the reporter's outlet («... در گفت‌وگو با خبرنگار خبرگزاری فارس
** همدان اظهار داشت»).  A cue of the table below is followed by a segment
** of at most 8 words, ended by «،», ",", ":" or « به نقل از» (the source
** an agency cites is not the page's); the outlet is the first known
** agency or outlet of 1 to 4 words in it (the longest where several
** start at one word).  Where the cue opens the line and a comma ends the
** segment, the name may stand anywhere in it (after a desk or
** reporter); otherwise it must open it.  Quotation marks around words
** are skipped.  Only the page's first 3 lines are read (page.c): the
** agency's own lead is its first paragraph; further down, «به گزارش
** خبرگزاری فرانسه از لندن،» is a source the article cites.  An
** interview's outlet counts only on a page without an address of its
** own: a site republishes the agencies' interviews (varzesh3.com with
** «... در گفتگو با خبرنگار مهر»), and its address names it.
*/
#include <string.h>

#include "meta/page_int.h"

#define SEG_WORDS 8

/* A cue and where it may stand. */
static const struct {
  const char *cue;
  int line_start; /* 1: the cue opens the line; 0: anywhere in it */
} lead_cues[] = {
    {"به گزارش", 1},
    {"در گفت‌وگو با خبرنگار ", 0},
    {"در گفتگو با خبرنگار ", 0},
    {"در گفت و گو با خبرنگار ", 0},
    {"در گفت‌و‌گو با خبرنگار ", 0},
    {"به خبرنگار ", 0},
    {NULL, 0}};

/* Length of a quotation mark at t[i] (", «, », “, ”), else 0. */
static uint32_t quote_at(const char *t, uint32_t i, uint32_t e) {
  if (t[i] == '"') return 1;
  if (i + 1 < e && ((unsigned char)t[i] == 0xC2 &&
                    ((unsigned char)t[i + 1] == 0xAB ||
                     (unsigned char)t[i + 1] == 0xBB)))
    return 2;
  if (i + 2 < e && (unsigned char)t[i] == 0xE2 &&
      (unsigned char)t[i + 1] == 0x80 &&
      ((unsigned char)t[i + 2] == 0x9C || (unsigned char)t[i + 2] == 0x9D))
    return 3;
  return 0;
}

/* The words of the segment from q: their bytes without quotation marks
** in ws/we; returns their number, *closed 1 when a comma, colon or
** citing cue ended the segment. */
static int seg_words(const char *t, uint32_t q, uint32_t e, uint32_t *ws,
                     uint32_t *we, int *closed) {
  int n = 0;
  uint32_t c;
  *closed = 0;
  if (ci_find(t, q, e, " به نقل از", &c)) e = c, *closed = 1;
  while (q < e && n < SEG_WORDS) {
    uint32_t s, x;
    while (q < e && (is_sp(t[q]) || quote_at(t, q, e)))
      q += is_sp(t[q]) ? 1 : quote_at(t, q, e);
    if (q >= e) break;
    s = q;
    while (q < e && !is_sp(t[q]) && !quote_at(t, q, e) && t[q] != ',' &&
           t[q] != ':' && !ci_at(t, q, e, "،"))
      q++;
    x = q;
    if (x > s) {
      ws[n] = s;
      we[n++] = x;
    }
    if (q < e && (t[q] == ',' || t[q] == ':' || ci_at(t, q, e, "،"))) {
      *closed = 1;
      break;
    }
    if (q < e && quote_at(t, q, e)) q += quote_at(t, q, e);
  }
  return n;
}

int hs_pg_lead_credit(const hs_aliases *a, const char *t, uint32_t s,
                      uint32_t e, int interview, uint32_t *ns, uint32_t *ne) {
  size_t k;
  if (!a || e - s < 8) return 0;
  /* every cue is Persian: a line without Arabic-script bytes has none */
  if (!memchr(t + s, 0xD8, e - s) && !memchr(t + s, 0xDA, e - s) &&
      !memchr(t + s, 0xDB, e - s))
    return 0;
  for (k = 0; lead_cues[k].cue; k++) {
    uint32_t at, q, ws[SEG_WORDS], we[SEG_WORDS];
    int n, closed, i, j, any;
    if (!lead_cues[k].line_start && !interview) continue;
    if (lead_cues[k].line_start) {
      if (!ci_at(t, s, e, lead_cues[k].cue)) continue;
      at = s;
    } else if (!ci_find(t, s, e, lead_cues[k].cue, &at)) {
      continue;
    }
    q = at + (uint32_t)strlen(lead_cues[k].cue);
    /* "به گزارش" is a word: a space or a quotation mark after it */
    if (q < e && !is_sp(t[q]) && !quote_at(t, q, e) &&
        t[q - 1] != ' ')
      continue;
    n = seg_words(t, q, e, ws, we, &closed);
    any = lead_cues[k].line_start && closed;
    for (i = 0; i < (any ? n : (n > 0)); i++)
      for (j = i + 3 < n - 1 ? i + 3 : n - 1; j >= i; j--)
        if (hs_pg_known(a, t, ws[i], we[j], NULL, 1)) {
          *ns = ws[i];
          *ne = we[j];
          return 1;
        }
  }
  return 0;
}
