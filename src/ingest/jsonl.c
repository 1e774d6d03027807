/*
** jsonl.c — JSON Lines input: one document per line.
**
** Lines are split with memchr over the reader's chunks; a line that lies
** inside one chunk is parsed in place, one spanning chunks is gathered in
** a spill buffer, capped per line (longer lines are reported and skipped
** up to the next newline, so a corrupt file cannot exhaust memory).
** jansson rejects invalid UTF-8, so a line that fails a fast validity scan
** (16 bytes at a time while ASCII or two-byte characters) is first copied
** with each invalid byte replaced by U+FFFD; stored text is therefore
** always valid UTF-8 and offsets refer to it.  Each line is parsed by a
** fast scanner for flat objects, or with json_loadb, the known fields are
** copied out and the tree is freed at once: memory holds the text, not
** the JSON.
**
** Splitting is serial; the rest of a line's work does not depend on the
** lines before it, so lines are parsed in batches on several threads
** (hs_ingest_opts.threads), and the results committed in input order on
** the reading thread: the duplicate check, the warnings (same words, same
** order), the corpus and the caller's hook see exactly what a serial read
** gives, whatever the number of threads.
**
** Fields: "id" (string, or a number written in decimal; missing, null or
** empty gives "IDBASE:LINE"), "text" (required string), "series", "date",
** "title", "url" (strings; numbers are written as text).  Every other field
** is kept, in input order, in `extra` as a compact JSON object.
*/
#include "ingest/ingest.h"

#include "util/parallel.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A scalar field as text: strings as they are, numbers in decimal.
** *used is set when the field was taken (so it leaves `extra`). */
static char *scalar_text(json_t *v, int *used) {
  char num[64];
  *used = 0;
  if (!v) return NULL;
  if (json_is_string(v)) {
    *used = 1;
    return hs_strndup(json_string_value(v), json_string_length(v));
  }
  if (json_is_integer(v)) {
    *used = 1;
    snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
    return hs_strdup(num);
  }
  if (json_is_real(v)) {
    *used = 1;
    /* The shortest of 15 or 17 significant digits that reads back. */
    snprintf(num, sizeof num, "%.15g", json_real_value(v));
    if (strtod(num, NULL) != json_real_value(v)) {
      snprintf(num, sizeof num, "%.17g", json_real_value(v));
    }
    return hs_strdup(num);
  }
  if (json_is_null(v)) *used = 1;
  return NULL;
}

static char *fallback_id(const char *idbase, uint64_t lineno) {
  size_t n = strlen(idbase) + 24;
  char *id = hs_malloc(n);
  snprintf(id, n, "%s:%llu", idbase, (unsigned long long)lineno);
  return id;
}

/* ------------------------------------------------------------ fast path
** Most lines are flat objects whose named fields are strings.  Those are
** scanned here directly (about ten times faster than building a jansson
** tree for a long "text"); the unnamed fields are copied raw into a small
** object that jansson parses and re-serializes for `extra`.  Anything
** else, or anything invalid, returns 0 and the line goes through the
** jansson path, which gives the same result for valid input and the error
** message for invalid input. */

enum { F_ID, F_TEXT, F_SERIES, F_DATE, F_TITLE, F_URL, F_COUNT };
_Static_assert((int)F_COUNT == (int)HS_FIELD_COUNT &&
                   (int)F_TEXT == (int)HS_FIELD_TEXT &&
                   (int)F_URL == (int)HS_FIELD_URL,
               "jsonl.c reads the fields in the order of fields.c");

typedef struct jfield {
  const unsigned char *p;  /* string contents (between the quotes) */
  size_t n;
  int present, esc, num;   /* num: an integer literal (ids only) */
} jfield;

/* Bytes that end a run of plain string characters. */
static int string_stop(unsigned c) {
  return c == '"' || c == '\\' || c < 0x20;
}

