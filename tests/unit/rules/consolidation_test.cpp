// Consolidation of anchors: a ← a + η(x − a).
#include <catch2/catch.hpp>
#include <cmath>

#include "rules/consolidation.hpp"
#include "rules_fixtures.hpp"

using namespace detente;

TEMPLATE_TEST_CASE("consolidation: anchors move by eta toward trust", "[consolidation]", float,
                   double) {
  using Real = TestType;
  auto pop = test::make_population<Real>({2, 1});
  pop.trust[1] = {Real(0.9), Real(0.2), Real(0)};
  pop.trust[0][2] = Real(0.6);
  pop.anchor[1] = {Real(0.5), Real(0.5), Real(0)};
  pop.anchor[0][2] = Real(0.6);
  scenario::Consolidation p;
  p.rate = 0.1;
  rules::apply_consolidation(p, pop);
  CHECK(pop.anchor[1][0] == Approx(0.54).epsilon(1e-6));
  CHECK(pop.anchor[1][1] == Approx(0.47).epsilon(1e-6));
  CHECK(pop.anchor[0][2] == Approx(0.6).epsilon(1e-6));  // already settled
  CHECK(pop.anchor[0][0] == Real(0));                    // own-group entries untouched
  CHECK(pop.anchor[1][2] == Real(0));
  CHECK(pop.trust[1][0] == Real(0.9));  // trust is only read
}

TEST_CASE("consolidation: a lasting shift becomes the new normal, a spike does not",
          "[consolidation]") {
  scenario::Consolidation p;
  p.rate = 0.05;
  // Lasting: trust holds at 0.8 for 60 steps; the anchor follows the closed form
  // a_t = x + (a_0 − x)(1 − η)^t.
  auto lasting = test::make_population<double>({1, 1}, 0.5);
  lasting.trust[1][0] = 0.8;
  for (int t = 0; t < 60; ++t)
    rules::apply_consolidation(p, lasting);
  CHECK(lasting.anchor[1][0] == Approx(0.8 - 0.3 * std::pow(0.95, 60)).epsilon(1e-12));

  // Spike: trust 0.8 for 2 steps, then back at 0.5: the anchor barely moves.
  auto spike = test::make_population<double>({1, 1}, 0.5);
  spike.trust[1][0] = 0.8;
  for (int t = 0; t < 60; ++t) {
    if (t == 2) spike.trust[1][0] = 0.5;
    rules::apply_consolidation(p, spike);
  }
  CHECK(spike.anchor[1][0] - 0.5 < 0.01);
  CHECK(lasting.anchor[1][0] - 0.5 > 0.25);
}

TEST_CASE("consolidation: disabled leaves anchors alone", "[consolidation]") {
  auto pop = test::make_population<double>({1, 1}, 0.5);
  pop.trust[1][0] = 0.9;
  scenario::Consolidation p;
  p.enabled = false;
  rules::apply_consolidation(p, pop);
  CHECK(pop.anchor[1][0] == 0.5);
}

TEST_CASE("consolidation: the anchor settles between lasting trust and the disposition",
          "[consolidation]") {
  // With trust held at x and the disposition at d, a = a + η(x − a) + δ(d − a)
  // has its fixed point at (ηx + δd)/(η + δ): peers and media that hold trust
  // away from a person's disposition move their settled attitude only part way.
  scenario::Consolidation p;
  p.rate = 0.02;
  p.disposition = 0.01;
  auto pop = test::make_population<double>({1, 1}, 0.5);
  pop.disposition[1][0] = 0.2;
  pop.anchor[1][0] = 0.2;
  pop.trust[1][0] = 0.8;
  for (int t = 0; t < 2000; ++t)
    rules::apply_consolidation(p, pop);
  CHECK(pop.anchor[1][0] == Approx((0.02 * 0.8 + 0.01 * 0.2) / 0.03).epsilon(1e-9));
  CHECK(pop.disposition[1][0] == 0.2);  // only read

  // Without the pull the anchor ends at trust, as before.
  p.disposition = 0.0;
  for (int t = 0; t < 2000; ++t)
    rules::apply_consolidation(p, pop);
  CHECK(pop.anchor[1][0] == Approx(0.8).epsilon(1e-9));
}
