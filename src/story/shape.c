/*
** shape.c — sentences whose shape says they state no claim, for the story
** stage's paraphrase edges: lists of names and background definitions.
**
** A team sheet, a draw's group, a list of districts or officials shares
** many rare words (the names) with another list of the same names, so the
** candidate rule of paraphrase.c pairs them, yet two line-ups of one club
** in two matches are two different facts.  What makes a list is its
** shape, in any script: items of at most LIST_ITEM_WORDS words between
** separators (, ; : a spaced dash, the Arabic «،» «؛», or a standalone
** conjunction from the table), LIST_RUN of them in a row.  The Arabic «و»
** written on the next word is no separator here: too many words begin
** with its letter («وزير»), and number words are joined with it.  Where
** the script has case, an item's words must open with a capital or a
** digit (names and numbers: "Dudek, Finnan, Carragher (Biscan 67), ..."),
** so that a run of common nouns, or a sentence's opening words before its
** first comma, is not a list of names; Arabic and Persian have no
** capitals, and there the items' length and separators decide.  Words in
** parentheses belong to their item (a substitute, a club), and a
** standalone conjunction opening an item is not one of its words.  The
** items' words are masked, as stock text is; a sentence whose words are
** mostly list items (at least LIST_SHARE_PCT percent) is no claim at all,
** and so is a table row, a sentence whose words are mostly numbers.
**
** A background definition ("Stem cells are master cells that ...") is a
** copula from the table among the first words, after a plain subject,
** then a relative word three to six words after it: "X is a ... that/which".
** It is a statement any article on the subject repeats, not what either
** reports.  Background history ("..., which was set up by Netscape in
** 1998") is a table phrase of kind `background` (stock.c).
** Another who in the same words (hs_shape_name_swap): two names that
** differ in one word beside a shared one ("the Marlin Grace" / "the
** Marlin Hope"), neither found in the other document, are two ships.
** Word classes come from data/stock.tsv (conjunction, copula, relative),
** so that other languages are a table edit.  Linear in the sentence.
**
** Who and what (hs_shape_words): where the script has case, a capital
** inside a prose sentence opens a name, a lower-case word is a common
** word, and a sentence opening in lower case is the tail of another one
** (a line piece, the "asked X" after a quoted question).  An all-capitals
** line (a wire headline, a table row) and a title-case headline tell no
** names.  Links, e-mail addresses and handles, host names, asides wholly
** in brackets (a cross-reference, a credit), a message's header lines,
** the lines it quotes from another ("> ", "Tim> ", "henrik] "), rows of a
** box or table (two bars), lines laid out in columns (a tab or three
** spaces between two words: a signature, a table of patches) and contact
** furniture (a UUCP bang path, a numeric host address, a telephone
** number, a ZIP+4 code; a line opening with "From:" or "Subject:", an
** item of a list of references "[2] ...") are no prose
** (hs_shape_not_prose).
*/
#include <string.h>
#include <strings.h>

#include "story/story.h"
#include "util/sort.h"

#define LIST_ITEM_WORDS 3 /* words of an item, outside parentheses */
#define LIST_RUN 4        /* items in a row that make a list */
#define LIST_SHARE_PCT 50 /* list words in a sentence that is only a list */
#define DEF_SUBJECT 3     /* words before the copula, at most */
#define DEF_GAP_MIN 3     /* copula .. relative: "is a firm that" */
#define DEF_GAP_MAX 6
#define QUOTE_NAME 12 /* letters of a quoting name: "Tim> ", "henrik] " */
#define COLUMN_GAP 3  /* spaces inside a line that make columns */

/* a separator between list items, outside parentheses: bytes [p, end) of
** one gap between two words; depth follows the parentheses */
static int gap_breaks(const unsigned char *p, const unsigned char *end,
                      int *depth) {
  int brk = 0, dash = 0, space = 0;
  for (; p < end; p++) {
    if (*p == ' ' || *p == '\t' || *p == '\n') space = 1;
    if (*p == '-' || (*p == 0xE2 && p + 2 < end && p[1] == 0x80 &&
                      (p[2] == 0x93 || p[2] == 0x94)))
      dash = *depth == 0;
    if (*p == '(' || *p == '[') (*depth)++;
    else if ((*p == ')' || *p == ']') && *depth > 0) (*depth)--;
    else if (*depth == 0 && (*p == ',' || *p == ';' || *p == ':'))
      brk = 1;
    else if (*depth == 0 && *p == 0xD8 && p + 1 < end &&
             (p[1] == 0x8C || p[1] == 0x9B)) /* ، ؛ */
      brk = 1;
  }
  /* a dash by a space separates items ("Ederson- Walker- Stones"); a
  ** hyphen inside a word does not */
  return brk || (dash && space);
}

