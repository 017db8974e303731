#pragma once
// `detente sweep`: every run of a scenario's sweep, stored in results.db as it
// finishes, then the sweep's tables and sensitivity indices.
//
//   SweepOptions o;  o.out = "results/sweep_contact";  o.resume = true;
//   run_sweep("scenarios/sweep_contact.yaml", {}, o, cluster);
//
// The folder holds results.db (every run and the per-point summaries; each
// run's full time series too with `store_series`), sweep_points.csv (point,<path>…), sweep.csv
// (point,replicate,metric,subject,value for each outcome), sensitivity.csv
// (method,parameter,metric,subject,index,value,ci_low,ci_high; morris:
// mu_star|sigma|mu, sobol: S1|ST; grids and Latin hypercubes: header only),
// scenario.yaml and run.json (io/json.hpp: `command` = "sweep", the design,
// the number of points, replicates per point and their seeds; the wall time
// and command line of the invocation that finished the sweep). Runs are stored in batches, one
// transaction each; with `resume` the runs already in results.db are skipped, so an interrupted
// sweep continues where it stopped. Without it an existing sweep in the database is refused rather
// than stored twice. The time series stay in results.db while the sweep is
// under way (a resume needs them for the tables) and are dropped once the
// tables and summaries are written, unless `store_series`; resuming a
// finished sweep whose series were dropped changes nothing and says so.
#include <span>
#include <string>
#include <vector>

#include "experiment/batch.hpp"
#include "experiment/sweep.hpp"
#include "scenario/load.hpp"

namespace detente {

struct SweepOptions {
  std::string out;  // result folder
  bool resume = false;
  int threads = 0;     // 0: every core
  int replicates = 0;  // 0: the block's own
  bool progress = false;
  std::size_t stop_after = 0;  // for tests of --resume: stop after this many runs (0: never)
  std::string command_line;    // as typed, for run.json
  bool force = false;          // write into `out` even if it holds something else
  bool store_series = false;   // keep every run's time series in results.db
};

struct SweepSummary {
  std::size_t runs = 0, skipped = 0, executed = 0;
  // Every run was stored already and the tables written (its series dropped).
  bool already_finished = false;
  double wall_seconds = 0.0;
  std::vector<std::string> sensitivity_lines;  // a readable table for the terminal
  // Indices that cannot be right (sensitivity.hpp sobol_warnings), for stderr.
  std::vector<std::string> warnings;
};

SweepSummary run_sweep(const std::string& file, std::span<const scenario::Override> overrides,
                       const SweepOptions& options, Cluster& cluster);

}  // namespace detente
