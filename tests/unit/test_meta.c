/*
** test_meta.c — dates, calendars, boilerplate and document metadata: the
** date-form tables of src/meta/date.c driven by one table of inputs and
** expected Gregorian dates (English, Arabic, Persian; Hijri and Solar
** Hijri conversions against known equivalents), boilerplate lines, the
** "given metadata wins" rule, and boilerplate masking in the engine (two
** pages that share only their footer share no passage), and the line
** records of the per-outlet rule taken from a text's tokens; the metadata
** of a range of documents on several threads.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "hearsay.h"
#include "meta/meta_int.h"
#include "text/text.h"
#include "util/util.h"

typedef struct date_case {
  const char *text;
  int y, m, d;          /* 0 = no date expected */
  int ambiguous;
  const char *raw;      /* the span expected, or NULL */
} date_case;

static const date_case date_cases[] = {
    /* en */
    {"Saturday, October 13th, 2018", 2018, 10, 13, 0,
     "Saturday, October 13th, 2018"},
    {"Published: 0658 GMT December 30, 2017", 2017, 12, 30, 0,
     "December 30, 2017"},
    {"Friday 14 June 2024", 2024, 6, 14, 0, "Friday 14 June 2024"},
    {"on 9/7/2017 the", 2017, 9, 7, 1, "9/7/2017"},
    {"25/12/2017", 2017, 12, 25, 0, "25/12/2017"},
    {"12/25/2017", 2017, 12, 25, 0, "12/25/2017"},
    {"2024-06-14T08:00Z", 2024, 6, 14, 0, "2024-06-14T08:00Z"},
    {"Sept. 3, 2019", 2019, 9, 3, 0, "Sept. 3, 2019"},
    {"14th of June, 2024", 2024, 6, 14, 0, "14th of June, 2024"},
    /* a two-digit year only before a time of day (a byline's stamp) */
    {"By Tess Bonn - 11/19/19 06:56 AM EST", 2019, 11, 19, 0, "11/19/19"},
    {"On 11/13/19 at 4:00 PM EST", 2019, 11, 13, 0, "11/13/19"},
    {"a score of 1/2/19 in", 0, 0, 0, 0, NULL},
    {"11/19/19 6 goals", 0, 0, 0, 0, NULL},
    {"Feb 29, 2023", 0, 0, 0, 0, NULL},      /* no such day */
    {"version 1.2.2024x", 0, 0, 0, 0, NULL},
    {"in May we met", 0, 0, 0, 0, NULL},
    /* RFC 2822 e-mail dates and C asctime (mbox "From " lines) */
    {"Date: Tue, 20 Apr 1993 14:12:08 GMT", 1993, 4, 20, 0,
     "Tue, 20 Apr 1993"},
    {"Thu Aug 22 12:36:23 2002", 2002, 8, 22, 0, "Thu Aug 22 12:36:23 2002"},
    {"Sun May 12 09:05:47 EDT 2002", 2002, 5, 12, 0,
     "Sun May 12 09:05:47 EDT 2002"},
    {"Aug 22 12:36 today", 0, 0, 0, 0, NULL},
    /* names in any case; rows that share a first byte tried in table
    ** order ("sept." before "sep.", "sunday" before "sun") */
    {"SATURDAY, OCT. 13, 2018", 2018, 10, 13, 0, "SATURDAY, OCT. 13, 2018"},
    {"sun., SEP 3, 2019", 2019, 9, 3, 0, "sun., SEP 3, 2019"},
    {"Sundays 3 Sep 2019", 2019, 9, 3, 0, "3 Sep 2019"},
    {"Marching 5 2019", 0, 0, 0, 0, NULL},
    {"سه‌شنبه ۲۵ اسفند ۱۴۰۲", 2024, 3, 15, 0, "سه‌شنبه ۲۵ اسفند ۱۴۰۲"},
    {"شنبه 1 فروردین 1403", 2024, 3, 20, 0, "شنبه 1 فروردین 1403"},
    /* ar: Gregorian, Levantine months, Arabic-Indic digits, Hijri */
    {"الجمعة ١٤ يونيو ٢٠٢٤", 2024, 6, 14, 0, "الجمعة ١٤ يونيو ٢٠٢٤"},
    {"14 حزيران 2024", 2024, 6, 14, 0, "14 حزيران 2024"},
    {"٣ تشرين الأول ٢٠٢٣", 2023, 10, 3, 0, NULL},
    {"5 رمضان 1445 هـ", 2024, 3, 15, 0, "5 رمضان 1445 هـ"},
    /* tabular calendar: Umm al-Qura has 7 July 2024 (one day earlier) */
    {"1 محرم 1446", 2024, 7, 8, 0, NULL},
    {"1 رمضان 1445", 2024, 3, 11, 0, NULL},
    {"2024/06/14", 2024, 6, 14, 0, NULL},
    /* a numeric date with a Hijri year, day first, never the year 1436
    ** (tabular calendar; Umm al-Qura has 4 February) */
    {"الرياض 15/04/1436", 2015, 2, 5, 0, "15/04/1436"},
    /* fa: Solar Hijri, Persian digits, Gregorian months in Persian */
    {"۲۵ اسفند ۱۴۰۲", 2024, 3, 15, 0, "۲۵ اسفند ۱۴۰۲"},
    {"1 فروردین 1403", 2024, 3, 20, 0, NULL},
    {"تاریخ: ۱۴۰۳/۰۱/۰۱", 2024, 3, 20, 0, "۱۴۰۳/۰۱/۰۱"},
    {"۱۴ ژوئن ۲۰۲۴", 2024, 6, 14, 0, NULL},
    {"22 بهمن 1357", 1979, 2, 11, 0, NULL},
    /* ru: genitive and nominative month names, "г." / "года" */
    {"19 ноября 2019 г., 14:05", 2019, 11, 19, 0, "19 ноября 2019 г."},
    {"1 май 2020 года", 2020, 5, 1, 0, "1 май 2020 года"},
    {"3 марта 2018", 2018, 3, 3, 0, "3 марта 2018"},
};

static void test_date_table(void **state) {
  size_t i;
  (void)state;
  for (i = 0; i < sizeof date_cases / sizeof date_cases[0]; i++) {
    const date_case *c = &date_cases[i];
    hs_date d;
    int found = hs_date_find(c->text, strlen(c->text), &d);
    if (!c->y) {
      if (found) fail_msg("'%s': found %04d-%02d-%02d, expected none", c->text,
                          d.year, d.month, d.day);
      continue;
    }
    if (!found) fail_msg("'%s': no date found", c->text);
    if (d.year != c->y || d.month != c->m || d.day != c->d)
      fail_msg("'%s': %04d-%02d-%02d, expected %04d-%02d-%02d", c->text,
               d.year, d.month, d.day, c->y, c->m, c->d);
    if (d.ambiguous != c->ambiguous)
      fail_msg("'%s': ambiguous=%d", c->text, d.ambiguous);
    if (c->raw && (d.end - d.start != strlen(c->raw) ||
                   memcmp(c->text + d.start, c->raw, strlen(c->raw))))
      fail_msg("'%s': span [%u,%u) is not '%s'", c->text, d.start, d.end,
               c->raw);
    assert_true(d.confidence > 0 && d.confidence <= 1);
  }
}

static void test_calendars(void **state) {
  int y, m, d;
  (void)state;
  /* Solar Hijri, 33-year rule: Nowruz dates */
  assert_int_equal(hs_persian_to_gregorian(1403, 1, 1, &y, &m, &d), 0);
  assert_true(y == 2024 && m == 3 && d == 20);
  assert_int_equal(hs_persian_to_gregorian(1404, 1, 1, &y, &m, &d), 0);
  assert_true(y == 2025 && m == 3 && d == 21);
  assert_int_equal(hs_persian_to_gregorian(1403, 12, 30, &y, &m, &d), 0);
  assert_true(y == 2025 && m == 3 && d == 20);   /* 1403 is leap */
  assert_int_equal(hs_persian_to_gregorian(1402, 12, 30, &y, &m, &d), -1);
  assert_int_equal(hs_persian_to_gregorian(1399, 1, 1, &y, &m, &d), 0);
  assert_true(y == 2020 && m == 3 && d == 20);
  /* tabular Hijri (civil epoch): 1 Muharram 1446 = 8 July 2024 here, 7
  ** July by Umm al-Qura: the arithmetic calendar may be a day off */
  assert_int_equal(hs_hijri_to_gregorian(1446, 1, 1, &y, &m, &d), 0);
  assert_true(y == 2024 && m == 7 && (d == 7 || d == 8));
  assert_int_equal(hs_hijri_to_gregorian(1, 1, 1, &y, &m, &d), 0);
  assert_int_equal(hs_hijri_to_gregorian(1445, 13, 1, &y, &m, &d), -1);
  assert_int_equal(hs_hijri_to_gregorian(1445, 2, 30, &y, &m, &d), -1);
}

