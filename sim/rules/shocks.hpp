#pragma once
// Shocks (design §2.3 rule 5): a crisis of magnitude M hits the agents of the
// affected groups, x ← x·(1 − M·(1 − r_i)) for trust toward every out-group,
// with resilience r_i = 1 − (1 − resilience_per_tie)^(positive cross-group ties
// of i). Scheduled events fire at their step; Poisson crises fire in a step
// with probability 1 − exp(−rate), from u(Purpose::shock, 0, step, 0).
#include <cstdint>
#include <span>
#include <vector>

#include "core/population.hpp"
#include "rules/contact.hpp"
#include "rules/rule_context.hpp"
#include "scenario/scenario.hpp"

namespace detente::rules {

struct ShockHit {
  double magnitude = 0.0;
  std::uint32_t group_mask = 0;  // groups hit
  std::int64_t surge_steps = 0;
};

// The shocks that fire in this step (scheduled first, then a Poisson one).
std::vector<ShockHit> shocks_at(const scenario::Shocks& params,
                                std::span<const std::uint32_t> event_group_masks,
                                std::size_t group_count, const StepContext& context);

template <class Real>
void apply_shock(const scenario::Shocks& params, const ShockHit& hit, const TieSummary& ties,
                 const Population<Real>& population, TrustArrays<Real>& next);

}  // namespace detente::rules
