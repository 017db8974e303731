#include "bench/benchmark_classic.hpp"

#include <tbb/global_control.h>

#include <chrono>
#include <ctime>
#include <random>
#include <vector>

#include "core/network_builders.hpp"
#include "core/population_builder.hpp"
#include "rules/classic.hpp"

namespace detente {

scenario::Scenario classic_bench_scenario(const ClassicBenchCase& config) {
  scenario::Scenario s;
  s.name = "bench_classic";
  s.seed = 20261128;
  scenario::Group g;
  g.name = "everyone";
  g.size = config.agents;
  g.opinion = config.model == scenario::ClassicModel::voter ? scenario::Distribution::constant(0.5)
                                                            : scenario::Distribution::uniform(0, 1);
  s.population.groups.push_back(g);
  s.network.within.model = config.network;
  s.network.within.mean_degree = config.mean_degree;
  s.dynamics.classic.model = config.model;
  s.dynamics.classic.schedule = config.schedule;
  s.dynamics.classic.confidence = 0.2;
  s.dynamics.classic.rate = 0.5;
  return s;
}

ClassicBenchResult run_classic_bench(const ClassicBenchCase& config) {
  using clock = std::chrono::steady_clock;
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(config.threads));
  const auto scenario = classic_bench_scenario(config);
  ClassicBenchResult result;
  result.config = config;

  auto start = clock::now();
  const Streams rng(scenario.seed, 0);
  const auto group_begin = group_ranges(scenario.population);
  const auto network = generate_network(scenario.network, group_begin, rng).social;
  const auto population = build_population<float>(scenario.population, group_begin, rng);
  auto state = rules::classic::initial_state<float>(scenario, group_begin, {}, rng);
  const rules::classic::Graph graph{&network, population.size()};
  auto rule = rules::classic::make_rule<float>(scenario.dynamics, graph, population, rng);
  result.build_seconds = std::chrono::duration<double>(clock::now() - start).count();
  result.edges = network.edges();

  // About 5·10^7 meetings or updates: a Deffuant step is N/2 meetings, the others N updates.
  const auto n = static_cast<double>(config.agents);
  const double per_step = config.model == scenario::ClassicModel::deffuant ? n / 2 : n;
  result.steps = config.steps > 0
                     ? config.steps
                     : std::max<std::int64_t>(3, static_cast<std::int64_t>(5e7 / per_step));
  start = clock::now();
  const std::clock_t cpu_start = std::clock();
  for (std::int64_t t = 1; t <= result.steps; ++t)
    rule->step({t, &rng}, state);
  result.step_seconds = std::chrono::duration<double>(clock::now() - start).count();
  result.step_cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  result.meetings = rule->meetings();
  result.agent_updates = rule->agent_updates();
  result.edge_visits = rule->edge_visits();
  return result;
}

double plain_deffuant_meetings_per_second(const ClassicBenchCase& config) {
  const auto scenario = classic_bench_scenario(config);
  const Streams rng(scenario.seed, 0);
  const auto group_begin = group_ranges(scenario.population);
  const auto network = generate_network(scenario.network, group_begin, rng).social;
  const auto n = static_cast<std::uint64_t>(config.agents);
  std::mt19937_64 generator(scenario.seed);
  std::vector<float> x(n);
  for (auto& v : x)
    v = static_cast<float>(generator() >> 40) * (1.0f / 16777216.0f);
  const std::uint64_t meetings = std::max<std::uint64_t>(n / 2 * 20, 20000000);
  const auto start = std::chrono::steady_clock::now();
  for (std::uint64_t m = 0; m < meetings; ++m) {
    const std::uint64_t r = generator();
    const auto i = static_cast<AgentId>(((r >> 32) * n) >> 32);
    const std::uint64_t begin = network.offsets[i];
    const std::uint64_t degree = network.offsets[i + 1] - begin;
    if (degree == 0) continue;
    const AgentId j = network.neighbours[begin + (((r & 0xFFFFFFFFu) * degree) >> 32)];
    const float d = x[j] - x[i];
    if (d < 0.2f && -d < 0.2f) {
      x[i] += 0.5f * d;
      x[j] -= 0.5f * d;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Keep the loop's result alive so it cannot be optimised away.
  volatile float sink = x[0];
  static_cast<void>(sink);
  return static_cast<double>(meetings) / seconds;
}

}  // namespace detente
