#pragma once
// `detente calibrate`: fits the keys of a scenario's `calibrate:` block to
// the observed targets by ABC-SMC (calibrate_smc.hpp), each proposed
// parameter set simulated `replicates` times, spread over threads and MPI
// ranks as sweeps are (batch.hpp), every simulation stored in results.db as
// it finishes so that `resume` continues an interrupted calibration.
//
//   CalibrateOptions o;  o.out = "results/hindcast-calibration";
//   auto summary = run_calibration("scenarios/hindcast.yaml", {}, o, cluster);
//
// Everything is checked before the first run (the block, the targets, the
// folder). The folder then holds results.db, and once a generation ends the
// sampler is replayed from it on --resume: the algorithm is deterministic,
// so a resumed calibration proposes the same points, finds their runs stored
// and gives bitwise the same tables as an uninterrupted one. The tables
// (priors.csv, generations.csv, posterior.csv, particles.csv, fit.csv,
// calibrated.yaml, scenario.yaml, run.json) are staged and appear together
// at the end, run.json last.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "experiment/batch.hpp"
#include "experiment/calibrate_smc.hpp"
#include "scenario/load.hpp"

namespace detente {

struct CalibrateOptions {
  std::string out;
  std::string targets;  // overrides calibrate.targets (relative to the current folder)
  std::string holdout;  // targets simulated and reported in fit.csv, never fitted
  bool resume = false;
  bool force = false;
  int threads = 0;
  bool progress = false;
  std::uint64_t stop_after = 0;  // simulations; for tests of resume
  std::string command_line;
};

struct CalibrateSummary {
  StopReason reason = StopReason::generations;
  std::string why;
  bool written = false;           // the tables are in the folder
  std::size_t generations = 0;    // complete
  std::uint64_t simulations = 0;  // the sampler's, replayed ones included
  std::uint64_t executed = 0;     // run by this invocation (the sampler's and the fit's)
  std::uint64_t replayed = 0;     // read back from results.db
  double wall_seconds = 0.0;
  double simulation_seconds = 0.0;  // wall time spent in runs
  std::vector<std::string> lines;   // the posterior, readable, for the terminal
};

CalibrateSummary run_calibration(const std::string& file,
                                 std::span<const scenario::Override> overrides,
                                 const CalibrateOptions& options, Cluster& cluster);

}  // namespace detente
