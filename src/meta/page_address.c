/*
** page_address.c — the site address a page prints most often, the
** outlet of a page that names none in any other way (hs_page_outlet,
** page.c, tries it after its other rules): "catchitkansas.com" printed in
** a link and again in "E-Mail: stats@catchitkansas.com".
**
** The page is scanned once for a dot that opens a top-level domain of a
** short table (not for every word that could be a host), and the names
** found are counted in a small fixed table: an address printed once is a
** link to another site, one printed twice or more is the page's own.
*/
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "meta/page_int.h"

/* Top-level domains a site's address ends with ("catchitkansas.com",
** "stats@kabarislamia.com"), longest first where one ends another. */
static const char *const site_tlds[] = {
    ".co.uk", ".com.au", ".com.br", ".co.za", ".co.in", ".com.ng",
    ".com.ph", ".co.id", ".com.sa", ".com", ".net", ".org", ".info",
    ".news", ".ir", ".sa", ".ae", ".qa", ".ru", ".de", ".fr", ".it",
    ".es", ".ng", ".in", ".ph", ".id", ".my", ".pk", ".ca", ".us", ".tv",
    ".io", NULL};
static int host_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '-';
}

/* The site address the page prints most often, twice at least
** ("catchitkansas.com/a?..", "E-Mail: stats@catchitkansas.com"; a link
** printed once in an article is another site's):
** a name of 3 bytes or more before a top-level domain of site_tlds,
** standing as a word (after a space, "@", "/", "www." or the line's
** start; before a space, "/", ":" or punctuation), not a platform's; on
** a tie the first.  Fills its bytes (without "www.") and returns 1. */
int hs_pg_bare_address(const char *t, uint32_t len, uint32_t body,
                       uint32_t *ns, uint32_t *ne) {
  enum { MAXD = 16 };
  uint32_t ds[MAXD], de[MAXD], i;
  int votes[MAXD], nd = 0, best = -1, k;
  if (len > (256u << 10)) len = 256u << 10;
  for (i = body ? body : 1; i + 3 < len; i++) {
    uint32_t s, e;
    size_t j, m = 0;
    if (t[i] != '.' || !host_byte((unsigned char)t[i - 1])) continue;
    for (j = 0; site_tlds[j]; j++) {
      m = strlen(site_tlds[j]);
      if (i + m <= len && ci_at(t, i, i + (uint32_t)m, site_tlds[j]) &&
          (i + m == len || !host_byte((unsigned char)t[i + m]) ) &&
          (i + m == len || t[i + m] != '.' ||
           i + m + 1 == len || !host_byte((unsigned char)t[i + m + 1])))
        break;
    }
    if (!site_tlds[j]) continue;
    for (s = i; s > 0 && host_byte((unsigned char)t[s - 1]); s--) {}
    e = i + (uint32_t)m;
    /* the name stands as a word: not a file name or a longer host's
    ** part ("img.site.com" counts as site.com) */
    if (s > 0 && !(is_sp(t[s - 1]) || t[s - 1] == '\n' || t[s - 1] == '@' ||
                   t[s - 1] == '/' || t[s - 1] == '.' || t[s - 1] == '(' ||
                   t[s - 1] == '"'))
      continue;
    if (i - s < 3) continue;
    /* a message's e-mail addresses name the writers' providers */
    if (body && s > 0 && (t[s - 1] == '@' || t[s - 1] == '.')) {
      uint32_t q = s;
      while (q > 0 && (host_byte((unsigned char)t[q - 1]) || t[q - 1] == '.'))
        q--;
      if (q > 0 && t[q - 1] == '@') {
        i = e;
        continue;
      }
    }
    if (hs_pg_platform(t, s, i)) continue;
    for (k = 0; k < nd; k++)
      if (de[k] - ds[k] == e - s && !strncasecmp(t + ds[k], t + s, e - s))
        break;
    if (k < nd) votes[k]++;
    else if (nd < MAXD) ds[nd] = s, de[nd] = e, votes[nd++] = 1;
    i = e;
  }
  for (k = 0; k < nd; k++)
    if (votes[k] >= 2 && (best < 0 || votes[k] > votes[best])) best = k;
  if (best < 0) return 0;
  *ns = ds[best];
  *ne = de[best];
  return 1;
}
