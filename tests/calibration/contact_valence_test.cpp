// How often meetings with the other side go well, against how often people
// say they do: Graf, Paolini & Rubin (2014), European Journal of Social
// Psychology 44:536–547. 1,276 people in Austria, the Czech Republic,
// Germany, Poland and Slovakia described their contact with neighbouring
// nationalities; "consistently across the five participant groups, positive
// intergroup contact was reported to occur three times more frequently than
// negative intergroup contact" (abstract).
//
// Nothing in the model sets this ratio: it emerges from who meets whom, how
// often (rate × tie strength) and each person's own appraisal of each meeting
// (q = base_positive + conditions − anxiety·(1 − own trust)), weighted by who
// actually meets. It measures the baseline world without programmes after
// ten years: positive_meeting_share (each end's verdicts on its meetings
// across groups so far) turned into good verdicts per bad one.
//
// Tolerance: a ratio between 2 and 4 (positive share 0.67–0.80). The paper
// gives one figure for five samples; ±1 around it is our statement of how
// close a world must come, not a published interval. Its publics are
// neighbours, not rivals, so a rival world could sit lower; but no survey we
// know of finds negative contact more common than positive.
//
// KNOWN GAP, marked [!shouldfail]: the model gives 0.375 positive (0.6 good
// verdicts per bad one) at week 520, two replicates of 2 × 3,000: negative
// meetings are the more common. Fitting it is one key (base_positive 0.93
// gives 0.75), but the same fit breaks four other calibrations, measured with
// this binary's tests (base_positive 0.93, same world): competitive framing no
// longer turns the exchange hostile (Glass's Δ +0.13 instead of below −0.02,
// Lowe 2021), teammates' friendship ratio falls to 7.7 (Seeds of Peace about
// 12), ambassadors per alumnus rise to 0.44 (Ross & Lazarus about 0.2), and
// the contact–trust correlation falls from 0.06 to 0.03 (Pettigrew & Tropp
// 0.21): with most meetings good, who holds a friendship on the other side
// says even less about who trusts it. Lowering anxiety instead (base 1,
// anxiety 0.42) gives the same. So the gap is structural, and it is listed in
// scenarios/README.md ("Calibration: where the model stands").
//
// What this replaced: a test that re-derived α⁻/α⁺ = 1.3 with every other
// rule off, which held by construction (the rule itself is unit-tested in
// tests/unit/rules/contact_test.cpp).
#include <catch2/catch.hpp>

#include "calibration.hpp"

using namespace detente;

TEST_CASE("meetings with the other side go well about three times as often as badly",
          "[calibration][contact][!shouldfail]") {
  const auto s = calibration::baseline(3000, 520, "[]");
  for (std::uint32_t r = 0; r < 2; ++r) {
    const auto metrics = test::metrics_of(*test::run(s, -1, r));
    const double good = metrics.at("positive_meeting_share/all");
    REQUIRE(good > 0.0);
    REQUIRE(good < 1.0);
    const double ratio = good / (1.0 - good);
    INFO("replicate " << r << ": share of verdicts positive " << good << ", " << ratio
                      << " good per bad");
    CHECK(ratio >= 2.0);
    CHECK(ratio <= 4.0);
  }
}
