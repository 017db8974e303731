// Axelrod's model: interaction needs some but not all traits shared; it
// copies one differing trait; frozen states are recognised.
#include <catch2/catch.hpp>

#include "classic_fixtures.hpp"

using namespace detente;
using rules::classic::Graph;
using scenario::ClassicModel;

namespace {

struct Run {
  rules::classic::State<float> state;
  bool converged = false;
  int steps = 0;
};

Run run(const Graph& graph, std::vector<std::uint16_t> culture, std::size_t features, int steps) {
  const auto population = test::make_population<float>({static_cast<std::uint32_t>(graph.agents)});
  const Streams rng(4, 0);
  auto rule = rules::classic::make_rule<float>(test::classic(ClassicModel::axelrod), graph,
                                               population, rng);
  Run r;
  r.state.culture = std::move(culture);
  r.state.features = features;
  for (int t = 1; t <= steps && !r.converged; ++t) {
    rule->step({t, &rng}, r.state);
    r.converged = rule->converged(r.state, 0.0);
    r.steps = t;
  }
  return r;
}

}  // namespace

TEST_CASE("agents with nothing in common never interact; identical ones never change",
          "[classic][axelrod]") {
  const std::vector<std::uint16_t> apart = {0, 0, 0, 1, 1, 1};
  const auto r = run(Graph{nullptr, 2}, apart, 3, 50);
  CHECK(r.state.culture == apart);
  CHECK(r.converged);
  const std::vector<std::uint16_t> same = {2, 5, 7, 2, 5, 7};
  CHECK(run(Graph{nullptr, 2}, same, 3, 50).state.culture == same);
}

TEST_CASE("similar agents become identical, one trait at a time", "[classic][axelrod]") {
  // Two features of five differ: the pair interacts and copies until equal.
  const std::vector<std::uint16_t> close = {1, 2, 3, 4, 5, 1, 2, 3, 9, 9};
  const auto r = run(Graph{nullptr, 2}, close, 5, 500);
  REQUIRE(r.converged);
  CHECK(std::equal(r.state.culture.begin(), r.state.culture.begin() + 5,
                   r.state.culture.begin() + 5));
  // Only the differing features changed, and each took one of the two values.
  for (std::size_t k = 0; k < 3; ++k)
    CHECK(r.state.culture[k] == close[k]);
  for (std::size_t k = 3; k < 5; ++k)
    CHECK((r.state.culture[k] == close[k] || r.state.culture[k] == close[5 + k]));
}

TEST_CASE("a lattice freezes into regions whose borders share no trait", "[classic][axelrod]") {
  const auto grid = test::generated(scenario::NetworkModel::grid, 36, 0);
  std::vector<std::uint16_t> culture(36 * 3);
  const Streams rng(9, 0);
  for (std::size_t k = 0; k < culture.size(); ++k)
    culture[k] = static_cast<std::uint16_t>(rng.bits(Purpose::attributes, 0, 0, k)[0] % 4);
  const auto r = run(Graph{&grid, 36}, culture, 3, 100000);
  REQUIRE(r.converged);
  for (AgentId i = 0; i < 36; ++i)
    for (const AgentId j : grid.row(i)) {
      std::size_t shared = 0;
      for (std::size_t k = 0; k < 3; ++k)
        shared += r.state.culture[i * 3 + k] == r.state.culture[j * 3 + k] ? 1 : 0;
      CHECK((shared == 0 || shared == 3));
      CHECK(r.state.culture[i * 3] < 4);
    }
}
