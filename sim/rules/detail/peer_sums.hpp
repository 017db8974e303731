#pragma once
// The inner loop of social influence: sums over one slice of an agent's CSR
// row. This is the hot loop of the whole simulator (design §6), so:
//  - it works on fixed-width lane vectors (GCC/Clang vector extensions, which
//    lower to whatever SIMD the target has), so the arithmetic is SIMD even at
//    -O2 and without -march;
//  - it has no branch: the bounded-confidence and repulsion tests are lane
//    masks ANDed into the terms (a scalar `?:` compiles to an unpredictable
//    jump on random trust values and costs more than the arithmetic);
//  - the summation order is fixed in the source (lane l takes peers l, l+L,
//    …; lanes are combined pairwise), so the result is the same for every
//    compiler, flag and thread count — no -ffast-math needed;
//  - edge weights, speaker weights and repulsion are compile-time switches, so
//    the common unweighted case reads 4 bytes of index and 4 of trust per edge
//    and nothing else.
#include <cstddef>
#include <cstdint>

#include "core/network.hpp"

namespace detente::rules::detail {

// 16-byte lane vectors (4 floats or 2 doubles) and the matching masks: the
// width every x86-64 and AArch64 target has in registers. Wider generic
// vectors would live in memory on a baseline x86-64 build.
template <class Real>
struct Lanes;
template <>
struct Lanes<float> {
  using Value = float __attribute__((vector_size(16)));
  using Lane = std::int32_t;
  using Mask = Lane __attribute__((vector_size(16)));
  static constexpr std::size_t count = 4;
};
template <>
struct Lanes<double> {
  using Value = double __attribute__((vector_size(16)));
  using Lane = std::int64_t;
  using Mask = Lane __attribute__((vector_size(16)));
  static constexpr std::size_t count = 2;
};

struct PeerSwitches {
  bool edge_weights;     // SocialNetwork::weights present
  bool speaker_weights;  // speaker_weight present (ambassadors)
  bool repulsion;        // ρ set
};

// Read-only inputs of one agent's gather toward one out-group.
template <class Real>
struct PeerInputs {
  const Real* trust = nullptr;            // trust[h], every agent
  const AgentId* neighbours = nullptr;    // SocialNetwork::neighbours
  const double* edge_weight = nullptr;    // SocialNetwork::weights, or null
  const float* speaker_weight = nullptr;  // per agent, or null
  Real self = 0;                          // x_i
  Real confidence = 0;                    // ε (infinity when unbounded)
  Real repulsion_threshold = 0;           // ρ
};

template <class Real>
struct PeerSums {
  using V = typename Lanes<Real>::Value;
  V near_weight = {};  // Σ w_ij over |x_j − x_i| ≤ ε
  V near_trust = {};   // Σ w_ij·x_j over the same
  V all_weight = {};   // Σ w_ij over every peer (repulsion only)
  V push = {};         // Σ w_ij·(x_j − x_i) over |x_j − x_i| > ρ

