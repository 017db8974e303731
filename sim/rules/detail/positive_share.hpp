#pragma once
// The gather of extended contact: the (weighted) share of an agent's in-group
// neighbours whose positive_mask has bit h, i.e. who hold a positive tie
// toward group h. It visits every in-group edge each step, like influence, so
// the unweighted case is an integer count with no branch (order-independent,
// hence exact whatever the compiler does with it).
#include <cstdint>

#include "core/network.hpp"

namespace detente::rules::detail {

inline double positive_share(const SocialNetwork& network, const std::uint32_t* positive_mask,
                             AgentId i, std::uint32_t h) {
  const std::uint64_t begin = network.peer_begin(i);
  const std::uint64_t end = network.peer_end(i);
  if (begin == end) return 0.0;
  const AgentId* neighbours = network.neighbours.data();
  if (!network.weighted()) {
    // Four lanes at a time (one vector shift and AND for four neighbours),
    // then the remainder; integer sums, so the order does not matter.
    using Words = std::uint32_t __attribute__((vector_size(16)));
    Words lanes = {};
    std::uint64_t k = begin;
    for (; k + 4 <= end; k += 4) {
      const Words masks = {positive_mask[neighbours[k]], positive_mask[neighbours[k + 1]],
                           positive_mask[neighbours[k + 2]], positive_mask[neighbours[k + 3]]};
      lanes += (masks >> h) & 1u;
    }
    std::uint32_t count = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
    for (; k != end; ++k)
      count += (positive_mask[neighbours[k]] >> h) & 1u;
    return static_cast<double>(count) / static_cast<double>(end - begin);
  }
  const double* weight = network.weights.data();
  double holding = 0.0;
  double total = 0.0;
  for (std::uint64_t k = begin; k != end; ++k) {
    const double bit = static_cast<double>((positive_mask[neighbours[k]] >> h) & 1u);
    holding += weight[k] * bit;
    total += weight[k];
  }
  return total > 0.0 ? holding / total : 0.0;
}

}  // namespace detente::rules::detail
