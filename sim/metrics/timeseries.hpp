#pragma once
// A metric row tagged with the arm and replicate that produced it: one line of
// timeseries.csv (design §4) and the input of the replicate summary.
#include <cstdint>
#include <string>

#include "metrics/metric_row.hpp"

namespace detente::metrics {

struct TimeseriesRow {
  std::string arm;
  std::int64_t replicate = 0;
  MetricRow row;
};

}  // namespace detente::metrics
