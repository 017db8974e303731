#include "metrics/leader_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "metrics/metric_table.hpp"

namespace detente::metrics {

template <class Real>
void record_leader_metrics(const LeaderMetricInput<Real>& input, std::int64_t step,
                           std::vector<MetricRow>& out) {
  if (input.population == nullptr)
    throw std::invalid_argument("record_leader_metrics: population must be set");
  const auto& pop = *input.population;
  const std::size_t groups = pop.groups();
  if (input.stance.size() != groups * input.per_group * groups)
    throw std::invalid_argument("record_leader_metrics: stance needs groups × seats × groups");
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  const std::string metric(name(Metric::leader_room));

  // Support for compromise: the share of g's members trusting h.
  std::vector<double> support(groups * groups, kNaN);
  for (std::size_t g = 0; g < groups; ++g) {
    const std::uint32_t n = pop.group_size(g);
    for (std::size_t h = 0; h < groups; ++h) {
      if (h == g || n == 0) continue;
      std::uint64_t trusting = 0;
      for (std::uint32_t i = pop.group_begin[g]; i < pop.group_begin[g + 1]; ++i)
        trusting += static_cast<double>(pop.trust[h][i]) >= input.trusting_threshold ? 1u : 0u;
      support[g * groups + h] = static_cast<double>(trusting) / static_cast<double>(n);
    }
  }

  double smallest = groups == 0 ? kNaN : std::numeric_limits<double>::infinity();
  for (std::size_t g = 0; g < groups; ++g) {
    std::uint64_t with_room = 0, pairs = 0;
    for (std::size_t k = 0; k < input.per_group; ++k) {
      const std::size_t seat = g * input.per_group + k;
      for (std::size_t h = 0; h < groups; ++h) {
        if (h == g) continue;
        const double need = input.support_needed * (1.0 - input.stance[seat * groups + h]);
        with_room += support[g * groups + h] >= need ? 1u : 0u;
        ++pairs;
      }
    }
    const double room =
        pairs == 0 ? kNaN : static_cast<double>(with_room) / static_cast<double>(pairs);
    out.push_back({step, metric, pop.group_names[g], room});
    smallest = std::isnan(room) || std::isnan(smallest) ? kNaN : std::min(smallest, room);
  }
  out.push_back({step, metric, "all", smallest});
}

template void record_leader_metrics<float>(const LeaderMetricInput<float>&, std::int64_t,
                                           std::vector<MetricRow>&);
template void record_leader_metrics<double>(const LeaderMetricInput<double>&, std::int64_t,
                                            std::vector<MetricRow>&);

}  // namespace detente::metrics
