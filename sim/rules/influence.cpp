// Social influence (design §2.3 rule 1); the formula is in influence.hpp.
//
// One task computes every out-group entry of a block of agents from the
// read-only state, so the result is the same at any thread count. The gather
// over a row is detail::gather_peers, instantiated once per combination of
// edge weights, speaker weights and repulsion so that the common case
// (unweighted, no repulsion) runs the leanest loop.
#include "rules/influence.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <limits>

#include "rules/detail/influence_update.hpp"
#include "rules/detail/peer_sums.hpp"
#include "rules/detail/state_shape.hpp"

namespace detente::rules {
namespace {

// Agents per task: rows of ~20 edges, so a task is tens of thousands of edges.
constexpr std::size_t kGrain = 2048;

using detail::constants;
using detail::InfluenceConstants;

template <class Real, bool kEdgeWeights, bool kSpeakerWeights, bool kRepulsion>
void influence_pass(const InfluenceConstants<Real>& c, const SocialNetwork& network,
                    const Population<Real>& population, std::span<const float> speaker_weight,
                    TrustArrays<Real>& next) {
  const std::size_t groups = population.trust.size();
  const AgentId* neighbours = network.neighbours.data();
  const double* edge_weight = kEdgeWeights ? network.weights.data() : nullptr;
  const float* speaker = kSpeakerWeights ? speaker_weight.data() : nullptr;

  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, population.size(), kGrain),
      [&](const tbb::blocked_range<std::size_t>& range) {
        for (std::size_t i = range.begin(); i != range.end(); ++i) {
          const auto id = static_cast<AgentId>(i);
          const std::size_t own = population.group[i];
          const Real lambda = population.stubbornness[i];
          const Real s = population.susceptibility[i];
          const Real pull = c.rate * s;
          for (std::size_t h = 0; h < groups; ++h) {
            if (h == own) {
              next[h][i] = Real(0);
              continue;
            }
            detail::PeerInputs<Real> in;
            in.trust = population.trust[h].data();
            in.neighbours = neighbours;
            in.edge_weight = edge_weight;
            in.speaker_weight = speaker;
            in.self = in.trust[i];
            in.confidence = c.confidence;
            in.repulsion_threshold = c.repulsion_threshold;

            detail::PeerSums<Real> acc;
            if (!c.all_peers) {
              detail::gather_peers<Real, kEdgeWeights, kSpeakerWeights, kRepulsion>(
                  in, network.peer_begin(id), network.peer_end(id), acc);
            } else {
              // Rows are sorted and groups numbered in blocks, so the members
              // of h (whose trust toward h is undefined) are one slice to skip.
              const std::uint64_t row_begin = network.offsets[i];
              const std::uint64_t row_end = network.offsets[i + 1];
              const AgentId* first = neighbours + row_begin;
              const AgentId* last = neighbours + row_end;
              const AgentId* h_begin = std::lower_bound(first, last, population.group_begin[h]);
              const AgentId* h_end = std::lower_bound(h_begin, last, population.group_begin[h + 1]);
              detail::gather_peers<Real, kEdgeWeights, kSpeakerWeights, kRepulsion>(
                  in, row_begin, static_cast<std::uint64_t>(h_begin - neighbours), acc);
              detail::gather_peers<Real, kEdgeWeights, kSpeakerWeights, kRepulsion>(
                  in, static_cast<std::uint64_t>(h_end - neighbours), row_end, acc);
            }

            const Real xi = in.self;
            const Real mean = detail::peer_mean(c.self_weight, xi, acc);
            Real push = Real(0);
            if constexpr (kRepulsion) push = detail::repulsion(c.repulsion_rate, s, acc);
            next[h][i] = detail::clamp01(
                detail::anchored_update(lambda, population.anchor[h][i], pull, xi, mean, push));
          }
        }
      });
}

template <class Real, bool kEdgeWeights, bool kSpeakerWeights>
void dispatch_repulsion(bool repulsion, const InfluenceConstants<Real>& c,
                        const SocialNetwork& network, const Population<Real>& population,
                        std::span<const float> speaker_weight, TrustArrays<Real>& next) {
  if (repulsion) {
    influence_pass<Real, kEdgeWeights, kSpeakerWeights, true>(c, network, population,
                                                              speaker_weight, next);
  } else {
    influence_pass<Real, kEdgeWeights, kSpeakerWeights, false>(c, network, population,
                                                               speaker_weight, next);
  }
}

template <class Real, bool kEdgeWeights>
void dispatch_speaker(const detail::PeerSwitches& on, const InfluenceConstants<Real>& c,
                      const SocialNetwork& network, const Population<Real>& population,
                      std::span<const float> speaker_weight, TrustArrays<Real>& next) {
  if (on.speaker_weights) {
    dispatch_repulsion<Real, kEdgeWeights, true>(on.repulsion, c, network, population,
                                                 speaker_weight, next);
  } else {
    dispatch_repulsion<Real, kEdgeWeights, false>(on.repulsion, c, network, population,
                                                  speaker_weight, next);
  }
}

template <class Real>
void check_network(const SocialNetwork& network, const Population<Real>& population,
                   std::span<const float> speaker_weight) {
  const std::size_t n = population.size();
  detail::require(network.agents() == n, "apply_influence",
                  "the network has " + std::to_string(network.agents()) +
                      " agents, the population " + std::to_string(n));
  detail::require(network.in_group_begin.size() == n && network.in_group_end.size() == n,
                  "apply_influence", "in_group_begin/in_group_end need one entry per agent");
  detail::require(
      (network.offsets.empty() ? 0 : network.offsets.back()) == network.neighbours.size(),
      "apply_influence", "offsets must end at the number of neighbour entries");
  detail::require(network.weights.empty() || network.weights.size() == network.neighbours.size(),
                  "apply_influence", "weights must be empty or one per neighbour entry");
  detail::require(speaker_weight.empty() || speaker_weight.size() == n, "apply_influence",
                  "speaker_weight must be empty or one per agent");
}

}  // namespace

template <class Real>
void apply_influence(const scenario::Influence& params, const SocialNetwork& network,
                     const Population<Real>& population, std::span<const float> speaker_weight,
                     TrustArrays<Real>& next) {
  detail::check_population(population, "apply_influence");
  if (!params.enabled) {
    detail::copy_trust(population, next);
    return;
  }
  check_network(network, population, speaker_weight);
  detail::shape_like_trust(population, next);

  const auto c = constants<Real>(params);
  // ρ ≥ 1 can never be exceeded on the [0,1] scale: skip the repulsion terms.
  const detail::PeerSwitches on{network.weighted(), !speaker_weight.empty(),
                                params.repulsion_threshold && *params.repulsion_threshold < 1.0};
  if (on.edge_weights) {
    dispatch_speaker<Real, true>(on, c, network, population, speaker_weight, next);
  } else {
    dispatch_speaker<Real, false>(on, c, network, population, speaker_weight, next);
  }
}

template void apply_influence<float>(const scenario::Influence&, const SocialNetwork&,
                                     const Population<float>&, std::span<const float>,
                                     TrustArrays<float>&);
template void apply_influence<double>(const scenario::Influence&, const SocialNetwork&,
                                      const Population<double>&, std::span<const float>,
                                      TrustArrays<double>&);

}  // namespace detente::rules
