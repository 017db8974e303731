#include "cli/options.hpp"

#include <iostream>

#include "core/errors.hpp"

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

std::vector<scenario::Override> scenario_overrides(const po::variables_map& values) {
  std::vector<scenario::Override> overrides;
  if (values.count("seed"))
    overrides.push_back({"seed", std::to_string(values["seed"].as<std::uint64_t>())});
  if (values.count("set"))
    for (const auto& assignment : values["set"].as<std::vector<std::string>>())
      overrides.push_back(scenario::parse_override(assignment));
  return overrides;
}

}  // namespace detente::cli
