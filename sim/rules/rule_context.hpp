#pragma once
// What every rule sees of a step: the step number and the random streams.
// Rules are free functions of (parameters, read-only state, output buffer):
// each reads the state the previous phase left and writes a fresh buffer, so a
// rule's result never depends on agent order or thread count (design §2).
#include <cstdint>
#include <vector>

#include "core/rng.hpp"

namespace detente::rules {

struct StepContext {
  std::int64_t step = 0;
  const Streams* rng = nullptr;
};

// Trust indexed [h][i]: toward group h, of agent i. A rule writes every entry
// next[h][i] with h != group(i) (copying those it leaves unchanged); the own-group
// entry stays 0. The simulation then swaps `next` with the population's trust.
template <class Real>
using TrustArrays = std::vector<std::vector<Real>>;

}  // namespace detente::rules
