/*
** fields.c — one document's metadata record: date, outlet, title and
** byline, its boilerplate and attributions, and the JSON Lines form of it
** (`hearsay meta`, documented in docs/sources.md).
**
** Given metadata wins: a JSONL `date` (its leading YYYY-MM-DD when it has
** one), `series` and `title` are taken as they are, with confidence 1.
** Otherwise:
**  - date: every date of the text is scored by its form's confidence,
**    +0.05 in the first 600 bytes, +0.1 after a publication cue within 40
**    bytes ("Published", "Posted", "Updated", a "Date:" line, «نشر»,
**    «تاريخ», «تاریخ», «منتشر»), +0.15 when the cue labels the date
**    (ends at most 12 bytes before it); dates inside boilerplate are
**    ignored; the best wins, the earliest among equals; failing one, the
**    URL's date, then the date in the address of a "Source: http://..."
**    credit on the page's last lines (a republication's original);
**  - title: an e-mail or Usenet message's Subject: line; on a scraped
**    page whose article starts below the site's
**    furniture, the headline over its first paragraph (article_start.c),
**    whose byline and date lines are then the header zone for the date;
**    else the first non-empty line if it is short (at most 160 bytes,
**    no final full stop) and not boilerplate or a byline;
**  - byline: a line "By NAME" (up to 6 words), «بقلم NAME», «كتب NAME»,
**    «نویسنده: NAME»;
**  - outlet: a "Source: OUTLET" line (0.8), a copyright line "© 2024
**    OUTLET" (0.7), a known outlet name in the first line or in a dateline
**    "CITY (OUTLET) -" (0.6).
*/
#include <stdlib.h>
#include <string.h>

#include "hearsay.h"
#include "meta/article_start.h"
#include "meta/meta_int.h"
#include "util/util.h"


void hs_xml_str(FILE *f, const char *s) {
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  size_t n = strlen((const char *)p), i = 0, k;
  while (i < n) {
    unsigned char ch = p[i];
    if (ch == '<') fputs("&lt;", f), i++;
    else if (ch == '>') fputs("&gt;", f), i++;
    else if (ch == '&') fputs("&amp;", f), i++;
    else if (ch == '"') fputs("&quot;", f), i++;
    else if (ch == '\'') fputs("&apos;", f), i++;
    else if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
      fputs("\xEF\xBF\xBD", f), i++;
    else if ((k = hs_utf8_len_at(p + i, n - i)) == 0)
      fputs("\xEF\xBF\xBD", f), i++;
    else fwrite(p + i, 1, k, f), i += k;
  }
}

/* ------------------------------------------------------------ fields */

static void field_set(hs_meta_field *f, const char *value, const char *text,
                      uint32_t s, uint32_t e, double conf, int given) {
  free(f->value);
  free(f->raw);
  f->value = hs_strdup(value);
  f->raw = text ? hs_strndup(text + s, e - s) : hs_strdup(value);
  f->start = given ? 0 : s;
  f->end = given ? 0 : e;
  f->confidence = conf;
  f->given = given;
}

static void field_clear(hs_meta_field *f) {
  free(f->value);
  free(f->raw);
  memset(f, 0, sizeof *f);
}

void hs_meta_clear(hs_meta *m) {
  if (!m) return;
  field_clear(&m->date);
  field_clear(&m->outlet);
  field_clear(&m->title);
  field_clear(&m->byline);
  field_clear(&m->original);
  free(m->boiler);
  hs_attributions_free(m->attr, m->nattr);
  memset(m, 0, sizeof *m);
}

static int in_ranges(const hs_range *r, size_t n, uint32_t s, uint32_t e) {
  size_t i;
  for (i = 0; i < n; i++)
    if (s < r[i].end && e > r[i].start) return 1;
  return 0;
}

static void trim_sp(const char *t, uint32_t *s, uint32_t *e) {
  while (*s < *e && (t[*s] == ' ' || t[*s] == '\t' || t[*s] == ':' ||
                     t[*s] == '-'))
    (*s)++;
  while (*e > *s && (t[*e - 1] == ' ' || t[*e - 1] == '\t' ||
                     t[*e - 1] == '\r' || t[*e - 1] == '.' ||
                     t[*e - 1] == ','))
    (*e)--;
}

