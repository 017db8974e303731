#pragma once
// The effect of one message on one agent's trust toward one out-group
// (design §2.3 rule 3), shared by the media rule and the convener's messages
// (campaigns, co-produced works):
//   target t = (σ + 1)/2, gap = t − x,
//   pull = κ·c·s (times 1 − literacy for hostile content, σ < 0),
//   with probability b·(1 − c)·|gap| (decided by the draw u) the agent reacts
//   against it: change = −κ_b·gap (backlash); otherwise change = pull·gap.
// c is the credibility the agent gives the sender.
#include <cmath>

#include "scenario/scenario.hpp"

namespace detente::rules {

struct MessageEffect {
  double change = 0.0;
  bool backlash = false;
};

inline double message_pull(const scenario::MediaRule& params, double slant, double credibility,
                           double susceptibility, double literacy) {
  double pull = params.influence * credibility * susceptibility;
  if (slant < 0.0) pull *= 1.0 - literacy;
  return pull;
}

inline MessageEffect message_effect(const scenario::MediaRule& params, double target, double pull,
                                    double credibility, double trust, float u) {
  const double gap = target - trust;  // = (σ − (2x − 1))/2
  const double backlash_chance = params.backlash * (1.0 - credibility) * std::fabs(gap);
  if (u < backlash_chance) return {-params.backlash_step * gap, true};
  return {pull * gap, false};
}

}  // namespace detente::rules
