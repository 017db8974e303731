// detente compare: every arm of a scenario against the baseline, paired by
// replicate (experiment/compare_run.hpp).
#include <algorithm>
#include <iostream>
#include <iterator>
#include <thread>

#include "cli/options.hpp"
#include "core/errors.hpp"
#include "experiment/compare_run.hpp"
#include "experiment/compare_table.hpp"
#include "experiment/futures.hpp"
#include "experiment/futures_run.hpp"
#include "experiment/progress.hpp"
#include "experiment/robustness_table.hpp"

namespace detente::cli {

int compare_command(const Arguments& args, const std::string& command_line, Cluster& cluster) {
  po::options_description options("options");
  options.add_options()                                                                          //
      ("out,o", po::value<std::string>(), "result folder (default results/<scenario>_compare)")  //
      ("replicates,r", po::value<int>()->default_value(10), "replicates per arm")                //
      ("metric,m", po::value<std::vector<std::string>>()->composing(),
       "a metric to compare and print (repeatable); `all` prints every row (default: compare "
       "every metric, print the headline outcomes)")                                             //
      ("baseline", po::value<std::string>()->default_value("base"), "the arm compared against")  //
      ("futures", po::value<int>(),
       "also run every arm in N futures drawn from the scenario's uncertain: block and write "
       "robustness.csv, discovery.csv and futures.csv")                                    //
      ("threads,t", po::value<int>()->default_value(0), "worker threads (0: every core)")  //
      ("seed", po::value<std::string>(), "override the scenario's seed")                   //
      ("set", po::value<std::vector<std::string>>()->composing(),
       "override a scenario value: path=value (repeatable)")  //
      ("store-series",
       "keep every run's time series in results.db too (timeseries.csv has them)")       //
      ("force", "replace --out even if it holds something other than a detente result")  //
      ("quiet,q", "no progress bar");
  add_memory_option(options);
  po::variables_map values;
  if (!parse(args, options, "usage: detente compare SCENARIO.yaml [options]", values)) return 0;

  CompareOptions compare;
  compare.replicates = values["replicates"].as<int>();
  compare.threads = values["threads"].as<int>();
  compare.baseline = values["baseline"].as<std::string>();
  bool print_all = false;
  if (values.count("metric")) {
    compare.metrics = values["metric"].as<std::vector<std::string>>();
    // `all` compares and prints every metric; named metrics are printed whole.
    print_all = true;
    if (std::find(compare.metrics.begin(), compare.metrics.end(), "all") != compare.metrics.end())
      compare.metrics.clear();
  }
  if (compare.replicates > kMostReplicates)
    throw InputError("--replicates: expected at most " + std::to_string(kMostReplicates) +
                     ", got " + std::to_string(compare.replicates));
  if (compare.replicates < 2)
    throw InputError("--replicates: expected at least 2 (a paired interval needs two), got " +
                     std::to_string(compare.replicates));
  if (compare.threads < 0)
    throw InputError("--threads: expected 0 (every core) or a positive integer, got " +
                     std::to_string(compare.threads));
  if (values.count("futures")) {
    const int futures = values["futures"].as<int>();
    if (futures < 2 || static_cast<std::size_t>(futures) > kMaxFutures)
      throw InputError("--futures: expected a number of futures in [2, " +
                       std::to_string(kMaxFutures) + "], got " + std::to_string(futures));
    compare.futures = static_cast<std::size_t>(futures);
  }
  compare.store_series = values.count("store-series") > 0;
  compare.progress = !values.count("quiet") && Progress::stderr_is_terminal();
  compare.command_line = command_line;
  compare.force = values.count("force") > 0;
  // From here on: checking the request builds a world (its quantile tables
  // are computed in parallel), which --threads 1 must keep on one thread.
  const ThreadLimit limit(compare.threads);
  const auto scenario = load_scenario(values);
  // The arms, and with --futures each arm in each future when the uncertain:
  // block can change sizes. The futures run while the arms' series are held,
  // a batch of futures at a time (at most their runs or a few per thread).
  const auto names = scenario::arm_names(scenario);
  auto planned = planned_arms(scenario, names);
  const double arm_runs = static_cast<double>(names.size()) * compare.replicates;
  double runs = arm_runs;
  if (compare.futures > 0) {
    auto futures = planned_futures(scenario, names, compare.futures);
    planned.insert(planned.end(), std::make_move_iterator(futures.begin()),
                   std::make_move_iterator(futures.end()));
    const double threads =
        compare.threads > 0
            ? static_cast<double>(compare.threads)
            : static_cast<double>(std::max(1u, std::thread::hardware_concurrency()));
    const auto batch = futures_per_batch(static_cast<std::size_t>(compare.replicates),
                                         static_cast<std::size_t>(threads),
                                         static_cast<std::size_t>(cluster.size()));
    runs += std::max(
        arm_runs,
        std::min(static_cast<double>(batch), static_cast<double>(compare.futures)) * arm_runs);
  }
  check_run_memory(values, planned, runs, compare.threads, true, static_cast<double>(names.size()));
  compare.out = values.count("out") ? values["out"].as<std::string>()
                                    : "results/" + scenario.name + "_compare";
  const auto arms = scenario_arms(scenario);
  check_compare_request(arms, compare);                              // before anything runs
  if (compare.futures > 0) plan_futures(scenario, compare.futures);  // refuses a missing uncertain:
  const auto result = run_compare(arms, compare, cluster);
  if (!cluster.is_root()) return 0;
  std::vector<metrics::Outcome> shown;
  if (!print_all) {
    shown = result.headline;
    shown.resize(std::min(shown.size(), outcomes_that_fit(arms.size() - 1)));
  }
  std::cout << compare_table(result.rows, shown);
  if (compare.futures > 0) std::cout << "\n" << robustness_table(result.robustness, shown);
  if (!values.count("quiet"))
    std::cerr << "wrote " << compare.out << "/ (" << result.wall_seconds << " s)\n";
  return 0;
}

}  // namespace detente::cli
