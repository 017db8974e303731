// The workshop's scenario: scaled to the server's size once, then each
// strategy loaded through the same reader and validator as a file.
#include "serve/workshop.hpp"

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"

namespace detente::serve {
namespace {

std::int64_t total_agents(const scenario::Scenario& s) {
  std::int64_t total = 0;
  for (const auto& g : s.population.groups)
    total += g.size;
  return total;
}

// Group sizes scaled in proportion so the total is at most `max_agents`.
std::vector<scenario::Override> sizing_for(const scenario::Scenario& s, std::int64_t max_agents,
                                           const std::string& display_name) {
  const std::int64_t total = total_agents(s);
  if (total <= max_agents) return {};
  if (!s.network.file.empty())
    throw InputError(display_name + ": the scenario has " + std::to_string(total) +
                     " agents from network.file, more than the workshop's " +
                     std::to_string(max_agents) +
                     "; a network read from a file cannot be scaled down, so give a smaller one "
                     "or raise --agents");
  const double factor = static_cast<double>(max_agents) / static_cast<double>(total);
  std::vector<scenario::Override> out;
  for (const auto& g : s.population.groups) {
    const auto size = std::max<std::int64_t>(
        1, static_cast<std::int64_t>(std::floor(static_cast<double>(g.size) * factor)));
    out.push_back({"population.groups." + g.name + ".size", std::to_string(size)});
  }
  return out;
}

void check_size(const scenario::Scenario& s, const Limits& limits, const std::string& where) {
  const std::int64_t agents = total_agents(s);
  if (agents > limits.max_agents)
    throw InputError(where + ": " + std::to_string(agents) + " agents, more than the workshop's " +
                     std::to_string(limits.max_agents));
  if (s.steps > limits.max_steps)
    throw InputError(where + ": steps: " + std::to_string(s.steps) +
                     " steps, more than the workshop's " + std::to_string(limits.max_steps) +
                     "; shorten the scenario");
  const double ties_per_agent = s.network.within.mean_degree + s.network.between.mean_degree;
  if (s.network.file.empty() && ties_per_agent > static_cast<double>(limits.ties_per_agent))
    throw InputError(where + ": network: " + std::to_string(ties_per_agent) +
                     " ties per agent (within + between mean_degree), more than the workshop's " +
                     std::to_string(limits.ties_per_agent));
}

std::string slug(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (out.size() >= 32) break;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out += c;
    else if (c >= 'A' && c <= 'Z')
      out += static_cast<char>(c - 'A' + 'a');
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-')
    out.pop_back();
  return out.empty() ? "team" : out;
}

}  // namespace

Workshop::Workshop(std::string yaml, std::string display_name, const Limits& limits)
    : yaml_(std::move(yaml)), display_name_(std::move(display_name)), limits_(limits) {
  const scenario::Scenario as_written = scenario::load_text(yaml_, display_name_);
  sizing_ = sizing_for(as_written, limits_.max_agents, display_name_);
  base_ = scenario::load_text(yaml_, display_name_, sizing_);
  check_size(base_, limits_, display_name_);
  knobs_ = workshop_knobs(base_);
}

Checked Workshop::check(std::span<const scenario::Override> strategy) const {
  Checked out;
  const scenario::Scenario s = resolve(strategy, &out.warnings);
  out.plan = scenario::plan_costs(s);
  return out;
}

scenario::Scenario Workshop::resolve(std::span<const scenario::Override> strategy,
                                     std::vector<std::string>* warnings) const {
  if (strategy.size() > limits_.max_overrides)
    throw InputError("the strategy changes " + std::to_string(strategy.size()) +
                     " keys, more than the workshop's " + std::to_string(limits_.max_overrides));
  std::vector<scenario::Override> overrides = sizing_;
  for (const scenario::Override& o : strategy) {
    const bool adjustable =
        std::any_of(knobs_.begin(), knobs_.end(), [&](const Knob& k) { return k.path == o.path; });
    if (!adjustable)
      throw InputError("--set " + o.path + "=" + o.value + ": " + o.path +
                       ": not adjustable in this workshop; the page lists the keys a team may set");
    overrides.push_back(o);
  }
  scenario::Scenario s = scenario::load_text(yaml_, display_name_, overrides, warnings);
  check_size(s, limits_, "the strategy");
  return s;
}

void Workshop::mark_advanced(const std::vector<std::string>& keys, bool advanced) {
  for (const std::string& key : keys) {
    bool found = false;
    for (Knob& k : knobs_)
      if (k.path == key || k.key == key) {
        k.advanced = advanced;
        found = true;
      }
    if (!found)
      throw InputError(std::string(advanced ? "--advanced " : "--basic ") + key +
                       ": no knob has this path or key; `detente serve` shows the knobs' paths "
                       "in each knob's row (data-path) and the keys in scenarios/README.md");
  }
}

std::string Workshop::export_name(const std::string& team) const {
  return base_.name + "-" + slug(team);
}

std::string Workshop::export_yaml(std::span<const scenario::Override> strategy,
                                  const std::string& team) const {
  scenario::Scenario s = resolve(strategy);
  s.name = export_name(team);
  std::string changes;
  for (const scenario::Override& o : strategy)
    changes += (changes.empty() ? "" : ", ") + o.path + "=" + o.value;
  s.description += (s.description.empty() ? "" : "\n\n") + std::string("Strategy of ") + team +
                   " in a detente workshop on " + base_.name + ": " +
                   (changes.empty() ? "no change to the scenario" : changes) + ".";
  return scenario::to_yaml(s);
}

std::vector<Marker> markers_of(const scenario::Scenario& s) {
  std::vector<Marker> out;
  if (s.dynamics.shocks.enabled)
    for (const auto& event : s.dynamics.shocks.events)
      out.push_back({event.step, "crisis",
                     "crisis (magnitude " + std::to_string(event.magnitude).substr(0, 4) + ")"});
  // Only what runs: a programme the scenario declares but leaves switched
  // off (a workshop's menu, an arm's `remove`) never starts. A triggered one
  // starts watching at `start`; when it acts depends on the run.
  for (const auto& programme : s.interventions) {
    if (!programme.enabled) continue;
    out.push_back({programme.start, "programme",
                   programme.name + (programme.when.metric.empty() ? " starts" : " on watch")});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Marker& a, const Marker& b) { return a.step < b.step; });
  return out;
}

}  // namespace detente::serve
