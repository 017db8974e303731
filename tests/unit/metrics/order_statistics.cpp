#include "metrics/order_statistics.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "core/rng.hpp"

using detente::metrics::detail::lerp_numpy;
using detente::metrics::detail::OrderStatistics;
using detente::metrics::detail::quantile_position;

TEST_CASE("quantile positions follow numpy's linear method", "[metrics][percentile]") {
  // h = q·(n − 1): for n = 5, p10 sits 0.4 of the way from x0 to x1.
  auto p = quantile_position(5, 0.1);
  CHECK(p.low == 0);
  CHECK(p.frac == Approx(0.4).margin(1e-15));
  p = quantile_position(5, 0.5);
  CHECK(p.low == 2);
  CHECK(p.frac == 0.0);
  p = quantile_position(4, 0.5);  // even n: halfway between the middle two
  CHECK(p.low == 1);
  CHECK(p.frac == Approx(0.5).margin(1e-15));
  p = quantile_position(1, 0.9);  // a single value is every percentile
  CHECK(p.low == 0);
  CHECK(p.frac == 0.0);
  p = quantile_position(10, 1.0);
  CHECK(p.low == 9);
  CHECK(p.frac == 0.0);
}

TEST_CASE("numpy's lerp is exact at both ends", "[metrics][percentile]") {
  CHECK(lerp_numpy(0.1, 0.7, 0.0) == 0.1);
  CHECK(lerp_numpy(0.1, 0.7, 1.0) == 0.7);
  CHECK(lerp_numpy(1.0, 3.0, 0.25) == 1.5);
  CHECK(lerp_numpy(1.0, 3.0, 0.75) == 2.5);
}

TEST_CASE("successive selections return the order statistics", "[metrics][percentile]") {
  std::vector<int> values;
  for (int i = 0; i < 1000; ++i)
    values.push_back((i * 7919) % 1009);  // distinct, shuffled
  values.push_back(5);                    // and some repeats
  values.push_back(5);
  std::vector<int> sorted = values;
  std::sort(sorted.begin(), sorted.end());

  std::vector<int> work = values;
  OrderStatistics<int> select(work);
  for (std::size_t k : {0u, 1u, 2u, 3u, 100u, 101u, 500u, 500u, 501u, 900u, 1001u})
    CHECK(select(k) == sorted[k]);
}

TEMPLATE_TEST_CASE("radix selection finds exact order statistics of large arrays",
                   "[metrics][percentile]", float, double) {
  using detente::metrics::detail::select_ranks;
  const detente::Streams rng(99, 0);
  std::vector<TestType> values;
  SECTION("spread, with negatives and zeros of both signs") {
    for (std::uint64_t i = 0; i < 50000; ++i)
      values.push_back(static_cast<TestType>(
          rng.uniforms_double(detente::Purpose::classic, 0, 0, i)[0] * 4 - 2));
    values.push_back(TestType(0.0));
    values.push_back(TestType(-0.0));
  }
  SECTION("crowded into a tiny interval") {
    for (std::uint64_t i = 0; i < 50000; ++i)
      values.push_back(static_cast<TestType>(
          0.3 + 1e-9 * rng.uniforms_double(detente::Purpose::classic, 0, 0, i)[0]));
  }
  SECTION("one value repeated, with a few others") {
    values.assign(50000, TestType(1.0));
    values[17] = TestType(0.5);
    values[4000] = TestType(0.75);
  }
  std::vector<TestType> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const std::vector<std::size_t> ranks = {
      0, 1, 4999, 5000, 24999, 25000, 44999, 45000, values.size() - 1};
  std::vector<TestType> found(ranks.size());
  select_ranks<TestType>(values, ranks, found);
  for (std::size_t r = 0; r < ranks.size(); ++r) {
    INFO("rank " << ranks[r]);
    CHECK(found[r] == sorted[ranks[r]]);
  }
}
