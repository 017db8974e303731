#pragma once
// The convener as part of the model (design §2.4): trust in it moves.
//  - Alignment: a convener seen as one group's instrument starts with
//    convener.alignment_penalty less of every other group's trust.
//  - Governance is an intervention of its own (governance.cpp): it costs
//    money, takes time and can fail.
//  - Backlash against its campaigns lowers it (media_campaign.cpp).
#include <cstdint>

#include "core/population.hpp"
#include "scenario/scenario.hpp"

namespace detente::interventions {

// Once, when the world is built.
template <class Real>
void apply_alignment(const scenario::Scenario& scenario, Population<Real>& population);

}  // namespace detente::interventions
