#pragma once
// The voter model (Clifford & Sudbury 1973; Holley & Liggett 1975).
//
// Opinions are 0 or 1. An agent copies the opinion of a uniformly random
// neighbour (on the complete graph: of a uniformly random other agent; an
// agent without neighbours keeps its own). A step is N updates, scheduled:
//   sequential  as published: update u of step t is a uniform random agent,
//               from (Purpose::classic, kVoter, t, u), and updates happen one
//               after another (with two threads the next batch is drawn
//               meanwhile: same order, same result);
//   parallel    synchronous: every agent copies a random neighbour's opinion
//               as it stood at the start of the step (agent i's choice from
//               half of draw (kVoter, t, i / 2)), so the step is one parallel
//               loop with the same result at any thread count.
// On the complete graph (and any regular graph) the share of 1s is a
// martingale under either schedule, so the run ends at all-1 with probability
// equal to the initial share (validated in tests/validation). On a bipartite
// graph (a grid, an even ring) the parallel schedule can cycle: an
// alternating pattern flips every step and never reaches consensus; use the
// sequential schedule there.
//
// Converged: no neighbour disagrees with an agent any more (consensus on a
// connected graph); the tolerance does not matter.
#include <memory>

#include "rules/classic.hpp"

namespace detente::rules::classic {

template <class Real>
std::unique_ptr<Rule<Real>> make_voter(const scenario::Classic& params, const Graph& graph,
                                       const Streams& rng);

}  // namespace detente::rules::classic