static const char PAGE[] =
    "Harbour reopens\n"
    "By Jane Doe\n"
    "The harbour reopened on Monday after repairs.\n"
    "Leave a Reply\n"
    "Your email address will not be published.\n"
    "Related articles\n"
    "Storm damages pier\n"
    "Ferry fares rise\n"
    "\n"
    "\xC2\xA9 2024 Harbour Times. All rights reserved.\n";

static void test_boilerplate(void **state) {
  hs_range *r = NULL;
  size_t n = 0;
  const char *leave = strstr(PAGE, "Leave a Reply");
  const char *copy = strstr(PAGE, "\xC2\xA9");
  (void)state;
  assert_int_equal(hs_boiler_find(PAGE, strlen(PAGE), &r, &n, NULL), HS_OK);
  assert_int_equal(n, 2);
  assert_int_equal(r[0].start, (uint32_t)(leave - PAGE));
  /* comment form, related header and its two items merged into one */
  assert_int_equal(r[0].end, (uint32_t)(strstr(PAGE, "Ferry fares rise") -
                                        PAGE + strlen("Ferry fares rise")));
  assert_int_equal(r[1].start, (uint32_t)(copy - PAGE));
  free(r);
}

static void test_meta_fields(void **state) {
  hs_corpus *c = hs_corpus_new();
  hs_meta m;
  hs_aliases *al = NULL;
  const hs_doc *d;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  assert_int_equal(hs_corpus_add(c, "a", PAGE, strlen(PAGE), NULL, NULL,
                                 NULL, NULL, NULL, NULL, 0, NULL),
                   HS_OK);
  assert_int_equal(hs_corpus_add(c, "b", PAGE, strlen(PAGE), "gazette",
                                 "2020-01-02T10:00:00", NULL, NULL, NULL, NULL,
                                 0, NULL),
                   HS_OK);
  d = hs_corpus_doc(c, 0);
  assert_int_equal(hs_meta_extract(d, al, NULL, &m, NULL), HS_OK);
  assert_string_equal(m.title.value, "Harbour reopens");
  assert_string_equal(m.byline.value, "Jane Doe");
  assert_string_equal(m.outlet.value, "Harbour Times");
  assert_null(m.date.value);
  hs_meta_clear(&m);
  /* given metadata wins */
  d = hs_corpus_doc(c, 1);
  assert_int_equal(hs_meta_extract(d, al, NULL, &m, NULL), HS_OK);
  assert_string_equal(m.date.value, "2020-01-02");
  assert_int_equal(m.date.given, 1);
  assert_string_equal(m.outlet.value, "gazette");
  assert_int_equal(m.outlet.given, 1);
  hs_meta_clear(&m);
  hs_aliases_free(al);
  hs_corpus_free(c);
}

/* A scraped page: the headline under ID and date lines, the outlet from a
** dateline, the date from the header zone and never from the body. */
static void test_meta_page(void **state) {
  static const char page[] =
      "News ID: 207166\nPrint\n"
      "Army repels attack near Idlib\n"
      "Publish Date: 29 December 2017\n"
      "Moscow, FNA- The army repelled an attack on its positions in the "
      "countryside on Friday, local sources said.\n"
      "The area was first captured by the army on 14 May 2016, after months "
      "of fighting.\n";
  static const char body[] =
      "Quarterly profits jumped at the firm, the company said on Monday in a "
      "long statement to investors.\n"
      "The deal was first agreed on 14 May 1953, long before the merger.\n";
  hs_corpus *c = hs_corpus_new();
  hs_meta m;
  hs_aliases *al = NULL;
  char *o;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  assert_int_equal(hs_corpus_add(c, "p", page, strlen(page), NULL, NULL, NULL,
                                 NULL, NULL, NULL, 0, NULL), HS_OK);
  assert_int_equal(hs_corpus_add(c, "site/q", body, strlen(body), NULL, NULL,
                                 NULL, NULL, NULL, NULL, 0, NULL), HS_OK);
  assert_int_equal(hs_meta_extract(hs_corpus_doc(c, 0), al, NULL, &m, NULL),
                   HS_OK);
  assert_non_null(m.title.value);
  assert_string_equal(m.title.value, "Army repels attack near Idlib");
  assert_non_null(m.date.value);
  assert_string_equal(m.date.value, "2017-12-29");
  assert_string_equal(m.date_source, "header");
  assert_int_equal(m.nbody_dates, 1);
  assert_non_null(m.outlet.value);
  assert_string_equal(m.outlet.value, "Fars");
  hs_meta_clear(&m);
  o = hs_doc_outlet(hs_corpus_doc(c, 0), al);
  assert_non_null(o);
  assert_string_equal(o, "Fars");
  free(o);
  /* a date only in running text is no publication date; the folder names
  ** the outlet */
  assert_int_equal(hs_meta_extract(hs_corpus_doc(c, 1), al, NULL, &m, NULL),
                   HS_OK);
  assert_null(m.date.value);
  assert_non_null(m.outlet.value);
  assert_string_equal(m.outlet.value, "site");
  hs_meta_clear(&m);
  hs_aliases_free(al);
  hs_corpus_free(c);
}

/* Furniture: a row of share-button separators, bare "Read more" / "Most
** Read" / comment headers with the short lines under them are
** boilerplate, and an attribution inside them is not the page's; "Related"
** inside a sentence is not a header. */
static void test_furniture(void **state) {
  static const char page[] =
      "Oil exports rise in June\n"
      "Oil exports rose in June, the energy ministry said on Monday in a "
      "statement to the press.\n"
      ", , , , ,\n"
      "Read more\n"
      "Officials say gas prices will fall next month\n"
      "Users Comments\n"
      "Most Read\n"
      "Minister says the budget will be approved\n"
      "\xd8\xa7\xd9\x84\xd8\xaa\xd8\xb9\xd9\x84\xd9\x8a\xd9\x82\xd8\xa7"
      "\xd8\xaa\n" /* التعليقات */
      "Related:\n"
      "Traders said the market was calm.\n";
  hs_corpus *c = hs_corpus_new();
  hs_meta m;
  hs_aliases *al = NULL;
  const char *furn = strstr(page, ", , ,");
  size_t k;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  assert_int_equal(hs_corpus_add(c, "p", page, strlen(page), NULL, NULL, NULL,
                                 NULL, NULL, NULL, 0, NULL), HS_OK);
  assert_int_equal(hs_meta_extract(hs_corpus_doc(c, 0), al, NULL, &m, NULL),
                   HS_OK);
  assert_int_equal(m.nboiler, 1);
  assert_int_equal(m.boiler[0].start, (uint32_t)(furn - page));
  assert_int_equal(m.boiler[0].end, (uint32_t)(strlen(page) - 1));
  assert_int_equal(m.nattr, 1);
  assert_string_equal(m.attr[0].normalized, "energy ministry");
  for (k = 0; k < m.nattr; k++) assert_null(strstr(m.attr[k].source, "Minister"));
  hs_meta_clear(&m);
  hs_aliases_free(al);
  hs_corpus_free(c);
}

/* A corpus of one scraped page "p" (caller frees). */
static hs_corpus *page_corpus(const char *text) {
  hs_corpus *c = hs_corpus_new();
  assert_int_equal(hs_corpus_add(c, "p", text, strlen(text), NULL, NULL, NULL,
                                 NULL, NULL, NULL, 0, NULL), HS_OK);
  return c;
}

/* The metadata of one scraped page into *m; returns its corpus (the caller
** clears *m, then frees the corpus). */
static hs_corpus *page_meta(const char *text, const hs_aliases *al,
                            hs_meta *m) {
  hs_corpus *c = page_corpus(text);
  assert_int_equal(hs_meta_extract(hs_corpus_doc(c, 0), al, NULL, m, NULL),
                   HS_OK);
  return c;
}

