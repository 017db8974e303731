// Population turnover in a running world (engine/phases/turnover.cpp): how
// many places change hands, what newcomers do not inherit, how a public's
// mean drifts through replacement alone, and how curricula reach newcomers.
#include <catch2/catch.hpp>
#include <cmath>

#include "world.hpp"

using namespace detente;

namespace {

const Population<float>& people(const test::Run& sim) {
  return *sim->trust_state()->population().f32;
}

// Places whose occupant arrived after `after` (by turnover).
std::vector<std::uint8_t> arrived_after(const test::Run& sim, std::int64_t after) {
  const auto& roster = sim->trust_state()->roster();
  const std::size_t n = people(sim).size();
  std::vector<std::uint8_t> out(n, 0);
  for (std::size_t i = 0; i < n; ++i)
    out[i] = roster.arrived(static_cast<AgentId>(i)) > after;
  return out;
}

double share(const std::vector<std::uint8_t>& flags) {
  double n = 0;
  for (const auto f : flags)
    n += f;
  return n / static_cast<double>(flags.size());
}

// North's dispositions (or anchors) toward south, as doubles.
std::vector<double> north_toward_south(const std::vector<std::vector<float>>& values,
                                       const Population<float>& p) {
  return {values[1].begin(), values[1].begin() + p.group_begin[1]};
}

double mean(const std::vector<double>& v) {
  return test::mean_of(v, std::vector<std::uint8_t>(v.size(), 1));
}

}  // namespace

TEST_CASE("turnover replaces the yearly rate's share of places", "[turnover]") {
  // 4,000 places for 52 weekly steps at 30% a year; the binomial SD of the
  // share is 0.0072, the tolerance 0.025 about three and a half of them.
  auto s = test::load(test::world_yaml(2000, 52), {"dynamics.turnover.rate=0.3"});
  auto sim = test::run(s);
  CHECK(std::abs(share(arrived_after(sim, 0)) - 0.3) < 0.025);

  s = test::load(test::world_yaml(2000, 52));
  sim = test::run(s);
  CHECK(share(arrived_after(sim, -1)) == 0.0);  // off by default
}

TEST_CASE("newcomers carry no friendships across the line and no programme history", "[turnover]") {
  // A camp makes teams, programme ties, alumni and ambassadors; at 90% a year
  // many of its people leave within weeks. Each step, every place that just
  // changed hands must hold someone who took part in nothing and whose ties
  // across the line are the social layer's acquaintances at their starting
  // strength, with no programme tie.
  const std::string camp =
      "interventions:\n"
      "  - {name: camp, type: exchange_program, start: 2, rounds: 1, cohort: 100, team_size: 6,\n"
      "     duration: 4, mingling: 1, mingling_strength: 0.3}\n";
  const auto s = test::load(test::world_yaml(600, 40) + camp, {"dynamics.turnover.rate=0.9"});
  test::Run sim(s, 0);
  std::size_t former_participants = 0, former_friends = 0, newcomers = 0;
  std::size_t with_history = 0, with_programme_tie = 0, with_friendship = 0;
  while (sim->now() < s.steps) {
    const auto before = sim->trust_state()->roster().participant();
    std::vector<std::uint8_t> had_friend(before.size(), 0);
    const CrossTies& old_ties = sim->trust_state()->ties();
    for (std::size_t e = 0; e < old_ties.size(); ++e)
      if (old_ties.strength[e] > 0.5f) had_friend[old_ties.a[e]] = had_friend[old_ties.b[e]] = 1;
    sim->step();
    const auto& roster = sim->trust_state()->roster();
    const CrossTies& ties = sim->trust_state()->ties();
    for (AgentId i = 0; i < before.size(); ++i) {
      if (roster.arrived(i) != sim->now()) continue;
      ++newcomers;
      former_participants += before[i];
      former_friends += had_friend[i];
      with_history += roster.participant()[i] || roster.alumnus()[i] || roster.ambassador()[i] ||
                      roster.trained()[i] ||
                      (!roster.speaker_weight().empty() && roster.speaker_weight()[i] != 1.0f);
      for (std::size_t e = 0; e < ties.size(); ++e) {
        if (ties.a[e] != i && ties.b[e] != i) continue;
        with_programme_tie += e >= ties.static_count;
        with_friendship += ties.strength[e] != 0.5f;  // network.between.strength
      }
    }
  }
  CHECK(with_history == 0);
  CHECK(with_programme_tie == 0);
  CHECK(with_friendship == 0);
  // Nor later: the camp's one round began at step 2, so nobody who arrived
  // since took part in it, graduated from it or became its ambassador, though
  // many took the place of a member before the camp ended (step 6).
  const auto& roster = sim->trust_state()->roster();
  std::size_t credited = 0, replaced_members = 0;
  const auto& round = sim->trust_state()->teams().at(0);
  for (const AgentId i : round.members)
    replaced_members += roster.arrived(i) >= 2 && roster.arrived(i) < 6;
  for (AgentId i = 0; i < roster.participant().size(); ++i)
    if (roster.arrived(i) >= 2)
      credited += roster.participant()[i] || roster.alumnus()[i] || roster.ambassador()[i];
  CHECK(replaced_members > 5);
  CHECK(credited == 0);
  // The checks met the camp's people and people with strengthened ties.
  CHECK(newcomers > 300);
  CHECK(former_participants > 10);
  CHECK(former_friends > 10);
}

