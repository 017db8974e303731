// Leaders (rules/leaders.hpp): who leads, how stances follow the public and
// the leaders' own trust, how statements move the public, and who takes a
// vacated seat.
#include <catch2/catch.hpp>
#include <cmath>

#include "rules/leaders.hpp"
#include "rules/turnover.hpp"
#include "rules_fixtures.hpp"

using namespace detente;

namespace {

// Group g's members are a star around its first member plus a ring: the
// centre has n − 1 in-group ties, member `second` one more than the ring's 2
// (a tie to `second + 2`), everyone else 2 or 3.
SocialNetwork stars(const std::vector<std::uint32_t>& group_begin, std::uint32_t second) {
  std::vector<std::vector<test::Arc>> rows(group_begin.back());
  const auto link = [&](AgentId a, AgentId b) {
    for (const auto& arc : rows[a])
      if (arc.to == b) return;
    rows[a].push_back({b});
    rows[b].push_back({a});
  };
  for (std::size_t g = 0; g + 1 < group_begin.size(); ++g) {
    const AgentId begin = group_begin[g], n = group_begin[g + 1] - begin;
    for (AgentId k = 1; k < n; ++k)
      link(begin, begin + k);
    for (AgentId k = 1; k < n; ++k)
      link(begin + k, begin + 1 + k % (n - 1));
    link(begin + second, begin + 1 + (second + 1) % (n - 1));
  }
  return test::make_network(group_begin, std::move(rows), false, false);
}

// A ring inside each group: every member has two in-group ties.
SocialNetwork rings(const std::vector<std::uint32_t>& group_begin) {
  std::vector<std::vector<test::Arc>> rows(group_begin.back());
  for (std::size_t g = 0; g + 1 < group_begin.size(); ++g) {
    const AgentId begin = group_begin[g], n = group_begin[g + 1] - begin;
    for (AgentId k = 0; k < n; ++k) {
      rows[begin + k].push_back({begin + (k + 1) % n});
      rows[begin + k].push_back({begin + (k + n - 1) % n});
    }
  }
  return test::make_network(group_begin, std::move(rows), false, false);
}

scenario::Leaders on(std::int64_t count) {
  scenario::Leaders p;
  p.enabled = true;
  p.count = count;
  return p;
}

template <class Real>
double group_mean(const Population<Real>& pop, std::size_t g, std::size_t h) {
  double s = 0;
  for (std::uint32_t i = pop.group_begin[g]; i < pop.group_begin[g + 1]; ++i)
    s += static_cast<double>(pop.trust[h][i]);
  return s / pop.group_size(g);
}

}  // namespace

TEST_CASE("leaders: the best-connected members lead, their stance their own trust", "[leaders]") {
  auto pop = test::make_population<double>({10, 10}, 0.4);
  const auto net = stars(pop.group_begin, 5);
  pop.trust[1][0] = 0.7;
  pop.trust[0][10] = 0.2;
  const auto two = rules::seat_leaders(on(2), pop, net);
  REQUIRE(two.per_group == 2);
  CHECK(two.holder == std::vector<AgentId>{0, 5, 10, 15});
  CHECK(two.stance_of(0, 1) == 0.7);
  CHECK(two.stance_of(0, 0) == 0.0);  // own group
  CHECK(two.stance_of(2, 0) == 0.2);
  CHECK(two.stance_of(1, 1) == Approx(0.4));
  // Among members with equally many ties, the lower id leads.
  const auto three = rules::seat_leaders(on(3), pop, net);
  REQUIRE(three.per_group == 3);
  const std::uint64_t d = rules::in_group_degree(net, three.holder[2]);
  for (AgentId i = 1; i < three.holder[2]; ++i)
    if (i != 5) CHECK(rules::in_group_degree(net, i) < d);
  // More seats than members: every member leads, no more.
  CHECK(rules::seat_leaders(on(100), pop, net).per_group == 10);
  // Off: nobody leads.
  scenario::Leaders off = on(2);
  off.enabled = false;
  CHECK(rules::seat_leaders(off, pop, net).seats() == 0);
}

