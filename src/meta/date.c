/*
** date.c — dates written in news text, in English, Arabic, Persian and
** Russian, converted to the Gregorian calendar.
**
** Forms are tried at the start of every word; each is one row of its
** language's table below (en_forms, ar_forms, fa_forms), and a date may be preceded by a
** weekday name ("Saturday, ", "الجمعة ", "جمعه ") which is then part of
** its span.  Digits may be ASCII, Arabic-Indic (٠-٩) or Persian (۰-۹).
** Accepted forms (D day, M month name, N month number, Y 4-digit year):
**
**   en  iso          2024-06-14, 2024-06-14T08:00Z           conf 0.95
**   en  mdy          October 13th, 2018 / Dec. 30 2017 / Sept 3, 2019  0.9
**   en  dmy          14 June 2024 / 14th of June, 2024 / the RFC 2822
**                    e-mail date Tue, 20 Apr 1993 14:12:08 GMT, and its
**                    two-digit year before a time (29 Jul 01 11:34:44)  0.9
**   en  ctime        Thu Aug 22 12:36:23 2002 (mbox "From " lines,
**                    C asctime: month day hh:mm[:ss] [zone] year) 0.85
**   en  numeric      9/7/2017, 09.07.2017 (D/N/Y or N/D/Y: month first
**                    when both fit, and then reported ambiguous)  0.6 / 0.4;
**                    a two-digit year before a time ("11/19/19 06:56 AM")
**                    or alone on its line ("4-13-16")
**                    15/04/1436 (year 1300–1499: day first, Hijri, or
**                    Solar Hijri when the text uses Persian letters) 0.6
**   ar  dmy          14 يونيو 2024 / ١٤ حزيران ٢٠٢٤ م (Egyptian and
**                    Levantine month names)                   0.9
**   ar  hijri        5 رمضان 1445 هـ / ٥ ذو الحجة ١٤٤٥ (converted from
**                    the tabular Islamic calendar)            0.8
**   fa  solar-hijri  ۲۵ اسفند ۱۴۰۲ / 1 فروردین 1403 (converted)  0.9
**   fa  dmy          ۱۴ ژوئن ۲۰۲۴ (Gregorian months in Persian)  0.9
**   fa  ymd-sh       ۱۴۰۳/۰۱/۰۱, 1403-01-01 (year 1300–1499: Solar Hijri
**                    when the text uses Persian letters, else Hijri) 0.7
**   ar  ymd          2024/06/14                               0.8
**   ru  dmy          19 ноября 2019 / 19 ноября 2019 г. / 1 май 2020
**                    (genitive or nominative month names)     0.9
**
** "Published:", "Posted", "Updated", «نشر في», «تاريخ النشر», «تاریخ
** انتشار» just before a date, or a date in the first 600 bytes, raise
** its confidence (see src/meta/fields.c).
**
** Calendars: the Hijri conversion is the tabular (arithmetic) calendar
** with the civil epoch (1 Muharram 1 AH = 16 July 622 Julian) and leap
** years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year cycle; it
** can differ by a day or two from the observed or Umm al-Qura calendar
** (1 Muharram 1446 is 8 July 2024 here, 7 July 2024 in Umm al-Qura).
** The Solar Hijri conversion uses the 33-year arithmetic rule (a year is
** leap when (25y + 11) mod 33 < 8), which agrees with the astronomical
** calendar for 1178–1633 SH, i.e. for every date a news corpus holds.
*/
#include <string.h>

#include "hearsay.h"
#include "meta/meta_int.h"

/* ------------------------------------------------------------ calendar */

static void jdn_to_gregorian(long jdn, int *y, int *m, int *d) {
  long a = jdn + 32044, b = (4 * a + 3) / 146097, c = a - 146097 * b / 4;
  long dd = (4 * c + 3) / 1461, e = c - 1461 * dd / 4, mm = (5 * e + 2) / 153;
  *d = (int)(e - (153 * mm + 2) / 5 + 1);
  *m = (int)(mm + 3 - 12 * (mm / 10));
  *y = (int)(100 * b + dd - 4800 + mm / 10);
}

static int greg_days_in_month(int y, int m) {
  static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return dm[m - 1];
}

