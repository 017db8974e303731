#pragma once
// Axelrod's model of cultural dissemination (Axelrod 1997, "The
// dissemination of culture: a model with local convergence and global
// polarization", J. Conflict Resolution 41(2)).
//
// Each agent holds a culture of F features, each one of q traits (initially
// uniform and independent). Update u of step t: a uniform random agent i
// and a uniform random neighbour j (on the complete graph, another agent),
// from draw (Purpose::classic, kAxelrod, t, u), interact with probability
// equal to their overlap o/F, the share of features on which they agree; if
// they interact and differ somewhere (o < F), i copies j's trait on one
// feature drawn uniformly among those where they differ (both from draw 1 of
// the same key, taken only when 0 < o < F). A step
// is N updates, one after another, as published (there is no parallel
// schedule). Works on a lattice (`network.within.model: grid`, von Neumann
// neighbours, as Axelrod's 10×10 territory) or any network.
//
// Converged: no neighbours share some but not all traits (no active pair is
// left), so nothing can change any more; the tolerance does not matter. The
// outcomes are the cultural regions (connected components of identical
// neighbours) and the number of distinct cultures (metrics/opinion_metrics.hpp).
#include <memory>

#include "rules/classic.hpp"

namespace detente::rules::classic {

template <class Real>
std::unique_ptr<Rule<Real>> make_axelrod(const Graph& graph, const Streams& rng);

}  // namespace detente::rules::classic
