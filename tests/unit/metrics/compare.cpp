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
  CHECK(rows[0].baseline_spending == 0.0);
  CHECK(rows[0].extra_spending == 2e6);
  CHECK(rows[0].gain_per_million == Approx(0.05).epsilon(1e-9));
  CHECK(rows[0].rank == 2);
  // A share of the public: percentage points and people per 1,000.
  CHECK(rows[0].scale == Scale::public_share);
  CHECK(rows[0].points == Approx(10.0).epsilon(1e-9));
  CHECK(rows[0].per_1000 == Approx(100.0).epsilon(1e-9));
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
  // Only an arm that beats the baseline is ranked: no change and a loss get
  // no rank (0), whatever the other arms do.
  CHECK(rank.at("up/trusting_share") == 1);
  CHECK(rank.at("same/trusting_share") == 0);
  CHECK(rank.at("down/trusting_share") == 0);
  CHECK(rank.at("down/hostile_share") == 1);
  CHECK(rank.at("same/hostile_share") == 0);
  CHECK(rank.at("up/hostile_share") == 0);
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
  // Average: differences 0.05 and 0.2 over two replicates, t(0.975, 1) = 12.7:
  // the interval spans zero, so no rank.
  CHECK(rows[1].ci_low < 0.0);
  CHECK(rows[1].rank == 0);
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

TEST_CASE("compare_arms: person-level standardised effects and extra spending",
          "[metrics][compare]") {
  // mean/all with the sd over people recorded beside it; the baseline spends
  // 1,000 per run, the arms 1,000 (no extra) and 3,000 (2,000 extra).
  const auto rep = [](double mean, double sd, double hostile, double spent) {
    return std::vector<MetricRow>{{0, "mean", "all", 0.4},
                                  {0, "sd", "all", 0.2},
                                  {0, "hostile_share", "all", 0.5},
                                  {0, "spending", "all", 0.0},
                                  {10, "mean", "all", mean},
                                  {10, "sd", "all", sd},
                                  {10, "hostile_share", "all", hostile},
                                  {10, "spending", "all", spent}};
  };
  ArmReplicates base{"base", {rep(0.40, 0.10, 0.20, 1000), rep(0.42, 0.30, 0.30, 1000)}};
  // same_money: +0.03 on the mean and −0.1 on the hostile share in both replicates.
  ArmReplicates same{"same_money", {rep(0.43, 0.1, 0.10, 1000), rep(0.45, 0.3, 0.20, 1000)}};
  // dearer: −0.01 on the mean in both replicates (a loss), hostile unchanged.
  ArmReplicates dearer{"dearer", {rep(0.39, 0.1, 0.20, 3000), rep(0.41, 0.3, 0.30, 3000)}};
  const auto rows = compare_arms({base, same, dearer}, 0, {"mean", "hostile_share"});
  const auto find = [&](const std::string& arm, const std::string& metric,
                        const std::string& window) {
    for (const auto& r : rows)
      if (r.arm == arm && r.metric == metric && r.window == window) return r;
    FAIL("no row " << arm << "/" << metric << "/" << window);
    return CompareRow{};
  };
  const auto mean_final = find("same_money", "mean", "final");
  CHECK(mean_final.scale == Scale::trust_level);
  CHECK(mean_final.mean_difference == Approx(0.03).epsilon(1e-9));
  // The baseline's sd over people at the last step, averaged over replicates: 0.2.
  CHECK(mean_final.person_sd == Approx(0.2).epsilon(1e-9));
  CHECK(mean_final.standardised == Approx(0.15).epsilon(1e-9));
  CHECK(std::isnan(mean_final.points));  // not a share
  CHECK(std::isnan(mean_final.per_1000));
  // Average window: the baseline's sd averaged over steps (0.2 and 0.1 / 0.2
  // and 0.3), then over replicates: 0.2.
  CHECK(find("same_money", "mean", "average").person_sd == Approx(0.2).epsilon(1e-9));
  // A share: the sd over people of "is hostile", √(p(1 − p)) at the baseline's p = 0.25.
  const auto hostile = find("same_money", "hostile_share", "final");
  CHECK(hostile.points == Approx(-10.0).epsilon(1e-9));
  CHECK(hostile.per_1000 == Approx(-100.0).epsilon(1e-9));
  CHECK(hostile.person_sd == Approx(std::sqrt(0.25 * 0.75)).epsilon(1e-9));
  CHECK(hostile.standardised == Approx(-0.1 / std::sqrt(0.25 * 0.75)).epsilon(1e-9));
  CHECK(hostile.rank == 1);  // lower is better, and its interval is below zero
  // Spending: the same money is no extra money, so no gain per million.
  CHECK(mean_final.baseline_spending == 1000.0);
  CHECK(mean_final.extra_spending == 0.0);
  CHECK(std::isnan(mean_final.gain_per_million));
  const auto loss = find("dearer", "mean", "final");
  CHECK(loss.extra_spending == 2000.0);
  CHECK(loss.gain_per_million == Approx(-0.01 / 2000.0 * 1e6).epsilon(1e-9));
  // A loss is never ranked, and the arm with the gain is first.
  CHECK(loss.rank == 0);
  CHECK(find("same_money", "mean", "final").rank == 1);
  CHECK(find("dearer", "hostile_share", "final").rank == 0);  // exactly no change
}

TEST_CASE("headline outcomes: declared first, else where the arms separate most",
          "[metrics][compare]") {
  const auto row = [](const std::string& metric, double d, double low, double high, double z) {
    CompareRow r;
    r.arm = "a";
    r.metric = metric;
    r.subject = "all";
    r.window = "final";
    r.mean_difference = d;
    r.ci_low = low;
    r.ci_high = high;
    r.standardised = z;
    return r;
  };
  const std::vector<CompareRow> rows = {
      row("mean", 0.01, 0.005, 0.015, 0.1),              // distinct, small
      row("hostile_share", -0.05, -0.06, -0.04, -0.4),   // distinct, larger
      row("p10", 0.2, -0.1, 0.5, 2.0),                   // largest but spans zero
      row("participants", 500, 400, 600, std::nan("")),  // no person-level sd
  };
  CHECK(headline_outcomes(rows, {}, 5) ==
        std::vector<Outcome>{{"hostile_share", "all"}, {"mean", "all"}, {"p10", "all"}});
  CHECK(headline_outcomes(rows, {}, 1) == std::vector<Outcome>{{"hostile_share", "all"}});
  // Declared outcomes lead, in their order; ones the rows lack are skipped.
  CHECK(headline_outcomes(rows, {{"p10", "all"}, {"gap", "all"}, {"mean", "all"}}, 5) ==
        std::vector<Outcome>{{"p10", "all"}, {"mean", "all"}});
}
