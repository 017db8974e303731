// Reunions (issue 12, item 4a): a programme with `reunions: K` brings each
// newly drawn cohort back for its next K rounds, in the same teams, before
// it draws new people. The ties the cohort kept are renewed, not
// duplicated; faded ones form again; people whose place was handed on are
// not called back; each reunion is paid like a round.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "world.hpp"

using namespace detente;

namespace {

// Rounds at steps 5, 15, 25, 35; with reunions: 2, rounds 1–3 are one cohort
// and round 4 draws a new one.
std::string camp(int reunions) {
  return "interventions:\n"
         "  - {name: camp, type: exchange_program, start: 5, every: 10, rounds: 4, cohort: 30,\n"
         "     team_size: 6, duration: 4, mingling: 2, reunions: " +
         std::to_string(reunions) + ", cost: {per_participant: 2}}\n";
}

using Pair = std::pair<AgentId, AgentId>;

// Every programme tie, by pair: how many ties the pair has.
std::map<Pair, int> programme_pairs(const CrossTies& ties) {
  std::map<Pair, int> out;
  for (std::size_t e = ties.static_count; e < ties.size(); ++e)
    ++out[std::minmax(ties.a[e], ties.b[e])];
  return out;
}

}  // namespace

TEST_CASE("a reunion brings back the same people in the same teams", "[reunions]") {
  auto sim = test::run(test::load(test::world_yaml(1000, 40) + camp(2)));
  const auto& rounds = sim->trust_state()->teams();
  REQUIRE(rounds.size() == 4);
  for (std::size_t k : {1, 2}) {
    INFO("reunion " << k);
    CHECK(rounds[k].members == rounds[0].members);
    CHECK(rounds[k].team == rounds[0].team);
  }
  // The fourth round draws new people: nobody who came before (repeat is off).
  const std::set<AgentId> first(rounds[0].members.begin(), rounds[0].members.end());
  REQUIRE(rounds[3].members.size() == 60);
  for (const AgentId i : rounds[3].members)
    CHECK(first.count(i) == 0);
  // 120 places paid across four rounds, 60 people taken part.
  const auto m = test::metrics_of(*sim);
  CHECK(m.at("participants/all") == 120);
  CHECK(m.at("spending/all") == 4 * 60 * 2);
}

TEST_CASE("without reunions every round draws new people", "[reunions]") {
  auto sim = test::run(test::load(test::world_yaml(1000, 40) + camp(0)));
  const auto& rounds = sim->trust_state()->teams();
  REQUIRE(rounds.size() == 4);
  std::set<AgentId> seen;
  for (const auto& round : rounds)
    for (const AgentId i : round.members)
      CHECK(seen.insert(i).second);
  CHECK(test::metrics_of(*sim).at("participants/all") == 240);
}

TEST_CASE("a reunion renews the cohort's ties instead of doubling them", "[reunions]") {
  // Intensity 10 makes ties meet often during a round, so they deepen or sour
  // visibly; tie decay 0.25 a step makes some fade away between rounds.
  const auto s =
      test::load(test::world_yaml(1000, 40) + camp(2),
                 {"interventions.camp.conditions.intensity=10", "dynamics.contact.tie_decay=0.25"});
  auto sim = test::run(s, 14);  // the state the reunion at step 15 finds
  std::map<Pair, float> before;
  std::set<std::uint64_t> old_keys;
  {
    const CrossTies& ties = sim->trust_state()->ties();
    for (std::size_t e = ties.static_count; e < ties.size(); ++e) {
      before[std::minmax(ties.a[e], ties.b[e])] = ties.strength[e];
      old_keys.insert(ties.key[e]);
    }
  }
  REQUIRE_FALSE(before.empty());
  sim->step();  // step 15: the first reunion
  const CrossTies& ties = sim->trust_state()->ties();
  const auto after = programme_pairs(ties);
  for (const auto& [pair, count] : after)
    CHECK(count == 1);  // no pair holds two ties
  // A tie the cohort kept is renewed (its key stays); only pairs whose tie
  // had faded away get a new one.
  std::size_t formed_again = 0;
  for (std::size_t e = ties.static_count; e < ties.size(); ++e) {
    if (old_keys.count(ties.key[e]) != 0) continue;
    ++formed_again;
    CHECK(before.count(std::minmax(ties.a[e], ties.b[e])) == 0);
  }
  CHECK(formed_again > 0);
  CHECK(formed_again < after.size());
  // A kept tie gone by the end of the step was about to fade: under the
  // floor (0.05) after one step's decay (×0.75) and at worst a bad meeting
  // (×0.85).
  for (const auto& [pair, strength] : before)
    if (after.count(pair) == 0) CHECK(strength < 0.05f / (0.75f * 0.85f));
  // All the cohort's ties meet in the reunion's setting.
  std::set<std::uint16_t> settings;
  for (std::size_t e = ties.static_count; e < ties.size(); ++e)
    settings.insert(ties.setting[e]);
  CHECK(settings.size() == 1);
}

TEST_CASE("a reunion does not call back a place whose member has left", "[reunions]") {
  // Population turnover at 90% a year hands on about 4% of places a week:
  // over the ten weeks to the first reunion some of the 60 members leave.
  const auto s = test::load(test::world_yaml(1000, 40) + camp(2), {"dynamics.turnover.rate=0.9"});
  auto sim = test::run(s, 14);  // the world the reunion at step 15 finds
  const auto& roster = sim->trust_state()->roster();
  std::vector<AgentId> stayed;
  for (const AgentId i : sim->trust_state()->teams().at(0).members)
    if (roster.arrived(i) < 5) stayed.push_back(i);
  REQUIRE(stayed.size() < 60);
  REQUIRE(stayed.size() > 30);
  sim->step();
  const auto& rounds = sim->trust_state()->teams();
  REQUIRE(rounds.size() == 2);
  CHECK(rounds[1].members == stayed);
}
