# Writes the man pages (man/hearsay.1, man/hearsay-COMMAND.1) and the bash
# completion script (completion/hearsay) of the built command, from the
# same table as its --help (src/cli/options.c):
#   cmake -DHEARSAY=path/to/hearsay -DOUT=build-dir -P cmake/manpages.cmake
execute_process(COMMAND ${HEARSAY} help --commands
                OUTPUT_VARIABLE commands RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${HEARSAY} help --commands failed")
endif()
string(REGEX REPLACE "\n$" "" commands "${commands}")
string(REPLACE "\n" ";" commands "${commands}")
file(MAKE_DIRECTORY ${OUT}/man ${OUT}/completion)
file(GLOB old ${OUT}/man/*.1)
if(old)
  file(REMOVE ${old})
endif()
execute_process(COMMAND ${HEARSAY} help --man
                OUTPUT_FILE ${OUT}/man/hearsay.1 RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${HEARSAY} help --man failed")
endif()
foreach(cmd IN LISTS commands)
  execute_process(COMMAND ${HEARSAY} help --man ${cmd}
                  OUTPUT_FILE ${OUT}/man/hearsay-${cmd}.1 RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${HEARSAY} help --man ${cmd} failed")
  endif()
endforeach()
execute_process(COMMAND ${HEARSAY} help --completion
                OUTPUT_FILE ${OUT}/completion/hearsay RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${HEARSAY} help --completion failed")
endif()