int hs_date_valid(int y, int m, int d) {
  return y >= 1000 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 &&
         d <= greg_days_in_month(y, m);
}

int hs_hijri_to_gregorian(int y, int m, int d, int *gy, int *gm, int *gd) {
  long jdn;
  int leap = (14 + 11 * y) % 30 < 11;
  int mlen = (m % 2 == 1) ? 30 : 29;
  if (m == 12 && leap) mlen = 30;
  if (y < 1 || y > 3000 || m < 1 || m > 12 || d < 1 || d > mlen) return -1;
  jdn = d + (long)((59 * (m - 1) + 1) / 2) + (long)(y - 1) * 354 +
        (3 + 11L * y) / 30 + 1948439;
  jdn_to_gregorian(jdn, gy, gm, gd);
  return 0;
}

static int persian_leap(int y) { return (25 * y + 11) % 33 < 8; }

int hs_persian_to_gregorian(int y, int m, int d, int *gy, int *gm, int *gd) {
  long jdn, leaps;
  int k, r, mlen;
  if (y < 1 || y > 3000 || m < 1 || m > 12) return -1;
  mlen = m <= 6 ? 31 : m <= 11 ? 30 : (persian_leap(y) ? 30 : 29);
  if (d < 1 || d > mlen) return -1;
  leaps = 8L * ((y - 1) / 33);
  r = (y - 1) % 33;
  for (k = 1; k <= r; k++) leaps += persian_leap(k);
  jdn = 1948319 + 365L * (y - 1) + leaps +
        (m <= 7 ? 31L * (m - 1) : 186 + 30L * (m - 7)) + d;
  jdn_to_gregorian(jdn, gy, gm, gd);
  return 0;
}

/* ------------------------------------------------------------ tables */

#include "meta/date_names.h"

/* Russian months, genitive ("19 ноября 2019") then nominative, lower case
** as dates are written; a trailing "г." or "года" is taken with the year. */
static const name_row ru_months[] = {
    {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5},
    {"июня", 6}, {"июля", 7}, {"августа", 8}, {"сентября", 9},
    {"октября", 10}, {"ноября", 11}, {"декабря", 12}, {"январь", 1},
    {"февраль", 2}, {"март", 3}, {"апрель", 4}, {"май", 5}, {"июнь", 6},
    {"июль", 7}, {"август", 8}, {"сентябрь", 9}, {"октябрь", 10},
    {"ноябрь", 11}, {"декабрь", 12}, {NULL, 0}};

/* ------------------------------------------------------------ scanning */

/* The name tables by first byte (generated/date_index.h, written at build
** time by date_index_gen.c from date_names.h): date_head[t][c] is 1 + the
** first row of table t whose first byte, lower-cased, is c (0: none), and
** date_next[t][k] 1 + the next row after k with the same first byte; so
** most word starts, and most numbers followed by a word, are given up
** after one look, and a name is compared only with the rows that share its
** first byte, in table order (of two rows that can match at one place,
** the first wins).  Built on every scan before, it cost more than the
** scan of a short line. */
#include "date_index.h"

typedef struct scan {
  const unsigned char *s;
  size_t len;
} scan;

/* Value of the digit at s[i] (ASCII, Arabic-Indic, Persian) and its byte
** length in *w, or -1. */
static int digit_at(const scan *sc, size_t i, size_t *w) {
  const unsigned char *s = sc->s;
  if (i < sc->len && s[i] >= '0' && s[i] <= '9') {
    *w = 1;
    return s[i] - '0';
  }
  if (i + 1 < sc->len && s[i] == 0xD9 && s[i + 1] >= 0xA0 && s[i + 1] <= 0xA9) {
    *w = 2;
    return s[i + 1] - 0xA0;
  }
  if (i + 1 < sc->len && s[i] == 0xDB && s[i + 1] >= 0xB0 && s[i + 1] <= 0xB9) {
    *w = 2;
    return s[i + 1] - 0xB0;
  }
  return -1;
}

/* A number of 1..maxd digits at *i; returns value or -1 (and then *i is
** unchanged).  Fails if more digits follow. */
static long number_at(const scan *sc, size_t *i, int maxd, int *ndig) {
  size_t j = *i, w;
  long v = 0;
  int n = 0, dv;
  while ((dv = digit_at(sc, j, &w)) >= 0) {
    if (++n > maxd) return -1;
    v = v * 10 + dv;
    j += w;
  }
  if (n == 0) return -1;
  *ndig = n;
  *i = j;
  return v;
}

