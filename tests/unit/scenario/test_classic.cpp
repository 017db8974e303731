// Scenario keys of the classic models: what they allow that the trust model
// does not, and their defaults.
#include "support.hpp"

using namespace detente::scenario;
using namespace detente::scenario::test;

TEST_CASE("a classic model runs on one group, on a complete graph of any size",
          "[scenario][classic]") {
  const Scenario s = load(
      "name: one_village\n"
      "population: {groups: [{name: village, size: 1000000}]}\n"
      "network: {within: {model: complete}}\n"
      "dynamics: {classic: {model: hegselmann_krause}}\n");
  CHECK(s.population.groups.size() == 1);
  CHECK(implicit_complete_graph(s));
  // Without a classic model the same file is refused: trust needs an out-group.
  CHECK_THROWS_AS(load("name: one_village\n"
                       "population: {groups: [{name: village, size: 100}]}\n"),
                  detente::InputError);
}

TEST_CASE("the complete graph is built as edges when there are several groups",
          "[scenario][classic]") {
  const Scenario s = load(kMinimal +
                          "network: {within: {model: complete}}\n"
                          "dynamics: {classic: {model: deffuant}}\n");
  CHECK_FALSE(implicit_complete_graph(s));
}

TEST_CASE("classic defaults: no model, uniform initial opinions, never stop early",
          "[scenario][classic]") {
  const Scenario s = load(kMinimal);
  CHECK(s.dynamics.classic.model == ClassicModel::none);
  CHECK(s.stop_when == StopWhen::never);
  CHECK(s.population.groups[0].opinion.kind == Distribution::Kind::uniform);
  CHECK(s.outputs.cluster_gap == 1e-3);
  CHECK(s.outputs.agents.empty());
}
