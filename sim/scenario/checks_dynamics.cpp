// Parameters that are only meaningful in a fixed order with another one.
#include <algorithm>
#include <cmath>

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

  const Turnover& turnover = scenario.dynamics.turnover;
  if (std::abs(turnover.family + turnover.school - 1.0) > 1e-9) {
    // Point at the weight the file gave (school if both), naming the other.
    const auto rounded = [](double x) { return format_number(std::round(x * 1e9) / 1e9); };
    const bool at_school = reporter.was_given("dynamics.turnover.school") ||
                           !reporter.was_given("dynamics.turnover.family");
    const double mine = at_school ? turnover.school : turnover.family;
    const double other = at_school ? turnover.family : turnover.school;
    const std::string name = at_school ? "school" : "family";
    const std::string other_name = at_school ? "family" : "school";
    reporter.expected_at(
        "dynamics.turnover." + name,
        "a weight with family + school = 1 (" + other_name + " is " + rounded(other) + ")",
        format_number(mine),
        "a newcomer's disposition is a weighted mean of family and school; set " + name + " to " +
            rounded(std::max(0.0, 1.0 - other)));
  }
  if (turnover.rate >= 1.0)
    reporter.expected_at("dynamics.turnover.rate", "a share below 1", format_number(turnover.rate),
                         "a yearly share of 1 converts to everyone leaving in every step; "
                         "use a share such as 0.5 (half the people leave in a year)");
  if (turnover.enabled && turnover.rate > 0.0 && !steps_per_year(scenario.step_unit))
    reporter.expected_at("step_unit",
                         "a unit of time (day, week, fortnight, month, quarter or year) while "
                         "dynamics.turnover.rate is set",
                         scenario.step_unit,
                         "turnover's rate is per year; name the step's length in step_unit or "
                         "set dynamics.turnover.rate to 0");

  const Leaders& leaders = scenario.dynamics.leaders;
  if (leaders.enabled && leaders.turnover > 0.0 && !steps_per_year(scenario.step_unit))
    reporter.expected_at("step_unit",
                         "a unit of time (day, week, fortnight, month, quarter or year) while "
                         "dynamics.leaders is on with a turnover",
                         scenario.step_unit,
                         "leaders' turnover is per year; name the step's length in step_unit or "
                         "set dynamics.leaders.turnover to 0");

  const Outputs& outputs = scenario.outputs;
  if (outputs.hostile_threshold >= outputs.trusting_threshold)
    reporter.expected_at(
        "outputs.hostile_threshold",
        "a number < trusting_threshold (" + format_number(outputs.trusting_threshold) + ")",
        format_number(outputs.hostile_threshold),
        "an agent cannot count as both hostile and trusting");
}

}  // namespace detente::scenario::detail
