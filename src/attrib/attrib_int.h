/*
** attrib_int.h — private interface of the attribution extractor: the
** per-language tables of cues.c, used by attrib.c and attrib_post.c.
*/
#ifndef HS_ATTRIB_INT_H
#define HS_ATTRIB_INT_H

#include <stddef.h>
#include <stdint.h>

#include "hearsay.h"
#include "util/util.h"
#include "attrib/attrib_index.h"

enum { BEFORE = 0, AFTER = 1 };
enum { F_CITING = 1, F_DENIAL = 2, F_ATTACHED = 4, F_LINESTART = 8,
       F_INVERT = 16, F_REVERSE = 32, F_THAT = 64, F_TOLD = 128,
       F_LEAD = 256, F_VERB = 512 };
/* F_VERB: «بحسب ما أصدرت لجنة ...»: a reporting verb of
** hs_attr_report_verb_ar follows the cue and the source follows it; no
** cue otherwise. */
/* F_LEAD: not in the cue table; set by hs_attr_chain_rules on an
** attribution whose cue is a lead («به گزارش», "according to"), worked out
** once an attribution instead of once a pair of them. */
/* F_THAT: a cue only when «أن» follows its source (the word has another
** sense: «وبين» "and between"); F_TOLD: the one told may stand first,
** quoted, and the source after it («وأبلغ "الوطن" مصدر مطلع أن»). */
/* F_REVERSE: "B, as quoted by A": the source read after the cue is the
** citing end of the chain, the one before it the cited one. */

typedef struct cue_row {
  const char *lang, *text;
  int dir, flags;
} cue_row;

typedef struct type_word {
  const char *word;
  int type;
} type_word;

extern const cue_row hs_attr_cues[];
extern const size_t hs_attr_ncues;
/* Every cue is at least HS_ATTR_CUE_KEY bytes long, and cues are grouped
** by hs_attr_cue_key of their first HS_ATTR_CUE_KEY bytes: a cue can match
** at a word only when the keys agree (an Arabic letter is two bytes, and
** dozens of cues open with «و»; one byte or two would not tell them
** apart). */
#define HS_ATTR_CUE_KEY 4
/* The bucket of the HS_ATTR_CUE_KEY bytes at s, ASCII lower-cased. */
unsigned hs_attr_cue_key(const char *s);
/* The cues tried on a text (Arabic or Persian ones by its script) by key,
** in table order: those of key h are ord[start[h]] .. ord[start[h + 1] -
** 1]; ord holds hs_attr_ncues. */
void hs_attr_cue_buckets(int persian, uint16_t start[HS_ATTR_CUE_BUCKETS + 1],
                         uint16_t *ord);
/* Words that end a source read forwards (AFTER) or backwards (BEFORE). */
extern const char *const hs_attr_stop_en[], *const hs_attr_stop_ar[],
    *const hs_attr_stop_fa[], *const hs_attr_stop_ru[];
extern const char *const hs_attr_pronouns[], *const hs_attr_quantifiers[];
extern const char *const hs_attr_head_in_ar[];
/* Arabic titles before a name («المهندس», «الدكتور»). */
extern const char *const hs_attr_title_ar[];
extern const char *const hs_attr_masdar_ar[];
extern const char *const hs_attr_medium_ar[];
extern const char *const hs_attr_occasion_ar[];
extern const char *const hs_attr_that_ar[];
extern const char *const hs_attr_head_in_ru[];
extern const type_word hs_attr_type_words[];
extern const size_t hs_attr_ntype_words;
/* The bucket of a word's first letter, folded as hs_attr_eq_ci folds it
** (ASCII and Cyrillic case, the Persian and Arabic yeh and kaf), so that
** a word can equal only the table words of its bucket; and the type
** keywords by bucket, in table order (ord holds hs_attr_ntype_words). */
unsigned hs_attr_lead_key(const char *w, size_t n);
void hs_attr_type_index(uint16_t start[HS_ATTR_LEAD_BUCKETS + 1],
                        uint16_t *ord);
extern const char *const hs_attr_denial_words[];
extern const size_t hs_attr_ndenial; /* rows before the NULL */


/* 1 if the four bytes at s are the Arabic article «ال»: byte tests, not a
** call to memcmp, which the fuzzing build hooks and hashes on every call. */
static inline int hs_attr_is_al(const char *s) {
  return (unsigned char)s[0] == 0xD8 && (unsigned char)s[1] == 0xA7 &&
         (unsigned char)s[2] == 0xD9 && (unsigned char)s[3] == 0x84;
}

