// Media outlets: size and direction of exposure on hand-made cases, the
// frequencies of following, exposure and backlash against their formulas
// (binomial tolerances of 4 standard deviations), surges, and thread-count
// invariance.
#include <tbb/global_control.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "rules/media.hpp"
#include "rules_fixtures.hpp"

using namespace detente;

namespace {

rules::ResolvedOutlet outlet(double slant, double credibility = 0.6) {
  rules::ResolvedOutlet o;
  o.key = stream_key("the-daily");
  o.audience_mask = 0b11;
  o.reach = 1.0;
  o.exposure = 1.0;
  o.slant = slant;
  o.credibility = credibility;
  return o;
}

scenario::MediaRule no_backlash() {
  scenario::MediaRule p;
  p.backlash = 0.0;
  return p;
}

template <class Real>
std::vector<std::uint64_t> run(const scenario::MediaRule& p,
                               const std::vector<rules::ResolvedOutlet>& outlets,
                               const Population<Real>& pop, rules::TrustArrays<Real>& next,
                               std::int64_t step = 1, const rules::Surge& surge = {}) {
  const Streams rng(2024, 0);
  return rules::apply_media(p, outlets, surge, pop, {step, &rng}, next);
}

void check_binomial(double count, double n, double q) {
  const double sd = std::sqrt(n * q * (1 - q));
  INFO("count " << count << ", expected " << n * q << " ± 4·" << sd);
  CHECK(std::fabs(count - n * q) <= 4 * sd);
}

}  // namespace

TEMPLATE_TEST_CASE("media: a hostile outlet lowers trust, literacy discounts it", "[media]", float,
                   double) {
  using Real = TestType;
  auto pop = test::make_population<Real>({2, 1}, 0.5);
  pop.literacy = {Real(0), Real(0.5), Real(0)};
  rules::TrustArrays<Real> next;
  run(no_backlash(), {outlet(-1.0)}, pop, next);
  // κ·c·s·(t − x) = 0.02·0.6·0.5·(0 − 0.5), times (1 − literacy).
  CHECK(next[1][0] == Approx(0.5 - 0.003).epsilon(1e-6));
  CHECK(next[1][1] == Approx(0.5 - 0.0015).epsilon(1e-6));
  CHECK(next[0][2] == Approx(0.5 - 0.003).epsilon(1e-6));
  CHECK(next[0][0] == Real(0));

  // A friendly outlet is not discounted by literacy: target (0.5 + 1)/2 = 0.75.
  run(no_backlash(), {outlet(0.5)}, pop, next);
  CHECK(next[1][0] == Approx(0.5 + 0.02 * 0.6 * 0.5 * 0.25).epsilon(1e-6));
  CHECK(next[1][1] == Approx(0.5 + 0.02 * 0.6 * 0.5 * 0.25).epsilon(1e-6));
}

TEST_CASE("media: a convener campaign's credibility is the agent's convener trust", "[media]") {
  auto pop = test::make_population<double>({2, 0}, 0.5);
  pop.convener_trust = {0.2, 0.8};
  pop.literacy = {0.0, 0.0};
  auto campaign = outlet(1.0, 0.99);  // declared credibility is ignored
  campaign.convener_sponsored = true;
  rules::TrustArrays<double> next;
  run(no_backlash(), {campaign}, pop, next);
  CHECK(next[1][0] == Approx(0.5 + 0.02 * 0.2 * 0.5 * 0.5).epsilon(1e-12));
  CHECK(next[1][1] == Approx(0.5 + 0.02 * 0.8 * 0.5 * 0.5).epsilon(1e-12));
}

TEST_CASE("media: several outlets add up from the start state", "[media]") {
  auto pop = test::make_population<double>({1, 1}, 0.5);
  auto second = outlet(-1.0);
  second.key = stream_key("the-evening");
  rules::TrustArrays<double> one, two;
  run(no_backlash(), {outlet(-1.0)}, pop, one);
  run(no_backlash(), {outlet(-1.0), second}, pop, two);
  CHECK(two[1][0] - 0.5 == Approx(2 * (one[1][0] - 0.5)).epsilon(1e-12));
}

TEST_CASE("media: backlash happens with probability b(1 - c)|sigma - (2x - 1)|/2", "[media]") {
  constexpr std::uint32_t n = 20000;
  auto pop = test::make_population<double>({n, 1}, 0.5);
  scenario::MediaRule p;
  p.backlash = 0.5;
  p.backlash_step = 0.01;
  rules::TrustArrays<double> next;
  const auto backlash = run(p, {outlet(-1.0, 0.2)}, pop, next);
  // 0.5·(1 − 0.2)·|−1 − 0|/2 = 0.2 for every member of group 0.
  check_binomial(static_cast<double>(backlash[0]), n, 0.2);
  CHECK(backlash[1] == 0);  // group 1's single agent backlashed or not, counted apart
  // Those who react against the hostile message move away from it (up), by κ_b·0.5.
  std::uint64_t moved_up = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (next[1][i] > 0.5) {
      ++moved_up;
      REQUIRE(next[1][i] == Approx(0.5 + 0.01 * 0.5).epsilon(1e-12));
    } else {
      REQUIRE(next[1][i] == Approx(0.5 - 0.02 * 0.2 * 0.5 * 0.5 * 0.7).epsilon(1e-12));
    }
  }
  CHECK(moved_up == backlash[0]);

  // A fully credible outlet never provokes backlash.
  CHECK(run(p, {outlet(-1.0, 1.0)}, pop, next)[0] == 0);
}

