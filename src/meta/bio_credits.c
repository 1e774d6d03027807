/*
** bio_credits.c — the outlet an opinion page names only in its writer's
** note at its foot: "Jason Russell is the contributors editor for the
** Washington Examiner.", "Michael Rubin is a contributor to the
** Washington Examiner's Beltway Confidential blog."
**
** A site that publishes op-eds often prints its name nowhere in the
** article's text but in that note.  On the page's last 3 non-blank lines,
** a sentence "NAME is a/an/the ... ROLE PREP [the] OUTLET": ROLE a word of
** the role table (a writer's or editor's work for a publication, not a
** scholar's or an official's), PREP one of "for", "to", "at", "with",
** "of", at most 4 words between "is" and the role; OUTLET the capitalised
** words after it, up to 5, stopping at "'s", a full stop, a comma or a
** word in small letters.  A name of 2 words or more is taken as written;
** a single word only when the alias table knows it (a known agency or
** outlet).  Where several notes stand, the last wins (read bottom up,
** the first found).
**
** A writer who republishes on an aggregator names the site of their own
** in a plea at the foot: "Subscribe to My Website at: www.LisaHaven.News",
** "Visit my website: www.janedoe.com".  A line of at most 160 bytes with
** a cue of own_site_cues followed (past ":" and spaces) by a web address
** gives the address's host, as a "Source:" address does (page.c reads
** every line; the cue is found by memchr-driven search).
*/
#include <string.h>

#include "meta/page_int.h"

/* Roles of a writer for a publication (a word opening with one). */
static const char *const roles[] = {
    "contributor", "contributing", "columnist", "editor", "reporter",
    "correspondent", "writer", "blogger", "journalist", NULL};
static const char *const preps[] = {"for ", "to ", "at ", "with ", "of ",
                                    NULL};

static int is_cap(unsigned char c) { return c >= 'A' && c <= 'Z'; }

/* The next word after position q (spaces skipped): its bytes. */
static int next_word(const char *t, uint32_t q, uint32_t e, uint32_t *ws,
                     uint32_t *we) {
  while (q < e && is_sp(t[q])) q++;
  if (q >= e) return 0;
  *ws = q;
  while (q < e && !is_sp(t[q])) q++;
  *we = q;
  return 1;
}

static int role_word(const char *t, uint32_t s, uint32_t e) {
  size_t k;
  for (k = 0; roles[k]; k++)
    if (ci_at(t, s, e, roles[k])) return 1;
  return 0;
}

/* A writer's note in the line [s, e): the outlet's bytes. */
static int bio_line(const hs_aliases *a, const char *t, uint32_t s,
                    uint32_t e, uint32_t *ns, uint32_t *ne) {
  uint32_t at, q, ws, we, os, oe;
  int k, n;
  if (!ci_find(t, s, e, " is ", &at)) return 0;
  q = at + 4;
  /* "a", "an", "the", then at most 4 words to the role */
  if (!next_word(t, q, e, &ws, &we)) return 0;
  if (!((we - ws == 1 && (t[ws] | 0x20) == 'a') ||
        (we - ws == 2 && ci_at(t, ws, we, "an")) ||
        (we - ws == 3 && ci_at(t, ws, we, "the"))))
    return 0;
  q = we;
  for (n = 0; n < 5; n++) {
    if (!next_word(t, q, e, &ws, &we)) return 0;
    q = we;
    if (role_word(t, ws, we)) break;
  }
  if (n == 5) return 0;
  /* a second role word ("contributing editor") */
  if (next_word(t, q, e, &ws, &we) && role_word(t, ws, we)) q = we;
  while (q < e && is_sp(t[q])) q++;
  for (k = 0; preps[k]; k++)
    if (ci_at(t, q, e, preps[k])) break;
  if (!preps[k]) return 0;
  q += (uint32_t)strlen(preps[k]);
  while (q < e && is_sp(t[q])) q++;
  if (ci_at(t, q, e, "the ")) q += 4;
  os = oe = q;
  for (n = 0; n < 5 && next_word(t, q, e, &ws, &we); n++) {
    uint32_t x = ws;
    int stop = 0;
    if (!is_cap((unsigned char)t[ws])) break;
    while (x < we && t[x] != '.' && t[x] != ',' && t[x] != '\'' &&
           !ci_at(t, x, we, "\xE2\x80\x99")) /* ’ */
      x++;
    stop = x < we;
    if (x > ws) oe = x;
    q = we;
    if (stop) {
      n++;
      break;
    }
  }
  if (oe <= os) return 0;
  if (words(t, os, oe) < 2 && !hs_pg_known(a, t, os, oe, NULL, 0)) return 0;
  *ns = os;
  *ne = oe;
  return 1;
}

int hs_pg_bio_outlet(const hs_aliases *a, const char *t, uint32_t len,
                     uint32_t *ns, uint32_t *ne) {
  uint32_t e = len;
  int lines = 0;
  while (lines < 3 && e > 0) {
    uint32_t s;
    while (e > 0 && (t[e - 1] == '\n' || is_sp(t[e - 1]))) e--;
    if (e == 0) break;
    for (s = e; s > 0 && t[s - 1] != '\n'; s--) {}
    if (e - s <= 400 && bio_line(a, t, s, e, ns, ne)) return 1;
    lines++;
    e = s;
  }
  return 0;
}

/* A writer's plea for their own site, per language: the address follows. */
static const char *const own_site_cues[] = {
    /* en: each opens with "my " */
    "my website at", "my website:", "my website is", "my blog at", "my blog:",
    "my site at", "my site:", NULL};

int hs_pg_own_site(const char *t, uint32_t s, uint32_t e, uint32_t *ns,
                   uint32_t *ne) {
  size_t k;
  uint32_t at, q, ae, from = s;
  if (e - s > 160 || e - s < 16) return 0;
  while (ci_find(t, from, e, "my ", &at)) {
    from = at + 3;
    for (k = 0; own_site_cues[k]; k++) {
      if (!ci_at(t, at, e, own_site_cues[k])) continue;
      q = at + (uint32_t)strlen(own_site_cues[k]);
      while (q < e && (is_sp(t[q]) || t[q] == ':')) q++;
      if (hs_pg_address_host(t, q, e, ns, ne, &ae)) return 1;
    }
  }
  return 0;
}
