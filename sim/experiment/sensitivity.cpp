#include "experiment/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

#include "metrics/order_statistics.hpp"

namespace detente {
namespace {

constexpr std::uint32_t kBootstrap = 3;  // sub-stream of the design streams

// Indices of one bootstrap resample of m units.
std::vector<std::size_t> resample(std::size_t m, std::size_t round, const Streams& rng) {
  std::vector<std::size_t> pick(m);
  for (std::size_t j = 0; j < m; ++j) {
    const double u = rng.uniforms_double(Purpose::attributes, kBootstrap, round, j)[0];
    pick[j] = std::min(m - 1, static_cast<std::size_t>(u * static_cast<double>(m)));
  }
  return pick;
}

double percentile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const auto at = metrics::detail::quantile_position(values.size(), q);
  if (at.frac == 0.0) return values[at.low];
  return metrics::detail::lerp_numpy(values[at.low], values[at.low + 1], at.frac);
}

// Point estimates from `compute(all units)` and 95% percentile intervals from
// `bootstrap` resamples; compute returns one value per index.
template <class Compute>
std::vector<Estimate> with_intervals(std::size_t units, std::size_t bootstrap, const Streams& rng,
                                     Compute compute) {
  std::vector<std::size_t> all(units);
  for (std::size_t j = 0; j < units; ++j)
    all[j] = j;
  const auto point = compute(all);
  std::vector<Estimate> out(point.size());
  std::vector<std::vector<double>> draws(point.size());
  for (std::size_t b = 0; b < bootstrap; ++b) {
    const auto values = compute(resample(units, b, rng));
    for (std::size_t i = 0; i < values.size(); ++i)
      draws[i].push_back(values[i]);
  }
  for (std::size_t i = 0; i < point.size(); ++i) {
    out[i].value = point[i];
    out[i].ci_low = bootstrap ? percentile(draws[i], 0.025) : point[i];
    out[i].ci_high = bootstrap ? percentile(draws[i], 0.975) : point[i];
  }
  return out;
}

}  // namespace

MorrisIndices morris_indices(const MorrisDesign& d, std::span<const double> y,
                             std::size_t bootstrap, const Streams& rng) {
  const std::size_t k = d.factors, r = d.trajectories;
  if (y.size() != r * (k + 1))
    throw std::invalid_argument("morris_indices: expected one outcome per design point");
  // effects[t][i]: trajectory t's elementary effect of coordinate i.
  std::vector<std::vector<double>> effects(r, std::vector<double>(k));
  for (std::size_t t = 0; t < r; ++t)
    for (std::size_t s = 0; s < k; ++s) {
      const std::size_t p = t * (k + 1) + s;
      const std::size_t i = d.moved[t][s];
      const double dx = d.points[p + 1][i] - d.points[p][i];
      effects[t][i] = (y[p + 1] - y[p]) / dx;
    }
  enum { kMuStar, kSigma, kMu };
  const auto statistic = [&](int which) {
    return [&, which](const std::vector<std::size_t>& rows) {
      std::vector<double> out(k);
      const double m = static_cast<double>(rows.size());
      for (std::size_t i = 0; i < k; ++i) {
        double sum = 0, abs_sum = 0;
        for (const auto t : rows) {
          sum += effects[t][i];
          abs_sum += std::abs(effects[t][i]);
        }
        const double mean = sum / m;
        double squares = 0;
        for (const auto t : rows)
          squares += (effects[t][i] - mean) * (effects[t][i] - mean);
        out[i] = which == kMuStar ? abs_sum / m
                 : which == kMu   ? mean
                                  : (rows.size() > 1 ? std::sqrt(squares / (m - 1)) : 0.0);
      }
      return out;
    };
  };
  return {with_intervals(r, bootstrap, rng, statistic(kMuStar)),
          with_intervals(r, bootstrap, rng, statistic(kSigma)),
          with_intervals(r, bootstrap, rng, statistic(kMu))};
}

SobolIndices sobol_indices(std::span<const double> y, std::size_t n, std::size_t k,
                           std::size_t bootstrap, const Streams& rng) {
  if (y.size() != n * (k + 2))
    throw std::invalid_argument("sobol_indices: expected one outcome per design point");
  const auto at = [&](std::size_t j, std::size_t column) { return y[j * (k + 2) + column]; };
  const auto estimate = [&](bool total) {
    return [&, total](const std::vector<std::size_t>& rows) {
      const double m = static_cast<double>(rows.size());
      double sum = 0;
      for (const auto j : rows)
        sum += at(j, 0) + at(j, 1);
      const double mean = sum / (2 * m);
      double squares = 0;
      for (const auto j : rows)
        squares += (at(j, 0) - mean) * (at(j, 0) - mean) + (at(j, 1) - mean) * (at(j, 1) - mean);
      const double variance = squares / (2 * m);
      std::vector<double> out(k, 0.0);
      if (variance <= 0.0) return out;
      for (std::size_t i = 0; i < k; ++i) {
        double acc = 0;
        for (const auto j : rows) {
          const double a = at(j, 0), b = at(j, 1) - mean, ab = at(j, 2 + i);
          acc += total ? (a - ab) * (a - ab) / 2.0 : b * (ab - a);
        }
        out[i] = acc / m / variance;
      }
      return out;
    };
  };
  return {with_intervals(n, bootstrap, rng, estimate(false)),
          with_intervals(n, bootstrap, rng, estimate(true))};
}

std::vector<std::string> sobol_warnings(const Estimate& first, const Estimate& total) {
  std::vector<std::string> out;
  char text[200];
  const auto outside = [&](const char* name, const Estimate& e) {
    if (e.ci_high >= 0.0 && e.ci_low <= 1.0) return;
    std::snprintf(text, sizeof text, "%s = %.3f [%.3f, %.3f] lies outside [0, 1]", name, e.value,
                  e.ci_low, e.ci_high);
    out.emplace_back(text);
  };
  outside("S1", first);
  outside("ST", total);
  if (first.ci_low > total.ci_high) {
    std::snprintf(
        text, sizeof text, "S1 = %.3f [%.3f, %.3f] exceeds ST = %.3f [%.3f, %.3f], which cannot be",
        first.value, first.ci_low, first.ci_high, total.value, total.ci_low, total.ci_high);
    out.emplace_back(text);
  }
  if (!out.empty())
    out.back() += "; more samples, or more replicates per point for a noisy outcome, would help";
  return out;
}

}  // namespace detente
