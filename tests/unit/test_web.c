/*
** test_web.c — the web stage: article extraction from small pages written
** here (one per kind of boilerplate, one per date source, authors and
** outlet, an Arabic right-to-left page, pages in windows-1256 and
** ISO-8859-1), the source map, damaged input, and WARC archives built in
** the test (plain and gzip+chunked responses, a non-HTML record, a wrong
** Content-Length, a truncated record).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>
#include <iconv.h>

#include <cmocka.h>

#include "hearsay.h"
#include "ingest/ingest.h"
#include "web/web.h"

/* ---------------------------------------------------------- helpers */

typedef struct warns {
  char msg[32][512];
  int n;
} warns;

static void on_warn(void *ud, const char *where, const char *what) {
  warns *w = ud;
  if (w->n < 32) snprintf(w->msg[w->n++], 512, "%s: %s", where, what);
}

static int warned(const warns *w, const char *needle) {
  int i;
  for (i = 0; i < w->n; i++)
    if (strstr(w->msg[i], needle)) return 1;
  return 0;
}

static hs_article *extract(const char *page, size_t len, const char *cs,
                           const char *url, warns *w) {
  hs_article *a = NULL;
  hs_error e;
  assert_int_equal(hs_web_extract(page, len, cs, url, w ? on_warn : NULL, w,
                                  "test.html", &a, &e),
                   HS_OK);
  assert_non_null(a);
  assert_non_null(a->text);
  assert_int_equal(a->text[a->len], '\0');
  return a;
}

static hs_article *extract_str(const char *page) {
  return extract(page, strlen(page), NULL, NULL, NULL);
}

#define BODY                                                                 \
  "<p>The river rose by two metres overnight, and the council opened the "   \
  "flood barriers at dawn, officials said on Tuesday.</p>"                   \
  "<p>Residents of the lower town were asked to move their cars, and the "   \
  "school on Mill Street stayed closed for the day.</p>"                     \
  "<p>Engineers said the barriers, finished last spring, held without "      \
  "trouble, and the water began to fall by the afternoon.</p>"

/* ------------------------------------------------------- boilerplate */

static const struct boiler_case {
  const char *kind, *snippet, *marker;
} boiler_cases[] = {
    {"nav", "<nav><ul><li><a href='/'>Home NAVMARK</a></li><li><a href='/w'>"
            "World</a></li></ul></nav>", "NAVMARK"},
    {"comments", "<div class='comments-section'><h3>Comments</h3><p>I think "
                 "this is a great article and COMMENTMARK everyone should "
                 "read it, really, it is the best.</p></div>", "COMMENTMARK"},
    {"related", "<ul class='related-articles'><li><a href='/a'>Another story "
                "RELATEDMARK about floods</a></li><li><a href='/b'>More news "
                "about rivers</a></li></ul>", "RELATEDMARK"},
    {"cookie", "<div id='cookie-banner'><p>We use cookies to improve your "
               "experience, COOKIEMARK, by continuing you accept them.</p>"
               "<button>Accept</button></div>", "COOKIEMARK"},
    {"share", "<div class='share-bar'><a href='#'>Facebook</a> <a href='#'>"
              "Twitter</a> <span>SHAREMARK share this</span></div>",
     "SHAREMARK"},
    {"footer", "<footer><p>Copyright 2024 The Riverside Gazette, all rights "
               "reserved, FOOTERMARK, contact us.</p></footer>", "FOOTERMARK"},
};