static size_t count_words(const char *t, uint32_t s, uint32_t e) {
  size_t n = 0;
  int in = 0;
  for (; s < e; s++) {
    int sp = t[s] == ' ' || t[s] == '\t';
    if (!sp && !in) n++;
    in = !sp;
  }
  return n;
}

/* Byline prefixes: "By NAME", «بقلم», «كتب», «نویسنده:», «گزارش از». */
static const char *const byline_cues[] = {"by ", "بقلم ", "بقلم: ", "كتب: ",
                                          "كتب ", "نویسنده: ", "نویسنده:",
                                          "نویسنده ", NULL};
/* Publication cues raising a date's confidence. */
static const char *const pub_cues[] = {"published", "posted", "updated",
                                       "نشر", "تاريخ", "تاریخ", "منتشر",
                                       "dated", "date:", NULL};

/* 0: no publication cue within 40 bytes before `at`; 1: a cue; 2: a cue
** labelling the date, i.e. ending at most 12 bytes before it ("Date: Tue,
** 20 Apr 1993", "Published: 14 June 2024").  "date:" counts only at a line
** start, so the e-mail headers Resent-Date:, Delivery-Date: and
** X-Original-Date: (other events than the writing) are no cue. */
static int cue_before(const char *t, uint32_t at) {
  uint32_t s = at > 40 ? at - 40 : 0, i;
  int k, best = 0;
  for (k = 0; pub_cues[k]; k++)
    for (i = s; i < at; i++) {
      size_t n = strlen(pub_cues[k]);
      if (!hs_meta_starts_ci(t, i, at, pub_cues[k])) continue;
      if (strcmp(pub_cues[k], "date:") == 0 && i > 0 && t[i - 1] != '\n')
        continue;
      if (i + n + 12 >= at) return 2;
      best = 1;
    }
  return best;
}

/* The header zone: the bytes a publication date may come from.  An
** e-mail or Usenet header block (the text opens with "From " or a
** "Name: value" line) is all header up to its first blank line; else the
** zone is the first 8 non-blank, non-boilerplate lines, cut at the first
** line of running text after the headline (a line of more than 20 words,
** or one that ends with a full stop).  Returns the zone's end; a date
** in it must also sit on a line that is no running text (is_header_line). */
static uint32_t header_end(const char *t, uint32_t len, const hs_range *b,
                           size_t nb, int *is_mail) {
  uint32_t i = 0, e, lines = 0;
  int mail = len > 5 && (!memcmp(t, "From ", 5) || (t[0] >= 'A' &&
                                                    t[0] <= 'Z'));
  if (mail) {
    /* a header block: its first line is "Name: value" with no space in
    ** Name, or an mbox "From " line */
    uint32_t v;
    for (e = 0; e < len && e < 80 && t[e] != '\n' && t[e] != ' '; e++)
      if (t[e] == ':') break;
    /* ... with a value on the line: a scraped page's first line
    ** "Edition:" (a menu label) is no header */
    for (v = e + 1; v < len && (t[v] == ' ' || t[v] == '\t'); v++) {}
    mail = !memcmp(t, "From ", 5) ||
           (e < len && t[e] == ':' && e > 1 && v < len && t[v] != '\n' &&
            t[v] != '\r');
  }
  *is_mail = mail;
  if (mail) {
    /* the first blank line: from line break to line break by memchr (a
    ** byte loop's tests are calls in the fuzz build, and a message's
    ** header block is read by several rules of a document) */
    for (i = 0; i + 1 < len; i++) {
      const char *nl = memchr(t + i, '\n', len - 1 - i);
      if (!nl) break;
      i = (uint32_t)(nl - t);
      if (t[i + 1] == '\n' ||
          (t[i + 1] == '\r' && i + 2 < len && t[i + 2] == '\n'))
        return i;
    }
    return len;
  }
  while (i < len && lines < 8) {
    uint32_t s = i, ls, le, w = 0;
    int in = 0;
    e = hs_meta_eol(t, i, len);
    i = e + 1;
    ls = s, le = e;
    trim_sp(t, &ls, &le);
    if (ls == le || in_ranges(b, nb, s, e)) continue;
    lines++;
    for (; ls < le && w <= 20; ls++) { /* only w > 20 is asked */
      int sp = t[ls] == ' ' || t[ls] == '\t';
      if (!sp && !in) w++;
      in = !sp;
    }
    if (lines > 1 && (w > 20 || (e > s && (t[e - 1] == '.' ||
                                            (e > s + 1 && t[e - 1] == '\r' &&
                                             t[e - 2] == '.')))))
      return s;
  }
  return i > len ? len : i;
}