TEST_CASE("through turnover a public's mean drifts over decades; without it, it does not",
          "[turnover]") {
  // The baseline world's return to lasting dispositions (δ 0.01) pins each
  // person near their own disposition, which nothing but curricula moves. A
  // north whose national TV is as hostile as it gets (slant −1, seen every
  // week, κ 0.04) holds its trust below those dispositions: a shifted
  // source. Newcomers raised by their families alone (family 1) take that
  // trust as their disposition, so each generation starts from where the
  // last one was pulled. Years 5 to 30, 5% a year, 500 a side. Measured at
  // this seed: anchors drift −0.001 without turnover and −0.033 with it.
  const auto yaml = test::world_yaml(500, 30 * 52);
  const auto drift = [&](const char* rate) {
    const auto s =
        test::load(yaml, {"dynamics.consolidation.disposition=0.01", "media.north_tv.slant=-1",
                          "media.north_tv.exposure=1", "dynamics.media.influence=0.04",
                          "dynamics.turnover.family=1", "dynamics.turnover.school=0", rate});
    test::Run sim(s, 0);
    while (sim->now() < 5 * 52)
      sim->step();
    const auto& p = people(sim);
    const double anchor5 = mean(north_toward_south(p.anchor, p));
    const double disposition5 = mean(north_toward_south(p.disposition, p));
    while (sim->now() < s.steps)
      sim->step();
    const auto& q = people(sim);
    const auto dispositions = north_toward_south(q.disposition, q);
    return std::tuple{mean(north_toward_south(q.anchor, q)) - anchor5,
                      mean(dispositions) - disposition5,
                      test::sd_of(dispositions, std::vector<std::uint8_t>(dispositions.size(), 1))};
  };
  const auto [anchor_off, disposition_off, sd_off] = drift("dynamics.turnover.rate=0");
  const auto [anchor_on, disposition_on, sd_on] = drift("dynamics.turnover.rate=0.05");
  INFO("anchor drift off " << anchor_off << ", on " << anchor_on);
  INFO("disposition drift off " << disposition_off << ", on " << disposition_on);
  INFO("SD of dispositions off " << sd_off << ", on " << sd_on);
  CHECK(disposition_off == 0.0);  // only curricula move dispositions
  CHECK(std::abs(anchor_off) < 0.005);
  CHECK(anchor_on < -0.025);
  CHECK(disposition_on < -0.025);
  // Replacement keeps the spread of dispositions (within 0.03 of the world without it).
  CHECK(std::abs(sd_on - sd_off) < 0.03);
}

