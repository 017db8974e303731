// `extends`: a scenario written as its differences from another file.
#include <catch2/catch.hpp>

#include "scenario/detail/extends.hpp"
#include "support.hpp"

using namespace detente::scenario;
using detente::scenario::test::TempDir;

namespace {

const std::string kWorld =
    "name: world\n"
    "steps: 52\n"
    "population:\n"
    "  groups:\n"
    "    - name: north\n"
    "      size: 300\n"
    "      marginalised_share: 0.15\n"
    "    - name: south\n"
    "      size: 300\n"
    "dynamics:\n"
    "  influence: {rate: 0.2, confidence: 0.3}\n"
    "media:\n"
    "  - name: north_tv\n"
    "    audience: [north]\n"
    "    slant: -0.5\n";

}  // namespace

TEST_CASE("extends: maps merge key by key, named lists by name, other values are replaced",
          "[scenario][extends]") {
  const TempDir dir("extends_merge");
  dir.write("world.yaml", kWorld);
  const auto child = dir.write("child.yaml",
                               "extends: world.yaml\n"
                               "name: child\n"
                               "population:\n"
                               "  groups:\n"
                               "    - name: south\n"
                               "      size: 500\n"
                               "dynamics:\n"
                               "  influence: {confidence: 0.2}\n"
                               "media:\n"
                               "  - name: north_tv\n"
                               "    slant: -0.2\n"
                               "  - name: south_tv\n"
                               "    audience: [south]\n");
  const Scenario s = load_file(child.string());
  CHECK(s.name == "child");
  CHECK(s.steps == 52);  // inherited
  REQUIRE(s.population.groups.size() == 2);
  CHECK(s.population.groups[0].size == 300);  // north untouched
  CHECK(s.population.groups[0].marginalised_share == 0.15);
  CHECK(s.population.groups[1].size == 500);  // south merged by name
  CHECK(s.dynamics.influence.rate == 0.2);    // sibling key kept
  CHECK(s.dynamics.influence.confidence == 0.2);
  REQUIRE(s.media.size() == 2);
  CHECK(s.media[0].slant == -0.2);
  CHECK(s.media[0].audience == std::vector<std::string>{"north"});
  CHECK(s.media[1].name == "south_tv");  // a new name is added at the end
}

TEST_CASE("extends: the resolved scenario is complete and loads without its parent",
          "[scenario][extends]") {
  const TempDir dir("extends_round_trip");
  dir.write("world.yaml", kWorld);
  const auto child = dir.write("child.yaml", "extends: world.yaml\nsteps: 10\n");
  const Scenario s = load_file(child.string());
  const std::string resolved = to_yaml(s);
  CHECK(resolved.find("extends") == std::string::npos);
  Scenario again = load_text(resolved, "resolved.yaml");
  again.source_path = s.source_path;
  CHECK(again == s);
}

TEST_CASE("extends: chains, and overrides apply after the merge", "[scenario][extends]") {
  const TempDir dir("extends_chain");
  dir.write("world.yaml", kWorld);
  dir.write("middle.yaml", "extends: world.yaml\nsteps: 20\n");
  const auto child = dir.write("child.yaml", "extends: middle.yaml\nname: leaf\n");
  const std::vector<Override> sets{parse_override("steps=30")};
  CHECK(load_file(child.string()).steps == 20);
  CHECK(load_file(child.string(), sets).steps == 30);
}

TEST_CASE("extends: an error in an inherited value points into the file that wrote it",
          "[scenario][extends]") {
  const TempDir dir("extends_located");
  dir.write("world.yaml", kWorld + "outputs: {every: -3}\n");
  const auto child = dir.write("child.yaml", "extends: world.yaml\nname: child\n");
  const std::string world = (dir.path() / "world.yaml").lexically_normal().string();
  CHECK_THROWS_WITH(load_file(child.string()),
                    Catch::Matchers::StartsWith(world + ":16:18: outputs.every:"));
}

TEST_CASE("extends: missing files, cycles, deep chains and non-files are located errors",
          "[scenario][extends]") {
  const TempDir dir("extends_bad");
  const std::string child = dir.path().string() + "/child.yaml";

  dir.write("child.yaml", "name: x\nextends: nowhere.yaml\n");
  CHECK_THROWS_WITH(load_file(child),
                    Catch::Matchers::StartsWith(child + ":2:10: extends: there is no file"));

  dir.write("a.yaml", "extends: b.yaml\n");
  dir.write("b.yaml", "extends: a.yaml\n");
  dir.write("child.yaml", "extends: a.yaml\n");
  CHECK_THROWS_WITH(load_file(child), Catch::Matchers::Contains("break the cycle"));

  dir.write("self.yaml", "extends: self.yaml\n");
  CHECK_THROWS_WITH(load_file(dir.path().string() + "/self.yaml"),
                    Catch::Matchers::Contains("break the cycle"));

  for (int i = 0; i < 12; ++i)
    dir.write("l" + std::to_string(i) + ".yaml", "extends: l" + std::to_string(i + 1) + ".yaml\n");
  dir.write("l12.yaml", kWorld);
  CHECK_THROWS_WITH(load_file(dir.path().string() + "/l0.yaml"),
                    Catch::Matchers::Contains("more than 8 files in one chain"));

  dir.write("child.yaml", "extends: .\n");
  CHECK_THROWS_WITH(load_file(child), Catch::Matchers::Contains("is not a scenario file"));
  dir.write("child.yaml", "extends: /dev/zero\n");
  CHECK_THROWS_WITH(load_file(child), Catch::Matchers::Contains("is not a scenario file"));
  dir.write("child.yaml", "extends: [a, b]\n");
  CHECK_THROWS_WITH(load_file(child),
                    Catch::Matchers::Contains("extends: expected the path of a scenario file"));
}

TEST_CASE("extends cannot be set from the command line", "[scenario][extends]") {
  const TempDir dir("extends_set");
  dir.write("world.yaml", kWorld);
  const auto file = dir.write("plain.yaml", detente::scenario::test::kMinimal);
  const std::vector<Override> sets{parse_override("extends=world.yaml")};
  CHECK_THROWS_AS(load_file(file.string(), sets), detente::InputError);
}