static void test_boilerplate(void **state) {
  size_t k;
  (void)state;
  for (k = 0; k < sizeof boiler_cases / sizeof boiler_cases[0]; k++) {
    char page[4096];
    hs_article *a;
    snprintf(page, sizeof page,
             "<html><head><title>Flood barriers hold</title></head><body>"
             "%s<article><h1>Flood barriers hold</h1>" BODY "</article>%s"
             "</body></html>",
             k % 2 ? boiler_cases[k].snippet : "",
             k % 2 ? "" : boiler_cases[k].snippet);
    a = extract_str(page);
    if (strstr(a->text, boiler_cases[k].marker))
      fail_msg("%s boilerplate kept: %s", boiler_cases[k].kind, a->text);
    assert_non_null(strstr(a->text, "The river rose by two metres"));
    assert_non_null(strstr(a->text, "fall by the afternoon."));
    assert_string_equal(a->title, "Flood barriers hold");
    /* title line, blank line, then the paragraphs */
    assert_int_equal(strncmp(a->text, "Flood barriers hold\n\nThe river", 30),
                     0);
    hs_article_free(a);
  }
}

static void test_paragraphs_and_structure(void **state) {
  hs_article *a;
  (void)state;
  a = extract_str("<html><body><div class='story-body'>"
                  "<h1>Title here</h1>" BODY
                  "<h2>What comes next</h2>"
                  "<blockquote><p>We were ready for this, said the mayor of "
                  "the town, standing by the river.</p></blockquote>"
                  "<ul><li>first point of the list, quite long indeed</li>"
                  "<li>second point of the list, quite long too</li></ul>"
                  "</div><div class='sidebar'><p>Most read: a story that "
                  "should not be here at all, SIDEMARK.</p></div>"
                  "</body></html>");
  assert_non_null(strstr(a->text, "\n\nWhat comes next\n\n"));
  assert_non_null(strstr(a->text, "We were ready for this"));
  assert_non_null(strstr(a->text, "first point of the list"));
  assert_null(strstr(a->text, "SIDEMARK"));
  hs_article_free(a);
}

/* ------------------------------------------------------------- dates */

static const struct date_case {
  const char *source, *head, *body, *url, *want;
} date_cases[] = {
    {"meta", "<meta property='article:published_time' "
             "content='2024-03-05T10:00:00Z'>", "", NULL, "2024-03-05"},
    {"json-ld", "<script type='application/ld+json'>{\"@context\":"
                "\"https://schema.org\",\"@type\":\"NewsArticle\","
                "\"headline\":\"Flood\",\"datePublished\":"
                "\"2023-11-02T08:00:00+01:00\"}</script>", "", NULL,
     "2023-11-02"},
    {"time", "", "<time datetime='2022-07-14T09:30'>14 July</time>", NULL,
     "2022-07-14"},
    {"url", "", "", "https://example.com/news/2021/01/09/flood-story",
     "2021-01-09"},
    {"text", "", "<p>Published March 5, 2020 by the newsroom, with the "
                 "latest figures from the council.</p>", NULL, "2020-03-05"},
    {"text-dmy", "", "<p>Updated 7 June 2019, after the council met again "
                     "to discuss the barriers.</p>", NULL, "2019-06-07"},
};

static void test_dates(void **state) {
  size_t k;
  (void)state;
  for (k = 0; k < sizeof date_cases / sizeof date_cases[0]; k++) {
    char page[4096];
    hs_article *a;
    snprintf(page, sizeof page,
             "<html><head>%s</head><body><article>%s" BODY
             "</article></body></html>",
             date_cases[k].head, date_cases[k].body);
    a = extract(page, strlen(page), NULL, date_cases[k].url, NULL);
    if (!a->date || strcmp(a->date, date_cases[k].want))
      fail_msg("date from %s: got %s, want %s", date_cases[k].source,
               a->date ? a->date : "(none)", date_cases[k].want);
    assert_non_null(a->date_raw);
    hs_article_free(a);
  }
}

static void test_date_not_from_related(void **state) {
  hs_article *a;
  (void)state;
  a = extract_str("<html><body><div class='related-stories'><ul><li><a "
                  "href='/old'>Old story</a> <time datetime='2001-02-03'>"
                  "</time></li></ul></div><article><time "
                  "datetime='2024-08-09'>9 August</time>" BODY
                  "</article></body></html>");
  assert_string_equal(a->date, "2024-08-09");
  hs_article_free(a);
}

