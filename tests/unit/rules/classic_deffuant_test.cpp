// Deffuant–Weisbuch: a meeting's arithmetic, conservation of the opinion sum,
// the parallel schedule's thread-count invariance and the convergence test.
#include <catch2/catch.hpp>
#include <numeric>

#include "classic_fixtures.hpp"

using namespace detente;
using rules::classic::Graph;
using scenario::ClassicModel;
using scenario::Schedule;

namespace {

double sum(const std::vector<double>& x) {
  return std::accumulate(x.begin(), x.end(), 0.0);
}

double spread(const std::vector<double>& x) {
  const auto [lo, hi] = std::minmax_element(x.begin(), x.end());
  return *hi - *lo;
}

}  // namespace

TEST_CASE("a meeting moves both agents by mu of their difference, only within epsilon",
          "[classic][deffuant]") {
  const SocialNetwork pair = test::complete_network(2);
  for (const auto schedule : {Schedule::sequential, Schedule::parallel}) {
    for (const Graph graph : {Graph{nullptr, 2}, Graph{&pair, 2}}) {
      INFO("parallel " << (schedule == Schedule::parallel) << ", complete " << graph.complete());
      // Two agents: a step is ⌊2/2⌋ = 1 meeting, always between them.
      const auto d = test::classic(ClassicModel::deffuant, 0.4, 0.25, schedule);
      const auto x = test::run_steps<double>(d, graph, {0.25, 0.625}, 1);
      CHECK(x[0] == Approx(0.25 + 0.25 * 0.375).epsilon(1e-15));
      CHECK(x[1] == Approx(0.625 - 0.25 * 0.375).epsilon(1e-15));
      // |x_i − x_j| < ε is strict: a difference of exactly ε does not meet.
      const auto far = test::classic(ClassicModel::deffuant, 0.375, 0.25, schedule);
      CHECK(test::run_steps<double>(far, graph, {0.25, 0.625}, 3) ==
            std::vector<double>{0.25, 0.625});
    }
  }
}

TEST_CASE("meetings conserve the sum of opinions and narrow their spread", "[classic][deffuant]") {
  const auto net = test::generated(scenario::NetworkModel::watts_strogatz, 500, 8);
  const auto start = test::uniform_opinions<double>(500);
  for (const auto schedule : {Schedule::sequential, Schedule::parallel}) {
    for (const Graph graph : {Graph{nullptr, 500}, Graph{&net, 500}}) {
      INFO("parallel " << (schedule == Schedule::parallel) << ", complete " << graph.complete());
      const auto d = test::classic(ClassicModel::deffuant, 1.0, 0.5, schedule);
      const auto x = test::run_steps<double>(d, graph, start, 30);
      // x_i + x_j is unchanged by each meeting, up to rounding.
      CHECK(sum(x) == Approx(sum(start)).epsilon(1e-12));
      // With ε = 1 everyone eventually agrees: after 30 steps the spread is small.
      CHECK(spread(x) < 0.1 * spread(start));
    }
  }
}

TEST_CASE("both schedules give the same opinions at 1, 2 and 3 threads",
          "[classic][deffuant][determinism]") {
  // 40000 agents: a sequential step (20000 meetings) spans two batches, so the
  // pairs of the second are drawn while the first meets.
  constexpr std::uint32_t n = 40000;
  const auto net = test::generated(scenario::NetworkModel::erdos_renyi, n, 10);
  const auto start = test::uniform_opinions<float>(n);
  for (const auto schedule : {Schedule::sequential, Schedule::parallel}) {
    const auto d = test::classic(ClassicModel::deffuant, 0.3, 0.5, schedule);
    for (const Graph graph : {Graph{nullptr, n}, Graph{&net, n}}) {
      INFO("parallel " << (schedule == Schedule::parallel) << ", complete " << graph.complete());
      const auto one = test::run_steps<float>(d, graph, start, 4, 1);
      CHECK(one != start);
      CHECK(test::run_steps<float>(d, graph, start, 4, 2) == one);
      CHECK(test::run_steps<float>(d, graph, start, 4, 3) == one);
    }
  }
}

TEST_CASE("converged means no pair within epsilon still differs by more than the tolerance",
          "[classic][deffuant]") {
  const SocialNetwork ring = test::make_undirected({0, 4}, {{0, 1}, {1, 2}, {2, 3}, {3, 0}});
  for (const Graph graph : {Graph{nullptr, 4}, Graph{&ring, 4}}) {
    INFO("complete " << graph.complete());
    const auto population = test::make_population<double>({4});
    const Streams rng(1, 0);
    auto rule = rules::classic::make_rule<double>(test::classic(ClassicModel::deffuant, 0.2, 0.5),
                                                  graph, population, rng);
    rules::classic::State<double> state;
    // Two clusters 0.4 apart: nobody can move.
    state.opinion = {0.1, 0.1, 0.5, 0.5};
    rule->step({1, &rng}, state);
    CHECK(rule->converged(state, 1e-6));
    // A pair 1e-3 apart inside ε is still active at a tolerance of 1e-6 …
    state.opinion = {0.1, 0.101, 0.5, 0.5};
    rule->step({2, &rng}, state);
    CHECK_FALSE(rule->converged(state, 1e-6));
    // … but not at a tolerance of 0.01.
    CHECK(rule->converged(state, 0.01));
  }
}
