// detente compare: every arm of a scenario against the baseline, paired by
// replicate (experiment/compare_run.hpp).
#include <iostream>

#include "cli/options.hpp"
#include "core/errors.hpp"
#include "experiment/compare_run.hpp"
#include "experiment/progress.hpp"

namespace detente::cli {

int compare_command(const Arguments& args, const std::string& command_line, Cluster& cluster) {
  po::options_description options("options");
  options.add_options()                                                                          //
      ("out,o", po::value<std::string>(), "result folder (default results/<scenario>_compare)")  //
      ("replicates,r", po::value<int>()->default_value(10), "replicates per arm")                //
      ("metric,m", po::value<std::vector<std::string>>()->composing(),
       "a metric to compare (repeatable; default every metric)")                                 //
      ("baseline", po::value<std::string>()->default_value("base"), "the arm compared against")  //
      ("threads,t", po::value<int>()->default_value(0), "worker threads (0: every core)")        //
      ("seed", po::value<std::string>(), "override the scenario's seed")                         //
      ("set", po::value<std::vector<std::string>>()->composing(),
       "override a scenario value: path=value (repeatable)")                             //
      ("force", "replace --out even if it holds something other than a detente result")  //
      ("quiet,q", "no progress bar");
  add_memory_option(options);
  po::variables_map values;
  if (!parse(args, options, "usage: detente compare SCENARIO.yaml [options]", values)) return 0;

  CompareOptions compare;
  compare.replicates = values["replicates"].as<int>();
  compare.threads = values["threads"].as<int>();
  compare.baseline = values["baseline"].as<std::string>();
  if (values.count("metric")) compare.metrics = values["metric"].as<std::vector<std::string>>();
  if (compare.replicates > kMostReplicates)
    throw InputError("--replicates: expected at most " + std::to_string(kMostReplicates) +
                     ", got " + std::to_string(compare.replicates));
  if (compare.replicates < 2)
    throw InputError("--replicates: expected at least 2 (a paired interval needs two), got " +
                     std::to_string(compare.replicates));
  if (compare.threads < 0)
    throw InputError("--threads: expected 0 (every core) or a positive integer, got " +
                     std::to_string(compare.threads));
  compare.progress = !values.count("quiet") && Progress::stderr_is_terminal();
  compare.command_line = command_line;
  compare.force = values.count("force") > 0;
  const auto scenario = load_scenario(values);
  check_run_memory(values, scenario,
                   static_cast<double>(scenario.arms.size() + 1) * compare.replicates,
                   compare.threads);
  compare.out = values.count("out") ? values["out"].as<std::string>()
                                    : "results/" + scenario.name + "_compare";
  const auto result = run_compare(scenario_arms(scenario), compare, cluster);
  if (!cluster.is_root()) return 0;
  std::cout << compare_table(result.rows);
  if (!values.count("quiet"))
    std::cerr << "wrote " << compare.out << "/ (" << result.wall_seconds << " s)\n";
  return 0;
}

}  // namespace detente::cli
