#pragma once
// The influence rule (rules/influence.hpp, design §2.3 rule 1) on a single
// opinion per agent: DeGroot and Friedkin–Johnsen as its configurations.
//
//   x_i' = λ_i·a_i + (1 − λ_i)·[(1 − μ·s_i)·x_i + μ·s_i·m_i] − repulsion, clamped to [0,1],
// with m_i the weighted mean of the peers' opinions within ε (plus x_i with
// weight self_weight), a_i the initial opinion, λ stubbornness and s
// susceptibility per agent (from the groups, or the nodes file's columns),
// and μ, ε, ρ, self_weight, peers from `dynamics.influence` (whose `enabled`
// belongs to the trust rule and is not read); the arithmetic is the trust
// rule's own (rules/detail/influence_update.hpp). Special cases:
//   DeGroot           λ = 0, μ = s = 1, ε ≥ 1: x(t+1) = W·x(t), W the row-normalised
//                     weights (a directed, weighted network with self-loops, loaded
//                     with `network.directed: true`, weights as given);
//   Friedkin–Johnsen  μ = s = 1, ε ≥ 1: x(t+1) = Λ·x(0) + (I − Λ)·W·x(t), whose fixed
//                     point is x* = (I − (I − Λ)·W)⁻¹·Λ·x(0);
// both exact in `precision: float64` (validated in tests/validation).
// On the complete graph (no edges built) every other agent is a peer with
// weight 1; the means come from sorted prefix sums (rules/detail/sorted_windows.hpp).
// Converged for a tolerance τ: no opinion moved by more than τ in the last step.
#include <memory>

#include "rules/classic.hpp"

namespace detente::rules::classic {

template <class Real>
std::unique_ptr<Rule<Real>> make_influence(const scenario::Influence& params, const Graph& graph,
                                           const Population<Real>& population);

}  // namespace detente::rules::classic
