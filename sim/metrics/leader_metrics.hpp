#pragma once
// The room leaders have (dynamics.leaders, rules/leaders.hpp), appended after
// the convener's metrics while leaders are on:
//   leader_room — per group, then all: the share of the group's (leader,
//   out-group) pairs in which the group's support for compromise with that
//   out-group (its members' share trusting it, at or above
//   outputs.trusting_threshold) is at least support_needed × (1 − s), s the
//   leader's stance toward it: a dovish leader needs less support than a
//   hawkish one. With two groups, the share of the group's leaders with room.
//   "all" is the smaller side's, as political_space takes the least trusting
//   public: a compromise needs both sides' leaders.
// How it relates to political_space: political_space is the public's share
// trusting alone, the room any leader would have; leader_room asks whether
// that share is enough for the leaders a group actually has. A group with no
// seats gives NaN.
#include <cstdint>
#include <span>
#include <vector>

#include "core/population.hpp"
#include "metrics/metric_row.hpp"

namespace detente::metrics {

template <class Real>
struct LeaderMetricInput {
  const Population<Real>* population = nullptr;
  double trusting_threshold = 0.6;
  double support_needed = 0.2;
  std::size_t per_group = 0;       // seats per group
  std::span<const double> stance;  // [(g·per_group + k)·groups + h], as rules::Leadership
};

template <class Real>
void record_leader_metrics(const LeaderMetricInput<Real>& input, std::int64_t step,
                           std::vector<MetricRow>& out);

}  // namespace detente::metrics
