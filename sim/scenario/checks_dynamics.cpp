// Parameters that are only meaningful in a fixed order with another one.
#include "scenario/detail/checks.hpp"
#include "scenario/detail/scalars.hpp"

namespace detente::scenario::detail {

void check_dynamics(const Scenario& scenario, const Reporter& reporter) {
  const Influence& influence = scenario.dynamics.influence;
  if (influence.repulsion_threshold && *influence.repulsion_threshold <= influence.confidence)
    reporter.expected_at("dynamics.influence.repulsion_threshold",
                         "a number > confidence (" + format_number(influence.confidence) + ")",
                         format_number(*influence.repulsion_threshold),
                         "peers are repelled only beyond the confidence bound; raise it or "
                         "remove it to turn repulsion off");

  const Outputs& outputs = scenario.outputs;
  if (outputs.hostile_threshold >= outputs.trusting_threshold)
    reporter.expected_at(
        "outputs.hostile_threshold",
        "a number < trusting_threshold (" + format_number(outputs.trusting_threshold) + ")",
        format_number(outputs.hostile_threshold),
        "an agent cannot count as both hostile and trusting");
}

}  // namespace detente::scenario::detail
