#pragma once
// Reading a resolved scenario by key path, the way `--set` addresses it:
// dots between keys, list entries by their `name` or, when they have none,
// by index. For tools that offer a scenario's values for editing (the
// workshop's sliders start at the values the scenario declares).
//
//   auto s = scenario::load_file("scenarios/baseline.yaml");
//   scenario::lookup(s, "media.north_national_tv.slant");   // "-0.4"
//   scenario::lookup(s, "dynamics.influence.repulsion_threshold");  // "0.6"
//   scenario::list_entries(s, "media");   // {"north_national_tv", …}
//   scenario::list_entries(s, "dynamics.shocks.events");   // {"0"} (no names)
//
// Values are the text to_yaml writes, so they read back through `--set`
// unchanged.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/scenario.hpp"

namespace detente::scenario {

// The scalar at `path` as YAML text; nullopt when the path leads nowhere or to
// a map or list, or when the key is unset (an optional without a value).
std::optional<std::string> lookup(const Scenario& scenario, std::string_view path);

// How each entry of the list at `path` is addressed: its `name`, or its index
// when it has none. Empty when there is no list there.
std::vector<std::string> list_entries(const Scenario& scenario, std::string_view path);

}  // namespace detente::scenario
