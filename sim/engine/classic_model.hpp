#pragma once
// The classic opinion-dynamics models as a simulation (rules/classic.hpp):
// DeGroot, Friedkin–Johnsen, Deffuant–Weisbuch, Hegselmann–Krause, the voter
// model and Axelrod, chosen by dynamics.classic.model. Their state, rule,
// stopping test (stop_when: converged) and outcomes; the people and network
// are built as for the trust model (world.hpp build_people).
#include <cstdint>
#include <memory>

#include "engine/simulation.hpp"

namespace detente::engine {

template <class Real>
std::unique_ptr<Simulation> make_classic_model(const scenario::Scenario& scenario,
                                               std::uint32_t replicate);

}  // namespace detente::engine
