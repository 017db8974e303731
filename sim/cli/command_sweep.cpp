// detente sweep: the scenario's sweep: block, stored in results.db, with
// sensitivity indices (experiment/sweep_run.hpp).
#include <iostream>
#include <limits>

#include "cli/options.hpp"
#include "core/errors.hpp"
#include "experiment/progress.hpp"
#include "experiment/sweep_run.hpp"

namespace detente::cli {

int sweep_command(const Arguments& args, const std::string& command_line, Cluster& cluster) {
  po::options_description options("options");
  options.add_options()                                                                         //
      ("out,o", po::value<std::string>(), "result folder (default results/<scenario>_sweep)")   //
      ("resume", "continue the sweep stored in the folder's results.db, skipping stored runs")  //
      ("replicates,r", po::value<int>()->default_value(0),
       "replicates per point (0: the sweep block's)")                                      //
      ("threads,t", po::value<int>()->default_value(0), "worker threads (0: every core)")  //
      ("seed", po::value<std::string>(), "override the scenario's seed")                   //
      ("set", po::value<std::vector<std::string>>()->composing(),
       "override a scenario value: path=value (repeatable)")  //
      ("stop-after", po::value<std::size_t>()->default_value(0),
       "stop after this many runs, as an interruption would (to try --resume)")  //
      ("store-series",
       "keep every run's time series in results.db (default: runs and summaries)")          //
      ("force", "write into --out even if it holds something other than a detente result")  //
      ("quiet,q", "no progress bar");
  add_memory_option(options);
  po::variables_map values;
  if (!parse(args, options, "usage: detente sweep SCENARIO.yaml [options]", values)) return 0;

  SweepOptions sweep;
  sweep.resume = values.count("resume") > 0;
  sweep.force = values.count("force") > 0;
  sweep.store_series = values.count("store-series") > 0;
  sweep.threads = values["threads"].as<int>();
  sweep.replicates = values["replicates"].as<int>();
  sweep.stop_after = values["stop-after"].as<std::size_t>();
  if (sweep.threads < 0)
    throw InputError("--threads: expected 0 (every core) or a positive integer, got " +
                     std::to_string(sweep.threads));
  if (sweep.replicates < 0 || sweep.replicates > kMostReplicates)
    throw InputError("--replicates: expected 0 (the sweep block's) or a positive integer up to " +
                     std::to_string(kMostReplicates) + ", got " + std::to_string(sweep.replicates));
  sweep.progress = !values.count("quiet") && Progress::stderr_is_terminal();
  sweep.command_line = command_line;
  const std::string file = values["scenario"].as<std::string>();
  const auto overrides = scenario_overrides(values);
  const auto base = scenario::load_file(file, overrides);
  // Each point's runs are stored as they finish: what is held at once is
  // the simulations running side by side, each possibly of the largest
  // point when the sweep varies a size.
  check_run_memory(values, planned_sweep_points(base, file, overrides),
                   std::numeric_limits<double>::max(), sweep.threads, /*outputs_kept=*/false);
  sweep.out =
      values.count("out") ? values["out"].as<std::string>() : "results/" + base.name + "_sweep";
  const auto result = run_sweep(file, overrides, sweep, cluster);
  if (!cluster.is_root()) return 0;
  if (result.skipped + result.executed < result.runs) {
    std::cerr << "stopped after " << result.executed << " runs; " << sweep.out
              << "/results.db holds " << result.skipped + result.executed << " of " << result.runs
              << " (continue with --resume)\n";
    return 0;
  }
  if (result.already_finished) {
    std::cerr << sweep.out << ": the sweep is finished (" << result.runs
              << " runs stored, its tables written); nothing to do\n";
    return 0;
  }
  for (const auto& line : result.sensitivity_lines)
    std::cout << line << "\n";
  for (const auto& warning : result.warnings)
    std::cerr << "warning: " << warning << "\n";
  if (!values.count("quiet"))
    std::cerr << "wrote " << sweep.out << "/ (" << result.runs << " runs, " << result.skipped
              << " already stored, " << result.wall_seconds << " s)\n";
  return 0;
}

}  // namespace detente::cli
