// ABC-SMC's parts (experiment/calibrate_priors.hpp, calibrate_kernel.hpp,
// calibrate_smc.hpp): prior densities that integrate to one and vanish off
// their bounds, Beaumont et al.'s weights against a hand computation, and
// the sampler on a model whose posterior is known, at different batch
// sizes, with its stopping rules.
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>

#include "experiment/calibrate_kernel.hpp"
#include "experiment/calibrate_priors.hpp"
#include "experiment/calibrate_smc.hpp"

using namespace detente;
using scenario::Prior;
using scenario::UncertainParameter;

namespace {

UncertainParameter prior(Prior kind, double low, double high) {
  UncertainParameter p;
  p.path = "x";
  p.prior = kind;
  p.low = low;
  p.high = high;
  return p;
}

// ∫ exp(log π) over [low, high] by the midpoint rule.
double mass(const UncertainParameter& p) {
  constexpr int kSteps = 200000;
  const double h = (*p.high - *p.low) / kSteps;
  double sum = 0.0;
  for (int i = 0; i < kSteps; ++i)
    sum += std::exp(prior_log_density(p, *p.low + (i + 0.5) * h)) * h;
  return sum;
}

}  // namespace

TEST_CASE("each prior's density integrates to one on its bounds and is zero off them",
          "[calibrate]") {
  auto normal = prior(Prior::normal, 0.05, 0.085);
  normal.mean = 0.0675;
  normal.sd = 0.008;
  auto beta = prior(Prior::beta, 0.1, 0.7);
  beta.a = 2;
  beta.b = 5;
  for (const auto& p :
       {prior(Prior::uniform, 0.15, 0.4), prior(Prior::log_uniform, 0.01, 0.04), normal, beta}) {
    INFO("prior " << static_cast<int>(p.prior));
    CHECK(mass(p) == Approx(1.0).epsilon(1e-4));
    CHECK(std::isinf(prior_log_density(p, *p.low - 1e-9)));
    CHECK(std::isinf(prior_log_density(p, *p.high + 1e-9)));
    // A draw at the median lies inside and has a density.
    CHECK(std::isfinite(prior_log_density(p, prior_draw(p, 0.5))));
  }
  // A log-uniform prior is denser at its low end, as 1/x.
  const auto lu = prior(Prior::log_uniform, 0.01, 0.04);
  CHECK(prior_log_density(lu, 0.01) - prior_log_density(lu, 0.04) == Approx(std::log(4.0)));
}

TEST_CASE("importance weights are prior over the kernel mixture (Beaumont et al. 2009)",
          "[calibrate]") {
  // Previous generation: 0.2 (weight 0.25) and 0.6 (weight 0.75); kernel sd 0.1.
  const std::vector<UncertainParameter> priors = {prior(Prior::uniform, 0.0, 1.0)};
  const std::vector<Point> previous = {{0.2}, {0.6}};
  const std::vector<double> w_prev = {0.25, 0.75};
  const GaussianKernel kernel({{0.01}}, priors);
  const std::vector<Point> now = {{0.3}, {0.55}};
  const auto w = importance_weights(priors, now, previous, w_prev, kernel);
  const auto k = [](double x, double c) { return std::exp(-0.5 * (x - c) * (x - c) / 0.01); };
  const double a = 1.0 / (0.25 * k(0.3, 0.2) + 0.75 * k(0.3, 0.6));
  const double b = 1.0 / (0.25 * k(0.55, 0.2) + 0.75 * k(0.55, 0.6));
  CHECK(w[0] == Approx(a / (a + b)).epsilon(1e-12));
  CHECK(w[1] == Approx(b / (a + b)).epsilon(1e-12));
  // The kernel Beaumont et al. prescribe: twice the weighted variance.
  const auto moments = weighted_moments(previous, w_prev);
  CHECK(moments.mean[0] == Approx(0.5));
  CHECK(moments.covariance[0][0] == Approx(0.25 * 0.09 + 0.75 * 0.01));
  const auto twice = make_kernel(previous, w_prev, priors);
  CHECK(twice.cholesky()[0][0] == Approx(std::sqrt(2.0 * 0.03)));
  CHECK(effective_sample_size(w_prev) == Approx(1.0 / (0.0625 + 0.5625)));
}

