// The population builder: attribute distributions, roles, marginalised share,
// and independence from thread count.
#include <tbb/global_control.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <numeric>

#include "core/population_builder.hpp"

using namespace detente;
using Kind = scenario::Distribution::Kind;

namespace {

scenario::Population two_groups(std::int64_t size) {
  scenario::Population spec;
  scenario::Group north;
  north.name = "north";
  north.size = size;
  north.trust = {Kind::beta, 0.5, 0, 1, 2.0, 6.0};  // mean 0.25
  north.susceptibility = {Kind::uniform, 0.5, 0.2, 0.6};
  north.roles = {{"public", 0.7}, {"student", 0.3}};
  north.marginalised_share = 0.2;
  scenario::Group south = north;
  south.name = "south";
  south.trust = {Kind::normal, 0.5, 0, 1, 2, 2, 0.6, 0.1};
  south.roles = {{"artist", 1.0}};
  spec.groups = {north, south};
  return spec;
}

double mean_of(const std::vector<float>& v, std::size_t begin, std::size_t end) {
  return std::accumulate(v.begin() + static_cast<long>(begin), v.begin() + static_cast<long>(end),
                         0.0) /
         static_cast<double>(end - begin);
}

}  // namespace

TEST_CASE("group ranges follow the declared sizes", "[population]") {
  const auto ranges = group_ranges(two_groups(100));
  CHECK(ranges == std::vector<std::uint32_t>{0, 100, 200});
}

TEST_CASE("inverse-CDF sampling of each distribution", "[population]") {
  CHECK(sample_distribution(scenario::Distribution::constant(0.3), 0.9) == 0.3);
  CHECK(sample_distribution({Kind::uniform, 0, 0.2, 0.6}, 0.5) == Approx(0.4));
  // Beta(2,2) is symmetric: the median is 0.5.
  CHECK(sample_distribution({Kind::beta, 0, 0, 1, 2, 2}, 0.5) == Approx(0.5));
  // A normal is clipped into [0,1].
  CHECK(sample_distribution({Kind::normal, 0, 0, 1, 2, 2, 0.9, 0.5}, 0.999) == 1.0);
  CHECK(sample_distribution({Kind::normal, 0, 0, 1, 2, 2, 0.5, 0.1}, 0.5) == Approx(0.5));
}

TEST_CASE("attributes follow their distributions", "[population]") {
  const auto spec = two_groups(20000);
  const auto ranges = group_ranges(spec);
  const auto pop = build_population<float>(spec, ranges, Streams(7, 0));
  REQUIRE(pop.size() == 40000);
  REQUIRE(pop.groups() == 2);
  // Mean of Beta(2,6) is 0.25, sd 0.144: a standard error of 0.001 over
  // 20,000 agents, so 0.005 is five standard errors.
  CHECK(mean_of(pop.trust[1], 0, 20000) == Approx(0.25).margin(0.005));
  CHECK(mean_of(pop.trust[0], 20000, 40000) == Approx(0.6).margin(0.005));
  CHECK(mean_of(pop.susceptibility, 0, 20000) == Approx(0.4).margin(0.005));
  // The own-group entry is unused and stays 0; anchors start at trust.
  CHECK(pop.trust[0][0] == 0.0f);
  CHECK(pop.anchor == pop.trust);
  // Roles by share (binomial sd of the share ≈ 0.0032 at n = 20,000).
  const auto student_id = static_cast<std::uint8_t>(
      std::find(pop.role_names.begin(), pop.role_names.end(), "student") - pop.role_names.begin());
  const auto students = std::count(pop.role.begin(), pop.role.begin() + 20000, student_id);
  CHECK(static_cast<double>(students) / 20000 == Approx(0.3).margin(0.016));
  CHECK(pop.role_names == std::vector<std::string>{"public", "student", "artist"});
  const auto marginalised = std::count(pop.marginalised.begin(), pop.marginalised.end(), 1);
  CHECK(static_cast<double>(marginalised) / 40000 == Approx(0.2).margin(0.01));
  CHECK(pop.group[19999] == 0);
  CHECK(pop.group[20000] == 1);
}

TEST_CASE("the population is identical at any thread count, different across replicates",
          "[population][determinism]") {
  const auto spec = two_groups(5000);
  const auto ranges = group_ranges(spec);
  Population<float> one, two;
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    one = build_population<float>(spec, ranges, Streams(11, 3));
  }
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
    two = build_population<float>(spec, ranges, Streams(11, 3));
  }
  CHECK(one.trust == two.trust);
  CHECK(one.susceptibility == two.susceptibility);
  CHECK(one.role == two.role);
  const auto other = build_population<float>(spec, ranges, Streams(11, 4));
  CHECK(one.trust != other.trust);
}

TEST_CASE("tabulated quantiles stay within 1e-4 of the exact inverse CDF", "[population]") {
  // Drawing through the table: a population of one group with one attribute
  // per shape, compared against Boost's exact quantile for the same draw.
  for (const auto& dist : {scenario::Distribution{Kind::beta, 0, 0, 1, 2.0, 5.0},
                           scenario::Distribution{Kind::beta, 0, 0, 1, 3.0, 4.0},
                           scenario::Distribution{Kind::normal, 0, 0, 1, 2, 2, 0.5, 0.15}}) {
    scenario::Population spec;
    scenario::Group g;
    g.name = "north";
    g.size = 2000;
    g.susceptibility = dist;
    spec.groups = {g, g};
    spec.groups[1].name = "south";
    const Streams rng(5, 0);
    const auto pop = build_population<double>(spec, group_ranges(spec), rng);
    for (std::uint32_t i = 0; i < 2000; ++i) {
      const double u =
          std::clamp(rng.uniforms_double(Purpose::attributes, 1, 0, i)[0], 1e-12, 1.0 - 1e-12);
      REQUIRE(pop.susceptibility[i] == Approx(sample_distribution(dist, u)).margin(1e-4));
    }
  }
}

TEST_CASE("builders that need the same new table at once all get it whole",
          "[population][determinism]") {
  // Eight builders start together and all need a table nobody has computed
  // (a shape used nowhere else in this program): one computes it while the
  // others help or wait. Had any read it half-filled, its draws would miss
  // the exact quantile.
  const scenario::Distribution dist{Kind::beta, 0, 0, 1, 2.71, 3.14};
  scenario::Population spec;
  scenario::Group g;
  g.name = "north";
  g.size = 500;
  g.susceptibility = dist;
  spec.groups = {g};
  const auto ranges = group_ranges(spec);
  std::vector<Population<double>> built(8);
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 4);
    tbb::parallel_for(std::size_t{0}, built.size(), [&](std::size_t b) {
      built[b] = build_population<double>(spec, ranges, Streams(5, 0));
    });
  }
  const Streams rng(5, 0);
  for (const auto& pop : built) {
    REQUIRE(pop.susceptibility == built[0].susceptibility);
    for (std::uint32_t i = 0; i < 500; ++i) {
      const double u =
          std::clamp(rng.uniforms_double(Purpose::attributes, 1, 0, i)[0], 1e-12, 1.0 - 1e-12);
      REQUIRE(pop.susceptibility[i] == Approx(sample_distribution(dist, u)).margin(1e-4));
    }
  }
}
