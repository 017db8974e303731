#pragma once
// Tie ageing (design §2.2): every programme tie (the ties after the static
// social ones) fades by tie_decay times its setting's decay factor,
//   strength ← strength·(1 − tie_decay·factor[setting]),
// and a tie whose strength falls under tie_floor is dropped. The static
// social ties do not age. Kept ties keep their order.
#include <span>

#include "core/network.hpp"
#include "scenario/scenario.hpp"

namespace detente::rules {

// Returns whether any tie was dropped (the ties' incidence must then be rebuilt).
bool age_programme_ties(const scenario::Contact& params, std::span<const float> decay_factor,
                        CrossTies& ties);

}  // namespace detente::rules
