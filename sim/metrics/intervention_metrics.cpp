#include "metrics/intervention_metrics.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "metrics/metric_table.hpp"

namespace detente::metrics {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double share(std::uint64_t count, std::uint64_t n) {
  return n == 0 ? kNaN : static_cast<double>(count) / static_cast<double>(n);
}

}  // namespace

template <class Real>
void record_intervention_metrics(const InterventionMetricInput<Real>& input, std::int64_t step,
                                 std::vector<MetricRow>& out) {
  if (input.population == nullptr)
    throw std::invalid_argument("record_intervention_metrics: population must be set");
  const auto& pop = *input.population;
  const std::size_t groups = pop.groups();
  const std::size_t n = pop.size();
  const auto emit = [&](Metric metric, std::string subject, double value) {
    out.push_back({step, std::string(name(metric)), std::move(subject), value});
  };

  // 1. Trust in the convener, summed in agent order (deterministic).
  double all = 0.0;
  for (std::size_t g = 0; g < groups; ++g) {
    double sum = 0.0;
    for (std::size_t i = pop.group_begin[g]; i < pop.group_begin[g + 1]; ++i)
      sum += pop.convener_trust[i];
    all += sum;
    emit(Metric::convener_trust, pop.group_names[g],
         pop.group_size(g) == 0 ? kNaN : sum / static_cast<double>(pop.group_size(g)));
  }
  emit(Metric::convener_trust, "all", n == 0 ? kNaN : all / static_cast<double>(n));

  if (input.interventions.empty()) return;
  if (input.spending.size() != input.interventions.size() ||
      input.exposures.size() != input.interventions.size() || input.participant.size() != n ||
      input.ambassador.size() != n)
    throw std::invalid_argument(
        "record_intervention_metrics: one spending and exposure entry per intervention and one "
        "participant and ambassador flag per agent");

  // 2–3. Money and messages.
  double spent = 0.0;
  std::uint64_t reached = 0;
  for (std::size_t k = 0; k < input.interventions.size(); ++k) {
    emit(Metric::spending, input.interventions[k], input.spending[k]);
    spent += input.spending[k];
  }
  emit(Metric::spending, "all", spent);
  for (std::size_t k = 0; k < input.interventions.size(); ++k) {
    emit(Metric::exposures, input.interventions[k], static_cast<double>(input.exposures[k]));
    reached += input.exposures[k];
  }
  emit(Metric::exposures, "all", static_cast<double>(reached));

  // 4–7. Who took part.
  std::vector<std::uint64_t> participants(groups, 0), ambassadors(groups, 0);
  std::vector<std::uint64_t> roles(pop.role_names.size(), 0);
  std::uint64_t total = 0, marginalised = 0, total_ambassadors = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (input.ambassador[i] != 0) {
      ++ambassadors[pop.group[i]];
      ++total_ambassadors;
    }
    if (input.participant[i] == 0) continue;
    ++participants[pop.group[i]];
    ++total;
    marginalised += pop.marginalised[i] != 0 ? 1 : 0;
    if (pop.role[i] < roles.size()) ++roles[pop.role[i]];
  }
  for (std::size_t g = 0; g < groups; ++g)
    emit(Metric::participants, pop.group_names[g], static_cast<double>(participants[g]));
  emit(Metric::participants, "all", static_cast<double>(total));
  emit(Metric::participant_marginalised_share, "all", share(marginalised, total));
  double entropy = total == 0 ? kNaN : 0.0;
  for (const std::uint64_t count : roles)
    if (count > 0) {
      const double p = share(count, total);
      entropy -= p * std::log2(p);
    }
  emit(Metric::participant_role_entropy, "all", entropy == 0.0 ? 0.0 : entropy);
  for (std::size_t g = 0; g < groups; ++g)
    emit(Metric::ambassadors, pop.group_names[g], static_cast<double>(ambassadors[g]));
  emit(Metric::ambassadors, "all", static_cast<double>(total_ambassadors));

  // 8. The programme layer.
  emit(Metric::programme_ties, "all", static_cast<double>(input.programme_ties));
}

template void record_intervention_metrics(const InterventionMetricInput<float>&, std::int64_t,
                                          std::vector<MetricRow>&);
template void record_intervention_metrics(const InterventionMetricInput<double>&, std::int64_t,
                                          std::vector<MetricRow>&);

}  // namespace detente::metrics
