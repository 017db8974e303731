// The influence rule on one opinion: the trust rule's very arithmetic,
// DeGroot's step x' = T·x, and the edge-free complete graph.
#include <catch2/catch.hpp>
#include <random>

#include "classic_fixtures.hpp"
#include "rules/influence.hpp"

using namespace detente;
using rules::classic::Graph;
using scenario::ClassicModel;

namespace {

scenario::Dynamics influence(double confidence, std::optional<double> repulsion,
                             scenario::Peers peers, double self_weight) {
  scenario::Dynamics d;
  d.classic.model = ClassicModel::influence;
  d.influence.rate = 0.7;
  d.influence.confidence = confidence;
  d.influence.repulsion_threshold = repulsion;
  d.influence.repulsion_rate = 0.1;
  d.influence.peers = peers;
  d.influence.self_weight = self_weight;
  return d;
}

// A directed weighted network on one group of n: ~8 random out-neighbours each.
SocialNetwork random_directed(std::uint32_t n, bool weighted) {
  std::mt19937_64 gen(17);
  std::vector<std::vector<test::Arc>> rows(n);
  std::uniform_real_distribution<double> weight(0.1, 2.0);
  for (AgentId i = 0; i < n; ++i) {
    std::vector<AgentId> seen;
    for (int k = 0; k < 8; ++k)
      seen.push_back(static_cast<AgentId>(gen() % n));
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    for (const AgentId j : seen)
      rows[i].push_back({j, weight(gen)});
  }
  return test::make_network({0, n, n}, std::move(rows), weighted);
}

// One step of each: the trust rule on trust toward an empty second group,
// and the classic rule on the same values as opinions.
template <class Real>
void compare_with_trust_rule(const scenario::Dynamics& d, bool weighted) {
  constexpr std::uint32_t n = 400;
  const SocialNetwork net = random_directed(n, weighted);
  auto pop = test::make_population<Real>({n, 0});
  std::mt19937_64 gen(5);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (std::size_t i = 0; i < n; ++i) {
    pop.trust[1][i] = static_cast<Real>(u(gen));
    pop.anchor[1][i] = static_cast<Real>(u(gen));
    pop.susceptibility[i] = static_cast<Real>(u(gen));
    pop.stubbornness[i] = static_cast<Real>(0.4 * u(gen));
  }
  rules::TrustArrays<Real> next;
  rules::apply_influence(d.influence, net, pop, {}, next);

  const Streams rng(1, 0);
  auto rule = rules::classic::make_rule<Real>(d, Graph{&net, n}, pop, rng);
  rules::classic::State<Real> state;
  state.opinion = pop.trust[1];
  state.anchor = pop.anchor[1];
  rule->step({1, &rng}, state);
  CHECK(state.opinion == next[1]);
}

}  // namespace

TEMPLATE_TEST_CASE("on one opinion, the influence rule computes what the trust rule computes",
                   "[classic][influence]", float, double) {
  for (const bool weighted : {false, true}) {
    for (const auto peers : {scenario::Peers::in_group, scenario::Peers::all}) {
      INFO("weighted " << weighted << ", peers all " << (peers == scenario::Peers::all));
      compare_with_trust_rule<TestType>(influence(1.0, std::nullopt, peers, 0.0), weighted);
      compare_with_trust_rule<TestType>(influence(0.3, 0.6, peers, 1.0), weighted);
    }
  }
}

TEST_CASE("DeGroot: one step is x' = T x, exactly in double", "[classic][influence]") {
  const SocialNetwork t = test::make_network(
      {0, 3},
      {{{0, 1.0 / 3}, {1, 1.0 / 3}, {2, 1.0 / 3}}, {{0, 0.5}, {1, 0.5}}, {{1, 0.25}, {2, 0.75}}},
      true);
  auto pop = test::make_population<double>({3});
  pop.stubbornness.assign(3, 0.0);
  pop.susceptibility.assign(3, 1.0);
  scenario::Dynamics d = influence(1.0, std::nullopt, scenario::Peers::all, 0.0);
  d.influence.rate = 1.0;
  const Streams rng(1, 0);
  auto rule = rules::classic::make_rule<double>(d, Graph{&t, 3}, pop, rng);
  rules::classic::State<double> state;
  state.opinion = {0.9, 0.1, 0.5};
  state.anchor = state.opinion;
  rule->step({1, &rng}, state);
  CHECK(state.opinion[0] == Approx(0.5).epsilon(1e-15));  // (0.9 + 0.1 + 0.5) / 3
  CHECK(state.opinion[1] == Approx(0.5).epsilon(1e-15));  // (0.9 + 0.1) / 2
  CHECK(state.opinion[2] == Approx(0.4).epsilon(1e-15));  // 0.1 / 4 + 3 · 0.5 / 4
}

TEST_CASE("influence on the complete graph without edges matches an explicit network",
          "[classic][influence]") {
  constexpr std::uint32_t n = 300;
  const SocialNetwork complete = test::complete_network(n);
  auto pop = test::make_population<double>({n});
  std::mt19937_64 gen(8);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (std::size_t i = 0; i < n; ++i) {
    pop.susceptibility[i] = u(gen);
    pop.stubbornness[i] = 0.3 * u(gen);
  }
  const auto start = test::uniform_opinions<double>(n);
  for (const auto& d : {influence(1.0, std::nullopt, scenario::Peers::all, 0.0),
                        influence(0.2, std::nullopt, scenario::Peers::all, 1.0),
                        influence(0.2, 0.5, scenario::Peers::all, 0.5)}) {
    std::vector<std::vector<double>> results;
    for (const Graph graph : {Graph{nullptr, n}, Graph{&complete, n}}) {
      const Streams rng(1, 0);
      auto rule = rules::classic::make_rule<double>(d, graph, pop, rng);
      rules::classic::State<double> state;
      state.opinion = start;
      state.anchor = start;
      for (int t = 1; t <= 5; ++t)
        rule->step({t, &rng}, state);
      results.push_back(state.opinion);
    }
    for (std::size_t i = 0; i < n; ++i)
      REQUIRE(results[0][i] == Approx(results[1][i]).margin(1e-12));
  }
}
