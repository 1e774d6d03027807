/*
** attrib_cases.h — the table the per-language attribution tests share:
** one sentence a row with the source its first attribution must have (or
** none), that source's type and whether it is vague, and the loop that
** reads each row with the shipped alias table and fails on the first row
** that differs, naming it.  Static functions: include it after cmocka.h
** and hearsay.h, in one test file each.
*/
#ifndef HS_TEST_ATTRIB_CASES_H
#define HS_TEST_ATTRIB_CASES_H

#include <stdlib.h>
#include <string.h>

typedef struct attrib_case {
  const char *text;
  const char *source; /* the first attribution's source; NULL: none */
  int type;           /* its type, -1: any */
  int vague;          /* 1: it must be marked vague */
} attrib_case;

static void check_attrib_cases(const attrib_case *cases, size_t count) {
  hs_aliases *al = NULL;
  size_t i;
  assert_int_equal(hs_aliases_new(&al, NULL), HS_OK);
  for (i = 0; i < count; i++) {
    const attrib_case *c = &cases[i];
    hs_attribution *a = NULL;
    size_t n = 0;
    assert_int_equal(hs_attrib_extract(c->text, strlen(c->text), al, &a, &n,
                                       NULL),
                     HS_OK);
    if (!c->source) {
      if (n) fail_msg("'%s': found '%s'", c->text, a[0].source);
    } else {
      if (!n) fail_msg("'%s': nothing found", c->text);
      if (strcmp(a[0].source, c->source))
        fail_msg("'%s': source '%s'", c->text, a[0].source);
      if (c->type >= 0 && a[0].type != c->type)
        fail_msg("'%s': type %s", c->text, hs_source_type_name(a[0].type));
      if (c->vague != a[0].vague)
        fail_msg("'%s': vague %d", c->text, a[0].vague);
    }
    hs_attributions_free(a, n);
  }
  hs_aliases_free(al);
}

#endif
