/*
** attrib_post.c — the attributions of a text as a reader would list them:
** source spans trimmed of the words around a name that are no part of it,
** vague references resolved, outlets typed by their name's form, and
** names grouped regardless of case and article.
**
** Run once on the whole list after extraction (attrib.c), because
** resolving "the report" needs the sources before it.  Tables:
**   - spaces at either end dropped (inside quotation marks); leading
**     words dropped: "a report by", "a statement by", "from", weekdays,
**     "yesterday", "today", the Arabic «به» ("by it"); trailing: "recently", "further",
**     "also", "earlier", "later", "today", "yesterday", "again",
**     "meanwhile", "however", weekdays, "on" + weekday;
**   - vague heads ("the report", "the ministry", "his data", «الوزارة»,
**     «این سازمان»): resolved to the nearest named source before them of a
**     fitting kind (institution words to officials, medium words to
**     outlets and agencies, the rest to any named source), else marked
**     vague;
**   - places (data/places.tsv): a source that is a country, region or
**     city is `official` ("Saudi Arabia", «السعودية»), never a person;
**   - outlet name forms: a last word "News", "Post", "Times", "TV",
**     "Agency", "Daily", "Press", "Network", "Radio", "Monitor"... makes an
**     unknown or person-typed name an outlet (an agency for "Agency").
** The steps that type a source by the offices the text gives it are in
** office_types.c; they are run from hs_attrib_post here, in its order,
** and read the office word sets built here once a process with the vague
** heads (post_sets_build), so that every word set has one building.
*/
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "attrib/attrib_int.h"
#include "util/util.h"

/* 1 if only spaces, commas and one parenthesized abbreviation lie in
** [a, b): "Qods News Agency (Qodsna) citing" continues a chain. */
int hs_attr_link_gap(const char *t, uint32_t a, uint32_t b) {
  int paren = 0;
  uint32_t i;
  if (b < a || b - a > 40) return 0;
  for (i = a; i < b; i++) {
    char c = t[i];
    if (c == '(') {
      if (paren++) return 0;
      while (i < b && t[i] != ')') i++;
      if (i == b) return 0;
    } else if (c == '"' || (i + 1 < b && !memcmp(t + i, "\xC2\xBB", 2) && ++i) ||
               (i + 2 < b && !memcmp(t + i, "\xE2\x80\x9D", 3) && (i += 2))) {
      /* a closing quotation mark: «به گزارش "ورزش سه" و ...» */
    } else if (i + 3 <= b && i > a && t[i - 1] == ' ' &&
               !memcmp(t + i, "\xD9\x88 ", 3)) {
      i += 2; /* «به گزارش A و به نقل از B»: "A, and citing B" */
    } else if (!(c == ' ' || c == ',' || c == '\t' ||
                 (i + 1 < b && !memcmp(t + i, "\xD8\x8C", 2) && ++i))) {
      return 0;
    }
  }
  return 1;
}

/* The second source of "A quoted B as saying" (cue "quoted", A's cue
** ending at ce) or «نقلت A عن B قوله» (cue «نقلت», A ending at e), within
** the sentence ending at se_end: fills B's bytes and returns the cue name
** to record, or NULL. */
const char *hs_attr_second(const char *t, uint32_t se_end, const char *cue,
                           uint32_t ce, uint32_t e, uint32_t *bs,
                           uint32_t *be) {
  uint32_t q;
  const char *name;
  if (!strcmp(cue, "quoted") || !strcmp(cue, "reported") ||
      !strcmp(cue, "was quoted by") || !strcmp(cue, "were quoted by")) {
    /* "A quoted B as saying", "Reuters reported BaFin as saying"; "B was
    ** quoted by A as saying" (the second source A cites the first, B) */
    for (q = ce; q + 10 <= se_end && q < ce + 80; q++)
      if (!memcmp(t + q, " as saying", 10)) break;
    if (q + 10 > se_end || q >= ce + 80) return NULL;
    *bs = ce;
    *be = q;
    name = cue[0] == 'q' ? "quoted" : cue[0] == 'r' ? "reported"
                                                     : "as quoted by";
  } else if (!strcmp(cue, "نقلت") || !strcmp(cue, "ونقلت") ||
             !strcmp(cue, "ونقل")) {
    static const char *const ends[] = {" قوله", " قولها", " أن", " بأن",
                                       "،", " إن", " ان ", NULL};
    int k;
    if (e + 6 > se_end || memcmp(t + e, " \xD8\xB9\xD9\x86 ", 6))
      return NULL;
    *bs = e + 6;
    *be = se_end;
    for (k = 0; ends[k]; k++)
      for (q = *bs; q + strlen(ends[k]) <= *be; q++)
        if (!memcmp(t + q, ends[k], strlen(ends[k]))) {
          *be = q;
          break;
        }
    name = "نقلت عن";
  } else {
    return NULL;
  }
  /* white space at either end, line breaks included: B is on the cue's
  ** line or there is none (a B of blank lines would be trimmed to nothing) */
  while (*bs < *be && (t[*bs] == ' ' || t[*bs] == '\n')) (*bs)++;
  while (*be > *bs && (t[*be - 1] == ' ' || t[*be - 1] == '\n')) (*be)--;
  if (*be <= *bs || *be - *bs > 160) return NULL;
  return name;
}