/* The pages pages[i][0] whose outlet (hs_doc_outlet) is not pages[i][1]
** ("" for none), each printed; returns their number. */
static size_t outlet_misses(const char *const pages[][2], size_t n) {
  hs_aliases *al = NULL;
  size_t i, wrong = 0;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  for (i = 0; i < n; i++) {
    hs_corpus *c = page_corpus(pages[i][0]);
    char *o = hs_doc_outlet(hs_corpus_doc(c, 0), al);
    if (*pages[i][1] ? !o || strcmp(o, pages[i][1]) : o != NULL) {
      print_error("page %zu: outlet %s, expected %s\n", i, o ? o : "(none)",
                  *pages[i][1] ? pages[i][1] : "(none)");
      wrong++;
    }
    free(o);
    hs_corpus_free(c);
  }
  hs_aliases_free(al);
  return wrong;
}

/* Headlines of scraped pages under furniture that looks like one: a
** section name over a date line over the headline (no author's name), a
** notice of two sentences, rows of menu entries glued into long lines
** (no paragraphs), a published/modified pair of dates (a date line, not a
** headline), a show's name in title case over the headline. */
static void test_scraped_headlines(void **state) {
#define PIER "The harbor council met on Monday evening to decide whether the " \
             "old ferry pier should be rebuilt or closed for good, and after " \
             "three hours of debate the members voted to rebuild it with " \
             "money from the port fund."
  static const char *const pages[][2] = {
      {"Home\n"
       "News\n"
       "Markets\n"
       "World\n"
       "Politics\n"
       "Sport\n"
       "Culture\n"
       "More\n"
       "United States\n"
       "Business News\n"
       "November 19, 2019 / 12:21 AM / Updated 14 hours ago\n"
       "Oil prices fall as supply worries grow again\n"
       "Jane Smith\n"
       "5 Min Read\n"
       "NEW YORK - The company said on Tuesday that the next phase "
       "of the project would begin early next year, and that it "
       "expected costs to fall as suppliers added capacity across "
       "the region over time.\n"
       "The company said on Tuesday that the next phase of the "
       "project would begin early next year, and that it expected "
       "costs to fall as suppliers added capacity across the region "
       "over time.\n",
       "Oil prices fall as supply worries grow again"},
      {"Skip to main content\n"
       "Search\n"
       "Home\n"
       "News\n"
       "Markets\n"
       "World\n"
       "Politics\n"
       "Sport\n"
       "Culture\n"
       "More\n"
       "Science Wire is supported by its audience. When you "
       "purchase through links on our site, we may earn an "
       "affiliate commission. Learn more\n"
       "Home\n"
       "News\n"
       "Physicists build the largest simulation of the universe yet\n"
       "By Tim Childers - Contributor 2019-11-19T12:48:14Z Space\n"
       "Shares\n"
       "The company said on Tuesday that the next phase of the "
       "project would begin early next year, and that it expected "
       "costs to fall as suppliers added capacity across the region "
       "over time.\n"
       "The company said on Tuesday that the next phase of the "
       "project would begin early next year, and that it expected "
       "costs to fall as suppliers added capacity across the region "
       "over time.\n",
       "Physicists build the largest simulation of the universe yet"},
      {"Homepage\n"
       "Rankings and Research Companies Channelcast Marketing "
       "Matters Events Jobs Discover News Cloud Security Storage "
       "Networking Software Hardware Mobility Partner Programs "
       "Solutions Data Center Channel Programs\n"
       "Rankings and Research Companies Channelcast Marketing "
       "Matters Events Jobs Discover News Cloud Security Storage "
       "Networking Software Hardware Mobility Partner Programs "
       "Solutions Data Center Channel Programs\n"
       "Rankings and Research Companies Channelcast Marketing "
       "Matters Events Jobs Discover News Cloud Security Storage "
       "Networking Software Hardware Mobility Partner Programs "
       "Solutions Data Center Channel Programs\n"
       "Sections\n"
       "Tim Cook on Apple being pulled into the enterprise\n"
       "By Joseph Tsidulko November 19, 2019, 07:47 PM EST\n"
       "The company said on Tuesday that the next phase of the "
       "project would begin early next year, and that it expected "
       "costs to fall as suppliers added capacity across the region "
       "over time.\n"
       "The company said on Tuesday that the next phase of the "
       "project would begin early next year, and that it expected "
       "costs to fall as suppliers added capacity across the region "
       "over time.\n",
       "Tim Cook on Apple being pulled into the enterprise"},
      {"Home\n"
       "News\n"
       "Markets\n"
       "World\n"
       "Politics\n"
       "Sport\n"
       "Culture\n"
       "More\n"
       "Opinion\n"
       "Hong Kong\n"
       "The view on Hong Kong: a city on the brink\n"
       "Editorial\n"
       "Mon 18 Nov 2019 18.54 GMT Last modified on Mon 18 Nov 2019 "
       "18.56 GMT\n"
       "Share on Facebook\n"
       "The company said on Tuesday that the next phase of the "
       "project would begin early next year, and that it expected "
       "costs to fall as suppliers added capacity across the region "
       "over time.\n"
       "The company said on Tuesday that the next phase of the "
       "project would begin early next year, and that it expected "
       "costs to fall as suppliers added capacity across the region "
       "over time.\n",
       "The view on Hong Kong: a city on the brink"},
      {"Home\n"
       "News\n"
       "Markets\n"
       "World\n"
       "Politics\n"
       "Sport\n"
       "Culture\n"
       "More\n"
       "ADVERTISEMENT\n"
       "Dancing With the Stars\n"
       "Published 22 hours ago\n"
       "James Van Der Beek eliminated from the dance show after a "
       "hard week\n"
       "By Andy Sahadeo | Fox News\n"
       "Facebook\n"
       "Twitter\n"
       "The company said on Tuesday that the next phase of the "
       "project would begin early next year, and that it expected "
       "costs to fall as suppliers added capacity across the region "
       "over time.\n"
       "The company said on Tuesday that the next phase of the "
       "project would begin early next year, and that it expected "
       "costs to fall as suppliers added capacity across the region "
       "over time.\n",
       "James Van Der Beek eliminated from the dance show after a hard week"},
      /* a site's slogan right over the headline, both over a date line:
      ** the headline is the line whose words the first paragraph uses */
      {"Home\n"
       "News\n"
       "Markets\n"
       "World\n"
       "Politics\n"
       "Sport\n"
       "Culture\n"
       "More\n"
       "Sections\n"
       "News, Analysis and Perspective for Solution Providers and "
       "Integrators\n"
       "Alibaba to raise $12.9bn in Hong Kong listing\n"
       "November 20, 2019 9:22 AM\n"
       "Alibaba is set to raise up to $12.9bn from its record-breaking "
       "second listing in Hong Kong, pricing its shares at a discount to "
       "their last close in New York, people familiar with the deal "
       "said.\n"
       "The company is set to announce the terms of the deal later on "
       "Wednesday, but investors have been told the price of each share "
       "already, the people said.\n",
       "Alibaba to raise $12.9bn in Hong Kong listing"},
      /* the standfirst under the headline uses more of the first
      ** paragraph's words: the first of the two is the headline */
      {"Home\n"
       "News\n"
       "Markets\n"
       "World\n"
       "Politics\n"
       "Sport\n"
       "Culture\n"
       "More\n"
       "Ticket sales slow for winter festival\n"
       "Organisers of the winter festival say ticket sales fell by a third "
       "this year\n"
       "By Jane Smith\n"
       "November 20, 2019\n"
       "Organisers of the winter festival said on Tuesday that ticket "
       "sales fell by a third this year, after two seasons of rain and a "
       "change of venue kept many of its regular visitors away.\n"
       "The festival will go ahead in January as planned, they said, with "
       "fewer stages and a shorter programme than last year.\n",
       "Ticket sales slow for winter festival"},
      /* a related-looking header that is the site's own menu ("More from
      ** NBC", its channels), then the share row: the list ends at the row,
      ** and the headline under it is no teaser */
      {"Home\n"
       "News\n"
       "Politics\n"
       "More from NBC\n"
       "CNBC\n"
       "NBC Learn\n"
       "Peacock Productions\n"
       "Next Steps for Vets\n"
       "Parent Toolkit\n"
       "NBC Archives\n"
       "Know Your Value\n"
       "Follow NBC News\n"
       "Search\n"
       "Facebook\n"
       "Twitter\n"
       "Email\n"
       "SMS\n"
       "Print\n"
       "Whatsapp\n"
       "Reddit\n"
       "Pocket\n"
       "Flipboard\n"
       "World\n"
       "House where the poet was born will become a museum, city says\n"
       "The move aims to keep the building open to visitors.\n"
       "Nov. 20, 2019, 9:28 AM UTC\n"
       "VIENNA - The house where the poet was born will be turned into a "
       "museum, the city's mayor said on Tuesday, after years of debate "
       "about what to do with the building that has stood empty since "
       "the last tenants left it.\n"
       "Architects will be invited to submit plans for the building's "
       "redesign this month and a jury will choose one of them next year, "
       "the mayor said.\n",
       "House where the poet was born will become a museum, city says"},
      /* a list of other articles glued into one long line under its
      ** header is no paragraph of the article */
      {"Home\n"
       "News\n"
       "Politics\n"
       "Sport\n"
       "Chinese hunter catches rare plague after eating wild rabbit\n"
       "By Natalie Smith\n"
       "View author archive\n"
       "Get author RSS feed\n"
       "Most Popular Today\n"
       "1 Old photo sparks a conspiracy theory about a young activist 2 "
       "Former president says the party should not move too far 3 Star "
       "quits the show after a row with its producers over the script 4 "
       "City council votes to close the old bridge to all traffic\n"
       "November 18, 2019 | 4:10pm\n"
       "Enlarge Image\n"
       "Two patients diagnosed with plague in China as officials race to "
       "stop an outbreak\n"
       "A hunter in Inner Mongolia has caught the plague after eating a "
       "wild rabbit, the local health authority said on Sunday, the "
       "third case in the region this month.\n"
       "The man was taken to hospital and is in a stable condition, the "
       "authority said, and the people he met have been put in "
       "quarantine.\n"
       "Share this article\n"
       "Two patients diagnosed with plague in China as officials race to "
       "stop an outbreak\n"
       "Origin of plague that swept Europe traced to Russia\n",
       "Chinese hunter catches rare plague after eating wild rabbit"},
      /* a text that opens with its first paragraph: the short lines
      ** under it are the article's own, no headline however many of
      ** its words they share ("" = no headline) */
      {"The council met on Monday to discuss the plan for the new town "
       "library, which has been delayed for two years because of rising "
       "costs and a dispute over the site near the old market square\n"
       "Residents have asked for a date for the opening\n"
       "The library plan was first put forward in 2015 by residents\n"
       "Council members said the new library would open next year if "
       "costs allowed\n"
       "The site near the old market square is now agreed by all the "
       "members of the council after a long debate about the square and "
       "its future, and work on the new library can begin in spring, the "
       "council said in a statement on Monday.\n",
       ""},
      /* a page of short paragraphs (none of 25 words): under a block of
      ** furniture, its sentences of 12 words or more stand for them */
      {"Home\nNews\nWeather\n61\u00b0F Clear\nSports\nSubmit Photos and "
       "Videos\nClose Navigation\nBoys Swimming\nArticle\n"
       "2019 Girls State Swim Results\nAnna Berg 100 backstroke\n"
       "Posted: Fri 6:45 PM, Feb 15, 2019\n"
       "Salina South diver Ann Munsell won the state swim title in diving "
       "with 480 points on Saturday.\n"
       "Trinity Academy junior Beth Patton added to her state titles, "
       "winning the 200 yard medley race.\n"
       "Wichita East's Hugh Bell won first place in the 100 yard freestyle.\n",
       "2019 Girls State Swim Results"},
      /* a whole byline with its date over the headline (no name line
      ** under "By") */
      {"Zur\u00fcck zur \u00dcbersicht\n"
       "Von Moritz Bauer publiziert am 25. September 2018\n"
       "Die elektronische Akte \u2013 der lange Weg ins digitale Krankenhaus\n"
       "Die elektronische Akte soll den langen Weg der Krankenh\u00e4user ins "
       "digitale Zeitalter verk\u00fcrzen, doch viele Einrichtungen haben "
       "bis heute keine gemeinsame Schnittstelle und keine Planung f\u00fcr "
       "die kommenden Jahre.\n"
       "Status Quo\n",
       "Die elektronische Akte \u2013 der lange Weg ins digitale Krankenhaus"},
      /* a standfirst in sentence case over the headline in title case;
      ** a ticker line with a label under a headline in sentence case; a
      ** sentence of running text first (an ellipsis at its end, or two
      ** sentences): no headline */
      {"Subscribe to Harbor Free Press for FREE\nMajority of the harbor "
       "inspectors find themselves unable to perform their duties this "
       "year\nHarbor Inspectors Describe Atmosphere of Restricted Access\n"
       PIER "\n",
       "Harbor Inspectors Describe Atmosphere of Restricted Access"},
      {"Mission must be at the heart of the harbor, mayor says\nHeadline: "
       "Harbor Searches Exceed Records! Harbor Stocks Are Next!\n" PIER "\n",
       "Mission must be at the heart of the harbor, mayor says"},
      {"The new year is a new beginning, full of optimism and "
       "hope\u2026\n" PIER "\n",
       ""},
      {"Are you truly happy? Is happiness a passing feeling for you?\n" PIER
       "\n",
       ""}};
#undef PIER
  hs_aliases *al = NULL;
  size_t i, wrong = 0;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    hs_meta m;
    hs_corpus *c = page_meta(pages[i][0], al, &m);
    if (!*pages[i][1] ? m.title.value != NULL
                      : !m.title.value || strcmp(m.title.value, pages[i][1])) {
      print_error("page %zu: headline %s, expected %s\n", i,
                  m.title.value ? m.title.value : "(none)", pages[i][1]);
      wrong++;
    }
    hs_meta_clear(&m);
    hs_corpus_free(c);
  }
  hs_aliases_free(al);
  assert_int_equal(wrong, 0);
}

