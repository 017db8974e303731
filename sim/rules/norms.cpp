// Perceived norms and complex contagion; the formulas are in norms.hpp.
#include "rules/norms.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <stdexcept>

#include "rules/detail/state_shape.hpp"

namespace detente::rules {
namespace {

constexpr std::size_t kGrain = 2048;

void check_network(const SocialNetwork& network, std::size_t agents, const char* rule) {
  detail::require(network.agents() == agents, rule,
                  "the network has " + std::to_string(network.agents()) +
                      " agents, the population " + std::to_string(agents));
  detail::require(network.in_group_begin.size() == agents && network.in_group_end.size() == agents,
                  rule, "in_group_begin/in_group_end need one entry per agent");
  detail::require(network.weights.empty() || network.weights.size() == network.neighbours.size(),
                  rule, "weights must be empty or one per neighbour entry");
}

// What i sees its in-group neighbours express toward h.
struct Seen {
  double weight = 0;       // Σ w over the neighbours
  double sum = 0;          // Σ w·e over the neighbours
  double warm_weight = 0;  // Σ w over those seen to be warm
  double warm_sum = 0;     // Σ w·e over those seen to be warm
};

template <class Real>
Seen look_around(const scenario::Norms& params, const SocialNetwork& network,
                 const Population<Real>& population, AgentId i, std::size_t h, bool expressed) {
  const Real* x = population.trust[h].data();
  const Real* p = expressed ? population.perceived_norm[h].data() : nullptr;
  Seen seen;
  for (std::uint64_t e = network.peer_begin(i); e < network.peer_end(i); ++e) {
    const AgentId j = network.neighbours[e];
    const double w = network.weighted() ? network.weights[e] : 1.0;
    const double xj = x[j];
    const double said = expressed ? xj + params.conformity * (static_cast<double>(p[j]) - xj) : xj;
    seen.weight += w;
    seen.sum += w * said;
    if (said >= params.warm) {
      seen.warm_weight += w;
      seen.warm_sum += w * said;
    }
  }
  return seen;
}

}  // namespace

double tipping(const scenario::Norms& params, double warm_share) {
  if (!(params.width > 0.0)) return warm_share >= params.threshold ? 1.0 : 0.0;
  return std::clamp((warm_share - params.threshold) / params.width + 0.5, 0.0, 1.0);
}

template <class Real>
TrustArrays<Real> initial_norms(const scenario::Norms& params, const SocialNetwork& network,
                                const Population<Real>& population) {
  detail::check_population(population, "initial_norms");
  check_network(network, population.size(), "initial_norms");
  const std::size_t groups = population.groups();
  TrustArrays<Real> out(groups, std::vector<Real>(population.size(), Real(0)));
  for (std::size_t g = 0; g < groups; ++g) {
    const std::size_t begin = population.group_begin[g], end = population.group_begin[g + 1];
    for (std::size_t h = 0; h < groups; ++h) {
      if (h == g || begin == end) continue;
      double sum = 0;
      for (std::size_t i = begin; i < end; ++i)
        sum += population.trust[h][i];
      const double group_mean = sum / static_cast<double>(end - begin);
      for (std::size_t i = begin; i < end; ++i) {
        const Seen seen =
            look_around(params, network, population, static_cast<AgentId>(i), h, false);
        out[h][i] = static_cast<Real>(seen.weight > 0 ? seen.sum / seen.weight : group_mean);
      }
    }
  }
  return out;
}

template <class Real>
void apply_norms(const scenario::Norms& params, const SocialNetwork& network,
                 const Population<Real>& population, TrustArrays<Real>& next_trust,
                 TrustArrays<Real>& next_norm) {
  detail::check_population(population, "apply_norms");
  detail::require(population.perceived_norm.size() == population.groups(), "apply_norms",
                  "perceived_norm must be set (rules::initial_norms)");
  check_network(network, population.size(), "apply_norms");
  detail::shape_like_trust(population, next_trust);
  detail::shape_like_trust(population, next_norm);
  const std::size_t groups = population.groups();
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, population.size(), kGrain),
      [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t i = range.begin(); i != range.end(); ++i) {
          const std::size_t own = population.group[i];
          for (std::size_t h = 0; h < groups; ++h) {
            if (h == own) {
              next_trust[h][i] = Real(0);
              next_norm[h][i] = Real(0);
              continue;
            }
            const double x = population.trust[h][i];
            const double p = population.perceived_norm[h][i];
            const Seen seen =
                look_around(params, network, population, static_cast<AgentId>(i), h, true);
            double norm = p, trust = x;
            if (seen.weight > 0) {
              norm = std::clamp(
                  (1.0 - params.update) * p + params.update * (seen.sum / seen.weight), 0.0, 1.0);
            }
            if (seen.warm_weight > 0) {
              const double share = seen.warm_weight / seen.weight;
              const double warm_mean = seen.warm_sum / seen.warm_weight;
              trust += params.rate * tipping(params, share) * std::max(0.0, warm_mean - x);
            }
            next_trust[h][i] = static_cast<Real>(std::clamp(trust, 0.0, 1.0));
            next_norm[h][i] = static_cast<Real>(norm);
          }
        }
      });
}

template TrustArrays<float> initial_norms<float>(const scenario::Norms&, const SocialNetwork&,
                                                 const Population<float>&);
template TrustArrays<double> initial_norms<double>(const scenario::Norms&, const SocialNetwork&,
                                                   const Population<double>&);
template void apply_norms<float>(const scenario::Norms&, const SocialNetwork&,
                                 const Population<float>&, TrustArrays<float>&,
                                 TrustArrays<float>&);
template void apply_norms<double>(const scenario::Norms&, const SocialNetwork&,
                                  const Population<double>&, TrustArrays<double>&,
                                  TrustArrays<double>&);

}  // namespace detente::rules
