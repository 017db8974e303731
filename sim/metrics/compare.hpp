#pragma once
// Arms against a baseline on common random numbers (compare.csv, design §4, §8).
//
// Replicate r of every arm uses the same seed, so the arms are compared pair
// by pair: d_r = arm_r − baseline_r. For each arm, metric and subject, and for
// two windows — `final` (the value at the last output step) and `average`
// (the mean over the output steps where the metric has a value; a share of
// nobody, such as participant_marginalised_share before anyone took part, is
// NaN and left out):
//   mean_difference  = mean d_r, with a 95% Student-t interval from the sd of d_r
//   points           = 100 × mean_difference for a share (percentage points)
//   per_1000         = 1000 × mean_difference for a share of the public: people
//                      per 1,000 who cross the line the share counts (trusting,
//                      hostile, with a tie)
//   person_sd        = how much people differ in the baseline, in the window:
//                      for a level of trust (mean, median, p10, p90) the
//                      baseline's `sd` of the same subject (the sd over people),
//                      averaged over replicates; for a share of the public p,
//                      √(p(1 − p)), the sd over people of "is counted"
//   standardised     = mean_difference / person_sd: the person-level
//                      standardised difference (Cohen's d against the
//                      baseline's spread of people), NaN where there is no
//                      person-level sd
//   baseline_spending, spending = each arm's mean total spending (metric
//                      `spending`, subject `all`, final step; 0 when none)
//   extra_spending   = spending − baseline_spending
//   gain_per_million = mean_difference / extra_spending × 1,000,000; NaN when
//                      the arm spends no more than the baseline
//   better           = "higher" or "lower": which way the metric is better
//   rank             = among the arms whose 95% interval lies wholly on the
//                      better side of zero (ci_low > 0 when higher is better,
//                      ci_high < 0 when lower is), 1 for the largest
//                      improvement, 2 for the next…; ties share the lower
//                      rank. 0 (no rank) for every other arm: one that is
//                      worse than the baseline, or not distinguishable from it.
//
//   auto rows = metrics::compare_arms(arms, /*baseline=*/0, {"trusting_share"});
#include <cstdint>
#include <string>
#include <utility>
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
  Scale scale = Scale::other;
  double mean_difference = 0.0, ci_low = 0.0, ci_high = 0.0;
  double points = 0.0, per_1000 = 0.0, person_sd = 0.0, standardised = 0.0;
  double baseline_spending = 0.0, spending = 0.0, extra_spending = 0.0, gain_per_million = 0.0;
  std::int64_t rank = 0, n = 0;
};

// The paired difference of equal-length samples: mean, 95% t interval, n.
struct PairedDifference {
  double mean = 0.0, ci_low = 0.0, ci_high = 0.0;
  std::int64_t n = 0;
};
PairedDifference paired_difference(const std::vector<double>& arm,
                                   const std::vector<double>& baseline);

// Whether a row's interval lies wholly on the better side of zero: the arm
// beats its baseline with 95% confidence.
bool beats_baseline(const CompareRow& row);

// Every arm but the baseline against it, for the given metrics (empty: every
// metric the runs record except `spending`). Rows: arm order, then metric and
// subject in first-seen order, then window final before average. Throws
// std::invalid_argument when arms have different replicate counts or a metric
// has no declared direction.
std::vector<CompareRow> compare_arms(const std::vector<ArmReplicates>& arms, std::size_t baseline,
                                     const std::vector<std::string>& metrics);

// A (metric, subject) pair: one outcome.
using Outcome = std::pair<std::string, std::string>;

// The outcomes a reader should see first, at most `limit`: the `declared`
// ones (a scenario's outputs.headline) that the rows hold, in their order;
// with none declared, the outcomes where the arms separate most: by the
// largest |standardised| of any arm in the final window, outcomes with an arm
// that beats or loses to the baseline with 95% confidence first.
std::vector<Outcome> headline_outcomes(const std::vector<CompareRow>& rows,
                                       const std::vector<Outcome>& declared, std::size_t limit);

}  // namespace detente::metrics
