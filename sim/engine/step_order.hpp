#pragma once
// The trust model's step: its phases in the one order that holds (design §2).
#include <memory>
#include <vector>

#include "engine/phase.hpp"

namespace detente::engine {

// A phase and why it sits where it does (printed by `detente phases`).
template <class Real>
struct OrderedPhase {
  std::unique_ptr<Phase<Real>> phase;
  std::string_view why;
};

template <class Real>
std::vector<OrderedPhase<Real>> step_order(const PhaseSetup& setup);

// The step for people (`detente phases`, sim/engine/README.md): each phase's
// name, what it reads and writes, and why it sits where it does.
struct PhaseDescription {
  std::string name, reads, writes, why;
};
std::vector<PhaseDescription> describe_step_order();

}  // namespace detente::engine
