#pragma once
// The convener as part of the model (design §2.4): trust in it moves.
//  - Alignment: a convener seen as one group's instrument starts with
//    convener.alignment_penalty less of every other group's trust.
//  - Governance: each continuous practice (rotating leadership, shared
//    reporting) raises every agent's trust in it by practice_gain of what is
//    left to 1 per step, and each peer review (every peer_review_every steps)
//    by review_gain: slowly, and the same on every side.
//  - Backlash against its campaigns lowers it (media_campaign.cpp).
#include <cstdint>

#include "core/population.hpp"
#include "interventions/attitudes.hpp"
#include "scenario/scenario.hpp"

namespace detente::interventions {

// Once, when the world is built.
template <class Real>
void apply_alignment(const scenario::Scenario& scenario, Population<Real>& population);

// The share of the way to 1 that governance moves trust in the convener in `step`.
double governance_gain(const scenario::Convener& convener, std::int64_t step);

// Every step, before the interventions act.
template <class Real>
void apply_governance(const scenario::Convener& convener, std::int64_t step,
                      Attitudes<Real>& attitudes);

}  // namespace detente::interventions
