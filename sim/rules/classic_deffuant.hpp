#pragma once
// Deffuant–Weisbuch pairwise bounded confidence (Deffuant, Neau, Amblard &
// Weisbuch 2000, "Mixing beliefs among interacting agents").
//
// Two agents i, j joined by an edge meet; if |x_i − x_j| < ε both move the
// share μ of their difference toward each other, from the values before the
// meeting:
//   x_i ← x_i + μ·(x_j − x_i),   x_j ← x_j + μ·(x_i − x_j).
// A step is ⌊N/2⌋ meetings, one per agent on average, scheduled:
//   sequential  as published: meeting m of step t is one uniform random pair —
//               a uniform edge, or on the complete graph two distinct uniform
//               agents — drawn from (Purpose::classic, kMeeting, t, m), and the
//               meetings happen one after another (with two threads, the next
//               batch's pairs are drawn meanwhile: same order, same result).
//   parallel    disjoint pairs meet at once, one parallel loop per round, with
//               the same result at any thread count (disjoint meetings commute):
//               complete graph: each step a random perfect matching, agents
//                 π(2m) and π(2m+1) for a RandomPermutation π keyed by
//                 (kMatching, t);
//               network: the pairs are coloured once into matchings
//                 (core/edge_colouring.hpp, random order from kColouring); a
//                 sweep runs every class, in an order drawn per sweep (kSweep),
//                 so each pair meets once per sweep; a step runs whole classes
//                 until it has ⌊N/2⌋ meetings, and the next step goes on from there.
// Converged for a tolerance τ: no pair on an edge has τ < |x_i − x_j| < ε, so
// no meeting can move an opinion by more than μ·τ.
#include <memory>

#include "rules/classic.hpp"

namespace detente::rules::classic {

template <class Real>
std::unique_ptr<Rule<Real>> make_deffuant(const scenario::Classic& params, const Graph& graph,
                                          const Streams& rng);

}  // namespace detente::rules::classic