static int is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c >= 0x80;
}

/* 1 if the letter (ASCII or Arabic-script) at i continues a word. */
static int letter_at(const scan *sc, size_t i) {
  size_t w;
  if (i >= sc->len) return 0;
  if (digit_at(sc, i, &w) >= 0) return 1;
  if (sc->s[i] == 0xE2 || sc->s[i] == 0xC2) return 0; /* NBSP, dashes */
  if (sc->s[i] == 0xD8 && i + 1 < sc->len && sc->s[i + 1] == 0x8C)
    return 0; /* Arabic comma */
  return is_word_byte(sc->s[i]);
}

/* Match a name of table tab at *i (ASCII case-insensitive), whole word;
** returns its value or 0. */
static int name_at(const scan *sc, size_t *i, int tab) {
  const name_row *t;
  int k;
  if (tab == T_RU) {
    /* not indexed (the index is built every scan): tried only after a
    ** day number, where a Cyrillic letter (0xD0/0xD1) opens the word */
    if (*i >= sc->len || (sc->s[*i] != 0xD0 && sc->s[*i] != 0xD1)) return 0;
    for (k = 0; ru_months[k].name; k++) {
      size_t n = strlen(ru_months[k].name);
      if (*i + n <= sc->len && !memcmp(sc->s + *i, ru_months[k].name, n) &&
          !letter_at(sc, *i + n)) {
        *i += n;
        return ru_months[k].value;
      }
    }
    return 0;
  }
  t = tables[tab];
  unsigned char c0 = *i < sc->len ? (unsigned char)sc->s[*i] : 0;
  if (c0 >= 'A' && c0 <= 'Z') c0 = (unsigned char)(c0 + 32);
  for (k = date_head[tab][c0] - 1; k >= 0; k = date_next[tab][k] - 1) {
    size_t n, j;
    /* the first byte is the chain's; the name is read as it is compared
    ** (no strlen), and a text too short for it fails on its end */
    for (j = 1; t[k].name[j]; j++)
      if (*i + j >= sc->len ||
          hs_ascii_lower[sc->s[*i + j]] != (unsigned char)t[k].name[j])
        break;
    if (t[k].name[j]) continue;
    n = j;
    if (t[k].name[n - 1] != '.' && letter_at(sc, *i + n)) continue;
    *i += n;
    return t[k].value;
  }
  return 0;
}

/* Skip spaces, commas and the like (at most 8 bytes). */
static void skip_sep(const scan *sc, size_t *i, int comma) {
  size_t j = *i;
  while (j < sc->len && j - *i < 8) {
    unsigned char c = sc->s[j];
    if (c == ' ' || c == '\t') j++;
    else if (comma && c == ',') j++;
    else if (c == 0xC2 && j + 1 < sc->len && sc->s[j + 1] == 0xA0) j += 2;
    else if (comma && c == 0xD8 && j + 1 < sc->len && sc->s[j + 1] == 0x8C)
      j += 2; /* Arabic comma */
    else break;
  }
  *i = j;
}

static int skip_lit(const scan *sc, size_t *i, const char *lit) {
  size_t n = strlen(lit), j;
  if (*i + n > sc->len) return 0;
  for (j = 0; j < n; j++) {
    unsigned char a = sc->s[*i + j];
    if (a >= 'A' && a <= 'Z') a = (unsigned char)(a + 32);
    if (a != (unsigned char)lit[j]) return 0;
  }
  *i += n;
  return 1;
}

static void skip_ordinal(const scan *sc, size_t *i) {
  if (!skip_lit(sc, i, "st") && !skip_lit(sc, i, "nd") &&
      !skip_lit(sc, i, "rd"))
    skip_lit(sc, i, "th");
}

static long year_at(const scan *sc, size_t *i) {
  int nd = 0;
  size_t j = *i;
  long y = number_at(sc, &j, 4, &nd);
  if (y < 0 || nd != 4) return -1;
  *i = j;
  return y;
}

