#pragma once
// Media outlets (design §2.3 rule 3).
//
// An agent follows outlet o if it belongs to o's audience and
// u(Purpose::media_audience, o.key, 0, agent) < reach; a follower is exposed in
// a step if u(Purpose::media_exposure, o.key, step, agent) < exposure. The
// message's target is t = (σ + 1)/2 on the trust scale, for the agent's trust
// toward every out-group. Exposure moves x toward t by
//   κ·c·s_i·(t − x), times (1 − literacy_i) when the content is hostile (σ < 0);
// with probability b·(1 − c)·|σ − (2x − 1)|/2 (the same draw's second word) the
// agent reacts against it instead and moves away: x −= κ_b·(t − x).
// c is the outlet's credibility, or the agent's convener_trust when the
// sponsor is the convener. During a hostile-media surge every outlet's slant
// moves toward −1 by `slant_shift` and its exposure is multiplied by
// `exposure_factor` (capped at 1).
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/population.hpp"
#include "rules/rule_context.hpp"
#include "scenario/scenario.hpp"

namespace detente::rules {

struct ResolvedOutlet {
  std::uint32_t key = 0;            // stream_key(name)
  std::uint32_t audience_mask = 0;  // bit g set if group g is in the audience
  double reach = 0.5;
  double exposure = 0.3;
  double slant = 0.0;
  double credibility = 0.6;
  bool convener_sponsored = false;
  // Optional cache of the audience draw: resolve_followers() of this outlet.
  // Following never changes (the draw is keyed by step 0), so a simulation
  // draws it once and apply_media then draws only exposure each step; the
  // result is the same with or without it. Refresh it if key, audience or
  // reach change.
  std::optional<std::vector<std::uint32_t>> followers;
};

// The agents that follow `outlet`: members of its audience with
// u(Purpose::media_audience, key, 0, agent) < reach, in increasing order.
std::vector<std::uint32_t> resolve_followers(const ResolvedOutlet& outlet,
                                             std::span<const std::uint8_t> group,
                                             const Streams& rng);

struct Surge {
  bool active = false;
  double slant_shift = 0.0;
  double exposure_factor = 1.0;
};

// Returns backlash events per group (index = group).
template <class Real>
std::vector<std::uint64_t> apply_media(const scenario::MediaRule& params,
                                       std::span<const ResolvedOutlet> outlets, const Surge& surge,
                                       const Population<Real>& population,
                                       const StepContext& context, TrustArrays<Real>& next);

}  // namespace detente::rules