/* 1 if lang is the two-letter code (strcmp(lang, code) == 0): no call to
** strcmp, which the fuzzing build hooks and hashes on every call. */
static inline int hs_attr_lang_is(const char *lang, const char *code) {
  return lang[0] == code[0] && lang[1] == code[1] && !lang[2];
}

/* attrib_post.c: after extraction, in place: source spans trimmed, vague
** references marked and resolved, types from name patterns, chain
** direction for "B, as quoted by A". */
void hs_attrib_post(const char *text, size_t len, const hs_aliases *al,
                    hs_attribution *v, size_t n);

/* attrib_post.c: 1 if [a, b) holds only spaces, commas and one
** parenthesized abbreviation (a chain continues across it); the second
** source of "A quoted B as saying" / «نقلت A عن B قوله». */
int hs_attr_link_gap(const char *t, uint32_t a, uint32_t b);
const char *hs_attr_second(const char *t, uint32_t se_end, const char *cue,
                           uint32_t ce, uint32_t e, uint32_t *bs,
                           uint32_t *be);

/* A text being read, and a sentence of it (bytes [s, e)). */
typedef struct txt {
  const char *s;
  uint32_t len;
  int wrapped; /* hard-wrapped at 60-80 columns (hs_attr_wrapped) */
  /* the type keywords by first letter (hs_attr_type_index): those a word
  ** of key h may equal are tord[tstart[h]] .. tord[tstart[h + 1] - 1] */
  const uint16_t *tstart, *tord;
} txt;
typedef struct sent {
  uint32_t s, e;
} sent;

/* One attribution while it is being extracted: the public record plus
** where its cue lies and the cue's flags. */
typedef struct found {
  hs_attribution a;
  uint32_t cue_s, cue_e;
  int flags;
} found;

/* text.c: bytes, words, sentences, and reading a source span. */
/* Each byte's reading (text.c): 0 a word byte, 1 an ASCII punctuation or
** space byte, 2 a lead byte that some punctuation opens, decided by the
** bytes after it (hs_attr_punct_lead_len). */
extern const unsigned char hs_attr_punct_class[256];
uint32_t hs_attr_punct_lead_len(const txt *t, uint32_t i);
/* Length of a punctuation or space sequence at i (0 if a word byte):
** inline, so that a loop over a word's bytes makes no call for each. */
static inline uint32_t hs_attr_punct_len(const txt *t, uint32_t i) {
  unsigned k = hs_attr_punct_class[(unsigned char)t->s[i]];
  return k < 2 ? k : hs_attr_punct_lead_len(t, i);
}
int hs_attr_is_space_byte(unsigned char c);
int hs_attr_hard_punct(const txt *t, uint32_t i);
int hs_attr_cyr_lower(const char *s, unsigned char lo[2]);
int hs_attr_eq_ci(const char *a, size_t na, const char *b);
int hs_attr_fa_fold(const char *a, const char *b);
int hs_attr_in_list(const char *w, size_t n, const char *const *list);
/* A word list by a hash of a word's length and its first and last bytes
** (ASCII capitals folded, a line break read as a space): a word is
** compared only with the few list words of its hash, not with each in
** turn.  hs_attr_wordset_find returns the index of the first list word
** that the n bytes at w spell (capitals folded as above), or -1. */
#define HS_ATTR_SET_MAX 256
typedef struct hs_attr_wordset {
  const char *word[HS_ATTR_SET_MAX];
  uint16_t head[128], next[HS_ATTR_SET_MAX];
} hs_attr_wordset;
void hs_attr_wordset_init(hs_attr_wordset *s, const char *const *words,
                          size_t n);
int hs_attr_wordset_find(const hs_attr_wordset *s, const char *w, size_t n);
int hs_attr_word_start(const txt *t, uint32_t i);
uint32_t hs_attr_word_end(const txt *t, uint32_t i);
const char *const *hs_attr_stops_for(const char *lang);
int hs_attr_is_upper_ascii(char c);
uint32_t hs_attr_quote_open_len(const txt *t, uint32_t i);
uint32_t hs_attr_quote_close_len(const txt *t, uint32_t i);
/* 1 if [p, q), its article dropped, is in hs_attr_occasion_ar. */
int hs_attr_occasion_at_ar(const txt *t, uint32_t p, uint32_t q);
/* 1 if the word [p, q) after the word [ps, pe) of an Arabic source is a
** derived verb's masdar that opens the object (forms_ar.c). */
int hs_attr_object_masdar_ar(const txt *t, uint32_t ps, uint32_t pe,
                             uint32_t p, uint32_t q);
int hs_attr_read_after(const txt *t, uint32_t i, uint32_t lim,
                       const char *lang, uint32_t *s, uint32_t *e);
