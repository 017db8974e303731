#include "experiment/replicate.hpp"

#include <algorithm>

#include "engine/exports.hpp"
#include "engine/simulation.hpp"
#include "experiment/progress.hpp"

namespace detente {
namespace {

// Snapshot steps in order, once each, -1 read as the last step.
std::vector<std::int64_t> snapshot_steps(const std::vector<std::int64_t>& asked,
                                         std::int64_t steps) {
  std::vector<std::int64_t> out;
  for (const std::int64_t s : asked)
    out.push_back(s < 0 ? steps : s);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

ReplicateRecorder::ReplicateRecorder(const scenario::Scenario& scenario, ReplicateOutput& out)
    : scenario_(scenario),
      out_(out),
      wanted_(snapshot_steps(scenario.outputs.agents, scenario.steps)),
      network_wanted_(snapshot_steps(scenario.outputs.network, scenario.steps)) {}

bool ReplicateRecorder::records(std::int64_t step) const {
  return is_output_step(scenario_, step) ||
         std::binary_search(wanted_.begin(), wanted_.end(), step) ||
         std::binary_search(network_wanted_.begin(), network_wanted_.end(), step);
}

void ReplicateRecorder::snapshot(const Simulation& simulation, std::int64_t t) {
  if (std::binary_search(wanted_.begin(), wanted_.end(), t)) simulation.snapshot(t, out_.agents);
  // The network's ties (trust model only: the loader refuses outputs.network
  // with a classic model).
  const TrustState* state = simulation.trust_state();
  if (state != nullptr && std::binary_search(network_wanted_.begin(), network_wanted_.end(), t))
    engine::snapshot_edges(*state, t, out_.edges);
}

void ReplicateRecorder::start(const Simulation& simulation) {
  out_.agent_names = simulation.agent_names();
  if (const TrustState* state = simulation.trust_state()) {
    if (scenario_.outputs.graphml) engine::list_nodes(*state, out_.nodes);
    out_.directed = state->network().directed;
  }
  simulation.record(out_.rows);
  snapshot(simulation, 0);
}

void ReplicateRecorder::after_step(const Simulation& simulation) {
  const std::int64_t t = simulation.now();
  if (is_output_step(scenario_, t) || simulation.converged()) simulation.record(out_.rows);
  snapshot(simulation, t);
}

void ReplicateRecorder::finish(const Simulation& simulation) {
  const std::int64_t steps = scenario_.steps;
  out_.last_step = simulation.now();
  out_.events = simulation.events();
  if (out_.last_step == steps) return;

  // Converged early: the frozen state stands for the steps that were skipped.
  std::vector<metrics::MetricRow> final_rows;
  simulation.record(final_rows);
  for (auto& row : final_rows) {
    row.step = steps;
    out_.rows.push_back(std::move(row));
  }
  for (const std::int64_t s : wanted_) {
    if (s <= out_.last_step) continue;
    const std::size_t first = out_.agents.size();
    simulation.snapshot(s, out_.agents);
    for (std::size_t k = first; k < out_.agents.size(); ++k)
      out_.agents[k].step = s;
  }
}

void continue_replicate(Simulation& simulation, const scenario::Scenario& scenario,
                        ReplicateRecorder& recorder, Progress* progress) {
  while (simulation.now() < scenario.steps && !simulation.converged()) {
    simulation.step();
    recorder.after_step(simulation);
    if (progress != nullptr) progress->advance();
  }
  recorder.finish(simulation);
  if (progress != nullptr && simulation.now() < scenario.steps)
    progress->advance(static_cast<std::uint64_t>(scenario.steps - simulation.now()));
}

void run_replicate(const scenario::Scenario& scenario, std::uint32_t replicate, Progress* progress,
                   ReplicateOutput& out) {
  auto simulation = make_simulation(scenario, replicate);
  ReplicateRecorder recorder(scenario, out);
  recorder.start(*simulation);
  continue_replicate(*simulation, scenario, recorder, progress);
}

}  // namespace detente
