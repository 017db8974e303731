#include "metrics/trust_distribution.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <memory>

#include "metrics/order_statistics.hpp"

namespace detente::metrics::detail {
namespace {

// Values per block: big enough that a block's histogram costs little next to
// its values, small enough to spread 10^5 agents over the threads.
constexpr std::size_t kBlock = std::size_t{1} << 16;
// Histogram buckets over [0,1]. Values outside [0,1] land in the end buckets:
// still exact, only the final selection has more to sort through.
constexpr std::size_t kBuckets = 4096;
constexpr std::array<double, 3> kQuantiles = {0.1, 0.5, 0.9};  // p10, median, p90

template <class Real>
std::size_t bucket_of(Real x) {
  const double d = static_cast<double>(x);
  if (!(d > 0.0)) return 0;
  if (d >= 1.0) return kBuckets - 1;
  // Scaling by a power of two is exact, so the bucket never decreases as x grows
  // and every order statistic is found in the bucket the counts point to.
  return static_cast<std::size_t>(d * static_cast<double>(kBuckets));
}

struct Block {
  std::size_t slice = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Sums of powers of deviations from a mean.
struct Moments {
  double s2 = 0.0;
  double s3 = 0.0;
  double s4 = 0.0;
  void add(double d) {
    const double d2 = d * d;
    s2 += d2;
    s3 += d2 * d;
    s4 += d2 * d2;
  }
  void merge(const Moments& other) {
    s2 += other.s2;
    s3 += other.s3;
    s4 += other.s4;
  }
};

struct FirstPass {
  double sum = 0.0;
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  std::uint64_t trusting = 0;
  std::uint64_t hostile = 0;
  std::vector<std::uint32_t> histogram;
};

// Everything known about one set of values (a slice or the union).
struct Totals {
  std::uint64_t n = 0;
  double sum = 0.0;
  double min = std::numeric_limits<double>::infinity();
  double max = -std::numeric_limits<double>::infinity();
  std::uint64_t trusting = 0;
  std::uint64_t hostile = 0;
  std::vector<std::uint64_t> histogram = std::vector<std::uint64_t>(kBuckets, 0);
  Moments moments;

