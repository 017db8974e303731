// detente check: validate a scenario and print it resolved, defaults filled in.
#include <iostream>

#include "cli/options.hpp"

namespace detente::cli {

int check_command(const Arguments& args) {
  po::options_description options("options");
  options.add_options()("set", po::value<std::vector<std::string>>()->composing(),
                        "override a scenario value: path=value (repeatable)")  //
      ("seed", po::value<std::string>(), "override the scenario's seed");
  po::variables_map values;
  if (!parse(args, options, "usage: detente check SCENARIO.yaml [--set path=value]...", values))
    return 0;
  const auto scenario = load_scenario(values);
  std::cout << scenario::to_yaml(scenario);
  return 0;
}

}  // namespace detente::cli
