// How many people count a friend on the other side, against a survey of the
// public whose spread of feeling the baseline world takes (ANES partisans):
// Pew Research Center, "Partisanship and Political Animosity in 2016" (June
// 22, 2016), section 3 "Partisan environments": 84% of Republicans say they
// have at least a few close friends who are Democrats (14% none), and 74% of
// Democrats at least a few who are Republicans (roughly a quarter none).
//
// Nothing in the model sets this share: a cross-group tie becomes a
// friendship (strength at or above dynamics.contact.positive_tie) only
// through meetings both ends enjoy, and fades through meetings neither does.
// It measures the baseline world without programmes after ten years:
// positive_tie_share/all, the share of people holding such a tie.
//
// Tolerance: [0.64, 0.94], the two parties' figures widened by 0.1 each way;
// our statement of how close a world must come, not a published interval
// (close friendship in a survey and a tie over a strength line are not the
// same measure).
//
// KNOWN GAP, marked [!shouldfail]: the model gives about 0.07 (about 430 of
// 6,000 people; two replicates of 2 × 3,000, week 520). The everyday
// cross-group layer is thin (network.between.mean_degree 0.3, uncalibrated):
// only about 26% of people have any tie to the other side. Measured with this
// test's world at mean degree 2 instead: 86% have a tie, 38–39% a friendship,
// and the contact–trust correlation (contact_correlation_test.cpp) rises from
// 0.06 to 0.13–0.14, inside its tolerance, while the spread (SD 0.159) and
// political space (9.3%) still hold. Listed in scenarios/README.md
// ("Calibration: where the model stands").
#include <catch2/catch.hpp>

#include "calibration.hpp"

using namespace detente;

TEST_CASE("most people count a friend on the other side, as most partisans do",
          "[calibration][contact][!shouldfail]") {
  const auto s = calibration::baseline(3000, 520, "[]");
  for (std::uint32_t r = 0; r < 2; ++r) {
    const auto metrics = test::metrics_of(*test::run(s, -1, r));
    const double befriended = metrics.at("positive_tie_share/all");
    INFO("replicate " << r << ": share holding a friendship across groups " << befriended
                      << ", any tie " << metrics.at("cross_tie_share/all"));
    CHECK(befriended >= 0.64);
    CHECK(befriended <= 0.94);
  }
}
