// exchange_program: cohorts, mixed teams and their ties, graduation into the
// alumni setting, ambassadors and their weight among peers.
#include <catch2/catch.hpp>
#include <set>

#include "core/rng.hpp"
#include "interventions/programme_layer.hpp"
#include "world.hpp"

using namespace detente;

namespace {

const std::string kCamp =
    "interventions:\n"
    "  - {name: camp, type: exchange_program, start: 5, rounds: 1, cohort: 30, team_size: 6,\n"
    "     duration: 4, mingling: 1, mingling_strength: 0.3}\n";

}  // namespace

TEST_CASE("a round mixes the cohort into teams whose cross pairs all get a tie",
          "[exchange_program]") {
  const auto s = test::load(test::world_yaml(1000, 20) + kCamp);
  auto sim = test::run(s, 5);
  const CrossTies& ties = sim->trust_state()->ties();
  const auto& teams = sim->trust_state()->teams();
  REQUIRE(teams.size() == 1);
  const auto& round = teams[0];
  REQUIRE(round.members.size() == 60);
  // 60 members in 10 teams: each team 3 north + 3 south, so 9 cross pairs.
  std::map<std::uint32_t, std::pair<int, int>> sides;
  for (std::size_t k = 0; k < round.members.size(); ++k)
    (round.members[k] < 1000 ? sides[round.team[k]].first : sides[round.team[k]].second) += 1;
  REQUIRE(sides.size() == 10);
  for (const auto& [team, count] : sides)
    CHECK(count == std::make_pair(3, 3));

  std::set<std::pair<AgentId, AgentId>> teammates;
  for (std::size_t j = 0; j < round.members.size(); ++j)
    for (std::size_t l = 0; l < round.members.size(); ++l)
      if (round.team[j] == round.team[l] && (round.members[j] < 1000) != (round.members[l] < 1000))
        teammates.insert(std::minmax(round.members[j], round.members[l]));
  std::size_t team_ties = 0, mingling = 0;
  std::set<std::uint64_t> keys;
  for (std::size_t e = ties.static_count; e < ties.size(); ++e) {
    CHECK((ties.key[e] >> 55) == 1);  // never a static tie's key
    keys.insert(ties.key[e]);
    CHECK(ties.setting[e] != 0);
    if (teammates.count(std::minmax(ties.a[e], ties.b[e])) == 1) {
      ++team_ties;
      // made at 0.5 (an acquaintance), then one step of contact and decay
      CHECK(ties.strength[e] > 0.4f);
      CHECK(ties.strength[e] < 0.7f);
    } else {
      ++mingling;
      CHECK(ties.strength[e] < 0.52f);  // made at 0.3; a positive meeting adds 0.21
    }
  }
  CHECK(team_ties == 90);
  CHECK(mingling > 40);  // one each, less the few that drew a teammate or a repeat
  CHECK(mingling <= 60);
  CHECK(keys.size() == ties.size() - ties.static_count);
  CHECK(test::metrics_of(*sim).at("programme_ties/all") == double(team_ties + mingling));
  CHECK(test::metrics_of(*sim).at("participants/all") == 60);
}

TEST_CASE("the cohort meets at the programme's intensity, then at everyday rate",
          "[exchange_program]") {
  // With intensity 10 and rate 0.1, team ties meet every step of the
  // programme; afterwards they move to the alumni setting at intensity 1.
  const auto s = test::load(test::world_yaml(1000, 20) + kCamp,
                            {"interventions.camp.conditions.intensity=10"});
  auto sim = test::run(s, 5);
  const std::size_t during = sim->trust_state()->ties().size();
  const auto setting_during = sim->trust_state()->ties().setting.back();
  while (sim->now() < 8)
    sim->step();
  CHECK(sim->trust_state()->ties().setting.back() == setting_during);
  sim->step();  // step 9 = 5 + duration: graduation, before that step's contact
  const auto setting_after = sim->trust_state()->ties().setting.back();
  CHECK(setting_after != setting_during);
  CHECK(sim->trust_state()->ties().size() <= during);
  CHECK(test::metrics_of(*sim).at("participants/all") == 60);
}

TEST_CASE("alumni trusting enough at graduation become ambassadors", "[exchange_program]") {
  const auto s = test::load(test::world_yaml(1000, 20) + kCamp,
                            {"interventions.camp.ambassador_threshold=0.5"});
  auto sim = test::run(s, 8);  // the state graduation reads: the end of step 8
  const auto trust = sim->trust_state()->outgroup_trust();
  const auto members = sim->trust_state()->teams().at(0).members;
  std::set<AgentId> expected;
  for (const AgentId i : members)
    if (trust[i] >= 0.5) expected.insert(i);
  REQUIRE_FALSE(expected.empty());
  REQUIRE(expected.size() < members.size());
  sim->step();
  const auto& roster = sim->trust_state()->roster();
  std::set<AgentId> ambassadors;
  for (AgentId i = 0; i < roster.ambassador().size(); ++i)
    if (roster.ambassador()[i] != 0) ambassadors.insert(i);
  CHECK(ambassadors == expected);
  for (const AgentId i : members)
    CHECK(roster.alumnus()[i] == 1);
  CHECK(test::metrics_of(*sim).at("ambassadors/all") == double(expected.size()));
}

TEST_CASE("ambassadors pull their in-group peers up", "[exchange_program]") {
  // Paired: the same seed with ambassadors weighing 8 or 1 as speakers. The
  // only path from the weight to anyone's trust is influence among peers, so
  // non-participants end up more trusting with weighty ambassadors.
  const std::string camp =
      "interventions:\n"
      "  - {name: camp, type: exchange_program, start: 1, every: 5, rounds: 4, cohort: 100,\n"
      "     ambassador_threshold: 0.5}\n";
  std::vector<double> differences;
  for (std::uint32_t r = 0; r < 3; ++r) {
    const auto heavy = test::run(
        test::load(test::world_yaml(1500, 60) + camp, {"interventions.camp.ambassador_weight=8"}),
        -1, r);
    const auto plain = test::run(
        test::load(test::world_yaml(1500, 60) + camp, {"interventions.camp.ambassador_weight=1"}),
        -1, r);
    std::vector<std::uint8_t> others(heavy->footprint().agents, 0);
    for (std::size_t i = 0; i < others.size(); ++i)
      others[i] = heavy->trust_state()->roster().participant()[i] == 0 ? 1 : 0;
    differences.push_back(test::mean_of(heavy->trust_state()->outgroup_trust(), others) -
                          test::mean_of(plain->trust_state()->outgroup_trust(), others));
    // Random targeting does not look at trust: the same agents take part.
    CHECK(heavy->trust_state()->roster().participant() ==
          plain->trust_state()->roster().participant());
  }
  // Every replicate moves the same way, and the mean clears 3 standard errors.
  const auto d = test::paired(differences);
  for (const double x : differences)
    CHECK(x > 0.0);
  CHECK(d.mean > 3.0 * d.se);
}

TEST_CASE("programme tie keys depend on the intervention, round and pair only",
          "[exchange_program]") {
  using interventions::programme_tie_key;
  const auto k = programme_tie_key(stream_key("camp"), 5, 10, 2000);
  CHECK(k == programme_tie_key(stream_key("camp"), 5, 10, 2000));
  CHECK(k != programme_tie_key(stream_key("camp"), 6, 10, 2000));
  CHECK(k != programme_tie_key(stream_key("camp2"), 5, 10, 2000));
  CHECK(k != programme_tie_key(stream_key("camp"), 5, 11, 2000));
  CHECK((k >> 55) == 1);
  CHECK(k < (1ull << 56));
}
