#include "metrics/opinion_metrics.hpp"

#include <tbb/parallel_sort.h>

#include <algorithm>
#include <compare>
#include <numeric>
#include <stdexcept>
#include <string_view>

#include "metrics/metric_table.hpp"
#include "metrics/trust_distribution.hpp"

namespace detente::metrics {
namespace {

constexpr std::string_view kAll = "all";

// Union–find with path halving, for the cultural regions.
class Components {
 public:
  explicit Components(std::size_t n) : parent_(n) {
    std::iota(parent_.begin(), parent_.end(), AgentId{0});
  }
  AgentId find(AgentId x) {
    while (parent_[x] != x)
      x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void join(AgentId x, AgentId y) {
    x = find(x);
    y = find(y);
    if (x != y) parent_[std::max(x, y)] = std::min(x, y);
  }

 private:
  std::vector<AgentId> parent_;
};

}  // namespace

ClusterCount count_clusters(std::span<const double> sorted, double gap) {
  ClusterCount count;
  const double major = 0.01 * static_cast<double>(sorted.size());
  std::size_t start = 0;
  for (std::size_t k = 1; k <= sorted.size(); ++k) {
    if (k < sorted.size() && sorted[k] - sorted[k - 1] <= gap) continue;
    ++count.clusters;
    if (static_cast<double>(k - start) > major) ++count.major;
    start = k;
  }
  return count;
}

template <class Real>
void record_opinion_metrics(const OpinionInput<Real>& input, std::int64_t step,
                            std::vector<MetricRow>& out) {
  const std::size_t groups = input.group_names.size();
  if (input.group_begin.size() != groups + 1 || input.group_begin.back() != input.opinion.size())
    throw std::invalid_argument(
        "record_opinion_metrics: group_begin must have G + 1 entries "
        "ending at the number of opinions");
  // Subjects: each group when there are several, then all.
  std::vector<std::span<const Real>> slices;
  std::vector<std::string> subjects;
  if (groups >= 2) {
    for (std::size_t g = 0; g < groups; ++g) {
      slices.push_back(input.opinion.subspan(input.group_begin[g],
                                             input.group_begin[g + 1] - input.group_begin[g]));
      subjects.push_back(input.group_names[g]);
    }
  }
  std::vector<std::span<const Real>> describe = slices;
  if (describe.empty()) describe.push_back(input.opinion);
  auto stats = detail::describe_slices<Real>(describe, {});
  if (groups < 2) stats.resize(1);  // the one slice is already everything
  slices.push_back(input.opinion);
  subjects.emplace_back(kAll);

  const auto emit = [&](Metric metric, std::size_t subject, double value) {
    out.push_back({step, std::string(name(metric)), subjects[subject], value});
  };
  for (std::size_t k = 0; k < subjects.size(); ++k)
    emit(Metric::mean, k, stats[k].mean);
  for (std::size_t k = 0; k < subjects.size(); ++k)
    emit(Metric::median, k, stats[k].median);
  for (std::size_t k = 0; k < subjects.size(); ++k)
    emit(Metric::p10, k, stats[k].p10);
  for (std::size_t k = 0; k < subjects.size(); ++k)
    emit(Metric::p90, k, stats[k].p90);
  for (std::size_t k = 0; k < subjects.size(); ++k)
    emit(Metric::sd, k, stats[k].sd);

  std::vector<ClusterCount> clusters(subjects.size());
  std::vector<double> sorted;
  for (std::size_t k = 0; k < slices.size(); ++k) {
    sorted.assign(slices[k].begin(), slices[k].end());
    tbb::parallel_sort(sorted.begin(), sorted.end());
    clusters[k] = count_clusters(sorted, input.cluster_gap);
  }
  for (std::size_t k = 0; k < subjects.size(); ++k)
    emit(Metric::clusters, k, static_cast<double>(clusters[k].clusters));
  for (std::size_t k = 0; k < subjects.size(); ++k)
    emit(Metric::major_clusters, k, static_cast<double>(clusters[k].major));
  if (input.binary) {
    for (std::size_t k = 0; k < subjects.size(); ++k) {
      const auto ones =
          static_cast<double>(std::count(slices[k].begin(), slices[k].end(), static_cast<Real>(1)));
      emit(Metric::share_one, k,
           slices[k].empty() ? detail::kNaN : ones / static_cast<double>(slices[k].size()));
    }
  }
}

void record_culture_metrics(const CultureInput& input, std::int64_t step,
                            std::vector<MetricRow>& out) {
  const std::size_t f = input.features;
  if (f == 0 || input.culture.size() % f != 0)
    throw std::invalid_argument(
        "record_culture_metrics: the culture array must hold "
        "`features` traits per agent");
  const std::size_t n = input.culture.size() / f;
  const std::uint16_t* c = input.culture.data();
  const auto same = [&](AgentId x, AgentId y) {
    return std::equal(c + x * f, c + (x + 1) * f, c + y * f);
  };

  // Distinct cultures: agents sorted by culture (then id, a total order).
  std::vector<AgentId> order(n);
  std::iota(order.begin(), order.end(), AgentId{0});
  tbb::parallel_sort(order.begin(), order.end(), [&](AgentId x, AgentId y) {
    const auto cmp = std::lexicographical_compare_three_way(c + x * f, c + (x + 1) * f, c + y * f,
                                                            c + (y + 1) * f);
    return cmp < 0 || (cmp == 0 && x < y);
  });
  std::uint64_t cultures = 0;
  for (std::size_t k = 0; k < n; ++k)
    if (k == 0 || !same(order[k - 1], order[k])) ++cultures;

  // Regions: components of identical neighbours (every distinct culture on the complete graph).
  Components parts(n);
  if (input.network == nullptr) {
    for (std::size_t k = 1; k < n; ++k)
      if (same(order[k - 1], order[k])) parts.join(order[k - 1], order[k]);
  } else {
    for (AgentId i = 0; i < n; ++i)
      for (const AgentId j : input.network->row(i))
        if (same(i, j)) parts.join(i, j);
  }
  std::vector<std::uint64_t> size(n, 0);
  std::uint64_t regions = 0, largest = 0;
  for (AgentId i = 0; i < n; ++i) {
    const AgentId root = parts.find(i);
    regions += size[root]++ == 0 ? 1u : 0u;
    largest = std::max(largest, size[root]);
  }
  const std::string all(kAll);
  out.push_back({step, std::string(name(Metric::regions)), all, static_cast<double>(regions)});
  out.push_back({step, std::string(name(Metric::largest_region)), all,
                 n == 0 ? detail::kNaN : static_cast<double>(largest) / static_cast<double>(n)});
  out.push_back({step, std::string(name(Metric::cultures)), all, static_cast<double>(cultures)});
}

template void record_opinion_metrics<float>(const OpinionInput<float>&, std::int64_t,
                                            std::vector<MetricRow>&);
template void record_opinion_metrics<double>(const OpinionInput<double>&, std::int64_t,
                                             std::vector<MetricRow>&);

}  // namespace detente::metrics
