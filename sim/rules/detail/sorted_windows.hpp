#pragma once
// Bounded-confidence means on the complete graph without its edges: sort the
// opinions once per step, take prefix sums (in double), and the opinions
// within r of x_k are one slice [lo, hi) of the sorted array, found by two
// pointers that only move right as x_k grows. O(N log N) per step for what a
// gather over N² edges would do. The window test is the one of the network
// gather (rules/detail/peer_sums.hpp), −r ≤ x_j − x_k ≤ r in the state's
// precision, so the same agents count on either path.
//
//   SortedOpinions<float> sorted;
//   sorted.assign(x);
//   WindowWalker<float> near(sorted, epsilon, begin);   // one per block of positions
//   for (std::size_t k = begin; k != end; ++k) {
//     const auto [lo, hi] = near.at(k);
//     double mean = sorted.sum(lo, hi) / double(hi - lo);  // agent sorted.agent(k)
//   }
#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <cstdint>
#include <utility>
#include <vector>

#include "core/network.hpp"

namespace detente::rules::detail {

template <class Real>
class SortedOpinions {
 public:
  void assign(const std::vector<Real>& x) {
    const std::size_t n = x.size();
    sorted_.resize(n);
    tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
      sorted_[i] = {x[i], static_cast<AgentId>(i)};
    });
    // (value, agent) is a total order, so the sorted array is unique.
    tbb::parallel_sort(sorted_.begin(), sorted_.end());
    prefix_.resize(n + 1);
    prefix_[0] = 0.0;
    for (std::size_t k = 0; k < n; ++k)
      prefix_[k + 1] = prefix_[k] + static_cast<double>(sorted_[k].first);
  }

  std::size_t size() const { return sorted_.size(); }
  Real value(std::size_t k) const { return sorted_[k].first; }
  AgentId agent(std::size_t k) const { return sorted_[k].second; }
  // Σ of the sorted values at positions [lo, hi).
  double sum(std::size_t lo, std::size_t hi) const { return prefix_[hi] - prefix_[lo]; }

 private:
  std::vector<std::pair<Real, AgentId>> sorted_;
  std::vector<double> prefix_;
};

// The window of sorted positions within `radius` of position k, for k
// visited in increasing order from `first`.
template <class Real>
class WindowWalker {
 public:
  WindowWalker(const SortedOpinions<Real>& sorted, Real radius, std::size_t first)
      : sorted_(sorted), radius_(radius), hi_(first) {
    // Binary search for the first position in [0, first] not below the window.
    const Real x = sorted.value(first);
    std::size_t count = first;
    while (count > 0) {
      const std::size_t half = count / 2;
      if (below(lo_ + half, x)) {
        lo_ += half + 1;
        count -= half + 1;
      } else {
        count = half;
      }
    }
  }

  std::pair<std::size_t, std::size_t> at(std::size_t k) {
    const Real x = sorted_.value(k);
    while (below(lo_, x))
      ++lo_;
    if (hi_ < k) hi_ = k;
    while (hi_ < sorted_.size() && sorted_.value(hi_) - x <= radius_)
      ++hi_;
    return {lo_, hi_};
  }

 private:
  bool below(std::size_t j, Real x) const { return -(sorted_.value(j) - x) > radius_; }

  const SortedOpinions<Real>& sorted_;
  Real radius_;
  std::size_t lo_ = 0;
  std::size_t hi_;
};

}  // namespace detente::rules::detail
