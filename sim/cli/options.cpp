#include "cli/options.hpp"

#include <algorithm>
#include <iostream>
#include <thread>

#include "core/errors.hpp"
#include "experiment/batch.hpp"
#include "experiment/memory_estimate.hpp"

namespace detente::cli {

bool parse(const Arguments& args, const po::options_description& options, const std::string& usage,
           po::variables_map& values, bool positional_scenario) {
  po::options_description all;
  all.add(options);
  all.add_options()("help,h", "show this help");
  po::positional_options_description positional;
  if (positional_scenario) {
    all.add_options()("scenario", po::value<std::string>(), "scenario file");
    positional.add("scenario", 1);
  }
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), values);
  if (values.count("help")) {
    std::cout << usage << "\n" << options << "\n";
    return false;
  }
  po::notify(values);
  if (positional_scenario && !values.count("scenario"))
    throw InputError("missing SCENARIO: give a scenario file, e.g. scenarios/baseline.yaml");
  return true;
}

scenario::Scenario load_scenario(const po::variables_map& values) {
  return scenario::load_file(values["scenario"].as<std::string>(), scenario_overrides(values));
}

scenario::Scenario load_scenario_warning(const po::variables_map& values, bool print) {
  std::vector<std::string> warnings;
  auto scenario = scenario::load_file(values["scenario"].as<std::string>(),
                                      scenario_overrides(values), &warnings);
  if (values.count("strict") && !warnings.empty()) {
    std::string all;
    for (const auto& w : warnings)
      all += (all.empty() ? "" : "\n") + w;
    throw InputError(all + "\n(--strict: warnings are errors)");
  }
  if (print)
    for (const auto& w : warnings)
      std::cerr << "warning: " << w << "\n";
  return scenario;
}

io::Overwrite overwrite(const po::variables_map& values) {
  return values.count("force") ? io::Overwrite::anything : io::Overwrite::results_only;
}

std::vector<scenario::Override> scenario_overrides(const po::variables_map& values) {
  std::vector<scenario::Override> overrides;
  // --seed is read as text and checked like `--set seed=…`, so "-1" is
  // refused rather than wrapped round to 18446744073709551615.
  if (values.count("seed")) {
    const std::string seed = values["seed"].as<std::string>();
    overrides.push_back({"seed", seed, "--seed " + seed});
  }
  if (values.count("set"))
    for (const auto& assignment : values["set"].as<std::vector<std::string>>())
      overrides.push_back(scenario::parse_override(assignment));
  return overrides;
}

void add_memory_option(po::options_description& options) {
  options.add_options()("max-memory", po::value<std::string>(),
                        "refuse a run estimated to need more memory than this, e.g. 4G "
                        "(default: the memory available now)");
}

void check_run_memory(const po::variables_map& values, const std::vector<PlannedScenario>& planned,
                      double runs, int threads, bool outputs_kept, double arms) {
  const double cores = threads > 0
                           ? static_cast<double>(threads)
                           : static_cast<double>(std::max(1u, std::thread::hardware_concurrency()));
  std::optional<double> requested;
  if (values.count("max-memory"))
    requested = parse_memory_size(values["max-memory"].as<std::string>(), "--max-memory");
  const double held = cores * std::max(arms, 1.0) + static_cast<double>(kSharedBuildsHeld);
  check_planned_memory(planned, {runs, held, outputs_kept}, memory_limit(requested),
                       values["scenario"].as<std::string>(), scenario_overrides(values));
}

}  // namespace detente::cli
