// Intergroup contact: meeting and valence frequencies against their formulas
// (binomial tolerances of 4 standard deviations), the size of each effect on
// hand-made cases, tie strengths, extended contact, common random numbers and
// thread-count invariance.
#include <tbb/global_control.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <stdexcept>

#include "rules/contact.hpp"
#include "rules_fixtures.hpp"

using namespace detente;

namespace {

// `pairs` agents in group 0 and `pairs` in group 1, tie e = (e, pairs + e).
struct Pairs {
  Population<double> pop;
  SocialNetwork net;
  CrossTies ties;
  rules::TieSummary before;
};

Pairs make_pairs(std::uint32_t pairs, float strength, double trust = 0.5) {
  Pairs s{test::make_population<double>({pairs, pairs}, trust), {}, {}, {}};
  s.net = test::make_undirected(s.pop.group_begin, {});
  std::vector<std::pair<AgentId, AgentId>> ends;
  for (AgentId e = 0; e < pairs; ++e)
    ends.push_back({e, pairs + e});
  s.ties = test::make_ties(s.pop.size(), ends, strength, pairs);
  rules::summarise_ties(s.ties, s.pop.group, 0.6, s.before);
  return s;
}

// Within 4 binomial standard deviations of n·p.
void check_binomial(std::uint64_t count, std::uint64_t n, double p) {
  const double sd = std::sqrt(static_cast<double>(n) * p * (1.0 - p));
  INFO("count " << count << " of " << n << ", expected " << static_cast<double>(n) * p << " ± 4·"
                << sd);
  CHECK(std::fabs(static_cast<double>(count) - static_cast<double>(n) * p) <= 4.0 * sd);
}

rules::ContactCounts run(const scenario::Contact& p, Pairs& s, std::int64_t step,
                         rules::TrustArrays<double>& next, std::uint64_t seed = 42) {
  const Streams rng(seed, 0);
  const rules::StepContext ctx{step, &rng};
  return rules::apply_contact(p, {}, s.net, s.pop, s.before, s.ties, ctx, next);
}

scenario::Contact always_meet() {
  scenario::Contact p;
  p.rate = 1.0;
  p.extended_rate = 0.0;
  return p;
}

}  // namespace

TEST_CASE("contact: ties meet with probability rate times strength", "[contact]") {
  constexpr std::uint32_t n = 20000;
  auto s = make_pairs(n, 0.5f);
  scenario::Contact p;  // rate 0.1
  rules::TrustArrays<double> next;
  const auto counts = run(p, s, 3, next);
  check_binomial(counts.meetings, n, 0.1 * 0.5);
  CHECK(counts.meetings == counts.positive + counts.negative);

  auto strong = make_pairs(n, 1.0f);
  check_binomial(run(p, strong, 3, next).meetings, n, 0.1);
}

TEST_CASE("contact: the positive share matches q and conditions raise it", "[contact]") {
  constexpr std::uint32_t n = 20000;
  auto s = make_pairs(n, 1.0f, 0.5);
  auto p = always_meet();
  rules::TrustArrays<double> next;
  auto counts = run(p, s, 1, next);
  REQUIRE(counts.meetings == n);
  // q = 0.55 − 0.3·(1 − 0.5) = 0.4
  check_binomial(counts.positive, n, 0.4);

  p.everyday = {1.0, 1.0, 1.0, 1.0, scenario::Framing::cooperative};
  s = make_pairs(n, 1.0f, 0.5);
  counts = run(p, s, 1, next);
  check_binomial(counts.positive, n, 0.4 + 4 * 0.1);  // q = 0.8
}

