#pragma once
// Checks that involve more than one key, on the typed scenario, after every
// field has been read. Each throws InputError located where the offending key
// was given (or at its nearest parent when it was left at its default).
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/detail/report.hpp"
#include "scenario/scenario.hpp"

namespace detente::scenario::detail {

void check_population(const Scenario& scenario, const Reporter& reporter);  // checks_population.cpp
void check_network(const Scenario& scenario, const Reporter& reporter);     // checks_network.cpp
void check_references(const Scenario& scenario, const Reporter& reporter);  // checks_references.cpp
void check_dynamics(const Scenario& scenario, const Reporter& reporter);    // checks_dynamics.cpp
// checks_interventions.cpp
void check_interventions(const Scenario& scenario, const Reporter& reporter);
void check_classic(const Scenario& scenario, const Reporter& reporter);  // checks_classic.cpp
void check_outputs(const Scenario& scenario, const Reporter& reporter);  // checks_outputs.cpp
// checks_uncertain.cpp: each prior can be drawn from (bounds in order, its own parameters).
void check_uncertain(const Scenario& scenario, const Reporter& reporter);
// checks_uncertain.cpp: the priors of a block of that form (uncertain, calibrate.parameters):
// at most 64, none twice, none on a key in `fixed` (the first part of its path).
void check_priors(const std::vector<UncertainParameter>& list, const std::string& block,
                  std::span<const std::string_view> fixed, const std::string& fixed_hint,
                  const Reporter& reporter);
// checks_calibrate.cpp: the calibrate block's priors and its targets path.
void check_calibrate(const Scenario& scenario, const Reporter& reporter);

// All of the above, in that order.
void check_scenario(const Scenario& scenario, const Reporter& reporter);

// network.file and network.nodes_file: resolved against `base` (the scenario
// file's folder), checked to be readable files, and replaced by the absolute
// path so a resolved scenario.yaml works from any folder (network_files.cpp).
void resolve_network_files(Scenario& scenario, const std::filesystem::path& base,
                           const Reporter& reporter);

// checks_uncertain.cpp: every uncertain key exists and takes both of its
// bounds, read as `--set` would read them (`root` is the file's tree).
void check_uncertain_keys(const Value& root, const Scenario& scenario,
                          const std::string& display_name);
// The same for any block of that form, `block` its key path ("calibrate.parameters").
void check_prior_keys(const Value& root, const std::vector<UncertainParameter>& parameters,
                      const std::string& block, const std::string& display_name);

// calibrate.targets: resolved against `base` and replaced by the absolute
// path (checks_calibrate.cpp); whether it can be read is `detente
// calibrate`'s to check, since no other command reads it.
void resolve_calibration_targets(Scenario& scenario, const std::filesystem::path& base);

// "north | south", for messages.
std::string group_names(const Scenario& scenario);

}  // namespace detente::scenario::detail