TEST_CASE("leaders: the stance follows the public and the leader's own trust", "[leaders]") {
  auto pop = test::make_population<double>({10, 10}, 0.4);
  const auto net = stars(pop.group_begin, 5);
  auto p = on(1);
  auto leadership = rules::seat_leaders(p, pop, net);
  REQUIRE(leadership.stance_of(0, 1) == Approx(0.4));

  // The public warms to 0.8 (the leader stays at 0.4): the stance moves φ of
  // the way to w·0.4 + (1 − w)·the public's mean, step after step.
  for (std::uint32_t i = 1; i < 10; ++i)
    pop.trust[1][i] = 0.8;
  const double mean = group_mean(pop, 0, 1);  // 0.76, the leader included
  p.responsiveness = 0.1;
  p.own_weight = 0.25;
  const double target = 0.25 * 0.4 + 0.75 * mean;
  rules::follow_public(p, pop, leadership);
  CHECK(leadership.stance_of(0, 1) == Approx(0.9 * 0.4 + 0.1 * target).epsilon(1e-12));
  for (int step = 0; step < 300; ++step)
    rules::follow_public(p, pop, leadership);
  CHECK(leadership.stance_of(0, 1) == Approx(target).epsilon(1e-9));
  // A leader who follows only their own trust ignores the public.
  p.own_weight = 1.0;
  for (int step = 0; step < 300; ++step)
    rules::follow_public(p, pop, leadership);
  CHECK(leadership.stance_of(0, 1) == Approx(0.4).epsilon(1e-9));
  // φ = 0: the stance holds.
  p.responsiveness = 0.0;
  p.own_weight = 0.0;
  rules::follow_public(p, pop, leadership);
  CHECK(leadership.stance_of(0, 1) == Approx(0.4).epsilon(1e-9));
}

TEMPLATE_TEST_CASE("leaders: a dovish leader's statements lift their public", "[leaders]", float,
                   double) {
  using Real = TestType;
  auto pop = test::make_population<Real>({10, 10}, 0.4);
  const auto net = stars(pop.group_begin, 5);
  auto p = on(1);
  p.cue = 0.05;
  auto leadership = rules::seat_leaders(p, pop, net);
  leadership.stance_of(0, 1) = 0.9;  // group 0's leader: a dove
  leadership.stance_of(1, 0) = 0.4;  // group 1's: where its public stands
  auto next = pop.trust;
  rules::apply_statements(p, leadership, pop, next);
  // x + cue·s·(S − x): 0.4 + 0.05·0.5·0.5 for group 0; group 1 unmoved.
  for (std::uint32_t i = 0; i < 10; ++i) {
    CHECK(static_cast<double>(next[1][i]) == Approx(0.4125).epsilon(1e-6));
    CHECK(next[0][i] == Real(0));
  }
  for (std::uint32_t i = 10; i < 20; ++i)
    CHECK(static_cast<double>(next[0][i]) == Approx(0.4).epsilon(1e-6));
  // Susceptibility scales the pull; a member who hears nothing stays put.
  pop.susceptibility[3] = Real(0);
  rules::apply_statements(p, leadership, pop, next);
  CHECK(next[1][3] == pop.trust[1][3]);
  // Without a cue nothing moves.
  p.cue = 0.0;
  rules::apply_statements(p, leadership, pop, next);
  CHECK(next == pop.trust);
}

