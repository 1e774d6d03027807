/*
** story_data.h — the report's story and claim data files (story_data.c).
*/
#ifndef HS_REPORT_STORY_DATA_H
#define HS_REPORT_STORY_DATA_H

#include "hearsay.h"

int hs_report_write_stories(const char *path, const hs_provenance *pv,
                            hs_error *err);
/* data/stories-head.js: the first n stories (what the Stories page shows
** first), as stories.js writes them, with kind "stories_head". */
int hs_report_write_stories_head(const char *path, const hs_provenance *pv,
                                 size_t n, hs_error *err);
int hs_report_write_claims(const char *path, const hs_provenance *pv,
                           hs_error *err);

#endif