static void test_date_norm(void **state) {
  static const struct {
    const char *in, *out;
  } cases[] = {
      {"2024-03-05T10:00:00Z", "2024-03-05"},
      {"2024/3/5", "2024-03-05"},
      {"20240305", "2024-03-05"},
      {"Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"},
      {"March 5th, 2024", "2024-03-05"},
      {"Sept. 30, 2019", "2019-09-30"},
      {"5 December 2023", "2023-12-05"},
  };
  size_t k;
  char d[11];
  (void)state;
  for (k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    if (hs_web_date_norm(cases[k].in, d) || strcmp(d, cases[k].out))
      fail_msg("'%s' -> '%s'", cases[k].in, d);
  }
  assert_int_not_equal(hs_web_date_norm("no date here", d), 0);
  assert_int_not_equal(hs_web_date_norm("2024-13-45", d), 0);
}

/* ------------------------------------------------------------ headline */

/* The headline without the site's name: the <h1> or JSON-LD headline that
** opens og:title; a tail the URL's host spells; nothing cut otherwise. */
static void test_headline_suffix(void **state) {
  static const char p1[] =
      "<html><head><meta property='og:title' content='Flooding closes "
      "schools across Kerala - BBC News'></head><body><h1>Flooding closes "
      "schools across Kerala</h1><article>" BODY "</article></body></html>";
  static const char p2[] =
      "<html><head><title>Saudi Arabia announces new visa rules | Al Arabiya "
      "English</title></head><body><article>" BODY "</article></body></html>";
  static const char p3[] =
      "<html><head><meta property='og:title' content='Oil prices climb | "
      "Energy Desk'><script type='application/ld+json'>{\"@type\":"
      "\"NewsArticle\",\"headline\":\"Oil prices climb\"}</script></head>"
      "<body><article>" BODY "</article></body></html>";
  static const char p4[] =
      "<html><head><title>Syria - the war continues</title></head><body>"
      "<article>" BODY "</article></body></html>";
  hs_article *a;
  (void)state;
  a = extract_str(p1);
  assert_string_equal(a->title, "Flooding closes schools across Kerala");
  hs_article_free(a);
  a = extract(p2, sizeof p2 - 1, NULL, "https://english.alarabiya.net/n/1",
              NULL);
  assert_string_equal(a->title, "Saudi Arabia announces new visa rules");
  hs_article_free(a);
  a = extract_str(p3);
  assert_string_equal(a->title, "Oil prices climb");
  hs_article_free(a);
  a = extract(p4, sizeof p4 - 1, NULL, "https://news.example/syria", NULL);
  assert_string_equal(a->title, "Syria - the war continues");
  hs_article_free(a);
}

/* ------------------------------------------------- authors and outlet */

static void test_metadata(void **state) {
  static const char page[] =
      "<html lang='en-GB'><head><title>Flood | Daily Planet</title>"
              "<meta property='og:site_name' content='Daily Planet'>"
              "<meta name='author' content='Lois Lane'>"
              "<link rel='canonical' href='https://planet.example/flood'>"
              "<meta property='article:modified_time' "
              "content='2024-03-06T12:00:00Z'>"
              "<script type='application/ld+json'>[{\"@type\":\"NewsArticle\","
              "\"headline\":\"Flood barriers hold\",\"author\":[{\"@type\":"
              "\"Person\",\"name\":\"Clark Kent\"},{\"@type\":\"Organization\","
              "\"name\":\"Daily Planet\"}],\"publisher\":{\"name\":\"Daily "
              "Planet\"}}]</script></head><body><article>" BODY
              "<a rel='author' href='/jimmy'>Jimmy Olsen</a></article>"
              "</body></html>";
  hs_article *a;
  (void)state;
  a = extract(page, sizeof page - 1, NULL, "https://planet.example/flood?utm=x",
              NULL);
  assert_string_equal(a->outlet, "Daily Planet");
  assert_string_equal(a->language, "en");
  assert_string_equal(a->canonical_url, "https://planet.example/flood");
  assert_string_equal(a->url, "https://planet.example/flood?utm=x");
  assert_string_equal(a->modified, "2024-03-06");
  assert_int_equal(a->nauthors, 3);
  assert_string_equal(a->authors[0], "Lois Lane");
  assert_string_equal(a->authors[1], "Clark Kent");
  assert_string_equal(a->authors[2], "Jimmy Olsen");
  {
    char *x = hs_article_extra_json(a);
    assert_non_null(strstr(x, "\"authors\":[\"Lois Lane\",\"Clark Kent\""));
    assert_non_null(strstr(x, "\"source_map\":[["));
    free(x);
  }
  hs_article_free(a);
}

