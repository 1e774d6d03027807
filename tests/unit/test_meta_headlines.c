/*
** test_meta_headlines.c — headlines: the headline of a scraped page under
** furniture that looks like one, the lines above it that are not it, and
** an e-mail or Usenet message's Subject: line.
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
       ""},
      /* a site's ticker under the headline ("Headline: ..." over every
      ** article of the site) is never the headline; nor a link line */
      {"Unbearable Slowness of Pier Turnings, Part 1 and Part 2\n\n"
       "Headline: Harbor Searches Exceed Records! Harbor Stocks Are Next!\n\n"
       "By Anna Berg / The Harbor Platform\n\nPart 1\n\n\u201cThe next "
       "harbor records are due to begin shortly after the new millennium, "
       "and searches for stocks will spark a sudden rise,\u201d the trader "
       "wrote in a note to clients on Monday, adding that prices would "
       "climb for weeks.\n\n" PIER "\n",
       "Unbearable Slowness of Pier Turnings, Part 1 and Part 2"},
      {"Listen to the Podcast Audio: Click Here\n\n" PIER "\n", ""},
      /* a standfirst naming people (short of title case) with a clause
      ** after a comma, over the headline in title case */
      {"Subscribe to Harbor Free Press for FREE\n\nNeither Mayor Smith nor "
       "Governor Brown will be there, but President Lee will be, speaking "
       "to the crowd by video\n\nIt\u2019s Not Really the Mayor Who Needs "
       "His Pier Rebuilt\n\n" PIER "\n",
       "It\u2019s Not Really the Mayor Who Needs His Pier Rebuilt"},
      /* a republished page: the line its credit's address spells, though
      ** cut short with an ellipsis */
      {"Pier vote ends in a tie\u2026\n\n% of readers think this story is "
       "Fact. Add your two cents.\n\nHey, readers, behold a council.\n\nWho "
       "needs a ferry for a rush when we have the pier?\n\n" PIER "\n\n"
       "Source: http://harborcorner.blogspot.com/2018/01/"
       "pier-vote-ends-in-a-tie.html\n",
       "Pier vote ends in a tie\u2026"},
      /* a site's plea over every article, then a long standfirst with no
      ** full stop over the headline (title case, or a short line in
      ** sentence case) over the paragraph */
      {"Subscribe to Harbor Free Press for FREE\n\nMore than the money, "
       "the council is taking the say of the boat owners and the harbor "
       "master, while causing harm to the ferry crews who are deprived of "
       "the real help they need to keep the crossing open\n\nHow the "
       "Council Makes a Lousy Pier Look Great\n\n" PIER "\n",
       "How the Council Makes a Lousy Pier Look Great"},
      {"Subscribe to Harbor Free Press for FREE\n\nChance to learn about "
       "and practice - in a limited manner under controlled conditions - "
       "steering, vision and anticipation, as well as some obstacle "
       "avoidance and braking in both a straight line and on "
       "curves\n\nFerry crews learn to dock in winter storms\n\n" PIER
       "\n",
       "Ferry crews learn to dock in winter storms"},
      /* a paragraph that ends with a full stop is no standfirst: the
      ** line under it is a subheading, and the plea no headline */
      {"Subscribe to Harbor Free Press for FREE\n\n" PIER "\n\nThe "
       "Vote\n\n" PIER "\n", ""},
      /* the first line over a site's ticker of another story is the
      ** headline, though it ends with a full stop or an ellipsis, and
      ** though an advertisement over a byline follows */
      {"Harbor Gives Ferry Groups Millions to Rebuild the Pier, Records "
       "Show, Says Govt.\n\nHeadline: Bitcoin Searches Exceed Trump!\n\n"
       PIER "\n",
       "Harbor Gives Ferry Groups Millions to Rebuild the Pier, Records "
       "Show, Says Govt."},
      {"Reckless! The Mayor Made a Bold Threat\u2026\n\n% of readers think "
       "this story is Fact. Add your two cents.\n\nHeadline: Bitcoin "
       "Searches Exceed Trump!\n\nAn Exclusive You Have To See: The Last "
       "Pier Is Here!\n\nBy Anna Berg\n\n" PIER "\n",
       "Reckless! The Mayor Made a Bold Threat\u2026"}};
#undef PIER
  hs_aliases *al = NULL;
  size_t wrong;
  (void)state;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  wrong = fact_misses(pages, sizeof pages / sizeof pages[0], al, 1);
  hs_aliases_free(al);
  assert_int_equal(wrong, 0);
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
** with one space, its encoded words decoded, a line of message ids under
** it left out; a message without one keeps the first-lines rule.  Its
** writers' e-mail addresses, its header lines and a copyright line naming
** its writer name no outlet. */
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
       "From: anna@harbor.example (Anna Berg)"},
      /* a line of message ids under the subject: a References: list
      ** whose label is lost, not the subject's folded part */
      {"From: <anna@harbor.example>\nSubject: Re: ferry pier vote\n "
       "<1993Apr12.235334.25031@mail.harbor.example> <34244@harbor.example>\n"
       "Lines: 3\n\nThe council voted to rebuild the old ferry pier.\n",
       "Re: ferry pier vote"},
      /* RFC 2047 encoded words, base64 and quoted-printable, in two
      ** charsets; the space between two words dropped, the text after
      ** one kept; a word that does not decode left as written */
      {"From: anna@harbor.example\nSubject: =?utf-8?B?RsOkaHJlIMO8YmVy?= "
       "=?ISO-8859-1?q?_den_Flu=DF?= (Anna)\nDate: Tue, 23 Jul 2002 "
       "19:25:05 -0700\n\nThe council voted to rebuild the old ferry "
       "pier.\n",
       "F\xc3\xa4hre \xc3\xbc" "ber den Flu\xc3\x9f (Anna)"},
      {"From: anna@harbor.example\nSubject: =?x-no-such-set?Q?pier?= and "
       "=?utf-8?Q?=ZZ?=\n\nThe council voted to rebuild the old ferry "
       "pier.\n",
       "=?x-no-such-set?Q?pier?= and =?utf-8?Q?=ZZ?="},
      /* a quoted reply's prefix and a quoted-printable tag opening short
      ** lines are no site's brand; "copyright law" opening a sentence is
      ** no copyright line */
      {"From: anna@harbor.example\nSubject: Re: the chat bot\n\nMF> Mike "
       "says:\nMF> how are you?\nMF> SmarterChild says:\nMF> Great thx! "
       "You?\n=3CTD width=3D=225%=22=3E\n=3CTD align=3Dmiddle vAlign=3Dtop\n"
       "=3CTD bgColor=3D#b8ecff color=3Dred\nThere is nothing in the rules "
       "that would stop it under\ncopyright law.  To avoid a long "
       "digression, let me just say it is fine.\n",
       "Re: the chat bot"},
      /* a copyright line naming the message's writer names a person */
      {"From pudge@harbor.example  Fri Sep 13 13:35:02 2002\nFrom: "
       "pudge@harbor.example\nSubject: [use Harbor] Headlines for "
       "2002-09-13\nDate: Fri, 13 Sep 2002 02:00:23 +0000\n\nuse Harbor "
       "Daily Headline Mailer\n\nThe pier is rebuilt\n    posted by pudge "
       "on Wednesday September 11\n\nCopyright 1997-2002 pudge.  All rights "
       "reserved.\n",
       "[use Harbor] Headlines for 2002-09-13"}};
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

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_scraped_headlines),
      cmocka_unit_test(test_page_header_lines),
      cmocka_unit_test(test_mail_subject),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
