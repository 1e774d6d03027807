/*
** trace_assets.h — the report's front end, compiled into the library:
** index.html and the bundled script and style sheet from report/dist/.
** The definitions are generated at build time by report/embed-assets.cmake
** into the build folder, so the hearsay binary needs neither Node nor a
** data path at run time.
*/
#ifndef HS_TRACE_ASSETS_H
#define HS_TRACE_ASSETS_H

#include <stddef.h>

extern const unsigned char hs_trace_asset_html[];
extern const size_t hs_trace_asset_html_len;
extern const unsigned char hs_trace_asset_js[];
extern const size_t hs_trace_asset_js_len;
extern const unsigned char hs_trace_asset_css[];
extern const size_t hs_trace_asset_css_len;

#endif
