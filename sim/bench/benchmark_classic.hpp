#pragma once
// `detente bench --model …`: the speed of the classic models (rules/classic.hpp)
// on one group of N agents and a generated network, the model's step alone
// (no metrics): pairwise meetings per second for Deffuant–Weisbuch, agent
// updates per second for Hegselmann–Krause and the voter model, and edge
// visits per second for Hegselmann–Krause.
#include <cstdint>
#include <string>

#include "scenario/scenario.hpp"

namespace detente {

struct ClassicBenchCase {
  scenario::ClassicModel model = scenario::ClassicModel::deffuant;
  scenario::Schedule schedule = scenario::Schedule::sequential;
  scenario::NetworkModel network = scenario::NetworkModel::erdos_renyi;
  std::int64_t agents = 100000;
  double mean_degree = 10.0;
  int threads = 1;
  std::int64_t steps = 0;  // 0: enough for about 5·10^7 units of work
};

struct ClassicBenchResult {
  ClassicBenchCase config;
  std::int64_t steps = 0;
  double build_seconds = 0;
  double step_seconds = 0;
  double step_cpu_seconds = 0;  // CPU time of all threads while stepping (contention check)
  std::uint64_t meetings = 0;
  std::uint64_t agent_updates = 0;
  std::uint64_t edge_visits = 0;
  std::size_t edges = 0;  // directed entries
  double meetings_per_second() const { return static_cast<double>(meetings) / step_seconds; }
  double updates_per_second() const { return static_cast<double>(agent_updates) / step_seconds; }
  double visits_per_second() const { return static_cast<double>(edge_visits) / step_seconds; }
};

// The scenario benchmarked: one group, the network and model as asked,
// ε = 0.2 and μ = 0.5 for Deffuant–Weisbuch (opinions keep moving for the
// whole measurement), ε = 0.2 for Hegselmann–Krause, half 1s for the voter model.
scenario::Scenario classic_bench_scenario(const ClassicBenchCase& config);

ClassicBenchResult run_classic_bench(const ClassicBenchCase& config);

// A yardstick measured alongside: the plain sequential Deffuant loop that
// other tools run (a random agent meets a random neighbour, std::mt19937_64,
// one thread) on the same network, in meetings per second. Under a busy
// machine both numbers fall together, so their ratio stays meaningful.
double plain_deffuant_meetings_per_second(const ClassicBenchCase& config);

}  // namespace detente
