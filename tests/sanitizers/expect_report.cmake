# Runs the sanitizer probe in one mode and passes only if the sanitizer
# stopped it: a report matching EXPECT in its stderr, a failed exit (a
# non-zero status or a signal), and, unless AFTER_EXIT (a leak is found when
# main has returned), no sign that the probe carried on after the report.
# A report that is printed but does not fail the program fails this test.
#
#   cmake -DPROBE=path -DMODE=asan -DEXPECT=regex [-DAFTER_EXIT=ON] -P expect_report.cmake
execute_process(COMMAND ${PROBE} ${MODE} RESULT_VARIABLE status OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
message("exit status: ${status}\n${err}")
if(status STREQUAL "0")
  message(FATAL_ERROR "the probe's ${MODE} error did not fail it (exit 0): a sanitizer report "
                      "can hide; check the preset's *SAN_OPTIONS and -fno-sanitize-recover")
endif()
if(NOT err MATCHES "${EXPECT}")
  message(FATAL_ERROR "the probe failed (${status}) without the expected report /${EXPECT}/")
endif()
if(NOT AFTER_EXIT AND err MATCHES "carried on after the report")
  message(FATAL_ERROR "the probe carried on after its ${MODE} report")
endif()