TEST_CASE("contact: each end appraises a shared meeting by its own trust", "[contact]") {
  // A warm end (trust 0.9) and a wary one (0.1) meet every step: one draw says
  // how the meeting went, each judges it against its own q. q_warm = 0.55 −
  // 0.3·0.1 = 0.52, q_wary = 0.55 − 0.3·0.9 = 0.28: both enjoy it with
  // probability 0.28, neither with 0.48, only the warm end with 0.24, and the
  // wary end never likes a meeting the warm end disliked.
  constexpr std::uint32_t n = 20000;
  auto s = make_pairs(n, 1.0f);
  for (std::uint32_t i = 0; i < n; ++i) {
    s.pop.trust[1][i] = 0.9;      // group 0 toward group 1: warm
    s.pop.trust[0][n + i] = 0.1;  // group 1 toward group 0: wary
  }
  const auto p = always_meet();
  rules::TrustArrays<double> next;
  const auto counts = run(p, s, 1, next);
  REQUIRE(counts.meetings == n);
  check_binomial(counts.positive, n, 0.28);
  check_binomial(counts.negative, n, 0.48);

  std::uint64_t warm_liked = 0, wary_liked = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const bool warm_up = next[1][i] > 0.9, wary_up = next[0][n + i] > 0.1;
    warm_liked += warm_up;
    wary_liked += wary_up;
    CHECK((!wary_up || warm_up));  // the wary end's good meeting was good for both
    // The tie (at full strength) cooled exactly when neither liked it.
    CHECK((s.ties.strength[i] < 1.0f) == (!warm_up && !wary_up));
  }
  check_binomial(warm_liked, n, 0.52);
  check_binomial(wary_liked, n, 0.28);
  // Each end's verdict is counted for its own group: group 0 is the warm side.
  REQUIRE(counts.good_verdicts.size() == 2);
  CHECK(counts.good_verdicts[0] == warm_liked);
  CHECK(counts.good_verdicts[1] == wary_liked);
  CHECK(counts.good_verdicts[0] + counts.bad_verdicts[0] == n);
  CHECK(counts.good_verdicts[1] + counts.bad_verdicts[1] == n);
}

TEST_CASE("contact: competitive framing lowers q (same seed, paired)", "[contact]") {
  constexpr std::uint32_t n = 20000;
  auto p = always_meet();
  p.everyday = {1.0, 1.0, 1.0, 1.0, scenario::Framing::cooperative};
  auto cooperative = make_pairs(n, 1.0f);
  rules::TrustArrays<double> next;
  const auto with_cooperation = run(p, cooperative, 1, next);

  p.everyday.framing = scenario::Framing::competitive;
  auto competitive = make_pairs(n, 1.0f);
  const auto with_competition = run(p, competitive, 1, next);
  // q = 0.55 + 0.1·3 − 0.35 − 0.15 = 0.35 instead of 0.8
  check_binomial(with_competition.positive, n, 0.35);
  CHECK(with_competition.positive < with_cooperation.positive);
}

TEST_CASE("contact: settings come from the tie's setting index", "[contact]") {
  constexpr std::uint32_t n = 20000;
  auto s = make_pairs(n, 1.0f);
  for (std::size_t e = 0; e < n; e += 2)
    s.ties.setting[e] = 1;
  const std::vector<scenario::Conditions> settings = {
      {}, {1.0, 1.0, 1.0, 1.0, scenario::Framing::cooperative}};
  const Streams rng(42, 0);
  rules::TrustArrays<double> next;
  const auto counts = rules::apply_contact(always_meet(), settings, s.net, s.pop, s.before, s.ties,
                                           {1, &rng}, next);
  // Half the ties at q = 0.4, half at q = 0.8: a sum of two binomials.
  const double mean = n / 2 * 0.4 + n / 2 * 0.8;
  const double sd = std::sqrt(n / 2 * (0.4 * 0.6 + 0.8 * 0.2));
  CHECK(std::fabs(static_cast<double>(counts.positive) - mean) <= 4 * sd);

  s.ties.setting[0] = 2;
  CHECK_THROWS_WITH(rules::apply_contact(always_meet(), settings, s.net, s.pop, s.before, s.ties,
                                         {1, &rng}, next),
                    Catch::Contains("setting 2 but only 2 settings"));
}

