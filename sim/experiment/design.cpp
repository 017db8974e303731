#include "experiment/design.hpp"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace detente {
namespace {

// Sub-streams of the design streams (Purpose::attributes under a key of their own).
constexpr std::uint32_t kLatin = 1;
constexpr std::uint32_t kMorris = 2;

double uniform(const Streams& rng, std::uint32_t sub, std::uint64_t a, std::uint64_t b,
               std::uint32_t draw) {
  return rng.uniforms_double(Purpose::attributes, sub, a, b, draw)[0];
}

// A random permutation of 0..n−1 by sorting random keys (ties broken by index).
std::vector<std::size_t> permutation(std::size_t n, const Streams& rng, std::uint32_t sub,
                                     std::uint64_t a, std::uint32_t draw) {
  std::vector<double> key(n);
  for (std::size_t i = 0; i < n; ++i)
    key[i] = uniform(rng, sub, a, i, draw);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return key[x] != key[y] ? key[x] < key[y] : x < y;
  });
  return order;
}

}  // namespace

Streams design_streams(std::uint64_t seed) {
  return Streams(splitmix64(seed ^ 0x5357454550ull));  // "SWEEP"
}

std::vector<Point> grid_design(const std::vector<std::size_t>& levels) {
  std::size_t total = 1;
  for (const auto l : levels) {
    if (l == 0) throw std::invalid_argument("grid_design: a coordinate with no levels");
    total *= l;
  }
  std::vector<Point> points(total, Point(levels.size()));
  for (std::size_t p = 0; p < total; ++p) {
    std::size_t rest = p;
    for (std::size_t i = levels.size(); i-- > 0;) {
      const std::size_t at = rest % levels[i];
      rest /= levels[i];
      points[p][i] =
          levels[i] == 1 ? 0.5 : static_cast<double>(at) / static_cast<double>(levels[i] - 1);
    }
  }
  return points;
}

std::vector<Point> latin_hypercube(std::size_t n, std::size_t k, const Streams& rng,
                                   std::uint32_t draw) {
  std::vector<Point> points(n, Point(k));
  for (std::size_t i = 0; i < k; ++i) {
    const auto stratum = permutation(n, rng, kLatin, i, 2 * draw);
    for (std::size_t j = 0; j < n; ++j)
      points[j][i] = (static_cast<double>(stratum[j]) + uniform(rng, kLatin, i, j, 2 * draw + 1)) /
                     static_cast<double>(n);
  }
  return points;
}

MorrisDesign morris_design(std::size_t trajectories, std::size_t factors, std::size_t levels,
                           const Streams& rng) {
  if (levels < 2 || levels % 2 != 0)
    throw std::invalid_argument("morris_design: levels must be even and at least 2");
  MorrisDesign d;
  d.trajectories = trajectories;
  d.factors = factors;
  d.levels = levels;
  const double step = 1.0 / static_cast<double>(levels - 1);
  d.delta = static_cast<double>(levels) / (2.0 * static_cast<double>(levels - 1));
  for (std::size_t t = 0; t < trajectories; ++t) {
    Point x(factors);
    for (std::size_t i = 0; i < factors; ++i) {
      const auto level = std::min(
          levels - 1,
          static_cast<std::size_t>(uniform(rng, kMorris, t, i, 0) * static_cast<double>(levels)));
      x[i] = static_cast<double>(level) * step;
    }
    d.points.push_back(x);
    const auto order = permutation(factors, rng, kMorris, t, 1);
    d.moved.push_back(order);
    for (const std::size_t i : order) {
      // Up where it fits on the grid, else down; compared with a margin so
      // that rounding in level·step never flips the choice.
      x[i] = x[i] + d.delta <= 1.0 + 1e-12 ? x[i] + d.delta : x[i] - d.delta;
      x[i] = std::clamp(x[i], 0.0, 1.0);
      d.points.push_back(x);
    }
  }
  return d;
}

std::vector<Point> saltelli_design(std::size_t n, std::size_t k, const Streams& rng) {
  const auto a = latin_hypercube(n, k, rng, 0);
  const auto b = latin_hypercube(n, k, rng, 1);
  std::vector<Point> points;
  points.reserve(n * (k + 2));
  for (std::size_t j = 0; j < n; ++j) {
    points.push_back(a[j]);
    points.push_back(b[j]);
    for (std::size_t i = 0; i < k; ++i) {
      Point ab = a[j];
      ab[i] = b[j][i];
      points.push_back(ab);
    }
  }
  return points;
}

}  // namespace detente