/* ----------------------------------------------------------- scripts */

#define AR_PARA                                                           \
  "\xd9\x82\xd8\xa7\xd9\x84\xd8\xaa \xd8\xa7\xd9\x84\xd9\x88\xd8\xb2\xd8\xa7" \
  "\xd8\xb1\xd8\xa9 \xd8\xa5\xd9\x86 \xd8\xa7\xd9\x84\xd9\x85\xd9\x8a\xd8\xa7" \
  "\xd9\x87 \xd8\xa7\xd8\xb1\xd8\xaa\xd9\x81\xd8\xb9\xd8\xaa\xd8\x8c "       \
  "\xd9\x88\xd8\xa3\xd8\xba\xd9\x84\xd9\x82\xd8\xaa \xd8\xa7\xd9\x84\xd9\x85" \
  "\xd8\xaf\xd8\xa7\xd8\xb1\xd8\xb3 \xd9\x81\xd9\x8a \xd8\xa7\xd9\x84\xd9\x85" \
  "\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9."

static void test_arabic_rtl(void **state) {
  hs_article *a;
  (void)state;
  a = extract_str("<html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
                  "</head><body><article><h1>\xd8\xb9\xd8\xa7\xd8\xac\xd9\x84"
                  "</h1><p>" AR_PARA "</p><p>" AR_PARA " " AR_PARA
                  "</p></article></body></html>");
  assert_string_equal(a->language, "ar");
  assert_non_null(strstr(a->text, AR_PARA));
  /* Arabic paragraphs are found in the page too. */
  assert_int_equal(a->nmap, 2);
  assert_int_equal(a->map[0].text_end - a->map[0].text_start,
                   strlen(AR_PARA));
  assert_int_equal(a->map[0].page_end - a->map[0].page_start,
                   strlen(AR_PARA));
  hs_article_free(a);
  /* Without a lang attribute the script decides. */
  a = extract_str("<html><body><article><p>" AR_PARA "</p><p>" AR_PARA
                  "</p></article></body></html>");
  assert_string_equal(a->language, "ar");
  hs_article_free(a);
}

