#include "bench/benchmark.hpp"

#include <tbb/global_control.h>

#include <chrono>

namespace detente {

scenario::Scenario bench_scenario(const BenchCase& config) {
  scenario::Scenario s;
  s.name = "bench";
  s.seed = 20261128;
  s.steps = config.steps;
  for (const char* name : {"north", "south"}) {
    scenario::Group g;
    g.name = name;
    g.size = config.agents / 2;
    g.trust = {scenario::Distribution::Kind::beta, 0.5, 0, 1, 2.0, 5.0};
    g.susceptibility = {scenario::Distribution::Kind::uniform, 0.5, 0.2, 0.8};
    s.population.groups.push_back(g);
  }
  s.network.within.model = scenario::NetworkModel::watts_strogatz;
  s.network.within.mean_degree = config.mean_degree;
  s.network.between.mean_degree = 1.0;
  s.dynamics.influence.repulsion_threshold = 0.6;
  s.dynamics.shocks.poisson_rate = 0.01;
  s.dynamics.shocks.poisson_surge_steps = 4;
  scenario::Outlet north_tv{"north_tv", {"north"}, 0.6, 0.3, -0.4, 0.6, "north"};
  scenario::Outlet south_tv{"south_tv", {"south"}, 0.6, 0.3, -0.4, 0.6, "south"};
  s.media = {north_tv, south_tv};
  return s;
}

BenchResult run_bench(const BenchCase& config) {
  using clock = std::chrono::steady_clock;
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(config.threads));
  const auto scenario = bench_scenario(config);
  BenchResult result;
  result.config = config;
  auto start = clock::now();
  auto simulation = make_simulation(scenario, 0);
  result.build_seconds = std::chrono::duration<double>(clock::now() - start).count();
  start = clock::now();
  while (simulation->now() < scenario.steps)
    simulation->step();
  result.step_seconds = std::chrono::duration<double>(clock::now() - start).count();
  result.footprint = simulation->footprint();
  return result;
}

double BenchResult::agent_steps_per_second() const {
  return static_cast<double>(config.agents) * static_cast<double>(config.steps) / step_seconds;
}

double BenchResult::edge_visits_per_second() const {
  return static_cast<double>(footprint.edges) * static_cast<double>(config.steps) / step_seconds;
}

double BenchResult::influence_visits_per_second() const {
  return static_cast<double>(footprint.edges) * static_cast<double>(config.steps) /
         footprint.phase_seconds("influence");
}

double BenchResult::bytes_per_agent() const {
  return static_cast<double>(footprint.bytes) / static_cast<double>(config.agents);
}

}  // namespace detente
