#include "experiment/calibrate_distance.hpp"

#include <cmath>

namespace detente {

TargetStats replicate_stats(std::span<const std::vector<double>> values) {
  const std::size_t n = values.empty() ? 0 : values[0].size();
  const auto r = static_cast<double>(values.size());
  TargetStats s{std::vector<double>(n, 0.0), std::vector<double>(n, 0.0)};
  for (const auto& run : values)
    for (std::size_t t = 0; t < n; ++t)
      s.mean[t] += run[t] / r;
  if (values.size() > 1)
    for (const auto& run : values)
      for (std::size_t t = 0; t < n; ++t)
        s.variance[t] += (run[t] - s.mean[t]) * (run[t] - s.mean[t]) / (r - 1.0);
  return s;
}

double standardised_difference(const Target& target, double mean, double variance,
                               std::size_t replicates) {
  const double scale =
      std::sqrt(target.se * target.se + variance / static_cast<double>(replicates));
  return (mean - target.value) / scale;
}

double target_distance(std::span<const Target> targets, const TargetStats& stats,
                       std::size_t replicates) {
  double sum = 0.0;
  for (std::size_t t = 0; t < targets.size(); ++t) {
    const double z =
        standardised_difference(targets[t], stats.mean[t], stats.variance[t], replicates);
    sum += z * z;
  }
  return std::sqrt(sum / static_cast<double>(targets.size()));
}

}  // namespace detente