TEST_CASE("contact: negative contact weighs 1.3 times positive by default", "[contact]") {
  const scenario::Contact defaults;
  CHECK(defaults.negative_step == Approx(1.3 * defaults.positive_step));

  auto p = always_meet();
  p.anxiety = 0.0;
  p.base_positive = 1.0;  // every meeting positive
  auto s = make_pairs(1, 1.0f, 0.5);
  rules::TrustArrays<double> up;
  REQUIRE(run(p, s, 0, up).positive == 1);
  p.base_positive = 0.0;  // every meeting negative
  s = make_pairs(1, 1.0f, 0.5);
  rules::TrustArrays<double> down;
  REQUIRE(run(p, s, 0, down).negative == 1);

  // Both ends move by generalisation·α·(distance to the bound).
  const double gain = 0.4 * 0.05 * 0.5, loss = 0.4 * 0.065 * 0.5;
  CHECK(up[1][0] == Approx(0.5 + gain).epsilon(1e-12));
  CHECK(up[0][1] == Approx(0.5 + gain).epsilon(1e-12));
  CHECK(down[1][0] == Approx(0.5 - loss).epsilon(1e-12));
  CHECK(down[0][1] == Approx(0.5 - loss).epsilon(1e-12));
  CHECK((0.5 - down[1][0]) / (up[1][0] - 0.5) == Approx(1.3).epsilon(1e-9));
}

TEST_CASE("contact: with depth weighed, a friend's meeting moves trust more than a stranger's",
          "[contact][depth]") {
  // φ = 1: a meeting on a tie of strength s moves trust by s times the
  // step; φ = 0.5: by (0.5 + 0.5·s); φ = 0 (default): by the full step at any
  // strength, as before depth was weighed.
  const scenario::Contact defaults;
  CHECK(defaults.depth_weight == 0.0);
  auto p = always_meet();
  p.anxiety = 0.0;
  const double gain = 0.4 * 0.05 * 0.5, loss = 0.4 * 0.065 * 0.5;
  for (const double phi : {0.0, 0.5, 1.0})
    for (const float strength : {0.25f, 0.5f, 1.0f}) {
      INFO("phi " << phi << ", strength " << strength);
      p.depth_weight = phi;
      p.rate = 1.0 / strength;  // every tie meets
      const double w = 1.0 - phi + phi * static_cast<double>(strength);
      p.base_positive = 1.0;
      auto s = make_pairs(1, strength, 0.5);
      rules::TrustArrays<double> up;
      REQUIRE(run(p, s, 0, up).positive == 1);
      CHECK(up[1][0] == Approx(0.5 + w * gain).epsilon(1e-12));
      CHECK(up[0][1] == Approx(0.5 + w * gain).epsilon(1e-12));
      p.base_positive = 0.0;
      s = make_pairs(1, strength, 0.5);
      rules::TrustArrays<double> down;
      REQUIRE(run(p, s, 0, down).negative == 1);
      CHECK(down[1][0] == Approx(0.5 - w * loss).epsilon(1e-12));
    }
}

TEST_CASE("contact: meetings in one step add up from the start state", "[contact]") {
  // Agent 0 (group 0) has ties to agents 1 and 2 (group 1); both meet positively.
  auto pop = test::make_population<double>({1, 2}, 0.3);
  const auto net = test::make_undirected(pop.group_begin, {});
  auto ties = test::make_ties(3, {{0, 1}, {0, 2}}, 1.0f, 2);
  rules::TieSummary before;
  rules::summarise_ties(ties, pop.group, 0.6, before);
  auto p = always_meet();
  p.anxiety = 0.0;
  p.base_positive = 1.0;
  const Streams rng(1, 0);
  rules::TrustArrays<double> next;
  rules::apply_contact(p, {}, net, pop, before, ties, {0, &rng}, next);
  CHECK(next[1][0] == Approx(0.3 + 2 * 0.4 * 0.05 * 0.7).epsilon(1e-12));
  CHECK(next[0][1] == Approx(0.3 + 0.4 * 0.05 * 0.7).epsilon(1e-12));
}

