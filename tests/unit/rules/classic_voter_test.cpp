// The voter model: copying, absorbing consensus, isolated agents and the
// parallel schedule's thread-count invariance.
#include <catch2/catch.hpp>
#include <numeric>

#include "classic_fixtures.hpp"

using namespace detente;
using rules::classic::Graph;
using scenario::ClassicModel;
using scenario::Schedule;

namespace {

std::vector<float> half_ones(std::size_t n) {
  std::vector<float> x(n, 0.0f);
  for (std::size_t i = 0; i < n; i += 2)
    x[i] = 1.0f;
  return x;
}

}  // namespace

TEST_CASE("in the parallel schedule two agents copy each other at once", "[classic][voter]") {
  const auto d = test::classic(ClassicModel::voter, 0.2, 0.5, Schedule::parallel);
  CHECK(test::run_steps<double>(d, Graph{nullptr, 2}, {0.0, 1.0}, 1) ==
        std::vector<double>{1.0, 0.0});
}

TEST_CASE("opinions stay 0 or 1; consensus absorbs; lone agents keep theirs", "[classic][voter]") {
  // Agents 0–48 an odd ring (an even one is bipartite, where the parallel
  // schedule flips an alternating pattern back and forth), 49–50 isolated.
  std::vector<std::pair<AgentId, AgentId>> edges;
  for (AgentId i = 0; i < 49; ++i)
    edges.emplace_back(i, (i + 1) % 49);
  const SocialNetwork net = test::make_undirected({0, 51}, edges);
  for (const auto schedule : {Schedule::sequential, Schedule::parallel}) {
    INFO("parallel " << (schedule == Schedule::parallel));
    const auto d = test::classic(ClassicModel::voter, 0.2, 0.5, schedule);
    auto start = half_ones(51);
    start[49] = 0.0f;
    start[50] = 1.0f;
    const auto x = test::run_steps<float>(d, Graph{&net, 51}, start, 20);
    for (const float v : x)
      CHECK((v == 0.0f || v == 1.0f));
    CHECK(x != start);
    CHECK(x[49] == 0.0f);
    CHECK(x[50] == 1.0f);
    const std::vector<float> agreed(51, 0.0f);
    CHECK(test::run_steps<float>(d, Graph{&net, 51}, agreed, 5) == agreed);
  }
}

TEST_CASE("the voter model has converged only when no neighbours disagree", "[classic][voter]") {
  // Two separate pairs: {0, 1} and {2, 3}.
  const SocialNetwork net = test::make_undirected({0, 4}, {{0, 1}, {2, 3}});
  const auto population = test::make_population<float>({4});
  const Streams rng(2, 0);
  auto rule = rules::classic::make_rule<float>(test::classic(ClassicModel::voter), Graph{&net, 4},
                                               population, rng);
  rules::classic::State<float> state;
  state.opinion = {1, 1, 0, 0};  // each pair agrees, the pairs differ
  rule->step({1, &rng}, state);
  CHECK(rule->converged(state, 0.0));
  auto complete = rules::classic::make_rule<float>(test::classic(ClassicModel::voter),
                                                   Graph{nullptr, 4}, population, rng);
  state.opinion = {1, 1, 1, 1};
  complete->step({1, &rng}, state);
  CHECK(complete->converged(state, 0.0));
  state.opinion = {1, 1, 0, 0};
  for (int t = 2; t < 200 && !complete->converged(state, 0.0); ++t)
    complete->step({t, &rng}, state);
  CHECK(complete->converged(state, 0.0));
  CHECK(std::accumulate(state.opinion.begin(), state.opinion.end(), 0.0f) / 4 == state.opinion[0]);
}

TEST_CASE("both voter schedules give the same opinions at 1, 2 and 3 threads",
          "[classic][voter][determinism]") {
  // 20000 updates a step: the sequential schedule draws its second batch
  // while the first one copies.
  const auto net = test::generated(scenario::NetworkModel::erdos_renyi, 20000, 10);
  for (const auto schedule : {Schedule::sequential, Schedule::parallel}) {
    const auto d = test::classic(ClassicModel::voter, 0.2, 0.5, schedule);
    for (const Graph graph : {Graph{nullptr, 20000}, Graph{&net, 20000}}) {
      INFO("parallel " << (schedule == Schedule::parallel) << ", complete " << graph.complete());
      const auto one = test::run_steps<float>(d, graph, half_ones(20000), 6, 1);
      CHECK(one != half_ones(20000));
      CHECK(test::run_steps<float>(d, graph, half_ones(20000), 6, 2) == one);
      CHECK(test::run_steps<float>(d, graph, half_ones(20000), 6, 3) == one);
    }
  }
}
