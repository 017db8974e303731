// Sizes, schedules and weights at the edges of their types (issue 16 items
// 8–10): every integer key has an upper bound in the parameter table, so no
// sum or product of keys can wrap; the population's total is bounded; weights
// that enter single precision stay finite; beta shapes stay where boost::math
// can invert them. Each reproducing input of the issue is refused here with a
// located InputError (exit 2), not an internal error (exit 1) or NaN results.
#include <cmath>
#include <string>

#include "scenario/parameters.hpp"
#include "support.hpp"

using namespace detente::scenario;
using detente::scenario::test::kMinimal;
using detente::scenario::test::load;

TEST_CASE("every integer key has a finite upper bound in the parameter table",
          "[scenario][bounds]") {
  int integers = 0;
  for (const ParameterInfo& row : parameter_table()) {
    if (row.type.rfind("integer", 0) != 0 && row.type != "list of integers") continue;
    ++integers;
    INFO(row.path << ": " << row.range);
    // The seed is any 64-bit value: its type is its bound, and no arithmetic
    // but hashing touches it.
    if (row.path == "seed") continue;
    CHECK(row.range.front() == '[');  // "[low, high]", not "≥ low"
  }
  CHECK(integers > 30);
}

TEST_CASE("group sizes that overflow are refused where they are written", "[scenario][bounds]") {
  // Two groups of 2^62 wrapped to an empty population with NaN results.
  CHECK_THROWS_WITH(
      load(kMinimal, {"population.groups.north.size=4611686018427387904"}),
      Catch::Matchers::Contains("population.groups[0].size: expected a positive "
                                "integer up to 100000000, got \"4611686018427387904\""));
  // INT64_MAX gave "internal error: generate_network"; 2^32 an unlocated "0 pairs".
  CHECK_THROWS_WITH(load(kMinimal, {"population.groups.north.size=9223372036854775807"}),
                    Catch::Matchers::Contains("population.groups[0].size: expected"));
  CHECK_THROWS_WITH(load(kMinimal, {"population.groups.north.size=4294967296"}),
                    Catch::Matchers::Contains("population.groups[0].size: expected"));
  // Each within its bound, together past it.
  CHECK_THROWS_WITH(load(kMinimal, {"population.groups.north.size=60000000",
                                    "population.groups.south.size=60000000"}),
                    Catch::Matchers::StartsWith("test.yaml:") &&
                        Catch::Matchers::EndsWith(
                            "population.groups: expected at most 100000000 agents in all, got "
                            "120000000; shrink the groups (sizes are in agents)"));
  // A key past int64 is refused as out of range, not thrown from stoll.
  CHECK_THROWS_WITH(load(kMinimal, {"steps=99999999999999999999"}),
                    Catch::Matchers::Contains("steps: expected a positive integer up to 10000000"));
}

TEST_CASE("schedules at INT64_MAX are refused by the schema", "[scenario][bounds]") {
  const std::string campaign =
      "interventions:\n"
      "  - {name: c, type: media_campaign, rounds: 9223372036854775807, "
      "every: 9223372036854775807}\n";
  CHECK_THROWS_WITH(load(kMinimal + campaign),
                    Catch::Matchers::Contains("interventions[0].rounds: expected a positive "
                                              "integer up to 10000000"));
}

TEST_CASE("a self weight that overflows single precision is refused", "[scenario][bounds]") {
  // 1e39 passed and made every trust metric -nan with exit 0.
  CHECK_THROWS_WITH(load(kMinimal, {"dynamics.influence.self_weight=1e39"}),
                    Catch::Matchers::Contains("dynamics.influence.self_weight: expected a number "
                                              "in [0, 1000000], got \"1e39\""));
  CHECK(load(kMinimal, {"dynamics.influence.self_weight=1000000"}).dynamics.influence.self_weight ==
        1e6);
}

TEST_CASE("beta shapes boost::math cannot invert are refused by check", "[scenario][bounds]") {
  // a = 1e308 passed check and failed in boost::math during the run (exit 1).
  CHECK_THROWS_WITH(load(kMinimal, {"population.groups.north.trust={dist: beta, a: 1e308, b: 2}"}),
                    Catch::Matchers::Contains("a: expected a number in [0.001, 10000]"));
  CHECK_THROWS_WITH(load(kMinimal, {"population.groups.north.trust={dist: beta, a: 2, b: 1e308}"}),
                    Catch::Matchers::Contains("b: expected a number in [0.001, 10000]"));
}