int hs_attr_read_before(const txt *t, uint32_t lo, uint32_t i,
                        const char *lang, uint32_t *s, uint32_t *e);
int hs_attr_sentence_end(const txt *t, uint32_t i);
int hs_attr_amount_at(const txt *t, uint32_t i, uint32_t lim);
int hs_attr_wrapped(const txt *t);
size_t hs_attr_split_sentences(const txt *t, sent **out);

/* attrib_post.c: hs_attr_ieq: 1 if the n bytes at a equal the string b
** (ASCII capitals and a line break folded as read); the office word sets
** (Arabic and Persian, English), built once a process with the vague
** heads before hs_attrib_post's first step. */
int hs_attr_ieq(const char *a, size_t n, const char *b);
extern hs_attr_wordset hs_attr_office_ar_fa_set, hs_attr_office_en_set;

/* office_types.c: steps of hs_attrib_post that type a source by the
** offices the text gives it: by the words after an Arabic or Persian name
** (an apposition, a speech verb); by an English surname's office anywhere
** in the text; by an office a lede names alone; by an Arabic or Persian
** surname's office anywhere in the text.  Each of the two "anywhere"
** steps keeps a names_seen for the list it is run on. */

/* Names already looked for in a text, with what was found: a person the
** text quotes again («وقال العمرة», "Mr Howard said") is not looked for
** again; what is found depends on the name alone.  Up to NSEEN names. */
#define NSEEN 32
typedef struct names_seen {
  const char *w[NSEEN];
  size_t m[NSEEN];
  int hit[NSEEN], n;
} names_seen;

void hs_attr_type_by_context(const char *text, size_t len,
                             hs_attribution *a);
void hs_attr_type_by_office_en(const char *text, size_t len,
                               hs_attribution *a, names_seen *seen);
void hs_attr_type_by_lede_office(hs_attribution *v, size_t i);
void hs_attr_type_by_office_ar_fa(const char *text, size_t len,
                                  hs_attribution *a, names_seen *seen);

/* subject.c: 1 if the source [s, e) read after an Arabic "according to"
** is a rule or a document («نموذج», «النظام»); a Persian source after a
** reporter's desk narrowed to the agency's known name; the Persian
** subject of the verb-final cue at p. */
int hs_attr_rule_noun_ar(const txt *t, uint32_t s, uint32_t e);
void hs_attr_desk_fa(const txt *t, const hs_aliases *al, const sent *se,
                     uint32_t *s, uint32_t *e);
int hs_attr_subject_fa(const txt *t, const sent *se, const found *f,
                       size_t first, size_t nf, uint32_t p, uint32_t *s,
                       uint32_t *e);

/* subject.c: the word ending at b (spaces skipped back to lo), as
** [*ws, *we); 0 if there is none. */
int hs_attr_word_before(const txt *t, uint32_t lo, uint32_t b, uint32_t *ws,
                        uint32_t *we);
/* subject_ru.c: the Russian source of a verb cue at p (ending at ce): read
** before it, or after it where a quotation, a comma or «Об этом» stands
** before it; "X со ссылкой на Y сообщил" gives X.  The Arabic subject of
** «وكان X أكد أن» (the verb after its subject). */
int hs_attr_subject_ru(const txt *t, const sent *se, const found *f,
                       size_t first, size_t nf, uint32_t p, uint32_t ce,
                       uint32_t *s, uint32_t *e);
int hs_attr_subject_kana_ar(const txt *t, const sent *se, uint32_t p,
                            uint32_t *s, uint32_t *e);
/* subject.c: an Arabic source ending in an adjective that takes a
** preposition («مصدر مطلع على التحقيقات», «مصادر مقربة من الحكومة»):
** extended over it; the one told, quoted, before the source of a F_TOLD
** cue: the position after it. */
void hs_attr_extend_adj_ar(const txt *t, const sent *se, uint32_t s,
                           uint32_t *e);
