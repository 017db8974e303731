// Paired comparison of arms on synthetic replicates with known differences.
#include "metrics/compare.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <set>

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

TEST_CASE("compare_arms ranks by each metric's direction", "[metrics][compare]") {
  // Two metrics moved the same way by the same arms: a larger trusting share
  // is better, a larger hostile share worse, so the ranks flip.
  const auto rep = [](double trusting, double hostile) {
    return std::vector<MetricRow>{{10, "trusting_share", "all", trusting},
                                  {10, "hostile_share", "all", hostile}};
  };
  ArmReplicates base{"base", {rep(0.3, 0.3), rep(0.4, 0.2)}};
  ArmReplicates up{"up", {rep(0.5, 0.5), rep(0.6, 0.4)}};      // +0.2 on both
  ArmReplicates down{"down", {rep(0.2, 0.2), rep(0.3, 0.1)}};  // −0.1 on both
  ArmReplicates same{"same", {rep(0.3, 0.3), rep(0.4, 0.2)}};  // 0 on both
  const auto rows = compare_arms({base, up, down, same}, 0, {});
  REQUIRE(rows.size() == 3 * 2 * 2);
  std::map<std::string, std::int64_t> rank;
  for (const auto& r : rows) {
    CHECK(r.better == (r.metric == "hostile_share" ? Better::lower : Better::higher));
    if (r.window == "final") rank[r.arm + "/" + r.metric] = r.rank;
  }
  CHECK(rank.at("up/trusting_share") == 1);
  CHECK(rank.at("same/trusting_share") == 2);
  CHECK(rank.at("down/trusting_share") == 3);
  CHECK(rank.at("down/hostile_share") == 1);
  CHECK(rank.at("same/hostile_share") == 2);
  CHECK(rank.at("up/hostile_share") == 3);
}

TEST_CASE("the metric table has one row per metric; an unknown metric is refused",
          "[metrics][compare]") {
  std::set<std::string> seen;
  for (const auto& m : metric_table()) {
    CHECK(seen.insert(std::string(m.name)).second);  // declared once
    CHECK(name(m.id) == m.name);
    CHECK(find(m.name) == &m);
    CHECK(!m.label.empty());
    CHECK(!m.meaning.empty());
    CHECK(!m.unit.empty());
  }
  CHECK(require("hostile_share").better == Better::lower);
  CHECK(require("gap").better == Better::lower);
  CHECK(require("trusting_share").better == Better::higher);
  CHECK(to_string(Better::lower) == "lower");
  CHECK(to_string(Better::higher) == "higher");
  CHECK(find("hostility") == nullptr);
  CHECK_THROWS_WITH(require("hostility"),
                    Catch::Contains("\"hostility\" is not in the metric table") &&
                        Catch::Contains("sim/metrics/metric_table.cpp"));
  ArmReplicates base{"base", {{{10, "hostility", "all", 0.1}}, {{10, "hostility", "all", 0.2}}}};
  CHECK_THROWS_AS(compare_arms({base, base}, 0, {}), std::invalid_argument);
}

TEST_CASE("compare_arms averages over defined steps and leaves undefined differences unranked",
          "[metrics][compare]") {
  // A share of nobody is NaN: before anyone took part, and throughout in an
  // arm without a programme.
  const double nan = std::nan("");
  const auto rep = [](double at0, double at10) {
    return std::vector<MetricRow>{{0, "participant_marginalised_share", "all", at0},
                                  {10, "participant_marginalised_share", "all", at10}};
  };
  ArmReplicates base{"base", {rep(nan, 0.2), rep(nan, 0.3)}};
  ArmReplicates wider{"wider", {rep(0.1, 0.4), rep(nan, 0.5)}};
  ArmReplicates none{"none", {rep(nan, nan), rep(nan, nan)}};
  const auto rows = compare_arms({base, wider, none}, 0, {});
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].mean_difference == Approx(0.2).epsilon(1e-12));  // final
  // Average: wider (0.25, 0.5) against base (0.2, 0.3), each over its defined steps.
  CHECK(rows[1].mean_difference == Approx((0.05 + 0.2) / 2).epsilon(1e-12));
  CHECK(rows[0].rank == 1);
  CHECK(rows[1].rank == 1);
  CHECK(std::isnan(rows[2].mean_difference));
  CHECK(rows[2].rank == 0);
  CHECK(rows[3].rank == 0);
}

TEST_CASE("compare_arms refuses an unknown metric and unequal replicates", "[metrics][compare]") {
  ArmReplicates base{"base", {replicate(0.2, 0.4), replicate(0.3, 0.5)}};
  ArmReplicates arm{"arm", {replicate(0.2, 0.5)}};
  CHECK_THROWS_AS(compare_arms({base, arm}, 0, {}), std::invalid_argument);
  CHECK_THROWS_AS(compare_arms({base, base}, 0, {"trusting_shares"}), detente::InputError);
}
