#pragma once
// Hegselmann–Krause bounded confidence (Hegselmann & Krause 2002, "Opinion
// dynamics and bounded confidence: models, analysis and simulation").
//
// Synchronous: every agent moves to the mean of the opinions within ε of its
// own, its own included, among its neighbours:
//   x_i(t+1) = mean{ x_j(t) : j ∈ N(i) ∪ {i}, |x_j(t) − x_i(t)| ≤ ε }.
// This is the influence rule with λ = 0, μ = s = 1, uniform weights and
// self_weight 1 (design §2.3), and on a network it runs the influence rule's
// gather (rules/detail/peer_sums.hpp) over the whole row, edge weights
// ignored. On the complete graph it builds no edges: the opinions are sorted,
// prefix sums taken (in double), and each agent's window [x_i − ε, x_i + ε]
// found by two moving pointers — O(N log N) per step instead of O(N²).
// Each agent's new value is written by one task from the old values, so the
// result is the same at any thread count.
//
// Converged for a tolerance τ: no opinion moved by more than τ in the last step.
#include <memory>

#include "rules/classic.hpp"

namespace detente::rules::classic {

template <class Real>
std::unique_ptr<Rule<Real>> make_hegselmann_krause(const scenario::Classic& params,
                                                   const Graph& graph);

}  // namespace detente::rules::classic
