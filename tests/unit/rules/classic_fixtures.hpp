#pragma once
// Shared by the classic-model tests: scenario parameters, graphs and a way to
// run a rule for a few steps at a chosen thread count.
#include <tbb/global_control.h>

#include <memory>
#include <utility>
#include <vector>

#include "core/network_builders.hpp"
#include "rules/classic.hpp"
#include "rules_fixtures.hpp"

namespace detente::test {

// Every pair of agents 0 … n−1, as an explicit undirected network.
inline SocialNetwork complete_network(std::uint32_t n) {
  std::vector<std::pair<AgentId, AgentId>> edges;
  for (AgentId i = 0; i < n; ++i)
    for (AgentId j = i + 1; j < n; ++j)
      edges.emplace_back(i, j);
  return make_undirected({0, n}, edges);
}

// A generated one-group network.
inline SocialNetwork generated(scenario::NetworkModel model, std::uint32_t n, double k,
                               std::uint64_t seed = 5) {
  scenario::Network spec;
  spec.within.model = model;
  spec.within.mean_degree = k;
  return generate_network(spec, std::vector<std::uint32_t>{0, n}, Streams(seed, 0)).social;
}

inline scenario::Dynamics classic(scenario::ClassicModel model, double confidence = 0.2,
                                  double rate = 0.5,
                                  scenario::Schedule schedule = scenario::Schedule::sequential) {
  scenario::Dynamics d;
  d.classic.model = model;
  d.classic.confidence = confidence;
  d.classic.rate = rate;
  d.classic.schedule = schedule;
  return d;
}

// Runs `steps` steps of the rule from `start` with `threads` threads and
// returns the opinions.
template <class Real>
std::vector<Real> run_steps(const scenario::Dynamics& dynamics, const rules::classic::Graph& graph,
                            std::vector<Real> start, int steps, int threads = 1,
                            std::uint64_t seed = 11) {
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<std::size_t>(threads));
  const auto population = make_population<Real>({static_cast<std::uint32_t>(graph.agents)});
  const Streams rng(seed, 0);
  auto rule = rules::classic::make_rule<Real>(dynamics, graph, population, rng);
  rules::classic::State<Real> state;
  state.opinion = std::move(start);
  state.anchor = state.opinion;
  for (int t = 1; t <= steps; ++t)
    rule->step({t, &rng}, state);
  return state.opinion;
}

// n uniform opinions from a fixed stream.
template <class Real>
std::vector<Real> uniform_opinions(std::size_t n, std::uint64_t seed = 3) {
  const Streams rng(seed, 0);
  std::vector<Real> x(n);
  for (std::size_t i = 0; i < n; ++i)
    x[i] = static_cast<Real>(rng.uniforms_double(Purpose::attributes, 0, 0, i)[0]);
  return x;
}

}  // namespace detente::test
