#pragma once
// Extended contact needs, for every agent i and out-group h, the share of i's
// in-group neighbours who hold a positive tie toward h. Gathering it visits
// every in-group edge every step — as costly as influence itself — although
// few agents hold a positive cross-group tie. So when the network is
// unweighted and undirected (i is j's neighbour exactly when j is i's), the
// holders scatter +1 to their neighbours instead: the work is proportional to
// the holders' degrees. The counts are integers added atomically, so the
// result does not depend on order or thread count.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <atomic>
#include <cstdint>
#include <vector>

#include "core/network.hpp"

namespace detente::rules::detail {

struct ExtendedCounts {
  bool any_holder = false;  // false: every share is 0
  bool scattered = false;   // true: count[h * n + i] holds the counts
  std::vector<std::uint32_t> count;
};

inline ExtendedCounts extended_counts(const SocialNetwork& network,
                                      const std::vector<std::uint32_t>& positive_mask,
                                      std::size_t groups) {
  ExtendedCounts out;
  std::vector<AgentId> holders;
  for (std::size_t j = 0; j < positive_mask.size(); ++j)
    if (positive_mask[j] != 0) holders.push_back(static_cast<AgentId>(j));
  out.any_holder = !holders.empty();
  const std::size_t n = positive_mask.size();
  // Scatter pays off while the holders' edges are a minority of all edges.
  if (!out.any_holder || network.weighted() || network.directed || holders.size() * 4 > n)
    return out;
  out.scattered = true;
  out.count.assign(groups * n, 0);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, holders.size(), 256),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t k = range.begin(); k != range.end(); ++k) {
                        const AgentId j = holders[k];
                        const std::uint32_t mask = positive_mask[j];
                        for (std::uint64_t e = network.peer_begin(j); e != network.peer_end(j);
                             ++e) {
                          const AgentId i = network.neighbours[e];
                          for (std::uint32_t bits = mask; bits != 0; bits &= bits - 1) {
                            const auto h = static_cast<std::size_t>(__builtin_ctz(bits));
                            std::atomic_ref<std::uint32_t>(out.count[h * n + i])
                                .fetch_add(1, std::memory_order_relaxed);
                          }
                        }
                      }
                    });
  return out;
}

}  // namespace detente::rules::detail
