#pragma once
// Arms against a baseline on common random numbers (compare.csv, design §4).
//
// Replicate r of every arm uses the same seed, so the arms are compared pair
// by pair: d_r = arm_r − baseline_r. For each arm, metric and subject, and for
// two windows — `final` (the value at the last output step) and `average`
// (the mean over the output steps where the metric has a value; a share of
// nobody, such as participant_marginalised_share before anyone took part, is
// NaN and left out):
//   mean_difference = mean d_r, with a 95% Student-t interval from the sd of d_r
//   glass_delta     = mean_difference / sd of the baseline's values (NaN when that sd is 0)
//   spending        = the arm's mean total spending (metric `spending`, subject
//                     `all`, final step; 0 when the run records none)
//   gain_per_million = mean_difference / spending × 1,000,000 (NaN when spending is 0)
//   better          = "higher" or "lower": which way the metric is better
//                     (metric_table.hpp)
//   rank            = 1 for the best arm within (metric, subject, window): the
//                     largest mean_difference when higher is better, the
//                     smallest when lower is; ties share the lower rank;
//                     0 when the difference is NaN (the metric has no value
//                     in some replicate of either arm)
//
//   auto rows = metrics::compare_arms(arms, /*baseline=*/0, {"trusting_share"});
#include <cstdint>
#include <string>
#include <vector>

#include "metrics/metric_row.hpp"
#include "metrics/metric_table.hpp"

namespace detente::metrics {

struct ArmReplicates {
  std::string name;
  std::vector<std::vector<MetricRow>> replicates;  // replicate r's rows, every output step
};

struct CompareRow {
  std::string arm, baseline, metric, subject, window;
  Better better = Better::higher;
  double mean_difference = 0.0, ci_low = 0.0, ci_high = 0.0, glass_delta = 0.0;
  double spending = 0.0, gain_per_million = 0.0;
  std::int64_t rank = 0, n = 0;
};

// The paired difference of equal-length samples: mean, 95% t interval, n.
struct PairedDifference {
  double mean = 0.0, ci_low = 0.0, ci_high = 0.0;
  std::int64_t n = 0;
};
PairedDifference paired_difference(const std::vector<double>& arm,
                                   const std::vector<double>& baseline);

// Glass's Δ: the mean difference in units of the baseline's sd (÷ n − 1).
double glass_delta(double mean_difference, const std::vector<double>& baseline);

// Every arm but the baseline against it, for the given metrics (empty: every
// metric the runs record except `spending`). Rows: arm order, then metric and
// subject in first-seen order, then window final before average. Throws
// std::invalid_argument when arms have different replicate counts or a metric
// has no declared direction.
std::vector<CompareRow> compare_arms(const std::vector<ArmReplicates>& arms, std::size_t baseline,
                                     const std::vector<std::string>& metrics);

}  // namespace detente::metrics
