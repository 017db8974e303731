#include "experiment/runner.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <memory>

#include "core/rng.hpp"
#include "core/timestamp.hpp"
#include "core/version.hpp"
#include "engine/simulation.hpp"
#include "experiment/progress.hpp"
#include "experiment/provenance.hpp"
#include "experiment/replicate.hpp"
#include "io/agents_csv.hpp"
#include "io/csv.hpp"
#include "io/edges_csv.hpp"
#include "io/json.hpp"
#include "io/output_dir.hpp"
#include "metrics/summary.hpp"
#include "scenario/load.hpp"

namespace detente {

std::vector<std::string> selected_arms(const scenario::Scenario& scenario,
                                       const RunOptions& options) {
  for (const std::string& name : options.arms)
    scenario::resolve_arm(scenario, name);  // refuses an unknown name
  std::vector<std::string> arms;
  for (const std::string& name : scenario::arm_names(scenario))
    if (name == "base" || options.arms.empty() ||
        std::find(options.arms.begin(), options.arms.end(), name) != options.arms.end())
      arms.push_back(name);
  return arms;
}

RunResult run_replicates(const scenario::Scenario& scenario, const RunOptions& options) {
  SingleProcess here;
  return run_replicates(scenario, options, here);
}

RunResult run_replicates(const scenario::Scenario& scenario, const RunOptions& options,
                         Cluster& cluster) {
  const ThreadLimit limit(options.threads);
  const auto start = std::chrono::steady_clock::now();

  RunResult result;
  result.threads = limit.threads();
  result.started_at = utc_now();
  result.arms = selected_arms(scenario, options);
  // Replicate r of every arm uses the streams of (seed, r): common random
  // numbers, so arms differ by their policy only.
  std::vector<scenario::Scenario> worlds;
  worlds.reserve(result.arms.size());
  for (const std::string& arm : result.arms)
    worlds.push_back(scenario::resolve_arm(scenario, arm));
  std::vector<RunSpec> runs;
  for (std::size_t a = 0; a < result.arms.size(); ++a)
    for (int r = 0; r < options.replicates; ++r)
      runs.push_back({0, result.arms[a], r, &worlds[a]});
  for (int r = 0; r < options.replicates; ++r)
    result.replicate_seeds.push_back(replicate_seed(scenario.seed, static_cast<std::uint32_t>(r)));
  Progress progress("run " + scenario.name,
                    (runs.size() + static_cast<std::size_t>(cluster.size()) - 1 -
                     static_cast<std::size_t>(cluster.rank())) /
                        static_cast<std::size_t>(cluster.size()),
                    options.progress && cluster.is_root());
  auto outputs = execute_runs(runs, cluster, progress);
  progress.finish();
  for (std::size_t k = 0; k < outputs.size(); ++k) {
    const RunSpec& run = runs[k];
    for (auto& row : outputs[k].rows)
      result.rows.push_back({run.arm, run.replicate, std::move(row)});
    result.events.push_back({run.arm, run.replicate, std::move(outputs[k].events)});
    if (!scenario.outputs.network.empty())
      result.edges.push_back({run.arm, run.replicate, std::move(outputs[k].edges),
                              std::move(outputs[k].nodes), outputs[k].directed});
    if (!scenario.outputs.agents.empty() || scenario.outputs.graphml) {
      result.agent_names = std::move(outputs[k].agent_names);
      if (!scenario.outputs.agents.empty())
        result.agents.push_back({run.arm, run.replicate, std::move(outputs[k].agents)});
    }
  }
  result.wall_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

std::string default_output_directory(const scenario::Scenario& scenario) {
  return "results/" + scenario.name;
}

void write_results(const std::string& directory, const scenario::Scenario& scenario,
                   const RunOptions& options, const RunResult& result,
                   const std::string& command_line) {
  io::StagedOutput staged(directory);
  write_results(staged, scenario, options, result, command_line);
}

void write_results(io::StagedOutput& staged, const scenario::Scenario& scenario,
                   const RunOptions& options, const RunResult& result,
                   const std::string& command_line) {
  const std::string dir = staged.path();
  io::write_timeseries_csv(dir + "/timeseries.csv", result.rows);
  io::write_summary_csv(dir + "/summary.csv", metrics::summarise(result.rows));
  io::write_events_csv(dir + "/events.csv", result.events);
  if (!scenario.outputs.agents.empty())
    io::write_agents_csv(dir + "/agents.csv", result.agent_names, result.agents);
  if (!scenario.outputs.network.empty()) io::write_edges_csv(dir + "/edges.csv", result.edges);
  if (scenario.outputs.graphml)
    io::write_graphml(dir + "/network.graphml", result.agent_names, result.edges);
  {
    std::ofstream yaml(dir + "/scenario.yaml");
    yaml << scenario::to_yaml(scenario);
    if (!yaml) throw std::runtime_error("cannot write " + dir + "/scenario.yaml");
  }
  auto info = run_info(scenario, "run", command_line);
  info.started_at = result.started_at;
  info.replicate_seeds = result.replicate_seeds;
  info.threads = result.threads;
  info.wall_seconds = result.wall_seconds;
  info.replicates = options.replicates;
  info.arms = result.arms;
  io::write_run_json(dir + "/run.json", info);
  staged.commit();
}

}  // namespace detente
