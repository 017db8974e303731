// The documentation cannot drift from the code: scenarios/README.md carries
// the parameter table exactly as the program prints it, its table of contents
// names every scenario shipped, and README.md states the direction of every
// metric (metrics/direction.hpp).
#include <catch2/catch.hpp>
#include <filesystem>

#include "metrics/direction.hpp"
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

TEST_CASE("scenarios/README.md's table lists every shipped scenario", "[docs]") {
  namespace fs = std::filesystem;
  const fs::path folder = fs::path(DETENTE_SOURCE_DIR) / "scenarios";
  const auto readme = detente::test::read_text(folder / "README.md");
  std::size_t count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.path().extension() != ".yaml") continue;
    ++count;
    const auto relative = fs::relative(entry.path(), folder).generic_string();
    INFO(relative);
    CHECK(readme.find("\n| [" + relative + "](" + relative + ") |") != std::string::npos);
  }
  CHECK(count >= 9);
}

TEST_CASE("README.md states the direction of every metric compare ranks", "[docs][compare]") {
  const auto readme = detente::test::read_text(std::string(DETENTE_SOURCE_DIR) + "/README.md");
  const auto b = readme.find("Lower is better for");
  REQUIRE(b != std::string::npos);
  const auto e = readme.find("The terminal table", b);
  REQUIRE(e != std::string::npos);
  const auto paragraph = readme.substr(b, e - b);
  for (const auto& d : detente::metrics::metric_directions()) {
    INFO(d.metric);
    CHECK(paragraph.find("`" + std::string(d.metric) + "`") != std::string::npos);
  }
}
