// Paired comparison of arms on synthetic replicates with known differences.
#include "metrics/compare.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "core/errors.hpp"

using namespace detente::metrics;

namespace {

// One replicate's rows: `metric`/all at steps 0 and 10 with the given values,
// and optionally a final `spending`.
std::vector<MetricRow> replicate(double at0, double at10, double spending = -1) {
  std::vector<MetricRow> rows = {{0, "trusting_share", "all", at0},
                                 {10, "trusting_share", "all", at10}};
  if (spending >= 0) {
    rows.push_back({0, "spending", "all", 0.0});
    rows.push_back({10, "spending", "all", spending});
  }
  return rows;
}

}  // namespace

TEST_CASE("paired difference against a hand calculation", "[metrics][compare]") {
  // d = 1, 2, 3: mean 2, sd 1, t(0.975, 2) = 4.302653 → half width 4.302653/√3.
  const auto d = paired_difference({11, 22, 33}, {10, 20, 30});
  CHECK(d.n == 3);
  CHECK(d.mean == Approx(2.0).epsilon(1e-12));
  CHECK(d.ci_high - d.mean == Approx(4.302652729749464 / std::sqrt(3.0)).epsilon(1e-9));
  CHECK(d.mean - d.ci_low == Approx(d.ci_high - d.mean).epsilon(1e-12));
}

TEST_CASE("pairing removes the noise the arms share", "[metrics][compare]") {
  // Replicate noise (±10) is common to both arms; the arm adds exactly 0.5. The
  // paired interval is then a point at 0.5, though the values spread widely.
  const std::vector<double> noise = {-10, 3, 7, -2, 5};
  std::vector<double> base, arm;
  for (const double e : noise) {
    base.push_back(1 + e);
    arm.push_back(1.5 + e);
  }
  const auto d = paired_difference(arm, base);
  CHECK(d.mean == Approx(0.5).epsilon(1e-12));
  CHECK(d.ci_high - d.ci_low == Approx(0.0).margin(1e-9));
  // Glass's Δ scales by the baseline's own spread.
  // Baseline values −9, 4, 8, −1, 6: mean 1.6, Σ(x − mean)² = 185.2, sd = √(185.2 / 4).
  const double sd_base = std::sqrt(185.2 / 4.0);
  CHECK(glass_delta(0.5, base) == Approx(0.5 / sd_base).epsilon(1e-9));
}

TEST_CASE("compare_arms: windows, spending, cost-effectiveness and rank", "[metrics][compare]") {
  ArmReplicates base{"base", {replicate(0.2, 0.4), replicate(0.3, 0.5)}};
  // exchange: +0.1 at the end, +0.05 on average, spends 2e6 per run.
  ArmReplicates exchange{"exchange", {replicate(0.2, 0.5, 2e6), replicate(0.3, 0.6, 2e6)}};
  // media: +0.2 at the end, spends nothing recorded.
  ArmReplicates media{"media", {replicate(0.2, 0.6), replicate(0.3, 0.7)}};
  const auto rows = compare_arms({base, exchange, media}, 0, {});
  REQUIRE(rows.size() == 4);  // two arms × one series × two windows
  CHECK(rows[0].arm == "exchange");
  CHECK(rows[0].baseline == "base");
  CHECK(rows[0].window == "final");
  CHECK(rows[0].mean_difference == Approx(0.1).epsilon(1e-9));
  CHECK(rows[0].spending == 2e6);
  CHECK(rows[0].gain_per_million == Approx(0.05).epsilon(1e-9));
  CHECK(rows[0].rank == 2);
  CHECK(rows[1].window == "average");
  CHECK(rows[1].mean_difference == Approx(0.05).epsilon(1e-9));
  CHECK(rows[2].arm == "media");
  CHECK(rows[2].rank == 1);
  CHECK(rows[2].spending == 0.0);
  CHECK(std::isnan(rows[2].gain_per_million));
  CHECK(rows[2].n == 2);
}

TEST_CASE("compare_arms refuses an unknown metric and unequal replicates", "[metrics][compare]") {
  ArmReplicates base{"base", {replicate(0.2, 0.4), replicate(0.3, 0.5)}};
  ArmReplicates arm{"arm", {replicate(0.2, 0.5)}};
  CHECK_THROWS_AS(compare_arms({base, arm}, 0, {}), std::invalid_argument);
  CHECK_THROWS_AS(compare_arms({base, base}, 0, {"trusting_shares"}), detente::InputError);
}