static void test_charsets(void **state) {
  /* windows-1256: "عاجل: ارتفاع أسعار النفط" */
  static const char cp1256[] =
      "<html><head><meta http-equiv='Content-Type' content='text/html; "
      "charset=windows-1256'></head><body><article><p>"
      "\xda\xc7\xcc\xe1\x3a\x20\xc7\xd1\xca\xdd\xc7\xda\x20\xc3\xd3\xda\xc7"
      "\xd1\x20\xc7\xe1\xe4\xdd\xd8 \xda\xc7\xcc\xe1\x3a\x20\xc7\xd1\xca\xdd"
      "\xc7\xda</p></article></body></html>";
  static const char utf8_ar[] =
      "\xd8\xb9\xd8\xa7\xd8\xac\xd9\x84: \xd8\xa7\xd8\xb1\xd8\xaa\xd9\x81"
      "\xd8\xa7\xd8\xb9 \xd8\xa3\xd8\xb3\xd8\xb9\xd8\xa7\xd8\xb1 \xd8\xa7"
      "\xd9\x84\xd9\x86\xd9\x81\xd8\xb7";
  static const char latin1[] =
      "<html><head><meta charset='ISO-8859-1'></head><body><article><p>Le "
      "caf\xe9 de la gare a rouvert apr\xe8s les inondations, a dit le "
      "maire.</p></article></body></html>";
  warns w;
  hs_article *a;
  (void)state;
  memset(&w, 0, sizeof w);
  a = extract(cp1256, sizeof cp1256 - 1, NULL, NULL, &w);
  assert_non_null(strstr(a->text, utf8_ar));
  assert_string_equal(a->language, "ar");
  hs_article_free(a);
  a = extract(latin1, sizeof latin1 - 1, NULL, NULL, &w);
  assert_non_null(strstr(a->text, "Le caf\xc3\xa9 de la gare a rouvert "
                                  "apr\xc3\xa8s"));
  hs_article_free(a);
  /* The HTTP header's charset wins over the page's. */
  a = extract(latin1, sizeof latin1 - 1, "iso-8859-1", NULL, &w);
  assert_non_null(strstr(a->text, "caf\xc3\xa9"));
  hs_article_free(a);
  assert_int_equal(w.n, 0);
  /* An unknown charset: one warning, read as UTF-8. */
  {
    static const char unk[] =
        "<html><head><meta charset='x-no-such'></head><body><p>Plain words "
        "in a page with a charset nobody knows about.</p></body></html>";
    a = extract(unk, sizeof unk - 1, NULL, NULL, &w);
  }
  assert_true(warned(&w, "unknown charset \"x-no-such\""));
  assert_non_null(strstr(a->text, "Plain words"));
  hs_article_free(a);
}

/* windows-1252 (the fallback for pages that are not UTF-8, and what
** latin-1 is read as) is converted by a table of its own: every byte from
** 0x80 on must read as iconv reads it, the five it leaves undefined as
** U+FFFD.  The same page converted by iconv here and extracted as UTF-8
** must give the same text. */
static void test_cp1252_table(void **state) {
  char page[4096], u8[8192];
  size_t n = 0, m = 0, b;
  hs_article *a, *r;
  iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
  static const char head[] = "<html><body><article><p>Bytes ";
  static const char tail[] = " end of the bytes.</p></article></body></html>";
  (void)state;
  assert_true(cd != (iconv_t)-1);
  memcpy(page, head, sizeof head - 1);
  n = sizeof head - 1;
  memcpy(u8, head, n);
  m = n;
  for (b = 0x80; b <= 0xFF; b++) {
    char in = (char)b, *ip = &in, *op = u8 + m;
    size_t il = 1, ol = 8;
    page[n++] = 'x';
    page[n++] = (char)b;
    page[n++] = ' ';
    u8[m++] = 'x';
    op = u8 + m;
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
      memcpy(u8 + m, "\xEF\xBF\xBD", 3);
      m += 3;
    } else {
      m = (size_t)(op - u8);
    }
    u8[m++] = ' ';
  }
  iconv_close(cd);
  memcpy(page + n, tail, sizeof tail - 1);
  n += sizeof tail - 1;
  memcpy(u8 + m, tail, sizeof tail - 1);
  m += sizeof tail - 1;
  a = extract(page, n, "windows-1252", NULL, NULL);
  r = extract(u8, m, "utf-8", NULL, NULL);
  assert_string_equal(a->text, r->text);
  assert_non_null(strstr(a->text, "x\xE2\x82\xAC x\xEF\xBF\xBD x"));
  hs_article_free(a);
  /* not valid UTF-8 and no charset named: windows-1252 too */
  a = extract(page, n, NULL, NULL, NULL);
  assert_string_equal(a->text, r->text);
  hs_article_free(a);
  hs_article_free(r);
}

/* -------------------------------------------------------- source map */

