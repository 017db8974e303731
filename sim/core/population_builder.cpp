#include "core/population_builder.hpp"

#include <tbb/blocked_range.h>
#include <tbb/collaborative_call_once.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <map>
#include <memory>
#include <mutex>
#include <tuple>

namespace detente {
namespace {

// Sub-streams of Purpose::attributes; part of the reproducibility contract.
enum Attribute : std::uint32_t {
  kTrust = 0,  // draw = target group
  kSusceptibility = 1,
  kLiteracy = 2,
  kConvenerTrust = 3,
  kStubbornness = 4,
};

constexpr std::uint32_t kRoleStream = 0;
constexpr std::uint32_t kMarginalisedStream = 1;

// A uniform in (0,1): inverse CDFs of beta and normal are infinite at 0.
double open_unit(const Streams& rng, std::uint32_t attribute, std::uint64_t agent,
                 std::uint32_t draw) {
  const double u = rng.uniforms_double(Purpose::attributes, attribute, 0, agent, draw)[0];
  return std::clamp(u, 1e-12, 1.0 - 1e-12);
}

// The inverse CDF of a beta or normal, tabulated and interpolated linearly.
// Boost's exact quantile costs a few microseconds, which made drawing a
// million agents take seconds; the table costs one quantile per knot. Knots sit
// at u = (1 − cos(πk/K))/2, dense near 0 and 1 where quantiles of shapes like
// Beta(2,5) bend sharply, which keeps every draw within 1e-4 of the exact
// value (checked in test_population.cpp).
class QuantileTable {
 public:
  static constexpr std::size_t kKnots = 8192;

  explicit QuantileTable(const scenario::Distribution& dist) : dist_(dist) {
    using Kind = scenario::Distribution::Kind;
    if (dist.kind == Kind::beta || dist.kind == Kind::normal) values_ = tabulated(dist);
  }

  double operator()(double u) const {
    if (!values_) return sample_distribution(dist_, u);
    const std::vector<double>& values = *values_;
    const double position = std::acos(1.0 - 2.0 * u) / kPi * kKnots;
    const auto k = std::min(static_cast<std::size_t>(position), kKnots - 1);
    const double fraction = (u - knot(k)) / (knot(k + 1) - knot(k));
    return values[k] + std::clamp(fraction, 0.0, 1.0) * (values[k + 1] - values[k]);
  }

 private:
  // The knots' quantiles, computed once per distinct distribution in this
  // process: with shapes like Beta(1.96, 2.6) Boost needs tens of
  // microseconds a quantile, so a table costs a fraction of a second, which
  // every replicate and arm of a comparison used to pay again. The values are
  // a pure function of the distribution, so sharing them changes no result.
  // The first caller computes a table in parallel and the threads that ask
  // for it meanwhile help (tbb::collaborative_call_once) rather than wait or
  // compute it again: the tables were a serial second of every small
  // comparison with futures.
  struct Shared {
    tbb::collaborative_once_flag once;
    std::vector<double> values;
  };
  static std::shared_ptr<const std::vector<double>> tabulated(const scenario::Distribution& dist) {
    using Key = std::tuple<int, double, double, double, double>;
    static std::mutex guard;
    static std::map<Key, std::shared_ptr<Shared>> tables;
    const Key key{static_cast<int>(dist.kind), dist.a, dist.b, dist.mean, dist.sd};
    std::shared_ptr<Shared> table;
    {
      const std::lock_guard<std::mutex> lock(guard);
      // Bounded: a sweep over shapes would otherwise keep every table (64 KiB
      // each). Tables in use stay alive through their shared pointers.
      if (tables.size() >= kMostTables && tables.count(key) == 0) tables.clear();
      auto& slot = tables[key];
      if (!slot) slot = std::make_shared<Shared>();
      table = slot;
    }
    tbb::collaborative_call_once(table->once, [&] {
      table->values.resize(kKnots + 1);
      tbb::parallel_for(std::size_t{0}, kKnots + 1, [&](std::size_t k) {
        table->values[k] = sample_distribution(dist, std::clamp(knot(k), 1e-12, 1.0 - 1e-12));
      });
    });
    return {table, &table->values};  // shares ownership of the entry
  }

  static constexpr std::size_t kMostTables = 256;
  static constexpr double kPi = 3.14159265358979323846;
  static double knot(std::size_t k) {
    return 0.5 * (1.0 - std::cos(kPi * static_cast<double>(k) / kKnots));
  }

