#pragma once
// Outcome indicators of the convener's work (design §2.5), appended after
// record_metrics' rows, in this order:
//  1. convener_trust — mean trust in the convener, per group then all
//     (always written: the convener's credibility matters with or without
//     programmes).
//  With interventions declared, also:
//  2. spending — cumulative money spent, per intervention (subject = its
//     name) then all;
//  3. exposures — cumulative agents reached by its messages, per
//     intervention then all;
//  4. participants — cumulative unique participants (exchanges, joint
//     productions, curricula, trainings), per group then all;
//  5. participant_marginalised_share / all — share of them who are marginalised;
//  6. participant_role_entropy / all — Shannon entropy of their roles, in bits
//     (0: all one role; log2(k) for k roles in equal shares);
//  7. ambassadors — per group then all;
//  8. programme_ties / all — programme-layer ties alive now.
// Empty groups and no participants give NaN shares.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/population.hpp"
#include "metrics/metric_row.hpp"

namespace detente::metrics {

template <class Real>
struct InterventionMetricInput {
  const Population<Real>* population = nullptr;
  std::span<const std::string> interventions;  // names, in declaration order; empty = none
  std::span<const double> spending;            // per intervention
  std::span<const std::uint64_t> exposures;    // per intervention
  std::span<const std::uint8_t> participant;   // per agent (empty when no interventions)
  std::span<const std::uint8_t> ambassador;    // per agent
  std::uint64_t programme_ties = 0;
};

template <class Real>
void record_intervention_metrics(const InterventionMetricInput<Real>& input, std::int64_t step,
                                 std::vector<MetricRow>& out);

}  // namespace detente::metrics
