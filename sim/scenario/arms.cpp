// Arms: the base's tree, changed by the arm's settings and removals (which
// turn interventions off), read again. The random streams are keyed by names (seed, replicate,
// outlet and intervention names), never by position, so an arm shares every draw with the base
// except those of what it changes.
#include "scenario/detail/arms.hpp"

#include <algorithm>
#include <array>

#include "scenario/detail/checks.hpp"
#include "scenario/detail/overrides.hpp"
#include "scenario/detail/parse_yaml.hpp"
#include "scenario/detail/paths.hpp"
#include "scenario/detail/read.hpp"
#include "scenario/detail/suggest.hpp"
#include "scenario/load.hpp"

namespace detente::scenario::detail {
namespace {

// Keys an arm may not change: they would make it another experiment, not
// another policy in the same world.
constexpr std::array<std::string_view, 5> kFixed = {"name", "seed", "arms", "uncertain",
                                                    "calibrate"};

void remove_entry(Value& map, std::string_view key) {
  std::erase_if(map.entries, [&](const Entry& e) { return e.key == key; });
}

// The names of the base's interventions, as the file gives them.
std::vector<std::string_view> intervention_names(const Value& root) {
  std::vector<std::string_view> names;
  const Entry* list = root.find("interventions");
  if (list == nullptr || !list->value.is_list()) return names;
  for (const Value& item : list->value.items) {
    const Entry* n = item.is_map() ? item.find("name") : nullptr;
    if (n != nullptr && n->value.is_scalar()) names.push_back(n->value.text);
  }
  return names;
}

void remove_intervention(Value& tree, const std::vector<std::string_view>& names, const Value& name,
                         const std::string& path, const Reporter& reporter) {
  if (std::find(names.begin(), names.end(), name.text) == names.end()) {
    std::string all;
    for (const std::string_view n : names)
      all += (all.empty() ? "" : " | ") + std::string(n);
    const std::string_view near = closest(name.text, names);
    reporter.expected(name, path,
                      names.empty() ? "the name of an intervention, but the base has none"
                                    : "the name of an intervention of the base (" + all + ")",
                      near.empty() ? "" : "did you mean \"" + std::string(near) + "\"?");
  }
  // Turned off rather than deleted: the budget's cut order and coordinations
  // may name it, and its metrics stay in the results (at 0).
  for (Value& item : tree.find("interventions")->value.items) {
    const Entry* n = item.find("name");
    if (n == nullptr || n->value.text != name.text) continue;
    Value off;
    off.kind = Value::Kind::scalar;
    off.text = "false";
    off.at = name.at;
    if (Entry* e = item.find("enabled"))
      e->value = off;
    else
      item.entries.push_back(Entry{"enabled", name.at, off});
  }
}

}  // namespace

Scenario build_arm(const Value& root, std::size_t index, const std::string& display_name,
                   const std::filesystem::path& base_dir) {
  Reporter reporter(display_name);
  const Value& arm = root.find("arms")->value.items[index];
  const std::string arm_path = index_path("arms", index);
  Value tree = root;
  remove_entry(tree, "arms");
  if (const Entry* set = arm.find("set"); set != nullptr && set->value.is_map()) {
    for (const Entry& setting : set->value.entries) {
      const std::string first = setting.key.substr(0, setting.key.find('.'));
      if (std::find(kFixed.begin(), kFixed.end(), first) != kFixed.end())
        reporter.fail(
            setting.key_at, key_path(key_path(arm_path, "set"), setting.key),
            "expected a key an arm may change, got \"" + setting.key +
                "\"; arms share the base's name, seed, streams and uncertainties, so they "
                "differ by policy only");
      apply_setting(tree, setting.key, setting.value, setting.key_at, reporter);
    }
  }
  if (const Entry* remove = arm.find("remove"); remove != nullptr && remove->value.is_list()) {
    const std::string path = key_path(arm_path, "remove");
    const auto names = intervention_names(root);
    for (std::size_t k = 0; k < remove->value.items.size(); ++k)
      remove_intervention(tree, names, remove->value.items[k], index_path(path, k), reporter);
  }
  Scenario scenario = read_scenario(tree, reporter);
  check_scenario(scenario, reporter);
  resolve_network_files(scenario, base_dir, reporter);
  resolve_calibration_targets(scenario, base_dir);
  return scenario;
}

void check_arms(const Value& root, const Scenario& base, const std::string& display_name,
                const std::filesystem::path& base_dir) {
  Reporter reporter(display_name);
  const Entry* arms = root.find("arms");
  if (arms == nullptr || !arms->value.is_list()) return;
  for (std::size_t i = 0; i < base.arms.size(); ++i) {
    const Value& name = arms->value.items[i].find("name")->value;
    const std::string path = key_path(index_path("arms", i), "name");
    if (base.arms[i].name == "base")
      reporter.expected(name, path, "a name other than base",
                        "the base is always run under that name");
    for (std::size_t j = 0; j < i; ++j)
      if (base.arms[j].name == base.arms[i].name)
        reporter.expected(
            name, path, "a name not used before",
            "arms[" + std::to_string(j) + "] is also called \"" + base.arms[i].name + "\"");
  }
  for (std::size_t i = 0; i < base.arms.size(); ++i)
    build_arm(root, i, display_name, base_dir);
}

}  // namespace detente::scenario::detail

namespace detente::scenario {

std::vector<std::string> arm_names(const Scenario& scenario) {
  std::vector<std::string> names = {"base"};
  for (const Arm& arm : scenario.arms)
    names.push_back(arm.name);
  return names;
}

Scenario resolve_arm(const Scenario& base, const std::string& arm) {
  if (arm == "base") return base;
  const auto names = arm_names(base);
  const auto found = std::find(names.begin(), names.end(), arm);
  if (found == names.end()) {
    std::string all;
    for (const std::string& n : names)
      all += (all.empty() ? "" : " | ") + n;
    std::vector<std::string_view> views(names.begin(), names.end());
    const std::string_view near = detail::closest(arm, views);
    throw InputError("--arm " + arm + ": expected an arm of " + base.name + " (" + all +
                     "), got \"" + arm + "\"" +
                     (near.empty() ? "" : "; did you mean \"" + std::string(near) + "\"?"));
  }
  const std::string display = base.source_path.empty() ? base.name : base.source_path;
  detail::YamlBudget budget(detail::YamlLimits::internal());
  const detail::Value root = detail::parse_document(to_yaml(base), display, budget);
  const std::filesystem::path dir = std::filesystem::path(base.source_path).parent_path();
  Scenario scenario =
      detail::build_arm(root, static_cast<std::size_t>(found - names.begin()) - 1, display, dir);
  scenario.source_path = base.source_path;
  return scenario;
}

}  // namespace detente::scenario
