// The documentation cannot drift from the code: scenarios/README.md carries
// the parameter table exactly as the program prints it.
#include <catch2/catch.hpp>

#include "program.hpp"
#include "scenario/parameters.hpp"

TEST_CASE("scenarios/README.md shows the parameter table", "[docs]") {
  const auto readme =
      detente::test::read_text(std::string(DETENTE_SOURCE_DIR) + "/scenarios/README.md");
  const std::string begin = "<!-- parameters:begin -->\n", end = "<!-- parameters:end -->";
  const auto b = readme.find(begin);
  const auto e = readme.find(end);
  REQUIRE(b != std::string::npos);
  REQUIRE(e != std::string::npos);
  const auto shown = readme.substr(b + begin.size(), e - b - begin.size());
  INFO("regenerate with: cmake --build --preset dev --target update-docs");
  CHECK(shown == detente::scenario::parameter_table_markdown());
}