TEST_CASE("media: followers are fixed, exposure is drawn each step", "[media]") {
  constexpr std::uint32_t n = 40000;
  auto pop = test::make_population<double>({n, 0}, 0.5);
  auto o = outlet(1.0);
  o.reach = 0.5;
  o.exposure = 0.5;
  rules::TrustArrays<double> first, second;
  run(no_backlash(), {o}, pop, first, 1);
  run(no_backlash(), {o}, pop, second, 2);
  double both = 0, once = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const bool a = first[1][i] != 0.5, b = second[1][i] != 0.5;
    once += a;
    both += a && b;
  }
  check_binomial(once, n, 0.25);        // reach·exposure
  check_binomial(both, n, 0.5 * 0.25);  // reach·exposure², not (reach·exposure)²
}

TEST_CASE("media: cached followers give exactly the same step", "[media]") {
  constexpr std::uint32_t n = 6000;
  auto pop = test::make_population<double>({n, n / 2}, 0.5);
  for (std::size_t i = 0; i < pop.size(); ++i) {
    pop.trust[1 - pop.group[i]][i] = static_cast<double>(i % 89) / 89.0;
  }
  auto often = outlet(-0.7, 0.3);
  often.reach = 0.6;
  often.exposure = 0.2;  // exposure drawn first
  auto rare = outlet(0.4, 0.5);
  rare.key = stream_key("rare");
  rare.reach = 0.1;  // audience drawn first
  rare.exposure = 0.9;
  rare.audience_mask = 0b01;
  std::vector<rules::ResolvedOutlet> outlets = {often, rare};
  scenario::MediaRule p;
  p.backlash = 0.7;
  rules::TrustArrays<double> drawn, cached;
  const auto b_drawn = run(p, outlets, pop, drawn, 4);

  const Streams rng(2024, 0);
  for (auto& o : outlets)
    o.followers = rules::resolve_followers(o, pop.group, rng);
  check_binomial(static_cast<double>(outlets[0].followers->size()), 1.5 * n, 0.6);
  check_binomial(static_cast<double>(outlets[1].followers->size()), n, 0.1);
  CHECK(std::is_sorted(outlets[0].followers->begin(), outlets[0].followers->end()));
  CHECK(outlets[1].followers->back() < n);  // group 1 is not in its audience
  const auto b_cached = run(p, outlets, pop, cached, 4);
  CHECK(drawn == cached);
  CHECK(b_drawn == b_cached);
  CHECK(drawn != pop.trust);
}

TEST_CASE("media: only the audience's groups are reached", "[media]") {
  auto pop = test::make_population<double>({3, 3}, 0.5);
  auto o = outlet(-1.0);
  o.audience_mask = 0b10;  // group 1 only
  rules::TrustArrays<double> next;
  run(no_backlash(), {o}, pop, next);
  for (std::size_t i = 0; i < 3; ++i)
    CHECK(next[1][i] == 0.5);
  for (std::size_t i = 3; i < 6; ++i)
    CHECK(next[0][i] < 0.5);
}

TEST_CASE("media: a surge turns slant hostile and raises exposure", "[media]") {
  constexpr std::uint32_t n = 20000;
  auto pop = test::make_population<double>({n, 0}, 0.5);
  pop.literacy.assign(n, 0.0);
  auto o = outlet(0.2);
  o.exposure = 0.4;
  const rules::Surge surge{true, 0.3, 2.0};
  rules::TrustArrays<double> calm, stormy;
  run(no_backlash(), {o}, pop, calm, 1);
  run(no_backlash(), {o}, pop, stormy, 1, surge);
  double exposed_calm = 0, exposed_stormy = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    if (calm[1][i] != 0.5) {
      ++exposed_calm;
      REQUIRE(calm[1][i] > 0.5);
    }
    if (stormy[1][i] != 0.5) {
      ++exposed_stormy;
      // σ' = 0.2 − 0.3 = −0.1: target 0.45, hostile.
      REQUIRE(stormy[1][i] == Approx(0.5 + 0.02 * 0.6 * 0.5 * (0.45 - 0.5)).epsilon(1e-12));
    }
  }
  check_binomial(exposed_calm, n, 0.4);
  check_binomial(exposed_stormy, n, 0.8);
}

TEST_CASE("media: bitwise identical at 1 and 2 threads", "[media][threads]") {
  auto pop = test::make_population<float>({3000, 2000}, 0.5);
  for (std::size_t i = 0; i < pop.size(); ++i) {
    pop.trust[1 - pop.group[i]][i] = static_cast<float>(i % 97) / 97.0f;
  }
  auto hostile = outlet(-0.6, 0.4);
  hostile.reach = 0.7;
  hostile.exposure = 0.5;
  auto friendly = outlet(0.8, 0.7);
  friendly.key = stream_key("friendly");
  friendly.exposure = 0.3;
  auto campaign = outlet(0.5);
  campaign.key = stream_key("campaign");
  campaign.convener_sponsored = true;
  const std::vector<rules::ResolvedOutlet> outlets = {hostile, friendly, campaign};
  scenario::MediaRule p;
  p.backlash = 0.6;
  rules::TrustArrays<float> one, two;
  std::vector<std::uint64_t> b1, b2;
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    b1 = run(p, outlets, pop, one, 3);
  }
  {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 2);
    b2 = run(p, outlets, pop, two, 3);
  }
  CHECK(one == two);
  CHECK(b1 == b2);
  CHECK(b1[0] + b1[1] > 0);
}