TEST_CASE("a curriculum that teaches students reaches the newcomers", "[turnover][curriculum]") {
  // A yearly curriculum for every student; half the places change hands in
  // a year. (1) Students who arrived after a round are taught in the next:
  // the curriculum does not count a place as taught once its pupil has left.
  // (2) Newcomers who are not students themselves learn at school from the
  // students the curriculum moved: their dispositions start warmer than in
  // the same world without it.
  const std::string school =
      "interventions:\n"
      "  - {name: school, type: curriculum, start: 1, every: 52, rounds: 3, coverage: 1,\n"
      "     duration: 36, anchor_gain: 0.05, anchor_target: 0.9, target: {roles: [student]}}\n";
  const auto with = test::load(test::world_yaml(800, 104) + school,
                               {"dynamics.turnover.rate=0.5", "dynamics.turnover.school=0.8",
                                "dynamics.turnover.family=0.2"});
  auto sim = test::run(with, 53);  // the second round at step 53
  {
    const auto& p = people(sim);
    const auto& roster = sim->trust_state()->roster();
    std::size_t students = 0, taught = 0;
    for (AgentId i = 0; i < p.size(); ++i) {
      const auto arrived = roster.arrived(i);
      if (p.role_names[p.role[i]] != "student" || arrived < 1 || arrived >= 53) continue;
      ++students;
      taught += roster.participant()[i];
    }
    CHECK(students > 20);
    CHECK(taught == students);
  }
  while (sim->now() < with.steps)
    sim->step();
  const auto without = test::load(test::world_yaml(800, 104),
                                  {"dynamics.turnover.rate=0.5", "dynamics.turnover.school=0.8",
                                   "dynamics.turnover.family=0.2"});
  const auto plain = test::run(without);
  const auto newcomer_mean = [](const test::Run& run) {
    const auto& p = people(run);
    const auto& roster = run->trust_state()->roster();
    std::vector<double> values;
    for (AgentId i = 0; i < p.group_begin[1]; ++i)
      if (roster.arrived(i) > 40 && p.role_names[p.role[i]] != "student")
        values.push_back(p.disposition[1][i]);
    return std::pair{mean(values), values.size()};
  };
  const auto [taught_mean, taught_n] = newcomer_mean(sim);
  const auto [plain_mean, plain_n] = newcomer_mean(plain);
  INFO("newcomers' disposition with the curriculum "
       << taught_mean << " (" << taught_n << "), without " << plain_mean << " (" << plain_n << ")");
  CHECK(taught_n > 100);
  CHECK(taught_mean - plain_mean > 0.05);
}

TEST_CASE("a programme may choose the newcomer in a place whose member has left", "[turnover]") {
  // The first round takes everyone, so the second (20 weeks later) can only
  // take people who arrived since: the places whose members left.
  const std::string camp =
      "interventions:\n"
      "  - {name: camp, type: exchange_program, start: 2, every: 20, rounds: 2, cohort: 100,\n"
      "     team_size: 6, duration: 4}\n";
  const auto s = test::load(test::world_yaml(100, 23) + camp, {"dynamics.turnover.rate=0.9"});
  const auto sim = test::run(s);
  const auto& teams = sim->trust_state()->teams();
  REQUIRE(teams.size() == 2);
  CHECK(teams[0].members.size() == 200);
  const auto& roster = sim->trust_state()->roster();
  CHECK(teams[1].members.size() > 10);
  for (const AgentId i : teams[1].members)
    CHECK(roster.arrived(i) >= 2);
}

TEST_CASE("journalists replaced by turnover take their training's relief with them",
          "[turnover][capacity_building]") {
  // Every journalist of both sides is trained in week 1 and none leaves the
  // newsroom (turnover 0); 90% of places a year change hands. A national
  // outlet's hostile slant is relieved by the share of its side's journalists
  // still trained: slant = declared · (1 − 0.5 · share). The relief is set at
  // the start of a step and turnover comes last, so after 40 weeks that share
  // counts the places never replaced and possibly some replaced first in
  // week 40 (the roster keeps only the last arrival): it lies between the
  // two, and below 1 (before the fix it stayed 1: every trainee counted).
  const std::string training =
      "interventions:\n"
      "  - {name: reporters, type: capacity_building, start: 1, rounds: 1,\n"
      "     cohort: 100, slant_reduction: 0.5, turnover: 0, fade: 0}\n";
  const auto s = test::load(test::world_yaml(1500, 40) + training, {"dynamics.turnover.rate=0.9"});
  const auto sim = test::run(s);
  const auto& p = people(sim);
  const auto& roster = sim->trust_state()->roster();
  const auto slants = sim->trust_state()->outlet_slants();
  REQUIRE(slants.size() == s.media.size());
  for (std::size_t g = 0; g < 2; ++g) {  // north_tv serves north, south_tv south
    std::size_t journalists = 0, never_replaced = 0, last_week = 0;
    for (AgentId i = p.group_begin[g]; i < p.group_begin[g + 1]; ++i) {
      if (p.role_names[p.role[i]] != "journalist") continue;
      ++journalists;
      never_replaced += roster.arrived(i) < 1 ? 1 : 0;
      last_week += roster.arrived(i) == sim->now() ? 1 : 0;
    }
    REQUIRE(journalists > 10);
    const auto n = static_cast<double>(journalists);
    const double share = (1.0 - slants[g] / s.media[g].slant) / 0.5;
    INFO("group " << g << ": relief counts " << share * n << " of " << journalists
                  << " trained; never replaced " << never_replaced << ", replaced in week 40 "
                  << last_week);
    CHECK(share >= never_replaced / n - 1e-9);
    CHECK(share <= (never_replaced + last_week) / n + 1e-9);
    CHECK(share < 0.6);  // most left in 40 weeks at 90% a year
  }
  CHECK(slants[2] == s.media[2].slant);  // not hostile: never relieved
}
