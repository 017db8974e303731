#include "experiment/memory_plan.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "experiment/futures.hpp"
#include "experiment/sweep.hpp"
#include "scenario/locate.hpp"

namespace detente {
namespace {

// A --set path as messages write keys: list entries by index, a group named
// by its name too (population.groups.north.size → population.groups[0].size).
std::string message_path(const scenario::Scenario& s, const std::string& dotted) {
  std::string out;
  std::string previous;
  std::size_t from = 0;
  while (from <= dotted.size()) {
    const std::size_t dot = std::min(dotted.find('.', from), dotted.size());
    std::string segment = dotted.substr(from, dot - from);
    if (previous == "groups") {
      for (std::size_t g = 0; g < s.population.groups.size(); ++g)
        if (s.population.groups[g].name == segment) segment = std::to_string(g);
    }
    const bool index = !segment.empty() && std::all_of(segment.begin(), segment.end(),
                                                       [](char c) { return c >= '0' && c <= '9'; });
    out += index ? "[" + segment + "]" : (out.empty() ? "" : ".") + segment;
    previous = segment;
    from = dot + 1;
  }
  return out;
}

// Whether setting `set` (as messages write it) sets `key` or a list or map holding it.
bool sets_key(const std::string& set, const std::string& key) {
  return key == set || (key.starts_with(set) && (key[set.size()] == '.' || key[set.size()] == '['));
}

bool any_may_change_memory(const std::vector<std::string>& paths) {
  return std::any_of(paths.begin(), paths.end(), may_change_memory);
}

std::vector<SetBy> arm_settings(const scenario::Scenario& base, const std::string& arm) {
  std::vector<SetBy> out;
  for (std::size_t i = 0; i < base.arms.size(); ++i)
    if (base.arms[i].name == arm)
      for (const auto& setting : base.arms[i].set)
        out.push_back(
            {setting.path, setting.value, "arms[" + std::to_string(i) + "].set." + setting.path});
  return out;
}

}  // namespace

std::vector<PlannedScenario> planned_arms(const scenario::Scenario& base,
                                          const std::vector<std::string>& names) {
  std::vector<PlannedScenario> out;
  for (const auto& name : names) {
    if (name == "base")
      out.push_back({base, "", {}});
    else
      out.push_back({scenario::resolve_arm(base, name), "arm " + name, arm_settings(base, name)});
  }
  return out;
}

std::vector<PlannedScenario> planned_sweep_points(const scenario::Scenario& base,
                                                  const std::string& file,
                                                  std::span<const scenario::Override> overrides) {
  std::vector<std::string> swept;
  for (const auto& p : base.sweep.parameters)
    swept.push_back(p.path);
  if (!any_may_change_memory(swept)) return {{base, "", {}}};
  const auto plan = plan_sweep(base);
  auto points = point_scenarios(plan, file, overrides);
  std::vector<PlannedScenario> out;
  for (std::size_t p = 0; p < points.size(); ++p) {
    PlannedScenario planned{std::move(points[p]), "sweep point " + std::to_string(p), {}};
    for (std::size_t i = 0; i < plan.paths.size(); ++i)
      planned.set_by.push_back({plan.paths[i], number_text(plan.values[p][i]),
                                "sweep.parameters[" + std::to_string(i) + "]"});
    out.push_back(std::move(planned));
  }
  return out;
}

std::vector<PlannedScenario> planned_futures(const scenario::Scenario& base,
                                             const std::vector<std::string>& arms,
                                             std::size_t futures) {
  std::vector<std::string> uncertain;
  for (const auto& p : base.uncertain)
    uncertain.push_back(p.path);
  if (!any_may_change_memory(uncertain)) return {};
  const auto plan = plan_futures(base, futures);
  std::vector<PlannedScenario> out;
  for (std::size_t f = 0; f < plan.values.size(); ++f) {
    const auto world = future_scenario(base, plan, f);
    std::vector<SetBy> drawn;
    for (std::size_t i = 0; i < plan.parameters.size(); ++i)
      drawn.push_back({plan.parameters[i].path, number_text(plan.values[f][i]),
                       "uncertain[" + std::to_string(i) + "]"});
    for (auto& arm : planned_arms(world, arms)) {
      arm.label = "future " + std::to_string(f) + (arm.label.empty() ? "" : ", " + arm.label);
      arm.set_by.insert(arm.set_by.begin(), drawn.begin(), drawn.end());
      out.push_back(std::move(arm));
    }
  }
  return out;
}

void check_planned_memory(const std::vector<PlannedScenario>& planned, const RunCount& count,
                          double limit, const std::string& file,
                          std::span<const scenario::Override> overrides) {
  const PlannedScenario* largest = nullptr;
  MemoryEstimate most;
  for (const auto& p : planned) {
    const auto e = estimate_memory(p.scenario, count);
    if (largest == nullptr || e.total_bytes > most.total_bytes) {
      largest = &p;
      most = e;
    }
  }
  if (largest == nullptr || !(most.total_bytes > limit)) return;
  std::string key = most.driver;
  std::string subject = largest->label.empty() ? "this run" : largest->label;
  // The entry that sets the driving key, when this scenario sets it over the
  // file; a later setting of the same key wins, as it does when loading.
  for (auto set = largest->set_by.rbegin(); set != largest->set_by.rend(); ++set)
    if (sets_key(message_path(largest->scenario, set->path), most.driver)) {
      key = set->entry;
      subject += " (" + set->path + " = " + set->value + ")";
      break;
    }
  throw InputError(scenario::locate_key(file, overrides, key) + ": " + key + ": " +
                   memory_refusal(most, limit, subject));
}

}  // namespace detente
