// Network files are named relative to the scenario file, so a scenario folder
// can be moved as a whole. Only existence and readability are checked here;
// the CSV content is read (and checked) by the network builder.
#include <fstream>

#include "scenario/detail/checks.hpp"

namespace detente::scenario::detail {
namespace {

namespace fs = std::filesystem;

std::string resolve(const std::string& given, const std::string& path, const fs::path& base,
                    const Reporter& reporter) {
  if (given.empty()) return given;
  const fs::path shown = (base / given).lexically_normal();
  std::error_code error;
  const bool is_file = fs::is_regular_file(shown, error);
  if (!is_file) {
    const bool exists = fs::exists(shown, error);
    reporter.expected_at(path, "a readable file", given,
                         (exists ? shown.string() + " is not a regular file"
                                 : "there is no file " + shown.string()) +
                             " (paths are relative to the scenario file's folder)");
  }
  if (!std::ifstream(shown))
    reporter.expected_at(path, "a readable file", given,
                         "cannot open " + shown.string() + "; check its permissions");
  return fs::absolute(shown, error).lexically_normal().string();
}

}  // namespace

void resolve_network_files(Scenario& scenario, const fs::path& base, const Reporter& reporter) {
  scenario.network.file = resolve(scenario.network.file, "network.file", base, reporter);
  scenario.network.nodes_file =
      resolve(scenario.network.nodes_file, "network.nodes_file", base, reporter);
}

}  // namespace detente::scenario::detail