void hs_attributions_free(hs_attribution *v, size_t n) {
  size_t i;
  if (!v) return;
  for (i = 0; i < n; i++) {
    free(v[i].source);
    free(v[i].normalized);
  }
  free(v);
}

int hs_attr_ieq(const char *a, size_t n, const char *b) {
  size_t i;
  /* b read as it is compared (no strlen first): most calls stop at once */
  for (i = 0; i < n; i++) {
    char x = a[i], y = b[i];
    if (!y) return 0;
    if (x >= 'A' && x <= 'Z') x = (char)(x + 32);
    if (x == '\n') x = ' '; /* "the\nsources" of a hard-wrapped text */
    if (x != y) return 0;
  }
  return b[n] == '\0';
}

static const char *const lead_drop[] = {
    "a report by ", "a statement by ", "reports by ", "the report by ",
    "from ", "monday ", "tuesday ", "wednesday ", "thursday ", "friday ",
    "saturday ", "sunday ", "yesterday ", "today ", "on saturday ",
    /* «بحسب ما أفاد به رئيس البلدية»: «به» ("by it") points at the verb */
    "به ", "بها ",
    /* «ما أشار إليه الرئيس الإيراني»: «إليه» ("to it") points at «ما» */
    "إليه ", "إليها ", NULL};
static const char *const tail_drop[] = {
    "recently", "further", "also", "earlier", "later", "today", "yesterday",
    "again", "meanwhile", "however", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "then", "previously",
    "اليوم", "أمس", "امروز", "دیروز", NULL};

/* vague heads: kind 1 institution, 2 medium, 0 any */
static const struct {
  const char *text;
  int kind;
} vague_rows[] = {
    {"the report", 0}, {"the publication", 0}, {"the source", 0},
    {"his data", 0}, {"her data", 0}, {"its data", 0}, {"their data", 0},
    {"the data", 0}, {"the statement", 0}, {"the article", 0},
    {"the ministry", 1}, {"the center", 1}, {"the centre", 1},
    {"the office", 1}, {"the department", 1}, {"the organization", 1},
    {"the organisation", 1}, {"the channel", 2}, {"the agency", 2},
    {"the newspaper", 2}, {"the paper", 2}, {"the website", 2},
    {"the site", 2}, {"the daily", 2}, {"the broadcaster", 2},
    {"the station", 2}, {"the outlet", 2}, {"the network", 2},
    {"the company", 1}, {"the firm", 1}, {"the bank", 1}, {"the trust", 1},
    {"the group", 1}, {"the spokesman", 1}, {"the spokeswoman", 1},
    {"the reports", 0}, {"the letter", 0}, {"a study", 0}, {"the study", 0},
    {"the sources", 0}, {"the board", 1}, {"the exchange", 1},
    {"the book", 0}, {"a poll", 0}, {"the poll", 0},
    {"the team", 1}, {"the proposal", 0}, {"a report", 0},
    {"a spokesman", 1}, {"a spokeswoman", 1},
    {"a survey", 0}, {"the survey", 0}, {"one report", 0},
    {"المصادر", 0}, {"الجمارك", 1},
    {"التقرير", 0}, {"المصدر", 0}, {"الوزارة", 1}, {"الهيئة", 1},
    {"الوكالة", 2}, {"الصحيفة", 2}, {"القناة", 2}, {"الموقع", 2},
    /* a bare definite office or body points back at the one named before
    ** it («أعلن محافظ عدن ... وكان المحافظ قد أعلن») */
    {"التقارير", 0}, {"البيان", 0}, {"المديرية", 1}, {"المحافظ", 1},
    {"الوزير", 1}, {"المتحدث", 1}, {"المسؤول", 1}, {"المدير", 1},
    {"الشركة", 1}, {"الإدارة", 1}, {"الأمانة", 1}, {"البلدية", 1},
    {"الجامعة", 1}, {"اللجنة", 1}, {"المركز", 1}, {"المؤسسة", 1},
    {"الجهة", 1}, {"الجمعية", 1}, {"المنظمة", 1}, {"الرئاسة", 1},
    {"المتحدثة", 1}, {"المكتب", 1}, {"a statement", 0},
    /* «وقال التنظيم في البيان», «وقالت السلطات المعنية»: the group or
    ** the authorities named before */
    {"التنظيم", 1}, {"السلطات", 1}, {"السلطات المعنية", 1}, {"النادي", 1},
    {"الكلية", 1}, {"الحركة", 1}, {"الجماعة", 1},
    {"این سازمان", 1}, {"این وزارتخانه", 1}, {"این خبرگزاری", 2},
    {"این رسانه", 2}, {"این روزنامه", 2}, {"گزارش", 0}};