TEST_CASE("contact: positive meetings strengthen ties, negative ones weaken them", "[contact]") {
  auto p = always_meet();
  p.anxiety = 0.0;
  // Ties 0 and 1 are social (static_count = 2), tie 2 a programme tie.
  auto pop = test::make_population<double>({3, 3});
  const auto net = test::make_undirected(pop.group_begin, {});
  auto make = [&] { return test::make_ties(6, {{0, 3}, {1, 4}, {2, 5}}, 0.5f, 2); };
  rules::TieSummary before;
  const Streams rng(1, 0);
  rules::TrustArrays<double> next;

  p.base_positive = 1.0;
  auto ties = make();
  rules::summarise_ties(ties, pop.group, 0.6, before);
  rules::apply_contact(p, {}, net, pop, before, ties, {0, &rng}, next);
  CHECK(ties.strength[0] == Approx(0.5 + p.strengthen * 0.5).epsilon(1e-6));

  p.base_positive = 0.0;
  ties = make();
  rules::apply_contact(p, {}, net, pop, before, ties, {0, &rng}, next);
  CHECK(ties.strength[0] == Approx(0.5 - 0.15 * 0.5).epsilon(1e-6));

  // At the floor a social tie stays; a programme tie falls below (the caller drops it).
  ties = make();
  ties.strength = {0.05f, 0.05f, 0.05f};
  p.rate = 1.0 / 0.05;  // rate·strength = 1: every tie meets
  rules::apply_contact(p, {}, net, pop, before, ties, {0, &rng}, next);
  CHECK(ties.strength[0] == Approx(0.05).epsilon(1e-6));
  CHECK(ties.strength[1] == Approx(0.05).epsilon(1e-6));
  CHECK(ties.strength[2] == Approx(0.05 * 0.85).epsilon(1e-6));

  // A tie that does not meet keeps its strength.
  p.rate = 0.0;
  ties = make();
  rules::apply_contact(p, {}, net, pop, before, ties, {0, &rng}, next);
  CHECK(ties.strength == std::vector<float>{0.5f, 0.5f, 0.5f});
  CHECK(next == pop.trust);
}

TEST_CASE("contact: extended contact raises trust only through positive ties of peers",
          "[contact]") {
  // Group 0: agents 0..3, agent 0's in-group neighbours are 1, 2, 3 (and 4 in
  // group 1, not a peer). Group 1: agents 4, 5.
  auto pop = test::make_population<double>({4, 2}, 0.4);
  const auto net = test::make_undirected(pop.group_begin, {{0, 1}, {0, 2}, {0, 3}, {0, 4}});
  scenario::Contact p;
  p.rate = 0.0;  // no meetings: extended contact alone
  p.extended_rate = 0.01;
  const Streams rng(1, 0);
  rules::TrustArrays<double> next;

  // Nobody holds a positive tie: nothing moves.
  CrossTies none;
  none.offsets.assign(pop.size() + 1, 0);
  rules::TieSummary before;
  rules::summarise_ties(none, pop.group, 0.6, before);
  rules::apply_contact(p, {}, net, pop, before, none, {0, &rng}, next);
  CHECK(next == pop.trust);

  // Agent 1 holds a positive tie to group 1 (strength 0.8 ≥ 0.6), agent 2 a
  // weak one (0.3): f = 1/3 for agent 0.
  auto ties = test::make_ties(pop.size(), {{1, 5}, {2, 5}}, 0.8f, 2);
  ties.strength[1] = 0.3f;
  rules::summarise_ties(ties, pop.group, 0.6, before);
  rules::apply_contact(p, {}, net, pop, before, ties, {0, &rng}, next);
  CHECK(next[1][0] == Approx(0.4 + 0.01 * 0.6 / 3).epsilon(1e-12));
  CHECK(next[1][3] == 0.4);  // agent 3's only peer, agent 0, holds no tie
  CHECK(next[0][4] == 0.4);  // group 1 has no in-group edges

  // The summary is the one passed in (ties as they stood before the step):
  // with an all-weak summary, the strong tie of agent 1 does not count yet.
  rules::TieSummary weak;
  rules::summarise_ties(ties, pop.group, 0.9, weak);
  rules::apply_contact(p, {}, net, pop, weak, ties, {0, &rng}, next);
  CHECK(next == pop.trust);
}

