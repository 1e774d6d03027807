# Included from the top CMakeLists.txt: compiles the built front end
# (report/dist/, shipped in the repository and rebuilt by `make
# report-assets`) into libhearsay as byte arrays, regenerated whenever a
# dist file changes.
set(HS_REPORT_DIST ${PROJECT_SOURCE_DIR}/report/dist)
set(HS_TRACE_ASSETS_C ${CMAKE_BINARY_DIR}/generated/trace_assets.c)
add_custom_command(
  OUTPUT ${HS_TRACE_ASSETS_C}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/generated
  COMMAND ${CMAKE_COMMAND} -DDIST=${HS_REPORT_DIST} -DOUT=${HS_TRACE_ASSETS_C}
          -P ${PROJECT_SOURCE_DIR}/report/embed-assets.cmake
  DEPENDS ${HS_REPORT_DIST}/index.html ${HS_REPORT_DIST}/hearsay-report.js
          ${HS_REPORT_DIST}/hearsay-report.css
          ${PROJECT_SOURCE_DIR}/report/embed-assets.cmake
  COMMENT "Embedding the report front end"
  VERBATIM)
target_sources(hearsay PRIVATE ${HS_TRACE_ASSETS_C})
