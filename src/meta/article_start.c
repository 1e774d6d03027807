/*
** article_start.c — where the article begins in a scraped page: the
** headline line and the header zone (byline, dateline) around it.
**
** Text scraped from a web page opens with the site's furniture: menus,
** "Skip to content", "Sign In", rows of section names, teasers of other
** articles, often a hundred lines of it.  The headline is not the first
** line but the line the article hangs from: a title-case or sentence
** line of 2-30 words, no full stop at its end, with the first paragraph
** of the article (a long line) a few lines below it and, between them or
** just above it, a byline or a date line; it is often printed twice (a
** "Section|Headline" row at the top, or again over a photo gallery).
** Every line is classified once (menu and furniture words, captions and
** date labels from per-language tables below, date line, byline,
** paragraph, candidate) and each candidate is scored from what surrounds
** it:
**   first paragraph within 8 / 16 / 24 lines below   +4 / +3 / +2
**   a date line below it, within 3 lines / further   +3 / +2
**   (else a date line within the 3 lines above it)   +2
**   a byline below it                                 +2
**   the same line elsewhere in the page               +2
**   4-25 words                                        +1
**   a byline within the 3 lines above it              -3 (a name under "By";
**                                                     not one with a year:
**                                                     then +2 as a date)
**   words shared with its first two paragraphs        +3 (2, and a third
**                                                     of its own) / +1 (1)
**   a longer headline-like line between a short one
**   and its byline or date                            -2 each (a menu entry)
**   (the byline's -3 not when a date line lies between them: "Business
**   News" / a date / the headline; a title-case line of at most 5 words
**   over one 4 words longer counts it as between too: a show's name)
** A line of two sentences (a notice), of menu entries glued together
** ("FinancialGovernment SolutionsLegal") or of a published/modified pair
** of dates is no candidate; a long line of capitalised words without
** sentence punctuation is a row of menu entries, not a paragraph.
** The shared words are content words (a stop word table per language,
** lede.c), compared by their first 5 letters; not counted for a line with a
** paragraph in the 10 lines above it (the article's own lines) nor for a
** standfirst: a line within 3 under the first one that shares two words
** with the same paragraph (the headline comes first, the standfirst that
** repeats the lede's words after it).
** Byline and date lines count up to the first paragraph (past a caption
** right under the headline); a line that ends with the next line is a
** breadcrumb glued to the headline and no candidate, and so is a line
** below 3 paragraphs (a subheading, or a teaser under the article), and
** the teasers under a related-articles header (to a paragraph, or to a
** row of 3 menu lines: the header was the site's menu); a
** short line of capitalised words right over a date line is a byline (the
** author's name).  The best candidate is the headline when it scores at
** least 6, or 5 below a block of furniture (8 lines or more, 70% of them
** of at most 6 words); on a tie the first one, or the longer of two lines
** at most 3 apart (a section or teaser line over the headline is
** shorter).  With none, a page of short paragraphs is scored again with
** its sentence lines of 12 words or more for paragraphs (a headline under
** furniture, with a date line or byline; no message, no wrapped text).
** With no such line there is no article start and the caller
** keeps its first-lines rule, unless the first paragraph sits under 15
** lines or more, 70% of them of at most 6 words (the site's menus: the
** page then has no headline).  The header zone runs from 3 lines above the headline to the
** first paragraph: a date there (or in a labelled line) is the page's
** date, never one in running text.  Cost: one pass over the first 600
** lines (at most 128 KB), a date scan of the short lines only, and a hash
** and a word set of its paragraphs per candidate that scores close to the
** best.
*/
#include <stdlib.h>
#include <string.h>

#include "meta/article_start.h"
#include "meta/meta_int.h"
#include "util/util.h"

#define MAX_LINES 600
#define MAX_BYTES (128u << 10)

enum { K_OTHER, K_MENU, K_DATE, K_BYLINE, K_BODY, K_CAND };

typedef struct aline {
  uint32_t s, e;
  uint16_t words;
  uint8_t kind, boiler;
  uint64_t h, h_tail, h_head; /* the line; after its last '|'; before " | " */
} aline;

