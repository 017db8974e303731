// The convener (interventions/convener.hpp): alignment lowers the other
// side's trust in it from the start; governance raises it slowly and evenly.
#include <catch2/catch.hpp>

#include "interventions/convener.hpp"
#include "world.hpp"

using namespace detente;

TEST_CASE("a convener aligned with one side starts lower on the other", "[convener]") {
  const std::string yaml = test::world_yaml(1000, 4);
  const auto neutral = test::metrics_of(*test::run(test::load(yaml), 0));
  const auto aligned = test::metrics_of(*test::run(
      test::load(yaml, {"convener.alignment=north", "convener.alignment_penalty=0.3"}), 0));
  CHECK(aligned.at("convener_trust/north") == neutral.at("convener_trust/north"));
  CHECK(aligned.at("convener_trust/south") ==
        Approx(neutral.at("convener_trust/south") * 0.7).epsilon(1e-6));
}

TEST_CASE("governance practices add up, reviews on their steps", "[convener]") {
  scenario::Convener c;
  c.practice_gain = 0.01;
  c.review_gain = 0.1;
  CHECK(interventions::governance_gain(c, 5) == 0.0);
  c.governance.rotating_leadership = true;
  CHECK(interventions::governance_gain(c, 5) == Approx(0.01));
  c.governance.shared_reporting = true;
  CHECK(interventions::governance_gain(c, 5) == Approx(1 - 0.99 * 0.99));
  c.governance.peer_review_every = 13;
  CHECK(interventions::governance_gain(c, 26) == Approx(1 - 0.99 * 0.99 * 0.9));
  CHECK(interventions::governance_gain(c, 27) == Approx(1 - 0.99 * 0.99));
}

TEST_CASE("governance raises trust in the convener on both sides alike", "[convener]") {
  const std::string yaml = test::world_yaml(1000, 52);
  const auto none = test::metrics_of(*test::run(test::load(yaml)));
  const auto governed =
      test::metrics_of(*test::run(test::load(yaml, {"convener.governance.rotating_leadership=true",
                                                    "convener.governance.shared_reporting=true",
                                                    "convener.governance.peer_review_every=13"})));
  // Nothing else moves trust in the convener here: each agent's distance to
  // 1 shrinks by the same factor, (1 − 0.002)^104 · (1 − 0.02)^4 after 52 steps.
  const double keep = std::pow(1 - 0.002, 104) * std::pow(1 - 0.02, 4);
  for (const char* g : {"convener_trust/north", "convener_trust/south"})
    CHECK(1 - governed.at(g) == Approx((1 - none.at(g)) * keep).epsilon(1e-4));
  CHECK(governed.at("convener_trust/all") > none.at("convener_trust/all") + 0.05);
}
