# Splices the parameter table (`detente params --markdown`) into
# scenarios/README.md between its markers. Run with
#   cmake --build --preset dev --target update-docs
# The integration test "scenarios/README.md shows the parameter table" fails
# until the documentation matches the code.
execute_process(COMMAND ${DETENTE} params --markdown OUTPUT_VARIABLE table RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "detente params --markdown failed")
endif()
file(READ ${README} text)
set(begin "<!-- parameters:begin -->")
set(end "<!-- parameters:end -->")
string(FIND "${text}" "${begin}" b)
string(FIND "${text}" "${end}" e)
if(b EQUAL -1 OR e EQUAL -1)
  message(FATAL_ERROR "${README} lacks the markers ${begin} and ${end}")
endif()
string(LENGTH "${begin}" blen)
math(EXPR head_len "${b} + ${blen}")
string(SUBSTRING "${text}" 0 ${head_len} head)
string(SUBSTRING "${text}" ${e} -1 tail)
file(WRITE ${README} "${head}\n${table}${tail}")
