// Intergroup contact and extended contact (design §2.3 rule 2); the formulas
// are in contact.hpp.
//
// Phase one, over ties: each tie's meeting and how it went come from the tie's
// own stream (Purpose::contact, key), so both ends share one event and adding
// a tie shifts no other draw; each end appraises it with its own q; the tie's
// new strength is written in place (one task per tie). Phase two, over agents: each agent gathers
// the events of its own incident ties and its in-group neighbours' positive ties, and writes its
// own trust. No atomics, same result at any thread count.
#include "rules/contact.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <string>

#include "rules/detail/blocks.hpp"
#include "rules/detail/extended_counts.hpp"
#include "rules/detail/positive_share.hpp"
#include "rules/detail/state_shape.hpp"

namespace detente::rules {
namespace {

constexpr std::size_t kTieBlock = 8192;
constexpr std::size_t kAgentGrain = 2048;

// A tie's event in a step: 0 when it did not meet; otherwise kMet, with the
// bit of each end that found the meeting good.
constexpr std::uint8_t kMet = 1;
constexpr std::uint8_t kGoodForA = 2;
constexpr std::uint8_t kGoodForB = 4;

// Chance that a person with trust x toward the other's group finds a meeting
// in these conditions positive.
double positive_chance(const scenario::Contact& params, const scenario::Conditions& setting,
                       double own_trust) {
  double conditions = setting.equal_status + setting.common_goal + setting.institutional_support;
  double q = params.base_positive;
  if (setting.framing == scenario::Framing::competitive) {
    q -= params.competitive_penalty;  // teams against each other: no cooperation bonus
  } else {
    conditions += setting.cooperation;
  }
  q += params.condition_bonus * conditions - params.anxiety * (1.0 - own_trust);
  return std::clamp(q, 0.0, 1.0);
}

void check_ties(const CrossTies& ties, std::size_t agents, std::size_t settings) {
  const std::size_t e = ties.size();
  detail::require(ties.b.size() == e && ties.strength.size() == e && ties.key.size() == e &&
                      ties.setting.size() == e && ties.static_count <= e,
                  "apply_contact", "a, b, strength, key and setting must have one entry per tie");
  if (ties.offsets.empty()) {
    detail::require(e == 0, "apply_contact",
                    "ties exist but their incidence was not built (rebuild_incidence)");
  } else {
    detail::require(
        ties.offsets.size() == agents + 1 && ties.incident.size() == ties.offsets.back(),
        "apply_contact", "the tie incidence does not match the agent count");
  }
  if (settings > 0 && e > 0) {
    const std::size_t highest = *std::max_element(ties.setting.begin(), ties.setting.end());
    detail::require(highest < settings, "apply_contact",
                    "a tie uses setting " + std::to_string(highest) + " but only " +
                        std::to_string(settings) + " settings were given");
  }
}

// `depth[e]`, when depth is weighed, receives the strength tie e had before
// it met (only for ties that met).
template <class Real>
ContactCounts meet(const scenario::Contact& params, std::span<const scenario::Conditions> settings,
                   const Population<Real>& population, const StepContext& context, CrossTies& ties,
                   std::vector<std::uint8_t>& events, std::vector<float>& depth) {
  const bool weigh_depth = !depth.empty();
  const std::size_t count = ties.size();
  const std::size_t groups = population.groups();
  std::vector<ContactCounts> partial(detail::block_count(count, kTieBlock));
  std::vector<std::vector<std::uint32_t>> flipped(partial.size());
  const auto step = static_cast<std::uint64_t>(context.step);
  const Streams& rng = *context.rng;

  detail::for_each_block(
      count, kTieBlock, [&](std::size_t block, std::size_t begin, std::size_t end) {
        ContactCounts local;
        local.good_verdicts.assign(groups, 0);
        local.bad_verdicts.assign(groups, 0);
        for (std::size_t e = begin; e != end; ++e) {
          const AgentId a = ties.a[e];
          const AgentId b = ties.b[e];
          const std::uint8_t ga = population.group[a];
          const std::uint8_t gb = population.group[b];
          double strength = ties.strength[e];
          const bool was_positive = strength >= params.positive_tie;
          std::uint8_t event = 0;
          if (ga != gb) {  // a same-group pair is not a cross-group tie: it never meets
            const auto u = rng.uniforms(Purpose::contact, 0, step, ties.key[e]);
            const scenario::Conditions& setting =
                settings.empty() ? params.everyday : settings[ties.setting[e]];
            if (u[0] < params.rate * strength * setting.intensity) {
              // One meeting, u[1] how well it went; each end judges it by its
              // own expectations, so a warm and a wary person can leave the
              // same evening with different verdicts.
              const double qa = positive_chance(params, setting, population.trust[gb][a]);
              const double qb = positive_chance(params, setting, population.trust[ga][b]);
              event = kMet | (u[1] < qa ? kGoodForA : 0) | (u[1] < qb ? kGoodForB : 0);
              ++(event & kGoodForA ? local.good_verdicts : local.bad_verdicts)[ga];
              ++(event & kGoodForB ? local.good_verdicts : local.bad_verdicts)[gb];
              if (weigh_depth) depth[e] = ties.strength[e];
              ++local.meetings;
            }
          }
          // A friendship grows when both enjoyed it and cools when neither did.
          const std::uint8_t verdicts = event & (kGoodForA | kGoodForB);
          if (event != 0 && verdicts == (kGoodForA | kGoodForB)) {
            strength += params.strengthen * (1.0 - strength);
            ++local.positive;
          } else if (event != 0 && verdicts == 0) {
            strength -= params.weaken * strength;
            ++local.negative;
          }
          // Social ties persist at the floor; programme ties below it are the
          // caller's to drop.
          if (e < ties.static_count) strength = std::max(strength, params.tie_floor);
          ties.strength[e] = static_cast<float>(strength);
          events[e] = event;
          if ((static_cast<double>(ties.strength[e]) >= params.positive_tie) != was_positive)
            flipped[block].push_back(static_cast<std::uint32_t>(e));
        }
        partial[block] = local;
      });

  ContactCounts total;
  total.good_verdicts.assign(groups, 0);
  total.bad_verdicts.assign(groups, 0);
  for (const ContactCounts& p : partial) {
    total.meetings += p.meetings;
    total.positive += p.positive;
    total.negative += p.negative;
    for (std::size_t g = 0; g < groups; ++g) {
      total.good_verdicts[g] += p.good_verdicts[g];
      total.bad_verdicts[g] += p.bad_verdicts[g];
    }
  }
  for (const auto& block : flipped)
    total.flipped_ties.insert(total.flipped_ties.end(), block.begin(), block.end());
  return total;
}

template <class Real>
void update_trust(const scenario::Contact& params, const SocialNetwork& network,
                  const Population<Real>& population, const TieSummary& ties_before,
                  const CrossTies& ties, const std::vector<std::uint8_t>& events,
                  const std::vector<float>& depth, TrustArrays<Real>& next) {
  const std::size_t groups = population.trust.size();
  const std::size_t n = population.size();
  const Real up = static_cast<Real>(params.generalisation * params.positive_step);
  const Real down = static_cast<Real>(params.generalisation * params.negative_step);
  const Real extended = static_cast<Real>(params.extended_rate);
  const bool has_ties = !ties.offsets.empty();
  const std::uint32_t* positive_mask = ties_before.positive_mask.data();
  const auto counts = params.extended_rate > 0.0
                          ? detail::extended_counts(network, ties_before.positive_mask, groups)
                          : detail::ExtendedCounts{};
  const bool has_extended = counts.any_holder;
  const bool weigh_depth = !depth.empty();
  const double phi = params.depth_weight;

  // Agent i's new trust from the start state: its own meetings, then
  // extended contact through its in-group neighbours.
  auto update_agent = [&](std::size_t i) {
    const auto id = static_cast<AgentId>(i);
    const std::size_t own = population.group[i];
    const std::uint64_t first = has_ties ? ties.offsets[i] : 0;
    const std::uint64_t last = has_ties ? ties.offsets[i + 1] : 0;
    for (std::size_t h = 0; h < groups; ++h) {
      if (h == own) {
        next[h][i] = Real(0);
        continue;
      }
      // Meetings with members of h, all applied to the start state. Most ties
      // do not meet in a step, so the event is read first and the ends only
      // for the few that did.
      // Meetings weighed by depth (each weighs 1 when depth is not weighed,
      // so the sums are the counts).
      Real positive = 0;
      Real negative = 0;
      for (std::uint64_t k = first; k != last; ++k) {
        const std::uint32_t e = ties.incident[k];
        const std::uint8_t event = events[e];
        if (event == 0) continue;
        const AgentId other = ties.a[e] ^ ties.b[e] ^ id;
        if (population.group[other] != h) continue;
        const Real weight = weigh_depth
                                ? static_cast<Real>(1.0 - phi + phi * static_cast<double>(depth[e]))
                                : Real(1);
        if (event & (ties.a[e] == id ? kGoodForA : kGoodForB)) {
          positive += weight;
        } else {
          negative += weight;
        }
      }
      const Real x = population.trust[h][i];
      Real change = up * (Real(1) - x) * positive - down * x * negative;
      if (has_extended) {
        double share = 0.0;
        if (counts.scattered) {
          const auto peers = network.in_group_end[i] - network.in_group_begin[i];
          if (peers > 0)
            share = static_cast<double>(counts.count[h * n + i]) / static_cast<double>(peers);
        } else {
          share = detail::positive_share(network, positive_mask, id, static_cast<std::uint32_t>(h));
        }
        change += extended * (Real(1) - x) * static_cast<Real>(share);
      }
      next[h][i] = detail::clamp01(x + change);
    }
  };

  if (has_extended && !counts.scattered) {
    // Extended contact reaches (almost) everybody: every agent is updated.
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, kAgentGrain),
                      [&](const tbb::blocked_range<std::size_t>& range) {
                        for (std::size_t i = range.begin(); i != range.end(); ++i)
                          update_agent(i);
                      });
    return;
  }
  // Otherwise contact touches few agents in a step: the ends of ties that met
  // and the neighbours of positive-tie holders. Everybody else keeps their
  // trust, copied in bulk; the touched agents are recomputed exactly as above.
  detail::copy_trust(population, next);
  std::vector<std::uint8_t> touched(n, 0);
  for (std::size_t e = 0; e < events.size(); ++e) {
    if (events[e] != 0) touched[ties.a[e]] = touched[ties.b[e]] = 1;
  }
  if (has_extended) {
    for (std::size_t h = 0; h < groups; ++h)
      for (std::size_t i = 0; i < n; ++i)
        if (counts.count[h * n + i] != 0) touched[i] = 1;
  }
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 8 * kAgentGrain),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t i = range.begin(); i != range.end(); ++i)
                        if (touched[i]) update_agent(i);
                    });
}

}  // namespace