uint32_t hs_meta_mail_block(const char *t, uint32_t len) {
  int mail = 0;
  uint32_t e = t && len ? header_end(t, len, NULL, 0, &mail) : 0;
  return mail ? e : 0;
}

/* t[s, p) is a place opening a dateline: 1 to 4 capitalised words, then
** ", " ("Vatican City, Jan 24, 2018 / 04:26 am (CNA/EWTN News).- In his
** message ..."). */
static int place_before(const char *t, uint32_t s, uint32_t p) {
  uint32_t i, w = 0;
  if (p - s < 4 || p - s > 40 || t[p - 1] != ' ' || t[p - 2] != ',')
    return 0;
  for (i = s; i < p - 2; i++) {
    if (i == s || t[i - 1] == ' ') {
      if (!(t[i] >= 'A' && t[i] <= 'Z')) return 0;
      w++;
    } else if (!((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' &&
                 t[i] <= 'Z') || t[i] == ' ' || t[i] == '.' || t[i] == '-'))
      return 0;
  }
  return w >= 1 && w <= 4;
}

/* A date's line is a header line when a publication cue labels the date
** ("Published: 14 June 2024", "Date: Tue, 20 Apr 1993"), or the date opens
** the line (a dateline) or follows a place that opens it ("Vatican City,
** Jan 24, 2018 / 04:26 am (CNA/EWTN News).- In ..."), or the line is short (at most 14 words, a word
** holding a letter or a digit: "|" and "--" between a byline's fields are
** none) and no prose: at most 3 words outside the date start with a lower-case ASCII
** letter (so a hard-wrapped body line "the deal signed on 14 May 1953
** was" is no header line).  In an e-mail header block (mail) only a
** labelled date, the mbox "From " line and "Received:" lines count, and
** of a message with a Date: header (mail == 2) only that header: a date
** it does not give in a readable form ("Wed, 05 Jun 0102") is no date,
** not its transport's, and a transport date with a two-digit year ("Wed,
** 28 Apr 93 11:09:51") does not count either. */
/* 1 if the date's year is written with two ASCII digits ("29 Jul 01
** 11:34", "4-13-16"): no digit 3 bytes before its end (nor a byte of
** another script's digit). */
static int year2(const char *t, const hs_date *v) {
  unsigned char c;
  if (v->end - v->start < 3) return 0;
  c = (unsigned char)t[v->end - 3];
  return !((c >= '0' && c <= '9') || c >= 0x80);
}

static int header_line(const char *t, uint32_t len, const hs_date *v,
                       int cue, int mail) {
  uint32_t s = v->start, e = v->end, lower = 0, w = 0, i;
  int in = 0;
  if (cue == 2) return 1;
  while (s > 0 && t[s - 1] != '\n') s--;
  e = hs_meta_eol(t, e, len);
  if (mail == 2 || (mail && year2(t, v))) return 0;
  if (mail)
    return (e - s > 5 && !memcmp(t + s, "From ", 5)) ||
           (e - s > 9 && !memcmp(t + s, "Received:", 9)) || t[s] == ' ' ||
           t[s] == '\t';
  if (v->start - s < 4 || place_before(t, s, v->start)) return 1;
  for (i = s; i < e; i++) {
    int sp = t[i] == ' ' || t[i] == '\t';
    if (!sp && !in) {
      /* a word holds a letter or a digit: "|", "--" separate fields */
      uint32_t q = i;
      while (q < e && t[q] != ' ' && t[q] != '\t' &&
             !((t[q] >= 'a' && t[q] <= 'z') || (t[q] >= 'A' && t[q] <= 'Z') ||
               (t[q] >= '0' && t[q] <= '9') || (unsigned char)t[q] >= 0x80))
        q++;
      w += q < e && t[q] != ' ' && t[q] != '\t';
      if ((i < v->start || i >= v->end) && t[i] >= 'a' && t[i] <= 'z')
        lower++;
    }
    in = !sp;
  }
  return w <= 14 && lower <= 3;
}

