// Targeting (interventions/targeting.hpp): cohort sizes, roles, past
// participants, the marginalised quota, network position and attitude, on a
// generated world.
#include <algorithm>
#include <catch2/catch.hpp>

#include "core/network_builders.hpp"
#include "core/population_builder.hpp"
#include "interventions/targeting.hpp"
#include "world.hpp"

using namespace detente;
using detente::interventions::Amount;
using detente::interventions::Selector;

namespace {

struct World {
  scenario::Scenario spec;
  Population<float> population;
  SocialNetwork network;
  Streams rng{7, 0};
};

World make_world() {
  World w;
  // Barabási–Albert gives degrees spread enough to tell central from peripheral.
  w.spec = test::load(test::world_yaml(1500),
                      {"network.within.model=barabasi_albert", "network.within.mean_degree=6"});
  const auto begin = group_ranges(w.spec.population);
  w.population = build_population<float>(w.spec.population, begin, w.rng);
  w.network = generate_network(w.spec.network, begin, w.rng).social;
  return w;
}

std::size_t degree(const World& w, AgentId i) {
  return w.network.offsets[i + 1] - w.network.offsets[i];
}

template <class F>
double mean_over(const std::vector<AgentId>& ids, F f) {
  double s = 0;
  for (const AgentId i : ids)
    s += f(i);
  return s / static_cast<double>(ids.size());
}

std::vector<AgentId> members(const World& w, std::size_t g) {
  std::vector<AgentId> out;
  for (AgentId i = w.population.group_begin[g]; i < w.population.group_begin[g + 1]; ++i)
    out.push_back(i);
  return out;
}

}  // namespace

TEST_CASE("a cohort has the asked size, from the targeted group and roles", "[targeting]") {
  const World w = make_world();
  scenario::Targeting target;
  target.groups = {"south"};
  target.roles = {"student", "educator"};
  const Selector select(target, w.spec, w.population.role_names);
  REQUIRE(select.groups() == std::vector<std::size_t>{1});
  const auto chosen = select.choose(1, Amount::of(40), w.population, w.network, w.rng, 11, 3, {});
  REQUIRE(chosen.size() == 40);
  CHECK(std::is_sorted(chosen.begin(), chosen.end()));
  for (const AgentId i : chosen) {
    CHECK(w.population.group[i] == 1);
    const std::string& role = w.population.role_names[w.population.role[i]];
    CHECK((role == "student" || role == "educator"));
  }
  // The same key and step choose the same; another step, another cohort.
  CHECK(select.choose(1, Amount::of(40), w.population, w.network, w.rng, 11, 3, {}) == chosen);
  CHECK(select.choose(1, Amount::of(40), w.population, w.network, w.rng, 11, 4, {}) != chosen);
}

TEST_CASE("past participants are left out unless repeat is set", "[targeting]") {
  const World w = make_world();
  scenario::Targeting target;
  target.roles = {"student"};  // about 120 per group
  std::vector<std::uint8_t> taken(w.population.size(), 0);
  const Selector once(target, w.spec, w.population.role_names);
  const auto first = once.choose(0, Amount::of(100), w.population, w.network, w.rng, 5, 1, taken);
  for (const AgentId i : first)
    taken[i] = 1;
  const auto second = once.choose(0, Amount::of(100), w.population, w.network, w.rng, 5, 2, taken);
  for (const AgentId i : second)
    CHECK(taken[i] == 0);
  CHECK(second.size() < 100);  // fewer students are left than asked for

  target.repeat = true;
  const Selector again(target, w.spec, w.population.role_names);
  CHECK(again.choose(0, Amount::of(100), w.population, w.network, w.rng, 5, 2, taken).size() ==
        100);
}

TEST_CASE("a share is taken of the eligible agents", "[targeting]") {
  const World w = make_world();
  scenario::Targeting target;
  target.roles = {"student"};
  const Selector select(target, w.spec, w.population.role_names);
  std::size_t students = 0;
  for (const AgentId i : members(w, 0))
    students += w.population.role_names[w.population.role[i]] == "student" ? 1 : 0;
  const auto chosen =
      select.choose(0, Amount::share_of(0.25), w.population, w.network, w.rng, 5, 1, {});
  CHECK(chosen.size() ==
        static_cast<std::size_t>(std::llround(0.25 * static_cast<double>(students))));
}

TEST_CASE("the marginalised quota is met", "[targeting]") {
  const World w = make_world();
  scenario::Targeting target;
  target.marginalised_quota = 0.5;  // the group has 15%
  const Selector select(target, w.spec, w.population.role_names);
  const auto chosen = select.choose(0, Amount::of(60), w.population, w.network, w.rng, 9, 1, {});
  const double share =
      mean_over(chosen, [&](AgentId i) { return w.population.marginalised[i] != 0 ? 1.0 : 0.0; });
  CHECK(share >= 0.5);
  target.marginalised_quota = 0.0;
  const Selector plain(target, w.spec, w.population.role_names);
  const auto random = plain.choose(0, Amount::of(60), w.population, w.network, w.rng, 9, 1, {});
  CHECK(mean_over(random,
                  [&](AgentId i) { return w.population.marginalised[i] != 0 ? 1.0 : 0.0; }) < 0.35);
}

TEST_CASE("central picks the best connected, peripheral the least", "[targeting]") {
  const World w = make_world();
  const auto everyone = members(w, 0);
  const double average = mean_over(everyone, [&](AgentId i) { return double(degree(w, i)); });
  scenario::Targeting target;
  target.position = scenario::Position::central;
  const auto central = Selector(target, w.spec, w.population.role_names)
                           .choose(0, Amount::of(50), w.population, w.network, w.rng, 3, 1, {});
  target.position = scenario::Position::peripheral;
  const auto peripheral = Selector(target, w.spec, w.population.role_names)
                              .choose(0, Amount::of(50), w.population, w.network, w.rng, 3, 1, {});
  // The 50 most connected of 1500 in a scale-free layer are hubs: well above twice the mean.
  CHECK(mean_over(central, [&](AgentId i) { return double(degree(w, i)); }) > 2.0 * average);
  const auto least = std::min_element(everyone.begin(), everyone.end(), [&](AgentId a, AgentId b) {
    return degree(w, a) < degree(w, b);
  });
  for (const AgentId i : peripheral)
    CHECK(degree(w, i) == degree(w, *least));
}

TEST_CASE("willing and sceptical split the group at its median trust", "[targeting]") {
  const World w = make_world();
  std::vector<double> trust;
  for (const AgentId i : members(w, 1))
    trust.push_back(interventions::outgroup_trust(w.population, i));
  std::sort(trust.begin(), trust.end());
  const double median = trust[trust.size() / 2];
  scenario::Targeting target;
  target.attitude = scenario::Attitude::willing;
  const auto willing = Selector(target, w.spec, w.population.role_names)
                           .choose(1, Amount::of(200), w.population, w.network, w.rng, 3, 1, {});
  target.attitude = scenario::Attitude::sceptical;
  const auto sceptical = Selector(target, w.spec, w.population.role_names)
                             .choose(1, Amount::of(200), w.population, w.network, w.rng, 3, 1, {});
  REQUIRE(willing.size() == 200);
  for (const AgentId i : willing)
    CHECK(interventions::outgroup_trust(w.population, i) >= median);
  for (const AgentId i : sceptical)
    CHECK(interventions::outgroup_trust(w.population, i) <= median);
}