TEST_CASE("contact: a new tie shifts no other tie's draws", "[contact][crn]") {
  auto base = make_pairs(3000, 0.7f);
  auto grown = make_pairs(3000, 0.7f);
  // Append a programme tie with its own key to the second world.
  auto ends = std::vector<std::pair<AgentId, AgentId>>{};
  for (std::size_t e = 0; e < grown.ties.size(); ++e)
    ends.push_back({grown.ties.a[e], grown.ties.b[e]});
  ends.push_back({0, 3001});
  grown.ties = test::make_ties(grown.pop.size(), ends, 0.7f, 3000);
  grown.ties.key.back() = 1u << 20;

  rules::TrustArrays<double> next_base, next_grown;
  run(scenario::Contact{}, base, 5, next_base);
  run(scenario::Contact{}, grown, 5, next_grown);
  for (std::size_t e = 0; e < base.ties.size(); ++e) {
    REQUIRE(base.ties.strength[e] == grown.ties.strength[e]);
  }
  // Agents away from the new tie see exactly the same step.
  for (std::size_t i = 1; i < 3000; ++i)
    REQUIRE(next_base[1][i] == next_grown[1][i]);
}

TEST_CASE("contact: draws depend on the step and the seed", "[contact][crn]") {
  auto a = make_pairs(2000, 1.0f);
  auto b = make_pairs(2000, 1.0f);
  auto c = make_pairs(2000, 1.0f);
  rules::TrustArrays<double> na, nb, nc;
  run(scenario::Contact{}, a, 5, na, 42);
  run(scenario::Contact{}, b, 6, nb, 42);
  run(scenario::Contact{}, c, 5, nc, 43);
  CHECK(a.ties.strength != b.ties.strength);
  CHECK(a.ties.strength != c.ties.strength);
}

TEST_CASE("contact: bitwise identical at 1 and 2 threads", "[contact][threads]") {
  // 5000 agents on a ring of in-group edges, random cross-group ties, some
  // positive at the start so extended contact acts too.
  auto pop = test::make_population<float>({3000, 2000});
  std::mt19937_64 gen(4);
  std::uniform_real_distribution<float> u(0.0f, 1.0f);
  for (std::size_t i = 0; i < pop.size(); ++i)
    pop.trust[1 - pop.group[i]][i] = u(gen);
  std::vector<std::pair<AgentId, AgentId>> edges, ends;
  for (AgentId i = 0; i < 3000; ++i)
    edges.push_back({i, (i + 1) % 3000});
  for (AgentId i = 0; i < 2000; ++i)
    edges.push_back({3000 + i, 3000 + (i + 1) % 2000});
  for (int e = 0; e < 4000; ++e) {
    ends.push_back({static_cast<AgentId>(gen() % 3000), static_cast<AgentId>(3000 + gen() % 2000)});
  }
  const auto net = test::make_undirected(pop.group_begin, edges);
  auto make = [&] {
    auto t = test::make_ties(pop.size(), ends, 0.5f, 2000);
    for (float& s : t.strength)
      s = u(gen);
    return t;
  };
  auto ties_one = make();
  auto ties_two = ties_one;
  rules::TieSummary before;
  rules::summarise_ties(ties_one, pop.group, 0.6, before);
  scenario::Contact p;
  p.rate = 0.5;
  p.extended_rate = 0.05;
  const Streams rng(8, 1);
  rules::TrustArrays<float> one, two;
  rules::ContactCounts c1, c2;
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    c1 = rules::apply_contact(p, {}, net, pop, before, ties_one, {12, &rng}, one);
  }
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
    c2 = rules::apply_contact(p, {}, net, pop, before, ties_two, {12, &rng}, two);
  }
  CHECK(one == two);
  CHECK(ties_one.strength == ties_two.strength);
  CHECK(c1.meetings == c2.meetings);
  CHECK(c1.positive == c2.positive);
  CHECK(c1.meetings > 0);
}

TEST_CASE("contact: disabled copies the state; bad inputs are refused", "[contact]") {
  auto s = make_pairs(10, 1.0f);
  scenario::Contact p;
  p.enabled = false;
  rules::TrustArrays<double> next;
  const auto counts = run(p, s, 0, next);
  CHECK(counts.meetings == 0);
  CHECK(next == s.pop.trust);
  CHECK(s.ties.strength == std::vector<float>(10, 1.0f));

  p.enabled = true;
  const rules::StepContext no_rng{0, nullptr};
  CHECK_THROWS_AS(rules::apply_contact(p, {}, s.net, s.pop, s.before, s.ties, no_rng, next),
                  std::invalid_argument);
  s.ties.offsets.clear();
  CHECK_THROWS_WITH(run(p, s, 0, next), Catch::Contains("rebuild_incidence"));
}