static const char *const outlet_tails[] = {
    "news", "post", "times", "tv", "daily", "press", "network", "radio",
    "monitor", "observer", "herald", "gazette", "tribune", "journal",
    "website", "online", "media", "channel", "today", "آنلاین", "نیوز",
    NULL};

static void set_span(const char *text, hs_attribution *a, uint32_t s,
                     uint32_t e) {
  char *v = hs_strndup(text + s, e - s);
  int same = a->normalized && a->source && !strcmp(a->normalized, a->source);
  free(a->source);
  a->source = v;
  a->src_start = s;
  a->src_end = e;
  if (same) {
    free(a->normalized);
    a->normalized = hs_strdup(v);
  }
}

static void trim(const char *text, const hs_aliases *al, hs_attribution *a) {
  uint32_t s = a->src_start, e = a->src_end;
  int changed = 1, k;
  while (changed && e > s) {
    changed = 0;
    /* «"ورزش سه "»: spaces inside the quotation marks */
    while (e > s && (text[e - 1] == ' ' || text[e - 1] == '\n')) e--;
    while (e > s && (text[s] == ' ' || text[s] == '\n')) s++;
    /* a zero-width non-joiner left of a word it joins nothing to */
    while (e - s > 3 && !memcmp(text + s, "\xE2\x80\x8C", 3)) s += 3, changed = 1;
    for (k = 0; lead_drop[k]; k++) {
      size_t n = strlen(lead_drop[k]);
      if (e - s > n && hs_attr_ieq(text + s, n, lead_drop[k])) {
        s += (uint32_t)n;
        changed = 1;
      }
    }
    /* a known name is matched whole before a word is cut from it:
    ** «روسيا اليوم» is RT, not «روسيا» and "today" */
    if (al && hs_aliases_lookup(al, text + s, e - s, NULL, NULL)) break;
    for (k = 0; tail_drop[k]; k++) {
      size_t n = strlen(tail_drop[k]);
      if (e - s > n + 1 && text[e - n - 1] == ' ' &&
          hs_attr_ieq(text + e - n, n, tail_drop[k])) {
        e -= (uint32_t)(n + 1);
        if (e - s > 3 && hs_attr_ieq(text + e - 3, 3, " on")) e -= 3;
        changed = 1;
      }
    }
  }
  if (s == a->src_start && e == a->src_end) return;
  set_span(text, a, s, e);
  if (al) {
    const char *canon;
    int ty;
    if (hs_aliases_lookup(al, text + s, e - s, &canon, &ty)) {
      free(a->normalized);
      a->normalized = hs_strdup(canon);
      a->type = ty;
    } else {
      const char *v = a->source;
      size_t skip = 0;
      if (!strncmp(v, "the ", 4) || !strncmp(v, "The ", 4)) skip = 4;
      free(a->normalized);
      a->normalized = hs_strdup(v + skip);
    }
  }
}