/* a word that may open a name: a capital or a digit where the script has
** case (Latin, Latin-1, Cyrillic), any word where it has none */
static int name_like(const char *text, const hs_token *t) {
  const unsigned char *p = (const unsigned char *)text + t->start;
  if (t->end <= t->start) return 0;
  if (p[0] < 0x80) return (p[0] >= 'A' && p[0] <= 'Z') ||
                          (p[0] >= '0' && p[0] <= '9');
  if (t->end - t->start < 2) return 0;
  if (p[0] == 0xC3) return p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97;
  if (p[0] == 0xC4 || p[0] == 0xC5) return !(p[1] & 1); /* Latin Ext-A */
  if (p[0] == 0xD0) return p[1] >= 0x80 && p[1] <= 0xAF;
  if (p[0] == 0xD1) return 0;
  return 1; /* Arabic, Persian, and other caseless scripts */
}

/* mask the items of runs of LIST_RUN items or more in [run_start,
** run_end); returns how many words it masked */
static size_t flush_run(size_t *run, size_t run_start, size_t run_end,
                        uint8_t *mask) {
  size_t m, masked = 0;
  if (*run >= LIST_RUN)
    for (m = run_start; m < run_end; m++)
      if (!mask[m]) mask[m] = 2, masked++;
  *run = 0;
  return masked;
}

size_t hs_shape_lists(const hs_stock *st, const char *text, uint32_t s,
                      const hs_token *tok, size_t n, uint8_t *mask) {
  size_t k, seg = 0, words = 0, run = 0, run_start = 0, run_end = 0;
  size_t masked = 0;
  int depth = 0, name = 0;
  uint32_t prev = s;
  for (k = 0; k <= n; k++) {
    int brk = k == n;
    if (k < n) {
      brk |= gap_breaks((const unsigned char *)text + prev,
                        (const unsigned char *)text + tok[k].start, &depth);
      /* a standalone conjunction opens an item too ("and", «و») */
      if (depth == 0 &&
          (hs_stock_word_class(st, tok[k].hash) & HS_WORD_CONJUNCTION))
        brk = 1;
    }
    if (brk && k > seg) {
      /* the item [seg, k) ends */
      if (words >= 1 && words <= LIST_ITEM_WORDS && name) {
        if (!run++) run_start = seg;
        run_end = k;
      } else {
        masked += flush_run(&run, run_start, run_end, mask);
      }
      seg = k;
      words = 0;
      name = 0;
    }
    if (k == n) break;
    /* words in parentheses belong to their item; a conjunction opening
    ** an item is not one of its words */
    if (depth == 0 &&
        !(words == 0 &&
          (hs_stock_word_class(st, tok[k].hash) & HS_WORD_CONJUNCTION))) {
      if (!words++) name = 1;
      name &= name_like(text, &tok[k]);
    }
    prev = tok[k].end;
  }
  return masked + flush_run(&run, run_start, run_end, mask);
}

/* a number: a word opening with a digit (ASCII, Arabic-Indic, Persian) */
static int is_number(const char *text, const hs_token *t) {
  const unsigned char *p = (const unsigned char *)text + t->start;
  if (p[0] >= '0' && p[0] <= '9') return 1;
  if (t->end - t->start < 2) return 0;
  return (p[0] == 0xD9 && p[1] >= 0xA0 && p[1] <= 0xA9) ||
         (p[0] == 0xDB && p[1] >= 0xB0 && p[1] <= 0xB9);
}

int hs_shape_is_list(const char *text, const hs_token *tok, size_t masked,
                     size_t n) {
  size_t k, nums = 0;
  if (!n) return 0;
  /* a table row is a list of numbers ("Jun 146.00 146.50 ... 293") */
  for (k = 0; k < n; k++) nums += is_number(text, &tok[k]);
  return masked * 100 >= n * LIST_SHARE_PCT || nums * 100 >= n * LIST_SHARE_PCT;
}

