#pragma once
// The largest move of a synchronous update, computed in parallel blocks:
// update(begin, end) writes the new values of positions [begin, end) and
// returns the largest |new − old| among them. max is exact, so the result
// does not depend on how the blocks were split among threads.
//
//   const Real change = detail::largest_change<Real>(n, kGrain, [&](auto begin, auto end) {...});
#include <tbb/blocked_range.h>
#include <tbb/parallel_reduce.h>

#include <algorithm>
#include <cstddef>

namespace detente::rules::detail {

template <class Real, class Update>
Real largest_change(std::size_t n, std::size_t grain, const Update& update) {
  return tbb::parallel_reduce(
      tbb::blocked_range<std::size_t>(0, n, grain), Real(0),
      [&](const tbb::blocked_range<std::size_t>& r, Real change) {
        return std::max(change, update(r.begin(), r.end()));
      },
      [](Real p, Real q) { return std::max(p, q); });
}

}  // namespace detente::rules::detail