static int hex4(const unsigned char *s, unsigned *v) {
  unsigned r = 0, i;
  for (i = 0; i < 4; i++) {
    unsigned c = s[i], d;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    else return 0;
    r = r * 16 + d;
  }
  *v = r;
  return 1;
}

/* Whether one of the 8 bytes of w is a quote, a backslash or a control
** character: the exact "has a byte less than n" test (n <= 128) on w,
** on w ^ '"' and on w ^ '\\' (for those, less than 1 means zero). */
static int word_has_stop(uint64_t w) {
  const uint64_t ones = UINT64_C(0x0101010101010101);
  const uint64_t high = UINT64_C(0x8080808080808080);
  uint64_t q = w ^ (ones * '"'), b = w ^ (ones * '\\');
  return (((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((b - ones) & ~b)) &
         high ? 1 : 0;
}

/* s is just after an opening quote: the closing quote, or NULL.  Plain
** characters are skipped 8 bytes at a time: texts are long. */
static const unsigned char *scan_string(const unsigned char *s,
                                        const unsigned char *e, int *esc) {
  for (;;) {
    unsigned v;
    while (e - s >= 8) {
      uint64_t w;
      memcpy(&w, s, 8);
      if (word_has_stop(w)) break;
      s += 8;
    }
    while (s < e && !string_stop(*s)) s++;
    if (s >= e || *s < 0x20) return NULL;
    if (*s == '"') return s;
    *esc = 1;
    if (e - s < 2) return NULL;
    switch (s[1]) {
      case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r':
      case 't':
        s += 2;
        break;
      case 'u':
        if (e - s < 6 || !hex4(s + 2, &v)) return NULL;
        s += 6;
        break;
      default:
        return NULL;
    }
  }
}

static const unsigned char *skip_ws(const unsigned char *s,
                                    const unsigned char *e) {
  while (s < e && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')) s++;
  return s;
}

/* End of the value starting at s (not validated beyond its extent). */
static const unsigned char *skip_value(const unsigned char *s,
                                       const unsigned char *e) {
  int esc = 0;
  size_t depth = 0;
  if (*s == '"') {
    s = scan_string(s + 1, e, &esc);
    return s ? s + 1 : NULL;
  }
  if (*s != '{' && *s != '[') {
    const unsigned char *b = s;
    while (s < e && *s != ',' && *s != '}' && *s != ']' && *s != ' ' &&
           *s != '\t' && *s != '\n' && *s != '\r') {
      s++;
    }
    return s > b ? s : NULL;
  }
  while (s < e) {
    if (*s == '"') {
      s = scan_string(s + 1, e, &esc);
      if (!s) return NULL;
    } else if (*s == '{' || *s == '[') {
      depth++;
    } else if (*s == '}' || *s == ']') {
      if (--depth == 0) return s + 1;
    }
    s++;
  }
  return NULL;
}

/* Decode string contents s[0..n) into out (room for n + 1 bytes).
** Returns the decoded length, or (size_t)-1 for a bad escape. */
static size_t decode_string(const unsigned char *s, size_t n, char *out) {
  const unsigned char *e = s + n;
  char *o = out;
  while (s < e) {
    const unsigned char *b = s;
    unsigned cp, lo;
    while (s < e && *s != '\\') s++;
    memcpy(o, b, (size_t)(s - b));
    o += s - b;
    if (s >= e) break;
    switch (s[1]) {
      case 'b': *o++ = '\b'; s += 2; continue;
      case 'f': *o++ = '\f'; s += 2; continue;
      case 'n': *o++ = '\n'; s += 2; continue;
      case 'r': *o++ = '\r'; s += 2; continue;
      case 't': *o++ = '\t'; s += 2; continue;
      case 'u': break;
      default: *o++ = (char)s[1]; s += 2; continue;
    }
    /* The scan validated the escape; checked again, so that cp is always set. */
    if (e - s < 6 || !hex4(s + 2, &cp)) return (size_t)-1;
    s += 6;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return (size_t)-1;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      if (e - s < 6 || s[0] != '\\' || s[1] != 'u' || !hex4(s + 2, &lo) ||
          lo < 0xDC00 || lo > 0xDFFF) {
        return (size_t)-1;
      }
      s += 6;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
    }
    if (cp < 0x80) {
      *o++ = (char)cp;
    } else if (cp < 0x800) {
      *o++ = (char)(0xC0 | (cp >> 6));
      *o++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      *o++ = (char)(0xE0 | (cp >> 12));
      *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
      *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
      *o++ = (char)(0xF0 | (cp >> 18));
      *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
      *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
      *o++ = (char)(0x80 | (cp & 0x3F));
    }
  }
  *o = '\0';
  return (size_t)(o - out);
}

/* A field's value as a new string (*len its length), NULL if absent;
** sets *bad for an invalid escape. */
static char *field_text(const jfield *f, size_t *len, int *bad) {
  char *out;
  size_t n;
  if (!f->present) return NULL;
  out = hs_malloc(f->n + 1);
  if (!f->esc) {
    memcpy(out, f->p, f->n);
    out[f->n] = '\0';
    n = f->n;
  } else {
    n = decode_string(f->p, f->n, out);
    if (n == (size_t)-1) {
      *bad = 1;
      free(out);
      return NULL;
    }
    if (n + 64 < f->n) out = hs_realloc(out, n + 1);
  }
  if (len) *len = n;
  return out;
}

/* The document field key k[0..n) fills (-1: none, into extra); -2 for an
** alternative name (fields.c), which the jansson path resolves. */
static int known_field(const char *const *field, const unsigned char *k,
                       size_t n) {
  int alt, r = hs_field_role(field, (const char *)k, n, &alt);
  return alt ? -2 : r;
}

/* An integer literal as jansson prints it back: -?(0|[1-9][0-9]*), short
** enough for json_int_t, and not "-0". */
static const unsigned char *scan_int(const unsigned char *s,
                                     const unsigned char *e) {
  const unsigned char *b = s;
  if (s < e && *s == '-') s++;
  if (s >= e || *s < '0' || *s > '9') return NULL;
  if (*s == '0') {
    s++;
    if (b[0] == '-') return NULL;
  } else {
    while (s < e && *s >= '0' && *s <= '9') s++;
  }
  if (s - b > 18) return NULL;
  if (s < e && (*s == '.' || *s == 'e' || *s == 'E')) return NULL;
  return s;
}

static void doc_release(hs_doc *d) {
  free(d->id);
  free(d->text);
  free(d->series);
  free(d->date);
  free(d->title);
  free(d->url);
  free(d->extra);
  memset(d, 0, sizeof *d);
}

/* ------------------------------------------------------------ batches
** The reader splits lines serially and collects them in a batch; the
** batch's lines are parsed on the ingest threads, each into a jline's
** result (a document, or none, plus what to report), and the results are
** then committed one by one in input order by the reading thread: the
** duplicate check, the warnings, hs_corpus_take and the caller's hook see
** the same sequence as when each line was parsed as it was read.  A line
** lying inside the current input chunk is parsed in place, a line spanning
** chunks is gathered in `spill`; the batch is parsed and committed before
** the chunk is refilled, so what has been read is in the corpus before the
** reader waits for more (a pipe that stays open). */

/* Batch limits: lines, and bytes of lines (a memory buffer is one chunk). */
#define BATCH_LINES 256
#define BATCH_BYTES ((size_t)16 << 20)
/* Each thread gets at least this many bytes of a batch: below it, starting
** a thread costs more than it parses. */
#define THREAD_BYTES ((size_t)64 << 10)
/* Per-thread scratch buffers larger than this are freed after use. */
#define SCRATCH_KEEP ((size_t)4 << 20)

enum {
  L_LINE,       /* a line to parse */
  L_LONG,       /* a line over the cap, reported at its end */
  L_END,        /* the end of a line reported before it ended */
  L_LONG_EARLY  /* a line found over the cap before its end */
};

typedef struct jline {
  uint64_t lineno;
  const char *p;       /* the line, once resolved */
  size_t off, n;       /* off: in spill when spilled */
  unsigned char kind, spilled;
  unsigned char utf8;  /* invalid UTF-8 was replaced */
  unsigned char cut;   /* the text was cut at max_doc */
  unsigned char alt[F_COUNT]; /* alternative field names read (fields.c) */
  char *msg;           /* reported before the duplicate check */
  hs_doc d;            /* d.id set: a document to commit */
} jline;

struct hs_jsonl_work {
  jline *lines;
  size_t n, cap;
  size_t bytes;        /* of the batch's lines */
  hs_buf spill;
  int nthreads;
  hs_buf *fix;         /* per thread: a line after UTF-8 repair */
  hs_buf *extra;       /* per thread: the unnamed fields of a line */
  /* Read by the parsing threads. */
  const char *idbase;
  size_t max_doc;
  int no_fast;
  const char *const *field;  /* hs_ingest_ctx.field */
};

void hs_jsonl_work_free(hs_jsonl_work *w) {
  int i;
  if (!w) return;
  for (i = 0; i < w->nthreads; i++) {
    hs_buf_free(&w->fix[i]);
    hs_buf_free(&w->extra[i]);
  }
  free(w->fix);
  free(w->extra);
  hs_buf_free(&w->spill);
  free(w->lines);
  free(w);
}

static hs_jsonl_work *work_get(hs_ingest_ctx *x) {
  hs_jsonl_work *w = x->jsonl;
  int i;
  if (w) return w;
  w = hs_calloc(1, sizeof *w);
  w->nthreads = x->threads > 0 ? x->threads : 1;
  w->fix = hs_calloc((size_t)w->nthreads, sizeof *w->fix);
  w->extra = hs_calloc((size_t)w->nthreads, sizeof *w->extra);
  for (i = 0; i < w->nthreads; i++) {
    hs_buf_init(&w->fix[i], 0);
    hs_buf_init(&w->extra[i], 0);
  }
  hs_buf_init(&w->spill, 0);
  x->jsonl = w;
  return w;
}

static char *msg_new(const char *fmt, ...)
#ifdef __GNUC__
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* A warning's text, cut where hs_ingest_warn would cut it. */
static char *msg_new(const char *fmt, ...) {
  char what[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  return hs_strdup(what);
}

/* The fast path: 1 with l->d set, 0 to leave the line to jansson. */
static int parse_fast(const hs_jsonl_work *w, hs_buf *ex, jline *l,
                      const char *line, size_t len) {
  const unsigned char *s = (const unsigned char *)line, *e = s + len, *q;
  jfield f[F_COUNT];
  hs_doc d;
  size_t tl = 0;
  int bad = 0;

  memset(f, 0, sizeof f);
  memset(&d, 0, sizeof d);
  ex->len = 0;
  if (hs_buf_putc(ex, '{')) return 0;
  s = skip_ws(s, e);
  if (s >= e || *s != '{') return 0;
  s = skip_ws(s + 1, e);
  if (s < e && *s == '}') {
    s++;
  } else {
    for (;;) {
      const unsigned char *k, *v;
      int kesc = 0, idx;
      if (s >= e || *s != '"') return 0;
      k = s;
      q = scan_string(s + 1, e, &kesc);
      if (!q || kesc) return 0;
      s = skip_ws(q + 1, e);
      if (s >= e || *s != ':') return 0;
      s = skip_ws(s + 1, e);
      if (s >= e) return 0;
      idx = known_field(w->field, k + 1, (size_t)(q - k - 1));
      if (idx == -2) return 0;
      v = s;
      if (idx >= 0) {
        jfield *fl = &f[idx];
        if (fl->present) return 0;  /* repeated: let jansson decide */
        fl->present = 1;
        if (*s == '"') {
          const unsigned char *r = scan_string(s + 1, e, &fl->esc);
          if (!r) return 0;
          fl->p = s + 1;
          fl->n = (size_t)(r - s - 1);
          s = r + 1;
        } else if (idx == F_ID && (q = scan_int(s, e)) != NULL) {
          fl->p = s;
          fl->n = (size_t)(q - s);
          fl->num = 1;
          s = q;
        } else {
          return 0;
        }
      } else {
        s = skip_value(s, e);
        if (!s) return 0;
        if (ex->len > 1 && hs_buf_putc(ex, ',')) return 0;
        if (hs_buf_append(ex, k, (size_t)(q + 1 - k)) ||
            hs_buf_putc(ex, ':') || hs_buf_append(ex, v, (size_t)(s - v))) {
          return 0;
        }
      }
      s = skip_ws(s, e);
      if (s >= e) return 0;
      if (*s == ',') {
        s = skip_ws(s + 1, e);
        continue;
      }
      if (*s != '}') return 0;
      s++;
      break;
    }
  }
  if (skip_ws(s, e) != e || !f[F_TEXT].present) return 0;

  /* The extra fields first: if jansson rejects them, it rejects the line. */
  if (ex->len > 1) {
    json_error_t jerr;
    json_t *obj;
    if (hs_buf_putc(ex, '}')) return 0;
    obj = json_loadb(ex->p, ex->len, JSON_ALLOW_NUL, &jerr);
    if (!obj) return 0;
    if (json_object_size(obj)) d.extra = json_dumps(obj, JSON_COMPACT);
    json_decref(obj);
  }

  d.id = field_text(&f[F_ID], NULL, &bad);
  d.text = field_text(&f[F_TEXT], &tl, &bad);
  d.series = field_text(&f[F_SERIES], NULL, &bad);
  d.date = field_text(&f[F_DATE], NULL, &bad);
  d.title = field_text(&f[F_TITLE], NULL, &bad);
  d.url = field_text(&f[F_URL], NULL, &bad);
  if (bad) {
    doc_release(&d);
    return 0;
  }
  if (!d.id || !d.id[0]) {
    free(d.id);
    d.id = fallback_id(w->idbase, l->lineno);
  }
  if (tl > w->max_doc) {
    l->cut = 1;
    tl = hs_utf8_cut(d.text, tl, w->max_doc);
    d.text[tl] = '\0';
    d.text = hs_realloc(d.text, tl + 1);
  }
  d.len = tl;
  l->d = d;
  return 1;
}

/* The jansson path: the reference, and the messages for invalid lines. */
static void parse_jansson(const hs_jsonl_work *w, jline *l, const char *p,
                          size_t n) {
  json_error_t jerr;
  json_t *root;
  int cut = 0;

  root = json_loadb(p, n, JSON_ALLOW_NUL, &jerr);
  if (!root) {
    l->msg = msg_new("malformed JSON (%s, column %d); line skipped",
                     jerr.text, jerr.column);
    return;
  }
  l->msg = hs_json_doc(w->field, root, w->idbase, l->lineno, w->max_doc,
                       &l->d, &cut, l->alt, "line");
  l->cut = (unsigned char)cut;
  json_decref(root);
}

char *hs_json_doc(const char *const *field, json_t *root, const char *idbase,
                  uint64_t n, size_t max_doc, hs_doc *out, int *cut,
                  unsigned char *alt, const char *what) {
  const char *name[F_COUNT];
  json_t *v[F_COUNT];
  hs_doc d;
  int used[F_COUNT] = {0, 0, 0, 0, 0, 0}, a;
  size_t tl, i;
  const char *tv;
  char *msg = NULL;

  memset(&d, 0, sizeof d);
  memset(out, 0, sizeof *out);
  if (!json_is_object(root))
    return msg_new("not a JSON object; %s skipped", what);
  for (i = 0; i < F_COUNT; i++) {
    v[i] = hs_field_json(field, root, (int)i, &name[i], &a);
    if (v[i] && a) alt[i] = (unsigned char)a;
  }
  if (!v[F_TEXT]) {
    if (field[F_TEXT])
      return msg_new("missing \"%s\" field (--text-field); %s skipped",
                     field[F_TEXT], what);
    return msg_new("missing \"text\" field; %s skipped", what);
  }
  if (!json_is_string(v[F_TEXT]))
    return msg_new("\"%s\" is not a string; %s skipped", name[F_TEXT], what);
  d.id = scalar_text(v[F_ID], &used[0]);
  if (!d.id && !used[0] && v[F_ID]) {
    msg = msg_new("\"%s\" is not a string or number; using %s:%llu",
                  name[F_ID], idbase, (unsigned long long)n);
  }
  if (!d.id || !d.id[0]) {
    free(d.id);
    d.id = fallback_id(idbase, n);
  }
  tv = json_string_value(v[F_TEXT]);
  tl = json_string_length(v[F_TEXT]);
  used[1] = 1;
  if (tl > max_doc) {
    *cut = 1;
    tl = hs_utf8_cut(tv, tl, max_doc);
  }
  d.text = hs_strndup(tv, tl);
  d.len = tl;
  d.series = scalar_text(v[F_SERIES], &used[2]);
  d.date = scalar_text(v[F_DATE], &used[3]);
  d.title = scalar_text(v[F_TITLE], &used[4]);
  d.url = scalar_text(v[F_URL], &used[5]);
  for (i = 0; i < F_COUNT; i++) {
    if (used[i]) json_object_del(root, name[i]);
  }
  if (json_object_size(root)) d.extra = json_dumps(root, JSON_COMPACT);
  *out = d;
  return msg;
}

/* Everything about one line that does not depend on the lines before it:
** trimming, UTF-8 repair, parsing, fields, the cut at max_doc. */
static void parse_line(const hs_jsonl_work *w, int thread, jline *l) {
  const char *p = l->p;
  size_t n = l->n;
  hs_buf *fix = &w->fix[thread];
  while (n && (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t')) n--;
  while (n && (*p == ' ' || *p == '\t' || *p == '\r')) {
    p++;
    n--;
  }
  if (l->lineno == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
    p += 3;
    n -= 3;
  }
  if (!n) return;
  if (hs_utf8_fix(p, n, fix)) {
    l->utf8 = 1;
    p = fix->p;
    n = fix->len;
  }
  if (w->no_fast || !parse_fast(w, &w->extra[thread], l, p, n))
    parse_jansson(w, l, p, n);
  /* Every thread's buffer would otherwise keep the size of the longest
  ** line it repaired. */
  if (fix->cap > SCRATCH_KEEP) hs_buf_free(fix);
  if (w->extra[thread].cap > SCRATCH_KEEP) hs_buf_free(&w->extra[thread]);
}

static int parse_range(void *ud, int thread, size_t begin, size_t end) {
  hs_jsonl_work *w = ud;
  size_t i;
  for (i = begin; i < end; i++) {
    if (w->lines[i].kind == L_LINE) parse_line(w, thread, &w->lines[i]);
  }
  return 0;
}

typedef struct jsonl_state {
  const char *source, *idbase;
  uint64_t lineno;
  int warned_utf8;
  unsigned noticed;     /* fields whose alternative name was reported */
  size_t batch_lines;   /* flush the batch at this many lines */
  size_t thread_bytes;  /* bytes of a batch per thread, at least */
} jsonl_state;

static void warn_duplicate(hs_ingest_ctx *x, const jsonl_state *st,
                           uint64_t lineno, const char *id, long prev) {
  const hs_doc *o = hs_corpus_doc(x->c, (size_t)prev);
  if (o->line) {
    hs_ingest_warn(x, st->source, lineno,
                   "duplicate id \"%.200s\" (first in %s:%llu); skipped", id,
                   o->source ? o->source : "?", (unsigned long long)o->line);
  } else {
    hs_ingest_warn(x, st->source, lineno,
                   "duplicate id \"%.200s\" (first in %s); skipped", id,
                   o->source ? o->source : "?");
  }
}

/* Commit one line's result; HS_EINTR when reading was stopped before it. */
static int commit_line(hs_ingest_ctx *x, jsonl_state *st, jline *l,
                       hs_error *err) {
  hs_doc *d = &l->d;
  long prev;
  hs_error e;
  if (l->kind != L_LONG_EARLY && hs_ingest_cancelled(x)) {
    return hs_error_set(err, HS_EINTR, "%s:%llu: interrupted", st->source,
                        (unsigned long long)l->lineno);
  }
  if (l->kind == L_LONG || l->kind == L_LONG_EARLY) {
    hs_ingest_warn(x, st->source, l->lineno,
                   "line longer than %zu bytes; skipped", x->max_line);
    return HS_OK;
  }
  if (l->kind != L_LINE) return HS_OK;
  if (l->utf8 && !st->warned_utf8) {
    hs_ingest_warn(x, st->source, l->lineno,
                   "invalid UTF-8 replaced by U+FFFD (reported for the "
                   "first such line only)");
    st->warned_utf8 = 1;
  }
  if (l->msg) hs_ingest_warn(x, st->source, l->lineno, "%s", l->msg);
  if (!d->id) return HS_OK;
  for (int f = 0; f < F_COUNT; f++) {
    if (l->alt[f] && !(st->noticed & (1u << f))) {
      st->noticed |= 1u << f;
      hs_field_notice(x, st->source, f, hs_field_alternative(f, l->alt[f]));
    }
  }
  prev = hs_corpus_find(x->c, d->id);
  if (prev >= 0) {
    warn_duplicate(x, st, l->lineno, d->id, prev);
    doc_release(d);
    return HS_OK;
  }
  if (l->cut) {
    hs_ingest_warn(x, st->source, l->lineno,
                   "\"text\" longer than %zu bytes; cut there", x->max_doc);
  }
  d->source = (char *)(uintptr_t)st->source;
  d->line = l->lineno;
  if (hs_corpus_take(x->c, d, &e))
    hs_ingest_warn(x, st->source, l->lineno, "%s; skipped", e.msg);
  else
    hs_ingest_added(x);
  memset(d, 0, sizeof *d);
  return HS_OK;
}

/* Parse the batch on the threads, commit it in order, empty it.  The
** last `keep` bytes of spill (an unfinished line) stay, moved to its
** start. */
static int batch_flush(hs_ingest_ctx *x, jsonl_state *st, hs_jsonl_work *w,
                       size_t keep, hs_error *err) {
  size_t i, nt = (size_t)w->nthreads;
  int rc = HS_OK;
  if (!w->n) return HS_OK;
  for (i = 0; i < w->n; i++) {
    if (w->lines[i].spilled) w->lines[i].p = w->spill.p + w->lines[i].off;
  }
  if (st->thread_bytes && nt > w->bytes / st->thread_bytes + 1)
    nt = w->bytes / st->thread_bytes + 1;
  hs_parallel_for((int)nt, w->n, 1, parse_range, w);
  for (i = 0; i < w->n; i++) {
    jline *l = &w->lines[i];
    if (!rc) rc = commit_line(x, st, l, err);
    doc_release(&l->d);
    free(l->msg);
  }
  w->n = w->bytes = 0;
  if (keep && keep < w->spill.len)
    memmove(w->spill.p, w->spill.p + w->spill.len - keep, keep);
  w->spill.len = keep;
  return rc;
}

static jline *batch_add(hs_jsonl_work *w, int kind, uint64_t lineno) {
  jline *l;
  HS_GROW(w->lines, w->cap, w->n + 1);
  l = &w->lines[w->n++];
  memset(l, 0, sizeof *l);
  l->kind = (unsigned char)kind;
  l->lineno = lineno;
  return l;
}

int hs_jsonl_read(hs_ingest_ctx *x, hs_input *in, const char *source,
                  const char *idbase, hs_error *err) {
  jsonl_state st;
  hs_jsonl_work *w = work_get(x);
  size_t cur = 0;   /* bytes of the unfinished line at the end of spill */
  int skipping = 0, rc = HS_OK;
  jline *l;

  memset(&st, 0, sizeof st);
  st.source = source;
  st.idbase = idbase;
  st.lineno = 0;
  st.warned_utf8 = 0;
  st.batch_lines = x->batch_lines ? x->batch_lines : BATCH_LINES;
  st.thread_bytes = x->batch_lines ? 0 : THREAD_BYTES;
  w->idbase = idbase;
  w->max_doc = x->max_doc;
  w->no_fast = x->no_fast;
  w->field = x->field;
  w->n = w->bytes = 0;
  w->spill.len = 0;
  json_object_seed(0);  /* before any thread builds an object */
  for (;;) {
    const char *p = in->p + in->pos;
    size_t n = in->len - in->pos;
    const char *nl = n ? memchr(p, '\n', n) : NULL;
    if (nl) {
      size_t k = (size_t)(nl - p);
      st.lineno++;
      if (skipping) {
        skipping = 0;
        batch_add(w, L_END, st.lineno);
      } else if (cur) {
        if (k > x->max_line - cur) {
          batch_add(w, L_LONG, st.lineno);
          w->spill.len -= cur;
        } else {
          hs_buf_append(&w->spill, p, k);
          l = batch_add(w, L_LINE, st.lineno);
          l->spilled = 1;
          l->off = w->spill.len - cur - k;
          l->n = cur + k;
          w->bytes += l->n;
        }
        cur = 0;
      } else if (k > x->max_line) {
        batch_add(w, L_LONG, st.lineno);
      } else {
        l = batch_add(w, L_LINE, st.lineno);
        l->p = p;
        l->n = k;
        w->bytes += k;
      }
      in->pos += k + 1;
      if (w->n >= st.batch_lines || w->bytes >= BATCH_BYTES) {
        if ((rc = batch_flush(x, &st, w, 0, err))) goto out;
      }
      continue;
    }
    /* Whatever is complete is committed before the next read, which
    ** may wait on a pipe: the chunk's lines are parsed before it is
    ** refilled, and lines that spanned chunks before more is read. */
    if ((rc = batch_flush(x, &st, w, cur, err))) goto out;
    if (n && !skipping) {
      if (n > x->max_line - cur) {
        batch_add(w, L_LONG_EARLY, st.lineno + 1);
        w->spill.len -= cur;
        cur = 0;
        skipping = 1;
      } else {
        hs_buf_append(&w->spill, p, n);
        cur += n;
      }
    }
    in->pos = in->len;
    if (in->eof) break;
    if ((rc = hs_input_fill(in, err))) goto out;
  }
  if (cur && !skipping) {
    st.lineno++;
    l = batch_add(w, L_LINE, st.lineno);
    l->spilled = 1;
    l->off = w->spill.len - cur;
    l->n = cur;
    w->bytes += cur;
  }
  rc = batch_flush(x, &st, w, 0, err);
out:
  /* After an early stop: drop what was parsed but not committed. */
  if (w->n) {
    size_t i;
    for (i = 0; i < w->n; i++) free(w->lines[i].msg);
    w->n = 0;
  }
  w->spill.len = 0;
  w->bytes = 0;
  return rc;
}
