#pragma once
// Helpers shared by the metrics tests: hand-built populations and a reference
// implementation of the statistics by full sorting.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/population.hpp"
#include "core/rng.hpp"

namespace detente::test {

// A population whose trust[h] of the members of group g is given per pair:
// trust_of[g][h] lists the values of g's members toward h (ignored for h == g).
template <class Real>
Population<Real> make_population(const std::vector<std::string>& names,
                                 const std::vector<std::vector<std::vector<double>>>& trust_of) {
  Population<Real> p;
  p.group_names = names;
  const std::size_t groups = names.size();
  p.group_begin.push_back(0);
  for (std::size_t g = 0; g < groups; ++g) {
    const std::size_t size = trust_of[g][g == 0 ? 1 : 0].size();
    p.group_begin.push_back(p.group_begin.back() + static_cast<std::uint32_t>(size));
    p.group.insert(p.group.end(), size, static_cast<std::uint8_t>(g));
  }
  p.trust.assign(groups, std::vector<Real>(p.group.size(), Real(0)));
  for (std::size_t g = 0; g < groups; ++g)
    for (std::size_t h = 0; h < groups; ++h) {
      if (h == g) continue;
      for (std::size_t k = 0; k < trust_of[g][h].size(); ++k)
        p.trust[h][p.group_begin[g] + k] = static_cast<Real>(trust_of[g][h][k]);
    }
  return p;
}

// A large population with pseudo-random trust from the project's streams.
// `spread` < 1 squeezes the values around 0.5 to crowd the histogram buckets.
template <class Real>
Population<Real> random_population(const std::vector<std::uint32_t>& sizes, std::uint64_t seed,
                                   double spread = 1.0) {
  Population<Real> p;
  p.group_begin.push_back(0);
  for (std::size_t g = 0; g < sizes.size(); ++g) {
    p.group_names.push_back("g" + std::to_string(g));
    p.group_begin.push_back(p.group_begin.back() + sizes[g]);
    p.group.insert(p.group.end(), sizes[g], static_cast<std::uint8_t>(g));
  }
  const Streams rng(seed, 0);
  p.trust.assign(sizes.size(), std::vector<Real>(p.group.size(), Real(0)));
  for (std::size_t h = 0; h < sizes.size(); ++h)
    for (std::size_t i = 0; i < p.group.size(); ++i) {
      if (p.group[i] == h) continue;
      const double u = rng.uniforms_double(Purpose::attributes, 0, h, i)[0];
      p.trust[h][i] = static_cast<Real>(0.5 + spread * (u - 0.5));
    }
  return p;
}

// numpy.percentile(values, 100·q) with the default 'linear' method, by sorting.
inline double reference_percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  const double h = q * static_cast<double>(v.size() - 1);
  const auto low = static_cast<std::size_t>(std::floor(h));
  const double t = h - static_cast<double>(low);
  if (low + 1 >= v.size()) return v.back();
  const double a = v[low], b = v[low + 1], diff = b - a;
  return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

struct ReferenceMoments {
  double mean, sd, bimodality;
};

// Population moments in long double, as an independent check.
inline ReferenceMoments reference_moments(const std::vector<double>& v) {
  long double sum = 0;
  for (double x : v)
    sum += x;
  const long double n = static_cast<long double>(v.size());
  const long double mean = sum / n;
  long double m2 = 0, m3 = 0, m4 = 0;
  for (double x : v) {
    const long double d = x - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  const long double skew2 = m2 > 0 ? m3 * m3 / (m2 * m2 * m2) : 0;
  const long double kurt = m2 > 0 ? m4 / (m2 * m2) : 0;
  return {static_cast<double>(mean), static_cast<double>(std::sqrt(m2)),
          kurt > 0 ? static_cast<double>((skew2 + 1) / kurt) : 0.0};
}

// The trust values of g's members toward h, widened to double.
template <class Real>
std::vector<double> pair_values(const Population<Real>& p, std::size_t g, std::size_t h) {
  std::vector<double> v;
  for (std::size_t i = p.group_begin[g]; i < p.group_begin[g + 1]; ++i)
    v.push_back(p.trust[h][i]);
  return v;
}

}  // namespace detente::test
