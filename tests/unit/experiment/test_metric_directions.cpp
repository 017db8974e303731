// Every metric a shipped scenario records — in its base and in every arm,
// the classic models included — has a declared direction
// (metrics/direction.hpp), so `detente compare` can rank any of them.
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "experiment/replicate.hpp"
#include "metrics/direction.hpp"
#include "scenario/load.hpp"

using namespace detente;
namespace fs = std::filesystem;

namespace {

// The scenario at a size that runs in a moment: the library's worlds at 80
// agents a side (their full length, which their events and triggers need);
// the classic models (small already) until they converge or for at most
// 300 steps (the three-agent DeGroot model converges well before).
scenario::Scenario small(const fs::path& file) {
  const auto full = scenario::load_file(file.string());
  std::vector<scenario::Override> overrides;
  if (full.dynamics.classic.model == scenario::ClassicModel::none) {
    for (const auto& g : full.population.groups)
      overrides.push_back({"population.groups." + g.name + ".size", "80"});
  } else if (full.steps > 300) {
    overrides.push_back({"steps", "300"});
  }
  return scenario::load_file(file.string(), overrides);
}

}  // namespace

TEST_CASE("every metric of the shipped scenarios has a direction", "[metrics][direction]") {
  std::set<std::string> metrics;
  std::size_t scenarios = 0;
  for (const char* folder : {"scenarios", "scenarios/classic"})
    for (const auto& entry : fs::directory_iterator(fs::path(DETENTE_SOURCE_DIR) / folder)) {
      if (entry.path().extension() != ".yaml") continue;
      INFO(entry.path().string());
      const auto base = small(entry.path());
      ++scenarios;
      for (const auto& arm : scenario::arm_names(base)) {
        ReplicateOutput out;
        run_replicate(scenario::resolve_arm(base, arm), 0, nullptr, out);
        for (const auto& row : out.rows)
          metrics.insert(row.metric);
      }
    }
  REQUIRE(scenarios >= 15);
  // The intervention and classic-model metrics are among them.
  for (const char* m :
       {"participants", "ambassadors", "convener_trust", "clusters", "regions", "converged_step"})
    CHECK(metrics.count(m));
  for (const auto& m : metrics) {
    INFO(m);
    CHECK_NOTHROW(metrics::better_direction(m));
  }
}