  // A lane vector's total, combined pairwise in a fixed order.
  static Real total(const V& v) {
    if constexpr (Lanes<Real>::count == 4) {
      return (v[0] + v[2]) + (v[1] + v[3]);
    } else {
      return v[0] + v[1];
    }
  }
};

// The lane vector {values[idx[0]], …, values[idx[n−1]]}: written as one
// initialiser so the compiler assembles it in registers (element-by-element
// stores would go through memory and stall on store forwarding).
template <class Real, class Index, class Source>
inline typename Lanes<Real>::Value gather(const Source* values, const Index* idx) {
  using V = typename Lanes<Real>::Value;
  if constexpr (Lanes<Real>::count == 4) {
    return V{static_cast<Real>(values[idx[0]]), static_cast<Real>(values[idx[1]]),
             static_cast<Real>(values[idx[2]]), static_cast<Real>(values[idx[3]])};
  } else {
    return V{static_cast<Real>(values[idx[0]]), static_cast<Real>(values[idx[1]])};
  }
}

// The lane vector {values[0], …, values[n−1]}.
template <class Real, class Source>
inline typename Lanes<Real>::Value load(const Source* values) {
  using V = typename Lanes<Real>::Value;
  if constexpr (Lanes<Real>::count == 4) {
    return V{static_cast<Real>(values[0]), static_cast<Real>(values[1]),
             static_cast<Real>(values[2]), static_cast<Real>(values[3])};
  } else {
    return V{static_cast<Real>(values[0]), static_cast<Real>(values[1])};
  }
}

// Adds one chunk of Lanes::count peers: neighbour ids `idx`, their edge
// weights `edge_weight` (when kEdgeWeights); `valid` masks off padding lanes.
template <class Real, bool kEdgeWeights, bool kSpeakerWeights, bool kRepulsion, bool kPadded>
inline void add_chunk(const PeerInputs<Real>& in, const AgentId* idx, const double* edge_weight,
                      typename Lanes<Real>::Mask valid, PeerSums<Real>& acc) {
  using V = typename Lanes<Real>::Value;
  using M = typename Lanes<Real>::Mask;
  const V xj = gather<Real>(in.trust, idx);
  const V d = xj - in.self;
  const V minus_d = -d;
  M near = (d <= in.confidence) & (minus_d <= in.confidence);  // |d| ≤ ε
  if constexpr (kPadded) near &= valid;
  if constexpr (kEdgeWeights || kSpeakerWeights) {
    V w = V{} + Real(1);
    if constexpr (kEdgeWeights) w *= load<Real>(edge_weight);
    if constexpr (kSpeakerWeights) w *= gather<Real>(in.speaker_weight, idx);
    if constexpr (kPadded) w = (V)((M)w & valid);
    acc.near_weight += (V)(near & (M)w);
    acc.near_trust += (V)(near & (M)(w * xj));
    if constexpr (kRepulsion) {
      const M far = (d > in.repulsion_threshold) | (minus_d > in.repulsion_threshold);  // |d| > ρ
      acc.all_weight += w;
      acc.push += (V)(far & (M)(w * d));
    }
  } else {
    const V one = V{} + Real(1);
    acc.near_weight += (V)(near & (M)one);
    acc.near_trust += (V)(near & (M)xj);
    if constexpr (kRepulsion) {
      M far = (d > in.repulsion_threshold) | (minus_d > in.repulsion_threshold);  // |d| > ρ
      if constexpr (kPadded) far &= valid;
      acc.all_weight += (V)(valid & (M)one);
      acc.push += (V)(far & (M)d);
    }
  }
}

// Adds the peers neighbours[begin, end): whole chunks, then the remainder as
// one chunk padded with copies of the last peer whose lanes are masked off.
template <class Real, bool kEdgeWeights, bool kSpeakerWeights, bool kRepulsion>
inline void gather_peers(const PeerInputs<Real>& in, std::uint64_t begin, std::uint64_t end,
                         PeerSums<Real>& acc) {
  using M = typename Lanes<Real>::Mask;
  constexpr std::size_t n = Lanes<Real>::count;
  const M all = M{} - 1;
  std::uint64_t k = begin;
  for (; k + n <= end; k += n) {
    add_chunk<Real, kEdgeWeights, kSpeakerWeights, kRepulsion, false>(
        in, in.neighbours + k, kEdgeWeights ? in.edge_weight + k : nullptr, all, acc);
  }
  if (k == end) return;
  AgentId idx[n];
  double weight[n];
  for (std::size_t l = 0; l < n; ++l) {
    const std::uint64_t at = k + l < end ? k + l : end - 1;
    idx[l] = in.neighbours[at];
    weight[l] = kEdgeWeights ? in.edge_weight[at] : 1.0;
  }
  // Lane l is valid when l < end − k; computed as a vector compare, since a
  // mask assembled lane by lane in memory would stall on store forwarding.
  using Lane = typename Lanes<Real>::Lane;
  M lane = {};
  for (std::size_t l = 0; l < n; ++l)
    lane[l] = static_cast<Lane>(l);
  const M valid = lane < static_cast<Lane>(end - k);
  add_chunk<Real, kEdgeWeights, kSpeakerWeights, kRepulsion, true>(in, idx, weight, valid, acc);
}

}  // namespace detente::rules::detail
