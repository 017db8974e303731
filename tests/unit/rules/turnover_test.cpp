// Population turnover (rules/turnover.hpp): who leaves, and what the
// newcomers bring from family and school.
#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

#include "rules/turnover.hpp"
#include "rules_fixtures.hpp"

using namespace detente;

namespace {

scenario::Population declared(std::size_t groups) {
  scenario::Population spec;
  for (std::size_t g = 0; g < groups; ++g) {
    scenario::Group group;
    group.name = "g" + std::to_string(g);
    spec.groups.push_back(group);
  }
  return spec;
}

// A ring inside each group: i's in-group neighbours are i − 1 and i + 1.
SocialNetwork rings(const std::vector<std::uint32_t>& group_begin) {
  std::vector<std::vector<test::Arc>> rows(group_begin.back());
  for (std::size_t g = 0; g + 1 < group_begin.size(); ++g) {
    const AgentId begin = group_begin[g], n = group_begin[g + 1] - begin;
    for (AgentId k = 0; k < n; ++k) {
      rows[begin + k].push_back({begin + (k + 1) % n});
      rows[begin + k].push_back({begin + (k + n - 1) % n});
    }
  }
  return test::make_network(group_begin, std::move(rows), false);
}

double mean(const std::vector<double>& v) {
  double s = 0;
  for (const double x : v)
    s += x;
  return s / static_cast<double>(v.size());
}

double sd(const std::vector<double>& v) {
  const double m = mean(v);
  double s = 0;
  for (const double x : v)
    s += (x - m) * (x - m);
  return std::sqrt(s / static_cast<double>(v.size() - 1));
}

}  // namespace

TEST_CASE("turnover: the per-step chance compounds to the yearly rate", "[turnover]") {
  for (const double rate : {0.0086, 0.05, 0.5}) {
    const double p = rules::leave_chance(rate, 52.0);
    CHECK(1.0 - std::pow(1.0 - p, 52.0) == Approx(rate).epsilon(1e-12));
  }
  CHECK(rules::leave_chance(0.0, 52.0) == 0.0);
  CHECK(rules::leave_chance(1.0, 52.0) == 1.0);
  CHECK(rules::leave_chance(0.2, 1.0) == Approx(0.2).epsilon(1e-12));
  CHECK_THROWS_AS(rules::leave_chance(-0.1, 52.0), std::invalid_argument);
  CHECK_THROWS_AS(rules::leave_chance(1.5, 52.0), std::invalid_argument);
  CHECK_THROWS_AS(rules::leave_chance(0.1, 0.0), std::invalid_argument);
}

TEST_CASE("turnover: the share of places replaced in a year matches the rate", "[turnover]") {
  // 20,000 places, weekly steps for a year: each place is replaced at least
  // once with chance `rate`; the binomial SD of the share is at most 0.0035,
  // the tolerance 0.01 is about three of them.
  const Streams rng(20261205, 0);
  const std::size_t n = 20000;
  for (const double rate : {0.02, 0.2, 0.6}) {
    const double p = rules::leave_chance(rate, 52.0);
    std::vector<std::uint8_t> replaced(n, 0);
    std::size_t leavers = 0;
    for (std::int64_t step = 1; step <= 52; ++step) {
      const auto left = rules::choose_leavers(p, n, rng, step);
      CHECK(std::is_sorted(left.begin(), left.end()));
      CHECK(std::adjacent_find(left.begin(), left.end()) == left.end());
      for (const AgentId i : left)
        replaced[i] = 1;
      leavers += left.size();
    }
    double share = 0;
    for (const auto r : replaced)
      share += r;
    share /= static_cast<double>(n);
    INFO("rate " << rate);
    CHECK(std::abs(share - rate) < 0.01);
    // Leavers a step: n·p on average (the per-step process, not just the year).
    CHECK(static_cast<double>(leavers) / 52.0 == Approx(n * p).epsilon(0.05));
  }
  CHECK(rules::choose_leavers(0.0, n, rng, 1).empty());
  CHECK(rules::choose_leavers(1.0, 5, rng, 1) == std::vector<AgentId>{0, 1, 2, 3, 4});
  // The same step draws the same leavers; another step others.
  const double p = rules::leave_chance(0.5, 52.0);
  CHECK(rules::choose_leavers(p, n, rng, 7) == rules::choose_leavers(p, n, rng, 7));
  CHECK(rules::choose_leavers(p, n, rng, 7) != rules::choose_leavers(p, n, rng, 8));
}