/* Demonstratives that open a back-reference of one or two words ("this
** official", «هذا المسؤول», «اين كارگردان سينما»). */
static const char *const demonstratives[] = {
    "this ", "that ", "these ", "those ", "هذا ", "هذه ", "این ", "اين ",
    "آن ", NULL};

/* Words that join phrases: a span holding one between "the" and a vague
** head is more than a modified head ("the head of the company"). */
static const char *const joiners_en[] = {"of", "for", "at", "in", "on",
                                         "and", "the", "a", "an", "from",
                                         "to", "with", "by", NULL};
/* Heads that a modifier does not make a name of: "the Swedish firm" is a
** back-reference, "the energy ministry", "the interior ministry", "the
** speaker's office" name one body each and are sources. */
static const char *const generic_heads_en[] = {
    "firm", "company", "team", "group", "exchange", "proposal", "report",
    "statement", "study", "survey", "newspaper", "paper", "trust", "letter",
    "publication", "article", NULL};
/* Endings of English adjectives of nationality ("Swedish", "Italian",
** "Japanese", "Iraqi", "Dutch"). */
static const char *const demonym_ends_en[] = {"ish", "ian", "ese", "an", "i",
                                              "ch", NULL};

/* The vague heads and the office words (below) by hash, built once a
** process: every source is looked up among ~90 vague heads, and a name's
** office words are looked for in up to eight words before each place the
** text names it. */
static hs_attr_wordset vague_set;
hs_attr_wordset hs_attr_office_ar_fa_set, hs_attr_office_en_set;
static void post_sets_build(void);

static int in_words(const char *w, size_t n, const char *const *list) {
  size_t k;
  for (k = 0; list[k]; k++)
    if (hs_attr_ieq(w, n, list[k])) return 1;
  return 0;
}

/* "The Swedish firm", "The Chicago options exchange", "The research team":
** "the", at most three modifiers and a lower-case head of generic_heads_en
** whose "the HEAD" is a vague row; a modifier is a lower-case word, an adjective of
** nationality or a place of the place table ("New York"), so that a name
** before the head ("the Tanjug news agency") keeps the span a source.
** Returns the row's kind, or -1. */
static int vague_modified_en(const hs_aliases *al, const char *v, size_t n) {
  size_t k, hs, p;
  int nmod = 0;
  char head[40];
  if (n < 6 || !hs_attr_ieq(v, 4, "the ")) return -1;
  for (hs = n; hs > 4 && v[hs - 1] != ' ' && v[hs - 1] != '\n'; hs--) {
  }
  if (hs <= 4 || n - hs + 4 >= sizeof head || !(v[hs] >= 'a' && v[hs] <= 'z'))
    return -1;
  memcpy(head, "the ", 4);
  memcpy(head + 4, v + hs, n - hs);
  head[n - hs + 4] = '\0';
  if (!in_words(v + hs, n - hs, generic_heads_en)) return -1;
  for (k = 0; k < sizeof vague_rows / sizeof vague_rows[0]; k++)
    if (!strcmp(head, vague_rows[k].text)) break;
  if (k == sizeof vague_rows / sizeof vague_rows[0]) return -1;
  for (p = 4; p < hs - 1;) {
    size_t q = p, r, j;
    int ok = 0;
    while (q < hs - 1 && v[q] != ' ' && v[q] != '\n') q++;
    if (++nmod > 3 || in_words(v + p, q - p, joiners_en)) return -1;
    for (j = p; j < q; j++)
      if ((unsigned char)v[j] >= 0x80) return -1;
    if (v[p] >= 'a' && v[p] <= 'z') ok = 1;
    for (j = 0; !ok && demonym_ends_en[j]; j++) {
      size_t m = strlen(demonym_ends_en[j]);
      ok = q - p > m + 2 && hs_attr_ieq(v + q - m, m, demonym_ends_en[j]);
    }
    /* a place of the place table, of one word or more */
    for (r = q; !ok && r <= hs - 1; r++) {
      if (r < hs - 1 && v[r] != ' ' && v[r] != '\n') continue;
      if (al && hs_aliases_place(al, v + p, r - p, NULL)) {
        ok = 1;
        q = r;
      }
    }
    if (!ok) return -1;
    p = q + 1;
  }
  return vague_rows[k].kind;
}

