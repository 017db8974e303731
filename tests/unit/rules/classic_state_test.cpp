// The state a classic model starts from: opinions from the groups'
// distributions or the nodes file, binary for the voter model, cultures for
// Axelrod, and the messages for columns a model cannot take.
#include <catch2/catch.hpp>
#include <cmath>

#include "classic_fixtures.hpp"
#include "core/errors.hpp"

using namespace detente;
using Catch::Matchers::Message;
using scenario::ClassicModel;

namespace {

scenario::Scenario two_groups(ClassicModel model) {
  scenario::Scenario s;
  s.name = "state";
  s.dynamics.classic.model = model;
  s.dynamics.classic.features = 6;
  s.dynamics.classic.traits = 7;
  for (const char* name : {"left", "right"}) {
    scenario::Group g;
    g.name = name;
    g.size = 10000;
    s.population.groups.push_back(g);
  }
  s.population.groups[0].opinion = scenario::Distribution::uniform(0.0, 0.5);
  s.population.groups[1].opinion = scenario::Distribution::constant(0.8);
  return s;
}

const std::vector<std::uint32_t> kGroups = {0, 10000, 20000};

}  // namespace

TEST_CASE("opinions are drawn from each group's distribution", "[classic][state]") {
  const auto s = two_groups(ClassicModel::deffuant);
  const auto state = rules::classic::initial_state<double>(s, kGroups, {}, Streams(1, 0));
  REQUIRE(state.opinion.size() == 20000);
  double left = 0.0;
  for (std::size_t i = 0; i < 10000; ++i) {
    REQUIRE((state.opinion[i] >= 0.0 && state.opinion[i] <= 0.5));
    left += state.opinion[i];
  }
  // Uniform on [0, 0.5]: mean 0.25, sd of the mean 0.144/√10000.
  CHECK(left / 10000 == Approx(0.25).margin(4 * 0.1443 / 100));
  for (std::size_t i = 10000; i < 20000; ++i)
    REQUIRE(state.opinion[i] == 0.8);
  CHECK(state.anchor == state.opinion);
}

TEST_CASE("the voter model starts at 1 with the drawn probability", "[classic][state]") {
  const auto s = two_groups(ClassicModel::voter);
  const auto state = rules::classic::initial_state<float>(s, kGroups, {}, Streams(1, 0));
  double ones = 0.0;
  for (std::size_t i = 10000; i < 20000; ++i) {
    REQUIRE((state.opinion[i] == 0.0f || state.opinion[i] == 1.0f));
    ones += state.opinion[i];
  }
  // Binomial(10000, 0.8): sd of the share 0.004; four sd.
  CHECK(ones / 10000 == Approx(0.8).margin(0.016));
}

TEST_CASE("Axelrod's traits are uniform over the q values", "[classic][state]") {
  const auto s = two_groups(ClassicModel::axelrod);
  const auto state = rules::classic::initial_state<float>(s, kGroups, {}, Streams(1, 0));
  CHECK(state.opinion.empty());
  REQUIRE(state.features == 6);
  REQUIRE(state.culture.size() == 20000 * 6);
  std::vector<double> count(7, 0.0);
  for (const auto trait : state.culture) {
    REQUIRE(trait < 7);
    ++count[trait];
  }
  // 120000 draws over 7 traits: expected 17143 each, sd about 121.
  for (const double c : count)
    CHECK(c == Approx(120000.0 / 7).margin(5 * 121));
}

TEST_CASE("a nodes file's opinion column replaces the drawn opinions", "[classic][state]") {
  auto s = two_groups(ClassicModel::voter);
  s.population.groups[0].size = s.population.groups[1].size = 2;
  const std::vector<std::uint32_t> groups = {0, 2, 4};
  const std::vector<NodeColumn> binary = {{"opinion", {1, 0, 0, 1}}};
  CHECK(rules::classic::initial_state<double>(s, groups, binary, Streams(1, 0)).opinion ==
        std::vector<double>{1, 0, 0, 1});
  const std::vector<NodeColumn> fractional = {{"opinion", {1, 0, 0.5, 1}}};
  CHECK_THROWS_MATCHES(
      rules::classic::initial_state<double>(s, groups, fractional, Streams(1, 0)), InputError,
      Message("network.nodes_file: the voter model holds opinions 0 or 1, but agent 2 (row 3 in "
              "group order) has opinion 0.5; give 0 or 1"));
  s.dynamics.classic.model = ClassicModel::axelrod;
  CHECK_THROWS_MATCHES(
      rules::classic::initial_state<double>(s, groups, binary, Streams(1, 0)), InputError,
      Message("network.nodes_file: the opinion column cannot be used with "
              "dynamics.classic.model axelrod, whose agents hold cultures (random traits) instead "
              "of opinions; remove the column"));
}