TEMPLATE_TEST_CASE("turnover: the family is the neighbours' trust now, the school the students'",
                   "[turnover]", float, double) {
  using Real = TestType;
  auto pop = test::make_population<Real>({6, 6}, 0.5);
  const auto net = rings(pop.group_begin);
  // Group 0's trust toward group 1: agent k holds 0.1·k; dispositions differ.
  for (AgentId k = 0; k < 6; ++k) {
    pop.trust[1][k] = static_cast<Real>(0.1 * k);
    pop.disposition[1][k] = Real(0.8);
  }
  pop.role_names = {"public", "student"};
  pop.role[4] = pop.role[5] = 1;
  pop.disposition[1][4] = Real(0.9), pop.disposition[1][5] = Real(0.7);  // students' mean 0.8
  pop.disposition[1][0] = Real(0.2);                                     // a non-student outlier
  const Streams rng(3, 0);
  const std::vector<AgentId> leavers{2};
  scenario::Turnover p;
  p.spread = 0.0;
  const auto spec = declared(2);

  p.family = 1.0, p.school = 0.0;
  auto n = rules::socialise(p, spec, pop, net, leavers, rng, 1);
  REQUIRE(n.size() == 1);
  CHECK(n[0].slot == 2);
  CHECK(n[0].trust[1] == Approx(0.2).epsilon(1e-6));  // neighbours 1 and 3: (0.1 + 0.3) / 2
  CHECK(n[0].trust[0] == Real(0));                    // own group

  p.family = 0.0, p.school = 1.0;
  n = rules::socialise(p, spec, pop, net, leavers, rng, 1);
  CHECK(n[0].trust[1] == Approx(0.8).epsilon(1e-6));  // the students, not the outlier

  p.family = 0.25, p.school = 0.75;
  n = rules::socialise(p, spec, pop, net, leavers, rng, 1);
  CHECK(n[0].trust[1] == Approx(0.25 * 0.2 + 0.75 * 0.8).epsilon(1e-6));

  // No students: the school passes on the group's mean disposition.
  p.school_role = "pupil";
  p.family = 0.0, p.school = 1.0;
  n = rules::socialise(p, spec, pop, net, leavers, rng, 1);
  CHECK(n[0].trust[1] == Approx((0.2 + 0.8 * 3 + 0.9 + 0.7) / 6).epsilon(1e-6));

  // Placed: trust, anchor and disposition all start at what they were taught.
  rules::place_newcomers<Real>(n, pop);
  CHECK(pop.trust[1][2] == n[0].trust[1]);
  CHECK(pop.anchor[1][2] == n[0].trust[1]);
  CHECK(pop.disposition[1][2] == n[0].trust[1]);
  CHECK(pop.trust[1][3] == Approx(0.3).epsilon(1e-6));  // nobody else moves
}

TEST_CASE("turnover: with perceived norms, a newcomer takes its neighbours' view of the group",
          "[turnover][norms]") {
  auto pop = test::make_population<double>({6, 6}, 0.5);
  const auto net = rings(pop.group_begin);
  const Streams rng(3, 0);
  const auto spec = declared(2);
  scenario::Turnover p;
  const std::vector<AgentId> leavers{2};
  // Without norms the newcomer brings none.
  auto n = rules::socialise(p, spec, pop, net, leavers, rng, 1);
  CHECK(n[0].norm.empty());
  pop.perceived_norm.assign(2, std::vector<double>(12, 0.0));
  for (AgentId k = 0; k < 6; ++k)
    pop.perceived_norm[1][k] = 0.1 * k;
  const auto trust_before = n[0].trust;
  n = rules::socialise(p, spec, pop, net, leavers, rng, 1);
  REQUIRE(n[0].norm.size() == 2);
  CHECK(n[0].norm[1] == Approx(0.2));  // neighbours 1 and 3: (0.1 + 0.3) / 2
  CHECK(n[0].trust == trust_before);   // norms change no draw and no disposition
  rules::place_newcomers<double>(n, pop);
  CHECK(pop.perceived_norm[1][2] == Approx(0.2));
  CHECK(pop.perceived_norm[1][3] == Approx(0.3));  // nobody else's view moves
}

