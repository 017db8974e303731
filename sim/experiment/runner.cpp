#include "experiment/runner.hpp"

#include <tbb/global_control.h>
#include <tbb/info.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <memory>

#include "core/rng.hpp"
#include "core/version.hpp"
#include "experiment/progress.hpp"
#include "experiment/replicate.hpp"
#include "experiment/simulation.hpp"
#include "io/agents_csv.hpp"
#include "io/csv.hpp"
#include "io/json.hpp"
#include "io/output_dir.hpp"
#include "metrics/summary.hpp"
#include "scenario/load.hpp"

namespace detente {
namespace {

constexpr const char* kBaseArm = "base";

std::string host_name() {
  char buffer[256] = {};
  if (gethostname(buffer, sizeof buffer - 1) != 0) return "unknown";
  return buffer;
}

std::string utc_now_iso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

}  // namespace

RunResult run_replicates(const scenario::Scenario& scenario, const RunOptions& options) {
  const int threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(threads));
  const auto start = std::chrono::steady_clock::now();

  RunResult result;
  result.threads = threads;
  result.started_at = utc_now_iso8601();
  Progress progress(
      "run " + scenario.name,
      static_cast<std::uint64_t>(options.replicates) * static_cast<std::uint64_t>(scenario.steps),
      options.progress);
  for (int r = 0; r < options.replicates; ++r) {
    const auto replicate = static_cast<std::uint32_t>(r);
    result.replicate_seeds.push_back(replicate_seed(scenario.seed, replicate));
    ReplicateOutput out;
    run_replicate(scenario, replicate, &progress, out);
    for (auto& row : out.rows)
      result.rows.push_back({kBaseArm, r, std::move(row)});
    if (!scenario.outputs.agents.empty()) {
      result.agent_names = std::move(out.agent_names);
      result.agents.push_back({kBaseArm, r, std::move(out.agents)});
    }
  }
  progress.finish();
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
  const std::string dir = staged.path();
  io::write_timeseries_csv(dir + "/timeseries.csv", result.rows);
  io::write_summary_csv(dir + "/summary.csv", metrics::summarise(result.rows));
  if (!scenario.outputs.agents.empty())
    io::write_agents_csv(dir + "/agents.csv", result.agent_names, result.agents);
  {
    std::ofstream yaml(dir + "/scenario.yaml");
    yaml << scenario::to_yaml(scenario);
    if (!yaml) throw std::runtime_error("cannot write " + dir + "/scenario.yaml");
  }
  io::RunInfo info;
  info.version = std::string(version());
  info.git_commit = std::string(git_commit());
  info.scenario_name = scenario.name;
  info.scenario_file = scenario.source_path;
  info.host = host_name();
  info.started_at = result.started_at;
  info.command_line = command_line;
  info.seed = scenario.seed;
  info.replicate_seeds = result.replicate_seeds;
  info.threads = result.threads;
  info.wall_seconds = result.wall_seconds;
  info.steps = scenario.steps;
  info.replicates = options.replicates;
  info.arms = {kBaseArm};
  io::write_run_json(dir + "/run.json", info);
  staged.commit();
}

}  // namespace detente
