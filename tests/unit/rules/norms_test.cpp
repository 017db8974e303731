// Perceived norms and complex contagion (rules/norms.hpp): what people see
// their own group express, how their perceived norm follows it, and private
// trust that tips toward warmth only once enough of the group is seen warm.
#include <catch2/catch.hpp>

#include "rules/norms.hpp"
#include "rules_fixtures.hpp"

using namespace detente;

namespace {

// Group 0: agents 0..4, agent 0 listening to 1..4 (directed rows); group 1: agent 5.
template <class Real>
struct Star {
  Population<Real> pop = test::make_population<Real>({5, 1}, 0.2);
  SocialNetwork net;
  Star() {
    std::vector<std::vector<test::Arc>> rows(6);
    rows[0] = {{1}, {2}, {3}, {4}};
    net = test::make_network(pop.group_begin, rows, false);
    pop.perceived_norm.assign(2, std::vector<Real>(6, Real(0)));
  }
};

scenario::Norms norms() {
  scenario::Norms p;
  p.enabled = true;
  p.warm = 0.6;
  p.update = 0.5;
  p.conformity = 0.0;
  p.threshold = 0.25;
  p.width = 0.1;
  p.rate = 0.1;
  return p;
}

}  // namespace

TEST_CASE("norms: the tipping ramp is 0 below the threshold band and 1 above", "[norms]") {
  auto p = norms();
  CHECK(rules::tipping(p, 0.19) == 0.0);
  CHECK(rules::tipping(p, 0.20) == Approx(0.0).margin(1e-12));
  CHECK(rules::tipping(p, 0.25) == Approx(0.5));
  CHECK(rules::tipping(p, 0.30) == Approx(1.0));
  CHECK(rules::tipping(p, 0.31) == 1.0);
  CHECK(rules::tipping(p, 0.9) == 1.0);
  p.width = 0.0;  // a hard step, never divided by
  CHECK(rules::tipping(p, 0.2499) == 0.0);
  CHECK(rules::tipping(p, 0.25) == 1.0);
}

TEMPLATE_TEST_CASE("norms: the perceived norm moves by rho toward what the group is heard to say",
                   "[norms]", float, double) {
  Star<TestType> s;
  s.pop.trust[1][1] = TestType(0.9);  // heard: (0.9 + 3·0.2) / 4 = 0.375
  s.pop.perceived_norm[1][0] = TestType(0.0);
  rules::TrustArrays<TestType> trust, norm;
  rules::apply_norms(norms(), s.net, s.pop, trust, norm);
  CHECK(norm[1][0] == Approx(0.1875).epsilon(1e-6));  // (1 − 0.5)·0 + 0.5·0.375
  // No neighbours: nothing heard, the norm stays where it was.
  s.pop.perceived_norm[1][2] = TestType(0.4);
  rules::apply_norms(norms(), s.net, s.pop, trust, norm);
  CHECK(norm[1][2] == Approx(0.4).epsilon(1e-6));
  CHECK(norm[0][0] == TestType(0));  // own-group entry
  CHECK(trust[1][5] == TestType(0));
}

TEST_CASE("norms: peers see what people express, pulled toward their perceived norm", "[norms]") {
  Star<double> s;
  for (AgentId j = 1; j <= 4; ++j) {
    s.pop.trust[1][j] = 0.5;           // privately lukewarm, below the warm line
    s.pop.perceived_norm[1][j] = 1.0;  // but believing their group is warm
  }
  auto p = norms();
  rules::TrustArrays<double> trust, norm;
  p.conformity = 0.0;  // they say what they feel: 0.5, nobody is seen to be warm
  rules::apply_norms(p, s.net, s.pop, trust, norm);
  CHECK(norm[1][0] == Approx(0.25));
  CHECK(trust[1][0] == 0.2);
  p.conformity = 0.3;  // they say 0.5 + 0.3·0.5 = 0.65: all seen to be warm
  rules::apply_norms(p, s.net, s.pop, trust, norm);
  CHECK(norm[1][0] == Approx(0.325));
  CHECK(trust[1][0] == Approx(0.2 + 0.1 * (0.65 - 0.2)));
}