static void test_source_map(void **state) {
  static const char page[] =
      "<html><head><title>T</title></head><body><nav><a href='/'>Home</a>"
      "</nav><article><h1>Flood barriers hold</h1>" BODY
      "<p>A last line with an &amp; entity in the middle of it, and more "
      "words.</p></article></body></html>";
  hs_article *a;
  size_t i;
  (void)state;
  a = extract_str(page);
  assert_true(a->nmap >= 3);
  for (i = 0; i < a->nmap; i++) {
    const hs_source_run *r = &a->map[i];
    assert_true(r->text_end <= a->len && r->text_start < r->text_end);
    assert_true(r->page_end <= sizeof page - 1 &&
                r->page_start < r->page_end);
    if (i && r->page_start < a->map[i - 1].page_end) fail();
  }
  /* Plain paragraphs map exactly. */
  for (i = 0; i < 3; i++) {
    const hs_source_run *r = &a->map[i];
    assert_int_equal(r->text_end - r->text_start, r->page_end - r->page_start);
    assert_memory_equal(a->text + r->text_start, page + r->page_start,
                        r->text_end - r->text_start);
  }
  hs_article_free(a);
}

/* ------------------------------------------------------ damaged input */

static void test_damaged_html(void **state) {
  hs_article *a = NULL;
  hs_error e;
  char *big;
  size_t i, n = (size_t)17 << 20;
  warns w;
  (void)state;
  /* binary */
  assert_int_equal(hs_web_extract("\x01\x02\x03\x00\x04\x05\x06\x07\x08", 9,
                                  NULL, NULL, NULL, NULL, "b.html", &a, &e),
                   HS_EINPUT);
  assert_null(a);
  /* broken markup */
  a = extract_str("<html><body><div><p>Unclosed paragraph with enough words "
                  "to count as text, surely.<p>Second <b>bold <i>nested "
                  "</div></span></body><p>after body");
  assert_non_null(strstr(a->text, "Unclosed paragraph"));
  hs_article_free(a);
  /* empty */
  a = extract("", 0, NULL, NULL, NULL);
  assert_int_equal(a->len, 0);
  hs_article_free(a);
  /* huge: cut with a warning */
  big = malloc(n);
  assert_non_null(big);
  memcpy(big, "<html><body><p>", 15);
  for (i = 15; i < n; i++) big[i] = (i % 7) ? 'a' : ' ';
  memset(&w, 0, sizeof w);
  a = extract(big, n, NULL, NULL, &w);
  assert_true(warned(&w, "cut there"));
  hs_article_free(a);
  free(big);
}

/* -------------------------------------------------------------- WARC */

static void append(char **buf, size_t *len, const void *p, size_t n) {
  *buf = realloc(*buf, *len + n + 1);
  assert_non_null(*buf);
  memcpy(*buf + *len, p, n);
  *len += n;
}

static void add_record(char **w, size_t *wl, const char *type,
                       const char *id, const char *uri, const char *ctype,
                       const char *block, size_t blen, long claimed) {
  char h[1024];
  int k = snprintf(h, sizeof h,
                   "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <%s>\r\n"
                   "WARC-Target-URI: %s\r\nWARC-Date: 2024-03-05T10:00:00Z\r\n"
                   "Content-Type: %s\r\nContent-Length: %ld\r\n\r\n",
                   type, id, uri, ctype, claimed >= 0 ? claimed : (long)blen);
  append(w, wl, h, (size_t)k);
  append(w, wl, block, blen);
  append(w, wl, "\r\n\r\n", 4);
}

static size_t gzip_mem(const char *in, size_t n, unsigned char *out,
                       size_t cap) {
  z_stream z;
  memset(&z, 0, sizeof z);
  assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY),
                   Z_OK);
  z.next_in = (unsigned char *)(uintptr_t)in;
  z.avail_in = (uInt)n;
  z.next_out = out;
  z.avail_out = (uInt)cap;
  assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
  deflateEnd(&z);
  return z.total_out;
}