/* Publication dates of scraped pages from their header lines: a byline
** whose fields "|" and "--" separate ("By A | November 18, 2019 -- 19:14
** GMT | Topic: X" is 12 words, not 15), and a page whose first line is a
** menu label with a colon ("Edition:"), no e-mail header. */
static void test_scraped_dates(void **state) {
  static const char *const pages[][2] = {
      {"Home\nNews\nBest tech gadgets of the year\nBy Jason Smith | "
       "November 18, 2019 -- 19:14 GMT (19:14 GMT) | Topic: Hardware\n"
       "The phones, speakers and watches that made our list this year are "
       "the ones we kept using long after the review was written, and "
       "here is why.\n",
       "2019-11-18"},
      {"Edition:\nAsia\nEurope\nBest tech gadgets of the year\n"
       "November 18, 2019\nThe phones, speakers and watches that made our "
       "list this year are the ones we kept using long after the review "
       "was written, and here is why.\n",
       "2019-11-18"},
      /* a republication: the address its "Source:" line credits */
      {"Best tech gadgets of the year\nThe phones, speakers and watches "
       "that made our list this year are the ones we kept using long after "
       "the review was written, and here is why.\n"
       "Source: http://techblog.example.com/2019/11/18/best-gadgets/\n",
       "2019-11-18"}};
  hs_aliases *al = NULL;
  size_t i, wrong = 0;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    hs_meta m;
    hs_corpus *c = page_meta(pages[i][0], al, &m);
    if (!m.date.value || strcmp(m.date.value, pages[i][1])) {
      print_error("page %zu: date %s, expected %s\n", i,
                  m.date.value ? m.date.value : "(none)", pages[i][1]);
      wrong++;
    }
    hs_meta_clear(&m);
    hs_corpus_free(c);
  }
  hs_aliases_free(al);
  assert_int_equal(wrong, 0);
}

