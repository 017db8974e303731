#pragma once
// The scenario library's key comparisons (scenarios/README.md), at reduced
// size: each scenario file as shipped, with its groups cut to `size` agents
// through the same overrides a user has, every arm run for a few replicates
// under common random numbers. A test asserts the direction of the
// comparison the README reports, replicate by replicate (paired): under
// common random numbers a difference between arms is the policy's alone, so
// its sign must hold in every replicate, and its mean must clear a stated
// floor.
#include <catch2/catch.hpp>
#include <map>
#include <string>
#include <vector>

#include "../unit/interventions/world.hpp"

namespace detente::library {

// `sets` are further overrides ("path=value"), e.g. one uncertain key at
// either end of its range to show where an answer flips.
inline scenario::Scenario load(const std::string& name, int size,
                               const std::vector<std::string>& sets = {}) {
  std::vector<scenario::Override> overrides = {
      scenario::parse_override("population.groups.north.size=" + std::to_string(size)),
      scenario::parse_override("population.groups.south.size=" + std::to_string(size))};
  for (const auto& set : sets)
    overrides.push_back(scenario::parse_override(set));
  return scenario::load_file(std::string(DETENTE_SOURCE_DIR) + "/scenarios/" + name + ".yaml",
                             overrides);
}

// metric/subject → value, at each of `steps`, for one arm and replicate.
using Snapshots = std::map<std::int64_t, std::map<std::string, double>>;

inline Snapshots run_arm(const scenario::Scenario& s, const std::string& arm,
                         std::uint32_t replicate, const std::vector<std::int64_t>& steps) {
  const auto world = scenario::resolve_arm(s, arm);
  auto sim = make_simulation(world, replicate);
  Snapshots out;
  for (const std::int64_t step : steps) {
    while (sim->now() < step)
      sim->step();
    out[step] = test::metrics_of(*sim);
  }
  return out;
}

// Every arm named, every replicate: results[arm][replicate].
inline std::map<std::string, std::vector<Snapshots>> run_arms(
    const scenario::Scenario& s, const std::vector<std::string>& arms, int replicates,
    const std::vector<std::int64_t>& steps) {
  std::map<std::string, std::vector<Snapshots>> out;
  for (const auto& arm : arms)
    for (int r = 0; r < replicates; ++r)
      out[arm].push_back(run_arm(s, arm, static_cast<std::uint32_t>(r), steps));
  return out;
}

// a − b of `key` ("metric/subject") at `step`, replicate by replicate.
inline std::vector<double> paired(const std::map<std::string, std::vector<Snapshots>>& results,
                                  const std::string& a, const std::string& b, std::int64_t step,
                                  const std::string& key) {
  std::vector<double> out;
  for (std::size_t r = 0; r < results.at(a).size(); ++r)
    out.push_back(results.at(a)[r].at(step).at(key) - results.at(b)[r].at(step).at(key));
  return out;
}

// Every difference above `floor` (use a negative floor and negate for "below").
inline void check_all_above(const std::vector<double>& differences, double floor) {
  for (std::size_t r = 0; r < differences.size(); ++r) {
    INFO("replicate " << r << ": difference " << differences[r]);
    CHECK(differences[r] > floor);
  }
}

inline std::vector<double> negated(std::vector<double> v) {
  for (double& x : v)
    x = -x;
  return v;
}

}  // namespace detente::library
