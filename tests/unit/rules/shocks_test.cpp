// Shocks: when they fire (scheduled and Poisson) and what they do.
#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>

#include "rules/shocks.hpp"
#include "rules_fixtures.hpp"

using namespace detente;

namespace {

scenario::Shocks scheduled() {
  scenario::Shocks p;
  p.events = {{5, 0.3, {"g1"}, 4}, {9, 0.5, {}, 0}, {5, 0.1, {"g0"}, 0}};
  return p;
}

}  // namespace

TEST_CASE("shocks: scheduled events fire at their step only", "[shocks]") {
  const auto p = scheduled();
  const std::vector<std::uint32_t> masks = {0b10, 0, 0b01};
  const Streams rng(1, 0);
  for (std::int64_t step = 0; step < 12; ++step) {
    const auto hits = rules::shocks_at(p, masks, 2, {step, &rng});
    INFO("step " << step);
    if (step == 5) {
      REQUIRE(hits.size() == 2);
      CHECK(hits[0].magnitude == 0.3);
      CHECK(hits[0].group_mask == 0b10);
      CHECK(hits[0].surge_steps == 4);
      CHECK(hits[1].magnitude == 0.1);
      CHECK(hits[1].group_mask == 0b01);
    } else if (step == 9) {
      REQUIRE(hits.size() == 1);
      CHECK(hits[0].group_mask == 0b11);  // no groups named: every group
    } else {
      CHECK(hits.empty());
    }
  }
  CHECK_THROWS_AS(rules::shocks_at(p, std::vector<std::uint32_t>{1}, 2, {5, &rng}),
                  std::invalid_argument);
  auto off = p;
  off.enabled = false;
  CHECK(rules::shocks_at(off, masks, 2, {5, &rng}).empty());
}

TEST_CASE("shocks: Poisson crises fire with probability 1 - exp(-rate)", "[shocks]") {
  scenario::Shocks p;
  p.poisson_rate = 0.1;
  p.poisson_magnitude = 0.25;
  p.poisson_surge_steps = 3;
  const Streams rng(77, 2);
  constexpr int steps = 20000;
  int fired = 0;
  for (std::int64_t step = 0; step < steps; ++step) {
    const auto hits = rules::shocks_at(p, {}, 3, {step, &rng});
    if (hits.empty()) continue;
    ++fired;
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].magnitude == 0.25);
    CHECK(hits[0].group_mask == 0b111);
    CHECK(hits[0].surge_steps == 3);
  }
  const double q = 1.0 - std::exp(-0.1);
  const double sd = std::sqrt(steps * q * (1 - q));
  INFO("fired " << fired << ", expected " << steps * q << " ± 4·" << sd);
  CHECK(std::fabs(fired - steps * q) <= 4 * sd);
  // The same step of the same replicate always decides the same way.
  CHECK(rules::shocks_at(p, {}, 3, {123, &rng}).size() ==
        rules::shocks_at(p, {}, 3, {123, &rng}).size());
}

TEMPLATE_TEST_CASE("shocks: magnitude, resilience from positive ties, groups hit", "[shocks]",
                   float, double) {
  using Real = TestType;
  // Group 0 = agents 0, 1; group 1 = agent 2.
  auto pop = test::make_population<Real>({2, 1}, 0.8);
  rules::TieSummary ties;
  ties.positive_ties = {0, 2, 1};
  scenario::Shocks p;
  p.resilience_per_tie = 0.3;
  const rules::ShockHit hit{0.5, 0b01, 0};
  rules::TrustArrays<Real> next;
  rules::apply_shock(p, hit, ties, pop, next);
  CHECK(next[1][0] == Approx(0.8 * (1 - 0.5)).epsilon(1e-6));              // no ties: full hit
  CHECK(next[1][1] == Approx(0.8 * (1 - 0.5 * 0.7 * 0.7)).epsilon(1e-6));  // r = 1 − 0.7²
  CHECK(next[0][2] == Approx(0.8).epsilon(1e-7));                          // group 1 not hit
  CHECK(next[0][0] == Real(0));

  const rules::ShockHit everyone{0.5, 0b11, 0};
  rules::apply_shock(p, everyone, ties, pop, next);
  CHECK(next[0][2] == Approx(0.8 * (1 - 0.5 * 0.7)).epsilon(1e-6));

  p.enabled = false;
  rules::apply_shock(p, everyone, ties, pop, next);
  CHECK(next == pop.trust);
}
