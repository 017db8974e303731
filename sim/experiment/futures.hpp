#pragma once
// Futures: the worlds a scenario's `uncertain:` block allows, drawn by a
// space-filling design (a Latin hypercube, design.hpp) and mapped through each
// key's prior. `detente compare --futures N` runs every arm in each of them.
//
//   auto plan = plan_futures(scenario, 64);          // 64 futures of its uncertain keys
//   plan.values[f][i];                               // key i's value in future f
//   auto world = future_scenario(scenario, plan, f); // the scenario of future f
#include <cstddef>
#include <string>
#include <vector>

#include "scenario/load.hpp"
#include "scenario/scenario.hpp"

namespace detente {

struct FuturePlan {
  std::vector<scenario::UncertainParameter> parameters;  // the scenario's uncertain keys
  std::vector<std::vector<double>> values;               // values[future][parameter]
};

// The value of `prior` at quantile u ∈ (0, 1): its inverse CDF, truncated or
// scaled to [low, high], rounded when `integer`.
double prior_quantile(const scenario::UncertainParameter& prior, double u);

// N futures of the scenario's uncertain keys. The design's stream is keyed
// apart from every simulation stream and from a sweep's designs of the same
// seed. Throws InputError when the scenario declares no `uncertain:` block or
// N is out of [2, kMaxFutures].
constexpr std::size_t kMaxFutures = 4096;
FuturePlan plan_futures(const scenario::Scenario& scenario, std::size_t futures);

// The scenario of future `f`: the resolved scenario with each uncertain key
// set to its value there, read again as `--set` would read it.
scenario::Scenario future_scenario(const scenario::Scenario& scenario, const FuturePlan& plan,
                                   std::size_t f);

// "dynamics.contact.rate" → its value in future f, as overrides.
std::vector<scenario::Override> future_overrides(const FuturePlan& plan, std::size_t f);

}  // namespace detente
