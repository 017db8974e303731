# Warnings as an INTERFACE target: every detente target links it, nothing
# else in the build is affected.
add_library(detente_warnings INTERFACE)
target_compile_options(detente_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  $<$<BOOL:${DETENTE_WARNINGS_AS_ERRORS}>:-Werror>)
