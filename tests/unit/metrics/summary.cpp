#include "metrics/summary.hpp"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <vector>

using detente::metrics::summarise;
using detente::metrics::SummaryRow;
using detente::metrics::TimeseriesRow;

namespace {

TimeseriesRow row(std::string arm, std::int64_t replicate, std::int64_t step, std::string metric,
                  std::string subject, double value) {
  return {std::move(arm), replicate, {step, std::move(metric), std::move(subject), value}};
}

}  // namespace

TEST_CASE("summary of four replicates against a hand calculation", "[metrics][summary]") {
  std::vector<TimeseriesRow> rows;
  for (int r = 0; r < 4; ++r)
    rows.push_back(row("base", r, 10, "mean", "all", r + 1.0));
  const auto s = summarise(rows);
  REQUIRE(s.size() == 1);
  // 1,2,3,4: mean 2.5, sample sd √(5/3) = 1.290994, t(0.975, 3) = 3.182446
  const double half = 3.182446305284263 * 1.2909944487358056 / 2.0;
  CHECK(s[0].arm == "base");
  CHECK(s[0].metric == "mean");
  CHECK(s[0].subject == "all");
  CHECK(s[0].step == 10);
  CHECK(s[0].n == 4);
  CHECK(s[0].mean == Approx(2.5).margin(1e-14));
  CHECK(s[0].sd == Approx(1.2909944487358056).epsilon(1e-12));
  CHECK(s[0].ci_low == Approx(2.5 - half).epsilon(1e-9));
  CHECK(s[0].ci_high == Approx(2.5 + half).epsilon(1e-9));
}

TEST_CASE("one replicate gives sd 0 and a collapsed interval", "[metrics][summary]") {
  const std::vector<TimeseriesRow> rows = {row("base", 0, 0, "p10", "north->south", 0.25)};
  const auto s = summarise(rows);
  REQUIRE(s.size() == 1);
  CHECK(s[0].n == 1);
  CHECK(s[0].mean == 0.25);
  CHECK(s[0].sd == 0.0);
  CHECK(s[0].ci_low == 0.25);
  CHECK(s[0].ci_high == 0.25);
}

TEST_CASE("two replicates use t with one degree of freedom", "[metrics][summary]") {
  const std::vector<TimeseriesRow> rows = {row("a", 0, 0, "m", "all", 1.0),
                                           row("a", 1, 0, "m", "all", 3.0)};
  const auto s = summarise(rows);
  // sd = √2, t(0.975, 1) = 12.7062047, half width = t·√2/√2 = t
  CHECK(s[0].sd == Approx(std::sqrt(2.0)));
  CHECK(s[0].ci_high - s[0].mean == Approx(12.706204736174698).epsilon(1e-9));
}

TEST_CASE("summary rows: arm, metric, subject in first-seen order, then step",
          "[metrics][summary]") {
  std::vector<TimeseriesRow> rows;
  // Replicates interleaved and steps out of order, as a gather from workers might deliver.
  for (int r : {1, 0}) {
    for (const char* arm : {"exchange", "base"}) {
      for (int step : {8, 0, 4}) {
        rows.push_back(row(arm, r, step, "sd", "south->north", 0.1 * r + step));
        rows.push_back(row(arm, r, step, "sd", "north->south", 0.2 * r + step));
        rows.push_back(row(arm, r, step, "mean", "all", 0.3 * r + step));
      }
    }
  }
  const auto s = summarise(rows);
  REQUIRE(s.size() == 2 * 3 * 3);
  std::size_t i = 0;
  for (const char* arm : {"exchange", "base"}) {
    for (auto [metric, subject] : {std::pair{"sd", "south->north"}, std::pair{"sd", "north->south"},
                                   std::pair{"mean", "all"}}) {
      for (std::int64_t step : {0, 4, 8}) {
        CHECK(s[i].arm == arm);
        CHECK(s[i].metric == metric);
        CHECK(s[i].subject == subject);
        CHECK(s[i].step == step);
        CHECK(s[i].n == 2);
        ++i;
      }
    }
  }
}

TEST_CASE("the summary does not depend on the order replicates arrive in", "[metrics][summary]") {
  std::vector<TimeseriesRow> forward, backward;
  const double values[] = {0.1, 1e-17, 0.7, 0.3333333333333333, 1e9};
  for (int r = 0; r < 5; ++r)
    forward.push_back(row("a", r, 0, "m", "all", values[r]));
  for (int r = 4; r >= 0; --r)
    backward.push_back(row("a", r, 0, "m", "all", values[r]));
  const auto f = summarise(forward);
  const auto b = summarise(backward);
  CHECK(f[0].mean == b[0].mean);  // bitwise: summed in replicate order both times
  CHECK(f[0].sd == b[0].sd);
}

TEST_CASE("a repeated replicate row is refused", "[metrics][summary]") {
  const std::vector<TimeseriesRow> rows = {row("a", 0, 4, "m", "all", 1.0),
                                           row("a", 0, 4, "m", "all", 2.0)};
  CHECK_THROWS_WITH(summarise(rows), Catch::Contains("two rows for arm 'a', replicate 0, "
                                                     "metric 'm', subject 'all', step 4"));
  CHECK_THROWS_AS(summarise(rows), std::invalid_argument);
}

TEST_CASE("percentiles over replicates follow numpy's linear method", "[metrics][summary]") {
  // Values 5,1,4,2,3 arrive unsorted. numpy.percentile([1,2,3,4,5], [10,50,90])
  // = 1.4, 3, 4.6 (h = q·(n − 1): 0.4, 2, 3.6).
  std::vector<TimeseriesRow> rows;
  const double values[] = {5, 1, 4, 2, 3};
  for (int r = 0; r < 5; ++r)
    rows.push_back(row("base", r, 0, "mean", "all", values[r]));
  const auto s = summarise(rows);
  REQUIRE(s.size() == 1);
  CHECK(s[0].p10 == Approx(1.4).epsilon(1e-12));
  CHECK(s[0].p50 == 3.0);
  CHECK(s[0].p90 == Approx(4.6).epsilon(1e-12));
}
