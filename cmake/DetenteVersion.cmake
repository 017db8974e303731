# The git commit of the source tree, recorded in run.json and on every figure
# so a result can be traced back to the code that produced it.
execute_process(
  COMMAND git rev-parse --short=12 HEAD
  WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}
  OUTPUT_VARIABLE DETENTE_GIT_COMMIT
  OUTPUT_STRIP_TRAILING_WHITESPACE
  ERROR_QUIET)
if(NOT DETENTE_GIT_COMMIT)
  set(DETENTE_GIT_COMMIT "unknown")
endif()
