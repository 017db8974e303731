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
class Simulation;

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

// What run_replicate records of a simulation, for runners that step it
// themselves (experiment/fork.hpp): start() on the state at step 0,
// after_step() after every step, finish() when it has stopped.
class ReplicateRecorder {
 public:
  ReplicateRecorder(const scenario::Scenario& scenario, ReplicateOutput& out);
  void start(const Simulation& simulation);
  void after_step(const Simulation& simulation);
  void finish(const Simulation& simulation);
  // Whether after_step() records anything at `step` (an output or snapshot step).
  bool records(std::int64_t step) const;

 private:
  // The outputs.agents and outputs.network snapshots due at step `t`.
  void snapshot(const Simulation& simulation, std::int64_t t);

  const scenario::Scenario& scenario_;
  ReplicateOutput& out_;
  std::vector<std::int64_t> wanted_;          // outputs.agents steps, sorted
  std::vector<std::int64_t> network_wanted_;  // outputs.network steps, sorted
};

// Steps `simulation` from where it stands to the scenario's end (or until it
// converges), recording through `recorder`, and finishes the record.
void continue_replicate(Simulation& simulation, const scenario::Scenario& scenario,
                        ReplicateRecorder& recorder, Progress* progress);

// `progress` (may be null) advances by one per step, the skipped steps included.
void run_replicate(const scenario::Scenario& scenario, std::uint32_t replicate, Progress* progress,
                   ReplicateOutput& out);

}  // namespace detente
