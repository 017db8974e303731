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

void run_replicate(const scenario::Scenario& scenario, std::uint32_t replicate, Progress* progress,
                   ReplicateOutput& out) {
  const std::int64_t steps = scenario.steps;
  const std::vector<std::int64_t> wanted = snapshot_steps(scenario.outputs.agents, steps);
  const std::vector<std::int64_t> network_wanted = snapshot_steps(scenario.outputs.network, steps);
  const auto wants = [&](std::int64_t s) {
    return std::binary_search(wanted.begin(), wanted.end(), s);
  };

  auto simulation = make_simulation(scenario, replicate);
  out.agent_names = simulation->agent_names();
  // The network's ties (trust model only: the loader refuses outputs.network
  // with a classic model).
  const TrustState* state = simulation->trust_state();
  const auto network_snapshot = [&](std::int64_t t) {
    if (state != nullptr && std::binary_search(network_wanted.begin(), network_wanted.end(), t))
      engine::snapshot_edges(*state, t, out.edges);
  };
  if (state != nullptr && scenario.outputs.graphml) engine::list_nodes(*state, out.nodes);
  if (state != nullptr) out.directed = state->network().directed;
  simulation->record(out.rows);
  if (wants(0)) simulation->snapshot(0, out.agents);
  network_snapshot(0);
  while (simulation->now() < steps && !simulation->converged()) {
    simulation->step();
    const std::int64_t t = simulation->now();
    if (is_output_step(scenario, t) || simulation->converged()) simulation->record(out.rows);
    if (wants(t)) simulation->snapshot(t, out.agents);
    network_snapshot(t);
    if (progress != nullptr) progress->advance();
  }
  out.last_step = simulation->now();
  out.events = simulation->events();
  if (out.last_step == steps) return;

  // Converged early: the frozen state stands for the steps that were skipped.
  std::vector<metrics::MetricRow> final_rows;
  simulation->record(final_rows);
  for (auto& row : final_rows) {
    row.step = steps;
    out.rows.push_back(std::move(row));
  }
  for (const std::int64_t s : wanted) {
    if (s <= out.last_step) continue;
    const std::size_t first = out.agents.size();
    simulation->snapshot(s, out.agents);
    for (std::size_t k = first; k < out.agents.size(); ++k)
      out.agents[k].step = s;
  }
  if (progress != nullptr) progress->advance(static_cast<std::uint64_t>(steps - out.last_step));
}

}  // namespace detente
