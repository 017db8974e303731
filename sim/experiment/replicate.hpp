#pragma once
// One replicate of a scenario from step 0 to its end: the metric rows at the
// output steps, the per-agent snapshots of outputs.agents and the ties of
// outputs.network.
//
// With stop_when: converged the run ends as soon as its classic model has
// converged. The state is then frozen, so it stands for every later step: the
// metrics are recorded at the step of convergence (with converged_step) and
// again at the last step, `steps`, so that summary.csv's final step pools every
// replicate; snapshots asked for later steps (-1 included) are taken from it.
//
//   ReplicateOutput out;
//   run_replicate(scenario, /*replicate=*/0, &progress, out);
#include <cstdint>
#include <vector>

#include "core/events.hpp"
#include "metrics/agent_rows.hpp"
#include "metrics/edge_rows.hpp"
#include "metrics/metric_row.hpp"
#include "scenario/scenario.hpp"

namespace detente {

class Progress;

struct ReplicateOutput {
  std::vector<metrics::MetricRow> rows;
  std::vector<metrics::AgentRow> agents;  // outputs.agents snapshots
  metrics::AgentNames agent_names;
  std::vector<metrics::EdgeRow> edges;  // outputs.network snapshots (trust model)
  std::vector<metrics::NodeRow> nodes;  // every agent, when outputs.graphml asks for them
  bool directed = false;                // the social network's arcs are directed
  std::vector<Event> events;            // what happened (core/events.hpp), in order
  std::int64_t last_step = 0;           // the step the run stopped at (steps unless it converged)
};

// `progress` (may be null) advances by one per step, the skipped steps included.
void run_replicate(const scenario::Scenario& scenario, std::uint32_t replicate, Progress* progress,
                   ReplicateOutput& out);

}  // namespace detente
