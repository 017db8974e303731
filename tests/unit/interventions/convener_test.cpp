// The convener (interventions/convener.hpp, governance.cpp): alignment lowers
// the other side's trust in it from the start; governance, paid like a
// programme, raises it slowly and evenly, takes time, lapses when unpaid and
// can fail.
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

namespace {

// The convener's governance as a programme: a round every 13 steps from step 1.
std::string governed_yaml(int steps, const std::string& extra = "",
                          const std::string& budget = "") {
  return test::world_yaml(1000, steps) +
         "interventions:\n"
         "  - {name: board, type: governance, start: 1, every: 13, cost: {fixed: 10}" +
         extra + "}\n" + budget;
}

}  // namespace

TEST_CASE("governance raises trust in the convener on both sides alike", "[convener]") {
  const auto none = test::metrics_of(*test::run(test::load(test::world_yaml(1000, 52))));
  const auto governed = test::metrics_of(*test::run(test::load(governed_yaml(52))));
  // Nothing else moves trust in the convener here: each agent's distance to
  // 1 shrinks by the same factor: two practices in each of 52 funded steps,
  // and clean reviews at the rounds after the first (steps 14, 27, 40).
  const double keep = std::pow(1 - 0.002, 104) * std::pow(1 - 0.02, 3);
  for (const char* g : {"convener_trust/north", "convener_trust/south"})
    CHECK(1 - governed.at(g) == Approx((1 - none.at(g)) * keep).epsilon(1e-4));
  CHECK(governed.at("convener_trust/all") > none.at("convener_trust/all") + 0.05);
  CHECK(governed.at("spending/board") == 40.0);  // four rounds of 10
}

TEST_CASE("governance takes time: nothing is seen before its lead time", "[convener]") {
  const auto none = test::metrics_of(*test::run(test::load(test::world_yaml(1000, 52))));
  const auto slow = test::metrics_of(
      *test::run(test::load(governed_yaml(52, ", lead_time: 30, peer_review: false"))));
  // Practices count from step 31 to 52: 22 steps of two practices.
  const double keep = std::pow(1 - 0.002, 44);
  CHECK(1 - slow.at("convener_trust/all") ==
        Approx((1 - none.at("convener_trust/all")) * keep).epsilon(1e-4));
}

TEST_CASE("governance can fail: a published fault costs trust on every side", "[convener]") {
  const auto none = test::metrics_of(*test::run(test::load(test::world_yaml(1000, 52))));
  // Every review finds a fault: three faults of 10%, no practices.
  const auto faulty = test::metrics_of(*test::run(test::load(
      governed_yaml(52,
                    ", rotating_leadership: false, shared_reporting: false, review_fault: 1, "
                    "fault_loss: 0.1"))));
  for (const char* g : {"convener_trust/north", "convener_trust/south"})
    CHECK(faulty.at(g) == Approx(none.at(g) * std::pow(0.9, 3)).epsilon(1e-4));
  // With a chance of one half, the draws decide: some reviews clean, some
  // not, the same in every replicate with the same seed.
  const auto a = test::metrics_of(*test::run(test::load(governed_yaml(
      520, ", rotating_leadership: false, shared_reporting: false, review_fault: 0.5"))));
  const auto b = test::metrics_of(*test::run(test::load(governed_yaml(
      520, ", rotating_leadership: false, shared_reporting: false, review_fault: 0.5"))));
  CHECK(a.at("convener_trust/all") == b.at("convener_trust/all"));
  const auto clean = test::metrics_of(*test::run(
      test::load(governed_yaml(520, ", rotating_leadership: false, shared_reporting: false"))));
  CHECK(a.at("convener_trust/all") < clean.at("convener_trust/all") - 0.05);
}

TEST_CASE("governance costs money: when the budget stops it, the practices lapse", "[convener]") {
  const auto none = test::metrics_of(*test::run(test::load(test::world_yaml(1000, 52))));
  // Money for two rounds: the practices run from step 1 to 26, then stop.
  const auto cut = test::metrics_of(
      *test::run(test::load(governed_yaml(52, ", peer_review: false", "budget: {total: 20}\n"))));
  const double keep = std::pow(1 - 0.002, 52);
  CHECK(1 - cut.at("convener_trust/all") ==
        Approx((1 - none.at("convener_trust/all")) * keep).epsilon(1e-4));
  CHECK(cut.at("spending/board") == 20.0);
}