/* 1 if the header block t[0, hz) has a "Date:" line (a line break
** found by memchr, as in header_end). */
static int mail_dated(const char *t, uint32_t hz) {
  uint32_t i = 0;
  for (;;) {
    const char *nl;
    if (hz - i > 5 && hs_meta_starts_ci(t, i, hz, "date:")) return 1;
    if (i >= hz || !(nl = memchr(t + i, '\n', hz - i))) return 0;
    i = (uint32_t)(nl - t) + 1;
  }
}

static void find_date(const hs_doc *d, hs_meta *m, const hs_page_start *art) {
  hs_date v[80];
  uint32_t len = d->len > UINT32_MAX ? UINT32_MAX : (uint32_t)d->len;
  int mail = 0;
  uint32_t hz = header_end(d->text, len, m->boiler, m->nboiler, &mail);
  /* a scraped page whose article starts below its furniture: the header
  ** zone is the lines around its headline, not the page's first lines */
  uint32_t zs = art && art->found ? art->zone_s : 0;
  uint32_t ze = art && art->found ? art->zone_e : 0;
  if (art && art->found && art->line >= 8 && !mail) hz = 0;
  if (mail && mail_dated(d->text, hz)) mail = 2;
  size_t n, nz = 0, i, best = SIZE_MAX;
  double bs = -1;
  int cue;
  /* the article's zone first: a long page's first 64 dates may all be
  ** above it */
  if (ze > zs) {
    nz = hs_date_scan(d->text + zs, ze - zs, v, 16);
    for (i = 0; i < nz; i++) v[i].start += zs, v[i].end += zs;
  }
  n = nz + hs_date_scan(d->text, d->len, v + nz, 64);
  for (i = 0; i < n; i++) {
    double sc = v[i].confidence;
    if (i >= nz && v[i].start >= zs && v[i].end <= ze) continue; /* seen */
    if (in_ranges(m->boiler, m->nboiler, v[i].start, v[i].end)) continue;
    if (art && v[i].start >= art->list_s && v[i].end <= art->list_e) {
      m->nbody_dates++; /* a teaser's date, another article's */
      continue;
    }
    cue = cue_before(d->text, v[i].start);
    if ((v[i].start >= hz && !(v[i].start >= zs && v[i].end <= ze)) ||
        !header_line(d->text, len, &v[i], cue, mail)) {
      m->nbody_dates++;  /* mentioned in the body: never the date */
      continue;
    }
    if (v[i].start < 600) sc += 0.05;
    if (cue) sc += cue == 2 ? 0.15 : 0.1;
    if (sc > bs) bs = sc, best = i;
  }
  if (best != SIZE_MAX) {
    char iso[16];
    snprintf(iso, sizeof iso, "%04d-%02d-%02d", v[best].year, v[best].month,
             v[best].day);
    field_set(&m->date, iso, d->text, v[best].start, v[best].end,
              bs > 1.0 ? 1.0 : bs, 0);
    m->date_ambiguous = v[best].ambiguous;
    m->date_source = "header";
    return;
  }
  {
    int y, mo, dd;
    if (hs_url_date(d->url, &y, &mo, &dd)) {
      char iso[16];
      snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, mo, dd);
      field_set(&m->date, iso, NULL, 0, 0, 0.7, 1);
      free(m->date.raw);
      m->date.raw = hs_strdup(d->url);
      m->date.given = 2; /* from the URL: no span, not given */
      m->date_source = "url";
      return;
    }
  }
  /* a republished page's "Source: http://site.com/2018/01/22/..." line:
  ** the original's date */
  {
    uint32_t hs, he, us, ue;
    int y, mo, dd;
    char *u;
    if (!hs_pg_source_address(d->text, len, &hs, &he, &us, &ue)) return;
    u = hs_strndup(d->text + us, ue - us);
    if (hs_url_date(u, &y, &mo, &dd)) {
      char iso[16];
      snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, mo, dd);
      field_set(&m->date, iso, d->text, us, ue, 0.65, 0);
      m->date_source = "credit";
    }
    free(u);
  }
}

