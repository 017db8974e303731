// The documentation cannot drift from the code: scenarios/README.md carries
// the parameter table exactly as the program prints it, its table of contents
// names every scenario shipped, and README.md carries the metric table
// exactly as `detente metrics --markdown` prints it.
#include <catch2/catch.hpp>
#include <filesystem>

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

TEST_CASE("README.md shows the metric table", "[docs][metrics]") {
  const auto readme = detente::test::read_text(std::string(DETENTE_SOURCE_DIR) + "/README.md");
  const std::string begin = "<!-- metrics:begin -->\n", end = "<!-- metrics:end -->";
  const auto b = readme.find(begin);
  const auto e = readme.find(end);
  REQUIRE(b != std::string::npos);
  REQUIRE(e != std::string::npos);
  const auto shown = readme.substr(b + begin.size(), e - b - begin.size());
  const auto printed =
      detente::test::run_detente("metrics --markdown", detente::test::scratch_dir("docs-metrics"));
  INFO("regenerate with: cmake --build --preset dev --target update-docs");
  CHECK(printed.exit_code == 0);
  CHECK(shown == printed.out);
}
