#pragma once
// The update of social influence (rules/influence.hpp) once an agent's peers
// are summed: shared by the trust rule and by its classic use on a single
// opinion (rules/classic_influence.hpp), so DeGroot and Friedkin–Johnsen run
// the very arithmetic of the influence rule.
#include <limits>

#include "rules/detail/peer_sums.hpp"
#include "scenario/scenario.hpp"

namespace detente::rules::detail {

template <class Real>
struct InfluenceConstants {
  Real rate;
  Real confidence;           // infinity when unbounded
  Real repulsion_threshold;  // infinity when off
  Real repulsion_rate;
  Real self_weight;
  bool all_peers;
};

template <class Real>
inline InfluenceConstants<Real> constants(const scenario::Influence& params) {
  constexpr Real inf = std::numeric_limits<Real>::infinity();
  return {static_cast<Real>(params.rate),
          params.confidence >= 1.0 ? inf : static_cast<Real>(params.confidence),
          params.repulsion_threshold ? static_cast<Real>(*params.repulsion_threshold) : inf,
          static_cast<Real>(params.repulsion_rate),
          static_cast<Real>(params.self_weight),
          params.peers == scenario::Peers::all};
}

// m_i: (self_weight·x_i + Σ near w·x) / (self_weight + Σ near w), x_i when
// that weight is 0.
template <class Real>
inline Real peer_mean(Real self_weight, Real xi, const PeerSums<Real>& acc) {
  const Real weight = self_weight + PeerSums<Real>::total(acc.near_weight);
  return weight > Real(0) ? (self_weight * xi + PeerSums<Real>::total(acc.near_trust)) / weight
                          : xi;
}

// λ·a + (1 − λ)·[(1 − pull)·x + pull·m − push], pull = μ·s, push the
// repulsion (0 when off); before clamping. The stubborn hold to their anchor
// against every social force, the push from far peers as much as the pull of
// near ones.
template <class Real>
inline Real anchored_update(Real lambda, Real anchor, Real pull, Real xi, Real mean,
                            Real push = Real(0)) {
  return lambda * anchor + (Real(1) - lambda) * ((Real(1) - pull) * xi + pull * mean - push);
}

// The push away from peers beyond ρ: repulsion_rate·s·Σ push / Σ all (0 without peers).
template <class Real>
inline Real repulsion(Real repulsion_rate, Real s, const PeerSums<Real>& acc) {
  const Real all = PeerSums<Real>::total(acc.all_weight);
  return all > Real(0) ? repulsion_rate * s * PeerSums<Real>::total(acc.push) / all : Real(0);
}

}  // namespace detente::rules::detail