/* Outlet names with what a site adds to them: a masthead «صحيفة سبق
** الإلكترونية», a copyright holder followed by a year, a "Source:" line
** «الجزيرة + وكالات». */
static void test_outlet_name_forms(void **state) {
  static const char *const pages[][2] = {
      {"صحيفة سبق الإلكترونية\nالصحة تعلن تسجيل إصابات جديدة\nأعلنت "
       "وزارة الصحة تسجيل إصابات جديدة في الرياض اليوم بعد أسبوع من الهدوء.\n",
       "Sabq"},
      {"الصحة تعلن تسجيل إصابات جديدة\nأعلنت وزارة الصحة تسجيل إصابات جديدة "
       "في الرياض اليوم بعد أسبوع من الهدوء.\nجميع الحقوق محفوظة لصحيفة عكاظ "
       "2016\n",
       "Okaz"},
      {"إيران تستهدف قاعدتين\nقال الحرس الثوري إنه استهدف قاعدة عين الأسد "
       "بعشرات الصواريخ في وقت مبكر من صباح اليوم.\nالمصدر : الجزيرة + "
       "وكالات\n",
       "Al Jazeera"},
      /* a company's copyright line: its publication the page names
      ** (data/parents.tsv), or its only one */
      {"Skip to main content\nSpace\nSearch\nStarship test flight slips to "
       "spring\nThe company said on Monday that the next test flight of its "
       "rocket would slip by several weeks.\nSpace is supported by its "
       "audience.\n\u00a9 Future US, Inc. 11 West 42nd Street, New York.\n",
       "Space.com"},
      {"Markets rally on rate hopes\nStocks rose on Tuesday as traders bet on "
       "lower interest rates later in the year, analysts said.\nWSJ Pro\n"
       "WSJ Video\nCopyright \u00a92019 Dow Jones & Company, Inc. All Rights "
       "Reserved.\n",
       "The Wall Street Journal"},
      {"Mayor quits after audit\nThe mayor resigned on Friday after an audit "
       "found that city funds had been spent on private travel.\n"
       "Copyright 2019 NYP Holdings, Inc. All Rights Reserved\n",
       "New York Post"},
      /* ru: a "Источник:" credit */
      {"Путин провел встречу с министрами\nПрезидент провел совещание с "
       "членами правительства, обсудив вопросы бюджета на ближайшие годы.\n"
       "Источник: ТАСС\n",
       "TASS"},
      /* the site's copyright line, not a credit of a part of the page
      ** printed after it (a caption's "© Reuters", "Sports data ©
      ** STATS 2018") */
      {"Moon dust found in old samples\nScientists said on Monday that a "
       "box of samples kept for fifty years held grains of moon dust.\n"
       "\u00a9 ScienceAlert Pty Ltd. All rights reserved.\n"
       "A rover on the surface.\n\u00a9 Reuters\n"
       "Sports data \u00a9 STATS 2018\n",
       "ScienceAlert"},
      /* a company's publication named by a site template ("VG247
      ** newsletter!") wins over a sister site in the network's footer */
      {"VG247 newsletter!\nSony confirms new handheld\nSony said on "
       "Tuesday that a new handheld console would go on sale next year in "
       "Japan and Europe.\nOur network\nEurogamer\nThis site \u00a9 2018 "
       "Gamer Network. All Rights Reserved.\n",
       "VG247"},
      /* a site's address printed twice, its name nowhere; a copyright
      ** line naming the site's designer gives no outlet, nor a menu word
      ** that opens the page and recurs ("Iklan", an advertisement) */
      {"Iklan\nBeranda\nState swim results\nIklan\nThe state swimming "
       "championship ended on Saturday with two new records in the pool.\n"
       "E-Mail: stats@catchitkansas.com\nIklan\n"
       "Copyright \u00a9 2002-2019 - Designed by Gray Digital Media\n"
       "catchitkansas.com/a?a=474349633\n",
       "catchitkansas.com"},
      /* a company no table knows: the site the page names as its title
      ** ("X is part of H", H the copyright holder), the site's name that
      ** site templates give when a legal form follows the holder
      ** ("Ziff Davis, LLC"), the holder's own name without its company
      ** words where the page prints it alone, a brand opening three
      ** distinct sections (not an all-capitals heading, not one section
      ** printed three times) */
      {"Skip to main content\nHarbor Daily\nSearch\nTides reach a record\n"
       "The harbour saw its highest tide in fifty years on Sunday, the port "
       "office said.\nHarbor Daily is part of Northwind US, a digital "
       "publisher.\n\u00a9 2019 Northwind US. All rights reserved.\n",
       "Harbor Daily"},
      {"Browse Quill\nNew phone goes on sale\nBy Ann Lee, Quill Staff\nThe "
       "phone goes on sale on Friday in twelve countries, its maker said.\n"
       "Join the Quill Deals Newsletter.\n\u00a9 2019 Brightline Davis, LLC. "
       "All rights reserved.\n",
       "Quill"},
      {"Something went wrong with the connection!\nHarbor Post\nHarbor Post "
       "Shopping\nCouncil approves budget\nThe council approved the city "
       "budget on Monday after a long debate, officials said.\n\u00a9 2018 "
       "Copyright Harbor Post Media Pvt. Ltd. All Rights reserved.\n",
       "Harbor Post"},
      {"STUFF WE DID\nSTUFF TO WATCH\nSTUFF TO READ\nVB Lab\nVB Lab\nVB Lab\n"
       "KH Views\nKH Wheels\nKH Education\nRain closes schools\nHeavy rain "
       "closed schools across the district on Tuesday, officials said.\n"
       "KH Views\n\u00a9 2019 Kestrel Printing Private Ltd. All rights "
       "reserved.\n",
       "KH"},
      /* a name's first two words tie with it where they are never
      ** printed alone: the whole name */
      {"Harbor Dawgs Nation homepage\nHarbor Dawgs Nation main menu\nRain "
       "delays the opener\nRain delayed the season opener by two hours on "
       "Sunday, the league said.\nMore From Harbor Dawgs Nation\n\u00a9 2019 "
       "Northwind Media, LLC. All rights reserved.\n",
       "Harbor Dawgs Nation"},
      /* a company of data/parents.tsv whose titles the page names once,
      ** in a list of the network's sites, and no site name: no outlet
      ** (not a sister site, not the company) */
      {"Our Sites\nAbove The Law\nFashionista\nBanks cut bonuses\nBanks "
       "cut bonuses again this year as trading revenue fell, people "
       "familiar said.\n\u00a9 2019 Breaking Media Inc. All rights "
       "reserved.\n",
       ""},
      /* footers that name the holder without "©": a name, a middle dot
      ** and years; a company's name alone on its line */
      {"Blog\nHow to read with your children\nReading with children every "
       "evening builds a habit that lasts, the teacher said in an interview "
       "this week.\nHarbor Family Notes \u00b7 20132019 Keep reading with us!\n",
       "Harbor Family Notes"},
      {"Back to overview\nThe long road to digital patient records\nHospitals "
       "have talked for years about digital patient records, but most still "
       "keep their data in separate systems today.\nStatus quo\nMost "
       "records are still on paper.\nnorthwind GmbH\n"
       "Imprint\nnorthwind GmbH\n",
       "northwind"}};
  (void)state;
  assert_int_equal(outlet_misses(pages, sizeof pages / sizeof pages[0]), 0);
}

/* Copyright lines whose holder sits among years, dashes, a second mark
** and "All rights reserved", or is spelled as its address; a line with no
** holder gives none; a company of data/parents.tsv gives its title. */
static void test_copyright_holder_forms(void **state) {
#define BODY "Rain delays the opener\nRain delayed the season opener by " \
             "two hours on Sunday, the league said in a statement.\n"
  static const char *const pages[][2] = {
      {BODY "\u00a9 Copyright 2019, The Harbor Review | Community Guidelines "
            "| Terms of Service\n",
       "The Harbor Review"},
      {BODY "Copyright \u00a9 2000\u20142019. Harbor Ledger\n",
       "Harbor Ledger"},
      {BODY "\u00a9All Rights Reserved Harbor Institute 2019, a nonprofit "
            "organization\n",
       "Harbor Institute"},
      {BODY "\u00a9 2019 All rights reserved.\n", ""},
      {BODY "\u00a9 Harborlog.org 2003 - 2019 powered by Quill Network\n",
       "Harborlog.org"},
      {BODY "\u00a9 2000 - 2019 Harbor Bawaba (www.harborbawaba.com)\n",
       "Harbor Bawaba"},
      {BODY "\u00a9 2019 The Harbor Republic unless otherwise noted. All "
            "rights reserved.\n",
       "The Harbor Republic"},
      /* an address with a legal form after it is the site, not a
      ** company (no menu word "Motorsports" for it) */
      {"MOTORSPORTS\nMotorsports Home\n" BODY "Motorsports\nMotorsports "
       "Home\n\u00a9 2000-2018 HarborCars.com, Inc. All Rights Reserved.\n",
       "HarborCars.com"},
      {BODY "Copyright \u00a9 2019 Business Harbor Deutschland / quill.net "
            "GmbH Alle Rechte vorbehalten.\n",
       "Business Harbor Deutschland"},
      {BODY "All rights reserved \u00a9 2019 Harbor Deal is a registered "
            "Trademark of Korr Publishing Inc.\n",
       "Harbor Deal"},
      {BODY "\u00a9 1995 - 2019 by Harbor Watch\n", "Harbor Watch"},
      {BODY "\u00a9 Copyright 2011-2019 Harbor100YEN.com.\n",
       "Harbor100YEN.com"},
      {BODY "The match will now start at three.\nFans were told to stay "
            "home.\nMore from Sky News\nSky News app\n\u00a9 2019 Sky UK\n",
       "Sky News"}};
#undef BODY
  (void)state;
  assert_int_equal(outlet_misses(pages, sizeof pages / sizeof pages[0]), 0);
}