TEST_CASE("quantiles: plain for tolerances, weighted for medians", "[calibrate]") {
  CHECK(sample_quantile({4, 1, 3, 2}, 0.5) == Approx(2.5));
  CHECK(sample_quantile({1, 2, std::numeric_limits<double>::infinity()}, 0.5) == 2.0);
  const std::vector<double> v = {1, 2, 3}, w = {0.1, 0.1, 0.8};
  CHECK(weighted_quantile(v, w, 0.5) == 3.0);
  CHECK(weighted_quantile(v, w, 0.15) == 2.0);
  const std::vector<double> cumulative = {0.1, 0.2, 1.0};
  CHECK(draw_by_weight(cumulative, 0.05) == 0);
  CHECK(draw_by_weight(cumulative, 0.5) == 2);
}

namespace {

// A model with a known answer: the distance of θ from 0.3 in units of 0.02,
// so the posterior concentrates around 0.3 as the tolerance falls.
std::vector<double> distances(std::span<const Candidate> batch) {
  std::vector<double> out;
  for (const auto& c : batch)
    out.push_back(std::abs(c.theta[0] - 0.3) / 0.02 + std::abs(c.theta[1] - 0.7) / 0.02);
  return out;
}

SmcSettings settings(std::size_t batch) {
  SmcSettings s;
  s.particles = 200;
  s.generations = 6;
  s.replicates = 1;
  s.budget = 100000;
  s.seed = 42;
  s.batch = batch;
  return s;
}

const std::vector<UncertainParameter> kPriors = {prior(Prior::uniform, 0.0, 1.0),
                                                 prior(Prior::uniform, 0.0, 1.0)};

}  // namespace

TEST_CASE("the sampler narrows onto the answer, generation by generation", "[calibrate]") {
  auto ten = settings(32);
  ten.generations = 10;
  const auto result = run_abc_smc(kPriors, ten, distances, {}, {}, true);
  REQUIRE(result.reason == StopReason::generations);
  REQUIRE(result.generations.size() == 10);
  for (std::size_t g = 1; g < result.generations.size(); ++g) {
    const auto& gen = result.generations[g];
    CHECK(gen.tolerance < result.generations[g - 1].tolerance);
    double sum = 0.0;
    for (const auto& p : gen.particles) {
      CHECK(p.distance <= gen.tolerance);
      sum += p.weight;
    }
    CHECK(sum == Approx(1.0));
    CHECK(gen.accepted == 200);
    CHECK(gen.acceptance_rate == Approx(200.0 / static_cast<double>(gen.proposed)));
  }
  const auto& last = result.generations.back();
  std::vector<double> x, w;
  for (const auto& p : last.particles) {
    x.push_back(p.theta[0]);
    w.push_back(p.weight);
  }
  CHECK(weighted_quantile(x, w, 0.5) == Approx(0.3).margin(0.02));
  CHECK(weighted_quantile(x, w, 0.95) - weighted_quantile(x, w, 0.05) < 0.1);
}

TEST_CASE("the sampler's answer does not depend on the batch size", "[calibrate]") {
  // Proposals are keyed by (seed, generation, candidate, attempt) and
  // accepted in index order: a batch only decides what is simulated together.
  const auto a = run_abc_smc(kPriors, settings(32), distances);
  const auto b = run_abc_smc(kPriors, settings(7), distances);
  const auto& pa = a.generations.back().particles;
  const auto& pb = b.generations.back().particles;
  REQUIRE(pa.size() == pb.size());
  for (std::size_t i = 0; i < pa.size(); ++i) {
    CHECK(pa[i].theta == pb[i].theta);
    CHECK(pa[i].weight == pb[i].weight);
  }
  // Another seed gives other particles.
  auto other = settings(32);
  other.seed = 43;
  CHECK(run_abc_smc(kPriors, other, distances).generations.back().particles[0].theta !=
        pa[0].theta);
}

