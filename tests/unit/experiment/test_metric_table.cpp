// The metric table is the one list of metrics: every metric a shipped
// scenario records — in its base and in every arm, the classic models
// included — is in it, with the subjects the table says the trust model
// records; and every metric the table gives the trust model is recorded by
// some shipped scenario.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "experiment/replicate.hpp"
#include "metrics/metric_table.hpp"
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

TEST_CASE("every metric the shipped scenarios record is in the metric table", "[metrics][table]") {
  std::set<std::string> recorded;
  std::size_t scenarios = 0;
  for (const char* folder : {"scenarios", "scenarios/classic"})
    for (const auto& entry : fs::directory_iterator(fs::path(DETENTE_SOURCE_DIR) / folder)) {
      if (entry.path().extension() != ".yaml") continue;
      INFO(entry.path().string());
      const auto base = small(entry.path());
      ++scenarios;
      const bool trust_model = base.dynamics.classic.model == scenario::ClassicModel::none;
      std::vector<std::string> groups, interventions;
      for (const auto& g : base.population.groups)
        groups.push_back(g.name);
      for (const auto& arm : scenario::arm_names(base)) {
        const auto s = scenario::resolve_arm(base, arm);
        interventions.clear();
        for (const auto& i : s.interventions)
          interventions.push_back(i.name);
        ReplicateOutput out;
        run_replicate(s, 0, nullptr, out);
        for (const auto& row : out.rows) {
          INFO(row.metric << " / " << row.subject);
          const metrics::MetricInfo* m = metrics::find(row.metric);
          REQUIRE(m != nullptr);
          recorded.insert(row.metric);
          CHECK(m->model != (trust_model ? metrics::Model::classic : metrics::Model::trust));
          if (!trust_model) continue;
          const auto subjects = metrics::trust_model_subjects(*m, groups, interventions);
          CHECK(std::find(subjects.begin(), subjects.end(), row.subject) != subjects.end());
        }
      }
    }
  REQUIRE(scenarios >= 15);
  for (const auto& m : metrics::metric_table()) {
    INFO(m.name);
    CHECK(recorded.count(std::string(m.name)) == 1);
  }
}
