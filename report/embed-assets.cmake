# Turn the built front end (report/dist/) into a C file of byte arrays, run
# at build time as
#   cmake -DDIST=report/dist -DOUT=.../trace_assets.c -P embed-assets.cmake
# The arrays are declared in src/report/trace_assets.h.
set(names html js css)
set(files index.html hearsay-report.js hearsay-report.css)
set(body "/* Generated from report/dist by report/embed-assets.cmake; do not edit. */\n#include \"report/trace_assets.h\"\n")
foreach(i RANGE 2)
  list(GET names ${i} name)
  list(GET files ${i} file)
  if(NOT EXISTS ${DIST}/${file})
    message(FATAL_ERROR "${DIST}/${file} is missing; run `make report-assets`")
  endif()
  file(READ ${DIST}/${file} hex HEX)
  string(LENGTH "${hex}" hexlen)
  math(EXPR len "${hexlen} / 2")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
  string(APPEND body "const unsigned char hs_trace_asset_${name}[] = {\n${bytes}0x00};\n")
  string(APPEND body "const size_t hs_trace_asset_${name}_len = ${len};\n")
endforeach()
file(WRITE ${OUT}.tmp "${body}")
file(RENAME ${OUT}.tmp ${OUT})
