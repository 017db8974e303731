#pragma once
// Outcomes of the classic models (rules/classic.hpp), appended as tidy rows.
//
// Opinion models (influence, deffuant, hegselmann_krause, voter), metric by
// metric, for each group when there are two or more, then `all`:
//   mean, median, p10, p90, sd   of the opinions, as for trust (metrics.hpp)
//   clusters        the opinions sorted and split wherever two neighbours in
//                   that order differ by more than outputs.cluster_gap: the
//                   number of pieces
//   major_clusters  clusters holding more than 1% of the subject's agents
//   share_one       (voter model only) share of agents holding opinion 1
// Axelrod, subject `all`:
//   regions         cultural regions: connected components of the network
//                   whose neighbours share every trait (on the complete graph,
//                   the distinct cultures)
//   largest_region  share of the agents in the largest region
//   cultures        number of distinct cultures
// The step at which a run converged is added by the simulation
// (`converged_step` / all, engine/simulation.hpp).
//
// Every value is the same at any thread count: sorting and counting are
// exact, and the distribution statistics are those of metrics.hpp.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/network.hpp"
#include "metrics/metric_row.hpp"

namespace detente::metrics {

struct ClusterCount {
  std::uint64_t clusters = 0;
  std::uint64_t major = 0;  // holding more than 1% of the values
};

// Clusters of `sorted` (ascending) split at gaps larger than `gap`.
ClusterCount count_clusters(std::span<const double> sorted, double gap);

template <class Real>
struct OpinionInput {
  std::span<const std::string> group_names;
  std::span<const std::uint32_t> group_begin;  // G + 1 offsets
  std::span<const Real> opinion;
  double cluster_gap = 1e-3;
  bool binary = false;  // voter model: add share_one
};

template <class Real>
void record_opinion_metrics(const OpinionInput<Real>& input, std::int64_t step,
                            std::vector<MetricRow>& out);

struct CultureInput {
  std::span<const std::uint16_t> culture;  // features per agent, agent by agent
  std::size_t features = 0;
  const SocialNetwork* network = nullptr;  // nullptr: the complete graph
};

void record_culture_metrics(const CultureInput& input, std::int64_t step,
                            std::vector<MetricRow>& out);

extern template void record_opinion_metrics<float>(const OpinionInput<float>&, std::int64_t,
                                                   std::vector<MetricRow>&);
extern template void record_opinion_metrics<double>(const OpinionInput<double>&, std::int64_t,
                                                    std::vector<MetricRow>&);

}  // namespace detente::metrics
