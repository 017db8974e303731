// detente run: run a scenario's replicates and write the result folder.
#include <iostream>
#include <optional>

#include "cli/options.hpp"
#include "core/errors.hpp"
#include "experiment/progress.hpp"
#include "experiment/runner.hpp"

namespace detente::cli {

int run_command(const Arguments& args, const std::string& command_line, Cluster& cluster) {
  po::options_description options("options");
  options.add_options()                                                                       //
      ("out,o", po::value<std::string>(), "result folder (default results/<scenario name>)")  //
      ("seed", po::value<std::string>(), "override the scenario's seed")                      //
      ("replicates,r", po::value<int>()->default_value(1), "independent replicates")          //
      ("threads,t", po::value<int>()->default_value(0), "worker threads (0: every core)")     //
      ("set", po::value<std::vector<std::string>>()->composing(),
       "override a scenario value: path=value (repeatable)")  //
      ("arm", po::value<std::vector<std::string>>()->composing(),
       "run only this arm besides the base (repeatable; default every arm)")               //
      ("strict", "treat warnings (a programme that can never run or spend, …) as errors")  //
      ("force", "replace --out even if it holds something other than a detente result")    //
      ("quiet,q", "no progress bar");
  add_memory_option(options);
  po::variables_map values;
  if (!parse(args, options, "usage: detente run SCENARIO.yaml [options]", values)) return 0;

  RunOptions run;
  run.replicates = values["replicates"].as<int>();
  run.threads = values["threads"].as<int>();
  if (run.replicates < 1 || run.replicates > kMostReplicates)
    throw InputError("--replicates: expected a positive integer up to " +
                     std::to_string(kMostReplicates) + ", got " + std::to_string(run.replicates));
  if (run.threads < 0)
    throw InputError("--threads: expected 0 (every core) or a positive integer, got " +
                     std::to_string(run.threads));
  run.progress = !values.count("quiet") && Progress::stderr_is_terminal();

  if (values.count("arm")) run.arms = values["arm"].as<std::vector<std::string>>();
  const auto scenario = load_scenario_warning(values, cluster.is_root());
  // Before anything is allocated or written: a run too large for the
  // machine is refused with its estimate.
  const auto arms = selected_arms(scenario, run);
  check_run_memory(values, planned_arms(scenario, arms),
                   static_cast<double>(arms.size()) * run.replicates, run.threads, true,
                   static_cast<double>(arms.size()));
  const std::string out =
      values.count("out") ? values["out"].as<std::string>() : default_output_directory(scenario);
  // The destination is checked (and its staging folder made) before the run,
  // so a refused or unwritable --out costs nothing.
  std::optional<io::StagedOutput> staged;
  if (cluster.is_root()) staged.emplace(out, overwrite(values));
  const auto result = run_replicates(scenario, run, cluster);
  if (!cluster.is_root()) return 0;
  write_results(*staged, scenario, run, result, command_line);
  if (!values.count("quiet"))
    std::cerr << "wrote " << out << "/ (" << result.rows.size() << " rows, " << result.wall_seconds
              << " s)\n";
  return 0;
}

}  // namespace detente::cli