  void merge(const FirstPass& block, std::size_t count) {
    n += count;
    sum += block.sum;
    min = std::min(min, block.min);
    max = std::max(max, block.max);
    trusting += block.trusting;
    hostile += block.hostile;
    for (std::size_t b = 0; b < kBuckets; ++b)
      histogram[b] += block.histogram[b];
  }
  bool constant() const { return n > 0 && min == max; }
  double mean() const { return constant() ? min : sum / static_cast<double>(n); }
};

// Which order statistics of a set are wanted, and which buckets hold them.
// A "slot" is one such bucket; its values are gathered in the second pass.
struct SelectionPlan {
  std::vector<std::size_t> ranks;           // ascending, unique
  std::vector<std::int8_t> rank_slot;       // per rank
  std::vector<std::int8_t> slot_of_bucket;  // kBuckets entries, −1 = not gathered
  std::vector<std::uint64_t> slot_below;    // per slot: values in lower buckets
  std::vector<std::size_t> slot_bucket;     // per slot: its bucket
};

SelectionPlan make_plan(const Totals& totals) {
  SelectionPlan plan;
  plan.slot_of_bucket.assign(kBuckets, -1);
  // A constant set needs no selection: every percentile is that constant.
  if (totals.n == 0 || totals.constant()) return plan;
  for (double q : kQuantiles) {
    const auto pos = quantile_position(totals.n, q);
    plan.ranks.push_back(pos.low);
    if (pos.frac > 0.0) plan.ranks.push_back(pos.low + 1);
  }
  std::sort(plan.ranks.begin(), plan.ranks.end());
  plan.ranks.erase(std::unique(plan.ranks.begin(), plan.ranks.end()), plan.ranks.end());

  std::uint64_t below = 0;
  std::size_t r = 0;
  for (std::size_t b = 0; b < kBuckets && r < plan.ranks.size(); ++b) {
    const std::uint64_t upto = below + totals.histogram[b];
    for (; r < plan.ranks.size() && plan.ranks[r] < upto; ++r) {
      if (plan.slot_of_bucket[b] < 0) {
        plan.slot_of_bucket[b] = static_cast<std::int8_t>(plan.slot_below.size());
        plan.slot_below.push_back(below);
        plan.slot_bucket.push_back(b);
      }
      plan.rank_slot.push_back(plan.slot_of_bucket[b]);
    }
    below = upto;
  }
  return plan;
}

struct SecondPass {
  Moments own;
  Moments pooled;
};

// The values of one wanted bucket, gathered from every block of a set.
template <class Real>
struct Gathered {
  std::unique_ptr<Real[]> values;
  std::size_t size = 0;
  std::span<Real> span() { return {values.get(), size}; }
};

// Where one block writes the values of the wanted buckets, per slot. Each
// block owns a fixed range of every array (blocks in order), so the gathered
// arrays are the same whatever thread fills them.
template <class Real>
struct Cursors {
  std::vector<Real*> own;     // per slot of the slice's plan
  std::vector<Real*> pooled;  // per slot of the union's plan
};

template <class Real>
FirstPass first_pass(std::span<const Real> values, Thresholds thresholds) {
  FirstPass out;
  out.histogram.assign(kBuckets, 0);
  for (const Real x : values) {
    const double d = static_cast<double>(x);
    out.sum += d;
    out.min = std::min(out.min, d);
    out.max = std::max(out.max, d);
    out.trusting += d >= thresholds.trusting ? 1u : 0u;
    out.hostile += d <= thresholds.hostile ? 1u : 0u;
    ++out.histogram[bucket_of(x)];
  }
  return out;
}

template <class Real>
SecondPass second_pass(std::span<const Real> values, double own_mean, double pooled_mean,
                       const SelectionPlan& own_plan, const SelectionPlan& pooled_plan,
                       Cursors<Real> cursor) {
  SecondPass out;
  const std::int8_t* own_slot = own_plan.slot_of_bucket.data();
  const std::int8_t* pooled_slot = pooled_plan.slot_of_bucket.data();
  for (const Real x : values) {
    const double d = static_cast<double>(x);
    out.own.add(d - own_mean);
    out.pooled.add(d - pooled_mean);
    const std::size_t b = bucket_of(x);
    if (const int s = own_slot[b]; s >= 0) *cursor.own[s]++ = x;
    if (const int s = pooled_slot[b]; s >= 0) *cursor.pooled[s]++ = x;
  }
  return out;
}

// Percentiles and moments of one set, from its totals and gathered bucket values.
template <class Real>
DistributionStats finish(const Totals& totals, const SelectionPlan& plan,
                         std::vector<Gathered<Real>>& slot_values) {
  DistributionStats s;
  s.n = totals.n;
  s.trusting = totals.trusting;
  s.hostile = totals.hostile;
  if (totals.n == 0) return s;
  s.mean = totals.mean();
  if (totals.constant()) {
    s.median = s.p10 = s.p90 = s.mean;
    s.sd = 0.0;
    s.bimodality = 0.0;
    return s;
  }

  // Ranks held by one slot are adjacent, since ranks ascend and buckets are monotone.
  std::vector<double> at_rank(plan.ranks.size());
  for (std::size_t first = 0; first < plan.ranks.size();) {
    const auto slot = static_cast<std::size_t>(plan.rank_slot[first]);
    std::size_t last = first;
    std::vector<std::size_t> local;
    for (; last < plan.ranks.size() && plan.rank_slot[last] == plan.rank_slot[first]; ++last)
      local.push_back(static_cast<std::size_t>(plan.ranks[last] - plan.slot_below[slot]));
    std::vector<Real> found(local.size());
    select_ranks<Real>(slot_values[slot].span(), local, found);
    for (std::size_t k = first; k < last; ++k)
      at_rank[k] = static_cast<double>(found[k - first]);
    first = last;
  }
  const auto value = [&](std::size_t rank) {
    const auto it = std::lower_bound(plan.ranks.begin(), plan.ranks.end(), rank);
    return at_rank[static_cast<std::size_t>(it - plan.ranks.begin())];
  };
  const auto percentile = [&](double q) {
    const auto pos = quantile_position(totals.n, q);
    const double low = value(pos.low);
    return pos.frac > 0.0 ? lerp_numpy(low, value(pos.low + 1), pos.frac) : low;
  };
  s.p10 = percentile(kQuantiles[0]);
  s.median = percentile(kQuantiles[1]);
  s.p90 = percentile(kQuantiles[2]);

  const double n = static_cast<double>(totals.n);
  const double m2 = totals.moments.s2 / n;
  const double m3 = totals.moments.s3 / n;
  const double m4 = totals.moments.s4 / n;
  s.sd = std::sqrt(m2);
  // (γ² + 1)/κ with γ² = m3²/m2³ and κ = m4/m2², rearranged to avoid m2³.
  s.bimodality = (m2 > 0.0 && m4 > 0.0) ? (m3 * m3 / m2 + m2 * m2) / m4 : 0.0;
  return s;
}

}  // namespace

template <class Real>
std::vector<DistributionStats> describe_slices(std::span<const std::span<const Real>> slices,
                                               Thresholds thresholds) {
  const std::size_t sets = slices.size() + 1;  // the slices, then their union
  const std::size_t pooled = slices.size();

  std::vector<Block> blocks;
  for (std::size_t k = 0; k < slices.size(); ++k)
    for (std::size_t begin = 0; begin < slices[k].size(); begin += kBlock)
      blocks.push_back({k, begin, std::min(begin + kBlock, slices[k].size())});
  const auto block_values = [&](const Block& b) {
    return slices[b.slice].subspan(b.begin, b.end - b.begin);
  };

  // Pass 1: sums, extremes, counts, histograms; one task per block.
  std::vector<FirstPass> first(blocks.size());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks.size(), 1), [&](const auto& r) {
    for (std::size_t i = r.begin(); i != r.end(); ++i)
      first[i] = first_pass(block_values(blocks[i]), thresholds);
  });
  std::vector<Totals> totals(sets);
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const std::size_t count = blocks[i].end - blocks[i].begin;
    totals[blocks[i].slice].merge(first[i], count);
    totals[pooled].merge(first[i], count);
  }

  std::vector<SelectionPlan> plans(sets);
  for (std::size_t k = 0; k < sets; ++k)
    plans[k] = make_plan(totals[k]);

  // Room for the wanted buckets' values, and each block's place in it.
  std::vector<std::vector<Gathered<Real>>> gathered(sets);
  std::vector<std::vector<Real*>> next(sets);
  for (std::size_t k = 0; k < sets; ++k) {
    for (const std::size_t bucket : plans[k].slot_bucket) {
      const auto size = static_cast<std::size_t>(totals[k].histogram[bucket]);
      gathered[k].push_back({std::make_unique_for_overwrite<Real[]>(size), size});
      next[k].push_back(gathered[k].back().values.get());
    }
  }
  std::vector<Cursors<Real>> cursors(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    for (const std::size_t k : {blocks[i].slice, pooled}) {
      auto& cursor = k == pooled ? cursors[i].pooled : cursors[i].own;
      for (std::size_t s = 0; s < next[k].size(); ++s) {
        cursor.push_back(next[k][s]);
        next[k][s] += first[i].histogram[plans[k].slot_bucket[s]];
      }
    }
  }
  first.clear();

  // Pass 2: central moments about the means, and the wanted buckets' values.
  std::vector<SecondPass> second(blocks.size());
  const double pooled_mean = totals[pooled].n > 0 ? totals[pooled].mean() : 0.0;
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks.size(), 1), [&](const auto& r) {
    for (std::size_t i = r.begin(); i != r.end(); ++i) {
      const std::size_t k = blocks[i].slice;
      second[i] = second_pass(block_values(blocks[i]), totals[k].mean(), pooled_mean, plans[k],
                              plans[pooled], cursors[i]);
    }
  });
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    totals[blocks[i].slice].moments.merge(second[i].own);
    totals[pooled].moments.merge(second[i].pooled);
  }

  // Selection within the gathered buckets: one task per set.
  std::vector<DistributionStats> out(sets);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, sets, 1), [&](const auto& r) {
    for (std::size_t k = r.begin(); k != r.end(); ++k)
      out[k] = finish(totals[k], plans[k], gathered[k]);
  });
  return out;
}

template std::vector<DistributionStats> describe_slices<float>(
    std::span<const std::span<const float>>, Thresholds);
template std::vector<DistributionStats> describe_slices<double>(
    std::span<const std::span<const double>>, Thresholds);

}  // namespace detente::metrics::detail