/* Menu, account and share words: a line equal to one (case folded, a
** trailing colon allowed) is furniture, never a headline.  English first,
** then the other languages of the corpora (docs/sources.md lists them). */
static const char *const menu_lines[] = {
    "skip to content", "skip to main content", "skip to navigation",
    "skip to site index", "skip to contentskip to site index",
    "accessibility links", "sign in", "sign up", "log in", "login",
    "log out", "register", "subscribe", "subscribe now", "subscriber",
    "my account", "account", "menu", "main menu", "sections", "search",
    "home", "home page", "go to home page", "close", "open", "next",
    "previous", "back", "back to top", "more", "show more", "load more",
    "advertisement", "advertising", "sponsored", "sponsored content",
    "continue reading the main story", "supported by", "share",
    "share this", "share this article", "share on facebook",
    "share on twitter", "tweet", "email", "e-mail", "print", "comments",
    "comment", "newsletters", "newsletter", "contact", "contact us",
    "about", "about us", "privacy", "privacy policy", "terms of use",
    "terms of service", "terms & conditions", "live tv", "watch live",
    "trending", "latest", "latest news", "top stories", "breaking news",
    "most read", "most popular", "follow us", "got a tip?",
    "got a news tip?", "jobs", "careers", "archives", "today's paper",
    "today’s paper", "toggle navigation", "navigation", "main navigation",
    "up next", "video", "photos", "podcasts", "weather", "opinion",
    "facebook", "twitter", "instagram", "linkedin", "whatsapp", "pinterest",
    "reddit", "youtube", "rss",
    /* pt, es, it, de, id, fr */
    "entrar", "assine", "assinar", "buscar", "pesquisar", "início",
    "inicio", "compartilhe", "compartilhar", "alternar navegação",
    "iniciar sesión", "suscríbete", "buscar", "compartir", "accedi",
    "abbonati", "cerca", "condividi", "anmelden", "abonnieren", "suche",
    "teilen", "masuk", "daftar", "cari", "bagikan", "tentang kami", "iklan",
    "beranda",
    "connexion", "s'abonner", "rechercher", "partager",
    /* ar, fa, ru */
    "تسجيل الدخول", "اشترك", "بحث", "الرئيسية", "شارك", "طباعة", "ورود",
    "عضویت", "جستجو", "صفحه اصلی", "войти", "подписаться", "поиск",
    "главная", "поделиться", "Войти", "Подписаться", "Поиск", "Главная",
    "Поделиться", "Меню", "Новости", "Регистрация", NULL};

/* Headers of lists of other articles (an author's page: "Most Recent
** Articles by NAME:"): a line opening with one starts a list whose next
** 30 lines (up to a paragraph) are teasers, no headline. */
static const char *const teaser_headers[] = {
    "more stories", "related", "you may also like", "you might also like",
    "recommended for you", "see also", "read also", "also read",
    "more from ", "more in ", "more on ", "leia também", "veja também",
    "notizie correlate", "lesen sie auch", "baca juga", "berita terkait",
    "most read", "most popular", "most viewed", "trending now",
    "editor's picks", "read next", "what to read next", "articles by ",
    "most recent articles by ", "recent articles by ", "more articles by ",
    "читайте также", "по теме", "новости по теме", "самое читаемое",
    "популярное", "Читайте также", "По теме", "Новости по теме",
    "Самое читаемое", "Популярное", "Читать также", "Материалы по теме",
    "اقرأ أيضا", "اقرأ أيضاً", "مطالب مرتبط",
    "اخبار مرتبط", NULL};

/* Parts of furniture lines: share links, comment forms, newsletter
** prompts ("Submit to Reddit (Opens in new window)"). */
static const char *const furniture_parts[] = {
    "opens in new window", "opens in a new window", "click to ", "share via",
    "share on", "sign up", "newsletter", "leave a reply", "leave a comment",
    "lascia un commento", "deja un comentario", "deixe um comentário",
    "get short url", "external links", "cookies", "sharing options",
    "show more", "click here", "getty images", "image copyright",
    "shutterstock",
    "ap photo", "afp photo", "reuters/", "/reuters", "/ap", "/afp", NULL};

/* Publication labels: a short line opening with one is a date line even
** when its date has no year ("Updated Nov 19, 6:55 AM"). */
static const char *const date_labels[] = {
    "updated", "posted", "published", "last updated", "publicado",
    "atualizado", "pubblicato", "aggiornato", "veröffentlicht",
    "aktualisiert", "diterbitkan", "dipublikasikan", "publié",
    "опубликовано", "обновлено", "Опубликовано", "Обновлено",
    "Дата публикации", "نشر", "تاريخ", "تاریخ", "منتشر", NULL};

/* Photo captions and credits: a line opening with one is no headline. */
static const char *const caption_cues[] = {
    "photo:", "photo by", "photos:", "image:", "image credit", "credit:",
    "credits:", "photograph:", "file photo", "foto:", "bild:", "above:",
    "pictured:", "source:", "follow ", "share ", "fonte:", "fuente:",
    /* a site's ticker of another story ("Headline: Bitcoin Searches
    ** Exceed Trump!" over every article of the site) */
    "headline:", "headlines:", "top headline:", "trending:", "ticker:",
    NULL};

/* Byline openers: "By NAME", "Por NAME", «بقلم». */
static const char *const byline_cues[] = {
    "by ", "written by ", "posted by ", "por ", "di ", "von ", "oleh ",
    "par ", "автор", "Автор", "بقلم", "كتب", "نویسنده", NULL};

static int is_sp(unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; }


