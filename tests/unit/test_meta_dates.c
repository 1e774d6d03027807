/*
** test_meta_dates.c — dates: the date-form tables of src/meta/date.c
** driven by one table of inputs and expected Gregorian dates (English,
** Arabic, Persian; Hijri and Solar Hijri conversions against known
** equivalents), and the publication dates of scraped pages read from their
** header lines and credits.
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
#include "meta_pages.h"

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
    /* or alone on its line (a post's stamp under its headline), month
    ** first as any N/N/Y date */
    {"Ticker line\n4-13-16\nText", 2016, 4, 13, 0, "4-13-16"},
    {"Ticker line\n 3-6-16 \r\nText", 2016, 3, 6, 1, "3-6-16"},
    {"won 3-6-16 in", 0, 0, 0, 0, NULL},
    {"4-13-16 was", 0, 0, 0, 0, NULL},
    /* an RFC 822 date's two-digit year, before its time */
    {"Date: 29 Jul 01 11:34:44 AM", 2001, 7, 29, 0, "29 Jul 01"},
    {"on 29 Jul 01 we met", 0, 0, 0, 0, NULL},
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

/* Publication dates of scraped pages from their header lines: a byline
** whose fields "|" and "--" separate ("By A | November 18, 2019 -- 19:14
** GMT | Topic: X" is 12 words, not 15), and a page whose first line is a
** menu label with a colon ("Edition:"), no e-mail header; a dateline
** whose place opens the line ("Port Louis, Jan 24, 2018 / ..."); a republished
** page's credited address, labelled or alone on one of the last lines (two
** such lines are references, and date nothing; an address's year and
** month with no day, "/2014/01/2014-earth-...", date nothing either). */
static void test_scraped_dates(void **state) {
#define GADGETS_P "The phones, speakers and watches that made our list " \
    "this year are the ones we kept using long after the review was " \
    "written, and here is why.\n"
#define GADGETS GADGETS_P GADGETS_P GADGETS_P GADGETS_P GADGETS_P GADGETS_P
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
       "2019-11-18"},
      /* a dateline: a place, the date, then the paragraph */
      {"Harbour reopens after the storm\nPort Louis, Jan 24, 2018 / 04:26 "
       "am (Harbour News).- The ministry said on Wednesday that the harbour "
       "would reopen to ferries and cargo ships, a week after the storm "
       "closed it, and that the first boats would leave in the morning.\n"
       "The port official said the boats left on Friday.\n",
       "2018-01-24"},
      /* its address alone on a line, without a label, over a last line */
      {"Best tech gadgets of the year\n" GADGETS
       "https://www.techblog.example.com/2019-11-18-best-gadgets.html\n"
       "Read more great reviews here: https://www.techblog.example.com\n",
       "2019-11-18"}};
  hs_aliases *al = NULL;
  size_t wrong;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  wrong = fact_misses(pages, sizeof pages / sizeof pages[0], al, 0);
  { /* a credited address with a year and a month only: no date */
    hs_meta m;
    hs_corpus *c = page_meta(
        "Earth changes in 2014\n" GADGETS
        "Source: http://psychic.example.com/2014/01/2014-earth-changes.html\n",
        al, &m);
    if (m.date.value) {
      print_error("year and month: date %s, expected none\n", m.date.value);
      wrong++;
    }
    hs_meta_clear(&m);
    hs_corpus_free(c);
  }
  { /* references, not a credit */
    hs_meta m;
    hs_corpus *c = page_meta(
        "Best tech gadgets of the year\n" GADGETS
        "For More Information See:\n"
        "http://news.example.com/tech/2019-11-11-phones-of-the-year\n"
        "http://reviews.example.org/gadgets/20191118/4471/watches.html\n",
        al, &m);
    if (m.date.value) {
      print_error("references: date %s, expected none\n", m.date.value);
      wrong++;
    }
    hs_meta_clear(&m);
    hs_corpus_free(c);
  }
#undef GADGETS
#undef GADGETS_P
  hs_aliases_free(al);
  assert_int_equal(wrong, 0);
}

/* A stamp "3-6-16" alone under a site's ticker is the date; a message
** whose Date: header cannot be read has none (not its Received: line's),
** one with a two-digit year in it has that date; an author's page listing
** dated articles under "Most Recent Articles by NAME:" has none. */
static void test_page_date_rules(void **state) {
#define BODY "In this video the host talks about the rumours around the " \
    "campaign and the advisers it named, and about what the comments of " \
    "a former speaker say about the months to come for all of them.\n"
  static const char *const pages[][2] = {
      {"The question nobody asked (Video)\n\nHeadline: Bitcoin Searches "
       "Exceed Trump!\n\n3-6-16\n\n" BODY, "2016-03-06"},
      {"From anna@harbor.example  Mon Jun 24 17:48:15 2002\nReceived: from "
       "harbor.example by mail.example.com;\n    Wed, 5 Jun 2002 12:56:59 "
       "+0100\nSubject: The ferry pier\nDate: Wed, 05 Jun 0102 05:50:03 "
       "+0600\n\nThe council voted to rebuild the old ferry pier.\n", ""},
      {"From anna@harbor.example  Sun Jul 29 19:43:23 2001\nReceived: from "
       "harbor.example by mail.example.com;\n    Mon, 30 Jul 2001 01:54:21 "
       "+0700\nDate: 29 Jul 01 11:34:44 AM\nSubject: The ferry pier\n\n"
       "The council voted to rebuild the old ferry pier.\n", "2001-07-29"},
      {"Jim Bray\n\nJim can be reached at the magazine he publishes, and "
       "his careers have included journalist, technology retailer, video "
       "producer and teacher of the trade to many\n\nMost Recent Articles "
       "by Jim Bray:\n\nJun 29, 2008 \xe2\x80\x94 Jim Bray\n\nWho among us "
       "has not been found at one time or another with papers it would not "
       "be wise to be caught with?\n\nJun 16, 2008 \xe2\x80\x94 Jim Bray\n\n"
       "Take some world class cars and a day on a race track.\n", ""}};
  hs_aliases *al = NULL;
  size_t wrong;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  wrong = fact_misses(pages, sizeof pages / sizeof pages[0], al, 0);
#undef BODY
  hs_aliases_free(al);
  assert_int_equal(wrong, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_date_table),
      cmocka_unit_test(test_calendars),
      cmocka_unit_test(test_scraped_dates),
      cmocka_unit_test(test_page_date_rules),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