TEST_CASE("norms: private trust tips toward the warm peers only past the threshold", "[norms]") {
  auto p = norms();
  // One warm neighbour in four (seen 0.25, ramp 0.5) against two (0.5, ramp 1)
  // and none (no move).
  for (int warm = 0; warm <= 2; ++warm) {
    Star<double> s;
    for (AgentId j = 1; j <= static_cast<AgentId>(warm); ++j)
      s.pop.trust[1][j] = 0.8;
    rules::TrustArrays<double> trust, norm;
    rules::apply_norms(p, s.net, s.pop, trust, norm);
    const double expected = warm == 0 ? 0.2 : 0.2 + 0.1 * (warm == 1 ? 0.5 : 1.0) * (0.8 - 0.2);
    INFO("warm neighbours " << warm);
    CHECK(trust[1][0] == Approx(expected).epsilon(1e-12));
  }
  // Below the band (one warm neighbour in six: 0.167 < θ − width/2): no move at all.
  auto q = test::make_population<double>({7, 1}, 0.2);
  std::vector<std::vector<test::Arc>> rows(8);
  rows[0] = {{1}, {2}, {3}, {4}, {5}, {6}};
  const auto net = test::make_network(q.group_begin, rows, false);
  q.perceived_norm.assign(2, std::vector<double>(8, 0.0));
  q.trust[1][1] = 0.9;
  rules::TrustArrays<double> trust, norm;
  rules::apply_norms(p, net, q, trust, norm);
  CHECK(trust[1][0] == 0.2);
}

TEST_CASE("norms: trust never moves away from warmth, even past the threshold", "[norms]") {
  Star<double> s;
  auto p = norms();
  p.update = 1.0;
  s.pop.trust[1][0] = 0.95;  // warmer than every warm peer
  for (AgentId j = 1; j <= 4; ++j)
    s.pop.trust[1][j] = 0.7;
  rules::TrustArrays<double> trust, norm;
  rules::apply_norms(p, s.net, s.pop, trust, norm);
  CHECK(norm[1][0] == Approx(0.7));  // the group is heard at 0.7
  CHECK(trust[1][0] == 0.95);
}

TEST_CASE("norms: edge weights weigh what is seen", "[norms]") {
  auto pop = test::make_population<double>({3, 1}, 0.2);
  std::vector<std::vector<test::Arc>> rows(4);
  rows[0] = {{1, 3.0}, {2, 1.0}};
  const auto net = test::make_network(pop.group_begin, rows, true);
  pop.perceived_norm.assign(2, std::vector<double>(4, 0.0));
  pop.trust[1][1] = 0.9;  // the heavier neighbour is warm
  auto p = norms();
  p.update = 1.0;
  rules::TrustArrays<double> trust, norm;
  rules::apply_norms(p, net, pop, trust, norm);
  CHECK(norm[1][0] == Approx((3 * 0.9 + 0.2) / 4));
  CHECK(trust[1][0] == Approx(0.2 + 0.1 * (0.9 - 0.2)));  // warm share 0.75: fully tipped
}

TEST_CASE("norms: people start from their neighbours' private trust", "[norms]") {
  Star<double> s;
  s.pop.trust[1][1] = 0.6;
  s.pop.trust[1][2] = 0.59;
  const auto start = rules::initial_norms(norms(), s.net, s.pop);
  CHECK(start[1][0] == Approx((0.6 + 0.59 + 0.2 + 0.2) / 4));
  // Agents 1..4 have no neighbours: the group's mean.
  CHECK(start[1][3] == Approx((0.2 + 0.6 + 0.59 + 0.2 + 0.2) / 5));
  CHECK(start[0][5] == Approx(0.2));  // group 1's only member, toward group 0
  CHECK(start[1][5] == 0.0);          // own-group entry
}

TEST_CASE("norms: inconsistent state is refused, not read out of bounds", "[norms]") {
  Star<double> s;
  rules::TrustArrays<double> trust, norm;
  s.pop.perceived_norm.clear();
  CHECK_THROWS_AS(rules::apply_norms(norms(), s.net, s.pop, trust, norm), std::invalid_argument);
  s.pop.perceived_norm.assign(2, std::vector<double>(3, 0.0));
  CHECK_THROWS_AS(rules::apply_norms(norms(), s.net, s.pop, trust, norm), std::invalid_argument);
}