static int vague_kind(const hs_aliases *al, const hs_attribution *a) {
  size_t k, n = strlen(a->source);
  const char *sp;
  int kind;
  if ((kind = hs_attr_wordset_find(&vague_set, a->source, n)) >= 0)
    return vague_rows[kind].kind;
  if ((kind = vague_modified_en(al, a->source, n)) >= 0) return kind;
  for (k = 0; demonstratives[k]; k++) {
    size_t m = strlen(demonstratives[k]);
    if (n > m && hs_attr_ieq(a->source, m, demonstratives[k]) &&
        (!(sp = strchr(a->source + m, ' ')) || !strchr(sp + 1, ' ')))
      return 0;
  }
  return -1;
}

static int fits(int kind, int type) {
  if (kind == 1) return type == HS_SRC_OFFICIAL;
  if (kind == 2) return type == HS_SRC_OUTLET || type == HS_SRC_AGENCY;
  return type != HS_SRC_ANONYMOUS && type != HS_SRC_UNKNOWN;
}

static void type_by_form(const hs_aliases *al, hs_attribution *a) {
  const char *v = a->source, *w;
  size_t n = strlen(v), k;
  if (a->type != HS_SRC_UNKNOWN && a->type != HS_SRC_PERSON) return;
  /* a country or a city speaks for its state: "Saudi Arabia said" */
  if (al && hs_aliases_place(al, v, n, NULL)) {
    a->type = HS_SRC_OFFICIAL;
    return;
  }
  w = strrchr(v, ' ');
  w = w ? w + 1 : v;
  if (hs_attr_ieq(w, strlen(w), "agency")) {
    a->type = HS_SRC_AGENCY;
    return;
  }
  for (k = 0; outlet_tails[k]; k++)
    if (hs_attr_ieq(w, strlen(w), outlet_tails[k]) && w != v) {
      a->type = HS_SRC_OUTLET;
      return;
    }
  (void)n;
}

/* "Local sources" and "local sources" are one name: a name whose words
** after the first are all lower case is a common noun phrase, written in
** lower case. */
static void fold_case(hs_attribution *a) {
  char *v = a->normalized;
  size_t i;
  int rest_lower = 1, words = 1;
  if (!v || !(v[0] >= 'A' && v[0] <= 'Z') || a->type == HS_SRC_PERSON)
    return;
  for (i = 1; v[i]; i++) {
    if (v[i] == ' ') words++;
    if ((v[i] >= 'A' && v[i] <= 'Z') || (unsigned char)v[i] >= 0x80)
      rest_lower = 0;
  }
  if (rest_lower && a->type == HS_SRC_ANONYMOUS && words >= 1)
    v[0] = (char)(v[0] + 32);
}

/* Honorifics skipped before a short name ("Mr Lishman"). */
static const char *const honorifics[] = {"mr ", "mrs ", "ms ", "dr ",
                                         "السيد ", "آقای ", NULL};

/* 1 if the words of [a, a + na) occur as whole consecutive words of b. */
static int words_in(const char *a, size_t na, const char *b) {
  size_t nb = strlen(b), k;
  if (!na || na >= nb) return 0;
  for (k = 0; k + na <= nb; k++)
    if ((k == 0 || b[k - 1] == ' ' || b[k - 1] == '\n') &&
        (k + na == nb || b[k + na] == ' ' || b[k + na] == '\n') &&
        !memcmp(b + k, a, na))
      return 1;
  return 0;
}

/* A name given in short after (or before) its full form takes the full
** form's type: "Hartford" after "Hartford Insurance Group" (official),
** "Mr Lishman" after "Charity boss Gordon Lishman", «الراجحي» after
** «محلل أسواق المال أنس الراجحي».  Only unknown and person types give
** way, and only to a longer source of the same text. */
static void type_by_full_name(hs_attribution *v, size_t n, size_t i) {
  const char *a = v[i].source;
  size_t na = strlen(a), j, k;
  for (k = 0; honorifics[k]; k++) {
    size_t m = strlen(honorifics[k]);
    if (na > m && hs_attr_ieq(a, m, honorifics[k])) {
      a += m;
      na -= m;
      break;
    }
  }
  if (na < 3) return;
  for (j = 0; j < n; j++)
    if (j != i && !v[j].vague && v[j].type != HS_SRC_UNKNOWN &&
        v[j].type != HS_SRC_ANONYMOUS && v[j].type != v[i].type &&
        words_in(a, na, v[j].source)) {
      v[i].type = v[j].type;
      return;
    }
}