static void test_warc(void **state) {
  static const char page1[] =
      "<html><head><title>One</title></head><body><article>" BODY
      "</article></body></html>";
  static const char page2[] =
      "<html><head><meta property='og:title' content='Two'></head><body>"
      "<article><p>A second page, sent gzip-encoded and chunked, with a "
      "paragraph long enough to be the article of the page.</p></article>"
      "</body></html>";
  char *w = NULL, http[8192], dir[] = "/tmp/hs-test-web.XXXXXX", path[256];
  unsigned char gz[4096];
  size_t wl = 0, gl, half;
  int k;
  hs_corpus *c = hs_corpus_new();
  hs_ingest_opts o;
  hs_error e;
  warns ws;
  FILE *f;
  (void)state;

  add_record(&w, &wl, "warcinfo", "urn:uuid:0", "", "application/warc-fields",
             "software: test\r\n", 16, -1);
  /* 1: plain response */
  k = snprintf(http, sizeof http,
               "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
               "\r\n%s", page1);
  add_record(&w, &wl, "response", "urn:uuid:1", "https://a.example/one",
             "application/http; msgtype=response", http, (size_t)k, -1);
  add_record(&w, &wl, "request", "urn:uuid:1r", "https://a.example/one",
             "application/http; msgtype=request",
             "GET /one HTTP/1.1\r\n\r\n", 21, -1);
  /* 2: gzip, then chunked in two chunks */
  gl = gzip_mem(page2, sizeof page2 - 1, gz, sizeof gz);
  half = gl / 2;
  k = snprintf(http, sizeof http,
               "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
               "Content-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n"
               "%zx\r\n", half);
  memcpy(http + k, gz, half);
  k += (int)half;
  k += snprintf(http + k, sizeof http - (size_t)k, "\r\n%zx;ext=1\r\n",
                gl - half);
  memcpy(http + k, gz + half, gl - half);
  k += (int)(gl - half);
  k += snprintf(http + k, sizeof http - (size_t)k, "\r\n0\r\n\r\n");
  add_record(&w, &wl, "response", "urn:uuid:2", "https://a.example/two",
             "application/http; msgtype=response", http, (size_t)k, -1);
  /* 3: not HTML */
  k = snprintf(http, sizeof http,
               "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG");
  add_record(&w, &wl, "response", "urn:uuid:3", "https://a.example/i.png",
             "application/http; msgtype=response", http, (size_t)k, -1);
  /* 4: wrong Content-Length (too short): skipped, the next one is read */
  k = snprintf(http, sizeof http,
               "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n%s", page1);
  add_record(&w, &wl, "response", "urn:uuid:4", "https://a.example/four",
             "application/http; msgtype=response", http, (size_t)k, k - 40);
  /* 5: a resource record */
  add_record(&w, &wl, "resource", "urn:uuid:5", "https://a.example/five",
             "text/html", page2, sizeof page2 - 1, -1);
  /* 6: truncated at the end of the archive */
  k = snprintf(http, sizeof http,
               "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n%s", page1);
  add_record(&w, &wl, "response", "urn:uuid:6", "https://a.example/six",
             "application/http; msgtype=response", http, (size_t)k, -1);
  wl -= 100;

  assert_non_null(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/crawl.warc", dir);
  f = fopen(path, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(w, 1, wl, f), wl);
  fclose(f);

  memset(&o, 0, sizeof o);
  memset(&ws, 0, sizeof ws);
  o.warn = on_warn;
  o.warn_ud = &ws;
  assert_int_equal(hs_ingest_path(c, dir, &o, &e), HS_OK);
  assert_int_equal(hs_corpus_count(c), 3);
  assert_string_equal(hs_corpus_doc(c, 0)->id, "crawl.warc#urn:uuid:1");
  assert_string_equal(hs_corpus_doc(c, 0)->url, "https://a.example/one");
  assert_string_equal(hs_corpus_doc(c, 0)->title, "One");
  assert_non_null(strstr(hs_corpus_doc(c, 0)->text, "The river rose"));
  assert_string_equal(hs_corpus_doc(c, 1)->id, "crawl.warc#urn:uuid:2");
  assert_string_equal(hs_corpus_doc(c, 1)->title, "Two");
  assert_non_null(
      strstr(hs_corpus_doc(c, 1)->text, "gzip-encoded and chunked"));
  assert_string_equal(hs_corpus_doc(c, 2)->id, "crawl.warc#urn:uuid:5");
  assert_non_null(strstr(hs_corpus_doc(c, 2)->extra, "\"source_map\""));
  assert_true(warned(&ws, "Content-Length"));
  assert_true(warned(&ws, "truncated"));
  assert_true(warned(&ws, "1 not HTML"));
  assert_true(warned(&ws, "byte "));
  /* The same archive gzip-compressed as one member. */
  {
    unsigned char *big = malloc(wl + 1024);
    size_t bl;
    hs_corpus *c2 = hs_corpus_new();
    assert_non_null(big);
    bl = gzip_mem(w, wl, big, wl + 1024);
    snprintf(path, sizeof path, "%s/crawl.warc.gz", dir);
    f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(big, 1, bl, f), bl);
    fclose(f);
    assert_int_equal(hs_ingest_path(c2, path, &o, &e), HS_OK);
    assert_int_equal(hs_corpus_count(c2), 3);
    hs_corpus_free(c2);
    free(big);
    unlink(path);
  }
  snprintf(path, sizeof path, "%s/crawl.warc", dir);
  unlink(path);
  rmdir(dir);
  hs_corpus_free(c);
  free(w);
}

