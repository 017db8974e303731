// Media outlets (design §2.3 rule 3); the formulas are in media.hpp.
//
// Each agent is one task's output: it draws, per outlet, whether it follows
// (a fixed draw, step 0) and whether it is exposed this step, and adds the
// effects of every outlet that reached it to its start state. Backlash events
// are counted per fixed block and group, then summed in block order.
//
// The Philox draws are most of this rule's cost, hence: the follower draw can
// be cached (ResolvedOutlet::followers); otherwise the rarer of the two draws
// is made first and the other only for those who passed it (both are pure
// functions of their keys, so the order changes nothing); and draws are made
// in branch-free batches so consecutive calls overlap in the pipeline.
#include "rules/media.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "rules/detail/blocks.hpp"
#include "rules/detail/state_shape.hpp"
#include "rules/message.hpp"

namespace detente::rules {
namespace {

// An outlet as it acts this step, surge included.
struct ActiveOutlet {
  const ResolvedOutlet* source;
  double exposure;
  double slant;
  double target;  // (σ + 1)/2
  bool exposure_first;
};

std::vector<ActiveOutlet> active_outlets(std::span<const ResolvedOutlet> outlets,
                                         const Surge& surge) {
  std::vector<ActiveOutlet> active;
  active.reserve(outlets.size());
  for (const ResolvedOutlet& o : outlets) {
    double slant = o.slant;
    double exposure = o.exposure;
    if (surge.active) {
      slant = std::max(-1.0, slant - surge.slant_shift);
      exposure = std::min(1.0, exposure * surge.exposure_factor);
    }
    active.push_back({&o, exposure, slant, 0.5 * (slant + 1.0), exposure <= o.reach});
  }
  return active;
}

bool follows(const Streams& rng, const ResolvedOutlet& o, std::size_t agent) {
  return rng.uniforms(Purpose::media_audience, o.key, 0, agent)[0] < o.reach;
}

// Agents whose draws are made together before any is acted on.
constexpr std::size_t kChunk = 256;

// Agents of one chunk still in the running, with their exposure draw's
// second word (the backlash draw).
struct Candidates {
  std::array<std::uint32_t, kChunk> agent;
  std::array<float, kChunk> backlash_draw;
  std::size_t count = 0;
};

// Keeps the candidates exposed this step. Survivors are kept by advancing a
// cursor, not by branching, so the draws of consecutive agents overlap.
void keep_exposed(const Streams& rng, const ActiveOutlet& o, std::uint64_t step, Candidates& c) {
  std::size_t kept = 0;
  for (std::size_t k = 0; k != c.count; ++k) {
    const auto u = rng.uniforms(Purpose::media_exposure, o.source->key, step, c.agent[k]);
    c.agent[kept] = c.agent[k];
    c.backlash_draw[kept] = u[1];
    kept += u[0] < o.exposure ? 1 : 0;
  }
  c.count = kept;
}

void keep_followers(const Streams& rng, const ActiveOutlet& o, Candidates& c) {
  std::size_t kept = 0;
  for (std::size_t k = 0; k != c.count; ++k) {
    const bool yes = follows(rng, *o.source, c.agent[k]);
    c.agent[kept] = c.agent[k];
    c.backlash_draw[kept] = c.backlash_draw[k];
    kept += yes ? 1 : 0;
  }
  c.count = kept;
}

// The effect of outlet o on agent i, who is exposed to it; `u` decides backlash.
template <class Real>
void expose(const scenario::MediaRule& params, const ActiveOutlet& o,
            const Population<Real>& population, std::uint32_t i, float u, TrustArrays<Real>& next,
            std::uint64_t* backlash) {
  const std::size_t own = population.group[i];
  const double credibility = o.source->convener_sponsored
                                 ? static_cast<double>(population.convener_trust[i])
                                 : o.source->credibility;
  const double pull = message_pull(params, o.slant, credibility, population.susceptibility[i],
                                   static_cast<double>(population.literacy[i]));
  for (std::size_t h = 0; h < next.size(); ++h) {
    if (h == own) continue;
    const double x = population.trust[h][i];  // the start state, whatever came before
    const MessageEffect effect = message_effect(params, o.target, pull, credibility, x, u);
    if (effect.backlash) ++backlash[own];
    next[h][i] += static_cast<Real>(effect.change);
  }
}

// Outlet o's effects on the agents [first, last) of one chunk.
template <class Real>
void reach_chunk(const scenario::MediaRule& params, const ActiveOutlet& o,
                 const Population<Real>& population, const Streams& rng, std::uint64_t step,
                 std::size_t first, std::size_t last, TrustArrays<Real>& next,
                 std::uint64_t* backlash) {
  Candidates c;
  const ResolvedOutlet& source = *o.source;
  if (source.followers) {
    const auto& list = *source.followers;
    auto from = std::lower_bound(list.begin(), list.end(), first);
    for (; from != list.end() && *from < last; ++from)
      c.agent[c.count++] = *from;
    keep_exposed(rng, o, step, c);
  } else {
    for (std::size_t i = first; i != last; ++i) {
      if ((source.audience_mask >> population.group[i]) & 1u) {
        c.agent[c.count++] = static_cast<std::uint32_t>(i);
      }
    }
    if (o.exposure_first) {
      keep_exposed(rng, o, step, c);
      keep_followers(rng, o, c);
    } else {
      keep_followers(rng, o, c);
      keep_exposed(rng, o, step, c);
    }
  }
  for (std::size_t k = 0; k != c.count; ++k) {
    expose(params, o, population, c.agent[k], c.backlash_draw[k], next, backlash);
  }
}

}  // namespace

std::vector<std::uint32_t> resolve_followers(const ResolvedOutlet& outlet,
                                             std::span<const std::uint8_t> group,
                                             const Streams& rng) {
  const std::size_t n = group.size();
  std::vector<std::vector<std::uint32_t>> per_block(detail::block_count(n, detail::kBlock));
  detail::for_each_block(
      n, detail::kBlock, [&](std::size_t block, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i != end; ++i) {
          if (((outlet.audience_mask >> group[i]) & 1u) && follows(rng, outlet, i)) {
            per_block[block].push_back(static_cast<std::uint32_t>(i));
          }
        }
      });
  std::vector<std::uint32_t> followers;
  for (const auto& b : per_block)
    followers.insert(followers.end(), b.begin(), b.end());
  return followers;
}