int hs_shape_definition(const hs_stock *st, const char *text,
                        const hs_token *tok, size_t n) {
  size_t i, j;
  int depth = 0;
  for (i = 1; i <= DEF_SUBJECT && i < n; i++) {
    /* the subject is a plain noun phrase: no separator inside it */
    if (gap_breaks((const unsigned char *)text + tok[i - 1].end,
                   (const unsigned char *)text + tok[i].start, &depth) ||
        depth)
      return 0;
    if (!(hs_stock_word_class(st, tok[i].hash) & HS_WORD_COPULA)) continue;
    for (j = i + DEF_GAP_MIN; j <= i + DEF_GAP_MAX && j < n; j++)
      if (hs_stock_word_class(st, tok[j].hash) & HS_WORD_RELATIVE) return 1;
    return 0;
  }
  return 0;
}

/* ------------------------------------------------------- who and what */

enum { C_NONE, C_LOWER, C_UPPER, C_CAPS, C_DIGIT };

/* the case of a word: its first letter's, C_CAPS when every ASCII letter
** of a word of two or more is a capital; C_NONE where the script has none */
static int word_case(const char *text, const hs_token *t) {
  const unsigned char *p = (const unsigned char *)text + t->start;
  size_t n = t->end - t->start, k, letters = 0, caps = 0;
  if (!n) return C_NONE;
  if (is_number(text, t)) return C_DIGIT;
  if (p[0] < 0x80) {
    if (p[0] >= 'a' && p[0] <= 'z') return C_LOWER;
    if (!(p[0] >= 'A' && p[0] <= 'Z')) return C_NONE;
    for (k = 0; k < n; k++)
      if ((p[k] >= 'A' && p[k] <= 'Z') || (p[k] >= 'a' && p[k] <= 'z'))
        letters++, caps += p[k] <= 'Z';
    return letters >= 2 && caps == letters ? C_CAPS : C_UPPER;
  }
  if (n < 2) return C_NONE;
  if (p[0] == 0xC3) return p[1] <= 0x9E && p[1] != 0x97 ? C_UPPER : C_LOWER;
  if (p[0] == 0xC4 || p[0] == 0xC5) return p[1] & 1 ? C_LOWER : C_UPPER;
  if (p[0] == 0xD0) return p[1] <= 0xAF ? C_UPPER : C_LOWER;
  if (p[0] == 0xD1) return C_LOWER;
  return C_NONE;
}

#define CAPS_PCT 70 /* words all in capitals in a capitals line */

int hs_shape_words(const char *text, const hs_token *tok, size_t n,
                   uint8_t *flags) {
  size_t k, cased = 0, none = 0, caps = 0, low = 0;
  int kind;
  for (k = 0; k < n; k++) {
    int c = word_case(text, &tok[k]);
    cased += c == C_LOWER || c == C_UPPER || c == C_CAPS;
    none += c == C_NONE;
    caps += c == C_CAPS;
    low += c == C_LOWER && !(flags[k] & HS_WF_STOP);
  }
  if (!cased || cased <= none)
    kind = HS_SENT_CASELESS;
  else if (cased >= 2 && (caps * 100 >= cased * CAPS_PCT || !low))
    kind = HS_SENT_CAPS; /* capitals, or a title-case headline */
  else
    kind = word_case(text, &tok[0]) == C_LOWER ? HS_SENT_FRAGMENT
                                                : HS_SENT_CASED;
  for (k = 0; k < n; k++) {
    int c = word_case(text, &tok[k]);
    uint8_t stop = flags[k] & HS_WF_STOP;
    if (c == C_DIGIT)
      flags[k] = HS_WF_NUM;
    else if (kind == HS_SENT_CAPS)
      flags[k] = 0; /* neither a name nor a common word */
    else if (kind == HS_SENT_CASELESS || c == C_LOWER || c == C_NONE)
      flags[k] = HS_WF_LOW;
    else
      flags[k] = k ? HS_WF_NAME : 0; /* an opening capital tells nothing */
    flags[k] |= stop;
  }
  return kind;
}

/* header fields of e-mail and Usenet messages (RFC 5322, RFC 5536),
** lower case, without the colon */
static const char *const mail_fields[] = {
    "received", "return-path", "content-type", "content-transfer-encoding",
    "content-disposition", "content-description", "message-id",
    "in-reply-to", "references", "reply-to", "organization", "lines",
    "nntp-posting-host", "distribution", "x-mailer", "mime-version",
    "delivered-to", "x-newsreader"};

