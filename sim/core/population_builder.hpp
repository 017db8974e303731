#pragma once
// Draws the agents of a scenario (design §2.1): attributes from each group's
// distributions, roles and marginalised flags from its shares.
//
// Every attribute of agent i is drawn by inverse transform from its own
// counter-based draw (Purpose::attributes, attribute, agent), so the
// population is the same at any thread count, and changing one group's
// distribution changes no other draw.
#include <cstdint>
#include <span>

#include "core/population.hpp"
#include "core/rng.hpp"
#include "scenario/scenario.hpp"

namespace detente {

// `group_begin` fixes the group ranges (from the declared sizes, or from an
// imported network's nodes file).
template <class Real>
Population<Real> build_population(const scenario::Population& spec,
                                  std::span<const std::uint32_t> group_begin, const Streams& rng);

// Group ranges from the declared sizes: {0, n0, n0 + n1, …}.
std::vector<std::uint32_t> group_ranges(const scenario::Population& spec);

// The value of `dist` at quantile u ∈ [0,1) (inverse CDF), within [0,1].
double sample_distribution(const scenario::Distribution& dist, double u);

}  // namespace detente