template <class Real>
std::vector<std::uint64_t> apply_media(const scenario::MediaRule& params,
                                       std::span<const ResolvedOutlet> outlets, const Surge& surge,
                                       const Population<Real>& population,
                                       const StepContext& context, TrustArrays<Real>& next) {
  detail::check_population(population, "apply_media");
  const std::size_t groups = population.trust.size();
  if (!params.enabled || outlets.empty()) {
    detail::copy_trust(population, next);
    return std::vector<std::uint64_t>(groups, 0);
  }
  detail::require(context.rng != nullptr, "apply_media", "the step context has no streams");
  for (const ResolvedOutlet& o : outlets) {
    detail::require(!o.followers || o.followers->empty() || o.followers->back() < population.size(),
                    "apply_media", "an outlet's followers are not agents of this population");
  }

  const std::vector<ActiveOutlet> active = active_outlets(outlets, surge);
  const std::size_t n = population.size();
  const auto step = static_cast<std::uint64_t>(context.step);
  std::vector<std::uint64_t> partial(detail::block_count(n, detail::kBlock) * groups, 0);
  detail::shape_like_trust(population, next);

  detail::for_each_block(
      n, detail::kBlock, [&](std::size_t block, std::size_t begin, std::size_t end) {
        std::uint64_t* backlash = partial.data() + block * groups;
        for (std::size_t h = 0; h < groups; ++h) {
          std::copy(population.trust[h].begin() + static_cast<std::ptrdiff_t>(begin),
                    population.trust[h].begin() + static_cast<std::ptrdiff_t>(end),
                    next[h].begin() + static_cast<std::ptrdiff_t>(begin));
        }
        // Outlet by outlet, so every agent's effects add up in outlet order.
        for (const ActiveOutlet& o : active) {
          for (std::size_t first = begin; first < end; first += kChunk) {
            reach_chunk(params, o, population, *context.rng, step, first,
                        std::min(end, first + kChunk), next, backlash);
          }
        }
        for (std::size_t i = begin; i != end; ++i) {
          for (std::size_t h = 0; h < groups; ++h) {
            if (h != population.group[i]) next[h][i] = detail::clamp01(next[h][i]);
          }
        }
      });

  std::vector<std::uint64_t> total(groups, 0);
  for (std::size_t block = 0; block * groups < partial.size(); ++block) {
    for (std::size_t g = 0; g < groups; ++g)
      total[g] += partial[block * groups + g];
  }
  return total;
}

template std::vector<std::uint64_t> apply_media<float>(const scenario::MediaRule&,
                                                       std::span<const ResolvedOutlet>,
                                                       const Surge&, const Population<float>&,
                                                       const StepContext&, TrustArrays<float>&);
template std::vector<std::uint64_t> apply_media<double>(const scenario::MediaRule&,
                                                        std::span<const ResolvedOutlet>,
                                                        const Surge&, const Population<double>&,
                                                        const StepContext&, TrustArrays<double>&);

}  // namespace detente::rules