/* An English one-word source that the text names before as "First Last"
** ("Broadcaster Chris Evans ... Evans said", "Taylor Dent ... said Dent")
** is a person. */
static void type_by_first_name(const char *text, hs_attribution *a) {
  const char *v = a->source;
  size_t n = strlen(v);
  uint32_t i;
  if (a->type != HS_SRC_UNKNOWN || n < 3 || strchr(v, ' ') ||
      !(v[0] >= 'A' && v[0] <= 'Z'))
    return;
  for (i = 2; i + n <= a->src_start; i++) {
    uint32_t b;
    /* the next place of its first letter, a capital, by memchr: no
    ** compare a byte, no memcmp (hooked by the fuzzing build) a space */
    const char *q = memchr(text + i, v[0], a->src_start - n + 1 - i);
    if (!q) break;
    i = (uint32_t)(q - text);
    if (text[i - 1] != ' ' || memcmp(text + i, v, n) ||
        (text[i + n] >= 'a' && text[i + n] <= 'z'))
      continue;
    b = i - 1;
    while (b > 0 && text[b - 1] >= 'a' && text[b - 1] <= 'z') b--;
    if (b > 0 && text[b - 1] >= 'A' && text[b - 1] <= 'Z' && i - b >= 3 &&
        (b == 1 || text[b - 2] == ' ')) {
      a->type = HS_SRC_PERSON;
      return;
    }
  }
}

/* An Arabic or Persian name followed by an apposition that opens with an
** office word («علیرضا سهرابیان، رئیس فدراسیون», «وليد الحسين، مدير
** الهيئة», «سعد العفالق؛ نائب رئيس النادي», and without a comma: «جيم
** كرافت قائد الشرطة», the source cut before it) is an official. */
static const char *const office_ar_fa[] = {
    "رئیس", "رئيس", "مدیر", "مدير", "مدیرکل", "وزیر", "وزير", "سخنگوی",
    "المتحدث", "معاون", "نائب", "استاندار", "فرماندار", "الأمين", "أمين",
    "عضو", "الناطق", "المتحدثة", "الناطقة", "متحدث", "قائد", "محافظ",
    "المحافظ", "وكيل", "الوكيل", "المدير", "الرئيس", "الوزير", "سفير",
    "السفير", "مساعد", "مسؤول", "سرپرست", "دبیر", "امام", "فرمانده",
    "دادستان", NULL};

/* English office words: a person the text names with one ("Tory leader
** Michael Howard", "Kamal Nath, Commerce and Industry Minister, ...",
** "William Makower, chief executive of Panlogic") speaks for a body.  A
** club "boss" or "manager" is a coach and a "chief economist" an expert:
** persons. */
static const char *const office_en[] = {
    "minister", "secretary", "chairman", "chairwoman", "president",
    "director", "executive", "spokesman", "spokeswoman",
    "governor", "ambassador", "mayor", "commissioner", "chancellor",
    "premier", "senator", "leader", "officer", "representative",
    NULL};

static pthread_once_t post_sets_once = PTHREAD_ONCE_INIT;
static const char *vague_text[sizeof vague_rows / sizeof vague_rows[0]];
_Static_assert(sizeof vague_rows / sizeof vague_rows[0] <= HS_ATTR_SET_MAX,
               "vague_rows outgrows hs_attr_wordset");

static void post_sets_init(void) {
  size_t k;
  for (k = 0; k < sizeof vague_rows / sizeof vague_rows[0]; k++)
    vague_text[k] = vague_rows[k].text;
  hs_attr_wordset_init(&vague_set, vague_text, k);
  hs_attr_wordset_init(&hs_attr_office_ar_fa_set, office_ar_fa,
                       sizeof office_ar_fa / sizeof office_ar_fa[0] - 1);
  hs_attr_wordset_init(&hs_attr_office_en_set, office_en,
                       sizeof office_en / sizeof office_en[0] - 1);
}

static void post_sets_build(void) { pthread_once(&post_sets_once, post_sets_init); }

/* Russian surname endings: a lone capitalized Cyrillic word ending so
** is a person ("Путин", "Лавров", "Порошенко"). */
static const char *const surname_ru[] = {"ов", "ев", "ёв", "ин", "ын", "ский",
                                         "цкий", "ова", "ева", "ина", "ская",
                                         "енко", "ук", "юк", NULL};

