// detente check: validate a scenario and print it resolved, defaults filled in.
// Everything `run` would refuse before simulating is refused here too: the
// network files are read and checked, and a scenario whose one run would
// not fit in memory (of any arm) is refused with the estimate.
#include <iostream>

#include "cli/options.hpp"
#include "core/network_file.hpp"

namespace detente::cli {

int check_command(const Arguments& args) {
  po::options_description options("options");
  options.add_options()("set", po::value<std::vector<std::string>>()->composing(),
                        "override a scenario value: path=value (repeatable)")  //
      ("seed", po::value<std::string>(), "override the scenario's seed")       //
      ("strict", "treat warnings (a programme that can never run or spend, …) as errors");
  add_memory_option(options);
  po::variables_map values;
  if (!parse(args, options, "usage: detente check SCENARIO.yaml [--set path=value]... [--strict]",
             values))
    return 0;
  const auto scenario = load_scenario_warning(values);
  // One run of the largest arm must fit.
  check_run_memory(values, planned_arms(scenario, scenario::arm_names(scenario)), 1, 1);
  if (!scenario.network.file.empty()) {
    std::vector<std::string> groups;
    for (const auto& g : scenario.population.groups)
      groups.push_back(g.name);
    read_network_files(scenario.network.file, scenario.network.nodes_file, groups,
                       scenario.network.directed, scenario.network.between.strength);
  }
  std::cout << scenario::to_yaml(scenario);
  return 0;
}

}  // namespace detente::cli
