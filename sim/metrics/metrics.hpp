#pragma once
// Outcome indicators of one step (design §2.5), appended as tidy rows.
//
//   metrics::MetricInput<float> input;
//   input.population = &population;
//   input.outputs = &scenario.outputs;
//   input.positive_ties = summary.positive_ties;   // rules::TieSummary
//   input.any_ties = summary.any_ties;
//   input.ties = &ties;
//   input.positive_tie_threshold = scenario.dynamics.contact.positive_tie;
//   input.backlash_per_group = backlash;           // cumulative, one per group
//   input.good_verdicts = good; input.bad_verdicts = bad;  // likewise
//   metrics::record_metrics(input, step, rows);
//
// Subjects: "g->h" is the trust of g's members toward group h (pair_subject);
// a group name is that group's members; "all" pools everything (for the trust
// metrics: every directed pair's values together).
//
// Rows are appended in this fixed order, metric by metric, subject by subject:
// (names, units and meanings: metric_table.hpp)
//  1. each of kTrustMetrics, for every directed pair g->h (g in group order,
//     then h in group order, h != g), then "all":
//       mean, median, p10, p90, sd     of trust (sd over the population, ÷n)
//       trusting_share                 share with x >= outputs.trusting_threshold
//       hostile_share                  share with x <= outputs.hostile_threshold
//       bimodality                     Sarle's b = (γ² + 1)/κ from population
//                                      moments (uniform 5/9, two-point 1; 0 if sd = 0)
//  2. gap / all — |mean(g0->g1) − mean(g1->g0)|, only when there are two groups.
//  3. political_space / all — min over groups g of the trusting share of g's
//     members toward all out-groups pooled.
//  3b. perceived_norm — only while people hold perceived norms (dynamics.norms):
//     for every directed pair g->h, then "all", the mean over g's members of
//     the trust toward h they believe g holds.
//  4. for every group, then "all":
//       cross_tie_share     share of agents with at least one cross-group tie
//       positive_tie_share  share of agents with at least one positive tie
//       backlash_events     cumulative backlash events (all = sum over groups)
//       positive_meeting_share  share of the group's own verdicts on its meetings
//                           across groups so far that were good (NaN before any)
//  5. cross_ties / all (number of cross-group ties), positive_cross_ties / all
//     (ties with strength >= positive_tie_threshold).
//
// Percentiles interpolate linearly between order statistics: with the values
// sorted, x_(0) ≤ … ≤ x_(n−1), h = q·(n − 1), p_q = x_(⌊h⌋) + (h − ⌊h⌋)·(x_(⌊h⌋+1) − x_(⌊h⌋)),
// which is numpy's default method ('linear', Hyndman–Fan type 7), evaluated in
// double. Comparisons with thresholds use the stored value widened to double.
// A statistic of an empty set (a group with no members) is NaN.
//
// Every value is bitwise identical at any thread count: the work is split into
// blocks fixed by the data sizes alone and partial sums are combined in block order.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/network.hpp"
#include "core/population.hpp"
#include "metrics/metric_row.hpp"
#include "metrics/metric_table.hpp"
#include "scenario/scenario.hpp"

namespace detente::metrics {

inline constexpr std::string_view kAll = "all";

// The statistics of trust recorded for every pair, in recording order
// (names and meanings in metric_table.hpp).
inline constexpr std::array<Metric, 8> kTrustMetrics = {
    Metric::mean, Metric::median,         Metric::p10,           Metric::p90,
    Metric::sd,   Metric::trusting_share, Metric::hostile_share, Metric::bimodality};

// The subject naming the trust of `from`'s members toward group `to`: "from->to".
std::string pair_subject(std::string_view from, std::string_view to);

// What the metrics read. Pointers must outlive the call; the spans are per agent
// (size N) except backlash_per_group and the verdicts (size G, or empty when
// nothing is counted).
template <class Real>
struct MetricInput {
  const Population<Real>* population = nullptr;
  const scenario::Outputs* outputs = nullptr;
  std::span<const std::uint16_t> positive_ties;  // per agent: ties with strength >= threshold
  std::span<const std::uint16_t> any_ties;       // per agent: all cross-group ties
  const CrossTies* ties = nullptr;               // nullptr: there are no cross-group ties
  double positive_tie_threshold = 0.6;
  std::span<const std::uint64_t> backlash_per_group;  // cumulative
  std::span<const std::uint64_t> good_verdicts;       // per group, cumulative
  std::span<const std::uint64_t> bad_verdicts;        // per group, cumulative
};

// Appends this step's rows to `out` in the order above. Throws
// std::invalid_argument when the input is inconsistent (a programming error).
template <class Real>
void record_metrics(const MetricInput<Real>& input, std::int64_t step, std::vector<MetricRow>& out);

extern template void record_metrics<float>(const MetricInput<float>&, std::int64_t,
                                           std::vector<MetricRow>&);
extern template void record_metrics<double>(const MetricInput<double>&, std::int64_t,
                                            std::vector<MetricRow>&);

}  // namespace detente::metrics