  scenario::Distribution dist_;
  std::shared_ptr<const std::vector<double>> values_;
};

}  // namespace

double sample_distribution(const scenario::Distribution& dist, double u) {
  using Kind = scenario::Distribution::Kind;
  switch (dist.kind) {
    case Kind::constant:
      return dist.value;
    case Kind::uniform:
      return dist.low + u * (dist.high - dist.low);
    case Kind::beta:
      return boost::math::quantile(boost::math::beta_distribution<double>(dist.a, dist.b), u);
    case Kind::normal:
      if (dist.sd <= 0.0) return std::clamp(dist.mean, 0.0, 1.0);
      return std::clamp(
          boost::math::quantile(boost::math::normal_distribution<double>(dist.mean, dist.sd), u),
          0.0, 1.0);
  }
  return dist.value;
}

std::vector<std::uint32_t> group_ranges(const scenario::Population& spec) {
  std::vector<std::uint32_t> begin{0};
  for (const auto& g : spec.groups)
    begin.push_back(begin.back() + static_cast<std::uint32_t>(g.size));
  return begin;
}

template <class Real>
Population<Real> build_population(const scenario::Population& spec,
                                  std::span<const std::uint32_t> group_begin, const Streams& rng) {
  const std::size_t groups = spec.groups.size();
  const std::size_t n = group_begin.back();
  Population<Real> pop;
  pop.group_begin.assign(group_begin.begin(), group_begin.end());
  for (const auto& g : spec.groups)
    pop.group_names.push_back(g.name);
  // Role names across groups, in first-declared order, so a role id means the
  // same thing in every group.
  for (const auto& g : spec.groups)
    for (const auto& r : g.roles)
      if (std::find(pop.role_names.begin(), pop.role_names.end(), r.name) == pop.role_names.end())
        pop.role_names.push_back(r.name);

  pop.group.resize(n);
  pop.trust.assign(groups, std::vector<Real>(n, Real(0)));
  pop.susceptibility.resize(n);
  pop.literacy.resize(n);
  pop.convener_trust.resize(n);
  pop.stubbornness.resize(n);
  pop.role.resize(n);
  pop.marginalised.resize(n);
  pop.external_id.resize(n);

  for (std::size_t g = 0; g < groups; ++g) {
    const scenario::Group& spec_g = spec.groups[g];
    const QuantileTable trust(spec_g.trust), susceptibility(spec_g.susceptibility),
        literacy(spec_g.literacy), convener_trust(spec_g.convener_trust),
        stubbornness(spec_g.stubbornness);
    std::vector<std::uint8_t> role_ids;
    std::vector<double> role_cdf;
    double cumulative = 0.0;
    for (const auto& r : spec_g.roles) {
      cumulative += r.share;
      role_cdf.push_back(cumulative);
      role_ids.push_back(static_cast<std::uint8_t>(
          std::find(pop.role_names.begin(), pop.role_names.end(), r.name) -
          pop.role_names.begin()));
    }
    tbb::parallel_for(
        tbb::blocked_range<std::uint32_t>(group_begin[g], group_begin[g + 1], 4096),
        [&](const tbb::blocked_range<std::uint32_t>& range) {
          for (std::uint32_t i = range.begin(); i != range.end(); ++i) {
            pop.group[i] = static_cast<std::uint8_t>(g);
            pop.external_id[i] = i;
            for (std::size_t h = 0; h < groups; ++h) {
              if (h == g) continue;
              pop.trust[h][i] = static_cast<Real>(
                  trust(open_unit(rng, kTrust, i, static_cast<std::uint32_t>(h))));
            }
            pop.susceptibility[i] =
                static_cast<Real>(susceptibility(open_unit(rng, kSusceptibility, i, 0)));
            pop.literacy[i] = static_cast<Real>(literacy(open_unit(rng, kLiteracy, i, 0)));
            pop.convener_trust[i] =
                static_cast<Real>(convener_trust(open_unit(rng, kConvenerTrust, i, 0)));
            pop.stubbornness[i] =
                static_cast<Real>(stubbornness(open_unit(rng, kStubbornness, i, 0)));

            const auto u = rng.uniforms_double(Purpose::roles, kRoleStream, 0, i)[0] * cumulative;
            const auto it = std::upper_bound(role_cdf.begin(), role_cdf.end(), u);
            pop.role[i] =
                role_ids[std::min<std::size_t>(it - role_cdf.begin(), role_ids.size() - 1)];
            pop.marginalised[i] = rng.uniforms_double(Purpose::roles, kMarginalisedStream, 0,
                                                      i)[0] < spec_g.marginalised_share;
          }
        });
  }
  pop.anchor = pop.trust;
  pop.disposition = pop.trust;
  return pop;
}

template Population<float> build_population(const scenario::Population&,
                                            std::span<const std::uint32_t>, const Streams&);
template Population<double> build_population(const scenario::Population&,
                                             std::span<const std::uint32_t>, const Streams&);

}  // namespace detente
