#pragma once
// The convener's messages (campaigns, the release of a co-produced work):
// who follows them, who is exposed in a step, and what an exposure does.
// The effect is the media rule's (rules/message.hpp); only the credibility
// differs by sender. Draws come from the intervention's own sub-stream.
#include <cstdint>
#include <vector>

#include "core/population.hpp"
#include "core/rng.hpp"
#include "interventions/attitudes.hpp"
#include "scenario/scenario.hpp"

namespace detente::interventions {

struct Exposure {
  AgentId agent;
  float backlash_draw;
};

// Members of the groups in `audience_mask` with u(key, 0, agent, kDrawFollow) < reach.
std::vector<AgentId> followers(std::uint32_t audience_mask, double reach,
                               const std::vector<std::uint8_t>& group, const Streams& rng,
                               std::uint32_t key);

// The followers exposed in `step`: u(key, step, agent, draw)[0] < exposure;
// the same draw's second word decides backlash.
std::vector<Exposure> exposed(const std::vector<AgentId>& followers, double exposure,
                              const Streams& rng, std::uint32_t key, std::int64_t step,
                              std::uint32_t draw);

// Moves the agent's trust toward every out-group by the message's effect, in
// place; returns whether the agent reacted against it. With `norm_shift` > 0
// (and perceived norms held), that share of an accepted message's pull moves
// the agent's perceived norm toward the message's target instead of its
// trust toward it: the message portrays the group, not the other side.
// A reaction against it moves trust only.
template <class Real>
bool deliver(const scenario::MediaRule& params, double slant, double credibility,
             Attitudes<Real>& attitudes, const Exposure& exposure, double norm_shift = 0.0);

// Bit g set for every group named in `names`; every group when empty.
std::uint32_t audience_mask(const scenario::Scenario& scenario,
                            const std::vector<std::string>& names);

}  // namespace detente::interventions
