// detente calibrate: the scenario's calibrate: block fitted to its targets
// by ABC-SMC (experiment/calibrate_run.hpp).
#include <iostream>
#include <limits>

#include "cli/options.hpp"
#include "core/errors.hpp"
#include "experiment/calibrate_run.hpp"
#include "experiment/progress.hpp"

namespace detente::cli {

int calibrate_command(const Arguments& args, const std::string& command_line, Cluster& cluster) {
  po::options_description options("options");
  options.add_options()  //
      ("out,o", po::value<std::string>(),
       "result folder (default results/<scenario>-calibration)")  //
      ("targets", po::value<std::string>(),
       "the targets CSV (default: the block's calibrate.targets)")  //
      ("holdout", po::value<std::string>(),
       "targets to predict, not fit: simulated at the posterior and reported in fit.csv")  //
      ("budget", po::value<std::string>(),
       "simulations in all (default: the block's calibrate.budget)")                       //
      ("resume", "continue the calibration stored in the folder's results.db")             //
      ("threads,t", po::value<int>()->default_value(0), "worker threads (0: every core)")  //
      ("seed", po::value<std::string>(), "override the scenario's seed")                   //
      ("set", po::value<std::vector<std::string>>()->composing(),
       "override a scenario value: path=value (repeatable)")  //
      ("stop-after", po::value<std::uint64_t>()->default_value(0),
       "stop after this many simulations, as an interruption would (to try --resume)")      //
      ("force", "write into --out even if it holds something other than a detente result")  //
      ("quiet,q", "no progress bar");
  add_memory_option(options);
  po::variables_map values;
  if (!parse(args, options, "usage: detente calibrate SCENARIO.yaml [options]", values)) return 0;

  CalibrateOptions calibrate;
  calibrate.resume = values.count("resume") > 0;
  calibrate.force = values.count("force") > 0;
  calibrate.threads = values["threads"].as<int>();
  calibrate.stop_after = values["stop-after"].as<std::uint64_t>();
  if (calibrate.threads < 0)
    throw InputError("--threads: expected 0 (every core) or a positive integer, got " +
                     std::to_string(calibrate.threads));
  if (values.count("targets")) calibrate.targets = values["targets"].as<std::string>();
  if (values.count("holdout")) calibrate.holdout = values["holdout"].as<std::string>();
  calibrate.progress = !values.count("quiet") && Progress::stderr_is_terminal();
  calibrate.command_line = command_line;
  const std::string file = values["scenario"].as<std::string>();
  auto overrides = scenario_overrides(values);
  // --budget is the block's key, so it is checked (and located) as the block is.
  if (values.count("budget")) {
    const auto budget = values["budget"].as<std::string>();
    overrides.push_back({"calibrate.budget", budget, "--budget " + budget});
  }
  const auto base = scenario::load_file(file, overrides);
  // Runs are reduced as they finish: what is held at once is the
  // simulations running side by side.
  check_run_memory(values, {PlannedScenario{base, "", {}}}, std::numeric_limits<double>::max(),
                   calibrate.threads, /*outputs_kept=*/false);
  calibrate.out = values.count("out") ? values["out"].as<std::string>()
                                      : "results/" + base.name + "-calibration";
  const auto result = run_calibration(file, overrides, calibrate, cluster);
  if (!cluster.is_root()) return 0;
  if (!result.written) {
    std::cerr << result.why << "; " << calibrate.out << "/results.db holds " << result.simulations
              << " simulations (continue with --resume)\n";
    return 0;
  }
  for (const auto& line : result.lines)
    std::cout << line << "\n";
  std::cout.flush();
  std::cerr << "stopped: " << result.why << "\n";
  if (!values.count("quiet"))
    std::cerr << "wrote " << calibrate.out << "/ (" << result.generations << " generations, "
              << result.simulations << " simulations, " << result.replayed
              << " read back from results.db, " << result.wall_seconds << " s)\n";
  return 0;
}

}  // namespace detente::cli
