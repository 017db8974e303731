#pragma once
// Social influence: Friedkin–Johnsen with bounded confidence and repulsion
// (design §2.3 rule 1).
//
// For agent i and out-group h, m_i is the weighted mean of trust[h] over the
// peers j with |x_j − x_i| ≤ ε (plus x_i with weight self_weight; x_i itself
// when no peer qualifies):
//   x_i' = λ_i·a_i + (1 − λ_i)·[(1 − μ·s_i)·x_i + μ·s_i·m_i − repulsion],
//   repulsion = repulsion_rate·s_i·Σ_{|x_j−x_i|>ρ} w_ij·(x_j − x_i) / Σ_j w_ij,
// clamped to [0,1]. Repulsion is social influence too: it is scaled by
// susceptibility (openness to peers, whichever way they move one) and damped
// by stubbornness like the pull of near peers, so a fully stubborn agent
// (λ = 1) stays at its anchor. Peers are the in-group neighbours (`peers: in_group`) or
// every neighbour whose trust toward h is defined, i.e. not a member of h
// (`peers: all`). A speaker's weight w_ij is the edge weight times
// speaker_weight[j] (ambassadors, design §2.4; empty = 1).
//
// Special cases, exact: DeGroot (λ=0, μ=s=1, ε≥1), Friedkin–Johnsen (ε≥1),
// Hegselmann–Krause (λ=0, μ=s=1, uniform weights, self_weight=1).
#include <span>

#include "core/network.hpp"
#include "core/population.hpp"
#include "rules/rule_context.hpp"
#include "scenario/scenario.hpp"

namespace detente::rules {

template <class Real>
void apply_influence(const scenario::Influence& params, const SocialNetwork& network,
                     const Population<Real>& population, std::span<const float> speaker_weight,
                     TrustArrays<Real>& next);

}  // namespace detente::rules
