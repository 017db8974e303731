// Futures and robustness (experiment/futures.hpp, robustness.hpp, prim.hpp):
// priors mapped by their inverse CDF, the futures' design, the robustness
// measures on small value cubes with known answers, and PRIM finding a box
// it was built to find.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "experiment/futures.hpp"
#include "experiment/prim.hpp"
#include "experiment/robustness.hpp"
#include "scenario/load.hpp"

using namespace detente;
using scenario::Prior;
using scenario::UncertainParameter;

namespace {

UncertainParameter prior(Prior kind, double low, double high) {
  UncertainParameter p;
  p.path = "dynamics.contact.rate";
  p.prior = kind;
  p.low = low;
  p.high = high;
  return p;
}

const std::string kWorld = R"(name: futures
steps: 10
population:
  groups:
    - {name: north, size: 50}
    - {name: south, size: 50}
uncertain:
  - {path: dynamics.contact.rate, prior: log_uniform, low: 0.05, high: 0.2}
  - {path: dynamics.influence.confidence, low: 0.15, high: 0.4}
)";

}  // namespace

TEST_CASE("priors map quantiles through their inverse CDF, within their bounds",
          "[experiment][futures]") {
  const auto uniform = prior(Prior::uniform, 0.1, 0.3);
  CHECK(prior_quantile(uniform, 0.5) == Approx(0.2));
  CHECK(prior_quantile(uniform, 0.0) == Approx(0.1));
  const auto log_uniform = prior(Prior::log_uniform, 0.01, 1.0);
  CHECK(prior_quantile(log_uniform, 0.5) == Approx(0.1));  // the geometric midpoint
  auto normal = prior(Prior::normal, 0.0, 10.0);
  normal.mean = 5.0;
  normal.sd = 1.0;
  CHECK(prior_quantile(normal, 0.5) == Approx(5.0));
  CHECK(prior_quantile(normal, 0.8413447) == Approx(6.0).epsilon(1e-4));  // Φ(1)
  auto truncated = prior(Prior::normal, 0.0, 1.0);
  truncated.mean = 0.0;
  truncated.sd = 1.0;
  // Half the mass of N(0,1) truncated to [0, 1] lies below Φ⁻¹((Φ(0) + Φ(1))/2)
  // = Φ⁻¹(0.67067) = 0.4418.
  CHECK(prior_quantile(truncated, 0.5) == Approx(0.4418).epsilon(1e-3));
  auto beta = prior(Prior::beta, 10.0, 20.0);
  beta.a = 2.0;
  beta.b = 2.0;
  CHECK(prior_quantile(beta, 0.5) == Approx(15.0));  // symmetric: the middle
  for (const double u : {0.0, 0.01, 0.5, 0.99, 1.0})
    for (const auto& p : {uniform, log_uniform, normal, truncated, beta}) {
      CHECK(prior_quantile(p, u) >= *p.low);
      CHECK(prior_quantile(p, u) <= *p.high);
    }
  auto whole = prior(Prior::uniform, 0.6, 3.4);
  whole.integer = true;
  CHECK(prior_quantile(whole, 0.0) == 1.0);  // rounded, and inside the bounds
  CHECK(prior_quantile(whole, 1.0) == 3.0);
}

TEST_CASE("futures fill each prior's range, one per stratum, and set the keys",
          "[experiment][futures]") {
  const auto world = scenario::load_text(kWorld, "futures.yaml");
  const auto plan = plan_futures(world, 20);
  REQUIRE(plan.values.size() == 20);
  std::vector<double> rates;
  for (const auto& v : plan.values)
    rates.push_back(std::log(v[0] / 0.05) / std::log(0.2 / 0.05));  // back to [0, 1]
  std::sort(rates.begin(), rates.end());
  for (std::size_t i = 0; i < rates.size(); ++i) {  // a Latin hypercube: stratum i holds one
    CHECK(rates[i] >= static_cast<double>(i) / 20.0 - 1e-12);
    CHECK(rates[i] < static_cast<double>(i + 1) / 20.0 + 1e-12);
  }
  CHECK(plan_futures(world, 20).values == plan.values);  // a pure function of the seed
  const auto future = future_scenario(world, plan, 3);
  CHECK(future.dynamics.contact.rate == plan.values[3][0]);
  CHECK(future.dynamics.influence.confidence == plan.values[3][1]);
  CHECK(future.population.groups[0].size == 50);
  CHECK_THROWS_AS(plan_futures(world, 1), InputError);
  const auto certain = scenario::load_text(
      "name: x\nsteps: 5\npopulation:\n  groups:\n    - {name: a}\n    - {name: b}\n", "x.yaml");
  CHECK_THROWS_WITH(plan_futures(certain, 8), Catch::Contains("add an `uncertain:` block"));
}

