#pragma once
// Loading a scenario: YAML text → validated, typed, immutable Scenario.
//
//   auto s = detente::scenario::load_file("scenarios/baseline.yaml",
//                                         {{"dynamics.influence.confidence", "0.3"}});
//
// Bad input throws detente::InputError with a located message
//   FILE:LINE:COLUMN: key.path: expected …, got …
// and, for unknown keys, a did-you-mean. Nothing runs before validation passes.
#include <span>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "scenario/scenario.hpp"

namespace detente::scenario {

// `--set path=value`: dots between keys; list entries by their `name` or by
// index (population.groups.north.size=50000, media.0.slant=-0.2). The value is
// read as YAML (a number, a string, a list `[a, b]` …).
struct Override {
  std::string path;
  std::string value;
  // How messages name it; empty: `--set PATH=VALUE`.
  std::string label = {};
};

// Parses "path=value" as given on the command line; throws InputError.
Override parse_override(const std::string& assignment);

// `warnings`, when given, receives what the scenario allows but can never
// happen (a programme that never runs or never spends, a trigger that cannot
// fire, an arm that changes nothing), located like errors:
//   FILE:LINE:COLUMN: interventions[0].start: 400 is after the last step (260); …
Scenario load_file(const std::string& path, std::span<const Override> overrides = {},
                   std::vector<std::string>* warnings = nullptr);
Scenario load_text(const std::string& yaml, const std::string& display_name,
                   std::span<const Override> overrides = {},
                   std::vector<std::string>* warnings = nullptr);

// "base" and the names of the scenario's arms, in order.
std::vector<std::string> arm_names(const Scenario& scenario);

// The scenario of one arm: the base with the arm's settings and removals
// (arms.hpp); "base" gives the base. Throws InputError for an unknown name.
// The arm keeps the base's name, seed and source path, and has no arms.
Scenario resolve_arm(const Scenario& base, const std::string& arm);

// The resolved scenario as YAML: every key, every default filled in. Loading it
// gives back an equal Scenario, so a result folder reproduces its own run.
std::string to_yaml(const Scenario& scenario);

}  // namespace detente::scenario