/* A line [s, e) of message ids alone ("<1r8ufk$fr7@usenet.cwru.edu>
** <1993Apr23.17@telxon.com>"): a References: list whose label is lost,
** not a folded subject's part. */
static int msgid_line(const char *t, uint32_t s, uint32_t e) {
  int n = 0;
  while (s < e) {
    const char *gt;
    if (t[s] == ' ' || t[s] == '\t' || t[s] == '\r') {
      s++;
      continue;
    }
    if (t[s] != '<' || !(gt = memchr(t + s, '>', e - s))) return 0;
    if (!memchr(t + s, '@', (size_t)(gt - (t + s))) ||
        memchr(t + s, ' ', (size_t)(gt - (t + s))))
      return 0;
    s = (uint32_t)(gt - t) + 1;
    n++;
  }
  return n > 0;
}

/* The Subject: line of an e-mail or Usenet header block [0, hz): its
** value's bytes in *vs, *ve (a folded value runs on over the lines that
** open with a space or tab); 0 when the block has none or it is empty. */
static int mail_subject(const char *t, uint32_t hz, uint32_t *vs,
                        uint32_t *ve) {
  uint32_t i, e;
  for (i = 0; i < hz; i = e + 1) {
    e = hs_meta_eol(t, i, hz);
    if (!hs_meta_starts_ci(t, i, e, "subject:")) continue;
    *vs = i + 8;
    while (e + 1 < hz && (t[e + 1] == ' ' || t[e + 1] == '\t') &&
           !msgid_line(t, e + 1, hs_meta_eol(t, e + 1, hz)))
      e = hs_meta_eol(t, e + 1, hz);
    *ve = e;
    trim_sp(t, vs, ve);
    return *ve > *vs;
  }
  return 0;
}

static int is_iso_prefix(const char *s) {
  int k;
  for (k = 0; k < 10; k++) {
    if (k == 4 || k == 7) {
      if (s[k] != '-') return 0;
    } else if (s[k] < '0' || s[k] > '9') {
      return 0;
    }
  }
  return 1;
}

