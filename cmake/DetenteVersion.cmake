# The version and git commit of the source tree, recorded in run.json and on
# every figure so a result can be traced back to the code that produced it.
# The commit is read at every build, not only at configure time, and written
# into a generated source only when it changed (so nothing rebuilds needlessly).
set(DETENTE_VERSION_SOURCE ${PROJECT_BINARY_DIR}/generated/version.cpp)
add_custom_target(detente_version_stamp
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DOUTPUT=${DETENTE_VERSION_SOURCE}
          -DVERSION=${PROJECT_VERSION} -P ${PROJECT_SOURCE_DIR}/cmake/WriteVersion.cmake
  BYPRODUCTS ${DETENTE_VERSION_SOURCE}
  COMMENT "Stamping the git commit")
