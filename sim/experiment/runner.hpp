#pragma once
// Running a scenario: its replicates, the outcome time series, and the
// result folder of design §4.
//
//   detente::RunOptions options;
//   options.replicates = 5;
//   auto result = detente::run_replicates(scenario, options);
//   detente::write_results("results/baseline", scenario, options, result, "detente run …");
#include <cstdint>
#include <string>
#include <vector>

#include "experiment/batch.hpp"
#include "io/events_csv.hpp"
#include "io/output_dir.hpp"
#include "metrics/agent_rows.hpp"
#include "metrics/edge_rows.hpp"
#include "metrics/timeseries.hpp"
#include "scenario/scenario.hpp"

namespace detente {

struct RunOptions {
  int replicates = 1;
  // Arms to run besides the base (names from the scenario's `arms`); empty =
  // every arm. The base is always run. Every arm shares the base's streams.
  std::vector<std::string> arms;
  int threads = 0;        // 0: every core
  bool progress = false;  // draw a progress bar on stderr
};

struct RunResult {
  std::vector<std::string> arms;                // "base" first, then the arms run
  std::vector<metrics::TimeseriesRow> rows;     // arm, replicate, step, metric, subject, value
  std::vector<metrics::AgentSnapshots> agents;  // outputs.agents, one block per arm and replicate
  metrics::AgentNames agent_names;
  std::vector<metrics::EdgeSnapshots> edges;  // outputs.network, one block per arm and replicate
  std::vector<io::EventBlock> events;         // one block per arm and replicate, in run order
  std::vector<std::uint64_t> replicate_seeds;
  double wall_seconds = 0.0;
  std::string started_at;  // ISO 8601, UTC
  int threads = 1;
};

// Runs the base and the chosen arms, each for every replicate, in parallel
// (batch.hpp); under MPI the runs are dealt to the ranks and only rank 0's
// result holds rows. Throws InputError for an arm name the scenario does not
// declare.
RunResult run_replicates(const scenario::Scenario& scenario, const RunOptions& options);
RunResult run_replicates(const scenario::Scenario& scenario, const RunOptions& options,
                         Cluster& cluster);

// "base" and the arms `options` selects, in the scenario's order; throws
// InputError (with a did-you-mean) for a name the scenario does not declare.
std::vector<std::string> selected_arms(const scenario::Scenario& scenario,
                                       const RunOptions& options);

// Writes timeseries.csv, summary.csv, events.csv, agents.csv (when outputs.agents asks
// for snapshots), edges.csv (outputs.network) and network.graphml (outputs.graphml),
// scenario.yaml and run.json into a
// temporary sibling of `directory` and renames it into place, so a failed run
// leaves nothing half-written and an earlier result is replaced whole or not at all.
void write_results(const std::string& directory, const scenario::Scenario& scenario,
                   const RunOptions& options, const RunResult& result,
                   const std::string& command_line);
// The same into a staging folder made before the run (so an unwritable or
// refused destination is known before anything runs); commits it.
void write_results(io::StagedOutput& staged, const scenario::Scenario& scenario,
                   const RunOptions& options, const RunResult& result,
                   const std::string& command_line);

// The folder a run writes to by default: results/<scenario name>.
std::string default_output_directory(const scenario::Scenario& scenario);

}  // namespace detente