static int is_letter(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* is_letter as a table, for the loops that test every byte of a line. */
static const unsigned char letter_byte[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

#define N_MENU (sizeof menu_lines / sizeof menu_lines[0] - 1)

/* 1 if t[s, e) is the menu entry k (a trailing colon dropped). */
static int menu_is(const char *t, uint32_t s, uint32_t e, size_t k) {
  return hs_meta_starts_ci(t, s, e, menu_lines[k]) &&
         e - s == strlen(menu_lines[k]);
}

int hs_page_menu_line(const char *t, uint32_t s, uint32_t e) {
  size_t k;
  unsigned char c0;
  if (e > s && t[e - 1] == ':') e--;
  if (e <= s) return 0; /* no entry is empty */
  /* the entries of the line's first byte only: one test each */
  c0 = hs_ascii_lower[(unsigned char)t[s]];
  for (k = 0; menu_lines[k]; k++)
    if ((unsigned char)menu_lines[k][0] == c0 && menu_is(t, s, e, k))
      return 1;
  return 0;
}

/* Words, counting two CJK characters as one (scripts without spaces). */
static uint16_t count_words(const char *t, uint32_t s, uint32_t e) {
  /* by table and bit arithmetic, no test a byte: bit 0 a space (is_sp),
  ** bit 1 the lead byte of a CJK character (E3-E9) */
  static const unsigned char cls[256] = {
      ['\t'] = 1, ['\r'] = 1, [' '] = 1, [0xE3] = 2, [0xE4] = 2, [0xE5] = 2,
      [0xE6] = 2, [0xE7] = 2, [0xE8] = 2, [0xE9] = 2};
  const unsigned char *p = (const unsigned char *)t + s,
                      *end = (const unsigned char *)t + e;
  uint32_t n = 0, cjk = 0, in = 0;
  for (; p < end; p++) {
    uint32_t k = cls[*p], word = (k & 1) ^ 1;
    n += word & (in ^ 1);
    in = word;
    cjk += k >> 1;
  }
  if (cjk / 2 > n) n = cjk / 2;
  return (uint16_t)(n > 60000 ? 60000 : n);
}

static int in_ranges(const hs_range *r, size_t n, uint32_t s, uint32_t e) {
  size_t i;
  for (i = 0; i < n; i++) {
    if (r[i].start >= e) return 0; /* sorted */
    if (s < r[i].end && e > r[i].start) return 1;
  }
  return 0;
}

static int byline(const char *t, uint32_t s, uint32_t e, uint16_t w) {
  size_t k;
  if (w > 12) return 0;
  for (k = 0; byline_cues[k]; k++) {
    size_t n = strlen(byline_cues[k]);
    if (hs_meta_starts_ci(t, s, e, byline_cues[k])) {
      /* "By" alone on its line (the name follows), or a capital after */
      if (s + n >= e) return 1;
      if ((unsigned char)t[s + n] >= 0x80 ||
          (t[s + n] >= 'A' && t[s + n] <= 'Z') || t[s + n] == '@')
        return 1;
    }
  }
  return e - s == 2 && hs_meta_starts_ci(t, s, e, "by");
}

/* A row of menu entries glued into one long line ("Rankings and Research
** Companies Channelcast Marketing Matters CRNtv Events"): in Latin
** script, four words in five capitalised and no sentence punctuation
** (". ", ", ") in it. */
static int menu_row(const char *t, uint32_t s, uint32_t e) {
  uint32_t i, caps = 0, low = 0;
  int start = 1;
  for (i = s; i < e; i++) {
    unsigned char c = (unsigned char)t[i];
    if ((c == '.' || c == ',' || c == '?' || c == '!') && i + 1 < e &&
        is_sp((unsigned char)t[i + 1]))
      return 0;
    if (start && !is_sp(c)) {
      if (c >= 'A' && c <= 'Z') caps++;
      else if (c >= 'a' && c <= 'z') low++;
    }
    start = is_sp(c);
  }
  return caps + low >= 10 && caps >= 4 * (caps + low) / 5;
}

/* Two sentences in a line: a word of 3 small letters or more, a full stop
** and a capital ("... by its audience. When you purchase"); a headline is
** one phrase ("U.S. Says" is no break). */
static int sentence_break(const char *t, uint32_t s, uint32_t e,
                          uint16_t w) {
  uint32_t i, n = 0;
  for (i = s + 3; i + 2 < e; i++)
    if (t[i] == '.' && t[i + 1] == ' ' && t[i + 2] >= 'A' && t[i + 2] <= 'Z' &&
        t[i - 1] >= 'a' && t[i - 1] <= 'z' && t[i - 2] >= 'a' &&
        t[i - 2] <= 'z' && t[i - 3] >= 'a' && t[i - 3] <= 'z')
      n++;
  /* one break in a long line, or two ("'Meth. We're On It,'" is a
  ** headline's quotation) */
  return n >= 2 || (n == 1 && w >= 18);
}

/* Menu entries glued together by the scrape ("FinancialGovernment
** SolutionsLegal"): two words or more with a small letter followed by a
** capital inside them ("iPhone", "YouTube" alone are one). */
static int glued(const char *t, uint32_t s, uint32_t e) {
  uint32_t i, n = 0;
  int counted = 0;
  for (i = s + 1; i < e; i++) {
    if (is_sp((unsigned char)t[i])) counted = 0;
    else if (!counted && t[i] >= 'A' && t[i] <= 'Z' && t[i - 1] >= 'a' &&
             t[i - 1] <= 'z' && i >= s + 3 && t[i - 2] >= 'a' &&
             t[i - 2] <= 'z' && t[i - 3] >= 'a' && t[i - 3] <= 'z')
      n++, counted = 1;
  }
  return n >= 2;
}

/* Every word of 4 letters or more capitalised ("Dancing With the
** Stars": a section or show name), in Latin script. */
static int title_case(const char *t, uint32_t s, uint32_t e) {
  uint32_t i, ws = s;
  int latin = 0;
  for (i = s; i <= e; i++)
    if (i == e || is_sp((unsigned char)t[i])) {
      if (i - ws >= 4) {
        unsigned char c = (unsigned char)t[ws];
        if (c >= 'a' && c <= 'z') return 0;
        latin |= c >= 'A' && c <= 'Z';
      }
      ws = i + 1;
    }
  return latin;
}

/* The menu entries by their first byte (menu[b] to menu[b + 1] in ord) and
** the bytes that open a furniture part, worked out once a page: classify
** runs on every line and tried the first byte of every entry at every line
** and word start, one traced compare each in the fuzz build; now one table
** test, and the entries of that byte only. */
typedef struct {
  uint8_t menu[257], ord[N_MENU];
  unsigned char part[256];
} leads;

static void leads_init(leads *x) {
  size_t k, b;
  uint8_t count[256] = {0};
  _Static_assert(N_MENU < 256, "a menu entry's index is one byte");
  memset(x->part, 0, sizeof x->part);
  for (k = 0; k < N_MENU; k++) count[(unsigned char)menu_lines[k][0]]++;
  x->menu[0] = 0;
  for (b = 0; b < 256; b++) x->menu[b + 1] = (uint8_t)(x->menu[b] + count[b]);
  memset(count, 0, sizeof count);
  for (k = 0; k < N_MENU; k++) {
    b = (unsigned char)menu_lines[k][0];
    x->ord[x->menu[b] + count[b]++] = (uint8_t)k;
  }
  for (k = 0; furniture_parts[k]; k++)
    x->part[(unsigned char)furniture_parts[k][0]] = 1;
}

/* hs_page_menu_line by the index. */
static int menu_line_at(const char *t, uint32_t s, uint32_t e, const leads *x) {
  size_t k;
  unsigned char c0;
  if (e > s && t[e - 1] == ':') e--;
  if (e <= s) return 0;
  c0 = hs_ascii_lower[(unsigned char)t[s]];
  for (k = x->menu[c0]; k < x->menu[c0 + 1]; k++)
    if (menu_is(t, s, e, x->ord[k])) return 1;
  return 0;
}

/* The first ch in t[i, e), or e (i when i >= e). */
static uint32_t find_byte(const char *t, uint32_t i, uint32_t e, char ch) {
  const char *p = i < e ? memchr(t + i, ch, e - i) : NULL;
  return p ? (uint32_t)(p - t) : (i < e ? e : i);
}

static uint8_t classify(const char *t, aline *l, const leads *x) {
  uint32_t s = l->s, e = l->e, i, bars = 0;
  uint16_t w = l->words;
  unsigned char c0 = (unsigned char)t[s], cl = (unsigned char)t[e - 1];
  if (menu_line_at(t, s, e, x)) return K_MENU;
  if (w > 14 && w <= 24) {
    /* a published/modified pair of dates ("Mon 18 Nov 2019 18.54 GMT Last
    ** modified on Mon 18 Nov 2019 18.56 GMT") */
    hs_date v[2];
    if (hs_date_scan(t + s, e - s, v, 2) == 2) return K_DATE;
  }
  if (w <= 14) {
    hs_date v;
    if (hs_date_scan(t + s, e - s, &v, 1) == 1) return K_DATE;
    for (i = 0; date_labels[i]; i++)
      if (hs_meta_starts_ci(t, s, e, date_labels[i])) return K_DATE;
    /* a time of day "21:17", "6:55 AM" */
    for (i = s + 1; i + 2 < e; i++)
      if ((i = find_byte(t, i, e - 2, ':')) + 2 < e && t[i - 1] >= '0' && t[i - 1] <= '9' &&
          t[i + 1] >= '0' && t[i + 1] <= '5' && t[i + 2] >= '0' &&
          t[i + 2] <= '9' && (i + 3 == e || t[i + 3] < '0' || t[i + 3] > '9'))
        return K_DATE;
  }
  if (w <= 12 && e - s <= 120)
    for (i = s; i < e; i++) {
      size_t k;
      unsigned char c;
      /* whole words: "share on" is not in "share one" (a part opens at a
      ** word's start: the other bytes are not tried) */
      if (i > s && letter_byte[(unsigned char)t[i - 1]]) continue;
      c = hs_ascii_lower[(unsigned char)t[i]];
      if (!x->part[c]) continue;
      for (k = 0; furniture_parts[k]; k++) {
        size_t m;
        if ((unsigned char)furniture_parts[k][0] != c ||
            !hs_meta_starts_ci(t, i, e, furniture_parts[k]))
          continue;
        m = strlen(furniture_parts[k]);
        if ((i + m >= e || furniture_parts[k][m - 1] == ' ' ||
             furniture_parts[k][m - 1] == '/' ||
             !is_letter((unsigned char)t[i + m])))
          return K_MENU;
      }
    }
  if (byline(t, s, e, w)) return K_BYLINE;
  if (w >= 25 || (e - s >= 400)) return menu_row(t, s, e) ? K_MENU : K_BODY;
  if (sentence_break(t, s, e, w) || glued(t, s, e)) return K_OTHER;
  if (w < 2 || w > 30 || e - s > 300 || e - s < 8) return K_OTHER;
  if (cl == '.') return K_OTHER;
  /* a quoted sentence's end: .” ." */
  if (e - s > 4 && (cl == '"' || (cl == 0x9D && (unsigned char)t[e - 2] == 0x80 &&
                                  (unsigned char)t[e - 3] == 0xE2))) {
    unsigned char p = (unsigned char)t[cl == '"' ? e - 2 : e - 4];
    if (p == '.' || p == ',') return K_OTHER;
  }
  if (cl == ',' || cl == ':' || cl == ';') return K_OTHER;
  if ((c0 >= 'a' && c0 <= 'z') || c0 == '-' || c0 == '*' || c0 == '>')
    return K_OTHER; /* running text or a list item */
  if (c0 == 0xE2 && (unsigned char)t[s + 1] == 0x80 &&
      (unsigned char)t[s + 2] == 0xA2)
    return K_OTHER; /* • */
  if (hs_meta_starts_ci(t, s, e, "http") || hs_meta_starts_ci(t, s, e, "www.")) return K_OTHER;
  if (c0 == '(' && cl == ')') return K_OTHER; /* a photo credit */
  if (cl == ')') /* "A caption. (Credit/Name)" */
    for (i = s + 2; i < e; i++)
      if (t[i] == '(' && t[i - 1] == ' ' && t[i - 2] == '.') return K_OTHER;
  /* a teaser cut short: "... ..", "…" */
  if (e - s > 4 && ((cl == '.' && t[e - 2] == '.') ||
                    (cl == 0xA6 && (unsigned char)t[e - 2] == 0x80 &&
                     (unsigned char)t[e - 3] == 0xE2)))
    return K_OTHER;
  for (i = 0; caption_cues[i]; i++)
    if (hs_meta_starts_ci(t, s, e, caption_cues[i])) return K_OTHER;
  for (i = s; i + 3 < e; i++)
    if ((i = find_byte(t, i, e - 3, ':')) + 3 < e && t[i + 1] == '/' &&
        t[i + 2] == '/')
      return K_OTHER;
  for (i = s; i + 8 < e; i++)
    if ((((unsigned char)t[i] | 0x20) == 't' && hs_meta_starts_ci(t, i, e, "t.co/")) ||
        (((unsigned char)t[i] | 0x20) == 'p' && hs_meta_starts_ci(t, i, e, "pic.twitter")))
      return K_OTHER;
  /* "1 comment", "0 shares": a counter */
  if (c0 >= '0' && c0 <= '9' && w <= 3) return K_OTHER;
  for (i = s; bars < 2 && (i = find_byte(t, i, e, '|')) < e; i++) bars++;
  if (bars >= 2) return K_OTHER;
  return K_CAND;
}

/* Split the page's first lines; returns their number. */
static size_t read_lines(const char *t, uint32_t len, const hs_range *b,
                         size_t nb, aline *out, hs_page_start *ps) {
  uint32_t i = 0, e;
  size_t n = 0;
  leads x;
  leads_init(&x);
  if (len > MAX_BYTES) len = MAX_BYTES;
  while (i < len && n < MAX_LINES) {
    uint32_t s = i;
    const char *nl = memchr(t + i, '\n', len - i);
    e = nl ? (uint32_t)(nl - t) : len;
    i = e + 1;
    while (s < e && is_sp((unsigned char)t[s])) s++;
    while (e > s && is_sp((unsigned char)t[e - 1])) e--;
    /* a no-break space line */
    if (e - s == 2 && (unsigned char)t[s] == 0xC2 &&
        (unsigned char)t[s + 1] == 0xA0)
      continue;
    if (s == e) continue;
    out[n].s = s;
    out[n].e = e;
    out[n].boiler = (uint8_t)in_ranges(b, nb, s, e);
    out[n].words = count_words(t, s, e);
    out[n].kind = out[n].boiler ? K_OTHER : classify(t, &out[n], &x);
    out[n].h = out[n].h_tail = out[n].h_head = 0;
    n++;
  }
  /* the teasers under a related-articles header */
  for (i = 0; i < n; i++) {
    size_t k, j, run;
    if (out[i].words > 6) continue;
    for (k = 0; teaser_headers[k]; k++)
      if (hs_meta_starts_ci(t, out[i].s, out[i].e, teaser_headers[k])) break;
    if (!teaser_headers[k]) continue;
    out[i].kind = K_MENU;
    /* a long line right under the header is the list glued into one
    ** ("1 A teaser 2 Another teaser ..."), not the article */
    if (i + 1 < n && out[i + 1].kind == K_BODY) out[i + 1].kind = K_MENU;
    /* to a paragraph, or to a row of 3 menu or share lines (the list
    ** was the site's: "More from NBC", its channels, then the page's
    ** share row over the headline) */
    for (j = i + 1, run = 0; j < n && j <= i + 30 && out[j].kind != K_BODY;
         j++) {
      run = out[j].kind == K_MENU ? run + 1 : 0;
      if (run == 3) break;
      if (out[j].kind == K_CAND) out[j].kind = K_OTHER;
      if (!ps->list_e) ps->list_s = out[i].s;
      if (ps->list_s == out[i].s) ps->list_e = out[j].e;
    }
  }
  /* a short line of capitalised words right over a date line is the
  ** author's name ("Adam Clark Estes" / "Monday 5:30PM") */
  for (i = 0; i + 1 < n; i++) {
    uint32_t k;
    int caps = 1, in = 0;
    if (out[i].kind != K_CAND || out[i].words > 4 ||
        out[i + 1].kind != K_DATE)
      continue;
    for (k = out[i].s; k < out[i].e; k++) {
      unsigned char c = (unsigned char)t[k];
      if (!in && !is_sp(c) && !(c >= 'A' && c <= 'Z')) caps = 0;
      if (c >= '0' && c <= '9') caps = 0;
      in = !is_sp(c);
    }
    if (caps) out[i].kind = K_BYLINE;
  }
  return n;
}

/* Whole, after its last '|', before its first " | " or " - " (found by
** memchr, no byte loop). */
static void line_hashes(const char *t, aline *l) {
  const char *f, *bar = NULL;
  uint32_t q;
  l->h = hs_hl_fold_hash(t, l->s, l->e);
  l->h_tail = l->h_head = l->h;
  for (f = memchr(t + l->s, '|', l->e - l->s); f;
       f = memchr(f + 1, '|', (size_t)(t + l->e - (f + 1))))
    bar = f; /* the last one */
  if (bar) l->h_tail = hs_hl_fold_hash(t, (uint32_t)(bar - t) + 1, l->e);
  for (q = l->s; q + 2 < l->e; q++) {
    f = memchr(t + q, ' ', l->e - 2 - q);
    if (!f) break;
    q = (uint32_t)(f - t);
    if ((t[q + 1] == '|' || t[q + 1] == '-') && t[q + 2] == ' ') {
      l->h_head = hs_hl_fold_hash(t, l->s, q);
      break;
    }
  }
}

/* 1 if another line of the page says the same: the whole line, after a
** "Section|" prefix, or before a " | Site" / " - Site" suffix. */
static int repeated(const char *t, aline *ln, size_t n, size_t i) {
  size_t j;
  uint64_t h = ln[i].h;
  for (j = 0; j < n; j++) {
    if (j == i || ln[j].e - ln[j].s < ln[i].e - ln[i].s) continue;
    if (!ln[j].h) line_hashes(t, &ln[j]);
    if (ln[j].h == h || ln[j].h_tail == h || ln[j].h_head == h) return 1;
  }
  return 0;
}

/* A year 1900-2099 standing as a number in t[s,e). */
static int has_year(const char *t, uint32_t s, uint32_t e) {
  uint32_t p;
  for (p = s; p + 4 <= e; p++)
    if (((t[p] == '1' && t[p + 1] == '9') || (t[p] == '2' && t[p + 1] == '0')) &&
        t[p + 2] >= '0' && t[p + 2] <= '9' && t[p + 3] >= '0' && t[p + 3] <= '9' &&
        (p == s || t[p - 1] < '0' || t[p - 1] > '9') &&
        (p + 4 == e || t[p + 4] < '0' || t[p + 4] > '9'))
      return 1;
  return 0;
}

/* The text opens with an e-mail or Usenet header block: an mbox "From "
** line or a "Name: value" line, no space in Name (as fields.c reads it). */
static int mail_text(const char *t, uint32_t len) {
  uint32_t e, v;
  if (len > 5 && !memcmp(t, "From ", 5)) return 1;
  if (!len || t[0] < 'A' || t[0] > 'Z') return 0;
  for (e = 0; e < len && e < 80 && t[e] != '\n' && t[e] != ' '; e++)
    if (t[e] == ':') break;
  for (v = e + 1; v < len && (t[v] == ' ' || t[v] == '\t'); v++) {}
  return e < len && t[e] == ':' && e > 1 && v < len && t[v] != '\n' &&
         t[v] != '\r';
}

/* Only one line break (and spaces) between e and s: no blank line. */
static int next_line(const char *t, uint32_t e, uint32_t s) {
  int nl = 0;
  for (; e < s; e++) nl += t[e] == '\n';
  return nl == 1;
}

/* The line ends a sentence: ".", "!" or "?", or one of them before a
** closing quotation mark or bracket. */
static int sentence_end(const char *t, const aline *l) {
  uint32_t e = l->e;
  while (e > l->s && (t[e - 1] == '"' || t[e - 1] == ')' || t[e - 1] == '\'' ||
                      (e - l->s >= 3 && (unsigned char)t[e - 3] == 0xE2 &&
                       (unsigned char)t[e - 2] == 0x80 &&
                       ((unsigned char)t[e - 1] == 0x9D ||
                        (unsigned char)t[e - 1] == 0x99))))
    e -= (unsigned char)t[e - 1] >= 0x80 ? 3 : 1;
  return e > l->s && (t[e - 1] == '.' || t[e - 1] == '!' || t[e - 1] == '?');
}

void hs_page_start_find(const char *text, size_t len, const hs_range *b,
                     size_t nb, hs_page_start *out) {
  aline *ln;
  size_t n, i, best = SIZE_MAX, paras = 0, shorts = 0, story = SIZE_MAX;
  const aline *story_para = NULL;
  int bs = 0, need, pass;
  uint8_t kinds[MAX_LINES];
  hs_lede_set lede;
  uint32_t l32 = len > UINT32_MAX ? UINT32_MAX : (uint32_t)len;
  memset(out, 0, sizeof *out);
  if (!text || !len) return;
  lede.np = 0, lede.lead_ready = 0; /* no paragraphs' keys yet */
  ln = hs_calloc(hs_meta_line_count(text, l32 > MAX_BYTES ? MAX_BYTES : l32,
                                    MAX_LINES),
                 sizeof *ln);
  n = read_lines(text, l32, b, nb, ln, out);
  for (pass = 0; pass < 2 && best == SIZE_MAX; pass++) {
  if (pass) {
    /* no headline over a paragraph of 25 words: a page of short
    ** paragraphs (a results list) has its sentences of 12 words or more
    ** for paragraphs; not a message nor a text wrapped at a fixed width
    ** (3 lines of 8 words run on into a line opening with a small letter) */
    size_t k, more = 0, wrapped = 0;
    if (mail_text(text, l32)) break;
    for (k = 0; k + 1 < n; k++)
      wrapped += ln[k].words >= 8 && !sentence_end(text, &ln[k]) &&
                 next_line(text, ln[k].e, ln[k + 1].s) &&
                 text[ln[k + 1].s] >= 'a' && text[ln[k + 1].s] <= 'z';
    if (wrapped >= 3) break;
    for (k = 0; k < n; k++) {
      kinds[k] = ln[k].kind;
      if ((ln[k].kind == K_CAND || ln[k].kind == K_OTHER) && ln[k].words >= 12 &&
          !ln[k].boiler && sentence_end(text, &ln[k]))
        ln[k].kind = K_BODY, more++;
    }
    if (!more) break;
    paras = shorts = 0;
    story = SIZE_MAX;
    story_para = NULL;
    bs = 0;
  }
  for (i = 0; i < n;
       paras += ln[i].kind == K_BODY, shorts += ln[i].words <= 6, i++) {
    size_t j, body = 0, seen = 0, bodies = 0, between = 0;
    const aline *para[2] = {NULL, NULL};
    int sc = 0, date = 0, by = 0, shared, total;
    /* below the article's paragraphs: a teaser or a subheading */
    if (ln[i].kind != K_CAND || paras >= 3) continue;
    /* a second copy of the line above: the first one is the candidate */
    if (i > 0 && ln[i - 1].e - ln[i - 1].s == ln[i].e - ln[i].s &&
        !memcmp(text + ln[i - 1].s, text + ln[i].s, ln[i].e - ln[i].s))
      continue;
    /* below it: the first paragraph (a caption may come first), and the
    ** byline and date lines before the second paragraph */
    for (j = i + 1; j < n && seen < 24; j++) {
      if (ln[j].boiler || ln[j].kind == K_MENU) continue;
      seen++;
      if (ln[j].kind == K_BODY) {
        if (!body) body = seen;
        para[bodies < 2 ? bodies : 1] = &ln[j];
        /* past a caption right under the headline, to its byline */
        if (++bodies == 2 || seen > 2) break;
        continue;
      }
      if (body && seen > body + 2) break;
      if (seen > 10) {
        if (body) break;
        continue;
      }
      if (ln[j].kind == K_DATE && !date) date = (int)seen;
      if (ln[j].kind == K_BYLINE && !by) by = (int)seen;
      /* a headline-like line of 4 words or more below a shorter one
      ** (a menu entry or section name above the headline), not a copy of
      ** it */
      if (ln[j].kind == K_CAND && !body &&
          ln[j].words >= 4 &&
          (ln[i].words < 4 ||
           (ln[i].words <= 5 && ln[j].words >= ln[i].words + 4 &&
            title_case(text, ln[i].s, ln[i].e))) &&
          !(ln[j].e - ln[j].s == ln[i].e - ln[i].s &&
            !memcmp(text + ln[j].s, text + ln[i].s, ln[i].e - ln[i].s)))
        between++;
    }
    if (!body) continue;
    /* a line that ends with the next headline-like line: a breadcrumb
    ** glued to the headline ("HomeLatest NewsThe Headline") */
    for (j = i + 1; j < n && j <= i + 3; j++)
      if (ln[j].kind == K_CAND && ln[j].words >= 2 &&
          ln[j].e - ln[j].s < ln[i].e - ln[i].s &&
          !memcmp(text + ln[i].e - (ln[j].e - ln[j].s), text + ln[j].s,
                  ln[j].e - ln[j].s))
        break;
    if (j < n && j <= i + 3) continue;
    sc += body <= 8 ? 4 : body <= 16 ? 3 : 2;
    /* below the article's paragraphs: a teaser of another article */
    if (date) sc += date <= 3 ? 3 : 2;
    else
      for (j = i >= 3 ? i - 3 : 0; j < i; j++)
        if (ln[j].kind == K_DATE ||
            (ln[j].kind == K_BYLINE && has_year(text, ln[j].s, ln[j].e))) {
          sc += 2;
          break;
        }
    if (by) sc += 2;
    /* a line under a byline belongs to it ("By", name, outlet); not under
    ** a whole byline with its date ("Von NAME publiziert am 25. September
    ** 2018" over the headline) */
    for (j = i >= 3 ? i - 3 : 0; j < i; j++)
      if (ln[j].kind == K_BYLINE && !has_year(text, ln[j].s, ln[j].e)) {
        /* a byline over a date line over it: a section or label line
        ** ("Business News" / "November 19, 2019" / the headline) */
        size_t q;
        for (q = j + 1; q < i && ln[q].kind != K_DATE; q++) {}
        if (q == i) sc -= 3;
      }
    /* other headline-like lines between it and its byline or date: it is
    ** a menu entry or a section name above the headline */
    sc -= 2 * (int)between;
    if (ln[i].words >= 4 && ln[i].words <= 25) sc += 1;
    /* 6 near the top of the page (where the first-lines rule works),
    ** 5 below a block of furniture (8 lines or more, mostly short) */
    need = i >= 8 && shorts * 10 >= i * 7 ? 5 : 6;
    /* short paragraphs only under a block of furniture (near the top the
    ** first-lines rule reads a page of short lines), and with a date or
    ** byline (a message's or a list's lines have none) */
    if (pass && (need == 6 || !(date || by))) continue;
    if (sc + 5 < need || sc + 5 < bs) continue;
    /* the first paragraph tells the headline's story: it uses its words
    ** ("Alibaba to raise up to $12.9bn in landmark Hong Kong listing" /
    ** "Alibaba is set to raise up to $12.9bn ... in Hong Kong"); a
    ** slogan, a teaser or an address over the article does not */
    /* ... and the first line that does is the headline: one within 3
    ** lines under it over the same paragraph is its standfirst */
    for (j = i >= 10 ? i - 10 : 0; j < i && ln[j].kind != K_BODY; j++) {}
    if (story != SIZE_MAX && i - story <= 3 && story_para == para[0]) {
      shared = total = -1;
    } else if (j < i) {
      /* a paragraph just above: a line of the article itself */
      shared = total = -2;
    } else {
      const uint32_t pr[2][2] = {{para[0]->s, para[0]->e},
                                 {para[1] ? para[1]->s : 0,
                                  para[1] ? para[1]->e : 0}};
      hs_lede_overlap(text, ln[i].s, ln[i].e, pr, para[1] ? 2 : 1, &lede,
                      &shared, &total);
      if (shared >= 2 && shared * 3 >= total) sc += 3;
      else if (shared >= 1) sc += 1;
      if (shared >= 2 && ln[i].words >= 4) story = i, story_para = para[0];
    }
    if (sc + 2 < need || sc + 2 < bs) continue;
    if (!ln[i].h) line_hashes(text, &ln[i]);
    if (repeated(text, ln, n, i)) sc += 2;
    /* a tie between close lines: the longer one (a section or teaser
    ** line over the headline is shorter) */
    if (sc < need) continue;
    if (sc > bs || (sc == bs && best != SIZE_MAX && i - best <= 3 &&
                    ln[i].words > ln[best].words))
      bs = sc, best = i;
  }
  }
  if (best == SIZE_MAX && pass == 2) /* the lines as they were read */
    for (i = 0; i < n; i++) ln[i].kind = kinds[i];
  if (best == SIZE_MAX) {
    size_t short_above = 0;
    for (i = 0; i < n && ln[i].kind != K_BODY; i++)
      short_above += ln[i].words <= 6;
    out->furniture = i < n && i >= 15 && short_above * 10 >= i * 7;
  }
  if (best != SIZE_MAX) {
    size_t z = best >= 3 ? best - 3 : 0, j, bodies = 0;
    out->found = 1;
    out->line = (uint32_t)best;
    out->head_s = ln[best].s;
    out->head_e = ln[best].e;
    out->zone_s = ln[z].s;
    out->zone_e = ln[best].e;
    /* to the first paragraph, past a caption right under the headline */
    for (j = best + 1; j < n; j++) {
      if (ln[j].kind == K_BODY && (j > best + 2 || ++bodies == 2)) break;
      out->zone_e = ln[j].e;
    }
    out->confidence = bs >= 9 ? 0.7 : 0.6;
  }
  free(ln);
}
