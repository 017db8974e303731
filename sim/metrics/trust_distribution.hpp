#pragma once
// Distribution statistics of trust values (internal to the metrics module).
//
// describe_slices summarises several arrays of values and their union in two
// streaming passes, without copying or sorting them:
//  1. per block: sum, min, max, threshold counts and a histogram over fixed
//     value buckets;
//  2. per block: central moments about the (now known) means, and the values
//     of only those buckets that hold a wanted order statistic (p10, median,
//     p90 and their interpolation partners), written straight into one array per
//     wanted bucket, in which the order statistics are then selected exactly
//     (select_ranks in metrics/order_statistics.hpp).
// Blocks are fixed by the slice sizes (never by the thread count) and their
// partial results are combined in block order, so the output is bitwise
// identical whatever the number of threads.
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

namespace detente::metrics::detail {

struct Thresholds {
  double trusting = 0.6;  // counted when x >= trusting
  double hostile = 0.3;   // counted when x <= hostile
};

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Statistics of one set of values. With n = 0 every double is NaN.
struct DistributionStats {
  std::uint64_t n = 0;
  std::uint64_t trusting = 0;
  std::uint64_t hostile = 0;
  double mean = kNaN;
  double median = kNaN;
  double p10 = kNaN;
  double p90 = kNaN;
  double sd = kNaN;          // population sd (÷n)
  double bimodality = kNaN;  // Sarle's (γ² + 1)/κ; 0 when sd = 0
};

// Returns slices.size() + 1 entries: one per slice, then their union.
template <class Real>
std::vector<DistributionStats> describe_slices(std::span<const std::span<const Real>> slices,
                                               Thresholds thresholds);

extern template std::vector<DistributionStats> describe_slices<float>(
    std::span<const std::span<const float>>, Thresholds);
extern template std::vector<DistributionStats> describe_slices<double>(
    std::span<const std::span<const double>>, Thresholds);

}  // namespace detente::metrics::detail
