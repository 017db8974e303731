// An exchange programme under good conditions moves its participants'
// out-group trust by 0.1–0.4 control-group standard deviations (Glass's Δ),
// measured weeks after it ends, with no clear decay.
//
// Which target, and why: Paluck, Green & Green (2019) pool 27 randomised
// contact studies to about 0.4 SD overall and about 0.25 for ethnic and
// racial prejudice, with no clear decay over 10–900 days; preregistered
// experiments are smaller, nearer 0.1 SD (domain.md). An exchange of four
// weeks between rival national publics is none of these studies exactly, so
// the test asks for the span they cover, 0.1 to 0.4, not one of them. In the
// baseline world (person-level SD 0.21, as surveys find) the model gives
// about 0.14: at the preregistered end.
//
// Treatment and control are the same world under the same seed, with the
// programme on and off (common random numbers), so Δ compares the same
// agents: Δ = (mean treated − mean control) / sd control, over participants.
#include <catch2/catch.hpp>

#include "calibration.hpp"

using namespace detente;

namespace {

// Five cohorts of 30 + 30 every 10 steps from step 10, all four Allport
// conditions met, every other parameter at its default.
const std::string kGoodExchange =
    "[{name: camp, type: exchange_program, start: 10, every: 10, rounds: 5,"
    " conditions: {equal_status: 1, common_goal: 1, cooperation: 1, institutional_support: 1}}]";

// The last cohort graduates at step 54 (50 + duration 4).
constexpr int kLastGraduation = 54;

double glass_delta(const scenario::Scenario& s, std::uint32_t replicate) {
  const auto treated = test::run(s, -1, replicate);
  const auto control = test::run(calibration::control(s), -1, replicate);
  const auto& participants = treated->trust_state()->roster().participant();
  const auto t = treated->trust_state()->outgroup_trust(),
             c = control->trust_state()->outgroup_trust();
  return (test::mean_of(t, participants) - test::mean_of(c, participants)) /
         test::sd_of(c, participants);
}

}  // namespace

TEST_CASE("an exchange under good conditions moves participants by 0.1-0.4 SD",
          "[calibration][exchange]") {
  // 300 participants per replicate; under common random numbers the
  // replicate-to-replicate spread of Δ is about 0.01, so each replicate must
  // land inside the published range.
  const auto s = calibration::baseline(3000, kLastGraduation + 8, kGoodExchange);
  for (std::uint32_t r = 0; r < 3; ++r) {
    const double delta = glass_delta(s, r);
    INFO("replicate " << r << ": Glass's delta " << delta);
    CHECK(delta >= 0.10);
    CHECK(delta <= 0.40);
  }
}

TEST_CASE("the exchange's effect shows no clear decay over half a year",
          "[calibration][exchange]") {
  // Paluck et al. find no clear decay; the model keeps most of the effect
  // through the alumni ties: at 26 weeks at least 80% of the 8-week Δ.
  const double early =
      glass_delta(calibration::baseline(3000, kLastGraduation + 8, kGoodExchange), 0);
  const double late =
      glass_delta(calibration::baseline(3000, kLastGraduation + 26, kGoodExchange), 0);
  INFO("8 weeks: " << early << ", 26 weeks: " << late);
  CHECK(late >= 0.8 * early);
  CHECK(late >= 0.10);
}

TEST_CASE("competitive framing turns the same exchange hostile", "[calibration][exchange]") {
  // Lowe (2021): teammates from the other group made friendships, opponents
  // destroyed them. The same programme with teams set against each other
  // lowers participants' trust below the control's: Lowe reports the
  // direction, not a size, so the test asks for a drop beyond the replicates'
  // spread under common random numbers (about 0.01).
  const std::string competitive =
      "[{name: camp, type: exchange_program, start: 10, every: 10, rounds: 5,"
      " conditions: {equal_status: 1, common_goal: 1, cooperation: 1, institutional_support: 1,"
      " framing: competitive}}]";
  for (std::uint32_t r = 0; r < 2; ++r) {
    const double delta =
        glass_delta(calibration::baseline(3000, kLastGraduation + 8, competitive), r);
    INFO("replicate " << r << ": Glass's delta " << delta);
    CHECK(delta < -0.02);
  }
}
