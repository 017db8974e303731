#pragma once
// Aggregation over replicates: summary.csv (design §4).
//
//   std::vector<metrics::SummaryRow> s = metrics::summarise(timeseries_rows);
//
// One row per (arm, metric, subject, step) with the mean over replicates, the
// sample sd (÷ n − 1) and a 95% confidence interval for the mean from
// Student's t: mean ± t(0.975, n − 1)·sd/√n. With one replicate sd = 0 and the
// interval collapses to the mean. p10, p50 and p90 are the replicates'
// percentiles by numpy's default linear method (order_statistics.hpp). Values are summed in
// replicate order, so the result does not depend on the order the rows arrive in.
//
// Output order: arm, metric and subject each in the order they first appear in
// the input, then step ascending.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "metrics/timeseries.hpp"

namespace detente::metrics {

struct SummaryRow {
  std::string arm;
  std::string metric;
  std::string subject;
  std::int64_t step = 0;
  double mean = 0.0;
  double sd = 0.0;
  double ci_low = 0.0;
  double ci_high = 0.0;
  std::int64_t n = 0;
  double p10 = 0.0;
  double p50 = 0.0;
  double p90 = 0.0;
};

// Throws std::invalid_argument when one (arm, replicate, metric, subject, step)
// appears twice.
std::vector<SummaryRow> summarise(std::span<const TimeseriesRow> rows);

}  // namespace detente::metrics
