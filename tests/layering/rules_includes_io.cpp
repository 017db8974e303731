// A probe of the layering (CMakeLists.txt here): compiled as part of a module.
#include "io/csv.hpp"

int layering_probe() {
  return 0;
}
