// detente params: the parameter table (every scenario key with its type,
// unit, default, range and description).
#include <iostream>

#include "cli/options.hpp"
#include "scenario/parameters.hpp"

namespace detente::cli {

int params_command(const Arguments& args) {
  po::options_description options("options");
  options.add_options()("markdown", "print the Markdown table used in scenarios/README.md");
  po::variables_map values;
  if (!parse(args, options, "usage: detente params [--markdown]", values, false)) return 0;
  if (values.count("markdown")) {
    std::cout << scenario::parameter_table_markdown();
    return 0;
  }
  for (const auto& p : scenario::parameter_table()) {
    std::cout << p.path << " (" << p.type << (p.unit.empty() ? "" : ", " + p.unit) << "; default "
              << (p.default_value.empty() ? "none" : p.default_value)
              << (p.range.empty() ? "" : "; " + p.range) << ")\n    " << p.description << "\n";
  }
  return 0;
}

}  // namespace detente::cli
