#pragma once
// One outcome value at one step: the unit every time series is made of.
#include <cstdint>
#include <string>

namespace detente::metrics {

struct MetricRow {
  std::int64_t step = 0;
  std::string metric;   // e.g. "trusting_share" (names listed in metrics/metrics.hpp)
  std::string subject;  // "north->south", a group name, or "all"
  double value = 0.0;
};

}  // namespace detente::metrics
