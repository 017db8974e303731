#include "experiment/replicate.hpp"

#include <algorithm>

#include "engine/simulation.hpp"
#include "experiment/progress.hpp"

namespace detente {

void run_replicate(const scenario::Scenario& scenario, std::uint32_t replicate, Progress* progress,
                   ReplicateOutput& out) {
  const std::int64_t steps = scenario.steps;
  // The snapshot steps, -1 read as the last step.
  std::vector<std::int64_t> wanted;
  for (const std::int64_t s : scenario.outputs.agents)
    wanted.push_back(s < 0 ? steps : s);
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  const auto wants = [&](std::int64_t s) {
    return std::binary_search(wanted.begin(), wanted.end(), s);
  };

  auto simulation = make_simulation(scenario, replicate);
  out.agent_names = simulation->agent_names();
  simulation->record(out.rows);
  if (wants(0)) simulation->snapshot(0, out.agents);
  while (simulation->now() < steps && !simulation->converged()) {
    simulation->step();
    const std::int64_t t = simulation->now();
    if (is_output_step(scenario, t) || simulation->converged()) simulation->record(out.rows);
    if (wants(t)) simulation->snapshot(t, out.agents);
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