uint32_t hs_attr_skip_told_ar(const txt *t, const sent *se, uint32_t ce);
/* subject.c: an Arabic source cut at «في» before a place, a title and a
** name: extended over them. */
void hs_attr_extend_title_ar(const txt *t, const sent *se, uint32_t *e);
/* After «بحسب ما» (F_VERB): the position after the reporting verb that
** follows ce, 0 if no such verb follows. */
uint32_t hs_attr_skip_verb_ar(const txt *t, const sent *se, uint32_t ce);
/* 1 if the Arabic verb cue at p follows a preposition («العمل على كشف»:
** a verbal noun, "uncovering", no verb). */
int hs_attr_after_prep_ar(const txt *t, uint32_t lo, uint32_t p);
/* 1 if a greeting noun follows the source ending at e («نقل الأمير
** تعازي ...»: conveyed condolences, said nothing). */
int hs_attr_greeting_ar(const txt *t, uint32_t e, uint32_t lim);
/* 1 if the Persian subject [s, e) is a demonstrative's noun («این مطلب»)
** or the object before «را» («این مسئله را»). */
int hs_attr_demo_object_fa(const txt *t, uint32_t lo, uint32_t s, uint32_t e);
/* subject.c: 1 if a greeting noun stands right before the Persian cue at
** p («تسلیت گفت»: no statement); 1 if a preposition stands right before
** the source at s («در رم گفت»: a place, not the subject). */
int hs_attr_greeting_fa(const txt *t, uint32_t lo, uint32_t p);
int hs_attr_after_prep_fa(const txt *t, uint32_t lo, uint32_t s);
/* subject.c: a Persian subject read up to «را» that ends with «N خود»
** (the object): cut before N. */
void hs_attr_object_fa(const txt *t, uint32_t s, uint32_t *e);
/* subject.c: a Persian subject cut before a verbal noun that opens the
** object («... استان کرمانشاه ایجاد شرایط مناسب»), two words or more in. */
void hs_attr_masdar_fa(const txt *t, uint32_t s, uint32_t *e);
/* subject.c: an Arabic source that opens with a name, cut before a
** definite role noun after it («يوجين فينبرج الخبير الاستراتيجي»). */
void hs_attr_cut_role_ar(const txt *t, uint32_t s, uint32_t *e);
/* subject.c: «بيان لـX» gives X; a source that opens with «لـ» and a
** medium («لهيئة الإذاعة») is the one told: 0. */
int hs_attr_statement_of_ar(const txt *t, uint32_t *s, uint32_t e);
/* subject_ru.c: a Russian head read alone before «в» and a body («источник
** в МВД»): extended over the body. */
void hs_attr_extend_in_ru(const txt *t, const sent *se, uint32_t s,
                          uint32_t *e);

/* classify.c: the type keyword row equal to the word w (n bytes), or
** hs_attr_ntype_words; the type of the source [s, e) from its own words
** (keywords, else an English or Russian name's capitals: a person); the
** start of [s, e) after a leading English article. */
size_t hs_attr_type_word_at(const txt *t, const char *w, size_t n);
int hs_attr_classify(const txt *t, uint32_t s, uint32_t e, const char *lang);
uint32_t hs_attr_skip_article(const txt *t, uint32_t s, uint32_t e);

/* english.c: 1 if [s, e) looks like an English name or noun phrase; 1 if
** "rejected"/"dismissed" ending at ce deny a statement; the source of the
** English BEFORE cue c at p (ending at ce) in sentence se, f[first..nf)
** being the attributions read in it so far. */
int hs_attr_plausible_en(const txt *t, uint32_t s, uint32_t e);
int hs_attr_denies_statement_en(const txt *t, uint32_t ce, uint32_t lim);
/* english.c: 1 if "say" at p is a noun ("a greater say"): no cue. */
int hs_attr_noun_say_en(const txt *t, uint32_t lo, uint32_t p);
int hs_attr_source_before_en(const txt *t, const sent *se, const found *f,
                             size_t first, size_t nf, const cue_row *c,
                             uint32_t p, uint32_t ce, uint32_t *s,
                             uint32_t *e);

/* chains.c: the chains of one sentence (f[first..nf)) whose ends are not
** adjacent: "SANA, citing X, reported", «A به نقل از B گفت», "A reported
** ..., citing B", «به گزارش A، B گفت». */
void hs_attr_chain_rules(const char *t, found *f, size_t first, size_t nf);
/* 1 if cue is a lead whose source relays the clause after its comma
** («به گزارش», «به گفته», "according to", «وفقا لـ»). */
int hs_attr_is_lead_fa(const char *cue);
/* «به گزارش خبرگزاری فارس از تبریز، X امروز در ... گفت»: the subject
** [*s, *e) of the Persian verb at p that first follows a lead of the
** sentence (f[first..nf)): the name that opens the clause after the
** lead's comma. 0 if there is none. */
int hs_attr_lead_subject_fa(const txt *t, const found *f, size_t first,
                            size_t nf, uint32_t p, uint32_t *s, uint32_t *e);
/* subject.c: offices whose names list their fields («وزیر صنعت، معدن و
** تجارت»); a subject read up to p that a clause joined by «و» follows,
** that clause's subject when it stands right before p. */
extern const char *const hs_attr_office_fa[];
void hs_attr_last_clause_fa(const txt *t, uint32_t p, uint32_t *s,
                            uint32_t *e);
#endif
