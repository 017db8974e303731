#pragma once
// A scenario's `sweep:` block as a list of points: which value every swept key
// takes at each point, the resolved scenario of each point, and the outcomes
// the sensitivity analysis reads (design of experiments: design.hpp,
// indices: sensitivity.hpp).
//
//   auto plan = plan_sweep(scenario);                        // validates the block
//   auto scenarios = point_scenarios(plan, file, overrides); // one per point
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "experiment/design.hpp"
#include "metrics/metric_row.hpp"
#include "scenario/load.hpp"
#include "scenario/scenario.hpp"

namespace detente {

struct SweepPlan {
  scenario::Sweep sweep;
  std::vector<std::string> paths;           // swept keys, in block order
  std::vector<std::vector<double>> values;  // values[point][parameter]
  MorrisDesign morris;                      // design == morris
  std::size_t sobol_rows = 0;               // design == sobol: n of saltelli_design
};

// Validates the block (throws InputError naming `sweep.…`) and lays out the
// points. A value drawn in [0,1] maps to low + u·(high − low), or to
// values[⌊u·L⌋] for a list of L values; `integer` rounds to the nearest whole
// number. Grids take every listed value, or `levels` evenly spaced values of a range.
SweepPlan plan_sweep(const scenario::Scenario& scenario);

// The scenario of every point: the file loaded again with `overrides` and then
// the point's values as overrides, so each point is validated like `--set`
// (an unknown path gets a did-you-mean).
std::vector<scenario::Scenario> point_scenarios(const SweepPlan& plan, const std::string& file,
                                                std::span<const scenario::Override> overrides);

// The point's parameters as a JSON object {"path": value, …}.
std::string parameters_json(const SweepPlan& plan, std::size_t point);

// An outcome's value in a run's rows: at `outcome.step`, or at the last step
// recorded. Throws InputError naming the metrics and subjects there are.
double outcome_value(std::span<const metrics::MetricRow> rows,
                     const scenario::SweepOutcome& outcome);

// The text a value is written with: the shortest that reads back exactly.
std::string number_text(double value);

}  // namespace detente
