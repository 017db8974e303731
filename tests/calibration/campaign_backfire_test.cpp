// A campaign from a sponsor one side distrusts backfires on that side,
// while the same campaign from a neutral convener does not (Bail et al.
// 2018: exposure to the other side's messages hardened views; design §2.3:
// messaging seen as one side's backfires).
#include <catch2/catch.hpp>

#include "calibration.hpp"

using namespace detente;

TEST_CASE("a campaign sponsored by one side backfires on the other", "[calibration][campaign]") {
  // A year of weekly campaigning at the default reach, exposure and slant, to
  // both sides. Sponsored by the north, the south judges it by its trust in
  // the convener times its trust in the north, reacts against it, and ends
  // less trusting of the north than without the campaign; from a neutral
  // convener the same campaign raises the south's trust. Under common random
  // numbers the sign is the mechanism's alone, so each replicate must show it.
  const auto campaign = [](const char* sponsor) {
    return std::string("[{name: spots, type: media_campaign, start: 1, rounds: 52, sponsor: ") +
           sponsor + "}]";
  };
  const auto sponsored = calibration::baseline(3000, 56, campaign("north"));
  const auto neutral = calibration::baseline(3000, 56, campaign("convener"));
  for (std::uint32_t r = 0; r < 2; ++r) {
    const auto control = test::metrics_of(*test::run(calibration::control(neutral), -1, r));
    const auto by_north = test::metrics_of(*test::run(sponsored, -1, r));
    const auto by_convener = test::metrics_of(*test::run(neutral, -1, r));
    const double backfire = by_north.at("mean/south->north") - control.at("mean/south->north");
    const double helped = by_convener.at("mean/south->north") - control.at("mean/south->north");
    INFO("replicate " << r << ": sponsored " << backfire << ", neutral " << helped);
    CHECK(backfire < -1e-4);
    CHECK(helped > 1e-4);
    // The rejecting side also loses trust in the convener, more than under
    // the neutral campaign.
    CHECK(by_north.at("convener_trust/south") < by_convener.at("convener_trust/south"));
  }
}