TEST_CASE("the sampler stops at its budget and at a low acceptance, keeping whole generations",
          "[calibrate]") {
  auto s = settings(32);
  s.budget = 700;  // generation 0 (200) and a little more
  const auto by_budget = run_abc_smc(kPriors, s, distances);
  CHECK(by_budget.reason == StopReason::budget);
  CHECK(by_budget.simulations <= 700);
  REQUIRE(!by_budget.generations.empty());
  CHECK(by_budget.generations.back().particles.size() == 200);

  auto strict = settings(32);
  strict.min_acceptance = 0.5;  // the narrowing soon accepts fewer than half
  strict.generations = 20;
  const auto by_acceptance = run_abc_smc(kPriors, strict, distances);
  CHECK(by_acceptance.reason == StopReason::acceptance);
  CHECK(by_acceptance.why.find("min_acceptance") != std::string::npos);
  for (const auto& g : by_acceptance.generations)
    CHECK(g.acceptance_rate >= 0.5);
}

TEST_CASE("kernel moves off the priors' bounds are proposed again and counted", "[calibrate]") {
  // A posterior at the edge of its prior: about half the moves leave it.
  const auto edge = [](std::span<const Candidate> batch) {
    std::vector<double> out;
    for (const auto& c : batch)
      out.push_back(c.theta[0] / 0.01 + c.theta[1] / 0.01);
    return out;
  };
  const auto result = run_abc_smc(kPriors, settings(32), edge, {}, {}, true);
  std::uint64_t off = 0;
  for (const auto& g : result.generations) {
    off += g.out_of_support;
    for (const auto& p : g.particles)
      CHECK(in_support(kPriors, p.theta));
  }
  CHECK(off > 0);
}

TEST_CASE("the tolerance stops at the targets' standard errors, whatever the budget",
          "[calibrate]") {
  // Two targets observed with se 0.05 and a model without noise: the
  // distance is sqrt(mean z²), z = (θ − observed) / se, as in
  // calibrate_distance.hpp. A tolerance of 1 keeps the disc Σz² ≤ 2, of
  // radius √2 · 0.05 ≈ 0.071; going on would hold the runs closer to the
  // targets than they are known and make the width a matter of budget
  // (without the floor, 20 generations left a 90% interval of 0.0007).
  const auto within_se = [](std::span<const Candidate> batch) {
    std::vector<double> out;
    for (const auto& c : batch) {
      const double z0 = (c.theta[0] - 0.3) / 0.05, z1 = (c.theta[1] - 0.7) / 0.05;
      out.push_back(std::sqrt((z0 * z0 + z1 * z1) / 2.0));
    }
    return out;
  };
  auto s = settings(32);
  s.generations = 20;
  const auto result = run_abc_smc(kPriors, s, within_se, {}, {}, true);
  REQUIRE(result.reason == StopReason::tolerance);
  CHECK(result.why.find("standard errors") != std::string::npos);
  CHECK(result.generations.size() < 20);
  const auto& last = result.generations.back();
  CHECK(last.tolerance == 1.0);
  // Only the last generation is at the floor.
  for (std::size_t g = 0; g + 1 < result.generations.size(); ++g)
    CHECK(result.generations[g].tolerance > 1.0);
  std::vector<double> x, w;
  for (const auto& p : last.particles) {
    CHECK(p.distance <= 1.0);
    x.push_back(p.theta[0]);
    w.push_back(p.weight);
  }
  // A uniform disc of radius 0.071 has a marginal 90% interval of 0.114;
  // 200 weighted particles give it within about 15%.
  const double width = weighted_quantile(x, w, 0.95) - weighted_quantile(x, w, 0.05);
  CHECK(width == Approx(0.114).epsilon(0.15));
  CHECK(weighted_quantile(x, w, 0.5) == Approx(0.3).margin(0.02));

  // More generations and budget change nothing: the floor ended it.
  s.generations = 40;
  s.budget = 1000000;
  const auto more = run_abc_smc(kPriors, s, within_se);
  REQUIRE(more.generations.size() == result.generations.size());
  CHECK(more.generations.back().particles[0].theta == last.particles[0].theta);
}
