#pragma once
#include <cstddef>

#include "core/population.hpp"

namespace detente::interventions {

// People's attitudes: the only part of a person an intervention changes
// (never their group, role or the population's size).
template <class Real>
class Attitudes {
 public:
  explicit Attitudes(Population<Real>& people) : people_(people) {}
  Real& trust(std::size_t h, AgentId i) { return people_.trust[h][i]; }
  Real& anchor(std::size_t h, AgentId i) { return people_.anchor[h][i]; }
  Real& disposition(std::size_t h, AgentId i) { return people_.disposition[h][i]; }
  Real& susceptibility(AgentId i) { return people_.susceptibility[i]; }
  Real& literacy(AgentId i) { return people_.literacy[i]; }
  Real& convener_trust(AgentId i) { return people_.convener_trust[i]; }
  // What i believes its own group thinks of h (dynamics.norms); only while
  // holds_norms().
  bool holds_norms() const { return !people_.perceived_norm.empty(); }
  Real& perceived_norm(std::size_t h, AgentId i) { return people_.perceived_norm[h][i]; }
  const Population<Real>& people() const { return people_; }

 private:
  Population<Real>& people_;
};

}  // namespace detente::interventions
