#include "metrics/metrics.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "metrics/trust_distribution.hpp"

namespace detente::metrics {
namespace {

using detail::DistributionStats;
using detail::kNaN;

double share(std::uint64_t count, std::uint64_t n) {
  return n == 0 ? kNaN : static_cast<double>(count) / static_cast<double>(n);
}

double trust_metric(const DistributionStats& s, Metric metric) {
  switch (metric) {
    case Metric::mean:
      return s.mean;
    case Metric::median:
      return s.median;
    case Metric::p10:
      return s.p10;
    case Metric::p90:
      return s.p90;
    case Metric::sd:
      return s.sd;
    case Metric::trusting_share:
      return share(s.trusting, s.n);
    case Metric::hostile_share:
      return share(s.hostile, s.n);
    case Metric::bimodality:
      return s.bimodality;
    default:
      break;
  }
  throw std::logic_error("record_metrics: not a trust metric: " + std::string(name(metric)));
}

template <class Real>
void check_input(const MetricInput<Real>& input) {
  if (input.population == nullptr || input.outputs == nullptr)
    throw std::invalid_argument("record_metrics: population and outputs must be set");
  const auto& pop = *input.population;
  const std::size_t groups = pop.groups();
  if (pop.group_begin.size() != groups + 1 || pop.group_begin.back() != pop.size() ||
      pop.trust.size() != groups)
    throw std::invalid_argument("record_metrics: population has inconsistent group arrays");
  for (const auto& row : pop.trust)
    if (row.size() != pop.size())
      throw std::invalid_argument("record_metrics: trust arrays must have one entry per agent");
  if (input.positive_ties.size() != pop.size() || input.any_ties.size() != pop.size())
    throw std::invalid_argument(
        "record_metrics: positive_ties and any_ties need one entry "
        "per agent (" +
        std::to_string(pop.size()) + ")");
  if (!input.backlash_per_group.empty() && input.backlash_per_group.size() != groups)
    throw std::invalid_argument("record_metrics: backlash_per_group needs one entry per group");
  if (input.good_verdicts.size() != input.bad_verdicts.size() ||
      (!input.good_verdicts.empty() && input.good_verdicts.size() != groups))
    throw std::invalid_argument("record_metrics: the verdicts need one entry per group each");
}

// Per group (then all): agents with at least one cross-group tie, and with a positive one.
struct TieCounts {
  std::vector<std::uint64_t> any, positive, members;
};

template <class Real>
TieCounts count_tied_agents(const MetricInput<Real>& input) {
  const auto& pop = *input.population;
  const std::size_t groups = pop.groups();
  TieCounts c{std::vector<std::uint64_t>(groups + 1, 0), std::vector<std::uint64_t>(groups + 1, 0),
              std::vector<std::uint64_t>(groups + 1, 0)};
  // Counts are integers, so splitting the work cannot change them.
  tbb::parallel_for(std::size_t{0}, groups, [&](std::size_t g) {
    std::uint64_t any = 0, positive = 0;
    for (std::size_t i = pop.group_begin[g]; i < pop.group_begin[g + 1]; ++i) {
      any += input.any_ties[i] > 0 ? 1u : 0u;
      positive += input.positive_ties[i] > 0 ? 1u : 0u;
    }
    c.any[g] = any;
    c.positive[g] = positive;
    c.members[g] = pop.group_size(g);
  });
  for (std::size_t g = 0; g < groups; ++g) {
    c.any[groups] += c.any[g];
    c.positive[groups] += c.positive[g];
    c.members[groups] += c.members[g];
  }
  return c;
}

}  // namespace

std::string pair_subject(std::string_view from, std::string_view to) {
  std::string s;
  s.reserve(from.size() + to.size() + 2);
  s.append(from).append("->").append(to);
  return s;
}

template <class Real>
void record_metrics(const MetricInput<Real>& input, std::int64_t step,
                    std::vector<MetricRow>& out) {
  check_input(input);
  const auto& pop = *input.population;
  const auto& names = pop.group_names;
  const std::size_t groups = pop.groups();
  const auto emit = [&](Metric metric, std::string subject, double value) {
    out.push_back({step, std::string(name(metric)), std::move(subject), value});
  };

  // 1. Trust toward each out-group, pair by pair (g, then h), then pooled.
  std::vector<std::span<const Real>> slices;
  std::vector<std::string> subjects;
  std::vector<std::size_t> pair_from;
  for (std::size_t g = 0; g < groups; ++g) {
    for (std::size_t h = 0; h < groups; ++h) {
      if (h == g) continue;
      slices.push_back(
          std::span<const Real>(pop.trust[h]).subspan(pop.group_begin[g], pop.group_size(g)));
      subjects.push_back(pair_subject(names[g], names[h]));
      pair_from.push_back(g);
    }
  }
  subjects.emplace_back(kAll);
  const auto stats = detail::describe_slices<Real>(
      slices, {input.outputs->trusting_threshold, input.outputs->hostile_threshold});
  for (const Metric metric : kTrustMetrics)
    for (std::size_t k = 0; k < stats.size(); ++k)
      emit(metric, subjects[k], trust_metric(stats[k], metric));

  // 2. Asymmetry of the two directions; pairs are ordered 0->1, 1->0.
  if (groups == 2) emit(Metric::gap, std::string(kAll), std::fabs(stats[0].mean - stats[1].mean));

  // 3. Political space: the least trusting public, each pooled over its out-groups.
  double space = groups == 0 ? kNaN : std::numeric_limits<double>::infinity();
  for (std::size_t g = 0; g < groups; ++g) {
    std::uint64_t trusting = 0, n = 0;
    for (std::size_t k = 0; k < slices.size(); ++k) {
      if (pair_from[k] != g) continue;
      trusting += stats[k].trusting;
      n += stats[k].n;
    }
    const double s = share(trusting, n);
    space = std::isnan(s) || std::isnan(space) ? kNaN : std::min(space, s);
  }
  emit(Metric::political_space, std::string(kAll), space);

  // 3b. Perceived norms, pair by pair then pooled, while people hold them.
  if (!pop.perceived_norm.empty()) {
    double pooled = 0;
    std::uint64_t pooled_n = 0;
    for (std::size_t g = 0; g < groups; ++g) {
      for (std::size_t h = 0; h < groups; ++h) {
        if (h == g) continue;
        double sum = 0;
        for (std::size_t i = pop.group_begin[g]; i < pop.group_begin[g + 1]; ++i)
          sum += pop.perceived_norm[h][i];
        pooled += sum;
        pooled_n += pop.group_size(g);
        emit(Metric::perceived_norm, pair_subject(names[g], names[h]),
             pop.group_size(g) == 0 ? kNaN : sum / pop.group_size(g));
      }
    }
    emit(Metric::perceived_norm, std::string(kAll),
         pooled_n == 0 ? kNaN : pooled / static_cast<double>(pooled_n));
  }

  // 4. Per group, then all.
  const TieCounts tied = count_tied_agents(input);
  std::vector<std::string> group_subjects(names.begin(), names.end());
  group_subjects.emplace_back(kAll);
  for (std::size_t g = 0; g <= groups; ++g)
    emit(Metric::cross_tie_share, group_subjects[g], share(tied.any[g], tied.members[g]));
  for (std::size_t g = 0; g <= groups; ++g)
    emit(Metric::positive_tie_share, group_subjects[g], share(tied.positive[g], tied.members[g]));
  std::uint64_t backlash_total = 0;
  for (std::size_t g = 0; g < groups; ++g) {
    const std::uint64_t events = input.backlash_per_group.empty() ? 0 : input.backlash_per_group[g];
    backlash_total += events;
    emit(Metric::backlash_events, group_subjects[g], static_cast<double>(events));
  }
  emit(Metric::backlash_events, std::string(kAll), static_cast<double>(backlash_total));
  std::uint64_t good_total = 0, verdict_total = 0;
  for (std::size_t g = 0; g < groups; ++g) {
    const std::uint64_t good = input.good_verdicts.empty() ? 0 : input.good_verdicts[g];
    const std::uint64_t all = good + (input.bad_verdicts.empty() ? 0 : input.bad_verdicts[g]);
    good_total += good;
    verdict_total += all;
    emit(Metric::positive_meeting_share, group_subjects[g], share(good, all));
  }
  emit(Metric::positive_meeting_share, std::string(kAll), share(good_total, verdict_total));

  // 5. The cross-group ties themselves.
  std::uint64_t ties = 0, positive = 0;
  if (input.ties != nullptr) {
    ties = input.ties->size();
    for (const float strength : input.ties->strength)
      positive += static_cast<double>(strength) >= input.positive_tie_threshold ? 1u : 0u;
  }
  emit(Metric::cross_ties, std::string(kAll), static_cast<double>(ties));
  emit(Metric::positive_cross_ties, std::string(kAll), static_cast<double>(positive));
}

template void record_metrics<float>(const MetricInput<float>&, std::int64_t,
                                    std::vector<MetricRow>&);
template void record_metrics<double>(const MetricInput<double>&, std::int64_t,
                                     std::vector<MetricRow>&);

}  // namespace detente::metrics