template <class Real>
ContactCounts apply_contact(const scenario::Contact& params,
                            std::span<const scenario::Conditions> settings,
                            const SocialNetwork& network, const Population<Real>& population,
                            const TieSummary& ties_before, CrossTies& ties,
                            const StepContext& context, TrustArrays<Real>& next) {
  detail::check_population(population, "apply_contact");
  if (!params.enabled) {
    detail::copy_trust(population, next);
    return {};
  }
  const std::size_t n = population.size();
  detail::require(context.rng != nullptr, "apply_contact", "the step context has no streams");
  check_ties(ties, n, settings.size());
  if (params.extended_rate > 0.0) {
    detail::require(ties_before.positive_mask.size() == n, "apply_contact",
                    "extended contact needs a tie summary with one entry per agent");
    detail::require(network.agents() == n && network.in_group_begin.size() == n &&
                        network.in_group_end.size() == n,
                    "apply_contact", "the network does not match the population");
  }
  detail::shape_like_trust(population, next);

  std::vector<std::uint8_t> events(ties.size());
  std::vector<float> depth(params.depth_weight > 0.0 ? ties.size() : 0);
  const ContactCounts counts = meet(params, settings, population, context, ties, events, depth);
  update_trust(params, network, population, ties_before, ties, events, depth, next);
  return counts;
}

template ContactCounts apply_contact<float>(const scenario::Contact&,
                                            std::span<const scenario::Conditions>,
                                            const SocialNetwork&, const Population<float>&,
                                            const TieSummary&, CrossTies&, const StepContext&,
                                            TrustArrays<float>&);
template ContactCounts apply_contact<double>(const scenario::Contact&,
                                             std::span<const scenario::Conditions>,
                                             const SocialNetwork&, const Population<double>&,
                                             const TieSummary&, CrossTies&, const StepContext&,
                                             TrustArrays<double>&);

}  // namespace detente::rules
