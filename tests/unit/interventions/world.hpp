#pragma once
// Shared by the intervention tests: a small two-community world (the
// baseline scenario's rules and media at a few thousand agents), scenarios
// built from YAML on top of it, and runs that keep the simulation so a test
// can read agents, ties and the roster of who took part.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "engine/simulation.hpp"
#include "scenario/load.hpp"

namespace detente::test {

// Two groups of `size`, the baseline's media, network and rules.
inline std::string world_yaml(int size = 2000, int steps = 60) {
  const std::string n = std::to_string(size);
  return "name: world\n"
         "seed: 20261128\n"
         "steps: " +
         std::to_string(steps) +
         "\n"
         "population:\n"
         "  groups:\n"
         "    - {name: north, size: " +
         n +
         ", marginalised_share: 0.15, trust: {dist: beta, a: 3, b: 4},\n"
         "       roles: {public: 0.82, student: 0.08, educator: 0.04, artist: 0.02, "
         "journalist: 0.02, civic_leader: 0.02},\n"
         "       susceptibility: {dist: uniform, low: 0.2, high: 0.8}, literacy: {dist: beta, a: "
         "2, b: 4}, convener_trust: {dist: beta, a: 5, b: 5}}\n"
         "    - {name: south, size: " +
         n +
         ", marginalised_share: 0.2, trust: {dist: beta, a: 3, b: 5},\n"
         "       roles: {public: 0.82, student: 0.08, educator: 0.04, artist: 0.02, "
         "journalist: 0.02, civic_leader: 0.02},\n"
         "       susceptibility: {dist: uniform, low: 0.2, high: 0.8}, literacy: {dist: beta, a: "
         "2, b: 5}, convener_trust: {dist: beta, a: 4, b: 5}}\n"
         "network:\n"
         "  within: {model: watts_strogatz, mean_degree: 12, rewire: 0.1}\n"
         "  between: {mean_degree: 0.3, strength: 0.5}\n"
         "dynamics:\n"
         "  influence: {rate: 0.1, confidence: 0.3, repulsion_threshold: 0.6, repulsion_rate: "
         "0.02}\n"
         "media:\n"
         "  - {name: north_tv, audience: [north], reach: 0.7, exposure: 0.4, slant: -0.4, "
         "credibility: 0.6, sponsor: north}\n"
         "  - {name: south_tv, audience: [south], reach: 0.7, exposure: 0.4, slant: -0.5, "
         "credibility: 0.6, sponsor: south}\n"
         "  - {name: independent, audience: [north, south], reach: 0.2, exposure: 0.3, slant: "
         "0.1, credibility: 0.5}\n"
         "outputs: {every: 4}\n";
}

inline scenario::Scenario load(const std::string& yaml,
                               std::initializer_list<const char*> sets = {}) {
  std::vector<scenario::Override> overrides;
  for (const char* s : sets)
    overrides.push_back(scenario::parse_override(s));
  return scenario::load_text(yaml, "test.yaml", overrides);
}

// A simulation with its own copy of the scenario it was built from (a
// simulation reads its scenario for as long as it lives).
class Run {
 public:
  Run(const scenario::Scenario& s, std::uint32_t replicate)
      : spec_(std::make_unique<scenario::Scenario>(s)), sim_(make_simulation(*spec_, replicate)) {}
  Simulation* operator->() const { return sim_.get(); }
  Simulation& operator*() const { return *sim_; }

 private:
  std::unique_ptr<scenario::Scenario> spec_;
  std::unique_ptr<Simulation> sim_;
};

// A simulation of `s` run for `steps` steps (all of them by default).
inline Run run(const scenario::Scenario& s, std::int64_t steps = -1, std::uint32_t replicate = 0) {
  Run sim(s, replicate);
  const std::int64_t until = steps < 0 ? s.steps : steps;
  while (sim->now() < until)
    sim->step();
  return sim;
}

// metric/subject → value, now.
inline std::map<std::string, double> metrics_of(const Simulation& sim) {
  std::vector<metrics::MetricRow> rows;
  sim.record(rows);
  std::map<std::string, double> out;
  for (const auto& r : rows)
    out[r.metric + "/" + r.subject] = r.value;
  return out;
}

inline double mean_of(const std::vector<double>& values, const std::vector<std::uint8_t>& pick) {
  double sum = 0.0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < values.size(); ++i)
    if (pick[i] != 0) {
      sum += values[i];
      ++n;
    }
  return n == 0 ? std::nan("") : sum / static_cast<double>(n);
}

inline double sd_of(const std::vector<double>& values, const std::vector<std::uint8_t>& pick) {
  const double mean = mean_of(values, pick);
  double sum = 0.0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < values.size(); ++i)
    if (pick[i] != 0) {
      sum += (values[i] - mean) * (values[i] - mean);
      ++n;
    }
  return std::sqrt(sum / static_cast<double>(n - 1));
}

// Mean and standard error of a list of paired differences.
struct Paired {
  double mean = 0.0;
  double se = 0.0;
};
inline Paired paired(const std::vector<double>& differences) {
  const double n = static_cast<double>(differences.size());
  const double mean = std::accumulate(differences.begin(), differences.end(), 0.0) / n;
  double ss = 0.0;
  for (const double d : differences)
    ss += (d - mean) * (d - mean);
  return {mean, std::sqrt(ss / (n - 1.0) / n)};
}

}  // namespace detente::test
