#pragma once
// Deterministic parallel loops over fixed blocks.
//
// Per-step totals (contact counts, backlash events) are summed per block of a
// fixed size that does not depend on the thread count, and the block partials
// are then combined in block order: the total is the same whatever thread ran
// which block. Each block is one task's output, so no locks or atomics.
//
//   detail::for_each_block(n, detail::kBlock, [&](std::size_t block, std::size_t begin,
//                                                std::size_t end) { ... });
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <cstddef>

namespace detente::rules::detail {

// Agents per block: large enough that a task amortises its scheduling, small
// enough that two threads balance on a few thousand agents.
inline constexpr std::size_t kBlock = 4096;

inline std::size_t block_count(std::size_t n, std::size_t block) {
  return (n + block - 1) / block;
}

template <class Body>
void for_each_block(std::size_t n, std::size_t block, const Body& body) {
  const std::size_t blocks = block_count(n, block);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      for (std::size_t k = r.begin(); k != r.end(); ++k) {
                        const std::size_t begin = k * block;
                        const std::size_t end = begin + block < n ? begin + block : n;
                        body(k, begin, end);
                      }
                    });
}

}  // namespace detente::rules::detail
