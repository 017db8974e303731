#pragma once
// `detente bench`: the speed of the full step on a synthetic two-group world
// with every rule on (design §6), at chosen sizes and thread counts.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/simulation.hpp"
#include "scenario/scenario.hpp"

namespace detente {

struct BenchCase {
  std::int64_t agents = 100000;
  int threads = 1;
  std::int64_t steps = 20;
  double mean_degree = 20.0;
};

struct BenchResult {
  BenchCase config;
  double build_seconds = 0;
  double step_seconds = 0;  // all steps
  Footprint footprint;      // agents, edges, ties, bytes and seconds per phase
  double agent_steps_per_second() const;
  double edge_visits_per_second() const;       // full step: edges × steps / step time
  double influence_visits_per_second() const;  // influence phase alone
  double bytes_per_agent() const;
};

// The world `detente bench` simulates: two groups of agents/2, Watts–Strogatz
// within (mean degree as given), cross-group ties, two hostile outlets, a
// Poisson crisis rate, every rule on.
scenario::Scenario bench_scenario(const BenchCase& config);

BenchResult run_bench(const BenchCase& config);

}  // namespace detente
