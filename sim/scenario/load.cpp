// Loading: parse → extends → overrides → read field by field → cross-key checks →
// network file paths. Nothing is returned until all of it has passed.
#include "scenario/load.hpp"

#include <filesystem>
#include <fstream>

#include "scenario/detail/arms.hpp"
#include "scenario/detail/checks.hpp"
#include "scenario/detail/extends.hpp"
#include "scenario/detail/overrides.hpp"
#include "scenario/detail/parse_yaml.hpp"
#include "scenario/detail/read.hpp"
#include "scenario/detail/warnings.hpp"
#include "scenario/locate.hpp"

namespace detente::scenario {
namespace {

// The scenario file's text, refused (InputError) when it is missing, a
// folder, unreadable or longer than the loader reads.
std::string read_scenario_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::exists(path, error))
    throw InputError(path + ": cannot read the scenario file: there is no such file");
  if (fs::is_directory(path, error))
    throw InputError(path + ": cannot read the scenario file: it is a folder");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot read the scenario file: check its permissions");
  // At most one byte past the cap, so that a huge file or an endless device
  // (/dev/zero) is refused by the size check instead of read whole.
  const std::size_t cap = detail::YamlLimits::input().max_bytes + 1;
  std::string text(cap, '\0');
  in.read(text.data(), static_cast<std::streamsize>(cap));
  text.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw InputError(path + ": cannot read the scenario file: a read error");
  return text;
}

}  // namespace

Scenario load_text(const std::string& yaml, const std::string& display_name,
                   std::span<const Override> overrides, std::vector<std::string>* warnings) {
  detail::Reporter reporter(display_name);
  detail::YamlBudget budget;  // the file, the files it extends and its overrides together
  detail::Value root = detail::resolve_extends(detail::parse_document(yaml, display_name, budget),
                                               display_name, budget);
  detail::apply_overrides(root, overrides, reporter, budget);
  Scenario scenario = detail::read_scenario(root, reporter);
  detail::check_scenario(scenario, reporter);
  const std::filesystem::path base_dir = std::filesystem::path(display_name).parent_path();
  detail::resolve_network_files(scenario, base_dir, reporter);
  detail::check_arms(root, scenario, display_name, base_dir);
  detail::check_uncertain_keys(root, scenario, display_name);
  detail::check_prior_keys(root, scenario.calibrate.parameters, "calibrate.parameters",
                           display_name);
  detail::resolve_calibration_targets(scenario, base_dir);
  if (warnings != nullptr)
    *warnings = detail::find_warnings(root, scenario, reporter, display_name, base_dir);
  return scenario;
}

Scenario load_file(const std::string& path, std::span<const Override> overrides,
                   std::vector<std::string>* warnings) {
  Scenario scenario = load_text(read_scenario_file(path), path, overrides, warnings);
  scenario.source_path = path;
  return scenario;
}

std::string locate_key(const std::string& file, std::span<const Override> overrides,
                       const std::string& path) {
  // The steps of load_text that record where each key was given; the
  // scenario has loaded before, so none of them refuses it now.
  detail::Reporter reporter(file);
  detail::YamlBudget budget;
  detail::Value root = detail::resolve_extends(
      detail::parse_document(read_scenario_file(file), file, budget), file, budget);
  detail::apply_overrides(root, overrides, reporter, budget);
  (void)detail::read_scenario(root, reporter);
  return reporter.where_given(path);
}

}  // namespace detente::scenario