/* Credits outside the line forms: a wire dateline in brackets with an en
** or em dash (a bracket of no known agency is none), a byline naming the
** author's site, a site address alone on the last line, a page's own
** "Subscribe to X for FREE" when nothing else names it, a "Source:"
** line whose value is a web address (its host; on the page's last lines
** too), a bracket opening the paragraph without a dash (a name of an
** outlet's shape, not "(Update)"), a wire story's sign-off, and an
** outlet's own voice opening the text ("X says…", not "X says the"). */
static void test_credit_forms(void **state) {
#define PIER "The harbor council met on Monday evening to decide whether the " \
             "old ferry pier should be rebuilt or closed for good, and after " \
             "three hours of debate the members voted to rebuild it."
  static const char *const pages[][2] = {
      {"Pier to be rebuilt\n(Reuters) \u2014 " PIER "\n", "Reuters"},
      {"Pier to be rebuilt\nHARBOR CITY (AP) \u2013 " PIER "\n", "AP"},
      {"Pier to be rebuilt\n(Photo) \u2014 " PIER "\n", ""},
      {"Pier to be rebuilt\nby Anna Berg \u2013 Harborblog.com\n" PIER "\n",
       "Harborblog.com"},
      {"Pier to be rebuilt\n" PIER "\nharbortimes.com\n", "harbortimes.com"},
      {"Subscribe to Harbor Free Press for FREE\nPier to be rebuilt\n" PIER
       "\n",
       "Harbor Free Press"},
      {"Pier to be rebuilt\n" PIER "\n" PIER "\n" PIER "\n" PIER "\n" PIER
       "\n" PIER "\n" PIER "\n" PIER "\n" PIER "\n" PIER "\n" PIER "\n" PIER
       "\n" PIER "\n" PIER "\n" PIER "\n" PIER "\nShare this\n"
       "Source: http://www.harborblog.com/2018/01/22/pier-to-be-rebuilt/\n",
       "harborblog.com"},
      {"Pier to be rebuilt\nSource: https://harborblog.com/pier?id=7\n" PIER
       "\n",
       "harborblog.com"},
      {"Pier to be rebuilt\n(HarborNews) " PIER "\n", "HarborNews"},
      {"Pier to be rebuilt\n(Update) " PIER "\n", ""},
      {"PIER TO BE REBUILT\n    HARBOR CITY, March 3 - " PIER "\n REUTER\n",
       "Reuters"},
      {"Pier to be rebuilt\n21st Harbor Wire says\xE2\x80\xA6 " PIER
       "\n",
       "21st Harbor Wire"},
      {"Pier to be rebuilt\nValley Wire says the " PIER "\n", ""}};
#undef PIER
  (void)state;
  assert_int_equal(outlet_misses(pages, sizeof pages / sizeof pages[0]), 0);
}

/* Lines above the headline that are not it: a site's name over a
** navigation row (the outlet, with the "Source:" credit its original), a
** date line with an update time in brackets, a city dateline with a
** reporter's name («الرياض» is the city there, not the newspaper). */
static void test_page_header_lines(void **state) {
  static const struct {
    const char *page, *title, *outlet, *original;
  } pages[] = {
      {"Gulf Business Wire\nMarkets | Energy | Tech | Opinion\n"
       "Oil prices climb after output cut\nBy Staff Writer, Source: Reuters\n"
       "Oil prices rose on Thursday after producers pledged additional cuts "
       "to their output, analysts said.\n",
       "Oil prices climb after output cut", "Gulf Business Wire", "Reuters"},
      {"Monday, 4 March 2019 10:02 AM  [ Last Update: Monday, 4 March 2019 "
       "10:35 AM ]\nNews ID: 51234\nDrones hit oil facility in Jizan\n"
       "The drones struck their targets with high precision on Monday, a "
       "military source said.\n",
       "Drones hit oil facility in Jizan", NULL, NULL},
      {"Time : 22:03 GMT | Updated\nDrones hit oil facility in Jizan\n"
       "The drones struck their targets with high precision on Monday, a "
       "military source said.\n",
       "Drones hit oil facility in Jizan", NULL, NULL},
      {"الرياض - خالد الشمري\nالإثنين 21 مارس 2016\n"
       "مجلس الشورى يناقش نظام العمل\n"
       "ناقش مجلس الشورى في جلسته اليوم نظام العمل الجديد وأقره بالأغلبية.\n"
       "جميع الحقوق محفوظة © صحيفة اليوم 2016\n",
       "مجلس الشورى يناقش نظام العمل", "Al Yaum", NULL}};
  hs_aliases *al = NULL;
  size_t i;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    hs_corpus *c = hs_corpus_new();
    hs_meta m;
    assert_int_equal(hs_corpus_add(c, "p", pages[i].page,
                                   strlen(pages[i].page), NULL, NULL, NULL,
                                   NULL, NULL, "a.jsonl", 1, NULL), HS_OK);
    assert_int_equal(hs_meta_extract(hs_corpus_doc(c, 0), al, NULL, &m, NULL),
                     HS_OK);
    if (!m.title.value || strcmp(m.title.value, pages[i].title))
      fail_msg("page %zu: title %s", i, m.title.value ? m.title.value : "-");
    if ((pages[i].outlet == NULL) != (m.outlet.value == NULL) ||
        (m.outlet.value && strcmp(m.outlet.value, pages[i].outlet)))
      fail_msg("page %zu: outlet %s", i, m.outlet.value ? m.outlet.value : "-");
    if ((pages[i].original == NULL) != (m.original.value == NULL) ||
        (m.original.value && strcmp(m.original.value, pages[i].original)))
      fail_msg("page %zu: original %s", i,
               m.original.value ? m.original.value : "-");
    hs_meta_clear(&m);
    hs_corpus_free(c);
  }
  hs_aliases_free(al);
}

/* An e-mail or Usenet message's title is its Subject: line, not the From:
** or Return-Path: line that opens it: folded over two lines it is one,
** with one space; a message without one keeps the first-lines rule.  Its
** writers' e-mail addresses and its header lines name no outlet. */
static void test_mail_subject(void **state) {
  static const char *const pages[][2] = {
      {"From: anna@mail.harborcollege.com (Anna Berg)\nSubject: Re: ferry "
       "pier vote   \nOrganization: Harbor College\nLines: 3\n\nIn article "
       "<1993.17@harborcollege.com> bob@harborcollege.com writes:\nThe "
       "council voted to rebuild the old ferry pier after three hours of "
       "debate.\n",
       "Re: ferry pier vote"},
      {"From list-admin@harbor.example  Tue Jul 23 19:25:05 2002\n"
       "Return-Path: <list-admin@harbor.example>\nSubject: [harbor] The "
       "ferry pier\n\tis to be rebuilt\nDate: Tue, 23 Jul 2002 19:25:05 "
       "-0700\n\nThe council voted to rebuild the old ferry pier.\n",
       "[harbor] The ferry pier is to be rebuilt"},
      {"From: anna@harbor.example (Anna Berg)\nOrganization: Harbor "
       "College\n\nThe council voted to rebuild the old ferry pier.\n",
       "From: anna@harbor.example (Anna Berg)"}};
  size_t i;
  (void)state;
  for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    hs_corpus *c = hs_corpus_new();
    hs_meta m;
    assert_int_equal(hs_corpus_add(c, "p", pages[i][0], strlen(pages[i][0]),
                                   NULL, NULL, NULL, NULL, NULL, "a.jsonl", 1,
                                   NULL), HS_OK);
    assert_int_equal(hs_meta_extract(hs_corpus_doc(c, 0), NULL, NULL, &m,
                                     NULL), HS_OK);
    if (!m.title.value || strcmp(m.title.value, pages[i][1]))
      fail_msg("message %zu: title %s", i, m.title.value ? m.title.value : "-");
    /* the writers' addresses and the header block name no outlet */
    if (m.outlet.value)
      fail_msg("message %zu: outlet %s", i, m.outlet.value);
    hs_meta_clear(&m);
    hs_corpus_free(c);
  }
}

