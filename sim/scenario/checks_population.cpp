#include <array>
#include <string_view>

#include "scenario/detail/checks.hpp"
#include "scenario/detail/field.hpp"
#include "scenario/detail/paths.hpp"
#include "scenario/detail/scalars.hpp"

namespace detente::scenario::detail {

std::string group_names(const Scenario& scenario) {
  std::string out;
  for (const Group& g : scenario.population.groups)
    out += (out.empty() ? "" : " | ") + g.name;
  return out;
}

void check_population(const Scenario& scenario, const Reporter& reporter) {
  const auto& groups = scenario.population.groups;
  // A loaded network names its nodes' groups itself (network.nodes_file); a
  // classic model needs no out-group.
  const bool classic = scenario.dynamics.classic.model != ClassicModel::none;
  if (scenario.network.file.empty() && groups.size() < (classic ? 1u : 2u))
    reporter.fail(reporter.locate("population.groups"), "population.groups",
                  "expected at least " + std::string(classic ? "1 group" : "2 groups") + ", got " +
                      std::to_string(groups.size()) +
                      "; detente models trust between communities, so declare each one (or "
                      "load a network with network.file)");

  // Each size is bounded (field.hpp); so is their sum, which agent indices
  // and every per-agent array are sized by. Summed in double: it cannot wrap.
  double total = 0;
  for (const Group& g : groups)
    total += static_cast<double>(g.size);
  if (total > kMostAgents)
    reporter.fail(reporter.locate("population.groups"), "population.groups",
                  "expected at most " + format_integer(static_cast<std::int64_t>(kMostAgents)) +
                      " agents in all, got " + format_integer(static_cast<std::int64_t>(total)) +
                      "; shrink the groups (sizes are in agents)");

  // These names already mean something where a group name can appear.
  constexpr std::array<std::string_view, 3> reserved = {"all", "convener", "independent"};
  for (std::size_t i = 0; i < groups.size(); ++i) {
    const std::string path = key_path(index_path("population.groups", i), "name");
    for (const std::string_view word : reserved)
      if (groups[i].name == word)
        reporter.expected_at(path, "a name other than all, convener and independent",
                             groups[i].name,
                             "those words already stand for every group or a media sponsor");
    for (std::size_t j = 0; j < i; ++j)
      if (groups[j].name == groups[i].name)
        reporter.expected_at(path, "a name no other group has", groups[i].name,
                             "population.groups[" + std::to_string(j) + "] is also called \"" +
                                 groups[i].name + "\"");
  }
}

void check_scenario(const Scenario& scenario, const Reporter& reporter) {
  check_population(scenario, reporter);
  check_network(scenario, reporter);
  check_references(scenario, reporter);
  check_dynamics(scenario, reporter);
  check_interventions(scenario, reporter);
  check_classic(scenario, reporter);
  check_outputs(scenario, reporter);
  check_uncertain(scenario, reporter);
  check_calibrate(scenario, reporter);
}

}  // namespace detente::scenario::detail