int hs_meta_extract(const hs_doc *d, const hs_aliases *aliases,
                    const hs_range_list *boiler, hs_meta *m, hs_error *err) {
  uint32_t len, i, s, e;
  size_t k;
  int rc;
  unsigned char by_lead[256];
  hs_page_start art = {0};
  memset(m, 0, sizeof *m);
  if (!d) return hs_error_set(err, HS_EUSAGE, "no document");
  if (d->text) {
    hs_range *fx = NULL;
    size_t nfx = 0, cap = 0;
    if ((rc = hs_boiler_find(d->text, d->len, &fx, &nfx, err))) return rc;
    /* union of the fixed ranges and the given ones, sorted, merged */
    cap = nfx + (boiler ? boiler->n : 0);
    m->boiler = hs_calloc(cap + 1, sizeof *m->boiler);
    {
      size_t a = 0, b = 0, bn = boiler && boiler->r ? boiler->n : 0;
      while (a < nfx || b < bn) {
        hs_range r;
        if (b >= bn || (a < nfx && fx[a].start <= boiler->r[b].start))
          r = fx[a++];
        else
          r = boiler->r[b++];
        if (m->nboiler && r.start <= m->boiler[m->nboiler - 1].end + 1) {
          if (r.end > m->boiler[m->nboiler - 1].end)
            m->boiler[m->nboiler - 1].end = r.end;
        } else {
          m->boiler[m->nboiler++] = r;
        }
      }
    }
    free(fx);
  }
  if (d->text) hs_page_start_find(d->text, d->len, m->boiler, m->nboiler, &art);
  if (d->date && *d->date) {
    char iso[11];
    if (strlen(d->date) >= 10 && is_iso_prefix(d->date)) {
      memcpy(iso, d->date, 10);
      iso[10] = 0;
      field_set(&m->date, iso, NULL, 0, 0, 1.0, 1);
      free(m->date.raw);
      m->date.raw = hs_strdup(d->date);
    } else {
      hs_date dt;
      if (hs_date_find(d->date, strlen(d->date), &dt)) {
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", dt.year, dt.month, dt.day);
        field_set(&m->date, iso, NULL, 0, 0, 1.0, 1);
      } else {
        field_set(&m->date, d->date, NULL, 0, 0, 1.0, 1);
      }
      free(m->date.raw);
      m->date.raw = hs_strdup(d->date);
    }
    m->date_source = "metadata";
  } else if (d->text || d->url) {
    if (d->text) find_date(d, m, &art);
    else {
      hs_doc u = *d;
      u.text = "";
      u.len = 0;
      find_date(&u, m, NULL);
    }
  }
  if ((m->outlet_source = hs_page_site(d, aliases, &m->outlet))) {
    /* an HTML page's site; a wire credit of its text ("WASHINGTON
    ** (Reuters) -", "Source: X") that differs is the original */
    hs_meta_field o = {0}, g = {0};
    hs_doc u = *d;
    const char *s2;
    u.series = NULL;
    s2 = hs_page_outlet(&u, aliases, m->boiler, m->nboiler, &o, &g);
    if (s2 && (!strcmp(s2, "dateline") || !strcmp(s2, "credit")) &&
        strcmp(o.value, m->outlet.value)) {
      m->original = o;
      memset(&o, 0, sizeof o);
    }
    field_clear(&o);
    field_clear(&g);
  } else if (d->series && *d->series) {
    field_set(&m->outlet, d->series, NULL, 0, 0, 1.0, 1);
    m->outlet_source = "metadata";
  } else {
    m->outlet_source = hs_page_outlet(d, aliases, m->boiler, m->nboiler,
                                      &m->outlet, &m->original);
  }
  if (d->title && *d->title) {
    field_set(&m->title, d->title, NULL, 0, 0, 1.0, 1);
    hs_page_site_title(d, aliases, &m->outlet, &m->title);
  }
  if (!d->text) return HS_OK;
  len = d->len > UINT32_MAX ? UINT32_MAX : (uint32_t)d->len;
  /* an e-mail or Usenet message: its Subject: line (not the From: line
  ** that opens it, nor a line of its body) */
  if (!m->title.value) {
    int mail = 0;
    uint32_t hz = header_end(d->text, len, m->boiler, m->nboiler, &mail), vs,
             ve;
    if (mail && mail_subject(d->text, hz, &vs, &ve)) {
      char *v = hs_strndup(d->text + vs, ve - vs), *p, *q;
      for (p = q = v; *p; p++) /* a folded value: one space */
        if (*p == '\r' || *p == '\n') continue;
        else if ((*p == ' ' || *p == '\t') && q > v && q[-1] == ' ') continue;
        else *q++ = *p == '\t' ? ' ' : *p;
      *q = 0;
      { /* its encoded words ("=?utf-8?B?...?=") decoded */
        char *w = hs_mime_words(v, strlen(v));
        if (w) free(v), v = w;
      }
      field_set(&m->title, v, d->text, vs, ve, 0.9, 0);
      free(v);
    }
  }
  /* the page's first line over a site's ticker (title.c) */
  if (!m->title.value)
    hs_page_ticker_title(d, m->boiler, m->nboiler, &m->title);
  /* the headline over the article's first paragraph (article_start.c),
  ** unless it is the outlet's masthead; else the first-lines rule */
  {
    hs_page_start h = art; /* the headline's shape checked; the header
                           ** zone of the dates stays the article's */
    hs_hl_adjust(d->text, d->len > UINT32_MAX ? UINT32_MAX : (uint32_t)d->len,
                 &h);
    art.found = h.found, art.head_s = h.head_s, art.head_e = h.head_e;
    /* a site's plea over every article ("Subscribe to Canada Free Press
    ** for FREE") is no headline: the first-lines rule reads past it */
    if (art.found && hs_pg_plea_line(d->text, art.head_s, art.head_e))
      art.found = 0;
  }
  if (!m->title.value && art.found &&
      !(m->outlet.raw && !m->outlet.given &&
        strlen(m->outlet.raw) == art.head_e - art.head_s &&
        !memcmp(d->text + art.head_s, m->outlet.raw, strlen(m->outlet.raw)))) {
    char *v = hs_strndup(d->text + art.head_s, art.head_e - art.head_s);
    field_set(&m->title, v, d->text, art.head_s, art.head_e, art.confidence,
              0);
    free(v);
  }
  if (!m->title.value && !art.furniture)
    hs_page_title(d, aliases, m->boiler, m->nboiler, &m->outlet, &m->title);
  /* a republished page: the line its credit's address spells */
  if (!(d->title && *d->title) && !hs_meta_mail_block(d->text, len)) {
    uint32_t hs, he, us, ue, ts, te;
    if (hs_pg_source_address(d->text, len, &hs, &he, &us, &ue) &&
        hs_slug_headline(d->text, len, us, ue, &ts, &te)) {
      char *v = hs_strndup(d->text + ts, te - ts);
      field_set(&m->title, v, d->text, ts, te, 0.75, 0);
      free(v);
    }
  }
  /* the bytes that open a byline cue: a line is tried against the cues
  ** only when one opens it (one table test a line, not one compare a cue) */
  memset(by_lead, 0, sizeof by_lead);
  for (k = 0; byline_cues[k]; k++) by_lead[(unsigned char)byline_cues[k][0]] = 1;
  for (i = 0; i < len; i = e + 1) {
    uint32_t ls, le;
    e = hs_meta_eol(d->text, i, len);
    s = i;
    ls = s, le = e;
    trim_sp(d->text, &ls, &le);
    if (ls == le) continue;
    if (m->byline.value || !by_lead[hs_ascii_lower[(unsigned char)d->text[ls]]])
      continue;
    if (in_ranges(m->boiler, m->nboiler, ls, le)) continue;
    for (k = 0; byline_cues[k] && !m->byline.value; k++) {
      uint32_t q = ls, qe = le;
      size_t nw;
      if (!hs_meta_starts_ci(d->text, ls, le, byline_cues[k])) continue;
      q += (uint32_t)strlen(byline_cues[k]);
      trim_sp(d->text, &q, &qe);
      nw = count_words(d->text, q, qe);
      if (nw == 0 || nw > 8 || qe - q > 100) continue;
      if (k == 0 && !(d->text[q] >= 'A' && d->text[q] <= 'Z')) continue;
      {
        char *v = hs_strndup(d->text + q, qe - q);
        field_set(&m->byline, v, d->text, q, qe, 0.8, 0);
        free(v);
      }
    }
  }
  if ((rc = hs_attrib_extract(d->text, len, aliases, &m->attr, &m->nattr,
                              err)))
    return rc;
  /* attributions inside boilerplate are furniture ("Source: X" lines
  ** stay: they name the outlet, and are not marked) */
  {
    size_t a, w = 0;
    for (a = 0; a < m->nattr; a++) {
      if (in_ranges(m->boiler, m->nboiler, m->attr[a].src_start,
                    m->attr[a].src_end)) {
        free(m->attr[a].source);
        free(m->attr[a].normalized);
        continue;
      }
      m->attr[w++] = m->attr[a];
    }
    m->nattr = w;
  }
  return HS_OK;
}

