/*
** holder.c — the holder's name in a copyright line, after its mark.
**
** A footer's copyright line puts years, dashes, a second mark and "All
** rights reserved" around the holder in any order ("© Copyright 2019,
** The Spokesman-Review", "Copyright © 2000—2019. PAN Media", "©All Rights
** Reserved Poynter Institute 2019, a 501(c)(3) ...") and may spell the
** holder as its address ("© Phys.org 2003 - 2019", "ノート100YEN.com").
** The name is read in two steps, each a plain scan of the line: the lead
** (marks, years, dashes, "by", the "All rights reserved" words) is skipped, then
** the name runs to the first stop (a full stop or comma that is not
** inside an address, "|", "All rights", a year standing as a word, an
** address in brackets, "unless otherwise noted", " / " before a second
** holder, "is a registered trademark"; an e-mail address is no name).  A line whose only
** words are the lead ("© 2019 All rights reserved.") has no holder.
** A mark that ends its line, a year at most after it, follows its holder
** ("Before It's News ©" over a channel's page): a name of 1 to 5 words
** opening with a capital, no ":" or "|" in it, not the lead's words ("All
** Rights Reserved © 2019").
*/
#include <string.h>

#include "hearsay.h"
#include "meta/page_int.h"
#include "meta/site_name.h"


/* Words of a copyright line's lead: skipped before the holder. */
static const char *const lead_words[] = {
    "©", "copyright", "(c)", "(с)", "all rights reserved", "–", "—", "by ",
    "\xEF\xBF\xBD" /* a mark lost in decoding */, NULL};
/* Where the holder's name stops, besides a full stop, comma and "|". */
static const char *const stops[] = {
    " all rights", " جميع", " unless otherwise", " (www.", " (http", " / ",
    " is a registered", " alle rechte", NULL};

static int digit(char c) { return c >= '0' && c <= '9'; }

/* 1 if text[q, e) opens with a year standing as a word ("2019" in
** "Phys.org 2003 - 2019", not "100YEN"). */
static int year_word(const char *t, uint32_t q, uint32_t e) {
  return q + 4 <= e && (t[q] == '1' || t[q] == '2') && digit(t[q + 1]) &&
         digit(t[q + 2]) && digit(t[q + 3]) &&
         (q + 4 == e || !digit(t[q + 4])) && (q + 4 == e || t[q + 4] != '.' ||
                                              q + 5 == e || !digit(t[q + 5]));
}

/* A full stop before an address's last part ("Phys.org", "100YEN.com"):
** a letter or digit before it, 2 to 4 small letters after it that end
** the word ("comp.os.os2.setup" is no address). */
static int address_dot(const char *t, uint32_t q, uint32_t s, uint32_t e) {
  unsigned char b = q > s ? (unsigned char)t[q - 1] : ' ';
  uint32_t r = q + 1;
  if (!(digit((char)b) || (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') ||
        b >= 0x80))
    return 0;
  while (r < e && t[r] >= 'a' && t[r] <= 'z') r++;
  return r - q - 1 >= 2 && r - q - 1 <= 4 &&
         (r == e || !(digit(t[r]) || t[r] == '@' ||
                      (t[r] >= 'A' && t[r] <= 'Z') ||
                      (t[r] == '.' && r + 1 < e && !is_sp(t[r + 1]))));
}

int hs_pg_holder_after(const char *t, uint32_t q, uint32_t e, uint32_t *ns,
                       uint32_t *ne) {
  uint32_t qe, lead = q;
  size_t k;
  /* the lead: spaces, years, dashes, commas, marks, "All rights
  ** reserved"; a full stop only right after a year ("2019. PAN Media") */
  for (;;) {
    while (q < e && (is_sp(t[q]) || digit(t[q]) || t[q] == '-' ||
                     t[q] == ',' || (t[q] == '.' && q > lead &&
                                     digit(t[q - 1]))))
      q++;
    for (k = 0; lead_words[k]; k++)
      if (ci_at(t, q, e, lead_words[k])) break;
    if (!lead_words[k]) break;
    q += (uint32_t)strlen(lead_words[k]);
  }
  for (qe = q; qe < e; qe++) {
    char c = t[qe];
    if (((c == '.' || c == ',') && !(c == '.' && address_dot(t, qe, q, e))) ||
        c == '|' || c == '<')
      break;
    if (c == '@') return 0; /* an e-mail address, no holder's name */
    if (c == ' ') {
      for (k = 0; stops[k]; k++)
        if (ci_at(t, qe, e, stops[k])) break;
      if (stops[k]) break;
    }
    if (qe > q && is_sp(t[qe - 1]) && year_word(t, qe, e)) break;
  }
  *ns = q;
  *ne = qe;
  trim(t, ns, ne);
  for (q = *ns; q < *ne; q++) /* a name has a letter */
    if ((t[q] | 0x20) >= 'a' && (t[q] | 0x20) <= 'z') return 1;
    else if ((unsigned char)t[q] >= 0x80) return 1;
  return 0;
}

/* 1 if the name V is a site's address ("Phys.org", "AutoIndustriya.com"):
** a full stop inside it followed by 2 to 4 small letters that end it. A
** site spelled as its address is the site, never its publisher, even
** with a legal form after it ("AutoIndustriya.com, Inc."). */
int hs_pg_address_name(const char *v) {
  const char *dot = v ? strrchr(v, '.') : NULL;
  size_t n, i;
  if (!dot || dot == v) return 0;
  n = strlen(dot + 1);
  if (n < 2 || n > 4) return 0;
  for (i = 1; i <= n; i++)
    if (dot[i] < 'a' || dot[i] > 'z') return 0;
  return dot[-1] != ' ';
}

int hs_pg_holder_before(const char *t, uint32_t s, uint32_t at, uint32_t me,
                        uint32_t e, uint32_t *ns, uint32_t *ne) {
  uint32_t q = me, x;
  unsigned char c;
  while (q < e && (is_sp(t[q]) || digit(t[q]))) q++;
  if (q < e) return 0; /* more after the mark */
  x = at;
  while (x > s && is_sp(t[x - 1])) x--;
  while (s < x && is_sp(t[s])) s++;
  if (x <= s || x - s > 60 || words(t, s, x) > 5) return 0;
  c = (unsigned char)t[s];
  if (!(c >= 0x80 || (c >= 'A' && c <= 'Z'))) return 0;
  if (memchr(t + s, ':', x - s) || memchr(t + s, '|', x - s)) return 0;
  /* the lead's words, not a name ("All Rights Reserved © 2019") */
  if (ci_find(t, s, x, "rights reserved", NULL) ||
      ci_find(t, s, x, "copyright", NULL))
    return 0;
  *ns = s;
  *ne = x;
  return 1;
}
