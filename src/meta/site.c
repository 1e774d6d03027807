/*
** site.c — the outlet an HTML page names in its markup, and its headline
** without the site's name.
**
** src/web/html.c keeps what names the site in the document's `extra`
** (`page_site`): og:site_name or the JSON-LD publisher (also the
** document's series), the tail cut from the title (" - BBC News"), the
** twitter:site handle, the alt text of the logo, a copyright line.  The
** web stage has no alias table (it sits below this one), so the names are
** read here, through it: a known name gives its canonical name ("BBC News"
** is BBC); the first known one wins, in the order above; else the site
** name, else a title tail that looks like a name, else the copyright
** holder, else the logo's text, as written.  docs/sources.md lists the
** forms.  Plain documents (no `page_site`) cost one strstr.
*/
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "hearsay.h"
#include "meta/meta_int.h"
#include "meta/page_int.h"
#include "util/util.h"

static json_t *page_site(const hs_doc *d) {
  json_t *root, *ps;
  if (!d->extra || !strstr(d->extra, "\"page_site\"")) return NULL;
  root = json_loads(d->extra, 0, NULL);
  ps = root ? json_object_get(root, "page_site") : NULL;
  if (!json_is_object(ps)) {
    json_decref(root);
    return NULL;
  }
  json_incref(ps);
  json_decref(root);
  return ps;
}

static const char *str(json_t *o, const char *k) {
  json_t *v = json_object_get(o, k);
  return json_is_string(v) && json_string_value(v)[0] ? json_string_value(v)
                                                       : NULL;
}

/* A twitter handle as words: "BBCNews" "BBC News", "AlArabiya_Eng" "Al
** Arabiya Eng" (a space before a capital after a small letter, or before
** a capital and a small letter after capitals; "_" a space). */
static char *handle_words(const char *h) {
  size_t n = strlen(h), i, k = 0;
  char *v = hs_malloc(2 * n + 1);
  for (i = 0; i < n; i++) {
    char c = h[i], p = i ? h[i - 1] : 0, q = h[i + 1];
    int up = c >= 'A' && c <= 'Z';
    if (c == '_') c = ' ';
    else if (i && up && ((p >= 'a' && p <= 'z') ||
                         (p >= 'A' && p <= 'Z' && q >= 'a' && q <= 'z')))
      v[k++] = ' ';
    v[k++] = c;
  }
  v[k] = 0;
  return v;
}

/* A title tail or logo text that looks like a site's name: at most 5
** words and 50 bytes, no digit, no sentence punctuation, and in Latin
** script opening with a capital. */
static int name_like(const char *v) {
  size_t n = strlen(v), i, w = 1;
  if (!n || n > 50) return 0;
  for (i = 0; i < n; i++) {
    char c = v[i];
    if ((c >= '0' && c <= '9') || c == '.' || c == ',' || c == '?' ||
        c == '!' || c == '"' || c == ':')
      return 0;
    w += c == ' ';
  }
  return w <= 5 && !(v[0] >= 'a' && v[0] <= 'z');
}

static void set(hs_meta_field *out, const char *value, const char *raw,
                double conf) {
  free(out->value);
  free(out->raw);
  out->value = hs_strdup(value);
  out->raw = hs_strdup(raw);
  out->start = out->end = 0;
  out->confidence = conf;
  out->given = 1; /* no span of the text */
}

const char *hs_page_site(const hs_doc *d, const hs_aliases *a,
                         hs_meta_field *out) {
  json_t *ps = page_site(d);
  const char *site, *tail, *tw, *logo, *cr, *canon = NULL;
  char *holder = NULL, *words = NULL;
  const char *src = "html";
  if (!ps) return NULL;
  site = str(ps, "site_name");
  tail = str(ps, "title");
  tw = str(ps, "twitter");
  logo = str(ps, "logo");
  cr = str(ps, "copyright");
  if (cr) {
    uint32_t ns, ne;
    if (hs_pg_rights_holder(cr, 0, (uint32_t)strlen(cr), &ns, &ne)) {
      while (ns < ne && (cr[ns] == ' ' || cr[ns] == ':')) ns++;
      while (ne > ns && (cr[ne - 1] == ' ' || cr[ne - 1] == '.')) ne--;
      if (ne > ns && ne - ns <= 60) holder = hs_strndup(cr + ns, ne - ns);
    }
  }
  if (tw) words = handle_words(tw);
#define KNOWN(v, loose) \
  ((v) && hs_pg_known(a, (v), 0, (uint32_t)strlen(v), &canon, (loose)))
  if (site) set(out, KNOWN(site, 1) ? canon : site, site, 1.0);
  else if (KNOWN(tail, 1)) set(out, canon, tail, 0.85);
  else if (KNOWN(logo, 0)) set(out, canon, logo, 0.8);
  else if (KNOWN(tw, 0)) set(out, canon, tw, 0.8);
  else if (KNOWN(words, 0)) set(out, canon, tw, 0.8);
  else if (KNOWN(holder, 1)) set(out, canon, holder, 0.75);
  else if (tail && name_like(tail)) set(out, tail, tail, 0.7);
  else if (holder && name_like(holder)) set(out, holder, holder, 0.65);
  else if (logo && name_like(logo)) set(out, logo, logo, 0.6);
  else src = NULL;
#undef KNOWN
  free(holder);
  free(words);
  json_decref(ps);
  return src;
}

/* The headline of an HTML page without a site's name at its end: "Floods
** close schools | Levant Monitor" when the tail after the last " | ",
** " - ", " – " or " — " is a known outlet of the alias table or the
** outlet the page's markup gave (html.c cuts only the site names it can
** see in the title itself). */
void hs_page_site_title(const hs_doc *d, const hs_aliases *a,
                        const hs_meta_field *outlet, hs_meta_field *title) {
  static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ",
                                     " \xE2\x80\x94 ", NULL};
  const char *t = title->value;
  size_t n, i, k, cut = 0, tl = 0;
  if (!t || !d->extra || !strstr(d->extra, "\"page_site\"")) return;
  n = strlen(t);
  for (i = 1; i < n; i++)
    for (k = 0; seps[k]; k++)
      if (!strncmp(t + i, seps[k], strlen(seps[k])))
        cut = i, tl = strlen(seps[k]);
  if (!cut || n - cut - tl > 60 || cut < 8) return;
  if (hs_pg_known(a, t, (uint32_t)(cut + tl), (uint32_t)n, NULL, 0) ||
      (outlet && outlet->raw && !strcasecmp(outlet->raw, t + cut + tl)) ||
      (outlet && outlet->value && !strcasecmp(outlet->value, t + cut + tl))) {
    char *v = hs_strndup(t, cut);
    free(title->value);
    title->value = v;
  }
}