/* An HTML page without a URL names its site in its markup: the tail cut
** from its title, og:site_name, twitter:site, a copyright footer, the
** logo's alt text; each read through the alias table ("BBC News" is BBC),
** the same in meta and hs_doc_outlet. */
static void test_html_site(void **state) {
  static const char *const pages[][3] = {
      {"<html><head><title>Floods close schools - BBC News</title></head>"
       "<body><h1>Floods close schools</h1><p>Schools across the state were "
       "closed on Thursday as heavy rains continued, officials said, and "
       "more than fifty thousand people were moved to camps.</p></body>"
       "</html>",
       "BBC", "Floods close schools"},
      {"<html><head><title>Visa rules eased</title><meta property="
       "\"og:site_name\" content=\"Al Arabiya English\"></head><body><h1>"
       "Visa rules eased</h1><p>The kingdom will open its doors to foreign "
       "tourists for the first time, the tourism authority announced on "
       "Friday, as it seeks to diversify its economy.</p></body></html>",
       "Al Arabiya", "Visa rules eased"},
      {"<html><head><title>Oil prices climb</title><meta name=\"twitter:site"
       "\" content=\"@Reuters\"></head><body><h1>Oil prices climb</h1><p>Oil "
       "prices rose on Thursday after producers pledged additional cuts to "
       "their output, analysts said in notes to clients.</p></body></html>",
       "Reuters", "Oil prices climb"},
      {"<html><head><title>Roads flooded in Akkar</title></head><body><h1>"
       "Roads flooded in Akkar</h1><p>Heavy rain flooded roads across the "
       "Akkar district on Sunday, civil defence officials said, and the "
       "water reached the first floors of homes.</p><footer>Copyright \xc2\xa9 "
       "2019 Cedar Daily Wire. All rights reserved.</footer></body></html>",
       "Cedar Daily Wire", "Roads flooded in Akkar"},
      {"<html><head><title>Talks resume in Geneva</title></head><body><div "
       "class=\"site-logo\"><img src=\"/a.png\" alt=\"Middle East Eye\"></div>"
       "<h1>Talks resume in Geneva</h1><p>Delegations met again on Monday "
       "after a pause of three weeks, diplomats said, with a new agenda "
       "agreed by both sides.</p></body></html>",
       "Middle East Eye", "Talks resume in Geneva"}};
  hs_aliases *al = NULL;
  size_t i;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  for (i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    hs_article *a = NULL;
    hs_corpus *c = hs_corpus_new();
    hs_meta m;
    char *extra, *o;
    assert_int_equal(hs_web_extract(pages[i][0], strlen(pages[i][0]), NULL,
                                    NULL, NULL, NULL, "p", &a, NULL),
                     HS_OK);
    extra = hs_article_extra_json(a);
    assert_int_equal(hs_corpus_add(c, "p.html", a->text, a->len, a->outlet,
                                   a->date, a->title, a->url, extra, "p.html",
                                   0, NULL), HS_OK);
    assert_int_equal(hs_meta_extract(hs_corpus_doc(c, 0), al, NULL, &m, NULL),
                     HS_OK);
    if (!m.outlet.value || strcmp(m.outlet.value, pages[i][1]))
      fail_msg("page %zu: outlet %s", i, m.outlet.value ? m.outlet.value : "-");
    assert_string_equal(m.outlet_source, "html");
    if (!m.title.value || strcmp(m.title.value, pages[i][2]))
      fail_msg("page %zu: title %s", i, m.title.value ? m.title.value : "-");
    o = hs_doc_outlet(hs_corpus_doc(c, 0), al);
    assert_non_null(o);
    assert_string_equal(o, pages[i][1]);
    free(o);
    free(extra);
    hs_meta_clear(&m);
    hs_article_free(a);
    hs_corpus_free(c);
  }
  hs_aliases_free(al);
}

/* The folder rule is for a folder of files: a JSONL record's path-like id
** ("bbc/business/041") and a folder named by a date name no outlet; a
** SaudiNewsNet address names its outlet through the alias table. */
static void test_outlet_folder_url(void **state) {
  static const char body[] =
      "Quarterly profits jumped at the firm, the company said on Monday in a "
      "long statement to investors.\n";
  hs_corpus *c = hs_corpus_new();
  hs_aliases *al = NULL;
  char *o;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  assert_int_equal(hs_corpus_add(c, "bbc/business/041", body, strlen(body),
                                 NULL, NULL, NULL, NULL, NULL, "a.jsonl", 7,
                                 NULL), HS_OK);
  assert_int_equal(hs_corpus_add(c, "pages/2015-07-22/x.txt", body,
                                 strlen(body), NULL, NULL, NULL, NULL, NULL,
                                 NULL, 0, NULL), HS_OK);
  assert_int_equal(hs_corpus_add(c, "s/2015-07-22/01523", body, strlen(body),
                                 NULL, NULL, NULL,
                                 "http://www.alweeam.com.sa/348531/x/", NULL,
                                 "b.jsonl", 3, NULL), HS_OK);
  assert_int_equal(hs_corpus_add(c, "s/2015-07-25/00077", body, strlen(body),
                                 NULL, NULL, NULL,
                                 "http://www.3alyoum.com/news/local/a/x/",
                                 NULL, "b.jsonl", 4, NULL), HS_OK);
  assert_null(hs_doc_outlet(hs_corpus_doc(c, 0), al));
  assert_null(hs_doc_outlet(hs_corpus_doc(c, 1), al));
  o = hs_doc_outlet(hs_corpus_doc(c, 2), al);
  assert_non_null(o);
  assert_string_equal(o, "Al-Weeam");
  free(o);
  o = hs_doc_outlet(hs_corpus_doc(c, 3), al);
  assert_non_null(o);
  assert_string_equal(o, "Ain Alyoum");
  free(o);
  hs_aliases_free(al);
  hs_corpus_free(c);
}

/* Repeated lines of one outlet: in >= 3 documents and >= 30% of them. */
static void test_repeated_lines(void **state) {
  hs_corpus *c = hs_corpus_new();
  hs_range_list *l = NULL;
  char buf[256];
  int i;
  (void)state;
  for (i = 0; i < 4; i++) {
    int n = snprintf(buf, sizeof buf,
                     "Story number %d about something else entirely.\n"
                     "Visit the Gazette shop for prints\n",
                     i);
    char id[8];
    snprintf(id, sizeof id, "d%d", i);
    assert_int_equal(hs_corpus_add(c, id, buf, (size_t)n, "gazette", NULL,
                                   NULL, NULL, NULL, NULL, 0, NULL),
                     HS_OK);
  }
  assert_int_equal(hs_boiler_corpus(c, &l, NULL), HS_OK);
  for (i = 0; i < 4; i++) {
    const hs_doc *d = hs_corpus_doc(c, (size_t)i);
    assert_int_equal(l[i].n, 1);
    assert_string_equal(d->text + l[i].r[0].start,
                        "Visit the Gazette shop for prints\n");
  }
  hs_boiler_free(l, 4);
  hs_corpus_free(c);
}

