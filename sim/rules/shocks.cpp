// Shocks (design §2.3 rule 5); see shocks.hpp.
#include "rules/shocks.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cmath>
#include <string>

#include "rules/detail/state_shape.hpp"

namespace detente::rules {
namespace {

std::uint32_t all_groups(std::size_t group_count) {
  return group_count >= 32 ? ~0u : (1u << group_count) - 1u;
}

}  // namespace

std::vector<ShockHit> shocks_at(const scenario::Shocks& params,
                                std::span<const std::uint32_t> event_group_masks,
                                std::size_t group_count, const StepContext& context) {
  std::vector<ShockHit> hits;
  if (!params.enabled) return hits;
  detail::require(event_group_masks.size() == params.events.size(), "shocks_at",
                  "expected one group mask per scheduled event, got " +
                      std::to_string(event_group_masks.size()) + " for " +
                      std::to_string(params.events.size()) + " events");
  for (std::size_t k = 0; k < params.events.size(); ++k) {
    const scenario::ShockEvent& event = params.events[k];
    if (event.step != context.step) continue;
    // An event that names no group hits every group (scenario default).
    const std::uint32_t mask =
        event_group_masks[k] != 0 ? event_group_masks[k] : all_groups(group_count);
    hits.push_back({event.magnitude, mask, event.surge_steps});
  }
  if (params.poisson_rate > 0.0) {
    detail::require(context.rng != nullptr, "shocks_at", "the step context has no streams");
    const double u = context.rng->uniforms_double(Purpose::shock, 0,
                                                  static_cast<std::uint64_t>(context.step), 0)[0];
    if (u < -std::expm1(-params.poisson_rate)) {  // 1 − e^(−rate), accurate for small rates
      hits.push_back(
          {params.poisson_magnitude, all_groups(group_count), params.poisson_surge_steps});
    }
  }
  return hits;
}

template <class Real>
void apply_shock(const scenario::Shocks& params, const ShockHit& hit, const TieSummary& ties,
                 const Population<Real>& population, TrustArrays<Real>& next) {
  detail::check_population(population, "apply_shock");
  const std::size_t n = population.size();
  detail::require(ties.positive_ties.empty() || ties.positive_ties.size() == n, "apply_shock",
                  "the tie summary must be empty (no ties) or have one entry per agent");
  detail::shape_like_trust(population, next);
  const std::size_t groups = population.trust.size();
  const bool hits_anyone = params.enabled && hit.magnitude != 0.0 && hit.group_mask != 0;
  const double keep = 1.0 - params.resilience_per_tie;

  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, n, 4096), [&](const tbb::blocked_range<std::size_t>& r) {
        for (std::size_t i = r.begin(); i != r.end(); ++i) {
          const std::size_t own = population.group[i];
          Real factor = Real(1);
          if (hits_anyone && ((hit.group_mask >> own) & 1u) != 0) {
            const double positive = ties.positive_ties.empty() ? 0.0 : ties.positive_ties[i];
            const double resilience = 1.0 - std::pow(keep, positive);
            factor = static_cast<Real>(1.0 - hit.magnitude * (1.0 - resilience));
          }
          for (std::size_t h = 0; h < groups; ++h) {
            next[h][i] = h == own ? Real(0) : detail::clamp01(population.trust[h][i] * factor);
          }
        }
      });
}

template void apply_shock<float>(const scenario::Shocks&, const ShockHit&, const TieSummary&,
                                 const Population<float>&, TrustArrays<float>&);
template void apply_shock<double>(const scenario::Shocks&, const ShockHit&, const TieSummary&,
                                  const Population<double>&, TrustArrays<double>&);

}  // namespace detente::rules
