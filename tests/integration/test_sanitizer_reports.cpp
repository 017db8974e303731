// In a sanitizer build (tests/sanitizers/), a report in a program these tests
// run is seen by run_detente's check (program.hpp), shown on the sanitizer
// probe: each error it can commit gives a report that check recognises and a
// failed exit, and the probe without an error gives neither.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "program.hpp"

#ifdef DETENTE_SANITIZER_PROBE

using detente::test::has_sanitizer_report;
using detente::test::run_program;
using detente::test::scratch_dir;

TEST_CASE("a sanitizer report in a program the tests run is seen", "[sanitizers]") {
  const auto dir = scratch_dir("sanitizer-probe");
  std::istringstream modes(DETENTE_SANITIZER_MODES);
  int seen = 0;
  for (std::string mode; std::getline(modes, mode, ',');) {
    INFO("sanitizer_probe " << mode);
    const auto r = run_program(DETENTE_SANITIZER_PROBE, mode, dir);
    INFO(r.err);
    CHECK(r.exit_code != 0);
    CHECK(has_sanitizer_report(r.err));
    ++seen;
  }
  CHECK(seen >= 1);
  const auto clean = run_program(DETENTE_SANITIZER_PROBE, "none", dir);
  CHECK(clean.exit_code == 0);
  CHECK_FALSE(has_sanitizer_report(clean.err));
}

#endif