/* ------------------------------------------------------------ JSONL */

static void write_field(FILE *f, const char *name, const hs_meta_field *v) {
  fprintf(f, ",\"%s\":", name);
  if (!v->value) {
    fputs("null", f);
    return;
  }
  fputs("{\"value\":", f);
  hs_json_str(f, v->value);
  fputs(",\"raw\":", f);
  hs_json_str(f, v->raw);
  if (v->given) fputs(",\"start\":null,\"end\":null", f);
  else fprintf(f, ",\"start\":%u,\"end\":%u", v->start, v->end);
  fprintf(f, ",\"confidence\":%.2f,\"source\":\"%s\"}", v->confidence,
          v->given == 2 ? "url" : v->given ? "given" : "text");
}

int hs_meta_write_jsonl(FILE *f, const hs_doc *d, const hs_meta *m,
                        hs_error *err) {
  size_t i, j;
  fputs("{\"doc\":", f);
  hs_json_str(f, d->id);
  write_field(f, "date", &m->date);
  if (m->date.value) {
    /* ambiguity sits inside the date object: reopen is not possible, so
    ** it is a sibling field */
    fprintf(f, ",\"date_ambiguous\":%s", m->date_ambiguous ? "true" : "false");
    /* an ambiguous day/month is never silently one reading: the other
    ** one (day first, "03/04/2019" as 3 April) is printed beside it */
    if (m->date_ambiguous && strlen(m->date.value) == 10) {
      const char *v = m->date.value;
      fprintf(f, ",\"date_alternative\":\"%.4s-%.2s-%.2s\"", v, v + 8, v + 5);
    }
  }
  fputs(",\"date_source\":", f);
  if (m->date.value) hs_json_str(f, m->date_source ? m->date_source : "text");
  else fputs("null", f);
  if (m->date.value) fprintf(f, ",\"date_confidence\":%.2f", m->date.confidence);
  else fputs(",\"date_confidence\":null", f);
  fprintf(f, ",\"body_dates\":%zu", m->nbody_dates);
  write_field(f, "outlet", &m->outlet);
  fputs(",\"outlet_source\":", f);
  if (m->outlet.value)
    hs_json_str(f, m->outlet_source ? m->outlet_source : "text");
  else fputs("null", f);
  write_field(f, "original_outlet", &m->original);
  write_field(f, "title", &m->title);
  write_field(f, "byline", &m->byline);
  fputs(",\"boilerplate\":[", f);
  for (i = 0; i < m->nboiler; i++)
    fprintf(f, "%s[%u,%u]", i ? "," : "", m->boiler[i].start, m->boiler[i].end);
  fputs("],\"attributions\":[", f);
  for (i = 0; i < m->nattr; i++) {
    const hs_attribution *a = &m->attr[i];
    int first = 1;
    fputs(i ? ",{\"source\":" : "{\"source\":", f);
    hs_json_str(f, a->source);
    fputs(",\"normalized\":", f);
    hs_json_str(f, a->normalized);
    fprintf(f, ",\"type\":\"%s\",\"cue\":", hs_source_type_name(a->type));
    hs_json_str(f, a->cue);
    fprintf(f, ",\"source_span\":[%u,%u],\"content_span\":", a->src_start,
            a->src_end);
    if (a->content_end > a->content_start)
      fprintf(f, "[%u,%u]", a->content_start, a->content_end);
    else
      fputs("null", f);
    fputs(",\"chain\":[", f);
    {
      /* citing end first: members by chain_pos */
      int pos, more = 1;
      for (pos = 0; more; pos++) {
        more = 0;
        for (j = 0; j < m->nattr; j++)
          if (m->attr[j].chain == a->chain && m->attr[j].chain_pos == pos) {
            if (!first) putc(',', f);
            hs_json_str(f, m->attr[j].normalized);
            first = 0;
            more = 1;
            break;
          }
      }
    }
    fprintf(f, "],\"chain_pos\":%d,\"denial\":%s,\"vague\":%s,"
            "\"resolved\":%s}", a->chain_pos, a->denial ? "true" : "false",
            a->vague ? "true" : "false", a->resolved ? "true" : "false");
  }
  fputs("]}\n", f);
  if (ferror(f))
    return hs_error_set(err, HS_EIO, "cannot write the output (disk full or "
                                     "closed pipe?)");
  return HS_OK;
}
