// What a run is checked against before it starts: the memory estimate
// (issue 16 item 8: 1e8 agents allocated for 16 s and died with bad_alloc;
// --replicates 1000000000 likewise) and the key-by-key comparison behind
// `sweep --resume` (item 7).
#include <catch2/catch.hpp>

#include "core/errors.hpp"
#include "experiment/memory_estimate.hpp"
#include "experiment/scenario_diff.hpp"
#include "scenario/load.hpp"

using namespace detente;

namespace {

scenario::Scenario towns(std::int64_t size) {
  return scenario::load_text(
      "name: towns\npopulation:\n  groups:\n    - {name: a, size: " + std::to_string(size) +
          "}\n    - {name: b, size: " + std::to_string(size) + "}\n",
      "towns.yaml");
}

}  // namespace

TEST_CASE("the memory estimate grows with agents, parallel runs and kept outputs", "[memory]") {
  const auto small = estimate_memory(towns(1000), {1, 1});
  const auto large = estimate_memory(towns(100000), {1, 1});
  CHECK(small.agents == 2000);
  CHECK(large.simulation_bytes == Approx(100 * small.simulation_bytes).epsilon(0.01));
  // Four at once hold four states; outputs are held for every run.
  const auto four = estimate_memory(towns(1000), {100, 4});
  CHECK(four.total_bytes == Approx(4 * small.simulation_bytes + 100 * small.output_bytes));
  // A sweep stores each run as it finishes: only the running ones' outputs.
  const auto sweep = estimate_memory(towns(1000), {1e12, 4, false});
  CHECK(sweep.total_bytes == Approx(4 * (small.simulation_bytes + small.output_bytes)));
}

TEST_CASE("a run past the limit is refused with its estimate", "[memory]") {
  const auto e = estimate_memory(towns(50'000'000), {1, 1});
  CHECK(e.total_bytes > 16.0 * 1024 * 1024 * 1024);
  CHECK_THROWS_AS(check_memory(e, 16.0 * 1024 * 1024 * 1024, "towns.yaml"), InputError);
  CHECK_THROWS_WITH(
      check_memory(e, 16.0 * 1024 * 1024 * 1024, "towns.yaml"),
      Catch::Matchers::StartsWith("towns.yaml: population.groups[0].size: this run needs about ") &&
          Catch::Matchers::Contains("100000000 agents") &&
          Catch::Matchers::Contains("more than the 16 GiB it may use") &&
          Catch::Matchers::Contains("--max-memory"));
  CHECK_NOTHROW(check_memory(estimate_memory(towns(1000), {1, 1}), 1e9, "towns.yaml"));
  // A billion replicates: their outputs alone.
  CHECK_THROWS_AS(check_memory(estimate_memory(towns(1000), {1e9, 2}), 1e12, "towns.yaml"),
                  InputError);
}

TEST_CASE("memory limits are read with binary units", "[memory]") {
  CHECK(parse_memory_size("512M", "--max-memory") == 512.0 * 1024 * 1024);
  CHECK(parse_memory_size("4G", "--max-memory") == 4.0 * 1024 * 1024 * 1024);
  CHECK(parse_memory_size("1.5GiB", "--max-memory") == 1.5 * 1024 * 1024 * 1024);
  CHECK(parse_memory_size("2048", "--max-memory") == 2048);
  for (const char* bad : {"", "G", "-1G", "4X", "nan", "1e400"})
    CHECK_THROWS_WITH(parse_memory_size(bad, "--max-memory"),
                      Catch::Matchers::StartsWith("--max-memory: expected a size such as 512M"));
  CHECK(memory_limit(123.0) == 123.0);
  CHECK(memory_limit(std::nullopt) > 0);
}

TEST_CASE("differing keys are named by path, list entries by index", "[resume]") {
  const std::string stored =
      "name: x\nsteps: 104\npopulation:\n  groups:\n    - name: a\n      size: 10\n"
      "    - name: b\n      size: 20\ndynamics:\n  influence:\n    rate: 0.1\n";
  CHECK(differing_keys(stored, stored).empty());
  const std::string now =
      "name: x\nsteps: 50\npopulation:\n  groups:\n    - name: a\n      size: 10\n"
      "    - name: b\n      size: 30\ndynamics:\n  influence:\n    rate: 0.1\n    peers: all\n";
  CHECK(differing_keys(stored, now) ==
        std::vector<std::string>{"dynamics.influence.peers: absent stored, all now",
                                 "population.groups[1].size: 20 stored, 30 now",
                                 "steps: 104 stored, 50 now"});
}