TEST_CASE("leaders: seats change hands at the yearly rate and pass to non-leaders", "[leaders]") {
  auto pop = test::make_population<double>({200, 200}, 0.4);
  const auto net = stars(pop.group_begin, 5);
  const Streams rng(7, 0);
  auto p = on(5);
  p.turnover = 0.2;
  const double chance = rules::leave_chance(p.turnover, 52.0);
  // Over 10 years of weeks, 10 seats each hand on with chance p a week:
  // 10 · 520 · p ≈ 22.3 handings in expectation (Poisson SD 4.7; tolerance
  // 15, about three SDs).
  auto leadership = rules::seat_leaders(p, pop, net);
  std::size_t handed = 0;
  for (std::int64_t step = 1; step <= 520; ++step) {
    const auto before = leadership;
    const std::size_t now =
        rules::hand_on_seats(p, chance, pop, net, {}, {}, rng, step, leadership);
    handed += now;
    std::size_t changed = 0;
    for (std::size_t seat = 0; seat < leadership.seats(); ++seat) {
      if (leadership.holder[seat] == before.holder[seat]) continue;
      ++changed;
      CHECK(leadership.since[seat] == step);
      CHECK(pop.group[leadership.holder[seat]] == seat / leadership.per_group);
    }
    CHECK(changed == now);  // a seat never passes back to its own holder
    // Nobody holds two seats.
    auto holders = leadership.holder;
    std::sort(holders.begin(), holders.end());
    CHECK(std::adjacent_find(holders.begin(), holders.end()) == holders.end());
  }
  CHECK(std::abs(static_cast<double>(handed) - 10.0 * 520.0 * chance) < 15.0);
  // Chance 0 and nobody replaced: nothing changes.
  const auto kept = leadership;
  CHECK(rules::hand_on_seats(p, 0.0, pop, net, {}, {}, rng, 600, leadership) == 0);
  CHECK(leadership == kept);
  // A seat whose holder's place was given to a newcomer is handed on.
  std::vector<std::uint8_t> replaced(leadership.seats(), 0);
  replaced[3] = 1;
  CHECK(rules::hand_on_seats(p, 0.0, pop, net, {}, replaced, rng, 601, leadership) == 1);
  CHECK(leadership.holder[3] != kept.holder[3]);
  CHECK(leadership.since[3] == 601);
  // The same step's draws hand on the same seats to the same successors.
  auto again = kept;
  auto once = kept;
  rules::hand_on_seats(p, 0.5, pop, net, {}, {}, rng, 700, again);
  rules::hand_on_seats(p, 0.5, pop, net, {}, {}, rng, 700, once);
  CHECK(again == once);
}

TEST_CASE("leaders: alumni take vacated seats more often with alumni_weight above 1", "[leaders]") {
  // Everyone equally connected, so the lot weighs only alumni_weight.
  auto pop = test::make_population<double>({500, 500}, 0.4);
  const auto net = rings(pop.group_begin);
  const Streams rng(11, 0);
  // A tenth of each group graduated from a programme.
  std::vector<std::uint8_t> alumnus(pop.size(), 0);
  for (AgentId i = 0; i < pop.size(); ++i)
    alumnus[i] = i % 10 == 3;
  const auto alumni_share = [&](double weight) {
    auto p = on(5);
    p.alumni_weight = weight;
    auto leadership = rules::seat_leaders(p, pop, net);
    std::size_t successions = 0, alumni = 0;
    for (std::int64_t step = 1; step <= 200; ++step) {
      const auto before = leadership.holder;
      rules::hand_on_seats(p, 1.0, pop, net, alumnus, {}, rng, step, leadership);
      for (std::size_t seat = 0; seat < leadership.seats(); ++seat) {
        if (leadership.holder[seat] == before[seat]) continue;
        ++successions;
        alumni += alumnus[leadership.holder[seat]];
      }
    }
    return static_cast<double>(alumni) / static_cast<double>(successions);
  };
  // 2,000 successions. Weight 1: the alumni's share of the members (0.1);
  // weight 5: 5·0.1 / (5·0.1 + 0.9) ≈ 0.357. Binomial SDs ≤ 0.011;
  // tolerances 0.04.
  const double equal = alumni_share(1.0);
  const double favoured = alumni_share(5.0);
  CHECK(equal == Approx(0.1).margin(0.04));
  CHECK(favoured == Approx(0.357).margin(0.04));
  CHECK(alumni_share(0.0) == 0.0);  // weight 0: alumni never lead
}
