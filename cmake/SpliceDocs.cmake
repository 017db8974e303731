# Splices the output of a detente command between two markers of a Markdown
# file, so tables in the docs are the program's own. Run for every table with
#   cmake --build --preset dev --target update-docs
# Integration tests (tests/integration/test_docs.cpp) fail until the
# documentation matches the code.
#   -DDETENTE=program "-DARGS=params --markdown" -DFILE=README.md -DMARKER=parameters
# Without MARKER, FILE becomes the command's output whole.
separate_arguments(args UNIX_COMMAND "${ARGS}")
execute_process(COMMAND ${DETENTE} ${args} OUTPUT_VARIABLE table RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "detente ${ARGS} failed")
endif()
if(NOT MARKER)
  file(WRITE ${FILE} "${table}")
  return()
endif()
file(READ ${FILE} text)
set(begin "<!-- ${MARKER}:begin -->")
set(end "<!-- ${MARKER}:end -->")
string(FIND "${text}" "${begin}" b)
string(FIND "${text}" "${end}" e)
if(b EQUAL -1 OR e EQUAL -1)
  message(FATAL_ERROR "${FILE} lacks the markers ${begin} and ${end}")
endif()
string(LENGTH "${begin}" blen)
math(EXPR head_len "${b} + ${blen}")
string(SUBSTRING "${text}" 0 ${head_len} head)
string(SUBSTRING "${text}" ${e} -1 tail)
file(WRITE ${FILE} "${head}\n${table}${tail}")
