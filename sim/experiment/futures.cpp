#include "experiment/futures.hpp"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>

#include "core/errors.hpp"
#include "experiment/design.hpp"
#include "experiment/sweep.hpp"

namespace detente {
namespace {

// Separates the futures' hypercube from a sweep's Latin hypercube of the
// same seed (draw 0), so a sweep and a robustness analysis sample apart.
constexpr std::uint32_t kFuturesDraw = 0x465554;  // "FUT"

}  // namespace

double prior_quantile(const scenario::UncertainParameter& p, double u) {
  const double low = *p.low, high = *p.high;
  u = std::clamp(u, 0.0, 1.0);
  double v = low;
  switch (p.prior) {
    case scenario::Prior::uniform:
      v = low + u * (high - low);
      break;
    case scenario::Prior::log_uniform:
      v = std::exp(std::log(low) + u * (std::log(high) - std::log(low)));
      break;
    case scenario::Prior::normal: {
      const boost::math::normal_distribution<double> normal(*p.mean, *p.sd);
      const double from = boost::math::cdf(normal, low), to = boost::math::cdf(normal, high);
      const double q = from + u * (to - from);
      v = q <= 0.0 ? low : q >= 1.0 ? high : boost::math::quantile(normal, q);
      break;
    }
    case scenario::Prior::beta: {
      const boost::math::beta_distribution<double> beta(*p.a, *p.b);
      v = low + (high - low) * boost::math::quantile(beta, u);
      break;
    }
  }
  v = std::clamp(v, low, high);
  return p.integer ? std::clamp(std::round(v), std::ceil(low), std::floor(high)) : v;
}

FuturePlan plan_futures(const scenario::Scenario& scenario, std::size_t futures) {
  if (scenario.uncertain.empty())
    throw InputError(scenario.source_path +
                     ": uncertain: --futures needs the keys nobody can pin down, with a prior "
                     "each; add an `uncertain:` block (see README, \"Uncertain parameters\")");
  if (futures < 2 || futures > kMaxFutures)
    throw InputError("--futures: expected a number of futures in [2, " +
                     std::to_string(kMaxFutures) + "], got " + std::to_string(futures));
  FuturePlan plan;
  plan.parameters = scenario.uncertain;
  const auto unit =
      latin_hypercube(futures, plan.parameters.size(), design_streams(scenario.seed), kFuturesDraw);
  for (const auto& point : unit) {
    std::vector<double> values(point.size());
    for (std::size_t i = 0; i < point.size(); ++i)
      values[i] = prior_quantile(plan.parameters[i], point[i]);
    plan.values.push_back(std::move(values));
  }
  return plan;
}

std::vector<scenario::Override> future_overrides(const FuturePlan& plan, std::size_t f) {
  std::vector<scenario::Override> out;
  for (std::size_t i = 0; i < plan.parameters.size(); ++i)
    out.push_back({plan.parameters[i].path, number_text(plan.values.at(f)[i])});
  return out;
}

scenario::Scenario future_scenario(const scenario::Scenario& scenario, const FuturePlan& plan,
                                   std::size_t f) {
  const std::string display = scenario.source_path.empty() ? scenario.name : scenario.source_path;
  const auto overrides = future_overrides(plan, f);
  scenario::Scenario world;
  try {
    world = scenario::load_text(scenario::to_yaml(scenario), display, overrides);
  } catch (const InputError& error) {
    throw InputError(std::string(error.what()) + " (in future " + std::to_string(f) + ")");
  }
  world.source_path = scenario.source_path;
  return world;
}

}  // namespace detente
