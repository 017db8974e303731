// Names that refer to other entries: outlets' audiences and sponsors, the
// groups a shock hits, uniqueness of outlet and intervention names, and of
// the random streams those names key.
#include <string_view>
#include <vector>

#include "core/rng.hpp"
#include "scenario/detail/checks.hpp"
#include "scenario/detail/paths.hpp"
#include "scenario/detail/scalars.hpp"
#include "scenario/detail/suggest.hpp"

namespace detente::scenario::detail {
namespace {

std::vector<std::string_view> names_of(const std::vector<Group>& groups) {
  std::vector<std::string_view> names;
  for (const Group& g : groups)
    names.push_back(g.name);
  return names;
}

bool contains(const std::vector<std::string_view>& names, std::string_view name) {
  for (const std::string_view n : names)
    if (n == name) return true;
  return false;
}

std::string did_you_mean(std::string_view given, const std::vector<std::string_view>& names) {
  const std::string_view near = closest(given, names);
  return near.empty() ? "" : "did you mean \"" + std::string(near) + "\"?";
}

// Every entry of a list of group names must name a declared group.
void check_group_list(const Scenario& s, const std::vector<std::string>& list,
                      const std::string& path, const Reporter& reporter) {
  const auto groups = names_of(s.population.groups);
  for (std::size_t i = 0; i < list.size(); ++i)
    if (!contains(groups, list[i]))
      reporter.expected_at(index_path(path, i),
                           groups.empty() ? "a group declared in population.groups"
                                          : "a group name (" + group_names(s) + ")",
                           list[i], did_you_mean(list[i], groups));
}

template <class T>
void check_unique_names(const std::vector<T>& entries, const std::string& path,
                        const Reporter& reporter) {
  for (std::size_t i = 0; i < entries.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (entries[j].name == entries[i].name)
        reporter.expected_at(
            key_path(index_path(path, i), "name"), "a name not used before", entries[i].name,
            path + "[" + std::to_string(j) + "] is also called \"" + entries[i].name + "\"");
}

void check_media(const Scenario& s, const Reporter& reporter) {
  check_unique_names(s.media, "media", reporter);
  const auto groups = names_of(s.population.groups);
  for (std::size_t i = 0; i < s.media.size(); ++i) {
    const Outlet& outlet = s.media[i];
    const std::string path = index_path("media", i);
    check_group_list(s, outlet.audience, key_path(path, "audience"), reporter);
    if (outlet.sponsor != "independent" && outlet.sponsor != "convener" &&
        !contains(groups, outlet.sponsor)) {
      std::vector<std::string_view> sponsors = {"independent", "convener"};
      sponsors.insert(sponsors.end(), groups.begin(), groups.end());
      reporter.expected_at(key_path(path, "sponsor"),
                           "independent, convener or a group name (" + group_names(s) + ")",
                           outlet.sponsor, did_you_mean(outlet.sponsor, sponsors));
    }
  }
}

void check_shocks(const Scenario& s, const Reporter& reporter) {
  const auto& events = s.dynamics.shocks.events;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const std::string path = index_path("dynamics.shocks.events", i);
    if (events[i].step >= s.steps)
      reporter.expected_at(key_path(path, "step"),
                           "a step below steps (" + format_integer(s.steps) + ")",
                           format_integer(events[i].step),
                           "the run covers steps 0 to " + format_integer(s.steps - 1) +
                               "; move the event or raise steps");
    check_group_list(s, events[i].groups, key_path(path, "groups"), reporter);
  }
}

// Outlets and interventions draw from random streams keyed by a 24-bit hash
// of their names (core/rng.hpp stream_key): two names with the same key would
// share their draws, so the second is refused, with the first named.
void check_stream_keys(const Scenario& s, const Reporter& reporter) {
  struct Named {
    std::string path, name;
  };
  std::vector<Named> seen;
  const auto check = [&](const std::string& path, const std::string& name) {
    for (const Named& earlier : seen)
      if (earlier.name != name && stream_key(earlier.name) == stream_key(name))
        reporter.expected_at(key_path(path, "name"),
                             "a name whose random stream differs from every other's", name,
                             "it draws the same random numbers as " + earlier.path + " (\"" +
                                 earlier.name + "\"); rename one of them");
    seen.push_back({path, name});
  };
  for (std::size_t i = 0; i < s.media.size(); ++i)
    check(index_path("media", i), s.media[i].name);
  for (std::size_t i = 0; i < s.interventions.size(); ++i)
    check(index_path("interventions", i), s.interventions[i].name);
}

}  // namespace

void check_references(const Scenario& scenario, const Reporter& reporter) {
  check_media(scenario, reporter);
  check_shocks(scenario, reporter);
  check_unique_names(scenario.interventions, "interventions", reporter);
  check_stream_keys(scenario, reporter);
}

}  // namespace detente::scenario::detail