static int is_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

/* a header field name followed by a colon at i */
static int mail_field(const char *p, size_t n, size_t i) {
  size_t k, l;
  char c0 = p[i];
  /* it runs at every word start (every byte of a text in another script):
  ** the first letter first */
  if (c0 >= 'A' && c0 <= 'Z') c0 = (char)(c0 + 32);
  if (c0 < 'a' || c0 > 'z') return 0;
  for (k = 0; k < sizeof mail_fields / sizeof mail_fields[0]; k++) {
    if (mail_fields[k][0] != c0) continue;
    l = strlen(mail_fields[k]);
    if (i + l < n && p[i + l] == ':') {
      size_t j;
      for (j = 0; j < l; j++) {
        char c = p[i + j];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != mail_fields[k][j]) break;
      }
      if (j == l) return 1;
    }
  }
  return 0;
}

/* a host name at i: three labels or more of letters, digits and hyphens
** joined by dots, the last all lower-case letters ("ftp.astro.psu.edu",
** "pimout2-ext.prodigy.net") */
static size_t host_name(const unsigned char *u, size_t n, size_t i) {
  size_t labels = 0, j = i, last = 0, lower = 0;
  for (;;) {
    size_t st = j;
    lower = 1;
    while (j < n && (is_alnum(u[j]) || u[j] == '-')) {
      if (!(u[j] >= 'a' && u[j] <= 'z')) lower = 0;
      j++;
    }
    if (j == st) break;
    labels++;
    last = j - st;
    if (j + 1 < n && u[j] == '.' && is_alnum(u[j + 1])) j++;
    else break;
  }
  return labels >= 3 && lower && last >= 2 && last <= 6 ? j - i : 0;
}

/* digits at u[i..) (at most max), how many */
static size_t digits(const unsigned char *u, size_t n, size_t i, size_t max) {
  size_t j = i;
  while (j < n && j - i <= max && u[j] >= '0' && u[j] <= '9') j++;
  return j - i;
}

/* a message's furniture at i: a UUCP bang path ("gatech!prism!ma201rs"),
** a numeric host address ("141.214.4.135"), a telephone number
** ("(512) 891-8637") or a ZIP+4 code ("68124-1113") */
static int contact_at(const unsigned char *u, size_t n, size_t i) {
  size_t j = i, k, d;
  if (i + 2 < n && u[i + 1] == '!' && (is_alnum(u[i]) || u[i] == '}') &&
      (is_alnum(u[i + 2]) || u[i + 2] == '{'))
    return 1;
  if (i && (is_alnum(u[i - 1]) || u[i - 1] == '.')) return 0;
  for (k = 0; k < 4; k++) { /* d.d.d.d */
    if (!(d = digits(u, n, j, 3)) || d > 3) break;
    j += d;
    if (k < 3 && (j >= n || u[j] != '.')) break;
    j += k < 3;
  }
  if (k == 4 && (j >= n || !is_alnum(u[j]))) return 1;
  if (u[i] == '(' && digits(u, n, i + 1, 3) == 3 && i + 5 < n &&
      u[i + 4] == ')' && u[i + 5] == ' ' && digits(u, n, i + 6, 3) == 3 &&
      i + 9 < n && u[i + 9] == '-' && digits(u, n, i + 10, 4) == 4)
    return 1;
  return digits(u, n, i, 5) == 5 && i + 5 < n && u[i + 5] == '-' &&
         digits(u, n, i + 6, 4) == 4 &&
         (i + 10 >= n || !is_alnum(u[i + 10]));
}

