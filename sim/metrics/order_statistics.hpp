#pragma once
// Order statistics and percentiles (internal to the metrics module).
//
// Percentiles follow numpy's default 'linear' method (Hyndman–Fan type 7):
// the q-th percentile of n sorted values sits at h = q·(n − 1) and interpolates
// between x_(⌊h⌋) and x_(⌊h⌋+1). The interpolation is numpy's own `_lerp`, which
// computes from the nearer end so that t = 1 returns b exactly.
#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>
#include <vector>

namespace detente::metrics::detail {

// Where the q-th quantile (q in [0,1]) of n > 0 values lies: between order
// statistics `low` and low + 1, at fraction `frac` (frac = 0: exactly at low).
struct QuantilePosition {
  std::size_t low = 0;
  double frac = 0.0;
};

inline QuantilePosition quantile_position(std::size_t n, double q) {
  assert(n > 0);
  const double h = q * static_cast<double>(n - 1);
  const double low = std::floor(h);
  if (low >= static_cast<double>(n - 1)) return {n - 1, 0.0};
  if (low <= 0.0) return {0, h};
  return {static_cast<std::size_t>(low), h - low};
}

inline double lerp_numpy(double a, double b, double t) {
  const double diff = b - a;
  return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

// Finds several order statistics of one array by successive selection: each
// request partitions only what lies above the previous one, so asking for
// p10, the median and p90 together costs little more than one selection.
// Requests must come with non-decreasing ranks; the array is reordered.
template <class T>
class OrderStatistics {
 public:
  explicit OrderStatistics(std::span<T> values) : values_(values) {}

  // The k-th smallest value (k = 0 is the minimum).
  T operator()(std::size_t k) {
    assert(k < values_.size());
    if (k + 1 == start_) return values_[k];
    assert(k >= start_);
    const auto first = values_.begin() + static_cast<std::ptrdiff_t>(start_);
    const auto nth = values_.begin() + static_cast<std::ptrdiff_t>(k);
    if (nth == first) {
      std::iter_swap(first, std::min_element(first, values_.end()));
    } else {
      std::nth_element(first, nth, values_.end());
    }
    start_ = k + 1;
    return values_[k];
  }

 private:
  std::span<T> values_;
  std::size_t start_ = 0;  // [0, start_) is settled: every value there is ≤ those above
};

// An unsigned integer that orders like the value: a < b ⇔ order_key(a) < order_key(b)
// for all non-NaN a, b (−0 sorts just below +0).
template <class Real>
auto order_key(Real x) {
  static_assert(sizeof(Real) == 4 || sizeof(Real) == 8);
  using Key = std::conditional_t<sizeof(Real) == 4, std::uint32_t, std::uint64_t>;
  constexpr Key kSign = Key{1} << (8 * sizeof(Key) - 1);
  const Key bits = std::bit_cast<Key>(x);
  return (bits & kSign) != 0 ? static_cast<Key>(~bits) : static_cast<Key>(bits | kSign);
}

inline constexpr std::size_t kSmallSelection = 4096;  // below this, plain selection
inline constexpr int kRadixBits = 12;

// Writes the order statistics of the given ranks (ascending, each < size) of
// `values` to out[0 .. ranks.size()), reordering `values`.
//
// Large arrays are narrowed by radix selection on order_key: a histogram of the
// next 12 key bits below the common prefix tells which digit holds each rank,
// and only those values are kept. Each level shrinks the key range 4096-fold,
// so a few linear passes replace repeated partitioning even when the values
// crowd into a narrow interval or repeat many times.
template <class Real>
void select_ranks(std::span<Real> values, std::span<const std::size_t> ranks, std::span<Real> out) {
  assert(out.size() >= ranks.size());
  if (values.size() <= kSmallSelection) {
    OrderStatistics<Real> select(values);
    for (std::size_t r = 0; r < ranks.size(); ++r)
      out[r] = select(ranks[r]);
    return;
  }
  using Key = decltype(order_key(values[0]));
  Key lo = order_key(values[0]), hi = lo;
  for (const Real x : values) {
    const Key k = order_key(x);
    lo = std::min(lo, k);
    hi = std::max(hi, k);
  }
  if (lo == hi) {
    std::fill(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(ranks.size()), values[0]);
    return;
  }
  const int shift =
      std::max(0, static_cast<int>(std::bit_width(static_cast<Key>(hi - lo))) - kRadixBits);
  const auto digit = [&](Real x) {
    return static_cast<std::size_t>(static_cast<Key>(order_key(x) - lo) >> shift);
  };
  std::vector<std::size_t> count(std::size_t{1} << kRadixBits, 0);
  for (const Real x : values)
    ++count[digit(x)];

  // Which digit holds each rank, and how many values lie in lower digits.
  std::vector<std::size_t> rank_digit(ranks.size()), below_digit(ranks.size());
  std::size_t below = 0, r = 0;
  for (std::size_t d = 0; d < count.size() && r < ranks.size(); ++d) {
    for (; r < ranks.size() && ranks[r] < below + count[d]; ++r) {
      rank_digit[r] = d;
      below_digit[r] = below;
    }
    below += count[d];
  }
  // Keep the values of the wanted digits in one pass, then select within each.
  std::vector<int> slot_of_digit(count.size(), -1);
  std::vector<std::vector<Real>> kept;
  for (const std::size_t d : rank_digit) {
    if (slot_of_digit[d] >= 0) continue;
    slot_of_digit[d] = static_cast<int>(kept.size());
    kept.emplace_back().reserve(count[d]);
  }
  for (const Real x : values)
    if (const int s = slot_of_digit[digit(x)]; s >= 0)
      kept[static_cast<std::size_t>(s)].push_back(x);
  // Ranks in one digit are adjacent, since ranks ascend.
  for (std::size_t first = 0; first < ranks.size();) {
    std::size_t last = first;
    std::vector<std::size_t> local;
    for (; last < ranks.size() && rank_digit[last] == rank_digit[first]; ++last)
      local.push_back(ranks[last] - below_digit[first]);
    select_ranks<Real>(kept[static_cast<std::size_t>(slot_of_digit[rank_digit[first]])], local,
                       out.subspan(first, last - first));
    first = last;
  }
}

}  // namespace detente::metrics::detail