static void test_warc_garbage(void **state) {
  static const char junk[] =
      "this is not a warc\r\n\r\nWARC/1.0\r\nWARC-Type: resource\r\n"
      "Content-Type: text/html\r\nContent-Length: abc\r\n\r\n<p>x</p>\r\n\r\n"
      "WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\n"
      "Content-Length: 86\r\n\r\n<html><body><p>A resource page after "
      "two broken records, still read.</p></body></html>\r\n\r\n";
  hs_corpus *c = hs_corpus_new();
  hs_ingest_ctx x;
  hs_ingest_opts o;
  hs_input in;
  hs_error e;
  warns ws;
  (void)state;
  memset(&o, 0, sizeof o);
  memset(&ws, 0, sizeof ws);
  o.warn = on_warn;
  o.warn_ud = &ws;
  hs_ingest_ctx_init(&x, c, &o);
  hs_input_init_mem(&in, junk, sizeof junk - 1);
  assert_int_equal(hs_warc_read(&x.sink, &in, "junk.warc", "junk.warc", &e), HS_OK);
  assert_int_equal(hs_corpus_count(c), 1);
  assert_non_null(strstr(hs_corpus_doc(c, 0)->text, "still read"));
  assert_true(warned(&ws, "byte 0: no WARC record header"));
  assert_true(warned(&ws, "without a valid Content-Length"));
  hs_input_free(&in);
  hs_ingest_ctx_free(&x);
  hs_corpus_free(c);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_boilerplate),
      cmocka_unit_test(test_paragraphs_and_structure),
      cmocka_unit_test(test_dates),
      cmocka_unit_test(test_date_not_from_related),
      cmocka_unit_test(test_date_norm),
      cmocka_unit_test(test_metadata),
      cmocka_unit_test(test_headline_suffix),
      cmocka_unit_test(test_arabic_rtl),
      cmocka_unit_test(test_charsets),
      cmocka_unit_test(test_cp1252_table),
      cmocka_unit_test(test_source_map),
      cmocka_unit_test(test_damaged_html),
      cmocka_unit_test(test_warc),
      cmocka_unit_test(test_warc_garbage),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