int hs_shape_not_prose(const char *p, size_t n) {
  size_t i, e = n, bars = 0;
  const unsigned char *u = (const unsigned char *)p;
  for (i = 0; i + 4 <= n; i++)
    if (!memcmp(p + i, "://", 3) || !memcmp(p + i, "www.", 4)) return 1;
  for (i = 0; i < n; i++) {
    int line_start = i == 0 || p[i - 1] == '\n';
    int word_start = i == 0 || !(is_alnum(u[i - 1]) || u[i - 1] == '-' ||
                                 u[i - 1] == '.');
    size_t j = i;
    /* a quoted line of another message ("> ...", "Tim> ...",
    ** "henrik] ...") */
    if (line_start) {
      size_t w;
      while (j < n && (p[j] == ' ' || p[j] == '\t')) j++;
      if (j < n && p[j] == '>') return 1;
      /* an item of a list of references ("[2] Enno Meyer, ...") */
      if (j < n && p[j] == '[' && digits(u, n, j + 1, 3) &&
          j + 1 + digits(u, n, j + 1, 3) < n &&
          p[j + 1 + digits(u, n, j + 1, 3)] == ']')
        return 1;
      /* the sender and subject lines of a message's header */
      if ((j + 5 <= n && !strncasecmp(p + j, "from:", 5)) ||
          (j + 8 <= n && !strncasecmp(p + j, "subject:", 8)))
        return 1;
      for (w = j; w < n && w - j <= QUOTE_NAME && is_alnum(u[w]); w++) {}
      if (w > j && w - j <= QUOTE_NAME && w + 1 < n &&
          (p[w] == '>' || p[w] == ']') && (p[w + 1] == ' ' || p[w + 1] == '\t'))
        return 1;
    }
    /* columns: a tab or COLUMN_GAP spaces between two words of a line
    ** (a signature's layout, a table of patches) */
    if (i && p[i - 1] != ' ' && p[i - 1] != '\t' && p[i - 1] != '\n' &&
        (p[i] == ' ' || p[i] == '\t')) {
      size_t g = i, sp = 0, tabs = 0;
      while (g < n && (p[g] == ' ' || p[g] == '\t')) sp++, tabs += p[g] == '\t', g++;
      if (g < n && p[g] != '\n' && p[g] != '\r' && (tabs || sp >= COLUMN_GAP))
        return 1;
    }
    if (contact_at(u, n, i)) return 1;
    /* a message's header line, a host name */
    if (word_start && (mail_field(p, n, i) || host_name(u, n, i))) return 1;
    /* a row of a box or a table: two bars or more */
    bars += p[i] == '|';
  }
  if (bars >= 2) return 1;
  /* an e-mail address or a handle: "@" before a letter, digit or "_" */
  for (i = 0; i + 1 < n; i++)
    if (p[i] == '@' && ((u[i + 1] >= 'a' && u[i + 1] <= 'z') ||
                        (u[i + 1] >= 'A' && u[i + 1] <= 'Z') ||
                        (u[i + 1] >= '0' && u[i + 1] <= '9') || u[i + 1] == '_'))
      return 1;
  /* an aside: opens with a bracket that closes at its end */
  while (e > 0 && (p[e - 1] == '.' || p[e - 1] == ' ')) e--;
  if (e < 2 || (p[0] != '(' && p[0] != '[')) return 0;
  {
    int depth = 0;
    for (i = 0; i < e; i++) {
      depth += p[i] == '(' || p[i] == '[';
      depth -= p[i] == ')' || p[i] == ']';
      if (depth <= 0) return i == e - 1;
    }
  }
  return 0;
}

/* ------------------------------------------------------- a name swapped */

#define IS_NAME(f) (((f) & (HS_WF_NAME | HS_WF_NUM | HS_WF_STOP)) == HS_WF_NAME)

int hs_shape_name_swap(const hs_token *a, const uint8_t *fa, size_t na,
                       const hs_token *b, const uint8_t *fb, size_t nb,
                       const uint64_t *da, size_t nda, const uint64_t *db,
                       size_t ndb) {
  size_t i, j;
  /* a name word of a beside a name word both sides share, and in b the
  ** same neighbour with another name word: each absent from the other
  ** document */
  for (i = 0; i < na; i++) {
    if (!IS_NAME(fa[i]) || hs_u64_sorted_has(db, ndb, a[i].hash)) continue;
    for (j = 0; j < nb; j++) {
      if (!IS_NAME(fb[j]) || b[j].hash == a[i].hash || hs_u64_sorted_has(da, nda, b[j].hash))
        continue;
      if (i && j && IS_NAME(fa[i - 1]) && IS_NAME(fb[j - 1]) && a[i - 1].hash == b[j - 1].hash)
        return 1;
      if (i + 1 < na && j + 1 < nb && IS_NAME(fa[i + 1]) && IS_NAME(fb[j + 1]) &&
          a[i + 1].hash == b[j + 1].hash)
        return 1;
    }
  }
  return 0;
}
