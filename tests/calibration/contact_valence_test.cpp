// Negative contact weighs about 1.3 times as much as positive contact
// (Banas et al. 2020: mediated contact r = +0.31 for negative versus −0.23
// for positive; Barlow et al. 2012), measured through the whole step.
#include <catch2/catch.hpp>

#include "calibration.hpp"

using namespace detente;

TEST_CASE("a negative meeting moves trust about 1.3 times as far as a positive one",
          "[calibration][contact]") {
  // Everyone at trust 0.5, a dense cross-group layer, every other rule off.
  // One arm makes every meeting positive (q = 1), the other every meeting
  // negative (q = 0); the meetings themselves are the same draws in both
  // (common random numbers), so the ratio of the mean moves is the weight of
  // a negative meeting against a positive one at the midpoint.
  const std::vector<std::string> common = {
      "population.groups.north.trust=0.5", "population.groups.south.trust=0.5",
      "network.between.mean_degree=4",     "dynamics.influence.enabled=false",
      "dynamics.media.enabled=false",      "dynamics.consolidation.enabled=false",
      "dynamics.contact.extended_rate=0",  "dynamics.contact.anxiety=0"};
  auto positive = common, negative = common;
  positive.push_back("dynamics.contact.base_positive=1");
  negative.push_back("dynamics.contact.base_positive=0");
  negative.push_back("dynamics.contact.condition_bonus=0");
  const auto up = test::run(calibration::baseline(3000, 1, "[]", positive));
  const auto down = test::run(calibration::baseline(3000, 1, "[]", negative));
  const auto before = test::run(calibration::baseline(3000, 1, "[]", positive), 0);
  const std::vector<std::uint8_t> everyone(up->footprint().agents, 1);
  const double start = test::mean_of(before->trust_state()->outgroup_trust(), everyone);
  const double gain = test::mean_of(up->trust_state()->outgroup_trust(), everyone) - start;
  const double loss = start - test::mean_of(down->trust_state()->outgroup_trust(), everyone);
  REQUIRE(gain > 0);
  INFO("gain " << gain << ", loss " << loss << ", ratio " << loss / gain);
  // Banas et al.'s 0.31 / 0.23 = 1.35; Barlow et al. report a similar
  // asymmetry. The model's default 0.065 / 0.05 = 1.3 at the midpoint.
  CHECK(loss / gain >= 1.2);
  CHECK(loss / gain <= 1.4);
}
