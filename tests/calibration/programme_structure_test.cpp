// What programmes leave behind, at default parameters: who becomes an
// ambassador, and how much more likely teammates are to end up friends.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "calibration.hpp"

using namespace detente;

// KNOWN GAP, marked [!shouldfail] so the suite stays honest both ways: it
// passes while the model misses the figure and fails the day it meets it
// (then remove the tag). In the re-grounded baseline world (person-level SD
// 0.21) the share is about 0.31: ambassadors are still "alumni trusting at
// 0.5 or more", a threshold a wider public crosses more easily, not alumni
// who left with a friendship (issue 12, item 4a). Tuning the threshold to
// 0.2 would fix the answer by construction, so it is not done.
TEST_CASE("about one alumnus in five becomes an ambassador",
          "[calibration][ambassadors][!shouldfail]") {
  // Ross & Lazarus (2015): about one alumnus in five of Israeli–Palestinian
  // encounter programmes became active in peacebuilding. A default exchange
  // (five cohorts) in the baseline world; the share over 2 × 300 alumni has a
  // binomial standard error of about 0.016, so 0.15–0.25 is three of them.
  const auto s = calibration::baseline(
      3000, 60, "[{name: camp, type: exchange_program, start: 10, every: 10, rounds: 5}]");
  double alumni = 0, ambassadors = 0;
  for (std::uint32_t r = 0; r < 2; ++r) {
    const auto sim = test::run(s, -1, r);
    for (std::size_t i = 0; i < sim->footprint().agents; ++i) {
      alumni += sim->trust_state()->roster().alumnus()[i];
      ambassadors += sim->trust_state()->roster().ambassador()[i];
    }
  }
  REQUIRE(alumni == 600);
  INFO("ambassadors per alumnus: " << ambassadors / alumni);
  CHECK(ambassadors / alumni >= 0.15);
  CHECK(ambassadors / alumni <= 0.25);
}

TEST_CASE("a shared team makes a cross-group friendship about ten times as likely",
          "[calibration][teams]") {
  // Seeds of Peace camp data: sharing a bunk made a close cross-group
  // friendship 11.7 times as likely. Here: at the end of a default exchange,
  // the share of cross-group teammate pairs holding a positive tie
  // (strength ≥ positive_tie) over the share of the cohort's other
  // cross-group pairs holding one. Teammates start as acquaintances (0.5,
  // under the 0.6 line) and become friends only through meetings both
  // enjoyed, so the ratio emerges from contact; mingling and its strength
  // were fitted to it (the model gives 13.7), the rest is contact's rules. Over 4 cohorts (about
  // 1000 teammate and 3600 other pairs) the ratio's sampling error is about 15%, hence 8–16.
  const auto s = calibration::baseline(
      3000, 20, "[{name: camp, type: exchange_program, start: 10, rounds: 1}]");
  const double positive_tie = s.dynamics.contact.positive_tie;
  double team_pairs = 0, team_friends = 0, other_pairs = 0, other_friends = 0;
  for (std::uint32_t r = 0; r < 4; ++r) {
    const auto sim = test::run(s, 14, r);  // graduation: start 10 + duration 4
    const auto& round = sim->trust_state()->teams().at(0);
    std::set<std::pair<AgentId, AgentId>> friends;
    const CrossTies& ties = sim->trust_state()->ties();
    for (std::size_t e = ties.static_count; e < ties.size(); ++e)
      if (ties.strength[e] >= positive_tie) friends.insert(std::minmax(ties.a[e], ties.b[e]));
    for (std::size_t j = 0; j < round.members.size(); ++j)
      for (std::size_t l = j + 1; l < round.members.size(); ++l) {
        const AgentId a = round.members[j], b = round.members[l];
        if ((a < 3000) == (b < 3000)) continue;  // same side
        const double friendship = friends.count(std::minmax(a, b)) ? 1.0 : 0.0;
        if (round.team[j] == round.team[l]) {
          team_pairs += 1;
          team_friends += friendship;
        } else {
          other_pairs += 1;
          other_friends += friendship;
        }
      }
  }
  const double ratio = (team_friends / team_pairs) / (other_friends / other_pairs);
  INFO("teammates " << team_friends / team_pairs << ", others " << other_friends / other_pairs
                    << ", ratio " << ratio);
  CHECK(ratio >= 8.0);
  CHECK(ratio <= 16.0);
}
