/*
** lead.c — a document's lead and first line.  Whether it is a denial: a
** denial attribution (a denial cue, or a denial word beside a cue: "has
** dismissed as baseless", «را تکذیب کرد») in the page's lead, the first
** paragraph of prose.
**
** A news page that denies a claim says so first (the inverted pyramid:
** "Iran's customs has dismissed as baseless a Reuters report ...").  A
** retelling that mentions the denial further down ("Iran's customs
** service denied that ...", in its third paragraph) is a retelling of the
** claim, not the denial, and the story view would otherwise mark every
** careful report that gives the other side as one.
**
** The lead is the first paragraph (lines up to a blank line) after the
** headline found in the text, outside the page's boilerplate, that holds
** LEAD_WORDS words or more: datelines, bylines, date and menu lines are
** shorter.  A page with no such paragraph is all lead.  The first line is
** the headline of a document that has no title.
*/
#include "story/story.h"

#define LEAD_WORDS 8

static int in_boiler(const hs_meta *m, size_t at) {
  size_t k;
  for (k = 0; k < m->nboiler; k++)
    if (at >= m->boiler[k].start && at < m->boiler[k].end) return 1;
  return 0;
}

static int is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The end of the lead paragraph: the first byte past it, or len. */
static size_t lead_end(const hs_doc *d, const hs_meta *m) {
  size_t i = 0;
  if (m->title.value && !m->title.given && m->title.end <= d->len)
    i = m->title.end;
  while (i < d->len) {
    size_t e = i, words = 0;
    int in_word = 0, blank_line = 0;
    /* one paragraph: lines up to a blank line */
    while (e < d->len) {
      char c = d->text[e];
      if (c == '\n') {
        size_t j = e + 1;
        while (j < d->len && (d->text[j] == ' ' || d->text[j] == '\t' ||
                              d->text[j] == '\r'))
          j++;
        if (j >= d->len || d->text[j] == '\n') {
          blank_line = 1;
          break;
        }
      }
      if (is_space(c)) in_word = 0;
      else if (!in_word) {
        in_word = 1;
        if (!in_boiler(m, e)) words++;
      }
      e++;
    }
    if (words >= LEAD_WORDS) return e;
    i = e + (blank_line ? 1 : 0);
  }
  return d->len;
}

int hs_story_denial(const hs_doc *d, const hs_meta *m) {
  size_t k, end;
  int any = 0;
  if (!m || !d->text) return 0;
  for (k = 0; k < m->nattr; k++)
    if (m->attr[k].denial) any = 1;
  if (!any) return 0;
  end = lead_end(d, m);
  for (k = 0; k < m->nattr; k++)
    if (m->attr[k].denial && m->attr[k].src_start < end) return 1;
  return 0;
}

/* The first line of a document (160 bytes at most): its headline when it
** has no title. */
char *hs_story_first_line(const hs_doc *d) {
  size_t i = 0, e;
  if (!d->text) return NULL;
  while (i < d->len && (d->text[i] == ' ' || d->text[i] == '\n' ||
                        d->text[i] == '\r' || d->text[i] == '\t'))
    i++;
  for (e = i; e < d->len && d->text[e] != '\n' && d->text[e] != '\r'; e++) {}
  if (e - i > 160) {
    e = i + 160;
    while (e > i && ((unsigned char)d->text[e] & 0xC0) == 0x80) e--;
  }
  return e > i ? hs_strndup(d->text + i, e - i) : NULL;
}