static void scan_init(scan *sc, const char *text, size_t len) {
  sc->s = (const unsigned char *)text;
  sc->len = len;
}

/* The byte at i lower-cased as name_at compares it (0 past the end). */
static unsigned char lower_at(const scan *sc, size_t i) {
  unsigned char c = i < sc->len ? sc->s[i] : 0;
  return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static int has_persian_letters(const scan *sc) {
  size_t i, lim = sc->len < 4096 ? sc->len : 4096;
  for (i = 0; i + 1 < lim; i++) {
    unsigned char a = sc->s[i], b = sc->s[i + 1];
    /* پ U+067E, چ U+0686, ژ U+0698, گ U+06AF, ی U+06CC, ک U+06A9 */
    if ((a == 0xD9 && b == 0xBE) || (a == 0xDA && (b == 0x86 || b == 0x98 ||
                                                   b == 0xAF || b == 0xA9)) ||
        (a == 0xDB && b == 0x8C))
      return 1;
  }
  return 0;
}

/* ------------------------------------------------------------ forms */

typedef struct found {
  int y, m, d, cal, ambiguous;
  double conf;
} found;

typedef int (*form_fn)(const scan *sc, size_t *i, found *f);

static int form_iso(const scan *sc, size_t *i, found *f) {
  size_t j = *i;
  int nd;
  long y = year_at(sc, &j), m, d;
  if (y < 1000 || y > 2999 || !skip_lit(sc, &j, "-")) return 0;
  if ((m = number_at(sc, &j, 2, &nd)) < 0 || nd != 2 || !skip_lit(sc, &j, "-"))
    return 0;
  if ((d = number_at(sc, &j, 2, &nd)) < 0 || nd != 2) return 0;
  if (j < sc->len && (sc->s[j] == 'T' || sc->s[j] == 't')) {
    size_t k = j + 1;
    int nh;
    if (number_at(sc, &k, 2, &nh) >= 0 && nh == 2 && skip_lit(sc, &k, ":") &&
        number_at(sc, &k, 2, &nh) >= 0) {
      j = k;
      if (skip_lit(sc, &j, ":")) number_at(sc, &j, 2, &nh);
      if (j < sc->len && (sc->s[j] == 'Z' || sc->s[j] == 'z')) j++;
    }
  } else if (letter_at(sc, j)) {
    return 0;
  }
  f->y = (int)y, f->m = (int)m, f->d = (int)d, f->conf = 0.95;
  f->cal = HS_CAL_GREGORIAN;
  *i = j;
  return 1;
}

static int form_mdy(const scan *sc, size_t *i, found *f) {
  size_t j = *i;
  int m, nd;
  long d, y;
  if (!(m = name_at(sc, &j, T_EN))) return 0;
  skip_sep(sc, &j, 0);
  if ((d = number_at(sc, &j, 2, &nd)) < 0) return 0;
  skip_ordinal(sc, &j);
  skip_sep(sc, &j, 1);
  if ((y = year_at(sc, &j)) < 0 || letter_at(sc, j)) return 0;
  f->y = (int)y, f->m = m, f->d = (int)d, f->conf = 0.9;
  f->cal = HS_CAL_GREGORIAN;
  *i = j;
  return 1;
}

/* Aug 22 12:36:23 2002, Aug 22 12:36:23 EDT 2002 (C asctime / ctime). */
static int form_ctime(const scan *sc, size_t *i, found *f) {
  size_t j = *i;
  int m, nd;
  long d, y;
  if (!(m = name_at(sc, &j, T_EN))) return 0;
  skip_sep(sc, &j, 0);
  if ((d = number_at(sc, &j, 2, &nd)) < 0) return 0;
  skip_sep(sc, &j, 0);
  if (number_at(sc, &j, 2, &nd) < 0 || !skip_lit(sc, &j, ":") ||
      number_at(sc, &j, 2, &nd) < 0 || nd != 2)
    return 0;
  if (skip_lit(sc, &j, ":") && (number_at(sc, &j, 2, &nd) < 0 || nd != 2))
    return 0;
  skip_sep(sc, &j, 0);
  {
    /* an optional zone of 2-5 capital letters ("EDT", "GMT") */
    size_t k = j;
    while (k < sc->len && k - j < 5 && sc->s[k] >= 'A' && sc->s[k] <= 'Z') k++;
    if (k - j >= 2 && !letter_at(sc, k)) {
      j = k;
      skip_sep(sc, &j, 0);
    }
  }
  if ((y = year_at(sc, &j)) < 0 || letter_at(sc, j)) return 0;
  f->y = (int)y, f->m = m, f->d = (int)d, f->conf = 0.85;
  f->cal = HS_CAL_GREGORIAN;
  *i = j;
  return 1;
}

/* A two-digit year at *i before a time of day ("19 06:56", "19 at 4:00
** PM"), as a stamp or an RFC 822 date writes it: the year (19 -> 2019,
** 87 -> 1987), *i moved past its digits; else -1. */
static long year2_before_time(const scan *sc, size_t *i) {
  size_t q = *i;
  int nd;
  long y, h, mi;
  if ((y = number_at(sc, &q, 2, &nd)) < 0 || nd != 2 || q >= sc->len ||
      sc->s[q] != ' ')
    return -1;
  q++;
  if (q + 3 < sc->len && !memcmp(sc->s + q, "at ", 3)) q += 3;
  if ((h = number_at(sc, &q, 2, &nd)) < 0 || h > 23 || q >= sc->len ||
      sc->s[q] != ':')
    return -1;
  q++;
  if ((mi = number_at(sc, &q, 2, &nd)) < 0 || nd != 2 || mi > 59) return -1;
  *i += 2;
  return y + (y < 70 ? 2000 : 1900);
}

/* 1 if s[a, b) stands alone on its line: only spaces and tabs between it
** and the line's ends (or the scanned text's). */
static int alone_on_line(const scan *sc, size_t a, size_t b) {
  while (a > 0 && (sc->s[a - 1] == ' ' || sc->s[a - 1] == '\t')) a--;
  if (a > 0 && sc->s[a - 1] != '\n') return 0;
  while (b < sc->len && (sc->s[b] == ' ' || sc->s[b] == '\t' ||
                         sc->s[b] == '\r'))
    b++;
  return b == sc->len || sc->s[b] == '\n';
}

/* D <month> Y for a month table t, in calendar cal. */
static int dmy_with(const scan *sc, size_t *i, found *f, int t, int cal,
                    double conf) {
  size_t j = *i;
  int m, nd;
  long d, y;
  if ((d = number_at(sc, &j, 2, &nd)) < 0) return 0;
  if (t == T_EN) {
    skip_ordinal(sc, &j);
    skip_sep(sc, &j, 0);
    if (skip_lit(sc, &j, "of")) skip_sep(sc, &j, 0);
  } else {
    skip_sep(sc, &j, 0);
  }
  if (!(m = name_at(sc, &j, t))) return 0;
  skip_sep(sc, &j, 1);
  /* a two-digit year before a time: an RFC 822 date ("29 Jul 01
  ** 11:34:44 AM") */
  if ((y = year_at(sc, &j)) < 0 &&
      (t != T_EN || (y = year2_before_time(sc, &j)) < 0))
    return 0;
  if (letter_at(sc, j) && t == T_EN) return 0;
  {
    /* Arabic-script years may carry a suffix: "هـ", "ه.ش", "م", "ش" */
    size_t k = j;
    skip_sep(sc, &k, 0);
    if (t == T_RU) {
      if (skip_lit(sc, &k, "года") || skip_lit(sc, &k, "г.")) j = k;
    } else if (skip_lit(sc, &k, "هـ") || skip_lit(sc, &k, "ه.ش") ||
        skip_lit(sc, &k, "ه") || skip_lit(sc, &k, "م") ||
        skip_lit(sc, &k, "ش"))
      if (!letter_at(sc, k)) j = k;
  }
  f->y = (int)y, f->m = m, f->d = (int)d, f->conf = conf, f->cal = cal;
  *i = j;
  return 1;
}

static int form_dmy_en(const scan *sc, size_t *i, found *f) {
  return dmy_with(sc, i, f, T_EN, HS_CAL_GREGORIAN, 0.9);
}
static int form_dmy_ar(const scan *sc, size_t *i, found *f) {
  return dmy_with(sc, i, f, T_AR, HS_CAL_GREGORIAN, 0.9);
}
static int form_hijri(const scan *sc, size_t *i, found *f) {
  return dmy_with(sc, i, f, T_HIJRI, HS_CAL_HIJRI, 0.8);
}
static int form_solar(const scan *sc, size_t *i, found *f) {
  return dmy_with(sc, i, f, T_FA, HS_CAL_SOLAR_HIJRI, 0.9);
}
static int form_dmy_fa(const scan *sc, size_t *i, found *f) {
  return dmy_with(sc, i, f, T_FA_GREG, HS_CAL_GREGORIAN, 0.9);
}
static int form_dmy_ru(const scan *sc, size_t *i, found *f) {
  return dmy_with(sc, i, f, T_RU, HS_CAL_GREGORIAN, 0.9);
}

/* 9/7/2017, 09.07.2017, 9-7-2017; 4-13-16 alone on its line. */
static int form_numeric(const scan *sc, size_t *i, found *f) {
  size_t j = *i;
  int nd;
  long a, b, y;
  char sep;
  if ((a = number_at(sc, &j, 2, &nd)) < 0 || j >= sc->len) return 0;
  sep = (char)sc->s[j];
  if (sep != '/' && sep != '.' && sep != '-') return 0;
  j++;
  if ((b = number_at(sc, &j, 2, &nd)) < 0 || j >= sc->len ||
      sc->s[j] != (unsigned char)sep)
    return 0;
  j++;
  if ((y = year_at(sc, &j)) < 0) {
    /* a two-digit year only before a time of day ("11/19/19 06:56 AM",
    ** "11/13/19 at 4:00 PM": a byline's stamp) or alone on its line (a
    ** post's stamp under its headline: "4-13-16"); "1/2/19" in a line of
    ** text may be anything */
    size_t q = j;
    if ((y = number_at(sc, &q, 2, &nd)) >= 0 && nd == 2 &&
        alone_on_line(sc, *i, q)) {
      j = q;
      y += y < 70 ? 2000 : 1900;
    } else if ((y = year2_before_time(sc, &j)) < 0) {
      return 0;
    }
  } else if (letter_at(sc, j)) {
    return 0;
  }
  if (j < sc->len && (sc->s[j] == '/' || sc->s[j] == '.') && j + 1 < sc->len &&
      letter_at(sc, j + 1))
    return 0; /* a version number or a path */
  f->y = (int)y, f->cal = HS_CAL_GREGORIAN;
  if (y >= 1300 && y < 1500) {
    /* 15/04/1436: a Hijri year (Solar Hijri where the text uses Persian
    ** letters), as in form_ymd; written day first, as Arabic and Persian
    ** pages do, unless only the other order fits */
    f->cal = has_persian_letters(sc) ? HS_CAL_SOLAR_HIJRI : HS_CAL_HIJRI;
    if (b > 12 && a <= 12) f->m = (int)a, f->d = (int)b;
    else f->d = (int)a, f->m = (int)b;
    f->conf = 0.6;
    *i = j;
    return 1;
  }
  if (a > 12 && b <= 12) {
    f->d = (int)a, f->m = (int)b, f->conf = 0.6;
  } else if (b > 12 && a <= 12) {
    f->m = (int)a, f->d = (int)b, f->conf = 0.6;
  } else {
    f->m = (int)a, f->d = (int)b, f->conf = a == b ? 0.6 : 0.4;
    f->ambiguous = a != b;
  }
  *i = j;
  return 1;
}

/* 2024/06/14, 1403/01/01, ۱۴۰۳/۰۱/۰۱. */
static int form_ymd(const scan *sc, size_t *i, found *f) {
  size_t j = *i;
  int nd;
  long y = year_at(sc, &j), m, d;
  char sep;
  if (y < 0 || j >= sc->len) return 0;
  sep = (char)sc->s[j];
  if (sep != '/' && sep != '-' && sep != '.') return 0;
  j++;
  if ((m = number_at(sc, &j, 2, &nd)) < 0 || j >= sc->len ||
      sc->s[j] != (unsigned char)sep)
    return 0;
  j++;
  if ((d = number_at(sc, &j, 2, &nd)) < 0 || letter_at(sc, j)) return 0;
  f->y = (int)y, f->m = (int)m, f->d = (int)d;
  if (y >= 1300 && y < 1500) {
    f->cal = has_persian_letters(sc) ? HS_CAL_SOLAR_HIJRI : HS_CAL_HIJRI;
    f->conf = 0.7;
  } else {
    f->cal = HS_CAL_GREGORIAN;
    f->conf = 0.8;
  }
  *i = j;
  return 1;
}

typedef struct form_row {
  const char *name;
  form_fn fn;
  /* 1: a day, separators, then a name of a table other than T_EN
  ** (dmy_with): given up by try_at where no such name can follow */
  int day_name;
} form_row;

/* One table of forms per language; the tables are tried in the order of
** `langs` and the forms of each in table order, and the first match wins
** (the forms of different tables do not overlap: ymd wants a 4-digit
** first number, numeric a 1- or 2-digit one). */
static const form_row en_forms[] = {
    {"iso", form_iso, 0},
    {"mdy", form_mdy, 0},
    {"ctime", form_ctime, 0},
    {"dmy", form_dmy_en, 0},
    {"numeric", form_numeric, 0},
    {NULL, NULL, 0}};

static const form_row ar_forms[] = {
    {"ymd", form_ymd, 0},
    {"dmy", form_dmy_ar, 1},
    {"hijri", form_hijri, 1},
    {NULL, NULL, 0}};

static const form_row fa_forms[] = {
    {"solar-hijri", form_solar, 1},
    {"dmy", form_dmy_fa, 1},
    {NULL, NULL, 0}};

static const form_row ru_forms[] = {{"dmy", form_dmy_ru, 1},
                                    {NULL, NULL, 0}};

static const struct {
  const char *lang;
  const form_row *forms;
} langs[] = {{"en", en_forms}, {"ar", ar_forms}, {"fa", fa_forms},
             {"ru", ru_forms}};
#define NLANGS (sizeof langs / sizeof langs[0])

static int convert(found *f, hs_date *out) {
  int gy = f->y, gm = f->m, gd = f->d;
  if (f->cal == HS_CAL_HIJRI) {
    if (hs_hijri_to_gregorian(f->y, f->m, f->d, &gy, &gm, &gd)) return -1;
  } else if (f->cal == HS_CAL_SOLAR_HIJRI) {
    if (hs_persian_to_gregorian(f->y, f->m, f->d, &gy, &gm, &gd)) return -1;
  }
  if (!hs_date_valid(gy, gm, gd)) return -1;
  out->year = gy, out->month = gm, out->day = gd;
  out->calendar = f->cal;
  out->ambiguous = f->ambiguous;
  out->confidence = f->conf;
  return 0;
}

/* Try every form at word start `at`; fills out on success.  Every form
** opens with a digit or an English month name (after an optional weekday),
** so a word start with neither is given up at once. */
static int try_at(const scan *sc, size_t at, hs_date *out) {
  size_t k, q = at, w, dq;
  int names = 0, nd;
  if (name_at(sc, &q, T_WEEKDAY))
    skip_sep(sc, &q, 1);
  else q = at;
  if (digit_at(sc, q, &w) < 0) {
    /* the forms that open without a digit open with an English month */
    dq = q;
    if (!date_head[T_EN][lower_at(sc, q)] || !name_at(sc, &dq, T_EN)) return 0;
  }
  /* the day_name forms read a day and skip separators as here, then fail
  ** on the next byte unless a name of theirs (T_RU: a Cyrillic letter)
  ** opens with it: looked at once for the five of them */
  dq = q;
  if (number_at(sc, &dq, 2, &nd) >= 0) {
    unsigned char c;
    skip_sep(sc, &dq, 0);
    c = lower_at(sc, dq);
    names = date_head[T_AR][c] || date_head[T_HIJRI][c] || date_head[T_FA][c] ||
            date_head[T_FA_GREG][c] || c == 0xD0 || c == 0xD1;
  }
  for (k = 0; k < NLANGS; k++) {
    const form_row *fr;
    for (fr = langs[k].forms; fr->name; fr++) {
      size_t j = q;
      found f;
      if (fr->day_name && !names) continue;
      memset(&f, 0, sizeof f);
      if (!fr->fn(sc, &j, &f)) continue;
      memset(out, 0, sizeof *out);
      if (convert(&f, out)) continue;
      out->start = (uint32_t)at;
      out->end = (uint32_t)j;
      out->form = fr->name;
      return 1;
    }
  }
  return 0;
}

/* 1 + where the text's last digit (as digit_at reads one) begins, or 0
** when it has none.  Every form reads a number, so a date starts at or
** before that digit: a text without one (most lines of a page) is given
** up before the name index is built, and no word after it is tried. */
static size_t digits_end(const unsigned char *s, size_t len) {
  const unsigned char *p = s + len;
  /* one table load and one test a byte: 1 an ASCII digit, 2 the lead
  ** byte of an Arabic-Indic or Persian digit */
  static const unsigned char digit_lead[256] = {
      ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1,
      ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1, [0xD9] = 2, [0xDB] = 2};
  while (p > s) {
    size_t i;
    unsigned k = digit_lead[*--p];
    if (!k) continue;
    i = (size_t)(p - s);
    if (k == 1) return i + 1;
    if (i + 1 < len && ((s[i] == 0xD9 && s[i + 1] >= 0xA0 && s[i + 1] <= 0xA9) ||
                        (s[i] == 0xDB && s[i + 1] >= 0xB0 && s[i + 1] <= 0xB9)))
      return i + 1;
  }
  return 0;
}

/* letter_at by the byte alone: 0 no letter (ASCII other than letters
** and digits; C2, E2: NBSP, dashes), 1 a letter (ASCII letters and
** digits, every other byte from 0x80), 2 the lead of the Arabic comma
** when 8C follows (D8), 3 a byte inside a UTF-8 sequence (a letter). */
static const unsigned char letter_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

/* The scan's step at a byte of letter_class k after one whose letter_at
** was prev (the text's first byte as after a space): 0 or 1, the next
** prev and nothing to try (a trail byte keeps prev); otherwise STEP_TRY a
** word opens here (prev 0, a letter or digit: class 0 opens no name and
** no number), STEP_8C the next prev is whether 8C does not follow (class
** 2), else 1. */
enum { STEP_TRY = 2, STEP_8C = 4 };
static const unsigned char step[2][4] = {
    {0, 1 | STEP_TRY, STEP_8C | STEP_TRY, 0}, {0, 1, STEP_8C, 1}};

size_t hs_date_scan(const char *text, size_t len, hs_date *out, size_t max) {
  scan sc;
  size_t i, n = 0, lim = digits_end((const unsigned char *)text, len);
  int prev = 0; /* letter_at of the character before i */
  if (!lim) return 0;
  scan_init(&sc, text, len);
  /* one pass forwards: whether a word starts at i is known from the byte
  ** before, kept in prev, instead of a walk back at every byte */
  i = 0;
  if (letter_class[sc.s[0]] == 3) prev = 1, i = 1; /* opens on a trail byte */
  if (!max) return 0;
  /* n < max is tested where a date is found, not at every byte (in the
  ** fuzzing build each test of the loop is a call too) */
  for (; i < lim; i++) {
    unsigned char c = sc.s[i], lc;
    /* one look and one test for most bytes (in the fuzzing build each
    ** test is a call): step[prev][class] is the new prev when at most 1 */
    unsigned a = step[prev][letter_class[c]];
    size_t w;
    if (a <= 1) {
      prev = (int)a;
      continue;
    }
    prev = (a & STEP_8C) ? !(i + 1 < sc.len && sc.s[i + 1] == 0x8C) : 1;
    if (!(a & STEP_TRY)) continue;
    /* only where a weekday, a month or a number opens (try_at) */
    lc = hs_ascii_lower[c];
    if (!date_head[T_WEEKDAY][lc] && !date_head[T_EN][lc] && digit_at(&sc, i, &w) < 0)
      continue;
    if (try_at(&sc, i, &out[n])) {
      size_t b;
      i = out[n].end - 1;
      if (++n == max) break;
      for (b = i; b > 0 && (sc.s[b] & 0xC0) == 0x80; b--) {}
      prev = letter_at(&sc, b);
    }
  }
  return n;
}

int hs_date_find(const char *text, size_t len, hs_date *out) {
  if (!text) return 0;
  return hs_date_scan(text, len, out, 1) == 1;
}