/* Two pages that share only a long footer: masked, no passage. */
static void test_masking(void **state) {
  static const char FOOT[] =
      "Leave a Reply\nYour email address will not be published. Required "
      "fields are marked with a star and comments are moderated before they "
      "appear on the site so please be patient with our small team\n";
  char a[1024], b[1024];
  hs_corpus *c = hs_corpus_new();
  hs_engine *e = NULL;
  hs_passage *p = NULL;
  hs_range *r0 = NULL, *r1 = NULL;
  hs_range_list lists[2];
  size_t n = 0, n0 = 0, n1 = 0;
  hs_reuse_opts o;
  int la, lb;
  (void)state;
  la = snprintf(a, sizeof a, "Alpha bravo charlie delta echo foxtrot golf "
                             "hotel india juliet kilo lima.\n%s", FOOT);
  lb = snprintf(b, sizeof b, "Zulu yankee xray whiskey victor uniform tango "
                             "sierra romeo quebec papa oscar.\n%s", FOOT);
  hs_corpus_add(c, "a", a, (size_t)la, NULL, NULL, NULL, NULL, NULL, NULL, 0,
                NULL);
  hs_corpus_add(c, "b", b, (size_t)lb, NULL, NULL, NULL, NULL, NULL, NULL, 0,
                NULL);
  hs_reuse_opts_default(&o);
  o.threads = 1;
  /* unmasked: the footer is a passage */
  assert_int_equal(hs_engine_new(&e, &o, NULL), HS_OK);
  assert_int_equal(hs_engine_add(e, c, 0, 2, NULL), HS_OK);
  assert_int_equal(hs_engine_run(e, 0, &p, &n, NULL), HS_OK);
  assert_true(n >= 1);
  free(p);
  hs_engine_free(e);
  /* masked: nothing */
  hs_boiler_find(a, (size_t)la, &r0, &n0, NULL);
  hs_boiler_find(b, (size_t)lb, &r1, &n1, NULL);
  assert_true(n0 >= 1 && n1 >= 1);
  lists[0].r = r0, lists[0].n = n0;
  lists[1].r = r1, lists[1].n = n1;
  assert_int_equal(hs_engine_new(&e, &o, NULL), HS_OK);
  assert_int_equal(hs_engine_add_masked(e, c, 0, 2, lists, NULL), HS_OK);
  assert_int_equal(hs_engine_run(e, 0, &p, &n, NULL), HS_OK);
  assert_int_equal(n, 0);
  free(p);
  hs_engine_free(e);
  free(r0);
  free(r1);
  hs_corpus_free(c);
}

/* A line's words from the whole text's tokens equal those of the line
** tokenized alone, on random texts built from the pieces where the two
** could part: joiners at line ends ("U.S." "3.5" "don't"), NBSP, tabs and
** CRLF around lines, format characters and marks at line starts, CJK,
** invalid bytes, blank and over-long lines. */
static void test_line_records_from_tokens(void **state) {
  static const char *const pieces[] = {
      "word", "U.S.", "3.5", "1,000", "don't", " ", "  ", "\t", "\n", "\r\n",
      "\xc2\xa0", "\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85", "\xd9\x80",
      "\xe2\x80\x8c", "\xcc\x81", "\xe4\xb8\xad\xe6\x96\x87", "\xff", ".",
      ",", "'", "e.g.", "\xd9\xa3\xd9\xab\xd9\xa5", "-", "\xd8"};
  const size_t npieces = sizeof pieces / sizeof *pieces;
  hs_tokenizer *tk = hs_tokenizer_new();
  hs_buf text;
  uint64_t x = 0x2545F4914F6CDD1Dull, *hv = NULL;
  size_t hvcap = 0;
  int round;
  (void)state;
  hs_buf_init(&text, 0);
  for (round = 0; round < 3000; round++) {
    hs_line_rec *va = NULL, *vb = NULL;
    size_t na = 0, nb = 0, capa = 0, capb = 0, ntoks = 0, i, parts;
    hs_token *toks = NULL;
    text.len = 0;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    parts = 1 + x % 400;
    for (i = 0; i < parts; i++) {
      const char *p;
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      p = pieces[x % npieces];
      if (round % 50 == 0 && i == parts / 2) /* an over-long line */
        while (text.len < 2600) hs_buf_append(&text, "abc ", 4);
      hs_buf_append(&text, p, strlen(p));
    }
    assert_int_equal(hs_tokenize(text.p, text.len, &toks, &ntoks, NULL),
                     HS_OK);
    hs_line_records(tk, 7, text.p, text.len, 3, &va, &na, &capa, &hv,
                    &hvcap);
    hs_line_records_tokens(toks, ntoks, 7, text.p, text.len, 3, &vb, &nb,
                           &capb, &hv, &hvcap);
    assert_int_equal(na, nb);
    for (i = 0; i < na; i++) {
      assert_int_equal(va[i].hash, vb[i].hash);
      assert_int_equal(va[i].start, vb[i].start);
      assert_int_equal(va[i].end, vb[i].end);
    }
    free(toks);
    free(va);
    free(vb);
  }
  free(hv);
  hs_buf_free(&text);
  hs_tokenizer_free(tk);
}

/* hs_meta_extract_range: the same records as one hs_meta_extract per
** document, whatever the number of threads, at each document's place;
** a set cancel flag stops it with HS_EINTR. */
static void test_meta_range(void **state) {
  static const char *const texts[] = {
      PAGE,
      "DUBAI, March 4 (Reuters) - The port official said the boats left on "
      "Friday.\n",
      "الرياض 12 مارس 2019 (واس) - قال المتحدث إن الاجتماع عقد اليوم.\n",
      "",
      "Harbour reopens\nBy Jane Doe\nThe ministry said on Monday that it "
      "would reopen the harbour, according to Reuters.\n"};
  const size_t n = 40;
  hs_corpus *c = hs_corpus_new();
  hs_aliases *al = NULL;
  hs_meta *one = calloc(n, sizeof *one), *par = calloc(n, sizeof *par);
  size_t i, k;
  int stop = 1, t;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  for (i = 0; i < n; i++) {
    char id[16];
    const char *tx = texts[i % (sizeof texts / sizeof texts[0])];
    snprintf(id, sizeof id, "d%zu", i);
    assert_int_equal(hs_corpus_add(c, id, tx, strlen(tx), NULL, NULL, NULL,
                                   NULL, NULL, NULL, 0, NULL),
                     HS_OK);
  }
  for (i = 0; i < n - 3; i++)
    assert_int_equal(hs_meta_extract(hs_corpus_doc(c, i + 3), al, NULL,
                                     &one[i], NULL), HS_OK);
  for (t = 1; t <= 4; t += 3) {
    memset(par, 0, n * sizeof *par);
    assert_int_equal(hs_meta_extract_range(c, al, NULL, 3, n - 3, t, NULL,
                                           par, NULL), HS_OK);
    for (i = 0; i < n - 3; i++) {
      const char *a = one[i].date.value, *b = par[i].date.value;
      assert_int_equal(one[i].nattr, par[i].nattr);
      assert_true((!a && !b) || (a && b && !strcmp(a, b)));
      a = one[i].outlet.value;
      b = par[i].outlet.value;
      assert_true((!a && !b) || (a && b && !strcmp(a, b)));
      for (k = 0; k < one[i].nattr; k++)
        assert_string_equal(one[i].attr[k].source, par[i].attr[k].source);
      hs_meta_clear(&par[i]);
    }
  }
  memset(par, 0, n * sizeof *par);
  {
    hs_error err;
    assert_int_equal(hs_meta_extract_range(c, al, NULL, 0, n, 2, &stop, par,
                                           &err), HS_EINTR);
    assert_int_equal(err.code, HS_EINTR);
  }
  for (i = 0; i < n; i++) hs_meta_clear(&par[i]);
  for (i = 0; i < n - 3; i++) hs_meta_clear(&one[i]);
  free(one);
  free(par);
  hs_aliases_free(al);
  hs_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_date_table),
      cmocka_unit_test(test_calendars),
      cmocka_unit_test(test_boilerplate),
      cmocka_unit_test(test_meta_fields),
      cmocka_unit_test(test_meta_page),
      cmocka_unit_test(test_page_header_lines),
      cmocka_unit_test(test_mail_subject),
      cmocka_unit_test(test_html_site),
      cmocka_unit_test(test_outlet_folder_url),
      cmocka_unit_test(test_furniture),
      cmocka_unit_test(test_outlet_name_forms),
      cmocka_unit_test(test_copyright_holder_forms),
      cmocka_unit_test(test_credit_forms),
      cmocka_unit_test(test_scraped_headlines),
      cmocka_unit_test(test_scraped_dates),
      cmocka_unit_test(test_repeated_lines),
      cmocka_unit_test(test_masking),
      cmocka_unit_test(test_line_records_from_tokens),
      cmocka_unit_test(test_meta_range),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
