# Whether the `detente` Python module (sim/python/) is built: when
# DETENTE_BUILD_PYTHON is on, pybind11 is installed (cmake/bootstrap.sh installs
# Debian's), and the build is not instrumented by a sanitizer (an instrumented
# extension cannot load into the system's uninstrumented interpreter).
#
# The interpreter is /usr/bin/python3 (the one with Debian's numpy and pandas)
# rather than whatever python3 comes first on PATH; -DPython_EXECUTABLE=…
# chooses another.
if(NOT DETENTE_BUILD_PYTHON)
  return()
endif()
if(CMAKE_CXX_FLAGS MATCHES "-fsanitize")
  message(STATUS "Sanitizer build: the Python module is not built")
  set(DETENTE_BUILD_PYTHON OFF)
  return()
endif()
if(NOT DEFINED Python_EXECUTABLE AND EXISTS /usr/bin/python3)
  set(Python_EXECUTABLE /usr/bin/python3 CACHE FILEPATH "The interpreter the Python module is for")
endif()
set(PYBIND11_FINDPYTHON ON)
find_package(Python 3.9 COMPONENTS Interpreter Development.Module QUIET)
if(Python_FOUND)
  find_package(pybind11 2.10 CONFIG QUIET)
endif()
if(NOT Python_FOUND OR NOT pybind11_FOUND)
  message(STATUS "pybind11 or the Python headers not found: the Python module is not built "
                 "(apt-get install pybind11-dev python3-pybind11 python3-dev)")
  set(DETENTE_BUILD_PYTHON OFF)
  return()
endif()
message(STATUS "Python module for ${Python_EXECUTABLE} (pybind11 ${pybind11_VERSION})")