static int ends_with(const char *v, size_t n, const char *w) {
  size_t m = strlen(w);
  return n > m && !memcmp(v + n - m, w, m);
}

/* A name still untyped after the rules above, by its shape: an English or
** Russian acronym ("AEP", "СБУ") and an English one-word name the text
** never gave a first name ("Citigroup said") are bodies (official); a
** Russian place a plural verb is said in («В Кремле рассказали») speaks
** for its authorities (official); a lone Russian surname is a person. */
static void type_by_shape(const char *text, hs_attribution *a) {
  const char *v = a->source;
  size_t n = strlen(v), k;
  int upper = 1, cyr = (unsigned char)v[0] == 0xD0 || (unsigned char)v[0] == 0xD1;
  if (a->type != HS_SRC_UNKNOWN || n < 2 || strchr(v, ' ') || strchr(v, '\n'))
    return;
  if (cyr) {
    unsigned char lo[2];
    if (!hs_attr_cyr_lower(v, lo)) return;
    for (k = 0; k + 1 < n; k += 2)
      if (!hs_attr_cyr_lower(v + k, lo)) upper = 0;
    if (upper ||
        (a->src_start >= 3 && !memcmp(text + a->src_start - 3, "\xD0\x92 ", 3)) ||
        (a->src_start >= 5 &&
         !memcmp(text + a->src_start - 5, "\xD0\x92\xD0\xBE ", 5))) {
      a->type = HS_SRC_OFFICIAL; /* "В ДНР", «В Кремле» */
      return;
    }
    for (k = 0; surname_ru[k]; k++)
      if (ends_with(v, n, surname_ru[k])) {
        a->type = HS_SRC_PERSON;
        return;
      }
    /* a one-word name that is no surname: a body («Роснефть»,
    ** «Росфинмониторинг», «Смольный») */
    a->type = HS_SRC_OFFICIAL;
    return;
  }
  if (!(v[0] >= 'A' && v[0] <= 'Z')) return;
  for (k = 0; k < n; k++)
    if ((unsigned char)v[k] >= 0x80) return;
  a->type = HS_SRC_OFFICIAL;
}

void hs_attrib_post(const char *text, size_t len, const hs_aliases *al,
                    hs_attribution *v, size_t n) {
  size_t i;
  names_seen seen_en, seen_ar_fa;
  seen_en.n = seen_ar_fa.n = 0;
  post_sets_build();
  for (i = 0; i < n; i++)
    if (v[i].type == HS_SRC_UNKNOWN || v[i].type == HS_SRC_PERSON)
      type_by_full_name(v, n, i);
  for (i = 0; i < n; i++) type_by_first_name(text, &v[i]);
  for (i = 0; i < n; i++) hs_attr_type_by_context(text, len, &v[i]);
  /* an Arabic or Persian surname repeated after the full name that the
  ** apposition typed («عارف الغازي المتحدث الرسمي ...», then «الغازي») */
  for (i = 0; i < n; i++)
    if ((v[i].type == HS_SRC_UNKNOWN || v[i].type == HS_SRC_PERSON) &&
        (unsigned char)v[i].source[0] >= 0xD8 &&
        (unsigned char)v[i].source[0] <= 0xDB)
      type_by_full_name(v, n, i);
  for (i = 0; i < n; i++) type_by_shape(text, &v[i]);
  for (i = 0; i < n; i++)
    hs_attr_type_by_office_en(text, len, &v[i], &seen_en);
  for (i = 0; i < n; i++) hs_attr_type_by_lede_office(v, i);
  for (i = 0; i < n; i++)
    hs_attr_type_by_office_ar_fa(text, len, &v[i], &seen_ar_fa);
  for (i = 0; i < n; i++) {
    int kind;
    trim(text, al, &v[i]);
    type_by_form(al, &v[i]);
    kind = vague_kind(al, &v[i]);
    if (kind >= 0) {
      size_t j;
      v[i].vague = 1;
      for (j = i; j-- > 0;)
        if (!v[j].vague && fits(kind, v[j].type)) {
          free(v[i].normalized);
          v[i].normalized = hs_strdup(v[j].normalized);
          v[i].type = v[j].type;
          v[i].resolved = 1;
          break;
        }
      continue;
    }
    fold_case(&v[i]);
  }
}
