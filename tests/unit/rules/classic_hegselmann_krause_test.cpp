// Hegselmann–Krause: a hand-computed step, the edge-free complete graph
// against an explicit complete network, and thread-count invariance.
#include <catch2/catch.hpp>
#include <cmath>

#include "classic_fixtures.hpp"

using namespace detente;
using rules::classic::Graph;
using scenario::ClassicModel;

TEST_CASE("each agent moves to the mean of the opinions within epsilon, its own included",
          "[classic][hk]") {
  const SocialNetwork complete = test::complete_network(5);
  for (const Graph graph : {Graph{nullptr, 5}, Graph{&complete, 5}}) {
    INFO("complete graph without edges: " << graph.complete());
    const auto d = test::classic(ClassicModel::hegselmann_krause, 0.2);
    const auto x = test::run_steps<double>(d, graph, {0.0, 0.125, 0.5, 0.5625, 1.0}, 1);
    CHECK(x[0] == Approx(0.0625));
    CHECK(x[1] == Approx(0.0625));
    CHECK(x[2] == Approx(0.53125));
    CHECK(x[3] == Approx(0.53125));
    CHECK(x[4] == 1.0);
    // |x_j − x_i| ≤ ε is inclusive: opinions exactly ε apart average.
    const auto edge = test::classic(ClassicModel::hegselmann_krause, 0.25);
    const auto y = test::run_steps<double>(edge, graph, {0.25, 0.5, 1.0, 1.0, 1.0}, 1);
    CHECK(y[0] == 0.375);
    CHECK(y[1] == 0.375);
  }
}

TEST_CASE("Hegselmann-Krause on the complete graph without edges matches an explicit network",
          "[classic][hk]") {
  const SocialNetwork complete = test::complete_network(300);
  const auto start = test::uniform_opinions<double>(300);
  for (const double epsilon : {0.05, 0.15, 0.3}) {
    INFO("epsilon " << epsilon);
    const auto d = test::classic(ClassicModel::hegselmann_krause, epsilon);
    const auto sorted = test::run_steps<double>(d, Graph{nullptr, 300}, start, 6);
    const auto gathered = test::run_steps<double>(d, Graph{&complete, 300}, start, 6);
    // The same agents count on both paths; only the order of the sums differs.
    for (std::size_t i = 0; i < start.size(); ++i)
      REQUIRE(sorted[i] == Approx(gathered[i]).margin(1e-12));
  }
}

TEST_CASE("Hegselmann-Krause gives the same opinions at 1, 2 and 3 threads",
          "[classic][hk][determinism]") {
  const auto net = test::generated(scenario::NetworkModel::erdos_renyi, 20000, 10);
  const auto start = test::uniform_opinions<float>(20000);
  const auto d = test::classic(ClassicModel::hegselmann_krause, 0.2);
  for (const Graph graph : {Graph{nullptr, 20000}, Graph{&net, 20000}}) {
    const auto one = test::run_steps<float>(d, graph, start, 4, 1);
    CHECK(test::run_steps<float>(d, graph, start, 4, 2) == one);
    CHECK(test::run_steps<float>(d, graph, start, 4, 3) == one);
  }
}

TEST_CASE("Hegselmann-Krause has converged when no opinion moves", "[classic][hk]") {
  const auto population = test::make_population<double>({4});
  const Streams rng(1, 0);
  auto rule = rules::classic::make_rule<double>(test::classic(ClassicModel::hegselmann_krause, 0.1),
                                                Graph{nullptr, 4}, population, rng);
  rules::classic::State<double> state;
  state.opinion = {0.0, 0.05, 0.5, 0.5};
  rule->step({1, &rng}, state);
  CHECK_FALSE(rule->converged(state, 1e-9));  // 0 and 0.05 just met
  rule->step({2, &rng}, state);
  CHECK(rule->converged(state, 1e-9));
}
