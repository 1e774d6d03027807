/*
** jsonl_parse.c — one JSON line into a document: UTF-8 repair, then a
** fast scanner for flat objects whose named fields are strings, or jansson
** for anything else (and for the error message of an invalid line).
**
** Fields (names from fields.c, "id", "text", "series", "date", "title",
** "url" unless the caller names others): the id is a string or a number
** written in decimal (missing, null or empty gives "IDBASE:LINE"), the
** text a required string, the others strings or numbers written as text.
** Every other field is kept, in input order, in `extra` as a compact JSON
** object.  hs_json_doc is shared with the JSON array reader (jarray.c).
**
** A line's parse depends on nothing but the line, so jsonl.c runs this on
** several threads; everything it reports goes into the jline, to be said
** by the reading thread in input order.
*/
#include "ingest/jsonl_int.h"

#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>

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
    if (json_object_size(obj)) d.extra = hs_json_dumps(obj, JSON_COMPACT);
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

/* Valid JSON that jansson refuses: a \u escape of a lone surrogate (RFC
** 8259 allows it; it becomes \ufffd, U+FFFD, the same six bytes) and a
** number out of the range of a double or a 64-bit integer (it becomes a
** string of its text, so that `extra` keeps it as written).  NULL if
** there is nothing of the kind, else the rewritten line (malloc'ed).
** Everything else is copied in runs, up to each rewritten place. */
static char *json_relax(const char *p, size_t n, size_t *outn) {
  hs_buf b;
  size_t i = 0, from = 0; /* p[from..i) is still to be copied */
  int in_str = 0;
  hs_buf_init(&b, 0);
  while (i < n) {
    unsigned char ch = (unsigned char)p[i];
    if (in_str) {
      if (ch == '"') {
        in_str = 0;
      } else if (ch == '\\' && i + 1 < n && p[i + 1] == 'u' && i + 6 <= n) {
        const unsigned char *u = (const unsigned char *)p;
        unsigned cp, lo;
        if (hex4(u + i + 2, &cp) && cp >= 0xD800 && cp <= 0xDFFF) {
          if (cp <= 0xDBFF && i + 12 <= n && p[i + 6] == '\\' &&
              p[i + 7] == 'u' && hex4(u + i + 8, &lo) && lo >= 0xDC00 &&
              lo <= 0xDFFF) {
            i += 12; /* a pair: as it is */
            continue;
          }
          hs_buf_append(&b, p + from, i - from);
          hs_buf_append(&b, "\\ufffd", 6);
          i += 6;
          from = i;
          continue;
        }
        i += 2;
        continue;
      } else if (ch == '\\' && i + 1 < n) {
        i += 2;
        continue;
      }
      i++;
      continue;
    }
    if (ch == '"') {
      in_str = 1;
    } else if (ch == '-' || isdigit(ch)) {
      size_t k = i + (ch == '-'), s = i;
      int real = 0, range;
      char tmp[512];
      while (k < n && isdigit((unsigned char)p[k])) k++;
      if (k < n && p[k] == '.') {
        real = 1;
        for (k++; k < n && isdigit((unsigned char)p[k]); k++) {}
      }
      if (k < n && (p[k] == 'e' || p[k] == 'E')) {
        real = 1;
        k++;
        if (k < n && (p[k] == '+' || p[k] == '-')) k++;
        while (k < n && isdigit((unsigned char)p[k])) k++;
      }
      range = 1;
      if (k - s < sizeof tmp) {
        memcpy(tmp, p + s, k - s);
        tmp[k - s] = '\0';
        errno = 0;
        if (real) {
          double v = strtod(tmp, NULL);
          range = !(errno == ERANGE && v != 0);
        } else {
          (void)strtoll(tmp, NULL, 10);
          range = errno != ERANGE;
        }
      } else {
        range = 0;
      }
      if (!range) {
        hs_buf_append(&b, p + from, s - from);
        hs_buf_putc(&b, '"');
        hs_buf_append(&b, p + s, k - s);
        hs_buf_putc(&b, '"');
        from = k;
      }
      i = k;
      continue;
    }
    i++;
  }
  if (!from) { /* nothing rewritten */
    hs_buf_free(&b);
    return NULL;
  }
  hs_buf_append(&b, p + from, n - from);
  return hs_buf_take(&b, outn);
}

json_t *hs_json_load_relaxed(const char *p, size_t n, json_error_t *jerr) {
  json_t *root = json_loadb(p, n, JSON_ALLOW_NUL, jerr);
  /* only for jansson's refusals of valid JSON (its messages "invalid
  ** Unicode", "real number overflow", "too big integer"...) */
  if (!root && (strstr(jerr->text, "Unicode") ||
                strstr(jerr->text, "overflow") ||
                strstr(jerr->text, "too big"))) {
    size_t rn = 0;
    char *relaxed = json_relax(p, n, &rn);
    if (relaxed) {
      json_error_t jerr2;
      root = json_loadb(relaxed, rn, JSON_ALLOW_NUL, &jerr2);
      free(relaxed);
    }
  }
  return root;
}

/* The jansson path: the reference, and the messages for invalid lines. */
static void parse_jansson(const hs_jsonl_work *w, int thread, jline *l,
                          const char *p, size_t n) {
  json_error_t jerr;
  json_t *root;
  int cut = 0;

  root = hs_json_load_relaxed(p, n, &jerr);
  if (!root) {
    /* The commonest message (most lines of damaged input) goes into the
    ** thread's buffer of the batch, not a block of its own each. */
    char what[1024];
    hs_buf *m = &w->msgs[thread];
    int k = snprintf(what, sizeof what,
                     "malformed JSON (%s, column %d); line skipped",
                     jerr.text, jerr.column);
    size_t len = k < 0 ? 0 : (size_t)k < sizeof what ? (size_t)k
                                                      : sizeof what - 1;
    what[len] = '\0';
    l->msg_at = m->len + 1;
    l->thread = thread;
    hs_buf_append(m, what, len + 1);
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
  if (json_object_size(root)) d.extra = hs_json_dumps(root, JSON_COMPACT);
  *out = d;
  return msg;
}

/* Everything about one line that does not depend on the lines before it:
** trimming, UTF-8 repair, parsing, fields, the cut at max_doc. */
void hs_jsonl_parse_line(const hs_jsonl_work *w, int thread, jline *l) {
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
  if (w->no_fast == 1 || (!parse_fast(w, &w->extra[thread], l, p, n) &&
                          w->no_fast != 2))
    parse_jansson(w, thread, l, p, n);
  /* Every thread's buffer would otherwise keep the size of the longest
  ** line it repaired. */
  if (fix->cap > SCRATCH_KEEP) hs_buf_free(fix);
  if (w->extra[thread].cap > SCRATCH_KEEP) hs_buf_free(&w->extra[thread]);
}

