// calibrate: the keys to fit are priors of the `uncertain:` form over keys of
// the world (checks_uncertain.cpp), and the budget pays for one generation.
// The targets file itself is read and checked by `detente calibrate`
// (experiment/calibrate_targets.hpp), the one command that reads it.
#include <array>
#include <string>
#include <string_view>

#include "scenario/detail/checks.hpp"

namespace detente::scenario::detail {
namespace {

// Keys a calibration may not fit: they define the experiment, or (steps,
// outputs) the output steps its targets are read at.
constexpr std::array<std::string_view, 8> kNotFitted = {"name", "seed",  "steps",     "outputs",
                                                        "arms", "sweep", "uncertain", "calibrate"};

}  // namespace

void check_calibrate(const Scenario& scenario, const Reporter& reporter) {
  const Calibrate& c = scenario.calibrate;
  check_priors(c.parameters, "calibrate.parameters", kNotFitted,
               "name, seed, arms, sweep, uncertain and calibrate define the experiment, and steps "
               "and outputs the steps the targets are read at; fit a key of the world",
               reporter);
  if (c.parameters.empty()) return;
  // Generation 0 alone runs particles × replicates simulations.
  const std::int64_t first = c.particles * c.replicates;
  if (c.budget < first)
    reporter.expected_at("calibrate.budget",
                         "at least particles × replicates = " + std::to_string(c.particles) +
                             " × " + std::to_string(c.replicates) + " = " + std::to_string(first) +
                             " simulations (one generation)",
                         std::to_string(c.budget),
                         "raise the budget, or lower calibrate.particles or calibrate.replicates");
}

void resolve_calibration_targets(Scenario& scenario, const std::filesystem::path& base) {
  std::string& targets = scenario.calibrate.targets;
  if (targets.empty()) return;
  std::error_code error;
  const auto absolute = std::filesystem::absolute(base / targets, error);
  if (!error) targets = absolute.lexically_normal().string();
}

}  // namespace detente::scenario::detail
