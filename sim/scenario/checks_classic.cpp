// Classic opinion-dynamics models run alone (rules/classic.hpp): the keys that
// only make sense with one, and those a classic model cannot honour.
#include "scenario/detail/checks.hpp"
#include "scenario/detail/paths.hpp"
#include "scenario/detail/scalars.hpp"

namespace detente::scenario::detail {

void check_classic(const Scenario& scenario, const Reporter& reporter) {
  const Classic& classic = scenario.dynamics.classic;
  const bool on = classic.model != ClassicModel::none;
  if (scenario.stop_when == StopWhen::converged && !on)
    reporter.expected_at("stop_when", "never without a classic model", "converged",
                         "convergence is defined for the classic models (set "
                         "dynamics.classic.model) only");
  if (on && classic.model == ClassicModel::axelrod && classic.schedule == Schedule::parallel)
    reporter.expected_at("dynamics.classic.schedule", "sequential for axelrod", "parallel",
                         "Axelrod's model is defined one interaction at a time");
  if (on && !scenario.media.empty())
    reporter.expected_at("media", "no outlets with a classic model",
                         std::to_string(scenario.media.size()) + " outlets",
                         "a classic model is the only rule that runs; remove the outlets");
  if (on && !scenario.interventions.empty())
    reporter.expected_at("interventions", "no interventions with a classic model",
                         std::to_string(scenario.interventions.size()) + " interventions",
                         "interventions act on trust, which a classic model does not have");
  if (on && !scenario.outputs.network.empty())
    reporter.expected_at("outputs.network", "no network snapshots with a classic model",
                         std::to_string(scenario.outputs.network.size()) + " steps",
                         "edges.csv exports the trust model's ties; remove outputs.network");
  for (std::size_t i = 0; i < scenario.outputs.network.size(); ++i)
    if (scenario.outputs.network[i] > scenario.steps)
      reporter.expected_at(index_path("outputs.network", i),
                           "a step up to steps (" + format_integer(scenario.steps) + ") or -1",
                           format_integer(scenario.outputs.network[i]),
                           "-1 stands for the last step");
  if (scenario.outputs.graphml && scenario.outputs.network.empty())
    reporter.expected_at("outputs.graphml", "outputs.network steps to write as GraphML", "true",
                         "add outputs.network: [-1] (the last step) or set graphml: false");
  for (std::size_t i = 0; i < scenario.outputs.agents.size(); ++i)
    if (scenario.outputs.agents[i] > scenario.steps)
      reporter.expected_at(index_path("outputs.agents", i),
                           "a step up to steps (" + format_integer(scenario.steps) + ") or -1",
                           format_integer(scenario.outputs.agents[i]),
                           "-1 stands for the last step");
}

}  // namespace detente::scenario::detail
