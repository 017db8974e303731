#pragma once
// Consolidation of anchors (design §2.3 rule 4): a ← a + η(x − a) + δ(d − a).
// A shift that lasts becomes the new normal; a spike that fades does not; and
// over years the settled attitude drifts back toward the person's own lasting
// disposition d, so peers and media do not make everyone alike.
// Anchors are only read by influence, earlier in the step, so this phase
// updates them in place.
#include "core/population.hpp"
#include "scenario/scenario.hpp"

namespace detente::rules {

template <class Real>
void apply_consolidation(const scenario::Consolidation& params, Population<Real>& population);

}  // namespace detente::rules