TEST_CASE("Wilson intervals and type-7 quantiles", "[experiment][robustness]") {
  const auto [low, high] = wilson_interval(8, 10);
  CHECK(low == Approx(0.4902).epsilon(1e-3));  // the textbook 8 of 10
  CHECK(high == Approx(0.9433).epsilon(1e-3));
  CHECK(wilson_interval(0, 10).first == 0.0);
  CHECK(quantile({1, 2, 3, 4, 5}, 0.5) == 3.0);
  CHECK(quantile({1, 2, 3, 4}, 0.1) == Approx(1.3));
  CHECK(std::isnan(quantile({}, 0.5)));
}

TEST_CASE("robustness counts the futures an arm beats the base in, and its regret",
          "[experiment][robustness]") {
  // mean trust (higher is better); arms base, good, mixed; 4 futures, 3 replicates.
  // good: +0.01 in every future; mixed: +0.02 in futures 0–1, −0.02 in 2–3.
  FutureValues v({{"mean", "all"}}, {"base", "good", "mixed"}, 4, 3);
  for (std::size_t f = 0; f < 4; ++f)
    for (std::size_t r = 0; r < 3; ++r) {
      const double noise = 0.001 * static_cast<double>(r);  // shared by the arms: CRN
      const double base = 0.5 + 0.1 * static_cast<double>(f) + noise;
      for (const Window w : {Window::final, Window::average}) {
        v.at(f, 0, r, 0, w) = base;
        v.at(f, 1, r, 0, w) = base + 0.01 + 0.0001 * static_cast<double>(r);
        v.at(f, 2, r, 0, w) = base + (f < 2 ? 0.02 : -0.02) + 0.0001 * static_cast<double>(r);
      }
    }
  const auto rows = robustness(v, 0);
  REQUIRE(rows.size() == 6);  // 3 arms × 1 outcome × 2 windows
  const auto& base = rows[0];
  const auto& good = rows[2];
  const auto& mixed = rows[4];
  CHECK(std::isnan(base.beats_share));
  CHECK(good.beats_share == 1.0);
  CHECK(good.loses_share == 0.0);
  CHECK(mixed.beats_share == 0.5);
  CHECK(mixed.loses_share == 0.5);
  CHECK(good.median_difference == Approx(0.0101));
  CHECK(mixed.p10_difference < 0.0);
  CHECK(mixed.p90_difference > 0.0);
  // Regret: futures 0–1 mixed is best (good falls 0.01 short), 2–3 good is.
  CHECK(good.max_regret == Approx(0.01));
  CHECK(mixed.max_regret == Approx(0.03));
  CHECK(base.max_regret == Approx(0.0201));
  CHECK(good.window == "final");
  CHECK(rows[1].window == "average");

  FuturePlan plan;
  plan.parameters = {prior(Prior::uniform, 0.0, 1.0)};
  plan.values = {{0.1}, {0.2}, {0.8}, {0.9}};
  const auto boxes = discovery(v, plan, 0, {{"mean", "all"}});
  // good never flips; mixed does, and half of the futures flip: "beats" is the
  // answer of interest and PRIM needs at least 4 futures in a box, so only
  // the whole space is a box here.
  REQUIRE(!boxes.empty());
  CHECK(std::all_of(boxes.begin(), boxes.end(), [](const auto& b) { return b.arm == "mixed"; }));
  CHECK(boxes[0].coverage == 1.0);
  CHECK(boxes[0].density == 0.5);
}

TEST_CASE("PRIM peels toward the box where the futures of interest lie", "[experiment][prim]") {
  // 100 futures on a 10 × 10 grid of [0, 1]²; of interest: x > 0.6 (the second
  // coordinate is irrelevant).
  std::vector<std::vector<double>> points;
  std::vector<bool> interest;
  for (int i = 0; i < 10; ++i)
    for (int j = 0; j < 10; ++j) {
      points.push_back({(i + 0.5) / 10.0, (j + 0.5) / 10.0});
      interest.push_back((i + 0.5) / 10.0 > 0.6);
    }
  const auto boxes = prim_peel(points, interest, 0.1, 5);
  REQUIRE(boxes.size() > 1);
  CHECK(boxes[0].density == Approx(0.4));
  CHECK(boxes[0].coverage == 1.0);
  for (std::size_t b = 1; b < boxes.size(); ++b)
    CHECK(boxes[b].density > boxes[b - 1].density);  // each peel helps
  const auto& best = boxes[chosen_box(boxes)];
  CHECK(best.density == 1.0);
  CHECK(best.coverage == 1.0);
  CHECK(best.low[0] > 0.6);            // it found the cut in x …
  CHECK(best.low[1] == Approx(0.05));  // … and left y alone
  CHECK(best.high[1] == Approx(0.95));
}