TEST_CASE("turnover: newcomers keep the group's spread of dispositions", "[turnover]") {
  // A group whose dispositions spread with SD ≈ 0.2 and whose trust has been
  // pulled together at 0.4: replacing everyone again and again from the mix
  // alone would leave no spread; the spread term keeps the group's own.
  const std::uint32_t size = 4000;
  auto pop = test::make_population<double>({size, size}, 0.4);
  const auto net = rings(pop.group_begin);
  const Streams rng(11, 0);
  for (AgentId i = 0; i < 2 * size; ++i) {
    const auto u = rng.uniforms_double(Purpose::attributes, 0, 0, i)[0];
    for (std::size_t h = 0; h < 2; ++h)
      if (h != pop.group[i]) pop.disposition[h][i] = 0.15 + 0.7 * u;  // uniform: SD 0.202
  }
  const auto spec = declared(2);
  std::vector<AgentId> everyone(2 * size);
  for (AgentId i = 0; i < 2 * size; ++i)
    everyone[i] = i;
  const auto dispositions = [&](const Population<double>& p) {
    std::vector<double> out(p.disposition[1].begin(), p.disposition[1].begin() + size);
    return out;
  };
  const double before = sd(dispositions(pop));
  REQUIRE(before == Approx(0.202).margin(0.01));

  scenario::Turnover keep;  // family 0.5, school 0.5, spread 1
  auto kept = pop;
  for (std::int64_t generation = 1; generation <= 5; ++generation)
    rules::place_newcomers<double>(
        rules::socialise(keep, spec, kept, net, everyone, rng, generation), kept);
  // Five whole generations later the SD is within 0.03 of where it began
  // (normal draws clipped to [0,1]; the mix adds a little of its own).
  CHECK(std::abs(sd(dispositions(kept)) - before) < 0.03);

  scenario::Turnover none = keep;
  none.spread = 0.0;
  auto collapsed = pop;
  for (std::int64_t generation = 1; generation <= 5; ++generation)
    rules::place_newcomers<double>(
        rules::socialise(none, spec, collapsed, net, everyone, rng, generation), collapsed);
  CHECK(sd(dispositions(collapsed)) < 0.05);
}

TEST_CASE("turnover: newcomers start without the leaver's friendships across the line",
          "[turnover]") {
  CrossTies ties;
  // Two social ties (0–5 strong, 1–6 strong), then programme ties 0–6 and 2–7.
  ties.a = {0, 1, 0, 2};
  ties.b = {5, 6, 6, 7};
  ties.strength = {0.9f, 0.8f, 0.7f, 0.75f};
  ties.key = {1, 2, 3, 4};
  ties.setting = {0, 0, 1, 1};
  ties.static_count = 2;
  const std::vector<AgentId> leavers{0, 7};
  CHECK(rules::forget_cross_ties(leavers, 0.5f, ties));
  REQUIRE(ties.size() == 2);                    // both programme ties touched a leaver
  CHECK(ties.strength[0] == 0.5f);              // 0's social tie: back to the starting strength
  CHECK(ties.strength[1] == 0.8f);              // 1 stayed
  CHECK(ties.a == std::vector<AgentId>{0, 1});  // the place keeps its acquaintance
  CHECK_FALSE(rules::forget_cross_ties(std::vector<AgentId>{3}, 0.5f, ties));
}
