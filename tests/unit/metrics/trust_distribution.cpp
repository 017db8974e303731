#include "metrics/trust_distribution.hpp"

#include <tbb/global_control.h>
#include <tbb/task_arena.h>
#include <catch2/catch.hpp>

#include <cstring>
#include <span>
#include <vector>

#include "fixtures.hpp"

using detente::metrics::detail::describe_slices;
using detente::metrics::detail::DistributionStats;
using detente::metrics::detail::Thresholds;

namespace {

// Checks one set's statistics against sorting and long-double moments:
// percentiles must match exactly (the same order statistics, the same lerp).
void check_against_reference(const DistributionStats& s, const std::vector<double>& v,
                             Thresholds t) {
  REQUIRE(s.n == v.size());
  CHECK(s.p10 == detente::test::reference_percentile(v, 0.1));
  CHECK(s.median == detente::test::reference_percentile(v, 0.5));
  CHECK(s.p90 == detente::test::reference_percentile(v, 0.9));
  const auto m = detente::test::reference_moments(v);
  CHECK(s.mean == Approx(m.mean).epsilon(1e-10));
  CHECK(s.sd == Approx(m.sd).epsilon(1e-9));
  CHECK(s.bimodality == Approx(m.bimodality).epsilon(1e-9));
  std::uint64_t trusting = 0, hostile = 0;
  for (double x : v) {
    trusting += x >= t.trusting;
    hostile += x <= t.hostile;
  }
  CHECK(s.trusting == trusting);
  CHECK(s.hostile == hostile);
}

template <class Real>
void check_population(const detente::Population<Real>& p) {
  std::vector<std::span<const Real>> slices;
  std::vector<std::vector<double>> expected;
  std::vector<double> pooled;
  for (std::size_t g = 0; g < p.groups(); ++g)
    for (std::size_t h = 0; h < p.groups(); ++h) {
      if (h == g) continue;
      slices.push_back(
          std::span<const Real>(p.trust[h]).subspan(p.group_begin[g], p.group_size(g)));
      expected.push_back(detente::test::pair_values(p, g, h));
      pooled.insert(pooled.end(), expected.back().begin(), expected.back().end());
    }
  const Thresholds t{0.6, 0.3};
  const auto stats = describe_slices<Real>(slices, t);
  REQUIRE(stats.size() == slices.size() + 1);
  for (std::size_t k = 0; k < slices.size(); ++k)
    check_against_reference(stats[k], expected[k], t);
  check_against_reference(stats.back(), pooled, t);
}

}  // namespace

TEMPLATE_TEST_CASE("distribution statistics match a sorting reference", "[metrics]", float,
                   double) {
  // Sizes span several blocks (65536 values) and leave partial blocks.
  SECTION("spread over [0,1]") {
    check_population(detente::test::random_population<TestType>({150001, 70000, 3}, 11));
  }
  SECTION("crowded into a few histogram buckets") {
    check_population(detente::test::random_population<TestType>({90000, 40000}, 12, 1e-4));
  }
  SECTION("many equal values") {
    auto p = detente::test::random_population<TestType>({70000, 5000}, 13);
    for (auto& row : p.trust)
      for (auto& x : row)
        x = static_cast<TestType>(std::round(x * 4) / 4);  // 0, .25, … 1
    check_population(p);
  }
}

TEST_CASE("a constant set has sd 0, bimodality 0 and every percentile equal", "[metrics]") {
  const std::vector<double> v(1000, 0.1);
  const std::vector<std::span<const double>> slices = {v};
  const auto s = describe_slices<double>(slices, {0.6, 0.3});
  CHECK(s[0].mean == 0.1);
  CHECK(s[0].median == 0.1);
  CHECK(s[0].p10 == 0.1);
  CHECK(s[0].p90 == 0.1);
  CHECK(s[0].sd == 0.0);
  CHECK(s[0].bimodality == 0.0);
}

TEST_CASE("an empty set has n = 0 and NaN statistics", "[metrics]") {
  const std::vector<float> v;
  const std::vector<std::span<const float>> slices = {v};
  const auto s = describe_slices<float>(slices, {0.6, 0.3});
  CHECK(s[0].n == 0);
  CHECK(std::isnan(s[0].mean));
  CHECK(std::isnan(s[0].median));
  CHECK(std::isnan(s[1].sd));
}

TEST_CASE("values outside [0,1] are still placed exactly", "[metrics]") {
  std::vector<double> v;
  for (int i = 0; i < 2000; ++i)
    v.push_back(-1.0 + 0.0015 * i);  // −1 … 2
  const std::vector<std::span<const double>> slices = {v};
  const auto s = describe_slices<double>(slices, {0.6, 0.3});
  CHECK(s[0].p10 == detente::test::reference_percentile(v, 0.1));
  CHECK(s[0].median == detente::test::reference_percentile(v, 0.5));
  CHECK(s[0].p90 == detente::test::reference_percentile(v, 0.9));
}

TEST_CASE("distribution statistics are bitwise identical at any thread count", "[metrics]") {
  const auto p = detente::test::random_population<float>({300000, 200000}, 21);
  std::vector<std::span<const float>> slices = {
      std::span<const float>(p.trust[1]).subspan(0, 300000),
      std::span<const float>(p.trust[0]).subspan(300000, 200000)};
  const auto run = [&](int threads) {
    // Allow more threads than cores, so that every count really runs.
    tbb::global_control allow(tbb::global_control::max_allowed_parallelism,
                              static_cast<std::size_t>(threads));
    tbb::task_arena arena(threads);
    return arena.execute([&] { return describe_slices<float>(slices, {0.6, 0.3}); });
  };
  const auto one = run(1);
  for (int threads : {2, 3, 4}) {
    const auto many = run(threads);
    REQUIRE(many.size() == one.size());
    for (std::size_t k = 0; k < one.size(); ++k)
      CHECK(std::memcmp(&many[k], &one[k], sizeof(DistributionStats)) == 0);
  }
}
